import Foundation
@testable import PeelReport
import PeelTestSupport
import Testing

/// The force registry's lookup and the table reader's suffix test against their plain definitions: the shortcuts they
/// take (keys on bytes in a stack buffer, turned away on their length; a suffix read on bytes) must change no answer.
struct ForceKeyTests {
    static let seed: UInt64 = ProcessInfo.processInfo.environment["PEEL_FORCE_KEY_SEED"].flatMap { UInt64($0) } ?? 20_261_203

    /// A name's key as the registry documents it, step by step on Strings: lowercase, "&" → " and ", dashes, full
    /// stops and commas → spaces, the words Police, Constabulary, Service, Force and The dropped, single spaces.
    static func plainKey(_ name: String) -> String {
        var text = name.lowercased().replacingOccurrences(of: "&", with: " and ")
        for dash in ["-", "–", "—", ".", ","] { text = text.replacingOccurrences(of: dash, with: " ") }
        let dropped: Set<String> = ["police", "constabulary", "service", "force", "the"]
        return text.split(separator: " ").map(String.init).filter { !dropped.contains($0) }.joined(separator: " ")
    }

    /// `id(for:)` written plainly: every name's key in a dictionary, any text of at most 80 bytes looked up by its key.
    static func plainLookup(_ forces: [Force]) -> (String) -> String? {
        var byKey: [String: String] = [:]
        for force in forces {
            for name in [force.name, force.shortName, force.id.replacingOccurrences(of: "-", with: " ")] + force.aliases {
                let key = plainKey(name)
                if !key.isEmpty { byKey[key] = force.id }
            }
        }
        return { text in text.utf8.count <= 80 ? byKey[plainKey(text)] : nil }
    }

    static let words = [
        "Dyfed-Powys", "Dyfed", "Powys", "Police", "police", "POLICE", "Constabulary", "Service", "the", "The", "Met", "Avon", "&", "and",
        "Somerset", "City", "of", "London,", "London", "Kent", "Thames", "Valley", "Devon", "Cornwall", "West", "Mercia", "Midlands",
        "Greater", "Manchester", "Heddlu", "Gogledd", "Cymru", "North", "Wales", "Calls", "for", "assistance", "per", "1,000", "crime",
        "recorded", "England", "population", "-", ".", "  ", "Metropolitan", "Yorkshire", "South", "Humberside", "Force", "Leicestershire",
    ]

    @Test("a force is found by any text exactly as by its plain key (seeded texts of name and label words)")
    func sameAsPlainKeys() {
        print("force key seed \(Self.seed) (set PEEL_FORCE_KEY_SEED to replay)")
        var generator = SplitMix(seed: Self.seed)
        // The shipped registry, and one with an alias whose key is 64 bytes or more (kept apart from the short lengths).
        var forces = registry.forces
        forces[1] = Force(id: forces[1].id, name: forces[1].name, shortName: forces[1].shortName,
                          aliases: forces[1].aliases + ["Constabulary of the Very Long Name of Somewhere Far Far Away From Here in the Shire of Elsewhere"])
        var wrong: [String] = []
        var found = 0
        for forces in [registry.forces, forces] {
            let lookup = ForceRegistry(forces: forces)
            let plainID = Self.plainLookup(forces)
            var texts = forces.flatMap { [$0.name, $0.shortName, $0.name.uppercased(), "the " + $0.shortName + " Police"] + $0.aliases }
            texts.append("Of Very-Long Name of Somewhere Far Far Away From Here in Shire of Elsewhere")
            for _ in 0..<4_000 {
                texts.append((0..<Int.random(in: 1...7, using: &generator)).map { _ in
                    Self.words[Int.random(in: 0..<Self.words.count, using: &generator)]
                }.joined(separator: Bool.random(using: &generator) ? " " : "  "))
            }
            for text in texts {
                let expected = plainID(text)
                if expected != nil { found += 1 }
                if lookup.id(for: text) != expected { wrong.append("\(text): \(lookup.id(for: text) ?? "nil") ≠ \(expected ?? "nil")") }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) texts: \(wrong.prefix(5))")
        #expect(found > 400)  // the texts do name forces, the long alias among them
        let long = "Of Very-Long Name of Somewhere Far Far Away From Here in Shire of Elsewhere"
        #expect(Self.plainKey(long).utf8.count >= 64 && ForceRegistry(forces: forces).id(for: long) == forces[1].id)
    }

    @Test("a word ends with ':' or '.' on bytes exactly when it does as Characters (every word of up to four of these pieces)")
    func suffixOnBytes() {
        // Pieces that join into one Character with what follows or precedes them: a prepended mark (U+0600), a combining
        // accent, a zero-width joiner; and ASCII, a two-byte letter and an emoji.
        let pieces = ["a", ":", ".", "é", "\u{0600}", "\u{0301}", "\u{200D}", "😀", " "]
        var words = [""]
        var wrong: [String] = []
        for _ in 1...4 {
            words = words.flatMap { word in pieces.map { word + $0 } }
            for word in words {
                for (byte, suffix) in [(UInt8(ascii: ":"), ":"), (UInt8(ascii: "."), ".")]
                where FigureExtractor.endsWith(Substring(word), byte) != word.hasSuffix(suffix) {
                    wrong.append("\(word.unicodeScalars.map { String($0.value, radix: 16) }) \(suffix)")
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        #expect(FigureExtractor.endsWith("Source:", UInt8(ascii: ":")) && !FigureExtractor.endsWith("\u{0600}:", UInt8(ascii: ":")))
    }
}
