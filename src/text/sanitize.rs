//! Terminal-safe text. Articles come from scraped pages, forums and PDFs; nothing in them may
//! reach the terminal as a control sequence. Every string drawn from article data passes
//! through one of the two functions here first.
//!
//! - [`sanitize`] is for free text (titles, messages, file names): escape sequences (CSI,
//!   OSC such as an OSC 0 title change or an OSC 52 clipboard write, DCS, SOS/PM/APC) are
//!   removed with their payload, CR and CRLF become `\n`, tabs are expanded to stops of
//!   [`TAB_STOP`] columns, and other controls become visible Control Pictures (`␀`, `␛`).
//!   Bidi overrides and isolates and other invisible format chars are removed.
//! - [`sanitize_aligned`] keeps one char per char, so char ranges such as highlight spans
//!   stay valid: every unsafe char becomes one visible placeholder instead.
//!
//! Both are idempotent and leave ordinary Chinese text untouched (borrowed, not copied).

use std::borrow::Cow;

use super::width::char_width;

/// Columns between tab stops when tabs are expanded.
pub const TAB_STOP: usize = 4;

/// The placeholder for invisible format chars (bidi controls, zero-width chars) in
/// [`sanitize_aligned`]: `␦`, which is one cell wide and not ambiguous.
pub const FORMAT_PLACEHOLDER: char = '\u{2426}';

/// True for chars that must never be written to a terminal as they are.
///
/// ```
/// use zhaoshang::text::sanitize::is_unsafe;
/// assert!(is_unsafe('\u{1b}'));
/// assert!(is_unsafe('\u{202e}'));
/// assert!(is_unsafe('\u{9b}'));
/// assert!(!is_unsafe('通'));
/// assert!(!is_unsafe('\u{3000}'));
/// ```
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_invisible_format(c)
}

/// Bidi embeddings, overrides and isolates, zero-width chars and other invisible formatting.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// A visible one-cell picture for a control char (`␛` for ESC, `␡` for DEL, `␦` otherwise).
///
/// ```
/// use zhaoshang::text::sanitize::picture;
/// assert_eq!(picture('\u{1b}'), '␛');
/// assert_eq!(picture('\u{0}'), '␀');
/// assert_eq!(picture('\u{85}'), '␦');
/// ```
pub fn picture(c: char) -> char {
    let code = u32::from(c);
    if code < 0x20 {
        char::from_u32(0x2400 + code).unwrap_or(FORMAT_PLACEHOLDER)
    } else if code == 0x7F {
        '\u{2421}'
    } else {
        FORMAT_PLACEHOLDER
    }
}

/// Makes free text terminal-safe; see the module docs for what changes.
///
/// ```
/// use zhaoshang::text::sanitize::sanitize;
/// assert_eq!(sanitize("通辽市\u{1b}]0;pwned\u{7}招商"), "通辽市招商");
/// assert_eq!(sanitize("a\u{1b}[31mred\u{1b}[0m"), "ared");
/// assert_eq!(sanitize("一\r\n二\r三"), "一\n二\n三");
/// assert_eq!(sanitize("a\tb"), "a   b");
/// assert_eq!(sanitize("\u{202e}abc"), "abc");
/// assert_eq!(sanitize("x\u{0}y"), "x␀y");
/// ```
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut column = 0usize;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                out.push('\n');
                column = 0;
            }
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
                column = 0;
            }
            '\t' => {
                let spaces = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_until_final(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if is_invisible_format(c) => {}
            c if c.is_control() => {
                out.push(picture(c));
                column += 1;
            }
            c => {
                out.push(c);
                column += char_width(c);
            }
        }
    }
    Cow::Owned(out)
}

/// [`sanitize`] for one-line fields (titles, region names, labels): newlines become spaces.
///
/// ```
/// use zhaoshang::text::sanitize::sanitize_line;
/// assert_eq!(sanitize_line("谷城\n经济开发区"), "谷城 经济开发区");
/// ```
pub fn sanitize_line(s: &str) -> Cow<'_, str> {
    match sanitize(s) {
        Cow::Borrowed(b) if !b.contains('\n') => Cow::Borrowed(b),
        other => Cow::Owned(other.replace('\n', " ")),
    }
}

