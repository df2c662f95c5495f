import PeelText

/// Grades from the three layouts the parser knows.
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

    static func forceReport(_ lines: [NormalisedLine], forceID: String?, scale: GradeScale, into report: inout Report) {
        var candidates: [Candidate] = []
        var currentQuestion: Question?
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let text = line.text
            defer { index += 1 }
            if line.isBlank || isContentsLine(text) { continue }

            // 2016–17: "Overall effectiveness 2017  Requires improvement".
            if text.hasPrefix(ignoringASCIICase: "overall effectiveness ") && !text.isTableRow {
                // Most such lines are sentences: an ASCII line whose third word is no year is passed over
                // without splitting it all into words.
                if text.isASCII && !Self.thirdWordIsYear(text) { continue }
                let rest = text.split(separator: " ").dropFirst(2)
                if let year = rest.first.flatMap({ Int($0) }), (2014...2099).contains(year) {
                    let gradeText = rest.dropFirst().joined(separator: " ")
                    if let grade = Grade(printed: gradeText) {
                        candidates.append(Candidate(question: .overall, grade: grade, lastInspected: nil, line: line.number, source: .table))
                    } else if !gradeText.isEmpty {
                        report.problems.append(ParseProblem(.error, line: line.number, "unknown grade \"\(gradeText)\" for overall effectiveness"))
                    }
                }
                continue
            }
            // 2016–17 judgments table: "Question<TAB>Grade<TAB>Last inspected", one row per question.
            if text.hasPrefix(ignoringASCIICase: "question"), text.isTableRow, case let cells = text.cells,
               cells.count >= 2 && cells[0].equals(ignoringASCIICase: "question") && cells[1].equals(ignoringASCIICase: "grade") {
                index = readJudgmentsTable(lines, after: index, into: &candidates, problems: &report.problems) - 1
                continue
            }
            // 2015: question headings; "Overall judgment" and "Summary of findings" are followed by the grade.
            if text.hasPrefix(ignoringASCIICase: "how effective is the force") || text.hasPrefix(ignoringASCIICase: "overview – how effective")
                || text.hasPrefix(ignoringASCIICase: "overview - how effective") {
                currentQuestion = Question(wording: text)
                if let (grade, gradeLine) = gradeOnNextLine(lines, after: index, required: false, problems: &report.problems), let question = currentQuestion {
                    candidates.append(Candidate(question: question, grade: grade, lastInspected: nil, line: gradeLine, source: .heading))
                }
                continue
            }
            if text.equals(ignoringASCIICase: "overall judgment") || text.equals(ignoringASCIICase: "overall judgement") {
                if let (grade, gradeLine) = gradeOnNextLine(lines, after: index, problems: &report.problems) {
                    candidates.append(Candidate(question: .overall, grade: grade, lastInspected: nil, line: gradeLine, source: .summary))
                }
                continue
            }
            if text.equals(ignoringASCIICase: "summary of findings"), let question = currentQuestion {
                if let (grade, gradeLine) = gradeOnNextLine(lines, after: index, problems: &report.problems) {
                    candidates.append(Candidate(question: question, grade: grade, lastInspected: nil, line: gradeLine, source: .summary))
                }
                continue
            }
        }
        report.judgments = choose(candidates, forceID: forceID, scale: scale, problems: &report.problems)
    }

    /// Whether the third space-separated word of an ASCII line is a year from 2014 on, as read below.
    private static func thirdWordIsYear(_ text: String) -> Bool {
        let bytes = text.utf8
        var index = bytes.startIndex
        var word = 0
        while index < bytes.endIndex {
            while index < bytes.endIndex && bytes[index] == 0x20 { index = bytes.index(after: index) }
            let start = index
            while index < bytes.endIndex && bytes[index] != 0x20 { index = bytes.index(after: index) }
            guard start < index else { break }
            if word == 2 { return Int(Substring(bytes[start..<index])).map { (2014...2099).contains($0) } ?? false }
            word += 1
        }
        return false
    }

    /// Rows after the header until the first line that is not a row; returns the index after the table.
    private static func readJudgmentsTable(_ lines: [NormalisedLine], after header: Int, into candidates: inout [Candidate], problems: inout [ParseProblem]) -> Int {
        var index = header + 1
        while index < lines.count {
            let line = lines[index]
            let cells = line.text.cells
            if line.isBlank { index += 1; continue }
            guard cells.count >= 2, let question = Question(wording: cells[0]) else { break }
            let lastInspected = cells.count >= 3 ? Int(cells[2]) : nil
            if let grade = Grade(printed: cells[1]) {
                candidates.append(Candidate(question: question, grade: grade, lastInspected: lastInspected, line: line.number, source: .table))
            } else {
                problems.append(ParseProblem(.error, line: line.number, "unknown grade \"\(cells[1])\" for \(question.rawValue)"))
            }
            index += 1
        }
        return index
    }

    /// The grade on the next non-blank line, if that line is one. A short line that is not a known grade
    /// where one stands is an error naming the line; a sentence means no grade was printed there.
    private static func gradeOnNextLine(_ lines: [NormalisedLine], after index: Int, required: Bool = true, problems: inout [ParseProblem]) -> (Grade, Int)? {
        guard let next = lines[(index + 1)...].prefix(8).first(where: { !$0.isBlank }) else { return nil }
        if let grade = Grade(printed: next.text) { return (grade, next.number) }
        // Only a required grade is checked for: the words of the (often long) line are counted only then.
        if required && next.text.split(separator: " ").count <= 3 && next.text.allSatisfy({ $0.isLetter || $0 == " " }) && !next.isHeading
            && !["summary", "overall judgment", "summary of findings"].contains(next.text.lowercased()) {
            problems.append(ParseProblem(.error, line: next.number, "unknown grade \"\(next.text)\""))
        }
        return nil
    }

    /// One judgment per question: the best-ranked source wins; a disagreement is reported, not hidden.
    private static func choose(_ candidates: [Candidate], forceID: String?, scale: GradeScale, problems: inout [ParseProblem]) -> [Judgment] {
        var chosen: [Question: Candidate] = [:]
        for candidate in candidates {
            guard let current = chosen[candidate.question] else {
                chosen[candidate.question] = candidate
                continue
            }
            if current.grade != candidate.grade {
                problems.append(ParseProblem(.warning, line: candidate.line,
                    "\(candidate.question.rawValue) graded \(candidate.grade.rawValue) here but \(current.grade.rawValue) at line \(current.line)"))
            }
            if candidate.source > current.source { chosen[candidate.question] = candidate }
        }
        return Question.allCases.compactMap { question in
            chosen[question].map {
                Judgment(forceID: forceID, question: question, grade: $0.grade, scale: scale, lastInspected: $0.lastInspected, line: $0.line)
            }
        }
    }

    // MARK: National overview

    /// The all-force table: "Force<TAB>Q1. Preventing crime …<TAB>…<TAB>Overall effectiveness judgment",
    /// then one row per force, possibly broken by blank lines at page breaks. One judgment per cell.
    static func nationalTable(_ lines: [NormalisedLine], registry: ForceRegistry, scale: GradeScale, into report: inout Report) {
        var index = 0
        while index < lines.count {
            let headerLine = lines[index].text
            index += 1
            guard headerLine.isTableRow else { continue }
            let header = headerLine.cells
            guard header.count >= 3, header[0].lowercased() == "force" else { continue }
            let questions = header.dropFirst().map { Question(wording: $0) }
            guard questions.allSatisfy({ $0 != nil }) else { continue }
            while index < lines.count {
                let line = lines[index]
                if line.isBlank { index += 1; continue }
                let cells = line.text.cells
                guard cells.count == header.count, let forceID = registry.id(for: cells[0]) else { break }
                for (column, question) in questions.enumerated() {
                    let printed = cells[column + 1]
                    if let grade = Grade(printed: printed) {
                        report.judgments.append(Judgment(forceID: forceID, question: question!, grade: grade, scale: scale, line: line.number))
                    } else {
                        report.problems.append(ParseProblem(.error, line: line.number, "unknown grade \"\(printed)\" for \(forceID) \(question!.rawValue)"))
                    }
                }
                index += 1
            }
        }
    }

    /// "Outstanding<TAB>Good<TAB>Requires improvement<TAB>Inadequate" over a row of counts; the question is
    /// named by the heading or sentence just above. The same table printed twice is kept once.
    static func gradeDistributions(_ lines: [NormalisedLine], into report: inout Report) {
        for (index, line) in lines.enumerated() where line.text.isTableRow {
            let cells = line.text.cells
            guard cells.count >= 3 else { continue }
            let grades = cells.map { Grade(printed: $0) }
            guard grades.allSatisfy({ $0 != nil }) else { continue }
            guard let countsLine = lines[(index + 1)...].prefix(3).first(where: { !$0.isBlank }) else { continue }
            let counts = countsLine.text.cells.map { Int($0) }
            guard counts.count == cells.count, counts.allSatisfy({ $0 != nil }) else { continue }
            guard let question = questionAbove(lines, index) else {
                report.problems.append(ParseProblem(.warning, line: line.number, "grade distribution table with no question above it"))
                continue
            }
            if report.gradeDistributions.contains(where: { $0.question == question }) {
                let earlier = report.gradeDistributions.filter { $0.question == question }
                let same = zip(grades, counts).allSatisfy { grade, count in earlier.contains { $0.grade == grade && $0.forces == count } }
                if !same {
                    report.problems.append(ParseProblem(.warning, line: countsLine.number, "second \(question.rawValue) distribution differs from the one at line \(earlier[0].line)"))
                }
                continue
            }
            for (grade, count) in zip(grades, counts) {
                report.gradeDistributions.append(GradeDistribution(question: question, grade: grade!, forces: count!, line: countsLine.number))
            }
        }
    }

    /// The question named by the nearest non-blank lines above a table: "overall effectiveness" first,
    /// since an overall summary sentence also names the questions that led to it.
    private static func questionAbove(_ lines: [NormalisedLine], _ index: Int) -> Question? {
        for line in lines[..<index].reversed().filter({ !$0.isBlank }).prefix(3) {
            let lower = line.text.lowercased()
            if lower.contains("overall effectiveness") || lower.contains("overall grades") { return .overall }
            if let question = Question(wording: line.text), question != .overall { return question }
        }
        return nil
    }
}
