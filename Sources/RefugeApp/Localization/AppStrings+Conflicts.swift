/// The words of several laptops at work together: conflicts of fields edited apart, intakes of
/// the same person made apart, and what arrives from other laptops while the application runs.
extension AppStrings {
    func conflictsTitle(_ number: String) -> String { w("conflicts.title", ["number": .text(number)]) }
    var conflictsExplanation: String { w("conflicts.explanation") }
    var conflictsColumnField: String { w("conflicts.columnField") }
    var conflictsColumnValue: String { w("conflicts.columnValue") }
    var conflictsColumnWho: String { w("conflicts.columnWho") }
    var conflictsChoose: String { w("conflicts.choose") }
    var conflictsTypeValue: String { w("conflicts.typeValue") }
    func conflictsNewValueTitle(_ field: String) -> String { w("conflicts.newValueTitle", ["field": .text(field)]) }
    func conflictChosen(_ field: String) -> String { w("conflicts.chosen", ["field": .text(field)]) }
    func noConflictsLeft(_ number: String) -> String { w("conflicts.noneLeft", ["number": .text(number)]) }
    var resolveConflicts: String { w("caseFile.resolveConflicts") }
    var conflictHint: String { w("caseFile.conflictHint") }
    var linkHint: String { w("caseFile.linkHint") }
    func conflictResolvedLine(_ field: String, _ value: String) -> String {
        w("history.conflictResolved", ["field": .text(field), "value": .text(value)])
    }
    func possibleDuplicates(_ numbers: String) -> String { w("caseFile.possibleDuplicates", ["numbers": .text(numbers)]) }
    var linkDuplicate: String { w("caseFile.linkDuplicate") }
    func linkDuplicateTitle(_ number: String) -> String { w("duplicates.linkTitle", ["number": .text(number)]) }
    func duplicatesLinked(later: String, earlier: String) -> String {
        w("duplicates.linked", ["later": .text(later), "earlier": .text(earlier)])
    }
    func newRecordsFromOtherLaptops(_ count: Int) -> String { w("sync.newRecords", count: count) }
}
