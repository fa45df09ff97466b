#!/usr/bin/python3
"""Compare the TorchScript models with ONNX Runtime on random and real inputs.

Used by verify_ort.sh (optional; convert.sh does not need it).

  verify.py prepare WORKDIR [IMAGE...]   build model inputs, run the .pt models
  verify.py compare WORKDIR              compare with ORT outputs (from verify_ort.js)

`prepare` writes WORKDIR/<model>/<case>.in.f32 (+ manifest.json). Random cases:
the committed fixtures and seeded noise. Real cases: each image goes through a
small FaceGate-style pipeline (detector -> square box -> landmarks -> crops for
liveness, eye, pose, and 5-point similarity alignment for the embedding), built
with PIL; it only has to produce realistic inputs, not match OpenCV exactly.
All cases of a model are run through the .pt as ONE batch (N = number of
cases), ORT runs them one by one (the ONNX graphs are batch 1).
Needs: python3-torch python3-numpy python3-pil (Debian).
"""
import json
import os
import sys

import numpy as np
import torch

MODELS_DIR = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
FIXTURES = os.path.join(MODELS_DIR, "convert", "fixtures")
SHAPES = {"fr_detect": (3, 240, 320), "fr_landmark": (1, 64, 64), "fr_feature": (3, 112, 112),
          "fr_liveness": (3, 128, 128), "fr_eye": (1, 24, 24), "fr_pose": (3, 224, 224)}
ARCFACE = np.array([[38.2946, 51.6963], [73.5318, 51.5014], [56.0252, 71.7366],
                    [41.5493, 92.3655], [70.7299, 92.2041]], np.float64)


def load_pt(name):
    return torch.jit.load(os.path.join(MODELS_DIR, name + ".pt")).eval()


def run_pt(model, x):
    with torch.no_grad():
        out = model(torch.from_numpy(np.ascontiguousarray(x, np.float32)))
    return [o.numpy() for o in (out if isinstance(out, tuple) else (out,))]


# ---------------------------------------------------------------- pipeline
def rgb_chw(img):
    return np.asarray(img.convert("RGB"), np.float32).transpose(2, 0, 1)


def grey_chw(img):
    return np.asarray(img.convert("L"), np.float32)[None]


def nms(boxes, scores, thr):
    order = np.argsort(-scores)
    keep = []
    while order.size:
        i = order[0]
        keep.append(i)
        xx1 = np.maximum(boxes[i, 0], boxes[order[1:], 0])
        yy1 = np.maximum(boxes[i, 1], boxes[order[1:], 1])
        xx2 = np.minimum(boxes[i, 2], boxes[order[1:], 2])
        yy2 = np.minimum(boxes[i, 3], boxes[order[1:], 3])
        inter = np.clip(xx2 - xx1, 0, None) * np.clip(yy2 - yy1, 0, None)
        area = lambda b: (b[..., 2] - b[..., 0]) * (b[..., 3] - b[..., 1])
        iou = inter / (area(boxes[i]) + area(boxes[order[1:]]) - inter)
        order = order[1:][iou < thr]
    return keep


def square_crop(img, box, scale, size):
    """Square box scaled around its centre, shifted inside the image (the JS
    'alignLivenessImage' logic, also used with scale 1 for landmarks)."""
    W, H = img.size
    x1, y1, x2, y2 = box
    bw, bh = x2 - x1, y2 - y1
    s = min((H - 1) / bh, (W - 1) / bw, scale)
    cx, cy = x1 + bw / 2, y1 + bh / 2
    l, t, r, b = cx - bw * s / 2, cy - bh * s / 2, cx + bw * s / 2, cy + bh * s / 2
    if l < 0: r, l = r - l, 0
    if t < 0: b, t = b - t, 0
    if r > W - 1: l, r = l - (r - W + 1), W - 1
    if b > H - 1: t, b = t - (b - H + 1), H - 1
    from PIL import Image
    return img.crop((int(l), int(t), int(r), int(b))).resize((size, size), Image.BILINEAR), (l, t, r, b)


def similarity(src, dst):
    """Least-squares similarity transform src->dst (Umeyama), 2x3."""
    sm, dm = src.mean(0), dst.mean(0)
    s, d = src - sm, dst - dm
    cov = d.T @ s / len(src)
    U, S, Vt = np.linalg.svd(cov)
    D = np.diag([1, np.sign(np.linalg.det(U @ Vt))])
    R = U @ D @ Vt
    c = np.trace(np.diag(S) @ D) / (s ** 2).sum(1).mean()
    M = np.zeros((2, 3))
    M[:, :2] = c * R
    M[:, 2] = dm - c * R @ sm
    return M


