import Foundation
import Testing
@testable import WellbeingExport

@Suite("Removing a folder of many files")
struct FolderRemovalTests {
    @Test("every file and folder under the path goes, whatever the count; a missing folder is no error",
          arguments: [0, 1, 40])
    func removesTheTree(filesPerFolder: Int) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("removal-\(UUID().uuidString)")
        for folder in ["", "areas", "schools", "schools/deeper"] {
            let url = root.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            for index in 0..<filesPerFolder {
                try Data("page \(index)".utf8).write(to: url.appendingPathComponent("\(index).html"))
            }
        }
        FolderRemoval.remove(root.path)
        #expect(!FileManager.default.fileExists(atPath: root.path))
        FolderRemoval.remove(root.path)
    }
}
