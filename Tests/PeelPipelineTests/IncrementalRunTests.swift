import Foundation
import Logging
@testable import PeelPipeline
import PeelTestSupport
import Testing

private let quiet = Logger(label: "peel-test") { _ in SwiftLogNoOpLogHandler() }

/// Every file of a dataset but the manifest (which records times and what was reused), index.html without its run-specific parts.
private func tables(_ folder: String) -> [String: [UInt8]] {
    var files: [String: [UInt8]] = [:]
    let walker = FileManager.default.enumerator(atPath: folder)!
    while let path = walker.nextObject() as? String {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
        guard !isDirectory.boolValue && path != "manifest.json" else { continue }
        // index.html says which inputs came from the cache, and the run's times, marked as the run's own.
        files[path] = path == "index.html" ? Array(withoutRunSpecificParts(String(decoding: readBytes(folder + "/" + path), as: UTF8.self)).utf8)
            : readBytes(folder + "/" + path)
    }
    return files
}

@Suite("Incremental runs")
struct IncrementalRunTests {
    private func setUp() throws -> (folder: String, config: String, names: [String]) {
        let folder = makeTemporaryFolder()
        try copyPipelineFiles(to: folder)
        let names = try copySamples(to: folder + "/samples")
        try shell("mkdir in && zip -q -j in/a.zip samples/\(names[0]) samples/\(names[1]) && tar -czf in/b.tar.gz -C samples \(names[2]) \(names[3])", in: folder)
        return (folder, folder + "/pipeline.json", names)
    }

    private func run(_ folder: String, _ config: String, output: String = "out", full: Bool = false, identity: String = "commit-a") throws -> RunResult {
        var options = RunOptions(inputs: [folder + "/in"], output: folder + "/" + output, jobs: 2, configurationPath: config)
        options.full = full
        options.programIdentity = identity
        return try PipelineRun.execute(options, logger: quiet)
    }

    @Test("an unchanged archive is not read again, and the tables are byte-identical to a full run")
    func reuse() throws {
        let (folder, config, names) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try run(folder, config)
        #expect(first.manifest.inputs.map(\.cached) == [false, false])
        let second = try run(folder, config)
        #expect(second.manifest.inputs.map(\.cached) == [true, true])
        #expect(second.manifest.totals.parsed == 4)
        #expect(second.manifest.entries.map(\.path) == first.manifest.entries.map(\.path))
        let incremental = tables(folder + "/out")
        let full = try run(folder, config, output: "full", full: true)
        #expect(full.manifest.inputs.map(\.cached) == [false, false])
        #expect(tables(folder + "/full") == incremental)

        // Adding an archive adds its rows (only it is read); removing one removes them.
        try shell("cp samples/\(names[4]) in/", in: folder)
        let added = try run(folder, config)
        #expect(added.manifest.inputs.map(\.cached) == [true, true, false])
        #expect(added.manifest.totals.parsed == 5)
        try FileManager.default.removeItem(atPath: folder + "/in/a.zip")
        let removed = try run(folder, config)
        #expect(removed.manifest.inputs.map(\.cached) == [true, true])
        #expect(removed.manifest.totals.parsed == 3)
        _ = try run(folder, config, output: "full", full: true)
        #expect(tables(folder + "/out") == tables(folder + "/full"))
    }

    /// An input that is no archive names its one entry after itself: renamed, its cached entry takes the new name, as a
    /// full run would give it (the entry kept the name of the run that first read it).
    @Test("a plain file renamed since the last run: its entry takes the new name, and the tables are a full run's")
    func renamedPlainFile() throws {
        let (folder, config, names) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try shell("cp samples/\(names[4]) in/first-name.txt && gzip -c samples/\(names[3]) > in/second.txt.gz", in: folder)
        _ = try run(folder, config)
        try shell("mv in/first-name.txt in/renamed.txt && mv in/second.txt.gz in/zz-later.txt.gz", in: folder)
        let again = try run(folder, config)
        #expect(again.manifest.inputs.map(\.cached) == [true, true, true, true])
        let paths = again.manifest.entries.map(\.path)
        #expect(paths.contains("renamed.txt") && paths.contains("zz-later.txt"))
        #expect(!paths.contains("first-name.txt") && !paths.contains("second.txt"))
        _ = try run(folder, config, output: "full", full: true)
        #expect(tables(folder + "/out") == tables(folder + "/full"))
        // The cache now holds the new names: a third run gives the same tables.
        _ = try run(folder, config)
        #expect(tables(folder + "/out") == tables(folder + "/full"))
    }

