import CSV

/// One validated spreadsheet row, ready to become events.
public struct ImportedCase: Sendable, Hashable {
    public let row: Int
    public let values: [FieldKey: FieldValue]
    public let status: CaseStatus
}

/// Reads a spreadsheet of cases (header row of field keys, as `export --identifiable` writes it)
/// and validates every row before anything is imported: all rows become events, or none do.
/// Accepts a byte-order mark or none, quoted cells with quotes and line breaks, and undoes the
/// exporter's formula neutralisation (`'=...`). Columns `caseNumber` (ignored) and `status` are
/// allowed besides the field keys.
public struct CaseImporter: Sendable {
    public let schema: IntakeSchema
    public let context: ValidationContext

    public init(schema: IntakeSchema = .standard, context: ValidationContext) {
        self.schema = schema
        self.context = context
    }

    /// Every row validated, or every error found.
    public func validate(csv text: String) -> Result<[ImportedCase], ImportFailure> {
        let body = text.hasPrefix(CSVText.byteOrderMark) ? String(text.dropFirst()) : text
        guard let reader = try? CSVReader(string: body, hasHeaderRow: true), let rawHeader = reader.headerRow else {
            return .failure(ImportFailure(errors: [ImportError(row: 1, column: "", value: "", problem: .unreadableFile)]))
        }
        let header = rawHeader.map { $0.replacingAll("\u{FEFF}", with: "").trimmingWhitespace() }
        var errors = headerErrors(header)
        if errors.contains(where: { if case .missingColumn = $0.problem { true } else { false } }) {
            return .failure(ImportFailure(errors: errors))  // every row would fail the same way
        }
        var cases: [ImportedCase] = []
        var rowNumber = 1
        while let cells = reader.next() {
            rowNumber += 1
            if cells.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
            switch parseRow(cells, header: header, row: rowNumber) {
            case .success(let imported): cases.append(imported)
            case .failure(let rowErrors): errors += rowErrors.errors
            }
        }
        if reader.error != nil {
            errors.append(ImportError(row: rowNumber, column: "", value: "", problem: .unreadableFile))
        }
        if cases.isEmpty && errors.isEmpty {
            errors.append(ImportError(row: 2, column: "", value: "", problem: .noRows))
        }
        return errors.isEmpty ? .success(cases) : .failure(ImportFailure(errors: errors))
    }

    /// The events of the whole import, to append as one batch; or the errors, and no events.
    /// Each case: `caseOpened` (on its intake date, else today), `fieldsSet`, and `statusChanged`
    /// when its status is not active.
    public func events(csv text: String, factory: inout EventFactory) -> Result<[Event], ImportFailure> {
        switch validate(csv: text) {
        case .failure(let failure):
            return .failure(failure)
        case .success(let cases):
            var events: [Event] = []
            for imported in cases {
                let caseID: CaseID = factory.nextID()
                events += factory.openCase(values: imported.values, openedOn: context.today, caseID: caseID)
                if imported.status != .active {
                    events.append(factory.make(.statusChanged(caseID: caseID, status: imported.status, reason: "imported")))
                }
            }
            return .success(events)
        }
    }

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
            : .failure(ImportFailure(errors: errors))
    }
}
