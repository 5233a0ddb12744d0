//! The consultant's demo: the Sales executive template with twelve months of realistic readings,
//! generated from a fixed seed so every run (and every test) gets the same scorecard.
//!
//! The story the readings tell: revenue follows the season (a festive peak in October and
//! November, a slow monsoon), leads converted improve steadily after new lead-scoring rules,
//! client retention slips as key accounts leave, one month of client meetings was not logged
//! (annual leave), and a few readings carry notes saying why.

use jiff::civil::Date;

use super::error::ValidationError;
use super::framework::Framework;
use super::period::{FiscalYearStart, Frequency, Period};
use super::template::sales_executive;

/// The seed [`demo`] uses when a user asks for the demo.
pub const DEMO_SEED: u64 = 2026;

/// How many complete months of readings the demo has.
pub const DEMO_MONTHS: usize = 12;

/// A small, fixed pseudo-random sequence (SplitMix64): the same seed always gives the same
/// numbers on every platform, which a demo and its tests need, and it costs a few lines rather
/// than a dependency.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `[1 - spread, 1 + spread]`.
    fn around_one(&mut self, spread: f64) -> f64 {
        let unit = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        1.0 - spread + 2.0 * spread * unit
    }
}

/// The demo scorecard: the Sales executive template and [`DEMO_MONTHS`] months of readings, the
/// last in the month before `today`'s, from `seed`.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::demo::{demo, DEMO_SEED};
///
/// let a = demo(date(2026, 12, 2), DEMO_SEED).unwrap();
/// let b = demo(date(2026, 12, 2), DEMO_SEED).unwrap();
/// assert_eq!(a, b); // reproducible
/// assert!(a.reading_count() >= 6 * 12 - 1); // one month was not logged
/// ```
pub fn demo(today: Date, seed: u64) -> Result<Framework, ValidationError> {
    let mut fw = sales_executive();
    fw.rename("Sales executive (demo)")?;
    let fiscal = fw.settings().fiscal_year_start;
    let ids: Vec<_> = fw.kpis().iter().map(|k| k.id).collect();
    let [revenue, leads, deal, retention, response, meetings] = ids[..] else {
        return Err(ValidationError::UnknownItem { what: "KPI" });
    };
    let mut months = Vec::with_capacity(DEMO_MONTHS);
    let mut month = last_month(today, fiscal);
    for _ in 0..DEMO_MONTHS {
        months.push(month);
        month = month.previous();
    }
    months.reverse();

    let mut random = Sequence(seed);
    for (i, period) in months.iter().enumerate() {
        let day = period.start();
        let calendar_month = day.month();
        // Festive peak in October and November, a slow monsoon in July and August.
        let season = match calendar_month {
            10 | 11 => 1.18,
            12 | 3 => 1.06,
            7 | 8 => 0.86,
            _ => 1.0,
        };
        let progress = i as f64 / (DEMO_MONTHS - 1) as f64;

        let amount = round_to(500_000.0 * 0.9 * season * random.around_one(0.06), 1_000.0);
        let note = match calendar_month {
            10 => "Festive-season orders",
            8 => "Monsoon: two distributors closed for a week",
            _ => "",
        };
        fw.add_reading(revenue, day, amount, note)?;

        // Improving after new lead-scoring rules in the fifth month.
        let converted = (50.0 * (0.68 + 0.42 * progress) * random.around_one(0.05)).round();
        let note = if i == 4 { "New lead-scoring rules from this month" } else { "" };
        fw.add_reading(leads, day, converted, note)?;

        fw.add_reading(deal, day, round_to(25_000.0 * random.around_one(0.08), 100.0), "")?;

        // Slipping as key accounts leave.
        let kept = round_to(95.0 - 7.0 * progress + 0.6 * (random.around_one(1.0) - 1.0), 0.1);
        let note = if i == DEMO_MONTHS - 2 { "Two key accounts moved to a competitor" } else { "" };
        fw.add_reading(retention, day, kept, note)?;

        let hours = round_to(4.0 * random.around_one(0.25), 0.1);
        fw.add_reading(response, day, hours, "")?;

        // One month not logged at all (annual leave): a gap, said in the next month's note.
        if i != 6 {
            let held = (12.0 * season * random.around_one(0.15)).round();
            let note = if i == 7 { "Previous month not logged (annual leave)" } else { "" };
            fw.add_reading(meetings, day, held, note)?;
        }
    }
    Ok(fw)
}

/// The day the demo's review opens on: inside the last month with readings.
pub fn demo_review_day(today: Date, fw: &Framework) -> Date {
    last_month(today, fw.settings().fiscal_year_start).start()
}

/// The month before `today`'s: the demo's last month with readings.
fn last_month(today: Date, fiscal: FiscalYearStart) -> Period {
    Period::containing(today, Frequency::Monthly, fiscal).previous()
}

/// `value` to the nearest multiple of `step`, without `0.1 * 943 = 94.30000000000001`.
fn round_to(value: f64, step: f64) -> f64 {
    if step < 1.0 {
        let per_unit = (1.0 / step).round();
        (value * per_unit).round() / per_unit
    } else {
        (value / step).round() * step
    }
}
