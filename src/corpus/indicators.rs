//! Canonical indicators: which quantity a metric or gauge measures, whatever words the report
//! uses for it, and its value in one unit per kind of quantity.
//!
//! Reports name one quantity in many ways (签约金额 / 协议投资额 / 合同引资; 实际到位资金 /
//! 实到投资额 / 到位资金). The table in `data/indicators.toml` (embedded at build time) lists
//! the indicators with the label phrasings that map to each and the phrasings that must not.
//! [`classify`] never forces a match: a label no phrasing fits, a label that narrows the
//! quantity to a subset (工业, 重点, 亿元以上 …), or a unit of another class gives `None`.
//! [`canonical_value`] brings a value to the unit comparisons use (亿元, 亿美元, counts).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use regex::Regex;
use serde::Deserialize;

use super::model::{Article, Metric, MetricKind};
use super::units;

/// The kind of quantity an indicator is stated in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitClass {
    /// Renminbi: 元, 万元, 亿元, or a bare 亿.
    MoneyCny,
    /// US dollars: 美元, 万美元, 亿美元 (also written 美金).
    MoneyUsd,
    /// Things counted: projects (个, 项, 宗), enterprises (家, 户), visits (批次, 次, 人次) ….
    Count,
    /// A percent (`%`, `‰`): a rate, a growth or a share of target.
    Percent,
    /// A change in percentage points (个百分点).
    PercentPoints,
    /// A multiple (倍).
    Multiple,
    /// Land and floor area: 亩, 平方米, 平方公里, 公顷.
    Area,
    /// Distances: 公里, 千米.
    Length,
    /// Weights: 吨.
    Weight,
    /// Power and energy: 千瓦, 千瓦时.
    Energy,
}

impl UnitClass {
    /// True for units that state a change or a share rather than an amount (`%`, 个百分点,
    /// 倍): such a figure can be the growth or the progress of any indicator.
    ///
    /// ```
    /// use zhaoshang::corpus::indicators::UnitClass;
    /// assert!(UnitClass::Percent.is_relative() && !UnitClass::Count.is_relative());
    /// ```
    pub fn is_relative(self) -> bool {
        matches!(self, Self::Percent | Self::PercentPoints | Self::Multiple)
    }

    /// A short English name, as written in `data/indicators.toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::MoneyCny => "money_cny",
            Self::MoneyUsd => "money_usd",
            Self::Count => "count",
            Self::Percent => "percent",
            Self::PercentPoints => "percent_points",
            Self::Multiple => "multiple",
            Self::Area => "area",
            Self::Length => "length",
            Self::Weight => "weight",
            Self::Energy => "energy",
        }
    }
}

/// One canonical indicator from `data/indicators.toml`.
#[derive(Debug)]
pub struct Indicator {
    /// Stable snake_case identifier used in JSON, the CLI and the store (`funds_in_place`).
    pub id: String,
    /// The Chinese name (`到位资金`).
    pub zh: String,
    /// The English name (`funds actually in place`).
    pub en: String,
    /// The class of unit the indicator is stated in.
    pub unit_class: UnitClass,
    /// Further classes a report may state it in (foreign capital is sometimes in 亿元).
    pub accepts: Vec<UnitClass>,
    /// Label phrasings that map to this indicator.
    pub patterns: Vec<Pattern>,
    /// Label phrasings that must not map to it even when a pattern matches.
    pub exclude: Vec<Pattern>,
}

/// One label phrasing of the table, searched anywhere in a label. Most are plain words or
/// a choice of plain words (`在谈|洽谈|开工`), searched as substrings; only the others are
/// compiled, each distinct one once, since compiling 194 regexes was a sixth of the start.
#[derive(Debug, Clone)]
pub struct Pattern {
    source: String,
    matcher: Matcher,
}

#[derive(Debug, Clone)]
enum Matcher {
    /// Any of these substrings.
    Words(Vec<String>),
    /// Shared by every pattern with the same source, so that the search caches each
    /// thread keeps are built once per distinct regex.
    Regex(Arc<Regex>),
}

impl Pattern {
    /// The phrasing as written in the table.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// True when the phrasing occurs anywhere in `label`.
    ///
    /// ```
    /// use zhaoshang::corpus::indicators::get;
    /// let funds = get("funds_in_place").expect("in the table");
    /// assert!(funds.patterns.iter().any(|p| p.is_match("实际到位资金")));
    /// ```
    pub fn is_match(&self, label: &str) -> bool {
        match &self.matcher {
            Matcher::Words(words) => words.iter().any(|w| label.contains(w.as_str())),
            Matcher::Regex(regex) => regex.is_match(label),
        }
    }
}

impl Indicator {
    /// True when a figure in unit class `class` can measure this indicator: its own class,
    /// one it accepts, or a relative unit (the growth or progress of it).
    pub fn admits(&self, class: UnitClass) -> bool {
        class == self.unit_class || self.accepts.contains(&class) || class.is_relative()
    }

    /// True when `label` (already normalised) names this indicator, ignoring units.
    fn names(&self, label: &str) -> bool {
        self.patterns.iter().any(|p| p.is_match(label))
            && !self.exclude.iter().any(|p| p.is_match(label))
    }
}

