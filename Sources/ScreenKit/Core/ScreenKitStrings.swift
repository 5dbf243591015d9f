import Terminal

/// The few words ScreenKit itself shows. Everything else (titles, labels, help) comes from the app,
/// already translated. Replace `Application.strings` to translate these.
public struct ScreenKitStrings: Sendable {
    public var ok, cancel, yes, no, unknown: String
    public var help, save, back, close, nextPage, previousPage, sort, choose, filter: String
    /// "Page" in the form's page indicator ("Page 2/5 · Consent").
    public var page: String
    public var required: String
    /// A chosen code that none of the field's options has.
    public var notAChoice: String
    public var invalidDate: String
    /// A year alone typed into a date: what to do instead.
    public var yearOnlyDate: String
    public var dateHint: String
    public var numberOutOfRange: @Sendable (_ range: ClosedRange<Int>) -> String
    public var discardChanges: String
    public var unsavedChanges: String
    /// Said when a paste held terminal escape sequences, which were taken out.
    public var pasteCleaned: String
    /// Shown instead of the UI when the terminal is smaller than `Application.minimumSize`.
    public var terminalTooSmall: @Sendable (_ needed: Size, _ actual: Size) -> String

    public static let english = ScreenKitStrings(
        ok: "OK", cancel: "Cancel", yes: "Yes", no: "No", unknown: "Unknown",
        help: "Help", save: "Save", back: "Back", close: "Close", nextPage: "Next", previousPage: "Prev",
        sort: "Sort", choose: "Choose", filter: "Filter", page: "Page", required: "Required",
        notAChoice: "Not one of the choices",
        invalidDate: "Not a valid date (dd.mm.yyyy)",
        yearOnlyDate: "A whole date is needed (dd.mm.yyyy); if only the year is known, leave this empty and give the estimated age",
        dateHint: "dd.mm.yyyy",
        numberOutOfRange: { "Must be between \($0.lowerBound) and \($0.upperBound)" },
        discardChanges: "Discard the changes?", unsavedChanges: "Unsaved changes",
        pasteCleaned: "Terminal codes were removed from the pasted text.",
        terminalTooSmall: { "Terminal too small (\($1.width)x\($1.height)). Please enlarge it to at least \($0.width)x\($0.height)." }
    )

    public static let russian = ScreenKitStrings(
        ok: "ОК", cancel: "Отмена", yes: "Да", no: "Нет", unknown: "Неизвестно",
        help: "Помощь", save: "Сохр", back: "Назад", close: "Закрыть", nextPage: "Далее", previousPage: "Пред.",
        sort: "Сорт", choose: "Выбор", filter: "Фильтр", page: "Стр.", required: "Обязательное поле",
        notAChoice: "Нет среди вариантов",
        invalidDate: "Неверная дата (дд.мм.гггг)",
        yearOnlyDate: "Нужна полная дата (дд.мм.гггг); если известен только год, оставьте пустым и укажите примерный возраст",
        dateHint: "дд.мм.гггг",
        numberOutOfRange: { "Должно быть от \($0.lowerBound) до \($0.upperBound)" },
        discardChanges: "Отменить изменения?", unsavedChanges: "Есть несохранённые изменения",
        pasteCleaned: "Из вставленного текста удалены служебные коды терминала.",
        terminalTooSmall: { "Окно терминала мало (\($1.width)x\($1.height)). Нужно не меньше \($0.width)x\($0.height)." }
    )
}
