import PeelText

/// The words a metric's labels are made of: a "Force in numbers" label or a table row read as a metric must be made of
/// them and of a period's words alone. A label found by its phrases alone took added words that change what is counted
/// for the metric ("Anti-social behaviour incidents per 1,000 households", "Charge rate as a percentage of all
/// victim-based crimes", "Caution - youths and adults", "Sexual offences against children"): such a label names no
/// metric peel reads.
///
/// Compared on the label's ASCII letters alone, lowercased and run together, as a run of these words: footnote marks,
/// numbers, punctuation and hyphens are passed over, and words an extractor ran together or hyphenation broke
/// ("Burglaryin a dwelling", "Disor-" / "der") read as printed whole.
enum LabelWords {
    /// Whether `label` is made of the words of the label of `metric` (of `qualifier`'s, for an outcome).
    static func make(_ label: String, _ metric: Metric, _ qualifier: OutcomeType?) -> Bool {
        let lexicon = qualifier.map { outcomeLexicons[Int(caseIndex($0))] } ?? metricLexicons[Int(caseIndex(metric))]
        var label = label
        // Asked of every label a table row or a Force in numbers panel names a metric by: on the bytes in place, with
        // stack buffers (callgrind: the arrays this made, and a generic comparison, cost more than the search).
        return label.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { letters in
                // Other bytes are passed over: a dash ("Caution – adults"), a no-break space, a superscript footnote mark.
                // (So a word of ASCII letters around an accented one is left as pieces, which no label's words make.)
                var count = 0
                for byte in bytes where ASCIIBytes.isLetter(byte) {
                    letters[count] = byte | 0x20
                    count += 1
                }
                return withUnsafeTemporaryAllocation(of: Bool.self, capacity: count + 1) { reached in
                    reached.initialize(repeating: false)
                    reached[0] = true
                    // Which prefixes of the letters are a run of words (a word may be a prefix of another: "crime", "crimes").
                    for start in 0..<count where reached[start] {
                        for word in lexicon.words(opening: letters[start]) where start + word.count <= count {
                            var same = 1
                            while same < word.count && letters[start + same] == word[same] { same += 1 }
                            if same == word.count { reached[start + word.count] = true }
                        }
                    }
                    return reached[count]
                }
            }
        }
    }

    /// A payload-free enum's case index: its tag, the position of its case in `allCases`.
    private static func caseIndex<Key: VocabularyKey>(_ key: Key) -> UInt8 { withUnsafeBytes(of: key) { $0[0] } }

    /// A label's words, as bytes, grouped by their first letter.
    private struct Lexicon: @unchecked Sendable {
        private let byLetter: [[UnsafeBufferPointer<UInt8>]]

        /// Made once, for the statics below: each word's bytes are allocated for the process's life and never freed
        /// (a few hundred bytes), so they are read in place without an array's checks.
        init(_ words: [String]) {
            var byLetter = [[UnsafeBufferPointer<UInt8>]](repeating: [], count: 26)
            for word in Set(words + LabelWords.common).sorted() {
                let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: word.utf8.count)
                _ = bytes.initialize(from: word.utf8)
                byLetter[Int(bytes[0] &- 0x61)].append(UnsafeBufferPointer(bytes))
            }
            self.byLetter = byLetter
        }

        func words(opening letter: UInt8) -> [UnsafeBufferPointer<UInt8>] { byLetter[Int(letter &- 0x61)] }
    }

    /// The words of a period and of the phrases any label may hold ("12 months to 31 March 2015 against …", "as at").
    fileprivate static let common = ["months", "month", "to", "against", "as", "at", "the", "in", "of", "year", "years", "ending",
                                 "january", "february", "march", "april", "may", "june", "july", "august", "september", "sept",
                                 "october", "november", "december"]
    private static let perPopulation = ["per", "population"]

    private static let metricLexicons: [Lexicon] = {
        let crimes = ["crime", "crimes", "recorded", "police", "excluding", "fraud"]
        let lists: [Metric: [String]] = [
            .callsForAssistancePer1000: ["calls", "for", "assistance", "incidents"] + perPopulation,
            .recordedCrimePer1000: crimes + perPopulation,
            .recordedCrimeChange1yPct: ["change", "changes"] + crimes,
            .recordedCrimeChange5yPct: ["change", "changes"] + crimes,
            .victimBasedCrimePer1000: ["victim", "based", "crime", "crimes"] + perPopulation,
            .victimBasedCrimeChange5yPct: ["change", "changes", "victim", "based", "crime", "crimes"],
            .sexualOffencesPer1000: ["sexual", "offences"] + perPopulation,
            .assaultWithInjuryPer1000: ["assault", "with", "injury"] + perPopulation,
            .burglaryDwellingPer1000Households: ["burglary", "a", "dwelling", "per", "households"],
            .asbIncidentsPer1000: ["anti", "social", "antisocial", "behaviour", "asb", "incidents"] + perPopulation,
            .asbIncidentsChange1yPct: ["change", "changes", "anti", "social", "antisocial", "behaviour", "asb", "incidents"],
            .chargeRatePct: ["charge", "rate", "a", "percentage", "all"] + crimes,
            .domesticAbuseIncidentsPer1000: ["domestic", "abuse", "incidents"] + perPopulation,
            .domesticAbusePctOfCrime: ["domestic", "abuse", "a", "percentage", "all"] + crimes,
            .domesticAbuseArrestsPer100Offences: ["domestic", "abuse", "arrests", "arrest", "per", "offences", "crimes", "made"],
            .ocgPerMillion: ["organised", "crime", "groups", "group", "ocgs", "ocg", "per", "one", "million", "population"],
            .victimSatisfactionPct: ["victim", "satisfaction", "rate"],
        ]
        return Metric.allCases.map { Lexicon(lists[$0] ?? []) }
    }()

    private static let outcomeLexicons: [Lexicon] = {
        let lists: [OutcomeType: [String]] = [
            .chargedSummonsed: ["charged", "summonsed", "summoned"],
            .takenIntoConsideration: ["taken", "into", "consideration"],
            .outOfCourtFormal: ["out", "of", "court", "formal"],
            .outOfCourtInformal: ["out", "of", "court", "informal"],
            .cautionYouths: ["caution", "youths", "youth"],
            .cautionAdults: ["caution", "adults", "adult"],
            .penaltyNoticesForDisorder: ["penalty", "notices", "notice", "for", "disorder"],
            .cannabisKhatWarning: ["cannabis", "khat", "warning"],
            .communityResolution: ["community", "resolution", "resolutions"],
            .evidentialDifficultiesVictimNotSupporting: ["evidential", "difficulties", "suspect", "identified", "but", "victim", "does",
                                                         "not", "support", "action"],
            .noSuspectIdentified: ["investigation", "completed", "but", "no", "suspect", "identified"],
        ]
        return OutcomeType.allCases.map { Lexicon(lists[$0] ?? []) }
    }()
}
