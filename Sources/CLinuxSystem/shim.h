// Linux system calls that Glibc's Swift overlay does not expose.
#ifndef CLINUXSYSTEM_SHIM_H
#define CLINUXSYSTEM_SHIM_H
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/auxv.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

/// renameat2(2) with RENAME_EXCHANGE: swaps two paths atomically (both must exist).
/// Called through syscall(2) because glibc's wrapper is hidden behind _GNU_SOURCE.
static inline int CLinuxSystem_exchange(int olddirfd, const char *oldpath, int newdirfd, const char *newpath) {
    return (int)syscall(SYS_renameat2, olddirfd, oldpath, newdirfd, newpath, RENAME_EXCHANGE);
}

#ifndef SYNC_FILE_RANGE_WRITE
#define SYNC_FILE_RANGE_WRITE 2
#endif

/// sync_file_range(2) with SYNC_FILE_RANGE_WRITE: starts writing a range of a file's dirty pages to disk and returns
/// without waiting (glibc declares it only under _GNU_SOURCE).
static inline int CLinuxSystem_startWriteback(int fd, long long offset, long long count) {
    return (int)syscall(SYS_sync_file_range, fd, offset, count, SYNC_FILE_RANGE_WRITE);
}

#include <linux/stat.h>

/// Whether `path` (not followed if a link) is where a file system is mounted: statx(2)'s STATX_ATTR_MOUNT_ROOT (Linux
/// 5.8), through syscall(2) as glibc declares statx only under _GNU_SOURCE. 1 yes, 0 no, -1 not known (errno set, or
/// a kernel that does not say).
static inline int CLinuxSystem_isMountRoot(const char *path) {
    struct statx info;
    if (syscall(SYS_statx, AT_FDCWD, path, AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, &info) != 0) return -1;
    if (!(info.stx_attributes_mask & STATX_ATTR_MOUNT_ROOT)) return -1;
    return (info.stx_attributes & STATX_ATTR_MOUNT_ROOT) ? 1 : 0;
}

static void *CLinuxSystem_waitAtGate(void *gate) {
    pthread_mutex_lock((pthread_mutex_t *)gate);
    pthread_mutex_unlock((pthread_mutex_t *)gate);
    return NULL;
}

/// Starts `count` threads (at most 64) all alive at once, then ends them: 0, or pthread_create(3)'s error (EAGAIN where
/// a process or memory limit leaves no room for them). Asked before a run starts its own: a thread Dispatch cannot
/// start it retries for ever, and the run hangs, deaf to SIGTERM.
static inline int CLinuxSystem_canStartThreads(int count) {
    pthread_mutex_t gate = PTHREAD_MUTEX_INITIALIZER;
    pthread_t threads[64];
    int started = 0, error = 0;
    if (count > 64) count = 64;
    pthread_mutex_lock(&gate);
    for (; started < count; started++) {
        error = pthread_create(&threads[started], NULL, CLinuxSystem_waitAtGate, &gate);
        if (error != 0) break;
    }
    pthread_mutex_unlock(&gate);
    for (int index = 0; index < started; index++) pthread_join(threads[index], NULL);
    return error;
}

/// pipe2(2) with O_CLOEXEC (glibc declares pipe2 only under _GNU_SOURCE).
static inline int CLinuxSystem_pipeCloseOnExec(int fds[2]) {
    return (int)syscall(SYS_pipe2, fds, O_CLOEXEC);
}

/// What the child of `CLinuxSystem_spawnLimited` needs, on the parent's memory (the child shares it until exec).
struct CLinuxSystem_spawnRequest {
    const char *path;
    char *const *argv;
    char *const *envp;
    int fds[3];
    unsigned long long address_space_bytes;
    unsigned long long cpu_seconds;
};

// glibc declares clone only under _GNU_SOURCE.
extern int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...);

