import Foundation

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
                var isFolder: ObjCBool = false
                if manager.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                    found.append(full)
                }
            }
        }
        let unique = Array(Set(found)).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        if unique.isEmpty { throw RunFailure(.noInput, "no input files in \(paths.joined(separator: ", "))") }
        return unique.map(InputArchive.init(path:))
    }
}
