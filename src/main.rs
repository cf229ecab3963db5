//! The `torget` command: parses arguments, calls the library, prints reports.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use torget::diagnostics::Diagnostic;
use torget::i18n::Lang;
use torget::{BuildOptions, build, scaffold};

#[derive(Parser)]
#[command(
    name = "torget",
    version,
    about = "Builds a bilingual public-information website from Markdown and YAML"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into a folder of HTML.
    Build {
        /// The site folder, holding site.yaml.
        #[arg(long, default_value = ".")]
        site: PathBuf,
        /// Where to write the site [default: public/ in the site folder].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Include drafts and articles dated in the future.
        #[arg(long)]
        drafts: bool,
        /// Use this base URL instead of site.yaml's (for a staging copy).
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Build as if today were this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        now: Option<NaiveDate>,
        /// Make links name index.html, for a copy opened straight from disk (not for a web host).
        #[arg(long)]
        for_disk: bool,
        /// Print nothing but errors.
        #[arg(long, short, conflicts_with = "verbose")]
        quiet: bool,
        /// Also list every page written, by language.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Preview the site with live reload (drafts included), on 127.0.0.1 unless --bind says otherwise.
    Serve {
        /// The site folder, holding site.yaml.
        #[arg(long, default_value = ".")]
        site: PathBuf,
        /// The port to listen on; 0 picks a free one.
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// The address to listen on. Only change it to show the preview to other machines.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Build as if today were this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        now: Option<NaiveDate>,
    },
    /// Check the site: links, translations, alt texts, headings, readability, datasets.
    Check {
        /// The site folder, holding site.yaml.
        #[arg(long, default_value = ".")]
        site: PathBuf,
        /// `text` for people, `json` for tools.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Check as if today were this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        now: Option<NaiveDate>,
    },
    /// Create a ready-to-edit article, page or dataset.
    New {
        /// What to create.
        kind: NewKind,
        /// `section/name` for an article (e.g. nyheter/nytt-mote); `name` for a page (e.g. om-oss); `name` or `section/name` for a dataset.
        name: String,
        /// The site folder, holding site.yaml.
        #[arg(long, default_value = ".")]
        site: PathBuf,
        /// The article's or page's language: sv (default) or en, to add a translation beside it (copying its date, tags, image and headings).
        #[arg(long, default_value = "sv", value_parser = parse_lang)]
        lang: Lang,
        /// Date the new file as if today were this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        now: Option<NaiveDate>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum NewKind {
    Article,
    Page,
    Dataset,
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    torget::text::date::parse_date(text)
        .ok_or_else(|| format!("`{text}` is not a date; write YYYY-MM-DD, e.g. 2019-11-13"))
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::from_code(text)
        .ok_or_else(|| format!("`{text}` is not a language torget knows; write sv or en"))
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            site,
            out,
            drafts,
            base_url,
            now,
            for_disk,
            quiet,
            verbose,
        } => {
            let options = BuildOptions {
                site,
                out,
                drafts,
                base_url,
                today: now.unwrap_or_else(today),
                for_disk,
            };
            match build(&options) {
                Ok(summary) => {
                    if !quiet {
                        print_report(&summary.warnings);
                        if verbose {
                            for (path, lang) in &summary.written {
                                println!("  {lang}  /{path}");
                            }
                        }
                        let pages: Vec<String> = summary
                            .pages
                            .iter()
                            .map(|(lang, n)| format!("{n} {lang}"))
                            .collect();
                        println!(
                            "Built {} pages ({}), {} dataset{} and {} files into {} in {} ms.",
                            summary.pages.values().sum::<usize>(),
                            pages.join(", "),
                            summary.datasets,
                            if summary.datasets == 1 { "" } else { "s" },
                            summary.files,
                            summary.out.display(),
                            summary.elapsed.as_millis()
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(diagnostics) => fail(
                    &diagnostics,
                    "Build failed",
                    "the previous output was left as it was",
                ),
            }
        }
        Command::Serve {
            site,
            port,
            bind,
            now,
        } => {
            match torget::serve::serve(torget::serve::ServeOptions {
                site,
                bind,
                port,
                today: now,
            }) {
                Ok(()) => ExitCode::SUCCESS,
                Err(diagnostic) => fail(&[diagnostic], "Could not serve", "nothing was changed"),
            }
        }
        Command::Check { site, format, now } => {
            let options = BuildOptions {
                site,
                out: None,
                drafts: false,
                base_url: None,
                today: now.unwrap_or_else(today),
                for_disk: false,
            };
            let report = match torget::check::check(&options) {
                Ok(report) => report,
                Err(diagnostics) => {
                    if format == Format::Json {
                        println!("{}", json_report(&diagnostics, &[]));
                    }
                    return fail(&diagnostics, "Check failed", "fix these first");
                }
            };
            match format {
                Format::Json => println!("{}", json_report(&report.findings, &report.readability)),
                Format::Text => print_check(&report),
            }
            if report.has_errors() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::New {
            kind,
            name,
            site,
            lang,
            now,
        } => {
            let today = now.unwrap_or_else(today);
            let created = match kind {
                NewKind::Article => scaffold::new_article(&site, &name, lang, today),
                NewKind::Page => scaffold::new_page(&site, &name, lang),
                NewKind::Dataset => scaffold::new_dataset(&site, &name, today),
            };
            match created {
                Ok(path) => {
                    println!("Created {}", path.display());
                    println!(
                        "Replace the text between « and », including the marks; the build refuses to publish them."
                    );
                    match kind {
                        NewKind::Article => {
                            println!("The article stays a draft until you write `draft: false`.");
                        }
                        NewKind::Page => {
                            println!("The page stays a draft until you write `draft: false`.");
                        }
                        NewKind::Dataset => {}
                    }
                    ExitCode::SUCCESS
                }
                Err(diagnostic) => {
                    fail(&[diagnostic], "Nothing was created", "no file was changed")
                }
            }
        }
    }
}

/// Prints the report and a closing line; the exit code for a failed command.
fn fail(diagnostics: &[Diagnostic], what: &str, consequence: &str) -> ExitCode {
    print_report(diagnostics);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let files = (diagnostics.iter())
        .filter(|d| d.is_error())
        .map(|d| &d.file)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    eprintln!(
        "{what} with {errors} error{} in {files} file{}; {consequence}.",
        if errors == 1 { "" } else { "s" },
        if files == 1 { "" } else { "s" }
    );
    ExitCode::FAILURE
}

/// The check report for people: findings grouped by file, then readability per page.
fn print_check(report: &torget::check::CheckReport) {
    let styled = colours(std::io::stdout().is_terminal());
    let mut current: Option<String> = None;
    for finding in &report.findings {
        let file = finding.file.to_string_lossy().into_owned();
        if current.as_deref() != Some(file.as_str()) {
            println!("\n{file}");
            current = Some(file);
        }
        for line in finding.render(styled).lines() {
            println!("  {line}");
        }
    }
    if !report.readability.is_empty() {
        println!(
            "\nReadability (LIX: under 30 very easy, 30–40 easy, 40–50 medium, 50–60 difficult, over 60 very difficult)"
        );
        for page in &report.readability {
            let r = &page.readability;
            let mark = if page.over_threshold {
                "  <- above the limit"
            } else {
                ""
            };
            println!(
                "  {:>5.1}  {:<14} {} ({} words, {} sentences){mark}",
                r.lix,
                r.level(),
                page.file,
                r.words,
                r.sentences
            );
        }
    }
    let errors = report.findings.iter().filter(|d| d.is_error()).count();
    let warnings = report.findings.len() - errors;
    println!(
        "\n{errors} error{}, {warnings} warning{}.",
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" }
    );
}

/// Findings and readability as JSON for tools.
fn json_report(findings: &[Diagnostic], readability: &[torget::check::PageReadability]) -> String {
    let findings: Vec<serde_json::Value> = findings
        .iter()
        .map(|d| {
            serde_json::json!({
                "severity": if d.is_error() { "error" } else { "warning" },
                "file": d.file.to_string_lossy(),
                "line": d.location.map(|l| l.line),
                "column": d.location.map(|l| l.column),
                "message": d.message,
                "hint": d.hint,
            })
        })
        .collect();
    let errors = findings.iter().filter(|f| f["severity"] == "error").count();
    serde_json::to_string_pretty(&serde_json::json!({
        "errors": errors,
        "warnings": findings.len() - errors,
        "findings": findings,
        "readability": readability,
    }))
    .unwrap_or_default()
}

/// Colours only on a terminal, and never when NO_COLOR is set.
fn colours(terminal: bool) -> bool {
    terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn print_report(diagnostics: &[Diagnostic]) {
    let styled = colours(std::io::stderr().is_terminal());
    for diagnostic in diagnostics {
        eprint!("{}", diagnostic.render(styled));
    }
}
