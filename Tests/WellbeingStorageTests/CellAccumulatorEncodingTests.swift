import Testing
import WellbeingCore

/// A school's partial sums survive the store's byte form exactly, and damaged bytes are refused.
@Suite struct CellAccumulatorEncodingTests {
    static let catalogue = StoreTestSupport.reference.catalogue
    static let layout = CategoryLayout(catalogue: catalogue)
    static let kinds = catalogue.indicators.map(\.kind)

    /// Real sums: the hand-checkable fixture's schools, with means, proportions and counts.
    static func schools() throws -> [SchoolAggregate] {
        var aggregator = ReturnAggregator(catalogue: catalogue)
        _ = try StoreTestSupport.reader.read(file: StoreTestSupport.fixture("valid/hand-checkable.xml"),
                                             into: &aggregator)
        return aggregator.aggregation.schools.values.flatMap(\.values)
    }

    static func decode(_ bytes: [UInt8]) -> CellAccumulator? {
        bytes.withUnsafeBytes { CellAccumulator(encoded: $0, categoryCount: layout.count, kinds: kinds) }
    }

    @Test func sumsRoundTrip() throws {
        let schools = try Self.schools()
        #expect(schools.count == 2)
        for school in schools {
            #expect(!school.cells.sums.allSatisfy { $0 == 0 })
            #expect(Self.decode(school.cells.encoded()) == school.cells)
        }
        let empty = CellAccumulator(categoryCount: Self.layout.count, kinds: Self.kinds)
        #expect(Self.decode(empty.encoded()) == empty)
    }

    @Test func damagedOrForeignBytesAreRefused() throws {
        let bytes = try #require(try Self.schools().first).cells.encoded()
        #expect(Self.decode(Array(bytes.dropLast())) == nil)
        #expect(Self.decode(bytes + [0]) == nil)
        #expect(Self.decode([CellAccumulator.encodingFormat + 1] + bytes.dropFirst()) == nil)
        #expect(Self.decode([]) == nil)
        let otherShape = CellAccumulator(categoryCount: Self.layout.count + 1, kinds: Self.kinds).encoded()
        #expect(Self.decode(otherShape) == nil)
    }
}
