//! Whole-build benchmark: torget on generated bilingual sites of 1,000 and 10,000
//! articles, against a floor measured in the same run (read every Markdown file,
//! render it with pulldown-cmark, write the HTML).
//!
//!     cargo bench --bench build                 # 1,000 and 10,000 articles
//!     TORGET_BENCH_SIZES=2000 cargo bench --bench build
//!     cargo bench --bench build -- serve        # serve's saves on gen_site.py's 10,000 pages
//!
//! Sites and output go to /dev/shm when it exists, since disk timings on shared
//! machines swing too much to compare. Every build, the floor's, torget's and
//! Hugo's, starts with no output folder. Each build runs in a child process so its
//! peak memory is its own.

#![allow(clippy::unwrap_used, clippy::expect_used)]
// a test tool may stop at its own set-up's failure

// Children are reaped by wait4 in reap(), which clippy cannot see.
#![allow(clippy::zombie_processes)]
// Peak memory of a child comes from wait4, which only libc offers.
#![allow(unsafe_code)]

#[path = "../examples/gen-site.rs"]
#[allow(dead_code)]
mod generator;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const RUNS: usize = 3;

fn scratch() -> PathBuf {
    let shm = Path::new("/dev/shm");
    let base = if shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    base.join(format!("torget-bench-{}", std::process::id()))
}

/// Reads every Markdown file under `site`, renders it and writes the HTML: the least any generator must do.
fn floor(site: &Path, out: &Path) -> (Duration, usize) {
    let _ = fs::remove_dir_all(out);
    let started = Instant::now();
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(site.join("content"))
        .into_iter()
        .flatten()
    {
        if entry.path().extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = fs::read_to_string(entry.path()).unwrap_or_default();
        let body = text.splitn(3, "---\n").nth(2).unwrap_or(&text);
        let mut html = String::with_capacity(body.len() * 2);
        let options = pulldown_cmark::Options::ENABLE_TABLES
            | pulldown_cmark::Options::ENABLE_SMART_PUNCTUATION;
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(body, options));
        let relative = entry.path().strip_prefix(site).unwrap_or(entry.path());
        let target = out.join(relative).with_extension("html");
        if let Some(parent) = target.parent() {
            let _ = fs::create_dir_all(parent);
        }
        let _ = fs::write(target, html);
        pages += 1;
    }
    (started.elapsed(), pages)
}

/// Runs one build in a child process: its wall time and peak resident memory in bytes.
fn build_in_child(site: &Path, out: &Path) -> (Duration, u64) {
    let started = Instant::now();
    let child = std::process::Command::new(std::env::current_exe().expect("the bench binary"))
        .env("TORGET_BENCH_CHILD", "1")
        .arg(site)
        .arg(out)
        .spawn()
        .expect("the build child starts");
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child by its pid, with valid pointers to locals.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let elapsed = started.elapsed();
    assert!(
        pid > 0 && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "the build failed"
    );
    (elapsed, usage.ru_maxrss as u64 * 1024)
}

fn child() {
    let mut args = std::env::args().skip(1);
    let (Some(site), Some(out)) = (args.next(), args.next()) else {
        std::process::exit(2)
    };
    let options = torget::BuildOptions {
        site: PathBuf::from(site),
        out: Some(PathBuf::from(out)),
        drafts: false,
        base_url: None,
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 24).expect("a real date"),
        for_disk: false,
    };
    match torget::build(&options) {
        Ok(_) => std::process::exit(0),
        Err(errors) => {
            for error in errors.iter().filter(|e| e.is_error()).take(5) {
                eprintln!("{error}");
            }
            std::process::exit(1);
        }
    }
}

