// The charts in a real browser: at 320 and 1280 px, every text of a chart is
// drawn at 12 CSS px or more and no two overlap, for 5 years, 24 and 60
// months, and three series as lines and as bars; each chart is one image to
// assistive technology, named by a summary that gives its latest value, and
// none of its own text is in the accessibility tree.
//
// Run from the repository root with `bash tests/run`, which builds torget
// first; or `cargo build --offline && cd tests/browser && npm test`.
// Needs Debian's chromium at /usr/bin/chromium.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const torget = path.join(repo, "target", "debug", "torget");
const CHROMIUM = "/usr/bin/chromium";
const NOW = "2026-11-24";
const screenshots = path.join(here, "screenshots");
// Made-up test data: tests/fixtures/charts/content/statistik and artiklar.
const site = path.join(repo, "tests", "fixtures", "charts");

/// Each chart page, with what its accessible name must say of the latest value(s).
const CHARTS = [
  { page: "statistik/ar-5/", kind: "bar", latest: ["Senaste värde 379 (2024, preliminär uppgift)."] },
  { page: "en/statistics/ar-5/", kind: "bar", latest: ["Latest value 379 (2024, provisional)."] },
  { page: "statistik/manader-24/", kind: "bar", latest: ["Senaste värde "] },
  { page: "en/statistics/manader-60/", kind: "bar", latest: ["Latest value 98,183 (Jun 2024)."] },
  { page: "statistik/manader-60/", kind: "bar", latest: ["Senaste värde 98 183 (jun 2024)."] },
  { page: "statistik/linje-60/", kind: "line", latest: ["Senaste värde 61,7 (jun 2024, preliminär uppgift)."] },
  { page: "en/statistics/linje-60/", kind: "line", latest: ["Latest value 61.7 (Jun 2024, provisional)."] },
  {
    page: "en/statistics/tre-serier/",
    kind: "line",
    latest: [
      "Northern area: latest value 30.8 (Jun 2024, part of the period, provisional).",
      "Southern area: latest value 39.8 (Jun 2024, part of the period, provisional).",
      "Western area: latest value 53.1 (Jun 2024, part of the period, provisional).",
    ],
  },
  // A `trend` block's `chart=bar` draws the same three series as bars.
  { page: "artiklar/tre-serier-som-staplar/", kind: "bar", latest: ["Norra området: senaste värde 30,8 (jun 2024, del av perioden, preliminär uppgift)."] },
  { page: "en/articles/three-series-as-bars/", kind: "bar", latest: ["Western area: latest value 53.1 (Jun 2024, part of the period, provisional)."] },
];

const haveBrowser = fs.existsSync(CHROMIUM);
if (!haveBrowser) {
  const message = `No browser at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) to run the browser tests.`;
  if (process.env.CI) {
    test("a browser is installed", () => assert.fail(message));
  } else {
    console.warn(`\n!!! BROWSER TESTS SKIPPED !!!\n${message}\n`);
  }
}
const it = haveBrowser ? test : test.skip;

let browser;
let server;
let base;

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml" };

