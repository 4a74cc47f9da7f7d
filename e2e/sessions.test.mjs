// Running the pairs, as a coordinator lives it on a controlled clock:
// demo → Pairing → Run pairing → Accept pairing → Sessions → open a pair →
// Generate schedule → Download calendar (.ics), parsed here (events, UIDs,
// DTSTART with TZID, CRLF, folding) → Log session (held, ratings) and a quick
// "Cancelled" → the pair's status updates → 23 days later the pair is listed
// under "Needs attention" with its reason. Then axe on every state of the
// page at 1280 and 360 px.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, stopAll, openContext, visit, stored, locales, eventually, checkA11y } from "./harness.mjs";

after(stopAll);

const en = locales.en.sessions;
const DAY = 24 * 60 * 60 * 1000;
/** A Tuesday inside the demo program (14 Sept 2026 – 12 Mar 2027), mid-morning everywhere in Europe. */
const T0 = new Date("2026-10-06T09:00:00Z");

/** Fills `{{ name }}` placeholders of a locale string. */
const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k) => String(values[k]));

const notice = (page, text) => page.getByRole("status").filter({ hasText: text });

/** Demo → Pairing → Run pairing → Accept pairing → Sessions (by the nav link). */
async function acceptDemoPairing(page, base) {
  await visit(page, base, "#/overview");
  await page.getByRole("link", { name: "Pairing", exact: true }).click();
  await page.getByRole("button", { name: "Run pairing", exact: true }).click();
  await eventually(async () => assert.match(await page.locator("#run-status").innerText(), /computed in/));
  await page.getByRole("button", { name: "Accept pairing", exact: true }).click();
  await notice(page, "Pairing accepted").first().waitFor();
  await page.getByRole("link", { name: "Sessions", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Sessions" }).waitFor();
}

/** Clicks a download button and returns the file's name and raw bytes. */
async function download(page, scope, label) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    scope.getByRole("button", { name: label, exact: true }).click(),
  ]);
  const dir = mkdtempSync(join(tmpdir(), "inversa-ics-"));
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/**
 * A minimal RFC 5545 reader, independent of the app: checks the physical
 * form (CRLF only, lines of at most 75 octets, folds start with a space),
 * unfolds, and returns the events as name → values maps.
 */
function parseIcs(bytes) {
  const text = bytes.toString("utf8");
  assert.ok(text.endsWith("\r\n"), "the file ends with CRLF");
  assert.ok(!/[^\r]\n/.test(text) && !/\r[^\n]/.test(text), "every line ends with CRLF, nothing else");
  const physical = text.slice(0, -2).split("\r\n");
  for (const line of physical) {
    assert.ok(Buffer.byteLength(line, "utf8") <= 75, `line of ${Buffer.byteLength(line, "utf8")} octets: ${line}`);
  }
  const logical = text.replace(/\r\n[ \t]/g, "").slice(0, -2).split("\r\n");
  assert.equal(logical[0], "BEGIN:VCALENDAR");
  assert.equal(logical.at(-1), "END:VCALENDAR");
  const events = [];
  let current = null;
  const timezones = [];
  for (const line of logical) {
    if (line === "BEGIN:VEVENT") current = new Map();
    else if (line === "END:VEVENT") { events.push(current); current = null; }
    else if (line.startsWith("TZID:")) timezones.push(line.slice(5));
    else if (current) {
      const colon = line.indexOf(":");
      const [name, ...params] = line.slice(0, colon).split(";");
      current.set(name, { params, value: line.slice(colon + 1) });
    }
  }
  return { logical, events, timezones };
}

/** YYYYMMDD of a YYYY-MM-DD date. */
const compact = (iso) => iso.replaceAll("-", "");

