//! Character-level repairs of one line of scraped text, each a small named rule.
//!
//! A rule reads a line as chars and returns [`Edit`]s: replace `start..end` with a string.
//! [`Tracked`] applies a rule's edits and keeps, for every char of the result, the offset of
//! the char of the original text it came from, so each repair can be shown in the original
//! however many rules ran before it. Rules that cannot repair with certainty (a character
//! lost as `?`, a mojibake run) put a visible mark `〓` in the text and raise a warning
//! instead of guessing.

use super::convert::is_han;

/// The mark left where characters were lost: GETA MARK, the conventional sign for a
/// character that cannot be printed.
pub const LOST_MARK: char = '〓';

/// One replacement proposed by a rule, in char offsets of the rule's input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// First char replaced.
    pub start: usize,
    /// One past the last char replaced.
    pub end: usize,
    /// What replaces it.
    pub replacement: String,
    /// Set when the repair is uncertain: the warning kind and an optional hint.
    pub warning: Option<(&'static str, Option<String>)>,
}

impl Edit {
    fn new(start: usize, end: usize, replacement: impl Into<String>) -> Self {
        Self {
            start,
            end,
            replacement: replacement.into(),
            warning: None,
        }
    }
}

/// A rule's record of one change, located in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The rule's name.
    pub rule: &'static str,
    /// Char offset in the original where the replaced text starts.
    pub start: usize,
    /// Char offset one past the replaced text.
    pub end: usize,
    /// The replaced text as it was in the rule's input.
    pub before: String,
    /// The replacement.
    pub after: String,
    /// Warning kind and hint for uncertain repairs.
    pub warning: Option<(&'static str, Option<String>)>,
}

/// The changes a cleaning found: the first `cap` in full, the others only counted, so that
/// a line of thousands of repairs is not held as a record per char.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changes {
    /// The changes kept, in the order they were made.
    pub kept: Vec<Change>,
    /// How many more were made.
    pub more: usize,
    cap: usize,
}

impl Changes {
    /// Keeps up to `cap` changes.
    pub fn with_cap(cap: usize) -> Self {
        Self {
            kept: Vec::new(),
            more: 0,
            cap,
        }
    }

    /// Every change made, kept or not.
    pub fn count(&self) -> usize {
        self.kept.len() + self.more
    }

    fn record(&mut self, change: impl FnOnce() -> Change) {
        if self.kept.len() < self.cap {
            self.kept.push(change());
        } else {
            self.more += 1;
        }
    }
}

/// Text whose chars remember where they came from in the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tracked {
    chars: Vec<char>,
    origin: Vec<usize>,
    end: usize,
}

impl Tracked {
    /// Starts tracking `text`, whose first char is at `offset` in the original.
    pub fn new(text: &str, offset: usize) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let origin = (offset..offset + chars.len()).collect();
        Self {
            end: offset + chars.len(),
            chars,
            origin,
        }
    }

    /// The current text.
    pub fn text(&self) -> String {
        // Sized first: collected chars grow the string by doubling, up to twice its length.
        let mut text = String::with_capacity(self.chars.iter().map(|c| c.len_utf8()).sum());
        text.extend(&self.chars);
        text
    }

    /// The current chars.
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// Applies one rule, appending what it changed to `changes`.
    pub fn apply(
        &mut self,
        rule: &'static str,
        find: fn(&[char]) -> Vec<Edit>,
        changes: &mut Changes,
    ) {
        let edits = find(&self.chars);
        if edits.is_empty() {
            return;
        }
        let mut chars = Vec::with_capacity(self.chars.len());
        let mut origin = Vec::with_capacity(self.chars.len());
        let mut at = 0;
        for edit in edits {
            if edit.start < at || edit.end > self.chars.len() || edit.start > edit.end {
                continue; // overlapping or out-of-range edits are ignored, never applied twice
            }
            chars.extend_from_slice(&self.chars[at..edit.start]);
            origin.extend_from_slice(&self.origin[at..edit.start]);
            let start = self.origin_at(edit.start);
            let end = if edit.end > edit.start {
                self.origin[edit.end - 1] + 1
            } else {
                start
            };
            for c in edit.replacement.chars() {
                chars.push(c);
                origin.push(start);
            }
            let before = &self.chars[edit.start..edit.end];
            changes.record(|| Change {
                rule,
                start,
                end,
                before: before.iter().collect(),
                after: edit.replacement,
                warning: edit.warning,
            });
            at = edit.end;
        }
        chars.extend_from_slice(&self.chars[at..]);
        origin.extend_from_slice(&self.origin[at..]);
        self.chars = chars;
        self.origin = origin;
    }

    fn origin_at(&self, i: usize) -> usize {
        self.origin.get(i).copied().unwrap_or(self.end)
    }
}

