import Foundation
@testable import PeelPipeline
import Testing

/// What a stop signal's `run stopped` line says of the output folder. A stop that came just after the swap (an operator
/// audit sent SIGTERM as the run published) was told "the dataset being written was removed", though nothing was
/// removed and the new dataset stood in the output folder.
@Suite("A stop says what it left")
struct RunStopTests {
    private func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("peel-runstop-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("a stop while the dataset is written removes it, and says so")
    func whileWriting() throws {
        let parent = try folder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let staging = parent + "/.Outputs.staging-run"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        // A registry of its own: a stop holds its lock until the process ends.
        let folders = StagingFolders()
        #expect(folders.begin(staging))
        let (cleared, published) = folders.clearForStop()
        #expect(cleared == [staging] && !published)
        // The folder is gone; an empty file holds its name until the process ends.
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: staging, isDirectory: &isFolder) && !isFolder.boolValue)
        let why = RunStop.Outcome(removed: cleared.count, published: published).why(signal: "SIGTERM")
        #expect(why.contains("the dataset being written was removed"), "\(why)")
    }

    @Test("a stop after the swap finds the new dataset published, and says that it stands")
    func afterTheSwap() throws {
        let parent = try folder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let staging = parent + "/.Outputs.staging-run", target = parent + "/Outputs"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        let folders = StagingFolders()
        #expect(folders.begin(staging))
        var renamed: Int32 = -1
        #expect(folders.publishing { renamed = rename(staging, target) })
        #expect(renamed == 0)
        folders.end(staging)
        let (cleared, published) = folders.clearForStop()
        #expect(cleared.isEmpty && published)
        #expect(FileManager.default.fileExists(atPath: target))
        let why = RunStop.Outcome(removed: cleared.count, published: published).why(signal: "SIGTERM")
        #expect(!why.contains("removed") && why.contains("after this run's dataset was published"), "\(why)")
    }
}
