//! Pinyin matching: a query of ASCII letters against the readings of a text's characters.
//!
//! A query matches when it can be cut into pieces, each a non-empty prefix of one reading of
//! adjacent characters: `tongliao` is `tong`+`liao` and `tl` is `t`+`l` on 通辽市, and `tongls`
//! mixes both. Pieces must sit on adjacent characters (a pinyin query names a word, not a
//! scatter of syllables across a sentence); that keeps results meaningful and the candidate
//! sets small enough to narrow as the user types. All readings of a polyphone count (重庆 `chongqing`, 重点 `zhongdian`).
//! ASCII letters in the text read as themselves, so `gdp` finds GDP. Matching happens on the
//! text's own characters, so the matched indices need no mapping back for highlighting.
//!
//! Three stages keep this cheap over hundreds of thousands of sentences: per-text letter masks
//! reject most texts without reading them, a bit-parallel pass answers "does it match at all",
//! and only then a small dynamic programme scores the best cut (and, for the few winners,
//! recovers which characters matched).

use std::sync::OnceLock;

use pinyin::ToPinyinMulti;

/// First code point of the dense reading table (CJK Extension A).
const BASE: u32 = 0x3400;
/// One past the last code point of the dense reading table (end of the basic CJK block).
const END: u32 = 0xA000;
/// Polyphones keep at most this many readings; the rest are rare and only add noise.
const MAX_READINGS: usize = 3;
/// The longest query the bit-parallel matcher takes (one bit per consumed letter, plus one).
pub const MAX_QUERY: usize = 63;

/// Score of each matched letter: every match of one query scores the same letters, so the
/// bonuses and costs below decide the order.
const LETTER: i64 = 16;
/// Cost of each piece, so that `zhao`+`shang` beats `z`+`hao`+`shang`.
const PIECE: i64 = -8;
/// Bonus when a piece spells a whole reading (`tong`, not `to`).
const FULL: i64 = 8;
/// Bonus when the first piece is the text's first character.
const AT_START: i64 = 16;

/// Plain lowercase readings, `ü` written `v`, for every character in the dense range.
struct Table {
    /// Deduplicated reading sets; index 0 is the empty set.
    sets: Vec<Box<[Box<str>]>>,
    /// For each code point from [`BASE`], its index in `sets`.
    dense: Vec<u16>,
    /// Every non-empty prefix of every reading, mapped to true when it is a whole reading.
    prefixes: std::collections::HashMap<Box<str>, bool>,
}

/// The single-letter readings of ASCII letters.
const LETTERS: [&str; 26] = [
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s",
    "t", "u", "v", "w", "x", "y", "z",
];

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut sets: Vec<Box<[Box<str>]>> = vec![Box::new([])];
        let mut seen = std::collections::HashMap::new();
        let mut dense = Vec::with_capacity((END - BASE) as usize);
        for code in BASE..END {
            let Some(multi) = char::from_u32(code).and_then(|c| c.to_pinyin_multi()) else {
                dense.push(0);
                continue;
            };
            let mut readings: Vec<Box<str>> = Vec::new();
            for reading in multi.into_iter().take(MAX_READINGS) {
                let plain: Box<str> = reading.plain().replace('ü', "v").into();
                if !readings.contains(&plain) && plain.bytes().all(|b| b.is_ascii_lowercase()) {
                    readings.push(plain);
                }
            }
            let id = *seen.entry(readings.clone()).or_insert_with(|| {
                sets.push(readings.into_boxed_slice());
                sets.len() - 1
            });
            dense.push(u16::try_from(id).unwrap_or(0));
        }
        let mut prefixes = std::collections::HashMap::new();
        for reading in sets.iter().flat_map(|s| s.iter()) {
            for end in 1..=reading.len() {
                let full = prefixes.entry(reading[..end].into()).or_insert(false);
                *full |= end == reading.len();
            }
        }
        Table {
            sets,
            dense,
            prefixes,
        }
    })
}

