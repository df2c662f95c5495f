import PeelReport
import PeelTestSupport
import Testing

/// Numbers a sentence gives only roughly ("more than 83 percent", "between 80.5 and 84.1 percent") or inside a
/// quotation (an officer's words): no figure of the report. A fourth audit found each read as the force's figure.
@Suite("Rough and quoted numbers are no figure")
struct RoughNumberTests {
    static let satisfaction = "Of those who have been the victim of a crime in Wiltshire in the 12 months to 31 March 2015, 83.8 percent were satisfied with their whole experience with the police."
    static let incidents = "In the 12 months to 30 June 2015, Wiltshire Police recorded 21,251 incidents of anti-social behaviour."

    /// Wiltshire's sample with `sentence` in place of `original` (the opening of its line), and that line.
    private func variant(replacing original: String, with sentence: String) throws -> (report: Report, line: Int) {
        let text = String(decoding: try Fixtures.sample(wiltshire), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let at = try #require(lines.firstIndex { $0.hasPrefix(original) })
        lines[at] = sentence + lines[at].dropFirst(original.count)
        return (try parse(Array(lines.joined(separator: "\n").utf8)), at + 1)
    }

    private func forceFigures(_ report: Report, line: Int, _ metric: Metric) -> [Double] {
        report.figures.filter { $0.area == .force && $0.line == line && $0.metric == metric }.map(\.value)
    }

    @Test("the sample's sentences: read")
    func sample() throws {
        let (report, line) = try variant(replacing: Self.satisfaction, with: Self.satisfaction)
        #expect(forceFigures(report, line: line, .victimSatisfactionPct) == [83.8])
        let (counted, countLine) = try variant(replacing: Self.incidents, with: Self.incidents)
        #expect(forceFigures(counted, line: countLine, .asbIncidentsCount) == [21251])
    }

    @Test("a rate given roughly: left out, said", arguments: [
        ("more than 83 percent were satisfied", "roughly"),
        ("nearly 84 percent were satisfied", "roughly"),
        ("between 80.5 and 84.1 percent were satisfied", "range"),
    ])
    func rough(_ words: String, said: String) throws {
        let sentence = Self.satisfaction.replacingOccurrences(of: "83.8 percent were satisfied", with: words)
        let (report, line) = try variant(replacing: Self.satisfaction, with: sentence)
        #expect(forceFigures(report, line: line, .victimSatisfactionPct).isEmpty)
        #expect(report.problems.contains { $0.line == line && $0.message.contains("read as no figure") && $0.message.contains(said) },
                "\(report.problems.map(\.message))")
        // The England and Wales rate the next sentence gives stands.
        #expect(report.figures.contains { $0.area == .englandAndWales && $0.metric == .victimSatisfactionPct && $0.value == 83.8 })
    }

    /// "Recorded 9,870 incidents … classified as nuisance, out of 17,130 in total" gave 9,870 as the force's count.
    @Test("a count of a part, beside the whole: no count read")
    func part() throws {
        let (report, line) = try variant(replacing: Self.incidents, with: "In the 12 months to 30 June 2015, Wiltshire Police recorded 9,870 incidents of anti-social behaviour classified as nuisance, out of 21,251 in total.")
        #expect(forceFigures(report, line: line, .asbIncidentsCount).isEmpty)
    }

    @Test("a count inside an officer's words: left out, said", arguments: [
        "One officer told us: \"Wiltshire Police recorded 300 incidents of anti-social behaviour in a single month last summer.\"",
        "One officer told us: \u{201C}Wiltshire Police recorded 300 incidents of anti-social behaviour in a single month last summer.\u{201D}",
    ])
    func quoted(_ sentence: String) throws {
        let (report, line) = try variant(replacing: Self.incidents, with: sentence)
        #expect(forceFigures(report, line: line, .asbIncidentsCount).isEmpty)
        #expect(report.problems.contains { $0.line == line && $0.message.contains("quotation") }, "\(report.problems.map(\.message))")
    }
}

/// A victim satisfaction rate is the share satisfied with their whole experience, this year's. A fourth audit found a
/// part of the experience, a target and the national rate of the previous year each read as this year's rate.
@Suite("Victim satisfaction: the whole experience, this year")
struct SatisfactionWordingTests {
    static let sentence = "Of those who have been the victim of a crime in Wiltshire in the 12 months to 31 March 2015, 83.8 percent were satisfied with their whole experience with the police. This is similar to the national victim satisfaction rate of 83.8 percent over the same time period."

    private func read(_ paragraph: String) throws -> (force: [Double], englandAndWales: [Double]) {
        let text = String(decoding: try Fixtures.sample(wiltshire), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let at = try #require(lines.firstIndex { $0.hasPrefix(Self.sentence) })
        lines[at] = paragraph
        let figures = try parse(Array(lines.joined(separator: "\n").utf8)).figures.filter { $0.line == at + 1 && $0.metric == .victimSatisfactionPct }
        return (figures.filter { $0.area == .force }.map(\.value), figures.filter { $0.area == .englandAndWales }.map(\.value))
    }

    @Test("the sample's wording: both rates")
    func sample() throws {
        let rates = try read(Self.sentence)
        #expect(rates.force == [83.8] && rates.englandAndWales == [83.8])
    }

    @Test("a part of the experience, or a target: no rate of the force", arguments: [
        "83.8 percent were satisfied with the way they were kept informed",
        "83.8 percent were satisfied with the initial police response",
    ])
    func part(_ words: String) throws {
        let rates = try read(Self.sentence.replacingOccurrences(of: "83.8 percent were satisfied with their whole experience with the police", with: words))
        #expect(rates.force.isEmpty)
        #expect(rates.englandAndWales == [83.8])
    }

    @Test("the national rate of the previous year: not this year's")
    func nationalPreviousYear() throws {
        let rates = try read(Self.sentence.replacingOccurrences(of: "over the same time period", with: "in the previous year"))
        #expect(rates.force == [83.8])
        #expect(rates.englandAndWales.isEmpty)
    }
}
