//! Interface strings of the theme ("Senast uppdaterad", "Hoppa till innehållet" …), one file per language.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::i18n::Lang;
use crate::i18n::locale::LocaleBlock;
use crate::messages::{Phrase, Rule};
use crate::yaml;

/// The interface strings of one language, by key (`skip_link`, `last_updated` …).
#[derive(Debug, Clone, Default, Serialize)]
#[serde(transparent)]
pub struct InterfaceStrings(BTreeMap<String, String>);

impl InterfaceStrings {
    /// No strings at all: every lookup shows its key.
    pub const EMPTY: InterfaceStrings = InterfaceStrings(BTreeMap::new());

    /// Parses `i18n/<lang>.yaml` of the theme: a flat map of key to text (a `locale:` block is skipped).
    pub(crate) fn parse(file: &str, text: &str) -> Result<InterfaceStrings, Diagnostic> {
        Self::parse_with_locale(file, text).map(|(strings, _)| strings)
    }

    /// Parses `i18n/<lang>.yaml`: the interface strings, and the `locale:`
    /// block a site gives for a language torget has no pack for.
    pub(crate) fn parse_with_locale(
        file: &str,
        text: &str,
    ) -> Result<(InterfaceStrings, Option<LocaleBlock>), Diagnostic> {
        let Some((start, end)) = locale_block(text) else {
            return yaml::parse::<BTreeMap<String, String>>(file, text)
                .map(|s| (InterfaceStrings(s), None));
        };
        #[derive(serde::Deserialize)]
        struct Block {
            locale: LocaleBlock,
        }
        let block: Block = yaml::parse_in(file, text, start, end)?;
        if let Some((key, count)) = block.locale.problem() {
            return Err(Diagnostic::error(
                file,
                Rule::LocaleMonthsCount
                    .with("key", key)
                    .with("count", count.to_string()),
            )
            .at(text, yaml::key_location(text, start, "locale")));
        }
        // The strings without the block, its lines left blank so lines still count right.
        let mut rest = String::with_capacity(text.len());
        rest.push_str(&text[..start]);
        rest.extend(text[start..end].chars().filter(|c| *c == '\n'));
        rest.push_str(&text[end..]);
        let strings = yaml::parse::<BTreeMap<String, String>>(file, &rest)?;
        Ok((InterfaceStrings(strings), Some(block.locale)))
    }

    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    /// The string for `key`, or the key itself so a gap shows rather than breaks a page.
    pub(crate) fn text<'a>(&'a self, key: &'a str) -> &'a str {
        self.get(key).unwrap_or(key)
    }

    fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

/// Where the top-level `locale:` block of an interface-strings file starts
/// and ends: its key line and the indented (or blank) lines after it.
fn locale_block(text: &str) -> Option<(usize, usize)> {
    let mut offset = 0;
    let mut start = None;
    for line in text.split_inclusive('\n') {
        match start {
            None if line.starts_with("locale:") => start = Some(offset),
            Some(s) if !(line.starts_with([' ', '\t']) || line.trim().is_empty()) => {
                return Some((s, offset));
            }
            _ => {}
        }
        offset += line.len();
    }
    start.map(|s| (s, text.len()))
}

/// Errors for keys the built-in theme has that an overriding file lacks:
/// its pages would show the bare key where a text belongs.
pub(crate) fn missing_builtin_keys(
    built_in: &InterfaceStrings,
    file: &str,
    strings: &InterfaceStrings,
) -> Vec<Diagnostic> {
    built_in
        .keys()
        .filter(|key| strings.get(key).is_none())
        .map(|key| {
            let example = built_in.text(key);
            Diagnostic::error(file, Rule::InterfaceStringMissing.with("key", key)).with_hint(
                Phrase::InterfaceStringMissingHint
                    .with("key", key)
                    .with("example", example),
            )
        })
        .collect()
}

/// Errors for keys that one language's file has and another's lacks.
pub(crate) fn missing_keys(
    translations: &BTreeMap<Lang, (String, InterfaceStrings)>,
) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for (lang, (file, translation)) in translations {
        for (other_lang, (other_file, other)) in translations {
            if other_lang == lang {
                continue;
            }
            for key in other.keys() {
                if translation.get(key).is_none() {
                    errors.push(
                        Diagnostic::error(
                            file.clone(),
                            Rule::InterfaceStringMissingInLanguage
                                .with("key", key)
                                .with("language", lang.name()),
                        )
                        .with_hint(
                            Phrase::InterfaceStringTranslateHint
                                .with("key", key)
                                .with("file", other_file),
                        ),
                    );
                }
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_missing_in_one_language_is_an_error_for_that_file() {
        let sv = InterfaceStrings::parse("sv.yaml", "home: Start\nnext: Nästa\n").unwrap();
        let en = InterfaceStrings::parse("en.yaml", "home: Home\n").unwrap();
        let all = BTreeMap::from([
            (Lang::SV, ("sv.yaml".to_string(), sv)),
            (Lang::EN, ("en.yaml".to_string(), en)),
        ]);
        let errors = missing_keys(&all);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].file.to_str(), Some("en.yaml"));
        assert!(errors[0].message().contains("`next`"));
    }

    #[test]
    fn a_locale_block_is_read_apart_from_the_strings() {
        let text = "home: Startseite\nlocale:\n  name: Deutsch\n  months: [Januar, Februar, März, April, Mai, Juni, Juli, August, September, Oktober, November, Dezember]\n  decimal: \",\"\n  group: \".\"\n\nnext: Weiter\n";
        let (strings, block) = InterfaceStrings::parse_with_locale("de.yaml", text).unwrap();
        assert_eq!(strings.get("next"), Some("Weiter"));
        assert_eq!(strings.get("locale"), None);
        let block = block.unwrap();
        assert_eq!(block.name, "Deutsch");
        assert_eq!(block.months[2], "März");
        let short = "locale:\n  name: X\n  months: [a, b]\n  decimal: \",\"\n  group: \".\"\n";
        let error = InterfaceStrings::parse_with_locale("x.yaml", short).unwrap_err();
        assert!(error.message().contains("2 months"), "{}", error.message());
        // A string after the block keeps its line in errors.
        let bad = "locale:\n  name: X\n  months: [a,b,c,d,e,f,g,h,i,j,k,l]\n  decimal: \",\"\n  group: \".\"\nnext: [1]\n";
        let error = InterfaceStrings::parse_with_locale("x.yaml", bad).unwrap_err();
        assert_eq!(error.location.map(|l| l.line), Some(6));
    }

    #[test]
    fn a_key_of_the_built_in_theme_missing_in_an_override_is_an_error_naming_it() {
        let built_in = InterfaceStrings::parse(
            "sv.yaml",
            "home: Start
next: Nästa
",
        )
        .unwrap();
        let site = InterfaceStrings::parse(
            "themes/default/i18n/sv.yaml",
            "home: Hem
",
        )
        .unwrap();
        let errors = missing_builtin_keys(&built_in, "themes/default/i18n/sv.yaml", &site);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].file.to_str(), Some("themes/default/i18n/sv.yaml"));
        assert_eq!(errors[0].message(), "interface string `next` is missing");
        assert!(errors[0].hint().as_deref().unwrap_or("").contains("Nästa"));
        assert!(missing_builtin_keys(&built_in, "x", &built_in).is_empty());
    }
}
