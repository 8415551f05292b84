#!/usr/bin/env bash
# Hosts per platform, busiest first: every page of the combined hosts
# endpoint as NDJSON (one host per line), counted with jq. An optional FQL
# filter narrows the hosts, e.g. "status:'contained'".
#
#   examples/hosts-by-platform.sh ["FQL filter"]
#
# Needs jq, and talon credentials (a profile or FALCON_* variables; the
# simulator works: see the README). TALON=./bin/talon runs a local build.
set -euo pipefail

talon="${TALON:-talon}"
filter="${1:-}"
args=(request /devices/combined/devices/v1 -q limit=500 -q "fields=device_id,hostname,platform_name" --all --output ndjson)
if [[ -n "$filter" ]]; then args+=(-q "filter=$filter"); fi

"$talon" "${args[@]}" |
  jq -r -s '
    group_by(.platform_name)
    | map({ platform: (.[0].platform_name // "unknown"), hosts: length })
    | sort_by(-.hosts, .platform)
    | .[]
    | "\(.platform)\t\(.hosts)"'
