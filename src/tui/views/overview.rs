//! The overview: every region ranked on each metric, metrics shared by most regions first,
//! figures converted to a common unit per metric.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::compare::{Figure, figures, unit_scale};
use super::{block, title};
use crate::tui::app::App;
use crate::tui::widgets::gauge::format_value;
use crate::tui::widgets::grid::{Column, Grid, GridRow};

/// One row of the overview: label (on the first row of its group), kind, rank, region,
/// value, unit.
pub(crate) fn rows(app: &App) -> Vec<[String; 6]> {
    let per_region: Vec<_> = (0..app.regions.len()).map(|r| figures(app, r)).collect();
    let mut keys: Vec<(Figure, usize)> = Vec::new();
    for figs in &per_region {
        for f in figs {
            match keys.iter_mut().find(|(k, _)| k.same_as(f)) {
                Some(entry) => entry.1 += 1,
                None => keys.push((f.clone(), 1)),
            }
        }
    }
    // Ranked: measures two or more regions report, on the same footing. A cross-period pair
    // is not progress and a measure of one region cannot be ranked: both are listed apart,
    // under one separator row.
    let ranked = |k: &(Figure, usize)| k.1 > 1 && !k.0.cross_period;
    keys.sort_by_key(|k| (!ranked(k), std::cmp::Reverse(k.1)));
    let mut out = Vec::new();
    let shared = keys.iter().filter(|k| ranked(k)).count();
    for (n, (key, _)) in keys.into_iter().enumerate() {
        if n == shared && shared > 0 {
            out.push([
                "-- 不排名 not ranked --".to_owned(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
        let mut entries: Vec<(usize, Option<f64>, String)> = Vec::new();
        for (r, figs) in per_region.iter().enumerate() {
            if let Some(f) = figs.iter().find(|f| f.same_as(&key)) {
                entries.push((r, f.value, f.unit.clone()));
            }
        }
        // Common unit: the largest factor among the entries sharing the first one's base.
        let base = entries
            .first()
            .map(|e| unit_scale(&e.2).0.to_owned())
            .unwrap_or_default();
        let (factor, unit) = entries
            .iter()
            .filter(|e| unit_scale(&e.2).0 == base)
            .map(|e| (unit_scale(&e.2).1, e.2.clone()))
            .fold(
                (0.0, String::new()),
                |acc, x| if x.0 > acc.0 { x } else { acc },
            );
        let factor = if factor > 0.0 { factor } else { 1.0 };
        let mut ranked_entries: Vec<(usize, Option<f64>, String)> = entries
            .into_iter()
            .map(|(r, v, u)| {
                let (b, f) = unit_scale(&u);
                if b == base {
                    (r, v.map(|v| v * f / factor), unit.clone())
                } else {
                    (r, v, u)
                }
            })
            .collect();
        ranked_entries.sort_by(|a, b| {
            b.1.unwrap_or(f64::NEG_INFINITY)
                .total_cmp(&a.1.unwrap_or(f64::NEG_INFINITY))
        });
        for (i, (r, v, u)) in ranked_entries.into_iter().enumerate() {
            let region = app
                .regions
                .get(r)
                .map(|x| x.name.clone())
                .unwrap_or_default();
            let value = v.map_or_else(|| "[隐去]".to_owned(), format_value);
            let shown_label = if i == 0 {
                app.safe(&key.label).into_owned()
            } else {
                String::new()
            };
            let kind_s = if i == 0 {
                key.kind_text()
            } else {
                String::new()
            };
            let rank = if key.cross_period {
                "-".to_owned()
            } else {
                format!("{}", i + 1)
            };
            out.push([
                shown_label,
                kind_s,
                rank,
                region,
                value,
                app.safe(&u).into_owned(),
            ]);
        }
    }
    out
}

/// Draws the overview into `body`.
pub(crate) fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let mut all = rows(app);
    // The selected row (what `y` copies) is marked, not only styled.
    if let Some(row) = all.get_mut(app.overview_row) {
        row[0] = format!("> {}", row[0]);
    }
    let selected = app.overview_row;
    let head = format!(
        "总览 overview - {} 个地区 regions - 按指标排名 ranked per metric",
        app.regions.len()
    );
    let empty = all.is_empty();
    let label_width = super::column_width("指标 label", all.iter().map(|r| r[0].as_str()), 10, 30);
    let region_width =
        super::column_width("地区 region", all.iter().map(|r| r[3].as_str()), 10, 24);
    let columns = [
        Column::left(Constraint::Length(label_width)),
        Column::left(Constraint::Length(super::column_width(
            "类型 kind",
            all.iter().map(|r| r[1].as_str()),
            10,
            20,
        ))),
        Column::right(Constraint::Length(4)),
        Column::left(Constraint::Length(region_width)),
        Column::right(Constraint::Length(12)),
        Column::left(Constraint::Fill(1)),
    ];
    let header = [
        "指标 label",
        "类型 kind",
        "名次",
        "地区 region",
        "数值 value",
        "单位",
    ];
    let header = GridRow::new(header.map(str::to_owned).to_vec(), app.theme.title);
    let inner = crate::tui::layout::inner(body);
    let height = usize::from(inner.height.saturating_sub(1));
    let first = app.scroll.min(all.len().saturating_sub(height));
    let total = all.len();
    let rows: Vec<GridRow> = all
        .into_iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, r)| {
            let style = if i == selected {
                app.theme.selected
            } else if r[2] == "1" {
                app.theme.text
            } else {
                app.theme.dim
            };
            GridRow::new(r.to_vec(), style).cell_style(0, app.theme.title)
        })
        .collect();
    let position = format!(
        " {}-{}/{} ",
        (first + 1).min(total),
        first + rows.len(),
        total
    );
    block(app, title(app, &head, body.width))
        .title_bottom(Line::from(position).right_aligned())
        .render(body, buf);
    (&Grid::new(&columns, &rows)
        .header(header)
        .spacing(2)
        .ascii(app.ambiguous_wide))
        .render(inner, buf);
    if empty {
        buf.set_stringn(
            body.x.saturating_add(2),
            body.y.saturating_add(2),
            "没有指标 no metrics yet",
            usize::from(body.width.saturating_sub(4)),
            app.theme.dim,
        );
    }
}