/// A cleaning rule: reads a line's chars, proposes edits.
pub type Rule = fn(&[char]) -> Vec<Edit>;

/// Every rule in the order the cleaner runs them.
pub const RULES: [(&str, Rule); 10] = [
    ("control_chars", strip_controls),
    ("pinyin_gloss", remove_pinyin_glosses),
    ("lost_character", mark_lost_characters),
    ("mojibake", mark_mojibake),
    ("stray_comma", remove_stray_commas),
    ("fullwidth_digits", normalise_fullwidth_digits),
    ("split_number", join_split_numbers),
    ("ideographic_decimal", restore_decimal_points),
    ("halfwidth_punct", widen_punctuation),
    ("whitespace", trim_whitespace),
];

/// Runs every rule over one line; returns the clean line and what changed.
///
/// ```
/// use zhaoshang::corpus::clean::clean_line;
/// let (clean, changes) = clean_line("經(jīng)濟(jì)開發(fā)區(qū),,", 0);
/// assert_eq!(clean, "經濟開發區，");
/// assert_eq!(changes.len(), 6);
/// ```
pub fn clean_line(line: &str, offset: usize) -> (String, Vec<Change>) {
    let mut changes = Changes::with_cap(usize::MAX);
    let clean = clean_line_with(line, offset, &RULES, &mut changes);
    (clean, changes.kept)
}

/// [`clean_line`] keeping at most `cap` changes.
///
/// ```
/// use zhaoshang::corpus::clean::clean_line_capped;
/// let (clean, changes) = clean_line_capped("經(jīng)濟(jì)開發(fā)區(qū),,", 0, 2);
/// assert_eq!(clean, "經濟開發區，");
/// assert_eq!((changes.kept.len(), changes.more), (2, 4));
/// ```
pub fn clean_line_capped(line: &str, offset: usize, cap: usize) -> (String, Changes) {
    let mut changes = Changes::with_cap(cap);
    let clean = clean_line_with(line, offset, &RULES, &mut changes);
    (clean, changes)
}

/// A title keeps its printed punctuation (`提前30天实现“双过半”,他们这样干!`): every rule
/// but the widening of half-width punctuation.
///
/// ```
/// use zhaoshang::corpus::clean::clean_title;
/// assert_eq!(clean_title("經(jīng)開區(qū),干!"), "經開區,干!");
/// ```
pub fn clean_title(line: &str) -> String {
    let rules: Vec<(&str, Rule)> = RULES
        .into_iter()
        .filter(|(name, _)| *name != "halfwidth_punct")
        .collect();
    clean_line_with(line, 0, &rules, &mut Changes::with_cap(0))
}

/// Lines longer than this many chars are cleaned in pieces of about this size.
const PIECE_CHARS: usize = 1 << 16;

