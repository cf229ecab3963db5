//! `<id>.csv-metadata.json`: the CSV described in W3C CSV on the Web's
//! metadata vocabulary (<https://www.w3.org/TR/tabular-metadata/>), with
//! titles in every language of the site.

use serde::Serialize;
use serde_json::{Value, json};

use super::{Column, SiteFacts, columns, period_words};
use crate::dataset::provenance::{Published, Source};
use crate::dataset::{Dataset, PeriodKind, Status, Statuses};
use crate::i18n::{Lang, Localized};

#[derive(Serialize)]
struct Metadata {
    #[serde(rename = "@context")]
    context: &'static str,
    url: String,
    #[serde(rename = "dc:identifier")]
    identifier: String,
    #[serde(rename = "dc:title")]
    title: Vec<Value>,
    #[serde(rename = "dc:description")]
    description: Vec<Value>,
    #[serde(rename = "dc:publisher", skip_serializing_if = "Option::is_none")]
    publisher: Option<Value>,
    #[serde(rename = "dc:source")]
    source: Vec<Value>,
    #[serde(rename = "dc:modified")]
    modified: Value,
    /// Changes to figures already published, newest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notes: Vec<Value>,
    #[serde(rename = "tableSchema")]
    table_schema: Value,
}

/// The CSV's metadata document, to be written as `<id>.csv-metadata.json`
/// beside `<id>.csv` (the name CSVW processors look for first).
pub(crate) fn csvw(dataset: &Dataset, site: &SiteFacts) -> String {
    let languages = site.languages;
    let periods = dataset.periods();
    let description = tagged_with(languages, |lang| {
        dataset
            .description
            .get(lang)
            .filter(|d| !d.trim().is_empty())
            .cloned()
            .unwrap_or_else(|| crate::dataset::table::caption(dataset, lang, &periods))
    });
    let columns: Vec<Value> = columns(dataset, languages)
        .into_iter()
        .map(|column| describe(column, dataset, site))
        .collect();
    let metadata = Metadata {
        context: "http://www.w3.org/ns/csvw",
        url: format!("{}.csv", dataset.id.as_str()),
        identifier: dataset.id.as_str().to_string(),
        title: tagged(&dataset.title, languages),
        description,
        publisher: site.publisher.map(|(name, url)| {
            let mut publisher = json!({ "schema:name": tagged(name, languages) });
            if let Some(url) = url {
                publisher["@id"] = json!(url);
            }
            publisher
        }),
        source: sources(dataset)
            .into_iter()
            .map(|source| {
                let mut described = json!({ "schema:name": tagged(&source.name, languages) });
                if let Some(url) = &source.url {
                    described["@id"] = json!(url);
                }
                if let Some(date) = source.date {
                    described["dc:date"] = published(date);
                }
                described
            })
            .collect(),
        modified: typed(&dataset.updated.0.format("%Y-%m-%d").to_string(), "xsd:date"),
        notes: (dataset.revisions.iter())
            .map(|revision| {
                json!({
                    "@type": "oa:Annotation",
                    "oa:motivatedBy": { "@id": "oa:editing" },
                    "dc:created": typed(&revision.date.0.format("%Y-%m-%d").to_string(), "xsd:date"),
                    "rdfs:comment": tagged(&revision.note, languages),
                })
            })
            .collect(),
        table_schema: json!({
            "columns": columns,
            "primaryKey": "period",
        }),
    };
    let mut text = serde_json::to_string_pretty(&metadata).unwrap_or_default();
    text.push('\n');
    text
}

