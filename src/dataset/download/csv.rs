//! `<id>.csv`: one row per period, per series a value column and a status column.

use super::columns;
use crate::dataset::Dataset;
use crate::i18n::Lang;

/// UTF-8 CSV (RFC 4180 quoting, `\n` line ends): a header row of machine
/// names, one row per period in order; values with a decimal point, empty
/// when not available; status letters (`dp`), empty when there are none.
pub fn csv(dataset: &Dataset, languages: &[Lang]) -> String {
    let columns = columns(dataset, languages);
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let header = columns.iter().map(|c| c.header());
    // Writing into memory fails only when a row's width differs, which `columns` rules out.
    let mut written = writer.write_record(header).is_ok();
    for period in dataset.periods() {
        let row = columns.iter().map(|c| c.cell(period));
        written &= writer.write_record(row).is_ok();
    }
    debug_assert!(written);
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Period;

    fn dataset() -> Dataset {
        let text = "\
title: { sv: Skjutningar, en: Shootings }
unit: { sv: antal, en: number }
source: { name: { sv: Polisen, en: Police }, url: https://example.org/ }
updated: 2024-06-01
series:
  - key: shootings
    label: { sv: Skjutningar, en: Shootings }
    values:
      2022: 29
      2023: null
      2024: { value: 8.5, partial: true, preliminary: true, note: { sv: \"1 jan, till juni\", en: \"to \\\"June\\\"\" } }
";
        Dataset::parse("s.yaml", "s", text, &[Lang::SV, Lang::EN]).unwrap()
    }

    #[test]
    fn csv_round_trips_values_statuses_and_notes() {
        let dataset = dataset();
        let text = csv(&dataset, &[Lang::SV, Lang::EN]);
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(
            header,
            [
                "period",
                "shootings",
                "shootings_status",
                "shootings_partial",
                "shootings_preliminary",
                "shootings_note_sv",
                "shootings_note_en"
            ]
        );
        let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 3);
        let series = &dataset.series[0];
        for row in &rows {
            let period = Period::parse(&row[0]).unwrap();
            let observation = &series.values[&period];
            assert_eq!(row[1].parse::<f64>().ok(), observation.value);
            assert_eq!(&row[2], observation.status.letters());
            assert_eq!(&row[3] == "true", observation.partial());
            assert_eq!(&row[4] == "true", observation.preliminary());
            assert_eq!(&row[5], observation.note.text(Lang::SV));
            assert_eq!(&row[6], observation.note.text(Lang::EN));
        }
        assert_eq!(&rows[1][1], "");
        assert_eq!(&rows[2][1], "8.5");
        assert_eq!(&rows[2][2], "dp");
        assert_eq!(&rows[2][5], "1 jan, till juni");
        assert_eq!(&rows[2][6], "to \"June\"");
        assert!(text.contains("\"to \"\"June\"\"\""), "{text}");
    }
}
