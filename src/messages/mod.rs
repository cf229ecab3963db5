//! What torget says to people, in Swedish and English.
//!
//! A [`Message`] is a catalogued text (a [`Rule`] for a finding, a [`Phrase`]
//! for a hint, a summary or a word) with named arguments, or a verbatim text
//! that is data rather than prose (a file name, a key, an operating-system
//! error). It becomes words only when printed, in the [`Language`] the binary
//! picked from `--messages` or the editor's locale, so the library stays
//! language-neutral. The words live in `en.yaml` and `sv.yaml` beside this
//! file, keyed by the ids below; a unit test fails when an id is missing in
//! either, or when the two languages' placeholders differ.
//!
//! Rule ids are printed by `check --format json` and listed in the README:
//! they are English and stable. Rename one only with the README's table.

use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The language torget speaks to the editor in: it follows their locale, not the site's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    Swedish,
    #[default]
    English,
}

impl Language {
    /// `sv` or `en`, as given to `--messages`.
    pub fn from_code(code: &str) -> Option<Language> {
        match code {
            "sv" => Some(Language::Swedish),
            "en" => Some(Language::English),
            _ => None,
        }
    }

    /// The editor's language from their locale, read as the C library does:
    /// the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not
    /// empty decides; a value starting with `sv` (`sv_SE.UTF-8`, `sv_FI`) is
    /// Swedish, anything else English.
    pub fn from_locale(variable: impl Fn(&str) -> Option<String>) -> Language {
        let chosen = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(&variable)
            .find(|value| !value.is_empty());
        match chosen {
            Some(value) if value.starts_with("sv") => Language::Swedish,
            _ => Language::English,
        }
    }
}

/// Declares catalogue ids as an enum with their kebab-case names and a list
/// of them all, so that the catalogue test walks every id the code can use.
macro_rules! ids {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $id:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($variant,)*
        }

        impl $name {
            /// Every id, in the order declared.
            pub const ALL: &[$name] = &[$($name::$variant,)*];

            /// The id as written in the catalogues (and, for rules, in JSON).
            pub fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)*
                }
            }
        }
    };
}

