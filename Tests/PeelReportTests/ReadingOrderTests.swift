import Foundation
import PeelReport
import PeelTestSupport
import Testing

/// The line of a 2017 report's first "Summary", which ends its judgments table: below it, the sections' headings grade
/// their questions again.
func summaryLine(_ text: String) -> Int {
    (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
        $0.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{0C}"))) == "Summary"
    } ?? Int.max - 1) + 1
}

/// The West Mercia sample's judgments table, row by row as its text prints it.
let westMerciaJudgmentsTable = """
    Question\tGrade\tLast inspected
    Preventing crime and tackling anti-social behaviour\t Requires improvement\t2017
    Investigating crime and reducing re-offending\t Good\t2016
    Protecting vulnerable people\t Requires improvement\t2017
    Tackling serious and organised crime\t Inadequate\t2017
    Specialist capabilities\tUngraded\t2017
    """

/// Tables that a reading-order extraction prints a column at a time are read only when every column has as many
/// cells as the others: a lost or extra cell would shift every value after it.
@Suite("Tables printed a column at a time")
struct ReadingOrderTests {
    private static let rowMajor = westMerciaJudgmentsTable

    private func tableText(_ table: String) -> String {
        let text = String(decoding: Fixtures.sample(westMercia), as: UTF8.self)
        #expect(text.contains(Self.rowMajor))
        return text.replacingOccurrences(of: Self.rowMajor, with: table)
    }

    private func withTable(_ table: String) throws -> Report { try parse(Array(tableText(table).utf8)) }

    /// The judgments but the overall one that the table gave: the report's sections grade their questions again under
    /// their headings, below the table's "Summary".
    private func gradedByTable(_ table: String) throws -> [Judgment] {
        let text = tableText(table)
        let summary = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(of: "Summary")) + 1
        return try parse(Array(text.utf8)).judgments.filter { $0.question != .overall && $0.line < summary }
    }

    @Test("a judgments table a column at a time gives the same grades and years")
    func judgments() throws {
        let columns = """
            Question
            Preventing crime and tackling anti-social
            behaviour
            Investigating crime and reducing re-offending
            Protecting vulnerable people
            Tackling serious and organised crime
            Specialist capabilities

            Grade
            Requires
            improvement
            Good
            Requires improvement
            Inadequate
            Ungraded

            Last inspected
            2017
            2016
            2017
            2017
            2017
            """
        let original = try parseSample(westMercia)
        let report = try withTable(columns)
        #expect(report.judgments.map { "\($0.question.rawValue) \($0.grade.rawValue) \($0.lastInspected ?? 0)" }
            == original.judgments.map { "\($0.question.rawValue) \($0.grade.rawValue) \($0.lastInspected ?? 0)" })
    }

    /// Chromium's table in plain pdftotext: a row's year printed after the next row's.
    @Test("a row whose year stands apart is left out, said; the year apart is given to no row; the rows after are read")
    func yearApart() throws {
        let moved = """
            Question
            Grade
            Last inspected
            Preventing crime and tackling anti-social behaviour Requires improvement 2017
            Investigating crime and reducing re-offending
            Good
            Protecting vulnerable people
            Requires improvement 2017
            2016
            Tackling serious and organised crime
            Inadequate
            2017
            Specialist capabilities
            Ungraded
            \u{2013}
            """
        let report = try withTable(moved)
        let rows = report.judgments.filter { $0.line > 140 && $0.line < 170 && $0.question != .overall }
        #expect(rows.map { "\($0.question.rawValue) \($0.grade.rawValue) \($0.lastInspected ?? 0)" } == [
            "preventing_crime requires_improvement 2017", "protecting_vulnerable requires_improvement 2017",
            "serious_organised_crime inadequate 2017", "specialist_capabilities ungraded 0"])
        #expect(report.problems.contains { $0.severity == .error && $0.message.contains("no last-inspected year beside investigating_crime's grade") })
        #expect(report.problems.contains { $0.message.contains("a last-inspected year (2016) stands apart from its row") })
        #expect(!report.judgments.contains { $0.question == .investigatingCrime && $0.lastInspected == nil })
    }

    @Test("a column a cell short is not read, and a problem says so")
    func shortColumn() throws {
        let columns = """
            Question
            Preventing crime and tackling anti-social behaviour
            Investigating crime and reducing re-offending
            Protecting vulnerable people
            Tackling serious and organised crime
            Specialist capabilities
            Grade
            Requires improvement
            Good
            Inadequate
            Ungraded
            Last inspected
            2017
            2016
            2017
            2017
            2017
            """
        let report = try withTable(columns)
        #expect(try gradedByTable(columns).isEmpty)
        #expect(report.problems.contains { $0.message.contains("cells stand out of their rows") })
    }

    /// pdfminer.six's orders of the West Mercia and Gwent tables (the committed pdfminer-tight, pdfminer-loose and
    /// colspacing2 extractions): the header's cells first, then two rows, then the rest a column at a time; the years'
    /// header under its years, a grade and a year on one line; each row's grade then year after the questions.
    @Test("a judgments table whose columns an extraction interleaved is read by each column's order", arguments: [
        "Question\nGrade\nLast inspected\nPreventing crime and tackling anti-social behaviour\nRequires improvement\nInvestigating crime and reducing re-offending\nGood\nProtecting vulnerable people\nTackling serious and organised crime\nSpecialist capabilities\nRequires improvement\nInadequate\nUngraded\n2017\n2016\n2017\n2017\n2017",
        "Question\nPreventing crime and tackling anti-social behaviour\nInvestigating crime and reducing re-offending\nProtecting vulnerable people\nTackling serious and organised crime\nSpecialist capabilities\nGrade\nRequires improvement 2017\nGood\n2016\nRequires improvement 2017\n2017\nInadequate\n2017\nUngraded\nLast inspected",
        "Question\nPreventing crime and tackling anti-social behaviour\nInvestigating crime and reducing re-offending\nProtecting vulnerable people\nTackling serious and organised crime\nSpecialist capabilities\nGrade\nLast inspected\nRequires improvement\n2017\nGood\n2016\nRequires improvement\n2017\nInadequate\n2017\nUngraded\n2017",
    ])
    func interleaved(table: String) throws {
        let rows = { (report: Report) in report.judgments.map { "\($0.question.rawValue) \($0.grade.rawValue) \($0.lastInspected ?? 0)" } }
        let expected = rows(try parseSample(westMercia))
        #expect(expected.count == 6)
        #expect(rows(try withTable(table)) == expected)
    }

    private static let questionsColumn = "Question\nPreventing crime and tackling anti-social behaviour\nInvestigating crime and reducing re-offending\nProtecting vulnerable people\nTackling serious and organised crime\nSpecialist capabilities"

    /// pdfminer.six with `boxes_flow=1.0` (the committed pdfminer-vertical extractions): "Grade" over the grades, "Last
    /// inspected" over the years, then "Question" over the questions.
    @Test("a judgments table whose columns stand whole under their titles, the questions' anywhere among them, is read by each column's order", arguments: [
        "Grade\nRequires improvement\nGood\nRequires improvement\nInadequate\nUngraded\n\nLast inspected\n2017\n2016\n2017\n2017\n2017\n\n" + questionsColumn,
        "Last inspected\n2017\n2016\n2017\n2017\n2017\n" + questionsColumn + "\nGrade\nRequires\nimprovement\nGood\nRequires\nimprovement\nInadequate\nUngraded",
    ])
    func columnsWhole(table: String) throws {
        let rows = { (report: Report) in report.judgments.map { "\($0.question.rawValue) \($0.grade.rawValue) \($0.lastInspected ?? 0)" } }
        let expected = rows(try parseSample(westMercia))
        #expect(rows(try withTable(table)) == expected)
    }

    @Test("columns under their titles ahead of the questions', one a cell short or another's cell among them, are not read, said", arguments: [
        "Grade\nRequires improvement\nGood\nRequires improvement\nInadequate\nLast inspected\n2017\n2016\n2017\n2017\n2017\n" + questionsColumn,
        "Grade\nRequires improvement\nGood\n2016\nRequires improvement\nInadequate\nUngraded\nLast inspected\n2017\n2017\n2017\n2017\n" + questionsColumn,
    ])
    func columnsWholeBroken(table: String) throws {
        let report = try withTable(table)
        #expect(try gradedByTable(table).isEmpty)
        #expect(report.problems.contains { $0.message.contains("cells stand out of their rows") })
    }

    /// Plain `pdftotext` of the West Mercia PDF on an A5 page: the grades in two blocks, "Last inspected" and the first
    /// year between them, the other years' blocks out of their order (2017, 2016 for 2016, 2017).
    @Test("a column printed in parts among the other's is not read, said")
    func columnInParts() throws {
        let table = Self.questionsColumn + "\n\nGrade\nRequires\nimprovement\nGood\n\nLast inspected\n2017\n\nRequires\nimprovement\nInadequate\nUngraded\n\n2017\n\n2016\n\n2017\n2017"
        let report = try withTable(table)
        #expect(try gradedByTable(table).isEmpty)
        #expect(report.problems.contains { $0.message.contains("cells stand out of their rows") && $0.message.contains("no order of rows") })
        // The sections' headings grade the questions inspected this year: those, and only those, are read, the table's
        // year theirs (investigating crime, last inspected in 2016, has no section).
        let rows = { (report: Report) in report.judgments.map { "\($0.question.rawValue) \($0.grade.rawValue) \($0.lastInspected ?? 0)" } }
        #expect(rows(report) == rows(try parseSample(westMercia)).filter { !$0.hasPrefix("investigating_crime") })
    }

    /// Plain `pdftotext` of the West Mercia PDF on a B5 page (the committed b5-reading extraction): three questions,
    /// the grades' column whole under its title, the last two questions, then the years' column whole.
    @Test("a questions' column in parts around whole columns of grades and years is read where its parts keep the report's order")
    func questionsInParts() throws {
        let first = "Question\nPreventing crime and tackling anti-social\nbehaviour\nInvestigating crime and reducing re-offending\nProtecting vulnerable people\n\n"
        let grades = "Grade\nRequires\nimprovement\nGood\nRequires\nimprovement\nInadequate\nUngraded\n\n"
        let last = "Tackling serious and organised crime\nSpecialist capabilities\n\n"
        let years = "Last inspected\n2017\n2016\n2017\n2017\n2017"
        let path = Fixtures.packageRoot + "/Tests/Fixtures/extractions/peel-effectiveness-2017-west-mercia.b5-reading.txt"
        #expect(String(decoding: try readBytes(path), as: UTF8.self).contains(first + grades + last + years))
        let rows = { (report: Report) in report.judgments.map { "\($0.question.rawValue) \($0.grade.rawValue) \($0.lastInspected ?? 0)" } }
        let expected = rows(try parseSample(westMercia))
        #expect(expected.count == 6)
        #expect(rows(try withTable(first + grades + last + years)) == expected)
        // Parts out of the report's order (the last questions first): whose grade is whose is not known.
        let swapped = "Question\n" + last + grades + first.dropFirst("Question\n".count) + years
        #expect(try gradedByTable(swapped).isEmpty)
        #expect(try withTable(swapped).problems.contains { $0.message.contains("cells stand out of their rows") })
        // A grade among the questions' parts (a cell out of its place): not read.
        let gradeAmong = first + grades.replacingOccurrences(of: "Good\n", with: "") + last.replacingOccurrences(of: "crime\n", with: "crime\nGood\n") + years
        #expect(try gradedByTable(gradeAmong).isEmpty)
    }

    /// The same page's Gwent table: each of the first two rows' cells a block, the grades' and years' titles with the
    /// first, then the other rows a column at a time.
    @Test("rows by turns, then the rest a column at a time, are read in that order")
    func rowsThenColumns() throws {
        let path = Fixtures.packageRoot + "/Tests/Fixtures/extractions/peel-effectiveness-2017-gwent.a5-reading.txt"
        let text = String(decoding: try readBytes(path), as: UTF8.self)
        #expect(text.contains("Grade\nGood\n\nLast inspected\n2016\n\nGood\n\n2016\n\nRequires\nimprovement\nRequires\nimprovement\nUngraded\n\n2017\n2017\n2017\n"))
        let rows = { (report: Report) in report.judgments.map { "\($0.question.rawValue) \($0.grade.rawValue) \($0.lastInspected ?? 0)" } }
        let expected = rows(try parseSample(gwent))
        #expect(expected.count == 6)
        #expect(rows(try parse(Array(text.utf8))) == expected)
    }

    /// Plain `pdftotext` of a page set small (9 point, narrow margins): a page break parts the table after its first
    /// row, the page's number among that row's cells, the header repeated over the other rows on the next page (its
    /// running title taken out as furniture, or not there).
    @Test("a table a page break parted is read a part at a time: a page's number among the cells passed over, no column above the second part taken from the first")
    func partedByPage() throws {
        let table = "Question\nPreventing crime and tackling anti-social behaviour\n\nGrade\nRequires improvement\n\n3\n\nLast inspected\n2017\n\n"
            + "Question\nInvestigating crime and reducing re-offending\nProtecting vulnerable people\nTackling serious and organised crime\nSpecialist capabilities\n\n"
            + "Grade\nGood\nRequires improvement\nInadequate\nUngraded\n\nLast inspected\n2016\n2017\n2017\n2017"
        let rows = { (report: Report) in report.judgments.map { "\($0.question.rawValue) \($0.grade.rawValue) \($0.lastInspected ?? 0)" } }
        let expected = rows(try parseSample(westMercia))
        #expect(rows(try withTable(table)) == expected)
        // A number that is no page's where a year should be: the first part is a year short, and not read.
        let short = try gradedByTable(table.replacingOccurrences(of: "Last inspected\n2017\n\nQuestion", with: "Last inspected\n17\n\nQuestion"))
        #expect(!short.contains { $0.question == .preventingCrime })
        #expect(short.count == 4)
    }

    @Test("an interleaved judgments table with a grade before its question's wording is not read")
    func gradeBeforeQuestion() throws {
        let table = "Question\nGrade\nLast inspected\nRequires improvement\nPreventing crime and tackling anti-social behaviour\nInvestigating crime and reducing re-offending\nGood\nProtecting vulnerable people\nTackling serious and organised crime\nSpecialist capabilities\nRequires improvement\nInadequate\nUngraded\n2017\n2016\n2017\n2017\n2017"
        #expect(try gradedByTable(table).isEmpty)
    }
}

