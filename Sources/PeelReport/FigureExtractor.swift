import PeelLayout
import PeelText

/// Figures from "Force in numbers", the rate and outcome tables, and narrative sentences.
/// A value the text lost (its graphic did not survive extraction) is absent, never 0.
enum FigureExtractor {
    static func extract(_ text: LaidOutText, forceName: String, forceID: String?, registry: ForceRegistry, into report: inout Report) {
        let lines = text.lines
        let names = AreaNames(forceName: forceName, forceID: forceID, registry: registry)
        forceInNumbers(text, names: names, into: &report)
        tables(text, names: names, into: &report)
        let narrative = NarrativeFigures.extract(lines, otherForces: NarrativeFigures.OtherForces(registry: registry, except: forceID))
        report.figures += narrative.figures
        report.problems += narrative.problems
    }

    // MARK: Force in numbers

    /// Lines naming whose value follows: the force, England and Wales, or both on one line.
    struct AreaNames {
        let forceName: String
        let forceID: String?
        let registry: ForceRegistry
        private let lowerForceName: String
        /// Whether a name this reads may hold an ASCII digit: then no line is passed over for holding one.
        private let namesMayHoldDigits: Bool

        init(forceName: String, forceID: String?, registry: ForceRegistry) {
            self.forceName = forceName
            self.forceID = forceID
            self.registry = registry
            lowerForceName = forceName.lowercased()
            namesMayHoldDigits = registry.keysHoldDigits || forceName.utf8.contains { $0 &- 0x30 < 10 }
        }

        /// `areas` of a line's text, made only when it may name one: a line holding an ASCII digit names none (no name
        /// holds one, and neither lowercasing nor normalisation makes or removes ASCII digits), and most lines of a
        /// section are values. `text` is the line's, when the caller has made it already.
        func areas(_ line: NormalisedLine, text: String? = nil) -> [Area]? {
            if !namesMayHoldDigits, line.withText(ByteSearch.containsASCIIDigit) { return nil }
            return areas(text ?? line.text)
        }

        /// Asked of every line of the section: ASCII lines are compared on bytes, others as lowercase copies.
        func areas(_ text: String) -> [Area]? {
            let suffix = " england and wales"
            if text.isASCII {
                if text.equals(ignoringASCIICase: "england and wales") { return [.englandAndWales] }
                let count = text.utf8.count
                if count >= suffix.utf8.count,
                   text.utf8.dropFirst(count - suffix.utf8.count).elementsEqual(suffix.utf8, by: { ASCIIBytes.lower($0) == $1 }) {
                    let first = String(decoding: text.utf8.dropLast(suffix.utf8.count), as: UTF8.self)
                    return isForce(first) ? [.force, .englandAndWales] : nil
                }
                return isForce(text) ? [.force] : nil
            }
            let lower = text.lowercased()
            if lower == "england and wales" { return [.englandAndWales] }
            if lower.hasSuffix(suffix) {
                let first = String(text.dropLast(suffix.count))
                return isForce(first) ? [.force, .englandAndWales] : nil
            }
            return isForce(text) ? [.force] : nil
        }

        /// The label of a line that ends with the force's name after a label ("Charged/summonsed Gwent Police", where
        /// pymupdf4llm prints a graphic's label and its first name on one line); nil for any other line.
        func labelBeforeForceName(_ text: String) -> String? {
            let name = lowerForceName.utf8.count
            guard text.utf8.count > name + 1, lowerForceName.isASCII else { return nil }
            // Compared on the bytes, without a copy: asked of every label line of the section.
            let cut = text.utf8.count - name
            let matches = text.utf8.withContiguousStorageIfAvailable { bytes in
                bytes[cut - 1] == 0x20 && zip(bytes[cut...], lowerForceName.utf8).allSatisfy { ASCIIBytes.lower($0) == $1 }
            }
            guard matches == true else { return nil }
            let label = String(decoding: text.utf8.prefix(cut - 1), as: UTF8.self)
            return areas(label) == nil ? label : nil
        }

        /// The area and value of a line that holds a name and then a number ("England and Wales 11%", where pymupdf4llm
        /// prints a graphic's name and value on one line); nil for any other line.
        func areaThenValue(_ text: String) -> (areas: [Area], value: PrintedNumber)? {
            // On the bytes, no copy made (asked of every label line of the section): a number ends in a digit or "%";
            // most lines asked are labels ending in a year ("… 30 June 2017"), and a name holds no digit, so a digit
            // before the last word settles them.
            let cut = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
                guard bytes.count <= 120, let last = bytes.last, last &- 0x30 < 10 || last == UInt8(ascii: "%"),
                      let space = bytes.lastIndex(of: 0x20) else { return nil }
                if !namesMayHoldDigits && bytes[..<space].contains(where: { $0 &- 0x30 < 10 }) { return nil }
                return space
            }
            guard let space = cut ?? nil else { return nil }
            let name = String(decoding: text.utf8.prefix(space), as: UTF8.self)
            let last = String(decoding: text.utf8.dropFirst(space + 1), as: UTF8.self)
            // "Gwent Police 2017" is a graphic's legend, not a value.
            guard !FigureExtractor.isYear(last), let value = PrintedNumber(last), let areas = areas(name) else { return nil }
            return (areas, value)
        }

