/**
 * TensorFlow.js as danfo uses it, for the danfojs-node bundle (browser/build.ts resolves danfo's
 * `@tensorflow/tfjs-node` here). In Node, the course's package.json maps `@tensorflow/tfjs-node` to the
 * whole `@tensorflow/tfjs`, which computes on its CPU backend there. danfo calls tfjs-core's tensors and ops
 * (`tensor`, `scalar`, `moments`) and tfjs-data (`data.array` in `sample`): this module is those packages
 * with the CPU backend, the same code as in Node. Left out: layers, the model converter and the WebGL
 * backend, 1.2 MB the lessons never run, and a GPU backend whose float32 results could differ from Node's.
 */
import "@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops";
import "@tensorflow/tfjs-backend-cpu";
import * as data from "@tensorflow/tfjs-data";

export * from "@tensorflow/tfjs-core";
export { data };
