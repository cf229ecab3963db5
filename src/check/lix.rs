//! LIX (läsbarhetsindex): words per sentence plus the share of long words, as Swedish plain-language work measures text.

use crate::messages::Phrase;
use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
use serde::Serialize;

/// The readability of one text.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Readability {
    /// Words per sentence plus the percentage of words longer than six letters.
    /// Tools get it to one decimal, as people read it (44.3, not 44.29298245614035).
    #[serde(serialize_with = "one_decimal")]
    pub lix: f64,
    pub words: usize,
    pub sentences: usize,
    pub(crate) long_words: usize,
}

fn one_decimal<S: serde::Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64((value * 10.0).round() / 10.0)
}

impl Readability {
    /// How Swedish guidance names the level: lätt (under 30) … mycket svår (over 60).
    /// The level in the reader's language.
    pub fn level_phrase(&self) -> Phrase {
        match self.lix {
            x if x < 30.0 => Phrase::VeryEasy,
            x if x < 40.0 => Phrase::Easy,
            x if x < 50.0 => Phrase::Medium,
            x if x < 60.0 => Phrase::Difficult,
            _ => Phrase::VeryDifficult,
        }
    }

    /// The level in English, as JSON gives it.
    pub fn level(&self) -> &'static str {
        match self.lix {
            x if x < 30.0 => "very easy",
            x if x < 40.0 => "easy",
            x if x < 50.0 => "medium",
            x if x < 60.0 => "difficult",
            _ => "very difficult",
        }
    }
}

/// LIX of plain text; a sentence ends at `.`, `!`, `?` or `:`.
#[cfg(test)]
pub(crate) fn lix_of_text(text: &str) -> Readability {
    let mut counter = Counter::default();
    counter.add(text);
    counter.end_block();
    counter.result()
}

/// LIX of Markdown body text: headings, list items and table cells end sentences too; code is left out.
pub(crate) fn lix_of_markdown(markdown: &str) -> Readability {
    let mut counter = Counter::default();
    let mut in_code = false;
    for event in crate::markdown::text_events(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_) | CodeBlockKind::Indented)) => {
                in_code = true
            }
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(text) if !in_code => counter.add(&text),
            Event::SoftBreak | Event::HardBreak => counter.add(" "),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => counter.end_block(),
            _ => {}
        }
    }
    counter.end_block();
    counter.result()
}

#[derive(Default)]
struct Counter {
    words: usize,
    long_words: usize,
    sentences: usize,
    /// Words since the last sentence end, so a block without a full stop still counts as one.
    open: usize,
    /// The current word, carried across text events.
    letters: usize,
    in_word: bool,
}

impl Counter {
    fn add(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_alphanumeric() {
                self.letters += usize::from(c.is_alphabetic());
                self.in_word = true;
            } else if c == '-' || c == '\u{ad}' || c == '\'' || c == '’' {
                // Inside a word: "Sluta skjut-satsningen", "it's".
            } else {
                self.end_word();
                if matches!(c, '.' | '!' | '?' | ':') && self.open > 0 {
                    self.sentences += 1;
                    self.open = 0;
                }
            }
        }
    }

    fn end_word(&mut self) {
        if self.in_word {
            self.words += 1;
            self.open += 1;
            if self.letters > 6 {
                self.long_words += 1;
            }
        }
        self.in_word = false;
        self.letters = 0;
    }

    fn end_block(&mut self) {
        self.end_word();
        if self.open > 0 {
            self.sentences += 1;
            self.open = 0;
        }
    }

    fn result(&self) -> Readability {
        let lix = if self.words == 0 {
            0.0
        } else {
            self.words as f64 / self.sentences.max(1) as f64
                + self.long_words as f64 * 100.0 / self.words as f64
        };
        Readability {
            lix,
            words: self.words,
            sentences: self.sentences,
            long_words: self.long_words,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_plain_sentences_score_low() {
        let r = lix_of_text("Det här är en enkel mening. Den är kort.");
        assert_eq!((r.words, r.sentences, r.long_words), (9, 2, 0));
        assert_eq!(r.lix, 4.5);
        assert_eq!(r.level(), "very easy");
    }

    #[test]
    fn long_words_raise_the_score() {
        // 5 words, 1 sentence, 3 longer than six letters: 5 + 60 = 65.
        let r = lix_of_text("Kommunfullmäktige beslutade igår om budgeten.");
        assert_eq!((r.words, r.sentences, r.long_words), (5, 1, 3));
        assert_eq!(r.lix, 65.0);
        assert_eq!(r.level(), "very difficult");
    }

    #[test]
    fn the_seed_articles_opening_is_measured_as_by_hand() {
        // 27 words in 1 sentence. Longer than six letters: kriminella, personer,
        // informeras, konsekvenser, drabbar, skjuter, spränger, våldsbrott (8);
        // ”Call-in” has six letters and is not long.
        let r = lix_of_text(
            "”Call-in” kallas det möte inom Sluta skjut då kriminella personer informeras om de konsekvenser som drabbar deras grupp om de skjuter, spränger eller utför andra grova våldsbrott.",
        );
        assert_eq!((r.words, r.sentences), (27, 1));
        assert_eq!(r.long_words, 8);
        assert!((r.lix - (27.0 + 800.0 / 27.0)).abs() < 1e-9);
    }

    #[test]
    fn markdown_blocks_end_sentences_and_code_is_ignored() {
        let r =
            lix_of_markdown("## En rubrik\n\n- ett\n- två\n\nText här.\n\n```\nkod kod kod\n```\n");
        assert_eq!((r.words, r.sentences), (6, 4));
        assert_eq!(lix_of_markdown("").lix, 0.0);
    }
}
