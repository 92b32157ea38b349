/**
 * The browser the browser tests drive with playwright-core, found the way users have one: `CHROME_PATH`,
 * then `chromium`, `chromium-browser`, `google-chrome` or `google-chrome-stable` on the PATH, then the usual
 * macOS application folders. Without one the tests fail with a one-line instruction (never skip silently).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";

/** Names a Chromium or Chrome executable has on the PATH. */
const COMMANDS = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

/** Where macOS keeps them. */
const MAC_APPS = ["Google Chrome.app/Contents/MacOS/Google Chrome", "Chromium.app/Contents/MacOS/Chromium"];

/** What to do when there is none, on one line. */
export const INSTALL_BROWSER =
  "install Chromium or Google Chrome for the browser tests (Debian: sudo apt-get install chromium; " +
  "Ubuntu: sudo snap install chromium; macOS: brew install --cask chromium or google-chrome), " +
  "or set CHROME_PATH to its executable";

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The browser's executable, or an Error whose message says what to install. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | Error {
  const named = env.CHROME_PATH;
  if (named) {
    return isExecutable(named)
      ? named
      : new Error(`CHROME_PATH=${named} is not an executable file: ${INSTALL_BROWSER}`);
  }
  const dirs = (env.PATH ?? "").split(path.delimiter).filter(Boolean);
  for (const command of COMMANDS) {
    for (const dir of dirs) {
      const file = path.join(dir, command);
      if (isExecutable(file)) return file;
    }
  }
  if (process.platform === "darwin") {
    for (const apps of ["/Applications", path.join(os.homedir(), "Applications")]) {
      for (const app of MAC_APPS) {
        const file = path.join(apps, app);
        if (isExecutable(file)) return file;
      }
    }
  }
  return new Error(`No Chromium or Chrome (none of ${COMMANDS.join(", ")} on the PATH): ${INSTALL_BROWSER}`);
}

/** Launches the browser headless, offline-friendly; throws the one-line instruction when there is none. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const executablePath = findBrowser();
  if (executablePath instanceof Error) {
    // One line: no stack of this helper under it.
    executablePath.stack = `Error: ${executablePath.message}`;
    throw executablePath;
  }
  return chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-dev-shm-usage",
      ...extraArgs,
    ],
  });
}

/**
 * A page for files opened from disk with the network cut off: every request other than file: and data: is
 * aborted and its URL pushed to `blocked` (a test asserts it stays empty).
 */
export async function newOfflinePage(browser: Browser, blocked: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  return context.newPage();
}
