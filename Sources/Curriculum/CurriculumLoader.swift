import Foundation

/// Builds a `Curriculum` from lesson files and checks everything `aitutor lint` checks.
///
/// Loading never stops at the first problem: it collects every diagnostic, keeps what it could
/// parse, and lets the caller decide (the tutor refuses to start on errors; lint lists them all).
public enum CurriculumLoader {
    /// The result of loading: the course as far as it could be read, and every problem found.
    public struct Result: Sendable {
        public var curriculum: Curriculum
        public var diagnostics: [Diagnostic]
        public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    }

    /// Loads from files given as (path relative to the lessons folder, text).
    /// `knownDemos`, when given, is the set of demo ids that exist; embedding any other is an error.
    public static func load(files: [SourceFile], knownDemos: Set<String>? = nil) -> Result {
        var diagnostics: [Diagnostic] = []
        var sections: [Section] = []
        var glossary: [GlossaryEntry] = []

        var folders: [String: [SourceFile]] = [:]
        for file in files {
            let parts = file.path.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }  // top-level files such as FORMAT.md are documentation
            guard file.path.hasSuffix(".md") else { continue }
            folders[parts[0], default: []].append(file)
        }

        for folder in folders.keys.sorted() {
            guard let number = sectionNumber(folder) else {
                diagnostics.append(Diagnostic(file: folder, line: 1, "section folders are named NN-SECTION-ID (e.g. 01-mathematics)"))
                continue
            }
            let folderFiles = (folders[folder] ?? []).sorted { $0.path < $1.path }
            if let section = loadSection(folder: folder, number: number, files: folderFiles, glossary: &glossary, diagnostics: &diagnostics) {
                sections.append(section)
            }
        }
        if sections.isEmpty {
            diagnostics.append(Diagnostic(file: ".", line: 1, "no sections found: expected folders like 00-role/ with a section.md"))
        }
        let curriculum = Curriculum(sections: sections, glossary: glossary)
        diagnostics += CurriculumChecks.check(curriculum, knownDemos: knownDemos)
        return Result(curriculum: curriculum, diagnostics: diagnostics)
    }

    /// Loads every file under a folder on disk.
    public static func load(directory: URL, knownDemos: Set<String>? = nil) throws -> Result {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LessonSourceError.notADirectory(directory.path)
        }
        var files: [SourceFile] = []
        let base = directory.standardizedFileURL.path
        if let walker = fm.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                let full = url.standardizedFileURL.path
                let relative = full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : url.lastPathComponent
                guard let data = fm.contents(atPath: url.path) else { throw LessonSourceError.unreadable(url.path) }
                guard let text = String(data: data, encoding: .utf8) else { throw LessonSourceError.notUTF8(relative) }
                files.append(SourceFile(path: relative, text: text))
            }
        }
        return load(files: files, knownDemos: knownDemos)
    }

    static func sectionNumber(_ folder: String) -> Int? {
        let digits = folder.prefix(while: { $0.isASCII && $0.isNumber })
        guard digits.count == 2, folder.dropFirst(2).hasPrefix("-"), let n = Int(digits) else { return nil }
        return n
    }

    private static func loadSection(folder: String, number: Int, files: [SourceFile], glossary: inout [GlossaryEntry],
                                    diagnostics: inout [Diagnostic]) -> Section? {
        let name = { (file: SourceFile) in String(file.path.dropFirst(folder.count + 1)) }
        guard let sectionFile = files.first(where: { name($0) == "section.md" }) else {
            diagnostics.append(Diagnostic(file: folder, line: 1, "section folder has no section.md (with 'id' and 'title' in its header)"))
            return nil
        }
        let (lines, d1) = SourceLines.split(sectionFile.text, file: sectionFile.path)
        diagnostics += d1
        let (header, d2) = Header.parse(lines, file: sectionFile.path, allowed: ["id", "title"])
        diagnostics += d2
        let id = requiredID(header, file: sectionFile.path, diagnostics: &diagnostics)
        let expectedFolder = String(format: "%02d-%@", number, id)
        if !id.isEmpty && folder != expectedFolder {
            diagnostics.append(Diagnostic(file: sectionFile.path, line: header.line("id"), "section id '\(id)' does not match its folder '\(folder)'; name the folder \(expectedFolder)"))
        }
        let title = requiredTitle(header, file: sectionFile.path, diagnostics: &diagnostics)
        var markdown = MarkdownParser(file: sectionFile.path)
        let overview = markdown.parse(lines[min(header.bodyStart, lines.count)...])
        diagnostics += markdown.diagnostics

        var lessons: [Lesson] = []
        var questions: [Question] = []
        var quizTitle = title
        for file in files where file.path != sectionFile.path {
            let fileName = name(file)
            if fileName.contains("/") {
                diagnostics.append(Diagnostic(file: file.path, line: 1, "lesson files sit directly in the section folder; sub-folders are not read"))
                continue
            }
            let (lines, d) = SourceLines.split(file.text, file: file.path)
            diagnostics += d
            if fileName.hasPrefix("quiz") {
                let (h, dh) = Header.parse(lines, file: file.path, allowed: ["title"])
                diagnostics += dh
                if let t = h.value("title"), !t.isEmpty { quizTitle = t }
                var parser = QuizParser(file: file.path)
                questions += parser.parse(lines[min(h.bodyStart, lines.count)...])
                diagnostics += parser.diagnostics
            } else if fileName.hasPrefix("glossary") {
                let (h, dh) = Header.parse(lines, file: file.path, allowed: [])
                diagnostics += dh
                var parser = GlossaryParser(file: file.path)
                glossary += parser.parse(lines[min(h.bodyStart, lines.count)...])
                diagnostics += parser.diagnostics
            } else {
                let (h, dh) = Header.parse(lines, file: file.path, allowed: ["id", "title", "prerequisites", "demos", "glossary"])
                diagnostics += dh
                let lessonID = requiredID(h, file: file.path, diagnostics: &diagnostics)
                let lessonTitle = requiredTitle(h, file: file.path, diagnostics: &diagnostics)
                var parser = MarkdownParser(file: file.path)
                let document = parser.parse(lines[min(h.bodyStart, lines.count)...])
                diagnostics += parser.diagnostics
                lessons.append(Lesson(id: lessonID, title: lessonTitle, sectionID: id, prerequisites: h.list("prerequisites"),
                                      demos: h.list("demos"), glossaryTerms: h.list("glossary"), document: document,
                                      source: SourceLocation(file: file.path, line: 1)))
            }
        }
        return Section(id: id, title: title, number: number, overview: overview, lessons: lessons,
                       quiz: Quiz(sectionID: id, title: quizTitle, questions: questions),
                       source: SourceLocation(file: sectionFile.path, line: 1))
    }

    private static func requiredID(_ header: Header, file: String, diagnostics: inout [Diagnostic]) -> String {
        guard let id = header.value("id"), !id.isEmpty else {
            diagnostics.append(Diagnostic(file: file, line: 1, "the header needs an 'id:' line"))
            return ""
        }
        if !Identifier.isValid(id) {
            diagnostics.append(Diagnostic(file: file, line: header.line("id"), "id '\(id)': \(Identifier.rule)"))
        }
        return id
    }

    private static func requiredTitle(_ header: Header, file: String, diagnostics: inout [Diagnostic]) -> String {
        guard let title = header.value("title"), !title.isEmpty else {
            diagnostics.append(Diagnostic(file: file, line: 1, "the header needs a 'title:' line"))
            return ""
        }
        return title
    }
}

/// Why a lessons folder could not be read at all.
public enum LessonSourceError: Error, CustomStringConvertible, Equatable {
    case notADirectory(String)
    case unreadable(String)
    case notUTF8(String)

    public var description: String {
        switch self {
        case .notADirectory(let path): return "\(path) is not a folder of lessons; pass the folder that holds 00-role/, 01-mathematics/, ..."
        case .unreadable(let path): return "cannot read \(path); check its permissions"
        case .notUTF8(let path): return "\(path) is not UTF-8 text; save it as UTF-8"
        }
    }
}
