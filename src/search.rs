//! Global fuzzy search over every article's titles, regions, sentences and metric labels.
//!
//! [`SearchIndex::new`] flattens a corpus into one list of short texts ("docs"): each title,
//! each region, each sentence of each paragraph ([`sentence_ranges`]) and each metric label,
//! stored back to back in one string with small per-doc masks beside them. A query is
//! normalised once (whitespace and control characters dropped, traditional characters
//! converted to simplified), then searched in two passes:
//!
//! 1. gates and bounds (parallel, rayon): a 128-bit bloom of non-ASCII characters, an exact
//!    set of ASCII ones and pinyin letter masks drop most docs unread; each survivor gets an
//!    upper bound of its score from its length, first character, kind and whether it has
//!    ASCII separators or capitals (the only source of the matcher's boundary bonuses);
//! 2. best bound first (a bucket queue): [`fuzzy_matcher`]'s `SkimMatcherV2` on the text, and
//!    for queries of ASCII letters a syllable-aware pinyin matcher (full pinyin, initials, or a
//!    mix, on adjacent characters), until the next bound cannot beat the top-k's worst. A
//!    multi-character Chinese query first checks that a doc holds it as written, and if not
//!    lowers the doc's bound by the literal bonus. Matched character indices are computed
//!    only for the k winners.
//!
//! [`SearchIndex::search_cancellable`] stops when a newer keystroke raises a flag, and
//! [`SearchCache`] lets a query that extends the previous one rescan only the docs the
//! previous one matched (or did not read).

mod pinyin;
mod split;

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

use crate::corpus::{Article, Span};
pub use pinyin::cuts as pinyin_cuts;
use pinyin::{Masks, PinyinQuery};
pub use split::sentence_ranges;

/// Queries are cut to this many characters; no indexed text is worth a longer pattern.
pub const MAX_QUERY_CHARS: usize = 256;

/// Docs per parallel work unit; also how often a scan looks at the cancel flag.
const CHUNK: usize = 2048;

/// What a search hit points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitTarget {
    /// The article's title.
    Title,
    /// The article's region name.
    Region,
    /// A sentence of the clean text.
    Sentence(Span),
    /// A metric label, by index into `Article::metrics`.
    Metric(usize),
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index of the article in the slice the index was built from.
    pub article: usize,
    /// What matched.
    pub target: HitTarget,
    /// Higher is better.
    pub score: i64,
    /// The matched text (simplified), as it should be displayed.
    pub text: String,
    /// Char indices into `text` of the matched characters, for highlighting.
    pub indices: Vec<usize>,
}

/// One indexed text: where it lives in the arena and what it points at.
#[derive(Debug, Clone, Copy)]
struct Doc {
    /// Byte offset of the text in `SearchIndex::arena`.
    start: usize,
    /// Byte length of the text.
    len: u32,
    /// Length of the text in chars.
    chars: u32,
    /// Index of the article.
    article: u32,
    /// What the text is.
    target: HitTarget,
}

/// The gates a doc must pass before any matcher reads it.
#[derive(Debug, Clone, Copy, Default)]
struct Gate {
    /// Which (lowercased) non-ASCII characters occur, hashed into 128 bits.
    bloom: [u64; 2],
    /// Which ASCII characters occur, lowercased, one bit per code point: exact, so that
    /// Latin and pinyin-letter queries do not pay for hash collisions with Chinese text.
    ascii: u128,
    /// Pinyin letter masks.
    pinyin: Masks,
    /// The text's first character.
    first: char,
    /// True when the text has no ASCII space, punctuation or capital: then the matcher gives
    /// no word-boundary bonus past the first column.
    flat: bool,
}

/// An index over a corpus, built once and queried per keystroke. It is `Send + Sync`, so one
/// index can be shared (for example in an `Arc`) with a search thread.
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// Every doc's text, back to back.
    arena: String,
    docs: Vec<Doc>,
    gates: Vec<Gate>,
}

/// What the previous query matched, so that a query extending it scans only those docs.
///
/// Keep one per search box and pass it to every [`SearchIndex::search_incremental`] call; a
/// query that does not extend the previous one simply scans everything again.
#[derive(Debug, Default, Clone)]
pub struct SearchCache {
    /// The normalised previous query.
    query: String,
    /// Every doc it matched or may have matched, ascending.
    matched: Vec<u32>,
}

impl SearchCache {
    /// How many docs the next scan starts from: those the remembered query matched, or may
    /// have matched (docs that could not enter its top-k are not read); zero before any
    /// search.
    pub fn matched(&self) -> usize {
        self.matched.len()
    }
}

