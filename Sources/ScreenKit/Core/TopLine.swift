import Terminal

/// The first row: the screen title, the status message (info or error) and, right-aligned, the
/// app's marker. The title is never cut for a message: when both do not fit, the message takes
/// the title's place until it goes (it is of the moment; the title comes back). The marker stays.
struct TopLine {
    var title: String
    var status: StatusMessage?
    var marker: String?

    func draw(in area: Rect, on canvas: Canvas) {
        guard !area.isEmpty else { return }
        canvas.fill(area, role: .title)
        var right = area.maxX
        if let marker, !marker.isEmpty {
            let text = " " + DisplayWidth.truncate(marker, to: max(1, area.width / 3)) + " "
            right -= text.displayWidth
            canvas.write(text, at: Point(x: right, y: area.y), role: .marker, clip: area)
        }
        let room = Rect(x: area.x, y: area.y, width: right - area.x - 1, height: 1)
        let titleFits = status.map { 1 + title.displayWidth + 2 + $0.text.displayWidth <= room.width } ?? true
        var x = room.x
        if titleFits {
            x += canvas.write(" " + DisplayWidth.truncate(title, to: max(1, room.width - 1)), at: room.origin, role: .title, clip: room)
        }
        if let status {
            x += titleFits ? 2 : 1
            let text = DisplayWidth.truncate(status.text, to: room.maxX - x)
            canvas.write(text, at: Point(x: x, y: area.y), role: status.isError ? .error : .info, clip: room)
        }
    }
}