        func isForce(_ text: String) -> Bool {
            let sameName = text.isASCII && lowerForceName.isASCII
                ? text.equals(ignoringASCIICase: lowerForceName) : text.lowercased() == lowerForceName
            return sameName || (forceID != nil && registry.id(for: text) == forceID)
        }
    }

    /// The most lines of a Force in numbers section read for panels side by side (the graphics fill a page or two).
    private static let panelSectionLines = 400

    /// Section headings inside "Force in numbers" that are not metric labels.
    fileprivate static let sectionHeadings: Set<String> = [
        "calls for assistance", "crime", "crime (excluding fraud)", "charge rate", "anti-social behaviour",
        "domestic abuse", "organised crime groups", "victim satisfaction rate", "crime outcomes", "crime outcomes*",
    ]

    /// The first bytes the outcomes graphic's footnote may open with: its asterisk, a backslash before it, or its
    /// first word.
    private static let outcomesFootnoteOpenings: [UInt8] = [UInt8(ascii: "*"), UInt8(ascii: "\\"), UInt8(ascii: "F")]

    /// "*Figures are shown as proportions of outcomes assigned to offences recorded in the 12 months to …", with or
    /// without its asterisk and the backslashes before it.
    /// Spaces are passed over: pypdf parts words where a font's kerning moves a letter ("pr oportions").
    static func isOutcomesFootnote(_ text: String) -> Bool {
        let bytes = text.utf8.drop { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "\\") }.lazy.filter { $0 != 0x20 }
        return bytes.starts(with: "Figuresareshownasproportions".utf8)
    }

    /// The "Force in numbers" heading, and the headings that follow it and end its section (lowercase).
    private static let forceInNumbersHeading = "force in numbers"
    private static let forceInNumbersOpening = LineOpenings([forceInNumbersHeading])
    private static let nextHeadings = ["introduction", "risk-based inspection", "effectiveness overview"]
    private static let afterForceInNumbers = LineOpenings(nextHeadings)

    /// Three layouts come out of PDF extraction: label / force / E&W / value / value; label / force / value /
    /// E&W / value; and label / "Force England and Wales" / value / value. Read as a stream of tokens, each
    /// value goes to the oldest name still waiting for one. Labels can be wrapped over several lines.
    static func forceInNumbers(_ text: LaidOutText, names: AreaNames, into report: inout Report) {
        let lines = text.lines
        func section(from start: Int) -> NormalisedLines.SubSequence {
            // A line's text is made only where its marks leave the answer open (a next heading's opening, more than 80
            // bytes): most lines of a section are short values and labels.
            lines[(start + 1)...].prefix { line in
                if Self.afterForceInNumbers.mayOpen(line) {
                    let text = line.text
                    if Self.nextHeadings.contains(where: { text.lowercasedEquals($0) }) { return false }
                }
                guard line.byteCount > 80 else { return true }
                let text = line.text
                return !(isLongerThan40Words(text) && !text.hasPrefix("*"))
            }
        }
        // The heading also stands in the contents (where a page number may have lost its tab): the section is the one
        // that names the force or England and Wales.
        let headingOpening = Self.forceInNumbersOpening  // read once, not a static's lazy check a line
        let headings = lines.indices.filter {
            headingOpening.mayOpen(lines[$0])
                && lines[$0].textEquals(ignoringASCIICase: Self.forceInNumbersHeading) && !isContentsLine(lines[$0].text)
        }
        // Each candidate's section is found once (it is read again below), and so are its panels side by side: where a
        // graphic's panels stand in a row, a name may stand on no line alone.
        // Panels are looked for in a section of a page or two only, and in the first few candidates: a hostile text's
        // thousand headings, each over the rest of the text, must not cost a thousand readings of it.
        var panels: [LinePiece]?
        var panelReadings = 0
        func mayHoldPanels(_ section: NormalisedLines.SubSequence) -> Bool { section.count <= Self.panelSectionLines && panelReadings < 4 }
        guard let section = headings.lazy.map(section(from:)).first(where: { section in
            panels = nil
            if section.contains(where: { names.areas($0) != nil }) { return true }
            guard mayHoldPanels(section) else { return false }
            panelReadings += 1
            panels = text.sideBySideReading(section.startIndex..<section.endIndex)
            return panels?.contains { names.areas($0.text) != nil } == true
        }) else { return }
        // The footnote of the 2017 outcomes graphic gives their period (read whole: it may be wrapped). Known by its
        // words: its asterisk may be gone (a mark set as a superscript) or stand behind backslashes (Markdown converters
        // escape the asterisk, and a backslash the page showed: html2text's and markdownify's "\\*Figures").
        let outcomesPeriod = section.firstIndex {
            Self.outcomesFootnoteOpenings.contains($0.opening) && Self.isOutcomesFootnote($0.text)
        }.flatMap { start in
            Dates.periods(in: section[start...].prefix { !$0.isBlank }.map(\.text).joined(separator: " ")).first
        }

        // Row by row, as the lines stand; where graphics may stand side by side, a panel at a time too, and that reading
        // is taken where it reads more and everything the rows read (a single column whose words are spaced out,
        // `pdftotext -fixed`, can look like columns: read so, its names come apart and it reads less).
        var rows = BlockReader(names: names, outcomesPeriod: outcomesPeriod)
        for line in section where !line.isBlank { rows.read(line.text, lineNumber: line.number, isHeading: line.isHeading, line: line) }
        rows.closeBlock()
        var chosen = rows
        if let pieces = panels ?? (mayHoldPanels(section) ? text.sideBySideReading(section.startIndex..<section.endIndex) : nil) {
            var byPanel = BlockReader(names: names, outcomesPeriod: outcomesPeriod)
            for piece in pieces {
                let line = lines[piece.index]
                byPanel.read(piece.text, lineNumber: line.number, isHeading: piece.isWholeLine && line.isHeading, line: piece.isWholeLine ? line : nil)
            }
            byPanel.closeBlock()
            if byPanel.figures.count > rows.figures.count && rows.figures.allSatisfy(byPanel.figures.contains) { chosen = byPanel }
        }
        report.figures += chosen.figures
        report.problems += chosen.problems
    }

    /// Force in numbers read a metric's block at a time: its label lines, then the names and values that follow, up to
    /// the next text line. The values go to the names in order (each to the oldest name still waiting), and only when
    /// the block pairs them unambiguously: as many values as names, none before its name. Otherwise none of them goes
    /// out.
    private struct BlockReader {
        let names: AreaNames
        let outcomesPeriod: Period?
        private(set) var figures: [Figure] = []
        private(set) var problems: [ParseProblem] = []
        /// The label's lines, with their texts (made once: each is read again to resolve the label).
        private var labelLines: [(number: Int, text: String)] = []
        private var named: [(area: Area, line: Int)] = []
        private var values: [(number: PrintedNumber, line: Int)] = []
        private var valueBeforeName = false
        /// The figures of the block just closed, where its label stood below another label whose values were not
        /// there (`startsOfLabels`), and its label's first line: if a block with no label comes next, the labels
        /// were stacked, each block's values after them both, and which block is whose is not certain.
        private var afterStackedLabels: (figures: Range<Int>, line: Int)?
        /// The last panel heading read ("anti-social behaviour"), lowercase: a label that does not say what it counts
        /// is the heading's.
        private var panelHeading: String?

        init(names: AreaNames, outcomesPeriod: Period?) {
            self.names = names
            self.outcomesPeriod = outcomesPeriod
        }

        mutating func closeBlock() {
            defer {
                labelLines = []
                named = []
                values = []
                valueBeforeName = false
            }
            guard !named.isEmpty || !values.isEmpty else { return }
            let stacked = afterStackedLabels
            afterStackedLabels = nil
            // A graphic whose numbers were all lost: absent values, nothing to pair.
            guard !values.isEmpty else { return }
            let at = labelLines.first?.number ?? named.first?.line ?? values[0].line
            // Each area once: two blocks with no label between them are not one metric.
            guard values.count == named.count, !valueBeforeName, Set(named.map(\.area)).count == named.count else {
                problems.append(ParseProblem(.warning, line: at,
                    "Force in numbers: \(values.count) values for \(named.count) names do not pair\(valueBeforeName ? " (a value before its name)" : ""); left out"))
                return
            }
            guard let metric = FigureExtractor.resolveLabel(labelLines, outcomesPeriod: outcomesPeriod, problems: &problems) else {
                if labelLines.isEmpty {
                    problems.append(ParseProblem(.warning, line: at, "Force in numbers: values with no label; left out"))
                    // Labels stacked ("… 12 months to 30 June 2015" / "… 12 months to 30 June 2014", then each one's
                    // values): the first block was given the lower label, a year out (a fifth audit). Neither is certain.
                    if let stacked {
                        let dropped = figures[stacked.figures]
                        figures.removeSubrange(stacked.figures)
                        problems.append(ParseProblem(.warning, line: stacked.line,
                            "Force in numbers: labels stacked, the values of both after them (\(dropped.first?.metric.rawValue ?? "")): which values are whose is not certain; left out"))
                    }
                }
                return
            }
            // "Incidents per 1,000 population" is the calls for assistance panel's label; under another panel's heading
            // (a label reworded, "Anti-social behaviour" / "Incidents per 1,000 population") it counts that panel's.
            if metric.metric == .callsForAssistancePer1000, let heading = panelHeading, heading != "calls for assistance",
               !labelLines.contains(where: { $0.text.contains(ignoringASCIICase: "calls for assistance") }) {
                problems.append(ParseProblem(.warning, line: at,
                    "Force in numbers: \"\(labelLines.map(\.text).joined(separator: " "))\" under the heading \"\(heading)\" does not say which incidents it counts; left out"))
                return
            }
            // The graphics print a percentage with its "%" and no other value with one: a value that breaks this is some
            // other number that fell between the label and its names (a page's number an extraction set after the
            // label, "Charged/summonsed" / "Gwent Police" / "2", the value "11%" on the next page).
            let percent = metric.metric.unit == .percent
            if let stray = values.first(where: { $0.number.isPercent != percent }) {
                problems.append(ParseProblem(.warning, line: stray.line,
                    "Force in numbers: \(metric.metric.rawValue) is \(percent ? "a percentage" : "no percentage") but a value is printed \(percent ? "without" : "with") \"%\"; left out"))
                return
            }
            if FigureExtractor.startsOfLabels(labelLines) > 1 {
                afterStackedLabels = (figures.count..<(figures.count + named.count), labelLines[0].number)
            }
            for (name, value) in zip(named, values) {
                figures.append(Figure(
                    area: name.area, metric: metric.metric, qualifier: metric.qualifier, value: value.number.value, decimals: value.number.decimals,
                    unit: metric.metric.unit, period: metric.period, source: .forceInNumbers, line: value.line))
            }
        }

        /// A value, after the names so far: one more than there are names stood before its own.
        private mutating func take(_ number: PrintedNumber, line: Int) {
            if values.count >= named.count { valueBeforeName = true }
            values.append((number, line))
        }

        /// One line of the section, or one panel's part of it (`line` then nil).
        mutating func read(_ text: String, lineNumber: Int, isHeading: Bool, line: NormalisedLine?) {
                let areas = if let line { names.areas(line, text: text) } else { names.areas(text) }
                if let areas {
                    // A name again after the block is whole, the force and England and Wales each with its value: the name
                    // opens another block (reading order may set the last pair of one graphic after the next graphic's).
                    if !valueBeforeName, values.count == 2, named.count == 2, named[0].area != named[1].area {
                        closeBlock()
                    }
                    named += areas.map { ($0, lineNumber) }
                    return
                }
                if let number = PrintedNumber(text) {
                    // A number before any label has nothing to go with; "2017" wrapped off the end of a label is part of
                    // the label; another number before the names has no name yet.
                    if named.isEmpty {
                        if labelLines.isEmpty { return }
                        // "1,000" of "per 1,000 population" is the label's too, where a justified label's words came
                        // apart in reading order ("Anti-social" / "incidents" / "per" / "12 months to 31 March 2017" /
                        // "behaviour" / "1,000" / "(ASB)" / "population"): read as a value, it parted the label.
                        if FigureExtractor.isYear(text) || (FigureExtractor.rateBases.contains(text) && labelLines.contains { FigureExtractor.holdsPer($0.text) }) {
                            labelLines.append((lineNumber, text))
                            return
                        }
                    }
                    take(number, line: lineNumber)
                    return
                }
                // A name and its value on one line: the name, then the value.
                if let (areas, value) = names.areaThenValue(text) {
                    named += areas.map { ($0, lineNumber) }
                    take(value, line: lineNumber)
                    return
                }
                // The values of one row of the graphic on one line ("31.9 36.2", pymupdf4llm), in the order its names were
                // printed: each a value, as if on a line of its own.
                if let numbers = FigureExtractor.numbersAlone(text) {
                    if named.isEmpty && labelLines.isEmpty { return }
                    for number in numbers { take(number, line: lineNumber) }
                    return
                }
                // Text: a (part of a) label or a heading. It ends the previous metric's block, even one whose values
                // were lost, so no value is ever given to the wrong label.
                if !named.isEmpty || !values.isEmpty { closeBlock() }
                // A label and the force's name on one line: the label's (last) line, then the name.
                if !isHeading, let label = names.labelBeforeForceName(text) {
                    labelLines.append((lineNumber, label))
                    named.append((.force, lineNumber))
                    afterStackedLabels = nil
                    return
                }
                let lower = text.lowercased()
                let panel = FigureExtractor.sectionHeadings.contains(lower)
                if isHeading || panel {
                    panelHeading = panel ? lower : nil
                    labelLines = []
                    afterStackedLabels = nil
                    return
                }
                labelLines.append((lineNumber, text))
                afterStackedLabels = nil
            }
    }

    /// The numbers of a line that holds two or more numbers and nothing else, a space or tab apart; nil for any other.
    static func numbersAlone(_ text: String) -> [PrintedNumber]? {
        // Most lines of a section open with a letter: passed over on their first byte.
        guard let first = text.utf8.first, first &- 0x30 < 10 || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") else { return nil }
        let words = text.split { $0 == " " || $0 == "\t" }
        guard words.count >= 2 else { return nil }
        var numbers: [PrintedNumber] = []
        for word in words {
            // Years side by side ("2016 2017") are a graphic's legend, not its values.
            guard !isYear(String(word)), let number = PrintedNumber(String(word)) else { return nil }
            numbers.append(number)
        }
        return numbers
    }

    /// The populations a rate is given per, as its label prints them ("per 1,000 population", "per 100,000").
    static let rateBases: Set<String> = ["100", "1,000", "100,000"]

    /// Whether a label's line holds the word "per".
    static func holdsPer(_ text: String) -> Bool {
        text.split(separator: " ").contains { $0.lowercased() == "per" }
    }

    /// A year as a graphic prints it: four digits alone, 1990 to 2100 (a count that size is printed "2,017").
    static func isYear(_ word: String) -> Bool {
        word.utf8.count == 4 && word.utf8.allSatisfy { $0 &- 0x30 < 10 } && (1990...2100).contains(Int(word) ?? 0)
    }

    /// `text.split(separator: " ").count > 40`: each word and space takes a byte at least, so short lines are
    /// settled by their length; ASCII lines are counted on bytes.
    private static func isLongerThan40Words(_ text: String) -> Bool {
        guard text.utf8.count > 80 else { return false }
        guard text.isASCII else { return text.split(separator: " ").count > 40 }
        var words = 0
        var inWord = false
        for byte in text.utf8 {
            if byte == 0x20 {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
        }
        return words > 40
    }

    /// Whether line `index` of a block's label lines starts a label: a capitalised line after one that ended with a year.
    private static func startsLabel(_ lines: [(number: Int, text: String)], at index: Int) -> Bool {
        let previous = lines[index - 1].text
        guard let first = lines[index].text.first, first.isUppercase, previous.count >= 4 else { return false }
        return Int(previous.suffix(4)) != nil
    }

    /// How many labels a block's label lines hold (`startsLabel`, and the first).
    static func startsOfLabels(_ lines: [(number: Int, text: String)]) -> Int {
        lines.isEmpty ? 0 : 1 + lines.indices.dropFirst().filter { startsLabel(lines, at: $0) }.count
    }

    /// The label of the values that follow: from the last line that starts a label (a capitalised line after
    /// one that ended with a year), so labels whose values were lost do not run into the next one, while a
    /// label wrapped over several lines ("Change in ASB incidents / 12 months to … / against …") stays whole.
    fileprivate static func resolveLabel(_ lines: [(number: Int, text: String)], outcomesPeriod: Period?, problems: inout [ParseProblem])
        -> (metric: Metric, qualifier: OutcomeType?, period: Period)? {
        guard !lines.isEmpty else { return nil }
        let from = lines.indices.dropFirst().last { startsLabel(lines, at: $0) } ?? 0
        let label = lines[from...].map(\.text).filter { !sectionHeadings.contains($0.lowercased()) }.joined(separator: " ")
        guard let (metric, qualifier) = Metric.fromLabel(label) else {
            let change = label.hasPrefix(ignoringASCIICase: "change") && label.contains(ignoringASCIICase: "recorded crime")
            problems.append(ParseProblem(.warning, line: lines[from].number, change
                ? "Force in numbers label names a change in recorded crime over periods that cannot be read (one year or five?): \"\(label)\""
                : "Force in numbers label not in the vocabulary: \"\(label)\""))
            return nil
        }
        let periods = Dates.periods(in: label)
        let period = qualifier != nil ? (periods.last ?? outcomesPeriod ?? Period()) : (periods.last ?? Period())
        return (metric, qualifier, period)
    }

    // MARK: Figure tables

    /// How the 2015 figure tables' headers start (lowercase).
    private static let ratesHeader = "rates per 1,000"
    private static let outcomesHeader = "outcome type"
    private static let tableHeaderOpenings = LineOpenings([ratesHeader, outcomesHeader])

    /// The 2015 figure tables: "Rates per 1,000 population | <force> | England and Wales" over rows of a label and two
    /// rates, and "Outcome type/group | <force> Number of outcomes | Rate | England and Wales Number of outcomes | Rate"
    /// over rows of an outcome type and four numbers. Read as words, so cells separated by tabs or spaces, printed one
    /// per line or wrapped read the same. A row whose numbers are not all there is left out with a problem: which
    /// column lost its value cannot be known. The period comes from the figure caption above the table.
    static func tables(_ text: LaidOutText, names: AreaNames, into report: inout Report) {
        let lines = text.lines
        let headerOpenings = Self.tableHeaderOpenings  // read once, not a static's lazy check a line
        // Captions naming more than one period whose tables were read, by line: said once each.
        var saidCaptions = Set<Int>()
        for index in lines.indices {
            // Asked of every line: one that opens like neither header is passed over on its first bytes.
            guard headerOpenings.mayOpen(lines[index]) else { continue }
            let printed = lines[index].text
            // "Ratesper 1,000population": a converter may run the header cell's words together.
            let isRates = printed.hasPrefix(ignoringASCIICase: Self.ratesHeader)
                || (printed.hasPrefix(ignoringASCIICase: "rates") && printed.afterPrefix(ignoringSpaces: Self.ratesHeader) != nil)
            // "Outcome" over "type/group" where the header's first title wrapped in its column (a typesetter's narrow
            // columns), the line's other titles beside it.
            guard isRates || printed.hasPrefix(ignoringASCIICase: Self.outcomesHeader)
                    || (printed.hasPrefix(ignoringASCIICase: "outcome ") && lines[(index + 1)...].prefix(2).first(where: { !$0.isBlank })
                            .map({ $0.textHasPrefix(ignoringASCIICase: "type") || $0.textHasPrefix(ignoringASCIICase: "group") }) == true)
            else { continue }
            // The words are made as far as the table is read (`has`), not for all 300 lines: the table ends long
            // before, at the prose after it. (So many, as an extractor may print each cell as a block of its own, a
            // blank line after each, and a page break inside the table: mutool's 2015 outcomes table runs to 64 lines.)
            var window = text.wordWindow(index..<min(lines.count, index + 300))
            let columns = isRates ? 2 : 4
            /// The row label (metric, qualifier) the words from `start` to `end` (made) name.
            func label(_ start: Int, _ end: Int, then tail: Range<Int> = 0..<0) -> (Metric, OutcomeType?)? {
                var printed = window.words[start..<end].map(\.text).joined(separator: " ")
                if !tail.isEmpty { for word in window.words[tail] { printed += " " + word.text } }
                // A label that names nothing as printed may have had its words run together where its cell wrapped, or a
                // word broken by hyphenation there ("Charged/Sum-" / "monsed", "Penalty No-" / "tices for Disor-" / "der").
                if isRates {
                    return (Metric.fromLabel(printed) ?? Metric.fromLabel(runTogether: printed) ?? Self.unbroken(printed).flatMap { Metric.fromLabel($0) })
                        .map { ($0.metric, nil) }
                }
                return (Metric.outcomeType(printed) ?? Metric.outcomeType(runTogether: printed) ?? Self.unbroken(printed).flatMap { Metric.outcomeType($0) })
                    .map { (.outcomeCount, $0) }
            }
            // The header ends at "England and Wales" (and, for outcomes, its "Number of outcomes" and "Rate"); the force's
            // column must come before England and Wales'.
            var area: Int?
            var start = 0
            while start < 40, window.has(start) {
                if window.has(start + 2), window.words[start].text.equals(ignoringASCIICase: "england"),
                   window.words[start + 1].text.equals(ignoringASCIICase: "and"), window.words[start + 2].text.equals(ignoringASCIICase: "wales") {
                    area = start
                    break
                }
                start += 1
            }
            // With no "England and Wales" the header is not read: no row starts anywhere (and no words are made for one,
            // which made every word of the 300 lines for each line that only opens like a header).
            var first = area.map { $0 + 3 }
            while let at = first, window.has(at), ["number", "of", "outcomes", "rate"].contains(where: { window.words[at].text.equals(ignoringASCIICase: $0) })
                    || Self.restOfHeaderWord(window.words[at].text, header: window.words[..<(area ?? 0)].map(\.text)) {
                first = at + 1
            }
            // The caption above the table, read whole down to the header (it may be wrapped).
            // A caption that names more than one period ("… for the 12 months to 30 June 2015 compared with the 12 months to
            // 30 June 2014"): which the table's numbers are of is not certain (the last named was taken: a fifth audit's
            // find). Its first line, said with the table's first row; the figures are given no period.
            var ambiguousCaption: (line: Int, text: String)?
            func captionPeriod(above top: Int) -> Period {
                let captionStart = lines[..<top].indices.reversed().prefix(10).first { lines[$0].text.lowercased().hasPrefix("figure ") }
                let caption = captionStart.map { lines[$0..<top].filter { !$0.isBlank }.map(\.text).joined(separator: " ") }
                let periods = caption.map { Dates.periods(in: $0) } ?? []
                ambiguousCaption = nil
                if let captionStart, let caption, Set(periods).count > 1 {
                    ambiguousCaption = (lines[captionStart].number, caption)
                    return Period()
                }
                return periods.last ?? Period()
            }
            var period = captionPeriod(above: index)
            // A table a page break parted, its header repeated on the next page with no caption of its own: the part
            // before's period, where its last row stands just above with no more between than a page's furniture (a
            // few short lines, no caption).
            if period == Period(), let last = report.figures.last, last.source == .figureTable,
               [Metric.outcomeCount, .outcomeRatePct].contains(last.metric) != isRates,
               let lastRow = lines[max(0, index - 12)..<index].lastIndex(where: { $0.number == last.line }),
               case let between = lines[(lastRow + 1)..<index].filter({ !$0.isBlank }), between.count <= 4,
               !between.contains(where: { $0.byteCount > 100 || $0.textHasPrefix(ignoringASCIICase: "figure") }) {
                period = last.period
            }
            /// One row's figures: its values under the table's columns, the force's then England and Wales'.
            func addRow(metric: Metric, qualifier: OutcomeType?, values: [PrintedNumber?], line: Int) {
                if let (captionLine, caption) = ambiguousCaption, saidCaptions.insert(captionLine).inserted {
                    report.problems.append(ParseProblem(.warning, line: captionLine,
                        "figure caption names more than one period (\"\(caption.prefix(120))\"): its table's figures are given none"))
                }
                let layout: [(Area, Metric)] = isRates ? [(.force, metric), (.englandAndWales, metric)] : outcomeColumns
                for ((area, metric), value) in zip(layout, values) {
                    guard let value else { continue }  // a cell printed "n/a" (said where the row was read)
                    report.figures.append(Figure(area: area, metric: metric, qualifier: qualifier, value: value.value, decimals: value.decimals,
                                                 unit: metric.unit, period: period, source: .figureTable, line: line))
                }
            }
            /// The first word from `start` on that is a number, within 12 words (or where the words made run out): where
            /// the label that starts at `start` ends.
            func firstNumber(from start: Int) -> Int {
                var end = start
                while window.has(end), end - start < 12, PrintedNumber.read(window.words[end].text) == nil, !Self.isNotAvailable(window.words[end].text) { end += 1 }
                return end
            }
            /// The first word of the header's first outcome row (its words up to the first number name an outcome type
            /// as printed), within 40 words and before any word that ends a sentence or caption: a line of prose that
            /// opens like the header ("Outcome types for which …") is no header, and the table below it has its own.
            func outcomeRowOpening() -> Int? {
                var start = 0
                while start < 40, window.has(start) {
                    let word = window.words[start].text
                    if Self.endsWith(word, UInt8(ascii: ":")) || Self.endsWith(word, UInt8(ascii: ".")) { return nil }
                    let end = firstNumber(from: start)
                    if end > start, window.has(end), case let label = window.words[start..<end].map(\.text).joined(separator: " "),
                       Metric.outcomeType(label) ?? Metric.outcomeType(brokenOpening: label) != nil { return start }
                    start += 1
                }
                return nil
            }
            /// Whether a header the columns could not be read from still names none in another order than the one the
            /// numbers are read in: no "Rate" before a count's "Number", and the force's name before "England" or
            /// "Wales" where either stands in it.
            func headerKeepsOrder(before opening: Int) -> Bool {
                let words = window.words[..<opening].map { $0.text.lowercased() }
                if let rate = words.firstIndex(of: "rate"), !words[..<rate].contains("number") { return false }
                guard var area = words.firstIndex(where: { $0 == "england" || $0 == "wales" }) else { return true }
                if area > 0, words[area - 1] == "and" { area -= 1 }
                return names.isForce(window.words[..<area].map(\.text).joined(separator: " ").droppingHeaderWords())
            }
            /// Whether the header's first line holds its columns' first words one space apart, in the order the numbers
            /// are read in: "Outcome <force> Rate England and Rate" (pdfplumber's text of a typesetter's narrow cells, each
            /// title's other lines among the others' below: "type/group Police Num- Wales Number", …).
            func firstLineKeepsOrder(before opening: Int) -> Bool {
                let firstLine = window.words[0].line
                var words = window.words[..<opening].prefix { $0.line == firstLine }.map(\.text)
                guard words.count >= 5, words[0].equals(ignoringASCIICase: "outcome"), words.removeLast().equals(ignoringASCIICase: "rate") else { return false }
                if words.last?.equals(ignoringASCIICase: "wales") == true { words.removeLast() }
                guard words.count >= 5, words.removeLast().equals(ignoringASCIICase: "and"), words.removeLast().equals(ignoringASCIICase: "england"),
                      words.removeLast().equals(ignoringASCIICase: "rate") else { return false }
                // The force's title may break at its cell's edge inside its last word ("Wiltshire Po-" / "lice").
                if let last = words.last, words.count > 2, last.count >= 3, last.hasSuffix("-"),
                   ["police", "constabulary"].contains(where: { $0.hasPrefix(last.dropLast().lowercased()) }) {
                    words.removeLast()
                }
                return names.isForce(words.dropFirst().joined(separator: " "))
            }
            /// The rows from the word `start` on, and what was left out of them.
            func readRows(from start: Int) -> (rows: [TableRow], problems: [ParseProblem]) {
                var rows: [TableRow] = []
                var problems: [ParseProblem] = []
                var position = start
                while window.has(position) {
                    // A label runs to the first number; the table ends at words that are no label.
                    // A label is a few words with no sentence or caption punctuation ("Source: …" ends the table).
                    var end = position
                    while window.has(end), end - position < 12, PrintedNumber.read(window.words[end].text) == nil,
                          !Self.isNotAvailable(window.words[end].text),
                          !Self.endsWith(window.words[end].text, UInt8(ascii: ":")), !Self.endsWith(window.words[end].text, UInt8(ascii: ".")) {
                        end += 1
                    }
                    guard end > position, window.has(end),
                          PrintedNumber.read(window.words[end].text) != nil || Self.isNotAvailable(window.words[end].text) else { break }
                    // A cell printed "n/a" holds no value: the row's other cells are read (nil for it).
                    var values: [PrintedNumber?] = []
                    var cursor = end
                    while window.has(cursor), values.count < columns {
                        if let number = PrintedNumber.read(window.words[cursor].text) {
                            values.append(number)
                        } else if Self.isNotAvailable(window.words[cursor].text) {
                            values.append(nil)
                        } else {
                            break
                        }
                        cursor += 1
                    }
                    let line = window.words[position].line
                    // More numbers on the line than the table has columns: a footnote's number printed beside the label
                    // ("Burglary in a dwelling 4  2.5  8.4", a superscript as pdftotext sets it) or a number's groups set
                    // apart ("4 405", a thin space for the comma). Which are the row's cannot be known: left out, said,
                    // and the rows after it read.
                    let rowEnd = cursor
                    while values.count == columns, window.has(cursor), window.words[cursor].line == window.words[cursor - 1].line,
                          PrintedNumber.read(window.words[cursor].text) != nil {
                        cursor += 1
                    }
                    if cursor > rowEnd {
                        let printed = window.words[position..<end].map(\.text).joined(separator: " ")
                        problems.append(ParseProblem(.warning, line: line, "figure table row \"\(printed)\" holds more numbers than the table's \(columns) columns (a footnote's number beside its label, or a number's digits set apart?): left out"))
                        position = cursor
                        continue
                    }
                    /// A label wrapped in its cell, its values on its first line ("Penalty Notices for  105  0.3 …", then
                    /// "Disorder" alone, as Chromium's tables print): the words on the lines after the row's and before the
                    /// next row's values end it, when with them it names a metric, and without them the next label names
                    /// one and with them it does not. Where the next row starts.
                    func wrappedTail(labelled: Bool) -> Int? {
                        guard values.count == columns else { return nil }
                        let nextEnd = firstNumber(from: cursor)
                        guard nextEnd > cursor, window.has(nextEnd) else { return nil }
                        let valuesLine = window.words[nextEnd].line
                        // The end's words, as a label's, hold no sentence or caption punctuation ("Source: …" after the
                        // table's last row is no label's end): asked before any label is matched.
                        var split = cursor
                        while split < nextEnd, window.words[split].line > line, window.words[split].line != valuesLine {
                            let word = window.words[split].text
                            if Self.endsWith(word, UInt8(ascii: ":")) || Self.endsWith(word, UInt8(ascii: ".")) { return nil }
                            split += 1
                        }
                        // The next label names its metric without these words and not with them; or, where this row's
                        // label names its own already (`labelled`), the same either way ("dwelling*" / "Anti-social
                        // behaviour  33.2": the words move no value, only where the next row starts).
                        guard split > cursor, split < nextEnd, label(position, end, then: cursor..<split) != nil,
                              let next = label(split, nextEnd), label(cursor, nextEnd).map({ labelled && $0 == next }) ?? true else { return nil }
                        return split
                    }
                    /// A label that names nothing on its row's line, its other lines under it (a typesetter's cells, set
                    /// at their tops: "Charged/Sum-" / "monsed", "Penalty No-" / "tices for Disor-" / "der", each next
                    /// label wrapped too): the fewest whole lines after the row's, opening with a letter or "(" (no note's "*"), of
                    /// words that are no number and end no sentence or caption (three at most), that name
                    /// nothing alone and with which the label names a metric. Where the next row starts.
                    func ownTail() -> Int? {
                        guard values.count == columns, window.has(cursor), window.words[cursor].line != line,
                              let opening = window.words[cursor].text.first, opening == "(" || opening.isLetter else { return nil }
                        var split = cursor
                        for _ in 0..<3 {
                            guard window.has(split) else { return nil }
                            let tailLine = window.words[split].line
                            while window.has(split), window.words[split].line == tailLine {
                                let word = window.words[split].text
                                if PrintedNumber.read(word) != nil || Self.endsWith(word, UInt8(ascii: ":")) || Self.endsWith(word, UInt8(ascii: ".")) { return nil }
                                split += 1
                            }
                            // Its words name nothing alone (a note's "Anti-social behaviour data is …" would).
                            if label(position, end, then: cursor..<split) != nil { return label(cursor, split) == nil ? split : nil }
                        }
                        return nil
                    }
                    let direct = label(position, end)
                    // Labels printed a column at a time, then their values ("Victim-based crime", "Sexual offences", …, then
                    // "30.4", "1.6", …: pdfminer's reading of a browser's table): the words before the first number are
                    // several labels, each on its line, and the numbers a column's, not this row's. Where the words of the
                    // first line, or all of them, name a row, and those from a later line on name a row too, the table is
                    // read no further.
                    let firstLineEnd = (position..<end).first { window.words[$0].line != line } ?? end
                    if direct != nil || (firstLineEnd < end && label(position, firstLineEnd) != nil),
                       (position + 1..<end).contains(where: { window.words[$0].line != window.words[$0 - 1].line && label($0, end) != nil }) {
                        problems.append(ParseProblem(.warning, line: line, "figure table printed a column at a time (its labels, then its numbers): not read"))
                        break
                    }
                    // A label whose first line names its metric already ("Recorded crime (excluding", then "fraud)" on a
                    // line of its own before the next row's label, as an A5 page wraps it): its end is taken where the
                    // label with it names the same, and the next label does only without it.
                    let tailEnd = direct == nil ? wrappedTail(labelled: false) ?? ownTail()
                        : wrappedTail(labelled: true).flatMap { split in label(position, end, then: cursor..<split).map { $0 == direct! } == true ? split : nil }
                    guard let (metric, qualifier) = direct ?? tailEnd.flatMap({ label(position, end, then: cursor..<$0) }) else {
                        // A row of the table's shape (a short label and exactly its numbers) whose label names nothing peel
                        // knows: left out with a problem naming it, and the rows after it read. Anything else ends the table.
                        guard values.count == columns, !(window.has(cursor) && PrintedNumber.read(window.words[cursor].text) != nil) else { break }
                        let printed = window.words[position..<end].map(\.text).joined(separator: " ")
                        problems.append(ParseProblem(.warning, line: line, "figure table row \"\(printed)\" names no metric peel reads: its \(columns) values left out"))
                        position = cursor
                        continue
                    }
                    guard values.count == columns else {
                        problems.append(ParseProblem(.warning, line: line, "figure table row with \(values.count) of \(columns) numbers: left out"))
                        position = cursor
                        continue
                    }
                    for (column, value) in values.enumerated() where value == nil {
                        let printed = window.words[position..<end].map(\.text).joined(separator: " ")
                        problems.append(ParseProblem(.warning, line: line,
                            "figure table row \"\(printed)\" prints no value in column \(column + 1) of \(columns) (\"\(window.words[end + column].text)\"): that value left out"))
                    }
                    rows.append(TableRow(metric: metric, qualifier: qualifier, values: values, line: line))
                    position = tailEnd ?? cursor
                }
                return (rows, problems)
            }
            // Made at least this far: fewer words made means the window holds no more.
            _ = window.has(min(first ?? 40, 40) - 1)
            let header = window.words[..<min(first ?? 40, window.words.count, 40)].map(\.text).joined(separator: " ")
            // Found in the header itself: an index found in its lowercase copy ran past its end where a letter before it
            // lowercases longer ("İ"), and stopped the whole run.
            guard let first, window.has(first), let englandAndWales = header.firstIndex(ignoringASCIICase: "england and wales"),
                  names.isForce(String(header[..<englandAndWales]).droppingHeaderWords()) else {
                if isRates, let rows = columnMajorRates(lines, header: index, names: names) ?? labelsThenRates(lines, header: index, names: names) {
                    for (metric, force, englandAndWales, line) in rows {
                        addRow(metric: metric, qualifier: nil, values: [force, englandAndWales], line: line)
                    }
                    continue
                }
                if isRates, let (top, rows) = columnsAboveRates(lines, header: index, names: names) {
                    period = captionPeriod(above: top)
                    for (metric, force, englandAndWales, line) in rows {
                        addRow(metric: metric, qualifier: nil, values: [force, englandAndWales], line: line)
                    }
                    continue
                }
                if !isRates, let (top, rows) = columnMajorOutcomes(lines, header: index, names: names) {
                    if top < index { period = captionPeriod(above: top) }
                    for (qualifier, values, line) in rows {
                        addRow(metric: .outcomeCount, qualifier: qualifier, values: values, line: line)
                    }
                    continue
                }
                if !isRates, let (top, rows) = outcomesByKind(lines, header: index, names: names) {
                    if top < index { period = captionPeriod(above: top) }
                    for (qualifier, values, line) in rows { addRow(metric: .outcomeCount, qualifier: qualifier, values: values, line: line) }
                    continue
                }
                // A header whose titles wrapped in their columns, each line of it across them all ("Outcome type/group
                // Wiltshire Police | Rate | England and | Rate", then "Number of | Wales Number", "outcomes | of outcomes":
                // an A5 page's columns): read a column at a time by where its cells stand, then the rows as they are.
                // The first outcome row, asked once for both readers below.
                let opening = isRates ? nil : outcomeRowOpening()
                if let opening, text.cells(index).count >= 3,
                   let rowLine = lines.firstIndex(where: { $0.number == window.words[opening].line }),
                   Self.outcomesHeaderByColumns(text, header: index, rows: rowLine, names: names) {
                    let (rows, problems) = readRows(from: opening)
                    for row in rows { addRow(metric: row.metric, qualifier: row.qualifier, values: row.values, line: row.line) }
                    report.problems += problems
                    continue
                }
                // The outcomes' rows whole under a header whose words an extraction scattered ("… Number of outcomes", "and
                // Wales Number of outcomes Rate", "England" after the rows): read where the numbers themselves say which
                // column is which (`outcomeColumnsAgree`).
                if let opening, headerKeepsOrder(before: opening) || firstLineKeepsOrder(before: opening) {
                    let (rows, problems) = readRows(from: opening)
                    if problems.isEmpty, Self.outcomeColumnsAgree(rows.map { $0.values.compactMap { $0 } }) {
                        for row in rows { addRow(metric: row.metric, qualifier: row.qualifier, values: row.values, line: row.line) }
                        continue
                    }
                }
                report.problems.append(ParseProblem(.warning, line: lines[index].number, "figure table header not read: \"\(header)\""))
                continue
            }
            let (rows, problems) = readRows(from: first)
            // The labels a line each under the header, then all the rates: read where the rates place the columns.
            if isRates, rows.isEmpty, let labelled = labelsThenRates(lines, header: index, names: names) {
                for (metric, force, englandAndWales, line) in labelled {
                    addRow(metric: metric, qualifier: nil, values: [force, englandAndWales], line: line)
                }
                continue
            }
            // The outcomes' rows not all read, their cells out of order: read where the numbers place each column.
            if !isRates, rows.isEmpty || !problems.isEmpty, let (top, scrambled) = outcomesByKind(lines, header: index, names: names), scrambled.count > rows.count {
                if top < index { period = captionPeriod(above: top) }
                for (qualifier, values, line) in scrambled { addRow(metric: .outcomeCount, qualifier: qualifier, values: values, line: line) }
                continue
            }
            report.problems += problems
            for row in rows { addRow(metric: row.metric, qualifier: row.qualifier, values: row.values, line: row.line) }
        }
    }
}

