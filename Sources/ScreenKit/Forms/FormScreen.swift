import Terminal

/// A screen that shows a `FormDescription` and edits its values.
///
/// Keys: F2 or Ctrl-S save; PgDn/F8 and PgUp/F7 change page; Enter moves to the next field (and
/// on from a page's last field to the next page); Esc
/// leaves, asking first when something changed. A field is validated when the focus leaves it and all relevant fields again
/// on save; a save with errors moves the focus to the first invalid field (switching page) and
/// never calls `onSave`. Nothing typed is lost either way.
open class FormScreen: Screen {
    public let form: Form
    public let view: FormView
    private let strings: ScreenKitStrings
    /// The field whose error the status line shows, so fixing (or hiding) it clears the status.
    private var errorInStatus: String?
    /// Called with the form when it is valid; read `form.relevantValues` and `form.changedKeys`.
    /// When it throws, the error is shown and the form stays dirty.
    public var onSave: (Form) throws -> Void
    /// Called after every change with all current values, e.g. to store an encrypted draft.
    public var onDraft: ((FormValues) -> Void)?
    /// Called when the user leaves (after confirming, if there were changes). Default: close.
    public var onCancel: (() -> Void)?

    public init(_ description: FormDescription, values: FormValues = [:], strings: ScreenKitStrings = .english,
                today: @escaping () -> CalendarDate = CalendarDate.today, onSave: @escaping (Form) throws -> Void) {
        form = Form(description, values: values)
        self.strings = strings
        self.onSave = onSave
        var inputs: [String: any FormInput] = [:]
        for field in form.fields where inputs[field.key] == nil {
            inputs[field.key] = FieldInput(field, value: values[field.key] ?? .none, strings: strings, today: today)
        }
        view = FormView(form: form, inputs: inputs)
        super.init(title: description.title, root: view)
        for input in inputs.values {
            input.editor.onChange = { [unowned self, unowned input] in valueChanged(input) }
        }
    }

    /// What the save key does, as the bar says it ("Save" unless the screen says e.g. "Sign in").
    public var saveLabel: String?

    override open var bindings: [Binding] {
        var bindings = [Binding(.function(2), .control("s"), label: saveLabel ?? strings.save) { [unowned self] in save() }]
        // Page keys only where they turn a page: "Prev" on the first page would do nothing, and on a
        // narrow bar it would push out "Next".
        if pageToTurn(by: -1) != nil {
            bindings.append(Binding(.function(7), .pageUp, label: strings.previousPage) { [unowned self] in turnPage(by: -1) })
        }
        if pageToTurn(by: 1) != nil {
            bindings.append(Binding(.function(8), .pageDown, label: strings.nextPage) { [unowned self] in turnPage(by: 1) })
        }
        return bindings + [Binding(.escape, label: strings.back) { [unowned self] in leave() }]
    }

    public var page: Int { view.page }

    public func editor(_ key: String) -> (any FieldEditor)? { view.inputs[key]?.editor }

    /// Shows `page` and focuses its first relevant field.
    public func goToPage(_ page: Int) {
        guard form.description.pages.indices.contains(page) else { return }
        view.page = page
        if let first = view.children.first { focus(first) }
        app?.setNeedsRedraw()
    }

    /// Moves to the next (previous) page that has a relevant field.
    public func turnPage(by step: Int) {
        if let target = pageToTurn(by: step) { goToPage(target) }
    }

    /// The next (previous) page that has a relevant field, if there is one.
    private func pageToTurn(by step: Int) -> Int? {
        var target = view.page + step
        while form.description.pages.indices.contains(target) {
            if !form.relevantFields(onPage: target).isEmpty { return target }
            target += step
        }
        return nil
    }

    /// Validates every relevant field; saves when all are valid, else shows the first problem.
    public func save() {
        var firstInvalid: (page: Int, input: any FormInput)?
        for (pageIndex, page) in form.description.pages.enumerated() {
            for field in page.fields {
                guard let input = view.inputs[field.key] else { continue }
                let message = input.problem(given: form.values, strings: strings)
                form.errors[field.key] = message
                if message != nil, firstInvalid == nil { firstInvalid = (pageIndex, input) }
            }
        }
        if let firstInvalid {
            view.page = firstInvalid.page
            focus(firstInvalid.input.editor)
            showProblem(firstInvalid.input.field)
            return
        }
        do {
            try onSave(form)
            form.markSaved()
        } catch let unanswered as UnansweredField {
            show(unanswered)
        } catch {
            app?.showError(String(describing: error))
        }
    }

    /// A save found no usable answer in a field the rules let through: the form stays open with the
    /// focus and a message on that field.
    private func show(_ unanswered: UnansweredField) {
        guard let field = form.field(unanswered.key) else {
            app?.showError(strings.required)
            return
        }
        form.errors[field.key] = unanswered.hasValue ? strings.notAChoice : strings.required
        if let page = form.description.pages.firstIndex(where: { $0.fields.contains { $0.key == field.key } }) { view.page = page }
        if let editor = view.inputs[field.key]?.editor { focus(editor) }
        showProblem(field)
    }

    /// Esc: leaves at once when nothing changed, otherwise asks first.
    public func leave() {
        let cancel: () -> Void = { [unowned self] in
            if let onCancel { onCancel() } else { app?.dismiss(self) }
        }
        guard form.isDirty else { return cancel() }
        app?.push(ConfirmDialog(title: strings.unsavedChanges, message: strings.discardChanges) { if $0 { cancel() } })
    }

    /// Enter in a field that does not use it (text, date, number) moves on to the next field, and
    /// from the last field of a page to the first of the next page (rather than back to the top of
    /// this one, where the next answer would be typed into the family name); it never saves, so a
    /// pasted or stray newline cannot submit the form.
    override open func handle(_ event: InputEvent) -> Bool {
        guard event == .key(.enter) else { return false }
        let ring = root.focusable
        if let focused, ring.last === focused, let next = pageToTurn(by: 1) {
            goToPage(next)
        } else {
            moveFocus(by: 1)
        }
        return true
    }

    /// F1 on a field: its full label (the form may have cut it), then its help.
    override open var focusedHelp: String? {
        guard let focused, let field = input(for: focused)?.field else { return super.focusedHelp }
        return [field.label, focused.helpText].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    override open func focusDidMove(from old: (any Widget)?, to new: (any Widget)?) {
        guard let old, let input = input(for: old) else { return }
        let field = input.field
        form.errors[field.key] = input.problem(given: form.values, strings: strings)
        if form.errors[field.key] != nil { showProblem(field) } else if errorInStatus == field.key { showProblem(nil) }
    }

    /// Shows `field`'s error in the status line, or clears the error shown there.
    private func showProblem(_ field: FormField?) {
        if let field, let message = form.errors[field.key] {
            app?.showError("\(field.label): \(message)")
            errorInStatus = field.key
        } else if errorInStatus != nil {
            app?.clearStatus()
            errorInStatus = nil
        }
    }

    private func valueChanged(_ input: any FormInput) {
        let key = input.field.key
        form.set(key, input.value)
        if form.errors[key] != nil {
            form.errors[key] = input.problem(given: form.values, strings: strings)  // clear the error as soon as it is fixed
        }
        for input in view.inputs.values where input.skips(given: form.values) {
            form.errors[input.field.key] = nil
        }
        if let shown = errorInStatus, form.errors[shown] == nil { showProblem(nil) }
        onDraft?(form.values)
    }

    private func input(for widget: any Widget) -> (any FormInput)? {
        view.inputs.values.first { $0.editor === widget }
    }
}
