import Foundation
import Testing

/// bin/peer.py (lxml + pandas, the bench's peer) as an independent check of `aggregate`'s arithmetic.
@Suite("peer pipeline")
struct PeerPipelineTests {
    @Test("every published n, count, mean, sd and percent equals the peer's unsuppressed figure")
    func publishedCellsEqualPeer() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Two LAs, so Local authority and Regional rows differ from National ones.
        let returns = folder.appendingPathComponent("returns")
        let generated = try CommandRunner.run(["generate", "--pupils", "4000", "--schools", "6", "--las", "2",
                                               "--seed", "5", "--quiet", "--out", returns.path])
        #expect(generated.status == 0, "\(generated.stderr)")
        let files = generated.stdout.split(separator: "\n").map(String.init)
        #expect(files.count == 2)

        let out = folder.appendingPathComponent("out")
        let ours = try CommandRunner.run(["aggregate", "--quiet"] + files + ["--out", out.path])
        #expect(ours.status == 0, "\(ours.stderr)")
        let peerCSV = folder.appendingPathComponent("peer.csv").path
        let peer = try CommandRunner.run("python3", ["bin/peer.py"] + files + ["--out", peerCSV])
        #expect(peer.status == 0, "\(peer.stderr)")

        let compared = try CommandRunner.run("python3", ["Tests/WellbeingCLITests/Checkers/compare_peer.py",
                                                         out.appendingPathComponent("indicators.csv").path, peerCSV])
        #expect(compared.status == 0, "\(compared.stdout)\(compared.stderr)")
        // Enough published School cells that the check means something.
        let match = compared.stdout.firstMatch(of: /checked (\d+) cells \((\d+) at School level\)/)
        #expect(Int(match?.output.2 ?? "") ?? 0 >= 500, "\(compared.stdout)")
    }
}
