//! What templates see: borrowed, serialisable views of one page and its surroundings.

use serde::Serialize;

/// All a page's template receives: what every page shows, and what its kind adds.
pub(crate) struct TemplateInput<'a> {
    pub(crate) template: &'static str,
    pub(crate) lang: crate::i18n::Lang,
    pub(crate) page: PageView<'a>,
    pub(crate) kind: KindView<'a>,
}

/// What a kind of page adds to [`PageView`], under the names its template uses.
#[derive(Serialize)]
#[serde(untagged)]
pub(crate) enum KindView<'a> {
    Home {
        home: HomeView<'a>,
    },
    Section {
        section: SectionView<'a>,
        /// Past the first page of a listing only.
        #[serde(skip_serializing_if = "Option::is_none")]
        page_number: Option<usize>,
    },
    Article {
        article: ArticleView<'a>,
    },
    Dataset {
        dataset: DatasetView<'a>,
    },
    Tags {
        topics: Vec<TagLink<'a>>,
    },
    Tag {
        items: Vec<ListItem<'a>>,
        pagination: Option<Pagination>,
    },
    Search {
        entries: Vec<SearchLink<'a>>,
    },
    /// The "other languages" page: what exists in each of the site's languages.
    Languages {
        languages: Vec<LanguageView<'a>>,
    },
    Redirect {
        redirect: RedirectView<'a>,
    },
    /// The statistics calendar: when each dataset is next updated.
    Calendar {
        calendar: super::calendar::CalendarView<'a>,
    },
}

/// One language on the "other languages" page: its name, its home page and its pages, all in it.
#[derive(Serialize)]
pub(crate) struct LanguageView<'a> {
    pub(crate) lang: &'static str,
    /// The language's direction where it differs from the page's.
    pub(crate) dir: Option<&'static str>,
    /// Its name in itself ("Suomi").
    pub(crate) name: &'static str,
    /// The site's name in that language, linking to its home page.
    pub(crate) site_name: &'a str,
    pub(crate) home_href: String,
    /// Its articles and datasets by title, as the language sorts them.
    pub(crate) entries: Vec<SearchLink<'a>>,
}

/// A redirect page: the page's new address and title.
#[derive(Serialize)]
pub(crate) struct RedirectView<'a> {
    /// The link to the page, relative like every link.
    pub(crate) href: String,
    pub(crate) title: &'a str,
    /// The language of the page it leads to.
    pub(crate) lang: &'static str,
    /// That language's own name, when it is not the redirect's.
    pub(crate) language_name: Option<&'static str>,
}

/// An article's body as HTML, with the version of its rendering.
///
/// Templates see only the HTML. A page's fingerprint takes the version
/// instead, which is new whenever the HTML may have changed, so that
/// fingerprinting every page after an edit does not read every body.
pub(crate) struct BodyHtml<'a> {
    pub(crate) html: &'a str,
    pub(crate) version: u64,
}

impl Serialize for BodyHtml<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.html)
    }
}

/// A page in the search page's list, for readers without JavaScript.
#[derive(Serialize)]
pub(crate) struct SearchLink<'a> {
    #[serde(rename = "t")]
    pub(crate) title: &'a str,
    #[serde(rename = "u")]
    pub(crate) href: std::borrow::Cow<'a, str>,
}

/// Everything `base.html` needs, for any kind of page.
#[derive(Serialize)]
pub(crate) struct PageView<'a> {
    pub(crate) lang: &'static str,
    /// `rtl` for a right-to-left language (`<html dir>`), else `ltr`.
    pub(crate) dir: &'static str,
    /// Relative path from this page to the site root (`../../`), so the site works in any folder.
    pub(crate) root: String,
    pub(crate) site_name: &'a str,
    pub(crate) home_href: String,
    /// The language's search page.
    pub(crate) search_href: String,
    /// The "other languages" page of the page's language, on sites in three languages or more.
    pub(crate) languages_href: Option<String>,
    /// The page's headline, shown as its `h1`.
    pub(crate) title: &'a str,
    /// The text of `<title>`.
    pub(crate) head_title: String,
    /// The page's title when shared (`og:title`): the headline, with the page number past page 1.
    pub(crate) og_title: String,
    pub(crate) description: String,
    /// The Content-Security-Policy the page keeps to; empty when built for disk.
    pub(crate) csp: String,
    /// Absolute URL of the page; empty for pages without one (404).
    pub(crate) canonical: String,
    /// The language's Atom feed.
    pub(crate) feed_href: String,
    /// Open Graph: `article` or `website`, the locale, and an image to show when shared.
    pub(crate) og_type: &'static str,
    pub(crate) og_locale: &'static str,
    pub(crate) og_image: Option<String>,
    pub(crate) alternates: Vec<Alternate>,
    pub(crate) language_switch: Vec<SwitchLink>,
    pub(crate) breadcrumbs: Vec<Crumb<'a>>,
    pub(crate) menu: Vec<MenuLink<'a>>,
    pub(crate) footer: Footer<'a>,
    /// What kind of page this is, for templates and CSS (`home`, `article` …).
    pub(crate) kind: PageKind,
}

