#!/usr/bin/env bash
# Short jcstress pass for CI: builds benchmarks/target/jcstress/jcstress.jar, runs every SnapshotMap
# contract and every ConcurrentHashMap control once, and fails unless
#   - every contract passed (no FORBIDDEN outcome observed, no error),
#   - every control passed AND showed the outcome its contract forbids at least once (the
#     control's ACCEPTABLE_INTERESTING outcome): proof that the race really can fail here.
#
# Usage (from anywhere):  bash benchmarks/jcstress-ci.sh
#   SKIP_BUILD=1       reuse an existing jar instead of running Maven
#   JCSTRESS_OPTS=...  replace the time budget below, e.g. JCSTRESS_OPTS="-m quick" for a much
#                      longer run with jcstress's JVM flag matrix and per-actor compilation modes
#
# The default budget: one JVM configuration (-jvmArgs switches off jcstress's flag matrix) with
# tiered compilation, one compilation mode for all actors (-sc false), 2 iterations of 500 ms per
# fork. On JDK 17 jcstress still runs every test twice (+/-UseBiasedLocking). 70-80 s for the
# build and the seven tests on 2 busy cores; each control then showed its forbidden outcome
# 68 to 2,400 times. With the eighth test (issue #14) the run alone took 55 s, the controls
# showing it 779 to 45,572 times; with the ninth (segments, also issue #14) 44 s, the controls
# showing it 6,821 to 61,328 times on an idle machine. See docs/benchmarks.md.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
jar="$root/benchmarks/target/jcstress/jcstress.jar"
work="$root/benchmarks/target/jcstress-run"
pkg="dev.clearguard.benchmarks.stress"
contracts=(SnapshotMapClearAtomicity SnapshotMapDrainLossless SnapshotMapFallbackDrainLossless SnapshotMapSegmentedDrainLossless SnapshotMapSwapAtomicity)
controls=(IterateRemoveClearControl ConcurrentHashMapClearControl UngatedSwapDrainControl ClearThenPutAllSwapControl)
default_opts="-m quick -iters 2 -time 500 -sc false -jvmArgs -XX:+TieredCompilation"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
start=$SECONDS

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "== building $jar"
  ./mvnw -B -q -Pjcstress -pl benchmarks -am package -DskipTests
fi

# A jar built without annotation processing (JDK 23+ without proc=full) has no tests in it and
# jcstress would happily "pass" an empty run: check the list first.
listed=$("$java" -jar "$jar" -l)
for t in "${contracts[@]}" "${controls[@]}"; do
  if ! grep -qx "$pkg.$t" <<<"$listed"; then
    echo "FAIL: $pkg.$t is not in $jar (was annotation processing skipped?)" >&2
    exit 1
  fi
done

all=("${contracts[@]}" "${controls[@]}")
filter="^${pkg//./\\.}\\.($(IFS='|'; echo "${all[*]}"))\$"
rm -rf "$work"
mkdir -p "$work"
cd "$work"
echo "== jcstress ${JCSTRESS_OPTS:-$default_opts} (results in ${work#"$root/"})"
# shellcheck disable=SC2086 # the options are meant to be split into words
"$java" -jar "$jar" -t "$filter" -r results -v ${JCSTRESS_OPTS:-$default_opts} >jcstress.out 2>&1 || {
  tail -50 jcstress.out >&2
  echo "FAIL: jcstress exited with an error" >&2
  exit 1
}

# One line per test from the final "RUN RESULTS" report (-v prints every test there, with its
# outcome table): name, label, sections it is listed in, samples of Interesting and Forbidden
# outcomes (counted once, from the first table printed for the test).
awk '
  /^RUN RESULTS:/ { run = 1; next }
  !run { next }
  /^  Interesting tests:/ { sec = "interesting"; next }
  /^  Failed tests:/ { sec = "failed"; next }
  /^  Error tests:/ { sec = "error"; next }
  /^  All remaining tests:/ { sec = "remaining"; next }
  /\[[A-Z ]+\] [A-Za-z0-9_.$]+$/ {
    name = $NF
    label = $(NF - 1)
    counting = !(name in lbl)
    if (counting) { order[++n] = name; lbl[name] = label; inter[name] = 0; forb[name] = 0 }
    secs[name] = secs[name] sec ","
    next
  }
  counting {
    for (i = 3; i <= NF; i++) {
      if ($i ~ /^(Acceptable|Interesting|Forbidden|Unknown)$/ && $(i - 1) ~ /%$/) {
        s = $(i - 2); gsub(/,/, "", s)
        if ($i == "Interesting") inter[name] += s
        if ($i == "Forbidden") forb[name] += s
        break
      }
    }
  }
  END { for (k = 1; k <= n; k++) print order[k], lbl[order[k]], secs[order[k]], inter[order[k]], forb[order[k]] }
' jcstress.out >verdicts.txt

status=0
printf '%-34s %-9s %-7s %13s %11s  %s\n' TEST ROLE RESULT INTERESTING FORBIDDEN VERDICT
check() {
  local role=$1 t=$2 line name label secs inter forb verdict=ok
  line=$(grep -F "$pkg.$t " verdicts.txt || true)
  if [[ -z "$line" ]]; then
    printf '%-34s %-9s %-7s %13s %11s  %s\n' "$t" "$role" - - - "FAIL: did not run"
    status=1
    return
  fi
  read -r name label secs inter forb <<<"$line"
  if [[ "$secs" == *failed* || "$secs" == *error* || "$label" != "[OK]" ]]; then
    verdict="FAIL: $label"
  elif [[ "$role" == control && "$inter" -eq 0 ]]; then
    verdict="FAIL: forbidden outcome never observed, the race did not happen"
  fi
  [[ "$verdict" == ok ]] || status=1
  printf '%-34s %-9s %-7s %13s %11s  %s\n' "$t" "$role" "$label" "$inter" "$forb" "$verdict"
}
for t in "${contracts[@]}"; do check contract "$t"; done
for t in "${controls[@]}"; do check control "$t"; done

echo "== $((SECONDS - start)) s; full report: ${work#"$root/"}/jcstress.out, results/index.html"
if [[ $status -ne 0 ]]; then
  echo "FAIL: see the table above" >&2
fi
exit $status
