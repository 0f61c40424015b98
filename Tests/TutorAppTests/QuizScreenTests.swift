import TestSupport
import Curriculum
import Foundation
import Progress
import Terminal
import XCTest
@testable import TutorApp

/// The quiz and review screens driven through the tutor, as a learner drives them.
final class QuizScreenTests: XCTestCase {
    let clock: () -> Date = { Date(timeIntervalSince1970: 1_800_000_000) }

    private func makeTutor(log: LearnerLog = InMemoryLearnerLog(), start: Destination, size: Size = Size(width: 80, height: 30)) -> Tutor {
        let curriculum = SampleLessons.load().curriculum
        let context = AppContext(curriculum: curriculum, capabilities: .full, learner: log.snapshot())
        return Tutor(context: context, size: size, log: log, router: AppWiring.router(now: clock), start: start)
    }

    private func quiz(_ tutor: Tutor) throws -> QuizScreen {
        if let review = tutor.current as? ReviewScreen, let quiz = review.quiz { return quiz }
        return try XCTUnwrap(tutor.current as? QuizScreen, "the quiz screen is on top")
    }

    private func type(_ text: String, into tutor: inout Tutor) {
        for c in text { tutor.handle(.key(.character(c))) }
    }

    func testAWholeQuizWithFeedbackSummaryAndRetry() throws {
        let log = InMemoryLearnerLog()
        var tutor = makeTutor(log: log, start: .quiz("role"))
        var screen = tutor.view().text()
        XCTAssertTrue(screen.contains("aitutor │ Quiz: What an AI engineer is"), screen)
        XCTAssertTrue(screen.contains("Question 1 of 3"), screen)
        XCTAssertTrue(screen.contains("Who ships models?"), screen)
        XCTAssertTrue(screen.contains("1/3"), "position in the title bar")

        // Enter with nothing picked is explained, not graded.
        tutor.handle(.key(.enter))
        XCTAssertTrue(tutor.view().text().contains("Pick an option first"))

        // Pick the right option by its letter, confirm: immediate feedback with the explanation.
        let right = try XCTUnwrap(try quiz(tutor).session.current?.correctShownIndices.first)
        type(PresentedQuestion.label(right), into: &tutor)
        tutor.handle(.key(.enter))
        screen = tutor.view().text()
        XCTAssertTrue(screen.contains("✓ Right."), screen)
        XCTAssertTrue(screen.contains("Right: shipping is the job."), screen)
        XCTAssertTrue(screen.contains("Why: AI engineers ship."), screen)
        guard case .answered(let first)? = log.events.last else { return XCTFail("the answer is recorded at once: \(log.events)") }
        XCTAssertEqual(first.questionID, "role-one")
        XCTAssertTrue(first.correct)
        XCTAssertEqual(first.sectionID, "role")

        // True/false by number: 2 is False.
        tutor.handle(.key(.enter))
        type("2", into: &tutor)
        tutor.handle(.key(.enter))
        XCTAssertTrue(tutor.view().text().contains("✓ Right."))

        // Numeric: type into the field; a resize keeps what was typed.
        tutor.handle(.key(.enter))
        XCTAssertTrue(try quiz(tutor).capturesText)
        type("2", into: &tutor)
        tutor.handle(.resize(Size(width: 60, height: 20)))
        XCTAssertTrue(tutor.view().text().contains("Your answer: [ 2_ ]"), tutor.view().text())
        type("2", into: &tutor)
        tutor.handle(.key(.enter))
        screen = tutor.view().text()
        XCTAssertTrue(screen.contains("Not right. The right answer: 4 ± 0.1"), screen)
        XCTAssertTrue(screen.contains("You joined the digits."), screen)

        // Summary: score, the missed question with its right answer, and a completion record.
        tutor.handle(.resize(Size(width: 80, height: 30)))
        tutor.handle(.key(.enter))
        screen = tutor.view().text()
        XCTAssertTrue(screen.contains("Score: 2/3 right in 0 s"), screen)
        XCTAssertTrue(screen.contains("What is 2 + 2?"), screen)
        XCTAssertTrue(screen.contains("Right answer: 4 ± 0.1"), screen)
        guard case .quizFinished(let done)? = log.events.last else { return XCTFail("\(log.events)") }
        XCTAssertEqual(done.correct, 2)
        XCTAssertEqual(done.total, 3)

        // Retry the missed one.
        tutor.handle(.key(.character("r")))
        XCTAssertTrue(tutor.view().text().contains("Question 1 of 1"))
        type("4", into: &tutor)
        tutor.handle(.key(.enter))
        tutor.handle(.key(.enter))
        XCTAssertTrue(tutor.view().text().contains("Every answer was right."))
        tutor.handle(.key(.enter))
        XCTAssertTrue(tutor.view().text().contains("aitutor │ Roadmap"))
        XCTAssertEqual(log.events.filter { if case .answered = $0 { return true } else { return false } }.count, 4)
    }

