//! Display width: how many terminal columns a char or string takes, truncation to a column
//! budget, conversion between char indices and columns, and [`disambiguate`] for terminals
//! that draw East Asian Ambiguous characters two cells wide.
//!
//! Widths are `unicode-width`'s non-CJK widths, the same ratatui's buffer uses, so a string
//! measured here occupies exactly that many cells once drawn. Control characters count 0;
//! they never reach the screen because [`super::sanitize`] replaces them first.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

/// The width of one char in terminal columns (0 for controls and combining marks).
///
/// ```
/// use zhaoshang::text::width::char_width;
/// assert_eq!(char_width('通'), 2);
/// assert_eq!(char_width('，'), 2);
/// assert_eq!(char_width('a'), 1);
/// ```
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// The width of a string in terminal columns.
///
/// ```
/// use zhaoshang::text::width::display_width;
/// assert_eq!(display_width("你好，世界"), 10);
/// assert_eq!(display_width("到位资金298亿元"), 15);
/// ```
pub fn display_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// The longest prefix of `s` that fits in `columns`; a wide char that would straddle the
/// edge is left out rather than split.
///
/// ```
/// use zhaoshang::text::width::truncate;
/// assert_eq!(truncate("通辽市到位资金", 7), "通辽市");
/// assert_eq!(truncate("通辽市", 0), "");
/// assert_eq!(truncate("ab通", 3), "ab");
/// ```
pub fn truncate(s: &str, columns: usize) -> &str {
    let mut used = 0usize;
    for (i, c) in s.char_indices() {
        let w = char_width(c);
        if used.saturating_add(w) > columns {
            return &s[..i];
        }
        used = used.saturating_add(w);
    }
    s
}

/// Truncates `s` to `columns`, ending with `…`-free ASCII `..` when something was cut, so
/// the marker itself is never ambiguous-width.
///
/// ```
/// use zhaoshang::text::width::truncate_marked;
/// assert_eq!(truncate_marked("谷城经济开发区", 8), "谷城经..");
/// assert_eq!(truncate_marked("谷城", 8), "谷城");
/// ```
pub fn truncate_marked(s: &str, columns: usize) -> Cow<'_, str> {
    if display_width(s) <= columns {
        return Cow::Borrowed(s);
    }
    if columns < 2 {
        return Cow::Borrowed(truncate(s, columns));
    }
    let head = truncate(s, columns - 2);
    Cow::Owned(format!("{head}.."))
}

/// Truncates `s` to `columns`, ending with `…` when something was cut, or with `..` when
/// `ascii` (for terminals that draw the ambiguous-width `…` two cells wide).
///
/// ```
/// use zhaoshang::text::width::ellipsize;
/// assert_eq!(ellipsize("亿元以上在谈项目总投资", 12, false), "亿元以上在…");
/// assert_eq!(ellipsize("亿元以上在谈项目总投资", 12, true), "亿元以上在..");
/// assert_eq!(ellipsize("谷城", 4, false), "谷城");
/// assert_eq!(ellipsize("谷城", 1, false), "…");
/// ```
pub fn ellipsize(s: &str, columns: usize, ascii: bool) -> Cow<'_, str> {
    if ascii {
        return truncate_marked(s, columns);
    }
    if display_width(s) <= columns {
        return Cow::Borrowed(s);
    }
    if columns == 0 {
        return Cow::Borrowed("");
    }
    Cow::Owned(format!("{}…", truncate(s, columns - 1)))
}

/// The column at which the char with index `index` starts; indices past the end give the
/// width of the whole string.
///
/// ```
/// use zhaoshang::text::width::column_of;
/// assert_eq!(column_of("通辽a市", 2), 4);
/// assert_eq!(column_of("通辽a市", 3), 5);
/// assert_eq!(column_of("通辽", 9), 4);
/// ```
pub fn column_of(s: &str, index: usize) -> usize {
    s.chars().take(index).map(char_width).sum()
}

