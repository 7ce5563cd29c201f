// scaffold-ajv-differential.mjs - bk-scaffold's zod validators against ajv.
//
//   node utils/scaffold-ajv-differential.mjs --spec SPEC --validators FILE.js
//        --node-modules DIR [--probes N] [--seed S] [--show K]
//
// For every component schema a request reaches (the `componentSchemas` map
// of a compiled generated/validators.js), the schema as the description
// writes it goes to ajv, the reference JSON Schema validator: Ajv2020 for
// OpenAPI 3.1 and later; for 3.0, the schema is first rewritten the way
// the 3.0 specification defines it on top of JSON Schema (nullable adds
// "null" to the type, not to an enum; boolean exclusiveMinimum/Maximum
// become numbers).
// Both validators then judge the same values: samples built from the
// schema (following $refs), each mutated to break one keyword at a time
// (a missing required property, an extra property, a wrong type, a bound
// crossed, a bad format, a duplicate item, an enum miss, ...), plus
// generic JSON values. Every verdict that differs is printed (up to --show)
// and counted. Output, last line:
//   differential: S schemas, V values, D disagreements [(and R where a
//   documented ruling decides ...)]
// A verdict that differs only because bk checks a format as its definition
// says where ajv-formats is laxer (int64's range, e-mail domain labels of at
// most 63 octets) or takes multipleOf in decimal (19.99 is a multiple of
// 0.01) is counted apart, not as a disagreement.
// Exit status 1 when D > 0.
//
// ajv runs with ajv-formats (full mode) and strict mode off; formats ajv
// does not know are annotations, as in bk. OpenAPI's rule that readOnly
// properties are not required in requests is applied to the reference too.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
for (const k of ['spec', 'validators', 'node-modules'])
  if (!args[k]) {
    console.error(`usage: scaffold-ajv-differential.mjs --spec SPEC --validators FILE --node-modules DIR`);
    process.exit(2);
  }
const require = createRequire(args['node-modules'].replace(/\/?$/, '/'));
const YAML = require('yaml');
const { Ajv2020 } = require('ajv/dist/2020.js');
const addFormats = require('ajv-formats').default;
const probesPerSchema = Number(args.probes ?? 60);
const show = Number(args.show ?? 20);

