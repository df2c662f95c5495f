import PeelText

/// Whether a figure is about the force or England and Wales as a whole.
public enum Area: String, Sendable, Codable, CaseIterable, CaseHashable {
    case force
    case englandAndWales = "england_and_wales"
}

/// Where in the report a figure was printed.
public enum FigureSource: String, Sendable, Codable, CaseIterable {
    case forceInNumbers = "force_in_numbers"
    case figureTable = "figure_table"
    case narrative
}

/// A calendar day a report prints, as one plain value: a `Period` of days, and so a `Figure`, holds no string and
/// is copied, compared and hashed without reference counting (three ISO date strings a figure were retained and
/// released on every copy, and compared and hashed as text by the validation rules: callgrind). Written and read as
/// ISO 8601 ("2017-06-30"); ordered as that text is.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Year, month and day in one word (year << 16 | month << 8 | day): ordered as the days are.
    fileprivate let packed: UInt32

    public var year: Int { Int(packed >> 16) }
    public var month: Int { Int(packed >> 8 & 0xFF) }
    public var day: Int { Int(packed & 0xFF) }

    /// A day that exists in the Gregorian calendar (proleptic before 1582), years 1000–9999 (four digits, as ISO text is
    /// ordered); nil otherwise.
    public init?(year: Int, month: Int, day: Int) {
        guard (1000...9999).contains(year), (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day) else { return nil }
        self.init(checked: year, month, day)
    }

    private init(checked year: Int, _ month: Int, _ day: Int) {
        packed = UInt32(year) << 16 | UInt32(month) << 8 | UInt32(day)
    }

    /// "YYYY-MM-DD", and nothing else.
    public init?(iso text: String) {
        var text = text
        guard let (year, month, day) = text.withUTF8(ISODate.parts) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// The days in a month (1–12) of a year.
    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// "2017-06-30": ten ASCII bytes, a string held inline (no allocation).
    public var description: String {
        String(unsafeUninitializedCapacity: 10) { out in
            func put(_ value: Int, digits: Int, at offset: Int) {
                var rest = value
                for position in (offset..<(offset + digits)).reversed() {
                    out[position] = UInt8(0x30 + rest % 10)
                    rest /= 10
                }
            }
            put(year, digits: 4, at: 0)
            put(month, digits: 2, at: 5)
            put(day, digits: 2, at: 8)
            out[4] = UInt8(ascii: "-")
            out[7] = UInt8(ascii: "-")
            return 10
        }
    }

    public static func < (a: Day, b: Day) -> Bool { a.packed < b.packed }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\"\(text)\" is no ISO 8601 day"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// The time a figure covers: twelve months to a date, or a single date.
public struct Period: Sendable, Equatable, Hashable, Codable {
    public var start: Day?
    public var end: Day?
    public var asAt: Day?

    public init(start: Day? = nil, end: Day? = nil, asAt: Day? = nil) {
        self.start = start
        self.end = end
        self.asAt = asAt
    }

    /// The three days as two words (no day packs to 0, which stands for none): the synthesised hash combined each
    /// optional's case and value apart, six combines for every figure's key the rules hash (callgrind).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(UInt64(start?.packed ?? 0) << 32 | UInt64(end?.packed ?? 0))
        hasher.combine(asAt?.packed ?? 0)
    }
}

/// One number a report prints, with its metric (contract vocabulary), unit, period and source line.
public struct Figure: Sendable, Equatable, Codable {
    public var area: Area
    public var metric: Metric
    /// Outcome type for outcome metrics; nil otherwise.
    public var qualifier: OutcomeType?
    public var value: Double
    /// Decimal places as printed ("16.0" → 1): the precision any comparison must allow for.
    public var decimals: Int
    public var unit: MetricUnit
    public var period: Period
    public var source: FigureSource
    public var line: Int

    public init(area: Area, metric: Metric, qualifier: OutcomeType? = nil, value: Double, decimals: Int = 0, unit: MetricUnit, period: Period, source: FigureSource, line: Int) {
        self.area = area
        self.metric = metric
        self.qualifier = qualifier
        self.value = value
        self.decimals = decimals
        self.unit = unit
        self.period = period
        self.source = source
        self.line = line
    }
}

/// An area for improvement, a cause of concern or a recommendation, with the question it sits under.
public struct Finding: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case areaForImprovement = "area_for_improvement"
        case causeOfConcern = "cause_of_concern"
        case recommendation
    }

    public var question: Question?
    public var kind: Kind
    /// 1-based position among the findings of the same kind under the same question.
    public var ordinal: Int
    public var text: String
    public var line: Int

    public init(question: Question?, kind: Kind, ordinal: Int, text: String, line: Int) {
        self.question = question
        self.kind = kind
        self.ordinal = ordinal
        self.text = text
        self.line = line
    }
}
