import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The learner's progress file: one append-only JSON Lines file, `progress.jsonl`, in the data
/// directory. Format: Docs/PROGRESS-FORMAT.md.
///
/// Durability and concurrency, and why:
/// - Every append opens the file with `O_APPEND`, takes an exclusive `flock`, writes the whole batch
///   of lines with one `write`, `fsync`s and closes. A crash loses at most the record being written;
///   two instances of the tutor never interleave lines, because each holds the lock for its write.
/// - A torn last line (a crash mid-write, a full disk) is left as it is; the next append first adds
///   the missing newline, so the damaged line stays on its own and every later record is whole.
/// - Reading takes a shared lock, tolerates damaged lines (reported as `warnings` with their line
///   numbers) and never changes the file. History is never rewritten in place: `reset()` renames
///   the file to a timestamped backup.
/// - The directory is created with mode 0700 and the file with 0600: answers are personal.
public struct ProgressStore: Sendable {
    /// The file's name inside the data directory.
    public static let fileName = "progress.jsonl"

    public let directory: URL
    public var fileURL: URL { directory.appendingPathComponent(Self.fileName) }
    private let now: @Sendable () -> Date

    /// Opens (creating when absent) the store in `directory`. The directory is created with mode
    /// 0700 and the file, with its header record, with 0600.
    public static func open(directory: URL, now: @escaping @Sendable () -> Date = { Date() }) throws(ProgressStoreError) -> ProgressStore {
        let store = ProgressStore(directory: directory, now: now)
        try store.createDirectory()
        if !FileManager.default.fileExists(atPath: store.fileURL.path) {
            try store.appendLines([])  // writes the header under the lock
            syncDirectory(directory.path)
        }
        return store
    }

    private init(directory: URL, now: @escaping @Sendable () -> Date) {
        self.directory = directory
        self.now = now
    }

    // MARK: Writing

    /// Appends one record as one line, durably (see the type's notes).
    public func append(_ record: ProgressRecord) throws(ProgressStoreError) {
        try appendLines([record.jsonLine])
    }

    /// Appends several records with a single write: all of them land together, or (after a crash) a
    /// prefix of them does.
    public func append(_ records: [ProgressRecord]) throws(ProgressStoreError) {
        guard !records.isEmpty else { return }
        try appendLines(records.map(\.jsonLine))
    }

    private func appendLines(_ lines: [String]) throws(ProgressStoreError) {
        let path = fileURL.path
        let fd = Glibc_open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotOpen(path: path, errno: errno) }
        defer { close(fd) }
        guard lock(fd, LOCK_EX) else { throw .cannotLock(path: path, errno: errno) }
        defer { _ = flock(fd, LOCK_UN) }

        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .cannotWrite(path: path, errno: errno) }
        var text = ""
        if info.st_size == 0 {
            // A new file: make sure it is private even under a lax umask, then start with the header.
            _ = fchmod(fd, 0o600)
            text = ProgressRecord.header(ProgressHeader(created: now())).jsonLine + "\n"
        } else {
            var last: UInt8 = 0
            if pread(fd, &last, 1, off_t(info.st_size - 1)) == 1, last != 0x0A {
                text = "\n"  // close a torn line so the new records start on their own line
            }
        }
        for line in lines { text += line + "\n" }
        guard !text.isEmpty else { return }
        var bytes = Array(text.utf8)
        let ok = bytes.withUnsafeMutableBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
        guard ok else { throw .cannotWrite(path: path, errno: errno) }
        guard fsync(fd) == 0 else { throw .cannotWrite(path: path, errno: errno) }
    }

    // MARK: Reading

    /// Reads every record. Damaged lines are skipped and reported in `warnings`, never removed.
    /// Throws only when the file cannot be read at all or was written by a newer format version.
    public func read() throws(ProgressStoreError) -> ProgressLog {
        let path = fileURL.path
        let fd = Glibc_open(path, O_RDONLY | O_CLOEXEC, 0)
        guard fd >= 0 else {
            if errno == ENOENT { return ProgressLog(header: nil, records: [], warnings: [], lineCount: 0) }
            throw .cannotOpen(path: path, errno: errno)
        }
        defer { close(fd) }
        guard lock(fd, LOCK_SH) else { throw .cannotLock(path: path, errno: errno) }
        defer { _ = flock(fd, LOCK_UN) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .cannotRead(path: path, errno: errno) }
        let size = Int(info.st_size)
        guard size > 0 else { return ProgressLog(header: nil, records: [], warnings: [], lineCount: 0) }
        // Map the file rather than copying it: start-up reads every byte once.
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            throw .cannotRead(path: path, errno: errno)
        }
        defer { munmap(mapped, size) }
        let buffer = UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size)
        return try Self.parse(buffer, fileName: Self.fileName)
    }
    /// Parses the bytes of a progress file (exposed for tests and benchmarks).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, fileName: String) throws(ProgressStoreError) -> ProgressLog {
        var log = ProgressLog(header: nil, records: [], warnings: [], lineCount: 0)
        log.records.reserveCapacity(bytes.count / 200)
        log.answers.reserveCapacity(bytes.count / 200)
        let interner = StringInterner()
        var start = 0
        var lineNumber = 0
        guard let base = bytes.baseAddress else { return log }
        while start < bytes.count {
            let end = memchr(base + start, 0x0A, bytes.count - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
            lineNumber += 1
            let torn = end == bytes.count
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            start = end + 1
            if line.first != UInt8(ascii: "{"), line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            do {
                let record = try ProgressRecord(jsonLine: line, interner: interner)
                if case .header(let header) = record {
                    if lineNumber == 1 { log.header = header } else {
                        log.warnings.append(ProgressWarning(file: fileName, line: lineNumber, message: "a second header record; ignored"))
                    }
                    continue
                }
                if lineNumber == 1 {
                    log.warnings.append(ProgressWarning(file: fileName, line: 1, message: "the file does not start with a header record; reading it anyway"))
                }
                log.append(record)
            } catch {
                if case .newerVersion(let v) = error { throw .newerFormat(path: fileName, version: v) }
                let what = torn ? "the last line is incomplete (an interrupted write?)" : "unreadable record"
                log.warnings.append(ProgressWarning(file: fileName, line: lineNumber, message: "\(what): \(error.description); kept in the file, skipped"))
            }
        }
        log.lineCount = lineNumber
        return log
    }

    // MARK: Reset

    /// Moves the file aside to `progress-backup-YYYYMMDDTHHMMSSZ.jsonl` (never deleting anything) so
    /// the next answer starts a fresh file. Returns the backup's location, or nil when there was no file.
    @discardableResult
    public func reset() throws(ProgressStoreError) -> URL? {
        let path = fileURL.path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let stamp = Timestamp.format(now()).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
            .split(separator: ".").first.map(String.init) ?? "backup"
        var backup = directory.appendingPathComponent("progress-backup-\(stamp.hasSuffix("Z") ? stamp : stamp + "Z").jsonl")
        var n = 2
        while FileManager.default.fileExists(atPath: backup.path) {
            backup = directory.appendingPathComponent("progress-backup-\(stamp)-\(n).jsonl")
            n += 1
        }
        guard rename(path, backup.path) == 0 else { throw .cannotWrite(path: backup.path, errno: errno) }
        Self.syncDirectory(directory.path)
        return backup
    }

    // MARK: Helpers

    private func createDirectory() throws(ProgressStoreError) {
        let path = directory.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .notADirectory(path: path) }
            return
        }
        do {
            // Parents are created as usual; the data directory itself is private.
            try FileManager.default.createDirectory(atPath: directory.deletingLastPathComponent().path, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateDirectory(path: path, reason: "\(error.localizedDescription)")
        }
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw .cannotCreateDirectory(path: path, reason: String(cString: strerror(errno)))
        }
        _ = chmod(path, 0o700)
    }

    private static func syncDirectory(_ path: String) {
        let fd = Glibc_open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    private func lock(_ fd: Int32, _ operation: Int32) -> Bool {
        while flock(fd, operation) != 0 {
            if errno != EINTR { return false }
        }
        return true
    }
}

