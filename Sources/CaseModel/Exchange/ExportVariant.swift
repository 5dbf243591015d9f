import Foundation

/// Which export: who may make it and what it may contain.
public enum ExportVariant: String, Sendable, CaseIterable {
    /// The default: no names, no exact dates, no free text; a pseudonymous id; cases whose person
    /// refused anonymous statistics are left out. Coded answers and numbers only, plus the year of
    /// intake and the CTDC age band.
    case anonymised
    /// Every field under its key (the format `import` reads). Coordinators only; logged.
    case identifiable
    /// Anonymised, with the column names and values of IOM's CTDC data set.
    case ctdc
    /// Every field, in the columns of IOM's HTCDS 2.0 spreadsheet template (its field names, then
    /// its labels as the second row), followed by the fields HTCDS has no column for under their
    /// Refuge keys. Identifiable, like the template.
    case htcds

    /// Holds names, dates and free text: coordinators only, and always recorded.
    public var isIdentifiable: Bool { self == .identifiable || self == .htcds }

    /// CTDC and HTCDS are read by IOM's tools: their columns and values are theirs, never
    /// translated for people.
    public var keepsItsOwnWording: Bool { self == .ctdc || self == .htcds }
}

/// The age bands CTDC publishes, derived from an exact age.
public enum AgeBands {
    /// The band as a person reads it ("27–29"), for Refuge's own anonymised export.
    public static func readable(_ age: Int?) -> String { ctdc(age).replacingOccurrences(of: "--", with: "–") }

    /// The band in CTDC's own coding ("27--29"), which its data set's columns require.
    public static func ctdc(_ age: Int?) -> String {
        guard let age else { return "" }
        switch age {
        case ..<9: return "0--8"
        case 9...17: return "9--17"
        case 18...20: return "18--20"
        case 21...23: return "21--23"
        case 24...26: return "24--26"
        case 27...29: return "27--29"
        case 30...38: return "30--38"
        case 39...47: return "39--47"
        default: return "48+"
        }
    }
}
