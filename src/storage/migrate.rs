//! Upgrades of older saved formats to the current one.
//!
//! Migrations work on untyped JSON so that old types never have to be kept in the code: each
//! step rewrites only the fields that changed shape, and the result is then read by the
//! current types and checked like any other save.

use serde_json::{json, Map, Value};

use super::codec::{Damage, DecodeError};

/// Schema 1 (the first release) to schema 2 (scoring engine and review cycles).
///
/// Changes: a KPI's `direction` was the string `"higher"` or `"lower"` and is now a tagged
/// object; its `target` was a number and is now a target plan; it had no aggregation rule
/// (one reading per period was shown as is, i.e. the latest). A reading's `period` is now
/// `period_start`. Framework settings did not exist; defaults apply.
pub fn v1_to_v2(mut body: Value) -> Result<Value, DecodeError> {
    let bad = |what: &str| DecodeError::Invalid(Damage::Shape(format!("schema 1 data: {what}")));
    let kpis = body.get_mut("kpis").and_then(Value::as_array_mut).ok_or_else(|| bad("no KPI list"))?;
    for kpi in kpis {
        let kpi = kpi.as_object_mut().ok_or_else(|| bad("a KPI is not an object"))?;
        let direction = match kpi.get("direction").and_then(Value::as_str) {
            Some("higher") => "higher-is-better",
            Some("lower") => "lower-is-better",
            _ => return Err(bad("a KPI direction is neither \"higher\" nor \"lower\"")),
        };
        kpi.insert("direction".into(), json!({ "kind": direction }));
        // Moved as written (serde_json's `arbitrary_precision` keeps a number's text), to be read
        // exactly with the rest of the body.
        let target =
            kpi.get("target").filter(|t| t.is_number()).cloned().ok_or_else(|| bad("a KPI target is not a number"))?;
        kpi.insert("target".into(), json!({ "kind": "constant", "value": target }));
        kpi.entry("aggregation").or_insert_with(|| json!("last"));
    }
    let readings = body.get_mut("readings").and_then(Value::as_array_mut).ok_or_else(|| bad("no reading list"))?;
    for reading in readings {
        let reading: &mut Map<String, Value> =
            reading.as_object_mut().ok_or_else(|| bad("a reading is not an object"))?;
        let period = reading.remove("period").ok_or_else(|| bad("a reading has no period"))?;
        reading.insert("period_start".into(), period);
    }
    Ok(body)
}

/// Schema 2 to the KPI shape of schema 3: a KPI's own fields move under `spec`, beside its `id`
/// and `kra`. (Schema 2's flat reading list is read by its own type in `codec`.)
pub fn nest_kpi_specs(mut body: Value) -> Result<Value, DecodeError> {
    let bad = |what: &str| DecodeError::Invalid(Damage::Shape(format!("schema 2 data: {what}")));
    let kpis = body.get_mut("kpis").and_then(Value::as_array_mut).ok_or_else(|| bad("no KPI list"))?;
    for kpi in kpis {
        let fields = kpi.as_object_mut().ok_or_else(|| bad("a KPI is not an object"))?;
        let mut spec = std::mem::take(fields);
        for key in ["id", "kra"] {
            if let Some(v) = spec.remove(key) {
                fields.insert(key.into(), v);
            }
        }
        fields.insert("spec".into(), Value::Object(spec));
    }
    Ok(body)
}
