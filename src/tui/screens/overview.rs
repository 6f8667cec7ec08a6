//! The overview's state and update: its filters (period, level, parent, value or percent of
//! target) and the selected row; and the rankings and rows, built from
//! [`crate::corpus::figures`] and cached per filter, for the view to draw.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use crate::corpus::RegionLevel;
use crate::corpus::figures::{
    Figure, PeriodChoice, RankBy, Ranking, RegionFigures, indicator_name, indicator_order,
    is_under, period_label, rank_figures,
};
use crate::report;
use crate::text::width::display_width;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen, UNNAMED_REGION, safe_text};
use crate::tui::export::{ExportFormat, ExportRequest, slug};
use crate::tui::widgets::gauge::format_value;

/// The overview's state: its filters, the selected row, and what is built for the view.
#[derive(Debug, Default)]
pub struct OverviewState {
    /// What is ranked, for which period, among which regions.
    pub filters: OverviewFilters,
    /// The selected row (moved with `j`/`k`, copied with `y`).
    pub row: usize,
    /// The rankings of every named region, per period and measure asked for so far.
    prepared: RefCell<Vec<(PeriodChoice, RankBy, Arc<RankedAll>)>>,
    /// The table for the last filters asked for.
    table: RefCell<Option<(OverviewFilters, OverviewRows)>>,
}

/// The overview's filters: what is ranked, for which period, among which regions.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OverviewFilters {
    /// The period ranked (each region's latest by default).
    pub period: PeriodChoice,
    /// Rank by value or by percent of target.
    pub by: RankBy,
    /// Only regions of this level.
    pub level: Option<RegionLevel>,
    /// Only regions under this one (a name on their gazetteer path).
    pub parent: Option<String>,
}

impl App {
    /// The overview's filter actions: level, parent, value or percent of target.
    pub(crate) fn update_overview(&mut self, action: &Action) {
        match action {
            Action::NextLevelFilter => {
                const LEVELS: [Option<RegionLevel>; 6] = [
                    None,
                    Some(RegionLevel::Province),
                    Some(RegionLevel::Prefecture),
                    Some(RegionLevel::County),
                    Some(RegionLevel::Township),
                    Some(RegionLevel::Zone),
                ];
                let at = LEVELS
                    .iter()
                    .position(|l| *l == self.overview.filters.level)
                    .unwrap_or(0);
                self.overview.filters.level = LEVELS[(at + 1) % LEVELS.len()];
                self.overview_changed();
            }
            Action::ScopeToParent => {
                self.overview.filters.parent = match self.overview.filters.parent {
                    Some(_) => None,
                    None => self.regions.get(self.region).and_then(|r| {
                        r.path
                            .len()
                            .checked_sub(2)
                            .and_then(|i| r.path.get(i))
                            .cloned()
                    }),
                };
                if self.overview.filters.parent.is_none() {
                    self.message = Some("全部地区 all regions".to_owned());
                }
                self.overview_changed();
            }
            Action::ToggleRankBy => {
                self.overview.filters.by = match self.overview.filters.by {
                    RankBy::Value => RankBy::Percent,
                    RankBy::Percent => RankBy::Value,
                };
                self.overview_changed();
            }
            _ => {}
        }
    }

    /// `j`/`k` on the overview: moves the selected row and keeps it on screen.
    pub(crate) fn move_overview_row(&mut self, down: bool) {
        let rows = self.overview_rows();
        self.overview.row = if down {
            self.overview.row.saturating_add(1)
        } else {
            self.overview.row.saturating_sub(1)
        }
        .min(rows.saturating_sub(1));
        let (_, height) = self.main_extent();
        let height = height.max(1);
        if self.overview.row < self.scroll {
            self.scroll = self.overview.row;
        } else if self.overview.row >= self.scroll + height {
            self.scroll = self.overview.row + 1 - height;
        }
        self.clamp_scroll();
    }

    /// `e`/`E` on the overview: the ranking under the screen's filters, as the CLI's
    /// `zhaoshang overview` prints it.
    pub(crate) fn overview_export(&self, format: ExportFormat) -> ExportRequest {
        let filters = &self.overview.filters;
        let filter = report::Filter {
            level: filters.level,
            parent: filters.parent.clone(),
            period: match &filters.period {
                PeriodChoice::Latest => None,
                PeriodChoice::Exactly(p) => Some(p.clone()),
            },
            ..report::Filter::default()
        };
        ExportRequest {
            scope: filters
                .parent
                .as_deref()
                .map_or_else(|| "all".to_owned(), slug),
            tables: vec![(
                "overview",
                report::overview(&self.corpus.measures(), &filter, filters.by),
            )],
            format,
        }
    }

