import CaseModel
import Foundation
import Testing
@testable import RefugeApp

/// An import that fails part-way — a row that no longer reads as it did in the preview, a write
/// refused — leaves its first frames in the log without a commit, and replay leaves them out. The
/// caseworker then goes on working in the same session: nothing recorded after it may be taken
/// for the import's and disappear at the next sign-in.
@Suite struct ImportFailureTests {
    @Test func whatIsRecordedAfterAFailedImportInTheSameSessionIsThereAtTheNextOpen() throws {
        let fixture = try CaseFileFixture()
        let book = try #require(fixture.app.book)
        // The first rows fill the import's first frame and are written; the last fails while writing.
        let rows = String(repeating: "Karimova,female\n", count: 10_600)
        let table = try CSVTable(string: "familyName,gender\n" + rows + "Asanov,robot\n")
        #expect(throws: ImportFailure.self) { try book.importCases(table, with: CaseImporter(context: book.calendar)) }
        let before = book.store.caseCount
        let id = try book.openCase(values: [.givenName: .text("Омарова"), .gender: .code("female")])
        try book.record([.noteAdded(caseID: id, text: "После неудачного переноса")])
        #expect(book.store.caseCount == before + 1)

        let reopened = try fixture.readBack()
        #expect(reopened.store.caseCount == before + 1)
        #expect(reopened.store[id]?.values[.givenName] == .text("Омарова"))
        #expect(reopened.store.uncommittedImportEvents > 0)  // the import's own events stay out
    }
}
