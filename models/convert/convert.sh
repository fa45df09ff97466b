#!/usr/bin/env bash
# Reproducibly convert the ONNX face models of the npm package
# faceplugin-face-recognition-js@0.0.1 (MIT) to TorchScript.
#
#   bash models/convert/convert.sh
#
# Needs (installs nothing itself):
#   - npm (to fetch the package tarball from the npm registry)
#   - Debian 12 apt packages: python3-torch python3-onnx python3-numpy
#       apt-get install -y python3-torch python3-onnx python3-numpy
#     run with Debian's interpreter /usr/bin/python3 (not a pyenv/venv python).
#
# Writes, relative to the repository root:
#   models/<name>.pt                 TorchScript models (DJL's PyTorch engine)
#   models/<name>.onnx               the ONNX graphs with a symbolic batch (DJL's ONNX Runtime engine)
#   models/onnx/<name>.onnx          the original ONNX files, copied unchanged
#   models/THIRD-PARTY-LICENSE-faceplugin.txt  the package's MIT licence
#   models/convert/fixtures/*        seeded inputs + expected outputs
# and prints the sha256 of every file it wrote.
set -euo pipefail

PKG="faceplugin-face-recognition-js@0.0.1"
TGZ="faceplugin-face-recognition-js-0.0.1.tgz"
TGZ_SHA256="7ea06031d9a3f83753254fcff60506a07b81b46fc84d4ee024cd041f260ec1ba"
MODELS="fr_detect fr_landmark fr_feature fr_liveness fr_eye fr_pose"
PY=/usr/bin/python3

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$(cd "$HERE/.." && pwd)"     # models/

die() { echo "convert.sh: ERROR: $*" >&2; exit 1; }

command -v npm >/dev/null || die "npm not found (needed to fetch $PKG)"
command -v sha256sum >/dev/null || die "sha256sum not found (coreutils)"
[ -x "$PY" ] || die "$PY not found: apt-get install -y python3"
"$PY" -c 'import torch' 2>/dev/null || die "python module torch missing: apt-get install -y python3-torch"
"$PY" -c 'import onnx' 2>/dev/null || die "python module onnx missing: apt-get install -y python3-onnx"
"$PY" -c 'import numpy' 2>/dev/null || die "python module numpy missing: apt-get install -y python3-numpy"

start=$(date +%s)
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "== fetching $PKG"
(cd "$WORK" && npm pack --silent "$PKG" >/dev/null) || die "npm pack $PKG failed"
[ -f "$WORK/$TGZ" ] || die "npm pack did not produce $TGZ"
got="$(sha256sum "$WORK/$TGZ" | cut -d' ' -f1)"
if [ "$got" != "$TGZ_SHA256" ]; then
  die "sha256 mismatch for $TGZ: expected $TGZ_SHA256, got $got -- refusing to convert"
fi
echo "   sha256 $got OK"
tar -xzf "$WORK/$TGZ" -C "$WORK"
for m in $MODELS; do
  [ -f "$WORK/package/model/$m.onnx" ] || die "model/$m.onnx missing from the tarball"
done

echo "== converting"
mkdir -p "$OUT/onnx" "$HERE/fixtures"
rm -f "$HERE"/fixtures/*.f32 "$HERE"/fixtures/*.json
"$PY" "$HERE/convert.py" --onnx-dir "$WORK/package/model" --out-dir "$OUT" \
  --fixtures-dir "$HERE/fixtures" --report "$WORK/report.json"

for m in $MODELS; do
  [ -f "$OUT/$m.pt" ] && cp "$WORK/package/model/$m.onnx" "$OUT/onnx/$m.onnx"
done

echo "== batch-agnostic ONNX graphs for ONNX Runtime"
"$PY" "$HERE/onnx_batch.py" --onnx-dir "$WORK/package/model" --out-dir "$OUT"
cp "$WORK/package/LICENSE" "$OUT/THIRD-PARTY-LICENSE-faceplugin.txt"

echo "== verification (max abs diff; tolerance 1e-4)"
"$PY" - "$WORK/report.json" <<'EOF'
import json, sys
for r in json.load(open(sys.argv[1])):
    print("   %-12s trace-vs-eager %.2e  batch4-vs-batch1 %.2e  shapes(N=4) %s  %s" % (
        r["model"], r["trace_vs_eager_b1"], r["trace_b4_vs_eager_b1"], r["output_shapes_b4"],
        "OK" if r["ok"] else "FAILED"))
EOF

echo "== sha256"
(cd "$OUT" && sha256sum ./*.pt ./*.onnx onnx/*.onnx THIRD-PARTY-LICENSE-faceplugin.txt convert/fixtures/*)
echo "== done in $(( $(date +%s) - start )) s"