fn clean_line_with(
    line: &str,
    offset: usize,
    rules: &[(&'static str, Rule)],
    changes: &mut Changes,
) -> String {
    if line.len() <= PIECE_CHARS {
        let text = clean_piece(line, offset, rules, changes);
        changes.kept.shrink_to_fit();
        return text;
    }
    // A line of megabytes (a page saved without line breaks) is cleaned piece by piece, so
    // that the working copy (a char and its origin per char, twice while a rule applies)
    // stays small. Pieces are cut between two Han characters, where no rule reads across.
    let mut text = String::with_capacity(line.len());
    let mut rest = line;
    let mut offset = offset;
    while !rest.is_empty() {
        let (piece, tail) = rest.split_at(piece_end(rest));
        text.push_str(&clean_piece(piece, offset, rules, changes));
        offset += piece.chars().count();
        rest = tail;
    }
    changes.kept.shrink_to_fit();
    text
}

/// The byte length of the first piece of a long line: up to the first boundary between two
/// Han characters after [`PIECE_CHARS`] chars, or after twice as many chars when there is
/// none; the whole line when it is shorter.
fn piece_end(line: &str) -> usize {
    let mut after_han = false;
    for (k, (at, c)) in line.char_indices().enumerate() {
        if k >= 2 * PIECE_CHARS || (k >= PIECE_CHARS && after_han && is_han(c)) {
            return at;
        }
        after_han = is_han(c);
    }
    line.len()
}

fn clean_piece(
    line: &str,
    offset: usize,
    rules: &[(&'static str, Rule)],
    changes: &mut Changes,
) -> String {
    let mut tracked = Tracked::new(line, offset);
    // One repair can expose another (removing the comma in `(jī,)` reveals a gloss), so the
    // rules run until a pass changes nothing; in practice the second pass is the last.
    for _ in 0..MAX_PASSES {
        let before = changes.count();
        for &(name, rule) in rules {
            tracked.apply(name, rule, changes);
        }
        if changes.count() == before {
            break;
        }
    }
    tracked.text()
}

/// Upper bound on cleaning passes over one line.
const MAX_PASSES: usize = 4;

/// Applies one rule to a string, for tests and doc examples.
pub fn apply_rule(rule: fn(&[char]) -> Vec<Edit>, text: &str) -> String {
    let mut tracked = Tracked::new(text, 0);
    tracked.apply("rule", rule, &mut Changes::with_cap(0));
    tracked.text()
}

/// Removes control characters, escape sequences, bidi controls and invisible format
/// characters; a tab becomes a space. Newlines never reach a rule (lines are split first).
///
/// ```
/// use zhaoshang::corpus::clean::{apply_rule, strip_controls};
/// assert_eq!(apply_rule(strip_controls, "招\u{1b}]0;pwned\u{7}商\u{202e}引\t资"), "招商引 资");
/// ```
pub fn strip_controls(chars: &[char]) -> Vec<Edit> {
    let mut edits = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\u{1b}' {
            let end = escape_sequence_end(chars, i);
            edits.push(Edit::new(i, end, ""));
            i = end;
            continue;
        }
        if c == '\t' {
            edits.push(Edit::new(i, i + 1, " "));
        } else if is_invisible_control(c) {
            edits.push(Edit::new(i, i + 1, ""));
        }
        i += 1;
    }
    edits
}

/// True for C0/C1 controls (except tab), bidi embeddings, overrides and isolates,
/// zero-width and other invisible format characters.
pub fn is_invisible_control(c: char) -> bool {
    c != '\t' && crate::text::sanitize::is_unsafe(c)
}

/// The end of an escape sequence starting at `start` (which holds ESC): CSI up to its
/// final byte, OSC/DCS/SOS/PM/APC up to BEL or ST, anything else one char after ESC.
fn escape_sequence_end(chars: &[char], start: usize) -> usize {
    let next = chars.get(start + 1).copied();
    match next {
        Some('[') => {
            let mut j = start + 2;
            while j < chars.len() {
                if ('\u{40}'..='\u{7e}').contains(&chars[j]) {
                    return j + 1;
                }
                j += 1;
            }
            chars.len()
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            let mut j = start + 2;
            while j < chars.len() {
                if chars[j] == '\u{7}' || chars[j] == '\u{9c}' {
                    return j + 1;
                }
                if chars[j] == '\u{1b}' && chars.get(j + 1) == Some(&'\\') {
                    return j + 2;
                }
                j += 1;
            }
            chars.len()
        }
        Some(_) => start + 2,
        None => start + 1,
    }
}

const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ";

/// True for letters that occur in pinyin: ASCII lowercase and tone-marked vowels.
///
/// ```
/// use zhaoshang::corpus::clean::is_pinyin_letter;
/// assert!("zhāoshāngàǜńḿ".chars().all(is_pinyin_letter));
/// assert!("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ".chars().all(is_pinyin_letter));
/// assert!(!is_pinyin_letter('资') && !is_pinyin_letter('Z') && !is_pinyin_letter('ß'));
/// ```
pub fn is_pinyin_letter(c: char) -> bool {
    // Every toned letter lies between à and ḿ: the range test spares Han text the search.
    c.is_ascii_lowercase() || (('\u{E0}'..='\u{1E3F}').contains(&c) && TONED.contains(c))
}

fn is_open_paren(c: char) -> bool {
    c == '(' || c == '（'
}

fn is_close_paren(c: char) -> bool {
    c == ')' || c == '）'
}

/// The end (one past `)`) of a pinyin gloss starting at the `(` at `open`, if it is one:
/// one to three syllables of lowercase letters with at least one tone mark.
fn gloss_end(chars: &[char], open: usize) -> Option<usize> {
    if !chars.get(open).copied().is_some_and(is_open_paren) {
        return None;
    }
    let mut j = open + 1;
    let mut toned = false;
    while j < chars.len() && j - open <= 20 && (is_pinyin_letter(chars[j]) || chars[j] == ' ') {
        toned |= TONED.contains(chars[j]);
        j += 1;
    }
    let inner = j - open - 1;
    (toned && inner > 0 && chars.get(j).copied().is_some_and(is_close_paren)).then_some(j + 1)
}

/// Removes pinyin glosses written after characters, `經(jīng)濟(jì)` → `經濟`, leaving real
/// parentheses such as `(合肥)`, `(B型)` and `(試行)` alone.
///
/// ```
/// use zhaoshang::corpus::clean::{apply_rule, remove_pinyin_glosses};
/// assert_eq!(apply_rule(remove_pinyin_glosses, "經(jīng)濟(jì)"), "經濟");
/// assert_eq!(apply_rule(remove_pinyin_glosses, "清華(合肥)(B型)(試行)"), "清華(合肥)(B型)(試行)");
/// ```
pub fn remove_pinyin_glosses(chars: &[char]) -> Vec<Edit> {
    let mut edits = Vec::new();
    let mut i = 1;
    while i < chars.len() {
        if is_han(chars[i - 1])
            && let Some(end) = gloss_end(chars, i)
        {
            edits.push(Edit::new(i, end, ""));
            i = end + 1;
            continue;
        }
        i += 1;
    }
    edits
}

/// A residue token: a maximal run of pinyin letters, parentheses and `?` that carries a
/// tone mark, i.e. what is left of a gloss whose character was lost.
fn residue_token(chars: &[char], start: usize) -> Option<usize> {
    let part = |c: char| is_pinyin_letter(c) || is_open_paren(c) || is_close_paren(c) || c == '?';
    let mut j = start;
    let mut toned = false;
    while j < chars.len() && part(chars[j]) {
        toned |= TONED.contains(chars[j]);
        j += 1;
    }
    (toned && j > start).then_some(j)
}

/// Marks characters lost as `?` before their gloss (`奮勇?tīng)?zhēng)先`) with `〓`, keeping
/// the pinyin as the warning's hint. Neighbouring fragments separated by a single character
/// form one run; an ordinary question mark is left alone.
///
/// ```
/// use zhaoshang::corpus::clean::{apply_rule, mark_lost_characters};
/// assert_eq!(apply_rule(mark_lost_characters, "奮勇?tīng)?zhēng)先"), "奮勇〓先");
/// assert_eq!(apply_rule(mark_lost_characters, "强不强?结构优不优?"), "强不强?结构优不优?");
/// ```
pub fn mark_lost_characters(chars: &[char]) -> Vec<Edit> {
    let mut edits: Vec<Edit> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts_here = chars[i] == '?' || chars[i] == '\u{FFFD}' || is_pinyin_letter(chars[i]);
        let prev_is_letter = i > 0 && chars[i - 1].is_ascii_alphabetic();
        let Some(mut end) = (starts_here && !prev_is_letter)
            .then(|| residue_token(chars, i))
            .flatten()
            .filter(|&e| chars[i..e].iter().any(|&c| c == '?' || is_close_paren(c)))
        else {
            i += 1;
            continue;
        };
        // One character sandwiched between two fragments is mojibake of the same loss.
        while end + 1 < chars.len()
            && !chars[end].is_ascii()
            && let Some(next) = residue_token(chars, end + 1)
        {
            end = next;
        }
        let hint = syllables(&chars[i..end]);
        edits.push(Edit {
            start: i,
            end,
            replacement: LOST_MARK.to_string(),
            warning: Some(("lost_character", (!hint.is_empty()).then_some(hint))),
        });
        i = end;
    }
    edits
}

/// The toned pinyin syllables in a residue run, space separated.
fn syllables(chars: &[char]) -> String {
    let text: String = chars.iter().collect();
    text.split(|c: char| !is_pinyin_letter(c))
        .filter(|s| s.chars().any(|c| TONED.contains(c)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Characters that do not belong in Chinese prose and betray a wrong decoding.
fn is_mojibake_signal(c: char) -> bool {
    matches!(c,
        '\u{3100}'..='\u{312F}'      // bopomofo
        | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7AF}' // hangul
        | '\u{FF61}'..='\u{FF9F}'    // halfwidth katakana
        | '\u{E000}'..='\u{F8FF}'    // private use
        | '\u{FFFD}'
        | '\u{00C0}'..='\u{00D6}' | '\u{00D8}'..='\u{00F6}' | '\u{00F8}'..='\u{00FF}')
}

fn is_mojibake_joiner(c: char) -> bool {
    matches!(c, '?' | '!' | '|' | '~' | '^' | '`') || is_mojibake_signal(c)
}

/// Marks mojibake runs such as `吸金石?!蓖ㄟ|市` (UTF-8 read as GBK) with `〓` and a warning:
/// a run of stray ASCII symbols and out-of-place scripts (bopomofo, hangul, halfwidth kana,
/// private use), with single characters sandwiched between them.
///
/// ```
/// use zhaoshang::corpus::clean::{apply_rule, mark_mojibake};
/// assert_eq!(apply_rule(mark_mojibake, "吸金石?!蓖ㄟ|市"), "吸金石〓市");
/// assert_eq!(apply_rule(mark_mojibake, "真的吗?!"), "真的吗?!");
/// ```
pub fn mark_mojibake(chars: &[char]) -> Vec<Edit> {
    let mut edits = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_mojibake_joiner(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < chars.len() && is_mojibake_joiner(chars[end]) {
                end += 1;
            } else if end + 1 < chars.len()
                && !chars[end].is_ascii()
                && is_mojibake_joiner(chars[end + 1])
            {
                end += 2;
            } else {
                break;
            }
        }
        if chars[start..end].iter().any(|&c| is_mojibake_signal(c)) {
            edits.push(Edit {
                start,
                end,
                replacement: LOST_MARK.to_string(),
                warning: Some(("mojibake", None)),
            });
        }
        i = end;
    }
    edits
}

/// Removes a comma that stands directly before other punctuation: `,,` `,、` `,。` `,;`.
///
/// ```
/// use zhaoshang::corpus::clean::{apply_rule, remove_stray_commas};
/// assert_eq!(apply_rule(remove_stray_commas, "網站,,點開,、政策,。資金,;完成"), "網站,點開、政策。資金;完成");
/// ```
pub fn remove_stray_commas(chars: &[char]) -> Vec<Edit> {
    let is_comma = |c: char| c == ',' || c == '，';
    let is_punct = |c: char| ",，、。；;：:！!？?）)".contains(c);
    chars
        .windows(2)
        .enumerate()
        .filter(|(_, w)| is_comma(w[0]) && is_punct(w[1]))
        .map(|(i, _)| Edit::new(i, i + 1, ""))
        .collect()
}

/// Turns full-width digits, decimal points between digits and percent signs into ASCII.
///
/// ```
/// use zhaoshang::corpus::clean::{apply_rule, normalise_fullwidth_digits};
/// assert_eq!(apply_rule(normalise_fullwidth_digits, "增长１２．５％，占８﹪"), "增长12.5%，占8%");
/// ```
pub fn normalise_fullwidth_digits(chars: &[char]) -> Vec<Edit> {
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut edits = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let replacement = match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '％' | '﹪' => Some('%'),
            '．' if i > 0
                && digit(chars[i - 1])
                && chars.get(i + 1).copied().is_some_and(digit) =>
            {
                Some('.')
            }
            _ => None,
        };
        if let Some(r) = replacement {
            edits.push(Edit::new(i, i + 1, r.to_string()));
        }
    }
    edits
}