    /// A PDF quarantined because pdftotext was missing (or stopped by the clock, or by a signal) may read the next time:
    /// its archive's results are not cached, so installing poppler-utils is all it takes (it was cached, and replayed as
    /// quarantined until --full).
    @Test("an archive with a PDF failure that may pass is not cached: once pdftotext is there, the next run reads it")
    func failureThatMayPass() throws {
        let (folder, config, _) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try shell("cp '\(Fixtures.extractionsFolder)/peel-effectiveness-2017-gwent.pdf' in/", in: folder)
        var options = RunOptions(inputs: [folder + "/in"], output: folder + "/out", jobs: 2, configurationPath: config)
        options.programIdentity = "commit-a"
        options.pdfSearchPath = "/nonexistent"
        let without = try PipelineRun.execute(options, logger: quiet)
        let pdf = try #require(without.manifest.entries.first { $0.path == "peel-effectiveness-2017-gwent.pdf" })
        #expect(pdf.status == .quarantined && pdf.reason?.contains("pdftotext is not installed") == true)
        #expect(!FileManager.default.fileExists(atPath: folder + "/out/.cache/\(try #require(without.manifest.inputs.last?.sha256)).json"))
        options.pdfSearchPath = nil
        let with = try PipelineRun.execute(options, logger: quiet)
        // (Every archive is read again: this run's pdftotext is part of each one's cache key.)
        #expect(with.manifest.inputs.map(\.cached) == [false, false, false])
        #expect(with.manifest.entries.first { $0.path == "peel-effectiveness-2017-gwent.pdf" }?.status == .parsed)
        // Read whole, it is cached as any other.
        #expect(try run(folder, config).manifest.inputs.map(\.cached) == [true, true, true])
    }

    /// Before: a re-run after pdftotext changed (a poppler upgrade, or cron's PATH finding another) replayed the text the
    /// old one had read, and its tables differed from a full run's (an operator audit).
    @Test("another pdftotext release means reading again; the same one, the cache")
    func pdfToolChanged() throws {
        let (folder, config, names) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Stand-ins for two poppler releases that read a PDF's text differently: each prints a sample's text, its own.
        try shell("cp '\(Fixtures.extractionsFolder)/peel-effectiveness-2017-gwent.pdf' in/ && mkdir old new", in: folder)
        for (release, sample) in [("old", names[0]), ("new", names[1])] {
            let script = "#!/bin/sh\ncase \"$1\" in -v) echo 'pdftotext version \(release == "old" ? "22.12.0" : "24.02.0")' >&2; exit 0;; esac\ncat >/dev/null\ncat '\(folder)/samples/\(sample)'\n"
            try script.write(toFile: folder + "/\(release)/pdftotext", atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder + "/\(release)/pdftotext")
        }
        var options = RunOptions(inputs: [folder + "/in"], output: folder + "/out", jobs: 2, configurationPath: config)
        options.programIdentity = "commit-a"
        options.pdfSearchPath = folder + "/old"
        let first = try PipelineRun.execute(options, logger: quiet)
        #expect(first.manifest.entries.first { $0.path.hasSuffix(".pdf") }?.status == .parsed)
        let oldTables = tables(folder + "/out")
        #expect(try PipelineRun.execute(options, logger: quiet).manifest.inputs.map(\.cached) == [true, true, true])
        options.pdfSearchPath = folder + "/new"
        let upgraded = try PipelineRun.execute(options, logger: quiet)
        #expect(upgraded.manifest.inputs.map(\.cached) == [false, false, false])
        // As a full run with the new one reads it.
        options.output = folder + "/full"
        options.full = true
        _ = try PipelineRun.execute(options, logger: quiet)
        // (The cache's records of a PDF hold the seconds pdftotext took: not compared.)
        let out = tables(folder + "/out").filter { !$0.key.hasPrefix(".cache/") }, full = tables(folder + "/full").filter { !$0.key.hasPrefix(".cache/") }
        #expect(out == full, "\(Set(out.keys).union(full.keys).filter { out[$0] != full[$0] }.sorted())")
        #expect(out != oldTables.filter { !$0.key.hasPrefix(".cache/") })
    }

