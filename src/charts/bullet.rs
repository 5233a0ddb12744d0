//! Every KPI of a review period as a bullet chart: its score as a bar over its own status bands
//! (red, amber, green), with a marker at the target (100 %).
//!
//! Scores, not raw values, share one axis: each KPI has its own unit and target, but every
//! score is "percent of the goal", and the bands are where that KPI's status changes (its own
//! thresholds, or its direction's defaults). The value and the goal stay in each row's text and
//! in the chart's table.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::status_colours::status_colours;
use super::svg_backend::{fit_text, font, hidden_from_screen_readers, text_size, SvgBackend};
use crate::domain::format::{goal_text, num, with_unit};
use crate::domain::framework::Framework;
use crate::domain::scoring::{Scorecard, Status, Thresholds};

/// One KPI's bullet.
#[derive(Clone, Debug, PartialEq)]
pub struct BulletRow {
    /// The KPI's name.
    pub name: String,
    /// The KRA it belongs to.
    pub kra: String,
    /// The period's value with its unit, "42 leads", or `None` without a reading.
    pub value: Option<String>,
    /// The goal in words: "50 leads", "7–8 hours".
    pub goal: String,
    /// The score in percent, `None` without a reading.
    pub score: Option<f64>,
    pub status: Status,
    /// Where this KPI turns amber and green; `None` without a reading.
    pub thresholds: Option<Thresholds>,
}

/// The bullets of one review period, in the scorecard's order (KRA by KRA).
#[derive(Clone, Debug, PartialEq)]
pub struct Bullets {
    /// "Nov 2026".
    pub period: String,
    /// The period contains today: its scores are so far.
    pub in_progress: bool,
    pub rows: Vec<BulletRow>,
}

/// The bullets of `card`'s period, one per KPI of `fw`.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::charts::bullet::bullets;
/// use kra_kpi::domain::period::{Frequency, Period};
/// use kra_kpi::domain::scoring::score_framework;
/// use kra_kpi::domain::template::sales_executive;
///
/// let mut fw = sales_executive();
/// fw.add_reading(fw.kpis()[1].id, date(2026, 10, 1), 40.0, "").unwrap();
/// let october = Period::containing(date(2026, 10, 1), Frequency::Monthly, fw.settings().fiscal_year_start);
/// let b = bullets(&fw, &score_framework(&fw, &october, date(2026, 11, 23)));
/// let leads = b.rows.iter().find(|r| r.name == "Leads converted").unwrap();
/// assert_eq!((leads.value.as_deref(), leads.goal.as_str(), leads.score), (Some("40 leads"), "50 leads", Some(80.0)));
/// ```
pub fn bullets(fw: &Framework, card: &Scorecard) -> Bullets {
    let mut rows = Vec::new();
    for kra in fw.kras() {
        for kpi in fw.kpis_of(kra.id) {
            let Some(s) = card.kpis.get(&kpi.id) else { continue };
            rows.push(BulletRow {
                name: kpi.spec.name.clone(),
                kra: kra.name.clone(),
                value: s.value.map(|v| with_unit(v, &kpi.spec.unit)),
                goal: goal_text(&kpi.spec.direction, s.target, &kpi.spec.unit),
                score: s.score,
                status: s.status,
                thresholds: s.thresholds,
            });
        }
    }
    Bullets { period: card.period.label(), in_progress: card.in_progress, rows }
}

/// "12 KPIs in Nov 2026 (so far): 5 Green, 2 Amber, 1 Red, 4 with no reading."
pub fn describe(b: &Bullets) -> String {
    let count = |status: Status| b.rows.iter().filter(|r| r.status == status).count();
    let mut parts: Vec<String> = [Status::Green, Status::Amber, Status::Red]
        .into_iter()
        .filter(|&s| count(s) > 0)
        .map(|s| format!("{} {}", count(s), s.label()))
        .collect();
    let none = count(Status::NoData);
    if none > 0 {
        parts.push(format!("{none} with no reading"));
    }
    let na = count(Status::NotApplicable);
    if na > 0 {
        parts.push(format!("{na} not applicable"));
    }
    format!(
        "{} KPI{} in {}{}: {}. Each bar is a score against its target at 100 %, over that KPI's red, amber and green bands.",
        b.rows.len(),
        if b.rows.len() == 1 { "" } else { "s" },
        b.period,
        if b.in_progress { " (so far)" } else { "" },
        if parts.is_empty() { "nothing to show".to_owned() } else { parts.join(", ") }
    )
}

const FONT: f64 = 12.0;
const MARGIN: i32 = 12;
const ROW: i32 = 30;
/// A row on a narrow chart: the name on a line of its own above the bar.
const STACKED_ROW: i32 = 46;
/// Below this width, names go above their bars, so neither is squeezed.
const STACKED_BELOW: u32 = 520;
const AXIS: i32 = 28;
const INK: RGBColor = RGBColor(0x1f, 0x29, 0x33);
const MUTED: RGBColor = RGBColor(0x52, 0x60, 0x6d);

