import PeelText

/// A paragraph cut after each full stop not followed by a digit, and at its end. A pattern that matches no such
/// full stop (or spans a known number of them, its `reach`) has every match within one segment (or that many
/// more before it); and a pattern with no anchors, lookaround or word boundaries finds the same matches in those
/// segments alone as in the whole paragraph, which it would otherwise transcode and search in full.
public struct Segments: Sendable {
    /// Where each segment ends, in bytes.
    public let ends: [Int]
    /// Which segments hold a byte ≥ 0x80; nil when none does (most paragraphs).
    public let nonASCII: [Bool]?

    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var ends: [Int] = []
        var nonASCII: [Bool]?
        let count = bytes.count
        /// The byte at `index`, a full stop or not ASCII (no other byte changes anything).
        func visit(_ index: Int) {
            let byte = bytes[index]
            if byte == 0x2E, index + 1 == count || bytes[index + 1] &- 0x30 > 9 {
                ends.append(index + 1)
            } else if byte >= 0x80 {
                if nonASCII == nil { nonASCII = [] }
                while nonASCII!.count < ends.count { nonASCII!.append(false) }
                if nonASCII!.count == ends.count { nonASCII!.append(true) }
            }
        }
        // Sixteen bytes a step to the full stops and non-ASCII bytes, which are few (a byte at a time, this loop was
        // an eighth of the narrative search's own work; callgrind).
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 16 <= count {
                let block = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
                var lanes = ByteSearch.laneBits(block .== SIMD16<UInt8>(repeating: 0x2E) .| block .>= SIMD16<UInt8>(repeating: 0x80))
                while lanes != 0 {
                    visit(index + lanes.trailingZeroBitCount)
                    lanes &= lanes - 1
                }
                index += 16
            }
        }
        while index < count {
            visit(index)
            index += 1
        }
        if ends.last != count { ends.append(count) }
        if nonASCII != nil { while nonASCII!.count < ends.count { nonASCII!.append(false) } }
        self.ends = ends
        self.nonASCII = nonASCII
    }

    public init(_ bytes: [UInt8]) { self = bytes.withUnsafeBufferPointer { Segments($0) } }

    /// The byte ranges to run a pattern on: runs of segments that hold all its `keys` (lowercase ASCII literals of
    /// the pattern, without full stops, compared ignoring ASCII case), or a non-ASCII byte (Unicode case folding
    /// lets "ſ" or "ﬁ" match letters of a key the ASCII search does not see), each with the `reach` segments before
    /// it. Most paragraphs with a cue hold no match, and a regex call costs far more than this search. Runs that
    /// touch are merged, so matches come out in paragraph order.
    public func windows(keys: [[UInt8]], reach: Int, in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var needed = [Bool](repeating: true, count: ends.count)
        var any = true
        for key in keys where any { any = holding(key, in: bytes, into: &needed) }
        if let nonASCII {
            for segment in nonASCII.indices where nonASCII[segment] { needed[segment] = true }
        } else if !any {
            return []
        }
        var runs: [Range<Int>] = []  // in segments
        for segment in needed.indices where needed[segment] {
            let first = max(0, segment - reach)
            if let last = runs.last, first <= last.upperBound {
                runs[runs.count - 1] = last.lowerBound..<(segment + 1)
            } else {
                runs.append(first..<(segment + 1))
            }
        }
        return runs.map { ($0.lowerBound == 0 ? 0 : ends[$0.lowerBound - 1])..<ends[$0.upperBound - 1] }
    }

    /// `window` (a run of whole segments) without its segments longer than `limit`: the runs of segments left, and the
    /// segments taken out, each in order.
    public func split(_ window: Range<Int>, longerThan limit: Int) -> (runs: [Range<Int>], long: [Range<Int>]) {
        guard window.count > limit else { return ([window], []) }
        var runs: [Range<Int>] = [], long: [Range<Int>] = []
        var start = 0, runStart = window.lowerBound
        for end in ends {
            guard end > window.lowerBound else {
                start = end
                continue
            }
            if end - start > limit {
                if runStart < start { runs.append(runStart..<start) }
                long.append(start..<end)
                runStart = end
            }
            if end >= window.upperBound { break }
            start = end
        }
        if runStart < window.upperBound { runs.append(runStart..<window.upperBound) }
        return (runs, long)
    }

    /// Clears `needed` for each segment that does not hold `key`, and says whether any segment is still needed.
    /// Keys hold no full stop, so an occurrence lies in one segment.
    private func holding(_ key: [UInt8], in text: UnsafeBufferPointer<UInt8>, into needed: inout [Bool]) -> Bool {
        var found = [Bool](repeating: false, count: ends.count)
        guard text.count >= key.count else {
            for segment in needed.indices { needed[segment] = false }
            return false
        }
        // Keys are at least two bytes: two bytes compared with case bits set (a cheap filter; letters of either
        // case pass, and so do a few other bytes), sixteen places at a time, then the whole key exactly where the
        // filter passes. (A byte at a time, the filter was most of finding a pattern's windows.)
        let first = key[0] | 0x20, second = key[1] | 0x20
        let starts = text.count - key.count + 1
        key.withUnsafeBufferPointer { key in
            var segment = 0
            // What it changes is passed to it, not captured: a local function that changed captured variables had
            // them checked for exclusive access at run time, at every call.
            func check(_ index: Int, _ segment: inout Int, _ found: inout [Bool]) {
                var offset = 0
                while offset < key.count && ASCIIBytes.lower(text[index + offset]) == key[offset] { offset += 1 }
                guard offset == key.count else { return }
                while index >= ends[segment] { segment += 1 }
                found[segment] = true
            }
            var index = 0
            let raw = UnsafeRawPointer(text.baseAddress!)
            let caseBits = SIMD16<UInt8>(repeating: 0x20), firsts = SIMD16<UInt8>(repeating: first), seconds = SIMD16<UInt8>(repeating: second)
            // The block of second bytes reads one byte further: sixteen places need seventeen bytes.
            while index + 17 <= text.count && index + 16 <= starts {
                let here = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self) | caseBits
                let next = raw.loadUnaligned(fromByteOffset: index + 1, as: SIMD16<UInt8>.self) | caseBits
                let passes = here .== firsts .& next .== seconds
                // The passing lanes from their bits, lowest first (reading each of sixteen lanes out of the mask cost more).
                var lanes = ByteSearch.laneBits(passes)
                while lanes != 0 {
                    check(index + lanes.trailingZeroBitCount, &segment, &found)
                    lanes &= lanes - 1
                }
                index += 16
            }
            while index < starts {
                if text[index] | 0x20 == first && text[index + 1] | 0x20 == second { check(index, &segment, &found) }
                index += 1
            }
        }
        var any = false
        for segment in needed.indices {
            if !found[segment] { needed[segment] = false }
            any = any || needed[segment]
        }
        return any
    }
}
