//! Upgrades of older saved formats to the current one.
//!
//! Migrations work on untyped JSON (objects whose values are kept as their text, [`Object`]) so
//! that old types never have to be kept in the code: each step rewrites only the fields that
//! changed shape, and the result is then read by the current types and checked like any other
//! save.

use serde_json::value::RawValue;

use super::codec::{shape, Damage, DecodeError};
use crate::domain::ordered::{deserialize_map, Map};

/// A JSON object whose values are kept as their text: what the migrations rewrite.
///
/// Not a `serde_json::Value`, whose numbers are `f64`s read by serde_json's quick reader (one
/// unit in the last place off for some seventeen-digit numbers, without the `float_roundtrip`
/// tables that issue 9 took out): a migration moves a number as it was written, and the current
/// types then read it exactly (`domain::decimal`).
pub(super) type Object = Map<String, Box<RawValue>>;

/// `text` as an [`Object`], or `None` when it is not an object (a list of pairs is not one
/// either, though litemap's own reader would take it: [`deserialize_map`] does not).
pub(super) fn object(text: &str) -> Option<Object> {
    let mut reader = serde_json::Deserializer::from_str(text);
    let object = deserialize_map(&mut reader).ok()?;
    reader.end().ok()?;
    Some(object)
}

/// The items of the list at `key` in `object`, each kept as its text, or `None` when there is
/// no list there.
pub(super) fn list(object: &Object, key: &str) -> Option<Vec<Box<RawValue>>> {
    serde_json::from_str(object.get(key)?.get()).ok()
}

/// Written JSON (`{"kind":"constant","value":12.5}`) as a value of an [`Object`].
fn raw(text: String) -> Result<Box<RawValue>, DecodeError> {
    RawValue::from_string(text).map_err(shape)
}

/// A rewritten list or object as a value of an [`Object`].
fn raw_of<T: serde::Serialize>(value: &T) -> Result<Box<RawValue>, DecodeError> {
    raw(serde_json::to_string(value).map_err(shape)?)
}

/// Schema 1 (the first release) to schema 2 (scoring engine and review cycles).
///
/// Changes: a KPI's `direction` was the string `"higher"` or `"lower"` and is now a tagged
/// object; its `target` was a number and is now a target plan; it had no aggregation rule
/// (one reading per period was shown as is, i.e. the latest). A reading's `period` is now
/// `period_start`. Framework settings did not exist; defaults apply.
pub fn v1_to_v2(body: &str) -> Result<String, DecodeError> {
    let bad = |what: &str| DecodeError::Invalid(Damage::Shape(format!("schema 1 data: {what}")));
    let mut body = object(body).ok_or_else(|| bad("no KPI list"))?;
    let mut kpis = Vec::new();
    for kpi in list(&body, "kpis").ok_or_else(|| bad("no KPI list"))? {
        let mut kpi = object(kpi.get()).ok_or_else(|| bad("a KPI is not an object"))?;
        let direction = kpi.get("direction").and_then(|d| serde_json::from_str::<String>(d.get()).ok());
        let direction = match direction.as_deref() {
            Some("higher") => "higher-is-better",
            Some("lower") => "lower-is-better",
            _ => return Err(bad("a KPI direction is neither \"higher\" nor \"lower\"")),
        };
        kpi.insert("direction".into(), raw(format!(r#"{{"kind":"{direction}"}}"#))?);
        // Moved as written, to be read exactly with the rest of the body.
        let target = kpi
            .get("target")
            .map(|t| t.get())
            .filter(|t| crate::domain::decimal::serde::is_number(t))
            .ok_or_else(|| bad("a KPI target is not a number"))?;
        let plan = raw(format!(r#"{{"kind":"constant","value":{target}}}"#))?;
        kpi.insert("target".into(), plan);
        if !kpi.contains_key("aggregation") {
            kpi.insert("aggregation".into(), raw(r#""last""#.into())?);
        }
        kpis.push(kpi);
    }
    let mut readings = Vec::new();
    for reading in list(&body, "readings").ok_or_else(|| bad("no reading list"))? {
        let mut reading = object(reading.get()).ok_or_else(|| bad("a reading is not an object"))?;
        let period = reading.remove("period").ok_or_else(|| bad("a reading has no period"))?;
        reading.insert("period_start".into(), period);
        readings.push(reading);
    }
    body.insert("kpis".into(), raw_of(&kpis)?);
    body.insert("readings".into(), raw_of(&readings)?);
    serde_json::to_string(&body).map_err(shape)
}

/// Schema 2 to the KPI shape of schema 3: a KPI's own fields move under `spec`, beside its `id`
/// and `kra`. (Schema 2's flat reading list is read by its own type in `codec`.)
pub fn nest_kpi_specs(body: &str) -> Result<String, DecodeError> {
    let bad = |what: &str| DecodeError::Invalid(Damage::Shape(format!("schema 2 data: {what}")));
    let mut body = object(body).ok_or_else(|| bad("no KPI list"))?;
    let mut kpis = Vec::new();
    for kpi in list(&body, "kpis").ok_or_else(|| bad("no KPI list"))? {
        let mut spec = object(kpi.get()).ok_or_else(|| bad("a KPI is not an object"))?;
        let mut fields = Object::new();
        for key in ["id", "kra"] {
            if let Some(v) = spec.remove(key) {
                fields.insert(key.into(), v);
            }
        }
        fields.insert("spec".into(), raw_of(&spec)?);
        kpis.push(fields);
    }
    body.insert("kpis".into(), raw_of(&kpis)?);
    serde_json::to_string(&body).map_err(shape)
}
