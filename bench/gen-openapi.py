#!/usr/bin/env python3
"""Generate a large OpenAPI 3.1 description for reading benchmarks.

    bench/gen-openapi.py [--resources N] [--format yaml|json] OUT

Every resource r<i> gets CRUD operations on /r<i>/items and
/r<i>/items/{id} (path, query and header parameters, request bodies,
several responses with headers, examples), three component schemas (one
recursive, one with allOf and a discriminator, one with enums and bounds)
and shared component parameters and responses used through $ref. About
5 KB of YAML per resource: --resources 2000 gives ~10 MB. Standard library
only; the output is deterministic.
"""

import argparse
import json
import re
import sys

PLAIN = re.compile(r'^[A-Za-z_/][A-Za-z0-9_ ./{}-]*$')
RESERVED = {'true', 'false', 'null', 'yes', 'no', 'on', 'off', '~'}


def scalar(v):
    if v is None:
        return 'null'
    if v is True:
        return 'true'
    if v is False:
        return 'false'
    if isinstance(v, (int, float)):
        return json.dumps(v)
    if (PLAIN.match(v) and v.lower() not in RESERVED and not v.endswith(' ')
            and '{' not in v[:1]):
        return v
    return json.dumps(v)


def emit_yaml(v, out, indent=0):
    pad = ' ' * indent
    if isinstance(v, dict):
        if not v:
            out.append(' {}\n')
            return
        out.append('\n')
        for k, x in v.items():
            out.append(f'{pad}{scalar(k)}:')
            if isinstance(x, (dict, list)) and x:
                emit_yaml(x, out, indent + 2)
            else:
                out.append(' ' + (('{}' if isinstance(x, dict) else '[]')
                                  if isinstance(x, (dict, list)) else scalar(x)) + '\n')
        return
    if isinstance(v, list):
        if not v:
            out.append(' []\n')
            return
        out.append('\n')
        for x in v:
            out.append(f'{pad}-')
            if isinstance(x, (dict, list)) and x:
                sub = []
                emit_yaml(x, sub, indent + 2)
                # Put the first key on the dash line.
                text = ''.join(sub)[1:]
                out.append(' ' + text[indent + 2:])
            else:
                out.append(' ' + scalar(x) + '\n')
        return
    out.append(' ' + scalar(v) + '\n')


