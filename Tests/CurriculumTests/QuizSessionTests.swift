import XCTest
@testable import Curriculum

/// A two-lesson section with one question of each kind.
enum QuizFixture {
    static let quiz = """
    ---
    title: Basics quiz
    ---

    ::: question pick-one
    topic: lesson-a
    type: single
    Which is right?

    - [ ] Wrong one
      > Why wrong one is wrong.
    - [x] Right one
      > Why right one is right.
    - [ ] Wrong two
      > Why wrong two is wrong.

    explain: General explanation one.
    :::

    ::: question pick-many
    topic: lesson-a
    type: multiple
    Pick the even numbers.

    - [x] 2
      > 2 is even.
    - [ ] 3
      > 3 is odd.
    - [x] 4
      > 4 is even.
    - [ ] 5
      > 5 is odd.

    explain: Even numbers divide by 2.
    :::

    ::: question true-or-false
    topic: lesson-b
    type: truefalse
    The sky is green.

    - [ ] True
      > It is blue.
    - [x] False
      > Right, it is blue.

    explain: Rayleigh scattering.
    :::

    ::: question a-number
    topic: lesson-b
    type: numeric
    What is 1/4?

    answer: 0.25 ± 0.005
    mistake: 4 = You inverted the fraction.

    explain: One divided by four.
    :::

    ::: question extra-a
    topic: lesson-a
    type: single
    Extra question on A.

    - [x] Yes
      > Right.
    - [ ] No
      > Wrong.

    explain: Extra A.
    :::

    ::: question extra-b
    topic: lesson-b
    type: numeric
    Two plus two?

    answer: 4 ± 0

    explain: Four.
    :::
    """

    static let files = [
        SourceFile(path: "00-basics/section.md", text: "---\nid: basics\ntitle: Basics\n---\nOverview.\n"),
        SourceFile(path: "00-basics/01-a.md", text: "---\nid: lesson-a\ntitle: Lesson A\n---\nText.\n"),
        SourceFile(path: "00-basics/02-b.md", text: "---\nid: lesson-b\ntitle: Lesson B\nprerequisites: lesson-a\n---\nText.\n"),
        SourceFile(path: "00-basics/quiz.md", text: quiz),
    ]

    static func questions() throws -> [Question] {
        let result = CurriculumLoader.load(files: files)
        XCTAssertEqual(result.errors, [])
        let section = try XCTUnwrap(result.curriculum.section("basics"))
        return section.quiz.questions
    }
}

