//! `torget serve`: a live preview on 127.0.0.1 that rebuilds on every change and reloads open pages.
//!
//! The site is built into memory, never onto disk, and requests are
//! answered only from that map of files, so no request can reach anything
//! outside the built site. While the site has errors, every page shows them
//! instead of a stale copy.

use std::collections::BTreeSet;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::NaiveDate;
use notify_debouncer_full::notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use tokio::sync::{broadcast, mpsc, watch};

use crate::diagnostics::Diagnostic;
use crate::live::{LiveSite, PlaceholderPages};
use crate::messages::{Language, Message, Phrase, Rule, count};
use crate::output::Files;
use crate::steps::BuildOptions;
use crate::text::escape_attribute as escape;

mod placeholders;

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub site: PathBuf,
    pub bind: IpAddr,
    pub port: u16,
    /// The build date; today when `None`.
    pub today: Option<NaiveDate>,
    /// The language findings are told in, on the terminal and in the browser.
    pub messages: Language,
}

/// The path the browser listens on for reload events.
const RELOAD_PATH: &str = "/__torget/reload";
/// Injected before `</body>` of every page served; a file, not inline, so
/// the pages' Content-Security-Policy allows it.
const RELOAD_SCRIPT: &str = "<script src=\"/__torget/reload.js\"></script>";
/// Reloads the page whenever the site is rebuilt.
const RELOAD_JS: &str =
    "new EventSource(\"/__torget/reload\").onmessage = function () { location.reload(); };\n";

/// The latest build: the site's files (with the pages whose article still
/// holds placeholders), or why it could not be built.
enum Latest {
    Site(Arc<Files>, Arc<PlaceholderPages>),
    Errors(Vec<Diagnostic>),
}

struct Shared {
    latest: RwLock<Arc<Latest>>,
    reload: broadcast::Sender<()>,
    shutdown: watch::Receiver<bool>,
    messages: Language,
}

/// Serves the site until Ctrl-C; returns an error only if it cannot start
/// (no site.yaml in the folder, the port taken, the folders not watchable).
pub fn serve(options: ServeOptions) -> Result<(), Diagnostic> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| {
            Diagnostic::error("serve", Rule::ServeCannotStart.with("error", e.to_string()))
        })?;
    runtime.block_on(run(options))
}

fn build_options(options: &ServeOptions, address: SocketAddr) -> BuildOptions {
    BuildOptions {
        // Watched files are reported by absolute path: compare like with like.
        site: std::fs::canonicalize(&options.site).unwrap_or_else(|_| options.site.clone()),
        out: None,
        // A preview shows drafts and scheduled articles too.
        drafts: true,
        base_url: Some(format!("http://{address}/")),
        today: options
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        for_disk: false,
    }
}

/// The site in memory, and the warnings already printed, so a save prints only what it changed.
struct Preview {
    live: LiveSite,
    /// A hash of each warning printed, so an unchanged one is not printed again.
    shown: BTreeSet<u64>,
    messages: Language,
}

/// Builds the whole site (`changed` is `None`) or what the changed files
/// touch, and reports like `build` does; `None` when the changes leave the site as it was.
fn rebuild(preview: &Mutex<Preview>, changed: Option<Vec<PathBuf>>) -> Option<Latest> {
    let started = std::time::Instant::now();
    let mut preview = lock(preview);
    let outcome = match changed {
        Some(changed) if preview.live.is_unchanged_by(&changed) => return None,
        Some(changed) => preview.live.rebuild(&changed),
        None => preview.live.build_all(),
    };
    Some(preview.report(outcome, started))
}

/// Builds the whole site, for the first time.
fn build_all(preview: &Mutex<Preview>) -> Latest {
    let started = std::time::Instant::now();
    let mut preview = lock(preview);
    let outcome = preview.live.build_all();
    preview.report(outcome, started)
}

/// The preview, also after a build that panicked while holding it: the files it serves are still the last good build's.
fn lock(preview: &Mutex<Preview>) -> std::sync::MutexGuard<'_, Preview> {
    preview
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Preview {
    fn report(
        &mut self,
        outcome: Result<crate::live::Rebuilt, Vec<Diagnostic>>,
        started: std::time::Instant,
    ) -> Latest {
        report(&self.live, &mut self.shown, outcome, started, self.messages)
    }
}

