// Browser tests: Debian's Chromium (never a downloaded browser) against the release
// build, started here on a loopback port.
import { defineConfig } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";

export const PORT = Number(process.env.RJ_E2E_PORT ?? 3100);
export const SMTP_PORT = PORT + 25;
// A second site with a Send limit of one request an hour, for the limit's page.
export const LIMITED_PORT = PORT + 1;
// A third site whose quick exit leads to a page on loopback, for the tests that follow
// Exit from a page with answers (through /exit/{id}) and then go Back. Its 303 to the
// exit site cannot be answered by a route: Playwright never routes a request a redirect
// made, so a stubbed https://www.bbc.co.uk would fail to resolve. The exit page is the
// first site's health check, under "localhost" so it is another site, as BBC Weather is.
export const LOOPBACK_EXIT_PORT = PORT + 2;
export const LOOPBACK_EXIT_URL = `http://localhost:${PORT}/healthz`;
// A fourth site for the staff inbox. Passkeys need a domain name (the relying party is
// the host of RJ_PUBLIC_URL), so the browser reaches it as localhost, never 127.0.0.1.
export const STAFF_PORT = PORT + 3;
export const STAFF_URL = `http://localhost:${STAFF_PORT}`;
const root = path.resolve(__dirname, "..");
// A fresh database and mail folder for every run. Playwright evaluates this file again
// in every worker process (and the specs import it), so only the main process clears
// and creates the folder; workers inherit its path through the environment. Clearing it
// in a worker would delete the database under the running server.
if (!process.env.RJ_E2E_WORK) {
  const base = path.join(root, "target", "e2e");
  fs.rmSync(base, { recursive: true, force: true });
  process.env.RJ_E2E_WORK = path.join(base, `run-${process.pid}`);
  fs.mkdirSync(path.join(process.env.RJ_E2E_WORK, "smtp"), { recursive: true });
}
export const WORK = process.env.RJ_E2E_WORK;
// Single sign-on (end2end/tests/oidc.spec.ts): a fifth site, with three providers, and
// two real OpenID providers (tests/oidc/provider.mjs): one on time, one whose clock is
// ten minutes slow with one-minute ID tokens (every token it signs has expired). The
// `wrong` provider is the first one under its other name, 127.0.0.1: its discovery
// names another issuer.
export const OIDC_PORT = PORT + 30;
export const OIDC_URL = `http://localhost:${OIDC_PORT}`;
export const OIDC_PROVIDER_PORT = PORT + 31;
export const OIDC_SLOW_PROVIDER_PORT = PORT + 32;
export const OIDC_ENV = {
  RJ_DATABASE_URL: `sqlite://${path.join(WORK, "oidc.db")}`,
  RJ_PUBLIC_URL: OIDC_URL,
};
function oidcProvider(port: number, extra: object): string {
  const file = path.join(WORK, `oidc-provider-${port}.json`);
  const redirect_uris = ["idp", "wrong", "slow"].map((n) => `${OIDC_URL}/staff/oidc/${n}/callback`);
  fs.writeFileSync(
    file,
    JSON.stringify({
      port,
      issuer: `http://localhost:${port}`,
      clients: [{
        client_id: "site", client_secret: "site-secret", redirect_uris,
        grant_types: ["authorization_code"], response_types: ["code"],
      }],
      ...extra,
    }),
  );
  return file;
}
// The staff site's database and address: `rj staff invite` needs the same two.
export const STAFF_ENV = {
  RJ_DATABASE_URL: `sqlite://${path.join(WORK, "staff.db")}`,
  RJ_PUBLIC_URL: STAFF_URL,
};

