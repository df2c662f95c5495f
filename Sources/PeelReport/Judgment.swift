import PeelSearch
import PeelText

/// A PEEL grade. Ranks are on the report's own scale, so they are never compared across scales.
public enum Grade: String, Sendable, Codable, CaseIterable {
    case outstanding, good, adequate
    case requiresImprovement = "requires_improvement"
    case inadequate, ungraded

    /// Reads a grade as printed, tolerating case, markup and words split by PDF extraction
    /// ("Requires i mprov ement", "Inadeq uate"). Nil when the text is not exactly a grade.
    public init?(printed: String) {
        // A grade is a few words, however split: longer text is a sentence, not worth a Character-level look.
        guard printed.utf8.count <= 64 else { return nil }
        // An ASCII text's letters are its bytes A–Z and a–z, lowered on the bytes; a Character filter of a lowercase
        // copy cost thousands of instructions, asked of many table cells and list lines.
        let letters = printed.isASCII
            ? String(decoding: printed.utf8.compactMap { ($0 | 0x20) &- 0x61 < 26 ? $0 | 0x20 : nil }, as: UTF8.self)
            : String(printed.lowercased().filter { $0.isLetter })
        switch letters {
        case "outstanding": self = .outstanding
        case "good": self = .good
        case "adequate": self = .adequate
        case "requiresimprovement": self = .requiresImprovement
        case "inadequate": self = .inadequate
        case "ungraded", "notgraded": self = .ungraded
        default: return nil
        }
    }

    /// Grades from worst to best, ungraded last (it has no rank): the order of the `grade` categories.
    public static let ordered: [Grade] = [.inadequate, .requiresImprovement, .adequate, .good, .outstanding, .ungraded]

    /// outstanding=4, good=3, requires improvement=2, inadequate=1 on the four-point scale; five-point adds
    /// adequate=3 and moves outstanding and good up one. Ungraded has no rank.
    public func rank(on scale: GradeScale) -> Int? {
        switch (self, scale) {
        case (.ungraded, _): nil
        case (.outstanding, .fourPoint): 4
        case (.good, .fourPoint): 3
        case (.adequate, .fourPoint): nil
        case (.requiresImprovement, _): 2
        case (.inadequate, _): 1
        case (.outstanding, .fivePoint): 5
        case (.good, .fivePoint): 4
        case (.adequate, .fivePoint): 3
        }
    }
}

public enum GradeScale: String, Sendable, Codable, CaseIterable {
    case fourPoint = "four_point"
    case fivePoint = "five_point"

    /// PEEL used four grades up to 2018/19 and five (adding `adequate`) from 2021/22.
    public static func forYear(_ year: Int?) -> GradeScale {
        (year ?? 0) >= 2021 ? .fivePoint : .fourPoint
    }
}

/// The questions PEEL effectiveness grades (keys from the contract vocabulary).
public enum Question: String, Sendable, Codable, CaseIterable, CaseHashable {
    case overall
    case preventingCrime = "preventing_crime"
    case investigatingCrime = "investigating_crime"
    case protectingVulnerable = "protecting_vulnerable"
    case seriousOrganisedCrime = "serious_organised_crime"
    case specialistCapabilities = "specialist_capabilities"

    /// The words that name each question in 2015–2017 reports, in the order they are tried: a heading or table row of
    /// a specific question may also hold the words of a broader one ("overall" last).
    static let wordings: [(Question, [String])] = [
        (.specialistCapabilities, ["specialist capabilit"]),
        (.seriousOrganisedCrime, ["serious and organised crime", "serious crime"]),
        (.protectingVulnerable, ["vulnerable", "protecting from harm"]),
        (.investigatingCrime, ["investigating crime", "investigate crime"]),
        (.preventingCrime, ["preventing crime", "prevent crime"]),
        (.overall, ["overall", "keeping people safe and reducing crime"]),
    ]

    /// All the wordings' phrases as one set of cues, found in one pass over a text: a scan a phrase, eleven of them,
    /// was most of telling a heading's or a table row's question (perf).
    private static let phrases = SkippingCueSet(wordings.flatMap(\.1).map { Array($0.utf8) })
    /// Each question's phrases as bits of `phrases`' answer, in the order of `wordings`.
    private static let phraseBits: [UInt64] = {
        var bits: [UInt64] = [], next = 0
        for (_, phrases) in wordings {
            bits.append((UInt64(1) << phrases.count - 1) << next)
            next += phrases.count
        }
        return bits
    }()

    /// Which of `wordings`' phrases the text holds, ignoring ASCII case (as `contains(ignoringASCIICase:)`).
    private static func phrasesFound(in text: String) -> UInt64 {
        text.utf8.withContiguousStorageIfAvailable(phrases.find) ?? phrases.find(in: Array(text.utf8))
    }

    /// The wordings' phrases with their spaces taken out, as one set of cues (`named(inRunTogether:)`).
    private static let runTogetherPhrases = SkippingCueSet(wordings.flatMap(\.1).map { Array($0.utf8.filter { $0 != 0x20 }) })

    /// Every question a text names (a judgments table row must name exactly one); "overall" only when it names no
    /// other.
    static func named(in text: String) -> [Question] {
        named(found: phrasesFound(in: text))
    }

    /// `named(in:)` of a text whose words a converter ran together where a cell wrapped ("Preventingcrime and
    /// tacklinganti-social behaviour", pymupdf4llm): the phrases are looked for with their spaces taken out, in the
    /// text with its spaces taken out.
    static func named(inRunTogether text: String) -> [Question] {
        named(found: runTogetherPhrases.find(in: Array(text.utf8.filter { $0 != 0x20 })))
    }

    private static func named(found: UInt64) -> [Question] {
        let specific = wordings.indices.dropLast().filter { found & phraseBits[$0] != 0 }.map { wordings[$0].0 }
        if specific.isEmpty, found & phraseBits[wordings.count - 1] != 0 { return [wordings[wordings.count - 1].0] }
        return specific
    }

    /// The question's place in a report's judgments tables and sections, which print them in the order of the cases.
    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// The question a heading, table row label or table column names, from its wording in 2015–2017
    /// reports (the first of `wordings` it holds); nil when it names none.
    public init?(wording: String) {
        let found = Self.phrasesFound(in: wording)
        guard let index = Self.wordings.indices.first(where: { found & Self.phraseBits[$0] != 0 }) else { return nil }
        self = Self.wordings[index].0
    }
}

/// One graded question for one force.
public struct Judgment: Sendable, Equatable, Codable {
    public var forceID: String?
    public var question: Question
    public var grade: Grade
    public var scale: GradeScale
    /// The year the question was last inspected, where the report prints it (2017 on).
    public var lastInspected: Int?
    public var line: Int

    public init(forceID: String?, question: Question, grade: Grade, scale: GradeScale, lastInspected: Int? = nil, line: Int) {
        self.forceID = forceID
        self.question = question
        self.grade = grade
        self.scale = scale
        self.lastInspected = lastInspected
        self.line = line
    }
}

/// How many forces a national overview puts in one grade for one question.
public struct GradeDistribution: Sendable, Equatable, Codable {
    public var question: Question
    public var grade: Grade
    public var forces: Int
    public var line: Int

    public init(question: Question, grade: Grade, forces: Int, line: Int) {
        self.question = question
        self.grade = grade
        self.forces = forces
        self.line = line
    }
}
