// The only Swift file that starts processes: a child under resource limits, fed and drained through pipes.
import CLinuxSystem
import Dispatch
import Glibc

/// Bounds on one child process.
struct ChildLimits: Sendable {
    /// Wall-clock seconds before the child is killed.
    var seconds: Double
    /// Virtual memory the child may map (RLIMIT_AS).
    var addressSpaceBytes: Int
    /// Bytes of standard output kept; past them the child is killed.
    var maxOutputBytes: Int
    /// Bytes of standard error kept; the rest is read and dropped.
    var maxErrorBytes = 64 << 10
}

/// How a child process ended.
enum ChildTermination: Sendable, Equatable {
    case exited(Int32)
    case signalled(Int32)
    /// Killed at the wall-clock limit.
    case timedOut
    /// Killed when its output passed `maxOutputBytes`.
    case outputLimit
    /// Never started (fork failed); errno's text.
    case notStarted(String)
}

struct ChildOutcome: Sendable {
    var termination: ChildTermination
    var output: [UInt8] = []
    var errorOutput: [UInt8] = []
    var seconds = 0.0
}

enum ChildProcess {
    /// A child that exits before reading all its input must not kill this process with SIGPIPE:
    /// the write fails with EPIPE instead, and the child's own status says what happened.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Runs `executable` (an absolute path) with `arguments`, writes `input` to its standard input and collects its
    /// standard output and error, within `limits`. Blocks the calling thread until the child has ended and been reaped.
    static func run(_ executable: String, _ arguments: [String], input: [UInt8], limits: ChildLimits) -> ChildOutcome {
        _ = ignoreBrokenPipes
        let started = DispatchTime.now().uptimeNanoseconds
        var toChild: [Int32] = [-1, -1], fromChild: [Int32] = [-1, -1], errorsFromChild: [Int32] = [-1, -1]
        // Close-on-exec, so that children started at the same time by other workers never hold each other's pipes.
        guard CLinuxSystem_pipeCloseOnExec(&toChild) == 0 else { return ChildOutcome(termination: .notStarted(errnoText())) }
        guard CLinuxSystem_pipeCloseOnExec(&fromChild) == 0 else {
            closeAll(toChild)
            return ChildOutcome(termination: .notStarted(errnoText()))
        }
        guard CLinuxSystem_pipeCloseOnExec(&errorsFromChild) == 0 else {
            closeAll(toChild + fromChild)
            return ChildOutcome(termination: .notStarted(errnoText()))
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let cpuSeconds = UInt64(limits.seconds.rounded(.up)) + 1
        let pid = argv.withUnsafeBufferPointer { argvPointer in
            CLinuxSystem_spawnLimited(executable, argvPointer.baseAddress!, environ, toChild[0], fromChild[1], errorsFromChild[1],
                                      UInt64(limits.addressSpaceBytes), cpuSeconds)
        }
        let spawnError = errno
        closeAll([toChild[0], fromChild[1], errorsFromChild[1]])
        guard pid > 0 else {
            closeAll([toChild[1], fromChild[0], errorsFromChild[0]])
            return ChildOutcome(termination: .notStarted(String(cString: strerror(spawnError))))
        }
        var outcome = ChildOutcome(termination: .exited(0))
        let deadline = started + UInt64(limits.seconds * 1e9)
        let stopped = exchange(with: (input: toChild[1], output: fromChild[0], errors: errorsFromChild[0]), input: input,
                               limits: limits, deadline: deadline, into: &outcome)
        if let stopped {
            kill(pid, SIGKILL)
            outcome.termination = stopped
        }
        let status = reap(pid, deadline: deadline)
        if stopped == nil {
            if let status {
                outcome.termination = status & 0x7F == 0 ? .exited((status >> 8) & 0xFF) : .signalled(status & 0x7F)
            } else {
                outcome.termination = .timedOut
            }
        }
        outcome.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return outcome
    }

    /// Feeds the input and drains both outputs until the child closes them; returns why the child must be killed, if it must.
    private static func exchange(with fds: (input: Int32, output: Int32, errors: Int32), input: [UInt8], limits: ChildLimits,
                                 deadline: UInt64, into outcome: inout ChildOutcome) -> ChildTermination? {
        var open = (input: fds.input, output: fds.output, errors: fds.errors)
        defer { closeAll([open.input, open.output, open.errors].filter { $0 >= 0 }) }
        for fd in [fds.input, fds.output, fds.errors] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        var written = 0
        if input.isEmpty {
            close(open.input)
            open.input = -1
        }
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while open.output >= 0 || open.errors >= 0 || open.input >= 0 {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return .timedOut }
            var polled = [
                pollfd(fd: open.input, events: Int16(POLLOUT), revents: 0),
                pollfd(fd: open.output, events: Int16(POLLIN), revents: 0),
                pollfd(fd: open.errors, events: Int16(POLLIN), revents: 0),
            ]  // A negative fd is ignored by poll.
            let waitMilliseconds = Int32(min((deadline - now) / 1_000_000 + 1, 1000))
            let ready = poll(&polled, 3, waitMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                return .notStarted("poll: \(errnoText())")
            }
            if open.input >= 0 && polled[0].revents != 0 {
                let count = input.withUnsafeBytes { buffer in
                    write(open.input, buffer.baseAddress! + written, min(buffer.count - written, 64 << 10))
                }
                if count > 0 { written += count }
                // EPIPE: the child stopped reading; what it made of the input its status will tell.
                if written == input.count || (count < 0 && errno != EAGAIN && errno != EINTR) {
                    close(open.input)
                    open.input = -1
                }
            }
            for (slot, isOutput) in [(1, true), (2, false)] where polled[slot].revents != 0 {
                let fd = isOutput ? open.output : open.errors
                guard fd >= 0 else { continue }
                let count = read(fd, &chunk, chunk.count)
                if count > 0 {
                    if isOutput {
                        outcome.output.append(contentsOf: chunk[0..<count])
                        if outcome.output.count > limits.maxOutputBytes { return .outputLimit }
                    } else if outcome.errorOutput.count < limits.maxErrorBytes {
                        outcome.errorOutput.append(contentsOf: chunk[0..<min(count, limits.maxErrorBytes - outcome.errorOutput.count)])
                    }
                } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                    close(fd)
                    if isOutput { open.output = -1 } else { open.errors = -1 }
                }
            }
        }
        return nil
    }

    /// The child's wait status once it has ended; nil when it was still running at the deadline (it is then killed and reaped).
    private static func reap(_ pid: pid_t, deadline: UInt64) -> Int32? {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return status }
            if result < 0 && errno != EINTR { return 0 }
            if DispatchTime.now().uptimeNanoseconds >= deadline {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                return nil
            }
            // Its outputs are closed, so it is exiting: the wait is short.
            usleep(500)
        }
    }

    private static func closeAll(_ fds: [Int32]) {
        for fd in fds where fd >= 0 { close(fd) }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
