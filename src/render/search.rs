//! The search page and the per-language search index written beside it.

use super::*;

impl<'s> Renderer<'s> {
    /// Every page a reader of `lang` can search: articles and datasets, by title.
    pub fn search_entries(&self, lang: Lang, from: &str) -> Vec<SearchEntry> {
        let site = self.site;
        use rayon::prelude::*;
        let translations: Vec<(&Article, &Translation, &str)> = site
            .translations()
            .filter(|(_, t, _)| t.lang == lang)
            .collect();
        let mut entries: Vec<SearchEntry> = translations
            .par_iter()
            .map(|&(article, translation, path)| {
                let front = &translation.front;
                let body = self.bodies.get(&(article.path.clone(), lang));
                let summary = front
                    .summary
                    .clone()
                    .or_else(|| body.map(|b| b.first_paragraph.clone()))
                    .unwrap_or_default();
                let text = body.map(|b| b.text.as_str()).unwrap_or("");
                let words = format!(
                    "{} {} {} {}",
                    front.title,
                    front.tags.join(" "),
                    summary,
                    text
                );
                SearchEntry {
                    title: front.title.clone(),
                    href: self.href(from, path),
                    summary: shorten(&summary, 200),
                    words: search_words(&words, SEARCH_TEXT),
                }
            })
            .collect();
        for (key, dataset) in &site.content.datasets {
            let Some(path) = site.dataset_path(key, lang) else {
                continue;
            };
            let words = format!(
                "{} {} {}",
                dataset.title.text(lang),
                dataset.description.text(lang),
                dataset.unit.text(lang)
            );
            entries.push(SearchEntry {
                title: dataset.title.text(lang).to_string(),
                href: self.href(from, path),
                summary: shorten(dataset.description.text(lang), 200),
                words: search_words(&words, SEARCH_TEXT),
            });
        }
        entries
            .sort_by_cached_key(|e| (crate::site::collation_key(&e.title, lang), e.href.clone()));
        entries
    }

    pub(super) fn search(
        &self,
        path: &str,
        lang: Lang,
        alternates: Vec<(Lang, String)>,
    ) -> Result<String, Diagnostic> {
        let site = self.site;
        let strings = self.strings(lang);
        let title = strings.text("search_title");
        let switch_fallback = |other: Lang| site.search_path(other);
        let breadcrumbs = self.crumbs_to_page(None, lang, path, title);
        let page = self.page_view(PageParts {
            lang,
            path,
            title,
            description: strings.text("search_description").to_string(),
            alternates,
            switch_fallback: &switch_fallback,
            breadcrumbs,
            kind: "search",
        });
        // The page lists every page for readers without JavaScript; the
        // searchable words go only into index.js.
        let mut entries: Vec<SearchEntry> = site
            .translations()
            .filter(|(_, t, _)| t.lang == lang)
            .map(|(_, t, p)| SearchEntry {
                title: t.front.title.clone(),
                href: self.href(path, p),
                summary: String::new(),
                words: String::new(),
            })
            .chain(site.content.datasets.iter().filter_map(|(key, d)| {
                Some(SearchEntry {
                    title: d.title.text(lang).to_string(),
                    href: self.href(path, site.dataset_path(key, lang)?),
                    summary: String::new(),
                    words: String::new(),
                })
            }))
            .collect();
        entries
            .sort_by_cached_key(|e| (crate::site::collation_key(&e.title, lang), e.href.clone()));
        let mut context = self.context(&page);
        context.insert("entries", &entries);
        self.template("search.html", &context, lang)
    }
}

/// How much of an article's text goes into the search index: enough to find
/// it by what it is about, small enough to load on a phone.
const SEARCH_TEXT: usize = 1500;

/// A page in the search index.
#[derive(serde::Serialize)]
pub struct SearchEntry {
    #[serde(rename = "t")]
    pub title: String,
    #[serde(rename = "u")]
    pub href: String,
    #[serde(rename = "s")]
    pub summary: String,
    /// Lowercase words without accents (å ä ö → a a o), as the search script compares them.
    #[serde(rename = "w")]
    pub words: String,
}

/// The distinct folded words of `text`, at most `max` bytes of them; stops
/// reading as soon as it is full, since articles can be long.
fn search_words(text: &str, max: usize) -> String {
    let mut seen = std::collections::HashSet::new();
    let mut out = String::with_capacity(max);
    let mut word = String::new();
    let mut flush = |word: &mut String, out: &mut String| -> bool {
        if !word.is_empty() && out.len() + word.len() < max && seen.insert(word.clone()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        word.clear();
        out.len() + 1 < max
    };
    for c in text.chars().flat_map(char::to_lowercase) {
        let folded = crate::content::slug::fold_letter(c);
        if folded.is_empty() {
            if !flush(&mut word, &mut out) {
                return out;
            }
        } else {
            word.push_str(folded);
        }
    }
    flush(&mut word, &mut out);
    out
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
    }
}
