import PeelText

/// A regular expression of the subset the sentence patterns are written in, matched on ASCII bytes, ignoring the
/// case of ASCII letters, with NSRegularExpression's (ICU's) semantics: leftmost match, alternatives tried in order,
/// greedy quantifiers longest first and lazy ones shortest first, backtracking, then the next match from the end of
/// the last. The subset: literal bytes and `\`-escaped punctuation; classes `[…]` and `[^…]` of bytes and ranges;
/// groups, capturing and `(?:…)`, with `|`; quantifiers `*`, `+`, `?`, `{m}`, `{m,}`, `{m,n}`, each optionally lazy
/// (`?` after), a group's at most 64 times. Anything else (anchors, `.`, `\d`, lookaround, a repeat of what can
/// match nothing, non-ASCII) is not compiled, and the caller goes to NSRegularExpression.
///
/// Why by hand: an NSRegularExpression call cost some 34,000 instructions on a window of a few hundred bytes (the
/// string bridged to UTF-16, ICU's matcher reset; callgrind), this some 14,000. Swift Regex is slower still
/// on Linux. PCRE2 (a system library) matches bytes too, but its syntax parts from ICU's outside a common subset, so
/// that subset would have to be checked here anyway, and a matcher for it is the rest of this file; no new system
/// dependency. On ASCII text the engines agree exactly: ICU's Unicode case folding differs from ASCII folding only
/// for non-ASCII characters (a Kelvin sign for "k"), which the caller never hands here. Tests hold it to ICU.
public struct ASCIIRegex: Sendable {
    indirect enum Node: Sendable {
        /// Bytes to match in order; letters lowercase, compared with the text lowercased.
        case literal([UInt8])
        case set(ByteSet)
        /// Alternatives in order; the capture group's number, if it captures.
        case group([[Node]], capture: Int?)
        case repetition(Node, min: Int, max: Int, lazy: Bool)
    }

    /// One bit per byte value (ASCII only: bytes from 0x80 are never members).
    struct ByteSet: Sendable {
        var bits: (UInt64, UInt64) = (0, 0)

        func contains(_ byte: UInt8) -> Bool {
            byte < 64 ? bits.0 >> byte & 1 != 0 : byte < 128 ? bits.1 >> (byte - 64) & 1 != 0 : false
        }

        mutating func insert(_ byte: UInt8) {
            if byte < 64 { bits.0 |= 1 << byte } else if byte < 128 { bits.1 |= 1 << (byte - 64) }
        }

        mutating func formUnion(_ other: ByteSet) {
            bits.0 |= other.bits.0
            bits.1 |= other.bits.1
        }

        /// Every ASCII byte not in the set.
        var inverted: ByteSet { ByteSet(bits: (~bits.0, ~bits.1)) }

