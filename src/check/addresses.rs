//! What `check` says of lasting addresses: the redirects the site keeps, and
//! the recorded addresses that went away (a warning each, at its line of
//! `addresses.txt`, with what to do).

use serde::Serialize;

use crate::addresses;
use crate::diagnostics::{Diagnostic, Location};
use crate::messages::{Phrase, Rule};
use crate::site::{Origin, Site};

/// The redirects and the addresses that went away.
#[derive(Debug, Default, Serialize)]
pub struct AddressReport {
    pub redirects: Vec<RedirectLine>,
    pub gone: Vec<GoneLine>,
}

/// One redirect: from an old address to the page's address now.
#[derive(Debug, Serialize)]
pub struct RedirectLine {
    /// The old address, from the site's root (`/nyheter/gammal/`).
    pub from: String,
    /// The address it leads to.
    pub to: String,
    /// The page's content folder.
    pub page: String,
    /// `alias` or `moved`.
    pub why: &'static str,
    /// The file whose alias made it; `addresses.txt` for a page that moved.
    pub file: String,
}

/// A recorded address whose page is no longer on the site.
#[derive(Debug, Serialize)]
pub struct GoneLine {
    pub address: String,
    pub lang: String,
    pub page: String,
    /// Its line in `addresses.txt`.
    pub line: usize,
}

/// The redirects of `site`, and a warning for every address that went away.
pub(crate) fn addresses(site: &Site) -> (AddressReport, Vec<Diagnostic>) {
    let mut report = AddressReport::default();
    for (path, redirect) in site.redirects() {
        let Some(to) = site.page_path(&redirect.page, redirect.target_lang) else {
            continue;
        };
        let (why, file) = match &redirect.origin {
            Origin::Alias { file } => ("alias", file.clone()),
            Origin::Record => ("moved", addresses::FILE.to_string()),
        };
        report.redirects.push(RedirectLine {
            from: format!("/{path}"),
            to: format!("/{to}"),
            page: redirect.page.clone(),
            why,
            file,
        });
    }
    let text = site.content.record.source.as_deref().unwrap_or("");
    let mut warnings = Vec::new();
    for gone in site.gone_addresses() {
        let address = format!("/{}", gone.path);
        let language: crate::messages::Message = match crate::i18n::Lang::from_code(&gone.lang) {
            Some(lang) => lang.name(),
            None => gone.lang.as_str().into(),
        };
        let mut warning = Diagnostic::warning(
            addresses::FILE,
            Rule::AddressGone
                .with("address", address.as_str())
                .with("page", gone.page.as_str())
                .with("language", language),
        )
        .with_hint(Phrase::AddressGoneHint.with("address", address.as_str()));
        if gone.line > 0 {
            warning = warning.at(
                text,
                Location {
                    line: gone.line,
                    column: 1,
                },
            );
        }
        warnings.push(warning);
        report.gone.push(GoneLine {
            address,
            lang: gone.lang.clone(),
            page: gone.page.clone(),
            line: gone.line,
        });
    }
    (report, warnings)
}
