#!/usr/bin/env bash
# Interleaved javac wall-time measurement: with and without -Xplugin:ClearGuard.
#
# Usage: measure.sh <label> <java-home> <runs> <results.csv> <plugin-jar> -- <javac args...>
#
# Both variants get the same arguments, including `-J-Xmx2g -processorpath <plugin-jar>`;
# only `-Xplugin:ClearGuard` differs. One warm-up run (not recorded), then <runs> rounds of
# A (baseline) then B (plugin), each into a fresh output directory. Every run appends one CSV
# row: label,variant,round,wall_s,user_s,sys_s,maxrss_kb,load1,exit. `summarize.py` prints the
# table. The javac arguments must not contain -d (the script adds one).
set -euo pipefail
label=$1 jhome=$2 runs=$3 csv=$4 jar=$5
shift 5
[[ ${1:-} == -- ]] && shift
javac="$jhome/bin/javac"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[[ -s $csv ]] || echo "label,variant,round,wall_s,user_s,sys_s,maxrss_kb,load1,exit" > "$csv"

run() { # variant round
  local variant=$1 round=$2 out="$work/out" t="$work/time" plugin=() rc=0 load
  shift 2
  rm -rf "$out" && mkdir -p "$out"
  [[ $variant == plugin ]] && plugin=(-Xplugin:ClearGuard)
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -o "$t" -f "%e,%U,%S,%M" "$javac" -J-Xmx2g -processorpath "$jar" "${plugin[@]}" \
    -d "$out" "$@" > "$work/log" 2>&1 || rc=$?
  [[ $round == warmup ]] || echo "$label,$variant,$round,$(tail -1 "$t"),$load,$rc" >> "$csv"
  echo "$label $variant $round: $(tail -1 "$t") load=$load rc=$rc" >&2
  if [[ $rc != 0 ]]; then tail -20 "$work/log" >&2; exit 1; fi
}

run baseline warmup "$@" # each javac is a fresh JVM: the warm-up only fills the page cache
for ((i = 1; i <= runs; i++)); do
  run baseline "$i" "$@"
  run plugin "$i" "$@"
done
