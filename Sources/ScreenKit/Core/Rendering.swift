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
        let body = bounds.inset(top: 1, bottom: 1)
        let base = screens.lastIndex { !$0.isModal } ?? 0
        for screen in screens.dropFirst(base) {
            screen.draw(in: screen.frame(in: body).intersection(body), on: canvas)
            if screen !== top { canvas.cursor = nil }  // only the top screen shows a cursor
        }
        let title = screens.last { !$0.isModal }?.title ?? ""
        TopLine(title: title, status: status, marker: marker).draw(in: bounds.row(0), on: canvas)
        if let top {
            BottomBar(bindings: activeBindings(for: top)).draw(in: bounds.row(size.height - 1), on: canvas)
        }
        return Frame(grid: canvas.grid, cursor: canvas.cursor)
    }

    private func drawTooSmall(in bounds: Rect, on canvas: Canvas) {
        let message = strings.terminalTooSmall(minimumSize, bounds.size)
        let lines = TextWrap.lines(message, width: bounds.width)
        for (i, line) in lines.prefix(bounds.height).enumerated() {
            canvas.write(line, at: Point(x: 0, y: i), role: .error, clip: bounds)
        }
    }
}