/// One column's description: its name, its titles in every language (and
/// the CSV's header as an undetermined-language title, so the header
/// matches as CSVW requires), and its datatype.
fn describe(column: Column, dataset: &Dataset, site: &SiteFacts) -> Value {
    let header = column.header();
    let title = |lang: Lang| -> String {
        let label = |s: &crate::dataset::Series| s.label.text(lang).to_string();
        let comma = &lang.locale().comma;
        match column {
            Column::Period => site.text(lang, period_words(dataset.kind)),
            Column::Value(s) => label(s),
            Column::Status(s) => format!(
                "{}{comma}{}",
                label(s),
                site.text(lang, "stats_status_column")
            ),
            Column::Partial(s) => format!("{} [d]", label(s)),
            Column::Preliminary(s) => format!("{} [p]", label(s)),
            Column::Note(s, of) => format!(
                "{}{comma}{} ({})",
                label(s),
                site.text(lang, "stats_note_column"),
                of.code()
            ),
        }
    };
    let mut titles = serde_json::Map::new();
    titles.insert("und".to_string(), json!(header));
    for lang in site.languages {
        titles.insert(lang.code().to_string(), json!(title(*lang)));
    }
    let mut described = json!({
        "name": column_name(&header),
        "titles": titles,
    });
    let letters: String = Status::ALL
        .iter()
        .map(|s| format!("{}?", s.letter()))
        .collect();
    match column {
        Column::Period => {
            described["datatype"] = match dataset.kind {
                PeriodKind::Year => json!("gYear"),
                PeriodKind::Month => json!("gYearMonth"),
                PeriodKind::Quarter => json!({ "base": "string", "format": "^[0-9]{4}-Q[1-4]$" }),
            };
            described["required"] = json!(true);
        }
        Column::Value(s) => {
            described["datatype"] = json!("number");
            described["schema:unitText"] = json!(tagged(s.unit(dataset), site.languages));
            if s.per.is_some() {
                let scale = s.per.as_ref().map_or(0.0, |(per, _)| per.scale);
                described["dc:description"] = json!(tagged_with(site.languages, |lang| {
                    format!("{} {}", site.text(lang, "stats_per"), super::number(scale))
                }));
            }
        }
        Column::Status(series) => {
            described["datatype"] = json!({ "base": "string", "format": format!("^{letters}$") });
            // What the letters of this series mean.
            let used = (series.values.values()).fold(Statuses::NONE, |all, o| all.union(o.status));
            if !used.is_empty() {
                described["dc:description"] = json!(tagged_with(site.languages, |lang| {
                    (used.iter())
                        .map(|s| site.status_meaning(lang, s))
                        .collect::<Vec<_>>()
                        .join(" ")
                }));
            }
        }
        Column::Partial(_) | Column::Preliminary(_) => {
            described["datatype"] = json!("boolean");
            let status = match column {
                Column::Partial(_) => Status::PartPeriod,
                _ => Status::Provisional,
            };
            described["dc:description"] =
                json!(tagged_with(site.languages, |lang| site.status_meaning(lang, status)));
        }
        Column::Note(_, lang) => {
            described["datatype"] = json!("string");
            described["lang"] = json!(lang.code());
        }
    }
    described
}

/// A column's `name`: the header, with any character a URI template
/// variable cannot hold (`-`) percent-encoded, as CSVW asks.
pub(crate) fn column_name(header: &str) -> String {
    header
        .chars()
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '_' => c.to_string(),
            c => {
                let mut bytes = [0; 4];
                c.encode_utf8(&mut bytes)
                    .bytes()
                    .map(|b| format!("%{b:02X}"))
                    .collect()
            }
        })
        .collect()
}

/// Every source the figures come from: the main one, then the others by
/// id, then the sources of the bases of derived rates.
fn sources(dataset: &Dataset) -> Vec<&Source> {
    let mut all = vec![&dataset.source];
    let more = (dataset.sources.iter())
        .filter(|(id, _)| dataset.source_id.as_deref() != Some(id.as_str()))
        .map(|(_, source)| source)
        .chain(
            (dataset.series.iter())
                .filter_map(|s| s.derived_from.as_ref())
                .map(|(_, source)| source),
        );
    for source in more {
        if !all.contains(&source) {
            all.push(source);
        }
    }
    all
}

/// A text in every language that has it, as JSON-LD language-tagged values.
fn tagged(texts: &Localized<String>, languages: &[Lang]) -> Vec<Value> {
    languages
        .iter()
        .filter_map(|lang| {
            let text = texts.get(*lang)?;
            Some(json!({ "@value": text, "@language": lang.code() }))
        })
        .collect()
}

/// A text made for every language, as JSON-LD language-tagged values.
fn tagged_with(languages: &[Lang], text: impl Fn(Lang) -> String) -> Vec<Value> {
    languages
        .iter()
        .map(|lang| json!({ "@value": text(*lang), "@language": lang.code() }))
        .collect()
}

fn typed(value: &str, datatype: &str) -> Value {
    json!({ "@value": value, "@type": datatype })
}

/// A source's date, typed as precisely as it is known.
fn published(date: Published) -> Value {
    let datatype = match date {
        Published::Day(_) => "xsd:date",
        Published::Month(..) => "xsd:gYearMonth",
        Published::Year(_) => "xsd:gYear",
    };
    typed(&date.to_string(), datatype)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_name_is_a_uri_template_variable() {
        assert_eq!(column_name("deaths_status"), "deaths_status");
        assert_eq!(column_name("skadade-personer"), "skadade%2Dpersoner");
    }
}
