//! Reading a series' `values:` map: periods as keys, numbers or flagged values, checked as they are read.
//!
//! Checks happen while deserialising so that serde_yaml places each error
//! at the offending key or value.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::period::Period;
use crate::i18n::Localized;

/// One value of a series: a number, flagged or not, or not available.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Observation {
    /// `None` when the figure is not available (`null`).
    pub(crate) value: Option<f64>,
    /// Covers only part of the period (`[d]` delår / part-year).
    pub(crate) partial: bool,
    /// The publisher calls it preliminary (`[p]`).
    pub(crate) preliminary: bool,
    pub(crate) note: Localized<String>,
    /// Decimals the value was written with.
    pub(crate) decimals: usize,
}

/// The `values:` of a series, in period order.
#[derive(Debug, Default)]
pub(crate) struct Values(pub BTreeMap<Period, Observation>);

/// Reads a period key, refusing duplicates and mixed kinds right at the key so the error points there.
struct PeriodKey<'a> {
    seen: &'a BTreeMap<Period, Observation>,
}

impl<'de> de::DeserializeSeed<'de> for PeriodKey<'_> {
    type Value = Period;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Period, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for PeriodKey<'_> {
    type Value = Period;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a period: a year (2019), a quarter (2019-Q4) or a month (2019-11)")
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Period, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Period, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_str<E: de::Error>(self, text: &str) -> Result<Period, E> {
        let period = Period::parse(text).map_err(E::custom)?;
        if self.seen.contains_key(&period) {
            return Err(E::custom(format!(
                "the period {period} appears twice; keep one value per period"
            )));
        }
        if let Some(first) = self.seen.keys().next()
            && first.kind() != period.kind()
        {
            return Err(E::custom(format!(
                "{period} is a {} but this series uses {}; use one kind of period per dataset",
                singular(period),
                first.kind().english_name()
            )));
        }
        Ok(period)
    }
}

impl<'de> Deserialize<'de> for Values {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValuesVisitor;
        impl<'de> Visitor<'de> for ValuesVisitor {
            type Value = Values;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("values keyed by period, e.g. `2019: 12`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Values, A::Error> {
                let mut values = BTreeMap::new();
                while let Some(period) = map.next_key_seed(PeriodKey { seen: &values })? {
                    let observation: Observation = map.next_value()?;
                    values.insert(period, observation);
                }
                Ok(Values(values))
            }
        }
        deserializer.deserialize_map(ValuesVisitor)
    }
}

fn singular(period: Period) -> &'static str {
    match period {
        Period::Year(_) => "year",
        Period::Quarter(..) => "quarter",
        Period::Month(..) => "month",
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FlaggedValue {
    value: Option<Number>,
    #[serde(default)]
    partial: bool,
    #[serde(default)]
    preliminary: bool,
    #[serde(default)]
    note: Localized<String>,
}

/// A finite number as written in YAML.
struct Number(f64);

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match deserializer.deserialize_any(ObservationVisitor)? {
            Observation { value: Some(v), .. } => Ok(Number(v)),
            _ => Err(de::Error::custom("`value` must be a number")),
        }
    }
}

struct ObservationVisitor;

impl<'de> Visitor<'de> for ObservationVisitor {
    type Value = Observation;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number, `null`, or `{ value: …, partial: true, note: … }`")
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Observation, E> {
        if !v.is_finite() {
            return Err(E::custom(format!(
                "`{v}` is not a number; write a number, or null where there is none"
            )));
        }
        Ok(Observation {
            value: Some(v),
            decimals: decimals_of(v),
            ..Observation::default()
        })
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Observation, E> {
        self.visit_f64(v as f64)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Observation, E> {
        self.visit_f64(v as f64)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Observation, E> {
        Ok(Observation::default())
    }
    fn visit_none<E: de::Error>(self) -> Result<Observation, E> {
        Ok(Observation::default())
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Observation, E> {
        let hint = if v.contains(',') && v.replace(',', ".").parse::<f64>().is_ok() {
            "; write decimals with a point, e.g. 12.5"
        } else {
            "; write a number, or null where there is none"
        };
        Err(E::custom(format!("`{v}` is not a number{hint}")))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Observation, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Observation, A::Error> {
        let flagged = FlaggedValue::deserialize(de::value::MapAccessDeserializer::new(map))?;
        let value = flagged.value.map(|n| n.0);
        Ok(Observation {
            value,
            partial: flagged.partial,
            preliminary: flagged.preliminary,
            note: flagged.note,
            decimals: value.map_or(0, decimals_of),
        })
    }
}

impl<'de> Deserialize<'de> for Observation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ObservationVisitor)
    }
}

/// Decimals in the shortest form of `v` (12.25 → 2), at most 6.
fn decimals_of(v: f64) -> usize {
    let text = format!("{v}");
    text.split_once('.').map_or(0, |(_, f)| f.len().min(6))
}
