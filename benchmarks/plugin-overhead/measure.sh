#!/usr/bin/env bash
# Interleaved javac wall-time measurement: with and without -Xplugin:ClearGuard.
#
# Usage: measure.sh <label> <java-home> <runs> <results.csv> <plugin-jar> -- <javac args...>
#
# Every variant gets the same arguments, including `-J-Xmx2g -processorpath <plugin-jar>`;
# only the -Xplugin option differs: none for `baseline`, `-Xplugin:ClearGuard` for `plugin`,
# and for `listener` ClearGuard with every rule disabled, which is the cost of having a javac
# TaskListener at all (javac then keeps comments and end positions for every tree). The
# variants run are those in $VARIANTS (default "baseline plugin"), in that order in each round.
# One warm-up run (not recorded), then <runs> rounds, each run into a fresh output directory.
# Every run appends one CSV row: label,variant,round,wall_s,user_s,sys_s,maxrss_kb,load1,exit.
# `summarize.py` prints the table. The javac arguments must not contain -d (the script adds one).
#
# LAUNCH=api runs each compilation through the javax.tools API with a diagnostic collector
# (ApiCompile.java, compiled first), as build tools such as Maven run javac, instead of the
# javac launcher; the JVM options are the same (-Xmx2g).
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
  case $variant in
    baseline) ;;
    plugin) plugin=(-Xplugin:ClearGuard) ;;
    listener)
      plugin=("-Xplugin:ClearGuard disable=IterateRemoveClear,ClearThenRefill,UnsafeMapReassignment,SyncOnReassignedMap")
      ;;
    *) echo "unknown variant $variant: baseline, plugin or listener" >&2 && exit 2 ;;
  esac
  load=$(cut -d' ' -f1 /proc/loadavg)
  local launch=("$javac" -J-Xmx2g)
  [[ ${LAUNCH:-cli} == api ]] && launch=("$jhome/bin/java" -Xmx2g -cp "$work/harness" ApiCompile)
  /usr/bin/time -o "$t" -f "%e,%U,%S,%M" "${launch[@]}" -processorpath "$jar" "${plugin[@]}" \
    -d "$out" "$@" > "$work/log" 2>&1 || rc=$?
  [[ $round == warmup ]] || echo "$label,$variant,$round,$(tail -1 "$t"),$load,$rc" >> "$csv"
  echo "$label $variant $round: $(tail -1 "$t") load=$load rc=$rc" >&2
  if [[ $rc != 0 ]]; then tail -20 "$work/log" >&2; exit 1; fi
}

case ${LAUNCH:-cli} in
  cli) ;;
  api) "$javac" -d "$work/harness" "$(dirname "$0")/ApiCompile.java" ;;
  *) echo "LAUNCH must be cli or api, not $LAUNCH" >&2 && exit 2 ;;
esac
run baseline warmup "$@" # each javac is a fresh JVM: the warm-up only fills the page cache
read -r -a variants <<< "${VARIANTS:-baseline plugin}"
for ((i = 1; i <= runs; i++)); do
  for variant in "${variants[@]}"; do
    run "$variant" "$i" "$@"
  done
done
