//! `torget new`: ready-to-edit article, page and dataset files, every field present and explained.
//!
//! Text for the editor to replace is written `«like this»`; a build refuses
//! to publish it. New articles and pages start as drafts.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::content::front_matter;
use crate::diagnostics::Diagnostic;
use crate::i18n::Lang;
use crate::messages::{Phrase, Rule};
use crate::text::slug::Slug;

/// Writes `content/<section>/<name>/<lang>.md`; refuses to overwrite anything.
///
/// When the other language's file is there, the new one is its translation:
/// the same date, tags, image and weight, and its headings to translate.
pub fn new_article(
    site: &Path,
    target: &str,
    lang: Lang,
    today: NaiveDate,
) -> Result<PathBuf, Diagnostic> {
    let (section, name) = split_target(
        site,
        target,
        ("article", Phrase::TheNewArticle),
        "nyheter/nytt-mote",
    )?;
    let folder = site.join("content").join(section).join(name);
    let template = if lang == Lang::SV {
        ARTICLE_SV
    } else {
        ARTICLE_EN
    };
    let body = if lang == Lang::SV {
        BODY_ARTICLE_SV
    } else {
        BODY_ARTICLE_EN
    };
    write_translation(site, &folder, lang, (template, body), Some(today), name)
}

/// Writes `content/<name>/<lang>.md`: a page outside sections, such as "Om Sluta skjut".
pub fn new_page(site: &Path, target: &str, lang: Lang) -> Result<PathBuf, Diagnostic> {
    let target = target.trim_matches('/');
    if let Some((parent, last)) = target.rsplit_once('/') {
        let in_section = site
            .join("content")
            .join(parent)
            .join("_section.yaml")
            .is_file();
        let diagnostic = if in_section {
            Diagnostic::error(
                format!("content/{parent}"),
                Rule::NewPageInSection.with("parent", parent),
            )
            .with_hint(Phrase::NewPageInSectionHint.with("target", target))
        } else {
            Diagnostic::error(target, Rule::NewPageInFolder)
                .with_hint(Phrase::NewPageInFolderHint.with("last", last))
        };
        return Err(diagnostic);
    }
    if let Err(message) = Slug::parse(target) {
        return Err(
            Diagnostic::error(target, Rule::NewNameUnusable.with("problem", message))
                .with_hint(Phrase::NewPageNameHint),
        );
    }
    let folder = site.join("content").join(target);
    if folder.join("_section.yaml").is_file() {
        return Err(Diagnostic::error(
            format!("content/{target}/_section.yaml"),
            Rule::NewPageIsSection.with("target", target),
        )
        .with_hint(Phrase::NewPageIsSectionHint.with("target", target)));
    }
    let template = if lang == Lang::SV { PAGE_SV } else { PAGE_EN };
    let body = if lang == Lang::SV {
        BODY_PAGE_SV
    } else {
        BODY_PAGE_EN
    };
    write_translation(site, &folder, lang, (template, body), None, target)
}

/// Writes `<folder>/<lang>.md` from `template`, copying from the other translation if any.
fn write_translation(
    site: &Path,
    folder: &Path,
    lang: Lang,
    (template, default_body): (&str, &str),
    today: Option<NaiveDate>,
    name: &str,
) -> Result<PathBuf, Diagnostic> {
    let file = folder.join(format!("{}.md", lang.code()));
    refuse_other_language(site, &file, lang)?;
    refuse_existing(site, &file)?;
    let source = Lang::BUILT_IN
        .into_iter()
        .filter(|&other| other != lang)
        .map(|other| folder.join(format!("{}.md", other.code())))
        .find(|path| path.is_file());
    let text = match source {
        Some(source) => translation_of(site, &source, lang, template, today)?,
        None => fill(
            template,
            &[
                (
                    "{date}",
                    &today.map(|d| format!(" {d}")).unwrap_or_default(),
                ),
                ("{title_note}", ""),
                ("{slug}", &format!(" {name}")),
                ("{tags}", "[]"),
                ("{image}", ""),
                ("{weight}", ""),
                ("{owner}", &owner_value(default_owner(site).as_deref())),
                ("{body}", default_body),
            ],
        ),
    };
    fs::create_dir_all(folder).map_err(|e| io_error(site, folder, e))?;
    write_new(site, &file, &text)?;
    Ok(file)
}