/// What a build made, told on the terminal as `build` does; the browser gets the same.
///
/// Warnings printed after an earlier build are not printed again, also
/// after a build that failed: on a large site every save would otherwise
/// repeat thousands of lines. Errors are always printed in full.
fn report(
    live: &LiveSite,
    shown: &mut BTreeSet<u64>,
    outcome: Result<crate::live::Rebuilt, Vec<Diagnostic>>,
    started: std::time::Instant,
    messages: Language,
) -> Latest {
    match outcome {
        Ok(rebuilt) => {
            print_findings(&rebuilt.summary.warnings, shown, messages);
            let pages = rebuilt.summary.pages.values().sum::<usize>();
            let took = started.elapsed().as_millis();
            let said = if rebuilt.incremental {
                Phrase::ServeRebuilt.with("rendered", rebuilt.summary.rendered.to_string())
            } else {
                Message::from(Phrase::ServeBuilt)
            };
            let said = said
                .with("pages", pages.to_string())
                .with("ms", took.to_string());
            println!("{}", said.text(messages));
            Latest::Site(
                Arc::clone(live.files()),
                Arc::clone(live.placeholder_pages()),
            )
        }
        Err(diagnostics) => {
            print_findings(&diagnostics, shown, messages);
            eprintln!("{}", Phrase::ServeHasErrors.text(messages));
            Latest::Errors(diagnostics)
        }
    }
}

/// Prints a build's findings in their order: every error, and the warnings
/// not printed after an earlier build (`shown`, which then holds this
/// build's); the warnings gone and those still standing are counted on one line.
fn print_findings(findings: &[Diagnostic], shown: &mut BTreeSet<u64>, messages: Language) {
    // A large site can have thousands of warnings standing: they are told
    // apart by a hash, and only those printed are put into words. The hash
    // is rustc-hash's, whose byte hash passes SMHasher3 on its 64 bits:
    // with SipHash, gen_site 10k's 2,396 warnings took 2.3–2.9 ms of a
    // save, now 1.5–2.0.
    let key = |finding: &Diagnostic| {
        use std::hash::{Hash, Hasher};
        let mut hasher = rustc_hash::FxHasher::default();
        finding.hash(&mut hasher);
        hasher.finish()
    };
    let mut now = BTreeSet::new();
    for finding in findings {
        if finding.is_error() {
            eprint!("{}", finding.render(false, messages));
            continue;
        }
        let key = key(finding);
        if now.insert(key) && !shown.contains(&key) {
            eprint!("{}", finding.render(false, messages));
        }
    }
    let gone = shown.difference(&now).count();
    let still = now.intersection(shown).count();
    let mut told = Vec::new();
    if gone > 0 {
        told.push(count(gone, Phrase::WarningsGoneOne, Phrase::WarningsGoneOther).text(messages));
    }
    if still > 0 {
        told.push(
            count(still, Phrase::WarningsStandOne, Phrase::WarningsStandOther).text(messages),
        );
    }
    if !told.is_empty() {
        eprintln!("({}.)", told.join("; "));
    }
    *shown = now;
}

