//! The compare screen: two regions side by side on canonical indicators. Rows line up the
//! figures of one indicator for the chosen period (each region's latest by default; rows
//! whose periods differ are marked `*`), in canonical units, with the difference, the ratio
//! and each side's percent of target; figures no indicator fits follow below. Under the
//! table, both texts, scrolled together or apart.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::reader::text_pane;
use super::{block, title};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{key_for, keys_for};
use crate::tui::layout;
use crate::tui::screens::compare::{OTHER_PERIOD, table_lines, table_window};
use crate::tui::widgets::grid::{Column, Grid, GridRow};

/// Draws the compare screen into `body`.
pub(crate) fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let panes = layout::compare_panes(body);
    let left_name = app.regions.get(app.region).map_or("", |r| r.name.as_str());
    let right_name = app
        .regions
        .get(app.compare.right)
        .map_or("", |r| r.name.as_str());
    let mut rows = table_lines(app, app.region, app.compare.right);
    // The selected row (what `y` copies) is marked, not only styled.
    if let Some(row) = rows.get_mut(app.compare.row) {
        row[0] = format!("> {}", row[0]);
    }
    let lock = if app.compare.locked {
        "同步 locked"
    } else {
        "独立 free"
    };
    let key = |a: &Action| key_for(a).unwrap_or_default();
    let head = format!(
        "对比 compare: {left_name} | {right_name} - {} 期 {} - {} 换 {} 选 {} 上级 - {} {lock}",
        key(&Action::NextPeriod),
        app.compare.period.label(),
        keys_for(&Action::PrevCompareRegion, &Action::NextCompareRegion),
        key(&Action::PickCompareRegion),
        key(&Action::CompareWithParent),
        key(&Action::ToggleScrollLock),
    );
    let empty = rows.is_empty();
    let width = |i: usize, head: &str, min: u16, max: u16| {
        super::column_width(head, rows.iter().map(|r| r[i].as_str()), min, max)
    };
    let heads = [
        "指标 indicator",
        "期 period",
        left_name,
        right_name,
        "差 diff",
        "比 ratio",
        "完成%",
        "完成%",
    ];
    let columns = [
        Column::left(Constraint::Length(width(0, heads[0], 10, 26))),
        Column::left(Constraint::Length(width(1, heads[1], 8, 24))),
        Column::right(Constraint::Length(width(2, heads[2], 8, 16))),
        Column::right(Constraint::Length(width(3, heads[3], 8, 16))),
        Column::right(Constraint::Length(width(4, heads[4], 6, 14))),
        Column::right(Constraint::Length(width(5, heads[5], 6, 10))),
        Column::right(Constraint::Length(width(6, heads[6], 5, 10))),
        Column::right(Constraint::Length(width(7, heads[7], 5, 10))),
    ];
    let header = GridRow::new(heads.map(str::to_owned).to_vec(), app.theme.title);
    let total = rows.len();
    let (first, shown) = table_window(app, total);
    let lines: Vec<GridRow> = rows
        .into_iter()
        .enumerate()
        .skip(first)
        .take(shown)
        .map(|(i, r)| {
            let style = if i == app.compare.row {
                app.theme.selected
            } else if r[2] != "-" && r[3] != "-" && !r[2].is_empty() && !r[3].is_empty() {
                app.theme.text
            } else {
                app.theme.dim
            };
            GridRow::new(r.to_vec(), style)
        })
        .collect();
    let inner = layout::inner(panes.table);
    let mut frame = block(app, title(app, &head, panes.table.width));
    let mut foot = format!(" {OTHER_PERIOD} 期不同 periods differ ");
    if shown < total {
        foot = format!(
            "{foot}- {}-{}/{total} 行 rows ",
            (first + 1).min(total),
            first + shown
        );
    }
    frame = frame.title_bottom(Line::from(foot).right_aligned());
    frame.render(panes.table, buf);
    (&Grid::new(&columns, &lines)
        .header(header)
        .spacing(2)
        .ascii(app.ambiguous_wide))
        .render(inner, buf);
    if empty {
        buf.set_stringn(
            inner.x,
            inner.y + 1,
            "两地均无指标 no metrics to compare",
            usize::from(inner.width),
            app.theme.dim,
        );
    }
    if let Some(a) = app.current() {
        let t = app.title(a);
        let head = title(app, &format!("{left_name} - {t}"), panes.left.width);
        text_pane(app, panes.left, a, false, app.scroll, head, &[], buf);
    }
    if let Some(b) = app.first_of(app.compare.right) {
        let t = app.title(b);
        let head = title(app, &format!("{right_name} - {t}"), panes.right.width);
        text_pane(
            app,
            panes.right,
            b,
            false,
            app.compare.right_scroll,
            head,
            &[],
            buf,
        );
    }
}
