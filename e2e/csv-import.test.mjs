// Participants from a spreadsheet (issue 7): a Spanish Excel export of 500
// people (semicolons, BOM, CRLF, a cell with a line break) goes through the
// Data page's CSV import: the mapping is suggested, the three bad rows are
// listed with their row numbers, nothing is stored before "Add 497
// participants", and then exactly the 497 good rows are.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  startServer, stopAll, openContext, visit, stored, startOwnProgram, checkA11y, locales, eventually,
} from "./harness.mjs";

after(stopAll);

const t = locales.en.csv_import;
const fill = (template, values) => template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => String(values[key]));

const scratch = mkdtempSync(join(tmpdir(), "inversa-csv-"));

// ------------------------------------------------------------- the sheet ---

const HEADERS = [
  "Código de empleado", "Nombre", "Apellidos", "Correo electrónico", "Rol",
  "Departamento", "Puesto", "Idiomas", "Notas",
];
/** What each column should be suggested as ("" = ignored: an employee code is never a field). */
const SUGGESTED = ["", "name", "surname", "email", "role", "department", "job_title", "languages", "notes"];

const ROWS = 500;
/** Row numbers as the spreadsheet shows them (the header is row 1). */
const BAD = { email: 42, role: 250, name: 477 };

function person(i) {
  const line = i + 2;
  const email = `persona${String(i + 1).padStart(3, "0")}@empresa.example`;
  return {
    line,
    code: `E-${1000 + i}`,
    name: line === BAD.name ? "" : i === 0 ? "José" : `Persona${i + 1}`,
    surname: line === BAD.name ? "" : i === 0 ? "Núñez Peña" : "Prueba",
    email: line === BAD.email ? "persona.sin-dominio@" : email,
    role: line === BAD.role ? "Becaria" : i % 2 === 0 ? "Mentor inverso" : "Mentorado",
    department: ["Marketing", "Ventas", "Finanzas", "Operaciones"][i % 4],
    title: i % 2 === 0 ? "Analista" : "Directora",
    languages: "Español, Inglés",
    notes: i === 0 ? "Prefiere los martes; por la tarde\r\nsin reuniones antes de las 10" : "",
  };
}

const people = Array.from({ length: ROWS }, (_, i) => person(i));

/** A cell as Excel writes it: quoted when it holds the separator, a quote or a line break. */
const cell = (value) => (/[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

function spreadsheet() {
  const lines = [HEADERS, ...people.map((p) =>
    [p.code, p.name, p.surname, p.email, p.role, p.department, p.title, p.languages, p.notes])];
  const text = lines.map((cells) => cells.map(cell).join(";")).join("\r\n") + "\r\n";
  const path = join(scratch, "participantes.csv");
  writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]));
  return path;
}

/** The three problems, worded as the page words them. */
const EXPECTED_PROBLEMS = [
  fill(t.at_cell, { line: BAD.email, column: "Correo electrónico", message: locales.en.problems.not_an_email }),
  fill(t.at_cell, { line: BAD.role, column: "Rol", message: fill(t.errors.unknown_role, { value: "Becaria" }) }),
  fill(t.at_cell, { line: BAD.name, column: "Nombre", message: locales.en.problems.required }),
];

const GOOD = people.filter((p) => !Object.values(BAD).includes(p.line));

// ---------------------------------------------------------------- helpers --

const fieldSelect = (page, header) => page.getByLabel(fill(t.select_label, { column: header }), { exact: true });

async function openCsvImport(page, base) {
  await visit(page, base, "#/data");
  await startOwnProgram(page);
  await page.getByRole("link", { name: "Data", exact: true }).click();
  await page.getByRole("heading", { level: 2, name: t.heading }).waitFor();
}

async function pickAndRead(page, path) {
  await page.getByLabel(t.file_label, { exact: true }).setInputFiles(path);
  await page.getByRole("button", { name: "Import CSV", exact: true }).click();
}

