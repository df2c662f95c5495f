import Mustache

/// `index.html`: one self-contained page (inline CSS and SVG, no script, nothing fetched; a Content-Security-Policy
/// says so to the browser), rendered from a `RunReport` through a Mustache template. Values are escaped by the
/// template; the charts are built by `Charts`, which escapes its own text.
public enum RunReportPage {
    public static func render(_ report: RunReport) -> String {
        template.render(TemplateContext.make(View(report)))
    }

    /// Parses the template now, if it is not yet: a run asks for it as it starts, on another thread, so that the parse
    /// (a tenth of the page's cost, callgrind) is done while entries are read, not in the run's last step on one core.
    public static func prepare() { _ = template }

    /// The template is a literal of this file: a mistake in it is a programming error that every test run meets.
    /// Its values are escaped by `HTMLEscaping`, named in the pragma it opens with.
    private static let template: MustacheTemplate = {
        MustacheContentTypes.register(HTMLEscaping.ContentType(), named: HTMLEscaping.contentTypeName)
        return try! MustacheTemplate(string: "{{% CONTENT_TYPE: \(HTMLEscaping.contentTypeName)}}" + page)
    }()

    private struct View: Encodable {
        struct Count: Encodable { let label: String; let value: String }
        struct Legend: Encodable { let text: String; let css: String }
        /// A grade matrix cell as it is printed: its classes, and its text with the national table's grade where that
        /// disagrees. Made whole here, not in the template: the matrix is most of the page's cells, and each name the
        /// template looks up costs swift-mustache some 14,000 instructions (dynamic casts; callgrind).
        struct Cell: Encodable { let classes: String; let note: String; let shown: String }
        struct Row: Encodable { let force: String; let cells: [Cell] }
        struct Year: Encodable { let year: Int; let scaleName: String; let legend: [Legend]; let questions: [String]; let rows: [Row]; let disagreements: Int; let forces: Int }
        struct Distribution: Encodable { let title: String; let svg: String; let rows: [Count] }
        /// `flagged`: "yes" for a value the validator flags, printed as it stands (a section would be one more lookup).
        struct Point: Encodable { let force: String; let printed: String; let flagged: String; let rate: String }
        struct Chart: Encodable { let title: String; let englandAndWales: String; let svg: String; let points: [Point]; let outliers: Int }
        struct Rule: Encodable { let name: String; let errors: Int; let warnings: Int; let infos: Int; let open: Bool; let findings: [RunReport.Finding]; let notListed: Int; let someNotListed: Bool }
        struct Column: Encodable { let name: String; let type: String; let nulls: String; let distinct: String; let min: String; let max: String }
        struct Table: Encodable { let name: String; let rows: String; let file: String; let columns: [Column] }
        struct Stage: Encodable { let name: String; let clock: String; let items: String; let seconds: String }
        struct Input: Encodable { let path: String; let status: String; let entries: String; let cached: Bool; let error: String }

        let exitStatus: Int
        let ok: Bool
        let status: String
        let why: String
        let runID: String
        let startedAt: String
        let stages: [Stage]
        let inputs: [Input]
        let counts: [Count]
        let reasons: [RunReport.ReasonCount]
        let problems: [RunReport.Problem]
        let problemsNotListed: Int
        let hasProblems: Bool
        let hasReasons: Bool
        let someProblemsNotListed: Bool
        let hasDistributions: Bool
        let someFiguresNotShown: Bool
        let rules: [Rule]
        let errors: Int
        let warnings: Int
        let years: [Year]
        let distributions: [Distribution]
        let charts: [Chart]
        let figuresNotShown: Int
        let tables: [Table]
        /// The files the page points to for what it does not list: the validation and figures tables (CSV or Parquet).
        let validationFile: String
        let figuresFile: String
        let gradeCSS: String

