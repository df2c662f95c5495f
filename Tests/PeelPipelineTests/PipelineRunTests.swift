import Foundation
import Glibc
import Logging
@testable import PeelCLI
import PeelPipeline
import PeelTables
import PeelTestSupport
import Testing

private let quiet = Logger(label: "peel-test") { _ in SwiftLogNoOpLogHandler() }

/// A configuration file in `folder` with the shipped reference tables beside it.
@discardableResult
private func writeConfiguration(_ json: String, named name: String, in folder: String) throws -> String {
    try writeBytes(Array(json.utf8), to: folder + "/" + name)
    try copyPipelineFiles(["forces.csv", "population.csv"], to: folder)
    return folder + "/" + name
}

/// A run of the real pipeline into `folder/out`, with the built-in default configuration unless given.
private func run(_ inputs: [String], in folder: String, jobs: Int = 2, configuration: String? = nil, formats: TableFormats = .csv) throws -> RunResult {
    let defaults = folder + "/defaults.json"
    if configuration == nil && !FileManager.default.fileExists(atPath: defaults) { try writeConfiguration("{}", named: "defaults.json", in: folder) }
    var options = RunOptions(inputs: inputs, output: folder + "/out", jobs: jobs, configurationPath: configuration ?? defaults)
    options.formats = formats
    return try PipelineRun.execute(options, logger: quiet)
}

/// Every file of a dataset (path relative to it → bytes), manifest.json left out unless asked for.
private func datasetFiles(_ folder: String, includingManifest: Bool = false) -> [String: [UInt8]] {
    var files: [String: [UInt8]] = [:]
    let walker = FileManager.default.enumerator(atPath: folder)!
    while let path = walker.nextObject() as? String {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
        if isDirectory.boolValue || (!includingManifest && path == "manifest.json") { continue }
        // index.html holds the run's own id and times, marked as such: the rest of it must agree.
        files[path] = path == "index.html" ? Array(withoutRunSpecificParts(String(decoding: readBytes(folder + "/" + path), as: UTF8.self)).utf8)
            : readBytes(folder + "/" + path)
    }
    return files
}

private func csvRows(_ path: String) -> [[String]] {
    // The reports table has no quoted commas or line breaks in these tests' columns of interest.
    String(decoding: readBytes(path), as: UTF8.self).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
}

@Suite("Pipeline runs")
struct PipelineRunTests {
    @Test("the embedded default input gives five reports, each entry and output in the manifest")
    func defaultInput() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try run([Fixtures.defaultInput], in: folder)
        // The samples hold a real inconsistency (Gwent's place-of-safety rate), so validation fails the run.
        #expect(result.status == .validationErrors)

        let manifest = try Manifest.decode(readBytes(folder + "/out/manifest.json"))
        // The file's entries are written as they are committed, spliced into the rest: the same bytes as
        // encoding the whole manifest at once.
        #expect(readBytes(folder + "/out/manifest.json") == result.manifest.encoded())
        #expect(manifest.entries.map(\.path) == Fixtures.sampleNames)
        #expect(manifest.entries.allSatisfy { $0.status == .parsed })
        #expect(manifest.entries.map { $0.sha256 ?? "" } == Fixtures.sampleNames.map { sha256Hex(Fixtures.sample($0)) })
        #expect(manifest.inputs.count == 1)
        #expect(manifest.inputs[0].sha256 == sha256Hex(readBytes(Fixtures.defaultInput)))
        #expect(manifest.inputs[0].status == "read")
        #expect(manifest.totals.reportsByType == ["force": 4, "national": 1])
        #expect(manifest.exitStatus.code == 3)
        #expect(manifest.validation?.bySeverity == ["error": 1, "warning": 3, "info": 0])
        #expect(manifest.validation?.byRule["count_rate_population"] == ["error": 1])
        #expect(manifest.outputs.first { $0.path == "validation.csv" }?.rows == 4)
        let enriched = csvRows(folder + "/out/enriched_figures.csv")
        #expect(enriched[0].count == 20)
        #expect(manifest.outputs.first { $0.path == "enriched_figures.csv" }?.rows == enriched.count - 1)

