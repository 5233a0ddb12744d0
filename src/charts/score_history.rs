//! The overall score and each KRA's score over the last review periods, as one line chart.
//!
//! Built for a review meeting and a printed report: the overall line is the heaviest, each KRA
//! has its own colour *and* marker shape (so the chart reads in grey print and for colour-blind
//! readers), the legend has its own band above the plot, a period still in progress has hollow
//! markers and says "so far" under its label, and a line breaks where a period has no score
//! rather than drawing through it.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::svg_backend::{font, hidden_from_screen_readers, label_step, text_size, SvgBackend};
use crate::domain::format::num;
use crate::domain::score_history::{HistoryPeriod, ScoreHistory};

/// Above this many KRAs, only the overall line is drawn: more lines than this cannot be told
/// apart, and every KRA's figures stay in the chart's table.
pub const MAX_KRA_LINES: usize = 6;

/// Chart text size in pixels, at the size the chart is drawn (the UI never scales it down).
const FONT: f64 = 12.0;
const MARGIN: i32 = 12;
const LEGEND_ROW: i32 = 20;
/// Width of a legend entry's sample (a short line with its marker).
const SAMPLE: i32 = 22;
/// Width of the score axis's labels ("100 %").
const Y_LABELS: i32 = 48;

const OVERALL_COLOUR: RGBColor = RGBColor(0x1f, 0x29, 0x33);
const REFERENCE_COLOUR: RGBColor = RGBColor(0x52, 0x60, 0x6d);
/// Distinct for the common kinds of colour blindness (after Okabe and Ito, darkened to 4.5:1 on
/// white); `style/kra-kpi.css` maps each to a lighter one in the dark theme.
const KRA_COLOURS: [RGBColor; MAX_KRA_LINES] = [
    RGBColor(0x00, 0x72, 0xb2),
    RGBColor(0xc2, 0x4e, 0x00),
    RGBColor(0x11, 0x77, 0x33),
    RGBColor(0xaa, 0x33, 0x77),
    RGBColor(0x7a, 0x5c, 0x00),
    RGBColor(0x33, 0x22, 0x88),
];

/// A marker shape, so lines differ by more than colour.
#[derive(Clone, Copy)]
enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
    TriangleDown,
    Hexagon,
    Pentagon,
}

const KRA_MARKERS: [Marker; MAX_KRA_LINES] =
    [Marker::Square, Marker::Triangle, Marker::Diamond, Marker::TriangleDown, Marker::Hexagon, Marker::Pentagon];

/// One line of the chart: its name, look, and a score per period.
struct Line<'a> {
    name: &'a str,
    colour: RGBColor,
    marker: Marker,
    width: u32,
    scores: Vec<Option<f64>>,
}

/// Whether the chart draws a line per KRA: for two to [`MAX_KRA_LINES`] KRAs (a single KRA's
/// line would lie exactly under the overall line).
pub fn draws_kra_lines(history: &ScoreHistory) -> bool {
    (2..=MAX_KRA_LINES).contains(&history.kras.len())
}

/// Draws `history` as an SVG `width` pixels wide: the legend band (as many rows as the names
/// need) above a plot `plot_height` pixels high.
///
/// Returns the SVG text, or the plotting error as text (the UI then shows the table alone).
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::charts::score_history::score_history_svg;
/// use kra_kpi::domain::period::{Frequency, Period};
/// use kra_kpi::domain::score_history::score_history;
/// use kra_kpi::domain::template::sales_executive;
///
/// let mut fw = sales_executive();
/// fw.add_reading(fw.kpis()[1].id, date(2026, 10, 1), 40.0, "").unwrap();
/// let october = Period::containing(date(2026, 10, 1), Frequency::Monthly, fw.settings().fiscal_year_start);
/// let svg = score_history_svg(&score_history(&fw, &october, 12, date(2026, 11, 23)), 640, 220).unwrap();
/// assert!(svg.starts_with("<svg") && svg.contains("Oct 2026") && svg.contains("Overall"));
/// ```
pub fn score_history_svg(history: &ScoreHistory, width: u32, plot_height: u32) -> Result<String, String> {
    if history.periods.is_empty() {
        return Err("no scored period to draw".into());
    }
    let lines = lines(history);
    let legend = legend_layout(&lines, width as i32);
    let legend_height = legend.last().map_or(0, |e| e.y) + LEGEND_ROW / 2 + 6;
    let height = legend_height as u32 + plot_height;
    let mut svg = String::new();
    draw(history, &lines, &legend, legend_height, &mut svg, (width, height)).map_err(|e| e.to_string())?;
    Ok(hidden_from_screen_readers(svg))
}

