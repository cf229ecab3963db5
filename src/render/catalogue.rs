//! The open data catalogue: the site's datasets described in DCAT-AP-SE, the
//! Swedish profile of DCAT-AP, as RDF/XML at `dcat.rdf`, which is the form
//! Sveriges dataportal harvests (see the README, "Open data").
//!
//! It is made only with `open_data:` in site.yaml, from the settings there
//! and each dataset's texts, date and addresses, through the theme's
//! `dcat.rdf.xml` template. Everything in it is named by an absolute address:
//! the catalogue is the file's own address, so a harvester can load it as a
//! part of the organisation's main catalogue, and its datasets, distributions,
//! publisher and contact are addresses within it (`dcat.rdf#dataset-<id>`),
//! which stay the same while a dataset keeps its file name.

use chrono::NaiveDate;
use serde::Serialize;

use super::*;
use crate::config::open_data::OpenData;
use crate::dataset::Period;
use crate::i18n::Localized;
use crate::yaml;

/// The catalogue's file in the output, at the site's root.
pub(crate) use crate::config::open_data::CATALOGUE as FILE;

/// The theme's template for it.
const TEMPLATE: &str = "dcat.rdf.xml";

/// The licence of the catalogue's own text: DCAT-AP-SE requires CC0 1.0 of
/// every catalogue Sveriges dataportal harvests, whatever the data's licence.
const METADATA_LICENCE: &str = "http://creativecommons.org/publicdomain/zero/1.0/";

/// The EU file type vocabulary (`dcterms:format`).
const FILE_TYPE: &str = "http://publications.europa.eu/resource/authority/file-type/";
/// IANA's register of media types (`dcat:mediaType`), as DCAT-AP names them.
const MEDIA_TYPE: &str = "https://www.iana.org/assignments/media-types/";
/// The EU language vocabulary (`dcterms:language`).
const LANGUAGE: &str = "http://publications.europa.eu/resource/authority/language/";

/// One download of every dataset, as the catalogue describes it.
struct Download {
    /// What follows the dataset's id in the file name.
    suffix: &'static str,
    /// The fragment of its distribution's address, after the dataset's.
    name: &'static str,
    /// Its code in the EU file type vocabulary.
    file_type: &'static str,
    /// Its IANA media type.
    media_type: &'static str,
    /// The specification the file follows, when the media type does not say it.
    conforms_to: Option<&'static str>,
}

/// The downloads written beside each dataset's page (`steps/write.rs`), in the order the catalogue lists them.
const DOWNLOADS: [Download; 4] = [
    Download {
        suffix: ".csv",
        name: "csv",
        file_type: "CSV",
        media_type: "text/csv",
        conforms_to: None,
    },
    Download {
        suffix: ".json",
        name: "json",
        file_type: "JSON",
        media_type: "application/json",
        conforms_to: None,
    },
    // W3C CSV on the Web: the CSV's columns described, in every language.
    Download {
        suffix: ".csv-metadata.json",
        name: "csvw",
        file_type: "JSON_LD",
        media_type: "application/csvm+json",
        conforms_to: Some("http://www.w3.org/TR/tabular-metadata/"),
    },
    // JSON-stat 2.0 has no media type of its own.
    Download {
        suffix: ".jsonstat.json",
        name: "jsonstat",
        file_type: "JSON",
        media_type: "application/json",
        conforms_to: Some("https://json-stat.org/format/"),
    },
];

/// A text in one language.
#[derive(Serialize)]
struct Text {
    lang: &'static str,
    text: String,
}

#[derive(Serialize)]
struct CatalogueView<'a> {
    about: String,
    titles: Vec<Text>,
    descriptions: Vec<Text>,
    homepage: String,
    languages: Vec<String>,
    /// The latest `updated` of its datasets.
    modified: Option<String>,
    publisher: PublisherView<'a>,
    /// The catalogue's contact point, then the datasets' own.
    contacts: Vec<ContactView<'a>>,
    licence: Option<&'a str>,
    /// The licence of the catalogue itself, the metadata.
    metadata_licence: &'static str,
    datasets: Vec<DatasetView>,
    /// Every landing page, typed once.
    documents: Vec<String>,
    /// Every update frequency, typed once.
    frequencies: Vec<&'static str>,
    /// Every file type, media type and specification, typed once.
    formats: Vec<String>,
    media_types: Vec<String>,
    standards: Vec<&'static str>,
}

