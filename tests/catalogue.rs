//! The open data catalogue (`open_data:` in site.yaml): the DCAT-AP-SE
//! description of the site's datasets, as RDF/XML at `dcat.rdf`, read back
//! here with roxmltree for what the README promises, and validated with
//! pySHACL against the DCAT-AP 3.0.1 shapes and DIGG's DCAT-AP-SE additions
//! (see `tests/shacl/README.md`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use roxmltree::{Document, Node};

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const DCAT: &str = "http://www.w3.org/ns/dcat#";
const DCT: &str = "http://purl.org/dc/terms/";
const FOAF: &str = "http://xmlns.com/foaf/0.1/";
const VCARD: &str = "http://www.w3.org/2006/vcard/ns#";
const XML: &str = "http://www.w3.org/XML/1998/namespace";

/// The basic fixture's settings with every open data setting.
const SITE: &str = "name: { sv: Testkommunen, en: Test Municipality }
description: { sv: En webbplats för tester., en: A site for tests. }
base_url: https://example.org/sub
languages: [sv, en]
default_language: sv
contact:
  name: { sv: Kommunens kontaktcenter, en: The municipal contact centre }
  email: kontakt@example.org
  phone: \"+46 40 00 00 00\"
accessibility_statement: \"@/om\"
menu: [\"@/nyheter\", \"@/om\"]
open_data:
  publisher:
    name: { sv: Testkommunen, en: Test Municipality }
    url: https://example.org/
    type: local-authority
    organisation_number: 556012-5790
  licence: https://creativecommons.org/licenses/by/4.0/
  email: oppnadata@example.org
";

/// The same with only the publisher's name.
const SITE_PUBLISHER_ONLY: &str = "name: { sv: Testkommunen, en: Test Municipality }
description: { sv: En webbplats för tester., en: A site for tests. }
base_url: https://example.org/sub
languages: [sv, en]
default_language: sv
accessibility_statement: \"@/om\"
open_data:
  publisher:
    name: { sv: Testkommunen, en: Test Municipality }
";

/// The basic fixture's dataset with an update frequency and a contact of its own.
const DATASET_WITH_CONTACT: &str = "title: { sv: Anmälningar per kvartal, en: Reports per quarter }
description: { sv: Ett påhittat testdataset., en: A made-up test dataset. }
unit: { sv: anmälningar, en: reports }
source:
  name: { sv: Testkällan, en: The test source }
  url: https://example.org/kalla
updated: 2024-05-02
frequency: quarterly
contact: { name: { sv: Statistikenheten, en: Statistics unit }, email: statistik@example.org }
series:
  - key: anmalningar
    label: { sv: Anmälningar, en: Reports }
    values:
      2023-Q4: 10
      2024-Q1: 40
";

/// The basic fixture with `site` as its settings, built; the temporary folder and the output.
fn built(site: &str) -> (tempfile::TempDir, PathBuf) {
    built_with(&[("site.yaml", site)])
}

/// The basic fixture with `files` laid over it, built.
fn built_with(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let (tmp, dir) = fixture_with("basic", files);
    let out = tmp.path().join("out");
    assert_success(&build(&dir, &out, &[]));
    (tmp, out)
}

fn is(node: &Node, namespace: &str, name: &str) -> bool {
    node.is_element()
        && node.tag_name().namespace() == Some(namespace)
        && node.tag_name().name() == name
}

/// The `rdf:about` of a described node.
fn about<'a>(node: &Node<'a, '_>) -> &'a str {
    node.attribute((RDF, "about")).unwrap_or("")
}

/// The `rdf:resource` of each `namespace:name` property of `node`.
fn resources<'a>(node: &Node<'a, '_>, namespace: &str, name: &str) -> Vec<&'a str> {
    node.children()
        .filter(|c| is(c, namespace, name))
        .filter_map(|c| c.attribute((RDF, "resource")))
        .collect()
}

/// Each `namespace:name` property of `node` as language → text.
fn texts_by_lang<'a>(
    node: &Node<'a, '_>,
    namespace: &str,
    name: &str,
) -> BTreeMap<String, &'a str> {
    node.children()
        .filter(|c| is(c, namespace, name))
        .map(|c| {
            (
                c.attribute((XML, "lang"))
                    .expect("every text has its language")
                    .to_string(),
                c.text().unwrap_or(""),
            )
        })
        .collect()
}

/// The node described with `rdf:about="<iri>"`, of class `namespace:name`.
fn described<'a, 'i>(
    doc: &'a Document<'i>,
    namespace: &str,
    name: &str,
    iri: &str,
) -> Node<'a, 'i> {
    doc.root_element()
        .children()
        .find(|n| is(n, namespace, name) && about(n) == iri)
        .unwrap_or_else(|| panic!("no {name} described as {iri}"))
}

