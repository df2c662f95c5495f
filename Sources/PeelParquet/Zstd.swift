import CZstd

/// Zstandard compression of Parquet pages, through libzstd (the library libarchive already uses): the only Swift code
/// that sees it. One context, reused page after page (a fresh one per page costs an allocation and a table reset
/// each time); one-shot and single-threaded, so the same bytes and level always give the same output, as
/// `ZSTD_compress` would.
final class ZstdCompressor {
    private let context: OpaquePointer
    let level: Int32
    /// The last page compressed, in a buffer kept between pages.
    private(set) var output: [UInt8] = []

    init(level: Int32) {
        guard let context = ZSTD_createCCtx() else { fatalError("zstd: no memory for a compression context") }
        self.context = context
        self.level = level
    }

    deinit { ZSTD_freeCCtx(context) }

    /// Compresses `input` into `output`, and returns the compressed length (the valid prefix of `output`).
    func compress(_ input: UnsafeRawBufferPointer) -> Int {
        let bound = ZSTD_compressBound(input.count)
        if output.count < bound { output = [UInt8](repeating: 0, count: bound) }
        let written = output.withUnsafeMutableBytes { out in
            ZSTD_compressCCtx(context, out.baseAddress, out.count, input.baseAddress, input.count, level)
        }
        // A bound-sized buffer always holds the result; an error here is a programming error (a bad level).
        precondition(ZSTD_isError(written) == 0, "zstd: \(String(cString: ZSTD_getErrorName(written)))")
        return written
    }
}
