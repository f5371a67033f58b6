// Safe on a shared phone: nothing typed comes back after Exit (by click, or by Shift
// three times) and Back (JavaScript on and off, desktop and phone), no address in the
// history holds a reference, the language switch and the Send limit keep every answer,
// check your answers does not scroll sideways at 320 px, and a field reached from an
// error or a Change link is not hidden under the sticky Exit bar.
import { test, expect, type Page, type BrowserContext, type Browser } from "@playwright/test";
import { LIMITED_PORT, LOOPBACK_EXIT_PORT, LOOPBACK_EXIT_URL } from "../playwright.config";

const SECRET = {
  name: "Secret Name Zq",
  phone: "01632 960 003",
  safe: "after 6pm Zq",
  message: "My partner hurt me Zq",
};

const REFERENCE = /RJ-[0-9A-Z]{4}-[0-9A-Z]{4}/;

/** Every address a page of the context has been at, in order. */
function watchAddresses(context: BrowserContext): string[] {
  const seen: string[] = [];
  context.on("page", (page) => watchPage(page, seen));
  for (const page of context.pages()) watchPage(page, seen);
  return seen;
}

function watchPage(page: Page, seen: string[]) {
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) seen.push(frame.url());
  });
  page.on("request", (req) => {
    if (req.isNavigationRequest()) seen.push(req.url());
  });
}

/** From the form's first question to check your answers, with the secret answers. */
async function fillToCheck(page: Page, base = "") {
  await page.goto(`${base}/refer?area=kent`);
  await page.locator('input[name="contact_method"][value="phone"]').check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.locator('input[name="relationship"][value="harmed"]').check();
  await page.locator("#full_name").fill(SECRET.name);
  await page.locator("#phone").fill(SECRET.phone);
  for (const [name, value] of [
    ["voicemail_ok", "no"], ["say_rj_ok", "no"], ["reported", "yes"], ["responsible_under_18", "no"],
  ]) {
    await page.locator(`input[name="${name}"][value="${value}"]`).check();
  }
  await page.locator("#safe_times").fill(SECRET.safe);
  await page.locator("#message").fill(SECRET.message);
  await page.locator("#consent").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("h1")).toHaveText("Check your answers before sending");
  await expect(page.locator(".rj-check")).toContainText(SECRET.name);
}

/** Nothing typed is on the page, in its markup or in any field, and no box is ticked. */
async function expectNothingTyped(page: Page) {
  const html = await page.content();
  const values = await page.evaluate(() =>
    [...document.querySelectorAll("input, textarea")].map((el) => {
      const field = el as HTMLInputElement;
      return field.type === "checkbox" ? (field.checked ? "ticked" : "") : field.value;
    }),
  );
  for (const secret of Object.values(SECRET)) {
    expect(html, `on ${page.url()}`).not.toContain(secret);
    expect(values.join("|"), `restored on ${page.url()}`).not.toContain(secret);
  }
  expect(values, `a ticked box on ${page.url()}`).not.toContain("ticked");
}

/** Back, one page at a time, checking each page it shows, until it leaves the site. */
async function backThroughHistory(page: Page, times: number) {
  for (let i = 0; i < times; i++) {
    const before = page.url();
    await page.goBack({ waitUntil: "load" }).catch(() => null);
    if (page.url() === before) break;
    if (page.url().startsWith(LOOPBACK_EXIT_URL)) continue;
    await expectNothingTyped(page);
  }
}

async function exitBy(page: Page, how: "click" | "shift") {
  if (how === "click") {
    await page.locator("a[data-rj-exit]").click();
  } else {
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
  }
  await page.waitForURL(LOOPBACK_EXIT_URL);
  // The exit page itself loaded (its health check's "ok"), not an error page.
  await expect(page.locator("body")).toHaveText("ok");
}

const DEVICES = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
} as const;

/** A page of the site whose Exit leads to a real page on loopback (see the config). */
async function newContext(browser: Browser, device: keyof typeof DEVICES, javaScriptEnabled: boolean) {
  const context = await browser.newContext({
    ...DEVICES[device],
    javaScriptEnabled,
    baseURL: `http://127.0.0.1:${LOOPBACK_EXIT_PORT}`,
  });
  const page = await context.newPage();
  return { context, page };
}

