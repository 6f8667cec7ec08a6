//! The compare screen's state and update: the right-hand region, the period lined up, the
//! selected table row and the two texts' scroll; and the table's rows, built from
//! [`crate::corpus::figures`] for the view to draw.

use crate::corpus::MetricKind;
use crate::corpus::figures::{
    CompareRow, Figure, Loose, PeriodChoice, compare, indicator_name, period_label, periods,
};
use crate::report;
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay, Screen};
use crate::tui::export::{ExportFormat, ExportRequest, slug};
use crate::tui::layout;
use crate::tui::widgets::gauge::format_value;

/// The compare screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareState {
    /// The region shown on the right (the left one is the current tab).
    pub right: usize,
    /// Scroll of the right-hand text.
    pub right_scroll: usize,
    /// Scroll both texts together.
    pub locked: bool,
    /// The selected row of the comparison table (moved with `n`/`N`, copied with `y`).
    pub row: usize,
    /// The period whose figures are lined up.
    pub period: PeriodChoice,
    /// The picker chooses the right-hand region (rather than the current tab).
    pub picking_right: bool,
}

impl App {
    /// The compare screen's actions: the right-hand region (step, picker, parent), scroll lock
    /// and the right-hand text's scroll.
    pub(crate) fn update_compare(&mut self, action: &Action) {
        match action {
            Action::NextCompareRegion | Action::PrevCompareRegion => {
                let n = self.regions.len().max(1);
                let forward = *action == Action::NextCompareRegion;
                let mut next = self.compare.right;
                for _ in 0..n {
                    next = if forward {
                        (next + 1) % n
                    } else {
                        (next + n - 1) % n
                    };
                    if next != self.region || n == 1 {
                        break;
                    }
                }
                self.compare.right = next;
                self.compare.right_scroll = 0;
                self.compare.row = 0;
            }
            Action::PickCompareRegion => {
                self.reset_picker(self.compare.right);
                self.compare.picking_right = true;
                self.show_at_least(Screen::Compare);
                self.overlay = Overlay::Picker;
            }
            Action::CompareWithParent => self.compare_with_parent(),
            Action::ToggleScrollLock => {
                self.compare.locked = !self.compare.locked;
                if self.compare.locked {
                    self.compare.right_scroll = self.scroll;
                    self.clamp_scroll();
                }
            }
            Action::ScrollRightDown | Action::ScrollRightUp => {
                self.scroll_right(if *action == Action::ScrollRightDown {
                    1
                } else {
                    -1
                });
            }
            _ => {}
        }
    }

    /// The two regions (among the first hundred) sharing the most canonical indicator rows
    /// with values on both sides, if any two share one.
    pub fn best_compare_pair(&self) -> Option<(usize, usize)> {
        let n = self.regions.len().min(100);
        let mut best: Option<(usize, (usize, usize))> = None;
        for a in 0..n {
            for b in (a + 1)..n {
                let (Some(fa), Some(fb)) = (self.figures_of(a), self.figures_of(b)) else {
                    continue;
                };
                let shared = crate::corpus::figures::compare(
                    &fa.figures,
                    &fb.figures,
                    &PeriodChoice::Latest,
                )
                .iter()
                .filter(|r| r.difference().is_some())
                .count();
                if shared > 0 && best.is_none_or(|(s, _)| shared > s) {
                    best = Some((shared, (a, b)));
                }
            }
        }
        best.map(|(_, pair)| pair)
    }

    /// After another article or region tab was opened: the right-hand region is never the
    /// left one, and its text and the table start at the top.
    pub(crate) fn left_region_changed(&mut self) {
        if self.compare.right == self.region && self.regions.len() > 1 {
            self.compare.right = (self.region + 1) % self.regions.len();
        }
        self.compare.right_scroll = 0;
        self.compare.row = 0;
    }

    /// Keeps the right-hand text's scroll within its lines.
    pub(crate) fn clamp_right_scroll(&mut self) {
        if let Some(right) = self.first_of(self.compare.right) {
            let area = self.main_text_area();
            let lines = self.doc(right, false, usize::from(area.width)).len();
            let max = lines.saturating_sub(usize::from(area.height));
            self.compare.right_scroll = self.compare.right_scroll.min(max);
        }
    }

    /// The comparison table of the two regions, built by [`crate::report`] as the CLI builds
    /// it; none while a region is compared with itself.
    pub(crate) fn compare_export(&self, format: ExportFormat) -> Option<ExportRequest> {
        let headers = self.corpus.headers();
        let raw_region = |r: usize| {
            self.first_of(r)
                .and_then(|i| headers.get(i))
                .map(|h| h.region.as_deref().unwrap_or(report::UNNAMED_REGION))
        };
        match (raw_region(self.region), raw_region(self.compare.right)) {
            (Some(a), Some(b)) if self.compare.right != self.region => Some(ExportRequest {
                scope: format!("{}-vs-{}", slug(a), slug(b)),
                tables: vec![(
                    "compare",
                    report::compare(
                        &self.corpus.measures(),
                        a,
                        b,
                        &self.compare.period,
                        &report::Filter::default(),
                    ),
                )],
                format,
            }),
            _ => None,
        }
    }