/// Calls `f` with each reading of `c`: the pinyin of a Chinese character, or an ASCII letter
/// in lowercase; other characters have none.
#[inline]
fn for_each_reading(c: char, mut f: impl FnMut(&[u8])) {
    let code = u32::from(c);
    if c.is_ascii_alphabetic() {
        f(LETTERS[usize::from(c.to_ascii_lowercase() as u8 - b'a')].as_bytes());
    } else if (BASE..END).contains(&code) {
        let t = table();
        let set = &t.sets[usize::from(t.dense[(code - BASE) as usize])];
        for r in set {
            f(r.as_bytes());
        }
    }
}

/// The bit of an ASCII lowercase letter in a 26-bit letter mask.
#[inline]
fn letter_bit(b: u8) -> u32 {
    1 << (b - b'a')
}

/// Letter masks of a text, stored per indexed text so that most never need to be read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Masks {
    /// The first letters of every reading in the text.
    pub initials: u32,
    /// Every letter of every reading in the text.
    pub letters: u32,
}

impl Masks {
    /// Computes the masks of `text`.
    pub fn of(text: &str) -> Self {
        let mut m = Self::default();
        for c in text.chars() {
            for_each_reading(c, |r| {
                m.initials |= letter_bit(r[0]);
                for &b in r {
                    m.letters |= letter_bit(b);
                }
            });
        }
        m
    }
}

/// A compiled pinyin query.
#[derive(Debug, Clone)]
pub struct PinyinQuery {
    /// The letters, lowercase.
    letters: Vec<u8>,
    /// For each letter, the set of query positions holding it.
    positions: [u64; 26],
    /// Every letter the query uses.
    mask: u32,
    /// The best sum of piece costs and whole-reading bonuses over every way of cutting the
    /// query into prefixes of Chinese readings, or `None` when there is no such cut.
    cut_han: Option<i64>,
    /// The same when single ASCII letters (which read as themselves) may be pieces too.
    cut_ascii: Option<i64>,
}

impl PinyinQuery {
    /// Compiles `query` when it is 1 to [`MAX_QUERY`] ASCII letters; other queries are not
    /// pinyin.
    pub fn new(query: &str) -> Option<Self> {
        if query.is_empty()
            || query.len() > MAX_QUERY
            || !query.bytes().all(|b| b.is_ascii_alphabetic())
        {
            return None;
        }
        let letters: Vec<u8> = query.bytes().map(|b| b.to_ascii_lowercase()).collect();
        let mut positions = [0u64; 26];
        let mut mask = 0;
        for (i, &b) in letters.iter().enumerate() {
            positions[usize::from(b - b'a')] |= 1 << i;
            mask |= letter_bit(b);
        }
        Some(Self {
            cut_han: best_cut(&letters, false),
            cut_ascii: best_cut(&letters, true),
            letters,
            positions,
            mask,
        })
    }

    /// How many letters the query has.
    pub fn len(&self) -> usize {
        self.letters.len()
    }

    /// An upper bound of [`score`](Self::score) on a text starting with `first` (`plain`
    /// when it has no ASCII character), or `None` when no such text can match: every letter
    /// scores [`LETTER`], the pieces score at best the query's best cut into reading
    /// prefixes, and the start bonus needs a first character read with the query's first
    /// letter.
    pub fn bound(&self, plain: bool, first: char) -> Option<i64> {
        let cut = if plain { self.cut_han } else { self.cut_ascii }?;
        // Fits in a byte: queries have at most MAX_QUERY letters.
        let m = i64::from(self.letters.len() as u8);
        let mut at_start = 0;
        for_each_reading(first, |r| {
            if r[0] == self.letters[0] {
                at_start = AT_START;
            }
        });
        Some(LETTER * m + cut + at_start)
    }

    /// True when a text with these masks could match: the first letter must begin a reading
    /// and every letter must occur somewhere.
    #[inline]
    pub fn admits(&self, m: Masks) -> bool {
        m.initials & letter_bit(self.letters[0]) != 0 && m.letters & self.mask == self.mask
    }