    /// A pdftotext ended by SIGTERM when the run is not stopping (someone killed that one child): the run waits a moment
    /// for a stop that does not come, then quarantines the PDF as stopped, not crashed, and does not cache it.
    @Test("a pdftotext stopped from outside, with no stop of the run, quarantines its PDF as stopped and is not cached")
    func childStoppedFromOutside() throws {
        let (folder, config, _) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try shell("cp '\(Fixtures.extractionsFolder)/peel-effectiveness-2017-gwent.pdf' in/ && mkdir bin", in: folder)
        let script = "#!/bin/sh\ncase \"$1\" in -v) echo 'pdftotext version 9.8.7' >&2; exit 0;; esac\ncat >/dev/null\nkill -TERM $$\n"
        try script.write(toFile: folder + "/bin/pdftotext", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder + "/bin/pdftotext")
        var options = RunOptions(inputs: [folder + "/in"], output: folder + "/out", jobs: 2, configurationPath: config)
        options.pdfSearchPath = folder + "/bin"
        let result = try PipelineRun.execute(options, logger: quiet)
        let pdf = try #require(result.manifest.entries.first { $0.path == "peel-effectiveness-2017-gwent.pdf" })
        #expect(pdf.status == .quarantined && pdf.reason == "pdftotext was stopped from outside peel (signal 15, SIGTERM)")
        #expect(result.manifest.entries.filter { $0.status == .parsed }.count == 4)
        #expect(!FileManager.default.fileExists(atPath: folder + "/out/.cache/\(try #require(result.manifest.inputs.last?.sha256)).json"))
    }

    @Test("a change of program, configuration or archive bytes means reading again")
    func invalidation() throws {
        let (folder, config, names) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try run(folder, config)
        #expect(try run(folder, config, identity: "commit-b").manifest.inputs.map(\.cached) == [false, false])
        // A configuration that differs only in a comment still differs: its checksum is the key.
        var text = String(decoding: readBytes(config), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"_comment\": \"Configuration", with: "\"_comment\": \"Changed configuration")
        try writeBytes(Array(text.utf8), to: config)
        #expect(try run(folder, config, identity: "commit-b").manifest.inputs.map(\.cached) == [false, false])
        try shell("tar -czf in/b.tar.gz -C samples \(names[2])", in: folder)
        #expect(try run(folder, config, identity: "commit-b").manifest.inputs.map(\.cached) == [true, false])
    }

    @Test("a damaged cache is never trusted: the archive is read again and the tables are the same")
    func damagedCache() throws {
        let (folder, config, _) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try run(folder, config)
        let before = tables(folder + "/out")
        let records = try FileManager.default.contentsOfDirectory(atPath: folder + "/out/.cache").filter { $0.hasSuffix(".records") }.sorted()
        #expect(records.count == 2)
        // Truncate one archive's records and flip a byte in the other's: both fail their checksum.
        let first = folder + "/out/.cache/" + records[0]
        try writeBytes(Array(readBytes(first).prefix(100)), to: first)
        let second = folder + "/out/.cache/" + records[1]
        var bytes = readBytes(second)
        bytes[bytes.count / 2] ^= 0x20
        try writeBytes(bytes, to: second)
        let again = try run(folder, config)
        #expect(again.manifest.inputs.map(\.cached) == [false, false])
        #expect(again.manifest.totals.parsed == 4)
        #expect(tables(folder + "/out") == before)
    }

    @Test("an edited cache index is never believed: the archive is read again and the edit is not carried on")
    func editedIndex() throws {
        let (folder, config, _) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try run(folder, config)
        let before = tables(folder + "/out")
        let indexes = try FileManager.default.contentsOfDirectory(atPath: folder + "/out/.cache").filter { $0.hasSuffix(".json") }.sorted()
        #expect(indexes.count == 2)
        // A failure written into one archive's summary, and another index copied under a name that is not its own.
        let first = folder + "/out/.cache/" + indexes[0]
        var text = String(decoding: readBytes(first), as: UTF8.self)
        #expect(text.contains("\"entries\":2"))
        text = text.replacingOccurrences(of: "\"entries\":2", with: "\"entries\":2,\"failure\":\"invented\"")
        try writeBytes(Array(text.utf8), to: first)
        let again = try run(folder, config)
        #expect(again.manifest.inputs.filter { !$0.cached }.map { ($0.sha256 ?? "") + ".json" } == [indexes[0]])
        #expect(again.manifest.inputs.allSatisfy { $0.status == "read" })
        #expect(!String(decoding: readBytes(first), as: UTF8.self).contains("invented"))
        #expect(tables(folder + "/out") == before)
    }

    @Test("the program's identity is its own build ID, read from memory: the one the linker wrote into the executable")
    func buildIdentity() throws {
        let identity = try #require(ProgramInfo.current().buildId)
        let notes = try shell("readelf -n /proc/\(getpid())/exe", in: NSTemporaryDirectory())
        #expect(notes.contains("Build ID: \(identity)"), "\(identity)")
    }

