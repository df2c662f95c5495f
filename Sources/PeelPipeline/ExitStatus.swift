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
