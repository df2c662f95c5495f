import Foundation
@testable import PeelReport
import PeelTestSupport
import PeelText
import Testing

/// Tables a typesetter set in narrow columns, justified and hyphenated inside their cells (groff's tbl, as
/// `pdftotext -layout` prints it: `Tests/Fixtures/make-groff-extractions.sh`), read with the same values as the reports
/// print; a row that cannot be read so is left out, said.
@Suite("Tables hyphenated in narrow cells")
struct TypesetTableTests {
    /// `sample`'s text with the lines from the one opening with `first` to the one opening with `last` (both kept out)
    /// replaced by `replacement`.
    private func replacing(in sample: String, from first: String, through last: String, with replacement: String) throws -> [UInt8] {
        let lines = String(decoding: Fixtures.sample(sample), as: UTF8.self).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix(first) })
        let end = try #require(lines[start...].firstIndex { $0.hasPrefix(last) })
        return Array((lines[..<start] + replacement.components(separatedBy: "\n") + lines[(end + 1)...]).joined(separator: "\n").utf8)
    }

    private func grades(_ report: Report, _ forces: Set<String>) -> [String] {
        report.judgments.filter { $0.forceID.map(forces.contains) ?? false }.map { "\($0.forceID!) \($0.question.rawValue) \($0.grade.rawValue)" }.sorted()
    }

    @Test("the all-force table: names and grades joined across their cells' lines; a row run together or naming no force left out, said")
    func nationalTable() throws {
        let table = """
            Force           Q1. Pre-        Q2. Investi-     Q3. Protect-     Q4. Tack-       Overall ef-
                            venting         gating crime     ing vulnera-     ling serious    fectiveness
                            crime and       and manag-       ble people       and organ-      judgment
                            anti-social     ing offend-                       ised crime
                            behaviour       ers
            Avon and        Good            Requires im-     Requires im-     Good            Requires im-
            Somerset                        provement        provement                        provement
            Bedford-        Requires im-    Good             Inadequate       Requires im-    Requires im-
            shire           provement                                         provement       provement
            Cheshire        Outstanding     Good             Good             Requires im-    Good
                                                                              provement
            City of Lon-    Good            Good             Requires im-     Good            Good
            don                                              provement

            \u{0C}Dyfed-        Good           Requires im-    Requires im-   Good           Requires im-
            Powys                        provement       provement                     provement
            Essex         Requires im- Requires im-   Inadequate     Good           Requires im-
                          provement    provement                                    provement
            Narnia        Good           Good            Good           Good           Good
            Humber-       Requires im-   Requires im-    Requires im-   Good           Requires
            side          provement      provement       provement                     improve-
                                                                                       ment
            Wiltshire     Good           Good            Requires im-   Good           Good
                                                         provement
            """
        let report = try parse(try replacing(in: nationalOverview, from: "Force\tQ1.", through: "<b>Wiltshire</b>", with: table))
        let read: Set = ["avon-and-somerset", "bedfordshire", "cheshire", "city-of-london", "dyfed-powys", "humberside", "wiltshire"]
        let expected = grades(try parseSample(nationalOverview), read)
        #expect(expected.count == 35)
        #expect(grades(report, read) == expected)
        #expect(!report.judgments.contains { $0.forceID == "essex" })
        #expect(report.problems.contains { $0.message.contains("row with 5 cells where the table has 6") })
        #expect(report.problems.contains { $0.message.contains("row \"Narnia\" names no force") })
    }

    /// Cells that nearly fill their columns stand one space from the next (`pdftotext -layout` of a justified or serif
    /// page): parted where the table's columns start — the header's markers until a row sets them — and a name broken
    /// inside a word with no hyphen ("Cambridgesh" / "ire") read by its letters.
    @Test("cells run together one space apart are parted where the columns start; a name broken with no hyphen is read by its letters")
    func cellsOneSpaceApart() throws {
        let starts = [0, 21, 39, 57, 73, 90]
        func line(_ cells: [String]) -> String {
            var text = ""
            for (cell, start) in zip(cells, starts) where !cell.isEmpty {
                text += String(repeating: " ", count: max(start - text.count, text.isEmpty ? 0 : 1)) + cell
            }
            return text
        }
        let table = [
            line(["Force", "Q1. Preventing", "Q2. Investigating", "Q3. Protect-", "Q4. Tackling", "Overall effective-"]),
            line(["", "crime and", "crime and man-", "ing vulner-", "serious and", "ness judgment"]),
            line(["", "anti-social be-", "aging offenders", "able people", "organised"]),
            line(["", "haviour", "", "", "crime"]),
            // The first row run together: parted at the header's markers.
            line(["Avon and Somerset", "Good", "Requires improve-", "Requires im-", "Good", "Requires improve-"]),
            line(["", "", "ment", "provement", "", "ment"]),
            line(["Bedfordshire", "Requires im-", "Good", "Inadequate", "Requires im-", "Requires improve-"]),
            line(["", "provement", "", "", "provement", "ment"]),
            line(["Cambridgesh", "Good", "Requires improve-", "Requires im-", "Good", "Requires improve-"]),
            line(["ire", "", "ment", "provement", "", "ment"]),
            // Parted where the row before set its columns.
            line(["Essex", "Requires im-", "Requires improve-", "Inadequate", "Good", "Requires improve-"]),
            line(["", "provement", "ment", "", "", "ment"]),
        ].joined(separator: "\n")
        #expect(table.contains("Requires improve- Requires im-") && table.contains("Requires improve- Inadequate"))
        let report = try parse(try replacing(in: nationalOverview, from: "Force\tQ1.", through: "<b>Wiltshire</b>", with: table))
        let read: Set = ["avon-and-somerset", "bedfordshire", "cambridgeshire", "essex"]
        let expected = grades(try parseSample(nationalOverview), read)
        #expect(expected.count == 20)
        #expect(grades(report, read) == expected, "\(report.problems.map(\.message))")

        // `pdftotext -layout` of the overview set in a serif face and of it justified on A5: continuation lines run
        // together ("improvemen improvemen"), and rows ("Requires Requires", a column's start a place off). On A5 unjustified,
        // words broken inside narrow cells with no hyphen, the header's too ("Preventin" / "g crime", "Outstandi" / "ng").
        let variants = [("serif-layout", ["cumbria", "surrey", "warwickshire"], "improvemen improvemen"),
                        ("justified-a5-layout", ["essex"], "Essex           Requires Requires"),
                        ("a5-layout", ["cleveland", "durham", "essex"], "               Preventin    Investigati")]
        for (variant, forces, shown) in variants {
            let path = Fixtures.packageRoot + "/Tests/Fixtures/extractions/\(sampleStem(nationalOverview)).\(variant).txt"
            let printed = readBytes(path)
            #expect(String(decoding: printed, as: UTF8.self).contains(shown), "\(variant)")
            let variantReport = try parse(printed)
            #expect(grades(variantReport, Set(forces)) == grades(try parseSample(nationalOverview), Set(forces)), "\(variant)")
            #expect(grades(variantReport, Set(forces)).count == forces.count * 5)
        }
    }

    @Test("figure tables: a header word and labels broken in their cells, \"Outcome\" over \"type/group\"")
    func figureTables() throws {
        let rates = """
            Rates per 1,000 popu-    Dyfed-Powys Police       England and Wales
            lation
            Recorded crime (ex-      38.1                     63.0
            cluding fraud)
            Victim-based crime       30.4                     56.0
            Sexual offences          1.6                      1.6
            Assault with injury      4.7                      6.3
            Burglary in a            2.5                      8.4
            dwelling*
            Anti-social behaviour    33.2                     32.9
            incidents*
            """
        let outcomes = """
            Outcome            Dyfed-Powys       Rate    England and       Rate
            type/group         Police Num-               Wales Number
                               ber of out-               of outcomes
                               comes
            Charged/Sum-       4,405             22.4    577,678           16.0
            monsed
            Taken into         68                0.3     21,318            0.6
            consideration
            Out-of-court       1,790             9.1     165,384           4.6
            (formal)
            Caution -          178               0.9     19,703            0.5
            youths
            Caution -          1,293             6.6     115,000           3.2
            adults
            Penalty No-        319               1.6     30,681            0.8
            tices for Disor-
            der
            Out-of-court       1,622             8.2     159,915           4.4
            (informal)
            Cannabis/Khat      818               4.2     41,964            1.2
            warning
            Community          804               4.1     117,951           3.3
            resolution
            """
        func values(_ report: Report) -> [String] {
            report.figures.filter { $0.source == .figureTable }.map { "\($0.area) \($0.metric.rawValue) \($0.qualifier?.rawValue ?? "") \($0.value) \($0.period)" }
        }
        let expected = values(try parseSample(dyfedPowys))
        #expect(expected.count == 48)
        // The header's title broken in its word, or wrapped whole ("Rates per 1,000" over "population": no hyphenation).
        let unbroken = rates.replacingOccurrences(of: "popu-  ", with: "      ").replacingOccurrences(of: "\nlation\n", with: "\npopulation\n")
        #expect(unbroken != rates)
        for rates in [rates, unbroken] {
            var bytes = try replacing(in: dyfedPowys, from: "Rates per 1,000 population\t", through: "Anti-social behaviour incidents*\t", with: rates)
            let text = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
            let start = try #require(text.firstIndex { $0.hasPrefix("Outcome type/group\t") })
            let end = try #require(text.firstIndex { $0.hasPrefix("Community resolution\t") })
            bytes = Array((text[..<start] + [outcomes] + text[(end + 1)...]).joined(separator: "\n").utf8)
            #expect(values(try parse(bytes)) == expected)
        }
    }

    @Test("a 2017 question wrapped under its grade and year, or a line of its own in reading order, names its row")
    func wrappedQuestions() throws {
        let layout = """
            Question                  Grade                   Last inspected
            Preventing crime and      Requires improve-       2017
            tackling anti-social      ment
            behaviour
            Investigating crime       Good                    2016
            and reducing re-of-
            fending
            Protecting vulnerable     Requires improve-       2017
            people                    ment
            Tackling serious and      Inadequate              2017
            organised crime
            Specialist capabilities   Ungraded                2017
            """
        let reading = """
            Question
            Preventing crime and
            tackling anti-social
            behaviour
            Investigating crime
            and reducing re-offending
            Protecting vulnerable
            people
            Tackling serious and
            organised crime
            Specialist capabilities

            Grade
            Requires improvement
            Good
            Requires improvement
            Inadequate
            Ungraded

            Last inspected
            2017
            2016
            2017
            2017
            2017
            """
        func rows(_ report: Report) -> [String] { report.judgments.map { "\($0.question.rawValue) \($0.grade.rawValue) \($0.lastInspected ?? 0)" } }
        let expected = rows(try parseSample(westMercia))
        #expect(expected.count == 6)
        for table in [layout, reading] {
            let report = try parse(try replacing(in: westMercia, from: "Question\t", through: "Specialist capabilities\t", with: table))
            #expect(rows(report) == expected)
        }
        // "Requires improve-" / "ment" beside the wrapped question.
        let gwentLike = layout.replacingOccurrences(of: "Tackling serious and      Inadequate              2017\norganised crime",
                                                    with: "Tackling serious and      Requires improve-       2017\norganised crime           ment")
        #expect(gwentLike != layout)
        // (The section's heading grades the question "Inadequate" too, and the two would dispute it: it goes the same way.)
        let gwentText = String(decoding: try replacing(in: westMercia, from: "Question\t", through: "Specialist capabilities\t", with: gwentLike), as: UTF8.self)
        let section = "Tackling serious and organised crime\n\n\n\nInadequate\n"
        #expect(gwentText.contains(section))
        let report = try parse(Array(gwentText.replacingOccurrences(of: section, with: section.replacingOccurrences(of: "Inadequate", with: "Requires improvement")).utf8))
        #expect(report.judgments.first { $0.question == .seriousOrganisedCrime }?.grade == .requiresImprovement)
        #expect(report.judgments.first { $0.question == .specialistCapabilities }?.grade == .ungraded)
    }

    @Test("a sentence's words hyphenated at its lines' ends read whole: the narrative figures")
    func narrative() throws {
        let sentence = """
            In 2010 the Home Secretary set a clear priority for the police service to cut crime. When
            compared with the 12 months to 30 June 2010, police recorded crime (excluding fraud)
            for the 12 months to 30 June 2015 fell by 9 percent in Dyfed-Powys compared with a re-
            duction of 13 percent across all forces in England and Wales.
            """
        let report = try parse(try replacing(in: dyfedPowys, from: "In 2010 the Home Secretary", through: "In 2010 the Home Secretary", with: sentence))
        let changes = report.figures.filter { $0.metric == .recordedCrimeChange5yPct && $0.source == .narrative }.map { "\($0.area) \($0.value)" }
        #expect(changes == ["force -9.0", "englandAndWales -13.0"])
        // The word's other spellings decide: "na-" / "tionality" opens with an ending no word has.
        let lines = NormalisedLines([NormalisedLine(number: 1, text: "no other spelling")])
        var known: [LineEndHyphens.Word: LineEndHyphens.Spelling] = [:]
        #expect(LineEndHyphens.spelling(first: Array("na".utf8), second: Array("tionality".utf8), in: lines, known: &known) == .whole)
        #expect(LineEndHyphens.spelling(first: Array("multi".utf8), second: Array("agency".utf8), in: lines, known: &known) == .neither)
    }

    /// What the readers above must not take: another row's or another table's words, or a note's (each gave a wrong
    /// value in a first version of them; a review's inputs).
    @Test("a row's tail, a label's lines and a repeated header are never another row's, a note's or another table's")
    func notMisread() throws {
        // A row naming no question, the next row's wording set above its grade: the tail is no row's own.
        let centred = """
            Question                  Grade                   Last inspected
            Legitimacy                Good                    2017
            Preventing crime and
            tackling anti-social      Requires improvement    2016
            behaviour
            Investigating crime       Good                    2016
            """
        let report = try parse(try replacing(in: westMercia, from: "Question\t", through: "Specialist capabilities\t", with: centred))
        #expect(!report.judgments.contains { $0.question == .preventingCrime && $0.grade == .good })
        #expect(report.problems.contains { $0.message.contains("row \"Legitimacy\" names no question") })
        // A last row broken in its word, prose under it naming "overall": the prose is no tail.
        let prose = """
            Question                  Grade                   Last inspected
            Preventing crime and      Requires improve-       2017
            tackling anti-social      ment
            behaviour
            Investigating crime       Good                    2016
            Protecting vulnerable     Requires improve-       2017
            people                    ment
            Tackling serious and      Inadequate              2017
            organised crime
            Specialist capa-          Ungraded                2017
            bilities
            The overall picture is one of a force that
            """
        let withProse = try parse(try replacing(in: westMercia, from: "Question\t", through: "Specialist capabilities\t", with: prose))
        #expect(withProse.judgments.first { $0.question == .specialistCapabilities }?.grade == .ungraded)
        #expect(withProse.judgments.first { $0.question == .overall }?.grade == .requiresImprovement)

        // A second table (other questions) after the first: read on its own, not as the first's rows.
        let tables = """
            Force           Q1. Pre-        Q2. Investi-
                            venting         gating crime
                            crime and       and manag-
                            anti-social     ing offend-
                            behaviour       ers
            Cheshire        Good            Requires im-
                                            provement
            Bedford-        Requires im-    Good
            shire           provement


            Force           Q3. Protect-    Q4. Tack-
                            ing vulnera-    ling serious
                            ble people      and organ-
                                            ised crime
            Cheshire        Inadequate      Outstanding
            Bedford-        Inadequate      Outstanding
            shire
            """
        let national = try parse(try replacing(in: nationalOverview, from: "Force\tQ1.", through: "<b>Wiltshire</b>", with: tables))
        #expect(grades(national, ["cheshire"]) == ["cheshire investigating_crime requires_improvement", "cheshire preventing_crime good",
                                                   "cheshire protecting_vulnerable inadequate", "cheshire serious_organised_crime outstanding"])

        // A row whose label names nothing, then a note, or a next label set above its values: neither is its label's.
        let note = """
            Rates per 1,000 population    Dyfed-Powys Police       England and Wales
            Recorded crime (excluding fraud)      38.1                     63.0
            Theft from the person    0.4                      1.1
            *Anti-social behaviour data is from the force's data return and the rate for burglary in a
            dwelling is the rate per 1,000 households, not population.
            """
        let above = """
            Rates per 1,000 population    Dyfed-Powys Police       England and Wales
            Recorded crime (excluding fraud)      38.1                     63.0
            Theft from the person    0.4                      1.1
            Anti-social behaviour
            (ASB) incidents*         33.2                     32.9
            """
        for table in [note, above] {
            let figures = try parse(try replacing(in: dyfedPowys, from: "Rates per 1,000 population\t", through: "Anti-social behaviour incidents*", with: table))
            #expect(!figures.figures.contains { $0.source == .figureTable && $0.value == 0.4 })
            #expect(figures.figures.contains { $0.source == .figureTable && $0.metric == .recordedCrimePer1000 && $0.value == 38.1 })
        }
    }

    /// pypdf's text of groff's PDF breaks words at kerning ("How ef fective is the for ce at pr eventing crime"): a
    /// chapter's headings named no question, and its "Summary of findings" grade stood under the question before it,
    /// which the overview grades otherwise. Here the investigating chapter's summary grades it otherwise.
    @Test("a question two places grade differently is read from neither, said")
    func disputedGrade() throws {
        let lines = String(decoding: Fixtures.sample(dyfedPowys), as: UTF8.self).components(separatedBy: "\n")
        let summary = try #require(lines.indices.first { $0 > 500 && lines[$0] == "Summary of findings" })
        let grade = try #require(lines[summary...].firstIndex { !$0.isEmpty && $0 != "Summary of findings" })
        #expect(lines[grade] == "Requires improvement")
        var mangled = lines
        mangled[grade] = "Good"
        let report = try parse(Array(mangled.joined(separator: "\n").utf8))
        #expect(!report.judgments.contains { $0.question == .investigatingCrime })
        #expect(report.problems.contains { $0.severity == .error && $0.message.contains("investigating_crime graded") && $0.message.contains("neither is read") })
        #expect(report.judgments.first { $0.question == .preventingCrime }?.grade == .good)
    }
}
