#!/usr/bin/env python3
"""Create a new bk pass or lint rule with everything it needs.

    utils/add_new_pass.py rule schema foreign-key-without-index \\
        --severity warning --description "every foreign key has an index"
    utils/add_new_pass.py pass api strip-examples \\
        --description "drop examples from every schema"

writes, as clang-tidy's add_new_check.py does:
  include/bk/{Lint,Transforms}/<Class>.h      the class
  lib/{Lint,Transforms}/<Class>.cpp           its implementation (to fill in)
  lib/{Lint,Transforms}/CMakeLists.txt        the source added
  include/bk/Passes/PassRegistry.def          the registration line
  include/bk/Passes/PassIncludes.h            the header included
  docs/{rules,passes}/<name>.md               the doc page (to fill in)
  test/{Lint,Transforms}/<name>.bkir          a lit test that FAILS until the
                                              pass or rule does what it says
Nothing is overwritten: an existing file or name is an error.
"""

import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # --root

IR = {
    'schema': dict(unit='schema::Catalog', header='bk/Schema/Schema.h',
                   macro_pass='SCHEMA_PASS', macro_rule='SCHEMA_RULE',
                   section='Schema IR', var='C', name='Schema IR',
                   sample='schema public {\n  table t {\n    column id integer;\n  }\n}\n'),
    'api': dict(unit='api::API', header='bk/API/API.h',
                macro_pass='API_PASS', macro_rule='API_RULE',
                section='API IR', var='A', name='API IR',
                sample='api "Sample" [openapi = "3.1.0", version = "1.0.0"] {\n}\n'),
}


def camel(name):
    return ''.join(p[:1].upper() + p[1:] for p in re.split(r'[-_]', name) if p)


def write_new(path, text):
    full = os.path.join(ROOT, path)
    if os.path.exists(full):
        sys.exit(f'add_new_pass.py: error: {path} already exists')
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, 'w') as f:
        f.write(text)
    print(f'created {path}')


def edit(path, fn):
    full = os.path.join(ROOT, path)
    with open(full) as f:
        old = f.read()
    new = fn(old)
    with open(full, 'w') as f:
        f.write(new)
    print(f'updated {path}')


def add_cmake_source(path, source):
    def fn(text):
        lines = text.split('\n')
        srcs = [i for i, l in enumerate(lines) if re.match(r'^\s+\w+\.cpp\s*$', l)]
        if not srcs:
            sys.exit(f'add_new_pass.py: error: no source list in {path}')
        names = [lines[i].strip() for i in srcs]
        if source in names:
            sys.exit(f'add_new_pass.py: error: {source} already in {path}')
        names.append(source)
        names.sort()
        indent = re.match(r'^(\s+)', lines[srcs[0]]).group(1)
        return '\n'.join(lines[:srcs[0]] + [indent + n for n in names] +
                         lines[srcs[-1] + 1:])
    edit(path, fn)


def add_registry_line(kind, ir, name, cls, severity, desc):
    info = IR[ir]
    what = 'passes' if kind == 'pass' else 'rules'
    marker = f'// end of {info["section"]} {what}'
    if kind == 'pass':
        line = f'{info["macro_pass"]}("{name}", {cls}, "{desc}")'
    else:
        line = (f'{info["macro_rule"]}("{name}", {cls}, '
                f'{severity.capitalize()}, "{desc}")')

    def fn(text):
        if f'"{name}"' in text.split(marker)[0].split(f'// {info["section"]}')[-1]:
            sys.exit(f'add_new_pass.py: error: "{name}" is already registered')
        if marker not in text:
            sys.exit(f'add_new_pass.py: error: marker "{marker}" not found')
        return text.replace(marker, line + '\n' + marker)
    edit('include/bk/Passes/PassRegistry.def', fn)


def add_include(header):
    def fn(text):
        inc = f'#include "{header}"'
        lines = text.split('\n')
        incs = [i for i, l in enumerate(lines) if l.startswith('#include "bk/')]
        entries = sorted(set([lines[i] for i in incs] + [inc]))
        return '\n'.join(lines[:incs[0]] + entries + lines[incs[-1] + 1:])
    edit('include/bk/Passes/PassIncludes.h', fn)


