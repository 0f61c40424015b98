import Curriculum
import Foundation
import XCTest
@testable import TutorApp

/// The line-mode runner with an injected line source and output sink (no store: the store is
/// covered by ProgressTests, including the real binary end to end).
final class PlainQuizTests: XCTestCase {
    final class Transcript {
        var lines: [String]
        var output = ""
        init(_ lines: [String]) { self.lines = lines }
        func next() -> String? { lines.isEmpty ? nil : lines.removeFirst() }
    }

    func curriculum() throws -> Curriculum {
        let quiz = "---\n---\n\n" + (1...3).map {
            "::: question n\($0)\ntopic: lesson-n\ntype: numeric\nHow much is 0.25?\n\nanswer: 0.25 ± 0.005\nmistake: 4 = Inverted.\n\nexplain: It is 0.25.\n:::\n\n"
        }.joined()
        let result = CurriculumLoader.load(files: [
            SourceFile(path: "00-numbers/section.md", text: "---\nid: numbers\ntitle: Numbers\n---\nOverview.\n"),
            SourceFile(path: "00-numbers/01-n.md", text: "---\nid: lesson-n\ntitle: Lesson N\n---\nText.\n"),
            SourceFile(path: "00-numbers/quiz.md", text: quiz),
        ])
        XCTAssertEqual(result.errors, [])
        return result.curriculum
    }

    func runQuiz(_ lines: [String]) throws -> (PlainQuiz.Outcome, String) {
        let course = try curriculum()
        let transcript = Transcript(lines)
        let quiz = PlainQuiz(readLine: transcript.next, write: { transcript.output += $0 }, store: nil,
                             now: { Date(timeIntervalSince1970: 0) }, nextSeed: { 1 }, echoInput: true)
        let outcome = quiz.runQuiz(try XCTUnwrap(course.section("numbers")).quiz, curriculum: course, seed: 1)
        return (outcome, transcript.output)
    }

    func testFeedbackSummaryAndRetry() throws {
        let (outcome, output) = try runQuiz(["abc", "0.25", "4", "0.251", "y", "0.25"])
        XCTAssertEqual(outcome, .finished(correct: 3, total: 4))
        XCTAssertEqual(outcome.exitCode, 0)
        XCTAssertTrue(output.contains("'abc' is not a number; type a number such as 0.25 or -3.\nAnswer (a number, e.g. 0.25): 0.25\nRight."), output)
        XCTAssertTrue(output.contains("Not right. The right answer: 0.25 ± 0.005.\n  Inverted.\nWhy: It is 0.25."), output)
        XCTAssertTrue(output.contains("Score: 2/3 right in 0 s."), output)
        XCTAssertTrue(output.contains("You answered: 4. Right answer: 0.25 ± 0.005."), output)
        XCTAssertTrue(output.contains("Retry the 1 missed question now? (y/n): y\n"), output)
        XCTAssertTrue(output.contains("Score: 1/1 right in 0 s.\nEvery answer was right."), output)
    }

    func testEndOfInputStopsWithExitCode3() throws {
        let (outcome, output) = try runQuiz(["0.25"])
        XCTAssertEqual(outcome, .inputEnded(answered: 1, total: 3))
        XCTAssertEqual(outcome.exitCode, 3)
        XCTAssertTrue(output.hasSuffix("Input ended after 1 of 3 questions; that answer is saved.\n"), output)
    }
}
