//! The overview: regions ranked on each canonical indicator for the chosen period (each
//! region's latest by default, rankings that mix periods say so), by value or by percent of
//! target, filtered by level and by parent; a horizontal bar chart of the selected ranking.
//! Articles whose region is unknown are not a region: they are counted apart, never ranked.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Widget};

use super::{block, title};
use crate::corpus::figures::{RankBy, indicator_name};
use crate::text::width::display_width;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::key_for;
use crate::tui::screens::overview::{OverviewTable, rows};
use crate::tui::widgets::gauge::format_value;
use crate::tui::widgets::grid::{Column, Grid, GridRow};

/// The horizontal bar chart of one ranking, values scaled to integers for the widget and
/// printed as they are.
fn chart(app: &App, table: &OverviewTable, shown: usize, area: Rect, buf: &mut Buffer) {
    let Some(ranking) = table.ranking(shown) else {
        return;
    };
    let mixed = table.shown.get(shown).is_some_and(|s| s.mixed);
    let by_percent = app.overview.filters.by == RankBy::Percent;
    let head = format!(
        "{} - {}{}",
        indicator_name(&ranking.indicator),
        if by_percent {
            "完成% of target"
        } else {
            &ranking.unit
        },
        if mixed {
            " - * 各地最新期 latest per region"
        } else {
            ""
        }
    );
    let frame = block(app, title(app, &head, area.width));
    let inner = crate::tui::layout::inner(area);
    frame.render(area, buf);
    // The value sits in the label column, after the name, so that no bar is hidden under
    // its own value: a bar shorter than its printed value would otherwise not show at all.
    let entries: Vec<(String, String, f64)> = table
        .entries(shown)
        .take(usize::from(inner.height))
        .map(|(region, figure, v)| {
            let name = app.regions.get(*region).map_or("", |x| x.name.as_str());
            let text = if by_percent {
                format!("{v:.0}%")
            } else {
                format!("{}{}", format_value(*v), app.safe(&figure.unit))
            };
            (app.safe(name).into_owned(), text, *v)
        })
        .collect();
    let name_width = entries
        .iter()
        .map(|e| display_width(&e.0))
        .max()
        .unwrap_or(0);
    let value_width = entries
        .iter()
        .map(|e| display_width(&e.1))
        .max()
        .unwrap_or(0);
    let bars: Vec<Bar> = entries
        .iter()
        .map(|(name, text, v)| {
            let label = format!(
                "{name}{} {}{text}",
                " ".repeat(name_width - display_width(name)),
                " ".repeat(value_width - display_width(text)),
            );
            Bar::with_label(label, (v.max(0.0) * 100.0).round() as u64).text_value(String::new())
        })
        .collect();
    let mut chart = BarChart::default();
    if app.ambiguous_wide {
        // Block elements are ambiguous-wide: ASCII bars instead.
        chart = chart.bar_set(super::ASCII_BARS);
    }
    chart
        .direction(Direction::Horizontal)
        .data(BarGroup::default().bars(&bars))
        .bar_width(1)
        .bar_gap(0)
        .bar_style(app.theme.title)
        .value_style(Style::default().patch(app.theme.selected))
        .render(inner, buf);
}

/// Draws the overview into `body`.
pub(crate) fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let all = rows(app);
    let selected = app.overview.row;
    let key = |a: &Action| key_for(a).unwrap_or_default();
    let level = app
        .overview
        .filters
        .level
        .map_or("全部 all", |l| l.as_str());
    let parent = app.overview.filters.parent.as_deref().unwrap_or("全部 all");
    let by = match app.overview.filters.by {
        RankBy::Value => "数值 value",
        RankBy::Percent => "完成% of target",
    };
    let head = format!(
        "总览 overview - {} 项指标 indicators - {} 期 {} - {} 级 {level} - {} 上级 {parent} - {} {by}",
        all.shown.len(),
        key(&Action::NextPeriod),
        app.overview.filters.period.label(),
        key(&Action::NextLevelFilter),
        key(&Action::ScopeToParent),
        key(&Action::ToggleRankBy),
    );
    let frame_inner = crate::tui::layout::inner(body);
    // Side by side where the table keeps its columns; stacked on narrow terminals.
    let [table_area, chart_area] = if frame_inner.width >= 100 {
        Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
            .areas(frame_inner)
    } else {
        Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)])
            .areas(frame_inner)
    };
    let empty = all.is_empty();
    let width = |i: usize, head: &str, min: u16, max: u16| {
        super::column_width(head, std::iter::empty(), min, max).max(all.widths[i].min(max))
    };
    let heads = [
        "指标",
        "期 period",
        "名次",
        "地区 region",
        "数值 value",
        "完成%",
    ];
    let columns = [
        Column::left(Constraint::Length(width(0, heads[0], 6, 16))),
        Column::left(Constraint::Length(width(1, heads[1], 8, 12))),
        Column::right(Constraint::Length(4)),
        Column::left(Constraint::Length(width(3, heads[3], 8, 16))),
        Column::right(Constraint::Length(width(4, heads[4], 6, 12))),
        Column::right(Constraint::Length(width(5, heads[5], 5, 6))),
    ];
    let header = GridRow::new(heads.map(str::to_owned).to_vec(), app.theme.title);
    let inner = table_area;
    let height = usize::from(inner.height.saturating_sub(1));
    let first = app.scroll.min(all.len().saturating_sub(height));
    let total = all.len();
    let current = all
        .ranking_of(selected)
        .or_else(|| (!all.shown.is_empty()).then_some(0));
    let lines: Vec<GridRow> = (first..total.min(first.saturating_add(height)))
        .filter_map(|i| Some((i, all.line(app, i)?)))
        .map(|(i, mut r)| {
            let style = if i == selected {
                r[0] = format!("> {}", r[0]);
                app.theme.selected
            } else if all.is_first(i) {
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
        first + lines.len(),
        total
    );
    block(app, title(app, &head, body.width))
        .title_bottom(Line::from(position).right_aligned())
        .render(body, buf);
    (&Grid::new(&columns, &lines)
        .header(header)
        .spacing(1)
        .ascii(app.ambiguous_wide))
        .render(inner, buf);
    if empty {
        buf.set_stringn(
            inner.x.saturating_add(1),
            inner.y.saturating_add(1),
            "没有可排名的指标 nothing to rank",
            usize::from(inner.width.saturating_sub(2)),
            app.theme.dim,
        );
    }
    if let Some(n) = current.filter(|&n| n < all.shown.len()) {
        chart(app, &all, n, chart_area, buf);
    } else {
        block(app, title(app, "图 chart", chart_area.width)).render(chart_area, buf);
    }
}
