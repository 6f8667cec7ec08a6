//! Chinese line breaking for a fixed grid of terminal cells.
//!
//! Break opportunities come from UAX #14 (`unicode-linebreak`); on top of them the 避头尾
//! (kinsoku) rules of GB/T 32411 and W3C clreq are enforced explicitly, because the library's
//! treatment of quotation marks depends on its Unicode version: no line starts with a
//! [`NO_LINE_START`] char and none ends with a [`NO_LINE_END`] char. A closing mark cannot
//! hang past the edge of a grid, so when one would start a line the char before it is pulled
//! down with it. Wide chars are never split, U+3000 indents are kept, and lines are returned
//! as char ranges so that highlight spans (char ranges) map straight onto wrapped lines.
//!
//! [`WrapCache`] keeps wrapped documents per width so scrolling a long article never
//! re-wraps it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::width::char_width;

/// Chars that may not begin a line: closing punctuation, full stops, commas and the like.
pub const NO_LINE_START: &str = "，。、；：！？）」』》〉】〕〗〙〛”’…⋯·・ー々〻ゝゞ,.;:!?)]}%";

/// Chars that may not end a line: opening brackets and quotation marks.
pub const NO_LINE_END: &str = "（「『《〈【〔〖〘〚“‘([{";

/// True when `c` may not begin a line.
///
/// ```
/// use zhaoshang::text::wrap::forbids_line_start;
/// assert!(forbids_line_start('，'));
/// assert!(forbids_line_start('”'));
/// assert!(!forbids_line_start('“'));
/// ```
pub fn forbids_line_start(c: char) -> bool {
    NO_LINE_START.contains(c)
}

/// True when `c` may not end a line.
///
/// ```
/// use zhaoshang::text::wrap::forbids_line_end;
/// assert!(forbids_line_end('《'));
/// assert!(forbids_line_end('“'));
/// assert!(!forbids_line_end('”'));
/// ```
pub fn forbids_line_end(c: char) -> bool {
    NO_LINE_END.contains(c)
}

/// Wraps `text` into lines of at most `width` columns and returns each line as a char range.
///
/// The ranges are contiguous and cover every char of `text`; a `\n` ends its line and is
/// included in that line's range (it has width 0 and is never drawn). An ASCII space that
/// would overflow hangs at the end of its line. The only line wider than `width` is a single
/// char wider than `width` (a wide char at width 1, or anything at width 0), so nothing is
/// ever lost or split. The 避头尾 rules yield only where a run they bind together is itself
/// wider than the line. Empty text gives one empty line.
///
/// ```
/// use zhaoshang::text::wrap::wrap;
/// // “，” may not start a line, so “城” comes down with it.
/// assert_eq!(wrap("谷城，开发区", 4), vec![0..1, 1..3, 3..5, 5..6]);
/// assert_eq!(wrap("你好世界", 8), vec![0..4]);
/// assert_eq!(wrap("", 8), vec![0..0]);
/// ```
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    if n == 0 {
        #[allow(clippy::single_range_in_vec_init)]
        return vec![0..0];
    }
    // A byte per char (widths are 0, 1 or 2): a paragraph can be megabytes long.
    let widths: Vec<u8> = chars
        .iter()
        .map(|&c| u8::try_from(char_width(c)).unwrap_or(u8::MAX))
        .collect();
    let allowed = break_opportunities(text, &chars);

    let mut lines = Vec::new();
    let mut start = 0usize;
    while start < n {
        let end = line_end(&chars, &widths, &allowed, start, width);
        lines.push(start..end);
        start = end;
    }
    lines
}

/// Where the line beginning at `start` ends (exclusive); always greater than `start`.
fn line_end(chars: &[char], widths: &[u8], allowed: &[bool], start: usize, width: usize) -> usize {
    let n = chars.len();
    let mut column = 0usize;
    let mut last_break: Option<usize> = None;
    for i in start..n {
        if chars[i] == '\n' {
            return i + 1;
        }
        if i > start && allowed[i] {
            last_break = Some(i);
        }
        let w = usize::from(widths[i]);
        if i > start && column.saturating_add(w) > width {
            if chars[i] == ' ' {
                return i + 1;
            }
            return last_break.unwrap_or_else(|| forced_break(chars, widths, start, i));
        }
        column = column.saturating_add(w);
    }
    n
}

/// A break inside a run with no opportunity: at `at`, moved back past closing marks, zero
/// width chars and opening marks so the rules still hold where they can.
fn forced_break(chars: &[char], widths: &[u8], start: usize, at: usize) -> usize {
    let mut b = at;
    while b > start + 1
        && (forbids_line_start(chars[b]) || forbids_line_end(chars[b - 1]) || widths[b] == 0)
    {
        b -= 1;
    }
    b
}

