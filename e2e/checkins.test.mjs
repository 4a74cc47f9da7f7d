// Check-ins without a server, as a coordinator and a participant live them:
// demo → accept a pairing → create a round → a person's link opens a
// participant-only form in another browser → the signed answer comes back as
// a code → importing it attaches it; a repeat and a tampered code are refused.
// Plus the emails of a round, the Guides page in Spanish, and axe on all of it.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  startServer, stopAll, openContext, openProfile, visit, waitForApp, stored, locales, eventually, checkA11y,
} from "./harness.mjs";

after(stopAll);

const en = locales.en;
const es = locales.es;

/** Fills `{{ name }}` placeholders of a locale string. */
const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k) => String(values[k]));

const notice = (page, text) => page.getByRole("status").filter({ hasText: text });

/** The browser's own idea of a date `offset` days from today, as YYYY-MM-DD. */
function isoDate(page, offset = 0) {
  return page.evaluate((days) => {
    const d = new Date();
    d.setDate(d.getDate() + days);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  }, offset);
}

/** Demo → Pairing → Run pairing → Accept pairing → Sessions. */
async function acceptDemoPairing(page, base) {
  await visit(page, base, "#/pairing");
  await page.getByRole("button", { name: "Run pairing", exact: true }).click();
  await eventually(async () => assert.match(await page.locator("#run-status").innerText(), /computed in/));
  await page.getByRole("button", { name: "Accept pairing", exact: true }).click();
  await notice(page, "Pairing accepted").first().waitFor();
  await page.getByRole("link", { name: "Sessions", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Sessions" }).waitFor();
}

const checkins = (page) => page.getByRole("region", { name: en.checkins.heading, exact: true });

/** Creates a check-in round open from `opens` to `closes`. */
async function createRound(page, { opens, closes }) {
  const section = checkins(page);
  await section.getByLabel(en.checkins.opens).fill(opens);
  await section.getByLabel(en.checkins.closes).fill(closes);
  await section.getByRole("button", { name: "Create check-in round", exact: true }).click();
  await notice(page, "Round created").first().waitFor();
}

/** The round card whose heading starts with the kind's label. */
const roundCard = (page, kindLabel) =>
  checkins(page).getByRole("article").filter({ has: page.getByRole("heading", { name: new RegExp(`^${kindLabel},`) }) });

/** Name and personal link of the first person of a round, read from the page. */
async function firstLink(page, card) {
  const row = card.getByRole("row").nth(1);
  const name = (await row.locator(".person-name").innerText()).trim();
  await row.getByText(en.checkins.show_link, { exact: true }).click();
  const link = await row.getByLabel(fill(en.checkins.link_for, { name })).inputValue();
  return { name, link, row };
}

async function importCodes(page, text) {
  const section = page.getByRole("region", { name: en.checkins.import_heading, exact: true });
  await section.getByLabel(en.checkins.import_codes).fill(text);
  await section.getByRole("button", { name: "Import responses", exact: true }).click();
  return section;
}

test("check-in: create a round, answer in another browser, import the code", async () => {
  const base = await startServer();
  const coordinator = await openProfile();
  const participant = await openProfile();
  try {
    const { page } = coordinator;
    await acceptDemoPairing(page, base);
    const today = await isoDate(page);
    await createRound(page, { opens: today, closes: await isoDate(page, 14) });
    const card = roundCard(page, en.checkins.kind_checkin);
    await card.getByText(/^Answered: 0 of \d+$/).waitFor();
    const { name, link, row } = await firstLink(page, card);
    assert.ok(link.startsWith(`${base}#checkin=`), link);
    const firstName = name.split(/\s+/)[0];

    // The coordinator may open a link in their own browser: the participant
    // form shows, and their stored program is neither read into it nor touched.
    const before = await stored(page);
    const peek = await coordinator.context.newPage();
    await peek.goto(link);
    await peek.locator("form.checkin-form").waitFor();
    assert.equal(await peek.getByRole("navigation").count(), 0, "no coordinator navigation");
    await peek.close();
    assert.equal(await stored(page), before, "the coordinator's stored program is untouched");

    // The participant, in a browser of their own, in the link's language, switched to English.
    const form = participant.page;
    await form.goto(link);
    await waitForApp(form);
    await form.locator("#language-select").selectOption("en");
    await form.getByText(fill(en.checkins.form.greeting, { name: firstName })).waitFor();
    assert.equal(await form.getByRole("heading", { level: 1 }).innerText(), "Bridge 2026 — reverse mentoring pilot");

    // Required questions are checked first.
    await form.getByRole("button", { name: en.checkins.form.submit }).click();
    const problems = form.getByRole("alert").filter({ hasText: en.checkins.form.errors_heading });
    await problems.waitFor();
    assert.equal(await problems.getByRole("listitem").count(), 2);

    await form.getByRole("radiogroup", { name: en.checkins.q.going }).getByRole("radio", { name: "3", exact: true }).check();
    await form.getByRole("radiogroup", { name: en.checkins.q.mood })
      .getByRole("radio", { name: `2 ${en.checkins.q.mood_2}`, exact: true }).check();
    await form.getByLabel(en.checkins.form.percent_number).fill("40");
    await form.getByLabel(en.checkins.form.percent_number).press("Tab");
    await form.getByText("40%").first().waitFor();
    const comment = form.getByLabel(en.checkins.q.comment);
    await comment.fill("Hard to find time this month.");
    await form.getByText(fill(en.checkins.form.chars, { count: 29, max: "1,000" })).waitFor();
    await form.getByRole("button", { name: en.checkins.form.submit }).click();
    await form.getByRole("heading", { name: en.checkins.form.done_heading }).waitFor();

    const [download] = await Promise.all([
      form.waitForEvent("download"),
      form.getByRole("button", { name: "Download response", exact: true }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^inversa-checkin-[a-z0-9-]*\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(readFileSync(await download.path(), "utf8"));
    assert.equal(file.format, "inversa-response");
    assert.deepEqual(file.answers.find((a) => a.question === "mood"), { question: "mood", value: 2 });
    const code = await form.getByLabel(en.checkins.form.code_label).inputValue();
    assert.match(code, /^INVERSA1\.[A-Za-z0-9_-]+$/);
    assert.equal(await form.evaluate(() => localStorage.length), 0, "the participant's browser keeps nothing");

    // Back with the coordinator: the pasted code is imported and shown.
    let section = await importCodes(page, `Reply from ${firstName}:\n\n> ${code}\n`);
    await section.getByRole("status").filter({ hasText: "Answers imported: 1." }).waitFor();
    await row.getByText(/^Answered on /).waitFor();
    await row.getByText(en.checkins.low_mood, { exact: true }).waitFor();
    await row.getByText(`2 of 5 (${en.checkins.q.mood_2})`).waitFor();
    await row.getByText("Hard to find time this month.").waitFor();
    await card.getByText(/^Answered: 1 of \d+$/).waitFor();
    const kept = await stored(page);

    // The Sessions page's needs-attention list picks up the low mood.
    const lowMood = new RegExp(en.sessions.alert_low_mood.replace(/[.*+?^$()|[\]\\]/g, "\\$&")
      .replace(/\{\{\s*name\s*\}\}/, `${firstName}.*`).replace(/\{\{\s*mood\s*\}\}/, "2"));
    await page.getByRole("region", { name: "Needs attention" }).getByText(lowMood).waitFor();

    // The same code again: refused as a duplicate, nothing changes.
    section = await importCodes(page, code);
    const refused = section.getByRole("alert");
    await refused.getByText(fill(en.checkins.reason_duplicate, { name }), { exact: false }).waitFor();
    assert.equal(await stored(page), kept);

    // A tampered code (the mood raised after signing): refused, nothing changes.
    const json = JSON.parse(Buffer.from(code.slice("INVERSA1.".length), "base64url").toString("utf8"));
    json.answers.find((a) => a.question === "mood").value = 5;
    const forged = `INVERSA1.${Buffer.from(JSON.stringify(json)).toString("base64url")}`;
    section = await importCodes(page, forged);
    await section.getByRole("alert").getByText(en.checkins.reason_tampered, { exact: false }).waitFor();
    await section.getByRole("status").filter({ hasText: en.checkins.import_none }).waitFor();
    assert.equal(await stored(page), kept);

    // A cut code is refused with its reason too.
    section = await importCodes(page, code.slice(0, 40));
    await section.getByRole("alert").getByText(/Pasted codes: /).waitFor();
    assert.equal(await stored(page), kept);

    coordinator.assertClean();
    participant.assertClean();
  } finally {
    await coordinator.close();
    await participant.close();
  }
});

test("check-in: closed and broken links say so; the round's email carries the link", async () => {
  const base = await startServer();
  const coordinator = await openContext();
  const participant = await openContext();
  try {
    const { page } = coordinator;
    await acceptDemoPairing(page, base);
    await createRound(page, { opens: await isoDate(page, -20), closes: await isoDate(page, -10) });
    const card = roundCard(page, en.checkins.kind_checkin);
    await card.getByText(en.checkins.state_closed, { exact: true }).waitFor();
    const { name, link, row } = await firstLink(page, card);

    await participant.page.goto(link);
    await waitForApp(participant.page);
    await participant.page.locator("#language-select").selectOption("en");
    await participant.page.getByRole("heading", { level: 1, name: en.checkins.form.expired_heading }).waitFor();
    await participant.page.goto("about:blank");
    await participant.page.goto(`${base}#checkin=not-a-real-link`);
    await waitForApp(participant.page);
    await participant.page.locator("#language-select").selectOption("en");
    await participant.page.getByRole("heading", { level: 1, name: en.checkins.form.broken_heading }).waitFor();

    // The email: in the person's language, with the full link, editable.
    await row.getByRole("button", { name: fill(en.checkins.email_for, { name }) }).click();
    const composer = checkins(page).getByRole("region", {
      name: fill(en.messages.composer_heading, { message: en.templates.checkin_request.label, name }),
    });
    await composer.waitFor();
    await composer.getByLabel(en.messages.language).selectOption("en");
    const href = await composer.getByRole("link", { name: en.messages.open_mail }).getAttribute("href");
    assert.ok(href.startsWith("mailto:"), href);
    const body = new URL(href).searchParams.get("body") ?? "";
    assert.ok(body.includes(link), "the body carries the full personal link");
    assert.ok(!body.includes("{link}") && !body.includes("{name}"));

    await composer.getByLabel(en.messages.subject, { exact: true }).fill("Two minutes, {name}?");
    await composer.getByText(`Two minutes, ${name.split(/\s+/)[0]}?`).waitFor();
    await composer.getByRole("button", { name: fill(en.messages.save_template, { language: en.messages.lang_en }) }).click();
    await composer.getByText(fill(en.messages.custom_note, { language: en.messages.lang_en })).waitFor();
    await composer.getByRole("button", { name: en.messages.restore }).click();
    assert.equal(await composer.getByLabel(en.messages.subject, { exact: true }).inputValue(), en.templates.checkin_request.subject);

    // A pair's match announcement: why they were matched, the date, the guide
    // for the recipient's role, all in the recipient's language.
    const openPair = new RegExp(`^${en.sessions.open_pair} `);
    const pairCard = page.getByRole("article").filter({ has: page.getByRole("button", { name: openPair }) }).first();
    await pairCard.waitFor();
    const [, mentee] = await pairCard.locator(".person-name").allInnerTexts();
    await pairCard.getByRole("button", { name: openPair }).click();
    const emails = page.getByRole("region", { name: en.messages.heading, exact: true });
    const toMentee = emails.getByRole("group", { name: fill(en.messages.to_person, { name: mentee, role: en.roles.mentee }) });
    assert.equal(await toMentee.getByRole("button", { name: en.templates.session_reminder.label }).isDisabled(), true,
      "no reminder while no session is planned");
    await toMentee.getByRole("button", { name: en.templates.match_announcement.label }).click();
    const announcement = emails.getByRole("region", {
      name: fill(en.messages.composer_heading, { message: en.templates.match_announcement.label, name: mentee }),
    });
    const lang = await announcement.getByLabel(en.messages.language).inputValue();
    const theirs = locales[lang];
    const preview = await announcement.locator(".mail-body").innerText();
    assert.ok(preview.includes(theirs.guides.mentee.summary), "the mentee's guide, in their language");
    assert.ok(preview.includes(theirs.messages.to_be_agreed), "no session planned yet");
    assert.match(preview, /^- \S/m, "the reasons, one per line");
    assert.doesNotMatch(preview, /\{(name|partner|program|reasons|first_date|guide)\}/);
    const mail = await announcement.getByRole("link", { name: en.messages.open_mail }).getAttribute("href");
    assert.match(mail, /^mailto:[^?]+%40|^mailto:[^?]+@/);
    coordinator.assertClean();
    participant.assertClean();
  } finally {
    await coordinator.close();
    await participant.close();
  }
});

test("guides: the Guides page in Spanish, with every guide and a print button", async () => {
  const base = await startServer();
  const s = await openContext({ locale: "es-ES" });
  try {
    await visit(s.page, base, "#/overview");
    await s.page.getByRole("link", { name: es.nav.guides, exact: true }).click();
    await s.page.getByRole("heading", { level: 1, name: es.guides_page.title }).waitFor();
    for (const key of ["mentor", "mentee", "session_plan", "checklist", "agreement", "topics"]) {
      await s.page.getByRole("heading", { level: 2, name: es.guides[key].title, exact: true }).waitFor();
    }
    await s.page.getByRole("heading", { level: 3, name: es.guides.mentor.item_1.heading }).waitFor();
    await s.page.getByRole("heading", { level: 4, name: "Redes sociales", exact: true }).waitFor();
    await s.page.getByRole("button", { name: es.guides_page.print }).waitFor();
    // The contents move focus without leaving the page.
    await s.page.getByRole("link", { name: es.guides.agreement.title }).click();
    assert.equal(await s.page.evaluate(() => location.hash), "#/guides");
    assert.equal(await s.page.evaluate(() => document.activeElement.textContent), es.guides.agreement.title);
    s.assertClean();
  } finally {
    await s.close();
  }
});

for (const width of [1280, 360]) {
  test(`check-ins, emails and guides: axe and layout at ${width} px`, async () => {
    const base = await startServer();
    const viewport = { width, height: 800 };
    const coordinator = await openContext({ viewport });
    const participant = await openContext({ viewport });
    const check = async (page, label) => {
      await checkA11y(page, `${label} at ${width} px`);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scroll <= width, `${label}: the document is ${scroll} px wide at ${width} px`);
    };
    try {
      const { page } = coordinator;
      await acceptDemoPairing(page, base);
      await createRound(page, { opens: await isoDate(page), closes: await isoDate(page, 14) });
      const card = roundCard(page, en.checkins.kind_checkin);
      const { name, link, row } = await firstLink(page, card);
      await row.getByRole("button", { name: fill(en.checkins.email_for, { name }) }).click();
      await checkins(page).getByRole("link", { name: en.messages.open_mail }).waitFor();
      await importCodes(page, "INVERSA1.nonsense");
      await page.getByRole("region", { name: en.checkins.import_heading }).getByRole("alert").waitFor();
      await check(page, "Sessions with a round, an email and an import error");
      const openPair = new RegExp(`^${en.sessions.open_pair} `);
      await page.getByRole("button", { name: openPair }).first().click();
      const emails = page.getByRole("region", { name: en.messages.heading, exact: true });
      await emails.getByRole("button", { name: en.templates.nudge.label }).first().click();
      await emails.getByRole("link", { name: en.messages.open_mail }).waitFor();
      await check(page, "a pair's emails with the nudge open");

      const form = participant.page;
      await form.goto(link);
      await waitForApp(form);
      await form.locator("form.checkin-form button[type=submit]").click(); // empty: errors shown
      await form.locator("#form-problems").waitFor();
      await check(form, "the participant form with errors");
      for (const group of await form.getByRole("radiogroup").all()) {
        await group.getByRole("radio").nth(2).check();
      }
      await form.locator("form.checkin-form button[type=submit]").click();
      await form.locator("#answer-code").waitFor();
      await check(form, "the participant's answer");

      await visit(page, base, "#/guides");
      await page.getByRole("heading", { level: 1, name: en.guides_page.title }).waitFor();
      await check(page, "Guides");
      coordinator.assertClean();
      participant.assertClean();
    } finally {
      await coordinator.close();
      await participant.close();
    }
  });
}