@Suite("A report's text twice in one entry")
struct RepeatedTextTests {
    /// Texts concatenated, or PDFs bound into one (`pdfunite`): before, the second report's findings and sentences'
    /// figures were the first's (West Mercia's cause of concern a Wiltshire 2015 finding).
    @Test("another report after it: the first is read as alone, an error names the line where the other's title page starts", arguments: [
        (wiltshire, westMercia), (dyfedPowys, wiltshire), (nationalOverview, gwent), (westMercia, dyfedPowys), (westMercia, westMercia2015Retitled),
    ])
    func anotherReport(first: String, second: String) throws {
        let alone = try parseSample(first)
        let sample = Fixtures.sample(first)
        let other = second == Self.westMercia2015Retitled
            ? Array(String(decoding: Fixtures.sample(westMercia), as: UTF8.self).replacingOccurrences(of: "effectiveness 2017", with: "effectiveness 2016").utf8)
            : Fixtures.sample(second)
        let both = try parse(sample + Array("\n".utf8) + other)
        #expect(both.judgments == alone.judgments)
        #expect(both.figures == alone.figures)
        #expect(both.findings == alone.findings)
        #expect(both.gradeDistributions == alone.gradeDistributions)
        let lineCount = String(decoding: sample, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).count
        let error = try #require(both.problems.first { $0.message.hasPrefix("another report's title page here") })
        #expect(error.severity == .error && (error.line ?? 0) > lineCount)
        #expect(!alone.problems.contains { $0.message.hasPrefix("another report's title page") })
    }

    /// The same force's report of another year: a title line that differs from the first's only in its year.
    private static let westMercia2015Retitled = "west mercia, its title's year changed"

    @Test("is read once, with a warning naming where the copy starts", arguments: [wiltshire, gwent, nationalOverview])
    func readOnce(name: String) throws {
        let once = try parseSample(name)
        let sample = Fixtures.sample(name)
        let twice = try parse(sample + Array("\n".utf8) + sample)
        #expect(twice.judgments == once.judgments)
        #expect(twice.figures == once.figures)
        #expect(twice.findings == once.findings)
        #expect(twice.gradeDistributions == once.gradeDistributions)
        let lineCount = String(decoding: sample, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).count
        let warning = try #require(twice.problems.first { $0.message.contains("title page appears again") })
        #expect((warning.line ?? 0) > lineCount)
        #expect(!once.problems.contains { $0.message.contains("title page appears again") })
    }
}

@Suite("The 2015 outcomes table printed a column at a time")
struct ColumnOutcomesTests {
    private static let reading = Fixtures.packageRoot + "/Tests/Fixtures/extractions/peel-effectiveness-2015-dyfed-powys.reading.txt"

    private func outcomes(_ report: Report) -> [String] {
        report.figures.filter { $0.metric.rawValue.hasPrefix("outcome_") }.map { "\($0.area.rawValue) \($0.metric) \($0.qualifier?.rawValue ?? "") \(plain($0.value))" }
    }

    @Test("gives the sample's 36 outcome figures, each column under its header")
    func whole() throws {
        let sample = outcomes(try parseSample(dyfedPowys))
        #expect(sample.count == 36)
        #expect(outcomes(try parse(readBytes(Self.reading))) == sample)
    }

