import Foundation
import PeelReport

/// Reference tables the program ships in `Pipeline/`, loaded and checked at start-up, with checksums for
/// the manifest.
struct ReferenceData: Sendable {
    let forces: ForceRegistry
    let files: [Manifest.ReferenceRecord]

    /// Loads the reference files from `folder` (the configuration file's folder, or `Pipeline`).
    static func load(folder: String) throws(RunFailure) -> ReferenceData {
        let path = folder + "/forces.csv"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunFailure(.configuration, "\(path): cannot read the force registry")
        }
        let forces: ForceRegistry
        do { forces = try ForceRegistry(csv: String(decoding: data, as: UTF8.self)) } catch {
            throw RunFailure(.configuration, "\(path): \(error.description)")
        }
        let record = Manifest.ReferenceRecord(path: path, sha256: sha256Hex(Array(data)), rows: forces.forces.count)
        return ReferenceData(forces: forces, files: [record])
    }
}