extension FigureExtractor {
    /// A figure table's row as read: the metric and outcome type its label names, its numbers, its line.
    struct TableRow {
        let metric: Metric
        let qualifier: OutcomeType?
        /// Nil for a cell printed "n/a" (`isNotAvailable`).
        let values: [PrintedNumber?]
        let line: Int
    }

    /// A table cell that says its value is not available: "n/a", "n.a.", "..". (Not a dash alone: a label may hold one,
    /// "Anti-social behaviour – incidents".)
    static func isNotAvailable(_ word: Substring) -> Bool {
        // Asked of every label word: most are turned away on their length and first byte.
        let utf8 = word.utf8
        guard (2...4).contains(utf8.count), let first = utf8.first, first | 0x20 == UInt8(ascii: "n") || first == UInt8(ascii: ".") else { return false }
        return notAvailableCells.contains { word.equals(ignoringASCIICase: $0) }
    }

    private static let notAvailableCells = ["n/a", "n.a.", ".."]

    /// The header's words that hyphenation may break at a cell's edge, their rest set under the header's line.
    static let brokenHeaderWords = ["population", "number", "outcomes"]

    /// Whether `word` is the opening of `whole` broken by hyphenation ("popu-"): two letters or more, then the hyphen.
    static func brokenOpening(_ word: Substring, of whole: String) -> Bool {
        word.count >= 3 && word.hasSuffix("-") && whole.hasPrefix(word.dropLast().lowercased())
    }