/// The score axis's end: at least 120 % (room past the target), up to the highest score
/// rounded up to a step of 20.
fn axis_end(b: &Bullets) -> f64 {
    let top = b.rows.iter().filter_map(|r| r.score).fold(120.0_f64, f64::max);
    ((top / 20.0).ceil() * 20.0).min(1000.0)
}

/// Draws `b` as an SVG `width` pixels wide, a row per KPI.
///
/// Returns the SVG text, or the plotting error as text (the UI then shows the table alone).
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::charts::bullet::{bullet_svg, bullets};
/// use kra_kpi::domain::period::{Frequency, Period};
/// use kra_kpi::domain::scoring::score_framework;
/// use kra_kpi::domain::template::sales_executive;
///
/// let mut fw = sales_executive();
/// fw.add_reading(fw.kpis()[1].id, date(2026, 10, 1), 40.0, "").unwrap();
/// let october = Period::containing(date(2026, 10, 1), Frequency::Monthly, fw.settings().fiscal_year_start);
/// let svg = bullet_svg(&bullets(&fw, &score_framework(&fw, &october, date(2026, 11, 23))), 640).unwrap();
/// assert!(svg.contains("Leads converted") && svg.contains("! 80 %"));
/// ```
pub fn bullet_svg(b: &Bullets, width: u32) -> Result<String, String> {
    if b.rows.is_empty() {
        return Err("no KPI to draw".into());
    }
    let row = if width < STACKED_BELOW { STACKED_ROW } else { ROW };
    let height = (MARGIN * 2 + b.rows.len() as i32 * row + AXIS) as u32;
    let mut svg = String::new();
    draw(b, &mut svg, (width, height)).map_err(|e| e.to_string())?;
    Ok(hidden_from_screen_readers(svg))
}

fn draw(b: &Bullets, svg: &mut String, size: (u32, u32)) -> Result<(), Box<dyn std::error::Error>> {
    let root = SvgBackend::with_string(svg, size).into_drawing_area();
    root.fill(&WHITE)?;
    let width = size.0 as i32;
    let stacked = size.0 < STACKED_BELOW;
    let widest = b.rows.iter().map(|r| text_size(&r.name, FONT).0 as i32).max().unwrap_or(0);
    // The name column takes what the names need, up to a third of the chart (on a narrow chart
    // the names sit above the bars instead); the status text ("✓ 104 %") has its own column at
    // the right, so it never covers a bar.
    let names = if stacked { 0 } else { (widest + 12).min(width / 3) };
    let row = if stacked { STACKED_ROW } else { ROW };
    // Wide enough for every row's status as written ("○ No reading" is wider than any score).
    let statuses: Vec<String> = b.rows.iter().map(status_text).collect();
    let status_width = statuses
        .iter()
        .map(|s| text_size(s, FONT).0 as i32)
        .max()
        .unwrap_or(0)
        .max(text_size("✕ 1000 %", FONT).0 as i32)
        + 8;
    let x0 = MARGIN + names;
    let plot = (width - x0 - status_width - MARGIN).max(1);
    let end = axis_end(b);
    let x = |percent: f64| x0 + ((percent.clamp(0.0, end) / end) * plot as f64).round() as i32;
    let left = font(FONT).color(&INK).pos(Pos::new(HPos::Left, VPos::Center));
    for (i, (r, status)) in b.rows.iter().zip(statuses).enumerate() {
        let top = MARGIN + i as i32 * row;
        let (name, top) = if stacked {
            (fit_text(&r.name, FONT, width - 2 * MARGIN), top + 16)
        } else {
            (fit_text(&r.name, FONT, names - 12), top)
        };
        let mid = top + ROW / 2;
        let name_y = if stacked { top - 6 } else { mid };
        root.draw(&Text::new(name, (MARGIN, name_y), left.clone()))?;
        let (band_top, band_bottom) = (top + 5, top + ROW - 5);
        match r.thresholds {
            Some(t) => {
                for (from, to, status) in
                    [(0.0, t.amber, Status::Red), (t.amber, t.green, Status::Amber), (t.green, end, Status::Green)]
                {
                    if to > from {
                        let fill = status_colours(status).1;
                        root.draw(&Rectangle::new([(x(from), band_top), (x(to), band_bottom)], fill.filled()))?;
                    }
                }
            }
            None => root.draw(&Rectangle::new(
                [(x(0.0), band_top), (x(end), band_bottom)],
                status_colours(Status::NoData).1.filled(),
            ))?,
        }
        if let Some(score) = r.score {
            root.draw(&Rectangle::new([(x(0.0), mid - 4), (x(score).max(x(0.0) + 1), mid + 4)], INK.filled()))?;
        }
        // The target: 100 % of the goal.
        root.draw(&Rectangle::new([(x(100.0) - 1, top + 2), (x(100.0) + 1, top + ROW - 2)], INK.filled()))?;
        root.draw(&Text::new(status, (x(end) + 8, mid), left.clone()))?;
    }
    // The axis: 0, the target and the end, in percent, under the last row.
    let axis_y = MARGIN + b.rows.len() as i32 * row + 4;
    let centred = font(FONT).color(&MUTED).pos(Pos::new(HPos::Center, VPos::Top));
    let step = if end > 300.0 { 100.0 } else { 50.0 };
    let mut tick = 0.0;
    while tick <= end + 1e-9 {
        root.draw(&Text::new(format!("{} %", num(tick)), (x(tick), axis_y), centred.clone()))?;
        tick += step;
    }
    root.present()?;
    Ok(())
}

