import Glibc

/// Hands the input file's bytes to `consume` in file order, from the reader's own reads, so that a digest of the
/// input costs no second pass over the file (at 1 GB, the second read's copying was 3 % of a run's CPU).
///
/// Readers do not always read a file straight through: zip's looks at the end first, libarchive's bidders look
/// ahead, and a second pass starts again. So only the reads that carry on the bytes seen so far are taken; the rest
/// are left, and `finish` reads whatever no reader carried on, to the end of the file. Every byte is consumed once,
/// in order, whatever the reads were.
public final class InputObserver {
    private let consume: (UnsafeRawBufferPointer) -> Void
    /// The file's first `bytes` bytes have been consumed.
    public private(set) var bytes = 0
    /// Every byte of the file was consumed: `finish` reached its end.
    public private(set) var complete = false
    /// Why the rest of the file could not be read, in the system's words.
    public private(set) var readError: String?
    /// The bytes no reader carried on, which `finish` read itself: what the file's second read still costs.
    public private(set) var bytesReadByFinish = 0

    public init(_ consume: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.consume = consume
    }

    /// Bytes a reader read at `offset` of the file: the part that carries on from `bytes`, if any, is consumed.
    func saw(_ block: UnsafeRawBufferPointer, at offset: Int) {
        let end = offset + block.count
        guard !complete, offset <= bytes, end > bytes else { return }
        consume(UnsafeRawBufferPointer(rebasing: block[(bytes - offset)...]))
        bytes = end
    }

    /// Reads the file at `path` on from `bytes` to its end, consuming it. Called once the readers are done.
    func finish(path: String) {
        guard !complete, readError == nil else { return }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            readError = String(cString: strerror(errno))
            return
        }
        defer { close(descriptor) }
        finish(descriptor: descriptor)
    }

    /// Reads the file open on `descriptor` on from `bytes` to its end, consuming it, by position (so it never moves
    /// the descriptor's offset), in 128 KiB blocks: a block that fits the core's L2 cache is consumed where the copy
    /// left it (1 MiB blocks made the copy cost 3 × the hashing).
    public func finish(descriptor: Int32) {
        guard !complete, readError == nil else { return }
        let size = 128 << 10
        let block = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
        defer { block.deallocate() }
        while true {
            let count = pread(descriptor, block, size, off_t(bytes))
            if count < 0 {
                if errno == EINTR { continue }
                readError = String(cString: strerror(errno))
                return
            }
            if count == 0 { break }
            bytesReadByFinish += count
            saw(UnsafeRawBufferPointer(start: block, count: count), at: bytes)
        }
        complete = true
    }
}

/// An input file read through libarchive's callbacks rather than `archive_read_open_filename`, so that its bytes
/// pass an `InputObserver`. It reads, seeks and skips as libarchive's own file reader does (64 KiB blocks, `lseek`),
/// except that it never skips: skipped bytes are read, so the observer can consume them.
final class ObservedFile {
    private static let blockSize = 64 << 10
    let path: String
    let observer: InputObserver
    private var descriptor: Int32 = -1
    private var position = 0
    private let block = UnsafeMutableRawPointer.allocate(byteCount: ObservedFile.blockSize, alignment: 64)

    init(path: String, observer: InputObserver) {
        self.path = path
        self.observer = observer
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        block.deallocate()
    }

    /// Opens the file; the system's reason when it cannot.
    func open() -> String? {
        descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        return descriptor < 0 ? "Failed to open '\(path)': \(String(cString: strerror(errno)))" : nil
    }

    /// The next block at the current position (empty at the end), or the system's reason for failing.
    func read() -> Result<UnsafeRawBufferPointer, ReadFailure> {
        while true {
            let count = Glibc.read(descriptor, block, Self.blockSize)
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(reason: "Error reading '\(path)': \(String(cString: strerror(errno)))"))
            }
            let bytes = UnsafeRawBufferPointer(start: block, count: count)
            observer.saw(bytes, at: position)
            position += count
            return .success(bytes)
        }
    }

    /// Moves to `offset` from `whence` (`SEEK_SET`, `SEEK_CUR`, `SEEK_END`); the new position, or nil on failure.
    func seek(_ offset: Int, whence: Int32) -> Int? {
        let moved = lseek(descriptor, off_t(offset), whence)
        guard moved >= 0 else { return nil }
        position = Int(moved)
        return position
    }

    struct ReadFailure: Error {
        let reason: String
    }
}
