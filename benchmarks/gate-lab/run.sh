#!/usr/bin/env bash
# The write-gate variants compared for issue #14, outside the Maven build (they are experiments,
# not product code; one of them is deliberately unsound, as the lower bound). Compiles lab/*.java
# against JMH 1.37 from the local Maven repository and runs GateBench with the given JMH options:
#   bash benchmarks/gate-lab/run.sh 'GateBench.put$' -f 3 -wi 3 -i 5 -w 1s -r 1s
set -euo pipefail
cd "$(dirname "$0")"
m2="${M2_REPO:-$HOME/.m2/repository}"
# SnapshotMap itself, for the "real" variant: build it first (./mvnw -q -pl runtime compile).
runtime="$(cd .. && cd .. && pwd)/runtime/target/classes"
cp="$runtime:$m2/org/openjdk/jmh/jmh-core/1.37/jmh-core-1.37.jar:$m2/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar:$m2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
out=$(mktemp -d)
javac -d "$out" -cp "$cp" -processorpath "$cp:$m2/org/openjdk/jmh/jmh-generator-annprocess/1.37/jmh-generator-annprocess-1.37.jar" lab/*.java
java -cp "$out:$cp" org.openjdk.jmh.Main "$@"
