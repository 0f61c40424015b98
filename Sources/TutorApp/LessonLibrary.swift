import Curriculum
import Foundation
import LessonBundle

/// Where the lessons come from: the copy compiled into the binary, or a folder an author names
/// with `--lessons DIR` or `AITUTOR_LESSONS`.
public enum LessonLibrary {
    public enum Source: Equatable, Sendable {
        case embedded
        case directory(URL)

        public var description: String {
            switch self {
            case .embedded: return "the lessons built into aitutor"
            case .directory(let url): return url.path
            }
        }
    }

    /// `--lessons` wins over `AITUTOR_LESSONS`; without either, the built-in lessons.
    public static func source(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> Source {
        if let option, !option.isEmpty { return .directory(URL(fileURLWithPath: option)) }
        if let env = environment["AITUTOR_LESSONS"], !env.isEmpty { return .directory(URL(fileURLWithPath: env)) }
        return .embedded
    }

    /// The lesson files compiled into this binary.
    public static var embeddedFiles: [SourceFile] {
        LessonBundle.files(under: "Lessons").map { SourceFile(path: $0.path, text: $0.text) }
    }

    /// Loads and checks the lessons. `knownDemos` are the demo ids this build has.
    public static func load(_ source: Source, knownDemos: Set<String>?) throws -> CurriculumLoader.Result {
        switch source {
        case .embedded: return CurriculumLoader.load(files: embeddedFiles, knownDemos: knownDemos)
        case .directory(let url): return try CurriculumLoader.load(directory: url, knownDemos: knownDemos)
        }
    }
}

/// Where the learner's data lives: `--home DIR`, else `AITUTOR_HOME`, else
/// `$XDG_STATE_HOME/aitutor`, else `~/.local/state/aitutor`.
public enum AppPaths {
    public static func home(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let option, !option.isEmpty { return URL(fileURLWithPath: option) }
        if let env = environment["AITUTOR_HOME"], !env.isEmpty { return URL(fileURLWithPath: env) }
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            return URL(fileURLWithPath: state).appendingPathComponent("aitutor")
        }
        let userHome = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: userHome).appendingPathComponent(".local/state/aitutor")
    }
}
