import Foundation

/// A blocking FIFO bounded by the bytes of what it holds, so readers wait for parsers and memory stays
/// flat however big an archive is. Never drops; an item larger than the whole budget still passes alone
/// (otherwise it would wait forever). Budget is returned by `release`, once the item is done with.
final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Popped slots are emptied at once: a consumed entry's bytes must not stay referenced until compaction.
    private var items: [(element: Element, cost: Int)?] = []
    private var head = 0
    private var used = 0
    private var closed = false
    let capacity: Int

    init(capacityBytes: Int) {
        capacity = max(1, capacityBytes)
    }

    /// Blocks while the budget is spent by others.
    func push(_ element: Element, cost: Int) {
        condition.lock()
        defer { condition.unlock() }
        while used > 0 && used + cost > capacity { condition.wait() }
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
        condition.broadcast()
        condition.unlock()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
