import Foundation
import Glibc
import Logging
@testable import PeelCLI
@testable import PeelPipeline
import PeelTestSupport
import Testing

private let quiet = Logger(label: "peel-test") { _ in SwiftLogNoOpLogHandler() }

/// Mistakes an operator makes, each once accepted in silence (issue 13): refused with a message naming what is wrong.
@Suite("Careless use refused, not silently accepted")
struct CarelessUseTests {
    private func setUp() throws -> (folder: String, config: String) {
        let folder = makeTemporaryFolder()
        try copyPipelineFiles(to: folder)
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.defaultInput, toPath: folder + "/in/samples.tar.gz")
        return (folder, folder + "/pipeline.json")
    }

    private func run(_ inputs: [String], _ output: String, _ config: String) throws(RunFailure) -> RunResult {
        try PipelineRun.execute(RunOptions(inputs: inputs, output: output, jobs: 2, configurationPath: config), logger: quiet)
    }

    private func failure(_ work: () throws(RunFailure) -> RunResult) -> RunFailure? {
        do {
            _ = try work()
            return nil
        } catch {
            return error
        }
    }

    @Test("an input inside the output folder, or an output inside an input folder, is refused (64) with both named")
    func overlap() throws {
        let (folder, config) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try run([folder + "/in"], folder + "/out", config)
        #expect(first.manifest.totals.parsed == 5)
        let before = readBytes(folder + "/out/reports.csv")

        let same = failure { () throws(RunFailure) in try run([folder + "/out"], folder + "/out", config) }
        #expect(same?.status == .usage)
        #expect(same?.description.contains("--input \(folder)/out is inside the output folder") == true, "\(same?.description ?? "")")
        // Nothing was replaced.
        #expect(readBytes(folder + "/out/reports.csv") == before)

        let inside = failure { () throws(RunFailure) in try run([folder + "/in"], folder + "/in/out", config) }
        #expect(inside?.status == .usage)
        #expect(inside?.description.contains("--output \(folder)/in/out is inside --input \(folder)/in") == true, "\(inside?.description ?? "")")
        #expect(!FileManager.default.fileExists(atPath: folder + "/in/out"))

        // The same through a symbolic link to the output folder.
        #expect(symlink(folder + "/out", folder + "/alias") == 0)
        #expect(failure { () throws(RunFailure) in try run([folder + "/alias"], folder + "/out", config) }?.status == .usage)
    }

    @Test("a peel dataset is never read as input: named, it is refused; inside an input folder, it is passed over")
    func datasetAsInput() throws {
        let (folder, config) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try run([folder + "/in"], folder + "/old", config)
        let named = failure { () throws(RunFailure) in try run([folder + "/old"], folder + "/out", config) }
        #expect(named?.status == .usage)
        #expect(named?.description.contains("is a peel dataset") == true)

        try FileManager.default.moveItem(atPath: folder + "/old", toPath: folder + "/in/old")
        let result = try run([folder + "/in"], folder + "/out", config)
        #expect(result.manifest.inputs.map(\.path) == [folder + "/in/samples.tar.gz"])
        #expect(result.manifest.totals.parsed == 5)

        // A manifest.json copied into a folder of reports makes no dataset of it: its files are read (they were passed
        // over with the dataset's warning, exit 0).
        try FileManager.default.createDirectory(atPath: folder + "/in/batch", withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: folder + "/in/old/manifest.json", toPath: folder + "/in/batch/manifest.json")
        try FileManager.default.copyItem(atPath: folder + "/in/samples.tar.gz", toPath: folder + "/in/batch/reports.tar.gz")
        let mixed = try run([folder + "/in"], folder + "/out", config)
        #expect(mixed.manifest.inputs.map(\.path) == [folder + "/in/batch/manifest.json", folder + "/in/batch/reports.tar.gz", folder + "/in/samples.tar.gz"])
    }

    @Test("a symbolic link as the output folder: the folder it points to is replaced, the link stays a link")
    func symlinkedOutput() throws {
        let (folder, config) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/real", withIntermediateDirectories: true)
        #expect(symlink(folder + "/real", folder + "/link") == 0)
        _ = try run([folder + "/in"], folder + "/link", config)
        _ = try run([folder + "/in"], folder + "/link", config)
        #expect((try FileManager.default.attributesOfItem(atPath: folder + "/link")[.type] as? FileAttributeType) == .typeSymbolicLink)
        #expect(FileManager.default.fileExists(atPath: folder + "/real/manifest.json"))
        // One lock for both names, beside the real folder.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".lock") }
        #expect(names == [".real.lock"])

        #expect(symlink(folder + "/nowhere", folder + "/dangling") == 0)
        let dangling = failure { () throws(RunFailure) in try run([folder + "/in"], folder + "/dangling", config) }
        #expect(dangling?.status == .cannotCreateOutput)
        #expect(dangling?.description.contains("is a symbolic link to \(folder)/nowhere, which does not exist") == true, "\(dangling?.description ?? "")")
    }

    @Test("configuration accepted but ignored or unchecked is refused (78) naming the key, the force or the row",
          arguments: [
              ("vintage", #"{"population": {"vintage": "latest"}}"#, nil, #""population.vintage" must be "first_release" or "mye2019""#),
              ("vintage of the file", #"{"population": {"vintage": "mye2019"}}"#, nil, "population.csv: line 2: not of the mye2019 vintage"),
              ("unusable force", #"{"population": {"unusable_denominators": {"city-of-londn": "typo"}}}"#, nil,
               #"population.unusable_denominators: unknown force "city-of-londn""#),
              ("combined metric", #"{"population": {"combined_areas": [{"forces": ["warwickshire", "west-mercia"], "metrics": ["ocg_cnt"], "report_years": [2015]}]}}"#, nil,
               #"population.combined_areas[0]: unknown metric "ocg_cnt""#),
              ("year offset", #"{"population": {"year_offset": 50}}"#, nil,
               "population: 2014 reports need mid-2064 populations (year_offset 50), which"),
              ("duplicate row", "{}", "wiltshire,2014,1,ons_mye_2014", "population.csv: line 819: a second population for wiltshire in 2014 (the first is on line"),
              ("duplicate key", #"{"limits": {"max_entry_bytes": 5, "max_nesting_depth": 3, "max_entry_bytes": 7}}"#, nil,
               #""limits.max_entry_bytes" is given twice (JSON keeps only one of them)"#),
              // Before, compared as printed: the second, its "_" escaped, went unseen.
              ("duplicate key escaped", #"{"limits": {"max_entry_bytes": 5, "max\u005fentry_bytes": 7}}"#, nil,
               #""limits.max_entry_bytes" is given twice (JSON keeps only one of them)"#),
              // Before, accepted: Foundation's parser on Linux takes a comma before a closing brace.
              ("trailing comma", "{\"limits\": {\"max_entry_bytes\": 33554432,},\n \"queue_bytes\": 67108864,\n}", nil,
               "bad.json: not valid JSON (line 1): a comma before a closing bracket or brace"),
              ("trailing comma in a list", "{\"population\": {\"combined_areas\": [\n]}, \"x,]\": 1}", nil, #"unknown key "x,]""#),
              // Two slips: the first the text holds is told, whichever it is.
              ("trailing comma, then a key twice", "{\"limits\": {\"max_entry_bytes\": 5,\n},\n \"queue_bytes\": 1, \"queue_bytes\": 2}", nil,
               "bad.json: not valid JSON (line 1): a comma before a closing bracket or brace"),
              ("a key twice, then a trailing comma", "{\"queue_bytes\": 1, \"queue_bytes\": 2,\n \"limits\": {\"max_entry_bytes\": 5,}}", nil,
               #""queue_bytes" is given twice (JSON keeps only one of them)"#),
              // Not Foundation's "Error Domain=NSCocoaErrorDomain Code=3840 …": the reason and where.
              ("cut short", #"{"limits": {"max_entry_bytes": 5"#, nil, "bad.json: not valid JSON: Unexpected end of file"),
              ("missing comma", "{\n  \"queue_bytes\": 1000000\n  \"limits\": {}\n}\n", nil, "bad.json: not valid JSON (line 3, column 3): "),
              // Before, accepted: JSON's true arrives as the number 1 (a tolerance of 1 %, a report year 1), and a
              // report year 2015.7 was 2015.
              ("a flag for a tolerance", #"{"validation": {"population_tolerance_pct": true}}"#, nil,
               #""validation.population_tolerance_pct" must be a number ≥ 0"#),
              ("a flag for a year", #"{"population": {"year_overrides": {"2016": true}}}"#, nil,
               #""population.year_overrides": "2016" must map a year to a year"#),
              ("a fraction of a year", #"{"population": {"combined_areas": [{"forces": ["warwickshire", "west-mercia"], "metrics": ["ocg_count"], "report_years": [2015.7]}]}}"#, nil,
               #""population.combined_areas": each needs forces (2 or more), metrics and report_years"#),
          ])
    func uncheckedConfiguration(_ name: String, _ json: String, _ extraRow: String?, _ message: String) throws {
        let (folder, _) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeBytes(Array(json.utf8), to: folder + "/bad.json")
        if let extraRow {
            try writeBytes(readBytes(folder + "/population.csv") + Array((extraRow + "\n").utf8), to: folder + "/population.csv")
        }
        let refused = failure { () throws(RunFailure) in try run([folder + "/in"], folder + "/out", folder + "/bad.json") }
        #expect(refused?.status == .configuration, "\(name)")
        #expect(refused?.description.contains(message) == true, "\(name): \(refused?.description ?? "accepted")")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    @Test("a force listed twice in forces.csv is named with both lines; a deleted input says it is missing, in the system's words")
    func referenceAndInputMessages() throws {
        let (folder, config) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var rows = String(decoding: readBytes(folder + "/forces.csv"), as: UTF8.self).split(separator: "\n").map(String.init)
        let wiltshire = try #require(rows.firstIndex { $0.hasPrefix("wiltshire,") })
        rows[wiltshire - 1] = rows[wiltshire]
        try writeBytes(Array((rows.joined(separator: "\n") + "\n").utf8), to: folder + "/forces.csv")
        let duplicate = failure { () throws(RunFailure) in try run([folder + "/in"], folder + "/out", config) }
        #expect(duplicate?.status == .configuration)
        #expect(duplicate?.description.contains("line \(wiltshire + 1): force \"wiltshire\" again (first on line \(wiltshire))") == true,
                "\(duplicate?.description ?? "accepted")")

        do {
            _ = try sha256Hex(fileAt: folder + "/in/gone.tar.gz")
            Issue.record("a missing file was read")
        } catch {
            #expect(error.description == "No such file or directory")
        }
    }

    @Test("a log line's time is written as ISO8601DateFormatter wrote it (the format's value type, made once, is used now)")
    func logTimes() {
        let formatter = ISO8601DateFormatter()
        // Every twelve hours or so from 1970 to 2040, leap days and year ends among them.
        for step in 0..<50_000 {
            let date = Date(timeIntervalSince1970: Double(step) * 44_417.3)
            #expect(StderrLogHandler.timeFormat.format(date) == formatter.string(from: date), "\(date)")
        }
        #expect(StderrLogHandler.timeFormat.format(Date(timeIntervalSince1970: 1_796_083_199.9)) == "2026-11-30T23:59:59Z")
    }

    @Test("a file named with a line break cannot forge a log line: values are escaped and quoted, entry names too")
    func logInjection() throws {
        let forged = "in/evil\n2026-12-01T00:00:00Z notice dataset written output=fake"
        let shown = StderrLogHandler.quoted(forged)
        #expect(!shown.contains("\n"))
        #expect(shown == #""in/evil\n2026-12-01T00:00:00Z notice dataset written output=fake""#)
        #expect(StderrLogHandler.quoted("plain") == "plain")
        #expect(StderrLogHandler.quoted("say \"hi\"\u{7}") == #""say \"hi\"\u{7}""#)

        let (folder, config) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.removeItem(atPath: folder + "/in/samples.tar.gz")
        try FileManager.default.copyItem(atPath: Fixtures.samplesFolder + "/" + Fixtures.sampleNames[0], toPath: folder + "/in/bad\nname.txt")
        let result = try run([folder + "/in"], folder + "/out", config)
        #expect(result.manifest.entries.map(\.path) == ["bad\\x0Aname.txt"])
    }

    @Test("peel runs from any folder: the shipped configuration is found beside the installed executable, or in the checkout it was built in")
    func runsFromAnywhere() throws {
        let binary = Fixtures.packageRoot + "/.build/debug/peel"
        try #require(FileManager.default.isExecutableFile(atPath: binary), "swift test builds \(binary)")
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/work", withIntermediateDirectories: true)
        func configurationUsed(_ peel: String) throws -> String? {
            let log = try shell("'\(peel)' run --input '\(Fixtures.samplesFolder)' --output out; echo \"exit=$?\"", in: folder + "/work")
            #expect(log.contains("exit=3"), "\(log)")
            return try Manifest.decode(readBytes(folder + "/work/out/manifest.json")).configuration.path
        }
        // The build tree's binary, run from a folder with no Pipeline/: the checkout's.
        #expect(try configurationUsed(binary) == Fixtures.packageRoot + "/Pipeline/pipeline.json")
        // Installed as the README says: <prefix>/bin/peel and <prefix>/share/peel/.
        try shell("""
            install -D -m 755 '\(binary)' prefix/bin/peel && install -d prefix/share/peel && \
            cp '\(Fixtures.packageRoot)'/Pipeline/*.json '\(Fixtures.packageRoot)'/Pipeline/*.csv prefix/share/peel/
            """, in: folder)
        #expect(try configurationUsed(folder + "/prefix/bin/peel") == folder + "/prefix/share/peel/pipeline.json")
        #expect(ShippedConfiguration.candidates().first == "Pipeline/pipeline.json")
    }

    @Test("files a user put in the output folder are named in a warning before they go with the previous dataset")
    func userFilesNamed() throws {
        let (folder, config) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try run([folder + "/in"], folder + "/out", config)
        try writeBytes(Array("my notes".utf8), to: folder + "/out/notes.txt")
        try FileManager.default.createDirectory(atPath: folder + "/out/judgments/mine", withIntermediateDirectories: true)
        try writeBytes(Array("select 1".utf8), to: folder + "/out/judgments/mine/q.sql")
        let events = Locked<[LogRecord]>([])
        let logger = Logger(label: "test") { _ in CollectingHandler(events: events) }
        _ = try PipelineRun.execute(RunOptions(inputs: [folder + "/in"], output: folder + "/out", jobs: 2, configurationPath: config), logger: logger)
        let warning = try #require(events.current.first { $0.message == "files peel did not write will go with the previous dataset" })
        #expect(warning.level == .warning)
        #expect(warning.metadata["files"] == "judgments/mine/q.sql, notes.txt")
        #expect(warning.metadata["count"] == "2")
        // The run's own files are never named.
        #expect(events.current.filter { $0.message.hasPrefix("files peel") }.count == 1)
    }

    @Test("links in an input folder: a folder's is read, a loop's passed over once with a warning, one to nothing fails naming its target (65)",
          .timeLimit(.minutes(5)))
    func linksInInputFolders() throws {
        let (folder, config) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The year's reports kept elsewhere, linked into the input folder (they were passed over in silence).
        try FileManager.default.createDirectory(atPath: folder + "/archive/2015", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.samplesFolder + "/peel-effectiveness-2015-wiltshire.txt", toPath: folder + "/archive/2015/wiltshire.txt")
        #expect(symlink(folder + "/archive/2015", folder + "/in/2015") == 0)
        #expect(symlink(folder + "/in", folder + "/archive/2015/back") == 0)
        #expect(symlink(folder + "/nowhere/dyfed-powys.txt", folder + "/in/dyfed-powys.txt") == 0)
        #expect(mkfifo(folder + "/in/pipe", 0o644) == 0)
        let events = Locked<[LogRecord]>([])
        let logger = Logger(label: "test") { _ in CollectingHandler(events: events) }
        let result = try PipelineRun.execute(RunOptions(inputs: [folder + "/in"], output: folder + "/out", jobs: 2, configurationPath: config), logger: logger)
        #expect(result.manifest.inputs.map(\.path) == ["2015/wiltshire.txt", "dyfed-powys.txt", "samples.tar.gz"].map { folder + "/in/" + $0 })
        let dangling = try #require(result.manifest.inputs.first { $0.path.hasSuffix("dyfed-powys.txt") })
        #expect(dangling.status == "failed")
        #expect(dangling.error?.contains("a symbolic link to \(folder)/nowhere/dyfed-powys.txt, which does not exist") == true, "\(dangling.error ?? "")")
        #expect(result.status == .inputQuarantined)
        #expect(result.manifest.entries.first { $0.archive == folder + "/in/2015/wiltshire.txt" }?.status == .parsed)
        let passed = events.current.filter { $0.message == "input passed over" }.map { [$0.metadata["path"] ?? "", $0.metadata["reason"] ?? ""] }
        #expect(passed == [[folder + "/in/2015/back", "the folder \(folder)/in again, read once"], [folder + "/in/pipe", "a fifo, not a regular file"]])

        // Named on the command line, a link to nothing is refused naming where it points.
        let named = failure { () throws(RunFailure) in try run([folder + "/in/dyfed-powys.txt"], folder + "/out", config) }
        #expect(named?.status == .noInput)
        #expect(named?.description.contains("a symbolic link to \(folder)/nowhere/dyfed-powys.txt, which does not exist") == true, "\(named?.description ?? "")")
    }

    /// A name that is not UTF-8 (a Latin-1 "é" from an old machine) cannot be named to be read: it was reported as
    /// "No such file or directory". It is an input that failed, shown with its bytes escaped, saying why.
    @Test("a file whose name is not UTF-8 is an input that failed, named with its bytes escaped and why (65); the others are read")
    func nameNotUTF8() throws {
        let (folder, config) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try shell("cp '\(Fixtures.samplesFolder)/peel-effectiveness-2015-wiltshire.txt' \"$(printf 'in/lat\\351in.txt')\"", in: folder)
        let result = try run([folder + "/in"], folder + "/out", config)
        let odd = try #require(result.manifest.inputs.first { $0.path == folder + "/in/lat\\xE9in.txt" }, "\(result.manifest.inputs.map(\.path))")
        #expect(odd.status == "failed")
        #expect(odd.error?.contains("its name is not UTF-8") == true, "\(odd.error ?? "")")
        #expect(result.status == .inputQuarantined)
        #expect(result.manifest.entries.contains { $0.archive == folder + "/in/samples.tar.gz" && $0.status == .parsed })
    }

    /// An empty archive is an empty folder by another name: a cron job pointed at an emptied download replaced a good
    /// dataset with an empty one, exit 0, the only word of it in the manifest.
    @Test("inputs that hold no entries are refused (66), and the dataset in the output folder stays as it was")
    func emptyInputsKeepTheDataset() throws {
        let (folder, config) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try run([folder + "/in"], folder + "/out", config)
        let before = readBytes(folder + "/out/reports.csv")
        #expect(before.count > 200)
        try shell("tar -czf empty.tar.gz -T /dev/null && python3 -c \"import zipfile; zipfile.ZipFile('empty.zip', 'w').close()\"", in: folder)
        for input in ["empty.tar.gz", "empty.zip"] {
            let refused = failure { () throws(RunFailure) in try run([folder + "/" + input], folder + "/out", config) }
            #expect(refused?.status == .noInput, "\(input)")
            #expect(refused?.description.contains("holds no entries (an empty archive?): nothing was written") == true, "\(refused?.description ?? "")")
            #expect(readBytes(folder + "/out/reports.csv") == before)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/out").allSatisfy { !$0.hasPrefix(".staging") && !$0.hasPrefix(".peel-") })
    }

    /// Before: a run over a folder of other documents (the wrong folder, an inbox holding no report yet) replaced the
    /// dataset with an empty one, exit 0, with one warning in the log.
    @Test("inputs that hold no PEEL report and nothing that failed do not replace a dataset of reports (66, said why)")
    func noReportKeepsTheDataset() throws {
        let (folder, config) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try run([folder + "/in"], folder + "/out", config)
        let before = readBytes(folder + "/out/reports.csv")
        #expect(before.count > 200)
        try FileManager.default.createDirectory(atPath: folder + "/other", withIntermediateDirectories: true)
        try writeBytes(Array("Minutes of the board meeting, 3 March 2017.\n\nPresent: the chair and four members.\n".utf8), to: folder + "/other/minutes.txt")
        try FileManager.default.copyItem(atPath: Fixtures.packageRoot + "/README.md", toPath: folder + "/other/notes.md")
        let refused = failure { () throws(RunFailure) in try run([folder + "/other"], folder + "/out", config) }
        #expect(refused?.status == .noInput)
        #expect(refused?.description.contains("the inputs hold no PEEL report (2 entries skipped: 2 ") == true, "\(refused?.description ?? "")")
        #expect(refused?.description.contains("nothing was written, and the dataset in \(folder)/out, which holds 5 reports, is as it was") == true)
        #expect(readBytes(folder + "/out/reports.csv") == before)
        // Into a folder of its own they are a dataset that holds none, as they always were.
        let alone = try run([folder + "/other"], folder + "/alone", config)
        #expect(alone.manifest.totals.parsed == 0 && alone.manifest.totals.skipped == 2 && alone.status == .success)
        // One report beside them is a dataset.
        try FileManager.default.copyItem(atPath: Fixtures.samplesFolder + "/peel-effectiveness-2015-wiltshire.txt", toPath: folder + "/other/wiltshire.txt")
        let result = try run([folder + "/other"], folder + "/out", config)
        #expect(result.manifest.totals.parsed == 1 && result.manifest.totals.skipped == 2)
    }

    /// A FIFO among the inputs is passed over when they are listed; one put in a listed file's place before it was read
    /// held the reader's open until a writer came (`OpenInput` opened it blocking).
    @Test("an input that became a FIFO since the inputs were listed fails at once, said, and is not waited on")
    func fifoSinceListed() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/report.txt"
        #expect(mkfifo(path, 0o644) == 0)
        // A writer comes after two seconds, so that a reader that waits fails this test rather than hangs it.
        DispatchQueue.global().asyncAfter(deadline: .now() + 2) {
            let writer = open(path, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
        }
        do {
            _ = try OpenInput(path: path)
            Issue.record("a FIFO was opened as an input")
        } catch {
            #expect(error.description == "not a regular file (a fifo) since the inputs were listed")
        }
    }

    /// Before: a rewrite in place of the same size, its modification time put back (`rsync --inplace -t`), went
    /// unseen, and what was parsed from the new bytes was cached under the old bytes' checksum.
    @Test("an input rewritten in place with its size and modification time kept is seen as changed")
    func rewrittenInPlace() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/report.txt"
        try writeBytes(Array("first version\n".utf8), to: path)
        try shell("touch -d 2020-01-01 report.txt", in: folder)
        let input = try OpenInput(path: path)
        #expect(!input.changedSinceOpened)
        usleep(20_000)
        try shell("printf 'other version' | dd of=report.txt bs=1 conv=notrunc status=none && touch -d 2020-01-01 report.txt", in: folder)
        #expect(input.bytes == 14 && readBytes(path) == Array("other version\n".utf8))
        #expect(input.changedSinceOpened)
    }

    /// Before: the lock was opened through a symbolic link planted at its name, so a run (as root) created the file it
    /// named, anywhere ("/etc/nologin").
    @Test("a symbolic link at the lock's name is refused (73), and the file it names is not created")
    func lockThroughLink() throws {
        let (folder, config) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(symlink(folder + "/elsewhere", folder + "/.out.lock") == 0)
        let refused = failure { () throws(RunFailure) in try run([folder + "/in"], folder + "/out", config) }
        #expect(refused?.status == .cannotCreateOutput)
        #expect(refused?.description.contains("the lock file is a symbolic link, which peel does not follow") == true, "\(refused?.description ?? "")")
        #expect(!FileManager.default.fileExists(atPath: folder + "/elsewhere"))
    }

    /// Before: two names that differ only in their Unicode normalisation (a Mac's "é" as "e" and an accent, a Linux
    /// machine's as one character) were one input to String's equality: one was never read, without a word.
    @Test("two files or folders whose names differ only in their Unicode normalisation are each read")
    func namesInTwoNormalisations() throws {
        let (folder, config) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed && !composed.utf8.elementsEqual(decomposed.utf8))
        try FileManager.default.createDirectory(atPath: folder + "/names", withIntermediateDirectories: true)
        for (name, sample) in [(composed, "peel-effectiveness-2015-wiltshire.txt"), (decomposed, "peel-effectiveness-2015-dyfed-powys.txt")] {
            try FileManager.default.copyItem(atPath: Fixtures.samplesFolder + "/" + sample, toPath: folder + "/names/\(name).txt")
            try FileManager.default.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Fixtures.samplesFolder + "/" + sample, toPath: folder + "/\(name)/report.txt")
        }
        let files = try run([folder + "/names"], folder + "/out", config)
        #expect(files.manifest.inputs.count == 2)
        #expect(files.manifest.totals.parsed == 2)
        let folders = try run([folder + "/" + composed, folder + "/" + decomposed], folder + "/out", config)
        #expect(folders.manifest.inputs.count == 2)
        #expect(folders.manifest.totals.parsed == 2)
    }

    /// Before: refused, for a column it has ('no "force_id" column') or a correct line ("line 2: needs force_id …").
    @Test("reference tables saved with a byte-order mark (Excel's CSV UTF-8) are read as without one")
    func referenceWithByteOrderMark() throws {
        let (folder, config) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plain = try run([folder + "/in"], folder + "/plain", config)
        for file in ["forces.csv", "population.csv"] {
            try writeBytes([0xEF, 0xBB, 0xBF] + readBytes(folder + "/" + file), to: folder + "/" + file)
        }
        let marked = try run([folder + "/in"], folder + "/marked", config)
        #expect(marked.manifest.totals.parsed == plain.manifest.totals.parsed)
        #expect(readBytes(folder + "/marked/enriched_figures.csv") == readBytes(folder + "/plain/enriched_figures.csv"))
    }

    /// Before: resolved as text, "L/../out" (L a symbolic link) was taken for "./out", and a dataset there replaced.
    @Test("an output path through a symbolic link and \"..\" is where the system takes it")
    func outputThroughLinkAndParent() throws {
        let (folder, config) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/deep/inner", withIntermediateDirectories: true)
        #expect(symlink(folder + "/deep/inner", folder + "/L") == 0)
        _ = try run([folder + "/in"], folder + "/L/../out", config)
        #expect(FileManager.default.fileExists(atPath: folder + "/deep/out/manifest.json"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    /// Before: a run refused for a missing input created the output folder's missing parents and its lock; one given an
    /// output name too long for its staging folder beside it failed at its end (74), naming that staging folder.
    @Test("a run refused for its inputs leaves no trace; an output name too long for its siblings is refused at once (73)")
    func refusedBeforeWriting() throws {
        let (folder, config) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let missing = failure { () throws(RunFailure) in try run([folder + "/nowhere"], folder + "/new/parents/out", config) }
        #expect(missing?.status == .noInput)
        #expect(!FileManager.default.fileExists(atPath: folder + "/new"))
        let long = String(repeating: "o", count: OutputFolder.longestName + 1)
        let refused = failure { () throws(RunFailure) in try run([folder + "/in"], folder + "/" + long, config) }
        #expect(refused?.status == .cannotCreateOutput)
        #expect(refused?.description.contains("its name is \(long.utf8.count) bytes") == true, "\(refused?.description ?? "")")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).allSatisfy { !$0.contains("ooo") })
        let fits = try run([folder + "/in"], folder + "/" + String(long.dropFirst()), config)
        #expect(fits.manifest.totals.parsed == 5)
    }

    /// Before: accepted (exit 3): a whole second dataset inside the first one's partition folder, its CSV files read as
    /// the first one's table by any reader that lists them, and removed by the first one's next run.
    @Test("an output folder inside another peel dataset is refused (64) naming that dataset, which stays as it was")
    func outputInsideDataset() throws {
        let (folder, config) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try run([folder + "/in"], folder + "/main", config)
        let before = try FileManager.default.subpathsOfDirectory(atPath: folder + "/main").sorted()
        let partition = try #require(before.first { $0.hasPrefix("judgments/year=") && !$0.hasSuffix(".csv") })
        let refused = failure { () throws(RunFailure) in try run([folder + "/in"], folder + "/main/" + partition + "/x", config) }
        #expect(refused?.status == .usage)
        #expect(refused?.description.contains("is inside the peel dataset \(folder)/main:") == true, "\(refused?.description ?? "accepted")")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: folder + "/main").sorted() == before)
    }

    /// Before: a mount point as the output folder was read and parsed whole and then failed at the swap ("Device or
    /// resource busy"); `--output /` created /.lock, and a refused output left its lock file beside it.
    @Test("a mount point or a file as the output folder is refused at once (73), and no lock file is left",
          .enabled(if: getuid() == 0, "mounts a tmpfs"))
    func outputMountPoint() throws {
        let (folder, config) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/mp", withIntermediateDirectories: false)
        try shell("mount -t tmpfs -o size=4m tmpfs mp", in: folder)
        defer { _ = try? shell("umount mp", in: folder) }
        let refused = failure { () throws(RunFailure) in try run([folder + "/in"], folder + "/mp", config) }
        #expect(refused?.status == .cannotCreateOutput)
        #expect(refused?.description.contains("\(folder)/mp is a mount point") == true, "\(refused?.description ?? "accepted")")
        try writeBytes(Array("notes".utf8), to: folder + "/afile")
        let file = failure { () throws(RunFailure) in try run([folder + "/in"], folder + "/afile", config) }
        #expect(file?.status == .cannotCreateOutput)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".lock") }
        #expect(left.isEmpty, "\(left)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/mp").isEmpty)
    }

    /// Before: a FIFO given as the configuration (or as a reference table) waited forever for a writer, /dev/zero was
    /// read until memory ran out, and a folder was refused in Foundation's words ("error 256").
    @Test("a configuration or reference table that is no regular file is refused at once (78), saying what it is",
          .timeLimit(.minutes(1)))
    func settingsNotAFile() throws {
        let (folder, config) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(folder + "/fifo.json", 0o644) == 0)
        try FileManager.default.createDirectory(atPath: folder + "/folder.json", withIntermediateDirectories: false)
        for (path, said) in [(folder + "/fifo.json", "it is a FIFO"), ("/dev/zero", "it is not a regular file"), (folder + "/folder.json", "it is a folder")] {
            let refused = failure { () throws(RunFailure) in try run([folder + "/in"], folder + "/out", path) }
            #expect(refused?.status == .configuration)
            #expect(refused?.description == path + ": cannot read the configuration file: " + said
                + (said == "it is a FIFO" ? " (a named pipe), not a file; reading it could wait forever" : said == "it is a folder" ? ", not a file" : " (a device or a socket)"),
                    "\(refused?.description ?? "accepted")")
        }
        // A reference table beside the configuration: the same.
        try FileManager.default.removeItem(atPath: folder + "/forces.csv")
        #expect(mkfifo(folder + "/forces.csv", 0o644) == 0)
        let refused = failure { () throws(RunFailure) in try run([folder + "/in"], folder + "/out", config) }
        #expect(refused?.status == .configuration)
        #expect(refused?.description.contains("forces.csv: cannot read the force registry: it is a FIFO") == true, "\(refused?.description ?? "accepted")")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    /// Before: "cannot read the configuration file" and no more, whatever the cause (out of file descriptors, too).
    @Test("a configuration file that cannot be read is refused (78) with the system's reason")
    func configurationUnreadable() throws {
        let (folder, _) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let refused = failure { () throws(RunFailure) in try run([folder + "/in"], folder + "/out", folder + "/nowhere/pipeline.json") }
        #expect(refused?.status == .configuration)
        #expect(refused?.description == folder + "/nowhere/pipeline.json: cannot read the configuration file: No such file or directory")
    }

    /// Before: under a process limit (systemd's TasksMax, `ulimit -u`) Dispatch retried for ever to start a thread, and
    /// the run hung before its first line, deaf to SIGTERM; a cron job never ended.
    @Test("a run the system will not give its threads ends at once (71), said, and writes nothing", .enabled(if: getuid() == 0, "drops to nobody with setpriv"))
    func processLimit() throws {
        let binary = Fixtures.packageRoot + "/.build/debug/peel"
        try #require(FileManager.default.isExecutableFile(atPath: binary), "swift test builds \(binary)")
        let (folder, config) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(chmod(folder, 0o777) == 0)
        // A minute at most: the run hung before, and a hung test is no answer.
        let command = "ulimit -u 1; exec '\(binary)' run --input '\(folder)/in' --output '\(folder)/out' --config '\(config)'"
        let log = try shell("timeout -s KILL 60 setpriv --reuid=65534 --regid=65534 --clear-groups bash -c \"\(command)\" 2>&1; echo \"exit=$?\"", in: folder)
        #expect(log.contains("exit=71"), "\(log)")
        #expect(log.contains("the system would not start the run's"), "\(log)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).allSatisfy { !$0.contains("out") })
    }

    @Test("the dataset's README says what this run read, skipped, quarantined and found, the same on a re-run")
    func readmeSaysWhatHappened() throws {
        let (folder, config) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeBytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 1, count: 64), to: folder + "/in/picture.txt")
        _ = try run([folder + "/in"], folder + "/out", config)
        let readme = String(decoding: readBytes(folder + "/out/README.md"), as: UTF8.self)
        #expect(readme.contains("Exit status 65 (input_quarantined). 6 entries in 2 inputs: 5 parsed, 0 skipped, 1 quarantined."), "\(readme)")
        #expect(readme.contains("| 1 | quarantined | not text: PNG image signature |"))
        #expect(readme.contains("| count_rate_population | error | 1 |"))
        _ = try run([folder + "/in"], folder + "/out", config)
        #expect(String(decoding: readBytes(folder + "/out/README.md"), as: UTF8.self) == readme)
    }
}

/// One log event as a test sees it (shared by the suites that check what a run logs).
struct LogRecord {
    let level: Logger.Level
    let message: String
    let metadata: [String: String]
}

struct CollectingHandler: LogHandler {
    let events: Locked<[LogRecord]>
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
        let record = LogRecord(level: event.level, message: event.message.description,
                            metadata: (event.metadata ?? [:]).mapValues { $0.description })
        events.update { $0.append(record) }
    }
}
