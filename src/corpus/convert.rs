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
        Some(cc) if has_traditional(text) => cc.convert(text),
        _ => text.to_owned(),
    }
}

/// The ranges of ideographs the table below covers: extension A and the basic block, and
/// the compatibility ideographs.
const BLOCKS: [(u32, u32); 2] = [(0x3400, 0x9FFF), (0xF900, 0xFAFF)];

/// One bit per ideograph of [`BLOCKS`]: set when the converter changes the character on
/// its own. Most reports are written in simplified characters; a text with none of these
/// is returned as it is, without the dictionary walk.
fn changing() -> &'static [u64] {
    static BITS: OnceLock<Vec<u64>> = OnceLock::new();
    BITS.get_or_init(|| {
        let chars: Vec<char> = BLOCKS
            .iter()
            .flat_map(|&(a, b)| (a..=b).filter_map(char::from_u32))
            .collect();
        let mut bits = vec![0u64; chars.len().div_ceil(64)];
        let Some(cc) = converter() else { return bits };
        // One character per line, so that no phrase joins two of them.
        let joined: String = chars.iter().flat_map(|&c| [c, '\n']).collect();
        let converted = cc.convert(&joined);
        for (k, (line, &c)) in converted.split('\n').zip(&chars).enumerate() {
            if line.chars().ne(std::iter::once(c)) {
                bits[k / 64] |= 1 << (k % 64);
            }
        }
        bits
    })
}

/// True when `text` holds a character that traditional-to-simplified conversion changes.
///
/// ```
/// use zhaoshang::corpus::convert::has_traditional;
/// assert!(has_traditional("招商引資") && !has_traditional("招商引资，到位资金8亿元"));
/// ```
pub fn has_traditional(text: &str) -> bool {
    let bits = changing();
    text.chars().any(|c| {
        let mut base = 0usize;
        for &(a, b) in &BLOCKS {
            let u = c as u32;
            if (a..=b).contains(&u) {
                let k = base + (u - a) as usize;
                return bits.get(k / 64).is_some_and(|w| w >> (k % 64) & 1 == 1);
            }
            base += (b - a + 1) as usize;
        }
        false
    })
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
    let (han, changed) = traditional_counts(original, converted);
    if han == 0 {
        0.0
    } else {
        changed as f64 / han as f64
    }
}

/// The Han characters of `original` and how many of them the conversion changed, compared
/// char by char: the counts behind [`traditional_share`], to be summed line by line.
///
/// ```
/// use zhaoshang::corpus::convert::traditional_counts;
/// assert_eq!(traditional_counts("招商引資，", "招商引资，"), (4, 1));
/// ```
pub fn traditional_counts(original: &str, converted: &str) -> (usize, usize) {
    let mut han = 0;
    let mut changed = 0;
    for (a, b) in original.chars().zip(converted.chars()) {
        if is_han(a) {
            han += 1;
            if a != b {
                changed += 1;
            }
        }
    }
    (han, changed)
}
