//! Trend arithmetic: the change of each value from the period before, and what it means.
//!
//! A change is only computed between two adjacent periods that both have a
//! full, available value; otherwise the reason is kept so the table can say
//! why. A percentage from zero is "not applicable", never infinity.

use super::{Better, Observation, Period};

/// Which way a value moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Increase,
    Decrease,
    Unchanged,
}

/// Whether a change is good news, where the dataset says which way is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assessment {
    Improvement,
    Worsening,
    /// Unchanged, or the dataset is neutral.
    Neither,
}

/// Why no change is shown for a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NoChange {
    /// The first period of the series.
    First,
    /// The period before it is not in the series.
    Gap,
    /// This value or the one before is not available.
    Missing,
    /// This value or the one before covers only part of a period.
    Partial,
    /// This value starts a new series (`[b]`): it does not compare with the one before.
    Break,
}

/// The change from the previous period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Change {
    Computed {
        absolute: f64,
        /// `None` when the previous value is zero: a percentage is not applicable.
        percent: Option<f64>,
        direction: Direction,
        assessment: Assessment,
    },
    NotComputed(NoChange),
}

/// One period of a series with its change.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendRow<'a> {
    pub(crate) period: Period,
    pub(crate) observation: &'a Observation,
    pub change: Change,
}

/// The rows of one series, in period order, each with its change from the period before.
pub fn trend_rows<'a>(
    values: impl IntoIterator<Item = (&'a Period, &'a Observation)>,
    decimals: usize,
    better: Better,
) -> Vec<TrendRow<'a>> {
    let mut rows = Vec::new();
    let mut previous: Option<(Period, &Observation)> = None;
    for (&period, observation) in values {
        let change = match previous {
            None => Change::NotComputed(NoChange::First),
            Some((before, _)) if before.next() != period => Change::NotComputed(NoChange::Gap),
            Some((_, before)) => change_between(before, observation, decimals, better),
        };
        rows.push(TrendRow {
            period,
            observation,
            change,
        });
        previous = Some((period, observation));
    }
    rows
}