for (const device of ["desktop", "phone"] as const) {
  for (const javaScriptEnabled of [true, false]) {
    // Shift three times needs JavaScript; without it only the link leaves.
    const ways: ("click" | "shift")[] = javaScriptEnabled ? ["click", "shift"] : ["click"];
    for (const how of ways) {
      const label = `${device}, JavaScript ${javaScriptEnabled ? "on" : "off"}, Exit by ${how}`;

      test(`${label}: from check your answers, Back brings nothing back`, async ({ browser }) => {
        const { context, page } = await newContext(browser, device, javaScriptEnabled);
        const addresses = watchAddresses(context);
        await page.goto("/");
        await fillToCheck(page);
        await exitBy(page, how);
        await backThroughHistory(page, 5);
        expect(addresses.filter((a) => REFERENCE.test(a))).toEqual([]);
        await context.close();
      });

      test(`${label}: from the confirmation, Back brings nothing back`, async ({ browser }) => {
        const { context, page } = await newContext(browser, device, javaScriptEnabled);
        const addresses = watchAddresses(context);
        await page.goto("/");
        await fillToCheck(page);
        await page.waitForTimeout(1100);
        await page.getByRole("button", { name: "Send my request" }).click();
        const reference = (await page.locator(".rj-panel__reference").textContent())!.trim();
        expect(reference).toMatch(REFERENCE);
        await exitBy(page, how);
        await backThroughHistory(page, 6);
        // Nothing in the history names the request.
        expect(addresses.filter((a) => a.includes(reference) || REFERENCE.test(a))).toEqual([]);
        await context.close();
      });
    }
  }
}

for (const javaScriptEnabled of [true, false]) {
  test(`JavaScript ${javaScriptEnabled ? "on" : "off"}: check your answers does not scroll sideways at 320 px, in English and Welsh`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled });
    const page = await context.newPage();
    const expectNoSidewaysScroll = async () => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `scrollWidth on ${page.url()}`).toBeLessThanOrEqual(320);
    };
    await fillToCheck(page);
    await expectNoSidewaysScroll();
    // The language switch in the header: the same answers, checked in Welsh.
    await page.locator(".rj-header__lang").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "cy");
    expect(new URL(page.url()).pathname).toMatch(/^\/cy\/cyfeirio\/gwirio\/[^/]+$/);
    await expect(page.locator("h1")).toHaveText("Gwiriwch eich atebion cyn anfon");
    await expect(page.locator(".rj-check")).toContainText(SECRET.message);
    await expectNoSidewaysScroll();
    await context.close();
  });
}

test("the confirmation's address opened again later shows nothing", async ({ page }) => {
  await fillToCheck(page);
  const checkAddress = page.url();
  await page.waitForTimeout(1100);
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.locator(".rj-panel__reference")).toBeVisible();
  // Sent: the check page's answers are deleted at once.
  await page.goto(checkAddress);
  await expectNothingTyped(page);
  await expect(page.locator("h1")).toHaveText("Sorry, there is a problem");
});

test("Back from the confirmation after a Change is never a form resubmission", async ({ page }) => {
  await fillToCheck(page);
  await page.getByRole("button", { name: /^Change\s+Your name$/ }).click();
  await page.locator("#full_name").fill(`${SECRET.name} changed`);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForTimeout(1100);
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.locator(".rj-panel__reference")).toBeVisible();
  // Every page in the history was reached by GET: Back asks nothing of the person.
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    return d.dismiss();
  });
  for (let i = 0; i < 4; i++) {
    const response = await page.goBack({ waitUntil: "load" });
    if (response) expect(response.request().method()).toBe("GET");
  }
  expect(dialogs).toBe(0);
});

