#!/usr/bin/env python3
"""Generate a server with bk-scaffold, compile it, run it, and send it requests.

  scaffold-server-test.py --bk-scaffold BIN --node-modules DIR \\
      --spec openapi.yaml --framework express --work DIR \\
      [--cases cases.json] [--security-checks]

Steps, each printing one line (FileCheck reads them) and stopping the run
with exit 1 on failure:
  1. bk-scaffold SPEC (or --from-sql FILE, --from-db URL) --framework F -o WORK/src
  2. tsc --strict over WORK/src (node_modules from --node-modules, the
     pinned packages of utils/npm/scaffold)
  3. start WORK/dist/server.js on 127.0.0.1 (a port the system picks), with
     a fresh RSA key in JWT_PUBLIC_KEY and a key in every API_KEYS_<SCHEME>
  4. --cases: each case {name, method, path, headers, body, auth, expect,
     errorCode}; auth is none, bearer, bearer-scopes:<scope> ..., apikey
  5. --security-checks: the seed's response headers (HSTS, CSP, COOP, COEP,
     CORP), JWTs that must be refused (alg none, HS256 signed with the public
     key, expired, another key, no token), and the rate limit (a server
     restarted with RATE_LIMIT_MAX=5 answers the 6th request 429 with
     RateLimit-* headers, also when the five before failed authentication).
All traffic stays on loopback; every request has a 10-second timeout.
"""

import argparse
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import time

TSCONFIG = {
    "compilerOptions": {
        "target": "es2022",
        "module": "nodenext",
        "moduleResolution": "nodenext",
        "strict": True,
        "noUncheckedIndexedAccess": True,
        "outDir": "dist",
        "rootDir": "src",
        "skipLibCheck": True,
        "types": ["node"],
    },
    "include": ["src"],
}

TOKENS_JS = r"""
import { SignJWT, importPKCS8 } from 'jose';
import { generateKeyPairSync, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
const priv = await importPKCS8(readFileSync('key.pem', 'utf8'), 'RS256');
const pub = readFileSync('pub.pem', 'utf8');
const scopeSets = JSON.parse(process.argv[2]);
const out = { scoped: {} };
const sign = (claims, exp = '1h', key = priv) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).setIssuedAt().setExpirationTime(exp).sign(key);
for (const s of scopeSets) out.scoped[s] = await sign({ sub: 'test', scope: s });
const b64 = (o) => Buffer.from(typeof o === 'string' ? o : JSON.stringify(o)).toString('base64url');
const now = Math.floor(Date.now() / 1000);
const claims = { sub: 'test', scope: scopeSets.join(' '), iat: now, exp: now + 3600 };
out.none = b64({ alg: 'none', typ: 'JWT' }) + '.' + b64(claims) + '.';
const hsInput = b64({ alg: 'HS256', typ: 'JWT' }) + '.' + b64(claims);
out.hs256 = hsInput + '.' + createHmac('sha256', pub).update(hsInput).digest('base64url');
out.expired = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).setIssuedAt(now - 7200).setExpirationTime(now - 3600).sign(priv);
const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
out.otherKey = await sign({ sub: 'test', scope: scopeSets.join(' ') }, '1h', other);
console.log(JSON.stringify(out));
"""


class Failure(Exception):
    pass


def run(cmd, cwd=None, env=None, timeout=300):
    p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, timeout=timeout)
    return p.returncode, p.stdout


