//! `torget check`: everything a build checks, plus what an editor should look at before publishing.
//!
//! Beyond build errors it reports images without a useful alt text, headings
//! that skip a level, stale and missing translations, old or unsourced
//! datasets, the readability (LIX) of every article, and pages due for
//! review, by owner ([`review`]). Findings are warnings; only build errors
//! fail a check.

mod addresses;
mod languages;
pub(crate) mod lix;
pub mod review;
mod revisions;
mod statement;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::content::Translation;
use crate::diagnostics::Diagnostic;
use crate::i18n::Lang;
use crate::messages::{Message, Phrase, Rule};
use crate::render::{Renderer, Theme};
use crate::site::Site;
use crate::steps::{BuildOptions, Prepared, prepare, yaml_key_location};
pub use addresses::{AddressReport, GoneLine, RedirectLine};
pub use languages::{Untranslated, UntranslatedPage};
pub(crate) use lix::Readability;
pub use review::Reviews;

/// What a check found.
#[derive(Debug)]
pub struct CheckReport {
    /// Errors and warnings, sorted by file and line.
    pub findings: Vec<Diagnostic>,
    /// The readability of every article translation, by file.
    pub readability: Vec<PageReadability>,
    /// Pages due for review, by owner, as of the check's date.
    pub reviews: Reviews,
    /// The redirects the site keeps and the recorded addresses that went away.
    pub addresses: AddressReport,
    /// Missing translations in languages `required_languages:` leaves out: information.
    pub untranslated: Untranslated,
}

impl CheckReport {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(Diagnostic::is_error)
    }
}

/// The LIX of one article translation.
#[derive(Debug, Clone, Serialize)]
pub struct PageReadability {
    pub file: String,
    pub(crate) lang: Lang,
    #[serde(flatten)]
    pub readability: Readability,
    pub over_threshold: bool,
}

/// Checks the site at `options.site` as of `options.today`.
pub fn check(options: &BuildOptions) -> Result<CheckReport, Vec<Diagnostic>> {
    let Prepared {
        site,
        theme,
        bodies,
        mut report,
    } = prepare(options)?;
    if let (Some(theme), false) = (&theme, report.has_errors()) {
        report.extend(template_errors(&site, theme, &bodies));
    }
    let mut readability = Vec::new();
    for (_, translation, _) in site.translations() {
        report.extend(images(translation));
        report.extend(heading_levels(translation));
        // LIX counts words over six letters: made for Swedish, used for
        // English, misleading for Finnish compounds and Arabic script.
        if !translation.lang.locale().lix {
            continue;
        }
        let measured = lix::lix_of_markdown(translation.body());
        let over = measured.words > 0 && measured.lix > site.config.check.lix_max;
        if over {
            report.push(
                Diagnostic::warning(
                    &translation.file,
                    Rule::HardToRead
                        .with("lix", format!("{:.0}", measured.lix))
                        .with("level", measured.level_phrase())
                        .with("limit", format!("{:.0}", site.config.check.lix_max)),
                )
                .at(
                    &translation.text,
                    crate::diagnostics::Location::of_offset(
                        &translation.text,
                        translation.body_start,
                    ),
                )
                .with_hint(Phrase::HardToReadHint),
            );
        }
        readability.push(PageReadability {
            file: translation.file.clone(),
            lang: translation.lang,
            readability: measured,
            over_threshold: over,
        });
    }
    let (missing, untranslated) = translations(&site);
    report.extend(missing);
    for (file, held) in &site.content.held_back {
        let warning = Diagnostic::warning(file, Rule::HeldBack.with("reason", held.reason));
        // Read again only to show the line that holds it back; failing that costs the line.
        let shown = crate::content::read_text(&options.site.join(file), file).map(|text| {
            warning
                .clone()
                .at(&text, yaml_key_location(&text, held.key))
        });
        report.push(shown.unwrap_or(warning));
    }
    report.extend(datasets(&site, options.today));
    report.extend(revisions::future_revisions(&site, options.today));
    let config_file = crate::config::FILE;
    if let Ok(text) = crate::content::read_text(&options.site.join(config_file), config_file) {
        report.extend(statement::findings(&site.config, &text, options.today));
    }
    report.extend(statement::dates(&site));
    report.extend(descriptions(&site, &bodies, &options.site));
    let (reviews, due) = review::reviews(&site, options.today);
    report.extend(due);
    let (address_report, gone) = addresses::addresses(&site);
    report.extend(gone);
    readability.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(CheckReport {
        findings: report.sorted(),
        readability,
        reviews,
        addresses: address_report,
        untranslated,
    })
}

/// Renders every page (and the open data catalogue) in memory, so template
/// errors are found without writing anything.
fn template_errors(site: &Site, theme: &Theme, bodies: &crate::render::Bodies) -> Vec<Diagnostic> {
    let renderer = Renderer::new(site, theme, bodies);
    let catalogue = renderer.catalogue().and_then(Result::err);
    renderer
        .jobs()
        .iter()
        .filter_map(|(path, job)| renderer.render(path, job).err())
        .chain(catalogue.into_iter().flatten())
        .collect()
}

