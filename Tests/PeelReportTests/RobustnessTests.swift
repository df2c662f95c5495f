import Foundation
import PeelReport
import PeelTestSupport
import PeelText
import Testing

// MARK: - Variants of a sample, as other PDF extractions and tools produce them

/// CRLF line ends and Windows-1252 bytes (characters it cannot hold, such as ⁴, are dropped).
func windows1252CRLF(_ bytes: [UInt8]) -> [UInt8] {
    let table: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02C6: 0x88, 0x2030: 0x89,
        0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95,
        0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
    var out: [UInt8] = []
    for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
        if scalar == "\n" { out += [0x0D, 0x0A] }
        else if scalar.value < 0x80 || (0xA0...0xFF).contains(scalar.value) { out.append(UInt8(scalar.value)) }
        else if let byte = table[scalar.value] { out.append(byte) }
    }
    return out
}

func utf16LE(_ bytes: [UInt8]) -> [UInt8] {
    [0xFF, 0xFE] + String(decoding: bytes, as: UTF8.self).utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
}

/// Lines longer than 80 columns broken at spaces, as `fmt`/`fold -s` would (table rows, which hold tabs, are
/// laid out by the extraction and left whole).
func hardWrapped(_ bytes: [UInt8], width: Int = 80) -> [UInt8] {
    var out: [String] = []
    for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
        if line.count <= width || line.contains("\t") {
            out.append(String(line))
            continue
        }
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty && current.count + 1 + word.count > width {
                out.append(current)
                current = String(word)
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        out.append(current)
    }
    return Array(out.joined(separator: "\n").utf8)
}

/// Markdown markup taken out: `#` headings, `**`, `<b>`, `<sup>n</sup>`, `\*`, links.
func markdownStripped(_ bytes: [UInt8]) -> [UInt8] {
    var text = String(decoding: bytes, as: UTF8.self)
    for pattern in ["<sup>[^<]*</sup>", "</?b>", "\\*\\*", "(?m)^#+ ", "\\[([^\\]]*)\\]\\([^)]*\\)"] {
        let regex = try! NSRegularExpression(pattern: pattern)
        text = regex.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length), withTemplate: pattern.hasPrefix("\\[") ? "$1" : "")
    }
    return Array(text.replacingOccurrences(of: "\\*", with: "*").utf8)
}

/// Spaces around numbers as NBSPs, "fi"/"fl" as ligatures, as PDF text layers often have them.
func nbspAndLigatures(_ bytes: [UInt8]) -> [UInt8] {
    var text = String(decoding: bytes, as: UTF8.self)
    text = text.replacingOccurrences(of: "fi", with: "\u{FB01}").replacingOccurrences(of: "fl", with: "\u{FB02}")
    let regex = try! NSRegularExpression(pattern: " (?=[0-9])")
    text = regex.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length), withTemplate: "\u{00A0}")
    return Array(text.utf8)
}

/// A form feed and a page number every 60 lines, as pdftotext writes page breaks.
func paged(_ bytes: [UInt8]) -> [UInt8] {
    let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for (index, line) in lines.enumerated() {
        out.append(String(line))
        if index % 60 == 59 { out.append("\(index / 60 + 1)\n\u{0C}") }
    }
    return Array(out.joined(separator: "\n").utf8)
}

/// What must survive any variant: every judgment and figure value, and every finding's text.
private func content(_ report: Report) -> [String] {
    report.judgments.map { "J \($0.forceID ?? "") \($0.question.rawValue) \($0.grade.rawValue) \($0.lastInspected ?? 0)" }
        + report.gradeDistributions.map { "D \($0.question.rawValue) \($0.grade.rawValue) \($0.forces)" }
        + report.figures.map { "F \($0.metric) \($0.qualifier?.rawValue ?? "") \($0.area.rawValue) \($0.value) \($0.period.start?.description ?? "") \($0.period.end?.description ?? "") \($0.period.asAt?.description ?? "") \($0.source.rawValue)" }
        + report.findings.map { "A \($0.question?.rawValue ?? "") \($0.kind.rawValue) \($0.ordinal) \($0.text)" }
}

