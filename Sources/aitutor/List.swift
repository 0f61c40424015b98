import ArgumentParser
import Curriculum
import Foundation
import TutorApp

/// `aitutor list`: the roadmap's sections and lessons.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the roadmap's sections and lessons with their ids.",
        discussion: "JSON: {\"sections\":[{\"id\",\"title\",\"lessons\":[{\"id\",\"title\"}]}]}, sections in roadmap order."
    )

    @OptionGroup var common: CommonOptions
    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    struct Listing: Encodable {
        struct SectionEntry: Encodable {
            var id: String
            var number: Int
            var title: String
            var lessons: [LessonEntry]
            var quizQuestions: Int
        }
        struct LessonEntry: Encodable {
            var id: String
            var title: String
            var minutes: Int
            var demos: [String]
        }
        var sections: [SectionEntry]
    }

    func run() throws {
        let curriculum = try TutorSession.loadCurriculum(common)
        let listing = Listing(sections: curriculum.sections.map { section in
            Listing.SectionEntry(id: section.id, number: section.number, title: section.title,
                                 lessons: section.lessons.map { .init(id: $0.id, title: $0.title, minutes: $0.readingMinutes, demos: $0.demos) },
                                 quizQuestions: section.quiz.questions.count)
        })
        switch format {
        case .json:
            print(try JSONOutput.encode(listing))
        case .text:
            for section in listing.sections {
                print("\(section.number)  \(section.title)  [\(section.id)]  quiz: \(section.quizQuestions) questions")
                for lesson in section.lessons {
                    print("   \(lesson.id.padding(toLength: 32, withPad: " ", startingAt: 0)) \(lesson.title) (\(lesson.minutes) min)")
                }
            }
        }
    }
}

/// JSON as the commands print it: sorted keys, so output is stable and diffable.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