final class QuizSessionTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_000_000)

    func testSplitMix64KnownValues() {
        // Reference values of SplitMix64 seeded with 0 (from the published C implementation).
        var g = SplitMix64(seed: 0)
        XCTAssertEqual(g.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(g.next(), 0x6E78_9E6A_A1B9_65F4)
    }

    func testShuffleIsSeededAndKeepsTrueFalseOrder() throws {
        let questions = try QuizFixture.questions()
        let a = QuizSession(questions: questions, seed: 42, startedAt: t0)
        let b = QuizSession(questions: questions, seed: 42, startedAt: t0)
        XCTAssertEqual(a.items.map(\.order), b.items.map(\.order))
        let orders = Set((0..<20).map { QuizSession(questions: questions, seed: UInt64($0), startedAt: t0).items[1].order })
        XCTAssertGreaterThan(orders.count, 1, "different seeds give different orders")
        for seed in 0..<20 {
            let s = QuizSession(questions: questions, seed: UInt64(seed), startedAt: t0)
            XCTAssertEqual(s.items[2].order, [0, 1], "True stays before False")
            XCTAssertEqual(Set(s.items[0].order), [0, 1, 2])
        }
    }

    func testSingleChoiceGradingAndFeedback() throws {
        let questions = try QuizFixture.questions()
        let item = PresentedQuestion(question: questions[0], order: [2, 0, 1])  // shown: wrong two, wrong one, right one
        let right = try Grade.grade(.choice(2), for: item)
        XCTAssertTrue(right.isCorrect)
        XCTAssertEqual(right.givenText, "c) Right one")
        XCTAssertEqual(right.chosenOptions, [1])
        XCTAssertEqual(right.feedback.map(\.option.explanation), ["Why right one is right."])
        let wrong = try Grade.grade(.choice(0), for: item)
        XCTAssertFalse(wrong.isCorrect)
        XCTAssertEqual(wrong.correctAnswerText, "c) Right one")
        XCTAssertEqual(wrong.feedback.map(\.option.explanation), ["Why wrong two is wrong.", "Why right one is right."])
        XCTAssertEqual(wrong.feedback.map(\.chosen), [true, false])
        XCTAssertEqual(wrong.explanation, "General explanation one.")
    }

    func testMultipleSelectNeedsExactlyTheRightSet() throws {
        let questions = try QuizFixture.questions()
        let item = PresentedQuestion(question: questions[1], order: [0, 1, 2, 3])
        XCTAssertTrue(try Grade.grade(.choices([0, 2]), for: item).isCorrect)
        XCTAssertFalse(try Grade.grade(.choices([0]), for: item).isCorrect)
        XCTAssertFalse(try Grade.grade(.choices([0, 1, 2]), for: item).isCorrect)
        let partial = try Grade.grade(.choices([0, 1]), for: item)
        XCTAssertEqual(partial.feedback.map(\.shownIndex), [0, 1, 2], "chosen options and the right one missed")
        XCTAssertEqual(partial.correctAnswerText, "a) 2; c) 4")
    }

    func testTrueFalseAndNumericWithToleranceAndMistakes() throws {
        let questions = try QuizFixture.questions()
        let tf = PresentedQuestion(question: questions[2], order: [0, 1])
        XCTAssertTrue(try Grade.grade(.choice(1), for: tf).isCorrect)
        XCTAssertFalse(try Grade.grade(.choice(0), for: tf).isCorrect)
        let num = PresentedQuestion(question: questions[3], order: [])
        XCTAssertTrue(try Grade.grade(.number(0.25), for: num).isCorrect)
        XCTAssertTrue(try Grade.grade(.number(0.255), for: num).isCorrect, "the tolerance edge is inside")
        XCTAssertFalse(try Grade.grade(.number(0.26), for: num).isCorrect)
        let mistake = try Grade.grade(.number(4.004), for: num)
        XCTAssertFalse(mistake.isCorrect)
        XCTAssertEqual(mistake.mistake?.explanation, "You inverted the fraction.", "matched with the question's tolerance")
        XCTAssertNil(try Grade.grade(.number(4.1), for: num).mistake)
        XCTAssertEqual(mistake.correctAnswerText, "0.25 ± 0.005")
        XCTAssertThrowsError(try Grade.grade(.choice(0), for: num))
    }

    func testParsingTypedAnswers() throws {
        let questions = try QuizFixture.questions()
        let single = PresentedQuestion(question: questions[0], order: [0, 1, 2])
        XCTAssertEqual(try Answer.parse("b", for: single), .choice(1))
        XCTAssertEqual(try Answer.parse(" B ", for: single), .choice(1))
        XCTAssertEqual(try Answer.parse("1", for: single), .choice(0))
        XCTAssertThrowsError(try Answer.parse("d", for: single)) { XCTAssertEqual($0 as? AnswerInputError, .outOfRange("d", hint: single.inputHint)) }
        XCTAssertThrowsError(try Answer.parse("a b", for: single))
        XCTAssertThrowsError(try Answer.parse("", for: single))
        XCTAssertThrowsError(try Answer.parse("maybe", for: single))
        let multi = PresentedQuestion(question: questions[1], order: [0, 1, 2, 3])
        XCTAssertEqual(try Answer.parse("a, c", for: multi), .choices([0, 2]))
        XCTAssertEqual(try Answer.parse("1 3", for: multi), .choices([0, 2]))
        XCTAssertEqual(try Answer.parse("1,3", for: multi), .choices([0, 2]))
        let tf = PresentedQuestion(question: questions[2], order: [0, 1])
        XCTAssertEqual(try Answer.parse("false", for: tf), .choice(1))
        XCTAssertEqual(try Answer.parse("1", for: tf), .choice(0))
        XCTAssertEqual(try Answer.parse("b", for: tf), .choice(1))
        let num = PresentedQuestion(question: questions[3], order: [])
        XCTAssertEqual(try Answer.parse("0.25", for: num), .number(0.25))
        XCTAssertEqual(try Answer.parse("1", for: num), .number(1))
        XCTAssertEqual(try Answer.parse("−2", for: num), .number(-2))
        XCTAssertThrowsError(try Answer.parse("abc", for: num)) { XCTAssertEqual($0 as? AnswerInputError, .notANumber("abc")) }
    }

    func testSessionFlowSummaryAndRetryMissed() throws {
        let questions = Array(try QuizFixture.questions().prefix(4))
        var session = QuizSession(questions: questions, seed: 7, startedAt: t0)
        let rightSingle = try XCTUnwrap(session.current?.correctShownIndices.first)
        try session.answer(.choice(rightSingle), at: t0.addingTimeInterval(10))
        try session.answer(.choices([]), at: t0.addingTimeInterval(20))          // wrong
        try session.answer(.choice(1), at: t0.addingTimeInterval(30))            // False: right
        XCTAssertThrowsError(try session.answer(.choice(0), at: t0)) { error in
            guard case .invalid(.wrongKind)? = error as? QuizSessionError else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(session.currentIndex, 3, "an invalid answer does not move on")
        try session.answer(.number(4), at: t0.addingTimeInterval(95))            // wrong
        XCTAssertTrue(session.isFinished)
        XCTAssertThrowsError(try session.answer(.number(1), at: t0))
        let summary = session.summary(at: t0.addingTimeInterval(500))
        XCTAssertEqual(summary.correct, 2)
        XCTAssertEqual(summary.total, 4)
        XCTAssertEqual(summary.duration, 95)
        XCTAssertEqual(summary.scoreLine, "2/4 right in 1 min 35 s")
        XCTAssertEqual(summary.missed.map(\.item.question.id), ["pick-many", "a-number"])
        let retry = try XCTUnwrap(session.retryingMissed(seed: 8, startedAt: t0))
        XCTAssertEqual(retry.items.map(\.question.id), ["pick-many", "a-number"])
        XCTAssertEqual(retry.currentIndex, 0)
    }

    func testQuizParseErrorsNameFileAndLine() {
        let bad = """
        ---
        ---

        ::: question bad-one
        topic: lesson-a
        type: single
        Which?

        - [x] A
          > yes
        - [x] B
          > also yes

        explain: Two right answers are not allowed in single.
        :::

        ::: question bad-two
        topic: lesson-a
        type: numeric
        How much?

        answer: 3

        explain: No tolerance.
        :::
        """
        var files = QuizFixture.files
        files[3] = SourceFile(path: "00-basics/quiz.md", text: bad)
        let errors = CurriculumLoader.load(files: files).errors
        XCTAssertFalse(errors.isEmpty)
        let quizErrors = errors.filter { $0.location.file == "00-basics/quiz.md" }
        XCTAssertEqual(quizErrors.count, 3, "\(errors)")
        XCTAssertTrue(errors.contains { $0.description.hasPrefix("00-basics/quiz.md:4: ") }, "\(errors)")
        XCTAssertTrue(errors.contains { (4...15).contains($0.location.line) }, "\(errors)")
        XCTAssertTrue(errors.contains { (17...25).contains($0.location.line) }, "\(errors)")
    }
}
