#!/usr/bin/env bash
# Runs ClearGuard on the real-world corpus (corpus/projects.tsv) and compares the findings with
# corpus/labels.tsv. Usage (from anywhere):
#
#   bash corpus/run.sh [--check] [--rebuild] [PROJECT...]
#
#   PROJECT    only these projects (first column of projects.tsv); default: all
#   --check    make Compare fail on unlabelled findings, low precision or lost TPs
#   --rebuild  rebuild the checker jar even if checker/target has one
#
# Every download is cached under corpus/target/ (git-ignored): the sources jar, the module's pom
# and its resolved compile class path. Maven artifacts go to Maven's local repository as usual.
# Environment: JAVA_HOME (javac to use; default: javac on PATH), CORPUS_JOBS (parallel Maven
# resolutions, default 2), CORPUS_JAVAC_XMX (javac heap, default 3g).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CORPUS=$ROOT/corpus
TARGET=$CORPUS/target
MVN=("$ROOT/mvnw" -B -ntp -q)
JAVAC=${JAVA_HOME:+$JAVA_HOME/bin/}javac
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAR=${JAVA_HOME:+$JAVA_HOME/bin/}jar
JOBS=${CORPUS_JOBS:-2}
XMX=${CORPUS_JAVAC_XMX:-3g}
CHECKER_SRC=$ROOT/checker/target/clearguard-checker-0.1.0-SNAPSHOT.jar

check=() rebuild=0 only=()
for a in "$@"; do
  case $a in
    --check) check=(--check) ;;
    --rebuild) rebuild=1 ;;
    -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}"; exit 0 ;;
    -*) echo "run.sh: unknown option $a" >&2; exit 2 ;;
    *) only+=("$a") ;;
  esac
done

log() { printf '[corpus] %s\n' "$*" >&2; }
start=$SECONDS
mkdir -p "$TARGET"

# --- the checker -------------------------------------------------------------------------------
if [[ $rebuild == 1 || ! -f $CHECKER_SRC ]]; then
  log "building the checker jar"
  (cd "$ROOT" && "${MVN[@]}" -pl checker -am package -DskipTests)
fi
# A private copy: other builds may rewrite checker/target while the corpus compiles.
cp "$CHECKER_SRC" "$TARGET/clearguard-checker.jar"
CHECKER=$TARGET/clearguard-checker.jar

