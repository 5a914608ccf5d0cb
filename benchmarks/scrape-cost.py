#!/usr/bin/env python3
"""What one Prometheus scrape costs the host: psinfo + jmx_exporter against process-exporter.

Usage (from the repository root, after `mvn -B -q package -DskipTests` here and in benchmarks/):
  benchmarks/scrape-cost.py --agent target/psinfo-jmx-agent.jar \
      --jmx-exporter JMX_PROMETHEUS_JAVAAGENT.jar [--otel-agent OPENTELEMETRY_JAVAAGENT.jar] \
      [--sizes 500,2000,10000] [--rounds 15] [--extra LABEL=OTHER.yaml ...] [--out FILE.md]

Targets, each a separate process on this host, all scraped over HTTP by this script:
  (a) a JVM (dev.psinfo.bench.ServeForever) with jmx_exporter 1.0.1 and jmx-config/psinfo.yaml but
      without psinfo: the exporter's own cost (jvm_* and process_* of its JVM);
  (b) the same JVM with psinfo (default options) and the same jmx_exporter and psinfo.yaml;
  (c) Debian's prometheus-process-exporter 0.7.10 (apt-get install prometheus-process-exporter),
      with the package's defaults (smaps and per-thread metrics on) and one group per executable
      ({{.ExeBase}}; --pe-group '{{.Comm}}' groups by process name, but then any process whose name
      is not valid UTF-8 makes process-exporter panic and stop serving);
  --extra: more (b)-like targets with another jmx_exporter config (say, an older psinfo.yaml);
  --otel-agent: two more, the OpenTelemetry Java agent with jmx-config/psinfo-otel.yaml and its
      Prometheus exporter, without psinfo and with psinfo (three groups), so the OTel path gets the
      same measurement (its JMX gauges are read when its /metrics is scraped).

The process table is brought to each size by starting idle `sleep` processes (one shell per step,
in its own process group, killed as a group at the end and on any error). Scrapes are interleaved
target by target, round after round; each target's CPU is the utime+stime of its own process
(/proc/<pid>/stat, which includes exited threads) from just before its scrape to just before the
next target's (the scrape plus a --gap of idle, the same for every target, so GC and JIT work a
scrape leaves behind are counted). A round lasts longer than psinfo's ttl (2 s), so every scrape
of (b) scans afresh. The first --warmup rounds are not counted. Reported: medians and means per
scrape, latency (median, max), series, and (b - a) / (c).
"""
import argparse, os, resource, signal, socket, statistics, subprocess, sys, tempfile, time, urllib.request, zipfile

p = argparse.ArgumentParser()
p.add_argument("--agent", required=True, help="psinfo-jmx-agent.jar")
p.add_argument("--jmx-exporter", required=True, help="jmx_prometheus_javaagent-1.0.1.jar")
p.add_argument("--otel-agent", help="opentelemetry-javaagent.jar (adds the two OTel targets)")
p.add_argument("--bench-jar", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "target", "benchmarks.jar"))
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
p.add_argument("--config", default=os.path.join(root, "jmx-config", "psinfo.yaml"))
p.add_argument("--otel-config", default=os.path.join(root, "jmx-config", "psinfo-otel.yaml"))
p.add_argument("--extra", action="append", default=[], help="LABEL=YAML: psinfo + jmx_exporter with this config")
p.add_argument("--psinfo-options", default="", help="psinfo agent options for (b) (default: none)")
p.add_argument("--sizes", default="500,2000,10000")
p.add_argument("--rounds", type=int, default=15)
p.add_argument("--warmup", type=int, default=3)
p.add_argument("--gap", type=float, default=0.8, help="seconds of idle after each scrape")
p.add_argument("--pe-group", default="{{.ExeBase}}",
               help="process-exporter's group name template; {{.Comm}} makes 0.7.10 panic (and stop serving) while any"
                    " process on the host has a name that is not valid UTF-8, which any user can set")
p.add_argument("--out")
a = p.parse_args()

java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else "java"
tmp = tempfile.mkdtemp(prefix="psinfo-scrape-")
# the host application alone: benchmarks.jar also holds a copy of psinfo's classes (compiled from
# src/main/java), which would shadow the agent jar's on the class path
host_jar = os.path.join(tmp, "serve-forever.jar")
with zipfile.ZipFile(a.bench_jar) as bench, zipfile.ZipFile(host_jar, "w") as z:
    z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n")
    z.writestr("dev/psinfo/bench/ServeForever.class", bench.read("dev/psinfo/bench/ServeForever.class"))