def resource(i, spec):
    r = f'r{i}'
    item, new, kind = f'Item{i}', f'NewItem{i}', f'Kind{i}'
    schemas = spec['components']['schemas']
    schemas[item] = {
        'type': 'object',
        'required': ['id', 'name', 'kind'],
        'properties': {
            'id': {'type': 'integer', 'format': 'int64', 'readOnly': True},
            'name': {'type': 'string', 'minLength': 1, 'maxLength': 100},
            'kind': {'$ref': f'#/components/schemas/{kind}'},
            'tags': {'type': 'array', 'items': {'type': 'string'},
                     'maxItems': 20},
            'price': {'type': 'number', 'minimum': 0,
                      'exclusiveMaximum': 1000000},
            'parent': {'$ref': f'#/components/schemas/{item}'},
            'children': {'type': 'array',
                         'items': {'$ref': f'#/components/schemas/{item}'}},
            'note': {'type': ['string', 'null'], 'description':
                     f'Free text about an item of resource {r}.'},
        },
        'example': {'id': i, 'name': f'item {i}', 'kind': 'small',
                    'tags': ['a', 'b'], 'price': 9.5},
    }
    schemas[new] = {
        'allOf': [{'$ref': f'#/components/schemas/{item}'},
                  {'type': 'object', 'properties': {
                      'secret': {'type': 'string', 'writeOnly': True}}}],
        'discriminator': {'propertyName': 'kind'},
    }
    schemas[kind] = {'type': 'string', 'enum': ['small', 'medium', 'large'],
                     'default': 'small'}
    ok = {
        'description': f'the {r} item',
        'headers': {'X-Rate-Limit': {
            '$ref': '#/components/headers/RateLimit'}},
        'content': {'application/json': {
            'schema': {'$ref': f'#/components/schemas/{item}'}}},
    }
    errors = {'400': {'$ref': '#/components/responses/BadRequest'},
              '404': {'$ref': '#/components/responses/NotFound'},
              'default': {'$ref': '#/components/responses/Error'}}
    spec['paths'][f'/{r}/items'] = {
        'get': {
            'operationId': f'list{i}', 'tags': [r],
            'summary': f'List the items of {r}',
            'parameters': [{'$ref': '#/components/parameters/Limit'},
                           {'$ref': '#/components/parameters/Cursor'},
                           {'name': 'kind', 'in': 'query', 'schema': {
                               '$ref': f'#/components/schemas/{kind}'}},
                           {'name': 'filter', 'in': 'query',
                            'style': 'deepObject', 'explode': True,
                            'schema': {'type': 'object',
                                       'additionalProperties': {
                                           'type': 'string'}}}],
            'responses': {'200': {
                'description': 'a page',
                'content': {'application/json': {'schema': {
                    'type': 'array', 'items': {
                        '$ref': f'#/components/schemas/{item}'}}}}},
                **errors},
        },
        'post': {
            'operationId': f'create{i}', 'tags': [r],
            'requestBody': {'required': True, 'content': {
                'application/json': {'schema': {
                    '$ref': f'#/components/schemas/{new}'}},
                'application/x-www-form-urlencoded': {'schema': {
                    '$ref': f'#/components/schemas/{new}'}}}},
            'responses': {'201': ok, **errors},
            'security': [{'oauth': ['write']}],
        },
    }
    spec['paths'][f'/{r}/items/{{id}}'] = {
        'parameters': [{'$ref': '#/components/parameters/Id'}],
        'get': {'operationId': f'get{i}', 'tags': [r],
                'parameters': [{'name': 'X-Request-Id', 'in': 'header',
                                'schema': {'type': 'string',
                                           'format': 'uuid'}}],
                'responses': {'200': ok, **errors}},
        'put': {'operationId': f'replace{i}', 'tags': [r],
                'requestBody': {'$ref': '#/components/requestBodies/Any'},
                'responses': {'200': ok, **errors}},
        'delete': {'operationId': f'delete{i}', 'tags': [r],
                   'responses': {'204': {'description': 'deleted'},
                                 **errors}},
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--resources', type=int, default=2000)
    ap.add_argument('--format', choices=['yaml', 'json'], default='yaml')
    ap.add_argument('out')
    args = ap.parse_args()
    spec = {
        'openapi': '3.1.0',
        'info': {'title': 'Generated', 'version': '1.0.0',
                 'description': 'A large generated API for benchmarks.'},
        'servers': [{'url': 'https://{env}.example.com/v1', 'variables': {
            'env': {'default': 'prod', 'enum': ['prod', 'staging']}}}],
        'security': [{'oauth': ['read']}],
        'paths': {},
        'components': {
            'schemas': {'Error': {'type': 'object', 'required': ['code'],
                                  'properties': {
                                      'code': {'type': 'integer'},
                                      'message': {'type': 'string'}}}},
            'parameters': {
                'Id': {'name': 'id', 'in': 'path', 'required': True,
                       'schema': {'type': 'integer', 'format': 'int64'}},
                'Limit': {'name': 'limit', 'in': 'query', 'schema': {
                    'type': 'integer', 'minimum': 1, 'maximum': 100,
                    'default': 20}},
                'Cursor': {'name': 'cursor', 'in': 'query',
                           'schema': {'type': 'string'}}},
            'headers': {'RateLimit': {'schema': {'type': 'integer'}}},
            'requestBodies': {'Any': {'content': {'application/json': {
                'schema': {'type': 'object'}}}}},
            'responses': {
                name: {'description': name, 'content': {'application/json': {
                    'schema': {'$ref': '#/components/schemas/Error'}}}}
                for name in ('BadRequest', 'NotFound', 'Error')},
            'securitySchemes': {'oauth': {'type': 'oauth2', 'flows': {
                'clientCredentials': {
                    'tokenUrl': 'https://auth.example.com/token',
                    'scopes': {'read': 'read', 'write': 'write'}}}}},
        },
    }
    for i in range(args.resources):
        resource(i, spec)
    with open(args.out, 'w') as f:
        if args.format == 'json':
            json.dump(spec, f, indent=2)
            f.write('\n')
        else:
            out = []
            emit_yaml(spec, out)
            f.write(''.join(out)[1:])


if __name__ == '__main__':
    sys.exit(main())