before(async () => {
  if (!haveBrowser) return;
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "torget-charts-")), "public");
  const result = spawnSync(torget, ["build", "--site", site, "--out", out, "--now", NOW, "--quiet"], { encoding: "utf8" });
  assert.equal(result.status, 0, `building the chart fixture failed:\n${result.stderr}`);
  server = createServer((request, response) => {
    let name = decodeURIComponent(new URL(request.url, "http://127.0.0.1").pathname);
    if (name.split("/").includes("..")) return response.writeHead(403).end();
    if (name.endsWith("/")) name += "index.html";
    fs.readFile(path.join(out, name), (error, data) => {
      if (error) return response.writeHead(404).end("not found");
      response.writeHead(200, { "content-type": TYPES[path.extname(name)] || "application/octet-stream" }).end(data);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${server.address().port}/`;
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  fs.mkdirSync(screenshots, { recursive: true });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
});

/// Every text the chart shows, with its box on screen and the size it is drawn at.
function shownTexts() {
  const svg = document.querySelector("svg.chart");
  // The size text is drawn at: its font size times the chart's scale on screen (1 without a viewBox).
  const drawn = (text) => parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a;
  const shown = (text) => getComputedStyle(text).display !== "none" && text.getBoundingClientRect().width > 0;
  const box = (r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
  return {
    svg: box(svg.getBoundingClientRect()),
    texts: [...svg.querySelectorAll("text")].filter(shown).map((t) => ({ text: t.textContent, kind: t.getAttribute("class") || "", size: drawn(t), ...box(t.getBoundingClientRect()) })),
    hiddenFromAT: [...svg.querySelectorAll("text")].every((t) => t.closest("[aria-hidden='true']")),
    note: document.querySelector(".chart-box .chart-note")?.textContent || "",
    classes: svg.getAttribute("class"),
  };
}

it("chart texts stay at least 12 px and never overlap at 320 and 1280 px, for 5 years, 24 and 60 months and three series, as bars and lines", async () => {
  const problems = [];
  const report = [];
  for (const width of [320, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const chart of CHARTS) {
      await page.goto(base + chart.page);
      const found = await page.evaluate(shownTexts);
      const where = `${chart.page} at ${width} px`;
      if (!found.classes.includes(`chart-${chart.kind}`)) problems.push(`${where}: a ${chart.kind} chart was expected, not “${found.classes}”`);
      const { texts } = found;
      const periods = texts.filter((t) => t.kind.startsWith("x-label"));
      const direct = texts.filter((t) => t.kind === "direct-label");
      report.push(`${where}: ${periods.length} period labels (${periods.map((t) => t.text).join(", ")}); direct labels: ${direct.map((t) => t.text).join(" | ")}; smallest text ${Math.min(...texts.map((t) => t.size)).toFixed(1)} px`);
      if (periods.length < 2) problems.push(`${where}: only ${periods.length} period labels`);
      if (direct.length < 1) problems.push(`${where}: no direct label`);
      for (const [i, a] of texts.entries()) {
        if (a.size < 12) problems.push(`${where}: “${a.text}” is drawn at ${a.size.toFixed(1)} px, under 12 px`);
        if (a.left < found.svg.left - 0.5 || a.right > found.svg.right + 0.5 || a.top < found.svg.top - 0.5 || a.bottom > found.svg.bottom + 0.5) {
          problems.push(`${where}: “${a.text}” (${a.left.toFixed(1)}–${a.right.toFixed(1)}) runs outside the chart (${found.svg.left.toFixed(1)}–${found.svg.right.toFixed(1)})`);
        }
        for (const b of texts.slice(i + 1)) {
          // Boxes include the font's ascent and descent, so touching is allowed: no shared area.
          const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (across > 0.5 && down > 0.5) {
            problems.push(`${where}: “${a.text}” (${a.left.toFixed(1)}–${a.right.toFixed(1)}, ${a.top.toFixed(1)}–${a.bottom.toFixed(1)}) overlaps “${b.text}” (${b.left.toFixed(1)}–${b.right.toFixed(1)}, ${b.top.toFixed(1)}–${b.bottom.toFixed(1)})`);
          }
        }
      }
      // The first and the last period are always labelled.
      const sorted = [...periods].sort((a, b) => a.left - b.left);
      if (sorted.length && !/20\d\d/.test(sorted[0].text)) problems.push(`${where}: the first period label “${sorted[0].text}” does not say its year`);
      if (sorted.length && !/2024/.test(sorted[sorted.length - 1].text)) problems.push(`${where}: the last period label is “${sorted[sorted.length - 1].text}”`);
      const file = path.join(screenshots, `chart-${chart.page.replace(/\W+/g, "-").replace(/-$/, "")}-${width}.png`);
      await page.locator(".chart-box").first().screenshot({ path: file });
    }
    await context.close();
  }
  console.log(report.join("\n"));
  assert.deepEqual(problems, [], problems.join("\n"));
});

it("each chart is one image named by a summary with its latest value and statuses; its own text is not in the accessibility tree", async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const problems = [];
  for (const chart of CHARTS) {
    await page.goto(base + chart.page);
    const where = chart.page;
    await cdp.send("DOM.enable");
    await cdp.send("Accessibility.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "svg.chart" });
    const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false });
    const image = nodes.find((n) => n.backendDOMNodeId !== undefined && !n.ignored) || nodes[0];
    const role = image.role?.value;
    // Numbers are grouped with a no-break space: compared as plain spaces.
    const name = (image.name?.value || "").replace(/\s/g, " ");
    if (role !== "image" && role !== "img") problems.push(`${where}: the chart's role is ${role}, not an image`);
    for (const latest of chart.latest) {
      if (!name.includes(latest)) problems.push(`${where}: the accessible name does not say “${latest}”:\n  ${name}`);
    }
    const statuses = /\[p\]/.test(name) ? [] : [`${where}: the accessible name names no status: ${name}`];
    if (chart.page.includes("manader")) statuses.length = 0;
    problems.push(...statuses);
    // Every text of the drawing is ignored by the accessibility tree.
    const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: "svg.chart text" });
    for (const textId of nodeIds) {
      const { nodes: textNodes } = await cdp.send("Accessibility.getPartialAXTree", { nodeId: textId, fetchRelatives: false });
      const own = textNodes.find((n) => n.backendDOMNodeId !== undefined) || textNodes[0];
      if (!own) problems.push(`${where}: a text of the chart has no node in the accessibility tree to check`);
      else if (!own.ignored) problems.push(`${where}: the chart's text “${own.name?.value}” is in the accessibility tree`);
    }
    // The same as Playwright's snapshot of the tree: one image, no loose numbers.
    const tree = await page.locator("svg.chart").ariaSnapshot();
    if (tree.trim().split("\n").length !== 1) problems.push(`${where}: the chart is more than one node to assistive technology:\n${tree}`);
    const hidden = await page.evaluate(() => [...document.querySelectorAll("svg.chart text")].every((t) => t.closest("[aria-hidden='true']")));
    if (!hidden) problems.push(`${where}: a text of the drawing is not under aria-hidden`);
  }
  await context.close();
  assert.deepEqual(problems, [], problems.join("\n"));
});

it("hollow and hatched values are named with their letters under the chart", async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
  const page = await context.newPage();
  await page.goto(base + "statistik/ar-5/");
  assert.equal(await page.textContent(".chart-note"), "Randiga staplar: 2024 [p].");
  await page.goto(base + "en/statistics/linje-60/");
  assert.equal(await page.textContent(".chart-note"), "Hollow points: Apr 2024–Jun 2024 [p].");
  // The provisional months are hollow: three markers filled with the background.
  assert.equal(await page.locator("svg.chart use[fill='#ffffff']").count(), 3);
  await context.close();
});