/// A query as the matchers see it.
struct Query {
    /// Normalised and converted to simplified.
    text: String,
    /// The bloom bits every matching doc must have.
    bloom: [u64; 2],
    /// The ASCII bits every matching doc must have.
    ascii: u128,
    /// True when a doc that does not hold the query as written cannot score its literal
    /// bonus and its bound may drop accordingly: the query has two or more characters and
    /// no ASCII letter (for which the matcher would ignore case) and is not pinyin.
    refinable: bool,
    /// The pinyin form, when the query is ASCII letters.
    pinyin: Option<PinyinQuery>,
    /// Length in chars, for ranking short queries.
    chars: usize,
}

/// Which matcher produced a score, so the winner's indices come from the same one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Via {
    Text,
    Pinyin,
}

/// What [`SearchIndex::rank`] found out about one doc.
enum Outcome {
    /// The doc does not match.
    Miss,
    /// The doc may match but cannot enter the top-k, so it was not read.
    Maybe,
    /// The doc matches with this score.
    Ranked(Ranked),
}

/// A scored doc in the top-k heap; ties go to the earlier doc.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Ranked {
    score: i64,
    doc: Reverse<u32>,
    via: Via,
}

impl Ranked {
    /// Score and doc packed into one integer that orders like `Ranked` (higher score first,
    /// then lower doc), so that floors fit in an atomic.
    fn key_of(score: i64, doc: u32) -> i64 {
        let score = score.clamp(i64::from(i32::MIN), i64::from(i32::MAX));
        (score << 32) | i64::from(u32::MAX - doc)
    }

    /// This doc's key.
    fn key(&self) -> i64 {
        Self::key_of(self.score, self.doc.0)
    }
}

impl SearchIndex {
    /// Builds the index over `articles`: their titles, regions, every sentence of every
    /// paragraph and every metric label.
    pub fn new(articles: &[Article]) -> Self {
        let per_article: Vec<Vec<(HitTarget, String)>> =
            articles.par_iter().map(documents).collect();
        let docs: Vec<(usize, HitTarget, String)> = per_article
            .into_iter()
            .enumerate()
            .flat_map(|(a, docs)| docs.into_iter().map(move |(t, text)| (a, t, text)))
            .collect();
        Self::from_docs(&docs)
    }

    /// Builds an index over given texts, each with the article id its hits will carry and
    /// what it is; texts come in corpus order (ties go to the earlier one). A persisted index
    /// uses this to rank the candidates it found exactly as an index over the whole corpus
    /// would.
    pub fn from_docs(docs: &[(usize, HitTarget, String)]) -> Self {
        let bytes: usize = docs.iter().map(|(_, _, t)| t.len()).sum();
        let mut index = Self {
            arena: String::with_capacity(bytes),
            docs: Vec::with_capacity(docs.len()),
            gates: Vec::with_capacity(docs.len()),
        };
        // Short texts (titles, regions, labels) first, sentences after: the short ones are the
        // likeliest winners, and finding winners early lets the scan skip more exact scoring.
        for sentences in [false, true] {
            for (article, target, text) in docs {
                if matches!(target, HitTarget::Sentence(_)) != sentences {
                    continue;
                }
                let (Ok(article), Ok(len)) = (u32::try_from(*article), u32::try_from(text.len()))
                else {
                    continue;
                };
                let chars = u32::try_from(text.chars().count()).unwrap_or(u32::MAX);
                index.docs.push(Doc {
                    start: index.arena.len(),
                    len,
                    chars,
                    article,
                    target: *target,
                });
                index.arena.push_str(text);
            }
        }
        index.gates = index
            .docs
            .par_iter()
            .map(|d| gate(index.doc_text(d)))
            .collect();
        index
    }

    /// How many texts (titles, regions, sentences, labels) the index holds.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Bytes the index holds on the heap (its texts and per-text records), for reports.
    pub fn heap_bytes(&self) -> usize {
        self.arena.capacity()
            + self.docs.capacity() * std::mem::size_of::<Doc>()
            + self.gates.capacity() * std::mem::size_of::<Gate>()
    }

