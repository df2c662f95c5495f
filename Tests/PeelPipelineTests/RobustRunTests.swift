import Foundation
import Glibc
import Logging
import PeelPipeline
import PeelTestSupport
import Testing

private let quiet = Logger(label: "peel-test") { _ in SwiftLogNoOpLogHandler() }

private func configuration(_ json: String, in folder: String) throws -> String {
    try copyPipelineFiles(["forces.csv", "population.csv"], to: folder)
    try writeBytes(Array(json.utf8), to: folder + "/config.json")
    return folder + "/config.json"
}

/// Regressions for runs that once hung or could destroy a folder (each found in review).
@Suite("Runs that must not hang or destroy")
struct RobustRunTests {
    @Test("a fifo among the inputs is passed over, not opened (it would block forever)", .timeLimit(.minutes(5)))
    func fifo() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.defaultInput, toPath: folder + "/in/samples.tar.gz")
        #expect(mkfifo(folder + "/in/pipe", 0o644) == 0)
        let config = try configuration("{}", in: folder)
        let result = try PipelineRun.execute(RunOptions(inputs: [folder + "/in"], output: folder + "/out", jobs: 2, configurationPath: config), logger: quiet)
        #expect(result.manifest.inputs.map(\.path) == [folder + "/in/samples.tar.gz"])
        #expect(throws: RunFailure.self) {
            try PipelineRun.execute(RunOptions(inputs: [folder + "/in/pipe"], output: folder + "/out", jobs: 2, configurationPath: config), logger: quiet)
        }
    }

    @Test("many jobs and a one-byte queue finish: blocked readers never starve the workers", .timeLimit(.minutes(5)))
    func manyJobs() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        for copy in 0..<6 {
            try FileManager.default.copyItem(atPath: Fixtures.defaultInput, toPath: folder + "/in/samples-\(copy).tar.gz")
        }
        let config = try configuration(#"{"queue_bytes": 1}"#, in: folder)
        let result = try PipelineRun.execute(RunOptions(inputs: [folder + "/in"], output: folder + "/out", jobs: 64, configurationPath: config), logger: quiet)
        #expect(result.manifest.totals.entries == 30)
        #expect(result.manifest.totals.parsed == 5)
        #expect(result.manifest.totals.skipped == 25)
    }

    @Test("a folder whose manifest.json is not peel's is never replaced")
    func foreignManifest() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: true)
        try writeBytes(Array(#"{"name": "my web app", "start_url": "/"}"#.utf8), to: folder + "/out/manifest.json")
        let config = try configuration("{}", in: folder)
        do {
            _ = try PipelineRun.execute(RunOptions(inputs: [Fixtures.defaultInput], output: folder + "/out", jobs: 2, configurationPath: config), logger: quiet)
            Issue.record("the folder should have been refused")
        } catch let failure as RunFailure {
            #expect(failure.status == .cannotCreateOutput)
        }
        #expect(readBytes(folder + "/out/manifest.json") == Array(#"{"name": "my web app", "start_url": "/"}"#.utf8))
    }

    @Test("a dataset left aside by a run killed mid-publish is put back, then replaced whole")
    func restoresPrevious() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try configuration("{}", in: folder)
        let options = RunOptions(inputs: [Fixtures.defaultInput], output: folder + "/out", jobs: 2, configurationPath: config)
        _ = try PipelineRun.execute(options, logger: quiet)
        // As the two-rename fallback leaves it when killed between its renames: no target, the old one aside.
        #expect(rename(folder + "/out", folder + "/.out.previous-killed") == 0)
        _ = try PipelineRun.execute(options, logger: quiet)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".out.") }
        #expect(siblings == [".out.lock"])
        #expect(FileManager.default.fileExists(atPath: folder + "/out/manifest.json"))
    }

    @Test("thousands of tiny entries and a nested archive of thousands more, committed in order, on a first run and from the cache",
          .timeLimit(.minutes(2)))
    func manyTinyEntries() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try shell("""
            mkdir -p in notes inner && for i in $(seq 1 3000); do echo "Minutes $i" > notes/n$i.txt; done
            for i in $(seq 1 2500); do echo "Agenda $i" > inner/a$i.txt; done
            (cd inner && zip -q -r ../notes/inner.zip .) && tar -czf in/many.tar.gz notes
            """, in: folder)
        let config = try configuration("{}", in: folder)
        var options = RunOptions(inputs: [folder + "/in"], output: folder + "/out", jobs: 2, configurationPath: config)
        options.programIdentity = "build-a"
        for run in ["first", "cached"] {
            let result = try PipelineRun.execute(options, logger: quiet)
            #expect(result.manifest.inputs.map(\.cached) == [run == "cached"])
            // The 3000 notes, the zip and its 2500 entries (folders are not listed), each once, in entry order.
            #expect(result.manifest.entries.count == 3000 + 1 + 2500, "\(run)")
            #expect(result.manifest.entries.map(\.ordinal) == Array(0..<result.manifest.entries.count), "\(run)")
            #expect(Set(result.manifest.entries.map(\.path)).count == result.manifest.entries.count)
        }
    }
}
