// Full in-page pairing of a synthetic 2,000-person program, in headless
// Chromium, against the same pairing run natively (bench/pairing.rs) on the
// very same program. Prints times side by side and their ratio; it asserts
// nothing (machines here are noisy).
//
// Run after a build:  bash scripts/build.sh && node bench/pairing-page.mjs [people]
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../e2e/serve.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const people = Number(process.argv[2] || 2000);
const scratch = mkdtempSync(join(tmpdir(), "inversa-bench-"));
const file = join(scratch, `synthetic-${people}.json`);

// 1. Native: the same program, written to a file for the page.
const native = execFileSync("bash", ["-c",
  `source scripts/env.sh && cargo bench --quiet --bench pairing -- --people ${people} --write '${file}'`],
  { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
const line = native.trim().split("\n").pop();
const nativeMs = Number(/native_ms=([\d.]+)/.exec(line)[1]);

// 2. In the page: import the file, then press "Run pairing" a few times.
const server = await serve(join(root, "dist"), 0);
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${base}#/data`);
await page.getByLabel("Import JSON").setInputFiles(file);
await page.getByRole("button", { name: "Import", exact: true }).click();
await page.getByRole("link", { name: "Pairing", exact: true }).click();
const status = page.locator("#run-status");
const computed = [];
const toCards = [];
for (let run = 0; run < 5; run++) {
  const before = await status.innerText();
  const start = Date.now();
  await page.getByRole("button", { name: "Run pairing", exact: true }).click();
  await page.waitForFunction((old) => {
    const now = document.querySelector("#run-status").textContent;
    return now !== old && /computed in/.test(now) && document.querySelector(".match-card");
  }, before, { timeout: 60_000, polling: 5 });
  toCards.push(Date.now() - start);
  const text = await status.innerText();
  computed.push(Number(/computed in ([\d.,]+)/.exec(text)[1].replace(/,/g, "")));
}
await browser.close();
server.close();
rmSync(scratch, { recursive: true, force: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const wasmMs = median(computed);
console.log(`machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}`);
console.log(line);
console.log("");
console.log("pairing of", people, "people     median ms   ratio to native");
console.log(`native (bench/pairing.rs)      ${nativeMs.toFixed(0).padStart(6)}      1.00`);
console.log(`in page, compute (wasm)        ${String(wasmMs).padStart(6)}      ${(wasmMs / nativeMs).toFixed(2)}`);
console.log(`in page, click → cards shown   ${String(median(toCards)).padStart(6)}      ${(median(toCards) / nativeMs).toFixed(2)}   (target < 500 ms)`);
