/// The state of a form being filled in: values, where they started, and the errors found.
/// No UI here, so the rules (relevance, required, validation, dirty) are easy to test and reuse.
public final class Form {
    public let description: FormDescription
    public private(set) var values: FormValues
    /// The values the form was opened with (a draft, or the record being edited), or last saved.
    public private(set) var initialValues: FormValues
    /// Current error message per field key.
    public internal(set) var errors: [String: String] = [:]

    /// Every field of every page, in order.
    public let fields: [FormField]
    private let fieldsByKey: [String: FormField]

    public init(_ description: FormDescription, values: FormValues = [:]) {
        self.description = description
        self.values = values
        initialValues = values
        fields = description.pages.flatMap(\.fields)
        fieldsByKey = Dictionary(fields.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func field(_ key: String) -> FormField? { fieldsByKey[key] }

    public func value(_ key: String) -> FormValue { values[key] ?? .none }

    func set(_ key: String, _ value: FormValue) { values[key] = value }

    public func isRelevant(_ field: FormField) -> Bool { field.relevance.holds(in: values) }

    public func relevantFields(onPage page: Int) -> [FormField] {
        description.pages.indices.contains(page) ? description.pages[page].fields.filter(isRelevant) : []
    }

    /// Values of the fields that currently apply: what a save should store.
    public var relevantValues: FormValues {
        let keys = Set(description.pages.indices.flatMap { relevantFields(onPage: $0).map(\.key) })
        return values.filter { keys.contains($0.key) }
    }

    /// Keys whose value differs from `initialValues` ("save only the changes").
    public var changedKeys: Set<String> {
        Set(Set(values.keys).union(initialValues.keys).filter { (values[$0] ?? .none) != (initialValues[$0] ?? .none) })
    }

    public var isDirty: Bool { !changedKeys.isEmpty }

    /// After a successful save the current values are the new starting point.
    public func markSaved() { initialValues = values }
}
