#ifndef LINEAGESTORE_FILE_LOCKS_H
#define LINEAGESTORE_FILE_LOCKS_H

#include <sys/types.h>

/// Takes a shared lock on the byte at `offset` of `fd`, owned by the open file description (so closing
/// another descriptor of the file does not release it), waiting for an exclusive holder to finish.
/// Returns 0, or an errno value.
int lineage_share_byte(int fd, off_t offset);

/// Whether an open file description other than `fd`'s holds a lock on the byte at `offset`:
/// 1 if one does, 0 if none does, or a negated errno value.
int lineage_byte_locked_elsewhere(int fd, off_t offset);

/// Allocates the first `length` bytes of `fd` on disk without changing its size, so that later writes
/// through a memory map of that range cannot fail for lack of space. Returns 0 (also where the file
/// system cannot preallocate), or an errno value such as ENOSPC.
int lineage_reserve_space(int fd, off_t length);

#endif
