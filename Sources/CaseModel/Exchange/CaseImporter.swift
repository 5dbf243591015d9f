/// One validated spreadsheet row, ready to become events.
public struct ImportedCase: Sendable, Hashable {
    public let row: Int
    public let values: [FieldKey: FieldValue]
    public let status: CaseStatus
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

/// Reads a table of cases (header row of field keys, as `export --identifiable` writes it) and
/// checks every row before anything is imported. An import is all or nothing at any size: `write`
/// streams the rows into events framed by `importBegan` and `importCommitted`, and replay counts a
/// batch only once its commit is in the log (docs/log-format.md, "Imports"). Accepts a byte-order
/// mark or none, quoted cells with quotes and line breaks, and undoes the exporter's formula
/// neutralisation (`'=...`). Columns `caseNumber` (ignored) and `status` are allowed besides the
/// field keys.
public struct CaseImporter: Sendable {
    public let schema: IntakeSchema
    public let context: ValidationContext

    /// Problems listed in full (the rest are counted), so that a file of a million bad rows does
    /// not fill memory or a screen.
    public static let listedErrorLimit = 1_000
    /// Rows are written in frames of about this many bytes, well under the log's frame limit.
    static let frameBudget = 4 << 20

    public init(schema: IntakeSchema = .standard, context: ValidationContext) {
        self.schema = schema
        self.context = context
    }

    /// Checks every row, as `write` will, holding one row at a time.
    public func check(_ table: ImportTable) -> ImportCheck {
        var check = ImportCheck()
        let header = table.header
        let headerProblems = headerErrors(header)
        check.add(headerProblems)
        if headerProblems.contains(where: { if case .missingColumn = $0.problem { true } else { false } }) {
            return check  // every row would fail the same way
        }
        var rowNumber = 1
        while let cells = table.nextRow() {
            rowNumber += 1
            if isBlank(cells) { continue }
            switch parseRow(cells, header: header, row: rowNumber) {
            case .success: check.readyRows += 1
            case .failure(let rowErrors): check.add(rowErrors.errors)
            }
        }
        if table.isUnreadable { check.add([ImportError(row: rowNumber, column: "", value: "", problem: .unreadableFile)]) }
        if check.readyRows == 0 && check.errorCount == 0 {
            check.add([ImportError(row: 2, column: "", value: "", problem: .noRows)])
        }
        return check
    }

    /// Streams the events of the whole import to `emit`, a frame's worth at a time: `importBegan`,
    /// then per case `caseOpened` (claiming its number from `numbering`; on its intake date, else
    /// today), `fieldsSet`, and `statusChanged` when its status is not active; `importCommitted`
    /// last. A row that fails (the file changed since `check`) throws before the commit, so the
    /// events already emitted never count. Returns the number of cases.
    @discardableResult
    public func write(_ table: ImportTable, factory: inout EventFactory, numbering: inout CaseNumbering,
                      emit: ([Event]) throws -> Void) throws -> Int {
        let header = table.header
        if let failure = ImportFailure(headerErrors(header)) { throw failure }
        let batch: ImportBatchID = factory.nextID()
        var pending = [factory.make(.importBegan(batch: batch))]
        var pendingBytes = 0
        var count = 0
        var rowNumber = 1
        while let cells = table.nextRow() {
            rowNumber += 1
            if isBlank(cells) { continue }
            let imported = try parseRow(cells, header: header, row: rowNumber).get()
            let caseID: CaseID = factory.nextID()
            let year = imported.values[.intakeDate]?.date?.year ?? context.today.year
            pending += factory.openCase(values: imported.values, openedOn: context.today, caseID: caseID,
                                        number: numbering.claim(year: year))
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
        if table.isUnreadable { throw ImportFailure([ImportError(row: rowNumber, column: "", value: "", problem: .unreadableFile)])! }
        if count == 0 { throw ImportFailure([ImportError(row: 2, column: "", value: "", problem: .noRows)])! }
        pending.append(factory.make(.importCommitted(batch: batch, caseCount: count)))
        try emit(pending)
        return count
    }

    private func isBlank(_ cells: [String]) -> Bool { cells.allSatisfy { $0.trimmingWhitespace().isEmpty } }

    private func headerErrors(_ header: [String]) -> [ImportError] {
        var errors: [ImportError] = []
        var seen = Set<String>()
        for column in header {
            if !seen.insert(column).inserted {
                errors.append(ImportError(row: 1, column: column, value: column, problem: .duplicateColumn))
            } else if column != CaseExporter.caseNumberColumn && column != CaseExporter.statusColumn
                && schema.field(FieldKey(column)) == nil
            {
                errors.append(ImportError(row: 1, column: column, value: column, problem: .unknownColumn))
            }
        }
        if !seen.contains(FieldKey.gender.rawValue) {
            errors.append(ImportError(row: 1, column: "", value: "", problem: .missingColumn(FieldKey.gender.rawValue)))
        }
        if !schema.nameKeys.contains(where: { seen.contains($0.rawValue) }) {
            let names = schema.nameKeys.map(\.rawValue).joined(separator: " / ")
            errors.append(ImportError(row: 1, column: "", value: "", problem: .missingColumn(names)))
        }
        return errors
    }
    private func parseRow(_ cells: [String], header: [String], row: Int) -> Result<ImportedCase, ImportFailure> {
        var errors: [ImportError] = []
        var values: [FieldKey: FieldValue] = [:]
        var status = CaseStatus.active
        if cells.count > header.count {
            errors.append(ImportError(row: row, column: "", value: cells[header.count...].joined(separator: ","),
                                      problem: .extraCells))
        }
        for (column, rawCell) in zip(header, cells) {
            let cell = CSVText.restored(rawCell)
            if column == CaseExporter.statusColumn {
                let code = cell.trimmingWhitespace()
                if code.isEmpty { continue }
                if let parsed = CaseStatus(rawValue: code) { status = parsed } else {
                    errors.append(ImportError(row: row, column: column, value: cell, problem: .unknownStatus))
                }
                continue
            }
            guard let field = schema.field(FieldKey(column)) else { continue }
            let parsed = FieldInputParser.parse(cell, for: field)
            for issue in parsed.issues where issue.severity == .error {
                errors.append(ImportError(row: row, column: column, value: cell, problem: .invalid(issue.problem)))
            }
            if let value = parsed.value { values[field.key] = value }
        }
        // Cross-field and required checks on what could be read; a cell already refused is not
        // reported twice.
        let refusedColumns = Set(errors.map(\.column))
        let validator = CaseValidator(schema: schema, context: context)
        for issue in validator.validate(values) where issue.severity == .error {
            let column = issue.field?.rawValue ?? ""
            guard !refusedColumns.contains(column) else { continue }
            let value = issue.field.flatMap { values[$0]?.exchangeText } ?? ""
            errors.append(ImportError(row: row, column: column, value: value, problem: .invalid(issue.problem)))
        }
        return errors.isEmpty ? .success(ImportedCase(row: row, values: values, status: status))
            : .failure(ImportFailure(errors)!)
    }
}
