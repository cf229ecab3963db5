//! The `torget` command: parses arguments, calls the library, prints reports.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use torget::diagnostics::Diagnostic;
use torget::i18n::Lang;
use torget::messages::{Language, Message, Phrase, count};
use torget::{BuildOptions, build, scaffold};

/// The command line. `--help` shows the texts of the message catalogues, in
/// the editor's language (`help_in`); the doc comments here describe the
/// fields for the code's readers and are replaced when help is shown.
#[derive(Parser)]
#[command(
    name = "torget",
    version,
    about = "Builds a bilingual public-information website from Markdown and YAML"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of messages: sv or en [default: from LC_ALL, LC_MESSAGES or LANG; sv… is Swedish].
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_messages)]
    messages: Option<Language>,
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
        /// Show only the pages due for review, grouped by owner (and errors).
        #[arg(long)]
        overdue: bool,
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
    /// Turn a CSV file, a PxWeb JSON-stat 2.0 file or a Kolada answer into a new dataset.
    Import {
        /// The file to import, saved from a browser or an API.
        file: PathBuf,
        /// The new dataset's id and file name [default: made from the title].
        #[arg(long)]
        id: Option<String>,
        /// The site folder, holding site.yaml.
        #[arg(long, default_value = ".")]
        site: PathBuf,
        /// The section to put it in, e.g. statistik [default: the section that holds datasets].
        #[arg(long, value_name = "SECTION")]
        to: Option<String>,
        /// The language of the file's texts, when the file does not say [default: the site's default language].
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Date the import as if today were this date (YYYY-MM-DD).
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
    Lang::parse(text).ok_or_else(|| {
        format!("`{text}` is not a language code; write one such as sv, en, fi or ar")
    })
}