/// `allowed[i]`: a line may break before char `i` (index `n` is the end of text).
fn break_opportunities(text: &str, chars: &[char]) -> Vec<bool> {
    let n = chars.len();
    let mut allowed = vec![false; n + 1];
    // Both the opportunities and the char boundaries come in increasing byte order, so one
    // walk maps byte offsets to char indices without a table.
    let mut boundaries = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .enumerate();
    let mut current = boundaries.next();
    for (byte, op) in linebreaks(text) {
        while let Some((_, b)) = current {
            if b >= byte {
                break;
            }
            current = boundaries.next();
        }
        if let Some((ci, b)) = current
            && b == byte
        {
            allowed[ci] = matches!(op, BreakOpportunity::Allowed | BreakOpportunity::Mandatory);
        }
    }
    for i in 1..n {
        // Between two CJK chars UAX #14 allows a break unless a rule forbids it; the quotes
        // “ ” ‘ ’ are ambiguous there (class QU), so decide them here.
        let prev = chars[i - 1];
        let cur = chars[i];
        if forbids_line_start(cur) || forbids_line_end(prev) {
            allowed[i] = false;
        } else if (is_wide_quote(cur) && is_cjk(prev)) || (is_wide_quote(prev) && is_cjk(cur)) {
            allowed[i] = true;
        }
    }
    allowed
}

fn is_wide_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '”' | '’')
}

fn is_cjk(c: char) -> bool {
    char_width(c) == 2
}

/// One wrapped line of a multi-paragraph document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    /// The paragraph the line belongs to.
    pub paragraph: usize,
    /// Char range of the line inside that paragraph; empty for blank separator lines.
    pub range: Range<usize>,
    /// The same range in bytes, so drawing a line never walks the paragraph from its start.
    pub bytes: Range<usize>,
}

/// Wraps every paragraph at `width`; with `gap`, a blank line separates paragraphs.
///
/// ```
/// use zhaoshang::text::wrap::{wrap_document, DocLine};
/// let lines = wrap_document(&["通辽市", "谷城"], 4, true);
/// assert_eq!(lines.len(), 4);
/// assert_eq!(lines[3], DocLine { paragraph: 1, range: 0..2, bytes: 0..6 });
/// ```
pub fn wrap_document<S: AsRef<str>>(paragraphs: &[S], width: usize, gap: bool) -> Vec<DocLine> {
    let mut out = Vec::new();
    for (p, text) in paragraphs.iter().enumerate() {
        let text = text.as_ref();
        if gap && p > 0 {
            let prev = paragraphs[p - 1].as_ref();
            let chars = prev.chars().count();
            out.push(DocLine {
                paragraph: p - 1,
                range: chars..chars,
                bytes: prev.len()..prev.len(),
            });
        }
        let mut offsets = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()));
        let mut at_char = 0usize;
        let mut at_byte = 0usize;
        for range in wrap(text, width) {
            let start = at_byte;
            // Advance the byte cursor by the line's char count.
            let end = offsets.nth(range.end - at_char).unwrap_or(text.len());
            at_char = range.end + 1;
            at_byte = end;
            out.push(DocLine {
                paragraph: p,
                range,
                bytes: start..end,
            });
        }
    }
    out
}

/// Wrapped documents kept per (document key, width), so scrolling and redrawing never re-wrap.
/// Interior mutability lets read-only rendering fill it; it is cleared when it grows large.
#[derive(Debug, Default)]
pub struct WrapCache {
    entries: RefCell<HashMap<CacheKey, Arc<Vec<DocLine>>>>,
}

/// A document key and a width.
type CacheKey = (usize, usize);

/// How many wrapped documents the cache keeps before starting over.
const CACHE_LIMIT: usize = 64;

impl WrapCache {
    /// The lines of document `key` at `width`, wrapping with `make` only on a miss.
    pub fn get_or_wrap(
        &self,
        key: usize,
        width: usize,
        make: impl FnOnce() -> Vec<DocLine>,
    ) -> Arc<Vec<DocLine>> {
        if let Some(hit) = self.entries.borrow().get(&(key, width)) {
            return Arc::clone(hit);
        }
        // Kept as made (a slice would be a second copy while it is made): a long article
        // wraps to millions of lines.
        let mut lines = make();
        lines.shrink_to_fit();
        let lines = Arc::new(lines);
        let mut entries = self.entries.borrow_mut();
        if entries.len() >= CACHE_LIMIT {
            entries.clear();
        }
        entries.insert((key, width), Arc::clone(&lines));
        lines
    }

    /// Forgets everything, for when the documents change.
    pub fn clear(&self) {
        self.entries.borrow_mut().clear();
    }

    /// How many wrapped documents are cached.
    pub fn len(&self) -> usize {
        self.entries.borrow().len()
    }

    /// True when nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.entries.borrow().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::width::display_width;

    fn lines(text: &str, width: usize) -> Vec<String> {
        wrap(text, width)
            .into_iter()
            .map(|r| text.chars().skip(r.start).take(r.len()).collect())
            .collect()
    }

    fn check_invariants(text: &str, width: usize) {
        let ranges = wrap(text, width);
        let mut next = 0;
        for r in &ranges {
            assert_eq!(
                r.start, next,
                "ranges must be contiguous in {text:?} at {width}"
            );
            assert!(r.end > r.start || text.is_empty());
            next = r.end;
        }
        assert_eq!(
            next,
            text.chars().count(),
            "chars lost in {text:?} at {width}"
        );
        for line in lines(text, width) {
            let visible = line.trim_end_matches([' ', '\n']);
            let single = visible.chars().count() <= 1;
            assert!(
                display_width(visible) <= width || single,
                "{line:?} wider than {width}"
            );
        }
    }