        // Every output file is listed with the checksum, size and row count of what is on disk.
        let files = datasetFiles(folder + "/out")
        #expect(Set(manifest.outputs.map(\.path)) == Set(files.keys))
        for output in manifest.outputs {
            try #require(files[output.path] != nil)
            let bytes = readBytes(folder + "/out/" + output.path)
            #expect(output.sha256 == sha256Hex(bytes), "\(output.path)")
            #expect(output.bytes == bytes.count)
            if let rows = output.rows { #expect(rows == bytes.filter { $0 == 0x0A }.count - 1, "\(output.path)") }
        }

        let reports = csvRows(folder + "/out/reports.csv")
        #expect(reports.count == 6)
        #expect(reports.dropFirst().map { $0[0] } == Fixtures.sampleNames.map { sha256Hex(Fixtures.sample($0)) })
        #expect(files["reports/year=2015/part-00000.csv"].map { $0.filter { $0 == 0x0A }.count } == 4)
        #expect(files["reports/year=2017/part-00000.csv"].map { $0.filter { $0 == 0x0A }.count } == 3)
        #expect(!String(decoding: files["reports/year=2015/part-00000.csv"]!, as: UTF8.self).contains(",year,"))

        // The parsed tables: 22 force-report grades + 43 × 5 national cells; 5 questions × 4 grades.
        #expect(manifest.outputs.first { $0.path == "judgments.csv" }?.rows == 22 + 215)
        #expect(manifest.outputs.first { $0.path == "grade_distributions.csv" }?.rows == 20)
        #expect(manifest.outputs.first { $0.path == "judgments/year=2017/part-00000.csv" }?.rows == 12)
        let judgments = csvRows(folder + "/out/judgments.csv")
        #expect(judgments[0] == ["report_id", "year", "force_id", "question", "grade", "scale", "grade_rank", "last_inspected", "source_line", "source_page"])
        // source_page is empty for a text entry: only a PDF has pages.
        #expect(judgments.contains(["d84746668f897040172af99eba4d8c4d92945c3d259cf2ad6c12b812169ad955", "2017", "gwent", "specialist_capabilities", "ungraded", "four_point", "", "2017", "222", ""]))
        let figures = csvRows(folder + "/out/figures.csv")
        #expect(figures.contains { $0.count == 14 && $0[2] == "gwent" && $0[4] == "custody_place_of_safety_per_100000" && $0[6] == "107.9" && $0[12] == "295" && $0[13] == "" })
        #expect(manifest.outputs.first { $0.path == "findings.csv" }.map { ($0.rows ?? 0) > 40 } == true)
        #expect(manifest.reference.map(\.rows) == [43, 43 * 19])

        // The dataset's README is the one committed in Outputs/ (which names the input as the README's first command
        // gives it), so the main job leaves the checkout clean.
        let readme = String(decoding: files["README.md"] ?? [], as: UTF8.self).replacingOccurrences(of: Fixtures.defaultInput, with: "Inputs/peel-samples.tar.gz")
        #expect(readme == String(decoding: readBytes(Fixtures.packageRoot + "/Outputs/README.md"), as: UTF8.self))
    }

    @Test("--jobs 1 and --jobs 2 write byte-identical tables, and so does running again")
    func deterministic() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Several archives, so readers and workers really interleave.
        let names = try copySamples(to: folder + "/samples")
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        try shell("zip -q -j in/a.zip samples/\(names[0]) samples/\(names[1]) && tar -czf in/b.tar.gz -C samples \(names[2]) \(names[3]) && cp samples/\(names[4]) in/", in: folder)
        var datasets: [[String: [UInt8]]] = []
        for jobs in [1, 2, 2, 1] {
            _ = try run([folder + "/in"], in: folder, jobs: jobs, formats: [.csv, .parquet])
            datasets.append(datasetFiles(folder + "/out"))
        }
        #expect(datasets[0]["reports.csv"].map { $0.filter { $0 == 0x0A }.count } == 1 + 5)
        // The Parquet files too (--format csv,parquet): every table, flat and by year.
        #expect(datasets[0].keys.filter { $0.hasPrefix("parquet/") && $0.hasSuffix(".parquet") }.count == 7 + 6 * 2 + 1)
        for dataset in datasets.dropFirst() { #expect(dataset == datasets[0]) }

        // Parquet alone: the same Parquet files, no CSV, and every file that names tables names the Parquet ones.
        for jobs in [1, 2] {
            _ = try run([folder + "/in"], in: folder, jobs: jobs, formats: .parquet)
            let parquetOnly = datasetFiles(folder + "/out")
            #expect(parquetOnly.keys.filter { $0.hasSuffix(".csv") }.isEmpty, "\(parquetOnly.keys.filter { $0.hasSuffix(".csv") })")
            for (path, bytes) in parquetOnly where path.hasPrefix("parquet/") { #expect(bytes == datasets[0][path], "\(path)") }
            let package = String(decoding: parquetOnly["datapackage.json"] ?? [], as: UTF8.self)
            #expect(package.contains("\"path\" : \"parquet/judgments.parquet\"") && package.contains("\"format\" : \"parquet\"")
                    && !package.contains("\"format\" : \"csv\"") && !package.contains(".csv\","))
            let page = String(decoding: parquetOnly["index.html"] ?? [], as: UTF8.self)
            #expect(page.contains("href=\"parquet/validation.parquet\"") && !page.contains(".csv\""))
            let readme = String(decoding: parquetOnly["README.md"] ?? [], as: UTF8.self)
            #expect(readme.contains("`parquet/<table>.parquet`") && !readme.contains("<table>.csv"))
        }
    }

