#!/usr/bin/python3
"""Write the ONNX face models with a symbolic batch size, for DJL's ONNX Runtime engine.

The graphs in the npm package were exported with batch 1. FaceGate runs all faces of a frame (and
both eyes of each face) as one batch, so each graph is rewritten minimally:

* graph input and output dim 0 become the symbolic "N";
* every constant Reshape target that starts with the export batch starts with 0 instead, which in
  ONNX means "copy dim 0 of the input" (targets computed through Shape/Gather already follow it);
* the recorded intermediate shapes (value_info, all at batch 1) are dropped;
* subnormal float32 weights (|w| < 1.18e-38, 8,938 in fr_feature, 26,567 in fr_landmark, none in the
  others) become 0: on Intel cores every multiplication by a subnormal takes a slow microcode path,
  which made the embedding network 4-5x slower there than on the same weights flushed (measured
  with ONNX Runtime, 1 thread: 120 ms against 25 ms a face at load ~4.5). Their products are below
  float32's normal range, so the outputs do not move beyond FaceModelsTest's tolerance.

Nothing else changes: same nodes, same opset, the other weights bit for bit. The result must pass ONNX's checker and
strict shape inference with every output's dim 0 inferred as "N"; the script fails otherwise. Its
numerical check is FaceModelsTest (ejb-module): batch 4 through the rewritten graph in ONNX Runtime
equals four batch-1 runs of the original.

    /usr/bin/python3 models/convert/onnx_batch.py --onnx-dir DIR --out-dir models/

Kept apart from convert.py on purpose: the .pt files record the line numbers of convert.py's traced
frames, so any line added there would change the TorchScript bytes. Normally run by convert.sh.
"""

import argparse
import hashlib
import json
import os
import sys

import numpy as np
import onnx
from onnx import numpy_helper

MODELS = ["fr_detect", "fr_landmark", "fr_feature", "fr_liveness", "fr_eye", "fr_pose"]
EXPORT_BATCH = 1  # batch size the ONNX graphs were exported with (checked)


class ConversionError(Exception):
    pass


def batch_agnostic(name, onnx_path, out_path):
    """Writes the rewritten graph (see the module doc) and returns its outputs' inferred shapes."""
    model = onnx.load(onnx_path)
    g = model.graph
    init_names = {i.name for i in g.initializer}
    graph_inputs = [i for i in g.input if i.name not in init_names]
    for value in graph_inputs + list(g.output):
        dim = value.type.tensor_type.shape.dim[0]
        if dim.dim_value != EXPORT_BATCH:
            raise ConversionError(f"{name}: {value.name} dim 0 is {dim}, expected the export batch {EXPORT_BATCH}")
        dim.Clear()
        dim.dim_param = "N"
    del g.value_info[:]  # intermediate shapes recorded at batch 1 would contradict N

    constants = {i.name: ("initializer", i) for i in g.initializer}
    constants.update({n.output[0]: ("constant", n) for n in g.node if n.op_type == "Constant"})
    for node in g.node:
        if node.op_type != "Reshape" or node.input[1] not in constants:
            continue
        target = node.input[1]
        users = [n for n in g.node if target in n.input]
        if any(n.op_type != "Reshape" or list(n.input).index(target) != 1 for n in users):
            raise ConversionError(f"{name}: Reshape target {target} is also used elsewhere")
        kind, holder = constants[target]
        tensor = holder if kind == "initializer" else holder.attribute[0].t
        values = numpy_helper.to_array(tensor).copy()
        if values[0] == 0:
            continue  # already rewritten (shared by several Reshapes)
        if values[0] != EXPORT_BATCH:
            raise ConversionError(f"{name}: Reshape {node.output[0]} target {values.tolist()} does not start with the batch")
        values[0] = 0
        tensor.CopyFrom(numpy_helper.from_array(values, tensor.name))

    flushed = flush_subnormal_weights(g)
    rewrite = "batch dim 0 symbolic N; constant Reshape targets [1, ...] -> [0, ...]"
    if flushed:
        rewrite += "; %d subnormal float32 weights -> 0" % flushed
    model.metadata_props.add(key="facegate", value=json.dumps({
        "source": "npm faceplugin-face-recognition-js@0.0.1, model/%s.onnx" % name,
        "onnx_sha256": hashlib.sha256(open(onnx_path, "rb").read()).hexdigest(),
        "rewrite": rewrite,
        "converter": "models/convert/onnx_batch.py (onnx %s)" % onnx.__version__,
    }, sort_keys=True))
    onnx.checker.check_model(model)
    inferred = onnx.shape_inference.infer_shapes(model, strict_mode=True)
    shapes = {o.name: [d.dim_param or d.dim_value for d in o.type.tensor_type.shape.dim] for o in inferred.graph.output}
    if any(shape[0] != "N" for shape in shapes.values()):
        raise ConversionError(f"{name}: inferred output shapes {shapes} do not follow the batch")
    with open(out_path, "wb") as f:
        f.write(model.SerializeToString())
    return shapes


def flush_subnormal_weights(graph):
    """Sets every subnormal float32 initializer value to 0 (see the module doc); returns how many."""
    smallest_normal = np.finfo(np.float32).tiny
    flushed = 0
    for init in graph.initializer:
        if init.data_type != onnx.TensorProto.FLOAT:
            continue
        values = numpy_helper.to_array(init)
        subnormal = (values != 0) & (np.abs(values) < smallest_normal)
        if subnormal.any():
            flushed += int(subnormal.sum())
            values = values.copy()
            values[subnormal] = 0
            init.CopyFrom(numpy_helper.from_array(values, init.name))
    return flushed


def main():
    ap = argparse.ArgumentParser(prog="onnx_batch.py", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--onnx-dir", required=True, help="directory holding the package's *.onnx")
    ap.add_argument("--out-dir", required=True, help="where to write <model>.onnx")
    args = ap.parse_args()
    failed = []
    for name in MODELS:
        try:
            shapes = batch_agnostic(name, os.path.join(args.onnx_dir, name + ".onnx"),
                                    os.path.join(args.out_dir, name + ".onnx"))
            print("   %-12s onnx outputs %s OK" % (name, shapes))
        except ConversionError as e:
            print("FAILED %s: %s" % (name, e), file=sys.stderr)
            failed.append(name)
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