    @Test("a column one number short gives no outcome figure")
    func shortColumn() throws {
        var lines = String(decoding: readBytes(Self.reading), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let rate = try #require(lines.firstIndex(of: "Rate"))
        #expect(lines[rate + 1] == "22.4")
        lines.remove(at: rate + 1)
        let report = try parse(Array(lines.joined(separator: "\n").utf8))
        #expect(outcomes(report).isEmpty)
        #expect(report.problems.contains { $0.message.hasPrefix("figure table header not read") })
    }

    @Test("with its columns one space apart (pdfplumber: \"Dyfed-Powys Police Number Rate\", \"… Number of Rate\") gives the same 36; with rate before count, none")
    func collapsedHeader() throws {
        let plumber = Fixtures.packageRoot + "/Tests/Fixtures/extractions/peel-effectiveness-2015-dyfed-powys.pdfplumber.txt"
        let text = String(decoding: try readBytes(plumber), as: UTF8.self)
        let header = "Outcome type/group Dyfed-Powys Police Number Rate England and Wales Number Rate"
        #expect(text.contains(header + "\nof outcomes of outcomes\n"))
        let sample = outcomes(try parseSample(dyfedPowys))
        #expect(outcomes(try parse(Array(text.utf8))) == sample)
        // Wiltshire's sample wraps the force's count column after "of".
        let wrappedAfterOf = text.replacingOccurrences(of: header + "\nof outcomes of outcomes", with: "Outcome type/group Dyfed-Powys Police Number of Rate England and Wales Number Rate\noutcomes of outcomes")
        #expect(outcomes(try parse(Array(wrappedAfterOf.utf8))) == sample)
        let rateFirst = text.replacingOccurrences(of: header, with: "Outcome type/group Dyfed-Powys Police Rate Number England and Wales Rate Number")
        let report = try parse(Array(rateFirst.utf8))
        #expect(outcomes(report).isEmpty)
        #expect(report.problems.contains { $0.message.hasPrefix("figure table header not read") })
    }
}

extension ColumnOutcomesTests {
    /// pdfminer.six with `boxes_flow=None` sets both "Rate" titles, a line each, ahead of "Dyfed-Powys Police Number", and
    /// some of the force's counts among the outcome types ("Penalty Notices for Disorder 319").
    @Test("rate titles a line each ahead of the force's name, counts among the outcome types: the sample's 36, each column by its numbers")
    func rateTitlesFirst() throws {
        for name in [dyfedPowys, wiltshire] {
            let path = Fixtures.packageRoot + "/Tests/Fixtures/extractions/\(sampleStem(name)).pdfminer-noflow.txt"
            let text = String(decoding: try readBytes(path), as: UTF8.self)
            let words = text.split { $0 == " " || $0 == "\n" }
            let type = try #require(words.firstIndex(of: "type/group"))
            #expect(words[type + 1] == "Rate" && words[type + 2] == "Rate", "\(name)")
            let sample = outcomes(try parseSample(name))
            #expect(sample.count == 36)
            #expect(outcomes(try parse(Array(text.utf8))) == sample, "\(name)")
        }
    }

    /// Two outcome types on one line are two figures (the figures table's key has the qualifier).
    @Test("the outcomes table printed as a paragraph gives the sample's 36 figures, several rows to a line")
    func asParagraph() throws {
        let sample = outcomes(try parseSample(dyfedPowys))
        let report = try parse(Layout.tablesAsParagraphs(width: 90)(Fixtures.sample(dyfedPowys)))
        #expect(outcomes(report) == sample)
        #expect(!report.problems.contains { $0.message.contains("read twice on one line") })
    }

    /// Chromium's table through `pdftotext -layout`: a label wrapped in its cell, its values on its first line.
    @Test("a label whose end wraps onto a line of its own (\"Penalty Notices for\", then \"Disorder\") is read whole, and the row after it too; an end that makes no label is not guessed, nor the next row")
    func wrappedLabel() throws {
        let path = Fixtures.packageRoot + "/Tests/Fixtures/extractions/peel-effectiveness-2015-wiltshire.chromium-layout.txt"
        let text = String(decoding: try readBytes(path), as: UTF8.self)
        #expect(text.contains(#/Penalty Notices for +105 +0\.3 +30,681 +0\.8\nDisorder\nOut-of-court \(informal\) +1,007/#))
        let sample = outcomes(try parseSample(wiltshire))
        #expect(sample.count == 36)
        #expect(outcomes(try parse(Array(text.utf8))) == sample)
        let unknown = text.replacingOccurrences(of: "\nDisorder\nOut-of-court", with: "\nOffences\nOut-of-court")
        let report = try parse(Array(unknown.utf8))
        // Neither row's label is known then: both are left out, each said, and the rows after them read.
        #expect(outcomes(report).count == 28)
        #expect(!outcomes(report).contains { $0.contains("penalty_notices") || $0.contains("out_of_court_informal") })
        #expect(outcomes(report).filter { $0.contains("community_resolution") }.count == 4)
        #expect(report.problems.contains { $0.message.contains("\"Penalty Notices for\" names no metric") })
        #expect(report.problems.contains { $0.message.contains("\"Offences Out-of-court (informal)\" names no metric") })
    }
}

@Suite("Tables on an A5 page (pdftotext -layout)")
struct NarrowTableTests {
    private func text(_ name: String) throws -> String {
        String(decoding: try readBytes(Fixtures.packageRoot + "/Tests/Fixtures/extractions/\(sampleStem(name)).a5-layout.txt"), as: UTF8.self)
    }

    private func figures(_ report: Report, _ prefix: String) -> [String] {
        report.figures.filter { $0.source == .figureTable && $0.metric.rawValue.hasPrefix(prefix) }
            .map { "\($0.area.rawValue) \($0.metric) \($0.qualifier?.rawValue ?? "") \(plain($0.value)) \($0.period)" }
    }

    @Test("the outcomes' header, each title wrapped in its column and the first two run together, is read a column at a time")
    func outcomesHeader() throws {
        let printed = try text(wiltshire)
        #expect(printed.contains(#/Outcome type/group Wiltshire Police +Rate +England and +Rate\n +Number of +Wales Number\n +outcomes +of outcomes\n/#))
        let sample = figures(try parseSample(wiltshire), "outcome_")
        #expect(sample.count == 36)
        #expect(figures(try parse(Array(printed.utf8)), "outcome_") == sample)
        // England and Wales' column titled ahead of the force's: the header does not read in the columns' order.
        let swapped = printed.replacingOccurrences(of: "Outcome type/group Wiltshire Police      Rate     England and        Rate",
                                                   with: "Outcome type/group England and Police Rate     Wiltshire          Rate")
        #expect(swapped != printed)
        let report = try parse(Array(swapped.utf8))
        #expect(figures(report, "outcome_").isEmpty)
        #expect(report.problems.contains { $0.message.hasPrefix("figure table header not read") })
    }

