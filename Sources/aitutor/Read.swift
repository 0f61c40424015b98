import ArgumentParser
import Curriculum
import Foundation
import Terminal
import TutorApp

/// `aitutor read ID`: a lesson as plain text, for pipes, screen readers and quick looks.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a lesson (or a section's overview) as plain text.",
        discussion: "The text never contains escape codes. Lines are wrapped to --width, else the terminal's width, else 80."
    )

    @OptionGroup var common: CommonOptions
    @Option(name: .long, help: "Wrap lines at this many columns (20 to 500).")
    var width: Int?
    @Flag(name: .long, help: "Use ASCII characters only (the default when the locale is not UTF-8).")
    var ascii = false
    @Argument(help: "A lesson or section id; 'aitutor list' shows them.")
    var id: String

    func validate() throws {
        if let width, !(20...500).contains(width) {
            throw ValidationError("--width must be between 20 and 500, got \(width)")
        }
    }

    func run() throws {
        let curriculum = try TutorSession.loadCurriculum(common)
        let document: Document
        var heading: [String] = []
        if let lesson = curriculum.lesson(id), let section = curriculum.section(containing: id) {
            heading = [lesson.title, "\(section.title) · \(lesson.readingMinutes) min read"]
            document = lesson.document
        } else if let section = curriculum.section(id) {
            heading = ["Section \(section.number): \(section.title)"]
            document = section.overview
        } else {
            throw ValidationError("no lesson or section has the id '\(id)'; run 'aitutor list' to see the ids")
        }
        let unicode = !ascii && PlainOutput.localeIsUTF8
        let columns = width ?? PlainOutput.terminalWidth ?? 80
        let renderer = DocumentRenderer(width: columns, glyphs: unicode ? .unicode : .ascii)
        var lines = heading.map { StyledLine($0) }
        lines.append(StyledLine())
        lines += renderer.render(document).lines
        print(PlainOutput.text(lines, unicode: unicode))
    }
}

/// Plain text output for the non-interactive commands.
enum PlainOutput {
    /// True when the locale asks for UTF-8 (LC_ALL, else LC_CTYPE, else LANG).
    static var localeIsUTF8: Bool {
        let env = ProcessInfo.processInfo.environment
        let locale = [env["LC_ALL"], env["LC_CTYPE"], env["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let lower = locale.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
    }

    /// The terminal's width when standard output is a terminal.
    static var terminalWidth: Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Styled lines as text: styles dropped, trailing spaces trimmed, non-ASCII replaced when
    /// the output is ASCII-only.
    static func text(_ lines: [StyledLine], unicode: Bool) -> String {
        lines.map { line in
            var text = line.plainText
            while text.hasSuffix(" ") { text.removeLast() }
            return unicode ? text : AsciiFallback.transliterate(text)
        }.joined(separator: "\n")
    }
}