    func testMultipleSelectTogglesAndInvalidNumbersAreExplained() throws {
        var tutor = makeTutor(start: .quiz("mathematics"))
        let item = try XCTUnwrap(try quiz(tutor).session.current)
        XCTAssertEqual(item.question.kind, .multiple)
        type("a", into: &tutor)
        type("b", into: &tutor)
        type("a", into: &tutor)
        XCTAssertEqual(try quiz(tutor).selection, [1])
        XCTAssertTrue(tutor.view().text().contains("[x] b)"), tutor.view().text())
        tutor.handle(.key(.enter))
        tutor.handle(.key(.enter))
        let numeric = try XCTUnwrap(try quiz(tutor).session.current)
        XCTAssertEqual(numeric.question.kind, .numeric)
        type("-", into: &tutor)
        tutor.handle(.key(.enter))
        XCTAssertTrue(tutor.view().text().contains("'-' is not a number"), tutor.view().text())
        XCTAssertEqual(try quiz(tutor).session.currentIndex, 1, "still on the same question")
    }

    func testReviewScreenAsksTheQueueOrSaysNothingIsDue() throws {
        var empty = makeTutor(start: .review)
        XCTAssertTrue(empty.view().text().contains("No reviews due."))
        empty.handle(.key(.enter))
        XCTAssertTrue(empty.view().text().contains("aitutor │ Roadmap"))

        let log = InMemoryLearnerLog(LearnerSnapshot(reviewsDue: 1, reviewQueue: ["role-three"]))
        var tutor = makeTutor(log: log, start: .review)
        XCTAssertTrue(tutor.view().text().contains("What is 2 + 2?"))
        type("4", into: &tutor)
        tutor.handle(.key(.enter))
        guard case .answered(let answer)? = log.events.last else { return XCTFail("\(log.events)") }
        XCTAssertEqual(answer.mode, .review)
        XCTAssertEqual(answer.sectionID, "role")
    }

    func testProgressLogFeedsTheRoadmapMasteryAndReviewsDue() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("aitutor-tui-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let curriculum = SampleLessons.load().curriculum
        let log = try ProgressLearnerLog(home: home, curriculum: curriculum, now: clock)
        var tutor = makeTutor(log: log, start: .quiz("role"))
        // Answer the first question wrong.
        let right = try XCTUnwrap(try quiz(tutor).session.current?.correctShownIndices.first)
        type(PresentedQuestion.label(right == 0 ? 1 : 0), into: &tutor)
        tutor.handle(.key(.enter))
        tutor.handle(.key(.escape))
        let roadmap = tutor.view().text()
        XCTAssertTrue(roadmap.contains("1 review due"), roadmap)
        XCTAssertTrue(roadmap.contains("mastery 0%"), roadmap)
        XCTAssertTrue(roadmap.contains("0/1 right"), roadmap)

        // Reopening reads the same progress back from the file.
        let reopened = try ProgressLearnerLog(home: home, curriculum: curriculum, now: clock)
        XCTAssertEqual(reopened.snapshot().reviewQueue, ["role-one"])
        XCTAssertEqual(reopened.snapshot().sections["role"]?.answered, 1)
        XCTAssertNil(reopened.snapshot().sections["mathematics"]?.mastery, "no answers: unknown")
    }
}
