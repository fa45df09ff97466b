#!/usr/bin/python3
"""Convert the faceplugin-face-recognition-js ONNX face models to TorchScript.

A deliberately small ONNX-to-PyTorch interpreter:

* the ONNX graph is loaded with the `onnx` package;
* float initializers and float Constant nodes become module buffers;
* integer constants and everything computed from `Shape` are evaluated once,
  statically, with numpy (they only ever feed `Reshape`);
* nodes are executed in graph order with torch ops; only the ops these models
  use are supported and any other op fails loudly;
* Reshape targets are rewritten to be batch-agnostic: the models were exported
  with batch 1, so a constant target whose first dim equals that batch becomes
  `x.shape[0]` (traced as a dynamic size), hence every model accepts any N;
* speed rewrites with the same results: PRelu runs as one aten::prelu (slope
  flattened to C), dilated ungrouped Convs use a zero-inserted plain kernel
  (libtorch's dilated path for small inputs is a slow reference kernel);
* the module is `torch.jit.trace`d, frozen (`torch.jit.freeze`), saved,
  reloaded and checked.

Checks made for every model (the script exits non-zero if any fails):
  1. TorchScript output == eager interpreter output (batch 1, seeded input);
  2. batch 4 through TorchScript == four batch-1 eager runs;
  3. if `onnx.reference.ReferenceEvaluator` exists (onnx >= 1.13) the eager
     interpreter is also compared to it; Debian 12's python3-onnx 1.12 lacks
     it, in which case this is reported and skipped (see verify_ort.sh for the
     independent ONNX Runtime comparison).

Fixtures (models/convert/fixtures/) hold a seeded input per model and the
expected outputs computed by the eager interpreter (float32, little endian).

Run with Debian's interpreter: /usr/bin/python3 (python3-torch, python3-onnx,
python3-numpy). Normally invoked through convert.sh.
"""

import argparse
import hashlib
import io
import json
import os
import re
import sys

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import helper, numpy_helper

TOL = 1e-4

# name -> conversion spec. `outputs` is the order of the traced module's
# outputs (= ONNX graph output order) with the names we document.
MODELS = [
    dict(name="fr_detect", shape=(3, 240, 320), outputs=["scores", "boxes"],
         pixels="rgb", pre=lambda v: (v - 127.0) / 128.0, pre_doc="(v-127)/128",
         fixture_batch=1),
    dict(name="fr_landmark", shape=(1, 64, 64), outputs=["landmarks"],
         pixels="grey", pre=lambda v: v / 256.0, pre_doc="v/256", fixture_batch=2),
    dict(name="fr_feature", shape=(3, 112, 112), outputs=["embedding"],
         pixels="rgb", pre=lambda v: (v - 127.0) / 128.0, pre_doc="(v-127)/128",
         fixture_batch=1),
    dict(name="fr_liveness", shape=(3, 128, 128), outputs=["logits"],
         pixels="rgb", pre=lambda v: v, pre_doc="v (raw 0..255)", fixture_batch=1),
    dict(name="fr_eye", shape=(1, 24, 24), outputs=["logits"],
         pixels="grey", pre=lambda v: v / 255.0, pre_doc="v/255", fixture_batch=2),
    dict(name="fr_pose", shape=(3, 224, 224), outputs=["yaw", "pitch", "roll"],
         pixels="rgb",
         pre=lambda v: (v / 255.0 - np.array([0.485, 0.456, 0.406], np.float32)[:, None, None])
         / np.array([0.229, 0.224, 0.225], np.float32)[:, None, None],
         pre_doc="(v/255-mean)/std, ImageNet mean/std",
         fixture_batch=0, optional=True),  # no fixture: keeps fixtures/ < 2 MB
]

EXPORT_BATCH = 1  # batch size the ONNX graphs were exported with (checked)


class ConversionError(Exception):
    pass


def _attrs(node):
    return {a.name: helper.get_attribute_value(a) for a in node.attribute}


def _sym_pads(pads, what):
    n = len(pads) // 2
    if list(pads[:n]) != list(pads[n:]):
        raise ConversionError(f"{what}: asymmetric pads {pads} not supported")
    return tuple(pads[:n])


