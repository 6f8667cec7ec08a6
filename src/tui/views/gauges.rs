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
    let selected = app.item.checked_sub(offset);
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
                m.kind.as_str().to_owned(),
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
