// Offline and installable: the web app manifest is linked and complete, its
// icons load, the service worker takes control, and with the network gone
// the app still starts and still saves. The page's own CSP is enforced here
// (the other tests bypass it), so a violation fails the test.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  startServer, stopAll, openContext, openProfile, visit, waitForApp, stored, locales, eventually, servedDir,
} from "./harness.mjs";

after(stopAll);

const en = locales.en;
const notice = (page, text) => page.getByRole("status").filter({ hasText: text });

/** Content types the server must send for the PWA's own files. */
const CONTENT_TYPES = [
  ["manifest.webmanifest", /^application\/manifest\+json/],
  ["sw.js", /^text\/javascript/],
  ["icons/icon.svg", /^image\/svg\+xml/],
  ["icons/icon-192.png", /^image\/png/],
];

/**
 * Waits until sw.js, registered once the app has started, has cached the
 * whole app and become active for the app's folder.
 */
async function activeServiceWorker(page, base) {
  await eventually(async () => {
    const registration = await page.evaluate(async () => {
      const found = await navigator.serviceWorker.getRegistration();
      return { script: found?.active?.scriptURL, scope: found?.scope, state: found?.active?.state };
    });
    assert.deepEqual(registration, { script: new URL("sw.js", base).href, scope: base, state: "activated" });
  }, 30_000);
}

test("installable: the manifest is linked and complete, its icons load, Chrome finds nothing missing", async () => {
  const base = await startServer();
  for (const [path, type] of CONTENT_TYPES) {
    const response = await fetch(new URL(path, base));
    assert.equal(response.status, 200, path);
    assert.match(response.headers.get("content-type"), type, path);
  }

  // A profile on disk: Chrome never offers installing from an incognito context.
  const session = await openProfile({ enforceCsp: true });
  const { page, context } = session;
  try {
    await visit(page, base);
    assert.equal(await page.locator('link[rel="manifest"]').getAttribute("href"), "manifest.webmanifest");
    assert.equal(await page.locator('meta[name="theme-color"]').getAttribute("content"), "#074047");
    await activeServiceWorker(page, base);

    // The manifest as Chrome itself fetches (under the page's CSP) and parses it.
    const cdp = await context.newCDPSession(page);
    const { url, errors, data } = await cdp.send("Page.getAppManifest");
    assert.equal(url, new URL("manifest.webmanifest", base).href);
    assert.deepEqual(errors, [], "Chrome's manifest parser reports nothing");
    const manifest = JSON.parse(data);
    const { name, short_name, start_url, scope, display } = manifest;
    assert.deepEqual(
      { name, short_name, start_url, scope, display },
      { name: "Inversa", short_name: "Inversa", start_url: "./", scope: "./", display: "standalone" },
    );
    assert.match(manifest.description, /reverse-mentoring/);
    for (const colour of [manifest.background_color, manifest.theme_color]) assert.match(colour, /^#[0-9a-f]{6}$/);
    assert.deepEqual((await cdp.send("Page.getInstallabilityErrors")).installabilityErrors, [], "Chrome would offer installing");

    // Every icon decodes at the size the manifest claims.
    const icons = await page.evaluate((entries) => Promise.all(entries.map(async (icon) => {
      const image = new Image();
      image.src = new URL(icon.src, document.querySelector('link[rel="manifest"]').href).href;
      await image.decode();
      return { ...icon, width: image.naturalWidth, height: image.naturalHeight };
    })), manifest.icons);
    for (const icon of icons) {
      if (icon.sizes !== "any") assert.equal(`${icon.width}x${icon.height}`, icon.sizes, icon.src);
    }
    assert.ok(icons.some((i) => i.type === "image/png" && i.purpose === "any" && i.width >= 144), "an installable PNG icon");
    assert.ok(icons.some((i) => i.purpose === "maskable"), "a maskable icon");
    session.assertClean();
  } finally {
    await session.close();
  }
});

test("offline: the service worker serves the app, which still loads and saves", async () => {
  const base = await startServer();
  const session = await openContext({ enforceCsp: true });
  const { page, context } = session;
  const origin = new URL(base).origin;
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  try {
    await visit(page, base, "#/overview");
    await activeServiceWorker(page, base);

    await page.reload();
    await waitForApp(page);
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL), new URL("sw.js", base).href,
      "after a reload the service worker controls the page");
    const caches = await page.evaluate(() => caches.keys());
    assert.equal(caches.length, 1, `one cache for this version: ${caches}`);
    assert.ok(caches[0].startsWith(`inversa:${base}:`), caches[0]);

    await context.setOffline(true);
    const response = await page.reload();
    assert.ok(response.fromServiceWorker(), "the page itself came from the service worker");
    await waitForApp(page);
    assert.equal(await page.evaluate(() => navigator.onLine), false);
    await page.getByRole("heading", { level: 1 }).waitFor();

    // An edit saves while offline: storage is local, the network plays no part.
    const name = "Offline pilot 2027";
    await page.getByRole("link", { name: en.nav.program, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: en.program.title }).waitFor();
    await page.getByLabel(en.program.name, { exact: true }).fill(name);
    await page.getByRole("button", { name: en.common.save, exact: true }).click();
    await notice(page, en.program.saved).waitFor();
    assert.equal(JSON.parse(await stored(page)).document.program.name, name);

    // Back online, another page load: the edit is still there.
    await context.setOffline(false);
    await page.reload();
    await waitForApp(page);
    assert.match(await page.locator("header").innerText(), new RegExp(name));

    const elsewhere = requests.filter((url) => {
      const u = new URL(url);
      return !["data:", "blob:"].includes(u.protocol) && u.origin !== origin;
    });
    assert.deepEqual(elsewhere, [], "every request stays on the page's own origin");
    session.assertClean();
  } finally {
    await session.close();
  }
});

// Last in this file: it changes the served build, as a new deploy would.
test("update: a new version waits until asked; Update now switches to it and reloads", async () => {
  const base = await startServer();
  const session = await openContext({ enforceCsp: true });
  const { page } = session;
  try {
    await visit(page, base);
    await activeServiceWorker(page, base);
    await page.reload();
    await waitForApp(page);
    await eventually(async () => assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))));
    const banner = page.getByRole("status").filter({ hasText: en.banner.update_ready });
    assert.equal(await banner.count(), 0, "nothing to offer yet");

    // A new deploy: sw.js changes, the browser finds it, the new version waits.
    const sw = join(servedDir(), "sw.js");
    writeFileSync(sw, readFileSync(sw, "utf8") + "\n// the next version\n");
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await banner.waitFor({ timeout: 30_000 });
    assert.ok(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration()).waiting)));

    await Promise.all([
      page.waitForEvent("load"),
      banner.getByRole("button", { name: en.banner.update_now, exact: true }).click(),
    ]);
    await waitForApp(page);
    await eventually(async () => {
      const state = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return { waiting: Boolean(registration.waiting), active: registration.active?.state };
      });
      assert.deepEqual(state, { waiting: false, active: "activated" });
    }, 30_000);
    assert.equal(await banner.count(), 0, "the new version runs: nothing more to offer");
    session.assertClean();
  } finally {
    await session.close();
  }
});