private func lineNumbers(_ report: Report) -> [Int] {
    report.judgments.map(\.line) + report.figures.map(\.line) + report.findings.map(\.line)
}

@Suite("The same report in other encodings and extractions")
struct RobustnessTests {
    static let variants: [(String, @Sendable ([UInt8]) -> [UInt8], Bool)] = [
        // name, transformation, keeps line numbers
        ("CRLF + Windows-1252", windows1252CRLF, true),
        ("UTF-16 LE", utf16LE, true),
        ("NBSP and ligatures", nbspAndLigatures, true),
        ("markdown stripped", markdownStripped, true),
        ("hard-wrapped at 80 columns", { hardWrapped($0) }, false),
        ("page breaks with page numbers", paged, false),
    ]

    @Test("judgments, figures and findings are the same in every variant",
          arguments: Fixtures.sampleNames, variants.map(\.0))
    func variant(name: String, variant: String) throws {
        let (_, transform, keepsLines) = Self.variants.first { $0.0 == variant }!
        let original = try parseSample(name)
        let changed = try parse(transform(Fixtures.sample(name)))
        let expected = content(original)
        let got = content(changed)
        #expect(got.count == expected.count)
        for (a, b) in zip(expected, got) where a != b {
            let common = zip(a, b).prefix { $0 == $1 }.count
            Issue.record("\(variant): differs after \(common) characters: …\(a.dropFirst(max(0, common - 40)).prefix(120))\n≠\n…\(b.dropFirst(max(0, common - 40)).prefix(120))")
            break
        }
        if got.count != expected.count {
            Issue.record("only in the variant: \(Set(got).subtracting(expected).sorted().prefix(5)); only in the original: \(Set(expected).subtracting(got).sorted().prefix(5))")
        }
        if keepsLines { #expect(lineNumbers(changed) == lineNumbers(original)) }
        #expect(changed.forceID == original.forceID)
        #expect(changed.year == original.year)
    }

    @Test("grades split mid-word by extraction are still read")
    func splitGrades() throws {
        var text = String(decoding: Fixtures.sample(westMercia), as: UTF8.self)
        text = text.replacingOccurrences(of: "Tackling serious and organised crime\t Inadequate\t2017", with: "Tackling serious and organised crime\t Inadeq uate\t2017")
        text = text.replacingOccurrences(of: "Protecting vulnerable people\t Requires improvement\t2017", with: "Protecting vulnerable people\t Requires i mprov ement\t2017")
        let report = try parse(Array(text.utf8))
        #expect(report.judgments.first { $0.question == .seriousOrganisedCrime }?.grade == .inadequate)
        #expect(report.judgments.first { $0.question == .protectingVulnerable }?.grade == .requiresImprovement)
        #expect(report.problems.filter { $0.severity == .error }.isEmpty)
    }

    @Test("an unknown grade word is an error naming its line, never a dropped or guessed row")
    func unknownGrade() throws {
        let text = String(decoding: Fixtures.sample(westMercia), as: UTF8.self)
            .replacingOccurrences(of: "Investigating crime and reducing re-offending\t Good\t2016", with: "Investigating crime and reducing re-offending\t Excellent\t2016")
        let report = try parse(Array(text.utf8))
        #expect(report.judgments.first { $0.question == .investigatingCrime } == nil)
        let problem = try #require(report.problems.first { $0.severity == .error })
        #expect(problem.line == 151)
        #expect(problem.message.contains("Excellent"))

        let summary = String(decoding: Fixtures.sample(dyfedPowys), as: UTF8.self)
        var lines = summary.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[384] == "Good")
        lines[384] = "Splendid"
        let changed = try parse(Array(lines.joined(separator: "\n").utf8))
        #expect(changed.judgments.first { $0.question == .preventingCrime } == nil)
        #expect(changed.problems.contains { $0.severity == .error && $0.line == 385 && $0.message.contains("Splendid") })
    }

