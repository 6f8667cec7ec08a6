//! The five seed articles (of the built-in corpus) against the hand-made gold file (tests/fixtures/seeds.json).

use serde_json::Value;
use zhaoshang::corpus::{self, Article, MetricKind};

/// Gold entries name the seed files as published; data/raw keeps their three-digit prefix.
fn parsed() -> Vec<(Value, Article)> {
    let gold: Value =
        serde_json::from_str(include_str!("fixtures/seeds.json")).expect("gold file is JSON");
    let articles = corpus::parse_builtin();
    gold["articles"]
        .as_array()
        .expect("articles array")
        .iter()
        .map(|g| {
            let prefix = &g["file"].as_str().expect("file")[..3];
            let article = articles
                .iter()
                .find(|a| {
                    a.file
                        .rsplit('/')
                        .next()
                        .is_some_and(|f| f.starts_with(prefix))
                })
                .unwrap_or_else(|| panic!("no article for {prefix}"))
                .clone();
            (g.clone(), article)
        })
        .collect()
}

fn kind(name: &str) -> MetricKind {
    match name {
        "target" => MetricKind::Target,
        "growth_pct" => MetricKind::GrowthPct,
        _ => MetricKind::Actual,
    }
}

#[test]
fn every_region_is_right() {
    for (gold, article) in parsed() {
        assert_eq!(
            article.region.as_deref(),
            gold["region"].as_str(),
            "{}",
            article.file
        );
    }
}

#[test]
fn titles_bylines_sources_and_dates() {
    for (gold, article) in parsed() {
        if let Some(title) = gold["title"].as_str() {
            assert_eq!(article.title, title, "{}", article.file);
            assert!(!article.title_derived);
        }
        if let Some(byline) = gold["byline"].as_str() {
            assert_eq!(article.byline.as_deref(), Some(byline), "{}", article.file);
        }
        if let Some(source) = gold["source"].as_str() {
            assert_eq!(article.source.as_deref(), Some(source), "{}", article.file);
        }
        assert_eq!(
            article.published.as_deref(),
            gold["published"].as_str(),
            "{}",
            article.file
        );
        if gold.get("period_actual").is_some() {
            assert_eq!(
                article.period.as_deref(),
                gold["period_actual"].as_str(),
                "{}",
                article.file
            );
        }
        if let Some(keywords) = gold["keywords"].as_array() {
            let want: Vec<&str> = keywords.iter().filter_map(Value::as_str).collect();
            assert_eq!(article.keywords, want);
        }
        let script = gold["script"].as_str().expect("script");
        let want = if script.starts_with("traditional") {
            "traditional"
        } else {
            "simplified"
        };
        assert_eq!(
            serde_json::to_value(article.script).expect("serialises"),
            want
        );
    }
}

#[test]
fn every_gold_gauge_is_found_with_its_values() {
    for (gold, article) in parsed() {
        for g in gold["gauges"].as_array().expect("gauges") {
            let key = g["key"].as_str().expect("key");
            let found = article
                .gauges
                .iter()
                .find(|x| x.label.contains(key))
                .unwrap_or_else(|| {
                    panic!("{}: no gauge {key} in {:#?}", article.file, article.gauges)
                });
            assert_eq!(Some(found.actual), g["actual"].as_f64(), "{key}");
            assert_eq!(found.target, g["target"].as_f64(), "{key}");
            assert_eq!(found.unit, g["unit"].as_str().expect("unit"), "{key}");
            if let Some(percent) = g["percent"].as_f64() {
                assert_eq!(found.percent, Some(percent), "{key}");
                assert!(found.percent_stated);
            }
            if let (Some(a), Some(t)) = (g["actual_period"].as_str(), g["target_period"].as_str()) {
                assert_eq!(found.actual_period.as_deref(), Some(a));
                assert_eq!(found.target_period.as_deref(), Some(t));
                assert_eq!(
                    found.cross_period,
                    a != t,
                    "{key}: periods must be labelled"
                );
            }
        }
        // No gauge where the gold has none.
        if gold["gauges"].as_array().is_some_and(Vec::is_empty) {
            assert!(
                article.gauges.is_empty(),
                "{}: {:#?}",
                article.file,
                article.gauges
            );
        }
    }
}

