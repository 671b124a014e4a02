#!/usr/bin/env python3
"""Ingest throughput of `sitrep worker` processes on one PostgreSQL store.

For each worker count (default 1 and 2): a fresh schema, the benchmark corpus
queued with `sitrep queue add`, N `sitrep worker --exit-when-empty` processes,
and then:
  - articles/s (wall clock, from the first worker's start to the last one's end);
  - CPU seconds of the workers (their rusage) and of PostgreSQL (every process
    of the cluster: live ones' utime+stime plus the postmaster's reaped
    children), and the share of each;
  - per article in the database: rows written, bytes of tables + indexes,
    statements (pg_stat_statements when the server loads it), transactions.

Corpora (read from ../shared, never copied into the repo):
  bbc      shared/data/bench/bbc/bbc/*/*.txt (plain text, one article per file)
  reuters  shared/data/bench/reuters21578/*.sgm, converted to JSONL chunks in /tmp

usage: bench/pg/ingest_bench.py --bin target/release/sitrep --db postgres://… \
           [--workers 1,2] [--corpus bbc|reuters] [--limit N] [--pgdata DIR]
"""
import argparse, glob, html, json, os, re, resource, shutil, subprocess, sys, time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", ".."))
shared = os.path.normpath(os.path.join(root, "..", "shared", "data", "bench"))

ap = argparse.ArgumentParser()
ap.add_argument("--bin", default=os.path.join(root, "target", "release", "sitrep"))
ap.add_argument("--db", default=os.environ.get("SITREP_TEST_PG"))
ap.add_argument("--workers", default="1,2")
ap.add_argument("--corpus", default="bbc")
ap.add_argument("--limit", type=int, default=0, help="at most this many input files (0: all)")
ap.add_argument("--pgdata", default="/tmp/sitrep-pg-55432/data")
ap.add_argument("--admin", default=os.environ.get("SITREP_PG_ADMIN"),
                help="superuser URL, for pg_stat_statements (statement counts)")
args = ap.parse_args()
if not args.db:
    sys.exit("give --db postgres://… (or SITREP_TEST_PG)")
if not os.path.isdir(shared):
    sys.exit(f"SKIPPED: {shared} is absent (the benchmark corpora live in ../shared)")


def psql(url, sql):
    r = subprocess.run(["psql", url, "-qAtX", "-v", "ON_ERROR_STOP=1", "-c", sql],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(r.stderr.strip())
    return r.stdout.strip()


def with_schema(url, schema):
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}"


def pg_cpu(pgdata):
    """CPU seconds used so far by the cluster (live processes + reaped backends)."""
    try:
        pm = int(open(os.path.join(pgdata, "postmaster.pid")).readline())
    except OSError:
        return None
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            st = open(f"/proc/{pid}/stat").read()
        except OSError:
            continue
        fields = st[st.rindex(")") + 2:].split()
        ppid = int(fields[1])
        if int(pid) == pm:
            total += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
        elif ppid == pm:
            total += int(fields[11]) + int(fields[12])
    return total / tick


