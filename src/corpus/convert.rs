//! Traditional to simplified conversion with OpenCC's phrase-aware `t2s` tables.
//!
//! The converter is built once per process and shared; building it costs a few
//! milliseconds, converting is a dictionary walk per phrase. Text without a character
//! that may change skips it, and characters no phrase holds use a table instead.

use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

fn converter() -> Option<&'static OpenCC> {
    static T2S: OnceLock<Option<OpenCC>> = OnceLock::new();
    T2S.get_or_init(|| OpenCC::from_config(BuiltinConfig::T2s).ok())
        .as_ref()
}

/// Converts traditional characters to simplified, phrase by phrase; characters that no
/// phrase holds are converted one by one from a table.
///
/// ```
/// use zhaoshang::corpus::convert::to_simplified;
/// assert_eq!(to_simplified("通遼市招商引資"), "通辽市招商引资");
/// assert_eq!(to_simplified("通辽市"), "通辽市");
/// ```
pub fn to_simplified(text: &str) -> String {
    let Some(cc) = converter().filter(|_| has_traditional(text)) else {
        return text.to_owned();
    };
    // The dictionary walk matches the longest key at each position. A character that no
    // phrase key holds (most: the phrase table has a few hundred entries) can only be
    // matched alone, so no match crosses it: it converts by the table, and only the runs
    // of characters between such boundaries go through the walk, when one of them may
    // change.
    let tables = &*TABLES;
    let mut simplified = String::with_capacity(text.len());
    let mut run: Option<usize> = None;
    for (at, c) in text.char_indices() {
        if tables.in_phrase.contains(c) {
            run.get_or_insert(at);
            continue;
        }
        if let Some(start) = run.take() {
            push_run(cc, &text[start..at], &mut simplified);
        }
        simplified.push(tables.alone.get(&c).copied().unwrap_or(c));
    }
    if let Some(start) = run {
        push_run(cc, &text[start..], &mut simplified);
    }
    simplified
}

/// Appends a run of characters that phrase keys hold, converted when one may change.
fn push_run(cc: &OpenCC, run: &str, out: &mut String) {
    if has_traditional(run) {
        out.push_str(&cc.convert(run));
    } else {
        out.push_str(run);
    }
}

/// The ranges of ideographs the bit table covers: extension A and the basic block, and
/// the compatibility ideographs.
const BLOCKS: [(u32, u32); 2] = [(0x3400, 0x9FFF), (0xF900, 0xFAFF)];

/// The characters the conversion may change, listed from OpenCC's t2s dictionaries by
/// `scripts/opencc-changing.py`: those changed on their own (`alone`) with what they
/// become (`to`); for phrases that change although none of their characters does alone
/// (瞭解 → 了解), the characters that differ (`phrase`); and every character of a phrase
/// key (`in_phrase`).
static CHANGING: &str = include_str!("../../data/opencc/t2s-changing.txt");

/// The listed characters of one kind (`alone`, `to`, `phrase`, `in_phrase`).
fn listed(kind: &str) -> impl Iterator<Item = char> + '_ {
    CHANGING
        .lines()
        .filter_map(move |line| line.strip_prefix(kind)?.strip_prefix('\t'))
        .flat_map(str::chars)
}

/// A set of characters: one bit per ideograph of [`BLOCKS`], and the few beyond them
/// (extension B and later) in a sorted list.
struct CharSet {
    bits: Vec<u64>,
    beyond: Vec<char>,
}

impl CharSet {
    fn new(chars: impl Iterator<Item = char>) -> Self {
        let size: u32 = BLOCKS.iter().map(|&(a, b)| b - a + 1).sum();
        let mut set = Self {
            bits: vec![0; (size as usize).div_ceil(64)],
            beyond: Vec::new(),
        };
        for c in chars {
            match block_index(c) {
                Some(k) => set.bits[k / 64] |= 1 << (k % 64),
                None => set.beyond.push(c),
            }
        }
        set.beyond.sort_unstable();
        set
    }

    fn contains(&self, c: char) -> bool {
        match block_index(c) {
            Some(k) => self.bits[k / 64] >> (k % 64) & 1 == 1,
            None => {
                self.beyond.first().is_some_and(|&f| c >= f)
                    && self.beyond.binary_search(&c).is_ok()
            }
        }
    }
}

/// The lists of [`CHANGING`], read on first use.
struct Tables {
    /// Characters the conversion may change, alone or inside a phrase.
    changing: CharSet,
    /// Characters some phrase key holds.
    in_phrase: CharSet,
    /// What each character the conversion changes on its own becomes.
    alone: HashMap<char, char>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| Tables {
    changing: CharSet::new(listed("alone").chain(listed("phrase"))),
    in_phrase: CharSet::new(listed("in_phrase")),
    alone: listed("alone").zip(listed("to")).collect(),
});

