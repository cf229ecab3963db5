// torget's output in a real browser: axe-core (WCAG 2.1 AA and best practice)
// on every page, the Nu Html Checker on every file, keyboard use, and layout
// at phone and desktop widths with screenshots to look at.
//
// Run from the repository root with `bash tests/run`, which builds torget
// first. Needs Debian's chromium at /usr/bin/chromium and Java for vnu.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const torget = path.join(repo, "target", "debug", "torget");
const CHROMIUM = "/usr/bin/chromium";
const NOW = "2026-11-24";
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const screenshots = path.join(here, "screenshots");

const haveBrowser = fs.existsSync(CHROMIUM);
if (!haveBrowser) {
  const message = `No browser at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) to run the browser tests.`;
  if (process.env.CI) {
    test("a browser is installed", () => assert.fail(message));
  } else {
    console.warn(`\n!!! BROWSER TESTS SKIPPED !!!\n${message}\n`);
  }
}

/// The sites under test: the bundled Malmö site and the fixture with every page kind.
const sites = [
  { name: "bundled", dir: repo },
  { name: "basic", dir: path.join(repo, "tests", "fixtures", "basic") },
  // Pages that show when they were reviewed and who answers for them.
  { name: "review", dir: path.join(repo, "tests", "fixtures", "review") },
  // Made-up monthly datasets of 12, 18, 24 and 60 values, for the chart tests.
  { name: "charts", dir: path.join(repo, "tests", "fixtures", "charts") },
  // Made-up pages in Swedish, English, Finnish and Arabic (right to left).
  { name: "languages", dir: path.join(repo, "tests", "fixtures", "languages") },
  // Made-up statistics with statuses, sources, a running total, revisions and the calendar.
  { name: "statistics", dir: path.join(repo, "tests", "fixtures", "statistics") },
];

let browser;
const servers = [];

function build(site) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), `torget-${site.name}-`));
  const result = spawnSync(torget, ["build", "--site", site.dir, "--out", path.join(out, "public"), "--now", NOW, "--quiet"], { encoding: "utf8" });
  assert.equal(result.status, 0, `building ${site.name} failed:\n${result.stderr}`);
  return path.join(out, "public");
}

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".xml": "application/xml", ".png": "image/png", ".svg": "image/svg+xml", ".csv": "text/csv", ".txt": "text/plain" };

/// A static server on 127.0.0.1 for one output folder.
function serve(dir) {
  return new Promise((resolve) => {
    const server = createServer((request, response) => {
      let name = decodeURIComponent(new URL(request.url, "http://127.0.0.1").pathname);
      if (name.split("/").includes("..")) {
        response.writeHead(403).end();
        return;
      }
      if (name.endsWith("/")) name += "index.html";
      const file = path.join(dir, name);
      fs.readFile(file, (error, data) => {
        if (error) {
          response.writeHead(404, { "content-type": "text/plain" }).end("not found");
          return;
        }
        response.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" }).end(data);
      });
    });
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

/// Every page of an output folder, as a path from its root.
function pages(dir) {
  const found = [];
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".html")) found.push(path.relative(dir, full).split(path.sep).join("/"));
    }
  };
  walk(dir);
  return found.sort().map((file) => (file.endsWith("index.html") ? file.slice(0, -"index.html".length) : file));
}

before(async () => {
  if (!haveBrowser) return;
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  for (const site of sites) {
    site.out = build(site);
    const server = await serve(site.out);
    servers.push(server);
    site.url = `http://127.0.0.1:${server.address().port}/`;
    site.pages = pages(site.out);
  }
  fs.mkdirSync(screenshots, { recursive: true });
});

after(async () => {
  if (browser) await browser.close();
  for (const server of servers) server.close();
});

const it = haveBrowser ? test : test.skip;

