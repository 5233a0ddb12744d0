//! The saved format: JSON with an explicit schema version and a revision number.
//!
//! Schema 4 (this build) adds review records per review period (see `review_codec`); the
//! all-time KRA rating and KPI N/A flag of schemas 1–3 move into the review of the period
//! holding the day the save is first opened. Schema 3 nests each KPI's fields under `spec` and stores each KPI's readings compactly, as runs of consecutive periods:
//! `{"kpi":5,"from":"2026-01-01","values":[42,null,45],"notes":{"2":"new hire"}}` is January,
//! (no reading in February) and March. A scorecard of 1,000 KPIs with 100 readings each fits in
//! well under half of the browser's 5,242,880-character storage quota.
//!
//! Reading is one pass over the text into typed values: the envelope is read with the body left
//! as a borrowed slice of the text ([`serde_json::value::RawValue`]), and the body is then read by
//! the type of its schema. No `serde_json::Value` tree of the file is ever built: older schemas
//! are migrated as objects whose values are kept as text (`migrate::Object`).

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::migrate;
use super::review_codec::{self, ReviewRecord};
use crate::domain::error::{IntegrityError, ValidationError};
use crate::domain::framework::{check_filed, Framework, FrameworkParts};
use crate::domain::id::Id;
use crate::domain::input::check_reading;
use crate::domain::iso_date;
use crate::domain::kpi::{Kpi, KpiSpec};
use crate::domain::kra::Kra;
use crate::domain::ordered::{map_from, map_of, Map};
use crate::domain::period::{FiscalYearStart, Period};
use crate::domain::reading::{Reading, Series};
use crate::domain::scoring::ScoringSettings;

/// The schema version this build writes. Older versions are migrated on load.
pub const SCHEMA_VERSION: u32 = 4;

/// A run is split when this many periods in a row have no reading: long gaps cost one short
/// run header instead of a string of `null`s.
const MAX_GAP: i64 = 8;

/// The longest run accepted on load; more periods than any real KPI has (2,000 years monthly).
const MAX_RUN: usize = 24_000;

/// A save's revision: how many times this scorecard has been written under its key.
///
/// A tab writes only over the revision it last read, so it can tell when another tab has written
/// in between (see `storage::local`).
pub type Revision = u64;

/// Why saved text could not be turned back into a framework.
#[derive(Clone, Debug, PartialEq)]
pub enum DecodeError {
    /// Not JSON at all (truncated, or another program's text).
    NotJson(String),
    /// JSON, but not a kra-kpi save (another app's data under our key).
    Foreign,
    /// Saved by a newer version of kra-kpi than this one.
    TooNew(u32),
    /// A kra-kpi save whose content is damaged.
    Invalid(Damage),
}

/// What is wrong inside a kra-kpi save.
#[derive(Clone, Debug, PartialEq)]
pub enum Damage {
    /// A field is missing or has the wrong shape (the JSON reader's words).
    Shape(String),
    /// The fields read, but break a rule every edit keeps.
    Integrity(IntegrityError),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotJson(e) => write!(f, "the saved data is not valid JSON ({e})"),
            DecodeError::Foreign => write!(f, "the saved data was not written by kra-kpi"),
            DecodeError::TooNew(v) => write!(
                f,
                "the saved data uses format version {v}, newer than this version of the app understands ({SCHEMA_VERSION})"
            ),
            DecodeError::Invalid(Damage::Shape(e)) => write!(f, "the saved data is damaged ({e})"),
            DecodeError::Invalid(Damage::Integrity(e)) => write!(f, "the saved data is damaged ({e})"),
        }
    }
}

impl std::error::Error for DecodeError {}

pub(super) fn shape(e: impl fmt::Display) -> DecodeError {
    DecodeError::Invalid(Damage::Shape(e.to_string()))
}

fn broken(e: IntegrityError) -> DecodeError {
    DecodeError::Invalid(Damage::Integrity(e))
}

