import Foundation
import PeelArchive
import PeelTestSupport
import Testing

private func status(_ entries: [ExtractedEntry], _ path: String) -> EntryRejection? {
    guard let entry = entries.first(where: { $0.path == path }), case .failure(let rejection) = entry.content else { return nil }
    return rejection
}

private func isGood(_ entries: [ExtractedEntry], _ path: String) -> Bool {
    entries.contains { if case .success = $0.content { $0.path == path } else { false } }
}

/// `bomb.tar.gz` in `folder`: 300 MiB of zeros as "zeros.txt", under 1 MiB compressed, and then, when asked, the
/// first sample as "a.txt", which is also left beside it.
private func makeZerosBomb(in folder: String, thenReport: Bool) throws {
    try shell("""
        cp '\(Fixtures.samplesFolder)/\(Fixtures.sampleNames[0])' a.txt && python3 - <<'PY'
        import io, tarfile
        with tarfile.open("bomb.tar.gz", "w:gz", compresslevel=9) as tar:
            info = tarfile.TarInfo("zeros.txt")
            info.size = 300 << 20
            tar.addfile(info, io.BytesIO(bytes(info.size)))
            if \(thenReport ? "True" : "False"):
                tar.add("a.txt")
        PY
        """, in: folder)
}

/// Regressions for archives that once escaped a limit, hung, or cost their neighbours (each found in review).
@Suite("Hostile archives")
struct HostileArchiveTests {
    /// Before: read as the zip alone (its report), the document every viewer shows never read, without a word.
    @Test("a document with a zip appended is read as the document it opens as, one entry of its own bytes", arguments: ["report.pdf", "report.txt"])
    func zipAppended(name: String) throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let document = name.hasSuffix(".pdf") ? "%PDF-1.4\n% a document\n%%EOF\n" : "PEEL: Police effectiveness 2015\n"
        try writeBytes(Array(document.utf8), to: folder + "/document")
        try shell("cp '\(Fixtures.samplesFolder)/\(Fixtures.sampleNames[0])' other.txt && zip -q other.zip other.txt && cat document other.zip > '\(name)'", in: folder)
        let (entries, summary) = readAll(folder + "/" + name)
        #expect(summary.failure == nil)
        #expect(entries.map(\.path) == [name])
        let bytes = try #require(FileManager.default.contents(atPath: folder + "/" + name))
        if case .success(let content) = entries.first?.content { #expect(content == Array(bytes)) } else { Issue.record("\(name) not read") }
        // A zip as such is still read whole, by its directory.
        let (zipped, _) = readAll(folder + "/other.zip")
        #expect(zipped.map(\.path) == ["other.txt"])
    }