/// `open(2)` with a mode, under a name that does not clash with `ProgressStore.open`.
private func Glibc_open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    #if canImport(Glibc)
    return Glibc.open(path, flags, mode)
    #else
    return Darwin.open(path, flags, mode)
    #endif
}

/// Everything read from the progress file.
public struct ProgressLog: Sendable {
    /// The header record, when the file has one on its first line.
    public var header: ProgressHeader?
    /// Every readable record after the header, in file (= time) order.
    public var records: [ProgressRecord]
    /// Damaged or unexpected lines, with line numbers. They stay in the file.
    public var warnings: [ProgressWarning]
    /// Lines in the file, the header and damaged lines included.
    public var lineCount: Int

    /// The answer records, in order (kept beside `records` because start-up replays them twice).
    public internal(set) var answers: [AnswerRecord]

    public init(header: ProgressHeader?, records: [ProgressRecord], warnings: [ProgressWarning], lineCount: Int) {
        self.header = header
        self.records = records
        self.warnings = warnings
        self.lineCount = lineCount
        self.answers = records.compactMap { if case .answer(let a) = $0 { return a } else { return nil } }
    }

    mutating func append(_ record: ProgressRecord) {
        records.append(record)
        if case .answer(let a) = record { answers.append(a) }
    }

    /// Ids of lessons read.
    public var lessonsRead: Set<String> {
        Set(records.compactMap { if case .lessonRead(let r) = $0 { return r.lessonID } else { return nil } })
    }
}

/// A damaged or unexpected line in the progress file: `progress.jsonl:12: message`.
public struct ProgressWarning: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): warning: \(message)" }
}

/// Why the progress file could not be used; the message says what to do.
public enum ProgressStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    case cannotCreateDirectory(path: String, reason: String)
    case notADirectory(path: String)
    case cannotOpen(path: String, errno: Int32)
    case cannotLock(path: String, errno: Int32)
    case cannotRead(path: String, errno: Int32)
    case cannotWrite(path: String, errno: Int32)
    case newerFormat(path: String, version: Int)

    public var description: String {
        func why(_ e: Int32) -> String { String(cString: strerror(e)) }
        switch self {
        case .cannotCreateDirectory(let path, let reason):
            return "cannot create the progress directory \(path): \(reason); choose another with --home DIR or AITUTOR_HOME"
        case .notADirectory(let path):
            return "\(path) is a file, not a directory; point --home or AITUTOR_HOME at a directory"
        case .cannotOpen(let path, let e):
            return "cannot open the progress file \(path): \(why(e)); check its permissions or choose another --home"
        case .cannotLock(let path, let e):
            return "cannot lock the progress file \(path): \(why(e)); is it on a file system without locks (some network drives)?"
        case .cannotRead(let path, let e):
            return "cannot read the progress file \(path): \(why(e))"
        case .cannotWrite(let path, let e):
            return "cannot write the progress file \(path): \(why(e)); free some disk space or check permissions. Answers given so far are saved."
        case .newerFormat(let path, let version):
            return "\(path) was written by a newer aitutor (format version \(version), this one reads \(ProgressRecord.formatVersion)); update aitutor. The file was not changed."
        }
    }
}
