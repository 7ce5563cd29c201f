#!/usr/bin/env python3
"""expect-exit.py CODE COMMAND [ARGS...]

Runs COMMAND with stdin, stdout and stderr passed through, and exits 0 when
its exit status is exactly CODE, 1 otherwise (with a message on stderr).
lit's `not` only tells zero from non-zero; bk's exit codes 1 (findings) and
2 (errors) mean different things, so tests pin them with %expect_exit.
"""
import subprocess
import sys

if len(sys.argv) < 3:
    sys.exit('usage: expect-exit.py CODE COMMAND [ARGS...]')
want = int(sys.argv[1])
got = subprocess.call(sys.argv[2:])
if got != want:
    sys.stderr.write(f'expect-exit: {sys.argv[2]} exited {got}, expected {want}\n')
    sys.exit(1)
