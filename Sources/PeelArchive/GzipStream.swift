// The only Swift file that sees zlib.
import CZlib
import Glibc

/// A gzip file inflated as it is read, for when libarchive's own gzip filter gives up on a truncated file: it
/// drops the last block it had inflated, and with it every entry whose bytes had all arrived after the one before.
/// This hands on every byte the compressed data holds, then ends, and says whether the data was cut short.
final class GzipStream {
    private static let blockSize = 64 << 10
    private var stream = z_stream()
    private let file: UnsafeMutablePointer<FILE>
    private let input = UnsafeMutablePointer<Bytef>.allocate(capacity: blockSize)
    /// Handed to libarchive; valid until the next `next()`.
    private let output = UnsafeMutablePointer<Bytef>.allocate(capacity: blockSize)
    private var inputEnded = false
    private var memberEnded = false
    /// Compressed bytes read from the file.
    private(set) var consumed = 0
    /// The data ended inside a gzip member.
    private(set) var truncated = false
    /// zlib's reason when the data is corrupt (not just cut short).
    private(set) var error: String?

    init?(path: String) {
        guard let file = fopen(path, "rb") else { return nil }
        self.file = file
        guard CZlib_inflateInitGzip(&stream) == Z_OK else {
            fclose(file)
            return nil
        }
    }

    deinit {
        inflateEnd(&stream)
        fclose(file)
        input.deallocate()
        output.deallocate()
    }

    /// Inflates what libarchive left unread after the archive's end marker (padding), up to `limit` bytes, so that
    /// `truncated` and `error` speak for the whole file.
    func readToEnd(limit: Int = 16 << 20) {
        var read = 0
        while read < limit {
            let block = next()
            if block.isEmpty { return }
            read += block.count
        }
    }

    /// The next inflated bytes; empty at the end (of the data, or of what arrived) and after an error.
    func next() -> UnsafeRawBufferPointer {
        stream.next_out = output
        stream.avail_out = uInt(Self.blockSize)
        while error == nil && stream.avail_out == uInt(Self.blockSize) {
            if stream.avail_in == 0 && !inputEnded {
                let count = fread(input, 1, Self.blockSize, file)
                consumed += count
                if count == 0 {
                    inputEnded = true
                } else {
                    stream.next_in = input
                    stream.avail_in = uInt(count)
                }
            }
            if stream.avail_in == 0 && inputEnded {
                // Only a member cut short is truncation; after a whole member the end of the file is the end.
                if !memberEnded { truncated = true }
                break
            }
            if memberEnded {
                // Concatenated members are one stream (`cat a.gz b.gz`); anything else after a member (padding)
                // ends it, as gzip itself reads it.
                guard stream.avail_in < 2 || (stream.next_in[0] == 0x1F && stream.next_in[1] == 0x8B) else {
                    inputEnded = true
                    stream.avail_in = 0
                    break
                }
                inflateReset(&stream)
                memberEnded = false
            }
            let status = inflate(&stream, Z_NO_FLUSH)
            switch status {
            case Z_STREAM_END: memberEnded = true
            case Z_OK: break
            case Z_BUF_ERROR where stream.avail_in == 0: break  // needs more input
            default: error = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            }
        }
        return UnsafeRawBufferPointer(start: output, count: Self.blockSize - Int(stream.avail_out))
    }
}
