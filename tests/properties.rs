//! Property tests over arbitrary messy text: cleaning never panics and is idempotent, and
//! every position the parser reports lies inside the text it points into.

use proptest::prelude::*;
use zhaoshang::corpus::clean::clean_line;
use zhaoshang::corpus::parse_text;

/// Text built from the pieces real scraped articles are made of.
fn messy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("招商引资".to_owned()),
        Just("經(jīng)濟(jì)".to_owned()),
        Just("?tīng)?zhēng)".to_owned()),
        Just("?!蓖ㄟ|".to_owned()),
        Just(",,".to_owned()),
        Just(",、".to_owned()),
        Just("１２．５％".to_owned()),
        Just("84. 57亿元".to_owned()),
        Just("XX.X%".to_owned()),
        Just("同比增长12%".to_owned()),
        Just("占目标任务114%".to_owned()),
        Just("力争".to_owned()),
        Just("通辽市".to_owned()),
        Just("(合肥)".to_owned()),
        Just("。".to_owned()),
        Just("\n".to_owned()),
        Just("\u{1b}]0;x\u{7}".to_owned()),
        Just("\u{202e}".to_owned()),
        Just(" ".to_owned()),
        "[0-9X]{1,4}",
        "[个家亿元万%]",
        "\\PC{0,3}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn cleaning_is_idempotent(line in messy()) {
        for part in line.split('\n') {
            let (once, _) = clean_line(part, 0);
            let (twice, changes) = clean_line(&once, 0);
            prop_assert_eq!(&once, &twice, "second pass changed: {:?}", changes);
        }
    }

    #[test]
    fn repairs_point_inside_the_original(line in messy()) {
        let len = line.chars().count();
        let (_, changes) = clean_line(&line.replace('\n', " "), 0);
        for c in changes {
            prop_assert!(c.start <= c.end && c.end <= len, "{:?}", c);
        }
    }

    #[test]
    fn every_reported_span_lies_inside_its_text(text in messy()) {
        let article = parse_text("prop.txt", text.clone(), "UTF-8");
        let original_len = article.original.chars().count();
        for r in &article.repairs {
            prop_assert!(r.start <= r.end && r.end <= original_len, "{:?}", r);
        }
        for w in &article.warnings {
            prop_assert!(w.offset <= original_len);
        }
        let spans = article
            .metrics
            .iter()
            .map(|m| m.source)
            .chain(article.gauges.iter().flat_map(|g| std::iter::once(g.source).chain(g.target_source)));
        for span in spans {
            let paragraph = article.paragraphs.get(span.paragraph);
            prop_assert!(paragraph.is_some(), "{:?}", span);
            let len = paragraph.map_or(0, |p| p.chars().count());
            prop_assert!(span.start <= span.end && span.end <= len, "{:?} in {}", span, len);
        }
        for m in &article.metrics {
            prop_assert_eq!(m.value.is_none(), m.redacted || m.raw.parse::<f64>().is_err());
        }
        for p in &article.paragraphs {
            prop_assert!(!p.chars().any(char::is_control), "{:?}", p);
        }
    }
}
