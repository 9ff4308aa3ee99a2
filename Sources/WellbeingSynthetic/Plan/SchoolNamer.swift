import WellbeingCore

/// Invents plausible, unique-within-the-LA school names.
///
/// Names mix invented English place names with the patterns real schools use
/// (church schools, academies, colleges), and a few carry accents,
/// apostrophes, ampersands or Welsh, so every output path has to cope with
/// them: "St Mary's C of E Primary", "Ysgol Gymraeg Bro Élan",
/// "Holy Trinity & St Saviour's C of E Primary".
struct SchoolNamer {
    private var used: Set<String> = []

    /// A fresh name for a school of this phase.
    mutating func name(for phase: SchoolPhase, random: inout SeededRandom) -> String {
        for _ in 0..<20 {
            let candidate = Self.candidate(for: phase, random: &random)
            if used.insert(candidate).inserted { return candidate }
        }
        // Very large LAs can exhaust the patterns; a site name keeps names distinct.
        let base = "\(Self.candidate(for: phase, random: &random)), \(Self.place(random: &random))"
        var site = 2
        while !used.insert("\(base) site \(site)").inserted { site += 1 }
        return "\(base) site \(site)"
    }

    private static func candidate(for phase: SchoolPhase, random: inout SeededRandom) -> String {
        let place = place(random: &random)
        let saint = pick(saints, &random)
        switch phase {
        case .primary:
            return switch random.below(12) {
            case 0, 1, 2: "\(place) Primary School"
            case 3: "\(place) Community Primary School"
            case 4: "\(place) Junior School"
            case 5: "St \(saint) C of E Primary"
            case 6: "St \(saint) Catholic Primary School"
            case 7: "\(place) Church of England Primary Academy"
            case 8: "\(place) Primary Academy"
            case 9: random.below(4) == 0 ? "Holy Trinity & St Saviour's C of E Primary" : "\(place) Village School"
            case 10: random.below(3) == 0 ? "Ysgol Gymraeg Bro Élan" : "Our Lady & St \(saint) Catholic Primary"
            default: "\(place) C of E Primary School"
            }
        case .middle:
            return random.below(3) == 0 ? "St \(saint) C of E Middle School" : "\(place) Middle School"
        case .secondary:
            return switch random.below(10) {
            case 0, 1: "\(place) High School"
            case 2, 3: "\(place) Academy"
            case 4: "\(place) School"
            case 5: "\(place) Community College"
            case 6: "St \(saint) Catholic College"
            case 7: "\(place) Grammar School"
            case 8: "The \(place) School"
            default: random.below(4) == 0 ? "Brontë Girls' Academy" : "\(place) Church of England Academy"
            }
        case .allThrough:
            return random.below(2) == 0 ? "\(place) All-Through School" : "\(place) Academy (3–18)"
        case .special:
            return switch random.below(4) {
            case 0: "\(place) Special School"
            case 1: "The \(place) School"
            case 2: "\(place) Academy – Specialist Provision"
            default: "\(place) Hill School"
            }
        case .pru:
            return switch random.below(3) {
            case 0: "\(place) Pupil Referral Unit"
            case 1: "\(place) Alternative Provision Academy"
            default: "The \(place) Centre"
            }
        }
    }

    private static func place(random: inout SeededRandom) -> String {
        if random.below(40) == 0 { return pick(specialPlaces, &random) }
        return pick(placeStarts, &random) + pick(placeEnds, &random)
    }

    private static func pick(_ list: [String], _ random: inout SeededRandom) -> String {
        list[random.below(list.count)]
    }

    private static let placeStarts = [
        "Ash", "Brad", "Carl", "Dun", "Elm", "Fair", "Green", "Hart", "King", "Lang", "Mill", "North", "Oak",
        "Park", "Queen", "Red", "Stan", "Thorn", "West", "Whit", "Wood", "Black", "Brook", "Ches", "Horn", "Ald",
        "Bur", "Cran", "Dray", "East", "Glen", "Hol", "Kirk", "Lind", "Mar", "New", "Pen", "Rad", "Shel", "Tad",
    ]
    private static let placeEnds = [
        "ford", "field", "ley", "ton", "wood", "bury", "dale", "mead", "well", "gate", "ham", "hurst", "by",
        "worth", "combe", "stead", "bridge", "cote", "wick", "thorpe",
    ]
    private static let specialPlaces = [
        "Abbey Wood", "Saint-Omer", "Chloë Park", "Notre Dame", "Hambleton-le-Moors", "O'Connell", "Bryn Mawr",
        "Lady Margaret", "Beaumont-Dérive", "Bishop's Stortford", "Kings' Langley",
    ]
    private static let saints = [
        "Mary's", "Joseph's", "John's", "Peter's", "Paul's", "Anne's", "Michael's", "Francis's", "Bede's",
        "Hilda's", "Cuthbert's", "Augustine's", "Teresa's", "Chad's", "Wilfrid's", "Aidan's", "Edmund's",
        "Swithun's", "Thomas More", "Margaret Clitherow's", "Oswald's", "Werburgh's",
    ]
}
