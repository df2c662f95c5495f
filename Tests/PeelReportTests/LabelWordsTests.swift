@testable import PeelReport
import Testing

@Suite("A label's words")
struct LabelWordsTests {
    @Test("labels as printed, run together, broken by hyphenation or marked by a footnote are the metric's", arguments: [
        "Burglary in a dwelling*", "Burglaryin a dwelling", "Burglary in a dwelling4", "Recorded crime(excludingfraud)",
        "Crimes recorded (excluding fraud) per 1,000 population 12 months to 30 June 2015", "Anti-social behaviour (ASB) incidents",
        "Change in ASB incidents 12 months to 31 March 2016 against 12 months to 31 March 2017", "Victim satisfaction rate",
    ])
    func metricLabels(label: String) {
        #expect(Metric.fromLabel(label) != nil || Metric.fromLabel(runTogether: label) != nil, "\(label)")
    }

    @Test("outcome rows as printed or broken are their type's; with added words, no type's", arguments: [
        ("Penalty Notices for Disorder", true), ("Penalty No- tices for Disor- der", true), ("Charged/Summoned", true),
        ("Cannabis/Khat warning", true), ("Caution – adults", true), ("Caution - adults and youths", false), ("Community resolution (restorative)", false),
        ("Charged/summonsed (domestic abuse)", false), ("Out-of-court (formal) – all crime", false),
    ])
    func outcomeRows(label: String, read: Bool) {
        let type = Metric.outcomeType(label) ?? Metric.outcomeType(label.replacingOccurrences(of: "- ", with: ""))
        #expect((type != nil) == read, "\(label)")
    }

    @Test("a word the metric's labels never have, or an accented word's pieces, names nothing", arguments: [
        "Burglary in a dwelling (attempted)", "Sexual offences (recent)", "Victim satisfaction rate – burglary", "Victim satisfaction rate ünd",
    ])
    func otherWords(label: String) {
        #expect(Metric.fromLabel(label) == nil, "\(label)")
    }
}
