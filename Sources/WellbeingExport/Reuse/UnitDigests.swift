import WellbeingCore
import WellbeingReportCards

/// The digest of everything each unit's rows are made from, for every unit of an export's tables.
///
/// A unit's rows in the CSV, JSON and workbook are a function of its cells, statuses, geography and
/// roll, its benchmark's cells and statuses (the comparison), its table's wave, year and categories,
/// the catalogue and the build that writes them: the digest folds in all of them, so a part kept from
/// a previous export is the part this export would write.
struct UnitDigests: Sendable {
    /// By table, then unit.
    private let units: [[ContentDigest]]

    /// The digests, or nil when no part may be kept: the running build is unknown, or the export is a
    /// subset (whose rows the digests do not describe).
    init?(tables: [IndicatorTable], catalogue: Catalogue, filter: PublicationFilter) {
        guard let build = BuildIdentity.current, filter.keepsEverything else { return nil }
        var shared = ContentDigest()
        shared.add(build)
        shared.add(catalogue: catalogue)
        units = tables.map { table in
            var context = shared
            context.add(table.wave.code)
            context.add(table.academicYear.code)
            for category in table.layout.categories {
                context.add(category.breakdown.rawValue)
                context.add(category.label)
            }
            // Tens of milliseconds for a national table: not worth a second core.
            let own = table.units.map(ContentDigest.init(unit:))
            return table.units.indices.map { index in
                var digest = context
                digest.add(own[index])
                if let benchmark = table.units[index].benchmark { digest.add(own[benchmark]) } else { digest.add(-1) }
                return digest
            }
        }
    }

    /// The digest of a unit's part of the file `name` (parts of different files never stand in for each other).
    func digest(table: Int, unit: Int, file name: String) -> ContentDigest {
        var digest = units[table][unit]
        digest.add(name)
        return digest
    }
}
