//! `sitemap.xml` with every page and its translations, and `robots.txt` pointing at it.

use crate::i18n::Lang;
use crate::markdown::escape_attribute as escape;

/// Most URLs one sitemap file may list (sitemaps.org).
pub const MAX_URLS: usize = 50_000;

/// One page of the sitemap: its absolute URL and every language version's.
#[derive(Debug, Clone)]
pub struct SitemapPage {
    pub url: String,
    pub alternates: Vec<(Lang, String)>,
}

/// The sitemap files by name: `sitemap.xml` alone, or an index with `sitemap-1.xml` … past [`MAX_URLS`].
pub fn sitemaps(
    pages: &[SitemapPage],
    default_language: Lang,
    base_url: &str,
) -> Vec<(String, String)> {
    if pages.len() <= MAX_URLS {
        return vec![("sitemap.xml".to_string(), urlset(pages, default_language))];
    }
    let parts: Vec<&[SitemapPage]> = pages.chunks(MAX_URLS).collect();
    let mut files: Vec<(String, String)> = parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            (
                format!("sitemap-{}.xml", i + 1),
                urlset(part, default_language),
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

fn urlset(pages: &[SitemapPage], default_language: Lang) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for page in pages {
        xml.push_str(&format!("<url>\n<loc>{}</loc>\n", escape(&page.url)));
        if page.alternates.len() > 1 {
            for (lang, url) in &page.alternates {
                xml.push_str(&format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    lang.code(),
                    escape(url)
                ));
            }
            if let Some((_, url)) = page.alternates.iter().find(|(l, _)| *l == default_language) {
                xml.push_str(&format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n",
                    escape(url)
                ));
            }
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// Lets every crawler in and names the sitemap.
pub fn robots(base_url: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {base_url}sitemap.xml\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(n: usize) -> SitemapPage {
        SitemapPage {
            url: format!("https://example.org/a{n}/"),
            alternates: vec![
                (Lang::Sv, format!("https://example.org/a{n}/")),
                (Lang::En, format!("https://example.org/en/a{n}/")),
            ],
        }
    }

    #[test]
    fn alternates_include_x_default_to_the_default_language() {
        let files = sitemaps(&[page(1)], Lang::Sv, "https://example.org/");
        assert_eq!(files.len(), 1);
        let xml = &files[0].1;
        assert!(xml.contains(
            "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/a1/\"/>"
        ));
        assert!(xml.contains("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/a1/\"/>"));
    }

    #[test]
    fn past_fifty_thousand_urls_the_sitemap_becomes_an_index() {
        let pages: Vec<SitemapPage> = (0..MAX_URLS + 1).map(page).collect();
        let files = sitemaps(&pages, Lang::Sv, "https://example.org/");
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]);
        assert!(files[2].1.contains("<sitemapindex"));
        assert_eq!(files[1].1.matches("<url>").count(), 1);
        assert_eq!(files[0].1.matches("<url>").count(), MAX_URLS);
    }
}