    /// True when the index holds no text.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Returns at most `limit` hits for `query`, best first. An empty query has no hits.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let never = AtomicBool::new(false);
        self.search_cancellable(query, limit, &never)
            .unwrap_or_default()
    }

    /// Like [`search`](Self::search), but gives up and returns `None` soon after `cancel`
    /// becomes true, so a newer keystroke never waits for an older search.
    pub fn search_cancellable(
        &self,
        query: &str,
        limit: usize,
        cancel: &AtomicBool,
    ) -> Option<Vec<Hit>> {
        let query = Query::new(query);
        let (ranked, _) = self.scan(&query, None, limit, false, cancel)?;
        Some(self.hits(&query, ranked))
    }

    /// Like [`search_cancellable`](Self::search_cancellable), but when `query` extends the
    /// query remembered in `cache` only that query's matches are scanned; `cache` then
    /// remembers `query`. A cancelled search leaves `cache` as it was.
    pub fn search_incremental(
        &self,
        query: &str,
        limit: usize,
        cache: &mut SearchCache,
        cancel: &AtomicBool,
    ) -> Option<Vec<Hit>> {
        let query = Query::new(query);
        let narrow = !cache.query.is_empty() && query.text.starts_with(&cache.query);
        let within = narrow.then_some(cache.matched.as_slice());
        let (ranked, matched) = self.scan(&query, within, limit, true, cancel)?;
        cache.query.clone_from(&query.text);
        cache.matched = matched;
        Some(self.hits(&query, ranked))
    }

    /// The text of one doc.
    fn doc_text(&self, doc: &Doc) -> &str {
        self.arena
            .get(doc.start..doc.start + doc.len as usize)
            .unwrap_or_default()
    }

    /// Scores every doc (or those in `within`), keeping the best `limit` and, when `want_found`,
    /// every doc that matched or may have matched, ascending. `None` when cancelled.
    ///
    /// Two passes. The first (parallel, cheap) keeps the docs that pass the gates together
    /// with an upper bound of their score; the second visits them best bound first and scores
    /// them exactly until the bound of the next one cannot beat the top-k's worst. The result
    /// does not depend on the order, since a doc is skipped only when it cannot enter.
    fn scan(
        &self,
        query: &Query,
        within: Option<&[u32]>,
        limit: usize,
        want_found: bool,
        cancel: &AtomicBool,
    ) -> Option<(Vec<Ranked>, Vec<u32>)> {
        if query.text.is_empty() {
            return Some((Vec::new(), Vec::new()));
        }
        let candidates = self.candidates(query, within, cancel)?;
        let (Some(lo), Some(hi)) = (
            candidates.iter().map(|c| c.0).min(),
            candidates.iter().map(|c| c.0).max(),
        ) else {
            return Some((Vec::new(), Vec::new()));
        };
        // A refined bound drops by at most the literal bonus.
        let lo = if query.refinable { lo - 64 } else { lo };
        // A bucket queue by bound, best first; ids ascend within a bucket until refined
        // docs are appended to a lower one.
        let mut buckets: Vec<Vec<(u32, bool)>> = vec![Vec::new(); (hi - lo + 1) as usize];
        for &(bound, id) in &candidates {
            buckets[(bound - lo) as usize].push((id, false));
        }
        let matcher = SkimMatcherV2::default().smart_case();
        let mut top = TopK::new(limit);
        let mut missed = Vec::new();
        let mut visited = 0usize;
        for level in (0..buckets.len()).rev() {
            let bound = lo + level as i64;
            if top.floor().is_some_and(|f| Ranked::key_of(bound, 0) <= f) {
                // No doc left can enter.
                break;
            }
            let items = std::mem::take(&mut buckets[level]);
            for (id, refined) in items {
                visited += 1;
                if visited.is_multiple_of(256) && cancel.load(Ordering::Relaxed) {
                    return None;
                }
                let own = top.floor();
                if own.is_some_and(|f| Ranked::key_of(bound, id) <= f) {
                    continue;
                }
                if query.refinable
                    && !refined
                    && let Some(lower) = self.refine(query, id, bound)
                {
                    buckets[(lower - lo) as usize].push((id, true));
                    continue;
                }
                match self.rank(&matcher, query, id, own) {
                    Outcome::Miss => missed.push(id),
                    Outcome::Maybe => {}
                    Outcome::Ranked(r) => top.push(r),
                }
            }
        }
        let found = if want_found {
            missed.sort_unstable();
            let mut ids: Vec<u32> = candidates
                .iter()
                .map(|&(_, id)| id)
                .filter(|id| missed.binary_search(id).is_err())
                .collect();
            ids.sort_unstable();
            ids
        } else {
            Vec::new()
        };
        Some((top.into_vec(), found))
    }

    /// A lower bound than `bound` for doc `id` when it does not hold the query as written (so
    /// that its literal bonus is out of reach); `None` when it does, or the bound stays.
    fn refine(&self, query: &Query, id: u32, bound: i64) -> Option<i64> {
        let doc = self.docs.get(id as usize)?;
        let gate = self.gates.get(id as usize)?;
        if self.doc_text(doc).contains(query.text.as_str()) {
            return None;
        }
        let [_, literal] = query.text_bound_parts(gate, doc.chars as usize);
        (literal > 0).then_some(bound - literal)
    }

    /// The docs (all, or those in `within`) that pass the query's gates, with an upper bound
    /// of their score, ascending by id. `None` when cancelled.
    fn candidates(
        &self,
        query: &Query,
        within: Option<&[u32]>,
        cancel: &AtomicBool,
    ) -> Option<Vec<(i64, u32)>> {
        let work = |ids: &mut dyn Iterator<Item = u32>| -> Option<Vec<(i64, u32)>> {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            Some(
                ids.filter_map(|id| Some((self.bound(query, id)?, id)))
                    .collect(),
            )
        };
        let parts: Vec<Option<Vec<(i64, u32)>>> = if let Some(ids) = within {
            ids.par_chunks(CHUNK)
                .map(|c| work(&mut c.iter().copied()))
                .collect()
        } else {
            let n = u32::try_from(self.docs.len()).unwrap_or(u32::MAX);
            let starts: Vec<u32> = (0..n).step_by(CHUNK).collect();
            starts
                .par_iter()
                .map(|&s| work(&mut (s..s.saturating_add(CHUNK as u32).min(n))))
                .collect()
        };
        let mut out = Vec::with_capacity(parts.iter().flatten().map(Vec::len).sum());
        for part in parts {
            out.extend(part?);
        }
        Some(out)
    }

    /// An upper bound of doc `id`'s score (target bonus included), or `None` when no matcher
    /// can match it.
    #[inline]
    fn bound(&self, query: &Query, id: u32) -> Option<i64> {
        let gate = self.gates.get(id as usize)?;
        let doc = self.docs.get(id as usize)?;
        let chars = doc.chars as usize;
        let mut best = None;
        if query.admits(gate) {
            best = Some(query.text_bound(gate, chars));
        }
        if let Some(p) = &query.pinyin
            && p.admits(gate.pinyin)
            && let Some(b) = p.bound(gate.ascii & ASCII_LETTERS == 0, gate.first)
        {
            best = Some(best.map_or(b, |t: i64| t.max(b)));
        }
        Some(best? + target_bonus(doc.target, query.chars, chars))
    }

    /// Scores one doc. A matcher whose score bound cannot beat `floor` (the worst rank key in
    /// the full top-k) does not read the doc at all: it counts as a possible match for
    /// [`SearchCache`], whose next scan tests it again.
    fn rank(&self, matcher: &SkimMatcherV2, query: &Query, id: u32, floor: Option<i64>) -> Outcome {
        let (Some(gate), Some(doc)) = (self.gates.get(id as usize), self.docs.get(id as usize))
        else {
            return Outcome::Miss;
        };
        let bonus = target_bonus(doc.target, query.chars, doc.chars as usize);
        let beaten = |bound: i64| floor.is_some_and(|f| Ranked::key_of(bound + bonus, id) <= f);
        let mut maybe = false;
        let mut best: Option<(i64, Via)> = None;
        if query.admits(gate) {
            if beaten(query.text_bound(gate, doc.chars as usize)) {
                maybe = true;
            } else {
                let text = self.doc_text(doc);
                if let Some((s, _)) = matcher.fuzzy(text, &query.text, false) {
                    best = Some((s + literal_bonus(text, &query.text), Via::Text));
                }
            }
        }
        if let Some(p) = &query.pinyin
            && p.admits(gate.pinyin)
            && let Some(bound) = p.bound(gate.ascii & ASCII_LETTERS == 0, gate.first)
        {
            if beaten(bound) {
                maybe = true;
            } else {
                let text = self.doc_text(doc);
                if (p.len() <= 3 || p.matches(text))
                    && let Some(s) = p.score(text)
                    && best.is_none_or(|(b, _)| s > b)
                {
                    best = Some((s, Via::Pinyin));
                }
            }
        }
        match best {
            Some((score, via)) => Outcome::Ranked(Ranked {
                score: score + bonus,
                doc: Reverse(id),
                via,
            }),
            None if maybe => Outcome::Maybe,
            None => Outcome::Miss,
        }
    }

    /// Turns the winners into hits, computing their matched indices.
    fn hits(&self, query: &Query, ranked: Vec<Ranked>) -> Vec<Hit> {
        let matcher = SkimMatcherV2::default().smart_case();
        ranked
            .into_iter()
            .filter_map(|r| {
                let doc = self.docs.get(r.doc.0 as usize)?;
                let text = self.doc_text(doc);
                let indices = match (r.via, &query.pinyin) {
                    (Via::Pinyin, Some(p)) => p.score_with_indices(text).map(|(_, i)| i),
                    _ => matcher.fuzzy(text, &query.text, true).map(|(_, i)| i),
                }
                .unwrap_or_default();
                Some(Hit {
                    article: doc.article as usize,
                    target: doc.target,
                    score: r.score,
                    text: text.to_owned(),
                    indices,
                })
            })
            .collect()
    }
}