    @Test("a corrupt, an oversize and a non-text entry are quarantined; the good reports are processed")
    func badEntriesBesideGoodOnes() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        try writeBytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 500), to: folder + "/samples/picture.txt")
        try shell("head -c 3000000 /dev/zero | tr '\\0' 'x' > samples/huge.txt && mkdir in && zip -q -0 -j in/bundle.zip samples/*", in: folder)
        // Corrupt one stored report in place.
        var zip = readBytes(folder + "/in/bundle.zip")
        let marker = Array(Fixtures.sample(names[2])[30_000..<30_064])
        let offset = try #require(zip.firstRange(of: marker)).lowerBound
        for index in offset..<offset + 8 { zip[index] ^= 0xFF }
        try writeBytes(zip, to: folder + "/in/bundle.zip")
        try writeConfiguration(#"{"limits": {"max_entry_bytes": 1000000}}"#, named: "small.json", in: folder)

        let result = try run([folder + "/in"], in: folder, configuration: folder + "/small.json")
        #expect(result.status == .inputQuarantined)
        let entries = Dictionary(uniqueKeysWithValues: result.manifest.entries.map { ($0.path, $0) })
        #expect(entries[names[2]]?.status == .quarantined)
        #expect(entries[names[2]]?.reason?.contains("CRC") == true)
        #expect(entries["huge.txt"]?.status == .quarantined)
        #expect(entries["huge.txt"]?.reason?.contains("max_entry_bytes") == true)
        #expect(entries["picture.txt"]?.status == .quarantined)
        #expect(entries["picture.txt"]?.reason?.contains("PNG") == true)
        for name in names where name != names[2] { #expect(entries[name]?.status == .parsed, "\(name)") }
        #expect(csvRows(folder + "/out/reports.csv").count == 1 + 4)
        #expect(result.manifest.totals.quarantined == 3)
        #expect(result.manifest.exitStatus.code == 65)
    }

    @Test("the same bytes in two archives are one report; the later copy names the first")
    func duplicates() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try copySamples(to: folder + "/samples")
        try shell("mkdir in && zip -q -j in/a.zip samples/* && tar -cjf in/b.tar.bz2 -C samples .", in: folder)
        let result = try run([folder + "/in"], in: folder)
        #expect(result.status == .validationErrors)
        let skipped = result.manifest.entries.filter { $0.status == .skipped }
        #expect(skipped.count == 5)
        for entry in skipped {
            #expect(entry.archive.hasSuffix("in/b.tar.bz2"))
            let name = (entry.path as NSString).lastPathComponent
            #expect(entry.reason == "duplicate of \(folder)/in/a.zip entry \(name) (same sha256)")
        }
        #expect(csvRows(folder + "/out/reports.csv").count == 1 + 5)
    }

    @Test("a force report's grade that its national overview contradicts is found whichever comes first; without an overview, none is")
    func crossDocumentGrades() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Dyfed-Powys's preventing_crime grade (line 385) changed from the overview's "good".
        let dyfed = "peel-effectiveness-2015-dyfed-powys.txt", national = "peel-effectiveness-2015-national-overview.md"
        var lines = String(decoding: Fixtures.sample(dyfed), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[384].contains("Good"))
        lines[384] = Substring(lines[384].replacingOccurrences(of: "Good", with: "Outstanding"))
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        try writeBytes(Array(lines.joined(separator: "\n").utf8), to: folder + "/in/" + dyfed)
        try writeBytes(Fixtures.sample(national), to: folder + "/in/" + national)
        for (order, label) in [("\(dyfed) \(national)", "force report first"), ("\(national) \(dyfed)", "overview first")] {
            try shell("rm -f in.tar && tar -cf in.tar -C in \(order)", in: folder)
            _ = try run([folder + "/in.tar"], in: folder)
            let rows = readCSV(folder + "/out/validation.csv").filter { $0["rule"] == "cross_document_grades" }
            #expect(rows.map { $0["subject"] } == ["judgments preventing_crime line 385"], "\(label)")
            #expect(rows.first?["message"]?.hasPrefix("dyfed-powys preventing_crime is outstanding here (line 385) but good in the national overview") == true, "\(label)")
        }
        try shell("rm -f in.tar && tar -cf in.tar -C in \(dyfed)", in: folder)
        _ = try run([folder + "/in.tar"], in: folder)
        #expect(!String(decoding: readBytes(folder + "/out/validation.csv"), as: UTF8.self).contains("cross_document_grades"))
    }

    @Test("the validation table is rule by rule, each rule's rows in report order, past the rows a rule keeps in memory")
    func validationTableOrder() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // 300 copies of Gwent's report, each its own bytes (a line of its own at the end): each gives one
        // count_rate_population error and two force_vs_england_wales warnings, and each after the first a
        // force_reports_agree info (Gwent 2017 read again): more rows than a rule holds in memory before it spools
        // them, so the table is made from spooled batches and the rows still in memory.
        let gwent = String(decoding: Fixtures.sample("peel-effectiveness-2017-gwent.md"), as: UTF8.self)
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        var order: [String: Int] = [:]
        for copy in 0..<300 {
            let bytes = Array((gwent + "\nCopy \(copy).\n").utf8)
            order[sha256Hex(bytes)] = copy
            try writeBytes(bytes, to: folder + "/in/" + String(format: "copy-%03d.md", copy))
        }
        try shell("cd in && tar -cf ../in.tar $(ls | sort)", in: folder)
        var tables: [Int: [String: [UInt8]]] = [:]
        for jobs in [1, 2] {
            let result = try run([folder + "/in.tar"], in: folder, jobs: jobs)
            let rows = readCSV(folder + "/out/validation.csv")
            // Rules in the registry's order, each once; within a rule, reports in the archive's order.
            let rules = rows.map { $0["rule"] ?? "" }
            let runs = rules.enumerated().filter { $0.offset == 0 || rules[$0.offset - 1] != $0.element }.map(\.element)
            #expect(runs == ["force_reports_agree", "count_rate_population", "force_vs_england_wales"])
            for rule in runs {
                let copies = rows.filter { $0["rule"] == rule }.map { order[$0["report_id"] ?? ""] ?? -1 }
                let first = rule == "force_reports_agree" ? 1 : 0
                #expect(copies == copies.sorted() && copies.first == first && copies.last == 299, "\(rule)")
                #expect(copies.count == result.manifest.validation?.byRule[rule]?.values.reduce(0, +), "\(rule)")
            }
            #expect(rows.count == 1199)
            // The partition file holds the flat file's rows of its year, in order, without the year.
            let flat = String(decoding: readBytes(folder + "/out/validation.csv"), as: UTF8.self).split(separator: "\n").dropFirst()
            let partition = String(decoding: readBytes(folder + "/out/validation/year=2017/part-00000.csv"), as: UTF8.self).split(separator: "\n").dropFirst()
            #expect(partition.map(String.init) == flat.map { $0.replacingOccurrences(of: ",2017,", with: ",") })
            tables[jobs] = datasetFiles(folder + "/out").filter { $0.key.hasPrefix("validation") }
        }
        #expect(tables[1] == tables[2])
    }

    @Test("a text that is not a PEEL report is recorded as other and skipped with the reason")
    func otherDocument() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeBytes(Array("Minutes of the police and crime panel, 3 May 2016.\nPresent: the commissioner.\n".utf8), to: folder + "/minutes.txt")
        let result = try run([folder + "/minutes.txt"], in: folder)
        #expect(result.status == .success)
        #expect(result.manifest.entries.map(\.status) == [.skipped])
        #expect(result.manifest.entries[0].reason?.hasPrefix("not a PEEL report") == true)
        let rows = csvRows(folder + "/out/reports.csv")
        #expect(rows.count == 2)
        #expect(rows[1][6] == "other")
        #expect(FileManager.default.fileExists(atPath: folder + "/out/reports/year=__HIVE_DEFAULT_PARTITION__/part-00000.csv"))
    }

    @Test("a second run replaces the dataset whole and sweeps what a killed run left")
    func replacesAtomically() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        _ = try run([folder + "/samples"], in: folder)
        try FileManager.default.createDirectory(atPath: folder + "/.out.staging-killed/reports", withIntermediateDirectories: true)
        _ = try run([folder + "/samples/" + names[0]], in: folder)
        #expect(csvRows(folder + "/out/reports.csv").count == 2)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(siblings == [".out.lock", "defaults.json", "forces.csv", "out", "population.csv", "samples"])
    }

    @Test("a folder that is not a peel dataset is never replaced")
    func refusesForeignFolder() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: true)
        try writeBytes(Array("precious".utf8), to: folder + "/out/thesis.tex")
        #expect(throws: RunFailure.self) { try run([Fixtures.defaultInput], in: folder) }
        do { _ = try run([Fixtures.defaultInput], in: folder) } catch let error as RunFailure { #expect(error.status == .cannotCreateOutput) }
        #expect(readBytes(folder + "/out/thesis.tex") == Array("precious".utf8))
        // Nor is one whose manifest.json is another program's, even one that names peel somewhere inside.
        try writeBytes(Array(#"{"name": "app", "icons": [], "program": {"name": "peel"}}"#.utf8), to: folder + "/out/manifest.json")
        do { _ = try run([Fixtures.defaultInput], in: folder) } catch let error as RunFailure { #expect(error.status == .cannotCreateOutput) }
        #expect(readBytes(folder + "/out/thesis.tex") == Array("precious".utf8))
    }

    /// A README.md was taken as harmless whatever it said: a folder of a user's notes in one was replaced, the notes gone.
    @Test("a folder holding only a README.md is replaced only where the README is a dataset's (the repository's Outputs/)")
    func readmeOnlyFolder() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: true)
        let notes = Array("# My project\nImportant notes\n".utf8)
        try writeBytes(notes, to: folder + "/out/README.md")
        do {
            _ = try run([Fixtures.defaultInput], in: folder)
            Issue.record("the run should have been refused")
        } catch let error as RunFailure {
            #expect(error.status == .cannotCreateOutput && error.description.contains("is not a peel dataset"))
        }
        #expect(readBytes(folder + "/out/README.md") == notes)
        try writeBytes(readBytes(Fixtures.packageRoot + "/Outputs/README.md"), to: folder + "/out/README.md")
        _ = try run([Fixtures.defaultInput], in: folder)
        #expect(FileManager.default.fileExists(atPath: folder + "/out/manifest.json"))
    }

    @Test("a second run while the lock is held exits 75 at once")
    func lockHeld() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let descriptor = open(folder + "/.out.lock", O_RDWR | O_CREAT, 0o644)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        #expect(refusal(in: folder)?.status == .locked)
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    /// What a run over the default input into `folder`/out is refused with; nil, and an issue, if it ran.
    private func refusal(in folder: String) -> RunFailure? {
        do { _ = try run([Fixtures.defaultInput], in: folder) } catch let error as RunFailure { return error } catch {
            Issue.record("\(error)")
            return nil
        }
        Issue.record("the run should have been refused")
        return nil
    }

    /// An operator who deletes the lock file while a run goes on lets a second run take a new one: its sweep of what
    /// killed runs left removed the first run's staging folder under it. A run holds its staging folder locked too.
    @Test("a run whose lock file was deleted under it: a second run exits 75, and the first one's staging folder stays")
    func lockFileDeleted() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // What a run that is writing holds: its staging folder, locked (its lock file is gone).
        let staging = folder + "/.out.staging-" + UUID().uuidString.lowercased()
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        try writeBytes(Array("half a dataset".utf8), to: staging + "/figures.csv")
        // Closed once, below (tests run side by side in one process: a second close could close another's descriptor).
        let descriptor = open(staging, O_RDONLY | O_DIRECTORY)
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let refused = refusal(in: folder)
        #expect(refused?.status == .locked)
        #expect(refused?.description.contains(staging) == true, "\(refused?.description ?? "")")
        #expect(FileManager.default.fileExists(atPath: staging + "/figures.csv"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))

        // Once that run is gone (its lock dropped with it), what it left is swept and the run goes ahead.
        close(descriptor)
        _ = try run([Fixtures.defaultInput], in: folder)
        #expect(!FileManager.default.fileExists(atPath: staging))
        #expect(FileManager.default.fileExists(atPath: folder + "/out/manifest.json"))
    }
}