class Server:
    def __init__(self, work, env):
        self.proc = subprocess.Popen(
            ["node", "dist/server.js"], cwd=work, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        deadline = time.time() + 20
        self.port = None
        lines = []
        while time.time() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            m = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
            if m:
                self.port = int(m.group(1))
                break
        if self.port is None:
            self.stop()
            raise Failure("server did not start:\n" + "".join(lines))

    def request(self, method, path, headers=None, body=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            data = r.read()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, data
        finally:
            conn.close()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def error_code(data):
    try:
        return json.loads(data)["error"]["code"]
    except Exception:
        return None


def api_key_schemes(work):
    """(location, name, env var) of each apiKey default in security.ts."""
    text = open(os.path.join(work, "src", "generated", "security.ts")).read()
    return re.findall(r"apiKey\('(\w+)', (\"(?:[^\"\\]|\\.)*\"), '(API_KEYS_\w+)'\)", text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bk-scaffold", required=True)
    ap.add_argument("--node-modules", required=True)
    ap.add_argument("--spec")
    ap.add_argument("--from-sql", help="generate from a DDL file instead of --spec")
    ap.add_argument("--from-db", help="generate from a database ('env': the PG* variables)")
    ap.add_argument("--framework", default="express")
    ap.add_argument("--work", required=True)
    ap.add_argument("--cases")
    ap.add_argument("--security-checks", action="store_true")
    args = ap.parse_args()

    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    server = None
    try:
        source = (["--from-sql", args.from_sql] if args.from_sql else
                  ["--from-db", args.from_db] if args.from_db else [args.spec])
        rc, out = run([args.bk_scaffold] + source + ["--framework", args.framework,
                       "-o", os.path.join(work, "src"), "-q"])
        if rc != 0:
            raise Failure("bk-scaffold failed (exit %d):\n%s" % (rc, out))
        print("generate: ok")
        with open(os.path.join(work, "tsconfig.json"), "w") as f:
            json.dump(TSCONFIG, f, indent=2)
        with open(os.path.join(work, "package.json"), "w") as f:
            json.dump({"type": "module", "private": True}, f)
        os.symlink(os.path.abspath(args.node_modules),
                   os.path.join(work, "node_modules"))
        rc, out = run([os.path.join(work, "node_modules", ".bin", "tsc"), "-p", work],
                      timeout=600)
        if rc != 0:
            raise Failure("tsc --strict failed:\n" + out)
        print("tsc --strict: ok")

        if not args.cases and not args.security_checks:
            return 0
        rc, out = run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt",
                       "rsa_keygen_bits:2048", "-out", "key.pem"], cwd=work)
        rc2, out2 = run(["openssl", "pkey", "-in", "key.pem", "-pubout", "-out",
                         "pub.pem"], cwd=work)
        if rc or rc2:
            raise Failure("openssl failed:\n" + out + out2)
        cases = []
        if args.cases:
            with open(args.cases) as f:
                cases = json.load(f)
        scope_sets = sorted({c["auth"][len("bearer-scopes:"):] for c in cases
                             if c["auth"].startswith("bearer-scopes:")} | {""})
        with open(os.path.join(work, "tokens.mjs"), "w") as f:
            f.write(TOKENS_JS)
        rc, out = run(["node", "tokens.mjs", json.dumps(scope_sets)], cwd=work)
        if rc != 0:
            raise Failure("making test tokens failed:\n" + out)
        tokens = json.loads(out)
        keys = api_key_schemes(work)
        env = dict(os.environ, PORT="0", HOST="127.0.0.1",
                   JWT_PUBLIC_KEY=open(os.path.join(work, "pub.pem")).read(),
                   RATE_LIMIT_MAX="1000000")
        for i, (_, _, var) in enumerate(keys):
            env[var] = "test-key-%d,other-key" % i

        def auth_headers(auth):
            if auth == "none":
                return {}
            if auth == "bearer":
                return {"Authorization": "Bearer " + tokens["scoped"][""]}
            if auth.startswith("bearer-scopes:"):
                return {"Authorization": "Bearer " +
                        tokens["scoped"][auth[len("bearer-scopes:"):]]}
            if auth == "apikey" and keys:
                where, name, _ = keys[0]
                name = json.loads(name)
                if where == "header":
                    return {name: "test-key-0"}
                if where == "cookie":
                    return {"Cookie": "%s=test-key-0" % name}
            raise Failure("unknown auth kind %r" % auth)

        server = Server(work, env)
        failures = []
        for c in cases:
            headers = dict(auth_headers(c["auth"]))
            body = c.get("body")
            if body is not None and not isinstance(body, str):
                body = json.dumps(body)
                headers.setdefault("Content-Type", "application/json")
            for k, v in c.get("headers", {}).items():
                if k.lower() == "cookie" and "Cookie" in headers:
                    headers["Cookie"] += "; " + v
                else:
                    headers[k] = v
            status, _, data = server.request(c["method"], c["path"], headers,
                                             body.encode() if body is not None else None)
            want_code = c.get("errorCode")
            if status != c["expect"] or (want_code and error_code(data) != want_code):
                failures.append("%s: %s %s: expected %d%s, got %d %s" % (
                    c["name"], c["method"], c["path"], c["expect"],
                    " " + want_code if want_code else "", status,
                    data.decode(errors="replace")[:300]))
        if cases:
            if failures:
                raise Failure("%d of %d cases failed:\n  %s" % (
                    len(failures), len(cases), "\n  ".join(failures)))
            print("cases: %d passed" % len(cases))

        if args.security_checks:
            status, h, data = server.request("GET", "/bk-no-such-route")
            want = {
                "strict-transport-security": "max-age=31536000; includeSubDomains",
                "cross-origin-opener-policy": "same-origin",
                "cross-origin-embedder-policy": "require-corp",
                "cross-origin-resource-policy": "same-origin",
                "x-content-type-options": "nosniff",
            }
            bad = ["%s: %r" % (k, h.get(k)) for k, v in want.items() if h.get(k) != v]
            if "default-src" not in h.get("content-security-policy", ""):
                bad.append("content-security-policy: %r" % h.get("content-security-policy"))
            if "x-powered-by" in h:
                bad.append("x-powered-by present")
            if status != 404 or error_code(data) != "not_found":
                bad.append("unknown route answered %d %r" % (status, data[:200]))
            if bad:
                raise Failure("security headers:\n  " + "\n  ".join(bad))
            print("security headers: HSTS, CSP, COOP, COEP, CORP ok; 404 in the envelope")

            protected = next((c for c in cases if c["auth"] == "bearer"
                              and c["expect"] == 501), None)
            if protected is None:
                raise Failure("no bearer case expecting 501 to replay with bad tokens")
            results = []
            for kind in ["missing", "none", "hs256", "expired", "otherKey"]:
                headers = {} if kind == "missing" else {"Authorization": "Bearer " + tokens[kind]}
                for k, v in protected.get("headers", {}).items():
                    headers[k] = v
                body = protected.get("body")
                if body is not None and not isinstance(body, str):
                    body = json.dumps(body)
                    headers.setdefault("Content-Type", "application/json")
                status, _, data = server.request(protected["method"], protected["path"],
                                                 headers, body.encode() if body else None)
                if status != 401 or error_code(data) != "unauthorized":
                    raise Failure("token %s: expected 401 unauthorized, got %d %r" % (
                        kind, status, data[:200]))
                results.append(kind)
            print("jwt: %s refused with 401" % ", ".join(results))

            server.stop()
            server = Server(work, dict(env, RATE_LIMIT_MAX="5"))
            seen = []
            for i in range(6):
                status, h, data = server.request("GET", "/bk-no-such-route")
                seen.append(status)
                for name in ["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"]:
                    if name not in h:
                        raise Failure("request %d: no %s header" % (i + 1, name))
            if seen != [404] * 5 + [429] or h.get("ratelimit-limit") != "5" \
                    or error_code(data) != "rate_limited":
                raise Failure("rate limit: statuses %s, last body %r" % (seen, data[:200]))
            print("rate limit: 429 rate_limited after 5 requests, RateLimit-* headers")

            # Failed authentication counts against the limit too (no brute
            # force): five bad tokens are refused with 401, the sixth with 429.
            server.stop()
            server = Server(work, dict(env, RATE_LIMIT_MAX="5"))
            seen = []
            for i in range(6):
                headers = {"Authorization": "Bearer " + tokens["otherKey"]}
                headers.update(protected.get("headers", {}))
                status, _, data = server.request(protected["method"], protected["path"], headers)
                seen.append(status)
            if seen != [401] * 5 + [429]:
                raise Failure("rate limit on failed authentication: statuses %s" % seen)
            print("rate limit: failed authentication counts (5 x 401, then 429)")
        return 0
    except Failure as e:
        print("error: %s" % e)
        return 1
    except subprocess.TimeoutExpired as e:
        print("error: timed out: %s" % e)
        return 1
    finally:
        if server:
            server.stop()


if __name__ == "__main__":
    sys.exit(main())
