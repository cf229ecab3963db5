//! Missing translations in the languages a site does not require
//! (`required_languages:` in `site.yaml`): information, not warnings.

use serde::Serialize;

use crate::i18n::Lang;
use crate::messages::{Language, Phrase};

/// One article's missing translations in languages that are not required.
#[derive(Debug, Clone, Serialize)]
pub struct UntranslatedPage {
    /// The article's folder, `content/nyheter/mote`.
    pub folder: String,
    /// The codes of the languages it has no translation in.
    pub languages: Vec<&'static str>,
}

/// The pages missing translations that `required_languages:` does not ask for.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(transparent)]
pub struct Untranslated(pub Vec<UntranslatedPage>);

impl Untranslated {
    pub(crate) fn push(&mut self, folder: String, languages: Vec<Lang>) {
        if !languages.is_empty() {
            self.0.push(UntranslatedPage {
                folder,
                languages: languages.into_iter().map(Lang::code).collect(),
            });
        }
    }

    /// The list under its heading, for `torget check`; `None` when there is nothing to list.
    pub fn render(&self, language: Language) -> Option<String> {
        if self.0.is_empty() {
            return None;
        }
        let mut out = format!("{}\n", Phrase::CheckUntranslated.text(language));
        for page in &self.0 {
            out.push_str(&format!(
                "  {}: {}\n",
                page.folder,
                page.languages.join(", ")
            ));
        }
        Some(out)
    }
}
