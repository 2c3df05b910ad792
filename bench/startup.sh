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
def memory_kib(pid, field):
    # Rss counts pages shared between processes (PostgreSQL's shared buffers) once per process;
    # Pss divides each shared page among its sharers, so Pss adds up to the real total.
    try:
        for line in open(f'/proc/{pid}/smaps_rollup'):
            if line.startswith(field + ':'):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0
total_rss = total_pss = 0
rows = []
for c in state['components']:
    if c.get('external') or not c.get('pid'):
        continue
    pids = [c['pid']] + children(c['pid'])
    rss = sum(memory_kib(p, 'Rss') for p in pids)
    pss = sum(memory_kib(p, 'Pss') for p in pids)
    total_rss += rss
    total_pss += pss
    rows.append((c['name'], len(pids), rss / 1024, pss / 1024, c.get('readySeconds')))
print(f"{'component':<14} {'procs':>5} {'RSS MiB':>8} {'PSS MiB':>8}  ready after")
for name, procs, rss, pss, ready in rows:
    print(f"{name:<14} {procs:5d} {rss:8.0f} {pss:8.0f}  {ready} s")
print(f"up: {float(sys.argv[3]) - float(sys.argv[2]):.1f} s wall; resident memory over {len(rows)} components: "
      f"{total_pss / 1024 / 1024:.2f} GiB proportional (PSS), {total_rss / 1024 / 1024:.2f} GiB summed RSS")
PY
  ./blueprint down > /dev/null
done
