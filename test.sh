#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run calls this script):
#   1. ./mvnw verify: every module's unit tests, the samples' golden findings on JDK 17 and 25,
#      the Maven plugin's invoker ITs, the runtime's conformance suite and Nullness Checker, and
#      the google-java-format check;
#   2. Error Prone compiling the samples through docs/guide-errorprone.md's set-up: 2.52.0 on JDK 25,
#      and 2.42.0 (the newest that runs on JDK 17) on the default JDK 17;
#   3. a short jcstress pass: SnapshotMap's contracts hold, and each ConcurrentHashMap control shows
#      the race it exists to show;
#   4. ClearGuard on two released projects of the real-world corpus (apollo, kafka-clients): they
#      compile with the plugin and every finding matches its reviewed label (corpus/README.md).
# Needs JDK 17 as the default java and JDK 25 at /usr/lib/jvm/temurin-25-jdk-amd64 (override with
# CLEARGUARD_JDK25). Takes 8 to 11 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")"

./mvnw -B -ntp verify
bash checker/src/it/errorprone-jdk25/run.sh 2.52.0
bash checker/src/it/errorprone-jdk25/run.sh 2.42.0 "$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
bash benchmarks/jcstress-ci.sh
bash corpus/run.sh --check apollo kafka
echo "test.sh: all suites passed"
