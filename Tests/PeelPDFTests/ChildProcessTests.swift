import Foundation
@testable import PeelPDF
import PeelTestSupport
import Testing

private func limits(seconds: Double = 10, memory: Int = 1 << 30, output: Int = 1 << 20) -> ChildLimits {
    ChildLimits(seconds: seconds, addressSpaceBytes: memory, maxOutputBytes: output)
}

/// The child process under its limits, with real programs standing in for a misbehaving pdftotext.
@Suite("Child process under limits")
struct ChildProcessTests {
    @Test("input is fed whole while output is drained: 8 MB through cat both ways")
    func roundTrip() {
        var generator = SplitMix(seed: 12)
        print("seed 12")
        let input = (0..<8_000_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let outcome = ChildProcess.run("/bin/cat", [], input: input, limits: limits(output: 16 << 20))
        #expect(outcome.termination == .exited(0))
        #expect(outcome.output == input)
    }

    @Test("a child that stops reading its input does not take this process with it (no SIGPIPE)")
    func stopsReading() {
        let outcome = ChildProcess.run("/bin/sh", ["-c", "exit 3"], input: [UInt8](repeating: 65, count: 4 << 20), limits: limits())
        #expect(outcome.termination == .exited(3))
    }

    @Test("a hang is killed at the wall-clock limit, with the time it took")
    func hang() {
        let outcome = ChildProcess.run("/bin/sleep", ["30"], input: [], limits: limits(seconds: 0.5))
        #expect(outcome.termination == .timedOut)
        #expect(outcome.seconds >= 0.5 && outcome.seconds < 5)
        // A child that closes its outputs and then hangs is killed all the same.
        let quiet = ChildProcess.run("/bin/sh", ["-c", "exec >&- 2>&-; sleep 30"], input: [], limits: limits(seconds: 0.5))
        #expect(quiet.termination == .timedOut)
    }

    @Test("a crash is a signal; endless output is cut at its limit")
    func crashAndFlood() {
        #expect(ChildProcess.run("/bin/sh", ["-c", "kill -SEGV $$"], input: [], limits: limits()).termination == .signalled(SIGSEGV))
        let flood = ChildProcess.run("/usr/bin/yes", [], input: [], limits: limits(output: 1 << 20))
        #expect(flood.termination == .outputLimit)
        #expect(flood.output.count > 1 << 20 && flood.output.count <= (1 << 20) + (64 << 10))
    }

    @Test("the address-space limit holds, files cannot be written, standard error is kept and bounded")
    func resourceLimits() throws {
        let hungry = ChildProcess.run("/usr/bin/python3", ["-c", "x = bytearray(400 * 1024 * 1024)"], input: [], limits: limits(memory: 256 << 20))
        #expect(hungry.termination == .exited(1))
        #expect(String(decoding: hungry.errorOutput, as: UTF8.self).contains("MemoryError"))
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let writer = ChildProcess.run("/bin/sh", ["-c", "printf 'data' > '\(folder)/written'"], input: [], limits: limits())
        #expect(writer.termination == .signalled(SIGXFSZ))
        #expect((try? FileManager.default.attributesOfItem(atPath: folder + "/written")[.size] as? Int) ?? 0 == 0)
        let noisy = ChildProcess.run("/bin/sh", ["-c", "yes error | head -c 1000000 >&2; echo done"], input: [], limits: limits())
        #expect(noisy.termination == .exited(0))
        #expect(noisy.output == Array("done\n".utf8))
        #expect(noisy.errorOutput.count == 64 << 10)
    }

    @Test("the child gets none of this process's descriptors and default signal handling")
    func cleanChild() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let open = FileHandle(forWritingAtPath: "/dev/null")!
        defer { try? open.close() }
        let outcome = ChildProcess.run("/bin/sh", ["-c", "ls /proc/self/fd; grep -E '^Sig(Blk|Ign)' /proc/self/status"], input: [], limits: limits())
        let lines = String(decoding: outcome.output, as: UTF8.self).split(separator: "\n")
        // 0, 1, 2, and the one ls opens to list the folder.
        #expect(lines.filter { Int($0) != nil }.count == 4, "\(lines)")
        #expect(lines.contains("SigBlk:\t0000000000000000"), "\(lines)")
        // No standard signal ignored (SIGPIPE is, in this process); glibc's reserved ones above 31 are not ours to reset.
        let ignored = lines.first { $0.hasPrefix("SigIgn:") }.flatMap { UInt64($0.dropFirst("SigIgn:".count).trimmingCharacters(in: .whitespaces), radix: 16) }
        #expect(ignored.map { $0 & 0x7FFF_FFFF } == 0, "\(lines)")
    }
}
