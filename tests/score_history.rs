//! The review's "scores over time": the figures are the review screen's own scores for each
//! period, and the chart drawn from them keeps its promises (legend above the data, 12 px text,
//! gaps shown as gaps, hollow marks for a period in progress, shapes as well as colours).

use jiff::civil::{date, Date};
use kra_kpi::charts::score_history::{describe, score_history_svg, MAX_KRA_LINES};
use kra_kpi::domain::demo::{demo, DEMO_SEED};
use kra_kpi::domain::direction::Direction;
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::kpi::KpiSpec;
use kra_kpi::domain::kra::KraDraft;
use kra_kpi::domain::period::{Frequency, Period};
use kra_kpi::domain::score_history::{score_history, score_history_with, ScoreHistory};
use kra_kpi::domain::scoring::score_framework;

const TODAY: Date = date(2026, 12, 2);

fn month(fw: &Framework, day: Date) -> Period {
    Period::containing(day, Frequency::Monthly, fw.settings().fiscal_year_start)
}

/// The value of attribute `name` in each `<tag …>` of `svg`.
fn attrs<'a>(svg: &'a str, tag: &str, name: &str) -> Vec<&'a str> {
    svg.split(&format!("<{tag} "))
        .skip(1)
        .filter_map(|t| {
            let t = t.split('>').next()?;
            let start = t.find(&format!(" {name}=\"")).or_else(|| t.starts_with(&format!("{name}=\"")).then_some(0))?;
            let rest = &t[start..];
            rest.split('"').nth(1)
        })
        .collect()
}

fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .map(|t| t.split_once('>').unwrap().1.split("</text>").next().unwrap().trim().to_owned())
        .collect()
}

#[test]
fn each_period_has_the_scores_the_review_screen_shows_for_it() {
    let fw = demo(TODAY, DEMO_SEED).unwrap();
    let last = month(&fw, TODAY);
    let history = score_history(&fw, &last, 12, TODAY);
    assert_eq!(history.periods.len(), 12, "a year of months, the demo's twelve");
    assert_eq!(history.periods.last().unwrap().period, last);
    for p in &history.periods {
        let card = score_framework(&fw, &p.period, TODAY);
        assert_eq!(p.overall.score, card.overall, "{}", p.label);
        assert_eq!(p.overall.status, card.status, "{}", p.label);
        for ((id, _), kra) in history.kras.iter().zip(&p.kras) {
            assert_eq!(kra.score, card.kras[id].score, "{}", p.label);
        }
        assert_eq!(p.in_progress, p.period.contains(TODAY));
    }
    for pair in history.periods.windows(2) {
        assert_eq!(pair[0].period.next(), pair[1].period, "consecutive periods, oldest first");
    }
}

#[test]
fn periods_before_the_first_score_are_left_out_and_an_empty_scorecard_has_none() {
    let mut fw = kra_kpi::domain::template::sales_executive();
    assert!(score_history(&fw, &month(&fw, TODAY), 12, TODAY).periods.is_empty());
    let leads = fw.kpis()[1].id;
    fw.add_reading(leads, date(2026, 10, 5), 50.0, "").unwrap();
    let history = score_history(&fw, &month(&fw, TODAY), 12, TODAY);
    let labels: Vec<&str> = history.periods.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["Oct 2026", "Nov 2026", "Dec 2026"], "no empty months before October");
}

#[test]
fn reusing_the_caches_after_an_edit_gives_what_scoring_afresh_gives() {
    let mut fw = demo(TODAY, DEMO_SEED).unwrap();
    let last = month(&fw, TODAY).previous();
    let mut caches = Vec::new();
    let before = score_history_with(&fw, &last, 12, TODAY, &mut caches);
    let kpi = fw.kpis()[0].id;
    let june =
        *kra_kpi::domain::ordered::range(fw.readings_of(kpi), date(2026, 6, 1)..date(2026, 7, 1)).next().unwrap().0;
    fw.update_reading(kpi, june, 1.0, "").unwrap();
    let after = score_history_with(&fw, &last, 12, TODAY, &mut caches);
    assert_eq!(after, score_history(&fw, &last, 12, TODAY));
    assert_ne!(after, before, "the edit changed June");
    // A shorter span reuses the first caches and still agrees.
    assert_eq!(score_history_with(&fw, &last, 4, TODAY, &mut caches), score_history(&fw, &last, 4, TODAY));
}

