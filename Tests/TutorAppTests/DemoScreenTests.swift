import TestSupport
import Curriculum
import Demos
import Terminal
import XCTest
@testable import TutorApp

/// The demo screen driven through the tutor, as a learner drives it.
final class DemoScreenTests: XCTestCase {
    private func makeTutor(size: Size = Size(width: 120, height: 40), start: Destination = .demo("gradient-descent", []),
                           capabilities: Capabilities = .full) -> Tutor {
        let log = InMemoryLearnerLog()
        let context = AppContext(curriculum: SampleLessons.load().curriculum, capabilities: capabilities,
                                 learner: log.snapshot(), demoCatalog: AppWiring.demoListings)
        return Tutor(context: context, size: size, log: log, router: AppWiring.router(), start: start)
    }

    private func screen(_ tutor: Tutor, file: StaticString = #filePath, line: UInt = #line) throws -> DemoScreen {
        try XCTUnwrap(tutor.current as? DemoScreen, "the top screen is \(type(of: tutor.current))", file: file, line: line)
    }

    private func readout(_ tutor: Tutor) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try screen(tutor).demo.readout.map { ($0.label, $0.value) })
    }

    func testOpensWithPlotKnobsAndReadout() throws {
        let tutor = makeTutor()
        let text = tutor.view().text()
        XCTAssertTrue(text.contains("Demos › Gradient descent"), text)
        XCTAssertTrue(text.contains("Knobs"), text)
        XCTAssertTrue(text.contains("◀ square ▶"), text)
        XCTAssertTrue(text.contains("step: 0"), text)
        XCTAssertTrue(text.contains("f = x², lr 0.1"), text)
        XCTAssertTrue(text.contains("Space step"), text)
    }

    func testSpaceStepsAndTheReadoutChanges() throws {
        var tutor = makeTutor()
        tutor.handle(.key(.character(" ")))
        XCTAssertEqual(try readout(tutor)["step"], "1")
        XCTAssertEqual(try readout(tutor)["x"], "2.4")
        let text = tutor.view().text()
        XCTAssertTrue(text.contains("step: 1"), text)
        XCTAssertTrue(text.contains("x: 2.4"), text)
    }

    func testKnobsChangeWithinTheirRange() throws {
        var tutor = makeTutor()
        tutor.handle(.key(.tab))  // lr
        XCTAssertEqual(try screen(tutor).selectedKnob, 1)
        tutor.handle(.key(.right))
        XCTAssertEqual(try screen(tutor).demo.settings["lr"], .number(0.15))
        for _ in 0..<100 { tutor.handle(.key(.character("+"))) }
        XCTAssertEqual(try screen(tutor).demo.settings["lr"], .number(2))
        tutor.handle(.key(.right))
        XCTAssertEqual(tutor.message?.text.contains("end of its range"), true)
        for _ in 0..<100 { tutor.handle(.key(.character("-"))) }
        XCTAssertEqual(try screen(tutor).demo.settings["lr"], .number(0.0001))
        // ↑ goes back to the function knob; a choice cycles.
        tutor.handle(.key(.up))
        tutor.handle(.key(.right))
        XCTAssertEqual(try screen(tutor).demo.settings["function"], .choice("quartic"))
        tutor.handle(.key(.left))
        tutor.handle(.key(.left))
        XCTAssertEqual(try screen(tutor).demo.settings["function"], .choice("rosenbrock"))
        // Changing a knob starts the demo afresh.
        XCTAssertEqual(try screen(tutor).demo.stepCount, 0)
    }

    func testResetRestoresStepZero() throws {
        var tutor = makeTutor()
        let before = tutor.view().text()
        for _ in 0..<5 { tutor.handle(.key(.character(" "))) }
        XCTAssertEqual(try readout(tutor)["step"], "5")
        tutor.handle(.key(.character("0")))
        XCTAssertEqual(try readout(tutor)["step"], "0")
        XCTAssertEqual(tutor.view().text(), before)
    }

    func testRunAndPauseWithTicks() throws {
        var tutor = makeTutor()
        XCTAssertFalse(tutor.wantsTicks)
        tutor.handle(.key(.character("r")))
        XCTAssertTrue(tutor.wantsTicks)
        XCTAssertTrue(tutor.view().text().contains("r pause"))
        for _ in 0..<3 { tutor.handle(.tick) }
        XCTAssertEqual(try readout(tutor)["step"], "3")
        tutor.handle(.key(.character("r")))
        XCTAssertFalse(tutor.wantsTicks)
        tutor.handle(.tick)
        XCTAssertEqual(try readout(tutor)["step"], "3", "ticks do nothing while paused")
        // Running to the end stops by itself.
        tutor.handle(.key(.character("r")))
        for _ in 0..<200 { tutor.handle(.tick) }
        XCTAssertFalse(tutor.wantsTicks)
        XCTAssertEqual(try readout(tutor)["status"], "converged")
        tutor.handle(.key(.character("r")))
        XCTAssertEqual(tutor.message?.text, "converged; press 0 to reset")
    }

    func testRunLoopSendsTicksWhileAnimating() throws {
        var tutor = makeTutor()
        let backend = HeadlessBackend(size: Size(width: 120, height: 40),
                                      events: [.key(.character("r")), .tick, .tick, .key(.character("r")), .key(.character("q"))])
        RunLoop.run(&tutor, on: backend)
        XCTAssertEqual(try readout(tutor)["step"], "2")
        XCTAssertTrue(tutor.shouldQuit)
    }

    func testNewSeedIsDeterministic() throws {
        var tutor = makeTutor()
        tutor.handle(.key(.character("s")))
        let first = try screen(tutor).demo.seed
        XCTAssertEqual(first, DemoScreen.nextSeed(after: 1))
        XCTAssertNotEqual(first, 1)
        XCTAssertTrue(tutor.view().text().contains("seed \(first)"))
    }

    func testPredictThenRun() throws {
        var tutor = makeTutor()
        tutor.handle(.key(.character("p")))
        var text = tutor.view().text()
        XCTAssertTrue(text.contains("At learning rate 1.1 on f(x) = x²"), text)
        XCTAssertTrue(text.contains("3  diverge"), text)
        tutor.handle(.key(.character("1")))  // "converge smoothly": wrong
        XCTAssertTrue(tutor.wantsTicks)
        for _ in 0..<400 where tutor.wantsTicks { tutor.handle(.tick) }
        let demoScreen = try screen(tutor)
        XCTAssertEqual(demoScreen.prediction, .answered(index: 0, choice: 0, correct: 2))
        text = tutor.view().text()
        XCTAssertTrue(text.contains("Not quite"), text)
        XCTAssertTrue(text.contains("It did: diverge."), text)
        XCTAssertTrue(text.contains("diverged at step"), text)
        // A digit that is not a choice cancels the next question.
        tutor.handle(.key(.character("p")))
        tutor.handle(.key(.character("x")))
        XCTAssertNil(try screen(tutor).prediction)
    }

    func testHelpShowsWhatToNotice() throws {
        var tutor = makeTutor()
        tutor.handle(.key(.character("?")))
        let text = tutor.view().text()
        XCTAssertTrue(text.contains("What to notice"), text)
        XCTAssertTrue(text.contains("Each step moves against the slope"), text)
        XCTAssertTrue(text.contains("On this screen"), text)
    }

    func testBadLessonSettingsOpenWithDefaultsAndSayWhy() throws {
        let tutor = makeTutor(start: .demo("gradient-descent", [KnobSetting(name: "lr", value: "9")]))
        XCTAssertEqual(try screen(tutor).demo.settings["lr"], .number(0.1))
        XCTAssertEqual(tutor.message?.isError, true)
        XCTAssertTrue(tutor.message?.text.contains("'9' is not a valid value for lr") == true, tutor.message?.text ?? "")
    }

    func testLessonCardOpensTheDemoWithItsSettings() throws {
        var tutor = makeTutor(size: Size(width: 80, height: 30), start: .lesson("calculus"))
        tutor.handle(.key(.tab))
        tutor.handle(.key(.enter))
        XCTAssertEqual(try screen(tutor).demo.settings["function"], .choice("square"))
        tutor.handle(.key(.escape))
        XCTAssertTrue(tutor.current is LessonScreen)
    }

    func testDemoIndexListsEveryDemoAndOpensOne() throws {
        var tutor = makeTutor(start: .demoIndex)
        let text = tutor.view().text()
        for listing in AppWiring.demoListings { XCTAssertTrue(text.contains(listing.title), listing.title) }
        tutor.handle(.key(.enter))
        XCTAssertEqual(try screen(tutor).demo.stepCount, 0)
    }

    func testSmallAndAsciiTerminals() throws {
        for capabilities in [Capabilities.full, .asciiMonochrome] {
            var tutor = makeTutor(size: Size(width: 40, height: 12), capabilities: capabilities)
            tutor.handle(.key(.character(" ")))
            let buffer = tutor.view()
            XCTAssertTrue(buffer.text().contains("step: 1"), buffer.text())
            if !capabilities.unicode { XCTAssertTrue(buffer.cells.allSatisfy { $0.character.isASCII }) }
        }
    }

    func testKnobSettingDiagnosticsNameTheLine() throws {
        let files = [
            SourceFile(path: "01-math/section.md", text: "---\nid: math\ntitle: Math\n---\nOverview.\n"),
            SourceFile(path: "01-math/01-calc.md", text: """
                ---
                id: calc
                title: Calc
                demos: gradient-descent
                ---
                Text.

                ::: demo gradient-descent speed=3 lr=9
                Caption.
                :::
                """),
        ]
        let curriculum = CurriculumLoader.load(files: files).curriculum
        let messages = AppWiring.demoSettingDiagnostics(curriculum).map(\.description)
        XCTAssertEqual(messages, [
            "01-math/01-calc.md:8: demo 'gradient-descent' has no knob 'speed'; its knobs: function, lr, start",
            "01-math/01-calc.md:8: '9' is not a valid value for lr: expected a number from 0.0001 to 2",
        ])
    }
}