/// What a row says at its right: its symbol and score (`✓ 104 %`), or its status (`○ No reading`).
fn status_text(r: &BulletRow) -> String {
    match r.score {
        Some(score) => format!("{} {} %", r.status.symbol(), num(score)),
        None => format!("{} {}", r.status.symbol(), r.status.label()),
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::domain::period::{Frequency, Period};
    use crate::domain::scoring::score_framework;
    use crate::domain::template::sales_executive;

    fn october(readings: &[(usize, f64)]) -> Bullets {
        let mut fw = sales_executive();
        for &(i, v) in readings {
            fw.add_reading(fw.kpis()[i].id, date(2026, 10, 1), v, "").unwrap();
        }
        let oct = Period::containing(date(2026, 10, 1), Frequency::Monthly, fw.settings().fiscal_year_start);
        bullets(&fw, &score_framework(&fw, &oct, date(2026, 11, 23)))
    }

    #[test]
    fn every_kpi_is_a_row_and_one_without_a_reading_says_so() {
        let b = october(&[(1, 40.0)]);
        assert_eq!(b.rows.len(), sales_executive().kpis().len());
        let missing = b.rows.iter().find(|r| r.name != "Leads converted").unwrap();
        assert_eq!((missing.score, missing.thresholds, missing.status), (None, None, Status::NoData));
        let svg = bullet_svg(&b, 640).unwrap();
        assert!(svg.contains("○ No reading"), "{svg}");
        assert!(!b.in_progress);
        assert!(describe(&b).starts_with(&format!(
            "{} KPIs in Oct 2026: 1 Amber, {} with no reading.",
            b.rows.len(),
            b.rows.len() - 1
        )));
    }

    #[test]
    fn the_bands_are_the_kpis_own_thresholds_and_the_bar_ends_at_its_score() {
        let b = october(&[(1, 40.0)]);
        let leads = b.rows.iter().find(|r| r.name == "Leads converted").unwrap();
        assert_eq!(leads.thresholds, Some(Thresholds { green: 100.0, amber: 80.0 }));
        let svg = bullet_svg(&b, 640).unwrap();
        // Three bands for the scored row, one empty band for each other row, and for every row
        // a target marker; one bar.
        let rects = svg.matches("<rect").count();
        assert_eq!(rects, 1 + 3 + (b.rows.len() - 1) + b.rows.len() + 1, "{svg}");
    }

    #[test]
    fn a_narrow_chart_puts_whole_names_above_the_bars() {
        let b = october(&[(1, 40.0)]);
        let svg = bullet_svg(&b, 300).unwrap();
        assert!(svg.contains("Average response time to client queries"), "{svg}");
        assert!(svg.contains(&format!(r#"height="{}""#, 2 * MARGIN + b.rows.len() as i32 * STACKED_ROW + AXIS)));
        let wide = bullet_svg(&b, 640).unwrap();
        assert!(wide.contains(&format!(r#"height="{}""#, 2 * MARGIN + b.rows.len() as i32 * ROW + AXIS)));
    }

    #[test]
    fn every_status_fits_inside_the_chart() {
        // Five rows say "○ No reading", which is wider than any score ("✕ 1000 %").
        let b = october(&[(1, 40.0)]);
        for width in [300, 520, 640, 960] {
            let svg = bullet_svg(&b, width).unwrap();
            let mut found = 0;
            for piece in svg.split("<text").skip(1) {
                let Some(text) =
                    piece.split_once('>').and_then(|(_, rest)| rest.split_once("</text>")).map(|(t, _)| t.trim())
                else {
                    continue;
                };
                if !text.starts_with(['○', '✓', '!', '✕']) {
                    continue;
                }
                found += 1;
                let x: f64 = piece.split("x=\"").nth(1).and_then(|v| v.split('"').next()).unwrap().parse().unwrap();
                let right = x + f64::from(text_size(text, FONT).0);
                assert!(right <= f64::from(width) - 4.0, "{text:?} ends at {right} in a chart {width} wide");
            }
            assert_eq!(found, b.rows.len(), "{svg}");
        }
    }

    #[test]
    fn the_axis_stretches_past_the_highest_score() {
        let b = october(&[(1, 90.0)]); // 180 % of 50 leads
        assert_eq!(axis_end(&b), 180.0);
        assert_eq!(axis_end(&october(&[(1, 40.0)])), 120.0);
    }
}
