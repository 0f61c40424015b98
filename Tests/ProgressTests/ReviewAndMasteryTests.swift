import Curriculum
import Foundation
import XCTest
@testable import Progress

enum CourseFixture {
    static func question(_ id: String, topic: String) -> String {
        """
        ::: question \(id)
        topic: \(topic)
        type: single
        Question \(id)?

        - [x] Right
          > Right because.
        - [ ] Wrong
          > Wrong because.

        explain: About \(id).
        :::

        """
    }

    /// Two sections: basics (a, b needs a) and advanced (c needs b, d needs nothing), three questions per lesson.
    static func curriculum() throws -> Curriculum {
        func quiz(_ topics: [String]) -> String {
            "---\n---\n\n" + topics.flatMap { t in (1...3).map { question("\(t)-q\($0)", topic: t) } }.joined()
        }
        let files = [
            SourceFile(path: "00-basics/section.md", text: "---\nid: basics\ntitle: Basics\n---\nOverview.\n"),
            SourceFile(path: "00-basics/01-a.md", text: "---\nid: lesson-a\ntitle: Lesson A\n---\nText.\n"),
            SourceFile(path: "00-basics/02-b.md", text: "---\nid: lesson-b\ntitle: Lesson B\nprerequisites: lesson-a\n---\nText.\n"),
            SourceFile(path: "00-basics/quiz.md", text: quiz(["lesson-a", "lesson-b"])),
            SourceFile(path: "01-advanced/section.md", text: "---\nid: advanced\ntitle: Advanced\n---\nOverview.\n"),
            SourceFile(path: "01-advanced/01-c.md", text: "---\nid: lesson-c\ntitle: Lesson C\nprerequisites: lesson-b\n---\nText.\n"),
            SourceFile(path: "01-advanced/02-d.md", text: "---\nid: lesson-d\ntitle: Lesson D\n---\nText.\n"),
            SourceFile(path: "01-advanced/quiz.md", text: quiz(["lesson-c", "lesson-d"])),
        ]
        let result = CurriculumLoader.load(files: files)
        XCTAssertEqual(result.errors, [])
        return result.curriculum
    }
}

final class ReviewSchedulerTests: XCTestCase {
    let day: TimeInterval = 86_400

    func testMissedQuestionIsDueAtOnceAndIntervalsGrow() {
        var queue = ReviewScheduler()
        queue.record(answer("q1", true, at: 0))
        XCTAssertTrue(queue.cards.isEmpty, "a question never missed is not in the queue")
        queue.record(answer("q2", false, at: 10))
        let t = { (s: TimeInterval) in Date(timeIntervalSince1970: 1_700_000_000 + s) }
        XCTAssertEqual(queue.dueCount(at: t(10)), 1, "due at once, like Anki's again")
        XCTAssertEqual(queue.cards["q2"]?.box, 1)
        // Right answers climb the boxes: 1 day, 3 days, 7 days, 21 days, then it stays at 21.
        var now: TimeInterval = 20
        for (box, days) in [(2, 1.0), (3, 3.0), (4, 7.0), (5, 21.0), (5, 21.0)] {
            queue.record(answer("q2", true, at: now))
            XCTAssertEqual(queue.cards["q2"]?.box, box)
            XCTAssertEqual(queue.cards["q2"]?.due, t(now + days * day))
            XCTAssertEqual(queue.dueCount(at: t(now + days * day - 1)), 0)
            XCTAssertEqual(queue.dueCount(at: t(now + days * day)), 1)
            now += days * day
        }
        queue.record(answer("q2", false, at: now))
        XCTAssertEqual(queue.cards["q2"]?.box, 1, "a miss goes back to box 1")
        XCTAssertEqual(queue.cards["q2"]?.due, t(now))
        XCTAssertEqual(ReviewScheduler.describe(queue.cards["q2"]!, now: t(now)), "box 1 of 5, due now")
    }

    func testDueOrderIsMostOverdueFirst() {
        let queue = ReviewScheduler(answers: [answer("late", false, at: 100), answer("early", false, at: 50), answer("ok", true, at: 60)])
        XCTAssertEqual(queue.due(at: Date(timeIntervalSince1970: 1_700_000_200)).map(\.questionID), ["early", "late"])
        XCTAssertNil(queue.nextDue(after: Date(timeIntervalSince1970: 1_700_000_200)))
    }
}

