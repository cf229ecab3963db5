//! The downloads beside each dataset page, read back as their users read
//! them: the CSV with the `csv` crate, its CSV on the Web metadata against
//! the members the W3C's tabular metadata requires, the JSON-stat file
//! against JSON-stat 2.0's required members, and the older JSON.
//!
//! The fixture `tests/fixtures/downloads` has made-up figures: two series by
//! quarter with statuses, a gap and a missing period, and one by year.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    assert_success(&build(&fixture("downloads"), &out, &[]));
    (tmp, out)
}

const LANGUAGES: [&str; 2] = ["sv", "en"];

fn json(out: &Path, relative: &str) -> Value {
    serde_json::from_str(&read(out, relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// The CSV as its header and rows of cells, read with the `csv` crate.
fn csv(out: &Path, relative: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let text = read(out, relative);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// The cell of `column` in the row of `period`.
fn cell<'a>(header: &[String], rows: &'a [Vec<String>], period: &str, column: &str) -> &'a str {
    let at = header
        .iter()
        .position(|h| h == column)
        .unwrap_or_else(|| panic!("no {column}"));
    let row = rows
        .iter()
        .find(|r| r[0] == period)
        .unwrap_or_else(|| panic!("no {period}"));
    &row[at]
}

#[test]
fn the_csv_has_a_value_and_a_status_column_per_series() {
    let (_tmp, out) = built();
    let (header, rows) = csv(&out, "statistik/arenden/arenden.csv");
    let columns: Vec<&str> = header.iter().map(String::as_str).collect();
    assert_eq!(
        columns,
        [
            "period",
            "inkomna-arenden",
            "inkomna-arenden_status",
            "inkomna-arenden_partial",
            "inkomna-arenden_preliminary",
            "inkomna-arenden_note_sv",
            "inkomna-arenden_note_en",
            "avslutade",
            "avslutade_status",
            "avslutade_partial",
            "avslutade_preliminary",
            "avslutade_note_sv",
            "avslutade_note_en",
        ]
    );
    let periods: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(periods, ["2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2"]);
    assert!(rows.iter().all(|r| r.len() == header.len()));
    let at = |period, column| cell(&header, &rows, period, column);
    assert_eq!(at("2023-Q3", "inkomna-arenden"), "100");
    assert_eq!(at("2023-Q3", "inkomna-arenden_status"), "");
    assert_eq!(at("2023-Q4", "inkomna-arenden_status"), "r");
    // A figure withheld as not available: no value, its status kept.
    assert_eq!(at("2024-Q1", "inkomna-arenden"), "");
    assert_eq!(at("2024-Q1", "inkomna-arenden_status"), "x");
    assert_eq!(
        at("2024-Q1", "inkomna-arenden_note_sv"),
        "Uppgift saknas, se \"noter\"."
    );
    assert_eq!(at("2024-Q2", "inkomna-arenden"), "57.5");
    assert_eq!(at("2024-Q2", "inkomna-arenden_status"), "dp");
    assert_eq!(at("2024-Q2", "inkomna-arenden_partial"), "true");
    assert_eq!(at("2024-Q2", "inkomna-arenden_preliminary"), "true");
    // A period one series lacks: empty cells.
    assert_eq!(at("2024-Q1", "avslutade"), "");
    assert_eq!(at("2024-Q1", "avslutade_status"), "");
    assert_eq!(at("2024-Q2", "avslutade_status"), "p");
    assert_eq!(at("2024-Q2", "avslutade_partial"), "false");
    assert_eq!(at("2024-Q2", "avslutade_preliminary"), "true");

    let (header, rows) = csv(&out, "statistik/besok/besok.csv");
    assert_eq!(header[..3], ["period", "besok", "besok_status"]);
    let statuses: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[1].as_str(), r[2].as_str()))
        .collect();
    assert_eq!(
        statuses,
        [("1200", ""), ("1350", "b"), ("", "c"), ("1500", "")]
    );
}

