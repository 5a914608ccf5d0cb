#!/usr/bin/env bash
# Runs a Prometheus server on 127.0.0.1:9090 scraping the demo (start examples/run-demo.sh first),
# with its data in a temporary directory. Needs the prometheus binary (Debian: apt-get install
# prometheus). Then open http://127.0.0.1:9090 and try the queries in docs/PROMETHEUS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
prometheus --config.file=examples/prometheus.yml --storage.tsdb.path="$data" \
  --web.listen-address=127.0.0.1:9090