def reuters_inputs(limit):
    out = "/tmp/sitrep-pg-bench/reuters"
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    files, chunk, n = [], [], 0
    for sgm in sorted(glob.glob(os.path.join(shared, "reuters21578", "*.sgm"))):
        raw = open(sgm, encoding="latin-1").read()
        for m in re.finditer(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", raw, re.S):
            body = re.search(r"<BODY>(.*?)</BODY>", m.group(2), re.S)
            if not body:
                continue
            title = re.search(r"<TITLE>(.*?)</TITLE>", m.group(2), re.S)
            date = re.search(r"<DATE>\s*(\d+)-([A-Z]+)-(\d{4})", m.group(2))
            months = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()
            pub = None
            if date and date.group(2) in months:
                pub = f"{date.group(3)}-{months.index(date.group(2)) + 1:02d}-{int(date.group(1)):02d}"
            clean = lambda s: html.unescape(re.sub(r"&#\d+;", "", s)).strip()
            chunk.append(json.dumps({"id": f"reuters-{m.group(1)}",
                                     "title": clean(title.group(1)) if title else None,
                                     "text": clean(body.group(1)), "published": pub}))
            if len(chunk) == 200:
                p = os.path.join(out, f"chunk-{len(files):04d}.jsonl")
                open(p, "w").write("\n".join(chunk) + "\n")
                files.append(p)
                chunk = []
                if limit and len(files) >= limit:
                    return files
    if chunk:
        p = os.path.join(out, f"chunk-{len(files):04d}.jsonl")
        open(p, "w").write("\n".join(chunk) + "\n")
        files.append(p)
    return files


if args.corpus == "bbc":
    inputs = sorted(glob.glob(os.path.join(shared, "bbc", "bbc", "*", "*.txt")))
    if args.limit:
        inputs = inputs[: args.limit]
elif args.corpus == "reuters":
    inputs = reuters_inputs(args.limit)
else:
    sys.exit("--corpus bbc|reuters")

dbname = psql(args.db, "SELECT current_database()")
try:
    psql(args.admin, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
    psql(args.admin, "SELECT count(*) FROM pg_stat_statements")
    have_pss = True
except (RuntimeError, TypeError):
    have_pss = False
    print("(no statement counts: give --admin SUPERUSER_URL and load pg_stat_statements)")

print(f"corpus {args.corpus}: {len(inputs)} input files; binary {args.bin}")
print("| workers | articles | wall s | articles/s | worker CPU s | PostgreSQL CPU s | PG share of CPU | rows written/article | DB bytes/article | statements/article | transactions/article |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for n in [int(x) for x in args.workers.split(",")]:
    schema = f"bench_{args.corpus}_w{n}"
    psql(args.db, f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")
    url = with_schema(args.db, schema)
    # migrate + queue (not timed)
    r = subprocess.run([args.bin, "queue", "add", "--db", url] + inputs, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"queue add failed: {r.stderr}")
    stat_sql = ("SELECT xact_commit, tup_inserted + tup_updated + tup_deleted FROM pg_stat_database "
                "WHERE datname = current_database()")
    if have_pss:
        psql(args.admin, "SELECT pg_stat_statements_reset()")
    time.sleep(0.7)  # let the statistics collector settle
    x0, w0 = (int(v) for v in psql(args.db, stat_sql).split("|"))
    c0 = pg_cpu(args.pgdata)
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.time()
    procs = [subprocess.Popen([args.bin, "worker", "--quiet", "--exit-when-empty", "--db", url],
                              stdout=subprocess.DEVNULL) for _ in range(n)]
    codes = [p.wait() for p in procs]
    wall = time.time() - t0
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    c1 = pg_cpu(args.pgdata)
    time.sleep(0.7)
    x1, w1 = (int(v) for v in psql(args.db, stat_sql).split("|"))
    statements = None
    if have_pss:
        statements = int(psql(args.admin, "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements "
                                            f"WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '{dbname}')"))
    arts = int(psql(url, "SELECT count(*) FROM articles"))
    reps = int(psql(url, "SELECT count(*) FROM reports"))
    evs = int(psql(url, "SELECT count(*) FROM events"))
    size = int(psql(url, "SELECT sum(pg_total_relation_size(c)) FROM unnest(ARRAY['articles','reports','events']::regclass[]) c"))
    wcpu = (ru1.ru_utime + ru1.ru_stime) - (ru0.ru_utime + ru0.ru_stime)
    pcpu = (c1 - c0) if c0 is not None and c1 is not None else float("nan")
    per = lambda v: f"{v / max(arts, 1):.1f}" if v is not None else "n/a"
    print(f"| {n} | {arts} | {wall:.1f} | {arts / wall:.1f} | {wcpu:.1f} | {pcpu:.1f} | "
          f"{100 * pcpu / max(pcpu + wcpu, 1e-9):.0f}% | {per(w1 - w0)} | {size / max(arts, 1):.0f} | "
          f"{per(statements)} | {per(x1 - x0)} |", flush=True)
    print(f"<!-- workers={n} exit codes {codes}; reports {reps}, events {evs}; "
          f"tables+indexes {size} bytes -->", flush=True)