const text = readFileSync(args.spec, 'utf8');
const spec = /^\s*[{[]/.test(text) ? JSON.parse(text) : YAML.parse(text, { maxAliasCount: -1 });
const version = String(spec.openapi ?? '');
const v30 = version.startsWith('3.0');
const schemas = spec.components?.schemas ?? {};
const { componentSchemas } = await import(pathToFileURL(args.validators).href);

// --- the reference: the description's own schemas through ajv -----------------
function toReference(node, inRequired) {
  if (Array.isArray(node)) return node.map((n) => toReference(n));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/'))
      out.$ref = 'bk:' + decodeURIComponent(v.slice('#/components/schemas/'.length)).replace(/~1/g, '/').replace(/~0/g, '~');
    else if (['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'].includes(k) && v && typeof v === 'object') {
      out[k] = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, toReference(s)]));
    } else if (['example', 'examples', 'default', 'const', 'enum', 'discriminator', 'xml', 'externalDocs'].includes(k)) {
      if (k === 'const' || k === 'enum' || k === 'default') out[k] = v;
    } else out[k] = toReference(v);
  }
  // Required readOnly properties are required in responses only.
  if (Array.isArray(out.required) && out.properties)
    out.required = out.required.filter((r) => !(out.properties[r] && out.properties[r].readOnly === true));
  if (v30) {
    // nullable adds "null" to the type only; an enum still has to list null
    // (the OpenAPI TSC's "Clarify nullable" proposal, 2019-10-31).
    if (out.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
    delete out.nullable;
    for (const [ex, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']]) {
      if (out[ex] === true && typeof out[bound] === 'number') {
        out[ex] = out[bound];
        delete out[bound];
      } else if (out[ex] === false) delete out[ex];
    }
  }
  return out;
}

function makeAjv(rulings) {
  // With rulings, multipleOf is decimal (19.99 is a multiple of 0.01), as
  // ajv's multipleOfPrecision option makes it.
  const a = new Ajv2020({
    strict: false,
    allErrors: false,
    logger: false,
    validateFormats: true,
    ...(rulings ? { multipleOfPrecision: 9 } : {}),
  });
  addFormats(a);
  if (rulings) {
    // bk's documented rulings where ajv-formats is laxer than the format's
    // definition (docs/CommandGuide/bk-scaffold.md, "Validation"):
    //  - int64: a signed 64-bit integer; ajv-formats checks integer-ness only.
    //  - email: the domain is a hostname, labels of at most 63 octets
    //    (RFC 5321 4.5.3.1.2); ajv-formats accepts longer ones.
    a.addFormat('int64', { type: 'number', validate: (n) => Number.isInteger(n) && n >= -(2 ** 63) && n < 2 ** 63 });
    const email = a.formats.email;
    a.addFormat('email', (v) => {
      const at = v.lastIndexOf('@');
      const labels = v.slice(at + 1).split('.');
      return (email instanceof RegExp ? email.test(v) : email.validate(v)) && labels.every((l) => l.length <= 63);
    });
  }
  for (const [name, s] of Object.entries(schemas)) a.addSchema({ ...toReference(s), $id: 'bk:' + name });
  return a;
}
const ajv = makeAjv(false);
const ruled = makeAjv(true);

// --- values to judge -------------------------------------------------------------
let seed = Number(args.seed ?? 1);
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = (a) => a[Math.floor(rand() * a.length)];
const resolve = (s) => {
  for (let i = 0; i < 20 && s && s.$ref; i++) s = schemas[decodeURIComponent(s.$ref.split('/').pop())];
  return s ?? {};
};
const typesOf = (s) => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);
const BAD_FORMATS = { 'date-time': '2024-13-45T25:61:00Z', date: '2024-02-30', time: '25:00:00Z', email: 'not an email', uuid: 'not-a-uuid', uri: 'no scheme', ipv4: '256.1.1.1', ipv6: '1::2::3', hostname: '-bad-.example', byte: '***' };
const GOOD_FORMATS = { 'date-time': '2024-02-29T12:30:00Z', date: '2024-02-29', time: '12:30:00Z', email: 'ada@example.org', uuid: '123e4567-e89b-12d3-a456-426614174000', uri: 'https://example.org/a', ipv4: '192.0.2.1', ipv6: '2001:db8::1', hostname: 'api.example.org', byte: 'aGVsbG8=', 'uri-reference': '/a/b' };

function synth(s0, depth = 0) {
  const s = resolve(s0);
  if (depth > 6) return null;
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length) return pick(s.enum);
  if (s.allOf) return s.allOf.reduce((acc, p) => {
    const v = synth(p, depth + 1);
    return acc && typeof acc === 'object' && v && typeof v === 'object' && !Array.isArray(v) ? { ...acc, ...v } : v ?? acc;
  }, {});
  if (s.oneOf || s.anyOf) return synth(pick(s.oneOf ?? s.anyOf), depth + 1);
  const t = typesOf(s).filter((x) => x !== 'null')[0] ?? (s.properties ? 'object' : s.items ? 'array' : undefined);
  switch (t) {
    case 'string': {
      if (s.format && GOOD_FORMATS[s.format]) return GOOD_FORMATS[s.format];
      const n = Math.max(s.minLength ?? 1, 1);
      return 'x'.repeat(Math.min(n, s.maxLength ?? n));
    }
    case 'integer':
    case 'number': {
      let v = s.minimum ?? (s.exclusiveMinimum !== undefined && typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : 1);
      if (s.multipleOf) v = Math.ceil(v / s.multipleOf) * s.multipleOf;
      return v;
    }
    case 'boolean':
      return true;
    case 'array': {
      const n = s.minItems ?? 1;
      const prefix = (s.prefixItems ?? []).map((p) => synth(p, depth + 1));
      const rest = [];
      for (let i = prefix.length; i < n; i++) rest.push(synth(s.items ?? {}, depth + 1));
      const out = [...prefix, ...rest];
      return s.uniqueItems ? out.filter((v, i) => out.findIndex((w) => JSON.stringify(w) === JSON.stringify(v)) === i) : out;
    }
    case 'object': {
      const o = {};
      for (const [k, p] of Object.entries(s.properties ?? {}))
        if ((s.required ?? []).includes(k) || rand() < 0.5) o[k] = synth(p, depth + 1);
      return o;
    }
    default:
      return pick(['x', 1, true, {}, []]);
  }
}

