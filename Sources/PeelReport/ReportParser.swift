public import PeelText
public import PeelLayout

/// Text → `Report`. Pure: the force registry comes in, values come out; no I/O, no globals.
///
/// The report kind and all metadata come from the text (the title page), never from a file name.
/// Layouts the parser knows: PEEL effectiveness 2015 (overview grades, "Summary of findings" per
/// question), 2016–17 (judgments table with "Last inspected"), and the national overview's all-force
/// table and grade distributions. Any other PEEL report is recorded with its pillar and year and an
/// `unsupported layout` problem rather than a guessed grade.
public struct ReportParser: Sendable {
    public let forces: ForceRegistry

    public init(forces: ForceRegistry) {
        self.forces = forces
    }

    public func parse(_ decoded: DecodedText) -> Report {
        // A third of entries are not PEEL reports, and their title page says so: the lines are cleaned a block
        // at a time until the title page can no longer change, and the rest only for a report.
        var text = NormalisedText(decoded, prefix: Self.titlePageBlock)
        var titlePage = TitlePage.Progress()
        while text.sourceLinesRead < decoded.lines.count {
            if titlePage.isFinal(text.lines) {
                if TitlePage.read(text.lines) == nil { return Report(reportType: .other) }
                break
            }
            text.extend(decoded, by: Self.titlePageBlock)
        }
        text.extend(decoded)
        var report = parse(text, decoded: decoded)
        Self.leaveOutCutNumber(decoded, from: &report)
        return report
    }

