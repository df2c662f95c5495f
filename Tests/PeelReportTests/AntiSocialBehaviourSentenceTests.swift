@testable import PeelReport
import PeelTestSupport
import Testing

/// Whose anti-social behaviour a sentence counts. A fourth audit found a part of the force's area ("the neighbourhood
/// team in Woking recorded 45 incidents …") and one kind of anti-social behaviour ("… incidents of personal
/// anti-social behaviour. This is 12 percent fewer incidents than the force recorded …") read as the force's count
/// and change of all its incidents.
@Suite("Anti-social behaviour: the force's, all of it")
struct AntiSocialBehaviourSentenceTests {
    /// Wiltshire's line, which gives the count and then the change.
    static let original = "In the 12 months to 30 June 2015, Wiltshire Police recorded 21,251 incidents of anti-social behaviour. This is 5 percent fewer incidents than the force recorded during the previous 12 months."

    /// Wiltshire's sample with `sentences` in place of `original` (the opening of its line), and that line.
    private func variant(_ sentences: String) throws -> (report: Report, line: Int) {
        try parseSample(wiltshire, line: Self.original) { sentences + $0.dropFirst(Self.original.count) }
    }

    private func forceFigures(_ report: Report, line: Int, _ metric: Metric) -> [Double] {
        report.figures.filter { $0.area == .force && $0.line == line && $0.metric == metric }.map(\.value)
    }

    private func said(_ report: Report, line: Int, _ metric: Metric) -> Bool {
        report.problems.contains { $0.line == line && $0.message.hasPrefix("\(metric.rawValue) not read") }
    }

    @Test("the force's own words, or its name in another form: read", arguments: [
        Self.original,
        "In the 12 months to 30 June 2015, the force recorded 21,251 incidents of anti-social behaviour. This is 5 percent fewer incidents than the force recorded during the previous 12 months.",
        "Over the same period Wiltshire Police has recorded 21,251 incidents of anti-social behaviour. This is 5 percent fewer incidents than the force recorded during the previous 12 months.",
        "In the 12 months to 30 June 2015, Wiltshire recorded 21,251 incidents of anti-social behaviour (ASB). There were 5 percent fewer incidents than the force recorded during the previous 12 months.",
    ])
    func read(_ sentences: String) throws {
        let (report, line) = try variant(sentences)
        #expect(forceFigures(report, line: line, .asbIncidentsCount) == [21251])
        #expect(forceFigures(report, line: line, .asbIncidentsChange1yPct) == [-5])
        #expect(!said(report, line: line, .asbIncidentsCount) && !said(report, line: line, .asbIncidentsChange1yPct))
    }

    @Test("a part of the force's area, or someone other than the force, recorded: left out, said", arguments: [
        "In the 12 months to 30 June 2015, the neighbourhood team in Wiltshire recorded 45 incidents of anti-social behaviour.",
        "In the 12 months to 30 June 2015, the neighbourhood team in Salisbury recorded 45 incidents of anti-social behaviour.",
        "In the 12 months to 30 June 2015, officers of Wiltshire Police recorded 45 incidents of anti-social behaviour.",
        "In the 12 months to 30 June 2015, the council's wardens recorded 45 incidents of anti-social behaviour.",
        "In the 12 months to 30 June 2015, Surrey Police and Wiltshire Police recorded 45 incidents of anti-social behaviour.",
    ])
    func notTheForce(_ sentence: String) throws {
        let (report, line) = try variant(sentence + " This is 5 percent fewer incidents than the force recorded during the previous 12 months.")
        #expect(forceFigures(report, line: line, .asbIncidentsCount).isEmpty)
        #expect(said(report, line: line, .asbIncidentsCount), "\(report.problems.map(\.message))")
        // The change that refers back to it is that part's too.
        #expect(forceFigures(report, line: line, .asbIncidentsChange1yPct).isEmpty)
        #expect(said(report, line: line, .asbIncidentsChange1yPct), "\(report.problems.map(\.message))")
    }

    @Test("one kind of anti-social behaviour: neither its count nor its change read; the change said", arguments: [
        "incidents of personal anti-social behaviour", "incidents of anti-social behaviour classified as nuisance", "environmental incidents of anti-social behaviour",
    ])
    func oneKind(_ kind: String) throws {
        let (report, line) = try variant("In the 12 months to 30 June 2015, Wiltshire Police recorded 8,000 \(kind). This is 12 percent fewer incidents than the force recorded during the previous 12 months.")
        #expect(forceFigures(report, line: line, .asbIncidentsCount).isEmpty)
        #expect(forceFigures(report, line: line, .asbIncidentsChange1yPct).isEmpty)
        #expect(said(report, line: line, .asbIncidentsChange1yPct), "\(report.problems.map(\.message))")
    }

    @Test("a change after a sentence about other incidents: not read as anti-social behaviour's, said")
    func otherIncidents() throws {
        let (report, line) = try variant("In the 12 months to 30 June 2015, Wiltshire Police recorded 3,100 incidents of criminal damage. This is 12 percent fewer incidents than the force recorded during the previous 12 months.")
        #expect(forceFigures(report, line: line, .asbIncidentsChange1yPct).isEmpty)
        #expect(said(report, line: line, .asbIncidentsChange1yPct), "\(report.problems.map(\.message))")
    }
}

/// Every force's name, short name and alias, as the words before "recorded", names a force that recorded; with a word
/// before it that makes it a place or a partner, none does.
@Suite("Who recorded: every force's names")
struct RecorderNameTests {
    @Test("each force's names")
    func names() throws {
        let forces = NarrativeFigures.OtherForces(registry: registry, except: nil)
        for force in registry.forces {
            for name in [force.name, force.shortName] + force.aliases {
                for opening in ["In the 12 months to 30 June 2015, ", "In the 12 months to 30 June 2015, the ", "", "Over the same period "] {
                    #expect(NarrativeFigures.recordedByTheForce(opening + name + " ", forces), "\(opening + name)")
                }
                for opening in ["Officers of ", "The neighbourhood team in ", "Surrey Police and ", "The partnership with "] {
                    #expect(!NarrativeFigures.recordedByTheForce(opening + name + " ", forces), "\(opening + name)")
                }
            }
        }
        #expect(NarrativeFigures.recordedByTheForce("In 2015 the force has ", forces))
        #expect(!NarrativeFigures.recordedByTheForce("In 2015 the council ", forces))
    }
}