/// What can be wrong with an indicator table; each error names where.
#[derive(Debug, thiserror::Error)]
pub enum TableError {
    /// The text is not valid TOML or does not have the expected fields.
    #[error("indicator table: {0}")]
    Toml(#[from] toml::de::Error),
    /// A pattern or exclusion is not a valid regular expression.
    #[error("indicator table: `{id}`: bad pattern {pattern:?}: {source}")]
    Pattern {
        /// The indicator, or `exclude` for the top-level exclusions.
        id: String,
        /// The pattern as written.
        pattern: String,
        /// What the regex parser said.
        source: regex::Error,
    },
    /// Two indicators share an id, or an id is not snake_case.
    #[error("indicator table: id `{0}` is repeated or not snake_case")]
    Id(String),
    /// An indicator has no pattern, so nothing could ever map to it.
    #[error("indicator table: `{0}` has no patterns")]
    NoPatterns(String),
}

/// The parsed table: top-level exclusions and the indicators in priority order.
#[derive(Debug)]
pub struct Table {
    /// Labels matching any of these have no indicator at all (shares, two quantities …).
    pub exclude: Vec<Pattern>,
    /// Indicators in the order they are tried.
    pub indicators: Vec<Indicator>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    #[serde(default)]
    exclude: Vec<String>,
    indicator: Vec<RawIndicator>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIndicator {
    id: String,
    zh: String,
    en: String,
    unit_class: UnitClass,
    #[serde(default)]
    accepts: Vec<UnitClass>,
    patterns: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
}

/// Builds the patterns of one indicator (or the top-level exclusions, `id` = `exclude`),
/// reusing the regexes already compiled for the same source.
fn compile(
    id: &str,
    patterns: Vec<String>,
    compiled: &mut HashMap<String, Arc<Regex>>,
) -> Result<Vec<Pattern>, TableError> {
    let is_word = |w: &str| !w.is_empty() && regex::escape(w) == w;
    patterns
        .into_iter()
        .map(|source| {
            let matcher = if source.split('|').all(is_word) {
                Matcher::Words(source.split('|').map(str::to_owned).collect())
            } else if let Some(regex) = compiled.get(&source) {
                Matcher::Regex(Arc::clone(regex))
            } else {
                let regex = Regex::new(&source).map_err(|error| TableError::Pattern {
                    id: id.to_owned(),
                    pattern: source.clone(),
                    source: error,
                })?;
                let regex = Arc::new(regex);
                compiled.insert(source.clone(), Arc::clone(&regex));
                Matcher::Regex(regex)
            };
            Ok(Pattern { source, matcher })
        })
        .collect()
}

fn is_snake_case(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

impl Table {
    /// Parses and validates a table in the format of `data/indicators.toml`.
    ///
    /// ```
    /// use zhaoshang::corpus::indicators::Table;
    /// let t = Table::parse(r#"
    /// [[indicator]]
    /// id = "funds_in_place"
    /// zh = "到位资金"
    /// en = "funds actually in place"
    /// unit_class = "money_cny"
    /// patterns = ['到位资金']
    /// "#).unwrap();
    /// assert_eq!(t.classify("实际到位资金", "亿元").map(|i| i.id.as_str()), Some("funds_in_place"));
    /// assert!(Table::parse("[[indicator]]\nid = \"Bad Id\"").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Self, TableError> {
        let raw: RawTable = toml::from_str(text)?;
        let mut compiled = HashMap::new();
        let exclude = compile("exclude", raw.exclude, &mut compiled)?;
        let mut indicators: Vec<Indicator> = Vec::with_capacity(raw.indicator.len());
        for r in raw.indicator {
            if !is_snake_case(&r.id) || indicators.iter().any(|i| i.id == r.id) {
                return Err(TableError::Id(r.id));
            }
            if r.patterns.is_empty() {
                return Err(TableError::NoPatterns(r.id));
            }
            indicators.push(Indicator {
                patterns: compile(&r.id, r.patterns, &mut compiled)?,
                exclude: compile(&r.id, r.exclude, &mut compiled)?,
                id: r.id,
                zh: r.zh,
                en: r.en,
                unit_class: r.unit_class,
                accepts: r.accepts,
            });
        }
        Ok(Self {
            exclude,
            indicators,
        })
    }

    /// The indicator a label measures in this table; see [`classify`].
    pub fn classify(&self, label: &str, unit: &str) -> Option<&Indicator> {
        let class = unit_class(unit)?;
        let label = normalise(label);
        if self.exclude.iter().any(|p| p.is_match(&label)) {
            return None;
        }
        // A rate (开工率, 资金到位率) is a percent by nature, never the amount it is a rate of.
        let rate = label.contains('率');
        // The unit is checked before the phrasings: it is cheap and rules out most
        // indicators (a count is never money).
        self.indicators.iter().find(|i| {
            (!rate || i.unit_class == UnitClass::Percent) && i.admits(class) && i.names(&label)
        })
    }
}

/// A label with its spaces removed (`固定资 产投资` → `固定资产投资`), as patterns see it.
fn normalise(label: &str) -> String {
    label.chars().filter(|c| !c.is_whitespace()).collect()
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    Table::parse(include_str!("../../data/indicators.toml"))
        .expect("data/indicators.toml is valid (checked by the indicators tests)")
});

/// Every canonical indicator, in the order they are tried.
///
/// ```
/// use zhaoshang::corpus::indicators::all;
/// assert!(all().iter().any(|i| i.id == "signed_amount" && i.zh == "签约金额"));
/// ```
pub fn all() -> &'static [Indicator] {
    &TABLE.indicators
}

/// The indicator with this id.
///
/// ```
/// use zhaoshang::corpus::indicators::{get, UnitClass};
/// assert_eq!(get("projects_signed").map(|i| i.unit_class), Some(UnitClass::Count));
/// assert!(get("no_such_indicator").is_none());
/// ```
pub fn get(id: &str) -> Option<&'static Indicator> {
    TABLE.indicators.iter().find(|i| i.id == id)
}

/// The canonical indicator a label measures, or `None` when no phrasing fits, a phrasing
/// that must not map matches, or the unit is of another class (a count is never money).
/// A percent, percentage points or a multiple is accepted for any indicator: it is that
/// indicator's growth or progress (the metric's kind says which).
///
/// ```
/// use zhaoshang::corpus::indicators::classify;
/// let id = |label, unit| classify(label, unit).map(|i| i.id.as_str());
/// assert_eq!(id("招商引资实到投资额", "亿元"), Some("funds_in_place"));
/// assert_eq!(id("协议投资额", "万元"), Some("signed_amount"));
/// assert_eq!(id("50亿元以上项目", "个"), Some("projects_over_5b"));
/// assert_eq!(id("亿元以上项目", "个"), Some("projects_over_100m"));
/// assert_eq!(id("签约项目", "亿元"), None);      // a count is never money
/// assert_eq!(id("工业项目到位资金", "亿元"), None); // a subset is not the whole
/// ```
pub fn classify(label: &str, unit: &str) -> Option<&'static Indicator> {
    TABLE.classify(label, unit)
}

/// The indicator a metric measures: [`classify`] on its label and unit, except that a ratio
/// (a share of a total) only ever measures a rate indicator.
///
/// ```
/// use zhaoshang::corpus::{Metric, MetricKind, indicators::classify_metric};
/// let m = |label: &str, unit: &str, kind| Metric {
///     label: label.into(), unit: unit.into(), kind, ..Metric::default()
/// };
/// let id = |m: Metric| classify_metric(&m).map(|i| i.id.as_str());
/// assert_eq!(id(m("到位资金", "%", MetricKind::GrowthPct)), Some("funds_in_place"));
/// assert_eq!(id(m("开工率", "%", MetricKind::Ratio)), Some("start_rate"));
/// assert_eq!(id(m("工业投资", "%", MetricKind::Ratio)), None);
/// ```
pub fn classify_metric(metric: &Metric) -> Option<&'static Indicator> {
    classify(&metric.label, &metric.unit)
        .filter(|i| metric.kind != MetricKind::Ratio || i.unit_class == UnitClass::Percent)
}

