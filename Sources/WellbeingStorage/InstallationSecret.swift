import Crypto
import Foundation
public import WellbeingCore

/// The per-installation key that pupil identifiers are hashed with: 32 random bytes in a file of its own.
///
/// The file lives next to the database (`<db>.secret`), readable by its owner
/// only. Whoever has the database but not this file cannot tell which pupil a
/// row belongs to; whoever loses it can no longer match new returns' pupils to
/// stored ones, so it is backed up with the database. Its bytes are never
/// printed or logged.
public struct InstallationSecret: Sendable {
    /// The number of random bytes in a secret.
    public static let byteCount = 32

    /// The secret's bytes; kept as plain bytes so that the secret can cross threads.
    let bytes: [UInt8]

    /// A fresh random secret, for stores that live in memory only.
    public static func random() -> InstallationSecret {
        InstallationSecret(bytes: SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
    }

    /// Reads the secret at `path`, creating it first if there is none.
    ///
    /// Two processes may open a new store at once: each writes a candidate to a
    /// private file created with `O_EXCL`, and `link(2)` publishes it under the
    /// final name only if that name is still free. So the secret appears whole or
    /// not at all, even if a process is killed half-way, and both end up using
    /// the one that won.
    public static func loadOrCreate(path: String) throws(StoreError) -> InstallationSecret {
        if let existing = try load(path: path) { return existing }
        let candidate = random()
        let temporary = "\(path).\(getpid()).\(UInt32.random(in: .min ... .max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StoreError(.secretUnusable, "cannot create the store's secret next to \(path): \(lastError())."
                             + " Check that the directory exists and is writable.")
        }
        defer { unlink(temporary) }
        let written = candidate.bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == byteCount, synced else {
            throw StoreError(.secretUnusable, "cannot write the store's secret \(path): \(lastError()).")
        }
        if link(temporary, path) != 0, errno != EEXIST {
            throw StoreError(.secretUnusable, "cannot create the store's secret \(path): \(lastError()).")
        }
        guard let stored = try load(path: path) else {
            throw StoreError(.secretUnusable, "the store's secret \(path) vanished while it was created; try again.")
        }
        return stored
    }

    /// Reads an existing secret; nil when the file does not exist.
    private static func load(path: String) throws(StoreError) -> InstallationSecret? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw StoreError(.secretUnusable, "cannot read the store's secret \(path): \(lastError()).")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw StoreError(.secretUnusable, "the store's secret \(path) is not a regular file.")
        }
        // The key to every pseudonym must not be readable by other users.
        guard status.st_mode & 0o077 == 0 else {
            throw StoreError(.secretUnusable, "the store's secret \(path) is readable by other users;"
                             + " run: chmod 600 \(path)")
        }
        var bytes = [UInt8](repeating: 0, count: byteCount + 1)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count == byteCount else {
            throw StoreError(.secretUnusable, "the store's secret \(path) is not a \(byteCount)-byte secret;"
                             + " restore it from the backup taken with the database.")
        }
        return InstallationSecret(bytes: Array(bytes.prefix(byteCount)))
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