    /// Whether `word` is the rest of a header's title that wrapped in its cell, set under the header's line: the rest
    /// of a word broken before it ("lation" after "popu-"), or a word the title lacks ("population" under "Rates per
    /// 1,000"). `header` is the words before "England and Wales".
    static func restOfHeaderWord(_ word: Substring, header: [Substring]) -> Bool {
        let rest = word.lowercased()
        if brokenHeaderWords.contains(rest) { return !header.contains { $0.lowercased() == rest } }
        return header.contains { opening in
            opening.hasSuffix("-") && brokenHeaderWords.contains(opening.dropLast().lowercased() + rest)
        }
    }

    /// A table cell's text with the words hyphenation broke where the cell wrapped joined again (`Phrases.cellWording`),
    /// or nil where it holds none.
    static func unbroken(_ printed: String) -> String? {
        guard printed.contains("- ") else { return nil }
        let joined = Phrases.cellWording(printed.split(separator: " "))
        return joined == printed ? nil : joined
    }

    /// `word.hasSuffix` the ASCII character `byte`, read on its last two bytes when the one before it is ASCII too: only
    /// a non-ASCII scalar before it (a prepended mark) could make the last Character longer than that one byte. (The
    /// generic suffix test, over the word's reversed Characters, cost some 800 instructions a word.)
    static func endsWith(_ word: Substring, _ byte: UInt8) -> Bool {
        let utf8 = word.utf8
        guard utf8.last == byte else { return false }
        if let before = utf8.dropLast().last, before >= 0x80 { return word.hasSuffix(String(UnicodeScalar(byte))) }
        return true
    }

