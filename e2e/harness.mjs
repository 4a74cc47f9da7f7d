// Shared set-up for the end-to-end tests: serve dist/ on 127.0.0.1, drive the
// system Chromium with Playwright, and watch for console errors and for any
// request that would leave the page's own origin.
import { chromium } from "playwright-core";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { serve } from "./serve.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, "..");

const ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** Every visible string, per language, read from the locale files. */
export const locales = Object.fromEntries(
  ["en", "es", "it"].map((l) => [l, JSON.parse(readFileSync(join(root, "locales", `${l}.json`), "utf8"))]),
);

let server;
export async function startServer() {
  server ??= await serve(join(root, "dist"), 0);
  return `http://127.0.0.1:${server.address().port}/`;
}
export function stopServer() {
  server?.close();
  server = undefined;
}

/**
 * A browser profile in its own user-data dir, so "close the browser and come
 * back" is real. Records problems instead of throwing so tests can assert
 * them at the end.
 */
export async function openProfile({ locale = "en-US", dir, viewport = { width: 1280, height: 900 } } = {}) {
  const userDataDir = dir ?? mkdtempSync(join(tmpdir(), "inversa-e2e-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ARGS,
    locale,
    viewport,
    acceptDownloads: true,
    // Only so axe-core can be injected; the app's own CSP is tested by the
    // absence of console errors in every other respect.
    bypassCSP: true,
  });
  const problems = { consoleErrors: [], foreignRequests: [] };
  const watch = (page) => {
    page.on("console", (m) => { if (m.type() === "error") problems.consoleErrors.push(m.text()); });
    page.on("pageerror", (e) => problems.consoleErrors.push(String(e)));
  };
  context.on("page", watch);
  context.pages().forEach(watch);
  context.on("request", (r) => {
    const url = new URL(r.url());
    if (!["127.0.0.1", ""].includes(url.hostname) && !["data:", "blob:"].includes(url.protocol)) {
      problems.foreignRequests.push(r.url());
    }
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context, page, userDataDir, problems,
    async close({ keep = false } = {}) {
      await context.close();
      if (!keep) rmSync(userDataDir, { recursive: true, force: true });
    },
    assertClean() {
      assert.deepEqual(problems.foreignRequests, [], "no request may leave 127.0.0.1");
      assert.deepEqual(problems.consoleErrors, [], "no console errors");
    },
  };
}

/** Opens `hash` and waits for the wasm app to render its page heading. */
export async function visit(page, base, hash = "") {
  await page.goto(base + hash);
  await page.waitForSelector("main h1");
}

export async function stored(page) {
  return page.evaluate(() => localStorage.getItem("inversa.workspace.v1"));
}

/** axe-core scan; fails on serious or critical violations. */
export async function checkA11y(page, label) {
  const source = readFileSync(join(root, "node_modules", "axe-core", "axe.min.js"), "utf8");
  await page.addScriptTag({ content: source });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const bad = result.violations.filter((v) => ["serious", "critical"].includes(v.impact));
  const summary = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("\n    ")}`);
  assert.deepEqual(summary, [], `accessibility problems on ${label}`);
}
