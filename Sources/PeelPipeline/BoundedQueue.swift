import Foundation

/// A blocking FIFO bounded by the bytes of what it holds, so readers wait for parsers and memory stays
/// flat however big an archive is. Never drops; an item larger than the whole budget still passes alone
/// (otherwise it would wait forever). Budget is returned by `release`, once the item is done with.
///
/// A producer that finds the budget spent waits until consumers have returned half of it, and is woken only then:
/// woken at every release, the archive reader ran once per entry for a few microseconds, and each wake-up preempted
/// the worker that released (two context switches an entry, some 42,000 a GB at `--jobs 2`; `perf sched`).
final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Popped slots are emptied at once: a consumed entry's bytes must not stay referenced until compaction.
    private var items: [(element: Element, cost: Int)?] = []
    private var head = 0
    private var used = 0
    private var closed = false
    /// Producers waiting for the budget to fall to `resumeAt`.
    private var producersWaiting = 0
    let capacity: Int
    private let resumeAt: Int
    /// How many times a producer has had to wait (once per half budget spent, not once per item).
    var producerWaits: Int {
        condition.lock()
        defer { condition.unlock() }
        return waits
    }
    private var waits = 0

    init(capacityBytes: Int) {
        capacity = max(1, capacityBytes)
        resumeAt = capacity / 2
    }

    /// Blocks while the budget is spent by others; once blocked, until half of it is back.
    func push(_ element: Element, cost: Int) {
        condition.lock()
        defer { condition.unlock() }
        if used > 0 && used + cost > capacity {
            waits += 1
            producersWaiting += 1
            while used > 0 && (used + cost > capacity || used > resumeAt) { condition.wait() }
            producersWaiting -= 1
        }
        used += cost
        items.append((element, cost))
        condition.broadcast()
    }

    /// The next item, or nil once the queue is closed and empty. The caller must `release(cost)`.
    func pop() -> (element: Element, cost: Int)? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed { condition.wait() }
        guard head < items.count else { return nil }
        let item = items[head]!
        items[head] = nil
        head += 1
        if head > 1024 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        return item
    }

    func release(_ cost: Int) {
        condition.lock()
        used -= cost
        if producersWaiting > 0 && used <= resumeAt { condition.broadcast() }
        condition.unlock()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
