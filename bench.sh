#!/usr/bin/env bash
# Runs every benchmark of Herstel in one go and prints one table (markdown and JSON under
# target/bench/): the BIA, readiness, plan bundle and management report benchmarks on their
# services, and the intake benchmark on a whole devstack next to pgbench on the same PostgreSQL.
#
#   ./bench.sh            the full run (about 20 minutes on 2 cores)
#   ./bench.sh --short    the same benchmarks at a hundredth of their size: proves they run
#   ./bench.sh --scale 0.2   a full run at a fifth of the size
#   ./bench.sh -- -Dherstel.it.http.port=9280   anything after -- goes to Maven as it is
#
# pgbench comes from Debian's PostgreSQL server package; when it is missing and this runs as
# root with apt-get, it is installed first. Without it the intake is compared with the same
# single-row INSERTs over JDBC, and the table says so.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

mode=true
scale=1
maven=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --) shift; maven=("$@"); break ;;
    --short) mode=short ;;
    --scale) scale="$2"; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

find_pgbench() {
  command -v pgbench 2>/dev/null && return 0
  ls -1d /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1 | grep . && return 0
  return 1
}
pgbench="$(find_pgbench || true)"
if [[ -z "$pgbench" && "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
  echo "Installing pgbench (Debian's postgresql package) ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends postgresql >/dev/null \
    || echo "bench.sh: could not install pgbench; the intake is compared with JDBC inserts" >&2
  pgbench="$(find_pgbench || true)"
fi

out="$root/target/bench"
rm -rf "$out"
mkdir -p "$out"
set +e
./mvnw -B verify -pl bia-service,plan-service,lessons-service,e2e -am \
  -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='*BenchmarkIT,EventChainIT' -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dherstel.benchmark="$mode" -Dherstel.benchmark.scale="$scale" \
  -Dherstel.pgbench="$pgbench" -Dherstel.bench.out="$out/figures.jsonl" ${maven[@]+"${maven[@]}"} \
  2>&1 | tee "$out/build.log" | grep --line-buffered -E "BENCHMARK|BUILD|ERROR"
status="${PIPESTATUS[0]}"
set -e
if [[ "$status" != 0 ]]; then
  echo "bench.sh: the build failed; see $out/build.log" >&2
  exit 1
fi

shopt -s nullglob
jars=(devstack/target/devstack-*.jar)
java -cp "${jars[0]}:$(cat devstack/target/classpath.txt)" nl.herstel.devstack.testing.BenchTable \
  "$out/figures.jsonl"