ids! {
    /// What a finding is about, one id per kind of mistake.
    Rule {
        YamlTab = "yaml-tab",
        YamlInvisibleSpace = "yaml-invisible-space",
        YamlInvisibleCharacter = "yaml-invisible-character",
        YamlTypographicQuote = "yaml-typographic-quote",
        YamlDashValue = "yaml-dash-value",
        YamlUnknownKey = "yaml-unknown-key",
        YamlUnknownValue = "yaml-unknown-value",
        YamlMissingKey = "yaml-missing-key",
        YamlWrongType = "yaml-wrong-type",
        YamlDuplicateKey = "yaml-duplicate-key",
        YamlInvalidDate = "yaml-invalid-date",
        YamlMalformed = "yaml-malformed",
        YamlNotANumber = "yaml-not-a-number",
        YamlInvalid = "yaml-invalid",
        FrontMatterMissing = "front-matter-missing",
        FrontMatterUnclosed = "front-matter-unclosed",
        TitleEmpty = "title-empty",
        LinkMissingPage = "link-missing-page",
        LinkUnpublishedPage = "link-unpublished-page",
        LinkNoPage = "link-no-page",
        HardToRead = "hard-to-read",
        HeldBack = "held-back",
        ImageNoAlt = "image-no-alt",
        ImageAltIsFileName = "image-alt-is-file-name",
        HeadingSkipsLevel = "heading-skips-level",
        TranslationMissing = "translation-missing",
        TranslationStale = "translation-stale",
        HomeNoDescription = "home-no-description",
        SectionNoDescription = "section-no-description",
        PageNoDescription = "page-no-description",
        DatasetOld = "dataset-old",
        DatasetSourceNoUrl = "dataset-source-no-url",
        DatasetNextUpdatePassed = "dataset-next-update-passed",
        ReviewOverdue = "review-overdue",
        ReviewByBeforeReviewed = "review-by-before-reviewed",
        OwnerUnknown = "owner-unknown",
        OwnerNameMissingLanguage = "owner-name-missing-language",
        OwnerUrlInvalid = "owner-url-invalid",
        OwnerDefaultTwice = "owner-default-twice",
        ReviewAfterDaysTooSmall = "review-after-days-too-small",
        SlugEmpty = "slug-empty",
        SlugPath = "slug-path",
        SlugCharacters = "slug-characters",
        SlugFromTitle = "slug-from-title",
        Vanished = "vanished",
        ThemeTemplateNotUtf8 = "theme-template-not-utf8",
        ThemeNoStrings = "theme-no-strings",
        ThemeTemplateError = "theme-template-error",
        TemplateFailed = "template-failed",
        InterfaceStringMissing = "interface-string-missing",
        InterfaceStringMissingInLanguage = "interface-string-missing-in-language",
        OutputNotCreated = "output-not-created",
        OutputNotReplaced = "output-not-replaced",
        FileReplacesPage = "file-replaces-page",
        CannotCopy = "cannot-copy",
        ServeCannotStart = "serve-cannot-start",
        ServeCannotListen = "serve-cannot-listen",
        ServeFirstBuild = "serve-first-build",
        ServeCannotWatch = "serve-cannot-watch",
        ServeCannotWatchFile = "serve-cannot-watch-file",
        ServeStopped = "serve-stopped",
        HtmlRemoved = "html-removed",
        HtmlTagNotAllowed = "html-tag-not-allowed",
        LinkSchemeRemoved = "link-scheme-removed",
        HeadingMarkerSpace = "heading-marker-space",
        FileNameSpaces = "file-name-spaces",
        FootnoteNoNote = "footnote-no-note",
        HeadingLevelOne = "heading-level-one",
        HeadingIdInvalid = "heading-id-invalid",
        TrendUnknownDataset = "trend-unknown-dataset",
        LinkOwnAddress = "link-own-address",
        LinkDatasetAnchor = "link-dataset-anchor",
        LinkListingAnchor = "link-listing-anchor",
        LinkNoSuchAddress = "link-no-such-address",
        LinkFileMissing = "link-file-missing",
        NotASite = "not-a-site",
        NotAPageLink = "not-a-page-link",
        OutputReplacesSite = "output-replaces-site",
        PlaceholderLeft = "placeholder-left",
        LinkMissingAnchor = "link-missing-anchor",
        SectionTitleMissingLanguage = "section-title-missing-language",
        ArticleNeedsDate = "article-needs-date",
        LeadImageMissing = "lead-image-missing",
        SameTitleAddress = "same-title-address",
        DatasetIdTwice = "dataset-id-twice",
        TopicNoLetters = "topic-no-letters",
        AddressTaken = "address-taken",
        NewPageInSection = "new-page-in-section",
        NewPageInFolder = "new-page-in-folder",
        NewNameUnusable = "new-name-unusable",
        NewPageIsSection = "new-page-is-section",
        NewNoStatisticsSection = "new-no-statistics-section",
        NewNameSection = "new-name-section",
        NewNoSuchSection = "new-no-such-section",
        NewSectionHoldsArticles = "new-section-holds-articles",
        NewSectionSortsByDate = "new-section-sorts-by-date",
        NewFileExists = "new-file-exists",
        CannotWrite = "cannot-write",
        DatasetFileName = "dataset-file-name",
        DatasetTextMissingLanguage = "dataset-text-missing-language",
        DatasetSeriesNoValues = "dataset-series-no-values",
        DatasetNoSeries = "dataset-no-series",
        DatasetSeriesKey = "dataset-series-key",
        DatasetSeriesKeyTwice = "dataset-series-key-twice",
        DatasetMixedPeriods = "dataset-mixed-periods",
        DatasetValueAmbiguous = "dataset-value-ambiguous",
        LanguageListedTwice = "language-listed-twice",
        NoLanguages = "no-languages",
        DefaultLanguageNotListed = "default-language-not-listed",
        SiteNameMissingLanguage = "site-name-missing-language",
        ContactUrlInvalid = "contact-url-invalid",
        ContactNameMissingLanguage = "contact-name-missing-language",
        BaseUrlScheme = "base-url-scheme",
        BaseUrlInvalid = "base-url-invalid",
        DatasetSourceUrlInvalid = "dataset-source-url-invalid",
        NoContentFolder = "no-content-folder",
        PageSizeZero = "page-size-zero",
        FolderInsideArticle = "folder-inside-article",
        SectionAndArticle = "section-and-article",
        UnknownLanguageFile = "unknown-language-file",
        MarkdownOutsideArticle = "markdown-outside-article",
        StrayFile = "stray-file",
        SectionFileMissing = "section-file-missing",
        SymlinkLoop = "symlink-loop",
        FileGone = "file-gone",
        FileNotReadable = "file-not-readable",
        CannotRead = "cannot-read",
        SymlinkOutside = "symlink-outside",
        FileNameNotUtf8 = "file-name-not-utf8",
        FileNotUtf8 = "file-not-utf8",
        // Lasting addresses: aliases and the record of published addresses.
        AddressesLine = "addresses-line",
        AddressesConflict = "addresses-conflict",
        AddressesTwice = "addresses-twice",
        AddressesNotWritten = "addresses-not-written",
        AliasInvalid = "alias-invalid",
        AliasIsPage = "alias-is-page",
        AliasTwice = "alias-twice",
        AddressMoved = "address-moved",
        AddressGone = "address-gone",
        // The accessibility statement (`accessibility:` in site.yaml).
        AccessibilityUnknownCriterion = "accessibility-unknown-criterion",
        AccessibilityTextMissingLanguage = "accessibility-text-missing-language",
        AccessibilityNoPage = "accessibility-no-page",
        AccessibilityFeedbackInvalid = "accessibility-feedback-invalid",
        StatementOld = "statement-old",
        StatementFixDatePassed = "statement-fix-date-passed",
        StatementFactMissing = "statement-fact-missing",
        StatementStatusMismatch = "statement-status-mismatch",
        // The language of parts (`[text]{lang=sv}`).
        LangCodeInvalid = "lang-code-invalid",
        HeadingAttributeRemoved = "heading-attribute-removed",
        // Languages as data (issue 16).
        LanguageCodeMalformed = "language-code-malformed",
        LocaleBlockMissing = "locale-block-missing",
        LocaleMonthsCount = "locale-months-count",
        RequiredLanguageNotListed = "required-language-not-listed",
        AliasIsRedirect = "alias-is-redirect",
        AddressTakenOver = "address-taken-over",
        AliasIsFile = "alias-is-file",
        AddressIsFile = "address-is-file",
        AccessibilityTextEmpty = "accessibility-text-empty",
        AccessibilityProblemNoCriteria = "accessibility-problem-no-criteria",
        AccessibilityProblemNoDescription = "accessibility-problem-no-description",
        AccessibilityNotAPage = "accessibility-not-a-page",
        StatementFeedbackFromContact = "statement-feedback-from-contact",
        ReviewedInFuture = "reviewed-in-future",
        StatementNone = "statement-none",
        AddressesLanguage = "addresses-language",
        AliasRepeated = "alias-repeated",
        StatementDatesDiffer = "statement-dates-differ",
        DatasetUnknownSource = "dataset-unknown-source",
        DatasetDerivedWithValues = "dataset-derived-with-values",
        DatasetDerivedScale = "dataset-derived-scale",
        DatasetDerivedUnknownSeries = "dataset-derived-unknown-series",
        DatasetRateUnknownDataset = "dataset-rate-unknown-dataset",
        DatasetRateBaseSeries = "dataset-rate-base-series",
        DatasetRateBaseMissingPeriod = "dataset-rate-base-missing-period",
        // The open data catalogue (`open_data:` in site.yaml).
        OpenDataPublisherNameMissingLanguage = "open-data-publisher-name-missing-language",
        OpenDataAddressInvalid = "open-data-address-invalid",
        OpenDataOrganisationNumber = "open-data-organisation-number",
        CatalogueDatasetNoDescription = "catalogue-dataset-no-description",
        OpenDataSiteDescriptionMissing = "open-data-site-description-missing",
        // `torget import` (issue 17).
        ImportUnknownFormat = "import-unknown-format",
        ImportJsonMalformed = "import-json-malformed",
        ImportPxWebJson = "import-pxweb-json",
        ImportMissingMember = "import-missing-member",
        ImportSizeMismatch = "import-size-mismatch",
        ImportValueCount = "import-value-count",
        ImportNoTime = "import-no-time",
        ImportSeveralContents = "import-several-contents",
        ImportTooManySeries = "import-too-many-series",
        ImportPeriod = "import-period",
        ImportMixedPeriods = "import-mixed-periods",
        ImportPeriodTwice = "import-period-twice",
        ImportNotANumber = "import-not-a-number",
        ImportStatusUnknown = "import-status-unknown",
        ImportNoValues = "import-no-values",
        ImportCsvMalformed = "import-csv-malformed",
        ImportCsvColumn = "import-csv-column",
        ImportCsvRagged = "import-csv-ragged",
        ImportUndefinedByte = "import-undefined-byte",
        ImportFileExists = "import-file-exists",
        ImportIdTaken = "import-id-taken",
        ImportJsonStatVersion = "import-json-stat-version",
        ImportMorePages = "import-more-pages",
        TrendOption = "trend-option",
        // Statistics, second edition: the reviewer's findings (issue 17).
        DatasetRateSelf = "dataset-rate-self",
        DatasetDerivedNothingToDivide = "dataset-derived-nothing-to-divide",
        DatasetRevisionInFuture = "dataset-revision-in-future",
        DatasetContactEmail = "dataset-contact-email",
        DatasetFlagContradictsStatus = "dataset-flag-contradicts-status",
    }
}

