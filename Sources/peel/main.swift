// jemalloc is the process's allocator: linked, its malloc and free take the place of glibc's for every allocation,
// the Swift runtime's among them. A run makes and frees many millions of small strings, arrays and rows on several
// threads: over a million tiny entries jemalloc takes 10.5 s where glibc's allocator took 15.3 s (13.4 → 6.9 s on the
// re-run), and paired runs of the 1 GB benchmark put the whole run at CPU × 0.986 (README, "Installing it").
import CJemalloc
// Stops a build for x86-64-v3 on an older processor before main, with a message instead of an illegal instruction.
import CProcessor
import PeelCLI

Peel.main()
