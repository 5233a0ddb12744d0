//! Prints a synthetic scorecard, saved exactly as the app saves it, for the browser benchmark
//! (`scripts/bench.mjs`), which seeds it into localStorage and times the UI on it.
//!
//! Run: `cargo run --example gen_scorecard -- <kpis> <readings_per_kpi> <today YYYY-MM-DD>`
//!
//! The scorecard is built through the crate's own API (`Framework` edits, then
//! `storage::codec::encode_revision`), so it is always a valid save of this build:
//!
//! - KRAs of 20 KPIs each (the last one holds the remainder), KRA weights equal, KPI weights
//!   equal within a KRA, each adding up to 100 %;
//! - monthly, higher-is-better KPIs with a target of 100;
//! - `readings_per_kpi` monthly readings per KPI, for the months ending with the month before
//!   `today`'s, so the current month has no reading yet and the first reading a user enters
//!   for it changes the KPI's score;
//! - values from 60 to 130 with one decimal, and a "short note" on about 1 reading in 20, drawn
//!   from a tiny LCG so the output is the same on every run (no `rand` dependency).

use jiff::civil::Date;
use jiff::Span;
use kra_kpi::domain::direction::Direction;
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::kpi::KpiSpec;
use kra_kpi::domain::kra::KraDraft;
use kra_kpi::storage::codec::encode_revision;

/// KPIs per KRA.
const KPIS_PER_KRA: usize = 20;

/// Knuth's MMIX LCG; the high bits are the well-mixed ones.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn usage() -> ! {
    eprintln!("usage: gen_scorecard <kpis> <readings_per_kpi> <today YYYY-MM-DD>");
    std::process::exit(2);
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [kpis, readings, today] = args.as_slice() else { usage() };
    let (Ok(kpis), Ok(readings), Ok(today)) = (kpis.parse::<usize>(), readings.parse::<i64>(), today.parse::<Date>())
    else {
        usage()
    };

    let mut fw = Framework::new("Benchmark scorecard");
    let mut rng = Lcg(42);
    let this_month = today.first_of_month();
    let kra_count = kpis.div_ceil(KPIS_PER_KRA);
    for k in 0..kra_count {
        let kra = fw.add_kra(KraDraft::new(&format!("Result area {}", k + 1), 100.0 / kra_count as f64)).unwrap();
        let in_kra = KPIS_PER_KRA.min(kpis - k * KPIS_PER_KRA);
        for p in 0..in_kra {
            let name = format!("Indicator {}.{}", k + 1, p + 1);
            let spec = KpiSpec {
                weight: 100.0 / in_kra as f64,
                ..KpiSpec::new(&name, "units", Direction::HigherIsBetter, 100.0)
            };
            let kpi = fw.add_kpi(kra, spec).unwrap();
            // Oldest first: `readings` months back, up to last month.
            for back in (1..=readings).rev() {
                let day = this_month.checked_sub(Span::new().months(back)).unwrap();
                let value = 60.0 + (rng.next() % 701) as f64 / 10.0;
                let note = if rng.next() % 20 == 0 { "short note" } else { "" };
                fw.add_reading(kpi, day, value, note).unwrap();
            }
        }
    }
    println!("{}", encode_revision(&fw, 1));
}