for (const javaScriptEnabled of [true, false]) {
  test(`JavaScript ${javaScriptEnabled ? "on" : "off"}: the language switch keeps every answer`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/refer?area=kent");
    await page.locator('input[name="contact_method"][value="phone"]').check();
    // On the first step, the switch carries the choice.
    await page.locator(".rj-header__lang").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "cy");
    await expect(page.locator('input[name="contact_method"][value="phone"]')).toBeChecked();
    await page.getByRole("button", { name: "Parhau" }).click();
    await page.locator("#full_name").fill(SECRET.name);
    await page.locator("#phone").fill(SECRET.phone);
    await page.locator("#message").fill(SECRET.message);
    await page.locator('input[name="reported"][value="not_sure"]').check();
    await page.locator(".rj-header__lang").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.locator("#area")).toHaveValue("kent");
    await expect(page.locator("#full_name")).toHaveValue(SECRET.name);
    await expect(page.locator("#phone")).toHaveValue(SECRET.phone);
    await expect(page.locator("#message")).toHaveValue(SECRET.message);
    await expect(page.locator('input[name="reported"][value="not_sure"]')).toBeChecked();
    // No error is shown for what is not answered yet: switching is not continuing.
    await expect(page.locator(".rj-error-summary")).toHaveCount(0);
    // Enter in a field continues; it never presses the language switch.
    await page.locator("#full_name").press("Enter");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.locator(".rj-error-summary")).toBeVisible();
    await context.close();
  });
}

test("the finder's result keeps the search in the other language", async ({ page }) => {
  await page.goto("/find?q=ME14+1XQ");
  await expect(page.locator("main")).toContainText("Kent");
  await page.locator(".rj-header__lang").click();
  expect(new URL(page.url()).pathname).toBe("/cy/dod-o-hyd");
  await expect(page.locator("#q")).toHaveValue("ME14 1XQ");
  await expect(page.locator("main")).toContainText("Caint");
});

for (const javaScriptEnabled of [true, false]) {
  test(`JavaScript ${javaScriptEnabled ? "on" : "off"}: the Send limit keeps every answer and says how long to wait`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const base = `http://127.0.0.1:${LIMITED_PORT}`;
    // The limited server allows one new request an hour per client: the first is sent.
    for (let i = 0; i < 2; i++) {
      await fillToCheck(page, base);
      await page.waitForTimeout(1100);
      await page.getByRole("button", { name: "Send my request" }).click();
      if (await page.locator(".rj-panel__reference").count()) continue;
      break;
    }
    const limit = page.locator("#limit");
    await expect(limit).toContainText("Your request has not been sent yet");
    await expect(limit).toContainText(/Wait \d+ minutes?/);
    await expect(page.getByRole("link", { name: "If you need help now, go to the Help now page" })).toBeVisible();
    await expect(page.locator("a[href='tel:08081689111']").first()).toBeVisible();
    // Every answer is still there, ready to send again.
    await expect(page.locator(".rj-check")).toContainText(SECRET.name);
    await expect(page.locator(".rj-check")).toContainText(SECRET.message);
    await expect(page.getByRole("button", { name: "Send my request" })).toBeVisible();
    await context.close();
  });
}

/** The sticky Exit bar's bottom edge, or 0 when it does not stay on screen. */
async function coveredTop(page: Page): Promise<number> {
  return page.evaluate(() => {
    const bar = document.querySelector(".rj-exit") as HTMLElement | null;
    if (!bar) return 0;
    const style = getComputedStyle(bar);
    if (style.position !== "sticky" && style.position !== "fixed") return 0;
    return bar.getBoundingClientRect().bottom;
  });
}

/** The element the address's #fragment names is on screen, below the Exit bar. */
async function expectTargetVisible(page: Page) {
  const top = await page.evaluate(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    const el = document.getElementById(id);
    return el ? el.getBoundingClientRect().top : null;
  });
  expect(top, `no element for ${page.url()}`).not.toBeNull();
  expect(top!, "the field is below the Exit bar").toBeGreaterThanOrEqual((await coveredTop(page)) - 1);
  expect(top!).toBeLessThan(page.viewportSize()!.height);
}

for (const device of ["desktop", "phone"] as const) {
  test(`${device}: the field reached from an error or a Change link is not under the Exit bar`, async ({ browser }) => {
    const context = await browser.newContext({ ...DEVICES[device] });
    const page = await context.newPage();
    await fillToCheck(page);
    // Change the safe times: the page opens at that field, in view.
    await page.getByRole("button", { name: /^Change\s+Safe times/ }).click();
    await page.waitForURL(/#safe_times$/);
    await expectTargetVisible(page);
    // An error: the summary has focus; its link goes to the field, in view.
    await page.locator("#full_name").fill("");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.locator(".rj-error-summary")).toBeFocused();
    await page.locator(".rj-error-summary a").first().click();
    await page.waitForURL(/#full_name$/);
    await expectTargetVisible(page);
    await context.close();
  });
}