class OnnxModule(torch.nn.Module):
    """Executes an ONNX graph node by node with torch ops."""

    def __init__(self, model: onnx.ModelProto):
        super().__init__()
        g = model.graph
        opsets = {o.domain: o.version for o in model.opset_import}
        if opsets.get("", 0) != 9 or len([d for d in opsets if d not in ("", "ai.onnx")]):
            raise ConversionError(f"only default-domain opset 9 handled, got {opsets}")
        init_names = {i.name for i in g.initializer}
        inputs = [i for i in g.input if i.name not in init_names]
        if len(inputs) != 1:
            raise ConversionError("exactly one graph input expected")
        self.input_name = inputs[0].name
        dims = [d.dim_value for d in inputs[0].type.tensor_type.shape.dim]
        if dims[0] != EXPORT_BATCH:
            raise ConversionError(f"graph exported with batch {dims[0]}, expected {EXPORT_BATCH}")
        self.input_dims = dims
        self.output_names = [o.name for o in g.output]

        self._buf = {}      # onnx value name -> buffer attribute name
        self._static = {}   # onnx value name -> numpy int64 array (static values)
        self._shape_dep = set()  # static values derived from Shape (batch dependent)
        nbuf = 0

        def add_buffer(name, arr):
            nonlocal nbuf
            attr = "c%03d_%s" % (nbuf, re.sub(r"[^0-9A-Za-z_]", "_", name))
            nbuf += 1
            self.register_buffer(attr, torch.from_numpy(np.array(arr, copy=True)))
            self._buf[name] = attr

        for init in g.initializer:
            arr = numpy_helper.to_array(init)
            if arr.dtype == np.float32:
                add_buffer(init.name, arr)
            elif arr.dtype == np.int64:
                self._static[init.name] = arr
            else:
                raise ConversionError(f"initializer {init.name}: dtype {arr.dtype} unsupported")

        # Plan: (op_type, node, extra) executed in order at runtime. Static nodes
        # are evaluated here, once. Shapes needed by Shape nodes come from a dry
        # run at the export batch size.
        self.plan = []
        self._runtime_nodes = []
        for node in g.node:
            if node.op_type == "Constant":
                arr = numpy_helper.to_array(_attrs(node)["value"])
                if arr.dtype == np.float32:
                    add_buffer(node.output[0], arr)
                elif arr.dtype == np.int64:
                    self._static[node.output[0]] = arr
                else:
                    raise ConversionError(f"Constant {node.output[0]}: dtype {arr.dtype}")
                continue
            self._runtime_nodes.append(node)

        self._dry_run()

    # ------------------------------------------------------------------ build
    def _dry_run(self):
        """Walk the graph once at the export batch size: evaluate static
        (shape) sub-graphs with numpy, fix Reshape targets, build the plan."""
        x = torch.zeros(self.input_dims, dtype=torch.float32)
        env = {self.input_name: x}
        for node in self._runtime_nodes:
            ins = [n for n in node.input if n]
            is_static = all(n in self._static for n in ins)
            if node.op_type == "Shape":
                t = self._value(env, node.input[0])
                self._static[node.output[0]] = np.array(t.shape, dtype=np.int64)
                self._shape_dep.add(node.output[0])
                continue
            if is_static and ins:
                self._eval_static(node)
                continue
            # runtime node: static inputs are only allowed as Reshape targets
            for i, n in enumerate(node.input):
                if n in self._static and not (node.op_type == "Reshape" and i == 1):
                    raise ConversionError(
                        f"{node.op_type} {node.name or node.output[0]}: static int input {n} "
                        "used by a runtime op (unsupported)")
            extra = None
            if node.op_type == "Reshape":
                extra = self._reshape_target(node, env)
            elif node.op_type == "Slice":
                extra = self._slice_bounds(node, env)
            elif node.op_type == "PRelu":
                self._check_prelu(node, env)
            attrs = _attrs(node)
            if node.op_type == "Conv":
                self._undilate_conv(node, attrs)
            step = (node.op_type, list(node.input), list(node.output), attrs, extra)
            outs = self._run_step(step, env)
            self.plan.append(step)
        missing = [o for o in self.output_names if o not in env]
        if missing:
            raise ConversionError(f"graph outputs {missing} are not runtime values")

    def _reshape_target(self, node, env):
        target = [int(v) for v in self._static[node.input[1]]]
        x = self._value(env, node.input[0])
        if x.shape[0] != EXPORT_BATCH:
            raise ConversionError(f"Reshape {node.output[0]}: input dim 0 is not the batch")
        if target[0] == 0 or target[0] == EXPORT_BATCH:
            # batch-agnostic rewrite: first dim becomes x.shape[0] at runtime
            rest = target[1:]
        elif target[0] == -1 and -1 not in target[1:]:
            rest = target[1:]
        else:
            raise ConversionError(f"Reshape {node.output[0]}: cannot make target {target} batch-agnostic")
        rest = [int(x.shape[i + 1]) if v == 0 else v for i, v in enumerate(rest)]
        return rest

    def _slice_bounds(self, node, env):
        a = _attrs(node)
        x = self._value(env, node.input[0])
        axes = a.get("axes", list(range(len(a["starts"]))))
        bounds = []
        for ax, st, en in zip(axes, a["starts"], a["ends"]):
            if ax == 0:
                raise ConversionError("Slice along the batch axis unsupported")
            if st < 0 or en < 0:
                raise ConversionError("Slice: negative starts/ends unsupported")
            bounds.append((ax, st, min(en, int(x.shape[ax]))))
        return bounds

    def _check_prelu(self, node, env):
        x = self._value(env, node.input[0])
        s = self._value(env, node.input[1])
        if s.dim() == 1 and x.dim() == 4 and s.shape[0] == x.shape[1]:
            return  # slope already flattened for an earlier PRelu
        if not (x.dim() == 4 and s.dim() == 3 and tuple(s.shape[1:]) == (1, 1) and s.shape[0] == x.shape[1]):
            raise ConversionError(f"PRelu: slope shape {tuple(s.shape)} unsupported")
        # One aten::prelu instead of lt/mul/where: flatten the (C,1,1) slope buffer to (C).
        if node.input[1] not in self._buf or any(
                n.op_type != "PRelu" or list(n.input).index(node.input[1]) != 1
                for n in self._runtime_nodes if node.input[1] in n.input):
            raise ConversionError(f"PRelu: slope {node.input[1]} is not a buffer used only as a PRelu slope")
        setattr(self, self._buf[node.input[1]], s.reshape(-1).clone())

    def _undilate_conv(self, node, a):
        """A dilated, ungrouped Conv becomes a plain Conv with a zero-inserted kernel (3x3 with
        dilation d -> (2d+1)x(2d+1)): same sums plus exact zeros. libtorch runs small dilated
        convolutions with a slow reference kernel (slow_conv_dilated2d), 5-20x slower than its
        oneDNN path for the larger plain kernel."""
        d = list(a.get("dilations", [1, 1]))
        if d == [1, 1] or a.get("group", 1) != 1:
            return
        if node.input[1] not in self._buf or any(
                node.input[1] in n.input and n is not node for n in self._runtime_nodes):
            raise ConversionError(f"Conv {node.output[0]}: dilated weight {node.input[1]} is shared")
        w = getattr(self, self._buf[node.input[1]])
        kh, kw = w.shape[-2:]
        big = torch.zeros(w.shape[0], w.shape[1], (kh - 1) * d[0] + 1, (kw - 1) * d[1] + 1, dtype=w.dtype)
        big[:, :, ::d[0], ::d[1]] = w
        setattr(self, self._buf[node.input[1]], big)
        a["dilations"] = [1, 1]
        a["kernel_shape"] = list(big.shape[-2:])

    def _eval_static(self, node):
        op, a = node.op_type, _attrs(node)
        ins = [self._static[n] for n in node.input if n]
        dep = any(n in self._shape_dep for n in node.input)
        if op == "Gather":
            out = np.take(ins[0], ins[1], axis=a.get("axis", 0))
        elif op == "Unsqueeze":
            out = ins[0]
            for ax in sorted(a["axes"]):
                out = np.expand_dims(out, ax)
        elif op == "Concat":
            out = np.concatenate(ins, axis=a["axis"])
        else:
            raise ConversionError(f"unsupported static op {op} ({node.output[0]})")
        self._static[node.output[0]] = out.astype(np.int64)
        if dep:
            self._shape_dep.add(node.output[0])

    # ---------------------------------------------------------------- runtime
    def _value(self, env, name):
        if name in env:
            return env[name]
        if name in self._buf:
            return getattr(self, self._buf[name])
        raise ConversionError(f"value {name} not available")

    def _run_step(self, step, env):
        op, inputs, outputs, a, extra = step
        v = [self._value(env, n) if (n and n not in self._static) else None for n in inputs]
        x = v[0]
        if op == "Conv":
            if len(a.get("kernel_shape", [])) != 2 or a.get("auto_pad", b"NOTSET") not in (b"NOTSET", "NOTSET"):
                raise ConversionError("Conv: only 2-D explicit-pad convolutions supported")
            out = F.conv2d(x, v[1], v[2] if len(v) > 2 else None,
                           stride=tuple(a.get("strides", [1, 1])),
                           padding=_sym_pads(a.get("pads", [0, 0, 0, 0]), "Conv"),
                           dilation=tuple(a.get("dilations", [1, 1])),
                           groups=a.get("group", 1))
        elif op == "Relu":
            out = F.relu(x)
        elif op == "PRelu":
            # == where(x < 0, x * slope, x); slope shape checked at build time
            out = F.prelu(x, v[1])
        elif op == "Sigmoid":
            out = torch.sigmoid(x)
        elif op == "Exp":
            out = torch.exp(x)
        elif op == "Add":
            out = x + v[1]
        elif op == "Sub":
            out = x - v[1]
        elif op == "Mul":
            out = x * v[1]
        elif op == "Div":
            out = x / v[1]
        elif op == "MatMul":
            out = torch.matmul(x, v[1])
        elif op == "Gemm":
            if a.get("transA", 0) or a.get("alpha", 1.0) != 1.0 or a.get("beta", 1.0) != 1.0:
                raise ConversionError(f"Gemm: attributes {a} unsupported")
            w = v[1] if a.get("transB", 0) else v[1].t()
            out = F.linear(x, w, v[2] if len(v) > 2 else None)
        elif op == "BatchNormalization":
            if len(outputs) != 1:
                raise ConversionError("BatchNormalization: training outputs unsupported")
            out = F.batch_norm(x, v[3], v[4], v[1], v[2], False, 0.0, a.get("epsilon", 1e-5))
        elif op == "GlobalAveragePool":
            if x.dim() != 4:
                raise ConversionError("GlobalAveragePool: 4-D input expected")
            out = torch.mean(x, dim=(2, 3), keepdim=True)
        elif op == "MaxPool":
            if a.get("ceil_mode", 0) or a.get("storage_order", 0) or len(a["kernel_shape"]) != 2:
                raise ConversionError(f"MaxPool: attributes {a} unsupported")
            out = F.max_pool2d(x, tuple(a["kernel_shape"]), tuple(a.get("strides", [1, 1])),
                               _sym_pads(a.get("pads", [0, 0, 0, 0]), "MaxPool"))
        elif op == "ReduceMean":
            out = torch.mean(x, dim=tuple(a["axes"]), keepdim=bool(a.get("keepdims", 1)))
        elif op == "Flatten":
            axis = a.get("axis", 1)
            if axis != 1:
                raise ConversionError("Flatten: only axis=1 supported")
            out = torch.flatten(x, 1)
        elif op == "Reshape":
            out = x.reshape([x.shape[0]] + extra)
        elif op == "Transpose":
            perm = a["perm"]
            if perm[0] != 0:
                raise ConversionError("Transpose: moving the batch axis is unsupported")
            out = x.permute(perm)
        elif op == "Concat":
            if a["axis"] == 0:
                raise ConversionError("Concat along the batch axis unsupported")
            out = torch.cat(v, dim=a["axis"])
        elif op == "Split":
            if a.get("axis", 0) == 0 or "split" not in a:
                raise ConversionError("Split: needs explicit split, non-batch axis")
            out = torch.split(x, list(a["split"]), dim=a["axis"])
        elif op == "Slice":
            out = x
            for ax, st, en in extra:  # bounds clamped at build time
                out = out.narrow(ax, st, en - st)
        elif op == "Softmax":
            axis = a.get("axis", 1)
            if axis < 0:
                axis += x.dim()
            if axis == x.dim() - 1:  # opset<13 semantics == plain softmax here
                out = torch.softmax(x, dim=-1)
            else:
                raise ConversionError("Softmax: only last-axis softmax supported")
        else:
            raise ConversionError(f"unsupported ONNX op: {op} (node output {outputs[0]})")
        if isinstance(out, (tuple, list)):
            if len(out) != len(outputs):
                raise ConversionError(f"{op}: output count mismatch")
            for n, t in zip(outputs, out):
                env[n] = t
        else:
            if len(outputs) != 1:
                raise ConversionError(f"{op}: optional outputs unsupported")
            env[outputs[0]] = out
        return out

    def forward(self, x):
        env = {self.input_name: x}
        for step in self.plan:
            self._run_step(step, env)
        outs = [env[n] for n in self.output_names]
        return outs[0] if len(outs) == 1 else tuple(outs)