#[test]
fn the_catalogue_describes_every_dataset_in_every_language_with_its_downloads() {
    let (_tmp, out) = built(SITE);
    let text = read(&out, "dcat.rdf");
    let doc = Document::parse(&text).expect("the catalogue is well-formed XML");
    assert!(is(&doc.root_element(), RDF, "RDF"));
    let base = "https://example.org/sub/";
    let catalogue = described(&doc, DCAT, "Catalog", &format!("{base}dcat.rdf"));
    assert_eq!(
        texts_by_lang(&catalogue, DCT, "title"),
        BTreeMap::from([
            ("en".into(), "Test Municipality"),
            ("sv".into(), "Testkommunen")
        ])
    );
    assert_eq!(texts_by_lang(&catalogue, DCT, "description").len(), 2);
    assert_eq!(resources(&catalogue, FOAF, "homepage"), [base]);
    // DCAT-AP-SE: the catalogue's own text is CC0, whatever the data's licence.
    assert_eq!(
        resources(&catalogue, DCT, "license"),
        ["http://creativecommons.org/publicdomain/zero/1.0/"]
    );
    assert_eq!(
        resources(&catalogue, DCT, "language"),
        [
            "http://publications.europa.eu/resource/authority/language/SWE",
            "http://publications.europa.eu/resource/authority/language/ENG"
        ]
    );

    // The publisher, by the address Sveriges dataportal knows it by.
    let publisher = "http://dataportal.se/organisation/SE5560125790";
    assert_eq!(resources(&catalogue, DCT, "publisher"), [publisher]);
    let agent = described(&doc, FOAF, "Agent", publisher);
    assert_eq!(texts_by_lang(&agent, FOAF, "name")["sv"], "Testkommunen");
    assert_eq!(
        resources(&agent, FOAF, "homepage"),
        ["https://example.org/"]
    );
    assert_eq!(
        resources(&agent, DCT, "type"),
        ["http://purl.org/adms/publishertype/LocalAuthority"]
    );

    let datasets = resources(&catalogue, DCAT, "dataset");
    let dataset_iri = format!("{base}dcat.rdf#dataset-anmalningar");
    assert_eq!(datasets, [dataset_iri.as_str()]);
    let dataset = described(&doc, DCAT, "Dataset", &dataset_iri);
    assert_eq!(
        texts_by_lang(&dataset, DCT, "title"),
        BTreeMap::from([
            ("en".into(), "Reports per quarter"),
            ("sv".into(), "Anmälningar per kvartal")
        ])
    );
    assert_eq!(
        texts_by_lang(&dataset, DCT, "description"),
        BTreeMap::from([
            ("en".into(), "A made-up test dataset."),
            ("sv".into(), "Ett påhittat testdataset.")
        ])
    );
    assert_eq!(resources(&dataset, DCT, "publisher"), [publisher]);
    let modified: Vec<&str> = (dataset.children())
        .filter(|c| is(c, DCT, "modified"))
        .filter_map(|c| c.text())
        .collect();
    assert_eq!(modified, ["2024-05-02"], "the dataset's `updated`");
    let temporal = (dataset.descendants())
        .filter(|c| is(c, DCAT, "startDate") || is(c, DCAT, "endDate"))
        .filter_map(|c| c.text())
        .collect::<Vec<_>>();
    assert_eq!(temporal, ["2023-01-01", "2024-06-30"], "2023-Q1 to 2024-Q2");

    // Its pages in both languages, which the build wrote.
    let landing = resources(&dataset, DCAT, "landingPage");
    assert_eq!(
        landing,
        [
            format!("{base}statistik/anmalningar/"),
            format!("{base}en/statistics/anmalningar/")
        ]
    );
    for page in &landing {
        let path = page.strip_prefix(base).unwrap();
        assert!(out.join(path).join("index.html").is_file(), "{page}");
    }

    // Whom to ask: open_data's e-mail, under the publisher's name.
    let contact = resources(&dataset, DCAT, "contactPoint");
    assert_eq!(contact, [format!("{base}dcat.rdf#contact")]);
    let card = described(&doc, VCARD, "Organization", contact[0]);
    assert_eq!(
        resources(&card, VCARD, "hasEmail"),
        ["mailto:oppnadata@example.org"]
    );
    assert_eq!(texts_by_lang(&card, VCARD, "fn")["en"], "Test Municipality");

    // A distribution per download, each under the licence given.
    let distributions = resources(&dataset, DCAT, "distribution");
    let mut found = Vec::new();
    for iri in &distributions {
        let distribution = described(&doc, DCAT, "Distribution", iri);
        let url = resources(&distribution, DCAT, "downloadURL");
        assert_eq!(url.len(), 1, "{iri}");
        assert_eq!(resources(&distribution, DCAT, "accessURL"), url, "{iri}");
        assert_eq!(
            resources(&distribution, DCT, "license"),
            ["https://creativecommons.org/licenses/by/4.0/"]
        );
        let media: Vec<&str> = resources(&distribution, DCAT, "mediaType");
        let format: Vec<&str> = resources(&distribution, DCT, "format");
        found.push((
            url[0]
                .strip_prefix(&format!("{base}statistik/anmalningar/"))
                .unwrap()
                .to_string(),
            media[0]
                .strip_prefix("https://www.iana.org/assignments/media-types/")
                .unwrap()
                .to_string(),
            format[0]
                .strip_prefix("http://publications.europa.eu/resource/authority/file-type/")
                .unwrap()
                .to_string(),
        ));
    }
    let expected = [
        ("anmalningar.csv", "text/csv", "CSV"),
        ("anmalningar.json", "application/json", "JSON"),
        (
            "anmalningar.csv-metadata.json",
            "application/csvm+json",
            "JSON_LD",
        ),
        ("anmalningar.jsonstat.json", "application/json", "JSON"),
    ];
    let found: Vec<(&str, &str, &str)> = found
        .iter()
        .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
        .collect();
    assert_eq!(found, expected);
    // The downloads torget writes today are there; CSVW and JSON-stat are
    // written by the dataset downloads (issue 17) beside them.
    for file in ["anmalningar.csv", "anmalningar.json"] {
        assert!(
            out.join("statistik/anmalningar").join(file).is_file(),
            "{file}"
        );
    }

    // Every address is absolute, and nothing is a blank node DIGG would not harvest.
    for node in doc.descendants().filter(|n| n.is_element()) {
        for attribute in [(RDF, "about"), (RDF, "resource")] {
            if let Some(iri) = node.attribute(attribute) {
                assert!(
                    iri.starts_with("https://")
                        || iri.starts_with("http://")
                        || iri.starts_with("mailto:"),
                    "{iri}"
                );
            }
        }
        if [
            "Catalog",
            "Dataset",
            "Distribution",
            "Agent",
            "Organization",
        ]
        .contains(&node.tag_name().name())
        {
            assert!(
                node.attribute((RDF, "about")).is_some(),
                "{:?}",
                node.tag_name()
            );
        }
    }
}

