import Testing
import WellbeingCore

@Suite struct UniquePupilNumberTests {
    @Test(arguments: ["B801200005001", "H801200001001", "G80120000101A", "P207000016049"])
    func knownGoodUPNIsValid(upn: String) throws {
        _ = try UniquePupilNumber(validating: upn)
    }

    @Test(arguments: ["Q207000016049", "A801200005001", "H801200001002", "G80120000101B"])
    func wrongCheckLetterIsRejected(upn: String) {
        #expect(throws: UniquePupilNumber.Problem.checkLetter) { try UniquePupilNumber(validating: upn) }
    }

    @Test(arguments: [
        "", "P20700001604", "P2070000160499", "p207000016049", "I207000016049", "O207000016049", "S207000016049",
        "P20700001604I", "P2070A0016049", "1207000016049", "P207000016049 ", " P207000016049", "P２07000016049",
    ])
    func malformedUPNIsRejected(upn: String) {
        #expect(throws: UniquePupilNumber.Problem.format) { try UniquePupilNumber(validating: upn) }
    }

    @Test func keyIsTheSameForTheSameUPNAndDiffersOtherwise() throws {
        let upns = ["B801200005001", "H801200001001", "G80120000101A", "P207000016049", "Y202410419001",
                    "M202410419002"]
        let keys = try upns.map { try UniquePupilNumber(validating: $0).key }
        #expect(Set(keys).count == upns.count)
        #expect(try UniquePupilNumber(validating: "P207000016049").key == keys[3])
    }

    @Test func temporaryAndPermanentUPNsWithTheSameDigitsHaveDifferentKeys() throws {
        // The 13th character is a digit (0–9) or a letter (10 + its index), so 'A' (index 0) is not '0'.
        let temporary = try UniquePupilNumber(validating: "G80120000101A")
        let permanentCheck = try UniquePupilNumber(validating: "B801200005001")
        #expect(temporary.key % 33 == 10)
        #expect(permanentCheck.key % 33 == 1)
    }
}
