@testable import PeelReport
import PeelTestSupport
import Testing

/// `Metric.fromLabel` and `Metric.outcomeType` compare ASCII labels on bytes, ignoring case; any other label is
/// lowercased and compared as Strings, their plain definition. A word beyond ASCII at a label's end (" é") changes
/// no phrase it holds or starts with, and no period: with it, the same label is read the plain way, and the two
/// readings must agree.
struct MetricLabelTests {
    @Test("labels read on bytes name the metric and outcome type their lowercased String reading names (seeded)")
    func againstPlainReading() {
        let seed: UInt64 = 0x1ABE1
        print("MetricLabelTests seed \(seed)")
        var generator = SplitMix(seed: seed)
        let phrases = ["Change in", "recorded crime", "Victim-based crime", "ASB", "anti-social behaviour", "(ASB)", "12 months to",
                       "31 March 2015", "30 June 2010", "Calls for assistance", "Incidents per 1,000", "charge rate", "Domestic abuse",
                       "percentage", "arrests", "per 1,000", "Organised crime groups", "per million", "victim satisfaction",
                       "Burglary", "Sexual offences", "Assault with injury", "crimes recorded", "Charged/summonsed",
                       "Taken into consideration", "Out-of-court (formal)", "Out-of-court (informal)", "Caution - youths",
                       "Caution – adults", "CAUTION – YOUTHS", "Penalty notices for disorder", "Cannabis/khat warning",
                       "Community resolution", "Evidential difficulties", "No suspect identified", "population", "the force",
                       // Spellings beyond ASCII: a Kelvin sign lowercases to "k", a capital É to "é", a decomposed é stays two.
                       "Cannabis/\u{212A}hat warning", "\u{00C9}vidential", "Burglary\u{0301}", "CHANGE\u{00A0}in"]
        var labels = ["Change in recorded crime 12 months to 31 March 2010 to 12 months to 31 March 2015", "Burglary per 1,000 households"]
        for _ in 0..<4000 {
            var label = (0..<Int.random(in: 1...4, using: &generator)).map { _ in phrases.randomElement(using: &generator)! }.joined(separator: " ")
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: label = label.uppercased()
            case 1: label = label.lowercased()
            default: break
            }
            labels.append(label)
        }
        var named = 0, outcomes = 0
        for label in labels {
            let plain = label + " \u{00E9}"
            let expected = Metric.fromLabel(plain)
            let read = Metric.fromLabel(label)
            if expected != nil { named += 1 }
            #expect(read?.metric == expected?.metric && read?.qualifier == expected?.qualifier, "seed \(seed): \(label)")
            let outcome = Metric.outcomeType(plain)
            if outcome != nil { outcomes += 1 }
            #expect(Metric.outcomeType(label) == outcome, "seed \(seed): \(label)")
        }
        // (Most draws join phrases of several metrics, which name none: a label is made of one metric's words.)
        #expect(named > 500 && outcomes > 300, "seed \(seed): the draw named enough metrics (\(named)) and outcomes (\(outcomes))")
    }
}

/// A converter that runs a wrapped cell's words together (pymupdf4llm: "Recorded crime(excludingfraud)",
/// "Protectingvulnerablepeople") leaves a label with spaces lost or moved; read with the spaces of both passed over, it
/// names what the label as printed names.
struct RunTogetherLabelTests {
    /// The 2015 tables' row labels and the 2017 judgments table's question labels, as the samples print them.
    static let rates = ["Recorded crime (excluding fraud)", "Victim-based crime", "Sexual offences", "Assault with injury", "Burglary in a dwelling*",
                        "Anti-social behaviour incidents*"]
    static let outcomes = ["Charged/Summonsed", "Taken into consideration", "Out-of-court (formal)", "Caution - youths", "Caution - adults",
                           "Penalty Notices for Disorder", "Out-of-court (informal)", "Cannabis/Khat warning", "Community resolution"]
    static let questions = ["Preventing crime and tackling anti-social behaviour", "Investigating crime and reducing re-offending",
                            "Protecting vulnerable people", "Tackling serious and organised crime", "Specialist capabilities"]

