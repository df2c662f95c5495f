import PeelText

/// The output vocabulary's metric keys, units and outcome types, for schemas and checks.
public enum Vocabulary {
    public static var metrics: [String] { Metric.units.keys.sorted() }
    public static var units: [String] { Set(Metric.units.values).sorted() }
    public static let outcomeTypes = [
        "charged_summonsed", "taken_into_consideration", "out_of_court_formal", "caution_youths", "caution_adults",
        "penalty_notices_for_disorder", "out_of_court_informal", "cannabis_khat_warning", "community_resolution",
        "evidential_difficulties_victim_not_supporting", "no_suspect_identified",
    ]
}

/// The metrics of the output vocabulary (`metrics.csv` in the contract) and their units.
enum Metric {
    static let units: [String: String] = [
        "calls_for_assistance_per_1000": "per_1000_population",
        "recorded_crime_per_1000": "per_1000_population",
        "recorded_crime_change_1y_pct": "percent",
        "recorded_crime_change_5y_pct": "percent",
        "victim_based_crime_per_1000": "per_1000_population",
        "victim_based_crime_change_5y_pct": "percent",
        "sexual_offences_per_1000": "per_1000_population",
        "assault_with_injury_per_1000": "per_1000_population",
        "burglary_dwelling_per_1000_households": "per_1000_households",
        "asb_incidents_per_1000": "per_1000_population",
        "asb_incidents_count": "count",
        "asb_incidents_change_1y_pct": "percent",
        "charge_rate_pct": "percent",
        "outcome_count": "count",
        "outcome_rate_pct": "percent",
        "domestic_abuse_incidents_per_1000": "per_1000_population",
        "domestic_abuse_pct_of_crime": "percent",
        "domestic_abuse_arrests_per_100_offences": "per_100_offences",
        "ocg_count": "count",
        "ocg_per_million": "per_million_population",
        "ocg_predominant_drugs_pct": "percent",
        "victim_satisfaction_pct": "percent",
        "custody_place_of_safety_count": "count",
        "custody_place_of_safety_per_100000": "per_100000_population",
    ]

    static func unit(_ metric: String) -> String {
        guard let unit = units[metric] else { preconditionFailure("metric \(metric) is not in the vocabulary") }
        return unit
    }

    /// The metric a "Force in numbers" label or a rate-table row names, from its wording; nil for none.
    static func fromLabel(_ label: String) -> (metric: String, qualifier: String?)? {
        let text = label.lowercased()
        // ASCII labels (nearly all) are searched on bytes; others with the String search, as before.
        let ascii = text.isASCII
        func contains(_ word: String) -> Bool { ascii ? text.contains(ignoringASCIICase: word) : text.contains(word) }
        if let outcome = outcomeType(text) { return ("outcome_rate_pct", outcome) }
        if text.hasPrefix("change") {
            let years = Dates.spanInYears(text)
            if contains("asb") || contains("anti-social") { return ("asb_incidents_change_1y_pct", nil) }
            if contains("victim-based") { return ("victim_based_crime_change_5y_pct", nil) }
            if contains("recorded crime") { return (years == 5 ? "recorded_crime_change_5y_pct" : "recorded_crime_change_1y_pct", nil) }
            return nil
        }
        if contains("calls for assistance") || text.hasPrefix("incidents per 1,000") { return ("calls_for_assistance_per_1000", nil) }
        if contains("charge rate") { return ("charge_rate_pct", nil) }
        if contains("domestic abuse") {
            if contains("percentage") { return ("domestic_abuse_pct_of_crime", nil) }
            if contains("arrest") { return ("domestic_abuse_arrests_per_100_offences", nil) }
            if contains("per 1,000") { return ("domestic_abuse_incidents_per_1000", nil) }
            return nil
        }
        if contains("organised crime group") && contains("million") { return ("ocg_per_million", nil) }
        if contains("victim satisfaction") { return ("victim_satisfaction_pct", nil) }
        if text.hasPrefix("burglary") { return ("burglary_dwelling_per_1000_households", nil) }
        if contains("anti-social behaviour") || contains("(asb)") { return ("asb_incidents_per_1000", nil) }
        if text.hasPrefix("victim-based crime") { return ("victim_based_crime_per_1000", nil) }
        if text.hasPrefix("sexual offences") { return ("sexual_offences_per_1000", nil) }
        if text.hasPrefix("assault with injury") { return ("assault_with_injury_per_1000", nil) }
        if contains("crimes recorded") || text.hasPrefix("recorded crime") { return ("recorded_crime_per_1000", nil) }
        return nil
    }

