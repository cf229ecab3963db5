//! torget: a static site generator for a municipality's public-information website.
//!
//! Data flows one way: **load** ([`content`]) → **resolve** ([`site`]) →
//! **render** ([`markdown`], [`render`]) → **write** ([`output`]). [`build`]
//! runs them all (the named steps are in [`steps`]) and reports every problem
//! of the run together. `ARCHITECTURE.md` says where each change belongs.

// Errors are the cold path and carry what a reader needs (file, line, the
// offending line, a hint); boxing them everywhere would only add noise.
#![allow(clippy::result_large_err)]

pub(crate) mod accessibility;
pub(crate) mod addresses;
pub mod check;
pub(crate) mod config;
pub mod content;
pub mod dataset;
pub mod diagnostics;
pub mod i18n;
pub mod import;
pub mod live;
pub(crate) mod markdown;
pub mod messages;
pub mod output;
pub mod render;
pub mod scaffold;
pub mod serve;
pub(crate) mod site;
pub(crate) mod steps;
pub mod text;
mod yaml;

use std::time::Instant;

use diagnostics::Diagnostic;
use messages::{Phrase, Rule};
pub use steps::{BuildOptions, BuildSummary};

/// Builds the site; on failure returns every diagnostic found, and the previous output is untouched.
///
/// After a successful build without drafts, the record of published
/// addresses (`addresses.txt` in the site folder) gets the addresses this
/// build published, written only when it changed.
pub fn build(options: &BuildOptions) -> Result<BuildSummary, Vec<Diagnostic>> {
    let started = Instant::now();
    let root = options.site.as_path();
    let out = options.out.clone().unwrap_or_else(|| root.join("public"));
    let prepared = steps::prepare(options)?;
    steps::check_output_folder(root, &out)?;
    if prepared.report.has_errors() || prepared.theme.is_none() {
        return Err(prepared.report.sorted());
    }
    let staging = output::Staging::begin(&out).map_err(|e| {
        vec![Diagnostic::error(
            out.display().to_string(),
            Rule::OutputNotCreated.with("error", e.to_string()),
        )]
    })?;
    // A build with drafts publishes nothing: its addresses are not recorded.
    let record = (!options.drafts)
        .then(|| prepared.site.record_to_write())
        .flatten();
    let mut summary = steps::write_site(prepared, &staging, started)?;
    staging.commit().map_err(|e| {
        vec![Diagnostic::error(
            out.display().to_string(),
            Rule::OutputNotReplaced.with("error", e.to_string()),
        )]
    })?;
    if let Some(text) = record
        && let Err(e) = addresses::write(root, &text)
    {
        summary.warnings.push(
            Diagnostic::warning(
                addresses::FILE,
                Rule::AddressesNotWritten.with("error", e.to_string()),
            )
            .with_hint(Phrase::AddressesNotWrittenHint),
        );
    }
    summary.out = out;
    Ok(summary)
}

/// Builds the site into memory (for `serve`): every file by its site-relative path.
///
/// Nothing is written into the site folder: the record of published
/// addresses is read, never updated, since these pages are not published.
pub fn build_in_memory(
    options: &BuildOptions,
) -> Result<(output::Memory, BuildSummary), Vec<Diagnostic>> {
    let started = Instant::now();
    let prepared = steps::prepare(options)?;
    if prepared.report.has_errors() || prepared.theme.is_none() {
        return Err(prepared.report.sorted());
    }
    let memory = output::Memory::default();
    let summary = steps::write_site(prepared, &memory, started)?;
    Ok((memory, summary))
}