    /// `text` with each space dropped or moved to after the next character, by the draw.
    static func runTogether(_ text: String, _ generator: inout SplitMix) -> String {
        var out = "", moved = false
        for character in text {
            if character == " " {
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: out.append(" ")
                case 1: moved = true
                default: break
                }
                continue
            }
            out.append(character)
            if moved { out.append(" "); moved = false }
        }
        return out
    }

    @Test("the labels with spaces dropped or moved (seeded) name what they name as printed")
    func seeded() {
        let seed: UInt64 = 0x6100ED
        print("RunTogetherLabelTests seed \(seed)")
        var generator = SplitMix(seed: seed)
        for _ in 0..<200 {
            for label in Self.rates {
                let printed = Metric.fromLabel(label)
                #expect(printed != nil)
                let glued = Self.runTogether(label, &generator)
                #expect(Metric.fromLabel(runTogether: glued)?.metric == printed?.metric, "seed \(seed): \(glued)")
            }
            for label in Self.outcomes {
                let glued = Self.runTogether(label, &generator)
                #expect(Metric.outcomeType(runTogether: glued) == Metric.outcomeType(label), "seed \(seed): \(glued)")
                #expect(Metric.outcomeType(label) != nil)
            }
            for label in Self.questions {
                let glued = Self.runTogether(label, &generator)
                #expect(Question.named(inRunTogether: glued) == Question.named(in: label), "seed \(seed): \(glued)")
                #expect(Question.named(in: label).count == 1)
            }
        }
    }

    @Test("pymupdf4llm's own labels; a label of other words names nothing")
    func printed() {
        #expect(Metric.outcomeType("Communityresolution") == nil)
        #expect(Metric.outcomeType(runTogether: "Communityresolution") == .communityResolution)
        #expect(Metric.fromLabel(runTogether: "Recorded crime(excludingfraud)")?.metric == .recordedCrimePer1000)
        #expect(Metric.fromLabel(runTogether: "Burglaryin a dwelling*")?.metric == .burglaryDwellingPer1000Households)
        #expect(Metric.outcomeType(runTogether: "PenaltyNotices for Disorder") == .penaltyNoticesForDisorder)
        #expect(Metric.outcomeType(runTogether: "Caution -youths") == .cautionYouths)
        #expect(Metric.outcomeType(runTogether: "Conditional caution") == nil)
        #expect(Metric.outcomeType("Caution adults") == .cautionAdults)
        #expect(Metric.outcomeType("Caution youths") == .cautionYouths)
        #expect(Metric.outcomeType("Cautions") == nil)
        #expect(Question.named(in: "Preventingcrime and tacklinganti-social behaviour").isEmpty)
        #expect(Question.named(inRunTogether: "Preventingcrime and tacklinganti-social behaviour") == [.preventingCrime])
        #expect(Question.named(inRunTogether: "Tacklingserious and organised crime") == [.seriousOrganisedCrime])
        #expect(Question.named(inRunTogether: "Neighbourhoodpolicing").isEmpty)
        #expect("Ratesper 1,000population Wiltshire Police".afterPrefix(ignoringSpaces: "rates per 1,000 population") == " Wiltshire Police")
        #expect("Rates per 1,000 population Wiltshire".afterPrefix(ignoringSpaces: "rates per 1,000 population") == " Wiltshire")
        #expect("Rates per 1,000 households".afterPrefix(ignoringSpaces: "rates per 1,000 population") == nil)
    }
}

@Suite("A figure table row whose label names nothing peel reads")
struct UnknownTableRowTests {
    private func outcomes(_ replacing: (String) -> String) throws -> Report {
        let text = String(decoding: Fixtures.sample("peel-effectiveness-2015-wiltshire.txt"), as: UTF8.self)
        return try parse(Array(replacing(text).utf8))
    }

    private func counts(_ report: Report) -> [OutcomeType] {
        report.figures.filter { $0.metric == .outcomeCount && $0.area == .force }.compactMap(\.qualifier)
    }

    @Test("is left out with a warning naming it, and the rows after it are read")
    func reported() throws {
        let sample = try outcomes { $0 }
        #expect(counts(sample).count == 9)
        let report = try outcomes { $0.replacingOccurrences(of: "\nCaution - youths\t", with: "\nConditional caution\t") }
        #expect(counts(report) == counts(sample).filter { $0 != .cautionYouths })
        #expect(report.problems.contains { $0.message == "figure table row \"Conditional caution\" names no metric peel reads: its 4 values left out" })
    }