async fn run(options: ServeOptions) -> Result<(), Diagnostic> {
    // Outside a site folder there is nothing to preview: stop as `build` does.
    // Any other error of the first build is shown in the browser until fixed.
    if let Some(error) = crate::steps::not_a_site(&options.site) {
        return Err(error);
    }
    let address = SocketAddr::new(options.bind, options.port);
    let listener = tokio::net::TcpListener::bind(address).await.map_err(|e| {
        Diagnostic::error(
            "serve",
            Rule::ServeCannotListen
                .with("address", address.to_string())
                .with("error", e.to_string()),
        )
        .with_hint(Phrase::ServePortHint)
    })?;
    let address = listener.local_addr().unwrap_or(address);
    let build = build_options(&options, address);
    let site_folder = build.site.clone();
    let live = Arc::new(Mutex::new(Preview {
        // Drafts are shown, and may still hold placeholders.
        live: LiveSite::preview(build),
        shown: BTreeSet::new(),
        messages: options.messages,
    }));
    let first = {
        let live = Arc::clone(&live);
        tokio::task::spawn_blocking(move || build_all(&live))
            .await
            .map_err(|e| {
                Diagnostic::error("serve", Rule::ServeFirstBuild.with("error", e.to_string()))
            })?
    };
    let (reload, _) = broadcast::channel(16);
    let (stop, shutdown) = watch::channel(false);
    let shared = Arc::new(Shared {
        latest: RwLock::new(Arc::new(first)),
        reload,
        shutdown,
        messages: options.messages,
    });

    // The files that changed, or `None` when the watcher lost track and everything must be read.
    let (changes, mut changed) = mpsc::unbounded_channel::<Option<Vec<PathBuf>>>();
    let watched_site = site_folder.clone();
    let mut debouncer = new_debouncer(
        Duration::from_millis(50),
        None,
        move |result: DebounceEventResult| {
            let paths = match result {
                // Reading files while building raises access events: only changes count.
                Ok(events) => {
                    let paths: Vec<PathBuf> = events
                        .iter()
                        .filter(|e| !e.kind.is_access() && !e.kind.is_other())
                        .flat_map(|e| e.paths.iter())
                        .filter(|p| is_watched(&watched_site, p))
                        .cloned()
                        .collect();
                    if paths.is_empty() {
                        return;
                    }
                    Some(paths)
                }
                Err(_) => None,
            };
            let _ = changes.send(paths);
        },
    )
    .map_err(|e| Diagnostic::error("serve", Rule::ServeCannotWatch.with("error", e.to_string())))?;
    for (path, mode) in watched_paths(&site_folder) {
        debouncer.watch(&path, mode).map_err(|e| {
            Diagnostic::error(
                path.display().to_string(),
                Rule::ServeCannotWatchFile.with("error", e.to_string()),
            )
        })?;
    }

    let rebuilder = {
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            while let Some(mut paths) = changed.recv().await {
                // Several saves in a burst make one rebuild.
                while let Ok(more) = changed.try_recv() {
                    paths = match (paths, more) {
                        (Some(mut all), Some(more)) => {
                            all.extend(more);
                            Some(all)
                        }
                        _ => None,
                    };
                }
                let live = Arc::clone(&live);
                let Ok(Some(latest)) =
                    tokio::task::spawn_blocking(move || rebuild(&live, paths)).await
                else {
                    // Nothing changed (or the rebuild could not run): keep what is shown.
                    continue;
                };
                if let Ok(mut slot) = shared.latest.write() {
                    *slot = Arc::new(latest);
                }
                let _ = shared.reload.send(());
            }
        })
    };

    let app = Router::new()
        .route(RELOAD_PATH, get(reload_events))
        .route(
            "/__torget/reload.js",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
                    RELOAD_JS,
                )
            }),
        )
        .route(
            placeholders::STYLESHEET_PATH,
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
                    placeholders::STYLESHEET,
                )
            }),
        )
        .fallback(page)
        .with_state(Arc::clone(&shared));
    let messages = options.messages;
    println!(
        "{}",
        Phrase::ServeServing
            .with("address", address.to_string())
            .text(messages)
    );
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            let _ = tokio::signal::ctrl_c().await;
            println!("\n{}", Phrase::ServeStopping.text(messages));
            let _ = stop.send(true);
        })
        .await;
    rebuilder.abort();
    drop(debouncer);
    served.map_err(|e| Diagnostic::error("serve", Rule::ServeStopped.with("error", e.to_string())))
}

/// The folders whose changes may rebuild the site: the site folder itself
/// (for `site.yaml` and `addresses.txt`, which a `build` beside `serve` may update; other files there are ignored by [`is_watched`]), and
/// `content/`, `static/` and `themes/` with everything in them.
fn watched_paths(site: &Path) -> Vec<(PathBuf, RecursiveMode)> {
    let mut paths = vec![(site.to_path_buf(), RecursiveMode::NonRecursive)];
    for folder in INPUT_FOLDERS {
        let path = site.join(folder);
        if path.is_dir() {
            paths.push((path, RecursiveMode::Recursive));
        }
    }
    paths
}

