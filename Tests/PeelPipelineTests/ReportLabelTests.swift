import Foundation
@testable import PeelPipeline
import PeelReport
import PeelTestSupport
import PeelText
import Testing

/// How a finding listed on the run's page names its report, without a string kept per report: the force and year in
/// four bytes beside where the report's bytes were first met (`FirstSeen`).
@Suite("Report labels on the run's page")
struct ReportLabelTests {
    private let forces = try! ForceRegistry(csv: String(decoding: readBytes(Fixtures.packageRoot + "/Pipeline/forces.csv"), as: UTF8.self))

    private func parse(_ bytes: [UInt8]) throws -> Report {
        ReportParser(forces: forces).parse(try TextDecoder.decode(bytes))
    }

    @Test("a force report is its force and year, the national overview its year, a document that is no report nothing")
    func subjects() throws {
        let collector = RunReportCollector(forces: forces)
        let gwent = try parse(Fixtures.sample("peel-effectiveness-2017-gwent.md"))
        let subject = collector.subject(of: gwent)
        #expect(subject.year == 2017)
        #expect(forces.forces[Int(subject.force)].name == "Gwent Police")
        let national = collector.subject(of: try parse(Fixtures.sample("peel-effectiveness-2015-national-overview.md")))
        #expect(national == ReportSubject(force: ReportSubject.national, year: 2015))
        let note = try parse(Array("Minutes of the meeting of 3 May 2016.\nPresent: the chair.\n".utf8))
        #expect(note.reportType == .other)
        #expect(collector.subject(of: note) == .notReport)
    }

    @Test("the first place of each distinct document is kept with what it is; a later copy is told where the first was")
    func firstPlaces() {
        var seen = FirstSeen()
        let first = String(repeating: "a", count: 64), second = String(repeating: "b", count: 64)
        let gwent = ReportSubject(force: 12, year: 2017)
        #expect(seen.first(sha256: first, archive: 0, path: "reports/gwent.md", subject: gwent) == nil)
        #expect(seen.first(sha256: second, archive: 1, path: "notes/minutes.txt", subject: .notReport) == nil)
        let again = seen.first(sha256: first, archive: 1, path: "copy/gwent.md", subject: gwent)
        #expect(again?.archive == 0 && again?.path == "reports/gwent.md")
        #expect(seen.place(of: first)?.subject == gwent)
        #expect(seen.place(of: second)?.path == "notes/minutes.txt")
        #expect(seen.place(of: second)?.subject == .notReport)
        #expect(seen.place(of: String(repeating: "c", count: 64)) == nil)
    }
}

@Suite("A finding's metric word")
struct FindingSubjectWordTests {
    @Test("the second word read on bytes is the second word split on Characters, on seeded random subjects")
    func secondWord() {
        let pieces = [" ", "  ", "figures", "asb_incidents_per_1000", "force", "line", "12", "é", "\u{0301}", "–", "…", "x"]
        let seed: UInt64 = 20261204
        print("FindingSubjectWordTests seed \(seed)")
        var generator = SplitMix(seed: seed)
        for _ in 0..<20_000 {
            let subject = (0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let reference = subject.split(separator: " ", maxSplits: 2).dropFirst().first.map(String.init)
            #expect(RunReportCollector.secondWord(subject) == reference, "subject \(Array(subject.utf8)), seed \(seed)")
        }
        #expect(RunReportCollector.secondWord("figures asb_incidents_per_1000 force 12 months to March 2016 line 40") == "asb_incidents_per_1000")
        #expect(RunReportCollector.secondWord("figures") == nil)
        // The subjects peel writes are read on their bytes: their non-ASCII period comes after the second word.
        let written = "figures calls_for_assistance_per_1000 force 2013-04-01…2014-03-31 line 146"
        let onBytes = Array(written.utf8).withUnsafeBufferPointer(RunReportCollector.secondWordOnBytes)
        #expect(onBytes == .some("calls_for_assistance_per_1000"))
        // Not where a combining mark follows the space after the second word, or stands before it.
        #expect(Array("figures rate \u{0301}x".utf8).withUnsafeBufferPointer(RunReportCollector.secondWordOnBytes) == nil)
        #expect(Array("figuré rate x".utf8).withUnsafeBufferPointer(RunReportCollector.secondWordOnBytes) == nil)
    }
}
