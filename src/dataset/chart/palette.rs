//! The chart's colours, marker shapes and the contrast they must keep.
//!
//! A series is never told by colour alone: lines differ in marker shape and
//! carry a direct label at their end; bars stand in the same order in every
//! group and carry a direct label at the last one.

/// The page background the chart is drawn on (`style.css`).
pub(super) const BACKGROUND: &str = "#ffffff";
/// Text, axis and leader lines.
pub(super) const INK: &str = "#1a1a1a";
/// Grid lines: at least 3:1 against the background too.
pub(super) const GRID: &str = "#767676";
/// Series colours, each at least 4.5:1 against the background (WCAG asks 3:1 of graphics).
pub(super) const COLOURS: [&str; 4] = ["#0b4f9c", "#b5121b", "#00573f", "#5b2a86"];

/// The colour of series number `n`.
pub(super) fn colour(n: usize) -> &'static str {
    COLOURS[n % COLOURS.len()]
}

/// The shape of series number `n`'s markers: circle, square, triangle, diamond.
/// `r` is the marker's half size in pixels; drawn around (0, 0).
pub(super) fn marker_path(n: usize, r: f64) -> String {
    match n % 4 {
        0 => format!("M{r},0A{r},{r} 0 1 1 -{r},0A{r},{r} 0 1 1 {r},0Z"),
        1 => {
            let s = r * 0.9;
            format!("M-{s},-{s}H{s}V{s}H-{s}Z")
        }
        2 => {
            let s = r * 1.2;
            format!("M0,-{s}L{s},{:.1}H-{s}Z", s * 0.8)
        }
        _ => {
            let s = r * 1.25;
            format!("M0,-{s}L{s},0L0,{s}L-{s},0Z")
        }
    }
}

/// WCAG 2 relative luminance of a `#rrggbb` colour.
#[cfg(test)]
fn luminance(hex: &str) -> Option<f64> {
    let hex = hex.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let channel = |i: usize| -> Option<f64> {
        let c = f64::from(u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()?) / 255.0;
        Some(if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        })
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
}

/// The WCAG contrast ratio of two `#rrggbb` colours, 1 to 21.
#[cfg(test)]
fn contrast(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(a)?, luminance(b)?);
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mark_keeps_three_to_one_against_the_background() {
        assert!((contrast("#000000", "#ffffff").unwrap() - 21.0).abs() < 1e-9);
        assert!((contrast("#767676", "#ffffff").unwrap() - 4.54).abs() < 0.01);
        for colour in COLOURS.iter().chain([&INK, &GRID]) {
            let ratio = contrast(colour, BACKGROUND).unwrap();
            assert!(
                ratio >= 3.0,
                "{colour} is {ratio:.2}:1 against {BACKGROUND}"
            );
        }
        // Hollow and hatched marks are drawn in the series colour on the background.
        let css = include_str!("../../../themes/default/static/style.css");
        assert!(
            css.contains("background: #fff;"),
            "the page background changed: check BACKGROUND"
        );
    }

    #[test]
    fn the_series_differ_in_shape_as_well_as_colour() {
        let shapes: std::collections::BTreeSet<String> =
            (0..4).map(|n| marker_path(n, 4.0)).collect();
        assert_eq!(shapes.len(), 4);
        let colours: std::collections::BTreeSet<&str> = (0..4).map(colour).collect();
        assert_eq!(colours.len(), 4);
    }
}
