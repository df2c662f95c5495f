import Foundation
import Glibc

/// A run stopped by a signal (Ctrl-C, `kill`, cron's `timeout`): the staging folder it was writing goes at once, so
/// nothing of it is left beside the output folder, and the previous dataset stays as it was. The swap that publishes
/// a dataset is never cut in two: a stop that arrives during it waits for it.
///
/// Process-wide by nature (a signal stops the process, whichever run it is in): the one shared registry of the
/// staging folders being written.
public enum RunStop {
    /// Removes every staging folder being written and keeps any from being published or begun after it; returns
    /// the folders removed. The caller ends the process next.
    @discardableResult
    public static func clearStaging() -> [String] {
        StagingFolders.shared.clearForStop()
    }
}

/// The staging folders being written, and the lock that a publish and a stop take in turn.
final class StagingFolders: @unchecked Sendable {
    static let shared = StagingFolders()

    private let lock = NSLock()
    private var paths = Set<String>()
    private var stopped = false

    /// Notes a staging folder begun; false once a stop has begun (the run must not write one).
    func begin(_ path: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return false }
        paths.insert(path)
        return true
    }

    /// The folder is gone or published: a stop has nothing to clear there.
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
        return true
    }

    /// Each folder is first renamed (its name keeps the staging prefix, so a stop cut short leaves it to the next
    /// run's sweep): the run's threads write on by the old name, and can no longer add to it. The lock stays held, so
    /// no publish or staging folder can follow.
    func clearForStop() -> [String] {
        lock.lock()
        stopped = true
        let cleared = paths.sorted()
        for path in cleared {
            let doomed = path + "-stopped"
            let target = rename(path, doomed) == 0 ? doomed : path
            for _ in 0..<3 where FileManager.default.fileExists(atPath: target) {
                try? FileManager.default.removeItem(atPath: target)
            }
        }
        paths = []
        return cleared
    }
}
