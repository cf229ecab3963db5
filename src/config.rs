//! Site settings from `site.yaml`: name, base URL, languages, contact and menu.

use serde::Deserialize;

use crate::diagnostics::Diagnostic;
use crate::i18n::{Lang, Localized};
use crate::messages::{Message, Phrase, Rule};
use crate::yaml;

pub(crate) mod open_data;
pub(crate) mod review;

/// The validated settings of a site.
#[derive(Debug, Clone)]
pub(crate) struct SiteConfig {
    pub(crate) name: Localized<String>,
    pub(crate) description: Localized<String>,
    /// Absolute URL of the site root, always ending in `/`.
    pub(crate) base_url: String,
    /// The path part of `base_url` (`/sluta-skjut/`), where the site's root is on its host.
    root_path: String,
    /// The site's languages, default language first.
    pub(crate) languages: Vec<Lang>,
    pub(crate) default_language: Lang,
    /// The languages `check` expects every article in (`required_languages:`); all by default.
    required_languages: Option<Vec<Lang>>,
    pub(crate) contact: Option<Contact>,
    /// `@/` target of the accessibility statement, linked from every footer.
    pub(crate) accessibility_statement: Option<String>,
    /// The facts of the accessibility statement, written into that page (`accessibility:`).
    pub(crate) accessibility: Option<crate::accessibility::Accessibility>,
    /// `@/` targets shown in the header's main menu, in order.
    pub(crate) menu: Vec<String>,
    /// Who answers for pages (`owners:`) and when they are due for review (`review_after_days`).
    pub(crate) review: review::ReviewSettings,
    pub(crate) check: CheckSettings,
    /// Hosts whose pages raw HTML may embed in an iframe (`www.youtube-nocookie.com`).
    pub(crate) iframe_hosts: Vec<String>,
    /// Links name `index.html`, so the site works opened from disk (`build --for-disk`).
    pub(crate) link_files: bool,
    /// Who publishes the datasets as open data (`open_data:`): with it, the build writes a DCAT-AP-SE catalogue.
    pub(crate) open_data: Option<open_data::OpenData>,
}

/// Thresholds for `torget check`, under `check:` in site.yaml.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct CheckSettings {
    /// Pages with a LIX (läsbarhetsindex) above this are reported.
    pub(crate) lix_max: f64,
    /// Datasets whose `updated` is older than this many days are reported.
    pub(crate) dataset_max_age_days: i64,
}

impl Default for CheckSettings {
    fn default() -> Self {
        // LIX 50 is where Swedish guidance puts "difficult" text; public
        // information should stay below it.
        CheckSettings {
            lix_max: 50.0,
            dataset_max_age_days: 365,
        }
    }
}

/// Who readers contact about the site, shown in every footer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Contact {
    pub(crate) name: Localized<String>,
    #[serde(default)]
    pub(crate) email: Option<String>,
    #[serde(default)]
    pub(crate) phone: Option<String>,
    /// A web page where readers find more ways to get in touch.
    #[serde(default)]
    pub(crate) url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    name: Localized<String>,
    base_url: String,
    languages: Vec<Lang>,
    default_language: Lang,
    /// The languages every article must have (`check` warns); all by default.
    #[serde(default)]
    required_languages: Option<Vec<Lang>>,
    #[serde(default)]
    description: Localized<String>,
    #[serde(default)]
    contact: Option<Contact>,
    #[serde(default)]
    accessibility_statement: Option<String>,
    #[serde(default)]
    accessibility: Option<crate::accessibility::Accessibility>,
    #[serde(default)]
    menu: Vec<String>,
    #[serde(default)]
    owners: Option<std::collections::BTreeMap<String, review::Owner>>,
    #[serde(default = "review::default_after_days")]
    review_after_days: i64,
    #[serde(default)]
    check: CheckSettings,
    #[serde(default)]
    iframe_hosts: Vec<String>,
    #[serde(default)]
    open_data: Option<open_data::OpenData>,
}

pub(crate) const FILE: &str = "site.yaml";

