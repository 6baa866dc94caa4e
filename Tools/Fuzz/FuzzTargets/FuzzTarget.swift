/// A decoder of outside bytes under fuzzing: it takes any bytes, must never crash on them, and stops the
/// process (a `precondition`) when a property of what it decoded fails — a value that decodes but does not
/// encode back the same way.
public struct FuzzTarget: Sendable {
    /// The target's name, as `make fuzz` and the corpus folder `Tests/Fuzz/Corpus/<name>` spell it.
    public let name: String
    /// Runs one input.
    public let run: @Sendable ([UInt8]) -> Void

    /// Every target.
    public static let all = [tuple, record, progressJSON, loadLine]

    /// The target named `name`, or `nil`.
    public static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }
}
