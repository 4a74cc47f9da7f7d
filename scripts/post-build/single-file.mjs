// inversa.html: the whole app in one file that works when opened from disk,
// so the app can travel with the data (a USB stick, an email attachment).
// file:// pages cannot load module scripts from files, so the stylesheets,
// the wasm-bindgen glue, Trunk's loader and the wasm itself all go inline,
// and the page's CSP allows exactly those inline blocks (by hash) and nothing
// from anywhere else.
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { inlineBoot } from "./boot.mjs";
import { matchOnce, require } from "./fail.mjs";

/** The CSP source for an inline block's text (what browsers hash). */
const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** HTML parsers turn CR LF and CR into LF before anything else: hash what they will see. */
const normalizeNewlines = (text) => text.replace(/\r\n?/g, "\n");

const TYPES = { svg: "image/svg+xml", png: "image/png", ico: "image/x-icon" };

/**
 * The glue from `wasm-bindgen --target web` (0.2.130) as plain top-level
 * code for a single inline module script: `export` keywords dropped and the
 * export list turned into the object Trunk's loader calls `bindings`.
 * Returns `{ code, exportsObject }`.
 */
export function inlineGlue(glue) {
  require(!/^\s*import\b/m.test(glue),
    "single-file: the wasm-bindgen glue imports other modules (JS snippets?); inlining them is not supported");
  const names = [];
  let code = glue.replace(/^export (class|function|async function|const|let) ([A-Za-z_$][\w$]*)/gm, (_, kind, name) => {
    names.push(`${name}: ${name}`);
    return `${kind} ${name}`;
  });
  const list = matchOnce(code, /^export \{([^}]*)\};?[ \t]*$/m, "export list at the end of the wasm-bindgen glue");
  for (const item of list[1].split(",").map((s) => s.trim()).filter(Boolean)) {
    const [local, exported = local] = item.split(/\s+as\s+/);
    names.push(`${exported}: ${local}`);
  }
  code = code.replace(list[0], "");
  require(!/^\s*export\b/m.test(code), "single-file: an `export` in the wasm-bindgen glue was not understood");
  require(names.includes("default: __wbg_init") && names.includes("initSync: initSync"),
    "single-file: the wasm-bindgen glue no longer exports __wbg_init as default and initSync");
  // The bytes path of __wbg_init: WebAssembly.instantiate(bytes, imports).
  require(code.includes("await WebAssembly.instantiate(module, imports)"),
    "single-file: the wasm-bindgen glue no longer instantiates from bytes the way this script expects");
  return { code, exportsObject: `Object.freeze({ __proto__: null, ${names.join(", ")} })` };
}

/**
 * Trunk's loader rewritten to take the glue from the same script and the
 * wasm from `embeddedWasm()`. Returns `{ code, glue, wasm }`, the last two
 * being the file names the loader referred to.
 */
export function inlineLoader(boot) {
  const imported = matchOnce(boot, /^import init, \* as bindings from '\.\/([^']+\.js)';$/m, "glue import in Trunk's loader");
  const fetched = matchOnce(boot, /module_or_path: '\.\/([^']+\.wasm)'/, "wasm path in Trunk's loader");
  const code = boot
    .replace(imported[0], () => "const init = __wbg_init;\nconst bindings = INVERSA_BINDINGS;")
    .replace(fetched[0], () => "module_or_path: await embeddedWasm()");
  return { code, glue: imported[1], wasm: fetched[1] };
}

/**
 * The wasm gzipped and in base64 (a third of the raw size), unpacked in the
 * page with DecompressionStream: no request of any kind.
 */
function embeddedWasmFunction(wasm) {
  const base64 = gzipSync(wasm, { level: 9 }).toString("base64");
  return `async function embeddedWasm() {
  const base64 = "${base64}";
  const packed = Uint8Array.fromBase64
    ? Uint8Array.fromBase64(base64)
    : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const unpacked = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(unpacked).arrayBuffer());
}`;
}

/** Fails unless `text` can sit inside a <script> or <style> element unchanged. */
function requireInlineable(text, element, what) {
  require(!new RegExp(`</${element}`, "i").test(text), `single-file: ${what} contains "</${element}"`);
  require(!text.includes("<!--"), `single-file: ${what} contains "<!--"`);
}

/**
 * inversa.html from the staged index.html as Trunk wrote it (its loader still
 * inline); `read(path)` gives a staged file's bytes.
 */
export function singleFile(html, read) {
  const loader = inlineLoader(inlineBoot(html));
  const glue = inlineGlue(read(loader.glue).toString("utf8"));

  const script = normalizeNewlines(`${glue.code}
// Trunk's loader, with the glue above and the wasm below instead of files.
// A block, so its names cannot clash with the glue's.
{
const INVERSA_BINDINGS = ${glue.exportsObject};
${embeddedWasmFunction(read(loader.wasm))}
${loader.code}}
`);
  requireInlineable(script, "script", "the inline script");

  const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>/g)];
  require(stylesheets.length > 0, "single-file: no stylesheet links in index.html");
  const css = normalizeNewlines(stylesheets.map((m) => read(m[1]).toString("utf8").trim()).join("\n\n") + "\n");
  requireInlineable(css, "style", "the stylesheets");
  for (const url of css.matchAll(/url\(\s*["']?([^"')\s]+)/g)) {
    require(url[1].startsWith("data:"), `single-file: the stylesheets refer to ${url[1]}, which one file cannot carry`);
  }
  require(!/@import\b/.test(css), "single-file: the stylesheets use @import, which one file cannot carry");

  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(css)}`,
    "img-src data: blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");

  let page = html;
  const replaceOnce = (pattern, what, replacement) => {
    const found = matchOnce(page, pattern, what);
    page = page.replace(found[0], () => replacement(found));
  };
  replaceOnce(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, "CSP meta in index.html",
    () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  // Stylesheets: the first link becomes the one <style>, the others go.
  page = page.replace(stylesheets[0][0], () => `<style>${css}</style>`);
  for (const link of stylesheets.slice(1)) page = page.replace(link[0], "");
  // Preloads, the manifest and the home-screen icon only make sense over http(s).
  page = page.replace(/[ \t]*<link rel="(?:modulepreload|preload|manifest|apple-touch-icon)"[^>]*>\n?/g, "");
  replaceOnce(/<link rel="icon" href="([^"]+)"/, "<link rel=\"icon\"> in index.html", ([, href]) => {
    if (href.startsWith("data:")) return `<link rel="icon" href="${href}"`;
    const type = TYPES[href.split(".").pop()];
    require(type, `single-file: unknown icon type ${href}`);
    return `<link rel="icon" href="data:${type};base64,${read(href).toString("base64")}"`;
  });
  replaceOnce(/<script type="module">[\s\S]*?<\/script>/, "inline module script in index.html",
    () => `<script type="module">${script}</script>`);

  const markup = page.replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1>/g, "<$1$2></$1>");
  const leftover = [...markup.matchAll(/\s(?:src|href)="(?!data:)([^"]*)"/g)].map((m) => m[1]);
  require(leftover.length === 0, `single-file: index.html still refers to ${leftover.join(", ")}; inline it or drop it here`);
  return page;
}
