import Foundation
@testable import PeelReport
import PeelSearch
import PeelTestSupport
import PeelText
import Testing

/// The narrative patterns run by the search engine on segment windows of a paragraph, not the whole paragraph: the
/// two must find the same matches, at the same offsets, in the same order (the engine's rules for patterns hold).
@Suite struct NarrativeWindowTests {
    @Test("windowed matching agrees with whole paragraphs on the samples")
    func samples() throws {
        var matched = 0
        for name in Fixtures.sampleNames {
            let lines = NormalisedText(try TextDecoder.decode(Fixtures.sample(name))).lines
            for paragraph in NarrativeFigures.paragraphTexts(lines) {
                let windowed = NarrativeFigures.search.allMatches(in: paragraph, windowed: true)
                #expect(windowed == NarrativeFigures.search.allMatches(in: paragraph, windowed: false), "\(name): \(paragraph)")
                matched += windowed.joined().count
            }
        }
        #expect(matched > 10)
    }

    /// A sentence broken by two page ends, each with a footnote after it: both continuations join the paragraph
    /// they continue, in order, and the figure read from the joined sentence names the line its number stands on.
    @Test("a sentence broken at two page ends is joined twice to the same paragraph, footnotes left apart")
    func sentenceBrokenTwice() throws {
        let text = """
        On 1 July 2017, Gwent Police had 33 mapped organised crime groups per one million population;

        16 When a police force identifies a group of individuals.

        this is slightly lower than the England and Wales rate of 47 organised crime groups

        17 Another footnote.

        per one million population, and it goes on. The end.

        Next paragraph, not joined.
        """
        let lines = NormalisedText(try TextDecoder.decode(Array(text.utf8))).lines
        #expect(NarrativeFigures.paragraphTexts(lines) == [
            "On 1 July 2017, Gwent Police had 33 mapped organised crime groups per one million population; this is slightly lower "
                + "than the England and Wales rate of 47 organised crime groups per one million population, and it goes on. The end.",
            "16 When a police force identifies a group of individuals.",
            "17 Another footnote.",
            "Next paragraph, not joined.",
        ])
        let figures = NarrativeFigures.extract(lines).figures
        #expect(figures.contains { $0.area == .englandAndWales && $0.metric == .ocgPerMillion && $0.value == 47 && $0.line == 5 }, "\(figures)")
    }

    /// pdfplumber's layout mode sets a blank line where lines stand further apart: one parted "… as at 30 June" from
    /// "2015. 'Drug activity' …", and the figures read there had no period.
    @Test("a paragraph that opens with a year continues one that ends with a month's name; not one that ends otherwise")
    func dateBrokenByBlankLine() throws {
        let text = """
        'Drug activity' was the predominant crime type (42 percent) of the OCGs managed by Wiltshire Police as at 30 June

        2015. 'Drug activity' was also the most common predominant crime type recorded by all forces in England and Wales.

        The force recorded 12 groups in

        2015 was a year of change.
        """
        let lines = NormalisedText(try TextDecoder.decode(Array(text.utf8))).lines
        #expect(NarrativeFigures.paragraphTexts(lines) == [
            "'Drug activity' was the predominant crime type (42 percent) of the OCGs managed by Wiltshire Police as at 30 June 2015. "
                + "'Drug activity' was also the most common predominant crime type recorded by all forces in England and Wales.",
            "The force recorded 12 groups in",
            "2015 was a year of change.",
        ])
        let drugs = NarrativeFigures.extract(lines).figures.filter { $0.metric == .ocgPredominantDrugsPct }
        #expect(drugs.map { "\($0.value) \($0.period.asAt.map { "\($0)" } ?? "?")" } == ["42.0 2015-06-30"], "\(drugs)")
    }

    /// A paragraph of a megabyte with no full stop, repeating a pattern's opening, took a worker 12 seconds (and
    /// NSRegularExpression about two minutes): such a sentence is not searched, and a problem names its line.
    @Test("a sentence too long to search is named, and costs the report's other figures nothing")
    func overlongSentence() throws {
        let sample = String(decoding: Fixtures.sample("peel-effectiveness-2015-dyfed-powys.txt"), as: UTF8.self)
        let opening = "Recorded crime fell by 5 percent for the 12 months to March 2015 and "
        let long = String(repeating: opening, count: 300) + "x. This is compared with a banana of 2 percent."
        let plain = NarrativeFigures.extract(NormalisedText(try TextDecoder.decode(Array(sample.utf8))).lines)
        let withLong = NarrativeFigures.extract(NormalisedText(try TextDecoder.decode(Array((sample + "\n\n" + long + "\n").utf8))).lines)
        #expect(plain.problems.isEmpty)
        #expect(!plain.figures.isEmpty)
        #expect(withLong.figures == plain.figures)
        let sampleLines = sample.split(separator: "\n", omittingEmptySubsequences: false).count
        // The long sentence named; the short one after it, a cue's words and a number in no wording peel reads, too.
        #expect(withLong.problems.map(\.line) == [Optional(sampleLines + 2), Optional(sampleLines + 2)])
        #expect(withLong.problems.filter { $0.message.contains("no full stop") }.count == 1)
        #expect(withLong.problems.filter { $0.message.contains("that no wording peel reads matches") && $0.message.contains("banana") }.count == 1)
    }

    /// Otherwise every ASCII window of that pattern goes to NSRegularExpression: the same matches, at some 34,000
    /// instructions a call.
    @Test("every narrative pattern is in the byte engine's subset")
    func patternsCompileForASCII() {
        for pattern in NarrativeFigures.search.patterns {
            #expect(ASCIIRegex(pattern.regex) != nil, "\(pattern.regex)")
        }
    }

    /// Sentences that put cues next to full stops, decimals, abbreviations, non-ASCII text and each other.
    static let synthetic: [String] = [
        "Recorded crime fell by 9 percent in Dyfed-Powys, compared with a reduction of 13 percent across all forces.",
        "In the 12 months to 31 March 2015, the force recorded 17,130 incidents of anti-social behaviour. This was 3.5 percent fewer incidents than the force recorded in the previous year.",
        "Recorded crime increased by 7 percent for the 12 months to 30 June 2015. This is compared with an increase of 4 percent across England and Wales.",
        "Recorded crime increased by 7.2 percent for the 12 months to 30 June 2015 (i.e. last year). This is compared with a decrease of 4.1 percent. It rose by 3 percent for the 12 months to June. This is compared with an increase of 1 percent.",
        "This is compared with an increase of 4 percent and fell by 3 percent for the 12 months to June. This is compared with a decrease of 2 percent",
        "The force is monitoring 45 organised crime groups. This represents 22.5 OCGs per one million population. The force had 31 mapped organised crime groups per one million, against an England and Wales rate of 28 organised crime groups per one million.",
        "'Drug activity' was the predominant crime type (64 percent), with 61.2 percent of all OCGs classified in this way.",
        "Of victims, 87.4 percent were satisfied, against a national victim satisfaction rate of 83.8 percent. 90 percent were satisfied.",
        "For every 100 domestic abuse crimes recorded, there were 36 arrests made in the 12 months to 31 March 2015 (this compares with the England and Wales rate of 46)",
        "Custody was used as a place of safety 63 times, which represents 107.9 uses as a place of safety per 100,000 population (compared with an England and Wales rate of 17.5).",
        "Across England and Wales, there were 6 percent fewer incidents. Across England and Wales, there were 2.5 percent more incidents",
        "The force recorded 1,234 incidents of anti-social behaviour. Recorded 99 incidents of anti-social behaviour.",
        "Recorded crime fell by 9 percent in the force area e.g. towns, compared with a reduction of 13 percent.",
        "It rose by 5 percent in Gwent, compared with an increase of 2 percent. It fell by 1 percent in Kent compared with a fall of 3 percent.",
        "Recorded 12 incidentſ of anti-social behaviour; 87 percent were ſatisfied. 5 percent were satisfied.",
        "Recorded crime – the “headline” – fell by 4 percent in Wales, compared with a reduction of 6 percent. 70 percent were satisfied.",
        "RECORDED 5 INCIDENTS OF ANTI-SOCIAL BEHAVIOUR. 12.5 PERCENT WERE SATISFIED.",
        "Custody was used as a place of safety 3 times. It represents 1.5 uses as a place of safety per 100,000 population (compared with an England and Wales rate of 2).",
        "percent in percent in. this is compared with. per one million.",
        "Recorded crime fell by 9 percent for the 12 months to March. No. This is compared with a fall of 2 percent.",
    ]

    @Test("windowed matching agrees with whole paragraphs on synthetic sentences")
    func syntheticSentences() {
        var matched = 0
        for first in Self.synthetic {
            for second in Self.synthetic + [""] {
                for joiner in [" ", ". ", "", ".", " 3.", "é "] {
                    let paragraph = first + joiner + second
                    let windowed = NarrativeFigures.search.allMatches(in: paragraph, windowed: true)
                    #expect(windowed == NarrativeFigures.search.allMatches(in: paragraph, windowed: false), "\(paragraph)")
                    matched += windowed.joined().count
                }
            }
        }
        #expect(matched > 1000)
    }

    /// Chromium's PDF wraps "anti-social" at its hyphen; plain pdftotext drops that hyphen with the break.
    @Test("a sentence wrapped at a word's hyphen, or with the hyphen lost at the break, is read as the word whole", arguments: [
        "In the 12 months to 30 June 2015, Kent Police recorded 17,130 incidents of anti-\nsocial behaviour. This is 17 percent fewer.",
        "In the 12 months to 30 June 2015, Kent Police recorded 17,130 incidents of antisocial\nbehaviour. This is 17 percent fewer.",
        "In the 12 months to 30 June 2015, Kent Police recorded\n17,130 incidents of anti-social behaviour. This is 17 percent fewer.",
    ])
    func wrappedAtHyphen(text: String) throws {
        let lines = NormalisedText(try TextDecoder.decode(Array(text.utf8))).lines
        let figures = NarrativeFigures.extract(lines).figures
        let count = try #require(figures.first { $0.metric == .asbIncidentsCount })
        #expect(count.value == 17_130 && count.area == .force)
        #expect(count.line == (text.hasPrefix("In the 12 months to 30 June 2015, Kent Police recorded\n") ? 2 : 1))
    }

    @Test("a dash at a line's end after a space, or before a capital, joins with a space as before")
    func dashNotJoined() throws {
        let text = "Crime fell -\nsharply in Kent. Anti-\nSocial"
        let lines = NormalisedText(try TextDecoder.decode(Array(text.utf8))).lines
        #expect(NarrativeFigures.paragraphTexts(lines) == ["Crime fell - sharply in Kent. Anti- Social"])
    }


    @Test("a number takes the period its sentence names before it, not a later one (\"…, as reported on 1 October 2015\"); a sentence of one period, or whose periods all follow the number, reads as before")
    func periodBeforeTheNumber() throws {
        let name = "peel-effectiveness-2015-dyfed-powys.txt"
        let text = String(decoding: Fixtures.sample(name), as: UTF8.self)
        let sentence = "In the 12 months to 30 June 2015, Dyfed-Powys Police recorded 17,130 incidents of anti-social behaviour."
        #expect(text.contains(sentence))
        let count = { (report: Report) in
            report.figures.filter { $0.metric == .asbIncidentsCount }.map { "\($0.value) \($0.period.start?.description ?? "?")…\($0.period.end?.description ?? "?") \($0.period.asAt?.description ?? "-")" }
        }
        let expected = count(try parseSample(name))
        #expect(expected == ["17130.0 2014-07-01…2015-06-30 -"])
        let later = sentence.replacingOccurrences(of: "behaviour.", with: "behaviour, as reported on 1 October 2015.")
        #expect(count(try parse(Array(text.replacingOccurrences(of: sentence, with: later).utf8))) == expected)
        // The period after the number where none stands before it: the last one the sentence names, as before.
        let after = "Dyfed-Powys Police recorded 17,130 incidents of anti-social behaviour between the 12 months to 30 June 2014 and the 12 months to 30 June 2015."
        #expect(count(try parse(Array(text.replacingOccurrences(of: sentence, with: after).utf8))) == expected)
    }
}

