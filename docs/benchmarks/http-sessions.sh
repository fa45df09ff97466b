#!/usr/bin/env bash
# Times POST /api/auth/process-image/ on a running FaceGate, end to end over HTTP (curl, multipart, loopback).
# usage: docs/benchmarks/http-sessions.sh <base-url> <client-access-token> [runs]
# 1. enrollment frames: one session with target_samples 10, fed consecutive 640x480 webcam frames;
# 2. identification frames: <runs> sessions (require_liveness false), one frame each: the decisive frame,
#    including the 1:N search over the client's gallery.
# Prints the median and p90 wall time (ms) of the frame calls (session creation is not counted).
set -euo pipefail
base=$1 token=$2 runs=${3:-30}
frames="$(dirname "$0")/../../../shared/data/camera-stream/frames_blink_vga"
auth=(-H "Authorization: Bearer $token")
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
stats() { sort -n | awk '{a[NR]=$1*1000} END {printf "median %.1f ms, p90 %.1f ms (n=%d)\n", a[int((NR+1)/2)], a[int(NR*0.9)], NR}'; }
frame_time() { curl -s -o /dev/null -w '%{time_total}\n' "${auth[@]}" -F session_token="$1" -F image=@"$2" "$base/api/auth/process-image/"; }

user="bench-$(date +%s)"
token_enroll=$(curl -s "${auth[@]}" -H 'Content-Type: application/json' \
  -d "{\"user_id\":\"$user\",\"target_samples\":10}" "$base/api/auth/enrollment/" | field session_token)
echo "enrollment frames:     $(for i in $(seq -w 1 10); do frame_time "$token_enroll" "$frames/frame_00$((10#$i + 10)).jpg"; done | stats)"

echo "identification frame:  $(for i in $(seq 1 "$runs"); do
  t=$(curl -s "${auth[@]}" -H 'Content-Type: application/json' -d '{"require_liveness":false}' "$base/api/auth/authentication/" | field session_token)
  frame_time "$t" "$frames/frame_00$((i % 60 + 20)).jpg"
done | stats)"
