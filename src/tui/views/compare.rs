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
use crate::corpus::MetricKind;
use crate::corpus::figures::{
    CompareRow, Figure, Loose, compare, indicator_name, period_label, periods,
};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{key_for, keys_for};
use crate::tui::layout;
use crate::tui::widgets::gauge::format_value;
use crate::tui::widgets::grid::{Column, Grid, GridRow};

/// The marker of a row whose two figures belong to different periods.
pub const OTHER_PERIOD: &str = "*";

/// One line of the comparison table: indicator, period, left, right, difference, ratio,
/// left percent of target, right percent of target.
pub(crate) type CompareLine = [String; 8];

/// The name of a kind in a row label: nothing for an actual figure.
fn kind_suffix(kind: MetricKind) -> &'static str {
    match kind {
        MetricKind::Target => " 目标",
        MetricKind::GrowthPct => " 增速",
        _ => "",
    }
}

fn value_text(app: &App, f: Option<&Figure>) -> String {
    match f {
        Some(Figure {
            value: Some(v),
            unit,
            ..
        }) => format!("{}{}", format_value(*v), app.safe(unit)),
        Some(_) => "[隐去]".to_owned(),
        None => "-".to_owned(),
    }
}

/// The marker of a cross-period percent (last period's actual against this period's
/// target): not progress.
pub const CROSS_PERIOD: &str = "跨期";

fn percent_text(f: Option<&Figure>) -> String {
    match f {
        Some(Figure {
            percent: Some(p), ..
        }) => format!("{p:.0}%"),
        Some(Figure {
            cross_percent: Some(p),
            ..
        }) => format!("{p:.0}%{CROSS_PERIOD}"),
        _ => String::new(),
    }
}

fn row_line(app: &App, row: &CompareRow) -> CompareLine {
    let (l, r) = (row.left.as_ref(), row.right.as_ref());
    let period = match (l, r) {
        (Some(a), Some(b)) if a.period != b.period => format!(
            "{}|{}",
            period_label(a.period.as_deref()),
            period_label(b.period.as_deref())
        ),
        (Some(f), _) | (_, Some(f)) => period_label(f.period.as_deref()),
        (None, None) => String::new(),
    };
    let mark = if row.shared() && !row.same_period() {
        OTHER_PERIOD
    } else {
        ""
    };
    let diff = row.difference().map_or_else(String::new, |d| {
        let sign = if d > 0.0 { "+" } else { "" };
        format!("{sign}{}{}{mark}", format_value(d), app.safe(&row.unit))
    });
    let ratio = row
        .ratio()
        .map_or_else(String::new, |q| format!("{}x{mark}", format_value(q)));
    [
        format!(
            "{}{}",
            indicator_name(&row.indicator),
            kind_suffix(row.kind)
        ),
        period,
        value_text(app, l),
        value_text(app, r),
        diff,
        ratio,
        percent_text(l),
        percent_text(r),
    ]
}

fn loose_line(app: &App, l: &Loose, left: bool) -> CompareLine {
    let value = match l.value {
        Some(v) => format!("{}{}", format_value(v), app.safe(&l.unit)),
        None => "[隐去]".to_owned(),
    };
    let (a, b) = if left {
        (value, String::new())
    } else {
        (String::new(), value)
    };
    [
        format!("{}{}", app.safe(&l.label), kind_suffix(l.kind)),
        period_label(l.period.as_deref()),
        a,
        b,
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ]
}

/// The separator between the aligned rows and the figures no indicator fits.
pub const UNMATCHED: &str = "-- 未对齐 unmatched --";

/// The comparison rows of regions `left` and `right`: indicator rows for the chosen period,
/// then (after a separator row) each side's figures that no indicator fits.
pub(crate) fn table_lines(app: &App, left: usize, right: usize) -> Vec<CompareLine> {
    let (Some(lf), Some(rf)) = (app.figures_of(left), app.figures_of(right)) else {
        return Vec::new();
    };
    let mut out: Vec<CompareLine> = compare(&lf.figures, &rf.figures, &app.compare.period)
        .iter()
        .map(|r| row_line(app, r))
        .collect();
    if !lf.loose.is_empty() || !rf.loose.is_empty() {
        out.push([
            UNMATCHED.to_owned(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]);
        out.extend(lf.loose.iter().map(|l| loose_line(app, l, true)));
        out.extend(rf.loose.iter().map(|l| loose_line(app, l, false)));
    }
    out
}

/// The periods either compared region has figures for, latest first.
pub(crate) fn compare_periods(app: &App) -> Vec<String> {
    let figures = [app.region, app.compare.right]
        .into_iter()
        .filter_map(|r| app.figures_of(r))
        .flat_map(|f| f.figures.iter());
    periods(figures)
}

/// The rows of the table the pane shows: (first, count); the selection is on the last
/// shown row at most, so every row can be reached.
pub(crate) fn table_window(app: &App, total: usize) -> (usize, usize) {
    let table = layout::inner(layout::compare_panes(layout::frame(app.viewport).body).table);
    let height = usize::from(table.height.saturating_sub(1)).max(1);
    let first = app
        .compare
        .row
        .saturating_sub(height - 1)
        .min(total.saturating_sub(height));
    (first, height.min(total))
}

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
