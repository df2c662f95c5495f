import Foundation
@testable import PeelPipeline
import PeelReport
import PeelTestSupport
import PeelText
import Testing

/// What the run's page gathers as entries are committed: bounded by the vocabulary, growing only with PEEL reports.
@Suite("The run page's data")
struct RunReportCollectorTests {
    @Test("a document that is no PEEL report leaves nothing behind (an archive of a million notes held 360 MB); a PEEL report its label")
    func otherDocumentsLeaveNothing() throws {
        let forces = try ForceRegistry(csv: String(decoding: readBytes(Fixtures.packageRoot + "/Pipeline/forces.csv"), as: UTF8.self))
        let parser = ReportParser(forces: forces)
        let collector = RunReportCollector(forces: forces)
        let note = parser.parse(try TextDecoder.decode(Array("Minutes of the meeting of 3 May 2016.\nPresent: the chair.\n".utf8)))
        #expect(note.reportType == .other)
        for index in 0..<1000 {
            collector.note(note, id: String(repeating: "0", count: 60) + String(format: "%04d", index), archive: "notes.tar.gz",
                           entry: "docs/note-\(index).txt", pages: nil)
        }
        #expect(collector.labelledReports == 0)
        let name = Fixtures.sampleNames[0]
        let report = parser.parse(try TextDecoder.decode(Fixtures.sample(name)))
        #expect(report.reportType == .force)
        collector.note(report, id: String(repeating: "f", count: 64), archive: "reports.tar.gz", entry: name, pages: nil)
        #expect(collector.labelledReports == 1)
    }
}
