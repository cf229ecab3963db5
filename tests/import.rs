//! `torget import`: saved PxWeb, Kolada and CSV files into new dataset files
//! (tests/fixtures/import/, whose README says where each file comes from).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may stop at its own set-up's failure

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{NOW, fixture, fixture_with, torget};

fn import_file(name: &str) -> PathBuf {
    fixture("import").join(name)
}

/// Runs `torget import FILE --site SITE --now NOW` with `extra` arguments.
fn import(site: &Path, file: &Path, extra: &[&str]) -> std::process::Output {
    torget()
        .arg("import")
        .arg(file)
        .arg("--site")
        .arg(site)
        .args(["--now", NOW])
        .args(extra)
        .output()
        .unwrap()
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The written dataset as YAML.
fn dataset(site: &Path, id: &str) -> serde_yaml::Value {
    let text = fs::read_to_string(site.join(format!("content/statistik/{id}.yaml"))).unwrap();
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn yaml<'a>(value: &'a serde_yaml::Value, path: &str) -> &'a serde_yaml::Value {
    path.split('.')
        .fold(value, |v, key| match key.parse::<usize>() {
            Ok(i) if v.is_sequence() => &v[i],
            _ => v
                .get(key)
                .or_else(|| key.parse::<usize>().ok().and_then(|n| v.get(n)))
                .unwrap_or_else(|| panic!("no {key} in {path}: {v:?}")),
        })
}

fn text(value: &serde_yaml::Value, path: &str) -> String {
    match yaml(value, path) {
        serde_yaml::Value::String(s) => s.clone(),
        other => serde_yaml::to_string(other).unwrap().trim().to_string(),
    }
}

fn site() -> (tempfile::TempDir, PathBuf) {
    fixture_with("basic", &[])
}