    /// The outcomes table's number columns: each area's count of outcomes, then their rate.
    static let outcomeColumns: [(Area, Metric)] = [
        (.force, .outcomeCount), (.force, .outcomeRatePct), (.englandAndWales, .outcomeCount), (.englandAndWales, .outcomeRatePct),
    ]

    /// A rates table that a reading-order extraction printed a column at a time: the header, one label a line (each
    /// naming a metric), then the force's name over as many rates, then "England and Wales" over as many. Read only when
    /// the three columns have the same length.
    static func columnMajorRates(_ lines: NormalisedLines, header: Int, names: AreaNames) -> [(Metric, PrintedNumber, PrintedNumber, Int)]? {
        var index = header + 1
        func nonBlank() -> NormalisedLine? {
            while index < lines.count, lines[index].isBlank { index += 1 }
            guard index < lines.count, index - header < 60 else { return nil }
            defer { index += 1 }
            return lines[index]
        }
        var labels: [(Metric, Int)] = []
        var next = nonBlank()
        while let line = next, let (metric, _) = Metric.fromLabel(line.text) {
            labels.append((metric, line.number))
            next = nonBlank()
        }
        guard !labels.isEmpty, let forceHeader = next, names.areas(forceHeader.text) == [.force] else { return nil }
        func column() -> [PrintedNumber]? {
            var values: [PrintedNumber] = []
            while values.count < labels.count, let line = nonBlank() {
                guard let value = PrintedNumber(line.text) else { return nil }
                values.append(value)
            }
            return values.count == labels.count ? values : nil
        }
        guard let force = column(), let englandAndWales = nonBlank(), names.areas(englandAndWales.text) == [.englandAndWales],
              let other = column() else { return nil }
        return labels.indices.map { (labels[$0].0, force[$0], other[$0], labels[$0].1) }
    }
}