impl Query {
    /// An upper bound of the literal score (matcher plus [`literal_bonus`]) on a doc with
    /// this gate and length. `SkimMatcherV2` gives each matched char 16, plus a bonus: at
    /// most 4 (for following the previous match) when the text has no ASCII and does not
    /// start with a query char, at most 8 (a word boundary) when it has ASCII but does not start
    /// with a query char, and at most 16 otherwise (the doubled bonus of the first column, which carries
    /// along a run of consecutive matches).
    fn text_bound(&self, gate: &Gate, doc_chars: usize) -> i64 {
        self.text_bound_parts(gate, doc_chars).iter().sum()
    }

    /// True when a doc with this gate may hold every character of the query.
    #[inline]
    fn admits(&self, gate: &Gate) -> bool {
        gate.bloom[0] & self.bloom[0] == self.bloom[0]
            && gate.bloom[1] & self.bloom[1] == self.bloom[1]
            && gate.ascii & self.ascii == self.ascii
    }

    /// [`text_bound`](Self::text_bound) in two parts: the matcher's, and the literal bonus
    /// (which needs the query as written in the text).
    fn text_bound_parts(&self, gate: &Gate, doc_chars: usize) -> [i64; 2] {
        let m = i64::try_from(self.chars).unwrap_or(i64::MAX / 64);
        let matcher = if gate.flat {
            // With no ASCII separator or capital in the text, no char is a word boundary to
            // the matcher, so the only boundary bonus is the first column's (8, doubled). The first matched char
            // scores 16 - 1 (the skip from row zero) plus that bonus when it is the text's
            // first char, and every later one at most 16 + 4 (the consecutive bonus).
            let head = if self.text.starts_with(gate.first) {
                16
            } else {
                0
            };
            20 * m - 5 + head
        } else if self
            .text
            .chars()
            .any(|c| c.eq_ignore_ascii_case(&gate.first))
        {
            32 * m
        } else {
            // Past the first column no boundary bonus (head, break, camel) exceeds 8.
            24 * m
        };
        let literal = if doc_chars == self.chars {
            64
        } else if self.chars >= 2 {
            24
        } else {
            0
        };
        [matcher, literal]
    }

