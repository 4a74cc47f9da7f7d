// Shared set-up for the end-to-end tests: serve the release build on
// 127.0.0.1, drive the system Chromium with Playwright, and record what a
// test must never see: a console error, an uncaught exception, or a request
// that leaves 127.0.0.1.
import { chromium } from "playwright-core";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { serve } from "./serve.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, "..");

export const CHROMIUM = "/usr/bin/chromium";
export const ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
export const STORAGE_KEY = "inversa.workspace.v1";

/** Every UI string, per language, read from the locale files at run time. */
export const locales = Object.fromEntries(
  ["en", "es", "it"].map((l) => [l, JSON.parse(readFileSync(join(root, "locales", `${l}.json`), "utf8"))]),
);

// ---------------------------------------------------------------- server ----

/** The build under test: dist/, or INVERSA_DIST (a helper's own build, say). */
export const distDir = () => process.env.INVERSA_DIST || join(root, "dist");

let server;
let served;

/**
 * Copies dist/ aside before serving it: someone else may run `trunk build`
 * while the suite runs, and a half-replaced dist/ would fail a test for a
 * reason that has nothing to do with the app.
 */
function snapshotDist() {
  const dist = distDir();
  for (let attempt = 0; attempt < 20; attempt++) {
    const copy = mkdtempSync(join(tmpdir(), "inversa-dist-"));
    try {
      cpSync(dist, copy, { recursive: true });
      const html = readFileSync(join(copy, "index.html"), "utf8");
      const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]);
      const wasm = [...html.matchAll(/href="\.\/([^"]+\.wasm)"/g)].map((m) => m[1]);
      if (assets.length > 0 && wasm.length === 1 && assets.every((a) => existsSync(join(copy, a)))) return copy;
    } catch {
      // dist/ is being replaced right now: try again.
    }
    rmSync(copy, { recursive: true, force: true });
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  }
  throw new Error("dist/ is missing or incomplete: run `bash scripts/build.sh` first");
}

/** The folder being served (a copy of the build): a test may change it, as a new deploy would. */
export const servedDir = () => served;

export async function startServer() {
  if (!server) {
    served = snapshotDist();
    server = await serve(served, 0);
  }
  return `http://127.0.0.1:${server.address().port}/`;
}

let browser;
const scratchDirs = [];

