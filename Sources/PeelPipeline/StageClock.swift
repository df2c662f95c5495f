import Foundation

/// The stages whose work is timed per entry on the worker threads.
enum TimedStage: String, CaseIterable, Sendable {
    /// `convert`: PDF entries through pdftotext (wall time of the child process, on the worker that waits for it).
    case identify, convert, decode, parse, validate
    /// Enriching an entry's figures and rendering all its rows.
    case enrich
}

/// Busy time and item counts per stage, kept by one worker and summed at the end (no sharing while running).
struct StageClock: Sendable {
    private(set) var seconds: [TimedStage: Double] = [:]
    private(set) var items: [TimedStage: Int] = [:]

    mutating func time<T>(_ stage: TimedStage, _ work: () -> T) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = work()
        seconds[stage, default: 0] += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        items[stage, default: 0] += 1
        return result
    }

    mutating func add(_ other: StageClock) {
        for (stage, value) in other.seconds { seconds[stage, default: 0] += value }
        for (stage, value) in other.items { items[stage, default: 0] += value }
    }
}

/// Seconds since `start`, for wall times.
func secondsSince(_ start: UInt64) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
