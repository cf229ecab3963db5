//! Where a member of a JSON text is, so an error can point at its line and column.
//!
//! serde_json reads the file into values without positions; when a value
//! cannot be imported, this scanner walks the text along the same path
//! (`dimension` → `Tid` → `category` → `index` → `2019H1`) and gives the byte
//! offset of the member's key, or of the array element.

/// One step of a path into a JSON text: an object's member or an array's element.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// The byte offset of what `path` names in `text`: the key of the last
/// member, or the start of the last element. `None` if the path is not there
/// (then the caller points at the deepest part found, or at no line).
pub(crate) fn locate(text: &str, path: &[Step]) -> Option<usize> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        at: 0,
    };
    scanner.space();
    let mut found = scanner.at;
    for step in path {
        found = match *step {
            Step::Key(key) => scanner.member(key)?,
            Step::Index(index) => scanner.element(index)?,
        };
    }
    Some(found)
}

/// The offset of the deepest part of `path` found in `text`, or 0.
pub(crate) fn locate_nearest(text: &str, path: &[Step]) -> usize {
    (0..=path.len())
        .rev()
        .find_map(|len| locate(text, &path[..len]))
        .unwrap_or(0)
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Scanner<'_> {
    fn space(&mut self) {
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_whitespace) {
            self.at += 1;
        }
    }

    /// Inside an object at `{`: moves to the value of `key` and gives the key's offset.
    fn member(&mut self, key: &str) -> Option<usize> {
        self.space();
        if self.bytes.get(self.at) != Some(&b'{') {
            return None;
        }
        self.at += 1;
        loop {
            self.space();
            match self.bytes.get(self.at)? {
                b'}' => return None,
                b',' => {
                    self.at += 1;
                    continue;
                }
                b'"' => {}
                _ => return None,
            }
            let key_at = self.at;
            let name = self.string()?;
            self.space();
            if self.bytes.get(self.at) != Some(&b':') {
                return None;
            }
            self.at += 1;
            self.space();
            if name == key {
                return Some(key_at);
            }
            self.skip_value()?;
        }
    }

    /// Inside an array at `[`: moves to element `index` and gives its offset.
    fn element(&mut self, index: usize) -> Option<usize> {
        self.space();
        if self.bytes.get(self.at) != Some(&b'[') {
            return None;
        }
        self.at += 1;
        let mut n = 0;
        loop {
            self.space();
            match self.bytes.get(self.at)? {
                b']' => return None,
                b',' => {
                    self.at += 1;
                    continue;
                }
                _ => {}
            }
            if n == index {
                return Some(self.at);
            }
            self.skip_value()?;
            n += 1;
        }
    }

    /// Reads a string at `"`, giving its text with simple escapes undone.
    fn string(&mut self) -> Option<String> {
        self.at += 1;
        let start = self.at;
        let mut escaped = false;
        while let Some(&b) = self.bytes.get(self.at) {
            self.at += 1;
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => {
                    let raw = std::str::from_utf8(&self.bytes[start..self.at - 1]).ok()?;
                    // Keys with escapes are rare in these files; compare them as JSON reads them.
                    return if raw.contains('\\') {
                        serde_json::from_str(&format!("\"{raw}\"")).ok()
                    } else {
                        Some(raw.to_string())
                    };
                }
                _ => {}
            }
        }
        None
    }

    fn skip_value(&mut self) -> Option<()> {
        self.space();
        match self.bytes.get(self.at)? {
            b'"' => self.string().map(|_| ()),
            b'{' | b'[' => {
                let mut depth = 0usize;
                while let Some(&b) = self.bytes.get(self.at) {
                    match b {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth = depth.checked_sub(1)?;
                            if depth == 0 {
                                self.at += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.at += 1;
                }
                None
            }
            _ => {
                while self
                    .bytes
                    .get(self.at)
                    .is_some_and(|b| !matches!(b, b',' | b'}' | b']'))
                {
                    self.at += 1;
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_and_elements_are_found_past_nested_values() {
        let text = "{\n  \"a\": {\"x\": [1, {\"y\": \"}\"}]},\n  \"value\": [1, \"sju\", null]\n}";
        let at = locate(text, &[Step::Key("value"), Step::Index(1)]).unwrap();
        assert_eq!(&text[at..at + 5], "\"sju\"");
        let at = locate(text, &[Step::Key("a"), Step::Key("x")]).unwrap();
        assert_eq!(&text[at..at + 3], "\"x\"");
        assert!(locate(text, &[Step::Key("b")]).is_none());
        let nearest = locate_nearest(text, &[Step::Key("value"), Step::Index(9)]);
        assert_eq!(&text[nearest..nearest + 7], "\"value\"");
    }
}
