//! `torget new`: ready-to-edit article and dataset files, every field present and explained.
//!
//! Text for the editor to replace is written `«like this»`; a build refuses
//! to publish it. New articles start as drafts.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::diagnostics::Diagnostic;
use crate::i18n::Lang;
use crate::text::slug::Slug;

/// Writes `content/<section>/<name>/<lang>.md`; refuses to overwrite anything.
pub fn new_article(
    site: &Path,
    target: &str,
    lang: Lang,
    today: NaiveDate,
) -> Result<PathBuf, Diagnostic> {
    let (section, name) = split_target(site, target, "article", "nyheter/nytt-mote")?;
    let folder = site.join("content").join(section).join(name);
    let file = folder.join(format!("{}.md", lang.code()));
    refuse_existing(site, &file)?;
    fs::create_dir_all(&folder).map_err(|e| io_error(site, &folder, e))?;
    let text = match lang {
        Lang::Sv => ARTICLE_SV,
        Lang::En => ARTICLE_EN,
    }
    .replace("{today}", &today.to_string());
    write_new(site, &file, &text)?;
    Ok(file)
}

/// Writes `content/<section>/<name>.yaml`; the section defaults to the one holding datasets.
pub fn new_dataset(site: &Path, target: &str, today: NaiveDate) -> Result<PathBuf, Diagnostic> {
    let target = if target.contains('/') {
        target.to_string()
    } else {
        let section = dataset_section(site).ok_or_else(|| {
            Diagnostic::error(
                "content",
                "there is no statistics section to put the dataset in",
            )
            .with_hint(format!("name the section: `torget new dataset statistik/{target}`, after creating content/statistik/_section.yaml"))
        })?;
        format!("{section}/{target}")
    };
    let (section, name) = split_target(site, &target, "dataset", "statistik/skjutningar-malmo")?;
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
    what: &str,
    example: &str,
) -> Result<(&'a str, &'a str), Diagnostic> {
    let target = target.trim_matches('/');
    let Some((section, name)) = target.rsplit_once('/') else {
        return Err(
            Diagnostic::error(target, format!("name the section and the new {what}"))
                .with_hint(format!("e.g. `torget new {what} {example}`")),
        );
    };
    if let Err(message) = Slug::parse(name) {
        return Err(
            Diagnostic::error(target, format!("the name cannot be used: {message}"))
                .with_hint(format!("e.g. `torget new {what} {example}`")),
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
            format!("there is no section `{section}`"),
        )
        .with_hint("sections are folders under content/ holding a _section.yaml"));
    }
    Ok((section, name))
}

/// The first section (by name) that already holds a dataset, or `statistik` if it exists.
fn dataset_section(site: &Path) -> Option<String> {
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
    sections.into_iter().next().or_else(|| {
        content
            .join("statistik/_section.yaml")
            .is_file()
            .then(|| "statistik".to_string())
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
        return Err(Diagnostic::error(
            relative(site, file),
            "the file already exists; torget new never overwrites",
        )
        .with_hint("choose another name, or edit the file that is there"));
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
    Diagnostic::error(relative(site, path), format!("cannot write it: {error}"))
}

const ARTICLE_SV: &str = r#"---
# Rubriken: överst på sidan, i listor och i webbläsarens flik.
title: «Skriv rubriken här»
# Publiceringsdag, ÅÅÅÅ-MM-DD, eller med klockslag i svensk tid: ÅÅÅÅ-MM-DD TT:MM.
# Klockslaget ordnar artiklar från samma dag. Ett datum i framtiden väntar med publiceringen till den dagen.
date: {today}
# Senast uppdaterad (valfritt): skriv dagens datum när du ändrar en publicerad artikel.
updated:
# Ingress för listor och sökmotorer (valfritt); annars används första stycket.
summary:
# Adressens sista del (valfritt), till exempel nytt-mote; annars görs den av rubriken.
slug:
# Ämnen, till exempel [sluta skjut, call-in].
tags: []
# Utkast: artikeln publiceras inte förrän du skriver false här.
draft: true
# Sista publiceringsdag (valfritt): artikeln tas bort från webbplatsen den dagen.
expires:
# Bild överst i artikeln (valfritt): lägg bilden i samma mapp, till exempel
# { src: bild.jpg, alt: "Vad bilden visar" }
image:
# Ordning i avsnitt som sorteras efter vikt (valfritt): lägst först.
weight:
---
«Skriv första stycket här. Det blir ingress om du inte skriver en summary.»

## «Mellanrubrik»

«Brödtext. Länka till andra sidor så här: [Om Sluta skjut](@/om-sluta-skjut).»
"#;

const ARTICLE_EN: &str = r#"---
# The headline: at the top of the page, in listings and in the browser tab.
title: «Write the headline here»
# Publishing date, YYYY-MM-DD, or with a Swedish time: YYYY-MM-DD HH:MM.
# The time orders articles of the same day. A future date holds the article back until that day.
date: {today}
# Last updated (optional): write today's date when you change a published article.
updated:
# Summary for listings and search engines (optional); otherwise the first paragraph is used.
summary:
# The last part of the address (optional), e.g. new-meeting; otherwise made from the headline.
slug:
# Topics, e.g. [sluta skjut, call-in].
tags: []
# Draft: the article is not published until you write false here.
draft: true
# Last day of publication (optional): the article is taken off the site on that day.
expires:
# Image at the top of the article (optional): put the image in the same folder, e.g.
# { src: picture.jpg, alt: "What the picture shows" }
image:
# Order in sections sorted by weight (optional): smallest first.
weight:
---
«Write the first paragraph here. It is the summary unless you write one.»

## «Subheading»

«Body text. Link to other pages like this: [About Sluta skjut](@/om-sluta-skjut).»
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
# Varifrån siffrorna kommer. Varje siffra måste ha en källa.
source:
  name: { sv: «Källans namn», en: «Name of the source» }
  url: «https://adress-till-källan»
# När uppgifterna senast sammanställdes, ÅÅÅÅ-MM-DD.
updated: {today}
# En eller flera serier. Perioder är år (2019), kvartal (2019-Q4) eller månader (2019-11).
# Ett värde är ett tal (decimaler med punkt: 12.5), null om uppgift saknas, eller
# { value: 5, partial: true, preliminary: true, note: { sv: t.o.m. juni, en: to June } }
# där partial betyder delår och preliminary en preliminär uppgift.
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
    fn templates_hold_every_front_matter_key() {
        for key in [
            "title", "date", "updated", "summary", "slug", "tags", "draft", "expires", "image",
            "weight",
        ] {
            assert!(ARTICLE_SV.contains(&format!("\n{key}:")), "sv lacks {key}");
            assert!(ARTICLE_EN.contains(&format!("\n{key}:")), "en lacks {key}");
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