fn lines(history: &ScoreHistory) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    if draws_kra_lines(history) {
        for (i, (_, name)) in history.kras.iter().enumerate() {
            lines.push(Line {
                name,
                colour: KRA_COLOURS[i],
                marker: KRA_MARKERS[i],
                width: 2,
                scores: history.periods.iter().map(|p| p.kras[i].score).collect(),
            });
        }
    }
    // Drawn last, so the overall line is on top.
    lines.push(Line {
        name: "Overall",
        colour: OVERALL_COLOUR,
        marker: Marker::Circle,
        width: 3,
        scores: history.periods.iter().map(|p| p.overall.score).collect(),
    });
    lines
}

/// The score axis `(low, high, step)`: from a little below the lowest score to a little above
/// the highest, always including 100 % (on target), in steps of 10, 20 or 50 so that there are
/// at most about eight; never below 0 unless a score is. A line chart need not start at 0, and
/// starting near the data shows the month-to-month changes a review is about.
///
/// `None` when the scores are too far apart to draw.
fn score_axis(scores: impl Iterator<Item = f64>) -> Option<(f64, f64, f64)> {
    let (lo, hi) = scores.fold((100.0_f64, 100.0_f64), |(lo, hi), s| (lo.min(s), hi.max(s)));
    if !(hi - lo).is_finite() {
        return None;
    }
    let floor = if lo >= 0.0 { 0.0 } else { f64::NEG_INFINITY };
    let (lo, hi) = ((lo - 10.0).max(floor), hi + 5.0);
    let step =
        [10.0, 20.0, 50.0].into_iter().find(|s| (hi - lo) / s <= 8.0).unwrap_or_else(|| ((hi - lo) / 8.0).ceil());
    Some(((lo / step).floor() * step, (hi / step).ceil() * step, step))
}

/// Where one legend entry goes: its sample's left edge and middle, and its (shortened) text.
struct LegendEntry {
    x: i32,
    y: i32,
    text: String,
}

/// Lays the legend out left to right, "Overall" first, wrapping onto new rows; a name too long
/// for a row is shortened with "…" (the table has it in full).
fn legend_layout(lines: &[Line], width: i32) -> Vec<LegendEntry> {
    let room = width - 2 * MARGIN;
    let max_text = (room - SAMPLE - 6).max(40);
    let (mut x, mut y) = (MARGIN, 4 + LEGEND_ROW / 2);
    let mut entries = Vec::new();
    let order = lines.iter().rev().take(1).chain(lines.iter().take(lines.len().saturating_sub(1)));
    for line in order {
        let text = shorten(line.name, max_text);
        let entry_width = SAMPLE + 6 + text_size(&text, FONT).0 as i32;
        if x > MARGIN && x + entry_width > MARGIN + room {
            x = MARGIN;
            y += LEGEND_ROW;
        }
        entries.push(LegendEntry { x, y, text });
        x += entry_width + 16;
    }
    entries
}

