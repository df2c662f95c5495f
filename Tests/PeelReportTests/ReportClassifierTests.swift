import PeelReport
import PeelTestSupport
import PeelText
import Testing

private func classify(_ string: String) throws -> Report {
    ReportClassifier.classify(try TextDecoder.decode(Array(string.utf8)))
}

@Suite("Report kind from the title page")
struct ReportClassifierTests {
    @Test("each sample is recognised from its text", arguments: [
        ("peel-effectiveness-2015-dyfed-powys.txt", ReportType.force, 2015, "PEEL: Police effectiveness 2015: An inspection of Dyfed-Powys Police", 3),
        ("peel-effectiveness-2015-national-overview.md", .national, 2015, "PEEL: Police effectiveness 2015: A national overview", 5),
        ("peel-effectiveness-2015-wiltshire.txt", .force, 2015, "PEEL: Police effectiveness 2015: An inspection of Wiltshire Police", 3),
        ("peel-effectiveness-2017-gwent.md", .force, 2017, "PEEL: Police effectiveness 2017: An inspection of Gwent Police", 3),
        ("peel-effectiveness-2017-west-mercia.txt", .force, 2017, "PEEL: Police effectiveness 2017: An inspection of West Mercia Police", 3),
    ])
    func samples(name: String, type: ReportType, year: Int, title: String, line: Int) throws {
        let report = ReportClassifier.classify(try TextDecoder.decode(Fixtures.sample(name)))
        #expect(report == Report(reportType: type, pillar: .effectiveness, year: year, title: title, titleLine: line))
    }

    @Test("the file name plays no part: a report under any name is the same report")
    func nameIrrelevant() throws {
        // classify() sees only text; the same bytes give the same answer wherever they came from.
        let bytes = Fixtures.sample("peel-effectiveness-2017-gwent.md")
        #expect(ReportClassifier.classify(try TextDecoder.decode(bytes)).reportType == .force)
    }

    @Test("documents that are not PEEL reports are other", arguments: [
        "Minutes of the police and crime panel\n\nPresent: ...\n",
        "PEEL: Police effectiveness 2015\n\nThis press release is about the report.\n",
        "We read PEEL: Police effectiveness 2015 with interest.\nAn inspection of Gwent Police\n",
        "PEEL: Police effectiveness 15\nAn inspection of Gwent Police\n",
    ])
    func notPEEL(text: String) throws {
        #expect(try classify(text).reportType == .other)
    }

    @Test("other pillars and markdown title markup are recognised")
    func otherPillars() throws {
        let report = try classify("\n\n# **PEEL: Police legitimacy 2016**\n\n<b>An inspection of Kent Police</b>\n")
        #expect(report.reportType == .force)
        #expect(report.pillar == .legitimacy)
        #expect(report.year == 2016)
        #expect(report.titleLine == 3)
    }
}
