// Trunk post-build hook: moves Trunk's inline module script into its own file
// so the page's Content-Security-Policy can forbid inline scripts entirely
// (script-src 'self'). Runs on Trunk's staging directory.
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("externalize-boot: TRUNK_STAGING_DIR is not set (run me from Trunk)");
  process.exit(1);
}
const indexPath = join(dir, "index.html");
const html = readFileSync(indexPath, "utf8");
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) {
  console.error("externalize-boot: no inline module script found in index.html");
  process.exit(1);
}
const code = match[1].trim() + "\n";
const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
const name = `boot-${hash}.js`;
writeFileSync(join(dir, name), code);
writeFileSync(indexPath, html.replace(inline, `<script type="module" src="./${name}"></script>`));
console.log(`externalize-boot: wrote ${name}`);
