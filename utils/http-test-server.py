#!/usr/bin/env python3
"""A small HTTP/1.1 server on 127.0.0.1 for bk-load's tests.

    utils/http-test-server.py [--tls CERT KEY] [--timeout S]
                              [--idle-timeout S] -- CMD ARG...

Starts the server on a free loopback port, runs CMD with every '{port}' in
its arguments replaced by that port, stops the server and exits with CMD's
status (124 when CMD runs longer than --timeout, default 60 s). CMD's output
passes through. Standard library only.

Endpoints (keep-alive unless said otherwise):
  /ok                 200, body "ok"
  /status/N           status N, body "status N"
  /delay/MS           200 after MS milliseconds
  /close              200 with "Connection: close", then closes
  /reset              closes the connection without answering
  /malformed          answers "HELLO WORLD" (no HTTP) and closes
  /ratelimit/N        200 for the first N requests of each second since the
                      server started, then 429 with Retry-After and
                      RateLimit-Limit/-Remaining/-Reset
  /stall              200; but the first request after each whole second
                      (since the server started) is held 500 ms, and the
                      server answers nothing else meanwhile (a GC pause)
  /echo               200 with the request body, and the Content-Type seen
  /serial/MS          200 after MS milliseconds, one request at a time for
                      the whole server (a server that saturates)
Every request is counted; GET /stats (not counted) returns the counts by
path as JSON.
"""

import argparse
import http.server
import json
import os
import ssl
import subprocess
import sys
import threading
import time

START = time.monotonic()
LOCK = threading.Lock()
STALL = threading.Lock()
SERIAL = threading.Lock()
COUNTS = {}
WINDOW = {}
STALLED = set()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    disable_nagle_algorithm = True

    def log_message(self, fmt, *args):
        pass

    def answer(self, status, body=b'', headers=()):
        # 1xx, 204 and 304 answers have no body (RFC 9110 6.4.1).
        if status < 200 or status in (204, 304):
            body = b''
        self.send_response(status)
        if status >= 200 and status != 204:
            self.send_header('Content-Length', str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(body)

    def handle_one(self):
        path = self.path.split('?')[0]
        length = int(self.headers.get('Content-Length') or 0)
        body = self.rfile.read(length) if length else b''
        if path == '/stats':
            with LOCK:
                data = json.dumps(COUNTS, sort_keys=True).encode()
            return self.answer(200, data)
        with LOCK:
            COUNTS[path] = COUNTS.get(path, 0) + 1
        parts = path.strip('/').split('/')
        with STALL:  # held by /stall while it stalls: nothing else answers
            pass
        if path == '/ok':
            return self.answer(200, b'ok')
        if parts[0] == 'status' and len(parts) == 2:
            code = int(parts[1])
            return self.answer(code, f'status {code}'.encode())
        if parts[0] == 'delay' and len(parts) == 2:
            time.sleep(int(parts[1]) / 1000.0)
            return self.answer(200, b'late')
        if path == '/close':
            self.close_connection = True
            return self.answer(200, b'bye', [('Connection', 'close')])
        if path == '/reset':
            self.close_connection = True
            return
        if path == '/malformed':
            self.close_connection = True
            self.wfile.write(b'HELLO WORLD\r\n\r\n')
            return
        if parts[0] == 'ratelimit' and len(parts) == 2:
            limit = int(parts[1])
            second = int(time.monotonic() - START)
            with LOCK:
                used = WINDOW.get(second, 0)
                WINDOW[second] = used + 1
            if used < limit:
                return self.answer(200, b'ok', [
                    ('RateLimit-Limit', str(limit)),
                    ('RateLimit-Remaining', str(limit - used - 1))])
            return self.answer(429, b'{"error":{"code":"rate_limited"}}', [
                ('Content-Type', 'application/json'),
                ('Retry-After', '1'), ('RateLimit-Limit', str(limit)),
                ('RateLimit-Remaining', '0'), ('RateLimit-Reset', '1')])
        if path == '/stall':
            second = int(time.monotonic() - START)
            with LOCK:
                stall = second >= 1 and second not in STALLED
                STALLED.add(second)
            if stall:
                with STALL:
                    time.sleep(0.5)
            return self.answer(200, b'ok')
        if parts[0] == 'serial' and len(parts) == 2:
            with SERIAL:
                time.sleep(int(parts[1]) / 1000.0)
            return self.answer(200, b'ok')
        if path == '/echo':
            return self.answer(200, body, [
                ('Content-Type', self.headers.get('Content-Type') or '')])
        return self.answer(404, b'not found')

    def do_GET(self):
        self.handle_one()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_GET


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024

    def handle_error(self, request, client_address):
        # A client that closes first (a bk-load timeout, the end of a run)
        # is normal here.
        if not isinstance(sys.exc_info()[1], (ConnectionError, ssl.SSLError)):
            super().handle_error(request, client_address)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--tls', nargs=2, metavar=('CERT', 'KEY'))
    ap.add_argument('--timeout', type=float, default=60)
    ap.add_argument('--idle-timeout', type=float,
                    help='close keep-alive connections idle this long '
                         '(seconds), as nginx keepalive_timeout does')
    ap.add_argument('cmd', nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = args.cmd[1:] if args.cmd[:1] == ['--'] else args.cmd
    if not cmd:
        ap.error('no command to run')
    if args.idle_timeout:
        Handler.timeout = args.idle_timeout
    server = Server(('127.0.0.1', 0), Handler)
    if args.tls:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(*args.tls)
        server.socket = ctx.wrap_socket(server.socket, server_side=True)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    cmd = [c.replace('{port}', str(port)) for c in cmd]
    try:
        rc = subprocess.run(cmd, timeout=args.timeout).returncode
    except subprocess.TimeoutExpired:
        print(f'http-test-server: {cmd[0]} ran longer than '
              f'{args.timeout:g} s', file=sys.stderr)
        rc = 124
    server.shutdown()
    sys.exit(rc)


if __name__ == '__main__':
    main()
