//! What a page says about itself in `<meta name="description">` and
//! `og:description`: never empty, because search engines and link previews
//! then make up their own from whatever text comes first (the skip link, the menu).
//!
//! Each kind of page has its chain of written texts; where all of them are
//! missing the page gets a sentence made from its title and the site's name.
//! `torget check` asks the same functions, so it warns exactly where a page
//! got that sentence.

use crate::content::{Article, Translation};
use crate::i18n::{InterfaceStrings, Lang, Localized};
use crate::site::Site;

/// The text of `localized` in `lang`, unless there is none or it is blank.
fn written(localized: &Localized<String>, lang: Lang) -> Option<&str> {
    localized
        .get(lang)
        .map(String::as_str)
        .filter(|t| !t.trim().is_empty())
}

/// `description` in site.yaml.
pub(crate) fn of_site(site: &Site, lang: Lang) -> Option<&str> {
    written(&site.config.description, lang)
}

/// The home page's: `_index.yaml`, then site.yaml.
pub(crate) fn of_home(site: &Site, lang: Lang) -> Option<&str> {
    written(&site.content.home.description, lang).or_else(|| of_site(site, lang))
}

/// A section's listing pages: its `_section.yaml`, then site.yaml.
pub(crate) fn of_section<'s>(site: &'s Site, key: &str, lang: Lang) -> Option<&'s str> {
    site.section_in(key, lang)
        .and_then(|s| s.description)
        .filter(|t| !t.trim().is_empty())
        .or_else(|| of_site(site, lang))
}

/// An article's: its `summary`, its first paragraph, then its section's chain.
pub(crate) fn of_article<'a>(
    site: &'a Site,
    article: &Article,
    translation: &'a Translation,
    first_paragraph: Option<&'a str>,
) -> Option<&'a str> {
    let blank = |t: &&str| !t.trim().is_empty();
    translation
        .front
        .summary
        .as_deref()
        .filter(blank)
        .or(first_paragraph.filter(blank))
        .or_else(|| match &article.section {
            Some(section) => of_section(site, section, translation.lang),
            None => of_site(site, translation.lang),
        })
}

/// The sentence a page gets when nothing is written for it.
pub(crate) fn generic(strings: &InterfaceStrings, title: &str, site_name: &str) -> String {
    // A site that overrides the theme's strings may lack the key: still say something.
    let pattern = strings
        .get("description_generic")
        .unwrap_or("{title} – {site}");
    let sentence = pattern
        .replace("{title}", title.trim())
        .replace("{site}", site_name.trim());
    if sentence.trim().is_empty() {
        "–".to_string()
    } else {
        sentence
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generic_sentence_names_the_page_and_the_site() {
        let sv = InterfaceStrings::parse(
            "sv.yaml",
            "description_generic: \"{title}: sidor från {site}.\"\n",
        )
        .unwrap();
        assert_eq!(
            generic(&sv, "Nyheter", "Sluta skjut"),
            "Nyheter: sidor från Sluta skjut."
        );
        // Without the string (an overridden i18n file) there is still text.
        assert_eq!(
            generic(&InterfaceStrings::EMPTY, "Nyheter", "Sluta skjut"),
            "Nyheter – Sluta skjut"
        );
        assert!(!generic(&InterfaceStrings::EMPTY, "", "").trim().is_empty());
    }
}
