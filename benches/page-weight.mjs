// Measures what a page costs a reader: bytes over the wire (compressed, all resources,
// headers included) with JavaScript on, and whether any WASM is fetched.
// Usage: node benches/page-weight.mjs http://127.0.0.1:3000/ [more URLs…]
import { chromium } from "playwright-core";

const urls = process.argv.slice(2);
if (urls.length === 0) {
  console.error("usage: node benches/page-weight.mjs URL [URL…]");
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"],
});
for (const url of urls) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const requests = new Map();
  cdp.on("Network.responseReceived", (e) => {
    requests.set(e.requestId, {
      url: e.response.url,
      encoding: e.response.headers["content-encoding"] ?? "identity",
      bytes: 0,
    });
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = requests.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await page.waitForTimeout(500);
  let total = 0;
  for (const r of requests.values()) {
    total += r.bytes;
    console.log(`  ${String(r.bytes).padStart(7)} B  ${r.encoding.padEnd(8)} ${r.url}`);
  }
  const wasm = [...requests.values()].some((r) => r.url.endsWith(".wasm"));
  console.log(`${url}: ${requests.size} requests, ${total} bytes transferred, WASM fetched: ${wasm ? "yes" : "no"}`);
  await context.close();
}
await browser.close();
