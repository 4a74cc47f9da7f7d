// The first-use story of issue #3, step by step, as a coordinator would live it.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startServer, stopServer, openProfile, visit, stored, locales, root } from "./harness.mjs";

after(stopServer);

const rows = (page) => page.locator("table.participants tbody tr");
const text = (page, selector = "main") => page.locator(selector).innerText();

async function addParticipant(page, { name, email, role, department, title }) {
  await page.getByRole("button", { name: "Add participant" }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByRole("radio", { name: new RegExp(role) }).check();
  await page.getByLabel("Department", { exact: true }).fill(department);
  await page.getByLabel("Job title", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Save" }).click();
  await page.locator("table.participants").waitFor();
}

test("2. first visit shows the demo, and I can start my own program", async () => {
  const base = await startServer();
  const p = await openProfile();
  try {
    await visit(p.page, base);
    const main = await text(p.page, "body");
    assert.match(main, /You are looking at demo data/);
    assert.equal(await p.page.locator("main h1").innerText(), "Bridge 2026 — reverse mentoring pilot");
    assert.match(main, /24\s+Participants/);

    await p.page.getByRole("button", { name: "Start my own program" }).click();
    const dialog = p.page.getByRole("dialog");
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /Start your own program\?/);
    await dialog.getByRole("button", { name: "Start my own program" }).click();
    await p.page.getByRole("heading", { level: 1, name: "Program" }).waitFor();
    assert.doesNotMatch(await text(p.page, "body"), /You are looking at demo data/);
    await p.page.getByRole("link", { name: "Participants" }).click();
    await p.page.getByText("No participant matches these filters (program total: 0).").waitFor();
    p.assertClean();
  } finally {
    await p.close();
  }
});

test("3–4. I set up the program and people; it survives a reload and a restart", async () => {
  const base = await startServer();
  let p = await openProfile();
  const { page } = p;
  try {
    await visit(page, base);
    await page.getByRole("button", { name: "Start my own program" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Start my own program" }).click();
    await page.getByRole("heading", { level: 1, name: "Program" }).waitFor();

    // Program, with one objective tied to a company goal.
    assert.equal(await page.getByLabel("Session length (minutes)").inputValue(), "30");
    await page.getByLabel("Program name").fill("Pilot programme 2027");
    await page.getByLabel("Organisation").fill("Acme Iberia");
    await page.getByLabel("Start date").fill("2027-01-10");
    await page.getByLabel("End date").fill("2027-06-30");
    await page.getByLabel("Session frequency").selectOption({ label: "Monthly" });
    await page.getByRole("button", { name: "Add objective" }).click();
    await page.getByLabel("Objective", { exact: true }).fill("Adopt the new collaboration tool");
    await page.getByLabel("Company goal it serves").fill("Work better across sites");
    await page.getByLabel("KPI", { exact: true }).fill("Weekly active users");
    await page.getByLabel("Unit", { exact: true }).fill("%");
    await page.getByLabel("Baseline", { exact: true }).fill("20");
    await page.getByLabel("Target", { exact: true }).fill("80");
    await page.getByLabel("Current value").fill("35,5");
    await page.getByRole("checkbox", { name: /Respect for time/ }).uncheck();
    await page.getByLabel("Your own rules").fill("Cameras on for video calls");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Program saved.").waitFor();

    // People: add three, edit one, delete one, filter.
    await page.getByRole("link", { name: "Participants" }).click();
    await addParticipant(page, { name: "Ana Ortiz", email: "ana.ortiz@acme.example", role: "Reverse mentor", department: "Marketing", title: "Analyst" });
    await addParticipant(page, { name: "Bruno Sala", email: "bruno.sala@acme.example", role: "Mentee", department: "Sales", title: "Director" });
    await addParticipant(page, { name: "Carla Neri", email: "carla.neri@acme.example", role: "Mentee", department: "Marketing", title: "CMO" });
    assert.equal(await rows(page).count(), 3);

    await page.getByRole("button", { name: "Edit Bruno Sala" }).click();
    await page.getByLabel("Job title", { exact: true }).fill("Sales Director");
    await page.getByRole("button", { name: "Save" }).click();
    await page.locator("table.participants").waitFor();
    assert.match(await text(page), /Sales Director/);

    await page.getByRole("button", { name: "Delete Carla Neri" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await page.waitForFunction(() => document.querySelectorAll("table.participants tbody tr").length === 2);

    await page.getByLabel("Search").fill("ortiz");
    await page.waitForFunction(() => document.querySelectorAll("table.participants tbody tr").length === 1);
    await page.getByLabel("Search").fill("");
    await page.getByLabel("Role").selectOption({ label: "Mentees" });
    await page.waitForFunction(() => document.querySelectorAll("table.participants tbody tr").length === 1);
    assert.match(await rows(page).first().innerText(), /Bruno Sala/);
    await page.getByLabel("Role").selectOption({ label: "All roles" });
    await page.getByLabel("Department").selectOption({ label: "Marketing" });
    await page.waitForFunction(() => document.querySelectorAll("table.participants tbody tr").length === 1);
    assert.match(await rows(page).first().innerText(), /Ana Ortiz/);

    const check = async (pg) => {
      await pg.getByRole("link", { name: "Participants" }).click();
      await pg.locator("table.participants").waitFor();
      assert.equal(await rows(pg).count(), 2);
      assert.match(await text(pg, "header"), /Pilot programme 2027/);
      await pg.getByRole("link", { name: "Program" }).click();
      assert.equal(await pg.getByLabel("Current value").inputValue(), "35.5");
      assert.equal(await pg.getByRole("checkbox", { name: /Respect for time/ }).isChecked(), false);
      assert.equal(await pg.getByLabel("Session frequency").inputValue(), "monthly");
    };
    await page.reload();
    await page.waitForSelector("main h1");
    await check(page);
    p.assertClean();

    // Close the browser and come back with the same profile.
    const dir = p.userDataDir;
    await p.close({ keep: true });
    p = await openProfile({ dir });
    await visit(p.page, base);
    await check(p.page);
    p.assertClean();
  } finally {
    await p.close();
  }
});

test("5. export, then import in a fresh profile: every field identical", async () => {
  const base = await startServer();
  const first = await openProfile();
  const second = await openProfile();
  try {
    // The demo has every field filled in: a thorough round trip.
    await visit(first.page, base, "#/data");
    const [download] = await Promise.all([
      first.page.waitForEvent("download"),
      first.page.getByRole("button", { name: "Export JSON" }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^inversa-bridge-2026-reverse-mentoring-pilot-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync(await download.path(), "utf8"));

    await visit(second.page, base, "#/data");
    await second.page.getByRole("button", { name: "Start my own program" }).click();
    await second.page.getByRole("dialog").getByRole("button", { name: "Start my own program" }).click();
    await second.page.getByRole("link", { name: "Data" }).click();
    await second.page.getByLabel("Import JSON").setInputFiles(await download.path());
    await second.page.getByText(/Ready to import/).waitFor();
    assert.match(await text(second.page), /24 \(12 reverse mentors, 12 mentees\)/);
    await second.page.getByRole("button", { name: "Import", exact: true }).click();
    await second.page.getByRole("heading", { level: 1, name: "Bridge 2026 — reverse mentoring pilot" }).waitFor();

    await second.page.getByRole("link", { name: "Data" }).click();
    const [again] = await Promise.all([
      second.page.waitForEvent("download"),
      second.page.getByRole("button", { name: "Export JSON" }).click(),
    ]);
    const reexported = JSON.parse(readFileSync(await again.path(), "utf8"));
    delete exported.exported_at;
    delete reexported.exported_at;
    assert.deepEqual(reexported, exported);
    first.assertClean();
    second.assertClean();
  } finally {
    await first.close();
    await second.close();
  }
});

test("6. broken files are refused with every problem listed, and nothing changes", async () => {
  const base = await startServer();
  const p = await openProfile();
  const example = JSON.parse(readFileSync(join(root, "docs", "example-v1.json"), "utf8"));
  const variant = (change) => {
    const copy = structuredClone(example);
    change(copy);
    return Buffer.from(JSON.stringify(copy));
  };
  const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e1d8a60000000049454e44ae426082", "hex");
  const cases = [
    ["truncated.json", Buffer.from(JSON.stringify(example).slice(0, 300)), ["ends too early"]],
    ["notes.json", Buffer.from("these are my meeting notes"), ["not valid JSON"]],
    ["types.json", variant((f) => { f.participants[1].capacity = "two"; f.program.session_minutes = "thirty"; }), ["participants[1].capacity", "program.session_minutes"]],
    ["missing.json", variant((f) => { delete f.participants[1].email; delete f.program.name; }), ["participants[1].email", "program.name"]],
    ["duplicates.json", variant((f) => { f.participants[1].email = f.participants[0].email.toUpperCase(); }), ["participants[1].email: same email as participants[0]"]],
    ["manager.json", variant((f) => { f.participants[1].manager_id = "7c9e6679-7425-40de-944b-e07fc1f90ae7"; }), ["participants[1].manager_id: no participant has the id 7c9e6679-7425-40de-944b-e07fc1f90ae7"]],
    ["future.json", variant((f) => { f.version = 99; }), ["newer version of Inversa"]],
    ["huge.json", Buffer.alloc(11 * 1024 * 1024, 0x20), ["the limit is"]],
    ["photo.json", png, ["PNG image"]],
  ];
  try {
    await visit(p.page, base, "#/data");
    const before = await stored(p.page);
    assert.ok(before, "the demo was saved");
    for (const [name, buffer, expected] of cases) {
      await p.page.getByLabel("Import JSON").setInputFiles({ name, mimeType: "application/json", buffer });
      const alert = p.page.getByRole("alert").filter({ hasText: name });
      await alert.waitFor();
      const said = await alert.innerText();
      assert.match(said, /Nothing was changed/);
      for (const part of expected) assert.ok(said.includes(part), `${name}: expected “${part}” in:\n${said}`);
      assert.equal(await p.page.getByText(/Ready to import/).count(), 0);
      assert.equal(await stored(p.page), before, `${name} must not change stored data`);
    }
    await p.page.getByRole("link", { name: "Overview" }).click();
    assert.match(await text(p.page), /24\s+Participants/);
    p.assertClean();
  } finally {
    await p.close();
  }
});

test("7. languages: follows the browser, switchable, and the choice sticks", async () => {
  const base = await startServer();
  const p = await openProfile({ locale: "en-US" });
  const it = await openProfile({ locale: "it-IT" });
  try {
    for (const l of ["es", "it"]) {
      assert.notEqual(locales[l].nav.overview, locales.en.nav.overview, `${l}.json is translated`);
    }
    await visit(p.page, base);
    await p.page.getByRole("link", { name: locales.en.nav.participants }).waitFor();
    await p.page.getByLabel("Language").selectOption({ label: "Español" });
    const es = locales.es;
    await p.page.getByRole("link", { name: es.nav.participants }).waitFor();
    assert.equal(await p.page.locator("html").getAttribute("lang"), "es");
    for (const key of ["overview", "participants", "program", "data"]) {
      await p.page.getByRole("link", { name: es.nav[key], exact: true }).waitFor();
    }
    assert.match(await text(p.page, "body"), new RegExp(es.banner.demo_title));
    assert.doesNotMatch(await text(p.page, "body"), new RegExp(locales.en.banner.demo_title));
    await p.page.reload();
    await p.page.getByRole("link", { name: es.nav.participants }).waitFor();
    assert.equal(await p.page.getByLabel(es.shell.language).inputValue(), "es");

    await visit(it.page, base);
    await it.page.getByRole("link", { name: locales.it.nav.participants }).waitFor();
    assert.match(await text(it.page, "body"), new RegExp(locales.it.banner.demo_title));
    p.assertClean();
    it.assertClean();
  } finally {
    await p.close();
    await it.close();
  }
});
