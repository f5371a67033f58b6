// Asking to be contacted, in both languages, with JavaScript on and off: every
// validation error, check your answers, change an answer, send, the confirmation, and
// the email arriving at the area's address through a real SMTP server.
import { test, expect, type Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { expectNoAxeViolations } from "./helpers";
import { WORK } from "../playwright.config";

const WORDS = {
  en: {
    find: "/find", ask: "Ask to be contacted", continue: "Continue", send: "Send my request", change: "Change",
    summary: "There is a problem", errorTitle: /^Error: /, checkTitle: "Check your answers before sending",
    sent: "Your request has been sent",
    name: "Your name", phone: "Phone number", harmed: "I was harmed by a crime", byPhone: "By phone",
    no: "No", yes: "Yes", notSure: "Not sure", english: "English", consent: /I agree that my details are sent/,
    safeTimes: "Safe times to contact you (optional)",
  },
  cy: {
    find: "/cy/dod-o-hyd", ask: "Gofyn i wasanaeth gysylltu â chi", continue: "Parhau", send: "Anfon fy nghais", change: "Newid",
    summary: "Mae problem", errorTitle: /^Gwall: /, checkTitle: "Gwiriwch eich atebion cyn anfon",
    sent: "Mae eich cais wedi'i anfon",
    name: "Eich enw", phone: "Rhif ffôn", harmed: "Ces i fy niweidio gan drosedd", byPhone: "Dros y ffôn",
    no: "Nac ydy", yes: "Ydy", notSure: "Ddim yn siŵr", english: "Saesneg", consent: /Rwy'n cytuno y gall/,
    safeTimes: "Adegau diogel i gysylltu â chi (dewisol)",
  },
} as const;

/** Picks the radio with this label inside the fieldset with this legend. */
async function choose(page: Page, name: string, value: string) {
  await page.locator(`input[name="${name}"][value="${value}"]`).check();
}

/** Waits for the message sent for `reference` to reach the SMTP server. */
async function delivered(reference: string): Promise<{ to: string; raw: string }> {
  const folder = path.join(WORK, "smtp");
  for (let i = 0; i < 100; i++) {
    for (const file of fs.readdirSync(folder).filter((f) => f.endsWith(".eml"))) {
      const raw = fs.readFileSync(path.join(folder, file), "utf8");
      if (raw.includes(`Message-ID: <${reference}@`)) {
        return { to: fs.readFileSync(path.join(folder, file.replace(".eml", ".rcpt")), "utf8"), raw };
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no email for ${reference}`);
}

for (const lang of ["en", "cy"] as const) {
  for (const javaScriptEnabled of [true, false]) {
    test(`${lang}, JavaScript ${javaScriptEnabled ? "on" : "off"}: ask to be contacted`, async ({ browser }) => {
      const w = WORDS[lang];
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${w.find}?q=CF10+1AA`);
      await page.getByRole("button", { name: w.ask }).click();

      // First step: how to be contacted. Nothing chosen: that one error.
      await page.getByRole("button", { name: w.continue }).click();
      await expect(page).toHaveTitle(w.errorTitle);
      const summary = page.locator(".rj-error-summary");
      await expect(summary.locator("li")).toHaveCount(1);
      await choose(page, "contact_method", "phone");
      await page.getByRole("button", { name: w.continue }).click();

      // Then only the questions that follow from phone: no email address.
      await expect(page.locator("#area")).toHaveValue("south-wales");
      await expect(page.locator("#email")).toHaveCount(0);
      await expect(page.locator('input[name="contact_method"]')).toHaveAttribute("type", "hidden");

      // Every required answer missing: the summary lists them and links to each field.
      await page.getByRole("button", { name: w.continue }).click();
      await expect(page).toHaveTitle(w.errorTitle);
      await expect(summary).toContainText(w.summary);
      await expect(summary.locator("li")).toHaveCount(8);
      await expect(page.locator("#area")).toHaveValue("south-wales");
      // No address holds an answer.
      expect(page.url()).not.toMatch(/south-wales|phone/);

      // Answer, but with a bad phone number: that one error, everything else kept.
      await choose(page, "relationship", "harmed");
      await page.getByLabel(w.name, { exact: true }).fill("Test Person");
      await page.getByLabel(w.phone).fill("12345");
      await choose(page, "voicemail_ok", "no");
      await choose(page, "say_rj_ok", "no");
      await page.getByLabel(w.safeTimes).fill("after 6pm");
      await choose(page, "reported", "yes");
      await choose(page, "responsible_under_18", "not_sure");
      await page.getByLabel(w.consent).check();
      await page.getByRole("button", { name: w.continue }).click();
      await expect(summary.locator("li")).toHaveCount(1);
      await expect(page.getByLabel(w.name, { exact: true })).toHaveValue("Test Person");
      await expect(page.getByLabel(w.safeTimes)).toHaveValue("after 6pm");
      await page.getByLabel(w.phone).fill("01632 960 001");
      await page.getByRole("button", { name: w.continue }).click();

      // Check your answers, change the name, come back.
      await expect(page.locator("h1")).toHaveText(w.checkTitle);
      await expect(page.locator(".rj-check")).toContainText("Test Person");
      await page.getByRole("button", { name: new RegExp(`^${w.change}\\s+${w.name}$`) }).click();
      await expect(page.getByLabel(w.name, { exact: true })).toHaveValue("Test Person");
      await expect(page.getByLabel(w.phone)).toHaveValue("01632 960 001");
      await page.getByLabel(w.name, { exact: true }).fill(`Changed ${lang} ${javaScriptEnabled}`);
      await page.getByRole("button", { name: w.continue }).click();
      await expect(page.locator(".rj-check")).toContainText(`Changed ${lang} ${javaScriptEnabled}`);

      // Send (after the minimum time), then the confirmation with its reference.
      await page.waitForTimeout(1100);
      await page.getByRole("button", { name: w.send }).click();
      await expect(page.locator("h1")).toHaveText(w.sent);
      const reference = (await page.locator(".rj-panel__reference").textContent())!.trim();
      expect(reference).toMatch(/^RJ-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(page.url()).not.toContain("Test");
      expect(page.url()).not.toContain(reference);

      const email = await delivered(reference);
      // No service has agreed (the shipped configuration): the operator's triage inbox.
      expect(email.to).toBe("triage@example.org");
      expect(email.raw).toContain("referral.json");
      await context.close();
    });
  }
}

test("the form's pages pass axe: questions, errors, check answers, confirmation", async ({ page }) => {
  await page.goto("/refer?area=kent");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await expectNoAxeViolations(page);
  await choose(page, "contact_method", "email");
  await page.getByRole("button", { name: "Continue" }).click();
  // Email contact: no questions about voicemail or the phone.
  await expect(page.locator('input[name="voicemail_ok"]')).toHaveCount(0);
  await expect(page.locator('input[name="say_rj_ok"]')).toHaveCount(0);
  await expect(page.locator("#phone")).toHaveCount(0);
  await page.getByRole("button", { name: "Continue" }).click();
  await expectNoAxeViolations(page);
  await choose(page, "relationship", "parent");
  await page.getByLabel("Your name", { exact: true }).fill("A");
  await page.getByLabel("Email address").fill("a@example.org");
  for (const [n, v] of [["reported", "no"], ["responsible_under_18", "no"]]) {
    await choose(page, n, v);
  }
  await page.locator("#consent").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".rj-check")).toContainText("I am a parent or carer of a child who was harmed");
  await expect(page.locator(".rj-check")).not.toContainText("voicemail");
  await expectNoAxeViolations(page);
  await page.waitForTimeout(1100);
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.locator(".rj-panel")).toBeVisible();
  await expectNoAxeViolations(page);
  // The feedback question on the confirmation page, and its thank-you in place.
  await page.getByLabel("Difficult", { exact: true }).check();
  await page.getByLabel("The questions").check();
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.locator(".rj-feedback--thanks")).toContainText("Thank you for your feedback.");
  await expect(page.locator(".rj-panel")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the message's limit is said before it is reached, and a text area with an error has the same red border as an input with one", async ({ page }) => {
  await page.goto("/refer");
  await choose(page, "contact_method", "phone");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("#message-hint")).toContainText("You can enter up to 1,500 characters");
  await page.locator("#message").fill("x".repeat(1501));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".rj-error-summary")).toBeVisible();
  const border = (selector: string) =>
    page.locator(selector).evaluate((el) => getComputedStyle(el).borderTopColor);
  await expect(page.locator("#message")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#full_name")).toHaveAttribute("aria-invalid", "true");
  expect(await border("#message")).toBe(await border("#full_name"));
  expect(await border("#message")).not.toBe(await border("#safe_times"));
});
