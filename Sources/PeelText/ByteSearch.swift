import CVectorMask
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte searches for the passes that touch every byte of an entry (line breaks, the binary check, UTF-8 validation,
/// digits): eight bytes or more per step instead of one (a single byte is found by the C library's `memchr`), with a
/// byte loop only where a word holds a hit.
public enum ByteSearch {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
    }

    /// Whether any lane of `mask` is set. The standard library's `any` compiles to a generic horizontal minimum (a
    /// call, or some thirty instructions inlined); the lanes' top bits gathered by one instruction are a test.
    @inline(__always)
    public static func anyLane(_ mask: SIMDMask<SIMD16<Int8>>) -> Bool {
        laneBits(mask) != 0
    }

    /// Whether the bytes hold any of four bytes: the CSV writer asks it of every text field (a comma, a quote or a line
    /// break means quoting), and a byte-by-byte test of four was most of writing one. Sixteen bytes a step, the last
    /// block overlapping the one before; a field of eight to fifteen bytes (most are short) in two overlapping words.
    public static func containsAny(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        if count >= 16 {
            var index = 0
            while true {
                let block = raw.loadUnaligned(fromByteOffset: min(index, count - 16), as: SIMD16<UInt8>.self)
                if anyLane(block .== SIMD16(repeating: a) .| block .== SIMD16(repeating: b) .| block .== SIMD16(repeating: c)
                    .| block .== SIMD16(repeating: d)) { return true }
                index += 16
                if index >= count { return false }
            }
        }
        if count >= 8 {
            @inline(__always) func holds(_ word: UInt64) -> Bool {
                hasZeroByte(word ^ ones &* UInt64(a)) || hasZeroByte(word ^ ones &* UInt64(b)) || hasZeroByte(word ^ ones &* UInt64(c))
                    || hasZeroByte(word ^ ones &* UInt64(d))
            }
            return holds(load(bytes, 0)) || holds(load(bytes, count - 8))
        }
        for byte in bytes where byte == a || byte == b || byte == c || byte == d { return true }
        return false
    }

    /// Whether any byte of `word` is zero (exact: the borrow that can mark a later byte needs a zero byte before it).
    @inline(__always)
    static func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }

    /// The first index at or after `start` holding `byte`, or `bytes.count` (`start` itself if it is past the end).
    /// The C library's `memchr` (vector instructions, 32 or 64 bytes a step) rather than words of eight: most calls
    /// scan far, for a form feed or carriage return that is not there, or for the next "3" of a date.
    public static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress else { return max(start, bytes.count) }
        guard let found = memchr(base + start, Int32(byte), bytes.count - start) else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Calls `body` with each index holding `byte`, in order: sixteen bytes a step, the lanes that hold it taken from a
    /// mask. For bytes that stand some hundred apart (the line feeds of a text) this is cheaper than a `memchr` call
    /// per occurrence, whose set-up cost more than the scan.
    @inline(__always)
    public static func forEachIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        let needle = SIMD16<UInt8>(repeating: byte)
        var index = 0
        while index + 16 <= count {
            let block = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
            var mask = laneBits(block .== needle)
            while mask != 0 {
                body(index + mask.trailingZeroBitCount)
                mask &= mask - 1
            }
            index += 16
        }
        while index < count {
            if bytes[index] == byte { body(index) }
            index += 1
        }
    }

    /// A bit per lane of `mask`, lane i at bit i: a set lane is all ones, so its top bit says it (`CVectorMask`).
    @inline(__always)
    public static func laneBits(_ mask: SIMDMask<SIMD16<Int8>>) -> UInt32 {
        CVectorMask_topBits(unsafeBitCast(mask, to: SIMD16<UInt8>.self))
    }

    /// Whether any lane of a thirty-two-lane `mask` is set (as `anyLane` of sixteen).
    @inline(__always)
    public static func anyLane(_ mask: SIMDMask<SIMD32<Int8>>) -> Bool {
        laneBits(mask) != 0
    }

    /// The same for thirty-two lanes: the whole-entry scans step so far where the build has AVX2's 32-byte vectors.
    @inline(__always)
    public static func laneBits(_ mask: SIMDMask<SIMD32<Int8>>) -> UInt32 {
        CVectorMask_topBits32(unsafeBitCast(mask, to: SIMD32<UInt8>.self))
    }

    /// The lanes of `block` that hold an ASCII digit: a byte less "0" is at most 9 only for a digit. Written `.<= 9`,
    /// not `.< 10`: Swift 6.3 compiles a sixteen-lane `(x &- c) .< 10` to a loop over the lanes that stores each one
    /// to the stack and reloads the vector (a store-forwarding stall a lane; a third of a worker's time, and callgrind,
    /// counting instructions, did not show it), where `.<= 9` is a minimum and a compare. `.ci/vector-code` checks
    /// the release build for such loops.
    @inline(__always)
    public static func digitLanes(_ block: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
        (block &- SIMD16<UInt8>(repeating: 0x30)) .<= SIMD16<UInt8>(repeating: 9)
    }

    /// Whether the bytes hold four ASCII digits in a row (a year has them, and every printed date a year): sixteen
    /// bytes a step, the digits' lanes as bits, the last three lanes of a block carried into the next.
    public static func containsFourDigitRun(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            var carried: UInt32 = 0  // bits 0–2: the last three lanes of the block before
            while index + 16 <= bytes.count {
                let block = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
                let digits = laneBits(digitLanes(block))
                let lanes = digits << 3 | carried  // bit k: the byte at index + k - 3
                if lanes & lanes >> 1 & lanes >> 2 & lanes >> 3 != 0 { return true }
                carried = digits >> 13
                index += 16
            }
        }
        // The rest byte by byte, from three bytes back (a run may have started in the last block).
        var run = 0
        for byte in UnsafeBufferPointer(rebasing: bytes[max(0, index - 3)...]) {
            run = byte &- 0x30 < 10 ? run + 1 : 0
            if run == 4 { return true }
        }
        return false
    }

    /// Whether the bytes hold an ASCII digit. Asked of every paragraph's bytes (over half the prose holds none, so
    /// most are read to the end): sixteen bytes a step, a byte less "0" being below 10 only for a digit, the last
    /// block overlapping the one before; a text under sixteen bytes eight a step (for ASCII bytes, high bit clear
    /// and masked so that no sum carries into the next byte, adding 0x50 sets the high bit from "0" up and adding
    /// 0x46 from ":" up).
    public static func containsASCIIDigit(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count >= 16, let base = bytes.baseAddress else {
            let lows: UInt64 = ~highs
            var index = 0
            while index + 8 <= count {
                let word = load(bytes, index)
                let ascii = word & lows
                if (ascii &+ ones &* 0x50) & ~(ascii &+ ones &* 0x46) & ~word & highs != 0 { return true }
                index += 8
            }
            while index < count {
                if bytes[index] &- 0x30 < 10 { return true }
                index += 1
            }
            return false
        }
        let raw = UnsafeRawPointer(base)
        @inline(__always) func holdsDigit(at offset: Int) -> Bool {
            anyLane(digitLanes(raw.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)))
        }
        var index = 0
        while index + 16 <= count {
            if holdsDigit(at: index) { return true }
            index += 16
        }
        return index < count && holdsDigit(at: count - 16)
    }

    /// The first index at or after `start` holding a byte below 0x80, or `bytes.count` (runs of non-ASCII are short).
    static func firstASCII(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count && bytes[index] >= 0x80 { index += 1 }
        return index
    }

    /// The first index at or after `start` holding a byte of 0x80 or more, or `bytes.count`.
    public static func firstNonASCII(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        let count = bytes.count
        // Thirty-two bytes a step while they are all ASCII (one test of four words or-ed together), then eight.
        while index + 32 <= count && (load(bytes, index) | load(bytes, index + 8) | load(bytes, index + 16) | load(bytes, index + 24)) & highs == 0 {
            index += 32
        }
        while index + 8 <= count && load(bytes, index) & highs == 0 { index += 8 }
        while index < count && bytes[index] < 0x80 { index += 1 }
        return index
    }
}
