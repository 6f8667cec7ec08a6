//! Wrapping and the width and sanitising helpers on arbitrary text at widths 0..200.
//!
//! Input: the first byte picks the width, the rest is the text (invalid UTF-8 replaced).
//! `wrap` never panics, returns contiguous ranges covering every char, and no line is wider
//! than the width except a line holding a single char wider than the width (or a space
//! hanging past the edge). `wrap_document`'s byte ranges match its char ranges, and
//! `WrapCache` returns what it was given. `sanitize*` leave nothing unsafe and are idempotent.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhaoshang::text::sanitize::{is_unsafe, sanitize, sanitize_aligned, sanitize_line};
use zhaoshang::text::width::{char_width, column_of, display_width, index_at_column, truncate};
use zhaoshang::text::wrap::{WrapCache, wrap, wrap_document};

fn check_wrap(chars: &[char], width: usize) {
    let text: String = chars.iter().collect();
    let lines = wrap(&text, width);
    assert!(!lines.is_empty(), "no lines for {text:?}");
    if chars.is_empty() {
        assert_eq!(lines, vec![0..0]);
        return;
    }

    let mut at = 0;
    let mut rebuilt = String::with_capacity(text.len());
    for range in &lines {
        assert_eq!(
            range.start, at,
            "gap or overlap at {at} in {lines:?} for {text:?}"
        );
        assert!(range.end > range.start, "empty line {range:?} for {text:?}");
        assert!(
            range.end <= chars.len(),
            "line {range:?} past the end of {text:?}"
        );
        at = range.end;

        let mut line = &chars[range.clone()];
        rebuilt.extend(line);
        if line.last() == Some(&'\n') {
            line = &line[..line.len() - 1];
        }
        let columns = |l: &[char]| l.iter().map(|&c| char_width(c)).sum::<usize>();
        if columns(line) > width && line.last() == Some(&' ') {
            line = &line[..line.len() - 1]; // a space may hang past the edge
        }
        let wide = columns(line);
        let visible = line.iter().filter(|&&c| char_width(c) > 0).count();
        assert!(
            wide <= width || visible <= 1,
            "line {range:?} is {wide} columns at width {width}: {:?} (text {text:?})",
            line.iter().collect::<String>()
        );
    }
    assert_eq!(at, chars.len(), "lines {lines:?} stop short of {text:?}");
    assert_eq!(rebuilt, text, "lines lose chars");
}

fn check_document(text: &str, width: usize) {
    let paragraphs: Vec<&str> = text.split('\n').collect();
    let cache = WrapCache::default();
    let lines = cache.get_or_wrap(7, width, || wrap_document(&paragraphs, width, true));
    let again = cache.get_or_wrap(7, width, || Vec::new());
    assert_eq!(lines, again, "the cache lost a document");
    // Byte offset of every char boundary, per paragraph, so the check stays linear.
    let boundaries: Vec<Vec<usize>> = paragraphs
        .iter()
        .map(|p| p.char_indices().map(|(b, _)| b).chain([p.len()]).collect())
        .collect();
    for line in lines.iter() {
        let paragraph = paragraphs[line.paragraph];
        let at = &boundaries[line.paragraph];
        assert!(
            line.range.end < at.len(),
            "line {line:?} past the end of {paragraph:?}"
        );
        assert_eq!(
            line.bytes,
            at[line.range.start]..at[line.range.end],
            "byte and char ranges disagree in {paragraph:?}"
        );
    }
}

fn check_width(text: &str, width: usize) {
    let cut = truncate(text, width);
    assert!(text.starts_with(cut));
    assert!(
        display_width(cut) <= width,
        "truncate({text:?}, {width}) = {cut:?}"
    );
    let index = index_at_column(text, width);
    assert!(index <= text.chars().count());
    assert!(column_of(text, index) <= display_width(text));
}

fn check_sanitize(text: &str) {
    let safe = sanitize(text);
    assert!(
        safe.chars().all(|c| c == '\n' || !is_unsafe(c)),
        "sanitize left something unsafe: {safe:?}"
    );
    assert_eq!(
        sanitize(&safe),
        safe,
        "sanitize is not idempotent on {text:?}"
    );

    let line = sanitize_line(text);
    assert!(
        line.chars().all(|c| !is_unsafe(c)),
        "sanitize_line: {line:?}"
    );

    let aligned = sanitize_aligned(text);
    assert_eq!(
        aligned.chars().count(),
        text.chars().count(),
        "sanitize_aligned moved chars"
    );
    assert!(
        aligned.chars().all(|c| c == '\n' || !is_unsafe(c)),
        "aligned: {aligned:?}"
    );
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let width = usize::from(first) % 200;
    let text = String::from_utf8_lossy(rest);
    let chars: Vec<char> = text.chars().collect();

    check_wrap(&chars, width);
    check_document(&text, width);
    check_width(&text, width);
    check_sanitize(&text);
});
