//! Addresses that last: the record of published addresses (`addresses.txt`),
//! redirects at the addresses of pages that moved, aliases, and what `build`,
//! `serve` and `check` say about them.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

mod common;

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use common::*;

const FIRST_SV: &str = "content/nyheter/a-forsta/sv.md";

/// A copy of the basic fixture, with its record of published addresses.
fn site() -> (tempfile::TempDir, PathBuf) {
    fixture_with("basic", &[])
}

fn edit(site: &Path, file: &str, from: &str, to: &str) {
    let path = site.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no `{from}`");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn record(site: &Path) -> String {
    fs::read_to_string(site.join("addresses.txt")).unwrap()
}

/// The recorded lines, without the comment at the top.
fn record_lines(site: &Path) -> Vec<String> {
    record(site)
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Builds `site` into `out`, which must succeed; its standard error.
fn built(site: &Path, out: &Path, extra: &[&str]) -> String {
    let output = build(site, out, extra);
    assert_success(&output);
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Where the redirect page at `page` (a file of `out`) leads: its meta
/// refresh, after checking it is a whole, accessible page that leads there
/// every way (canonical, plain link) and is kept out of search engines.
fn redirect_target(out: &Path, page: &str) -> String {
    let document = html(out, page);
    let refresh = attrs(&document, "meta[http-equiv=refresh]", "content");
    assert_eq!(refresh.len(), 1, "{page}: no meta refresh");
    let target = refresh[0]
        .strip_prefix("0; url=")
        .unwrap_or_else(|| panic!("{page}: {}", refresh[0]))
        .to_string();
    assert_eq!(
        attrs(&document, "main a", "href"),
        std::slice::from_ref(&target),
        "{page}: the plain link"
    );
    assert_eq!(
        attrs(&document, "meta[name=robots]", "content"),
        ["noindex"],
        "{page}"
    );
    assert_eq!(attrs(&document, "link[rel=canonical]", "href").len(), 1);
    assert_eq!(texts(&document, "h1").len(), 1, "{page}: one heading");
    assert!(!texts(&document, "title")[0].is_empty(), "{page}: a title");
    assert_eq!(attrs(&document, "html", "lang").len(), 1);
    target
}

fn canonical(out: &Path, page: &str) -> String {
    attrs(&html(out, page), "link[rel=canonical]", "href").remove(0)
}

fn lang(out: &Path, page: &str) -> String {
    attrs(&html(out, page), "html", "lang").remove(0)
}

/// The files of `out` other than the page at `address` (`nyheter/x/`) that
/// name it: a link in a page, or the address in a feed, sitemap or search index.
fn mentions(out: &Path, address: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (file, bytes) in tree(out) {
        if file == format!("{address}index.html") {
            continue;
        }
        if !file.ends_with(".html") {
            if String::from_utf8_lossy(&bytes).contains(address) {
                found.push(file);
            }
            continue;
        }
        let folder: Vec<&str> = file.split('/').collect();
        let folder = &folder[..folder.len() - 1];
        for href in attrs(&html(out, &file), "a[href]", "href") {
            if href.contains(':') || href.starts_with('/') || href.starts_with('#') {
                continue;
            }
            let mut path: Vec<&str> = folder.to_vec();
            for part in href.split('#').next().unwrap().split('/') {
                match part {
                    ".." => {
                        path.pop();
                    }
                    "" | "." => {}
                    part => path.push(part),
                }
            }
            if format!("{}/", path.join("/")) == address {
                found.push(format!("{file}: {href}"));
            }
        }
    }
    found
}

#[test]
fn a_new_title_moves_the_page_and_a_redirect_keeps_the_old_address() {
    let (tmp, site) = site();
    let out = tmp.path().join("out");
    edit(
        &site,
        FIRST_SV,
        "title: Första nyheten",
        "title: Den allra första nyheten",
    );
    let said = built(&site, &out, &[]);
    assert!(
        said.contains(&format!(
            "{FIRST_SV}:2:1: warning: the page's address moved from /nyheter/forsta-nyheten/ to /nyheter/den-allra-forsta-nyheten/; a redirect keeps the old address working"
        )),
        "{said}"
    );
    assert!(said.contains("commit addresses.txt"), "{said}");
    let page = "nyheter/forsta-nyheten/index.html";
    assert_eq!(redirect_target(&out, page), "../den-allra-forsta-nyheten/");
    assert_eq!(
        canonical(&out, page),
        "https://example.org/sub/nyheter/den-allra-forsta-nyheten/"
    );
    assert_eq!(lang(&out, page), "sv");
    let document = html(&out, page);
    assert_eq!(texts(&document, "h1"), ["Sidan har flyttat"]);
    assert_eq!(texts(&document, "main a"), ["Den allra första nyheten"]);
    // The new page is the real one, everywhere; the old address nowhere.
    assert!(
        out.join("nyheter/den-allra-forsta-nyheten/index.html")
            .is_file()
    );
    assert_eq!(
        mentions(&out, "nyheter/forsta-nyheten/"),
        Vec::<String>::new()
    );
    let new = mentions(&out, "nyheter/den-allra-forsta-nyheten/");
    for listing in [
        "sitemap.xml",
        "atom.xml",
        "sok/index.js",
        "nyheter/sida/2/index.html: ",
        "amnen/test/",
    ] {
        assert!(
            new.iter().any(|m| m.starts_with(listing)),
            "{listing}: {new:?}"
        );
    }
    assert!(read(&out, "sitemap.xml").contains("nyheter/den-allra-forsta-nyheten/"));
    // The record has the new address, and keeps the old one.
    let lines = record_lines(&site);
    assert!(lines.contains(&"/nyheter/forsta-nyheten/ sv nyheter/a-forsta".to_string()));
    assert!(lines.contains(&"/nyheter/den-allra-forsta-nyheten/ sv nyheter/a-forsta".to_string()));
    // Said once: the next build has nothing new to say, and keeps the redirect.
    let again = built(&site, &out, &[]);
    assert!(!again.contains("moved"), "{again}");
    assert!(out.join(page).is_file());
}

#[test]
fn a_new_slug_moves_the_page_and_the_note_points_at_the_slug() {
    let (tmp, site) = site();
    let out = tmp.path().join("out");
    let file = "content/nyheter/a-forsta/en.md";
    edit(&site, file, "slug: first", "slug: the-first");
    let said = built(&site, &out, &[]);
    assert!(
        said.contains(&format!("{file}:3:7: warning: the page's address moved from /en/news/first/ to /en/news/the-first/")),
        "{said}"
    );
    let page = "en/news/first/index.html";
    assert_eq!(redirect_target(&out, page), "../the-first/");
    assert_eq!(lang(&out, page), "en");
    assert_eq!(texts(&html(&out, page), "h1"), ["This page has moved"]);
}

#[test]
fn a_folder_moved_to_another_section_keeps_its_old_addresses() {
    let (tmp, site) = site();
    let out = tmp.path().join("out");
    fs::create_dir_all(site.join("content/arkiv")).unwrap();
    fs::write(
        site.join("content/arkiv/_section.yaml"),
        "title: { sv: Arkiv, en: Archive }\nslug: { en: archive }\n",
    )
    .unwrap();
    fs::rename(
        site.join("content/nyheter/c-tredje"),
        site.join("content/arkiv/c-tredje"),
    )
    .unwrap();
    let said = built(&site, &out, &[]);
    assert!(
        said.contains("content/arkiv/c-tredje/sv.md:3:7: warning: the page's address moved from /nyheter/tredje/ to /arkiv/tredje/"),
        "{said}"
    );
    assert!(
        said.contains("from /en/news/third/ to /en/archive/third/"),
        "{said}"
    );
    assert_eq!(
        redirect_target(&out, "nyheter/tredje/index.html"),
        "../../arkiv/tredje/"
    );
    assert_eq!(
        redirect_target(&out, "en/news/third/index.html"),
        "../../archive/third/"
    );
    // The record follows the folder: its old lines name the new one.
    let lines = record_lines(&site);
    assert!(
        lines.contains(&"/nyheter/tredje/ sv arkiv/c-tredje".to_string()),
        "{lines:?}"
    );
    assert!(!record(&site).contains(" nyheter/c-tredje"));
}

#[test]
fn a_removed_translation_leads_to_the_page_in_the_other_language() {
    let (tmp, site) = site();
    let out = tmp.path().join("out");
    fs::remove_file(site.join("content/nyheter/c-tredje/en.md")).unwrap();
    built(&site, &out, &[]);
    let page = "en/news/third/index.html";
    assert_eq!(redirect_target(&out, page), "../../../nyheter/tredje/");
    // The page is in the reader's language; the link says where it leads.
    assert_eq!(lang(&out, page), "en");
    let document = html(&out, page);
    assert_eq!(attrs(&document, "main a", "hreflang"), ["sv"]);
    assert_eq!(attrs(&document, "main a", "lang"), ["sv"]);
    assert_eq!(texts(&document, "main span[lang=sv]"), ["Svenska"]);
    assert_eq!(texts(&document, "main a"), ["Tredje nyheten"]);
}

#[test]
fn a_deleted_page_gets_no_redirect_and_check_lists_its_addresses() {
    let (tmp, site) = site();
    let out = tmp.path().join("out");
    fs::remove_dir_all(site.join("content/nyheter/c-tredje")).unwrap();
    let said = built(&site, &out, &[]);
    assert!(!said.contains("moved"), "{said}");
    assert!(!out.join("nyheter/tredje").exists());
    assert!(!out.join("en/news/third").exists());
    // Its lines stay in the record.
    assert!(record_lines(&site).contains(&"/nyheter/tredje/ sv nyheter/c-tredje".to_string()));

    let output = torget()
        .args(["check", "--now", NOW, "--site"])
        .arg(&site)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    let line = record_lines(&site)
        .iter()
        .position(|l| l == "/nyheter/tredje/ sv nyheter/c-tredje")
        .unwrap()
        + 5;
    assert!(
        text.contains(&format!("addresses.txt:{line}:1: warning: the address /nyheter/tredje/ went away: its page `nyheter/c-tredje` (Swedish) is no longer on the site")),
        "{text}"
    );
    assert!(
        text.contains("help: restore the page, add `aliases: [/nyheter/tredje/]` to the page that replaces it, or remove the line to let the address go"),
        "{text}"
    );
    let output = torget()
        .args(["check", "--now", NOW, "--format", "json", "--site"])
        .arg(&site)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let gone: Vec<&str> = json["addresses"]["gone"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["address"].as_str().unwrap())
        .collect();
    assert_eq!(gone, ["/en/news/third/", "/nyheter/tredje/"]);
    let rules: Vec<&str> = (json["findings"].as_array().unwrap().iter())
        .filter(|f| f["file"] == "addresses.txt")
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["address-gone", "address-gone"]);
}

#[test]
fn after_two_moves_every_old_address_leads_straight_to_the_newest() {
    let (tmp, site) = site();
    let out = tmp.path().join("out");
    edit(
        &site,
        FIRST_SV,
        "title: Första nyheten",
        "title: Andra titeln",
    );
    built(&site, &out, &[]);
    edit(
        &site,
        FIRST_SV,
        "title: Andra titeln",
        "title: Tredje titeln",
    );
    let said = built(&site, &out, &[]);
    assert!(
        said.contains(
            "moved from /nyheter/andra-titeln/, /nyheter/forsta-nyheten/ to /nyheter/tredje-titeln/"
        ),
        "{said}"
    );
    for old in ["forsta-nyheten", "andra-titeln"] {
        assert_eq!(
            redirect_target(&out, &format!("nyheter/{old}/index.html")),
            "../tredje-titeln/",
            "{old}"
        );
    }
    // Moving back: the first address is a page again, and no redirect replaces it.
    edit(
        &site,
        FIRST_SV,
        "title: Tredje titeln",
        "title: Första nyheten",
    );
    built(&site, &out, &[]);
    let back = html(&out, "nyheter/forsta-nyheten/index.html");
    assert!(attrs(&back, "meta[http-equiv=refresh]", "content").is_empty());
    assert_eq!(texts(&back, "h1"), ["Första nyheten"]);
    assert_eq!(
        redirect_target(&out, "nyheter/tredje-titeln/index.html"),
        "../forsta-nyheten/"
    );
}

#[test]
fn redirects_work_under_a_base_path_and_from_disk() {
    let (tmp, site) = site();
    edit(&site, FIRST_SV, "title: Första nyheten", "title: Ny rubrik");
    let out = tmp.path().join("disk");
    built(
        &site,
        &out,
        &["--for-disk", "--base-url", "https://example.org/a/b/"],
    );
    let page = "nyheter/forsta-nyheten/index.html";
    assert_eq!(redirect_target(&out, page), "../ny-rubrik/index.html");
    assert_eq!(
        canonical(&out, page),
        "https://example.org/a/b/nyheter/ny-rubrik/"
    );
    assert_eq!(broken_internal_links(&out, "/a/b/"), Vec::<String>::new());
}

#[test]
fn aliases_publish_redirects_to_their_page() {
    let (tmp, site) = site();
    let out = tmp.path().join("out");
    edit(
        &site,
        "content/om/sv.md",
        "slug: om-oss\n",
        "slug: om-oss\naliases: [/gamla/om-kommunen/, /kort]\n",
    );
    edit(
        &site,
        "content/om/en.md",
        "slug: about\n",
        "slug: about\naliases:\n  - /en/old/about-us/\n",
    );
    let said = built(&site, &out, &[]);
    assert!(!said.contains("warning"), "{said}");
    assert_eq!(
        redirect_target(&out, "gamla/om-kommunen/index.html"),
        "../../om-oss/"
    );
    assert_eq!(redirect_target(&out, "kort/index.html"), "../om-oss/");
    assert_eq!(
        redirect_target(&out, "en/old/about-us/index.html"),
        "../../about/"
    );
    assert_eq!(lang(&out, "en/old/about-us/index.html"), "en");
    // Aliases are not published addresses of their own.
    assert!(!record(&site).contains("gamla"));
    assert_eq!(mentions(&out, "gamla/om-kommunen/"), Vec::<String>::new());

    let output = torget()
        .args(["check", "--now", NOW, "--site"])
        .arg(&site)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("Redirects\n  /en/old/about-us/ → /en/about/ (alias in content/om/en.md)\n  /gamla/om-kommunen/ → /om-oss/ (alias in content/om/sv.md)\n  /kort/ → /om-oss/ (alias in content/om/sv.md)\n"),
        "{text}"
    );
}

