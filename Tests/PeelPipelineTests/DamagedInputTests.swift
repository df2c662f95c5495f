import Foundation
import Logging
import PeelPipeline
import PeelTestSupport
import Testing

/// A tar.gz damaged where only the end of its gzip member can tell: some entries inflated from the damage look
/// whole and are parsed before the CRC-32 fails. The run must keep nothing made from them.
@Suite("Inputs found damaged after their entries were read")
struct DamagedInputTests {
    @Test("a tar.gz found corrupt at its end leaves no row behind; the good input beside it comes out as alone, on a first run and from the cache",
          .timeLimit(.minutes(2)))
    func corruptTarGzBesideGoodInput() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try copyPipelineFiles(to: folder)
        _ = try copySamples(to: folder + "/samples")
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.defaultInput, toPath: folder + "/in/good.tar.gz")
        try shell("tar -cf all.tar -C samples . && gzip -6 -c all.tar > in/bad.tar.gz", in: folder)
        var bytes = readBytes(folder + "/in/bad.tar.gz")
        // Garbage over the last fifth of the deflate data, from a fixed seed: the national overview's end is inflated
        // from it and still reads as a whole entry (the archive suite checks this seed does so).
        overwriteDeflateTail(&bytes)
        try writeBytes(bytes, to: folder + "/in/bad.tar.gz")

        let configuration = folder + "/pipeline.json"
        let quiet = Logger(label: "peel-test") { _ in SwiftLogNoOpLogHandler() }
        _ = try PipelineRun.execute(RunOptions(inputs: [folder + "/in/good.tar.gz"], output: folder + "/alone", jobs: 2, configurationPath: configuration),
                                    logger: quiet)
        var results: [RunResult] = []
        var withdrawalsLogged: [Int] = []
        for _ in 0..<2 {
            let events = Locked<[LogRecord]>([])
            let logger = Logger(label: "test") { _ in CollectingHandler(events: events) }
            var options = RunOptions(inputs: [folder + "/in"], output: folder + "/out", jobs: 2, configurationPath: configuration)
            options.programIdentity = "damaged-input-test"
            results.append(try PipelineRun.execute(options, logger: logger))
            withdrawalsLogged.append(events.current.filter { $0.message.hasPrefix("entries withdrawn") }.count)
            // Every table as the good input alone gives it: nothing from the damaged one, nothing lost beside it.
            for table in ["reports", "judgments", "figures", "findings", "enriched_figures", "grade_distributions", "validation"] {
                let same = readBytes(folder + "/out/\(table).csv") == readBytes(folder + "/alone/\(table).csv")
                #expect(same, "\(table).csv differs from the good input's alone")
            }
        }
        // Found on the first run (which reads the archive twice), replayed from the cache on the second.
        #expect(withdrawalsLogged == [1, 0])
        for result in results {
            let bad = result.manifest.entries.filter { $0.archive.hasSuffix("/bad.tar.gz") }
            #expect(!bad.contains { $0.status == .parsed })
            let withdrawn = bad.filter { ($0.reason ?? "").hasPrefix("withdrawn: ") }
            // Every sample read whole before the damage was found, the one inflated from it among them.
            let names = Set(withdrawn.map { ($0.path as NSString).lastPathComponent })
            #expect(names.isSubset(of: Fixtures.sampleNames) && names.count >= 4 && names.contains("peel-effectiveness-2015-national-overview.md"), "\(names)")
            let input = result.manifest.inputs.first { $0.path.hasSuffix("/bad.tar.gz") }
            #expect(input?.status == "failed")
            #expect(input?.error?.contains("is withdrawn") == true, "\(input?.error ?? "")")
            #expect(result.status == .inputQuarantined)
        }
    }
}