const storedParticipants = async (page) => JSON.parse(await stored(page)).document.participants;

// ------------------------------------------------------------------ tests ---

test("a 500-row Spanish Excel sheet: mapping suggested, 3 bad rows listed, 497 added on confirming", async () => {
  const base = await startServer();
  const s = await openContext();
  const { page } = s;
  try {
    await openCsvImport(page, base);
    await pickAndRead(page, spreadsheet());

    const step = page.getByRole("region", { name: t.mapping_heading });
    await step.waitFor();
    // Keyboard users land on the new step.
    await eventually(async () =>
      assert.equal(await page.evaluate(() => document.activeElement?.id), "csv-mapping-heading"));
    await step.getByText(fill(t.mapping_intro, { name: "participantes.csv", rows: 500 }), { exact: true }).waitFor();
    for (const [k, header] of HEADERS.entries()) {
      assert.equal(await fieldSelect(page, header).inputValue(), SUGGESTED[k], `suggested field of “${header}”`);
    }
    // Two sample values under each header, as written.
    const nameRow = step.getByRole("row", { name: /^Nombre/ });
    assert.match(await nameRow.innerText(), /José[\s\S]*Persona2/);

    // The three row problems, with their row numbers and columns, in an alert.
    const problems = page.getByRole("alert").filter({ hasText: fill(t.errors_heading, { count: 3 }) });
    await problems.waitFor();
    assert.deepEqual(await problems.getByRole("listitem").allInnerTexts(), EXPECTED_PROBLEMS);
    const summary = fill(t.summary, {
      added: fill(t.will_add, { count: 497 }),
      skipped: fill(t.will_skip, { count: 3 }),
    });
    assert.equal(summary, "497 participants will be added, 3 rows have problems and will be skipped.");
    await step.getByText(summary, { exact: true }).waitFor();

    // The preview shows the rows as they will be added: names joined, roles in words.
    const preview = page.getByRole("table", { name: fill(t.preview_caption, { shown: 5, total: 497 }) });
    const first = preview.locator("tbody tr").first();
    assert.deepEqual(
      (await first.locator("th, td").allInnerTexts()).map((c) => c.trim()),
      ["2", "José Núñez Peña", "persona001@empresa.example", "Reverse mentor", "Marketing", "Analista"],
    );

    // A field chosen twice stops the rows from being read until it is undone.
    await fieldSelect(page, "Puesto").selectOption("name");
    const twice = fill(t.twice, { field: t.fields.name, columns: "Nombre, Puesto" });
    await page.getByRole("alert").filter({ hasText: twice }).waitFor();
    assert.equal(await page.getByRole("button", { name: /^Add \d+ participants$/ }).count(), 0);
    await fieldSelect(page, "Puesto").selectOption("job_title");
    await eventually(async () => assert.equal(await page.getByText(twice).count(), 0));

    await checkA11y(page, "CSV mapping step at 1280 px");
    await page.setViewportSize({ width: 360, height: 780 });
    await checkA11y(page, "CSV mapping step at 360 px");
    // The page itself never scrolls sideways: wide tables scroll inside their wrapper.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), "no page-wide horizontal scroll");
    const wrapper = page.getByRole("region", { name: t.mapping_caption });
    assert.equal(await wrapper.getAttribute("tabindex"), "0");
    await page.setViewportSize({ width: 1280, height: 900 });

    // Nothing is stored before confirming.
    assert.equal((await storedParticipants(page)).length, 0);
    await page.getByRole("button", { name: "Add 497 participants", exact: true }).click();
    // The result line takes the focus (read once by a screen reader).
    const added = fill(t.added, { count: 497, name: "participantes.csv" });
    await page.getByText(added).waitFor();
    await eventually(async () =>
      assert.ok((await page.evaluate(() => document.activeElement?.textContent ?? "")).includes(added), "the result line has the focus"));
    await eventually(async () => assert.equal((await storedParticipants(page)).length, 497));

    const saved = await storedParticipants(page);
    assert.deepEqual(saved.map((p) => p.email), GOOD.map((p) => p.email), "the good rows, in file order");
    assert.equal(new Set(saved.map((p) => p.id)).size, 497, "every person gets an id of their own");
    const jose = saved[0];
    assert.equal(jose.name, "José Núñez Peña");
    assert.equal(jose.role, "reverse_mentor");
    assert.equal(saved[1].role, "mentee");
    assert.deepEqual(jose.languages, ["es", "en"]);
    assert.equal(jose.notes, "Prefiere los martes; por la tarde\r\nsin reuniones antes de las 10");
    assert.equal(jose.department, "Marketing");
    assert.equal(jose.job_title, "Analista");

    // The step is gone; the Participants page is one link away.
    assert.equal(await page.getByRole("region", { name: t.mapping_heading }).count(), 0);
    await page.getByRole("link", { name: t.open_participants }).click();
    await page.getByRole("heading", { level: 1, name: "Participants" }).waitFor();
    s.assertClean();
  } finally {
    await s.close();
  }
});