    @Test("a 2017 judgments row whose question and \"Requires improvement\" both wrapped is read, also where \"improvement\" stands one space after the question's words")
    func wrappedGradeAndQuestion() throws {
        let printed = try text(westMercia)
        #expect(printed.contains(#/Preventing crime and tackling anti- +Requires +2017\nsocial behaviour +improvement\n/#))
        let rows = { (report: Report) in report.judgments.map { "\($0.question.rawValue) \($0.grade.rawValue) \($0.lastInspected ?? 0)" } }
        #expect(rows(try parse(Array(printed.utf8))) == rows(try parseSample(westMercia)))
        // One space apart (pdfplumber's text): no question's wording holds "improvement", and "Requires" opens no other
        // grade, so the line's last word ends the grade.
        let joined = try parse(Array(printed.replacing(#/social behaviour +improvement\n/#, with: "social behaviour improvement\n").utf8))
        #expect(rows(joined) == rows(try parseSample(westMercia)))
        // Not where the line under the row is prose (a sentence's end before it): left out, said.
        let prose = try parse(Array(printed.replacing(#/social behaviour +improvement\n/#, with: "social behaviour. It needs improvement\n").utf8))
        #expect(!prose.judgments.contains { $0.question == .preventingCrime && $0.line < summaryLine(printed) })
        #expect(prose.problems.contains { $0.severity == .error && $0.message.contains("for preventing_crime") })
    }

    @Test("hyphenated (justified A5): \"Requires improve-\" over \"ment\" closes its grade only with the rest of \"improvement\" exactly")
    func hyphenatedWrappedGrade() throws {
        let printed = String(decoding: try readBytes(Fixtures.packageRoot + "/Tests/Fixtures/extractions/\(sampleStem(westMercia)).justified-a5-layout.txt"), as: UTF8.self)
        #expect(printed.contains(#/Preventing crime and tackling anti-so- +Requires improve- +2017\ncial behaviour +ment\n/#))
        let rows = { (report: Report) in report.judgments.map { "\($0.question.rawValue) \($0.grade.rawValue) \($0.lastInspected ?? 0)" } }
        #expect(rows(try parse(Array(printed.utf8))) == rows(try parseSample(westMercia)))
        // A rest that does not complete the word ("improve-" / "ments"): no grade, said.
        let off = try parse(Array(printed.replacing(#/cial behaviour( +)ment\n/#, with: { "cial behaviour\($0.1)ments\n" }).utf8))
        #expect(!off.judgments.contains { $0.question == .preventingCrime && $0.line < summaryLine(printed) })
        #expect(off.problems.contains { $0.severity == .error && $0.message.contains("for preventing_crime") })
    }

    @Test("a rate's label wrapped after a first line that names it already takes its end, and the next row its own label")
    func wrappedLabel() throws {
        let printed = try text(dyfedPowys)
        #expect(printed.contains(#/Recorded crime \(excluding +38\.1 +63\.0\n +fraud\)\n +Victim-based crime +30\.4/#))
        let sample = figures(try parseSample(dyfedPowys), "")
        #expect(figures(try parse(Array(printed.utf8)), "") == sample)
        // Where the next label names nothing without the end either, the end is not taken from it: that row is left
        // out, said, and the first keeps its rates.
        let other = printed.replacingOccurrences(of: "fraud)\n    Victim-based crime", with: "fraud)\n    Victim crime")
        #expect(other != printed)
        let report = try parse(Array(other.utf8))
        #expect(figures(report, "").contains { $0.hasPrefix("force recorded_crime_per_1000  38.1") })
        #expect(!figures(report, "").contains { $0.contains("victim_based_crime") })
        #expect(report.problems.contains { $0.message.contains("\"fraud) Victim crime\" names no metric") })
    }
}

@Suite("Wiltshire's outcomes table as other pages print it (its pdftotext -layout, changed)")
struct OutcomesTableVariantsTests {
    private static let layout = Fixtures.packageRoot + "/Tests/Fixtures/extractions/peel-effectiveness-2015-wiltshire.layout.txt"
    private static let header = "    Outcome type/group           Wiltshire Police Number of         Rate     England and Wales Number            Rate\n"
        + "                                 outcomes                                    of outcomes\n"
    private static let lastRows = "    Cannabis/Khat warning        253                                0.8      41,964                              1.2\n"
        + "    Community resolution         754                                2.3      117,951                             3.3\n"
    private static let penaltyNotices = "    Penalty Notices for Disorder 105                                0.3      30,681                              0.8\n"
    /// The page's number and running title, then the header again over the last row (as a B5 page parts it).
    private static let pageBreak = "\n\n                                            18\n\u{0C}                         PEEL: Police effectiveness 2015 – Wiltshire Police\n\n\n"

    private static func outcomes(_ report: Report) -> [String] {
        report.figures.filter { $0.metric.rawValue.hasPrefix("outcome_") }
            .map { "\($0.area.rawValue) \($0.metric) \($0.qualifier?.rawValue ?? "") \(plain($0.value)) \($0.period)" }
    }

    /// The layout with each of `changes` (printed → as printed instead) made; each printed text must be there.
    private func parsed(_ changes: [(String, String)]) throws -> Report {
        var text = String(decoding: try readBytes(Self.layout), as: UTF8.self)
        for (printed, changed) in changes {
            #expect(text.contains(printed))
            text = text.replacingOccurrences(of: printed, with: changed)
        }
        return try parse(Array(text.utf8))
    }

    @Test("a part after a page break, under its header repeated, has the caption's period; under a caption of its own, that one's")
    func partedByPage() throws {
        let sample = Self.outcomes(try parseSample(wiltshire))
        #expect(sample.count == 36)
        func parted(_ between: String) -> [(String, String)] {
            [(Self.lastRows, Self.lastRows.replacingOccurrences(of: "1.2\n    Community", with: "1.2\n" + between + Self.header + "    Community"))]
        }
        #expect(Self.outcomes(try parsed(parted(Self.pageBreak))) == sample)
        let captioned = Self.outcomes(try parsed(parted(Self.pageBreak + "Figure 5: Outcomes recorded in the 12 months to 30 June 2014\n\n")))
        #expect(captioned.filter { $0.contains("community_resolution") && $0.contains("2014-06-30") }.count == 4)
    }

    /// As LibreOffice's 13-point serif page sets it: "Wiltshire Police Number" wraps, "Rate" one space after it, and
    /// "Penalty Notices for" wraps in its cell (the header not read, the rows were read only where no row had a
    /// problem, and that one has).
    @Test("\"Wiltshire Police Number Rate\" over \"of outcomes\" reads as the count's column then the rate's; \"Rate Number\" does not")
    func squeezedHeader() throws {
        let squeezed = "    Outcome type/group           Wiltshire Police Number Rate       England and Wales              Rate\n"
            + "                                 of outcomes                         Number of outcomes\n"
        let wrapped = "    Penalty Notices for          105                                0.3      30,681                              0.8\n    Disorder\n"
        #expect(Self.outcomes(try parsed([(Self.header, squeezed), (Self.penaltyNotices, wrapped)])) == Self.outcomes(try parseSample(wiltshire)))
        let rateFirst = try parsed([(Self.header, squeezed.replacingOccurrences(of: "Police Number Rate", with: "Police Rate Number")), (Self.penaltyNotices, wrapped)])
        #expect(Self.outcomes(rateFirst).isEmpty)
        #expect(rateFirst.problems.contains { $0.message.hasPrefix("figure table header not read") })
    }
}

@Suite("Grades outside the report's scale")
struct GradeScaleTests {
    @Test("\"Adequate\" in a 2015 report is an error naming its line, not a row with no rank")
    func adequateIn2015() throws {
        var lines = String(decoding: Fixtures.sample(wiltshire), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let heading = try #require(lines.firstIndex { $0.hasPrefix("Overall judgment") && !$0.contains("...") })
        let gradeIndex = try #require(lines[(heading + 1)...].firstIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        #expect(lines[gradeIndex] == "Good")
        lines[gradeIndex] = "Adequate"
        let report = try parse(Array(lines.joined(separator: "\n").utf8))
        #expect(report.judgments.first { $0.question == .overall } == nil)
        #expect(report.problems.contains { $0.severity == .error && $0.line == gradeIndex + 1 && $0.message.contains("four_point") })

        let national = String(decoding: Fixtures.sample(nationalOverview), as: UTF8.self)
            .replacingOccurrences(of: "<b>Dorset</b>\tGood\tGood\tGood\tGood\tGood", with: "<b>Dorset</b>\tGood\tAdequate\tGood\tGood\tGood")
        let table = try parse(Array(national.utf8))
        #expect(table.judgments.filter { $0.forceID == "dorset" }.count == 4)
        #expect(!table.judgments.contains { $0.grade == .adequate })
        #expect(table.problems.contains { $0.severity == .error && $0.message.contains("four_point") })
    }
}

@Suite("A national table row that lost its force name")
struct RunTogetherRowTests {
    @Test("is not joined to the row above as if wrapped: neither row's grades are guessed")
    func lostName() throws {
        let text = """
            PEEL: Police effectiveness 2015

            A national overview

            Force               Q1. Preventing   Q2. Investigating   Q3. Protecting   Q4. Tackling      Overall
                                crime            crime               vulnerable       serious and       effectiveness
                                                                     people           organised crime   judgment
            Avon and Somerset   Good             Outstanding         Good             Good              Good
                                Inadequate       Inadequate          Inadequate       Inadequate        Inadequate
            Bedfordshire        Good             Good                Requires         Good              Good
                                                                     improvement
            """
        let report = try parse(Array(text.utf8))
        #expect(!report.judgments.contains { $0.forceID == "avon-and-somerset" })
        #expect(report.problems.contains { $0.severity == .error && $0.message.contains("avon-and-somerset") })
        let bedfordshire = report.judgments.filter { $0.forceID == "bedfordshire" }.map(\.grade)
        #expect(bedfordshire == [.good, .good, .requiresImprovement, .good, .good])
    }

    /// Chromium's tables, as `pdftotext -layout` gives them: a force's name wraps in its column as its grades do, so the
    /// name's end opens the next line with the grades' second words.
    @Test("a force's name wrapped in its column with its grades is read, the first row too; a line with a word more, or an \"improvement\" fewer, is not")
    func wrappedName() throws {
        let text = """
            PEEL: Police effectiveness 2015

            A national overview

            Force           Q1. Preventing crime Q2. Investigating       Q3. Protecting    Q4. Tackling serious Overall
                            and anti-social      crime and managing      vulnerable people and organised crime effectiveness
                            behaviour            offenders                                                      judgment
            Avon and        Good                 Requires                Requires          Good                 Requires
            Somerset                             improvement             improvement                            improvement
            Bedfordshire    Requires             Good                    Inadequate        Requires             Requires
                            improvement                                                    improvement          improvement
            Devon and       Good                 Good                    Requires          Good                 Good
            Cornwall                                                     improvement
            Greater         Good                 Requires                Good              Good                 Good
            Manchester                           improvement             improvement
            Dorset          Good                 Good                    Good              Good                 Good
            Kent and        Good                 Good                    Requires          Good                 Good
            Essex                                                        improvement
            Durham          Outstanding          Outstanding             Good              Outstanding          Outstanding
            """
        let report = try parse(Array(text.utf8))
        func grades(_ force: String) -> [Grade] { report.judgments.filter { $0.forceID == force }.map(\.grade) }
        #expect(grades("avon-and-somerset") == [.good, .requiresImprovement, .requiresImprovement, .good, .requiresImprovement])
        #expect(grades("bedfordshire") == [.requiresImprovement, .good, .inadequate, .requiresImprovement, .requiresImprovement])
        #expect(grades("devon-and-cornwall") == [.good, .good, .requiresImprovement, .good, .good])
        // An "improvement" more than the row left open, under its third grade ("Good improvement"): that row is left
        // out, said, and the rows after it read by where their cells stand.
        #expect(grades("greater-manchester").isEmpty)
        #expect(report.problems.contains { $0.message.contains("unknown grade \"Good improvement\" for greater-manchester") })
        #expect(grades("dorset") == [.good, .good, .good, .good, .good])
        #expect(grades("durham") == [.outstanding, .outstanding, .good, .outstanding, .outstanding])
        // "Kent and Essex" names no force.
        #expect(grades("kent").isEmpty && grades("essex").isEmpty)
        #expect(report.problems.contains { $0.message.contains("row \"Kent and Essex\" names no force") })
    }

    /// A Markdown renderer's view of tab-separated rows: one paragraph, wrapped where the page ends.
    @Test("a table printed as a paragraph is read row after row; its rows' grades run on from line to line")
    func paragraph() throws {
        let text = """
            PEEL: Police effectiveness 2015

            A national overview

            Force Q1. Preventing crime and anti-social behaviour Q2. Investigating crime and managing
            offenders Q3. Protecting vulnerable people Q4. Tackling serious and organised crime
            Overall effectiveness judgment Avon and Somerset Good Requires improvement Requires
            improvement Good Requires improvement Bedfordshire Requires improvement Good
            Inadequate Requires improvement Requires improvement Cheshire Outstanding Good Good
            Requires improvement Good

            The next paragraph.
            """
        let report = try parse(Array(text.utf8))
        func grades(_ force: String) -> [Grade] { report.judgments.filter { $0.forceID == force }.map(\.grade) }
        #expect(grades("avon-and-somerset") == [.good, .requiresImprovement, .requiresImprovement, .good, .requiresImprovement])
        #expect(grades("bedfordshire") == [.requiresImprovement, .good, .inadequate, .requiresImprovement, .requiresImprovement])
        #expect(grades("cheshire") == [.outstanding, .good, .good, .requiresImprovement, .good])
        #expect(!report.problems.contains { $0.severity == .error })
        // The same rows with a grade lost: the rows around it run together, and are not read.
        let lost = try parse(Array(text.replacingOccurrences(of: "Bedfordshire Requires improvement Good\nInadequate", with: "Bedfordshire Requires improvement Good\n").utf8))
        #expect(!lost.judgments.contains { $0.forceID == "bedfordshire" })
        #expect(lost.problems.contains { $0.severity == .error && $0.message.contains("bedfordshire") })
    }

    @Test("a row whole on its line, grades one space apart (tabs expanded to their stops), is read; one split over lines or with a grade more is not, and the rows after it are")
    func oneSpaceApart() throws {
        // As `expand -t 4` leaves the sample's table: a cell that ends a column before a stop is one space from the next.
        let text = """
            PEEL: Police effectiveness 2015

            A national overview

            Force Q1. Preventing crime  Q2. Investigating crime  Q3. Protecting vulnerable people  Q4. Tackling serious and organised crime  Overall effectiveness judgment
            Avon and Somerset  Outstanding Good  Good  Requires improvement  Good
            Bedfordshire Requires improvement Good Inadequate Outstanding Good
            Cambridgeshire  Good Good Good
            Good Good
            Cheshire  Good Good  Good  Good  Good  Good
            Cleveland  Good  Good  Good  Good  Good  Inadequate
            Cumbria  Good  Inadequate  Good  Good  Good
            """
        let report = try parse(Array(text.utf8))
        func grades(_ force: String) -> [Grade] { report.judgments.filter { $0.forceID == force }.map(\.grade) }
        #expect(grades("avon-and-somerset") == [.outstanding, .good, .good, .requiresImprovement, .good])
        #expect(grades("bedfordshire") == [.requiresImprovement, .good, .inadequate, .outstanding, .good])
        // Grades run together over two lines: whose is which cannot be known.
        #expect(grades("cambridgeshire").isEmpty)
        #expect(report.problems.contains { $0.severity == .error && $0.message.contains("cambridgeshire") })
        // Grades run together on a line that holds a grade more than the questions: not the row alone.
        #expect(grades("cheshire").isEmpty)
        // A grade more, each in its own cell: whose is which cannot be known either; the rows after are read.
        #expect(grades("cleveland").isEmpty)
        #expect(report.problems.contains { $0.severity == .error && $0.message.contains("cleveland's row has more grades") })
        #expect(grades("cumbria") == [.good, .inadequate, .good, .good, .good])
    }
}

extension RunTogetherRowTests {
    /// pypdf's text of the sample PDF's table: a row is one line, cells one space apart, broken after each grade that
    /// wrapped in its cell ("Requires", then "improvement" on a line of its own).
    private static let pypdfTable = """
        PEEL: Police effectiveness 2015

        A national overview

        Effectiveness judgments
        Force Q1. Preventing
        crime and 
        anti-social 
        behaviour
        Q2. Investigating
        crime and 
        managing 
        offenders
        Q3. 
        Protecting 
        vulnerable 
        people
        Q4. Tackling 
        serious and 
        organised 
        crime
        Overall 
        effectiveness 
        judgment
        Avon and Somerset Good Requires 
        improvement
        Requires 
        improvement
        Good Requires 
        improvement
        Bedfordshire Requires 
        improvement
        Good Inadequate Requires 
        improvement
        Requires 
        improvement
        Cheshire Outstanding Good Good Requires 
        improvement
        Good
        Derbyshire Good Good Good Outstanding Good
        """

    @Test("a row broken only inside a wrapped grade or just after one (pypdf) is read, each grade the next question's")
    func brokenAtWrappedGrades() throws {
        let report = try parse(Array(Self.pypdfTable.utf8))
        func grades(_ force: String) -> [Grade] { report.judgments.filter { $0.forceID == force }.map(\.grade) }
        #expect(grades("avon-and-somerset") == [.good, .requiresImprovement, .requiresImprovement, .good, .requiresImprovement])
        #expect(grades("bedfordshire") == [.requiresImprovement, .good, .inadequate, .requiresImprovement, .requiresImprovement])
        #expect(grades("cheshire") == [.outstanding, .good, .good, .requiresImprovement, .good])
        #expect(grades("derbyshire") == [.good, .good, .good, .outstanding, .good])
        #expect(!report.problems.contains { $0.severity == .error })
    }

    @Test("a row broken after a one-word grade, or followed by grades of a row that lost its name, is not read")
    func brokenElsewhere() throws {
        // Avon's line breaks after "Good", a grade that did not wrap: the next line may be a row of its own.
        let afterOneWord = Self.pypdfTable.replacingOccurrences(of: "Good Requires \nimprovement\nBedfordshire", with: "Good\nRequires improvement\nBedfordshire")
        let first = try parse(Array(afterOneWord.utf8))
        #expect(!first.judgments.contains { $0.forceID == "avon-and-somerset" })
        #expect(first.problems.contains { $0.severity == .error && $0.message.contains("avon-and-somerset") })
        #expect(first.judgments.filter { $0.forceID == "bedfordshire" }.count == 5)
        // Cheshire's grades go on into a row without its name: whose grades are whose cannot be known.
        let lostName = Self.pypdfTable.replacingOccurrences(of: "improvement\nGood\nDerbyshire", with: "improvement\nGood\nGood Good Good Good Good\nDerbyshire")
        let second = try parse(Array(lostName.utf8))
        #expect(!second.judgments.contains { $0.forceID == "cheshire" })
        #expect(second.problems.contains { $0.severity == .error && $0.message.contains("cheshire") })
        #expect(second.judgments.filter { $0.forceID == "derbyshire" }.count == 5)
    }
}

@Suite("A national table whose columns ran together (pdfplumber's text)")
struct CollapsedNationalTableTests {
    private static let title = """
        PEEL: Police effectiveness 2015

        A national overview

        """
    /// As pdfplumber prints the sample PDF's table: columns one space apart, a wrapped cell's second line under the row.
    private static let header = """
        Force Q1. Preventing Q2. Investigating Q3. Q4. Tackling Overall
        crime and crime and Protecting serious and effectiveness
        anti-social managing vulnerable organised judgment
        behaviour offenders people crime
        """

    @Test("the header's columns are told by the questions' words in order; each lone \"Requires\" takes an \"improvement\" from the line after")
    func readsRows() throws {
        let text = Self.title + Self.header + """

            Avon and Somerset Good Requires Requires Good Requires
            improvement improvement improvement
            Cheshire Outstanding Good Good Requires Good
            improvement
            67
            PEEL: Police effectiveness 2015 – A national overview
            """ + "\n" + Self.header + """

            Derbyshire Good Good Good Outstanding Good
            Essex Requires Requires Inadequate Good Requires improvement
            improvement improvement
            """
        let report = try parse(Array(text.utf8))
        func grades(_ force: String) -> [Grade] { report.judgments.filter { $0.forceID == force }.map(\.grade) }
        #expect(report.judgments.first?.question == .preventingCrime)
        #expect(report.judgments.prefix(5).map(\.question) == [.preventingCrime, .investigatingCrime, .protectingVulnerable, .seriousOrganisedCrime, .overall])
        #expect(grades("avon-and-somerset") == [.good, .requiresImprovement, .requiresImprovement, .good, .requiresImprovement])
        #expect(grades("cheshire") == [.outstanding, .good, .good, .requiresImprovement, .good])
        #expect(grades("derbyshire") == [.good, .good, .good, .outstanding, .good])
        #expect(grades("essex") == [.requiresImprovement, .requiresImprovement, .inadequate, .good, .requiresImprovement])
        #expect(!report.problems.contains { $0.severity == .error })
    }

    @Test("a row whose next line is not its open grades' \"improvement\", one each, is not read, and a problem names it")
    func refusesRows() throws {
        let text = Self.title + Self.header + """

            Avon and Somerset Good Requires Requires Good Requires
            improvement improvement
            Bedfordshire Requires Good Inadequate Requires Requires
            improvement Good improvement improvement
            Cambridgeshire Good Requires Good Good Good Good
            improvement
            Cheshire Outstanding Good Good Requires Good
            improvement
            """
        let report = try parse(Array(text.utf8))
        func grades(_ force: String) -> [Grade] { report.judgments.filter { $0.forceID == force }.map(\.grade) }
        for force in ["avon-and-somerset", "bedfordshire", "cambridgeshire"] {
            #expect(grades(force).isEmpty, "\(force)")
            #expect(report.problems.contains { $0.severity == .error && $0.message.contains(force) }, "\(force)")
        }
        #expect(grades("cheshire") == [.outstanding, .good, .good, .requiresImprovement, .good])
    }

    @Test("squeezed columns (pdfplumber's layout mode): a wrapped grade's second word joined to another cell still completes one \"Requires\" of the row")
    func squeezedColumns() throws {
        let text = Self.title + """
            Force         Q1. Preventing Q2. Investigating Q3. Q4. Tackling Overall
                          crime and crime and   Protecting serious and effectiveness
                          anti-social managing  vulnerable organised judgment
                          behaviour offenders   people    crime
            Avon and Somerset Good  Requires    Requires  Good     Requires
                                    improvement improvement        improvement
            Cheshire      Outstanding Good      Good      Requires Good
                                                          improvement
            Derbyshire    Good      Good        Good      Outstanding Good
            Essex         Requires  Requires    Inadequate Good    Requires
                          improvement improvement          improvement improvement
            """
        let report = try parse(Array(text.utf8))
        func grades(_ force: String) -> [Grade] { report.judgments.filter { $0.forceID == force }.map(\.grade) }
        #expect(grades("avon-and-somerset") == [.good, .requiresImprovement, .requiresImprovement, .good, .requiresImprovement])
        #expect(grades("cheshire") == [.outstanding, .good, .good, .requiresImprovement, .good])
        #expect(grades("derbyshire") == [.good, .good, .good, .outstanding, .good])
        // An "improvement" more than the row's "Requires": whose is which cannot be known.
        #expect(grades("essex").isEmpty)
        #expect(report.problems.contains { $0.severity == .error && $0.message.contains("essex") })
    }

    @Test("a header whose columns' questions the word order leaves open is not read, and an error names its line")
    func refusesHeader() throws {
        // Q3 and Q4 are named only on lines where nothing stands beside them: either could be either.
        let header = """
            Force Q1. Preventing Q2. Investigating Q3. Q4. Tackling Overall
            crime crime vulnerable
            serious and organised
            """
        let text = Self.title + header + """

            Avon and Somerset Good Good Inadequate Good Good
            """
        let report = try parse(Array(text.utf8))
        #expect(report.judgments.isEmpty)
        let lineOfHeader = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("Force Q1.") }.map { $0 + 1 }
        #expect(report.problems.contains { $0.severity == .error && $0.line == lineOfHeader && $0.message.contains("all-force judgments table here was not read") })
    }
}

@Suite("A national table whose header's lines ran together (Chromium's reading order)")
struct MarkedHeaderTests {
    /// As Chromium's PDF viewer reads the sample PDF's table: the header's cells' lines set among one another, then a
    /// row at a time, each cell a block of its own (a name or a grade that wrapped on two lines).
    private static func table(header: String) -> String {
        """
        PEEL: Police effectiveness 2015

        A national overview

        Effectiveness judgments
        Force

        """ + header + """


        Avon and
        Somerset

        Good

        Requires
        improvement

        Requires
        improvement

        Good

        Requires
        improvement

        Bedfordshire

        Requires
        improvement

        Good

        Inadequate

        Requires
        improvement

        Requires
        improvement

        Annex C: ROCU recommendations
        """
    }

    private static let chromiumHeader = """
        Q1. Preventing crime Q2. Investigating
        and anti-social
        crime and managing
        behaviour
        offenders

        Q3. Protecting
        Q4. Tackling serious Overall
        vulnerable people and organised crime effectiveness
        judgment
        """

    @Test("each column is the question its marker's words name; the rows are read a cell at a time")
    func readsRows() throws {
        let report = try parse(Array(Self.table(header: Self.chromiumHeader).utf8))
        func grades(_ force: String) -> [Grade] { report.judgments.filter { $0.forceID == force }.map(\.grade) }
        #expect(report.judgments.prefix(5).map(\.question) == [.preventingCrime, .investigatingCrime, .protectingVulnerable, .seriousOrganisedCrime, .overall])
        #expect(grades("avon-and-somerset") == [.good, .requiresImprovement, .requiresImprovement, .good, .requiresImprovement])
        #expect(grades("bedfordshire") == [.requiresImprovement, .good, .inadequate, .requiresImprovement, .requiresImprovement])
        #expect(!report.problems.contains { $0.severity == .error })
        // The words decide, not the markers' numbers: a table whose first column is the investigation question.
        let swapped = Self.chromiumHeader.replacingOccurrences(of: "Q1. Preventing crime Q2. Investigating", with: "Q1. Investigating crime Q2. Preventing")
        let other = try parse(Array(Self.table(header: swapped).utf8))
        #expect(other.judgments.prefix(2).map(\.question) == [.investigatingCrime, .preventingCrime])
    }

    @Test("a marker whose line names no question or two, markers out of order, or a question twice: the table is not read, said", arguments: [
        "Q1. Preventing crime Q2. Investigating": "Q1. Preventing crime Q2.",
        "Q4. Tackling serious Overall": "Q4. Tackling Overall",
        "Q1. Preventing crime Q2. Investigating\n": "Q1. Preventing Investigating Q2. Investigating\n",
        "Q3. Protecting": "Q2. Protecting",
        "Q4. Tackling serious": "Q4. Protecting serious",
    ])
    func refusesHeader(printed: String, changed: String) throws {
        let report = try parse(Array(Self.table(header: Self.chromiumHeader.replacingOccurrences(of: printed, with: changed)).utf8))
        #expect(report.judgments.isEmpty)
        #expect(report.problems.contains { $0.severity == .error && $0.message.contains("all-force judgments table here was not read") })
    }
}

@Suite("Report years the layouts read")
struct LayoutYearTests {
    @Test("a 2014 force report is read with the 2015 layout; a 2018 one is an unsupported layout", arguments: [(2014, true), (2018, false)])
    func years(year: Int, read: Bool) throws {
        let text = String(decoding: Fixtures.sample(wiltshire), as: UTF8.self)
            .replacingOccurrences(of: "PEEL: Police effectiveness 2015", with: "PEEL: Police effectiveness \(year)")
        let report = try parse(Array(text.utf8))
        #expect(report.year == year)
        #expect(report.judgments.count == (read ? 5 : 0))
        #expect(report.problems.contains { $0.message.hasPrefix("unsupported layout") } == !read)
    }
}

@Suite("A national table that stops where its rows go on")
struct InterruptedNationalTableTests {
    @Test("text that is no row, with force rows after it, ends the table with a warning naming its line")
    func interrupted() throws {
        let text = """
            PEEL: Police effectiveness 2015

            A national overview

            Force\tQ1. Preventing crime\tQ2. Investigating crime\tQ3. Protecting vulnerable people\tQ4. Tackling serious and organised crime\tOverall effectiveness judgment
            Avon and Somerset\tGood\tGood\tGood\tGood\tGood
            Police effectiveness – national overview (continued)
            Bedfordshire\tGood\tGood\tRequires improvement\tGood\tGood
            """
        let report = try parse(Array(text.utf8))
        #expect(report.judgments.filter { $0.forceID == "avon-and-somerset" }.count == 5)
        #expect(!report.judgments.contains { $0.forceID == "bedfordshire" })
        #expect(report.problems.contains { $0.line == 7 && $0.message.contains("stops at \"Police effectiveness") && $0.message.contains("bedfordshire (line 8)") })
    }
}

@Suite("A national table whose rows the page wrapped (plain text printed by a word processor)")
struct PageWrappedRowTests {
    /// As `pdftotext -layout` gives LibreOffice Writer's page of the plain-text sample (make-writer-text-extractions.sh):
    /// cells at the default tab stops, some a space apart; a row longer than the page goes on at the next line's start.
    private static let table = """
        PEEL: Police effectiveness 2015

        A national overview

        Force Q1. Preventing crime and anti-social behaviour Q2. Investigating crime and
        managing offenders      Q3. Protecting vulnerable people    Q4. Tackling serious
        and organised crime     Overall effectiveness judgment
        Avon and Somerset      Good Requires improvement     Requires improvement
              Good Requires improvement
        Bedfordshire     Requires improvement    Good Inadequate Requires
        improvement Requires improvement
        Cheshire   Outstanding Good Good Requires improvement      Good
        Cleveland Requires improvement     Good Requires improvement     Good
              Requires improvement
        Derbyshire Good Good Good Outstanding Good
        """

    @Test("a row broken where the page was full is read, each grade the next question's")
    func readsWrappedRows() throws {
        let report = try parse(Array(Self.table.utf8))
        func grades(_ force: String) -> [Grade] { report.judgments.filter { $0.forceID == force }.map(\.grade) }
        #expect(grades("avon-and-somerset") == [.good, .requiresImprovement, .requiresImprovement, .good, .requiresImprovement])
        #expect(grades("bedfordshire") == [.requiresImprovement, .good, .inadequate, .requiresImprovement, .requiresImprovement])
        #expect(grades("cheshire") == [.outstanding, .good, .good, .requiresImprovement, .good])
        #expect(grades("cleveland") == [.requiresImprovement, .good, .requiresImprovement, .good, .requiresImprovement])
        #expect(grades("derbyshire") == [.good, .good, .good, .outstanding, .good])
        #expect(!report.problems.contains { $0.severity == .error })
    }

    @Test("a row broken where the page had room, as reading order breaks it at a cell's end, is not read")
    func brokenWithRoom() throws {
        // Avon's first line ends two grades early, with room for the next: another row's grades may stand between.
        let short = Self.table.replacingOccurrences(of: "Avon and Somerset      Good Requires improvement     Requires improvement\n      Good",
                                                    with: "Avon and Somerset      Good Requires improvement\nRequires improvement Good")
        let report = try parse(Array(short.utf8))
        #expect(!report.judgments.contains { $0.forceID == "avon-and-somerset" })
        #expect(report.problems.contains { $0.severity == .error && $0.message.contains("avon-and-somerset") })
        #expect(report.judgments.filter { $0.forceID == "bedfordshire" }.count == 5)
        // Bedfordshire's second line holds a grade more, which opens the next line: whose it is cannot be known.
        let more = Self.table.replacingOccurrences(of: "improvement Requires improvement\nCheshire", with: "improvement Requires improvement\nGood\nCheshire")
        let second = try parse(Array(more.utf8))
        #expect(!second.judgments.contains { $0.forceID == "bedfordshire" })
        #expect(second.judgments.filter { $0.forceID == "cheshire" }.count == 5)
    }
}

/// Text browsers' view of an HTML table (links, elinks, w3m): the header's cells one space apart or centred over their
/// columns, "Force" on its second line; the name column as wide as the longest name, so that name runs into its grade.
@Suite("An all-force table whose header's words stand over the rows' columns")
struct AlignedHeaderTests {
    @Test("links (one space apart) and elinks (centred): each header word is the column's it stands over")
    func aligned() throws {
        for header in [
            """
                                 Q1. Preventing Q2. Investigating Q3.         Q4. Tackling Overall
               Force             crime and      crime and         Protecting  serious and  effectiveness
                                 anti-social    managing          vulnerable  organised    judgment
                                 behaviour      offenders         people      crime
            """,
            """
                                 Q1. Preventing Q2. Investigating     Q3.     Q4. Tackling    Overall
                     Force         crime and        crime and     Protecting  serious and  effectiveness
                                  anti-social       managing      vulnerable   organised     judgment
                                   behaviour        offenders       people       crime
            """,
        ] {
            let text = """
                PEEL: Police effectiveness 2015

                A national overview

                Effectiveness judgments

                \(header)
                   Avon and Somerset Good           Requires          Requires    Good         Requires
                                                    improvement       improvement              improvement
                   Bedfordshire      Requires       Good              Inadequate  Requires     Requires
                                     improvement                                  improvement  improvement
                   Cheshire          Outstanding    Good              Good        Requires     Good
                                                                      improvement
                """
            let report = try parse(Array(text.utf8))
            func grades(_ force: String) -> [Grade] { report.judgments.filter { $0.forceID == force }.map(\.grade) }
            #expect(grades("avon-and-somerset") == [.good, .requiresImprovement, .requiresImprovement, .good, .requiresImprovement])
            #expect(grades("bedfordshire") == [.requiresImprovement, .good, .inadequate, .requiresImprovement, .requiresImprovement])
            #expect(grades("cheshire") == [.outstanding, .good, .good, .requiresImprovement, .good])
            #expect(report.judgments.filter { $0.forceID == "cheshire" }.map(\.question)
                    == [.preventingCrime, .investigatingCrime, .protectingVulnerable, .seriousOrganisedCrime, .overall])
        }
    }

    @Test("a page's last row is not continued by the next page's header, whose first line stands over its columns")
    func headerAfterPageBreak() throws {
        let header = """
                                 Q1. Preventing Q2. Investigating Q3.         Q4. Tackling Overall
               Force             crime and      crime and         Protecting  serious and  effectiveness
                                 anti-social    managing          vulnerable  organised    judgment
                                 behaviour      offenders         people      crime
            """
        let text = """
            PEEL: Police effectiveness 2015

            A national overview

            \(header)
               Cheshire          Outstanding    Good              Good        Requires     Good
                                                                  improvement
               City of London    Good           Good              Requires    Good         Good
                                                                  improvement
            \u{0C}\(header)
               Cleveland         Requires       Good              Requires    Good         Requires
                                 improvement                      improvement              improvement
            """
        let report = try parse(Array(text.utf8))
        func grades(_ force: String) -> [Grade] { report.judgments.filter { $0.forceID == force }.map(\.grade) }
        #expect(grades("city-of-london") == [.good, .good, .requiresImprovement, .good, .good])
        #expect(grades("cleveland") == [.requiresImprovement, .good, .requiresImprovement, .good, .requiresImprovement])
        #expect(!report.problems.contains { $0.severity == .error })
    }

    @Test("a header whose words do not stand over one column each, or a marker out of its column, is not read")
    func misaligned() throws {
        for header in [
            // "Q2." over the first grade column: two markers in one column.
            """
                                 Q1. Q2. Preventing Investigating Q3.         Q4. Tackling Overall
               Force             crime and      crime and         Protecting  serious and  effectiveness
            """,
            // Markers out of order.
            """
                                 Q2. Preventing Q1. Investigating Q3.         Q4. Tackling Overall
               Force             crime and      crime and         Protecting  serious and  effectiveness
            """,
            // A word over the names' column besides "Force".
            """
                                 Q1. Preventing Q2. Investigating Q3.         Q4. Tackling Overall
               Force table       crime and      crime and         Protecting  serious and  effectiveness
            """,
        ] {
            let text = """
                PEEL: Police effectiveness 2015

                A national overview

                \(header)
                   Avon and Somerset Good           Requires          Requires    Good         Requires
                                                    improvement       improvement              improvement
                   Bedfordshire      Requires       Good              Inadequate  Requires     Requires
                                     improvement                                  improvement  improvement
                """
            let report = try parse(Array(text.utf8))
            #expect(report.judgments.isEmpty, "\(header)")
            #expect(report.problems.contains { $0.message.contains("cannot be told from its header") || $0.message.contains("no all-force judgments table") },
                    "\(header)")
        }
    }
}

extension ColumnOutcomesTests {
    private static let pdfminer = Fixtures.packageRoot + "/Tests/Fixtures/extractions/peel-effectiveness-2015-dyfed-powys.pdfminer.txt"
    /// pdfminer's two blocks of the force's count column: its header and first five numbers above "Outcome type/group",
    /// the sixth beside its outcome type, the last three below the types.
    private static let forceColumn = "Dyfed-Powys Police Number \nof outcomes\n4,405\n68\n1,790\n178\n1,293\n\nOutcome type/group\n"
    private static let lastBlock = "Community resolution\n\n1,622\n818\n804\n\nRate\n"

    private func periods(_ report: Report) -> Set<Period> {
        Set(report.figures.filter { $0.metric.rawValue.hasPrefix("outcome_") }.map(\.period))
    }

    @Test("the force's column opening above the outcome types and ending below them gives the sample's 36 figures and their period")
    func forceColumnInTwoBlocks() throws {
        let text = String(decoding: try readBytes(Self.pdfminer), as: UTF8.self)
        #expect(text.contains(Self.forceColumn) && text.contains(Self.lastBlock))
        let sample = try parseSample(dyfedPowys)
        let report = try parse(Array(text.utf8))
        #expect(outcomes(report) == outcomes(sample))
        #expect(periods(report) == periods(sample))
        #expect(periods(report).count == 1 && periods(report).first?.end != nil)
    }

    /// The check that makes a column-at-a-time reading certain: each row's rate is its count over one number of offences.
    @Test("numbers read in an order that is not the rows' give rates that do not agree: no outcome figure, a problem")
    func blocksOutOfOrder() throws {
        let text = String(decoding: try readBytes(Self.pdfminer), as: UTF8.self)
        // The last block read first: every count is still there, one a row, in the wrong rows.
        let lastFirst = text.replacingOccurrences(of: Self.lastBlock, with: "Community resolution\n\nRate\n")
            .replacingOccurrences(of: "of outcomes\n4,405\n", with: "of outcomes\n1,622\n818\n804\n4,405\n")
        // England and Wales' rates of two rows exchanged.
        let ratesExchanged = text.replacingOccurrences(of: "of outcomes\n577,678\n21,318\n165,384\n19,703\n115,000\n30,681\n159,915\n41,964\n117,951\n\nRate\n\n16.0\n0.6\n",
                                                       with: "of outcomes\n577,678\n21,318\n165,384\n19,703\n115,000\n30,681\n159,915\n41,964\n117,951\n\nRate\n\n0.6\n16.0\n")
        for variant in [lastFirst, ratesExchanged] {
            #expect(variant != text)
            let report = try parse(Array(variant.utf8))
            #expect(outcomes(report).isEmpty)
            #expect(report.problems.contains { $0.message.hasPrefix("figure table header not read") })
        }
    }
}

extension ColumnOutcomesTests {
    /// Chromium's PDF of pandoc's page, read by plain `pdftotext`: the table a paragraph, "Caution - youths" printed
    /// without its dash.
    @Test("an outcome type whose dash the extraction lost (\"Caution youths\") is read, and its row with it")
    func cautionWithoutDash() throws {
        let path = Fixtures.packageRoot + "/Tests/Fixtures/extractions/peel-effectiveness-2015-dyfed-powys.pandoc-chromium-reading.txt"
        let text = String(decoding: try readBytes(path), as: UTF8.self)
        #expect(text.contains(" Caution youths 178 0.9 19,703 0.5 Caution - adults "))
        #expect(outcomes(try parse(Array(text.utf8))) == outcomes(try parseSample(dyfedPowys)))
    }
}

@Suite("The 2015 outcomes table under a header whose words an extraction scattered")
struct ScatteredOutcomesHeaderTests {
    private func outcomes(_ report: Report) -> [String] {
        report.figures.filter { $0.metric.rawValue.hasPrefix("outcome_") }.map { "\($0.area.rawValue) \($0.metric) \($0.qualifier?.rawValue ?? "") \(plain($0.value))" }
    }

    /// LibreOffice Writer's PDF of the sample read by plain `pdftotext`: "Dyfed-Powys Police Number of outcomes", "and
    /// Wales Number of outcomes Rate", the rows, then "Rate" and "England" after them.
    @Test("its rows whole are read where the numbers say which column is which: the sample's 36 figures")
    func writerReading() throws {
        let path = Fixtures.packageRoot + "/Tests/Fixtures/extractions/peel-effectiveness-2015-dyfed-powys.writer-text-reading.txt"
        let text = String(decoding: try readBytes(path), as: UTF8.self)
        #expect(text.contains("Outcome type/group\nDyfed-Powys Police Number of outcomes\nand Wales Number of outcomes Rate\nCharged/Summonsed 4,405 22.4 577,678\n"))
        let sample = outcomes(try parseSample(dyfedPowys))
        #expect(sample.count == 36)
        #expect(outcomes(try parse(Array(text.utf8))) == sample)
    }

    /// The sample's own table with "England" lost from its header, then its rows changed so that the numbers no longer
    /// say which column is which.
    @Test("columns the numbers do not place (England and Wales' first, a rate exchanged, a row short), or that the header names in another order, give no outcome figure")
    func numbersDecide() throws {
        let text = String(decoding: Fixtures.sample(dyfedPowys), as: UTF8.self)
        let header = "Outcome type/group\tDyfed-Powys Police Number of outcomes\tRate\tEngland and Wales Number of outcomes\tRate"
        #expect(text.contains(header))
        let scattered = text.replacingOccurrences(of: header, with: "Outcome type/group\tDyfed-Powys Police Number of outcomes\tRate\tand Wales Number of outcomes\tRate")
        let sample = outcomes(try parseSample(dyfedPowys))
        #expect(outcomes(try parse(Array(scattered.utf8))) == sample)
        let rows = scattered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = try #require(rows.firstIndex(of: "Charged/Summonsed\t4,405\t22.4\t577,678\t16.0"))
        let table = first..<first + 9
        var englandAndWalesFirst = rows, rateExchanged = rows, rowShort = rows
        for index in table {
            let cells = rows[index].split(separator: "\t").map(String.init)
            englandAndWalesFirst[index] = [cells[0], cells[3], cells[4], cells[1], cells[2]].joined(separator: "\t")
        }
        rateExchanged[first] = "Charged/Summonsed\t4,405\t0.3\t577,678\t16.0"
        rateExchanged[first + 1] = "Taken into consideration\t68\t22.4\t21,318\t0.6"
        rowShort[first + 4] = "Caution - adults\t1,293\t6.6\t115,000"
        // The header naming England and Wales' columns first, over rows whose numbers put the force's first.
        let headerContradicts = scattered.replacingOccurrences(of: "Outcome type/group\tDyfed-Powys Police Number of outcomes\tRate\tand Wales Number of outcomes\tRate",
                                                              with: "Outcome type/group\tEngland and Wales Number of outcomes\tRate\tDyfed-Powys Police Number\tRate")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for variant in [englandAndWalesFirst, rateExchanged, rowShort, headerContradicts] {
            let report = try parse(Array(variant.joined(separator: "\n").utf8))
            #expect(outcomes(report).isEmpty)
            #expect(report.problems.contains { $0.message.hasPrefix("figure table header not read") })
        }
    }
}

extension ScatteredOutcomesHeaderTests {
    @Test("a sentence that opens like the header (\"Outcome types …\"), just above a table whose header lost its areas: the sample's 36 figures, each once")
    func sentenceAbove() throws {
        let text = String(decoding: Fixtures.sample(dyfedPowys), as: UTF8.self)
        let header = "Outcome type/group\tDyfed-Powys Police Number of outcomes\tRate\tEngland and Wales Number of outcomes\tRate"
        let variant = text.replacingOccurrences(of: header, with: "Outcome types in full are shown below.\nOutcome type/group\tDyfed-Powys Police Number of outcomes\tRate\tNumber of outcomes\tRate")
        #expect(variant != text)
        #expect(outcomes(try parse(Array(variant.utf8))) == outcomes(try parseSample(dyfedPowys)))
    }
}

@Suite("A heading's grade after its footnote reference printed apart")
struct DetachedFootnoteGradeTests {
    /// `pdftohtml -c` places the superscript of "Overall judgment¹" as a text of its own: "Overall judgment", "1",
    /// then the page's number and the next page's running title, dropped as furniture, then the grade.
    @Test("\"Overall judgment\", \"1\", then the grade: the overall grade is read; with no grade after the number, none is")
    func overallAfterReference() throws {
        let text = String(decoding: Fixtures.sample(dyfedPowys), as: UTF8.self)
        let heading = #/\nOverall judgment¹\n+Requires improvement\n/#
        #expect(text.contains(heading))
        let overall = { (report: Report) in report.judgments.first { $0.question == .overall }?.grade }
        #expect(overall(try parseSample(dyfedPowys)) == .requiresImprovement)
        let apart = text.replacing(heading, with: "\nOverall judgment\n1\n\nRequires improvement\n")
        #expect(overall(try parse(Array(apart.utf8))) == .requiresImprovement)
        let noGrade = text.replacing(heading, with: "\nOverall judgment\n1\n\n")
        #expect(noGrade != text)
        #expect(overall(try parse(Array(noGrade.utf8))) == nil)
    }
}
