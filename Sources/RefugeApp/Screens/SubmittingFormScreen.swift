import ScreenKit
import Terminal

/// A short form (setup, sign-in, unlock) where Enter moves to the next field and, on the last
/// one, submits — so the person can type everything and press Enter without looking for F2.
class SubmittingFormScreen: FormScreen {
    /// False for screens that must not be left with Esc (sign-in, the lock screen).
    var allowsLeaving = true

    override var bindings: [Binding] {
        allowsLeaving ? super.bindings : super.bindings.filter { !$0.keys.contains(.escape) }
    }

    override func handle(_ event: InputEvent) -> Bool {
        if event == .key(.enter), let last = view.children.last, focused === last {
            save()
            return true
        }
        return super.handle(event)
    }
}
