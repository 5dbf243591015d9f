import Terminal

extension Application {
    /// Draws the whole UI: top line, the screens from the last full screen up (so a dialog's
    /// screen stays visible beneath it), bottom bar. Below `minimumSize`, only a message.
    func render(size: Size) -> Frame {
        let top = topScreen
        let canvas = Canvas(size: size, theme: theme, strings: strings, focused: top?.focused)
        let bounds = Rect(size: size)
        if size.width < minimumSize.width || size.height < minimumSize.height {
            drawTooSmall(in: bounds, on: canvas)
            return Frame(grid: canvas.grid)
        }
        layout(size: size)
        for (screen, area) in visibleScreens(size: size) {
            screen.draw(in: area, on: canvas)
            if screen !== top { canvas.cursor = nil }  // only the top screen shows a cursor
        }
        let title = screens.last { !$0.isModal }?.title ?? ""
        TopLine(title: title, status: status, marker: marker).draw(in: bounds.row(0), on: canvas)
        if let top {
            BottomBar(bindings: activeBindings(for: top)).draw(in: bounds.row(size.height - 1), on: canvas)
        }
        return Frame(grid: canvas.grid, cursor: canvas.cursor)
    }

    /// Lays out the screens that `render(size:)` draws, in the areas it draws them in.
    func layout(size: Size) {
        for (screen, area) in visibleScreens(size: size) { screen.layout(in: area) }
    }

    /// The screens from the last full screen up (a dialog's screen stays visible beneath it), each
    /// with its area in the body between the top line and the bottom bar.
    private func visibleScreens(size: Size) -> [(Screen, Rect)] {
        let body = Rect(size: size).inset(top: 1, bottom: 1)
        let base = screens.lastIndex { !$0.isModal } ?? 0
        return screens.dropFirst(base).map { ($0, $0.frame(in: body).intersection(body)) }
    }

    private func drawTooSmall(in bounds: Rect, on canvas: Canvas) {
        let message = strings.terminalTooSmall(minimumSize, bounds.size)
        let lines = TextWrap.lines(message, width: bounds.width)
        for (i, line) in lines.prefix(bounds.height).enumerated() {
            canvas.write(line, at: Point(x: 0, y: i), role: .error, clip: bounds)
        }
    }
}
