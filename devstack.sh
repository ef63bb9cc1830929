#!/usr/bin/env bash
# Runs the whole of Herstel locally: embedded PostgreSQL 17, Kafka (KRaft), the token service and
# the five Liberty servers. Works from any directory. Options: see --help.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The project root is the nearest directory upwards that holds mvnw (this script may live in
# devstack/ or at the root).
root="$here"
while [[ ! -x "$root/mvnw" && "$root" != "/" ]]; do root="$(dirname "$root")"; done
if [[ ! -x "$root/mvnw" ]]; then
  echo "devstack.sh: cannot find the project root (no mvnw above $here)" >&2
  exit 2
fi

build=false
for arg in "$@"; do
  [[ "$arg" == "--build" ]] && build=true
done

shopt -s nullglob
jars=("$root"/devstack/target/devstack-*.jar)
cpfile="$root/devstack/target/classpath.txt"
if $build || [[ ${#jars[@]} -eq 0 || ! -f "$cpfile" || ! -d "$root/target/liberty/wlp" ]]; then
  echo "Building Herstel (./mvnw -q package -DskipTests) ..."
  (cd "$root" && ./mvnw -q package -DskipTests)
  jars=("$root"/devstack/target/devstack-*.jar)
fi
if [[ ${#jars[@]} -eq 0 || ! -f "$cpfile" ]]; then
  echo "devstack.sh: build did not produce devstack/target/devstack-*.jar and classpath.txt" >&2
  exit 2
fi

args=()
for arg in "$@"; do
  [[ "$arg" == "--build" ]] || args+=("$arg")
done

cd "$root"
exec java ${DEVSTACK_JAVA_OPTS:-} -Dherstel.root="$root" \
  -cp "${jars[0]}:$(cat "$cpfile")" nl.herstel.devstack.DevstackMain ${args[@]+"${args[@]}"}
