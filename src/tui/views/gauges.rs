//! The gauges screen: every target gauge of the article, the metrics table (redacted
//! figures shown as redacted), and the reader scrolled to the selected item's source.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Sparkline, Widget};

use super::reader::{gauge_styles, marks, text_pane};
use super::{block, title};
use crate::corpus::figures::{indicator_name, period_end, period_label};
use crate::corpus::{Article, Metric, MetricKind};
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::widgets::gauge::{TargetGauge, format_value};
use crate::tui::widgets::grid::{Column, Grid, GridRow};

/// One point of a trend: the period as shown, the value ranked on (percent of target where
/// there is one, else the value) and its text.
pub(crate) type TrendPoint = (String, f64, String);

/// The selected item's indicator across the periods the region reports it for, oldest
/// first: the indicator's name and the points; `None` with fewer than one point or when
/// the item has no indicator.
pub(crate) fn trend(app: &App, article: &Article) -> Option<(String, Vec<TrendPoint>)> {
    let indicator = match article.gauges.get(app.gauges.item) {
        Some(g) => g.indicator.clone(),
        None => article
            .metrics
            .get(app.gauges.item.checked_sub(article.gauges.len())?)?
            .indicator
            .clone(),
    }?;
    let figures = app.figures_of(app.region)?;
    let mut actual: Vec<_> = figures
        .figures
        .iter()
        .filter(|f| f.indicator == indicator && f.kind == MetricKind::Actual)
        .collect();
    actual.sort_by_key(|f| period_end(f.period.as_deref()));
    // One measure for the whole line: percent of target when every point has one, else the
    // values; a figure stated twice (for a quarter and again for its year) is one point.
    let by_percent = actual.iter().all(|f| f.percent.is_some());
    let mut points: Vec<TrendPoint> = Vec::new();
    for f in actual {
        let period = period_label(f.period.as_deref());
        let point = match (by_percent, f.percent, f.value) {
            (true, Some(p), _) => (period, p, format!("{p:.0}%")),
            (false, _, Some(v)) => (period, v, format!("{}{}", format_value(v), f.unit)),
            _ => continue,
        };
        if !points.iter().any(|(_, _, text)| *text == point.2) {
            points.push(point);
        }
    }
    (!points.is_empty()).then(|| (indicator_name(&indicator).to_owned(), points))
}

/// The trend as a line of periods and values and a sparkline under it.
fn trend_lines(
    app: &App,
    (name, points): &(String, Vec<TrendPoint>),
    area: Rect,
    buf: &mut Buffer,
) {
    let text: Vec<String> = points
        .iter()
        .map(|(period, _, value)| format!("{period} {value}"))
        .collect();
    let line = format!("趋势 trend {name}: {}", text.join(" → "));
    buf.set_stringn(
        area.x,
        area.y,
        app.safe(&line),
        usize::from(area.width),
        app.theme.dim,
    );
    let data: Vec<u64> = points
        .iter()
        .map(|(_, v, _)| (v.max(0.0) * 100.0).round() as u64)
        .collect();
    let mut spark = Sparkline::default().data(&data).style(app.theme.title);
    if app.ambiguous_wide {
        spark = spark.bar_set(super::ASCII_BARS);
    }
    spark.render(
        Rect::new(
            area.x,
            area.y.saturating_add(1),
            area.width.min(data.len() as u16 * 2),
            1,
        ),
        buf,
    );
}

