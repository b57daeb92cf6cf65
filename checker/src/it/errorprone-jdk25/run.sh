#!/usr/bin/env bash
# Proves ClearGuard's Error Prone checks with one Error Prone version on one JDK (default: 2.52.0 on
# JDK 25), through the Maven set-up that docs/guide-errorprone.md documents (this directory's pom.xml
# and .mvn/jvm.config), compiling a copy of the samples' sources:
#   1. suggestions: the [RuleName] notes (the checks' default severity, SUGGESTION, which -Werror
#      does not count) equal samples/expected-findings.txt, file by file, line by line;
#   2. -Xep:IterateRemoveClear:ERROR fails the build with exactly those findings as errors;
#   3. -XepPatchChecks/-XepPatchLocation:IN_PLACE applies the suggested fixes, the patched sources
#      compile, and only the findings the fixer leaves manual remain (expected-after-patch.txt:
#      SnapshotMap is not on this class path);
#   4. the patched sources equal, byte for byte, the plain plugin's -Xplugin:"ClearGuard patch=..."
#      applied with git apply: Error Prone's suggested fixes are the fixer's rewrites.
# It first checks that docs/guide-errorprone.md shows exactly this set-up.
# Usage: checker/src/it/errorprone-jdk25/run.sh [ERROR_PRONE_VERSION [JDK_HOME]]
#   default: 2.52.0 on $CLEARGUARD_JDK25 (default /usr/lib/jvm/temurin-25-jdk-amd64); test.sh also
#   runs "2.42.0 <JDK 17>", the newest Error Prone that runs on JDK 17. JDK 17 is the default java
#   (it builds the checker). Takes about a minute and a half per run.
set -euo pipefail

IT="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$IT/../../../.." && pwd)"
EP_VERSION="${1:-2.52.0}"
JDK="${2:-${CLEARGUARD_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}}"
# Every rule has its page (CatalogueTest checks both ways), so the pages name the checks.
RULES="$(cd "$ROOT/docs/rules" && ls *.md | sed 's/\.md$//' | paste -sd '|' -)"
# A rule whose page shows no automatic fix offers none (CatalogueTest checks that too): patching
# leaves all of its findings, on top of those expected-after-patch.txt lists.
MANUAL_RULES="$(cd "$ROOT/docs/rules" && { grep -L '^### Applied automatically' *.md || true; } \
  | sed 's/\.md$//' | paste -sd '|' -)"
# The samples are not written for Error Prone's own GuardedBy check, whose errors would stop the
# build before ours are compared (QuotaLedger calls an unannotated helper under its lock).
BASE_FLAGS='-Xep:GuardedBy:WARN'

# The guide documents this directory's set-up: its snippets must not drift from what is tested here.
GUIDE="$ROOT/docs/guide-errorprone.md"
while IFS= read -r flag; do
  grep -qxF -- "$flag" "$GUIDE" || { echo "FAILED: $GUIDE lacks the jvm.config line $flag" >&2; exit 1; }
done <"$IT/.mvn/jvm.config"
plugin_block() { sed -n "$2" "$1" | sed -E 's/^[[:space:]]+//'; }
diff <(plugin_block "$IT/pom.xml" '/<plugin>/,/<\/plugin>/p') \
  <(plugin_block "$GUIDE" '/^<plugin>/,/^<\/plugin>/p') \
  || { echo "FAILED: the guide's maven-compiler-plugin snippet differs from $IT/pom.xml" >&2; exit 1; }

[ -x "$JDK/bin/javac" ] || { echo "no JDK at $JDK (set CLEARGUARD_JDK25, or pass one)" >&2; exit 1; }
echo "Error Prone $EP_VERSION on $("$JDK/bin/java" -version 2>&1 | head -1)"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# This run's own local repository, in front of the usual one (read, never written): the jar it
# installs is the one it checks, even while another clone's build installs its own.
REPO=(-Dmaven.repo.local="$WORK/m2" -Dmaven.repo.local.tail="${CLEARGUARD_M2:-$HOME/.m2/repository}")

# The checker jar in the local repository, where a user's build finds it (built with JDK 17).
"$ROOT/mvnw" -B -ntp -q -f "$ROOT/pom.xml" "${REPO[@]}" -pl rules,checker -am install -DskipTests
# The self-contained jar just installed, for step 4's plain -Xplugin:ClearGuard compilation.
cp "$(ls "$ROOT"/checker/target/clearguard-checker-*.jar | grep -v -- '-sources\.jar$' | head -1)" \
  "$WORK/clearguard-checker.jar"
