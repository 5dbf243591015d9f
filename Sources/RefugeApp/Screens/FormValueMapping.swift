import CaseModel
import ScreenKit

/// Converts between what the form engine edits (`FormValue`, keyed by string) and what the case
/// model stores (`FieldValue`, keyed by `FieldKey`). Text goes through CaseModel's parser so that
/// what is saved is cleaned exactly as an import would clean it.
enum FormValueMapping {
    static func fieldValue(_ value: FormValue, for field: Field?) -> FieldValue? {
        switch value {
        case .none: return nil
        case .text(let text):
            guard let field else { return text.isEmpty ? nil : .text(text) }
            return FieldInputParser.parse(text, for: field).value
        case .date(let date): return .date(date)
        case .number(let number): return .number(number)
        case .choice(let code): return .code(code)
        case .choices(let codes): return codes.isEmpty ? nil : .codes(codes)
        }
    }

    static func formValue(_ value: FieldValue) -> FormValue {
        switch value {
        case .text(let text): .text(text)
        case .date(let date): .date(date)
        case .number(let number): .number(number)
        case .code(let code): .choice(code)
        case .codes(let codes): .choices(codes)
        }
    }

    static func fieldValues(_ values: FormValues, schema: IntakeSchema = .standard) -> [FieldKey: FieldValue] {
        fieldValues(values) { schema.field($0) }
    }

    /// The answers of a form made from `sections` (any form declared as schema data, not only the
    /// intake), as CaseModel stores them: only the fields that apply, each through its own field's
    /// parser, so text is cleaned as an import would clean it.
    static func answers(of form: Form, declaredIn sections: [Section]) -> [FieldKey: FieldValue] {
        let declared = Dictionary(sections.flatMap(\.fields).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        return fieldValues(form.relevantValues) { declared[$0] }
    }

    private static func fieldValues(_ values: FormValues, field: (FieldKey) -> Field?) -> [FieldKey: FieldValue] {
        var result: [FieldKey: FieldValue] = [:]
        for (key, value) in values {
            let fieldKey = FieldKey(key)
            if let converted = fieldValue(value, for: field(fieldKey)) { result[fieldKey] = converted }
        }
        return result
    }

    static func formValues(_ values: [FieldKey: FieldValue]) -> FormValues {
        Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, formValue($0.value)) })
    }
}