children = []   # (Popen) targets
sleepers = []   # (Popen) sleep spawners, each in its own process group


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def process_count():
    return sum(1 for d in os.listdir("/proc") if d.isdigit())


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)


TICK_MS = 1000.0 / os.sysconf("SC_CLK_TCK")


def start(label, cmd, port, ready):
    log = open(os.path.join(tmp, label.replace(" ", "_").replace("/", "_") + ".log"), "w")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    children.append(proc)
    url = f"http://127.0.0.1:{port}/metrics"
    deadline = time.time() + 180
    while True:
        if proc.poll() is not None:
            sys.exit(f"{label} exited with {proc.returncode}; see {log.name}")
        try:
            body = urllib.request.urlopen(url, timeout=60).read().decode()
            if ready in body:
                break
        except OSError:
            pass
        if time.time() > deadline:
            sys.exit(f"{label} not ready after 180 s; see {log.name}")
        time.sleep(0.5)
    return {"label": label, "pid": proc.pid, "url": url}


def targets():
    ts = []
    cp = ["-cp", host_jar, "dev.psinfo.bench.ServeForever"]
    exporter = os.path.abspath(a.jmx_exporter)
    psinfo = "-javaagent:" + os.path.abspath(a.agent) + ("=" + a.psinfo_options if a.psinfo_options else "")
    port = free_port()
    ts.append(start("(a) jmx_exporter, no psinfo",
                    [java, f"-javaagent:{exporter}=127.0.0.1:{port}:{a.config}"] + cp, port, "jvm_threads"))
    port = free_port()
    ts.append(start("(b) psinfo + jmx_exporter",
                    [java, psinfo, f"-javaagent:{exporter}=127.0.0.1:{port}:{a.config}"] + cp, port,
                    "psinfo_process_rss_bytes"))
    for e in a.extra:
        label, _, yaml = e.partition("=")
        port = free_port()
        ts.append(start(label, [java, psinfo, f"-javaagent:{exporter}=127.0.0.1:{port}:{os.path.abspath(yaml)}"] + cp,
                        port, "psinfo_process"))
    port = free_port()
    cfg = os.path.join(tmp, "process-exporter.yml")
    with open(cfg, "w") as f:
        f.write("process_names:\n  - name: \"" + a.pe_group + "\"\n    cmdline:\n    - '.+'\n")
    ts.append(start("(c) process-exporter", ["prometheus-process-exporter", "-config.path", cfg,
                                             "-web.listen-address", f"127.0.0.1:{port}"], port, "namedprocess_"))
    if a.otel_agent:
        otel = os.path.abspath(a.otel_agent)
        opts = ",".join(o for o in (a.psinfo_options, "group.java=java,group.sleep=^sleep$,group.shell=sh$") if o)
        grouped = "-javaagent:" + os.path.abspath(a.agent) + "=" + opts
        for label, extra, ready in (("(d) OTel agent, no psinfo", [], "jvm_"),
                                    ("(e) psinfo + OTel agent", [grouped], "psinfo_group")):
            port = free_port()
            ts.append(start(label, [java] + extra + [
                f"-javaagent:{otel}", f"-Dotel.jmx.config={a.otel_config}", "-Dotel.jmx.discovery.delay=1000",
                "-Dotel.metrics.exporter=prometheus", "-Dotel.exporter.prometheus.host=127.0.0.1",
                f"-Dotel.exporter.prometheus.port={port}", "-Dotel.traces.exporter=none",
                "-Dotel.logs.exporter=none", "-Dotel.service.name=psinfo-scrape-cost"] + cp, port, ready))
    return ts


def grow_to(n):
    """Starts idle sleeps until the host has about n processes; returns the count."""
    missing = n - process_count()
    if missing > 0:
        sh = subprocess.Popen(["sh", "-c", f'i=0; while [ $i -lt {missing} ]; do sleep 7200 & i=$((i+1)); done; wait'],
                              start_new_session=True, stdin=subprocess.DEVNULL)
        sleepers.append(sh)
        deadline = time.time() + 600
        while process_count() < n - 5 and time.time() < deadline:
            time.sleep(0.5)
        time.sleep(2)
    return process_count()


