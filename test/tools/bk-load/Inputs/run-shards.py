"""Runs N bk-load workers of one sharded run at once, starting together:
run-shards.py URL N [bk-load options...]. Worker i writes shard-i.json,
shard-i.txt (its samples) and shard-i.hlog in the current directory."""
import subprocess
import sys
import time

url, n = sys.argv[1], int(sys.argv[2])
start = f'{time.time() + 1.0:.3f}'
procs = [subprocess.Popen(
    ['bk-load', url, '--shard', f'{i}/{n}', '--start-at', start, '--json',
     '-o', f'shard-{i}.json', '--samples', f'shard-{i}.txt',
     '--hdr-log', f'shard-{i}.hlog'] + sys.argv[3:])
    for i in range(1, n + 1)]
sys.exit(max(p.wait() for p in procs))
