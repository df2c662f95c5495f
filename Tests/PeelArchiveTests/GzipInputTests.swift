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

    @Test("corrupt deflate data stops the archive; every entry inflated before the damage is read whole")
    func corruptData() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        try shell("tar -cf all.tar -C samples . && gzip -6 -c all.tar > archive.tar.gz", in: folder)
        var bytes = readBytes(folder + "/archive.tar.gz")
        // Garbage over the last fifth of the deflate data (before the 8-byte trailer), from a fixed seed.
        var generator = SplitMix(seed: 15)
        for index in (bytes.count * 4 / 5)..<(bytes.count - 8) { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
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
        #expect(summary.failure != nil)
        let read = goodByName(entries)
        for name in expected { #expect(read[name].map { $0 == Fixtures.sample(name) } == true, "\(name) was inflated before the damage") }
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
