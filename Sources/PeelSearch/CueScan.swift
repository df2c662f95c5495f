import PeelText

/// Which of up to 64 lowercase cues a text holds, ignoring ASCII case, in one pass: tables keyed by a pair of
/// adjacent bytes say which cues could start there and which have that pair two bytes on (17 separate scans
/// were a fifth of the parse; the second pair keeps common starts like "in" and "th" from being compared).
/// The key is each byte's low five bits, the same for a letter in either case. Any cue of four bytes or more;
/// `SkippingCueSet` is faster where every cue is long.
public struct CueSet: Sendable {
    private let cues: [[UInt8]]
    private var starts = [UInt64](repeating: 0, count: 1024)
    private var thirds = [UInt64](repeating: 0, count: 1024)

    public init(_ cues: [[UInt8]]) {
        precondition(cues.count <= 64 && cues.allSatisfy { $0.count >= 4 })
        self.cues = cues.map { $0.map(ASCIIBytes.lower) }
        for (index, cue) in self.cues.enumerated() {
            starts[pairKey(cue[0], cue[1])] |= UInt64(1) << index
            thirds[pairKey(cue[2], cue[3])] |= UInt64(1) << index
        }
    }

    /// A bit per cue found, in the order given.
    public func find(in text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard text.count >= 4 else { return 0 }
        return starts.withUnsafeBufferPointer { starts in
            thirds.withUnsafeBufferPointer { thirds in
                var found: UInt64 = 0
                for index in 0..<(text.count - 3) {
                    var candidates = starts[pairKey(text[index], text[index + 1])]
                    guard candidates != 0 else { continue }
                    candidates &= thirds[pairKey(text[index + 2], text[index + 3])] & ~found
                    while candidates != 0 {
                        let cue = candidates.trailingZeroBitCount
                        candidates &= candidates - 1
                        if cueMatches(cues[cue], text, at: index) { found |= UInt64(1) << cue }
                    }
                }
                return found
            }
        }
    }

    public func find(in text: [UInt8]) -> UInt64 { text.withUnsafeBufferPointer { find(in: $0) } }
}

/// Which of up to 64 lowercase cues, all at least `minimum` bytes, a text holds, ignoring ASCII case. Wu and
/// Manber's skip: a window of `minimum` bytes is slid along the text, and the three bytes at its end say how far it
/// may move without passing a cue's first `minimum` bytes; only triples that end such a prefix stop it, and then the
/// cues that end that way are compared. The key is each byte's low five bits, the same for a letter in either case
/// (other bytes share keys too, which only shortens skips). Keyed by pairs, the window stopped at every common pair of
/// English letters a cue holds ("in", "er", "th"): on report text it moved 6.6 bytes a step on average and stopped to
/// compare at 12 % of steps; keyed by triples, 8.1 bytes and 3.5 % (the 13 narrative cues, shortest 11 bytes).
public struct SkippingCueSet: Sendable {
    private let cues: [[UInt8]]
    private let minimum: Int
    private var shifts = [UInt8](repeating: 0, count: 1 << 15)
    private var ends = [UInt64](repeating: 0, count: 1 << 15)

    public init(_ cues: [[UInt8]]) {
        precondition(cues.count <= 64 && cues.allSatisfy { $0.count >= 3 })
        self.cues = cues.map { $0.map(ASCIIBytes.lower) }
        minimum = cues.map(\.count).min()!
        precondition(minimum <= 256)
        for key in shifts.indices { shifts[key] = UInt8(minimum - 2) }
        for (index, cue) in self.cues.enumerated() {
            for end in 2..<minimum {
                let key = tripleKey(cue[end - 2], cue[end - 1], cue[end])
                shifts[key] = min(shifts[key], UInt8(minimum - 1 - end))
            }
            ends[tripleKey(cue[minimum - 3], cue[minimum - 2], cue[minimum - 1])] |= UInt64(1) << index
        }
    }

    /// A bit per cue found, in the order given. The places a window may end are split in two halves, each slid by a
    /// window of its own, the two moved in turn: a window's next move waits on its table lookup (the loop is bound by
    /// that latency, not by its instructions), and two independent windows keep the core busy in each other's waits.
    public func find(in text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard text.count >= minimum else { return 0 }
        return shifts.withUnsafeBufferPointer { shifts in
            ends.withUnsafeBufferPointer { ends in
                var found: UInt64 = 0
                /// Moves the window whose last byte is at `end`: by its skip, or by one past a place where cues may end,
                /// after comparing those cues.
                @inline(__always) func move(_ end: inout Int) {
                    let key = tripleKey(text[end - 2], text[end - 1], text[end])
                    let shift = Int(shifts[key])
                    if shift != 0 {
                        end += shift
                        return
                    }
                    var candidates = ends[key] & ~found
                    while candidates != 0 {
                        let cue = candidates.trailingZeroBitCount
                        candidates &= candidates - 1
                        if cueMatches(cues[cue], text, at: end + 1 - minimum) { found |= UInt64(1) << cue }
                    }
                    end += 1
                }
                // The window's last byte goes from minimum - 1 to the text's end; the first window takes the places
                // before `half`, the second those from it (a cue is found where its first `minimum` bytes end).
                let half = (minimum - 1 + text.count) / 2
                var first = minimum - 1, second = half
                while first < half && second < text.count {
                    move(&first)
                    move(&second)
                }
                while first < half { move(&first) }
                while second < text.count { move(&second) }
                return found
            }
        }
    }

    public func find(in text: [UInt8]) -> UInt64 { text.withUnsafeBufferPointer { find(in: $0) } }
}

@inline(__always)
private func tripleKey(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Int {
    Int(first & 31) << 10 | Int(second & 31) << 5 | Int(third & 31)
}

@inline(__always)
private func pairKey(_ first: UInt8, _ second: UInt8) -> Int {
    Int(first & 31) << 5 | Int(second & 31)
}

/// A lowercase cue at `index` of a text, ignoring ASCII case (both cue sets confirm their candidates with it).
func cueMatches(_ cue: [UInt8], _ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    guard index + cue.count <= text.count else { return false }
    for offset in 0..<cue.count where ASCIIBytes.lower(text[index + offset]) != cue[offset] { return false }
    return true
}