/// Joins numbers split by spaces where the split is certain: around a decimal point
/// (`12. 5`), before a percent sign (`12 %`), and thousands groups (`1 000 000`).
///
/// ```
/// use zhaoshang::corpus::clean::{apply_rule, join_split_numbers};
/// assert_eq!(apply_rule(join_split_numbers, "84. 57亿元，增长12 %，共1 000 000元"), "84.57亿元，增长12%，共1000000元");
/// assert_eq!(apply_rule(join_split_numbers, "5次 36天"), "5次 36天");
/// // A quantity spaced from its words, as PDF and document-site text writes it:
/// assert_eq!(apply_rule(join_split_numbers, "到位资金 7.6 亿元，完成任务的 28.1 %"), "到位资金7.6亿元，完成任务的28.1%");
/// assert_eq!(apply_rule(join_split_numbers, "原创 2021-06-04 09:31 云上谷城"), "原创 2021-06-04 09:31 云上谷城");
/// // A lost decimal point is marked, never guessed:
/// assert_eq!(apply_rule(join_split_numbers, "到位资金3 7亿元"), "到位资金3〓7亿元");
/// ```
pub fn join_split_numbers(chars: &[char]) -> Vec<Edit> {
    let space = |c: char| c == ' ' || c == '\u{a0}' || c == '\u{3000}';
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let mut edits = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !space(chars[i]) || i == 0 {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < chars.len() && space(chars[end]) {
            end += 1;
        }
        let before = chars[i - 1];
        let after = chars.get(end).copied();
        let certain = (before == '.' && i >= 2 && digit(i - 2) && digit(end))
            || (before.is_ascii_digit() && after == Some('.') && digit(end + 1))
            || (before.is_ascii_digit() && after == Some('%'))
            || (before.is_ascii_digit() && thousands_group(chars, i - 1, end))
            || (before.is_ascii_digit() && after.is_some_and(is_unit_start))
            || (is_han(before) && digit(end) && quantity_follows(chars, end));
        if certain {
            edits.push(Edit::new(i, end, ""));
        } else if let Some(hint) = lost_decimal(chars, i, end) {
            // `3 7亿元`: 3.7 or 37? Never a confident number: the figure is marked lost.
            edits.push(Edit {
                start: i,
                end,
                replacement: LOST_MARK.to_string(),
                warning: Some(("lost_decimal", Some(hint))),
            });
        }
        i = end;
    }
    edits
}