fn parse_messages(text: &str) -> Result<Language, String> {
    Language::from_code(text)
        .ok_or_else(|| format!("`{text}` is not a language for messages; write sv or en"))
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The language asked for with `--messages`, read before clap parses the
/// arguments so that `--help` is in it too; `None` when not given (or not
/// valid, which clap then reports).
fn messages_argument(args: &[std::ffi::OsString]) -> Option<Language> {
    let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    args.iter()
        .enumerate()
        .find_map(|(i, arg)| match arg.strip_prefix("--messages") {
            Some("") => args.get(i + 1).and_then(|code| Language::from_code(code)),
            Some(rest) => rest.strip_prefix('=').and_then(Language::from_code),
            None => None,
        })
}

/// The command line with its help texts in `language`; clap's own words
/// ("Usage", "Options") stay English.
fn help_in(command: clap::Command, language: Language) -> clap::Command {
    let say = |phrase: Phrase| phrase.text(language);
    let help = |phrase: Phrase| move |arg: clap::Arg| arg.help(phrase.text(language));
    command
        .about(say(Phrase::HelpAbout))
        .mut_arg("messages", help(Phrase::HelpMessages))
        .mut_subcommand("build", |c| {
            c.about(say(Phrase::HelpBuild))
                .mut_arg("site", help(Phrase::HelpSite))
                .mut_arg("out", help(Phrase::HelpOut))
                .mut_arg("drafts", help(Phrase::HelpDrafts))
                .mut_arg("base_url", help(Phrase::HelpBaseUrl))
                .mut_arg("now", help(Phrase::HelpNowBuild))
                .mut_arg("for_disk", help(Phrase::HelpForDisk))
                .mut_arg("quiet", help(Phrase::HelpQuiet))
                .mut_arg("verbose", help(Phrase::HelpVerbose))
        })
        .mut_subcommand("serve", |c| {
            c.about(say(Phrase::HelpServe))
                .mut_arg("site", help(Phrase::HelpSite))
                .mut_arg("port", help(Phrase::HelpPort))
                .mut_arg("bind", help(Phrase::HelpBind))
                .mut_arg("now", help(Phrase::HelpNowBuild))
        })
        .mut_subcommand("check", |c| {
            c.about(say(Phrase::HelpCheck))
                .mut_arg("site", help(Phrase::HelpSite))
                .mut_arg("format", help(Phrase::HelpFormat))
                .mut_arg("now", help(Phrase::HelpNowCheck))
                .mut_arg("overdue", help(Phrase::HelpOverdue))
        })
        .mut_subcommand("new", |c| {
            c.about(say(Phrase::HelpNew))
                .mut_arg("kind", help(Phrase::HelpKind))
                .mut_arg("name", help(Phrase::HelpName))
                .mut_arg("site", help(Phrase::HelpSite))
                .mut_arg("lang", help(Phrase::HelpLang))
                .mut_arg("now", help(Phrase::HelpNowNew))
        })
        .mut_subcommand("import", |c| {
            c.about(say(Phrase::HelpImport))
                .mut_arg("file", help(Phrase::HelpImportFile))
                .mut_arg("id", help(Phrase::HelpImportId))
                .mut_arg("site", help(Phrase::HelpSite))
                .mut_arg("to", help(Phrase::HelpImportTo))
                .mut_arg("lang", help(Phrase::HelpImportLang))
                .mut_arg("now", help(Phrase::HelpNowImport))
        })
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let locale = || Language::from_locale(|name| std::env::var(name).ok());
    let language = messages_argument(&args).unwrap_or_else(locale);
    let matches = help_in(Cli::command(), language).get_matches_from(&args);
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
    let language = cli.messages.unwrap_or(language);
    let say = |message: Message| message.text(language);
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
                        print_report(&summary.warnings, language);
                        if verbose {
                            for (path, lang) in &summary.written {
                                println!("  {lang}  /{path}");
                            }
                        }
                        let pages: Vec<String> = (summary.pages.iter())
                            .map(|(lang, n)| {
                                say(Phrase::PagesInLanguage
                                    .with("n", n.to_string())
                                    .with("lang", lang.to_string()))
                            })
                            .collect();
                        let datasets =
                            count(summary.datasets, Phrase::DatasetsOne, Phrase::DatasetsOther);
                        println!(
                            "{}",
                            say(Phrase::Built
                                .with("pages", summary.pages.values().sum::<usize>().to_string())
                                .with("by_language", pages.join(", "))
                                .with("datasets", datasets)
                                .with("files", summary.files.to_string())
                                .with("out", summary.out.display().to_string())
                                .with("ms", summary.elapsed.as_millis().to_string()))
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(diagnostics) => fail(
                    &diagnostics,
                    Phrase::BuildFailed,
                    Phrase::BuildFailedConsequence,
                    language,
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
                messages: language,
            }) {
                Ok(()) => ExitCode::SUCCESS,
                Err(diagnostic) => fail(
                    &[diagnostic],
                    Phrase::ServeFailed,
                    Phrase::ServeFailedConsequence,
                    language,
                ),
            }
        }
        Command::Check {
            site,
            format,
            now,
            overdue,
        } => {
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
                        println!(
                            "{}",
                            json_report(&diagnostics, &[], None, None, None, language)
                        );
                    }
                    return fail(
                        &diagnostics,
                        Phrase::CheckFailed,
                        Phrase::CheckFailedConsequence,
                        language,
                    );
                }
            };
            let report = if overdue {
                report.only_overdue()
            } else {
                report
            };
            match format {
                Format::Json => println!(
                    "{}",
                    json_report(
                        &report.findings,
                        &report.readability,
                        Some(&report.reviews),
                        Some(&report.addresses),
                        Some(&report.untranslated),
                        language
                    )
                ),
                Format::Text => print_check(&report, language),
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
                    println!(
                        "{}",
                        say(Phrase::Created.with("path", path.display().to_string()))
                    );
                    println!("{}", Phrase::ReplacePlaceholders.text(language));
                    match kind {
                        NewKind::Article => {
                            println!("{}", Phrase::ArticleStaysDraft.text(language));
                        }
                        NewKind::Page => println!("{}", Phrase::PageStaysDraft.text(language)),
                        NewKind::Dataset => {}
                    }
                    ExitCode::SUCCESS
                }
                Err(diagnostic) => fail(
                    &[diagnostic],
                    Phrase::NewFailed,
                    Phrase::NewFailedConsequence,
                    language,
                ),
            }
        }
        Command::Import {
            file,
            id,
            site,
            to,
            lang,
            now,
        } => import(
            &torget::import::ImportOptions {
                file,
                site,
                id,
                to,
                lang,
                today: now.unwrap_or_else(today),
            },
            language,
        ),
    }
}

/// `torget import`: writes the dataset and says what the editor must still write.
fn import(options: &torget::import::ImportOptions, language: Language) -> ExitCode {
    let say = |message: Message| message.text(language);
    let imported = match torget::import::import(options) {
        Ok(imported) => imported,
        Err(diagnostics) => {
            return fail(
                &diagnostics,
                Phrase::ImportFailed,
                Phrase::ImportFailedConsequence,
                language,
            );
        }
    };
    let (first, last, periods) = &imported.periods;
    println!(
        "{}",
        say(Phrase::ImportWrote
            .with("file", imported.file.as_str())
            .with(
                "series",
                count(
                    imported.series,
                    Phrase::ImportSeriesOne,
                    Phrase::ImportSeriesOther
                )
            )
            .with(
                "periods",
                count(
                    *periods,
                    Phrase::ImportPeriodsOne,
                    Phrase::ImportPeriodsOther
                )
            )
            .with("first", first.as_str())
            .with("last", last.as_str())
            .with("format", imported.format.phrase()))
    );
    if imported.windows_1252 {
        println!("{}", Phrase::ImportReadAsWindows1252.text(language));
    }
    if imported.to_fill.is_empty() {
        println!("{}", Phrase::ImportNothingToFill.text(language));
    } else {
        println!("{}", Phrase::ImportToFill.text(language));
        for (line, column, placeholder) in &imported.to_fill {
            println!("  {}:{line}:{column}: {placeholder}", imported.file);
        }
    }
    if imported.source_without_url {
        println!("{}", Phrase::ImportAddUrl.text(language));
    }
    println!("{}", Phrase::ImportCheckFacts.text(language));
    ExitCode::SUCCESS
}

