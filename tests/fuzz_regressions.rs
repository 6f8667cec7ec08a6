//! Minimal reproducers of failures the fuzz targets in `fuzz/` found, one test per finding,
//! kept in the normal suite so a fixed bug stays fixed.

use zhaoshang::corpus::clean::clean_line;

/// Found by `fuzz/fuzz_targets/clean.rs` (idempotence): the stray-comma rule runs after the
/// pinyin-gloss rule, so removing the comma in `(jī,)` leaves a gloss `(jī)` that only the
/// second cleaning removes. The fuzzer reached it through C1 and NUL controls between `jī`
/// and the comma, which are stripped before either rule runs.
#[test]
fn cleaning_is_idempotent_when_a_stray_comma_hides_a_pinyin_gloss() {
    for line in ["機(jī,)", "機(jī\u{9b}\0\u{8},\0)"] {
        let (once, _) = clean_line(line, 0);
        let (twice, _) = clean_line(&once, 0);
        assert_eq!(twice, once, "cleaning {line:?} twice changes it again");
    }
}
