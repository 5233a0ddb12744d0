#![cfg(not(target_arch = "wasm32"))] // host tests; the browser tests are tests/web_*.rs
//! Undo gives back exactly what was there, and redo exactly what was undone: any sequence of
//! edits a user can make, applied through `Framework::apply` with each inverse kept in a
//! `History`, can be walked all the way back to the start and forward to the end again.
//!
//! Along the way a refused edit changes nothing (not even the id counter), every state keeps the
//! framework's invariants, the id counter never goes back, and no id is handed out twice.

use std::collections::BTreeSet;

use jiff::civil::{date, Date};
use kra_kpi::domain::direction::Direction;
use kra_kpi::domain::edit::{Edit, ReviewChange};
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::history::History;
use kra_kpi::domain::id::Id;
use kra_kpi::domain::kpi::KpiSpec;
use kra_kpi::domain::kra::KraDraft;
use kra_kpi::domain::period::{FiscalYearStart, Frequency, Period};
use kra_kpi::domain::review::{Closure, ReviewKey};
use kra_kpi::domain::scoring::{score_framework, score_framework_with, Aggregation, ScoreCache, ScoringSettings};
use kra_kpi::domain::template::sales_executive;
use proptest::prelude::*;

/// An edit described by what it picks (the n-th KRA, KPI or reading, modulo how many there are),
/// so that it can be turned into a real [`Edit`] against whatever the framework holds by then.
#[derive(Clone, Debug)]
enum Op {
    Rename(String),
    SetSettings {
        fiscal: i8,
        review: Frequency,
        rating_scale: f64,
        floor: f64,
    },
    AddKra(KraFields),
    UpdateKra(usize, KraFields),
    DeleteKra(usize),
    MoveKra(usize, isize),
    AddKpi(usize, KpiFields),
    UpdateKpi(usize, KpiFields),
    DeleteKpi(usize),
    MoveKpi(usize, isize),
    AddReading {
        kpi: usize,
        day: Date,
        value: f64,
        note: String,
    },
    UpdateReading {
        reading: usize,
        value: f64,
        note: String,
    },
    DeleteReading(usize),
    /// Load a template (or an empty scorecard) in place of everything.
    Replace {
        template: bool,
    },
    /// A KRA with one KPI in a single step, the KPI naming the id the KRA is about to get.
    AddKraWithKpi(KraFields, KpiFields),
    /// A rating (1 to 5, or none) for the n-th KRA in the review period holding `day`.
    Rate(usize, Date, Option<f64>),
    /// The n-th KPI marked N/A (or counted again) in the review period holding `day`.
    MarkNa(usize, Date, bool),
    Comment(Date, String),
    /// Close (closing on the day the period ends, or a day early, which is refused) or reopen.
    Close(Date, bool),
    Reopen(Date),
    Batch(Vec<Op>),
}

#[derive(Clone, Debug)]
struct KraFields {
    name: String,
    weight: f64,
}

#[derive(Clone, Debug)]
struct KpiFields {
    name: String,
    lower: bool,
    target: f64,
    frequency: Frequency,
    aggregation: Aggregation,
    weight: f64,
}

// ---- strategies --------------------------------------------------------------------------

/// Mostly a valid name; sometimes blank, which is refused.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![8 => "[A-Z][a-z]{0,6}", 1 => Just("  ".to_owned())]
}

/// Mostly a valid weight; sometimes negative, which is refused.
fn weight() -> impl Strategy<Value = f64> {
    prop_oneof![8 => (0u8..=100).prop_map(f64::from), 1 => Just(-1.0)]
}

fn kra_fields() -> impl Strategy<Value = KraFields> {
    (name(), weight()).prop_map(|(name, weight)| KraFields { name, weight })
}

fn kpi_fields() -> impl Strategy<Value = KpiFields> {
    (
        name(),
        any::<bool>(),
        prop_oneof![8 => (1u16..1000).prop_map(f64::from), 1 => Just(f64::NAN)],
        prop::sample::select(Frequency::ALL.to_vec()),
        prop::sample::select(Aggregation::ALL.to_vec()),
        weight(),
    )
        .prop_map(|(name, lower, target, frequency, aggregation, weight)| KpiFields {
            name,
            lower,
            target,
            frequency,
            aggregation,
            weight,
        })
}

