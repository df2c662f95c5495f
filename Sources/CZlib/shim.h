// zlib as one module. Only PeelArchive/GzipStream.swift imports it.
#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 for gzip streams (it is a macro, which Swift cannot import): 15-bit window, gzip header only.
static inline int CZlib_inflateInitGzip(z_streamp stream) {
    return inflateInit2(stream, 15 + 16);
}
#endif