#[test]
fn an_alias_may_take_over_an_address_that_went_away() {
    let (tmp, site) = site();
    let out = tmp.path().join("out");
    fs::remove_dir_all(site.join("content/nyheter/c-tredje")).unwrap();
    edit(
        &site,
        FIRST_SV,
        "date: 2020-01-01\n",
        "date: 2020-01-01\naliases: [/nyheter/tredje/]\n",
    );
    built(&site, &out, &[]);
    assert_eq!(
        redirect_target(&out, "nyheter/tredje/index.html"),
        "../forsta-nyheten/"
    );
    let output = torget()
        .args(["check", "--now", NOW, "--format", "json", "--site"])
        .arg(&site)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let gone = json["addresses"]["gone"].as_array().unwrap();
    assert_eq!(gone.len(), 1, "{gone:?}");
    assert_eq!(gone[0]["address"], "/en/news/third/");
    let redirects = json["addresses"]["redirects"].as_array().unwrap();
    assert_eq!(redirects[0]["from"], "/nyheter/tredje/");
    assert_eq!(redirects[0]["why"], "alias");
}

#[test]
fn bad_and_clashing_aliases_are_located_errors() {
    let (tmp, site) = site();
    let out = tmp.path().join("out");
    fs::write(tmp.path().join("out-marker"), "").unwrap();
    edit(
        &site,
        "content/om/sv.md",
        "slug: om-oss\n",
        "slug: om-oss\naliases: [gamla/, /a/../b/, /sok?q=1, /nyheter/tredje/, /delad/, /om-oss/]\n",
    );
    edit(
        &site,
        FIRST_SV,
        "date: 2020-01-01\n",
        "date: 2020-01-01\naliases: [/delad/, /nyheter/sida/2/]\n",
    );
    let before = record(&site);
    let output = build(&site, &out, &[]);
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    for expected in [
        "content/om/sv.md:4:11: error: the alias `gamla/` is not an address on this site: it must start with `/`, at the site's root",
        "content/om/sv.md:4:19: error: the alias `/a/../b/` is not an address on this site: it must not hold `.` or `..` as a folder",
        "content/om/sv.md:4:29: error: the alias `/sok?q=1` is not an address on this site: it must not hold `?` or `#`",
        "content/om/sv.md:4:39: error: the alias /nyheter/tredje/ is the address of a page (@/nyheter/c-tredje)",
        "content/om/sv.md:4:66: error: the alias /om-oss/ is the address of a page (@/om)",
        "content/nyheter/a-forsta/sv.md:4:20: error: the alias /nyheter/sida/2/ is the address of a page (a listing, topic or search page torget makes)",
        "content/om/sv.md:4:57: error: the alias /delad/ is also an alias in content/nyheter/a-forsta/sv.md",
        "help: write the old address from the site's root, like `/gamla/adressen/`",
        "help: remove the alias: a page's own address needs no redirect, and a redirect never replaces a page",
        "help: keep the alias on one page only",
    ] {
        assert!(said.contains(expected), "missing {expected:?} in:\n{said}");
    }
    // A failed build records nothing.
    assert_eq!(record(&site), before);
}

