#!/usr/bin/env python3
"""bench/load.py - bk-load against wrk on the same nginx, in alternating rounds.

    bench/load.py [--bk-load PATH] [--rounds R] [--duration S]
                  [--connections C] [--long-factor F]

Starts nginx (Debian's, `apt-get install nginx-light wrk`) on 127.0.0.1 with
one worker answering `200 ok` from memory, pinned to CPU 1, and runs, R
times in alternating order, each pinned to CPU 0 with one thread:
    wrk -t1 -cC -dS http://127.0.0.1:PORT/
    bk-load http://127.0.0.1:PORT/ --threads 1 -c C --duration S --json
Each run's CPU time (user + sys) comes from wait4(2) on that process alone;
bk-load's peak RSS from its report (VmHWM: wait4's ru_maxrss counts this
script's memory at fork too, so it is not shown). Prints a table per round and the medians of the per-round
ratios bk-load/wrk for requests per second and for requests per generator
CPU-second (>= 1.0 means bk-load is ahead), then one run of bk-load F times
longer (default 10) to show its peak RSS does not grow with the run.
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def run(cmd):
    """Runs cmd; returns (stdout, cpu seconds)."""
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
    out = p.stdout.read()
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode not in (0, 1):
        sys.exit(f'bench/load.py: {cmd[0]} failed ({p.returncode}): {err}')
    return out, ru.ru_utime + ru.ru_stime


def start_nginx(port, tmp):
    conf = os.path.join(tmp, 'nginx.conf')
    with open(conf, 'w') as f:
        f.write(f"""worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  keepalive_requests 100000000;
  server {{
    listen 127.0.0.1:{port};
    location / {{ return 200 "ok\\n"; }}
  }}
}}
""")
    p = subprocess.Popen(['taskset', '-c', '1', 'nginx', '-c', conf,
                          '-p', tmp])
    for _ in range(100):
        try:
            socket.create_connection(('127.0.0.1', port), 0.1).close()
            return p
        except OSError:
            time.sleep(0.05)
    p.kill()
    sys.exit('bench/load.py: nginx did not start (see its error.log)')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--bk-load',
                    default=os.path.join(SRC, 'build', 'bin', 'bk-load'))
    ap.add_argument('--rounds', type=int, default=5)
    ap.add_argument('--duration', type=int, default=5)
    ap.add_argument('--connections', type=int, default=50)
    ap.add_argument('--long-factor', type=int, default=10)
    args = ap.parse_args()
    for tool in ('wrk', 'nginx', 'taskset'):
        if not shutil.which(tool):
            sys.exit(f'bench/load.py: {tool} not found '
                     '(apt-get install wrk nginx-light util-linux)')
    tmp = tempfile.mkdtemp(prefix='bk-bench-load-')
    port = free_port()
    nginx = start_nginx(port, tmp)
    url = f'http://127.0.0.1:{port}/'
    c, d = str(args.connections), str(args.duration)
    wrk = ['taskset', '-c', '0', 'wrk', '-t1', '-c' + c, '-d' + d + 's', url]
    bk = ['taskset', '-c', '0', args.bk_load, url, '--threads', '1', '-c', c,
          '--duration', d, '--json']

    def wrk_round():
        out, cpu = run(wrk)
        rps = float(re.search(r'Requests/sec:\s*([0-9.]+)', out).group(1))
        total = int(re.search(r'(\d+) requests in', out).group(1))
        return rps, total / cpu

    def bk_round(cmd=bk):
        out, cpu = run(cmd)
        r = json.loads(out)
        errors = sum(r['errors'].values())
        if errors:
            sys.exit(f'bench/load.py: bk-load saw {errors} errors')
        return (r['answers_per_second'], r['answers'] / cpu,
                r['peak_rss_bytes'] / 1048576)

    try:
        print(f'nginx 1 worker on CPU 1, generators on CPU 0, {c} '
              f'connections, {d} s per run, {args.rounds} rounds')
        print(f'{"round":>5}  {"wrk req/s":>10} {"bk req/s":>10} '
              f'{"wrk req/CPU-s":>14} {"bk req/CPU-s":>13} '
              f'{"ratio req/s":>11} {"ratio req/CPU-s":>15}  bk RSS MB')
        rate_ratios, cpu_ratios = [], []
        for i in range(args.rounds):
            if i % 2 == 0:
                w, b = wrk_round(), bk_round()
            else:
                b, w = bk_round(), wrk_round()
            rate_ratios.append(b[0] / w[0])
            cpu_ratios.append(b[1] / w[1])
            print(f'{i + 1:>5}  {w[0]:>10.0f} {b[0]:>10.0f} {w[1]:>14.0f} '
                  f'{b[1]:>13.0f} {rate_ratios[-1]:>11.3f} '
                  f'{cpu_ratios[-1]:>15.3f}  {b[2]:.1f}')
        long = list(bk)
        long[long.index('--duration') + 1] = str(args.duration *
                                                 args.long_factor)
        short_rss = bk_round()[2]
        long_rss = bk_round(long)[2]
        print(f'load: bk-load/wrk median ratios: requests/s '
              f'{statistics.median(rate_ratios):.3f}, requests per CPU-s '
              f'{statistics.median(cpu_ratios):.3f}; bk-load peak RSS '
              f'{short_rss:.1f} MB at {d} s, {long_rss:.1f} MB at '
              f'{args.duration * args.long_factor} s')
    finally:
        nginx.send_signal(signal.SIGQUIT)
        nginx.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
