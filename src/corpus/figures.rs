//! Regions' figures on canonical indicators, and the comparisons and rankings built on them.
//!
//! A region's articles give [`Figure`]s: one per indicator, kind (actual, target, growth)
//! and period, its value in the canonical unit ([`super::indicators::canonical_value`]:
//! money in 亿元 or 亿美元, counts as counts) and, where a gauge or a stated share gives one,
//! its percent of target. Figures without an indicator stay [`Loose`]: shown, never aligned.
//!
//! A period is part of what is compared. [`PeriodChoice::Exactly`] only lines up figures of
//! that period; [`PeriodChoice::Latest`] takes each region's latest figure, and every row or
//! ranking that then mixes periods says so ([`CompareRow::same_period`],
//! [`Ranking::mixed_periods`]). A cross-period gauge (last year's actual against this
//! year's target) is never a percent of target here.

use std::collections::HashMap;

use super::indicators::{self, canonical_value};
use super::model::{Article, Gauge, MetricKind, RegionLevel};

/// One region's figure on one canonical indicator, kind and period.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The canonical indicator's id (`funds_in_place`).
    pub indicator: String,
    /// Actual, target or growth.
    pub kind: MetricKind,
    /// The period the figure belongs to (`2022`, `2021-01..2021-05`), when known.
    pub period: Option<String>,
    /// The value in `unit`; `None` when the text redacts it.
    pub value: Option<f64>,
    /// The canonical unit (`亿元`, `个`, `%`).
    pub unit: String,
    /// Percent of target for this period, from a gauge or a stated share.
    pub percent: Option<f64>,
    /// A cross-period gauge's percent (last period's actual against this period's target):
    /// shown marked, never compared or ranked as progress.
    pub cross_percent: Option<f64>,
    /// The label as the report wrote it.
    pub label: String,
}

/// A figure no canonical indicator fits, as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Loose {
    /// The label as written.
    pub label: String,
    /// What the figure is.
    pub kind: MetricKind,
    /// The value, `None` when redacted.
    pub value: Option<f64>,
    /// The unit as written.
    pub unit: String,
    /// The period, when known.
    pub period: Option<String>,
}

/// A region's figures: aligned ones first, then the loose ones.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RegionFigures {
    /// Figures on canonical indicators, in the order first met.
    pub figures: Vec<Figure>,
    /// Figures without an indicator, first of each label, kind and unit.
    pub loose: Vec<Loose>,
}

/// Which period a comparison or ranking lines up.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum PeriodChoice {
    /// Each region's latest figure; rows that mix periods are labelled.
    #[default]
    Latest,
    /// Only figures of exactly this period.
    Exactly(String),
}

impl PeriodChoice {
    /// The choice as shown: `最新 latest` or the period's label.
    pub fn label(&self) -> String {
        match self {
            Self::Latest => "最新 latest".to_owned(),
            Self::Exactly(p) => period_label(Some(p)),
        }
    }
}

/// The percent of target a gauge shows: as stated, else actual over target; `None` for a
/// cross-period pair, a zero target or a figure that is not finite.
///
/// ```
/// use zhaoshang::corpus::{Gauge, figures::gauge_percent};
/// let g = Gauge { actual: 57.0, target: Some(50.0), ..Gauge::default() };
/// assert_eq!(gauge_percent(&g), Some(114.0));
/// assert_eq!(gauge_percent(&Gauge { cross_period: true, ..g }), None);
/// ```
pub fn gauge_percent(g: &Gauge) -> Option<f64> {
    if g.cross_period {
        return None;
    }
    let percent = g
        .percent
        .or_else(|| g.target.filter(|t| *t > 0.0).map(|t| g.actual * 100.0 / t))?;
    percent.is_finite().then_some(percent)
}

