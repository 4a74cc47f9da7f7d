// Backups and undo, as a coordinator meets them: "Undo" and "Redo" in the
// header (and Ctrl+Z / Ctrl+Y), "Delete all data" telling what goes and
// keeping a copy, "Restore" of a copy, an automatic copy every half hour of
// work, and old copies given up when storage is full so the program saves.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import {
  startServer, stopAll, openContext, visit, stored, locales, eventually, renameProgram, savedName,
} from "./harness.mjs";

after(stopAll);

const en = locales.en;
const BACKUP_INDEX = "inversa.backups.v1";

const backupIndex = async (page) =>
  JSON.parse((await page.evaluate((k) => localStorage.getItem(k), BACKUP_INDEX)) ?? '{"snapshots":[]}').snapshots;

/** Renames the program and waits until the new name is saved. */
async function rename(page, name) {
  await renameProgram(page, name);
  await eventually(async () => assert.equal(await savedName(page), name));
}

async function loadFinishedDemo(page) {
  await page.getByRole("link", { name: "Data", exact: true }).click();
  await page.getByRole("button", { name: en.data.load_finished_demo }).click();
  await page.getByRole("heading", { level: 1, name: "Impact" }).waitFor();
}

test("undo and redo: buttons and keyboard walk the last edits back and forth", async () => {
  const base = await startServer();
  const s = await openContext();
  const { page } = s;
  try {
    await visit(page, base, "#/program");
    const undo = page.getByRole("button", { name: en.shell.undo, exact: true });
    const redo = page.getByRole("button", { name: en.shell.redo, exact: true });
    const unavailable = async (button) => (await button.getAttribute("aria-disabled")) === "true";
    assert.ok(await unavailable(undo), "nothing to undo on arrival");
    assert.ok(await unavailable(redo));
    const original = await page.getByLabel("Program name").inputValue();

    await rename(page, "First name");
    await rename(page, "Second name");
    await undo.click();
    await page.getByRole("status").filter({ hasText: en.shell.undone }).waitFor();
    await eventually(async () => assert.equal(await savedName(page), "First name"));
    assert.equal(await page.getByRole("banner").getByText("First name").count(), 1, "the header shows it");
    await undo.click();
    await eventually(async () => assert.equal(await savedName(page), original));
    // The form shows the state undone to, not a draft of the one left.
    assert.equal(await page.getByLabel("Program name").inputValue(), original);
    assert.ok(await unavailable(undo));
    // Still focused (not disabled under the focus), and pressing it again does nothing.
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), "↶ Undo");
    // (Playwright will not click an aria-disabled button; a keyboard user can press it.)
    await page.keyboard.press("Enter");
    await page.waitForTimeout(100);
    assert.equal(await savedName(page), original);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), "↶ Undo");

    await redo.click();
    await eventually(async () => assert.equal(await savedName(page), "First name"));

    // Outside text fields the usual shortcuts work too.
    await page.getByRole("heading", { level: 1, name: "Program" }).click();
    await page.keyboard.press("Control+y");
    await eventually(async () => assert.equal(await savedName(page), "Second name"));
    await page.keyboard.press("Control+z");
    await eventually(async () => assert.equal(await savedName(page), "First name"));
    // Inside a text field Ctrl+Z is the field's own undo, not the program's.
    await page.getByLabel("Program name").focus();
    await page.keyboard.press("Control+z");
    await page.waitForTimeout(200);
    assert.equal(await savedName(page), "First name");

    // A new edit after undoing drops what could be redone.
    await rename(page, "Third name");
    assert.ok(await unavailable(redo));
    s.assertClean();
  } finally {
    await s.close();
  }
});

