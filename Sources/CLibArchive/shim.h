// libarchive as one module. Only PeelArchive/LibArchive.swift imports it.
#ifndef CLIBARCHIVE_SHIM_H
#define CLIBARCHIVE_SHIM_H
#include <archive.h>
#include <archive_entry.h>

/// The entry's file type as a small integer, because AE_IFREG and friends are cast macros
/// that Swift cannot import: 0 regular, 1 directory, 2 symlink, 3 fifo, 4 character device,
/// 5 block device, 6 socket, 7 unknown.
static inline int CLibArchive_entryKind(struct archive_entry *entry) {
    switch (archive_entry_filetype(entry)) {
    case AE_IFREG: return 0;
    case AE_IFDIR: return 1;
    case AE_IFLNK: return 2;
    case AE_IFIFO: return 3;
    case AE_IFCHR: return 4;
    case AE_IFBLK: return 5;
    case AE_IFSOCK: return 6;
    default: return 7;
    }
}

/// Sets the handle's error text (archive_set_error is variadic, which Swift cannot call): a read callback's
/// reason for failing, which libarchive then reports as the failed call's error.
static inline void CLibArchive_setError(struct archive *a, const char *message) {
    archive_set_error(a, -1, "%s", message);  // -1: libarchive's own ARCHIVE_ERRNO_MISC, which it does not export
}
#endif