    @Test("data carried by a directory entry (GNU dumpdir) is counted against the limits, not decompressed unseen")
    func directoryWithData() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let name = Fixtures.sampleNames[0]
        try shell("""
            cp '\(Fixtures.samplesFolder)/\(name)' a.txt && python3 - <<'PY'
            import io, tarfile
            with tarfile.open("bomb.tar.gz", "w:gz", format=tarfile.GNU_FORMAT) as tar:
                tar.add("a.txt")
                info = tarfile.TarInfo("d")
                info.type = b"D"  # a GNU dumpdir: a directory whose body libarchive reads
                info.size = 8_000_000
                tar.addfile(info, io.BytesIO(bytes(info.size)))
            PY
            """, in: folder)
        var limits = ExtractionLimits()
        limits.maxArchiveExpandedBytes = 4_000_000
        let (entries, summary) = readAll(folder + "/bomb.tar.gz", limits: limits)
        #expect(summary.failure?.contains("max_archive_expanded_bytes") == true)
        #expect(isGood(entries, "a.txt"))
    }

    @Test("a bomb in a tar.gz costs only itself: it is inflated within the budgets and quarantined, and the report after it is read")
    func bombBeforeReport() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try makeZerosBomb(in: folder, thenReport: true)
        #expect(readBytes(folder + "/bomb.tar.gz").count < 1 << 20)
        let (entries, summary) = readAll(folder + "/bomb.tar.gz")
        #expect(summary.failure == nil, "\(summary.failure ?? "")")
        #expect(status(entries, "zeros.txt")?.reason.contains("max_entry_bytes") == true)
        #expect(isGood(entries, "a.txt"))
        // The archive's own budgets still stop it: 100 MiB of expansion, or a decompression time it cannot meet.
        var limits = ExtractionLimits()
        limits.maxArchiveExpandedBytes = 100 << 20
        #expect(readAll(folder + "/bomb.tar.gz", limits: limits).1.failure?.contains("max_archive_expanded_bytes") == true)
        limits = ExtractionLimits()
        limits.maxArchiveSeconds = 0.000_1
        #expect(readAll(folder + "/bomb.tar.gz", limits: limits).1.failure?.contains("max_archive_seconds") == true)
    }

    @Test("checking a nested tar.gz bomb before reading it counts against the archive's budgets, and a good report beside it is read")
    func nestedBombChecked() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try makeZerosBomb(in: folder, thenReport: false)
        try shell("zip -q -0 outer.zip bomb.tar.gz a.txt", in: folder)
        var limits = ExtractionLimits()
        limits.maxArchiveExpandedBytes = 100 << 20
        let (entries, summary) = readAll(folder + "/outer.zip", limits: limits)
        #expect(summary.failure?.contains("max_archive_expanded_bytes") == true, "\(summary.failure ?? "")")
        // The check stopped at the budget, undecided: the archive was not called damaged, and what the check
        // inflated left nothing for reading it (its entry never came).
        #expect(status(entries, "bomb.tar.gz")?.reason.contains("is damaged") != true)
        #expect(!entries.contains { $0.path == "bomb.tar.gz!/zeros.txt" })
        let (unlimited, whole) = readAll(folder + "/outer.zip")
        #expect(whole.failure == nil, "\(whole.failure ?? "")")
        #expect(isGood(unlimited, "a.txt"))
        #expect(status(unlimited, "bomb.tar.gz!/zeros.txt")?.reason.contains("max_entry_bytes") == true)
    }

    @Test("an entry expanding past max_compression_ratio is a bomb: quarantined, skipped unread in a zip, the next entry read")
    func ratioPerEntry() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let name = Fixtures.sampleNames[0]
        try shell("cp '\(Fixtures.samplesFolder)/\(name)' a.txt && head -c 20000000 /dev/zero > zeros.txt && zip -q -9 r.zip zeros.txt a.txt", in: folder)
        var limits = ExtractionLimits()
        limits.ratioCheckAfterBytes = 1 << 20
        let (entries, summary) = readAll(folder + "/r.zip", limits: limits)
        #expect(summary.failure == nil)
        let bomb = status(entries, "zeros.txt")?.reason ?? ""
        #expect(bomb.contains("(max_compression_ratio): a decompression bomb; the rest was skipped unread"), "\(bomb)")
        #expect(isGood(entries, "a.txt"))
        // Text is nowhere near the ratio: the sample itself, compressed, is read.
        #expect(isGood(readAll(folder + "/r.zip").0, "a.txt"))
    }

    @Test("a truncated tar.gz keeps every entry whose bytes all arrived, as Python's tarfile reads them; only the cut one is quarantined",
          arguments: [0.15, 0.3, 0.45, 0.6, 0.75, 0.9, 0.99])
    func truncatedTarGz(fraction: Double) throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        try shell("tar -czf whole.tar.gz -C samples \(names[0]) \(names[2]) \(names[3])", in: folder)
        let whole = readBytes(folder + "/whole.tar.gz")
        try writeBytes(Array(whole.prefix(Int(Double(whole.count) * fraction))), to: folder + "/cut.tar.gz")
        // The oracle: the members Python's tarfile reads whole from the same bytes, streaming.
        let expected = try shell("""
            python3 - <<'PY'
            import tarfile
            names = []
            try:
                with tarfile.open("cut.tar.gz", "r|gz") as tar:
                    for member in tar:
                        data = tar.extractfile(member).read()
                        if len(data) == member.size:
                            names.append(member.name)
            except Exception:
                pass
            print("\\n".join(names))
            PY
            """, in: folder).split(separator: "\n").map(String.init)
        let (entries, summary) = readAll(folder + "/cut.tar.gz")
        let good = entries.filter { if case .success = $0.content { true } else { false } }
        #expect(good.map(\.path) == expected, "cut at \(fraction)")
        for entry in good { #expect(entry.content == .success(Fixtures.sample(entry.path))) }
        // Every entry once, in order; the input is reported as damaged.
        #expect(entries.map(\.ordinal) == Array(0..<entries.count))
        #expect(Set(entries.map(\.path)).count == entries.count)
        #expect(summary.failure != nil)
        // Only the entry that was cut is quarantined; a cut is no damage, so what arrived whole stands.
        #expect(entries.count - good.count <= 1)
        #expect(summary.withdrawFrom == nil)
    }

    @Test("a truncated single .gz is quarantined as cut short, never read as a shorter report; a whole one is read")
    func truncatedSingleGzip() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let name = Fixtures.sampleNames[0]
        try shell("gzip -c '\(Fixtures.samplesFolder)/\(name)' > report.txt.gz && head -c 20000 report.txt.gz > cut.txt.gz", in: folder)
        let (entries, summary) = readAll(folder + "/cut.txt.gz")
        #expect(entries.count == 1)
        #expect(status(entries, "cut.txt")?.reason.hasPrefix("the gzip file is cut short: only its first") == true)
        #expect(summary.failure?.contains("cut short") == true)
        let (whole, wholeSummary) = readAll(folder + "/report.txt.gz")
        #expect(whole.first?.content == .success(Fixtures.sample(name)))
        #expect(wholeSummary.failure == nil)
    }

    @Test("a run of unreadable tar headers stops the archive instead of listing each one")
    func junkHeaders() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let name = Fixtures.sampleNames[0]
        try shell("cp '\(Fixtures.samplesFolder)/\(name)' a.txt && tar -cf good.tar a.txt && head -c $((512 * 2000)) /dev/zero | tr '\\0' '\\253' > junk && cat good.tar junk > bad.tar", in: folder)
        // good.tar ends with two zero blocks: drop them so the junk follows the entry directly.
        let good = readBytes(folder + "/good.tar")
        try writeBytes(Array(good.prefix(512 + (Fixtures.sample(name).count + 511) / 512 * 512)) + readBytes(folder + "/junk"), to: folder + "/bad.tar")
        let (entries, summary) = readAll(folder + "/bad.tar")
        #expect(isGood(entries, "a.txt"))
        #expect(entries.count <= 1 + 64)
        #expect(summary.failure?.contains("unreadable entry headers in a row") == true || summary.failure?.contains("reading stopped") == true)
    }

    @Test("a corrupt first zip entry is listed once, and the entries after it are read")
    func corruptFirstEntry() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        try shell("zip -q -j archive.zip samples/\(names[0]) samples/\(names[1]) samples/\(names[2])", in: folder)
        var zip = readBytes(folder + "/archive.zip")
        for index in 200..<1200 { zip[index] = UInt8(truncatingIfNeeded: index &* 37) }
        try writeBytes(zip, to: folder + "/archive.zip")
        let (entries, _) = readAll(folder + "/archive.zip")
        #expect(entries.filter { $0.path == names[0] }.count == 1)
        #expect(status(entries, names[0])?.disposition == .quarantined)
        #expect(isGood(entries, names[1]) && isGood(entries, names[2]))
        #expect(entries.map(\.ordinal) == Array(0..<entries.count))
    }

    @Test("a corrupt nested archive is quarantined alone; the entries after it in the outer archive are read", arguments: ["zip", "xz"])
    func corruptNested(kind: String) throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        let make = kind == "zip"
            ? "zip -q -j inner.zip samples/\(names[1]) samples/\(names[2]) && head -c 3000 inner.zip > outer/bad.zip"
            : "xz -c samples/\(names[1]) | head -c 3000 > outer/bad.xz"
        try shell("mkdir outer && cp samples/\(names[0]) outer/a.txt && \(make) && cp samples/\(names[3]) outer/z.txt && tar -cf outer.tar -C outer a.txt bad.\(kind) z.txt", in: folder)
        let (entries, summary) = readAll(folder + "/outer.tar")
        #expect(summary.failure == nil)
        #expect(isGood(entries, "a.txt") && isGood(entries, "z.txt"))
        let bad = try #require(status(entries, "bad.\(kind)"))
        #expect(bad.disposition == .quarantined)
        // A cut xz cannot be told from a damaged one (libarchive says only that decoding failed): it is not opened.
        #expect(bad.reason.hasPrefix(kind == "xz" ? "nested xz archive is damaged (" : "nested \(kind) archive unreadable"), "\(bad.reason)")
        // The container is listed before its entries.
        let ordinals = Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0.ordinal) })
        #expect(ordinals["a.txt"]! < ordinals["bad.\(kind)"]! && ordinals["bad.\(kind)"]! < ordinals["z.txt"]!)
    }

    @Test("a nested tar.gz or tar.xz with one bit flipped is quarantined whole, unread: libarchive's gzip filter checks no CRC-32, and a tar reader stops before it",
          arguments: [("gzip", 0.3), ("gzip", 0.5), ("gzip", 0.7), ("gzip", 0.9), ("xz", 0.5), ("xz", 0.9)])
    func damagedNestedStream(tool: String, at fraction: Double) throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        try shell("tar -cf inner.tar -C samples \(names[1]) \(names[2]) \(names[4]) && \(tool) -c inner.tar > inner.tar.z", in: folder)
        var inner = readBytes(folder + "/inner.tar.z")
        inner[Int(Double(inner.count) * fraction)] ^= 0x04
        try writeBytes(inner, to: folder + "/outer-bad.tar.z")
        try shell("""
            mkdir outer && cp samples/\(names[0]) outer/a.txt && cp outer-bad.tar.z outer/bad.tar.\(tool) && cp samples/\(names[3]) outer/z.txt \
            && (cd outer && zip -q -0 ../outer.zip a.txt bad.tar.\(tool) z.txt) && ! \(tool) -t outer/bad.tar.\(tool) 2>/dev/null
            """, in: folder)
        let (entries, summary) = readAll(folder + "/outer.zip")
        #expect(summary.failure == nil && summary.withdrawFrom == nil, "\(summary.failure ?? "")")
        #expect(isGood(entries, "a.txt") && isGood(entries, "z.txt"))
        let bad = try #require(status(entries, "bad.tar.\(tool)"))
        #expect(bad.disposition == .quarantined)
        #expect(bad.reason.hasPrefix("nested \(tool) archive is damaged ("), "\(bad.reason)")
        #expect(!entries.contains { $0.path.hasPrefix("bad.tar.\(tool)!/") }, "no entry of the damaged archive is read")
        // The same archive undamaged is read whole.
        try shell("cp inner.tar.z outer/bad.tar.\(tool) && rm outer.zip && (cd outer && zip -q -0 ../outer.zip a.txt bad.tar.\(tool) z.txt)", in: folder)
        let (whole, _) = readAll(folder + "/outer.zip")
        for name in [names[1], names[2], names[4]] { #expect(isGood(whole, "bad.tar.\(tool)!/\(name)"), "\(name)") }
    }

    @Test("a nested tar whose headers turn to garbage after its first entry is quarantined alone; the entries after it are read")
    func garbageNestedTar() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        // One good entry (a ustar header, as Python writes it), then 100 blocks from a fixed seed: libarchive finds
        // no header there that passes its checksum.
        try shell("""
            mkdir outer && cp samples/\(names[0]) outer/a.txt && cp samples/\(names[3]) outer/z.txt && python3 - <<'PY'
            import io, random, tarfile
            data = open("samples/\(names[1])", "rb").read()
            buffer = io.BytesIO()
            with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
                info = tarfile.TarInfo("\(names[1])")
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
            whole = buffer.getvalue()[:512 + (len(data) + 511) // 512 * 512]
            generator = random.Random(3)
            open("outer/inner.tar", "wb").write(whole + bytes(generator.randrange(256) for _ in range(512 * 100)))
            PY
            tar -cf outer.tar -C outer a.txt inner.tar z.txt
            """, in: folder)
        let (entries, summary) = readAll(folder + "/outer.tar")
        #expect(summary.failure == nil, "\(summary.failure ?? "")")
        #expect(isGood(entries, "a.txt") && isGood(entries, "z.txt"), "the entry after the damaged archive is read")
        let inner = try #require(status(entries, "inner.tar"))
        #expect(inner.disposition == .quarantined)
        #expect(inner.reason.contains("unreadable entry headers in a row"), "\(inner.reason)")
        #expect(isGood(entries, "inner.tar!/\(names[1])"), "its entry before the garbage is read")
    }

    @Test("a damaged zip header is listed as quarantined, and reading stops there without claiming to resume")
    func damagedHeader() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        try shell("zip -q -j archive.zip samples/\(names[0]) samples/\(names[1]) samples/\(names[2])", in: folder)
        var zip = readBytes(folder + "/archive.zip")
        let header: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        let second = try #require(zip[4...].firstRange(of: header)).lowerBound
        zip[second + 3] = 0x09
        try writeBytes(zip, to: folder + "/archive.zip")
        let (entries, summary) = readAll(folder + "/archive.zip")
        #expect(isGood(entries, names[0]))
        #expect(entries.contains { if case .failure(let r) = $0.content { r.reason.hasPrefix("unreadable entry header") } else { false } })
        #expect(summary.failure?.contains("entry #2") == true)
        #expect(!summary.warnings.contains { $0.contains("resumed") })
    }

    @Test("a tar.xz found corrupt after some entries withdraws every one handed on; one cut short keeps those that arrived whole",
          arguments: ["xz", "lzma"])
    func corruptOrCutLzma(tool: String) throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        try shell("tar -cf all.tar -C samples . && \(tool) -c all.tar > whole.tar.\(tool)", in: folder)
        let whole = readBytes(folder + "/whole.tar.\(tool)")
        // One bit at four fifths: the decoder stops there with data left, after entries were handed on.
        var damaged = whole
        damaged[whole.count * 4 / 5] ^= 0x10
        try writeBytes(damaged, to: folder + "/damaged.tar.\(tool)")
        try writeBytes(Array(whole.prefix(whole.count * 6 / 10)), to: folder + "/cut.tar.\(tool)")
        #expect((try? shell("\(tool) -t damaged.tar.\(tool) 2>&1", in: folder)) == nil, "\(tool) -t must find the damage")

        let (entries, summary) = readAll(folder + "/damaged.tar.\(tool)")
        let handedOn = entries.filter { if case .success = $0.content { true } else { false } }
        #expect(!handedOn.isEmpty, "the damage must come after some entries")
        #expect(summary.withdrawFrom == handedOn.map(\.ordinal).min())
        #expect(summary.failure?.contains("is withdrawn") == true, "\(summary.failure ?? "")")

        let (cutEntries, cutSummary) = readAll(folder + "/cut.tar.\(tool)")
        #expect(cutSummary.failure != nil)
        #expect(cutSummary.withdrawFrom == nil, "\(cutSummary.failure ?? "")")
        for entry in cutEntries {
            guard case .success(let bytes) = entry.content else { continue }
            #expect(names.contains(String(entry.path.dropFirst(2))) && bytes == Fixtures.sample(String(entry.path.dropFirst(2))), "\(entry.path)")
        }
        #expect(cutEntries.contains { if case .success = $0.content { true } else { false } })
    }
}
