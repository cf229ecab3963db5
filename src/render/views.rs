//! What templates see: borrowed, serialisable views of one page and its surroundings.

use serde::Serialize;

/// Everything `base.html` needs, for any kind of page.
#[derive(Serialize)]
pub struct PageView<'a> {
    pub lang: &'static str,
    /// Relative path from this page to the site root (`../../`), so the site works in any folder.
    pub root: String,
    pub site_name: &'a str,
    pub home_href: String,
    /// The language's search page.
    pub search_href: String,
    /// The page's headline, shown as its `h1`.
    pub title: &'a str,
    /// The text of `<title>`.
    pub head_title: String,
    /// The page's title when shared (`og:title`): the headline, with the page number past page 1.
    pub og_title: String,
    pub description: String,
    /// The Content-Security-Policy the page keeps to; empty when built for disk.
    pub csp: String,
    /// Absolute URL of the page; empty for pages without one (404).
    pub canonical: String,
    /// The language's Atom feed.
    pub feed_href: String,
    /// Open Graph: `article` or `website`, the locale, and an image to show when shared.
    pub og_type: &'static str,
    pub og_locale: &'static str,
    pub og_image: Option<String>,
    pub alternates: Vec<Alternate>,
    pub language_switch: Vec<SwitchLink>,
    pub breadcrumbs: Vec<Crumb<'a>>,
    pub menu: Vec<MenuLink<'a>>,
    pub footer: Footer<'a>,
    /// `home`, `section` or `article`, for templates and CSS.
    pub kind: &'static str,
}

impl PageView<'_> {
    /// Marks page `number` of `of` of a listing in its `<title>` and `og:title`
    /// ("Nyheter – sida 2 av 10"), so each page of a listing has its own
    /// title; the first page keeps the listing's.
    pub fn number(&mut self, strings: &crate::i18n::InterfaceStrings, number: usize, of: usize) {
        if number < 2 {
            return;
        }
        let numbered = format!(
            "{} – {} {number} {} {of}",
            self.title,
            strings.text("page"),
            strings.text("of")
        );
        self.head_title = format!("{numbered} | {}", self.site_name);
        self.og_title = numbered;
    }
}

/// `<link rel="alternate" hreflang>` for one existing translation.
#[derive(Serialize)]
pub struct Alternate {
    pub hreflang: &'static str,
    pub href: String,
}

/// One entry of the visible language switch.
#[derive(Serialize)]
pub struct SwitchLink {
    pub lang: &'static str,
    /// The language's name in its own language ("English", "Svenska").
    pub name: &'static str,
    pub href: String,
    /// False when the page has no translation and the link goes to a listing instead.
    pub translated: bool,
}

#[derive(Serialize)]
pub struct Crumb<'a> {
    pub title: &'a str,
    pub href: String,
}

#[derive(Serialize)]
pub struct MenuLink<'a> {
    pub title: &'a str,
    pub href: String,
    /// `aria-current`: `page` on the page itself, `true` inside its section.
    pub current: Option<&'static str>,
}

#[derive(Serialize, Default)]
pub struct Footer<'a> {
    pub contact_name: Option<&'a str>,
    pub email: Option<&'a str>,
    /// The number as shown, its spaces non-breaking so it never wraps mid-number.
    pub phone: Option<String>,
    /// `tel:` form of the phone number.
    pub phone_href: Option<String>,
    pub url: Option<&'a str>,
    pub accessibility_href: Option<String>,
}

/// A phone number that does not wrap: its spaces made non-breaking (U+00A0).
pub fn unbreakable(phone: &str) -> String {
    phone.split_whitespace().collect::<Vec<_>>().join("\u{a0}")
}

/// An article in a listing.
#[derive(Serialize)]
pub struct ListItem<'a> {
    pub title: &'a str,
    pub href: String,
    pub date_iso: Option<String>,
    pub date_text: Option<&'a str>,
    pub summary: &'a str,
}

/// A dataset in a listing: its latest value and which way it went.
#[derive(Serialize)]
pub struct DatasetItem<'a> {
    pub title: &'a str,
    pub href: String,
    /// "5 (2022)", formatted in the page's language.
    pub latest: String,
    /// "minskning (förbättring)", or empty when there is nothing to compare with.
    pub trend: String,
}

/// A dataset's own page.
#[derive(Serialize)]
pub struct DatasetView<'a> {
    pub description: Option<&'a str>,
    pub chart: String,
    pub table: String,
    pub anchor_table: &'static str,
    pub anchor_chart: &'static str,
    pub anchor_downloads: &'static str,
    pub csv: String,
    pub json: String,
}

/// A section's page of its listing.
#[derive(Serialize)]
pub struct SectionView<'a> {
    pub description: Option<&'a str>,
    pub items: Vec<ListItem<'a>>,
    pub datasets: Vec<DatasetItem<'a>>,
    pub pagination: Option<Pagination>,
}

/// Links between the pages of a long listing.
#[derive(Serialize)]
pub struct Pagination {
    pub current: usize,
    pub total: usize,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub pages: Vec<PageLink>,
}

/// A page of a listing in its pagination, or a gap between the pages shown.
#[derive(Serialize)]
pub struct PageLink {
    pub number: usize,
    pub href: String,
    pub current: bool,
    /// Pages left out here (shown as …).
    pub gap: bool,
}

/// An article page.
#[derive(Serialize)]
pub struct ArticleView<'a> {
    pub date_iso: Option<String>,
    pub date_text: Option<String>,
    pub updated_iso: Option<String>,
    pub updated_text: Option<String>,
    pub body: &'a str,
    pub tags: Vec<TagLink<'a>>,
    pub image: Option<LeadImage<'a>>,
}

/// The home page: introduction and the latest articles of each section.
#[derive(Serialize)]
pub struct HomeView<'a> {
    pub intro: String,
    pub sections: Vec<HomeSection<'a>>,
}

#[derive(Serialize)]
pub struct HomeSection<'a> {
    pub title: &'a str,
    pub href: String,
    pub items: Vec<ListItem<'a>>,
    pub datasets: Vec<DatasetItem<'a>>,
}

/// An Atom feed of one language's articles.
#[derive(Serialize)]
pub struct FeedView<'a> {
    pub lang: &'static str,
    pub title: &'a str,
    pub subtitle: &'a str,
    pub author: &'a str,
    /// Absolute URL of the language's home page; also the feed's id.
    pub home: String,
    pub self_href: String,
    pub updated: String,
    pub entries: Vec<FeedEntry<'a>>,
}

#[derive(Serialize)]
pub struct FeedEntry<'a> {
    pub title: &'a str,
    pub href: String,
    pub published: String,
    pub updated: String,
    pub summary: String,
}

/// The 404 page: where to go instead, and the page in the other languages.
#[derive(Serialize)]
pub struct NotFoundView {
    pub other_languages: Vec<SwitchLink>,
}

/// A topic and where its page is.
#[derive(Serialize)]
pub struct TagLink<'a> {
    pub name: &'a str,
    pub href: String,
    /// How many articles carry it (on the topic index).
    pub count: usize,
}

/// The image at the top of an article, with its size so the page does not shift.
#[derive(Serialize)]
pub struct LeadImage<'a> {
    pub src: &'a str,
    pub alt: &'a str,
    pub width: Option<usize>,
    pub height: Option<usize>,
}