impl SiteConfig {
    /// Parses and checks `site.yaml`; `base_url` replaces the file's when given.
    pub(crate) fn parse(text: &str, base_url: Option<&str>) -> Result<SiteConfig, Vec<Diagnostic>> {
        let raw: RawConfig = yaml::parse(FILE, text).map_err(|d| vec![d])?;
        let mut errors = Vec::new();
        let at = |key: &str| yaml::key_location(text, 0, key);

        let mut languages = Vec::new();
        for lang in &raw.languages {
            if languages.contains(lang) {
                errors.push(
                    Diagnostic::error(
                        FILE,
                        Rule::LanguageListedTwice.with("lang", lang.to_string()),
                    )
                    .at(text, at("languages")),
                );
            } else {
                languages.push(*lang);
            }
        }
        if languages.is_empty() {
            errors.push(
                Diagnostic::error(FILE, Rule::NoLanguages)
                    .at(text, at("languages"))
                    .with_hint(Phrase::WriteLanguages),
            );
        }
        if !languages.contains(&raw.default_language) {
            errors.push(
                Diagnostic::error(
                    FILE,
                    Rule::DefaultLanguageNotListed.with("lang", raw.default_language.to_string()),
                )
                .at(text, at("default_language")),
            );
        }
        languages.sort_by_key(|l| (*l != raw.default_language, *l));
        for lang in raw.required_languages.iter().flatten() {
            if !languages.contains(lang) {
                errors.push(
                    Diagnostic::error(
                        FILE,
                        Rule::RequiredLanguageNotListed.with("lang", lang.to_string()),
                    )
                    .at(text, at("required_languages"))
                    .with_hint(Phrase::RequiredLanguageHint),
                );
            }
        }

        for lang in raw.name.missing(&languages) {
            errors.push(
                Diagnostic::error(
                    FILE,
                    Rule::SiteNameMissingLanguage.with("language", lang.name()),
                )
                .at(text, at("name"))
                .with_hint(
                    Phrase::AddUnder
                        .with("code", lang.code())
                        .with("key", "name"),
                ),
            );
        }
        if let Some(contact) = &raw.contact {
            if let Some(problem) = contact.url.as_deref().and_then(web_address_problem) {
                errors.push(
                    Diagnostic::error(FILE, Rule::ContactUrlInvalid.with("problem", problem))
                        .at(text, yaml::path_location(text, "contact.url"))
                        .with_hint(Phrase::WebAddressHint),
                );
            }
            for lang in contact.name.missing(&languages) {
                errors.push(
                    Diagnostic::error(
                        FILE,
                        Rule::ContactNameMissingLanguage.with("language", lang.name()),
                    )
                    .at(text, at("contact")),
                );
            }
        }

        let review = review::ReviewSettings::new(
            raw.owners,
            raw.review_after_days,
            &languages,
            text,
            &mut errors,
        );
        if let Some(facts) = &raw.accessibility {
            let has_page = raw.accessibility_statement.is_some();
            errors.extend(facts.problems_in(FILE, text, &languages, has_page, web_address_problem));
        }
        if let Some(open_data) = &raw.open_data {
            open_data.check(text, &languages, &raw.description, &mut errors);
        }

        let base_url = match base_url {
            Some(url) => normalise_base_url(url).map_err(|m| {
                vec![Diagnostic::error("--base-url", m).with_hint(Phrase::BaseUrlOptionHint)]
            })?,
            None => match normalise_base_url(&raw.base_url) {
                Ok(url) => url,
                Err(message) => {
                    errors.push(
                        Diagnostic::error(FILE, message)
                            .at(text, at("base_url"))
                            .with_hint(Phrase::BaseUrlHint),
                    );
                    String::new()
                }
            },
        };

        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(SiteConfig {
            name: raw.name,
            description: raw.description,
            root_path: url::Url::parse(&base_url)
                .map_or_else(|_| "/".to_string(), |u| u.path().to_string()),
            base_url,
            languages,
            default_language: raw.default_language,
            required_languages: raw.required_languages,
            contact: raw.contact,
            accessibility_statement: raw.accessibility_statement,
            accessibility: raw.accessibility,
            menu: raw.menu,
            review,
            check: raw.check,
            iframe_hosts: raw.iframe_hosts,
            link_files: false,
            open_data: raw.open_data,
        })
    }

    /// The languages every article should be translated into: `required_languages:`, or all.
    pub(crate) fn required_languages(&self) -> &[Lang] {
        self.required_languages
            .as_deref()
            .unwrap_or(&self.languages)
    }

    /// The site's name in `lang`.
    pub(crate) fn name(&self, lang: Lang) -> &str {
        self.name.get(lang).map_or("", String::as_str)
    }

    /// The URL prefix of `lang`: empty for the default language, `en/` for the others.
    pub(crate) fn lang_prefix(&self, lang: Lang) -> String {
        if lang == self.default_language {
            String::new()
        } else {
            format!("{}/", lang.code())
        }
    }