    /// Normalises `raw`: control characters, whitespace and apostrophes (as in `xi'an`) are
    /// dropped, traditional characters become simplified, and the result is cut to
    /// [`MAX_QUERY_CHARS`].
    fn new(raw: &str) -> Self {
        let text = normalize_query(raw);
        let (bloom, ascii) = char_sets(&text);
        let pinyin = PinyinQuery::new(&text);
        let chars = text.chars().count();
        Self {
            refinable: pinyin.is_none()
                && chars >= 2
                && !text.bytes().any(|b| b.is_ascii_alphabetic()),
            pinyin,
            chars,
            text,
            bloom,
            ascii,
        }
    }
}

/// Where `query`, read as the global search reads it, occurs in `text`: as char ranges, in
/// order and without overlaps. The query is normalised the same way (spaces dropped,
/// traditional characters converted to simplified) and found as written, ignoring ASCII
/// case; a query of ASCII letters also finds, in each sentence where it does not occur as
/// written, the characters its pinyin or initials name (the best such run per sentence).
///
/// ```
/// use zhaoshang::search::find_in_text;
/// let text = "通辽市实现到位资金298亿元。全区到位资金32.5亿元。";
/// assert_eq!(find_in_text(text, "到位資金"), vec![5..9, 17..21]);
/// assert_eq!(find_in_text(text, "daowei"), vec![5..7, 17..19]);
/// assert_eq!(find_in_text(text, "tl"), vec![0..2]);
/// assert!(find_in_text(text, "").is_empty());
/// ```
pub fn find_in_text(text: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    let query = Query::new(query);
    let needle: Vec<char> = query.text.chars().map(|c| c.to_ascii_lowercase()).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let hay: Vec<char> = text.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()] == needle[..] {
            found.push(i..i + needle.len());
            i += needle.len();
        } else {
            i += 1;
        }
    }
    if let Some(pinyin) = &query.pinyin {
        for sentence in sentence_ranges(text) {
            if found
                .iter()
                .any(|f| f.start < sentence.end && f.end > sentence.start)
            {
                continue;
            }
            let part: String = hay[sentence.clone()].iter().collect();
            if let Some((_, indices)) = pinyin.score_with_indices(&part)
                && let (Some(&first), Some(&last)) = (indices.first(), indices.last())
            {
                found.push(sentence.start + first..sentence.start + last + 1);
            }
        }
        found.sort_by_key(|r| r.start);
    }
    found
}

/// A query as every index reads it: control characters, whitespace and apostrophes (as in
/// `xi'an`) dropped, traditional characters converted to simplified, cut to
/// [`MAX_QUERY_CHARS`].
///
/// ```
/// use zhaoshang::search::normalize_query;
/// assert_eq!(normalize_query(" 通遼 市"), "通辽市");
/// assert_eq!(normalize_query("xi'an"), "xian");
/// ```
pub fn normalize_query(raw: &str) -> String {
    let cleaned: String = raw
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace() && *c != '\'' && *c != '’')
        .take(MAX_QUERY_CHARS)
        .collect();
    if cleaned.is_ascii() {
        cleaned
    } else {
        to_simplified(&cleaned)
    }
}

