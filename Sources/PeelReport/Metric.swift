import PeelText

/// The output vocabulary's metric keys, units and outcome types, for schemas and checks.
public enum Vocabulary {
    public static var metrics: [String] { Metric.allCases.map(\.rawValue).sorted() }
    public static var units: [String] { MetricUnit.allCases.map(\.rawValue).sorted() }
    public static var outcomeTypes: [String] { OutcomeType.allCases.map(\.rawValue) }
}

/// A key of the output vocabulary: printed as its text (by messages, tables and JSON alike) and sorted by it, as the
/// tables and the run page sort keys.
public protocol VocabularyKey: CaseHashable, RawRepresentable<String>, Sendable, Codable, CaseIterable, Comparable, CustomStringConvertible {}

extension VocabularyKey {
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { rawValue }
}

/// An enum of cases without payloads, hashed by its case. One with a raw value is otherwise hashed through
/// `RawRepresentable`'s default, which hashes the raw value: a string for every metric, area or question hashed into
/// a table (three strings a figure in the same-figure rule's; callgrind).
public protocol CaseHashable: RawRepresentable, Hashable where RawValue: Hashable {}

extension CaseHashable {
    /// A case without payload is its bytes (the tag), which equal cases share and different cases do not: combined as
    /// one number (`combine(bytes:)` took the hasher's general path, a hundred instructions a case; callgrind).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(withUnsafeBytes(of: self) { bytes in bytes.reduce(0 as UInt) { $0 << 8 | UInt($1) } })
    }
}

/// The metrics of the output vocabulary (`metrics.csv` in the contract). A closed vocabulary, so an enum: a figure
/// carries one word, where a `String` a figure was hashed, compared and reference-counted at every stage.
public enum Metric: String, VocabularyKey {
    case callsForAssistancePer1000 = "calls_for_assistance_per_1000"
    case recordedCrimePer1000 = "recorded_crime_per_1000"
    case recordedCrimeChange1yPct = "recorded_crime_change_1y_pct"
    case recordedCrimeChange5yPct = "recorded_crime_change_5y_pct"
    case victimBasedCrimePer1000 = "victim_based_crime_per_1000"
    case victimBasedCrimeChange5yPct = "victim_based_crime_change_5y_pct"
    case sexualOffencesPer1000 = "sexual_offences_per_1000"
    case assaultWithInjuryPer1000 = "assault_with_injury_per_1000"
    case burglaryDwellingPer1000Households = "burglary_dwelling_per_1000_households"
    case asbIncidentsPer1000 = "asb_incidents_per_1000"
    case asbIncidentsCount = "asb_incidents_count"
    case asbIncidentsChange1yPct = "asb_incidents_change_1y_pct"
    case chargeRatePct = "charge_rate_pct"
    case outcomeCount = "outcome_count"
    case outcomeRatePct = "outcome_rate_pct"
    case domesticAbuseIncidentsPer1000 = "domestic_abuse_incidents_per_1000"
    case domesticAbusePctOfCrime = "domestic_abuse_pct_of_crime"
    case domesticAbuseArrestsPer100Offences = "domestic_abuse_arrests_per_100_offences"
    case ocgCount = "ocg_count"
    case ocgPerMillion = "ocg_per_million"
    case ocgPredominantDrugsPct = "ocg_predominant_drugs_pct"
    case victimSatisfactionPct = "victim_satisfaction_pct"
    case custodyPlaceOfSafetyCount = "custody_place_of_safety_count"
    case custodyPlaceOfSafetyPer100000 = "custody_place_of_safety_per_100000"

