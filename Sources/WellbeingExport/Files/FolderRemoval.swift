#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Removes a folder of many files (the previous export's report cards) with many unlinks in flight.
///
/// Freeing a file's blocks can wait on the disk (on a file system mounted with `discard`, about
/// 3.5 ms a file on the bench machine): one after another, the 800 pages a republish replaces took
/// 2.4 s; sixteen at a time they take 0.1 s. The waits overlap, the CPU work is small.
enum FolderRemoval {
    /// Unlinks at once.
    static let threads = 16

    /// Removes `path` and everything under it; a missing folder is no error, and what cannot be
    /// removed is left (as `rm -rf` would report it, but an export goes on).
    static func remove(_ path: String) {
        var files: [String] = []
        var folders: [String] = []
        collect(path, files: &files, folders: &folders)
        let all = files
        let group = DispatchGroup()
        // Thread k takes every `threads`-th file from k: the files are alike, so the shares are too.
        for first in 0..<min(threads, all.count) {
            group.enter()
            Thread {
                for index in stride(from: first, to: all.count, by: threads) { unlink(all[index]) }
                group.leave()
            }.start()
        }
        group.wait()
        // Deepest first: a folder is removed once it is empty.
        for folder in folders.reversed() { rmdir(folder) }
    }

    /// Every file under `path` and every folder (`path` first, parents before their children).
    private static func collect(_ path: String, files: inout [String], folders: inout [String]) {
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        folders.append(path)
        var children: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(cString: $0.bindMemory(to: CChar.self).baseAddress!)
            }
            guard name != ".", name != ".." else { continue }
            let child = path + "/" + name
            var isFolder = entry.pointee.d_type == DT_DIR
            if entry.pointee.d_type == DT_UNKNOWN {
                // Some file systems do not say; ask.
                var info = stat()
                isFolder = lstat(child, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            if isFolder { children.append(child) } else { files.append(child) }
        }
        for child in children { collect(child, files: &files, folders: &folders) }
    }
}
