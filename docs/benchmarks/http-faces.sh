#!/usr/bin/env bash
# Times POST /api/faces/detect and /api/faces/compare on a running FaceGate, end to end over HTTP.
# usage: docs/benchmarks/http-faces.sh <base-url> <client-access-token> [runs]
# Prints the median and p90 wall time (ms) of each endpoint over <runs> calls (default 30), after 3 warm-up calls.
set -euo pipefail
base=$1 token=$2 runs=${3:-30}
frame="$(dirname "$0")/../../../shared/data/camera-stream/frames_blink_vga/frame_0001.jpg"
other="$(dirname "$0")/../../../shared/data/camera-stream/frames_blink_vga/frame_0030.jpg"
time_calls() {
  for i in $(seq 1 $((runs + 3))); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$@"
  done | tail -n "$runs" | sort -n | awk '{a[NR]=$1*1000} END {printf "median %.1f ms, p90 %.1f ms (n=%d)\n", a[int((NR+1)/2)], a[int(NR*0.9)], NR}'
}
echo "detect  (640x480 JPEG, one face): $(time_calls -F image=@"$frame" "$base/api/faces/detect")"
echo "compare (two 640x480 JPEGs):      $(time_calls -F source_image=@"$frame" -F target_image=@"$other" "$base/api/faces/compare")"