#[derive(Serialize)]
struct PublisherView<'a> {
    about: String,
    names: Vec<Text>,
    homepage: Option<&'a str>,
    kind: Option<&'static str>,
    /// The kind's name, the vocabulary's own (`LocalAuthority`).
    kind_label: Option<&'static str>,
}

#[derive(Serialize)]
struct ContactView<'a> {
    about: String,
    names: Vec<Text>,
    email: Option<String>,
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct DatasetView {
    about: String,
    titles: Vec<Text>,
    descriptions: Vec<Text>,
    /// The dataset's update frequency in the EU vocabulary.
    frequency: Option<&'static str>,
    /// Its contact point's address: its own `contact:`, else the catalogue's.
    contact: Option<String>,
    modified: String,
    /// The first and last day of the periods it covers.
    start: Option<String>,
    end: Option<String>,
    landing_pages: Vec<String>,
    distributions: Vec<DistributionView>,
}

#[derive(Serialize)]
struct DistributionView {
    about: String,
    url: String,
    format: String,
    media_type: String,
    conforms_to: Option<&'static str>,
}

impl Renderer<'_> {
    /// The catalogue's text when the site has `open_data:`, or the problems
    /// that keep it from being made (a dataset without a description).
    pub(crate) fn catalogue(&self) -> Option<Result<String, Vec<Diagnostic>>> {
        let site = self.site;
        let config = &site.config;
        let open_data = config.open_data.as_ref()?;
        let about = config.absolute(FILE);
        let texts = |texts: &Localized<String>| -> Vec<Text> {
            (config.languages.iter())
                .filter_map(|&lang| {
                    let text = texts.get(lang)?.trim();
                    (!text.is_empty()).then(|| Text {
                        lang: lang.code(),
                        text: xml_text(text),
                    })
                })
                .collect()
        };
        let mut problems = Vec::new();
        let mut datasets = Vec::new();
        let mut contacts: Vec<ContactView<'_>> = contact(site, open_data, &about, &texts)
            .into_iter()
            .collect();
        let catalogue_contact = contacts.first().map(|c| c.about.clone());
        let mut documents = Vec::new();
        let mut keyed: Vec<(&str, &Dataset)> = (site.content.datasets.iter())
            .map(|(key, dataset)| (key.as_str(), dataset))
            .collect();
        keyed.sort_by(|a, b| a.1.id.as_str().cmp(b.1.id.as_str()).then(a.0.cmp(b.0)));
        for (key, dataset) in keyed {
            let Some(downloads) = site.dataset_path(key, config.default_language) else {
                continue;
            };
            let descriptions = texts(&dataset.description);
            if descriptions.is_empty() {
                problems.push(
                    Diagnostic::error(&dataset.file, Rule::CatalogueDatasetNoDescription)
                        .at(&dataset.text, yaml::key_location(&dataset.text, 0, "title"))
                        .with_hint(Phrase::CatalogueDescriptionHint),
                );
                continue;
            }
            let landing_pages: Vec<String> = (config.languages.iter())
                .filter_map(|&lang| site.dataset_path(key, lang))
                .map(|path| config.absolute(path))
                .collect();
            documents.extend(landing_pages.iter().cloned());
            let id = dataset.id.as_str();
            let dataset_about = format!("{about}#dataset-{id}");
            let periods = dataset.periods();
            let own_contact = (dataset.contact.as_ref())
                .and_then(|c| dataset_contact(c, &format!("{about}#contact-{id}"), &texts));
            let contact = match own_contact {
                Some(own) => {
                    let address = own.about.clone();
                    contacts.push(own);
                    Some(address)
                }
                None => catalogue_contact.clone(),
            };
            datasets.push(DatasetView {
                titles: texts(&dataset.title),
                descriptions,
                frequency: dataset.frequency.map(eu_frequency),
                contact,
                modified: dataset.updated.0.to_string(),
                start: periods.first().map(|p| first_day(*p).to_string()),
                end: periods.last().map(|p| last_day(*p).to_string()),
                landing_pages,
                distributions: (DOWNLOADS.iter())
                    .map(|d| DistributionView {
                        about: format!("{dataset_about}-{}", d.name),
                        url: config.absolute(&format!("{downloads}{id}{}", d.suffix)),
                        format: format!("{FILE_TYPE}{}", d.file_type),
                        media_type: format!("{MEDIA_TYPE}{}", d.media_type),
                        conforms_to: d.conforms_to,
                    })
                    .collect(),
                about: dataset_about,
            });
        }
        if !problems.is_empty() {
            return Some(Err(problems));
        }
        documents.push(config.base_url.clone());
        documents.extend(open_data.publisher.url.clone());
        documents.sort();
        documents.dedup();
        let unique = |mut items: Vec<String>| {
            items.sort();
            items.dedup();
            items
        };
        let mut standards: Vec<&str> = DOWNLOADS.iter().filter_map(|d| d.conforms_to).collect();
        standards.sort_unstable();
        standards.dedup();
        let view = CatalogueView {
            titles: (config.languages.iter())
                .map(|&lang| Text {
                    lang: lang.code(),
                    text: xml_text(config.name(lang)),
                })
                .collect(),
            descriptions: texts(&config.description),
            homepage: config.base_url.clone(),
            languages: (config.languages.iter())
                .filter_map(|lang| eu_language(lang.code()))
                .map(|code| format!("{LANGUAGE}{code}"))
                .collect(),
            modified: (datasets.iter()).map(|d| d.modified.clone()).max(),
            publisher: publisher(open_data, &about, &texts),
            contacts,
            licence: open_data.licence.as_deref(),
            metadata_licence: METADATA_LICENCE,
            documents,
            formats: unique(
                DOWNLOADS
                    .iter()
                    .map(|d| format!("{FILE_TYPE}{}", d.file_type))
                    .collect(),
            ),
            media_types: unique(
                DOWNLOADS
                    .iter()
                    .map(|d| format!("{MEDIA_TYPE}{}", d.media_type))
                    .collect(),
            ),
            standards,
            frequencies: {
                let mut all: Vec<&str> = datasets.iter().filter_map(|d| d.frequency).collect();
                all.sort_unstable();
                all.dedup();
                all
            },
            datasets,
            about,
        };
        let mut context = Context::new();
        context.insert("catalogue", &view);
        Some(
            self.template(TEMPLATE, &context, config.default_language)
                .map_err(|e| vec![e]),
        )
    }
}

