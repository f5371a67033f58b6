// Browser tests: Debian's Chromium (never a downloaded browser) against the release
// build, started here on a loopback port.
import { defineConfig } from "@playwright/test";
import path from "node:path";

export const PORT = Number(process.env.RJ_E2E_PORT ?? 3100);
const root = path.resolve(__dirname, "..");

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
  webServer: {
    command: path.join(root, "target/release/rj"),
    cwd: root,
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      LEPTOS_SITE_ADDR: `127.0.0.1:${PORT}`,
      LEPTOS_SITE_ROOT: path.join(root, "target/site"),
      RJ_PUBLIC_URL: `http://127.0.0.1:${PORT}`,
      RUST_LOG: "info",
    },
  },
});