/// The template filled from `source`, the other language's file: its date,
/// tags, image and weight, and its headings as placeholders to translate.
fn translation_of(
    site: &Path,
    source: &Path,
    lang: Lang,
    template: &str,
    today: Option<NaiveDate>,
) -> Result<String, Diagnostic> {
    let shown = relative(site, source);
    // Read as a build reads it (a byte-order mark dropped, bad bytes located).
    let text = crate::content::read_text(source, &shown)
        .map_err(|d| d.with_hint(Phrase::NewCopyFromHint))?;
    let parsed = front_matter::parse(&shown, &text).map_err(|d| {
        let d = d.reworded(|problem| Phrase::CannotCopyFrom.with("problem", problem));
        if d.hint.is_none() {
            d.with_hint(Phrase::FixFirst)
        } else {
            d
        }
    })?;
    let front = parsed.front;
    let words = Words::of(lang);
    let date = front.date.map(|date| format!(" {}", date.as_written()));
    // An undated original: an article is still dated today, as without one.
    let date = date.or_else(|| today.map(|d| format!(" {d}")));
    let tags = serde_json::to_string(&front.tags).unwrap_or_else(|_| "[]".to_string());
    let image = front
        .image
        .map(|image| {
            let src = serde_json::to_string(&image.src).unwrap_or_default();
            format!(
                "\n  src: {src}\n  # {}: {}\n  alt: «{}»",
                words.other_language,
                one_line(&image.alt),
                words.describe_image
            )
        })
        .unwrap_or_default();
    let weight = front.weight.map(|w| format!(" {w}")).unwrap_or_default();
    // Both languages of a page have one owner; their reviews are each their own.
    let owner = owner_value(front.owner.or_else(|| default_owner(site)).as_deref());
    let title_note = format!("# {}: {}\n", words.other_language, one_line(&front.title));
    let mut body = format!("«{}»\n", words.translate_intro);
    for (level, heading) in headings(text.get(parsed.body_start..).unwrap_or_default()) {
        body.push_str(&format!(
            "\n{} «{}: {}»\n\n«{}»\n",
            "#".repeat(level),
            words.translate_heading,
            heading,
            words.translate_text
        ));
    }
    Ok(fill(
        template,
        &[
            ("{date}", &date.unwrap_or_default()),
            ("{title_note}", &title_note),
            ("{slug}", ""),
            ("{tags}", &tags),
            ("{image}", &image),
            ("{weight}", &weight),
            ("{owner}", &owner),
            ("{body}", &body),
        ],
    ))
}

/// Refuses a translation in a language the site does not publish in, which
/// the next build would refuse; a site.yaml that cannot be read is the build's to report.
fn refuse_other_language(site: &Path, file: &Path, lang: Lang) -> Result<(), Diagnostic> {
    let Ok(text) = fs::read_to_string(site.join(crate::config::FILE)) else {
        return Ok(());
    };
    let Ok(config) = crate::config::SiteConfig::parse(&text, None) else {
        return Ok(());
    };
    if config.languages.contains(&lang) {
        return Ok(());
    }
    let shown = file.strip_prefix(site).unwrap_or(file);
    let files: Vec<String> = (config.languages.iter())
        .map(|l| format!("{l}.md"))
        .collect();
    Err(Diagnostic::error(
        shown.display().to_string(),
        Rule::UnknownLanguageFile.with("code", lang.code()),
    )
    .with_hint(Phrase::UnknownLanguageFileHint.with("files", files.join(", "))))
}

/// The owner a new file gets from site.yaml: the only one under `owners:`, or
/// the one marked `default: true`. None when site.yaml cannot be read (the
/// build reports why) or names no single default.
fn default_owner(site: &Path) -> Option<String> {
    let text = fs::read_to_string(site.join(crate::config::FILE)).ok()?;
    let config = crate::config::SiteConfig::parse(&text, None).ok()?;
    config.review.default_owner().map(str::to_string)
}

