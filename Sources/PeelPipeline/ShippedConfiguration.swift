import Foundation

/// Where a run finds the configuration and reference tables the program ships (`Pipeline/`) when `--config` is
/// not given, so that peel runs from any folder: the working folder's `Pipeline/` first (a local override), then
/// the install folder beside the executable (`<prefix>/share/peel/`, for `<prefix>/bin/peel`), then the
/// `Pipeline/` of the checkout the binary was built in.
public enum ShippedConfiguration {
    public static func candidates() -> [String] {
        var paths = [RunOptions.defaultConfigurationPath]
        if let executable = realPath("/proc/self/exe") {
            let bin = URL(fileURLWithPath: executable).deletingLastPathComponent()
            paths.append(bin.deletingLastPathComponent().appendingPathComponent("share/peel/pipeline.json").path)
        }
        // Sources/PeelPipeline/ShippedConfiguration.swift → the checkout's root.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        paths.append(checkout.appendingPathComponent("Pipeline/pipeline.json").path)
        return paths
    }

    /// The first candidate that exists, or a failure that says where it looked and what to do.
    static func locate() throws(RunFailure) -> String {
        let paths = candidates()
        if let found = paths.first(where: { FileManager.default.fileExists(atPath: $0) }) { return found }
        throw RunFailure(.configuration, "no configuration found (looked for \(paths.joined(separator: ", "))): give one with --config FILE, "
            + "in a folder that also holds forces.csv and population.csv (the repository's Pipeline/), or install them in <prefix>/share/peel/ beside <prefix>/bin/peel")
    }
}