    @Test("a row of another shape ends the table, as before")
    func endsTable() throws {
        let report = try outcomes { $0.replacingOccurrences(of: "\nCaution - youths\t353\t1.1\t19,703\t0.5\n", with: "\nConditional caution\t353\t1.1\n") }
        #expect(counts(report) == [.chargedSummonsed, .takenIntoConsideration, .outOfCourtFormal])
    }
}

@Suite("A figure table printed a column at a time")
struct ColumnAtATimeTableTests {
    /// The Dyfed-Powys rates table as pdfminer reads the table a browser printed: the first row whole, then the other
    /// labels one a line, then the force's column, then England and Wales'.
    @Test("its labels, then its numbers: no row takes a column's numbers for its own; a problem says why")
    func labelsThenNumbers() throws {
        let text = String(decoding: Fixtures.sample("peel-effectiveness-2015-dyfed-powys.txt"), as: UTF8.self)
        let table = Self.dyfedRates
        #expect(text.contains(table))
        let sample = try parse(Array(text.utf8)).figures.filter { $0.source == .figureTable && $0.metric != .outcomeCount && $0.metric != .outcomeRatePct }
        #expect(sample.count == 12)
        let columns = """
            Rates per 1,000 population

            Dyfed-Powys Police England and Wales

            Recorded crime (excluding fraud) 38.1

            Victim-based crime

            Sexual offences

            Assault with injury

            Burglary in a dwelling*

            30.4

            1.6

            4.7

            2.5

            Anti-social behaviour incidents*

            33.2

            63.0

            56.0

            1.6

            6.3

            8.4

            32.9
            """
        let report = try parse(Array(text.replacingOccurrences(of: table, with: columns).utf8))
        let read = report.figures.filter { $0.source == .figureTable && $0.metric != .outcomeCount && $0.metric != .outcomeRatePct }
        // Before: victim-based crime 30.4 for the force (its own) and 1.6 for England and Wales (the force's sexual offences).
        #expect(read.isEmpty)
        #expect(report.problems.contains { $0.message == "figure table printed a column at a time (its labels, then its numbers): not read" })
    }

    private static let dyfedRates = """
        Rates per 1,000 population\tDyfed-Powys Police\tEngland and Wales
        Recorded crime (excluding fraud)\t38.1\t63.0
        Victim-based crime\t30.4\t56.0
        Sexual offences\t1.6\t1.6
        Assault with injury\t4.7\t6.3
        Burglary in a dwelling*\t2.5\t8.4
        Anti-social behaviour incidents*\t33.2\t32.9
        """
    private static let labels = ["Recorded crime (excluding fraud)", "Victim-based crime", "Sexual offences", "Assault with injury",
                                 "Burglary in a dwelling*", "Anti-social behaviour incidents*"]

    private func rates(replacingWith table: String) throws -> (sample: [Figure], read: [Figure], report: Report) {
        let text = String(decoding: Fixtures.sample(dyfedPowys), as: UTF8.self)
        #expect(text.contains(Self.dyfedRates))
        let isRate = { (figure: Figure) in figure.source == .figureTable && figure.metric != .outcomeCount && figure.metric != .outcomeRatePct }
        let report = try parse(Array(text.replacingOccurrences(of: Self.dyfedRates, with: table).utf8))
        return (try parse(Array(text.utf8)).figures.filter(isRate), report.figures.filter(isRate), report)
    }

