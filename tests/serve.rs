//! `torget serve`: pages over HTTP, rebuilds with reload events on edits, errors in the browser, no path traversal.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::*;

/// The server process, stopped when the test ends however it ends.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start(site: &std::path::Path) -> Server {
    start_with_output(site, Stdio::null())
}

fn start_with_output(site: &std::path::Path, stdout: Stdio) -> Server {
    let port = free_port();
    let child = torget_process()
        .args(["serve", "--now", NOW, "--port", &port.to_string(), "--site"])
        .arg(site)
        .stdout(stdout)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = Server { child, port };
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return server;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("torget serve did not start on port {port}");
}

/// Every line the server writes to `streams` (its standard output, error or both), as it comes.
fn lines_of(streams: Vec<Box<dyn Read + Send>>) -> mpsc::Receiver<String> {
    let (lines, said) = mpsc::channel();
    for stream in streams {
        let lines = lines.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                let _ = lines.send(line);
            }
        });
    }
    said
}

/// A raw HTTP/1.1 GET: the path is sent exactly as given, so traversal attempts reach the server.
fn get(port: u16, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map_or(String::new(), |(_, b)| b.to_string());
    (status, body)
}

/// Listens for reload events; each one arrives on the returned channel.
fn reload_events(port: u16) -> mpsc::Receiver<()> {
    let (sender, receiver) = mpsc::channel();
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET /__torget/reload HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    std::thread::spawn(move || {
        let reader = BufReader::new(stream);
        for line in reader.lines() {
            let Ok(line) = line else { return };
            if line.contains("data: reload") && sender.send(()).is_err() {
                return;
            }
        }
    });
    // Let the subscription register before anything changes.
    std::thread::sleep(Duration::from_millis(300));
    receiver
}

fn wait_for_reload(events: &mpsc::Receiver<()>) {
    events
        .recv_timeout(Duration::from_secs(20))
        .expect("a reload event after the edit");
}

/// The page once a rebuild shows what `done` looks for. An editor's save can
/// reach the watcher in steps (truncate, then write), so the first rebuild
/// may see a half-written file; the next one follows, as in a browser.
fn page_when(port: u16, path: &str, done: impl Fn(u16, &str) -> bool) -> (u16, String) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (status, body) = get(port, path);
        if done(status, &body) || Instant::now() > deadline {
            return (status, body);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serves_pages_rebuilds_on_edit_and_sends_a_reload_event() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("basic"), &site);
    let server = start(&site);

    let (status, body) = get(server.port, "/nyheter/forsta-nyheten/");
    assert_eq!(status, 200);
    assert!(body.contains("<h1>Första nyheten</h1>"), "{body}");
    assert!(
        body.contains("<script src=\"/__torget/reload.js\"></script>"),
        "no reload script"
    );
    let (status, script) = get(server.port, "/__torget/reload.js");
    assert_eq!(status, 200);
    assert!(
        script.contains("EventSource(\"/__torget/reload\")"),
        "{script}"
    );
    let (status, body) = get(server.port, "/style.css");
    assert_eq!(status, 200);
    assert!(body.contains(".skip-link"));
    // Drafts are previewed.
    assert_eq!(get(server.port, "/nyheter/ett-utkast/").0, 200);

    let events = reload_events(server.port);
    let file = site.join("content/nyheter/a-forsta/sv.md");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("Samma rubrik igen", "Helt ny text från redaktören");
    std::fs::write(&file, text).unwrap();
    wait_for_reload(&events);
    let (status, body) = page_when(server.port, "/nyheter/forsta-nyheten/", |_, b| {
        b.contains("Helt ny text")
    });
    assert_eq!(status, 200);
    assert!(body.contains("Helt ny text från redaktören"), "{body}");

    // An error replaces every page with the report until it is fixed.
    let broken = std::fs::read_to_string(&file)
        .unwrap()
        .replace("title: Första nyheten", "titel: Första nyheten");
    std::fs::write(&file, &broken).unwrap();
    wait_for_reload(&events);
    let (status, body) = page_when(server.port, "/om-oss/", |_, b| b.contains("titel"));
    assert_eq!(status, 500);
    assert!(
        body.contains("content/nyheter/a-forsta/sv.md:2:1"),
        "{body}"
    );
    assert!(body.contains("unknown key `titel`"), "{body}");
    std::fs::write(&file, broken.replace("titel:", "title:")).unwrap();
    wait_for_reload(&events);
    assert_eq!(
        page_when(server.port, "/om-oss/", |status, _| status == 200).0,
        200
    );
}