/// A period as people write it: `2022年`, `2021年1-5月`; `期不详` when unknown.
///
/// ```
/// use zhaoshang::corpus::figures::period_label;
/// assert_eq!(period_label(Some("2022")), "2022年");
/// assert_eq!(period_label(Some("2021-01..2021-05")), "2021年1-5月");
/// assert_eq!(period_label(Some("2021-03")), "2021年3月");
/// assert_eq!(period_label(Some("2023-Q1")), "2023年1季度");
/// assert_eq!(period_label(None), "期不详");
/// ```
pub fn period_label(period: Option<&str>) -> String {
    let Some(p) = period else {
        return "期不详".to_owned();
    };
    let month = |s: &str| s.trim_start_matches('0').to_owned();
    let ym = |s: &str| s.split_once('-').map(|(y, m)| (y.to_owned(), month(m)));
    if p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit()) {
        return format!("{p}年");
    }
    if let Some((a, b)) = p.split_once("..") {
        if let (Some((ya, ma)), Some((yb, mb))) = (ym(a), ym(b)) {
            return if ya == yb {
                format!("{ya}年{ma}-{mb}月")
            } else {
                format!("{ya}年{ma}月-{yb}年{mb}月")
            };
        }
        return p.to_owned();
    }
    match ym(p) {
        Some((y, q)) if q.starts_with('Q') => format!("{y}年{}季度", &q[1..]),
        Some((y, m)) if !m.contains('-') => format!("{y}年{m}月"),
        _ => p.to_owned(),
    }
}

/// A key that sorts periods by when they end (a year ends after its first five months);
/// an unknown period sorts first.
///
/// ```
/// use zhaoshang::corpus::figures::period_end;
/// assert!(period_end(Some("2021")) > period_end(Some("2021-01..2021-05")));
/// assert!(period_end(Some("2022-01..2022-05")) > period_end(Some("2021")));
/// assert!(period_end(None) < period_end(Some("2001")));
/// ```
pub fn period_end(period: Option<&str>) -> String {
    let Some(p) = period else {
        return String::new();
    };
    let end = p.rsplit_once("..").map_or(p, |(_, e)| e);
    if let Some((y, q)) = end.split_once("-Q") {
        let month = q.parse::<u32>().unwrap_or(4).saturating_mul(3);
        format!("{y}-{month:02}")
    } else if end.len() == 4 {
        format!("{end}-12")
    } else {
        end.to_owned()
    }
}

/// The figures of a region from its articles, in corpus order.
pub fn region_figures<'a>(articles: impl IntoIterator<Item = &'a Article>) -> RegionFigures {
    let mut out = RegionFigures::default();
    for a in articles {
        for m in &a.metrics {
            // A forecast is not compared with what regions achieved.
            let aligned = !m.forecast
                && matches!(
                    m.kind,
                    MetricKind::Actual | MetricKind::Target | MetricKind::GrowthPct
                );
            match &m.indicator {
                Some(id) if aligned => {
                    let value = if m.redacted { None } else { m.value };
                    let (value, unit) = match value.and_then(|v| canonical_value(v, &m.unit)) {
                        Some((v, u)) => (Some(v), u.to_owned()),
                        None => (value, m.unit.clone()),
                    };
                    let figure = Figure {
                        indicator: id.clone(),
                        kind: m.kind,
                        period: m.period.clone(),
                        value,
                        unit,
                        percent: None,
                        cross_percent: None,
                        label: m.label.clone(),
                    };
                    if !out.figures.iter().any(|f| same_slot(f, &figure)) {
                        out.figures.push(figure);
                    }
                }
                Some(id) if m.kind == MetricKind::ProgressPct && !m.redacted => {
                    if let Some(v) = m.value.filter(|v| v.is_finite()) {
                        set_percent(&mut out.figures, id, m.period.as_ref(), v);
                    }
                }
                _ => {
                    let loose = Loose {
                        label: m.label.clone(),
                        kind: m.kind,
                        value: if m.redacted { None } else { m.value },
                        unit: m.unit.clone(),
                        period: m.period.clone(),
                    };
                    if !out.loose.iter().any(|l| {
                        l.label == loose.label && l.kind == loose.kind && l.unit == loose.unit
                    }) {
                        out.loose.push(loose);
                    }
                }
            }
        }
        for g in &a.gauges {
            if let (Some(id), true) = (&g.indicator, g.cross_period) {
                let shown = g
                    .percent
                    .or_else(|| g.target.filter(|t| *t > 0.0).map(|t| g.actual * 100.0 / t));
                // The actual figure of the gauge's period, else the indicator's latest one.
                let actual = |f: &Figure| f.indicator == *id && f.kind == MetricKind::Actual;
                let at = out
                    .figures
                    .iter()
                    .position(|f| actual(f) && f.period == g.actual_period)
                    .or_else(|| out.figures.iter().rposition(actual));
                if let Some(f) = at.and_then(|i| out.figures.get_mut(i)) {
                    f.cross_percent = shown.filter(|p| p.is_finite());
                }
            }
            let (Some(id), Some(percent)) = (&g.indicator, gauge_percent(g)) else {
                continue;
            };
            set_percent(&mut out.figures, id, g.actual_period.as_ref(), percent);
            // A gauge whose actual was not kept as a metric still has one.
            let has_actual = out.figures.iter().any(|f| {
                f.indicator == *id && f.kind == MetricKind::Actual && f.period == g.actual_period
            });
            if !has_actual && let Some((v, u)) = canonical_value(g.actual, &g.unit) {
                out.figures.push(Figure {
                    indicator: id.clone(),
                    kind: MetricKind::Actual,
                    period: g.actual_period.clone(),
                    value: Some(v),
                    unit: u.to_owned(),
                    percent: Some(percent),
                    cross_percent: None,
                    label: g.label.clone(),
                });
            }
        }
    }
    out
}

