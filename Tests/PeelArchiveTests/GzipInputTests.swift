import Foundation
import PeelArchive
import PeelTestSupport
import Testing

/// The entries read whole, by file name (the tars here hold `./name`).
private func goodByName(_ entries: [ExtractedEntry]) -> [String: [UInt8]] {
    var out: [String: [UInt8]] = [:]
    for entry in entries { if case .success(let bytes) = entry.content { out[(entry.path as NSString).lastPathComponent] = bytes } }
    return out
}

/// The samples in `names` not read whole and good from `entries` (named, not dumped: a failure prints names).
private func notReadWhole(_ names: [String], from entries: [ExtractedEntry]) -> [String] {
    let read = goodByName(entries)
    return names.filter { read[$0] != Fixtures.sample($0) } + read.keys.filter { !names.contains($0) }.sorted()
}

/// peel inflates gzip inputs itself (ISA-L), not through libarchive's filter: the gzip format's corners, made by
/// real tools, each give gzip's own answer.
@Suite("Gzip inputs")
struct GzipInputTests {
    @Test("a tar.gz made of several gzip members (pigz, cat a.gz b.gz) is read whole, the same bytes as gzip -dc gives")
    func concatenatedMembers() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        // The tar's bytes cut at two odd offsets (inside entries), each piece its own member, at different levels.
        try shell("""
            tar -cf all.tar -C samples . && size=$(stat -c %s all.tar) && a=$((size / 3 + 7)) && b=$((size * 2 / 3 + 13)) \
            && head -c $a all.tar | gzip -1 > archive.tar.gz \
            && head -c $b all.tar | tail -c +$((a + 1)) | gzip -9 >> archive.tar.gz \
            && tail -c +$((b + 1)) all.tar | gzip -6 >> archive.tar.gz \
            && gzip -dc archive.tar.gz | cmp - all.tar
            """, in: folder)
        let (entries, summary) = readAll(folder + "/archive.tar.gz")
        #expect(summary.failure == nil)
        #expect(summary.withdrawFrom == nil)
        #expect(summary.filters == ["gzip"])
        #expect(notReadWhole(names, from: entries) == [])
    }

    @Test("zeros after the last member are padding, as gzip reads them: the archive is whole")
    func trailingPadding() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        try shell("tar -czf archive.tar.gz -C samples . && head -c 4096 /dev/zero >> archive.tar.gz", in: folder)
        let (entries, summary) = readAll(folder + "/archive.tar.gz")
        #expect(summary.failure == nil)
        #expect(notReadWhole(names, from: entries) == [])
    }

    @Test("every optional gzip header field (extra, name, comment, header CRC) is read past")
    func headerFields() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let name = Fixtures.sampleNames[1]
        try shell("""
            python3 - '\(Fixtures.samplesFolder)/\(name)' <<'PY'
            import struct, sys, zlib
            data = open(sys.argv[1], "rb").read()
            extra = b"AP" + struct.pack("<H", 4) + b"peel"
            header = b"\\x1f\\x8b\\x08" + bytes([0x04 | 0x08 | 0x10 | 0x02]) + struct.pack("<I", 0) + b"\\x00\\x03"
            header += struct.pack("<H", len(extra)) + extra + b"original.txt\\x00" + b"a comment\\x00"
            header += struct.pack("<H", zlib.crc32(header) & 0xFFFF)
            deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
            body = deflate.compress(data) + deflate.flush()
            open("report.txt.gz", "wb").write(header + body + struct.pack("<II", zlib.crc32(data), len(data) & 0xFFFFFFFF))
            PY
            gzip -t report.txt.gz
            """, in: folder)
        let (entries, summary) = readAll(folder + "/report.txt.gz")
        #expect(summary.failure == nil)
        #expect(entries.map(\.path) == ["report.txt"])
        #expect(entries.first?.content == .success(Fixtures.sample(name)))
    }

    @Test("corrupt deflate data stops the archive; every entry inflated before the damage is read whole, and all are withdrawn: one CRC-32 covers them")
    func corruptData() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        try shell("tar -cf all.tar -C samples . && gzip -6 -c all.tar > archive.tar.gz", in: folder)
        var bytes = readBytes(folder + "/archive.tar.gz")
        // Garbage over the last fifth of the deflate data (before the 8-byte trailer), from a fixed seed.
        overwriteDeflateTail(&bytes)
        try writeBytes(bytes, to: folder + "/archive.tar.gz")
        // The oracle: the members whose data ends before the first byte zlib inflates wrongly.
        let expected = try shell("""
            python3 - <<'PY'
            import tarfile, zlib
            tar = open("all.tar", "rb").read()
            data, out = open("archive.tar.gz", "rb").read(), b""
            inflater = zlib.decompressobj(31)
            try:
                for start in range(0, len(data), 4096):
                    out += inflater.decompress(data[start:start + 4096])
            except zlib.error:
                pass
            same = 0
            while same < min(len(out), len(tar)) and out[same] == tar[same]:
                same += 1
            print("\\n".join(m.name for m in tarfile.open("all.tar") if m.isfile() and m.offset_data + m.size <= same))
            PY
            """, in: folder).split(separator: "\n").map { String($0.dropFirst(2)) }
        #expect(!expected.isEmpty && expected.count < names.count, "the damage must fall after some entries: \(expected)")
        let (entries, summary) = readAll(folder + "/archive.tar.gz")
        let read = goodByName(entries)
        for name in expected { #expect(read[name].map { $0 == Fixtures.sample(name) } == true, "\(name) was inflated before the damage") }
        // Some entry was inflated from the garbage and looked whole (the seed makes it so): nothing tells it from the
        // good ones until the member's end, so every entry read whole is withdrawn.
        #expect(read.contains { Fixtures.sample($0.key) != $0.value }, "no entry inflated from the damage: the test proves nothing")
        let first = entries.first { if case .success = $0.content { true } else { false } }
        #expect(summary.withdrawFrom == first?.ordinal)
        #expect(summary.failure?.contains("the gzip data is corrupt") == true && summary.failure?.contains("is withdrawn") == true, "\(summary.failure ?? "")")
    }

    @Test("damage anywhere (one bit, a byte, a span, or a span and a cut) never leaves a kept entry unlike the archived one",
          arguments: 0..<48)
    func randomDamage(round: Int) throws {
        let seed = UInt64(20261201 + round)
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try copySamples(to: folder + "/samples")
        try shell("tar -cf all.tar -C samples . && gzip -6 -c all.tar > whole.tar.gz", in: folder)
        var bytes = readBytes(folder + "/whole.tar.gz")
        var generator = SplitMix(seed: seed)
        // Past the 10-byte header, into the deflate data or the trailer.
        let at = Int.random(in: 10..<bytes.count, using: &generator)
        let kind = round % 4
        switch kind {
        case 0: bytes[at] ^= 1 << UInt8.random(in: 0...7, using: &generator)
        case 1: bytes[at] = UInt8.random(in: 0...255, using: &generator)
        default:
            let end = min(bytes.count, at + Int.random(in: 1...4096, using: &generator))
            for index in at..<end { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
            if kind == 3 { bytes = Array(bytes.prefix(Int.random(in: end...bytes.count, using: &generator))) }
        }
        try writeBytes(bytes, to: folder + "/damaged.tar.gz")
        let (entries, summary) = readAll(folder + "/damaged.tar.gz")
        let kept = entries.filter { entry in
            guard case .success = entry.content else { return false }
            return entry.ordinal < summary.withdrawFrom ?? Int.max
        }
        for entry in kept {
            let name = (entry.path as NSString).lastPathComponent
            let asArchived = entry.content == .success(Fixtures.sample(name))
            #expect(asArchived, "seed \(seed) (damage \(kind) at \(at)): \(name) kept but not as archived; \(summary.failure ?? "no failure")")
        }
        #expect(summary.failure != nil || kept.count == Fixtures.sampleNames.count, "seed \(seed): damage at \(at) went unreported")
    }

    @Test("damage in a later gzip member withdraws only what was read after the last member that checked out")
    func damageInLaterMember() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try copySamples(to: folder + "/samples")
        // Two members: the tar's first 70 %, then the rest, whose deflate data (not its trailer) is overwritten.
        try shell("""
            tar -cf all.tar -C samples . && size=$(stat -c %s all.tar) && a=$((size * 7 / 10)) \
            && head -c $a all.tar | gzip -6 > first.gz && tail -c +$((a + 1)) all.tar | gzip -6 > second.gz
            """, in: folder)
        let first = readBytes(folder + "/first.gz")
        var second = readBytes(folder + "/second.gz")
        var generator = SplitMix(seed: 16)
        for index in (second.count / 2)..<(second.count - 8) { second[index] = UInt8.random(in: 0...255, using: &generator) }
        try writeBytes(first + second, to: folder + "/archive.tar.gz")
        // The oracle: the entries whose data lies wholly inside the first member, from the tar's own offsets.
        let inFirst = Set(try shell("""
            python3 - <<'PY'
            import tarfile, os
            a = os.path.getsize("all.tar") * 7 // 10
            print("\\n".join(m.name[2:] for m in tarfile.open("all.tar") if m.isfile() and m.offset_data + m.size <= a))
            PY
            """, in: folder).split(separator: "\n").map(String.init))
        #expect(!inFirst.isEmpty)
        let (entries, summary) = readAll(folder + "/archive.tar.gz")
        let from = try #require(summary.withdrawFrom, "nothing withdrawn: \(summary.failure ?? "no failure")")
        for entry in entries {
            guard case .success(let bytes) = entry.content else { continue }
            let name = (entry.path as NSString).lastPathComponent
            if entry.ordinal < from {
                // Kept: it must be what the archive holds, and inside the member that checked out.
                #expect(bytes == Fixtures.sample(name), "\(name) kept but not as archived")
                #expect(inFirst.contains(name), "\(name) kept though its data runs into the damaged member")
            } else {
                #expect(!inFirst.contains(name) || entry.ordinal == from, "\(name) withdrawn though read well before the first member ended")
            }
        }
        #expect(entries.contains { $0.ordinal < from }, "the first member's entries were withdrawn too")
    }

    @Test("a tar.gz whose only fault is its CRC-32 is withdrawn whole: the check, not the text, decides")
    func tarWithWrongChecksum() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        try shell("tar -czf archive.tar.gz -C samples .", in: folder)
        var bytes = readBytes(folder + "/archive.tar.gz")
        bytes[bytes.count - 8] ^= 0x01
        try writeBytes(bytes, to: folder + "/archive.tar.gz")
        let (entries, summary) = readAll(folder + "/archive.tar.gz")
        #expect(notReadWhole(names, from: entries) == [], "the data itself is intact")
        #expect(summary.withdrawFrom == entries.map(\.ordinal).min())
        #expect(summary.failure?.hasPrefix("corrupt gzip data (incorrect data check), found after \(entries.count) entries") == true, "\(summary.failure ?? "")")
    }

    @Test("a single .gz whose checksum does not match its data is quarantined, not read as the report")
    func wrongChecksum() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let name = Fixtures.sampleNames[0]
        try shell("gzip -c '\(Fixtures.samplesFolder)/\(name)' > report.txt.gz", in: folder)
        var bytes = readBytes(folder + "/report.txt.gz")
        bytes[bytes.count - 8] ^= 0xFF  // the CRC-32's first byte
        try writeBytes(bytes, to: folder + "/report.txt.gz")
        let (entries, summary) = readAll(folder + "/report.txt.gz")
        #expect(entries.count == 1)
        guard case .failure(let rejection) = entries.first?.content else {
            Issue.record("read as good: \(entries)")
            return
        }
        #expect(rejection.reason.contains("corrupt gzip data (incorrect data check)"), "\(rejection.reason)")
        #expect(summary.failure != nil)
    }
}