        init(_ report: RunReport) {
            exitStatus = report.exitStatus
            ok = report.exitStatus == 0
            status = report.status
            why = report.why
            runID = report.runID
            startedAt = report.startedAt
            stages = report.stages.map { Stage(name: $0.name, clock: $0.clock, items: Numbers.grouped($0.items), seconds: Numbers.seconds($0.seconds)) }
            inputs = report.inputs.map { Input(path: $0.path, status: $0.status, entries: Numbers.grouped($0.entries), cached: $0.cached, error: $0.error ?? "") }
            counts = [Count(label: "parsed", value: Numbers.grouped(report.parsed)), Count(label: "skipped", value: Numbers.grouped(report.skipped)),
                      Count(label: "quarantined", value: Numbers.grouped(report.quarantined))]
            reasons = report.reasons
            problems = report.problems
            problemsNotListed = report.problemsNotListed
            hasProblems = !report.problems.isEmpty
            hasReasons = !report.reasons.isEmpty
            someProblemsNotListed = report.problemsNotListed > 0
            hasDistributions = !report.distributions.isEmpty
            someFiguresNotShown = report.figuresNotShown > 0
            rules = report.rules.map { rule in
                let notListed = rule.errors + rule.warnings + rule.infos - rule.findings.count
                return Rule(name: rule.name, errors: rule.errors, warnings: rule.warnings, infos: rule.infos, open: rule.errors > 0, findings: rule.findings,
                            notListed: notListed, someNotListed: notListed > 0)
            }
            errors = report.rules.reduce(0) { $0 + $1.errors }
            warnings = report.rules.reduce(0) { $0 + $1.warnings }
            years = report.gradeYears.map { year in
                let rows = year.rows.map { row in
                    Row(force: row.force, cells: row.cells.map { cell in
                        let shown = cell.forceReport ?? cell.nationalTable
                        let source = cell.forceReport != nil && cell.nationalTable != nil ? "force report and national table"
                            : cell.forceReport != nil ? "force report" : cell.nationalTable != nil ? "national table" : ""
                        let note = cell.disagrees ? "national table: \(Grades.label(cell.nationalTable!))" : source
                        let text = shown.map(Grades.label) ?? "–"
                        let css = shown.map { Grades.cssClass($0, scale: year.scale) } ?? "none"
                        return Cell(classes: cell.disagrees ? "cell \(css) disagrees" : "cell \(css)", note: note,
                                    shown: cell.disagrees ? "\(text) ≠ \(note)" : text)
                    })
                }
                return Year(year: year.year, scaleName: Grades.scaleName(year.scale),
                            legend: year.grades.map { Legend(text: Grades.label($0), css: Grades.cssClass($0, scale: year.scale)) },
                            questions: year.questions.map(Grades.label), rows: rows,
                            disagreements: year.rows.reduce(0) { $0 + $1.cells.filter(\.disagrees).count }, forces: year.rows.count)
            }
            distributions = report.distributions.map { distribution in
                Distribution(title: "\(distribution.year): \(Grades.label(distribution.question))",
                             svg: Charts.distribution(distribution.counts, scale: distribution.scale),
                             rows: distribution.counts.map { Count(label: Grades.label($0.grade), value: String($0.forces)) })
            }
            charts = report.figures.map { chart in
                Chart(title: "\(chart.metric) (\(chart.unit)), \(chart.period)",
                      englandAndWales: chart.englandAndWales.map(Numbers.short) ?? "not printed",
                      svg: Charts.dots(chart),
                      points: chart.points.map { Point(force: $0.force, printed: $0.printed, flagged: $0.outlier ? "yes" : "", rate: $0.populationRate ?? "") },
                      outliers: chart.points.filter(\.outlier).count)
            }
            figuresNotShown = report.figuresNotShown
            validationFile = report.tables.first { $0.name == "validation" }?.file ?? ""
            figuresFile = report.tables.first { $0.name == "figures" }?.file ?? ""
            tables = report.tables.map { table in
                Table(name: table.name, rows: Numbers.grouped(table.rows), file: table.file, columns: table.columns.map {
                    Column(name: $0.name, type: $0.type, nulls: Numbers.grouped($0.nulls), distinct: $0.distinct.map(Numbers.grouped) ?? "",
                           min: $0.min ?? "", max: $0.max ?? "")
                })
            }
            gradeCSS = Grades.css
        }
    }

