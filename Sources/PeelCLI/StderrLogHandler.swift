import Foundation
import Logging

/// Log lines on stderr: `time level event key=value …` for people, or one JSON object per line
/// (time, level, event, then the metadata keys) for log collectors under cron.
struct StderrLogHandler: LogHandler {
    let label: String
    let format: LogFormat
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    /// Clear the terminal line before each log line: a progress line may be standing there (text logs on a terminal).
    let clearsLine: Bool

    init(label: String, format: LogFormat, clearsLine: Bool = false) {
        self.label = label
        self.format = format
        self.clearsLine = clearsLine
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let level = event.level, message = event.message, extra = event.metadata
        let fields = metadata.merging(extra ?? [:]) { $1 }
        let time = Self.timeFormat.format(Date())
        var text: String
        switch format {
        case .text:
            text = "\(time) \(level) \(message)"
            for key in fields.keys.sorted() { text += " \(key)=\(Self.quoted(fields[key]!.description))" }
        case .json:
            var object: [String: Any] = ["time": time, "level": level.rawValue, "event": message.description]
            for (key, value) in fields { object[key] = jsonValue(value) }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            text = String(decoding: data, as: UTF8.self)
        }
        // A closed stderr (a log reader gone) must not stop the run: SIGPIPE is ignored for the whole run (RunCommand),
        // and the throwing write reports EPIPE instead of trapping.
        try? FileHandle.standardError.write(contentsOf: Data(((clearsLine ? "\r\u{1B}[K" : "") + text + "\n").utf8))
    }

    /// "2026-12-01T23:52:51Z", as `ISO8601DateFormatter` writes it. A value, so every thread may use it: making an
    /// `ISO8601DateFormatter` for each line took 160 µs, and 20,000 quarantined entries' lines 3.2 s of the run.
    static let timeFormat = Date.ISO8601FormatStyle()

    /// A value as one token of one line: quoted when it holds a space, quote or equals sign, with backslashes,
    /// quotes and control characters escaped, so that a file named with a line break cannot forge a log line.
    static func quoted(_ value: String) -> String {
        var escaped = ""
        var needsQuotes = value.isEmpty
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"; needsQuotes = true
            case "\"": escaped += "\\\""; needsQuotes = true
            case "\n": escaped += "\\n"; needsQuotes = true
            case "\r": escaped += "\\r"; needsQuotes = true
            case "\t": escaped += "\\t"; needsQuotes = true
            case " ", "=": escaped.unicodeScalars.append(scalar); needsQuotes = true
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    escaped += "\\u{" + String(scalar.value, radix: 16) + "}"
                    needsQuotes = true
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return needsQuotes ? "\"" + escaped + "\"" : escaped
    }

    private func jsonValue(_ value: Logger.MetadataValue) -> Any {
        switch value {
        case .string(let text): return text
        case .stringConvertible(let convertible):
            if let number = convertible as? Int { return number }
            if let number = convertible as? Int32 { return Int(number) }
            if let number = convertible as? Double { return number }
            return convertible.description
        case .array(let values): return values.map(jsonValue)
        case .dictionary(let values): return values.mapValues(jsonValue)
        }
    }
}
