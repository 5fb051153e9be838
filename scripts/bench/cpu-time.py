#!/usr/bin/env python3
"""CPU time (user + system) of commands, interleaved rounds, medians: steadier
than wall time on a busy machine. For comparing two builds' start-up, e.g.

  python3 scripts/bench/cpu-time.py 40 "node=node -e 0" \\
    "before=node /tmp/base/bin/postview.cjs show posts/X.md --color never --no-pager" \\
    "after=node bin/postview.cjs show posts/X.md --color never --no-pager"
"""
import resource
import statistics
import subprocess
import sys

rounds = int(sys.argv[1])
cases = [arg.split('=', 1) for arg in sys.argv[2:]]
times = {label: [] for label, _ in cases}
for _ in range(rounds):
    for label, command in cases:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(['/bin/sh', '-c', 'exec ' + command], stdout=subprocess.DEVNULL, check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times[label].append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
for label, _ in cases:
    print(f'{label:12} cpu median {statistics.median(times[label]):6.1f} ms  min {min(times[label]):6.1f} ms')
