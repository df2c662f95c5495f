import Foundation
import Glibc

/// One input file, named as the user gave it (relative paths stay relative, so manifests and the
/// `source_archive` column do not depend on where the run happened).
public struct InputArchive: Sendable, Equatable {
    public let path: String
}

enum InputDiscovery {
    /// Files under each input path, recursively for folders, in byte order of their paths; names that
    /// start with "." are left out (`.gitkeep`, editor files). A path that does not exist is an error.
    static func archives(in paths: [String]) throws(RunFailure) -> [InputArchive] {
        var found: [String] = []
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
            guard let walker = manager.enumerator(atPath: path) else {
                throw RunFailure(.noInput, "\(path): cannot list the folder")
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    walker.skipDescendants()
                    continue
                }
                let full = base + "/" + relative
                if isRegularFile(full) { found.append(full) }
            }
        }
        let unique = Array(Set(found)).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        if unique.isEmpty { throw RunFailure(.noInput, "no input files in \(paths.joined(separator: ", "))") }
        return unique.map(InputArchive.init(path:))
    }
}

/// A regular file, or a symbolic link to one (fifos, sockets and devices are not inputs).
private func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
}
