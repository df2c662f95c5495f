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
        #expect(named > 1000 && outcomes > 300, "seed \(seed): the draw named enough metrics (\(named)) and outcomes (\(outcomes))")
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
        let table = """
            Rates per 1,000 population\tDyfed-Powys Police\tEngland and Wales
            Recorded crime (excluding fraud)\t38.1\t63.0
            Victim-based crime\t30.4\t56.0
            Sexual offences\t1.6\t1.6
            Assault with injury\t4.7\t6.3
            Burglary in a dwelling*\t2.5\t8.4
            Anti-social behaviour incidents*\t33.2\t32.9
            """
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
}
