"""Runs bk-load for N requests of /ok, then asks the test server how many it
received: count-requests.py HOST PORT N [bk-load options...]"""
import json
import subprocess
import sys
import urllib.request

host, port, n = sys.argv[1], sys.argv[2], sys.argv[3]
out = subprocess.run(['bk-load', f'http://{host}:{port}/ok', '--requests', n,
                      '--json'] + sys.argv[4:], check=True,
                     stdout=subprocess.PIPE, text=True).stdout
answers = json.loads(out)['answers']
with urllib.request.urlopen(f'http://{host}:{port}/stats', timeout=10) as r:
    seen = json.load(r).get('/ok', 0)
print(f'server saw {seen} requests of /ok; bk-load reported {answers} answers')
