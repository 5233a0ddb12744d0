//! The trend chart's SVG, checked natively: readings are never under the legend, every reading
//! has its dot, and no text is measured in a page (the backend estimates it).

use jiff::civil::date;
use kra_kpi::charts::{trend_series, trend_svg};
use kra_kpi::domain::template::sales_executive;

/// `(cx, cy)` of every `<circle>` in `svg`.
fn circles(svg: &str) -> Vec<(f64, f64)> {
    let attr = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!(" {name}=\"")).expect("attribute") + name.len() + 3;
        tag[start..].split('"').next().unwrap().parse().unwrap()
    };
    svg.split("<circle").skip(1).map(|tag| (attr(tag, "cx"), attr(tag, "cy"))).collect()
}

#[test]
fn the_legend_sits_above_the_plot_and_never_covers_a_reading() {
    let mut fw = sales_executive();
    let leads = fw.kpis()[1].id;
    // The highest reading is the one a legend in the plot's corner would cover.
    for (month, value) in [(6, 90.0), (7, 20.0), (8, 45.0), (9, 50.0), (10, 10.0)] {
        fw.add_reading(leads, date(2026, month, 1), value, "").unwrap();
    }
    let series = trend_series(&fw, leads, 36).unwrap();
    let svg = trend_svg(&series, 520, 280).unwrap();
    let dots = circles(&svg);
    assert_eq!(dots.len(), 5 + 1, "five readings and the legend's sample");
    let (legend, readings) = dots.split_last().unwrap();
    assert!(legend.1 < 26.0, "the legend is in the band above the plot: {legend:?}");
    for dot in readings {
        assert!(dot.1 > 26.0 + 4.0, "a reading's dot is below the legend band: {dot:?}");
    }
    let texts: Vec<&str> = svg.split("<text").skip(1).map(|t| t.split("</text>").next().unwrap()).collect();
    for label in ["Target", "Reading"] {
        assert!(texts.iter().any(|t| t.trim_end().ends_with(label)), "a legend text {label:?}");
    }
}

#[test]
fn the_legend_fits_inside_the_chart_on_the_right() {
    let mut fw = sales_executive();
    let leads = fw.kpis()[1].id;
    fw.add_reading(leads, date(2026, 10, 1), 40.0, "").unwrap();
    let svg = trend_svg(&trend_series(&fw, leads, 36).unwrap(), 320, 200).unwrap();
    let legend = *circles(&svg).last().unwrap();
    assert!(legend.0 > 160.0 && legend.0 < 320.0 - 12.0, "right-aligned within the width: {legend:?}");
}

