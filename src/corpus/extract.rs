//! Clean simplified paragraphs → region, period, metrics and target-versus-actual gauges.
//!
//! The extractor reads sentence by sentence. A metric is a figure with a unit (`84.57亿元`,
//! `19个`, `XX.X%`); its label is the clause before it (or after it, for `等19个项目开工建设`
//! and `投资50亿元的骆驼集团…`), its kind comes from the words around it (`同比增长`,
//! `占目标任务`, `力争`), and its period from the nearest time expression (`2022年`,
//! `去年`, `1--5月`), resolved against the article's own dates. Gauges pair an achieved
//! figure with its target: a stated percent of target in the same sentence, or a target
//! and an achieved figure with the same label and unit anywhere in the article.

mod figures;
mod gauges;
mod labels;
mod metrics;
mod periods;
pub mod region;

use std::sync::LazyLock;

use regex::Regex;

use super::model::{Gauge, Metric, MetricKind, Pairing, Span};
use super::units;

use figures::{CLAUSE_DELIMITERS, CharCounter, figures};
pub use gauges::{gauges, pairable};
use labels::{
    CREATION_VERBS, after_last_verb, label_after, labels_match, strip_fillers, strip_target_words,
    truncate_chars,
};
pub use labels::{keys_match, match_key, tidy_label};
use metrics::TARGET_REF;
pub use metrics::{MAX_METRICS, MAX_SENTENCE_CHARS, metrics, sentences};
use periods::{Time, period_year, strip_titles, time_expressions, year_period};
pub use periods::{article_period, reference_year};
pub use region::{Region, dateline_outlet, find_region};

/// What extraction found in one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    /// The main subject region, if the text names one.
    pub region: Option<Region>,
    /// The period the article reports on.
    pub period: Option<String>,
    /// Every figure with a unit.
    pub metrics: Vec<Metric>,
    /// Target-versus-actual pairs.
    pub gauges: Vec<Gauge>,
}

