//! Bytes to text: UTF-8 (with or without BOM), GB18030/GBK and Big5, detected in that order.
//!
//! Detection is by strict decoding: a file is taken in the first encoding that decodes it
//! without a single error, and the Chinese legacy encodings are told apart by how much of
//! the result is common CJK text. A file that no encoding decodes cleanly is an error that
//! names the file; nothing is guessed silently.

use encoding_rs::{BIG5, Encoding, GB18030};
use thiserror::Error;

/// Why a file could not be turned into text.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum DecodeError {
    /// The file has no bytes, or only whitespace.
    #[error("empty file")]
    Empty,
    /// The file is binary, not an article: more than one byte in 200 is NUL.
    #[error("binary file (NUL byte at offset {0})")]
    Binary(usize),
    /// No supported encoding decodes the file without errors.
    #[error("not valid UTF-8, GB18030 or Big5 text (first invalid byte at offset {0})")]
    Undecodable(usize),
}

/// Text decoded from a file, with the encoding it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, with the BOM removed and line endings normalised to `\n`.
    pub text: String,
    /// `UTF-8`, `GB18030` or `Big5`.
    pub encoding: &'static str,
}

/// Decodes article bytes, detecting the encoding.
///
/// ```
/// use zhaoshang::corpus::decode::decode;
/// assert_eq!(decode("招商".as_bytes()).unwrap().encoding, "UTF-8");
/// let (gbk, _, _) = encoding_rs::GBK.encode("招商引资");
/// assert_eq!(decode(&gbk).unwrap().text, "招商引资");
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    check_binary(bytes)?;
    decode_checked(bytes)
}

/// [`decode`] taking the bytes, so that UTF-8 text (the usual case) becomes the decoded
/// text without a copy.
///
/// ```
/// use zhaoshang::corpus::decode::decode_owned;
/// assert_eq!(decode_owned(b"\xEF\xBB\xBF\xE6\x8B\x9B\r\n".to_vec()).unwrap().text, "招\n");
/// ```
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    check_binary(&bytes)?;
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) if text.trim().is_empty() => Err(DecodeError::Empty),
        Ok(text) if !text.contains('\r') => Ok(Decoded {
            text,
            encoding: "UTF-8",
        }),
        Ok(text) => decode_checked(text.as_bytes()),
        Err(e) => decode_checked(e.as_bytes()),
    }
}

/// Refuses binary data, judged by the proportion of NUL bytes as `file` judges: a stray NUL
/// in an article is damage the cleaner removes (and records), many of them mean the file is
/// not text.
fn check_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let nuls = body.split(|&b| b == 0).count() - 1;
    if nuls > 0
        && nuls * 200 > body.len().max(1)
        && let Some(pos) = body.iter().position(|&b| b == 0)
    {
        return Err(DecodeError::Binary(pos + bytes.len() - body.len()));
    }
    Ok(())
}

/// Decodes bytes that are not binary.
fn decode_checked(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(body) {
        if text.trim().is_empty() {
            return Err(DecodeError::Empty);
        }
        return Ok(Decoded {
            text: normalise_newlines(text),
            encoding: "UTF-8",
        });
    }
    let utf8_error = std::str::from_utf8(body)
        .err()
        .map_or(0, |e| e.valid_up_to());
    let gb = strict(GB18030, body);
    let big5 = strict(BIG5, body);
    let pick = match (gb, big5) {
        (Some(g), Some(b)) => {
            if common_cjk_share(&b) > common_cjk_share(&g) {
                Some((b, "Big5"))
            } else {
                Some((g, "GB18030"))
            }
        }
        (Some(g), None) => Some((g, "GB18030")),
        (None, Some(b)) => Some((b, "Big5")),
        (None, None) => None,
    };
    match pick {
        Some((text, _)) if text.trim().is_empty() => Err(DecodeError::Empty),
        Some((text, encoding)) => Ok(Decoded {
            text: normalise_newlines(&text),
            encoding,
        }),
        None => Err(DecodeError::Undecodable(utf8_error)),
    }
}

fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Option<String> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(std::borrow::Cow::into_owned)
}

/// Share of chars that are frequent CJK text characters (common ideographs and CJK
/// punctuation): a wrong legacy decoding produces rare ideographs and symbols instead.
fn common_cjk_share(text: &str) -> f64 {
    let mut total = 0usize;
    let mut common = 0usize;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        total += 1;
        if ('\u{4E00}'..='\u{9FA5}').contains(&c) && COMMON.contains(c)
            || ('\u{3000}'..='\u{303F}').contains(&c)
            || ('\u{FF00}'..='\u{FF65}').contains(&c)
        {
            common += 1;
        }
    }
    if total == 0 {
        0.0
    } else {
        common as f64 / total as f64
    }
}

/// Frequent characters of news prose in both scripts; enough to tell a right decoding
/// from a wrong one, where random ideographs seldom hit the list.
const COMMON: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严這個為來說們時國會經發開與對產於進實現總簽約項";

/// Turns CRLF and lone CR into LF.
///
/// ```
/// use zhaoshang::corpus::decode::normalise_newlines;
/// assert_eq!(normalise_newlines("甲\r\n乙\r丙"), "甲\n乙\n丙");
/// ```
pub fn normalise_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice("通辽市".as_bytes());
        let d = decode(&bytes).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("通辽市", "UTF-8"));
    }

    #[test]
    fn gb18030_file() {
        let (bytes, _, _) = GB18030.encode("招商引资合同投资额84.57亿元，占目标任务114%。");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, "招商引资合同投资额84.57亿元，占目标任务114%。");
    }

    #[test]
    fn big5_file() {
        let (bytes, _, _) = BIG5.encode("通遼市堅持項目為王、招商為要，全市新簽約項目568個。");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "Big5");
        assert_eq!(
            d.text,
            "通遼市堅持項目為王、招商為要，全市新簽約項目568個。"
        );
    }

    #[test]
    fn binary_and_empty_and_garbage() {
        assert_eq!(decode(b"abc\0def"), Err(DecodeError::Binary(3)));
        // One stray NUL in a page of text is damage, not a binary file.
        let mut page = "全市签约项目12个，到位资金8亿元。".repeat(20).into_bytes();
        page.insert(18, 0);
        assert!(decode(&page).is_ok_and(|d| d.text.contains('\0')));
        assert_eq!(decode(b" \n\t "), Err(DecodeError::Empty));
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert!(matches!(
            decode(b"\xFF\xFF\xFF\x80\x80"),
            Err(DecodeError::Undecodable(0))
        ));
    }

    #[test]
    fn crlf_normalised() {
        assert_eq!(decode("甲\r\n乙".as_bytes()).unwrap().text, "甲\n乙");
    }
}
