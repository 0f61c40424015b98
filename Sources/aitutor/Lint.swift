import ArgumentParser
import Curriculum
import Foundation
import TutorApp

/// `aitutor lint [DIR]`: checks lessons, quizzes and glossary; `file:line: message` per problem.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check lessons, quizzes and the glossary; print file:line errors.",
        discussion: "Without DIR, checks the lessons the tutor would use (--lessons, $AITUTOR_LESSONS, or the built-in ones). Exit status 1 when there is any error."
    )

    @OptionGroup var common: CommonOptions
    @Argument(help: "The lessons folder to check (the one holding 00-role/, 01-mathematics/, ...).")
    var directory: String?

    func run() throws {
        let source: LessonLibrary.Source = directory.map { .directory(URL(fileURLWithPath: $0)) } ?? common.lessonSource
        let demos = TutorSession.demoIDs
        let result: CurriculumLoader.Result
        do {
            result = try LessonLibrary.load(source, knownDemos: demos.isEmpty ? nil : demos)
        } catch {
            printError("aitutor lint: \(error)")
            throw ExitCode.failure
        }
        let knobErrors = AppWiring.demoSettingDiagnostics(result.curriculum)
        let diagnostics = result.diagnostics + knobErrors
        let sorted = diagnostics.sorted {
            ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line)
        }
        for diagnostic in sorted { print(diagnostic.description) }
        let errors = result.errors.count + knobErrors.count
        let warnings = diagnostics.count - errors
        let c = result.curriculum
        let questions = c.sections.reduce(0) { $0 + $1.quiz.questions.count }
        print("\(errors) error(s), \(warnings) warning(s) in \(source.description): \(c.sections.count) sections, \(c.lessons.count) lessons, \(questions) questions, \(c.glossary.count) glossary terms")
        if errors > 0 { throw ExitCode.failure }
    }
}