# ---------------------------------------------------------------------- utils
def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def as_tuple(o):
    return o if isinstance(o, tuple) else (o,)


def max_diff(a, b):
    return max(float((x.double() - y.double()).abs().max()) for x, y in zip(as_tuple(a), as_tuple(b)))


def make_input(spec, batch, seed):
    """Seeded uint8 'pixels' pushed through the model's pre-processing."""
    rng = np.random.RandomState(seed)
    c, h, w = spec["shape"]
    pix = rng.randint(0, 256, size=(batch, c, h, w)).astype(np.float32)
    return np.ascontiguousarray(spec["pre"](pix).astype(np.float32))


def reference_evaluator():
    try:
        from onnx.reference import ReferenceEvaluator  # onnx >= 1.13
        return ReferenceEvaluator
    except ImportError:
        return None


def write_f32(path, arr):
    np.ascontiguousarray(arr, dtype="<f4").tofile(path)


# ----------------------------------------------------------------------- main
def convert(spec, onnx_dir, out_dir, fixtures_dir, log):
    name = spec["name"]
    onnx_path = os.path.join(onnx_dir, name + ".onnx")
    model = onnx.load(onnx_path)
    onnx.checker.check_model(model)
    # one class per model so TorchScript's qualified names do not depend on
    # how many models were traced before in this process
    cls = type("FaceGate_" + name, (OnnxModule,), {})
    module = cls(model).eval()
    if len(module.output_names) != len(spec["outputs"]):
        raise ConversionError(f"{name}: expected {len(spec['outputs'])} outputs, graph has {module.output_names}")

    x1 = torch.from_numpy(make_input(spec, 1, seed=1234))
    with torch.no_grad():
        traced = torch.jit.trace(module, x1, check_trace=True)
        # Freezing inlines the buffers as constants and drops the attribute look-ups (prim::GetAttr):
        # about a quarter of the nodes, which libtorch's simple executor would step through per call.
        traced = torch.jit.freeze(traced.eval())
    meta = {
        "source": "npm faceplugin-face-recognition-js@0.0.1, model/%s.onnx" % name,
        "onnx_sha256": sha256(onnx_path),
        "input": ["N"] + list(spec["shape"]),
        "preprocessing": spec["pre_doc"],
        "outputs": spec["outputs"],
        "onnx_output_names": module.output_names,
        "converter": "models/convert/convert.py (torch %s, onnx %s)" % (torch.__version__, onnx.__version__),
    }
    pt_path = os.path.join(out_dir, name + ".pt")
    torch.jit.save(traced, pt_path,
                   _extra_files={"facegate.json": json.dumps(meta, sort_keys=True, indent=1)})
    loaded = torch.jit.load(pt_path).eval()

    result = {"model": name}
    with torch.no_grad():
        ref1 = module(x1)
        got1 = loaded(x1)
        result["trace_vs_eager_b1"] = max_diff(got1, ref1)
        # batch 4: each sample must match its own batch-1 eager result
        xs = [torch.from_numpy(make_input(spec, 1, seed=100 + i)) for i in range(4)]
        got4 = as_tuple(loaded(torch.cat(xs)))
        shapes4 = [list(t.shape) for t in got4]
        d = 0.0
        for i, xi in enumerate(xs):
            ri = as_tuple(module(xi))
            d = max(d, max_diff(tuple(t[i:i + 1] for t in got4), ri))
        result["trace_b4_vs_eager_b1"] = d
        result["output_shapes_b1"] = [list(t.shape) for t in as_tuple(got1)]
        result["output_shapes_b4"] = shapes4
        RE = reference_evaluator()
        if RE is not None:
            sess = RE(model)
            refs = sess.run(None, {module.input_name: x1.numpy()})
            result["eager_vs_onnx_reference"] = max(
                float(np.abs(r.astype(np.float64) - t.double().numpy()).max())
                for r, t in zip(refs, as_tuple(ref1)))
        else:
            result["eager_vs_onnx_reference"] = None

        # fixtures: input + expected outputs of the eager interpreter
        if fixtures_dir and spec["fixture_batch"]:
            b = spec["fixture_batch"]
            fx = make_input(spec, b, seed=20240000 + b)
            exp = as_tuple(module(torch.from_numpy(fx)))
            files = {}
            write_f32(os.path.join(fixtures_dir, name + ".input.f32"), fx)
            files["input"] = {"file": name + ".input.f32", "shape": list(fx.shape)}
            for oname, t in zip(spec["outputs"], exp):
                fn = "%s.%s.f32" % (name, oname)
                write_f32(os.path.join(fixtures_dir, fn), t.numpy())
                files[oname] = {"file": fn, "shape": list(t.shape)}
            for k, f in files.items():
                f["sha256"] = sha256(os.path.join(fixtures_dir, f["file"]))
            fmeta = {
                "model": name + ".pt",
                "onnx": "onnx/%s.onnx" % name,
                "format": "raw float32, little endian, C order (NCHW for the input)",
                "input_generation": "numpy RandomState(%d).randint(0,256,size=shape) as float32, then %s"
                                    % (20240000 + b, spec["pre_doc"]),
                "expected_from": "this converter's eager interpreter (torch %s, float32, CPU)" % torch.__version__,
                "tolerance": TOL,
                "input": files.pop("input"),
                "outputs": [dict(name=o, **files[o]) for o in spec["outputs"]],
            }
            with open(os.path.join(fixtures_dir, name + ".json"), "w") as f:
                json.dump(fmeta, f, indent=1, sort_keys=True)
                f.write("\n")
    ok = result["trace_vs_eager_b1"] <= TOL and result["trace_b4_vs_eager_b1"] <= TOL and \
        (result["eager_vs_onnx_reference"] is None or result["eager_vs_onnx_reference"] <= TOL) and \
        all(s[0] == 4 for s in result["output_shapes_b4"])
    result["ok"] = ok
    log(json.dumps(result))
    return result


