//! The compare screen: two regions side by side. Their metrics and gauge percents are
//! aligned by what they measure (label and kind), figures are converted to a common unit so
//! 亿元 and 万元 line up, and the difference is shown; below, both texts, scrolled together or
//! apart. Also the unit arithmetic and region summaries the overview shares.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::reader::text_pane;
use super::{block, title};
use crate::corpus::MetricKind;
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::widgets::gauge::format_value;
use crate::tui::widgets::grid::{Column, Grid, GridRow};

/// Units convert through the corpus's own table, so the explorer and `zhaoshang compare`
/// agree.
pub use crate::corpus::units::scale as unit_scale;

/// One figure of a region, for comparing and ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// What it measures.
    pub label: String,
    /// Its kind; gauge percents are `ProgressPct`.
    pub kind: MetricKind,
    /// The value, `None` when redacted.
    pub value: Option<f64>,
    /// The unit as written.
    pub unit: String,
    /// A gauge percent whose actual and target come from different periods: not progress,
    /// so it is marked and never ranked.
    pub cross_period: bool,
}

impl Figure {
    /// The kind as shown: `progress_pct`, or `progress_pct [跨期]` for a cross-period pair.
    pub fn kind_text(&self) -> String {
        if self.cross_period {
            format!("{} {CROSS_PERIOD}", self.kind.as_str())
        } else {
            self.kind.as_str().to_owned()
        }
    }

    /// True when `other` measures the same thing (label, kind, and period alignment).
    pub fn same_as(&self, other: &Figure) -> bool {
        self.label == other.label
            && self.kind == other.kind
            && self.cross_period == other.cross_period
    }
}

/// The tag of a cross-period pair (last period's actual against this period's target).
pub const CROSS_PERIOD: &str = "[跨期]";

/// The figures of region `region`: the first metric of each label and kind across its
/// articles, then each gauge's percent.
pub fn figures(app: &App, region: usize) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    let Some(r) = app.regions.get(region) else {
        return out;
    };
    let measures = app.corpus.measures();
    for a in r.articles.iter().filter_map(|&i| measures.get(i)) {
        for m in &a.metrics {
            if !out
                .iter()
                .any(|f| f.label == m.label && f.kind == m.kind && !f.cross_period)
            {
                let value = if m.redacted { None } else { m.value };
                out.push(Figure {
                    label: m.label.clone(),
                    kind: m.kind,
                    value,
                    unit: m.unit.clone(),
                    cross_period: false,
                });
            }
        }
        for g in &a.gauges {
            let percent = crate::tui::widgets::gauge::TargetGauge::new("", g.actual, g.target)
                .percent(g.percent)
                .shown_percent();
            let figure = Figure {
                label: g.label.clone(),
                kind: MetricKind::ProgressPct,
                value: percent,
                unit: "%".to_owned(),
                cross_period: g.cross_period,
            };
            if !out.iter().any(|f| f.same_as(&figure)) {
                out.push(figure);
            }
        }
    }
    out
}

/// Two figures in a common unit (the larger of the two): (left, right, unit), or `None`
/// when the units measure different things.
///
/// ```
/// use zhaoshang::tui::views::compare::common_unit;
/// let (l, r, unit) = common_unit(84.57, "亿元", 5000.0, "万元").unwrap();
/// assert_eq!((l, r, unit.as_str()), (84.57, 0.5, "亿元"));
/// assert!(common_unit(1.0, "亿元", 1.0, "个").is_none());
/// ```
pub fn common_unit(
    left: f64,
    left_unit: &str,
    right: f64,
    right_unit: &str,
) -> Option<(f64, f64, String)> {
    let (lb, lf) = unit_scale(left_unit);
    let (rb, rf) = unit_scale(right_unit);
    if lb != rb {
        return None;
    }
    let (factor, unit) = if lf >= rf {
        (lf, left_unit)
    } else {
        (rf, right_unit)
    };
    Some((left * lf / factor, right * rf / factor, unit.to_owned()))
}

