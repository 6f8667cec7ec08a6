//! Tables for scripts, spreadsheets and export: gauges, metrics, a two-region comparison
//! and an overview ranking regions on common measures. One [`Table`] renders as aligned
//! text (by display width), RFC 4180 CSV, or JSON, so the CLI and the explorer's export
//! write the same thing.

use pinyin::ToPinyin;
use unicode_width::UnicodeWidthStr;

use crate::corpus::clean::{apply_rule, strip_controls};
use crate::corpus::convert::to_simplified;
use crate::corpus::figures::{
    Figure, PeriodChoice, RankBy, RankedRegion, RegionFigures, compare as compare_figures,
    indicator_name, is_under, rank, region_figures,
};
use crate::corpus::{Article, Metric, RegionLevel};

/// Name under which articles without a named region are grouped.
pub const UNNAMED_REGION: &str = "未具名地区";

/// A table with a header row; every cell is text. Columns named in `numbers` hold figures:
/// JSON writes them as numbers. JSON writes an empty cell of any column as `null`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// Column names.
    pub header: Vec<String>,
    /// Rows, each as long as the header.
    pub rows: Vec<Vec<String>>,
    /// The columns that hold figures.
    pub numbers: Vec<String>,
}

/// Formats a figure without trailing zeros: `84.57`, `110`, `0.9`.
///
/// ```
/// use zhaoshang::report::number;
/// assert_eq!(number(110.0), "110");
/// assert_eq!(number(45.655), "45.66");
/// assert_eq!(number(f64::NAN), "-");
/// ```
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return "-".to_owned();
    }
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn optional(value: Option<f64>) -> String {
    value.map_or_else(String::new, number)
}

/// The region an article is filed under.
pub fn region_of(article: &Article) -> &str {
    article.region.as_deref().unwrap_or(UNNAMED_REGION)
}

impl Table {
    fn new(header: &[&str]) -> Self {
        Self {
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
            numbers: Vec::new(),
        }
    }

    /// Marks columns as holding figures.
    fn with_numbers(mut self, columns: &[&str]) -> Self {
        self.numbers = columns.iter().map(|c| (*c).to_owned()).collect();
        self
    }

    /// RFC 4180 CSV with a header row and CRLF line ends, written by the `csv` crate; `bom`
    /// prefixes a UTF-8 byte order mark so that spreadsheet programs read the Chinese text
    /// as UTF-8.
    pub fn to_csv(&self, bom: bool) -> String {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        for row in std::iter::once(&self.header).chain(&self.rows) {
            // Writing to memory cannot fail; a row of another length is written as it is.
            let _ = writer.write_record(row);
        }
        let bytes = writer.into_inner().unwrap_or_default();
        let mut out = String::new();
        if bom {
            out.push('\u{feff}');
        }
        out.push_str(&String::from_utf8_lossy(&bytes));
        out
    }

    /// A JSON array with one object per row, keyed by the header; figures are numbers, and
    /// a missing figure or text (an unknown period) is `null`.
    pub fn to_json(&self) -> String {
        let cell = |h: &String, c: &String| {
            if !self.numbers.contains(h) {
                // An empty text cell is a value the report does not give (an unknown period).
                if c.is_empty() {
                    return serde_json::Value::Null;
                }
                return serde_json::Value::String(c.clone());
            }
            let Ok(v) = c.parse::<f64>() else {
                return serde_json::Value::Null;
            };
            // Whole figures (ranks, counts) stay integers: `1`, not `1.0`.
            if v.fract() == 0.0 && v.abs() < 1e15 {
                return serde_json::Value::from(v as i64);
            }
            serde_json::Number::from_f64(v)
                .map_or(serde_json::Value::Null, serde_json::Value::Number)
        };
        let rows: Vec<serde_json::Map<String, serde_json::Value>> = self
            .rows
            .iter()
            .map(|row| {
                self.header
                    .iter()
                    .zip(row)
                    .map(|(h, c)| (h.clone(), cell(h, c)))
                    .collect()
            })
            .collect();
        serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".to_owned()) + "\n"
    }

