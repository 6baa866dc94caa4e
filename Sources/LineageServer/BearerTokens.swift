import Crypto
import Foundation
import LineageFormat

/// The bearer tokens a server accepts, known only by their SHA-256 digests.
///
/// A token file holds one token per line as the 64 hex digits of its SHA-256 digest, optionally followed by
/// white space and a name for the token's holder (shown in logs); blank lines and lines starting with `#`
/// are ignored. Create a line with `printf %s "$TOKEN" | sha256sum`.
public struct BearerTokens: Sendable {
    /// One accepted token: its digest and its holder's name.
    struct Entry: Sendable {
        var digest: [UInt8]
        var name: String
    }

    let entries: [Entry]

    /// No tokens: every request that needs one is refused.
    public static let none = BearerTokens(entries: [])

    /// Whether any token is accepted.
    public var isEmpty: Bool { entries.isEmpty }

    private init(entries: [Entry]) { self.entries = entries }

    /// Parses a token file's text.
    /// - Throws: ``TokenFileError`` naming the line that is not a digest.
    public init(fileText: String, path: String) throws {
        var entries: [Entry] = []
        for (index, line) in fileText.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let parts = trimmed.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts[0].count == 64, let digest = Hex.decode(String(parts[0])) else {
                throw TokenFileError(
                    path: path, line: index + 1,
                    reason: "expected the 64 hex digits of a token's SHA-256 digest, then an optional name")
            }
            let name = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "token \(entries.count + 1)"
            entries.append(Entry(digest: digest, name: name))
        }
        self.init(entries: entries)
    }

    /// Reads a token file.
    /// - Throws: ``TokenFileError`` when it cannot be read or a line is not a digest.
    public init(contentsOf path: String) throws {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw TokenFileError(path: path, line: 0, reason: "cannot be read: \(error.localizedDescription)")
        }
        try self.init(fileText: text, path: path)
    }

    /// The name of the holder of `token`, or `nil` if it is not accepted. Compares against every entry in
    /// constant time, so the time taken tells nothing about how close a guess was.
    public func holder(of token: some StringProtocol) -> String? {
        let digest = Array(SHA256.hash(data: Array(token.utf8)))
        var found: String?
        for entry in entries {
            var difference: UInt8 = 0
            for (a, b) in zip(entry.digest, digest) { difference |= a ^ b }
            if difference == 0 && found == nil { found = entry.name }
        }
        return found
    }
}

/// A token file that cannot be used, naming the file and line.
public struct TokenFileError: Error, CustomStringConvertible {
    /// The token file.
    public var path: String
    /// The 1-based line at fault, or 0 for the whole file.
    public var line: Int
    /// What is wrong.
    public var reason: String

    public var description: String { line > 0 ? "\(path):\(line): \(reason)" : "\(path) \(reason)" }
}
