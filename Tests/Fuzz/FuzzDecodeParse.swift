// libFuzzer entry point over stages 2 and 3: any bytes → decode (HTML read as its text) → parse must never crash or hang.
// Built by Tests/Fuzz/build.sh; the force registry is embedded so that the target needs no files.
import PeelReport
import PeelText

private let registry = try! ForceRegistry(csv: forcesCSV)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecodeParse(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let source = try? TextDecoder.decode(bytes) else { return 0 }
    // An HTML document is read as the text it shows, as the pipeline reads it; its lines keep the source's numbers.
    let text = HTMLText.textIfHTML(source) ?? source
    let report = ReportParser(forces: registry).parse(text)
    // Invariants any parse must keep, whatever the input.
    for figure in report.figures { precondition(figure.line >= 1 && figure.line <= source.lines.count + 1, "source line out of range") }
    for judgment in report.judgments { precondition(judgment.line >= 1, "judgment without a line") }
    return 0
}
