#ifndef LINEAGESTORE_CLMDB_SHIM_H
#define LINEAGESTORE_CLMDB_SHIM_H
#include <lmdb.h>
#endif
