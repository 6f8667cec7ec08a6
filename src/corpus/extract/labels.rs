//! Labels: the clause around a figure reduced to the measure it names, and keys for
//! matching one measure across sentences.

#[allow(clippy::wildcard_imports)]
use super::*;

pub(super) static TIME_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{4}年)?(?:\d{1,2}(?:-|--|—|——|至|~)\d{1,2}月份?)?(?:(?:前|第)?[一二三四1-4]季度|上半年|下半年)?(?:以来)?")
        .expect("valid regex")
});

pub(super) const LEADING_FILLERS: [&str; 32] = [
    "其中", "全市", "全区", "全县", "全旗", "全省", "全镇", "该区", "该市", "该县", "我区", "我市",
    "我县", "全年", "今年", "去年", "当年", "同时", "此外", "另外", "累计", "共计", "合计", "总计",
    // `15个以上（亿元以上工业项目11个`: the end of the figure before.
    "以上", "以下", "共", "把", "对", "与", "和", "在",
];
pub(super) const TRAILING_FILLERS: [&str; 25] = [
    "实现",
    "完成",
    "发展到",
    "达到",
    "增至",
    "提高到",
    "上升至",
    "突破",
    "超过",
    "分别",
    "总计",
    "累计",
    "合计",
    "共计",
    "达",
    "为",
    "是",
    "约",
    "近",
    "超",
    "共",
    "计",
    "有",
    "了",
    "至",
];
pub(super) const LABEL_VERBS: [&str; 6] = ["实现", "完成", "引进", "招引", "达成", "新增"];
pub(super) const CREATION_VERBS: [&str; 12] = [
    "组建", "设立", "成立", "新建", "打造", "建成", "发起", "签约", "引进", "招引", "培育", "签订",
];
pub(super) const AFTER_STOPS: [&str; 8] = [
    "落户", "落地", "入驻", "开工", "签约", "投产", "建成", "实施",
];

pub(super) fn strip_fillers(label: &str) -> String {
    let mut s = label
        .trim_matches(|c: char| c.is_whitespace() || c == '—' || c == '-')
        .to_owned();
    loop {
        let before = s.clone();
        s = TIME_PREFIX.replace(&s, "").into_owned();
        for w in LEADING_FILLERS {
            if s.starts_with(w) {
                s.drain(..w.len());
            }
        }
        for w in TRAILING_FILLERS {
            if s.ends_with(w) {
                s.truncate(s.len() - w.len());
            }
        }
        if s == before {
            return s;
        }
    }
}

/// Drops the planning words that make a figure a target from its label:
/// `全年目标任务是签约项目` → `签约项目`, `永康市将确保全年实际利用外资` → `全年实际利用外资`.
pub(super) fn strip_target_words(label: &str) -> String {
    let mut cut = 0;
    for marker in [
        "力争",
        "确保",
        "争取",
        "计划",
        "目标任务是",
        "目标任务为",
        "目标是",
        "目标为",
        "任务是",
        "预计",
    ] {
        if let Some(i) = label.rfind(marker) {
            let end = i + marker.len();
            if label[end..].chars().count() >= 2 {
                cut = cut.max(end);
            }
        }
    }
    label[cut..].to_owned()
}

/// Cuts a label after its last reporting verb when enough is left: `实现到位资金` → `到位资金`.
pub(super) fn after_last_verb(label: &str) -> String {
    let mut best: Option<usize> = None;
    for verb in LABEL_VERBS {
        if let Some(i) = label.rfind(verb) {
            let rest = &label[i + verb.len()..];
            if rest.chars().count() >= 3 && best.is_none_or(|b| i + verb.len() > b) {
                best = Some(i + verb.len());
            }
        }
    }
    best.map_or_else(|| label.to_owned(), |i| label[i..].to_owned())
}

pub(super) fn truncate_chars(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

/// Label text after a figure: from `的` or the figure's end to the clause end, cut before a
/// verb that starts a new predicate.
pub(super) fn label_after(after: &str) -> String {
    let after = after.trim_start_matches('的');
    let mut cut = after.len();
    for stop in AFTER_STOPS {
        if let Some(i) = after.find(stop)
            && i > 0
        {
            cut = cut.min(i);
        }
    }
    truncate_chars(after[..cut].trim(), 24)
}

/// Normalises a label for matching measures: planning and reporting verbs dropped.
///
/// ```
/// use zhaoshang::corpus::extract::match_key;
/// assert_eq!(match_key("力争引进亿元以上项目"), "亿元以上项目");
/// ```
pub fn match_key(label: &str) -> String {
    let mut key = label.to_owned();
    for w in [
        "力争",
        "确保",
        "争取",
        "计划",
        "全年",
        "年度",
        "新引进",
        "引进",
        "招引",
        "完成",
        "实现",
        "利用",
    ] {
        key = key.replace(w, "");
    }
    key
}

pub(super) fn labels_match(a: &str, b: &str) -> bool {
    keys_match(&match_key(a), &match_key(b))
}

/// True when two [`match_key`]s name the same measure: equal, or one ends with the other
/// (three characters at least).
///
/// ```
/// use zhaoshang::corpus::extract::keys_match;
/// assert!(keys_match("招商引资到位资金", "到位资金"));
/// assert!(!keys_match("5000万元以上项目", "亿元以上项目"));
/// assert!(!keys_match("50亿元以上项目", "亿元以上项目"));
/// ```
pub fn keys_match(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let n = short.chars().count();
    // 50亿元以上项目 is another size class than 亿元以上项目.
    let size_class = |rest: &str| {
        rest.chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit() || "X.十百千万亿".contains(c))
    };
    n >= 2
        && (short == long
            || (n >= 3
                && long
                    .strip_suffix(short)
                    .is_some_and(|rest| !size_class(rest))))
}

/// Function words that never start a label.
const LEADING_WORDS: [&str; 13] = [
    "的", "了", "和", "与", "及", "在", "是", "为", "对", "把", "将", "等", "由",
];
/// Function words that never end a label.
const TRAILING_WORDS: [&str; 8] = ["的", "了", "和", "与", "及", "等", "为", "是"];

/// Trims a label to the measure it names: no punctuation, bracket or stray quote at either
/// end, no function word first or last.
///
/// ```
/// use zhaoshang::corpus::extract::tidy_label;
/// assert_eq!(tidy_label("省政府下达考核目标任务的("), "省政府下达考核目标任务");
/// assert_eq!(tidy_label("（其中新签约履约项目"), "其中新签约履约项目");
/// assert_eq!(tidy_label(")的"), "");
/// assert_eq!(tidy_label("“省十强”产业内资到位"), "“省十强”产业内资到位");
/// assert_eq!(tidy_label("■ 全省省际合作合同项目"), "全省省际合作合同项目");
/// ```
pub fn tidy_label(label: &str) -> String {
    let balanced = |s: &str| s.matches('“').count() == s.matches('”').count();
    let mut s = label.to_owned();
    loop {
        let mut t: &str = &s;
        let keep = |c: char| c.is_alphanumeric() || (c == '“' && balanced(&s));
        t = t.trim_matches(|c: char| !keep(c));
        for w in LEADING_WORDS {
            t = t.strip_prefix(w).unwrap_or(t);
        }
        for w in TRAILING_WORDS {
            t = t.strip_suffix(w).unwrap_or(t);
        }
        let next = if balanced(t) {
            t.to_owned()
        } else {
            t.replace(['“', '”'], "")
        };
        if next == s {
            return s;
        }
        s = next;
    }
}