    /// Outcome type keys (the contract's qualifiers) from the wording of outcome tables and graphics.
    static func outcomeType(_ text: String) -> String? {
        let text = text.lowercased()
        if text.hasPrefix("charged/summon") { return "charged_summonsed" }
        if text.hasPrefix("taken into consideration") { return "taken_into_consideration" }
        if text.hasPrefix("out-of-court (formal)") { return "out_of_court_formal" }
        if text.hasPrefix("out-of-court (informal)") { return "out_of_court_informal" }
        if text.hasPrefix("caution - youth") || text.hasPrefix("caution – youth") { return "caution_youths" }
        if text.hasPrefix("caution - adult") || text.hasPrefix("caution – adult") { return "caution_adults" }
        if text.hasPrefix("penalty notices for disorder") { return "penalty_notices_for_disorder" }
        if text.hasPrefix("cannabis/khat warning") { return "cannabis_khat_warning" }
        if text.hasPrefix("community resolution") { return "community_resolution" }
        if text.hasPrefix("evidential difficulties") { return "evidential_difficulties_victim_not_supporting" }
        if text.hasPrefix("investigation completed but no suspect identified") || text.hasPrefix("no suspect identified") { return "no_suspect_identified" }
        return nil
    }
}

/// A number as printed: "+14%", "-0.05%", "4,405", "22.4". Nil for anything else (a column label, a word).
struct PrintedNumber: Equatable {
    let value: Double
    let printed: String
    let isPercent: Bool
    /// Digits after the decimal point as printed.
    let decimals: Int

    private init(value: Double, printed: String, isPercent: Bool, decimals: Int) {
        self.value = value
        self.printed = printed
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
        printed = String(text)
        var negative = false
        if text.first == "+" { text = text.dropFirst() } else if text.first == "-" || text.first == "–" { negative = true; text = text.dropFirst() }
        isPercent = text.last == "%"
        if isPercent { text = text.dropLast() }
        guard let first = text.first, first.isASCIIDigit, text.last!.isASCIIDigit else { return nil }
        var digits = ""
        var sawPoint = false
        for character in text {
            if character.isASCIIDigit { digits.append(character) }
            else if character == "," && !sawPoint { continue }
            else if character == "." && !sawPoint { sawPoint = true; digits.append(character) }
            else { return nil }
        }
        guard let number = Double(digits) else { return nil }
        value = negative ? -number : number
        decimals = digits.firstIndex(of: ".").map { digits.distance(from: $0, to: digits.endIndex) - 1 } ?? 0
    }
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
        let bytes = Array(token.utf8)
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        var lower = 0, upper = bytes.count
        while lower < upper && (bytes[lower] == 0x20 || bytes[lower] == 0x2A) { lower += 1 }
        while upper > lower && (bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x2A) { upper -= 1 }
        guard lower < upper else { return nil }
        let printed = String(decoding: bytes[lower..<upper], as: UTF8.self)
        var negative = false
        if bytes[lower] == 0x2B { lower += 1 } else if bytes[lower] == 0x2D { negative = true; lower += 1 }
        let isPercent = lower < upper && bytes[upper - 1] == 0x25
        if isPercent { upper -= 1 }
        guard lower < upper, isDigit(bytes[lower]), isDigit(bytes[upper - 1]) else { return nil }
        var digits: [UInt8] = []
        digits.reserveCapacity(upper - lower)
        var point: Int?
        for byte in bytes[lower..<upper] {
            if isDigit(byte) { digits.append(byte) }
            else if byte == 0x2C && point == nil { continue }
            else if byte == 0x2E && point == nil { point = digits.count; digits.append(byte) }
            else { return nil }
        }
        guard let number = Double(String(decoding: digits, as: UTF8.self)) else { return nil }
        return PrintedNumber(value: negative ? -number : number, printed: printed, isPercent: isPercent,
                             decimals: point.map { digits.count - $0 - 1 } ?? 0)
    }
}

extension String {
    /// Whether the line is a table row (holds a tab): the cheap test before `cells`.
    var isTableRow: Bool { containsByte(0x09) }
}
