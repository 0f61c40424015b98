import Curriculum
import Foundation
import Progress

/// Start-up cost of the progress file: open the store, replay 100,000 records, compute mastery
/// and the review queue. The issue's budget is 100 ms; build with `-c release` for the real figure.
enum ProgressBenchmarks {
    static let recordCount = 100_000

    static func run() {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("aitutor-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let course = syntheticCurriculum(sections: 12, lessonsPerSection: 8, questionsPerLesson: 4)
        let questions = course.sections.flatMap { s in s.quiz.questions.map { (s.id, $0) } }
        do {
            let store = try ProgressStore.open(directory: directory)
            // Fill the file in one go (appending 100,000 records one fsync at a time measures the disk, not us).
            var generator = SplitMix64(seed: 1)
            let start = Date(timeIntervalSince1970: 1_700_000_000)
            var text = ""
            text.reserveCapacity(recordCount * 220)
            for i in 0..<recordCount {
                let (sectionID, q) = questions[generator.next(below: questions.count)]
                let record = AnswerRecord(at: start.addingTimeInterval(Double(i) * 30), questionID: q.id, sectionID: sectionID, topic: q.topic,
                                          correct: generator.next(below: 3) > 0, given: "b) an option text of a typical length",
                                          choices: [1], mode: .quiz, attempt: "2023-11-14T22:13:20Z/\(i / 20)")
                text += ProgressRecord.answer(record).jsonLine + "\n"
            }
            let handle = try FileHandle(forWritingTo: store.fileURL)
            handle.seekToEndOfFile()
            handle.write(Data(text.utf8))
            try handle.close()
            let bytes = (try? FileManager.default.attributesOfItem(atPath: store.fileURL.path)[.size] as? NSNumber)?.intValue ?? 0

            // Wall time, and CPU time of this thread: on a machine shared with other builds the wall
            // figure includes waiting for a core; the CPU figure is what the work itself costs.
            var wall: [Double] = [], cpu: [Double] = [], phases: [[Double]] = []
            var check = 0
            for _ in 0..<9 {
                let w0 = DispatchTime.now().uptimeNanoseconds, c0 = threadCPUNanoseconds()
                let opened = try ProgressStore.open(directory: directory)
                let log = try opened.read()
                let c1 = threadCPUNanoseconds()
                let mastery = MasteryReport(curriculum: course, log: log)
                let c2 = threadCPUNanoseconds()
                let due = ReviewScheduler(answers: log.answers).dueCount(at: Date())
                let c3 = threadCPUNanoseconds(), w1 = DispatchTime.now().uptimeNanoseconds
                check = log.records.count + due + mastery.sections.count
                wall.append(Double(w1 - w0) / 1e6)
                cpu.append(Double(c3 - c0) / 1e6)
                phases.append([Double(c1 - c0) / 1e6, Double(c2 - c1) / 1e6, Double(c3 - c2) / 1e6])
            }
            let best = phases.min { $0.reduce(0, +) < $1.reduce(0, +) } ?? [0, 0, 0]
            wall.sort(); cpu.sort()
            print(String(format: "progress start-up, %d records (%.1f MB), open + replay + mastery + reviews due: wall median %.1f ms (best %.1f), CPU median %.1f ms (best %.1f: read %.1f, mastery %.1f, reviews %.1f); budget 100 ms [check %d]",
                         recordCount, Double(bytes) / 1e6, wall[wall.count / 2], wall[0], cpu[cpu.count / 2], cpu[0], best[0], best[1], best[2], check))
        } catch {
            print("progress benchmark failed: \(error)")
        }
    }

    private static func threadCPUNanoseconds() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    /// A course shaped like the real one, built in memory.
    static func syntheticCurriculum(sections: Int, lessonsPerSection: Int, questionsPerLesson: Int) -> Curriculum {
        var files: [SourceFile] = []
        for s in 0..<sections {
            let folder = String(format: "%02d-section-%d", s, s)
            files.append(SourceFile(path: "\(folder)/section.md", text: "---\nid: section-\(s)\ntitle: Section \(s)\n---\nOverview.\n"))
            var quiz = "---\n---\n\n"
            for l in 0..<lessonsPerSection {
                let prerequisite = l > 0 ? "prerequisites: lesson-\(s)-\(l - 1)\n" : ""
                files.append(SourceFile(path: "\(folder)/\(String(format: "%02d", l + 1))-l.md",
                                        text: "---\nid: lesson-\(s)-\(l)\ntitle: Lesson \(s).\(l)\n\(prerequisite)---\nText.\n"))
                for q in 0..<questionsPerLesson {
                    quiz += "::: question q-\(s)-\(l)-\(q)\ntopic: lesson-\(s)-\(l)\ntype: single\nWhich?\n\n- [x] Right\n  > yes\n- [ ] Wrong\n  > no\n\nexplain: Because.\n:::\n\n"
                }
            }
            files.append(SourceFile(path: "\(folder)/quiz.md", text: quiz))
        }
        return CurriculumLoader.load(files: files).curriculum
    }
}