export default defineConfig({
  testDir: "./tests",
  outputDir: "./test-results",
  timeout: 30_000,
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      // A real SMTP server (Debian's python3-aiosmtpd) capturing mail to a folder.
      command: `/usr/bin/python3 tests/smtp/server.py ${SMTP_PORT} ${path.join(WORK, "smtp")}`,
      cwd: root,
      port: SMTP_PORT,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
    command: path.join(root, "target/release/rj"),
    cwd: root,
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      LEPTOS_SITE_ADDR: `127.0.0.1:${PORT}`,
      RJ_PUBLIC_URL: `http://127.0.0.1:${PORT}`,
      RJ_DATABASE_URL: `sqlite://${path.join(WORK, "rj.db")}`,
      RJ_SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      RJ_MIN_FILL_SECONDS: "1",
      RJ_RETRY_BASE_SECONDS: "1",
      RJ_SEND_LIMIT_PER_HOUR: "0",
      // The tests read the full email and follow its "I have it" link: the triage
      // inbox gets the answers by email here (the default, inbox delivery, sends none).
      RJ_TRIAGE_DELIVERY: "email",
      RJ_TRIAGE_ATTESTED: "true",
      RUST_LOG: "info",
    },
    },
    {
      command: path.join(root, "target/release/rj"),
      cwd: root,
      url: `http://127.0.0.1:${LIMITED_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        LEPTOS_SITE_ADDR: `127.0.0.1:${LIMITED_PORT}`,
          RJ_PUBLIC_URL: `http://127.0.0.1:${LIMITED_PORT}`,
        RJ_DATABASE_URL: `sqlite://${path.join(WORK, "limited.db")}`,
        RJ_MAIL_DIR: path.join(WORK, "limited-mail"),
        RJ_MIN_FILL_SECONDS: "1",
        RJ_SEND_LIMIT_PER_HOUR: "1",
        RUST_LOG: "warn",
      },
    },
    {
      command: path.join(root, "target/release/rj"),
      cwd: root,
      url: `http://127.0.0.1:${LOOPBACK_EXIT_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        LEPTOS_SITE_ADDR: `127.0.0.1:${LOOPBACK_EXIT_PORT}`,
        RJ_PUBLIC_URL: `http://127.0.0.1:${LOOPBACK_EXIT_PORT}`,
        RJ_DATABASE_URL: `sqlite://${path.join(WORK, "loopback-exit.db")}`,
        RJ_MAIL_DIR: path.join(WORK, "loopback-exit-mail"),
        RJ_EXIT_URL: LOOPBACK_EXIT_URL,
        RJ_MIN_FILL_SECONDS: "1",
        RJ_SEND_LIMIT_PER_HOUR: "0",
        RUST_LOG: "warn",
      },
    },
    {
      command: path.join(root, "target/release/rj"),
      cwd: root,
      url: `http://127.0.0.1:${STAFF_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        ...STAFF_ENV,
        LEPTOS_SITE_ADDR: `127.0.0.1:${STAFF_PORT}`,
        RJ_SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        RJ_MIN_FILL_SECONDS: "1",
        RJ_SEND_LIMIT_PER_HOUR: "0",
        RUST_LOG: "warn",
      },
    },
    {
      command: `node tests/oidc/provider.mjs ${oidcProvider(OIDC_PROVIDER_PORT, {})}`,
      cwd: root,
      url: `http://127.0.0.1:${OIDC_PROVIDER_PORT}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "ignore",
    },
    {
      command: `node tests/oidc/provider.mjs ${oidcProvider(OIDC_SLOW_PROVIDER_PORT, {
        ttl: { IdToken: 60 },
        clock_offset_seconds: -600,
      })}`,
      cwd: root,
      url: `http://127.0.0.1:${OIDC_SLOW_PROVIDER_PORT}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "ignore",
    },
    {
      command: path.join(root, "target/release/rj"),
      cwd: root,
      url: `http://127.0.0.1:${OIDC_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        ...OIDC_ENV,
        LEPTOS_SITE_ADDR: `127.0.0.1:${OIDC_PORT}`,
        RJ_MAIL_DIR: path.join(WORK, "oidc-mail"),
        RJ_OIDC_PROVIDERS: "idp,wrong,slow",
        RJ_OIDC_IDP_ISSUER: `http://localhost:${OIDC_PROVIDER_PORT}`,
        RJ_OIDC_IDP_CLIENT_ID: "site",
        RJ_OIDC_IDP_CLIENT_SECRET: "site-secret",
        RJ_OIDC_IDP_LABEL: "Example account",
        RJ_OIDC_WRONG_ISSUER: `http://127.0.0.1:${OIDC_PROVIDER_PORT}`,
        RJ_OIDC_WRONG_CLIENT_ID: "site",
        RJ_OIDC_WRONG_CLIENT_SECRET: "site-secret",
        RJ_OIDC_WRONG_LABEL: "Wrong issuer account",
        RJ_OIDC_SLOW_ISSUER: `http://localhost:${OIDC_SLOW_PROVIDER_PORT}`,
        RJ_OIDC_SLOW_CLIENT_ID: "site",
        RJ_OIDC_SLOW_CLIENT_SECRET: "site-secret",
        RJ_OIDC_SLOW_LABEL: "Slow clock account",
        RUST_LOG: "warn",
      },
    },
  ],
});
