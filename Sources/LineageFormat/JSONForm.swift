/// The shape of a field's value in a record's JSON object.
package enum JSONForm: Sendable {
    /// A string.
    case text
    /// A signed integer.
    case integer
    /// An unsigned integer (up to 2^64 − 1).
    case unsigned
    /// A number with a fraction.
    case double
    /// `true` or `false`.
    case boolean
    /// An RFC 3339 time, or `null`.
    case timestamp
    /// Any JSON document, or `null`.
    case document
    /// Lowercase hex digits.
    case hex
    /// An array of strings.
    case texts
    /// An object (a map of counts, a last-writer-wins stamp).
    case object
    /// An array of objects (nested records).
    case objects
}
