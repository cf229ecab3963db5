//! The search page and the per-language search index written beside it.

use super::*;

impl<'s> Renderer<'s> {
    /// The search index of `lang` as a script (`window.torgetSearchIndex=[…];`): every article and dataset, by title.
    ///
    /// Each article's entry is made once with its body (`SearchEntry::of_body`),
    /// so after an edit only the edited article's is made again. Also says
    /// in which order the entries went in, for the next time: `order_before`,
    /// that order from an earlier build, is taken as it is if it still sorts them.
    pub(crate) fn search_script(
        &self,
        lang: Lang,
        order_before: Option<&[usize]>,
    ) -> (std::sync::Arc<[u8]>, Vec<usize>) {
        let site = self.site;
        let from = site.search_path(lang);
        let mut entries: Vec<(&str, &str, std::borrow::Cow<'_, str>)> = site
            .searched_in(lang)
            .filter_map(|(article, _, _)| {
                let (order, href) = self.bodies.search_order(&article.path, lang)?;
                let entry = self.bodies.search_entry(&article.path, lang)?;
                Some((order.as_str(), href.as_str(), entry.into()))
            })
            .collect();
        let datasets: Vec<(String, String, String)> = site
            .content
            .datasets
            .iter()
            .filter_map(|(key, dataset)| {
                let path = site.dataset_path(key, lang)?;
                let title = dataset.title.text(lang);
                let words = format!(
                    "{} {} {}",
                    title,
                    dataset.description.text(lang),
                    dataset.unit.text(lang)
                );
                let entry = SearchEntry {
                    title: title.to_string(),
                    href: self.href(&from, path),
                    summary: shorten(dataset.description.text(lang), 200),
                    words: search_words(&words, SEARCH_TEXT),
                };
                Some((
                    crate::i18n::collation_key(title, lang),
                    entry.href.clone(),
                    entry.json(),
                ))
            })
            .collect();
        entries.extend(
            datasets
                .iter()
                .map(|(order, href, json)| (order.as_str(), href.as_str(), json.as_str().into())),
        );
        let order = sorted(&entries, order_before);
        // Megabytes on a large site: written once, in place, not copied into a script after.
        const START: &str = "window.torgetSearchIndex=[";
        const END: &str = "];\n";
        let joined = (order.iter().enumerate()).flat_map(|(i, at)| {
            let entry = entries.get(*at).map_or("", |(_, _, entry)| entry.as_ref());
            [if i > 0 { "," } else { "" }, entry]
        });
        let script = crate::output::concat_shared(
            std::iter::once(START)
                .chain(joined)
                .chain(std::iter::once(END))
                .map(str::as_bytes),
        );
        (script, order)
    }

    pub(super) fn search<'p>(
        &'p self,
        path: &'p str,
        lang: Lang,
        alternates: Vec<(Lang, String)>,
    ) -> Result<TemplateInput<'p>, Diagnostic> {
        let site = self.site;
        let switch_fallback = |other: Lang| site.search_path(other);
        let page = self.generated_page_view(
            (path, lang, alternates),
            (
                PageKind::Search,
                ["search_title", "search_description"],
                None,
            ),
            &switch_fallback,
        );
        // The page lists every page for readers without JavaScript; the
        // searchable words go only into index.js.
        use std::borrow::Cow;
        // Each body knows its title's sort key and its link from this page.
        let precomputed = self.absolute_root.is_none() && path == site.search_path(lang);
        let mut entries: Vec<(Cow<'_, str>, SearchLink<'_>)> = site
            .searched_in(lang)
            .map(|(article, t, p)| {
                // The title is in the search entry, whose version the order's read notes.
                let title = t.front.title.as_str();
                let order = match precomputed {
                    true => self.bodies.search_order(&article.path, lang),
                    false => {
                        crate::site::reads::record(crate::site::reads::Part::ArticleIn(
                            &article.path,
                            lang,
                        ));
                        None
                    }
                };
                match order {
                    Some((order, href)) => (
                        Cow::Borrowed(order.as_str()),
                        SearchLink {
                            title,
                            href: Cow::Borrowed(href.as_str()),
                        },
                    ),
                    None => (
                        Cow::Owned(crate::i18n::collation_key(title, lang)),
                        SearchLink {
                            title,
                            href: Cow::Owned(self.href(path, p)),
                        },
                    ),
                }
            })
            .chain(site.content.datasets.iter().filter_map(|(key, d)| {
                let title = d.title.text(lang);
                Some((
                    Cow::Owned(crate::i18n::collation_key(title, lang)),
                    SearchLink {
                        title,
                        href: Cow::Owned(self.href(path, site.dataset_path(key, lang)?)),
                    },
                ))
            }))
            .collect();
        entries.sort_by(|a, b| (&a.0, &a.1.href).cmp(&(&b.0, &b.1.href)));
        let entries: Vec<SearchLink<'_>> = entries.into_iter().map(|(_, link)| link).collect();
        Ok(TemplateInput {
            template: "search.html",
            lang,
            page,
            kind: KindView::Search { entries },
        })
    }
}