it("axe finds no WCAG 2.1 AA or best-practice violation on any page", async () => {
  const axe = require.resolve("axe-core/axe.min.js");
  // axe is injected as an inline script, which the pages' own policy forbids.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const problems = [];
  let checked = 0;
  for (const site of sites) {
    for (const pagePath of site.pages) {
      await page.goto(site.url + pagePath);
      await page.addScriptTag({ path: axe });
      const result = await page.evaluate(async (tags) => await window.axe.run(document, { runOnly: { type: "tag", values: tags } }), AXE_TAGS);
      checked += 1;
      for (const violation of result.violations) {
        const where = violation.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ");
        problems.push(`${site.name} /${pagePath}: ${violation.id} (${violation.impact}): ${violation.help} at ${where}`);
      }
    }
  }
  await context.close();
  assert.ok(checked >= 40, `only ${checked} pages were checked`);
  assert.deepEqual(problems, [], `axe violations:\n${problems.join("\n")}`);
});

it("no page breaks its own Content-Security-Policy or throws a script error", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  let loaded = 0;
  for (const site of sites) {
    // 404 pages link from the base URL's path, which this test server does not use.
    for (const pagePath of site.pages.filter((p) => !p.endsWith("404.html"))) {
      const query = pagePath.includes("sok/") || pagePath.includes("search/") ? "?q=call" : "";
      const response = await page.goto(site.url + pagePath + query);
      await page.waitForLoadState("load");
      assert.equal(response.status(), 200, pagePath);
      loaded += 1;
    }
  }
  await context.close();
  assert.ok(loaded >= 40);
  assert.deepEqual(problems, [], problems.join("\n"));
});

it("the Nu Html Checker finds no error in any page", () => {
  const jar = path.join(path.dirname(require.resolve("vnu-jar/package.json")), "build", "dist", "vnu.jar");
  for (const site of sites) {
    const result = spawnSync("java", ["-jar", jar, "--errors-only", "--skip-non-html", site.out], { encoding: "utf8" });
    assert.equal(result.error, undefined, `Java could not run vnu: ${result.error}`);
    assert.equal(result.status, 0, `vnu errors in ${site.name}:\n${result.stderr}${result.stdout}`);
  }
});

/// The kinds of page people meet most: the home page, an article and a dataset page.
function keyPages(site) {
  const article = site.pages.find((p) => p.startsWith("nyheter/") && p.split("/").length === 3 && !p.includes("sida"));
  const dataset = site.pages.find((p) => p.startsWith("statistik/") && p.split("/").length === 3);
  return [["home", ""], ["article", article], ["dataset", dataset]];
}

it("the keyboard reaches every link and control, the skip link first, with focus always visible", async () => {
  const site = sites[0];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  for (const [kind, pagePath] of keyPages(site)) {
    assert.ok(pagePath !== undefined, `no ${kind} page`);
    await page.goto(site.url + pagePath);
    await page.keyboard.press("Tab");
    const first = await page.evaluate(() => document.activeElement.getAttribute("href"));
    assert.equal(first, "#main", `${kind}: the first Tab stop is the skip link`);
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement.id), "main", `${kind}: the skip link moves focus to the main content`);

    await page.goto(site.url + pagePath);
    const focusable = await page.evaluate(() => {
      const all = [...document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])")];
      all.forEach((element, i) => element.setAttribute("data-focus-id", String(i)));
      return all.filter((e) => e.getClientRects().length > 0 || e.classList.contains("skip-link")).map((e) => e.getAttribute("data-focus-id"));
    });
    const reached = new Set();
    for (let i = 0; i < focusable.length + 5; i++) {
      await page.keyboard.press("Tab");
      const state = await page.evaluate(() => {
        const element = document.activeElement;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        const visible = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
        return { id: element.getAttribute("data-focus-id"), visible, label: element.outerHTML.slice(0, 80) };
      });
      if (!state) continue;
      assert.ok(state.visible, `${kind}: focus is not visible on ${state.label}`);
      reached.add(state.id);
    }
    const missed = focusable.filter((id) => !reached.has(id));
    assert.deepEqual(missed, [], `${kind}: never reached by Tab`);
  }
  await context.close();
});

