/// A field's key together with the type of its answer.
///
/// A form declares its keys once, as constants, and both declares its fields and reads its answers
/// through them: a misspelt key does not compile, and an answer that is missing or cannot be read
/// throws `UnansweredField`, which keeps the form open with a message at that field — a `return`
/// that skipped the save would close the form as if it had saved, losing what was typed.
public struct FormKey<Answer>: Sendable {
    public let name: String
    private let read: @Sendable (FormValue) -> Answer?

    public init(_ name: String, read: @escaping @Sendable (FormValue) -> Answer?) {
        self.name = name
        self.read = read
    }

    /// The answer in `value`; nil when it holds nothing of this key's type.
    public func answer(in value: FormValue) -> Answer? { value.isEmpty ? nil : read(value) }
}

extension FormKey where Answer == String {
    /// Typed text, as typed (text, notes, secrets).
    public static func text(_ name: String) -> FormKey { FormKey(name) { if case .text(let text) = $0 { text } else { nil } } }
    /// The code of a chosen option.
    public static func code(_ name: String) -> FormKey { FormKey(name) { if case .choice(let code) = $0 { code } else { nil } } }
}

extension FormKey where Answer == CalendarDate {
    public static func date(_ name: String) -> FormKey { FormKey(name) { if case .date(let date) = $0 { date } else { nil } } }
}

extension FormKey where Answer: RawRepresentable & Sendable, Answer.RawValue == String {
    /// A chosen option read as one of `Answer`'s cases; a code that is none of them is no answer.
    public static func choice(_ name: String, of type: Answer.Type = Answer.self) -> FormKey {
        FormKey(name) { if case .choice(let code) = $0 { Answer(rawValue: code) } else { nil } }
    }
}

/// A save read a field that has no usable answer. `FormScreen` shows it at the field and keeps
/// the form open.
public struct UnansweredField: Error, Equatable {
    public let key: String
    /// Whether the field holds something (a code no option has), rather than nothing.
    public let hasValue: Bool

    public init(key: String, hasValue: Bool) {
        self.key = key
        self.hasValue = hasValue
    }
}

extension Form {
    /// The answer to `key`; throws `UnansweredField` when the field is empty, does not apply, or
    /// holds something that is not an answer of the key's type.
    public func answer<Answer>(_ key: FormKey<Answer>) throws -> Answer {
        guard let answer = try optionalAnswer(key) else { throw UnansweredField(key: key.name, hasValue: false) }
        return answer
    }

    /// The answer to `key`, or nil when the field is empty or does not apply; throws
    /// `UnansweredField` when it holds something that is not an answer of the key's type.
    public func optionalAnswer<Answer>(_ key: FormKey<Answer>) throws -> Answer? {
        guard field(key.name).map(isRelevant) ?? false else { return nil }
        let value = value(key.name)
        if value.isEmpty { return nil }
        guard let answer = key.answer(in: value) else { throw UnansweredField(key: key.name, hasValue: true) }
        return answer
    }
}

extension FormField {
    public init<Answer>(_ key: FormKey<Answer>, _ label: String, _ kind: EditorKind, required: Bool = false,
                        relevantWhen relevance: FormRelevance = .always,
                        validate: ((FormValue, FormValues) -> String?)? = nil, help: String? = nil) {
        self.init(key.name, label, kind, required: required, relevantWhen: relevance, validate: validate, help: help)
    }
}