#[test]
fn a_pxweb_json_stat_file_becomes_a_dataset_with_its_source_series_and_placeholders() {
    let (_tmp, site) = site();
    let output = import(
        &site,
        &import_file("scb-pxweb2-tab5974.json"),
        &["--id", "folkmangd"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let said = stdout(&output);
    assert!(
        said.contains("Wrote content/statistik/folkmangd.yaml: 2 series with 1 period (2026 to 2026) from a PxWeb JSON-stat 2.0 file."),
        "{said}"
    );
    // What is left for the editor, by line and column: the English texts.
    assert!(
        said.contains(
            "content/statistik/folkmangd.yaml:6:92: «Title in en (in sv: Folkmängd 31 dec"
        ),
        "{said}"
    );
    assert!(said.contains("«Label in en (in sv: män)»"), "{said}");
    assert!(said.contains("Add the source's address"), "{said}");

    let d = dataset(&site, "folkmangd");
    assert_eq!(
        text(&d, "title.sv"),
        "Folkmängd 31 dec, antal efter inrikes/utrikes född, ålder, kön och år"
    );
    assert_eq!(text(&d, "unit.sv"), "antal");
    assert_eq!(text(&d, "source"), "scb-tab5974");
    assert_eq!(text(&d, "sources.scb-tab5974.name.sv"), "SCB");
    assert_eq!(text(&d, "sources.scb-tab5974.name.en"), "Statistics Sweden");
    assert_eq!(text(&d, "sources.scb-tab5974.date"), "2026-04-16");
    assert_eq!(text(&d, "updated"), "2026-04-16");
    assert_eq!(text(&d, "frequency"), "yearly");
    assert_eq!(text(&d, "measure"), "count");
    // One series per sex, the dimension with two values; the others are fixed.
    assert_eq!(text(&d, "series.0.key"), "man");
    assert_eq!(text(&d, "series.0.label.sv"), "män");
    assert_eq!(text(&d, "series.0.values.2026"), "50080");
    assert_eq!(text(&d, "series.1.key"), "kvinnor");
    assert_eq!(text(&d, "series.1.values.2026"), "47361");
    let written = fs::read_to_string(site.join("content/statistik/folkmangd.yaml")).unwrap();
    assert!(written.contains("# ålder: 0 år\n"), "{written}");
}

#[test]
fn the_id_comes_from_the_title_and_a_second_import_never_overwrites() {
    let (_tmp, site) = site();
    let file = import_file("scb-pxweb2-tab5974.json");
    let first = import(&site, &file, &[]);
    assert!(first.status.success(), "{}", stderr(&first));
    let name =
        "content/statistik/folkmangd-31-dec-antal-efter-inrikes-utrikes-fodd-alder-kon-och-ar.yaml";
    let before = fs::read_to_string(site.join(name)).unwrap();
    fs::write(site.join(name), before.replace("50080", "1")).unwrap();

    let second = import(&site, &file, &[]);
    assert!(!second.status.success());
    let report = stderr(&second);
    assert!(
        report.contains(&format!(
            "{name}: error: the file already exists; torget import never overwrites"
        )),
        "{report}"
    );
    assert!(report.contains("choose another id with `--id`"), "{report}");
    assert!(report.contains("no file was written"), "{report}");
    // The editor's change is still there.
    assert!(
        fs::read_to_string(site.join(name))
            .unwrap()
            .contains(": 1\n")
    );

    // Another dataset's id elsewhere is refused too: two datasets cannot share one.
    let taken = import(&site, &file, &["--id", "anmalningar"]);
    let report = stderr(&taken);
    assert!(!taken.status.success());
    assert!(
        report.contains("content/statistik/anmalningar.yaml: error: the file already exists"),
        "{report}"
    );
    let bad_id = import(&site, &file, &["--id", "Folkmängd"]);
    assert!(!bad_id.status.success());
    assert!(
        stderr(&bad_id).contains("the name cannot be used"),
        "{}",
        stderr(&bad_id)
    );
}

#[test]
fn a_csv_file_keeps_its_values_gaps_and_statuses() {
    let (_tmp, site) = site();
    let output = import(
        &site,
        &import_file("dodsskjutningar-malmo.csv"),
        &["--id", "doda"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let said = stdout(&output);
    assert!(
        said.contains("1 series with 9 periods (2016 to 2024) from a CSV file"),
        "{said}"
    );
    assert!(
        said.contains("content/statistik/doda.yaml:3:15: «Rubrik»"),
        "{said}"
    );
    assert!(said.contains("«Källans namn»"), "{said}");
    let d = dataset(&site, "doda");
    assert_eq!(text(&d, "series.0.key"), "deaths");
    assert_eq!(text(&d, "series.0.values.2018"), "12");
    assert_eq!(text(&d, "series.0.values.2023.value"), "null");
    assert_eq!(text(&d, "series.0.values.2023.status"), "- x");
    assert_eq!(text(&d, "series.0.values.2024.value"), "0");
    assert_eq!(text(&d, "series.0.values.2024.status"), "- d\n- p");
    assert_eq!(text(&d, "updated"), NOW);
}

#[test]
fn a_swedish_spreadsheet_csv_reads_decimal_commas_and_symbols() {
    let (tmp, site) = site();
    let file = tmp.path().join("andel.csv");
    fs::write(
        &file,
        "År;Andel;Andel status\n2022;12,5;\n2023;..;\n2024;1 234,5;p\n",
    )
    .unwrap();
    let output = import(&site, &file, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let d = dataset(&site, "andel");
    assert_eq!(text(&d, "series.0.values.2022"), "12.5");
    assert_eq!(text(&d, "series.0.values.2023.value"), "null");
    assert_eq!(text(&d, "series.0.values.2023.status"), "- x");
    assert_eq!(text(&d, "series.0.values.2024.value"), "1234.5");
    assert_eq!(text(&d, "series.0.values.2024.status"), "- p");
    assert_eq!(text(&d, "decimals"), "1");

    // A lone `status` column belongs to the only series; tabs separate fields too.
    let file = tmp.path().join("enkel.csv");
    fs::write(&file, "period\tantal\tstatus\n2023-Q4\t5\tr\n").unwrap();
    let output = import(&site, &file, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let d = dataset(&site, "enkel");
    assert_eq!(text(&d, "series.0.key"), "antal");
    assert_eq!(text(&d, "series.0.values.2023-Q4.status"), "- r");
    assert_eq!(yaml(&d, "series").as_sequence().unwrap().len(), 1);
}

#[test]
fn a_kolada_answer_makes_a_series_per_gender() {
    let (_tmp, site) = site();
    let output = import(
        &site,
        &import_file("kolada-v2-structure.json"),
        &["--id", "kolada"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output)
            .contains("3 series with 2 periods (2007 to 2009) from an answer of Kolada's API"),
        "{}",
        stdout(&output)
    );
    let d = dataset(&site, "kolada");
    assert_eq!(text(&d, "sources.kolada-n00945.name.sv"), "Kolada");
    assert_eq!(
        text(&d, "sources.kolada-n00945.url"),
        "https://www.kolada.se/"
    );
    assert_eq!(text(&d, "series.0.key"), "totalt");
    assert_eq!(text(&d, "series.0.label.en"), "Total");
    assert_eq!(text(&d, "series.0.values.2007"), "11.75");
    assert_eq!(text(&d, "series.0.values.2009"), "null");
    assert_eq!(text(&d, "series.1.key"), "kvinnor");
    assert_eq!(text(&d, "series.2.key"), "man");
    assert_eq!(text(&d, "series.2.values.2009"), "13");
    assert_eq!(text(&d, "frequency"), "irregular");
}

/// A small JSON-stat dataset in PxWeb's form, with `periods` as the time codes.
fn json_stat(periods: &[&str], values: &str, status: &str) -> String {
    let index: Vec<String> = (periods.iter().enumerate())
        .map(|(i, p)| format!("\"{p}\": {i}"))
        .collect();
    format!(
        r#"{{
  "version": "2.0",
  "class": "dataset",
  "label": "Test",
  "source": "SCB",
  "updated": "2020-01-15T08:00:00Z",
  "id": ["ContentsCode", "Tid"],
  "size": [1, {n}],
  "role": {{ "time": ["Tid"], "metric": ["ContentsCode"] }},
  "dimension": {{
    "ContentsCode": {{ "label": "tabellinnehåll", "category": {{ "index": {{ "X": 0 }}, "label": {{ "X": "Andel" }}, "unit": {{ "X": {{ "base": "procent", "decimals": 1 }} }} }} }},
    "Tid": {{
      "label": "månad",
      "category": {{ "index": {{ {index} }} }}
    }}
  }},
  "value": {values}{status}
}}
"#,
        n = periods.len(),
        index = index.join(", "),
    )
}

#[test]
fn months_and_quarters_map_to_torgets_periods_with_their_statuses() {
    let (tmp, site) = site();
    let months = tmp.path().join("months.json");
    fs::write(
        &months,
        json_stat(
            &["2019M11", "2019M12"],
            "[12.5, null]",
            ",\n  \"status\": { \"1\": \"..\" }",
        ),
    )
    .unwrap();
    let noted = fs::read_to_string(&months).unwrap().replace(
        "\"label\": \"Test\",",
        "\"label\": \"Test\",\n  \"note\": [\"Fr o m 2007-01-01 överförs Heby kommun\\r\\n från Västmanlands län till Uppsala län.\"],",
    );
    fs::write(&months, noted).unwrap();
    let output = import(&site, &months, &["--id", "manader"]);
    assert!(output.status.success(), "{}", stderr(&output));
    // The publisher's note, whole, as a comment for the editor.
    let written = fs::read_to_string(site.join("content/statistik/manader.yaml")).unwrap();
    assert!(
        written.contains("\n# note: Fr o m 2007-01-01 överförs Heby kommun från Västmanlands län till Uppsala län.\n"),
        "{written}"
    );
    let d = dataset(&site, "manader");
    assert_eq!(text(&d, "series.0.values.2019-11"), "12.5");
    assert_eq!(text(&d, "series.0.values.2019-12.value"), "null");
    assert_eq!(text(&d, "series.0.values.2019-12.status"), "- x");
    assert_eq!(text(&d, "frequency"), "monthly");
    assert_eq!(text(&d, "measure"), "share");
    assert_eq!(text(&d, "decimals"), "1");

    let quarters = tmp.path().join("quarters.json");
    fs::write(
        &quarters,
        json_stat(
            &["2019K4", "2020Q1"],
            "[1, 2]",
            ",\n  \"status\": [\"\", \"p\"]",
        ),
    )
    .unwrap();
    let output = import(&site, &quarters, &["--id", "kvartal"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let d = dataset(&site, "kvartal");
    assert_eq!(text(&d, "series.0.values.2019-Q4"), "1");
    assert_eq!(text(&d, "series.0.values.2020-Q1.status"), "- p");
    assert_eq!(text(&d, "frequency"), "quarterly");
}

/// Imports `file` and returns the first line of the report, `file:line:column: error: …`.
fn refusal(site: &Path, file: &Path) -> String {
    let output = import(site, file, &[]);
    assert!(!output.status.success(), "imported:\n{}", stdout(&output));
    let report = stderr(&output);
    assert!(report.contains("no file was written"), "{report}");
    assert!(report.contains("= help: "), "no hint:\n{report}");
    report.lines().next().unwrap_or_default().to_string()
}

#[test]
fn what_cannot_be_mapped_is_refused_where_it_is_in_the_file() {
    let (tmp, site) = site();
    let before = common::tree(&site.join("content"));
    let shown = |name: &str| tmp.path().join(name).display().to_string();
    let write = |name: &str, text: &str| {
        let path = tmp.path().join(name);
        fs::write(&path, text).unwrap();
        path
    };

    // Real answers: too many series (SSB, 6 × 8), and PxWeb's own JSON format.
    let ssb = import_file("ssb-pxweb-05300.json");
    assert_eq!(
        refusal(&site, &ssb),
        format!(
            "{}:1:498: error: the table would make 48 series; torget imports at most 10",
            ssb.display()
        )
    );
    let pxweb_json = import_file("scb-pxweb1-json-me0104t24.json");
    assert_eq!(
        refusal(&site, &pxweb_json),
        format!(
            "{}:2:5: error: this is PxWeb's own JSON format, not JSON-stat",
            pxweb_json.display()
        )
    );

    // A half-year has no period in torget: pointed at in the time dimension.
    let half = write("half.json", &json_stat(&["2019H1", "2019H2"], "[1, 2]", ""));
    assert_eq!(
        refusal(&site, &half),
        format!(
            "{}:14:32: error: `2019H1` is not a period torget can read",
            shown("half.json")
        )
    );
    let word = write(
        "word.json",
        &json_stat(&["2019", "2020"], "[1, \"sju\"]", ""),
    );
    assert_eq!(
        refusal(&site, &word),
        format!("{}:17:16: error: `sju` is not a number", shown("word.json"))
    );
    let status = write(
        "status.json",
        &json_stat(
            &["2019", "2020"],
            "[1, 2]",
            ",\n  \"status\": { \"0\": \"e\" }",
        ),
    );
    assert_eq!(
        refusal(&site, &status),
        format!(
            "{}:18:15: error: the status `e` has no letter in torget",
            shown("status.json")
        )
    );
    let no_time = write(
        "no-time.json",
        &json_stat(&["2019"], "[1]", "")
            .replace("\"time\": [\"Tid\"], ", "")
            .replace("\"Tid\"", "\"Region\""),
    );
    assert_eq!(
        refusal(&site, &no_time),
        format!(
            "{}:7:3: error: the table has no time dimension, so torget cannot tell the periods",
            shown("no-time.json")
        )
    );
    let broken = write(
        "broken.json",
        "{\n  \"class\": \"dataset\",\n  \"value\": [1,\n}\n",
    );
    let line = refusal(&site, &broken);
    assert!(
        line.starts_with(&format!(
            "{}:4:1: error: the file is not valid JSON",
            shown("broken.json")
        )),
        "{line}"
    );
    let csv = write("bad.csv", "år,värde\n2019,12\n2020,tolv\n");
    assert_eq!(
        refusal(&site, &csv),
        format!("{}:3:6: error: `tolv` is not a number", shown("bad.csv"))
    );
    let kolada = write(
        "kolada.json",
        "{\"values\": [{\"kpi\": \"N1\", \"municipality\": \"1280\", \"period\": \"2019H1\", \"values\": []}]}",
    );
    assert_eq!(
        refusal(&site, &kolada),
        format!(
            "{}:1:51: error: `2019H1` is not a period torget can read",
            shown("kolada.json")
        )
    );
    let pages = write(
        "pages.json",
        "{\"values\": [{\"kpi\": \"N1\", \"municipality\": \"1280\", \"period\": 2019, \"values\": []}],\n \"next_page\": \"http://api.kolada.se/v2/data/kpi/N1?page=2\"}",
    );
    assert_eq!(
        refusal(&site, &pages),
        format!(
            "{}:2:2: error: the answer goes on at another page (http://api.kolada.se/v2/data/kpi/N1?page=2), so this file does not hold all of it",
            shown("pages.json")
        )
    );
    // PxWeb's `json-stat` (1.0): a bundle whose dimension holds `id` and `size`.
    let version_one = write(
        "v1.json",
        "{\n  \"dataset\": {\"dimension\": {\"id\": [\"Tid\"], \"size\": [1]}, \"value\": [1]}\n}",
    );
    assert_eq!(
        refusal(&site, &version_one),
        format!(
            "{}:2:3: error: this is JSON-stat 1.0, not JSON-stat 2.0",
            shown("v1.json")
        )
    );
    // A sparse `value` object: the member is pointed at.
    let sparse = write(
        "sparse.json",
        &json_stat(&["2019", "2020"], "{ \"0\": 1, \"1\": \"..\" }", ""),
    );
    assert_eq!(
        refusal(&site, &sparse),
        format!(
            "{}:17:22: error: `..` is not a number",
            shown("sparse.json")
        )
    );
    let spreadsheet = tmp.path().join("tabell.xlsx");
    fs::write(&spreadsheet, b"PK\x03\x04\x14\x00\x06\x00").unwrap();
    let output = import(&site, &spreadsheet, &[]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).starts_with(&format!(
            "{}: error: torget cannot tell what kind of file this is",
            spreadsheet.display()
        )),
        "{}",
        stderr(&output)
    );
    let unknown = write("unknown.json", "{\"hello\": 1}");
    assert_eq!(
        refusal(&site, &unknown),
        format!(
            "{}:1:1: error: torget cannot tell what kind of file this is",
            shown("unknown.json")
        )
    );
    // Nothing was written by any of them.
    assert_eq!(common::tree(&site.join("content")), before);
}

#[test]
fn a_site_is_needed_and_its_section_may_be_named() {
    let (tmp, site) = site();
    let file = import_file("dodsskjutningar-malmo.csv");
    let output = import(tmp.path(), &file, &[]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("no site.yaml in"),
        "{}",
        stderr(&output)
    );
    let output = import(&site, &file, &["--to", "nyheter-finns-inte"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("there is no section `nyheter-finns-inte`"),
        "{}",
        stderr(&output)
    );
    let output = import(&site, &file, &["--to", "statistik", "--id", "x"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(site.join("content/statistik/x.yaml").is_file());
}

#[test]
fn import_speaks_swedish_too() {
    let (_tmp, site) = site();
    let output = torget()
        .env("LANG", "sv_SE.UTF-8")
        .arg("import")
        .arg(import_file("ssb-pxweb-05300.json"))
        .arg("--site")
        .arg(&site)
        .output()
        .unwrap();
    let report = stderr(&output);
    assert!(
        report.contains("fel: tabellen skulle ge 48 serier; torget importerar högst 10"),
        "{report}"
    );
    assert!(
        report.contains("tips: välj färre värden av avstand (6), kulturtilbud (8)"),
        "{report}"
    );
    assert!(report.contains("Ingenting importerades"), "{report}");
}

/// Replaces every `«…»` in `text` as an editor would, with words of their own.
fn filled(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('«') {
        let Some(len) = rest[start..].find('»') else {
            break;
        };
        out.push_str(&rest[..start]);
        out.push_str("Skrivet av redaktören");
        rest = &rest[start + len + '»'.len_utf8()..];
    }
    out.push_str(rest);
    out
}

#[test]
fn the_imported_datasets_build_once_the_editor_has_written_what_was_missing() {
    let (tmp, site) = site();
    let months = tmp.path().join("months.json");
    fs::write(
        &months,
        json_stat(
            &["2019M11", "2019M12"],
            "[12.5, null]",
            ",\n  \"status\": { \"1\": \"..\" }",
        ),
    )
    .unwrap();
    let mut placeholders = Vec::new();
    for (file, id) in [
        (import_file("scb-pxweb2-tab5974.json"), "folkmangd"),
        (import_file("kolada-v2-structure.json"), "kolada"),
        (import_file("dodsskjutningar-malmo.csv"), "doda"),
        (months, "manader"),
    ] {
        let output = import(&site, &file, &["--id", id]);
        assert!(output.status.success(), "{}", stderr(&output));
        // Each placeholder import lists, by line and column, as the build will report it.
        placeholders.extend(
            stdout(&output)
                .lines()
                .filter(|l| l.starts_with("  content/"))
                .map(|l| l.trim().split(": «").next().unwrap().to_string()),
        );
    }
    let out = tmp.path().join("out");
    let refused = common::build(&site, &out, &[]);
    assert!(!refused.status.success());
    let report = stderr(&refused);
    assert!(!placeholders.is_empty());
    for place in &placeholders {
        assert!(
            report.contains(&format!("{place}: error: the placeholder")),
            "{place} not in\n{report}"
        );
    }
    for id in ["folkmangd", "kolada", "doda", "manader"] {
        let path = site.join(format!("content/statistik/{id}.yaml"));
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, filled(&text)).unwrap();
    }
    let built = common::build(&site, &out, &[]);
    common::assert_success(&built);
    let page = common::read(&out, "statistik/doda/index.html");
    assert!(page.contains("[p]") && page.contains("[d]"), "{page}");
    let page = common::read(&out, "en/statistics/folkmangd/index.html");
    assert!(page.contains("Statistics Sweden"), "{page}");
    assert!(page.contains("50,080"), "{page}");
    // Months read as torget's (how a status is shown is the dataset pages' business).
    let page = common::read(&out, "statistik/manader/index.html");
    assert!(page.contains("<th scope=\"row\">dec 2019</th>"), "{page}");
}

#[test]
fn a_csv_download_of_torget_imports_back_to_the_same_figures() {
    let (tmp, site) = site();
    let out = tmp.path().join("out");
    common::assert_success(&common::build(&site, &out, &[]));
    let download = out.join("statistik/anmalningar/anmalningar.csv");
    let output = import(&site, &download, &["--id", "kopia"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let path = site.join("content/statistik/kopia.yaml");
    fs::write(&path, filled(&fs::read_to_string(&path).unwrap())).unwrap();
    common::assert_success(&common::build(&site, &out, &[]));
    // Values, part-period and provisional flags and notes in both languages, byte for byte.
    assert_eq!(
        common::read(&out, "statistik/kopia/kopia.csv"),
        common::read(&out, "statistik/anmalningar/anmalningar.csv")
    );
}

#[test]
fn texts_from_the_file_stay_text_in_the_yaml_whatever_they_hold() {
    let (tmp, site) = site();
    let tricky = "Mål: \"x\" {a} [b] # c\n- d «e» <script>alert(1)</script> \\ ' &";
    let file = tmp.path().join("tricky.json");
    let json = json_stat(&["2019", "2020"], "[1, 2]", "")
        .replace(
            "\"label\": \"Test\"",
            &format!("\"label\": {}", serde_json::to_string(tricky).unwrap()),
        )
        .replace(
            "\"label\": \"tabellinnehåll\"",
            &format!("\"label\": {}", serde_json::to_string(tricky).unwrap()),
        )
        .replace(
            "\"source\": \"SCB\"",
            &format!("\"source\": {}", serde_json::to_string(tricky).unwrap()),
        );
    fs::write(&file, json).unwrap();
    let output = import(&site, &file, &["--id", "knepig"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let d = dataset(&site, "knepig");
    // The text as it was, but for « and », which would read as placeholders.
    let expected = tricky.replace(['«', '»'], "\"");
    assert_eq!(text(&d, "title.sv"), expected);
    let source = text(&d, "source");
    assert_eq!(text(&d, &format!("sources.{source}.name.sv")), expected);
    assert_eq!(text(&d, &format!("sources.{source}.name.en")), expected);
    // The comment of the fixed contents stays one line.
    let written = fs::read_to_string(site.join("content/statistik/knepig.yaml")).unwrap();
    assert!(written.lines().all(|l| !l.starts_with("- d")), "{written}");
}

#[test]
fn a_csv_row_with_too_many_or_too_few_cells_is_refused_where_it_is() {
    let (tmp, site) = site();
    let before = common::tree(&site.join("content"));
    let file = tmp.path().join("ragged.csv");
    fs::write(&file, "period,value\n2019,5\n2020,6,7\n2021\n").unwrap();
    let output = import(&site, &file, &[]);
    assert!(!output.status.success(), "imported:\n{}", stdout(&output));
    let report = stderr(&output);
    let shown = file.display();
    // Neither the 7 dropped nor a gap invented for 2021: both rows are named.
    assert!(
        report.contains(&format!(
            "{shown}:3:8: error: row has 3 cells, the header has 2"
        )),
        "{report}"
    );
    assert!(
        report.contains(&format!(
            "{shown}:4:5: error: row has 1 cell, the header has 2"
        )),
        "{report}"
    );
    assert!(
        report.contains("= help: give every row one cell per column"),
        "{report}"
    );
    assert!(report.contains("no file was written"), "{report}");
    assert_eq!(common::tree(&site.join("content")), before);
}

#[test]
fn a_csv_file_saved_by_excel_on_windows_is_read_as_windows_1252() {
    let (tmp, site) = site();
    // "år;Skjutningar – Malmö “totalt”" and a note with … and €, in Windows-1252.
    let file = tmp.path().join("excel.csv");
    fs::write(
        &file,
        b"\xe5r;Skjutningar \x96 Malm\xf6 \x93totalt\x94;Skjutningar \x96 Malm\xf6 \x93totalt\x94_note_sv\n2019;5;Ber\xe4knat \x85 100 \x80\n2020;7;\n",
    )
    .unwrap();
    let output = import(&site, &file, &["--id", "excel"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("it was read as Windows-1252"),
        "{}",
        stdout(&output)
    );
    let d = dataset(&site, "excel");
    assert_eq!(
        text(&d, "series.0.label.sv"),
        "Skjutningar – Malmö “totalt”"
    );
    assert_eq!(text(&d, "series.0.values.2019.note.sv"), "Beräknat … 100 €");
    assert_eq!(text(&d, "series.0.values.2020"), "7");

    // 0x81, 0x8D, 0x8F, 0x90 and 0x9D are no character in Windows-1252 either.
    let broken = tmp.path().join("broken.csv");
    fs::write(&broken, b"period;v\xe4rde\n2019;5\x81\n").unwrap();
    assert_eq!(
        refusal(&site, &broken),
        format!(
            "{}:2:7: error: the byte 0x81 is not a character in UTF-8 or in Windows-1252",
            broken.display()
        )
    );
}

#[test]
fn an_imported_dataset_builds_on_the_bundled_site_with_its_open_data_catalogue() {
    // The bundled site has `open_data:`, whose catalogue needs every dataset's description.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    common::copy_dir(&root.join("content"), &site.join("content"));
    for file in ["site.yaml", "addresses.txt"] {
        fs::copy(root.join(file), site.join(file)).unwrap();
    }
    assert!(
        fs::read_to_string(site.join("site.yaml"))
            .unwrap()
            .contains("\nopen_data:")
    );
    let output = import(
        &site,
        &import_file("scb-pxweb2-tab5974.json"),
        &["--id", "folkmangd"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    // The description is left to write in every language, like the title.
    let said = stdout(&output);
    assert!(
        said.contains("content/statistik/folkmangd.yaml:7:21: «Beskrivning: vad siffrorna visar»"),
        "{said}"
    );
    assert!(
        said.contains("«Description: what the figures show (en)»"),
        "{said}"
    );
    let path = site.join("content/statistik/folkmangd.yaml");
    fs::write(&path, filled(&fs::read_to_string(&path).unwrap())).unwrap();
    let d = dataset(&site, "folkmangd");
    assert_eq!(text(&d, "description.en"), "Skrivet av redaktören");
    let out = tmp.path().join("out");
    common::assert_success(&common::build(&site, &out, &[]));
    assert!(common::read(&out, "statistik/folkmangd/index.html").contains("Skrivet av redaktören"));
}
