//! Interface strings of the theme ("Senast uppdaterad", "Hoppa till innehållet" …), one file per language.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::i18n::Lang;
use crate::yaml;

/// The interface strings of one language, by key (`skip_link`, `last_updated` …).
#[derive(Debug, Clone, Default, Serialize)]
#[serde(transparent)]
pub struct InterfaceStrings(BTreeMap<String, String>);

impl InterfaceStrings {
    /// No strings at all: every lookup shows its key.
    pub const EMPTY: InterfaceStrings = InterfaceStrings(BTreeMap::new());

    /// Parses `i18n/<lang>.yaml` of the theme: a flat map of key to text.
    pub fn parse(file: &str, text: &str) -> Result<InterfaceStrings, Diagnostic> {
        yaml::parse::<BTreeMap<String, String>>(file, text).map(InterfaceStrings)
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    /// The string for `key`, or the key itself so a gap shows rather than breaks a page.
    pub fn text<'a>(&'a self, key: &'a str) -> &'a str {
        self.get(key).unwrap_or(key)
    }

    fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

/// Errors for keys that one language's file has and another's lacks.
pub fn missing_keys(translations: &BTreeMap<Lang, (String, InterfaceStrings)>) -> Vec<Diagnostic> {
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
                            format!(
                                "interface string `{key}` is missing in {}",
                                lang.english_name()
                            ),
                        )
                        .with_hint(format!("add `{key}: …`, translating it from {other_file}")),
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
            (Lang::Sv, ("sv.yaml".to_string(), sv)),
            (Lang::En, ("en.yaml".to_string(), en)),
        ]);
        let errors = missing_keys(&all);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].file.to_str(), Some("en.yaml"));
        assert!(errors[0].message.contains("`next`"));
    }
}
