#include "CProcessor.h"

// `.ci/build-release` compiles peel's Swift code for x86-64-v3 (AVX2, BMI1, BMI2, FMA, F16C, LZCNT, MOVBE: Intel
// processors from Haswell, 2013, AMD from Excavator, 2015) when the machine it builds on has them, and defines
// PEEL_REQUIRES_X86_64_V3 (README, "Installing it"). Copied to a processor without them, that code would die of an
// illegal instruction at its first use; this check, which runs before main and is itself compiled for any x86-64
// (C files get no -target-cpu), stops it first and says why and what to do. Exit status 69 (EX_UNAVAILABLE).
#if defined(__x86_64__) && defined(PEEL_REQUIRES_X86_64_V3)
#include <cpuid.h>
#include <string.h>
#include <unistd.h>

/// The first x86-64-v3 feature this processor (or its operating system) lacks, or NULL.
static const char *missing_feature(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return "CPUID leaf 1";
    if (!(ecx & (1u << 28))) return "AVX";
    // AVX registers are usable only if the system saves them on a switch (OSXSAVE, then XCR0's SSE and AVX bits).
    if (!(ecx & (1u << 27))) return "AVX state saving (OSXSAVE)";
    unsigned int xcr0, xcr0High;
    __asm__ volatile("xgetbv" : "=a"(xcr0), "=d"(xcr0High) : "c"(0));
    if ((xcr0 & 6u) != 6u) return "AVX state saving (XCR0)";
    if (!(ecx & (1u << 12))) return "FMA";
    if (!(ecx & (1u << 29))) return "F16C";
    if (!(ecx & (1u << 22))) return "MOVBE";
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return "CPUID leaf 7";
    if (!(ebx & (1u << 5))) return "AVX2";
    if (!(ebx & (1u << 3))) return "BMI1";
    if (!(ebx & (1u << 8))) return "BMI2";
    if (!__get_cpuid(0x80000001u, &eax, &ebx, &ecx, &edx) || !(ecx & (1u << 5))) return "LZCNT";
    return NULL;
}

static void say(const char *text) {
    size_t left = strlen(text);
    while (left > 0) {
        ssize_t written = write(STDERR_FILENO, text, left);
        if (written <= 0) return;
        text += written;
        left -= (size_t)written;
    }
}

__attribute__((constructor(101), used)) static void require_x86_64_v3(void) {
    const char *missing = missing_feature();
    if (missing == NULL) return;
    say("peel: this build of peel needs an x86-64-v3 processor (AVX2, BMI1, BMI2, FMA, F16C, LZCNT, MOVBE), and this one lacks ");
    say(missing);
    say(": it was built on a newer machine. Build it on this one with `bash .ci/build-release`, or anywhere with "
        "`bash .ci/build-release --portable` for any x86-64 processor.\n");
    _exit(69);
}
#endif
