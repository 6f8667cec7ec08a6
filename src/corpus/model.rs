//! The parsed corpus: articles, their metrics, gauges and warnings, as serialised to JSON.
//!
//! Every position in this module is counted in Unicode scalar values (chars), not bytes, so
//! that the JSON can be used from any language: `paragraph` indexes `Article::paragraphs`,
//! `start..end` is a char range inside that paragraph. Positions in the original text
//! (`Repair::start`, `Warning::offset`) are char offsets into `Article::original`.

use serde::{Deserialize, Serialize};

/// One parsed article: metadata, clean simplified paragraphs and what was extracted from them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Article {
    /// The path of the source file as it was given on the command line.
    pub file: String,
    /// The title as printed, or derived from the first sentence when the article has none.
    pub title: String,
    /// True when `title` was derived from the body rather than given by the article.
    pub title_derived: bool,
    /// The main subject region in simplified characters; `None` when the text never names it.
    pub region: Option<String>,
    /// The region's GB/T 2260 code from the gazetteer (`420625`); `None` for a zone without
    /// one, or a name the gazetteer cannot place with certainty.
    pub region_code: Option<String>,
    /// The region's administrative level, when the region is known.
    pub region_level: Option<RegionLevel>,
    /// Names from the province down to the region (`湖北省`, `襄阳市`, `谷城县`, `谷城经济开发区`);
    /// empty when the region is unknown or could not be placed.
    pub region_path: Vec<String>,
    /// Publication date and time as written in the header, ISO 8601 (`2021-06-04T09:31`).
    pub published: Option<String>,
    /// The publishing outlet or site (`来源`, or the header's source).
    pub source: Option<String>,
    /// Reporters and correspondents as credited (`记者 郭洪申 薛一群`).
    pub byline: Option<String>,
    /// Keywords from a `关键词` line.
    pub keywords: Vec<String>,
    /// The period the article reports on (`2021`, `2021-01..2021-05`).
    pub period: Option<String>,
    /// Which script the original was written in.
    pub script: Script,
    /// The text encoding the file was decoded from (`UTF-8`, `GB18030`, `Big5`).
    pub encoding: String,
    /// Clean body paragraphs in simplified characters, boilerplate removed.
    pub paragraphs: Vec<String>,
    /// Indices into `paragraphs` of lines that are section headings rather than prose.
    pub headings: Vec<usize>,
    /// Every quantity worth showing.
    pub metrics: Vec<Metric>,
    /// Target-versus-actual pairs.
    pub gauges: Vec<Gauge>,
    /// What the cleaner could not repair with certainty.
    pub warnings: Vec<Warning>,
    /// Boilerplate lines kept out of the body, with what they are.
    pub boilerplate: Vec<Boilerplate>,
    /// Each change the cleaner made, located in `original`.
    pub repairs: Vec<Repair>,
    /// The decoded original text, line endings normalised to `\n`.
    pub original: String,
}

/// The script an article was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    /// Simplified characters (简体).
    #[default]
    Simplified,
    /// Traditional characters (繁體).
    Traditional,
}

/// The administrative level of a region, from the gazetteer.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum RegionLevel {
    /// Province, autonomous region or municipality (省、自治区、直辖市).
    #[default]
    Province,
    /// Prefecture-level city, autonomous prefecture or league (地级市、自治州、盟).
    Prefecture,
    /// County, county-level city, district or banner (县、县级市、区、旗).
    County,
    /// Township, town or street (乡、镇、街道).
    Township,
    /// Development zone, park or new area (经济开发区、高新区、工业园区…).
    Zone,
}

impl RegionLevel {
    /// A short English name used in tables, exports and the store.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Province => "province",
            Self::Prefecture => "prefecture",
            Self::County => "county",
            Self::Township => "township",
            Self::Zone => "zone",
        }
    }
}

/// A char range inside one clean paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Span {
    /// Index into `Article::paragraphs`.
    pub paragraph: usize,
    /// First char of the range.
    pub start: usize,
    /// One past the last char of the range.
    pub end: usize,
}

