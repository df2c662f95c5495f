import PeelLayout
import PeelText

/// Grades from the layouts the parser knows, read from the words of the text in order, so that the same grades come
/// out whether a table's cells are separated by tabs or spaces, printed one per line, or wrapped.
enum JudgmentExtractor {
    /// Where a grade was read; a judgments table outranks a "Summary of findings", which outranks a
    /// grade printed under an overview heading.
    private enum Source: Int, Comparable {
        case heading = 0, summary = 1, table = 2
        static func < (a: Source, b: Source) -> Bool { a.rawValue < b.rawValue }
    }

    private struct Candidate {
        let question: Question
        let grade: Grade
        let lastInspected: Int?
        let line: Int
        let source: Source
    }

    // MARK: Force reports

    /// 2015: "Overall judgment" and each question's "Summary of findings" over their grade; a question's heading
    /// ("How effective is the force at …?", wrapped or not) may be followed by its grade too.
    static func forceReport2015(_ text: LaidOutText, forceID: String?, scale: GradeScale, into report: inout Report) {
        let lines = text.lines
        var candidates: [Candidate] = []
        var currentQuestion: Question?
        var index = 0
        let headings = Self.headings2015  // read once, not a static's lazy check a line
        while index < lines.count {
            // Lines opening like no heading read here (most, blank ones too) are passed over unread.
            guard headings.mayOpenOnFourBytes(lines[index]) else {
                index += 1
                continue
            }
            let line = lines[index]
            defer { index += 1 }
            let printed = line.text
            if isContentsLine(printed) { continue }
            let heading = Phrases.withoutFootnote(printed)
            if let (wording, last) = Phrases.questionHeading(lines, at: index, text: printed) {
                // The question may be wrapped: it ends at its question mark.
                guard wording.hasSuffix("?") else { continue }
                currentQuestion = Question(wording: wording)
                index = last
                if let question = currentQuestion, let (grade, gradeLine) = gradeOnNextLine(lines, after: last, required: false, problems: &report.problems) {
                    candidates.append(Candidate(question: question, grade: grade, lastInspected: nil, line: gradeLine, source: .heading))
                }
                continue
            }
            if Self.overallJudgment.contains(where: { heading.equals(ignoringASCIICase: $0) }) {
                if let (grade, gradeLine) = gradeOnNextLine(lines, after: index, problems: &report.problems) {
                    candidates.append(Candidate(question: .overall, grade: grade, lastInspected: nil, line: gradeLine, source: .summary))
                }
                continue
            }
            if heading.equals(ignoringASCIICase: Self.summaryOfFindings), let question = currentQuestion {
                if let (grade, gradeLine) = gradeOnNextLine(lines, after: index, problems: &report.problems) {
                    candidates.append(Candidate(question: question, grade: grade, lastInspected: nil, line: gradeLine, source: .summary))
                }
                continue
            }
        }
        report.judgments = choose(candidates, forceID: forceID, scale: scale, problems: &report.problems)
    }

    /// The 2015 headings read (lowercase): the overall judgment's and a question's summary (the question headings
    /// are `Phrases.questionHeadingStarts`).
    private static let overallJudgment = ["overall judgment", "overall judgement"]
    private static let summaryOfFindings = "summary of findings"
    private static let headings2015 = LineOpenings(Phrases.questionHeadingStarts + overallJudgment + [summaryOfFindings])

    /// The 2016–17 lines read (lowercase starts).
    private static let overallEffectiveness = "overall effectiveness"
    private static let question = "question"
    private static let headings2016 = LineOpenings([overallEffectiveness, question, "preventing crime", "investigating crime", "protecting vulnerable",
                                                    "tackling serious", "specialist capabilit"])

    /// 2016–17: "Overall effectiveness 2017 Requires improvement" and the Question / Grade / Last inspected table; each
    /// section's heading over its grade, where it agrees with the table or the table's row was not read.
    static func forceReport2016(_ text: LaidOutText, forceID: String?, year: Int, scale: GradeScale, into report: inout Report) {
        let lines = text.lines
        var candidates: [Candidate] = []
        /// The judgments table prints when each question was last inspected: a question graded in a section of its own
        /// was inspected for this report (2017's sections are the questions inspected that year; the others' grades
        /// stand from an earlier year, in the table only), where the table's cells say so too (`sectionsYear`).
        var tableHasYears = false
        /// The lines of the judgments tables' headers ("Question …"), for `sectionsYear`.
        var tableHeaders: [Int] = []
        /// The grades read under the sections' headings.
        var sectionGrades: [Candidate] = []
        var index = 0
        let headings = Self.headings2016  // read once, not a static's lazy check a line
        /// The last line of the table read a column at a time last: no column above a later header reaches into it.
        var tableEnd = -1
        while index < lines.count {
            // Only lines opening like "overall effectiveness", "question" or a section's heading are read (blank ones are
            // passed over too).
            guard headings.mayOpenOnFourBytes(lines[index]) else {
                index += 1
                continue
            }
            if case let first = lines[index].opening | 0x20, first != UInt8(ascii: "o"), first != UInt8(ascii: "q") {
                // A section's heading: a short line.
                // (Not among the cells of a table read a column at a time: its questions' wordings are no headings.)
                if index > tableEnd, lines[index].byteCount <= 120, let (question, last) = sectionHeading2016(lines, at: index) {
                    // The grade alone on its line: "Good 2016" is a table's row.
                    if let gradeIndex = nextFilledLine(lines, after: last), lines[gradeIndex].byteCount <= 40,
                       !lines[gradeIndex].withText({ $0.contains { $0 &- 0x30 < 10 } }),
                       let grade = Grade(printed: lines[gradeIndex].text),
                       standsApartFromTables(lines, heading: index, naming: question, grade: gradeIndex) {
                        sectionGrades.append(Candidate(question: question, grade: grade, lastInspected: nil, line: lines[gradeIndex].number, source: .heading))
                    }
                    index = last
                }
                index += 1
                continue
            }
            let line = lines[index]
            defer { index += 1 }
            let printed = line.text
            if isContentsLine(printed) { continue }
            if printed.hasPrefix(ignoringASCIICase: Self.overallEffectiveness) {
                // Most such lines are sentences: the words are looked at only when the third is a year.
                let words = text.tokens(index..<min(lines.count, index + 4)).words
                guard words.count >= 4, words[1].text.equals(ignoringASCIICase: "effectiveness"), words[2].line == line.number,
                      Phrases.year(words[2]) != nil else { continue }
                if let (grade, length) = Phrases.grade(words, at: 3) {
                    candidates.append(Candidate(question: .overall, grade: grade, lastInspected: nil, line: words[3 + length - 1].line, source: .table))
                } else if words[3].line == line.number {
                    report.problems.append(ParseProblem(.error, line: line.number, "unknown grade \"\(words[3...].prefix { $0.line == line.number }.map(\.text).joined(separator: " "))\" for overall effectiveness"))
                }
                continue
            }
            if printed.hasPrefix(ignoringASCIICase: Self.question) {
                tableHeaders.append(index)
                let words = text.tokens(index..<min(lines.count, index + 40)).words
                if !tableHasYears {
                    tableHasYears = zip(words, words.dropFirst()).contains {
                        $0.text.equals(ignoringASCIICase: "last") && $1.text.equals(ignoringASCIICase: "inspected")
                    }
                }
                let headed = words.count > 4 && ["question", "grade", "last", "inspected"].enumerated().allSatisfy { words[$0.offset].text.equals(ignoringASCIICase: $0.element) }
                // "Question" alone on its line: the header's cells a line each, the table's perhaps out of their rows.
                if printed.equals(ignoringASCIICase: "question"),
                   words.contains(where: { $0.text.equals(ignoringASCIICase: "grade") }) || firstColumnAbove(lines, header: index, after: tableEnd) != nil {
                    if let (rows, end) = columnsInReadingOrder(lines, header: index, after: tableEnd) {
                        candidates += rows
                        tableEnd = end
                        continue
                    }
                    guard headed else {
                        report.problems.append(ParseProblem(.warning, line: line.number, "judgments table whose cells stand out of their rows, its columns of different lengths (or a grade or year before its question, or its grades and years in no order of rows): not read"))
                        continue
                    }
                }
                guard headed else {
                    // A header of the table's words in another order or with another column ("Question Last inspected
                    // Grade", "Question Grade 2016 grade Last inspected"): which cell is this year's grade is not known.
                    let header = words.prefix { $0.line == line.number }
                    if header.count <= 8, header.contains(where: { $0.text.equals(ignoringASCIICase: "grade") }) {
                        report.problems.append(ParseProblem(.warning, line: line.number,
                            "judgments table whose header is not Question, Grade, Last inspected (\"\(header.map(\.text).joined(separator: " "))\"): not read"))
                    }
                    continue
                }
                // A column more after "Last inspected" ("Direction of travel", "Previous grade"): its cells stand between one
                // row's year and the next row's question, which row each line and word is then of is not certain (the
                // rows were read a line early), and a grade among them would be read as the next question's. Words on the
                // header's line that name a question or hold a grade or year are a first row run into it, and are read.
                let beyond = words[4...].prefix { $0.line == line.number }.map(\.text)
                if !beyond.isEmpty, Question.named(in: beyond.joined(separator: " ")).isEmpty,
                   !beyond.indices.contains(where: { Phrases.grade(words, at: 4 + $0) != nil || Phrases.year(words[4 + $0]) != nil }) {
                    report.problems.append(ParseProblem(.warning, line: line.number,
                        "judgments table with a column after Last inspected (\"\(beyond.joined(separator: " "))\"): not read"))
                    continue
                }
                let end = readJudgmentsTable(words, from: 4, into: &candidates, problems: &report.problems)
                if end > 4, let lastLine = lines.firstIndex(where: { $0.number == words[end - 1].line }) { index = lastLine }
                continue
            }
        }
        // (Asked only where a section grades a question the table did not: where both do, the table's row is read.)
        if tableHasYears, let first = sectionGrades.first,
           sectionGrades.contains(where: { section in !candidates.contains { $0.question == section.question } }),
           sectionsYear(lines, headers: tableHeaders, before: lines.firstIndex { $0.number == first.line } ?? lines.count, year: year,
                        sections: Set(sectionGrades.map(\.question)).count) {
            sectionGrades = sectionGrades.map {
                Candidate(question: $0.question, grade: $0.grade, lastInspected: year, line: $0.line, source: $0.source)
            }
        }
        report.judgments = choose(candidates + sectionGrades, forceID: forceID, scale: scale, problems: &report.problems)
    }