cp -r "$IT/pom.xml" "$IT/.mvn" "$WORK/"
mkdir -p "$WORK/src/main" "$WORK/plain/src/main"
cp -r "$ROOT/samples/src/main/java" "$WORK/src/main/"
cp -r "$ROOT/samples/src/main/java" "$WORK/plain/src/main/"

# Runs the user's build on the chosen JDK with extra Error Prone flags; prints Maven's output.
build() {
  JAVA_HOME="$JDK" "$ROOT/mvnw" -B -ntp -f "$WORK/pom.xml" "${REPO[@]}" clean compile \
    "-Derrorprone.version=$EP_VERSION" "-Derrorprone.flags=$BASE_FLAGS $1" 2>&1 || true
}

# "path:line:Rule" for each ClearGuard diagnostic of the given Maven level, sorted.
findings() {
  sed -nE "s#^\[$2\] $WORK/(src/main/java/[^:]+\.java):\[([0-9]+),[0-9]+\] \[($RULES)\].*#\1:\2:\3#p" "$1" \
    | sort -u
}

fail() {
  echo "FAILED: $1" >&2
  [ -n "${2:-}" ] && cat "$2" >&2
  exit 1
}

expected="$(grep -v '^\s*$' "$ROOT/samples/expected-findings.txt" | sort -u)"

echo "== 1. suggestions (notes) equal the golden findings"
build "" >"$WORK/warn.log"
grep -q 'BUILD SUCCESS' "$WORK/warn.log" || fail "the build failed" "$WORK/warn.log"
diff <(echo "$expected") <(findings "$WORK/warn.log" INFO) \
  || fail "Error Prone's findings differ from samples/expected-findings.txt (< expected, > actual)"

echo "== 2. -Xep:IterateRemoveClear:ERROR fails the build at those findings"
build "-Xep:IterateRemoveClear:ERROR" >"$WORK/error.log"
grep -q 'BUILD FAILURE' "$WORK/error.log" || fail "the build did not fail" "$WORK/error.log"
diff <(echo "$expected" | grep ':IterateRemoveClear$') <(findings "$WORK/error.log" ERROR) \
  || fail "the errors are not the IterateRemoveClear findings (< expected, > actual)"

echo "== 3. -XepPatchChecks applies the fixes in place; the patched code compiles"
build "-XepPatchChecks:$(echo "$RULES" | tr '|' ',') -XepPatchLocation:IN_PLACE" >"$WORK/patch.log"
grep -q 'BUILD SUCCESS' "$WORK/patch.log" || fail "the patching build failed" "$WORK/patch.log"
build "" >"$WORK/after.log"
grep -q 'BUILD SUCCESS' "$WORK/after.log" || fail "the patched sources do not compile" "$WORK/after.log"
diff <({ grep -v '^\s*$' "$IT/expected-after-patch.txt"
        [ -z "$MANUAL_RULES" ] || echo "$expected" | grep -E ":($MANUAL_RULES)\$" | sed -E 's/:[0-9]+:/:/'
      } | sort) \
  <(findings "$WORK/after.log" INFO | sed -E 's/:[0-9]+:/:/' | sort) \
  || fail "findings after patching differ from expected-after-patch.txt (< expected, > actual)"
grep -q 'memo.clear();' "$WORK/src/main/java/dev/clearguard/samples/cache/MemoCache.java" \
  || fail "MemoCache's loop was not replaced by memo.clear()"

echo "== 4. the patched sources equal the plain plugin's patch= applied to the same sources"
(
  cd "$WORK/plain"
  git init -q .
  find src/main/java -name '*.java' | sort >sources.txt
  "$JDK/bin/javac" --release 17 -proc:none -d classes -processorpath "$WORK/clearguard-checker.jar" \
    "-Xplugin:ClearGuard patch=$WORK/plain.patch" @sources.txt >"$WORK/plain.log" 2>&1 \
    || fail "the plain plugin's compilation failed" "$WORK/plain.log"
  [ -s "$WORK/plain.patch" ] || fail "the plain plugin wrote an empty patch" "$WORK/plain.log"
  git apply "$WORK/plain.patch" || fail "git apply did not take the plain plugin's patch"
)
diff -r "$WORK/plain/src/main/java" "$WORK/src/main/java" \
  || fail "Error Prone's patched sources differ from the plain plugin's patch (< patch=, > Error Prone)"

echo "OK: Error Prone $EP_VERSION on $(basename "$JDK") reports ClearGuard's findings and applies exactly the fixer's rewrites"