def scrape(t):
    c0 = cpu_ticks(t["pid"])
    t0 = time.perf_counter()
    body = urllib.request.urlopen(t["url"], timeout=300).read().decode()
    t1 = time.perf_counter()
    time.sleep(a.gap)
    c1 = cpu_ticks(t["pid"])
    return (c1 - c0) * TICK_MS, (t1 - t0) * 1000, body


def series(body, prefix):
    return sum(1 for line in body.splitlines() if line.startswith(prefix))


out = []
def say(line=""):
    print(line, flush=True)
    out.append(line)


try:
    nproc = os.cpu_count()
    say(f"nproc {nproc}; {open('/proc/cpuinfo').read().split('model name')[1].split(chr(10))[0].strip(': ')}")
    say(f"java: {subprocess.run([java, '-version'], capture_output=True, text=True).stderr.splitlines()[0]}")
    say(f"pid_max {open('/proc/sys/kernel/pid_max').read().strip()}, max user processes (ulimit -u) {resource.getrlimit(resource.RLIMIT_NPROC)[0]}")
    say(f"date {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; rounds {a.rounds} (+{a.warmup} warm-up), gap {a.gap} s")
    say()
    ts = targets()
    summary = []
    for size in [int(s) for s in a.sizes.split(",")]:
        n = grow_to(size)
        load0 = open("/proc/loadavg").read().split()[:3]
        results = {t["label"]: [] for t in ts}
        bodies = {}
        for r in range(a.warmup + a.rounds):
            t_round = time.time()
            for t in ts:
                cpu, lat, body = scrape(t)
                if r >= a.warmup:
                    results[t["label"]].append((cpu, lat))
                bodies[t["label"]] = body
            time.sleep(max(0.0, 2.3 - (time.time() - t_round)))
        load1 = open("/proc/loadavg").read().split()[:3]
        say(f"### {n} processes on the host (load average {' '.join(load0)} before, {' '.join(load1)} after)")
        say()
        say("| target | CPU ms per scrape, median | mean | latency ms, median | max | psinfo_process_rss_bytes series | psinfo_processes | exposition KB |")
        say("|---|---:|---:|---:|---:|---:|---:|---:|")
        med = {}
        for t in ts:
            rs = results[t["label"]]
            cpus = [c for c, _ in rs]
            lats = [l for _, l in rs]
            body = bodies[t["label"]]
            pp = [l for l in body.splitlines() if l.startswith("psinfo_processes ")]
            med[t["label"]] = (statistics.median(cpus), statistics.mean(cpus))
            say(f"| {t['label']} | {statistics.median(cpus):.0f} | {statistics.mean(cpus):.1f} | {statistics.median(lats):.0f} | {max(lats):.0f} | "
                f"{series(body, 'psinfo_process_rss_bytes{')} | {pp[0].split()[1] if pp else ''} | {len(body) // 1024} |")
        a_ = med["(a) jmx_exporter, no psinfo"]
        b_ = med["(b) psinfo + jmx_exporter"]
        c_ = med["(c) process-exporter"]
        say()
        say(f"(b) - (a): {b_[0] - a_[0]:.0f} ms median, {b_[1] - a_[1]:.1f} ms mean; process-exporter {c_[0]:.0f} / {c_[1]:.1f} ms; "
            f"ratio (b - a) / (c) = {(b_[0] - a_[0]) / c_[0]:.2f} (medians), {(b_[1] - a_[1]) / c_[1]:.2f} (means); "
            f"per 1,000 processes: (b - a) {1000 * (b_[1] - a_[1]) / n:.1f} ms, (c) {1000 * c_[1] / n:.1f} ms (means)")
        if a.otel_agent:
            d_ = med["(d) OTel agent, no psinfo"]
            e_ = med["(e) psinfo + OTel agent"]
            say(f"OTel: (e) - (d): {e_[0] - d_[0]:.0f} ms median, {e_[1] - d_[1]:.1f} ms mean per collection")
        say()
finally:
    for proc in children:
        proc.terminate()
    for sh in sleepers:
        try:
            os.killpg(sh.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    for proc in children + sleepers:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    if a.out:
        with open(a.out, "w") as f:
            f.write("\n".join(out) + "\n")