/// Hugo on the same shape of site, when `hugo` is installed (the site comes from benches/gen_site.py):
/// the median wall time and peak memory of building it.
fn hugo(articles: usize, dir: &Path) -> Option<(Duration, u64)> {
    let generator = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/gen_site.py");
    let found = std::process::Command::new("hugo")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found || !generator.is_file() {
        return None;
    }
    let site = dir.join(format!("hugo-{articles}"));
    let made = std::process::Command::new("python3")
        .arg(&generator)
        .arg(articles.to_string())
        .arg("hugo")
        .arg(&site)
        .output()
        .ok()?;
    if !made.status.success() {
        return None;
    }
    let mut times = Vec::new();
    let mut peak = 0;
    for _ in 0..RUNS {
        let _ = fs::remove_dir_all(dir.join("hugo-out"));
        let started = Instant::now();
        let child = std::process::Command::new("hugo")
            .args(["--quiet", "-s"])
            .arg(&site)
            .arg("-d")
            .arg(dir.join("hugo-out"))
            .spawn()
            .ok()?;
        let (ok, memory) = reap(child);
        if !ok {
            return None;
        }
        times.push(started.elapsed());
        peak = peak.max(memory);
    }
    let _ = fs::remove_dir_all(&site);
    Some((median(times), peak))
}

/// Waits for `child` with wait4: whether it succeeded, and its peak resident memory in bytes.
fn reap(child: std::process::Child) -> (bool, u64) {
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child by its pid, with valid pointers to locals.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let ok = pid > 0 && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    (ok, usage.ru_maxrss as u64 * 1024)
}

/// The text of an edited file for the n-th run of an edit.
type Edited<'a> = Box<dyn Fn(usize) -> String + 'a>;

/// One kind of save an editor makes under `serve`: what it is, the file, and its text run by run.
struct SaveEdit<'a> {
    what: &'a str,
    file: PathBuf,
    text: Edited<'a>,
}

/// The three article edits of every measured site: a sentence, a title, a date.
fn article_edits(file: PathBuf) -> Vec<SaveEdit<'static>> {
    let original = fs::read_to_string(&file).expect("the generated article exists");
    let title_line = original.lines().nth(1).unwrap_or_default().to_string();
    let date_line = original.lines().nth(2).unwrap_or_default().to_string();
    let (a, b) = (original.clone(), original.clone());
    vec![
        SaveEdit {
            what: "a sentence added at the end",
            file: file.clone(),
            text: Box::new(move |n| format!("{original}\nEn mening till, nummer {n}.\n")),
        },
        SaveEdit {
            what: "a new title (so a new address)",
            file: file.clone(),
            text: Box::new(move |n| {
                a.replacen(&title_line, &format!("title: \"Ny rubrik {n}\""), 1)
            }),
        },
        SaveEdit {
            what: "a new date (listings re-sorted)",
            file,
            text: Box::new(move |n| {
                b.replacen(&date_line, &format!("date: 2019-0{}-15", 1 + n % 9), 1)
            }),
        },
    ]
}