    /// pdfminer.six with other margins (the committed pdfminer-tight and pdfminer-loose extractions): the areas' names,
    /// the labels a line each, then the force's six rates and England and Wales' six, nothing between them.
    @Test("its areas and labels, then all its rates: read a column at a time where no rate is above the one it is part of only so", arguments: [
        ["Rates per 1,000 population", "Dyfed-Powys Police", "England and Wales"] + labels,
        ["Rates per 1,000 population"] + labels + ["Dyfed-Powys Police England and Wales"],
    ])
    func labelsThenAllRates(head: [String]) throws {
        let numbers = ["38.1", "30.4", "1.6", "4.7", "2.5", "33.2", "63.0", "56.0", "1.6", "6.3", "8.4", "32.9"]
        let (sample, read, _) = try rates(replacingWith: (head + numbers).joined(separator: "\n\n"))
        #expect(sample.count == 12)
        #expect(read == sample.map { figure in
            var moved = figure
            moved.line = read.first { $0.metric == figure.metric && $0.area == figure.area }?.line ?? -1
            return moved
        })
    }

    /// pdfminer.six with `boxes_flow=1.0` (the committed pdfminer-vertical extractions): the force's name over its rates,
    /// "England and Wales" over theirs, then the header over the labels.
    @Test("its columns whole under their names above the header, the labels' below it: read, with the caption's period", arguments: [
        ["Dyfed-Powys Police", "38.1", "30.4", "1.6", "4.7", "2.5", "33.2", "England and Wales", "63.0", "56.0", "1.6", "6.3", "8.4", "32.9"],
        ["England and Wales", "63.0", "56.0", "1.6", "6.3", "8.4", "32.9", "Dyfed-Powys Police", "38.1", "30.4", "1.6", "4.7", "2.5", "33.2"],
    ])
    func columnsAboveHeader(columns: [String]) throws {
        let (sample, read, _) = try rates(replacingWith: (columns + ["Rates per 1,000 population"] + Self.labels).joined(separator: "\n\n"))
        #expect(sample.count == 12)
        #expect(read == sample.map { figure in
            var moved = figure
            moved.line = read.first { $0.metric == figure.metric && $0.area == figure.area }?.line ?? -1
            return moved
        })
    }

    @Test("columns above the header one rate short, with a number between them, or nesting as no crimes do: not read")
    func columnsAboveHeaderBroken() throws {
        let force = ["Dyfed-Powys Police", "38.1", "30.4", "1.6", "4.7", "2.5", "33.2"]
        let other = ["England and Wales", "63.0", "56.0", "1.6", "6.3", "8.4", "32.9"]
        let below = ["Rates per 1,000 population"] + Self.labels
        #expect(try rates(replacingWith: (force + other.dropLast() + below).joined(separator: "\n")).read.isEmpty)
        #expect(try rates(replacingWith: (force + ["7"] + other + below).joined(separator: "\n")).read.isEmpty)
        // Victim-based crime above recorded crime in the force's column.
        let unnested = ["Dyfed-Powys Police", "30.4", "38.1", "1.6", "4.7", "2.5", "33.2"]
        #expect(try rates(replacingWith: (unnested + other + below).joined(separator: "\n")).read.isEmpty)
    }

    @Test("its labels, then all its rates a row at a time, or rates no label is part of: not read")
    func labelsThenRowsOfRates() throws {
        let head = ["Rates per 1,000 population", "Dyfed-Powys Police", "England and Wales"]
        let byRow = ["38.1", "63.0", "30.4", "56.0", "1.6", "1.6", "4.7", "6.3", "2.5", "8.4", "33.2", "32.9"]
        #expect(try rates(replacingWith: (head + Self.labels + byRow).joined(separator: "\n")).read.isEmpty)
        // Burglary (per household) and anti-social behaviour are part of no other rate: nothing tells the readings apart.
        let unrelated = ["Burglary in a dwelling*", "Anti-social behaviour incidents*", "2.5", "33.2", "8.4", "32.9"]
        #expect(try rates(replacingWith: (head + unrelated).joined(separator: "\n")).read.isEmpty)
    }

    private static let dyfedOutcomes = """
        Outcome type/group\tDyfed-Powys Police Number of outcomes\tRate\tEngland and Wales Number of outcomes\tRate
        Charged/Summonsed\t4,405\t22.4\t577,678\t16.0
        Taken into consideration\t68\t0.3\t21,318\t0.6
        Out-of-court (formal)\t1,790\t9.1\t165,384\t4.6
        Caution - youths\t178\t0.9\t19,703\t0.5
        Caution - adults\t1,293\t6.6\t115,000\t3.2
        Penalty Notices for Disorder\t319\t1.6\t30,681\t0.8
        Out-of-court (informal)\t1,622\t8.2\t159,915\t4.4
        Cannabis/Khat warning\t818\t4.2\t41,964\t1.2
        Community resolution\t804\t4.1\t117,951\t3.3
        """

    private func outcomes(replacingWith table: String) throws -> (sample: [String], read: [String]) {
        let text = String(decoding: Fixtures.sample(dyfedPowys), as: UTF8.self)
        #expect(text.contains(Self.dyfedOutcomes))
        let outcomes = { (report: Report) in
            report.figures.filter { $0.metric == .outcomeCount || $0.metric == .outcomeRatePct }
                .map { "\($0.area) \($0.metric) \($0.qualifier.map(\.rawValue) ?? "-") \($0.value) \($0.period)" }
        }
        return (outcomes(try parse(Array(text.utf8))), outcomes(try parse(Array(text.replacingOccurrences(of: Self.dyfedOutcomes, with: table).utf8))))
    }

    /// pdfminer-tight: some of the force's counts among the outcome types, its rates with England and Wales' first
    /// count among them, then the other counts, "Rate", England and Wales' rates. `pdftotext -colspacing 2`: each row's
    /// force rate, England and Wales count and rate by turns.
    @Test("the outcomes scrambled by an extraction are read where only one parting of counts and rates agrees", arguments: [
        "Outcome type/group\nDyfed-Powys Police Number\nof outcomes\nRate\nEngland and Wales Number\nof outcomes\nCharged/Summonsed\n4,405\nTaken into consideration\n68\nOut-of-court (formal)\nCaution - youths\nCaution - adults\n1,790\n178\n1,293\nPenalty Notices for Disorder\n319\nOut-of-court (informal)\nCannabis/Khat warning\nCommunity resolution\n1,622\n818\n804\n22.4\n577,678\n0.3\n9.1\n0.9\n6.6\n1.6\n8.2\n4.2\n4.1\n21,318\n165,384\n19,703\n115,000\n30,681\n159,915\n41,964\n117,951\nRate\n16.0\n0.6\n4.6\n0.5\n3.2\n0.8\n4.4\n1.2\n3.3",
        "Outcome type/group\nDyfed-Powys Police Number of\noutcomes\nCharged/Summonsed\n4,405\nTaken into consideration\n68\nOut-of-court (formal)\n1,790\nCaution - youths\n178\nCaution - adults\n1,293\nPenalty Notices for Disorder 319\nOut-of-court (informal)\n1,622\nCannabis/Khat warning\n818\nCommunity resolution\n804\nRate\nEngland and Wales Number\nRate\nof outcomes\n22.4\n577,678\n16.0\n0.3\n21,318\n0.6\n9.1\n165,384\n4.6\n0.9\n19,703\n0.5\n6.6\n115,000\n3.2\n1.6\n30,681\n0.8\n8.2\n159,915\n4.4\n4.2\n41,964\n1.2\n4.1\n117,951\n3.3",
    ])
    func scrambledOutcomes(table: String) throws {
        let (sample, read) = try outcomes(replacingWith: table + "\n\nSource: Home Office crime outcomes data")
        #expect(sample.count == 36)
        #expect(read == sample)
    }

    /// pdfminer.six with `boxes_flow=1.0` (the committed pdfminer-vertical extractions): the force's column title and
    /// first five counts above the header, its other counts among and after the outcome types, then England and Wales'
    /// rates ("Rate") before its counts, and the force's rates ("Rate") last.
    @Test("outcomes whose force column opens above the header and whose rate columns stand in the other order: read, with the caption's period")
    func outcomesOpeningAboveHeader() throws {
        let table = "Dyfed-Powys Police Number\nof outcomes\n4,405\n68\n1,790\n178\n1,293\n\nOutcome type/group\n\nCharged/Summonsed\nTaken into consideration\nOut-of-court (formal)\nCaution - youths\nCaution - adults\nPenalty Notices for Disorder 319\nOut-of-court (informal)\nCannabis/Khat warning\nCommunity resolution\n\n1,622\n818\n804\n\nRate\n\n16.0\n0.6\n4.6\n0.5\n3.2\n0.8\n4.4\n1.2\n3.3\n\nEngland and Wales Number\nof outcomes\n577,678\n21,318\n165,384\n19,703\n115,000\n30,681\n159,915\n41,964\n117,951\n\nRate\n\n22.4\n0.3\n9.1\n0.9\n6.6\n1.6\n8.2\n4.2\n4.1"
        let (sample, read) = try outcomes(replacingWith: table + "\n\nSource: Home Office crime outcomes data")
        #expect(sample.count == 36)
        #expect(read == sample)
    }

    @Test("scrambled outcomes whose counts, parted any way, do not agree with their rates are not read")
    func scrambledOutcomesDisagreeing() throws {
        // The force's first two counts swapped: no parting of the numbers gives rates that agree.
        let table = "Outcome type/group\nDyfed-Powys Police Number of outcomes\nRate\nEngland and Wales Number of outcomes\nRate\nCharged/Summonsed\nTaken into consideration\nOut-of-court (formal)\nCaution - youths\nCaution - adults\nPenalty Notices for Disorder\nOut-of-court (informal)\nCannabis/Khat warning\nCommunity resolution\n68\n4,405\n1,790\n178\n1,293\n319\n1,622\n818\n804\n22.4\n0.3\n9.1\n0.9\n6.6\n1.6\n8.2\n4.2\n4.1\n577,678\n21,318\n165,384\n19,703\n115,000\n30,681\n159,915\n41,964\n117,951\n16.0\n0.6\n4.6\n0.5\n3.2\n0.8\n4.4\n1.2\n3.3"
        let (sample, read) = try outcomes(replacingWith: table + "\n\nSource: Home Office crime outcomes data")
        #expect(sample.count == 36)
        #expect(read.isEmpty)
    }
}

