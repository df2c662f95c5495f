import CSV
import PeelText

/// One of the 43 territorial forces, with every name a report may use for it.
public struct Force: Sendable, Equatable {
    public let id: String
    public let name: String
    public let shortName: String
    public let aliases: [String]

    public init(id: String, name: String, shortName: String, aliases: [String]) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.aliases = aliases
    }
}

/// Force names → force ids (data.police.uk slugs). Built from `Pipeline/forces.csv`; matching ignores
/// case, "&" versus "and", hyphens and dashes, and the words Police, Constabulary, Service and Force,
/// so "Dyfed-Powys Police", "Dyfed Powys" and "Heddlu Dyfed–Powys" all find `dyfed-powys`.
/// A class, never changed once made: every reader is handed the registry and asks it of many lines, and as a struct of
/// four collections each copy (a closure's capture in `id(for:)` among them) was four atomic retains and releases.
public final class ForceRegistry: Sendable {
    public let forces: [Force]
    /// Every force's short name and aliases as printed, capitals and all (not "City of", a place's opening) → its id,
    /// and the most words any of them has: another force named shortly in a sentence (`NarrativeFigures.OtherForces`).
    let printedShortNames: [String: String]
    let printedShortNameWords: Int
    private let byKey: [String: String]
    /// How long the keys of `byKey` are.
    private let keyLengths: KeyLengths
    /// The first word of every name (lowercase, cut at a hyphen, full stop or comma as `key` cuts): a word that is
    /// none of them starts no name, which the table readers ask of most words.
    private let firstWords: Set<String>
    /// Whether any name's key holds an ASCII digit (none of forces.csv's do): if none does, a text with a digit names
    /// no force, and its key is not built. The figure readers ask this of every line of a section, most of them numbers.
    let keysHoldDigits: Bool
    /// Each name's ASCII letters alone, lowercase → the force (the first force to spell them).
    private let byLetters: [[UInt8]: String]

    public init(forces: [Force]) {
        self.forces = forces
        var keys: [String: String] = [:]
        var firsts = Set<String>()
        var letters: [[UInt8]: String] = [:]
        for force in forces {
            for name in [force.name, force.shortName, force.id.replacingHyphens()] + force.aliases {
                let key = Self.key(name)
                if !key.isEmpty { keys[key] = force.id }
                firsts.insert(Self.firstPiece(Substring(name)))
            }
            for name in [force.name, force.shortName] + force.aliases {
                let spelled = Self.letters(name)
                if letters[spelled] == nil { letters[spelled] = force.id }
            }
        }
        byLetters = letters
        var printed: [String: String] = [:]
        for force in forces {
            for name in [force.shortName] + force.aliases where !name.hasSuffix(" of") && name.utf8.count >= 3 && printed[name] == nil {
                printed[name] = force.id
            }
        }
        printedShortNames = printed
        printedShortNameWords = printed.keys.map { $0.split(separator: " ").count }.max() ?? 1
        byKey = keys
        keyLengths = KeyLengths(keys.keys.map(\.utf8.count))
        firstWords = firsts
        keysHoldDigits = keys.keys.contains { $0.utf8.contains { $0 &- 0x30 < 10 } }
    }

    /// The force whose name, short name or alias has these letters (ASCII, lowercase) and no others, spaces, hyphens
    /// and stops aside: where a layout broke a name inside a word with no hyphen ("Cambridgesh" / "ire").
    func id(spelledBy letters: [UInt8]) -> String? {
        byLetters[letters]
    }

    /// A text's ASCII letters alone, lowercase.
    static func letters(_ text: String) -> [UInt8] {
        text.utf8.filter(ASCIIBytes.isLetter).map(ASCIIBytes.lower)
    }

    /// Whether a name the registry knows may start with this word.
    public func mayStartName(_ word: Substring) -> Bool {
        firstWords.contains(Self.firstPiece(word))
    }