it("pages never scroll sideways at 320 px, and screenshots at 320 px, 1280 px and 200 % zoom are written", async () => {
  const site = sites[0];
  const sizes = [
    ["320", { viewport: { width: 320, height: 640 } }],
    ["1280", { viewport: { width: 1280, height: 900 } }],
    // 200 % zoom of a 1280 px window: half as many CSS pixels, twice as dense.
    ["1280-zoom200", { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 }],
  ];
  for (const [label, options] of sizes) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    for (const [kind, pagePath] of keyPages(site)) {
      await page.goto(site.url + pagePath);
      const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
      if (label === "320") {
        assert.ok(scroll <= width, `${kind} at 320 px scrolls sideways: ${scroll} > ${width}`);
      }
      const file = path.join(screenshots, `${kind}-${label}.png`);
      await page.screenshot({ path: file, fullPage: true });
      assert.ok(fs.statSync(file).size > 1000, `${file} is empty`);
    }
    await context.close();
  }
});

it("search finds the seed article from “call-in” in both languages, under the pages' own policy", async () => {
  const site = sites[0];
  const context = await browser.newContext();
  const page = await context.newPage();
  const cases = [
    ["sok/", "Nytt möte med kriminella i Sluta skjut", "möte"],
    ["en/search/", "New meeting with criminals in Sluta skjut", "meeting"],
  ];
  for (const [searchPath, title, word] of cases) {
    // A shared address opens with the query in the box and its results shown.
    await page.goto(`${site.url}${searchPath}?q=call-in`);
    await page.waitForSelector("#search-results ol li a");
    assert.equal(await page.inputValue("#search-query"), "call-in", `${searchPath}: the box holds the query`);
    const hits = await page.$$eval("#search-results ol li a", (links) => links.map((a) => a.textContent));
    assert.ok(hits.includes(title), `${searchPath}: ${hits}`);
    const before = await page.evaluate(() => history.length);
    await page.fill("#search-query", word);
    const typed = await page.$$eval("#search-results ol li a", (links) => links.map((a) => a.textContent));
    assert.ok(typed.includes(title), `${searchPath}: “${word}” found ${typed}`);
    // Typing keeps the query in the address, replacing it rather than adding history.
    assert.equal(await page.evaluate(() => new URLSearchParams(location.search).get("q")), word, `${searchPath}: the address holds the query`);
    assert.equal(await page.evaluate(() => history.length), before, `${searchPath}: typing adds no history`);
    // The address opens the same results again.
    await page.reload();
    await page.waitForSelector("#search-results ol li a");
    const again = await page.$$eval("#search-results ol li a", (links) => links.map((a) => a.textContent));
    assert.deepEqual(again, typed, `${searchPath}: the address gives the same results`);
    // An emptied box leaves no ?q= behind.
    await page.fill("#search-query", "");
    assert.equal(await page.evaluate(() => location.search), "", `${searchPath}: an empty search leaves the address bare`);
  }
  // The header's form on any other page sends its query to the search page, which shows its results.
  await page.goto(`${site.url}en/`);
  await page.fill("#site-search-query", "call-in");
  await Promise.all([page.waitForURL(/\/en\/search\/\?q=call-in$/), page.press("#site-search-query", "Enter")]);
  await page.waitForSelector("#search-results ol li a");
  assert.equal(await page.inputValue("#search-query"), "call-in");
  await context.close();
});