test("delete all tells what goes, keeps a copy, and Restore brings it back", async () => {
  const base = await startServer();
  const s = await openContext();
  const { page } = s;
  try {
    await visit(page, base, "#/data");
    const backups = page.getByRole("region", { name: en.data.backups_heading });
    await backups.getByText(en.data.backups_none).waitFor();
    // The demo as shipped is not worth a copy, and the dialog does not promise one.
    await page.getByRole("button", { name: en.data.delete_all }).click();
    const demoDialog = page.getByRole("dialog", { name: en.data.delete_all });
    const demoText = await demoDialog.textContent();
    assert.ok(demoText.includes(en.data.delete_demo_note) && !demoText.includes("backup copy"), demoText);
    await demoDialog.getByRole("button", { name: "Cancel" }).click();
    // Once edited, it is.
    await loadFinishedDemo(page);
    await rename(page, "Our pilot");
    const before = JSON.parse(await stored(page)).document;

    await page.getByRole("link", { name: "Data", exact: true }).click();
    await page.getByRole("button", { name: en.data.delete_all }).click();
    const dialog = page.getByRole("dialog", { name: en.data.delete_all });
    const message = await dialog.textContent();
    for (const part of [
      "“Our pilot”",
      `participants (${before.participants.length})`,
      `pairs (${before.pairing.pairs.length})`,
      `sessions (${before.sessions.sessions.length})`,
      "A backup copy is kept under Backups",
    ]) {
      assert.ok(message.includes(part), `the dialog says ${part}: ${message}`);
    }
    await dialog.getByRole("button", { name: en.data.delete_all }).click();
    await eventually(async () => assert.equal(JSON.parse(await stored(page)).document.participants.length, 0));

    // One copy, named by its reason, with what it holds.
    const item = backups.getByRole("listitem");
    await eventually(async () => assert.equal(await item.count(), 1));
    const text = await item.textContent();
    assert.ok(text.includes(en.data.backup_reason.before_delete_all), text);
    assert.ok(text.includes("Our pilot") && text.includes(`Participants: ${before.participants.length}`), text);
    assert.equal((await backupIndex(page))[0].reason, "before-delete-all");

    // Undo right after brings everything back, redo deletes again.
    await page.getByRole("button", { name: en.shell.undo, exact: true }).click();
    // The notice says what came back, in counts.
    await page.getByRole("status").filter({ hasText: `participants 0 → ${before.participants.length}` }).waitFor();
    await eventually(async () => assert.equal(await savedName(page), "Our pilot"));
    await page.getByRole("button", { name: en.shell.redo, exact: true }).click();
    await eventually(async () => assert.equal(JSON.parse(await stored(page)).document.participants.length, 0));

    // After a reload (no undo left), Restore brings the copy back.
    await visit(page, base, "#/data");
    await item.getByRole("button", { name: en.data.restore }).click();
    const confirm = page.getByRole("dialog", { name: en.data.restore_title });
    assert.ok((await confirm.textContent()).includes("“Our pilot”"));
    await confirm.getByRole("button", { name: en.data.restore }).click();
    // The Overview opens, headed by the restored program's name.
    await page.getByRole("heading", { level: 1, name: "Our pilot" }).waitFor();
    await eventually(async () => {
      const now = JSON.parse(await stored(page)).document;
      assert.equal(now.program.name, "Our pilot");
      assert.deepEqual(now.participants, before.participants);
      assert.deepEqual(now.sessions, before.sessions);
    });

    // Restoring it again keeps no second copy of the very same program.
    await page.getByRole("link", { name: "Data", exact: true }).click();
    await item.getByRole("button", { name: en.data.restore }).click();
    await confirm.getByRole("button", { name: en.data.restore }).click();
    await page.getByRole("heading", { level: 1, name: "Our pilot" }).waitFor();
    assert.equal((await backupIndex(page)).length, 1, "the same content is not kept twice");

    // Download gives the copy as an ordinary export file.
    await page.getByRole("link", { name: "Data", exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      item.first().getByRole("button", { name: en.data.download_backup }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^inversa-our-pilot-\d{4}-\d{2}-\d{2}-backup\.json$/);

    // Delete backups leaves nothing of them behind.
    await backups.getByRole("button", { name: en.data.delete_backups }).click();
    await page.getByRole("dialog", { name: en.data.delete_backups }).getByRole("button", { name: en.data.delete_backups }).click();
    await backups.getByText(en.data.backups_none).waitFor();
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("inversa.backup")));
    assert.deepEqual(keys, []);
    assert.equal(await savedName(page), "Our pilot", "the program itself stays");
    s.assertClean();
  } finally {
    await s.close();
  }
});

test("an automatic copy every half hour of work; full storage gives up copies, not the program", async () => {
  const base = await startServer();
  const s = await openContext();
  const { page, context } = s;
  try {
    await context.clock.install({ time: new Date("2026-10-06T09:00:00Z") });
    await visit(page, base, "#/data");
    await loadFinishedDemo(page);
    await rename(page, "Half-hour pilot");
    // The first save of real work keeps the state it replaces.
    await rename(page, "Half-hour pilot 2");
    await eventually(async () => assert.equal((await backupIndex(page)).length, 1));
    await rename(page, "Half-hour pilot 3");
    assert.equal((await backupIndex(page)).length, 1, "not again within half an hour");
    await context.clock.fastForward("31:00");
    await rename(page, "Half-hour pilot 4");
    await eventually(async () => assert.equal((await backupIndex(page)).length, 2));
    const index = await backupIndex(page);
    assert.deepEqual(index.map((b) => b.reason), ["automatic", "automatic"]);
    assert.deepEqual(index.map((b) => b.program), ["Half-hour pilot", "Half-hour pilot 3"]);

    // Storage that stays full while any copy is kept, as a quota would.
    await page.evaluate(() => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        const copies = Object.keys(localStorage).filter((k) => /^inversa\.backup\.\d+$/.test(k));
        if (key === "inversa.workspace.v1" && copies.length > 0) {
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        }
        return original.call(this, key, value);
      };
    });
    await page.getByLabel("Program name").fill("Saved after all");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const alert = page.getByRole("alert").filter({ hasText: "older backups were removed" });
    await alert.waitFor();
    assert.ok((await alert.textContent()).includes("older backups were removed (2)"));
    await eventually(async () => assert.equal(await savedName(page), "Saved after all"));
    await alert.getByRole("button", { name: en.banner.dismiss }).click();
    await alert.waitFor({ state: "hidden" });
    s.assertClean();
  } finally {
    await s.close();
  }
});

test("undo while editing someone whose addition it takes back returns to the list", async () => {
  const base = await startServer();
  const s = await openContext();
  const { page } = s;
  try {
    await visit(page, base, "#/participants");
    await page.getByRole("button", { name: "Add participant" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Undo Person");
    await page.getByRole("textbox", { name: "Email", exact: true }).fill("undo.person@vellora.example");
    await page.getByRole("radio", { name: /^Reverse mentor/ }).check();
    await page.getByLabel("Department", { exact: true }).fill("Marketing");
    await page.getByLabel("Job title", { exact: true }).fill("Analyst");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Undo Person was saved." }).waitFor();
    await page.getByRole("button", { name: "Edit Undo Person" }).click();
    await page.getByRole("heading", { level: 1, name: "Edit Undo Person" }).waitFor();

    await page.getByRole("button", { name: en.shell.undo, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Participants" }).waitFor();
    assert.equal(await page.getByRole("button", { name: "Edit Undo Person" }).count(), 0);
    await eventually(async () => {
      const people = JSON.parse(await stored(page)).document.participants;
      assert.ok(!people.some((p) => p.name === "Undo Person"));
    });
    s.assertClean();
  } finally {
    await s.close();
  }
});
