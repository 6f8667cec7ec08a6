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

#[test]
fn header_with_source_label_and_standalone_credit_line() {
    let a = parse("hefei-gaoxin-2024-h1.txt");
    assert_eq!(a.region.as_deref(), Some("合肥高新区"));
    assert_eq!(a.published.as_deref(), Some("2024-07-15"));
    assert_eq!(a.source.as_deref(), Some("合肥高新区管委会"));
    assert_eq!(a.byline.as_deref(), Some("记者 张三 通讯员 李四"));
    assert_eq!(
        a.period.as_deref(),
        Some("2024-01..2024-06"),
        "今年上半年 against the header's year"
    );
    assert!(
        a.metrics
            .iter()
            .any(|m| m.label == "签约项目" && m.value == Some(86.0)),
        "region prefix dropped"
    );
    let g = gauge(&a, "实际到位资金");
    assert_eq!(
        (g.actual, g.target, g.percent),
        (178.3, Some(300.0), Some(58.5))
    );
}

#[test]
fn size_classes_never_pair_with_each_other() {
    let a = parse("hefei-gaoxin-2024-h1.txt");
    assert!(
        !a.gauges.iter().any(|g| g.label.contains("50亿元以上")),
        "{:#?}",
        a.gauges
    );
    let b = parse("mengcheng-2023-1-10.txt");
    let g = gauge(&b, "亿元以上项目");
    assert_eq!(
        (g.actual, g.target),
        (48.0, Some(55.0)),
        "the plain class pairs with its own target"
    );
    assert!(!b.gauges.iter().any(|g| g.label.contains("10亿元以上")));
}

#[test]
fn stated_percent_is_not_overridden_by_a_stretch_target() {
    let b = parse("mengcheng-2023-1-10.txt");
    assert_eq!(b.region.as_deref(), Some("蒙城县"));
    let g = gauge(&b, "到位省外资金");
    // 125.6 / 150 would be 83.7%, not the stated 104.7%: the 150 is a raised goal.
    assert_eq!((g.actual, g.target, g.percent), (125.6, None, Some(104.7)));
    let rate = b
        .metrics
        .iter()
        .find(|m| m.label.contains("开工率"))
        .expect("开工率");
    assert_eq!(rate.kind, MetricKind::Ratio);
}
