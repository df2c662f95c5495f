import CZstd

/// Zstandard compression of one Parquet page, through libzstd (the library libarchive already uses): the only Swift
/// code that sees it. One-shot and single-threaded, so the same bytes and level always give the same output.
enum Zstd {
    static func compress(_ input: [UInt8], level: Int32) -> [UInt8] {
        let bound = ZSTD_compressBound(input.count)
        var output = [UInt8](repeating: 0, count: bound)
        let written = output.withUnsafeMutableBytes { out in
            input.withUnsafeBytes { source in
                ZSTD_compress(out.baseAddress, bound, source.baseAddress, input.count, level)
            }
        }
        // A bound-sized buffer always holds the result; an error here is a programming error (a bad level).
        precondition(ZSTD_isError(written) == 0, "zstd: \(String(cString: ZSTD_getErrorName(written)))")
        output.removeSubrange(written...)
        return output
    }
}
