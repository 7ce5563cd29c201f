#!/usr/bin/env python3
"""Check that every lint rule has what DESIGN.md asks of it.

    utils/check-rules.py --bk-lint build/bin/bk-lint [--root .]

For each rule bk-lint lists: a doc page docs/rules/<id>.md with no TODO
left, a lit test test/Lint/<id>.(yaml|bkir|sql) that runs the rule with
-verify-diagnostics and expects at least one diagnostic (for a database
check: an expectation in test/tools/bk-migrate/analyze*.test), and a row in
docs/CommandGuide/bk-lint.md. Prints one line per problem and a summary;
exits 1 when anything is missing.
"""

import argparse
import glob
import os
import re
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--bk-lint', required=True)
    ap.add_argument('--root', default=os.path.dirname(
        os.path.dirname(os.path.abspath(__file__))))
    args = ap.parse_args()

    out = subprocess.run([args.bk_lint, '--no-config', '--list-rules'],
                         check=True, capture_output=True, text=True).stdout
    rules = [line.split()[0] for line in out.splitlines() if line.strip()]
    kinds = {line.split()[0]: line.split()[2] for line in out.splitlines()
             if len(line.split()) > 2}
    with open(os.path.join(args.root, 'docs/CommandGuide/bk-lint.md')) as f:
        guide = f.read()

    problems = []
    for rule in rules:
        doc = os.path.join(args.root, 'docs/rules', rule + '.md')
        if not os.path.exists(doc):
            problems.append(f'{rule}: no docs/rules/{rule}.md')
        else:
            with open(doc) as f:
                text = f.read()
            if 'TODO' in text:
                problems.append(f'{rule}: docs/rules/{rule}.md has a TODO')
            if '## Why' not in text:
                problems.append(f'{rule}: docs/rules/{rule}.md has no "## Why"')
        if kinds.get(rule) == 'database':
            # Database checks need a live server: their test is
            # bk-migrate --analyze's fixture, which must expect each one.
            texts = ''
            for name in sorted(glob.glob(os.path.join(
                    args.root, 'test/tools/bk-migrate/analyze*.test'))):
                with open(name) as f:
                    texts += f.read()
            if f'[{rule}]' not in texts:
                problems.append(f'{rule}: not expected by '
                                'test/tools/bk-migrate/analyze*.test')
            if f'[`{rule}`]' not in guide:
                problems.append(f'{rule}: not in docs/CommandGuide/bk-lint.md')
            continue
        tests = [os.path.join(args.root, 'test/Lint', rule + ext)
                 for ext in ('.yaml', '.bkir', '.sql')]
        tests = [t for t in tests if os.path.exists(t)]
        if not tests:
            problems.append(f'{rule}: no test/Lint/{rule}.(yaml|bkir|sql)')
        for t in tests:
            with open(t) as f:
                text = f.read()
            # A rule's test names it in -passes=; a front-end check's test
            # just reads the input (the check runs whenever it is read).
            runs = re.findall(r'RUN:.*', text)
            if not any('-verify-diagnostics' in r and
                       (re.search(r'-passes=[^ ]*\b' + re.escape(rule) + r'\b',
                                  r) or '-passes' not in r) for r in runs):
                problems.append(f'{rule}: {os.path.relpath(t, args.root)} '
                                'does not run the rule with -verify-diagnostics')
            if not re.search(r'expected-(error|warning|note)', text):
                problems.append(f'{rule}: {os.path.relpath(t, args.root)} '
                                'expects no diagnostic')
        if f'[`{rule}`]' not in guide:
            problems.append(f'{rule}: not in docs/CommandGuide/bk-lint.md')

    for p in problems:
        print(p)
    print(f'{len(rules)} rules, {len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
