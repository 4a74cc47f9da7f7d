// axe-core on every page and state, with the demo data, at desktop width and
// at 360 px (where the document must not scroll sideways).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { startServer, stopAll, openContext, visit, checkA11y, root } from "./harness.mjs";

after(stopAll);

const states = [
  ["Overview", "#/overview", async (page) => {
    await page.getByRole("heading", { level: 1, name: "Bridge 2026 — reverse mentoring pilot" }).waitFor();
  }],
  ["Participants", "#/participants", async (page) => {
    await page.getByRole("table", { name: "Participants in the program" }).waitFor();
  }],
  ["the Add participant form", "#/participants", async (page) => {
    await page.getByRole("button", { name: "Add participant" }).click();
    await page.getByRole("heading", { level: 1, name: "Add participant" }).waitFor();
  }],
  ["the Add participant form with errors", "#/participants", async (page) => {
    await page.getByRole("button", { name: "Add participant" }).click();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByRole("alert").waitFor();
  }],
  ["Program", "#/program", async (page) => {
    await page.getByRole("heading", { level: 1, name: "Program" }).waitFor();
  }],
  ["Pairing", "#/pairing", async (page) => {
    await page.getByRole("heading", { level: 1, name: "Pairing" }).waitFor();
  }],
  ["Pairing with a proposal, a lock, a ban and circles", "#/pairing", async (page) => {
    await page.getByRole("button", { name: "Run pairing" }).click();
    await page.getByRole("article").first().waitFor();
    await page.getByRole("article").first().getByRole("button", { name: "Lock" }).click();
    await page.getByRole("article").nth(1).getByRole("button", { name: "Forbid" }).click();
    await page.getByRole("article").first().locator("summary").click();
    await page.getByRole("button", { name: "Form circles" }).click();
    await page.locator(".circle-card").first().waitFor();
    await page.locator(".circle-member button").first().click();
    await page.getByLabel("To circle").waitFor();
  }],
  ["Data", "#/data", async (page) => {
    await page.getByRole("heading", { level: 1, name: "Data" }).waitFor();
  }],
  ["the import preview", "#/data", async (page) => {
    await page.getByLabel("Import JSON").setInputFiles(join(root, "docs", "example-v1.json"));
    await page.getByText(/Ready to import/).waitFor();
  }],
  ["the import error state", "#/data", async (page) => {
    await page.getByLabel("Import JSON").setInputFiles({
      name: "bad.json", mimeType: "application/json",
      buffer: Buffer.from('{"format": "inversa", "version": 1, "participants": [{"capacity": "two"}]}'),
    });
    await page.getByRole("alert").filter({ hasText: "bad.json cannot be imported" }).waitFor();
  }],
  ["the confirmation dialog", "#/overview", async (page) => {
    await page.getByRole("button", { name: "Start my own program" }).click();
    await page.getByRole("dialog").waitFor();
  }],
];

for (const width of [1280, 360]) {
  test(`accessibility (axe) and layout at ${width} px`, async () => {
    const base = await startServer();
    const s = await openContext({ viewport: { width, height: 800 } });
    try {
      for (const [label, hash, prepare] of states) {
        await visit(s.page, base, hash);
        await prepare(s.page);
        await checkA11y(s.page, `${label} at ${width} px`);
        const scroll = await s.page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scroll <= width, `${label}: the document is ${scroll} px wide at ${width} px (sideways scroll)`);
      }
      s.assertClean();
    } finally {
      await s.close();
    }
  });
}
