// The staff inbox, in English and Welsh, on its own site reached as localhost (passkeys
// need a domain name). Chromium's virtual authenticator makes and uses the passkeys:
// an invitation from `rj staff invite`, a passkey, sign out and in again, a request
// sent through the public form appearing in the list, Received, Contacted and Closed,
// the person's status page, the admin's audit log and staff list, another role's 404,
// axe on every staff page, and the list, filter and actions with JavaScript off.
import { test, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expectNoAxeViolations } from "./helpers";
import { STAFF_ENV, STAFF_URL } from "../playwright.config";

const ROOT = path.resolve(__dirname, "../..");
const RJ = path.join(ROOT, "target/release/rj");

const WORDS = {
  en: {
    staff: "/staff", signIn: "/staff/sign-in", invitation: "/staff/invitation/", request: "/staff/requests/",
    audit: "/staff/audit", members: "/staff/members", numbers: "/staff/numbers",
    numbersTitle: "Numbers", showNumbers: "Show numbers", numbersOnly: "Your role shows numbers, not requests.",
    requestsChart: "Requests: Kent", csv: "Download these numbers as CSV",
    makePasskey: "Make a passkey", signInButton: "Sign in with a passkey", signOut: "Sign out",
    signedOut: "You have signed out.", needsJs: "Signing in with a passkey needs JavaScript",
    listTitle: "Requests", show: "Show requests", adminOnly: "Your role does not show requests",
    safety: "Before you contact them", answers: "Their answers", actions: "Record what you have done",
    received: "Received", contacted: "Contacted", close: "Close the request", recorded: "Recorded:",
    closedNote: "This request is closed", notFound: "Page not found", auditTitle: "Audit log",
    membersTitle: "Staff", invitationGone: "This invitation cannot be used",
    // The public side: the form and the status page.
    refer: "/refer", status: "/refer/status", continue: "Continue", send: "Send my request",
    sent: "Sent:", notYet: "Received: not confirmed yet", statusReceived: "Received:", hasIt: "has your request",
    statusClosed: "Closed:",
    events: {
      viewed: "Answers read", received: "Received", contacted: "Contacted", closed: "Closed",
      signOut: "Signed out", passkey: "Passkey made",
    },
  },
  cy: {
    staff: "/staff/cy", signIn: "/staff/cy/mewngofnodi", invitation: "/staff/cy/gwahoddiad/",
    request: "/staff/cy/ceisiadau/", audit: "/staff/cy/archwilio", members: "/staff/cy/aelodau",
    numbers: "/staff/cy/ffigurau", numbersTitle: "Ffigurau", showNumbers: "Dangos y ffigurau",
    numbersOnly: "Mae eich rôl chi'n rhoi mynediad i ffigurau, nid i geisiadau.", requestsChart: "Ceisiadau: Caint",
    csv: "Lawrlwytho'r ffigurau hyn fel CSV",
    makePasskey: "Gwneud cyfrinallwedd", signInButton: "Mewngofnodi gyda chyfrinallwedd",
    signOut: "Allgofnodi", signedOut: "Rydych chi wedi allgofnodi.",
    needsJs: "Mae angen JavaScript i fewngofnodi gyda chyfrinallwedd",
    listTitle: "Ceisiadau", show: "Dangos ceisiadau", adminOnly: "Dydy eich rôl chi ddim yn rhoi mynediad i geisiadau",
    safety: "Cyn i chi gysylltu â nhw", answers: "Eu hatebion", actions: "Cofnodwch beth rydych chi wedi'i wneud",
    received: "Wedi'i gael", contacted: "Wedi cysylltu", close: "Cau'r cais", recorded: "Wedi'i gofnodi:",
    closedNote: "Mae'r cais hwn wedi'i gau", notFound: "Heb ddod o hyd i'r dudalen", auditTitle: "Log archwilio",
    membersTitle: "Staff", invitationGone: "Does dim modd defnyddio'r gwahoddiad hwn",
    refer: "/cy/cyfeirio", status: "/cy/cyfeirio/statws", continue: "Parhau", send: "Anfon fy nghais",
    sent: "Wedi'i anfon:", notYet: "Wedi'i gael: heb ei gadarnhau eto", statusReceived: "Wedi'i gael:",
    hasIt: "wedi cael eich cais", statusClosed: "Wedi'i gau:",
    events: {
      viewed: "Wedi darllen yr atebion", received: "Wedi'i gael", contacted: "Wedi cysylltu", closed: "Wedi'i gau",
      signOut: "Wedi allgofnodi", passkey: "Cyfrinallwedd wedi'i gwneud",
    },
  },
} as const;
type Lang = keyof typeof WORDS;