/// `text`, cut with "…" to at most `max_width` pixels.
fn shorten(text: &str, max_width: i32) -> String {
    if text_size(text, FONT).0 as i32 <= max_width {
        return text.to_owned();
    }
    let keep = (max_width as f64 / (FONT * 0.56)).floor() as usize;
    let cut: String = text.chars().take(keep.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

type Root<'a> = DrawingArea<SvgBackend<'a>, Shift>;

fn draw(
    history: &ScoreHistory,
    lines: &[Line],
    legend: &[LegendEntry],
    legend_height: i32,
    svg: &mut String,
    size: (u32, u32),
) -> Result<(), Box<dyn std::error::Error>> {
    let n = history.periods.len();
    let scores = lines.iter().flat_map(|l| l.scores.iter().flatten().copied());
    let (lo, hi, step) = score_axis(scores).ok_or("the scores are too large to chart")?;
    // Room on the right for half of the last period's label, centred under its mark.
    let widest = history.periods.iter().map(|p| text_size(&p.label, FONT).0).max().unwrap_or(0) as i32;
    let slot_guess = (size.0 as i32 - 2 * MARGIN - Y_LABELS) / n as i32;
    let right_margin = MARGIN.max(widest / 2 - slot_guess / 2 + 4);

    let root = SvgBackend::with_string(svg, size).into_drawing_area();
    root.fill(&WHITE)?;
    let any_in_progress = history.periods.iter().any(|p| p.in_progress);
    let mut chart = ChartBuilder::on(&root)
        .margin(MARGIN as u32)
        .margin_top(legend_height as u32)
        .margin_right(right_margin as u32)
        .x_label_area_size(if any_in_progress { 40 } else { 24 })
        .y_label_area_size(Y_LABELS as u32)
        .build_cartesian_2d(-0.5..n as f64 - 0.5, lo..hi)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .max_light_lines(0)
        .bold_line_style(RGBColor(0xd9, 0xe2, 0xec))
        .x_labels(0)
        .y_labels(((hi - lo) / step).round() as usize + 1)
        .y_label_formatter(&|y| format!("{} %", num(*y)))
        .label_style(font(FONT))
        .draw()?;

    // 100 % is on target: a quiet dashed reference line across the plot.
    let (left, hundred) = chart.backend_coord(&(-0.5, 100.0));
    let (right, _) = chart.backend_coord(&(n as f64 - 0.5, 100.0));
    root.draw(&DashedPathElement::new(
        vec![(left, hundred), (right, hundred)],
        5,
        4,
        REFERENCE_COLOUR.stroke_width(1),
    ))?;

    // Period labels under their points, as many as fit, always the last (the period shown).
    let slot = (right - left) as f64 / n as f64;
    let step = label_step(widest as f64, slot);
    let (_, bottom) = chart.backend_coord(&(0.0, lo));
    let centred = TextStyle::from(font(FONT)).pos(Pos::new(HPos::Center, VPos::Top));
    for (i, period) in history.periods.iter().enumerate().filter(|(i, _)| (n - 1 - i) % step == 0) {
        let (x, _) = chart.backend_coord(&(i as f64, lo));
        root.draw(&Text::new(period.label.clone(), (x, bottom + 6), centred.clone()))?;
        if period.in_progress {
            root.draw(&Text::new("(so far)", (x, bottom + 22), centred.clone()))?;
        }
    }

    for line in lines {
        let at = |i: usize, s: f64| chart.backend_coord(&(i as f64, s));
        // A gap in the scores is a gap in the line.
        let mut run: Vec<(i32, i32)> = Vec::new();
        for (i, score) in line.scores.iter().enumerate() {
            match score {
                Some(s) => run.push(at(i, *s)),
                None => flush_run(&root, &mut run, line)?,
            }
        }
        flush_run(&root, &mut run, line)?;
        for (i, score) in line.scores.iter().enumerate() {
            if let Some(s) = score {
                mark(&root, line.marker, at(i, *s), line.colour, !history.periods[i].in_progress)?;
            }
        }
    }

    let left_text = TextStyle::from(font(FONT)).pos(Pos::new(HPos::Left, VPos::Center));
    let legend_lines = lines.iter().rev().take(1).chain(lines.iter().take(lines.len() - 1));
    for (entry, line) in legend.iter().zip(legend_lines) {
        root.draw(&PathElement::new(
            vec![(entry.x, entry.y), (entry.x + SAMPLE, entry.y)],
            line.colour.stroke_width(line.width),
        ))?;
        mark(&root, line.marker, (entry.x + SAMPLE / 2, entry.y), line.colour, true)?;
        root.draw(&Text::new(entry.text.clone(), (entry.x + SAMPLE + 6, entry.y), left_text.clone()))?;
    }
    root.present()?;
    Ok(())
}

/// Draws the points collected so far as one stretch of `line`, and starts a new stretch.
fn flush_run(root: &Root, run: &mut Vec<(i32, i32)>, line: &Line) -> Result<(), Box<dyn std::error::Error>> {
    if run.len() > 1 {
        root.draw(&PathElement::new(std::mem::take(run), line.colour.stroke_width(line.width)))?;
    }
    run.clear();
    Ok(())
}

/// Draws `marker` centred on `at`: filled for a final score, hollow (white inside) for a score
/// so far.
fn mark(
    root: &Root,
    marker: Marker,
    at: (i32, i32),
    colour: RGBColor,
    filled: bool,
) -> Result<(), Box<dyn std::error::Error>> {
    let (x, y) = at;
    let outline = colour.stroke_width(2);
    let points: Vec<(i32, i32)> = match marker {
        Marker::Circle => {
            if filled {
                root.draw(&Circle::new(at, 5, colour.filled()))?;
            } else {
                root.draw(&Circle::new(at, 5, WHITE.filled()))?;
                root.draw(&Circle::new(at, 5, outline))?;
            }
            return Ok(());
        }
        Marker::Square => vec![(x - 4, y - 4), (x + 4, y - 4), (x + 4, y + 4), (x - 4, y + 4)],
        Marker::Triangle => vec![(x, y - 6), (x + 5, y + 4), (x - 5, y + 4)],
        Marker::Diamond => vec![(x, y - 6), (x + 6, y), (x, y + 6), (x - 6, y)],
        Marker::TriangleDown => vec![(x, y + 6), (x + 5, y - 4), (x - 5, y - 4)],
        Marker::Hexagon => vec![(x - 3, y - 5), (x + 3, y - 5), (x + 6, y), (x + 3, y + 5), (x - 3, y + 5), (x - 6, y)],
        Marker::Pentagon => vec![(x, y - 6), (x + 6, y - 1), (x + 4, y + 5), (x - 4, y + 5), (x - 6, y - 1)],
    };
    root.draw(&Polygon::new(points.clone(), if filled { colour.filled() } else { WHITE.filled() }))?;
    if !filled {
        let mut closed = points;
        closed.push(closed[0]);
        root.draw(&PathElement::new(closed, outline))?;
    }
    Ok(())
}

/// A description of the chart for its accessible name and caption: the span, the overall
/// score at either end, its best and worst period, and which KRAs have lines.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::charts::score_history::describe;
/// use kra_kpi::domain::period::{Frequency, Period};
/// use kra_kpi::domain::score_history::score_history;
/// use kra_kpi::domain::template::sales_executive;
///
/// let mut fw = sales_executive();
/// fw.add_reading(fw.kpis()[1].id, date(2026, 10, 1), 40.0, "").unwrap();
/// let october = Period::containing(date(2026, 10, 1), Frequency::Monthly, fw.settings().fiscal_year_start);
/// let text = describe(&score_history(&fw, &october, 12, date(2026, 11, 23)));
/// assert!(text.starts_with("Overall score: 80 % (Amber) in Oct 2026."), "{text}");
/// ```
pub fn describe(history: &ScoreHistory) -> String {
    let scored: Vec<&HistoryPeriod> = history.periods.iter().filter(|p| p.overall.score.is_some()).collect();
    let score = |p: &HistoryPeriod| p.overall.score.unwrap_or(0.0);
    let say = |p: &HistoryPeriod| {
        let so_far = if p.in_progress { ", so far" } else { "" };
        format!("{} % ({}{so_far}) in {}", num(score(p)), p.overall.status.label(), p.label)
    };
    let mut text = match scored.as_slice() {
        [] => return "No scores yet in these review periods.".to_owned(),
        [only] => format!("Overall score: {}.", say(only)),
        [first, .., last] => {
            // The latest of equal highs and lows, as a reader scanning back from today would name it.
            let best = scored.iter().max_by(|a, b| score(a).total_cmp(&score(b))).unwrap_or(last);
            let worst = scored.iter().rev().min_by(|a, b| score(a).total_cmp(&score(b))).unwrap_or(last);
            let (from, to) = (&first.label, &last.label);
            format!(
                "Overall score from {from} to {to}: {}, then {}; highest {}, lowest {}.",
                say(first),
                say(last),
                say(best),
                say(worst)
            )
        }
    };
    let missing = history.periods.len() - scored.len();
    if missing > 0 {
        text.push_str(&format!(" {missing} period(s) without a score."));
    }
    if draws_kra_lines(history) {
        let names: Vec<&str> = history.kras.iter().map(|(_, n)| n.as_str()).collect();
        text.push_str(&format!(" One line per KRA: {}.", names.join(", ")));
    } else if history.kras.len() > MAX_KRA_LINES {
        text.push_str(&format!(" The {} KRAs' scores are in the chart's table.", history.kras.len()));
    }
    text
}