/// `owner:`'s value as written after the key: ` web-team`, quoted where YAML
/// would read the id as something other than text; empty without an owner.
fn owner_value(owner: Option<&str>) -> String {
    let Some(owner) = owner else {
        return String::new();
    };
    let plain = owner.starts_with(|c: char| c.is_ascii_lowercase())
        && owner
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && !matches!(owner, "true" | "false" | "null");
    if plain {
        format!(" {owner}")
    } else {
        format!(" {}", serde_json::to_string(owner).unwrap_or_default())
    }
}

/// `template` with each marker replaced in one pass, so that copied text is never read as a marker.
fn fill(template: &str, markers: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match markers.iter().find(|(marker, _)| rest.starts_with(marker)) {
            Some((marker, value)) => {
                out.push_str(value);
                rest = &rest[marker.len()..];
            }
            None => {
                out.push('{');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// What a translation's placeholders say, in the new file's language.
struct Words {
    other_language: &'static str,
    describe_image: &'static str,
    translate_intro: &'static str,
    translate_heading: &'static str,
    translate_text: &'static str,
}

impl Words {
    fn of(lang: Lang) -> Words {
        // Swedish, or English for every other language (the default).
        if lang == Lang::SV {
            Words {
                other_language: "På engelska",
                describe_image: "Beskriv bilden på svenska",
                translate_intro: "Översätt första stycket här.",
                translate_heading: "Översätt rubriken",
                translate_text: "Översätt texten under rubriken.",
            }
        } else {
            Words {
                other_language: "In Swedish",
                describe_image: "Describe the picture in English",
                translate_intro: "Translate the first paragraph here.",
                translate_heading: "Translate the heading",
                translate_text: "Translate the text under this heading.",
            }
        }
    }
}

/// Text for a comment or a placeholder: one line, without `«` and `»`.
fn one_line(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['«', '»'], "\"")
}

/// The body's headings, level and text, in order.
fn headings(body: &str) -> Vec<(usize, String)> {
    use pulldown_cmark::{Event, Tag, TagEnd};
    let mut found = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for event in crate::markdown::text_events(body) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some((level as usize, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text)) = current.take() {
                    found.push((level, one_line(&text)));
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, heading)) = current.as_mut() {
                    heading.push_str(&text);
                }
            }
            _ => {}
        }
    }
    found
}