    /// How many rows the overview table has (one per metric label and region).
    pub fn overview_rows(&self) -> usize {
        rows(self).len()
    }

    /// After a filter of the overview changed: back to its first row.
    pub(crate) fn overview_changed(&mut self) {
        self.overview.row = 0;
        self.scroll = 0;
        self.show_at_least(Screen::Overview);
    }

    pub(crate) fn overview_row_text(&self) -> Option<String> {
        let table = rows(self);
        let ranking = table.ranking_of(self.overview.row)?;
        let row = table.line(self, self.overview.row)?;
        // Only a ranking's first row names its indicator.
        let first = (0..=self.overview.row)
            .rev()
            .find(|&i| table.ranking_of(i) == Some(ranking) && table.is_first(i))?;
        let head = table.line(self, first)?;
        Some(format!(
            "{} {} #{} {} {} {}",
            head[0], row[1], row[2], row[3], row[4], row[5]
        ))
    }
}

/// The rankings of every named region for one period and measure, with each entry's cells
/// formatted once: a level or parent filter only picks entries out of them.
#[derive(Debug, Default)]
pub struct RankedAll {
    /// The rankings, best first within each; entries name regions by their tab index.
    pub rankings: Vec<Ranking>,
    /// Per ranking, per entry: the period, value and percent cells.
    cells: Vec<Vec<EntryCells>>,
}

/// One entry's formatted cells and their display widths.
#[derive(Debug)]
struct EntryCells {
    period: String,
    value: String,
    percent: String,
    /// Display widths of period, region, value and percent.
    widths: [u16; 4],
}

/// One ranking under the current filters: which prepared ranking, and the positions of the
/// entries kept in it, best first.
#[derive(Debug)]
pub struct Shown {
    /// Index into [`RankedAll::rankings`].
    pub ranking: usize,
    /// Positions in that ranking's entries.
    pub entries: Vec<usize>,
    /// True when the kept entries come from more than one period.
    pub mixed: bool,
}

/// One row of the overview table, formatted only when drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowRef {
    /// The `at`-th kept entry of the `shown`-th ranking.
    Entry { shown: usize, at: usize },
    /// The separator before the articles whose region is unknown.
    Apart,
    /// An article whose region is unknown.
    Unnamed(usize),
}

/// The overview under one set of filters: the rankings shown, the table rows and the
/// columns' widths; built once per filter from a [`RankedAll`].
#[derive(Debug)]
pub struct OverviewTable {
    /// The prepared rankings the rows point into.
    pub prepared: Arc<RankedAll>,
    /// The rankings shown, in display order.
    pub shown: Vec<Shown>,
    rows: Vec<RowRef>,
    /// The widest cell of each column (header excluded; the rank column is fixed).
    pub widths: [u16; 6],
}

/// One row of the overview table: indicator (first row of a ranking), period, rank,
/// region, value with its unit, percent of target.
pub type OverviewLine = [String; 6];

/// The separator before the articles whose region is unknown.
pub const NOT_RANKED: &str = "-- 地区不详 不排名 --";

/// The overview's table for the current filters, shared: built once per filter.
pub type OverviewRows = Rc<OverviewTable>;

impl OverviewTable {
    /// How many rows the table has.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when there is no row at all.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The shown ranking row `row` belongs to (`None` for rows listed apart).
    pub fn ranking_of(&self, row: usize) -> Option<usize> {
        match self.rows.get(row)? {
            RowRef::Entry { shown, .. } => Some(*shown),
            _ => None,
        }
    }

    /// True when row `row` is the first of its ranking.
    pub fn is_first(&self, row: usize) -> bool {
        matches!(self.rows.get(row), Some(RowRef::Entry { at: 0, .. }))
    }

