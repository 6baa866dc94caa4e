#ifndef LINEAGESTORE_CXXHASH_SHIM_H
#define LINEAGESTORE_CXXHASH_SHIM_H
#include <xxhash.h>
#endif