/// Writes `content/<section>/<name>.yaml`; the section defaults to the one holding datasets.
pub fn new_dataset(site: &Path, target: &str, today: NaiveDate) -> Result<PathBuf, Diagnostic> {
    let sections = dataset_sections(site);
    let target = if target.contains('/') {
        target.to_string()
    } else {
        let section = sections
            .first()
            .cloned()
            .or_else(|| {
                site.join("content/statistik/_section.yaml")
                    .is_file()
                    .then(|| "statistik".to_string())
            })
            .ok_or_else(|| {
                Diagnostic::error("content", Rule::NewNoStatisticsSection)
                    .with_hint(Phrase::NewNoStatisticsSectionHint.with("target", target))
            })?;
        format!("{section}/{target}")
    };
    let (section, name) = split_target(
        site,
        &target,
        ("dataset", Phrase::TheNewDataset),
        "statistik/skjutningar-malmo",
    )?;
    if let Some(refusal) = articles_not_datasets(site, section, &sections) {
        let hint = match sections.first() {
            Some(first) => Phrase::NewDatasetSectionsHint
                .with(
                    "sections",
                    sections
                        .iter()
                        .map(|s| format!("`{s}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                )
                .with("first", first)
                .with("name", name),
            None => Phrase::NewMakeStatisticsSectionHint.with("name", name),
        };
        return Err(refusal.with_hint(hint));
    }
    let file = site
        .join("content")
        .join(section)
        .join(format!("{name}.yaml"));
    refuse_existing(site, &file)?;
    write_new(
        site,
        &file,
        &DATASET_SV.replace("{today}", &today.to_string()),
    )?;
    Ok(file)
}

/// `section/name`, checked: the section must exist and the name be a plain slug.
fn split_target<'a>(
    site: &Path,
    target: &'a str,
    // The command's word (`article`) and what the reader calls the new thing.
    (what, the_new): (&str, Phrase),
    example: &str,
) -> Result<(&'a str, &'a str), Diagnostic> {
    let example = Phrase::NewExample
        .with("what", what)
        .with("example", example);
    let target = target.trim_matches('/');
    let Some((section, name)) = target.rsplit_once('/') else {
        return Err(
            Diagnostic::error(target, Rule::NewNameSection.with("what", the_new))
                .with_hint(example),
        );
    };
    if let Err(message) = Slug::parse(name) {
        return Err(
            Diagnostic::error(target, Rule::NewNameUnusable.with("problem", message))
                .with_hint(example),
        );
    }
    let safe_section = section.split('/').all(|part| Slug::parse(part).is_ok());
    if !safe_section
        || !site
            .join("content")
            .join(section)
            .join("_section.yaml")
            .is_file()
    {
        return Err(Diagnostic::error(
            format!("content/{section}"),
            Rule::NewNoSuchSection.with("section", section),
        )
        .with_hint(Phrase::NewNoSuchSectionHint));
    }
    Ok((section, name))
}

/// The sections (by name) that hold datasets: `.yaml` files beside their `_section.yaml`.
pub(crate) fn dataset_sections(site: &Path) -> Vec<String> {
    let content = site.join("content");
    let mut sections: Vec<String> = walkdir::WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_name() == "_section.yaml")
        .filter_map(|e| {
            let dir = e.path().parent()?;
            let holds_datasets = fs::read_dir(dir).ok()?.flatten().any(|f| {
                let name = f.file_name().to_string_lossy().into_owned();
                name.ends_with(".yaml") && !name.starts_with('_')
            });
            holds_datasets.then(|| {
                dir.strip_prefix(&content)
                    .ok()
                    .map(|p| p.to_string_lossy().replace('\\', "/"))
            })?
        })
        .collect();
    sections.sort();
    sections
}

/// Why `section` is one of articles, not of datasets: it holds articles, or,
/// holding no datasets yet, its `_section.yaml` lists by date (`sort: date`).
fn articles_not_datasets(site: &Path, section: &str, datasets: &[String]) -> Option<Diagnostic> {
    let folder = site.join("content").join(section);
    if holds_articles(&folder) {
        return Some(Diagnostic::error(
            format!("content/{section}"),
            Rule::NewSectionHoldsArticles.with("section", section),
        ));
    }
    if datasets.iter().any(|s| s == section) {
        return None;
    }
    #[derive(serde::Deserialize)]
    struct Sort {
        #[serde(default)]
        sort: Option<String>,
    }
    let file = format!("content/{section}/_section.yaml");
    let text = fs::read_to_string(folder.join("_section.yaml")).ok()?;
    // A `_section.yaml` that does not parse is the build's to report.
    let meta: Sort = crate::yaml::parse(&file, &text).ok()?;
    (meta.sort.as_deref() == Some("date")).then(|| {
        Diagnostic::error(&file, Rule::NewSectionSortsByDate.with("section", section))
            .at(&text, crate::yaml::key_location(&text, 0, "sort"))
    })
}

/// Whether the section folder holds an article: a folder with a translation in it.
fn holds_articles(section: &Path) -> bool {
    fs::read_dir(section).is_ok_and(|entries| {
        entries.flatten().any(|entry| {
            Lang::BUILT_IN
                .into_iter()
                .any(|lang| entry.path().join(format!("{}.md", lang.code())).is_file())
        })
    })
}

fn relative(site: &Path, path: &Path) -> String {
    path.strip_prefix(site)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

fn refuse_existing(site: &Path, file: &Path) -> Result<(), Diagnostic> {
    if file.exists() {
        return Err(Diagnostic::error(relative(site, file), Rule::NewFileExists)
            .with_hint(Phrase::NewFileExistsHint));
    }
    Ok(())
}

fn write_new(site: &Path, file: &Path, text: &str) -> Result<(), Diagnostic> {
    // create_new: even a file appearing since the check is never overwritten.
    use std::io::Write;
    let mut handle = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(file)
        .map_err(|e| io_error(site, file, e))?;
    handle
        .write_all(text.as_bytes())
        .map_err(|e| io_error(site, file, e))
}

fn io_error(site: &Path, path: &Path, error: std::io::Error) -> Diagnostic {
    Diagnostic::error(
        relative(site, path),
        Rule::CannotWrite.with("error", error.to_string()),
    )
    .with_hint(Phrase::CannotWriteHint)
}

const ARTICLE_SV: &str = r#"---
# Rubriken: överst på sidan, i listor och i webbläsarens flik.
{title_note}title: «Skriv rubriken här»
# Publiceringsdag, ÅÅÅÅ-MM-DD, eller med klockslag i svensk tid: ÅÅÅÅ-MM-DD TT:MM.
# Klockslaget ordnar artiklar från samma dag. Ett datum i framtiden väntar med publiceringen till den dagen.
date:{date}
# Senast uppdaterad (valfritt): skriv dagens datum när du ändrar en publicerad artikel.
updated:
# Sidansvarig (valfritt): den person eller grupp som svarar för artikeln, ett id från owners: i site.yaml.
owner:{owner}
# Granskad (valfritt): dagen då någon senast läste igenom artikeln och såg att allt stämmer, ÅÅÅÅ-MM-DD.
# Artikeln visar "Granskad …", och torget check säger till när det är dags igen:
# review_after_days i site.yaml (365 om inget anges) efter den dagen.
reviewed:
# Granska senast (valfritt): dagen då artikeln ska granskas nästa gång, i stället för review_after_days efter reviewed.
review_by:
# Ingress för listor och sökmotorer (valfritt); annars används första stycket.
summary:
# Adressens sista del (valfritt), till exempel nytt-mote; annars görs den av rubriken.
slug:
# Gamla adresser (valfritt) som ska leda hit, från webbplatsens rot, till exempel
# [/gamla/adressen/]: adressen från ett tidigare publiceringssystem eller en kort adress för tryck.
# Adresser som torget har publicerat står redan i addresses.txt och behöver inte skrivas här.
aliases: []
# Ämnen, till exempel [sluta skjut, call-in].
tags: {tags}
# Utkast: artikeln publiceras inte förrän du skriver false här.
draft: true
# Sista publiceringsdag (valfritt): artikeln tas bort från webbplatsen den dagen.
expires:
# Bild överst i artikeln (valfritt): lägg bilden i samma mapp, till exempel
# { src: bild.jpg, alt: "Vad bilden visar" }
image:{image}
# Ordning i avsnitt som sorteras efter vikt (valfritt): lägst först.
weight:{weight}
---
{body}"#;

const BODY_ARTICLE_SV: &str = r#"«Skriv första stycket här. Det blir ingress om du inte skriver en summary.»

## «Mellanrubrik»

«Brödtext. Länka till andra sidor så här: [Om Sluta skjut](@/om-sluta-skjut).»
"#;

const ARTICLE_EN: &str = r#"---
# The headline: at the top of the page, in listings and in the browser tab.
{title_note}title: «Write the headline here»
# Publishing date, YYYY-MM-DD, or with a Swedish time: YYYY-MM-DD HH:MM.
# The time orders articles of the same day. A future date holds the article back until that day.
date:{date}
# Last updated (optional): write today's date when you change a published article.
updated:
# Owner (optional): the person or team who answers for the article, an id from owners: in site.yaml.
owner:{owner}
# Reviewed (optional): the day someone last read the article through and found it right, YYYY-MM-DD.
# The article shows "Reviewed …", and torget check says when it is due again:
# review_after_days in site.yaml (365 unless set) after that day.
reviewed:
# Review by (optional): the day the article is due for its next review, instead of review_after_days after reviewed.
review_by:
# Summary for listings and search engines (optional); otherwise the first paragraph is used.
summary:
# The last part of the address (optional), e.g. new-meeting; otherwise made from the headline.
slug:
# Old addresses (optional) that should lead here, from the site's root, e.g.
# [/old/address/]: an address from an earlier publishing system, or a short address for print.
# Addresses torget has published are already in addresses.txt and need not be written here.
aliases: []
# Topics, e.g. [sluta skjut, call-in].
tags: {tags}
# Draft: the article is not published until you write false here.
draft: true
# Last day of publication (optional): the article is taken off the site on that day.
expires:
# Image at the top of the article (optional): put the image in the same folder, e.g.
# { src: picture.jpg, alt: "What the picture shows" }
image:{image}
# Order in sections sorted by weight (optional): smallest first.
weight:{weight}
---
{body}"#;

const BODY_ARTICLE_EN: &str = r#"«Write the first paragraph here. It is the summary unless you write one.»

## «Subheading»

«Body text. Link to other pages like this: [About Sluta skjut](@/om-sluta-skjut).»
"#;

const PAGE_SV: &str = r#"---
# En sida som står för sig själv, utanför avsnitten, till exempel "Om Sluta skjut".
# Rubriken: överst på sidan och i webbläsarens flik.
{title_note}title: «Skriv rubriken här»
# Adressens sista del: sidan hamnar på /<slug>/. Tom: adressen görs av rubriken. Byter sidan
# adress när den är publicerad leder den gamla adressen hit (se addresses.txt).
slug:{slug}
# Gamla adresser (valfritt) som ska leda hit, från webbplatsens rot, till exempel
# [/gamla/adressen/]: adressen från ett tidigare publiceringssystem eller en kort adress för tryck.
# Adresser som torget har publicerat står redan i addresses.txt och behöver inte skrivas här.
aliases: []
# Ingress för sökmotorer (valfritt); annars används första stycket.
summary:
# Senast uppdaterad (valfritt): skriv dagens datum när du ändrar sidan.
updated:
# Sidansvarig (valfritt): den person eller grupp som svarar för sidan, ett id från owners: i site.yaml.
owner:{owner}
# Granskad (valfritt): dagen då någon senast läste igenom sidan och såg att allt stämmer, ÅÅÅÅ-MM-DD.
# Sidan visar "Granskad …", och torget check säger till när det är dags igen:
# review_after_days i site.yaml (365 om inget anges) efter den dagen.
reviewed:
# Granska senast (valfritt): dagen då sidan ska granskas nästa gång, i stället för review_after_days efter reviewed.
review_by:
# Publiceringsdag (valfritt för sidor), ÅÅÅÅ-MM-DD. Ett datum i framtiden väntar med publiceringen.
date:{date}
# Ämnen (valfritt), till exempel [sluta skjut].
tags: {tags}
# Utkast: sidan publiceras inte förrän du skriver false här.
draft: true
# Sista publiceringsdag (valfritt): sidan tas bort från webbplatsen den dagen.
expires:
# Bild överst på sidan (valfritt): lägg bilden i samma mapp, till exempel
# { src: bild.jpg, alt: "Vad bilden visar" }
image:{image}
# Ordning (valfritt): lägst först.
weight:{weight}
---
{body}"#;

const BODY_PAGE_SV: &str = r#"«Skriv första stycket här. Det blir ingress om du inte skriver en summary.»

## «Mellanrubrik»

«Brödtext. Länka till andra sidor så här: [Nyheter](@/nyheter).»
"#;

const PAGE_EN: &str = r#"---
# A page that stands on its own, outside the sections, such as "About Sluta skjut".
# The headline: at the top of the page and in the browser tab.
{title_note}title: «Write the headline here»
# The last part of the address: the page is at /en/<slug>/. Empty: made from the headline. If the
# address changes once the page is published, the old one leads here (see addresses.txt).
slug:{slug}
# Old addresses (optional) that should lead here, from the site's root, e.g.
# [/old/address/]: an address from an earlier publishing system, or a short address for print.
# Addresses torget has published are already in addresses.txt and need not be written here.
aliases: []
# Summary for search engines (optional); otherwise the first paragraph is used.
summary:
# Last updated (optional): write today's date when you change the page.
updated:
# Owner (optional): the person or team who answers for the page, an id from owners: in site.yaml.
owner:{owner}
# Reviewed (optional): the day someone last read the page through and found it right, YYYY-MM-DD.
# The page shows "Reviewed …", and torget check says when it is due again:
# review_after_days in site.yaml (365 unless set) after that day.
reviewed:
# Review by (optional): the day the page is due for its next review, instead of review_after_days after reviewed.
review_by:
# Publishing date (optional for pages), YYYY-MM-DD. A future date holds the page back until that day.
date:{date}
# Topics (optional), e.g. [sluta skjut].
tags: {tags}
# Draft: the page is not published until you write false here.
draft: true
# Last day of publication (optional): the page is taken off the site on that day.
expires:
# Image at the top of the page (optional): put the image in the same folder, e.g.
# { src: picture.jpg, alt: "What the picture shows" }
image:{image}
# Order (optional): smallest first.
weight:{weight}
---
{body}"#;

const BODY_PAGE_EN: &str = r#"«Write the first paragraph here. It is the summary unless you write one.»

## «Subheading»

«Body text. Link to other pages like this: [News](@/nyheter).»
"#;

const DATASET_SV: &str = r#"# Ett dataset: statistik som blir en sida med diagram, tabell och nedladdningar.
# Filens namn är adressen: /statistik/<filnamn>/. Ersätt all text inom « ».
# Rubrik på svenska och engelska.
title: { sv: «Rubrik», en: «Title» }
# Vad siffrorna visar (valfritt).
description: { sv: «Beskrivning», en: «Description» }
# Enhet, till exempel personer / people.
unit: { sv: «enhet», en: «unit» }
# Område som siffrorna gäller (valfritt), till exempel Malmö.
area:
# Vilken riktning är bra: lower (lägre är bättre), higher eller neutral.
better: neutral
# Vad siffrorna räknar: count (antal per period), cumulative (löpande summa sedan
# starten), rate (per invånare e.d.) eller share (andel). Styr ord och diagram.
measure: count
# Hur ofta siffrorna uppdateras (valfritt): yearly, quarterly, monthly eller irregular.
frequency:
# När nästa uppdatering kommer (valfritt), ÅÅÅÅ-MM-DD; check varnar när dagen har passerat.
next_update:
# Varifrån siffrorna kommer, med ett id per källa. Varje siffra måste ha en källa.
# Datum: ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM eller ÅÅÅÅ när dagen inte är känd.
sources:
  «kalla»:
    name: { sv: «Källans namn», en: «Name of the source» }
    url: «https://adress-till-källan»
# Datasetets huvudkälla: ett id ur sources.
source: «kalla»
# När uppgifterna senast sammanställdes, ÅÅÅÅ-MM-DD.
updated: {today}
series:
  - key: «nyckel»
    label: { sv: «Etikett», en: «Label» }
    values:
      «2024»: «0»
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copied_text_is_never_read_as_a_marker() {
        assert_eq!(
            fill(
                "{title_note}x {body} {",
                &[("{title_note}", "# {body}"), ("{body}", "b")]
            ),
            "# {body}x b {"
        );
    }

    #[test]
    fn templates_hold_every_front_matter_key() {
        for key in [
            "title",
            "date",
            "updated",
            "summary",
            "slug",
            "tags",
            "draft",
            "expires",
            "image",
            "weight",
            "owner",
            "reviewed",
            "review_by",
            "aliases",
        ] {
            for (name, template) in [
                ("article sv", ARTICLE_SV),
                ("article en", ARTICLE_EN),
                ("page sv", PAGE_SV),
                ("page en", PAGE_EN),
            ] {
                assert!(
                    template.contains(&format!("\n{key}:"))
                        || template.contains(&format!("}}{key}:")),
                    "{name} lacks {key}"
                );
            }
        }
        for key in [
            "title",
            "description",
            "unit",
            "area",
            "better",
            "source",
            "updated",
            "series",
        ] {
            assert!(
                DATASET_SV.contains(&format!("\n{key}:")),
                "dataset lacks {key}"
            );
        }
    }
}
