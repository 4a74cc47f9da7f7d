// No leaks: a whole program driven as a coordinator would — demo → Pairing →
// accept → Sessions (a schedule, a calendar file, a check-in round) →
// Impact (self-assessment round, charts, report, CSV) → Data (export, and
// an encrypted export) — and every request the page made went to its own
// origin. The harness records requests; this test also lists them all.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, stopAll, openContext, visit, locales, eventually, exportFile } from "./harness.mjs";

after(stopAll);

const en = locales.en;
const notice = (page, text) => page.getByRole("status").filter({ hasText: text });

test("no leaks: a full program makes no request to any other host", async () => {
  const base = await startServer();
  const session = await openContext();
  const { page, context } = session;
  const origin = new URL(base).origin;
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  try {
    await context.clock.install({ time: new Date("2026-10-06T09:00:00Z") });
    await context.addInitScript(() => { window.print = () => {}; });
    await visit(page, base, "#/overview");

    await page.getByRole("link", { name: "Pairing", exact: true }).click();
    await page.getByRole("button", { name: "Run pairing", exact: true }).click();
    await eventually(async () => assert.match(await page.locator("#run-status").innerText(), /computed in/));
    await page.getByRole("button", { name: "Accept pairing", exact: true }).click();
    await notice(page, "Pairing accepted").first().waitFor();

    await page.getByRole("link", { name: "Sessions", exact: true }).click();
    const card = page.getByRole("region", { name: /^All pairs/ }).getByRole("article").first();
    await card.getByRole("button", { name: /^Open / }).click();
    await page.getByRole("button", { name: "Generate schedule", exact: true }).click();
    await page.getByRole("button", { name: "Download calendar (.ics)", exact: true }).first().waitFor();
    const [calendar] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download calendar (.ics)", exact: true }).first().click(),
    ]);
    assert.match(calendar.suggestedFilename(), /\.ics$/);
    // Back to the list of pairs, where the check-in rounds are.
    await page.getByRole("link", { name: "Overview", exact: true }).click();
    await page.getByRole("link", { name: "Sessions", exact: true }).click();
    await page.getByRole("button", { name: "Create check-in round", exact: true }).click();
    await notice(page, "Round created").first().waitFor();

    await page.getByRole("link", { name: "Impact", exact: true }).click();
    await page.getByRole("button", { name: en.checkins.create_assessment, exact: true }).click();
    await notice(page, "Round created").first().waitFor();
    await page.getByRole("button", { name: en.impact.print_report, exact: true }).click();
    await page.locator("article.report").waitFor({ state: "attached" });
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: en.impact.export_csv, exact: true }).click(),
    ]);
    assert.match(csv.suggestedFilename(), /\.csv$/);

    await page.getByRole("link", { name: "Data", exact: true }).click();
    const plain = await exportFile(page);
    assert.ok(plain.text.includes('"sessions"'));
    await page.getByLabel(en.encrypted.passphrase, { exact: true }).fill("correct horse battery");
    await page.getByLabel(en.encrypted.passphrase_again).fill("correct horse battery");
    const [sealed] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: en.encrypted.export_button, exact: true }).click(),
    ]);
    assert.match(sealed.suggestedFilename(), /\.encrypted\.json$/);

    const elsewhere = requests.filter((url) => {
      const u = new URL(url);
      return !["data:", "blob:"].includes(u.protocol) && u.origin !== origin;
    });
    assert.deepEqual(elsewhere, [], "every request stays on the page's own origin");
    assert.ok(requests.length > 3, "the page's own files were requested");
    session.assertClean();
  } finally {
    await session.close();
  }
});
