/// A value whose empty form (`""`, `0`, no bytes) stands for "absent" in the format: an `optional` field of
/// `Formats/lineagestore.proto` is a Swift optional, and the format never stores it empty.
package protocol EmptyStorable: Equatable {
    /// The empty form.
    static var emptyValue: Self { get }
}

extension String: EmptyStorable {
    package static var emptyValue: String { "" }
}

extension Int64: EmptyStorable {
    package static var emptyValue: Int64 { 0 }
}

extension UInt64: EmptyStorable {
    package static var emptyValue: UInt64 { 0 }
}

extension Array: EmptyStorable where Element: Equatable {
    package static var emptyValue: [Element] { [] }
}

extension Optional where Wrapped: EmptyStorable {
    /// The value as the format stores it: `nil` reads as the empty form, and storing the empty form makes the
    /// value `nil`, so the wire, the export and the Swift value always agree on what is absent.
    package var stored: Wrapped {
        get { self ?? .emptyValue }
        set { self = newValue == .emptyValue ? nil : newValue }
    }
}