/// The keys a persisted index stores for one text: its letters, digits and characters one
/// token each (`chars`); the first pinyin reading of each character, `0` for a character
/// without one so that neighbours stay neighbours (`pinyin`); and, with no order, every
/// reading of every character and every pair of initials of neighbouring characters written
/// `9` + the two letters (`loose`), which polyphones need.
///
/// ```
/// use zhaoshang::search::index_keys;
/// let keys = index_keys("通辽市，GDP");
/// assert_eq!(keys.chars, "通 辽 市 g d p");
/// assert_eq!(keys.pinyin, "tong liao shi 0 g d p");
/// assert!(keys.loose.split(' ').any(|k| k == "9tl"));
/// ```
pub fn index_keys(text: &str) -> IndexKeys {
    let mut keys = IndexKeys::default();
    let mut loose: Vec<String> = Vec::new();
    let mut previous: &[Box<str>] = &[];
    for c in text.chars() {
        if c.is_alphanumeric() {
            if !keys.chars.is_empty() {
                keys.chars.push(' ');
            }
            keys.chars.extend(c.to_lowercase());
        }
        if !keys.pinyin.is_empty() {
            keys.pinyin.push(' ');
        }
        let readings = pinyin::readings(c);
        keys.pinyin.push_str(readings.first().map_or("0", |r| &**r));
        for r in readings {
            loose.push(r.to_string());
        }
        for a in previous {
            for b in readings {
                if let (Some(x), Some(y)) = (a.chars().next(), b.chars().next()) {
                    loose.push(format!("9{x}{y}"));
                }
            }
        }
        previous = readings;
    }
    loose.sort_unstable();
    loose.dedup();
    keys.loose = loose.join(" ");
    keys
}

/// What [`index_keys`] makes of one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexKeys {
    /// Letters (lowercase), digits and characters, space-separated.
    pub chars: String,
    /// Each character's first reading, space-separated.
    pub pinyin: String,
    /// Every reading and every initial pair of neighbours (`9tl`), once each.
    pub loose: String,
}

/// Converts traditional characters to simplified with OpenCC's `t2s` tables, built once;
/// text that needs no conversion comes back unchanged.
///
/// ```
/// use zhaoshang::search::to_simplified;
/// assert_eq!(to_simplified("通遼市招商引資"), "通辽市招商引资");
/// assert_eq!(to_simplified("通辽 tongliao"), "通辽 tongliao");
/// ```
pub fn to_simplified(text: &str) -> String {
    static T2S: OnceLock<Option<ferrous_opencc::OpenCC>> = OnceLock::new();
    let converter = T2S.get_or_init(|| {
        ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s).ok()
    });
    match converter {
        Some(c) => c.convert(text),
        None => text.to_owned(),
    }
}

/// The texts one article contributes to search, in a stable order: title, region,
/// sentences, labels.
pub fn documents(article: &Article) -> Vec<(HitTarget, String)> {
    let mut docs = Vec::new();
    if !article.title.trim().is_empty() {
        docs.push((HitTarget::Title, article.title.clone()));
    }
    if let Some(region) = article.region.as_ref().filter(|r| !r.trim().is_empty()) {
        docs.push((HitTarget::Region, region.clone()));
    }
    for (paragraph, text) in article.paragraphs.iter().enumerate() {
        let chars: Vec<char> = text.chars().collect();
        for range in sentence_ranges(text) {
            let sentence: String = chars[range.clone()].iter().collect();
            let span = Span {
                paragraph,
                start: range.start,
                end: range.end,
            };
            docs.push((HitTarget::Sentence(span), sentence));
        }
    }
    for (i, metric) in article.metrics.iter().enumerate() {
        if !metric.label.trim().is_empty() {
            docs.push((HitTarget::Metric(i), metric.label.clone()));
        }
    }
    docs
}

/// The gate of one doc's text.
fn gate(text: &str) -> Gate {
    let (bloom, ascii) = char_sets(text);
    Gate {
        bloom,
        ascii,
        pinyin: Masks::of(text),
        first: text.chars().next().unwrap_or_default(),
        flat: !text
            .bytes()
            .any(|b| b.is_ascii_uppercase() || (b.is_ascii_punctuation() || b == b' ')),
    }
}

/// The lowercased characters of `text`: non-ASCII ones hashed into a bloom, ASCII ones exact.
fn char_sets(text: &str) -> ([u64; 2], u128) {
    let mut bloom = [0u64; 2];
    let mut ascii = 0u128;
    for c in text.chars() {
        if c.is_ascii() {
            ascii |= 1 << u32::from(c.to_ascii_lowercase());
        } else {
            for l in c.to_lowercase() {
                if l.is_ascii() {
                    ascii |= 1 << u32::from(l);
                } else {
                    set_bloom(&mut bloom, l);
                }
            }
        }
    }
    (bloom, ascii)
}

/// The bits of `a..=z` in a [`Gate::ascii`] set.
const ASCII_LETTERS: u128 = ((1u128 << 26) - 1) << b'a';