extension FigureExtractor {
    /// A rates table that a reading-order extraction printed as its header's areas (the force's name, then "England and
    /// Wales"; on one line or two, before or after the labels), its labels one a line, then all the rates one after
    /// another: twice as many as labels, with nothing to say which column each came from. Read a column at a time (the
    /// force's rates, then England and Wales') only where the rates say so: in each area no rate above the rate it is
    /// part of (`Metric.partOf`: victim-based crime within recorded crime …), which the same numbers read a row at a
    /// time break. Where neither reading or both keep to it, or no two labels are so related, not read.
    static func labelsThenRates(_ lines: NormalisedLines, header: Int, names: AreaNames) -> [(Metric, PrintedNumber, PrintedNumber, Int)]? {
        var labels: [(metric: Metric, line: Int)] = []
        var areas: [Area] = []
        var rates: [PrintedNumber] = []
        var index = header + 1
        while index < lines.count, index - header < 60 {
            let line = lines[index]
            index += 1
            if line.isBlank { continue }
            let text = line.text
            if rates.isEmpty, let (metric, _) = Metric.fromLabel(text) {
                guard !labels.contains(where: { $0.metric == metric }) else { return nil }
                labels.append((metric, line.number))
                continue
            }
            if rates.isEmpty, let named = names.areas(line, text: text) {
                areas += named
                continue
            }
            let words = text.split { $0 == " " || $0 == "\t" }
            let numbers = words.compactMap { PrintedNumber(String($0)) }
            guard !words.isEmpty, numbers.count == words.count else { break }
            rates += numbers
        }
        let count = labels.count
        guard count >= 2, areas == [.force, .englandAndWales], rates.count == 2 * count else { return nil }
        let (byColumn, byRow) = twoColumns(rates)
        let metrics = labels.map(\.metric)
        guard ratesNest(metrics, byColumn), !ratesNest(metrics, byRow) else { return nil }
        return labels.indices.map { (labels[$0].metric, byColumn[0][$0], byColumn[1][$0], labels[$0].line) }
    }

