//! Diagnostics: what went wrong in a user's file, where, and how to fix it.
//!
//! Every error a user can cause becomes a [`Diagnostic`] carrying the file
//! (relative to the site folder), line and column, so that the binary can
//! print `path:line:column: message` followed by the offending line. This
//! module renders them; it does not decide what is an error.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::messages::{Language, Message, Phrase, Rule};

/// How serious a finding is: errors fail the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Severity {
    Error,
    Warning,
}

/// A 1-based line and column in a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

impl Location {
    /// The location of a byte offset in `text`, columns counted in characters.
    pub(crate) fn of_offset(text: &str, offset: usize) -> Location {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Location { line, column }
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// One finding in a user's file. Its message and hint are words only when
/// printed, in the language the reader chose (see [`crate::messages`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[error("{}: {}", self.position(), self.message())]
pub struct Diagnostic {
    pub(crate) severity: Severity,
    /// Path relative to the site folder, `/`-separated.
    pub file: PathBuf,
    pub location: Option<Location>,
    // Shared: a build passes its findings along (resolving keeps its own, a
    // report gathers them, `serve` keeps them from save to save), and a large
    // site has thousands of warnings to copy at each step.
    pub(crate) message: Arc<Message>,
    pub(crate) hint: Option<Arc<Message>>,
    /// The text of the offending line, shown under the headline.
    pub(crate) source_line: Option<Arc<str>>,
}

impl Diagnostic {
    /// An error in `file` with no location yet.
    ///
    /// Every finding has a rule (a `Rule`'s message, or a phrase wrapping one,
    /// such as "in `date`: …"), so that it is said in both languages and tools
    /// can tell kinds apart; tests run with debug assertions and fail on one without.
    pub(crate) fn error(file: impl Into<PathBuf>, message: impl Into<Message>) -> Self {
        let message = message.into();
        debug_assert!(
            message.rule().is_some(),
            "a finding without a rule: {message:?}"
        );
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            location: None,
            message: Arc::new(message),
            hint: None,
            source_line: None,
        }
    }

    /// The same finding as a warning.
    pub(crate) fn warning(file: impl Into<PathBuf>, message: impl Into<Message>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    /// Places the finding at `location` in `text`, keeping the line for display.
    pub(crate) fn at(mut self, text: &str, location: Location) -> Self {
        // An empty file still shows its (empty) first line, so the caret says where.
        self.source_line = text
            .lines()
            .nth(location.line.saturating_sub(1))
            .map(|l| Arc::from(l.trim_end_matches('\r')))
            .or_else(|| (location.line == 1).then(|| Arc::from("")));
        self.location = Some(location);
        self
    }

    /// Places the finding at a byte offset of `text`.
    pub(crate) fn at_offset(self, text: &str, offset: usize) -> Self {
        let location = Location::of_offset(text, offset);
        self.at(text, location)
    }

    pub(crate) fn with_hint(mut self, hint: impl Into<Message>) -> Self {
        self.hint = Some(Arc::new(hint.into()));
        self
    }

    /// With `hint` when there is one: the pipeline's findings carry an optional hint.
    pub(crate) fn with_hint_if(self, hint: Option<impl Into<Message>>) -> Self {
        match hint {
            Some(hint) => self.with_hint(hint),
            None => self,
        }
    }

    /// The message in English, as tests and logs read it.
    pub fn message(&self) -> String {
        self.message.text(Language::English)
    }

    /// The hint in English.
    pub fn hint(&self) -> Option<String> {
        self.hint_in(Language::English)
    }

    pub fn message_in(&self, language: Language) -> String {
        self.message.text(language)
    }

    pub fn hint_in(&self, language: Language) -> Option<String> {
        self.hint.as_ref().map(|hint| hint.text(language))
    }

    /// The stable id of the kind of finding (`yaml-unknown-key`), for tools;
    /// `None` for a message not yet in the catalogues.
    pub fn rule(&self) -> Option<&'static str> {
        self.message.rule().map(Rule::id)
    }

    /// Rewords the finding, e.g. to say what it stopped.
    pub(crate) fn reworded(mut self, message: impl FnOnce(Message) -> Message) -> Self {
        self.message = Arc::new(message(Arc::unwrap_or_clone(self.message)));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The same finding as a warning, which does not stop a build.
    pub(crate) fn into_warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    fn sort_key(&self) -> (&Path, Location, Severity, &Message) {
        (
            &self.file,
            self.location.unwrap_or_default(),
            self.severity,
            &*self.message,
        )
    }

    /// `path:line:column`, or just the path when there is no location.
    pub fn position(&self) -> String {
        let file = self.file.to_string_lossy().replace('\\', "/");
        match self.location {
            Some(l) => format!("{file}:{}:{}", l.line, l.column),
            None => file,
        }
    }

    /// The report as a reader sees it: headline, offending line with a caret, hint.
    pub fn render(&self, styled: bool, language: Language) -> String {
        let kind = match self.severity {
            Severity::Error => Phrase::Error,
            Severity::Warning => Phrase::Warning,
        }
        .text(language);
        let message = self.message_in(language);
        let hint = self.hint_in(language);
        let help = Phrase::Help.text(language);
        let mut out = format!("{}: {kind}: {message}\n", self.position());
        if let (Some(line), Some(location)) = (&self.source_line, self.location) {
            let level = match self.severity {
                Severity::Error => Level::ERROR,
                Severity::Warning => Level::WARNING,
            };
            let start = line
                .char_indices()
                .nth(location.column.saturating_sub(1))
                .map_or(line.len(), |(i, _)| i);
            let end = line[start..]
                .chars()
                .next()
                .map_or(start, |c| start + c.len_utf8());
            let mut group = Group::with_level(level.clone()).element(
                Snippet::source(&**line)
                    .line_start(location.line)
                    .fold(false)
                    .annotation(AnnotationKind::Primary.span(start..end)),
            );
            if let Some(hint) = &hint {
                group = group.element(Level::HELP.with_name(help.as_str()).message(hint.as_str()));
            }
            let renderer = if styled {
                Renderer::styled()
            } else {
                Renderer::plain()
            };
            out.push_str(&renderer.render(&[group]));
            out.push('\n');
        } else if let Some(hint) = &hint {
            out.push_str(&format!("  = {help}: {hint}\n"));
        }
        out
    }
}

/// Every finding of one run, in a stable order (by file, then line).
#[derive(Debug, Default, Clone)]
pub(crate) struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub(crate) fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// The findings sorted by file and position, duplicates removed.
    pub(crate) fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.items.dedup();
        self.items
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// The closest of `candidates` to a misspelt `word`, if one is close enough to suggest.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(&word, c), c))
        .filter(|(d, c)| *d <= (c.chars().count().max(3) / 3).max(1) + 1 && *d > 0)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let text = "a: 1\nåäö: x\n";
        assert_eq!(
            Location::of_offset(text, 0),
            Location { line: 1, column: 1 }
        );
        let x = text.find('x').unwrap();
        assert_eq!(
            Location::of_offset(text, x),
            Location { line: 2, column: 6 }
        );
    }

