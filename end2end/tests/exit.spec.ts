// "Exit this page": by mouse, by keyboard (Shift three times within five seconds), and
// without JavaScript. Leaving replaces the history entry, so Back does not return to
// the page.
import { test, expect } from "@playwright/test";
import { stubExitSite, EXIT_URL } from "./helpers";

test.beforeEach(async ({ page }) => {
  await stubExitSite(page);
});

test("clicking the button leaves and Back does not return", async ({ page }) => {
  await page.goto("/");
  await page.goto("/cy");
  const before = await page.evaluate(() => history.length);
  await page.locator("a[data-rj-exit]").click();
  await page.waitForURL(EXIT_URL);
  expect(await page.evaluate(() => history.length)).toBe(before);
  await page.goBack();
  // Back skips the page that was left and lands on the one before it.
  expect(new URL(page.url()).pathname).toBe("/");
});

test("pressing Shift three times leaves", async ({ page }) => {
  await page.goto("/");
  await page.goto("/cy");
  const before = await page.evaluate(() => history.length);
  await expect(page.locator(".rj-exit__hint")).toBeVisible();
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
  await page.waitForURL(EXIT_URL);
  expect(await page.evaluate(() => history.length)).toBe(before);
  await page.goBack();
  expect(new URL(page.url()).pathname).toBe("/");
});

test("Shift twice then another key does not leave", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  await page.keyboard.press("a");
  await page.keyboard.press("Shift");
  await page.waitForTimeout(300);
  expect(new URL(page.url()).pathname).toBe("/");
});

test("three quick presses leave though an earlier count's five seconds end among them", async ({ page }) => {
  await page.clock.install();
  await page.goto("/");
  await page.goto("/cy");
  // One press, then another key: that count is over, and its timer must be too.
  await page.keyboard.press("Shift");
  await page.keyboard.press("a");
  // Three presses within 1.5 s, from 4 s on: the first count's timer would end at 5 s.
  await page.clock.runFor(4000);
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  await page.clock.runFor(1500);
  await page.keyboard.press("Shift");
  await page.waitForURL(EXIT_URL);
});

test("three presses over more than five seconds do not leave", async ({ page }) => {
  await page.clock.install();
  await page.goto("/");
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  await page.clock.runFor(5100);
  await page.keyboard.press("Shift");
  await page.waitForTimeout(300);
  expect(new URL(page.url()).pathname).toBe("/");
});

test("the button is reachable by keyboard and leaves with Enter", async ({ page }) => {
  await page.goto("/cy");
  await page.keyboard.press("Tab"); // skip link
  await page.keyboard.press("Tab"); // quick exit
  await expect(page.locator("a[data-rj-exit]")).toBeFocused();
  await page.keyboard.press("Enter");
  await page.waitForURL(EXIT_URL);
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the button is a plain link that leaves", async ({ page }) => {
    await page.goto("/");
    await page.locator("a[data-rj-exit]").click();
    await page.waitForURL(EXIT_URL);
  });
});
