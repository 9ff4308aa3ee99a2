import Testing
import WellbeingCore

@Suite struct SchoolIdentifiersTests {
    @Test(arguments: [("100000", 100_000), ("100049", 100_049), ("999999", 999_999)])
    func validURNIsRead(text: String, value: Int) {
        #expect(SchoolIdentifiers.urn(text) == value)
    }

    @Test(arguments: ["099999", "10049", "1000490", "", "1OOO49", " 100049", "+10049", "-100049"])
    func invalidURNIsRejected(text: String) {
        #expect(SchoolIdentifiers.urn(text) == nil)
    }

    @Test func laestabWithTheReturnsLACodeIsRead() {
        #expect(SchoolIdentifiers.laestab("2024104", laCode: "202") == .success(2_024_104))
        #expect(SchoolIdentifiers.laestab("0010001", laCode: nil) == .success(10_001))
    }

    @Test(arguments: ["202410", "20241040", "202410A", "", "202 4104"])
    func malformedLAESTABIsRejected(text: String) {
        #expect(SchoolIdentifiers.laestab(text, laCode: "202") == .failure(.format))
    }

    @Test func laestabOfAnotherLAIsRejectedWithItsLAPart() {
        #expect(SchoolIdentifiers.laestab("3034104", laCode: "202") == .failure(.otherAuthority(laPart: "303")))
    }

    @Test(arguments: [("P001", true), ("H7-0001", true), ("a.b_c-9", true), (String(repeating: "x", count: 32), true),
                      ("", false), (String(repeating: "x", count: 33), false), ("P 1", false), ("Pé", false),
                      ("P/1", false)])
    func pupilRefRule(text: String, valid: Bool) {
        #expect(PupilRef.isValid(text) == valid)
    }
}
