// The only Swift file that sees ISA-L.
import CIsal
import Glibc

/// A gzip file inflated as it is read, handed to libarchive as the archive's bytes. peel inflates gzip itself,
/// with ISA-L's inflater, for two reasons:
/// - speed: it inflates about 2.5 times as fast as zlib, which libarchive's own gzip filter uses, and a tar.gz's
///   inflation is work the one thread reading the archive does for every worker;
/// - damage: libarchive's filter drops the last block it had inflated when the file is cut short, and with it
///   every entry whose bytes had all arrived after the one before. This hands on every byte the compressed data
///   holds, then ends, and says whether the data was cut short or is corrupt.
final class GzipStream {
    private static let inputSize = 128 << 10
    private static let outputSize = 128 << 10
    /// At a fixed address: ISA-L keeps pointers into its own state (its staging buffers) between calls, which a
    /// Swift stored struct, passed `&` as a temporary copy, would leave dangling.
    private let state = UnsafeMutablePointer<inflate_state>.allocate(capacity: 1)
    private let file: UnsafeMutablePointer<FILE>
    private let input = UnsafeMutablePointer<UInt8>.allocate(capacity: inputSize)
    /// Handed to libarchive; valid until the next `next()`.
    private let output = UnsafeMutablePointer<UInt8>.allocate(capacity: outputSize)
    private var inputEnded = false
    private var memberEnded = false
    /// Compressed bytes read from the file.
    private(set) var consumed = 0
    /// Inflated bytes handed out so far.
    private(set) var produced = 0
    /// Inflated bytes whose gzip member ended with a matching CRC-32 and length: these are certain. Bytes after
    /// them are certain only once their own member's trailer is checked, since damaged deflate data can inflate
    /// to plausible text (one literal's code turned into another's) long before, or without, an invalid code.
    private(set) var verified = 0
    /// The data ended inside a gzip member.
    private(set) var truncated = false
    /// Why the data is corrupt (not just cut short).
    private(set) var error: String?

    /// A gzip file's first four bytes as libarchive's gzip filter accepts them: the magic number, deflate, and no
    /// reserved flag. A file that starts otherwise is left to libarchive's other readers.
    static func isGzip(head: [UInt8]) -> Bool {
        head.count >= 4 && head[0] == 0x1F && head[1] == 0x8B && head[2] == 8 && head[3] & 0xE0 == 0
    }

    /// What sees the compressed bytes as they are read, if anything.
    private let observer: InputObserver?

    convenience init?(path: String, observer: InputObserver? = nil) {
        self.init(file: fopen(path, "rb"), observer: observer)
    }

    /// Over bytes in memory, which must outlive the stream.
    private convenience init?(memory: UnsafeRawBufferPointer) {
        guard let base = memory.baseAddress else { return nil }
        self.init(file: fmemopen(UnsafeMutableRawPointer(mutating: base), memory.count, "rb"))
    }

    private init?(file: UnsafeMutablePointer<FILE>?, observer: InputObserver? = nil) {
        guard let file else {
            state.deallocate()
            input.deallocate()
            output.deallocate()
            return nil
        }
        self.file = file
        self.observer = observer
        state.initialize(to: inflate_state())
        startMember()
    }

    /// Why gzip data in memory is corrupt, when it is: it is inflated whole (up to `limit` bytes out, past which it
    /// is taken as whole) and every member's CRC-32 and length checked. Data merely cut short is not corrupt.
    /// libarchive's own gzip filter does not check the CRC-32, and a tar reader stops at the archive's end marker
    /// before the trailer anyway: a nested tar.gz with one bit flipped would be read as good.
    /// Also how many bytes it inflated, which count against the archive's budget.
    static func damage(in bytes: [UInt8], limit: Int) -> (damage: String?, inflated: Int) {
        bytes.withUnsafeBytes { raw in
            guard let stream = GzipStream(memory: raw) else { return (nil, 0) }
            stream.readToEnd(limit: limit)
            return (stream.error, stream.produced)
        }
    }