/// The publisher: by the address Sveriges dataportal knows it by when its
/// organisation number is given, else by one in the catalogue.
fn publisher<'a>(
    open_data: &'a OpenData,
    catalogue: &str,
    texts: &dyn Fn(&Localized<String>) -> Vec<Text>,
) -> PublisherView<'a> {
    PublisherView {
        about: match open_data.organisation_number() {
            Some(number) => format!("http://dataportal.se/organisation/SE{number}"),
            None => format!("{catalogue}#publisher"),
        },
        names: texts(&open_data.publisher.name),
        homepage: open_data.publisher.url.as_deref(),
        kind: open_data.publisher.kind.map(|k| k.iri()),
        kind_label: (open_data.publisher.kind).and_then(|k| k.iri().rsplit('/').next()),
    }
}

/// Whom to ask about the data: `open_data.email`, else the site's `contact:`;
/// none when neither gives a way to reach anyone.
fn contact<'a>(
    site: &'a Site,
    open_data: &'a OpenData,
    catalogue: &str,
    texts: &dyn Fn(&Localized<String>) -> Vec<Text>,
) -> Option<ContactView<'a>> {
    let site_contact = site.config.contact.as_ref();
    let email = (open_data.email.as_deref())
        .or_else(|| site_contact.and_then(|c| c.email.as_deref()))
        // The site's contact address is shown as written; only a plain one becomes a link here.
        .filter(|e| crate::accessibility::is_email_address(e))
        .map(|e| format!("mailto:{e}"));
    let url = site_contact
        .and_then(|c| c.url.as_deref())
        .filter(|_| open_data.email.is_none());
    if email.is_none() && url.is_none() {
        return None;
    }
    let names = match site_contact.filter(|_| open_data.email.is_none()) {
        Some(contact) => texts(&contact.name),
        None => texts(&open_data.publisher.name),
    };
    Some(ContactView {
        about: format!("{catalogue}#contact"),
        names,
        email,
        url,
    })
}

