import CaseModel
import ScreenKit

/// The form engine's date and the case model's date are separate types (the two stacks do not
/// know each other); these names keep the files that use both readable.
typealias FormDate = ScreenKit.CalendarDate
typealias CaseDate = CaseModel.CalendarDate

extension FormDate {
    init(_ date: CaseDate) { self = FormDate(year: date.year, month: date.month, day: date.day)! }
}

extension CaseDate {
    init?(_ date: FormDate) { self.init(year: date.year, month: date.month, day: date.day) }
}

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
        case .date(let date): return CaseDate(date).map(FieldValue.date)
        case .number(let number): return .number(number)
        case .choice(let code): return .code(code)
        case .choices(let codes): return codes.isEmpty ? nil : .codes(codes)
        }
    }

    static func formValue(_ value: FieldValue) -> FormValue {
        switch value {
        case .text(let text): .text(text)
        case .date(let date): .date(FormDate(date))
        case .number(let number): .number(number)
        case .code(let code): .choice(code)
        case .codes(let codes): .choices(codes)
        }
    }

    static func fieldValues(_ values: FormValues, schema: IntakeSchema = .standard) -> [FieldKey: FieldValue] {
        var result: [FieldKey: FieldValue] = [:]
        for (key, value) in values {
            let fieldKey = FieldKey(key)
            if let converted = fieldValue(value, for: schema.field(fieldKey)) { result[fieldKey] = converted }
        }
        return result
    }

    static func formValues(_ values: [FieldKey: FieldValue]) -> FormValues {
        Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, formValue($0.value)) })
    }
}
