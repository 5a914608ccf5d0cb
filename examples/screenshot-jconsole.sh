#!/usr/bin/env bash
# Remakes docs/jconsole-processes.png, docs/jconsole-topbycpu.png and docs/jconsole-systeminfo.png: JConsole under Xvfb, attached
# to examples/DemoHost.java running with the psinfo agent, driven with xdotool.
#
#   apt-get install xvfb xdotool imagemagick      # plus a JDK (jconsole, javac)
#   examples/screenshot-jconsole.sh
#
# The clicks are at fixed positions in a 1280x860 screen with JConsole's default (Metal) look and
# feel; after a JDK upgrade look at the PNGs and adjust the coordinates below if needed.
# The agent runs with include=DemoHost so the pictures show only the demo's own processes.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in Xvfb xdotool import jconsole javac java; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "missing $tool: apt-get install xvfb xdotool imagemagick (and a JDK)" >&2
    exit 1
  }
done
[ -f target/psinfo-jmx-agent.jar ] || mvn -B -q package -DskipTests

display=":${SCREENSHOT_DISPLAY:-99}"   # e.g. SCREENSHOT_DISPLAY=71 when :99 is taken
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
export DISPLAY="$display"

javac -d "$work" examples/DemoHost.java
# two idle helpers whose arguments name the demo, so include=DemoHost shows them too
(exec -a DemoHost-helper-1 sleep 600) &
pids+=($!)
(exec -a DemoHost-helper-2 sleep 600) &
pids+=($!)
java -javaagent:target/psinfo-jmx-agent.jar=include=DemoHost -cp "$work" DemoHost \
  >"$work/host.log" 2>&1 &
host=$!
pids+=("$host")
for _ in $(seq 50); do grep -q "DemoHost running" "$work/host.log" && break; sleep 0.2; done

jconsole "$host" >"$work/jconsole.log" 2>&1 &
pids+=($!)
window=$(timeout 60 xdotool search --sync --name "Java Monitoring")
window=${window%%$'\n'*}
# the clicks below assume this geometry: insist until JConsole has taken it
for _ in $(seq 40); do
  xdotool windowmove "$window" 0 0 windowsize "$window" 1280 860
  sleep 0.5
  geometry=$(xdotool getwindowgeometry "$window")
  [[ $geometry == *"Position: 0,0"* && $geometry == *"Geometry: 1280x860"* ]] && break
done
[[ $geometry == *"Geometry: 1280x860"* ]] || { echo "JConsole window not resized: $geometry" >&2; exit 1; }
sleep 5

click() { xdotool mousemove "$1" "$2" click 1; sleep "${3:-1}"; }
double_click() { xdotool mousemove "$1" "$2" click --repeat 2 --delay 80 1; sleep "${3:-2}"; }
keys() { for k in "$@"; do xdotool key "$k"; sleep 0.4; done; }
# SCREENSHOT_DEBUG=dir keeps a picture of every step there
shot() { [ -z "${SCREENSHOT_DEBUG:-}" ] || import -window root "$SCREENSHOT_DEBUG/$1.png"; }

# A local connection to a JVM whose management agent was started by attach asks to retry without
# SSL; the dialog is centred in the (already resized) window. Without the dialog this click lands
# on a chart of the Overview tab and does nothing.
click 553 202 4            # "Insecure connection"
shot 1-connected
click 472 58 2             # the MBeans tab
# the tree, a node at a time (each expansion fetches MBean info, so give it time)
# (keys go to the window under the pointer: there is no window manager)
expand() { click "$1" "$2" 2; keys Right; sleep 3; }
expand 65 189              # psinfo: Agent, ProcessTable, SystemInfo
expand 108 222             # ProcessTable: Attributes, Operations
expand 97 237              # Attributes: Processes, ProcessCount, SnapshotTimeMillis
click 119 252 3            # Processes
double_click 990 116       # the Processes value: JConsole's tabular data viewer, one flat row
                           # (every item of the process) at a time, arrows to page through rows
shot 2-processes
import -window root docs/jconsole-processes.png

expand 101 297             # ProcessTable > Operations
shot 3-operations
xdotool mousemove 509 433 click --repeat 3 --delay 80 1   # topByCpu's n
keys ctrl+a 3
click 367 433 3            # invoke topByCpu(3): JConsole shows the result in a dialog
import -window root docs/jconsole-topbycpu.png

click 367 550 2            # close the result dialog
expand 101 418             # SystemInfo: Attributes
shot 4-systeminfo
click 97 433 4             # Attributes: every SystemInfo value with its name
import -window root docs/jconsole-systeminfo.png
echo "wrote docs/jconsole-processes.png, docs/jconsole-topbycpu.png and docs/jconsole-systeminfo.png"
