//! The `torget` command: parses arguments, calls the library, prints reports.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use torget::diagnostics::Diagnostic;
use torget::{BuildOptions, build};

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
        /// Print nothing but errors.
        #[arg(long, short)]
        quiet: bool,
    },
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    torget::content::front_matter::parse_date(text)
        .ok_or_else(|| format!("`{text}` is not a date; write YYYY-MM-DD, e.g. 2019-11-13"))
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
            quiet,
        } => {
            let options = BuildOptions {
                site,
                out,
                drafts,
                base_url,
                today: now.unwrap_or_else(|| chrono::Local::now().date_naive()),
            };
            match build(&options) {
                Ok(summary) => {
                    if !quiet {
                        print_report(&summary.warnings);
                        let pages: Vec<String> = summary
                            .pages
                            .iter()
                            .map(|(lang, n)| format!("{n} {lang}"))
                            .collect();
                        println!(
                            "Built {} pages ({}) and {} files into {} in {} ms.",
                            summary.pages.values().sum::<usize>(),
                            pages.join(", "),
                            summary.files,
                            summary.out.display(),
                            summary.elapsed.as_millis()
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(diagnostics) => {
                    print_report(&diagnostics);
                    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
                    eprintln!(
                        "Build failed with {errors} error{}; the previous output was left as it was.",
                        if errors == 1 { "" } else { "s" }
                    );
                    ExitCode::FAILURE
                }
            }
        }
    }
}

fn print_report(diagnostics: &[Diagnostic]) {
    let styled = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    for diagnostic in diagnostics {
        eprint!("{}", diagnostic.render(styled));
    }
}