#[test]
fn the_record_is_sorted_deterministic_and_written_only_by_a_published_build() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("basic"), &site);
    let committed = record(&site);
    fs::remove_file(site.join("addresses.txt")).unwrap();

    // check and a build with drafts publish nothing, so they write nothing.
    let output = torget()
        .args(["check", "--now", NOW, "--site"])
        .arg(&site)
        .output()
        .unwrap();
    assert!(output.status.success());
    built(&site, &tmp.path().join("drafts"), &["--drafts"]);
    assert!(!site.join("addresses.txt").exists());

    // A build makes it: the fixture's committed record, byte for byte.
    built(&site, &tmp.path().join("out"), &[]);
    assert_eq!(record(&site), committed);
    let lines = record_lines(&site);
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(lines, sorted);
    assert_eq!(
        lines,
        [
            "/en/about/ en om",
            "/en/news/ en nyheter",
            "/en/news/first/ en nyheter/a-forsta",
            "/en/news/third/ en nyheter/c-tredje",
            "/en/only-in-english/ en bara-engelska",
            "/en/statistics/ en statistik",
            "/en/statistics/anmalningar/ en statistik/anmalningar",
            "/nyheter/ sv nyheter",
            "/nyheter/andra-nyheten-finns-bara-pa-svenska/ sv nyheter/b-andra",
            "/nyheter/forsta-nyheten/ sv nyheter/a-forsta",
            "/nyheter/tredje/ sv nyheter/c-tredje",
            "/om-oss/ sv om",
            "/statistik/ sv statistik",
            "/statistik/anmalningar/ sv statistik/anmalningar",
        ]
    );
    assert!(record(&site).starts_with("# Addresses this site has published"));

    // An unchanged record is not written again.
    let modified = fs::metadata(site.join("addresses.txt"))
        .unwrap()
        .modified()
        .unwrap();
    std::thread::sleep(Duration::from_millis(20));
    built(&site, &tmp.path().join("out"), &[]);
    assert_eq!(
        fs::metadata(site.join("addresses.txt"))
            .unwrap()
            .modified()
            .unwrap(),
        modified
    );
    // Nothing is left beside it.
    let names: Vec<String> = fs::read_dir(&site)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("addresses"))
        .collect();
    assert_eq!(names, ["addresses.txt"]);
}