    @Test("the source commit is read from git's own files as git itself resolves HEAD: loose ref, packed ref, detached, linked worktree")
    func sourceCommit() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let git = "git -c user.name=t -c user.email=t@example.org -c init.defaultBranch=main"
        _ = try shell("mkdir repo && cd repo && \(git) init -q && echo a > a && \(git) add a && \(git) commit -qm one", in: folder)
        let repo = folder + "/repo"
        func head(_ path: String) throws -> String { try shell("git -C \(path) rev-parse HEAD", in: folder).trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(ProgramInfo.headCommit(of: repo) == (try head(repo)))
        _ = try shell("\(git) pack-refs --all && echo b > a && \(git) commit -qam two && \(git) pack-refs --all", in: repo)
        #expect(!FileManager.default.fileExists(atPath: repo + "/.git/refs/heads/main"))
        #expect(ProgramInfo.headCommit(of: repo) == (try head(repo)))
        _ = try shell("\(git) worktree add -q ../linked && cd ../linked && echo c > a && \(git) commit -qam three", in: repo)
        #expect(ProgramInfo.headCommit(of: folder + "/linked") == (try head(folder + "/linked")))
        #expect(ProgramInfo.headCommit(of: folder + "/linked") != ProgramInfo.headCommit(of: repo))
        _ = try shell("\(git) checkout -q --detach HEAD~1", in: repo)
        #expect(ProgramInfo.headCommit(of: repo) == (try head(repo)))
        #expect(ProgramInfo.headCommit(of: folder) == nil)
    }

    @Test("an input replaced while it is read: the checksum is always of the bytes parsed, so the cache never pairs one version's checksum with another's rows")
    func replacedWhileRead() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try copyPipelineFiles(to: folder)
        // Two versions of one archive, the same size: a report whose year differs by one digit, behind 16 MB of
        // other documents, so that reading takes long enough to be overtaken.
        let report = String(decoding: Fixtures.sample("peel-effectiveness-2015-wiltshire.txt"), as: UTF8.self)
        var generator = SplitMix(seed: 7)
        print("seed 7")
        let filler = (0..<(16 << 20)).map { _ in UInt8(ascii: "a") + UInt8(generator.next() % 26) }
        var reportSHA: [String: String] = [:], archiveSHA: [String: String] = [:]
        for version in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: folder + "/v\(version)", withIntermediateDirectories: true)
            let text = version == "a" ? report : report.replacingOccurrences(of: "31 March 2015", with: "31 March 2016")
            #expect(text.utf8.count == report.utf8.count)
            try writeBytes(Array(text.utf8), to: folder + "/v\(version)/report.txt")
            try writeBytes(filler, to: folder + "/v\(version)/minutes.txt")
            try shell("tar --sort=name --mtime=@0 --owner=0 --group=0 -cf ../\(version).tar minutes.txt report.txt", in: folder + "/v\(version)")
            reportSHA[version] = sha256Hex(Array(text.utf8))
            archiveSHA[version] = sha256Hex(readBytes(folder + "/\(version).tar"))
        }
        #expect(reportSHA["a"] != reportSHA["b"])
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: folder + "/a.tar", toPath: folder + "/in/x.tar")

        // A thread swaps the two versions in by rename, at seeded moments, while runs follow one another.
        let stop = Locked(false)
        let swapper = Thread {
            var generator = SplitMix(seed: 11)
            var next = "b"
            while !stop.current {
                usleep(UInt32(generator.next() % 40_000))
                _ = try? FileManager.default.copyItem(atPath: folder + "/\(next).tar", toPath: folder + "/in/.next.tar")
                rename(folder + "/in/.next.tar", folder + "/in/x.tar")
                next = next == "a" ? "b" : "a"
            }
        }
        swapper.start()
        defer { stop.update { $0 = true } }
        var mismatches = 0
        for round in 0..<24 {
            let result = try run(folder, folder + "/pipeline.json", full: round % 3 == 0)
            // The report parsed must be the one inside the archive whose checksum the manifest (and the cache) records.
            guard let input = result.manifest.inputs.first, let sha = input.sha256 else { continue }
            let version = archiveSHA["a"] == sha ? "a" : archiveSHA["b"] == sha ? "b" : "?"
            let parsed = result.manifest.entries.first { $0.path == "report.txt" }?.sha256
            if version == "?" || parsed != reportSHA[version] { mismatches += 1 }
        }
        stop.update { $0 = true }
        #expect(mismatches == 0)
    }
}