fn same_slot(a: &Figure, b: &Figure) -> bool {
    a.indicator == b.indicator && a.kind == b.kind && a.period == b.period && a.unit == b.unit
}

/// Gives the actual figure of `indicator` in `period` its percent of target, when it has
/// none yet; a percent without an actual figure waits for the gauge that carries one.
fn set_percent(figures: &mut [Figure], indicator: &str, period: Option<&String>, percent: f64) {
    if let Some(f) = figures.iter_mut().find(|f| {
        f.indicator == indicator && f.kind == MetricKind::Actual && f.period.as_ref() == period
    }) && f.percent.is_none()
    {
        f.percent = Some(percent);
    }
}

/// The figure of `indicator`, `kind` and `unit` that `period` picks among `figures`.
fn pick<'a>(
    figures: &'a [Figure],
    indicator: &str,
    kind: MetricKind,
    unit: &str,
    period: &PeriodChoice,
) -> Option<&'a Figure> {
    let mut candidates = figures
        .iter()
        .filter(|f| f.indicator == indicator && f.kind == kind && f.unit == unit);
    match period {
        PeriodChoice::Exactly(p) => candidates.find(|f| f.period.as_deref() == Some(p.as_str())),
        PeriodChoice::Latest => candidates.fold(None, |best: Option<&Figure>, f| match best {
            Some(b) if period_end(b.period.as_deref()) >= period_end(f.period.as_deref()) => {
                Some(b)
            }
            _ => Some(f),
        }),
    }
}

/// Every period the figures mention, latest first.
pub fn periods<'a>(figures: impl IntoIterator<Item = &'a Figure>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in figures {
        if let Some(p) = &f.period
            && !out.contains(p)
        {
            out.push(p.clone());
        }
    }
    out.sort_by_key(|p| std::cmp::Reverse(period_end(Some(p))));
    out
}

/// One row of a two-region comparison: an indicator, a kind and a unit, with each side's
/// figure for the chosen period.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    /// The canonical indicator's id.
    pub indicator: String,
    /// Actual, target or growth.
    pub kind: MetricKind,
    /// The canonical unit both sides are in.
    pub unit: String,
    /// The left region's figure.
    pub left: Option<Figure>,
    /// The right region's figure.
    pub right: Option<Figure>,
}

impl CompareRow {
    /// Both sides' values, when both have one.
    fn values(&self) -> Option<(f64, f64)> {
        Some((self.left.as_ref()?.value?, self.right.as_ref()?.value?))
    }

    /// Left minus right, when both sides have a value.
    pub fn difference(&self) -> Option<f64> {
        self.values().map(|(a, b)| a - b)
    }

    /// Left over right, when both sides have a value and the right one is not zero.
    pub fn ratio(&self) -> Option<f64> {
        self.values().filter(|(_, b)| *b != 0.0).map(|(a, b)| a / b)
    }