ids! {
    /// Hints, summaries and the words around findings.
    Phrase {
        Error = "error",
        Warning = "warning",
        Help = "help",
        InPath = "in-path",
        BrokenLink = "broken-link",
        DidYouMean = "did-you-mean",
        DidYouMeanPage = "did-you-mean-page",
        AllowedKeys = "allowed-keys",
        RemoveKey = "remove-key",
        WriteOneOf = "write-one-of",
        AddKey = "add-key",
        WriteBoolean = "write-boolean",
        WriteList = "write-list",
        WriteMapping = "write-mapping",
        WriteText = "write-text",
        WriteExpected = "write-expected",
        KeepOne = "keep-one",
        WriteDate = "write-date",
        WriteDateTime = "write-date-time",
        NoMonthSwapped = "no-month-swapped",
        NoMonth = "no-month",
        DaysInMonth = "days-in-month",
        January = "january",
        February = "february",
        March = "march",
        April = "april",
        May = "may",
        June = "june",
        July = "july",
        August = "august",
        September = "september",
        October = "october",
        November = "november",
        December = "december",
        MalformedHint = "malformed-hint",
        TabHint = "tab-hint",
        InvisibleSpaceHint = "invisible-space-hint",
        InvisibleCharacterHint = "invisible-character-hint",
        AfterWord = "after-word",
        NoBreakSpace = "no-break-space",
        FigureSpace = "figure-space",
        NarrowNoBreakSpace = "narrow-no-break-space",
        ZeroWidthSpace = "zero-width-space",
        ZeroWidthNonJoiner = "zero-width-non-joiner",
        ZeroWidthJoiner = "zero-width-joiner",
        WordJoiner = "word-joiner",
        ByteOrderMark = "byte-order-mark",
        TypographicQuoteHint = "typographic-quote-hint",
        DashValueHint = "dash-value-hint",
        FrontMatterMissingHint = "front-matter-missing-hint",
        FrontMatterUnclosedHint = "front-matter-unclosed-hint",
        TitleEmptyHint = "title-empty-hint",
        PageLinkHint = "page-link-hint",
        ErrorsOne = "errors-one",
        ErrorsOther = "errors-other",
        WarningsOne = "warnings-one",
        WarningsOther = "warnings-other",
        FilesOne = "files-one",
        FilesOther = "files-other",
        DatasetsOne = "datasets-one",
        DatasetsOther = "datasets-other",
        FailedWith = "failed-with",
        BuildFailed = "build-failed",
        BuildFailedConsequence = "build-failed-consequence",
        ServeFailed = "serve-failed",
        ServeFailedConsequence = "serve-failed-consequence",
        CheckFailed = "check-failed",
        CheckFailedConsequence = "check-failed-consequence",
        NewFailed = "new-failed",
        NewFailedConsequence = "new-failed-consequence",
        Built = "built",
        PagesInLanguage = "pages-in-language",
        CheckSummary = "check-summary",
        Readability = "readability",
        AboveLimit = "above-limit",
        ReadabilityLine = "readability-line",
        VeryEasy = "very-easy",
        Easy = "easy",
        Medium = "medium",
        Difficult = "difficult",
        VeryDifficult = "very-difficult",
        HardToReadHint = "hard-to-read-hint",
        HeldExpired = "held-expired",
        HeldDraft = "held-draft",
        HeldFuture = "held-future",
        LeadImage = "lead-image",
        TheImage = "the-image",
        AltHint = "alt-hint",
        HeadingSkipsLevelHint = "heading-skips-level-hint",
        Swedish = "swedish",
        English = "english",
        Finnish = "finnish",
        Arabic = "arabic",
        LanguageCodeHint = "language-code-hint",
        LocaleBlockHint = "locale-block-hint",
        RequiredLanguageHint = "required-language-hint",
        CheckUntranslated = "check-untranslated",
        And = "and",
        TranslationMissingHint = "translation-missing-hint",
        TranslationStaleHint = "translation-stale-hint",
        HomeNoDescriptionHint = "home-no-description-hint",
        SectionNoDescriptionHint = "section-no-description-hint",
        PageNoDescriptionHint = "page-no-description-hint",
        DatasetOldHint = "dataset-old-hint",
        DatasetSourceNoUrlHint = "dataset-source-no-url-hint",
        DatasetNextUpdatePassedHint = "dataset-next-update-passed-hint",
        ReviewOverdueHint = "review-overdue-hint",
        ReviewByOverdueHint = "review-by-overdue-hint",
        ReviewByBeforeReviewedHint = "review-by-before-reviewed-hint",
        OwnerUnknownHint = "owner-unknown-hint",
        OwnerUnknownEmptyHint = "owner-unknown-empty-hint",
        OwnerDefaultTwiceHint = "owner-default-twice-hint",
        ReviewAfterDaysHint = "review-after-days-hint",
        ReviewsHeading = "reviews-heading",
        ReviewsNoneDue = "reviews-none-due",
        ReviewsNoOwner = "reviews-no-owner",
        ReviewsDueOn = "reviews-due-on",
        ReviewsReviewedOn = "reviews-reviewed-on",
        ReviewsNeverReviewed = "reviews-never-reviewed",
        ReviewsUnreviewedHeading = "reviews-unreviewed-heading",
        PagesOne = "pages-one",
        PagesOther = "pages-other",
        HelpOverdue = "help-overdue",
        NoContentFolderHint = "no-content-folder-hint",
        FolderInsideArticleHint = "folder-inside-article-hint",
        SectionAndArticleHint = "section-and-article-hint",
        UnknownLanguageFileHint = "unknown-language-file-hint",
        MarkdownOutsideArticleHint = "markdown-outside-article-hint",
        StrayFileHint = "stray-file-hint",
        SectionFileMissingHint = "section-file-missing-hint",
        SymlinkOutsideHint = "symlink-outside-hint",
        FileNameNotUtf8Hint = "file-name-not-utf8-hint",
        FileNotUtf8Hint = "file-not-utf8-hint",
        WriteLanguages = "write-languages",
        AddUnder = "add-under",
        NotAWebAddress = "not-a-web-address",
        WebAddressHint = "web-address-hint",
        BaseUrlOptionHint = "base-url-option-hint",
        BaseUrlHint = "base-url-hint",
        AddLanguageKey = "add-language-key",
        TheTitle = "the-title",
        TheUnit = "the-unit",
        TheSourceName = "the-source-name",
        TheDescription = "the-description",
        TheLabelOfSeries = "the-label-of-series",
        DatasetFileNameHint = "dataset-file-name-hint",
        DatasetSeriesNoValuesHint = "dataset-series-no-values-hint",
        DatasetNoSeriesHint = "dataset-no-series-hint",
        DatasetSeriesKeyTwiceHint = "dataset-series-key-twice-hint",
        DatasetMixedPeriodsHint = "dataset-mixed-periods-hint",
        Years = "years",
        Quarters = "quarters",
        Months = "months",
        DatasetValueAmbiguousHint = "dataset-value-ambiguous-hint",
        TheArea = "the-area",
        TheNoteFor = "the-note-for",
        NewPageInSectionHint = "new-page-in-section-hint",
        NewPageInFolderHint = "new-page-in-folder-hint",
        NewPageNameHint = "new-page-name-hint",
        NewPageIsSectionHint = "new-page-is-section-hint",
        NewCopyFromHint = "new-copy-from-hint",
        NewNoStatisticsSectionHint = "new-no-statistics-section-hint",
        NewDatasetSectionsHint = "new-dataset-sections-hint",
        NewMakeStatisticsSectionHint = "new-make-statistics-section-hint",
        NewExample = "new-example",
        TheNewArticle = "the-new-article",
        TheNewDataset = "the-new-dataset",
        NewNoSuchSectionHint = "new-no-such-section-hint",
        NewFileExistsHint = "new-file-exists-hint",
        CannotWriteHint = "cannot-write-hint",
        ArticleNeedsDateHint = "article-needs-date-hint",
        LeadImageMissingHint = "lead-image-missing-hint",
        SameTitleAddressHint = "same-title-address-hint",
        DatasetIdTwiceHint = "dataset-id-twice-hint",
        TopicNoLettersHint = "topic-no-letters-hint",
        AddressTakenHint = "address-taken-hint",
        NotASiteHint = "not-a-site-hint",
        NotAPageLinkHint = "not-a-page-link-hint",
        OutputReplacesSiteHint = "output-replaces-site-hint",
        PlaceholderLeftHint = "placeholder-left-hint",
        ThisPage = "this-page",
        PageInLanguage = "page-in-language",
        DidYouMeanAnchor = "did-you-mean-anchor",
        AnchorHint = "anchor-hint",
        RawHtmlHint = "raw-html-hint",
        ScriptTag = "script-tag",
        EventAttributes = "event-attributes",
        JavascriptAddresses = "javascript-addresses",
        IframeHost = "iframe-host",
        LinkSchemeHint = "link-scheme-hint",
        ANoBreakSpace = "a-no-break-space",
        AnUnusualSpace = "an-unusual-space",
        HeadingMarkerSpaceHint = "heading-marker-space-hint",
        FileNameSpacesHint = "file-name-spaces-hint",
        FootnoteNoNoteHint = "footnote-no-note-hint",
        HeadingLevelOneHint = "heading-level-one-hint",
        HeadingIdHint = "heading-id-hint",
        TrendNoIdHint = "trend-no-id-hint",
        TrendIdHint = "trend-id-hint",
        LinkOwnAddressHint = "link-own-address-hint",
        DatasetAnchorsHint = "dataset-anchors-hint",
        ListingAnchorHint = "listing-anchor-hint",
        NoSuchAddressHint = "no-such-address-hint",
        FileCaseHint = "file-case-hint",
        FileOutsideFolderHint = "file-outside-folder-hint",
        PutFileBesideHint = "put-file-beside-hint",
        ThemeNoStringsHint = "theme-no-strings-hint",
        InterfaceStringMissingHint = "interface-string-missing-hint",
        InterfaceStringTranslateHint = "interface-string-translate-hint",
        SectionSlugHint = "section-slug-hint",
        ArticleSlugHint = "article-slug-hint",
        RenameFile = "rename-file",
        ServePortHint = "serve-port-hint",
        ArticleWord = "article-word",
        TranslationWord = "translation-word",
        SectionWord = "section-word",
        DatasetWord = "dataset-word",
        TopicWord = "topic-word",
        WarningsGoneOne = "warnings-gone-one",
        WarningsGoneOther = "warnings-gone-other",
        WarningsStandOne = "warnings-stand-one",
        WarningsStandOther = "warnings-stand-other",
        ServeRebuilt = "serve-rebuilt",
        ServeBuilt = "serve-built",
        ServeHasErrors = "serve-has-errors",
        ServeServing = "serve-serving",
        ServeStopping = "serve-stopping",
        ErrorPageTitle = "error-page-title",
        ErrorPageAdvice = "error-page-advice",
        WordsOne = "words-one",
        WordsOther = "words-other",
        SentencesOne = "sentences-one",
        SentencesOther = "sentences-other",
        FolderNameSlug = "folder-name-slug",
        FoundString = "found-string",
        FoundInteger = "found-integer",
        FoundFloat = "found-float",
        FoundBoolean = "found-boolean",
        FoundSequence = "found-sequence",
        FoundMap = "found-map",
        FoundUnit = "found-unit",
        ExpectedBoolean = "expected-boolean",
        ExpectedString = "expected-string",
        ExpectedSequence = "expected-sequence",
        ExpectedMap = "expected-map",
        HelpAbout = "help-about",
        HelpMessages = "help-messages",
        HelpSite = "help-site",
        HelpBuild = "help-build",
        HelpOut = "help-out",
        HelpDrafts = "help-drafts",
        HelpBaseUrl = "help-base-url",
        HelpNowBuild = "help-now-build",
        HelpForDisk = "help-for-disk",
        HelpQuiet = "help-quiet",
        HelpVerbose = "help-verbose",
        HelpServe = "help-serve",
        HelpPort = "help-port",
        HelpBind = "help-bind",
        HelpCheck = "help-check",
        HelpFormat = "help-format",
        HelpNowCheck = "help-now-check",
        HelpNew = "help-new",
        HelpKind = "help-kind",
        HelpName = "help-name",
        HelpLang = "help-lang",
        HelpNowNew = "help-now-new",
        Created = "created",
        CannotCopyFrom = "cannot-copy-from",
        FixFirst = "fix-first",
        ReplacePlaceholders = "replace-placeholders",
        ArticleStaysDraft = "article-stays-draft",
        PageStaysDraft = "page-stays-draft",
        // Lasting addresses.
        AddressesLineParts = "addresses-line-parts",
        AddressesLineHint = "addresses-line-hint",
        AddressesConflictHint = "addresses-conflict-hint",
        AddressesTwiceHint = "addresses-twice-hint",
        AddressesNotWrittenHint = "addresses-not-written-hint",
        AddressNotFromRoot = "address-not-from-root",
        AddressQuery = "address-query",
        AddressCharacters = "address-characters",
        AddressEmptyFolder = "address-empty-folder",
        AddressDots = "address-dots",
        AliasHint = "alias-hint",
        AliasIsPageHint = "alias-is-page-hint",
        AliasTwiceHint = "alias-twice-hint",
        AddressMovedHint = "address-moved-hint",
        AddressGoneHint = "address-gone-hint",
        CheckRedirects = "check-redirects",
        CheckRedirectLine = "check-redirect-line",
        RedirectFromAlias = "redirect-from-alias",
        RedirectFromRecord = "redirect-from-record",
        RedirectWord = "redirect-word",
        GeneratedPage = "generated-page",
        // The accessibility statement (`accessibility:` in site.yaml).
        DidYouMeanCriterion = "did-you-mean-criterion",
        CriterionHint = "criterion-hint",
        AccessibilityNoPageHint = "accessibility-no-page-hint",
        FeedbackEmailHint = "feedback-email-hint",
        NotAnEmailAddress = "not-an-email-address",
        StatementOldHint = "statement-old-hint",
        StatementFixDatePassedHint = "statement-fix-date-passed-hint",
        StatementFactMissingHint = "statement-fact-missing-hint",
        StatementFixByHint = "statement-fix-by-hint",
        StatementStatusFullHint = "statement-status-full-hint",
        StatementStatusProblemsHint = "statement-status-problems-hint",
        FactFacts = "fact-facts",
        FactOrganisation = "fact-organisation",
        FactStatus = "fact-status",
        FactProblems = "fact-problems",
        FactFixBy = "fact-fix-by",
        FactOutsideLaw = "fact-outside-law",
        FactMethod = "fact-method",
        FactAssessed = "fact-assessed",
        FactFeedback = "fact-feedback",
        FactResponseTime = "fact-response-time",
        FactDate = "fact-date",
        // The language of parts.
        LangCodeHint = "lang-code-hint",
        HeadingAttributeHint = "heading-attribute-hint",
        AliasIsRedirectHint = "alias-is-redirect-hint",
        AddressTakenOverHint = "address-taken-over-hint",
        AliasIsFileHint = "alias-is-file-hint",
        AddressIsFileLineHint = "address-is-file-line-hint",
        AddressSegmentTooLong = "address-segment-too-long",
        AccessibilityTextEmptyHint = "accessibility-text-empty-hint",
        AccessibilityProblemNoCriteriaHint = "accessibility-problem-no-criteria-hint",
        AccessibilityProblemNoDescriptionHint = "accessibility-problem-no-description-hint",
        AccessibilityNotAPageHint = "accessibility-not-a-page-hint",
        StatementFeedbackFromContactHint = "statement-feedback-from-contact-hint",
        ReviewedInFutureHint = "reviewed-in-future-hint",
        StatementNoneHint = "statement-none-hint",
        AddressesLanguageHint = "addresses-language-hint",
        ExpectedPerLanguage = "expected-per-language",
        WritePerLanguage = "write-per-language",
        AliasRepeatedHint = "alias-repeated-hint",
        StatementDatesDifferHint = "statement-dates-differ-hint",
        DatasetUnknownSourceHint = "dataset-unknown-source-hint",
        TheNameOfSource = "the-name-of-source",
        TheContactName = "the-contact-name",
        TheRevisionNote = "the-revision-note",
        DatasetDerivedWithValuesHint = "dataset-derived-with-values-hint",
        DatasetDerivedScaleHint = "dataset-derived-scale-hint",
        DatasetDerivedUnknownSeriesHint = "dataset-derived-unknown-series-hint",
        DatasetRateUnknownDatasetHint = "dataset-rate-unknown-dataset-hint",
        DatasetRateBaseSeriesHint = "dataset-rate-base-series-hint",
        DatasetRateBaseMissingPeriodHint = "dataset-rate-base-missing-period-hint",
        OpenDataLicenceHint = "open-data-licence-hint",
        OpenDataOrganisationNumberHint = "open-data-organisation-number-hint",
        CatalogueDescriptionHint = "catalogue-description-hint",
        // `torget import` (issue 17).
        ImportFormatJsonStat = "import-format-json-stat",
        ImportFormatKolada = "import-format-kolada",
        ImportFormatCsv = "import-format-csv",
        ImportCannotReadHint = "import-cannot-read-hint",
        ImportUnknownFormatHint = "import-unknown-format-hint",
        ImportIdHint = "import-id-hint",
        ImportToHint = "import-to-hint",
        ImportNoSectionHint = "import-no-section-hint",
        ImportFileExistsHint = "import-file-exists-hint",
        ImportJsonMalformedHint = "import-json-malformed-hint",
        ImportPxWebJsonHint = "import-pxweb-json-hint",
        ImportJsonStatHint = "import-json-stat-hint",
        ImportNoTimeHint = "import-no-time-hint",
        ImportSeveralContentsHint = "import-several-contents-hint",
        ImportTooManySeriesHint = "import-too-many-series-hint",
        ImportPeriodHint = "import-period-hint",
        ImportNotANumberHint = "import-not-a-number-hint",
        ImportNotANumberCommaHint = "import-not-a-number-comma-hint",
        ImportStatusUnknownHint = "import-status-unknown-hint",
        ImportPeriodTwiceHint = "import-period-twice-hint",
        ImportNoValuesHint = "import-no-values-hint",
        ImportCsvHint = "import-csv-hint",
        ImportCsvColumns = "import-csv-columns",
        ImportCsvRaggedHint = "import-csv-ragged-hint",
        ImportCellsOne = "import-cells-one",
        ImportCellsOther = "import-cells-other",
        ImportUndefinedByteHint = "import-undefined-byte-hint",
        ImportReadAsWindows1252 = "import-read-as-windows-1252",
        ImportFailed = "import-failed",
        ImportFailedConsequence = "import-failed-consequence",
        ImportWrote = "import-wrote",
        ImportSeriesOne = "import-series-one",
        ImportSeriesOther = "import-series-other",
        ImportPeriodsOne = "import-periods-one",
        ImportPeriodsOther = "import-periods-other",
        ImportToFill = "import-to-fill",
        ImportNothingToFill = "import-nothing-to-fill",
        ImportAddUrl = "import-add-url",
        ImportCheckFacts = "import-check-facts",
        ImportMorePagesHint = "import-more-pages-hint",
        HelpImport = "help-import",
        HelpImportFile = "help-import-file",
        HelpImportId = "help-import-id",
        HelpImportTo = "help-import-to",
        HelpImportLang = "help-import-lang",
        HelpNowImport = "help-now-import",
        TrendOptionHint = "trend-option-hint",
        // Statistics, second edition: the reviewer's findings (issue 17).
        DatasetRateSelfHint = "dataset-rate-self-hint",
        DatasetDerivedNothingToDivideHint = "dataset-derived-nothing-to-divide-hint",
        ExpectedNumber = "expected-number",
        WriteNumber = "write-number",
        WritePublishedDate = "write-published-date",
        NoMonthPublished = "no-month-published",
        DatasetRevisionInFutureHint = "dataset-revision-in-future-hint",
        DatasetFlagContradictsStatusHint = "dataset-flag-contradicts-status-hint",
    }
}

