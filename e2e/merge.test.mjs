// Importing a colleague's copy into a program edited since: "Merge" shows
// what differs and keeps our work, "Replace" swaps the whole program.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, stopAll, openContext, visit, stored, exportFile, checkA11y, eventually, locales } from "./harness.mjs";

after(stopAll);

const notice = (page, text) => page.getByRole("status").filter({ hasText: text });
const storedDocument = async (page) => JSON.parse(await stored(page));
const names = (envelope) => envelope.document.participants.map((p) => p.name).sort();

const ADDED = { name: "Nadia Merge", email: "nadia.merge@vellora.example" };

async function renameParticipant(page, from, to) {
  await page.getByRole("link", { name: "Participants", exact: true }).click();
  await page.getByRole("button", { name: `Edit ${from}` }).click();
  await page.getByRole("heading", { level: 1, name: `Edit ${from}` }).waitFor();
  await page.getByLabel("Name", { exact: true }).fill(to);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await notice(page, `${to} was saved.`).waitFor();
}

async function addParticipant(page, { name, email }) {
  await page.getByRole("button", { name: "Add participant" }).click();
  await page.getByRole("heading", { level: 1, name: "Add participant" }).waitFor();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByRole("radio", { name: /^Reverse mentor/ }).check();
  await page.getByLabel("Department", { exact: true }).fill("Marketing");
  await page.getByLabel("Job title", { exact: true }).fill("Social media analyst");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await notice(page, `${name} was saved.`).waitFor();
}

async function pickFile(page, file) {
  await page.getByRole("link", { name: "Data", exact: true }).click();
  await page.getByLabel("Import JSON").setInputFiles(file.path);
  await page.getByRole("region", { name: `Ready to import ${file.name}` }).waitFor();
}

test("merge: our rename and our new person survive; replace then takes the file as it is", async () => {
  const base = await startServer();
  const s = await openContext();
  const { page } = s;
  try {
    await visit(page, base, "#/data");
    const file = await exportFile(page);
    const original = JSON.parse(file.text);
    const originalNames = original.participants.map((p) => p.name).sort();
    const person = original.participants[0].name;
    const renamed = `${person} Merged`;

    // Work done in this browser after the file left.
    await renameParticipant(page, person, renamed);
    await addParticipant(page, ADDED);
    await eventually(async () => assert.equal((await storedDocument(page)).document.participants.length, originalNames.length + 1));

    await pickFile(page, file);
    const merge = page.getByRole("button", { name: "Merge", exact: true });
    assert.equal(await page.getByRole("button", { name: "Replace", exact: true }).count(), 1);
    await merge.click();
    const review = page.getByRole("region", { name: `Merging ${file.name}` });
    await review.waitFor();
    assert.equal(await merge.getAttribute("aria-expanded"), "true");
    // Keyboard users land on the plan.
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), "merge-heading"));

    // Per kind: added, only here (kept), identical, settled automatically, conflicts.
    const row = review.getByRole("row", { name: /^Participants/ });
    assert.deepEqual(
      (await row.getByRole("cell").allInnerTexts()).map((t) => t.trim()),
      ["0", "1", String(originalNames.length - 1), "0", "1"],
    );
    assert.equal(await review.getByRole("group").count(), 1, "one conflict");
    const conflict = review.getByRole("group", { name: `Participant: ${renamed}` });
    const [header, cells] = [
      await conflict.getByRole("columnheader").allInnerTexts(),
      await conflict.getByRole("row", { name: /^Name/ }).getByRole("cell").allInnerTexts(),
    ];
    assert.deepEqual(header.map((t) => t.trim()), ["Field", "In this browser", "In the file"]);
    assert.deepEqual(cells.map((t) => t.trim()), [renamed, person]);
    const keep = conflict.getByRole("radio", { name: "Keep ours" });
    const take = conflict.getByRole("radio", { name: "Take theirs" });
    assert.equal(await keep.isChecked(), true, "ours by default");

    // The choice works from the keyboard, and nothing is stored meanwhile.
    await keep.focus();
    await page.keyboard.press("ArrowRight");
    assert.equal(await take.isChecked(), true);
    await page.keyboard.press("ArrowLeft");
    assert.equal(await keep.isChecked(), true);
    assert.deepEqual(names(await storedDocument(page)), [...originalNames.filter((n) => n !== person), renamed, ADDED.name].sort());

    // At 360 px the page itself never scrolls sideways; tables scroll in their box.
    await page.setViewportSize({ width: 360, height: 800 });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
    await checkA11y(page, "the merge review at 360 px");
    await page.setViewportSize({ width: 1280, height: 900 });

    await review.getByRole("button", { name: "Apply merge" }).click();
    await notice(page, `${file.name} merged. Added: 0; updated from the file: 0; conflicts settled: 1.`).waitFor();
    await eventually(async () => {
      const saved = await storedDocument(page);
      assert.equal(saved.demo, false);
      assert.deepEqual(names(saved), [...originalNames.filter((n) => n !== person), renamed, ADDED.name].sort());
    });

    // Replace: the file as it is, our rename and new person gone.
    await pickFile(page, file);
    await page.getByRole("button", { name: "Replace", exact: true }).click();
    await notice(page, `Program imported. Participants: ${originalNames.length}.`).waitFor();
    await eventually(async () => {
      const saved = await storedDocument(page);
      assert.equal(saved.demo, false);
      assert.deepEqual(names(saved), originalNames);
      assert.deepEqual(saved.document.participants, original.participants);
    });
    s.assertClean();
  } finally {
    await s.close();
  }
});

