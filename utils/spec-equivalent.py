#!/usr/bin/env python3
"""Whether two OpenAPI descriptions agree on paths, methods, parameters and
request schemas (the round-trip property of bk-scaffold --generate-spec).

  utils/spec-equivalent.py --bk-opt PATH EXPECTED ACTUAL

Both are read with bk-opt, whose API IR text spells 3.0 and 3.1 alike
(nullable, exclusive bounds, ...). Per operation (method and path):
  - the parameters: name, location, required, style and explode in
    effect, schema;
  - the request body: required, and each media type's schema.
Schemas are compared by what they accept: every $ref is replaced by the
component it names (so component names may differ); annotations
(description, title, example(s), default, readOnly, writeOnly, deprecated,
x- extensions, discriminator hints) are left out; `type` beside `enum`/`const` is left out (the
values say it); an allOf whose parts have disjoint keywords is one schema.
Header parameters are matched case-insensitively.
Operations, responses, security and servers are not compared.

Prints one line per difference; exit status 0 equivalent, 1 not, 2 error.
"""

import argparse
import subprocess
import sys

# Annotations: JSON Schema keywords that do not change which values a
# schema accepts (and operation metadata).
IGNORED_ATTRS = {'description', 'title', 'example', 'examples', 'deprecated',
                 'summary', 'operation_id', 'tags', 'read_only', 'write_only',
                 'default'}


class Node:
    def __init__(self, head, attrs):
        self.head = head        # e.g. 'parameter limit'
        self.attrs = attrs      # list of (key, value-or-None)
        self.children = []

    def attr(self, key):
        for k, v in self.attrs:
            if k == key:
                return v if v is not None else True
        return None


def split_attrs(text):
    """'a = 1, b = "x, y", c' -> [('a', '1'), ('b', '"x, y"'), ('c', None)]"""
    out, cur, depth, quote = [], '', 0, False
    i = 0
    while i < len(text):
        ch = text[i]
        if quote:
            cur += ch
            if ch == '\\' and i + 1 < len(text):
                cur += text[i + 1]
                i += 1
            elif ch == '"':
                quote = False
        elif ch == '"':
            quote = True
            cur += ch
        elif ch in '([':
            depth += 1
            cur += ch
        elif ch in ')]':
            depth -= 1
            cur += ch
        elif ch == ',' and depth == 0:
            out.append(cur.strip())
            cur = ''
        else:
            cur += ch
        i += 1
    if cur.strip():
        out.append(cur.strip())
    pairs = []
    for item in out:
        if ' = ' in item:
            k, v = item.split(' = ', 1)
            pairs.append((k.strip(), v.strip()))
        else:
            pairs.append((item, None))
    return pairs


def parse_line(line):
    """'head [attrs] {' -> (head, attrs, opens)"""
    s = line.strip()
    opens = s.endswith('{')
    s = s[:-1].rstrip() if opens else s.rstrip(';')
    head, attrs = s, []
    # The attribute list: the last top-level '[' ... ']' (outside strings).
    quote, start = False, -1
    for i, ch in enumerate(s):
        if ch == '"' and (i == 0 or s[i - 1] != '\\'):
            quote = not quote
        elif ch == '[' and not quote and start < 0:
            start = i
    if start >= 0 and s.endswith(']'):
        head = s[:start].strip()
        attrs = split_attrs(s[start + 1:-1])
    return head, attrs, opens


def parse_ir(text):
    root = Node('', [])
    stack = [root]
    for line in text.splitlines():
        s = line.strip()
        if not s or s.startswith('//'):
            continue
        if s == '}':
            stack.pop()
            continue
        head, attrs, opens = parse_line(s)
        n = Node(head, attrs)
        stack[-1].children.append(n)
        if opens:
            stack.append(n)
    return root