#[test]
fn a_page_that_takes_a_recorded_address_is_never_replaced_by_a_redirect() {
    let (tmp, site) = site();
    let out = tmp.path().join("out");
    // The first article moves away, and the third takes its old address.
    edit(&site, FIRST_SV, "title: Första nyheten", "title: Flyttad");
    edit(
        &site,
        "content/nyheter/c-tredje/sv.md",
        "slug: tredje",
        "slug: forsta-nyheten",
    );
    let said = built(&site, &out, &[]);
    // The page that left the address hears that it went to another page.
    assert!(
        said.contains(&format!(
            "{FIRST_SV}:2:1: warning: the page's old address /nyheter/forsta-nyheten/ is now the address of another page (@/nyheter/c-tredje): no redirect keeps it, and links to it open that page"
        )),
        "{said}"
    );
    assert!(
        said.contains("give the other page another `slug:`"),
        "{said}"
    );
    let page = html(&out, "nyheter/forsta-nyheten/index.html");
    assert!(attrs(&page, "meta[http-equiv=refresh]", "content").is_empty());
    assert_eq!(texts(&page, "h1"), ["Tredje nyheten"]);
    assert_eq!(
        redirect_target(&out, "nyheter/tredje/index.html"),
        "../forsta-nyheten/"
    );
    // The record says whose the address is now.
    assert!(
        record_lines(&site).contains(&"/nyheter/forsta-nyheten/ sv nyheter/c-tredje".to_string())
    );
}