#[test]
fn an_edit_to_an_article_renders_only_the_pages_it_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("basic"), &site);
    let mut server = start_with_output(&site, Stdio::piped());
    let said = lines_of(vec![Box::new(server.child.stdout.take().unwrap())]);
    let wait_for = |prefix: &str| -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        while let Ok(line) = said.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            if line.starts_with(prefix) {
                return line;
            }
        }
        panic!("serve never said `{prefix}…`");
    };
    let first = wait_for("Built ");
    let events = reload_events(server.port);
    let file = site.join("content/nyheter/a-forsta/sv.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{text}\nEn mening till.\n")).unwrap();
    wait_for_reload(&events);
    let rebuilt = wait_for("Rebuilt ");
    let pages = first
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse::<usize>().ok())
        .expect("the page count");
    assert!(
        rebuilt.starts_with(&format!("Rebuilt 1 of {pages} pages")),
        "{rebuilt}"
    );
    let (_, body) = page_when(server.port, "/nyheter/forsta-nyheten/", |_, b| {
        b.contains("En mening till.")
    });
    assert!(body.contains("En mening till."), "{body}");
}

#[test]
fn requests_outside_the_site_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("basic"), &site);
    let server = start(&site);
    for path in [
        "/../site.yaml",
        "/%2e%2e/site.yaml",
        "/%2E%2E%2Fsite.yaml",
        "/nyheter/..%2f..%2fsite.yaml",
        "/..\\site.yaml",
        "/content/om/sv.md",
        "/../../../../etc/passwd",
    ] {
        let (status, body) = get(server.port, path);
        assert!(
            status == 404 || status == 403 || status == 400,
            "{path}: {status}"
        );
        assert!(
            !body.contains("base_url") && !body.contains("root:"),
            "{path} leaked: {body}"
        );
    }
    // A folder without its slash is redirected, not guessed.
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    write!(
        stream,
        "GET /nyheter HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 308"), "{response}");
    assert!(
        response
            .to_ascii_lowercase()
            .contains("location: /nyheter/"),
        "{response}"
    );
}

#[test]
fn a_burst_of_requests_while_files_change_gets_complete_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("basic"), &site);
    let server = start(&site);
    let port = server.port;
    let pages = [
        "/",
        "/nyheter/",
        "/nyheter/forsta-nyheten/",
        "/en/news/first/",
        "/om-oss/",
        "/statistik/anmalningar/",
    ];
    // Bounded: 6 clients × 30 requests, to 127.0.0.1 only.
    let clients: Vec<_> = (0..6)
        .map(|client| {
            std::thread::spawn(move || {
                let mut failures = Vec::new();
                for i in 0..30 {
                    let path = pages[(client + i) % pages.len()];
                    let (status, body) = get(port, path);
                    let complete = body.trim_end().ends_with("</html>") && body.contains("<h1");
                    if status != 200 || !complete {
                        failures.push(format!("{path}: {status}, {} bytes", body.len()));
                    }
                }
                failures
            })
        })
        .collect();
    let file = site.join("content/om/sv.md");
    let original = std::fs::read_to_string(&file).unwrap();
    for round in 0..5 {
        let text = original.replace("Ring oss.", &format!("Ring oss, omgång {round}."));
        // Written whole and renamed into place, as editors' programs save files.
        let temporary = site.join("content/om/.sv.md.tmp");
        std::fs::write(&temporary, text).unwrap();
        std::fs::rename(&temporary, &file).unwrap();
        std::thread::sleep(Duration::from_millis(120));
    }
    let failures: Vec<String> = clients
        .into_iter()
        .flat_map(|c| c.join().unwrap())
        .collect();
    assert_eq!(failures, Vec::<String>::new());
    let (status, body) = page_when(port, "/om-oss/", |_, b| b.contains("omgång 4"));
    assert!(
        body.contains("Ring oss, omgång 4."),
        "the last edit is served: {status} {body}"
    );
}

