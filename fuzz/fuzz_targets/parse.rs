//! `parse_bytes` on arbitrary bytes: never panics; every metric and gauge span lies inside
//! its paragraph, every repair and warning inside `original`, every heading index inside
//! `paragraphs`; no control or invisible format char survives into the body or the title.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhaoshang::corpus::clean::is_invisible_control;
use zhaoshang::corpus::{Article, Span, parse_bytes};

fn check_span(article: &Article, span: &Span, what: &str) {
    let Some(paragraph) = article.paragraphs.get(span.paragraph) else {
        panic!(
            "{what} span {span:?} names paragraph {} of {}",
            span.paragraph,
            article.paragraphs.len()
        );
    };
    let len = paragraph.chars().count();
    assert!(
        span.start <= span.end && span.end <= len,
        "{what} span {span:?} outside its paragraph of {len} chars: {paragraph:?}"
    );
}

fn check_visible(text: &str, what: &str) {
    for c in text.chars() {
        assert!(
            !c.is_control() && !is_invisible_control(c),
            "control char {c:?} in the {what}: {text:?}"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(article) = parse_bytes("fuzz.txt", data) else {
        return;
    };

    for metric in &article.metrics {
        check_span(&article, &metric.source, "metric");
    }
    for gauge in &article.gauges {
        check_span(&article, &gauge.source, "gauge");
        if let Some(target) = &gauge.target_source {
            check_span(&article, target, "gauge target");
        }
    }

    let original = article.original.chars().count();
    for repair in &article.repairs {
        assert!(
            repair.start <= repair.end && repair.end <= original,
            "repair {}..{} outside the original of {original} chars ({repair:?})",
            repair.start,
            repair.end
        );
    }
    for warning in &article.warnings {
        assert!(
            warning.offset <= original,
            "warning at {} outside the original of {original} chars ({warning:?})",
            warning.offset
        );
    }
    for &heading in &article.headings {
        assert!(
            heading < article.paragraphs.len(),
            "heading {heading} out of range"
        );
    }

    check_visible(&article.title, "title");
    for paragraph in &article.paragraphs {
        check_visible(paragraph, "paragraph");
    }
});