#[test]
fn the_csv_metadata_describes_every_column_in_every_language() {
    let (_tmp, out) = built();
    for id in ["arenden", "besok"] {
        assert_csvw_describes_the_csv(&out, &format!("statistik/{id}/"), id, &LANGUAGES);
    }

    let metadata = json(&out, "statistik/arenden/arenden.csv-metadata.json");
    assert_eq!(
        metadata["dc:publisher"]["@id"],
        "https://example.org/kontakt"
    );
    assert_eq!(
        language_tagged(&metadata["dc:publisher"]["schema:name"])[1].1,
        "Test Municipality"
    );
    let columns = metadata["tableSchema"]["columns"].as_array().unwrap();
    let column = |name: &str| {
        columns
            .iter()
            .find(|c| c["name"] == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    assert_eq!(column("period")["required"], true);
    assert_eq!(column("period")["titles"]["sv"], "Kvartal");
    assert_eq!(column("period")["titles"]["en"], "Quarter");
    assert_eq!(column("period")["datatype"]["base"], "string");
    assert_eq!(column("inkomna%2Darenden")["datatype"], "number");
    assert_eq!(
        column("inkomna%2Darenden")["titles"]["en"],
        "Cases received"
    );
    assert_eq!(column("avslutade")["titles"]["sv"], "Avslutade ärenden");
    assert_eq!(
        column("avslutade_status")["titles"]["en"],
        "Cases closed, status"
    );
    assert_eq!(column("inkomna%2Darenden_partial")["datatype"], "boolean");
    assert_eq!(column("avslutade_note_en")["lang"], "en");
    // Every status cell matches the status column's format.
    let format = column("inkomna%2Darenden_status")["datatype"]["format"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(format, "^d?p?r?x?c?z?b?$");
    assert_eq!(metadata["dc:modified"]["@value"], "2024-07-01");
    assert_eq!(metadata["dc:modified"]["@type"], "xsd:date");
    let sources: Vec<&str> = (metadata["dc:source"].as_array().unwrap().iter())
        .map(|s| s["@id"].as_str().unwrap())
        .collect();
    assert_eq!(
        sources,
        ["https://example.org/testdata", "https://example.org/annan"]
    );
    // The revisions, newest first, in every language.
    let notes = metadata["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0]["dc:created"]["@value"], "2024-07-01");
    assert_eq!(
        language_tagged(&notes[0]["rdfs:comment"]),
        [
            (
                "sv".to_string(),
                "Kv. 4 2023 reviderat från 110 till 112.".to_string()
            ),
            (
                "en".to_string(),
                "Q4 2023 revised from 110 to 112.".to_string()
            )
        ]
    );

    let besok = json(&out, "statistik/besok/besok.csv-metadata.json");
    assert_eq!(besok["tableSchema"]["columns"][0]["datatype"], "gYear");
    // No description written: the table's caption stands in, in every language.
    assert_eq!(
        language_tagged(&besok["dc:description"])[1].1,
        "Visits per year, 2020–2023 (visits)"
    );
    assert!(besok.get("notes").is_none());
}

/// The members CSVW's metadata vocabulary requires, and a column with
/// titles in every language for every column of the CSV it describes.
fn assert_csvw_describes_the_csv(out: &Path, folder: &str, id: &str, languages: &[&str]) {
    let metadata = json(out, &format!("{folder}{id}.csv-metadata.json"));
    assert_eq!(metadata["@context"], "http://www.w3.org/ns/csvw", "{id}");
    // `url` resolves, against the metadata's own address, to the CSV written beside it.
    let url = metadata["url"].as_str().unwrap();
    assert!(!url.contains(['/', ':']), "{id}: {url}");
    assert!(out.join(folder).join(url).is_file(), "{id}: {url}");
    assert_eq!(url, format!("{id}.csv"));
    let sources = metadata["dc:source"].as_array().unwrap();
    assert!(!sources.is_empty(), "{id}: no dc:source");
    let texts = [&metadata["dc:title"], &metadata["dc:description"]]
        .into_iter()
        .chain(sources.iter().map(|s| &s["schema:name"]));
    for text in texts {
        let tagged = language_tagged(text);
        assert_eq!(
            tagged.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>(),
            languages,
            "{id}: {text}"
        );
        assert!(tagged.iter().all(|(_, t)| !t.is_empty()), "{id}: {text}");
    }
    let schema = &metadata["tableSchema"];
    assert_eq!(schema["primaryKey"], "period");
    let columns = schema["columns"].as_array().unwrap();
    let (header, _) = csv(out, &format!("{folder}{url}"));
    assert_eq!(columns.len(), header.len(), "{id}");
    for (column, header) in columns.iter().zip(&header) {
        // The CSV's header is among the column's titles (language `und`), as
        // CSVW needs to match the file to its description.
        assert_eq!(column["titles"]["und"], header.as_str());
        for lang in languages {
            let title = column["titles"][lang].as_str().unwrap_or_default();
            assert!(!title.is_empty(), "{id} {header}: no title in {lang}");
        }
        let name = column["name"].as_str().unwrap();
        assert!(
            name.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'%')
                && !name.starts_with('_'),
            "{name} is not a URI template variable"
        );
        assert_eq!(name.replace("%2D", "-"), *header);
        assert!(
            column["datatype"].is_string() || column["datatype"]["base"].is_string(),
            "{id} {header}: {}",
            column["datatype"]
        );
    }
}

/// A JSON-LD array of language-tagged strings as (language, text) pairs.
fn language_tagged(value: &Value) -> Vec<(String, String)> {
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    items
        .into_iter()
        .map(|item| {
            (
                item["@language"].as_str().unwrap_or_default().to_string(),
                item["@value"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_json_stat_file_has_every_required_member_and_the_statuses() {
    let (_tmp, out) = built();
    for id in ["arenden", "besok"] {
        assert_json_stat_2(&out, &format!("statistik/{id}/"), id);
    }

    let stat = json(&out, "statistik/arenden/arenden.jsonstat.json");
    assert_eq!(stat["id"], serde_json::json!(["series", "period"]));
    assert_eq!(stat["size"], serde_json::json!([2, 4]));
    assert_eq!(stat["label"], "Ärenden per kvartal");
    assert_eq!(stat["source"], "Påhittad testkälla");
    assert_eq!(stat["updated"], "2024-07-01");
    let period = &stat["dimension"]["period"];
    assert_eq!(period["label"], "Kvartal");
    assert_eq!(
        period["category"]["index"],
        serde_json::json!(["2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2"])
    );
    assert_eq!(period["category"]["label"]["2024-Q1"], "kv.\u{a0}1 2024");
    let series = &stat["dimension"]["series"]["category"];
    assert_eq!(
        series["index"],
        serde_json::json!(["inkomna-arenden", "avslutade"])
    );
    assert_eq!(series["label"]["avslutade"], "Avslutade ärenden");
    assert_eq!(series["unit"]["avslutade"]["label"], "ärenden");
    // Each series with its own decimals: 57.5 received, whole numbers closed.
    assert_eq!(series["unit"]["inkomna-arenden"]["decimals"], 1);
    assert_eq!(series["unit"]["avslutade"]["decimals"], 0);
    // Series by series, periods in order; `null` where there is no figure.
    assert_eq!(
        stat["value"],
        serde_json::json!([100.0, 112.0, null, 57.5, 90.0, 95.0, null, 40.0])
    );
    assert_eq!(
        stat["status"],
        serde_json::json!({ "1": "r", "2": "x", "3": "dp", "7": "p" })
    );
    let labels = &stat["extension"]["status"]["label"];
    assert_eq!(
        labels.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["d", "p", "r", "x"]
    );
    assert!(labels["p"].as_str().unwrap().starts_with("[p] "));
    assert_eq!(
        stat["note"],
        serde_json::json!([
            "2024-07-01: Kv. 4 2023 reviderat från 110 till 112.",
            "2024-04-01: Första utgåvan."
        ])
    );
    for link in stat["link"]["alternate"]
        .as_array()
        .unwrap()
        .iter()
        .chain(stat["link"]["describedby"].as_array().unwrap())
    {
        let href = link["href"].as_str().unwrap();
        assert!(out.join("statistik/arenden").join(href).is_file(), "{href}");
    }

    let besok = json(&out, "statistik/besok/besok.jsonstat.json");
    assert_eq!(besok["size"], serde_json::json!([1, 4]));
    assert_eq!(besok["dimension"]["period"]["label"], "År");
    assert_eq!(besok["status"], serde_json::json!({ "1": "b", "2": "c" }));
    assert_eq!(besok["value"][2], Value::Null);
}

/// The members JSON-stat 2.0 requires of a dataset, consistent with each other.
fn assert_json_stat_2(out: &Path, folder: &str, id: &str) {
    let stat = json(out, &format!("{folder}{id}.jsonstat.json"));
    assert_eq!(stat["version"], "2.0", "{id}");
    assert_eq!(stat["class"], "dataset", "{id}");
    let ids: Vec<&str> = (stat["id"].as_array().unwrap().iter())
        .map(|v| v.as_str().unwrap())
        .collect();
    let size: Vec<usize> = (stat["size"].as_array().unwrap().iter())
        .map(|v| v.as_u64().unwrap() as usize)
        .collect();
    assert_eq!(ids.len(), size.len(), "{id}");
    for (dimension, size) in ids.iter().zip(&size) {
        let category = &stat["dimension"][dimension]["category"];
        let index = category["index"].as_array().unwrap();
        assert_eq!(index.len(), *size, "{id} {dimension}");
        for key in index {
            let key = key.as_str().unwrap();
            assert!(category["label"][key].is_string(), "{id} {dimension} {key}");
        }
    }
    let values = stat["value"].as_array().unwrap();
    assert_eq!(values.len(), size.iter().product::<usize>(), "{id}");
    assert!(values.iter().all(|v| v.is_number() || v.is_null()));
    assert_eq!(stat["role"]["time"], serde_json::json!(["period"]));
    assert_eq!(stat["role"]["metric"], serde_json::json!(["series"]));
    // Every status letter is one of the seven, at an index that exists.
    let no_status = serde_json::Map::new();
    let status = stat
        .get("status")
        .map_or(&no_status, |s| s.as_object().unwrap());
    for (index, letters) in status {
        assert!(index.parse::<usize>().unwrap() < values.len());
        assert!(
            letters
                .as_str()
                .unwrap()
                .chars()
                .all(|c| "dprxczb".contains(c))
        );
    }
}

#[test]
fn the_older_json_keeps_its_members_and_adds_statuses_and_sources() {
    let (_tmp, out) = built();
    let data = json(&out, "statistik/arenden/arenden.json");
    for member in [
        "id",
        "title",
        "description",
        "unit",
        "better",
        "source",
        "updated",
        "period_kind",
        "series",
    ] {
        assert!(data.get(member).is_some(), "{member}");
    }
    assert_eq!(data["period_kind"], "quarter");
    assert_eq!(data["source"]["url"], "https://example.org/testdata");
    assert_eq!(data["source_id"], "testkalla");
    assert_eq!(data["sources"]["annan-kalla"]["date"], "2024-06");
    assert_eq!(data["frequency"], "quarterly");
    assert_eq!(data["next_update"], "2024-10-01");
    assert_eq!(data["revisions"][1]["note"]["en"], "First edition.");
    let values = &data["series"][0]["values"];
    assert_eq!(values[1]["value"], 112.0);
    assert_eq!(values[1]["status"], "r");
    assert_eq!(values[1]["others"][0]["source"], "annan-kalla");
    assert_eq!(values[3]["partial"], true);
    assert_eq!(values[3]["preliminary"], true);
    assert_eq!(values[3]["status"], "dp");
    assert_eq!(data["series"][1]["values"][2]["source"], "annan-kalla");
}

#[test]
fn the_dataset_page_links_all_four_downloads_in_every_language() {
    let (_tmp, out) = built();
    let files = [
        "arenden.csv",
        "arenden.csv-metadata.json",
        "arenden.jsonstat.json",
        "arenden.json",
    ];
    let page = html(&out, "statistik/arenden/index.html");
    assert_eq!(attrs(&page, ".downloads a", "href"), files);
    assert_eq!(
        texts(&page, ".downloads a"),
        [
            "CSV-fil",
            "Kolumnbeskrivning för CSV-filen (CSVW)",
            "JSON-stat 2.0-fil",
            "JSON-fil"
        ]
    );
    let english = html(&out, "en/statistics/arenden/index.html");
    let hrefs: Vec<String> = files
        .iter()
        .map(|f| format!("../../../statistik/arenden/{f}"))
        .collect();
    assert_eq!(attrs(&english, ".downloads a", "href"), hrefs);
    assert_eq!(
        texts(&english, ".downloads a")[1..3],
        [
            "Column descriptions of the CSV file (CSVW)",
            "JSON-stat 2.0 file"
        ]
    );
}

#[test]
fn the_downloads_are_the_same_in_two_builds() {
    let (_a, first) = built();
    let (_b, second) = built();
    for id in ["arenden", "besok"] {
        for file in [".csv", ".csv-metadata.json", ".jsonstat.json", ".json"] {
            let relative = format!("statistik/{id}/{id}{file}");
            assert_eq!(
                read(&first, &relative),
                read(&second, &relative),
                "{relative}"
            );
        }
    }
}

#[test]
fn the_bundled_sites_downloads_meet_the_specifications() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert_success(&build(repo, &out, &[]));
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(out.join("statistik")).unwrap() {
        let id = entry.unwrap().file_name().to_string_lossy().into_owned();
        if out.join(format!("statistik/{id}/{id}.csv")).is_file() {
            ids.push(id);
        }
    }
    ids.sort();
    assert_eq!(ids.len(), 5, "{ids:?}");
    for id in &ids {
        let folder = format!("statistik/{id}/");
        assert_csvw_describes_the_csv(&out, &folder, id, &LANGUAGES);
        assert_json_stat_2(&out, &folder, id);
    }
    // The police's figures for 2024 cover part of the year and are provisional.
    let (header, rows) = csv(&out, "statistik/skjutningar-malmo/skjutningar-malmo.csv");
    assert_eq!(cell(&header, &rows, "2024", "shootings_status"), "dp");
}