const GENERIC = [null, true, false, 0, -1, 1.5, 2 ** 31, 2 ** 53, '', 'x', 'x'.repeat(300), [], [1, 1], {}, { a: 1 }, [null], '\u{1F600}'];

function mutations(value, s0, depth = 0) {
  const s = resolve(s0);
  const out = [];
  if (depth > 3) return out;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const k of Object.keys(value)) {
      const { [k]: _, ...rest } = value;
      out.push(rest);
      for (const bad of [null, 12345, 'str', [], {}]) out.push({ ...value, [k]: bad });
      const p = s.properties?.[k];
      if (p) for (const m of mutations(value[k], p, depth + 1).slice(0, 12)) out.push({ ...value, [k]: m });
    }
    out.push({ ...value, zzExtra: 1 });
  } else if (Array.isArray(value)) {
    out.push([], [...value, ...value], value.concat(Array(30).fill(value[0] ?? 1)));
    if (value.length) for (const m of mutations(value[0], s.items ?? (s.prefixItems ?? [])[0] ?? {}, depth + 1).slice(0, 8)) out.push([m, ...value.slice(1)]);
  } else if (typeof value === 'string') {
    out.push('', value + 'x'.repeat(200), '\u0000', value.toUpperCase(), ' ' + value, 'not-in-enum', '\u{1F600}'.repeat(3));
    if (s.format && BAD_FORMATS[s.format]) out.push(BAD_FORMATS[s.format]);
    for (const f of Object.values(GOOD_FORMATS)) out.push(f);
  } else if (typeof value === 'number') {
    out.push(value - 1, value + 1, value + 0.5, -value, 2 ** 31, -(2 ** 31) - 1, 0, 1e308, value * 1000003);
    for (const b of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']) if (typeof s[b] === 'number') out.push(s[b], s[b] - 1, s[b] + 1);
  }
  return out;
}

// --- judge -------------------------------------------------------------------------
let values = 0;
let documented = 0;
const disagreements = [];
let schemasTested = 0;
for (const [name, zod] of Object.entries(componentSchemas)) {
  const reference = ajv.getSchema('bk:' + name);
  if (!reference) continue;
  schemasTested++;
  const seen = new Set();
  const candidates = [];
  for (let i = 0; i < Math.max(3, probesPerSchema / 20); i++) {
    const base = synth(schemas[name]);
    candidates.push(base, ...mutations(base, schemas[name]));
  }
  candidates.push(...GENERIC);
  for (const v of candidates) {
    const key = JSON.stringify(v);
    if (key === undefined || seen.has(key) || seen.size >= probesPerSchema * 4) continue;
    seen.add(key);
    values++;
    const want = reference(structuredClone(v));
    const got = zod.safeParse(structuredClone(v)).success;
    if (want === got) continue;
    if (ruled.getSchema('bk:' + name)(structuredClone(v)) === got) {
      documented++;
      continue;
    }
    disagreements.push(`${name}: ${key.length > 200 ? key.slice(0, 200) + '...' : key}: ajv ${want ? 'accepts' : 'rejects (' + ajv.errorsText(reference.errors) + ')'}, bk ${got ? 'accepts' : 'rejects'}`);
  }
}
for (const d of disagreements.slice(0, show)) console.log('disagreement: ' + d);
if (disagreements.length > show) console.log(`... and ${disagreements.length - show} more`);
console.log(
  `differential: ${schemasTested} schemas, ${values} values, ${disagreements.length} disagreements` +
    (documented ? ` (and ${documented} where a documented ruling decides: int64 range, e-mail domain labels, decimal multipleOf)` : ''),
);
process.exit(disagreements.length ? 1 : 0);