test("sessions: schedule, calendar file, log, quick status, and an alert 23 days later", async () => {
  const base = await startServer();
  const s = await openContext();
  try {
    const { page, context } = s;
    await context.clock.install({ time: T0 });
    await acceptDemoPairing(page, base);

    // Right after accepting, every pair has nothing planned: all are listed, with the reason.
    await page.getByRole("heading", { level: 2, name: "Needs attention" }).waitFor();
    const attention = page.getByRole("region", { name: "Needs attention" });
    await eventually(async () =>
      assert.equal(await attention.getByText(en.alert_no_sessions_planned).count(), 11));

    // The program's calendar zone, from the settings.
    await page.getByRole("button", { name: en.settings, exact: true }).click();
    await page.getByLabel(en.time_zone).selectOption("Europe/Madrid");

    // Open the first pair (cards are sorted by the reverse mentor's name).
    const card = page.getByRole("region", { name: /^All pairs/ }).getByRole("article").first();
    const [mentor, mentee] = await card.locator("h3 .person-name").allInnerTexts();
    await card.getByRole("button", { name: /^Open / }).click();
    const detail = page.getByRole("region", { name: new RegExp(`${mentor}.*${mentee}`) });
    await detail.getByRole("heading", { level: 2 }).waitFor();

    // With nothing planned, the schedule form is open; the preview lists the dates.
    await detail.getByLabel(en.schedule_count).fill("6");
    const preview = detail.locator(".preview-list li");
    await eventually(async () => assert.equal(await preview.count(), 6));
    const previewed = await preview.allInnerTexts();
    await detail.getByRole("button", { name: "Generate schedule", exact: true }).click();
    await notice(page, fill(en.schedule_done, { count: 6 })).first().waitFor();
    const rows = detail.locator(".session-list > li");
    await eventually(async () => assert.equal(await rows.count(), 6));
    assert.deepEqual(
      (await rows.locator(".session-when strong").allInnerTexts()), previewed,
      "the sessions are the previewed dates");

    let saved = JSON.parse(await stored(page)).document.sessions;
    assert.equal(saved.settings.time_zone, "Europe/Madrid");
    const planned = saved.sessions;
    assert.equal(planned.length, 6);

    // The calendar file: one event per session, stable UIDs, local times in Madrid.
    const first = await download(page, detail, "Download calendar (.ics)");
    assert.match(first.name, /^inversa-.+\.ics$/);
    const ics = parseIcs(first.bytes);
    assert.equal(ics.events.length, 6);
    assert.deepEqual(ics.timezones, ["Europe/Madrid"], "one VTIMEZONE, the program's");
    const uids = ics.events.map((e) => e.get("UID").value);
    assert.deepEqual(new Set(uids), new Set(planned.map((p) => `${p.id}@inversa`)), "UIDs are the session ids");
    for (const [i, event] of ics.events.entries()) {
      const start = event.get("DTSTART");
      assert.deepEqual(start.params, ["TZID=Europe/Madrid"]);
      const session = planned.find((p) => `${p.id}@inversa` === event.get("UID").value);
      assert.equal(start.value, `${compact(session.date)}T${session.time.replace(":", "")}00`, `event ${i}`);
      assert.ok(event.get("DTSTAMP").value.endsWith("Z"));
      assert.ok(event.get("SUMMARY").value.includes(mentor.split(" ")[0]), "the summary names the pair");
    }

    // Log today's session with a rating from each side: the one planned for
    // today when the schedule starts today, else one outside the plan.
    const plannedToday = planned.some((p) => p.date === "2026-10-06");
    const total = plannedToday ? 6 : 7;
    await detail.getByRole("button", { name: "Log session", exact: true }).click();
    const form = detail.locator("form.log-form");
    await form.waitFor();
    assert.equal(await form.getByRole("radio", { name: en.status_held, exact: true }).isChecked(), true);
    await form.getByRole("group", { name: fill(en.rating_from, { name: mentor }) })
      .getByRole("radio", { name: "4", exact: true }).check();
    await form.getByRole("group", { name: fill(en.rating_from, { name: mentee }) })
      .getByRole("radio", { name: "5", exact: true }).check();
    await form.getByLabel(en.log_notes).fill("Set up a content calendar together.");
    await form.getByRole("button", { name: en.save_session, exact: true }).click();
    await notice(page, en.log_saved).first().waitFor();
    await eventually(async () => assert.equal(await rows.count(), total));
    await rows.filter({ hasText: "Set up a content calendar" }).getByText(en.status_held, { exact: true }).waitFor();

    // A quick "Cancelled" on the first planned session.
    await detail.getByRole("button", { name: /^Cancelled – / }).first().click();
    await notice(page, fill(en.status_saved, { status: en.status_cancelled })).first().waitFor();
    const facts = detail.locator(".pair-facts");
    await eventually(async () =>
      assert.match(await facts.innerText(), new RegExp(fill(en.held_cancelled, { held: 1, cancelled: 1 }))));
    // A click by mistake: Undo takes it back and the pair stays open; Redo again.
    await page.getByRole("button", { name: locales.en.shell.undo, exact: true }).click();
    await eventually(async () =>
      assert.match(await facts.innerText(), new RegExp(fill(en.held_cancelled, { held: 1, cancelled: 0 }))));
    await page.getByRole("button", { name: locales.en.shell.redo, exact: true }).click();
    await eventually(async () =>
      assert.match(await facts.innerText(), new RegExp(fill(en.held_cancelled, { held: 1, cancelled: 1 }))));
    await facts.getByText("6 Oct 2026").waitFor();

    saved = JSON.parse(await stored(page)).document.sessions;
    const held = saved.sessions.find((x) => x.status === "held");
    assert.equal(held.date, "2026-10-06");
    assert.equal(held.mentor_rating, 4);
    assert.equal(held.mentee_rating, 5);
    assert.equal(saved.sessions.filter((x) => x.status === "cancelled").length, 1);

    // Re-downloading keeps every UID (calendars update, not duplicate); the
    // cancelled one says so, with a higher SEQUENCE.
    const again = parseIcs((await download(page, detail, "Download calendar (.ics)")).bytes);
    assert.equal(again.events.length, total);
    const againUids = again.events.map((e) => e.get("UID").value);
    for (const uid of uids) assert.ok(againUids.includes(uid), `${uid} kept`);
    const cancelled = again.events.find((e) => e.get("STATUS")?.value === "CANCELLED");
    assert.ok(cancelled, "the cancelled session is marked CANCELLED");
    assert.ok(Number(cancelled.get("SEQUENCE").value) >= 1);

    // Back on the list: this pair is on track, so not in "Needs attention".
    await detail.getByRole("button", { name: en.back_to_pairs }).click();
    const names = new RegExp(`${mentor}.*${mentee}`);
    await page.getByRole("heading", { level: 2, name: "Needs attention" }).waitFor();
    assert.equal(await attention.getByRole("heading", { name: names }).count(), 0);

    // 23 days after the last held session: listed, at risk, with the reason and since when.
    // The tab was left open: within a minute the page moves on to the new day by itself.
    await page.clock.setSystemTime(new Date(T0.getTime() + 23 * DAY));
    await page.clock.fastForward("01:01");
    const item = attention.getByRole("listitem").filter({ has: page.getByRole("heading", { name: names }) });
    await item.waitFor();
    const text = await item.innerText();
    assert.match(text, new RegExp(fill(en.alert_no_session_held, { days: 23 }).replace(".", "\\.")));
    assert.match(text, /since 6 Oct 2026/);
    assert.match(text, new RegExp(en.health_at_risk));
    // The suggested action opens the pair at its emails.
    await item.getByRole("button", { name: en.action_nudge }).first().click();
    await page.getByRole("heading", { level: 2, name: names }).waitFor();

    s.assertClean();
  } finally {
    await s.close();
  }
});