/// `serve`'s rebuild after each of `edits`, against the whole build of the same run.
fn serve_edits(site: &Path, full_build: Duration, edits: &[SaveEdit<'_>]) {
    let options = torget::BuildOptions {
        site: fs::canonicalize(site).expect("the site exists"),
        out: None,
        drafts: true,
        base_url: Some("http://127.0.0.1:8000/".to_string()),
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date"),
        for_disk: false,
    };
    let mut live = torget::live::LiveSite::new(options.clone());
    let started = Instant::now();
    live.build_all().expect("the generated site builds");
    let first = started.elapsed();
    println!(
        "{:>8} serve: first build in memory {:.3}s; rebuild after one save (median of {RUNS}):",
        "",
        first.as_secs_f64()
    );
    for edit in edits {
        let file = options.site.join(&edit.file);
        let original = fs::read_to_string(&file).expect("the edited file exists");
        let mut times = Vec::new();
        let mut rendered = 0;
        let mut viewed = 0;
        for n in 0..RUNS {
            fs::write(&file, (edit.text)(n)).expect("the file is written");
            // An editor saves seconds apart; what the last rebuild frees in
            // the background is done by then, and is not this edit's work.
            std::thread::sleep(Duration::from_millis(300));
            let started = Instant::now();
            let rebuilt = live
                .rebuild(std::slice::from_ref(&file))
                .expect("the edited site builds");
            times.push(started.elapsed());
            assert!(rebuilt.incremental, "{}: rebuilt in place", edit.what);
            rendered = rendered.max(rebuilt.summary.rendered);
            viewed = viewed.max(rebuilt.summary.viewed);
        }
        // The first save of a kind is often the slowest (memory the rebuild
        // has not used yet): the median alone would hide it.
        let first = times.first().copied().unwrap_or_default();
        let slowest = times.iter().max().copied().unwrap_or_default();
        let time = median(times);
        println!(
            "{:>8} {:>7} {:>9.1}ms  {:>6.3}x of the whole build (first {:.1}ms, slowest {:.1}ms); {viewed} views made, {rendered} pages rendered: {}",
            "",
            "",
            time.as_secs_f64() * 1e3,
            time.as_secs_f64() / full_build.as_secs_f64(),
            first.as_secs_f64() * 1e3,
            slowest.as_secs_f64() * 1e3,
            edit.what,
        );
        fs::write(&file, &original).expect("the file is restored");
        live.rebuild(std::slice::from_ref(&file))
            .expect("the restored site builds");
    }
}

/// A statistics section with one dataset, embedded in one article, added to
/// a generated site so dataset edits can be measured. Like the rest of the
/// generated site, its figures are made up, and its title says so.
fn add_statistics(site: &Path, article: &Path) -> Vec<SaveEdit<'static>> {
    let dir = site.join("content/statistik");
    fs::create_dir_all(&dir).expect("the section folder is made");
    let section = "title: { sv: Statistik, en: Statistics }\nslug: { en: statistics }\ndescription: { sv: Siffror, en: Figures }\n";
    fs::write(dir.join("_section.yaml"), section).expect("the section is written");
    let dataset = |n: usize| {
        format!(
            concat!(
                "title: {{ sv: Påhittad testserie, en: Made-up test series }}\n",
                "unit: {{ sv: ärenden, en: cases }}\nbetter: lower\n",
                "source:\n  name: {{ sv: Mätningens generator, en: The benchmark's generator }}\n",
                "  url: https://example.org/\nupdated: 2024-06-01\n",
                "series:\n  - key: test\n    label: {{ sv: Ärenden, en: Cases }}\n",
                "    values:\n      2017: 10\n      2018: {}\n      2019: 30\n",
            ),
            20 + n
        )
    };
    fs::write(dir.join("testserie.yaml"), dataset(0)).expect("the dataset is written");
    let text = fs::read_to_string(article).expect("the article exists");
    fs::write(article, format!("{text}\n```trend testserie\n```\n"))
        .expect("the article is written");
    let articles_section = site.join("content/artiklar/_section.yaml");
    let section_text = fs::read_to_string(&articles_section).expect("the section exists");
    vec![
        SaveEdit {
            what: "a dataset's value changed (its page, the listing, one article)",
            file: PathBuf::from("content/statistik/testserie.yaml"),
            text: Box::new(move |n| dataset(n + 1)),
        },
        SaveEdit {
            what: "a section's description changed (its listing pages)",
            file: PathBuf::from("content/artiklar/_section.yaml"),
            text: Box::new(move |n| {
                section_text.replacen("Nyheter från kommunen", &format!("Nyheter nummer {n}"), 1)
            }),
        },
    ]
}

