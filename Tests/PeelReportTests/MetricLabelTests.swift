@testable import PeelReport
import PeelTestSupport
import Testing

/// `Metric.fromLabel` and `Metric.outcomeType` compare ASCII labels on bytes, ignoring case; their plain definition
/// lowercases the label and compares Strings. These are that definition, to hold the byte reading to.
private enum PlainLabels {
    static func outcomeType(_ text: String) -> OutcomeType? {
        let text = text.lowercased()
        if text.hasPrefix("charged/summon") { return .chargedSummonsed }
        if text.hasPrefix("taken into consideration") { return .takenIntoConsideration }
        if text.hasPrefix("out-of-court (formal)") { return .outOfCourtFormal }
        if text.hasPrefix("out-of-court (informal)") { return .outOfCourtInformal }
        if text.hasPrefix("caution - youth") || text.hasPrefix("caution – youth") { return .cautionYouths }
        if text.hasPrefix("caution - adult") || text.hasPrefix("caution – adult") { return .cautionAdults }
        if text.hasPrefix("penalty notices for disorder") { return .penaltyNoticesForDisorder }
        if text.hasPrefix("cannabis/khat warning") { return .cannabisKhatWarning }
        if text.hasPrefix("community resolution") { return .communityResolution }
        if text.hasPrefix("evidential difficulties") { return .evidentialDifficultiesVictimNotSupporting }
        if text.hasPrefix("investigation completed but no suspect identified") || text.hasPrefix("no suspect identified") { return .noSuspectIdentified }
        return nil
    }

    static func fromLabel(_ label: String) -> (metric: Metric, qualifier: OutcomeType?)? {
        let text = label.lowercased()
        func contains(_ word: String) -> Bool { text.contains(word) }
        if let outcome = outcomeType(text) { return (.outcomeRatePct, outcome) }
        if text.hasPrefix("change") {
            let years = Dates.spanInYears(text)
            if contains("asb") || contains("anti-social") { return (.asbIncidentsChange1yPct, nil) }
            if contains("victim-based") { return (.victimBasedCrimeChange5yPct, nil) }
            if contains("recorded crime") { return (years == 5 ? .recordedCrimeChange5yPct : .recordedCrimeChange1yPct, nil) }
            return nil
        }
        if contains("calls for assistance") || text.hasPrefix("incidents per 1,000") { return (.callsForAssistancePer1000, nil) }
        if contains("charge rate") { return (.chargeRatePct, nil) }
        if contains("domestic abuse") {
            if contains("percentage") { return (.domesticAbusePctOfCrime, nil) }
            if contains("arrest") { return (.domesticAbuseArrestsPer100Offences, nil) }
            if contains("per 1,000") { return (.domesticAbuseIncidentsPer1000, nil) }
            return nil
        }
        if contains("organised crime group") && contains("million") { return (.ocgPerMillion, nil) }
        if contains("victim satisfaction") { return (.victimSatisfactionPct, nil) }
        if text.hasPrefix("burglary") { return (.burglaryDwellingPer1000Households, nil) }
        if contains("anti-social behaviour") || contains("(asb)") { return (.asbIncidentsPer1000, nil) }
        if text.hasPrefix("victim-based crime") { return (.victimBasedCrimePer1000, nil) }
        if text.hasPrefix("sexual offences") { return (.sexualOffencesPer1000, nil) }
        if text.hasPrefix("assault with injury") { return (.assaultWithInjuryPer1000, nil) }
        if contains("crimes recorded") || text.hasPrefix("recorded crime") { return (.recordedCrimePer1000, nil) }
        return nil
    }
}

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
            let expected = PlainLabels.fromLabel(label)
            let read = Metric.fromLabel(label)
            if expected != nil { named += 1 }
            #expect(read?.metric == expected?.metric && read?.qualifier == expected?.qualifier, "seed \(seed): \(label)")
            let outcome = PlainLabels.outcomeType(label)
            if outcome != nil { outcomes += 1 }
            #expect(Metric.outcomeType(label) == outcome, "seed \(seed): \(label)")
        }
        #expect(named > 1000 && outcomes > 300, "seed \(seed): the draw named enough metrics (\(named)) and outcomes (\(outcomes))")
    }
}
