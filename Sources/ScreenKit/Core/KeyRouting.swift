import Terminal

extension Application {
    /// Routes a key or paste. The order, first taker wins:
    /// 1. global bindings (lock, quit, help) — always, even in a dialog;
    /// 2. the focused widget, then each of its containers (their `handle`, then their `bindings`);
    /// 3. focus movement: Tab/Shift-Tab, and Up/Down when the widget did not use them;
    /// 4. the top screen's bindings, then its `handle`;
    /// 5. the app's bindings — unless the top screen is modal.
    /// Letter shortcuts are skipped while the focused widget takes text.
    func route(_ event: InputEvent) {
        guard let screen = topScreen else { return }
        var key: Key? = nil
        if case .key(let k) = event { key = k }
        let letters = !(screen.focused?.consumesText ?? false)

        if let key, let binding = globalBindings(on: screen).first(matching: key, lettersAllowed: letters) { return binding.action() }
        for widget in screen.focusChain {
            if widget.handle(event, app: self) { return }
            if let key, let binding = widget.bindings.first(matching: key, lettersAllowed: letters) { return binding.action() }
        }
        switch key {
        case .tab?, .down?: return screen.moveFocus(by: 1)
        case .backTab?, .up?: return screen.moveFocus(by: -1)
        default: break
        }
        if let key, let binding = screen.bindings.first(matching: key, lettersAllowed: letters) { return binding.action() }
        if screen.handle(event) { return }
        if !screen.isModal, let key, let binding = bindings.first(matching: key, lettersAllowed: letters) { binding.action() }
    }

    /// Every binding live on `screen`, in routing order, each key only with the first binding
    /// that has it: what help and the bar show.
    public func activeBindings(for screen: Screen) -> [Binding] {
        var all = globalBindings(on: screen) + screen.focusChain.flatMap(\.bindings) + screen.bindings
        if !screen.isModal { all += bindings }
        var seen: [Key] = []
        return all.compactMap { binding in
            var live = binding
            live.keys = binding.keys.filter { !seen.contains($0) }
            seen += live.keys
            return live.keys.isEmpty ? nil : live
        }
    }

    /// The global bindings while `screen` is on top: without the keys it takes itself.
    private func globalBindings(on screen: Screen) -> [Binding] {
        let taken = screen.takesGlobalKeys
        return globalBindings.compactMap { binding in
            var live = binding
            live.keys.removeAll(where: taken.contains)
            return live.keys.isEmpty ? nil : live
        }
    }
}
