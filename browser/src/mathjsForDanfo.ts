/**
 * mathjs as danfo uses it, for the danfojs-node bundle (browser/build.ts resolves danfo's `mathjs` here):
 * the five functions danfo calls, from mathjs's own tree-shakable entry, the same code as in Node. Importing
 * the whole of mathjs builds its hundreds of functions at load, which made `import * as dfd` wait for
 * them in every lesson; a lesson or lib function that imports mathjs itself still gets all of it.
 */
export { mean, median, mode, std, variance } from "mathjs";
