import Foundation

/// Compares text with a reference file (a "golden" snapshot), for tests of what screens and
/// charts look like. Set `AITUTOR_UPDATE_GOLDEN=1` to (re)write the references instead.
public enum GoldenFile {
    /// Returns nil when `actual` equals the file's content (or the file was just written), else a
    /// message showing the first differing line.
    public static func check(_ actual: String, against url: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let updating = environment["AITUTOR_UPDATE_GOLDEN"] == "1"
        let existing = try? String(contentsOf: url, encoding: .utf8)
        if updating || existing == nil {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                return "could not write golden file \(url.path): \(error)"
            }
            return updating ? nil : "golden file \(url.lastPathComponent) did not exist; it was written now: review it, then run again"
        }
        guard let expected = existing, expected != actual else { return nil }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, e.count) {
            let al = i < a.count ? String(a[i]) : "<no line>"
            let el = i < e.count ? String(e[i]) : "<no line>"
            if al != el {
                return "\(url.lastPathComponent):\(i + 1) differs\n  expected: \(el)\n  actual:   \(al)\n(AITUTOR_UPDATE_GOLDEN=1 rewrites it)\n--- actual ---\n\(actual)"
            }
        }
        return nil
    }
}
