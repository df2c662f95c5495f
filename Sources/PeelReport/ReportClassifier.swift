public import PeelText

/// Recognises a PEEL report by its title page: "PEEL: Police effectiveness 2015" followed by
/// "An inspection of <force>" (a force report) or "A national overview". Never looks at the file name.
public enum ReportClassifier {
    /// How far into the text the title page may reach (PDF extractions start with blank lines and logos).
    static let titlePageLines = 80

    public static func classify(_ text: DecodedText) -> Report {
        var pending: (pillar: Pillar, year: Int, title: String, line: Int)?
        var looked = 0
        for line in text.lines {
            let plain = stripMarkup(text.string(line))
            if plain.isEmpty { continue }
            looked += 1
            if looked > titlePageLines { break }
            if let title = pending {
                let lower = plain.lowercased()
                if lower.hasPrefix("an inspection of ") {
                    return Report(reportType: .force, pillar: title.pillar, year: title.year,
                                  title: "\(title.title): \(plain)", titleLine: title.line)
                }
                if lower.hasPrefix("a national overview") {
                    return Report(reportType: .national, pillar: title.pillar, year: title.year,
                                  title: "\(title.title): \(plain)", titleLine: title.line)
                }
                // The subtitle must follow the title directly.
                pending = nil
            }
            if let (pillar, year) = peelTitle(plain) {
                pending = (pillar, year, plain, line.number)
            }
        }
        return Report(reportType: .other)
    }

    /// "PEEL: Police effectiveness 2015" → (.effectiveness, 2015).
    static func peelTitle(_ line: String) -> (Pillar, Int)? {
        let words = line.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == 4, words[0] == "peel:", words[1] == "police",
              let pillar = Pillar(rawValue: String(words[2])),
              words[3].count == 4, let year = Int(words[3]), (2014...2099).contains(year)
        else { return nil }
        return (pillar, year)
    }

    /// Markdown headings, bold and HTML tags as PDF-to-markdown tools write them around titles.
    static func stripMarkup(_ line: String) -> String {
        var text = Substring(line)
        while text.first == "#" { text = text.dropFirst() }
        var out = ""
        var inTag = false
        for character in text {
            switch character {
            case "<": inTag = true
            case ">" where inTag: inTag = false
            case "*" where !inTag: continue
            default: if !inTag { out.append(character) }
            }
        }
        return out.trimmingWhitespace()
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{A0}" || $0 == "\u{0C}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
