/// Checks a whole set of answers: what a first save needs, each field's rules, and the rules that
/// compare fields (admission not before intake, age at exploitation not above current age).
/// Fields that are not relevant are not checked; their values are kept.
public struct CaseValidator: Sendable {
    public let schema: IntakeSchema
    public let context: ValidationContext

    public init(schema: IntakeSchema = .standard, context: ValidationContext) {
        self.schema = schema
        self.context = context
    }

    /// Every problem found, in form order; errors block saving, warnings do not.
    public func validate(_ values: [FieldKey: FieldValue]) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if !schema.nameKeys.contains(where: { values[$0]?.text.map { !$0.isEmpty } ?? false }) {
            issues.append(ValidationIssue(field: schema.nameKeys.first, problem: .nameRequired))
        }
        // By position, so that no field is copied for each answer set: the import validates every row.
        let fields = schema.fields
        for position in fields.indices {
            let value = values[fields[position].key]
            if fields[position].requiredForSave && value == nil {
                issues.append(ValidationIssue(field: fields[position].key, problem: .required))
            }
            guard let value, fields[position].relevance.isSatisfied(by: values, intakeDateOr: context.today) else { continue }
            issues += check(value, of: fields[position], in: values)
        }
        return issues
    }

    /// Problems of one field's value in the context of the other answers.
    public func check(_ value: FieldValue, of field: Field, in values: [FieldKey: FieldValue]) -> [ValidationIssue] {
        var problems: [ValidationIssue.Problem] = []
        problems += shapeProblems(value, of: field)
        for rule in field.rules {
            if let problem = apply(rule, to: value, in: values) { problems.append(problem) }
        }
        return problems.map { ValidationIssue(field: field.key, problem: $0) }
    }

    /// The value must be of the field's kind, with known codes and clean text.
    private func shapeProblems(_ value: FieldValue, of field: Field) -> [ValidationIssue.Problem] {
        switch (field.kind, value) {
        case (.text, .text(let text)), (.longText, .text(let text)):
            var problems: [ValidationIssue.Problem] = []
            if TextSanitizer.containsControlCharacters(text, multiline: field.kind == .longText) {
                problems.append(.controlCharacters)
            }
            if let maximum = field.maxLength, text.exceeds(maximum) {
                problems.append(.tooLong(length: text.count, maximum: maximum))
            }
            return problems
        case (.date, .date), (.number, .number):
            return []
        case (.singleChoice, .code(let code)), (.country, .code(let code)), (.yesNoUnknown, .code(let code)):
            return field.accepts(code: code) ? [] : [.unknownCode(code)]
        case (.multipleChoice, .codes(let codes)), (.countries, .codes(let codes)):
            return codes.filter { !field.accepts(code: $0) }.map { .unknownCode($0) }
        default:
            return [.wrongKind]
        }
    }

    private func apply(_ rule: FieldRule, to value: FieldValue, in values: [FieldKey: FieldValue]) -> ValidationIssue.Problem? {
        switch rule {
        case .range(let range):
            guard let number = value.number, !range.contains(number) else { return nil }
            return .outOfRange(number, range)
        case .notInFuture:
            guard let date = value.date, date > context.today else { return nil }
            return .futureDate(date)
        case .maximumAge(let maximum):
            guard let birth = value.date else { return nil }
            let age = birth.age(on: context.today)
            return age > maximum ? .ageAboveMaximum(age: age, maximum: maximum) : nil
        case .notBefore(let otherKey):
            guard let date = value.date, let other = values[otherKey]?.date, date < other,
                let otherField = schema.field(otherKey)
            else { return nil }
            return .dateBefore(date, otherLabel: otherField.label, otherDate: other)
        case .notAboveCurrentAge:
            guard let age = value.number, let current = values.personAge(intakeDateOr: context.today).on(context.today),
                age > current
            else { return nil }
            return .exploitationAgeAboveCurrentAge(ageAtExploitation: age, currentAge: current)
        }
    }
}