#[test]
fn at_least_ninety_percent_of_gold_metrics() {
    let (mut want, mut found) = (0, 0);
    let mut missing = Vec::new();
    for (gold, article) in parsed() {
        for m in gold["metrics"].as_array().expect("metrics") {
            want += 1;
            let key = m["key"].as_str().expect("key");
            let hit = article.metrics.iter().any(|x| {
                x.label.contains(key)
                    && x.value == m["value"].as_f64()
                    && x.unit == m["unit"].as_str().expect("unit")
                    && x.kind == kind(m["kind"].as_str().expect("kind"))
            });
            if hit {
                found += 1;
            } else {
                missing.push(format!(
                    "{}: {key} {} {}",
                    article.file, m["value"], m["unit"]
                ));
            }
        }
    }
    assert!(
        found * 10 >= want * 9,
        "found {found}/{want}; missing {missing:#?}"
    );
}

#[test]
fn no_number_is_invented_for_a_redacted_figure() {
    for (gold, article) in parsed() {
        if gold["all_redacted"].as_bool() == Some(true) {
            assert!(!article.metrics.is_empty());
            assert!(
                article
                    .metrics
                    .iter()
                    .all(|m| m.value.is_none() && m.redacted),
                "{:#?}",
                article.metrics
            );
            assert!(article.gauges.is_empty());
        }
        for m in &article.metrics {
            assert_eq!(m.redacted, m.raw.contains('X'), "{m:?}");
        }
    }
}

#[test]
fn lost_characters_and_mojibake_are_flagged_not_dropped() {
    for (gold, article) in parsed() {
        let lost = article
            .warnings
            .iter()
            .filter(|w| w.kind == "lost_character")
            .count();
        if let Some(n) = gold["lost_characters"].as_u64() {
            assert_eq!(lost as u64, n, "{}", article.file);
            assert!(
                article
                    .warnings
                    .iter()
                    .all(|w| w.kind != "lost_character" || w.hint.is_some())
            );
        }
        let marks: usize = article
            .paragraphs
            .iter()
            .map(|p| p.matches('〓').count())
            .sum();
        let flagged = article
            .warnings
            .iter()
            .filter(|w| w.kind == "lost_character" || w.kind == "mojibake")
            .count();
        assert_eq!(
            marks, flagged,
            "{}: every mark has its warning",
            article.file
        );
        for w in &article.warnings {
            if w.kind == "lost_character" || w.kind == "mojibake" {
                let original: String = article
                    .original
                    .chars()
                    .skip(w.offset)
                    .take(w.text.chars().count())
                    .collect();
                assert_eq!(original, w.text, "warning offsets point into the original");
            }
        }
    }
    let tongliao = parsed()
        .into_iter()
        .find(|(_, a)| a.region.as_deref() == Some("通辽市"))
        .expect("通辽");
    assert!(
        tongliao
            .1
            .warnings
            .iter()
            .any(|w| w.kind == "mojibake" && w.text.contains('ㄟ'))
    );
}

#[test]
fn boilerplate_is_metadata_not_body() {
    for (_, article) in parsed() {
        let body = article.paragraphs.join("\n");
        for needle in [
            "版权",
            "关键词",
            "责任编辑",
            "来说两句",
            "{{",
            "©",
            "ICP",
            "登录",
        ] {
            assert!(
                !body.contains(needle),
                "{}: body contains {needle}",
                article.file
            );
        }
        for p in &article.paragraphs {
            assert!(
                !p.contains("(jī") && !p.contains("(qū)"),
                "gloss left in {p}"
            );
        }
    }
    let gucheng = parsed()
        .into_iter()
        .find(|(_, a)| a.file.contains("004"))
        .expect("004")
        .1;
    let kinds: Vec<&str> = gucheng
        .boilerplate
        .iter()
        .map(|b| b.kind.as_str())
        .collect();
    for kind in ["title", "header", "credit", "widget"] {
        assert!(kinds.contains(&kind), "{kinds:?}");
    }
}