it("chart labels never overlap or leave the chart and stay at least 12 px, at 320 and 1280 px, for 12 to 60 months; the drawing is one image to screen readers", async () => {
  const site = sites.find((s) => s.name === "charts");
  const charts = site.pages.filter((p) => /^(en\/statistics|statistik)\/manader-\d+\/$/.test(p));
  assert.equal(charts.length, 8, `chart pages: ${charts}`);
  const problems = [];
  const report = [];
  for (const width of [320, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const pagePath of charts) {
      await page.goto(site.url + pagePath);
      const found = await page.evaluate(() => {
        const svg = document.querySelector("svg.chart");
        const box = (r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
        // The size text is drawn at: its font size times the chart's scale on screen.
        const drawn = (text) => parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a;
        const shown = (text) => getComputedStyle(text).display !== "none" && text.getBoundingClientRect().width > 0;
        const texts = [...svg.querySelectorAll("text")].filter(shown);
        // Labels under the axis are centred on their period; the others are values and the legend.
        const xLabels = texts.filter((t) => t.getAttribute("text-anchor") === "middle");
        return {
          svg: box(svg.getBoundingClientRect()),
          figure: box((svg.closest(".chart-box") || svg.parentElement).getBoundingClientRect()),
          labels: xLabels.map((t) => ({ text: t.textContent, size: drawn(t), ...box(t.getBoundingClientRect()) })),
          smallest: Math.min(...texts.map(drawn)),
        };
      });
      const where = `${pagePath} at ${width} px`;
      // Screen readers get the chart's title and description, and the table
      // beside it the figures: none of the drawing's own text, in any browser.
      const loose = await page.evaluate(() => [...document.querySelectorAll("svg.chart text")].filter((t) => !t.closest("[aria-hidden='true']")).length);
      if (loose > 0) problems.push(`${where}: ${loose} texts of the drawing are not aria-hidden`);
      const tree = await page.locator("svg.chart").ariaSnapshot();
      if (tree.trim().split("\n").length !== 1 || !tree.includes("- 'img \"") && !tree.includes("- img \"")) {
        problems.push(`${where}: the chart is not one image to assistive technology:\n${tree}`);
      }
      const { labels } = found;
      const byLeft = [...labels].sort((a, b) => a.left - b.left);
      const gap = Math.min(...byLeft.slice(1).map((b, i) => b.left - byLeft[i].right));
      report.push(`${where}: ${labels.length} labels (${labels.map((l) => l.text).join(", ")}), text ${found.smallest.toFixed(1)} px, labels at least ${gap.toFixed(1)} px apart`);
      if (labels.length < 2) problems.push(`${where}: only ${labels.length} period labels`);
      if (found.smallest < 12) problems.push(`${where}: text drawn at ${found.smallest.toFixed(1)} px, under 12 px`);
      for (const [i, a] of labels.entries()) {
        for (const outer of [found.svg, found.figure]) {
          if (a.left < outer.left - 0.5 || a.right > outer.right + 0.5 || a.top < outer.top - 0.5 || a.bottom > outer.bottom + 0.5) {
            problems.push(`${where}: “${a.text}” (${a.left.toFixed(1)}–${a.right.toFixed(1)}) runs outside the chart (${outer.left.toFixed(1)}–${outer.right.toFixed(1)})`);
          }
        }
        for (const b of labels.slice(i + 1)) {
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
            problems.push(`${where}: “${a.text}” (${a.left.toFixed(1)}–${a.right.toFixed(1)}) overlaps “${b.text}” (${b.left.toFixed(1)}–${b.right.toFixed(1)})`);
          }
        }
      }
    }
    await context.close();
  }
  console.log(report.join("\n"));
  assert.deepEqual(problems, [], problems.join("\n"));
});

it("Finnish and Arabic pages never scroll sideways at 320 px; screenshots of them at 320 and 1280 px are written", async () => {
  const site = sites.find((s) => s.name === "languages");
  const cases = [
    ["fi-article", "fi/uutiset/ensimmainen-kokous/"],
    ["fi-dataset", "fi/tilastot/testserie/"],
    ["ar-home", "ar/"],
    ["ar-article", "ar/akhbar/alajtma-alawl/"],
    ["ar-dataset", "ar/ihsaat/testserie/"],
  ];
  for (const width of [320, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const [kind, pagePath] of cases) {
      assert.ok(site.pages.includes(pagePath), `no page ${pagePath}`);
      await page.goto(site.url + pagePath);
      const { scroll, inner, dir } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth, dir: document.documentElement.dir }));
      assert.equal(dir, kind.startsWith("ar") ? "rtl" : "", `${kind}: <html dir>`);
      if (width === 320) assert.ok(scroll <= inner, `${kind} at 320 px scrolls sideways: ${scroll} > ${inner}`);
      const file = path.join(screenshots, `${kind}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      assert.ok(fs.statSync(file).size > 1000, `${file} is empty`);
    }
    await context.close();
  }
});
