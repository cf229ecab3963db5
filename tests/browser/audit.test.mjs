// The accessibility audit of the bundled Malmö site behind its accessibility
// statement (content/tillganglighet/, `accessibility:` in site.yaml): what a
// browser can assert of the WCAG 2.1 AA criteria tools like axe leave to
// people. Every page: the language of parts (3.1.2), tables (1.3.1),
// headings and labels (2.4.6), keyboard (2.1.1, 2.4.7), 320 px (1.4.10),
// text spacing (1.4.12);
// the charts' contrast (1.4.11); the statement's required parts, and the
// footer link to it on every page. Run with the rest: `bash tests/run`.

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

const haveBrowser = fs.existsSync(CHROMIUM);
if (!haveBrowser && !process.env.CI) {
  console.warn(`\n!!! AUDIT TESTS SKIPPED !!!\nNo browser at ${CHROMIUM}.\n`);
}
const it = haveBrowser ? test : test.skip;

/// Swedish titles of sources on English pages, which must be marked `lang="sv"`.
const SWEDISH_ON_ENGLISH_PAGES = {
  "en/about-sluta-skjut/": [
    "Våldsdrivande aktörer i Malmö kallades till möte",
    "Sluta skjut – möten som ska minska dödligt våld",
    "Stort intresse för Sluta skjut",
    "Nu ska det grova våldet minska ytterligare – Sluta skjut fortsätter",
    "Utvärdering av Sluta skjut visar att modellen kan vara användbar i fler svenska städer",
    "Färre skjutningar i Malmö efter Sluta skjut",
    "Sluta skjut tros ligga bakom minskande skjutningar enligt ny forskning",
    "Färre skjutningar i Malmö sedan Sluta skjut infördes",
    "Uppföljning av Sluta skjut",
    "Antal anmälda brott 1996–2018",
  ],
};

/// English names on Swedish pages, marked `lang="en"` so screen readers say them in English.
const ENGLISH_ON_SWEDISH_PAGES = {
  "": ["Group Violence Intervention"],
  "om-sluta-skjut/": ["Group Violence Intervention", "National Network for Safe Communities", "John Jay College"],
};

/// Words with å, ä or ö that may stand unmarked on an English page: names of places and bodies.
const NAMES = new Set(["Malmö", "Malmö’s", "Malmö's", "Brå", "Brå’s", "Brå's"]);

let browser;
let server;
let base;
let pagePaths;