/// Sets the bloom bit of `c`: a multiplicative hash folded to 7 bits.
#[inline]
fn set_bloom(bloom: &mut [u64; 2], c: char) {
    let h = u32::from(c).wrapping_mul(0x9E37_79B1) >> 25;
    bloom[(h >> 6) as usize] |= 1 << (h & 63);
}

/// Extra score when the query occurs in the text as written, not just scattered through it.
fn literal_bonus(text: &str, query: &str) -> i64 {
    if text == query {
        64
    } else if query.chars().nth(1).is_some() && text.contains(query) {
        24
    } else {
        0
    }
}

/// Ranking by what was hit: regions and titles above sentences, more so for short queries,
/// and shorter texts slightly above longer ones with the same match.
fn target_bonus(target: HitTarget, query_chars: usize, text_chars: usize) -> i64 {
    let short = query_chars <= 4;
    let kind = match target {
        HitTarget::Region => {
            if short {
                48
            } else {
                16
            }
        }
        HitTarget::Title => {
            if short {
                24
            } else {
                8
            }
        }
        HitTarget::Metric(_) => 8,
        HitTarget::Sentence(_) => 0,
    };
    kind - i64::try_from(text_chars / 16).unwrap_or(16).min(16)
}

/// The best `k` ranked docs seen so far.
struct TopK {
    k: usize,
    heap: BinaryHeap<Reverse<Ranked>>,
}

impl TopK {
    fn new(k: usize) -> Self {
        Self {
            k,
            heap: BinaryHeap::with_capacity(k.min(1024) + 1),
        }
    }

    fn push(&mut self, r: Ranked) {
        if self.k == 0 {
            return;
        }
        if self.heap.len() < self.k {
            self.heap.push(Reverse(r));
        } else if self.heap.peek().is_some_and(|Reverse(worst)| r > *worst) {
            self.heap.pop();
            self.heap.push(Reverse(r));
        }
    }

    /// The rank key a doc must beat to enter, once the heap is full.
    fn floor(&self) -> Option<i64> {
        if self.k == 0 {
            return Some(i64::MAX);
        }
        (self.heap.len() == self.k).then(|| self.heap.peek().map_or(i64::MIN, |Reverse(r)| r.key()))
    }

