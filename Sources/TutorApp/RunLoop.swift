import Terminal

/// The one UI loop: draw, wait for an event, update, until the tutor quits or input ends.
public enum RunLoop {
    /// Frame time while something animates (about 30 frames a second).
    public static let frameMilliseconds = 33

    /// Runs the tutor on a backend. Returns when the learner quits, the input ends or a signal
    /// asks the program to stop; the caller then restores the terminal.
    public static func run(_ tutor: inout Tutor, on backend: Backend) {
        if tutor.size != backend.size { tutor.handle(.resize(backend.size)) }
        while !tutor.shouldQuit {
            backend.present(tutor.view())
            let event = backend.nextEvent(timeoutMilliseconds: tutor.wantsTicks ? frameMilliseconds : nil)
            tutor.handle(event)
            if case .resize = event {} else if tutor.size != backend.size {
                tutor.handle(.resize(backend.size))
            }
        }
    }
}