/// The kinds of page torget writes; templates see them as `page.kind`
/// (`home`, `section`, `article`, `dataset`, `tags`, `tag`, `search`, `not-found`, `redirect`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum PageKind {
    Home,
    Section,
    Article,
    Dataset,
    /// The index of a language's topics.
    Tags,
    /// One topic's articles.
    Tag,
    Search,
    /// What exists in each language.
    Languages,
    NotFound,
    /// A redirect at an old address.
    Redirect,
    /// The statistics calendar.
    Calendar,
}

impl PageView<'_> {
    /// Marks page `number` of `of` of a listing in its `<title>` and `og:title`
    /// ("Nyheter – sida 2 av 10"), so each page of a listing has its own
    /// title; the first page keeps the listing's.
    pub(crate) fn number(
        &mut self,
        strings: &crate::i18n::InterfaceStrings,
        number: usize,
        of: usize,
    ) {
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
pub(crate) struct Alternate {
    pub(crate) hreflang: &'static str,
    pub(crate) href: String,
}

/// One entry of the visible language switch.
#[derive(Serialize)]
pub(crate) struct SwitchLink {
    pub(crate) lang: &'static str,
    /// The language's name in its own language ("English", "Svenska").
    pub(crate) name: &'static str,
    pub(crate) href: String,
    /// False when the page has no translation and the link goes to a listing instead.
    pub(crate) translated: bool,
    /// The language's direction where it differs from the page's (`rtl` on a Swedish page).
    pub(crate) dir: Option<&'static str>,
    /// "sidan finns inte på engelska": `not_translated` in the page's language, naming this one.
    pub(crate) note: String,
}

impl SwitchLink {
    /// The link from a page in `from` to `href` in `to`.
    pub(crate) fn new(
        from: crate::i18n::Lang,
        to: crate::i18n::Lang,
        href: String,
        translated: bool,
        strings: &crate::i18n::InterfaceStrings,
    ) -> SwitchLink {
        let name = to.own_name();
        let named = from
            .locale()
            .names
            .get(to.code())
            .map_or(name, String::as_str);
        SwitchLink {
            lang: to.code(),
            name,
            href,
            translated,
            dir: (to.dir() != from.dir()).then(|| to.dir()),
            note: if translated {
                String::new()
            } else {
                strings.text("not_translated").replace("{language}", named)
            },
        }
    }
}

#[derive(Serialize)]
pub(crate) struct Crumb<'a> {
    pub(crate) title: &'a str,
    pub(crate) href: String,
}

#[derive(Serialize)]
pub(crate) struct MenuLink<'a> {
    pub(crate) title: &'a str,
    pub(crate) href: String,
    /// `aria-current`: `page` on the page itself, `true` inside its section.
    pub(crate) current: Option<&'static str>,
}

#[derive(Serialize, Default)]
pub(crate) struct Footer<'a> {
    pub(crate) contact_name: Option<&'a str>,
    pub(crate) email: Option<&'a str>,
    /// The number as shown, its spaces non-breaking so it never wraps mid-number.
    pub(crate) phone: Option<String>,
    /// `tel:` form of the phone number.
    pub(crate) phone_href: Option<String>,
    pub(crate) url: Option<&'a str>,
    pub(crate) accessibility_href: Option<String>,
}

/// A phone number that does not wrap: its spaces made non-breaking (U+00A0).
pub(crate) fn unbreakable(phone: &str) -> String {
    phone.split_whitespace().collect::<Vec<_>>().join("\u{a0}")
}

/// An article in a listing.
#[derive(Serialize)]
pub(crate) struct ListItem<'a> {
    pub(crate) title: &'a str,
    pub(crate) href: String,
    pub(crate) date_iso: Option<String>,
    pub(crate) date_text: Option<&'a str>,
    pub(crate) summary: &'a str,
}

/// A dataset in a listing: its latest value and which way it went.
#[derive(Serialize)]
pub(crate) struct DatasetItem<'a> {
    pub(crate) title: &'a str,
    pub(crate) href: String,
    /// What the value is: "Senaste värde", or "Totalt hittills" for a running total.
    pub(crate) label: String,
    /// "5 (2022)", formatted in the page's language.
    pub(crate) latest: String,
    /// "minskning (förbättring)", or empty when there is nothing to compare with.
    pub(crate) trend: String,
}

