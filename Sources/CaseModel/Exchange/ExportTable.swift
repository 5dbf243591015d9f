/// One cell of an export with its type, so that a workbook can keep text as text, dates as dates
/// and numbers as numbers, while CSV writes each as the chosen wording spells it.
public enum ExportCell: Sendable, Hashable {
    case text(String)
    case number(Int)
    case date(CalendarDate)

    public static let empty = ExportCell.text("")

    /// The cell as `wording` writes it in text formats.
    public func text(_ wording: ExportWording) -> String {
        switch self {
        case .text(let text): text
        case .number(let number): String(number)
        case .date(let date): wording.dateText(date)
        }
    }
}

/// An export as a header row and typed rows.
public struct ExportTable: Sendable, Hashable {
    public let header: [String]
    public let rows: [[ExportCell]]

    public init(header: [String], rows: [[ExportCell]]) {
        self.header = header
        self.rows = rows
    }
}

/// How an export names its columns and answers: by Refuge's codes (what `import` reads and tools
/// expect), or for people, in a language.
public enum ExportWording: Sendable, Hashable {
    case codes
    case labels(Language)

    /// Russian and Kazakh write `08.03.2026`. English keeps ISO `2026-03-08`: the shelter's
    /// English readers are international partners, for whom 08/03 and 03/08 mean different days.
    public func dateText(_ date: CalendarDate) -> String {
        switch self {
        case .labels(.ru), .labels(.kk): date.dotted
        case .codes, .labels(.en): date.iso
        }
    }

    /// The number format of date cells in a workbook, matching `dateText`.
    var workbookDateFormat: String {
        switch self {
        case .labels(.ru), .labels(.kk): "dd.mm.yyyy"
        case .codes, .labels(.en): "yyyy-mm-dd"
        }
    }

    /// Several answers: `;` between codes (what `import` splits), ", " between words.
    var answerSeparator: String {
        if case .labels = self { ", " } else { ";" }
    }

    /// The header of a column that is not a field of the intake form.
    func columnName(_ column: ExportColumn) -> String {
        guard case .labels(let language) = self else { return column.rawValue }
        return column.label.text(in: language)
    }
}

/// The columns of Refuge's exports that are not fields of the intake form.
public enum ExportColumn: String, Sendable, CaseIterable {
    case caseNumber, status, pseudonymousID, intakeYear, ageBandAtIntake

    var label: LocalizedText {
        switch self {
        case .caseNumber: LocalizedText("exporttable.caseNumber")
        case .status: LocalizedText("exporttable.status")
        case .pseudonymousID: LocalizedText("exporttable.pseudonymousID")
        case .intakeYear: LocalizedText("exporttable.intakeYear")
        case .ageBandAtIntake: LocalizedText("exporttable.ageBandAtIntake")
        }
    }
}
