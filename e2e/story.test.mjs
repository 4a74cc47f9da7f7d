// The first-use story of the issue, one test per step, as a coordinator
// would live it. Each test sets up its own state.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  startServer, stopAll, openContext, openProfile, visit, waitForApp, stored, exportFile,
  startOwnProgram, expectedFileName, locales, root, eventually,
} from "./harness.mjs";

after(stopAll);

const en = locales.en;
const DEMO_NAME = "Bridge 2026 — reverse mentoring pilot";

// ------------------------------------------------------------------ helpers --

const participantsTable = (page) => page.getByRole("table", { name: en.participants.table_caption });

/** Names in the visible rows of the participants table (none when it is hidden). */
async function visibleNames(page) {
  if ((await participantsTable(page).count()) === 0) return [];
  return participantsTable(page).locator("tbody").getByRole("row").locator(".person-name").allInnerTexts();
}

async function expectNames(page, names) {
  await eventually(async () => assert.deepEqual((await visibleNames(page)).sort(), [...names].sort()));
}

/** The "Participants" figure on the Overview page. */
async function overviewTotal(page) {
  await page.getByRole("link", { name: "Overview", exact: true }).click();
  await page.getByRole("heading", { level: 2, name: en.overview.people_heading, exact: true }).waitFor();
  const stat = page.locator(".stat").filter({ has: page.getByText(en.overview.total, { exact: true }) });
  return Number((await stat.locator(".stat-value").innerText()).trim());
}

/**
 * What is stored, without the bookkeeping that each page load refreshes
 * (the app re-saves what it loaded: revision, saved_at, exported_at).
 */
async function storedProgram(page) {
  const { revision, saved_at, document: { exported_at, ...document }, ...rest } = JSON.parse(await stored(page));
  assert.ok(revision > 0 && saved_at && exported_at);
  return { ...rest, document };
}

const notice = (page, text) => page.getByRole("status").filter({ hasText: text });

const PROGRAM = {
  name: "Pilot programme 2027",
  organisation: "Acme Iberia",
  start: "2027-01-10",
  end: "2027-06-30",
  objective: {
    title: "Adopt the new collaboration tool",
    goal: "Work better across sites",
    kpi: "Weekly active users",
    unit: "%",
    baseline: "20",
    target: "80",
    current: "35,5", // decimal comma, as typed in Spain and Italy
  },
  customRule: "Cameras on for video calls",
};

const PEOPLE = [
  { name: "Ana Ortiz", email: "ana.ortiz@acme.example", role: "Reverse mentor", department: "Marketing", title: "Analyst" },
  { name: "Bruno Sala", email: "bruno.sala@acme.example", role: "Mentee", department: "Sales", title: "Director" },
  { name: "Carla Neri", email: "carla.neri@acme.example", role: "Mentee", department: "Marketing", title: "CMO" },
];

