import Foundation
import PeelArchive
import PeelTestSupport
import Testing

private func good(_ entries: [ExtractedEntry]) -> [String: [UInt8]] {
    var out: [String: [UInt8]] = [:]
    for entry in entries { if case .success(let bytes) = entry.content { out[entry.path] = bytes } }
    return out
}

private func rejection(_ entries: [ExtractedEntry], _ path: String) -> EntryRejection? {
    guard let entry = entries.first(where: { $0.path == path }), case .failure(let rejection) = entry.content else { return nil }
    return rejection
}

/// Writes a file of `count` bytes that is neither text nor an archive.
private func writeNoise(_ path: String, count: Int) throws {
    var generator = seededGenerator("noise file", standard: 20_261_205)
    try writeBytes((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }, to: path)
}

@Suite("Archive formats")
struct ArchiveFormatTests {
    /// Each command packs the five samples (in `samples/`) into `archive.<ext>` with a real tool.
    static let formats: [(name: String, command: String)] = [
        ("zip", "zip -q -j archive.zip samples/*"),
        ("tar", "tar -cf archive.tar -C samples ."),
        ("tar.gz", "tar -czf archive.tar.gz -C samples ."),
        ("tar.bz2", "tar -cjf archive.tar.bz2 -C samples ."),
        ("tar.xz", "tar -cJf archive.tar.xz -C samples ."),
        ("7z", "cd samples && 7z a -bd -bso0 ../archive.7z *"),
        ("bsdtar zip", "bsdtar -a -cf archive.zip -C samples ."),
    ]