    private static func firstPiece(_ word: Substring) -> String {
        let piece = word.utf8.prefix { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: ",") && $0 != 0x20 && $0 != UInt8(ascii: "&") }
        return String(decoding: piece.map(ASCIIBytes.lower), as: UTF8.self)
    }

    public struct InvalidRegistry: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads `forces.csv` (columns force_id, name, short_name, aliases with `;` between aliases).
    /// England and Wales have 43 territorial forces; any other count means a truncated or wrong file.
    public convenience init(csv text: String) throws(InvalidRegistry) {
        var forces: [Force] = []
        do {
            let reader = try CSVReader(string: text, hasHeaderRow: true)
            let header = reader.headerRow ?? []
            if let missing = ["force_id", "name", "short_name", "aliases"].first(where: { !header.contains($0) }) {
                throw InvalidRegistry(description: "no \"\(missing)\" column")
            }
            while reader.next() != nil {
                guard let id = reader["force_id"], !id.isEmpty, let name = reader["name"], let short = reader["short_name"] else {
                    throw InvalidRegistry(description: "line \(forces.count + 2) lacks force_id, name or short_name")
                }
                let aliases = (reader["aliases"] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
                forces.append(Force(id: id, name: name, shortName: short, aliases: aliases))
            }
        } catch let error as InvalidRegistry {
            throw error
        } catch {
            throw InvalidRegistry(description: "\(error)")
        }
        var firstLine: [String: Int] = [:]
        for (index, force) in forces.enumerated() {
            if let first = firstLine[force.id] {
                throw InvalidRegistry(description: "line \(index + 2): force \"\(force.id)\" again (first on line \(first))")
            }
            firstLine[force.id] = index + 2
        }
        guard forces.count == 43 else {
            throw InvalidRegistry(description: "expected the 43 forces of England and Wales, found \(forces.count)")
        }
        self.init(forces: forces)
    }

    /// The force a name refers to, or nil.
    public func id(for name: String) -> String? {
        // Force names are short; the parser asks about many lines that are sentences.
        guard name.utf8.count <= 80 else { return nil }
        // The key keeps digits as they are.
        if !keysHoldDigits, name.utf8.contains(where: { $0 &- 0x30 < 10 }) { return nil }
        guard name.isASCII else { return byKey[Self.key(name)] }
        // Most texts asked about are labels, whose keys are as long as no force's: those are turned away on the key's
        // length, before a string is made of it or hashed (the key's buffer, five bytes a byte, was an allocation a call).
        return Self.withASCIIKey(name) { key in
            guard keyLengths.contains(key.count) else { return nil }
            return byKey[String(decoding: key, as: UTF8.self)]
        }
    }

    public func force(id: String) -> Force? {
        forces.first { $0.id == id }
    }

    static func key(_ name: String) -> String {
        // The parser asks about thousands of lines: ASCII names (nearly all) are keyed on bytes, the same way.
        if name.isASCII { return asciiKey(name) }
        var text = name.lowercased()
        text = text.replacingAll("&", with: " and ")
        for dash in ["-", "–", "—", ".", ","] { text = text.replacingAll(dash, with: " ") }
        let dropped: Set<String> = ["police", "constabulary", "service", "force", "the"]
        return text.split(separator: " ").filter { !dropped.contains(String($0)) }.joined(separator: " ")
    }
}

extension ForceRegistry {
    private static let droppedWords: [[UInt8]] = ["police", "constabulary", "service", "force", "the"].map { Array($0.utf8) }

    /// `key` for ASCII text: lowercase, "&" → " and ", "-", "." and "," → space, dropped words out, single spaces.
    /// Written into one buffer and compacted in place: the parser asks this of thousands of lines, and two arrays
    /// and a generic comparison per word were most of its cost (callgrind).
    private static func asciiKey(_ name: String) -> String {
        withASCIIKey(name) { String(decoding: $0, as: UTF8.self) }
    }

    /// `body` over the `asciiKey` of `name`, in a buffer of its own (on the stack for short names).
    private static func withASCIIKey<Result>(_ name: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(name.utf8.count * 5, 1)) { key in
            var count = 0
            for byte in name.utf8 {
                switch byte {
                case UInt8(ascii: "&"):
                    for byte in " and ".utf8 { key[count] = byte; count += 1 }
                case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ","): key[count] = 0x20; count += 1
                default: key[count] = ASCIIBytes.lower(byte); count += 1
                }
            }
            // Words moved down over the spaces and the dropped words; the write position never passes the read one.
            var written = 0, index = 0
            while index < count {
                while index < count && key[index] == 0x20 { index += 1 }
                let start = index
                while index < count && key[index] != 0x20 { index += 1 }
                guard start < index else { break }
                if isDropped(key, start, index) { continue }
                if written > 0 { key[written] = 0x20; written += 1 }
                for offset in start..<index { key[written] = key[offset]; written += 1 }
            }
            return body(UnsafeBufferPointer(rebasing: key[..<written]))
        }
    }

    /// A set of lengths, a bit each below 64.
    struct KeyLengths: Sendable {
        private var short: UInt64 = 0
        private var long: Set<Int> = []

        init(_ lengths: some Sequence<Int>) {
            for length in lengths {
                if length < 64 { short |= 1 << UInt64(length) } else { long.insert(length) }
            }
        }

        func contains(_ length: Int) -> Bool {
            length < 64 ? short & 1 << UInt64(length) != 0 : long.contains(length)
        }
    }

    private static func isDropped(_ bytes: UnsafeMutableBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        droppedWords.contains { word in
            word.count == end - start && word.indices.allSatisfy { word[$0] == bytes[start + $0] }
        }
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }

    func components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.firstRange(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }

    fileprivate func replacingHyphens() -> String { replacingAll("-", with: " ") }
}
