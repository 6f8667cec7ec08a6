//! The main subject region of an article.

#[allow(clippy::wildcard_imports)]
use super::*;

/// How much of an article the region finder reads.
pub(super) const REGION_SCAN_BYTES: usize = 64 * 1024;

pub(super) const REGION_SUFFIXES: [&str; 24] = [
    "高新技术产业开发区",
    "经济技术开发区",
    "高新技术开发区",
    "特别行政区",
    "经济开发区",
    "工业园区",
    "产业园区",
    "自治区",
    "自治州",
    "自治县",
    "开发区",
    "高新区",
    "经开区",
    "新区",
    "街道",
    "省",
    "市",
    "县",
    "区",
    "旗",
    "盟",
    "州",
    "镇",
    "乡",
];
/// Words that end like a place but are not one.
pub(super) const NOT_PLACES: [&str; 48] = [
    "上市",
    "城市",
    "超市",
    "股市",
    "门市",
    "夜市",
    "集市",
    "都市",
    "园区",
    "社区",
    "城区",
    "辖区",
    "景区",
    "片区",
    "小区",
    "厂区",
    "山区",
    "地区",
    "市区",
    "县区",
    "湾区",
    "特区",
    "街区",
    "矿区",
    "林区",
    "示范区",
    "集聚区",
    "核心区",
    "保税区",
    "自贸区",
    "试验区",
    "先行区",
    "合作区",
    "承接区",
    "功能区",
    "集中区",
    "产业区",
    "工业区",
    "商业区",
    "红旗",
    "国旗",
    "城镇",
    "乡镇",
    "城乡",
    "家乡",
    "老乡",
    "联盟",
    "加盟",
];
pub(super) const NAME_STOPS: &str =
    "的了和与及在是为对把将等个全该我本各从向到于由被让使其此这那每两几多省市县区";
pub(super) const BOUNDARY_WORDS: [&str; 14] = [
    "落地", "落户", "入驻", "进入", "位于", "地处", "来到", "走进", "赴", "在", "于", "到", "至",
    "与",
];

/// Region candidates ending at `end` (byte index of the suffix start) in `text`.
pub(super) fn region_candidates(
    text: &str,
    suffix_start: usize,
    suffix: &str,
) -> Vec<(String, bool)> {
    let head: Vec<(usize, char)> = text[..suffix_start].char_indices().rev().take(7).collect();
    let mut out = Vec::new();
    // 全市, 该区, 我县: a determiner before the suffix means no name.
    if head
        .first()
        .is_some_and(|(_, c)| "全该我本各两此".contains(*c))
    {
        return out;
    }
    for len in 2..=6usize {
        if head.len() < len {
            break;
        }
        let window = &head[..len];
        if !window.iter().all(|(_, c)| is_han(*c)) {
            break;
        }
        let (start, first) = window[len - 1];
        if NAME_STOPS.contains(first) {
            break;
        }
        let name = &text[start..suffix_start];
        let candidate = format!("{name}{suffix}");
        let tail: String = candidate
            .chars()
            .rev()
            .take(3)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let tail2: String = candidate
            .chars()
            .rev()
            .take(2)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if NOT_PLACES.iter().any(|w| {
            *w == tail
                || *w == tail2
                || candidate.ends_with(w) && w.chars().count() >= 3 && candidate == *w
        }) {
            break;
        }
        let prefix = &text[..start];
        let boundary = prefix.chars().next_back().is_none_or(|c| !is_han(c))
            || BOUNDARY_WORDS.iter().any(|w| prefix.ends_with(w));
        out.push((candidate, boundary));
    }
    out
}

/// The main subject region: the place name, with an administrative or development-zone
/// suffix, that the text names most (a title mention counts extra). `None` when no place
/// is named at least twice or in the title.
pub fn region(title: &str, paragraphs: &[String]) -> Option<String> {
    let mut text = format!("{title}\n{}", paragraphs.join("\n"));
    // The subject is named early and often; a bounded prefix keeps huge inputs linear.
    if text.len() > REGION_SCAN_BYTES {
        let cut = (0..=REGION_SCAN_BYTES)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        text.truncate(cut);
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut count = |c: &str| -> usize {
        *counts
            .entry(c.to_owned())
            .or_insert_with(|| text.matches(c).count())
    };
    let mut chosen: Vec<(String, usize)> = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        if let Some(suffix) = REGION_SUFFIXES.iter().find(|s| rest.starts_with(*s)) {
            let best = region_candidates(&text, i, suffix)
                .into_iter()
                .enumerate()
                .map(|(len, (c, boundary))| (count(&c), boundary, len, c))
                .max_by_key(|(n, boundary, len, _)| (*n, *boundary, *len));
            if let Some((n, _, _, c)) = best {
                chosen.push((c, n));
            }
            i += suffix.len();
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    let first_paragraph = paragraphs.first().map_or("", String::as_str);
    chosen.sort();
    chosen.dedup();
    let score = |c: &str, n: usize| {
        let in_title = i64::from(title.contains(c)) * 3;
        let early = i64::from(first_paragraph.contains(c));
        n as i64 + in_title + early
    };
    chosen
        .into_iter()
        .filter(|(c, n)| *n >= 2 || title.contains(c.as_str()))
        .max_by_key(|(c, n)| {
            let first = text.find(c.as_str()).unwrap_or(0) as i64;
            (score(c, *n), c.chars().count() as i64, -first)
        })
        .map(|(c, _)| c)
}