/// Something torget says: a catalogued text with its arguments, or verbatim text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Message {
    text: Text,
    /// Named values for the text's `{placeholders}`, each a message of its own,
    /// so that an argument may itself be said in the reader's language.
    args: Vec<(&'static str, Message)>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Text {
    Rule(Rule),
    Phrase(Phrase),
    /// Data shown as it is (a key, a file name, a figure), or prose not yet in
    /// the catalogues, shown in English whatever the language.
    Verbatim(String),
}

impl Message {
    /// Text shown as it is in every language.
    pub fn verbatim(text: impl Into<String>) -> Message {
        Message {
            text: Text::Verbatim(text.into()),
            args: Vec::new(),
        }
    }

    /// With `value` for the placeholder `{name}`.
    pub fn with(mut self, name: &'static str, value: impl Into<Message>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// The finding's rule: this message's, or that of the first message it wraps
    /// (a hint's phrase "in `date`: …" keeps the rule of what it wraps).
    pub fn rule(&self) -> Option<Rule> {
        match self.text {
            Text::Rule(rule) => Some(rule),
            _ => self.args.iter().find_map(|(_, arg)| arg.rule()),
        }
    }

    /// The words in `language`, placeholders filled in one pass so that an
    /// argument holding `{x}` is shown as written.
    pub fn text(&self, language: Language) -> String {
        let template = match &self.text {
            Text::Verbatim(text) => return text.clone(),
            Text::Rule(rule) => catalogue(language).rules.get(rule.id()),
            Text::Phrase(phrase) => catalogue(language).phrases.get(phrase.id()),
        };
        // The catalogue test makes this unreachable; the id still says what was meant.
        let Some(template) = template else {
            return self.fallback();
        };
        fill(template, |name| {
            (self.args.iter())
                .find(|(arg, _)| *arg == name)
                .map(|(_, value)| value.text(language))
        })
    }

    fn fallback(&self) -> String {
        let id = match &self.text {
            Text::Rule(rule) => rule.id(),
            Text::Phrase(phrase) => phrase.id(),
            Text::Verbatim(text) => return text.clone(),
        };
        let args: Vec<String> = (self.args.iter())
            .map(|(name, value)| format!("{name}={}", value.text(Language::English)))
            .collect();
        format!("{id} ({})", args.join(", "))
    }
}

/// A count with its noun in the right number: `one` for 1, `other` otherwise.
pub fn count(n: usize, one: Phrase, other: Phrase) -> Message {
    let phrase = if n == 1 { one } else { other };
    Message::from(phrase).with("n", n.to_string())
}

impl From<Rule> for Message {
    fn from(rule: Rule) -> Message {
        Message {
            text: Text::Rule(rule),
            args: Vec::new(),
        }
    }
}

impl From<Phrase> for Message {
    fn from(phrase: Phrase) -> Message {
        Message {
            text: Text::Phrase(phrase),
            args: Vec::new(),
        }
    }
}

impl From<String> for Message {
    fn from(text: String) -> Message {
        Message::verbatim(text)
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Message {
        Message::verbatim(text)
    }
}

impl From<&String> for Message {
    fn from(text: &String) -> Message {
        Message::verbatim(text.as_str())
    }
}

impl Rule {
    /// This rule's message with `value` for `{name}`.
    pub fn with(self, name: &'static str, value: impl Into<Message>) -> Message {
        Message::from(self).with(name, value)
    }
}

impl Phrase {
    /// This phrase with `value` for `{name}`.
    pub fn with(self, name: &'static str, value: impl Into<Message>) -> Message {
        Message::from(self).with(name, value)
    }

