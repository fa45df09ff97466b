// Runs the original ONNX models with ONNX Runtime (onnxruntime-node) on the
// inputs written by `verify.py prepare`, one case at a time (batch 1).
// usage: node verify_ort.js MODELS_DIR WORKDIR   (NODE_PATH must find onnxruntime-node)
const fs = require("fs");
const path = require("path");
const ort = require("onnxruntime-node");

async function main() {
  const [modelsDir, work] = process.argv.slice(2);
  const manifest = JSON.parse(fs.readFileSync(path.join(work, "manifest.json"), "utf8"));
  for (const [name, m] of Object.entries(manifest)) {
    const session = await ort.InferenceSession.create(path.join(modelsDir, "onnx", name + ".onnx"),
      {executionProviders: ["cpu"], graphOptimizationLevel: "all"});
    for (const tag of m.cases) {
      const buf = fs.readFileSync(path.join(work, name, tag + ".in.f32"));
      const data = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
      const feeds = {[session.inputNames[0]]: new ort.Tensor("float32", data, [1, ...m.shape])};
      const out = await session.run(feeds);
      session.outputNames.forEach((o, j) => {
        const t = out[o].data;
        fs.writeFileSync(path.join(work, name, `${tag}.ort${j}.f32`),
          Buffer.from(t.buffer, t.byteOffset, t.byteLength));
      });
    }
    console.log(`ORT ${ort.env.versions ? ort.env.versions.common : ""} ${name}: ${m.cases.length} cases, outputs ${session.outputNames.join(",")}`);
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
