/// One validated spreadsheet row, ready to become events.
public struct ImportedCase: Sendable, Hashable {
    public let row: Int
    public let values: [FieldKey: FieldValue]
    public let status: CaseStatus
    /// The unmapped columns' values, one "column: value" line each, when kept as a note.
    public let note: String?
}

/// What a check of a whole table found: how many rows are ready, and the problems (the first
/// `CaseImporter.listedErrorLimit` listed, all of them counted).
public struct ImportCheck: Sendable, Hashable {
    public internal(set) var readyRows = 0
    public internal(set) var errors: [ImportError] = []
    public internal(set) var errorCount = 0

    public var failure: ImportFailure? { errorCount == 0 ? nil : ImportFailure(errors: errors, count: errorCount) }

    mutating func add(_ found: [ImportError]) {
        errorCount += found.count
        errors += found.prefix(max(0, CaseImporter.listedErrorLimit - errors.count))
    }
}

/// How columns that are not Refuge fields are treated, and which columns the coordinator mapped
/// by hand (`--map COLUMN=field`).
public struct ImportChoices: Sendable, Hashable {
    public enum Unmapped: String, Sendable, CaseIterable {
        /// Kept: each case gets an imported note listing those columns with their values.
        case note
        /// Left out, because the coordinator said so (the preview lists them).
        case ignore
    }

    public var unmapped: Unmapped
    /// Column header → field key, `status`, `note` or `ignore`.
    public var mapping: [String: String]

    public init(unmapped: Unmapped = .note, mapping: [String: String] = [:]) {
        self.unmapped = unmapped
        self.mapping = mapping
    }
}

/// Reads a table of cases and checks every row before anything is imported. The header may be in
/// any dialect `ImportColumns` knows, the cells in any spelling `ImportValues` translates. An
/// import is all or nothing at any size: `write` streams the rows into events framed by
/// `importBegan` and `importCommitted`, and replay counts a batch only once its commit is in the
/// log (docs/data-dictionary.md, "Events"). Undoes the exporter's formula neutralisation (`'=...`).
public struct CaseImporter: Sendable {
    public let schema: IntakeSchema
    public let context: ValidationContext
    public let choices: ImportChoices
    private let values: ImportValues

    /// Problems listed in full (the rest are counted), so that a file of a million bad rows does
    /// not fill memory or a screen.
    public static let listedErrorLimit = 1_000
    /// Rows are written in frames of about this many bytes, well under the log's frame limit.
    static let frameBudget = 4 << 20
    /// The longest imported note (the form's limit for long text).
    static let noteLimit = 4_000

    public init(schema: IntakeSchema = .standard, context: ValidationContext, choices: ImportChoices = ImportChoices()) {
        self.schema = schema
        self.context = context
        self.choices = choices
        values = ImportValues(schema: schema)
    }

    /// The column → field mapping `header` gets, for the preview: each column and its field key,
    /// `status`, `note`, or `ignore`.
    public func mapping(of header: [String]) -> [(column: String, target: String)] {
        let columns = columns(header)
        return zip(header, columns.targets).map { column, target in
            switch target {
            case .field(let key): (column, key.rawValue)
            case .status: (column, CaseExporter.statusColumn)
            case .ignored: (column, "ignore")
            case .note: (column, "note")
            case .unmapped: (column, choices.unmapped == .note ? "note" : "ignore")
            }
        }
    }

