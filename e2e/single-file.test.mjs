// The single-file build: dist/inversa.html copied anywhere on disk and
// opened from file:// runs the whole app, with its CSP enforced, without a
// single request beyond the file itself, and keeps what is saved.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { stopAll, openProfile, waitForApp, stored, exportFile, locales, distDir } from "./harness.mjs";
import { singleFile } from "../scripts/post-build/single-file.mjs";
import { BuildError } from "../scripts/post-build/fail.mjs";

after(stopAll);

const en = locales.en;
const notice = (page, text) => page.getByRole("status").filter({ hasText: text });
const html = readFileSync(join(distDir(), "inversa.html"), "utf8");

const script = html.match(/<script type="module">([\s\S]*?)<\/script>/)?.[1] ?? "";
const style = html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? "";

/** Whatever would make a browser fetch a URL, per part of the file. */
const FETCHING = [
  ["src or href attribute", html, /\s(?:src|href|action|poster|srcset)\s*=\s*["']?\s*(?:https?:)?\/\//gi],
  ["CSS url()", style, /url\(\s*["']?\s*(?:https?:)?\/\//gi],
  ["CSS @import", style, /@import\b/gi],
  ["static import", script, /^\s*import\b[^;(]*["'][^"']+["']/gm],
  ["dynamic import", script, /\bimport\s*\(/g],
  ["fetch", script, /\bfetch\s*\((?!module_or_path\))/g],
];

test("inversa.html refers to nothing outside itself", () => {
  assert.ok(script.length > 1_000_000 && style.length > 10_000, "the app and its styles are inline");
  for (const [what, part, pattern] of FETCHING) {
    assert.deepEqual(part.match(pattern) ?? [], [], `no ${what} reaching out of the file`);
  }
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];
  assert.ok(csp, "inversa.html has a CSP meta");
  const directives = Object.fromEntries(
    csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]),
  );
  assert.deepEqual(directives["default-src"], ["'none'"]);
  for (const [name, sources] of Object.entries(directives)) {
    for (const source of sources) {
      assert.match(source, /^(?:'none'|'wasm-unsafe-eval'|'sha256-[A-Za-z0-9+/]+=*'|data:|blob:)$/, `${name} ${source}`);
    }
  }
  assert.equal(directives["script-src"].filter((s) => s.startsWith("'sha256-")).length, 1, "one inline script");
  assert.equal((html.match(/<script\b/g) ?? []).length, 1, "one script element");
});

test("inversa.html from file:// loads the demo, saves an edit, and keeps it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "inversa-single-file-"));
  const file = join(dir, "inversa.html");
  copyFileSync(join(distDir(), "inversa.html"), file);
  const url = pathToFileURL(file).href;

  const requests = [];
  const session = await openProfile({ enforceCsp: true, isLocal: (u) => u.protocol === "file:" });
  const { page, context } = session;
  context.on("request", (r) => requests.push(r.url()));
  try {
    await page.goto(`${url}#/data`);
    await waitForApp(page);
    await page.getByRole("button", { name: en.data.load_demo, exact: true }).click();
    await notice(page, en.data.demo_loaded).first().waitFor();

    const name = "Pilot carried on a USB stick";
    await page.getByRole("link", { name: en.nav.program, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: en.program.title }).waitFor();
    await page.getByLabel(en.program.name, { exact: true }).fill(name);
    await page.getByRole("button", { name: en.common.save, exact: true }).click();
    await notice(page, en.program.saved).waitFor();
    assert.equal(JSON.parse(await stored(page)).document.program.name, name);

    // A download works from file:// too (a blob: URL, allowed by the CSP).
    await page.getByRole("link", { name: en.nav.data, exact: true }).click();
    const exported = await exportFile(page, en.data.export_button);
    assert.equal(JSON.parse(exported.text).program.name, name);

    await page.goto(url);
    await waitForApp(page);
    assert.match(await page.locator("header").innerText(), new RegExp(name));
    assert.equal(JSON.parse(await stored(page)).document.program.name, name);

    const elsewhere = requests.filter((r) => !["file:", "data:", "blob:"].includes(new URL(r).protocol));
    assert.deepEqual(elsewhere, [], "no request but the file itself (and data:/blob: URLs)");
    assert.deepEqual(requests.filter((r) => r.startsWith("file:")).map((r) => r.split("#")[0]), [url, url],
      "the file is the only file read, once per page load");
    session.assertClean();
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// ------------------------------------------------ the build step itself --

/** A page as Trunk writes it, around the real wasm-bindgen glue of this build. */
const glueName = readdirSync(distDir()).find((f) => /^inversa-[0-9a-f]+\.js$/.test(f));
const GLUE = readFileSync(join(distDir(), glueName), "utf8");
const BOOT = "import init, * as bindings from './app.js';\n"
  + "const wasm = await init({ module_or_path: './app_bg.wasm' });\nwindow.wasmBindings = bindings;\n";
const PAGE = '<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
  + '<link rel="icon" href="data:,"><link rel="stylesheet" href="./app.css"/>'
  + "<script type=\"module\">BOOT</script></head><body></body></html>";

function build({ page = PAGE, boot = BOOT, glue = GLUE, css = "body { margin: 0; }" } = {}) {
  const files = { "app.js": glue, "app_bg.wasm": "\0asm\x01\0\0\0", "app.css": css };
  return singleFile(page.replace("BOOT", () => boot), (path) => Buffer.from(files[path] ?? assert.fail(`read ${path}`)));
}

test("the single-file step allows exactly its inline script and style", () => {
  const page = build();
  const csp = page.match(/content="(default-src 'none';[^"]*)"/)[1];
  const hash = (text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
  const script = page.match(/<script type="module">([\s\S]*?)<\/script>/)[1];
  const style = page.match(/<style>([\s\S]*?)<\/style>/)[1];
  assert.ok(csp.includes(`script-src ${hash(script)} 'wasm-unsafe-eval'`), csp);
  assert.ok(csp.includes(`style-src ${hash(style)};`), csp);
  assert.ok(!/^export\b|^import\b/m.test(script), "no module syntax left to resolve");
});

/** Changes in Trunk's or wasm-bindgen's output that must stop the build, not break the file. */
const REFUSED = [
  ["glue importing JS snippets", { glue: "import * as s from './snippets/x.js';\n" + GLUE }, /imports other modules/],
  ["glue without its export list", { glue: GLUE.replace(/^export \{[^}]*\};?$/m, "") }, /export list/],
  ["glue with an unknown export", { glue: GLUE + "\nexport default 1;\n" }, /was not understood/],
  ["glue that no longer exports initSync", { glue: GLUE.replace(/initSync, /, "") }, /no longer exports/],
  ["glue that instantiates differently",
    { glue: GLUE.replaceAll("instantiate(module, imports)", "instantiate(module)") }, /instantiates from bytes/],
  ["glue containing a closing script tag", { glue: GLUE + "\nconst tag = '</script>';\n" }, /<\/script/],
  ["a loader importing the glue otherwise", { boot: BOOT.replace("import init, * as bindings", "import init") }, /glue import/],
  ["a loader without the wasm path", { boot: BOOT.replace("'./app_bg.wasm'", "wasmUrl") }, /wasm path/],
  ["a page without its CSP", { page: PAGE.replace(/<meta http-equiv[^>]*>/, "") }, /CSP meta/],
  ["a stylesheet with an external font", { css: "@font-face { src: url(fonts/a.woff2); }" }, /fonts\/a\.woff2/],
  ["a page with another external file", { page: PAGE.replace("<body>", '<body><img src="logo.png">') }, /logo\.png/],
];

test("the single-file step fails the build on output it does not understand", () => {
  for (const [what, input, message] of REFUSED) {
    assert.throws(() => build(input), (error) => error instanceof BuildError && message.test(error.message), what);
  }
});