    /// A text that ends inside a number with no line end after it (a file cut short, a download broken off) may have
    /// lost the number's last digits ("1.2" cut to "1"): no figure is read from its last line.
    static func leaveOutCutNumber(_ decoded: DecodedText, from report: inout Report) {
        func isDigit(_ byte: UInt8?) -> Bool { byte.map { $0 &- 0x30 < 10 } ?? false }
        guard let last = decoded.lines.last, last.range.upperBound == decoded.utf8.count, let byte = decoded.utf8.last,
              isDigit(byte) || ((byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")) && isDigit(decoded.utf8.dropLast().last)) else { return }
        let cut = report.figures.filter { $0.line == last.number }
        guard !cut.isEmpty else { return }
        report.figures.removeAll { $0.line == last.number }
        report.problems.append(ParseProblem(.warning, line: last.number,
            "the text ends inside a number with no line end after it (cut short?): \(cut.map(\.metric.rawValue).joined(separator: ", ")) of its last line left out"))
    }

    /// Source lines cleaned at a time while looking for the title page (80 non-blank lines take about 150).
    static let titlePageBlock = 160

    /// Normalised text of `decoded` (tests build it in pieces): laid out, then parsed.
    public func parse(_ text: NormalisedText, decoded: DecodedText) -> Report {
        // Running titles no page break or number marks are known by the title's words, so the title is read first.
        let running = TitlePage.read(text.lines).map { TitlePage.runningTitles($0, in: text.lines) } ?? []
        return parse(LaidOutText(text, decoded: decoded, runningLines: running))
    }

    public func parse(_ whole: LaidOutText) -> Report {
        guard let title = TitlePage.read(whole.lines) else { return Report(reportType: .other) }
        // The same report's text twice in one entry (files concatenated, an extraction run twice) is read once; another
        // report's after it (texts concatenated, PDFs bound into one) is not read: its rows would be this report's.
        let again = TitlePage.titlePageAgain(after: title, in: whole.lines)
        let text = again.map { whole.prefix($0.index) } ?? whole
        let lines = text.lines
        var report = Report(reportType: title.type, pillar: title.pillar, year: title.year, title: title.title, titleLine: title.line)
        TitlePage.readMetadata(lines, into: &report)
        if title.type == .force {
            report.forceID = forces.id(for: title.subject)
            if report.forceID == nil {
                report.problems.append(ParseProblem(.error, line: title.subjectLine, "unknown force \"\(title.subject)\""))
            }
        }
        if let again, again.isOwn {
            report.problems.append(ParseProblem(.warning, line: whole.lines[again.index].number,
                "the report's title page appears again here: the text from this line on is not read, so no value is counted twice"))
        } else if let again {
            let printed = whole.lines[again.index].text
            report.problems.append(ParseProblem(.error, line: whole.lines[again.index].number,
                "another report's title page here (\"\(printed)\"): one entry holds two reports, and the text from this line on is not read (its values would be taken for this report's); give each report an entry of its own"))
        }
        guard let layout = ReportLayouts.layout(for: title) else {
            report.problems.append(ParseProblem(.warning, line: title.line, "unsupported layout: no layout reads \(title.type.rawValue) reports of \(title.pillar.rawValue) \(title.year)"))
            return report
        }
        layout.read(text, title: title, forces: forces, into: &report)
        for index in Dates.linesWithImpossibleDates(text) {
            for date in Dates.impossibleDates(in: lines[index].text) {
                report.problems.append(ParseProblem(.error, line: lines[index].number, "date \"\(date)\" cannot exist: no period is read from it"))
            }
        }
        removeRepeatedFigures(&report)
        removeUndatedBesideDated(&report)
        if report.judgments.isEmpty && report.gradeDistributions.isEmpty {
            report.problems.append(ParseProblem(.warning, line: title.line, "unsupported layout: no judgments found"))
        }
        return report
    }
}

/// One figure per (line, area, metric, qualifier): the key of the figures table. A repeat of the same value is
/// dropped; where the line gives the key two values ("In the previous year, 86.9 percent were satisfied. … 87.4
/// percent were satisfied"), which is the report's is not certain, and all are left out, said. (Two outcome types on
/// one line, a table printed as a paragraph, are two figures.)
func removeRepeatedFigures(_ report: inout Report) {
    let figures = report.figures
    // Figures grouped by line (a sort of their indices: figures share a line only with a few others), each compared
    // with the earlier ones of its line. A dictionary keyed by (line, area, metric) hashed a metric's String for every
    // figure of every report (perf).
    let byLine = figures.indices.sorted { (figures[$0].line, $0) < (figures[$1].line, $1) }
    var firstOf = [Int?](repeating: nil, count: figures.count)
    var runStart = 0
    var differing = false
    for position in byLine.indices {
        let index = byLine[position]
        if figures[index].line != figures[byLine[runStart]].line { runStart = position }
        for earlier in byLine[runStart..<position] where firstOf[earlier] == nil
            && figures[earlier].area == figures[index].area && figures[earlier].metric == figures[index].metric
            && figures[earlier].qualifier == figures[index].qualifier {
            firstOf[index] = earlier
            if figures[earlier].value != figures[index].value { differing = true }
            break
        }
    }
    // The first figures whose key the line gives another value too, with the values in the order read.
    var valuesOf: [Int: [Double]] = [:]
    if differing {
        for (index, first) in firstOf.enumerated() {
            guard let first, figures[first].value != figures[index].value || valuesOf[first] != nil else { continue }
            if valuesOf[first] == nil { valuesOf[first] = [figures[first].value] }
            if !valuesOf[first]!.contains(figures[index].value) { valuesOf[first]!.append(figures[index].value) }
        }
    }
    var kept: [Figure] = []
    kept.reserveCapacity(figures.count)
    for (index, figure) in figures.enumerated() where firstOf[index] == nil {
        if let values = valuesOf[index] {
            report.problems.append(ParseProblem(.warning, line: figure.line,
                "\(figure.metric) read with \(values.count) values on one line (\(values.map { "\($0)" }.joined(separator: " and "))): which is the report's is not certain, so none is kept"))
        } else {
            kept.append(figure)
        }
    }
    report.figures = kept
}

/// A figure whose sentence names no date ("In 2016, Gwent Police had 40 mapped organised crime groups per one million
/// population") beside one of the same key that has its date: the undated one is another time's, or the same again,
/// and is left out (said where its value differs). A label's or a table's figure whose date could not be read is the
/// report's own, and stays.
func removeUndatedBesideDated(_ report: inout Report) {
    let undated = Period()
    guard report.figures.contains(where: { $0.period == undated && $0.source == .narrative }) else { return }
    struct Key: Hashable {
        let area: Area
        let metric: Metric
        let qualifier: OutcomeType?
    }
    var dated: [Key: Figure] = [:]
    for figure in report.figures where figure.period != undated {
        let key = Key(area: figure.area, metric: figure.metric, qualifier: figure.qualifier)
        if dated[key] == nil { dated[key] = figure }
    }
    var problems: [ParseProblem] = []
    report.figures.removeAll { figure in
        guard figure.period == undated, figure.source == .narrative, let other = dated[Key(area: figure.area, metric: figure.metric, qualifier: figure.qualifier)] else { return false }
        if other.value != figure.value {
            problems.append(ParseProblem(.warning, line: figure.line,
                "\(figure.metric) \(figure.value) read without a date, beside \(other.value) dated on line \(other.line): taken for another time's, and left out"))
        }
        return true
    }
    report.problems += problems
}

/// The title page: "PEEL: Police effectiveness 2015" then "An inspection of X" or "A national overview".
enum TitlePage {
    struct Title {
        let type: ReportType
        let pillar: Pillar
        let year: Int
        let title: String
        let line: Int
        /// The force name after "An inspection of" (force reports).
        let subject: String
        let subjectLine: Int
    }

    /// How far into the text the title page may reach (PDF extractions start with blank lines and logos).
    static let titlePageLines = 80

    /// How far `isFinal` has counted: the lines no page break can take back any more, each counted once (counted from
    /// the first each block, a text of blank lines alone took seconds a megabyte, quadratic); the few after them again
    /// each time.
    struct Progress {
        private var settled = 0
        private var nonBlank = 0

        /// Whether cleaning more lines can no longer change what `read` sees. Lines are only ever appended, except
        /// that a page break removes page numbers at the end; so once a non-blank line that is no page number stands
        /// at or past the last non-blank line `read` looks at, those lines are final.
        mutating func isFinal(_ lines: NormalisedLines) -> Bool {
            if settled > lines.count { (settled, nonBlank) = (0, 0) }  // (no page break takes back so much; counted again)
            // A page break takes back only a page number among the last lines (`numberBeforeBreakReach`): those before
            // them stay as they are.
            let end = max(settled, lines.count - NormalisedText.numberBeforeBreakReach - 1)
            var count = nonBlank
            for index in settled..<lines.count {
                if index == end { (settled, nonBlank) = (end, count) }
                let line = lines[index]
                guard !line.isBlank else { continue }
                count += 1
                if count >= titlePageLines && !line.isPageNumber { return true }
            }
            if end == lines.count { (settled, nonBlank) = (end, count) }
            return false
        }
    }

    static func read(_ lines: NormalisedLines) -> Title? {
        var pending: (pillar: Pillar, year: Int, title: String, line: Int)?
        var looked = 0
        for line in lines where !line.isBlank {
            looked += 1
            if looked > titlePageLines { break }
            // A title opens with "PEEL" and its subtitle with "A" (compared on bytes, ignoring ASCII case): a line opening
            // with another byte is neither, and its text is not made.
            let opening = ASCIIBytes.lower(line.opening)
            guard opening == UInt8(ascii: "p") || (pending != nil && opening == UInt8(ascii: "a")) else {
                pending = nil  // the subtitle must follow the title directly
                continue
            }
            let text = line.text
            if let title = pending {
                if text.hasPrefix(ignoringASCIICase: "an inspection of ") {
                    let subject = String(text.dropFirst("an inspection of ".count)).trimmingCharacters(in: " .")
                    return Title(type: .force, pillar: title.pillar, year: title.year, title: "\(title.title): \(text)",
                                 line: title.line, subject: subject, subjectLine: line.number)
                }
                if text.hasPrefix(ignoringASCIICase: "a national overview") {
                    return Title(type: .national, pillar: title.pillar, year: title.year, title: "\(title.title): \(text)",
                                 line: title.line, subject: "", subjectLine: line.number)
                }
                pending = nil  // the subtitle must follow the title directly
            }
            if let (pillar, year) = peelTitle(text) { pending = (pillar, year, text, line.number) }
        }
        return nil
    }

    /// Where a title page stands after `title`'s, if one does: the index in `lines`, and whether it is the report's own
    /// again (its title line, then its subtitle within a few lines: the same text twice in one entry) or another
    /// report's ("PEEL: Police effectiveness 2017", then "An inspection of West Mercia Police" or "A national overview"
    /// as one of the next two lines: texts concatenated, PDFs bound into one). Running headers set the title and the
    /// subject on one line, and a contents page or a sentence names a report in words that are no title line.
    static func titlePageAgain(after title: Title, in lines: NormalisedLines) -> (index: Int, isOwn: Bool)? {
        guard let titleIndex = lines.firstIndex(where: { $0.number == title.line }),
              let subjectIndex = lines.firstIndex(where: { $0.number == title.subjectLine }) else { return nil }
        let titleText = lines[titleIndex].text, subjectText = lines[subjectIndex].text
        // Asked of every line of every report, and String's == compares any two lines (callgrind): texts whose first
        // bytes are ASCII and differ, whatever follows, differ (an ASCII character is a starter, which no
        // normalisation turns into another), so most lines are passed over on their first two bytes: the title's
        // own, or another title's "PE" (any case). Texts that are equal only canonically (a Kelvin sign for a "K")
        // are still compared as Strings.
        let ownTitle = lines[titleIndex]
        func mayBeOwnTitle(_ line: NormalisedLine) -> Bool {
            let opening = line.opening, second = line.secondByte
            if opening < 0x80 && ownTitle.opening < 0x80 {
                if opening != ownTitle.opening { return false }
                if second < 0x80 && ownTitle.secondByte < 0x80 && second != ownTitle.secondByte { return false }
            }
            return true
        }
        for index in (subjectIndex + 1)..<max(subjectIndex + 1, lines.count) {
            let line = lines[index]
            let mayBeOwn = mayBeOwnTitle(line)
            guard mayBeOwn || (ASCIIBytes.lower(line.opening) == UInt8(ascii: "p") && ASCIIBytes.lower(line.secondByte) == UInt8(ascii: "e"))
            else { continue }
            let text = line.text
            let next = lines[(index + 1)...].prefix(6).filter { !$0.isBlank }.prefix(2)
            if mayBeOwn && text == titleText && next.contains(where: { $0.text == subjectText }) { return (index, true) }
            if peelTitle(text) != nil,
               next.contains(where: { $0.text.hasPrefix(ignoringASCIICase: "an inspection of ") || $0.text.hasPrefix(ignoringASCIICase: "a national overview") }) {
                return (index, false)
            }
        }
        return nil
    }

    /// Running headers and footers that no page break or page number marks (a copy from a viewer of pages that carry no
    /// number), told by their words: a line after the title page naming the report's year with "PEEL" or its pillar
    /// ("PEEL: Police effectiveness 2015 – Wiltshire Police", "Wiltshire Police | PEEL 2015"), or the inspectorate's name
    /// alone ("HMIC"), standing at least three times a page apart. No heading, label or value of a report is made of
    /// those words; left in, such a line was read as an area for improvement, broke the national table at each page
    /// and stood between a question and its grade. Where the line is the whole running title ("PEEL", the year and the
    /// subject and no word but the title's and a page's number: "PEEL: Police effectiveness 2017 – West Mercia Police")
    /// once is enough, and the inspectorate's name alone twice: a short report copied without its page breaks has few
    /// pages, and half of them set the one and half the other (in a list that had lost its bullets, each was read as a
    /// finding).
    static func runningTitles(_ title: Title, in lines: NormalisedLines) -> Set<Int> {
        guard let subject = lines.firstIndex(where: { $0.number == title.subjectLine }) else { return [] }
        let year = Array(String(title.year).utf8), pillar = Array(title.pillar.rawValue.utf8), peel = Array("peel".utf8)
        // The title's and the subject's words, made for the first line that names the year and "PEEL" (most reports'
        // text has few or none): a few words each, compared in turn.
        var words: (subject: [[UInt8]], title: [[UInt8]])?
        // Asked of most short lines: read on their bytes, the year (a rare byte run) first, and only in a line long enough
        // to hold it and "PEEL".
        return LaidOutText.namedRunningLines(lines, from: subject + 1) { text in
            guard text.count >= 9, year.withUnsafeBufferPointer({ ASCIIBytes.contains(text, $0) }) else { return isInspectorate(text) ? 2 : nil }
            let namesPEEL = peel.withUnsafeBufferPointer { ASCIIBytes.contains(text, $0) }
            guard namesPEEL || (title.pillar != .integrated && pillar.withUnsafeBufferPointer { ASCIIBytes.contains(text, $0) }) else { return nil }
            guard namesPEEL else { return LaidOutText.runningLinePages }
            if words == nil {
                let subjectWords = asciiWords(title.type == .national ? "national overview".utf8 : title.subject.utf8)
                words = (subjectWords, asciiWords(title.title.utf8) + subjectWords + asciiWords("a peel".utf8))
            }
            // The whole title: every word the title's, its subject's or a number (a page's), the subject's all there.
            let lineWords = asciiWords(text)
            let wholeTitle = !words!.subject.isEmpty && words!.subject.allSatisfy(lineWords.contains)
                && lineWords.allSatisfy { words!.title.contains($0) || $0.allSatisfy { $0 &- 0x30 < 10 } }
            return wholeTitle ? 1 : LaidOutText.runningLinePages
        }
    }

    /// The runs of ASCII letters and digits of `text`, letters lowercased ("Dyfed-Powys Police" → dyfed, powys, police).
    static func asciiWords(_ text: some Collection<UInt8>) -> [[UInt8]] {
        var words: [[UInt8]] = [], word: [UInt8] = []
        for byte in text {
            let lower = ASCIIBytes.lower(byte)
            if lower &- 0x61 < 26 || lower &- 0x30 < 10 { word.append(lower) } else if !word.isEmpty { words.append(word); word = [] }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// The inspectorate's name alone, as running lines print it (ASCII case ignored).
    static func isInspectorate(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.first, ASCIIBytes.lower(first) == UInt8(ascii: "h") else { return false }
        return inspectorateNames.contains { name in name.count == text.count && zip(name, text).allSatisfy { $0 == ASCIIBytes.lower($1) } }
    }

    /// Lowercase, as bytes.
    static let inspectorateNames: [[UInt8]] = [
        "hmic", "hmicfrs", "her majesty's inspectorate of constabulary", "her majesty\u{2019}s inspectorate of constabulary",
        "hm inspectorate of constabulary", "hm inspectorate of constabulary and fire & rescue services",
        "her majesty's inspectorate of constabulary and fire & rescue services",
        "her majesty\u{2019}s inspectorate of constabulary and fire & rescue services",
    ].map { Array($0.utf8) }

    /// "PEEL: Police effectiveness 2015" → (.effectiveness, 2015); "PEEL: Police effectiveness, efficiency
    /// and legitimacy 2018/19" and "PEEL 2021/22" → (.integrated, first year).
    static func peelTitle(_ line: String) -> (Pillar, Int)? {
        guard line.hasPrefix(ignoringASCIICase: "peel") else { return nil }
        let words = words(line.lowercased(), separatedBy: [0x20, 0x09, 0x2C])
        guard let first = words.first, first == "peel:" || first == "peel", let last = words.last,
              let year = Int(last.prefix(4)), last.count == 4 || (last.count == 7 && last.dropFirst(4).first == "/"),
              (2014...2099).contains(year) else { return nil }
        let middle = words.dropFirst().dropLast().map(String.init)
        if middle.isEmpty { return (.integrated, year) }
        guard middle.first == "police" else { return nil }
        let pillars = middle.dropFirst().filter { $0 != "and" }
        if pillars.count == 1, let pillar = Pillar(rawValue: pillars[0]) { return (pillar, year) }
        if pillars.count > 1 && pillars.allSatisfy({ Pillar(rawValue: $0) != nil }) { return (.integrated, year) }
        return nil
    }

    /// `line` split at the ASCII `separators` (neither a carriage return nor a line feed), without empty words. An ASCII
    /// line (nearly every title-page line) is split on its bytes, where each byte is a Character (a line holds no
    /// carriage return); splitting Characters was most of the title page's cost (callgrind).
    static func words(_ line: String, separatedBy separators: [UInt8]) -> [Substring] {
        assert(separators.allSatisfy { $0 < 0x80 && $0 != 0x0A && $0 != 0x0D })
        let split: [Substring]? = line.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            var words: [Substring] = []
            var start = 0
            for end in 0...bytes.count where end == bytes.count || separators.contains(bytes[end]) {
                if end > start {
                    let utf8 = line.utf8
                    words.append(line[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
                }
                start = end + 1
            }
            return words
        } ?? nil
        // A Character is one of the separators only if it is that one ASCII scalar ("\r\n" has a line feed's ASCII
        // value, hence no line feed among them).
        return split ?? line.split(whereSeparator: { character in character.asciiValue.map(separators.contains) ?? false })
    }

    /// The first letters of the months' names, "p" ("Published …"), a day's digits, and a space (a split passes over).
    private static let monthInitials = Set(Dates.months.compactMap(\.utf8.first) + Array("p0123456789 ".utf8))

    /// The month and year of a cover's date line: "March 2018", "Published March 2018", "27 March 2018", "Mar, 2018".
    static func publicationMonth(_ words: [Substring]) -> String? {
        var words = words.map { $0.lowercased().trimmingCharacters(in: ",.") }
        if words.first == "published" { words.removeFirst() }
        if words.first == "on" { words.removeFirst() }
        if words.count == 3, let day = Int(words[0]), (1...31).contains(day) { words.removeFirst() }
        guard words.count == 2, words[0].count >= 3,
              let month = Dates.months.firstIndex(where: { $0 == words[0] || (words[0].count == 3 && $0.hasPrefix(words[0])) }),
              let year = Int(words[1]), words[1].count == 4, (1990...2100).contains(year) else { return nil }
        return "\(year)-\(Dates.pad(month + 1))"
    }

    /// Month of publication, copyright holder and ISBN from the first lines; the month only from the cover, before the
    /// contents or the first section (a "Force in numbers" label's "June 2017" is no publication date).
    static func readMetadata(_ lines: NormalisedLines, into report: inout Report) {
        var coverEnded = false
        for line in lines.prefix(120) where !line.isBlank {
            // "June 2017" is short and starts with a month's ASCII letter: most lines are not split into words at all
            // (a split walks Characters). The copyright line opens with "©" (0xC2 0xA9) or "(c)", the ISBN's with "isbn":
            // a line that can be none of the three is passed over on its marks, its text not made.
            let opening = ASCIIBytes.lower(line.opening)
            if !coverEnded, line.byteCount <= 24, opening == UInt8(ascii: "c") || opening == UInt8(ascii: "f") || opening == UInt8(ascii: "#") {
                let heading = line.text.trimmingCharacters(in: "# ").lowercased()
                coverEnded = heading == "contents" || heading.hasPrefix("force in numbers")
            }
            let mayBeMonth = !coverEnded && report.published == nil && line.byteCount <= 40 && Self.monthInitials.contains(opening)
            guard mayBeMonth || (report.inspectorate == nil && (line.opening == 0xC2 || opening == UInt8(ascii: "(")))
                    || (report.isbn == nil && opening == UInt8(ascii: "i")) else { continue }
            let text = line.text
            let words = mayBeMonth ? Self.words(text, separatedBy: [0x20]) : []
            if report.published == nil, !words.isEmpty, words.count <= 5, let month = Self.publicationMonth(words) {
                report.published = month
            // "©" is U+00A9 alone (no other spelling is canonically equal), so a line not starting 0xC2 lacks it.
            } else if report.inspectorate == nil, (line.opening == 0xC2 && text.hasPrefix("©")) || text.hasPrefix(ignoringASCIICase: "(c)") {
                if let holder = text.split(separator: " ").dropFirst().first(where: { $0.hasPrefix("HMIC") }) { report.inspectorate = String(holder) }
            } else if report.isbn == nil, text.hasPrefix(ignoringASCIICase: "isbn") {
                let digits = text.dropFirst(4).trimmingCharacters(in: " :")
                if digits.filter(\.isASCIIDigit).count == 13 || digits.filter(\.isASCIIDigit).count == 10 { report.isbn = digits }
            }
        }
    }
}

/// A contents page line: a heading followed by a page number (after a tab or dot leaders).
func isContentsLine(_ text: String) -> Bool {
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    // Asked of every line by two extractors: read on the contiguous bytes, not through generic UTF8View calls.
    func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = bytes.last, isDigit(last) else { return bytes.last == 0x09 }
        guard let before = bytes.reversed().first(where: { !isDigit($0) }) else { return false }
        return before == 0x09 || before == 0x2E || (before == 0x20 && text.contains(ignoringASCIICase: "...")) || text.isTableRow
    }
    return text.utf8.withContiguousStorageIfAvailable(check) ?? Array(text.utf8).withUnsafeBufferPointer(check)
}
