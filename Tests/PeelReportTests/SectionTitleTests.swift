@testable import PeelReport
import Testing

struct SectionTitleTests {
    @Test("section titles lie in the length range sectionQuestion checks first")
    func lengths() {
        #expect(FindingExtractor.sectionTitles.allSatisfy { (23...51).contains($0.utf8.count) })
    }
}
