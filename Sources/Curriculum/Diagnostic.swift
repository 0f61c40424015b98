/// A problem found while loading lessons, reported as `file:line: message`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Error {
    public enum Severity: String, Hashable, Sendable { case error, warning }

    public var location: SourceLocation
    public var message: String
    public var severity: Severity

    public init(_ location: SourceLocation, _ message: String, severity: Severity = .error) {
        self.location = location
        self.message = message
        self.severity = severity
    }

    public init(file: String, line: Int, _ message: String, severity: Severity = .error) {
        self.init(SourceLocation(file: file, line: line), message, severity: severity)
    }

    public var description: String {
        "\(location.file):\(location.line): \(severity == .warning ? "warning: " : "")\(message)"
    }
}

/// A lesson source file: its path relative to the lessons folder and its text.
public struct SourceFile: Hashable, Sendable {
    public var path: String
    public var text: String
    public init(path: String, text: String) { self.path = path; self.text = text }
}
