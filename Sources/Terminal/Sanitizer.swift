/// Removes everything from text that could make a terminal do something other than print it:
/// C0 and C1 control characters, and whole escape sequences (CSI, OSC, DCS and friends).
/// Tabs become spaces up to the next multiple of `tabWidth`; line breaks are kept when asked.
public enum Sanitizer {
    public static func clean(_ text: String, keepNewlines: Bool = true, tabWidth: Int = 4) -> String {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var column = 0
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x0A:
                if keepNewlines { out.append(scalar); column = 0 } else { out.append(" "); column += 1 }
            case 0x09:
                let spaces = tabWidth - column % tabWidth
                for _ in 0..<spaces { out.append(" ") }
                column += spaces
            case 0x1B:
                skipEscape(&scalars)
            case 0x9B, 0x9D, 0x90, 0x98, 0x9E, 0x9F:
                // C1 introducers of CSI, OSC, DCS, SOS, PM, APC: drop the whole sequence.
                skipString(&scalars, isCSI: scalar.value == 0x9B)
            case 0x00..<0x20, 0x7F..<0xA0:
                continue
            default:
                out.append(scalar)
                column += 1
            }
        }
        return String(out)
    }

    private static func skipEscape(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let next = scalars.next() else { return }
        switch next {
        case "[": skipString(&scalars, isCSI: true)
        case "]", "P", "X", "^", "_": skipString(&scalars, isCSI: false)
        default: return  // two-character escape such as ESC c: both dropped
        }
    }

    /// Skips a CSI sequence (up to its final byte 0x40–0x7E) or a string sequence (up to BEL or ST).
    private static func skipString(_ scalars: inout String.UnicodeScalarView.Iterator, isCSI: Bool) {
        while let s = scalars.next() {
            if isCSI {
                if s.value >= 0x40 && s.value <= 0x7E { return }
            } else {
                if s.value == 0x07 || s.value == 0x9C { return }
                if s.value == 0x1B { _ = scalars.next(); return }
            }
        }
    }
}
