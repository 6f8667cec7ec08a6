//! Figures and units: `84.57亿元`, `19个`, `XX.X%`, found in a sentence before labelling.

#[allow(clippy::wildcard_imports)]
use super::*;

/// The end of a percent-of-plan frame, or of a growth compared with an earlier period,
/// whose figure lost its % sign (`占年度计划的78，`, `同比增长22，`).
static LOST_PERCENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:完成|占)(?:了)?(?:年度|全年|年)?(?:的)?(?:计划|任务|目标)(?:的)?$",
        r"|(?:同比|比上年|较上年|比去年|较去年)(?:同期)?(?:增长|下降)$",
    ))
    .expect("valid regex")
});

pub(super) static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<num>[0-9X]+(?:\.[0-9X]+)?)(?P<more>余|多)?(?P<mag>万亿|千万|百万|亿|万)?(?P<approx>余|多)?(?P<base>美元|美金|元人民币|人民币|元|平方公里|平方米|公里|千米|千瓦时|千瓦|吨|亩|公顷|人次|场次|场|户|人|个百分点|百分点|%|‰|倍|成|个|家|项|批次|批|次|名|支|件|条|座|宗|台|套|所|辆|栋)?",
    )
    .expect("valid regex")
});

/// Where a figure's label sits relative to it.
pub(super) const CLAUSE_DELIMITERS: &[char] = &[
    '，', ',', '、', '；', ';', '：', ':', '。', '！', '？', '!', '?',
];

/// Converts increasing byte offsets of one string into char offsets in linear total time.
#[derive(Default)]
pub(super) struct CharCounter {
    byte: usize,
    chars: usize,
}

impl CharCounter {
    pub(super) fn advance(&mut self, text: &str, byte: usize) -> usize {
        if byte >= self.byte {
            self.chars += text[self.byte..byte].chars().count();
        } else {
            self.chars = text[..byte].chars().count();
        }
        self.byte = byte;
        self.chars
    }
}

/// One figure found in a sentence, before labelling.
#[derive(Debug, Clone)]
pub(super) struct Figure {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) raw: String,
    pub(super) value: Option<f64>,
    pub(super) unit: String,
    /// `近8亿元`, `约3亿元`, `500余个`: the text qualifies the figure as approximate.
    pub(super) approximate: bool,
}

pub(super) fn figures(sentence: &[char]) -> Vec<Figure> {
    let text: String = sentence.iter().collect();
    let mut out = Vec::new();
    let mut chars_before = CharCounter::default();
    for caps in FIGURE.captures_iter(&text) {
        let (Some(whole), Some(num)) = (caps.get(0), caps.name("num")) else {
            continue;
        };
        // `10448.5万人民币`, `8800万元人民币`: yuan, whichever way the currency is named.
        let base = caps.name("base").map_or("", |m| m.as_str());
        let base = if base.ends_with("人民币") {
            "元"
        } else {
            base
        };
        let unit = format!("{}{base}", caps.name("mag").map_or("", |m| m.as_str()));
        let start = chars_before.advance(&text, whole.start());
        let mut end = start + whole.as_str().chars().count();
        let mut unit = unit;
        // `5000万项目2个`: this 项 opens 项目, it is not the figure's unit.
        if unit.ends_with('项') && sentence.get(end) == Some(&'目') {
            unit.truncate(unit.len() - '项'.len_utf8());
            end -= 1;
        }
        // `其中1亿元项目1个，5000万项目2个`: a size class of projects counted after it.
        let money =
            unit.ends_with('元') || ["万", "亿", "千万", "百万", "万亿"].contains(&unit.as_str());
        if money
            && sentence[end..].starts_with(&['项', '目'])
            && sentence[end + 2..]
                .iter()
                .find(|c| !c.is_whitespace())
                .is_some_and(char::is_ascii_digit)
        {
            continue;
        }
        if unit.is_empty() {
            // `完成年度计划92.13。`: a percent of plan whose % sign was lost.
            let head: String = sentence[start.saturating_sub(12)..start].iter().collect();
            let closes = sentence.get(end).is_none_or(|c| "。；;，,".contains(*c));
            if closes && LOST_PERCENT.is_match(&head) {
                "%".clone_into(&mut unit);
            } else {
                continue;
            }
        }
        let before = start.checked_sub(1).map(|i| sentence[i]);
        // `3〓7亿元`: the cleaner could not tell 3.7 from 37; no number is reported.
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == '/' || c == '〓') {
            continue;
        }
        let rest: String = sentence[end..].iter().take(4).collect();
        // 5000万元以上项目 is a size class, not a figure (`5亿元及以上项目` too); 1个月,
        // 1个工作日 are durations.
        let class_words = ["以上", "以下", "及以上", "及以下"]
            .iter()
            .find(|w| rest.starts_with(**w))
            .map_or(0, |w| w.chars().count());
        let threshold = class_words > 0 && unit != "%" && {
            // `达15个以上(亿元以上工业项目11个以上)`: a count reached is a figure, not a class.
            let reached = start
                .checked_sub(1)
                .is_some_and(|i| "达到超过破共有至".contains(sentence[i]));
            // `5亿元及以上的项目14个` is a class too; `…以上的` before anything else is not.
            let after = &sentence[(end + class_words).min(sentence.len())..];
            let class_of_projects = after.first() == Some(&'的')
                && [
                    ['项', '目'],
                    ['企', '业'],
                    ['工', '业'],
                    ['重', '大'],
                    ['产', '业'],
                ]
                .iter()
                .any(|w| after.get(1..3) == Some(&w[..]));
            !reached
                && after.first().is_some_and(|&c| {
                    (c != '的' || class_of_projects)
                        && !CLAUSE_DELIMITERS.contains(&c)
                        && !"（()）".contains(c)
                })
        };
        let duration = ["月", "工作日", "小时", "季度", "年", "多月"]
            .iter()
            .any(|w| rest.starts_with(w));
        if duration && unit.ends_with('个') || sentence.get(end) == Some(&'/') {
            continue;
        }
        if threshold {
            // 10亿元、30亿元、50亿元以上: the whole list is one size class.
            let mut head = start;
            while let Some(last) = out.last() {
                let last: &Figure = last;
                if last.end + 1 == head && sentence[last.end] == '、' && last.unit == unit {
                    head = last.start;
                    out.pop();
                    continue;
                }
                break;
            }
            continue;
        }
        let raw = num.as_str().to_owned();
        let mut value = if raw.contains('X') {
            None
        } else {
            raw.parse::<f64>().ok()
        };
        // 完成省下达任务的9成: tenths.
        if unit == "成" {
            value = value.map(|v| v * 10.0);
            "%".clone_into(&mut unit);
        }
        let lead: String = sentence[start.saturating_sub(2)..start].iter().collect();
        let approximate = caps.name("approx").is_some()
            || caps.name("more").is_some()
            || ["近", "约", "逾", "超", "余", "多"]
                .iter()
                .any(|w| lead.ends_with(w))
            || lead.ends_with("大约");
        out.push(Figure {
            start,
            end,
            raw,
            value,
            unit,
            approximate,
        });
    }
    out
}
