//! Articles written for these tests in phrasings the seeds do not use, so the parser is
//! checked on rules rather than on the seeds' exact wording.

use zhaoshang::corpus::{Article, MetricKind, parse_bytes};

fn parse(name: &str) -> Article {
    let path = format!(
        "{}/tests/fixtures/articles/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).expect("fixture exists");
    parse_bytes(&path, &bytes).expect("fixture parses")
}

fn gauge<'a>(article: &'a Article, label: &str) -> &'a zhaoshang::corpus::Gauge {
    article
        .gauges
        .iter()
        .find(|g| g.label.contains(label))
        .unwrap_or_else(|| panic!("no gauge {label}: {:#?}", article.gauges))
}

#[test]
fn quarterly_report_metadata() {
    let a = parse("yongkang-2023-q3.txt");
    assert_eq!(a.title, "今年前三季度招商引资工作成效明显");
    assert_eq!(a.region.as_deref(), Some("永康市"));
    assert_eq!(a.published.as_deref(), Some("2023-10-12"));
    assert_eq!(a.source.as_deref(), Some("永康市投资促进中心"));
    assert_eq!(a.period.as_deref(), Some("2023"));
    assert!(a.paragraphs.iter().all(|p| !p.contains("责任编辑")));
}

#[test]
fn percent_of_annual_target_with_target_stated_later() {
    let a = parse("yongkang-2023-q3.txt");
    let g = gauge(&a, "实际利用外资");
    assert_eq!(
        (g.actual, g.target, g.percent),
        (2.3, Some(3.0), Some(76.0))
    );
    assert_eq!(g.unit, "亿美元");
    assert_eq!(g.actual_period.as_deref(), Some("2023-01..2023-09"));
    assert_eq!(g.target_period.as_deref(), Some("2023"));
    assert!(g.percent_stated && !g.cross_period && g.target_source.is_some());
}

#[test]
fn target_sentence_pairs_with_year_to_date_actual() {
    let a = parse("yongkang-2023-q3.txt");
    let g = gauge(&a, "签约项目");
    assert_eq!(
        (g.actual, g.target, g.percent),
        (35.0, Some(50.0), Some(70.0))
    );
    assert!(!g.percent_stated);
}

#[test]
fn percent_only_gauge_and_ratios() {
    let a = parse("yongkang-2023-q3.txt");
    let g = gauge(&a, "协议投资额");
    assert_eq!((g.actual, g.target, g.percent), (56.0, None, Some(28.0)));
    assert_eq!(g.actual_period.as_deref(), Some("2023-01..2023-03"));
    for ratio in ["履约率", "开工率"] {
        let m = a
            .metrics
            .iter()
            .find(|m| m.label.contains(ratio))
            .expect(ratio);
        assert_eq!(m.kind, MetricKind::Ratio);
        assert!(!a.gauges.iter().any(|g| g.label.contains(ratio)));
    }
    let growth = a
        .metrics
        .iter()
        .find(|m| m.kind == MetricKind::GrowthPct)
        .expect("growth");
    assert_eq!(
        (growth.label.as_str(), growth.value),
        ("招商引资到位资金", Some(12.5))
    );
}

#[test]
fn gb18030_file_parses_like_utf8() {
    let utf8 = parse("yongkang-2023-q3.txt");
    let gb = parse("yiwu-2023-q3-gb18030.txt");
    assert_eq!(gb.encoding, "GB18030");
    assert_eq!(gb.region.as_deref(), Some("义乌市"));
    assert_eq!(gb.metrics.len(), utf8.metrics.len());
    assert_eq!(gb.gauges.len(), utf8.gauges.len());
}
