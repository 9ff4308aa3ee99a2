extension Publication {
    /// Writes `indicators.csv` for the rows `filter` keeps to any byte sink: a file, a socket, a
    /// response body.
    ///
    /// `sink` receives the UTF-8 bytes in order, in chunks of up to about 1 MiB, the first being the
    /// header line; the bytes are exactly those of the export folder's file under the same filter.
    /// An error thrown by `sink` stops the writing and is rethrown.
    public func writeIndicatorsCSV(filter: PublicationFilter = .everything,
                                   to sink: ([UInt8]) throws -> Void) rethrows {
        try EESLayout.write(tables: tables, filter: filter, flush: sink)
    }
}