/// A dataset's own `contact:`, when it gives a way to reach someone.
fn dataset_contact<'a>(
    contact: &'a crate::dataset::Contact,
    about: &str,
    texts: &dyn Fn(&Localized<String>) -> Vec<Text>,
) -> Option<ContactView<'a>> {
    let email = (contact.email.as_deref())
        .filter(|e| crate::accessibility::is_email_address(e))
        .map(|e| format!("mailto:{e}"));
    let url = (contact.url.as_deref()).filter(|u| crate::config::web_address_problem(u).is_none());
    (email.is_some() || url.is_some()).then(|| ContactView {
        about: about.to_string(),
        names: texts(&contact.name),
        email,
        url,
    })
}

/// A dataset's `frequency:` in the EU frequency vocabulary.
fn eu_frequency(frequency: crate::dataset::Frequency) -> &'static str {
    use crate::dataset::Frequency;
    match frequency {
        Frequency::Yearly => "http://publications.europa.eu/resource/authority/frequency/ANNUAL",
        Frequency::Quarterly => {
            "http://publications.europa.eu/resource/authority/frequency/QUARTERLY"
        }
        Frequency::Monthly => "http://publications.europa.eu/resource/authority/frequency/MONTHLY",
        Frequency::Irregular => "http://publications.europa.eu/resource/authority/frequency/IRREG",
    }
}

/// The first day of a period.
fn first_day(period: Period) -> NaiveDate {
    let (year, month) = match period {
        Period::Year(y) => (y, 1),
        Period::Quarter(y, q) => (y, u32::from(q) * 3 - 2),
        Period::Month(y, m) => (y, u32::from(m)),
    };
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
}

/// The last day of a period: the day before the next one starts.
fn last_day(period: Period) -> NaiveDate {
    first_day(period.next())
        .pred_opt()
        .unwrap_or(NaiveDate::MAX)
}

/// The code of a site language in the EU language vocabulary, for the languages it is known for.
fn eu_language(code: &str) -> Option<&'static str> {
    Some(match code {
        "sv" => "SWE",
        "en" => "ENG",
        "fi" => "FIN",
        "ar" => "ARA",
        "fa" => "FAS",
        "so" => "SOM",
        "bs" => "BOS",
        "hr" => "HRV",
        "sr" => "SRP",
        "da" => "DAN",
        "nb" => "NOB",
        "nn" => "NNO",
        "de" => "DEU",
        "fr" => "FRA",
        "es" => "SPA",
        "pl" => "POL",
        "tr" => "TUR",
        "ru" => "RUS",
        "uk" => "UKR",
        "ti" => "TIR",
        "yi" => "YID",
        "se" => "SME",
        _ => return None,
    })
}

/// `text` without the characters XML 1.0 cannot hold (control characters
/// other than tab and line breaks); the template escapes the rest.
fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r')
                || !(c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}'))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_span_from_their_first_day_to_their_last() {
        for (period, first, last) in [
            (Period::Year(2023), "2023-01-01", "2023-12-31"),
            (Period::Quarter(2024, 1), "2024-01-01", "2024-03-31"),
            (Period::Quarter(2024, 4), "2024-10-01", "2024-12-31"),
            (Period::Month(2024, 2), "2024-02-01", "2024-02-29"),
            (Period::Month(2023, 12), "2023-12-01", "2023-12-31"),
        ] {
            assert_eq!(first_day(period).to_string(), first, "{period}");
            assert_eq!(last_day(period).to_string(), last, "{period}");
        }
    }

    #[test]
    fn control_characters_are_left_out_of_the_xml() {
        assert_eq!(
            xml_text("a\u{1}b\tc\u{7f}d\u{a0}é\u{ffff}\u{1f600}"),
            "ab\tcd\u{a0}é\u{1f600}"
        );
    }
}