def pipeline(path, models, cases, notes):
    from PIL import Image
    img = Image.open(path).convert("RGB")
    W, H = img.size
    tag = os.path.basename(os.path.dirname(path)) + "_" + os.path.splitext(os.path.basename(path))[0]
    x = (rgb_chw(img.resize((320, 240), Image.BILINEAR)) - 127.0) / 128.0
    cases["fr_detect"].append((tag, x))
    scores, boxes = run_pt(models["fr_detect"], x[None])
    sc, bx = scores[0, :, 1], boxes[0] * np.array([W, H, W, H])
    m = sc >= 0.65
    if not m.any():
        notes.append("%s: no face >= 0.65" % tag)
        return
    keep = nms(bx[m], sc[m], 0.4)
    # BGR input (the JS library's accident) for comparison of face scores
    xb = x[::-1].copy()
    sb = run_pt(models["fr_detect"], xb[None])[0][0, :, 1]
    i = keep[0]
    x1, y1, x2, y2 = bx[m][i]
    side = y2 - y1  # JS scaleResult: square of the box height, centred
    cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
    box = [max(cx - side / 2, 0), max(cy - side / 2, 0), min(cx + side / 2, W - 1), min(cy + side / 2, H - 1)]
    crop, (l, t, r, b) = square_crop(img, box, 1.0, 64)
    xl = grey_chw(crop) / 256.0
    cases["fr_landmark"].append((tag, xl))
    lm = run_pt(models["fr_landmark"], xl[None])[0][0].reshape(68, 2)
    pts = lm * np.array([r - l, b - t]) + np.array([l, t])
    five = np.array([pts[[37, 38, 40, 41]].mean(0), pts[[43, 44, 46, 47]].mean(0), pts[30],
                     (pts[48] + pts[60]) / 2, (pts[54] + pts[64]) / 2])
    M = similarity(five, ARCFACE)
    Minv = np.linalg.inv(np.vstack([M, [0, 0, 1]]))[:2]
    aligned = img.transform((112, 112), Image.AFFINE, tuple(Minv.ravel()), Image.BILINEAR)
    cases["fr_feature"].append((tag, (rgb_chw(aligned) - 127.0) / 128.0))
    live, _ = square_crop(img, box, 2.7, 128)
    xv = rgb_chw(live)
    cases["fr_liveness"].append((tag, xv))
    eyes = []
    for lid, corners in (([37, 38, 40, 41], (36, 39)), ([43, 44, 46, 47], (42, 45))):
        c = pts[lid].mean(0)
        s = (pts[corners[1], 0] - pts[corners[0], 0]) * 1.6
        e = img.crop((int(c[0] - s / 2), int(c[1] - s / 2), int(c[0] + s / 2), int(c[1] + s / 2)))
        xe = grey_chw(e.resize((24, 24), Image.BILINEAR)) / 255.0
        cases["fr_eye"].append((tag + ("_L" if lid[0] == 37 else "_R"), xe))
        eyes.append(xe)
    bw, bh = box[2] - box[0], box[3] - box[1]
    pc = img.crop((int(max(box[0] - bw / 4, 0)), int(max(box[1] - bh / 4, 0)),
                   int(min(box[2] + bw / 4, W)), int(min(box[3] + bh / 4, H)))).resize((224, 224), Image.BILINEAR)
    mean = np.array([0.485, 0.456, 0.406], np.float32)[:, None, None]
    std = np.array([0.229, 0.224, 0.225], np.float32)[:, None, None]
    cases["fr_pose"].append((tag, (rgb_chw(pc) / 255.0 - mean) / std))
    # sanity of class meanings (reported, not asserted)
    sm = lambda v: np.exp(v - v.max()) / np.exp(v - v.max()).sum()
    p_live = sm(run_pt(models["fr_liveness"], xv[None])[0][0])[0]
    p_open = [sm(run_pt(models["fr_eye"], e[None])[0][0])[1] for e in eyes]
    yaw, pitch, roll = [float((sm(o[0]) * np.arange(66)).sum() * 3 - 99)
                        for o in run_pt(models["fr_pose"], cases["fr_pose"][-1][1][None])]
    notes.append("%s: faces=%d best_score=%.3f (BGR input: %.3f) p_live=%.3f p_open(L,R)=%.2f,%.2f "
                 "yaw/pitch/roll=%.0f/%.0f/%.0f" % (tag, len(keep), sc[m][i], sb[m][i],
                                                  p_live, p_open[0], p_open[1], yaw, pitch, roll))