test("merge: taking their pairs names the reverse mentor it would put over capacity", async () => {
  const base = await startServer();
  const s = await openContext();
  const { page } = s;
  try {
    await visit(page, base, "#/data");
    await page.getByRole("button", { name: locales.en.data.load_finished_demo }).click();
    await page.getByRole("heading", { level: 1, name: "Impact" }).waitFor();
    await page.getByRole("link", { name: "Data", exact: true }).click();
    const file = await exportFile(page);

    // Their copy moves one mentee to a reverse mentor who is already full.
    const doc = JSON.parse(file.text);
    const load = {};
    for (const pair of doc.pairing.pairs) load[pair.mentor_id] = (load[pair.mentor_id] ?? 0) + 1;
    const full = doc.participants.find((p) => p.role === "reverse_mentor" && load[p.id] === p.capacity);
    assert.ok(full, "the finished demo has a reverse mentor at capacity");
    doc.pairing.pairs.find((pair) => pair.mentor_id !== full.id).mentor_id = full.id;
    const dir = mkdtempSync(join(tmpdir(), "inversa-merge-"));
    writeFileSync(join(dir, "theirs.json"), JSON.stringify(doc));

    await page.getByLabel("Import JSON").setInputFiles(join(dir, "theirs.json"));
    await page.getByRole("button", { name: "Merge", exact: true }).click();
    const warning = page.getByText(locales.en.merge.overloads_heading);
    // Kept ours (the default), nobody is overloaded.
    await page.getByRole("button", { name: locales.en.merge.apply }).waitFor();
    assert.equal(await warning.count(), 0);
    await page.getByRole("button", { name: locales.en.merge.take_all_theirs }).click();
    await warning.waitFor();
    const line = `${full.name}: ${load[full.id] + 1} mentees, takes ${full.capacity}.`;
    await page.getByText(line).waitFor();
    // Allowed all the same: applying keeps the pairs as chosen.
    await page.getByRole("button", { name: locales.en.merge.apply }).click();
    await eventually(async () => {
      const pairs = JSON.parse(await stored(page)).document.pairing.pairs;
      assert.equal(pairs.filter((p) => p.mentor_id === full.id).length, load[full.id] + 1);
    });
    s.assertClean();
  } finally {
    await s.close();
  }
});