/// What [`decode_saved`] read: the framework, the schema it was saved in, and its revision.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub framework: Framework,
    pub schema: u32,
    /// 0 for saves older than schema 3, which had no revision.
    pub revision: Revision,
}

// ---- writing -------------------------------------------------------------------------------

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    app: &'static str,
    schema: u32,
    revision: Revision,
    framework: BodyOut<'a>,
}

#[derive(Serialize)]
struct BodyOut<'a> {
    name: &'a str,
    settings: &'a ScoringSettings,
    kras: &'a [Kra],
    kpis: &'a [Kpi],
    readings: Vec<RunOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    reviews: Vec<ReviewRecord>,
    next_id: u64,
}

#[derive(Serialize)]
struct RunOut<'a> {
    kpi: Id,
    #[serde(with = "crate::domain::iso_date::serde")]
    from: Date,
    values: Vec<Option<f64>>,
    // A JSON object by index, `{"3":"outage"}`.
    #[serde(skip_serializing_if = "Map::is_empty")]
    notes: Map<usize, &'a str>,
}

/// Serialises a framework in the current schema, at revision 0.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::framework::Framework;
/// use kra_kpi::storage::{decode, encode};
///
/// let fw = Framework::new("Mine");
/// assert_eq!(decode(&encode(&fw)), Ok(fw));
/// ```
pub fn encode(framework: &Framework) -> String {
    encode_revision(framework, 0)
}

/// Serialises a framework in the current schema as revision `revision`.
pub fn encode_revision(framework: &Framework, revision: Revision) -> String {
    let body = BodyOut {
        name: framework.name(),
        settings: framework.settings(),
        kras: framework.kras(),
        kpis: framework.kpis(),
        readings: runs(framework),
        reviews: review_codec::records(framework),
        next_id: framework.next_id(),
    };
    let file = EnvelopeOut { app: "kra-kpi", schema: SCHEMA_VERSION, revision, framework: body };
    // Cannot fail: every number is checked finite on entry and all keys are strings.
    serde_json::to_string(&file).unwrap_or_else(|e| panic!("a framework failed to serialise: {e}"))
}

/// Each KPI's readings as runs of consecutive periods, in KPI order.
fn runs(fw: &Framework) -> Vec<RunOut<'_>> {
    let fiscal = fw.settings().fiscal_year_start;
    let mut runs = Vec::new();
    for kpi in fw.kpis() {
        let mut run: Option<(RunOut, i64)> = None;
        for (&start, reading) in fw.readings_of(kpi.id) {
            let period = Period::containing(start, kpi.spec.frequency, fiscal);
            let index = run.as_ref().map(|(r, _)| period.index_from(r.from));
            match (&mut run, index) {
                (Some((r, last)), Some(index)) if index - *last - 1 <= MAX_GAP => {
                    r.values.extend((*last + 1..index).map(|_| None));
                    push(r, reading);
                    *last = index;
                }
                _ => {
                    runs.extend(run.take().map(|(r, _)| r));
                    let mut r = RunOut { kpi: kpi.id, from: start, values: Vec::new(), notes: Map::new() };
                    push(&mut r, reading);
                    run = Some((r, 0));
                }
            }
        }
        runs.extend(run.map(|(r, _)| r));
    }
    runs
}

fn push<'a>(run: &mut RunOut<'a>, reading: &'a Reading) {
    if !reading.note.is_empty() {
        run.notes.insert(run.values.len(), &reading.note);
    }
    run.values.push(Some(reading.value));
}

// ---- reading -------------------------------------------------------------------------------

#[derive(Deserialize)]
struct EnvelopeIn<'a> {
    #[serde(default)]
    app: Option<String>,
    schema: Option<u32>,
    #[serde(default)]
    revision: Option<Revision>,
    #[serde(borrow)]
    framework: Option<&'a RawValue>,
}

