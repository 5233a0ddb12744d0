//! A KPI's readings over time against its target.

use jiff::civil::Date;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::svg_backend::{self, font, SvgBackend};
use crate::domain::direction::Direction;
use crate::domain::format::{goal_text, num, with_unit};
use crate::domain::framework::Framework;
use crate::domain::id::Id;
use crate::domain::period::days_between;

/// One point of a trend: a measurement period, its reading (if any) and its target.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    pub period_start: Date,
    /// The first day after the period.
    pub period_end: Date,
    pub label: String,
    pub value: Option<f64>,
    pub target: f64,
}

/// The data behind a trend chart, also shown as a table for screen readers.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendSeries {
    pub kpi_name: String,
    pub unit: String,
    /// What the KPI aims at: a range or a tolerance is drawn as a band.
    pub direction: Direction,
    pub points: Vec<TrendPoint>,
}

/// Collects a KPI's readings, one point per measurement period from its first to its last
/// reading (periods without a reading keep their target so gaps stay honest), at most the last
/// `max_points` periods.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::charts::trend_series;
/// use kra_kpi::domain::template::sales_executive;
///
/// let mut fw = sales_executive();
/// let leads = fw.kpis()[1].id;
/// fw.add_reading(leads, date(2026, 9, 1), 40.0, "").unwrap();
/// fw.add_reading(leads, date(2026, 11, 1), 45.0, "").unwrap();
/// let series = trend_series(&fw, leads, 24).unwrap();
/// assert_eq!(series.points.len(), 3); // Sep, Oct (no reading), Nov
/// assert_eq!(series.points[1].value, None);
/// ```
pub fn trend_series(fw: &Framework, kpi: Id, max_points: usize) -> Option<TrendSeries> {
    let k = fw.kpi(kpi)?;
    let readings = fw.readings_of(kpi);
    let (first, last) = (*readings.first()?.0, *readings.last()?.0);
    // Walk back from the latest period, so a KPI with years of readings costs `max_points`
    // steps, not one per period since the first reading.
    let first_period = fw.period_of(k, first);
    let mut period = fw.period_of(k, last);
    let mut points = Vec::new();
    loop {
        let value = fw.readings_in(kpi, &period).next_back().map(|(_, r)| r.value);
        points.push(TrendPoint {
            period_start: period.start(),
            period_end: period.end(),
            label: period.label(),
            value,
            target: k.spec.target.target_for(&period),
        });
        if points.len() >= max_points.max(1) || period.start() <= first_period.start() {
            break;
        }
        period = period.previous();
    }
    points.reverse();
    Some(TrendSeries { kpi_name: k.spec.name.clone(), unit: k.spec.unit.clone(), direction: k.spec.direction, points })
}

impl TrendSeries {
    /// The band of good values in `point`'s period, for a range or a hit-a-value KPI:
    /// `(low, high)`.
    pub fn band(&self, point: &TrendPoint) -> Option<(f64, f64)> {
        match self.direction {
            Direction::KeepWithinRange { min, max } => Some((min, max)),
            Direction::HitValue { tolerance } => Some((point.target - tolerance, point.target + tolerance)),
            Direction::HigherIsBetter | Direction::LowerIsBetter => None,
        }
    }

    /// Whether the chart draws a target line: not for a range, whose target number means nothing.
    pub(crate) fn has_target_line(&self) -> bool {
        !matches!(self.direction, Direction::KeepWithinRange { .. })
    }

    /// The chart's goal in words for `point`: "50 leads", "7–8 hours", "100 ± 5 people".
    pub fn goal(&self, point: &TrendPoint) -> String {
        goal_text(&self.direction, point.target, &self.unit)
    }
}

/// Room above the plot for the legend, in pixels.
const LEGEND_HEIGHT: u32 = 26;

const READING_COLOUR: RGBColor = RGBColor(0x1d, 0x4e, 0xd8);
const TARGET_COLOUR: RGBColor = RGBColor(0xb4, 0x53, 0x09);
/// The band of good values is the target's colour, faint enough for the readings to stand out.
const BAND_OPACITY: f64 = 0.16;

