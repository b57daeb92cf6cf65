#!/usr/bin/env bash
# Times clearguard:check against mvn compile on the same project, in the same run, alternating the
# two so that background load hits both alike. Each timing is a fresh Maven JVM from a clean target/,
# as in CI. Prints one line per run: label, wall seconds, CPU seconds (user + system), then the
# median of each.
#
#   maven-plugin/perf/measure.sh <projectDir> [rounds] [extra Maven options...]
#
# The plugin must be resolvable by that Maven: after `./mvnw -pl maven-plugin verify`, pass
#   -s <settings> -Dmaven.repo.local=maven-plugin/target/local-repo
# (the ITs' repository, which holds the plugin) or install the plugin into ~/.m2 first.
# MVN selects the Maven executable (default: mvn).
set -euo pipefail
project=$(cd "$1" && pwd)
rounds=${2:-5}
shift $(( $# >= 2 ? 2 : 1 ))
mvn_cmd=${MVN:-mvn}
results=$(mktemp)

time_one() { # label, then Maven arguments
  local label=$1; shift
  rm -rf "$project/target"
  if ! (cd "$project" && /usr/bin/time -f "$label %e %U %S" -a -o "$results" \
      "$mvn_cmd" -B -q -o "$@" >"$project/$label.log" 2>&1); then
    echo "$label failed; see $project/$label.log" >&2
    exit 1
  fi
  tail -1 "$results" | awk '{ printf "%s wall %.2f s, cpu %.2f s\n", $1, $2, $3 + $4 }'
}

for ((r = 1; r <= rounds; r++)); do
  time_one compile "$@" compile
  time_one check "$@" clearguard:check -Dclearguard.failOnViolation=false
done

for label in compile check; do
  grep "^$label " "$results" | awk '{ print $2, $3 + $4 }' | sort -n | awk -v l="$label" '
    { wall[NR] = $1; cpu[NR] = $2 }
    END { printf "median %s: wall %.2f s\n", l, wall[int((NR + 1) / 2)] }'
  grep "^$label " "$results" | awk '{ print $3 + $4 }' | sort -n | awk -v l="$label" '
    { v[NR] = $1 } END { printf "median %s: cpu %.2f s\n", l, v[int((NR + 1) / 2)] }'
done
rm -f "$results"
