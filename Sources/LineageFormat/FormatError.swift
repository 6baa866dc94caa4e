/// An error raised while encoding or decoding LineageStore's on-disk format.
public struct FormatError: CodedError {
    /// The kind of failure; compare against the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable {
            case truncated, invalidTypeCode, invalidUTF8, nonCanonical, unsupportedInteger
            case invalidWireType, invalidFieldNumber, checksumMismatch, unsupportedFormatVersion
            case unknownFlags, wrongKind, invalidField, trailingBytes
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The bytes end in the middle of a value.
        public static let truncated = Code(.truncated)
        /// A tuple element starts with a type code this format does not define.
        public static let invalidTypeCode = Code(.invalidTypeCode)
        /// A string is not valid UTF-8.
        public static let invalidUTF8 = Code(.invalidUTF8)
        /// A value is encoded in a non-canonical form (e.g. an integer with a leading zero byte).
        public static let nonCanonical = Code(.nonCanonical)
        /// An integer does not fit a signed 64-bit value.
        public static let unsupportedInteger = Code(.unsupportedInteger)
        /// A protocol-buffers field has wire type 3, 4, 6 or 7, or not the type its schema says.
        public static let invalidWireType = Code(.invalidWireType)
        /// A protocol-buffers field number is 0 or above 2^29 − 1.
        public static let invalidFieldNumber = Code(.invalidFieldNumber)
        /// A record body does not match the XXH3-64 checksum of its envelope: the record is damaged.
        public static let checksumMismatch = Code(.checksumMismatch)
        /// A record or file was written by a newer major format version than this library reads.
        public static let unsupportedFormatVersion = Code(.unsupportedFormatVersion)
        /// An envelope sets flag bits this version does not define.
        public static let unknownFlags = Code(.unknownFlags)
        /// A record is of another kind than the one asked for.
        public static let wrongKind = Code(.wrongKind)
        /// A field holds a value its schema forbids.
        public static let invalidField = Code(.invalidField)
        /// Bytes follow the end of a complete value.
        public static let trailingBytes = Code(.trailingBytes)

        public var description: String { "\(value)" }
    }

    /// What went wrong.
    public var code: Code
    /// What failed and where, e.g. the byte offset or the record kind and field.
    public var message: String
    /// The error that caused this one, if any.
    public var underlying: (any Error)?

    /// Creates an error.
    public init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

}