    /// The phrase in `language`, for texts with no placeholders.
    pub fn text(self, language: Language) -> String {
        Message::from(self).text(language)
    }
}

/// `template` with each `{name}` replaced by `value(name)`; unknown names stay as written.
fn fill(template: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_lowercase() || c == '_'))
            .unwrap_or(after.len());
        let filled = (name_len > 0 && after[name_len..].starts_with('}'))
            .then(|| value(&after[..name_len]))
            .flatten();
        match filled {
            Some(text) => {
                out.push_str(&text);
                rest = &after[name_len + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// One language's texts: rule messages and phrases, by id.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalogue {
    rules: BTreeMap<String, String>,
    phrases: BTreeMap<String, String>,
}

const ENGLISH: &str = include_str!("en.yaml");
const SWEDISH: &str = include_str!("sv.yaml");

// Compiled in and checked by the tests below, so reading cannot fail in a
// release; if it did, every text would fall back to its id and arguments.
static CATALOGUES: LazyLock<(Catalogue, Catalogue)> = LazyLock::new(|| {
    (
        serde_yaml::from_str(ENGLISH).unwrap_or_default(),
        serde_yaml::from_str(SWEDISH).unwrap_or_default(),
    )
});

fn catalogue(language: Language) -> &'static Catalogue {
    match language {
        Language::English => &CATALOGUES.0,
        Language::Swedish => &CATALOGUES.1,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn placeholders(template: &str) -> BTreeSet<&str> {
        template
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .filter(|name| {
                !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            })
            .collect()
    }

    /// Every id the code can use is in both catalogues, nothing else is, and
    /// both languages fill the same placeholders.
    fn compare(
        kind: &str,
        ids: &[&'static str],
        english: &BTreeMap<String, String>,
        swedish: &BTreeMap<String, String>,
    ) -> Vec<String> {
        let mut wrong = Vec::new();
        for id in ids {
            match (english.get(*id), swedish.get(*id)) {
                (Some(en), Some(sv)) => {
                    if placeholders(en) != placeholders(sv) {
                        wrong.push(format!(
                            "{kind} `{id}`: en has {:?}, sv has {:?}",
                            placeholders(en),
                            placeholders(sv)
                        ));
                    }
                    if en.trim().is_empty() || sv.trim().is_empty() {
                        wrong.push(format!("{kind} `{id}` is empty in a language"));
                    }
                }
                (None, _) => wrong.push(format!("{kind} `{id}` is missing in en.yaml")),
                (_, None) => wrong.push(format!("{kind} `{id}` is missing in sv.yaml")),
            }
        }
        for (file, catalogue) in [("en.yaml", english), ("sv.yaml", swedish)] {
            for id in catalogue.keys() {
                if !ids.contains(&id.as_str()) {
                    wrong.push(format!("{file}: {kind} `{id}` is used by no code"));
                }
            }
        }
        wrong
    }

    #[test]
    fn every_message_exists_in_swedish_and_english_with_the_same_placeholders() {
        let english: Catalogue = serde_yaml::from_str(ENGLISH).unwrap();
        let swedish: Catalogue = serde_yaml::from_str(SWEDISH).unwrap();
        let rules: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        let phrases: Vec<&str> = Phrase::ALL.iter().map(|p| p.id()).collect();
        let mut wrong = compare("rule", &rules, &english.rules, &swedish.rules);
        wrong.extend(compare(
            "phrase",
            &phrases,
            &english.phrases,
            &swedish.phrases,
        ));
        assert_eq!(wrong, Vec::<String>::new());
    }

    #[test]
    fn rule_ids_are_stable_kebab_case_and_unique() {
        let ids: BTreeSet<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        assert_eq!(ids.len(), Rule::ALL.len());
        for id in ids {
            assert!(
                id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && id.starts_with(|c: char| c.is_ascii_lowercase()),
                "{id}"
            );
        }
    }

    #[test]
    fn the_locale_picks_swedish_only_for_sv() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                (pairs.iter())
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            Language::from_locale(env(&[("LANG", "sv_SE.UTF-8")])),
            Language::Swedish
        );
        assert_eq!(
            Language::from_locale(env(&[("LANG", "sv_SE.UTF-8"), ("LC_ALL", "C")])),
            Language::English
        );
        assert_eq!(
            Language::from_locale(env(&[("LANG", "en_GB"), ("LC_MESSAGES", "sv_FI")])),
            Language::Swedish
        );
        assert_eq!(
            Language::from_locale(env(&[("LC_ALL", ""), ("LANG", "sv")])),
            Language::Swedish
        );
        assert_eq!(Language::from_locale(env(&[])), Language::English);
    }

    #[test]
    fn arguments_are_said_in_the_language_and_filled_once() {
        let hint = Phrase::DaysInMonth
            .with("month", Phrase::February)
            .with("year", "2019")
            .with("days", "28");
        assert_eq!(hint.text(Language::English), "February 2019 has 28 days");
        assert_eq!(hint.text(Language::Swedish), "februari 2019 har 28 dagar");
        let key = Rule::YamlUnknownKey.with("key", "{key}");
        assert_eq!(key.text(Language::English), "unknown key `{key}`");
        assert_eq!(key.rule(), Some(Rule::YamlUnknownKey));
    }
}
