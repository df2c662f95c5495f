// The vector instruction that gathers sixteen bytes' top bits into an integer (SSE2's pmovmskb), which Swift's SIMD
// types do not expose: their `any` is a generic horizontal reduction, and a mask read back as two words takes a
// blend, two moves and two multiplications. A static inline function, compiled into the Swift code that calls it.
#ifndef CVECTORMASK_SHIM_H
#define CVECTORMASK_SHIM_H

typedef unsigned char CVectorMask_bytes16 __attribute__((ext_vector_type(16)));

#if defined(__SSE2__)
#include <emmintrin.h>
/// Bit i set when byte i of `bytes` has its top bit set.
static inline unsigned int CVectorMask_topBits(CVectorMask_bytes16 bytes) {
    return (unsigned int)_mm_movemask_epi8((__m128i)bytes);
}
#else
static inline unsigned int CVectorMask_topBits(CVectorMask_bytes16 bytes) {
    unsigned int bits = 0;
    for (int lane = 0; lane < 16; lane++) bits |= (unsigned int)(bytes[lane] >> 7) << lane;
    return bits;
}
#endif

/// The same for thirty-two bytes: one instruction with AVX2 (a build for x86-64-v3, README "Installing it"), else
/// each half's.
typedef unsigned char CVectorMask_bytes32 __attribute__((ext_vector_type(32)));

#if defined(__AVX2__)
#include <immintrin.h>
static inline unsigned int CVectorMask_topBits32(CVectorMask_bytes32 bytes) {
    return (unsigned int)_mm256_movemask_epi8((__m256i)bytes);
}
#else
static inline unsigned int CVectorMask_topBits32(CVectorMask_bytes32 bytes) {
    CVectorMask_bytes16 low = __builtin_shufflevector(bytes, bytes, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    CVectorMask_bytes16 high = __builtin_shufflevector(bytes, bytes, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31);
    return CVectorMask_topBits(low) | CVectorMask_topBits(high) << 16;
}
#endif

#endif
