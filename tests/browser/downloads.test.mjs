// The JSON-stat downloads read with the JSON-stat project's own JavaScript
// reader (jsonstat-toolkit), as a program using the open data would: values
// and statuses by dimension, and the same figures as the CSV beside them.
//
// Run from the repository root with `bash tests/run`, which builds torget first.

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import JSONstat from "jsonstat-toolkit";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const torget = path.join(repo, "target", "debug", "torget");
const NOW = "2026-11-24";

function build(name, dir) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `torget-${name}-`)), "public");
  const result = spawnSync(torget, ["build", "--site", dir, "--out", out, "--now", NOW, "--quiet"], { encoding: "utf8" });
  assert.equal(result.status, 0, `building ${name} failed:\n${result.stderr}`);
  return out;
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, "utf8"));

/// RFC 4180 rows: fields split at commas outside quotes, `""` a quote inside them.
function csvRows(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === "," && !quoted) {
      row.push(field);
      field = "";
    } else if (c === "\n" && !quoted) {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (c !== "\r" || quoted) {
      field += c;
    }
  }
  if (field !== "" || row.length) rows.push([...row, field]);
  return rows;
}

/// Every cell of a JSON-stat dataset agrees with the CSV beside it: the value
/// in the series' column, the status letters in its `_status` column.
function assertAgreesWithCsv(dataset, csvFile) {
  const [header, ...rows] = csvRows(fs.readFileSync(csvFile, "utf8"));
  const [timeId] = dataset.role.time;
  const [metricId] = dataset.role.metric;
  const time = dataset.Dimension(timeId);
  const metric = dataset.Dimension(metricId);
  assert.deepEqual(time.id, rows.map((r) => r[0]), `${csvFile}: periods`);
  for (const series of metric.id) {
    const valueAt = header.indexOf(series);
    const statusAt = header.indexOf(`${series}_status`);
    assert.ok(valueAt > 0 && statusAt > 0, `${csvFile}: columns of ${series}`);
    for (const row of rows) {
      const cell = dataset.Data({ [metricId]: series, [timeId]: row[0] });
      const value = row[valueAt] === "" ? null : Number(row[valueAt]);
      assert.equal(cell.value, value, `${csvFile}: ${series} ${row[0]}`);
      assert.equal(cell.status ?? "", row[statusAt], `${csvFile}: status of ${series} ${row[0]}`);
    }
  }
}

test("jsonstat-toolkit reads a fixture's JSON-stat file: dimensions, values, statuses", () => {
  const out = build("downloads", path.join(repo, "tests", "fixtures", "downloads"));
  const folder = path.join(out, "statistik", "arenden");
  const dataset = JSONstat(readJson(path.join(folder, "arenden.jsonstat.json"))).Dataset(0);
  assert.equal(dataset.class, "dataset");
  assert.equal(dataset.label, "Ärenden per kvartal");
  assert.equal(dataset.updated, "2024-07-01");
  assert.deepEqual(dataset.id, ["series", "period"]);
  assert.equal(dataset.n, 8);
  assert.deepEqual(dataset.role.time, ["period"]);
  assert.deepEqual(dataset.role.metric, ["series"]);
  const period = dataset.Dimension("period");
  assert.deepEqual(period.id, ["2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2"]);
  assert.equal(period.Category("2024-Q2").label, "kv.\u00a02 2024");
  const closed = dataset.Dimension("series").Category("avslutade");
  assert.equal(closed.label, "Avslutade ärenden");
  // Each series with its own decimals: the closed cases are whole numbers.
  assert.deepEqual(closed.unit, { label: "ärenden", decimals: 0 });

  const at = (series, period) => dataset.Data({ series, period });
  assert.deepEqual(at("inkomna-arenden", "2023-Q3"), { value: 100, status: null });
  assert.deepEqual(at("inkomna-arenden", "2023-Q4"), { value: 112, status: "r" });
  assert.deepEqual(at("inkomna-arenden", "2024-Q1"), { value: null, status: "x" });
  assert.deepEqual(at("inkomna-arenden", "2024-Q2"), { value: 57.5, status: "dp" });
  assert.deepEqual(at("avslutade", "2024-Q1"), { value: null, status: null });
  assert.deepEqual(at("avslutade", "2024-Q2"), { value: 40, status: "p" });
  assert.match(dataset.extension.status.label.d, /^\[d\] /);

  // The reader's table of the whole dataset: one row per cell, statuses included.
  const table = dataset.Transform({ type: "arrobj", content: "id", status: true });
  assert.equal(table.length, 8);
  assert.deepEqual(table[3], { series: "inkomna-arenden", period: "2024-Q2", value: 57.5, status: "dp" });

  assertAgreesWithCsv(dataset, path.join(folder, "arenden.csv"));
  const visits = JSONstat(readJson(path.join(out, "statistik", "besok", "besok.jsonstat.json"))).Dataset(0);
  assertAgreesWithCsv(visits, path.join(out, "statistik", "besok", "besok.csv"));
});

test("jsonstat-toolkit reads every JSON-stat file of the bundled site, agreeing with its CSV", () => {
  const out = build("bundled", repo);
  const folder = path.join(out, "statistik");
  const ids = fs.readdirSync(folder).filter((id) => fs.existsSync(path.join(folder, id, `${id}.jsonstat.json`)));
  assert.equal(ids.length, 5, `datasets found: ${ids}`);
  for (const id of ids) {
    const dataset = JSONstat(readJson(path.join(folder, id, `${id}.jsonstat.json`))).Dataset(0);
    assert.equal(dataset.class, "dataset", id);
    assert.equal(dataset.n, dataset.value.length, id);
    assert.ok(dataset.source, `${id} names its source`);
    assertAgreesWithCsv(dataset, path.join(folder, id, `${id}.csv`));
  }
  // The police's figures for 2024 cover part of the year and are provisional.
  const shootings = JSONstat(readJson(path.join(folder, "skjutningar-malmo", "skjutningar-malmo.jsonstat.json"))).Dataset(0);
  assert.deepEqual(shootings.Data({ series: "shootings", period: "2024" }), { value: 8, status: "dp" });
});