before(async () => {
  if (!haveBrowser) return;
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "torget-audit-")), "public");
  const result = spawnSync(torget, ["build", "--site", repo, "--out", out, "--now", NOW, "--quiet"], { encoding: "utf8" });
  assert.equal(result.status, 0, `building the bundled site failed:\n${result.stderr}`);
  server = await new Promise((resolve) => {
    const s = createServer((request, response) => {
      let name = decodeURIComponent(new URL(request.url, "http://127.0.0.1").pathname);
      if (name.split("/").includes("..")) return response.writeHead(403).end();
      if (name.endsWith("/")) name += "index.html";
      fs.readFile(path.join(out, name), (error, data) => {
        if (error) return response.writeHead(404).end("not found");
        const type = name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".css") ? "text/css" : name.endsWith(".js") ? "text/javascript" : name.endsWith(".svg") ? "image/svg+xml" : "application/octet-stream";
        response.writeHead(200, { "content-type": type }).end(data);
      });
    });
    s.listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${server.address().port}/`;
  const found = [];
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "index.html") found.push(path.relative(out, folder).split(path.sep).join("/"));
    }
  };
  walk(out);
  pagePaths = found.sort().map((p) => (p === "" ? "" : `${p}/`));
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
});

/// Runs `check(page, pagePath)` on every page of the bundled site, at `viewport`.
async function everyPage(check, viewport = { width: 1280, height: 900 }) {
  // The text-spacing test adds a style sheet, which the pages' own policy forbids.
  const context = await browser.newContext({ viewport, bypassCSP: true });
  const page = await context.newPage();
  for (const pagePath of pagePaths) {
    await page.goto(base + pagePath);
    await check(page, pagePath);
  }
  await context.close();
}

it("the audit covers every page of the bundled site", () => {
  assert.ok(pagePaths.length >= 30, `only ${pagePaths.length} pages`);
  assert.ok(pagePaths.includes("tillganglighetsredogorelse/") && pagePaths.includes("en/accessibility-statement/"));
});

it("3.1.2: Swedish text on English pages and English names on Swedish pages carry their language", async () => {
  const problems = [];
  await everyPage(async (page, pagePath) => {
    const found = await page.evaluate(() => {
      const langOf = (node) => (node.parentElement.closest("[lang]") || document.documentElement).getAttribute("lang");
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const texts = [];
      while (walker.nextNode()) {
        const node = walker.currentNode;
        if (node.parentElement.closest("script, style") || !node.textContent.trim()) continue;
        texts.push({ text: node.textContent, lang: langOf(node) });
      }
      return { page: document.documentElement.lang, texts };
    });
    // Whole phrases known to be in the other language.
    const expected = found.page === "en" ? SWEDISH_ON_ENGLISH_PAGES[pagePath] : ENGLISH_ON_SWEDISH_PAGES[pagePath];
    const other = found.page === "en" ? "sv" : "en";
    for (const phrase of expected || []) {
      const holders = found.texts.filter((t) => t.text.includes(phrase));
      if (holders.length === 0) problems.push(`/${pagePath}: “${phrase}” is not on the page`);
      for (const holder of holders.filter((t) => t.lang !== other)) problems.push(`/${pagePath}: “${phrase}” is marked ${holder.lang}, not ${other}`);
    }
    // Any word with Swedish letters on an English page, names aside.
    if (found.page === "en") {
      for (const { text, lang } of found.texts.filter((t) => t.lang === "en")) {
        for (const word of text.split(/[\s,.;:()“”"]+/).filter((w) => /[åäöÅÄÖ]/.test(w) && !NAMES.has(w))) {
          problems.push(`/${pagePath}: the Swedish word “${word}” stands in English text: ${text.trim().slice(0, 80)}`);
        }
      }
    }
  });
  assert.deepEqual(problems, [], problems.join("\n"));
});

it("1.3.1, 2.4.4 and 2.4.6: links named by words, one h1, headings in order and not empty, tables with captions and header scopes, labelled controls", async () => {
  const problems = [];
  await everyPage(async (page, pagePath) => {
    const found = await page.evaluate(() => {
      const issues = [];
      const main = document.querySelector("main");
      const headings = [...main.querySelectorAll("h1, h2, h3, h4, h5, h6")];
      if (headings.filter((h) => h.tagName === "H1").length !== 1) issues.push("not exactly one h1");
      let previous = 0;
      for (const h of headings) {
        const level = Number(h.tagName[1]);
        if (previous && level > previous + 1) issues.push(`${h.tagName} “${h.textContent}” skips a level after h${previous}`);
        if (!h.textContent.trim()) issues.push(`an empty ${h.tagName}`);
        previous = level;
      }
      for (const table of document.querySelectorAll("table")) {
        if (!table.querySelector("caption")?.textContent.trim()) issues.push("a table without a caption");
        for (const th of table.querySelectorAll("th")) {
          if (!["col", "row", "colgroup", "rowgroup"].includes(th.getAttribute("scope"))) issues.push(`th “${th.textContent}” has no scope`);
        }
        if (!table.querySelector("th")) issues.push("a table without header cells");
      }
      for (const control of document.querySelectorAll("input, select, textarea, button")) {
        const named = control.labels?.length || control.getAttribute("aria-label") || (control.tagName === "BUTTON" && control.textContent.trim());
        if (!named) issues.push(`${control.outerHTML.slice(0, 60)} has no label`);
      }
      // 2.4.4: a link named by a number alone ("1") says nothing in a screen reader's list of links.
      for (const link of document.querySelectorAll("a[href]")) {
        const name = (link.getAttribute("aria-label") || link.textContent).trim();
        if (/^[\d\s.,]*$/.test(name)) issues.push(`the link “${name}” to ${link.getAttribute("href")} is named by no words`);
      }
      for (const nav of document.querySelectorAll("nav, [role=search]")) {
        if (!nav.getAttribute("aria-label") && !nav.getAttribute("aria-labelledby")) issues.push(`${nav.tagName} without a name`);
      }
      return issues;
    });
    problems.push(...found.map((issue) => `/${pagePath}: ${issue}`));
  });
  assert.deepEqual(problems, [], problems.join("\n"));
});

it("2.1.1 and 2.4.7: the keyboard reaches every link and control of every page, focus always visible", async () => {
  const problems = [];
  await everyPage(async (page, pagePath) => {
    const focusable = await page.evaluate(() => {
      const all = [...document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])")];
      all.forEach((element, i) => element.setAttribute("data-focus-id", String(i)));
      return all.filter((e) => e.getClientRects().length > 0 || e.classList.contains("skip-link")).map((e) => e.getAttribute("data-focus-id"));
    });
    const reached = new Set();
    for (let i = 0; i < focusable.length + 3; i++) {
      await page.keyboard.press("Tab");
      const state = await page.evaluate(() => {
        const element = document.activeElement;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        const visible = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
        return { id: element.getAttribute("data-focus-id"), visible, label: element.outerHTML.slice(0, 80) };
      });
      if (!state) continue;
      if (!state.visible) problems.push(`/${pagePath}: focus is not visible on ${state.label}`);
      reached.add(state.id);
    }
    const missed = focusable.filter((id) => !reached.has(id));
    if (missed.length) problems.push(`/${pagePath}: ${missed.length} of ${focusable.length} links and controls never reached by Tab`);
  });
  assert.deepEqual(problems, [], problems.join("\n"));
});

it("1.4.10: no page scrolls sideways at 320 px", async () => {
  const problems = [];
  await everyPage(async (page, pagePath) => {
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    if (scroll > width) problems.push(`/${pagePath}: ${scroll} px wide in a 320 px window`);
  }, { width: 320, height: 640 });
  assert.deepEqual(problems, [], problems.join("\n"));
});

it("1.4.12: with WCAG's text spacing no page scrolls sideways, clips text or overlaps chart labels, at 320 and 1280 px", async () => {
  const problems = [];
  for (const width of [320, 1280]) {
    await everyPage(async (page, pagePath) => {
      // The spacing 1.4.12 asks pages to survive, as a reader's style sheet sets it.
      await page.addStyleTag({ content: "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }" });
      const found = await page.evaluate(() => {
        const issues = [];
        if (document.documentElement.scrollWidth > window.innerWidth) issues.push(`${document.documentElement.scrollWidth} px wide`);
        for (const svg of document.querySelectorAll("svg.chart")) {
          const shown = [...svg.querySelectorAll("text")].filter((t) => getComputedStyle(t).display !== "none" && t.getBoundingClientRect().width > 0);
          const boxes = shown.filter((t) => t.getAttribute("text-anchor") === "middle").map((t) => t.getBoundingClientRect());
          boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
            if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) issues.push("chart labels overlap");
          }));
          const outer = svg.getBoundingClientRect();
          for (const t of shown) {
            const r = t.getBoundingClientRect();
            if (r.left < outer.left - 0.5 || r.right > outer.right + 0.5) issues.push(`“${t.textContent}” runs outside its chart`);
          }
        }
        for (const element of document.querySelectorAll("body *")) {
          const style = getComputedStyle(element);
          if ((style.overflowX === "hidden" || style.overflow === "hidden") && element.tagName !== "svg" && !element.classList.contains("visually-hidden") && element.scrollWidth > element.clientWidth + 1) {
            issues.push(`text clipped in ${element.tagName.toLowerCase()}.${element.className}`);
          }
        }
        return issues;
      });
      problems.push(...found.map((issue) => `/${pagePath} at ${width} px: ${issue}`));
    }, { width, height: 800 });
  }
  assert.deepEqual(problems, [], problems.join("\n"));
});

it("1.4.11: the lines and points of every chart have at least 3:1 contrast with the page", async () => {
  const problems = [];
  let marks = 0;
  await everyPage(async (page, pagePath) => {
    const found = await page.evaluate(() => {
      const rgb = (color) => {
        const probe = document.createElement("span");
        probe.style.color = color;
        document.body.appendChild(probe);
        const [r, g, b] = getComputedStyle(probe).color.match(/\d+(\.\d+)?/g).map(Number);
        probe.remove();
        return [r, g, b];
      };
      const luminance = ([r, g, b]) => {
        const c = [r, g, b].map((v) => {
          v /= 255;
          return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
      };
      const ratio = (a, b) => {
        const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
        return (x + 0.05) / (y + 0.05);
      };
      const results = [];
      for (const svg of document.querySelectorAll("svg.chart")) {
        let box = svg;
        let background = "rgba(0, 0, 0, 0)";
        while (box && /rgba\(0, 0, 0, 0\)|transparent/.test(background)) {
          background = getComputedStyle(box).backgroundColor;
          box = box.parentElement;
        }
        if (/rgba\(0, 0, 0, 0\)|transparent/.test(background)) background = "#fff";
        // The marks that carry the figures: lines and points, not the grid
        // behind them. A mark's edge is its stroke where it has one (a hollow
        // point, for a part-year value, is white inside a coloured ring).
        const painted = (paint) => paint && paint !== "none" && paint !== "transparent";
        for (const mark of svg.querySelectorAll("line:not(.grid), polyline, path, circle, rect")) {
          const stroke = mark.getAttribute("stroke");
          const stroked = painted(stroke) && parseFloat(mark.getAttribute("stroke-width") ?? "1") > 0;
          const paint = stroked ? stroke : mark.getAttribute("fill");
          if (!painted(paint)) continue;
          results.push({ paint, contrast: ratio(rgb(paint), rgb(background)) });
        }
      }
      return results;
    });
    marks += found.length;
    for (const { paint, contrast } of found) {
      if (contrast < 3) problems.push(`/${pagePath}: a chart mark in ${paint} has ${contrast.toFixed(2)}:1 contrast`);
    }
  });
  assert.ok(marks > 50, `only ${marks} chart marks were found`);
  assert.deepEqual([...new Set(problems)], [], problems.join("\n"));
});

it("the statement has every part DIGG requires, in both languages, and every page's footer links to it", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const statements = {
    sv: { path: "tillganglighetsredogorelse/", parts: ["Sluta skjut – Malmö stad är helt förenlig med lagen", "Malmö stad står bakom webbplatsen Sluta skjut – Malmö stad", "Den senaste bedömningen gjordes den 30 november 2026", "Redogörelsen uppdaterades senast den 30 november 2026", "Innehåll som inte omfattas av lagen", "Oskäligt betungande anpassning", "självskattning"] },
    en: { path: "en/accessibility-statement/", parts: ["Sluta skjut – City of Malmö is fully compliant with the Act", "The City of Malmö is responsible for the website Sluta skjut – City of Malmö", "The latest assessment was made on 30 November 2026", "This statement was last updated on 30 November 2026", "Content outside the scope of the law", "Disproportionate burden", "self-assessment"] },
  };
  for (const [lang, { path: statementPath, parts }] of Object.entries(statements)) {
    await page.goto(base + statementPath);
    const text = (await page.locator(".statement").innerText()).replace(/\s+/g, " ");
    for (const part of parts) assert.ok(text.includes(part), `${lang}: the statement lacks “${part}”`);
    assert.equal(await page.locator(".statement a[href='https://www.digg.se/tdosanmalan']").count(), 1, `${lang}: the link to DIGG's form`);
    assert.ok((await page.locator(".statement .feedback a").count()) >= 1, `${lang}: a feedback channel`);
    assert.equal(await page.locator(".statement time[datetime='2026-11-30']").count(), 2, `${lang}: the dates of the assessment and the statement`);
  }
  const missing = [];
  for (const pagePath of pagePaths) {
    await page.goto(base + pagePath);
    const lang = await page.evaluate(() => document.documentElement.lang);
    const targets = await page.$$eval(".site-footer a", (links) => links.map((a) => a.href));
    if (!targets.includes(base + statements[lang].path)) missing.push(`/${pagePath}`);
  }
  await context.close();
  assert.deepEqual(missing, [], `pages whose footer does not link to the statement in their language:\n${missing.join("\n")}`);
});
