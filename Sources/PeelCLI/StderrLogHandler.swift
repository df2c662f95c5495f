import Foundation
import Logging

/// Log lines on stderr: `time level event key=value …` for people, or one JSON object per line
/// (time, level, event, then the metadata keys) for log collectors under cron.
struct StderrLogHandler: LogHandler {
    let label: String
    let format: LogFormat
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    init(label: String, format: LogFormat) {
        self.label = label
        self.format = format
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let level = event.level, message = event.message, extra = event.metadata
        let fields = metadata.merging(extra ?? [:]) { $1 }
        let time = ISO8601DateFormatter().string(from: Date())
        var text: String
        switch format {
        case .text:
            text = "\(time) \(level) \(message)"
            for key in fields.keys.sorted() { text += " \(key)=\(quoted(fields[key]!.description))" }
        case .json:
            var object: [String: Any] = ["time": time, "level": level.rawValue, "event": message.description]
            for (key, value) in fields { object[key] = jsonValue(value) }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            text = String(decoding: data, as: UTF8.self)
        }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    private func quoted(_ value: String) -> String {
        value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) ? "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : value
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
