import Foundation
@testable import PeelPipeline
import PeelTestSupport
import Testing

@Suite("Progress line")
struct RunProgressTests {
    @Test("entries, share of the input done and an ETA once there is something to go on")
    func line() {
        let progress = RunProgress(totalInputBytes: 1_000)
        #expect(progress.line().hasSuffix("0%"))
        #expect(!progress.line().contains("ETA"))
        progress.entryDone(archive: 0, bytes: 2_000_000, inputOffset: 300)
        progress.entryDone(archive: 0, bytes: 2_000_000, inputOffset: 250)  // offsets only move forward
        progress.archiveDone(1, bytes: 200)
        let line = progress.line()
        #expect(line.hasPrefix("peel: 2 entries  "))
        #expect(line.contains("MB/s  50%  ETA "))
        // All input read is not all entries parsed: 99 % until the end, then a summary at 100 %.
        progress.archiveDone(0, bytes: 800)
        #expect(progress.line().contains("MB/s  99%  ETA "))
        let done = progress.line(done: true)
        #expect(done.hasPrefix("peel: 2 entries in ") && done.hasSuffix("MB/s  100%") && !done.contains("ETA"))
    }

    @Test("on a terminal each log line first clears the line, so it never runs on from a progress line")
    func logLinesClearTheProgressLine() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // `script` gives peel a terminal for stderr, as a person at a shell has.
        let binary = Fixtures.packageRoot + "/.build/debug/peel"
        try #require(FileManager.default.isExecutableFile(atPath: binary))
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        try writeBytes(Array(repeating: 0, count: 100), to: folder + "/in/zeros.txt")
        let typescript = try shell("script -qec \"'\(binary)' run --input in --output out\" /dev/null; true", in: folder)
        // The terminal ends lines with CR LF, which Swift counts as one character.
        let lines = typescript.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n").filter { $0.contains("entry quarantined") || $0.contains("run finished") }
        #expect(lines.count == 2, "\(typescript)")
        #expect(lines.allSatisfy { $0.hasPrefix("\r\u{1B}[K") || $0.hasPrefix("\u{1B}[K") }, "\(lines)")
        #expect(typescript.contains("100%"))
    }
}