/// Images without an alt text, or whose alt text is only a file name.
fn images(translation: &Translation) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let text = &translation.text;
    if let Some(image) = &translation.front.image
        && let Some(problem) = alt_problem(&image.alt, &image.src)
    {
        found.push(
            Diagnostic::warning(&translation.file, problem.with("image", Phrase::LeadImage))
                .at(text, yaml_key_location(text, "image"))
                .with_hint(Phrase::AltHint),
        );
    }
    let mut current: Option<(usize, String, String)> = None;
    for (event, range) in
        Parser::new_ext(translation.body(), crate::markdown::dialect()).into_offset_iter()
    {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                current = Some((range.start, dest_url.to_string(), String::new()))
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, alt)) = current.as_mut() {
                    alt.push_str(&t);
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((start, src, alt)) = current.take()
                    && let Some(problem) = alt_problem(&alt, &src)
                {
                    found.push(
                        Diagnostic::warning(
                            &translation.file,
                            problem.with("image", Phrase::TheImage.with("src", src)),
                        )
                        .at_offset(text, translation.body_start + start)
                        .with_hint(Phrase::AltHint),
                    );
                }
            }
            _ => {}
        }
    }
    found
}

/// What is wrong with an image's alt text: the rule, whose `{image}` the caller names.
fn alt_problem(alt: &str, src: &str) -> Option<Rule> {
    let alt = alt.trim();
    if alt.is_empty() {
        return Some(Rule::ImageNoAlt);
    }
    let file_name = src.rsplit('/').next().unwrap_or(src);
    let looks_like_file = alt == file_name
        || alt.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.contains(' ')
                && matches!(
                    ext.to_ascii_lowercase().as_str(),
                    "jpg"
                        | "jpeg"
                        | "png"
                        | "gif"
                        | "svg"
                        | "webp"
                        | "avif"
                        | "tif"
                        | "tiff"
                        | "heic"
                )
        })
        || (alt.starts_with("IMG_") || alt.starts_with("DSC")) && !alt.contains(' ');
    looks_like_file.then_some(Rule::ImageAltIsFileName)
}

/// Headings that skip a level below the page title (`##` then `####`).
fn heading_levels(translation: &Translation) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut previous = 1;
    for (event, range) in
        Parser::new_ext(translation.body(), crate::markdown::dialect()).into_offset_iter()
    {
        if let Event::Start(Tag::Heading { level, .. }) = event {
            let level = heading_number(level);
            if level > previous + 1 {
                found.push(
                    Diagnostic::warning(
                        &translation.file,
                        Rule::HeadingSkipsLevel
                            .with("level", level.to_string())
                            .with("previous", previous.to_string()),
                    )
                    .at_offset(&translation.text, translation.body_start + range.start)
                    .with_hint(
                        Phrase::HeadingSkipsLevelHint.with("marker", "#".repeat(previous + 1)),
                    ),
                );
            }
            previous = level;
        }
    }
    found
}