    @Test("each archive format yields the five samples byte for byte", arguments: formats.map(\.name))
    func formatYieldsSamples(format: String) throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        let command = Self.formats.first { $0.name == format }!.command
        try shell(command, in: folder)
        let archive = try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasPrefix("archive.") }!

        let (entries, summary) = readAll(folder + "/" + archive)
        #expect(summary.failure == nil)
        let byName = Dictionary(good(entries).map { (($0.key as NSString).lastPathComponent, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(byName.keys.sorted() == names)
        for name in names {
            #expect(sha256Hex(byName[name] ?? []) == sha256Hex(Fixtures.sample(name)), "\(format): \(name)")
        }
        #expect(entries.map(\.ordinal) == Array(0..<entries.count))
    }

    @Test("a sparse tar entry (GNU tar --sparse, pax sparse) reads with its hole as zeros, byte for byte the file",
          arguments: ["--format=gnu", "--format=posix"])
    func sparseEntry(format: String) throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Text, a 3 MiB hole, text: the archive stores only the text, and a map of where it goes.
        try shell("""
            python3 -c "f = open('sparse.txt', 'wb'); f.write(b'head text\\n' * 100); f.seek(3 << 20); f.write(b'tail text\\n' * 100)" \
            && tar \(format) --sparse -cf archive.tar sparse.txt && test $(stat -c %s archive.tar) -lt 100000
            """, in: folder)
        let (entries, summary) = readAll(folder + "/archive.tar")
        #expect(summary.failure == nil)
        #expect(entries.map(\.path) == ["sparse.txt"])
        let read = good(entries)["sparse.txt"]
        #expect(read?.count == (3 << 20) + 1000)
        #expect(read.map { $0 == readBytes(folder + "/sparse.txt") } == true)
    }

    @Test("a single gzip-compressed file is one entry named without .gz")
    func singleGzipFile() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let name = Fixtures.sampleNames[0]
        try copySamples(to: folder + "/samples")
        try shell("gzip -c samples/\(name) > \(name).gz", in: folder)
        let (entries, summary) = readAll(folder + "/\(name).gz")
        #expect(summary.failure == nil)
        #expect(summary.filters == ["gzip"])
        #expect(good(entries) == [name: Fixtures.sample(name)])
    }

    @Test("a plain text file given directly is one entry")
    func plainTextFile() {
        let name = Fixtures.sampleNames[1]
        let (entries, summary) = readAll(Fixtures.samplesFolder + "/" + name)
        #expect(summary.failure == nil)
        #expect(good(entries) == [name: Fixtures.sample(name)])
    }

    @Test("the embedded default input holds the five samples")
    func defaultInput() {
        let (entries, summary) = readAll(Fixtures.defaultInput)
        #expect(summary.failure == nil)
        #expect(summary.filters == ["gzip"])
        #expect(good(entries) == Dictionary(uniqueKeysWithValues: Fixtures.sampleNames.map { ($0, Fixtures.sample($0)) }))
    }

    @Test("an archive inside an archive is opened, its entries named through the outer one")
    func nestedArchive() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        try shell("zip -q -j inner.zip samples/\(names[0]) samples/\(names[1]) && mkdir outer && mv inner.zip outer/ && cp samples/\(names[2]) outer/ && tar -czf outer.tar.gz -C outer .", in: folder)
        let (entries, summary) = readAll(folder + "/outer.tar.gz")
        #expect(summary.failure == nil)
        let bytes = good(entries)
        #expect(bytes["./inner.zip!/\(names[0])"] == Fixtures.sample(names[0]))
        #expect(bytes["./inner.zip!/\(names[1])"] == Fixtures.sample(names[1]))
        #expect(bytes["./\(names[2])"] == Fixtures.sample(names[2]))
        #expect(rejection(entries, "./inner.zip")?.disposition == .skipped)
    }

    @Test("nesting deeper than the limit is quarantined, not followed")
    func nestingLimit() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        // level0.zip ⊃ level1.zip ⊃ level2.zip ⊃ sample
        try shell("zip -q -j level2.zip samples/\(names[0]) && zip -q level1.zip level2.zip && zip -q level0.zip level1.zip", in: folder)
        var limits = ExtractionLimits()
        limits.maxNestingDepth = 1
        let (entries, _) = readAll(folder + "/level0.zip", limits: limits)
        let deep = rejection(entries, "level1.zip!/level2.zip")
        #expect(deep?.disposition == .quarantined)
        #expect(deep?.reason.contains("max_nesting_depth") == true)
        limits.maxNestingDepth = 2
        #expect(good(readAll(folder + "/level0.zip", limits: limits).0)["level1.zip!/level2.zip!/\(names[0])"] == Fixtures.sample(names[0]))
    }

    @Test("an archive of exactly max_entries_per_archive entries is whole; one more stops it")
    func entryLimitExact() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        try shell("tar -cf three.tar -C samples \(names[0]) \(names[1]) \(names[2])", in: folder)
        var limits = ExtractionLimits()
        limits.maxEntriesPerArchive = 3
        let (entries, summary) = readAll(folder + "/three.tar", limits: limits)
        #expect(summary.failure == nil, "\(summary.failure ?? "")")
        #expect(good(entries).count == 3)
        limits.maxEntriesPerArchive = 2
        #expect(readAll(folder + "/three.tar", limits: limits).1.failure?.contains("more than 2 entries (max_entries_per_archive)") == true)
    }

    @Test("by default, a report in a zip of a tarball of a zip of a tarball of a zip is read (real collections nest)")
    func realNesting() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        try shell("""
            zip -q -j e.zip samples/\(names[0]) && tar -cf d.tar e.zip && zip -q c.zip d.tar && tar -czf b.tar.gz c.zip && zip -q a.zip b.tar.gz
            """, in: folder)
        #expect(ExtractionLimits().maxNestingDepth == 10)
        let (entries, _) = readAll(folder + "/a.zip", limits: ExtractionLimits())
        #expect(good(entries)["b.tar.gz!/c.zip!/d.tar!/e.zip!/\(names[0])"] == Fixtures.sample(names[0]))
    }
}

@Suite("Bad entries beside good ones")
struct BadEntryTests {
    @Test("a stored zip entry with corrupt bytes is quarantined; the others are read")
    func corruptStoredEntry() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        try shell("zip -q -0 -j archive.zip samples/*", in: folder)
        // Flip bytes in the middle of the second entry's stored data (its text appears verbatim in the zip).
        var zip = readBytes(folder + "/archive.zip")
        let second = Fixtures.sample(names[1])
        let marker = Array(second[40_000..<40_064])
        let offset = try #require(zip.firstRange(of: marker)).lowerBound
        for index in offset..<offset + 16 { zip[index] ^= 0x55 }
        try writeBytes(zip, to: folder + "/archive.zip")

        let (entries, summary) = readAll(folder + "/archive.zip")
        let bad = try #require(rejection(entries, names[1]))
        #expect(bad.disposition == .quarantined)
        #expect(bad.reason.contains("CRC"))
        let others = good(entries)
        #expect(others.count == 4)
        for name in names where name != names[1] { #expect(others[name] == Fixtures.sample(name)) }
        #expect(summary.failure == nil)
    }

