//! `open_data:` in site.yaml: who publishes the site's datasets as open data,
//! under which licence and whom to ask, for the DCAT-AP-SE catalogue that
//! Sveriges dataportal harvests (`render/catalogue.rs` writes it).

use serde::Deserialize;

use crate::diagnostics::Diagnostic;
use crate::i18n::{Lang, Localized};
use crate::messages::{Message, Phrase, Rule};
use crate::yaml;

use super::FILE;

/// Where the build writes the catalogue, at the site's root.
pub(crate) const CATALOGUE: &str = "dcat.rdf";

/// The open data settings, checked.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OpenData {
    /// The organisation that publishes the datasets (`dcterms:publisher`).
    pub(crate) publisher: Publisher,
    /// The address of the licence the downloads are published under; none is claimed without it.
    #[serde(default)]
    pub(crate) licence: Option<String>,
    /// Where reusers write with questions about the data; else the site's `contact:`.
    #[serde(default)]
    pub(crate) email: Option<String>,
}

/// The publishing organisation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Publisher {
    pub(crate) name: Localized<String>,
    /// The organisation's web site.
    #[serde(default)]
    pub(crate) url: Option<String>,
    /// The Swedish organisation number (`NNNNNN-NNNN`), which gives the
    /// publisher the address Sveriges dataportal knows it by.
    #[serde(default)]
    pub(crate) organisation_number: Option<String>,
    /// What kind of organisation it is, in the EU's publisher types (`dcterms:type`).
    #[serde(default, rename = "type")]
    pub(crate) kind: Option<PublisherType>,
}

/// The kinds of publisher in the ADMS publisher type vocabulary that DCAT-AP-SE uses.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum PublisherType {
    AcademiaScientificOrganisation,
    Company,
    IndustryConsortium,
    LocalAuthority,
    NationalAuthority,
    NonGovernmentalOrganisation,
    NonProfitOrganisation,
    PrivateIndividuals,
    RegionalAuthority,
    StandardisationBody,
    SupraNationalAuthority,
}

impl PublisherType {
    /// Its address in the vocabulary.
    pub(crate) fn iri(self) -> &'static str {
        use PublisherType::*;
        match self {
            AcademiaScientificOrganisation => {
                "http://purl.org/adms/publishertype/Academia-ScientificOrganisation"
            }
            Company => "http://purl.org/adms/publishertype/Company",
            IndustryConsortium => "http://purl.org/adms/publishertype/IndustryConsortium",
            LocalAuthority => "http://purl.org/adms/publishertype/LocalAuthority",
            NationalAuthority => "http://purl.org/adms/publishertype/NationalAuthority",
            NonGovernmentalOrganisation => {
                "http://purl.org/adms/publishertype/NonGovernmentalOrganisation"
            }
            NonProfitOrganisation => "http://purl.org/adms/publishertype/NonProfitOrganisation",
            PrivateIndividuals => "http://purl.org/adms/publishertype/PrivateIndividual(s)",
            RegionalAuthority => "http://purl.org/adms/publishertype/RegionalAuthority",
            StandardisationBody => "http://purl.org/adms/publishertype/StandardisationBody",
            SupraNationalAuthority => "http://purl.org/adms/publishertype/SupraNationalAuthority",
        }
    }
}

impl OpenData {
    /// Every problem of the settings in site.yaml's `text`, added to
    /// `errors`; the catalogue describes itself with the site's `description`.
    pub(crate) fn check(
        &self,
        text: &str,
        languages: &[Lang],
        description: &Localized<String>,
        errors: &mut Vec<Diagnostic>,
    ) {
        let at = |path: &str| yaml::path_location(text, &format!("open_data.{path}"));
        for lang in languages {
            if description.get(*lang).is_none_or(|d| d.trim().is_empty()) {
                errors.push(
                    Diagnostic::error(
                        FILE,
                        Rule::OpenDataSiteDescriptionMissing.with("language", lang.name()),
                    )
                    .at(text, yaml::key_location(text, 0, "open_data"))
                    .with_hint(
                        Phrase::AddUnder
                            .with("code", lang.code())
                            .with("key", "description"),
                    ),
                );
            }
        }
        for lang in self.publisher.name.missing(languages) {
            errors.push(
                Diagnostic::error(
                    FILE,
                    Rule::OpenDataPublisherNameMissingLanguage.with("language", lang.name()),
                )
                .at(text, at("publisher.name"))
                .with_hint(
                    Phrase::AddUnder
                        .with("code", lang.code())
                        .with("key", "name"),
                ),
            );
        }
        let address = |key: &str, url: Option<&str>, hint: Phrase| {
            let problem = url.and_then(super::web_address_problem)?;
            Some(
                Diagnostic::error(FILE, invalid(key, problem))
                    .at(text, at(key))
                    .with_hint(hint),
            )
        };
        let url = self.publisher.url.as_deref();
        errors.extend(address("publisher.url", url, Phrase::WebAddressHint));
        if let Some(number) = self.publisher.organisation_number.as_deref()
            && organisation_number(number).is_none()
        {
            errors.push(
                Diagnostic::error(
                    FILE,
                    Rule::OpenDataOrganisationNumber.with("number", number),
                )
                .at(text, at("publisher.organisation_number"))
                .with_hint(Phrase::OpenDataOrganisationNumberHint),
            );
        }
        let licence = self.licence.as_deref();
        errors.extend(address("licence", licence, Phrase::OpenDataLicenceHint));
        if let Some(email) = self
            .email
            .as_deref()
            .filter(|e| !crate::accessibility::is_email_address(e))
        {
            let problem = Phrase::NotAnEmailAddress.with("address", email);
            errors.push(
                Diagnostic::error(FILE, invalid("email", problem))
                    .at(text, at("email"))
                    .with_hint(Phrase::FeedbackEmailHint),
            );
        }
    }

    /// The publisher's organisation number as ten digits, if it has a valid one.
    pub(crate) fn organisation_number(&self) -> Option<String> {
        organisation_number(self.publisher.organisation_number.as_deref()?)
    }
}

fn invalid(key: &str, problem: Message) -> Message {
    Rule::OpenDataAddressInvalid
        .with("key", format!("open_data.{key}"))
        .with("problem", problem)
}

/// `number` as the ten digits of a Swedish organisation number, if it is one:
/// `NNNNNN-NNNN` or `NNNNNNNNNN`, whose last digit is the Luhn check digit.
fn organisation_number(number: &str) -> Option<String> {
    let digits: String = match number.split_once('-') {
        Some((head, tail)) if head.len() == 6 && tail.len() == 4 => format!("{head}{tail}"),
        Some(_) => return None,
        None => number.to_string(),
    };
    if digits.len() != 10 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = (digits.bytes().rev().enumerate())
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            match i % 2 {
                0 => d,
                _ if d * 2 > 9 => d * 2 - 9,
                _ => d * 2,
            }
        })
        .sum();
    sum.is_multiple_of(10).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisation_numbers_have_ten_digits_and_a_check_digit() {
        // Numbers whose last digit checks out, with and without the hyphen.
        assert_eq!(
            organisation_number("556012-5790").as_deref(),
            Some("5560125790")
        );
        assert_eq!(
            organisation_number("2021005448").as_deref(),
            Some("2021005448")
        );
        for bad in [
            "556012-5791",
            "55601-25790",
            "556012579",
            "55601257900",
            "SE5560125790",
            "",
        ] {
            assert_eq!(organisation_number(bad), None, "{bad}");
        }
    }
}
