import Terminal

/// How much room one part of a row or column gets.
public enum Length: Hashable, Sendable {
    /// Exactly this many cells (less when there is not enough room).
    case fixed(Int)
    /// A share of what the fixed parts leave, by weight.
    case flex(Int)
    /// The widget's preferred height (in a `Stack`); treated as `.fixed(1)` by `Layout.split`.
    case auto
}

public enum Axis: Sendable { case horizontal, vertical }

/// Splits rectangles into rows or columns. Pure, so it simply runs again on every draw and thus
/// after every resize.
public enum Layout {
    /// The first row to show of a scrolled list, moved as little as possible from `top` so that
    /// `rows` are in a window `height` rows tall (their start wins if they do not fit).
    static func scrolled(_ top: Int, toShow rows: Range<Int>, height: Int) -> Int {
        var top = min(top, rows.lowerBound)
        if rows.upperBound > top + height { top = rows.upperBound - height }
        return top
    }

    /// Parts of `rect` along `axis`. Fixed parts are served first, in order, until room runs out;
    /// flexible parts share the rest by weight, the last one taking any rounding remainder.
    public static func split(_ rect: Rect, _ axis: Axis, _ lengths: [Length], spacing: Int = 0) -> [Rect] {
        let total = axis == .vertical ? rect.height : rect.width
        var room = max(0, total - spacing * max(0, lengths.count - 1))
        var sizes = lengths.map { length -> Int in
            switch length {
            case .fixed(let n): let size = min(max(0, n), room); room -= size; return size
            case .auto: let size = min(1, room); room -= size; return size
            case .flex: return 0
            }
        }
        let weights = lengths.map { if case .flex(let w) = $0 { max(0, w) } else { 0 } }
        let weightSum = weights.reduce(0, +)
        if weightSum > 0 {
            var left = room
            let lastFlex = weights.lastIndex { $0 > 0 }
            for i in sizes.indices where weights[i] > 0 {
                sizes[i] = i == lastFlex ? left : room * weights[i] / weightSum
                left -= sizes[i]
            }
        }
        var offset = 0
        return sizes.map { size in
            defer { offset += size + spacing }
            return axis == .vertical
                ? Rect(x: rect.x, y: rect.y + min(offset, total), width: rect.width, height: size)
                : Rect(x: rect.x + min(offset, total), y: rect.y, width: size, height: rect.height)
        }
    }

    /// A rectangle of at most `size`, centred in `rect`.
    public static func centered(_ size: Size, in rect: Rect) -> Rect {
        let width = min(size.width, rect.width), height = min(size.height, rect.height)
        return Rect(x: rect.x + (rect.width - width) / 2, y: rect.y + (rect.height - height) / 2, width: width, height: height)
    }
}