    deinit {
        fclose(file)
        state.deallocate()
        input.deallocate()
        output.deallocate()
    }

    /// Resets the inflater for a gzip member (header, deflate data, and a trailer whose CRC-32 and length are
    /// checked), keeping the input it has not used and the output space it has not filled (the reset clears both).
    private func startMember() {
        let (nextIn, availableIn) = (state.pointee.next_in, state.pointee.avail_in)
        let (nextOut, availableOut) = (state.pointee.next_out, state.pointee.avail_out)
        isal_inflate_init(state)
        state.pointee.crc_flag = UInt32(ISAL_GZIP)
        (state.pointee.next_in, state.pointee.avail_in) = (nextIn, availableIn)
        (state.pointee.next_out, state.pointee.avail_out) = (nextOut, availableOut)
    }

    /// Inflates what libarchive left unread (padding after the archive's end marker, or the rest of the data after
    /// reading stopped), up to `limit` bytes, so that `truncated`, `error` and `verified` speak for the whole file.
    func readToEnd(limit: Int) {
        var read = 0
        while read < limit {
            let block = next()
            if block.isEmpty { return }
            read += block.count
        }
    }

    /// The next inflated bytes; empty at the end (of the data, or of what arrived) and after an error.
    func next() -> UnsafeRawBufferPointer {
        state.pointee.next_out = output
        state.pointee.avail_out = UInt32(Self.outputSize)
        while error == nil && state.pointee.avail_out == UInt32(Self.outputSize) {
            if state.pointee.avail_in == 0 && !inputEnded {
                let count = fread(input, 1, Self.inputSize, file)
                observer?.saw(UnsafeRawBufferPointer(start: input, count: count), at: consumed)
                consumed += count
                if count == 0 {
                    inputEnded = true
                } else {
                    state.pointee.next_in = input
                    state.pointee.avail_in = UInt32(count)
                }
            }
            if memberEnded {
                // Concatenated members are one stream (`cat a.gz b.gz`); anything else after a member (padding)
                // ends it, as gzip itself reads it. The next member's first byte may be all this block holds.
                if state.pointee.avail_in == 1 && !inputEnded {
                    let byte = state.pointee.next_in[0]
                    input[0] = byte
                    let count = fread(input + 1, 1, Self.inputSize - 1, file)
                    observer?.saw(UnsafeRawBufferPointer(start: input + 1, count: count), at: consumed)
                    consumed += count
                    if count == 0 { inputEnded = true }
                    state.pointee.next_in = input
                    state.pointee.avail_in = UInt32(1 + count)
                }
                guard state.pointee.avail_in >= 2, state.pointee.next_in[0] == 0x1F, state.pointee.next_in[1] == 0x8B else {
                    inputEnded = true
                    state.pointee.avail_in = 0
                    break
                }
                startMember()
                memberEnded = false
            }
            if state.pointee.avail_in == 0 && inputEnded {
                // Only a member cut short is truncation; after a whole member the end of the file is the end.
                truncated = true
                break
            }
            let status = isal_inflate(state)
            if status < 0 {
                error = Self.reason(status)
            } else if state.pointee.block_state == ISAL_BLOCK_FINISH {
                // ISA-L finishes a member only after checking its trailer (crc_flag ISAL_GZIP).
                memberEnded = true
                verified = produced + Self.outputSize - Int(state.pointee.avail_out)
            }
        }
        let count = Self.outputSize - Int(state.pointee.avail_out)
        produced += count
        return UnsafeRawBufferPointer(start: output, count: count)
    }

    private static func reason(_ status: Int32) -> String {
        switch status {
        case ISAL_INVALID_BLOCK: "invalid deflate block"
        case ISAL_INVALID_SYMBOL: "invalid deflate code"
        case ISAL_INVALID_LOOKBACK: "invalid distance too far back"
        case ISAL_INVALID_WRAPPER: "invalid gzip header"
        case ISAL_UNSUPPORTED_METHOD: "unknown compression method"
        case ISAL_INCORRECT_CHECKSUM: "incorrect data check"
        default: "inflate error \(status)"
        }
    }
}