final class MasteryTests: XCTestCase {
    func testUnknownIsNotZeroAndRecentAnswersWeighMore() throws {
        let course = try CourseFixture.curriculum()
        let answers = [answer("lesson-a-q1", false, at: 1), answer("lesson-a-q2", true, at: 2), answer("lesson-a-q3", true, at: 3)]
        let report = MasteryReport(curriculum: course, answers: answers, lessonsRead: [])
        let a = try XCTUnwrap(report.topic("lesson-a"))
        // Weights newest first: 1, 0.7, 0.49 → (1 + 0.7) / (1 + 0.7 + 0.49).
        XCTAssertEqual(try XCTUnwrap(a.score), 1.7 / 2.19, accuracy: 1e-12)
        XCTAssertEqual(a.evidence, .enough)
        XCTAssertEqual(a.status, .learning)  // 0.776 < 0.8
        let b = try XCTUnwrap(report.topic("lesson-b"))
        XCTAssertNil(b.score)
        XCTAssertEqual(b.status, .unknown)
        XCTAssertNil(report.section("advanced")?.score, "a section without answers is unknown")
        XCTAssertEqual(report.section("basics")?.score ?? -1, 1.7 / 2.19, accuracy: 1e-12, "mean over topics with evidence")
        XCTAssertEqual(report.section("basics")?.progress ?? -1, 2.0 / 6.0, accuracy: 1e-12, "2 of 6 questions shown")
        // Readiness: 4 measurable topics; only lesson-a has evidence (enough, so unscaled).
        XCTAssertEqual(report.readiness, (1.7 / 2.19) / 4, accuracy: 1e-12)

        // The same answers in the other order: the recent misses weigh more.
        let reversed = MasteryReport(curriculum: course, answers: [answer("lesson-a-q2", true, at: 1), answer("lesson-a-q3", true, at: 2), answer("lesson-a-q1", false, at: 3)], lessonsRead: [])
        XCTAssertEqual(try XCTUnwrap(reversed.topic("lesson-a")?.score), 1.19 / 2.19, accuracy: 1e-12)
        XCTAssertEqual(reversed.topic("lesson-a")?.status, .weak)
    }

    func testThinEvidenceIsFlaggedAndScaledInReadiness() throws {
        let course = try CourseFixture.curriculum()
        let report = MasteryReport(curriculum: course, answers: [answer("lesson-d-q1", true, at: 1, topic: "lesson-d", section: "advanced")], lessonsRead: [])
        let d = try XCTUnwrap(report.topic("lesson-d"))
        XCTAssertEqual(d.score, 1)
        XCTAssertEqual(d.evidence, .some)
        XCTAssertEqual(d.status, .learning, "one right answer is not mastery")
        XCTAssertEqual(report.readiness, (1.0 / 3.0) / 4, accuracy: 1e-12)
    }

    func testNextLessonsFollowRoadmapOrderAndPrerequisites() throws {
        let course = try CourseFixture.curriculum()
        let fresh = MasteryReport(curriculum: course, answers: [], lessonsRead: [])
        XCTAssertEqual(fresh.nextLessons(in: course).map(\.id), ["lesson-a", "lesson-d"], "b and c wait for their prerequisites")
        let masteredA = (1...3).map { answer("lesson-a-q\($0)", true, at: Double($0)) }
        let afterA = MasteryReport(curriculum: course, answers: masteredA, lessonsRead: [])
        XCTAssertEqual(afterA.topic("lesson-a")?.status, .mastered)
        XCTAssertEqual(afterA.nextLessons(in: course).map(\.id), ["lesson-b", "lesson-d"])
        let readB = MasteryReport(curriculum: course, answers: masteredA, lessonsRead: ["lesson-b"])
        XCTAssertEqual(readB.nextLessons(in: course).map(\.id), ["lesson-b", "lesson-c", "lesson-d"], "read and not weak is enough to move on")
    }

    func testSkillsReportJSONShape() throws {
        let course = try CourseFixture.curriculum()
        let log = ProgressLog(header: nil, records: [.answer(answer("lesson-a-q1", false, at: 1))], warnings: [], lineCount: 2)
        let report = SkillsReport(curriculum: course, log: log, now: Date(timeIntervalSince1970: 1_800_000_000))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(report.render(.json).utf8)) as? [String: Any])
        XCTAssertEqual(json["reviewsDue"] as? Int, 1)
        XCTAssertEqual(json["next"] as? [String], ["lesson-a", "lesson-d"])
        XCTAssertEqual(json["readiness"] as? Double, 0)
        let sections = try XCTUnwrap(json["sections"] as? [[String: Any]])
        XCTAssertEqual(sections.map { $0["id"] as? String }, ["basics", "advanced"])
        XCTAssertEqual(sections[0]["answered"] as? Int, 1)
        XCTAssertEqual(sections[0]["correct"] as? Int, 0)
        XCTAssertEqual(sections[0]["mastery"] as? Double, 0)
        XCTAssertTrue(sections[1]["mastery"] is NSNull, "unknown is null, not 0")
        let text = report.render(.text)
        XCTAssertTrue(text.contains("Readiness: 0%"), text)
        XCTAssertTrue(text.contains("Lesson A: 0% (0/1 right, some evidence only); needed for lesson-b"), text)
        XCTAssertTrue(report.render(.markdown).contains("| Basics | 1 | 0 | 0% | 0% |"))
    }
}
