/// What `index.html` shows about one run: plain values, already chosen and ordered by the pipeline, so the page is
/// a pure function of them (the same run gives the same bytes whatever `--jobs` was).
public struct RunReport: Sendable, Equatable {
    public struct Input: Sendable, Equatable {
        public var path: String
        public var status: String
        public var entries: Int
        public var cached: Bool
        public var error: String?
        public init(path: String, status: String, entries: Int, cached: Bool, error: String?) {
            self.path = path; self.status = status; self.entries = entries; self.cached = cached; self.error = error
        }
    }

    /// Entries by status and reason (parsed entries have no reason).
    public struct ReasonCount: Sendable, Equatable, Encodable {
        public var status: String
        public var reason: String
        public var entries: Int
        public init(status: String, reason: String, entries: Int) { self.status = status; self.reason = reason; self.entries = entries }
    }

    /// An entry that was quarantined, or an input that failed, named with its reason.
    public struct Problem: Sendable, Equatable, Encodable {
        public var archive: String
        public var entry: String
        public var reason: String
        public init(archive: String, entry: String, reason: String) { self.archive = archive; self.entry = entry; self.reason = reason }
    }

    public struct Stage: Sendable, Equatable {
        public var name: String
        public var clock: String
        public var items: Int
        public var seconds: Double
        public init(name: String, clock: String, items: Int, seconds: Double) { self.name = name; self.clock = clock; self.items = items; self.seconds = seconds }
    }

    /// One validation finding, where it came from.
    public struct Finding: Sendable, Equatable, Encodable {
        public var severity: String
        /// The report: its force (or "national overview") and year, and the archive entry it was read from.
        public var report: String
        public var source: String
        public var subject: String
        public var message: String
        public init(severity: String, report: String, source: String, subject: String, message: String) {
            self.severity = severity; self.report = report; self.source = source; self.subject = subject; self.message = message
        }
    }

    public struct Rule: Sendable, Equatable {
        public var name: String
        public var errors: Int
        public var warnings: Int
        public var infos: Int
        /// The first findings, errors first; `listed` of `errors + warnings + infos` are shown.
        public var findings: [Finding]
        public init(name: String, errors: Int, warnings: Int, infos: Int, findings: [Finding]) {
            self.name = name; self.errors = errors; self.warnings = warnings; self.infos = infos; self.findings = findings
        }
    }

    /// One cell of a grade matrix: the grade a force report gives a question, and the one the national table gives.
    public struct GradeCell: Sendable, Equatable {
        public var forceReport: String?
        public var nationalTable: String?
        public init(forceReport: String?, nationalTable: String?) { self.forceReport = forceReport; self.nationalTable = nationalTable }
        public var disagrees: Bool { forceReport != nil && nationalTable != nil && forceReport != nationalTable }
    }

    public struct GradeRow: Sendable, Equatable {
        public var force: String
        public var cells: [GradeCell]
        public init(force: String, cells: [GradeCell]) { self.force = force; self.cells = cells }
    }

    /// The force × question matrix of one year, on that year's scale.
    public struct GradeYear: Sendable, Equatable {
        public var year: Int
        /// "four_point" or "five_point".
        public var scale: String
        /// The scale's grades, best first.
        public var grades: [String]
        public var questions: [String]
        public var rows: [GradeRow]
        public init(year: Int, scale: String, grades: [String], questions: [String], rows: [GradeRow]) {
            self.year = year; self.scale = scale; self.grades = grades; self.questions = questions; self.rows = rows
        }
    }

    /// A national overview's count of forces per grade for one question.
    public struct Distribution: Sendable, Equatable {
        public var year: Int
        public var scale: String
        public var question: String
        public var counts: [(grade: String, forces: Int)]
        public init(year: Int, scale: String, question: String, counts: [(grade: String, forces: Int)]) {
            self.year = year; self.scale = scale; self.question = question; self.counts = counts
        }
        public static func == (a: Self, b: Self) -> Bool {
            a.year == b.year && a.scale == b.scale && a.question == b.question && a.counts.map(\.grade) == b.counts.map(\.grade)
                && a.counts.map(\.forces) == b.counts.map(\.forces)
        }
    }

    /// One metric over one period: each force's value beside England and Wales'.
    public struct FigureChart: Sendable, Equatable {
        public struct Point: Sendable, Equatable {
            public var force: String
            public var value: Double
            public var printed: String
            /// The validator found this value far from England and Wales'.
            public var outlier: Bool
            /// The rate the ONS population implies ("12.5 per 100000 population"), where the figure is a count with a denominator.
            public var populationRate: String?
            public init(force: String, value: Double, printed: String, outlier: Bool, populationRate: String?) {
                self.force = force; self.value = value; self.printed = printed; self.outlier = outlier; self.populationRate = populationRate
            }
        }
        public var metric: String
        public var unit: String
        public var period: String
        public var englandAndWales: Double?
        public var points: [Point]
        public init(metric: String, unit: String, period: String, englandAndWales: Double?, points: [Point]) {
            self.metric = metric; self.unit = unit; self.period = period; self.englandAndWales = englandAndWales; self.points = points
        }
    }

    public struct Column: Sendable, Equatable {
        public var name: String
        public var type: String
        public var nulls: Int
        public var distinct: Int?
        public var min: String?
        public var max: String?
        public init(name: String, type: String, nulls: Int, distinct: Int?, min: String?, max: String?) {
            self.name = name; self.type = type; self.nulls = nulls; self.distinct = distinct; self.min = min; self.max = max
        }
    }

    public struct Table: Sendable, Equatable {
        public var name: String
        public var rows: Int
        public var file: String
        public var columns: [Column]
        public init(name: String, rows: Int, file: String, columns: [Column]) { self.name = name; self.rows = rows; self.file = file; self.columns = columns }
    }

    public var exitStatus: Int
    public var status: String
    public var why: String
    /// The run's own id and times: the only things two runs of the same inputs differ in, marked as such in the page.
    public var runID: String
    public var startedAt: String
    public var stages: [Stage]
    public var inputs: [Input]
    public var parsed: Int
    public var skipped: Int
    public var quarantined: Int
    public var reasons: [ReasonCount]
    public var problems: [Problem]
    /// Problems not listed by name (past the cap).
    public var problemsNotListed: Int
    public var rules: [Rule]
    public var gradeYears: [GradeYear]
    public var distributions: [Distribution]
    public var figures: [FigureChart]
    /// Metric and period pairs not drawn (past the cap).
    public var figuresNotShown: Int
    public var tables: [Table]

    public init(exitStatus: Int, status: String, why: String, runID: String, startedAt: String, stages: [Stage], inputs: [Input],
                parsed: Int, skipped: Int, quarantined: Int, reasons: [ReasonCount], problems: [Problem], problemsNotListed: Int,
                rules: [Rule], gradeYears: [GradeYear], distributions: [Distribution], figures: [FigureChart], figuresNotShown: Int,
                tables: [Table]) {
        self.exitStatus = exitStatus; self.status = status; self.why = why; self.runID = runID; self.startedAt = startedAt
        self.stages = stages; self.inputs = inputs; self.parsed = parsed; self.skipped = skipped; self.quarantined = quarantined
        self.reasons = reasons; self.problems = problems; self.problemsNotListed = problemsNotListed; self.rules = rules
        self.gradeYears = gradeYears; self.distributions = distributions; self.figures = figures; self.figuresNotShown = figuresNotShown
        self.tables = tables
    }
}
