import CaseModel
import EventLog

extension CaseBook {
    /// Imports every row of `table` as one batch, streamed into the log a frame at a time and
    /// closed by its commit event (see `CaseImporter.write`); a failure before the commit leaves
    /// events that replay ignores, ended by `importAbandoned` so that what the session records
    /// next is not taken for the import's (if the disk refuses that too, the next append writes it
    /// first). Each case claims its number, as intake does. Returns the number of cases.
    ///
    /// The imported cases are not folded into `store` (a million of them would not fit in the
    /// memory an import may use): open the case file again to see them.
    public func importCases(_ table: ImportTable, with importer: CaseImporter) throws -> Int {
        var numbering = CaseNumbering(after: store)
        let log = self.log
        var begun: ImportBatchID?
        do {
            return try withFactory { factory in
                try importer.write(table, factory: &factory, numbering: &numbering) { events in
                    if case .importBegan(let batch)? = events.first?.body { begun = batch }
                    try log.appendBatch(events.map(EventCodec.encode).map { (type: $0.recordType, payload: $0.payload) })
                }
            }
        } catch {
            if let begun {
                unwrittenImportEnd = factory.make(.importAbandoned(batch: begun))
                _ = try? append([])  // writes it now if it can
            }
            throw error
        }
    }
}