@Suite("Command line")
struct CommandLineTests {
    /// `peel run --help` named 9 of the 14 exit statuses README's table gives (not 69, 71, 129, 130, 143).
    @Test("the help's exit statuses are README's")
    func helpExitStatuses() throws {
        let readme = String(decoding: try readBytes(Fixtures.packageRoot + "/README.md"), as: UTF8.self)
        let section = try #require(readme.components(separatedBy: "### Exit status").dropFirst().first)
        let table = section.components(separatedBy: "\n#").first ?? section
        let codes = table.split(separator: "\n").filter { $0.hasPrefix("| ") }.flatMap { row in
            row.dropFirst(2).prefix { $0 != "|" }.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        }
        #expect(codes.count == 14, "\(codes)")
        let help = RunCommand.helpMessage(columns: 1000)
        let said = try #require(help.components(separatedBy: "Exit status:").dropFirst().first)
        for code in codes { #expect(said.contains(" \(code) ") || said.contains(" \(code),"), "exit status \(code) is not in the help") }
    }

    /// ArgumentParser keeps the last of a repeated option without a word: `--output a … --output b` wrote to b.
    @Test("an option that holds one value, given twice, is refused (64) naming it; --input repeats, and a value is never an option")
    func repeatedOptions() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let wiltshire = Fixtures.samplesFolder + "/peel-effectiveness-2015-wiltshire.txt"
        for (arguments, repeated) in [
            (["--output", folder + "/a", "--output", folder + "/b"], "--output"),
            (["--output=" + folder + "/a", "--jobs", "1", "--output", folder + "/b"], "--output"),
            (["--jobs", "1", "--jobs=2", "--output", folder + "/a"], "--jobs"),
            (["--format", "csv", "--output", folder + "/a", "--format", "parquet"], "--format"),
            (["--fail-on", "never", "--log-format", "json", "--fail-on", "error", "--output", folder + "/a"], "--fail-on"),
        ] {
            let line = ["run", "--input", wiltshire] + arguments
            #expect(Peel.exitCode(arguments: line) == 64, "\(line)")
            #expect(RunCommand.repeatedOption(in: line)?.message == "\(repeated) is given more than once; give it once (only the last would have counted)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/a") && !FileManager.default.fileExists(atPath: folder + "/b"))
        // Repeatable, or a value that looks like an option, or past "--": not a repeat.
        #expect(RunCommand.repeatedOption(in: ["run", "--input", "a", "--input", "b", "--output", "o"]) == nil)
        #expect(RunCommand.repeatedOption(in: ["run", "--input", "--output", "--output", "o"]) == nil)
        #expect(RunCommand.repeatedOption(in: ["run", "--output", "o", "--", "--output"]) == nil)
        #expect(RunCommand.repeatedOption(in: ["run", "--full", "--full", "-v", "-v"]) == nil)
        // Help asked for is shown, whatever else the line holds.
        #expect(RunCommand.repeatedOption(in: ["run", "--output", "a", "--output", "b", "--help"]) == nil)
        #expect(RunCommand.repeatedOption(in: ["run", "--output", "a", "--output", "b", "--", "--help"]) != nil)
        // The list is every option the help shows with a value, but the one that repeats.
        let help = RunCommand.helpMessage(columns: 200)
        let withValue = Set(help.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard words.count >= 2, words[0].hasPrefix("--"), words[1].hasPrefix("<") else { return nil }
            return String(words[0])
        })
        #expect(withValue.subtracting(["--input"]) == RunCommand.singleValued, "\(help)")
    }

