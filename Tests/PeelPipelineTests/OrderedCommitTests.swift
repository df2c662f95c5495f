import Foundation
@testable import PeelPipeline
import PeelTestSupport
import Testing

/// The ordered commit: results committed in (archive, ordinal) order whatever order they finish in, and the results
/// that wait for their turn bounded by the bytes they hold.
@Suite("Ordered commit")
struct OrderedCommitTests {
    private struct Item: OrderedResult {
        let archiveIndex: Int
        let ordinal: Int
        let heldBytes: Int
    }

    /// What the commit did, in order: "a:o" for a result, "end a" for an archive finished.
    private final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [String] = []
        private var submitted = 0

        func add(_ event: String) { lock.withLock { events.append(event) } }
        func countSubmitted() { lock.withLock { submitted += 1 } }
        var all: [String] { lock.withLock { events } }
        var submittedCount: Int { lock.withLock { submitted } }
    }

    private func makeCommit(maxWaitingBytes: Int, log: Log) -> OrderedCommit<Item> {
        OrderedCommit<Item>(workers: 4, maxWaitingBytes: maxWaitingBytes, commit: { log.add("\($0.archiveIndex):\($0.ordinal)") },
                            finishArchive: { log.add("end \($0.index)") })
    }

    @Test("results submitted by several threads in a shuffled order are committed in order, each archive ended after its entries (seeded)")
    func order() {
        let seed: UInt64 = 0x0C0D
        var generator = SplitMix(seed: seed)
        let log = Log()
        let commit = makeCommit(maxWaitingBytes: 10_000, log: log)
        let counts = [40, 0, 25]
        var items: [Item] = []
        for (archive, count) in counts.enumerated() {
            items += (0..<count).map { Item(archiveIndex: archive, ordinal: $0, heldBytes: Int.random(in: 1...3_000, using: &generator)) }
        }
        items.shuffle(using: &generator)
        let shuffled = items
        let group = DispatchGroup()
        for worker in 0..<4 {
            DispatchQueue.global().async(group: group) {
                for item in shuffled.indices.filter({ $0 % 4 == worker }).map({ shuffled[$0] }) {
                    commit.started(worker: worker, archiveIndex: item.archiveIndex, ordinal: item.ordinal)
                    commit.submit(item, worker: worker)
                }
            }
        }
        for (archive, count) in counts.enumerated() {
            commit.endArchive(archive, entries: count, record: ArchiveRecord(index: archive, path: "a\(archive)"))
        }
        group.wait()
        var expected: [String] = []
        for (archive, count) in counts.enumerated() { expected += (0..<count).map { "\(archive):\($0)" } + ["end \(archive)"] }
        #expect(log.all == expected, "seed \(seed)")
    }

    @Test("while the result next in turn is being worked on, the results behind it stop at the byte bound and go on once it is in")
    func waitsForTheNextResult() throws {
        let log = Log()
        let size = 1_000, bound = 10_000, behind = 100
        let commit = makeCommit(maxWaitingBytes: bound, log: log)
        // Ordinal 0 is a large entry still being parsed: its worker has started on it.
        commit.started(worker: 0, archiveIndex: 0, ordinal: 0)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            for ordinal in 1...behind {
                commit.started(worker: 1, archiveIndex: 0, ordinal: ordinal)
                commit.submit(Item(archiveIndex: 0, ordinal: ordinal, heldBytes: size), worker: 1)
                log.countSubmitted()
            }
            done.signal()
        }
        // The other worker goes on until the results waiting pass the bound, then stops there.
        let deadline = Date().addingTimeInterval(10)
        while log.submittedCount < bound / size && Date() < deadline { usleep(1_000) }
        usleep(200_000)
        let stoppedAt = log.submittedCount
        #expect(stoppedAt == bound / size, "it waited once its result took the backlog past \(bound) bytes")
        #expect(log.all.isEmpty, "nothing is committed before ordinal 0")
        // Ordinal 0 comes in: everything is committed in order and the other worker finishes.
        commit.submit(Item(archiveIndex: 0, ordinal: 0, heldBytes: size), worker: 0)
        #expect(done.wait(timeout: .now() + 10) == .success)
        commit.endArchive(0, entries: behind + 1, record: ArchiveRecord(index: 0, path: "a"))
        #expect(log.all == (0...behind).map { "0:\($0)" } + ["end 0"])
        // Past the bound by no more than a result from each of the two workers.
        #expect(commit.peakWaitingBytes <= bound + 2 * size)
    }

    @Test("a result next in turn that no worker has started on (a container delivered after its entries) never holds the others up")
    func neverWaitsForUnstartedResult() {
        let log = Log()
        let commit = makeCommit(maxWaitingBytes: 1_000, log: log)
        // Ordinal 0 is not started: 50 results of 500 bytes, far past the bound, all go in without waiting.
        for ordinal in 1...50 {
            commit.started(worker: 1, archiveIndex: 0, ordinal: ordinal)
            commit.submit(Item(archiveIndex: 0, ordinal: ordinal, heldBytes: 500), worker: 1)
        }
        #expect(commit.peakWaitingBytes == 50 * 500)
        commit.submit(Item(archiveIndex: 0, ordinal: 0, heldBytes: 500))
        commit.endArchive(0, entries: 51, record: ArchiveRecord(index: 0, path: "a"))
        #expect(log.all == (0...50).map { "0:\($0)" } + ["end 0"])
    }
}
