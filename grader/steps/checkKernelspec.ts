import { KERNELSPEC } from "../../jupyter/notebook";
import type { Step } from "../pipeline";

/** Whatever kernel a submission names, it runs with the course's; a different name is noted. */
export const checkKernelspec: Step = {
  name: "checkKernelspec",
  run(nb, ctx) {
    const name = nb.metadata?.kernelspec?.name;
    if (name !== KERNELSPEC.name) {
      ctx.warnings.push(
        `the notebook asked for kernel "${String(name)}"; it ran with the course kernel (tslab)`,
      );
    }
    nb.metadata.kernelspec = { ...KERNELSPEC };
    return nb;
  },
};
