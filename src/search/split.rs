//! Sentence splitting: the unit of text the global search indexes and the reader highlights.
//!
//! A sentence ends after 。！？； (and their ASCII forms `! ? ;`) or at a newline; closing
//! quotes and brackets that follow the terminator stay with the sentence they close. Ranges
//! are counted in chars, matching [`crate::corpus::Span`].

use std::ops::Range;

/// Returns true for characters that end a sentence.
fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n')
}

/// Returns true for closing punctuation that belongs to the sentence before it.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '》' | '】' | '"' | '\''
    )
}

/// Splits `paragraph` into sentences, as char ranges; leading and trailing whitespace and
/// sentences with no visible character are left out.
///
/// ```
/// use zhaoshang::search::sentence_ranges;
/// let p = "招商引资成效明显。“项目为王！”全年签约12个";
/// assert_eq!(sentence_ranges(p), vec![0..9, 9..16, 16..23]);
/// ```
pub fn sentence_ranges(paragraph: &str) -> Vec<Range<usize>> {
    let chars: Vec<char> = paragraph.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        if is_terminator(chars[i]) {
            let mut end = i + 1;
            while end < chars.len() && is_closer(chars[end]) {
                end += 1;
            }
            push_trimmed(&chars, start..end, &mut out);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    push_trimmed(&chars, start..chars.len(), &mut out);
    out
}

/// Pushes `range` without its surrounding whitespace, unless nothing is left.
fn push_trimmed(chars: &[char], range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Range { mut start, mut end } = range;
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if start < end {
        out.push(start..end);
    }
}

#[cfg(test)]
mod tests {
    use super::sentence_ranges;

    fn split(p: &str) -> Vec<String> {
        let chars: Vec<char> = p.chars().collect();
        sentence_ranges(p)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn splits_on_every_terminator() {
        assert_eq!(
            split("甲。乙！丙？丁；戊!己?庚;辛"),
            ["甲。", "乙！", "丙？", "丁；", "戊!", "己?", "庚;", "辛"]
        );
    }

    #[test]
    fn keeps_closing_quotes_with_their_sentence() {
        assert_eq!(
            split("他说：“好。”然后走了。"),
            ["他说：“好。”", "然后走了。"]
        );
    }

    #[test]
    fn newlines_split_and_blank_pieces_vanish() {
        assert_eq!(split("  第一行\n\n　第二行。 \n"), ["第一行", "第二行。"]);
        assert!(split("").is_empty());
        assert!(split("。。").len() == 2);
    }
}
