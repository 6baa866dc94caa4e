import ArgumentParser
import LineageFormat
import LineageStore

/// A vocabulary value given on the command line: one of the values this version knows, else a usage error.
extension ExpressibleByArgument where Self: Vocabulary {
    public init?(argument: String) {
        guard Self.known.contains(Self(rawValue: argument)) else { return nil }
        self.init(rawValue: argument)
    }

    public static var allValueStrings: [String] { known.map(\.rawValue) }
}

extension JobStatus: ExpressibleByArgument {}
extension ProcessType: ExpressibleByArgument {}
extension ImportStatus: ExpressibleByArgument {}
extension PageStatus: ExpressibleByArgument {}
extension StageStatus: ExpressibleByArgument {}
