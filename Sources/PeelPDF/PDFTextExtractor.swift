import Glibc
import Synchronization

/// PDF → text through poppler's `pdftotext`, run as a child process per PDF: poppler has a long history of
/// memory-safety bugs, and in a child a crash, a hang or a memory blow-up costs that one PDF and nothing else.
/// The PDF goes in through a pipe and the text comes back through one, so nothing is written to disk.
public struct PDFTextExtractor: Sendable {
    public let settings: PDFSettings
    /// Text larger than this is refused, as a text entry of that size would be.
    public let maxTextBytes: Int
    /// Absolute path of pdftotext, or nil when it is not installed.
    public let executable: String?
    /// "pdftotext 22.12.0", or nil when it is not installed (or does not run).
    public var extractor: String? {
        if case .version(let version) = versionProbe?.answer { return version }
        return nil
    }
    private let versionProbe: VersionProbe?

    /// Finds pdftotext on `searchPath` (nil: the environment's `PATH`). Its version is asked when first needed.
    public init(settings: PDFSettings, maxTextBytes: Int, searchPath: String? = nil) {
        self.settings = settings
        self.maxTextBytes = maxTextBytes
        let path = searchPath ?? getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        let found = Self.locate("pdftotext", in: path)
        executable = found
        versionProbe = found.map(VersionProbe.init)
    }

    /// `pdftotext -v`, run once, by the first PDF that needs it (the copies of an extractor share it): a run over
    /// text alone never starts it. Asked at the start, it was 20 ms of every run spent waiting for a child (perf).
    private final class VersionProbe: Sendable {
        private let executable: String
        /// nil until asked; then the answer. A probe stopped from outside is not kept: if the run goes on, the next
        /// PDF asks again.
        private let known = Mutex<ProbeAnswer?>(nil)

        init(_ executable: String) { self.executable = executable }

        var answer: ProbeAnswer {
            known.withLock { known in
                if let known { return known }
                let asked = PDFTextExtractor.version(executable)
                if case .version = asked { known = asked }
                return asked
            }
        }
    }

    enum ProbeAnswer: Equatable {
        /// "pdftotext 22.12.0"; nil if pdftotext did not run.
        case version(String?)
        /// Ended by one of `stopSignals`, which peel never sends.
        case stopped(signal: Int32)
        /// The system did not start it (the reason in its words); not kept either: the next PDF asks again.
        case notStarted(String)
    }

    /// A PDF is recognised by its bytes, never its name: "%PDF-" and a version, at the start or within the first
    /// kilobyte (readers accept junk before the header, and so does poppler).
    public static func isPDF(_ bytes: [UInt8]) -> Bool {
        let header = Array("%PDF-".utf8)
        let window = bytes.prefix(1024 + header.count + 2)
        guard let first = window.firstIndex(of: 0x25) else { return false }
        var index = first
        while index + header.count + 1 < window.endIndex {
            if window[index] == 0x25 && window[index..<index + header.count].elementsEqual(header)
                && (0x31...0x32).contains(window[index + header.count]) && window[index + header.count + 1] == 0x2E {
                return true
            }
            index += 1
        }
        return false
    }

