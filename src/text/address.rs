//! Addresses between pages: relative URLs, so one output works at a domain's
//! root, in a sub-folder, on a staging host and opened from disk.

/// The URL of site path `to` as seen from page `from`, so the site works from any folder.
///
/// Both are site-relative; `from` is a folder (`nyheter/ny-call-in/`), `to`
/// a folder or a file (`style.css`).
pub(crate) fn relative_url(from: &str, to: &str) -> String {
    // Made for every link of every page: segments are counted, not
    // collected, and found byte by byte, which for paths this short is
    // quicker than the memchr a `split('/')` sets up for each.
    let (to_dirs, to_file) = match to.bytes().rposition(|b| b == b'/') {
        Some(at) => (&to[..at], &to[at + 1..]),
        None => ("", to),
    };
    let common = segments(from)
        .zip(segments(to_dirs))
        .take_while(|(a, b)| a == b)
        .count();
    let ups = segments(from).count() - common;
    let mut url = String::with_capacity(ups * 3 + to.len());
    for _ in 0..ups {
        url.push_str("../");
    }
    for dir in segments(to_dirs).skip(common) {
        url.push_str(dir);
        url.push('/');
    }
    url.push_str(to_file);
    if url.is_empty() {
        "./".to_string()
    } else {
        url
    }
}

/// The non-empty segments of `path` between its slashes.
fn segments(path: &str) -> impl Iterator<Item = &str> {
    let mut rest = path;
    std::iter::from_fn(move || {
        loop {
            if rest.is_empty() {
                return None;
            }
            let (segment, after) = match rest.bytes().position(|b| b == b'/') {
                Some(at) => (&rest[..at], &rest[at + 1..]),
                None => (rest, ""),
            };
            rest = after;
            if !segment.is_empty() {
                return Some(segment);
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Where a browser lands when it follows `url` from the page at `from`.
    fn follow(from: &str, url: &str) -> String {
        let mut parts: Vec<&str> = from.split('/').filter(|s| !s.is_empty()).collect();
        for segment in url.split('/') {
            match segment {
                ".." => {
                    parts.pop();
                }
                "." | "" => {}
                s => parts.push(s),
            }
        }
        let mut path = parts.join("/");
        if url.ends_with('/') && !path.is_empty() {
            path.push('/');
        }
        path
    }

    proptest! {
        #[test]
        fn relative_urls_lead_where_they_point(
            from in proptest::collection::vec("[a-z0-9-]{1,8}", 0..5),
            to in proptest::collection::vec("[a-z0-9-]{1,8}", 0..5),
        ) {
            let from = from.iter().map(|s| format!("{s}/")).collect::<String>();
            let to = to.iter().map(|s| format!("{s}/")).collect::<String>();
            let url = relative_url(&from, &to);
            prop_assert!(!url.starts_with('/'), "never absolute: {}", url);
            prop_assert_eq!(follow(&from, &url), to);
        }
    }

    #[test]
    fn relative_urls_climb_to_the_root_first() {
        assert_eq!(
            relative_url("nyheter/ny-call-in/", "om-sluta-skjut/"),
            "../../om-sluta-skjut/"
        );
        assert_eq!(relative_url("", "en/"), "en/");
        assert_eq!(relative_url("en/news/", ""), "../../");
        assert_eq!(relative_url("", ""), "./");
        assert_eq!(relative_url("nyheter/", "nyheter/sida/2/"), "sida/2/");
        assert_eq!(relative_url("nyheter/sida/2/", "nyheter/"), "../../");
        assert_eq!(relative_url("en/news/first/", "en/news/first/"), "./");
        assert_eq!(
            relative_url("nyheter/tredje/", "nyheter/forsta/"),
            "../forsta/"
        );
        assert_eq!(
            relative_url("en/news/first/", "style.css"),
            "../../../style.css"
        );
        assert_eq!(relative_url("", "style.css"), "style.css");
    }
}
