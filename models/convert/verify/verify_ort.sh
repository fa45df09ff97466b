#!/usr/bin/env bash
# Optional: compare models/*.pt (TorchScript, batched) with the original
# models/onnx/*.onnx run by ONNX Runtime 1.22.0 (npm onnxruntime-node, CPU),
# on the committed fixtures, seeded noise and, if given, real photos.
#
#   bash models/convert/verify/verify_ort.sh [IMAGE.jpg ...]
#
# Needs: node + npm, Debian python3-torch python3-numpy python3-pil.
# Fetches onnxruntime-node@1.22.0 into a temporary directory (npm, with
# --ignore-scripts: the CPU binaries ship inside the package).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODELS="$(cd "$HERE/../.." && pwd)"
PY=/usr/bin/python3
die() { echo "verify_ort.sh: ERROR: $*" >&2; exit 1; }
command -v node >/dev/null && command -v npm >/dev/null || die "node and npm are needed"
"$PY" -c 'import torch, numpy, PIL' 2>/dev/null || die "apt-get install -y python3-torch python3-numpy python3-pil"

WORK="$(mktemp -d)"
if [ -z "${KEEP_WORK:-}" ]; then trap 'rm -rf "$WORK"' EXIT; else echo "work dir: $WORK"; fi
(cd "$WORK" && npm init -y >/dev/null && npm install --silent --ignore-scripts --no-audit --no-fund onnxruntime-node@1.22.0 >/dev/null) \
  || die "could not fetch onnxruntime-node@1.22.0"
"$PY" "$HERE/verify.py" prepare "$WORK/cases" "$@"
NODE_PATH="$WORK/node_modules" node "$HERE/verify_ort.js" "$MODELS" "$WORK/cases"
"$PY" "$HERE/verify.py" compare "$WORK/cases"