/// Days in 2025–2027, so that readings often land in the same period.
fn day() -> impl Strategy<Value = Date> {
    (2025i16..=2027, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| date(y, m, d))
}

/// Mostly an ordinary value; sometimes NaN or beyond the reading bound, which are refused.
fn value() -> impl Strategy<Value = f64> {
    prop_oneof![10 => (-100i32..1000).prop_map(f64::from), 1 => Just(f64::NAN), 1 => Just(1e300)]
}

fn note() -> impl Strategy<Value = String> {
    prop_oneof![3 => Just(String::new()), 1 => "[a-z ]{1,8}"]
}

fn pick() -> impl Strategy<Value = usize> {
    0usize..16
}

fn offset() -> impl Strategy<Value = isize> {
    prop_oneof![-3isize..=3, Just(isize::MIN), Just(isize::MAX)]
}

fn single_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        1 => name().prop_map(Op::Rename),
        // Fiscal years from 1 to 12 re-file month-based readings; a floor of 150 is refused.
        3 => (
            1i8..=12,
            prop::sample::select(Frequency::ALL.to_vec()),
            prop::sample::select(vec![3.0, 4.0, 5.0, 10.0]),
            prop_oneof![6 => Just(0.0), 1 => Just(10.0), 1 => Just(150.0)],
        )
            .prop_map(|(fiscal, review, rating_scale, floor)| Op::SetSettings { fiscal, review, rating_scale, floor }),
        3 => kra_fields().prop_map(Op::AddKra),
        2 => (pick(), kra_fields()).prop_map(|(i, f)| Op::UpdateKra(i, f)),
        1 => pick().prop_map(Op::DeleteKra),
        1 => (pick(), offset()).prop_map(|(i, o)| Op::MoveKra(i, o)),
        4 => (pick(), kpi_fields()).prop_map(|(i, f)| Op::AddKpi(i, f)),
        3 => (pick(), kpi_fields()).prop_map(|(i, f)| Op::UpdateKpi(i, f)),
        1 => pick().prop_map(Op::DeleteKpi),
        1 => (pick(), offset()).prop_map(|(i, o)| Op::MoveKpi(i, o)),
        8 => (pick(), day(), value(), note()).prop_map(|(kpi, day, value, note)| Op::AddReading { kpi, day, value, note }),
        3 => (pick(), value(), note()).prop_map(|(reading, value, note)| Op::UpdateReading { reading, value, note }),
        2 => pick().prop_map(Op::DeleteReading),
        1 => any::<bool>().prop_map(|template| Op::Replace { template }),
        1 => (kra_fields(), kpi_fields()).prop_map(|(kra, kpi)| Op::AddKraWithKpi(kra, kpi)),
        3 => (pick(), day(), prop_oneof![1 => Just(None), 4 => (1u8..=6).prop_map(|r| Some(f64::from(r)))])
            .prop_map(|(i, d, r)| Op::Rate(i, d, r)),
        2 => (pick(), day(), any::<bool>()).prop_map(|(i, d, yes)| Op::MarkNa(i, d, yes)),
        1 => (day(), note()).prop_map(|(d, c)| Op::Comment(d, c)),
        2 => (day(), prop_oneof![4 => Just(true), 1 => Just(false)]).prop_map(|(d, on_time)| Op::Close(d, on_time)),
        1 => day().prop_map(Op::Reopen),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        12 => single_op(),
        2 => prop::collection::vec(single_op(), 1..5).prop_map(Op::Batch),
    ]
}

/// The starting point: the sales template with a few readings, or an empty scorecard.
fn start() -> impl Strategy<Value = Framework> {
    prop_oneof![
        1 => Just(Framework::new("Empty")),
        3 => prop::collection::vec((0usize..6, day(), (0i32..100).prop_map(f64::from)), 0..12).prop_map(|readings| {
            let mut fw = sales_executive();
            for (kpi, day, value) in readings {
                let id = fw.kpis()[kpi].id;
                let _ = fw.add_reading(id, day, value, "");
            }
            fw
        }),
    ]
}

// ---- turning an Op into an Edit ------------------------------------------------------------

/// An id no KRA or KPI has, so an edit naming it is refused.
fn ghost(fw: &Framework) -> Id {
    Id(fw.next_id() + 7)
}

fn nth_kra(fw: &Framework, n: usize) -> Id {
    fw.kras().get(n % fw.kras().len().max(1)).map_or_else(|| ghost(fw), |k| k.id)
}