    /// The PDF's text, or why it is quarantined. Blocks the calling thread for as long as pdftotext runs.
    public func extract(_ pdf: [UInt8]) -> Result<ExtractedPDFText, PDFFailure> {
        let probe = versionProbe?.answer
        if case .stopped(let signal) = probe { return .failure(Self.stoppedFromOutside(signal)) }
        // Installed, but the system would not start it (out of file descriptors or processes): said so, not "install it".
        if case .notStarted(let error) = probe { return .failure(PDFFailure(reason: "pdftotext could not be started: \(error)", mayPass: true)) }
        guard let executable, case .version(let extractor?) = probe else {
            return .failure(PDFFailure(reason: "PDF not read: pdftotext is not installed (Debian: apt-get install poppler-utils)", mayPass: true))
        }
        // One page past the limit is enough to know it is passed, without extracting a million-page PDF.
        var arguments = ["-enc", "UTF-8", "-eol", "unix", "-l", String(settings.maxPages + 1)]
        if settings.mode == .layout { arguments.append("-layout") }
        arguments += ["-", "-"]
        let limits = ChildLimits(seconds: settings.maxSeconds, addressSpaceBytes: settings.maxMemoryBytes, maxOutputBytes: maxTextBytes)
        let outcome = ChildProcess.run(executable, arguments, input: pdf, limits: limits)
        let messages = PopplerMessages(outcome.errorOutput)
        switch outcome.termination {
        case .exited(0):
            break
        case .timedOut:
            return .failure(PDFFailure(reason: "pdftotext took longer than \(Self.seconds(settings.maxSeconds)) (max_pdf_seconds) and was stopped", mayPass: true))
        case .outputLimit:
            return .failure(PDFFailure(reason: "the PDF's text is larger than \(maxTextBytes) bytes (max_entry_bytes)"))
        case .notStarted(let error):
            return .failure(PDFFailure(reason: "pdftotext could not be started: \(error)", mayPass: true))
        case .exited(let code):
            if messages.all.contains(where: { $0.containsASCII("Incorrect password") }) {
                return .failure(PDFFailure(reason: "encrypted PDF: it needs a password to open"))
            }
            if code == 3 {
                return .failure(PDFFailure(reason: "encrypted PDF: its permissions forbid copying its text"))
            }
            if messages.outOfMemory {
                return .failure(PDFFailure(reason: "pdftotext needed more than \(settings.maxMemoryBytes) bytes of memory (max_pdf_memory_bytes)"))
            }
            return .failure(PDFFailure(reason: "pdftotext could not read the PDF (exit status \(code))\(messages.summary)"))
        case .signalled(let signal):
            if messages.outOfMemory {
                return .failure(PDFFailure(reason: "pdftotext needed more than \(settings.maxMemoryBytes) bytes of memory (max_pdf_memory_bytes)"))
            }
            if signal == SIGXCPU {
                return .failure(PDFFailure(reason: "pdftotext used more than \(Self.seconds(settings.maxSeconds)) of CPU (max_pdf_seconds) and was stopped"))
            }
            if Self.stopSignals.contains(signal) { return .failure(Self.stoppedFromOutside(signal)) }
            return .failure(PDFFailure(reason: "pdftotext crashed on the PDF (\(Self.signalName(signal)))\(messages.summary)", mayPass: true))
        }
        let text = outcome.output
        // pdftotext ends every page with a form feed.
        let pages = text.reduce(0) { $0 + ($1 == 0x0C ? 1 : 0) }
        if pages > settings.maxPages {
            return .failure(PDFFailure(reason: "the PDF has more than \(settings.maxPages) pages (max_pdf_pages)"))
        }
        guard text.contains(where: { $0 > 0x20 }) else {
            let what = pages == 1 ? "its page holds" : "its \(pages) pages hold"
            return .failure(PDFFailure(reason: "no text layer: \(what) no text (a scanned document needs OCR first)"))
        }
        let extraction = PDFExtraction(extractor: extractor, mode: settings.mode, pages: pages, seconds: outcome.seconds)
        return .success(ExtractedPDFText(text: text, extraction: extraction, warnings: messages.errors.map { "pdftotext: \($0)" }))
    }