    private static let page = """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <link rel="icon" href="data:,">
    <title>PEEL dataset: exit status {{exitStatus}} ({{status}})</title>
    <style>
    body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0 auto;max-width:1200px;padding:0 16px 40px;color:#222}
    h1{margin:16px 0 4px}h2{border-bottom:2px solid #ccc;margin-top:32px}h3{margin:20px 0 6px}
    table{border-collapse:collapse;margin:6px 0}th,td{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}
    th{background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}
    .status{padding:8px 12px;border-radius:4px;font-size:15px}.status.ok{background:#e5f5e0}.status.bad{background:#fde0dd}
    .run,.small{color:#666;font-size:12px}nav a{margin-right:12px}
    .error{color:#b2182b;font-weight:600}.warning{color:#a65c00}.info{color:#555}
    .matrix td{white-space:nowrap}.matrix td.cell{text-align:center}.matrix td.disagrees{outline:3px solid #000;outline-offset:-3px}
    .none{color:#999}.legend span{display:inline-block;padding:1px 8px;margin-right:4px;border-radius:3px}
    svg.chart text{font-size:11px;fill:#222}svg.chart .tick{fill:#666}svg.chart .axis{stroke:#999}
    svg.chart .average{stroke:#555;stroke-dasharray:4 3}svg.chart .dot{fill:#2166ac}svg.chart .dot.outlier{fill:#d7301f}
    details{margin:4px 0 10px}summary{cursor:pointer}
    {{{gradeCSS}}}
    </style>
    </head>
    <body>
    <header>
    <h1>PEEL dataset</h1>
    <p class="status {{#ok}}ok{{/ok}}{{^ok}}bad{{/ok}}" id="exit-status">Exit status {{exitStatus}} ({{status}}): {{why}}</p>
    <p class="run" data-run-specific>Run {{runID}}, started {{startedAt}}. This line and the stage times are this run's own; the rest of the page is the same for the same inputs.</p>
    <nav><a href="#run">The run</a><a href="#validation">Validation</a><a href="#grades">Grades</a><a href="#figures">Figures</a><a href="#tables">Tables</a><a href="manifest.json">manifest.json</a><a href="README.md">README.md</a></nav>
    </header>

    <section id="run">
    <h2>The run</h2>
    <h3>Inputs</h3>
    <table><tr><th>input</th><th>status</th><th>entries</th><th data-run-specific>from the cache</th><th>error</th></tr>
    {{#inputs}}<tr><td>{{path}}</td><td>{{status}}</td><td class="n">{{entries}}</td><td data-run-specific>{{#cached}}yes{{/cached}}{{^cached}}no{{/cached}}</td><td>{{error}}</td></tr>
    {{/inputs}}</table>
    <h3>Entries</h3>
    <table><tr>{{#counts}}<th>{{label}}</th>{{/counts}}</tr><tr>{{#counts}}<td class="n">{{value}}</td>{{/counts}}</tr></table>
    {{#hasReasons}}<table><tr><th>status</th><th>reason</th><th>entries</th></tr>
    {{#reasons}}<tr><td>{{status}}</td><td>{{reason}}</td><td class="n">{{entries}}</td></tr>
    {{/reasons}}</table>{{/hasReasons}}
    {{#hasProblems}}<h3>Quarantined entries and failed inputs</h3>{{/hasProblems}}
    {{#hasProblems}}<table id="problems"><tr><th>input</th><th>entry</th><th>reason</th></tr>{{#problems}}<tr><td>{{archive}}</td><td>{{entry}}</td><td>{{reason}}</td></tr>
    {{/problems}}</table>{{/hasProblems}}
    {{#someProblemsNotListed}}<p class="small">{{problemsNotListed}} more are not listed here: manifest.json lists every entry.</p>{{/someProblemsNotListed}}
    <h3>Time per stage</h3>
    <table data-run-specific><tr><th>stage</th><th>clock</th><th>items</th><th>seconds</th></tr>
    {{#stages}}<tr><td>{{name}}</td><td>{{clock}}</td><td class="n">{{items}}</td><td class="n">{{seconds}}</td></tr>
    {{/stages}}</table>
    </section>

    <section id="validation">
    <h2>Validation</h2>
    <p><span class="error">errors: {{errors}}</span>, <span class="warning">warnings: {{warnings}}</span>. Every finding is in <a href="{{validationFile}}">{{validationFile}}</a>; the rules with errors are open below.</p>
    {{#rules}}<details id="rule-{{name}}" {{#open}}open{{/open}}><summary><b>{{name}}</b>: <span class="error">errors {{errors}}</span>, <span class="warning">warnings {{warnings}}</span>, <span class="info">info {{infos}}</span></summary>
    <table><tr><th>severity</th><th>report</th><th>read from</th><th>row</th><th>finding</th></tr>
    {{#findings}}<tr class="{{severity}}"><td class="{{severity}}">{{severity}}</td><td>{{report}}</td><td>{{source}}</td><td>{{subject}}</td><td>{{message}}</td></tr>
    {{/findings}}</table>{{#someNotListed}}<p class="small">{{notListed}} more in {{validationFile}}.</p>{{/someNotListed}}
    </details>
    {{/rules}}
    </section>

    <section id="grades">
    <h2>Grades</h2>
    <p>Per year, each force's grade per question as its own report gives it; where the national overview's table gives another, the cell is outlined and says so.</p>
    {{#years}}<h3 id="grades-{{year}}">{{year}} ({{forces}} forces, {{disagreements}} disagreements)</h3>
    <p class="legend">{{scaleName}}: {{#legend}}<span class="{{css}}">{{text}}</span>{{/legend}}</p>
    <table class="matrix"><tr><th>force</th>{{#questions}}<th>{{.}}</th>{{/questions}}</tr>
    {{#rows}}<tr><td>{{force}}</td>{{#cells}}<td class="{{classes}}" title="{{note}}">{{shown}}</td>{{/cells}}</tr>
    {{/rows}}</table>
    {{/years}}
    {{#hasDistributions}}<h3>National grade distributions</h3>{{/hasDistributions}}
    {{#distributions}}<h4>{{title}}</h4>{{{svg}}}
    <details><summary>as a table</summary><table><tr><th>grade</th><th>forces</th></tr>{{#rows}}<tr><td>{{label}}</td><td class="n">{{value}}</td></tr>{{/rows}}</table></details>
    {{/distributions}}
    </section>

    <section id="figures">
    <h2>Figures</h2>
    <p>Each force's value against England and Wales (dashed line) for each metric and period; values the validator flags as far from England and Wales are red and marked "!".</p>
    {{#charts}}<h3>{{title}}</h3><p class="small">England and Wales: {{englandAndWales}}; {{outliers}} flagged.</p>{{{svg}}}
    <details><summary>as a table</summary><table><tr><th>force</th><th>value</th><th>flagged</th><th>rate from the ONS population</th></tr>
    {{#points}}<tr><td>{{force}}</td><td class="n">{{printed}}</td><td>{{flagged}}</td><td class="n">{{rate}}</td></tr>{{/points}}</table></details>
    {{/charts}}
    {{#someFiguresNotShown}}<p class="small">{{figuresNotShown}} more metric and period pairs are not drawn: {{figuresFile}} has them all.</p>{{/someFiguresNotShown}}
    </section>

    <section id="tables">
    <h2>Tables</h2>
    {{#tables}}<h3><a href="{{file}}">{{name}}</a>: {{rows}} rows</h3>
    <table><tr><th>column</th><th>type</th><th>nulls</th><th>distinct</th><th>min</th><th>max</th></tr>
    {{#columns}}<tr><td>{{name}}</td><td>{{type}}</td><td class="n">{{nulls}}</td><td class="n">{{distinct}}</td><td>{{min}}</td><td>{{max}}</td></tr>
    {{/columns}}</table>
    {{/tables}}
    </section>
    </body>
    </html>

    """
}