    /// Whether, in every column, no rate is above the one it is part of (`Metric.partOf`: victim-based crime within
    /// recorded crime …), where at least one such pair stands among `metrics` (the rows' labels).
    static func ratesNest(_ metrics: [Metric], _ columns: [[PrintedNumber]]) -> Bool {
        var compared = false
        for (row, metric) in metrics.enumerated() {
            guard let whole = metric.partOf, let wholeRow = metrics.firstIndex(of: whole) else { continue }
            compared = true
            if columns.contains(where: { $0[row].value > $0[wholeRow].value }) { return false }
        }
        return compared
    }

    /// A rates table that a reading set a column at a time, the labels' last (pdfminer.six with `boxes_flow=1.0`): above
    /// the header, the force's name over its rates and "England and Wales" over theirs (in either order); below it, one
    /// label a line. Read only where both columns stand whole under their names, as many rates as labels, nothing else
    /// among them, and each column's rates nest as the crimes do (`ratesNest`).
    /// Returns the table's first line (the upper column's name) and its rows.
    static func columnsAboveRates(_ lines: NormalisedLines, header: Int, names: AreaNames) -> (top: Int, rows: [(Metric, PrintedNumber, PrintedNumber, Int)])? {
        var labels: [(metric: Metric, line: Int)] = []
        var index = header + 1
        while index < lines.count, index - header < 60 {
            let line = lines[index]
            index += 1
            if line.isBlank { continue }
            guard let (metric, _) = Metric.fromLabel(line.text), !labels.contains(where: { $0.metric == metric }) else { break }
            labels.append((metric, line.number))
        }
        guard labels.count >= 2 else { return nil }
        // Upward from the header: each column's rates (last first), then its name.
        var columns: [Area: [PrintedNumber]] = [:]
        var rates: [PrintedNumber] = []
        var above = header - 1
        while above >= 0, header - above < 60, columns.count < 2 {
            let line = lines[above]
            above -= 1
            if line.isBlank { continue }
            let text = line.text
            if let rate = PrintedNumber(text) {
                rates.append(rate)
                continue
            }
            guard let areas = names.areas(line, text: text), areas.count == 1, columns[areas[0]] == nil, rates.count == labels.count else { return nil }
            columns[areas[0]] = rates.reversed()
            rates = []
        }
        guard let force = columns[.force], let englandAndWales = columns[.englandAndWales],
              ratesNest(labels.map(\.metric), [force, englandAndWales]) else { return nil }
        return (above + 1, labels.indices.map { (labels[$0].metric, force[$0], englandAndWales[$0], labels[$0].line) })
    }

    /// The 2015 outcomes table as a reading-order extraction prints it: its columns one after another, each under its
    /// header ("<force> Number of outcomes", "Rate", "England and Wales Number of outcomes", "Rate"), the outcome types
    /// alone or each beside its first column's number. The force's column may open above "Outcome type/group" and
    /// end below its outcome types (pdfminer prints it so, as two blocks). Read only when all four columns hold one
    /// number per outcome type and each area's rates are its counts over one number of offences: numbers read in an
    /// order that is not the rows' give rates that do not agree.
    /// Returns the table's first line (its force column's header, where that stands above the outcome types) and its rows.
    static func columnMajorOutcomes(_ lines: NormalisedLines, header: Int, names: AreaNames) -> (top: Int, rows: [(OutcomeType, [PrintedNumber], Int)])? {
        var labels: [(OutcomeType, Int)] = []
        var columns: [[PrintedNumber]] = [[], [], [], []]
        var column: Int?
        /// The area whose "Number of outcomes" column the line heads, wrapped anywhere in "<area> Number of outcomes".
        func countHeader(_ text: String) -> [Area]? {
            let lower = text.lowercased()
            guard let suffix = [" number of outcomes", " number of", " number"].first(where: { lower.hasSuffix($0) }) else { return nil }
            return names.areas(String(text.dropLast(suffix.count)))
        }
        func isHeaderTail(_ text: String) -> Bool {
            text.isEmpty || text.equals(ignoringASCIICase: "of outcomes") || text.equals(ignoringASCIICase: "outcomes")
        }
        // Back from "Outcome type/group" over numbers and the force's column header, to the first other line.
        var start = header
        while start > 0, header - start < 30 {
            let text = lines[start - 1].text
            guard isHeaderTail(text) || PrintedNumber(text) != nil || countHeader(text) == [.force] else { break }
            start -= 1
        }
        while start < header, lines[start].text.isEmpty || PrintedNumber(lines[start].text) != nil { start += 1 }
        var index = start
        while index < lines.count, index - header < 120 {
            let text = lines[index].text
            index += 1
            if index - 1 == header || isHeaderTail(text) { continue }
            let lower = text.lowercased()
            if let areas = countHeader(text) {
                if areas == [.force] { column = 0 } else if areas == [.englandAndWales] { column = 2 } else { return nil }
                continue
            }
            if lower == "rate" {
                guard let current = column, current == 0 || current == 2 else { return nil }
                column = current + 1
                continue
            }
            if let number = PrintedNumber(text) {
                guard let current = column else { return nil }
                columns[current].append(number)
                continue
            }
            // An outcome type, perhaps with its first column's number after it ("Penalty Notices for Disorder 319").
            var label = text
            var trailing: PrintedNumber?
            if let space = text.lastIndex(of: " "), let number = PrintedNumber(String(text[text.index(after: space)...])) {
                label = String(text[..<space])
                trailing = number
            }
            guard let qualifier = Metric.outcomeType(label) else { break }
            guard column == nil || column == 0 else { return nil }
            labels.append((qualifier, lines[index - 1].number))
            if let trailing { columns[0].append(trailing) }
        }
        guard !labels.isEmpty, columns.allSatisfy({ $0.count == labels.count }),
              ratesAgree(counts: columns[0], rates: columns[1]), ratesAgree(counts: columns[2], rates: columns[3]) else { return nil }
        return (start, labels.indices.map { row in (labels[row].0, columns.map { $0[row] }, labels[row].1) })
    }

