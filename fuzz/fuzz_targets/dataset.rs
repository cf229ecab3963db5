//! Any text as a dataset file: parsing, trends, the table, the chart and the downloads never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use torget::dataset::{Dataset, chart, download, table, trend};
use torget::i18n::{InterfaceStrings, Lang};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let languages = [Lang::Sv, Lang::En];
    let Ok(dataset) = Dataset::parse("d.yaml", "d", text, &languages) else {
        return;
    };
    for series in &dataset.series {
        for row in trend::trend_rows(&series.values, dataset.decimals, dataset.better) {
            if let trend::Change::Computed {
                absolute, percent, ..
            } = row.change
            {
                assert!(absolute.is_finite());
                assert!(percent.is_none_or(f64::is_finite));
            }
        }
    }
    for lang in languages {
        let _ = table::trend_table(&dataset, lang, &InterfaceStrings::EMPTY);
        let _ = chart::line_chart(&dataset, lang, &InterfaceStrings::EMPTY, "c");
    }
    let _ = download::csv(&dataset, &languages);
    let _ = download::json(&dataset);
});