test("a sheet that cannot be read says how to save it; Cancel and a re-import store nothing twice", async () => {
  const base = await startServer();
  const s = await openContext();
  const { page } = s;
  try {
    await openCsvImport(page, base);

    await page.getByRole("button", { name: "Import CSV", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: t.no_file }).waitFor();

    // Excel's plain "CSV" on Windows: Windows-1252, not UTF-8.
    const latin1 = join(scratch, "latin1.csv");
    writeFileSync(latin1, Buffer.from("Nombre;Correo;Rol\r\nAna Mu\xf1oz;ana@empresa.example;Mentee\r\n", "latin1"));
    await pickAndRead(page, latin1);
    const refused = page.getByRole("alert").filter({ hasText: fill(t.cannot_read, { name: "latin1.csv" }) });
    await refused.waitFor();
    const said = await refused.innerText();
    assert.ok(said.includes(fill(t.not_utf8, { line: 2 })), said);
    assert.ok(said.includes(t.save_as_advice), "how to save it as CSV UTF-8 (comma delimited)");

    // Cancel discards the step; nothing was stored.
    const small = join(scratch, "dos.csv");
    writeFileSync(small, "Name,Email,Role\nAna Ruiz,ana@empresa.example,Mentor\nBea Sala,bea@empresa.example,Mentee\n");
    await pickAndRead(page, small);
    await page.getByRole("region", { name: t.mapping_heading }).waitFor();
    assert.equal(await page.getByRole("alert").count(), 0, "the refusal is gone with a new file");
    await page.getByRole("button", { name: "Cancel", exact: true }).click();
    assert.equal(await page.getByRole("region", { name: t.mapping_heading }).count(), 0);
    assert.equal((await storedParticipants(page)).length, 0);

    // Added once; importing the same file again finds both emails taken.
    await pickAndRead(page, small);
    await page.getByRole("button", { name: "Add 2 participants", exact: true }).click();
    await eventually(async () => assert.equal((await storedParticipants(page)).length, 2));
    await pickAndRead(page, small);
    const taken = page.locator(".warnings").filter({ hasText: fill(t.duplicates_heading, { count: 2 }) });
    await taken.waitFor();
    assert.deepEqual(await taken.getByRole("listitem").allInnerTexts(), [
      fill(t.at_row, { line: 2, message: fill(t.duplicate_participant, { email: "ana@empresa.example", name: "Ana Ruiz" }) }),
      fill(t.at_row, { line: 3, message: fill(t.duplicate_participant, { email: "bea@empresa.example", name: "Bea Sala" }) }),
    ]);
    await page.getByText(t.nothing_to_add, { exact: true }).waitFor();
    assert.equal(await page.getByRole("button", { name: /^Add / }).count(), 0);
    s.assertClean();
  } finally {
    await s.close();
  }
});