    /// The unit the contract gives the metric.
    public var unit: MetricUnit {
        switch self {
        case .callsForAssistancePer1000: .per1000Population
        case .recordedCrimePer1000: .per1000Population
        case .recordedCrimeChange1yPct: .percent
        case .recordedCrimeChange5yPct: .percent
        case .victimBasedCrimePer1000: .per1000Population
        case .victimBasedCrimeChange5yPct: .percent
        case .sexualOffencesPer1000: .per1000Population
        case .assaultWithInjuryPer1000: .per1000Population
        case .burglaryDwellingPer1000Households: .per1000Households
        case .asbIncidentsPer1000: .per1000Population
        case .asbIncidentsCount: .count
        case .asbIncidentsChange1yPct: .percent
        case .chargeRatePct: .percent
        case .outcomeCount: .count
        case .outcomeRatePct: .percent
        case .domesticAbuseIncidentsPer1000: .per1000Population
        case .domesticAbusePctOfCrime: .percent
        case .domesticAbuseArrestsPer100Offences: .per100Offences
        case .ocgCount: .count
        case .ocgPerMillion: .perMillionPopulation
        case .ocgPredominantDrugsPct: .percent
        case .victimSatisfactionPct: .percent
        case .custodyPlaceOfSafetyCount: .count
        case .custodyPlaceOfSafetyPer100000: .per100000Population
        }
    }

    /// The rate whose crimes this rate's are part of, per the same population: victim-based crime is recorded crime
    /// less the crimes with no direct victim; sexual offences and assaults with injury are victim-based crimes. A
    /// rate is never above the one it is part of, in any area.
    public var partOf: Metric? {
        switch self {
        case .victimBasedCrimePer1000: .recordedCrimePer1000
        case .sexualOffencesPer1000, .assaultWithInjuryPer1000: .victimBasedCrimePer1000
        default: nil
        }
    }

    /// A change (`recorded_crime_change_1y_pct` …): it may be negative or past 100.
    public var isChange: Bool {
        switch self {
        case .recordedCrimeChange1yPct, .recordedCrimeChange5yPct, .victimBasedCrimeChange5yPct, .asbIncidentsChange1yPct: true
        default: false
        }
    }
}

/// The units of the output vocabulary.
public enum MetricUnit: String, VocabularyKey {
    case per1000Population = "per_1000_population"
    case percent
    case per1000Households = "per_1000_households"
    case count
    case per100Offences = "per_100_offences"
    case perMillionPopulation = "per_million_population"
    case per100000Population = "per_100000_population"

    /// "per 1000 population": the name with spaces for underscores, as a message shows it (its bytes mapped: a
    /// Character map of the name cost a validation finding some 10,000 instructions, callgrind).
    public var inWords: String {
        String(decoding: rawValue.utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }
}

/// The outcome types of the output vocabulary: the qualifier of `outcome_count` and `outcome_rate_pct`, in the
/// contract's order.
public enum OutcomeType: String, VocabularyKey {
    case chargedSummonsed = "charged_summonsed"
    case takenIntoConsideration = "taken_into_consideration"
    case outOfCourtFormal = "out_of_court_formal"
    case cautionYouths = "caution_youths"
    case cautionAdults = "caution_adults"
    case penaltyNoticesForDisorder = "penalty_notices_for_disorder"
    case outOfCourtInformal = "out_of_court_informal"
    case cannabisKhatWarning = "cannabis_khat_warning"
    case communityResolution = "community_resolution"
    case evidentialDifficultiesVictimNotSupporting = "evidential_difficulties_victim_not_supporting"
    case noSuspectIdentified = "no_suspect_identified"
}

/// Reading a metric from a report's wording.
extension Metric {
    /// The metric a "Force in numbers" label or a rate-table row names, from its wording; nil for none.
    static func fromLabel(_ label: String) -> (metric: Metric, qualifier: OutcomeType?)? {
        // ASCII labels (nearly all) are searched on bytes, their case ignored; others lowercased, with the String search:
        // `lowercasedContains` and `lowercasedHasPrefix`, with the label's ASCII test and lowercase copy made once for its
        // twenty-odd phrases, not once a phrase (3.4 M more on the 20 MB corpus; callgrind).
        let ascii = label.isASCII
        let text = ascii ? label : label.lowercased()
        return fromLabel(text, starts: { ascii ? text.hasPrefix(ignoringASCIICase: $0) : text.hasPrefix($0) },
                         contains: { ascii ? text.contains(ignoringASCIICase: $0) : text.contains($0) })
            .flatMap { LabelWords.make(label, $0.metric, $0.qualifier) ? $0 : nil }
    }

