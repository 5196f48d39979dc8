#!/usr/bin/env bash
# JMH: the SLC pipeline's own CPU cost per turn (instant in-memory models, no HTTP, no database),
# for 1, 4 and 24 concepts in scope. Prints p50/p99 per turn. Results: docs/BENCHMARKS.md.
#   scripts/bench/pipeline-overhead.sh [extra JMH args, e.g. -p concepts=4]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/scripts/lib/common.sh"
cd "$ROOT"
mkdir -p target
mvn -B -q install -DskipTests -pl domain,db-migrations -am >/dev/null
mvn -B -q test-compile -pl inference-ejb
mvn -B -q dependency:build-classpath -pl inference-ejb -Dmdep.includeScope=test -Dmdep.outputFile="$ROOT/target/bench.classpath" >/dev/null
CP=$(cat "$ROOT/target/bench.classpath")
exec java -Dai.djl.offline=true -cp "inference-ejb/target/test-classes:inference-ejb/target/classes:$CP" \
  org.openjdk.jmh.Main PipelineOverheadBenchmark -rf json -rff target/pipeline-overhead.json "$@"
