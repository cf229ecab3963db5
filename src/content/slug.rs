//! Slugs: the URL segment of a page, made safe by construction.
//!
//! A [`Slug`] only ever holds lowercase ASCII letters, digits and single
//! inner dashes, so no slug can name a parent folder, a hidden file or a
//! path outside the output folder.

use std::fmt;

use serde::Serialize;

/// One safe URL path segment.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Slug(String);

/// Longest slug we make from a title; long enough for any headline, short enough for any file system.
const MAX_LEN: usize = 80;

impl Slug {
    /// A slug made from a title or heading: "Kända brister" → `kanda-brister`; `None` if nothing is left.
    pub fn from_text(text: &str) -> Option<Slug> {
        let ascii = ascii_slug(text);
        let trimmed = truncate_at_dash(&ascii, MAX_LEN);
        (!trimmed.is_empty()).then(|| Slug(trimmed.to_string()))
    }

    /// Checks a slug given by an editor; the error says what is wrong.
    pub fn parse(given: &str) -> Result<Slug, String> {
        if given.is_empty() {
            return Err("the slug is empty".to_string());
        }
        if given.contains(['/', '\\']) || given.contains("..") || given.starts_with('.') {
            return Err(format!(
                "the slug `{given}` contains a path (`/`, `\\` or `..`); a slug is one plain word"
            ));
        }
        let valid = given
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !given.starts_with('-')
            && !given.ends_with('-')
            && !given.contains("--");
        if !valid || given.len() > MAX_LEN {
            return Err(format!(
                "the slug `{given}` may only hold lowercase letters a–z, digits and single dashes (at most {MAX_LEN} characters)"
            ));
        }
        Ok(Slug(given.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Lowercase ASCII with dashes between words; letters with accents lose them (å ä ö → a a o).
pub fn ascii_slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in lowercase(text) {
        let plain = fold_letter(c);
        if plain.is_empty() {
            pending_dash = !out.is_empty();
            continue;
        }
        if pending_dash {
            out.push('-');
            pending_dash = false;
        }
        out.push_str(plain);
    }
    out
}

/// The characters of `text` in lowercase; ASCII, nearly all of it, without
/// the Unicode tables (slugs, sort keys and search words are all made so).
pub fn lowercase(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut chars = text.chars();
    let mut pending: Option<std::char::ToLowercase> = None;
    std::iter::from_fn(move || {
        loop {
            if let Some(c) = pending.as_mut().and_then(Iterator::next) {
                return Some(c);
            }
            let c = chars.next()?;
            if c.is_ascii() {
                return Some(c.to_ascii_lowercase());
            }
            pending = Some(c.to_lowercase());
        }
    })
}

fn truncate_at_dash(slug: &str, max: usize) -> &str {
    if slug.len() <= max {
        return slug;
    }
    let cut = &slug[..max];
    cut.rfind('-').map_or(cut, |i| &cut[..i])
}

/// The ASCII letters a lowercase character is written with in a URL, or "" for a separator.
pub fn fold_letter(c: char) -> &'static str {
    const ASCII: [&str; 36] = [
        "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r",
        "s", "t", "u", "v", "w", "x", "y", "z", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
    ];
    match c {
        'a'..='z' => ASCII[c as usize - 'a' as usize],
        '0'..='9' => ASCII[26 + c as usize - '0' as usize],
        'å' | 'ä' | 'á' | 'à' | 'â' | 'ã' | 'ā' => "a",
        'æ' => "ae",
        'ç' | 'č' | 'ć' => "c",
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'í' | 'ì' | 'î' | 'ï' | 'ī' => "i",
        'ñ' | 'ń' | 'ň' => "n",
        'ö' | 'ø' | 'ó' | 'ò' | 'ô' | 'õ' | 'ō' => "o",
        'œ' => "oe",
        'ß' => "ss",
        'š' | 'ś' => "s",
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' => "u",
        'ý' | 'ÿ' => "y",
        'ž' | 'ź' | 'ż' => "z",
        'ð' => "d",
        'þ' => "th",
        'ł' => "l",
        'ř' => "r",
        'ť' => "t",
        'ď' => "d",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn slugs_from_any_text_are_safe_and_never_empty(text in "\\PC{0,200}") {
            if let Some(slug) = Slug::from_text(&text) {
                let s = slug.as_str();
                prop_assert!(!s.is_empty() && s.len() <= MAX_LEN);
                prop_assert!(s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
                prop_assert!(!s.starts_with('-') && !s.ends_with('-') && !s.contains("--"));
                // What from_text makes, parse accepts: one rule for both.
                prop_assert_eq!(Slug::parse(s).map(|p| p.as_str().to_string()), Ok(s.to_string()));
            } else {
                prop_assert!(ascii_slug(&text).is_empty());
            }
        }

        #[test]
        fn given_slugs_are_accepted_only_when_safe(given in "\\PC{0,40}") {
            if let Ok(slug) = Slug::parse(&given) {
                let path = std::path::Path::new("out").join(slug.as_str());
                prop_assert_eq!(path.components().count(), 2, "a slug is one plain path segment");
                prop_assert!(!slug.as_str().contains(['/', '\\', '.']));
            }
        }
    }

    #[test]
    fn swedish_letters_fold_to_ascii() {
        assert_eq!(
            Slug::from_text("Nytt möte med kriminella i Sluta skjut")
                .unwrap()
                .as_str(),
            "nytt-mote-med-kriminella-i-sluta-skjut"
        );
        assert_eq!(
            Slug::from_text("Kända brister").unwrap().as_str(),
            "kanda-brister"
        );
        assert_eq!(
            Slug::from_text("Åtgärder & ÄNDRINGAR").unwrap().as_str(),
            "atgarder-andringar"
        );
        assert_eq!(
            Slug::from_text("”Call-in” – vad är det?").unwrap().as_str(),
            "call-in-vad-ar-det"
        );
    }

    #[test]
    fn text_without_letters_gives_no_slug() {
        assert_eq!(Slug::from_text("… – ?"), None);
        assert_eq!(Slug::from_text(""), None);
        assert_eq!(Slug::from_text("日本語"), None);
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let slug = Slug::from_text(&"ord ".repeat(60)).unwrap();
        assert!(slug.as_str().len() <= MAX_LEN);
        assert!(!slug.as_str().ends_with('-'));
    }

    #[test]
    fn given_slugs_that_could_escape_are_refused() {
        for bad in [
            "../etc", "a/b", "..", ".hidden", "a\\b", "", "Stora", "a b", "-a", "a--b",
        ] {
            assert!(Slug::parse(bad).is_err(), "{bad:?} was accepted");
        }
        assert_eq!(
            Slug::parse("ny-call-in-2019").unwrap().as_str(),
            "ny-call-in-2019"
        );
    }
}