/// The current schema's whole file, for reading it in one pass.
#[derive(Deserialize)]
struct EnvelopeCurrent {
    framework: BodyIn,
}

#[derive(Deserialize)]
struct BodyIn {
    name: String,
    #[serde(default)]
    settings: ScoringSettings,
    kras: Vec<Kra>,
    kpis: Vec<Kpi>,
    #[serde(default)]
    readings: Vec<RunIn>,
    #[serde(default)]
    reviews: Vec<ReviewRecord>,
    next_id: u64,
}

#[derive(Deserialize)]
struct RunIn {
    kpi: Id,
    #[serde(with = "crate::domain::iso_date::serde")]
    from: Date,
    #[serde(deserialize_with = "values_with_room")]
    values: Vec<Option<f64>>,
    #[serde(default, deserialize_with = "crate::domain::ordered::deserialize_map")]
    notes: Map<usize, String>,
}

/// A run's values, `[80,81.5,null,…]`, read from the saved text in one pass and allocated once
/// at their exact length.
///
/// The list is borrowed whole from the text (serde_json has checked that it is JSON), its commas
/// counted for the length, and each item read by `domain::decimal`: decoding 1,000 KPIs × 100
/// takes as long as it did with serde_json's own number reader (README, Speed). JSON gives no
/// length, and growing each of a thousand runs from nothing (4, 8, … 128) was once a fifth of
/// decoding a large save in the browser.
///
/// Anything else in the list (a string, a list, an object) is refused with serde's "invalid type"
/// complaint; an item's own commas can only split it into pieces that are refused as well.
fn values_with_room<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Option<f64>>, D::Error> {
    use serde::de::Error;
    let text = <&RawValue>::deserialize(d)?.get();
    let Some(items) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) else {
        let what = serde::de::Unexpected::Other("a value that is not a list");
        return Err(D::Error::invalid_type(what, &"a list of numbers and nulls"));
    };
    if items.trim_ascii().is_empty() {
        return Ok(Vec::new());
    }
    let mut values = Vec::with_capacity(items.bytes().filter(|&b| b == b',').count() + 1);
    for item in items.split(',') {
        let item = item.trim_ascii();
        values.push(if item == "null" { None } else { Some(crate::domain::decimal::serde::read(item)?) });
    }
    Ok(values)
}

/// Schema 2 (after `migrate::nest_kpi_specs`): readings were a flat list with ids of their own.
#[derive(Deserialize)]
struct BodyV2 {
    name: String,
    #[serde(default)]
    settings: ScoringSettings,
    kras: Vec<Kra>,
    kpis: Vec<Kpi>,
    readings: Vec<ReadingV2>,
    next_id: u64,
}

#[derive(Deserialize)]
struct ReadingV2 {
    kpi: Id,
    #[serde(with = "crate::domain::iso_date::serde")]
    period_start: Date,
    #[serde(deserialize_with = "crate::domain::decimal::serde::number")]
    value: f64,
    #[serde(default)]
    note: String,
}

/// The schema and revision of saved text, without building the framework.
///
/// Used before every write, to see whether another tab has saved since this one last read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header {
    pub schema: u32,
    pub revision: Revision,
}

fn envelope(text: &str) -> Result<(EnvelopeIn<'_>, u32, &RawValue), DecodeError> {
    let envelope: EnvelopeIn = serde_json::from_str(text).map_err(|e| {
        if e.is_data() {
            DecodeError::Foreign
        } else {
            DecodeError::NotJson(e.to_string())
        }
    })?;
    if envelope.app.as_deref().is_some_and(|app| app != "kra-kpi") {
        return Err(DecodeError::Foreign);
    }
    let (Some(schema), Some(body)) = (envelope.schema, envelope.framework) else {
        return Err(DecodeError::Foreign);
    };
    if schema > SCHEMA_VERSION {
        return Err(DecodeError::TooNew(schema));
    }
    Ok((envelope, schema, body))
}

