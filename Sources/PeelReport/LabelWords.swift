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
        let words = qualifier.map { Self.words(of: $0) } ?? Self.words(of: metric)
        var letters: [UInt8] = []
        letters.reserveCapacity(label.utf8.count)
        // Other bytes are passed over: a dash ("Caution – adults"), a no-break space, a superscript footnote mark. (So a
        // word of ASCII letters around an accented one is left as pieces, which no label's words make.)
        for byte in label.utf8 where ASCIIBytes.isLetter(byte) { letters.append(byte | 0x20) }
        // Which prefixes of the letters are a run of words (a word may be a prefix of another: "crime", "crimes").
        var reached = [Bool](repeating: false, count: letters.count + 1)
        reached[0] = true
        for start in letters.indices where reached[start] {
            for word in words[Int(letters[start] &- 0x61)] where start + word.count <= letters.count
                && letters[start..<(start + word.count)].elementsEqual(word) {
                reached[start + word.count] = true
            }
        }
        return reached[letters.count]
    }

    /// The words of a period and of the phrases any label may hold ("12 months to 31 March 2015 against …", "as at").
    private static let common = ["months", "month", "to", "against", "as", "at", "the", "in", "of", "year", "years", "ending",
                                 "january", "february", "march", "april", "may", "june", "july", "august", "september", "sept",
                                 "october", "november", "december"]
    private static let perPopulation = ["per", "population"]

    private static func words(of metric: Metric) -> [[[UInt8]]] { metricWords[metric] ?? byFirstLetter([]) }
    private static func words(of type: OutcomeType) -> [[[UInt8]]] { outcomeWords[type] ?? byFirstLetter([]) }

    private static let metricWords: [Metric: [[[UInt8]]]] = {
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
        return lists.mapValues(byFirstLetter)
    }()

    private static let outcomeWords: [OutcomeType: [[[UInt8]]]] = {
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
        return lists.mapValues(byFirstLetter)
    }()

    /// The words with the common ones, as bytes, indexed by their first letter.
    private static func byFirstLetter(_ words: [String]) -> [[[UInt8]]] {
        var table = [[[UInt8]]](repeating: [], count: 26)
        for word in Set(words + common) { table[Int(word.utf8.first! &- 0x61)].append(Array(word.utf8)) }
        return table
    }
}