    @Test("a deflated zip entry whose compressed bytes are garbage is quarantined; reading resumes after it")
    func corruptDeflatedEntry() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        try shell("zip -q -j archive.zip samples/*", in: folder)
        var zip = readBytes(folder + "/archive.zip")
        // The second local header, then garble its compressed data well past the 30-byte header and name.
        let header: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        let first = try #require(zip.firstRange(of: header)).lowerBound
        let second = try #require(zip[(first + 4)...].firstRange(of: header)).lowerBound
        for index in (second + 200)..<(second + 1200) { zip[index] = UInt8(truncatingIfNeeded: index &* 31) }
        try writeBytes(zip, to: folder + "/archive.zip")

        let (entries, _) = readAll(folder + "/archive.zip")
        #expect(rejection(entries, names[1])?.disposition == .quarantined)
        let others = good(entries)
        for name in names where name != names[1] { #expect(others[name] == Fixtures.sample(name), "\(name)") }
    }

    /// libarchive's own words, as an operator reads them: its line end trimmed, and where it gives no text (a 7z cut
    /// before its header) no "libarchive error 0".
    @Test("libarchive's reasons: a zip entry of the wrong size says so with no line end; a 7z cut short gives no bare error number")
    func reasonsReadable() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let name = Fixtures.sampleNames[0]
        try shell("cp '\(Fixtures.samplesFolder)/\(name)' w.txt && zip -q z.zip w.txt && 7z a -bd -bso0 a.7z w.txt && head -c 3000 a.7z > cut.7z", in: folder)
        var zip = readBytes(folder + "/z.zip")
        zip[zip.count / 2] ^= 0xFF
        try writeBytes(zip, to: folder + "/z.zip")
        let (zipEntries, _) = readAll(folder + "/z.zip")
        let wrongSize = try #require(rejection(zipEntries, "w.txt")?.reason)
        #expect(wrongSize.contains("wrong size") && wrongSize.last.map { !$0.isWhitespace } == true, "\(wrongSize)")
        let (cutEntries, cutSummary) = readAll(folder + "/cut.7z")
        let reasons = cutEntries.compactMap { entry -> String? in if case .failure(let rejection) = entry.content { rejection.reason } else { nil } }
            + [cutSummary.failure].compactMap { $0 }
        #expect(!reasons.isEmpty)
        #expect(!reasons.contains { $0.contains("libarchive error 0") }, "\(reasons)")
    }

    @Test("an entry over max_entry_bytes is quarantined with the limit named; smaller ones pass")
    func oversizeEntry() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        try shell("head -c 2000000 /dev/zero | tr '\\0' 'a' > samples/zz-big.txt && tar -czf archive.tar.gz -C samples .", in: folder)
        var limits = ExtractionLimits()
        limits.maxEntryBytes = 1 << 20
        let (entries, summary) = readAll(folder + "/archive.tar.gz", limits: limits)
        let big = try #require(rejection(entries, "./zz-big.txt"))
        #expect(big.disposition == .quarantined)
        #expect(big.reason.contains("max_entry_bytes"))
        #expect(entries.first { $0.path == "./zz-big.txt" }?.bytesRead == 2_000_000)
        #expect(good(entries).count == names.count)
        #expect(summary.failure == nil)
    }

    @Test("an encrypted zip entry is quarantined without prompting; plain entries beside it are read")
    func encryptedEntry() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        try shell("zip -q -j archive.zip samples/\(names[0]) && zip -q -j -P secret archive.zip samples/\(names[1]) && zip -q -j archive.zip samples/\(names[2])", in: folder)
        let (entries, _) = readAll(folder + "/archive.zip")
        let locked = try #require(rejection(entries, names[1]))
        #expect(locked.disposition == .quarantined)
        #expect(locked.reason.contains("encrypted"))
        #expect(good(entries) == [names[0]: Fixtures.sample(names[0]), names[2]: Fixtures.sample(names[2])])
    }

    @Test("links are skipped with their target named, never followed")
    func links() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        try shell("ln -s /etc/passwd samples/escape && ln samples/\(names[0]) samples/hard && tar -cf archive.tar -C samples .", in: folder)
        let (entries, _) = readAll(folder + "/archive.tar")
        let symlink = try #require(rejection(entries, "./escape"))
        #expect(symlink.disposition == .skipped)
        #expect(symlink.reason == "symbolic link to /etc/passwd, not a regular file")
        // tar stores the second name of a hard-linked file as a link to the first.
        let hardLinks = entries.filter { if case .failure(let r) = $0.content { r.reason.hasPrefix("hard link to") } else { false } }
        #expect(hardLinks.count == 1)
        #expect(good(entries).count == names.count)
    }

    @Test("a zip whose central directory is garbled is read with the streaming reader")
    func garbledCentralDirectory() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        try shell("zip -q -j archive.zip samples/*", in: folder)
        var zip = readBytes(folder + "/archive.zip")
        // Overwrite every central directory header signature (PK\1\2).
        var index = 0
        while let range = zip[index...].firstRange(of: [0x50, 0x4B, 0x01, 0x02] as [UInt8]) {
            zip[range.lowerBound + 2] = 0x09
            index = range.upperBound
        }
        try writeBytes(zip, to: folder + "/archive.zip")
        let (entries, summary) = readAll(folder + "/archive.zip")
        #expect(good(entries) == Dictionary(uniqueKeysWithValues: names.map { ($0, Fixtures.sample($0)) }))
        #expect(summary.warnings.contains { $0.contains("streaming zip reader") })
    }

    @Test("a truncated tar.gz delivers the entries before the cut and says where reading stopped")
    func truncatedTarGz() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        try shell("tar -cf - -C samples . | gzip -1 > archive.tar.gz", in: folder)
        let whole = readBytes(folder + "/archive.tar.gz")
        try writeBytes(Array(whole.prefix(whole.count * 3 / 4)), to: folder + "/archive.tar.gz")
        let (entries, summary) = readAll(folder + "/archive.tar.gz")
        #expect(summary.failure?.contains("reading stopped") == true)
        #expect(!good(entries).isEmpty)
        #expect(good(entries).count < names.count)
        for (path, bytes) in good(entries) { #expect(bytes == Fixtures.sample((path as NSString).lastPathComponent)) }
    }

    @Test("bytes that are no archive, in a file whose name promises none, come through as one raw entry for the text stage to judge")
    func nonArchive() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeNoise(folder + "/noise.bin", count: 5000)
        let (entries, summary) = readAll(folder + "/noise.bin")
        #expect(summary.failure == nil)
        #expect(entries.count == 1)
        #expect(good(entries)["noise.bin"]?.count == 5000)
    }

    /// An error page a download saved under the archive's name, and other files whose bytes are not what their
    /// names say, each made with a real tool: the input is refused whole, saying what its name promised.
    static let misnamed: [(file: String, command: String, says: String)] = [
        ("reports.zip", "cp page.html reports.zip", "not a ZIP archive, as its name (.zip) says: its first bytes are \"<!DOCTYPE html>"),
        ("reports.7z", "cp page.html reports.7z", "not a 7-Zip archive, as its name (.7z) says: its first bytes are \"<!DOCTYPE html>"),
        ("reports.tar", "cp page.html reports.tar", "not a tar archive, as its name (.tar) says: its first bytes are \"<!DOCTYPE html>"),
        ("reports.TAR.GZ", "cp page.html reports.TAR.GZ", "not gzip-compressed, as its name (.tar.gz) says: its first bytes are \"<!DOCTYPE html>"),
        ("reports.tgz", "gzip -c page.html > reports.tgz", "not a tar archive, as its name (.tgz) says: its gzip data holds one file and no archive"),
        ("reports.tar.bz2", "bzip2 -c page.html > reports.tar.bz2", "not a tar archive, as its name (.tar.bz2) says: its bzip2 data holds one file and no archive"),
        ("report.txt.xz", "cp page.html report.txt.xz", "not xz-compressed, as its name (.xz) says: its first bytes are \"<!DOCTYPE html>"),
    ]

    @Test("an input whose bytes are not the archive or compressed file its name says is refused, nothing of it read",
          arguments: misnamed.map(\.file))
    func misnamedInput(file: String) throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let page = "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>PEEL: Police effectiveness 2015</body></html>\n"
        try page.write(toFile: folder + "/page.html", atomically: true, encoding: .utf8)
        let (_, command, says) = Self.misnamed.first { $0.file == file }!
        _ = try shell(command, in: folder)
        let (entries, summary) = readAll(folder + "/" + file)
        #expect(entries.isEmpty)
        #expect(summary.failure?.hasPrefix(says) == true, "\(summary.failure ?? "no failure")")
        #expect(summary.failure?.hasSuffix("nothing of it was read") == true)
    }

    @Test("an archive is read whatever its name says, and a compressed file named as one is its one entry")
    func archivesAsNamedOrNot() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try copySamples(to: folder + "/samples")
        _ = try shell("tar -cf tar-named.zip -C samples . && zip -q -j zip-named.tar samples/* && gzip -c samples/\(names[0]) > report.txt.gz && bzip2 -c samples/\(names[0]) > report.bz2", in: folder)
        for archive in ["tar-named.zip", "zip-named.tar"] {
            let (entries, summary) = readAll(folder + "/" + archive)
            #expect(summary.failure == nil, "\(archive)")
            #expect(good(entries).count == names.count, "\(archive)")
        }
        for (file, entry) in [("report.txt.gz", "report.txt"), ("report.bz2", "report")] {
            let (entries, summary) = readAll(folder + "/" + file)
            #expect(summary.failure == nil, "\(file)")
            #expect(good(entries)[entry] == Fixtures.sample(names[0]), "\(file)")
        }
    }

    @Test("a missing file fails with a reason, not a crash")
    func missingFile() {
        let (entries, summary) = readAll("/nonexistent/peel/archive.zip")
        #expect(entries.isEmpty)
        #expect(summary.failure?.hasPrefix("cannot open") == true)
    }
}

