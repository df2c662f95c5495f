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
        let data: Data
        switch readSettingsFile(path) {
        case .success(let read): data = read
        case .failure(let error): throw RunFailure(.configuration, "\(path): cannot read the force registry: \(error)")
        }
        let forces: ForceRegistry
        do { forces = try ForceRegistry(csv: csvText(data)) } catch {
            throw RunFailure(.configuration, "\(path): \(error.description)")
        }
        let record = Manifest.ReferenceRecord(path: path, sha256: sha256Hex(Array(data)), rows: forces.forces.count)

        let populationPath = folder + "/" + policy.file
        let populationData: Data
        switch readSettingsFile(populationPath) {
        case .success(let read): populationData = read
        case .failure(let error): throw RunFailure(.configuration, "\(populationPath): cannot read the population table: \(error)")
        }
        let population: PopulationTable
        do { population = try PopulationTable(csv: csvText(populationData), forces: forces, vintage: policy.vintage) } catch {
            throw RunFailure(.configuration, "\(populationPath): \(error.description)")
        }
        try check(policy, forces: forces, population: population, file: populationPath)
        let populationRecord = Manifest.ReferenceRecord(path: populationPath, sha256: sha256Hex(Array(populationData)), rows: population.rowCount)
        return ReferenceData(forces: forces, denominators: Denominators(table: population, policy: policy), files: [record, populationRecord])
    }

    /// A reference file's text, without the byte-order mark Excel's "CSV UTF-8" writes first (left in, it made the
    /// first column's name another, and a correct table was refused for a column it has).
    private static func csvText(_ data: Data) -> String {
        let bytes = Array(data)
        return String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...], as: UTF8.self)
    }

    /// Every force id and metric the policy names exists, and the table holds a population for every report year
    /// the parser reads: a typo must never silently bring back, or take away, a denominator.
    private static func check(_ policy: DenominatorPolicy, forces: ForceRegistry, population: PopulationTable, file: String) throws(RunFailure) {
        let metrics = Set(Vocabulary.metrics)
        for (index, area) in policy.combinedAreas.enumerated() {
            if let unknown = area.forces.first(where: { forces.force(id: $0) == nil }) {
                throw RunFailure(.configuration, "population.combined_areas[\(index)]: unknown force \"\(unknown)\" (not in forces.csv)")
            }
            if let unknown = area.metrics.sorted().first(where: { !metrics.contains($0) }) {
                throw RunFailure(.configuration, "population.combined_areas[\(index)]: unknown metric \"\(unknown)\" (not in the contract's metrics)")
            }
        }
        if let unknown = policy.unusable.keys.sorted().first(where: { forces.force(id: $0) == nil }) {
            throw RunFailure(.configuration, "population.unusable_denominators: unknown force \"\(unknown)\" (not in forces.csv)")
        }
        for reportYear in ReportParser.forceReportYears {
            let year = policy.populationYear(forReportYear: reportYear)
            guard population.years.contains(year) else {
                let rule = policy.yearOverrides[reportYear] != nil ? "year_overrides" : "year_offset \(policy.yearOffset)"
                throw RunFailure(.configuration, "population: \(reportYear) reports need mid-\(year) populations (\(rule)), which \(file) does not have (it covers \(population.years.lowerBound)–\(population.years.upperBound))")
            }
        }
    }
}