/// The index of the char covering column `column`, or the char count when the column lies
/// past the end. The right half of a wide char maps to that char.
///
/// ```
/// use zhaoshang::text::width::index_at_column;
/// assert_eq!(index_at_column("通辽a市", 0), 0);
/// assert_eq!(index_at_column("通辽a市", 3), 1);
/// assert_eq!(index_at_column("通辽a市", 4), 2);
/// assert_eq!(index_at_column("通辽", 10), 2);
/// ```
pub fn index_at_column(s: &str, column: usize) -> usize {
    let mut used = 0usize;
    for (i, c) in s.chars().enumerate() {
        used = used.saturating_add(char_width(c));
        if used > column {
            return i;
        }
    }
    s.chars().count()
}

/// True when `c` is East Asian Ambiguous: one cell in most Western setups, two in many CJK
/// ones.
///
/// ```
/// use zhaoshang::text::width::is_ambiguous;
/// assert!(is_ambiguous('“'));
/// assert!(is_ambiguous('…'));
/// assert!(!is_ambiguous('「'));
/// assert!(!is_ambiguous('a'));
/// ```
pub fn is_ambiguous(c: char) -> bool {
    c.width() != c.width_cjk()
}

/// The unambiguous stand-in for an ambiguous char, chosen to keep the reading.
fn stand_in(c: char) -> char {
    match c {
        '“' => '「',
        '”' => '」',
        '‘' => '『',
        '’' => '』',
        '…' => '⋯',
        '—' | '–' | '―' | '─' | '━' | '═' => '-',
        '·' | '•' | '‧' => '・',
        '×' => 'x',
        '÷' => '/',
        '°' => 'o',
        '↑' => '^',
        '│' | '┃' | '║' => '|',
        '□' | '○' | '◎' => '口',
        '■' | '●' | '★' | '☆' | '◆' | '◇' | '▲' | '△' | '※' => '*',
        '①'..='⑳' => {
            let n = u32::from(c) - u32::from('①');
            char::from_u32(u32::from('１') + n.min(8)).unwrap_or('#')
        }
        'Ⅰ'..='Ⅻ' => 'I',
        '§' => 'S',
        '±' => '+',
        '√' | '↓' => 'v',
        '≤' | '←' => '<',
        '≥' | '→' => '>',
        '≠' => '!',
        '≈' => '~',
        '¥' | '￥' => '￥',
        c if c.is_ascii() => c,
        c if ('\u{2500}'..='\u{257F}').contains(&c) => '+',
        _ => '?',
    }
}

/// Replaces every East Asian Ambiguous char with an unambiguous equivalent (“”→「」, ‘’→『』,
/// …→⋯, —→-, ·→・, box drawing → ASCII), one char for one char, so char indices (and thus
/// highlight spans) stay valid. Used for terminals that draw ambiguous chars two cells wide.
///
/// ```
/// use zhaoshang::text::width::{disambiguate, display_width};
/// assert_eq!(disambiguate("“牛鼻子”……"), "「牛鼻子」⋯⋯");
/// assert_eq!(disambiguate("通辽市"), "通辽市");
/// assert_eq!(disambiguate("‘五大产业集群’—①"), "『五大产业集群』-１");
/// ```
pub fn disambiguate(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_ambiguous) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if is_ambiguous(c) { stand_in(c) } else { c })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_of_mixed_text() {
        assert_eq!(display_width(""), 0);
        assert_eq!(display_width("合同投资额84.57亿元"), 5 * 2 + 5 + 4);
        assert_eq!(display_width("\u{3000}\u{3000}据了解"), 10);
    }

    #[test]
    fn truncate_never_splits_a_wide_char() {
        for cols in 0..12 {
            let t = truncate("谷城经济开发区", cols);
            assert!(display_width(t) <= cols);
            assert_eq!(display_width(t), cols - cols % 2);
        }
    }

    #[test]
    fn column_and_index_round_trip() {
        let s = "通辽市298亿元";
        for i in 0..=s.chars().count() {
            assert_eq!(index_at_column(s, column_of(s, i)), i);
        }
    }

    #[test]
    fn disambiguated_text_has_no_ambiguous_chars() {
        let s = "“招商引资”‘牛鼻子’……—·①□■※×°→│─┌";
        let d = disambiguate(s);
        assert!(!d.chars().any(is_ambiguous), "{d}");
        assert_eq!(d.chars().count(), s.chars().count());
    }
}
