//! `sitemap.xml` with every page and its translations, and `robots.txt` pointing at it.

use crate::i18n::Lang;
use crate::text::{escape_attribute as escape, push_escaped_attribute};

/// Most URLs one sitemap file may list (sitemaps.org).
pub(crate) const MAX_URLS: usize = 50_000;

/// One page of the sitemap: its site-relative path and every language version's.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SitemapPage<'a> {
    pub(crate) path: &'a str,
    pub(crate) alternates: &'a [(Lang, String)],
}

/// The sitemap files by name: `sitemap.xml` alone, or an index with `sitemap-1.xml` … past [`MAX_URLS`].
/// `base_url` ends in `/`; page paths are relative to it.
pub(crate) fn sitemaps(
    pages: &[SitemapPage<'_>],
    default_language: Lang,
    base_url: &str,
) -> Vec<(String, String)> {
    let base = escape(base_url);
    if pages.len() <= MAX_URLS {
        return vec![(
            "sitemap.xml".to_string(),
            urlset(pages, default_language, &base),
        )];
    }
    let parts: Vec<&[SitemapPage<'_>]> = pages.chunks(MAX_URLS).collect();
    let mut files: Vec<(String, String)> = parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            (
                format!("sitemap-{}.xml", i + 1),
                urlset(part, default_language, &base),
            )
        })
        .collect();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (name, _) in &files {
        index.push_str(&format!(
            "<sitemap><loc>{}</loc></sitemap>\n",
            escape(&format!("{base_url}{name}"))
        ));
    }
    index.push_str("</sitemapindex>\n");
    files.push(("sitemap.xml".to_string(), index));
    files
}

/// One sitemap file; written piece by piece, since a large site lists tens of thousands of URLs.
fn urlset(pages: &[SitemapPage<'_>], default_language: Lang, base: &str) -> String {
    let mut xml = String::with_capacity(size(pages, default_language, base));
    xml.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let url = |xml: &mut String, path: &str| {
        xml.push_str(base);
        push_escaped_attribute(xml, path);
    };
    for page in pages {
        xml.push_str("<url>\n<loc>");
        url(&mut xml, page.path);
        xml.push_str("</loc>\n");
        if page.alternates.len() > 1 {
            let default = page.alternates.iter().find(|(l, _)| *l == default_language);
            let tags = page
                .alternates
                .iter()
                .map(|(lang, path)| (lang.code(), path))
                .chain(default.map(|(_, path)| ("x-default", path)));
            for (hreflang, path) in tags {
                xml.push_str("<xhtml:link rel=\"alternate\" hreflang=\"");
                xml.push_str(hreflang);
                xml.push_str("\" href=\"");
                url(&mut xml, path);
                xml.push_str("\"/>\n");
            }
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// About how long [`urlset`] makes the file of `pages`, never less unless
/// paths need escaping: megabytes on a large site, written without growing.
fn size(pages: &[SitemapPage<'_>], default_language: Lang, base: &str) -> usize {
    // `<url>\n<loc>`, `</loc>\n`, `</url>\n`; a link's tag is at most 60 bytes besides its URL.
    const PAGE: usize = 25;
    const LINK: usize = 60;
    let links = |page: &SitemapPage<'_>| -> usize {
        if page.alternates.len() < 2 {
            return 0;
        }
        let default = (page.alternates.iter()).find(|(l, _)| *l == default_language);
        (page.alternates.iter().chain(default))
            .map(|(_, path)| LINK + base.len() + path.len())
            .sum()
    };
    let urls: usize = (pages.iter())
        .map(|page| PAGE + base.len() + page.path.len() + links(page))
        .sum();
    // The XML declaration, the opening and the closing tag.
    urls + 256
}

/// Lets every crawler in and names the sitemap.
pub(crate) fn robots(base_url: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {base_url}sitemap.xml\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alternates(n: usize) -> Vec<(Lang, String)> {
        vec![
            (Lang::SV, format!("a{n}/")),
            (Lang::EN, format!("en/a{n}/")),
        ]
    }

    #[test]
    fn alternates_include_x_default_to_the_default_language() {
        let alternates = alternates(1);
        let page = SitemapPage {
            path: "a1/",
            alternates: &alternates,
        };
        let files = sitemaps(&[page], Lang::SV, "https://example.org/");
        assert_eq!(files.len(), 1);
        let xml = &files[0].1;
        assert!(xml.contains(
            "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/a1/\"/>"
        ));
        assert!(xml.contains("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/a1/\"/>"));
        assert!(xml.len() <= size(&[page], Lang::SV, "https://example.org/"));
    }

    #[test]
    fn past_fifty_thousand_urls_the_sitemap_becomes_an_index() {
        let alternates = alternates(1);
        let pages: Vec<SitemapPage> = (0..MAX_URLS + 1)
            .map(|_| SitemapPage {
                path: "a1/",
                alternates: &alternates,
            })
            .collect();
        let files = sitemaps(&pages, Lang::SV, "https://example.org/");
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]);
        assert!(files[2].1.contains("<sitemapindex"));
        assert_eq!(files[1].1.matches("<url>").count(), 1);
        assert_eq!(files[0].1.matches("<url>").count(), MAX_URLS);
    }
}
