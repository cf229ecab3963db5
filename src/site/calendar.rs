//! Where the statistics calendar lives: one page per language, in the section
//! of the site's datasets, while any dataset names its `next_update`.

use super::Site;
use super::reads::{Part, record};
use crate::i18n::Lang;

impl Site {
    /// The path of the statistics calendar of `lang` (`statistik/kalender/`,
    /// `en/statistics/calendar/`): in the section of the first dataset (by
    /// content path), or at the language's root for datasets outside any
    /// section; `None` while no dataset names its next update.
    pub(crate) fn calendar_path(&self, lang: Lang) -> Option<String> {
        // A dataset added or moved resolves the site again, which changes this read.
        record(Part::AllArticles);
        let mut datasets = self.datasets();
        datasets
            .any(|(_, d)| d.next_update.is_some())
            .then_some(())?;
        let section = (self.content.datasets.keys()).find_map(|k| k.rsplit_once('/'));
        let base = match section {
            Some((section, _)) => self
                .resolved
                .section_paths
                .get(section)?
                .get(&lang)?
                .clone(),
            None => self.config.lang_prefix(lang),
        };
        Some(format!("{base}{}/", lang.locale().words.calendar))
    }

    /// The content path of the section the calendar is in, if any: its breadcrumbs.
    pub(crate) fn calendar_section(&self) -> Option<&str> {
        (self.content.datasets.keys())
            .find_map(|k| k.rsplit_once('/'))
            .map(|(section, _)| section)
    }
}
