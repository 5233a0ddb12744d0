//! A word-sized trend of a KPI's recent readings, drawn in its table row.
//!
//! A full chart per row would cost a plotters run (and its text measuring) per KPI on every
//! edit; a sparkline needs no axes or text, so it is a few SVG paths computed here, on the host,
//! and put into the page by the row as plain attributes. What it shows in lines, its
//! [`Sparkline::description`] says in words, for screen readers.

use super::trend::TrendSeries;
use crate::domain::format::{hundredths, num, unit_around};

/// Width of a sparkline's drawing, in SVG user units (CSS pixels at 1:1).
pub const WIDTH: f64 = 96.0;
/// Height of a sparkline's drawing, in SVG user units.
pub const HEIGHT: f64 = 24.0;
/// Room kept around the drawing so the line's ends and dots are not clipped.
const INSET: f64 = 3.0;

/// The paths of one sparkline, ready to be written into an `<svg viewBox="0 0 96 24">`.
#[derive(Clone, Debug, PartialEq)]
pub struct Sparkline {
    /// The readings as one path (`M`/`L`), broken where a period has no reading.
    pub line: String,
    /// The target as a stepped path, one step per period, or empty for a range KPI.
    pub target: String,
    /// The band of good values (range or tolerance) as one path of rectangles, or empty.
    pub band: String,
    /// The latest reading's position, marked with a dot.
    pub last: (f64, f64),
    /// The same content in words, for the drawing's accessible name.
    pub description: String,
}

