import Foundation
import PeelEnrichment
import PeelReport

/// Reference tables the program ships in `Pipeline/`, loaded and checked at start-up, with checksums for
/// the manifest.
struct ReferenceData: Sendable {
    let forces: ForceRegistry
    let denominators: Denominators
    let files: [Manifest.ReferenceRecord]

    /// Loads the reference files from `folder` (the configuration file's folder, or `Pipeline`).
    static func load(folder: String, policy: DenominatorPolicy) throws(RunFailure) -> ReferenceData {
        let path = folder + "/forces.csv"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunFailure(.configuration, "\(path): cannot read the force registry")
        }
        let forces: ForceRegistry
        do { forces = try ForceRegistry(csv: String(decoding: data, as: UTF8.self)) } catch {
            throw RunFailure(.configuration, "\(path): \(error.description)")
        }
        let record = Manifest.ReferenceRecord(path: path, sha256: sha256Hex(Array(data)), rows: forces.forces.count)

        let populationPath = folder + "/" + policy.file
        guard let populationData = FileManager.default.contents(atPath: populationPath) else {
            throw RunFailure(.configuration, "\(populationPath): cannot read the population table")
        }
        let population: PopulationTable
        do { population = try PopulationTable(csv: String(decoding: populationData, as: UTF8.self), forces: forces) } catch {
            throw RunFailure(.configuration, "\(populationPath): \(error.description)")
        }
        for area in policy.combinedAreas {
            if let unknown = area.forces.first(where: { forces.force(id: $0) == nil }) {
                throw RunFailure(.configuration, "population.combined_areas: unknown force \"\(unknown)\"")
            }
        }
        let populationRecord = Manifest.ReferenceRecord(path: populationPath, sha256: sha256Hex(Array(populationData)), rows: population.rowCount)
        return ReferenceData(forces: forces, denominators: Denominators(table: population, policy: policy), files: [record, populationRecord])
    }
}
