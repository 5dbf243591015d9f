import Foundation
import ScreenKit

/// First start on an empty data directory: the organisation, the first user (a coordinator) and
/// their passphrase twice. Enter on the last field creates the encrypted case file.
final class SetupScreen: SubmittingFormScreen {
    private enum Keys {
        static let organisation = FormKey.text("organisation")
        static let user = FormKey.text("user")
        static let passphrase = FormKey.text("passphrase")
        static let again = FormKey.text("again")
    }

    init(session: RefugeSession) {
        let s = session.strings
        let description = FormDescription(title: s.setupTitle, pages: [FormPage(title: s.setupPage, fields: [
            FormField(Keys.organisation, s.organisation, .text(maxLength: 200), required: true, help: s.organisationHelp),
            FormField(Keys.user, s.firstUser, .text(maxLength: 100), required: true, help: s.firstUserHelp),
            PassphraseRules.newPassphrase(Keys.passphrase, label: s.passphrase, strings: s),
            PassphraseRules.repeated(Keys.again, of: Keys.passphrase, label: s.passphraseAgain, strings: s),
        ])])
        super.init(description, strings: s.screenKit, today: { session.today }) { form in
            try session.saving {
                try session.create(organisation: form.answer(Keys.organisation).trimmingCharacters(in: .whitespaces),
                                   user: form.answer(Keys.user).trimmingCharacters(in: .whitespaces),
                                   passphrase: form.answer(Keys.passphrase))
            }
        }
        allowsLeaving = false
        saveLabel = s.create
    }
}

/// The passphrase fields shared by setup, adding a user and changing one's own passphrase.
enum PassphraseRules {
    static let minimumLength = PassphrasePolicy.minimumLength

    static func newPassphrase(_ key: FormKey<String>, label: String, strings: AppStrings) -> FormField {
        FormField(key, label, .secret, required: true,
                  validate: { value, _ in
                      switch PassphrasePolicy.weakness(of: value.rawText) {
                      case nil: nil
                      case .tooShort: strings.passphraseTooShort
                      default: strings.passphraseTooWeak(PassphrasePolicy.suggestion())
                      }
                  },
                  help: strings.passphraseHelp)
    }

    static func repeated(_ key: FormKey<String>, of original: FormKey<String>, label: String, strings: AppStrings) -> FormField {
        FormField(key, label, .secret, required: true,
                  validate: { value, values in value.rawText != (values[original.name] ?? .none).rawText ? strings.passphrasesDiffer : nil })
    }
}

extension FormValue {
    /// The text as typed (passphrases are never trimmed); empty for anything else.
    var rawText: String { if case .text(let text) = self { text } else { "" } }
}