def main():
    global ROOT
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('kind', choices=['pass', 'rule'])
    ap.add_argument('ir', choices=sorted(IR))
    ap.add_argument('name', help='lower-case-dashed name, e.g. fk-without-index')
    ap.add_argument('--severity', default='warning',
                    choices=['error', 'warning', 'remark', 'note'],
                    help='default severity of a rule')
    ap.add_argument('--description', required=True,
                    help='one line: what the pass does / what the rule wants')
    ap.add_argument('--root', default=None,
                    help='source tree to change (default: this checkout)')
    args = ap.parse_args()
    if args.root:
        ROOT = os.path.abspath(args.root)
    if not re.fullmatch(r'[a-z][a-z0-9]*(-[a-z0-9]+)*', args.name):
        sys.exit('add_new_pass.py: error: name must be lower-case words joined by dashes')
    if '"' in args.description or '\\' in args.description:
        sys.exit('add_new_pass.py: error: description must not contain quotes or backslashes')

    info = IR[args.ir]
    is_rule = args.kind == 'rule'
    cls = camel(args.name) + ('Rule' if is_rule else 'Pass')
    lib = 'Lint' if is_rule else 'Transforms'
    docdir = 'rules' if is_rule else 'passes'
    guard = f'BK_{lib.upper()}_{cls.upper()}_H'
    unit, var = info['unit'], info['var']

    if is_rule:
        decl = (f'class {cls} : public Rule<{unit}> {{\npublic:\n  using Rule::Rule;\n\n'
                f'protected:\n  void check({unit} &{var}, AnalysisManager<{unit}> &AM) override;\n}};\n')
        impl = (f'void {cls}::check({unit} &{var}, AnalysisManager<{unit}> &AM) {{\n'
                f'  // Report each finding with report(Loc, "message"), or build it with\n'
                f'  // finding(Loc, "message").addNote(...) and pass it to report().\n'
                f'  (void){var};\n}}\n')
    else:
        decl = (f'class {cls} : public Pass<{unit}> {{\npublic:\n'
                f'  llvm::StringRef getName() const override {{ return "{args.name}"; }}\n'
                f'  PreservedAnalyses run({unit} &{var}, AnalysisManager<{unit}> &AM) override;\n}};\n')
        impl = (f'PreservedAnalyses {cls}::run({unit} &{var}, AnalysisManager<{unit}> &AM) {{\n'
                f'  // Return PreservedAnalyses::all() when nothing changed.\n'
                f'  (void){var};\n  return PreservedAnalyses::none();\n}}\n')

    write_new(f'include/bk/{lib}/{cls}.h', f'''//===- bk/{lib}/{cls}.h - {args.name} -*- C++ -*-===//
//
// {args.description[:1].upper() + args.description[1:]}.
// Docs: docs/{docdir}/{args.name}.md
//
//===----------------------------------------------------------------------===//

#ifndef {guard}
#define {guard}

#include "{info['header']}"
#include "bk/Passes/PassManager.h"

namespace bk {{

{decl}
}} // namespace bk

#endif // {guard}
''')
    write_new(f'lib/{lib}/{cls}.cpp', f'''//===- {cls}.cpp - {args.name} ---------------------------------===//

#include "bk/{lib}/{cls}.h"

namespace bk {{

{impl}
}} // namespace bk
''')
    add_cmake_source(f'lib/{lib}/CMakeLists.txt', f'{cls}.cpp')
    add_registry_line(args.kind, args.ir, args.name, cls, args.severity,
                      args.description)
    add_include(f'bk/{lib}/{cls}.h')

    if is_rule:
        doc = f'''# {args.name}

**{info['name']} lint rule** · default severity: {args.severity}

{args.description[:1].upper() + args.description[1:]}.

## Why

TODO: what goes wrong in production when this rule is ignored.

## Example

```
TODO: input that triggers the rule, and the message
```

## How to fix

TODO.

## Run it

    bk-opt -passes={args.name} input.bkir
'''
        test = f'''// RUN: bk-opt %s -split-input-file -passes={args.name} -verify-diagnostics
// The rule's tests: one case per chunk, the expectation next to the line
// it is about. Replace the TODO case; add a chunk that must stay silent.

{info['sample']}// expected-{args.severity} @-1 {{{{TODO: the message of {args.name}}}}}
'''
    else:
        doc = f'''# {args.name}

**{info['name']} pass**

{args.description[:1].upper() + args.description[1:]}.

## What it changes

TODO.

## Run it

    bk-opt -passes={args.name} input.bkir
'''
        test = f'''// RUN: bk-opt %s -passes={args.name} | FileCheck %s
// RUN: bk-opt %s -passes={args.name} | bk-opt | FileCheck %s

{info['sample']}
// TODO: CHECK lines for what {args.name} changes.
// CHECK: TODO-{args.name}
'''
    write_new(f'docs/{docdir}/{args.name}.md', doc)
    write_new(f'test/{lib}/{args.name}.bkir', test)
    print(f'\nnext: implement lib/{lib}/{cls}.cpp, fill in docs/{docdir}/{args.name}.md '
          f'and test/{lib}/{args.name}.bkir (it fails until you do), then run utils/check.sh')


if __name__ == '__main__':
    main()