/// Draws the gauges screen into `body`.
pub(crate) fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let panes = layout::gauge_panes(body);
    let Some(index) = app.current() else {
        block(app, title(app, "没有文章 no articles", body.width)).render(body, buf);
        return;
    };
    let Some(article) = app.article(index) else {
        return;
    };

    // Gauges, scrolled so the selected one is visible.
    block(
        app,
        title(
            app,
            &format!("目标完成 targets ({})", article.gauges.len()),
            panes.gauges.width,
        ),
    )
    .render(panes.gauges, buf);
    let mut inner = layout::inner(panes.gauges);
    if let Some(points) = trend(app, &article)
        && inner.height >= 5
    {
        inner.height -= 2;
        let area = Rect::new(inner.x, inner.bottom(), inner.width, 2);
        trend_lines(app, &points, area, buf);
    }
    let per_screen = usize::from(inner.height / 3).max(1);
    let selected_gauge = (app.gauges.item < article.gauges.len()).then_some(app.gauges.item);
    let first = selected_gauge.map_or(0, |s| s.saturating_sub(per_screen - 1));
    if article.gauges.is_empty() {
        buf.set_stringn(
            inner.x,
            inner.y,
            "无目标对比 no target pairs",
            usize::from(inner.width),
            app.theme.dim,
        );
    }
    for (row, (i, g)) in article
        .gauges
        .iter()
        .enumerate()
        .skip(first)
        .take(per_screen)
        .enumerate()
    {
        let y = inner.y.saturating_add((row * 3) as u16);
        if y.saturating_add(2) > inner.bottom() {
            break;
        }
        let gauge = TargetGauge::from_gauge(g, app.safe(&g.label), app.safe(&g.unit))
            .ascii(app.ambiguous_wide)
            .selected(selected_gauge == Some(i))
            .styles(gauge_styles(app));
        (&gauge).render(Rect::new(inner.x, y, inner.width, 2), buf);
    }

    metrics_table(
        app,
        &article.metrics,
        article.gauges.len(),
        panes.metrics,
        buf,
    );

    let name = app.title(index);
    let head = title(app, &format!("出处 source - {name}"), panes.reader.width);
    text_pane(
        app,
        panes.reader,
        index,
        false,
        app.scroll,
        head,
        &marks(app),
        buf,
    );
}

/// The value cell of a metric: the figure, or the placeholder marked as redacted.
pub(crate) fn metric_value(app: &App, m: &Metric) -> String {
    match m.value {
        Some(v) if !m.redacted => format_value(v),
        _ => {
            let raw = app.safe(&m.raw);
            if raw.is_empty() {
                "[隐去]".to_owned()
            } else {
                format!("[隐去 {raw}]")
            }
        }
    }
}

/// The metrics table: columns as wide as their widest cell, the label taking the rest; the
/// period and then the kind columns are left out when the label would get too little room.
fn metrics_table(app: &App, metrics: &[Metric], offset: usize, area: Rect, buf: &mut Buffer) {
    let head = title(
        app,
        &format!("指标 metrics ({})", metrics.len()),
        area.width,
    );
    block(app, head).render(area, buf);
    let inner = layout::inner(area);
    let selected = app.gauges.item.checked_sub(offset);
    let height = usize::from(inner.height.saturating_sub(1)).max(1);
    let first = selected.map_or(0, |s| s.saturating_sub(height - 1));
    let cells: Vec<[String; 5]> = metrics
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let marker = if selected == Some(i) { "> " } else { "  " };
            [
                format!("{marker}{}", app.safe(&m.label)),
                metric_value(app, m),
                app.safe(&m.unit).into_owned(),
                m.kind_name().to_owned(),
                m.period
                    .as_deref()
                    .map(|p| app.safe(p).into_owned())
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let header = ["  指标 label", "数值", "单位", "类型 kind", "期间 period"];
    let width =
        |c: usize| super::column_width(header[c], cells.iter().map(|r| r[c].as_str()), 2, 40);
    // The label wants its widest cell, up to 20 columns, before optional columns get room.
    let label_wants = width(0).min(20);
    let mut shown = vec![0, 1, 2];
    let mut used = width(1) + width(2) + 2;
    for optional in [4, 3] {
        if used + width(optional) + 1 + label_wants <= inner.width {
            used += width(optional) + 1;
            shown.push(optional);
        }
    }
    shown.sort_unstable();
    let columns: Vec<Column> = shown
        .iter()
        .map(|&c| match c {
            0 => Column::left(Constraint::Fill(1)),
            1 => Column::right(Constraint::Length(width(1))),
            _ => Column::left(Constraint::Length(width(c))),
        })
        .collect();
    let pick = |row: &[String; 5]| shown.iter().map(|&c| row[c].clone()).collect::<Vec<_>>();
    let header = GridRow::new(pick(&header.map(str::to_owned)), app.theme.title);
    let rows: Vec<GridRow> = metrics
        .iter()
        .zip(&cells)
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, (m, row))| {
            let style = if selected == Some(i) {
                app.theme.selected
            } else {
                app.theme.text
            };
            let row = GridRow::new(pick(row), style);
            if m.redacted || m.value.is_none() {
                row.cell_style(1, app.theme.warn)
            } else {
                row
            }
        })
        .collect();
    (&Grid::new(&columns, &rows)
        .header(header)
        .ascii(app.ambiguous_wide))
        .render(inner, buf);
}