/// A scorecard of `kras` KRAs with one KPI each, scored from June to `to` (a gap in August for
/// the first KRA).
fn tree(kras: usize, to: Date) -> (Framework, ScoreHistory) {
    let mut fw = Framework::new("Team");
    for k in 0..kras {
        let name = format!("KRA number {} with a fairly long name to wrap", k + 1);
        let kra = fw.add_kra(KraDraft::new(&name, 100.0 / kras as f64)).unwrap();
        let kpi = fw.add_kpi(kra, KpiSpec::new("Output", "units", Direction::HigherIsBetter, 100.0)).unwrap();
        for m in 6..=to.month() {
            if !(k == 0 && m == 8) {
                fw.add_reading(kpi, date(2026, m, 3), 60.0 + 10.0 * k as f64 + m as f64, "").unwrap();
            }
        }
    }
    let history = score_history(&fw, &month(&fw, to), 12, to);
    (fw, history)
}

#[test]
fn every_text_is_at_least_12_px_and_the_legend_is_above_every_mark() {
    let (_, history) = tree(4, date(2026, 11, 20));
    let svg = score_history_svg(&history, 300, 220).unwrap();
    let sizes = attrs(&svg, "text", "font-size");
    assert!(!sizes.is_empty());
    for s in sizes {
        assert!(s.trim_end_matches("px").parse::<f64>().unwrap() >= 12.0, "font-size {s}");
    }
    // At 300 px the five legend entries need several rows; every data mark is below them.
    let legend_texts: Vec<String> =
        texts(&svg).into_iter().filter(|t| t == "Overall" || t.starts_with("KRA number")).collect();
    assert_eq!(legend_texts.len(), 5, "{legend_texts:?}");
    assert!(legend_texts.iter().any(|t| t.ends_with('…')), "long names are shortened: {legend_texts:?}");
    let legend_bottom = svg
        .split("<text ")
        .skip(1)
        .filter(|t| {
            let content = t.split_once('>').unwrap().1.split("</text>").next().unwrap().trim();
            content == "Overall" || content.starts_with("KRA number")
        })
        .map(|t| attrs(&format!("<text {t}"), "text", "y")[0].parse::<f64>().unwrap())
        .fold(0.0, f64::max);
    let top_of = |points: &str| {
        points
            .split_whitespace()
            .map(|xy| xy.split(',').nth(1).unwrap().parse::<f64>().unwrap())
            .fold(f64::INFINITY, f64::min)
    };
    let polygons = attrs(&svg, "polygon", "points");
    // Four KRAs × six months, less August for the first; and one sample per KRA in the legend.
    assert_eq!(polygons.len(), 4 * 6 - 1 + 4);
    let below = polygons.iter().filter(|p| top_of(p) > legend_bottom + 6.0).count();
    assert_eq!(below, 4 * 6 - 1, "every data mark is below the legend's last row (y {legend_bottom})");
}

#[test]
fn a_missing_period_breaks_the_line_and_a_period_in_progress_is_hollow() {
    let (_, history) = tree(2, date(2026, 11, 20));
    assert!(history.periods.last().unwrap().in_progress);
    let svg = score_history_svg(&history, 640, 220).unwrap();
    assert!(texts(&svg).iter().any(|t| t == "(so far)"));
    // The first KRA's line: June–July, then September–November, so two stretches of its colour.
    let kra_paths = svg.split("<polyline").skip(1).filter(|p| p.contains("stroke=\"#0072B2\"")).count();
    assert_eq!(kra_paths, 2 + 1 + 1, "two stretches, the legend sample and the hollow mark's outline");
    // Filled marks are one colour inside; the in-progress ones are white inside.
    let hollow = attrs(&svg, "polygon", "fill").into_iter().filter(|f| *f == "#FFFFFF").count();
    assert_eq!(hollow, 2, "November's square and triangle");
    let hollow_circles = svg.split("<circle").skip(1).filter(|c| c.contains("fill=\"#FFFFFF\"")).count();
    assert_eq!(hollow_circles, 1, "November's overall mark");
}