    /// Sets the right-hand compared region.
    pub fn set_compare_right(&mut self, region: usize) {
        if region < self.regions.len() {
            self.compare.right = region;
            self.compare.right_scroll = 0;
            self.compare.row = 0;
        }
    }

    /// Scrolls the right-hand text: the source text beside the targets, or the right region
    /// of the comparison (both texts while they are locked together).
    pub(crate) fn scroll_right(&mut self, delta: isize) {
        match self.screen {
            Screen::Gauges => self.scroll_by(delta),
            Screen::Compare if self.compare.locked => self.scroll_by(delta),
            Screen::Compare => {
                self.compare.right_scroll = self.compare.right_scroll.saturating_add_signed(delta);
                self.clamp_scroll();
            }
            Screen::Reader | Screen::Overview | Screen::Source => {
                let keys =
                    crate::tui::keymap::keys_for(&Action::ScrollRightDown, &Action::ScrollRightUp);
                self.message = Some(format!(
                    "{keys}: 此屏没有右栏文字 no right-hand text here (targets, compare)"
                ));
            }
        }
    }

    /// Moves the selected row of the comparison table; the table scrolls with it, down to
    /// its last row.
    pub(crate) fn step_compare_row(&mut self, down: bool) {
        let rows = table_lines(self, self.region, self.compare.right);
        self.compare.row = if down {
            self.compare.row.saturating_add(1)
        } else {
            self.compare.row.saturating_sub(1)
        }
        .min(rows.len().saturating_sub(1));
    }

    /// Compares the current region with the nearest region up its gazetteer path.
    pub(crate) fn compare_with_parent(&mut self) {
        let Some(current) = self.regions.get(self.region) else {
            return;
        };
        let mut ancestors = current.path.iter().rev().skip(1);
        let parent = ancestors.find_map(|name| self.regions.iter().position(|r| r.name == *name));
        if let Some(p) = parent {
            self.compare.right = p;
            self.compare.right_scroll = 0;
            self.compare.row = 0;
            self.show_at_least(Screen::Compare);
        } else {
            let up = current
                .path
                .len()
                .checked_sub(2)
                .and_then(|i| current.path.get(i));
            self.message = Some(match up {
                Some(name) => format!("上级 {name} 没有文章 parent has no articles"),
                None => "不知上级 parent unknown".to_owned(),
            });
        }
    }

    pub(crate) fn compare_row_text(&self) -> Option<String> {
        let rows = table_lines(self, self.region, self.compare.right);
        let [label, period, left, right, diff, ratio, ..] = rows.get(self.compare.row)?;
        if right.is_empty() && left.is_empty() {
            return None; // the separator row
        }
        let right_name = self
            .regions
            .get(self.compare.right)
            .map_or("", |r| r.name.as_str());
        let mut text = format!(
            "{label} {period} | {} {left} | {right_name} {right}",
            self.region_name()
        );
        if !diff.is_empty() {
            text = format!("{text} | 差 {diff} | 比 {ratio}");
        }
        Some(text)
    }
}

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

#[cfg(test)]
mod tests {
    use crossterm::event::KeyCode;

    use super::*;
    use crate::tui::action::Action;
    use crate::tui::testing::{app, press};

    #[test]
    fn compare_never_pairs_a_region_with_itself() {
        let mut app = app();
        press(&mut app, KeyCode::Char('c'));
        assert_eq!(app.screen, Screen::Compare);
        assert_eq!(app.compare.right, 1);
        for _ in 0..10 {
            press(&mut app, KeyCode::Char('>'));
            assert_ne!(app.compare.right, app.region);
        }
        press(&mut app, KeyCode::Char('<'));
        assert_ne!(app.compare.right, app.region);
        press(&mut app, KeyCode::Char('L'));
        assert!(!app.compare.locked);
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.screen, Screen::Reader);
    }

    #[test]
    fn shift_j_and_k_scroll_the_right_pane_only() {
        let mut app = app();
        app.update(Action::Resize(60, 12));
        press(&mut app, KeyCode::Char('2'));
        press(&mut app, KeyCode::Char('J'));
        assert_eq!(app.scroll, 0, "the reader has no right-hand text to scroll");
        assert!(
            app.message().is_some_and(|m| m.contains("J/K")),
            "{:?}",
            app.message()
        );
        // Targets: the right pane is the source text; the selection stays.
        press(&mut app, KeyCode::Char('t'));
        press(&mut app, KeyCode::Char('g'));
        let item = app.gauges.item;
        press(&mut app, KeyCode::Char('J'));
        assert_eq!((app.scroll, app.gauges.item), (1, item));
        // Compare, unlocked: only the right text moves.
        press(&mut app, KeyCode::Char('c'));
        press(&mut app, KeyCode::Char('L'));
        press(&mut app, KeyCode::Char('J'));
        assert_eq!((app.scroll, app.compare.right_scroll), (0, 1));
        press(&mut app, KeyCode::Char('K'));
        assert_eq!(app.compare.right_scroll, 0);
    }
}
