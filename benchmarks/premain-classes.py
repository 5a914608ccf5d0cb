#!/usr/bin/env python3
"""How many classes premain loads: JVMs started with -Xlog:class+load, counted up to the main class.

Usage: premain-classes.py --agent ../target/psinfo-jmx-agent.jar [--runs 5] [--out FILE.md]
                          [--options OPTS ...] [--list]

Each run starts `java -Xlog:class+load:file=LOG -javaagent:AGENT[=OPTS] -cp TMP PremainMarker`,
where PremainMarker is an empty main compiled here (javac). The JVM calls the agent's premain
before it loads the main class, so the classes logged before `PremainMarker` are those of JVM
start-up plus premain; the same count with an empty agent (premain does nothing, also compiled
here) is subtracted. Reported per variant: all classes loaded before the marker, the agent's own
classes among them (named dev.psinfo.*, lambdas included, or read from the agent jar), and the difference to the empty agent;
min and max over the runs, to show how deterministic the count is. Classes that a background
thread started by premain loads may land before or after the marker: the variant with
registerDelay=60s keeps the agent's registration thread asleep, so that count is premain's alone.
--list prints the agent's classes of the first run of each variant.
"""
import argparse, os, re, subprocess, sys, tempfile

p = argparse.ArgumentParser()
p.add_argument("--agent", required=True)
p.add_argument("--runs", type=int, default=5)
p.add_argument("--out")
p.add_argument("--options", action="append", default=None,
               help="agent options of a variant (repeatable); default: none, and registerDelay=60s")
p.add_argument("--list", action="store_true")
a = p.parse_args()

java_home = os.environ.get("JAVA_HOME")
java = os.path.join(java_home, "bin", "java") if java_home else "java"
javac = os.path.join(java_home, "bin", "javac") if java_home else "javac"
agent = os.path.abspath(a.agent)
tmp = tempfile.mkdtemp(prefix="psinfo-premain-classes-")

main_dir = os.path.join(tmp, "main")  # the class path: the marker only
agent_dir = os.path.join(tmp, "agent")  # the empty agent, loaded from its jar like any agent
for d in (main_dir, agent_dir):
    os.makedirs(d)
with open(os.path.join(tmp, "PremainMarker.java"), "w") as f:
    f.write("public final class PremainMarker { public static void main(String[] a) {} }\n")
with open(os.path.join(tmp, "EmptyPremain.java"), "w") as f:
    f.write("public final class EmptyPremain {\n"
            "  public static void premain(String a, java.lang.instrument.Instrumentation i) {}\n"
            "}\n")
subprocess.run([javac, "--release", "17", "-d", main_dir,
                os.path.join(tmp, "PremainMarker.java")], check=True)
subprocess.run([javac, "--release", "17", "-d", agent_dir,
                os.path.join(tmp, "EmptyPremain.java")], check=True)
with open(os.path.join(tmp, "manifest.txt"), "w") as f:
    f.write("Premain-Class: EmptyPremain\n")
empty = os.path.join(tmp, "empty-agent.jar")
subprocess.run(["jar", "cfm", empty, os.path.join(tmp, "manifest.txt"), "-C", agent_dir,
                "EmptyPremain.class"], check=True)

LINE = re.compile(r"\]\s(\S+) source: (.*)$")


def run(javaagent):
    log = os.path.join(tmp, "classes.log")
    if os.path.exists(log):
        os.remove(log)
    subprocess.run([java, "-Xlog:class+load=info:file=" + log, javaagent, "-cp", main_dir,
                    "PremainMarker"], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    before, own = 0, []
    with open(log) as f:
        for line in f:
            m = LINE.search(line)
            if not m:
                continue
            name, source = m.group(1), m.group(2)
            if name == "PremainMarker":
                return before, own
            before += 1
            if name.startswith("dev.psinfo.") or agent in source:
                own.append(name)
    raise SystemExit("the main class was never loaded: see " + log)


options = a.options if a.options is not None else ["", "registerDelay=60s"]
variants = [("empty agent (baseline)", "-javaagent:" + empty)]
for o in options:
    variants.append(("psinfo-jmx" + (", " + o if o else ", defaults"),
                     "-javaagent:" + agent + ("=" + o if o else "")))

run(variants[0][1])  # page cache
results = {}
for i in range(a.runs):
    for name, opt in variants:
        results.setdefault(name, []).append(run(opt))

base = [r[0] for r in results[variants[0][0]]]
java_version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.split("\n")[0]
out = ["## Classes loaded up to the end of premain (`-Xlog:class+load`, before the main class)\n",
       f"{a.runs} runs per variant; {java_version}; agent {agent}.\n",
       "| variant | classes before the main class (min–max) | the agent's own classes | over the empty agent |",
       "|---|---:|---:|---:|"]


def span(xs):
    return f"{min(xs)}" if min(xs) == max(xs) else f"{min(xs)}–{max(xs)}"


for name, _ in variants:
    total = [r[0] for r in results[name]]
    own = [len(r[1]) for r in results[name]]
    over = [t - min(base) for t in total]
    out.append(f"| {name} | {span(total)} | {span(own)} | "
               f"{'—' if name == variants[0][0] else '+' + span(over)} |")
text = "\n".join(out) + "\n"
print(text)
if a.list:
    for name, _ in variants[1:]:
        print(f"### {name}: the agent's classes, in load order\n")
        print("\n".join(results[name][0][1]) + "\n")
if a.out:
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w") as f:
        f.write(text)
