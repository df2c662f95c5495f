import CLinuxSystem
import Glibc
/// How a run ends, as a process exit code (sysexits.h conventions). The one place these numbers live, but for 69
/// (EX_UNAVAILABLE), which the release build's processor check (Sources/CProcessor) exits with before main.
public enum ExitStatus: Int32, Sendable, Codable {
    /// Every input read, every entry parsed or skipped for a stated reason.
    case success = 0
    /// Outputs written; validation found errors (or warnings, with --fail-on warning).
    case validationErrors = 3
    /// Bad command line (EX_USAGE).
    case usage = 64
    /// Outputs written, but an entry was quarantined or an archive could not be read to its end (EX_DATAERR).
    case inputQuarantined = 65
    /// No input: a path given does not exist or holds no files (EX_NOINPUT).
    case noInput = 66
    /// The system would not start the run's threads: a process or memory limit (EX_OSERR).
    case systemResources = 71
    /// The output folder cannot be created or replaced (EX_CANTCREAT).
    case cannotCreateOutput = 73
    /// Writing the outputs failed (EX_IOERR).
    case ioError = 74
    /// Another run holds the output folder's lock (EX_TEMPFAIL).
    case locked = 75
    /// The configuration file is missing or invalid (EX_CONFIG).
    case configuration = 78

    public var name: String {
        switch self {
        case .success: "success"
        case .validationErrors: "validation_errors"
        case .usage: "usage"
        case .inputQuarantined: "input_quarantined"
        case .noInput: "no_input"
        case .systemResources: "system_resources"
        case .cannotCreateOutput: "cannot_create_output"
        case .ioError: "io_error"
        case .locked: "locked"
        case .configuration: "configuration"
        }
    }
}

/// A failure that ends a run before it can publish, with the exit status it maps to.
public struct RunFailure: Error, CustomStringConvertible {
    public let status: ExitStatus
    public let description: String

    public init(_ status: ExitStatus, _ description: String) {
        self.status = status
        self.description = description
    }
}

/// Whether the system will start the threads a run of `jobs` workers needs (a reader, the workers, the commit,
/// Dispatch's own): one Dispatch cannot start it retries for ever (a process limit, `ulimit -u` or systemd's TasksMax,
/// or an address-space one, `ulimit -v`), and the run hung before its first line, deaf to SIGTERM (Dispatch delivers
/// it). Asked before anything starts a thread.
public func checkThreadsCanStart(jobs: Int) throws(RunFailure) {
    let error = CLinuxSystem_canStartThreads(Int32(jobs + 4))
    guard error == 0 else {
        throw RunFailure(.systemResources, "the system would not start the run's \(jobs + 4) threads: \(String(cString: strerror(error))) (a limit on processes or memory: ulimit -u, ulimit -v, systemd's TasksMax?); nothing was read or written")
    }
}