def main():
    ap = argparse.ArgumentParser(prog="convert.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--onnx-dir", required=True, help="directory holding the package's *.onnx")
    ap.add_argument("--out-dir", required=True, help="where to write <model>.pt")
    ap.add_argument("--fixtures-dir", help="where to write test fixtures (optional)")
    ap.add_argument("--report", help="write the verification results as JSON here")
    args = ap.parse_args()

    torch.manual_seed(0)
    torch.set_num_threads(1)  # deterministic reductions, identical bytes run to run
    torch.use_deterministic_algorithms(True)
    os.makedirs(args.out_dir, exist_ok=True)
    if args.fixtures_dir:
        os.makedirs(args.fixtures_dir, exist_ok=True)
    if reference_evaluator() is None:
        print("note: onnx %s has no onnx.reference.ReferenceEvaluator; eager-vs-reference check skipped"
              % onnx.__version__, file=sys.stderr)

    results, failed = [], []
    for spec in MODELS:
        try:
            r = convert(spec, args.onnx_dir, args.out_dir, args.fixtures_dir,
                        lambda s: print(s, file=sys.stderr))
            results.append(r)
            if not r["ok"]:
                failed.append(spec["name"])
        except ConversionError as e:
            if spec.get("optional"):
                print("optional model %s skipped: %s" % (spec["name"], e), file=sys.stderr)
                continue
            print("FAILED %s: %s" % (spec["name"], e), file=sys.stderr)
            failed.append(spec["name"])
    if args.report:
        with open(args.report, "w") as f:
            json.dump(results, f, indent=1)
    if failed:
        print("conversion/verification failed for: " + ", ".join(failed), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    if os.environ.get("FACEGATE_CONVERT_REEXEC") != "1":
        # torch.jit.trace stores the Python stack (file names) of the traced
        # frames in the saved model (code/*.debug_pkl), and Python makes the
        # main script's file name absolute. Re-execute under a fixed, relative
        # file name so the .pt bytes do not depend on the checkout location.
        _boot = ("import sys; _p = sys.argv.pop(1); "
                 "exec(compile(open(_p, encoding='utf-8').read(), 'models/convert/convert.py', 'exec'), "
                 "{'__name__': '__main__'})")
        os.execve(sys.executable, [sys.executable, "-c", _boot, os.path.abspath(__file__)] + sys.argv[1:],
                  dict(os.environ, FACEGATE_CONVERT_REEXEC="1"))
    main()
