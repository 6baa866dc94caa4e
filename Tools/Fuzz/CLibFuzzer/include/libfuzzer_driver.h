#ifndef LINEAGESTORE_LIBFUZZER_DRIVER_H
#define LINEAGESTORE_LIBFUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, for a binary that has its own `main` (the Swift entry point) and links libFuzzer:
/// it parses libFuzzer's flags from `argv` and calls `callback` with each input.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
