//! Arabic as search and sorting see it: without diacritics, with one alef.
//!
//! Readers rarely type the short-vowel marks (tashkeel) and often type a
//! bare alef where the text has a hamza or madda form; Arabic search
//! engines fold both, and so do the search index (`render/search.rs`), its
//! script (`search.js`) and the sort key of titles (`i18n::collation_key`).

/// Appends what `c` becomes in folded Arabic to `word` and returns true, or
/// returns false when `c` is not a letter this folding changes.
///
/// - the marks U+064B–U+065F (fathatan … wavy hamza below), the superscript
///   alef U+0670 and the tatweel U+0640 are dropped;
/// - alef with madda, hamza above, hamza below and wasla (آ أ إ ٱ) become ا.
pub(crate) fn push_folded(c: char, word: &mut String) -> bool {
    match c {
        '\u{64b}'..='\u{65f}' | '\u{670}' | '\u{640}' => true,
        '\u{622}' | '\u{623}' | '\u{625}' | '\u{671}' => {
            word.push('\u{627}');
            true
        }
        _ => false,
    }
}

/// How slugs write an Arabic-script letter `deunicode` leaves out: alef in
/// all its forms, alef maqsura and taa marbuta are `a`, so "الاجتماع الأول"
/// is `alajtma-alawl` rather than `ljtm-lwl`.
pub(crate) fn slug_letter(c: char) -> Option<&'static str> {
    match c {
        '\u{627}' | '\u{622}' | '\u{623}' | '\u{625}' | '\u{671}' | '\u{649}' | '\u{629}' => {
            Some("a")
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            if !push_folded(c, &mut out) {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn diacritics_go_and_alef_forms_become_one() {
        assert_eq!(fold("مَدْرَسَة"), "مدرسة");
        assert_eq!(fold("أحمد"), "احمد");
        assert_eq!(fold("إسلام"), "اسلام");
        assert_eq!(fold("آمن"), "امن");
        assert_eq!(fold("عـــربي"), "عربي");
        assert_eq!(fold("abc"), "abc");
    }
}
