/// The page's charts as inline SVG. Written by hand: the packages this project can use render templates and HTML,
/// none draws a chart, and a chart here is a few rectangles, circles and labels. Every chart has a table beside it
/// with the same numbers (`RunReportPage`), for screen readers and for copying.
enum Charts {
    /// Horizontal bars of forces per grade, each labelled with its grade and count (colour is never the only key).
    static func distribution(_ counts: [(grade: String, forces: Int)], scale: String) -> String {
        let barHeight = 18, gap = 4, labelWidth = 170, barWidth = 300
        let most = max(1, counts.map(\.forces).max() ?? 1)
        let height = counts.count * (barHeight + gap) + gap
        var svg = #"<svg class="chart" role="img" aria-label="forces per grade, as bars; the table below has the numbers" width="\#(labelWidth + barWidth + 50)" height="\#(height)" viewBox="0 0 \#(labelWidth + barWidth + 50) \#(height)">"#
        for (index, count) in counts.enumerated() {
            let y = gap + index * (barHeight + gap)
            let width = count.forces * barWidth / most
            svg += #"<text x="\#(labelWidth - 6)" y="\#(y + 13)" text-anchor="end">\#(HTMLEscaping.escape(Grades.label(count.grade)))</text>"#
            svg += #"<rect class="\#(Grades.cssClass(count.grade, scale: scale))" x="\#(labelWidth)" y="\#(y)" width="\#(max(width, 1))" height="\#(barHeight)"/>"#
            svg += #"<text x="\#(labelWidth + width + 6)" y="\#(y + 13)">\#(count.forces)</text>"#
        }
        return svg + "</svg>"
    }

    /// One dot per force on a shared axis, England and Wales as a dashed line; outliers drawn larger, in red, with "!".
    static func dots(_ chart: RunReport.FigureChart) -> String {
        let rowHeight = 14, labelWidth = 190, plotWidth = 360, top = 18
        let values = chart.points.map(\.value) + (chart.englandAndWales.map { [$0] } ?? [])
        let low = min(0, values.min() ?? 0), high = max(values.max() ?? 1, low + 1e-9)
        func x(_ value: Double) -> Int { labelWidth + Int(((value - low) / (high - low) * Double(plotWidth)).rounded()) }
        let height = top + chart.points.count * rowHeight + 8
        let width = labelWidth + plotWidth + 90
        var svg = #"<svg class="chart" role="img" aria-label="each force's value against England and Wales; the table below has the numbers" width="\#(width)" height="\#(height)" viewBox="0 0 \#(width) \#(height)">"#
        svg += #"<line class="axis" x1="\#(labelWidth)" y1="\#(top - 4)" x2="\#(labelWidth + plotWidth)" y2="\#(top - 4)"/>"#
        svg += #"<text class="tick" x="\#(labelWidth)" y="\#(top - 8)">\#(HTMLEscaping.escape(Numbers.short(low)))</text>"#
        svg += #"<text class="tick" x="\#(labelWidth + plotWidth)" y="\#(top - 8)" text-anchor="end">\#(HTMLEscaping.escape(Numbers.short(high)))</text>"#
        if let average = chart.englandAndWales {
            svg += #"<line class="average" x1="\#(x(average))" y1="\#(top - 4)" x2="\#(x(average))" y2="\#(height - 4)"><title>England and Wales: \#(HTMLEscaping.escape(Numbers.short(average)))</title></line>"#
        }
        for (index, point) in chart.points.enumerated() {
            let y = top + index * rowHeight + rowHeight / 2
            svg += #"<text x="\#(labelWidth - 6)" y="\#(y + 4)" text-anchor="end">\#(HTMLEscaping.escape(point.force))</text>"#
            svg += #"<circle class="\#(point.outlier ? "dot outlier" : "dot")" cx="\#(x(point.value))" cy="\#(y)" r="\#(point.outlier ? 5 : 4)"><title>\#(HTMLEscaping.escape(point.force)): \#(HTMLEscaping.escape(point.printed))</title></circle>"#
            svg += #"<text class="value" x="\#(labelWidth + plotWidth + 8)" y="\#(y + 4)">\#(HTMLEscaping.escape(point.printed))\#(point.outlier ? " !" : "")</text>"#
        }
        return svg + "</svg>"
    }
}

/// Grade names and colours. Each scale has a palette of its own, so a five-point year ("adequate" between good
/// and requires improvement) is never coloured like a four-point one.
enum Grades {
    static func label(_ grade: String) -> String {
        switch grade {
        case "requires_improvement": "Requires improvement"
        default: grade.prefix(1).uppercased() + Numbers.words(String(grade.dropFirst()))
        }
    }

    static func cssClass(_ grade: String, scale: String) -> String { "g-\(scale == "five_point" ? "5" : "4")-\(grade)" }

    static func scaleName(_ scale: String) -> String {
        scale == "five_point" ? "five-point scale (outstanding, good, adequate, requires improvement, inadequate)"
            : "four-point scale (outstanding, good, requires improvement, inadequate)"
    }

    /// CSS for both palettes (ColorBrewer diverging schemes, told apart by hue: green–red for four points,
    /// blue–red for five).
    static let css = """
    .g-4-outstanding{background:#1a9850;fill:#1a9850;color:#fff}.g-4-good{background:#a6d96a;fill:#a6d96a}
    .g-4-requires_improvement{background:#fdae61;fill:#fdae61}.g-4-inadequate{background:#d73027;fill:#d73027;color:#fff}
    .g-5-outstanding{background:#2166ac;fill:#2166ac;color:#fff}.g-5-good{background:#67a9cf;fill:#67a9cf}
    .g-5-adequate{background:#d1e5f0;fill:#d1e5f0}.g-5-requires_improvement{background:#f4a582;fill:#f4a582}
    .g-5-inadequate{background:#b2182b;fill:#b2182b;color:#fff}
    .g-4-ungraded,.g-5-ungraded{background:#eee;fill:#eee}
    """
}

public enum Numbers {
    /// A number as a reader writes it: no trailing zeros, thousands separated.
    public static func short(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return grouped(Int(rounded)) }
        var text = String(rounded)
        if let dot = text.firstIndex(of: ".") {
            let whole = Int(text[..<dot]) ?? 0
            text = (whole == 0 && rounded < 0 ? "-0" : grouped(whole)) + text[dot...]
        }
        return text
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// A vocabulary key as words: "per_100000_population" → "per 100000 population".
    public static func words(_ key: String) -> String { String(key.map { $0 == "_" ? " " : $0 }) }

    /// Seconds to the millisecond, as the manifest keeps them.
    static func seconds(_ value: Double) -> String {
        let milliseconds = Int((value * 1000).rounded())
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}

