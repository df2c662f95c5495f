import CLinuxSystem
import Crypto
import Foundation
import Glibc
import PeelParquet
import PeelTables

/// A file of the dataset, written as the run goes into the staging folder: buffered, checksummed as written,
/// fsynced when closed. Writing as rows are committed (never holding a table whole) keeps memory flat.
/// Unchecked Sendable: a file is only ever used by one thread at a time (the commit's, or one closing it).
final class StagedFile: @unchecked Sendable {
    /// Relative to the staging folder, as the manifest lists it.
    let path: String
    private let root: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var hasher = SHA256()
    private let checksummed: Bool
    private(set) var bytes = 0
    /// The bytes already handed to the disk's writeback (see `writeOut`).
    private var writebackStarted = 0
    /// Data rows written (tables only).
    var rows: Int?
    private static let bufferSize = 256 << 10

    /// Creates the file and the folders above it; `checksummed: false` for scratch files that are not outputs.
    init(root: String, path: String, checksummed: Bool = true) throws {
        self.path = path
        self.root = root
        self.checksummed = checksummed
        let fullPath = root + "/" + path
        try FileManager.default.createDirectory(atPath: (fullPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        descriptor = open(fullPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SystemCallError(description: "\(fullPath): \(errorText())") }
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        if descriptor >= 0 { Glibc.close(descriptor) }
    }

    func write(_ bytes: [UInt8]) throws {
        if buffer.count + bytes.count > Self.bufferSize { try flush() }
        if bytes.count >= Self.bufferSize {
            try writeOut(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Rows of a table, rendered: their bytes, counted in `rows` (a table's files count them).
    func write(_ bytes: [UInt8], rows count: Int) throws {
        try write(bytes)
        rows! += count
    }

    /// One length-prefixed record (`RecordFile`).
    func writeRecord(_ record: [UInt8]) throws {
        var prefix = RecordWriter(capacity: 5)
        prefix.int(record.count)
        try write(prefix.bytes)
        try write(record)
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try writeOut(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeOut(_ chunk: [UInt8]) throws {
        if checksummed { hasher.update(data: chunk) }
        bytes += chunk.count
        try chunk.withUnsafeBytes { raw in
            var written = 0
            while written < raw.count {
                let n = Glibc.write(descriptor, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw SystemCallError(description: "\(path): \(errorText())")
                }
                written += n
            }
        }
        // An output is fsynced when it closes, at the end of the run. Left to the kernel, a run's output (330 MB for
        // 1 GB of text) stays dirty until then, below any background writeback threshold, and the run waited
        // for all of it at its end. Started as the file grows, the disk writes while the run parses.
        if checksummed && bytes - writebackStarted >= Self.writebackChunk {
            _ = CLinuxSystem_startWriteback(descriptor, Int64(writebackStarted), Int64(bytes - writebackStarted))
            writebackStarted = bytes
        }
    }

    private static let writebackChunk = 4 << 20

    /// The record of a file `seal` finished: all its bytes written, its name final; only its fsync and close remain.
    private var sealedRecord: Manifest.OutputRecord?

    /// Flushes the file and, with `movingTo`, renames it to that path (relative to the same root): for files whose name
    /// is known only once they are written. Its manifest record, known before the file is synced: `close` then fsyncs
    /// and closes it, on any thread.
    func seal(movingTo newPath: String? = nil) throws -> Manifest.OutputRecord {
        try flush()
        var finalPath = path
        if let newPath {
            let target = root + "/" + newPath
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard rename(root + "/" + path, target) == 0 else { throw SystemCallError(description: "\(path): rename: \(errorText())") }
            finalPath = newPath
        }
        let record = Manifest.OutputRecord(path: finalPath, rows: rows, bytes: bytes, sha256: hexDigest(hasher.finalize()))
        sealedRecord = record
        return record
    }

    /// Flushes (and renames, as `seal`) unless sealed already, fsyncs and closes: the file's manifest record.
    func close(movingTo newPath: String? = nil) throws -> Manifest.OutputRecord {
        let record = try sealedRecord ?? seal(movingTo: newPath)
        defer {
            Glibc.close(descriptor)
            descriptor = -1
        }
        guard fsync(descriptor) == 0 else { throw SystemCallError(description: "\(path): fsync: \(errorText())") }
        return record
    }

    /// Closes without syncing (scratch files, read back and removed before publishing).
    func closeScratch() throws {
        try flush()
        Glibc.close(descriptor)
        descriptor = -1
    }
}

/// One table of the dataset as it is written, in its formats: in CSV its flat file and one file per partition
/// value, in Parquet the same under `parquet/`, all opened as the values appear, with statistics merged batch by
/// batch.
final class TableOutput {
    let schema: TableSchema
    private let root: String
    /// The CSV files, when the run writes CSV: the flat file, and the partitions' as they are met.
    private let flat: StagedFile?
    private var partitions: [Value: StagedFile] = [:]
    private var statistics: ColumnAccumulator
    private let partitionHeader: [UInt8]?
    private let parquet: ParquetTableOutput?
    /// Where the flat file is written when it has a thread of its own (`flatInBackground`).
    private let flatWrites: BackgroundWrites?
    private(set) var rows = 0

    /// `csv`: write the CSV files; `parquet`: the buffers of the run's Parquet writers, when it writes Parquet;
    /// `flatInBackground`: the flat CSV file is written on a thread of its own while the caller writes the rest.
    init(schema: TableSchema, root: String, csv: Bool = true, parquet: PageBuffers? = nil, flatInBackground: Bool = false) throws {
        precondition(csv || parquet != nil, "a table is written in some format")
        self.schema = schema
        self.root = root
        flatWrites = flatInBackground && csv ? BackgroundWrites() : nil
        self.parquet = try parquet.map { try ParquetTableOutput(schema: schema, root: root, buffers: $0) }
        statistics = ColumnAccumulator(schema: schema)
        if csv {
            let flat = try StagedFile(root: root, path: CSVRenderer.flatPath(schema))
            flat.rows = 0
            try flat.write(CSVRenderer.header(schema))
            self.flat = flat
            partitionHeader = CSVRenderer.partitionHeader(schema)
        } else {
            flat = nil
            partitionHeader = nil
        }
    }

    /// A batch's rows; `encoded` is their Parquet when a worker made it (else it is made here from the batch's values).
    func append(_ batch: RowBatch, parquet encoded: ParquetBatch? = nil) throws {
        guard batch.rows > 0 else { return }
        try parquet?.append(batch, encoded: encoded)
        try appendSkippingParquet(batch)
    }

    /// A batch's rows but their Parquet, which the caller appends with `appendParquet`, in batches of its own (a
    /// Parquet file's row groups close between the batches it is given, so those decide its bytes).
    func appendSkippingParquet(_ batch: RowBatch) throws {
        guard batch.rows > 0 else { return }
        rows += batch.rows
        statistics.merge(batch.statistics)
        guard let flat else { return }
        if let flatWrites {
            flatWrites.append(batch.flat, rows: batch.rows, to: flat)
        } else {
            try flat.write(batch.flat, rows: batch.rows)
        }
        guard partitionHeader != nil else { return }
        for part in batch.partitions {
            try partitionFile(part.key).write(part.partitioned, rows: part.rows)
        }
    }

    /// Statistics of rows appended without them (`RowBatch`es given back from a spool).
    func merge(statistics other: ColumnAccumulator) {
        statistics.merge(other)
    }

    /// The Parquet rows of rows appended with `appendSkippingParquet`, from their values.
    func appendParquet(_ batch: RowBatch) throws {
        guard batch.rows > 0 else { return }
        try parquet?.append(batch, encoded: nil)
    }

    private func partitionFile(_ key: Value) throws -> StagedFile {
        if let file = partitions[key] { return file }
        let file = try StagedFile(root: root, path: CSVRenderer.partitionPath(schema, key))
        file.rows = 0
        try file.write(partitionHeader!)
        partitions[key] = file
        return file
    }

    /// Its files, flat first, then partitions in partition order (the order of their manifest records), CSV before
    /// Parquet, for closing; and its statistics. A table with no rows still gets a header-only partition file, so
    /// `table/*/*.csv` always matches (DuckDB and Spark refuse an empty glob).
    func finish() throws -> (files: [StagedFile], columns: [ColumnStatistics]) {
        try flatWrites?.wait()
        var csv: [StagedFile] = []
        if let flat {
            if partitionHeader != nil && partitions.isEmpty { _ = try partitionFile(.null) }
            csv = [flat] + partitions.keys.sorted(by: CSVRenderer.partitionOrder).map { partitions[$0]! }
        }
        return (csv + (try parquet?.finish() ?? []), statistics.statistics)
    }
}

/// Appends to one file on a thread of its own, in the order given, at most `limit` chunks ahead of the caller (so
/// memory stays bounded when the disk is slower than the caller). `wait` returns once all is written, or throws the
/// first failure (after which nothing more is written).
final class BackgroundWrites: @unchecked Sendable {
    private let queue = DispatchQueue(label: "peel.background-writes")
    private let room: DispatchSemaphore
    private var failure: (any Error)?

    init(limit: Int = 16) { room = DispatchSemaphore(value: limit) }

    func append(_ bytes: [UInt8], rows: Int, to file: StagedFile) {
        room.wait()
        queue.async {
            defer { self.room.signal() }
            guard self.failure == nil else { return }
            do {
                try file.write(bytes, rows: rows)
            } catch {
                self.failure = error
            }
        }
    }

    func wait() throws {
        try queue.sync { if let failure { throw failure } }
    }
}

extension StagedFile {
    /// Closes files, fsyncing them together: one after another, each fsync waited for the disk alone (strace: 73
    /// fsyncs, 0.22 s of the 0.47 s after the last entry, on 200 MB of text). Their records, in the order given.
    static func closeAll(_ files: [StagedFile]) throws -> [Manifest.OutputRecord] {
        let results = ResultSlots<Manifest.OutputRecord>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            results.set(index, Result { try files[index].close() })
        }
        return try results.values()
    }
}

/// Sealed files (`StagedFile.seal`) synced and closed one after another on a thread of their own while the run goes on
/// (an archive's cache records, sealed as its last entry commits); `wait()` waits for all of them. At most `limit` wait
/// at a time, each holding its descriptor: a run of many archives waits for the disk rather than open more.
final class BackgroundSyncs: @unchecked Sendable {
    private let queue = DispatchQueue(label: "peel.background-syncs")
    private let slots: DispatchSemaphore
    private var failure: (any Error)?

    init(limit: Int = 32) { slots = DispatchSemaphore(value: limit) }

    func close(_ files: [StagedFile]) {
        for file in files {
            slots.wait()
            queue.async {
                defer { self.slots.signal() }
                do { _ = try file.close() } catch { if self.failure == nil { self.failure = error } }
            }
        }
    }

    /// Once every file given is synced and closed; the first failure otherwise.
    func wait() throws {
        try queue.sync { if let failure { throw failure } }
    }
}

/// Files closed (`StagedFile.closeAll`) on another thread while the caller goes on; `records()` waits for them.
final class ClosingFiles: @unchecked Sendable {
    /// How many files: known at once, unlike their records.
    let count: Int
    private let done = DispatchGroup()
    private var result: Result<[Manifest.OutputRecord], any Error> = .success([])

    /// Starts closing `files`; `after`'s records come first in `records()`, and its failure is this one's.
    init(_ files: [StagedFile], after earlier: ClosingFiles? = nil) {
        count = files.count + (earlier?.count ?? 0)
        // Nothing to close: no thread for it.
        if files.isEmpty && earlier == nil { return }
        DispatchQueue.global(qos: .userInitiated).async(group: done) {
            let own = Result { try StagedFile.closeAll(files) }
            self.result = Result { try (earlier?.records() ?? []) + own.get() }
        }
    }

    /// The files' records, in the order given, once every one is closed; the first failure otherwise.
    func records() throws -> [Manifest.OutputRecord] {
        done.wait()
        return try result.get()
    }
}

/// One result per index, filled from several threads.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Value, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<Value, any Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func values() throws -> [Value] {
        try slots.map { try $0!.get() }
    }
}

/// Length-prefixed records in a file (written by `StagedFile.writeRecord`): the archive cache's records and the
/// run's scratch spools.
enum RecordFile {
    /// Calls `body` with each record of the file in order, reading it in blocks (a file may be larger than memory
    /// should hold). Throws on a torn or foreign file.
    static func forEach(inFileAt path: String, _ body: ([UInt8]) throws -> Void) throws {
        var pending: [UInt8] = []
        var start = 0
        try FileBlocks.forEach(inFileAt: path) { block in
            pending.append(contentsOf: block)
            // Every record whose length and bytes are all here is handed on; the rest waits for the next block.
            while true {
                var reader = RecordReader(pending, from: start)
                guard let length = try? reader.int(), length >= 0, pending.count - reader.position >= length else { break }
                let begin = reader.position
                try body(Array(pending[begin..<begin + length]))
                start = begin + length
            }
            pending.removeFirst(start)
            start = 0
        }
        guard pending.isEmpty else { throw SystemCallError(description: "\(path): truncated record") }
    }
}

/// A file's bytes in order, a block at a time, read into one buffer used again and again: a fresh 1 MB `Data` per
/// read (`FileHandle.read(upToCount:)`) was mapped and faulted in page by page, a fifth of writing the validation
/// table at the end of a run (perf).
enum FileBlocks {
    static func forEach(inFileAt path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemCallError(description: "\(path): cannot open: \(errorText())") }
        defer { Glibc.close(descriptor) }
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
        defer { block.deallocate() }
        while true {
            let count = Glibc.read(descriptor, block.baseAddress, blockSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemCallError(description: "\(path): \(errorText())")
            }
            if count == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: block[..<count]))
        }
    }

    private static let blockSize = 1 << 20
}

struct SystemCallError: Error, CustomStringConvertible {
    let description: String
}

func errorText() -> String { String(cString: strerror(errno)) }
