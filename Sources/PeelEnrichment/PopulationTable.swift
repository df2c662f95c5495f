import CSV
public import PeelReport

/// ONS mid-year population per police force area and year, from `Pipeline/population.csv`.
public struct PopulationTable: Sendable {
    public struct Estimate: Sendable, Equatable {
        public let population: Int
        /// The ONS release it was read from (`ons_mye_2014` …), see Pipeline/SOURCES.md.
        public let source: String
    }

    private let estimates: [String: [Int: Estimate]]
    public let years: ClosedRange<Int>

    public struct InvalidTable: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads `force_id,year,population,source` rows and checks that every force of the registry has every
    /// year the file covers, once, and that every row comes from `vintage` (an error names the line).
    public init(csv text: String, forces: ForceRegistry, vintage: PopulationVintage = .firstRelease) throws(InvalidTable) {
        var estimates: [String: [Int: Estimate]] = [:]
        var lines: [String: [Int: Int]] = [:]
        do {
            let reader = try CSVReader(string: text, hasHeaderRow: true)
            var line = 1
            while reader.next() != nil {
                line += 1
                guard let id = reader["force_id"], let year = reader["year"].flatMap({ Int($0) }),
                      let population = reader["population"].flatMap({ Int($0) }), population > 0 else {
                    throw InvalidTable(description: "line \(line): needs force_id, year and a positive population")
                }
                guard forces.force(id: id) != nil else { throw InvalidTable(description: "line \(line): unknown force \"\(id)\"") }
                if let first = lines[id]?[year] {
                    throw InvalidTable(description: "line \(line): a second population for \(id) in \(year) (the first is on line \(first))")
                }
                let source = reader["source"] ?? ""
                if let mismatch = vintage.mismatch(year: year, source: source) {
                    throw InvalidTable(description: "line \(line): not of the \(vintage.rawValue) vintage (population.vintage): \(mismatch)")
                }
                lines[id, default: [:]][year] = line
                estimates[id, default: [:]][year] = Estimate(population: population, source: source)
            }
        } catch let error as InvalidTable {
            throw error
        } catch {
            throw InvalidTable(description: "\(error)")
        }
        let allYears = Set(estimates.values.flatMap(\.keys))
        guard let first = allYears.min(), let last = allYears.max() else { throw InvalidTable(description: "no rows") }
        for force in forces.forces {
            guard let years = estimates[force.id] else { throw InvalidTable(description: "no population for force \"\(force.id)\"") }
            if let missing = (first...last).first(where: { years[$0] == nil }) {
                throw InvalidTable(description: "no population for force \"\(force.id)\" in \(missing)")
            }
        }
        self.estimates = estimates
        years = first...last
    }

    public var rowCount: Int { estimates.values.reduce(0) { $0 + $1.count } }

    public func estimate(_ forceID: String, _ year: Int) -> Estimate? {
        estimates[forceID]?[year]
    }

    /// England and Wales: the sum of the 43 police force areas (equal to ONS's published total).
    public func englandAndWales(_ year: Int) -> Int? {
        let values = estimates.values.compactMap { $0[year]?.population }
        return values.count == estimates.count ? values.reduce(0, +) : nil
    }
}
