import Foundation
import Glibc
import PeelArchive

/// One input file, named as the user gave it (relative paths stay relative, so manifests and the
/// `source_archive` column do not depend on where the run happened).
public struct InputArchive: Sendable, Equatable {
    public let path: String
    /// Why it cannot be read at all, found while looking for the inputs (a folder that cannot be listed, a name that
    /// is not UTF-8): it is an input that failed, named and said like any other, not one quietly missing.
    public var unreadable: String?

    public init(path: String, unreadable: String? = nil) {
        self.path = path
        self.unreadable = unreadable
    }
}

enum InputDiscovery {
    /// The input files, and what inside the input folders was passed over.
    struct Found {
        var archives: [InputArchive]
        /// Folders inside the inputs that are peel datasets (their tables are no reports).
        var datasetsPassedOver: [String]
        /// Other things inside the input folders that are not read, each with why.
        var passedOver: [PassedOver]
    }

    /// A thing inside an input folder that is not read: a fifo, socket or device (a read could block on it forever
    /// or never end), a link to a folder read already (a loop, or two names for one).
    struct PassedOver: Sendable, Equatable {
        let path: String
        let reason: String
    }

    /// Files under each input path, recursively for folders (through symbolic links to files and folders alike, each
    /// folder read once), in byte order of their paths; names that start with "." are left out (`.gitkeep`, editor
    /// files), and so are folders that are peel datasets. A path that does not exist, or that is itself a dataset, is
    /// an error. A link to nothing inside a folder is an input like any file: its reading fails, naming the link.
    static func archives(in paths: [String]) throws(RunFailure) -> Found {
        var walk = FolderWalk()
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                if let target = symbolicLinkTarget(path) {
                    throw RunFailure(.noInput, "\(path): a symbolic link to \(target), which does not exist")
                }
                throw RunFailure(.noInput, "\(path): no such file or folder")
            }
            if info.st_mode & S_IFMT != S_IFDIR {
                // A fifo or device would block the reader forever: only regular files are inputs.
                guard info.st_mode & S_IFMT == S_IFREG else { throw RunFailure(.noInput, "\(path): not a regular file") }
                walk.files.append(path)
                continue
            }
            let base = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
            if isPeelManifest(base + "/manifest.json") {
                throw RunFailure(.usage, "--input \(path) is a peel dataset (its manifest.json was written by peel), not a folder of reports")
            }
            if let failure = walk.read(base) { throw RunFailure(.noInput, "\(path): cannot list the folder: \(failure)") }
        }
        // Paths are told apart by their bytes: two names that differ only in their Unicode normalisation ("café" with
        // "é" one character or two) are two files, where String's equality took them for one and read only one.
        var seen = Set<[UInt8]>()
        let unique = (walk.files + walk.unreadable.keys.sorted(by: inByteOrder)).filter { seen.insert(Array($0.utf8)).inserted }.sorted(by: inByteOrder)
        let unreadable = Dictionary(walk.unreadable.map { (Array($0.key.utf8), $0.value) }, uniquingKeysWith: { first, _ in first })
        if unique.isEmpty { throw RunFailure(.noInput, "no input files in \(paths.joined(separator: ", "))") }
        return Found(archives: unique.map { InputArchive(path: $0, unreadable: unreadable[Array($0.utf8)]) }, datasetsPassedOver: walk.datasets.sorted(),
                     passedOver: walk.passedOver)
    }

    /// Refuses inputs and an output that overlap: a run would read its own dataset, or every run the previous one.
    /// `output` is the resolved output folder.
    static func checkSeparate(inputs: [String], output: String, outputAsGiven: String) throws(RunFailure) {
        for input in inputs {
            guard let real = realPath(input) else { continue }  // a missing input is reported by archives(in:)
            if real == output || real.hasPrefix(output + "/") {
                throw RunFailure(.usage, "--input \(input) is inside the output folder --output \(outputAsGiven) (\(output)): the run would read its own dataset; give inputs outside the output folder")
            }
            if output.hasPrefix(real + "/") {
                throw RunFailure(.usage, "--output \(outputAsGiven) is inside --input \(input) (\(real)): every run would read the previous dataset back in; put the output folder outside the inputs")
            }
        }
        // Inside another dataset (a partition folder of its tables, say), a dataset's files would be read as that one's
        // tables by a reader that lists them, and that dataset's next run would take them away.
        var folder = (output as NSString).deletingLastPathComponent
        while folder.count > 1 {
            if isPeelManifest(folder + "/manifest.json") {
                throw RunFailure(.usage, "--output \(outputAsGiven) is inside the peel dataset \(folder): its files would be read as that dataset's own, and its next run would remove them; give an output folder outside it")
            }
            folder = (folder as NSString).deletingLastPathComponent
        }
    }
}