/// Decimal points that a converter turned into ideographic full stops (`2。87億元`,
/// `104。4%`), restored where a unit follows the fraction at once, so that the figure
/// cannot be a sentence ending in a number and another starting with one. A date (`12。3月`)
/// is left alone.
///
/// ```
/// use zhaoshang::corpus::clean::{apply_rule, restore_decimal_points};
/// assert_eq!(apply_rule(restore_decimal_points, "生产总值2。87億元，增长104。4%"), "生产总值2.87億元，增长104.4%");
/// assert_eq!(apply_rule(restore_decimal_points, "总投资113。6萬美元的"), "总投资113.6萬美元的");
/// assert_eq!(apply_rule(restore_decimal_points, "共12。3月起实施，签约5。下一步"), "共12。3月起实施，签约5。下一步");
/// ```
pub fn restore_decimal_points(chars: &[char]) -> Vec<Edit> {
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let mut edits = Vec::new();
    for i in 1..chars.len() {
        if chars[i] != '。' || !digit(i - 1) {
            continue;
        }
        let mut end = i + 1;
        while digit(end) {
            end += 1;
        }
        let fraction = end - (i + 1);
        let unit = chars
            .get(end)
            .is_some_and(|&c| "亿億万萬元%％倍个個家项項亩畝吨噸".contains(c));
        if (1..=4).contains(&fraction) && unit {
            edits.push(Edit::new(i, i + 1, "."));
        }
    }
    edits
}

