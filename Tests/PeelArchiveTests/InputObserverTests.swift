import Foundation
@testable import PeelArchive
import PeelTestSupport
import Testing

/// The input's checksum is made from the reader's own reads. `readAll` checks, for every archive the suites read,
/// that the observer is handed the file's bytes in order; these check that it is handed them once, from the reads
/// themselves, and that reads in any order still give the file.
@Suite("Input observer")
struct InputObserverTests {
    @Test("a tar, a tar.gz and a tar.bz2 are read once: the reader's own reads carry the observer to the file's end")
    func sequentialFormatsReadOnce() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try copySamples(to: folder + "/samples")
        try shell("tar -cf a.tar -C samples . && gzip -k a.tar && bzip2 -k a.tar", in: folder)
        for name in ["a.tar", "a.tar.gz", "a.tar.bz2"] {
            let path = folder + "/" + name
            let observer = InputObserver { _ in }
            let summary = ArchiveReader().read(fileAt: path, observer: observer) { _ in }
            #expect(summary.failure == nil, "\(name)")
            #expect(observer.complete && observer.bytes == readBytes(path).count, "\(name)")
            // Padding after the end marker may be left to `finish`, never a second pass over the archive.
            #expect(observer.bytesReadByFinish < 16 << 10, "\(name): \(observer.bytesReadByFinish) bytes read twice")
        }
    }

    @Test("reads in any order, overlapping, repeated or leaving gaps, hand on the file's bytes once and in order", arguments: 0..<8)
    func readsInAnyOrder(round: Int) throws {
        let seed = UInt64(0x0B5E_47ED) &+ UInt64(round)
        print("InputObserverTests.readsInAnyOrder seed \(seed)")
        var generator = SplitMix(seed: seed)
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = (0..<Int.random(in: 1...400_000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let path = folder + "/input"
        FileManager.default.createFile(atPath: path, contents: Data(file))
        var observed: [UInt8] = []
        let observer = InputObserver { observed.append(contentsOf: $0) }
        // Blocks at random offsets (some from the start on, as a reader's first pass, some anywhere, as a seek),
        // then `finish`.
        var next = 0
        for _ in 0..<Int.random(in: 0...40, using: &generator) {
            let start = Bool.random(using: &generator) ? next : Int.random(in: 0...file.count, using: &generator)
            let end = min(file.count, start + Int.random(in: 0...70_000, using: &generator))
            file[start..<end].withUnsafeBytes { observer.saw($0, at: start) }
            next = end
        }
        observer.finish(path: path)
        #expect(observer.complete && observer.readError == nil)
        #expect(observer.bytes == file.count)
        #expect(observed == file)
    }

    @Test("a file that cannot be read leaves the observer incomplete, with the system's reason")
    func unreadable() {
        let observer = InputObserver { _ in }
        observer.finish(path: "/nonexistent/peel/input.tar")
        #expect(!observer.complete)
        #expect(observer.readError == "No such file or directory")
    }
}