/// Saves as editors' programs do: whole, by renaming a finished file (made
/// outside the watched site folder) over the old one.
fn save(path: &std::path::Path, text: impl AsRef<[u8]>) {
    let site = path
        .ancestors()
        .find(|p| p.join("site.yaml").is_file())
        .unwrap();
    let partial = site.parent().unwrap().join("saving.partial");
    std::fs::write(&partial, text).unwrap();
    std::fs::rename(&partial, path).unwrap();
}

#[test]
fn a_save_prints_only_the_warnings_it_changed() {
    let (_tmp, site) = fixture_with(
        "basic",
        &[(
            "content/nyheter/varning/sv.md",
            "---\ntitle: Varning\ndate: 2020-03-01\n---\nText med <b onclick=\"x()\">fet</b> stil.\n",
        )],
    );
    let port = free_port();
    let mut child = torget_process()
        .args(["serve", "--now", NOW, "--port", &port.to_string(), "--site"])
        .arg(&site)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let said = lines_of(vec![
        Box::new(child.stdout.take().unwrap()),
        Box::new(child.stderr.take().unwrap()),
    ]);
    let _server = Server { child, port };
    // Everything said up to the line that starts with `prefix`, and until a
    // pause after it: standard error and standard output arrive in either order.
    let said_until = |prefix: &str| -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut seen = Vec::new();
        while let Ok(line) = said.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            let done = line.starts_with(prefix);
            seen.push(line);
            if done {
                while let Ok(line) = said.recv_timeout(Duration::from_millis(300)) {
                    seen.push(line);
                }
                return seen;
            }
        }
        panic!("serve never said `{prefix}…`; it said {seen:#?}");
    };
    let warned = |lines: &[String], what: &str| lines.iter().filter(|l| l.contains(what)).count();

    let first = said_until("Built ");
    assert_eq!(warned(&first, "varning/sv.md:5:"), 1, "{first:#?}");
    // The watcher starts after the first build; let it settle before editing.
    std::thread::sleep(Duration::from_millis(500));

    // An edit elsewhere: the standing warning is counted, not printed again.
    let other = site.join("content/nyheter/a-forsta/sv.md");
    let text = std::fs::read_to_string(&other).unwrap();
    save(&other, format!("{text}\nEn mening till.\n"));
    let second = said_until("Rebuilt ");
    assert_eq!(warned(&second, "varning/sv.md:5:"), 0, "{second:#?}");
    assert!(
        second.contains(&"(1 earlier warning still stands.)".to_string()),
        "{second:#?}"
    );

    // A new warning is printed; the one that stands is still only counted.
    save(
        &other,
        format!("{text}\nEn mening till med <i onclick=\"y()\">mer</i>.\n"),
    );
    let third = said_until("Rebuilt ");
    assert_eq!(warned(&third, "a-forsta/sv.md:"), 1, "{third:#?}");
    assert_eq!(warned(&third, "varning/sv.md:5:"), 0, "{third:#?}");

    // Fixed: the warning is said to be gone.
    let warning = site.join("content/nyheter/varning/sv.md");
    save(
        &warning,
        "---\ntitle: Varning\ndate: 2020-03-01\n---\nText med fet stil.\n",
    );
    let fourth = said_until("Rebuilt ");
    assert!(
        fourth.contains(&"(1 warning gone; 1 earlier warning still stands.)".to_string()),
        "{fourth:#?}"
    );

    // A save that breaks the site prints its error, not the standing warning
    // again; nor does the next save while the error stands.
    let broken = |n: usize| {
        format!(
            "{text}\nEn mening till med <i onclick=\"y()\">mer</i>.\n\n[Trasig](@/finns-inte).{}\n",
            " Och en till.".repeat(n)
        )
    };
    for n in 0..2 {
        save(&other, broken(n));
        let failed = said_until("The site has errors");
        assert_eq!(warned(&failed, "finns-inte"), 2, "{failed:#?}");
        assert_eq!(warned(&failed, "onclick"), 0, "{failed:#?}");
        assert!(
            failed.contains(&"(1 earlier warning still stands.)".to_string()),
            "{failed:#?}"
        );
    }
    // Fixed: the build is back, and the warning still only counted.
    save(
        &other,
        format!("{text}\nEn mening till med <i onclick=\"y()\">mer</i>.\n"),
    );
    let fixed = said_until("Rebuilt ");
    assert_eq!(warned(&fixed, "onclick"), 0, "{fixed:#?}");
    assert!(
        fixed.contains(&"(1 earlier warning still stands.)".to_string()),
        "{fixed:#?}"
    );
}

