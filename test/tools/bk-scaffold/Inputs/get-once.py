"""get-once.py DIR PATH: starts DIR/dist/server.js on 127.0.0.1 (a port the
system picks), sends one GET PATH, prints "STATUS BODY", stops the server.
Bounded: 15 s to start, 10 s for the request."""
import http.client, os, re, subprocess, sys, time

work, path = sys.argv[1], sys.argv[2]
p = subprocess.Popen(["node", "dist/server.js"], cwd=work, text=True,
                     env=dict(os.environ, PORT="0", HOST="127.0.0.1"),
                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
try:
    port, deadline = None, time.time() + 15
    while port is None and time.time() < deadline:
        line = p.stdout.readline()
        if not line:
            break
        m = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
        port = m and int(m.group(1))
    if not port:
        sys.exit("server did not start")
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    c.request("GET", path)
    r = c.getresponse()
    print(r.status, r.read().decode())
finally:
    p.terminate()
    p.wait(timeout=5)