fn heading_number(level: HeadingLevel) -> usize {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Missing translations in required languages, and translations older than
/// the other language's last update, as warnings; missing translations in
/// the other languages, as information.
fn translations(site: &Site) -> (Vec<Diagnostic>, Untranslated) {
    let mut found = Vec::new();
    let mut untranslated = Untranslated::default();
    for article in site.content.articles.values() {
        let Some(first) = article.translations.values().next() else {
            continue;
        };
        let required = site.config.required_languages();
        let optional: Vec<Lang> = (site.config.languages.iter().copied())
            .filter(|l| !required.contains(l) && !article.translations.contains_key(l))
            .collect();
        untranslated.push(format!("content/{}", article.path), optional);
        for &lang in required {
            // A file that is there but failed to load has its own error.
            let failed = site.content.failed_to_load(&article.path)
                && (site.content.translation_files.iter())
                    .any(|(dir, l)| *dir == article.path && *l == lang);
            if !article.translations.contains_key(&lang) && !failed {
                let folder = format!("content/{}", article.path);
                found.push(
                    Diagnostic::warning(
                        &first.file,
                        Rule::TranslationMissing.with("language", lang.name()),
                    )
                    .at(&first.text, yaml_key_location(&first.text, "title"))
                    .with_hint(
                        Phrase::TranslationMissingHint
                            .with("file", format!("{folder}/{}.md", lang.code())),
                    ),
                );
            }
        }
        let changed: BTreeMap<Lang, NaiveDate> = article
            .translations
            .iter()
            .filter_map(|(lang, t)| t.front.updated.or(t.front.date).map(|d| (*lang, d.0)))
            .collect();
        for (lang, translation) in &article.translations {
            let mine = changed.get(lang);
            for (other_lang, other) in &article.translations {
                let Some(updated) = other.front.updated else {
                    continue;
                };
                if other_lang != lang && mine.is_none_or(|m| *m < updated.0) {
                    found.push(
                        Diagnostic::warning(
                            &translation.file,
                            Rule::TranslationStale
                                .with("language", other_lang.name())
                                .with("date", updated.0.to_string()),
                        )
                        .at(
                            &translation.text,
                            yaml_key_location(&translation.text, "title"),
                        )
                        .with_hint(Phrase::TranslationStaleHint),
                    );
                }
            }
        }
    }
    (found, untranslated)
}

/// Pages that get the generic description made from their title, at the file
/// where a written one belongs. One finding per file, naming its languages.
fn descriptions(site: &Site, bodies: &crate::render::Bodies, site_dir: &Path) -> Vec<Diagnostic> {
    use crate::render::description;
    let mut found = Vec::new();
    let languages = &site.config.languages;
    // "Swedish and English": the site has two languages today, so one `and` joins them.
    let names = |langs: &[Lang]| -> Message {
        let mut names = langs.iter().map(|l| l.name());
        let first = names.next().unwrap_or_else(|| Message::verbatim(""));
        names.fold(first, |all, next| {
            Phrase::And.with("first", all).with("second", next)
        })
    };
    let keys = |langs: &[Lang]| {
        langs
            .iter()
            .map(|l| format!("{}: …", l.code()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    // A file we only know by name here; read it for a line to point at.
    let at_key =
        |diagnostic: Diagnostic, file: &str| match std::fs::read_to_string(site_dir.join(file)) {
            Ok(text) => {
                let location = yaml_key_location(&text, "description");
                diagnostic.at(&text, location)
            }
            Err(_) => diagnostic,
        };

    let home: Vec<Lang> = languages
        .iter()
        .copied()
        .filter(|&l| description::of_home(site, l).is_none())
        .collect();
    if !home.is_empty() {
        // Without `_index.yaml` the site-wide description is the one to write.
        let file = if site_dir.join("content/_index.yaml").is_file() {
            "content/_index.yaml"
        } else {
            "site.yaml"
        };
        let warning = Diagnostic::warning(
            file,
            Rule::HomeNoDescription.with("languages", names(&home)),
        )
        .with_hint(
            Phrase::HomeNoDescriptionHint
                .with("keys", keys(&home))
                .with("file", file),
        );
        found.push(at_key(warning, file));
    }

    for (key, section) in &site.content.sections {
        let missing: Vec<Lang> = languages
            .iter()
            .copied()
            .filter(|&l| site.section_path(key, l).is_some())
            .filter(|&l| description::of_section(site, key, l).is_none())
            .collect();
        if missing.is_empty() {
            continue;
        }
        found.push(
            Diagnostic::warning(
                &section.file,
                Rule::SectionNoDescription.with("languages", names(&missing)),
            )
            .at(
                &section.text,
                yaml_key_location(&section.text, "description"),
            )
            .with_hint(Phrase::SectionNoDescriptionHint.with("keys", keys(&missing))),
        );
    }

    for (article, translation, _) in site.translations() {
        let first = bodies
            .get(&article.path, translation.lang)
            .map(|b| b.first_paragraph.as_str());
        if description::of_article(site, article, translation, first).is_none() {
            found.push(
                Diagnostic::warning(&translation.file, Rule::PageNoDescription)
                    .at(
                        &translation.text,
                        yaml_key_location(&translation.text, "title"),
                    )
                    .with_hint(Phrase::PageNoDescriptionHint),
            );
        }
    }
    found
}

/// Datasets whose figures are old or whose source cannot be followed.
fn datasets(site: &Site, today: NaiveDate) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let max_age = site.config.check.dataset_max_age_days;
    for dataset in site.content.datasets.values() {
        let age = (today - dataset.updated.0).num_days();
        if age > max_age {
            found.push(
                Diagnostic::warning(
                    &dataset.file,
                    Rule::DatasetOld
                        .with("age", age.to_string())
                        .with("date", dataset.updated.0.to_string())
                        .with("max_age", max_age.to_string()),
                )
                .at(&dataset.text, yaml_key_location(&dataset.text, "updated"))
                .with_hint(Phrase::DatasetOldHint),
            );
        }
        if let Some(next) = dataset.next_update.filter(|next| next.0 < today) {
            found.push(
                Diagnostic::warning(
                    &dataset.file,
                    Rule::DatasetNextUpdatePassed.with("date", next.0.to_string()),
                )
                .at(
                    &dataset.text,
                    yaml_key_location(&dataset.text, "next_update"),
                )
                .with_hint(Phrase::DatasetNextUpdatePassedHint),
            );
        }
        if dataset
            .source
            .url
            .as_deref()
            .is_none_or(|u| u.trim().is_empty())
        {
            found.push(
                Diagnostic::warning(&dataset.file, Rule::DatasetSourceNoUrl)
                    .at(&dataset.text, yaml_key_location(&dataset.text, "source"))
                    .with_hint(Phrase::DatasetSourceNoUrlHint),
            );
        }
    }
    found
}