/// Fills `indicator` on every metric and gauge of a parsed article.
///
/// ```
/// use zhaoshang::corpus::{Article, Gauge, indicators::annotate};
/// let mut a = Article::default();
/// a.gauges.push(Gauge { label: "省外到位资金".into(), unit: "亿元".into(), ..Gauge::default() });
/// annotate(&mut a);
/// assert_eq!(a.gauges[0].indicator.as_deref(), Some("funds_from_outside_province"));
/// ```
pub fn annotate(article: &mut Article) {
    // A corpus names the same measures over and over (到位资金, 签约项目): each thread keeps
    // the answers it has worked out, so a label and unit are classified once per thread.
    thread_local! {
        static SEEN: RefCell<HashMap<(String, String), Option<&'static Indicator>>> =
            RefCell::new(HashMap::new());
    }
    let lookup = |label: &str, unit: &str| {
        SEEN.with_borrow_mut(|seen| {
            if seen.len() > 200_000 {
                seen.clear();
            }
            *seen
                .entry((label.to_owned(), unit.to_owned()))
                .or_insert_with(|| classify(label, unit))
        })
    };
    for m in &mut article.metrics {
        m.indicator = lookup(&m.label, &m.unit)
            .filter(|i| m.kind != MetricKind::Ratio || i.unit_class == UnitClass::Percent)
            .map(|i| i.id.clone());
    }
    for g in &mut article.gauges {
        g.indicator = lookup(&g.label, &g.unit).map(|i| i.id.clone());
    }
}

/// Count units as compared: one canonical name for units that count the same things.
const COUNT_UNITS: [(&str, &str); 20] = [
    ("个", "个"),
    ("项", "个"),
    ("宗", "个"),
    ("家", "家"),
    ("户", "家"),
    ("批", "批次"),
    ("批次", "批次"),
    ("次", "次"),
    ("人次", "人次"),
    ("人", "人"),
    ("名", "人"),
    ("件", "件"),
    ("条", "条"),
    ("支", "支"),
    ("座", "座"),
    ("台", "台"),
    ("套", "套"),
    ("所", "所"),
    ("辆", "辆"),
    ("栋", "栋"),
];

/// Other units kept as they are (magnitudes removed), with their class.
const OTHER_UNITS: [(&str, &str, UnitClass); 10] = [
    ("亩", "亩", UnitClass::Area),
    ("公顷", "公顷", UnitClass::Area),
    ("平方米", "平方米", UnitClass::Area),
    ("平方公里", "平方公里", UnitClass::Area),
    ("公里", "公里", UnitClass::Length),
    ("千米", "公里", UnitClass::Length),
    ("吨", "吨", UnitClass::Weight),
    ("千瓦", "千瓦", UnitClass::Energy),
    ("千瓦时", "千瓦时", UnitClass::Energy),
    ("倍", "倍", UnitClass::Multiple),
];

/// A unit's canonical name, its class, and what to multiply and then divide a value in the
/// unit by to have it in that name (two steps, so that 9000 万元 is exactly 0.9 亿元).
fn canonical_unit(unit: &str) -> Option<(&'static str, UnitClass, f64, f64)> {
    // Reports drop 元 after 亿 (`到位资金1亿`), never reliably after 万 (`万套`, `万头`).
    match unit {
        "亿" => return Some(("亿元", UnitClass::MoneyCny, 1.0, 1.0)),
        "万亿" => return Some(("亿元", UnitClass::MoneyCny, 1e4, 1.0)),
        "%" => return Some(("%", UnitClass::Percent, 1.0, 1.0)),
        "‰" => return Some(("%", UnitClass::Percent, 1.0, 10.0)),
        "个百分点" | "百分点" => {
            return Some(("个百分点", UnitClass::PercentPoints, 1.0, 1.0));
        }
        _ => {}
    }
    let (base, factor) = units::scale(unit);
    match base {
        "元" => Some(("亿元", UnitClass::MoneyCny, factor, 1e8)),
        "美元" | "美金" => Some(("亿美元", UnitClass::MoneyUsd, factor, 1e8)),
        _ => COUNT_UNITS
            .iter()
            .find(|(u, _)| *u == base)
            .map(|&(_, name)| (name, UnitClass::Count, factor, 1.0))
            .or_else(|| {
                OTHER_UNITS
                    .iter()
                    .find(|(u, _, _)| *u == base)
                    .map(|&(_, name, class)| (name, class, factor, 1.0))
            }),
    }
}

/// The class of a unit as written, or `None` for a unit that cannot be placed (a bare 万).
///
/// ```
/// use zhaoshang::corpus::indicators::{unit_class, UnitClass};
/// assert_eq!(unit_class("万元"), Some(UnitClass::MoneyCny));
/// assert_eq!(unit_class("万美金"), Some(UnitClass::MoneyUsd));
/// assert_eq!(unit_class("项"), Some(UnitClass::Count));
/// assert_eq!(unit_class("万"), None);
/// ```
pub fn unit_class(unit: &str) -> Option<UnitClass> {
    canonical_unit(unit).map(|(_, class, _, _)| class)
}