    private static func locate(_ name: String, in searchPath: String) -> String? {
        for folder in searchPath.split(separator: ":") where folder.hasPrefix("/") {
            let candidate = "\(folder)/\(name)"
            var info = stat()
            if stat(candidate, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// "pdftotext 22.12.0" from `pdftotext -v` (it prints "pdftotext version 22.12.0" and its copyright on stderr).
    fileprivate static func version(_ executable: String) -> ProbeAnswer {
        answer(ChildProcess.run(executable, ["-v"], input: [], limits: ChildLimits(seconds: 10, addressSpaceBytes: 1 << 30, maxOutputBytes: 1 << 16)))
    }

    /// What `pdftotext -v`'s outcome says of the pdftotext found.
    static func answer(_ outcome: ChildOutcome) -> ProbeAnswer {
        switch outcome.termination {
        case .exited: break
        case .signalled(let signal) where stopSignals.contains(signal): return .stopped(signal: signal)
        case .notStarted(let error): return .notStarted(error)
        default: return .version(nil)
        }
        let text = String(decoding: outcome.errorOutput + outcome.output, as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix("pdftotext version ") {
            return .version("pdftotext " + line.dropFirst("pdftotext version ".count).trimmingCharacters(in: " \r"))
        }
        return .version("pdftotext (version unknown)")
    }

    private static func stoppedFromOutside(_ signal: Int32) -> PDFFailure {
        PDFFailure(reason: "pdftotext was stopped from outside peel (\(signalName(signal)))", mayPass: true, stoppedFromOutside: true)
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    /// The signals that stop a run (a terminal's Ctrl-C and hang-up, `kill`, cron's `timeout`); peel never sends them
    /// to its children.
    private static let stopSignals: Set<Int32> = [SIGINT, SIGTERM, SIGHUP]

    private static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [
            SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGILL: "SIGILL", SIGKILL: "SIGKILL",
            SIGINT: "SIGINT", SIGTERM: "SIGTERM", SIGHUP: "SIGHUP",
        ]
        return "signal \(signal)" + (names[signal].map { ", \($0)" } ?? "")
    }
}

/// What poppler printed on standard error, as lines safe to put in a log or a table.
private struct PopplerMessages {
    let all: [String]

    init(_ bytes: [UInt8]) {
        // A hostile PDF chooses some of these words: control characters go, and each line is bounded.
        let text = String(decoding: bytes, as: UTF8.self)
        all = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { line in
            let clean = String(line.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
            return clean.count > 200 ? String(clean.prefix(200)) + "…" : clean
        }.filter { !$0.isEmpty }
    }

    /// Poppler's errors ("Syntax Error: …", "Internal Error: …"), the first few of each kind; warnings left out.
    var errors: [String] {
        var seen = Set<String>(), found: [String] = []
        for line in all where line.containsASCII("Error") && seen.insert(line).inserted {
            found.append(line)
            if found.count == 3 { break }
        }
        return found
    }

    var outOfMemory: Bool {
        all.contains { $0.containsASCII("Out of memory") || $0.containsASCII("bad_alloc") || $0.containsASCII("Cannot allocate memory") }
    }

    /// ": first error; second error", or "" when poppler said nothing.
    var summary: String {
        let shown = errors.isEmpty ? Array(all.prefix(2)) : errors
        return shown.isEmpty ? "" : ": " + shown.joined(separator: "; ")
    }
}

extension String {
    /// `contains(word)` for an ASCII `word`, found on the bytes: the standard library's search builds a table of
    /// Characters at every call (some 30,000 instructions a line of poppler's messages, which a damaged PDF prints by
    /// the thousand). A match with a non-ASCII byte beside it, which could join its first or last letter to a longer
    /// Character, is left to the Character search; with no match in the bytes there is none in Characters (an ASCII
    /// letter is one byte, and has no other canonical form).
    func containsASCII(_ word: String) -> Bool {
        var text = self, word = word
        let onBytes: Bool? = text.withUTF8 { text in
            word.withUTF8 { needle in
                guard let first = needle.first else { return nil }
                guard text.count >= needle.count else { return false }
                for start in 0...(text.count - needle.count) where text[start] == first {
                    guard (1..<needle.count).allSatisfy({ text[start + $0] == needle[$0] }) else { continue }
                    let end = start + needle.count
                    let before = start == 0 ? 0 : text[start - 1], after = end == text.count ? 0 : text[end]
                    return before < 0x80 && after < 0x80 ? true : nil
                }
                return false
            }
        }
        // `firstRange(of:)`, the Character search: with Foundation imported, `contains` of a String variable would be
        // Foundation's, which matches inside a longer Character.
        return onBytes ?? (firstRange(of: word) != nil)
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = self[...]
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        return String(slice)
    }
}
