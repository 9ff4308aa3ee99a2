import Testing
@testable import WellbeingCore

@Suite struct DecimalTextTests {
    @Test(arguments: [("4", 4), (" 4 ", 4), ("\t\n4\r\n", 4), ("+4", 4), ("04", 4), ("-1", -1), ("0", 0),
                      ("1000000000", 1_000_000_000)])
    func integerFormsAreRead(text: String, value: Int) {
        #expect(DecimalText.integer(text) == .value(value))
    }

    @Test(arguments: ["four", "4 4", "4.0", "+", "-", "+-4", "4+", "0x4", "٤"])
    func nonIntegersAreRejected(text: String) {
        #expect(DecimalText.integer(text) == .notAnInteger)
    }

    @Test(arguments: ["", "   ", "\n\t"])
    func whitespaceIsEmpty(text: String) {
        #expect(DecimalText.integer(text) == .empty)
    }

    @Test func hugeIntegerIsTooLargeRatherThanOverflowing() {
        #expect(DecimalText.integer(String(repeating: "9", count: 30)) == .tooLarge)
    }

    @Test func fixedDigitsNeedExactlyThatManyDigits() {
        #expect(DecimalText.fixedDigits("202", count: 3) == 202)
        #expect(DecimalText.fixedDigits("020", count: 3) == 20)
        #expect(DecimalText.fixedDigits("20", count: 3) == nil)
        #expect(DecimalText.fixedDigits("2020", count: 3) == nil)
        #expect(DecimalText.fixedDigits("2a2", count: 3) == nil)
    }
}