/// One aligned row: label, kind, left text, right text, difference text.
pub(crate) fn aligned_rows(app: &App, left: usize, right: usize) -> Vec<[String; 5]> {
    let lefts = figures(app, left);
    let rights = figures(app, right);
    let mut keys: Vec<Figure> = lefts.clone();
    for f in &rights {
        if !keys.iter().any(|k| k.same_as(f)) {
            keys.push(f.clone());
        }
    }
    // Shared figures first: they are what a comparison is for.
    let find = |list: &[Figure], key: &Figure| list.iter().find(|f| f.same_as(key)).cloned();
    keys.sort_by_key(|k| usize::from(!(find(&lefts, k).is_some() && find(&rights, k).is_some())));
    keys.into_iter()
        .map(|key| {
            let lf = find(&lefts, &key);
            let rf = find(&rights, &key);
            let show = |f: &Option<Figure>| match f {
                Some(Figure {
                    value: Some(v),
                    unit,
                    ..
                }) => format!("{}{}", format_value(*v), app.safe(unit)),
                Some(_) => "[隐去]".to_owned(),
                None => "-".to_owned(),
            };
            let (mut lt, mut rt) = (show(&lf), show(&rf));
            let diff = match (&lf, &rf) {
                (
                    Some(Figure {
                        value: Some(a),
                        unit: ua,
                        ..
                    }),
                    Some(Figure {
                        value: Some(b),
                        unit: ub,
                        ..
                    }),
                ) => match common_unit(*a, ua, *b, ub) {
                    Some((a, b, unit)) => {
                        if ua != ub {
                            lt = format!("{}{}", format_value(a), app.safe(&unit));
                            rt = format!("{}{}", format_value(b), app.safe(&unit));
                        }
                        let d = a - b;
                        let sign = if d > 0.0 { "+" } else { "" };
                        format!("{sign}{}{}", format_value(d), app.safe(&unit))
                    }
                    None => "单位不同 units differ".to_owned(),
                },
                _ => String::new(),
            };
            [
                app.safe(&key.label).into_owned(),
                key.kind_text(),
                lt,
                rt,
                diff,
            ]
        })
        .collect()
}

/// Draws the compare screen into `body`.
pub(crate) fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let panes = layout::compare_panes(body);
    let left_name = app.regions.get(app.region).map_or("", |r| r.name.as_str());
    let right_name = app
        .regions
        .get(app.compare.right)
        .map_or("", |r| r.name.as_str());
    let mut rows = aligned_rows(app, app.region, app.compare.right);
    // The selected row (what `y` copies) is marked, not only styled.
    if let Some(row) = rows.get_mut(app.compare.row) {
        row[0] = format!("> {}", row[0]);
    }
    let lock = if app.compare.locked {
        "同步 locked"
    } else {
        "独立 free (J/K)"
    };
    let head = format!("对比 compare: {left_name} | {right_name} - </> 换 - L {lock}");
    let empty = rows.is_empty();
    let label_width = super::column_width("指标 label", rows.iter().map(|r| r[0].as_str()), 10, 30);
    let width_of =
        |i: usize, head: &str| super::column_width(head, rows.iter().map(|r| r[i].as_str()), 8, 18);
    let columns = [
        Column::left(Constraint::Length(label_width)),
        Column::left(Constraint::Length(super::column_width(
            "类型 kind",
            rows.iter().map(|r| r[1].as_str()),
            10,
            20,
        ))),
        Column::right(Constraint::Length(width_of(2, left_name))),
        Column::right(Constraint::Length(width_of(3, right_name))),
        Column::right(Constraint::Length(width_of(4, "差 difference"))),
        Column::left(Constraint::Fill(1)),
    ];
    let header = [
        "指标 label",
        "类型 kind",
        left_name,
        right_name,
        "差 difference",
    ];
    let header = GridRow::new(header.map(str::to_owned).to_vec(), app.theme.title);
    let total = rows.len();
    let body: Vec<GridRow> = rows
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let style = if i == app.compare.row {
                app.theme.selected
            } else {
                app.theme.text
            };
            GridRow::new(r.to_vec(), style)
        })
        .collect();
    let inner = layout::inner(panes.table);
    let shown = total.min(usize::from(inner.height.saturating_sub(1)));
    let mut frame = block(app, title(app, &head, panes.table.width));
    if shown < total {
        let more = format!(" {shown}/{total} 行 rows ");
        frame = frame.title_bottom(Line::from(more).right_aligned());
    }
    frame.render(panes.table, buf);
    (&Grid::new(&columns, &body)
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
