/// The case file's small forms — note, service, referral, status — declared as data like the
/// intake: the application builds their screens with the same builder and turns the answers into
/// events through the converters below, which read each answer by its declared key.
public enum CaseActionSchemas {
    private static func label(_ key: String) -> LocalizedText { LocalizedText(key) }

    public static let note = IntakeSchema(sections: [Section(id: "note", title: label("caseFile.note"), fields: [
        Field(.noteText, .longText, label: label("caseFile.note"), help: label("caseFile.noteHelp"), requiredForSave: true),
    ])])

    public static let service = IntakeSchema(sections: [Section(id: "service", title: label("caseFile.service"), fields: [
        Field(.serviceKind, .singleChoice, label: label("caseFile.service"),
              codeList: CodeList(id: "serviceKind", codes: ServiceKind.allCases.map(\.code)), requiredForSave: true),
        Field(.actionDate, .date, label: label("caseFile.date"), requiredForSave: true),
        Field(.serviceEnd, .date, label: label("caseFile.endDate")),
        Field(.actionNote, .longText, label: label("caseFile.note"), maxLength: 2000),
    ])])

    public static let referral = IntakeSchema(sections: [Section(id: "referral", title: label("caseFile.referral"), fields: [
        Field(.organisationType, .singleChoice, label: label("caseFile.organisationType"),
              codeList: CodeLists.organisationType, requiredForSave: true),
        Field(.actionDate, .date, label: label("caseFile.date"), requiredForSave: true),
        Field(.actionReason, .longText, label: label("caseFile.reason"), maxLength: 2000),
    ])])

    /// The status form; `offeringDuplicate` adds "duplicate of another case" (coordinators, for a
    /// case not yet linked), which asks for the earlier case's number instead of a reason.
    public static func status(offeringDuplicate: Bool) -> IntakeSchema {
        var codes = CaseStatus.allCases.map(\.code)
        if offeringDuplicate { codes.append(Code(StatusChange.duplicateCode, label: "caseFile.duplicateOfAnotherCase")) }
        return IntakeSchema(sections: [Section(id: "status", title: label("caseFile.changeStatus"), fields: [
            Field(.newStatus, .singleChoice, label: label("caseFile.status"), codeList: CodeList(id: "caseStatus", codes: codes),
                  requiredForSave: true),
            Field(.earlierCase, .text, label: label("caseFile.earlierCaseNumber"), help: label("caseFile.earlierCaseHelp"),
                  requiredForSave: true, relevance: .contains(.newStatus, StatusChange.duplicateCode), maxLength: 20),
            Field(.actionReason, .text, label: label("caseFile.reason"), help: label("caseFile.reasonHelp"),
                  relevance: .lacks(.newStatus, StatusChange.duplicateCode), maxLength: 500),
        ])])
    }

    // MARK: - Answers to events' values

    public static func note(from values: [FieldKey: FieldValue]) throws -> String {
        try values.answer(.noteText, \.text)
    }

    public static func service(from values: [FieldKey: FieldValue]) throws -> ServiceEntry {
        try ServiceEntry(kind: values.answer(.serviceKind, as: ServiceKind.self), date: values.answer(.actionDate, \.date),
                         endDate: values[.serviceEnd]?.date, note: values[.actionNote]?.text ?? "")
    }

    public static func referral(from values: [FieldKey: FieldValue]) throws -> ReferralEntry {
        try ReferralEntry(organisationType: values.answer(.organisationType, \.code), date: values.answer(.actionDate, \.date),
                          reason: values[.actionReason]?.text ?? "")
    }

    public static func statusChange(from values: [FieldKey: FieldValue]) throws -> StatusChange {
        if values[.newStatus]?.code == StatusChange.duplicateCode {
            return .duplicate(ofCaseNumbered: try values.answer(.earlierCase, \.text).filter { !$0.isWhitespace })
        }
        return .status(try values.answer(.newStatus, as: CaseStatus.self), reason: values[.actionReason]?.text ?? "")
    }
}

/// What the status form asks for: a new status, or (coordinators) marking the case as a
/// duplicate of an earlier case of the same person.
public enum StatusChange: Equatable, Sendable {
    case status(CaseStatus, reason: String)
    case duplicate(ofCaseNumbered: String)

    static let duplicateCode = "duplicate"
}

/// A form's answer that an event needs is missing, or is not of the kind the event needs (a code
/// the list does not have). The application shows it at that field and keeps the form open, so
/// nothing typed is lost and nothing is saved half.
public struct MissingAnswer: Error, Equatable, Sendable {
    public let key: FieldKey

    public init(key: FieldKey) { self.key = key }
}

extension Dictionary where Key == FieldKey, Value == FieldValue {
    /// The answer to `key` read with `read` (`\.text`, `\.date`, `\.code`); throws `MissingAnswer`.
    public func answer<Answer>(_ key: FieldKey, _ read: KeyPath<FieldValue, Answer?>) throws -> Answer {
        guard let answer = self[key]?[keyPath: read] else { throw MissingAnswer(key: key) }
        return answer
    }

    /// The chosen code of `key` as one of `Answer`'s cases; throws `MissingAnswer`.
    public func answer<Answer: RawRepresentable>(_ key: FieldKey, as type: Answer.Type) throws -> Answer where Answer.RawValue == String {
        guard let answer = try Answer(rawValue: answer(key, \.code)) else { throw MissingAnswer(key: key) }
        return answer
    }
}

/// The keys of the case file's small forms (form fields, never stored as a case's answers; the
/// names are those their drafts and tests have always used).
extension FieldKey {
    public static let noteText: FieldKey = "text"
    public static let serviceKind: FieldKey = "kind"
    public static let actionDate: FieldKey = "date"
    public static let serviceEnd: FieldKey = "end"
    public static let actionNote: FieldKey = "note"
    public static let organisationType: FieldKey = "type"
    public static let actionReason: FieldKey = "reason"
    public static let newStatus: FieldKey = "status"
    public static let earlierCase: FieldKey = "earlierCase"
}