/// Before: "… recorded by Warwickshire Police, there were 30 arrests …" in West Mercia's report was West Mercia's rate.
@Suite("A sentence about another force")
struct OtherForceSentenceTests {
    @Test("gives no figure of the report's force, said; England and Wales' in it stand", arguments: ["South Wales Police", "Dyfed-Powys Police"])
    func otherForce(name: String) throws {
        let text = String(decoding: Fixtures.sample(gwent), as: UTF8.self)
        let printed = "For every 100 domestic abuse-flagged crimes recorded by Gwent Police, there were 36 arrests made"
        #expect(text.contains(printed))
        let arrests = { (report: Report) in report.figures.filter { $0.metric == .domesticAbuseArrestsPer100Offences }.map { "\($0.area.rawValue) \($0.value)" } }
        #expect(arrests(try parse(Array(text.utf8))) == ["force 36.0", "england_and_wales 46.0"])
        let report = try parse(Array(text.replacingOccurrences(of: printed, with: printed.replacingOccurrences(of: "Gwent Police", with: name)).utf8))
        #expect(arrests(report) == ["england_and_wales 46.0"])
        #expect(report.problems.contains { $0.message == "a sentence that names \(name) gives domestic_abuse_arrests_per_100_offences: not read as this force's" })
    }
}