        /// With each ASCII letter's other case (matching ignores case).
        var caseClosed: ByteSet {
            var closed = self
            for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") where contains(byte) || contains(byte | 0x20) {
                closed.insert(byte)
                closed.insert(byte | 0x20)
            }
            return closed
        }
    }

    /// The pattern flattened into plain values (no reference counting while matching).
    let program: Program
    /// Capture groups, not counting the whole match.
    public let groupCount: Int
    /// The bytes a match can start with, in either case: other positions are passed over without trying.
    let firstBytes: ByteSet

    /// Nil when the pattern is outside the subset.
    public init?(_ pattern: String) {
        var parser = Parser(Array(pattern.utf8))
        guard let alternatives = parser.parseAlternatives(), parser.atEnd else { return nil }
        let whole = Node.group(alternatives, capture: nil)
        guard !Self.nullable(whole) else { return nil }
        program = Program(whole)
        groupCount = parser.groups
        firstBytes = Self.first(of: whole).caseClosed
    }

    /// The matches in `text` (ASCII), in order: for each, the range of the whole match, then each group's (nil if it
    /// took no part), in offsets of `text`.
    public func matches(in text: UnsafeBufferPointer<UInt8>) -> [[Range<Int>?]] {
        program.withPools { pools in
            let matcher = Matcher(pools, top: program.top, text: text, groups: groupCount)
            defer { matcher.deallocate() }
            var found: [[Range<Int>?]] = []
            var start = 0
            while start < text.count {
                if firstBytes.contains(text[start]), let end = matcher.match(at: start) {
                    found.append([start..<end] + (0..<groupCount).map { matcher.capture($0 + 1) })
                    start = end  // never equal to `start`: a pattern that can match nothing is not compiled
                } else {
                    start += 1
                }
            }
            return found
        }
    }

    /// Whether the nodes in sequence can match no bytes at all.
    static func nullable(_ sequence: [Node]) -> Bool { sequence.allSatisfy(nullable) }

    static func nullable(_ node: Node) -> Bool {
        switch node {
        case .literal(let bytes): bytes.isEmpty
        case .set: false
        case .group(let alternatives, _): alternatives.contains(where: nullable)
        case .repetition(let inner, let min, _, _): min == 0 || nullable(inner)
        }
    }

    /// The bytes a match of the sequence can start with (a literal's letters in lowercase only).
    static func first(of sequence: [Node]) -> ByteSet {
        var set = ByteSet()
        for node in sequence {
            set.formUnion(first(of: node))
            if !nullable(node) { break }
        }
        return set
    }

    static func first(of node: Node) -> ByteSet {
        switch node {
        case .literal(let bytes):
            var set = ByteSet()
            if let byte = bytes.first { set.insert(byte) }
            return set
        case .set(let members): return members
        case .group(let alternatives, _):
            var set = ByteSet()
            for alternative in alternatives { set.formUnion(first(of: alternative)) }
            return set
        case .repetition(let inner, _, _, _): return first(of: inner)
        }
    }

    /// The nodes as plain values in pools: a sequence is a range of `sequenceOps`, a group's alternatives a range of
    /// `alternatives`, a literal a range of `literals`.
    struct Program: Sendable {
        enum Kind: UInt8, Sendable { case literal, set, group, setRepetition, repetition }

        struct Op: Sendable {
            var kind: Kind
            /// literal: offset in `literals`; set and setRepetition: index in `sets`; group: offset in `alternatives`;
            /// repetition: where the repeated op stands alone in `sequenceOps`.
            var start: Int32 = 0
            /// literal: its length; group: how many alternatives.
            var count: Int32 = 0
            /// group: its capture number, or 0 for none.
            var capture: Int32 = 0
            var min: Int32 = 0
            var max: Int32 = 0
            var lazy = false
            /// setRepetition: the index in `sets` of the bytes the rest of its sequence can start with, when the rest
            /// cannot match nothing (-1 otherwise): counts that leave any other byte next are not tried.
            var follow: Int32 = -1
        }

        var ops: [Op] = []
        var sequenceOps: [Int32] = []
        var alternatives: [Range<Int32>] = []
        var literals: [UInt8] = []
        var sets: [ByteSet] = []
        /// The whole pattern: one op, a group.
        var top: Range<Int32> = 0..<0

        /// The pools as buffers, for matching: array accesses through a stored property were retained and released.
        struct Pools {
            let ops: UnsafeBufferPointer<Op>
            let sequenceOps: UnsafeBufferPointer<Int32>
            let alternatives: UnsafeBufferPointer<Range<Int32>>
            let literals: UnsafeBufferPointer<UInt8>
            let sets: UnsafeBufferPointer<ByteSet>
        }

        func withPools<T>(_ body: (Pools) -> T) -> T {
            ops.withUnsafeBufferPointer { ops in
                sequenceOps.withUnsafeBufferPointer { sequenceOps in
                    alternatives.withUnsafeBufferPointer { alternatives in
                        literals.withUnsafeBufferPointer { literals in
                            sets.withUnsafeBufferPointer { sets in
                                body(Pools(ops: ops, sequenceOps: sequenceOps, alternatives: alternatives, literals: literals, sets: sets))
                            }
                        }
                    }
                }
            }
        }

        init(_ whole: Node) {
            let index = add(whole)
            top = Int32(sequenceOps.count)..<Int32(sequenceOps.count + 1)
            sequenceOps.append(index)
        }

        private mutating func add(_ node: Node) -> Int32 {
            var op: Op
            switch node {
            case .literal(let bytes):
                op = Op(kind: .literal, start: Int32(literals.count), count: Int32(bytes.count))
                literals += bytes
            case .set(let members):
                op = Op(kind: .set, start: Int32(sets.count))
                sets.append(members)
            case .group(let alternativeNodes, let capture):
                // The alternatives' sequences first (their ops are added as they are met), then their ranges together.
                let ranges = alternativeNodes.map { sequence -> Range<Int32> in
                    let indices = sequence.map { add($0) }
                    for (position, index) in indices.enumerated() where ops[Int(index)].kind == .setRepetition {
                        let rest = Array(sequence[(position + 1)...])
                        guard !rest.isEmpty, !ASCIIRegex.nullable(rest) else { continue }
                        ops[Int(index)].follow = Int32(sets.count)
                        sets.append(ASCIIRegex.first(of: rest).caseClosed)
                    }
                    let start = Int32(sequenceOps.count)
                    sequenceOps += indices
                    return start..<Int32(sequenceOps.count)
                }
                op = Op(kind: .group, start: Int32(alternatives.count), count: Int32(ranges.count), capture: Int32(capture ?? 0))
                alternatives += ranges
            case .repetition(.set(let members), let min, let max, let lazy):
                op = Op(kind: .setRepetition, start: Int32(sets.count), min: Int32(min), max: Int32(clamping: max), lazy: lazy)
                sets.append(members)
            case .repetition(let inner, let min, let max, let lazy):
                // The repeated op as a sequence of its own, matched once per time.
                let innerIndex = add(inner)
                op = Op(kind: .repetition, start: Int32(sequenceOps.count), min: Int32(min), max: Int32(clamping: max), lazy: lazy)
                sequenceOps.append(innerIndex)
            }
            ops.append(op)
            return Int32(ops.count - 1)
        }
    }

    /// Backtracking over one text: each op is matched, then a continuation is asked to match the rest. Only plain
    /// values and pointers, so the continuations that capture it retain nothing (a class was retained and released
    /// at every step); the caller frees the captures.
    private struct Matcher {
        let program: Program.Pools
        let top: Range<Int32>
        let text: UnsafeBufferPointer<UInt8>
        /// Each group's start and end (group 0 unused), -1 when it took no part.
        let starts: UnsafeMutableBufferPointer<Int>
        let ends: UnsafeMutableBufferPointer<Int>

        init(_ program: Program.Pools, top: Range<Int32>, text: UnsafeBufferPointer<UInt8>, groups: Int) {
            self.program = program
            self.top = top
            self.text = text
            starts = .allocate(capacity: groups + 1)
            ends = .allocate(capacity: groups + 1)
        }

        func deallocate() {
            starts.deallocate()
            ends.deallocate()
        }

        func capture(_ group: Int) -> Range<Int>? { starts[group] < 0 ? nil : starts[group]..<ends[group] }

        /// Where the leftmost-first match starting at `start` ends, its captures set; nil if none starts there.
        func match(at start: Int) -> Int? {
            starts.update(repeating: -1)
            ends.update(repeating: -1)
            var end: Int?
            _ = match(top, top.lowerBound, start) { position in
                end = position
                return true
            }
            return end
        }

        /// Matches `sequence` from its op at `index` on, at `position`, then whatever `next` asks of the rest. Literals
        /// and single bytes are matched in a loop; only choices (groups, repetitions) recurse.
        private func match(_ sequence: Range<Int32>, _ index: Int32, _ position: Int, _ next: (Int) -> Bool) -> Bool {
            var index = index, position = position
            while index < sequence.upperBound {
                let op = program.ops[Int(program.sequenceOps[Int(index)])]
                switch op.kind {
                case .literal:
                    let count = Int(op.count)
                    guard position + count <= text.count else { return false }
                    let start = Int(op.start)
                    for offset in 0..<count where ASCIIBytes.lower(text[position + offset]) != program.literals[start + offset] { return false }
                    position += count
                case .set:
                    guard position < text.count, program.sets[Int(op.start)].contains(text[position]) else { return false }
                    position += 1
                case .setRepetition:
                    // Every count the class could take is known at once: the counts are tried in a loop.
                    let members = program.sets[Int(op.start)], min = Int(op.min), max = Int(op.max)
                    var longest = 0
                    while longest < max && position + longest < text.count && members.contains(text[position + longest]) { longest += 1 }
                    guard longest >= min else { return false }
                    /// Whether the rest could match after `count` bytes: the byte there can start it.
                    func mayFollow(_ count: Int) -> Bool {
                        guard op.follow >= 0 else { return true }
                        let at = position + count
                        guard at < text.count else { return false }
                        return program.sets[Int(op.follow)].contains(text[at])
                    }
                    if op.lazy {
                        for count in min...longest where mayFollow(count) && match(sequence, index + 1, position + count, next) { return true }
                    } else {
                        for count in stride(from: longest, through: min, by: -1) where mayFollow(count) && match(sequence, index + 1, position + count, next) {
                            return true
                        }
                    }
                    return false
                case .group:
                    let capture = Int(op.capture)
                    let (savedStart, savedEnd) = capture > 0 ? (starts[capture], ends[capture]) : (-1, -1)
                    for alternative in Int(op.start)..<Int(op.start + op.count) {
                        let range = program.alternatives[alternative]
                        let matched = match(range, range.lowerBound, position) { end in
                            if capture > 0 {
                                self.starts[capture] = position
                                self.ends[capture] = end
                            }
                            if self.match(sequence, index + 1, end, next) { return true }
                            if capture > 0 {
                                self.starts[capture] = savedStart
                                self.ends[capture] = savedEnd
                            }
                            return false
                        }
                        if matched { return true }
                    }
                    return false
                case .repetition:
                    return repeated(op, done: 0, at: position) { end in self.match(sequence, index + 1, end, next) }
                }
                index += 1
            }
            return next(position)
        }

        /// `op`'s inner op matched `done` times so far, up to `position`. Each further time must consume bytes (what
        /// can match nothing is never repeated, so this changes no match).
        private func repeated(_ op: Program.Op, done: Int32, at position: Int, _ next: (Int) -> Bool) -> Bool {
            func more() -> Bool {
                guard done < op.max else { return false }
                return match(op.start..<(op.start + 1), op.start, position) { end in
                    end > position && self.repeated(op, done: done + 1, at: end, next)
                }
            }
            if op.lazy {
                return (done >= op.min && next(position)) || more()
            }
            return more() || (done >= op.min && next(position))
        }

    }

    /// Recursive descent over the pattern's bytes; nil for anything outside the subset.
    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        var groups = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count }

        private func peek(_ offset: Int = 0) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

        /// Alternatives separated by `|`, up to a `)` or the end, as one group's alternatives.
        mutating func parseAlternatives() -> [[Node]]? {
            var alternatives: [[Node]] = []
            while true {
                guard let sequence = parseSequence() else { return nil }
                alternatives.append(sequence)
                guard peek() == UInt8(ascii: "|") else { return alternatives }
                index += 1
            }
        }

        /// Quantified atoms up to a `|`, a `)` or the end; adjacent single literal bytes joined.
        private mutating func parseSequence() -> [Node]? {
            var nodes: [Node] = []
            while let byte = peek(), byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
                guard let atom = parseAtom(), let node = parseQuantifier(atom) else { return nil }
                if case .literal(let bytes) = node, case .literal(let before)? = nodes.last {
                    nodes[nodes.count - 1] = .literal(before + bytes)
                } else {
                    nodes.append(node)
                }
            }
            return nodes
        }

        private mutating func parseAtom() -> Node? {
            guard let byte = peek(), byte < 0x80 else { return nil }
            index += 1
            switch byte {
            case UInt8(ascii: "("):
                var capture: Int?
                if peek() == UInt8(ascii: "?") {
                    guard peek(1) == UInt8(ascii: ":") else { return nil }  // lookaround, flags, named groups
                    index += 2
                } else {
                    groups += 1
                    capture = groups
                }
                guard let alternatives = parseAlternatives(), peek() == UInt8(ascii: ")") else { return nil }
                index += 1
                return .group(alternatives, capture: capture)
            case UInt8(ascii: "["):
                return parseClass()
            case UInt8(ascii: "\\"):
                guard let escaped = escapedPunctuation() else { return nil }
                return .literal([escaped])
            case UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "*"), UInt8(ascii: "+"),
                 UInt8(ascii: "?"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: "#"):
                return nil
            default:
                return .literal([ASCIIBytes.lower(byte)])
            }
        }

        /// The byte after a backslash, if it is punctuation (a letter or digit there is a class, an anchor or a
        /// back reference).
        private mutating func escapedPunctuation() -> UInt8? {
            guard let byte = peek(), byte < 0x80, byte > 0x20, !(byte >= 0x30 && byte <= 0x39),
                  !(ASCIIBytes.lower(byte) >= 0x61 && ASCIIBytes.lower(byte) <= 0x7A) else { return nil }
            index += 1
            return byte
        }

        /// After `[`: bytes and ranges up to `]`, maybe negated; closed over case.
        private mutating func parseClass() -> Node? {
            var negated = false
            if peek() == UInt8(ascii: "^") {
                negated = true
                index += 1
            }
            var members = ByteSet()
            var first = true
            while true {
                guard var low = peek(), low < 0x80 else { return nil }
                if low == UInt8(ascii: "]") && !first { break }
                // ICU's set operations and nested sets, and a `]` or space-sensitive syntax first: not in the subset.
                if low == UInt8(ascii: "[") || low == UInt8(ascii: "]") || (low == UInt8(ascii: "&") && peek(1) == UInt8(ascii: "&"))
                    || (low == UInt8(ascii: "-") && peek(1) == UInt8(ascii: "-")) { return nil }
                index += 1
                if low == UInt8(ascii: "\\") {
                    guard let escaped = escapedPunctuation() else { return nil }
                    low = escaped
                }
                var high = low
                if peek() == UInt8(ascii: "-"), let end = peek(1), end != UInt8(ascii: "]") {
                    guard end < 0x80, end != UInt8(ascii: "\\"), end != UInt8(ascii: "["), end >= low else { return nil }
                    high = end
                    index += 2
                }
                for byte in low...high { members.insert(byte) }
                first = false
            }
            index += 1
            let closed = members.caseClosed
            return .set(negated ? closed.inverted : closed)
        }

        private mutating func parseQuantifier(_ atom: Node) -> Node? {
            guard let byte = peek() else { return atom }
            var min: Int, max: Int
            switch byte {
            case UInt8(ascii: "*"): (min, max) = (0, .max)
            case UInt8(ascii: "+"): (min, max) = (1, .max)
            case UInt8(ascii: "?"): (min, max) = (0, 1)
            case UInt8(ascii: "{"):
                index += 1
                guard let low = number() else { return nil }
                (min, max) = (low, low)
                if peek() == UInt8(ascii: ",") {
                    index += 1
                    max = number() ?? .max
                }
                guard peek() == UInt8(ascii: "}"), min <= max else { return nil }
            default:
                return atom
            }
            index += 1
            var lazy = false
            if peek() == UInt8(ascii: "?") {
                lazy = true
                index += 1
            }
            // A possessive quantifier, or a quantifier on a quantifier.
            if let after = peek(), after == UInt8(ascii: "+") || after == UInt8(ascii: "*") || after == UInt8(ascii: "{") || (after == UInt8(ascii: "?") && !lazy) {
                return nil
            }
            if ASCIIRegex.nullable(atom) { return nil }
            // A literal atom is one byte (runs are joined after quantifiers are read): repeated as a class, whose
            // counts are tried in a loop.
            if case .literal(let bytes) = atom, bytes.count == 1 {
                var members = ByteSet()
                members.insert(bytes[0])
                return .repetition(.set(members.caseClosed), min: min, max: max, lazy: lazy)
            }
            if case .set = atom { return .repetition(atom, min: min, max: max, lazy: lazy) }
            // A group repeated recurses once a time: bounded, so no text can run the stack out.
            guard max <= Self.maximumGroupRepeats else { return nil }
            return .repetition(atom, min: min, max: max, lazy: lazy)
        }

        static let maximumGroupRepeats = 64

        private mutating func number() -> Int? {
            var value: Int?
            while let byte = peek(), byte >= 0x30 && byte <= 0x39 {
                value = (value ?? 0) * 10 + Int(byte - 0x30)
                guard value! < 100_000 else { return nil }
                index += 1
            }
            return value
        }
    }
}