# --- the modules -------------------------------------------------------------------------------
declare -a ROWS=()
while IFS=$'\t' read -r project gav release options notes; do
  [[ -z $project || $project == \#* || $project == project ]] && continue
  if ((${#only[@]})); then
    keep=0; for p in "${only[@]}"; do [[ $p == "$project" ]] && keep=1; done
    ((keep)) || continue
  fi
  ROWS+=("$project"$'\t'"$gav"$'\t'"$release"$'\t'"${options:--}")
done < "$CORPUS/projects.tsv"
if ((${#only[@]})); then
  for p in "${only[@]}"; do
    printf '%s\n' "${ROWS[@]}" | cut -f1 | grep -qx -- "$p" || { echo "run.sh: no project '$p' in projects.tsv" >&2; exit 2; }
  done
fi

opt() {  # opt OPTIONS KEY -> value of KEY=value, or "1" for a bare KEY, or nothing
  local o IFS=,
  for o in $1; do
    [[ $o == "$2" ]] && { echo 1; return; }
    [[ $o == "$2="* ]] && { echo "${o#*=}"; return; }
  done
  return 0
}

moddir() { echo "$TARGET/modules/$1/${2//:/_}"; }

# Downloads the sources jar and the pom, resolves the compile class path. Cached: done once.
prepare() {
  local project=$1 gav=$2 options=$3 dir; dir=$(moddir "$project" "$gav")
  local g a v; IFS=: read -r g a v <<<"$gav"
  mkdir -p "$dir"
  if [[ ! -f $dir/sources.jar ]]; then
    "${MVN[@]}" dependency:copy -Dartifact="$gav:jar:sources" -DoutputDirectory="$dir/dl" \
      -Dmdep.overWriteReleases=true > "$dir/fetch.log" 2>&1 \
      || { cat "$dir/fetch.log"; echo "[corpus] ERROR: $gav: no sources jar" >&2; return 1; }
    mv "$dir/dl/$a-$v-sources.jar" "$dir/sources.jar"
  fi
  # The class path depends on the options: resolve again when they change.
  [[ -f $dir/cp.txt && "$(cat "$dir/options.txt" 2>/dev/null)" == "$options" ]] || rm -f "$dir/cp.txt"
  # ... and when a jar it names is gone (another Maven repository, a cleaned one).
  if [[ -f $dir/cp.txt ]]; then
    local j; while IFS= read -r j; do [[ -e $j ]] || { rm -f "$dir/cp.txt"; break; }; done < <(tr ':' '\n' < "$dir/cp.txt")
  fi
  if [[ ! -f $dir/cp.txt ]]; then
    # The module's own published pom is the project whose class path is resolved: its compile
    # class path (compile, provided and optional dependencies included, test ones not), without
    # the module's own jar.
    mkdir -p "$dir/pom"
    "${MVN[@]}" dependency:copy -Dartifact="$gav:pom" -DoutputDirectory="$dir/dl" > "$dir/fetch.log" 2>&1 \
      || { cat "$dir/fetch.log"; echo "[corpus] ERROR: $gav: no pom" >&2; return 1; }
    cp "$dir/dl/$a-$v.pom" "$dir/pom/pom.xml"
    (cd "$dir/pom" && "${MVN[@]}" dependency:build-classpath -Dmdep.includeScope=compile \
        -Dmdep.outputFile="$dir/cp.part" > "$dir/resolve.log" 2>&1) \
      || { cat "$dir/resolve.log"; echo "[corpus] ERROR: $gav: class path not resolved" >&2; return 1; }
    rm -f "$dir/cp.extra"
    local extra bom; extra=$(opt "$options" extra); bom=$(opt "$options" bom)
    if [[ -n $extra ]]; then
      mkdir -p "$dir/extra"
      {
        echo '<project><modelVersion>4.0.0</modelVersion>'
        echo '<groupId>corpus</groupId><artifactId>extra</artifactId><version>1</version><packaging>pom</packaging>'
        if [[ -n $bom ]]; then
          IFS=: read -r bg ba bv <<<"$bom"
          echo "<dependencyManagement><dependencies><dependency><groupId>$bg</groupId><artifactId>$ba</artifactId><version>$bv</version><type>pom</type><scope>import</scope></dependency></dependencies></dependencyManagement>"
        fi
        echo '<dependencies>'
        local x; for x in ${extra//+/ }; do
          IFS=: read -r xg xa xv <<<"$x"
          echo "<dependency><groupId>$xg</groupId><artifactId>$xa</artifactId>${xv:+<version>$xv</version>}</dependency>"
        done
        echo '</dependencies></project>'
      } > "$dir/extra/pom.xml"
      (cd "$dir/extra" && "${MVN[@]}" dependency:build-classpath -Dmdep.includeScope=compile \
          -Dmdep.outputFile="$dir/cp.extra" > "$dir/resolve-extra.log" 2>&1) \
        || { cat "$dir/resolve-extra.log"; echo "[corpus] ERROR: $gav: extra class path not resolved" >&2; return 1; }
    fi
    # Never the module's own binary jar ahead of its sources: the sources are what is compiled and
    # analysed. Option self appends it at the end, for the shaded classes some jars carry (javac
    # compiles the source files it is given; a class file of the same name is not read).
    local cp; cp=$(tr ':' '\n' < "$dir/cp.part" | grep -v -- "/$a-$v\.jar$" | grep . | paste -sd: || true)
    if [[ -n $(opt "$options" self) ]]; then
      "${MVN[@]}" dependency:copy -Dartifact="$gav" -DoutputDirectory="$dir/dl" > "$dir/fetch.log" 2>&1 \
        || { cat "$dir/fetch.log"; echo "[corpus] ERROR: $gav: no jar" >&2; return 1; }
      cp=${cp:+$cp:}$dir/dl/$a-$v.jar
    fi
    # The extra= artifacts come last: they only fill what the module's own class path lacks.
    if [[ -f $dir/cp.extra ]]; then
      cp=${cp:+$cp:}$(tr ':' '\n' < "$dir/cp.extra" | grep -v -- "/$a-$v\.jar$" | grep . | paste -sd:)
    fi
    printf '%s' "$cp" > "$dir/cp.txt"
    printf '%s' "$options" > "$dir/options.txt"
    rm -f "$dir/cp.part" "$dir/cp.extra"
  fi
}

log "resolving ${#ROWS[@]} rows (sources jars and class paths; cached under corpus/target)"
declare -A PIDS=()
fails=()
for row in "${ROWS[@]}"; do
  IFS=$'\t' read -r project gav release options <<<"$row"
  [[ -n $(opt "$options" skip) ]] && continue
  while (($(jobs -rp | wc -l) >= JOBS)); do wait -n || true; done
  prepare "$project" "$gav" "$options" & PIDS[$gav]=$!
done
for gav in "${!PIDS[@]}"; do wait "${PIDS[$gav]}" || fails+=("$gav (download or resolution)"); done
if ((${#fails[@]})); then
  printf '[corpus] ERROR: %s\n' "${fails[@]}" >&2; exit 1
fi

# --- compile each module with the plugin -------------------------------------------------------
projects=()
for row in "${ROWS[@]}"; do
  IFS=$'\t' read -r project gav release options <<<"$row"
  [[ " ${projects[*]-} " == *" $project "* ]] || projects+=("$project")
  g=${gav%%:*}; rest=${gav#*:}; a=${rest%%:*}
  if [[ -n $(opt "$options" skip) ]]; then log "skip  $project $a (projects.tsv: skip)"; continue; fi
  dir=$(moddir "$project" "$gav")
  out=$TARGET/findings/$project; mkdir -p "$out"
  json=$out/$a.json
  rm -f "$json"
  if [[ ! -f $dir/src/.unzipped ]]; then
    rm -rf "$dir/src"; mkdir -p "$dir/src"
    (cd "$dir/src" && "$JAR" xf ../sources.jar) && touch "$dir/src/.unzipped"
  fi
  # module-info.java would turn this into a module compilation; everything is on the class path.
  # Option only=P+Q compiles just the files under those paths (a jar that bundles other modules).
  only_re='.'; o=$(opt "$options" only); [[ -n $o ]] && only_re="^(${o//+/|})"
  (cd "$dir/src" && find . -name '*.java' ! -name module-info.java | sed 's#^\./##' \
    | grep -E -- "$only_re" | LC_ALL=C sort) > "$dir/files.txt" || true
  proc=(-proc:none); [[ -n $(opt "$options" proc) ]] && proc=()
  # --release hides JDK-internal APIs (sun.misc.Unsafe at 8); option source-target compiles with
  # -source/-target as the project's own build does.
  level=(--release "$release"); [[ -n $(opt "$options" source-target) ]] && level=(-source "$release" -target "$release")
  rm -rf "$dir/classes"; mkdir -p "$dir/classes"
  t0=$SECONDS
  set +e
  (cd "$dir/src" && "$JAVAC" ${CORPUS_JAVAC_OPTS:-} -J-Xmx"$XMX" "${level[@]}" "${proc[@]}" -implicit:none -nowarn \
      -encoding UTF-8 -Xmaxerrs 10000 -d "$dir/classes" -cp "$(cat "$dir/cp.txt")" \
      -processorpath "$CHECKER" "-Xplugin:ClearGuard json=$json" @"$dir/files.txt") > "$dir/javac.log" 2>&1
  rc=$?
  set -e
  rm -rf "$dir/classes"
  n=$(wc -l < "$dir/files.txt")
  if ((rc != 0)) || [[ ! -f $json ]]; then
    rm -f "$json"
    echo "[corpus] ERROR: $project $gav did not compile (javac exit $rc); javac said:" >&2
    grep -A3 ': error:' "$dir/javac.log" | head -60 >&2 || tail -40 "$dir/javac.log" >&2
    echo "[corpus] full log: $dir/javac.log" >&2
    fails+=("$project $gav (compilation)")
    continue
  fi
  log "done  $project $a: $n files, $(grep -o '"rule"' "$json" | wc -l) findings, $((SECONDS - t0)) s"
done

# --- compare -----------------------------------------------------------------------------------
cmp_args=(--labels "$CORPUS/labels.tsv" --findings "$TARGET/findings" "${check[@]}")
for p in "${projects[@]}"; do cmp_args+=(--project "$p"); done
set +e
"$JAVA" "$CORPUS/Compare.java" "${cmp_args[@]}"
crc=$?
set -e
log "total time $((SECONDS - start)) s"
if ((${#fails[@]})); then
  printf '[corpus] ERROR: %s\n' "${fails[@]}" >&2
  exit 1
fi
exit $crc
