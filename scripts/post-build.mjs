// Trunk post-build hook: turns Trunk's output into an offline, installable
// app and a single-file copy. Runs on Trunk's staging directory, or on the
// directory given as argument (a copy of a Trunk build whose loader is still
// inline). The steps run in this order on purpose:
//   1. the loader leaves index.html for boot-<hash>.js, which also registers
//      the service worker (the CSP of index.html forbids inline scripts);
//   2. manifest.webmanifest, from index.html, the stylesheet and icons/;
//   3. inversa.html, the whole app in one file, from Trunk's original page;
//   4. sw.js last, as it precaches every other file (but inversa.html).
// Anything unexpected in Trunk's or wasm-bindgen's output fails the build.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { externalizeBoot } from "./post-build/boot.mjs";
import { BuildError } from "./post-build/fail.mjs";
import { webManifest } from "./post-build/manifest.mjs";
import { serviceWorker } from "./post-build/service-worker.mjs";
import { singleFile } from "./post-build/single-file.mjs";

const SINGLE_FILE = "inversa.html";
const SERVICE_WORKER = "sw.js";
const MANIFEST = "manifest.webmanifest";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run me from Trunk, or give a directory)");
  process.exit(1);
}

/** Every file under `dir`, as "/"-separated paths relative to it. */
function filesUnder(root) {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join("/"));
}

const read = (path) => readFileSync(join(dir, path));
const write = (path, text) => {
  writeFileSync(join(dir, path), text);
  console.log(`post-build: wrote ${path} (${Buffer.byteLength(text)} bytes)`);
};

try {
  const trunkPage = read("index.html").toString("utf8");

  const boot = externalizeBoot(trunkPage);
  write(boot.name, boot.code);

  const stylesheets = [...boot.html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)"/g)];
  const css = stylesheets.map((m) => read(m[1]).toString("utf8")).join("\n");
  const icons = filesUnder(dir).filter((path) => path.startsWith("icons/")).map((path) => ({ path, bytes: read(path) }));
  write(MANIFEST, webManifest(boot.html, css, icons));
  write("index.html", boot.html);

  write(SINGLE_FILE, singleFile(trunkPage, read));

  const precached = filesUnder(dir).filter((path) => path !== SERVICE_WORKER && path !== SINGLE_FILE);
  write(SERVICE_WORKER, serviceWorker(precached, read));
} catch (error) {
  if (!(error instanceof BuildError)) throw error;
  console.error(`post-build: ${error.message}`);
  process.exit(1);
}