/// For a space at `space..end` between two short runs of digits before a unit (`3 7亿元`),
/// the two readings (`3.7 或 37`): a decimal point may have been lost, or a space added.
fn lost_decimal(chars: &[char], space: usize, end: usize) -> Option<String> {
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let mut first = space;
    while first > 0 && digit(first - 1) {
        first -= 1;
    }
    let mut last = end;
    while digit(last) {
        last += 1;
    }
    let (left, right) = (space - first, last - end);
    let before_ok = first == 0 || !matches!(chars[first - 1], '.' | '-' | '—' | '~' | '/' | ':');
    let unit = chars
        .get(last)
        .is_some_and(|&c| "亿万个元%％倍家项".contains(c));
    (before_ok && (1..=3).contains(&left) && (1..=2).contains(&right) && unit).then(|| {
        let a: String = chars[first..space].iter().collect();
        let b: String = chars[end..last].iter().collect();
        format!("{a}.{b} 或 {a}{b}")
    })
}

/// Characters that start a unit or a date part right after a figure.
fn is_unit_start(c: char) -> bool {
    "亿万千百个家项元倍年月日次批名人户亩吨%％".contains(c)
}

/// True when the figure starting at `start` is followed (after decimals and spaces) by a unit.
fn quantity_follows(chars: &[char], start: usize) -> bool {
    let mut i = start;
    while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.' || chars[i] == ' ') {
        i += 1;
    }
    chars.get(i).copied().is_some_and(is_unit_start)
}

/// True when the digits ending at `last` are a 1–3 digit group starting a number and
/// `next` starts a group of exactly three digits: `1 000`.
fn thousands_group(chars: &[char], last: usize, next: usize) -> bool {
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let mut first = last;
    while first > 0 && digit(first - 1) {
        first -= 1;
    }
    let lead = last - first + 1;
    let preceded_ok = first == 0 || !(chars[first - 1].is_ascii_digit() || chars[first - 1] == '.');
    let group = (next..next + 3).all(digit) && !digit(next + 3);
    let follows_ok = !matches!(chars.get(next + 3), Some('.'));
    // a group inside a longer spaced run counts too: 1 000 000
    let inner = first > 1 && chars[first - 1] == ' ' && lead == 3;
    (lead <= 3 && (preceded_ok || inner)) && group && follows_ok
}

