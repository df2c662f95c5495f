import Crypto
import Foundation
@testable import PeelPipeline
import PeelTestSupport
import Testing

/// The dataset's files are fsynced on another thread while the run goes on: their records come back in the order
/// given, and a file that cannot be written fails the wait (the run then fails; nothing is published).
@Suite("Files closed in the background")
struct ClosingFilesTests {
    private func file(_ root: String, _ path: String, _ text: String) throws -> StagedFile {
        let file = try StagedFile(root: root, path: path)
        try file.write(Array(text.utf8))
        return file
    }

    @Test("records in the order given, earlier files first, each with its size and checksum")
    func recordsInOrder() throws {
        let root = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try ClosingFiles([]).records().isEmpty)
        let first = ClosingFiles([try file(root, "c.csv", "c\n")])
        let closing = ClosingFiles([try file(root, "a.csv", "a,b\n1,2\n"), try file(root, "b/x.csv", "x\n")], after: first)
        #expect(closing.count == 3)
        let records = try closing.records()
        #expect(records.map(\.path) == ["c.csv", "a.csv", "b/x.csv"])
        #expect(records.map(\.bytes) == [2, 8, 2])
        let written = try #require(FileManager.default.contents(atPath: root + "/a.csv"))
        #expect(records[1].sha256 == SHA256.hash(data: written).map { String(format: "%02x", $0) }.joined())
    }

    @Test("a file that cannot be written fails the wait, and so does any closing after it")
    func failureReachesTheWaiter() throws {
        let root = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // /dev/full takes the open and fails every write with ENOSPC, as a full disk does.
        let full = ClosingFiles([try file(root, "ok.csv", "fine\n"), try file("/dev", "full", "lost\n")])
        #expect {
            _ = try full.records()
        } throws: { error in
            "\(error)".contains("full") && "\(error)".contains("No space left on device")
        }
        let after = ClosingFiles([try file(root, "later.csv", "later\n")], after: full)
        #expect(throws: (any Error).self) { _ = try after.records() }
    }
}

/// An archive's cache files are sealed as its last entry commits (their records and final names known at once) and
/// synced on a thread of their own; the run waits for them before it publishes.
@Suite("Sealed files synced in the background")
struct BackgroundSyncsTests {
    @Test("a sealed file has its final name and record at once; synced, its bytes are those the record names")
    func sealedThenSynced() throws {
        let root = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let syncs = BackgroundSyncs(limit: 2)
        var records: [(path: String, record: Manifest.OutputRecord)] = []
        // More files than the limit: the caller waits for a slot rather than hold more open.
        for index in 0..<5 {
            let file = try StagedFile(root: root, path: ".spool/archive-\(index).records")
            try file.write(Array(String(repeating: "record \(index)\n", count: 1000 * (index + 1)).utf8))
            let record = try file.seal(movingTo: ".cache/\(index).records")
            #expect(FileManager.default.fileExists(atPath: root + "/.cache/\(index).records"))
            #expect(!FileManager.default.fileExists(atPath: root + "/.spool/archive-\(index).records"))
            records.append((record.path, record))
            syncs.close([file])
        }
        try syncs.wait()
        for (path, record) in records {
            let written = try #require(FileManager.default.contents(atPath: root + "/" + path))
            #expect(record.bytes == written.count)
            #expect(record.sha256 == SHA256.hash(data: written).map { String(format: "%02x", $0) }.joined())
        }
    }

    @Test("a file that cannot be written fails at its seal, on the caller's thread; the files sealed beside it still sync")
    func failureReachesTheWaiter() throws {
        let root = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let syncs = BackgroundSyncs()
        let ok = try StagedFile(root: root, path: "ok.records")
        try ok.write(Array("fine\n".utf8))
        _ = try ok.seal()
        // /dev/full fails the flush as a full disk does: at the seal, on the caller's thread.
        let full = try StagedFile(root: "/dev", path: "full")
        try full.write(Array("lost\n".utf8))
        #expect(throws: (any Error).self) { _ = try full.seal() }
        syncs.close([ok])
        try syncs.wait()
    }
}

/// At the end of a run the validation table's flat file is written on a thread of its own while the partitions are
/// written on the caller's: its bytes must be the same as written in place, in order, and a failure must not be lost.
@Suite("A file written on a thread of its own")
struct BackgroundWritesTests {
    @Test("chunks land in the order given, with their rows counted, even with the caller far ahead (a limit of 2 chunks)")
    func inOrder() throws {
        let root = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = try StagedFile(root: root, path: "flat.csv")
        file.rows = 0
        let writes = BackgroundWrites(limit: 2)
        var expected: [UInt8] = []
        // Chunks of every size up to past the file's 256 KiB buffer, so some go straight to the disk.
        for index in 0..<300 {
            let chunk = Array(repeating: UInt8(truncatingIfNeeded: index), count: (index * 997) % 300_000)
            expected += chunk
            writes.append(chunk, rows: index % 3, to: file)
        }
        try writes.wait()
        let record = try file.close()
        #expect(try readBytes(root + "/flat.csv") == expected)
        #expect(record.bytes == expected.count)
        #expect(file.rows == (0..<300).reduce(0) { $0 + $1 % 3 })
    }

    @Test("a failed write is thrown by the wait: the run fails, nothing is published")
    func failureIsKept() throws {
        let writes = BackgroundWrites()
        // /dev/full takes the open and fails every write with ENOSPC, as a full disk does.
        let full = try StagedFile(root: "/dev", path: "full")
        writes.append(Array(repeating: 1, count: 300_000), rows: 1, to: full)
        writes.append([2], rows: 1, to: full)
        #expect {
            try writes.wait()
        } throws: { error in
            "\(error)".contains("No space left on device")
        }
    }
}
