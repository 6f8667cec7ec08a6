//! `parse_corpus` on arbitrary text: never panics, and a corpus it accepts can be written
//! back with `to_json` / `to_jsonl` and read again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhaoshang::corpus::load::{parse_corpus, to_json, to_jsonl};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(articles) = parse_corpus(&text) else {
        return;
    };
    let json = to_json(&articles).expect("an accepted corpus serialises");
    let back =
        parse_corpus(&json).unwrap_or_else(|e| panic!("written corpus rejected: {e}\n{json}"));
    assert_eq!(back.len(), articles.len());
    if !articles.is_empty() {
        let jsonl = to_jsonl(&articles).expect("an accepted corpus serialises as lines");
        let back = parse_corpus(&jsonl).unwrap_or_else(|e| panic!("written lines rejected: {e}"));
        assert_eq!(back.len(), articles.len());
    }
});