#[test]
fn a_broken_record_is_a_located_error() {
    let (tmp, site) = site();
    let mut text = record(&site);
    text.push_str("<<<<<<< HEAD\nnyheter/utan-snedstreck/ sv x\n/bara-adress/\n>>>>>>> main\n");
    fs::write(site.join("addresses.txt"), &text).unwrap();
    let output = build(&site, &tmp.path().join("out"), &[]);
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    let first = text.lines().position(|l| l.starts_with("<<<<<<<")).unwrap() + 1;
    for expected in [
        format!("addresses.txt:{first}:1: error: an unresolved merge conflict"),
        format!(
            "addresses.txt:{}:1: error: this line is not `/address/ language folder`: it must start with `/`, at the site's root",
            first + 1
        ),
        format!(
            "addresses.txt:{}:1: error: this line is not `/address/ language folder`: it needs an address, a language and a content folder",
            first + 2
        ),
        format!(
            "addresses.txt:{}:1: error: an unresolved merge conflict",
            first + 3
        ),
        "help: keep the lines of both sides and remove the marker lines".to_string(),
    ] {
        assert!(said.contains(&expected), "missing {expected:?} in:\n{said}");
    }
}

/// `serve` reads the record, never writes it, and says when a save moves a published address.
#[test]
fn serve_says_when_a_save_moves_a_published_address() {
    let (_tmp, site) = site();
    let before = record(&site);
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = torget_process()
        .args(["serve", "--now", NOW, "--port", &port.to_string(), "--site"])
        .arg(&site)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (stdout, stderr) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let (lines, said) = std::sync::mpsc::channel();
    let (ready, serving) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line.starts_with("Serving ") {
                let _ = ready.send(());
            }
        }
    });
    // "Serving …" is said once the first build is done and the site is watched:
    // an edit before it could go unseen on a loaded machine.
    assert!(
        serving.recv_timeout(Duration::from_secs(60)).is_ok(),
        "serve did not start"
    );
    edit(&site, FIRST_SV, "title: Första nyheten", "title: Nytt namn");
    let expected = format!(
        "{FIRST_SV}:2:1: warning: the page's address moved from /nyheter/forsta-nyheten/ to /nyheter/nytt-namn/; a redirect keeps the old address working"
    );
    let mut heard = Vec::new();
    let found = loop {
        match said.recv_timeout(Duration::from_secs(20)) {
            Ok(line) if line.contains(&expected) => break true,
            Ok(line) => heard.push(line),
            Err(_) => break false,
        }
    };
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        found,
        "serve did not say {expected:?}; it said:\n{}",
        heard.join("\n")
    );
    assert_eq!(record(&site), before, "serve wrote the record");
}

