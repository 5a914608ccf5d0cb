#!/usr/bin/env python3
"""The start-up pair: a trivial main with an empty agent against the same main with psinfo-jmx.

Usage: startup-pair.py --agent ../target/psinfo-jmx-agent.jar [--bench-jar target/benchmarks.jar]
                       [--runs 20] [--out FILE.md] [--compare LABEL=OTHER.jar ...]

Each run starts a JVM that loads one -javaagent and runs dev.psinfo.bench.TrivialMain, which
returns at once; the runs of the variants alternate (ABC CBA ...), so drifting load hits them
alike. Wall time is measured around the child; CPU is the child's user+system time from
getrusage(RUSAGE_CHILDREN) (microsecond resolution on Linux, which Java cannot read for a child).
Reported: medians, and the median of the paired differences against the empty agent, which is
the figure the goal (<= 15 ms wall) is about. The agent jar's size and entry count are printed too.
"""
import argparse, os, resource, statistics, subprocess, sys, tempfile, time, zipfile

p = argparse.ArgumentParser()
p.add_argument("--agent", required=True)
p.add_argument("--bench-jar", default=os.path.join(os.path.dirname(__file__), "target", "benchmarks.jar"))
p.add_argument("--runs", type=int, default=20)
p.add_argument("--out")
p.add_argument("--compare", action="append", default=[],
               help="LABEL=JAR: another agent jar (say, an older build) in the same alternation")
a = p.parse_args()

tmp = tempfile.mkdtemp(prefix="psinfo-startup-")
with zipfile.ZipFile(a.bench_jar) as bench:
    def tiny_jar(path, manifest, classes):
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n" + manifest + "\n")
            for c in classes:
                z.writestr(c, bench.read(c))
    empty = os.path.join(tmp, "empty-agent.jar")
    trivial = os.path.join(tmp, "trivial.jar")
    tiny_jar(empty, "Premain-Class: dev.psinfo.bench.EmptyAgent", ["dev/psinfo/bench/EmptyAgent.class"])
    tiny_jar(trivial, "Main-Class: dev.psinfo.bench.TrivialMain", ["dev/psinfo/bench/TrivialMain.class"])

java = os.path.join(os.environ.get("JAVA_HOME", ""), "bin", "java") if os.environ.get("JAVA_HOME") else "java"
agent = os.path.abspath(a.agent)
variants = [
    ("empty agent (baseline)", "-javaagent:" + empty),
    ("psinfo-jmx, defaults", "-javaagent:" + agent),
    ("psinfo-jmx, registerDelay=60s (premain only: the JVM exits before registering)",
     "-javaagent:" + agent + "=registerDelay=60s"),
]
for c in a.compare:
    label, _, jar = c.partition("=")
    variants.append((label + ", defaults", "-javaagent:" + os.path.abspath(jar)))

def run(option):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([java, option, "-cp", trivial, "dev.psinfo.bench.TrivialMain"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t1 = time.perf_counter()
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime)
    return (t1 - t0) * 1000, cpu * 1000

load_before = open("/proc/loadavg").read().strip()
for _ in range(2):  # page cache, CDS archive
    for _, opt in variants:
        run(opt)
res = [[] for _ in variants]
for i in range(a.runs):
    order = range(len(variants)) if i % 2 == 0 else reversed(range(len(variants)))
    for k in order:
        res[k].append(run(variants[k][1]))
load_after = open("/proc/loadavg").read().strip()

with zipfile.ZipFile(agent) as z:
    entries = len(z.infolist())
size = os.path.getsize(agent)
out = []
out.append("## Start-up pair: trivial main, empty agent vs psinfo-jmx\n")
out.append(f"{a.runs} alternated runs per variant; {os.cpu_count()} CPUs; "
           f"loadavg before: {load_before}; after: {load_after}.\n")
out.append("| variant | wall ms (median) | CPU ms (median) | wall over empty agent, median of paired differences | CPU over empty agent, median of paired differences |")
out.append("|---|---:|---:|---:|---:|")
for k, (name, _) in enumerate(variants):
    w = [x[0] for x in res[k]]
    c = [x[1] for x in res[k]]
    dw = [res[k][i][0] - res[0][i][0] for i in range(a.runs)]
    dc = [res[k][i][1] - res[0][i][1] for i in range(a.runs)]
    diff = lambda d: "—" if k == 0 else f"{statistics.median(d):+.1f}"
    out.append(f"| {name} | {statistics.median(w):.1f} | {statistics.median(c):.1f} | {diff(dw)} | {diff(dc)} |")
out.append(f"\nAgent jar: {size:,} bytes, {entries:,} entries ({agent}).\n")
text = "\n".join(out)
print(text)
if a.out:
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w") as f:
        f.write(text)
