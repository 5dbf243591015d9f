import CaseModel
import ScreenKit

extension RefugeSession {
    /// A form whose F2 runs `save` on the open case file, closes it and says `confirmation` on the
    /// screen beneath; a failure (full disk, read-only) leaves it open with everything typed.
    func caseFileForm(_ description: FormDescription, initial: FormValues = [:], confirmation: String? = nil,
                      save: @escaping (CaseBook, Form) throws -> Void) -> FormScreen {
        let screen = FormScreen(description, values: initial, strings: strings.screenKit,
                                today: { [unowned self] in today }) { _ in }
        screen.onSave = { [unowned screen, unowned self] form in
            try saving { try save(writableBook(), form) }
            app.dismiss(screen)
            if let confirmation { app.showInfo(confirmation) }
        }
        return screen
    }

    /// A case file form declared as schema data (one section): built by `IntakeFormBuilder`, and
    /// its save gets the answers that apply, cleaned by each field's parser. An answer `save`
    /// needs and does not find (`MissingAnswer`) is shown at its field, and the form stays open.
    func schemaForm(_ schema: IntakeSchema, title: String, initial: [FieldKey: FieldValue] = [:], confirmation: String? = nil,
                    save: @escaping (CaseBook, [FieldKey: FieldValue]) throws -> Void) -> FormScreen {
        let builder = IntakeFormBuilder(schema: schema, language: strings.language, today: { [unowned self] in today })
        return caseFileForm(builder.description(title: title, sections: schema.sections),
                            initial: FormValueMapping.formValues(initial), confirmation: confirmation) { book, form in
            // The builder's validators hold it unowned: this closure keeps it alive with the form.
            let answers = FormValueMapping.answers(of: form, declaredIn: builder.schema.sections)
            do {
                try save(book, answers)
            } catch let missing as MissingAnswer {
                throw UnansweredField(key: missing.key.rawValue, hasValue: !form.value(missing.key.rawValue).isEmpty)
            }
        }
    }
}