#[test]
fn an_alias_never_takes_over_the_old_address_of_a_page_still_on_the_site() {
    let (tmp, site) = site();
    let out = tmp.path().join("out");
    edit(&site, FIRST_SV, "title: Första nyheten", "title: Flyttad");
    built(&site, &out, &[]);
    edit(
        &site,
        "content/nyheter/c-tredje/sv.md",
        "slug: tredje\n",
        "slug: tredje\naliases: [/nyheter/forsta-nyheten/]\n",
    );
    let output = build(&site, &out, &[]);
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    for expected in [
        "content/nyheter/c-tredje/sv.md:4:11: error: the alias /nyheter/forsta-nyheten/ is the old address of another page (@/nyheter/a-forsta), kept by a redirect",
        "help: remove the alias; to give the address to this page instead, also remove its line from addresses.txt",
    ] {
        assert!(said.contains(expected), "missing {expected:?} in:\n{said}");
    }
    // The redirect still leads where the address always led.
    assert_eq!(
        redirect_target(&out, "nyheter/forsta-nyheten/index.html"),
        "../flyttad/"
    );
    // Once the line is removed, the address is the alias's to take.
    let text = record(&site).replace("/nyheter/forsta-nyheten/ sv nyheter/a-forsta\n", "");
    fs::write(site.join("addresses.txt"), text).unwrap();
    built(&site, &out, &[]);
    assert_eq!(
        redirect_target(&out, "nyheter/forsta-nyheten/index.html"),
        "../tredje/"
    );
}