    /// Two columns' numbers as a reading that merged them gives them, 2n in all, parted the two ways such readings merge
    /// them: one column after the other (the first half the first column's), or a row's two by turns. Each parting is
    /// the two columns, in order.
    static func twoColumns(_ numbers: [PrintedNumber]) -> (oneAfterTheOther: [[PrintedNumber]], byTurns: [[PrintedNumber]]) {
        let half = numbers.count / 2
        return ([Array(numbers[..<half]), Array(numbers[half...])],
                [stride(from: 0, to: numbers.count, by: 2).map { numbers[$0] }, stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }])
    }

    /// The 2015 outcomes table as a reading-order extraction may scramble it (pdfminer.six: the outcome types with some
    /// of the force's counts among them, then its rates with England and Wales' first count among those, then the
    /// rest): the header's words, outcome types and numbers in an order of their own, each column's numbers still in
    /// order, the force's columns before England and Wales'. The numbers say which column is which by their kind (a
    /// count whole, a rate printed to a decimal place) and their order: a kind's two columns one after the other (the
    /// first half the force's) or a row's two by turns (`pdftotext -colspacing 2`: "15.1", "577,678", "16.0", …). Read
    /// only where the header names the force, then England and Wales (and no line "Rate" before "Number"), the table ends
    /// at a line with no number, each kind has two numbers an outcome type, and
    /// exactly one way of parting each kind's numbers gives columns that `outcomeColumnsAgree`: the same numbers read
    /// in another order almost never do. From `header` ("Outcome type/group …") to the first line that is none of these
    /// ("Source: …").
    /// Returns the table's first line (the force's column title, where that stands above the header) and its rows.
    static func outcomesByKind(_ lines: NormalisedLines, header: Int, names: AreaNames) -> (top: Int, rows: [(OutcomeType, [PrintedNumber], Int)])? {
        var labels: [(type: OutcomeType, line: Int)] = []
        var counts: [PrintedNumber] = []
        var rates: [PrintedNumber] = []
        var areas: [Area] = []
        let headerWords = ["outcome", "type/group", "type", "group", "number", "of", "outcomes", "rate"]
        /// A "Rate" before a "Number" on one line: a header row that names the columns in another order than the numbers'.
        /// (A "Rate" on a line of its own before the "Number" is a reading's order, not the header's: pdfminer.six with
        /// `boxes_flow=None` set both rate titles, one line each, before the force's name.)
        var sawNumber = false, rateFirst = false
        /// Whether the words name areas once the header's own words are taken out (or are only those).
        func isHeader(_ words: ArraySlice<Substring>) -> Bool {
            for word in words {
                if word.equals(ignoringASCIICase: "number") { sawNumber = true }
                if word.equals(ignoringASCIICase: "rate"), !sawNumber, words.contains(where: { $0.equals(ignoringASCIICase: "number") }) { rateFirst = true }
            }
            let rest = words.filter { word in !headerWords.contains { word.equals(ignoringASCIICase: $0) } }
            if rest.isEmpty { return true }
            guard let named = names.areas(rest.joined(separator: " ")) else { return false }
            areas += named
            return true
        }
        // The force's column title and its first counts may stand above the header (pdfminer.six with `boxes_flow=1.0`):
        // the reading starts at the first of the lines just above it that hold only numbers, the header's words and
        // areas' names.
        var index = header
        while index > 0, header - index < 40 {
            let above = lines[index - 1]
            if !above.isBlank {
                let words = above.text.split { $0 == " " || $0 == "\t" }
                let rest = words.filter { word in PrintedNumber(String(word)) == nil && !headerWords.contains { word.equals(ignoringASCIICase: $0) } }
                guard rest.isEmpty || names.areas(rest.joined(separator: " ")) != nil else { break }
            }
            index -= 1
        }
        let top = index
        reading: while index < lines.count, index - top < 160 {
            let line = lines[index]
            index += 1
            let words = line.text.split { $0 == " " || $0 == "\t" }
            let numbers = words.map { PrintedNumber(String($0)) }
            var start = 0
            while start < words.count {
                if let number = numbers[start] {
                    if number.decimals == 0 { counts.append(number) } else { rates.append(number) }
                    start += 1
                    continue
                }
                var end = start
                while end < words.count, numbers[end] == nil { end += 1 }
                let text = words[start..<end]
                if let type = Metric.outcomeType(text.joined(separator: " ")) {
                    guard !labels.contains(where: { $0.type == type }) else { return nil }
                    labels.append((type, line.number))
                } else if !isHeader(text) {
                    // A line with numbers that is no row of known words: the table goes on past what could be read.
                    if numbers.contains(where: { $0 != nil }) { return nil }
                    break reading
                }
                start = end
            }
        }
        let count = labels.count
        guard count >= 2, !rateFirst, areas == [.force, .englandAndWales], counts.count == 2 * count, rates.count == 2 * count else { return nil }
        var agreeing: [[[PrintedNumber]]] = []
        let countPartings = twoColumns(counts), ratePartings = twoColumns(rates)
        for countColumns in [countPartings.oneAfterTheOther, countPartings.byTurns] {
            // The rates' columns one after the other in either order: their titles ("Rate") name no area, and pdfminer.six
            // with `boxes_flow=1.0` set England and Wales' first.
            for rateColumns in [ratePartings.oneAfterTheOther, ratePartings.byTurns, ratePartings.oneAfterTheOther.reversed()] {
                let rows = labels.indices.map { [countColumns[0][$0], rateColumns[0][$0], countColumns[1][$0], rateColumns[1][$0]] }
                if outcomeColumnsAgree(rows) { agreeing.append(rows) }
            }
        }
        guard agreeing.count == 1, let rows = agreeing.first else { return nil }
        var first = top
        while first < header, lines[first].isBlank { first += 1 }
        return (first, labels.indices.map { (labels[$0].type, rows[$0], labels[$0].line) })
    }

    /// Whether the lines from `header` to the one before `rows` are the outcomes table's header read a column at a time:
    /// their cells ordered by the column each starts at (a line's first), "Outcome type/group", the force's name,
    /// "Number of outcomes", "Rate", "England and Wales", "Number of outcomes", "Rate". Only text laid out in columns
    /// gives such cells; a header's lines in reading order give one cell a line, and are read as they stand.
    static func outcomesHeaderByColumns(_ text: LaidOutText, header: Int, rows: Int, names: AreaNames) -> Bool {
        guard rows > header + 1, rows - header <= 6 else { return false }
        var cells: [(column: Int, line: Int, text: String)] = []
        for line in header..<rows { cells += text.cells(line).map { ($0.column, line, $0.text) } }
        guard Set(cells.map(\.column)).count >= 4 else { return false }
        let columnMajor = cells.sorted { ($0.column, $0.line) < ($1.column, $1.line) }.map(\.text).joined(separator: " ")
        // Its words broken by hyphenation where a title wrapped ("Police Num-" / "ber of out-" / "comes") joined again.
        let printed = unbroken(columnMajor) ?? columnMajor
        let counted = " number of outcomes rate"
        guard let englandAndWales = printed.firstIndex(ignoringASCIICase: "england and wales"),
              printed[englandAndWales...].lowercased() == "england and wales" + counted,
              case let before = String(printed[..<englandAndWales]).trimmingCharacters(in: " "),
              before.lowercased().hasSuffix(counted), before.lowercased().hasPrefix(Self.outcomesHeader) else { return false }
        return names.isForce(before.droppingHeaderWords())
    }

    /// Whether the outcomes' four columns are, by their numbers alone, the force's count and rate and England and
    /// Wales' count and rate: every row's count in England and Wales at least the force's (the force is one of its 43),
    /// and each area's rates its counts over one number of offences. Asked of a table of two rows or more, where a
    /// column's numbers put anywhere else fail one or the other.
    static func outcomeColumnsAgree(_ rows: [[PrintedNumber]]) -> Bool {
        guard rows.count >= 2, rows.allSatisfy({ $0.count == 4 }) else { return false }
        return rows.allSatisfy { $0[2].value >= $0[0].value } && rows.contains { $0[2].value > $0[0].value }
            && ratesAgree(counts: rows.map { $0[0] }, rates: rows.map { $0[1] }) && ratesAgree(counts: rows.map { $0[2] }, rates: rows.map { $0[3] })
    }

    /// Whether one number of offences gives every row's rate from its count, each rate to the precision printed: the
    /// offences each row allows (count ÷ rate × 100, the rate within half its last digit) have a value in common.
    static func ratesAgree(counts: [PrintedNumber], rates: [PrintedNumber]) -> Bool {
        var least = 0.0
        var most = Double.infinity
        for (count, rate) in zip(counts, rates) {
            var halfDigit = 0.5
            for _ in 0..<rate.decimals { halfDigit /= 10 }
            least = max(least, count.value * 100 / (rate.value + halfDigit))
            if rate.value > halfDigit { most = min(most, count.value * 100 / (rate.value - halfDigit)) }
        }
        return least <= most
    }
}

private extension String {
    /// A header's text before "England and Wales" without the words that name the column's contents: the force.
    func droppingHeaderWords() -> String {
        var text = trimmingCharacters(in: " ")
        // Spaces passed over: a converter may run the header cell's words together ("Ratesper 1,000population").
        // "Rates per 1,000" alone, or with "popu-": the title wrapped in its cell, the rest of it on the header's next
        // line (`FigureExtractor.restOfHeaderWord`).
        for prefix in ["rates per 1,000 population", "rates per 1,000", "outcome type/group", "outcome type", "outcome group"] {
            if let rest = text.afterPrefix(ignoringSpaces: prefix) {
                text = rest.trimmingCharacters(in: " ")
                break
            }
        }
        if let broken = text.split(separator: " ").first, FigureExtractor.brokenOpening(broken, of: "population") {
            text = String(text.dropFirst(broken.count)).trimmingCharacters(in: " ")
        }
        // Columns one space apart, each title's first line only (pdfplumber's text): "Dyfed-Powys Police Number Rate",
        // "Wiltshire Police Number of Rate", the rest of "Number of outcomes" on the next line; or that rest joined
        // to the cell it wrapped in, "Rate" one space after "Number" ("Wiltshire Police Number Rate", then "of
        // outcomes" under it: a page whose columns are narrower). Count before rate, as the columns are read.
        for suffix in [" Number Rate", " Number of Rate", " Number Rate of outcomes"] where text.hasSuffix(suffix) {
            return String(text.dropLast(suffix.count)).trimmingCharacters(in: " ")
        }
        for suffix in [" Rate", " Number of outcomes"] where text.hasSuffix(suffix) { text = String(text.dropLast(suffix.count)) }
        return text.trimmingCharacters(in: " ")
    }
}

extension String {
    /// The text after `prefix` (lowercase ASCII) where the text opens with it, the spaces of both passed over and ASCII
    /// case ignored; nil where it does not.
    func afterPrefix(ignoringSpaces prefix: String) -> Substring? {
        let bytes = utf8
        var index = bytes.startIndex
        for wanted in prefix.utf8 where wanted != 0x20 {
            while index < bytes.endIndex && bytes[index] == 0x20 { index = bytes.index(after: index) }
            guard index < bytes.endIndex, bytes[index] | (bytes[index] &- 0x41 < 26 ? 0x20 : 0) == wanted else { return nil }
            index = bytes.index(after: index)
        }
        return self[index...]
    }
}
