import Foundation
import WellbeingCore

/// One bucket of a ``SpillingUPNRegistry``: fixed-size records, buffered in memory and spilled to a
/// private temporary file when the buffer fills.
///
/// The file is unlinked as soon as it is created, so it vanishes when the
/// process ends however it ends, and it is readable by its owner only.
final class SpillBucket {
    /// key (8) · school URN (4, 0 = none) · line (4) · column (4) · ref length (1) · ref (32), padded to 56.
    static let recordSize = 56
    private static let refCapacity = 32

    private let directory: String
    private let bufferLimit: Int
    private var buffer: [UInt8] = []
    private var descriptor: Int32 = -1
    private var spilledBytes = 0

    init(directory: String, bufferLimit: Int) {
        self.directory = directory
        self.bufferLimit = bufferLimit
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Adds a record, spilling the buffer to disk when it is full.
    func append(key: UInt64, occurrence: PupilOccurrence) throws(UPNRegistryError) {
        // Room for the whole buffer at once: grown by appends it would double past the limit, and every bucket
        // of a large return fills, so the registry would hold twice what it was given.
        if buffer.capacity == 0 {
            buffer.reserveCapacity((bufferLimit + Self.recordSize - 1) / Self.recordSize * Self.recordSize)
        }
        Self.encode(key: key, occurrence: occurrence, into: &buffer)
        if buffer.count >= bufferLimit { try spill() }
    }

    /// Every record, spilled ones first, in the order they were added.
    func records() throws(UPNRegistryError) -> [(key: UInt64, occurrence: PupilOccurrence)] {
        var bytes = [UInt8](repeating: 0, count: spilledBytes)
        if spilledBytes > 0 {
            let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, spilledBytes, 0) }
            guard count == spilledBytes else { throw Self.failure("read back") }
        }
        bytes += buffer
        return stride(from: 0, to: bytes.count, by: Self.recordSize).map { Self.decode(bytes, at: $0) }
    }

    private func spill() throws(UPNRegistryError) {
        if descriptor < 0 { descriptor = try Self.makeFile(in: directory) }
        let written = buffer.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(spilledBytes)) }
        guard written == buffer.count else { throw Self.failure("write") }
        spilledBytes += written
        buffer.removeAll(keepingCapacity: true)
    }

    private static func makeFile(in directory: String) throws(UPNRegistryError) -> Int32 {
        var template = Array((directory + "/wellbeing-upn-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure("create") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return descriptor
    }

    private static func failure(_ action: String) -> UPNRegistryError {
        UPNRegistryError("could not \(action) scratch space for the duplicate-UPN check"
                        + " (\(String(cString: strerror(errno)))); free some disk space or set TMPDIR.")
    }

    private static func encode(key: UInt64, occurrence: PupilOccurrence, into bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(byteCount: recordSize, alignment: 8) { record in
            record.initializeMemory(as: UInt8.self, repeating: 0)
            record.storeBytes(of: key.littleEndian, toByteOffset: 0, as: UInt64.self)
            record.storeBytes(of: UInt32(occurrence.schoolURN ?? 0).littleEndian, toByteOffset: 8, as: UInt32.self)
            record.storeBytes(of: UInt32(clamping: occurrence.location.line).littleEndian, toByteOffset: 12,
                              as: UInt32.self)
            record.storeBytes(of: UInt32(clamping: occurrence.location.column).littleEndian, toByteOffset: 16,
                              as: UInt32.self)
            var length = 0
            for byte in (occurrence.pupilRef ?? "").utf8.prefix(refCapacity) {
                record[21 + length] = byte
                length += 1
            }
            record[20] = UInt8(length)
            bytes.append(contentsOf: record)
        }
    }

    private static func decode(_ bytes: [UInt8], at offset: Int) -> (key: UInt64, occurrence: PupilOccurrence) {
        func integer<T: FixedWidthInteger>(_: T.Type, at position: Int) -> T {
            var value = T.zero
            let start = offset + position
            withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: bytes[start ..< start + MemoryLayout<T>.size]) }
            return T(littleEndian: value)
        }
        let urn = integer(UInt32.self, at: 8)
        let location = SourceLocation(line: Int(integer(UInt32.self, at: 12)),
                                      column: Int(integer(UInt32.self, at: 16)))
        let refLength = Int(bytes[offset + 20])
        let ref = refLength == 0 ? nil
            : String(decoding: bytes[offset + 21 ..< offset + 21 + refLength], as: UTF8.self)
        return (integer(UInt64.self, at: 0),
                PupilOccurrence(location: location, schoolURN: urn == 0 ? nil : Int(urn), pupilRef: ref))
    }
}