static int CLinuxSystem_spawnChild(void *argument) {
    const struct CLinuxSystem_spawnRequest *request = (const struct CLinuxSystem_spawnRequest *)argument;
    // Handlers are the parent's code: every signal goes back to its default before anything can arrive.
    struct sigaction defaults;
    memset(&defaults, 0, sizeof defaults);
    defaults.sa_handler = SIG_DFL;
    for (int signal_number = 1; signal_number < 65; signal_number++) sigaction(signal_number, &defaults, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    struct rlimit limit;
    limit.rlim_cur = limit.rlim_max = (rlim_t)request->address_space_bytes;
    if (setrlimit(RLIMIT_AS, &limit) != 0) _exit(126);
    limit.rlim_cur = limit.rlim_max = (rlim_t)request->cpu_seconds;
    if (setrlimit(RLIMIT_CPU, &limit) != 0) _exit(126);
    limit.rlim_cur = limit.rlim_max = 0;
    if (setrlimit(RLIMIT_CORE, &limit) != 0 || setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(126);
    for (int fd = 0; fd < 3; fd++) if (dup2(request->fds[fd], fd) < 0) _exit(126);
    // Every other descriptor of the parent (archives, other children's pipes) stays out of the child.
    syscall(SYS_close_range, 3U, ~0U, 0U);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, 0);
    execve(request->path, request->argv, request->envp);
    _exit(127);
}

/// Starts `path` with `argv` and `envp` in a child whose stdin, stdout and stderr are the given descriptors,
/// under resource limits: `address_space_bytes` of virtual memory, `cpu_seconds` of CPU (a backstop; the
/// caller keeps the wall-clock deadline), no core file and no file written (RLIMIT_FSIZE 0: its output goes
/// to pipes only). The child is killed if the thread that started it dies. Returns the pid, or -1 with errno.
///
/// Written in C because posix_spawn cannot set resource limits on the child, and only system calls may run
/// between clone and exec. The child shares the parent's memory until exec (CLONE_VM | CLONE_VFORK, as
/// posix_spawn does) on a stack of its own: copying the page tables of a large parent for each PDF, as fork
/// does, cost a fifth of peel's own time over a folder of PDFs. Signals stay blocked until the child has reset
/// every handler, so none of the parent's handlers can run on the shared memory.
static inline pid_t CLinuxSystem_spawnLimited(const char *path, char *const argv[], char *const envp[],
                                              int stdin_fd, int stdout_fd, int stderr_fd,
                                              unsigned long long address_space_bytes, unsigned long long cpu_seconds) {
    struct CLinuxSystem_spawnRequest request = { path, argv, envp, { stdin_fd, stdout_fd, stderr_fd }, address_space_bytes, cpu_seconds };
    const size_t stack_size = 64 * 1024;
    void *stack = mmap(0, stack_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (stack == MAP_FAILED) return -1;
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    pid_t pid = clone(CLinuxSystem_spawnChild, (char *)stack + stack_size, 0x00000100 /* CLONE_VM */ | 0x00004000 /* CLONE_VFORK */ | SIGCHLD, &request);
    int saved = errno;
    pthread_sigmask(SIG_SETMASK, &previous, 0);
    munmap(stack, stack_size);
    errno = saved;
    return pid;
}
/// The GNU build ID the linker wrote into this executable (a hash of what it linked), read from the program
/// headers already in memory: no file is opened. Copies at most `capacity` bytes to `out`; returns how many (0:
/// none found).
static inline int CLinuxSystem_buildID(unsigned char *out, int capacity) {
    const Elf64_Phdr *headers = (const Elf64_Phdr *)getauxval(AT_PHDR);
    unsigned long count = getauxval(AT_PHNUM);
    if (headers == 0 || count == 0) return 0;
    uintptr_t bias = 0;
    for (unsigned long i = 0; i < count; i++) {
        if (headers[i].p_type == PT_PHDR) bias = (uintptr_t)headers - (uintptr_t)headers[i].p_vaddr;
    }
    for (unsigned long i = 0; i < count; i++) {
        if (headers[i].p_type != PT_NOTE) continue;
        const unsigned char *at = (const unsigned char *)(bias + headers[i].p_vaddr);
        const unsigned char *end = at + headers[i].p_memsz;
        while (at + sizeof(Elf64_Nhdr) <= end) {
            const Elf64_Nhdr *note = (const Elf64_Nhdr *)at;
            const unsigned char *name = at + sizeof(Elf64_Nhdr);
            const unsigned char *description = name + ((note->n_namesz + 3) & ~3U);
            if (description + note->n_descsz > end) break;
            if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && memcmp(name, "GNU", 4) == 0) {
                int length = (int)note->n_descsz < capacity ? (int)note->n_descsz : capacity;
                memcpy(out, description, length);
                return length;
            }
            at = description + ((note->n_descsz + 3) & ~3U);
        }
    }
    return 0;
}
#endif
