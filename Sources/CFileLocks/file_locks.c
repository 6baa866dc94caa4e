#define _GNU_SOURCE
#include "file_locks.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>

#if defined(__linux__)
#include <linux/falloc.h>

static struct flock one_byte(short type, off_t offset) {
    struct flock lock;
    memset(&lock, 0, sizeof lock);
    lock.l_type = type;
    lock.l_whence = SEEK_SET;
    lock.l_start = offset;
    lock.l_len = 1;
    return lock;
}

int lineage_share_byte(int fd, off_t offset) {
    struct flock lock = one_byte(F_RDLCK, offset);
    while (fcntl(fd, F_OFD_SETLKW, &lock) != 0) {
        if (errno != EINTR) return errno;
    }
    return 0;
}

int lineage_byte_locked_elsewhere(int fd, off_t offset) {
    struct flock lock = one_byte(F_WRLCK, offset);
    if (fcntl(fd, F_OFD_GETLK, &lock) != 0) return -errno;
    return lock.l_type == F_UNLCK ? 0 : 1;
}

int lineage_reserve_space(int fd, off_t length) {
    while (fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, length) != 0) {
        if (errno == EINTR) continue;
        if (errno == EOPNOTSUPP || errno == ENOSYS) return 0;
        return errno;
    }
    return 0;
}

#else

int lineage_share_byte(int fd, off_t offset) { (void)fd; (void)offset; return 0; }
int lineage_byte_locked_elsewhere(int fd, off_t offset) { (void)fd; (void)offset; return 0; }
int lineage_reserve_space(int fd, off_t length) { (void)fd; (void)length; return 0; }

#endif