    /// True when `text` matches, without scoring.
    pub fn matches(&self, text: &str) -> bool {
        let goal = 1u64 << self.letters.len();
        let mut reach = 1u64;
        for c in text.chars() {
            let mut grown = 0;
            for_each_reading(c, |r| {
                let mut s = reach;
                for &b in r {
                    s = (s & self.positions[usize::from(b - b'a')]) << 1;
                    if s == 0 {
                        break;
                    }
                    grown |= s;
                }
            });
            if grown & goal != 0 {
                return true;
            }
            // The next piece must start on the next character, or the match starts afresh.
            reach = grown | 1;
        }
        false
    }

    /// The best score of `text`, or `None` when it does not match.
    pub fn score(&self, text: &str) -> Option<i64> {
        self.run(text, None)
    }

    /// The best score of `text` and the char indices of the characters it matched.
    pub fn score_with_indices(&self, text: &str) -> Option<(i64, Vec<usize>)> {
        let mut back = Vec::new();
        let score = self.run(text, Some(&mut back))?;
        Some((score, backtrack(&back, self.letters.len())))
    }

    /// The scoring programme. For each count `i` of consumed letters it keeps the best score
    /// of pieces ending on the previous character (`cont`). With `back`, it records for every
    /// character and count where the best piece came from, so the winner's characters can be
    /// recovered.
    fn run(&self, text: &str, mut back: Option<&mut Vec<Step>>) -> Option<i64> {
        const NONE: i64 = i64::MIN / 4;
        let m = self.letters.len();
        // Fixed arrays on the stack: this runs for every candidate text, and allocating here
        // cost more than the programme itself.
        let mut bufs = [[NONE; MAX_QUERY + 1]; 2];
        let [cont, ended] = &mut bufs;
        let (mut cont, mut ended) = (&mut cont[..=m], &mut ended[..=m]);
        let mut from = [Step::default(); MAX_QUERY + 1];
        let from = &mut from[..=m];
        let mut best: Option<(i64, u32)> = None;
        for (j, c) in text.chars().enumerate() {
            let j = j as u32;
            ended.fill(NONE);
            for_each_reading(c, |r| {
                let mut starts = self.positions[usize::from(r[0] - b'a')];
                while starts != 0 {
                    let i = starts.trailing_zeros() as usize;
                    starts &= starts - 1;
                    let base = if i == 0 {
                        if j == 0 { AT_START } else { 0 }
                    } else if cont[i] > NONE {
                        cont[i]
                    } else {
                        continue;
                    };
                    let step = Step {
                        prev_i: i as u8,
                        prev_j: j.wrapping_sub(1),
                    };
                    let mut score = base + PIECE;
                    for (len, &b) in r.iter().enumerate() {
                        if i + len >= m || self.letters[i + len] != b {
                            break;
                        }
                        score += LETTER;
                        let full = if len + 1 == r.len() { FULL } else { 0 };
                        let end = i + len + 1;
                        if score + full > ended[end] {
                            ended[end] = score + full;
                            from[end] = step;
                        }
                    }
                }
            });
            if let Some(back) = back.as_deref_mut() {
                back.extend_from_slice(from);
                from.fill(Step::default());
            }
            if ended[m] > NONE && best.is_none_or(|(s, _)| ended[m] > s) {
                best = Some((ended[m], j));
            }
            std::mem::swap(&mut cont, &mut ended);
        }
        let (score, at) = best?;
        if let Some(back) = back {
            // The winner's last character goes first; `backtrack` reads it from here.
            back.push(Step {
                prev_i: m as u8,
                prev_j: at,
            });
        }
        Some(score)
    }
}

