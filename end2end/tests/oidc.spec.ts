// Staff sign-in with an organisation's account (OpenID Connect), in Chromium, against
// the real provider (tests/oidc/provider.mjs on Node's oidc-provider) and the release
// build: an invited member signs in and sees the list; an uninvited one, a wrong issuer,
// a changed state, a changed nonce and an expired ID token are each refused with the one
// clear page and an audit row (read with `rj audit`); axe on the sign-in and refusal
// pages in English and Welsh. Each case has its own browser context, so the provider
// has no session to reuse.
import { test, expect, type Browser, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expectNoAxeViolations } from "./helpers";
import { OIDC_ENV, OIDC_URL } from "../playwright.config";

const ROOT = path.resolve(__dirname, "../..");
const RJ = path.join(ROOT, "target/release/rj");

const WORDS = {
  en: {
    signIn: "/staff/sign-in", staff: "/staff", button: "Sign in with Example account",
    wrong: "Sign in with Wrong issuer account", slow: "Sign in with Slow clock account",
    refusedTitle: "Signing in did not work",
    refused: "Your organisation's account could not be used to sign in",
    unavailable: "We cannot reach your organisation's sign-in service",
    listTitle: "Requests", signedInAs: "Signed in as",
  },
  cy: {
    signIn: "/staff/cy/mewngofnodi", staff: "/staff/cy", button: "Mewngofnodi: Example account",
    wrong: "Mewngofnodi: Wrong issuer account", slow: "Mewngofnodi: Slow clock account",
    refusedTitle: "Wnaeth mewngofnodi ddim gweithio",
    refused: "Doedd dim modd defnyddio cyfrif eich sefydliad",
    unavailable: "Does dim modd cyrraedd gwasanaeth mewngofnodi eich sefydliad",
    listTitle: "Ceisiadau", signedInAs: "Wedi mewngofnodi fel",
  },
} as const;
type Lang = keyof typeof WORDS;

function rj(...args: string[]): string {
  return execFileSync(RJ, args, {
    cwd: ROOT,
    env: { ...process.env, ...OIDC_ENV, RUST_LOG: "warn" },
    encoding: "utf8",
  });
}

/** `rj staff invite` against the single sign-on site's database. */
function invite(email: string) {
  rj("staff", "invite", "--email", email, "--role", "triage");
}

/** Today's audit rows on the single sign-on site, as `rj audit` prints them. */
function auditRows(): { actor: string | null; action: string; detail: string | null }[] {
  const today = new Date().toISOString().slice(0, 10);
  return JSON.parse(rj("audit", "--from", today, "--to", today, "--format", "json"));
}

function expectAudit(action: string, detail: string, actor: string | null = null) {
  const rows = auditRows();
  expect(
    rows.some((r) => r.action === action && r.detail === detail && r.actor === actor),
    `${action} ${detail} in ${JSON.stringify(rows)}`,
  ).toBe(true);
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: OIDC_URL });
  return context.newPage();
}

/** On the provider's development login page: log in as `login`, then consent. */
async function logInAtProvider(page: Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.locator('button[type="submit"]').click();
  await page.locator('input[name="prompt"][value="consent"]').waitFor({ state: "attached" });
  await page.locator('button[type="submit"]').click();
}

/**
 * Changes `param` in the authorization request the site sends the browser to: the
 * site's 303 is answered here with the changed address (Playwright routes the link's
 * request, never the redirect it makes).
 */
async function tamperAuthorization(page: Page, start: string, param: string) {
  await page.route(`**${start}`, async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    const location = new URL(response.headers()["location"]);
    expect(location.searchParams.get(param)).toBeTruthy();
    location.searchParams.set(param, "changed-on-the-way");
    await route.fulfill({ response, headers: { ...response.headers(), location: location.toString() } });
  });
}

async function expectRefused(page: Page, lang: Lang) {
  const w = WORDS[lang];
  await expect(page.locator("h1")).toHaveText(w.refusedTitle);
  await expect(page.getByRole("alert")).toContainText(w.refused);
  expect(new URL(page.url()).pathname).toMatch(/^\/staff\/oidc\/[a-z]+\/callback$/);
}

for (const lang of ["en", "cy"] as const) {
  const w = WORDS[lang];

  test(`an invited member signs in with their organisation's account (${lang})`, async ({ browser }) => {
    const email = `invited.${lang}@example.org`;
    invite(email);
    const page = await freshPage(browser);
    await page.goto(w.signIn);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: w.button }).click();
    await logInAtProvider(page, email);
    // The "signed in" page moves on by itself, so the Strict session cookie goes along.
    await page.waitForURL(`${OIDC_URL}${w.staff}`);
    await expect(page.locator("h1")).toHaveText(w.listTitle);
    await expect(page.getByText(`${w.signedInAs} ${email}`)).toBeVisible();
    expectAudit("sign-in", "oidc:idp", email);
  });

  test(`someone not invited is refused, and the page says nothing of why (${lang})`, async ({ browser }) => {
    const page = await freshPage(browser);
    await page.goto(w.signIn);
    await page.getByRole("link", { name: w.button }).click();
    await logInAtProvider(page, `stranger.${lang}@example.org`);
    await expectRefused(page, lang);
    await expect(page.locator("main")).not.toContainText("stranger");
    await expectNoAxeViolations(page);
    expectAudit("sign-in-failed", "oidc:idp not-invited");
  });
}

test("a provider whose discovery names another issuer: a clear page, audited", async ({ browser }) => {
  const page = await freshPage(browser);
  await page.goto(WORDS.en.signIn);
  await page.getByRole("link", { name: WORDS.en.wrong }).click();
  await expect(page.getByRole("alert")).toContainText(WORDS.en.unavailable);
  expect(new URL(page.url()).origin).toBe(OIDC_URL);
  await expectNoAxeViolations(page);
  expectAudit("sign-in-failed", "oidc:wrong wrong-issuer");
});

test("a changed state is refused (Welsh)", async ({ browser }) => {
  const email = "state.check@example.org";
  invite(email);
  const page = await freshPage(browser);
  await page.goto(WORDS.cy.signIn);
  // The provider sends back the state it was given: not the one the site kept.
  await tamperAuthorization(page, "/staff/cy/oidc/idp", "state");
  await page.getByRole("link", { name: WORDS.cy.button }).click();
  await logInAtProvider(page, email);
  await expectRefused(page, "cy");
  expectAudit("sign-in-failed", "oidc:idp bad-state");
});

test("a changed nonce is refused", async ({ browser }) => {
  const email = "nonce.check@example.org";
  invite(email);
  const page = await freshPage(browser);
  await page.goto(WORDS.en.signIn);
  // The ID token carries the changed nonce: not the one the site kept.
  await tamperAuthorization(page, "/staff/oidc/idp", "nonce");
  await page.getByRole("link", { name: WORDS.en.button }).click();
  await logInAtProvider(page, email);
  await expectRefused(page, "en");
  expectAudit("sign-in-failed", "oidc:idp bad-nonce");
});

test("an expired ID token is refused", async ({ browser }) => {
  const email = "expired.check@example.org";
  invite(email);
  const page = await freshPage(browser);
  await page.goto(WORDS.en.signIn);
  await page.getByRole("link", { name: WORDS.en.slow }).click();
  await logInAtProvider(page, email);
  await expectRefused(page, "en");
  expectAudit("sign-in-failed", "oidc:slow expired");
});