#[test]
fn the_score_axis_spans_the_scores_and_100_percent_without_light_gridlines() {
    // Scores from 66 % to 80 %: the axis runs 50–110 % in steps of 10, so month-to-month
    // changes are visible, and 100 % (on target) is on it.
    let (_, history) = tree(2, date(2026, 10, 31));
    let svg = score_history_svg(&history, 640, 220).unwrap();
    let labels = texts(&svg);
    let ticks: Vec<&str> = labels.iter().map(String::as_str).filter(|t| t.ends_with(" %")).collect();
    assert_eq!(ticks, ["50 %", "60 %", "70 %", "80 %", "90 %", "100 %", "110 %"]);
    assert!(svg.contains("stroke-dasharray") || svg.matches("#52606D").count() > 1, "a dashed 100 % reference line");
    assert!(!svg.contains("#F0F4F8"), "no light gridlines");
}

#[test]
fn the_last_period_label_fits_inside_a_phone_width_chart() {
    let fw = demo(TODAY, DEMO_SEED).unwrap();
    let history = score_history(&fw, &month(&fw, TODAY).previous(), 12, TODAY);
    let svg = score_history_svg(&history, 262, 200).unwrap();
    let nov = svg
        .split("<text ")
        .skip(1)
        .find(|t| t.contains(">Nov 2026<") || t.split_once('>').unwrap().1.trim().starts_with("Nov 2026"))
        .unwrap();
    let x: f64 = attrs(&format!("<text {nov}"), "text", "x")[0].parse().unwrap();
    let half = kra_kpi::charts::svg_backend::text_size("Nov 2026", 12.0).0 as f64 / 2.0;
    assert!(x + half <= 262.0, "centred at {x}, the label ends inside the chart");
}

#[test]
fn more_kras_than_lines_can_show_draw_the_overall_line_and_say_where_the_rest_is() {
    let (_, history) = tree(MAX_KRA_LINES + 1, date(2026, 10, 31));
    let svg = score_history_svg(&history, 640, 220).unwrap();
    assert!(!texts(&svg).iter().any(|t| t.starts_with("KRA number")), "no KRA in the legend");
    assert!(texts(&svg).iter().any(|t| t == "Overall"));
    assert!(describe(&history).ends_with("The 7 KRAs' scores are in the chart's table."), "{}", describe(&history));
}

#[test]
fn the_description_names_the_span_the_ends_and_the_extremes() {
    let (_, history) = tree(2, date(2026, 11, 20));
    let text = describe(&history);
    assert!(text.starts_with("Overall score from Jun 2026 to Nov 2026: "), "{text}");
    assert!(text.contains(", so far) in Nov 2026"), "{text}");
    assert!(text.contains("; highest "), "{text}");
    assert!(text.contains(" One line per KRA: KRA number 1 with a fairly long name to wrap, KRA number 2"), "{text}");
}

#[test]
fn a_single_kra_is_the_overall_line_so_it_gets_no_line_of_its_own() {
    let (_, history) = tree(1, date(2026, 10, 31));
    let svg = score_history_svg(&history, 640, 220).unwrap();
    assert!(!texts(&svg).iter().any(|t| t.starts_with("KRA number")), "no second legend entry");
    assert!(!svg.contains("#0072B2"), "no KRA-coloured line under the overall one");
    assert!(!describe(&history).contains("KRA"), "{}", describe(&history));
}