/// Makes text terminal-safe one char for one char, so char ranges into it stay valid: tabs
/// and CR become spaces, controls (ESC included) become Control Pictures, invisible format
/// chars become [`FORMAT_PLACEHOLDER`]. An escape sequence stays visible as text, which is
/// what a reader wants to see in a suspicious article. `\n` is kept.
///
/// ```
/// use zhaoshang::text::sanitize::sanitize_aligned;
/// assert_eq!(sanitize_aligned("通辽\u{1b}]52;c;eA==\u{7}"), "通辽␛]52;c;eA==␇");
/// assert_eq!(sanitize_aligned("a\tb\u{202e}"), "a b␦");
/// assert_eq!(sanitize_aligned("纯文本"), "纯文本");
/// ```
pub fn sanitize_aligned(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c) && c != '\n') {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\n' => '\n',
                '\t' | '\r' => ' ',
                c if is_invisible_format(c) => FORMAT_PLACEHOLDER,
                c if c.is_control() => picture(c),
                c => c,
            })
            .collect(),
    )
}

/// Skips the rest of an escape sequence whose ESC has been consumed.
fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_until_final(chars),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_string(chars),
        // nF sequences: intermediates 0x20..=0x2F, then one final byte.
        Some(c) if ('\u{20}'..='\u{2f}').contains(&c) => {
            while let Some(&n) = chars.peek() {
                chars.next();
                if !('\u{20}'..='\u{2f}').contains(&n) {
                    break;
                }
            }
        }
        // Two-char sequences (ESC c, ESC 7, …): the second char is consumed above.
        _ => {}
    }
}

/// Skips CSI parameters and intermediates up to and including the final byte.
fn skip_until_final(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        if ('\u{20}'..='\u{3f}').contains(&c) {
            chars.next();
        } else {
            if ('\u{40}'..='\u{7e}').contains(&c) {
                chars.next();
            }
            return;
        }
    }
}

/// Skips an OSC, DCS, SOS, PM or APC payload up to BEL, ST (`ESC \`) or C1 ST.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_osc_title_and_clipboard_writes() {
        let s = "标题\u{1b}]0;evil title\u{1b}\\正文\u{1b}]52;c;cm0gLXJmIH4=\u{7}结束";
        assert_eq!(sanitize(s), "标题正文结束");
    }

    #[test]
    fn removes_dcs_and_c1_csi() {
        assert_eq!(sanitize("a\u{1b}Pq#0;2;0;0;0\u{1b}\\b"), "ab");
        assert_eq!(sanitize("a\u{9b}2Jb"), "ab");
        assert_eq!(sanitize("a\u{1b}cb"), "ab");
        assert_eq!(sanitize("a\u{1b}(Bb"), "ab");
    }

    #[test]
    fn unterminated_sequences_eat_the_rest_without_panicking() {
        assert_eq!(sanitize("a\u{1b}]0;never ends"), "a");
        assert_eq!(sanitize("a\u{1b}"), "a");
        assert_eq!(sanitize("a\u{1b}["), "a");
    }

    #[test]
    fn tabs_expand_by_display_column() {
        assert_eq!(sanitize("通\tx"), "通  x");
        assert_eq!(sanitize("\t"), "    ");
    }

    #[test]
    fn outputs_are_safe_and_idempotent() {
        let nasty = "\u{1b}[2J\u{7}\u{8}\u{202a}\u{2066}\u{200b}\u{feff}\u{85}\u{7f}\r\n\t“通辽”";
        for out in [
            sanitize(nasty),
            sanitize_aligned(nasty),
            sanitize_line(nasty),
        ] {
            assert!(!out.chars().any(|c| is_unsafe(c) && c != '\n'), "{out:?}");
        }
        let once = sanitize(nasty).into_owned();
        assert_eq!(sanitize(&once), once);
        let aligned = sanitize_aligned(nasty).into_owned();
        assert_eq!(aligned.chars().count(), nasty.chars().count());
        assert_eq!(sanitize_aligned(&aligned), aligned);
    }

    proptest::proptest! {
        #[test]
        fn any_input_comes_out_safe_and_stable(s in "\\PC{0,40}|[\u{0}-\u{9f}\u{202a}-\u{202e}\u{2066}-\u{2069}通辽]{0,40}") {
            let once = sanitize(&s).into_owned();
            proptest::prop_assert!(!once.chars().any(|c| is_unsafe(c) && c != '\n'));
            proptest::prop_assert_eq!(sanitize(&once).into_owned(), once.clone());
            let aligned = sanitize_aligned(&s).into_owned();
            proptest::prop_assert_eq!(aligned.chars().count(), s.chars().count());
            proptest::prop_assert!(!aligned.chars().any(|c| is_unsafe(c) && c != '\n'));
        }
    }

    #[test]
    fn plain_chinese_is_borrowed() {
        assert!(matches!(
            sanitize("\u{3000}\u{3000}招商引资"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(sanitize_aligned("招商引资"), Cow::Borrowed(_)));
    }
}