/// What a metric measures relative to time and plan.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum MetricKind {
    /// An achieved figure.
    #[default]
    Actual,
    /// A planned or targeted figure (力争, 确保, 计划, 目标).
    Target,
    /// Year-on-year (or period-on-period) growth in percent; a decline is negative.
    GrowthPct,
    /// A stated share of a target (占目标任务114%).
    ProgressPct,
    /// Any other ratio: 履约率, 开工率, a share of a total.
    Ratio,
    /// A forecast as corpora written before parser version 11 stored it. Only ever read:
    /// loading a corpus turns it into `Actual` with [`Metric::forecast`] set.
    #[serde(rename = "forecast")]
    LegacyForecast,
    /// An absolute change against an earlier period (同比增加3个); a decrease is negative.
    Change,
}

impl MetricKind {
    /// A short English name used in tables and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Actual => "actual",
            Self::Target => "target",
            Self::GrowthPct => "growth_pct",
            Self::ProgressPct => "progress_pct",
            Self::Ratio => "ratio",
            Self::LegacyForecast => "forecast",
            Self::Change => "change",
        }
    }
}

/// One quantity stated in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Metric {
    /// Short label in simplified characters (`合同投资额`).
    pub label: String,
    /// The figure, or `None` when the text redacts it (`XX.X`).
    pub value: Option<f64>,
    /// Unit as written, in simplified characters (`亿元`, `个`, `%`).
    pub unit: String,
    /// What the figure is.
    pub kind: MetricKind,
    /// The period the figure belongs to, when known.
    pub period: Option<String>,
    /// True when the figure is a template placeholder such as `XX` or `X.X`.
    pub redacted: bool,
    /// The figure exactly as it appears in the clean text (`84.57`, `XX.X`).
    pub raw: String,
    /// True when the text qualifies the figure as approximate (`近8亿元`, `约`, `超`, `余`).
    pub approximate: bool,
    /// True when the text gives the figure as expected, not yet achieved (`预计全年到位资金
    /// 23.68亿元`): its kind stays `actual` or `growth_pct`, and it is never compared with
    /// achieved figures.
    pub forecast: bool,
    /// The canonical indicator this figure measures (`funds_in_place`), when one fits.
    pub indicator: Option<String>,
    /// What the parser knows of the figure's place in its sentence while pairing figures into
    /// gauges; not stored, and cleared once the gauges are made.
    #[serde(skip)]
    pub pairing: Pairing,
    /// The sentence the metric was read from.
    pub source: Span,
}

impl Metric {
    /// The kind as tables and exports show it: a forecast says so.
    ///
    /// ```
    /// use zhaoshang::corpus::{Metric, MetricKind};
    /// let mut m = Metric { kind: MetricKind::Actual, ..Metric::default() };
    /// assert_eq!(m.kind_name(), "actual");
    /// m.forecast = true;
    /// assert_eq!(m.kind_name(), "forecast");
    /// m.kind = MetricKind::GrowthPct;
    /// assert_eq!(m.kind_name(), "growth_pct forecast");
    /// ```
    pub fn kind_name(&self) -> &'static str {
        match (self.forecast, self.kind) {
            (false, kind) => kind.as_str(),
            (true, MetricKind::GrowthPct) => "growth_pct forecast",
            (true, _) => "forecast",
        }
    }
}

/// A figure's place in its sentence, as the gauge pairing needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pairing {
    /// A target stated as the target of the figure just before it
    /// (`实际到位资金8亿元（目标6亿元）`, `超额完成910亿元目标任务`).
    pub target_of_previous: bool,
    /// A figure that continues a list after `、` (`104%` of `96%、104%`).
    pub in_list: bool,
    /// The months the figure covers when the text names less than a whole year (1..6 for
    /// 上半年), known even when the year is not.
    pub months: Option<(u32, u32)>,
    /// A percent of a total stated before it (`占计划总投资的62.51%`), not of a target.
    pub of_total: bool,
}

