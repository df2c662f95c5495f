import Foundation
import Glibc

/// One input file, named as the user gave it (relative paths stay relative, so manifests and the
/// `source_archive` column do not depend on where the run happened).
public struct InputArchive: Sendable, Equatable {
    public let path: String
}

enum InputDiscovery {
    /// The input files, and the folders inside the inputs that were passed over because they are peel datasets.
    struct Found {
        var archives: [InputArchive]
        var datasetsPassedOver: [String]
    }

    /// Files under each input path, recursively for folders, in byte order of their paths; names that
    /// start with "." are left out (`.gitkeep`, editor files), and so are folders that are peel datasets (their
    /// tables are no reports). A path that does not exist, or that is itself a dataset, is an error.
    static func archives(in paths: [String]) throws(RunFailure) -> Found {
        var found: [String] = []
        var datasets: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw RunFailure(.noInput, "\(path): no such file or folder")
            }
            if !isDirectory.boolValue {
                // A fifo or device would block the reader forever: only regular files are inputs.
                guard isRegularFile(path) else { throw RunFailure(.noInput, "\(path): not a regular file") }
                found.append(path)
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            if isPeelManifest(base + "/manifest.json") {
                throw RunFailure(.usage, "--input \(path) is a peel dataset (its manifest.json was written by peel), not a folder of reports")
            }
            guard let walker = manager.enumerator(atPath: path) else {
                throw RunFailure(.noInput, "\(path): cannot list the folder")
            }
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    walker.skipDescendants()
                    continue
                }
                let full = base + "/" + relative
                if isRegularFile(full) {
                    found.append(full)
                } else if isPeelManifest(full + "/manifest.json") {
                    walker.skipDescendants()
                    datasets.append(full)
                }
            }
        }
        // A file of a dataset listed before its folder was known to be one (a sibling sorted before manifest.json).
        found.removeAll { file in datasets.contains { file.hasPrefix($0 + "/") } }
        let unique = Array(Set(found)).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        if unique.isEmpty { throw RunFailure(.noInput, "no input files in \(paths.joined(separator: ", "))") }
        return Found(archives: unique.map(InputArchive.init(path:)), datasetsPassedOver: datasets.sorted())
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
    }
}

/// A regular file, or a symbolic link to one (fifos, sockets and devices are not inputs).
private func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
}
