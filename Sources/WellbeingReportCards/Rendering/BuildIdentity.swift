import Foundation

/// Which build of the software is running, so that a part made by another build is made again.
public enum BuildIdentity {
    /// The running executable's inode, size and modification time: a new version, or a change to how
    /// pages or files look, is another build. Nil when it cannot be read: then nothing may be kept.
    public static let current: String? = {
        guard let path = Bundle.main.executablePath else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_ino) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()
}