    /// True when both sides have a figure and they belong to the same period.
    pub fn same_period(&self) -> bool {
        match (&self.left, &self.right) {
            (Some(l), Some(r)) => l.period == r.period,
            _ => false,
        }
    }

    /// True when both sides have a figure.
    pub fn shared(&self) -> bool {
        self.left.is_some() && self.right.is_some()
    }
}

/// The rows comparing two regions' figures for `period`: shared rows first (in the order of
/// the indicator table), then those only one side has.
pub fn compare(left: &[Figure], right: &[Figure], period: &PeriodChoice) -> Vec<CompareRow> {
    let mut keys: Vec<(String, MetricKind, String)> = Vec::new();
    for f in left.iter().chain(right) {
        let key = (f.indicator.clone(), f.kind, f.unit.clone());
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    let mut rows: Vec<CompareRow> = keys
        .into_iter()
        .filter_map(|(indicator, kind, unit)| {
            let l = pick(left, &indicator, kind, &unit, period).cloned();
            let r = pick(right, &indicator, kind, &unit, period).cloned();
            (l.is_some() || r.is_some()).then_some(CompareRow {
                indicator,
                kind,
                unit,
                left: l,
                right: r,
            })
        })
        .collect();
    rows.sort_by_key(|r| (!r.shared(), indicator_order(&r.indicator), r.kind));
    rows
}

/// Where an indicator stands in the table, so rows keep one order everywhere.
pub fn indicator_order(id: &str) -> usize {
    indicators::all()
        .iter()
        .position(|i| i.id == id)
        .unwrap_or(usize::MAX)
}

/// The indicator's Chinese name, or the id when the table does not know it.
pub fn indicator_name(id: &str) -> &str {
    indicators::get(id).map_or(id, |i| i.zh.as_str())
}

/// What a ranking ranks by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RankBy {
    /// The actual values, in the canonical unit.
    #[default]
    Value,
    /// Percent of target (gauges and stated shares); cross-period pairs never count.
    Percent,
}

impl RankBy {
    /// True when `f` is an actual figure with something to rank by: a value, or a percent
    /// of target.
    pub fn ranks(self, f: &Figure) -> bool {
        let has = match self {
            Self::Value => f.value.is_some(),
            Self::Percent => f.percent.is_some(),
        };
        f.kind == MetricKind::Actual && has
    }
}

/// True when a region whose gazetteer path is `path` (province down to itself) lies under
/// `parent`: a name on the path above it. A region is not under itself.
///
/// ```
/// use zhaoshang::corpus::figures::is_under;
/// let path = ["湖北省".to_owned(), "襄阳市".to_owned(), "谷城县".to_owned()];
/// assert!(is_under(&path, "湖北省") && is_under(&path, "襄阳市"));
/// assert!(!is_under(&path, "谷城县") && !is_under(&[], "湖北省"));
/// ```
pub fn is_under(path: &[String], parent: &str) -> bool {
    path.split_last()
        .is_some_and(|(_, up)| up.iter().any(|p| p == parent))
}

/// A region as the overview ranks it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RankedRegion {
    /// The region's name.
    pub name: String,
    /// Its level, when known.
    pub level: Option<RegionLevel>,
    /// Names from the province down to the region; empty when unplaced.
    pub path: Vec<String>,
    /// Its figures.
    pub figures: Vec<Figure>,
}

/// One indicator ranked across regions.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// The canonical indicator's id.
    pub indicator: String,
    /// The unit of the values (`%` when ranked by percent of target).
    pub unit: String,
    /// The period asked for.
    pub period: PeriodChoice,
    /// (index into the ranked regions, figure, the number ranked on), best first.
    pub entries: Vec<(usize, Figure, f64)>,
}

impl Ranking {
    /// True when the entries come from more than one period (each region's latest).
    pub fn mixed_periods(&self) -> bool {
        self.entries
            .windows(2)
            .any(|w| w[0].1.period != w[1].1.period)
    }
}