/// `serve` on the site of `benches/gen_site.py` (the issue's measure), not the
/// bench's own generator: one save of each kind, against a whole build in the same run.
fn serve_on_gen_site(articles: usize, dir: &Path) {
    let generator = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/gen_site.py");
    let site = dir.join(format!("gen-site-{articles}"));
    let made = std::process::Command::new("python3")
        .arg(&generator)
        .arg(articles.to_string())
        .arg("torget")
        .arg(&site)
        .output()
        .expect("python3 runs benches/gen_site.py");
    assert!(made.status.success(), "gen_site.py failed");
    let article = site.join("content/artiklar/art-00042/sv.md");
    let mut edits = article_edits(article.clone());
    edits.extend(add_statistics(&site, &article));
    let builds: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let _ = fs::remove_dir_all(dir.join("out"));
            build_in_child(&site, &dir.join("out")).0
        })
        .collect();
    let build = median(builds);
    println!(
        "{articles:>8} gen_site.py: whole build {:.3}s (median of {RUNS})",
        build.as_secs_f64()
    );
    serve_edits(&site, build, &edits);
    let _ = fs::remove_dir_all(&site);
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

fn main() {
    if std::env::var_os("TORGET_BENCH_CHILD").is_some() {
        child();
    }
    // `cargo bench` passes --bench; `cargo test` runs benches with no such flag, and then only checks they build.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    if std::env::args().any(|a| a == "serve") {
        let dir = scratch();
        serve_on_gen_site(10_000, &dir);
        let _ = fs::remove_dir_all(&dir);
        return;
    }
    let sizes: Vec<usize> = std::env::var("TORGET_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1000, 10_000]);
    let dir = scratch();
    println!(
        "machine: {} cores; output in {}",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        dir.display()
    );
    println!(
        "{:>8} {:>7} {:>10} {:>10} {:>7} {:>10} {:>10} {:>11}",
        "articles", "pages", "floor", "build", "ratio", "pages/s", "peak MiB", "µs/article"
    );
    for articles in sizes {
        let site = dir.join(format!("site-{articles}"));
        generator::generate_site(articles, &site, 20_241_124).expect("the site is generated");
        let floors: Vec<(Duration, usize)> = (0..RUNS)
            .map(|_| floor(&site, &dir.join("floor")))
            .collect();
        let floor_pages = floors[0].1;
        let floor_time = median(floors.into_iter().map(|f| f.0).collect());
        let mut builds = Vec::new();
        let mut peak = 0;
        for _ in 0..RUNS {
            // Like the floor, each build starts from no output.
            let _ = fs::remove_dir_all(dir.join("out"));
            let (time, memory) = build_in_child(&site, &dir.join("out"));
            builds.push(time);
            peak = peak.max(memory);
        }
        let build_time = median(builds);
        let pages = walkdir::WalkDir::new(dir.join("out"))
            .into_iter()
            .flatten()
            .filter(|e| e.file_name() == "index.html")
            .count();
        println!(
            "{articles:>8} {pages:>7} {:>9.3}s {:>9.3}s {:>6.2}x {:>10.0} {:>10.0} {:>11.0}",
            floor_time.as_secs_f64(),
            build_time.as_secs_f64(),
            build_time.as_secs_f64() / floor_time.as_secs_f64(),
            pages as f64 / build_time.as_secs_f64(),
            peak as f64 / (1024.0 * 1024.0),
            build_time.as_secs_f64() * 1e6 / floor_pages as f64,
        );
        let article = site.join("content/artiklar/art-00042/sv.md");
        serve_edits(&site, build_time, &article_edits(article));
        let _ = fs::remove_dir_all(&site);
        if let Some((time, memory)) = hugo(articles, &dir) {
            println!(
                "{:>8} {:>7} {:>10} {:>9.3}s  hugo, same shape of site: torget takes {:.2} of its time and {:.2} of its memory ({:.0} MiB)",
                articles,
                "",
                "",
                time.as_secs_f64(),
                build_time.as_secs_f64() / time.as_secs_f64(),
                peak as f64 / memory as f64,
                memory as f64 / (1024.0 * 1024.0),
            );
        }
    }
    let _ = fs::remove_dir_all(&dir);
}
