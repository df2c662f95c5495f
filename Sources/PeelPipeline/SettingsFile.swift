import Foundation
import Glibc

/// A file of settings or reference data read whole (the configuration, forces.csv, population.csv): a regular file
/// of at most `limit` bytes. Opened without blocking and looked at before it is read: a FIFO given as one waited
/// forever for a writer, `/dev/zero` was read until memory ran out, and a folder failed with Foundation's "error 256".
/// The error is what is wrong, in words for the operator.
func readSettingsFile(_ path: String, limit: Int = 64 << 20) -> Result<Data, SettingsFileError> {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return .failure(SettingsFileError(String(cString: strerror(errno)))) }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return .failure(SettingsFileError(String(cString: strerror(errno)))) }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return .failure(SettingsFileError("it is a folder, not a file"))
    case S_IFIFO: return .failure(SettingsFileError("it is a FIFO (a named pipe), not a file; reading it could wait forever"))
    default: return .failure(SettingsFileError("it is not a regular file (a device or a socket)"))
    }
    guard Int(info.st_size) <= limit else {
        return .failure(SettingsFileError("it is \(info.st_size) bytes, more than any such file holds (at most \(limit))"))
    }
    do { return .success(try handle.readToEnd() ?? Data()) } catch {
        return .failure(SettingsFileError((error as NSError).localizedDescription))
    }
}

struct SettingsFileError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