/// Prints the report and a closing line; the exit code for a failed command.
fn fail(
    diagnostics: &[Diagnostic],
    what: Phrase,
    consequence: Phrase,
    language: Language,
) -> ExitCode {
    print_report(diagnostics, language);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let files = (diagnostics.iter())
        .filter(|d| d.is_error())
        .map(|d| &d.file)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let summary = Phrase::FailedWith
        .with("what", what)
        .with(
            "errors",
            count(errors, Phrase::ErrorsOne, Phrase::ErrorsOther),
        )
        .with("files", count(files, Phrase::FilesOne, Phrase::FilesOther))
        .with("consequence", consequence);
    eprintln!("{}", summary.text(language));
    ExitCode::FAILURE
}

/// The check report for people: findings grouped by file, then readability per page.
fn print_check(report: &torget::check::CheckReport, language: Language) {
    let styled = colours(std::io::stdout().is_terminal());
    let mut current: Option<String> = None;
    for finding in &report.findings {
        let file = finding.file.to_string_lossy().into_owned();
        if current.as_deref() != Some(file.as_str()) {
            println!("\n{file}");
            current = Some(file);
        }
        for line in finding.render(styled, language).lines() {
            println!("  {line}");
        }
    }
    if !report.readability.is_empty() {
        println!("\n{}", Phrase::Readability.text(language));
        for page in &report.readability {
            let r = &page.readability;
            let mark = if page.over_threshold {
                format!("  {}", Phrase::AboveLimit.text(language))
            } else {
                String::new()
            };
            let counts = Phrase::ReadabilityLine
                .with(
                    "words",
                    count(r.words, Phrase::WordsOne, Phrase::WordsOther),
                )
                .with(
                    "sentences",
                    count(r.sentences, Phrase::SentencesOne, Phrase::SentencesOther),
                );
            println!(
                "  {:>5.1}  {:<14} {} ({}){mark}",
                r.lix,
                r.level_phrase().text(language),
                page.file,
                counts.text(language)
            );
        }
    }
    if let Some(reviews) = report.reviews.render(language) {
        print!("\n{reviews}");
    }
    print_redirects(&report.addresses, language);
    if let Some(untranslated) = report.untranslated.render(language) {
        print!("\n{untranslated}");
    }
    let errors = report.findings.iter().filter(|d| d.is_error()).count();
    let warnings = report.findings.len() - errors;
    let summary = Phrase::CheckSummary
        .with(
            "errors",
            count(errors, Phrase::ErrorsOne, Phrase::ErrorsOther),
        )
        .with(
            "warnings",
            count(warnings, Phrase::WarningsOne, Phrase::WarningsOther),
        );
    println!("\n{}", summary.text(language));
}

/// The redirects the site keeps, old address first; the addresses that went
/// away are findings of their own, at their lines of `addresses.txt`.
fn print_redirects(addresses: &torget::check::AddressReport, language: Language) {
    if addresses.redirects.is_empty() {
        return;
    }
    println!("\n{}", Phrase::CheckRedirects.text(language));
    for redirect in &addresses.redirects {
        let why = match redirect.why {
            "alias" => Phrase::RedirectFromAlias.with("file", redirect.file.as_str()),
            _ => Message::from(Phrase::RedirectFromRecord),
        };
        let line = Phrase::CheckRedirectLine
            .with("from", redirect.from.as_str())
            .with("to", redirect.to.as_str())
            .with("why", why);
        println!("  {}", line.text(language));
    }
}

/// Findings and readability as JSON for tools: `rule` is a stable English id,
/// `message` and `hint` are in the reader's language.
fn json_report(
    findings: &[Diagnostic],
    readability: &[torget::check::PageReadability],
    reviews: Option<&torget::check::Reviews>,
    addresses: Option<&torget::check::AddressReport>,
    untranslated: Option<&torget::check::Untranslated>,
    language: Language,
) -> String {
    let findings: Vec<serde_json::Value> = findings
        .iter()
        .map(|d| {
            serde_json::json!({
                "severity": if d.is_error() { "error" } else { "warning" },
                "rule": d.rule(),
                "file": d.file.to_string_lossy(),
                "line": d.location.map(|l| l.line),
                "column": d.location.map(|l| l.column),
                "message": d.message_in(language),
                "hint": d.hint_in(language),
            })
        })
        .collect();
    let errors = findings.iter().filter(|f| f["severity"] == "error").count();
    serde_json::to_string_pretty(&serde_json::json!({
        "errors": errors,
        "warnings": findings.len() - errors,
        "findings": findings,
        "readability": readability,
        "reviews": reviews,
        "addresses": addresses,
        "untranslated": untranslated,
    }))
    .unwrap_or_default()
}

/// Colours only on a terminal, and never when NO_COLOR is set.
fn colours(terminal: bool) -> bool {
    terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn print_report(diagnostics: &[Diagnostic], language: Language) {
    let styled = colours(std::io::stderr().is_terminal());
    for diagnostic in diagnostics {
        eprint!("{}", diagnostic.render(styled, language));
    }
}
