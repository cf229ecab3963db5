//! `owners:` and `review_after_days` in site.yaml: who answers for pages, and how often they are read through again.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::i18n::{Lang, Localized};
use crate::messages::{Phrase, Rule};
use crate::yaml;

use super::FILE;

/// A person or team that answers for pages, under `owners:` in site.yaml.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Owner {
    /// The name readers and editors see, per language.
    pub(crate) name: Localized<String>,
    #[serde(default)]
    pub(crate) email: Option<String>,
    #[serde(default)]
    pub(crate) phone: Option<String>,
    /// A web page about the owner or how to reach them.
    #[serde(default)]
    pub(crate) url: Option<String>,
    /// The owner `torget new` writes into new files when the site has several.
    #[serde(default, skip_serializing)]
    pub(crate) default: bool,
}

/// The review settings of a site.
#[derive(Debug, Clone)]
pub(crate) struct ReviewSettings {
    /// Owners by id, when site.yaml lists them: then a page's `owner` must be one of them.
    pub(crate) owners: Option<BTreeMap<String, Owner>>,
    /// A page is due for review this many days after its `reviewed` date.
    pub(crate) after_days: i64,
}

/// A year: Sweden's web guidelines ask that pages be reviewed regularly, and a year is the common interval.
pub(crate) fn default_after_days() -> i64 {
    365
}

impl ReviewSettings {
    /// The settings from site.yaml's `owners` and `review_after_days`, with every problem in `text` added to `errors`.
    pub(crate) fn new(
        owners: Option<BTreeMap<String, Owner>>,
        after_days: i64,
        languages: &[Lang],
        text: &str,
        errors: &mut Vec<Diagnostic>,
    ) -> ReviewSettings {
        if after_days < 1 {
            errors.push(
                Diagnostic::error(
                    FILE,
                    Rule::ReviewAfterDaysTooSmall.with("days", after_days.to_string()),
                )
                .at(text, yaml::value_location(text, 0, "review_after_days"))
                .with_hint(Phrase::ReviewAfterDaysHint),
            );
        }
        let mut defaults = Vec::new();
        for (id, owner) in owners.iter().flatten() {
            let at = |key: &str| yaml::path_location(text, &format!("owners.{id}.{key}"));
            for lang in owner.name.missing(languages) {
                errors.push(
                    Diagnostic::error(
                        FILE,
                        Rule::OwnerNameMissingLanguage
                            .with("owner", id.as_str())
                            .with("language", lang.name()),
                    )
                    .at(text, at("name"))
                    .with_hint(
                        Phrase::AddUnder
                            .with("code", lang.code())
                            .with("key", "name"),
                    ),
                );
            }
            if let Some(problem) = owner.url.as_deref().and_then(super::web_address_problem) {
                errors.push(
                    Diagnostic::error(
                        FILE,
                        Rule::OwnerUrlInvalid
                            .with("owner", id.as_str())
                            .with("problem", problem),
                    )
                    .at(text, at("url"))
                    .with_hint(Phrase::WebAddressHint),
                );
            }
            if owner.default {
                defaults.push(id.as_str());
                if let [first, _, ..] = defaults[..] {
                    errors.push(
                        Diagnostic::error(
                            FILE,
                            Rule::OwnerDefaultTwice
                                .with("owner", id.as_str())
                                .with("first", first),
                        )
                        .at(text, at("default"))
                        .with_hint(Phrase::OwnerDefaultTwiceHint),
                    );
                }
            }
        }
        ReviewSettings { owners, after_days }
    }

    /// The owner `torget new` fills in: the only owner, or the only one marked `default: true`.
    pub(crate) fn default_owner(&self) -> Option<&str> {
        let owners = self.owners.as_ref()?;
        if let [(only, _)] = owners.iter().collect::<Vec<_>>()[..] {
            return Some(only);
        }
        let mut marked = owners.iter().filter(|(_, o)| o.default);
        match (marked.next(), marked.next()) {
            (Some((id, _)), None) => Some(id),
            _ => None,
        }
    }

    /// The owner with `id`, when site.yaml lists it.
    pub(crate) fn owner(&self, id: &str) -> Option<&Owner> {
        self.owners.as_ref()?.get(id)
    }
}

#[cfg(test)]
mod tests {
    use crate::config::SiteConfig;

    const BASE: &str = "name: { sv: Sajt, en: Site }\nbase_url: https://example.org/\nlanguages: [sv, en]\ndefault_language: sv\n";

    fn parse(extra: &str) -> Result<SiteConfig, Vec<String>> {
        SiteConfig::parse(&format!("{BASE}{extra}"), None)
            .map_err(|errors| errors.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn without_owners_every_owner_is_allowed_and_reviews_fall_due_after_a_year() {
        let config = parse("").unwrap();
        assert!(config.review.owners.is_none());
        assert_eq!(config.review.after_days, 365);
        assert_eq!(config.review.default_owner(), None);
    }

    #[test]
    fn the_default_owner_is_the_only_one_or_the_one_marked() {
        let one = parse("owners:\n  web: { name: { sv: Webb, en: Web } }\n").unwrap();
        assert_eq!(one.review.default_owner(), Some("web"));
        let two = "owners:\n  a: { name: { sv: A, en: A } }\n  b: { name: { sv: B, en: B }";
        let unmarked = parse(&format!("{two} }}\n")).unwrap();
        assert_eq!(unmarked.review.default_owner(), None);
        let marked = parse(&format!("{two}, default: true }}\n")).unwrap();
        assert_eq!(marked.review.default_owner(), Some("b"));
    }

    #[test]
    fn bad_owners_are_located() {
        let errors = parse(
            "review_after_days: 0\nowners:\n  a:\n    name: { sv: A }\n    url: malmo.se\n    default: true\n  b:\n    name: { sv: B, en: B }\n    default: true\n",
        )
        .unwrap_err();
        for expected in [
            "site.yaml:5:20: `review_after_days` must be at least 1, not 0",
            "site.yaml:8:5: the owner `a` has no English name",
            "site.yaml:9:5: the owner `a`'s address `malmo.se` is not a web address (https://…)",
            "site.yaml:13:5: the owner `b` is marked `default: true`, and so is `a`",
        ] {
            assert!(
                errors.iter().any(|e| e == expected),
                "{expected}\n{errors:#?}"
            );
        }
    }

    #[test]
    fn unknown_keys_and_wrong_types_are_located() {
        let errors = parse("owners:\n  a:\n    name: { sv: A, en: A }\n    mail: a@example.org\n")
            .unwrap_err();
        assert!(
            errors[0].starts_with("site.yaml:8:5: in `owners.a`: unknown key `mail`"),
            "{errors:?}"
        );
        let errors = parse("review_after_days: a year\n").unwrap_err();
        assert!(
            errors[0].starts_with("site.yaml:5:20: in `review_after_days`: wrong type"),
            "{errors:?}"
        );
    }
}
