import ConsoleKitTerminal
import Foundation

/// A console-kit console drawn on standard error, so that standard output keeps only the command's results.
///
/// console-kit's own `Terminal` writes to standard output, where receipts and piped data go. Made only for
/// a terminal that takes cursor moves, so it always claims ANSI support.
final class StandardErrorConsole: Console, @unchecked Sendable {
    // `lock` guards `storage`: console-kit redraws from its timer queue while the command's thread works.
    private let lock = NSLock()
    private var storage: [AnySendableHashable: any Sendable] = [:]
    /// Whether styled text is coloured (not when NO_COLOR is set).
    let colours: Bool

    init(colours: Bool) {
        self.colours = colours
    }

    var userInfo: [AnySendableHashable: any Sendable] {
        get { lock.withLock { storage } }
        set { lock.withLock { storage = newValue } }
    }

    var supportsANSICommands: Bool { true }

    var size: (width: Int, height: Int) {
        var window = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0 else { return (80, 24) }
        return (Int(window.ws_col), Int(window.ws_row))
    }

    func input(isSecure: Bool) -> String {
        readLine() ?? ""
    }

    /// Writes `text` cut to the terminal's width, so a line never wraps and the redraw clears exactly it.
    func output(_ text: ConsoleText, newLine: Bool) {
        var room = size.width - 1
        var rendered = ""
        for fragment in text.fragments where room > 0 {
            let visible = String(fragment.string.prefix(room))
            room -= visible.count
            rendered += colours ? Self.styled(visible, fragment.style) : visible
        }
        didOutputLines(count: newLine ? 1 : 0)
        write(rendered + (newLine ? "\n" : ""))
    }

    func clear(_ type: ConsoleClear) {
        switch type {
        case .line: write("\u{1B}[1A\u{1B}[2K")  // up one line, erase it
        case .screen: write("\u{1B}[2J\u{1B}[H")
        }
    }

    func report(error: String, newLine: Bool) {
        write(error + (newLine ? "\n" : ""))
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// `text` in the foreground colour of `style` (SGR codes), or as it is when the style has none.
    private static func styled(_ text: String, _ style: ConsoleStyle) -> String {
        guard let color = style.color else { return text }
        let code: String = switch color {
        case .black: "30"
        case .red: "31"
        case .green: "32"
        case .yellow: "33"
        case .blue: "34"
        case .magenta: "35"
        case .cyan: "36"
        case .white: "37"
        case .brightBlack: "90"
        case .brightRed: "91"
        case .brightGreen: "92"
        case .brightYellow: "93"
        case .brightBlue: "94"
        case .brightMagenta: "95"
        case .brightCyan: "96"
        case .brightWhite: "97"
        case .palette(let index): "38;5;\(index)"
        case .custom(let r, let g, let b): "38;2;\(r);\(g);\(b)"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