/// A figure table's row with more numbers on its line than the table has columns: which are the row's is not known.
@Suite("A figure table row with more numbers than columns")
struct ExtraNumbersRowTests {
    private static let rows: [(printed: String, label: String, metric: Metric, qualifier: OutcomeType?)] = [
        ("Burglary in a dwelling*\t2.5\t8.4", "Burglary in a dwelling", .burglaryDwellingPer1000Households, nil),
        ("Community resolution\t804\t4.1\t117,951\t3.3", "Community resolution", .outcomeCount, .communityResolution),
    ]

    /// A footnote's number beside its label (a superscript "4" as pdftotext sets it), or a count's groups set apart (a
    /// thin space where the comma was): before, the row took its first numbers, the footnote's "4" a burglary rate.
    @Test("is left out, said, and the rows around it are read", arguments: [
        (0, "Burglary in a dwelling 4\t2.5\t8.4"), (1, "Community resolution 8\t804\t4.1\t117,951\t3.3"),
        (1, "Community resolution\t804\t4.1\t117 951\t3.3"),
    ])
    func leftOut(row: Int, changed: String) throws {
        let text = String(decoding: Fixtures.sample(dyfedPowys), as: UTF8.self)
        let (printed, label, metric, qualifier) = Self.rows[row]
        #expect(text.contains(printed + "\n"))
        let table = { (figures: [Figure]) in figures.filter { $0.source == .figureTable } }
        let sample = table(try parse(Array(text.utf8)).figures)
        let report = try parse(Array(text.replacingOccurrences(of: printed + "\n", with: changed + "\n").utf8))
        let isRow = { (figure: Figure) in figure.metric == metric && figure.qualifier == qualifier }
        #expect(sample.contains(where: isRow))
        #expect(table(report.figures) == sample.filter { !isRow($0) && !($0.metric == .outcomeRatePct && $0.qualifier == qualifier) })
        #expect(report.problems.contains { $0.message.hasPrefix("figure table row \"\(label)\" holds more numbers than the table's") })
    }
}

