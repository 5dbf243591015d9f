import ScreenKit

/// What one of the case file's menus offers (case work, legal proceedings, family): each choice
/// names itself in the user's language.
protocol MenuChoice: CaseIterable, RawRepresentable<String> {
    func label(_ strings: AppStrings) -> String
}

extension RefugeSession {
    /// Asks which of `Choice`'s cases, then hands it to `act` (nothing when the menu is left).
    func choose<Choice: MenuChoice>(_: Choice.Type, title: String, then act: @escaping (Choice) -> Void) {
        let options = Choice.allCases.map { ChoiceOption(code: $0.rawValue, label: $0.label(strings)) }
        app.push(ChooseDialog(title: title, options: options) { option in
            guard let choice = option.flatMap({ Choice(rawValue: $0.code) }) else { return }
            act(choice)
        })
    }
}
