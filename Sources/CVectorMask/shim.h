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

#endif
