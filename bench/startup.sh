#!/usr/bin/env bash
# Benchmark: time from `./blueprint up` to every component ready, and the resident memory of
# every process the run started (children included), then `./blueprint down`.
# Usage: bench/startup.sh [runs]   (BLUEPRINT_HOME defaults to target/bench-home; a clean one
# each run unless KEEP_STATE=1, so the first `up` after a build is what is measured)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1}
export BLUEPRINT_HOME=${BLUEPRINT_HOME:-$PWD/target/bench-home}
for run in $(seq 1 "$runs"); do
  [ "${KEEP_STATE:-0}" = 1 ] || rm -rf "$BLUEPRINT_HOME"
  start=$(date +%s.%N)
  ./blueprint up > /tmp/bench-up.out 2>&1 || { cat /tmp/bench-up.out; exit 1; }
  end=$(date +%s.%N)
  python3 - "$BLUEPRINT_HOME/run/state.json" "$start" "$end" <<'PY'
import json, os, sys
state = json.load(open(sys.argv[1]))
def children(pid):
    out = []
    for p in os.listdir('/proc'):
        if p.isdigit():
            try:
                fields = open(f'/proc/{p}/stat').read().rsplit(')', 1)[1].split()
                if int(fields[1]) == pid:
                    out.append(int(p)); out += children(int(p))
            except OSError:
                pass
    return out
def rss_kib(pid):
    try:
        for line in open(f'/proc/{pid}/status'):
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0
total = 0
rows = []
for c in state['components']:
    if c.get('external') or not c.get('pid'):
        continue
    pids = [c['pid']] + children(c['pid'])
    kib = sum(rss_kib(p) for p in pids)
    total += kib
    rows.append((c['name'], kib / 1024, c.get('readySeconds')))
for name, mib, ready in rows:
    print(f"{name:<14} {mib:8.0f} MiB   ready after {ready} s")
print(f"up: {float(sys.argv[3]) - float(sys.argv[2]):.1f} s wall; total resident {total / 1024 / 1024:.2f} GiB over {len(rows)} components")
PY
  ./blueprint down > /dev/null
done