    /// The `shown`-th ranking's entries kept under the filters: (region tab, figure, value
    /// ranked on), best first.
    pub fn entries(
        &self,
        shown: usize,
    ) -> impl Iterator<Item = &(usize, crate::corpus::figures::Figure, f64)> {
        let kept = self.shown.get(shown);
        let ranking = kept.and_then(|s| self.prepared.rankings.get(s.ranking));
        kept.into_iter()
            .flat_map(|s| s.entries.iter())
            .filter_map(move |&e| ranking.and_then(|r| r.entries.get(e)))
    }

    /// The `shown`-th ranking as prepared (its indicator and unit).
    pub fn ranking(&self, shown: usize) -> Option<&Ranking> {
        self.prepared.rankings.get(self.shown.get(shown)?.ranking)
    }

    /// The text of row `row`.
    pub fn line(&self, app: &App, row: usize) -> Option<OverviewLine> {
        Some(match *self.rows.get(row)? {
            RowRef::Entry { shown, at } => {
                let s = self.shown.get(shown)?;
                let e = *s.entries.get(at)?;
                let cells = self.prepared.cells.get(s.ranking)?.get(e)?;
                let region = self.prepared.rankings.get(s.ranking)?.entries.get(e)?.0;
                let name = app.regions.get(region).map_or("", |x| x.name.as_str());
                let indicator = if at == 0 {
                    let r = self.prepared.rankings.get(s.ranking)?;
                    format!("{} ({})", indicator_name(&r.indicator), s.entries.len())
                } else {
                    String::new()
                };
                let mut period = cells.period.clone();
                if s.mixed {
                    period.push('*');
                }
                [
                    indicator,
                    period,
                    (at + 1).to_string(),
                    name.to_owned(),
                    cells.value.clone(),
                    cells.percent.clone(),
                ]
            }
            RowRef::Apart => [
                NOT_RANKED.to_owned(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ],
            RowRef::Unnamed(article) => [
                String::new(),
                String::new(),
                "-".to_owned(),
                app.title(article),
                String::new(),
                String::new(),
            ],
        })
    }
}

/// The periods `p` steps through, in order: those in which two regions or more have a
/// figure of one indicator to rank (a period no ranking has would show an empty overview).
pub(crate) fn overview_periods(app: &App) -> Vec<String> {
    let figures = app.background.figures();
    let by = app.overview.filters.by;
    // Per indicator, unit and period: the last region seen and how many regions.
    let mut regions: HashMap<(&str, &str, &str), (usize, usize)> = HashMap::new();
    for (r, f) in figures.iter().enumerate() {
        for fig in &f.figures {
            let Some(period) = fig.period.as_deref() else {
                continue;
            };
            if !by.ranks(fig) {
                continue;
            }
            let seen = regions
                .entry((&fig.indicator, &fig.unit, period))
                .or_insert((usize::MAX, 0));
            if seen.0 != r {
                *seen = (r, seen.1 + 1);
            }
        }
    }
    let rankable: std::collections::HashSet<&str> = regions
        .iter()
        .filter(|(_, (_, n))| *n >= 2)
        .map(|((_, _, p), _)| *p)
        .collect();
    crate::corpus::figures::periods(figures.iter().flat_map(|f| &f.figures))
        .into_iter()
        .filter(|p| rankable.contains(p.as_str()))
        .collect()
}

/// The rankings of every named region for the period and measure of `key`, computed once
/// per period and measure and kept (a filter change then costs no ranking). The opening
/// filters' rankings come prepared by the background worker.
fn prepared(app: &App, key: &OverviewFilters) -> Arc<RankedAll> {
    if let Some((_, _, p)) = app
        .overview
        .prepared
        .borrow()
        .iter()
        .find(|(period, by, _)| *period == key.period && *by == key.by)
    {
        return Arc::clone(p);
    }
    let out = if key.period == PeriodChoice::Latest && key.by == RankBy::Value {
        app.background.first_rankings()
    } else {
        let names: Vec<Option<&str>> = app
            .regions
            .iter()
            .map(|r| (r.name != UNNAMED_REGION).then_some(r.name.as_str()))
            .collect();
        Arc::new(rank_all(
            &names,
            app.background.figures(),
            &key.period,
            key.by,
            app.ambiguous_wide,
        ))
    };
    app.overview
        .prepared
        .borrow_mut()
        .push((key.period.clone(), key.by, Arc::clone(&out)));
    out
}

/// Ranks the regions named in `names` (`None`: not a region, never ranked) on their
/// `figures` (both in tab order) for `period` and `by`, and formats each entry's cells.
pub(crate) fn rank_all(
    names: &[Option<&str>],
    figures: &[RegionFigures],
    period: &PeriodChoice,
    by: RankBy,
    ambiguous_wide: bool,
) -> RankedAll {
    // Each named region's figures, borrowed; entries come back as positions in this list.
    let (tabs, ranked): (Vec<usize>, Vec<&[Figure]>) = names
        .iter()
        .zip(figures)
        .enumerate()
        .filter(|(_, (name, _))| name.is_some())
        .map(|(i, (_, f))| (i, f.figures.as_slice()))
        .unzip();
    let mut rankings = rank_figures(&ranked, period, by, 2);
    // Entries name regions by their index among the ranked ones; map back to tabs.
    for r in &mut rankings {
        for e in &mut r.entries {
            e.0 = tabs.get(e.0).copied().unwrap_or(usize::MAX);
        }
    }
    let width = |s: &str| u16::try_from(display_width(s)).unwrap_or(u16::MAX);
    let cells = rankings
        .iter()
        .map(|r| {
            r.entries
                .iter()
                .map(|(region, figure, _)| {
                    let name = names.get(*region).copied().flatten().unwrap_or("");
                    let period = period_label(figure.period.as_deref());
                    let value = figure.value.map_or_else(
                        || "[隐去]".to_owned(),
                        |v| {
                            format!(
                                "{}{}",
                                format_value(v),
                                safe_text(&figure.unit, ambiguous_wide)
                            )
                        },
                    );
                    let percent = figure
                        .percent
                        .map_or_else(String::new, |p| format!("{p:.0}%"));
                    let widths = [width(&period), width(name), width(&value), width(&percent)];
                    EntryCells {
                        period,
                        value,
                        percent,
                        widths,
                    }
                })
                .collect()
        })
        .collect();
    RankedAll { rankings, cells }
}

/// The overview's table under the current filters, built once per filter: the prepared
/// rankings' entries of regions at the level and under the parent asked for, rankings with
/// fewer than two such entries dropped. Ties (one indicator in two units) keep the order of
/// the unfiltered rankings.
pub(crate) fn rows(app: &App) -> OverviewRows {
    let key = app.overview.filters.clone();
    if let Some((k, cached)) = &*app.overview.table.borrow()
        && *k == key
    {
        return Rc::clone(cached);
    }
    let out = Rc::new(build_table(app, &key));
    *app.overview.table.borrow_mut() = Some((key, Rc::clone(&out)));
    out
}

fn build_table(app: &App, key: &OverviewFilters) -> OverviewTable {
    let prepared = prepared(app, key);
    let unfiltered = key.level.is_none() && key.parent.is_none();
    let keep = |region: usize| {
        unfiltered
            || app.regions.get(region).is_some_and(|r| {
                (key.level.is_none() || r.level == key.level)
                    && key.parent.as_ref().is_none_or(|p| is_under(&r.path, p))
            })
    };
    let mut shown: Vec<Shown> = prepared
        .rankings
        .iter()
        .enumerate()
        .filter_map(|(n, r)| {
            let entries: Vec<usize> = r
                .entries
                .iter()
                .enumerate()
                .filter(|(_, e)| keep(e.0))
                .map(|(i, _)| i)
                .collect();
            let mixed = entries
                .windows(2)
                .any(|w| r.entries[w[0]].1.period != r.entries[w[1]].1.period);
            (entries.len() >= 2).then_some(Shown {
                ranking: n,
                entries,
                mixed,
            })
        })
        .collect();
    shown.sort_by_key(|s| {
        (
            std::cmp::Reverse(s.entries.len()),
            indicator_order(&prepared.rankings[s.ranking].indicator),
        )
    });
    let mut rows = Vec::new();
    let mut widths = [0u16; 6];
    let widen = |w: &mut u16, x: u16| *w = (*w).max(x);
    let width = |s: &str| u16::try_from(display_width(s)).unwrap_or(u16::MAX);
    for (n, s) in shown.iter().enumerate() {
        let r = &prepared.rankings[s.ranking];
        let head = format!("{} ({})", indicator_name(&r.indicator), s.entries.len());
        widen(&mut widths[0], width(&head));
        for (at, &e) in s.entries.iter().enumerate() {
            rows.push(RowRef::Entry { shown: n, at });
            let c = &prepared.cells[s.ranking][e].widths;
            widen(&mut widths[1], c[0] + u16::from(s.mixed));
            widen(&mut widths[3], c[1]);
            widen(&mut widths[4], c[2]);
            widen(&mut widths[5], c[3]);
        }
    }
    if let Some(unnamed) = app.regions.iter().find(|r| r.name == UNNAMED_REGION) {
        rows.push(RowRef::Apart);
        widen(&mut widths[0], width(NOT_RANKED));
        for &a in &unnamed.articles {
            rows.push(RowRef::Unnamed(a));
            widen(&mut widths[3], width(&app.title(a)));
        }
    }
    OverviewTable {
        prepared,
        shown,
        rows,
        widths,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::figures::{RankedRegion, rank};
    use crate::tui::Options;

    /// What the table shows: per ranking, its indicator, unit and regions (tabs), best first.
    type Shape = Vec<(String, String, Vec<usize>)>;

    fn shown(app: &App) -> Shape {
        let table = rows(app);
        (0..table.shown.len())
            .map(|n| {
                let r = table.ranking(n).expect("a shown ranking");
                (
                    r.indicator.clone(),
                    r.unit.clone(),
                    table.entries(n).map(|e| e.0).collect(),
                )
            })
            .collect()
    }

    /// The same filters applied before ranking, as the overview did before it kept its
    /// rankings per period and measure.
    fn ranked_after_filtering(app: &App) -> Shape {
        let key = &app.overview.filters;
        let kept: Vec<(usize, RankedRegion)> = app
            .regions
            .iter()
            .enumerate()
            .filter(|(_, r)| r.name != UNNAMED_REGION)
            .filter(|(_, r)| key.level.is_none() || r.level == key.level)
            .filter(|(_, r)| key.parent.as_ref().is_none_or(|p| is_under(&r.path, p)))
            .map(|(i, r)| {
                let figures = app.figures_of(i).map(|f| f.figures.clone());
                (
                    i,
                    RankedRegion {
                        name: r.name.clone(),
                        level: r.level,
                        path: Vec::new(),
                        figures: figures.unwrap_or_default(),
                    },
                )
            })
            .collect();
        let regions: Vec<RankedRegion> = kept.iter().map(|(_, r)| r.clone()).collect();
        rank(&regions, &key.period, key.by, 2)
            .into_iter()
            .map(|r| {
                let tabs = r.entries.iter().map(|e| kept[e.0].0).collect();
                (r.indicator, r.unit, tabs)
            })
            .collect()
    }

    #[test]
    fn every_period_p_steps_to_has_a_ranking() {
        let mut app = App::new(crate::corpus::builtin(), &Options::default());
        app.update(Action::ShowOverview);
        let mut steps = 0;
        loop {
            app.update(Action::NextPeriod);
            if app.overview.filters.period == PeriodChoice::Latest {
                break;
            }
            steps += 1;
            assert!(!rows(&app).shown.is_empty(), "{:?}", app.overview.filters);
            assert!(steps < 200, "the periods come round to the latest");
        }
        assert!(steps >= 2, "{steps}");
    }

    #[test]
    fn filtering_the_prepared_rankings_is_ranking_the_filtered_regions() {
        let mut app = App::new(crate::corpus::builtin(), &Options::default());
        app.update(Action::ShowOverview);
        for _ in 0..6 {
            for _ in 0..2 {
                assert_eq!(
                    shown(&app),
                    ranked_after_filtering(&app),
                    "{:?}",
                    app.overview.filters
                );
                app.update(Action::ToggleRankBy);
            }
            app.update(Action::NextLevelFilter);
        }
        assert_eq!(app.overview.filters.level, None);
        assert!(shown(&app).iter().any(|(_, _, tabs)| tabs.len() >= 3));
        for parent in ["湖北省", "重庆市", "内蒙古自治区", "江西省"] {
            app.overview.filters.parent = Some(parent.to_owned());
            assert_eq!(shown(&app), ranked_after_filtering(&app), "{parent}");
        }
        // Two regions under 内蒙古自治区 (通辽市, 阿拉善盟) share 到位资金.
        app.overview.filters.parent = Some("内蒙古自治区".to_owned());
        assert!(
            shown(&app)
                .iter()
                .any(|(id, _, tabs)| id == "funds_in_place" && tabs.len() == 2)
        );
    }
}
