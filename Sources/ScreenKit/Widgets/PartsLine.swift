import Terminal

/// Short texts that belong together — a case's number, name, age, status; the list's counts —
/// side by side, `separator` apart. Where they do not fit, the line breaks between two parts, never
/// inside one, so no part is cut from its meaning; only a part wider than the whole area wraps by
/// itself. With `oneLine`, the parts that do not fit are left out whole instead (put the most
/// important first).
public final class PartsLine: Widget {
    public var parts: [String]
    public var role: Role
    public var separator: String
    public var oneLine: Bool
    public var isHidden = false

    public init(_ parts: [String] = [], role: Role = .normal, separator: String = "  ", oneLine: Bool = false) {
        self.parts = parts
        self.role = role
        self.separator = separator
        self.oneLine = oneLine
    }

    public func preferredHeight(width: Int) -> Int { max(1, lines(width: width).count) }

    public func draw(in area: Rect, on canvas: Canvas) {
        for (row, line) in lines(width: area.width).prefix(area.height).enumerated() {
            canvas.line(line, in: Rect(x: area.x, y: area.y + row, width: area.width, height: 1), role: role)
        }
    }

    /// Parts packed greedily onto lines of `width` columns.
    func lines(width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for part in parts where !part.isEmpty {
            let joined = current.isEmpty ? part : current + separator + part
            if DisplayWidth.of(joined) <= width {
                current = joined
                continue
            }
            if oneLine {
                if current.isEmpty { current = part }  // the first part is shown even when cut
                break
            }
            if !current.isEmpty { lines.append(current) }
            let wrapped = TextWrap.lines(part, width: width)
            lines += wrapped.dropLast()
            current = wrapped.last ?? ""
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
