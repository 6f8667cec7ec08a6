//! Copying to the user's clipboard over SSH with OSC 52: the text is made one safe line,
//! base64-encoded and framed as `ESC ] 52 ; c ; <base64> BEL`. The bytes are built here by
//! pure functions; the event loop writes them to the terminal.
//!
//! Inside tmux the plain sequence is sent and tmux's `set-clipboard` option does the rest
//! (`set -g set-clipboard on`: tmux keeps the text as a paste buffer and forwards it to the
//! outer terminal). DCS passthrough was not chosen: tmux 3.3 and later drop it unless
//! `allow-passthrough` is on, which also lets any program in the pane talk to the outer
//! terminal unfiltered.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::text::sanitize::sanitize_line;

/// Makes `text` safe to put on a clipboard that may be pasted into a shell: escape
/// sequences removed, newlines and tabs turned into spaces, no control characters left,
/// runs of spaces collapsed, ends trimmed.
///
/// ```
/// use zhaoshang::tui::clipboard::clean;
/// assert_eq!(clean("通辽市\n招商\u{1b}]0;x\u{7}引资\r\n"), "通辽市 招商引资");
/// assert_eq!(clean("rm -rf /\u{8}\u{8}"), "rm -rf /␈␈");
/// ```
pub fn clean(text: &str) -> String {
    let line = sanitize_line(text);
    let mut out = String::with_capacity(line.len());
    for c in line.chars().filter(|c| !c.is_control()) {
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    out.trim_end().to_owned()
}

/// The OSC 52 sequence that sets the system clipboard (`c`) to `text`, which should
/// already be [`clean`].
///
/// ```
/// use zhaoshang::tui::clipboard::osc52;
/// assert_eq!(osc52("hi"), b"\x1b]52;c;aGk=\x07");
/// ```
pub fn osc52(text: &str) -> Vec<u8> {
    let mut out = b"\x1b]52;c;".to_vec();
    out.extend_from_slice(STANDARD.encode(text).as_bytes());
    out.push(0x07);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_bytes_for_chinese_text() {
        // 通辽 is E9 80 9A E8 BE BD in UTF-8.
        assert_eq!(osc52("通辽"), b"\x1b]52;c;6YCa6L69\x07".to_vec());
        assert_eq!(osc52(""), b"\x1b]52;c;\x07".to_vec());
        assert_eq!(
            osc52("到位资金 298/259亿元 115%"),
            [
                b"\x1b]52;c;".as_slice(),
                STANDARD.encode("到位资金 298/259亿元 115%").as_bytes(),
                b"\x07"
            ]
            .concat()
        );
    }

    #[test]
    fn osc52_of_cleaned_text_has_exactly_one_esc_and_one_bel() {
        let hostile = "通辽\u{1b}]52;c;cHduZWQ=\u{7}\u{9d}x\u{9c}\u{7f}\u{202e}市";
        let cleaned = clean(hostile);
        assert!(cleaned.chars().all(|c| !c.is_control()), "{cleaned:?}");
        let bytes = osc52(&cleaned);
        assert_eq!(bytes.split(|&b| b == 0x1b).count(), 2);
        assert_eq!(bytes.split(|&b| b == 0x07).count(), 2);
        assert_eq!(bytes.last(), Some(&0x07));
    }

    #[test]
    fn clean_collapses_whitespace_and_keeps_full_width_text() {
        assert_eq!(clean("  甲\t\t乙  "), "甲 乙");
        assert_eq!(clean("　全角空格，标点。"), "　全角空格，标点。");
        assert_eq!(clean("\n\n"), "");
    }
}