/// "Incidents per 1,000 population" labels the calls for assistance panel; before, the same words under the
/// anti-social behaviour panel's heading made its rates calls for assistance (two wrong values, a duplicate key).
@Suite("A Force in numbers label that does not say what it counts")
struct PanelHeadingLabelTests {
    @Test("under another panel's heading it is left out, said; under its own it is read", arguments: [
        ("peel-effectiveness-2017-gwent.md", "Anti-social behaviour (ASB)  \nincidents per 1,000 population  \n", "Incidents per 1,000 population  \n"),
        ("peel-effectiveness-2017-west-mercia.txt", "Anti-social behaviour (ASB) incidents per 1,000 population", "Incidents per 1,000 population"),
    ])
    func leftOutUnderAnotherHeading(sample: String, printed: String, reworded: String) throws {
        let text = String(decoding: Fixtures.sample(sample), as: UTF8.self)
        #expect(text.components(separatedBy: printed).count == 2)
        let original = try parse(Array(text.utf8)).figures
        let report = try parse(Array(text.replacingOccurrences(of: printed, with: reworded).utf8))
        #expect(original.filter { $0.metric == .asbIncidentsPer1000 }.count == 2)
        #expect(original.filter { $0.metric == .callsForAssistancePer1000 }.count == 2)
        // (The Markdown's label is a line shorter: the lines after it are numbered one less.)
        let values = { (figures: [Figure]) in figures.map { "\($0.area) \($0.metric) \($0.value) \($0.period)" } }
        #expect(values(report.figures) == values(original.filter { $0.metric != .asbIncidentsPer1000 }))
        #expect(report.problems.contains { $0.message.contains("under the heading \"anti-social behaviour\" does not say which incidents it counts") })
    }
}
