import Foundation
import Logging
import PeelPipeline
import PeelTestSupport
import Testing

private let quiet = Logger(label: "peel-test") { _ in SwiftLogNoOpLogHandler() }
private let goodReport = Fixtures.samplesFolder + "/peel-effectiveness-2015-wiltshire.txt"

/// Rows of every parsed table for one report, without the columns that name where it came from.
private func rows(of reportID: String, in output: String) -> [String] {
    ["judgments", "figures", "findings", "enriched_figures", "grade_distributions"].flatMap { table in
        String(decoding: readBytes(output + "/\(table).csv"), as: UTF8.self).split(separator: "\n").filter { $0.hasPrefix(reportID) }.map { "\(table): \($0)" }
    }
}

private func run(_ input: String, output: String, configuration: String) throws -> RunResult {
    try PipelineRun.execute(RunOptions(inputs: [input], output: output, jobs: 2, configurationPath: configuration), logger: quiet)
}

/// Each hostile case is made at test time (Tests/Fixtures/make-hostile.py, Python's tarfile and zipfile)
/// beside a good report, which must come out exactly as it does alone.
@Suite("Hostile inputs beside a good report")
struct HostileInputTests {
    static let cases: [(name: String, entry: String, status: String, reason: String)] = [
        ("traversal", "../../escape.txt", "quarantined", "unsafe entry name: \"..\" path segment"),
        ("absolute", "/abs/x.txt", "quarantined", "unsafe entry name: absolute path"),
        ("links", "sym", "skipped", "symbolic link to /etc/passwd, not a regular file"),
        ("zipbomb", "bomb.txt", "quarantined", "max_entry_bytes"),
        ("ratio", "zeros.txt", "quarantined", "not text: contains NUL bytes"),
        ("longline", "line.txt", "quarantined", "max_entry_bytes"),
        ("linebombs", "pairs.txt", "quarantined", "more than 1000000 lines (max_entry_lines)"),
        ("badutf8", "bad\\xFFname.txt", "parsed", ""),
        ("control", "a\\x1B[31mred\\x07.txt", "parsed", ""),
        ("samename", "good.txt", "skipped", "not a PEEL report"),
        ("empties", "empty/09999.txt", "skipped", "empty entry (0 bytes)"),
        ("nested", "level5.zip!/level4.zip!/level3.zip", "quarantined", "nested deeper than 10 levels (max_nesting_depth)"),
        ("devices", "tty", "skipped", "character device, not a regular file"),
        ("png", "picture.txt", "quarantined", "not text: PNG image signature"),
        // A note named as an archive is no archive: the input is refused whole (`failed`, its reason the input's error).
        ("emptyfiles", "notreally.zip", "failed", "not a ZIP archive, as its name (.zip) says: its first bytes are \"This is not an archive"),
    ]

    @Test("the bad entry is quarantined or skipped with its reason; the good report is processed as alone; nothing escapes",
          .timeLimit(.minutes(2)), arguments: cases.map(\.name))
    func hostile(name: String) throws {
        let expected = Self.cases.first { $0.name == name }!
        let folder = makeTemporaryFolder("peel-hostile")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try copyPipelineFiles(to: folder)
        try shell("python3 '\(Fixtures.packageRoot)/Tests/Fixtures/make-hostile.py' \(name) in '\(goodReport)'", in: folder)

        let alone = try run(goodReport, output: folder + "/alone", configuration: folder + "/pipeline.json")
        let result = try run(folder + "/in", output: folder + "/out", configuration: folder + "/pipeline.json")

        if expected.status == "failed" {
            let input = try #require(result.manifest.inputs.first { $0.path.hasSuffix("/" + expected.entry) }, "no input \(expected.entry)")
            #expect(input.status == "failed")
            #expect((input.error ?? "").contains(expected.reason), "\(input.error ?? "")")
            #expect(!result.manifest.entries.contains { $0.archive == input.path }, "an entry of \(input.path) was read")
        } else {
            let entries = result.manifest.entries.filter { $0.path == expected.entry || $0.path.hasSuffix("/" + expected.entry) }
            let bad = try #require(entries.last, "no entry \(expected.entry)")
            #expect(bad.status.rawValue == expected.status)
            if expected.reason.isEmpty {
                #expect(bad.reason == nil)
            } else {
                #expect((bad.reason ?? "").contains(expected.reason), "\(bad.reason ?? "")")
            }
        }

        let goodID = try #require(alone.manifest.entries.first?.sha256)
        let good = result.manifest.entries.filter { $0.sha256 == goodID }
        #expect(good.first?.status == .parsed)
        #expect(rows(of: goodID, in: folder + "/out") == rows(of: goodID, in: folder + "/alone"))
        #expect(!rows(of: goodID, in: folder + "/out").isEmpty)

        // Nothing was written outside the output folders (their lock files beside them are expected).
        let written = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(written == [".alone.lock", ".out.lock", "alone", "forces.csv", "in", "out", "pipeline.json", "population.csv"])
        #expect(!FileManager.default.fileExists(atPath: (folder as NSString).deletingLastPathComponent + "/escape.txt"))
        #expect(!FileManager.default.fileExists(atPath: "/abs/x.txt"))
    }
}
