import { chromium } from "playwright-core";
import * as path from "path";
import { serveStatic } from "../test/integration/browserServer";
(async () => {
  const { server, base } = await serveStatic(path.resolve("build/browser"));
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
  const page = await browser.newPage();
  page.on("console", (m) => console.log("[page]", m.text()));
  page.on("pageerror", (e) => console.log("[pageerror]", e));
  await page.goto(base + "index.html");
  const ms = await page.evaluate(() => window.courseRuntime.whenReady());
  console.log("ready", ms);
  const cells = JSON.parse(process.argv[2]);
  for (const c of cells) {
    const r = await page.evaluate((c) => window.courseRuntime.execute(c), c);
    console.log(JSON.stringify(c), "=>", r.ok, r.ms.toFixed(0), JSON.stringify(r.outputs).slice(0, 600));
  }
  await browser.close();
  server.close();
})();
