import LineageServer
import Testing

/// Token files and the access rules built on them.
@Suite struct BearerTokensTests {
    /// The SHA-256 digest of "alpha", and another digest.
    static let alpha = "8ed3f6ad685b959ead7022518e1af76cd816f8e8ec7ccdda1ed4018e8f2223f8"
    static let beta = "f44e64e74f3b94498a8e7d2ba8f4f0e7d3b4b2d4f0f4b4a98d4d3c4c40d51b4c"

    @Test func aTokenIsAcceptedByItsDigestAndNamed() throws {
        let tokens = try BearerTokens(
            fileText: "# crawler fleet\n\n\(Self.alpha)  crawler fleet\n\(Self.beta.uppercased())\n", path: "tokens")
        #expect(!tokens.isEmpty)
        #expect(tokens.holder(of: "alpha") == "crawler fleet")
        #expect(tokens.holder(of: "alpha ") == nil)
        #expect(tokens.holder(of: "") == nil)
        #expect(tokens.holder(of: "gamma") == nil)
        #expect(BearerTokens.none.holder(of: "alpha") == nil)
    }

    @Test func aLineThatIsNotADigestIsNamed() {
        for text in ["abc\n", "\(Self.alpha.dropLast())\n", "\(Self.alpha.dropLast())z name\n", "plain-token\n"] {
            #expect(throws: TokenFileError.self) { try BearerTokens(fileText: "# ok\n" + text, path: "tokens") }
            do { _ = try BearerTokens(fileText: "# ok\n" + text, path: "tokens") } catch {
                #expect("\(error)".hasPrefix("tokens:2:"))
            }
        }
        #expect(throws: TokenFileError.self) { try BearerTokens(contentsOf: "/nonexistent/tokens") }
    }

    @Test func onlyLoopbackServersMayRunWithoutTokensOrWithOpenReads() throws {
        let tokens = try BearerTokens(fileText: Self.alpha, path: "tokens")
        for host in ["127.0.0.1", "localhost", "::1", "127.0.0.2"] {
            try LineageServer.Configuration(host: host, access: AccessPolicy(tokens: .none, openReads: true)).validate()
        }
        for host in ["0.0.0.0", "10.1.2.3", "::"] {
            #expect(throws: ServerConfigurationError.self) {
                try LineageServer.Configuration(host: host, access: AccessPolicy(tokens: .none)).validate()
            }
            #expect(throws: ServerConfigurationError.self) {
                try LineageServer.Configuration(host: host, access: AccessPolicy(tokens: tokens, openReads: true))
                    .validate()
            }
            try LineageServer.Configuration(host: host, access: AccessPolicy(tokens: tokens)).validate()
        }
    }
}