/// Draws the series as an SVG line chart `width` × `height` pixels: readings as a solid line
/// with dots, the target as a dashed line.
///
/// Returns the SVG text, or the plotting error as text (the UI then shows the table alone).
pub fn trend_svg(series: &TrendSeries, width: u32, height: u32) -> Result<String, String> {
    let mut svg = String::new();
    draw(series, &mut svg, width, height).map_err(|e| e.to_string())?;
    Ok(svg_backend::hidden_from_screen_readers(svg))
}

fn draw(series: &TrendSeries, svg: &mut String, width: u32, height: u32) -> Result<(), Box<dyn std::error::Error>> {
    let origin = series.points.first().map(|p| p.period_start).ok_or("no readings to draw")?;
    let x_of = |d: Date| days_between(origin, d) as f64;
    // A reading stands for its whole period: plot it at the period's middle, and draw the
    // target as a step across each period.
    let mid_of = |p: &TrendPoint| (x_of(p.period_start) + x_of(p.period_end)) / 2.0;
    let last_x = series.points.last().map_or(1.0, |p| x_of(p.period_end)).max(1.0);
    let goals = |p: &TrendPoint| match series.band(p) {
        Some((low, high)) => vec![low, high],
        None => vec![p.target],
    };
    let values = series.points.iter().flat_map(|p| p.value.into_iter().chain(goals(p)));
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if !(hi - lo).is_finite() {
        return Err("the values are too large to chart".into());
    }
    let pad = ((hi - lo).abs() * 0.1).max(hi.abs().max(1.0) * 0.05);
    let (lo, hi) = (if lo >= 0.0 { (lo - pad).max(0.0) } else { lo - pad }, hi + pad);

    // Room on the right for half of the latest period's label, centred under its period: the
    // plot would otherwise end where the label's middle is, and cut off its second half.
    // A sign (₹, $, %) reads best beside each figure, not turned on its side as the axis's title
    // the way a word (leads, hours) is; the figures' column then widens to fit the longest.
    let sign = !series.unit.trim().is_empty() && !series.unit.chars().any(char::is_alphabetic);
    let tick = |y: &f64| if sign { with_unit(*y, &series.unit) } else { num(*y) };
    let y_area = if sign {
        // Ticks can carry a decimal more than the ends: room for two more characters.
        let longest = [lo, hi, (lo + hi) / 2.0].iter().map(|y| tick(y).chars().count()).max().unwrap_or(0);
        svg_backend::text_size(&"0".repeat(longest + 2), 12.0).0.max(56)
    } else {
        56
    };
    let n = series.points.len().max(1);
    let widest = series.points.iter().map(|p| svg_backend::text_size(&p.label, 12.0).0).max().unwrap_or(0) as f64;
    let slot_guess = (width as f64 - 2.0 * 12.0 - y_area as f64) / n as f64;
    let right_margin = (widest / 2.0 - slot_guess / 2.0 + 4.0).ceil().max(12.0) as u32;

    let root = SvgBackend::with_string(svg, (width, height)).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .margin_top(LEGEND_HEIGHT)
        .margin_right(right_margin)
        .x_label_area_size(28)
        .y_label_area_size(y_area)
        .build_cartesian_2d(0.0..last_x, lo..hi)?;
    let mut mesh = chart.configure_mesh();
    mesh.disable_x_mesh()
        .max_light_lines(0)
        .bold_line_style(RGBColor(0xd9, 0xe2, 0xec))
        .x_labels(0)
        .y_label_formatter(&tick)
        .label_style(font(12.0));
    if !sign {
        mesh.y_desc(series.unit.as_str());
    }
    mesh.draw()?;

    // Period labels under each period's middle, as many as fit side by side at this width,
    // rather than plotters' evenly spaced numeric ticks, which would not line up with the periods.
    // Counted back from the latest period, so the most recent one is always labelled.
    let slot = (width as f64 - 12.0 - right_margin as f64 - y_area as f64) / n as f64;
    let step = svg_backend::label_step(widest, slot);
    let label_style = TextStyle::from(font(12.0)).pos(Pos::new(HPos::Center, VPos::Top));
    chart.draw_series(
        series
            .points
            .iter()
            .enumerate()
            .filter(|(i, _)| (n - 1 - i) % step == 0)
            .map(|(_, p)| EmptyElement::at((mid_of(p), lo)) + Text::new(p.label.clone(), (0, 6), label_style.clone())),
    )?;
    // A range or tolerance is a band of good values, one step per period.
    chart.draw_series(series.points.iter().filter_map(|p| {
        let (low, high) = series.band(p)?;
        Some(Rectangle::new(
            [(x_of(p.period_start), low), (x_of(p.period_end), high)],
            TARGET_COLOUR.mix(BAND_OPACITY).filled(),
        ))
    }))?;
    if series.has_target_line() {
        let target_points: Vec<(f64, f64)> = series
            .points
            .iter()
            .flat_map(|p| [(x_of(p.period_start), p.target), (x_of(p.period_end), p.target)])
            .collect();
        chart.draw_series(DashedLineSeries::new(target_points, 6, 4, TARGET_COLOUR.stroke_width(2)))?;
    }
    let reading_points: Vec<(f64, f64)> =
        series.points.iter().filter_map(|p| p.value.map(|v| (mid_of(p), v))).collect();
    chart.draw_series(LineSeries::new(reading_points.clone(), READING_COLOUR.stroke_width(2)))?;
    chart.draw_series(reading_points.iter().map(|&p| Circle::new(p, 4, READING_COLOUR.filled())))?;

    // The legend sits above the plot, right-aligned, where it can never cover a reading.
    // (plotters' own legend box measures its text in the page, see `svg_backend`.)
    let legend_style = TextStyle::from(font(12.0)).pos(Pos::new(HPos::Left, VPos::Center));
    let entry_width = |label: &str| 24 + svg_backend::text_size(label, 12.0).0 as i32 + 16;
    let y = LEGEND_HEIGHT as i32 / 2 + 2;
    let goal_label = match series.direction {
        Direction::KeepWithinRange { .. } => "Range",
        Direction::HitValue { .. } => "Target ± tolerance",
        Direction::HigherIsBetter | Direction::LowerIsBetter => "Target",
    };
    let mut x = width as i32 - 12 - entry_width(goal_label) - entry_width("Reading");
    if series.points.first().is_some_and(|p| series.band(p).is_some()) {
        root.draw(&Rectangle::new([(x, y - 6), (x + 18, y + 6)], TARGET_COLOUR.mix(BAND_OPACITY).filled()))?;
    }
    if series.has_target_line() {
        root.draw(&DashedPathElement::new(vec![(x, y), (x + 18, y)], 6, 4, TARGET_COLOUR.stroke_width(2)))?;
    }
    root.draw(&Text::new(goal_label, (x + 24, y), legend_style.clone()))?;
    x += entry_width(goal_label);
    root.draw(&PathElement::new(vec![(x, y), (x + 18, y)], READING_COLOUR.stroke_width(2)))?;
    root.draw(&Circle::new((x + 9, y), 4, READING_COLOUR.filled()))?;
    root.draw(&Text::new("Reading", (x + 24, y), legend_style))?;
    root.present()?;
    Ok(())
}

/// A one-sentence description of the chart for its accessible name.
pub fn describe(series: &TrendSeries) -> String {
    let with_values: Vec<&TrendPoint> = series.points.iter().filter(|p| p.value.is_some()).collect();
    match (with_values.first(), with_values.last()) {
        (Some(first), Some(last)) => format!(
            "{} from {} to {}: {} reading(s), latest {} against {} {}.",
            series.kpi_name,
            first.label,
            last.label,
            with_values.len(),
            with_unit(last.value.unwrap_or(0.0), &series.unit),
            if series.has_target_line() { "a target of" } else { "the range" },
            series.goal(last)
        ),
        _ => format!("{}: no readings yet.", series.kpi_name),
    }
}
