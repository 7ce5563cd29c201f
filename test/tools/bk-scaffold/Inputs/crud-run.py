"""crud-run.py HARNESS... -- CASES SCHEMA WORK: for each back end, a fresh
database (PGDATABASE, dropped and loaded from SCHEMA), then the server
test harness generating --from-db and running CASES against it. Prints the
harness's lines prefixed with the back end."""
import os, subprocess, sys

sep = sys.argv.index("--")
harness, (cases, schema, work) = sys.argv[1:sep], sys.argv[sep + 1:]
db = os.environ["PGDATABASE"]
status = 0
for fw in ["express", "fastify", "koa"]:
    admin = dict(os.environ, PGDATABASE="postgres")
    subprocess.run(["psql", "-X", "-q", "-c", "DROP DATABASE IF EXISTS %s" % db,
                    "-c", "CREATE DATABASE %s TEMPLATE template0" % db],
                   env=admin, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", schema],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    p = subprocess.run(harness + ["--from-db", "env", "--framework", fw, "--work",
                                  "%s.%s" % (work, fw), "--cases", cases],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
    for line in p.stdout.splitlines():
        if line != "generate: ok":
            print("%s: %s" % (fw, line))
    status |= p.returncode
sys.exit(status)