def read(bk_opt, path):
    r = subprocess.run([bk_opt, path, '--print-locations=false', '-o', '-'],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        sys.exit(2)
    api = parse_ir(r.stdout).children[0]
    schemas = {}
    ops = {}
    for c in api.children:
        words = c.head.split(' ', 2)
        if words[0] == 'schema' and len(words) > 1:
            schemas[words[1].strip('"')] = c
        elif words[0] == 'operation':
            ops[(words[1], words[2].strip('"'))] = c
    return schemas, ops


def expand(node, schemas, seen=()):
    """A copy of node with every $ref replaced by the component it names
    (its own keywords kept beside), and annotations dropped."""
    out = Node(node.head, [])
    ref = None
    for k, v in node.attrs:
        if k in IGNORED_ATTRS or k.startswith('x-'):
            continue
        if k == 'ref':
            ref = v.strip('"')
            continue
        out.attrs.append((k, v))
    # A discriminator is a hint: oneOf alone decides what is valid.
    out.children = [expand(c, schemas, seen) for c in node.children
                    if not c.head.startswith('example') and
                    not c.head.startswith('extension') and
                    not c.head.startswith('discriminator')]
    if ref is not None:
        if ref in seen:
            out.attrs.append(('cycle', str(len(seen) - seen.index(ref))))
        elif ref not in schemas:
            out.attrs.append(('unknown-ref', ref))
        else:
            target = expand(schemas[ref], schemas, seen + (ref,))
            out = merge([out, target], node.head) or _all_of(node.head, [out, target])
    return flatten(out)


def _all_of(head, parts):
    n = Node(head, [])
    for p in parts:
        c = Node('all_of', p.attrs)
        c.children = p.children
        n.children.append(c)
    return n


def keys_of(n):
    return [k for k, _ in n.attrs] + [c.head for c in n.children]


def merge(parts, head):
    """One schema with every part's keywords, when no keyword is given two
    different values, properties and additionalProperties are not split
    between parts, and lists (anyOf, oneOf, prefixItems) come from one part
    only; else None."""
    attrs, owners = {}, {}
    groups = {}  # child head -> (part index, [children])
    for i, p in enumerate(parts):
        for k, v in p.attrs:
            if k in attrs and attrs[k] != v:
                return None
            attrs[k] = v
            owners.setdefault(k, set()).add(i)
        mine = {}
        for c in p.children:
            mine.setdefault(c.head, []).append(c)
            owners.setdefault(c.head.split(' ')[0], set()).add(i)
        for h, cs in mine.items():
            if h in groups:
                if [canon_text(x) for x in groups[h][1]] != [canon_text(x) for x in cs]:
                    return None
            else:
                groups[h] = (i, cs)
    if 'additional_properties' in owners and 'property' in owners and \
            owners['additional_properties'] != owners['property']:
        return None
    m = Node(head, list(attrs.items()))
    m.children = [c for _, cs in groups.values() for c in cs]
    return m


def flatten(node):
    """allOf spelled differently, merged: nested allOf-only parts lifted,
    empty parts (which accept anything) dropped, then a node with no
    keyword of its own and only allOf parts is its parts merged."""
    if not node.children:
        return node
    kids = []
    for c in node.children:
        if c.head == 'all_of':
            if not c.attrs and not c.children:
                continue
            if not c.attrs and all(g.head == 'all_of' for g in c.children):
                kids.extend(c.children)
                continue
        kids.append(c)
    node.children = kids
    parts = [c for c in kids if c.head == 'all_of']
    others = [c for c in kids if c.head != 'all_of']
    if not parts:
        return node
    own = Node('self', node.attrs)
    own.children = others
    merged = merge([own] + parts, node.head)
    return merged or node


def canon_text(node):
    parts = sorted(k if v is None else '%s=%s' % (k, v) for k, v in node.attrs)
    if any(k in ('enum', 'const') for k, _ in node.attrs):
        parts = [p for p in parts if not p.startswith('type=')]
    text = '[' + ', '.join(parts) + ']'
    kids = sorted(c.head + canon_text(c) for c in node.children)
    if kids:
        text += '{' + '; '.join(kids) + '}'
    return text


def canon(node, schemas):
    """A schema subtree as one comparable string: refs expanded, annotations
    dropped, equivalent allOf spellings merged."""
    return canon_text(expand(node, schemas))


def param_key(p):
    words = p.head.split(' ', 1)
    name = words[1].strip('"') if len(words) > 1 else ''
    # HTTP field names are case-insensitive.
    if p.attr('in') == 'header':
        name = name.lower()
    return (name, p.attr('in'))


def effective(p):
    loc = p.attr('in')
    style = p.attr('style') or ('form' if loc in ('query', 'cookie') else 'simple')
    explode = p.attr('explode')
    if explode is None:
        explode = 'true' if style == 'form' else 'false'
    elif explode is True:
        explode = 'true'
    return style, explode


def compare(a, b):
    sa, oa = a
    sb, ob = b
    diffs = []
    for key in sorted(set(oa) | set(ob)):
        name = '%s %s' % (key[0].upper(), key[1])
        if key not in ob:
            diffs.append('%s: missing from the second description' % name)
            continue
        if key not in oa:
            diffs.append('%s: only in the second description' % name)
            continue
        pa = {param_key(c): c for c in oa[key].children if c.head.startswith('parameter ')}
        pb = {param_key(c): c for c in ob[key].children if c.head.startswith('parameter ')}
        for pk in sorted(set(pa) | set(pb), key=str):
            label = '%s: parameter %s in %s' % (name, pk[0], pk[1])
            if pk not in pb or pk not in pa:
                diffs.append('%s: only in the %s description' %
                             (label, 'first' if pk in pa else 'second'))
                continue
            x, y = pa[pk], pb[pk]
            if bool(x.attr('required')) != bool(y.attr('required')):
                diffs.append('%s: required differs' % label)
            if effective(x) != effective(y):
                diffs.append('%s: style/explode %s vs %s' % (label, effective(x), effective(y)))
            cx = [canon(c, sa) for c in x.children if c.head == 'schema']
            cy = [canon(c, sb) for c in y.children if c.head == 'schema']
            if cx != cy:
                diffs.append('%s: schema differs:\n    %s\n    %s' % (label, cx, cy))
        ba = [c for c in oa[key].children if c.head == 'request_body']
        bb = [c for c in ob[key].children if c.head == 'request_body']
        if bool(ba) != bool(bb):
            diffs.append('%s: request body only in the %s description' %
                         (name, 'first' if ba else 'second'))
            continue
        if not ba:
            continue
        x, y = ba[0], bb[0]
        if bool(x.attr('required')) != bool(y.attr('required')):
            diffs.append('%s: request body required differs' % name)
        ca = {c.head: canon(c, sa) for c in x.children if c.head.startswith('content ')}
        cb = {c.head: canon(c, sb) for c in y.children if c.head.startswith('content ')}
        for mt in sorted(set(ca) | set(cb)):
            if ca.get(mt) != cb.get(mt):
                diffs.append('%s: request body %s differs:\n    %s\n    %s' %
                             (name, mt, ca.get(mt), cb.get(mt)))
    return diffs


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--bk-opt', required=True)
    ap.add_argument('expected')
    ap.add_argument('actual')
    args = ap.parse_args()
    a = read(args.bk_opt, args.expected)
    b = read(args.bk_opt, args.actual)
    diffs = compare(a, b)
    for d in diffs:
        print(d)
    print('spec-equivalent: %d operations, %d differences' % (len(a[1]), len(diffs)))
    return 1 if diffs else 0


if __name__ == '__main__':
    sys.exit(main())
