import CXXHash

/// An incremental XXH3-128 hasher over libxxhash's streaming state, for the store's file hasher.
package final class StreamingXXH3: @unchecked Sendable {
    private let state: OpaquePointer

    package init() {
        guard let state = XXH3_createState() else { fatalError("XXH3_createState: out of memory") }
        self.state = state
        XXH3_128bits_reset(state)
    }

    deinit { XXH3_freeState(state) }

    package func update(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        lineage_xxh3_128_update(state, bytes.baseAddress, bytes.count)
    }

    package func finalize() -> Digest128 {
        let hash = XXH3_128bits_digest(state)
        return Digest128(high: hash.high64, low: hash.low64)
    }
}
