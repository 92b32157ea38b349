/**
 * Starts one JupyterLite app (built once per app by build.ts, which passes the app's plugin modules):
 * registers the plugins, resolves the service manager JupyterLite's plugins provide, creates the app with
 * the course's plugins (the tslab kernel, the plotly renderer) and starts it. jupyterlite's app/ does the
 * same with module federation for extensions installed later; this edition has none, so all is bundled.
 */
import { PageConfig } from "@jupyterlab/coreutils";
import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { IServiceManager, type ServiceManager } from "@jupyterlab/services";
import { PluginRegistry, type IPlugin } from "@lumino/coreutils";
import { tslabKernelPlugin } from "./tslabKernelPlugin";
import { plotlyRenderer } from "./plotlyRenderer";

/** A plugin package as imported: its default export is one plugin or an array of them. */
type PluginModule = { default?: unknown } & Record<string, unknown>;

interface AppClass {
  new (options: {
    pluginRegistry: PluginRegistry;
    mimeExtensions: IRenderMime.IExtensionModule[];
    serviceManager: ServiceManager.IManager;
  }): {
    name: string;
    start(options?: { bubblingKeydown?: boolean }): Promise<void>;
    restored: Promise<void>;
  };
}

function plugins<T>(mod: PluginModule, disabled: string[]): T[] {
  const exported = (mod.__esModule || "default" in mod ? mod.default : mod) as T | T[];
  const all = (Array.isArray(exported) ? exported : [exported]) as (T & { id: string })[];
  return all.filter(
    (p) =>
      !disabled.includes(p.id) &&
      !disabled.includes(p.id.split(":")[0]) &&
      !PageConfig.Extension.isDisabled(p.id),
  );
}

export async function main(
  App: AppClass,
  extensions: PluginModule[],
  mimeExtensions: PluginModule[],
  disabled: string[],
): Promise<void> {
  const registry = new PluginRegistry();
  const all = extensions.flatMap((m) => plugins<IPlugin<unknown, unknown>>(m, disabled));
  registry.registerPlugins([...all, tslabKernelPlugin as IPlugin<unknown, unknown>]);
  const mimes = [
    ...mimeExtensions.flatMap((m) => plugins<IRenderMime.IExtension>(m, disabled)),
    plotlyRenderer,
  ];
  const serviceManager = (await registry.resolveRequiredService(IServiceManager)) as ServiceManager.IManager;
  // JupyterLab takes a renderer as its own module (createRendermimePlugins reads a module without
  // __esModule as the extension itself), as jupyterlite's app/ passes them.
  const mimeModules = mimes as unknown as IRenderMime.IExtensionModule[];
  const app = new App({ pluginRegistry: registry, mimeExtensions: mimeModules, serviceManager });
  app.name = PageConfig.getOption("appName") || "JupyterLite";
  (window as unknown as { jupyterapp: unknown }).jupyterapp = app;
  await app.start({ bubblingKeydown: true });
  await app.restored;
}
