// Two tabs of the same browser editing the same program: the second never
// silently overwrites the first. When one tab saves, the other says so and
// stops saving until the coordinator loads that version or keeps its own.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import {
  startServer, stopAll, openContext, visit, stored, locales, eventually, waitForApp, renameProgram, savedName,
} from "./harness.mjs";

after(stopAll);

const en = locales.en;

test("tabs: an edit in one tab is never silently overwritten by another", async () => {
  const base = await startServer();
  const session = await openContext();
  const { context, page: first } = session;
  try {
    await visit(first, base, "#/overview");
    const second = await context.newPage();
    await second.goto(`${base}#/overview`);
    await waitForApp(second);
    // Opening a second tab changes nothing: neither tab is alarmed.
    await first.waitForTimeout(300);
    assert.equal(await first.getByText(en.banner.changed_elsewhere).count(), 0);
    assert.equal(await second.getByText(en.banner.changed_elsewhere).count(), 0);

    await renameProgram(first, "Edited in the first tab");
    await eventually(async () => assert.equal(await savedName(first), "Edited in the first tab"));
    const banner = second.getByRole("alert").filter({ hasText: en.banner.changed_elsewhere });
    await banner.waitFor();

    // The second tab edits anyway: its change stays on screen, not in storage.
    await renameProgram(second, "Edited in the second tab");
    await second.waitForTimeout(300);
    assert.equal(await savedName(second), "Edited in the first tab", "nothing overwritten");

    // Keeping the second tab's version is a choice, and then it is saved;
    // now the first tab is told.
    await banner.getByRole("button", { name: en.banner.keep_this_tab }).click();
    await eventually(async () => assert.equal(await savedName(second), "Edited in the second tab"));
    const firstBanner = first.getByRole("alert").filter({ hasText: en.banner.changed_elsewhere });
    await firstBanner.waitFor();

    // Loading the other version in the first tab shows it and alarms nobody.
    await Promise.all([
      first.waitForEvent("load"),
      firstBanner.getByRole("button", { name: en.banner.load_other_tab }).click(),
    ]);
    await waitForApp(first);
    assert.equal(await first.getByText(en.banner.changed_elsewhere).count(), 0);
    await eventually(async () =>
      assert.equal(await first.getByLabel("Program name").inputValue(), "Edited in the second tab"));
    await second.waitForTimeout(300);
    assert.equal(await second.getByText(en.banner.changed_elsewhere).count(), 0);

    // And saving works again from there.
    await renameProgram(first, "Back in the first tab");
    await eventually(async () => assert.equal(await savedName(first), "Back in the first tab"));
    session.assertClean();
  } finally {
    await session.close();
  }
});