/** Closes the server and the shared browser; call from `after`. */
export async function stopAll() {
  await browser?.close();
  browser = undefined;
  server?.close();
  server = undefined;
  if (served) rmSync(served, { recursive: true, force: true });
  served = undefined;
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

// --------------------------------------------------------------- browsers ---

const contextOptions = ({ locale, viewport, enforceCsp }) => ({
  locale,
  viewport,
  acceptDownloads: true,
  // ONLY so axe-core can be injected; the app's CSP forbids inline scripts.
  // `enforceCsp` keeps the page's CSP, so a violation is a console error.
  bypassCSP: !enforceCsp,
});

/** Where the served app's requests may go; the single-file app passes `file:`. */
const servedLocally = (url) => url.hostname === "127.0.0.1";

/** Watches a context; returns the problems it records. */
function watch(context, isLocal = servedLocally) {
  const problems = { consoleErrors: [], foreignRequests: [] };
  const onPage = (page) => {
    page.on("console", (m) => { if (m.type() === "error") problems.consoleErrors.push(m.text()); });
    page.on("pageerror", (e) => problems.consoleErrors.push(`pageerror: ${e}`));
    page.on("websocket", (ws) => problems.foreignRequests.push(ws.url()));
  };
  context.on("page", onPage);
  context.pages().forEach(onPage);
  context.on("request", (r) => {
    const url = new URL(r.url());
    if (["data:", "blob:"].includes(url.protocol)) return;
    if (!isLocal(url)) problems.foreignRequests.push(r.url());
  });
  return problems;
}

function session(context, page, problems, extra = {}) {
  return {
    context, page, problems, ...extra,
    /** Every test ends with this: nothing left 127.0.0.1, nothing went wrong. */
    assertClean() {
      assert.deepEqual(problems.foreignRequests, [], "no request may leave 127.0.0.1");
      assert.deepEqual(problems.consoleErrors, [], "no console errors or uncaught exceptions");
    },
  };
}

/** A fresh, incognito-like context in the shared browser. */
export async function openContext({ locale = "en-US", viewport = { width: 1280, height: 900 }, enforceCsp = false } = {}) {
  browser ??= await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const context = await browser.newContext(contextOptions({ locale, viewport, enforceCsp }));
  const problems = watch(context);
  const page = await context.newPage();
  return session(context, page, problems, {
    async close() { await context.close(); },
  });
}

/**
 * A whole browser with its own user-data dir, so "close the browser and come
 * back" is real: pass the same `dir` again to reopen it. `isLocal(url)` says
 * which requests are the app's own (127.0.0.1 unless told otherwise).
 */
export async function openProfile({
  locale = "en-US", dir, viewport = { width: 1280, height: 900 }, enforceCsp = false, isLocal = servedLocally,
} = {}) {
  const userDataDir = dir ?? mkdtempSync(join(tmpdir(), "inversa-profile-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: ARGS, ...contextOptions({ locale, viewport, enforceCsp }),
  });
  const problems = watch(context, isLocal);
  const page = context.pages()[0] ?? (await context.newPage());
  return session(context, page, problems, {
    userDataDir,
    async close({ keep = false } = {}) {
      await context.close();
      if (!keep) rmSync(userDataDir, { recursive: true, force: true });
    },
  });
}

// ------------------------------------------------------------------ pages ---

/** Waits until the wasm app has mounted and rendered a page heading. */
export async function waitForApp(page) {
  await page.waitForFunction(() => document.querySelector("main h1"));
}

/** Loads the app afresh at `hash` (e.g. "#/data") and waits for it to mount. */
export async function visit(page, base, hash = "") {
  const target = base + hash;
  const samePage = page.url().split("#")[0] === target.split("#")[0];
  await page.goto(target);
  // Going to another hash of the same page would not load it again.
  if (samePage) await page.reload();
  await waitForApp(page);
}

export async function stored(page) {
  return page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
}

/** Clicks "Export JSON" on the Data page; returns the file's name, path and text. */
export async function exportFile(page, label = "Export JSON") {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: label }).click(),
  ]);
  const name = download.suggestedFilename();
  // Keep the suggested name, as a browser's Downloads folder would.
  const dir = mkdtempSync(join(tmpdir(), "inversa-download-"));
  scratchDirs.push(dir);
  const path = join(dir, name);
  await download.saveAs(path);
  return { name, path, text: readFileSync(path, "utf8") };
}

/** The name of the program as saved in this browser. */
export const savedName = async (page) => JSON.parse(await stored(page)).document.program.name;

/**
 * Renames the program on the Program page and presses Save. Saving to
 * storage is the caller's to check (another tab may be holding it back).
 */
export async function renameProgram(page, name) {
  await page.getByRole("link", { name: "Program", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Program" }).waitFor();
  await page.getByLabel("Program name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Save", exact: true }).click();
}

/** The confirmation dialog of the demo banner. */
export async function startOwnProgram(page) {
  await page.getByRole("button", { name: "Start my own program" }).click();
  const dialog = page.getByRole("dialog", { name: "Start your own program?" });
  await dialog.waitFor();
  await dialog.getByRole("button", { name: "Start my own program" }).click();
  await dialog.waitFor({ state: "hidden" });
  await page.getByRole("heading", { level: 1, name: "Program" }).waitFor();
}

/** The file name Export should suggest for a program name (accents folded). */
export function expectedFileName(programName) {
  const slug = programName.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "");
  return new RegExp(`^inversa-${slug || "program"}-\\d{4}-\\d{2}-\\d{2}\\.json$`);
}

// ---------------------------------------------------------- accessibility ---

const AXE = readFileSync(join(root, "node_modules", "axe-core", "axe.min.js"), "utf8");

/** axe-core scan of the whole document; fails on serious or critical violations. */
export async function checkA11y(page, label) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const bad = result.violations.filter((v) => ["serious", "critical"].includes(v.impact));
  const summary = bad.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n      ${v.nodes.map((n) => n.target.join(" ")).slice(0, 8).join("\n      ")}`);
  assert.deepEqual(summary, [], `accessibility problems on ${label}:\n    ${summary.join("\n    ")}`);
}

/** Retries `check` until it stops throwing (the UI is reactive, not instant). */
export async function eventually(check, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
