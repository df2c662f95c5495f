#include "CJemalloc.h"

// The options jemalloc reads at its start (the MALLOC_CONF environment variable still comes after them).
// dirty_decay_ms: freed pages go back to the system after about a second instead of ten. A run over very many tiny
// entries frees as fast as it allocates, and with the default its peak RSS for a million entries rose from 216 MB
// (glibc's allocator, the same hour) to 286 MB, against a 300 MB target; with a second, 222–227 MB, at about 1 % more
// CPU on the 1 GB benchmark (Benchmarks/README.md, "Issue 15, a seventeenth step").
__attribute__((used)) const char *malloc_conf = "dirty_decay_ms:1000";