    @Test("exit codes: usage 64, no input 66, bad configuration 78, validation errors 3 (per --fail-on), success 0")
    func exitCodes() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeConfiguration(#"{"limits": {"max_entry_byte": 5}}"#, named: "typo.json", in: folder)
        try writeConfiguration("{}", named: "empty.json", in: folder)
        let output = ["--output", folder + "/out"]
        #expect(Peel.exitCode(arguments: ["run", "--jobs", "0"] + output) == 64)
        #expect(Peel.exitCode(arguments: ["run", "--no-such-flag"]) == 64)
        #expect(Peel.exitCode(arguments: ["run", "--input", folder + "/missing", "--config", folder + "/empty.json"] + output) == 66)
        #expect(Peel.exitCode(arguments: ["run", "--input", Fixtures.defaultInput, "--config", folder + "/typo.json"] + output) == 78)
        let config = ["--config", folder + "/empty.json", "--jobs", "1"] + output
        #expect(Peel.exitCode(arguments: ["run", "--input", Fixtures.defaultInput] + config) == 3)
        #expect(FileManager.default.fileExists(atPath: folder + "/out/manifest.json"))
        #expect(Peel.exitCode(arguments: ["run", "--input", Fixtures.defaultInput, "--fail-on", "never"] + config) == 0)
        // Wiltshire alone has a warning (calls for assistance far below England and Wales) and no error.
        let wiltshire = Fixtures.samplesFolder + "/peel-effectiveness-2015-wiltshire.txt"
        #expect(Peel.exitCode(arguments: ["run", "--input", wiltshire] + config) == 0)
        #expect(Peel.exitCode(arguments: ["run", "--input", wiltshire, "--fail-on", "warning"] + config) == 3)
        #expect(Peel.exitCode(arguments: ["run", "--fail-on", "sometimes"] + output) == 64)
        // An empty path (an unset variable: `--output "$DATASET"`) is refused, not read as the current folder.
        for arguments in [["--input", wiltshire, "--config", folder + "/empty.json", "--output", ""], ["--input", ""] + config,
                          ["--input", wiltshire, "--config", ""] + output] {
            let option = arguments[arguments.firstIndex(of: "")! - 1]
            #expect(Peel.exitCode(arguments: ["run"] + arguments) == 64, "\(option) \"\"")
            #expect(throws: (any Error).self) { _ = try Peel.parseAsRoot(["run"] + arguments) }
            do { _ = try Peel.parseAsRoot(["run"] + arguments) } catch {
                #expect(Peel.message(for: error) == "\(option) is empty (an unset variable?): give it a path")
            }
        }
        // A format that is not csv or parquet, or none, is refused before anything is read.
        // Nor one named twice ("csv,csv": meant "csv,parquet"?), which was accepted.
        for format in ["xlsx", "csv,xlsx", "", "csv,", "csv,csv", "parquet,CSV,parquet"] {
            #expect(Peel.exitCode(arguments: ["run", "--input", wiltshire, "--format", format] + config) == 64, "--format \"\(format)\"")
        }
        #expect(Peel.exitCode(arguments: ["run", "--input", wiltshire, "--format", " Parquet , CSV "] + config) == 0)
        // A negative number of jobs is out of range, said so (it was "Missing value for '--jobs <jobs>'").
        do { _ = try Peel.parseAsRoot(["run", "--jobs", "-1"] + output) } catch {
            #expect(Peel.message(for: error) == "--jobs must be between 1 and \(RunOptions.maxJobs)")
        }
        #expect(Peel.exitCode(arguments: ["run", "--jobs", "-1"] + output) == 64)
        #expect(FileManager.default.fileExists(atPath: folder + "/out/parquet/reports.parquet")
                && FileManager.default.fileExists(atPath: folder + "/out/reports.csv"))
    }
}

@Suite("Manifest written as entries are committed")
struct StreamedManifestTests {
    /// (Inputs that hold no entries at all are refused, 66: only an input that failed leaves a dataset of none.)
    @Test("a run with no entries (its one input unreadable) still gives the manifest the encoder would write")
    func emptyArchive() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try shell("mkdir -p in && tar -cf in/empty.tar -T /dev/null && ln -s nowhere.tar in/gone.tar", in: folder)
        let result = try run([folder + "/in"], in: folder)
        let bytes = readBytes(folder + "/out/manifest.json")
        #expect(bytes == result.manifest.encoded())
        #expect(try Manifest.decode(bytes).totals.entries == 0)
        #expect(result.status == .inputQuarantined)
    }
}
