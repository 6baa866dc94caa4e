// The declaration in include/libfuzzer_driver.h is all this module provides; libFuzzer itself is linked
// by `-sanitize=fuzzer` when the package is built with LINEAGE_FUZZ=1.
#include "libfuzzer_driver.h"
