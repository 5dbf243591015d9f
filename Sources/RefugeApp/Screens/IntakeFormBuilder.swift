import CaseModel
import ScreenKit

/// The one way the application turns CaseModel's intake schema into a ScreenKit form: pages from
/// sections, editors from field kinds, labels and choice lists in the interface language,
/// relevance, required fields and validation from CaseModel's rules and messages.
final class IntakeFormBuilder {
    let schema: IntakeSchema
    let language: Language
    private let today: () -> CalendarDate
    /// Country names sorted in the interface language; built once, used by four fields.
    private lazy var countryOptions: [ChoiceOption] = Countries.ordered(in: language).map {
        ChoiceOption(code: $0, label: Countries.name(of: $0, in: language))
    }

    init(schema: IntakeSchema = .standard, language: Language, today: @escaping () -> CalendarDate) {
        self.schema = schema
        self.language = language
        self.today = today
    }

    /// A form of `sections` (all of them for a new intake, one for an edit).
    func description(title: String, sections: [Section]) -> FormDescription {
        FormDescription(title: title, pages: sections.map { section in
            FormPage(title: section.title.text(in: language), fields: section.fields.map(formField))
        })
    }

    /// Every error CaseModel's validator finds in the whole set of answers (the name rule and the
    /// rules that compare fields included), in form order.
    func problems(in values: [FieldKey: FieldValue]) -> [ValidationIssue] {
        CaseValidator(schema: schema, context: ValidationContext(today: today()))
            .validate(values).filter { $0.severity == .error }
    }

    /// What saving cleans without refusing (control characters in pasted text), as "Label: message",
    /// so that the confirmation can say so.
    func notices(in values: FormValues) -> [String] {
        values.compactMap { key, value -> String? in
            guard case .text(let text) = value, let field = schema.field(FieldKey(key)),
                  let issue = FieldInputParser.parse(text, for: field).issues.first(where: { $0.severity == .warning })
            else { return nil }
            return "\(field.label.text(in: language)): \(issue.message(in: language))"
        }.sorted()
    }

    private func formField(_ field: Field) -> FormField {
        let help = field.help.text(in: language)
        return FormField(
            field.key.rawValue, field.label.text(in: language), kind(of: field),
            required: field.requiredForSave,
            relevantWhen: Self.relevance(field.relevance, today: today()),
            validate: { [unowned self] value, values in problem(with: value, of: field, among: values) },
            help: help.isEmpty ? nil : help)
    }

    /// The schema's condition as the form engine's: the same cases, keyed by the field's name;
    /// `today` stands in for the intake date while it is not typed (a new case is opened today).
    static func relevance(_ relevance: Relevance, today: CalendarDate) -> FormRelevance {
        switch relevance {
        case .always: .always
        case .contains(let key, let code): .contains(key.rawValue, code: code)
        case .lacks(let key, let code): .lacks(key.rawValue, code: code)
        case .answered(let key): .answered(key.rawValue)
        case .unanswered(let key): .unanswered(key.rawValue)
        case .minorAtIntake:
            .younger(than: 18, born: FieldKey.birthDate.rawValue, age: FieldKey.ageAtIntake.rawValue,
                     on: FieldKey.intakeDate.rawValue, otherwise: today)
        }
    }

    private func problem(with value: FormValue, of field: Field, among values: FormValues) -> String? {
        if case .text(let text) = value, let issue = FieldInputParser.parse(text, for: field).issues.first(where: { $0.severity == .error }) {
            return issue.message(in: language)
        }
        guard let fieldValue = FormValueMapping.fieldValue(value, for: field) else { return nil }
        let context = ValidationContext(today: today())
        let all = FormValueMapping.fieldValues(values, schema: schema)
        return CaseValidator(schema: schema, context: context).check(fieldValue, of: field, in: all)
            .first { $0.severity == .error }?.message(in: language)
    }

    private func kind(of field: Field) -> EditorKind {
        switch field.kind {
        // No limit in the editor: it would silently drop the end of a long paste. The schema's
        // maximum is checked like every rule, with a message, and the form keeps all of the text.
        case .text: return .text(maxLength: nil)
        case .longText: return .notes(rows: 4)
        case .date: return .date
        case .number:
            let range = field.rules.lazy.compactMap { rule -> ClosedRange<Int>? in
                if case .range(let range) = rule { range } else { nil }
            }.first
            return .number(range: range)
        case .singleChoice: return .choice(options(of: field))
        case .multipleChoice: return .multiChoice(options(of: field))
        case .country: return .choice(countryOptions)
        case .countries: return .multiChoice(countryOptions)
        case .yesNoUnknown: return .yesNoUnknown
        }
    }

    private func options(of field: Field) -> [ChoiceOption] {
        (field.codeList?.codes ?? []).map { ChoiceOption(code: $0.code, label: $0.label.text(in: language)) }
    }
}
