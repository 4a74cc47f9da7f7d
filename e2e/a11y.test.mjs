// axe-core on every page and state, at desktop width and at 360 px.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startServer, stopServer, openProfile, visit, checkA11y, root } from "./harness.mjs";

after(stopServer);

const states = [
  ["overview", "#/overview", null],
  ["participants", "#/participants", null],
  ["participant form with errors", "#/participants", async (page) => {
    await page.getByRole("button", { name: "Add participant" }).click();
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("alert").waitFor();
  }],
  ["program", "#/program", null],
  ["data", "#/data", null],
  ["import preview", "#/data", async (page) => {
    await page.getByLabel("Import JSON").setInputFiles(join(root, "docs", "example-v1.json"));
    await page.getByText(/Ready to import/).waitFor();
  }],
  ["import errors", "#/data", async (page) => {
    await page.getByLabel("Import JSON").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from("{\"format\": 1") });
    await page.getByRole("alert").waitFor();
  }],
];

for (const width of [1280, 360]) {
  test(`accessibility and layout at ${width} px`, async () => {
    const base = await startServer();
    const p = await openProfile({ viewport: { width, height: 900 } });
    try {
      for (const [label, hash, prepare] of states) {
        await visit(p.page, base, hash);
        if (prepare) await prepare(p.page);
        await checkA11y(p.page, `${label} at ${width} px`);
        const scroll = await p.page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scroll <= width, `${label}: the page is ${scroll} px wide at ${width} px`);
      }
      p.assertClean();
    } finally {
      await p.close();
    }
  });
}
