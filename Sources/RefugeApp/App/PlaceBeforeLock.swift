import CaseModel
import ScreenKit

/// Where the user was when the screen locked, so the passphrase brings them back there ("you are
/// back where you were"): the agenda when it was open, the case file at the same tab. Only what
/// names the place is kept — the screens themselves held decrypted cases and are gone.
struct PlaceBeforeLock {
    var agendaWasOpen: Bool
    var caseFile: (id: CaseID, part: CaseFileScreen.Part)?

    init(screens: [Screen]) {
        agendaWasOpen = screens.contains { $0 is AgendaScreen }
        caseFile = screens.lazy.compactMap { $0 as? CaseFileScreen }.last.map {
            ($0.caseID, CaseFileScreen.Part(rawValue: $0.tabs.selected) ?? .overview)
        }
    }

    /// Opens the place again over the case list the unlock starts from.
    func reopen(in session: RefugeSession) {
        if agendaWasOpen { session.app.push(AgendaScreen(session: session)) }
        if let caseFile { CaseFileScreen.open(caseFile.id, session: session, at: caseFile.part) }
    }
}
