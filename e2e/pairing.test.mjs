// The pairing story of issue 4, as a coordinator lives it: demo data → Run
// pairing → cards → lock and forbid → re-run respects them → accept →
// reload keeps the pairs → export/import keeps them.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import {
  startServer, stopAll, openContext, visit, stored, exportFile, locales, eventually,
} from "./harness.mjs";

after(stopAll);

const en = locales.en;

const cards = (page) => page.getByRole("main").getByRole("article").filter({ has: page.locator(".match-head") });

/** [mentor, mentee] of every card on the page, in order. */
async function pairs(page) {
  const heads = await cards(page).locator("h3").evaluateAll((hs) =>
    hs.map((h) => [...h.querySelectorAll(".person-name")].map((s) => s.textContent.trim())));
  return heads;
}

/** Rows of the "Accepted pairs" table as "mentor / mentee". */
async function acceptedRows(page) {
  const table = page.getByRole("table", { name: en.pairing.accepted_heading });
  if ((await table.count()) === 0) return [];
  return (await table.locator("tbody tr").evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll("td")].slice(0, 2).map((td) => td.textContent.trim()).join(" / ")))).sort();
}

async function runPairing(page) {
  const before = await page.locator("#run-status").innerText();
  await page.getByRole("button", { name: "Run pairing", exact: true }).click();
  await eventually(async () => {
    const now = await page.locator("#run-status").innerText();
    assert.match(now, /computed in/);
    assert.notEqual(now, before);
  });
}

test("pairing: run, lock, forbid, re-run, accept, reload, export and import", async () => {
  const base = await startServer();
  const first = await openContext();
  const second = await openContext();
  try {
    const { page } = first;
    await visit(page, base, "#/overview");
    await page.getByRole("link", { name: "Pairing", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Pairing" }).waitFor();
    await page.getByText(en.pairing.not_run).waitFor();

    await runPairing(page);
    // The demo has 11 active mentees and 12 reverse mentors: everyone active is paired.
    await eventually(async () => assert.equal(await cards(page).count(), 11));
    const initial = await pairs(page);
    assert.equal(new Set(initial.map(([, mentee]) => mentee)).size, 11, "each mentee once");

    // Each card is an article named after both people, with a score and reasons.
    const [lockMentor, lockMentee] = initial[0];
    const lockCard = page.getByRole("article", { name: new RegExp(`${lockMentor}.*${lockMentee}`) });
    await lockCard.waitFor();
    assert.match(await lockCard.innerText(), /\/100/);
    assert.match(await lockCard.innerText(), /Teaches what/);
    await lockCard.getByRole("button", { name: "Lock", exact: true }).click();
    await eventually(async () =>
      assert.equal(await lockCard.getByRole("button", { name: "Lock", exact: true }).getAttribute("aria-pressed"), "true"));

    const [banMentor, banMentee] = initial[1];
    const banCard = page.getByRole("article", { name: new RegExp(`${banMentor}.*${banMentee}`) });
    await banCard.getByRole("button", { name: "Forbid", exact: true }).click();
    await page.getByText(en.pairing.stale).waitFor();
    assert.equal(await page.getByRole("button", { name: "Accept pairing" }).isDisabled(), true,
      "a stale proposal cannot be accepted");

    // A different weighting, then run again: the lock holds, the ban too.
    await page.getByLabel("Start from").selectOption({ label: en.pairing.preset_culture });
    await runPairing(page);
    await page.getByText(en.pairing.diff_previous).waitFor();
    const rerun = await pairs(page);
    assert.ok(rerun.some(([m, e]) => m === lockMentor && e === lockMentee), "the locked pair is kept");
    assert.ok(!rerun.some(([m, e]) => m === banMentor && e === banMentee), "the forbidden pair is gone");
    await page.getByRole("article", { name: new RegExp(`${lockMentor}.*${lockMentee}`) }).getByText("Locked", { exact: true }).waitFor();

    // Everyone left out is listed with a reason.
    const unmatched = page.getByRole("region", { name: "Unmatched" });
    await page.getByRole("heading", { level: 2, name: "Unmatched" }).waitFor();
    const leftOut = 11 - rerun.length;
    if (leftOut > 0) {
      assert.equal(await unmatched.getByRole("listitem").count() >= leftOut, true);
    }

    // The forbidden pair is listed and can be allowed again later.
    await page.getByRole("heading", { level: 2, name: en.pairing.forbidden_heading }).waitFor();

    await page.getByRole("button", { name: "Accept pairing", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Pairing accepted" }).first().waitFor();
    const expected = rerun.map(([m, e]) => `${m} / ${e}`).sort();
    await eventually(async () => assert.deepEqual(await acceptedRows(page), expected));

    const saved = JSON.parse(await stored(page)).document.pairing;
    assert.equal(saved.pairs.length, rerun.length);
    assert.equal(saved.locked.length, 1);
    assert.equal(saved.forbidden.length, 1);

    // Reload: the accepted pairs are still there.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Pairing" }).waitFor();
    await eventually(async () => assert.deepEqual(await acceptedRows(page), expected));

    // Export, import in a fresh browser: the same pairs, locks and bans.
    await page.getByRole("link", { name: "Data", exact: true }).click();
    const exported = await exportFile(page);
    const file = JSON.parse(exported.text);
    assert.equal(file.pairing.pairs.length, rerun.length);
    assert.deepEqual(file.pairing.locked, saved.locked);

    await visit(second.page, base, "#/data");
    await second.page.getByLabel("Import JSON").setInputFiles(exported.path);
    await second.page.getByRole("button", { name: "Replace", exact: true }).click();
    await second.page.getByRole("link", { name: "Pairing", exact: true }).click();
    await eventually(async () => assert.deepEqual(await acceptedRows(second.page), expected));
    const imported = JSON.parse(await stored(second.page)).document.pairing;
    assert.deepEqual(imported, saved);

    // Forbidding an accepted pair later flags it in the accepted table.
    await page.getByRole("link", { name: "Pairing", exact: true }).click();
    await runPairing(page);
    await page.getByRole("article", { name: new RegExp(`${lockMentor}.*${lockMentee}`) })
      .getByRole("button", { name: "Forbid", exact: true }).click();
    const flagged = page.getByRole("table", { name: en.pairing.accepted_heading })
      .getByRole("row").filter({ hasText: lockMentee });
    await flagged.getByText(/^Now ruled out: forbidden by the coordinator$/).waitFor();

    first.assertClean();
    second.assertClean();
  } finally {
    await first.close();
    await second.close();
  }
});

test("circles: form circles on the demo, each mixing both roles", async () => {
  const base = await startServer();
  const s = await openContext();
  try {
    const { page } = s;
    await visit(page, base, "#/pairing");
    await page.getByLabel(en.circles.size).selectOption("4");
    await page.getByRole("button", { name: "Form circles", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Circles formed" }).first().waitFor();
    const circles = page.getByRole("region", { name: en.circles.heading }).getByRole("article");
    await eventually(async () => assert.ok((await circles.count()) >= 3));
    for (const circle of await circles.all()) {
      const tags = await circle.locator(".tag").allInnerTexts();
      assert.ok(tags.length >= 3 && tags.length <= 4, `circle of ${tags.length}`);
      assert.ok(tags.includes("Mentee") && tags.includes("Reverse mentor"), "both roles in each circle");
    }
    const saved = JSON.parse(await stored(page)).document.pairing;
    assert.equal(saved.circles.length, await circles.count());
    assert.equal(saved.circle_size, 4);
    s.assertClean();
  } finally {
    await s.close();
  }
});
