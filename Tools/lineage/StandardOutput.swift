#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Darwin)
    @preconcurrency import Darwin
#endif

/// Whether everything printed reached standard output: flushes it and checks its error indicator, which a
/// failed write (a full disk, `/dev/full`) sets.
func standardOutputWasWritten() -> Bool {
    fflush(stdout) == 0 && ferror(stdout) == 0
}