#[test]
fn every_text_is_written_at_12_px_or_more() {
    // plotters' SVG backend divides the font size it is given by 1.24; asking for 12 gave 9.7 px.
    let mut fw = sales_executive();
    let leads = fw.kpis()[1].id;
    fw.add_reading(leads, date(2026, 10, 1), 40.0, "").unwrap();
    let svg = trend_svg(&trend_series(&fw, leads, 36).unwrap(), 520, 260).unwrap();
    let sizes: Vec<f64> = svg
        .split(" font-size=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().trim_end_matches("px").parse().unwrap())
        .collect();
    assert!(sizes.len() >= 4, "axis, period and legend texts: {sizes:?}");
    assert!(sizes.iter().all(|&s| s >= 12.0), "{sizes:?}");
}

#[test]
fn a_range_kpi_is_charted_as_a_band_with_no_target_line_at_zero() {
    use kra_kpi::charts::trend::describe;
    use kra_kpi::domain::direction::Direction;
    use kra_kpi::domain::framework::Framework;
    use kra_kpi::domain::kpi::KpiSpec;
    use kra_kpi::domain::kra::KraDraft;

    let mut fw = Framework::new("Me");
    let kra = fw.add_kra(KraDraft::new("Health", 100.0)).unwrap();
    let spec = KpiSpec::new("Sleep", "hours", Direction::KeepWithinRange { min: 7.0, max: 8.0 }, 0.0);
    let sleep = fw.add_kpi(kra, spec).unwrap();
    for (month, hours) in [(8, 6.5), (9, 7.5), (10, 8.4)] {
        fw.add_reading(sleep, date(2026, month, 2), hours, "").unwrap();
    }
    let series = trend_series(&fw, sleep, 36).unwrap();
    let svg = trend_svg(&series, 520, 260).unwrap();
    let band = svg.split("<rect").skip(1).filter(|r| r.contains("fill=\"#B45309\"")).count();
    assert_eq!(band, 3 + 1, "a band step per month and the legend's sample");
    assert!(!svg.contains("stroke-dasharray") && !svg.contains("Target"), "no dashed target line");
    // The axis is about the readings and the range: 0 is not on it.
    let labels: Vec<&str> = svg
        .split("<text")
        .skip(1)
        .map(|t| t.split_once('>').unwrap().1.split("</text>").next().unwrap().trim())
        .collect();
    assert!(!labels.contains(&"0"), "{labels:?}");
    assert!(labels.contains(&"Range"), "the legend names the band: {labels:?}");
    assert_eq!(
        describe(&series),
        "Sleep from Aug 2026 to Oct 2026: 3 reading(s), latest 8.4 hours against the range 7–8 hours."
    );
}

#[test]
fn the_latest_period_is_labelled_and_its_label_ends_inside_the_chart() {
    // Three years of months at the side panel's width: the labels are thinned out, and the one
    // under the latest period (the one a reviewer looks for) used to be centred on the plot's
    // right edge with half of it cut off ("Dec 202").
    let mut fw = sales_executive();
    let leads = fw.kpis()[1].id;
    for i in 0..36 {
        fw.add_reading(leads, date(2024 + i / 12, (i % 12 + 1) as i8, 1), 40.0 + f64::from(i % 7), "").unwrap();
    }
    let series = trend_series(&fw, leads, 36).unwrap();
    let latest = series.points.last().unwrap().label.clone();
    assert_eq!(latest, "Dec 2026");
    for width in [262, 320, 440, 520, 760] {
        let svg = trend_svg(&series, width, 260).unwrap();
        let tag = svg
            .split("<text")
            .skip(1)
            .find(|t| t.split_once('>').unwrap().1.split("</text>").next().unwrap().trim() == latest)
            .unwrap_or_else(|| panic!("at {width} px the latest period, {latest}, has a label"));
        let attr = |name: &str| -> f64 {
            let start = tag.find(&format!(" {name}=\"")).expect("attribute") + name.len() + 3;
            tag[start..].split('"').next().unwrap().parse().unwrap()
        };
        let x = attr("x");
        let half = kra_kpi::charts::svg_backend::text_size(&latest, 12.0).0 as f64 / 2.0;
        assert!(x + half <= f64::from(width), "at {width} px, centred at {x}: the label ends inside the chart");
    }
}

#[test]
fn a_sign_goes_beside_each_figure_and_a_word_is_the_axis_title() {
    let mut fw = sales_executive();
    let (revenue, leads) = (fw.kpis()[0].id, fw.kpis()[1].id);
    for (month, value) in [(9, 420_000.0), (10, 510_000.0), (11, 480_000.0)] {
        fw.add_reading(revenue, date(2026, month, 1), value, "").unwrap();
        fw.add_reading(leads, date(2026, month, 1), value / 10_000.0, "").unwrap();
    }
    let texts = |svg: &str| -> Vec<(bool, String)> {
        svg.split("<text")
            .skip(1)
            .map(|t| {
                let (attrs, rest) = t.split_once('>').unwrap();
                (attrs.contains("rotate"), rest.split("</text>").next().unwrap().trim().to_owned())
            })
            .collect()
    };
    // "₹": every figure on the axis carries it, and nothing is written on its side.
    let rupees = texts(&trend_svg(&trend_series(&fw, revenue, 36).unwrap(), 520, 280).unwrap());
    // (Natively figures are plain; in the browser they are grouped: ₹5,00,000.)
    assert!(rupees.iter().any(|(_, t)| t == "₹500000"), "{rupees:?}");
    assert!(rupees.iter().all(|(turned, t)| !turned && !t.is_empty()), "{rupees:?}");
    // "leads": the axis's title, turned, and plain figures.
    let leads = texts(&trend_svg(&trend_series(&fw, leads, 36).unwrap(), 520, 280).unwrap());
    assert!(leads.iter().any(|(turned, t)| *turned && t == "leads"), "{leads:?}");
    assert!(leads.iter().any(|(_, t)| t == "50"), "{leads:?}");
}
