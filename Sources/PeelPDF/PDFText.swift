public import PeelText

/// How pdftotext lays out a page's text.
public enum PDFTextMode: String, Sendable, Codable, CaseIterable {
    /// `-layout`: the physical layout, columns kept apart by spaces (what the parser reads best: every value of
    /// every sample, against all but the national all-force table in reading order).
    case layout
    /// Content-stream order, one text block after another.
    case readingOrder = "reading_order"
}

/// Settings of PDF input (`pdf` in `Pipeline/pipeline.json`).
public struct PDFSettings: Sendable, Equatable {
    public var mode = PDFTextMode.layout
    /// A PDF with more pages is quarantined; pdftotext is never asked for more than one page past it.
    public var maxPages = 2000
    /// Wall-clock seconds pdftotext may take over one PDF before it is killed.
    public var maxSeconds = 60.0
    /// Virtual memory pdftotext may map for one PDF.
    public var maxMemoryBytes = 1 << 30

    public init() {}
}

/// How a PDF entry's text was made, for the manifest.
public struct PDFExtraction: Sendable, Codable, Equatable {
    /// The tool and its version, e.g. "pdftotext 22.12.0".
    public let extractor: String
    public let mode: PDFTextMode
    public let pages: Int
    public let seconds: Double

    public init(extractor: String, mode: PDFTextMode, pages: Int, seconds: Double) {
        self.extractor = extractor
        self.mode = mode
        self.pages = pages
        // Milliseconds are all a timing can tell; a clock never gives anything but a finite number.
        self.seconds = seconds.isFinite ? (seconds * 1000).rounded() / 1000 : 0
    }
}

/// The text of a PDF and where each of its lines is printed.
public struct ExtractedPDFText: Sendable {
    /// pdftotext's UTF-8 output, one form feed after each page.
    public let text: [UInt8]
    public let extraction: PDFExtraction
    /// Errors poppler reported and read past (a damaged cross-reference table it rebuilt …).
    public let warnings: [String]
}

/// Why a PDF entry is quarantined.
public struct PDFFailure: Error, Sendable, Equatable {
    public let reason: String
    /// The same PDF may read another time: pdftotext was missing or did not start, was stopped by the clock (a busy
    /// machine) or by a signal. Such a failure is not kept as the PDF's result (the next run tries again).
    public var mayPass = false
    /// pdftotext was ended by SIGINT, SIGTERM or SIGHUP, which peel never sends it: most often the signal that stops
    /// the whole run (Ctrl-C reaches every process of the terminal's group at once), so the run, not the PDF, decides
    /// whether this is said at all.
    public var stoppedFromOutside = false

    public init(reason: String, mayPass: Bool = false, stoppedFromOutside: Bool = false) {
        self.reason = reason
        self.mayPass = mayPass
        self.stoppedFromOutside = stoppedFromOutside
    }
}

/// Line number (of the extracted text) → page of the PDF. Pages end at form feeds, as pdftotext writes them: the
/// form feed starts the next page's first line.
public struct PageMap: Sendable, Codable, Equatable {
    /// The first line of pages 2, 3, … in order.
    public let pageStarts: [Int]

    public init(pageStarts: [Int]) {
        self.pageStarts = pageStarts
    }

    public init(_ text: DecodedText) {
        var starts: [Int] = []
        for line in text.lines {
            var formFeeds = 0
            for byte in text.utf8[line.range] where byte == 0x0C { formFeeds += 1 }
            // A line after n form feeds starts a page n pages on; empty pages in between start there too.
            for _ in 0..<formFeeds { starts.append(line.number) }
        }
        pageStarts = starts
    }

    /// The page line `line` is printed on (1-based).
    public func page(ofLine line: Int) -> Int {
        var low = 0, high = pageStarts.count
        while low < high {
            let middle = (low + high) / 2
            if pageStarts[middle] <= line { low = middle + 1 } else { high = middle }
        }
        return low + 1
    }
}