const states = [
  ["the Sessions page with every pair", async () => {}],
  ["the settings", async (page) => {
    await page.getByRole("button", { name: en.settings, exact: true }).click();
    await page.getByLabel(en.time_zone).waitFor();
  }],
  ["a pair with the schedule form", async (page) => {
    await page.getByRole("button", { name: /^Open / }).first().click();
    await page.getByRole("button", { name: "Generate schedule" }).waitFor();
  }],
  ["a pair with sessions and the log form showing problems", async (page) => {
    await page.getByRole("button", { name: /^Open / }).first().click();
    await page.getByRole("button", { name: "Generate schedule" }).click();
    await page.locator(".session-list > li").first().waitFor();
    await page.getByRole("button", { name: "Log session", exact: true }).click();
    const form = page.locator("form.log-form");
    await form.getByLabel(en.log_date).fill("");
    await form.getByLabel(en.log_minutes).fill("0");
    await form.getByRole("button", { name: en.save_session }).click();
    await form.getByRole("alert").waitFor();
  }],
  ["a pair with the agreement form and a goal", async (page) => {
    await page.getByRole("button", { name: /^Open / }).first().click();
    await page.getByRole("button", { name: en.agreement_heading, exact: true }).click();
    await page.getByRole("button", { name: /^Add a goal for / }).first().click();
    await page.locator(".goal-editor").first().waitFor();
  }],
];

for (const width of [1280, 360]) {
  test(`sessions accessibility (axe) and layout at ${width} px`, async () => {
    const base = await startServer();
    const s = await openContext({ viewport: { width, height: 800 } });
    try {
      const { page } = s;
      await visit(page, base, "#/sessions");
      await page.getByRole("heading", { level: 2, name: en.empty_title }).waitFor();
      await checkA11y(page, `Sessions without pairs at ${width} px`);
      await acceptDemoPairing(page, base);
      for (const [label, prepare] of states) {
        await visit(page, base, "#/sessions");
        await page.getByRole("heading", { level: 2, name: "Needs attention" }).waitFor();
        await prepare(page);
        await checkA11y(page, `${label} at ${width} px`);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scroll <= width, `${label}: the document is ${scroll} px wide at ${width} px (sideways scroll)`);
      }
      s.assertClean();
    } finally {
      await s.close();
    }
  });
}
