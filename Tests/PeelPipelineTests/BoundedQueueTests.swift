import Foundation
@testable import PeelPipeline
import Testing

/// The queue between the archive reader and the workers: memory bounded, nothing lost or reordered, and a producer
/// that finds it full woken once per half budget, not once per item (each wake-up is two context switches).
@Suite("Bounded queue")
struct BoundedQueueTests {
    /// Counts what the consumers hold between pop and release, and the most they ever held.
    private final class InFlight: @unchecked Sendable {
        private let lock = NSLock()
        private var cost = 0
        private(set) var most = 0
        private(set) var popped: [Int] = []

        func took(_ item: Int, cost: Int) {
            lock.lock()
            popped.append(item)
            self.cost += cost
            most = max(most, self.cost)
            lock.unlock()
        }

        func gave(_ cost: Int) {
            lock.lock()
            self.cost -= cost
            lock.unlock()
        }
    }

    /// `items` items of `cost` through a queue of `capacity`, taken by `consumers` threads that each hold an item a
    /// moment before releasing it.
    private func run(items: Int, cost: Int, capacity: Int, consumers: Int) -> (queue: BoundedQueue<Int>, inFlight: InFlight) {
        let queue = BoundedQueue<Int>(capacityBytes: capacity)
        let inFlight = InFlight()
        let group = DispatchGroup()
        for _ in 0..<consumers {
            DispatchQueue.global().async(group: group) {
                while let (item, itemCost) = queue.pop() {
                    inFlight.took(item, cost: itemCost)
                    if item % 7 == 0 { usleep(20) }
                    inFlight.gave(itemCost)
                    queue.release(itemCost)
                }
            }
        }
        for item in 0..<items { queue.push(item, cost: cost) }
        queue.close()
        group.wait()
        return (queue, inFlight)
    }

    @Test("every item comes out once, in order, and never more than the budget is held")
    func orderAndBound() {
        let (_, inFlight) = run(items: 5_000, cost: 10, capacity: 1_000, consumers: 1)
        #expect(inFlight.popped == Array(0..<5_000))
        #expect(inFlight.most <= 1_000)
    }

    @Test("a producer that finds the budget spent waits for half of it, not for each release")
    func producerWakesOncePerHalfBudget() {
        let items = 20_000, cost = 10, capacity = 1_000
        let (queue, inFlight) = run(items: items, cost: cost, capacity: capacity, consumers: 2)
        #expect(Set(inFlight.popped) == Set(0..<items))
        #expect(inFlight.most <= capacity)
        // Each wait ends with at least half the budget free, so at least 50 items pass before the next: at most
        // 20,000 / 50 waits. Woken at every release, the producer waited about once per item.
        let waits = queue.producerWaits
        #expect(waits <= items * cost / (capacity / 2) + 1, "the producer waited \(waits) times for \(items) items")
    }

    @Test("an item larger than the whole budget passes alone, without a deadlock")
    func oversizeItemPassesAlone() {
        let queue = BoundedQueue<Int>(capacityBytes: 100)
        let inFlight = InFlight()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            while let (item, cost) = queue.pop() {
                inFlight.took(item, cost: cost)
                usleep(100)
                inFlight.gave(cost)
                queue.release(cost)
            }
            done.signal()
        }
        queue.push(0, cost: 60)
        queue.push(1, cost: 500)
        queue.push(2, cost: 60)
        queue.close()
        done.wait()
        #expect(inFlight.popped == [0, 1, 2])
        #expect(inFlight.most == 500)
    }
}