/** Fills the Program page as a coordinator would, and saves it. */
async function fillProgram(page) {
  await page.getByRole("link", { name: "Program", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Program" }).waitFor();
  assert.equal(await page.getByLabel("Session length (minutes)").inputValue(), "30", "30 minutes is the default");
  await page.getByLabel("Program name").fill(PROGRAM.name);
  await page.getByLabel("Organisation").fill(PROGRAM.organisation);
  await page.getByLabel("Start date").fill(PROGRAM.start);
  await page.getByLabel("End date").fill(PROGRAM.end);
  await page.getByLabel("Session frequency").selectOption({ label: "Monthly" });
  await page.getByLabel("Session length (minutes)").fill("45");
  await page.getByRole("status").filter({ hasText: "Unsaved changes" }).waitFor();

  await page.getByRole("button", { name: "Add objective" }).click();
  const o = PROGRAM.objective;
  await page.getByLabel("Objective", { exact: true }).fill(o.title);
  await page.getByLabel("Company goal it serves").fill(o.goal);
  await page.getByLabel("KPI", { exact: true }).fill(o.kpi);
  await page.getByLabel("Unit", { exact: true }).fill(o.unit);
  await page.getByLabel("Baseline", { exact: true }).fill(o.baseline);
  await page.getByLabel("Target", { exact: true }).fill(o.target);
  await page.getByLabel("Current value").fill(o.current);

  // Every standard rule starts ticked: untick two, tick one of them back.
  const respect = page.getByRole("checkbox", { name: /Respect for time/ });
  const feedback = page.getByRole("checkbox", { name: /Safe feedback both ways/ });
  assert.equal(await respect.isChecked(), true);
  await respect.uncheck();
  await feedback.uncheck();
  await feedback.check();
  await page.getByLabel("Your own rules").fill(PROGRAM.customRule);

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await notice(page, "Program saved.").waitFor();
  await eventually(async () => assert.equal(await page.getByText("Unsaved changes").count(), 0));
}

async function addParticipant(page, { name, email, role, department, title }) {
  await page.getByRole("button", { name: "Add participant" }).click();
  await page.getByRole("heading", { level: 1, name: "Add participant" }).waitFor();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByRole("radio", { name: new RegExp(`^${role}`) }).check();
  await page.getByLabel("Department", { exact: true }).fill(department);
  await page.getByLabel("Job title", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await notice(page, `${name} was saved.`).waitFor();
  await page.getByRole("heading", { level: 1, name: "Participants" }).waitFor();
}

/** Everything step 3 entered, checked through the UI. */
async function checkOwnProgram(page, people) {
  assert.match(await page.locator("header").innerText(), new RegExp(PROGRAM.name));
  await page.getByRole("link", { name: "Program", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Program" }).waitFor();
  assert.equal(await page.getByLabel("Program name").inputValue(), PROGRAM.name);
  assert.equal(await page.getByLabel("Organisation").inputValue(), PROGRAM.organisation);
  assert.equal(await page.getByLabel("Start date").inputValue(), PROGRAM.start);
  assert.equal(await page.getByLabel("End date").inputValue(), PROGRAM.end);
  assert.equal(await page.getByLabel("Session frequency").inputValue(), "monthly");
  assert.equal(await page.getByLabel("Session length (minutes)").inputValue(), "45");
  const o = PROGRAM.objective;
  assert.equal(await page.getByLabel("Objective", { exact: true }).inputValue(), o.title);
  assert.equal(await page.getByLabel("Company goal it serves").inputValue(), o.goal);
  assert.equal(await page.getByLabel("KPI", { exact: true }).inputValue(), o.kpi);
  assert.equal(await page.getByLabel("Unit", { exact: true }).inputValue(), o.unit);
  assert.equal(await page.getByLabel("Baseline", { exact: true }).inputValue(), o.baseline);
  assert.equal(await page.getByLabel("Target", { exact: true }).inputValue(), o.target);
  assert.equal(await page.getByLabel("Current value").inputValue(), "35.5");
  assert.equal(await page.getByRole("checkbox", { name: /Respect for time/ }).isChecked(), false);
  assert.equal(await page.getByRole("checkbox", { name: /Safe feedback both ways/ }).isChecked(), true);
  assert.equal(await page.getByRole("checkbox", { name: /Confidentiality/ }).isChecked(), true);
  assert.equal(await page.getByLabel("Your own rules").inputValue(), PROGRAM.customRule);

  await page.getByRole("link", { name: "Participants", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Participants" }).waitFor();
  await expectNames(page, people.map((p) => p.name));
  for (const person of people) {
    const row = participantsTable(page).getByRole("row").filter({ hasText: person.name });
    const cells = await row.innerText();
    for (const part of [person.email, person.role, person.department, person.title]) {
      assert.ok(cells.includes(part), `${person.name}: “${part}” in “${cells}”`);
    }
  }
  const first = people[0];
  await page.getByRole("button", { name: `Edit ${first.name}` }).click();
  assert.equal(await page.getByRole("textbox", { name: "Email", exact: true }).inputValue(), first.email);
  assert.equal(await page.getByRole("radio", { name: new RegExp(`^${first.role}`) }).isChecked(), true);
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("heading", { level: 1, name: "Participants" }).waitFor();
}

// -------------------------------------------------------------------- story --

test("1. build and run from a clean clone", { skip: "covered by scripts/setup.sh, scripts/build.sh and scripts/test.sh" }, () => {});

test("2. first visit shows the demo; “Start my own program” empties it after a confirmation", async () => {
  const base = await startServer();
  const s = await openContext();
  const { page } = s;
  try {
    await visit(page, base);
    await page.getByRole("heading", { name: en.banner.demo_title }).waitFor();
    assert.equal(await page.locator("main h1").innerText(), DEMO_NAME);
    assert.equal(await overviewTotal(page), 24);
    await page.getByRole("link", { name: "Participants", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "(program total: 24)" }).waitFor();

    await page.getByRole("button", { name: "Start my own program" }).click();
    const dialog = page.getByRole("dialog", { name: en.banner.start_confirm_title });
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /The demo program and its people will be removed/);
    // Cancelling changes nothing.
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    assert.equal(await page.getByRole("heading", { name: en.banner.demo_title }).count(), 1);

    await startOwnProgram(page);
    assert.equal(await page.getByRole("link", { name: "Program", exact: true }).getAttribute("aria-current"), "page");
    assert.equal(await page.getByRole("heading", { name: en.banner.demo_title }).count(), 0, "the demo banner is gone");
    await page.getByRole("link", { name: "Participants", exact: true }).click();
    await page.getByText("No participant matches these filters (program total: 0).").waitFor();
    assert.deepEqual(await visibleNames(page), []);
    assert.equal(await overviewTotal(page), 0);
    s.assertClean();
  } finally {
    await s.close();
  }
});

test("3. I edit the program, add, edit, delete and filter participants", async () => {
  const base = await startServer();
  const s = await openContext();
  const { page } = s;
  try {
    await visit(page, base);
    await startOwnProgram(page);
    await fillProgram(page);

    // The Overview reflects the saved program and objective.
    await page.getByRole("link", { name: "Overview", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: PROGRAM.name }).waitFor();
    const overview = await page.locator("main").innerText();
    assert.match(overview, /Acme Iberia/);
    assert.match(overview, /Company goal: Work better across sites/);
    // Numbers keep their unit on one line (a no-break space), hence \s.
    assert.match(overview, /Weekly active users: from 20\s%\sto 80\s%\s·\snow 35\.5\s%/);

    await page.getByRole("link", { name: "Participants", exact: true }).click();
    for (const person of PEOPLE) await addParticipant(page, person);
    await expectNames(page, PEOPLE.map((p) => p.name));
    await page.getByRole("status").filter({ hasText: "Showing 1–3 of 3 (program total: 3)" }).waitFor();

    // A required field left empty is refused, with the problem named.
    await page.getByRole("button", { name: "Add participant" }).click();
    await page.getByLabel("Name", { exact: true }).fill("No Email");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    assert.match(await page.getByRole("alert").innerText(), /Email: required/);
    assert.equal(await page.getByRole("textbox", { name: "Email", exact: true }).getAttribute("aria-invalid"), "true");
    await page.getByRole("button", { name: "Cancel" }).click();
    await expectNames(page, PEOPLE.map((p) => p.name));

    // Edit one.
    await page.getByRole("button", { name: "Edit Bruno Sala" }).click();
    await page.getByRole("heading", { level: 1, name: "Edit Bruno Sala" }).waitFor();
    assert.equal(await page.getByRole("textbox", { name: "Email", exact: true }).inputValue(), "bruno.sala@acme.example");
    await page.getByLabel("Job title", { exact: true }).fill("Sales Director");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await notice(page, "Bruno Sala was saved.").waitFor();
    assert.match(await participantsTable(page).getByRole("row").filter({ hasText: "Bruno Sala" }).innerText(), /Sales Director/);

    // Delete one, after a confirmation.
    await page.getByRole("button", { name: "Delete Carla Neri" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete participant?" });
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /Carla Neri will be removed from the program/);
    await dialog.getByRole("button", { name: "Delete", exact: true }).click();
    await notice(page, "Carla Neri was deleted.").waitFor();
    await expectNames(page, ["Ana Ortiz", "Bruno Sala"]);

    // Filters: search, role, department, and their combination.
    const search = page.getByLabel("Search");
    const role = page.getByLabel("Role");
    const department = page.getByLabel("Department");
    await search.fill("ortiz");
    await expectNames(page, ["Ana Ortiz"]);
    await search.fill("SALES"); // department, any case
    await expectNames(page, ["Bruno Sala"]);
    await search.fill("nobody-like-this");
    await expectNames(page, []);
    await page.getByText("No participant matches these filters (program total: 2).").waitFor();
    await search.fill("");
    await expectNames(page, ["Ana Ortiz", "Bruno Sala"]);

    await role.selectOption({ label: "Mentees" });
    await expectNames(page, ["Bruno Sala"]);
    await role.selectOption({ label: "Reverse mentors" });
    await expectNames(page, ["Ana Ortiz"]);
    await role.selectOption({ label: "All roles" });
    await expectNames(page, ["Ana Ortiz", "Bruno Sala"]);

    assert.deepEqual(
      (await department.locator("option").allInnerTexts()).map((t) => t.trim()),
      ["All departments", "Marketing", "Sales"],
      "Carla was the only other person in Marketing; the list shows each department once",
    );
    await department.selectOption({ label: "Marketing" });
    await expectNames(page, ["Ana Ortiz"]);
    await department.selectOption({ label: "Sales" });
    await expectNames(page, ["Bruno Sala"]);
    await role.selectOption({ label: "Reverse mentors" });
    await expectNames(page, []);
    await department.selectOption({ label: "All departments" });
    await role.selectOption({ label: "All roles" });
    await expectNames(page, ["Ana Ortiz", "Bruno Sala"]);
    s.assertClean();
  } finally {
    await s.close();
  }
});

test("4. it is all still there after a reload, and after closing and reopening the browser", async () => {
  const base = await startServer();
  let s = await openProfile();
  const people = [PEOPLE[0], PEOPLE[1]];
  try {
    await visit(s.page, base);
    await startOwnProgram(s.page);
    await fillProgram(s.page);
    await s.page.getByRole("link", { name: "Participants", exact: true }).click();
    for (const person of people) await addParticipant(s.page, person);
    const before = await storedProgram(s.page);
    assert.equal(before.demo, false);
    assert.equal(before.document.program.name, PROGRAM.name, "saved in localStorage");
    assert.equal(before.document.participants.length, people.length);

    await s.page.reload();
    await waitForApp(s.page);
    assert.deepEqual(await storedProgram(s.page), before);
    assert.equal(await s.page.getByRole("heading", { name: en.banner.demo_title }).count(), 0, "no demo after a reload");
    await checkOwnProgram(s.page, people);
    s.assertClean();

    const dir = s.userDataDir;
    await s.close({ keep: true });
    s = await openProfile({ dir });
    await visit(s.page, base);
    assert.deepEqual(await storedProgram(s.page), before);
    assert.equal(await s.page.getByRole("heading", { name: en.banner.demo_title }).count(), 0, "no demo after a restart");
    await checkOwnProgram(s.page, people);
    s.assertClean();
  } finally {
    await s.close();
  }
});

test("5. export, then import in a fresh profile: every field identical", async () => {
  const base = await startServer();
  const first = await openProfile();
  const second = await openProfile();
  try {
    // The demo has every field filled in; rename it so the import is visible
    // and the file name has accents to fold.
    const renamed = "Piloto Año 2027 — Equipo Ñandú";
    await visit(first.page, base, "#/program");
    await first.page.getByLabel("Program name").fill(renamed);
    await first.page.getByRole("button", { name: "Save", exact: true }).click();
    await notice(first.page, "Program saved.").waitFor();
    await first.page.getByRole("link", { name: "Data", exact: true }).click();
    const exported = await exportFile(first.page);
    assert.match(exported.name, expectedFileName(renamed));
    assert.match(exported.name, /^inversa-piloto-ano-2027-equipo-nandu-\d{4}-\d{2}-\d{2}\.json$/);
    await notice(first.page, `Downloaded ${exported.name}.`).waitFor();
    const original = JSON.parse(exported.text);
    assert.equal(original.format, "inversa");
    assert.equal(original.version, 1);
    assert.equal(original.participants.length, 24);

    await visit(second.page, base, "#/data");
    assert.equal(await second.page.locator("main h1").innerText(), "Data");
    const input = second.page.getByLabel("Import JSON");
    await input.setInputFiles(exported.path);
    const preview = second.page.getByRole("region", { name: `Ready to import ${exported.name}` });
    await preview.waitFor();
    const said = await preview.innerText();
    assert.match(said, new RegExp(renamed));
    assert.match(said, /24 \(reverse mentors: 12, mentees: 12\)/);
    assert.match(said, /Replace swaps the program in this browser \(participants now: 24\)/);
    await second.page.getByRole("button", { name: "Replace", exact: true }).click();
    await second.page.getByRole("heading", { level: 1, name: renamed }).waitFor();
    await notice(second.page, "Program imported. Participants: 24.").waitFor();

    await second.page.getByRole("link", { name: "Data", exact: true }).click();
    const again = await exportFile(second.page);
    assert.equal(again.name, exported.name);
    const reexported = JSON.parse(again.text);
    assert.match(reexported.exported_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    delete original.exported_at;
    delete reexported.exported_at;
    assert.deepEqual(reexported, original);
    // Export is deterministic: the very same bytes, apart from the time stamp.
    assert.equal(withoutTimestamp(again.text), withoutTimestamp(exported.text));
    first.assertClean();
    second.assertClean();
  } finally {
    await first.close();
    await second.close();
  }
});

const withoutTimestamp = (text) => text.replace(/^  "exported_at": "[^"]*",$/m, '  "exported_at": "…",');

test("5. (file format) docs/example-v1.json imports and exports back to the same bytes", async () => {
  const base = await startServer();
  const s = await openContext();
  const { page } = s;
  try {
    await visit(page, base, "#/data");
    await startOwnProgram(page);
    await page.getByRole("link", { name: "Data", exact: true }).click();
    const example = join(root, "docs", "example-v1.json");
    await page.getByLabel("Import JSON").setInputFiles(example);
    await page.getByRole("region", { name: "Ready to import example-v1.json" }).waitFor();
    // Cancel first: nothing changes.
    await page.getByRole("button", { name: "Cancel" }).click();
    assert.equal(await page.getByText(/Ready to import/).count(), 0);
    assert.equal(JSON.parse(await stored(page)).document.participants.length, 0);

    await page.getByLabel("Import JSON").setInputFiles(example);
    await page.getByRole("button", { name: "Replace", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Reverse Mentoring 2026" }).waitFor();
    await page.getByRole("link", { name: "Data", exact: true }).click();
    const out = await exportFile(page);
    assert.match(out.name, expectedFileName("Reverse Mentoring 2026"));
    assert.equal(withoutTimestamp(out.text), withoutTimestamp(readFileSync(example, "utf8")));
    s.assertClean();
  } finally {
    await s.close();
  }
});

test("5. (wording) counts of one read naturally in the import preview", async () => {
  const base = await startServer();
  const s = await openContext();
  const { page } = s;
  try {
    // The documented example, cut down to one reverse mentor and one mentee.
    const example = JSON.parse(readFileSync(join(root, "docs", "example-v1.json"), "utf8"));
    const one = (role) => example.participants.find((p) => p.role === role);
    example.participants = [one("reverse_mentor"), one("mentee")]
      .map((p) => ({ ...p, manager_id: null, never_pair_with: [] }));
    delete example.pairing;
    await visit(page, base, "#/data");
    await page.getByLabel("Import JSON").setInputFiles({
      name: "one-each.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(example)),
    });
    const preview = page.getByRole("region", { name: "Ready to import one-each.json" });
    await preview.waitFor();
    assert.match(await preview.innerText(), /2 \(reverse mentors: 1, mentees: 1\)/);
    s.assertClean();
  } finally {
    await s.close();
  }
});

test("6. broken files are refused with every problem located, and nothing changes", async () => {
  const base = await startServer();
  const s = await openContext();
  const { page } = s;
  const scratch = mkdtempSync(join(tmpdir(), "inversa-broken-"));
  try {
    await visit(page, base, "#/data");
    const good = await exportFile(page);
    const demo = JSON.parse(good.text);
    const variant = (change) => {
      const copy = structuredClone(demo);
      change(copy);
      return JSON.stringify(copy, null, 2);
    };
    const unknownId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    const huge = join(scratch, "huge.json");
    writeFileSync(huge, Buffer.alloc(11 * 1024 * 1024, " "));
    assert.ok(statSync(huge).size > 10 * 1024 * 1024);
    const png = join(scratch, "photo.json"); // a real PNG (a screenshot), renamed
    writeFileSync(png, await page.screenshot());
    const file = (name, text) => {
      const path = join(scratch, name);
      writeFileSync(path, text);
      return path;
    };

    const cases = [
      [file("truncated.json", good.text.slice(0, Math.floor(good.text.length / 2))), ["the file ends too early"]],
      [file("notes.json", "not json at all"), ["this is not valid JSON (line 1, column"]],
      [file("types.json", variant((f) => { f.participants[1].capacity = "two"; })),
        ["participants[1].capacity: expected a whole number, found text"]],
      [file("missing.json", variant((f) => { delete f.participants[2].email; })), ["participants[2].email: missing"]],
      [file("duplicates.json", variant((f) => { f.participants[4].email = f.participants[0].email.toUpperCase(); })),
        ["participants[4].email: same email as participants[0]"]],
      [file("manager.json", variant((f) => { f.participants[3].manager_id = unknownId; })),
        [`participants[3].manager_id: no participant has the id ${unknownId}`]],
      [file("future.json", variant((f) => { f.version = 99; })), ["newer version of Inversa", "format 99"]],
      [huge, ["the limit is"]],
      [png, ["PNG"]],
      // Several problems at once are all listed.
      [file("several.json", variant((f) => {
        f.participants[1].capacity = "two";
        delete f.participants[2].email;
        f.participants[3].manager_id = unknownId;
      })), ["Problems found: 3", "participants[1].capacity", "participants[2].email", "participants[3].manager_id"]],
    ];

    const before = await stored(page);
    assert.ok(before, "the demo is saved");
    for (const [path, expected] of cases) {
      const name = path.split("/").pop();
      await page.getByRole("link", { name: "Data", exact: true }).click();
      await page.getByLabel("Import JSON").setInputFiles(path);
      const alert = page.getByRole("alert").filter({ hasText: `${name} cannot be imported` });
      await alert.waitFor();
      const said = await alert.innerText();
      assert.match(said, /Nothing was changed/, name);
      for (const part of expected) assert.ok(said.includes(part), `${name}: expected “${part}” in:\n${said}`);
      assert.equal(await page.getByRole("button", { name: "Replace", exact: true }).count() + await page.getByRole("button", { name: "Merge", exact: true }).count(), 0, `${name}: nothing to confirm`);
      assert.equal(await page.getByText(/Ready to import/).count(), 0);
      assert.equal(await stored(page), before, `${name} must not change the stored program`);
      assert.equal(await overviewTotal(page), 24, `${name}: still 24 participants`);
      assert.equal(await page.locator("main h1").innerText(), DEMO_NAME);
    }
    s.assertClean();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await s.close();
  }
});

/** English strings that differ in `lang`: seeing one of them means something is untranslated. */
function englishOnly(lang) {
  const out = new Set();
  const walk = (a, b) => {
    for (const [key, value] of Object.entries(a)) {
      if (typeof value === "object") walk(value, b?.[key] ?? {});
      else if (!value.includes("{{") && value !== b?.[key]) out.add(value.trim());
    }
  };
  walk(locales.en, locales[lang]);
  return out;
}

/** Visible text nodes of the navigation, headings, labels, legends and buttons. */
async function chromeTexts(page) {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll("nav, h1, h2, h3, legend, label, button, th, dt, caption, .stat-label")) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent.trim();
        const parent = n.parentElement;
        if (text && parent && parent.checkVisibility({ visibilityProperty: true })) out.push(text);
      }
    }
    return out;
  });
}

async function expectTranslated(page, lang, where) {
  const english = englishOnly(lang);
  const leftovers = (await chromeTexts(page)).filter((t) => english.has(t));
  assert.deepEqual([...new Set(leftovers)], [], `English left on ${where} in ${lang}`);
}

/** The navigation, in order; the Guides page's strings live under `guides_page`. */
const NAV = ["overview", "participants", "program", "pairing", "sessions", "impact", "guides", "data"];
const PAGE_STRINGS = { guides: "guides_page" };

test("7. language: switchable, remembered, and the browser's language on a first visit", async () => {
  const base = await startServer();
  const s = await openContext({ locale: "en-US" });
  const italian = await openContext({ locale: "it-IT" });
  const { page } = s;
  try {
    const es = locales.es;
    const it = locales.it;
    for (const [l, strings] of [["es", es], ["it", it]]) {
      for (const key of NAV) {
        assert.notEqual(strings.nav[key], en.nav[key], `${l}.json translates nav.${key}`);
      }
    }

    await visit(page, base);
    for (const key of NAV) {
      await page.getByRole("navigation", { name: en.shell.main_navigation }).getByRole("link", { name: en.nav[key], exact: true }).waitFor();
    }
    await page.getByLabel("Language").selectOption({ label: "Español" });
    const nav = page.getByRole("navigation", { name: es.shell.main_navigation });
    await nav.getByRole("link", { name: es.nav.overview, exact: true }).waitFor();
    assert.deepEqual(
      (await nav.getByRole("link").allInnerTexts()).map((t) => t.trim()),
      NAV.map((k) => es.nav[k]),
    );
    assert.equal(await page.locator("html").getAttribute("lang"), "es");
    await page.getByRole("heading", { name: es.banner.demo_title }).waitFor();
    assert.equal(await page.getByRole("heading", { name: en.banner.demo_title }).count(), 0);
    await page.getByRole("heading", { level: 2, name: es.overview.people_heading, exact: true }).waitFor();
    await expectTranslated(page, "es", "Overview");
    for (const key of NAV.slice(1)) {
      await nav.getByRole("link", { name: es.nav[key], exact: true }).click();
      await page.getByRole("heading", { level: 1, name: es[PAGE_STRINGS[key] ?? key].title }).waitFor();
      await expectTranslated(page, "es", es.nav[key]);
    }
    // The Participants form, too.
    await nav.getByRole("link", { name: es.nav.participants, exact: true }).click();
    await page.getByRole("button", { name: es.participants.add }).click();
    await page.getByRole("heading", { level: 1, name: es.participants.add_title }).waitFor();
    await expectTranslated(page, "es", es.participants.add_title);

    await page.reload();
    await waitForApp(page);
    await nav.getByRole("link", { name: es.nav.participants, exact: true }).waitFor();
    assert.equal(await page.getByLabel(es.shell.language).inputValue(), "es");
    assert.equal(await page.locator("html").getAttribute("lang"), "es");
    await expectTranslated(page, "es", "the page after a reload");

    await visit(italian.page, base);
    const itNav = italian.page.getByRole("navigation", { name: it.shell.main_navigation });
    await itNav.getByRole("link", { name: it.nav.participants, exact: true }).waitFor();
    assert.equal(await italian.page.getByLabel(it.shell.language).inputValue(), "it");
    assert.equal(await italian.page.locator("html").getAttribute("lang"), "it");
    await italian.page.getByRole("heading", { name: it.banner.demo_title }).waitFor();
    await expectTranslated(italian.page, "it", "the first visit");
    s.assertClean();
    italian.assertClean();
  } finally {
    await s.close();
    await italian.close();
  }
});

test("stored data that cannot be read is kept aside, never overwritten", async () => {
  const base = await startServer();
  const s = await openContext();
  const { page } = s;
  const broken = '{"storage": "inversa", "schema": 1, "document": {"format": "inv';
  try {
    await visit(page, base);
    await page.evaluate((text) => localStorage.setItem("inversa.workspace.v1", text), broken);
    await page.reload();
    await waitForApp(page);
    const alert = page.getByRole("alert").filter({ hasText: "could not be read" });
    await alert.waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem("inversa.unreadable")), broken);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      alert.getByRole("button", { name: "Download unreadable data" }).click(),
    ]);
    assert.equal(readFileSync(await download.path(), "utf8"), broken);
    s.assertClean();
  } finally {
    await s.close();
  }
});

test("a full storage says so, keeps the work in the tab and offers an export", async () => {
  const base = await startServer();
  const s = await openContext();
  const { page } = s;
  try {
    await visit(page, base, "#/participants");
    const before = await page.evaluate(() => localStorage.getItem("inversa.workspace.v1"));
    // From now on the browser refuses to store more, as a full quota does.
    await page.evaluate(() => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key === "inversa.workspace.v1") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        return original.call(this, key, value);
      };
    });
    await page.getByRole("button", { name: /^Delete / }).first().click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "storage for Inversa is full" });
    await alert.waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      alert.getByRole("button", { name: "Export JSON" }).click(),
    ]);
    const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
    assert.equal(exported.participants.length, 23, "the export has the unsaved change");
    assert.equal(await page.evaluate(() => localStorage.getItem("inversa.workspace.v1")), before);
    s.assertClean();
  } finally {
    await s.close();
  }
});