/// Half-width punctuation in Chinese text becomes full-width: `,` `:` `;` `?` `!` next to
/// a Chinese character, and a pair of `(` `)` around text with Chinese in it. Figures
/// (`1,000`), times (`09:31`) and ASCII phrases are left alone.
///
/// ```
/// use zhaoshang::corpus::clean::{apply_rule, widen_punctuation};
/// assert_eq!(apply_rule(widen_punctuation, "项目12个,总投资(二期)30亿元;完成!"), "项目12个，总投资（二期）30亿元；完成！");
/// assert_eq!(apply_rule(widen_punctuation, "共1,000元 09:31 (2021) Hello, world"), "共1,000元 09:31 (2021) Hello, world");
/// ```
pub fn widen_punctuation(chars: &[char]) -> Vec<Edit> {
    let han = |i: Option<usize>| i.and_then(|i| chars.get(i)).is_some_and(|&c| is_han(c));
    let letter = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(char::is_ascii_alphanumeric)
    };
    let mut edits = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let (prev, next) = (i.checked_sub(1), Some(i + 1));
        match c {
            ',' | ':' | ';' | '?' | '!' => {
                let near_han = han(prev) || han(next);
                let between_letters = letter(prev) && letter(next);
                if near_han && !between_letters && !(letter(prev) && c == ':') {
                    let wide = match c {
                        ',' => "，",
                        ':' => "：",
                        ';' => "；",
                        '?' => "？",
                        _ => "！",
                    };
                    edits.push(Edit::new(i, i + 1, wide));
                }
            }
            '(' => open.push(i),
            ')' => {
                if let Some(start) = open.pop()
                    && chars[start + 1..i].iter().any(|&c| is_han(c))
                {
                    edits.push(Edit::new(start, start + 1, "（"));
                    edits.push(Edit::new(i, i + 1, "）"));
                }
            }
            _ => {}
        }
    }
    edits.sort_by_key(|e| e.start);
    edits
}