#[test]
fn an_unknown_address_gets_the_sites_404_page_in_its_language() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("basic"), &site);
    let server = start(&site);
    let reload = "<script src=\"/__torget/reload.js\"></script>";

    let (status, body) = get(server.port, "/finns-inte/alls/");
    assert_eq!(status, 404);
    assert!(body.contains("<h1>Sidan finns inte</h1>"), "{body}");
    assert!(body.contains(reload), "no reload script: {body}");
    let (status, body) = get(server.port, "/nyheter/saknas");
    assert_eq!(status, 404);
    assert!(body.contains("<h1>Sidan finns inte</h1>"), "{body}");

    let (status, body) = get(server.port, "/en/nothing-here/");
    assert_eq!(status, 404);
    assert!(body.contains("<h1>Page not found</h1>"), "{body}");
    assert!(body.contains(reload), "no reload script: {body}");
}

#[test]
fn outside_a_site_folder_serve_stops_like_build() {
    let tmp = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut child = torget_process()
        .args(["serve", "--now", NOW, "--port", &port.to_string(), "--site"])
        .arg(tmp.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("torget serve kept running outside a site folder");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut stdout = String::new();
    let mut stderr = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(status.code(), Some(1), "{stdout}{stderr}");
    assert!(
        stderr.contains("site.yaml: error: no site.yaml in"),
        "{stderr}"
    );
    assert!(
        stderr.contains("run torget in the site folder, or point at it with --site DIR"),
        "{stderr}"
    );
    assert!(!stdout.contains("Serving"), "{stdout}");
}

#[test]
fn a_first_build_with_errors_still_serves_them() {
    let (_tmp, site) = fixture_with(
        "basic",
        &[(
            "content/nyheter/trasig/sv.md",
            "---\ntitel: Trasig\ndate: 2020-03-01\n---\nText.\n",
        )],
    );
    let server = start(&site);
    // The watcher may still see the fixture being copied and build once more.
    let (status, body) = page_when(server.port, "/om-oss/", |status, body| {
        status == 500 && body.contains("content/nyheter/trasig/sv.md:2:1")
    });
    assert_eq!(status, 500, "{body}");
    assert!(body.contains("content/nyheter/trasig/sv.md:2:1"), "{body}");
}

#[test]
fn files_beside_the_sites_inputs_rebuild_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("basic"), &site);
    std::fs::create_dir_all(site.join("public")).unwrap();
    let mut server = start_with_output(&site, Stdio::piped());
    let said = lines_of(vec![Box::new(server.child.stdout.take().unwrap())]);
    let built = |line: &str| line.starts_with("Built ") || line.starts_with("Rebuilt ");
    // Said once the first build is done and the site is watched.
    let deadline = Instant::now() + Duration::from_secs(20);
    while let Ok(line) = said.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        if line.starts_with("Serving ") {
            break;
        }
    }

    // As `torget serve > serve.log` run in the site folder would, and a build into public/.
    let log = site.join("serve.log");
    for round in 0..5 {
        std::fs::write(&log, format!("Built 12 pages in {round} ms.\n")).unwrap();
        std::fs::write(site.join("public/index.html"), format!("{round}")).unwrap();
        std::thread::sleep(Duration::from_millis(100));
    }
    let quiet_until = Instant::now() + Duration::from_secs(1);
    while let Ok(line) = said.recv_timeout(quiet_until.saturating_duration_since(Instant::now())) {
        assert!(!built(&line), "a write outside the inputs rebuilt: {line}");
    }

    // An edit to an article still rebuilds.
    let file = site.join("content/nyheter/a-forsta/sv.md");
    let text = std::fs::read_to_string(&file).unwrap();
    save(&file, format!("{text}\nEn mening till.\n"));
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut rebuilt = false;
    while let Ok(line) = said.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        if line.starts_with("Rebuilt ") {
            rebuilt = true;
            break;
        }
    }
    assert!(rebuilt, "the edit to the article was not rebuilt");
}

