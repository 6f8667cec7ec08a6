//! Tables for scripts, spreadsheets and export: gauges, metrics, a two-region comparison
//! and an overview ranking regions on common measures. One [`Table`] renders as aligned
//! text (by display width), RFC 4180 CSV, or JSON, so the CLI and the explorer's export
//! write the same thing.

use std::collections::BTreeMap;

use pinyin::ToPinyin;
use unicode_width::UnicodeWidthStr;

use crate::corpus::clean::{apply_rule, strip_controls};
use crate::corpus::convert::to_simplified;
use crate::corpus::extract::{keys_match, match_key};
use crate::corpus::{Article, Metric, MetricKind, units};

/// Name under which articles without a named region are grouped.
pub const UNNAMED_REGION: &str = "未具名地区";

/// A table with a header row; every cell is text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// Column names.
    pub header: Vec<String>,
    /// Rows, each as long as the header.
    pub rows: Vec<Vec<String>>,
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
        }
    }

    /// RFC 4180 CSV with a header row and CRLF line ends; `bom` prefixes a UTF-8 byte order
    /// mark so that spreadsheet programs read the Chinese text as UTF-8.
    pub fn to_csv(&self, bom: bool) -> String {
        let mut out = String::new();
        if bom {
            out.push('\u{feff}');
        }
        for row in std::iter::once(&self.header).chain(&self.rows) {
            let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
        out
    }

    /// A JSON array with one object per row, keyed by the header.
    pub fn to_json(&self) -> String {
        let rows: Vec<serde_json::Map<String, serde_json::Value>> = self
            .rows
            .iter()
            .map(|row| {
                self.header
                    .iter()
                    .zip(row)
                    .map(|(h, c)| (h.clone(), serde_json::Value::String(c.clone())))
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

fn csv_cell(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

/// Every gauge of every article.
pub fn gauges(articles: &[Article]) -> Table {
    let mut table = Table::new(&[
        "region",
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
    ]);
    for a in articles {
        for g in &a.gauges {
            table.rows.push(vec![
                region_of(a).to_owned(),
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
    let mut table = Table::new(&["region", "label", "value", "unit", "kind", "period", "file"]);
    for a in articles {
        for m in &a.metrics {
            table.rows.push(vec![
                region_of(a).to_owned(),
                m.label.clone(),
                value_text(m),
                m.unit.clone(),
                m.kind.as_str().to_owned(),
                m.period.clone().unwrap_or_default(),
                a.file.clone(),
            ]);
        }
    }
    table
}

fn value_text(m: &Metric) -> String {
    if m.redacted {
        "redacted".to_owned()
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

/// A measure two regions can be compared on: label key, kind and unit family.
type MeasureKey = (String, MetricKind, String);

fn measure_key(m: &Metric) -> MeasureKey {
    let (family, _) = units::scale(&m.unit);
    (match_key(&m.label), m.kind, family.to_owned())
}

/// True when two measure keys name the same thing (labels compared by [`keys_match`]).
fn same_measure(a: &MeasureKey, b: &MeasureKey) -> bool {
    a.1 == b.1 && a.2 == b.2 && keys_match(&a.0, &b.0)
}

fn region_metrics<'a>(articles: &'a [Article], region: &str) -> Vec<&'a Metric> {
    articles
        .iter()
        .filter(|a| region_of(a) == region)
        .flat_map(|a| a.metrics.iter())
        .filter(|m| m.value.is_some())
        .collect()
}

/// Two regions side by side: measures aligned by label, kind and unit family, B's value
/// converted into A's unit, and the difference A − B.
pub fn compare(articles: &[Article], a: &str, b: &str) -> Table {
    let mut table = Table::new(&["label", "kind", "unit", a, b, "difference"]);
    let left = region_metrics(articles, a);
    let right = region_metrics(articles, b);
    let mut seen = Vec::new();
    for m in &left {
        let key = measure_key(m);
        if seen.contains(&key) {
            continue;
        }
        seen.push(key.clone());
        let other = right.iter().find(|o| same_measure(&measure_key(o), &key));
        let value = m.value.unwrap_or(0.0);
        let other_value =
            other.and_then(|o| units::convert(o.value.unwrap_or(0.0), &o.unit, &m.unit));
        table.rows.push(vec![
            m.label.clone(),
            m.kind.as_str().to_owned(),
            m.unit.clone(),
            number(value),
            optional(other_value),
            optional(other_value.map(|o| value - o)),
        ]);
    }
    for m in &right {
        let key = measure_key(m);
        if !seen.iter().any(|k| same_measure(k, &key)) {
            seen.push(key);
            table.rows.push(vec![
                m.label.clone(),
                m.kind.as_str().to_owned(),
                m.unit.clone(),
                String::new(),
                optional(m.value),
                String::new(),
            ]);
        }
    }
    // Aligned rows first: they are what a comparison is for.
    table
        .rows
        .sort_by_key(|r| r[3].is_empty() || r[4].is_empty());
    table
}

/// Ranks regions on every measure at least two regions report, values in the unit of the
/// largest figure.
pub fn overview(articles: &[Article]) -> Table {
    let mut table = Table::new(&["label", "kind", "unit", "rank", "region", "value"]);
    let mut by_measure: BTreeMap<MeasureKey, Vec<(String, f64, String)>> = BTreeMap::new();
    for region in regions(articles) {
        let mut seen = Vec::new();
        for m in region_metrics(articles, &region) {
            let key = measure_key(m);
            if seen.contains(&key) {
                continue;
            }
            seen.push(key.clone());
            by_measure.entry(key).or_default().push((
                region.clone(),
                m.value.unwrap_or(0.0),
                m.unit.clone(),
            ));
        }
    }
    for ((label, kind, _), mut entries) in by_measure {
        if entries.len() < 2 {
            continue;
        }
        let unit = entries
            .iter()
            .max_by(|x, y| units::scale(&x.2).1.total_cmp(&units::scale(&y.2).1))
            .map(|e| e.2.clone())
            .unwrap_or_default();
        for e in &mut entries {
            e.1 = units::convert(e.1, &e.2, &unit).unwrap_or(e.1);
        }
        entries.sort_by(|x, y| y.1.total_cmp(&x.1));
        for (rank, (region, value, _)) in entries.into_iter().enumerate() {
            table.rows.push(vec![
                label.clone(),
                kind.as_str().to_owned(),
                unit.clone(),
                (rank + 1).to_string(),
                region,
                number(value),
            ]);
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Span;

    fn article(region: &str, label: &str, value: f64, unit: &str) -> Article {
        Article {
            region: Some(region.to_owned()),
            metrics: vec![Metric {
                label: label.to_owned(),
                value: Some(value),
                unit: unit.to_owned(),
                source: Span::default(),
                ..Metric::default()
            }],
            ..Article::default()
        }
    }

    #[test]
    fn compare_converts_units() {
        let articles = [
            article("甲市", "到位资金", 2.0, "亿元"),
            article("乙县", "到位资金", 5000.0, "万元"),
        ];
        let t = compare(&articles, "甲市", "乙县");
        assert_eq!(t.rows, [["到位资金", "actual", "亿元", "2", "0.5", "1.5"]]);
    }

    #[test]
    fn overview_ranks_in_the_largest_unit() {
        let articles = [
            article("甲市", "到位资金", 2.0, "亿元"),
            article("乙县", "到位资金", 30000.0, "万元"),
        ];
        let t = overview(&articles);
        assert_eq!(t.rows[0][3..], ["1", "乙县", "3"]);
        assert_eq!(t.rows[1][3..], ["2", "甲市", "2"]);
    }

    #[test]
    fn csv_quotes_and_bom() {
        let t = Table {
            header: vec!["a".into(), "b".into()],
            rows: vec![vec!["x,\"y\"".into(), "通辽".into()]],
        };
        assert_eq!(t.to_csv(true), "\u{feff}a,b\r\n\"x,\"\"y\"\"\",通辽\r\n");
    }

    #[test]
    fn text_aligns_by_display_width() {
        let t = Table {
            header: vec!["地区".into(), "v".into()],
            rows: vec![vec!["通辽市".into(), "1".into()]],
        };
        assert_eq!(t.to_text(), "地区    v\n通辽市  1\n");
    }
}