    /// `fromLabel` of a table row's label whose words a converter ran together where the cell wrapped ("Recorded
    /// crime(excludingfraud)", "Burglaryin a dwelling", pymupdf4llm): the phrases are compared with the spaces of both
    /// taken out. Asked only of a label that names nothing as printed.
    static func fromLabel(runTogether label: String) -> (metric: Metric, qualifier: OutcomeType?)? {
        let text = label.withoutSpaces
        return fromLabel(text, starts: { text.hasPrefix(ignoringASCIICase: $0.withoutSpaces) }, contains: { text.contains(ignoringASCIICase: $0.withoutSpaces) })
            .flatMap { LabelWords.make(label, $0.metric, $0.qualifier) ? $0 : nil }
    }

    /// The metric `text` names, by its phrases (lowercase) as `starts` and `contains` find them.
    private static func fromLabel(_ text: String, starts: (String) -> Bool, contains: (String) -> Bool) -> (metric: Metric, qualifier: OutcomeType?)? {
        if let outcome = outcomeType(starts: starts) { return (.outcomeRatePct, outcome) }
        if starts("change") {
            // Over one year: a label whose two periods stand further apart ("12 months to 31 March 2015 against 12
            // months to 31 March 2017") is no change peel reads.
            if contains("asb") || contains("anti-social") { return Dates.spanInYears(text).map { $0 == 1 } ?? true ? (.asbIncidentsChange1yPct, nil) : nil }
            // Over five years: a label whose two periods stand a year apart ("Change in victim-based crime 12 months to 30
            // June 2014 against 12 months to 30 June 2015") is a change peel has no metric for (a fifth audit found it
            // read as the five-year one).
            if contains("victim-based") { return Dates.spanInYears(text).map { $0 == 5 } ?? true ? (.victimBasedCrimeChange5yPct, nil) : nil }
            // Over one year or five, as the two periods it compares say: where they cannot be read (a year garbled by
            // an extractor, "30 June 20 10"), which change it is cannot be known.
            if contains("recorded crime") {
                switch Dates.spanInYears(text) {  // its words are compared ignoring ASCII case
                case 5: return (.recordedCrimeChange5yPct, nil)
                case 1: return (.recordedCrimeChange1yPct, nil)
                default: return nil
                }
            }
            return nil
        }
        if contains("calls for assistance") || starts("incidents per 1,000") { return (.callsForAssistancePer1000, nil) }
        if contains("charge rate") { return (.chargeRatePct, nil) }
        if contains("domestic abuse") {
            if contains("percentage") { return (.domesticAbusePctOfCrime, nil) }
            if contains("arrest") { return (.domesticAbuseArrestsPer100Offences, nil) }
            if contains("per 1,000") { return (.domesticAbuseIncidentsPer1000, nil) }
            return nil
        }
        if contains("organised crime group") && contains("million") { return (.ocgPerMillion, nil) }
        if contains("victim satisfaction") { return (.victimSatisfactionPct, nil) }
        // "Burglary in a dwelling", not all burglary ("Burglary (all)"; a non-dwelling's, `LabelWords` turns away).
        if starts("burglary") { return contains("dwelling") ? (.burglaryDwellingPer1000Households, nil) : nil }
        if contains("anti-social behaviour") || contains("(asb)") { return (.asbIncidentsPer1000, nil) }
        if starts("victim-based crime") { return (.victimBasedCrimePer1000, nil) }
        if starts("sexual offences") { return (.sexualOffencesPer1000, nil) }
        if starts("assault with injury") { return (.assaultWithInjuryPer1000, nil) }
        // Recorded crime is without fraud ("Recorded crime (excluding fraud)"): one that says it includes fraud is another,
        // which `LabelWords` turns away.
        if contains("crimes recorded") || starts("recorded crime") { return (.recordedCrimePer1000, nil) }
        return nil
    }

    /// Outcome type keys (the contract's qualifiers) from the wording of outcome tables and graphics.
    static func outcomeType(_ text: String) -> OutcomeType? {
        // ASCII text is compared on bytes, its case ignored (an ASCII text starts with none of the en-dash spellings
        // either way); other text lowercased, as a String. Asked of every Force in numbers label and outcome row.
        let ascii = text.isASCII
        let lower = ascii ? text : text.lowercased()
        return outcomeType { ascii ? text.hasPrefix(ignoringASCIICase: $0) : lower.hasPrefix($0) }
            .flatMap { LabelWords.make(text, .outcomeCount, $0) ? $0 : nil }
    }

