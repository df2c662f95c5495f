import Foundation
import Synchronization

/// What `OrderedCommit` orders: a result of one entry, with its place in the input and the bytes it holds.
protocol OrderedResult: Sendable {
    var archiveIndex: Int { get }
    var ordinal: Int { get }
    /// Roughly the memory the result holds while it waits for its turn.
    var heldBytes: Int { get }
}

/// Puts results back in (input, entry ordinal) order and hands them to `commit`, on whichever worker completes
/// the next one. Ordinals, not arrival order: a nested archive's container entry is numbered before its entries
/// but delivered after them. An archive is complete once as many results as it emitted entries are in.
///
/// One worker drains at a time while the others go on working. Results that wait are bounded, by count and by the
/// bytes they hold: otherwise they pile up without bound (1.6 GB for a million cached entries, when committing was
/// slower than working; a result that waits behind a large entry still being parsed waits as long as that takes).
/// A worker whose result takes the backlog past a bound waits, either while another worker drains (the drain is
/// catching up) or while the result the drain needs next is being worked on (it is coming). It never waits
/// otherwise: the next result may still be in the queue, or not yet read (a nested archive's container follows its
/// entries), and waiting could then leave nobody to work on it.
final class OrderedCommit<Result: OrderedResult>: @unchecked Sendable {
    private let condition = NSCondition()
    private let commit: (Result) -> Void
    private let finishArchive: (ArchiveRecord) -> Void
    private var pending: [Int: [Int: Result]] = [:]
    private var waiting = 0
    private var waitingBytes = 0
    private let maxWaiting = 1024
    let maxWaitingBytes: Int
    /// The most bytes that waited at once (for tests and measurement).
    private(set) var peakWaitingBytes = 0
    private var ended: [Int: (entries: Int, record: ArchiveRecord)] = [:]
    private var current = 0
    private var nextOrdinal = 0
    private var committedInCurrent = 0
    private var draining = false
    /// The place (`code`) of the entry each worker is working on, or -1: set as a worker starts without taking the
    /// lock (a second lock per entry, for a million tiny entries), read under it. A start not yet seen only means a
    /// wait not made.
    private let working: [Slot]

    private final class Slot: Sendable {
        let place = Atomic<Int>(-1)
    }

    /// An entry's (archive, ordinal) as one integer: ordinals stay far below 2^40.
    private static func code(archive: Int, ordinal: Int) -> Int { archive << 40 | ordinal }

    init(workers: Int, maxWaitingBytes: Int, commit: @escaping (Result) -> Void, finishArchive: @escaping (ArchiveRecord) -> Void) {
        precondition(workers > 0 && maxWaitingBytes > 0)
        working = (0..<workers).map { _ in Slot() }
        self.maxWaitingBytes = maxWaitingBytes
        self.commit = commit
        self.finishArchive = finishArchive
    }

    /// Worker `worker` has started on the entry at (`archiveIndex`, `ordinal`): it will `submit` its result.
    func started(worker: Int, archiveIndex: Int, ordinal: Int) {
        working[worker].place.store(Self.code(archive: archiveIndex, ordinal: ordinal), ordering: .releasing)
    }

    /// A result, from worker `worker` if a worker made it (one that `started` on it).
    func submit(_ result: Result, worker: Int? = nil) {
        condition.lock()
        if let worker { working[worker].place.store(-1, ordering: .releasing) }
        pending[result.archiveIndex, default: [:]][result.ordinal] = result
        waiting += 1
        waitingBytes += result.heldBytes
        peakWaitingBytes = max(peakWaitingBytes, waitingBytes)
        while mustWait() { condition.wait() }
        drain()
    }

    /// Called with the lock held.
    private func mustWait() -> Bool {
        let overBytes = waitingBytes > maxWaitingBytes
        if draining && (waiting > maxWaiting || overBytes) { return true }
        guard overBytes else { return false }
        let next = Self.code(archive: current, ordinal: nextOrdinal)
        return working.contains { $0.place.load(ordering: .acquiring) == next }
    }

    func endArchive(_ index: Int, entries: Int, record: ArchiveRecord) {
        condition.lock()
        ended[index] = (entries, record)
        drain()
    }

    /// Called with the lock held; returns with it released. One thread drains at a time; results that arrive
    /// meanwhile are picked up by the thread already draining (it checks again under the lock before it stops).
    private func drain() {
        guard !draining else {
            condition.unlock()
            return
        }
        draining = true
        while true {
            if let result = pending[current]?.removeValue(forKey: nextOrdinal) {
                nextOrdinal += 1
                committedInCurrent += 1
                waiting -= 1
                waitingBytes -= result.heldBytes
                if waiting <= maxWaiting / 2 && waitingBytes <= maxWaitingBytes / 2 { condition.broadcast() }
                condition.unlock()
                commit(result)
                condition.lock()
                continue
            }
            if let end = ended[current], committedInCurrent + (pending[current]?.count ?? 0) == end.entries {
                // Whatever is left has gaps in its ordinals before it; it goes in ordinal order.
                let rest = (pending.removeValue(forKey: current) ?? [:]).sorted { $0.key < $1.key }.map(\.value)
                waiting -= rest.count
                waitingBytes -= rest.reduce(0) { $0 + $1.heldBytes }
                ended[current] = nil
                current += 1
                nextOrdinal = 0
                committedInCurrent = 0
                condition.unlock()
                for result in rest { commit(result) }
                finishArchive(end.record)
                condition.lock()
                continue
            }
            break
        }
        draining = false
        condition.broadcast()
        condition.unlock()
    }
}
