//! `clean_line` on arbitrary text: never panics, leaves no control or invisible format
//! char, is idempotent, and locates every change inside the line it was given.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhaoshang::corpus::clean::{clean_line, is_invisible_control};

// A line rarely starts the original text, so a non-zero offset catches arithmetic that
// forgets it.
const OFFSET: usize = 1000;

fuzz_target!(|data: &[u8]| {
    let line = String::from_utf8_lossy(data);
    let n = line.chars().count();

    let (clean, changes) = clean_line(&line, OFFSET);

    for c in clean.chars() {
        assert!(
            !c.is_control() && !is_invisible_control(c),
            "control char {c:?} survived cleaning: {clean:?}"
        );
    }
    for change in &changes {
        assert!(
            OFFSET <= change.start && change.start <= change.end && change.end <= OFFSET + n,
            "change {}..{} outside the line {OFFSET}..{} ({change:?})",
            change.start,
            change.end,
            OFFSET + n
        );
    }

    let (again, _) = clean_line(&clean, 0);
    assert_eq!(again, clean, "cleaning is not idempotent on {line:?}");

    // The offset only shifts positions; the same line at 0 makes the same changes.
    let (at_zero, changes_at_zero) = clean_line(&line, 0);
    assert_eq!(at_zero, clean);
    assert_eq!(changes_at_zero.len(), changes.len());
    for (a, b) in changes_at_zero.iter().zip(&changes) {
        assert_eq!((a.start + OFFSET, a.end + OFFSET), (b.start, b.end));
    }
});
