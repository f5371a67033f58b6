// Reflow (WCAG 1.4.10) and target size (WCAG 2.5.8) on every page the sitemap lists, in
// both languages, at 320 CSS px wide and at 200 % zoom (a 1280 × 1024 window at zoom 2
// lays pages out 640 × 512 CSS px; the device scale factor renders them as sharp).
//
// What each page is checked for (run inside the page, see `layoutProblems`):
// - No sideways scroll: the document's and the body's scrollWidth are at most the
//   viewport's width.
// - No squeezed text. A "run" is a text node with 4 or more visible characters. A run
//   is squeezed when it wraps onto 2 or more lines and none of its lines is 3 characters
//   wide (a character counted as 0.5 em of its font, so 3 characters = 1.5 em), or when
//   the block it is laid out in is narrower than 3 characters. Text hidden on purpose
//   (display none, visibility hidden, the 1 px "visually hidden" box) is skipped.
// - Targets at least 24 × 24 CSS px: every visible link, button, input, list, text area
//   and <summary>, unless it is inline, that is a link or a link-styled button inside a
//   sentence (its block holds text other than its own), which WCAG 2.5.8 exempts.
//   Elements parked off screen until focused (the skip link) and the 1 px honeypot are
//   not targets anyone can point at, so they are skipped.
//
// One page object per test, navigating page after page: about 140 pages each way run in
// well under a minute with two workers.
import { test, expect, type Page } from "@playwright/test";
import { sitePaths, langOf } from "./helpers";

// Pages the sitemap cannot list: the finder's answers, a message and an error.
const FINDER = {
  en: ["/find?q=CF10+1AA", "/find?q=SY10", "/find?q=north", "/find?q=EH1+1YR", "/find?q=BT1+1AA", "/find?q=%21%21"],
  cy: ["/cy/dod-o-hyd?q=Caerdydd", "/cy/dod-o-hyd?q=SY10", "/cy/dod-o-hyd?q=EH1+1YR", "/cy/dod-o-hyd?q=%21%21"],
};

const VIEWS = [
  { name: "320 × 640", viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
  { name: "200 % zoom", viewport: { width: 640, height: 512 }, deviceScaleFactor: 2 },
];

/** Problems with the layout of the page as it is now; none when it reflows. */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    const vw = doc.clientWidth;
    for (const [name, el] of [
      ["document", doc],
      ["body", document.body],
    ] as const) {
      if (el.scrollWidth > vw) problems.push(`${name} scrolls sideways: ${el.scrollWidth} px > ${vw} px`);
    }

    const describe = (el: Element) => {
      const cls = el.getAttribute("class");
      const id = el.id ? `#${el.id}` : "";
      return `<${el.tagName.toLowerCase()}${id}${cls ? `.${cls.split(/\s+/).join(".")}` : ""}>`;
    };
    const isBlock = (el: Element) => !/^(inline|contents)/.test(getComputedStyle(el).display);
    const blockOf = (el: Element): Element => {
      let at: Element | null = el;
      while (at && !isBlock(at)) at = at.parentElement;
      return at ?? document.body;
    };
    // The 1 px box of the "visually hidden" pattern (text for screen readers only).
    const hiddenOnPurpose = (el: Element) => {
      for (let at: Element | null = el; at; at = at.parentElement) {
        const r = at.getBoundingClientRect();
        if (r.width <= 1 && r.height <= 1) return true;
      }
      return false;
    };

    // Squeezed text.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? "").replace(/\s+/g, " ").trim();
      const parent = node.parentElement;
      if (text.length < 4 || !parent || parent.closest("script, style, noscript, template")) continue;
      if (!parent.checkVisibility({ visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (rects.length === 0 || hiddenOnPurpose(parent)) continue;
      const threeChars = 1.5 * parseFloat(getComputedStyle(parent).fontSize);
      const lines = new Set(rects.map((r) => Math.round(r.top))).size;
      const widest = Math.max(...rects.map((r) => r.width));
      const block = blockOf(parent);
      const blockWidth = block.getBoundingClientRect().width;
      if (lines >= 2 && widest < threeChars) {
        problems.push(
          `"${text.slice(0, 40)}" in ${describe(parent)} is laid out on ${lines} lines no wider than ${widest.toFixed(1)} px`,
        );
      } else if (blockWidth < threeChars) {
        problems.push(`"${text.slice(0, 40)}" is in ${describe(block)} only ${blockWidth.toFixed(1)} px wide`);
      }
    }

    // Target size.
    const targets = document.querySelectorAll(
      "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]",
    );
    for (const el of targets) {
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) continue; // the honeypot
      if (r.right + window.scrollX <= 0 || r.bottom + window.scrollY <= 0) continue; // the skip link
      const display = getComputedStyle(el).display;
      if (display.startsWith("inline") && !display.startsWith("inline-")) {
        const own = (el.textContent ?? "").replace(/\s+/g, "");
        const around = (blockOf(el).textContent ?? "").replace(/\s+/g, "");
        if (around.length > own.length) continue; // a link in a sentence
      }
      // Inline boxes can be fractions of a pixel short of the line they fill.
      if (r.width < 23.5 || r.height < 23.5) {
        problems.push(
          `${describe(el)} "${(el.textContent ?? "").trim().slice(0, 30)}" is ${r.width.toFixed(1)} × ${r.height.toFixed(1)} px`,
        );
      }
    }
    return problems;
  });
}

for (const view of VIEWS) {
  for (const lang of ["en", "cy"] as const) {
    test.describe(`at ${view.name}`, () => {
      test.use({ viewport: view.viewport, deviceScaleFactor: view.deviceScaleFactor });

      test(`every ${lang} page reflows, with targets of at least 24 px`, async ({ page, request }) => {
        test.setTimeout(180_000);
        const found: string[] = [];
        const paths = (await sitePaths(request)).filter((p) => langOf(p) === lang);
        for (const path of [...paths, ...FINDER[lang]]) {
          const res = await page.goto(path, { waitUntil: "load" });
          expect(res?.status(), path).toBe(200);
          for (const problem of await layoutProblems(page)) found.push(`${path}: ${problem}`);
          // Again with every <details> open: the menu, sources, and the like.
          const closed = await page.evaluate(() => {
            const shut = [...document.querySelectorAll("details:not([open])")];
            shut.forEach((d) => d.setAttribute("open", ""));
            return shut.length;
          });
          if (closed > 0) {
            for (const problem of await layoutProblems(page)) found.push(`${path} (details open): ${problem}`);
          }
        }
        expect(found).toEqual([]);
      });
    });
  }
}