    /// The absolute URL of a site-relative path.
    pub(crate) fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// The path part of the base URL (`/sluta-skjut/`), where the site's root is on its host.
    pub(crate) fn root_path(&self) -> &str {
        &self.root_path
    }

    /// Line and column of a top-level key, for errors about a setting found later.
    pub(crate) fn key_location(text: &str, key: &str) -> crate::diagnostics::Location {
        yaml::key_location(text, 0, key)
    }
}

/// What a reader's browser needs of an address an editor gives for an outside page.
/// Why `url` is not an address of a web page (`https://…` or `http://…` with a host), if it is not.
///
/// Other schemes (`javascript:`, `data:`) would let a setting run script in readers' browsers.
pub(crate) fn web_address_problem(url: &str) -> Option<Message> {
    web_address(url)
        .err()
        .map(|_| Phrase::NotAWebAddress.with("url", url))
}

/// `url` read as a browser reads it, if it is an `https://` or `http://`
/// address with a host and nothing a browser would quietly change.
fn web_address(url: &str) -> Result<url::Url, ()> {
    // Browsers (and the url crate) take `https:example.org`, `https:///host` and
    // spaces; an editor who wrote them meant something else.
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return Err(());
    };
    if rest.starts_with('/') || url.contains(char::is_whitespace) {
        return Err(());
    }
    let parsed = url::Url::parse(url).map_err(|_| ())?;
    match parsed.host_str() {
        Some(host) if !host.is_empty() => Ok(parsed),
        _ => Err(()),
    }
}

fn normalise_base_url(url: &str) -> Result<String, Message> {
    let url = url.trim();
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(Rule::BaseUrlScheme.with("url", url));
    }
    web_address(url)
        .ok()
        // Pages are addressed below the base: a query or fragment would be cut off.
        .filter(|u| u.query().is_none() && u.fragment().is_none() && !url.contains(['"', '<', '>']))
        .ok_or_else(|| Rule::BaseUrlInvalid.with("url", url))?;
    // Kept as the editor wrote it (the url crate would, say, lowercase the
    // host), with the one slash the site's paths are joined to.
    Ok(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_are_whole_http_addresses_with_a_host() {
        for good in [
            "https://malmo.se/",
            "http://example.org/a?b=c",
            "https://xn--malm-8qa.se",
        ] {
            assert_eq!(web_address_problem(good), None, "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "https:malmo.se",
            "https://",
            "https:///path",
            "//malmo.se/",
            "malmo.se",
            "https://malmo.se/ x",
            "ftp://malmo.se/",
        ] {
            assert!(web_address_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn the_root_path_is_the_base_urls_path() {
        let config = SiteConfig::parse(GOOD, None).unwrap();
        assert_eq!(config.root_path(), "/sub/");
        let config = SiteConfig::parse(GOOD, Some("http://127.0.0.1:8000")).unwrap();
        assert_eq!(config.root_path(), "/");
    }

    const GOOD: &str = "name: { sv: Sajt, en: Site }\nbase_url: https://example.org/sub\nlanguages: [en, sv]\ndefault_language: sv\n";

    #[test]
    fn parses_and_puts_the_default_language_first() {
        let config = SiteConfig::parse(GOOD, None).unwrap();
        assert_eq!(config.languages, [Lang::SV, Lang::EN]);
        assert_eq!(config.base_url, "https://example.org/sub/");
        assert_eq!(config.lang_prefix(Lang::EN), "en/");
        assert_eq!(config.lang_prefix(Lang::SV), "");
        assert_eq!(config.absolute("en/"), "https://example.org/sub/en/");
        assert_eq!(config.root_path(), "/sub/");
    }

    #[test]
    fn base_url_can_be_overridden() {
        let config = SiteConfig::parse(GOOD, Some("http://localhost:8000")).unwrap();
        assert_eq!(config.base_url, "http://localhost:8000/");
    }

    #[test]
    fn missing_name_translation_and_bad_url_are_located() {
        let text = "name: { sv: Sajt }\nbase_url: example.org\nlanguages: [sv, en]\ndefault_language: sv\n";
        let errors = SiteConfig::parse(text, None).unwrap_err();
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(
            lines.contains(&"site.yaml:1:1: the site name has no English text".to_string()),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("site.yaml:2:1: base URL")),
            "{lines:?}"
        );
    }
}