#[test]
fn only_the_publisher_is_needed_and_no_licence_is_claimed_without_one() {
    let (_tmp, out) = built(SITE_PUBLISHER_ONLY);
    let text = read(&out, "dcat.rdf");
    let doc = Document::parse(&text).unwrap();
    let base = "https://example.org/sub/";
    let catalogue = described(&doc, DCAT, "Catalog", &format!("{base}dcat.rdf"));
    let publisher = format!("{base}dcat.rdf#publisher");
    assert_eq!(
        resources(&catalogue, DCT, "publisher"),
        [publisher.as_str()]
    );
    let agent = described(&doc, FOAF, "Agent", &publisher);
    assert!(resources(&agent, FOAF, "homepage").is_empty());
    for distribution in doc
        .root_element()
        .children()
        .filter(|n| is(n, DCAT, "Distribution"))
    {
        assert!(
            resources(&distribution, DCT, "license").is_empty(),
            "{}",
            about(&distribution)
        );
    }
    // No e-mail and no contact in site.yaml: no contact point.
    assert!(!text.contains("contactPoint"));
    assert!(!text.contains("creativecommons.org/licenses"));
}

#[test]
fn a_datasets_frequency_and_own_contact_are_its_own() {
    let (_tmp, out) = built_with(&[
        ("site.yaml", SITE),
        ("content/statistik/anmalningar.yaml", DATASET_WITH_CONTACT),
    ]);
    let text = read(&out, "dcat.rdf");
    let doc = Document::parse(&text).unwrap();
    let base = "https://example.org/sub/dcat.rdf";
    let dataset = described(
        &doc,
        DCAT,
        "Dataset",
        &format!("{base}#dataset-anmalningar"),
    );
    let frequency = "http://publications.europa.eu/resource/authority/frequency/QUARTERLY";
    assert_eq!(resources(&dataset, DCT, "accrualPeriodicity"), [frequency]);
    described(&doc, DCT, "Frequency", frequency);
    let contact = format!("{base}#contact-anmalningar");
    assert_eq!(
        resources(&dataset, DCAT, "contactPoint"),
        [contact.as_str()]
    );
    let card = described(&doc, VCARD, "Organization", &contact);
    assert_eq!(
        resources(&card, VCARD, "hasEmail"),
        ["mailto:statistik@example.org"]
    );
    assert_eq!(texts_by_lang(&card, VCARD, "fn")["sv"], "Statistikenheten");
}

