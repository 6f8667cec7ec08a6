//! Canonical indicators over whole parsed corpora: the seeds and the real-report fixtures.

use std::path::PathBuf;

use zhaoshang::corpus::{self, Article, MetricKind, indicators};

fn real() -> Vec<Article> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/real/articles"
    ));
    let loaded = corpus::load_paths(std::slice::from_ref(&dir));
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let files = std::fs::read_dir(&dir).expect("fixtures").count();
    assert!(files >= 72);
    assert_eq!(loaded.articles.len(), files);
    loaded.articles
}

/// The (indicator, canonical unit, kind) rows an article states.
fn rows(article: &Article) -> Vec<(String, &'static str, MetricKind)> {
    article
        .metrics
        .iter()
        .filter_map(|m| {
            let id = m.indicator.clone()?;
            let (_, unit) = indicators::canonical_value(m.value.unwrap_or(0.0), &m.unit)?;
            Some((id, unit, m.kind))
        })
        .collect()
}

#[test]
fn every_indicator_given_is_known_and_agrees_with_its_unit() {
    let mut articles = real();
    articles.extend(corpus::parse_builtin());
    for a in &articles {
        for m in &a.metrics {
            let Some(id) = &m.indicator else { continue };
            let ind = indicators::get(id).unwrap_or_else(|| panic!("unknown indicator {id}"));
            let class = indicators::unit_class(&m.unit).expect("a placed unit");
            assert!(
                ind.admits(class),
                "{} {} {} → {id}",
                a.file,
                m.label,
                m.unit
            );
            if m.kind == MetricKind::Ratio {
                assert_eq!(
                    ind.unit_class,
                    indicators::UnitClass::Percent,
                    "{}",
                    m.label
                );
            }
        }
        for g in &a.gauges {
            if let Some(id) = &g.indicator {
                assert!(indicators::get(id).is_some(), "unknown indicator {id}");
            }
        }
    }
}

/// A floor under today's coverage (46% of metrics and 80% of gauges on the fixtures, where
/// most of the rest are rightly left without: 总投资, 占比, region names, project names):
/// a change to the table or the labels that loses many matches fails here.
#[test]
fn most_fixture_gauges_and_many_metrics_have_an_indicator() {
    let articles = real();
    let metrics: Vec<_> = articles.iter().flat_map(|a| &a.metrics).collect();
    let gauges: Vec<_> = articles.iter().flat_map(|a| &a.gauges).collect();
    let share = |n: usize, of: usize| n as f64 / of.max(1) as f64;
    let m = share(
        metrics.iter().filter(|m| m.indicator.is_some()).count(),
        metrics.len(),
    );
    let g = share(
        gauges.iter().filter(|g| g.indicator.is_some()).count(),
        gauges.len(),
    );
    assert!(m >= 0.40, "metrics with an indicator: {m:.3}");
    assert!(g >= 0.70, "gauges with an indicator: {g:.3}");
}

#[test]
fn reports_worded_differently_share_rows() {
    let builtin = corpus::parse_builtin();
    let by_region = |name: &str| {
        builtin
            .iter()
            .find(|a| a.region.as_deref() == Some(name))
            .unwrap_or_else(|| panic!("{name} in the built-in corpus"))
    };
    // 招商引资合同投资额 / 总签约额 and 招商引资实到投资额 / 到位资金.
    let gucheng = rows(by_region("谷城经济开发区"));
    let tongliao = rows(by_region("通辽市"));
    for id in ["signed_amount", "funds_in_place"] {
        let row = (id.to_owned(), "亿元", MetricKind::Actual);
        assert!(gucheng.contains(&row), "谷城 lacks {id}: {gucheng:?}");
        assert!(tongliao.contains(&row), "通辽 lacks {id}: {tongliao:?}");
    }
}