fn nth_kpi(fw: &Framework, n: usize) -> Id {
    fw.kpis().get(n % fw.kpis().len().max(1)).map_or_else(|| ghost(fw), |k| k.id)
}

fn nth_reading(fw: &Framework, n: usize) -> (Id, Date) {
    let count = fw.reading_count();
    if count == 0 {
        return (nth_kpi(fw, n), date(2026, 1, 1));
    }
    fw.all_readings().nth(n % count).map(|(kpi, start, _)| (kpi, start)).unwrap()
}

/// The review period holding `day` under the framework's settings.
fn key_of(fw: &Framework, day: Date) -> ReviewKey {
    let s = fw.settings();
    ReviewKey::of(&Period::containing(day, s.review_cycle, s.fiscal_year_start))
}

fn draft(f: &KraFields) -> KraDraft {
    KraDraft::new(&f.name, f.weight)
}

fn spec(f: &KpiFields) -> KpiSpec {
    let direction = if f.lower { Direction::LowerIsBetter } else { Direction::HigherIsBetter };
    KpiSpec {
        frequency: f.frequency,
        aggregation: f.aggregation,
        weight: f.weight,
        ..KpiSpec::new(&f.name, "", direction, f.target)
    }
}

fn to_edit(op: &Op, fw: &Framework) -> Edit {
    match op {
        Op::Rename(name) => Edit::Rename { name: name.clone() },
        Op::SetSettings { fiscal, review, rating_scale, floor } => Edit::SetSettings {
            settings: ScoringSettings {
                fiscal_year_start: FiscalYearStart::new(*fiscal).unwrap(),
                review_cycle: *review,
                rating_scale: *rating_scale,
                floor: *floor,
                ..fw.settings().clone()
            },
        },
        Op::AddKra(f) => Edit::AddKra { draft: draft(f) },
        Op::UpdateKra(i, f) => Edit::UpdateKra { id: nth_kra(fw, *i), draft: draft(f) },
        Op::DeleteKra(i) => Edit::DeleteKra { id: nth_kra(fw, *i) },
        Op::MoveKra(i, offset) => Edit::MoveKra { id: nth_kra(fw, *i), offset: *offset },
        Op::AddKpi(i, f) => Edit::AddKpi { kra: nth_kra(fw, *i), spec: spec(f) },
        Op::UpdateKpi(i, f) => {
            // Keep the KPI's target and direction; change its name, frequency, rule and weight.
            let id = nth_kpi(fw, *i);
            let spec = match fw.kpi(id) {
                Some(k) => KpiSpec {
                    name: f.name.clone(),
                    frequency: f.frequency,
                    aggregation: f.aggregation,
                    weight: f.weight,
                    ..k.spec.clone()
                },
                None => spec(f),
            };
            Edit::UpdateKpi { id, spec }
        }
        Op::DeleteKpi(i) => Edit::DeleteKpi { id: nth_kpi(fw, *i) },
        Op::MoveKpi(i, offset) => Edit::MoveKpi { id: nth_kpi(fw, *i), offset: *offset },
        Op::AddReading { kpi, day, value, note } => {
            Edit::AddReading { kpi: nth_kpi(fw, *kpi), day: *day, value: *value, note: note.clone() }
        }
        Op::UpdateReading { reading, value, note } => {
            let (kpi, period_start) = nth_reading(fw, *reading);
            Edit::UpdateReading { kpi, period_start, value: *value, note: note.clone() }
        }
        Op::DeleteReading(reading) => {
            let (kpi, period_start) = nth_reading(fw, *reading);
            Edit::DeleteReading { kpi, period_start }
        }
        Op::Replace { template } => {
            let framework = if *template { sales_executive() } else { Framework::new("Fresh start") };
            Edit::Replace { framework: Box::new(framework) }
        }
        Op::AddKraWithKpi(kra, kpi) => Edit::Batch {
            edits: vec![Edit::AddKra { draft: draft(kra) }, Edit::AddKpi { kra: Id(fw.next_id()), spec: spec(kpi) }],
        },
        // Odd draws rate as the employee: the self-assessment has its own field and inverse.
        Op::Rate(i, day, rating) => Edit::SetReview {
            key: key_of(fw, *day),
            change: if *i % 2 == 0 {
                ReviewChange::Rating { kra: nth_kra(fw, *i), rating: *rating }
            } else {
                ReviewChange::SelfRating { kra: nth_kra(fw, *i), rating: *rating }
            },
        },
        Op::MarkNa(i, day, yes) => Edit::SetReview {
            key: key_of(fw, *day),
            change: ReviewChange::NotApplicable { kpi: nth_kpi(fw, *i), yes: *yes },
        },
        Op::Comment(day, comment) => {
            Edit::SetReview { key: key_of(fw, *day), change: ReviewChange::Comment { comment: comment.clone() } }
        }
        Op::Close(day, on_time) => {
            let key = key_of(fw, *day);
            let end = key.period(fw.settings().fiscal_year_start).end();
            let on = if *on_time { end } else { end.yesterday().unwrap() };
            let kras = fw.kras().iter().map(|k| (k.id, Some(50.0))).collect();
            Edit::CloseReview { key, closure: Closure { on, overall: Some(50.0), kras } }
        }
        Op::Reopen(day) => Edit::ReopenReview { key: key_of(fw, *day) },
        // Each edit of a batch picks its target in the framework as it was before the batch.
        Op::Batch(ops) => Edit::Batch { edits: ops.iter().map(|op| to_edit(op, fw)).collect() },
    }
}