    const ARTICLE: &str = "\u{3000}\u{3000}“招商引资始终是硬招数，项目建设始终是‘牛鼻子’，营商环境始终是吸金石。”通辽市坚持项目为王、招商为要，全市国内（区外）招商引资项目实现到位资金298亿元，同比增长86%。《通辽日报》报道……";

    #[test]
    fn invariants_hold_at_every_width() {
        for width in 0..=40 {
            check_invariants(ARTICLE, width);
            check_invariants(
                "谷城经济开发区 contract amount 84.57 亿元，占目标任务114%。",
                width,
            );
            check_invariants("a\nb\n\n通辽", width);
        }
    }

    #[test]
    fn kinsoku_rules_hold_at_every_width() {
        // Below 6 columns a cluster such as 子’， cannot fit on one line at all.
        for width in 6..=40 {
            let ls = lines(ARTICLE, width);
            for (i, l) in ls.iter().enumerate() {
                let first = l.chars().next().unwrap_or(' ');
                let last = l.chars().last().unwrap_or(' ');
                if i > 0 {
                    assert!(!forbids_line_start(first), "{l:?} starts badly at {width}");
                }
                if i + 1 < ls.len() {
                    assert!(!forbids_line_end(last), "{l:?} ends badly at {width}");
                }
            }
        }
    }

    #[test]
    fn line_exactly_at_width_is_not_broken() {
        assert_eq!(lines("通辽市招商", 10), ["通辽市招商"]);
        assert_eq!(lines("通辽市招商引", 10), ["通辽市招商", "引"]);
    }

    #[test]
    fn wide_char_at_the_edge_moves_down_whole() {
        // 9 columns: "ab" + three ideographs = 8, the fourth would straddle the edge.
        assert_eq!(lines("ab通辽市招商", 9), ["ab通辽市", "招商"]);
    }

    #[test]
    fn closing_quote_pulls_previous_char_down() {
        // “石” then ” : the quote may not start the next line.
        assert_eq!(lines("吸金石”通辽", 6), ["吸金", "石”通", "辽"]);
        assert_eq!(lines("吸金石’通辽", 6), ["吸金", "石’通", "辽"]);
    }

    #[test]
    fn opening_quote_does_not_end_a_line() {
        assert_eq!(lines("重点“头部", 6), ["重点", "“头部"]);
        assert_eq!(lines("重点‘头部", 6), ["重点", "‘头部"]);
        assert_eq!(lines("日报《通辽", 6), ["日报", "《通辽"]);
    }

    #[test]
    fn full_stops_and_commas_stay_with_their_text() {
        assert_eq!(lines("招商引资，项目", 8), ["招商引", "资，项目"]);
        assert_eq!(lines("招商引资。", 8), ["招商引", "资。"]);
    }

    #[test]
    fn ideographic_indent_is_kept() {
        assert_eq!(
            lines("\u{3000}\u{3000}据了解", 10),
            ["\u{3000}\u{3000}据了解"]
        );
        assert!(lines("\u{3000}\u{3000}据了解，全市新签约", 10)[0].starts_with("\u{3000}\u{3000}"));
    }

    #[test]
    fn tiny_widths_keep_every_char() {
        assert_eq!(lines("通辽", 1), ["通", "辽"]);
        assert_eq!(lines("通辽", 0), ["通", "辽"]);
        assert_eq!(lines("ab", 1), ["a", "b"]);
    }

    #[test]
    fn numbers_are_not_split_when_avoidable() {
        assert_eq!(lines("到位资金298亿元", 12), ["到位资金298", "亿元"]);
    }

    #[test]
    fn document_byte_ranges_match_char_ranges() {
        let paragraphs = [ARTICLE, "", "a\nb通辽", "到位资金298亿元"];
        for width in [0, 1, 7, 20, 80] {
            for line in wrap_document(&paragraphs, width, true) {
                let text = paragraphs[line.paragraph];
                let by_chars: String = text
                    .chars()
                    .skip(line.range.start)
                    .take(line.range.len())
                    .collect();
                assert_eq!(&text[line.bytes.clone()], by_chars, "width {width}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn wrapping_any_text_keeps_the_invariants(
            text in "[通辽市谷城，。、“”‘’（）《》！？ a-z0-9\u{3000}\n]{0,60}",
            width in 0usize..30,
        ) {
            check_invariants(&text, width);
        }
    }

    #[test]
    fn cache_wraps_once_per_width() {
        let cache = WrapCache::default();
        let mut calls = 0;
        for _ in 0..3 {
            cache.get_or_wrap(0, 20, || {
                calls += 1;
                wrap_document(&[ARTICLE], 20, false)
            });
        }
        assert_eq!(calls, 1);
        cache.get_or_wrap(0, 30, || wrap_document(&[ARTICLE], 30, false));
        assert_eq!(cache.len(), 2);
    }
}
