#!/usr/bin/env python3
"""Check bk's OpenAPI front end against the corpus oracles.

    utils/openapi-oracle.py [--bk-opt PATH] CORPUS_OPENAPI_DIR

1. oas-schema-tests/<version>/{pass,fail}/*.yaml: every pass file must read
   cleanly (bk-opt exit 0), every fail file must be rejected with exit 2 and
   a located error (file:line:col: error: ...). Files listed in KNOWN are
   pass files that bk rejects on purpose, for a semantic check the JSON
   Schema cannot express (docs/OpenAPI.md): they must fail with that message.
2. oai-examples/<version>/*.yaml and their .json twins must both read
   cleanly and print the same IR (locations are not printed).

Prints one line per group with its counts, every disagreement, and exits 0
only when everything agrees.
"""

import argparse
import os
import re
import subprocess
import sys

# Pass files rejected by a semantic check (file name: expected message).
KNOWN = {
    'link-object-examples.yaml':
        "cannot resolve operationRef "
        "'#/paths/~12.0~1repositories~1%7Busername%7D/get'",
    'operation-object-example.yaml':
        "path parameter 'id' of '/pets/{id}' is not declared",
}

LOCATED = re.compile(r'^[^\s:][^:]*:\d+:\d+: error: ', re.M)


def run(bk_opt, path):
    p = subprocess.run([bk_opt, path], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True, errors='replace')
    return p.returncode, p.stdout, p.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bk-opt', default='bk-opt')
    ap.add_argument('corpus')
    args = ap.parse_args()
    bad = []
    tests = os.path.join(args.corpus, 'oas-schema-tests')
    for version in sorted(os.listdir(tests)):
        counts = {'pass': [0, 0], 'fail': [0, 0]}
        known = 0
        for kind in ('pass', 'fail'):
            d = os.path.join(tests, version, kind)
            for name in sorted(os.listdir(d)):
                path = os.path.join(d, name)
                rc, _, err = run(args.bk_opt, path)
                counts[kind][1] += 1
                if kind == 'pass' and name in KNOWN:
                    if rc == 2 and KNOWN[name] in err:
                        known += 1
                        counts[kind][0] += 1
                    else:
                        bad.append(f'{path}: expected the known semantic '
                                   f'error "{KNOWN[name]}", exit {rc}\n{err}')
                    continue
                ok = rc == 0 if kind == 'pass' else (
                    rc == 2 and LOCATED.search(err) is not None)
                if ok:
                    counts[kind][0] += 1
                else:
                    bad.append(f'{path}: {kind} file, exit {rc}\n{err}')
        print(f'oas-schema-tests/{version}: pass {counts["pass"][0]}/'
              f'{counts["pass"][1]} (of which {known} rejected by semantic '
              f'checks, see docs/OpenAPI.md), fail '
              f'{counts["fail"][0]}/{counts["fail"][1]}')
    examples = os.path.join(args.corpus, 'oai-examples')
    for version in sorted(os.listdir(examples)):
        d = os.path.join(examples, version)
        same = total = 0
        for name in sorted(os.listdir(d)):
            if not name.endswith('.yaml'):
                continue
            total += 1
            y = run(args.bk_opt, os.path.join(d, name))
            twin = os.path.join(d, name[:-5] + '.json')
            j = run(args.bk_opt, twin) if os.path.exists(twin) else y
            if y[0] == 0 and j[0] == 0 and y[1] == j[1]:
                same += 1
            else:
                bad.append(f'{d}/{name}: exit {y[0]}/{j[0]}, YAML and JSON '
                           f'IR {"equal" if y[1] == j[1] else "differ"}\n'
                           f'{y[2]}{j[2]}')
        print(f'oai-examples/{version}: {same}/{total} read cleanly, YAML and '
              f'JSON give the same IR')
    for b in bad:
        print('MISMATCH ' + b)
    print(f'{len(bad)} disagreements')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