/// The order of `entries` by sort key and address, as a stable sort makes it
/// (equal keys in the order they came): `before` when it still gives that,
/// as after most edits, where no title or address changed; sorted again if not.
fn sorted(
    entries: &[(&str, &str, std::borrow::Cow<'_, str>)],
    before: Option<&[usize]>,
) -> Vec<usize> {
    let key = |at: usize| entries.get(at).map(|(order, href, _)| (*order, *href));
    // An order kept is of every entry, each once (what this function made),
    // so of as many entries and in ascending order is this order.
    let holds = |order: &[usize]| {
        order.len() == entries.len()
            && order.iter().all(|at| *at < entries.len())
            && (order.windows(2)).all(|pair| (key(pair[0]), pair[0]) < (key(pair[1]), pair[1]))
    };
    match before.filter(|order| holds(order)) {
        Some(order) => order.to_vec(),
        None => {
            let mut order: Vec<usize> = (0..entries.len()).collect();
            order.sort_by_key(|at| key(*at));
            order
        }
    }
}

/// How much of an article's text goes into the search index: enough to find
/// it by what it is about, small enough to load on a phone.
const SEARCH_TEXT: usize = 1500;

/// A page in the search index.
#[derive(serde::Serialize)]
pub struct SearchEntry {
    #[serde(rename = "t")]
    pub(crate) title: String,
    #[serde(rename = "u")]
    pub(crate) href: String,
    #[serde(rename = "s")]
    pub(crate) summary: String,
    /// Lowercase words, Latin letters in ASCII (å ş ł → a s l), as the
    /// search script folds the query (`push_folded`).
    #[serde(rename = "w")]
    pub(crate) words: String,
}

impl SearchEntry {
    /// The entry of an article for readers of `lang`, made once with its body:
    /// its JSON, and what the index is sorted by (title as the language sorts, then address).
    pub(super) fn of_body(
        site: &Site,
        translation: &Translation,
        path: &str,
        summary: &str,
        body: &Rendered,
    ) -> (String, (String, String)) {
        let front = &translation.front;
        let lang = translation.lang;
        let words = format!(
            "{} {} {} {}",
            front.title,
            front.tags.join(" "),
            summary,
            body.text
        );
        let entry = SearchEntry {
            title: front.title.clone(),
            href: site.link(&site.search_path(lang), path),
            summary: shorten(summary, 200),
            words: search_words(&words, SEARCH_TEXT),
        };
        let order = (
            crate::i18n::collation_key(&front.title, lang),
            entry.href.clone(),
        );
        (entry.json(), order)
    }

    /// The words of `text` as the index writes them, in order and with
    /// repeats, separated by single spaces: what `fold()` in the theme's
    /// `search.js` makes of the same text (`tests/search.rs` runs both).
    pub fn fold(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for_each_word(text, |word| {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
            true
        });
        out
    }

    fn json(&self) -> String {
        // Strings always serialise; an empty entry would only hide the page from search.
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_string())
    }
}

/// The distinct folded words of `text`, at most `max` bytes of them; stops
/// reading as soon as it is full, since articles can be long.
fn search_words(text: &str, max: usize) -> String {
    let mut seen: rustc_hash::FxHashSet<String> = Default::default();
    let mut out = String::with_capacity(max);
    for_each_word(text, |word| {
        if out.len() + word.len() < max && !seen.contains(word) {
            seen.insert(word.to_string());
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        out.len() + 1 < max
    });
    out
}

/// Calls `each` with every folded word of `text` in order, until it returns false.
fn for_each_word(text: &str, mut each: impl FnMut(&str) -> bool) {
    let mut word = String::new();
    for c in crate::text::slug::lowercase(text) {
        // The hot loop of a build: ASCII letters and digits need no folding.
        if c.is_ascii_alphanumeric() {
            word.push(c);
        } else if !push_folded(c, &mut word) {
            if !word.is_empty() && !each(&word) {
                return;
            }
            word.clear();
        }
    }
    if !word.is_empty() {
        each(&word);
    }
}

/// Appends non-ASCII-alphanumeric lowercase `c` to `word` as a search word
/// writes it, or returns false if it separates words.
///
/// The rule, which `fold()` in the theme's `search.js` follows for the
/// reader's query (`tests/search.rs` runs both on every Latin letter, and on
/// every character when node knows Rust's Unicode version):
/// - combining accents (U+0300–U+036F) belong to the letter before them and
///   add nothing, so a decomposed "a\u{308}" is "a";
/// - a letter of the Latin blocks ([`latin_block`]) is written in ASCII as
///   `deunicode` writes it (ş ı ł đ → s i l d, ß → ss, þ → th), which for
///   every accented letter is its base letter without the accent;
/// - final sigma ς is σ: JavaScript lowercases a word-final Σ to ς, Rust
///   to σ, and readers type either;
/// - Arabic loses its diacritics and tatweel, and its alef forms (آ أ إ ٱ)
///   are the bare alef ا (`text::arabic`), since readers rarely type them;
/// - any other letter or digit (Cyrillic, Greek, Arabic, CJK …) stays as it
///   is, so a query in that script finds text in it;
/// - everything else (spaces, punctuation, symbols, emoji) separates words.
///
/// Slugs (`content::slug::ascii_slug`) also spell other scripts in ASCII;
/// search cannot, as the browser has no table to spell the query with.
fn push_folded(c: char, word: &mut String) -> bool {
    if crate::text::arabic::push_folded(c, word) {
        return true;
    }
    match c {
        '\u{300}'..='\u{36f}' => true,
        'ς' => {
            word.push('σ');
            true
        }
        _ if c.is_ascii() || !c.is_alphanumeric() => false,
        _ if latin_block(c) => {
            let before = word.len();
            // Schwa (Azerbaijani "Əliyev") is "@" to deunicode: the ASCII vowel readers type is e.
            let ascii = match c {
                'ə' | 'ǝ' => "e",
                _ => deunicode::deunicode_char(c).unwrap_or(""),
            };
            // deunicode writes some letters in capitals (ŋ → "NG") or with
            // marks (ŉ → "'n"): only its letters and digits, in lowercase.
            for b in ascii.bytes().filter(u8::is_ascii_alphanumeric) {
                word.push(char::from(b.to_ascii_lowercase()));
            }
            // Clicks and glottal stops (ǀ ǃ ʔ) have no ASCII letter: kept, like other scripts.
            if word.len() == before {
                word.push(c);
            }
            true
        }
        _ => {
            word.push(c);
            true
        }
    }
}

/// Whether lowercase `c` is in a block of Latin letters written in ASCII in
/// search words: Latin-1 Supplement to IPA Extensions (where the lowercase
/// of Ə Ɔ Ɛ … lives), Latin Extended Additional (Vietnamese), and Latin
/// Extended-C (the lowercase of Ⱥ Ⱦ). `search.js` names the same blocks.
fn latin_block(c: char) -> bool {
    matches!(c, '\u{c0}'..='\u{2af}' | '\u{1e00}'..='\u{1eff}' | '\u{2c60}'..='\u{2c7f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_words_are_folded_distinct_and_bounded() {
        assert_eq!(
            search_words("Nytt möte, nytt MÖTE: Call-in", 100),
            "nytt mote call in"
        );
        assert_eq!(search_words("ett två tre", 7), "ett tva");
        assert_eq!(
            search_words("Ayşe Yılmaz, AYŞE: Мальмё ΟΔΟΣ", 100),
            "ayse yilmaz мальмё οδοσ"
        );
    }
}