    /// Checks every row, as `write` will, holding one row at a time.
    public func check(_ table: ImportTable) -> ImportCheck {
        var check = ImportCheck()
        var columns: ImportColumns?
        var reader = ImportCellReader(values: values, columnCount: 0)
        var lastRow = 1
        var labels = LabelRowWatch()
        do {
            try table.forEachRow { row, cells in
                lastRow = row
                guard let known = columns else {
                    let found = self.columns(cells)
                    check.add(found.errors)
                    if found.lacksRequiredColumns { throw StopReading() }  // every row would fail alike
                    columns = found
                    reader = ImportCellReader(values: values, columnCount: found.header.count)
                    return
                }
                guard !known.isBlank(cells), !labels.isLabelRow(cells, columns: known) else { return }
                switch parseRow(cells, columns: known, row: row, reader: &reader) {
                case .success: check.readyRows += 1
                case .failure(let rowErrors): check.add(rowErrors.errors)
                }
            }
        } catch let failure as ImportFailure {
            check.add(failure.errors)
        } catch {
            // StopReading: the header's errors are the answer.
        }
        if check.readyRows == 0 && check.errorCount == 0 {
            check.add([ImportError(row: lastRow + 1, column: "", value: "", problem: .noRows)])
        }
        return check
    }

    private struct StopReading: Error {}

    /// A template's row of labels can only stand first under the header: only that row is
    /// compared with the column names, so the cases below it are not folded cell by cell.
    private struct LabelRowWatch {
        private var passed = false

        mutating func isLabelRow(_ cells: [String], columns: ImportColumns) -> Bool {
            guard !passed else { return false }
            passed = true
            return columns.isLabelRow(cells)
        }
    }

    /// Streams the events of the whole import to `emit`, a frame's worth at a time: `importBegan`,
    /// then per case `caseOpened` (claiming its number from `numbering`; on its intake date, else
    /// today), `fieldsSet`, the imported note of unmapped columns, and `statusChanged` when its
    /// status is not active; `importCommitted` last. A row that fails (the file changed since
    /// `check`) throws before the commit, so the events already emitted never count. Returns the
    /// number of cases.
    @discardableResult
    public func write(_ table: ImportTable, factory: inout EventFactory, numbering: inout CaseNumbering,
                      emit: ([Event]) throws -> Void) throws -> Int {
        var columns: ImportColumns?
        let batch: ImportBatchID = factory.nextID()
        var pending = [factory.make(.importBegan(batch: batch))]
        var pendingBytes = 0
        var count = 0
        var labels = LabelRowWatch()
        var reader = ImportCellReader(values: values, columnCount: 0)
        try table.forEachRow { row, cells in
            guard let known = columns else {
                let found = self.columns(cells)
                if let failure = ImportFailure(found.errors) { throw failure }
                columns = found
                reader = ImportCellReader(values: values, columnCount: found.header.count)
                return
            }
            guard !known.isBlank(cells), !labels.isLabelRow(cells, columns: known) else { return }
            let imported = try parseRow(cells, columns: known, row: row, reader: &reader).get()
            let caseID: CaseID = factory.nextID()
            let year = imported.values[.intakeDate]?.date?.year ?? context.today.year
            pending += factory.openCase(values: imported.values, openedOn: context.today, caseID: caseID,
                                        number: numbering.claim(year: year))
            if let note = imported.note { pending.append(factory.make(.noteAdded(caseID: caseID, text: note))) }
            if imported.status != .active {
                pending.append(factory.make(.statusChanged(caseID: caseID, status: imported.status, reason: "imported")))
            }
            count += 1
            pendingBytes += cells.reduce(256) { $0 + 64 + $1.utf8.count }  // above the encoded size
            if pendingBytes >= Self.frameBudget {
                try emit(pending)
                pending = []
                pendingBytes = 0
            }
        }
        if columns == nil { throw ImportFailure.unreadable }
        if count == 0 { throw ImportFailure([ImportError(row: 2, column: "", value: "", problem: .noRows)])! }
        pending.append(factory.make(.importCommitted(batch: batch, caseCount: count)))
        try emit(pending)
        return count
    }