    @Test("a column label is never taken for a value; a lost value is absent, not 0 or its neighbour's")
    func labelsAreNotValues() throws {
        // West Mercia with the calls-for-assistance values gone, as when the graphic is lost.
        var lines = String(decoding: Fixtures.sample(westMercia), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[52] == "249" && lines[54] == "282")
        lines[52] = ""
        lines[54] = ""
        let report = try parse(Array(lines.joined(separator: "\n").utf8))
        let fin = report.figures.filter { $0.source == .forceInNumbers }
        #expect(!fin.contains { $0.metric == .callsForAssistancePer1000 })
        #expect(fin.filter { $0.metric == .asbIncidentsPer1000 }.map(\.value) == [36, 31])
        #expect(fin.count == 8)
        // The judgments table's header row is not a judgment.
        #expect(report.judgments.count == 6)
    }

    @Test("a text that is not a PEEL report is other, with nothing extracted", arguments: [
        "Minutes of the police and crime panel\n\nPresent: the commissioner. Recorded crime fell by 9 percent in Kent, compared with a reduction of 13 percent.\n",
        "PEEL: Police effectiveness 2015\n\nThis press release is about the report.\n",
        "We read PEEL: Police effectiveness 2015 with interest.\nAn inspection of Gwent Police\n",
    ])
    func notPEEL(text: String) throws {
        let report = try parse(Array(text.utf8))
        #expect(report.reportType == .other)
        #expect(report.figures.isEmpty && report.judgments.isEmpty)
    }

    @Test("other PEEL reports are recognised by their title; an unknown layout says so instead of guessing", arguments: [
        ("# **PEEL: Police legitimacy 2016**\n\n<b>An inspection of Kent Police</b>\n\nText.\n", Pillar.legitimacy, 2016, "kent"),
        ("PEEL: Police efficiency 2017\nAn inspection of Metropolitan Police Service\n", .efficiency, 2017, "metropolitan"),
        ("PEEL: Police effectiveness, efficiency and legitimacy 2018/19\nAn inspection of Dyfed-Powys Police\n", .integrated, 2018, "dyfed-powys"),
        ("PEEL 2021/22\nAn inspection of Avon and Somerset Constabulary\n", .integrated, 2021, "avon-and-somerset"),
    ])
    func otherPEEL(text: String, pillar: Pillar, year: Int, force: String) throws {
        let report = try parse(Array(text.utf8))
        #expect(report.reportType == .force)
        #expect(report.pillar == pillar)
        #expect(report.year == year)
        #expect(report.forceID == force)
        #expect(report.judgments.isEmpty)
        #expect(report.problems.contains { $0.message.hasPrefix("unsupported layout") })
    }

    @Test("the five-point scale from 2021/22 ranks adequate between good and requires improvement")
    func fivePointScale() {
        #expect(GradeScale.forYear(2021) == .fivePoint)
        #expect(GradeScale.forYear(2017) == .fourPoint)
        #expect(Grade.adequate.rank(on: .fivePoint) == 3)
        #expect(Grade.good.rank(on: .fivePoint) == 4)
        #expect(Grade.good.rank(on: .fourPoint) == 3)
        #expect(Grade.ungraded.rank(on: .fourPoint) == nil)
    }

    @Test("force names match in every variant the registry knows", arguments: [
        ("Dyfed-Powys Police", "dyfed-powys"), ("Dyfed Powys Police", "dyfed-powys"), ("Heddlu Dyfed–Powys", "dyfed-powys"),
        ("Metropolitan Police Service", "metropolitan"), ("the Met", "metropolitan"), ("Avon & Somerset Constabulary", "avon-and-somerset"),
        ("City of London Police", "city-of-london"), ("London, City of", "city-of-london"), ("Devon and Cornwall", "devon-and-cornwall"),
    ])
    func forceNames(name: String, id: String) {
        #expect(registry.id(for: name) == id)
    }