/** `rj staff invite` against the staff site's database; the invitation's path in `lang`. */
function invite(lang: Lang, email: string, ...args: string[]): string {
  const out = execFileSync(RJ, ["staff", "invite", "--email", email, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...STAFF_ENV, RUST_LOG: "warn" },
    encoding: "utf8",
  });
  const url = new URL(out.trim().split("\n").pop()!);
  expect(url.origin).toBe(STAFF_URL);
  const token = url.pathname.match(/^\/staff\/invitation\/([^/]+)$/)![1];
  return WORDS[lang].invitation + token;
}

/** A context on the staff site with a page that has Chromium's virtual authenticator. */
async function withAuthenticator(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: STAFF_URL });
  const page = await context.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { context, page };
}

/** Opens the invitation, makes a passkey, and lands signed in on the list. */
async function acceptInvitation(page: Page, lang: Lang, invitation: string) {
  const w = WORDS[lang];
  await page.goto(invitation);
  await expect(page.getByRole("button", { name: w.makePasskey })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: w.makePasskey }).click();
  await page.waitForURL((u) => u.pathname === w.staff);
  await expect(page.locator("h1")).toHaveText(w.listTitle);
}

/** Sends a request for Kent through the staff site's public form; returns its reference. */
async function sendRequest(browser: Browser, lang: Lang, name: string): Promise<string> {
  const w = WORDS[lang];
  const context = await browser.newContext({ baseURL: STAFF_URL });
  const page = await context.newPage();
  await page.goto(`${w.refer}?area=kent`);
  await page.locator('input[name="contact_method"][value="phone"]').check();
  await page.getByRole("button", { name: w.continue }).click();
  for (const [field, value] of [
    ["relationship", "harmed"], ["voicemail_ok", "no"],
    ["say_rj_ok", "no"], ["reported", "yes"], ["responsible_under_18", "no"],
  ]) {
    await page.locator(`input[name="${field}"][value="${value}"]`).check();
  }
  await page.locator("#full_name").fill(name);
  await page.locator("#phone").fill("01632 960 003");
  await page.locator("#consent").check();
  await page.getByRole("button", { name: w.continue }).click();
  await page.waitForTimeout(1100);
  await page.getByRole("button", { name: w.send }).click();
  const reference = (await page.locator(".rj-panel__reference").textContent())!.trim();
  expect(reference).toMatch(/^RJ-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await context.close();
  return reference;
}

/** The person's status page for `reference`, as text. */
async function statusText(browser: Browser, lang: Lang, reference: string): Promise<string> {
  const context = await browser.newContext({ baseURL: STAFF_URL });
  const page = await context.newPage();
  await page.goto(WORDS[lang].status);
  const field = page.locator('input[name="reference"]');
  await field.fill(reference);
  await field.press("Enter");
  const text = (await page.locator(".rj-status").textContent()) ?? "";
  await context.close();
  return text;
}

/** Presses an action's button and expects the "Recorded" notice. */
async function record(page: Page, lang: Lang, button: string, label: string) {
  const w = WORDS[lang];
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(page.locator('[role="status"]')).toHaveText(`${w.recorded} ${label}.`);
}

for (const lang of ["en", "cy"] as const) {
  test(`${lang}: the staff inbox, from invitation to closed, with passkeys`, async ({ browser }) => {
    test.setTimeout(180_000);
    const w = WORDS[lang];

    // The sign-in page, before anyone is signed in.
    const { context, page } = await withAuthenticator(browser);
    await page.goto(w.signIn);
    await expect(page.getByRole("button", { name: w.signInButton })).toBeVisible();
    await expect(page.getByText(w.needsJs)).toBeHidden();
    await expectNoAxeViolations(page);

    // Invited as triage (every request goes through triage by default): a passkey, then
    // signed in on the list.
    const triage = `triage-${lang}@example.org`;
    const invitation = invite(lang, triage, "--role", "triage");
    await acceptInvitation(page, lang, invitation);
    await expectNoAxeViolations(page);
    // The invitation works once.
    const again = await page.goto(invitation);
    expect(again!.status()).toBe(404);
    await expect(page.locator("main")).toContainText(w.invitationGone);
    await expectNoAxeViolations(page);

    // Sign out, then in again with the passkey.
    await page.goto(w.staff);
    await page.getByRole("button", { name: w.signOut }).click();
    await expect(page.locator('[role="status"]')).toHaveText(w.signedOut);
    expect(new URL(page.url()).pathname).toBe(w.signIn);
    await expectNoAxeViolations(page);
    await page.goto(w.staff);
    expect(new URL(page.url()).pathname).toBe(w.signIn);
    await page.getByRole("button", { name: w.signInButton }).click();
    await page.waitForURL((u) => u.pathname === w.staff);

    // A person asks to be contacted; the request appears in the list.
    const name = `Staff Person ${lang}`;
    const reference = await sendRequest(browser, lang, name);
    await page.goto(w.staff);
    const link = page.getByRole("link", { name: reference });
    await expect(link).toBeVisible();
    // The filter: waiting requests for Kent still show it; closed ones do not.
    await page.locator("#state").selectOption("waiting");
    await page.locator("#area").selectOption("kent");
    await page.getByRole("button", { name: w.show }).click();
    await expect(link).toBeVisible();
    await expect(page.locator("#state")).toHaveValue("waiting");
    await expectNoAxeViolations(page);
    await page.locator("#state").selectOption("closed");
    await page.getByRole("button", { name: w.show }).click();
    await expect(link).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.locator("#state").selectOption("");
    await page.getByRole("button", { name: w.show }).click();

    // The request: safety first, then the answers, then the actions.
    await page.getByRole("link", { name: reference }).click();
    expect(new URL(page.url()).pathname).toBe(w.request + reference);
    await expect(page.locator("h2")).toHaveText([w.safety, w.answers, w.actions]);
    await expect(page.locator(".rj-summary")).toContainText(name);
    await expectNoAxeViolations(page);
    expect(await statusText(browser, lang, reference)).toContain(w.notYet);

    // Received, Contacted, Closed: each recorded.
    await record(page, lang, w.received, w.received);
    await expectNoAxeViolations(page);
    const afterReceived = await statusText(browser, lang, reference);
    expect(afterReceived).toContain(w.statusReceived);
    expect(afterReceived).toContain(w.hasIt);
    expect(afterReceived).not.toContain(w.notYet);
    await record(page, lang, w.contacted, w.contacted);
    await page.locator("#outcome").selectOption("direct-meeting");
    await record(page, lang, w.close, lang === "en" ? "Closed" : "Wedi'i gau");
    await expect(page.locator("main")).toContainText(w.closedNote);
    await expect(page.getByRole("button", { name: w.received, exact: true })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // The person's status page still says it was received and who has it (it shows
    // "Closed" only for a request closed without ever being received).
    const afterClosed = await statusText(browser, lang, reference);
    expect(afterClosed).toContain(w.statusReceived);
    expect(afterClosed).toContain(w.hasIt);
    expect(afterClosed).not.toContain(w.notYet);
    expect(afterClosed).not.toContain(w.statusClosed);

    // JavaScript off, with the same session: the list, the filter, a request and its
    // actions; the sign-in page says passkeys need JavaScript and shows no button.
    const second = await sendRequest(browser, lang, `Second Person ${lang}`);
    const noJs = await browser.newContext({
      baseURL: STAFF_URL,
      javaScriptEnabled: false,
      storageState: await context.storageState(),
    });
    const plain = await noJs.newPage();
    await plain.goto(w.staff);
    await expect(plain.locator("h1")).toHaveText(w.listTitle);
    await plain.locator("#state").selectOption("waiting");
    await plain.getByRole("button", { name: w.show }).click();
    expect(new URL(plain.url()).searchParams.get("state")).toBe("waiting");
    await expect(plain.getByRole("link", { name: second })).toBeVisible();
    await expect(plain.getByRole("link", { name: reference })).toHaveCount(0);
    await plain.getByRole("link", { name: second }).click();
    await expect(plain.locator(".rj-summary")).toContainText(`Second Person ${lang}`);
    await record(plain, lang, w.received, w.received);
    await record(plain, lang, w.contacted, w.contacted);
    await plain.locator("#outcome").selectOption("withdrew");
    await record(plain, lang, w.close, lang === "en" ? "Closed" : "Wedi'i gau");
    await expect(plain.locator("main")).toContainText(w.closedNote);
    await plain.goto(w.signIn);
    await expect(plain.getByText(w.needsJs)).toBeVisible();
    await expect(plain.getByRole("button", { name: w.signInButton })).toHaveCount(0);
    // The same on an invitation's page.
    await plain.goto(invite(lang, `nojs-${lang}@example.org`, "--role", "triage"));
    await expect(plain.getByText(w.needsJs)).toBeVisible();
    await expect(plain.getByRole("button", { name: w.makePasskey })).toHaveCount(0);
    await noJs.close();

    // An admin: no answers, but the audit log with those actions, and the staff list.
    const admin = await withAuthenticator(browser);
    await acceptInvitation(admin.page, lang, invite(lang, `admin-${lang}@example.org`, "--role", "admin"));
    await expect(admin.page.locator("main")).toContainText(w.adminOnly);
    await expectNoAxeViolations(admin.page);
    // On a narrow screen too, the sections and Sign out can be seen and reached.
    await admin.page.setViewportSize({ width: 320, height: 640 });
    for (const name of [w.listTitle, w.auditTitle, w.membersTitle]) {
      await expect(admin.page.locator(".rj-staff-nav").getByRole("link", { name, exact: true })).toBeVisible();
    }
    await expect(admin.page.getByRole("button", { name: w.signOut })).toBeVisible();
    await expectNoAxeViolations(admin.page);
    await admin.page.setViewportSize({ width: 1280, height: 720 });
    await admin.page.getByRole("link", { name: w.auditTitle }).click();
    expect(new URL(admin.page.url()).pathname).toBe(w.audit);
    await expect(admin.page.locator("h1")).toHaveText(w.auditTitle);
    // The triage member's entries for the request, newest first, in the page's language.
    const entries = admin.page.locator("tbody tr").filter({ hasText: reference }).filter({ hasText: triage });
    const actions = await entries.locator("td:nth-child(3)").allTextContents();
    // (Each showing of the page after an action is a view of the answers too.)
    expect(actions.filter((a) => a !== w.events.viewed).slice(0, 3)).toEqual([
      w.events.closed, w.events.contacted, w.events.received,
    ]);
    expect(actions).toContain(w.events.viewed);
    const closedRow = entries.filter({
      has: admin.page.locator("td:nth-child(3)", { hasText: new RegExp(`^${w.events.closed}$`) }),
    });
    await expect(closedRow.locator("td:nth-child(5)")).toHaveText("direct-meeting");
    const all = await admin.page.locator("tbody td:nth-child(3)").allTextContents();
    expect(all).toEqual(expect.arrayContaining([w.events.signOut, w.events.passkey]));
    await expectNoAxeViolations(admin.page);
    await admin.page.getByRole("link", { name: w.membersTitle, exact: true }).click();
    expect(new URL(admin.page.url()).pathname).toBe(w.members);
    await expect(admin.page.locator("tbody")).toContainText(triage);
    await expectNoAxeViolations(admin.page);
    // The admin alone cannot read the request.
    const asAdmin = await admin.page.goto(w.request + reference);
    expect(asAdmin!.status()).toBe(404);
    await admin.context.close();

    // A service member for Essex: the same 404 for this request as for an unknown one.
    const other = await withAuthenticator(browser);
    await acceptInvitation(
      other.page, lang, invite(lang, `essex-${lang}@example.org`, "--role", "service", "--area", "essex"),
    );
    await expect(other.page.getByRole("link", { name: reference })).toHaveCount(0);
    const hidden = await other.page.goto(w.request + reference);
    expect(hidden!.status()).toBe(404);
    await expect(other.page.locator("h1")).toHaveText(w.notFound);
    const hiddenMain = await other.page.locator("main").innerHTML();
    await expectNoAxeViolations(other.page);
    const unknown = await other.page.goto(w.request + "RJ-2222-2222");
    expect(unknown!.status()).toBe(404);
    expect(await other.page.locator("main").innerHTML()).toBe(hiddenMain);
    await other.context.close();

    await context.close();
  });
  test(`${lang}: a commissioner's numbers, as tables and charts, with and without JavaScript`, async ({ browser }) => {
    test.setTimeout(120_000);
    const w = WORDS[lang];
    await sendRequest(browser, lang, `Counted Person ${lang}`);
    const pcc = await withAuthenticator(browser);
    await acceptInvitation(
      pcc.page, lang, invite(lang, `pcc-${lang}@example.org`, "--role", "commissioner", "--area", "kent"),
    );
    // The list says why it shows no requests, and leads to the numbers.
    await expect(pcc.page.locator("main")).toContainText(w.numbersOnly);
    await pcc.page.locator(".rj-staff-nav").getByRole("link", { name: w.numbersTitle, exact: true }).click();
    expect(new URL(pcc.page.url()).pathname).toBe(w.numbers);
    await expect(pcc.page.locator("h1")).toHaveText(w.numbersTitle);
    // Kent's section only: four charts, each an image named by its caption and holding its
    // numbers as text, and the table of every measure.
    await expect(pcc.page.locator("section.rj-numbers")).toHaveCount(1);
    await expect(pcc.page.locator("section.rj-numbers")).toHaveAttribute("data-area", "kent");
    await expect(pcc.page.locator("svg[role=img]")).toHaveCount(4);
    await expect(pcc.page.getByRole("img", { name: w.requestsChart })).toBeVisible();
    const month = new Date().toISOString().slice(0, 7);
    const requests = pcc.page.locator(`td[data-measure="requests"][data-month="${month}"]`);
    await expect(requests).toHaveText(/^(<5|\d+)$/);
    await expectNoAxeViolations(pcc.page);
    // On a narrow screen the charts and table scroll sideways, reachable by keyboard.
    await pcc.page.setViewportSize({ width: 320, height: 640 });
    await expect(pcc.page.locator(".rj-numbers__scroll")).toBeVisible();
    await expectNoAxeViolations(pcc.page);
    await pcc.page.setViewportSize({ width: 1280, height: 720 });
    // The CSV: the long form of the same cells, Kent's only.
    const download = pcc.page.waitForEvent("download");
    await pcc.page.getByRole("link", { name: w.csv }).click();
    const file = await (await download).path();
    const csv = (await import("node:fs")).readFileSync(file, "utf8").trim().split("\n");
    expect(csv[0]).toBe("month,area,measure,value");
    expect(csv.slice(1).every((line) => line.split(",")[1] === "kent")).toBe(true);
    expect(csv).toContain(`${month},kent,requests,${await requests.textContent()}`);

    // JavaScript off, with the same session: the months' form still works.
    const noJs = await browser.newContext({
      baseURL: STAFF_URL,
      javaScriptEnabled: false,
      storageState: await pcc.context.storageState(),
    });
    const plain = await noJs.newPage();
    await plain.goto(w.numbers);
    await plain.locator("#from").selectOption(month);
    await plain.locator("#to").selectOption(month);
    await plain.getByRole("button", { name: w.showNumbers }).click();
    expect(new URL(plain.url()).searchParams.get("from")).toBe(month);
    await expect(plain.locator("svg[role=img]")).toHaveCount(4);
    await expect(plain.locator(`td[data-month="${month}"]`).first()).toBeVisible();
    await noJs.close();
    await pcc.context.close();
  });
}
