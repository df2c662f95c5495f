import Crypto
import Glibc
import PeelArchive

/// An input file held open while it is read: its checksum and the archive reader read the same file (inode)
/// whatever happens to its path meanwhile, and a change in place shows in its size or modification time. So the
/// checksum that keys the cache is always of the bytes that were parsed, or the archive is failed.
final class OpenInput: @unchecked Sendable {
    let descriptor: Int32
    /// Size when opened.
    let bytes: Int
    private let modified: timespec
    /// Its status change time when opened: every write sets it, and no one can set it back (`touch -d` and `rsync -t`
    /// restore the modification time, and change this one doing so).
    private let statusChanged: timespec

    /// Opens `path`; the error says why it cannot be read, in the system's words ("No such file or directory").
    init(path: String) throws(SystemCallError) {
        // Without blocking: a path made a FIFO since the inputs were listed would hold the open until a writer came.
        // (A regular file's reads never block, O_NONBLOCK or not.)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT, let target = symbolicLinkTarget(path) {
                throw SystemCallError(description: "a symbolic link to \(target), which does not exist")
            }
            throw SystemCallError(description: String(cString: strerror(code)))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw SystemCallError(description: reason)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw SystemCallError(description: "not a regular file (\(fileKind(info.st_mode))) since the inputs were listed")
        }
        self.descriptor = descriptor
        bytes = Int(info.st_size)
        modified = info.st_mtim
        statusChanged = info.st_ctim
    }

    deinit { close(descriptor) }

    /// A path that opens this same file again (libarchive opens its inputs by name, once per pass over a zip).
    var reopenablePath: String { "/proc/self/fd/\(descriptor)" }

    /// True when the file's size, modification time or status change time is no longer what it was when opened: a
    /// rewrite in place of the same size with its modification time put back (`rsync --inplace -t`) shows in the last.
    var changedSinceOpened: Bool {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return true }
        func same(_ one: timespec, _ other: timespec) -> Bool { one.tv_sec == other.tv_sec && one.tv_nsec == other.tv_nsec }
        return Int(info.st_size) != bytes || !same(info.st_mtim, modified) || !same(info.st_ctim, statusChanged)
    }

    /// SHA-256 of the whole file, read as the archive reader's observer reads what it left (`InputObserver.finish`).
    func sha256() throws(SystemCallError) -> (sha256: String, bytes: Int) {
        var hasher = SHA256()
        let observer = InputObserver { hasher.update(bufferPointer: $0) }
        observer.finish(descriptor: descriptor)
        if let reason = observer.readError { throw SystemCallError(description: reason) }
        return (hexDigest(hasher.finalize()), observer.bytes)
    }
}
