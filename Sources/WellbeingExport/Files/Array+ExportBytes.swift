extension [UInt8] {
    /// `withUnsafeBytes` for bodies that throw `ExportError`, whose type the standard library's
    /// `rethrows` version would erase.
    func withExportBytes<T>(_ body: (UnsafeRawBufferPointer) throws(ExportError) -> T) throws(ExportError) -> T {
        try withUnsafeBytes { raw in Result { () throws(ExportError) in try body(raw) } }.get()
    }
}