    private func columns(_ header: [String]) -> ImportColumns {
        let names = ColumnNames(schema: schema)
        var overrides: [String: ImportColumns.Target] = [:]
        for (column, target) in choices.mapping {
            switch target {
            case "ignore": overrides[column] = .ignored
            case "note": overrides[column] = .note
            case CaseExporter.statusColumn: overrides[column] = .status
            default: overrides[column] = names.target(of: target)
            }
        }
        let trimmed = header.map { $0.replacingAll("\u{FEFF}", with: "").trimmingWhitespace() }
        return ImportColumns(header: trimmed, schema: schema, overrides: overrides)
    }

    private func parseRow(_ cells: [String], columns: ImportColumns, row: Int, reader: inout ImportCellReader)
        -> Result<ImportedCase, ImportFailure>
    {
        var errors: [ImportError] = []
        var values: [FieldKey: FieldValue] = [:]
        values.reserveCapacity(columns.header.count)
        var status = CaseStatus.active
        var noteLines: [String] = []
        let header = columns.header
        if cells.count > header.count, cells[header.count...].contains(where: { !$0.trimmingWhitespace().isEmpty }) {
            errors.append(ImportError(row: row, column: "", value: cells[header.count...].joined(separator: ","),
                                      problem: .extraCells))
        }
        for (index, rawCell) in cells.prefix(header.count).enumerated() {
            let column = header[index]
            let cell = CSVText.restored(rawCell)
            switch columns.targets[index] {
            case .ignored:
                continue
            case .unmapped, .note:
                let kept = columns.targets[index] == .note || choices.unmapped == .note
                if kept && !cell.trimmingWhitespace().isEmpty { noteLines.append("\(column): \(cell)") }
            case .status:
                let text = cell.trimmingWhitespace()
                if text.isEmpty { continue }
                if let parsed = Self.status(text) { status = parsed } else {
                    errors.append(ImportError(row: row, column: column, value: cell, problem: .unknownStatus))
                }
            case .field:
                guard let field = columns.fields[index] else { continue }
                let parsed = reader.read(cell, column: index, for: field)
                for issue in parsed.issues where issue.severity == .error {
                    errors.append(ImportError(row: row, column: column, value: cell, problem: .invalid(issue.problem)))
                }
                if let value = parsed.value { values[field.key] = value }
            }
        }
        let note = noteLines.isEmpty ? nil : noteLines.joined(separator: "\n")
        if let note, note.count > Self.noteLimit {
            errors.append(ImportError(row: row, column: "", value: note,
                                      problem: .invalid(.tooLong(length: note.count, maximum: Self.noteLimit))))
        }
        // Cross-field and required checks on what could be read; a cell already refused is not
        // reported twice.
        let refusedColumns = Set(errors.map(\.column))
        let validator = CaseValidator(schema: schema, context: context)
        for issue in validator.validate(values) where issue.severity == .error {
            let column = issue.field.map { key in
                zip(header, columns.targets).first { $0.1 == .field(key) }?.0 ?? key.rawValue
            } ?? ""
            guard !refusedColumns.contains(column) else { continue }
            let value = issue.field.flatMap { values[$0]?.exchangeText } ?? ""
            errors.append(ImportError(row: row, column: column, value: value, problem: .invalid(issue.problem)))
        }
        return errors.isEmpty ? .success(ImportedCase(row: row, values: values, status: status, note: note))
            : .failure(ImportFailure(errors)!)
    }


    /// A status by code or label, as the HTCDS picklist writes it too ("Follow up").
    static func status(_ text: String) -> CaseStatus? { statusesByName[ImportValues.fold(text)] }

    /// Every status's code and labels, folded; where two statuses share a name, the first listed.
    private static let statusesByName: [String: CaseStatus] = {
        var statuses: [String: CaseStatus] = [:]
        for status in CaseStatus.allCases {
            for name in [status.rawValue, status.code.label.en, status.code.label.ru, status.code.label.kk] where !name.isEmpty {
                let folded = ImportValues.fold(name)
                if statuses[folded] == nil { statuses[folded] = status }
            }
        }
        return statuses
    }()
}
