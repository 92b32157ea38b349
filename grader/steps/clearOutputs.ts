import { clearOutputs as clear } from "../../jupyter/notebook";
import type { Step } from "../pipeline";

/** No output, execution count or timing of an earlier run survives (release and autograde alike). */
export const clearOutputs: Step<unknown> = {
  name: "clearOutputs",
  run: (nb) => clear(nb),
};