/// The position of `c` among the characters of [`BLOCKS`].
fn block_index(c: char) -> Option<usize> {
    let u = c as u32;
    let mut base = 0;
    for &(a, b) in &BLOCKS {
        if (a..=b).contains(&u) {
            return Some((base + u - a) as usize);
        }
        base += b - a + 1;
    }
    None
}

/// True when `text` holds a character that traditional-to-simplified conversion may
/// change, on its own or inside a phrase. Text without one converts to itself, so most
/// reports, written in simplified characters, skip the dictionary walk.
///
/// ```
/// use zhaoshang::corpus::convert::has_traditional;
/// assert!(has_traditional("招商引資") && !has_traditional("招商引资，到位资金8亿元"));
/// assert!(has_traditional("瞭解")); // 了解: no character changes alone
/// ```
pub fn has_traditional(text: &str) -> bool {
    let changing = &TABLES.changing;
    text.chars().any(|c| changing.contains(c))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The `alone` list holds exactly the characters of [`BLOCKS`] the compiled converter
    /// changes on their own, so the list cannot drift from the dictionaries in the binary.
    #[test]
    fn alone_list_matches_the_converter() {
        let cc = converter().expect("the t2s converter loads");
        let chars: Vec<char> = BLOCKS
            .iter()
            .flat_map(|&(a, b)| (a..=b).filter_map(char::from_u32))
            .collect();
        // One character per line, so that no phrase joins two of them.
        let joined: String = chars.iter().flat_map(|&c| [c, '\n']).collect();
        let converted = cc.convert(&joined);
        let changed: Vec<char> = converted
            .split('\n')
            .zip(&chars)
            .filter(|&(line, &c)| line.chars().ne(std::iter::once(c)))
            .map(|(_, &c)| c)
            .collect();
        let mut listed_in_blocks: Vec<char> = listed("alone")
            .filter(|&c| block_index(c).is_some())
            .collect();
        listed_in_blocks.sort_unstable();
        assert!(changed.len() > 2_000);
        assert_eq!(changed, listed_in_blocks);
        assert_eq!(listed("alone").count(), listed("to").count());
        for (c, to) in listed("alone").zip(listed("to")) {
            assert_eq!(
                cc.convert(&c.to_string()),
                to.to_string(),
                "{c} is listed as {to}"
            );
        }
    }

    #[test]
    fn phrase_characters_change_only_inside_their_phrases() {
        let cc = converter().expect("the t2s converter loads");
        let phrase: String = listed("phrase").collect();
        assert!(phrase.contains('瞭') && phrase.contains('覆'));
        for c in phrase.chars() {
            assert_eq!(
                cc.convert(&c.to_string()),
                c.to_string(),
                "{c} changes alone"
            );
        }
        assert_eq!(to_simplified("回覆"), "回复");
        assert_eq!(to_simplified("一目瞭然"), "一目了然");
        // Phrases that keep a character its own entry changes (乾元, 乾卦), beside ones
        // that change it, next to characters no phrase holds.
        for text in [
            "乾元乾卦，乾燥。乾乾淨淨地回覆",
            "沈默的沈船與乾嘉學派",
            "乾",
        ] {
            assert_eq!(to_simplified(text), cc.convert(text), "{text}");
        }
        assert_eq!(to_simplified("乾元"), "乾元");
    }

    /// Converting by the table and by runs gives what converting the whole text gives, on
    /// the real-report fixtures, the seeds and synthetic articles (which mix traditional and
    /// simplified lines, glosses and damage).
    #[test]
    fn tables_and_runs_convert_as_the_whole_text_does() {
        let cc = converter().expect("the t2s converter loads");
        let mut files: Vec<_> = ["tests/fixtures/real/articles", "data/raw"]
            .iter()
            .flat_map(|dir| std::fs::read_dir(dir).expect("fixture folder"))
            .map(|entry| entry.expect("fixture entry").path())
            .collect();
        files.sort();
        let fixtures = files.iter().map(|path| {
            let bytes = std::fs::read(path).expect("fixture file");
            (path.display().to_string(), bytes)
        });
        let mut traditional = 0;
        for (name, bytes) in fixtures.chain(crate::synth::generate(40, 7)) {
            let Ok(decoded) = crate::corpus::decode::decode(&bytes) else {
                continue;
            };
            let text = decoded.text;
            let whole = cc.convert(&text);
            traditional += usize::from(whole != text);
            assert_eq!(to_simplified(&text), whole, "{name}");
        }
        assert!(
            traditional >= 10,
            "only {traditional} texts hold traditional characters"
        );
    }

    #[test]
    fn characters_beyond_the_blocks_are_found() {
        let beyond = listed("alone").find(|&c| block_index(c).is_none());
        let c = beyond.expect("the dictionaries list characters beyond extension A");
        assert!(has_traditional(&format!("招商{c}")));
        assert!(!has_traditional("招商 2024 ABC"));
    }
}