    /// `outcomeType` of a row's label whose words a converter ran together ("Communityresolution", "Caution -youths"):
    /// as `fromLabel(runTogether:)`.
    static func outcomeType(runTogether text: String) -> OutcomeType? {
        let squeezed = text.withoutSpaces
        return outcomeType { squeezed.hasPrefix(ignoringASCIICase: $0.withoutSpaces) }
            .flatMap { LabelWords.make(text, .outcomeCount, $0) ? $0 : nil }
    }

    /// The outcome type a row's first line opens, its last word broken by hyphenation where the cell wrapped
    /// ("Charged/Sum-", the rest under it): the text without its hyphen opens the type's wording. Six letters at least,
    /// so that a row is told from prose; which type the row is, its whole label says.
    static func outcomeType(brokenOpening text: String) -> OutcomeType? {
        guard text.hasSuffix("-"), text.count > 6, text.dropLast().last?.isLetter == true else { return nil }
        let opening = text.dropLast().lowercased()
        return outcomeType { $0.hasPrefix(opening) }
    }

    /// The outcome type whose wording (lowercase) `starts` finds at the text's start.
    private static func outcomeType(starts: (String) -> Bool) -> OutcomeType? {
        if starts("charged/summon") { return .chargedSummonsed }
        if starts("taken into consideration") { return .takenIntoConsideration }
        if starts("out-of-court (formal)") { return .outOfCourtFormal }
        if starts("out-of-court (informal)") { return .outOfCourtInformal }
        // The dash may be lost (Chromium's PDF of pandoc's page, read by `pdftotext`: "Caution youths").
        if starts("caution - youth") || starts("caution – youth") || starts("caution youth") { return .cautionYouths }
        if starts("caution - adult") || starts("caution – adult") || starts("caution adult") { return .cautionAdults }
        if starts("penalty notices for disorder") { return .penaltyNoticesForDisorder }
        if starts("cannabis/khat warning") { return .cannabisKhatWarning }
        if starts("community resolution") { return .communityResolution }
        if starts("evidential difficulties") { return .evidentialDifficultiesVictimNotSupporting }
        if starts("investigation completed but no suspect identified") || starts("no suspect identified") { return .noSuspectIdentified }
        return nil
    }
}

/// A number as printed: "+14%", "-0.05%", "4,405", "22.4". Nil for anything else (a column label, a word).
struct PrintedNumber: Equatable {
    let value: Double
    let isPercent: Bool
    /// Digits after the decimal point as printed.
    let decimals: Int

    private init(value: Double, isPercent: Bool, decimals: Int) {
        self.value = value
        self.isPercent = isPercent
        self.decimals = decimals
    }

    init?(_ token: String) {
        // Asked of every line of the figure sections: ASCII tokens are read on bytes, by the same steps.
        if token.isASCII {
            guard let number = Self.readASCII(token) else { return nil }
            self = number
            return
        }
        var text = Substring(token.trimmingCharacters(in: " *"))
        guard !text.isEmpty else { return nil }
        var negative = false
        if text.first == "+" { text = text.dropFirst() } else if text.first == "-" || text.first == "–" { negative = true; text = text.dropFirst() }
        isPercent = text.last == "%"
        if isPercent { text = text.dropLast() }
        guard let first = text.first, first.isASCIIDigit, text.last!.isASCIIDigit else { return nil }
        var digits = ""
        var sawPoint = false
        var grouping = ThousandsGrouping()
        for character in text {
            if character.isASCIIDigit {
                digits.append(character)
                grouping.digit()
            }
            else if character == "," && !sawPoint { guard grouping.comma() else { return nil } }
            else if character == "." && !sawPoint {
                guard grouping.ends() else { return nil }
                sawPoint = true
                digits.append(character)
            }
            else { return nil }
        }
        guard sawPoint || grouping.ends() else { return nil }
        guard let number = Double(digits) else { return nil }
        value = negative ? -number : number
        decimals = digits.firstIndex(of: ".").map { digits.distance(from: $0, to: digits.endIndex) - 1 } ?? 0
    }
}

/// Commas in a number's whole part are thousands separators only where they part it into groups of three ("4,405",
/// "1,234,567"; the first group one to three digits). Any other comma is no such separator: a decimal comma ("22,4",
/// "-0,05%", as a continental edition or a careless hand types it) read as one made 224 of 22.4, so such a token is no
/// number.
struct ThousandsGrouping {
    private var commas = 0
    private var digitsSinceComma = 0