// ---- the property ----------------------------------------------------------------------------

fn all_ids(fw: &Framework) -> BTreeSet<Id> {
    fw.kras().iter().map(|k| k.id).chain(fw.kpis().iter().map(|k| k.id)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn undoing_everything_gives_back_the_start_and_redoing_it_gives_back_the_end(
        start in start(),
        ops in prop::collection::vec(op(), 1..40),
    ) {
        let mut fw = start.clone();
        let mut history = History::new(1000);
        // states[i] is the framework after the i-th recorded edit; states[0] the start.
        let mut states = vec![start.clone()];
        let mut handed_out: BTreeSet<Id> = all_ids(&start);
        let mut counter = fw.next_id();

        for op in &ops {
            let edit = to_edit(op, &fw);
            let before = fw.clone();
            match fw.apply(edit.clone()) {
                Ok(applied) => {
                    for id in &applied.created {
                        prop_assert!(handed_out.insert(*id), "id {} was handed out twice by {:?}", id, edit);
                        prop_assert!(id.0 < fw.next_id() && id.0 >= before.next_id(), "{} outside the counter's new range", id);
                    }
                    if applied.changed {
                        history.record(applied.inverse);
                        states.push(fw.clone());
                    } else {
                        prop_assert!(fw.same_content(&before), "{:?} said it changed nothing, but did", edit);
                    }
                }
                Err(error) => {
                    prop_assert_eq!(&fw, &before, "{:?} was refused ({}) but changed the framework", edit, error);
                }
            }
            prop_assert_eq!(fw.check_integrity(), Ok(()), "after {:?}", edit);
            prop_assert!(fw.next_id() >= counter, "the id counter went back after {:?}", edit);
            counter = fw.next_id();
        }
        let end = fw.clone();

        // Undo everything, one step at a time, back to the start.
        for expected in states.iter().rev().skip(1) {
            let step = history.undo(&mut fw).expect("a step to undo");
            prop_assert!(step.is_ok(), "undo refused: {:?}", step);
            prop_assert!(fw.same_content(expected), "undo did not give back the earlier state:\n{:#?}\nexpected\n{:#?}", fw, expected);
            prop_assert_eq!(fw.check_integrity(), Ok(()));
            prop_assert!(fw.next_id() >= counter, "undo rewound the id counter");
            counter = fw.next_id();
        }
        prop_assert!(history.undo(&mut fw).is_none(), "nothing left to undo");
        prop_assert!(fw.same_content(&start), "undoing everything gives back the start");

        // Redo everything, forward to the end.
        for expected in states.iter().skip(1) {
            let step = history.redo(&mut fw).expect("a step to redo");
            prop_assert!(step.is_ok(), "redo refused: {:?}", step);
            prop_assert!(fw.same_content(expected), "redo did not give back the later state:\n{:#?}\nexpected\n{:#?}", fw, expected);
            prop_assert_eq!(fw.check_integrity(), Ok(()));
            prop_assert!(fw.next_id() >= counter, "redo rewound the id counter");
            counter = fw.next_id();
        }
        prop_assert!(history.redo(&mut fw).is_none(), "nothing left to redo");
        prop_assert!(fw.same_content(&end), "redoing everything gives back the end");
        // Redo puts back the very ids undo took away, and hands out none.
        prop_assert_eq!(all_ids(&fw), all_ids(&end));
        prop_assert_eq!(fw.next_id(), end.next_id());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// The widget scores with a cache that keeps every KPI's and KRA's result between edits and
    /// recomputes only what an edit touched. Whatever the edits (and their undoing), what it
    /// gives must be exactly what scoring from scratch gives.
    #[test]
    fn scoring_with_a_kept_cache_matches_scoring_afresh_after_every_edit(
        start in start(),
        ops in prop::collection::vec(op(), 1..30),
        review_day in day(),
        today in day(),
        blend in prop_oneof![Just(0.0), Just(40.0)],
        cycle in prop::sample::select(Frequency::ALL.to_vec()),
    ) {
        let mut fw = start;
        // Ratings count only when blended in; a long review cycle makes the random days of the
        // ratings fall in the period scored more often.
        let settings = ScoringSettings { rating_blend: blend, review_cycle: cycle, ..fw.settings().clone() };
        fw.set_settings(settings).unwrap();
        let mut history = History::new(1000);
        let mut cache = ScoreCache::default();
        let period = |fw: &Framework| {
            let s = fw.settings();
            Period::containing(review_day, s.review_cycle, s.fiscal_year_start)
        };
        for op in &ops {
            if let Ok(applied) = fw.apply(to_edit(op, &fw)) {
                history.record(applied.inverse);
            }
            let p = period(&fw);
            prop_assert_eq!(score_framework_with(&fw, &p, today, &mut cache), score_framework(&fw, &p, today), "after {:?}", op);
        }
        while let Some(step) = history.undo(&mut fw) {
            prop_assert!(step.is_ok());
            let p = period(&fw);
            prop_assert_eq!(score_framework_with(&fw, &p, today, &mut cache), score_framework(&fw, &p, today), "after an undo");
        }
    }
}

// ---- examples ----------------------------------------------------------------------------------

#[test]
fn undoing_a_fiscal_year_change_puts_readings_back_in_their_old_quarters() {
    let mut fw = Framework::new("Quarters");
    let kra = fw.add_kra(KraDraft::new("Ops", 100.0)).unwrap();
    let spec =
        KpiSpec { frequency: Frequency::Quarterly, ..KpiSpec::new("Audits", "", Direction::HigherIsBetter, 3.0) };
    let kpi = fw.add_kpi(kra, spec).unwrap();
    fw.add_reading(kpi, date(2026, 2, 10), 2.0, "").unwrap(); // Q1: Jan–Mar
    let before = fw.clone();
    let april = ScoringSettings { fiscal_year_start: FiscalYearStart::APRIL, ..ScoringSettings::default() };
    let applied = fw.apply(Edit::SetSettings { settings: april }).unwrap();
    // The Jan–Mar quarter becomes the Jan–Mar quarter of the April fiscal year: no move.
    assert_eq!(fw.readings_of(kpi).keys().copied().collect::<Vec<_>>(), [date(2026, 1, 1)]);
    let february =
        ScoringSettings { fiscal_year_start: FiscalYearStart::new(2).unwrap(), ..ScoringSettings::default() };
    let mut history = History::new(10);
    history.record(applied.inverse);
    history.record(fw.apply(Edit::SetSettings { settings: february }).unwrap().inverse);
    // Jan–Mar moves to the Feb–Apr quarter that begins inside it.
    assert_eq!(fw.readings_of(kpi).keys().copied().collect::<Vec<_>>(), [date(2026, 2, 1)]);
    history.undo(&mut fw).unwrap().unwrap();
    history.undo(&mut fw).unwrap().unwrap();
    assert!(fw.same_content(&before));
}

#[test]
fn a_refused_batch_changes_nothing_not_even_the_id_counter() {
    let mut fw = sales_executive();
    let before = fw.clone();
    let kpi = fw.kpis()[0].id;
    let batch = Edit::Batch {
        edits: vec![
            Edit::AddKra { draft: KraDraft::new("Service", 10.0) },
            Edit::AddReading { kpi, day: date(2026, 11, 1), value: f64::NAN, note: String::new() },
        ],
    };
    assert!(fw.apply(batch).is_err());
    assert_eq!(fw, before);
}