/// A target-versus-actual pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Gauge {
    /// What is measured (`合同投资额`).
    pub label: String,
    /// The achieved value.
    pub actual: f64,
    /// The target, when the text states it.
    pub target: Option<f64>,
    /// Percent of target achieved: as stated, or computed from actual and target.
    pub percent: Option<f64>,
    /// True when `percent` is stated in the text rather than computed.
    pub percent_stated: bool,
    /// Unit shared by actual and target.
    pub unit: String,
    /// Period of the achieved value.
    pub actual_period: Option<String>,
    /// Period of the target.
    pub target_period: Option<String>,
    /// True when actual and target belong to different periods (last year's actual against
    /// this year's target).
    pub cross_period: bool,
    /// The sentence stating the achieved value.
    pub source: Span,
    /// The sentence stating the target, when it is another sentence.
    pub target_source: Option<Span>,
    /// The canonical indicator this gauge measures (`funds_in_place`), when one fits.
    pub indicator: Option<String>,
}

/// True when `percent` is what `actual` is of `target`, allowing for rounding (two
/// percent of the percent, at least one point).
///
/// ```
/// use zhaoshang::corpus::model::consistent;
/// assert!(consistent(72.06, 115.28, 62.51));
/// assert!(!consistent(72.06, 140.0, 53.0)); // 51.5%
/// assert!(!consistent(1.0, 0.0, 50.0));
/// ```
pub fn consistent(actual: f64, target: f64, percent: f64) -> bool {
    target > 0.0 && (actual / target * 100.0 - percent).abs() <= (percent * 0.02).max(1.0)
}

impl Gauge {
    /// The percent actual ÷ target gives, when the text states both and it is not the
    /// percent the text states (`实际完成投资72.06亿元，占…140亿元目标任务的53%`: 51.5%).
    /// The gauge keeps the stated percent; this says it does not add up.
    ///
    /// ```
    /// use zhaoshang::corpus::Gauge;
    /// let g = |t, p| Gauge { actual: 72.06, target: Some(t), percent: Some(p),
    ///     percent_stated: true, ..Gauge::default() };
    /// assert_eq!(g(140.0, 53.0).disagreeing_percent().map(|p| p.round()), Some(51.0));
    /// assert_eq!(g(115.28, 62.51).disagreeing_percent(), None);
    /// ```
    pub fn disagreeing_percent(&self) -> Option<f64> {
        let (target, percent) = (self.target?, self.percent?);
        let computed = self.actual / target * 100.0;
        (self.percent_stated
            && computed.is_finite()
            && percent.is_finite()
            && !consistent(self.actual, target, percent))
        .then_some(computed)
    }

    /// The target implied by a stated percent when the target itself is not stated.
    ///
    /// ```
    /// use zhaoshang::corpus::Gauge;
    /// let g = Gauge { actual: 57.0, percent: Some(114.0), ..Gauge::default() };
    /// assert_eq!(g.implied_target(), Some(50.0));
    /// ```
    pub fn implied_target(&self) -> Option<f64> {
        match (self.target, self.percent) {
            (Some(t), _) => Some(t),
            (None, Some(p)) if p > 0.0 && p.is_finite() => Some(self.actual * 100.0 / p),
            _ => None,
        }
    }
}

/// Something the cleaner flagged rather than repaired silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Warning {
    /// Which rule raised it (`lost_character`, `mojibake`, `redacted`, …).
    pub kind: String,
    /// Char offset in `Article::original`.
    pub offset: usize,
    /// 1-based line in the original.
    pub line: usize,
    /// The text in question, as found.
    pub text: String,
    /// A hint for the reader, such as the pinyin gloss that followed a lost character.
    pub hint: Option<String>,
}

/// A line kept out of the body, with what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Boilerplate {
    /// `header`, `credit`, `keywords`, `footer`, `widget`, `template`, `navigation`, `subtitle`.
    pub kind: String,
    /// 1-based line in the original.
    pub line: usize,
    /// The line as found.
    pub text: String,
}

/// One change the cleaner made inside a body line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Repair {
    /// The cleaning rule that made it (`pinyin_gloss`, `stray_comma`, …).
    pub rule: String,
    /// Char offset in `Article::original` where the replaced text starts.
    pub start: usize,
    /// Char offset one past the replaced text.
    pub end: usize,
    /// What the original text was replaced with.
    pub replacement: String,
}