    /// Whether the judgments tables' cells (lines of grades, years and dashes only, from each header up to 60 lines on
    /// and before the first section) print the report's year once for each question graded in a section, and no dash:
    /// then each such question was last inspected in the report's year (a section for a question carried over from an
    /// earlier year, or a year the table leaves out, and the counts differ).
    private static func sectionsYear(_ lines: NormalisedLines, headers: [Int], before end: Int, year: Int, sections: Int) -> Bool {
        var counted = Set<Int>()
        var years = 0
        // (A table printed after the first section counts none: its cells are not the sections' table's.)
        for header in headers where header < end {
            for index in header..<min(header + 60, end, lines.count) where !counted.contains(index) && lines[index].byteCount <= 40 {
                counted.insert(index)
                let text = lines[index].text
                guard !lines[index].isBlank, !lines[index].isBareNumber, holdsOnlyCells(text) else { continue }
                for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                    if isDash(word) { return false }
                    if Phrases.year(Word(text: word, line: 0, token: 0)) == year { years += 1 }
                }
            }
        }
        return years == sections
    }

    /// The headings of a 2017 report's sections, each over its question's grade ("Protecting vulnerable people and
    /// supporting victims" / "Requires improvement"), as their lowercase letters: a second source beside the table, and
    /// the only one where a reading order left the table's cells out of their rows.
    private static let sectionHeadings2016: [(question: Question, letters: [UInt8])] = ([
        (.preventingCrime, "preventing crime and tackling anti-social behaviour"),
        (.investigatingCrime, "investigating crime and reducing re-offending"),
        (.protectingVulnerable, "protecting vulnerable people and supporting victims"),
        (.seriousOrganisedCrime, "tackling serious and organised crime"),
        (.specialistCapabilities, "specialist capabilities"),
    ] as [(Question, String)]).map { ($0.0, Array($0.1.utf8.filter(ASCIIBytes.isLetter))) }

    /// The 2017 section heading that opens at line `index`, wrapped over up to three lines, and its last line; nil
    /// where the lines spell no heading whole. Compared as their ASCII letters, lowercased: a heading's words whatever
    /// its spaces, hyphens, wrapping, Markdown marks or footnote numbers ("anti-social", "antisocial", "anti- social").
    private static func sectionHeading2016(_ lines: NormalisedLines, at index: Int) -> (Question, last: Int)? {
        var letters: [UInt8] = []
        letters.reserveCapacity(128)
        var at = index
        while at < lines.count, at - index < 3, !lines[at].isBlank, lines[at].byteCount <= 120 {
            lines[at].withText { bytes in
                for byte in bytes where ASCIIBytes.isLetter(byte) { letters.append(ASCIIBytes.lower(byte)) }
            }
            if let heading = sectionHeadings2016.first(where: { $0.letters == letters }) { return (heading.question, at) }
            guard sectionHeadings2016.contains(where: { $0.letters.starts(with: letters) }) else { return nil }
            at += 1
        }
        return nil
    }

    /// The next line after `index` that is neither blank nor a number alone (a page's).
    private static func nextFilledLine(_ lines: NormalisedLines, after index: Int) -> Int? {
        lines[(index + 1)...].prefix(8).firstIndex { !$0.isBlank && !$0.isBareNumber }
    }

    /// Whether a section heading over a grade stands apart from a judgments table: a reading order that prints the
    /// table a column at a time sets the last question's wording over the first row's grade, and one a row at a time
    /// each question's over its own. So the line above the heading is no other short line naming a question (a column
    /// of them) nor a table's cell or title, and the line under the grade is no cell or title either (a column of
    /// grades, or a row's year), nor another question's wording (the next row). Longer lines are prose: a
    /// paragraph's line is not split into words (callgrind: most of this reader's cost).
    private static func standsApartFromTables(_ lines: NormalisedLines, heading: Int, naming question: Question, grade: Int) -> Bool {
        if let above = lines[..<heading].suffix(8).lastIndex(where: { !$0.isBlank && !$0.isBareNumber }), lines[above].byteCount <= 80 {
            if opensWithCellOrTitle(lines[above]) || !Question.named(in: lines[above].text).isEmpty { return false }
        }
        // Nor another question's wording: the next row's (a section's first words may name its own: "Identifying
        // vulnerable people").
        if let below = nextFilledLine(lines, after: grade), lines[below].byteCount <= 80,
           opensWithCellOrTitle(lines[below]) || Question.named(in: lines[below].text).contains(where: { $0 != question }) { return false }
        return true
    }

    /// Whether a line opens with a judgments table's cell or title: a grade's first word, a year, a dash, "Grade", "Last
    /// inspected" or "Question". Read on its first word's bytes (as `holdsOnlyCells` by Characters, it was most of the
    /// section headings' cost).
    private static func opensWithCellOrTitle(_ line: NormalisedLine) -> Bool {
        line.withText { bytes in
            let word = bytes.prefix { $0 != 0x20 && $0 != 0x09 }
            if word.count == 4, word.allSatisfy({ $0 &- 0x30 < 10 }) { return true }
            return Self.cellOpenings.contains(word.map(ASCIIBytes.lower))
        }
    }

    private static let cellOpenings = Set((gradeWords + ["grade", "last", "question", "-", "\u{2013}", "\u{2014}"]).map { Array($0.utf8) })

    /// The grade and year columns, each under its title, may stand ahead of the questions' (pdfminer.six with
    /// `boxes_flow=1.0`): the line of the first such title among the titles and cells just above the header, if any.
    /// Not above line `floor`: the table before this one ended there (a table a page break parted, its header repeated
    /// on the next page, the first part read on its own).
    private static func firstColumnAbove(_ lines: NormalisedLines, header: Int, after floor: Int) -> Int? {
        var first: Int?
        var above = header - 1
        while above > floor, header - above < 40 {
            let text = lines[above].text
            if text.equals(ignoringASCIICase: "grade") || text.equals(ignoringASCIICase: "last inspected") {
                first = above
            } else if !lines[above].isBlank && !Self.holdsOnlyCells(text) {
                break
            }
            above -= 1
        }
        return first
    }

    /// Whether a line is grades, years and dashes only, a grade's words perhaps parted by its wrapping ("Requires").
    private static func holdsOnlyCells(_ text: String) -> Bool {
        let words = text.split { $0 == " " || $0 == "\t" }
        return !words.isEmpty && words.allSatisfy { word in
            Self.gradeWords.contains { word.equals(ignoringASCIICase: $0) } || Self.isDash(word)
                || Phrases.year(Word(text: word, line: 0, token: 0)) != nil
        }
    }

    /// A dash in a year's cell: no year printed.
    private static func isDash(_ text: Substring) -> Bool { text == "-" || text == "\u{2013}" || text == "\u{2014}" }

    private static let gradeWords = ["outstanding", "good", "adequate", "requires", "improvement", "inadequate", "ungraded", "not", "graded"]

    /// Whether the table was read a column at a time, each column whole under its title: the lines' kinds (`kinds` of
    /// `columnsInReadingOrder`), runs of one kind taken as one, are each title followed by its own cells, each column once,
    /// in any order. Each column's cells are then in order and nothing else stands among them, wherever the questions'
    /// column stands.
    static func standsInBlocks(_ kinds: [UInt8]) -> Bool {
        let runs = runs(of: kinds)
        guard runs.count == 6 else { return false }
        let pairs = stride(from: 0, to: 6, by: 2).map { String(decoding: runs[$0...$0 + 1], as: UTF8.self) }
        return Set(pairs) == ["Qq", "Gg", "Yy"]
    }

    /// Whether the table was read a column at a time, the grades' and the years' each whole under its title and the
    /// questions' in parts around them (plain `pdftotext` of a B5 page: three questions, "Grade" and the five grades, the
    /// last two questions, "Last inspected" and the five years): the kinds' runs open with the questions' title and
    /// cells, and hold one run of grades and one of years, each just under its title, the rest questions. Which part of
    /// the questions' column is whose row is then known only where they come in the report's order
    /// (`columnsInReadingOrder` asks): a grade among the questions (a cell out of its place) is no such table.
    static func questionsInParts(_ kinds: [UInt8]) -> Bool {
        let runs = runs(of: kinds)
        guard runs.starts(with: Array("Qq".utf8)) else { return false }
        for (title, cells) in [(UInt8(ascii: "G"), UInt8(ascii: "g")), (UInt8(ascii: "Y"), UInt8(ascii: "y"))] {
            guard runs.filter({ $0 == cells }).count == 1, runs.filter({ $0 == title }).count == 1,
                  let at = runs.firstIndex(of: cells), at > 0, runs[at - 1] == title else { return false }
        }
        return runs.allSatisfy { Array("QqGgYy".utf8).contains($0) }
    }

    /// Whether the grades and years (`kinds` of `columnsInReadingOrder`: "g", "y", titles and questions passed over) come
    /// in rows: each a run of one kind followed by at least as many of the other, the run and as many of the other
    /// taken together as its rows. So a row at a time ("g y", "y g"), whole columns ("ggggg yyyyy"), or some rows by
    /// turns and the rest a column at a time ("g y g y ggg yyy": pdftotext of an A5 page, each row's first cells a
    /// block with their titles). Not a column in parts among the other's ("g g y g g g y y y y": the same page's
    /// West Mercia table, the years' blocks out of their order, a 2017 read for 2016): which year is whose is not known.
    /// The kinds with each run of one kind made one ("QqqqGggY" → "QqGgY").
    private static func runs(of kinds: [UInt8]) -> [UInt8] {
        var runs: [UInt8] = []
        for kind in kinds where runs.last != kind { runs.append(kind) }
        return runs
    }

    static func cellsInRows(_ kinds: [UInt8]) -> Bool {
        let cells = kinds.filter { $0 == UInt8(ascii: "g") || $0 == UInt8(ascii: "y") }
        var at = 0
        while at < cells.count {
            var run = at
            while run < cells.count, cells[run] == cells[at] { run += 1 }
            let length = run - at
            guard run + length <= cells.count, cells[run..<(run + length)].allSatisfy({ $0 != cells[at] }) else { return false }
            at = run + length
        }
        return true
    }

    /// A judgments table whose header's cells stand a line each ("Question", "Grade", "Last inspected") and whose cells a
    /// reading-order extraction printed in some order of its own: a column at a time (each question's wording, wrapped
    /// lines joined, then "Grade" and the grades, then "Last inspected" and the years), a row at a time, or both by turns
    /// (pdfminer: two rows, then the rest a column at a time; a grade and a year on one line). What every such reading
    /// keeps is each column's cells in order, top to bottom: the first grade is the first question's. Read only where
    /// every column has as many cells, both headers stand among them, and no question's grade or year comes before its
    /// wording, or each column stands whole under its title (`standsInBlocks`: the grades' and years' may then come
    /// first), and the grades and years come in rows (`cellsInRows`); the table ends at the first line that is none of
    /// these, or names a question read (a page's number among the cells is passed over). Returns the rows and the last
    /// line read as the table's.
    private static func columnsInReadingOrder(_ lines: NormalisedLines, header: Int, after floor: Int) -> (rows: [Candidate], end: Int)? {
        var questions: [(question: Question, index: Int)] = []
        var grades: [(grade: Grade, index: Int)] = []
        var years: [(year: Int?, index: Int)] = []
        var wording = ""
        var gradeHeader = false, yearHeader = false
        /// The wording read so far names one question, not read before.
        func flush() -> Bool {
            guard !wording.isEmpty else { return true }
            let named = Question.named(in: wording)
            wording = ""
            guard named.count == 1, !questions.contains(where: { $0.question == named[0] }) else { return false }
            questions[questions.count - 1].question = named[0]
            return true
        }
        /// The grades and years (a dash: none printed) that `words` are, nil unless they are nothing else.
        func cells(_ words: [Word]) -> [(grade: Grade?, year: Int?)]? {
            var cells: [(grade: Grade?, year: Int?)] = []
            var position = 0
            while position < words.count {
                if let (grade, length) = Phrases.grade(words, at: position) {
                    cells.append((grade, nil))
                    position += length
                } else if let year = Phrases.year(words[position]) {
                    cells.append((nil, year))
                    position += 1
                } else if Self.isDash(words[position].text) {
                    cells.append((nil, nil))
                    position += 1
                } else {
                    return nil
                }
            }
            return cells
        }
        let start = firstColumnAbove(lines, header: header, after: floor) ?? header
        /// The last line read as the table's (the lines are read in order).
        var end = header
        /// What each line read was, in order: a title ("Q", "G", "Y") or cells of its column ("q", "g", "y"), for
        /// `standsInBlocks`.
        var kinds: [UInt8] = start == header ? [UInt8(ascii: "Q")] : []
        var index = start == header ? header + 1 : start
        while index < lines.count, index - header < 80 {
            let line = lines[index]
            let text = line.text
            defer { index += 1 }
            if index == header {
                guard flush() else { return nil }
                kinds.append(UInt8(ascii: "Q"))
                end = index
                continue
            }
            // A number alone on its line is no cell (a year has four digits): a page's, which a reading order may set
            // among a page's last cells ("Good", "3", "Last inspected", "2016", the page's break), is passed over.
            if text.isEmpty || line.isBareNumber { continue }
            var words = text.split { $0 == " " || $0 == "\t" }.map { Word(text: $0, line: line.number, token: index) }
            // The headers may stand anywhere among the cells (pdfminer may print "Last inspected" under its years); one
            // ends a question's wording.
            let headers = (gradeHeader, yearHeader)
            if words.first.map({ $0.text.equals(ignoringASCIICase: "grade") }) == true, !gradeHeader {
                gradeHeader = true
                words.removeFirst()
                kinds.append(UInt8(ascii: "G"))
            }
            if words.count >= 2, words[0].text.equals(ignoringASCIICase: "last"), words[1].text.equals(ignoringASCIICase: "inspected"), !yearHeader {
                yearHeader = true
                words.removeFirst(2)
                kinds.append(UInt8(ascii: "Y"))
            }
            if headers != (gradeHeader, yearHeader) {
                guard flush() else { return nil }
                end = index
            }
            if words.isEmpty { continue }
            // A line of cells: grades and years (or a dash, no year printed), nothing else; a grade may be wrapped
            // ("Requires" / "improvement"), its line then read with the next.
            var found = cells(words)
            var lastLine = index
            if found == nil, let next = lines[(index + 1)...].prefix(2).firstIndex(where: { !$0.isBlank }) {
                found = cells(words + lines[next].text.split { $0 == " " || $0 == "\t" }.map { Word(text: $0, line: lines[next].number, token: next) })
                lastLine = next
            }
            if let found {
                guard flush() else { return nil }
                for cell in found {
                    if let grade = cell.grade { grades.append((grade, index)) } else { years.append((cell.year, index)) }
                    kinds.append(cell.grade != nil ? UInt8(ascii: "g") : UInt8(ascii: "y"))
                }
                index = lastLine
                end = lastLine
                continue
            }
            // A question's wording, or a wrapped one's next line (naming none, right after it). A question read before
            // is the next section's heading: the table has ended.
            var named = Question.named(in: text)
            // A line naming none that opens a question wrapped after it ("Tackling serious and" / "organised crime"),
            // after a wording that names one already: with the next line (naming none itself), it names another.
            if named.isEmpty, !wording.isEmpty, case let current = Question.named(in: wording), current.count == 1,
               let next = lines[(index + 1)...].prefix(2).first(where: { !$0.isBlank }), Question.named(in: next.text).isEmpty,
               case let ahead = Question.named(in: text + " " + next.text), ahead.count == 1, ahead != current {
                named = ahead
            }
            if named.count == 1 {
                if questions.contains(where: { $0.question == named[0] }) { break }
                guard flush() else { return nil }
                questions.append((.overall, index))
                wording = text
            } else if named.isEmpty, !wording.isEmpty {
                wording += " " + text
            } else {
                break
            }
            kinds.append(UInt8(ascii: "q"))
            end = index
        }
        guard flush(), gradeHeader, yearHeader, !questions.isEmpty, grades.count == questions.count, years.count == questions.count,
              Self.cellsInRows(kinds),
              questions.indices.allSatisfy({ grades[$0].index > questions[$0].index && years[$0].index > questions[$0].index })
                || Self.standsInBlocks(kinds)
                || Self.questionsInParts(kinds) && zip(questions, questions.dropFirst()).allSatisfy({ $0.question.order < $1.question.order })
        else { return nil }
        return (questions.indices.map {
            Candidate(question: questions[$0].question, grade: grades[$0].grade, lastInspected: years[$0].year,
                      line: lines[questions[$0].index].number, source: .table)
        }, end)
    }

    /// Rows of a judgments table from word `start`: a question's wording, its grade, the year it was last inspected.
    /// A row's wording may be wrapped (its words may even trail the previous row's year); the table ends at words
    /// that are no row: a sentence, a question already read, or text that names no question before a grade.
    /// Returns the word after the last row.
    private static func readJudgmentsTable(_ words: [Word], from start: Int, into candidates: inout [Candidate], problems: inout [ParseProblem]) -> Int {
        var position = start
        var seen = Set<Question>()
        while position < words.count {
            // A year where a row should start, after rows were read: a reading-order extraction moved a row's year out
            // of it (Chromium's table in plain pdftotext). Whose it is cannot be known; the rows after it are read.
            if !seen.isEmpty, let year = Phrases.year(words[position]) {
                problems.append(ParseProblem(.warning, line: words[position].line, "a last-inspected year (\(year)) stands apart from its row: given to none"))
                position += 1
                continue
            }
            // A row's words run to its grade; a year before any grade ends a row whose grade is unknown.
            var cursor = position
            var found: (grade: Grade, length: Int)?
            while cursor < words.count, cursor - position <= 12, Phrases.year(words[cursor]) == nil {
                if let grade = Phrases.grade(words, at: cursor) {
                    found = grade
                    break
                }
                if words[cursor].text.hasSuffix(".") || words[cursor].text.hasSuffix(":") { break }
                cursor += 1
            }
            let wording = words[position..<cursor]
            let printed = wording.map(\.text).joined(separator: " ")
            // A converter may run a wrapped label's words together ("Protectingvulnerablepeople"): read so only where the
            // label names no question as printed.
            var named = Question.named(in: printed)
            if named.isEmpty { named = Question.named(inRunTogether: printed) }
            // "Requires improve-" / "ment" (or "Requires" / "improvement") before the year, its rest on the next line.
            let year = found == nil && cursor < words.count && cursor - position >= 2 ? Phrases.year(words[cursor]) : nil
            let wrapped = year == nil ? nil : Self.wrappedRequiresImprovement(words, before: cursor)
            // Where the row's words end: after its year (or dash), or the line with the rest of its grade.
            var rowEnd = wrapped?.end ?? cursor
            if let (_, length) = found {
                rowEnd = cursor + length
                if rowEnd < words.count, Phrases.year(words[rowEnd]) != nil || Self.isDash(words[rowEnd].text) { rowEnd += 1 }
            }
            // A question whose wording wrapped below its grade and year ("Tackling serious and | Inadequate | 2017", then
            // "organised crime") names it only with those words: read with them (the next row's otherwise), and the
            // next row starts after them.
            var after = rowEnd
            if named.isEmpty, !wording.isEmpty, found != nil || wrapped != nil {
                let below = Self.wordingBelow(words, from: rowEnd)
                let tail = (wrapped?.rest.map { words[$0] } ?? []) + words[below]
                // The question's words, without a wrapped grade's "Requires" ("improve-") before the year.
                let questionEnd = wrapped == nil ? cursor : words[cursor - 1].text.equals(ignoringASCIICase: "requires") ? cursor - 1 : cursor - 2
                // The words below name no question alone (the next row's wording, set above its grade, would), and with
                // the row's, a word broken at the line's end joined ("Specialist capa-" / "bilities"), one.
                let whole = Question.named(in: Phrases.cellWording((words[position..<questionEnd] + tail).map(\.text)))
                if whole.count == 1, Question.named(in: Phrases.cellWording(tail.map(\.text))).isEmpty {
                    named = whole
                    after = below.upperBound
                }
            }
            guard !wording.isEmpty, named.count == 1, !seen.contains(named[0]) else {
                // Words of a row's shape, a grade then a year, that name no one question: the rows from there are lost.
                if let (_, length) = found, cursor + length < words.count, Phrases.year(words[cursor + length]) != nil {
                    problems.append(ParseProblem(.warning, line: words[position].line, "judgments table row \"\(printed)\" names \(named.isEmpty ? "no question" : "no one question"): the table is read no further"))
                }
                break
            }
            let question = named[0]
            seen.insert(question)
            guard let (grade, length) = found else {
                // The question's words, then no grade before the year (or a sentence): an unknown grade word when the
                // row ends in its year, else the table's end.
                guard let year else { break }
                if let wrapped, Question.named(in: wrapped.rest.map { words[$0].text }.joined(separator: " ")).allSatisfy({ $0 == question }) {
                    candidates.append(Candidate(question: question, grade: .requiresImprovement, lastInspected: year, line: wording.first!.line, source: .table))
                    position = max(wrapped.end, after)
                    continue
                }
                problems.append(ParseProblem(.error, line: words[cursor].line, "unknown grade in \"\(wording.map(\.text).joined(separator: " "))\" for \(question.rawValue)"))
                position = cursor + 1
                continue
            }
            cursor += length
            var lastInspected: Int?
            if cursor < words.count, let year = Phrases.year(words[cursor]) {
                lastInspected = year
                cursor += 1
            } else if cursor < words.count, Self.isDash(words[cursor].text) {
                cursor += 1  // a dash: no year printed
            } else {
                // The table prints the year a grade was given; without it a grade carried from an earlier year would read
                // as this year's. Left out, said.
                problems.append(ParseProblem(.error, line: wording.first!.line, "no last-inspected year beside \(question.rawValue)'s grade (\(grade.rawValue)): not read"))
                position = cursor
                continue
            }
            candidates.append(Candidate(question: question, grade: grade, lastInspected: lastInspected, line: wording.first!.line, source: .table))
            position = max(cursor, after)
        }
        return position
    }

    /// The words of the lines from word `start` on, where it opens a line, up to a line that holds a grade, a year,
    /// a sentence's end or more words than a cell's line (two lines at most): the rest of a question's wording that
    /// wrapped below its row's grade.
    private static func wordingBelow(_ words: [Word], from start: Int) -> Range<Int> {
        guard start > 0, start < words.count, words[start].line != words[start - 1].line else { return start..<start }
        var end = start
        var lines = 0
        while end < words.count, lines < 2 {
            let line = words[end].line
            var lineEnd = end
            while lineEnd < words.count, words[lineEnd].line == line { lineEnd += 1 }
            guard lineEnd - end <= 6, !(end..<lineEnd).contains(where: { Phrases.year(words[$0]) != nil || Phrases.grade(words, at: $0) != nil
                    || words[$0].text.equals(ignoringASCIICase: "requires") || words[$0].text.hasSuffix(".") || words[$0].text.hasSuffix(":") }) else { break }
            end = lineEnd
            lines += 1
        }
        return start..<end
    }

    /// A row whose question and grade both wrapped in their columns: "Preventing crime and tackling anti- | Requires |
    /// 2017", then "social behaviour | improvement" (an A5 page). "Requires" stands just before the year (at `year`),
    /// and the next line is the question's other words, naming no grade or year, then "improvement" in a cell of its
    /// own, ending the line. The word after that line and the question's words on it (the caller asks that they name
    /// no other question), or nil.
    /// So too "Requires improve-" / "ment" (a hyphenated page): the next line's last word is then the rest of
    /// "improvement" exactly.
    private static func wrappedRequiresImprovement(_ words: [Word], before year: Int) -> (end: Int, rest: Range<Int>)? {
        // The opening of "improvement" that hyphenation broke off before the year, if any.
        let opening = year >= 2 && words[year - 2].text.equals(ignoringASCIICase: "requires") ? brokenImprovementOpening(words[year - 1].text) : nil
        guard opening != nil || words[year - 1].text.equals(ignoringASCIICase: "requires"), year + 1 < words.count,
              case let line = words[year + 1].line, line != words[year].line else { return nil }
        var end = year + 1
        while end < words.count, words[end].line == line { end += 1 }
        let last = end - 1
        let closes = opening.map { $0 + Array(words[last].text.lowercased().utf8) == Self.improvement } ?? isImprovement(words[last].text)
        // The rest in a cell of its own; or, where the line's cells ran together one space apart (pdfplumber's text:
        // "people ment"), after no more words than a question's wrapped line holds, none ending a sentence.
        let rest = (year + 1)..<last
        guard closes, last == year + 1 || words[last - 1].token != words[last].token
                || (rest.count <= 4 && !rest.contains { words[$0].text.hasSuffix(".") || words[$0].text.hasSuffix(":") }) else { return nil }
        guard !rest.contains(where: { Phrases.grade(words, at: $0) != nil || Phrases.year(words[$0]) != nil }) else { return nil }
        return (end, rest)
    }

    /// The grade on the next non-blank line, if that line is one. A short line that is not a known grade
    /// where one stands is an error naming the line; a sentence means no grade was printed there.
    private static func gradeOnNextLine(_ lines: NormalisedLines, after index: Int, required: Bool = true, problems: inout [ParseProblem]) -> (Grade, Int)? {
        // A heading's footnote reference or a page's number may stand alone between it and its grade (`pdftohtml -c`
        // places the superscript "1" of "Overall judgment¹" apart): up to two bare numbers are passed over.
        var skipped = 0
        guard let next = lines[(index + 1)...].prefix(8).first(where: {
            if $0.isBlank { return false }
            if skipped < 2, $0.isBareNumber { skipped += 1; return false }
            return true
        }) else { return nil }
        if let grade = Grade(printed: next.text) { return (grade, next.number) }
        // Only a required grade is checked for: the words of the (often long) line are counted only then.
        if required && next.text.split(separator: " ").count <= 3 && next.text.allSatisfy({ $0.isLetter || $0 == " " }) && !next.isHeading
            && !["summary", "overall judgment", "summary of findings"].contains(next.text.lowercased()) {
            problems.append(ParseProblem(.error, line: next.number, "unknown grade \"\(next.text)\""))
        }
        return nil
    }

    /// One judgment per question: the best-ranked source wins where the sources agree; where two grade it differently,
    /// neither is read, said.
    private static func choose(_ candidates: [Candidate], forceID: String?, scale: GradeScale, problems: inout [ParseProblem]) -> [Judgment] {
        var chosen: [Question: Candidate] = [:]
        /// Questions two places grade differently: which is right cannot be known (a heading an extractor mangled
        /// leaves its section's grade under the question before), so neither is kept.
        var disputed: Set<Question> = []
        for candidate in candidates {
            guard onScale(candidate.grade, scale, line: candidate.line, problems: &problems) else { continue }
            guard let current = chosen[candidate.question] else {
                chosen[candidate.question] = candidate
                continue
            }
            if current.grade != candidate.grade {
                problems.append(ParseProblem(.error, line: candidate.line,
                    "\(candidate.question.rawValue) graded \(candidate.grade.rawValue) here but \(current.grade.rawValue) at line \(current.line): neither is read"))
                disputed.insert(candidate.question)
            }
            if candidate.source > current.source { chosen[candidate.question] = candidate }
        }
        return Question.allCases.compactMap { question in
            guard !disputed.contains(question) else { return nil }
            return chosen[question].map {
                Judgment(forceID: forceID, question: question, grade: $0.grade, scale: scale, lastInspected: $0.lastInspected, line: $0.line)
            }
        }
    }

    /// A grade word outside the report's scale ("Adequate" in a four-point year) is an error naming its line.
    static func onScale(_ grade: Grade, _ scale: GradeScale, line: Int, problems: inout [ParseProblem]) -> Bool {
        guard grade != .ungraded, grade.rank(on: scale) == nil else { return true }
        problems.append(ParseProblem(.error, line: line, "grade \"\(grade.rawValue)\" is not on the \(scale.rawValue) scale of this report"))
        return false
    }

    // MARK: National overview

    /// The all-force table: "Force", the questions' wordings (one column each), then a row per force: its name and
    /// one grade per question. Read as words, so rows split over lines, cells one per line and page breaks read
    /// the same; a repeated header on a new page is passed over. One judgment per cell.
    static func nationalTable(_ text: LaidOutText, registry: ForceRegistry, scale: GradeScale, into report: inout Report) {
        let lines = text.lines
        let judgmentsBefore = report.judgments.count
        var unreadHeaders = 0
        defer {
            // A national overview's table is its forces' grades: when none is found, the run says so.
            if report.judgments.count == judgmentsBefore && unreadHeaders == 0 {
                report.problems.append(ParseProblem(.warning, line: nil, "no all-force judgments table (\"Force\", then a column a question) was found"))
            }
        }
        /// The width the table's window was wrapped at, as the text wrote it, markup and all: the width 97 % of its
        /// lines keep to (pandoc leaves a long address unbroken, past the width it wraps the rest at).
        var wrapWidth: (window: Int, width: Int)?
        /// Whether the line at `at` was broken where a tool that wrapped the text at a width had to: its raw line and
        /// the next one's first word, a space between, would pass the window's wrapping width. (pandoc's Markdown,
        /// "`<b>`{=html}Good`</b>`{=html} `<b>`{=html}Hertfordshire`</b>`{=html}": a full line that is short once its
        /// marks are gone.)
        func brokenAtWidth(_ at: Int) -> Bool {
            if wrapWidth?.window != index {
                let window = index..<min(lines.count, index + 400)
                let widths = window.filter { !lines[$0].isBlank }.compactMap { text.rawLine($0)?.width }.sorted()
                wrapWidth = (index, widths.isEmpty ? 0 : widths[widths.count * 97 / 100])
            }
            var next = at + 1
            while next < lines.count && lines[next].isBlank { next += 1 }
            guard next < lines.count, let line = text.rawLine(at), let following = text.rawLine(next) else { return false }
            return line.width + 1 + following.firstWordWidth > wrapWidth!.width
        }
        /// Whether the lines numbered `first` to `last` are prose: each one cell (no columns, so no cell was joined to
        /// another line's), and each but the last longer than a row's name or grade cells are (a line the text's
        /// wrapping broke; proportional fonts leave no exact width to measure it by), or broken where the text's
        /// wrapping width was full.
        func proseLines(_ first: Int, _ last: Int) -> Bool {
            guard var index = lines.firstIndex(where: { $0.number == first }) else { return false }
            while index < lines.count, lines[index].number <= last {
                if !lines[index].isBlank {
                    guard !lines[index].holdsTab, text.cells(index).count == 1 else { return false }
                    if lines[index].number < last && lines[index].byteCount < Self.fullProseLine && !brokenAtWidth(index) { return false }
                }
                index += 1
            }
            return true
        }
        /// The display column the widest line of the table's window ends at (a page's width in `pdftotext -layout`).
        var widestLine: (window: Int, end: Int)?
        /// Whether the lines numbered `first` to `last` were each broken where the page was full: each but the last
        /// ends so near the window's widest line that the next line's first word could not follow it.
        func filledLines(_ first: Int, _ last: Int) -> Bool {
            guard var at = lines.firstIndex(where: { $0.number == first }) else { return false }
            if widestLine?.window != index {
                let window = index..<min(lines.count, index + 400)
                widestLine = (index, window.lazy.map { text.cells($0).last?.endColumn ?? 0 }.max() ?? 0)
            }
            let widest = widestLine!.end
            while at < lines.count, lines[at].number < last {
                var next = at + 1
                while next < lines.count && lines[next].isBlank { next += 1 }
                guard next < lines.count, let end = text.cells(at).last?.endColumn,
                      let word = text.cells(next).first?.text.split(separator: " ").first else { return false }
                if (end + 1 + word.unicodeScalars.count) * 100 <= widest * 95 { return false }
                at = next
            }
            return true
        }
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            // "Force" in its own cell, or one space from the first question's number where the columns are one space
            // apart (tabs expanded to their stops): "Force Q1. Preventing …". The header's words decide the rest. (A
            // line that only opens with the word, "Force in numbers", is passed here: the words of 400 lines were made
            // for each before.)
            guard lines[index].textHasPrefix(ignoringASCIICase: "force"), lines[index].withText(Self.forceThenQuestion)
                    || text.cells(index).first.map({ $0.text.equals(ignoringASCIICase: "force") }) == true else { continue }
            let words = text.tokens(index..<min(lines.count, index + 400)).words
            let (judgmentsRead, problemsRead) = (report.judgments.count, report.problems.count)
            let aligned = { () -> ([Question], Int)? in
                guard let (questions, rowLine) = alignedHeader(text, at: index, registry: registry),
                      let row = words.firstIndex(where: { $0.line >= rowLine }) else { return nil }
                return (questions, row)
            }
            guard let (questions, afterHeader) = header(words, from: 0, registry: registry) ?? aligned() else {
                // A header ("Force", then "Q1." …) whose columns cannot be told apart: the rows under it are not read.
                if words.prefix(80).contains(where: { questionNumber($0.text) != nil }) {
                    unreadHeaders += 1
                    report.problems.append(ParseProblem(.error, line: lines[index].number, "an all-force judgments table here was not read: which column is which question cannot be told from its header (its columns run together, or are printed one after another)"))
                }
                continue
            }
            // The table is read from the first 400 lines; where its words run out inside it (each cell a block of its
            // own, a blank line after it, makes a row twenty lines), again from four times as many, and so on. It ran
            // out inside it where it stopped within a row's words (a name, five two-word grades) of the words' end: a
            // name whose grades the lines left out stops the table as prose after it would.
            var span = 400
            var (rows, position) = nationalRows(words, from: afterHeader, questions: questions, registry: registry, scale: scale,
                                                proseLines: proseLines, filledLines: filledLines, into: &report)
            var read = words
            while read.count - position <= 16, index + span < lines.count, span < 25_600 {
                report.judgments.removeSubrange(judgmentsRead...)
                report.problems.removeSubrange(problemsRead...)
                span *= 4
                read = text.tokens(index..<min(lines.count, index + span)).words
                (rows, position) = nationalRows(read, from: afterHeader, questions: questions, registry: registry, scale: scale,
                                                proseLines: proseLines, filledLines: filledLines, into: &report)
            }
            // Cells wrapped in narrow columns, words broken by hyphenation ("Bedford-" / "shire"): read by where the cells
            // stand, where that reads more of the table than its words did. Tried only where the words left rows out,
            // said, or stopped at a line that opens like a row (a table read whole is not read twice).
            let stoppedAtRow = position < read.count
                && lines.firstIndex(where: { $0.number == read[position].line }).map { Self.opensRow(text.cells($0)) } == true
            if report.problems.count > problemsRead || rows == 0 || stoppedAtRow, afterHeader < read.count, let rowIndex = lines.firstIndex(where: { $0.number == read[afterHeader].line }) {
                var grid = report
                grid.judgments.removeSubrange(judgmentsRead...)
                grid.problems.removeSubrange(problemsRead...)
                if let (_, last) = gridRows(text, from: rowIndex, questions: questions, registry: registry, scale: scale, into: &grid),
                   grid.judgments.count > report.judgments.count {
                    report = grid
                    index = last
                    continue
                }
            }
            if rows > 0, position > 0, let last = lines.firstIndex(where: { $0.number == read[position - 1].line }) { index = last }
        }
    }

    /// "Force Q1. …", or with a bar between the cells ("Force | Q1. …", a Markdown table without its outer pipes): the
    /// header of a table whose columns are one space apart, which has no cell "Force" of its own.
    static func forceThenQuestion(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 8, bytes[5] == UInt8(ascii: " ") else { return false }
        var question = 6
        // A bar between: the word after "Force" (up to its space) is one.
        if let space = bytes[6...].prefix(4).firstIndex(of: UInt8(ascii: " ")), Word.isCellRule(bytes[6..<space]) { question = space + 1 }
        return question + 1 < bytes.count && bytes[question] | 0x20 == UInt8(ascii: "q") && bytes[question + 1] &- 0x30 < 10
    }

    /// Whether a row's grades, run together one space apart, are its printed line broken only where a grade of more
    /// than one word wrapped: inside such a grade, or just after one that was broken inside. The first grade stands on
    /// the force name's line.
    private static func brokenOnlyAtWrappedGrades(_ words: [Word], _ spans: [Range<Int>], nameLine: Int) -> Bool {
        guard let first = spans.first, words[first.lowerBound].line == nameLine else { return false }
        for (index, span) in spans.enumerated() where index > 0 && words[span.lowerBound].line != words[span.lowerBound - 1].line {
            let before = spans[index - 1]
            if words[before.lowerBound].line == words[before.upperBound - 1].line { return false }
        }
        return true
    }

    /// The shortest line taken for one the text's wrapping broke (a row's name and grade cells are shorter).
    static let fullProseLine = 25

    /// The rows of an all-force table from word `start` (after its header): a force name and one grade per question each;
    /// a header repeated on a new page is passed over. Returns the rows read and the word after the last one read.
    /// `proseLines(first, last)`: whether the lines numbered so are prose, wrapped (a table printed as a paragraph);
    /// `filledLines(first, last)`: whether each but the last was broken where the page was full.
    private static func nationalRows(_ words: [Word], from start: Int, questions: [Question], registry: ForceRegistry, scale: GradeScale,
                                     proseLines: (Int, Int) -> Bool, filledLines: (Int, Int) -> Bool, into report: inout Report) -> (rows: Int, end: Int) {
        var position = start
        var rows = 0
        /// A row read: its force's grades, one a question, on the line its name starts.
        func record(_ forceID: String, _ grades: [Grade], line: Int) {
            for (question, grade) in zip(questions, grades) where onScale(grade, scale, line: line, problems: &report.problems) {
                report.judgments.append(Judgment(forceID: forceID, question: question, grade: grade, scale: scale, line: line))
            }
            rows += 1
        }
        /// Where the next row starts after a row not read: the next word that starts a force name.
        func nextRow(from start: Int) -> Int {
            var next = start
            while next < words.count && Phrases.force(words, at: next, registry: registry) == nil { next += 1 }
            return next
        }
        /// Text that is no row ends the table. Where a force's row follows it at once (a running header the page
        /// furniture did not find, say), the rows from there on are lost: said, naming the line. (Not where a header
        /// of another table stands between: that table is read on its own.)
        func sayIfRowsFollow(from stop: Int) {
            let next = nextRow(from: stop)
            guard stop < words.count, next < words.count, next - stop <= 40,
                  !words[stop..<next].contains(where: { $0.text.equals(ignoringASCIICase: "force") }),
                  let (nextForce, length) = Phrases.force(words, at: next, registry: registry), Phrases.grade(words, at: next + length) != nil else { return }
            let printed = words[stop..<min(next, stop + 8)].map(\.text).joined(separator: " ")
            report.problems.append(ParseProblem(.warning, line: words[stop].line,
                                                "the all-force judgments table stops at \"\(printed)\": its rows from \(nextForce) (line \(words[next].line)) on are not read"))
        }
        while position < words.count {
            if words[position].text.equals(ignoringASCIICase: "force"), let (repeated, after) = header(words, from: position, registry: registry),
               repeated == questions {
                position = after
                continue
            }
            guard let (forceID, nameLength) = Phrases.force(words, at: position, registry: registry) else {
                if let (forceID, grades, after) = wrappedNameRow(words, from: position, questions: questions.count, registry: registry) {
                    record(forceID, grades, line: words[position].line)
                    position = after
                    continue
                }
                sayIfRowsFollow(from: position)
                break
            }
            var cursor = position + nameLength
            var grades: [Grade] = []
            /// Each grade's first word and its number of words.
            var spans: [Range<Int>] = []
            // Two grades in one cell mean a row's cells ran together with another's (a row that lost its force name,
            // joined to the one above as if it were wrapped): which grade is whose cannot be known.
            var runTogether = false
            while grades.count < questions.count, cursor < words.count, let (grade, length) = Phrases.grade(words, at: cursor) {
                if !grades.isEmpty && words[cursor].token == words[cursor - 1].token { runTogether = true }
                grades.append(grade)
                spans.append(cursor..<(cursor + length))
                cursor += length
            }
            let line = words[position].line
            if grades.count < questions.count, words[position + nameLength - 1].line == line,
               let (collapsed, after) = collapsedRow(words, from: position + nameLength, questions: questions.count) {
                grades = collapsed
                cursor = after
                runTogether = false
            }
            // A sentence that starts with a force name: the table has ended. (Not a row whose cells ran together and
            // whose first grade is wrapped, "Requires" alone, that was not read: the rows after it are.)
            if grades.isEmpty && !(cursor < words.count && words[cursor].line == line && words[cursor].text.equals(ignoringASCIICase: "requires")) {
                // Unless the name found is the first words of one wrapped in its column ("City" of "City of Lon-" /
                // "don": "City" names the force too).
                if let (forceID, grades, after) = wrappedNameRow(words, from: position, questions: questions.count, registry: registry) {
                    record(forceID, grades, line: words[position].line)
                    position = after
                    continue
                }
                sayIfRowsFollow(from: cursor)
                break
            }
            // Unless the row is its line, whole: the force's name and one grade per question, on one line with
            // nothing after them. Then the grades are one space apart in the grid (tabs expanded to their stops),
            // and each is the next question's. So too a row printed as one line that the extractor broke only
            // inside a wrapped grade or just after one (pypdf: "Avon and Somerset Good Requires", "improvement",
            // "Requires", "improvement", "Good Requires", "improvement"), when no grade follows it.
            if runTogether && grades.count == questions.count && (cursor == words.count || words[cursor].line != words[cursor - 1].line) {
                let wholeLine = words[position..<cursor].allSatisfy { $0.line == line }
                let noGradeAfter = cursor == words.count
                    || (Phrases.grade(words, at: cursor) == nil && !words[cursor].text.equals(ignoringASCIICase: "requires"))
                if wholeLine || (noGradeAfter && Self.brokenOnlyAtWrappedGrades(words, spans, nameLine: line)) { runTogether = false }
            }
            // A table printed as a paragraph (Markdown's tab-separated rows as one paragraph, wrapped): rows run on from
            // line to line in reading order, with no columns whose cells could have been joined across rows. The row is
            // its name and one grade a question, the next word a name or the table's end.
            if runTogether, grades.count == questions.count, cursor == words.count
                || (Phrases.grade(words, at: cursor) == nil && !words[cursor].text.equals(ignoringASCIICase: "requires")
                    && !isImprovement(words[cursor].text)),
               proseLines(line, words[cursor - 1].line) {
                runTogether = false
            }
            // A row the page's width wrapped (a word processor's page of the plain text, its tab stops set apart by as
            // little as a space: "Bedfordshire  Requires improvement  Good Inadequate Requires" / "improvement Requires
            // improvement"): each of its lines but the last broken where the page was full, grades run together only
            // along a line (no cell joined across lines, as a row that lost its name is joined to the one above), the
            // row opens its line, its last grade ends one, and no grade follows. Its lines hold its words and nothing
            // else, in the order they were written. (Not lines broken where a cell ends, as reading-order extraction
            // breaks them: there a row's grades may be set among another's.)
            if runTogether, grades.count == questions.count, position == 0 || words[position - 1].line != line,
               cursor == words.count || (words[cursor].line != words[cursor - 1].line && Phrases.grade(words, at: cursor) == nil
                                         && !words[cursor].text.equals(ignoringASCIICase: "requires")
                                         && !isImprovement(words[cursor].text)),
               spans.indices.dropFirst().allSatisfy({ index in
                   let (first, lastBefore) = (words[spans[index].lowerBound], words[spans[index - 1].upperBound - 1])
                   return first.token != lastBefore.token || first.line == lastBefore.line
               }), filledLines(line, words[cursor - 1].line) {
                runTogether = false
            }
            if runTogether {
                report.problems.append(ParseProblem(.error, line: line, "the cells of \(forceID)'s row run together with another row's: not read"))
                position = nextRow(from: cursor)
                continue
            }
            guard grades.count == questions.count else {
                // Another force's name among a row's cells, each on a line of its own: the table is printed in an
                // order that is not a row at a time (pdfminer's boxes: a column's cells among the rows'), and the
                // rows read after it would take grades from other rows and columns. The table ends here.
                if cursor < words.count, words[cursor - 1].line != line, Phrases.force(words, at: cursor, registry: registry) != nil {
                    let printed = words[position..<min(words.count, cursor + 2)].map(\.text).joined(separator: " ")
                    report.problems.append(ParseProblem(.error, line: line, "another force's name among \(forceID)'s grades (\"\(printed)\"): the all-force judgments table is not printed a row at a time, and is read no further"))
                    break
                }
                let printed = words[cursor..<min(words.count, cursor + 2)].map(\.text).joined(separator: " ")
                report.problems.append(ParseProblem(.error, line: line, "unknown grade \"\(printed)\" for \(forceID) \(questions[grades.count].rawValue)"))
                position = nextRow(from: cursor)
                continue
            }
            // A grade more on the row's last line: which of them are this row's cannot be known. The row is left
            // out with its error, and the rows after it are read (ending the table there lost them unsaid).
            if cursor < words.count, words[cursor].line == words[cursor - 1].line, Phrases.grade(words, at: cursor) != nil {
                report.problems.append(ParseProblem(.error, line: line, "\(forceID)'s row has more grades than the table has questions: not read"))
                position = nextRow(from: cursor)
                continue
            }
            record(forceID, grades, line: line)
            position = cursor
        }
        return (rows, position)
    }
    /// A table header from word `start` ("Force"): the questions its columns name, in order, and the word after it
    /// (where the first force name starts). Nil unless every column between names a distinct question.
    private static func header(_ words: [Word], from start: Int, registry: ForceRegistry) -> ([Question], Int)? {
        var end = start + 1
        while end < words.count, end - start < 80, Phrases.force(words, at: end, registry: registry) == nil {
            // No header names a grade: one on a line of its own opens the first row, whose force name wrapped in its
            // column ("Avon and Good Requires …", `wrappedNameRow`): the row starts with that line.
            if words[end].line != words[start].line, Phrases.grade(words, at: end) != nil || words[end].text.equals(ignoringASCIICase: "requires") {
                while end - 1 > start, words[end - 1].line == words[end].line { end -= 1 }
                break
            }
            end += 1
        }
        guard end < words.count, end - start < 80 else { return nil }
        // Columns are "Q1. …" … "Q4. …" and "Overall …": split the header's words there.
        var columns: [[Substring]] = []
        for word in words[(start + 1)..<end] {
            let lower = word.text.lowercased()
            if (lower.count == 3 && lower.hasPrefix("q") && lower.hasSuffix(".")) || lower == "overall" { columns.append([]) }
            if columns.isEmpty { return nil }
            columns[columns.count - 1].append(word.text)
        }
        // A word hyphenation broke and the layout joined again ("Pre-venting", "vulner-able") read without its hyphen too.
        let questions = columns.compactMap(Phrases.cellQuestion)
        guard questions.count >= 2, questions.count == columns.count, Set(questions).count == questions.count else {
            return (collapsedHeader(words[start..<end]) ?? markedHeader(words[start..<end])).map { ($0, end) }
        }
        return (questions, end)
    }

    /// A header whose cells' lines were set among one another (Chromium's reading order: "Q1. Preventing crime Q2.
    /// Investigating", "and anti-social", "crime and managing" …), so a column's words cannot be gathered. Each column's
    /// title opens with its marker and its own words: the marker ("Q1." … "Qn." in order, "Overall" last) and the words
    /// after it on its line up to the next marker, "Q1. Preventing crime", "Q4. Tackling serious", name the column's
    /// question. Read only if each marker's words name one question, and no question is named twice; else nil.
    private static func markedHeader(_ words: ArraySlice<Word>) -> [Question]? {
        var questions: [Question] = []
        for (index, word) in zip(words.indices, words) {
            let question: Question
            if word.text.equals(ignoringASCIICase: "overall") {
                question = .overall
            } else if let number = questionNumber(word.text) {
                guard !questions.contains(.overall), number == questions.count + 1 else { return nil }
                var named: Set<Question> = []
                let titleWords = words[(index + 1)...].prefix {
                    $0.line == word.line && questionNumber($0.text) == nil && !$0.text.equals(ignoringASCIICase: "overall")
                }
                for next in titleWords { if let key = keyQuestion(next.text) { named.insert(key) } }
                guard named.count == 1, let only = named.first, only != .overall else { return nil }
                question = only
            } else {
                continue
            }
            guard !questions.contains(question) else { return nil }
            questions.append(question)
        }
        return questions.count >= 2 ? questions : nil
    }

    /// A header whose columns ran together on every line, one space apart (pdfplumber's text: "Force Q1. Preventing
    /// Q2. Investigating Q3. Q4. Tackling Overall", then "crime and crime and Protecting serious and effectiveness" …),
    /// so no column's words can be told from the next one's. The columns are the markers of the first line ("Q1." …
    /// "Overall"); what is known is that on every line the columns' words stand in the columns' order. Each question's
    /// own words (`keyQuestion`) are placed: on the first line under the marker before them, on the others only in
    /// that order. The header is read only if exactly one way of giving each column one of the questions named fits
    /// every line; else it is not read (nil).
    private static func collapsedHeader(_ words: ArraySlice<Word>) -> [Question]? {
        guard let firstLine = words.first?.line else { return nil }
        var columns = 0
        var placed: [Question: Int] = [:]  // the column a first-line word puts its question in
        var lineOrders: [[Question]] = []  // the other lines' questions, in the order their words stand
        var named: [Question] = []
        var line = firstLine
        for word in words.dropFirst() {  // "Force"
            if word.line == firstLine, let number = questionNumber(word.text) ?? (word.text.equals(ignoringASCIICase: "overall") ? columns + 1 : nil) {
                // Markers number the columns in order: "Q1." … "Qn.", then "Overall".
                guard number == columns + 1 else { return nil }
                columns += 1
            }
            guard let question = keyQuestion(word.text) else { continue }
            if !named.contains(question) { named.append(question) }
            if word.line == firstLine {
                guard columns > 0, placed[question, default: columns] == columns else { return nil }
                placed[question] = columns
            } else {
                if word.line != line || lineOrders.isEmpty { lineOrders.append([]) }
                if lineOrders[lineOrders.count - 1].last != question { lineOrders[lineOrders.count - 1].append(question) }
            }
            line = word.line
        }
        guard columns >= 2, named.count == columns else { return nil }
        // Every assignment of the questions named to the columns (at most 6! of them), kept if it fits.
        var found: [Question]?
        func fits(_ order: [Question]) -> Bool {
            for (question, column) in placed where order[column - 1] != question { return false }
            for questions in lineOrders {
                let columnsInOrder = questions.map { order.firstIndex(of: $0)! }
                if zip(columnsInOrder, columnsInOrder.dropFirst()).contains(where: { $0 >= $1 }) { return false }
            }
            return true
        }
        var ambiguous = false
        func assign(_ order: [Question], _ rest: [Question]) {
            guard !ambiguous else { return }
            if rest.isEmpty {
                if fits(order) {
                    if found != nil { ambiguous = true } else { found = order }
                }
                return
            }
            for (index, question) in rest.enumerated() {
                var remaining = rest
                remaining.remove(at: index)
                assign(order + [question], remaining)
            }
        }
        assign([], named)
        return ambiguous ? nil : found
    }

    /// A header whose cells run together on a line but whose words stand over the columns of the rows under it, as text
    /// browsers draw an HTML table: links one space apart ("Q1. Preventing Q2. Investigating Q3."), elinks and w3m
    /// centred, "Force" on the second of the header's lines. A word belongs to the column whose first row's cell starts
    /// at or before it (the next one's starts after it). Read only if "Force" alone stands over the names and each other
    /// column holds one marker ("Q1." … "Overall", in order) and names one question, no two the same; else nil.
    /// `index` is the line "Force" stands on. Returns the questions and the number of the first row's line.
    static func alignedHeader(_ text: LaidOutText, at index: Int, registry: ForceRegistry) -> (questions: [Question], rowLine: Int)? {
        let lines = text.lines
        /// Whether a line's first cell opens with a force's name (a name column as narrow as the longest name runs into
        /// the first grade: "Avon and Somerset Good"), and whether the name is all of it.
        func name(_ line: Int) -> (opens: Bool, whole: Bool) {
            guard let cell = text.cells(line).first else { return (false, false) }
            let words = cell.text.split(separator: " ").map { Word(text: $0, line: lines[line].number, token: 0) }
            guard let (_, length) = Phrases.force(words, at: 0, registry: registry) else { return (false, false) }
            return (true, length == words.count)
        }
        // The header ends where the first row opens; the columns are those of the first row whose name is a cell of its
        // own, with a cell a column (within a few lines).
        var firstRow = index + 1
        while firstRow < lines.count, firstRow <= index + 6, !name(firstRow).opens { firstRow += 1 }
        var row = firstRow
        while row < lines.count, row <= firstRow + 6, !(text.cells(row).count >= 3 && name(row).whole) { row += 1 }
        guard row < lines.count, row <= firstRow + 6 else { return nil }
        let starts = text.cells(row).map(\.column)
        // The header opens on the line of its first marker, "Q1.", at most three lines above "Force"'s, no blank between.
        guard let first = (max(0, index - 3)...index).reversed().prefix(while: { !lines[$0].isBlank })
                .first(where: { text.cells($0).contains { $0.text.split(separator: " ").contains { questionNumber($0) == 1 } } }) else { return nil }
        var columns = Array(repeating: [Substring](), count: starts.count)
        for line in first..<firstRow where !lines[line].isBlank {
            for cell in text.cells(line) {
                for word in cell.placedWords().words where !word.text.isEmpty {
                    columns[starts.lastIndex(where: { $0 <= word.column }) ?? 0].append(word.text)
                }
            }
        }
        guard columns[0].count == 1, columns[0][0].equals(ignoringASCIICase: "force") else { return nil }
        var questions: [Question] = []
        for (number, words) in columns.enumerated().dropFirst() {
            // The column's marker is its first word: the markers stand on the header's first line.
            guard let marker = words.first, questionNumber(marker) ?? (marker.equals(ignoringASCIICase: "overall") ? number : 0) == number,
                  !words.dropFirst().contains(where: { questionNumber($0) != nil || $0.equals(ignoringASCIICase: "overall") }),
                  let question = Phrases.cellQuestion(words) ?? Self.questionBrokenInWords(words), !questions.contains(question) else { return nil }
            questions.append(question)
        }
        return questions.count >= 2 ? (questions, lines[firstRow].number) : nil
    }

    /// The one question a header column's words name once the spaces between them are taken out: a cell too narrow
    /// for its words breaks them with no hyphen ("Preventin" / "g crime", "Protecti" / "ng vulnerab" / "le people").
    private static func questionBrokenInWords(_ words: [Substring]) -> Question? {
        let named = Question.named(inRunTogether: words.joined())
        return named.count == 1 ? named[0] : nil
    }

    /// "Q3." → 3: a column marker of a judgments table header.
    static func questionNumber(_ text: Substring) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 3, bytes[0] | 0x20 == UInt8(ascii: "q"), bytes[2] == UInt8(ascii: "."), bytes[1] &- 0x30 < 10 else { return nil }
        return Int(bytes[1] &- 0x30)
    }

    /// The question a header word belongs to in every question's title: "Preventing crime and anti-social behaviour",
    /// "Protecting vulnerable people", "Tackling serious and organised crime", "Overall effectiveness judgment" … The
    /// words titles share ("crime", "and") name none.
    private static func keyQuestion(_ word: Substring) -> Question? {
        // A word hyphenation broke and the layout joined again ("Pro-tecting", "vulner-able") is read without its hyphen.
        let text = word.contains("-") && !word.hasSuffix("-") ? Substring(Phrases.withoutInnerHyphens(word)) : word
        // A word hyphenation broke at its cell's edge ("Protect-", "vulner-"): the key word it opens, by four letters or
        // more.
        if text.hasSuffix("-"), text.count >= 5, text.dropLast().allSatisfy(\.isLetter) {
            let opening = text.dropLast().lowercased()
            return keyWords.first { $0.word.hasPrefix(opening) }?.question
        }
        let lower = text.lowercased()
        return keyWords.first { $0.word == lower }?.question
    }

    /// The words `keyQuestion` knows, with their questions (a broken word's opening finds the first it opens).
    private static let keyWords: [(word: String, question: Question)] = [
        ("preventing", .preventingCrime), ("prevent", .preventingCrime), ("investigating", .investigatingCrime),
        ("investigate", .investigatingCrime), ("protecting", .protectingVulnerable), ("vulnerable", .protectingVulnerable),
        ("serious", .seriousOrganisedCrime), ("organised", .seriousOrganisedCrime), ("specialist", .specialistCapabilities),
        ("overall", .overall),
        // The rests of title words hyphenation broke after a short opening ("Pre-" / "venting", "Investi-" / "gating"),
        // which no other title word ends with.
        ("venting", .preventingCrime), ("gating", .investigatingCrime), ("tecting", .protectingVulnerable),
    ]

    /// A row whose cells ran together on its first line, one space apart, and whose wrapped grades' second words stand
    /// on the next: "Avon and Somerset Good Requires Requires Good Requires", then "improvement improvement
    /// improvement" (pdfplumber's text); or whose second words were joined to the wrong cells ("Requires improvement
    /// improvement", then "Requires": pdfplumber's layout mode, columns squeezed). "Requires" can only open "Requires
    /// improvement", and every other grade is one word, so the grades are the row's first line's grade words in order,
    /// if the line holds one a question and nothing else but "improvement", and the row holds as many "improvement"
    /// as "Requires": those the line lacks are the words after it, alone on their lines. The grades and the word after
    /// the row, or nil.
    /// So too where hyphenation broke "improvement" at its cell's edge ("Requires improve- Requires im-", then "ment
    /// provement"): each "Requires" the line leaves open is closed by the next line's words in turn, each the rest of
    /// its "improvement" exactly.
    private static func collapsedRow(_ words: [Word], from start: Int, questions: Int) -> ([Grade], Int)? {
        guard start < words.count, let (grades, requires, improvements, _, end) = lineGradeWords(words, from: start) else { return nil }
        var index = end
        guard requires > 0, improvements <= requires, grades.count == questions else { return nil }
        guard requires > improvements else { return (grades, index) }
        if let broken = brokenImprovements(words, from: start, end: end) {
            guard let after = closingLines(words, from: index, open: broken) else { return nil }
            index = after
        } else {
            for _ in improvements..<requires {
                guard index < words.count, isImprovement(words[index].text) else { return nil }
                index += 1
            }
        }
        // The last "improvement" ends its line.
        guard index == words.count || words[index].line != words[index - 1].line else { return nil }
        return (grades, index)
    }

    private static let improvement = Array("improvement".utf8)

    /// The lines after a row's first line that close the grades it left open (`open`: each "Requires" not closed, in
    /// order, with the opening of "improvement" after it, `brokenImprovements`), a typesetter's narrow cells each a line
    /// more: on each line one word for each grade still open, in order, that goes on with its opening, "provement" after
    /// "im-", or "improve-" (open on the next line) then "ment" after a bare "Requires". Nothing else may stand on the
    /// lines. `onLine`: the line the first of them goes on (after a name's end), else the one after the row's first
    /// line. The word after the last of them, or nil.
    private static func closingLines(_ words: [Word], from start: Int, open: [[UInt8]], onLine: Int? = nil) -> Int? {
        var open = open
        var index = start
        var first = true
        while !open.isEmpty {
            defer { first = false }
            guard index < words.count else { return nil }
            let line = words[index].line
            if first, let onLine {
                guard line == onLine else { return nil }
            } else {
                guard index == 0 || line != words[index - 1].line else { return nil }
            }
            var stillOpen: [[UInt8]] = []
            for opening in open {
                guard index < words.count, words[index].line == line else { return nil }
                let word = words[index].text
                let broken = word.count >= 2 && word.hasSuffix("-")
                // A part the layout joined again across the cell's lines keeps the hyphen between ("improve-ment").
                let letters = opening + Array((broken ? word.dropLast() : Substring(Phrases.withoutInnerHyphens(word))).lowercased().utf8)
                if broken {
                    guard letters.count < improvement.count, improvement.starts(with: letters) else { return nil }
                    stillOpen.append(letters)
                } else {
                    guard letters == improvement else { return nil }
                }
                index += 1
            }
            guard index == words.count || words[index].line != line else { return nil }
            open = stillOpen
        }
        return index
    }

    /// "improvement", its case ignored, also where the layout joined it again after hyphenation broke it ("improve-ment").
    static func isImprovement(_ word: Substring) -> Bool {
        word.equals(ignoringASCIICase: "improvement") || (word.count == 12 && Phrases.withoutInnerHyphens(word) == "improvement")
    }

    /// The letters of an opening of "improvement" that hyphenation broke off ("improve-" → "improve", "im-"), or nil
    /// for any other word.
    private static func brokenImprovementOpening(_ word: Substring) -> [UInt8]? {
        guard word.count >= 3, word.hasSuffix("-") else { return nil }
        let letters = Array(word.dropLast().lowercased().utf8)
        return letters.count < improvement.count && improvement.starts(with: letters) ? letters : nil
    }

    /// Where a line's words (`start..<end`) hold an opening of "improvement" that hyphenation broke off, each "Requires"
    /// they leave open, in order, with the opening after it ("improve", "im"; none, an empty one): a "Requires" is closed
    /// by "improvement" right after it, and every "improvement" must close one so. Nil where no opening was broken off
    /// or an "improvement" stands elsewhere.
    private static func brokenImprovements(_ words: [Word], from start: Int, end: Int) -> [[UInt8]]? {
        guard words[start..<end].contains(where: { brokenImprovementOpening($0.text) != nil }) else { return nil }
        var open: [[UInt8]] = []
        var index = start
        while index < end {
            defer { index += 1 }
            guard words[index].text.equals(ignoringASCIICase: "requires") else {
                if isImprovement(words[index].text) || brokenImprovementOpening(words[index].text) != nil { return nil }
                continue
            }
            guard index + 1 < end else {
                open.append([])
                continue
            }
            let next = words[index + 1].text
            if isImprovement(next) {
                index += 1
            } else if let opening = brokenImprovementOpening(next) {
                open.append(opening)
                index += 1
            } else {
                open.append([])
            }
        }
        return open
    }

    /// The grade words of `words[start]`'s line from `start` on: "Requires" opens "Requires improvement", "improvement"
    /// closes one (on this line or a later one), every other grade is one word; nil at any other word. The grades, the
    /// "Requires" and "improvement" counted, whether every "improvement" closed a "Requires" before it, and the word after
    /// the line.
    private static func lineGradeWords(_ words: [Word], from start: Int)
        -> (grades: [Grade], requires: Int, improvements: Int, inOrder: Bool, end: Int)? {
        let line = words[start].line
        var grades: [Grade] = []
        var requires = 0, improvements = 0, inOrder = true
        var index = start
        while index < words.count, words[index].line == line {
            let word = words[index].text
            if word.equals(ignoringASCIICase: "requires") {
                grades.append(.requiresImprovement)
                requires += 1
            } else if isImprovement(word) {
                improvements += 1
                if improvements > requires { inOrder = false }
            } else if brokenImprovementOpening(word) != nil && index > start && words[index - 1].text.equals(ignoringASCIICase: "requires") {
                // An opening hyphenation broke off (`brokenImprovements`): its "Requires" stays open.
            } else {
                guard let (grade, length) = Phrases.grade(words, at: index), length == 1 else { return nil }
                grades.append(grade)
            }
            index += 1
        }
        return (grades, requires, improvements, inOrder, index)
    }

    /// A row whose force name wrapped in its column, as its grades did: "Avon and Good Requires Requires Good Requires",
    /// then "Somerset improvement improvement improvement" (a column layout whose next line starts in the name's column,
    /// so it is a row of its own to the layout stage). Read only when the first line's words before its grades begin a
    /// force's name that the next line's first words end, the first line holds one grade a question and nothing else
    /// ("Requires" can only open "Requires improvement"), and the next line holds, after the name, as many
    /// "improvement" as the first left open and nothing else. The force, its grades and the word after the row, or nil.
    private static func wrappedNameRow(_ words: [Word], from start: Int, questions: Int, registry: ForceRegistry) -> (String, [Grade], Int)? {
        guard start < words.count else { return nil }
        let line = words[start].line
        var gradesStart = start
        while gradesStart < words.count, words[gradesStart].line == line, Phrases.grade(words, at: gradesStart) == nil,
              !words[gradesStart].text.equals(ignoringASCIICase: "requires") { gradesStart += 1 }
        guard gradesStart > start, gradesStart - start <= 3, gradesStart < words.count, words[gradesStart].line == line else { return nil }
        guard let (grades, requires, improvements, inOrder, lineEnd) = lineGradeWords(words, from: gradesStart), inOrder,
              grades.count == questions, lineEnd < words.count else { return nil }
        var index = lineEnd
        // The name's end opens the next line: its first words (up to three) that make, after the first line's, a name; a
        // word hyphenation broke at the line's end joined whole ("Bedford-" / "shire"; "Dyfed-" / "Powys" keeps its own).
        let next = index, nextLine = words[next].line
        let prefix = Array(words[start..<gradesStart])
        func name(_ ending: Int) -> [Word] {
            let rest = Array(words[next..<(next + ending)])
            guard let last = prefix.last, Phrases.endsInBrokenWord(last.text, before: rest[0].text) || (last.text.hasSuffix("-") && rest[0].text.first?.isUppercase == true) else {
                return prefix + rest
            }
            let joined = joinedParts([String(last.text), String(rest[0].text)])
            return prefix.dropLast() + [Word(text: Substring(joined), line: last.line, token: last.token)] + rest.dropFirst()
        }
        var ending = 0
        for length in 1...3 where next + length <= words.count && words[next + length - 1].line == nextLine {
            let name = name(length)
            if let (_, found) = Phrases.force(name, at: 0, registry: registry), found == name.count { ending = length }
        }
        guard ending > 0, let (forceID, _) = Phrases.force(name(ending), at: 0, registry: registry) else { return nil }
        // Then the grades' second words, as many as were left open, and nothing else on the line (a word broken at a
        // cell's edge, "im-" / "provement", closes on the lines below as `closingLines` reads them).
        index = next + ending
        if let broken = brokenImprovements(words, from: gradesStart, end: lineEnd) {
            guard let after = closingLines(words, from: index, open: broken, onLine: nextLine) else { return nil }
            return (forceID, grades, after)
        }
        for _ in 0..<(requires - improvements) {
            guard index < words.count, words[index].line == nextLine, isImprovement(words[index].text) else { return nil }
            index += 1
        }
        guard index == words.count || words[index].line != nextLine else { return nil }
        return (forceID, grades, index)
    }

    /// "Outstanding Good Requires improvement Inadequate" over a row of counts (or each grade over its count, as a
    /// reading-order extraction gives them); the question is named by the heading or sentence just above. The same
    /// table printed twice is kept once. The grades may stand in another order ("Inadequate … Outstanding"), each count
    /// under its own; a table that does not open with "Outstanding" is read only where its counts give the 43 forces a
    /// grade each (else it may be a table's rest, its first grade lost). A "Total" column and a percentage beside each
    /// count ("35 (81%)") are passed over, the total checked.
    static func gradeDistributions(_ text: LaidOutText, into report: inout Report) {
        let lines = text.lines
        // The last line a table took: a grade's line inside it opens no other.
        var readThrough = Int.min
        for index in lines.indices where lines[index].number > readThrough && opensGradeTable(text, index) {
            let fromOutstanding = lines[index].textHasPrefix(ignoringASCIICase: "outstanding")
            // 32 lines: each cell a block of its own (a blank line after it) makes the table 16, and what follows its
            // counts is read too.
            let words = text.tokens(index..<min(lines.count, index + 32)).words
            var grades: [Grade] = []
            var counts: [(Int, Int)] = []  // (count, line)
            var position = 0
            /// A number passed over between a count and the next grade (grade, count, grade, count …).
            var stray: Word?
            /// Each "Requires" whose "improvement" the grades' line left open (a typesetter's narrow cell, pdfplumber's
            /// text: "Requires im- Inadequate" / "provement"), with the opening after it (`closingLines`).
            var open: [[UInt8]] = []
            /// The grade at `position`, and "Requires" with "im-" or alone where its cell's next line holds the rest.
            func grade(at position: Int) -> (grade: Grade, length: Int, opening: [UInt8]?)? {
                if let (grade, length) = Phrases.grade(words, at: position) { return (grade, length, nil) }
                guard words[position].text.equals(ignoringASCIICase: "requires") else { return nil }
                let next = position + 1
                guard next < words.count, words[next].line == words[position].line else { return (.requiresImprovement, 1, []) }
                if let opening = brokenImprovementOpening(words[next].text) { return (.requiresImprovement, 2, opening) }
                return Phrases.grade(words, at: next) != nil ? (.requiresImprovement, 1, []) : nil
            }
            // Grades then counts, or grade, count, grade, count: a count right after a grade is that grade's.
            while position < words.count, let (grade, length, opening) = grade(at: position), !grades.contains(grade) {
                if let opening { open.append(opening) }
                grades.append(grade)
                position += length
                if !open.isEmpty {
                    // Its rest stands on the lines below the grades, before the counts.
                    guard position == words.count || words[position].line != words[position - 1].line else { continue }
                    guard counts.isEmpty, let after = closingLines(words, from: position, open: open) else { break }
                    open = []
                    position = after
                    continue
                }
                if counts.count == grades.count - 1, position < words.count, let count = Int(words[position].text) {
                    counts.append((count, words[position].line))
                    position += 1
                    // A page's number a reading order set among the pairs ("Requires improvement", "27", "12",
                    // "Inadequate", "4"): one number, with a grade and its count after it, is passed over, and the
                    // table read only if its counts then give every force one grade (checked below).
                    if stray == nil, position + 2 < words.count, Int(words[position].text) != nil,
                       let (next, nextLength) = Phrases.grade(words, at: position + 1), !grades.contains(next),
                       position + 1 + nextLength < words.count, Int(words[position + 1 + nextLength].text) != nil {
                        stray = words[position]
                        position += 1
                    }
                }
            }
            // Grades then a grade again: a table's header starts further on ("… judged to be" / "Good" / "Outstanding
            // Good …"), and is read from there.
            if !fromOutstanding, position < words.count, let again = grade(at: position)?.grade, grades.contains(again) { continue }
            if grades.count >= 3 { readThrough = words[position - 1].line }
            // A "Total" column after the grades: its number follows the counts.
            let total = position < words.count && words[position].text.equals(ignoringASCIICase: "total")
            if total { position += 1 }
            // A "Requires" left open whose rest the lines below did not give: the table is not read, said.
            guard open.isEmpty else {
                report.problems.append(ParseProblem(.warning, line: lines[index].number,
                                                    "grade distribution table whose \"Requires\" the lines below do not end as \"improvement\": not read"))
                continue
            }
            // All four grades, their counts every force once.
            if let stray, grades.count != 4 || counts.map(\.0).reduce(0, +) != Self.forcesGraded {
                report.problems.append(ParseProblem(.warning, line: stray.line,
                                                    "grade distribution table with a number (\(stray.text)) between a count and the next grade whose counts do not give \(Self.forcesGraded) forces a grade each: not read"))
                continue
            }
            if counts.isEmpty {
                while counts.count < grades.count, position < words.count, let count = Int(words[position].text) {
                    counts.append((count, words[position].line))
                    position += 1
                    if position < words.count, isBracketedPercent(words[position].text) { position += 1 }
                }
                if !counts.isEmpty { readThrough = max(readThrough, words[position - 1].line) }
                // A grade of the table's scale after its counts ("Outstanding Good Requires improvement", "8", "3", "32",
                // "Inadequate", "0": pdfminer's boxes, the labels' row cut and the counts out of their order): which
                // count is whose cannot be known.
                if grades.count >= 3, counts.count == grades.count, position < words.count,
                   let (next, _) = Phrases.grade(words, at: position), !grades.contains(next) {
                    report.problems.append(ParseProblem(.warning, line: words[position].line,
                                                        "grade distribution table with a grade (\(next.rawValue)) after its counts: which count is whose is not known, not read"))
                    continue
                }
            }
            // (No count at all: the grades named in a sentence, "… awarding one of four judgments: outstanding, good, …".)
            guard grades.count >= 3, !counts.isEmpty else { continue }
            guard counts.count == grades.count else {
                report.problems.append(ParseProblem(.warning, line: lines[index].number,
                    "grade distribution table with \(grades.count) grades and \(counts.count) counts read under them: not read"))
                continue
            }
            let forces = counts.map(\.0).reduce(0, +)
            if total {
                guard position < words.count, Int(words[position].text) == forces else {
                    report.problems.append(ParseProblem(.warning, line: counts[0].1,
                        "grade distribution table whose total is not its counts' sum (\(forces)): not read"))
                    continue
                }
                readThrough = max(readThrough, words[position].line)
                position += 1
            }
            guard fromOutstanding || forces == Self.forcesGraded else {
                report.problems.append(ParseProblem(.warning, line: counts[0].1,
                    "grade distribution table opening with \(grades[0].rawValue) whose counts give \(forces) forces a grade, not \(Self.forcesGraded): not read"))
                continue
            }
            // A number more where the counts end (a page's number that stayed, standing among them): which of the
            // numbers are the counts cannot be known.
            if position < words.count, Int(words[position].text) != nil {
                report.problems.append(ParseProblem(.warning, line: words[position].line,
                                                    "grade distribution table with more numbers (\(counts.count + 1) or more) than grades (\(grades.count)): not read"))
                continue
            }
            guard let question = questionAbove(lines, index) else {
                report.problems.append(ParseProblem(.warning, line: lines[index].number, "grade distribution table with no question above it"))
                continue
            }
            let countsLine = counts[0].1
            if report.gradeDistributions.contains(where: { $0.question == question }) {
                let earlier = report.gradeDistributions.filter { $0.question == question }
                let same = zip(grades, counts).allSatisfy { grade, count in earlier.contains { $0.grade == grade && $0.forces == count.0 } }
                if !same {
                    report.problems.append(ParseProblem(.warning, line: countsLine, "second \(question.rawValue) distribution differs from the one at line \(earlier[0].line)"))
                }
                continue
            }
            for (grade, count) in zip(grades, counts) {
                report.gradeDistributions.append(GradeDistribution(question: question, grade: grade, forces: count.0, line: countsLine))
            }
        }
    }

    /// The forces of England and Wales that a national overview grades on each question.
    static let forcesGraded = 43

    /// Whether the line opens a grade distribution table: "Outstanding", or another grade, capitalised, then nothing or a
    /// grade ("Inadequate", "Inadequate Requires improvement …"; not "Good progress has been made").
    private static func opensGradeTable(_ text: LaidOutText, _ index: Int) -> Bool {
        let line = text.lines[index]
        if line.textHasPrefix(ignoringASCIICase: "outstanding") { return true }
        // A header's cell is capitalised: not a heading's last word wrapped ("… judged to be" / "good").
        guard line.opening &- 0x41 < 26, line.textHasPrefix(ignoringASCIICase: "inadequate") || line.textHasPrefix(ignoringASCIICase: "good")
                || line.textHasPrefix(ignoringASCIICase: "requires") else { return false }
        let words = text.tokens(index..<(index + 1)).words
        guard let (_, length) = Phrases.grade(words, at: 0) else { return false }
        return length == words.count || Phrases.grade(words, at: length) != nil
    }

    /// "(81%)", "(7.0%)": a count's share printed beside it.
    private static func isBracketedPercent(_ word: Substring) -> Bool {
        let bytes = Array(word.utf8)
        guard bytes.count >= 4, bytes.first == UInt8(ascii: "("), bytes.last == UInt8(ascii: ")"), bytes[bytes.count - 2] == UInt8(ascii: "%") else { return false }
        return bytes[1..<(bytes.count - 2)].allSatisfy { $0 &- 0x30 < 10 || $0 == UInt8(ascii: ".") }
    }

    /// The question named by the text just above a table: its lines are joined upwards, nearest first (a heading may
    /// be wrapped over several), until they name one question, or a blank line or six lines have passed.
    /// "Overall effectiveness" comes first, since an overall summary sentence also names the questions that led to
    /// it; text that names two questions before one is settled names none.
    private static func questionAbove(_ lines: NormalisedLines, _ index: Int) -> Question? {
        var joined = ""
        var taken = 0
        var position = index - 1
        while position >= 0, taken < 6 {
            let line = lines[position]
            position -= 1
            if line.isBlank {
                if taken > 0 { break }
                continue
            }
            taken += 1
            joined = joined.isEmpty ? line.text : line.text + " " + joined
            let lower = joined.lowercased()
            if lower.contains("overall effectiveness") || lower.contains("overall grades") { return .overall }
            let named = Question.named(in: joined).filter { $0 != .overall }
            if named.count == 1 { return named[0] }
            if named.count > 1 { return nil }
        }
        return nil
    }
}