/// Ranks `regions` on every indicator at least `min` of them report for `period`: actual
/// figures by value or by percent of target, best first; indicators most regions report
/// first, then in table order. Redacted values are never ranked.
pub fn rank(
    regions: &[RankedRegion],
    period: &PeriodChoice,
    by: RankBy,
    min: usize,
) -> Vec<Ranking> {
    let figures: Vec<&[Figure]> = regions.iter().map(|r| r.figures.as_slice()).collect();
    rank_figures(&figures, period, by, min)
}

/// [`rank`] over each region's figures as they are held, without copying them into
/// [`RankedRegion`]s: entries name regions by their index in `regions`.
pub fn rank_figures(
    regions: &[&[Figure]],
    period: &PeriodChoice,
    by: RankBy,
    min: usize,
) -> Vec<Ranking> {
    // One pass over every figure: the candidates of each indicator and unit, per region, in
    // the order first met (so rankings keep one order from run to run).
    let mut order: Vec<(&str, &str)> = Vec::new();
    let mut candidates: HashMap<(&str, &str), Vec<(usize, &Figure)>> = HashMap::new();
    for (i, figures) in regions.iter().enumerate() {
        for f in *figures {
            if !by.ranks(f) {
                continue;
            }
            let unit = match by {
                RankBy::Value => f.unit.as_str(),
                RankBy::Percent => "%",
            };
            let key = (f.indicator.as_str(), unit);
            let list = candidates.entry(key).or_insert_with(|| {
                order.push(key);
                Vec::new()
            });
            list.push((i, f));
        }
    }
    let mut out: Vec<Ranking> = order
        .into_iter()
        .filter_map(|key| {
            let list = candidates.get(&key)?;
            let mut entries: Vec<(usize, Figure, f64)> = Vec::new();
            let mut at = 0;
            while at < list.len() {
                // A region's candidates are consecutive: the period picks one of them.
                let region = list[at].0;
                let end = list[at..]
                    .iter()
                    .position(|(r, _)| *r != region)
                    .map_or(list.len(), |n| at + n);
                let figures = list[at..end].iter().map(|(_, f)| *f);
                let chosen = match period {
                    PeriodChoice::Exactly(p) => figures
                        .into_iter()
                        .find(|f| f.period.as_deref() == Some(p.as_str())),
                    PeriodChoice::Latest => {
                        figures.fold(None, |best: Option<&Figure>, f| match best {
                            Some(b)
                                if period_end(b.period.as_deref())
                                    >= period_end(f.period.as_deref()) =>
                            {
                                Some(b)
                            }
                            _ => Some(f),
                        })
                    }
                };
                let ranked_on = chosen.and_then(|f| match by {
                    RankBy::Value => f.value,
                    RankBy::Percent => f.percent,
                });
                if let (Some(f), Some(v)) = (chosen, ranked_on) {
                    entries.push((region, f.clone(), v));
                }
                at = end;
            }
            entries.sort_by(|a, b| b.2.total_cmp(&a.2));
            (entries.len() >= min.max(1)).then(|| Ranking {
                indicator: key.0.to_owned(),
                unit: key.1.to_owned(),
                period: period.clone(),
                entries,
            })
        })
        .collect();
    out.sort_by_key(|r| {
        (
            std::cmp::Reverse(r.entries.len()),
            indicator_order(&r.indicator),
        )
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Metric, builtin};

    fn metric(
        label: &str,
        indicator: Option<&str>,
        value: f64,
        unit: &str,
        period: &str,
    ) -> Metric {
        Metric {
            label: label.to_owned(),
            indicator: indicator.map(str::to_owned),
            value: Some(value),
            unit: unit.to_owned(),
            period: Some(period.to_owned()),
            ..Metric::default()
        }
    }

    fn region(metrics: Vec<Metric>) -> Vec<Figure> {
        let a = Article {
            metrics,
            ..Article::default()
        };
        region_figures([&a]).figures
    }

    #[test]
    fn a_forecast_is_not_a_figure_to_compare() {
        let achieved = metric("到位资金", Some("funds_in_place"), 20.0, "亿元", "2023");
        let expected = Metric {
            forecast: true,
            ..metric("到位资金", Some("funds_in_place"), 23.68, "亿元", "2023")
        };
        assert!(region(vec![expected.clone()]).is_empty());
        let figures = region(vec![expected, achieved]);
        assert_eq!(figures.len(), 1, "{figures:#?}");
        assert_eq!(figures[0].value, Some(20.0));
    }

    #[test]
    fn figures_are_canonical_and_loose_ones_kept_apart() {
        let a = Article {
            metrics: vec![
                metric(
                    "实到投资额",
                    Some("funds_in_place"),
                    35800.0,
                    "万元",
                    "2021",
                ),
                metric("客商", None, 232.0, "人次", "2021"),
            ],
            gauges: vec![Gauge {
                label: "实到投资额".into(),
                indicator: Some("funds_in_place".into()),
                actual: 35800.0,
                percent: Some(53.0),
                unit: "万元".into(),
                actual_period: Some("2021".into()),
                ..Gauge::default()
            }],
            ..Article::default()
        };
        let f = region_figures([&a]);
        assert_eq!(f.figures.len(), 1);
        assert_eq!(
            (
                f.figures[0].value,
                f.figures[0].unit.as_str(),
                f.figures[0].percent
            ),
            (Some(3.58), "亿元", Some(53.0))
        );
        assert_eq!(f.loose[0].label, "客商");
    }

    #[test]
    fn a_year_is_not_silently_compared_with_five_months() {
        let left = region(vec![metric(
            "到位资金",
            Some("funds_in_place"),
            2.0,
            "亿元",
            "2021",
        )]);
        let right = region(vec![
            metric(
                "到位资金",
                Some("funds_in_place"),
                1.0,
                "亿元",
                "2021-01..2021-05",
            ),
            metric("到位资金", Some("funds_in_place"), 9000.0, "万元", "2020"),
        ]);
        let latest = compare(&left, &right, &PeriodChoice::Latest);
        assert_eq!(latest.len(), 1);
        assert!(
            !latest[0].same_period(),
            "2021 against 2021年1-5月 is labelled"
        );
        assert_eq!(latest[0].difference(), Some(1.0));
        let year = compare(&left, &right, &PeriodChoice::Exactly("2021".into()));
        assert!(year[0].right.is_none() && !year[0].shared());
        let y2020 = compare(&left, &right, &PeriodChoice::Exactly("2020".into()));
        assert_eq!(y2020[0].right.as_ref().and_then(|f| f.value), Some(0.9));
        assert_eq!(y2020[0].ratio(), None);
    }

    #[test]
    fn builtin_gucheng_and_tongliao_share_rows_with_values_on_both_sides() {
        let articles = builtin();
        let of = |name: &str| {
            region_figures(
                articles
                    .iter()
                    .filter(|a| a.region.as_deref() == Some(name)),
            )
            .figures
        };
        let rows = compare(&of("谷城经济开发区"), &of("通辽市"), &PeriodChoice::Latest);
        let both: Vec<&str> = rows
            .iter()
            .filter(|r| r.values().is_some())
            .map(|r| r.indicator.as_str())
            .collect();
        assert!(
            both.contains(&"signed_amount") && both.contains(&"funds_in_place"),
            "{rows:?}"
        );
        let signed = rows
            .iter()
            .find(|r| r.indicator == "signed_amount")
            .unwrap();
        assert_eq!(signed.left.as_ref().unwrap().percent, Some(114.0));
        assert!(!signed.same_period());
    }

    #[test]
    fn ranking_orders_best_first_and_skips_redacted() {
        let regions: Vec<RankedRegion> = [(1.0, false), (3.0, false), (9.0, true)]
            .into_iter()
            .map(|(v, redacted)| RankedRegion {
                figures: region(vec![Metric {
                    redacted,
                    ..metric("到位资金", Some("funds_in_place"), v, "亿元", "2021")
                }]),
                ..RankedRegion::default()
            })
            .collect();
        let r = rank(&regions, &PeriodChoice::Latest, RankBy::Value, 2);
        assert_eq!(r.len(), 1);
        let order: Vec<usize> = r[0].entries.iter().map(|e| e.0).collect();
        assert_eq!(order, [1, 0]);
        assert!(rank(&regions, &PeriodChoice::Latest, RankBy::Percent, 1).is_empty());
    }
}