    /// Columns aligned by display width (a CJK character takes two columns), control
    /// characters removed.
    pub fn to_text(&self) -> String {
        let clean = |c: &str| apply_rule(strip_controls, c);
        let rows: Vec<Vec<String>> = std::iter::once(&self.header)
            .chain(&self.rows)
            .map(|r| r.iter().map(|c| clean(c)).collect())
            .collect();
        let mut widths = vec![0; self.header.len()];
        for row in &rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.width());
            }
        }
        let mut out = String::new();
        for row in &rows {
            let mut line = String::new();
            for (i, (cell, w)) in row.iter().zip(&widths).enumerate() {
                line.push_str(cell);
                if i + 1 < row.len() {
                    line.push_str(&" ".repeat(w - cell.width() + 2));
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

/// Which figures a table keeps: one canonical indicator, one period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this canonical indicator (`funds_in_place`).
    pub indicator: Option<String>,
    /// Only this period (`2022`, `2021-01..2021-05`).
    pub period: Option<String>,
    /// Only regions of this level (overview).
    pub level: Option<RegionLevel>,
    /// Only regions under this one: a name on their gazetteer path above them (overview).
    pub parent: Option<String>,
}

impl Filter {
    fn keeps(&self, indicator: Option<&str>, period: Option<&str>) -> bool {
        self.indicator
            .as_deref()
            .is_none_or(|i| indicator == Some(i))
            && self.period.as_deref().is_none_or(|p| period == Some(p))
    }
}

/// Every gauge of every article.
pub fn gauges(articles: &[Article]) -> Table {
    gauges_where(articles, &Filter::default())
}

/// The gauges `filter` keeps (by indicator and the actual value's period).
pub fn gauges_where(articles: &[Article], filter: &Filter) -> Table {
    let mut table = Table::new(&[
        "region",
        "indicator",
        "label",
        "actual",
        "target",
        "percent",
        "unit",
        "percent_stated",
        "actual_period",
        "target_period",
        "cross_period",
        "file",
    ])
    .with_numbers(&["actual", "target", "percent"]);
    for a in articles {
        for g in &a.gauges {
            if !filter.keeps(g.indicator.as_deref(), g.actual_period.as_deref()) {
                continue;
            }
            table.rows.push(vec![
                region_of(a).to_owned(),
                g.indicator.clone().unwrap_or_default(),
                g.label.clone(),
                number(g.actual),
                optional(g.target),
                optional(g.percent),
                g.unit.clone(),
                g.percent_stated.to_string(),
                g.actual_period.clone().unwrap_or_default(),
                g.target_period.clone().unwrap_or_default(),
                g.cross_period.to_string(),
                a.file.clone(),
            ]);
        }
    }
    table
}

/// One row per article: where it came from, its region and what was extracted.
pub fn articles(articles: &[Article]) -> Table {
    let mut table = Table::new(&[
        "file",
        "title",
        "region",
        "region_code",
        "region_level",
        "region_path",
        "published",
        "source",
        "period",
        "script",
        "encoding",
        "paragraphs",
        "metrics",
        "gauges",
        "warnings",
    ]);
    for a in articles {
        table.rows.push(vec![
            a.file.clone(),
            a.title.clone(),
            a.region.clone().unwrap_or_default(),
            a.region_code.clone().unwrap_or_default(),
            a.region_level.map_or("", |l| l.as_str()).to_owned(),
            a.region_path.join("/"),
            a.published.clone().unwrap_or_default(),
            a.source.clone().unwrap_or_default(),
            a.period.clone().unwrap_or_default(),
            match a.script {
                crate::corpus::Script::Simplified => "simplified",
                crate::corpus::Script::Traditional => "traditional",
            }
            .to_owned(),
            a.encoding.clone(),
            a.paragraphs.len().to_string(),
            a.metrics.len().to_string(),
            a.gauges.len().to_string(),
            a.warnings.len().to_string(),
        ]);
    }
    table
}

/// Every metric of every article; redacted figures say so.
pub fn metrics(articles: &[Article]) -> Table {
    let mut table = Table::new(&[
        "region",
        "indicator",
        "label",
        "value",
        "unit",
        "kind",
        "period",
        "file",
    ])
    .with_numbers(&["value"]);
    for a in articles {
        for m in &a.metrics {
            table.rows.push(vec![
                region_of(a).to_owned(),
                m.indicator.clone().unwrap_or_default(),
                m.label.clone(),
                value_text(m),
                m.unit.clone(),
                m.kind_name().to_owned(),
                m.period.clone().unwrap_or_default(),
                a.file.clone(),
            ]);
        }
    }
    table
}

fn value_text(m: &Metric) -> String {
    if m.redacted {
        String::new()
    } else {
        optional(m.value)
    }
}

/// The region names of the corpus, in order of first appearance.
pub fn regions(articles: &[Article]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in articles {
        let r = region_of(a);
        if !out.iter().any(|x| x == r) {
            out.push(r.to_owned());
        }
    }
    out
}

/// Full pinyin and initials of a name: `通辽市` → (`tongliaoshi`, `tls`).
///
/// ```
/// use zhaoshang::report::pinyin_keys;
/// assert_eq!(pinyin_keys("通辽市"), ("tongliaoshi".to_owned(), "tls".to_owned()));
/// ```
pub fn pinyin_keys(name: &str) -> (String, String) {
    let mut full = String::new();
    let mut initials = String::new();
    for (c, p) in name.chars().zip(name.to_pinyin()) {
        if let Some(p) = p {
            full.push_str(p.plain());
            initials.push_str(p.first_letter());
        } else {
            full.extend(c.to_lowercase());
            initials.extend(c.to_lowercase());
        }
    }
    (full, initials)
}

/// Finds a region by simplified or traditional name, a part of it, full pinyin or
/// initials: `通遼`, `tongliao` and `tl` all name 通辽市.
///
/// ```
/// use zhaoshang::report::find_region;
/// let names = ["通辽市".to_owned(), "田家庵区".to_owned()];
/// assert_eq!(find_region(&names, "通遼").unwrap(), "通辽市");
/// assert_eq!(find_region(&names, "tongliao").unwrap(), "通辽市");
/// assert_eq!(find_region(&names, "TJA").unwrap(), "田家庵区");
/// assert!(find_region(&names, "beijing").is_err());
/// ```
pub fn find_region(names: &[String], query: &str) -> Result<String, String> {
    let q = to_simplified(query.trim());
    let lower = q.to_lowercase().replace([' ', '\''], "");
    let exact = names.iter().find(|n| **n == q);
    let found = exact
        .or_else(|| names.iter().find(|n| n.contains(&q)))
        .or_else(|| {
            names.iter().find(|n| {
                let (full, initials) = pinyin_keys(n);
                !lower.is_empty() && (full.starts_with(&lower) || initials.starts_with(&lower))
            })
        });
    found.cloned().ok_or_else(|| {
        format!(
            "no region matches {:?}; regions: {}",
            apply_rule(strip_controls, query),
            names.join(", ")
        )
    })
}

/// The figures of the region named `region` (articles filed under it).
fn figures_of(articles: &[Article], region: &str) -> RegionFigures {
    region_figures(articles.iter().filter(|a| region_of(a) == region))
}

/// Two regions side by side on canonical indicators for `period`: each side's period,
/// value (canonical unit) and percent of target, the difference A − B and the ratio A / B;
/// then the figures no indicator fits (indicator empty). `filter` keeps one indicator.
pub fn compare(
    articles: &[Article],
    a: &str,
    b: &str,
    period: &PeriodChoice,
    filter: &Filter,
) -> Table {
    let pa = format!("{a}_period");
    let pb = format!("{b}_period");
    let pca = format!("{a}_percent");
    let pcb = format!("{b}_percent");
    let mut table = Table::new(&[
        "indicator",
        "name",
        "kind",
        "unit",
        &pa,
        a,
        &pb,
        b,
        "difference",
        "ratio",
        &pca,
        &pcb,
    ])
    .with_numbers(&[a, b, "difference", "ratio", &pca, &pcb]);
    let left = figures_of(articles, a);
    let right = figures_of(articles, b);
    for row in compare_figures(&left.figures, &right.figures, period) {
        if filter
            .indicator
            .as_deref()
            .is_some_and(|i| i != row.indicator)
        {
            continue;
        }
        let side = |f: Option<&Figure>| {
            (
                f.and_then(|f| f.period.clone()).unwrap_or_default(),
                optional(f.and_then(|f| f.value)),
                optional(f.and_then(|f| f.percent)),
            )
        };
        let (period_a, value_a, percent_a) = side(row.left.as_ref());
        let (period_b, value_b, percent_b) = side(row.right.as_ref());
        table.rows.push(vec![
            row.indicator.clone(),
            indicator_name(&row.indicator).to_owned(),
            row.kind.as_str().to_owned(),
            row.unit.clone(),
            period_a,
            value_a,
            period_b,
            value_b,
            optional(row.difference()),
            optional(row.ratio()),
            percent_a,
            percent_b,
        ]);
    }
    if filter.indicator.is_none() {
        for (loose, left_side) in left
            .loose
            .iter()
            .map(|l| (l, true))
            .chain(right.loose.iter().map(|l| (l, false)))
        {
            let value = if loose.value.is_some() {
                optional(loose.value)
            } else {
                String::new()
            };
            let period = loose.period.clone().unwrap_or_default();
            let (pa, va, pb, vb) = if left_side {
                (period, value, String::new(), String::new())
            } else {
                (String::new(), String::new(), period, value)
            };
            table.rows.push(vec![
                String::new(),
                loose.label.clone(),
                loose.kind.as_str().to_owned(),
                loose.unit.clone(),
                pa,
                va,
                pb,
                vb,
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
    }
    table
}

/// The regions of the corpus as the overview ranks them: articles without a region are
/// not a region and are left out; level and path from the first article that has them.
pub fn ranked_regions(articles: &[Article]) -> Vec<RankedRegion> {
    let mut names: Vec<&str> = Vec::new();
    for a in articles {
        if let Some(r) = a.region.as_deref().filter(|r| !r.trim().is_empty())
            && !names.contains(&r)
        {
            names.push(r);
        }
    }
    names
        .into_iter()
        .map(|name| {
            let mine: Vec<&Article> = articles
                .iter()
                .filter(|a| a.region.as_deref() == Some(name))
                .collect();
            let placed = mine.iter().find(|a| !a.region_path.is_empty());
            RankedRegion {
                name: name.to_owned(),
                level: placed.and_then(|a| a.region_level),
                path: placed.map(|a| a.region_path.clone()).unwrap_or_default(),
                figures: region_figures(mine.iter().copied()).figures,
            }
        })
        .collect()
}

/// Regions ranked on every canonical indicator two or more of them report, for each
/// region's latest period or exactly `filter.period`, best first: by actual value in
/// canonical units, or by percent of target (`value` is then the percent, `unit` `%`);
/// `filter` keeps one indicator, one level and the regions under one parent.
pub fn overview(articles: &[Article], filter: &Filter, by: RankBy) -> Table {
    let mut table = Table::new(&[
        "indicator",
        "name",
        "period",
        "rank",
        "region",
        "level",
        "value",
        "unit",
        "percent",
    ])
    .with_numbers(&["rank", "value", "percent"]);
    let regions: Vec<RankedRegion> = ranked_regions(articles)
        .into_iter()
        .filter(|r| filter.level.is_none() || r.level == filter.level)
        .filter(|r| filter.parent.as_ref().is_none_or(|p| is_under(&r.path, p)))
        .collect();
    let period = filter
        .period
        .clone()
        .map_or(PeriodChoice::Latest, PeriodChoice::Exactly);
    for ranking in rank(&regions, &period, by, 2) {
        if filter
            .indicator
            .as_deref()
            .is_some_and(|i| i != ranking.indicator)
        {
            continue;
        }
        for (n, (region, figure, value)) in ranking.entries.iter().enumerate() {
            let Some(r) = regions.get(*region) else {
                continue;
            };
            table.rows.push(vec![
                ranking.indicator.clone(),
                indicator_name(&ranking.indicator).to_owned(),
                figure.period.clone().unwrap_or_default(),
                (n + 1).to_string(),
                r.name.clone(),
                r.level.map_or("", RegionLevel::as_str).to_owned(),
                number(*value),
                ranking.unit.clone(),
                optional(figure.percent),
            ]);
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::MetricKind;
    use crate::corpus::Span;

    fn article(region: &str, label: &str, value: f64, unit: &str) -> Article {
        let mut a = Article {
            region: Some(region.to_owned()),
            metrics: vec![Metric {
                label: label.to_owned(),
                value: Some(value),
                unit: unit.to_owned(),
                period: Some("2022".to_owned()),
                source: Span::default(),
                ..Metric::default()
            }],
            ..Article::default()
        };
        crate::corpus::indicators::annotate(&mut a);
        a
    }

    #[test]
    fn compare_lines_up_indicators_in_canonical_units() {
        let articles = [
            article("甲市", "实际到位资金", 2.0, "亿元"),
            article("乙县", "到位资金", 5000.0, "万元"),
        ];
        let t = compare(
            &articles,
            "甲市",
            "乙县",
            &PeriodChoice::Latest,
            &Filter::default(),
        );
        assert_eq!(
            t.rows,
            [[
                "funds_in_place",
                "到位资金",
                "actual",
                "亿元",
                "2022",
                "2",
                "2022",
                "0.5",
                "1.5",
                "4",
                "",
                ""
            ]]
        );
        let json: serde_json::Value = serde_json::from_str(&t.to_json()).unwrap();
        assert_eq!(json[0]["甲市"], serde_json::json!(2));
        assert_eq!(json[0]["乙县"], serde_json::json!(0.5));
        assert_eq!(json[0]["ratio"], serde_json::json!(4));
        assert_eq!(json[0]["甲市_percent"], serde_json::Value::Null);
        assert_eq!(json[0]["unit"], serde_json::json!("亿元"));
    }

    #[test]
    fn overview_ranks_in_canonical_units_and_filters() {
        let articles = [
            article("甲市", "到位资金", 2.0, "亿元"),
            article("乙县", "到位资金", 30000.0, "万元"),
            Article {
                region: None,
                ..article("甲市", "到位资金", 900.0, "亿元")
            },
        ];
        let t = overview(&articles, &Filter::default(), RankBy::Value);
        assert_eq!(
            t.rows.len(),
            2,
            "the article without a region is never ranked"
        );
        assert_eq!(t.rows[0][3..7], ["1", "乙县", "", "3"]);
        assert_eq!(t.rows[1][3..7], ["2", "甲市", "", "2"]);
        let json: serde_json::Value = serde_json::from_str(&t.to_json()).unwrap();
        assert_eq!(json[0]["rank"], serde_json::json!(1));
        assert_eq!(json[0]["value"], serde_json::json!(3));
        // Text the report does not give (here the level) is null too, not an empty string.
        assert_eq!(json[0]["period"], serde_json::json!("2022"));
        assert_eq!(json[0]["level"], serde_json::Value::Null);
        assert_eq!(json[0]["region"], serde_json::json!("乙县"));
        let none = Filter {
            indicator: Some("signed_amount".to_owned()),
            ..Filter::default()
        };
        assert!(overview(&articles, &none, RankBy::Value).rows.is_empty());
        let other_year = Filter {
            period: Some("2021".to_owned()),
            ..Filter::default()
        };
        assert!(
            overview(&articles, &other_year, RankBy::Value)
                .rows
                .is_empty()
        );
    }

    #[test]
    fn overview_keeps_the_regions_under_a_parent_and_ranks_by_percent_of_target() {
        let placed = |path: &[&str], value: f64, percent: f64| {
            let region = path.last().copied().unwrap_or_default();
            let mut a = article(region, "到位资金", value, "亿元");
            a.region_path = path.iter().map(|p| (*p).to_owned()).collect();
            a.metrics.push(Metric {
                label: "到位资金".to_owned(),
                kind: MetricKind::ProgressPct,
                value: Some(percent),
                unit: "%".to_owned(),
                period: Some("2022".to_owned()),
                ..Metric::default()
            });
            crate::corpus::indicators::annotate(&mut a);
            a
        };
        let articles = [
            placed(&["甲省", "甲市"], 10.0, 50.0),
            placed(&["甲省", "甲市", "乙县"], 2.0, 120.0),
            placed(&["丙省", "丙县"], 30.0, 90.0),
        ];
        let regions = |t: &Table| -> Vec<String> { t.rows.iter().map(|r| r[4].clone()).collect() };
        let all = overview(&articles, &Filter::default(), RankBy::Value);
        assert_eq!(regions(&all), ["丙县", "甲市", "乙县"]);
        let under = Filter {
            parent: Some("甲省".to_owned()),
            ..Filter::default()
        };
        assert_eq!(
            regions(&overview(&articles, &under, RankBy::Value)),
            ["甲市", "乙县"]
        );
        // A region is not under itself: one region left is not a ranking.
        let itself = Filter {
            parent: Some("乙县".to_owned()),
            ..Filter::default()
        };
        assert!(overview(&articles, &itself, RankBy::Value).rows.is_empty());
        let by_percent = overview(&articles, &Filter::default(), RankBy::Percent);
        assert_eq!(regions(&by_percent), ["乙县", "丙县", "甲市"]);
        assert_eq!(by_percent.rows[0][6..8], ["120", "%"]);
    }

    #[test]
    fn csv_quotes_and_bom() {
        let t = Table {
            header: vec!["a".into(), "b".into()],
            rows: vec![vec!["x,\"y\"".into(), "通辽".into()]],
            numbers: Vec::new(),
        };
        assert_eq!(t.to_csv(true), "\u{feff}a,b\r\n\"x,\"\"y\"\"\",通辽\r\n");
    }

    #[test]
    fn text_aligns_by_display_width() {
        let t = Table {
            header: vec!["地区".into(), "v".into()],
            rows: vec![vec!["通辽市".into(), "1".into()]],
            numbers: Vec::new(),
        };
        assert_eq!(t.to_text(), "地区    v\n通辽市  1\n");
    }
}
