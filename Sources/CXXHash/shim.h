#ifndef LINEAGESTORE_CXXHASH_SHIM_H
#define LINEAGESTORE_CXXHASH_SHIM_H
#include <xxhash.h>

#if defined(__x86_64__) || defined(__i386__)
#define XXH_DISPATCH_DISABLE_REPLACE
#include <xxh_x86dispatch.h>
#endif

/// Feeds a streaming XXH3-128 state, using the widest vector unit this CPU has.
static inline XXH_errorcode lineage_xxh3_128_update(XXH3_state_t *state, const void *input, size_t length) {
#if defined(__x86_64__) || defined(__i386__)
    return XXH3_128bits_update_dispatch(state, input, length);
#else
    return XXH3_128bits_update(state, input, length);
#endif
}

#endif