    /// Best first.
    fn into_vec(self) -> Vec<Ranked> {
        let mut v: Vec<Ranked> = self.heap.into_iter().map(|Reverse(r)| r).collect();
        v.sort_unstable_by(|a, b| b.cmp(a));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Metric;

    fn article(title: &str, region: Option<&str>, paragraphs: &[&str]) -> Article {
        Article {
            title: title.to_owned(),
            region: region.map(str::to_owned),
            paragraphs: paragraphs.iter().map(|p| (*p).to_owned()).collect(),
            ..Article::default()
        }
    }

    fn corpus() -> Vec<Article> {
        vec![
            article(
                "通辽市招商引资综述",
                Some("通辽市"),
                &[
                    "通辽市坚持项目为王。全年签约项目568个！",
                    "总签约额1861.44亿元；同比增长86%",
                ],
            ),
            Article {
                metrics: vec![Metric {
                    label: "合同投资额".to_owned(),
                    ..Metric::default()
                }],
                ..article(
                    "遂溪县开发区工作报告",
                    Some("遂溪县"),
                    &["全力抓好招商引资，推动高质量发展。"],
                )
            },
            article(
                "天津经开区",
                None,
                &["GDP增长5%。重庆来的客商考察重点项目。"],
            ),
        ]
    }

    fn index() -> SearchIndex {
        SearchIndex::new(&corpus())
    }

    fn highlighted(hit: &Hit) -> String {
        let chars: Vec<char> = hit.text.chars().collect();
        hit.indices.iter().filter_map(|&i| chars.get(i)).collect()
    }

    #[test]
    fn indexes_titles_regions_sentences_and_labels() {
        // 2 + 4 sentences, 2 + 1 sentence + 1 label, 1 + 2 sentences.
        assert_eq!(index().len(), 13);
    }

    #[test]
    fn sentence_hits_carry_their_span() {
        let hits = index().search("签约额", 5);
        let hit = hits.first().expect("a hit");
        assert_eq!(
            hit.target,
            HitTarget::Sentence(Span {
                paragraph: 1,
                start: 0,
                end: 14
            })
        );
        assert_eq!(hit.text, "总签约额1861.44亿元；");
        assert_eq!(highlighted(hit), "签约额");
    }

    #[test]
    fn full_pinyin_and_initials_find_tongliao() {
        let idx = index();
        for q in ["tongliao", "tl", "TongLiao", "tong liao"] {
            let hits = idx.search(q, 3);
            let top = hits.first().expect("a hit");
            assert_eq!(top.target, HitTarget::Region, "{q}");
            assert_eq!(top.text, "通辽市");
            assert_eq!(top.indices, vec![0, 1], "{q}");
        }
    }

    #[test]
    fn pinyin_highlights_the_source_characters() {
        let hits = index().search("zhaoshang", 10);
        assert!(!hits.is_empty());
        assert!(hits.iter().all(|h| highlighted(h) == "招商"), "{hits:?}");
    }

    #[test]
    fn traditional_queries_find_simplified_text() {
        let hits = index().search("通遼", 3);
        assert_eq!(hits.first().map(|h| h.text.as_str()), Some("通辽市"));
        let hits = index().search("招商引資", 10);
        assert!(hits.iter().any(|h| h.text.contains("招商引资")));
    }

    #[test]
    fn contiguous_matches_rank_above_scattered_ones() {
        let hits = index().search("重点", 10);
        assert_eq!(highlighted(hits.first().expect("a hit")), "重点");
    }

    #[test]
    fn metric_labels_are_searchable() {
        let hits = index().search("合同投资", 3);
        assert_eq!(hits.first().map(|h| h.target), Some(HitTarget::Metric(0)));
        assert_eq!(hits.first().map(|h| h.article), Some(1));
    }

    #[test]
    fn empty_and_blank_queries_have_no_hits() {
        let idx = index();
        assert!(idx.search("", 10).is_empty());
        assert!(idx.search(" \t\n", 10).is_empty());
        assert!(SearchIndex::new(&[]).search("通辽", 10).is_empty());
    }

    #[test]
    fn limit_caps_the_hits_best_first() {
        let idx = index();
        assert!(idx.search("项", 0).is_empty());
        let all = idx.search("项", 100);
        assert!(all.len() >= 3);
        assert_eq!(idx.search("项", 2), all[..2].to_vec());
        assert!(all.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn pruned_top_k_equals_the_head_of_a_full_ranking() {
        let articles: Vec<Article> = crate::synth::generate(60, 11)
            .iter()
            .filter_map(|(name, raw)| crate::corpus::parse_bytes(name, raw).ok())
            .collect();
        let idx = SearchIndex::new(&articles);
        let never = AtomicBool::new(false);
        for q in [
            "招",
            "招商",
            "项目建设",
            "zs",
            "zhaoshang",
            "x",
            "xm",
            "GDP",
            "亿元",
            "項目",
        ] {
            let all = idx.search(q, usize::MAX);
            let top = idx.search(q, 7);
            assert_eq!(top, all[..all.len().min(7)].to_vec(), "{q}");
            let mut cache = SearchCache::default();
            let _ = idx.search_incremental(
                &q[..q.chars().next().map_or(0, char::len_utf8)],
                3,
                &mut cache,
                &never,
            );
            assert_eq!(
                idx.search_incremental(q, 7, &mut cache, &never),
                Some(top),
                "{q}"
            );
        }
    }

    #[test]
    fn weird_input_does_not_panic() {
        let idx = index();
        for q in [
            "\u{0}\u{7}\u{1b}[2J",
            "\u{202e}通辽",
            "'",
            "’’",
            "🀄",
            "\u{fffd}",
        ] {
            let _ = idx.search(q, 10);
        }
        let _ = idx.search(&"通".repeat(10_000), 10);
        let _ = idx.search(&"t".repeat(10_000), 10);
        let _ = idx.search(&"x\u{301}".repeat(5_000), 10);
    }

    #[test]
    fn every_index_points_inside_the_text() {
        let idx = index();
        for q in ["通辽", "tl", "gdp", "86", "zs", "亿元"] {
            for hit in idx.search(q, 50) {
                let n = hit.text.chars().count();
                assert!(hit.indices.iter().all(|&i| i < n), "{q}: {hit:?}");
                assert!(!hit.indices.is_empty(), "{q}: {hit:?}");
            }
        }
    }

    #[test]
    fn incremental_search_agrees_with_a_full_search() {
        let idx = index();
        let never = AtomicBool::new(false);
        let mut cache = SearchCache::default();
        for q in [
            "z",
            "zh",
            "zha",
            "zhao",
            "zhaos",
            "zhaoshang",
            "t",
            "to",
            "ton",
            "通",
            "通辽",
        ] {
            let inc = idx.search_incremental(q, 10, &mut cache, &never);
            assert_eq!(inc, Some(idx.search(q, 10)), "{q}");
        }
    }

    #[test]
    fn a_raised_flag_cancels() {
        let cancel = AtomicBool::new(true);
        let mut cache = SearchCache::default();
        assert_eq!(index().search_cancellable("通辽", 10, &cancel), None);
        assert_eq!(
            index().search_incremental("通辽", 10, &mut cache, &cancel),
            None
        );
        assert_eq!(cache.matched(), 0);
    }

    #[test]
    fn the_index_can_be_shared_between_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<SearchIndex>();
    }
}
