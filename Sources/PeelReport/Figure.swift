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

/// The time a figure covers: twelve months to a date, or a single date.
public struct Period: Sendable, Equatable, Hashable, Codable {
    public var start: String?
    public var end: String?
    public var asAt: String?

    public init(start: String? = nil, end: String? = nil, asAt: String? = nil) {
        self.start = start
        self.end = end
        self.asAt = asAt
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