/// Draws `series` as a sparkline, or `None` when fewer than two periods have a reading (one
/// dot is not a trend, and the row already shows the value).
///
/// Each point is one measurement period, spaced evenly; the vertical range covers the readings
/// and the goal, so the line's distance from the target is honest.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::charts::{sparkline, trend_series};
/// use kra_kpi::domain::template::sales_executive;
///
/// let mut fw = sales_executive();
/// let leads = fw.kpis()[1].id;
/// fw.add_reading(leads, date(2026, 9, 1), 40.0, "").unwrap();
/// fw.add_reading(leads, date(2026, 11, 1), 45.0, "").unwrap();
/// let line = sparkline(&trend_series(&fw, leads, 12).unwrap()).unwrap();
/// assert_eq!(line.line.matches('M').count(), 2); // October has no reading: the line breaks
/// assert!(line.description.starts_with("Last 3 periods, Sep 2026 to Nov 2026: 40, no reading, 45 leads"));
/// ```
pub fn sparkline(series: &TrendSeries) -> Option<Sparkline> {
    let points = &series.points;
    if points.iter().filter(|p| p.value.is_some()).count() < 2 {
        return None;
    }
    let goals = |i: usize| match series.band(&points[i]) {
        Some((low, high)) => [low, high],
        None => [points[i].target; 2],
    };
    let values = points.iter().enumerate().flat_map(|(i, p)| p.value.into_iter().chain(goals(i)));
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if !(hi - lo).is_finite() {
        return None;
    }
    // A flat series is drawn across the middle rather than divided by zero.
    let span = if hi > lo { hi - lo } else { 1.0 };
    let mid = if hi > lo { 0.0 } else { 0.5 };
    let y = |v: f64| HEIGHT - INSET - ((v - lo) / span + mid) * (HEIGHT - 2.0 * INSET);
    // Each period owns an equal slot; its reading sits at the slot's middle.
    let slot = (WIDTH - 2.0 * INSET) / points.len() as f64;
    let left = |i: usize| INSET + slot * i as f64;
    let centre = |i: usize| left(i) + slot / 2.0;

    // Coordinates to two decimals: finer than a pixel in a 96 × 24 drawing, and short attributes.
    let mut line = String::new();
    let mut pen_down = false;
    let mut last = (0.0, 0.0);
    for (i, p) in points.iter().enumerate() {
        match p.value {
            Some(v) => {
                last = (hundredths(centre(i)), hundredths(y(v)));
                line.push_str(&format!("{}{} {}", if pen_down { 'L' } else { 'M' }, last.0, last.1));
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    // A range or tolerance is a band of good values; every KPI but a range also has a target line.
    let mut target = String::new();
    let mut band = String::new();
    for (i, p) in points.iter().enumerate() {
        let (x0, x1) = (hundredths(left(i)), hundredths(left(i) + slot));
        if let Some((low, high)) = series.band(p) {
            band.push_str(&format!("M{x0} {}H{x1}V{}H{x0}Z", hundredths(y(high)), hundredths(y(low))));
        }
        if series.has_target_line() {
            target.push_str(&format!("M{x0} {}H{x1}", hundredths(y(p.target))));
        }
    }
    Some(Sparkline { line, target, band, last, description: describe(series) })
}

/// "Last 6 periods, Jun 2026 to Nov 2026: 40, 42, no reading, 45, 48, 52 leads. Target 50 leads."
fn describe(series: &TrendSeries) -> String {
    let points = &series.points;
    let (Some(first), Some(last)) = (points.first(), points.last()) else { return String::new() };
    let values: Vec<String> = points.iter().map(|p| p.value.map_or_else(|| "no reading".to_owned(), num)).collect();
    // The unit once, after the list, as people say it: "40, 42, 45 leads".
    let listed = unit_around(values.join(", "), &series.unit);
    let goal_word = if series.has_target_line() { "Target" } else { "Range" };
    format!(
        "Last {} periods, {} to {}: {listed}. {goal_word} {}.",
        points.len(),
        first.label,
        last.label,
        series.goal(last)
    )
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::charts::trend_series;
    use crate::domain::direction::Direction;
    use crate::domain::template::sales_executive;

    fn series_with(values: &[Option<f64>], direction: Direction) -> TrendSeries {
        let mut fw = sales_executive();
        let id = fw.kpis()[1].id;
        let mut spec = fw.kpi(id).unwrap().spec.clone();
        spec.direction = direction;
        fw.update_kpi(id, spec).unwrap();
        for (i, v) in values.iter().enumerate() {
            if let Some(v) = v {
                fw.add_reading(id, date(2026, 1 + i as i8, 1), *v, "").unwrap();
            }
        }
        trend_series(&fw, id, 12).unwrap()
    }

    #[test]
    fn one_reading_is_not_a_trend() {
        assert_eq!(sparkline(&series_with(&[Some(5.0)], Direction::HigherIsBetter)), None);
    }

    #[test]
    fn a_rising_line_rises_and_stays_inside_the_drawing() {
        let s = sparkline(&series_with(&[Some(10.0), Some(20.0), Some(30.0)], Direction::HigherIsBetter)).unwrap();
        let ys: Vec<f64> = s
            .line
            .split(['M', 'L'])
            .filter(|p| !p.is_empty())
            .map(|p| p.split(' ').nth(1).unwrap().parse().unwrap())
            .collect();
        assert_eq!(ys.len(), 3);
        assert!(ys[0] > ys[1] && ys[1] > ys[2], "SVG y grows downwards: {ys:?}");
        assert!(ys.iter().all(|&y| (INSET..=HEIGHT - INSET).contains(&y)), "{ys:?}");
        assert_eq!(s.last.1, ys[2]);
        assert!(s.band.is_empty());
        assert_eq!(s.target.matches('M').count(), 3, "one target step per period: {}", s.target);
    }

    #[test]
    fn a_range_is_a_band_with_no_target_line_and_is_named_a_range() {
        let s = sparkline(&series_with(&[Some(7.5), Some(9.0)], Direction::KeepWithinRange { min: 7.0, max: 8.0 }))
            .unwrap();
        assert!(s.target.is_empty());
        assert_eq!(s.band.matches('Z').count(), 2);
        assert!(s.description.ends_with("Range 7–8 leads."), "{}", s.description);
    }

    #[test]
    fn a_missing_period_breaks_the_line_and_is_said() {
        let s = sparkline(&series_with(&[Some(1.0), None, Some(3.0)], Direction::HigherIsBetter)).unwrap();
        assert_eq!(s.line.matches('M').count(), 2);
        assert!(!s.line.contains('L'));
        assert!(s.description.contains("1, no reading, 3 leads"), "{}", s.description);
    }

    #[test]
    fn the_unit_is_said_once_after_the_list_and_a_currency_symbol_before_it() {
        let s = sparkline(&series_with(&[Some(1.0), Some(2.0)], Direction::HigherIsBetter)).unwrap();
        assert!(s.description.contains(": 1, 2 leads."), "{}", s.description);
        assert_eq!(unit_around("5, 6".into(), "₹"), "₹5, 6");
    }

    #[test]
    fn a_flat_series_is_drawn_across_the_middle() {
        let mut series = series_with(&[Some(4.0), Some(4.0)], Direction::HigherIsBetter);
        for p in &mut series.points {
            p.target = 4.0;
        }
        let s = sparkline(&series).unwrap();
        assert_eq!(s.last.1, HEIGHT / 2.0);
    }
}