/// A dataset's own page.
#[derive(Serialize)]
pub(crate) struct DatasetView<'a> {
    pub(crate) description: Option<&'a str>,
    /// How the dataset is kept (next update, contact, revisions), when there is anything to say.
    pub(crate) about: Option<super::statistics::AboutView<'a>>,
    pub(crate) chart: String,
    pub(crate) table: String,
    pub(crate) anchor_table: &'static str,
    pub(crate) anchor_chart: &'static str,
    pub(crate) anchor_downloads: &'static str,
    pub(crate) csv: String,
    pub(crate) json: String,
    /// The CSV's CSV on the Web metadata, `<id>.csv-metadata.json`.
    pub(crate) csvw: String,
    /// The JSON-stat 2.0 dataset, `<id>.jsonstat.json`.
    pub(crate) jsonstat: String,
}

/// A section's page of its listing.
#[derive(Serialize)]
pub(crate) struct SectionView<'a> {
    pub(crate) description: Option<&'a str>,
    pub(crate) items: Vec<ListItem<'a>>,
    pub(crate) datasets: Vec<DatasetItem<'a>>,
    pub(crate) pagination: Option<Pagination>,
    /// The statistics calendar, from a section that lists datasets.
    pub(crate) calendar: Option<String>,
}

/// Links between the pages of a long listing.
#[derive(Serialize)]
pub(crate) struct Pagination {
    pub(crate) current: usize,
    pub(crate) total: usize,
    pub(crate) previous: Option<String>,
    pub(crate) next: Option<String>,
    pub(crate) pages: Vec<PageLink>,
}

/// A page of a listing in its pagination, or a gap between the pages shown.
#[derive(Serialize)]
pub(crate) struct PageLink {
    pub(crate) number: usize,
    pub(crate) href: String,
    pub(crate) current: bool,
    /// Pages left out here (shown as …).
    pub(crate) gap: bool,
}

/// An article page.
#[derive(Serialize)]
pub(crate) struct ArticleView<'a> {
    pub(crate) date_iso: Option<String>,
    pub(crate) date_text: Option<String>,
    pub(crate) updated_iso: Option<String>,
    pub(crate) updated_text: Option<String>,
    /// "Granskad 12 mars 2024": the `reviewed` date, and who answers for the page.
    pub(crate) reviewed_iso: Option<String>,
    pub(crate) reviewed_text: Option<String>,
    pub(crate) owner_name: Option<&'a str>,
    pub(crate) owner_href: Option<&'a str>,
    pub(crate) body: BodyHtml<'a>,
    pub(crate) tags: Vec<TagLink<'a>>,
    pub(crate) image: Option<LeadImage<'a>>,
    /// On the page `accessibility_statement` names: the parts made from `accessibility:`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) statement: Option<Box<super::statement::StatementView<'a>>>,
}

/// The home page: introduction and the latest articles of each section.
#[derive(Serialize)]
pub(crate) struct HomeView<'a> {
    pub(crate) intro: String,
    pub(crate) sections: Vec<HomeSection<'a>>,
}

#[derive(Serialize)]
pub(crate) struct HomeSection<'a> {
    pub(crate) title: &'a str,
    pub(crate) href: String,
    pub(crate) items: Vec<ListItem<'a>>,
    pub(crate) datasets: Vec<DatasetItem<'a>>,
}

/// An Atom feed of one language's articles.
#[derive(Serialize)]
pub(crate) struct FeedView<'a> {
    pub(crate) lang: &'static str,
    pub(crate) title: &'a str,
    pub(crate) subtitle: &'a str,
    pub(crate) author: &'a str,
    /// Absolute URL of the language's home page; also the feed's id.
    pub(crate) home: String,
    pub(crate) self_href: String,
    pub(crate) updated: String,
    pub(crate) entries: Vec<FeedEntry<'a>>,
}

#[derive(Serialize)]
pub(crate) struct FeedEntry<'a> {
    pub(crate) title: std::borrow::Cow<'a, str>,
    pub(crate) href: String,
    /// The entry's lasting id: its page's address, or a dataset page's with the revision's date.
    pub(crate) id: String,
    pub(crate) published: String,
    pub(crate) updated: String,
    pub(crate) summary: String,
}

/// The 404 page: where to go instead, and the page in the other languages.
#[derive(Serialize)]
pub(crate) struct NotFoundView {
    pub(crate) other_languages: Vec<SwitchLink>,
}

/// A topic and where its page is.
#[derive(Serialize)]
pub(crate) struct TagLink<'a> {
    pub(crate) name: &'a str,
    pub(crate) href: String,
    /// How many articles carry it (on the topic index).
    pub(crate) count: usize,
}

/// The image at the top of an article, with its size so the page does not shift.
#[derive(Serialize)]
pub(crate) struct LeadImage<'a> {
    pub(crate) src: &'a str,
    pub(crate) alt: &'a str,
    pub(crate) width: Option<usize>,
    pub(crate) height: Option<usize>,
}