/// The change from `before` to `after`, rounded to the dataset's decimals so
/// that 0.1 + 0.2 never shows as a change of 0.30000000000000004.
pub(crate) fn change_between(
    before: &Observation,
    after: &Observation,
    decimals: usize,
    better: Better,
) -> Change {
    let (Some(from), Some(to)) = (before.value, after.value) else {
        return Change::NotComputed(NoChange::Missing);
    };
    if before.partial() || after.partial() {
        return Change::NotComputed(NoChange::Partial);
    }
    if after.status.has(super::Status::Break) {
        return Change::NotComputed(NoChange::Break);
    }
    let scale = 10f64.powi(decimals.min(9) as i32);
    let (from_scaled, to_scaled) = ((from * scale).round(), (to * scale).round());
    let absolute = (to_scaled - from_scaled) / scale;
    let direction = if to_scaled > from_scaled {
        Direction::Increase
    } else if to_scaled < from_scaled {
        Direction::Decrease
    } else {
        Direction::Unchanged
    };
    let percent =
        (from_scaled != 0.0).then(|| (to_scaled - from_scaled) / from_scaled.abs() * 100.0);
    let assessment = match (better, direction) {
        (_, Direction::Unchanged) | (Better::Neutral, _) => Assessment::Neither,
        (Better::Lower, Direction::Decrease) | (Better::Higher, Direction::Increase) => {
            Assessment::Improvement
        }
        _ => Assessment::Worsening,
    };
    Change::Computed {
        absolute,
        percent,
        direction,
        assessment,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn value(v: f64) -> Observation {
        Observation {
            value: Some(v),
            ..Observation::default()
        }
    }

    fn computed(change: Change) -> (f64, Option<f64>, Direction, Assessment) {
        match change {
            Change::Computed {
                absolute,
                percent,
                direction,
                assessment,
            } => (absolute, percent, direction, assessment),
            other => panic!("expected a computed change, got {other:?}"),
        }
    }

    #[test]
    fn a_fall_in_deaths_is_a_decrease_and_an_improvement() {
        let (absolute, percent, direction, assessment) =
            computed(change_between(&value(12.0), &value(7.0), 0, Better::Lower));
        assert_eq!(absolute, -5.0);
        assert!((percent.unwrap() + 41.666_666).abs() < 1e-3);
        assert_eq!(direction, Direction::Decrease);
        assert_eq!(assessment, Assessment::Improvement);
    }

    #[test]
    fn percent_from_zero_is_not_applicable() {
        let (absolute, percent, direction, _) =
            computed(change_between(&value(0.0), &value(3.0), 0, Better::Lower));
        assert_eq!(
            (absolute, percent, direction),
            (3.0, None, Direction::Increase)
        );
        let (_, percent, direction, assessment) =
            computed(change_between(&value(0.0), &value(0.0), 0, Better::Lower));
        assert_eq!(
            (percent, direction, assessment),
            (None, Direction::Unchanged, Assessment::Neither)
        );
    }

    #[test]
    fn decimals_do_not_leak_float_noise() {
        let (absolute, _, direction, _) =
            computed(change_between(&value(0.1), &value(0.3), 1, Better::Neutral));
        assert_eq!(absolute, 0.2);
        assert_eq!(direction, Direction::Increase);
        let (_, _, direction, _) = computed(change_between(
            &value(23.1),
            &value(23.1000001),
            1,
            Better::Neutral,
        ));
        assert_eq!(direction, Direction::Unchanged);
    }

    #[test]
    fn no_change_across_a_missing_or_partial_value_or_a_gap() {
        let missing = Observation::default();
        let partial = Observation {
            value: Some(5.0),
            status: crate::dataset::status::Statuses::NONE
                .with(crate::dataset::status::Status::PartPeriod),
            ..Observation::default()
        };
        let preliminary = Observation {
            value: Some(5.0),
            status: crate::dataset::status::Statuses::NONE
                .with(crate::dataset::status::Status::Provisional),
            ..Observation::default()
        };
        let values = [
            (Period::Year(2016), value(7.0)),
            (Period::Year(2017), missing),
            (Period::Year(2018), value(12.0)),
            (Period::Year(2019), partial),
            (Period::Year(2021), value(3.0)),
            (Period::Year(2022), preliminary),
        ];
        let rows = trend_rows(values.iter().map(|(p, o)| (p, o)), 0, Better::Lower);
        let changes: Vec<Change> = rows.iter().map(|r| r.change).collect();
        assert_eq!(changes[0], Change::NotComputed(NoChange::First));
        assert_eq!(changes[1], Change::NotComputed(NoChange::Missing));
        assert_eq!(changes[2], Change::NotComputed(NoChange::Missing));
        assert_eq!(changes[3], Change::NotComputed(NoChange::Partial));
        assert_eq!(changes[4], Change::NotComputed(NoChange::Gap));
        // Preliminary values are compared; they are only marked.
        assert_eq!(computed(changes[5]).2, Direction::Increase);
        assert_eq!(computed(changes[5]).3, Assessment::Worsening);
    }

    fn observation() -> impl Strategy<Value = Observation> {
        (
            prop_oneof![
                Just(None),
                (-1.0e9f64..1.0e9).prop_map(Some),
                (0i64..1000).prop_map(|v| Some(v as f64))
            ],
            any::<u8>(),
        )
            .prop_map(|(value, bits)| Observation {
                value,
                // Any set of statuses, whether or not an editor could write it with this value.
                status: crate::dataset::status::Status::ALL
                    .into_iter()
                    .enumerate()
                    .filter(|(i, _)| bits & (1 << i) != 0)
                    .map(|(_, s)| s)
                    .collect(),
                ..Observation::default()
            })
    }

    fn better() -> impl Strategy<Value = Better> {
        prop_oneof![
            Just(Better::Lower),
            Just(Better::Higher),
            Just(Better::Neutral)
        ]
    }

    proptest! {
        #[test]
        fn changes_are_finite_and_add_up(before in observation(), after in observation(), decimals in 0usize..4, better in better()) {
            match change_between(&before, &after, decimals, better) {
                Change::Computed { absolute, percent, direction, assessment } => {
                    let (from, to) = (before.value.unwrap(), after.value.unwrap());
                    prop_assert!(!before.partial() && !after.partial());
                    prop_assert!(!after.status.has(crate::dataset::Status::Break));
                    prop_assert!(absolute.is_finite());
                    let tolerance = 10f64.powi(-(decimals as i32)) + to.abs().max(from.abs()) * 1e-12;
                    prop_assert!((from + absolute - to).abs() <= tolerance, "{from} + {absolute} != {to}");
                    match direction {
                        Direction::Increase => prop_assert!(absolute > 0.0),
                        Direction::Decrease => prop_assert!(absolute < 0.0),
                        Direction::Unchanged => prop_assert!(absolute == 0.0),
                    }
                    if let Some(p) = percent {
                        prop_assert!(p.is_finite());
                        prop_assert_eq!(p > 0.0, absolute > 0.0);
                    }
                    if better == Better::Neutral || direction == Direction::Unchanged {
                        prop_assert_eq!(assessment, Assessment::Neither);
                    }
                }
                Change::NotComputed(NoChange::Missing) => prop_assert!(before.value.is_none() || after.value.is_none()),
                Change::NotComputed(NoChange::Partial) => prop_assert!(before.partial() || after.partial()),
                Change::NotComputed(NoChange::Break) => prop_assert!(after.status.has(crate::dataset::Status::Break)),
                Change::NotComputed(other) => prop_assert!(false, "unexpected {other:?}"),
            }
        }

        #[test]
        fn every_row_after_the_first_compares_only_with_its_neighbour(years in proptest::collection::btree_set(2000i32..2030, 1..12), seed in observation()) {
            let values: Vec<(Period, Observation)> = years.iter().map(|y| (Period::Year(*y), seed.clone())).collect();
            let rows = trend_rows(values.iter().map(|(p, o)| (p, o)), 0, Better::Lower);
            prop_assert_eq!(rows.len(), values.len());
            prop_assert_eq!(rows[0].change, Change::NotComputed(NoChange::First));
            for pair in rows.windows(2) {
                if pair[0].period.next() != pair[1].period {
                    prop_assert_eq!(pair[1].change, Change::NotComputed(NoChange::Gap));
                }
            }
        }
    }
}
