//! Link rewriting: `@/` links become relative URLs of the page in the reader's language.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Tag};

use crate::content::Article;
use crate::i18n::Lang;
use crate::messages::{Message, Phrase, Rule};
use crate::site::{Site, Target, suggestions};
use crate::text::escape_attribute;

/// An anchor in another article's page, checked once every page is rendered.
#[derive(Debug, Clone)]
pub(crate) struct AnchorCheck {
    pub(crate) article: String,
    pub(crate) lang: Lang,
    pub(crate) anchor: String,
    /// Byte offset of the link in the source file.
    pub(crate) offset: usize,
}

/// Rewrites the links of one page.
pub(crate) struct Linker<'s, 'c> {
    pub(crate) site: &'s Site,
    pub(crate) article: &'s Article,
    pub(crate) lang: Lang,
    pub(crate) page_path: &'s str,
    pub(crate) anchor_checks: &'c mut Vec<AnchorCheck>,
    /// The content paths of every `@/` link, as looked up.
    pub(crate) linked: Vec<String>,
    pub(crate) problems: Vec<(Range<usize>, Message, Option<Message>)>,
    /// Links that work but are better written another way.
    pub(crate) warnings: Vec<(Range<usize>, Message, Option<Message>)>,
}

impl Linker<'_, '_> {
    pub(crate) fn rewrite<'a>(&mut self, event: Event<'a>, range: Range<usize>) -> Event<'a> {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                match self.destination(&dest_url, range) {
                    Some((url, None)) => Event::Start(Tag::Link {
                        link_type,
                        dest_url: url.into(),
                        title,
                        id,
                    }),
                    // The other language's page: say so with hreflang, which
                    // the plain Markdown link cannot carry.
                    Some((url, Some(hreflang))) => {
                        let title = if title.is_empty() {
                            String::new()
                        } else {
                            format!(" title=\"{}\"", escape_attribute(&title))
                        };
                        Event::InlineHtml(
                            format!(
                                "<a href=\"{}\" hreflang=\"{}\"{title}>",
                                escape_attribute(&url),
                                hreflang.code()
                            )
                            .into(),
                        )
                    }
                    None => Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }),
                }
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                self.check_local_file(&dest_url, link_type, range);
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            event => event,
        }
    }

    /// The URL to write and, if it is in another language, that language.
    fn destination(
        &mut self,
        dest: &CowStr<'_>,
        range: Range<usize>,
    ) -> Option<(String, Option<Lang>)> {
        if let Some(rest) = dest.strip_prefix("@/") {
            let (path, anchor) = match rest.split_once('#') {
                Some((p, a)) => (p, Some(a)),
                None => (rest, None),
            };
            // Named whether it is found or not: a page that failed to load
            // and comes back later is among what moved, and this link with it.
            self.linked.push(path.trim_matches('/').to_string());
            let resolved = match self.site.lookup(path, self.lang) {
                Ok(resolved) => resolved,
                // Its own file's errors say why it is missing; one cause, one message.
                Err(_) if self.site.content.failed_to_load(path) => return None,
                Err(problem) => {
                    let hint = match suggestions(self.site, path) {
                        Some(page) => Phrase::DidYouMeanPage.with("page", page),
                        None => Phrase::PageLinkHint.into(),
                    };
                    let message = Phrase::BrokenLink.with("problem", problem);
                    self.problems.push((range, message, Some(hint)));
                    return None;
                }
            };
            let mut url = self.site.link(self.page_path, resolved.path);
            // The translation asked for failed to load: its anchors are unknown, not missing.
            let fell_back_from_failed =
                resolved.lang != self.lang && self.site.content.failed_to_load(path);
            if let Some(anchor) = anchor {
                match resolved.target {
                    Target::Article(_) if fell_back_from_failed => {}
                    Target::Article(article) => self.anchor_checks.push(AnchorCheck {
                        article: article.path.clone(),
                        lang: resolved.lang,
                        anchor: anchor.to_string(),
                        offset: range.start,
                    }),
                    Target::Dataset(dataset) => {
                        // A dataset drawn with `chart: none` has no chart to link to.
                        let known: Vec<&str> = dataset_anchors(resolved.lang)
                            .into_iter()
                            .filter(|a| {
                                dataset.chart != crate::dataset::ChartKind::None
                                    || *a != resolved.lang.locale().words.chart
                            })
                            .collect();
                        if !known.contains(&anchor) {
                            self.problems.push((
                                range.clone(),
                                Phrase::BrokenLink.with(
                                    "problem",
                                    Rule::LinkDatasetAnchor
                                        .with("page", path)
                                        .with("anchor", anchor),
                                ),
                                Some(
                                    Phrase::DatasetAnchorsHint.with(
                                        "anchors",
                                        (known.iter())
                                            .map(|a| format!("`#{a}`"))
                                            .collect::<Vec<_>>()
                                            .join(", "),
                                    ),
                                ),
                            ));
                        }
                    }
                    Target::Section(_) | Target::Home => self.problems.push((
                        range.clone(),
                        Phrase::BrokenLink.with(
                            "problem",
                            Rule::LinkListingAnchor
                                .with("page", path)
                                .with("anchor", anchor),
                        ),
                        Some(Phrase::ListingAnchorHint.into()),
                    )),
                }
                url.push('#');
                url.push_str(anchor);
            }
            let other = (resolved.lang != self.lang).then_some(resolved.lang);
            return Some((url, other));
        }
        if let Some((path, anchor)) = self.own_address(dest) {
            return self.own_page(dest, path, anchor, range);
        }
        if let Some(anchor) = dest.strip_prefix('#') {
            self.anchor_checks.push(AnchorCheck {
                article: self.article.path.clone(),
                lang: self.lang,
                anchor: anchor.to_string(),
                offset: range.start,
            });
            return None;
        }
        self.check_local_file(dest, LinkType::Inline, range);
        None
    }

    /// The site path and anchor of `dest` when it is an address of one of
    /// this site's pages written out (`/om-sluta-skjut/`, or with the whole
    /// base URL), as editors copy it from the browser.
    fn own_address<'d>(&self, dest: &'d str) -> Option<(String, Option<&'d str>)> {
        let config = &self.site.config;
        let root = config.root_path();
        let rest = dest
            .strip_prefix(config.base_url.as_str())
            .or_else(|| dest.strip_prefix(root))
            .filter(|_| !dest.starts_with("//"))?;
        let (path, anchor) = match rest.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (rest, None),
        };
        let path = path.strip_suffix("index.html").unwrap_or(path);
        let last = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
        // Files (downloads, images) and queries are not pages: left as written.
        if path.contains('?') || last.contains('.') {
            return None;
        }
        let path = if path.is_empty() || path.ends_with('/') {
            path.to_string()
        } else {
            format!("{path}/")
        };
        Some((path, anchor))
    }

    /// The relative URL of this site's page at `path`, with a hint to write `@/`; a broken link when there is none.
    fn own_page(
        &mut self,
        dest: &str,
        path: String,
        anchor: Option<&str>,
        range: Range<usize>,
    ) -> Option<(String, Option<Lang>)> {
        let Some((key, lang, page)) = self.site.page_at(&path) else {
            let hint = match crate::site::page_suggestion(self.site, &path) {
                Some(key) => Phrase::DidYouMeanPage.with("page", key),
                None => Phrase::NoSuchAddressHint.into(),
            };
            self.problems.push((
                range,
                Phrase::BrokenLink.with("problem", Rule::LinkNoSuchAddress.with("dest", dest)),
                Some(hint),
            ));
            return None;
        };
        let mut url = self.site.link(self.page_path, page);
        if let Some(anchor) = anchor {
            if let Some(article) = self.site.content.articles.get(key) {
                self.anchor_checks.push(AnchorCheck {
                    article: article.path.clone(),
                    lang,
                    anchor: anchor.to_string(),
                    offset: range.start,
                });
            }
            url.push('#');
            url.push_str(anchor);
        }
        self.linked.push(key.to_string());
        let suggested = match anchor.filter(|a| !a.is_empty()) {
            Some(anchor) => format!("@/{key}#{anchor}"),
            None => format!("@/{key}"),
        };
        self.warnings.push((
            range,
            Rule::LinkOwnAddress.with("dest", dest),
            Some(Phrase::LinkOwnAddressHint.with("suggested", suggested)),
        ));
        Some((url, (lang != self.lang).then_some(lang)))
    }

    /// A link to a file beside the article must name one that is there.
    fn check_local_file(&mut self, dest: &str, link_type: LinkType, range: Range<usize>) {
        if matches!(link_type, LinkType::Email | LinkType::Autolink) || dest.is_empty() {
            return;
        }
        let is_external = dest.contains("://")
            || dest.starts_with("mailto:")
            || dest.starts_with("tel:")
            || dest.starts_with("//")
            || dest.starts_with('/')
            || dest.starts_with('#');
        if is_external {
            return;
        }
        let file = dest.split(['#', '?']).next().unwrap_or(dest);
        let decoded = file.replace("%20", " ");
        if !self.article.assets.iter().any(|a| a.relative == decoded) {
            let names = || self.article.assets.iter().map(|a| a.relative.as_str());
            let wanted = decoded.to_lowercase();
            let same_but_case = names().find(|name| name.to_lowercase() == wanted);
            let closest = crate::diagnostics::closest(&decoded, names());
            let hint = if let Some(name) = same_but_case {
                Phrase::FileCaseHint.with("name", name)
            } else if let Some(name) = closest {
                Phrase::DidYouMean.with("suggestion", name)
            } else if file.starts_with("..")
                || file.contains('/') && !self.article.assets.is_empty()
            {
                Phrase::FileOutsideFolderHint.into()
            } else {
                Phrase::PutFileBesideHint.into()
            };
            self.problems.push((
                range,
                Phrase::BrokenLink.with("problem", Rule::LinkFileMissing.with("dest", dest)),
                Some(hint),
            ));
        }
    }
}

/// The anchors of a dataset page in `lang`: its table, chart and downloads.
pub(crate) fn dataset_anchors(lang: Lang) -> [&'static str; 3] {
    let words = &lang.locale().words;
    [&words.table, &words.chart, &words.downloads]
}
