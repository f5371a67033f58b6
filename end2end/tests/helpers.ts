// Shared helpers: the list of pages (from the site's own sitemap), axe-core, and a
// watch on every request a page makes.
import { expect, type Page, type APIRequestContext } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
export const EXIT_URL = "https://www.bbc.co.uk/weather";

/** Every page path in both languages, as the site lists them in /sitemap.xml. */
export async function sitePaths(request: APIRequestContext): Promise<string[]> {
  const res = await request.get("/sitemap.xml");
  expect(res.status()).toBe(200);
  const xml = await res.text();
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  expect(paths.length).toBeGreaterThan(1);
  return paths;
}

/** Runs axe-core with the WCAG 2.2 A and AA rules and expects no violations. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Records the origin of every request the page makes. */
export function watchRequests(page: Page): Set<string> {
  const origins = new Set<string>();
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (url.protocol === "data:" || url.protocol === "blob:") return;
    origins.add(url.origin);
  });
  return origins;
}

/** The language the path is in. */
export function langOf(path: string): "en" | "cy" {
  return path === "/cy" || path.startsWith("/cy/") ? "cy" : "en";
}

/** Answers requests to the quick-exit site locally, so nothing leaves the machine. */
export async function stubExitSite(page: Page) {
  await page.route("https://www.bbc.co.uk/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<title>Weather</title>weather" }),
  );
}
