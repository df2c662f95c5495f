@testable import PeelPipeline
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
    }
}