/// The best sum of [`PIECE`] and [`FULL`] over the cuts of `letters` into pieces that are
/// each a prefix of a Chinese reading (or, with `ascii`, a single letter, which an ASCII
/// letter in the text reads as in full); `None` when `letters` cannot be cut so.
fn best_cut(letters: &[u8], ascii: bool) -> Option<i64> {
    const LONGEST: usize = 6;
    let prefixes = &table().prefixes;
    let mut best: Vec<Option<i64>> = vec![None; letters.len() + 1];
    best[0] = Some(0);
    for end in 1..=letters.len() {
        for start in end.saturating_sub(LONGEST)..end {
            let Some(before) = best[start] else {
                continue;
            };
            let piece = std::str::from_utf8(&letters[start..end]).unwrap_or_default();
            let full = match prefixes.get(piece) {
                Some(&full) => full || (ascii && piece.len() == 1),
                None if ascii && piece.len() == 1 => true,
                None => continue,
            };
            let value = before + PIECE + if full { FULL } else { 0 };
            if best[end].is_none_or(|b| value > b) {
                best[end] = Some(value);
            }
        }
    }
    best[letters.len()]
}

/// Every reading of `c` (an ASCII letter reads as itself), first the commonest, for the
/// persisted index's pinyin keys; empty for characters without a reading.
pub fn readings(c: char) -> &'static [Box<str>] {
    static ASCII: OnceLock<Vec<Box<[Box<str>]>>> = OnceLock::new();
    let code = u32::from(c);
    if c.is_ascii_alphabetic() {
        let letters = ASCII.get_or_init(|| {
            LETTERS
                .iter()
                .map(|l| vec![Box::<str>::from(*l)].into_boxed_slice())
                .collect()
        });
        return &letters[usize::from(c.to_ascii_lowercase() as u8 - b'a')];
    }
    if !(BASE..END).contains(&code) {
        return &[];
    }
    let t = table();
    &t.sets[usize::from(t.dense[(code - BASE) as usize])]
}

/// Up to `max` ways of cutting a query of ASCII letters into pieces that are each a prefix
/// of some reading (or a single letter), fewest pieces first: the phrases a persisted index
/// looks up to find the texts [`PinyinQuery`] may match.
///
/// ```
/// use zhaoshang::search::pinyin_cuts;
/// let cuts = pinyin_cuts("tongliao", 4);
/// assert_eq!(cuts[0], ["tong", "liao"]);
/// assert!(pinyin_cuts("tl", 4).contains(&vec!["t".to_owned(), "l".to_owned()]));
/// ```
pub fn cuts(query: &str, max: usize) -> Vec<Vec<String>> {
    const LONGEST: usize = 6;
    let letters: Vec<u8> = query.bytes().map(|b| b.to_ascii_lowercase()).collect();
    if letters.is_empty() || !letters.iter().all(u8::is_ascii_lowercase) {
        return Vec::new();
    }
    let prefixes = &table().prefixes;
    let fits = |piece: &[u8]| {
        piece.len() == 1 || std::str::from_utf8(piece).is_ok_and(|p| prefixes.contains_key(p))
    };
    // Breadth by piece count: every cut with k pieces before any with k + 1.
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut frontier: Vec<(usize, Vec<String>)> = vec![(0, Vec::new())];
    while !frontier.is_empty() && out.len() < max {
        let mut next = Vec::new();
        for (at, pieces) in frontier {
            for end in (at + 1..=(at + LONGEST).min(letters.len())).rev() {
                if !fits(&letters[at..end]) {
                    continue;
                }
                let mut longer = pieces.clone();
                longer.push(String::from_utf8_lossy(&letters[at..end]).into_owned());
                if end == letters.len() {
                    if out.len() < max {
                        out.push(longer);
                    }
                } else if next.len() < 4096 {
                    next.push((end, longer));
                }
            }
        }
        frontier = next;
    }
    out
}

/// Where the best piece ending at one character, for one count of letters, came from.
#[derive(Debug, Clone, Copy, Default)]
struct Step {
    /// Letters consumed before this piece; 0 when it is the first piece.
    prev_i: u8,
    /// The character the previous piece ended on.
    prev_j: u32,
}