/// The folders of the site that a build reads, beside `site.yaml`.
const INPUT_FOLDERS: [&str; 3] = ["content", "static", "themes"];

/// Whether a change at `path` may change the site: only the site's inputs
/// count, so a log written into the site folder (`torget serve > serve.log`)
/// or a build in `public/` rebuilds nothing. Editors' swap files and hidden
/// files do not count either.
fn is_watched(site: &Path, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(site) else {
        return false;
    };
    let mut parts = relative.components().map(|c| c.as_os_str());
    let input = match parts.next() {
        Some(first) if first == crate::config::FILE || first == crate::addresses::FILE => {
            parts.next().is_none()
        }
        Some(first) => INPUT_FOLDERS.iter().any(|folder| first == *folder),
        None => false,
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    input && !(name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp"))
}

async fn reload_events(State(shared): State<Arc<Shared>>) -> impl IntoResponse {
    let receiver = shared.reload.subscribe();
    let shutdown = shared.shutdown.clone();
    let stream = futures_util::stream::unfold(
        (receiver, shutdown),
        |(mut receiver, mut shutdown)| async move {
            loop {
                tokio::select! {
                    message = receiver.recv() => match message {
                        Ok(()) => return Some((Ok::<_, Infallible>(Event::default().data("reload")), (receiver, shutdown))),
                        Err(broadcast::error::RecvError::Lagged(_)) => continue,
                        Err(broadcast::error::RecvError::Closed) => return None,
                    },
                    _ = shutdown.changed() => return None,
                }
            }
        },
    );
    Sse::new(stream).keep_alive(KeepAlive::default())
}

async fn page(State(shared): State<Arc<Shared>>, uri: Uri) -> Response {
    let Some(path) = request_path(uri.path()) else {
        return not_found();
    };
    let latest = match shared.latest.read() {
        Ok(latest) => Arc::clone(&latest),
        Err(_) => {
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                "the preview is broken; restart torget serve",
            )
                .into_response();
        }
    };
    match latest.as_ref() {
        Latest::Errors(diagnostics) if path.ends_with(".html") => {
            error_page(diagnostics, shared.messages)
        }
        Latest::Errors(_) => not_found(),
        Latest::Site(files, unfinished) => match files.get(path.as_str()) {
            Some(bytes) => file_response(&path, bytes, unfinished),
            None if files.contains_key(format!("{path}/index.html").as_str()) => {
                let mut response = StatusCode::PERMANENT_REDIRECT.into_response();
                if let Ok(location) = HeaderValue::from_str(&format!("{}/", uri.path())) {
                    response.headers_mut().insert(header::LOCATION, location);
                }
                response
            }
            None => not_found_page(files, unfinished, &path),
        },
    }
}

/// The site's own 404 page in the language of `path` (`en/…` → `en/404.html`,
/// anything else the default language's `404.html`), as a web server shows it.
fn not_found_page(files: &Files, unfinished: &PlaceholderPages, path: &str) -> Response {
    let in_language = path
        .split_once('/')
        .filter(|(first, _)| crate::i18n::Lang::from_code(first).is_some())
        .map(|(first, _)| format!("{first}/404.html"))
        .filter(|page| files.contains_key(page.as_str()));
    let page = in_language.as_deref().unwrap_or("404.html");
    match files.get(page) {
        Some(bytes) => {
            let mut response = file_response(page, bytes, unfinished);
            *response.status_mut() = StatusCode::NOT_FOUND;
            response
        }
        None => not_found(),
    }
}

/// The site-relative file for a request path, or `None` for anything that tries to leave the site.
fn request_path(raw: &str) -> Option<String> {
    let decoded = percent_decode(raw)?;
    if decoded.contains(['\\', '\0']) {
        return None;
    }
    let segments: Vec<&str> = decoded.split('/').filter(|s| !s.is_empty()).collect();
    if segments.iter().any(|s| *s == "." || *s == "..") {
        return None;
    }
    let mut path = segments.join("/");
    if decoded.ends_with('/') || path.is_empty() {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    Some(path)
}

/// `%2e%2e` → `..`; `None` for a malformed escape or bytes that are not UTF-8.
fn percent_decode(raw: &str) -> Option<String> {
    // percent-encoding keeps a malformed escape as it is; a request with one is refused.
    let mut escapes = raw.split('%').skip(1);
    if !escapes.all(|e| e.len() >= 2 && e.as_bytes()[..2].iter().all(u8::is_ascii_hexdigit)) {
        return None;
    }
    percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .ok()
        .map(|decoded| decoded.into_owned())
}

fn content_type(path: &str) -> &'static str {
    match path
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .as_deref()
    {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("csv") => "text/csv; charset=utf-8",
        Some("xml") => "application/xml",
        Some("txt") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("pdf") => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// A file of the site as served: pages get the reload script and, while
/// some article holds placeholders, have them marked.
fn file_response(path: &str, bytes: &[u8], unfinished: &PlaceholderPages) -> Response {
    let body = if path.ends_with(".html") {
        let mut text = String::from_utf8_lossy(bytes);
        if !unfinished.is_empty() {
            let marked = placeholders::mark(&text, unfinished.get(path).copied());
            text = marked.into();
        }
        Body::from(match text.rfind("</body>") {
            Some(at) => format!("{}{RELOAD_SCRIPT}{}", &text[..at], &text[at..]),
            None => format!("{text}{RELOAD_SCRIPT}"),
        })
    } else {
        Body::from(bytes.to_vec())
    };
    let mut response = Response::new(body);
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(path)),
    );
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "Not found").into_response()
}

