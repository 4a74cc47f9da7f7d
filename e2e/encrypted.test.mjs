// Encrypted export and import: a program sealed with a passphrase opens
// with it, refuses a wrong one and a tampered file, and nothing stored
// changes until the import is confirmed.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, stopAll, openContext, visit, stored, locales, eventually } from "./harness.mjs";

after(stopAll);

const en = locales.en;
const PASSPHRASE = "blue kettle on a quiet hill";

test("encrypted: export with a passphrase; import refuses a wrong one and a tampered file, then opens", async () => {
  const base = await startServer();
  const session = await openContext();
  const { page } = session;
  try {
    await visit(page, base, "#/data");
    const exportForm = page.locator("form.encrypted-export");
    // Both fields are checked before anything is sealed.
    await exportForm.getByRole("button", { name: en.encrypted.export_button, exact: true }).click();
    await exportForm.getByText(en.encrypted.passphrase_missing).waitFor();
    await exportForm.getByLabel(en.encrypted.passphrase, { exact: true }).fill(PASSPHRASE);
    await exportForm.getByLabel(en.encrypted.passphrase_again).fill(PASSPHRASE + "!");
    await exportForm.getByRole("button", { name: en.encrypted.export_button, exact: true }).click();
    await exportForm.getByText(en.encrypted.passphrase_mismatch).waitFor();
    await exportForm.getByLabel(en.encrypted.passphrase_again).fill(PASSPHRASE);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      exportForm.getByRole("button", { name: en.encrypted.export_button, exact: true }).click(),
    ]);
    const dir = mkdtempSync(join(tmpdir(), "inversa-sealed-"));
    const sealedPath = join(dir, download.suggestedFilename());
    await download.saveAs(sealedPath);
    const sealed = readFileSync(sealedPath, "utf8");
    const envelope = JSON.parse(sealed);
    assert.equal(envelope.format, "inversa-encrypted");
    assert.ok(!sealed.includes("Vellora") && !sealed.includes("@"), "no personal data in clear");

    // Change what is stored, so the import has something to restore.
    const before = JSON.parse(await stored(page)).document;
    await page.evaluate(() => {
      const key = "inversa.workspace.v1";
      const envelope = JSON.parse(localStorage.getItem(key));
      envelope.document.program.name = "Changed meanwhile";
      localStorage.setItem(key, JSON.stringify(envelope));
    });
    await visit(page, base, "#/data");
    const input = page.getByLabel(en.data.import_label);

    // A tampered file: one character of the sealed data changed.
    const data = envelope.data;
    const flipped = data[10] === "A" ? "B" : "A";
    const tamperedPath = join(dir, "tampered.encrypted.json");
    writeFileSync(tamperedPath, JSON.stringify({ ...envelope, data: data.slice(0, 10) + flipped + data.slice(11) }));
    await input.setInputFiles(tamperedPath);
    const unlock = page.locator("form.unlock-file");
    await unlock.getByLabel(en.encrypted.passphrase, { exact: true }).fill(PASSPHRASE);
    await unlock.getByRole("button", { name: en.encrypted.unlock_button, exact: true }).click();
    await unlock.getByText(en.encrypted.wrong).waitFor();

    // The real file, first with a wrong passphrase.
    await input.setInputFiles(sealedPath);
    await unlock.getByLabel(en.encrypted.passphrase, { exact: true }).fill("not the passphrase");
    await unlock.getByRole("button", { name: en.encrypted.unlock_button, exact: true }).click();
    await unlock.getByText(en.encrypted.wrong).waitFor();
    assert.equal(JSON.parse(await stored(page)).document.program.name, "Changed meanwhile", "nothing changed");

    await unlock.getByLabel(en.encrypted.passphrase, { exact: true }).fill(PASSPHRASE);
    await unlock.getByRole("button", { name: en.encrypted.unlock_button, exact: true }).click();
    await page.getByRole("button", { name: en.merge.replace_button, exact: true }).click();
    await eventually(async () =>
      assert.equal(JSON.parse(await stored(page)).document.program.name, before.program.name));
    assert.equal(JSON.parse(await stored(page)).document.participants.length, before.participants.length);
    session.assertClean();
  } finally {
    await session.close();
  }
});