#[test]
fn without_open_data_there_is_no_catalogue() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let (_site_tmp, site) = fixture_with("basic", &[]);
    assert_success(&build(&site, &out, &[]));
    assert!(!out.join("dcat.rdf").exists());
}

#[test]
fn two_builds_write_the_same_catalogue() {
    let (_a, first) = built(SITE);
    let (_b, second) = built(SITE);
    assert_eq!(read(&first, "dcat.rdf"), read(&second, "dcat.rdf"));
}

// pySHACL and the shapes.

/// Where the DCAT-AP shapes are kept, with their licences and origin.
fn shapes_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/shacl")
}

/// The DCAT-AP 3.0.1 shapes every catalogue must conform to.
const EU_SHAPES: [&str; 4] = [
    "dcat-ap-SHACL.ttl",
    "shapes.ttl",
    "range.ttl",
    "deprecateduris.ttl",
];

/// DIGG's shapes for what DCAT-AP-SE requires beyond DCAT-AP.
const SE_SHAPES: &str = "dcat-ap-se-additions.ttl";

/// Says why the validation cannot run: a failure under CI, a notice elsewhere.
fn cannot_validate(why: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("{why}; CI must validate the catalogue (see tests/shacl/README.md)");
    }
    eprintln!("SKIPPED: {why} (see tests/shacl/README.md)");
}

/// pySHACL's report on `data` against `shapes`, and whether it conforms.
fn pyshacl(shapes: &Path, data: &Path) -> Option<(bool, String)> {
    let output = std::process::Command::new("python3")
        .args(["-m", "pyshacl", "--shacl"])
        .arg(shapes)
        .args(["--data-file-format", "xml", "--format", "human"])
        .arg(data)
        .output()
        .ok()?;
    let report = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    if stderr.contains("No module named pyshacl") {
        return None;
    }
    match output.status.code() {
        Some(0) => Some((true, report)),
        Some(1) => Some((false, report)),
        _ => panic!(
            "pyshacl failed on {}:\n{report}\n{stderr}",
            shapes.display()
        ),
    }
}

/// Validates `catalogue` against each shapes file; the violations found.
fn violations(catalogue: &Path, shapes: &[PathBuf]) -> Option<Vec<String>> {
    let mut found = Vec::new();
    for file in shapes {
        let (conforms, report) = pyshacl(file, catalogue)?;
        assert!(report.contains("Conforms:"), "pyshacl said:\n{report}");
        if !conforms {
            found.push(format!("{}:\n{report}", file.display()));
        }
    }
    Some(found)
}

#[test]
fn the_catalogue_conforms_to_dcat_ap_and_dcat_ap_se() {
    let dir = shapes_dir();
    let mut shapes: Vec<PathBuf> = EU_SHAPES.iter().map(|f| dir.join(f)).collect();
    shapes.push(dir.join(SE_SHAPES));

    // A site with every setting: DCAT-AP 3.0.1 and DCAT-AP-SE's additions.
    let (_tmp, out) = built_with(&[
        ("site.yaml", SITE),
        ("content/statistik/anmalningar.yaml", DATASET_WITH_CONTACT),
    ]);
    let Some(found) = violations(&out.join("dcat.rdf"), &shapes) else {
        return cannot_validate(
            "pySHACL is not installed (python3 -m pip install pyshacl==0.40.1)",
        );
    };
    assert_eq!(found, Vec::<String>::new());

    // The bundled site, with what is known of its publisher: DCAT-AP 3.0.1 and DCAT-AP-SE.
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::create_dir_all(&site).unwrap();
    fs::copy(root.join("site.yaml"), site.join("site.yaml")).unwrap();
    fs::copy(root.join("addresses.txt"), site.join("addresses.txt")).unwrap();
    copy_dir(&root.join("content"), &site.join("content"));
    let out = tmp.path().join("out");
    assert_success(&build(&site, &out, &[]));
    let found = violations(&out.join("dcat.rdf"), &shapes).unwrap();
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn check_and_build_name_a_dataset_the_catalogue_cannot_describe() {
    let undescribed = DATASET_WITH_CONTACT.replace(
        "description: { sv: Ett påhittat testdataset., en: A made-up test dataset. }\n",
        "",
    );
    let (tmp, site) = fixture_with(
        "basic",
        &[
            ("site.yaml", SITE),
            ("content/statistik/anmalningar.yaml", &undescribed),
        ],
    );
    let expected =
        "content/statistik/anmalningar.yaml:1:1: error: the dataset has no `description`";
    let checked = torget()
        .args(["check", "--now", NOW, "--site"])
        .arg(&site)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&checked.stdout).into_owned()
        + &String::from_utf8_lossy(&checked.stderr);
    assert!(said.contains(expected), "{said}");
    let built = build(&site, &tmp.path().join("out"), &[]);
    assert_eq!(built.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&built.stderr).contains(expected));
}
