// Impact, as a coordinator meets it after a program has run, on a controlled
// clock: Data → "Load a finished program" → the Impact page shows the
// participation funnel and Kirkpatrick's four levels with charts (each with
// a text alternative and a table view) → "Print report" renders the report
// under print media (screenshot kept, text checked) → "Print certificates"
// renders one certificate per eligible person → "Export CSV" gives files
// with a BOM, the right headers and one row per record. Then a new
// assessment round from the Impact page, and axe at 1280 and 360 px.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, stopAll, openContext, visit, stored, locales, eventually, checkA11y } from "./harness.mjs";

after(stopAll);

const en = locales.en;
/** After the finished demo's program (2 March – 28 August 2026) and its closing round. */
const T0 = new Date("2026-10-20T09:00:00Z");

const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k) => String(values[k]));
const notice = (page, text) => page.getByRole("status").filter({ hasText: text });

/** A minimal RFC 4180 reader (quotes, doubled quotes, CRLF), independent of the app. */
function parseCsv(text, delimiter = ",") {
  const rows = [];
  let row = [], cell = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) { row.push(cell); cell = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i++; }
    else cell += c;
  }
  if (cell !== "" || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

async function exportCsv(page, tableLabel, delimiter = ",") {
  await page.getByLabel(en.impact.csv_table).selectOption({ label: tableLabel });
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: en.impact.export_csv, exact: true }).click(),
  ]);
  const dir = mkdtempSync(join(tmpdir(), "inversa-csv-"));
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  const bytes = readFileSync(path);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${tableLabel}: UTF-8 byte-order mark`);
  return { name: file.suggestedFilename(), rows: parseCsv(bytes.subarray(3).toString("utf8"), delimiter) };
}

async function openFinishedDemo(page, base) {
  await visit(page, base, "#/data");
  await page.getByRole("button", { name: en.data.load_finished_demo, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: en.impact.title }).waitFor();
}

test("impact: four levels with charts, printed report and certificates, CSV files", async () => {
  const base = await startServer();
  const session = await openContext();
  const { page, context } = session;
  try {
    await context.clock.install({ time: T0 });
    // The print dialog would wait for a person; count the calls instead.
    await context.addInitScript(() => {
      window.__printed = 0;
      window.print = () => { window.__printed += 1; };
    });
    await openFinishedDemo(page, base);
    assert.equal(await page.getByRole("link", { name: "Impact", exact: true }).getAttribute("aria-current"), "page");

    // Participation and the four levels, each with at least one drawn chart.
    const participation = page.getByRole("region", { name: en.impact.participation });
    const funnel = participation.getByRole("img");
    const saved = JSON.parse(await stored(page)).document;
    const people = saved.participants.length;
    assert.match(await funnel.getAttribute("aria-label"), new RegExp(`^${people} invited`));
    const levels = ["reaction", "learning", "behaviour", "results"].map((key, i) =>
      fill(en.impact.level_heading, { number: i + 1, title: en.impact[`level_${key}`] }));
    for (const name of levels) {
      const level = page.getByRole("region", { name, exact: true });
      await level.waitFor();
      assert.ok(await level.getByRole("img").count() >= 1, `${name} has a chart`);
    }
    const learning = page.getByRole("region", { name: levels[1], exact: true });
    const gains = learning.getByRole("figure").filter({ hasText: en.impact.gains_mentees });
    assert.match(await gains.getByRole("img").getAttribute("aria-label"), /→/);
    // The same numbers as a table, and back.
    await gains.getByRole("button", { name: en.charts.show_table }).click();
    const table = gains.getByRole("table");
    await table.waitFor();
    assert.ok(await table.getByRole("row").count() > 2);
    assert.equal(await gains.getByRole("img").isVisible(), false);
    await gains.getByRole("button", { name: en.charts.show_chart }).click();
    await gains.getByRole("img").waitFor();
    // Small groups are withheld in the department breakdown.
    const departments = page.getByRole("region", { name: en.impact.departments_heading });
    assert.ok(await departments.getByRole("row").count() > 2);

    // Print report: the report alone, in print media.
    await page.getByRole("button", { name: en.impact.print_report, exact: true }).click();
    await eventually(async () => assert.equal(await page.evaluate(() => window.__printed), 1));
    await page.emulateMedia({ media: "print" });
    const report = page.locator("article.report");
    await report.waitFor();
    // textContent: the CSS upper-cases some labels, innerText would too.
    const reportText = await report.textContent();
    assert.ok(reportText.includes(en.impact_print.report_title), "the report names itself");
    assert.ok(reportText.includes(saved.program.name), "the report names the program");
    for (const name of levels) assert.ok(reportText.includes(name), `the report has ${name}`);
    assert.equal(await page.getByRole("button", { name: en.impact.print_report }).isVisible(), false,
      "controls are not printed");
    assert.equal(await page.locator(".site-nav").isVisible(), false, "navigation is not printed");
    await page.screenshot({ path: join(mkdtempSync(join(tmpdir(), "inversa-print-")), "report.png"), fullPage: true });
    await page.emulateMedia({ media: "screen" });

    // Print certificates: one per eligible person, nothing else.
    const earned = await page.getByText(new RegExp(`^${fill(en.impact_print.earned, { count: "(\\d+)" })}$`)).innerText();
    const eligible = Number(earned.match(/(\d+)$/)[1]);
    assert.ok(eligible > 0, "the finished demo has people who completed");
    await page.getByRole("button", { name: en.impact.print_certificates, exact: true }).click();
    await eventually(async () => assert.equal(await page.evaluate(() => window.__printed), 2));
    await page.emulateMedia({ media: "print" });
    const certificates = page.locator("article.certificate");
    await eventually(async () => assert.equal(await certificates.count(), eligible));
    assert.equal(await page.locator("article.report").isVisible(), false, "the report is not in the certificates");
    const first = await certificates.first().innerText();
    assert.ok(["Certificate of participation", locales.es.certificate.title, locales.it.certificate.title]
      .some((title) => first.includes(title)), "each certificate in its person's language");
    await page.emulateMedia({ media: "screen" });

    // CSV: headers and one row per record, counted from the saved document.
    const sessionsCount = saved.sessions.sessions.length;
    const assessmentRounds = new Set(saved.sessions.rounds.filter((r) => r.kind !== "check_in").map((r) => r.id));
    const answers = saved.sessions.responses
      .filter((r) => assessmentRounds.has(r.round_id))
      .reduce((n, r) => n + r.answers.length, 0);
    const expected = [
      [en.impact.csv_participants, people, "Name"],
      [en.impact.csv_pairs, saved.pairing.pairs.length, "Reverse mentor"],
      [en.impact.csv_sessions, sessionsCount, "Status"],
      [en.impact.csv_assessments, answers, "Value"],
    ];
    for (const [label, count, header] of expected) {
      const { name, rows } = await exportCsv(page, label);
      assert.match(name, /\.csv$/);
      assert.ok(rows[0].includes(header), `${label}: header ${header} in ${rows[0]}`);
      assert.equal(rows.length - 1, count, `${label}: one row per record`);
      assert.ok(rows.every((r) => r.length === rows[0].length), `${label}: every row has every column`);
    }
    const results = (await exportCsv(page, en.impact.csv_results)).rows;
    assert.deepEqual(results[0].slice(0, 3), ["Scope", "Level", "Measure"]);
    const invited = results.find((r) => r[0] === "Whole program" && r[2] === "funnel_invited");
    assert.equal(invited[4], String(people));
    // For an Excel that uses the decimal comma: semicolons, and 4,2 rather than 4.2.
    assert.equal(await page.getByLabel(en.impact.csv_separator).inputValue(), "comma", "English: commas");
    await page.getByLabel(en.impact.csv_separator).selectOption({ label: en.impact.csv_semicolon });
    const semicolons = (await exportCsv(page, en.impact.csv_results, ";")).rows;
    assert.deepEqual(semicolons.length, results.length);
    assert.deepEqual(semicolons[0], results[0]);
    const decimals = results.flatMap((row, i) => row.map((cell, j) => [cell, semicolons[i][j]]))
      .filter(([cell]) => /^-?\d+\.\d+$/.test(cell));
    assert.ok(decimals.length > 0, "the results have decimals");
    for (const [cell, semi] of decimals) assert.equal(semi, cell.replace(".", ","));

    await checkA11y(page, "Impact page (finished demo)");
    await page.setViewportSize({ width: 360, height: 800 });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
      "no sideways scrolling at 360 px");
    await checkA11y(page, "Impact page at 360 px");
    session.assertClean();
  } finally {
    await session.close();
  }
});

test("impact: self-assessment rounds are created from the Impact page", async () => {
  const base = await startServer();
  const session = await openContext();
  const { page, context } = session;
  try {
    await context.clock.install({ time: T0 });
    await openFinishedDemo(page, base);
    const section = page.getByRole("region", { name: en.checkins.assessments_heading, exact: true });
    const rounds = () => section.getByRole("article");
    const before = await rounds().count();
    assert.ok(before >= 2, "the demo's rounds before and after are listed");
    await section.getByLabel(en.checkins.kind).selectOption({ label: en.checkins.kind_post });
    // The "after" round opens when the program has ended: today, here.
    assert.equal(await section.getByLabel(en.checkins.opens).inputValue(), "2026-10-20");
    await section.getByRole("button", { name: en.checkins.create_assessment, exact: true }).click();
    await notice(page, "Round created").first().waitFor();
    await eventually(async () => assert.equal(await rounds().count(), before + 1));
    const saved = JSON.parse(await stored(page)).document;
    assert.equal(saved.sessions.rounds.filter((r) => r.kind === "post_assessment").length, 2);
    // Recording who left the company: the Results level counts them.
    const leavers = page.getByRole("region", { name: en.leavers.heading, exact: true });
    const retention = page.getByRole("figure").filter({ hasText: en.impact.retention_title });
    const retentionBefore = await retention.getByRole("img").getAttribute("aria-label");
    const before_leavers = JSON.parse(await stored(page)).document.impact.leavers.length;
    await leavers.getByRole("button", { name: en.leavers.record, exact: true }).click();
    await leavers.getByText(en.leavers.person_missing).waitFor();
    // Someone in an accepted pair who has not left: retention is about them.
    const doc = JSON.parse(await stored(page)).document;
    const gone = new Set(doc.impact.leavers.map((l) => l.participant_id));
    const mentee = doc.pairing.pairs.map((p) => p.mentee_id).find((id) => !gone.has(id));
    const name = doc.participants.find((p) => p.id === mentee).name;
    await leavers.getByLabel(en.leavers.person).selectOption({ label: name });
    await leavers.getByLabel(en.leavers.left_on).fill("2026-06-15");
    await leavers.getByRole("button", { name: en.leavers.record, exact: true }).click();
    await notice(page, fill(en.leavers.recorded, { name })).first().waitFor();
    await leavers.getByRole("button", { name: fill(en.leavers.remove, { name }) }).waitFor();
    assert.equal(JSON.parse(await stored(page)).document.impact.leavers.length, before_leavers + 1);
    await eventually(async () =>
      assert.notEqual(await retention.getByRole("img").getAttribute("aria-label"), retentionBefore, "retention follows"));
    await leavers.getByRole("button", { name: fill(en.leavers.remove, { name }) }).click();
    await eventually(async () =>
      assert.equal(JSON.parse(await stored(page)).document.impact.leavers.length, before_leavers));

    // Check-ins stay on the Sessions page, without a kind to pick.
    await page.getByRole("link", { name: "Sessions", exact: true }).click();
    const checkins = page.getByRole("region", { name: en.checkins.heading, exact: true });
    await checkins.getByRole("button", { name: en.checkins.create, exact: true }).waitFor();
    assert.equal(await checkins.getByLabel(en.checkins.kind).count(), 0);
    session.assertClean();
  } finally {
    await session.close();
  }
});