/// A value in the unit comparisons use: money in 亿元 or 亿美元, counts as counts (个, 项
/// and 宗 all as 个; 家 and 户 as 家), percents as `%`; `None` for an unknown unit or a value
/// that is not finite. Values in different canonical units are never compared.
///
/// ```
/// use zhaoshang::corpus::indicators::canonical_value;
/// assert_eq!(canonical_value(9000.0, "万元"), Some((0.9, "亿元")));
/// assert_eq!(canonical_value(61328.0, "万美元"), Some((6.1328, "亿美元")));
/// assert_eq!(canonical_value(12.0, "项"), Some((12.0, "个")));
/// assert_eq!(canonical_value(3.0, "万套"), Some((30000.0, "套")));
/// assert_eq!(canonical_value(3.0, "万"), None);
/// ```
pub fn canonical_value(value: f64, unit: &str) -> Option<(f64, &'static str)> {
    if !value.is_finite() {
        return None;
    }
    let (name, _, mul, div) = canonical_unit(unit)?;
    Some((value * mul / div, name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::model::Gauge;

    /// One line per phrasing: `name: label unit => indicator_id;` (or `=> none;`). Each line
    /// is its own test, and the lines are kept in `CASES` for the coverage tests below.
    macro_rules! maps {
        ($($name:ident: $label:literal $unit:literal => $id:ident;)*) => {
            $(
                #[test]
                fn $name() {
                    let expected = maps!(@id $id);
                    assert_eq!(
                        classify($label, $unit).map(|i| i.id.as_str()),
                        expected,
                        "{} {}",
                        $label,
                        $unit
                    );
                }
            )*
            const CASES: &[(&str, &str, Option<&str>)] = &[$(($label, $unit, maps!(@id $id))),*];
        };
        (@id none) => { None };
        (@id $id:ident) => { Some(stringify!($id)) };
    }

    maps! {
        // Global exclusions.
        share_of_total: "占总到位资金的" "%" => none;
        share_plain: "签约项目总投资占比" "%" => none;
        proportion: "项目投资比例" "%" => none;
        two_rates: "开工率与资金到位率" "%" => none;
        new_and_continuing: "新建和续建项目到位资金" "亿元" => none;
        inside_and_outside: "区内外资金" "亿元" => none;
        per_capita: "人均到位资金" "万元" => none;
        per_mu: "亩均固定资产投资" "万元" => none;
        partial_list: "XX等项目" "个" => none;
        partial_list_end: "签约项目等" "个" => none;
        where_not_what: "深圳等地开展外出招商活动" "次" => promotion_trips;
        breakdown: "（其中新签约履约项目" "个" => none;

        // Rates.
        start_rate: "开工率" "%" => start_rate;
        start_rate_points: "开工率" "个百分点" => start_rate;
        start_rate_key: "省级重点项目开工率" "%" => none;
        funds_rate: "资金到位率" "%" => funds_in_place_rate;
        performance_rate: "履约率" "%" => performance_rate;
        landing_rate: "项目落地率" "%" => landing_rate;
        rate_never_amount: "资金到位率" "亿元" => none;
        rate_of_other: "投资完成率" "%" => none;

        // Size classes, never merged.
        over_10b_digits: "100亿元以上项目" "个" => projects_over_10b;
        over_10b_chinese: "百亿元以上项目" "个" => projects_over_10b;
        over_10b_past: "过百亿元项目" "个" => projects_over_10b;
        over_10b_grade: "百亿级项目" "个" => projects_over_10b;
        over_10b_not_500b: "五百亿元以上项目" "个" => none;
        over_10b_negotiating: "百亿元以上在谈项目" "个" => none;
        over_10b_industrial: "百亿元以上工业项目" "个" => none;
        over_10b_money_label: "百亿元以上项目投资额" "%" => none;
        over_10b_never_money: "百亿元以上项目" "亿元" => none;
        over_5b: "50亿元以上项目" "个" => projects_over_5b;
        over_5b_big: "50亿元以上大项目" "个" => projects_over_5b;
        over_5b_chinese: "五十亿元以上项目" "个" => projects_over_5b;
        over_5b_past: "投资过50亿元项目" "个" => projects_over_5b;
        over_5b_not_150: "150亿元以上项目" "个" => none;
        over_5b_started: "50亿元以上开工项目" "个" => none;
        over_5b_foreign: "50亿元以上外资项目" "个" => none;
        over_5b_money_label: "50亿元以上项目到位资金" "亿元" => none;
        over_5b_never_money: "50亿元以上项目" "亿元" => none;
        over_1b: "10亿元以上项目" "个" => projects_over_1b;
        over_1b_chinese: "十亿元以上项目" "个" => projects_over_1b;
        over_1b_past_digits: "投资过10亿元项目" "个" => projects_over_1b;
        over_1b_past: "过十亿元项目" "个" => projects_over_1b;
        over_1b_not_110: "110亿元以上项目" "个" => none;
        over_1b_not_50: "五十亿元以上项目" "项" => projects_over_5b;
        over_1b_continuing: "10亿元以上续建项目" "个" => none;
        over_1b_farming: "10亿元以上农业项目" "个" => none;
        over_1b_money_label: "10亿元以上项目总投资" "%" => none;
        over_1b_never_money: "10亿元以上项目" "万元" => none;
        over_500m: "5亿元以上项目" "个" => projects_over_500m;
        over_500m_signed: "5亿元以上新签约项目" "个" => projects_over_500m;
        over_500m_chinese: "五亿元以上项目" "个" => projects_over_500m;
        over_500m_past: "投资过5亿元项目" "个" => projects_over_500m;
        over_500m_not_15: "15亿元以上项目" "个" => none;
        over_500m_completed: "5亿元以上竣工项目" "个" => none;
        over_500m_services: "5亿元以上服务业项目" "个" => none;
        over_500m_money_label: "5亿元以上项目金额" "%" => none;
        over_500m_never_money: "5亿元以上项目" "亿元" => none;
        over_100m: "亿元以上项目" "个" => projects_over_100m;
        over_100m_signed: "新签约亿元以上项目" "个" => projects_over_100m;
        over_100m_first: "亿元以上新签约项目" "个" => projects_over_100m;
        over_100m_one: "投资1亿元以上项目" "个" => projects_over_100m;
        over_100m_chinese_one: "投资总额在一亿元以上的项目" "个" => projects_over_100m;
        over_100m_past: "投资过亿元的项目" "个" => projects_over_100m;
        over_100m_above: "新签上亿元项目" "个" => projects_over_100m;
        over_100m_growth: "亿元以上项目" "%" => projects_over_100m;
        over_100m_not_11: "11亿元以上项目" "个" => none;
        over_100m_not_eleven: "十一亿元以上项目" "个" => none;
        over_100m_redacted: "X亿元以上项目" "个" => none;
        over_100m_money: "亿元以上项目" "亿元" => none;
        over_100m_funds: "亿元以上项目实际进资" "%" => none;
        over_100m_negotiating: "亿元以上在谈项目" "个" => none;
        over_100m_started: "招商引资亿元以上开工项目" "个" => none;
        over_100m_industrial: "投资1亿元以上工业项目" "个" => none;
        over_100m_other: "亿元以上其它项目" "个" => none;
        over_50m: "投资5000万元以上项目" "个" => projects_over_50m;
        over_50m_chinese: "五千万元以上项目" "个" => projects_over_50m;
        over_50m_outside: "省外5000万元以上项目" "个" => none;
        over_50m_performing: "5000万元以上履约项目" "个" => none;
        over_50m_money_label: "5000万元以上项目资金" "亿元" => none;
        over_50m_never_money: "5000万元以上项目" "亿元" => none;
        over_10m: "千万元以上项目" "个" => projects_over_10m;
        over_10m_digits: "1000万元以上项目" "个" => projects_over_10m;
        over_10m_not_50m: "五千万元以上项目" "项" => projects_over_50m;
        over_10m_reserve: "千万元以上储备项目" "个" => none;
        over_10m_other: "千万元以上其他项目" "个" => none;
        over_10m_money_label: "千万元以上项目完成投资" "%" => none;
        over_10m_never_money: "千万元以上项目" "亿元" => none;

        // Projects by stage.
        signed: "签约项目" "个" => projects_signed;
        signed_new: "新签约招商引资项目" "个" => projects_signed;
        signed_new_short: "新签项目" "个" => projects_signed;
        signed_growth: "新签项目" "%" => projects_signed;
        signed_contract: "签订合同项目" "项" => projects_signed;
        signed_contract_short: "合同项目" "个" => projects_signed;
        signed_agreement: "协议项目" "项" => projects_signed;
        signed_never_money: "签约项目" "亿元" => none;
        signed_future: "10月份洽谈并将于近期正式签约的项目" "个" => none;
        signed_not_started: "签约后尚未开工的项目" "个" => none;
        signed_over_100m: "新签约亿元以上项目" "项" => projects_over_100m;
        signed_carried: "全州有新签订和上年结转国内经济合作项目" "项" => none;
        signed_carried_alone: "新签订及上年结转项目" "项" => none;
        signed_industrial: "新签约工业项目" "个" => none;
        signed_key: "新签约重点项目" "个" => none;
        signed_amount_growth: "签约项目总投资" "%" => signed_amount;
        signed_fair: "青洽会签约项目" "个" => none;
        signed_batch: "集中签约招商引资项目" "个" => none;
        negotiating: "在谈项目" "个" => projects_under_negotiation;
        negotiating_now: "正在洽谈的项目" "个" => projects_under_negotiation;
        negotiating_pushed: "洽谈推动项目" "项" => projects_under_negotiation;
        negotiating_big: "在谈亿元项目" "个" => none;
        negotiating_signing: "洽谈并签约项目" "个" => none;
        and_then: "签约并开工项目" "个" => none;
        negotiating_money: "在谈项目投资额" "%" => none;
        negotiating_never_money: "在谈项目" "亿元" => none;
        intended: "意向项目" "项" => projects_intended;
        intended_amount_growth: "意向项目投资额" "%" => none;
        intended_never_money: "意向项目" "亿元" => none;
        started: "新开工项目" "个" => projects_started;
        started_already: "项目已开工建设" "个" => projects_started;
        started_new_built: "新建开工项目" "个" => projects_started;
        started_never_money: "开工项目" "亿元" => none;
        started_not_yet: "近期可开工的项目" "个" => none;
        started_industrial: "新开工工业项目" "个" => none;
        started_big: "新开工亿元项目" "个" => none;
        started_money: "开工项目总投资" "%" => none;
        completed: "竣工项目" "个" => projects_completed;
        completed_finished: "项目已经完工" "个" => projects_completed;
        completed_built: "建成项目" "个" => projects_completed;
        completed_industrial: "竣工投产工业项目" "个" => none;
        completed_big: "竣工亿元以上项目" "个" => none;
        completed_money: "竣工项目总投资" "%" => none;
        completed_never_money: "竣工项目" "亿元" => none;
        in_production: "已投产项目" "个" => projects_in_production;
        in_production_big: "投产亿元以上项目" "个" => none;
        in_production_industrial: "投产工业项目" "个" => none;
        in_production_money: "投产项目投资额" "%" => none;
        in_production_never_money: "投产项目" "亿元" => none;
        performing: "履约项目" "个" => projects_performing;
        performing_big: "投资总额在一亿元以上的履约项目" "个" => none;
        performing_sector: "工业履约项目" "个" => none;
        performing_outside: "市外省内履约项目" "个" => none;
        performing_fragment: "外履约项目" "个" => none;
        performing_new: "新签约履约项目" "个" => none;
        performing_money: "履约项目到位资金" "%" => none;
        performing_never_money: "履约项目" "亿元" => none;
        continuing: "续建项目" "个" => projects_continuing;
        continuing_attracted: "续建招商项目" "项" => projects_continuing;
        continuing_with_new: "新建续建招商项目" "项" => none;
        continuing_big: "亿元以上续建项目" "个" => none;
        continuing_key: "重点续建项目" "个" => none;
        continuing_never_money: "续建项目" "亿元" => none;
        continuing_money: "续建项目完成投资" "%" => none;
        introduced: "引进项目" "个" => projects_introduced;
        introduced_new: "新进项目" "个" => projects_introduced;
        introduced_new_long: "新引进项目" "个" => projects_introduced;
        introduced_big: "亿元以上新引进项目" "个" => projects_over_100m;
        introduced_key: "重点引进项目" "个" => none;
        introduced_never_money: "引进项目" "亿元" => none;
        introduced_money: "新引进项目总投资额" "%" => none;
        implemented: "实施招商引资项目" "个" => projects_implemented;
        implemented_big: "实施千万元以上项目" "个" => projects_over_10m;
        implemented_money: "实施项目到位资金" "%" => none;
        implemented_outside: "实施区外项目" "个" => none;
        implemented_key: "重点实施项目" "个" => none;
        implemented_never_money: "实施项目" "亿元" => none;
        foreign_enterprises: "新设外商投资企业" "家" => foreign_enterprises_new;
        foreign_enterprises_short: "新设外资企业" "户" => foreign_enterprises_new;
        foreign_enterprises_never_money: "新设外商投资企业" "亿美元" => none;

        // Amounts signed.
        contracted_foreign: "合同外资" "亿美元" => foreign_capital_contracted;
        contracted_foreign_spaced: "完 成合同外资" "万美元" => foreign_capital_contracted;
        contracted_foreign_agreement: "协议外资" "万美元" => foreign_capital_contracted;
        contracted_foreign_used: "合同利用外资" "万美元" => foreign_capital_contracted;
        contracted_foreign_brought: "合同引进外资" "亿元" => foreign_capital_contracted;
        contracted_foreign_count: "合同外资" "个" => none;
        signed_amount: "签约金额" "亿元" => signed_amount;
        signed_amount_total: "签约总金额" "亿元" => signed_amount;
        signed_amount_short: "总签约额" "亿元" => signed_amount;
        signed_amount_investment: "签约项目的协议投资额" "亿元" => signed_amount;
        signed_amount_projects: "签约项目总投资" "亿元" => signed_amount;
        signed_amount_agreement: "协议投资额" "万元" => signed_amount;
        signed_amount_agreement_funds: "协议资金" "亿元" => signed_amount;
        signed_amount_contract: "招商引资合同投资额" "亿元" => signed_amount;
        signed_amount_contract_funds: "合同引资" "亿元" => signed_amount;
        signed_amount_never_count: "协议投资额" "个" => none;
        signed_amount_usd: "外资项目协议总投资" "亿美元" => none;
        signed_amount_big: "亿元以上项目签约金额" "亿元" => none;
        signed_amount_industrial: "工业合同引资" "亿元" => none;
        signed_amount_outside: "合同引进市外资金" "亿元" => none;
        signed_amount_intended: "意向签约金额" "亿元" => none;
        signed_amount_planned: "拟签约投资" "亿元" => none;
        signed_amount_rank: "签约协议投资额前" "亿元" => none;
        signed_amount_fair: "青洽会签约金额" "亿元" => none;
        intended_amount: "意向投资" "亿元" => intended_amount;
        intended_amount_attracted: "意向引资额" "亿元" => intended_amount;
        intended_amount_never_count: "意向投资" "个" => none;

        // Funds in place.
        foreign_used: "实际利用外资" "万美元" => foreign_capital_used;
        foreign_used_yuan: "实际使用外资" "亿元" => foreign_capital_used;
        foreign_used_growth: "实际利用外资" "%" => foreign_capital_used;
        foreign_in_place: "外资到位" "亿美元" => foreign_capital_used;
        foreign_in_place_first: "到位外资" "万美元" => foreign_capital_used;
        foreign_arrived: "实到外资" "万美元" => foreign_capital_used;
        foreign_brought: "已引进外资" "万美元" => foreign_capital_used;
        foreign_cash: "现汇进资" "万美金" => foreign_capital_used;
        foreign_used_projects: "实际利用外资项目" "项" => none;
        foreign_used_enterprises: "利用外资企业" "家" => none;
        foreign_used_contract: "合同利用外资到位" "万美元" => foreign_capital_contracted;
        foreign_used_bare_wan: "实际利用外资" "万" => none;
        foreign_used_never_count: "实际利用外资" "个" => none;
        outside_province: "省外到位资金" "亿元" => funds_from_outside_province;
        outside_province_used: "县域地区实际利用省外资金" "亿元" => funds_from_outside_province;
        outside_province_domestic: "国内省外到位资金" "万元" => funds_from_outside_province;
        outside_province_in_place: "实际到位省外资金" "亿元" => funds_from_outside_province;
        outside_province_short: "省外到位" "亿元" => funds_from_outside_province;
        outside_province_inland: "境内省外资金" "亿元" => funds_from_outside_province;
        outside_province_big: "亿元以上省外项目资金额" "亿元" => none;
        outside_province_big_projects: "亿元以上项目省外资金" "亿元" => none;
        outside_province_projects: "省外项目资金" "亿元" => none;
        outside_province_sector: "工业省外资金" "亿元" => none;
        outside_province_signed: "合同引进省外资金" "亿元" => none;
        outside_province_count: "省外到位资金" "个" => none;
        outside_prefecture: "市外到位资金" "亿元" => funds_from_outside_prefecture;
        outside_prefecture_zhou: "实际到位州外资金" "亿元" => funds_from_outside_prefecture;
        outside_prefecture_zone: "香格里拉经济开发区州外资金" "亿元" => funds_from_outside_prefecture;
        outside_prefecture_league: "盟外到位" "亿元" => funds_from_outside_prefecture;
        outside_prefecture_same_province: "市外省内到位资金" "万元" => none;
        outside_prefecture_big: "亿元以上项目市外资金" "亿元" => none;
        outside_prefecture_sector: "工业项目市外资金" "亿元" => none;
        outside_prefecture_never_count: "市外到位资金" "个" => none;
        outside_prefecture_contract: "合同引进市外资金" "万元" => none;
        outside_county: "县外到位资金" "亿元" => funds_from_outside_county;
        outside_county_banner: "旗外资金" "亿元" => funds_from_outside_county;
        outside_county_short: "县外到位" "万元" => funds_from_outside_county;
        outside_county_big: "亿元以上县外资金" "亿元" => none;
        outside_county_sector: "产业县外资金" "亿元" => none;
        outside_county_signed: "签约县外资金" "亿元" => none;
        outside_county_never_count: "县外到位资金" "个" => none;
        outside_qu: "国内（区外）招商引资到位资金" "亿元" => funds_from_outside_qu;
        outside_qu_inland: "区外境内累计到位资金" "亿元" => funds_from_outside_qu;
        outside_qu_big: "区外亿元以上项目到位资金" "亿元" => none;
        outside_qu_sector: "区外工业到位资金" "亿元" => none;
        outside_qu_signed: "区外签约资金" "亿元" => none;
        outside_qu_never_count: "区外到位资金" "个" => none;
        funds: "到位资金" "亿元" => funds_in_place;
        funds_wan: "到位资金" "万元" => funds_in_place;
        funds_bare_yi: "到位资金" "亿" => funds_in_place;
        funds_multiple: "到位资金" "倍" => funds_in_place;
        funds_accumulated: "上半年招商引资到位资金" "亿元" => funds_in_place;
        funds_domestic: "国内到位资金" "亿元" => funds_in_place;
        funds_amount: "到位金额" "万元" => funds_in_place;
        funds_reversed: "资金到位" "亿元" => funds_in_place;
        funds_arrived: "招商引资实到投资额" "亿元" => funds_in_place;
        funds_inflow: "实际进资" "亿元" => funds_in_place;
        funds_domestic_capital: "一季度到位内资" "亿元" => funds_in_place;
        funds_domestic_capital_first: "内资到位" "亿元" => funds_in_place;
        funds_domestic_used: "园区实际利用内资" "亿元" => funds_in_place;
        funds_domestic_linked: "实际内联引资" "亿元" => funds_in_place;
        funds_never_count: "到位资金" "个" => none;
        funds_bare_wan: "到位资金" "万" => none;
        funds_same_province: "市内县际间到位资金" "万元" => none;
        funds_big: "亿元以上项目到位金额" "万元" => none;
        funds_projects: "产业项目到位资金" "亿元" => none;
        funds_sector: "第三产业到位资金" "万元" => none;

        // Investment.
        industrial_investment: "工业投资" "亿元" => industrial_investment;
        industrial_fixed_assets: "工业固定资产投资" "亿元" => industrial_investment;
        industrial_input: "工业实际投入" "亿元" => industrial_investment;
        industrial_attracted: "工业招商项目实际形成固定资产投资额" "亿元" => none;
        industrial_attracted_short: "招商引资工业投资" "亿元" => none;
        industrial_never_count: "工业投资" "个" => none;
        fai: "固定资产投资" "亿元" => fixed_asset_investment;
        fai_spaced: "固定资 产投资" "亿元" => fixed_asset_investment;
        fai_whole: "全社会固定资产投资" "万元" => fixed_asset_investment;
        fai_short: "固投" "亿元" => fixed_asset_investment;
        fai_attracted: "招商引资固投" "亿元" => none;
        fai_projects_funds: "形成固定资产投资项目到位资金" "亿元" => none;
        fai_key: "重点项目固定资产投资" "亿元" => none;
        fai_never_count: "固定资产投资" "个" => none;
        completed_investment: "完成投资" "亿元" => completed_investment;
        completed_investment_progress: "累计完成投资" "%" => completed_investment;
        completed_investment_reversed: "年度投资完成额" "亿元" => completed_investment;
        completed_investment_key: "市级重点项目完成投资" "亿元" => none;
        completed_investment_projects: "续建项目完成投资" "亿元" => none;
        completed_investment_count: "重点项目完成投资" "个" => none;
        completed_investment_never_count: "完成投资" "个" => none;

        // The economy.
        gdp: "地区生产总值" "亿元" => gdp;
        gdp_national_words: "国内生产总值" "亿元" => gdp;
        gdp_latin: "GDP" "%" => gdp;
        gdp_county_sum: "县域GDP" "亿元" => none;
        gdp_never_count: "地区生产总值" "个" => none;
        value_added: "规上工业增加值" "%" => industrial_value_added_above_scale;
        value_added_long: "规模以上工业增加值" "亿元" => industrial_value_added_above_scale;
        value_added_all: "工业增加值" "亿元" => none;
        value_added_never_count: "规上工业增加值" "家" => none;
        output: "规上工业总产值" "亿元" => industrial_output_above_scale;
        output_long: "规模以上工业企业总产值" "亿元" => industrial_output_above_scale;
        output_never_count: "规上工业总产值" "家" => none;
        budget_revenue: "一般公共预算收入" "亿元" => general_budget_revenue;
        budget_revenue_old: "一般财政预算收入" "万元" => general_budget_revenue;
        budget_never_count: "一般公共预算收入" "个" => none;
        fiscal_revenue: "财政总收入" "亿元" => fiscal_revenue;
        fiscal_revenue_local: "地方财政收入" "亿元" => fiscal_revenue;
        fiscal_not_budget: "财政预算收入" "亿元" => none;
        fiscal_never_count: "财政收入" "个" => none;
        tax_revenue: "税收总收入" "亿元" => tax_revenue;
        tax_never_count: "税收总收入" "个" => none;
        retail: "社会消费品零售总额" "亿元" => retail_sales;
        retail_short: "社消零" "%" => retail_sales;
        retail_never_count: "社会消费品零售总额" "个" => none;
        trade: "外贸进出口总值" "亿元" => foreign_trade;
        trade_usd: "进出口总额" "亿美元" => foreign_trade;
        trade_processing: "加工贸易进出口" "万美元" => none;
        trade_firms: "进出口" "家" => none;
        exports: "外贸出口" "万美元" => exports;
        exports_not_part: "机电产品出口" "亿元" => none;
        exports_never_count: "出口" "个" => none;
        imports: "进口" "亿元" => imports;
        imports_never_count: "进口" "个" => none;

        // Promotion work.
        trips: "外出招商" "次" => promotion_trips;
        trips_leaders: "县区党政主要负责同志共外出招商" "批次" => none;
        trips_never_money: "外出招商" "亿元" => none;
        visitors: "接待客商" "批次" => visitors_received;
        visitors_long: "接待华能国际等考察客商" "批次" => none;
        visitors_people: "接待来访客商" "人次" => visitors_received;
        visitors_never_money: "接待客商" "亿元" => none;
        land: "盘活土地" "亩" => land_revitalised;
        land_idle: "盘活闲置土地" "万亩" => land_revitalised;
        land_never_count: "盘活土地" "个" => none;

        // Labels no phrasing fits.
        total_investment: "总投资" "亿元" => none;
        bare_target: "年度目标任务" "亿元" => none;
        region_name: "霍山县" "个" => none;
        unknown_unit: "签约项目" "万" => none;
    }

    /// Labels as normalised for matching, with their expected indicator.
    fn cases() -> impl Iterator<Item = (String, &'static str, Option<&'static str>)> {
        CASES
            .iter()
            .map(|&(label, unit, id)| (normalise(label), unit, id))
    }

    #[test]
    fn table_parses_with_unique_snake_case_ids() {
        let table = Table::parse(include_str!("../../data/indicators.toml")).expect("parses");
        assert!(table.indicators.len() >= 30, "{}", table.indicators.len());
        let mut ids: Vec<&str> = table.indicators.iter().map(|i| i.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), table.indicators.len());
        for i in &table.indicators {
            assert!(is_snake_case(&i.id), "{}", i.id);
            assert!(!i.zh.is_empty() && !i.en.is_empty(), "{}", i.id);
        }
        for id in [
            "projects_signed",
            "signed_amount",
            "funds_in_place",
            "funds_from_outside_province",
            "funds_from_outside_prefecture",
            "funds_from_outside_county",
            "foreign_capital_used",
            "foreign_capital_contracted",
            "projects_over_100m",
            "projects_over_500m",
            "projects_over_1b",
            "projects_over_5b",
            "projects_over_10b",
            "projects_started",
            "projects_completed",
            "projects_in_production",
            "projects_under_negotiation",
            "fixed_asset_investment",
            "completed_investment",
        ] {
            assert!(get(id).is_some(), "{id} missing");
        }
    }

    #[test]
    fn every_pattern_has_a_case_that_maps_through_it() {
        let mut missing = Vec::new();
        for ind in all() {
            for p in &ind.patterns {
                if !cases().any(|(l, _, id)| id == Some(ind.id.as_str()) && p.is_match(&l)) {
                    missing.push(format!("{}: {}", ind.id, p.as_str()));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "patterns no case maps through:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn every_exclusion_has_a_case_it_keeps_out() {
        let mut missing = Vec::new();
        for ind in all() {
            for x in &ind.exclude {
                let kept_out = cases().any(|(l, _, id)| {
                    id != Some(ind.id.as_str())
                        && x.is_match(&l)
                        && ind.patterns.iter().any(|p| p.is_match(&l))
                });
                if !kept_out {
                    missing.push(format!("{}: {}", ind.id, x.as_str()));
                }
            }
        }
        for x in &TABLE.exclude {
            if !cases().any(|(l, _, id)| id.is_none() && x.is_match(&l)) {
                missing.push(format!("(global): {}", x.as_str()));
            }
        }
        assert!(
            missing.is_empty(),
            "exclusions no case tests:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn every_indicator_has_a_case_in_another_unit_class() {
        let missing: Vec<&str> = all()
            .iter()
            .filter(|i| i.unit_class != UnitClass::Percent)
            .filter(|i| {
                !cases().any(|(l, unit, id)| {
                    id.is_none() && i.names(&l) && unit_class(unit).is_some_and(|c| !i.admits(c))
                })
            })
            .map(|i| i.id.as_str())
            .collect();
        assert!(
            missing.is_empty(),
            "no case refuses a unit of another class: {missing:?}"
        );
    }

    #[test]
    fn parse_errors_name_the_indicator() {
        let bad_pattern = "[[indicator]]\nid = \"x\"\nzh = \"甲\"\nen = \"x\"\nunit_class = \"count\"\npatterns = ['(']\n";
        let err = Table::parse(bad_pattern).expect_err("bad regex");
        assert!(err.to_string().contains("`x`"), "{err}");
        let twice = format!(
            "{}{}",
            bad_pattern.replace("'('", "'甲'"),
            bad_pattern.replace("'('", "'乙'")
        );
        assert!(matches!(Table::parse(&twice), Err(TableError::Id(id)) if id == "x"));
        let none = bad_pattern.replace("['(']", "[]");
        assert!(matches!(
            Table::parse(&none),
            Err(TableError::NoPatterns(_))
        ));
        let unknown_class = bad_pattern.replace("count", "money_eur");
        assert!(matches!(
            Table::parse(&unknown_class),
            Err(TableError::Toml(_))
        ));
    }

    #[test]
    fn ratio_metrics_only_measure_rates() {
        let m = |label: &str, kind| Metric {
            label: label.to_owned(),
            unit: "%".to_owned(),
            kind,
            ..Metric::default()
        };
        let id = |m: Metric| classify_metric(&m).map(|i| i.id.as_str());
        assert_eq!(
            id(m("资金到位率", MetricKind::Ratio)),
            Some("funds_in_place_rate")
        );
        assert_eq!(id(m("工业投资", MetricKind::Ratio)), None);
        assert_eq!(
            id(m("工业投资", MetricKind::ProgressPct)),
            Some("industrial_investment")
        );
        assert_eq!(
            id(m("签约项目", MetricKind::GrowthPct)),
            Some("projects_signed")
        );
    }

    #[test]
    fn annotate_fills_metrics_and_gauges_and_clears_stale_ones() {
        let mut a = Article::default();
        a.metrics.push(Metric {
            label: "新签约项目".to_owned(),
            unit: "个".to_owned(),
            ..Metric::default()
        });
        a.metrics.push(Metric {
            label: "总投资".to_owned(),
            unit: "亿元".to_owned(),
            indicator: Some("stale".to_owned()),
            ..Metric::default()
        });
        a.gauges.push(Gauge {
            label: "实际利用外资".to_owned(),
            unit: "万美元".to_owned(),
            ..Gauge::default()
        });
        annotate(&mut a);
        assert_eq!(a.metrics[0].indicator.as_deref(), Some("projects_signed"));
        assert_eq!(a.metrics[1].indicator, None);
        assert_eq!(
            a.gauges[0].indicator.as_deref(),
            Some("foreign_capital_used")
        );
    }

    macro_rules! canonical {
        ($($name:ident: $value:literal $unit:literal => $expected:expr;)*) => {
            $(
                #[test]
                fn $name() {
                    assert_eq!(canonical_value($value, $unit), $expected, "{} {}", $value, $unit);
                }
            )*
        };
    }

    canonical! {
        wan_yuan: 9000.0 "万元" => Some((0.9, "亿元"));
        yi_yuan: 298.0 "亿元" => Some((298.0, "亿元"));
        yuan: 5e8 "元" => Some((5.0, "亿元"));
        bare_yi: 1.5 "亿" => Some((1.5, "亿元"));
        wan_yi: 1.2 "万亿元" => Some((12000.0, "亿元"));
        bare_wan_yi: 2.0 "万亿" => Some((20000.0, "亿元"));
        wan_usd: 61328.0 "万美元" => Some((6.1328, "亿美元"));
        yi_usd: 3.0 "亿美元" => Some((3.0, "亿美元"));
        wan_usd_colloquial: 500.0 "万美金" => Some((0.05, "亿美元"));
        projects_xiang: 12.0 "项" => Some((12.0, "个"));
        projects_zong: 3.0 "宗" => Some((3.0, "个"));
        firms_hu: 4.0 "户" => Some((4.0, "家"));
        batches: 5.0 "批" => Some((5.0, "批次"));
        visits: 30.0 "人次" => Some((30.0, "人次"));
        people_wan: 1.2 "万人" => Some((12000.0, "人"));
        percent: 114.0 "%" => Some((114.0, "%"));
        per_mille: 5.0 "‰" => Some((0.5, "%"));
        points: 2.5 "个百分点" => Some((2.5, "个百分点"));
        multiple: 1.0 "倍" => Some((1.0, "倍"));
        mu_wan: 2.0 "万亩" => Some((20000.0, "亩"));
        square_km: 3.5 "平方公里" => Some((3.5, "平方公里"));
        km: 7.0 "千米" => Some((7.0, "公里"));
        bare_wan: 3.0 "万" => None;
        unknown: 3.0 "头" => None;
    }

    #[test]
    fn canonical_values_of_one_unit_compare() {
        let a = canonical_value(28000.0, "万元").expect("money");
        let b = canonical_value(2.8, "亿元").expect("money");
        assert_eq!(a, b);
        let usd = canonical_value(2.8, "亿美元").expect("money");
        assert_ne!(a.1, usd.1, "yuan and dollars are never one unit");
        assert_eq!(canonical_value(f64::NAN, "亿元"), None);
        assert_eq!(canonical_value(f64::INFINITY, "个"), None);
    }
}