@Suite("Entry names")
struct EntryNameTests {
    @Test("valid UTF-8 is kept; invalid bytes and control characters are escaped")
    func display() {
        #expect(EntryName.display(bytes: Array("rapport-été.txt".utf8)) == "rapport-été.txt")
        #expect(EntryName.display(bytes: [0x61, 0xFF, 0x62]) == "a\\xFFb")
        #expect(EntryName.display(bytes: Array("a\nb\u{1B}c".utf8)) == "a\\x0Ab\\x1Bc")
        #expect(EntryName.display(bytes: [0xC3]) == "\\xC3")
    }

    @Test("a non-ASCII zip name is read as UTF-8 in the C locale")
    func nonASCIIZipName() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let name = Fixtures.sampleNames[0]
        try shell("cp '\(Fixtures.samplesFolder)/\(name)' 'rapport-été.txt' && zip -q archive.zip 'rapport-été.txt'", in: folder)
        let (entries, _) = readAll(folder + "/archive.zip")
        #expect(good(entries)["rapport-été.txt"] == Fixtures.sample(name))
    }

    /// 7-Zip keeps names as UTF-16, and a zip written by Windows tools or Python flags its names as UTF-8: libarchive
    /// converts both through the locale's character set, which the C locale (a program's, unless it sets one) cannot
    /// do for a non-ASCII name — the entries were named "(unnamed entry)".
    @Test("non-ASCII names in a 7z archive and in a zip that flags its names as UTF-8 are read", arguments: ["7z", "zip"])
    func nonASCIINamesConverted(format: String) throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let name = Fixtures.sampleNames[0]
        try shell("cp '\(Fixtures.samplesFolder)/\(name)' 'café-wiltshire.txt' && cp '\(Fixtures.samplesFolder)/\(name)' 'gwent-€.md'", in: folder)
        if format == "7z" {
            try shell("7z a -bd archive.7z 'café-wiltshire.txt' 'gwent-€.md' > /dev/null", in: folder)
        } else {
            try shell("""
                python3 -c "import zipfile; z = zipfile.ZipFile('archive.zip', 'w'); [z.write(n) for n in ['café-wiltshire.txt', 'gwent-€.md']]; z.close(); \
                print(all(i.flag_bits & 0x800 for i in zipfile.ZipFile('archive.zip').infolist()))" | grep -qx True
                """, in: folder)
        }
        let (entries, _) = readAll(folder + "/archive.\(format)")
        #expect(Set(entries.map(\.path)) == ["café-wiltshire.txt", "gwent-€.md"])
        #expect(good(entries)["café-wiltshire.txt"] == Fixtures.sample(name))
    }
}