    mutating func digit() { digitsSinceComma += 1 }

    /// A comma after the digits so far: false where it parts no group of three.
    mutating func comma() -> Bool {
        guard commas == 0 ? (1...3).contains(digitsSinceComma) : digitsSinceComma == 3 else { return false }
        commas += 1
        digitsSinceComma = 0
        return true
    }

    /// The whole part ends (a point, or the number's end): false where its last group is not three digits.
    func ends() -> Bool { commas == 0 || digitsSinceComma == 3 }
}

extension PrintedNumber {
    /// A word of a table read as a number, if it is one: most words are not, and are turned away on their first
    /// byte before any string is made.
    static func read(_ word: Substring) -> PrintedNumber? {
        guard let first = word.utf8.first, (first >= 0x30 && first <= 0x39) || first == 0x2B || first == 0x2D || first == 0x2A || first >= 0x80 else { return nil }
        return PrintedNumber(String(word))
    }

    /// `init?` for an ASCII token, where each Character is one byte.
    private static func readASCII(_ token: String) -> PrintedNumber? {
        var token = token
        return token.withUTF8 { readASCII(bytes: $0) }
    }

    private static func readASCII(bytes: UnsafeBufferPointer<UInt8>) -> PrintedNumber? {
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        var lower = 0, upper = bytes.count
        while lower < upper && (bytes[lower] == 0x20 || bytes[lower] == 0x2A) { lower += 1 }
        while upper > lower && (bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x2A) { upper -= 1 }
        guard lower < upper else { return nil }
        var negative = false
        if bytes[lower] == 0x2B { lower += 1 } else if bytes[lower] == 0x2D { negative = true; lower += 1 }
        let isPercent = lower < upper && bytes[upper - 1] == 0x25
        if isPercent { upper -= 1 }
        guard lower < upper, isDigit(bytes[lower]), isDigit(bytes[upper - 1]) else { return nil }
        // The digits as one integer and the places after the point, read in the same pass that checks the token.
        var mantissa: UInt64 = 0
        var digitCount = 0
        var point: Int?
        var grouping = ThousandsGrouping()
        for byte in bytes[lower..<upper] {
            if isDigit(byte) {
                mantissa = mantissa &* 10 &+ UInt64(byte &- 0x30)  // used only while it is exact (15 digits)
                digitCount += 1
                grouping.digit()
            }
            else if byte == 0x2C && point == nil { guard grouping.comma() else { return nil } }
            else if byte == 0x2E && point == nil {
                guard grouping.ends() else { return nil }
                point = digitCount
            }
            else { return nil }
        }
        guard point != nil || grouping.ends() else { return nil }
        let decimals = point.map { digitCount - $0 } ?? 0
        let number: Double
        if digitCount <= 15 {
            // Both below 2^53 and exact as doubles, so the one rounding of the division gives the correctly rounded
            // value of the decimal, which is what `Double(String)` gives (strtod: a quarter of this function's cost,
            // callgrind).
            number = Double(mantissa) / Self.powersOfTen[decimals]
        } else {
            guard let read = Double(String(decoding: bytes[lower..<upper].filter { $0 != 0x2C }, as: UTF8.self)) else { return nil }
            number = read
        }
        return PrintedNumber(value: negative ? -number : number, isPercent: isPercent, decimals: decimals)
    }

    /// 10^0 … 10^15, each exact as a double.
    private static let powersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { value, _ in value * 10 } }
}

extension String {
    /// Whether the line is a table row (holds a tab): the cheap test before `cells`.
    var isTableRow: Bool { containsByte(0x09) }
}

private extension String {
    /// The text lowercased (as `lowercasedByRuns`) without its spaces.
    var withoutSpaces: String { String(decoding: lowercasedByRuns().utf8.filter { $0 != 0x20 }, as: UTF8.self) }
}
