import Foundation
import Glibc

/// A run stopped by a signal (Ctrl-C, `kill`, cron's `timeout`): the staging folder it was writing goes at once, so
/// nothing of it is left beside the output folder, and the previous dataset stays as it was. The swap that publishes
/// a dataset is never cut in two: a stop that arrives during it waits for it.
///
/// Process-wide by nature (a signal stops the process, whichever run it is in): the one shared registry of the
/// staging folders being written.
public enum RunStop {
    /// What a stop found: how many staging folders it removed, and whether a dataset had been published before it.
    public struct Outcome: Sendable, Equatable {
        public let removed: Int
        public let published: Bool

        /// Why the run stopped and what it left, for the `run stopped` line. A stop that came after the swap (the run's
        /// last moments) found nothing to remove: the new dataset stands, and the line says so rather than that it was
        /// removed (an operator audit).
        public func why(signal name: String) -> String {
            if published && removed == 0 {
                return "stopped by \(name) after this run's dataset was published: the output folder holds it, whole"
            }
            return "stopped by \(name): the dataset being written was removed; the output folder is as the last finished run left it"
        }
    }

    /// Removes every staging folder being written, keeps any from being published or begun after it, calls `report`
    /// with what it found (the caller's log line), and ends the process with `status`.
    public static func end(status: Int32, report: (Outcome) -> Void) -> Never {
        let (removed, published) = StagingFolders.shared.clearForStop()
        report(Outcome(removed: removed.count, published: published))
        StagingFolders.shared.removePlaceholders(removed)
        _exit(status)
    }

    /// Waits up to `seconds` for a stop to reach the run, where a sign of one was seen: a child ended by a stop signal
    /// (Ctrl-C reaches every process of the terminal's group, children first as often as not). If a stop comes this
    /// never returns, as the process is ending, so the caller's false "crashed" is never said; if none comes, the
    /// caller goes on.
    static func awaitStop(seconds: Double) {
        StagingFolders.shared.awaitStop(until: DispatchTime.now() + seconds)
    }
}

/// The staging folders being written, and the lock that a publish and a stop take in turn.
final class StagingFolders: @unchecked Sendable {
    static let shared = StagingFolders()

    private let lock = NSLock()
    private var paths = Set<String>()
    private var stopped = false
    /// A dataset was swapped in by this process.
    private var published = false

    /// Notes a staging folder begun; false once a stop has begun (the run must not write one).
    func begin(_ path: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return false }
        paths.insert(path)
        return true
    }

    /// The folder is published, or about to go: a stop has nothing to clear there. Once a stop has begun this waits
    /// for the process to end (the folder's name then holds the stop's placeholder, which must stay).
    func end(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        paths.remove(path)
    }

    /// Runs `swap` (the publish) with no stop in between; false, without running it, once a stop has begun.
    func publishing<Failure: Error>(_ swap: () throws(Failure) -> Void) throws(Failure) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return false }
        try swap()
        published = true
        return true
    }

    /// Returns at `deadline` unless a stop begins first: a stop keeps the lock until the process ends.
    func awaitStop(until deadline: DispatchTime) {
        repeat {
            lock.lock()
            lock.unlock()
            usleep(10_000)
        } while DispatchTime.now() < deadline
    }

    /// Each folder is first renamed (its name keeps the staging prefix, so a stop cut short leaves it to the next
    /// run's sweep), and an empty file takes its name: the run's threads write on by that name, and can neither add to
    /// the folder nor make it again (a folder made with its parents, inside a file, fails). Then the folder goes. The
    /// lock stays held, so no publish or staging folder can follow, and no discard can remove the placeholders.
    /// Returns the folders cleared, and whether a dataset had been published.
    func clearForStop() -> (cleared: [String], published: Bool) {
        lock.lock()
        stopped = true
        let cleared = paths.sorted()
        for path in cleared {
            // A thread may make the folder again between the rename and the placeholder: that one is moved too.
            var doomed: [String] = []
            for attempt in 0..<16 {
                let moved = path + "-stopped-\(attempt)"
                if rename(path, moved) == 0 { doomed.append(moved) }
                let placeholder = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
                if placeholder >= 0 {
                    close(placeholder)
                    break
                }
            }
            for folder in doomed { try? FileManager.default.removeItem(atPath: folder) }
        }
        paths = []
        return (cleared, published)
    }

    /// The placeholders of `clearForStop`, removed just before the process ends.
    func removePlaceholders(_ cleared: [String]) {
        for path in cleared { unlink(path) }
    }
}
