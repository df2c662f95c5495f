public import ArgumentParser
import Foundation
import Glibc
import Logging
import PeelPipeline

/// `peel`: the root command. All behaviour lives in the library modules; this only reads options.
public struct Peel: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "peel",
        abstract: "Turn HMIC/HMICFRS PEEL inspection reports into typed, partitioned CSV tables.",
        version: ProgramInfo.version,
        subcommands: [RunCommand.self],
        defaultSubcommand: RunCommand.self)

    public init() {}

    /// The process's entry point: ArgumentParser's, after the one check it cannot make (`RunCommand.repeatedOption`).
    public static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let repeated = RunCommand.repeatedOption(in: arguments) {
            // Said as ArgumentParser says a usage error, under the command's full name.
            let usage = usageString(for: RunCommand.self)
            FileHandle.standardError.write(Data("Error: \(repeated.message)\nUsage: \(usage)\n  See 'peel run --help' for more information.\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        main(arguments)
    }

    /// Parses and runs `arguments` as the process would, returning the exit code instead of exiting
    /// (for tests, and for anyone embedding the command).
    public static func exitCode(arguments: [String]) -> Int32 {
        do {
            if let repeated = RunCommand.repeatedOption(in: arguments) { throw repeated }
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            return exitCode(for: error).rawValue
        }
    }
}

extension RunOptions.FailOn: ExpressibleByArgument {}

enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `peel run`: read the input archives and write the dataset.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Read archives of PEEL reports (PDF or text) and write the dataset and its manifest.",
        discussion: """
            Exit status: 0 success; 3 outputs written but validation found errors (see --fail-on); 65 an entry was quarantined or an archive could not be read to its end \
            (outputs are still written); 64 usage; 66 no input; 69 this processor lacks an instruction the binary was built for; \
            71 the system would not start the run's threads; 73 the output folder cannot be created or replaced; 74 writing failed; \
            75 another run holds the lock; 78 bad configuration; 129, 130, 143 stopped by SIGHUP, SIGINT or SIGTERM (the dataset \
            being written is removed).
            """)

    @Option(name: .long, help: ArgumentHelp("An archive, a PDF, a text or HTML file, or a folder of them read recursively, links followed (repeatable; default: Inputs).", valueName: "path"))
    var input: [String] = []

    @Option(name: .long, help: ArgumentHelp("Folder for the dataset; replaced whole at the end of the run.", valueName: "folder"))
    var output = "Outputs"

    // Unconditional: `--jobs -1` is a number out of range, not a missing value and an unknown option "-1".
    @Option(name: .long, parsing: .unconditional, help: "Parse workers (default: one per core).")
    var jobs: Int?

    @Option(name: .long, help: ArgumentHelp("Pipeline configuration, with forces.csv and population.csv beside it (default: ./\(RunOptions.defaultConfigurationPath), else <prefix>/share/peel/pipeline.json beside <prefix>/bin/peel, else the Pipeline/ of the checkout peel was built in).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: "Log lines as text or as one JSON object per line.")
    var logFormat: LogFormat = .text

    @Option(name: .long, help: "Validation findings that make the exit status 3: warning, error (default) or never.")
    var failOn: RunOptions.FailOn = .error

    @Option(name: .long, help: ArgumentHelp("Table files to write: csv (default), parquet, or csv,parquet for both.", valueName: "formats"))
    var format = "csv"

    @Flag(name: .long, help: "Read every archive again; by default archives unchanged since the previous run reuse its results.")
    var full = false

    @Flag(name: .long, help: "Wait for another run on the same output folder to finish, instead of exiting with 75.")
    var wait = false

    @Flag(name: .shortAndLong, help: "Log every archive as well as problems.")
    var verbose = false

    /// The options that hold one value. ArgumentParser keeps the last of a repeated one without a word, so a cron line
    /// that gives `--output` twice writes where only its end says; such a line is refused. (CommandLineTests checks
    /// this list against the options the help shows.)
    static let singleValued: Set<String> = ["--output", "--jobs", "--config", "--log-format", "--fail-on", "--format"]

    /// The first single-valued option given twice, as the usage error that refuses it; nil where help or the version is
    /// asked for, which ArgumentParser shows whatever else the line holds.
    static func repeatedOption(in arguments: [String]) -> ValidationError? {
        if arguments.prefix(while: { $0 != "--" }).contains(where: { ["-h", "--help", "--version"].contains($0) }) { return nil }
        var seen = Set<String>()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" { break }
            guard argument.hasPrefix("--") else { continue }
            let name = String(argument.prefix { $0 != "=" })
            // "--output=folder" holds its value; "--output folder" is followed by it, whatever it looks like.
            if (singleValued.contains(name) || name == "--input") && !argument.contains("=") { index += 1 }
            if singleValued.contains(name) && !seen.insert(name).inserted {
                return ValidationError("\(name) is given more than once; give it once (only the last would have counted)")
            }
        }
        return nil
    }

    func validate() throws {
        // An empty path is most often an unset variable (`--output "$DATASET"` in a cron line): read as the current
        // folder, it would replace a dataset there, or read one back in.
        for (option, paths) in [("--output", [output]), ("--input", input), ("--config", config.map { [$0] } ?? [])] where paths.contains("") {
            throw ValidationError("\(option) is empty (an unset variable?): give it a path")
        }
        if let jobs, !(1...RunOptions.maxJobs).contains(jobs) { throw ValidationError("--jobs must be between 1 and \(RunOptions.maxJobs)") }
        if case .failure(let error) = RunOptions.formats(named: format) { throw ValidationError("--format: \(error.message)") }
    }

    func run() throws {
        let logStyle = logFormat
        let onTerminal = logFormat == .text && isatty(STDERR_FILENO) == 1
        var logger = Logger(label: "peel") { StderrLogHandler(label: $0, format: logStyle, clearsLine: onTerminal) }
        logger.logLevel = verbose ? .info : .notice
        var options = RunOptions(
            inputs: input.isEmpty ? ["Inputs"] : input, output: output,
            jobs: jobs ?? RunOptions.defaultJobs, configurationPath: config)
        options.failOn = failOn
        options.waitForLock = wait
        options.full = full
        options.formats = try RunOptions.formats(named: format).get()
        options.showProgress = onTerminal
        options.entriesInResult = false
        // Past a file-size limit, writes then fail with EFBIG and the run ends with a clear error (exit 74)
        // instead of being killed by SIGXFSZ mid-write.
        signal(SIGXFSZ, SIG_IGN)
        // A log reader that goes away (`peel run 2>&1 | head -1`) must not stop the run: a line written to the closed
        // stderr then fails with EPIPE and is dropped (StderrLogHandler). (It was ignored only once a child process
        // had run, and the run's first child was the pdftotext version probe at its start.)
        signal(SIGPIPE, SIG_IGN)
        do {
            try checkThreadsCanStart(jobs: options.jobs)
            StopSignals.install(logger: logger)
            let result = try PipelineRun.execute(options, logger: logger)
            if result.status != .success { throw ExitCode(result.status.rawValue) }
        } catch let failure as RunFailure {
            logger.error("run failed", metadata: [
                "reason": .string(failure.description), "exit_status": .stringConvertible(Int(failure.status.rawValue)), "status": .string(failure.status.name),
            ])
            throw ExitCode(failure.status.rawValue)
        }
    }
}

/// Ctrl-C, `kill` and cron's `timeout` end a run at once, without leaving its staging folder beside the output folder:
/// the folder goes (`RunStop`), a line says so, and the process exits 128 + the signal's number (130, 143, 129), as a
/// shell reports a process the signal ended. The dataset in the output folder is the last one published, whole.
enum StopSignals {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
    private static let installing = NSLock()

    /// Once a process (a test process runs many commands); `logger` is the first run's.
    static func install(logger: Logger) {
        installing.lock()
        defer { installing.unlock() }
        guard sources.isEmpty else { return }
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP")] {
            // Ignored as a signal, so only the source sees it (children reset every handler before exec).
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global(qos: .userInitiated))
            source.setEventHandler {
                let status = 128 + number
                RunStop.end(status: status) { outcome in
                    logger.error("run stopped", metadata: [
                        "signal": .string(name), "exit_status": .stringConvertible(Int(status)),
                        "staging_removed": .stringConvertible(outcome.removed),
                        "why": .string(outcome.why(signal: name)),
                    ])
                }
            }
            source.resume()
            sources.append(source)
        }
    }
}
