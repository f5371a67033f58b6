// After Send: the person checks their request on the status page, and the service
// confirms it has the request through the link in its email. Both languages, JavaScript
// on (with axe) and off; the email comes through the real SMTP server.
import { test, expect, type Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { expectNoAxeViolations } from "./helpers";
import { WORK } from "../playwright.config";

const WORDS = {
  en: {
    refer: "/refer", status: "/refer/status", ack: "/refer/confirm/", send: "Send my request",
    continue: "Continue", check: "Check your request", sent: "Sent:", notYet: "Received: not confirmed yet",
    received: "Received:", thanks: "Thank you", errorTitle: /^Error: /,
  },
  cy: {
    refer: "/cy/cyfeirio", status: "/cy/cyfeirio/statws", ack: "/cy/cyfeirio/cadarnhau/", send: "Anfon fy nghais",
    continue: "Parhau", check: "Gwirio eich cais", sent: "Wedi'i anfon:", notYet: "Wedi'i gael: heb ei gadarnhau eto",
    received: "Wedi'i gael:", thanks: "Diolch", errorTitle: /^Gwall: /,
  },
} as const;

/** Sends a request for Kent from the form in `lang`; returns its reference. */
async function sendRequest(page: Page, lang: "en" | "cy"): Promise<string> {
  const w = WORDS[lang];
  await page.goto(`${w.refer}?area=kent`);
  await page.locator('input[name="contact_method"][value="phone"]').check();
  await page.getByRole("button", { name: w.continue }).click();
  for (const [name, value] of [
    ["relationship", "harmed"], ["voicemail_ok", "no"],
    ["say_rj_ok", "no"], ["reported", "yes"], ["responsible_under_18", "no"],
  ]) {
    await page.locator(`input[name="${name}"][value="${value}"]`).check();
  }
  await page.locator("#full_name").fill("Tracking Person");
  await page.locator("#phone").fill("01632 960 002");
  await page.locator("#consent").check();
  await page.getByRole("button", { name: w.continue }).click();
  await page.waitForTimeout(1100);
  await page.getByRole("button", { name: w.send }).click();
  const reference = (await page.locator(".rj-panel__reference").textContent())!.trim();
  expect(reference).toMatch(/^RJ-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return reference;
}

/** The acknowledgement link in `lang` from the service's email for `reference`. */
async function ackLink(reference: string, lang: "en" | "cy"): Promise<string> {
  const folder = path.join(WORK, "smtp");
  for (let i = 0; i < 100; i++) {
    for (const file of fs.readdirSync(folder).filter((f) => f.endsWith(".eml"))) {
      // Quoted-printable: join soft line breaks before reading the link.
      const raw = fs.readFileSync(path.join(folder, file), "utf8").replace(/=\r?\n/g, "");
      if (!raw.includes(`Message-ID: <${reference}@`)) continue;
      const prefix = WORDS[lang].ack.replace(/\//g, "\\/");
      const link = raw.match(new RegExp(`https?://[^\\s"<>]*${prefix}${reference}/[A-Za-z0-9_-]+`));
      if (link) return new URL(link[0]).pathname;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no acknowledgement link for ${reference}`);
}

for (const lang of ["en", "cy"] as const) {
  for (const javaScriptEnabled of [true, false]) {
    test(`${lang}, JavaScript ${javaScriptEnabled ? "on" : "off"}: the status page and the service's confirmation`, async ({ browser }) => {
      const w = WORDS[lang];
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const axe = async () => javaScriptEnabled && (await expectNoAxeViolations(page));

      const reference = await sendRequest(page, lang);
      // The confirmation page links to the status page.
      await page.getByRole("link", { name: w.check }).click();
      expect(new URL(page.url()).pathname).toBe(w.status);
      await axe();

      // A reference with a wrong check symbol: an error, the typed text kept.
      const field = page.locator('input[name="reference"]');
      const wrong = reference.slice(0, -1) + (reference.endsWith("0") ? "1" : "0");
      await field.fill(wrong);
      await field.press("Enter");
      await expect(page).toHaveTitle(w.errorTitle);
      await expect(page.locator(".rj-error-summary")).toBeVisible();
      await expect(field).toHaveValue(wrong);
      await axe();

      // The real reference: sent, not confirmed yet; the reference is never in the URL.
      await field.fill(reference);
      await field.press("Enter");
      const answer = page.locator(".rj-status");
      await expect(answer).toContainText(w.sent);
      await expect(answer).toContainText(w.notYet);
      expect(page.url()).not.toContain(reference);
      await axe();

      // The service opens the link: the page shows the button and changes nothing.
      const link = await ackLink(reference, lang);
      await page.goto(link);
      await expect(page.locator(".rj-panel")).toHaveCount(0);
      await axe();
      await page.goto(w.status);
      await field.fill(reference);
      await field.press("Enter");
      await expect(answer).toContainText(w.notYet);

      // The button records it; the status page then shows it received.
      await page.goto(link);
      await page.locator("form button[type=submit]").click();
      await expect(page.locator("h1")).toHaveText(w.thanks);
      await axe();
      await page.goto(w.status);
      await field.fill(reference);
      await field.press("Enter");
      await expect(answer).toContainText(w.received);
      await expect(answer).not.toContainText(w.notYet);
      // Nothing the person typed is on any of these pages.
      await expect(page.locator("body")).not.toContainText("Tracking Person");
      await context.close();
    });
  }
}
