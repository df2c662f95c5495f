#!/usr/bin/env python3
"""Benchmarks/thread-cpu.py: the CPU time of each thread of one peel run, to tell the reader's share from the workers'.

Usage:
  Benchmarks/thread-cpu.py [-n ROUNDS] ARCHIVE JOBS...

Environment: PEEL (default .build/release/peel of this checkout), CONFIG (default Pipeline/pipeline.json).

Runs `peel run --full --jobs J` on ARCHIVE for each J, ROUNDS times, into a scratch folder, and samples every
thread's user and system time from /proc/PID/task/TID/stat every 20 ms; a thread's last sample is its time (peel's
reader and workers live for the whole run, so at most 20 ms of each is missed). `perf` cannot give this split on the
benchmark machine: sampled on its virtual CPUs, it put 30 % of a `--jobs 1` run on the reader thread, which used 11 %.

The ceiling of `--jobs 1 / --jobs 2` follows: at --jobs 1 the reader runs beside the one worker, so the wall time is
about the worker's CPU W; at --jobs 2 it is at least (W2 + R) / 2 for W2 the two workers' CPU and R the reader's.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
TICK = os.sysconf("SC_CLK_TCK")


def thread_times(pid):
    """{tid: (user s, system s)} of the process's live threads."""
    times = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return times
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as stat:
                text = stat.read()
        except OSError:
            continue
        # The fields after the command name (which may hold spaces): utime and stime are the 14th and 15th.
        fields = text[text.rindex(")") + 2:].split()
        times[int(tid)] = (int(fields[11]) / TICK, int(fields[12]) / TICK)
    return times


def run(peel, config, archive, jobs, out):
    shutil.rmtree(out, ignore_errors=True)
    command = [peel, "run", "--input", archive, "--output", out, "--config", config, "--jobs", str(jobs), "--full",
               "--fail-on", "never"]
    start = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    last = {}
    while process.poll() is None:
        last.update(thread_times(process.pid))
        time.sleep(0.02)
    wall = time.monotonic() - start
    if process.returncode not in (0, 65):
        sys.exit(f"thread-cpu.py: peel exited with status {process.returncode} on {archive}")
    return wall, sorted(last.values(), key=lambda entry: -(entry[0] + entry[1]))


def main(arguments):
    rounds = 1
    if arguments[:1] == ["-n"]:
        rounds = int(arguments[1])
        arguments = arguments[2:]
    if len(arguments) < 2 or arguments[0] in ("-h", "--help"):
        sys.exit(__doc__)
    archive, jobs = arguments[0], [int(value) for value in arguments[1:]]
    peel = os.environ.get("PEEL", os.path.join(REPO, ".build/release/peel"))
    config = os.environ.get("CONFIG", os.path.join(REPO, "Pipeline/pipeline.json"))
    if not os.access(peel, os.X_OK):
        sys.exit(f"thread-cpu.py: no peel binary at {peel} (bash .ci/build-release)")
    scratch = tempfile.mkdtemp(prefix="peel-threads.")
    try:
        print("| run | wall s | busiest threads, CPU s (user + system) | all threads CPU s |")
        print("|---|---|---|---|")
        for round_number in range(1, rounds + 1):
            for job_count in jobs:
                wall, threads = run(peel, config, archive, job_count, os.path.join(scratch, "out"))
                busy = [f"{user + system:.2f}" for user, system in threads[:job_count + 1]]
                total = sum(user + system for user, system in threads)
                print(f"| `--jobs {job_count}`, round {round_number} | {wall:.2f} | {' + '.join(busy)} | {total:.2f} |")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