/// Reads the schema and revision of saved text; refused like [`decode`] when it is not ours or
/// too new.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::framework::Framework;
/// use kra_kpi::storage::codec::{encode_revision, read_header, SCHEMA_VERSION};
///
/// let header = read_header(&encode_revision(&Framework::new("Mine"), 7)).unwrap();
/// assert_eq!((header.schema, header.revision), (SCHEMA_VERSION, 7));
/// ```
pub fn read_header(text: &str) -> Result<Header, DecodeError> {
    let (envelope, schema, _) = envelope(text)?;
    Ok(Header { schema, revision: envelope.revision.unwrap_or(0) })
}

/// How many characters [`header_of_prefix`] needs.
pub const HEADER_PREFIX: usize = 80;

/// The header of text that starts exactly as [`encode_revision`] writes it
/// (`{"app":"kra-kpi","schema":3,"revision":7,"framework":`), read from its first
/// [`HEADER_PREFIX`] characters; `None` for anything else (then read the whole text with
/// [`read_header`]).
///
/// Before each write the store checks the revision under its key. Reading a prefix spares
/// copying and parsing a megabyte of text when the answer is the usual "still ours".
///
/// # Example
///
/// ```
/// use kra_kpi::domain::framework::Framework;
/// use kra_kpi::storage::codec::{encode_revision, header_of_prefix, HEADER_PREFIX};
///
/// let text = encode_revision(&Framework::new("Mine"), 41);
/// let prefix: String = text.chars().take(HEADER_PREFIX).collect();
/// assert_eq!(header_of_prefix(&prefix).map(|h| h.revision), Some(41));
/// assert_eq!(header_of_prefix("{\"schema\":3}"), None);
/// ```
pub fn header_of_prefix(prefix: &str) -> Option<Header> {
    let number = |s: &str| -> Option<(u64, usize)> {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        Some((s.get(..digits)?.parse().ok()?, digits))
    };
    let rest = prefix.strip_prefix(r#"{"app":"kra-kpi","schema":"#)?;
    let (schema, n) = number(rest)?;
    let rest = rest[n..].strip_prefix(r#","revision":"#)?;
    let (revision, n) = number(rest)?;
    rest[n..].strip_prefix(r#","framework":"#)?;
    Some(Header { schema: u32::try_from(schema).ok()?, revision })
}

/// Reads saved text of any known schema version, migrating older ones.
///
/// Text that is not JSON, not ours, from a newer version or internally inconsistent is
/// refused with a [`DecodeError`] the caller shows to the user; it is never partly loaded.
pub fn decode(text: &str) -> Result<Framework, DecodeError> {
    decode_saved(text).map(|d| d.framework)
}

/// Like [`decode`], and also says which schema the text was saved in (so the caller can keep
/// the original of a migrated save) and its revision.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::framework::Framework;
/// use kra_kpi::storage::codec::{decode_saved, encode_revision, SCHEMA_VERSION};
///
/// let decoded = decode_saved(&encode_revision(&Framework::new("Mine"), 3)).unwrap();
/// assert_eq!((decoded.schema, decoded.revision), (SCHEMA_VERSION, 3));
/// ```
pub fn decode_saved(text: &str) -> Result<Decoded, DecodeError> {
    decode_saved_on(text, crate::clock::today())
}

/// Like [`decode_saved`], with `today` given: a save older than schema 4 has its all-time KRA
/// ratings and KPI N/A flags moved into the review of the period holding `today`.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::period::{Frequency, Period};
/// use kra_kpi::storage::codec::decode_saved_on;
///
/// let old = r#"{"app":"kra-kpi","schema":3,"revision":2,"framework":{"name":"Mine",
///     "kras":[{"id":1,"name":"Quality","weight":100,"rating":4}],"kpis":[],"next_id":2}}"#;
/// let fw = decode_saved_on(old, date(2026, 11, 20)).unwrap().framework;
/// let november = Period::containing(date(2026, 11, 20), Frequency::Monthly, fw.settings().fiscal_year_start);
/// assert_eq!(fw.review(&november).unwrap().rating(fw.kras()[0].id), Some(4.0));
/// ```
pub fn decode_saved_on(text: &str, today: Date) -> Result<Decoded, DecodeError> {
    // Text as this version writes it is read in one pass; anything else (older schemas, fields
    // in another order) first has its envelope read with the body left as a borrowed slice.
    let quick = text.get(..HEADER_PREFIX.min(text.len())).and_then(header_of_prefix);
    if let Some(Header { schema: SCHEMA_VERSION, revision }) = quick {
        if let Ok(file) = serde_json::from_str::<EnvelopeCurrent>(text) {
            let parts = from_v3(file.framework)?;
            let framework = Framework::from_filed_parts(parts).map_err(broken)?;
            return Ok(Decoded { framework, schema: SCHEMA_VERSION, revision });
        }
    }
    let (envelope, schema, body) = envelope(text)?;
    let revision = envelope.revision.unwrap_or(0);
    let parts = match schema {
        // Older schemas are rare and small: they are upgraded as text objects, then turned
        // back into text and read by the typed readers. Reading the types from a `Value` as well
        // would compile every deserializer a second time (about 20 KB of wasm).
        1 | 2 => {
            let v2 = match schema {
                1 => migrate::nest_kpi_specs(&migrate::v1_to_v2(body.get())?)?,
                _ => migrate::nest_kpi_specs(body.get())?,
            };
            let parts = from_v2(serde_json::from_str(&v2).map_err(shape)?)?;
            with_marks(parts, &v2, today)?
        }
        3 => with_marks(from_v3(serde_json::from_str(body.get()).map_err(shape)?)?, body.get(), today)?,
        SCHEMA_VERSION => from_v3(serde_json::from_str(body.get()).map_err(shape)?)?,
        _ => return Err(DecodeError::Foreign),
    };
    let framework = Framework::from_filed_parts(parts).map_err(broken)?;
    Ok(Decoded { framework, schema, revision })
}

/// Moves a schema 1–3 body's all-time ratings and N/A flags into a review (see
/// `review_codec::migrate_marks`).
fn with_marks(mut parts: FrameworkParts, body: &str, today: Date) -> Result<FrameworkParts, DecodeError> {
    if let Some((key, mut review)) = review_codec::migrate_marks(body, &parts.settings, today) {
        let kras: Vec<Id> = parts.kras.iter().map(|k| k.id).collect();
        let kpis: Vec<Id> = parts.kpis.iter().map(|k| k.id).collect();
        review_codec::keep_known(&mut review, &kras, &kpis);
        if !review.is_empty() {
            parts.reviews.insert(key, review);
        }
    }
    Ok(parts)
}

/// The KPIs a body's readings may belong to, and the check each reading passes as it is filed,
/// so that building the framework need not walk them all again (`Framework::from_filed_parts`).
struct Filing<'a> {
    fiscal: FiscalYearStart,
    specs: Map<Id, &'a KpiSpec>,
}

impl<'a> Filing<'a> {
    fn new(settings: &ScoringSettings, kpis: &'a [Kpi]) -> Filing<'a> {
        Filing { fiscal: settings.fiscal_year_start, specs: map_from(kpis.iter().map(|k| (k.id, &k.spec))) }
    }

    /// The spec of the KPI readings are filed under, refused as damage when there is no such KPI.
    fn spec(&self, kpi: Id) -> Result<&'a KpiSpec, DecodeError> {
        self.specs.get(&kpi).copied().ok_or(broken(IntegrityError::ReadingsWithoutKpi(kpi)))
    }

    /// [`check_filed`], with the complaint `Framework::from_parts` would make.
    fn check(&self, spec: &KpiSpec, start: Date, value: f64) -> Result<(), DecodeError> {
        check_filed(spec, self.fiscal, start, value).map_err(|error| Filing::complaint(spec, error))
    }

    /// [`check_reading`] alone, for a value filed under a start stepped from a run's checked
    /// first period (`Period::starts`), which is a period start by construction; the same
    /// complaint as [`Filing::check`].
    fn check_value(spec: &KpiSpec, value: f64) -> Result<(), DecodeError> {
        check_reading(value).map(drop).map_err(|error| Filing::complaint(spec, error))
    }

    fn complaint(spec: &KpiSpec, error: ValidationError) -> DecodeError {
        broken(IntegrityError::InvalidReading { kpi: spec.name.clone(), error })
    }
}

/// Like [`from_v3`], every reading is checked as it is filed.
fn from_v2(body: BodyV2) -> Result<FrameworkParts, DecodeError> {
    let filing = Filing::new(&body.settings, &body.kpis);
    let mut readings: Map<Id, Series> = Map::new();
    for r in body.readings {
        filing.check(filing.spec(r.kpi)?, r.period_start, r.value)?;
        let reading = Reading { value: r.value, note: r.note };
        if readings.entry(r.kpi).or_default().insert(r.period_start, reading).is_some() {
            return Err(shape(format_args!(
                "two readings of KPI {} share the period of {}",
                r.kpi,
                iso_date::format(r.period_start)
            )));
        }
    }
    let BodyV2 { name, settings, kras, kpis, next_id, .. } = body;
    Ok(FrameworkParts { name, settings, kras, kpis, readings, reviews: Default::default(), next_id })
}

fn from_v3(body: BodyIn) -> Result<FrameworkParts, DecodeError> {
    let BodyIn { name, settings, kras, kpis, readings: runs, reviews, next_id } = body;
    let filing = Filing::new(&settings, &kpis);
    // Gathered per KPI first, then each series is built from its sorted list in one go.
    let mut lists: Map<Id, Vec<(Date, Reading)>> = Map::new();
    for run in runs {
        let spec = filing.spec(run.kpi)?;
        if run.values.len() > MAX_RUN {
            return Err(shape(format_args!("a run of KPI {} has {} periods", run.kpi, run.values.len())));
        }
        let first = Period::containing(run.from, spec.frequency, filing.fiscal);
        if first.start() != run.from {
            return Err(shape(format_args!(
                "a run of KPI {} starts on {}, not on a period start",
                run.kpi,
                iso_date::format(run.from)
            )));
        }
        if let Some((&i, _)) = run.notes.iter().find(|(&i, _)| run.values.get(i).is_none_or(Option::is_none)) {
            return Err(shape(format_args!("a note of KPI {} points to no reading (index {i})", run.kpi)));
        }
        let mut notes = run.notes;
        let list = lists.entry(run.kpi).or_default();
        list.reserve(run.values.len());
        let mut starts = first.starts();
        for (i, value) in run.values.into_iter().enumerate() {
            let start = starts
                .next()
                .ok_or_else(|| shape(format_args!("a run of KPI {} runs past the last representable date", run.kpi)))?;
            if let Some(value) = value {
                Filing::check_value(spec, value)?;
                let note = if notes.is_empty() { String::new() } else { notes.remove(&i).unwrap_or_default() };
                list.push((start, Reading { value, note }));
            }
        }
    }
    let mut readings: Map<Id, Series> = Map::new();
    for (kpi, list) in lists {
        let count = list.len();
        // `map_of` sorts (a no-op on runs written in order) and keeps one reading per period;
        // a shorter map means two readings claimed one period.
        let series: Series = map_of(list);
        if series.len() != count {
            return Err(shape(format_args!("two readings of KPI {kpi} share a period")));
        }
        if !series.is_empty() {
            readings.insert(kpi, series);
        }
    }
    let reviews = review_codec::from_records(reviews)?;
    Ok(FrameworkParts { name, settings, kras, kpis, readings, reviews, next_id })
}
