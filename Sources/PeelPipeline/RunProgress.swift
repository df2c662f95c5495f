import Foundation

/// Entries done, MB/s and an ETA on one terminal line, for people watching a long run. Off under cron and
/// with JSON logs (the command line turns it on only when stderr is a terminal).
final class RunProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let totalInputBytes: Int
    private var entries = 0
    private var textBytes = 0
    private var inputDone: [Int: Int] = [:]
    private let started = DispatchTime.now().uptimeNanoseconds
    private var timer: (any DispatchSourceTimer)?

    init(totalInputBytes: Int) {
        self.totalInputBytes = max(1, totalInputBytes)
    }

    /// An entry of archive `archive` was parsed; it was read `inputOffset` bytes into its file.
    func entryDone(archive: Int, bytes: Int, inputOffset: Int) {
        lock.lock()
        entries += 1
        textBytes += bytes
        inputDone[archive] = max(inputDone[archive] ?? 0, inputOffset)
        lock.unlock()
    }

    func archiveDone(_ archive: Int, bytes: Int) {
        lock.lock()
        inputDone[archive] = bytes
        lock.unlock()
    }

    /// The progress line as it stands: "1,234 entries  45.6 MB/s  62%  ETA 12 s"; once `done`, the summary
    /// "1,234 entries in 12.3 s  45.6 MB/s  100%".
    func line(done: Bool = false) -> String {
        lock.lock()
        defer { lock.unlock() }
        let seconds = max(0.001, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        // Reading ends before the last entries are parsed: short of done, the line never claims 100 %.
        let fraction = done ? 1 : min(0.99, Double(inputDone.values.reduce(0, +)) / Double(totalInputBytes))
        let rate = Double(textBytes) / seconds / 1_000_000
        if done { return "peel: \(entries) entries in \(String(format: "%.1f", seconds)) s  \(String(format: "%.1f", rate)) MB/s  100%" }
        var text = "peel: \(entries) entries  \(String(format: "%.1f", rate)) MB/s  \(Int(fraction * 100))%"
        if fraction > 0.02 { text += "  ETA \(Int(seconds / fraction - seconds)) s" }
        return text
    }

    /// Redraws the line on stderr every half second until `stop`.
    func start() {
        let source = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "peel.progress"))
        source.schedule(deadline: .now() + 0.5, repeating: 0.5)
        source.setEventHandler { [weak self] in
            guard let self else { return }
            try? FileHandle.standardError.write(contentsOf: Data(("\r\u{1B}[K" + self.line()).utf8))
        }
        source.resume()
        timer = source
    }

    func stop() {
        guard let timer else { return }
        timer.cancel()
        self.timer = nil
        try? FileHandle.standardError.write(contentsOf: Data(("\r\u{1B}[K" + line(done: true) + "\n").utf8))
    }
}