#[test]
fn metric_sources_point_at_their_sentence() {
    for (_, article) in parsed() {
        for m in &article.metrics {
            let p = &article.paragraphs[m.source.paragraph];
            let sentence: String = p
                .chars()
                .skip(m.source.start)
                .take(m.source.end - m.source.start)
                .collect();
            assert!(sentence.contains(&m.raw), "{:?} not in {sentence}", m.raw);
        }
    }
}

#[test]
fn data_articles_json_is_current() {
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/articles.json"))
            .expect("data/articles.json exists");
    let fresh = corpus::load::to_json(&corpus::parse_builtin()).expect("serialises");
    assert!(
        committed == fresh,
        "data/articles.json is out of date: run `cargo run -- parse data/raw -o data/articles.json`"
    );
}

/// The parse of the files listed in `tests/fixtures/parser-output.txt`, as committed in
/// `data/articles.json` (kept current by the test above), hashed.
fn parser_output_hash(files: &[&str]) -> String {
    use sha2::{Digest, Sha256};
    let committed: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/articles.json"))
            .expect("data/articles.json exists"),
    )
    .expect("data/articles.json is JSON");
    let mut hasher = Sha256::new();
    for file in files {
        let article = committed
            .as_array()
            .into_iter()
            .flatten()
            .find(|a| a["file"].as_str() == Some(file))
            .unwrap_or_else(|| panic!("{file} is listed in parser-output.txt but not parsed"));
        hasher.update(article.to_string().as_bytes());
        hasher.update(b"\n");
    }
    zhaoshang::store::sqlite::hex(&hasher.finalize())
}

#[test]
fn a_change_in_what_articles_parse_to_bumps_the_parser_version() {
    let record = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/parser-output.txt"
    ))
    .expect("parser-output.txt exists");
    let lines: Vec<&str> = record.lines().filter(|l| !l.starts_with('#')).collect();
    let at = lines
        .iter()
        .position(|l| *l == "files:")
        .expect("a files: section");
    let files: Vec<&str> = lines[at + 1..]
        .iter()
        .copied()
        .filter(|l| !l.is_empty())
        .collect();
    assert!(files.len() >= 50, "the fixed set of files is listed");
    let versions: Vec<(u32, &str)> = lines[..at]
        .iter()
        .map(|l| {
            let mut words = l.split_whitespace().skip(1);
            let version = words.next().and_then(|v| v.parse().ok());
            (
                version.expect("`version N HASH`"),
                words.next().unwrap_or(""),
            )
        })
        .collect();
    assert!(
        versions.windows(2).all(|w| w[0].0 < w[1].0),
        "versions are recorded in increasing order"
    );
    let hash = parser_output_hash(&files);
    let current = corpus::PARSER_VERSION;
    let line = format!("version {current} {hash}");
    match versions.iter().find(|(v, _)| *v == current) {
        Some((_, recorded)) => assert!(
            *recorded == hash,
            "what these articles parse to changed under PARSER_VERSION {current}: bump it in \
             src/corpus.rs (stores then parse their articles again) and record the new version \
             in tests/fixtures/parser-output.txt as `version {} {hash}`",
            current + 1
        ),
        None => panic!("record PARSER_VERSION in tests/fixtures/parser-output.txt: `{line}`"),
    }
    assert_eq!(
        versions.last().map(|v| v.0),
        Some(current),
        "the last recorded version is the current one"
    );
}
