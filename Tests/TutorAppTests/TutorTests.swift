import TestSupport
import Foundation
import Curriculum
import Terminal
import XCTest
@testable import TutorApp

/// The tutor driven the way a learner drives it, through the headless backend.
final class TutorTests: XCTestCase {
    private func makeTutor(size: Size = Size(width: 80, height: 24), log: InMemoryLearnerLog = InMemoryLearnerLog(),
                           start: Destination = .roadmap, capabilities: Capabilities = .full) -> Tutor {
        let curriculum = SampleLessons.load().curriculum
        let context = AppContext(curriculum: curriculum, capabilities: capabilities, learner: log.snapshot())
        return Tutor(context: context, size: size, log: log, start: start)
    }

    private func run(_ tutor: inout Tutor, _ events: [Event], size: Size = Size(width: 80, height: 24)) -> HeadlessBackend {
        let backend = HeadlessBackend(size: size, events: events)
        RunLoop.run(&tutor, on: backend)
        return backend
    }

    func testRoadmapListsSectionsLessonsAndQuizzes() throws {
        let tutor = makeTutor()
        let screen = tutor.view().text()
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines[0].hasPrefix(" aitutor │ Roadmap"), lines[0])
        XCTAssertTrue(lines[1].contains("▶ Start here: The role"), lines[1])
        XCTAssertTrue(lines[3].contains(" 0  What an AI engineer is"), lines[3])
        XCTAssertTrue(lines[3].contains("0/1 read"), lines[3])
        XCTAssertTrue(lines[4].contains("The role"), lines[4])
        XCTAssertTrue(lines[5].contains("Quiz: 3 questions"), lines[5])
        XCTAssertTrue(lines[7].contains(" 1  Mathematics"), lines[7])
        XCTAssertTrue(lines[23].contains("↑↓ move"), lines[23])
    }

    func testEnterOpensTheLessonAndRecordsIt() throws {
        let log = InMemoryLearnerLog()
        var tutor = makeTutor(log: log)
        tutor.handle(.key(.enter))
        let screen = tutor.view().text()
        XCTAssertTrue(screen.contains("aitutor │ What an AI engineer is › The role"), screen)
        XCTAssertTrue(screen.contains("The idea"), screen)
        XCTAssertTrue(screen.contains("An AI engineer ships models as products."), screen)
        XCTAssertTrue(screen.contains("• first point continues here"), screen)
        XCTAssertTrue(screen.contains("1. one"), screen)
        // Short lesson: it fits, so it counts as read at once.
        XCTAssertEqual(log.events, [.lessonOpened("ai-engineer-role"), .lessonRead("ai-engineer-role")])
    }

    func testNextAndPreviousLessonAndBack() {
        var tutor = makeTutor(start: .lesson("ai-engineer-role"))
        tutor.handle(.key(.character("n")))
        XCTAssertTrue(tutor.view().text().contains("Mathematics › Calculus"))
        tutor.handle(.key(.character("p")))
        XCTAssertTrue(tutor.view().text().contains("What an AI engineer is › The role"))
        tutor.handle(.key(.escape))
        XCTAssertTrue(tutor.view().text().contains("aitutor │ Roadmap"))
        XCTAssertEqual(tutor.stack.count, 1)
    }

    func testLessonScrollsAndShowsItsPosition() throws {
        var tutor = makeTutor(size: Size(width: 60, height: 12), start: .lesson("calculus"))
        let first = tutor.view().text()
        XCTAssertTrue(first.contains("lines 1–10 of"), first)
        tutor.handle(.key(.character("j")))
        let second = tutor.view().text()
        XCTAssertTrue(second.contains("lines 2–11 of"), second)
        tutor.handle(.key(.character("G")))
        let bottom = tutor.view().text()
        XCTAssertTrue(bottom.contains("Next (n): Game theory"), bottom)
        tutor.handle(.key(.character("g")))
        XCTAssertTrue(tutor.view().text().contains("lines 1–10 of"))
    }

    func testDemoCardIsFocusedWithTabAndOpenedWithEnter() {
        var tutor = makeTutor(size: Size(width: 80, height: 30), start: .lesson("calculus"))
        XCTAssertTrue(tutor.view().text().contains("┌─ ▶ Live demo: gradient-descent"))
        tutor.handle(.key(.tab))
        XCTAssertTrue(tutor.view().text().contains("Enter opens"))
        tutor.handle(.key(.enter))
        // No demo factory in this test: the status bar says so instead of opening a blank screen.
        XCTAssertEqual(tutor.message?.text, "the demo 'gradient-descent' is not available in this build")
    }

    func testSearchFindsMisheardTermAndOpensItsLesson() {
        var tutor = makeTutor()
        tutor.handle(.key(.character("/")))
        for c in "mean max" { tutor.handle(.key(.character(c))) }
        let screen = tutor.view().text()
        XCTAssertTrue(screen.contains("Search: mean max"), screen)
        XCTAssertTrue(screen.contains("term    Minimax  Glossary"), screen)
        XCTAssertTrue(screen.contains("Also heard as: mean max, min max"), screen)
        // q is text in the search field, not quit.
        tutor.handle(.key(.character("q")))
        XCTAssertFalse(tutor.shouldQuit)
        tutor.handle(.key(.backspace))
        tutor.handle(.key(.enter))
        XCTAssertTrue(tutor.view().text().contains("Mathematics › Game theory"))
    }

    func testHelpOverlayOpensAndAnyKeyClosesIt() {
        var tutor = makeTutor()
        tutor.handle(.key(.character("?")))
        let screen = tutor.view().text()
        XCTAssertTrue(screen.contains("Keys"), screen)
        XCTAssertTrue(screen.contains("q, Ctrl-C"), screen)
        tutor.handle(.key(.character("x")))
        XCTAssertFalse(tutor.showingHelp)
        XCTAssertFalse(tutor.shouldQuit)
    }

    func testTooSmallTerminalAsksToEnlargeAndRecovers() {
        var tutor = makeTutor(start: .lesson("calculus"))
        tutor.handle(.resize(Size(width: 30, height: 8)))
        let small = tutor.view()
        XCTAssertEqual(small.size, Size(width: 30, height: 8))
        XCTAssertTrue(small.text().contains("Terminal too small"), small.text())
        XCTAssertTrue(small.text().contains("30×8, needs 40×12"), small.text())
        tutor.handle(.key(.character("j")))  // ignored while too small
        tutor.handle(.resize(Size(width: 80, height: 24)))
        XCTAssertTrue(tutor.view().text().contains("Mathematics › Calculus"))
    }

    func testQuitKeysAndEndOfInput() {
        var tutor = makeTutor()
        let backend = run(&tutor, [.key(.down), .key(.character("q"))])
        XCTAssertTrue(tutor.shouldQuit)
        XCTAssertEqual(backend.frames.count, 2)

        var second = makeTutor()
        _ = run(&second, [.key(.control("c"))])
        XCTAssertTrue(second.shouldQuit)

        var third = makeTutor()
        let b3 = run(&third, [])
        XCTAssertTrue(third.shouldQuit)
        XCTAssertEqual(b3.frames.count, 1)
    }

    func testAsciiTerminalGetsAsciiGlyphs() {
        let tutor = makeTutor(capabilities: .asciiMonochrome)
        let screen = tutor.view().text()
        XCTAssertTrue(screen.contains("> Start here: The role"), screen)
        XCTAssertTrue(screen.contains(" aitutor | Roadmap"), screen)
        XCTAssertEqual(String(screen.unicodeScalars.filter { $0.value > 0x7E }), "")
    }

    func testOpenResolvesIdsAndExplainsUnknownOnes() {
        let c = SampleLessons.load().curriculum
        XCTAssertEqual(try Destination.resolve("calculus", curriculum: c, demoIDs: []).get(), .lesson("calculus"))
        XCTAssertEqual(try Destination.resolve("mathematics", curriculum: c, demoIDs: []).get(), .section("mathematics"))
        XCTAssertEqual(try Destination.resolve("quiz:mathematics", curriculum: c, demoIDs: []).get(), .quiz("mathematics"))
        XCTAssertEqual(try Destination.resolve("kfold", curriculum: c, demoIDs: ["kfold"]).get(), .demo("kfold", []))
        guard case .failure(let error) = Destination.resolve("nope", curriculum: c, demoIDs: []) else { return XCTFail("resolved") }
        XCTAssertTrue(error.description.hasPrefix("no lesson, section or demo has the id 'nope'."), error.description)
    }

    func testResumeContinuesAfterTheLastReadLesson() {
        let log = InMemoryLearnerLog(LearnerSnapshot(readLessons: ["ai-engineer-role"], lastLesson: "ai-engineer-role"))
        let tutor = makeTutor(log: log)
        XCTAssertTrue(tutor.view().text().contains("▶ Continue where you left off: Calculus"))
    }
}
