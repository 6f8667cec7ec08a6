//! The gauges screen: every target gauge of the article, the metrics table (redacted
//! figures shown as redacted), and the reader scrolled to the selected item's source.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::Widget;

use super::reader::{gauge_styles, marks, text_pane};
use super::{block, title};
use crate::corpus::Metric;
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::widgets::gauge::{TargetGauge, format_value};
use crate::tui::widgets::grid::{Column, Grid, GridRow};

/// Draws the gauges screen into `body`.
pub(crate) fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let panes = layout::gauge_panes(body);
    let Some(index) = app.current() else {
        block(app, title(app, "没有文章 no articles", body.width)).render(body, buf);
        return;
    };
    let Some(article) = app.articles.get(index) else {
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
    let inner = layout::inner(panes.gauges);
    let per_screen = usize::from(inner.height / 3).max(1);
    let selected_gauge = (app.item < article.gauges.len()).then_some(app.item);
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

    let name = app.prepared.get(index).map_or("", |p| p.title.as_str());
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

/// Metrics columns on a wide pane: label, value, unit, kind, period.
const WIDE: [Column; 5] = [
    Column::left(Constraint::Fill(1)),
    Column::right(Constraint::Length(14)),
    Column::left(Constraint::Length(6)),
    Column::left(Constraint::Length(12)),
    Column::left(Constraint::Length(12)),
];

/// Metrics columns on a narrow pane: label, value, unit.
const NARROW: [Column; 3] = [
    Column::left(Constraint::Fill(1)),
    Column::right(Constraint::Length(12)),
    Column::left(Constraint::Length(5)),
];

fn metrics_table(app: &App, metrics: &[Metric], offset: usize, area: Rect, buf: &mut Buffer) {
    let head = title(
        app,
        &format!("指标 metrics ({})", metrics.len()),
        area.width,
    );
    block(app, head).render(area, buf);
    let inner = layout::inner(area);
    let columns: &[Column] = if inner.width < 56 { &NARROW } else { &WIDE };
    let selected = app.item.checked_sub(offset);
    let height = usize::from(inner.height.saturating_sub(1)).max(1);
    let first = selected.map_or(0, |s| s.saturating_sub(height - 1));
    let header = [
        "  指标 label",
        "数值 value",
        "单位",
        "类型 kind",
        "期间 period",
    ];
    let header = GridRow::new(header.map(str::to_owned).to_vec(), app.theme.title);
    let rows: Vec<GridRow> = metrics
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, m)| {
            let is_sel = selected == Some(i);
            let marker = if is_sel { "> " } else { "  " };
            let cells = vec![
                format!("{marker}{}", app.safe(&m.label)),
                metric_value(app, m),
                app.safe(&m.unit).into_owned(),
                m.kind.as_str().to_owned(),
                m.period
                    .as_deref()
                    .map(|p| app.safe(p).into_owned())
                    .unwrap_or_default(),
            ];
            let style = if is_sel {
                app.theme.selected
            } else {
                app.theme.text
            };
            let row = GridRow::new(cells, style);
            if m.redacted || m.value.is_none() {
                row.cell_style(1, app.theme.warn)
            } else {
                row
            }
        })
        .collect();
    (&Grid::new(columns, &rows).header(header)).render(inner, buf);
}