/// Trims spaces (ASCII and no-break) at both ends; a leading ideographic-space indent stays.
///
/// ```
/// use zhaoshang::corpus::clean::{apply_rule, trim_whitespace};
/// assert_eq!(apply_rule(trim_whitespace, " \u{a0}　　招商 "), "　　招商");
/// ```
pub fn trim_whitespace(chars: &[char]) -> Vec<Edit> {
    let trimmable = |c: char| c == ' ' || c == '\u{a0}' || (c.is_whitespace() && c != '\u{3000}');
    let lead = chars.iter().take_while(|&&c| trimmable(c)).count();
    if lead == chars.len() {
        return if chars.is_empty() {
            Vec::new()
        } else {
            vec![Edit::new(0, chars.len(), "")]
        };
    }
    let trail = chars
        .iter()
        .rev()
        .take_while(|&&c| trimmable(c) || c == '\u{3000}')
        .count();
    let mut edits = Vec::new();
    if lead > 0 {
        edits.push(Edit::new(0, lead, ""));
    }
    if trail > 0 {
        edits.push(Edit::new(chars.len() - trail, chars.len(), ""));
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! rule_case {
        ($name:ident, $rule:ident, $input:expr, $expected:expr) => {
            #[test]
            fn $name() {
                assert_eq!(apply_rule($rule, $input), $expected);
            }
        };
    }

    rule_case!(gloss_basic, remove_pinyin_glosses, "經(jīng)濟(jì)", "經濟");
    rule_case!(
        gloss_fullwidth_parens,
        remove_pinyin_glosses,
        "區（qū）",
        "區"
    );
    rule_case!(
        gloss_keeps_place,
        remove_pinyin_glosses,
        "清華大學(合肥)公共",
        "清華大學(合肥)公共"
    );
    rule_case!(
        gloss_keeps_type,
        remove_pinyin_glosses,
        "保税物流中心(B型)",
        "保税物流中心(B型)"
    );
    rule_case!(
        gloss_keeps_trial,
        remove_pinyin_glosses,
        "辦法(試行)等",
        "辦法(試行)等"
    );
    rule_case!(
        gloss_keeps_toneless,
        remove_pinyin_glosses,
        "平台(app)",
        "平台(app)"
    );
    rule_case!(
        gloss_after_latin_untouched,
        remove_pinyin_glosses,
        "abc(fā)",
        "abc(fā)"
    );
    rule_case!(
        lost_two_fragments,
        mark_lost_characters,
        "挑重?fù)?dān)、當",
        "挑重〓、當"
    );
    rule_case!(
        lost_with_sandwich,
        mark_lost_characters,
        "鏈?zhǔn)桨l(fā)展",
        "鏈〓展"
    );
    rule_case!(
        lost_plain_question,
        mark_lost_characters,
        "好不好?",
        "好不好?"
    );
    rule_case!(
        lost_latin_word,
        mark_lost_characters,
        "supET工业",
        "supET工业"
    );
    rule_case!(
        moji_run,
        mark_mojibake,
        "是吸金石?!蓖ㄟ|市堅持",
        "是吸金石〓市堅持"
    );
    rule_case!(
        moji_plain,
        mark_mojibake,
        "产业竞争强不强?结构优不优?",
        "产业竞争强不强?结构优不优?"
    );
    rule_case!(moji_pipe_alone, mark_mojibake, "a|b", "a|b");
    rule_case!(comma_double, remove_stray_commas, "網站,,點開", "網站,點開");
    rule_case!(
        comma_before_dun,
        remove_stray_commas,
        "介紹,、政策",
        "介紹、政策"
    );
    rule_case!(
        comma_before_period,
        remove_stray_commas,
        "平臺,。",
        "平臺。"
    );
    rule_case!(
        comma_before_semicolon,
        remove_stray_commas,
        "億元,;完成",
        "億元;完成"
    );
    rule_case!(
        comma_fullwidth,
        remove_stray_commas,
        "基础，，为",
        "基础，为"
    );
    rule_case!(comma_normal, remove_stray_commas, "甲,乙，丙", "甲,乙，丙");
    rule_case!(fw_digits, normalise_fullwidth_digits, "１２．５％", "12.5%");
    rule_case!(fw_small_percent, normalise_fullwidth_digits, "8﹪", "8%");
    rule_case!(
        fw_period_kept,
        normalise_fullwidth_digits,
        "完成．下",
        "完成．下"
    );
    rule_case!(split_decimal, join_split_numbers, "84 .57", "84.57");
    rule_case!(
        split_thousands,
        join_split_numbers,
        "共1 000 000元",
        "共1000000元"
    );
    rule_case!(
        split_uncertain,
        join_split_numbers,
        "2021 2022",
        "2021 2022"
    );
    rule_case!(
        split_year_kept,
        join_split_numbers,
        "2021-06-04 09:31",
        "2021-06-04 09:31"
    );
    rule_case!(
        controls_csi,
        strip_controls,
        "招\u{1b}[31m商\u{1b}[0m",
        "招商"
    );
    rule_case!(
        controls_osc52,
        strip_controls,
        "a\u{1b}]52;c;ZXZpbA==\u{1b}\\b",
        "ab"
    );
    rule_case!(
        controls_bidi,
        strip_controls,
        "甲\u{2066}乙\u{2069}\u{200b}",
        "甲乙"
    );
    rule_case!(controls_c1, strip_controls, "甲\u{9b}31m乙", "甲31m乙");
    rule_case!(
        trim_nbsp,
        trim_whitespace,
        "\u{a0}\u{a0} 云上谷城 ",
        "云上谷城"
    );

    #[test]
    fn lost_character_hint_and_offsets() {
        let (clean, changes) = clean_line("奮(fèn)勇?tīng)?zhēng)先", 100);
        assert_eq!(clean, "奮勇〓先");
        let lost = changes.iter().find(|c| c.rule == "lost_character").unwrap();
        assert_eq!(
            lost.warning,
            Some(("lost_character", Some("tīng zhēng".to_owned())))
        );
        // "奮(fèn)勇" is 7 chars: the run starts at original offset 107.
        assert_eq!((lost.start, lost.end), (107, 120));
        assert_eq!(lost.before, "?tīng)?zhēng)");
    }

    #[test]
    fn changes_point_into_the_original() {
        let original = "田家庵區(qū)情介紹,、政策";
        let (_, changes) = clean_line(original, 0);
        let chars: Vec<char> = original.chars().collect();
        for c in &changes {
            let found: String = chars[c.start..c.end].iter().collect();
            assert_eq!(found, c.before, "{c:?}");
        }
    }

    #[test]
    fn clean_is_idempotent_on_seeds() {
        for line in include_str!("../../data/raw/000-suixi-kaifaqu.txt").lines() {
            let (once, _) = clean_line(line, 0);
            let (twice, changes) = clean_line(&once, 0);
            assert_eq!(once, twice, "{changes:?}");
        }
    }
}
