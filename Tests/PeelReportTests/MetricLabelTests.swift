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
