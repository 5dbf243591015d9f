import CaseModel
import Foundation
import ScreenKit

/// An unsaved form — a new intake, the intake of a relative registered from a case, or the edit
/// of one part of a case — with everything typed so far. It only ever reaches the disk sealed by
/// `CaseBook.saveDraft` (encrypted under the data key).
struct Draft: Equatable {
    enum Target: Equatable {
        case intake
        /// A new case linked, when saved, to the case `of` as its `as` (a child of that person…).
        case relative(of: CaseID, as: FamilyRelation)
        case edit(CaseID, section: String)
    }

    var target: Target
    var values: FormValues

    func encoded() -> Data {
        var document = Document(values: values.mapValues(StoredValue.init))
        switch target {
        case .intake: break
        case .relative(let id, let relation):
            document.relativeOf = id.description
            document.relation = relation.rawValue
        case .edit(let id, let section):
            document.caseID = id.description
            document.section = section
        }
        return (try? JSONEncoder().encode(document)) ?? Data()
    }

    init(target: Target, values: FormValues) {
        self.target = target
        self.values = values
    }

    /// Nil for contents this version cannot read (they are then left alone, not overwritten).
    init?(decoding data: Data) {
        guard let document = try? JSONDecoder().decode(Document.self, from: data) else { return nil }
        if let caseID = document.caseID {
            guard let id = CaseID(hex: caseID), let section = document.section else { return nil }
            target = .edit(id, section: section)
        } else if let relativeOf = document.relativeOf {
            guard let id = CaseID(hex: relativeOf), let relation = document.relation.flatMap(FamilyRelation.init(rawValue:))
            else { return nil }
            target = .relative(of: id, as: relation)
        } else {
            target = .intake
        }
        values = document.values.compactMapValues(\.formValue)
    }

    /// Readers before `relativeOf` read a relative's draft as a plain intake: what was typed is
    /// kept, only the link is not made.
    private struct Document: Codable {
        var caseID: String?
        var section: String?
        var relativeOf: String?
        var relation: String?
        var values: [String: StoredValue]
    }

    /// One form value in the draft's JSON.
    private struct StoredValue: Codable {
        var text: String?
        var date: String?
        var number: Int?
        var choice: String?
        var choices: [String]?

        init(_ value: FormValue) {
            switch value {
            case .none: break
            case .text(let text): self.text = text
            case .date(let date): self.date = date.iso
            case .number(let number): self.number = number
            case .choice(let code): choice = code
            case .choices(let codes): choices = codes
            }
        }

        var formValue: FormValue? {
            if let text { return .text(text) }
            if let date, let parsed = CalendarDate(parsing: date) { return .date(parsed) }
            if let number { return .number(number) }
            if let choice { return .choice(choice) }
            if let choices { return .choices(choices) }
            return nil
        }
    }
}

/// Keeps the signed-in user's draft on disk while a form is open. Changes are coalesced and written
/// when typing pauses (the session's short idle timer calls `flush`), so a burst of keys costs
/// one write and a crash or power cut loses at most the key typed in the last moment.
final class DraftKeeper {
    private let book: () -> CaseBook?
    private let onError: (any Error) -> Void
    /// A draft could not be written (a full disk): the form stays open and the draft is tried again
    /// at the next pause.
    private let onKeepFailed: () -> Void
    private var pending: Draft?

    init(book: @escaping () -> CaseBook?, onError: @escaping (any Error) -> Void, onKeepFailed: @escaping () -> Void) {
        self.book = book
        self.onError = onError
        self.onKeepFailed = onKeepFailed
    }

    func note(_ draft: Draft) { pending = draft }

    /// Writes the latest change, if any.
    func flush() {
        guard let draft = pending, let book = book(), !book.isReadOnly else { return }
        do {
            try book.saveDraft(draft.encoded())
            pending = nil
        } catch {
            onKeepFailed()
        }
    }

    /// After a save or a deliberate cancel: nothing to resume any more.
    func discard() {
        pending = nil
        guard let book = book(), !book.isReadOnly else { return }
        do { try book.discardDraft() } catch { onError(error) }
    }

    func load() -> Draft? {
        guard let book = book(), let data = try? book.draft() else { return nil }
        return Draft(decoding: data)
    }
}
