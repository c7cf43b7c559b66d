#!/usr/bin/env bash
# Measures start-up of the executable jar in embedded mode: a first start on an empty data
# directory, then a second start on the data the first one left. Prints the platform's own
# start-up report, the process's resident memory when ready, and the jar size.
# Usage: tools/measure-startup.sh [path/to/atrium.jar]   (build it first: ./mvnw -B -DskipTests install)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${1:-$root/designer-ui/target/atrium.jar}
[ -f "$jar" ] || { echo "no jar at $jar: run ./mvnw -B -DskipTests install first" >&2; exit 1; }

java_bin=java
if [ -n "${JAVA_HOME:-}" ]; then java_bin="$JAVA_HOME/bin/java"; fi
if ! "$java_bin" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for candidate in /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/java" ] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
      java_bin="$candidate/bin/java"
    fi
  done
fi

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

start_once() { # $1 = label
  local log="$data/$1.log"
  ATRIUM_ADMIN_PASSWORD=benchmark-chief-secret "$java_bin" -jar "$jar" --server.port=0 \
    --atrium.data-dir="$data/data" --atrium.embedded.mongodb.port=0 --atrium.embedded.zeebe.port=0 \
    >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 240); do
    if grep -q "Atrium started in" "$log"; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "start failed, see log:" >&2; tail -50 "$log" >&2; exit 1; fi
    sleep 0.25
  done
  local report rss
  report=$(grep -o "Atrium started in.*" "$log")
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  printf '%-7s %s; RSS %s MB\n' "$1" "$report" "$rss"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

"$java_bin" -version 2>&1 | head -n 1
echo "cores $(nproc), memory $(free -g | awk '/Mem:/ {print $2}') GiB"
start_once first
start_once second
echo "jar size $(du -m "$jar" | cut -f1) MB"