def prepare(work, images):
    models = {n: load_pt(n) for n in SHAPES}
    cases = {n: [] for n in SHAPES}
    notes = []
    for n in SHAPES:  # random cases: committed fixtures + seeded noise
        fj = os.path.join(FIXTURES, n + ".json")
        if os.path.exists(fj):
            meta = json.load(open(fj))
            arr = np.fromfile(os.path.join(FIXTURES, meta["input"]["file"]), "<f4").reshape(meta["input"]["shape"])
            for k in range(arr.shape[0]):
                cases[n].append(("fixture%d" % k, arr[k]))
        rng = np.random.RandomState(7)
        for k in range(2):
            cases[n].append(("noise%d" % k, rng.uniform(-1, 1, SHAPES[n]).astype(np.float32)))
    for p in images:
        pipeline(p, models, cases, notes)
    manifest = {}
    for n, lst in cases.items():
        os.makedirs(os.path.join(work, n), exist_ok=True)
        batch = np.stack([x for _, x in lst]).astype(np.float32)
        outs = run_pt(models[n], batch)  # one batch through TorchScript
        manifest[n] = {"cases": [t for t, _ in lst], "shape": list(SHAPES[n]), "n_outputs": len(outs)}
        for k, (tag, x) in enumerate(lst):
            np.ascontiguousarray(x, "<f4").tofile(os.path.join(work, n, tag + ".in.f32"))
            for j, o in enumerate(outs):
                np.ascontiguousarray(o[k], "<f4").tofile(os.path.join(work, n, "%s.pt%d.f32" % (tag, j)))
    json.dump(manifest, open(os.path.join(work, "manifest.json"), "w"), indent=1)
    with open(os.path.join(work, "notes.txt"), "w") as f:
        f.write("\n".join(notes) + "\n")
    print("\n".join(notes))


def compare(work):
    manifest = json.load(open(os.path.join(work, "manifest.json")))
    worst = 0.0
    for n, m in manifest.items():
        d_rand = d_real = 0.0
        d_fix = 0.0
        for tag in m["cases"]:
            for j in range(m["n_outputs"]):
                a = np.fromfile(os.path.join(work, n, "%s.pt%d.f32" % (tag, j)), "<f4")
                b = np.fromfile(os.path.join(work, n, "%s.ort%d.f32" % (tag, j)), "<f4")
                d = float(np.abs(a.astype(np.float64) - b).max())
                if tag.startswith(("fixture", "noise")):
                    d_rand = max(d_rand, d)
                else:
                    d_real = max(d_real, d)
        fj = os.path.join(FIXTURES, n + ".json")
        if os.path.exists(fj):  # committed expected outputs vs ORT
            meta = json.load(open(fj))
            for j, o in enumerate(meta["outputs"]):
                exp = np.fromfile(os.path.join(FIXTURES, o["file"]), "<f4").reshape(o["shape"])
                for k in range(exp.shape[0]):
                    b = np.fromfile(os.path.join(work, n, "fixture%d.ort%d.f32" % (k, j)), "<f4")
                    d_fix = max(d_fix, float(np.abs(exp[k].ravel().astype(np.float64) - b).max()))
        n_real = sum(1 for t in m["cases"] if not t.startswith(("fixture", "noise")))
        print("%-12s pt(N=%d) vs ORT: random %.2e  real(%d) %.2e   fixtures-expected vs ORT %s"
              % (n, len(m["cases"]), d_rand, n_real, d_real, "%.2e" % d_fix if os.path.exists(fj) else "-"))
        worst = max(worst, d_rand, d_real, d_fix)
    print("worst %.2e -> %s" % (worst, "OK (<= 1e-4)" if worst <= 1e-4 else "FAILED"))
    return worst <= 1e-4


if __name__ == "__main__":
    if sys.argv[1] == "prepare":
        prepare(sys.argv[2], sys.argv[3:])
    elif sys.argv[1] == "compare":
        sys.exit(0 if compare(sys.argv[2]) else 1)
    else:
        sys.exit("usage: verify.py prepare WORKDIR [IMAGE...] | compare WORKDIR")