    #[test]
    fn misspelt_keys_suggest_the_right_one() {
        let keys = ["title", "slug", "date", "updated", "summary"];
        assert_eq!(closest("titel", keys), Some("title"));
        assert_eq!(closest("updatd", keys), Some("updated"));
        assert_eq!(closest("colour", keys), None);
    }

    #[test]
    fn render_shows_headline_line_and_hint() {
        let text = "---\ntitel: X\n---\n";
        let d = Diagnostic::error("content/a/sv.md", Rule::YamlUnknownKey.with("key", "titel"))
            .at(text, Location { line: 2, column: 1 })
            .with_hint(Phrase::DidYouMean.with("suggestion", "title"));
        let out = d.render(false, Language::English);
        assert!(out.starts_with("content/a/sv.md:2:1: error: unknown key `titel`\n"));
        assert!(out.contains("titel: X"), "{out}");
        assert!(out.contains('^'), "{out}");
        assert!(out.contains("help: did you mean `title`?"), "{out}");
        let swedish = d.render(false, Language::Swedish);
        assert!(
            swedish.starts_with("content/a/sv.md:2:1: fel: okänd nyckel `titel`\n"),
            "{swedish}"
        );
        assert!(swedish.contains("tips: menade du `title`?"), "{swedish}");
        assert_eq!(d.rule(), Some("yaml-unknown-key"));
    }

    #[test]
    fn diagnostics_sort_by_file_then_line() {
        let mut all = Diagnostics::default();
        let text = "a\nb\nc\n";
        let key = |k: &str| Rule::YamlUnknownKey.with("key", k);
        all.push(Diagnostic::error("b.md", key("x")).at(text, Location { line: 1, column: 1 }));
        all.push(Diagnostic::error("a.md", key("y")).at(text, Location { line: 3, column: 1 }));
        all.push(Diagnostic::error("a.md", key("z")).at(text, Location { line: 2, column: 1 }));
        let order: Vec<String> = all.sorted().iter().map(|d| d.to_string()).collect();
        assert_eq!(
            order,
            [
                "a.md:2:1: unknown key `z`",
                "a.md:3:1: unknown key `y`",
                "b.md:1:1: unknown key `x`"
            ]
        );
    }
}