/// The walk of the input folders: what each holds, folder by folder in byte order of names.
private struct FolderWalk {
    var files: [String] = []
    var datasets: [String] = []
    var passedOver: [InputDiscovery.PassedOver] = []
    /// Things inside the input folders that could hold reports but cannot be read, by the path they are shown as:
    /// why (a folder that cannot be listed, a name that is not UTF-8).
    var unreadable: [String: String] = [:]
    /// Each folder read, by its real path's bytes (every link resolved): the path it was first read as.
    var folders: [[UInt8]: String] = [:]

    /// Reads the folder at `path` and, depth first, the folders in it; why it cannot be listed, if it cannot.
    mutating func read(_ path: String) -> SystemCallError? {
        if let real = realPath(path) {
            if let first = folders[Array(real.utf8)] {
                passedOver.append(.init(path: path, reason: first.utf8.elementsEqual(path.utf8) ? "named twice" : "the folder \(first) again, read once"))
                return nil
            }
            folders[Array(real.utf8)] = path
        }
        let names: [FolderName]
        switch folderNames(path) {
        case .success(let listed): names = listed
        case .failure(let failure): return failure
        }
        for name in names where !name.text.hasPrefix(".") {
            let full = path + "/" + name.text
            guard name.isUTF8 else {
                unreadable[full] = "its name is not UTF-8 (its bytes are shown escaped), so it cannot be named to be read: rename it (convmv -f latin1 -t utf8, say)"
                continue
            }
            var info = stat()
            guard stat(full, &info) == 0 else {
                // A link to nothing, or a name that cannot be reached: its reading fails and says why.
                files.append(full)
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                files.append(full)
            case S_IFDIR:
                // A dataset's folder (an earlier run's output among the inputs) holds no report. One that holds files
                // a dataset does not (reports, beside a manifest.json copied in) is a folder of inputs: read.
                if isPeelManifest(full + "/manifest.json"),
                   OutputFolder.foreignFiles(in: full, tables: ReportTables.schemas.map(\.name)).isEmpty {
                    datasets.append(full)
                } else if let failure = read(full) {
                    unreadable[full] = "cannot list the folder: \(failure)"
                }
            default:
                passedOver.append(.init(path: full, reason: "\(fileKind(info.st_mode)), not a regular file"))
            }
        }
        return nil
    }
}

// MARK: - System calls

/// What a file that is not a regular file is, as a person calls it.
func fileKind(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFIFO: "a fifo"
    case S_IFSOCK: "a socket"
    case S_IFDIR: "a folder"
    case S_IFLNK: "a symbolic link"
    default: "a device"
    }
}

/// A name in a folder: its text, and whether that is its bytes (a name that is not UTF-8 is shown with the bytes that
/// are not escaped, "lat\\xE9in.txt", and no file has that name).
private struct FolderName {
    let text: String
    let isUTF8: Bool
}

/// The names in a folder ("." and ".." left out) in byte order, or the system's reason it cannot be listed.
private func folderNames(_ path: String) -> Result<[FolderName], SystemCallError> {
    guard let folder = opendir(path) else { return .failure(SystemCallError(description: errorText())) }
    defer { closedir(folder) }
    var names: [FolderName] = []
    while true {
        errno = 0
        guard let entry = readdir(folder) else {
            if errno != 0 { return .failure(SystemCallError(description: errorText())) }
            break
        }
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            let cString = raw.bindMemory(to: CChar.self).baseAddress!
            return String(validatingCString: cString).map { FolderName(text: $0, isUTF8: true) }
                ?? FolderName(text: EntryName.display(cString: cString), isUTF8: false)
        }
        if name.text != "." && name.text != ".." { names.append(name) }
    }
    return .success(names.sorted { inByteOrder($0.text, $1.text) })
}

/// Paths in the order of their UTF-8 bytes, the same on every machine and locale (compared in place: an array of each
/// path's bytes made for every comparison cost an allocation each).
private func inByteOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
