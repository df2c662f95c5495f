// jemalloc, the allocator of the peel process, as one module. Only Sources/peel/main.swift imports it: linking it is
// the whole use (its malloc and free take the place of glibc's for every allocation of the process), and
// configuration.c holds the options it starts with.
#ifndef CJEMALLOC_H
#define CJEMALLOC_H
#include <jemalloc/jemalloc.h>
#endif
