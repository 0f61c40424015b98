import Curriculum
import Terminal

/// Why a destination could not be opened; the message says what would work.
public struct OpenError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Turns destinations into screens. Lessons, sections and search are built in; demos and quizzes
/// come from their own modules through the factories, so the app core does not depend on them.
public struct ScreenRouter {
    public typealias Factory = (Destination, AppContext) -> Result<any Screen, OpenError>?

    /// Extra factories, asked in order; the first that returns a result wins.
    public var factories: [Factory]

    public init(factories: [Factory] = []) { self.factories = factories }

    public func screen(for destination: Destination, context: AppContext) -> Result<any Screen, OpenError> {
        for factory in factories {
            if let result = factory(destination, context) { return result }
        }
        switch destination {
        case .roadmap:
            return .success(RoadmapScreen(context: context))
        case .lesson(let id):
            guard context.curriculum.lesson(id) != nil else { return .failure(OpenError("no lesson '\(id)'")) }
            return .success(LessonScreen(page: .lesson(id), context: context))
        case .section(let id):
            guard context.curriculum.section(id) != nil else { return .failure(OpenError("no section '\(id)'")) }
            return .success(LessonScreen(page: .overview(id), context: context))
        case .search(let query):
            return .success(SearchScreen(query: query, context: context))
        case .demo(let id, _):
            return .failure(OpenError("the demo '\(id)' is not available in this build"))
        case .demoIndex:
            return .failure(OpenError("demos are not available in this build"))
        case .quiz(let id):
            return .failure(OpenError("the quiz for '\(id)' is not available in this build"))
        case .review:
            return .failure(OpenError("review is not available in this build"))
        }
    }
}

extension Destination {
    /// Resolves what a learner typed after `aitutor open`: a lesson id, a section id, a demo id,
    /// or the explicit forms `lesson:ID`, `section:ID`, `demo:ID`, `quiz:SECTION-ID`, `review`, `demos`.
    public static func resolve(_ text: String, curriculum: Curriculum, demoIDs: Set<String>) -> Result<Destination, OpenError> {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            let (kind, id) = (parts[0], parts[1])
            switch kind {
            case "lesson" where curriculum.lesson(id) != nil: return .success(.lesson(id))
            case "section" where curriculum.section(id) != nil: return .success(.section(id))
            case "demo" where demoIDs.contains(id): return .success(.demo(id, []))
            case "quiz" where curriculum.section(id) != nil: return .success(.quiz(id))
            case "lesson", "section", "demo", "quiz":
                return .failure(OpenError("no \(kind) '\(id)'. \(hint(curriculum: curriculum, demoIDs: demoIDs))"))
            default:
                return .failure(OpenError("'\(kind):' is not a kind of page; use lesson:, section:, demo: or quiz:"))
            }
        }
        switch text {
        case "roadmap": return .success(.roadmap)
        case "review": return .success(.review)
        case "demos": return .success(.demoIndex)
        default: break
        }
        if curriculum.lesson(text) != nil { return .success(.lesson(text)) }
        if curriculum.section(text) != nil { return .success(.section(text)) }
        if demoIDs.contains(text) { return .success(.demo(text, [])) }
        return .failure(OpenError("no lesson, section or demo has the id '\(text)'. \(hint(curriculum: curriculum, demoIDs: demoIDs))"))
    }

    private static func hint(curriculum: Curriculum, demoIDs: Set<String>) -> String {
        "Run 'aitutor list' for lesson and section ids\(demoIDs.isEmpty ? "" : " and 'aitutor demo list' for demo ids"); quizzes open as quiz:SECTION-ID."
    }
}