/// Recovers the matched characters from the table `run` filled (one row of `m + 1` steps per
/// character, then the winner).
fn backtrack(back: &[Step], m: usize) -> Vec<usize> {
    let Some(last) = back.last() else {
        return Vec::new();
    };
    let width = m + 1;
    let (mut i, mut j) = (usize::from(last.prev_i), last.prev_j as usize);
    let mut out = Vec::new();
    while i > 0 {
        out.push(j);
        let Some(step) = back.get(j * width + i) else {
            break;
        };
        i = usize::from(step.prev_i);
        j = step.prev_j as usize;
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indices(q: &str, text: &str) -> Option<Vec<usize>> {
        PinyinQuery::new(q)?
            .score_with_indices(text)
            .map(|(_, i)| i)
    }

    #[test]
    fn full_pinyin_and_initials_find_the_same_characters() {
        assert_eq!(indices("tongliao", "内蒙古通辽市"), Some(vec![3, 4]));
        assert_eq!(indices("tl", "内蒙古通辽市"), Some(vec![3, 4]));
        assert_eq!(indices("tongls", "内蒙古通辽市"), Some(vec![3, 4, 5]));
        assert_eq!(indices("zhaoshang", "全力抓好招商引资"), Some(vec![4, 5]));
    }

    #[test]
    fn polyphones_match_every_reading() {
        assert!(indices("chongqing", "重庆").is_some());
        assert!(indices("zhongdian", "重点").is_some());
    }

    #[test]
    fn letters_inside_a_syllable_do_not_start_a_piece() {
        // "ao" would be found inside "zhao" by a plain subsequence matcher.
        assert_eq!(indices("ao", "招商"), None);
        assert_eq!(indices("xyz", "通辽市"), None);
    }

    #[test]
    fn ascii_letters_read_as_themselves() {
        assert_eq!(indices("gdp", "全市GDP增长"), Some(vec![2, 3, 4]));
    }

    #[test]
    fn matches_agrees_with_score() {
        for (q, t) in [
            ("tl", "通辽"),
            ("tongliao", "通了"),
            ("zs", "招商"),
            ("sz", "招商"),
        ] {
            let pq = PinyinQuery::new(q).expect("letters");
            assert_eq!(pq.matches(t), pq.score(t).is_some(), "{q} on {t}");
        }
    }

    #[test]
    fn pieces_sit_on_adjacent_characters() {
        let q = PinyinQuery::new("tongliao").expect("letters");
        assert!(q.score("通辽市").is_some());
        assert!(q.score("通往辽阔草原").is_none());
        assert!(!q.matches("通往辽阔草原"));
    }

    #[test]
    fn whole_syllables_outscore_initials_and_the_start_counts() {
        let q = PinyinQuery::new("zhaoshang").expect("letters");
        let at_start = q.score("招商引资").expect("matches");
        let later = q.score("抓好招商引资").expect("matches");
        assert!(at_start > later, "{at_start} <= {later}");
        let initials = PinyinQuery::new("zs")
            .expect("letters")
            .score("招商")
            .expect("matches");
        let full = PinyinQuery::new("zhaoshang")
            .expect("letters")
            .score("招商")
            .expect("matches");
        assert!(full > initials);
    }

    #[test]
    fn non_letters_are_not_pinyin() {
        assert!(PinyinQuery::new("").is_none());
        assert!(PinyinQuery::new("通辽").is_none());
        assert!(PinyinQuery::new("t1").is_none());
        assert!(PinyinQuery::new(&"a".repeat(64)).is_none());
    }

    #[test]
    fn masks_hold_initials_and_letters() {
        let m = Masks::of("通辽");
        assert_eq!(m.initials, letter_bit(b't') | letter_bit(b'l'));
        assert!(PinyinQuery::new("tl").expect("letters").admits(m));
        assert!(
            !PinyinQuery::new("lt")
                .expect("letters")
                .admits(Masks::of("招"))
        );
    }
}
