// Linux system calls that Glibc's Swift overlay does not expose.
#ifndef CLINUXSYSTEM_SHIM_H
#define CLINUXSYSTEM_SHIM_H
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
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

/// pipe2(2) with O_CLOEXEC (glibc declares pipe2 only under _GNU_SOURCE).
static inline int CLinuxSystem_pipeCloseOnExec(int fds[2]) {
    return (int)syscall(SYS_pipe2, fds, O_CLOEXEC);
}

/// Starts `path` with `argv` and `envp` in a child whose stdin, stdout and stderr are the given descriptors,
/// under resource limits: `address_space_bytes` of virtual memory, `cpu_seconds` of CPU (a backstop; the
/// caller keeps the wall-clock deadline), no core file and no file written (RLIMIT_FSIZE 0: its output goes
/// to pipes only). The child is killed if the thread that started it dies. Returns the pid, or -1 with errno.
///
/// Written in C because only async-signal-safe calls may run between fork and exec in a multithreaded
/// process, and posix_spawn cannot set resource limits on the child.
static inline pid_t CLinuxSystem_spawnLimited(const char *path, char *const argv[], char *const envp[],
                                              int stdin_fd, int stdout_fd, int stderr_fd,
                                              unsigned long long address_space_bytes, unsigned long long cpu_seconds) {
    pid_t pid = fork();
    if (pid != 0) return pid;
    // The child: nothing here allocates or takes a lock.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, 0);
    signal(SIGPIPE, SIG_DFL);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    struct rlimit limit;
    limit.rlim_cur = limit.rlim_max = (rlim_t)address_space_bytes;
    if (setrlimit(RLIMIT_AS, &limit) != 0) _exit(126);
    limit.rlim_cur = limit.rlim_max = (rlim_t)cpu_seconds;
    if (setrlimit(RLIMIT_CPU, &limit) != 0) _exit(126);
    limit.rlim_cur = limit.rlim_max = 0;
    if (setrlimit(RLIMIT_CORE, &limit) != 0 || setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(126);
    if (dup2(stdin_fd, 0) < 0 || dup2(stdout_fd, 1) < 0 || dup2(stderr_fd, 2) < 0) _exit(126);
    // Every other descriptor of the parent (archives, other children's pipes) stays out of the child.
    syscall(SYS_close_range, 3U, ~0U, 0U);
    execve(path, argv, envp);
    _exit(127);
}
#endif
