//! The overview's state and update: its filters (period, level, parent, value or percent of
//! target) and the selected row; and the rankings and rows, built from
//! [`crate::corpus::figures`] and cached per filter, for the view to draw.

use std::rc::Rc;

use crate::corpus::RegionLevel;
use crate::corpus::figures::{
    PeriodChoice, RankBy, RankedRegion, Ranking, indicator_name, period_label, rank,
};
use crate::tui::action::Action;
use crate::tui::app::{App, Screen, UNNAMED_REGION};
use crate::tui::widgets::gauge::format_value;

/// The overview's filters: what is ranked, for which period, among which regions.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OverviewState {
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
                    .position(|l| *l == self.overview.level)
                    .unwrap_or(0);
                self.overview.level = LEVELS[(at + 1) % LEVELS.len()];
                self.overview_changed();
            }
            Action::ScopeToParent => {
                self.overview.parent = match self.overview.parent {
                    Some(_) => None,
                    None => self.regions.get(self.region).and_then(|r| {
                        r.path
                            .len()
                            .checked_sub(2)
                            .and_then(|i| r.path.get(i))
                            .cloned()
                    }),
                };
                if self.overview.parent.is_none() {
                    self.message = Some("全部地区 all regions".to_owned());
                }
                self.overview_changed();
            }
            Action::ToggleRankBy => {
                self.overview.by = match self.overview.by {
                    RankBy::Value => RankBy::Percent,
                    RankBy::Percent => RankBy::Value,
                };
                self.overview_changed();
            }
            _ => {}
        }
    }

    /// How many rows the overview table has (one per metric label and region).
    pub fn overview_rows(&self) -> usize {
        rows(self).len()
    }

    /// After a filter of the overview changed: back to its first row.
    pub(crate) fn overview_changed(&mut self) {
        self.overview_row = 0;
        self.scroll = 0;
        self.show_at_least(Screen::Overview);
    }

    pub(crate) fn overview_row_text(&self) -> Option<String> {
        let rows = rows(self);
        let (row, ranking) = rows.get(self.overview_row)?;
        let ranking = (*ranking)?;
        // Only a ranking's first row names its indicator.
        let head = rows[..=self.overview_row]
            .iter()
            .rev()
            .find(|r| r.1 == Some(ranking) && !r.0[0].is_empty())?;
        Some(format!(
            "{} {} #{} {} {} {}",
            head.0[0], row[1], row[2], row[3], row[4], row[5]
        ))
    }
}

/// The rankings the overview shows under the current filters, computed once per filter.
pub(crate) fn rankings(app: &App) -> Rc<Vec<Ranking>> {
    let key = app.overview.clone();
    if let Some((k, cached)) = &*app.rankings.borrow()
        && *k == key
    {
        return Rc::clone(cached);
    }
    let regions: Vec<RankedRegion> = app
        .regions
        .iter()
        .enumerate()
        .filter(|(_, r)| r.name != UNNAMED_REGION)
        .filter(|(_, r)| key.level.is_none() || r.level == key.level)
        .filter(|(_, r)| {
            key.parent
                .as_ref()
                .is_none_or(|p| r.path.split_last().is_some_and(|(_, up)| up.contains(p)))
        })
        .map(|(i, r)| RankedRegion {
            name: r.name.clone(),
            level: r.level,
            path: vec![i.to_string()],
            figures: app
                .figures_of(i)
                .map(|f| f.figures.clone())
                .unwrap_or_default(),
        })
        .collect();
    let mut out = rank(&regions, &key.period, key.by, 2);
    // Entries name regions by their index among the filtered ones; map back to tabs.
    for r in &mut out {
        for e in &mut r.entries {
            e.0 = regions
                .get(e.0)
                .and_then(|x| x.path.first())
                .and_then(|s| s.parse().ok())
                .unwrap_or(usize::MAX);
        }
    }
    let out = Rc::new(out);
    *app.rankings.borrow_mut() = Some((key, Rc::clone(&out)));
    out
}

/// One row of the overview table: indicator (first row of a ranking), period, rank,
/// region, value with its unit, percent of target.
pub type OverviewLine = [String; 6];

/// The separator before the articles whose region is unknown.
pub const NOT_RANKED: &str = "-- 地区不详 不排名 --";

/// The table rows, and for each the ranking it belongs to (`None` for the rows listed
/// apart).
pub(crate) fn rows(app: &App) -> OverviewRows {
    let key = app.overview.clone();
    if let Some((k, cached)) = &*app.overview_lines.borrow()
        && *k == key
    {
        return Rc::clone(cached);
    }
    let out = Rc::new(build_rows(app));
    *app.overview_lines.borrow_mut() = Some((key, Rc::clone(&out)));
    out
}

/// The overview's rows, shared: built once per filter, as many as there are regions.
pub type OverviewRows = Rc<Vec<(OverviewLine, Option<usize>)>>;

fn build_rows(app: &App) -> Vec<(OverviewLine, Option<usize>)> {
    let rankings = rankings(app);
    let mut out = Vec::new();
    for (n, r) in rankings.iter().enumerate() {
        let mixed = r.mixed_periods();
        for (i, (region, figure, _)) in r.entries.iter().enumerate() {
            let name = app.regions.get(*region).map_or("", |x| x.name.as_str());
            let indicator = if i == 0 {
                format!("{} ({})", indicator_name(&r.indicator), r.entries.len())
            } else {
                String::new()
            };
            let mut period = period_label(figure.period.as_deref());
            if mixed {
                period.push('*');
            }
            out.push((
                [
                    indicator,
                    period,
                    (i + 1).to_string(),
                    name.to_owned(),
                    figure.value.map_or_else(
                        || "[隐去]".to_owned(),
                        |v| format!("{}{}", format_value(v), app.safe(&figure.unit)),
                    ),
                    figure
                        .percent
                        .map_or_else(String::new, |p| format!("{p:.0}%")),
                ],
                Some(n),
            ));
        }
    }
    if let Some(unnamed) = app.regions.iter().find(|r| r.name == UNNAMED_REGION) {
        out.push((
            [
                NOT_RANKED.to_owned(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ],
            None,
        ));
        for &a in &unnamed.articles {
            out.push((
                [
                    String::new(),
                    String::new(),
                    "-".to_owned(),
                    app.title(a),
                    String::new(),
                    String::new(),
                ],
                None,
            ));
        }
    }
    out
}