#[test]
fn aliases_and_recorded_addresses_on_files_the_build_writes_are_located_errors() {
    let (tmp, site) = site();
    let out = tmp.path().join("out");
    let clashing = [
        "/style.css",
        "/404.html",
        "/sitemap.xml",
        "/robots.txt",
        "/atom.xml",
        "/en/atom.xml/",
        "/dokument/info.txt",
        "/nyheter/tredje/bild.png",
        "/statistik/anmalningar/anmalningar.csv/x/",
    ];
    edit(
        &site,
        "content/om/sv.md",
        "slug: om-oss\n",
        &format!("slug: om-oss\naliases: [{}]\n", clashing.join(", ")),
    );
    let long = "a".repeat(5000);
    let mut text = record(&site);
    text.push_str(&format!("/favicon.svg/ sv om\n/{long}/ sv om\n"));
    fs::write(site.join("addresses.txt"), &text).unwrap();
    let lines = text.lines().count();
    let output = build(&site, &out, &[]);
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    for (alias, file) in clashing.iter().zip([
        "/style.css",
        "/404.html",
        "/sitemap.xml",
        "/robots.txt",
        "/atom.xml",
        "/en/atom.xml",
        "/dokument/info.txt",
        "/nyheter/tredje/bild.png",
        "/statistik/anmalningar/anmalningar.csv",
    ]) {
        let path = format!("{}/", alias.trim_end_matches('/'));
        let expected =
            format!("error: the alias {path} clashes with the file {file} that the build writes");
        assert!(said.contains(&expected), "missing {expected:?} in:\n{said}");
    }
    assert!(
        said.contains("content/om/sv.md:4:11: error: the alias /style.css/ clashes"),
        "{said}"
    );
    for expected in [
        format!(
            "addresses.txt:{}:1: error: the recorded address /favicon.svg/ clashes with the file /favicon.svg that the build writes",
            lines - 1
        ),
        format!(
            "addresses.txt:{lines}:1: error: this line is not `/address/ language folder`: it must not hold a folder name longer than 255 bytes"
        ),
        "help: remove the alias: a redirect is a folder with an index.html".to_string(),
    ] {
        assert!(said.contains(&expected), "missing {expected:?} in:\n{said}");
    }
    assert!(!said.contains("Is a directory"), "{said}");
    // `check` finds them too.
    let output = torget()
        .args(["check", "--now", NOW, "--site"])
        .arg(&site)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("the alias /style.css/ clashes"), "{said}");
}

#[test]
fn an_empty_alias_and_an_alias_written_twice_are_located_where_written() {
    let (tmp, site) = site();
    edit(
        &site,
        "content/om/sv.md",
        "slug: om-oss\n",
        "slug: om-oss\naliases: [/a/, \"\", /a]\n",
    );
    let output = build(&site, &tmp.path().join("out"), &[]);
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    for expected in [
        "content/om/sv.md:4:16: error: the alias `` is not an address on this site: it must start with `/`, at the site's root",
        "content/om/sv.md:4:20: error: the alias /a/ is listed twice on this page",
        "help: keep it once: `/a` and `/a/` are the same address",
    ] {
        assert!(said.contains(expected), "missing {expected:?} in:\n{said}");
    }
    assert!(!said.contains("also an alias in"), "{said}");
}