#[test]
fn a_new_article_is_previewed_with_its_placeholders_marked() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("basic"), &site);
    let server = start(&site);
    // Answered once the first build is done and the site is watched.
    assert_eq!(page_when(server.port, "/", |s, _| s == 200).0, 200);
    for lang in ["sv", "en"] {
        let created = torget()
            .args(["new", "article", "nyheter/nytt-mote", "--lang", lang])
            .args(["--now", NOW, "--site"])
            .arg(&site)
            .output()
            .unwrap();
        assert_success(&created);
    }
    let mark = "<mark class=\"placeholder\">";

    // The address is made from the placeholder title until it is replaced.
    let (status, body) = page_when(server.port, "/nyheter/skriv-rubriken-har/", |s, _| s == 200);
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains("<p class=\"torget-placeholder-notice\" role=\"note\"><strong>Utkast:</strong> ersätt texten mellan « och » innan du publicerar.</p>"),
        "{body}"
    );
    assert!(
        body.contains(&format!("<h1>{mark}«Skriv rubriken här»</mark></h1>")),
        "{body}"
    );
    assert!(
        body.contains(&format!(
            "<h2 id=\"mellanrubrik\">{mark}«Mellanrubrik»</mark></h2>"
        )),
        "{body}"
    );
    // Not inside the title element, where markup would show as text.
    assert!(body.contains("<title>«Skriv rubriken här» | "), "{body}");
    assert!(body.contains("/__torget/preview.css"), "{body}");
    assert!(body.contains("<script src=\"/__torget/reload.js\"></script>"));
    // The English file may be seen by a later rebuild than the Swedish one: wait for it too.
    let (status, english) = page_when(server.port, "/en/news/write-the-headline-here/", |s, _| {
        s == 200
    });
    assert_eq!(status, 200, "{english}");
    assert!(
        english.contains(
            "<strong>Draft:</strong> replace the text between « and » before you publish."
        ),
        "{english}"
    );
    let (status, css) = get(server.port, "/__torget/preview.css");
    assert_eq!(status, 200);
    assert!(css.contains("mark.placeholder"), "{css}");

    // The rest of the site is browsable, without the notice.
    let (status, about) = get(server.port, "/om-oss/");
    assert_eq!(status, 200, "{about}");
    assert!(!about.contains("torget-placeholder-notice"), "{about}");
    let (status, news) = get(server.port, "/nyheter/");
    assert_eq!(status, 200);
    assert!(
        news.contains(&format!("{mark}«Skriv rubriken här»</mark>")),
        "the listing marks the title too: {news}"
    );

    // Filled in, the Swedish page is a plain page; the English one still has its notice.
    let file = site.join("content/nyheter/nytt-mote/sv.md");
    let mut text = std::fs::read_to_string(&file).unwrap();
    for (placeholder, value) in [
        ("«Skriv rubriken här»", "Nytt möte"),
        (
            "«Skriv första stycket här. Det blir ingress om du inte skriver en summary.»",
            "Första stycket.",
        ),
        ("«Mellanrubrik»", "Bakgrund"),
        (
            "«Brödtext. Länka till andra sidor så här: [Om Sluta skjut](@/om-sluta-skjut).»",
            "Se [oss](@/om).",
        ),
    ] {
        text = text.replace(placeholder, value);
    }
    save(&file, text);
    let (status, body) = page_when(server.port, "/nyheter/nytt-mote/", |s, _| s == 200);
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("<h1>Nytt möte</h1>"), "{body}");
    assert!(!body.contains("torget-placeholder-notice"), "{body}");
    assert!(!body.contains(mark), "{body}");
    let (_, english) = get(server.port, "/en/news/write-the-headline-here/");
    assert!(english.contains("torget-placeholder-notice"), "{english}");
}

#[test]
fn a_placeholder_outside_an_article_still_stops_the_preview() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("basic"), &site);
    let created = torget()
        .args(["new", "dataset", "besok", "--now", NOW, "--site"])
        .arg(&site)
        .output()
        .unwrap();
    assert_success(&created);
    let server = start(&site);
    let (status, body) = get(server.port, "/om-oss/");
    assert_eq!(status, 500, "{body}");
    assert!(body.contains("content/statistik/besok.yaml:4:14"), "{body}");
}