/// Runs every extraction step over an article's clean paragraphs.
pub fn extract(
    title: &str,
    site: Option<&str>,
    paragraphs: &[String],
    headings: &[usize],
    published: Option<&str>,
) -> Extracted {
    // The title often carries the year (`…2024年上半年招商引资成绩单`).
    let with_title: Vec<&str> = std::iter::once(title)
        .chain(paragraphs.iter().map(String::as_str))
        .collect();
    let reference = reference_year(&with_title, published);
    let period = article_period(paragraphs, reference)
        .or_else(|| article_period(&[title.to_owned()], reference));
    let region = find_region(title, site, paragraphs);
    let mut metrics = metrics(paragraphs, headings, reference, period.as_deref());
    if let Some(name) = region.as_ref().map(|r| &r.name) {
        // 合肥高新区累计签约项目 → 签约项目: the subject is the article's, not the label's.
        for m in &mut metrics {
            if let Some(rest) = m.label.strip_prefix(name.as_str()) {
                let rest = strip_fillers(rest);
                if rest.chars().count() >= 2 {
                    m.label = rest;
                }
            }
        }
    }
    let gauges = gauges(&metrics);
    // The fields used only while pairing are cleared, so that an article equals what its
    // JSON reads back as.
    for m in &mut metrics {
        m.pairing = Pairing::default();
    }
    Extracted {
        region,
        period,
        metrics,
        gauges,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(sentence: &str) -> Vec<Metric> {
        metrics(&[sentence.to_owned()], &[], Some(2021), Some("2021"))
    }

    macro_rules! metric_case {
        ($name:ident, $text:expr, $label:expr, $value:expr, $unit:expr, $kind:expr) => {
            #[test]
            fn $name() {
                let found = one($text);
                let hit = found.iter().find(|m| m.value == $value && m.unit == $unit);
                let hit = hit.unwrap_or_else(|| panic!("no {:?}{} in {found:#?}", $value, $unit));
                assert!(
                    hit.label.contains($label),
                    "label {:?} lacks {:?}",
                    hit.label,
                    $label
                );
                assert_eq!(hit.kind, $kind);
            }
        };
    }

    metric_case!(
        plain_actual,
        "全区完成新签约项目28个。",
        "新签约项目",
        Some(28.0),
        "个",
        MetricKind::Actual
    );
    metric_case!(
        cut_after_verb,
        "全市招商引资项目实现到位资金298亿元。",
        "到位资金",
        Some(298.0),
        "亿元",
        MetricKind::Actual
    );
    metric_case!(
        size_class_in_label,
        "成功招引5000万元以上项目10个。",
        "5000万元以上项目",
        Some(10.0),
        "个",
        MetricKind::Actual
    );
    metric_case!(
        growth_inherits,
        "新签约项目568个、同比增长159.4%。",
        "新签约项目",
        Some(159.4),
        "%",
        MetricKind::GrowthPct
    );
    metric_case!(
        decline_negative,
        "进出口总额12亿美元，同比下降3.5%。",
        "进出口总额",
        Some(-3.5),
        "%",
        MetricKind::GrowthPct
    );
    metric_case!(
        target_marker,
        "力争引进亿元以上项目37个。",
        "亿元以上项目",
        Some(37.0),
        "个",
        MetricKind::Target
    );
    metric_case!(
        progress,
        "合同投资额84.57亿元,占目标任务114%;",
        "合同投资额",
        Some(114.0),
        "%",
        MetricKind::ProgressPct
    );
    metric_case!(
        attributive,
        "投资50亿元的骆驼集团公司新能源项目落地。",
        "骆驼集团",
        Some(50.0),
        "亿元",
        MetricKind::Actual
    );
    metric_case!(
        label_after_deng,
        "保障了中瑞、标准化厂房等19个项目开工建设。",
        "开工建设",
        Some(19.0),
        "个",
        MetricKind::Actual
    );
    metric_case!(
        creation_verb,
        "与西部资本组建5亿元区级产业投促基金。",
        "产业投促基金",
        Some(5.0),
        "亿元",
        MetricKind::Actual
    );
    metric_case!(
        ratio_not_gauge,
        "项目履约率达95%。",
        "履约率",
        Some(95.0),
        "%",
        MetricKind::Ratio
    );
    metric_case!(
        redacted,
        "进出口总额XX.X亿美元。",
        "进出口总额",
        None::<f64>,
        "亿美元",
        MetricKind::Actual
    );
    metric_case!(
        forecast,
        "预计全年GDP增长8%以上。",
        "GDP",
        Some(8.0),
        "%",
        MetricKind::GrowthPct
    );

    #[test]
    fn redacted_is_never_a_number() {
        let found =
            one("X—XX月，规上工业增加值增长XX.X%，签约项目总投资XXX亿元，申报基金债X0亿元。");
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(found.iter().all(|m| m.value.is_none() && m.redacted));
    }

    #[test]
    fn a_share_of_placeholders_is_a_placeholder() {
        let found = one("上年签约项目X个,已开工X个,占比100%。");
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(found.iter().all(|m| m.value.is_none() && m.redacted));
        assert_eq!(found[2].raw, "100");
        // The same share of stated figures is a figure.
        let found = one("上年签约项目20个,已开工20个,占比100%。");
        assert_eq!(found[2].value, Some(100.0), "{found:#?}");
    }

    #[test]
    fn dates_and_durations_are_not_metrics() {
        assert!(one("4月21日召开会议，提前1个月完成，用时3个工作日。").is_empty());
    }

    #[test]
    fn stated_percent_gauge_with_target_value() {
        let found = one("实际利用外资218亿元，完成年度目标任务589亿元的37.22%。");
        let g = gauges(&found);
        assert_eq!(g.len(), 1, "{found:#?}");
        assert_eq!(
            (g[0].actual, g[0].target, g[0].percent),
            (218.0, Some(589.0), Some(37.22))
        );
    }

    #[test]
    fn percent_only_gauge() {
        let g = gauges(&one("亿元以上在谈项目45个,总投资126.1亿元,占目标任务113%;"));
        assert_eq!(g.len(), 1);
        assert_eq!(
            (g[0].actual, g[0].target, g[0].percent),
            (126.1, None, Some(113.0))
        );
        assert!(g[0].label.contains("在谈项目"), "{}", g[0].label);
    }

    #[test]
    fn cross_sentence_and_cross_period_pair() {
        let paragraphs = [
            "去年，该区利用省外资金50.23亿元。".to_owned(),
            "新的一年，力争利用省外资金110亿元。".to_owned(),
        ];
        let m = metrics(&paragraphs, &[], Some(2022), None);
        let g = gauges(&m);
        assert_eq!(g.len(), 1, "{m:#?}");
        assert_eq!((g[0].actual, g[0].target), (50.23, Some(110.0)));
        assert_eq!(g[0].actual_period.as_deref(), Some("2021"));
        assert_eq!(g[0].target_period.as_deref(), Some("2022"));
        assert!(g[0].cross_period && !g[0].percent_stated);
        assert_eq!(g[0].percent, Some(45.66));
    }

    #[test]
    fn different_size_classes_do_not_pair() {
        let m = metrics(
            &["成功招引5000万元以上项目10个。力争引进亿元以上项目37个。".to_owned()],
            &[],
            Some(2022),
            None,
        );
        assert!(gauges(&m).is_empty(), "{m:#?}");
    }

    #[test]
    fn periods() {
        let p = |s: &str| {
            time_expressions(s, Some(2021))
                .first()
                .and_then(|(_, t)| t.period.clone())
        };
        assert_eq!(
            p("1--5月，外出招商5次").as_deref(),
            Some("2021-01..2021-05")
        );
        assert_eq!(p("到5月31日提前实现").as_deref(), Some("2021-01..2021-05"));
        assert_eq!(p("去年，全区").as_deref(), Some("2020"));
        assert_eq!(p("2022年，全市").as_deref(), Some("2022"));
        assert_eq!(p("X—XX月，规上"), None);
        assert_eq!(p("上半年，全市").as_deref(), Some("2021-01..2021-06"));
        assert_eq!(p("下半年，全市").as_deref(), Some("2021-07..2021-12"));
        assert_eq!(p("前三季度，全市").as_deref(), Some("2021-01..2021-09"));
        assert_eq!(p("三季度力争").as_deref(), Some("2021-07..2021-09"));
        assert_eq!(p("第二季度，全市").as_deref(), Some("2021-04..2021-06"));
        let months = |s: &str| {
            time_expressions(s, None)
                .first()
                .and_then(|(_, t)| t.months)
        };
        assert_eq!(months("三季度力争"), Some((7, 9)));
        assert_eq!(months("1-5月，全市"), Some((1, 5)));
        assert_eq!(months("全市"), None);
    }

    #[test]
    fn a_respectively_run_reaches_over_a_sentence_of_growth() {
        let text = ["1-3月份实际到位县外资金2.2亿元，其中到位市外资金1.443亿元，列全市第八位。同比分别增长328%、323%。分别完成年度任务的27.5%、18%。".to_owned()];
        let m = metrics(&text, &[], Some(2010), None);
        let g = gauges(&m);
        let pairs: Vec<(f64, Option<f64>)> = g.iter().map(|g| (g.actual, g.percent)).collect();
        assert_eq!(pairs, [(2.2, Some(27.5)), (1.443, Some(18.0))], "{m:#?}");
        // A sentence with a figure of its own between them breaks the reach.
        let text = ["实际到位县外资金2.2亿元，其中到位市外资金1.443亿元。新开工项目12个。分别完成年度任务的27.5%、18%。".to_owned()];
        let m = metrics(&text, &[], Some(2010), None);
        assert!(
            gauges(&m).iter().all(|g| (g.actual - 2.2).abs() > 1e-9),
            "{m:#?}"
        );
    }

    #[test]
    fn one_actual_against_two_targets_gives_two_gauges() {
        let text = ["截止10月底，全县共引进国内市外到位资金60.07亿元，占市下达全年考核目标任务的92.42%，占县下达目标任务的85.81%。".to_owned()];
        let m = metrics(&text, &[], Some(2014), None);
        let g = gauges(&m);
        let pairs: Vec<(f64, Option<f64>)> = g.iter().map(|g| (g.actual, g.percent)).collect();
        assert_eq!(
            pairs,
            [(60.07, Some(92.42)), (60.07, Some(85.81))],
            "{m:#?}"
        );
    }

    #[test]
    fn a_quarter_target_never_pairs_with_another_period() {
        // Undated: the half-year actual and the third-quarter target share no period.
        let text = [
            "上半年，全市新签约亿元以上项目225个。三季度力争全市新签约亿元以上项目120个。"
                .to_owned(),
        ];
        let m = metrics(&text, &[], None, None);
        assert!(gauges(&m).is_empty(), "{m:#?}");
        let m = metrics(&text, &[], Some(2016), None);
        assert!(gauges(&m).is_empty(), "{m:#?}");
        // The same quarter pairs.
        let text = [
            "三季度，全市新签约亿元以上项目90个。三季度力争全市新签约亿元以上项目120个。"
                .to_owned(),
        ];
        let m = metrics(&text, &[], None, None);
        assert_eq!(gauges(&m).len(), 1, "{m:#?}");
    }

    #[test]
    fn reference_year_from_past_only_mentions() {
        let paras = [
            "2021年以来，该区聚焦主业。".to_owned(),
            "去年，该区完成投资。".to_owned(),
        ];
        assert_eq!(reference_year(&paras, None), Some(2022));
        let paras = [
            "2023年，该区引进项目。".to_owned(),
            "2024年，该区将继续推进。去年招商46次。".to_owned(),
        ];
        assert_eq!(reference_year(&paras, None), Some(2024));
        assert_eq!(reference_year(&paras, Some("2021-06-04T09:31")), Some(2021));
    }
}