/// Every error of the build, in place of the page asked for.
fn error_page(diagnostics: &[Diagnostic], messages: Language) -> Response {
    let (lang, title, advice) = (
        match messages {
            Language::Swedish => "sv",
            Language::English => "en",
        },
        escape(&Phrase::ErrorPageTitle.text(messages)),
        escape(&Phrase::ErrorPageAdvice.text(messages)),
    );
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>body{{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}}pre{{background:#f4f4f2;padding:.75rem;overflow-x:auto}}li{{margin-bottom:1.5rem}}</style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n<p>{advice}</p>\n<ol>\n",
    );
    for diagnostic in diagnostics {
        html.push_str(&format!(
            "<li><p><strong>{}</strong>: {}</p><pre>{}</pre></li>\n",
            escape(&diagnostic.position()),
            escape(&diagnostic.message_in(messages)),
            escape(&diagnostic.render(false, messages))
        ));
    }
    html.push_str("</ol>\n</main>\n");
    html.push_str(RELOAD_SCRIPT);
    html.push_str("\n</body>\n</html>\n");
    let mut response = Response::new(Body::from(html));
    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_sites_inputs_are_watched() {
        let site = Path::new("/sites/torget");
        for input in [
            "site.yaml",
            "addresses.txt",
            "content",
            "content/nyheter/a/sv.md",
            "static/logo.svg",
            "themes/default/templates/base.html",
        ] {
            assert!(is_watched(site, &site.join(input)), "{input}");
        }
        for other in [
            "serve.log",
            "public/index.html",
            "public",
            "site.yaml.bak",
            "contents/x.md",
            "content/nyheter/a/.sv.md.swp",
            "content/nyheter/a/sv.md~",
        ] {
            assert!(!is_watched(site, &site.join(other)), "{other}");
        }
        assert!(!is_watched(site, Path::new("/elsewhere/site.yaml")));
    }

    #[test]
    fn requests_map_to_files_and_never_leave_the_site() {
        assert_eq!(request_path("/").as_deref(), Some("index.html"));
        assert_eq!(
            request_path("/nyheter/").as_deref(),
            Some("nyheter/index.html")
        );
        assert_eq!(request_path("/style.css").as_deref(), Some("style.css"));
        assert_eq!(request_path("/nyheter").as_deref(), Some("nyheter"));
        assert_eq!(request_path("/%C3%A5r/").as_deref(), Some("år/index.html"));
        for bad in [
            "/../site.yaml",
            "/%2e%2e/site.yaml",
            "/a/..%2F..%2Fsite.yaml",
            "/a\\..\\b",
            "/%00",
            "/%zz",
            "/%ff/",
            "/./x",
        ] {
            assert_eq!(request_path(bad), None, "{bad}");
        }
    }
}
