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
}
