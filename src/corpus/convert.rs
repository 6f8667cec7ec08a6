//! Traditional to simplified conversion with OpenCC's phrase-aware `t2s` tables.
//!
//! The converter is built once per process and shared; building it costs a few
//! milliseconds, converting is a dictionary walk per phrase.

use std::sync::OnceLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

fn converter() -> Option<&'static OpenCC> {
    static T2S: OnceLock<Option<OpenCC>> = OnceLock::new();
    T2S.get_or_init(|| OpenCC::from_config(BuiltinConfig::T2s).ok())
        .as_ref()
}

/// Converts traditional characters to simplified, phrase by phrase.
///
/// ```
/// use zhaoshang::corpus::convert::to_simplified;
/// assert_eq!(to_simplified("通遼市招商引資"), "通辽市招商引资");
/// assert_eq!(to_simplified("通辽市"), "通辽市");
/// ```
pub fn to_simplified(text: &str) -> String {
    match converter() {
        Some(cc) if !text.is_ascii() => cc.convert(text),
        _ => text.to_owned(),
    }
}

/// True for CJK unified ideographs (the basic block and extension A).
///
/// ```
/// use zhaoshang::corpus::convert::is_han;
/// assert!(is_han('招') && !is_han('，') && !is_han('a'));
/// ```
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Share of Han characters that the conversion changes: 0 for simplified text, typically
/// above 0.15 for traditional text.
///
/// ```
/// use zhaoshang::corpus::convert::traditional_share;
/// assert!(traditional_share("招商引資項目", "招商引资项目") > 0.3);
/// assert_eq!(traditional_share("招商", "招商"), 0.0);
/// ```
pub fn traditional_share(original: &str, converted: &str) -> f64 {
    let mut han = 0usize;
    let mut changed = 0usize;
    for (a, b) in original.chars().zip(converted.chars()) {
        if is_han(a) {
            han += 1;
            if a != b {
                changed += 1;
            }
        }
    }
    if han == 0 {
        0.0
    } else {
        changed as f64 / han as f64
    }
}
