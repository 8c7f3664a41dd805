// Browser tests of the UI on the in-memory desk (ui/harness.html), in Debian's Chromium
// through playwright-core: Vite serves the UI, `window.fake` plays the server.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { chromium } from "playwright-core";
import { createServer } from "vite";

const ROOT = resolve(import.meta.dirname, "../..");

/** Debian's Chromium (apt install chromium); playwright's own browsers are never downloaded. */
export const CHROMIUM =
  process.env.ARBITER_CHROMIUM ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));

/** Starts Vite on a free loopback port and Chromium; `close()` stops both. */
export async function startBrowser() {
  if (!CHROMIUM) throw new Error("Chromium is not installed (apt install chromium), or set ARBITER_CHROMIUM");
  const vite = await createServer({
    root: resolve(ROOT, "ui"),
    configFile: resolve(ROOT, "ui/vite.config.ts"),
    logLevel: "warn",
    server: { port: 0, strictPort: false, host: "127.0.0.1", hmr: false },
  });
  await vite.listen();
  const { port } = vite.httpServer.address();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--lang=en-US"] });
  return {
    browser,
    url: (query = "") => `http://127.0.0.1:${port}/harness.html${query}`,
    close: async () => {
      await browser.close();
      await vite.close();
    },
  };
}

/** A fresh page (its own storage) on the harness, with the workspace shown. */
export async function openDesk(env, { query = "", locale = "en-US", colorScheme = "light" } = {}) {
  const context = await env.browser.newContext({ locale, colorScheme, viewport: { width: 1360, height: 860 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(env.url(query));
  return { page, context, errors };
}

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page and returns the serious and critical findings. */
export async function accessibilityProblems(page) {
  await page.addScriptTag({ path: resolve(ROOT, "node_modules/axe-core/axe.min.js") });
  const results = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(" ")})`);
}
