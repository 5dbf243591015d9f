import ScreenKit

/// First start on an empty data directory: the organisation, the first user (a coordinator) and
/// their passphrase twice. Enter on the last field creates the encrypted case file.
final class SetupScreen: SubmittingFormScreen {
    init(session: RefugeSession) {
        let s = session.strings
        let description = FormDescription(title: s.setupTitle, pages: [FormPage(title: s.setupPage, fields: [
            FormField("organisation", s.organisation, .text(maxLength: 200), required: true, help: s.organisationHelp),
            FormField("user", s.firstUser, .text(maxLength: 100), required: true, help: s.firstUserHelp),
            PassphraseRules.newPassphrase(key: "passphrase", label: s.passphrase, strings: s),
            PassphraseRules.repeated(key: "again", of: "passphrase", label: s.passphraseAgain, strings: s),
        ])])
        super.init(description, strings: s.screenKit, today: { session.today }) { form in
            try session.saving {
                try session.create(organisation: form.value("organisation").trimmedText,
                                   user: form.value("user").trimmedText,
                                   passphrase: form.value("passphrase").rawText)
            }
        }
        allowsLeaving = false
        saveLabel = s.create
    }
}

/// The passphrase fields shared by setup, adding a user and changing one's own passphrase.
enum PassphraseRules {
    static let minimumLength = PassphrasePolicy.minimumLength

    static func newPassphrase(key: String, label: String, strings: AppStrings) -> FormField {
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

    static func repeated(key: String, of original: String, label: String, strings: AppStrings) -> FormField {
        FormField(key, label, .secret, required: true,
                  validate: { value, values in value.rawText != (values[original] ?? .none).rawText ? strings.passphrasesDiffer : nil })
    }
}

extension FormValue {
    /// The text as typed (passphrases are never trimmed).
    var rawText: String { if case .text(let text) = self { text } else { "" } }
    /// The text without surrounding spaces (names).
    var trimmedText: String { rawText.trimmingCharacters(in: .whitespaces) }
}
