/**
 * The plugin registering the `tslab` kernel (tslabKernel.ts) with JupyterLite, with the browser runtime
 * served from the site's runtime/ folder. Interrupt reaches the kernel through JupyterLite's kernel client
 * (which otherwise only cancels the cells queued after the running one).
 */
import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import { PageConfig, URLExt } from "@jupyterlab/coreutils";
import { IKernelClient, IKernelSpecs, type IKernel } from "@jupyterlite/services";
import { TslabKernel, TSLAB_SPEC } from "./tslabKernel";

const running = new Map<string, TslabKernel>();

export const tslabKernelPlugin: JupyterFrontEndPlugin<void> = {
  id: "@dlopt/lite:tslab-kernel",
  description: "The tslab kernel: the course's browser runtime.",
  autoStart: true,
  requires: [IKernelSpecs],
  optional: [IKernelClient],
  activate: (_app: JupyterFrontEnd, specs: IKernelSpecs, client: IKernelClient | null) => {
    const runtimeBase = URLExt.join(PageConfig.getBaseUrl(), "runtime/");
    specs.register({
      spec: TSLAB_SPEC,
      create: async (options: IKernel.IOptions): Promise<IKernel> => {
        const kernel = new TslabKernel(options, runtimeBase);
        running.set(kernel.id, kernel);
        kernel.disposed.connect(() => {
          if (running.get(kernel.id) === kernel) running.delete(kernel.id);
        });
        return kernel;
      },
    });
    if (client) {
      const interrupt = client.interrupt.bind(client);
      client.interrupt = async (id: string) => {
        await interrupt(id);
        await running.get(id)?.interrupt();
      };
    }
  },
};