    @Test("a table header with letters whose lowercase is longer or shorter (İ, ẞ) is refused with a problem, not a crash",
          arguments: ["İİİİİİİİİİİİ Dyfed-Powys Police", "Dyfed-Powys Police İİİİİİİİİİİİİİİİİİİİ", "ẞẞẞ Dyfed-Powys Police"])
    func unusualLettersInTableHeader(force: String) throws {
        let name = "peel-effectiveness-2015-dyfed-powys.txt"
        let header = "Rates per 1,000 population\tDyfed-Powys Police\tEngland and Wales"
        let sample = String(decoding: Fixtures.sample(name), as: UTF8.self)
        let line = sample.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == header }! + 1
        let parser = ReportParser(forces: registry)
        let tableRows = { (report: Report) in report.figures.filter { $0.source == .figureTable && $0.line > line && $0.line <= line + 8 } }
        #expect(!tableRows(parser.parse(try TextDecoder.decode(Fixtures.sample(name)))).isEmpty)
        let changed = sample.replacingOccurrences(of: header, with: "Rates per 1,000 population\t\(force)\tEngland and Wales")
        let report = parser.parse(try TextDecoder.decode(Array(changed.utf8)))
        #expect(tableRows(report).isEmpty)
        #expect(report.problems.contains { $0.line == line && $0.message.hasPrefix("figure table header not read") })
        #expect(!report.judgments.isEmpty)
    }

    @Test("a name with a digit matches only a registry that has one (the digit test that spares building keys is exact)")
    func digitsInNames() {
        #expect(registry.id(for: "Kent 2015") == nil && registry.id(for: "2015") == nil && registry.id(for: "Kent") == "kent")
        var forces = registry.forces
        forces[0] = Force(id: forces[0].id, name: forces[0].name, shortName: forces[0].shortName, aliases: forces[0].aliases + ["Area 51 Police"])
        let withDigits = ForceRegistry(forces: forces)
        #expect(withDigits.id(for: "area 51") == forces[0].id && withDigits.id(for: "Area 52") == nil)
    }
}

/// A file cut short inside a number ("Sexual offences 1.6 1.6" cut after its last "1"): before, the row's value was
/// the cut "1".
@Suite("A text that ends inside a number")
struct CutNumberTests {
    @Test("no figure is read from its last line, said; the figures before it stand")
    func cutInsideNumber() throws {
        let text = String(decoding: Fixtures.sample("peel-effectiveness-2015-dyfed-powys.txt"), as: UTF8.self)
        let row = "Sexual offences\t1.6\t1.6\n"
        let end = try #require(text.range(of: row)).upperBound
        let original = try parse(Array(text.utf8))
        let rowLine = text[..<end].filter { $0 == "\n" }.count
        #expect(original.figures.filter { $0.line == rowLine }.count == 2)

        for cut in ["1", "1."] {
            let report = try parse(Array((text[..<end].dropLast(4) + cut).utf8))
            #expect(!report.figures.contains { $0.line == rowLine }, "cut after \(cut)")
            #expect(report.figures == original.figures.filter { $0.line < rowLine }, "cut after \(cut)")
            // ("1." is no number the table reads: the row is left out either way.)
            #expect(cut == "1." || report.problems.contains { $0.line == rowLine && $0.message.hasPrefix("the text ends inside a number") })
        }
        // With its line end the line is whole as far as anything can tell.
        let whole = try parse(Array((text[..<end].dropLast(4) + "1\n").utf8))
        #expect(whole.figures.filter { $0.line == rowLine }.map(\.value) == [1.6, 1])
    }
}
