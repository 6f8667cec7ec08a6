//! Clean simplified paragraphs → region, period, metrics and target-versus-actual gauges.
//!
//! The extractor reads sentence by sentence. A metric is a figure with a unit (`84.57亿元`,
//! `19个`, `XX.X%`); its label is the clause before it (or after it, for `等19个项目开工建设`
//! and `投资50亿元的骆驼集团…`), its kind comes from the words around it (`同比增长`,
//! `占目标任务`, `力争`), and its period from the nearest time expression (`2022年`,
//! `去年`, `1--5月`), resolved against the article's own dates. Gauges pair an achieved
//! figure with its target: a stated percent of target in the same sentence, or a target
//! and an achieved figure with the same label and unit anywhere in the article.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::convert::is_han;
use super::model::{Gauge, Metric, MetricKind, Span};
use super::units;

/// What extraction found in one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    /// The main subject region, if the text names one.
    pub region: Option<String>,
    /// The period the article reports on.
    pub period: Option<String>,
    /// Every figure with a unit.
    pub metrics: Vec<Metric>,
    /// Target-versus-actual pairs.
    pub gauges: Vec<Gauge>,
}

static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<num>[0-9X]+(?:\.[0-9X]+)?)(?P<mag>万亿|千万|百万|亿|万)?(?P<approx>余|多)?(?P<base>美元|元|平方公里|平方米|公里|千米|千瓦时|千瓦|吨|亩|公顷|人次|户|人|个百分点|百分点|%|‰|倍|个|家|项|批次|批|次|名|支|件|条|座|宗|台|套|所|辆|栋)?",
    )
    .expect("valid regex")
});
static GROWTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:同比|比上年|较上年|比去年同期|较去年同期|比去年|较去年|环比)?(?P<verb>增长|增加|提高|上升|提升|增幅为|增幅|下降|减少|降低|回落|下滑)(?:了)?(?:达|为|约|近)?$")
        .expect("valid regex")
});
static PROGRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:全年|年度|年初|今年|本年度|全年度)?(?:的)?(?:目标任务|目标|任务|计划)(?:数)?(?:的)?|完成率(?:为|达)?)$")
        .expect("valid regex")
});
static PROGRESS_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:占|完成|为|达到|达|是)(?:了)?(?:全年|年度)?(?:的)?(?:目标任务|目标|任务|计划)")
        .expect("valid regex")
});
static TARGET_REF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(目标任务|目标|任务|计划)(数)?$").expect("valid regex"));
static TARGET_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"力争|确保|争取|计划|目标是|目标为|预期|拟|全年目标|年度目标|目标任务")
        .expect("valid regex")
});
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:(?P<ry>\d{4})年)?(?P<m1>\d{1,2}|X{1,2})\s*(?:-|--|—|——|－|–|~|～|至|到)\s*(?P<m2>\d{1,2}|X{1,2})月",
        r"|(?:到|截至|截止到|截止|至)(?:(?P<ty>\d{4})年)?(?P<tm>\d{1,2})月(?:底|末|份|\d{1,2}日)?",
        r"|(?P<y>\d{4})年",
        r"|(?P<hrel>今年|去年|本年)?(?P<half>上半年|前三季度|一季度|第一季度)",
        r"|(?P<rel>去年|今年|本年度|本年|明年|新的一年|新一年|上年)",
    ))
    .expect("valid regex")
});

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})年(以来)?").expect("valid regex"));
static TIME_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{4}年)?(?:\d{1,2}(?:-|--|—|——|至|~)\d{1,2}月份?)?(?:以来)?")
        .expect("valid regex")
});

/// Where a figure's label sits relative to it.
const CLAUSE_DELIMITERS: &[char] = &[
    '，', ',', '、', '；', ';', '：', ':', '。', '！', '？', '!', '?',
];

/// Splits a paragraph into sentences, as char ranges that include the closing mark.
///
/// ```
/// use zhaoshang::corpus::extract::sentences;
/// assert_eq!(sentences("甲。乙！丙"), [(0, 2), (2, 4), (4, 5)]);
/// ```
pub fn sentences(paragraph: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = paragraph.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        if matches!(chars[i], '。' | '！' | '？' | '!' | '?' | '；' | ';') {
            let mut end = i + 1;
            while end < chars.len() && matches!(chars[end], '”' | '’' | '」' | '』' | '）' | ')')
            {
                end += 1;
            }
            out.push((start, end));
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    if start < chars.len() && chars[start..].iter().any(|c| !c.is_whitespace()) {
        out.push((start, chars.len()));
    }
    out
}

/// Converts increasing byte offsets of one string into char offsets in linear total time.
#[derive(Default)]
struct CharCounter {
    byte: usize,
    chars: usize,
}

impl CharCounter {
    fn advance(&mut self, text: &str, byte: usize) -> usize {
        if byte >= self.byte {
            self.chars += text[self.byte..byte].chars().count();
        } else {
            self.chars = text[..byte].chars().count();
        }
        self.byte = byte;
        self.chars
    }
}

/// A period as the corpus writes it.
fn year_period(year: i32) -> String {
    format!("{year:04}")
}

fn month_range(year: i32, from: u32, to: u32) -> Option<String> {
    ((1..=12).contains(&from) && (from..=12).contains(&to))
        .then(|| format!("{year:04}-{from:02}..{year:04}-{to:02}"))
}

/// The year a period string starts in.
fn period_year(period: &str) -> Option<i32> {
    period.get(..4)?.parse().ok()
}

/// The year the writer stands in: the publication year, else the newest year the text
/// speaks of, plus one when that year is only spoken of as the past (`2021年以来` in a text
/// that also says `去年`).
pub fn reference_year(paragraphs: &[String], published: Option<&str>) -> Option<i32> {
    if let Some(year) = published.and_then(period_year) {
        return Some(year);
    }
    let mut newest: Option<(i32, bool)> = None;
    let mut relative = false;
    for paragraph in paragraphs {
        relative |= paragraph.contains("去年") || paragraph.contains("新的一年");
        let chars: Vec<char> = paragraph.chars().collect();
        for (s, e) in sentences(paragraph) {
            let sentence: String = chars[s..e].iter().collect();
            let sentence = strip_titles(&sentence);
            let future = ["将", "力争", "计划", "确保", "目标"]
                .iter()
                .any(|w| sentence.contains(w));
            for caps in YEAR.captures_iter(&sentence) {
                let Some(year) = caps.get(1).and_then(|m| m.as_str().parse::<i32>().ok()) else {
                    continue;
                };
                if !(1990..=2100).contains(&year) {
                    continue;
                }
                let past = caps.get(2).is_some() || !future;
                newest = match newest {
                    Some((y, p)) if y > year => Some((y, p)),
                    Some((y, p)) if y == year => Some((y, p && past)),
                    _ => Some((year, past)),
                };
            }
        }
    }
    newest.map(|(year, past)| if past && relative { year + 1 } else { year })
}

/// Blanks out book titles (`《…》`) so that years and plan words inside document names are
/// not read as the sentence's own.
fn strip_titles(sentence: &str) -> String {
    let mut depth = 0usize;
    sentence
        .chars()
        .map(|c| match c {
            '《' => {
                depth += 1;
                '　'
            }
            '》' => {
                depth = depth.saturating_sub(1);
                '　'
            }
            _ if depth > 0 => '　',
            _ => c,
        })
        .collect()
}

/// Time expressions in a sentence: (char position, resolved period or `None` when redacted).
fn time_expressions(sentence: &str, reference: Option<i32>) -> Vec<(usize, Option<String>)> {
    let text = strip_titles(sentence);
    let mut out = Vec::new();
    let mut chars_before = CharCounter::default();
    for caps in TIME.captures_iter(&text) {
        let Some(whole) = caps.get(0) else { continue };
        let pos = chars_before.advance(&text, whole.start());
        let int = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
        let period = if let (Some(m1), Some(m2)) = (caps.name("m1"), caps.name("m2")) {
            let year = int("ry").or(reference);
            match (m1.as_str().parse::<u32>(), m2.as_str().parse::<u32>(), year) {
                (Ok(a), Ok(b), Some(y)) => month_range(y, a, b),
                _ => None,
            }
        } else if let Some(month) = caps.name("tm").and_then(|m| m.as_str().parse::<u32>().ok()) {
            int("ty")
                .or(reference)
                .and_then(|y| month_range(y, 1, month))
        } else if let Some(y) = int("y") {
            (1990..=2100).contains(&y).then(|| year_period(y))
        } else if let Some(rel) = caps.name("rel") {
            let offset = match rel.as_str() {
                "去年" | "上年" => -1,
                "明年" => 1,
                _ => 0,
            };
            reference.map(|y| year_period(y + offset))
        } else if let Some(half) = caps.name("half") {
            let to = match half.as_str() {
                "上半年" => 6,
                "前三季度" => 9,
                _ => 3,
            };
            let offset = i32::from(caps.name("hrel").is_some_and(|r| r.as_str() == "去年"));
            reference.and_then(|y| month_range(y - offset, 1, to))
        } else {
            None
        };
        out.push((pos, period));
    }
    out
}

/// The period an article reports on: its first year, month range or year-to-date, and
/// never a single day.
pub fn article_period(paragraphs: &[String], reference: Option<i32>) -> Option<String> {
    for paragraph in paragraphs {
        let chars: Vec<char> = paragraph.chars().collect();
        for (s, e) in sentences(paragraph) {
            let sentence: String = chars[s..e].iter().collect();
            if let Some((_, period)) = time_expressions(&sentence, reference).into_iter().next() {
                return period;
            }
        }
    }
    None
}

/// One figure found in a sentence, before labelling.
#[derive(Debug, Clone)]
struct Figure {
    start: usize,
    end: usize,
    raw: String,
    value: Option<f64>,
    unit: String,
}

fn figures(sentence: &[char]) -> Vec<Figure> {
    let text: String = sentence.iter().collect();
    let mut out = Vec::new();
    let mut chars_before = CharCounter::default();
    for caps in FIGURE.captures_iter(&text) {
        let (Some(whole), Some(num)) = (caps.get(0), caps.name("num")) else {
            continue;
        };
        let unit = format!(
            "{}{}",
            caps.name("mag").map_or("", |m| m.as_str()),
            caps.name("base").map_or("", |m| m.as_str())
        );
        if unit.is_empty() {
            continue;
        }
        let start = chars_before.advance(&text, whole.start());
        let end = start + whole.as_str().chars().count();
        let before = start.checked_sub(1).map(|i| sentence[i]);
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == '/') {
            continue;
        }
        let rest: String = sentence[end..].iter().take(4).collect();
        // 5000万元以上项目 is a size class, not a figure; 1个月, 1个工作日 are durations.
        let threshold = (rest.starts_with("以上") || rest.starts_with("以下"))
            && unit != "%"
            && sentence
                .get(end + 2)
                .is_some_and(|&c| c != '的' && !CLAUSE_DELIMITERS.contains(&c));
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
        let value = if raw.contains('X') {
            None
        } else {
            raw.parse::<f64>().ok()
        };
        out.push(Figure {
            start,
            end,
            raw,
            value,
            unit,
        });
    }
    out
}

const LEADING_FILLERS: [&str; 30] = [
    "其中", "全市", "全区", "全县", "全旗", "全省", "全镇", "该区", "该市", "该县", "我区", "我市",
    "我县", "全年", "今年", "去年", "当年", "同时", "此外", "另外", "累计", "共计", "合计", "总计",
    "共", "把", "对", "与", "和", "在",
];
const TRAILING_FILLERS: [&str; 25] = [
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
const LABEL_VERBS: [&str; 6] = ["实现", "完成", "引进", "招引", "达成", "新增"];
const CREATION_VERBS: [&str; 12] = [
    "组建", "设立", "成立", "新建", "打造", "建成", "发起", "签约", "引进", "招引", "培育", "签订",
];
const AFTER_STOPS: [&str; 8] = [
    "落户", "落地", "入驻", "开工", "签约", "投产", "建成", "实施",
];

fn strip_fillers(label: &str) -> String {
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
fn strip_target_words(label: &str) -> String {
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
fn after_last_verb(label: &str) -> String {
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

fn truncate_chars(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

/// Label text after a figure: from `的` or the figure's end to the clause end, cut before a
/// verb that starts a new predicate.
fn label_after(after: &str) -> String {
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

/// Where a sentence's planning words first occur (char positions), found once per
/// sentence; book titles and progress phrases (`占目标任务`) do not count.
struct Markers {
    target: Option<usize>,
    forecast: Option<usize>,
    whole_year: Option<usize>,
}

static FORECAST: LazyLock<Regex> = LazyLock::new(|| Regex::new("预计").expect("valid regex"));
static WHOLE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("全年|年度").expect("valid regex"));

impl Markers {
    fn find(sentence: &str) -> Self {
        let masked = strip_titles(sentence);
        let masked = PROGRESS_PHRASE.replace_all(&masked, |c: &regex::Captures<'_>| {
            "　".repeat(c.get(0).map_or(0, |m| m.as_str().chars().count()))
        });
        let first = |re: &Regex| {
            re.find(&masked)
                .map(|m| masked[..m.start()].chars().count())
        };
        Self {
            target: first(&TARGET_MARKER),
            forecast: first(&FORECAST),
            whole_year: first(&WHOLE_YEAR),
        }
    }
}

/// Scans one sentence for metrics. `previous` is the label context for growth figures.
fn sentence_metrics(
    sentence: &[char],
    paragraph: usize,
    offset: usize,
    period_at: &dyn Fn(usize) -> Option<String>,
) -> Vec<Metric> {
    let found = figures(sentence);
    let text_of = |a: usize, b: usize| -> String { sentence[a..b].iter().collect() };
    let markers = Markers::find(&text_of(0, sentence.len()));
    let mut metrics: Vec<Metric> = Vec::new();
    let mut consumed_until = 0;
    for (k, fig) in found.iter().enumerate() {
        if fig.start < consumed_until {
            continue; // a figure inside another's attributive label: 投资30亿元的年产80万吨电池箔项目
        }
        let prev_end = k.checked_sub(1).map_or(0, |p| found[p].end);
        let clause_start = (prev_end..fig.start)
            .rev()
            .find(|&i| CLAUSE_DELIMITERS.contains(&sentence[i]))
            .map_or(prev_end, |i| i + 1);
        let next_start = found.get(k + 1).map_or(sentence.len(), |f| f.start);
        let clause_end = (fig.end..next_start)
            .find(|&i| CLAUSE_DELIMITERS.contains(&sentence[i]))
            .unwrap_or(next_start);
        let raw_before = text_of(clause_start, fig.start);
        let after = text_of(fig.end, clause_end);
        let same_clause_prev = k > 0 && clause_start == prev_end && prev_end > 0;
        let targeted = markers.target.is_some_and(|at| at < fig.start);
        let forecast = markers.forecast.is_some_and(|at| at < fig.start);
        let whole_year = markers.whole_year.is_some_and(|at| at < fig.start);

        let mut kind;
        let mut value = fig.value;
        let mut label;
        if let Some(caps) = GROWTH.captures(&raw_before) {
            let negative = caps
                .name("verb")
                .is_some_and(|v| ["下降", "减少", "降低", "回落", "下滑"].contains(&v.as_str()));
            if negative {
                value = value.map(|v| -v);
            }
            kind = if fig.unit.ends_with('%') || fig.unit.ends_with("百分点") {
                MetricKind::GrowthPct
            } else {
                MetricKind::Change
            };
            let stem = strip_fillers(&raw_before[..caps.get(0).map_or(0, |m| m.start())]);
            label = if stem.is_empty() {
                metrics.last().map(|m| m.label.clone()).unwrap_or_default()
            } else {
                after_last_verb(&stem)
            };
        } else if fig.unit == "%"
            && (PROGRESS.is_match(&raw_before)
                || (same_clause_prev
                    && raw_before.trim_end_matches('的').is_empty()
                    && metrics
                        .last()
                        .is_some_and(|m| TARGET_REF.is_match(&m.label))))
        {
            kind = MetricKind::ProgressPct;
            label = metrics
                .iter()
                .rev()
                .find(|m| m.unit != "%" && !TARGET_REF.is_match(&m.label))
                .map_or_else(|| strip_fillers(&raw_before), |m| m.label.clone());
        } else {
            let before = strip_fillers(&raw_before);
            kind = if fig.unit == "%" || fig.unit == "‰" {
                MetricKind::Ratio
            } else {
                MetricKind::Actual
            };
            let attributive = after.starts_with('的')
                && !TARGET_REF.is_match(&before)
                && !after
                    .trim_start_matches('的')
                    .starts_with(|c: char| c.is_ascii_digit() || c == 'X');
            label = if attributive {
                let full_end = (fig.end..sentence.len())
                    .find(|&i| CLAUSE_DELIMITERS.contains(&sentence[i]))
                    .unwrap_or(sentence.len());
                consumed_until = consumed_until.max(full_end);
                label_after(&text_of(fig.end, full_end))
            } else if before.ends_with('的') && label_after(&after).chars().count() >= 2 {
                label_after(&after)
            } else if before.is_empty() || before.ends_with('等') {
                let tail = if after.is_empty() {
                    String::new()
                } else {
                    truncate_chars(after.trim(), 24)
                };
                if tail.is_empty() {
                    metrics.last().map(|m| m.label.clone()).unwrap_or_default()
                } else {
                    tail
                }
            } else if let Some(verb) = CREATION_VERBS.iter().find(|v| before.ends_with(*v))
                && label_after(&after).chars().count() >= 2
            {
                format!("{verb}{}", label_after(&after))
            } else {
                after_last_verb(&before)
            };
            if kind == MetricKind::Actual {
                if forecast {
                    kind = MetricKind::Forecast;
                } else if targeted || TARGET_REF.is_match(&label) {
                    kind = MetricKind::Target;
                }
            }
        }
        label = strip_fillers(&strip_target_words(&label));
        let mut period = period_at(fig.start);
        // A 全年/年度 target belongs to the whole year even inside a 1-9月 report.
        if kind == MetricKind::Target && whole_year {
            period = period
                .as_deref()
                .and_then(period_year)
                .map(year_period)
                .or(period);
        }
        metrics.push(Metric {
            label,
            value,
            unit: fig.unit.clone(),
            kind,
            period,
            redacted: fig.value.is_none(),
            raw: fig.raw.clone(),
            source: Span {
                paragraph,
                start: offset,
                end: offset + sentence.len(),
            },
            ..Metric::default()
        });
    }
    metrics
}

/// Sentences longer than this are not prose (a scraped table or a broken file): they are
/// kept in the text but not scanned for figures.
pub const MAX_SENTENCE_CHARS: usize = 4000;
/// At most this many metrics are read from one article.
pub const MAX_METRICS: usize = 5000;

/// Reads every metric in the article, resolving periods sentence by sentence: a time
/// expression holds until the next one in its paragraph; a paragraph without one takes
/// the article's period.
pub fn metrics(
    paragraphs: &[String],
    skip: &[usize],
    reference: Option<i32>,
    default: Option<&str>,
) -> Vec<Metric> {
    let mut out = Vec::new();
    for (p, paragraph) in paragraphs.iter().enumerate() {
        if skip.contains(&p) {
            continue;
        }
        let chars: Vec<char> = paragraph.chars().collect();
        let mut context: Option<Option<String>> = None;
        for (s, e) in sentences(paragraph) {
            let sentence = &chars[s..e];
            let text: String = sentence.iter().collect();
            let times = time_expressions(&text, reference);
            let carried = context.clone();
            let period_at = |pos: usize| -> Option<String> {
                times
                    .iter()
                    .rev()
                    .find(|(at, _)| *at <= pos)
                    .or_else(|| times.first())
                    .map(|(_, p)| p.clone())
                    .or_else(|| carried.clone())
                    .unwrap_or_else(|| default.map(str::to_owned))
            };
            if sentence.len() > MAX_SENTENCE_CHARS || out.len() >= MAX_METRICS {
                continue;
            }
            out.extend(sentence_metrics(sentence, p, s, &period_at));
            if let Some((_, last)) = times.last() {
                context = Some(last.clone());
            }
        }
    }
    out
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

fn labels_match(a: &str, b: &str) -> bool {
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

/// Gauges from a metric list: stated percents of target, then target/actual pairs.
pub fn gauges(metrics: &[Metric]) -> Vec<Gauge> {
    let mut out = Vec::new();
    let mut used = vec![false; metrics.len()];
    for (i, m) in metrics.iter().enumerate() {
        if m.kind != MetricKind::ProgressPct {
            continue;
        }
        let same_sentence = |o: &Metric| o.source == m.source;
        let actual = (0..i).rev().find(|&j| {
            same_sentence(&metrics[j])
                && metrics[j].kind == MetricKind::Actual
                && metrics[j].value.is_some()
        });
        let target = (0..i).rev().find(|&j| {
            same_sentence(&metrics[j])
                && metrics[j].kind == MetricKind::Target
                && metrics[j].value.is_some()
        });
        let Some(a) = actual else { continue };
        let am = &metrics[a];
        used[a] = true;
        let target_value = target
            .filter(|&t| t > a && units::compatible(&metrics[t].unit, &am.unit))
            .and_then(|t| {
                units::convert(metrics[t].value.unwrap_or(0.0), &metrics[t].unit, &am.unit)
            });
        let label = gauge_label(metrics, a);
        let year = am.period.as_deref().and_then(period_year).map(year_period);
        out.push(Gauge {
            label,
            actual: am.value.unwrap_or(0.0),
            target: target_value,
            percent: m.value,
            percent_stated: m.value.is_some(),
            unit: am.unit.clone(),
            actual_period: am.period.clone(),
            target_period: year.or_else(|| am.period.clone()),
            cross_period: false,
            source: am.source,
            target_source: None,
            indicator: None,
        });
    }
    let keys: Vec<String> = metrics.iter().map(|m| match_key(&m.label)).collect();
    for (t, tm) in metrics.iter().enumerate() {
        if tm.kind != MetricKind::Target || tm.value.is_none() || TARGET_REF.is_match(&tm.label) {
            continue;
        }
        if fill_stated_target(&mut out, metrics, tm) {
            continue;
        }
        let candidates = metrics.iter().enumerate().filter(|(j, am)| {
            !used[*j]
                && am.kind == MetricKind::Actual
                && am.value.is_some()
                && units::compatible(&am.unit, &tm.unit)
                && keys_match(&keys[*j], &keys[t])
        });
        let same_period = |am: &Metric| am.period == tm.period;
        let best = candidates.max_by_key(|(j, am)| (same_period(am), am.period.clone(), *j));
        let Some((a, am)) = best else { continue };
        used[a] = true;
        let actual = am.value.unwrap_or(0.0);
        let target = units::convert(tm.value.unwrap_or(0.0), &tm.unit, &am.unit);
        let percent = target
            .filter(|t| *t > 0.0)
            .map(|t| (actual / t * 10000.0).round() / 100.0);
        let cross = am.period.as_deref().and_then(period_year)
            != tm.period.as_deref().and_then(period_year);
        out.push(Gauge {
            label: gauge_label(metrics, a),
            actual,
            target,
            percent,
            percent_stated: false,
            unit: am.unit.clone(),
            actual_period: am.period.clone(),
            target_period: tm.period.clone(),
            cross_period: cross,
            source: am.source,
            target_source: (tm.source != am.source).then_some(tm.source),
            indicator: None,
        });
    }
    out
}

/// Gives a stated-percent gauge without a target the target stated elsewhere for the same
/// measure and year, when the two agree (the stated percent is within two points of
/// actual / target). Returns true when the target was used.
fn fill_stated_target(gauges: &mut [Gauge], metrics: &[Metric], tm: &Metric) -> bool {
    let year = |p: &Option<String>| p.as_deref().and_then(period_year);
    for g in gauges
        .iter_mut()
        .filter(|g| g.target.is_none() && g.percent_stated)
    {
        let actual_label = metrics
            .iter()
            .find(|m| m.source == g.source && m.value == Some(g.actual) && m.unit == g.unit)
            .map_or(g.label.as_str(), |m| m.label.as_str());
        if !labels_match(actual_label, &tm.label) || year(&g.target_period) != year(&tm.period) {
            continue;
        }
        let Some(target) = units::convert(tm.value.unwrap_or(0.0), &tm.unit, &g.unit) else {
            continue;
        };
        let consistent = target > 0.0
            && g.percent
                .is_some_and(|p| (g.actual / target * 100.0 - p).abs() <= 2.0);
        if consistent {
            g.target = Some(target);
            g.target_source = (tm.source != g.source).then_some(tm.source);
            return true;
        }
    }
    false
}

/// A gauge's label: the actual's own, prefixed with the sentence's subject when the
/// actual's label is a bare total (`总投资` of `亿元以上在谈项目45个，总投资126.1亿元`).
fn gauge_label(metrics: &[Metric], a: usize) -> String {
    let am = &metrics[a];
    let generic = am.label.starts_with('总') || am.label.chars().count() <= 2;
    let prev = a
        .checked_sub(1)
        .map(|p| &metrics[p])
        .filter(|p| p.source == am.source && p.unit != "%");
    match prev {
        Some(p) if generic && p.label != am.label => format!("{}{}", p.label, am.label),
        _ => am.label.clone(),
    }
}

/// How much of an article the region finder reads.
const REGION_SCAN_BYTES: usize = 64 * 1024;

const REGION_SUFFIXES: [&str; 24] = [
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
const NOT_PLACES: [&str; 48] = [
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
const NAME_STOPS: &str =
    "的了和与及在是为对把将等个全该我本各从向到于由被让使其此这那每两几多省市县区";
const BOUNDARY_WORDS: [&str; 14] = [
    "落地", "落户", "入驻", "进入", "位于", "地处", "来到", "走进", "赴", "在", "于", "到", "至",
    "与",
];

/// Region candidates ending at `end` (byte index of the suffix start) in `text`.
fn region_candidates(text: &str, suffix_start: usize, suffix: &str) -> Vec<(String, bool)> {
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

/// Runs every extraction step over an article's clean paragraphs.
pub fn extract(
    title: &str,
    paragraphs: &[String],
    headings: &[usize],
    published: Option<&str>,
) -> Extracted {
    // The title often carries the year (`…2024年上半年招商引资成绩单`).
    let with_title: Vec<String> = std::iter::once(title.to_owned())
        .chain(paragraphs.iter().cloned())
        .collect();
    let reference = reference_year(&with_title, published);
    let period = article_period(paragraphs, reference)
        .or_else(|| article_period(&with_title[..1], reference));
    let region = region(title, paragraphs);
    let mut metrics = metrics(paragraphs, headings, reference, period.as_deref());
    if let Some(name) = &region {
        // 合肥高新区累计签约项目 → 签约项目: the subject is the article's, not the label's.
        for m in &mut metrics {
            if let Some(rest) = m.label.strip_prefix(name.as_str()) {
                let rest = strip_fillers(rest);
                if rest.chars().count() >= 2 {
                    m.label = rest;
                }
            }
        }
    }
    let gauges = gauges(&metrics);
    Extracted {
        region,
        period,
        metrics,
        gauges,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(sentence: &str) -> Vec<Metric> {
        metrics(&[sentence.to_owned()], &[], Some(2021), Some("2021"))
    }

    macro_rules! metric_case {
        ($name:ident, $text:expr, $label:expr, $value:expr, $unit:expr, $kind:expr) => {
            #[test]
            fn $name() {
                let found = one($text);
                let hit = found.iter().find(|m| m.value == $value && m.unit == $unit);
                let hit = hit.unwrap_or_else(|| panic!("no {:?}{} in {found:#?}", $value, $unit));
                assert!(
                    hit.label.contains($label),
                    "label {:?} lacks {:?}",
                    hit.label,
                    $label
                );
                assert_eq!(hit.kind, $kind);
            }
        };
    }

    metric_case!(
        plain_actual,
        "全区完成新签约项目28个。",
        "新签约项目",
        Some(28.0),
        "个",
        MetricKind::Actual
    );
    metric_case!(
        cut_after_verb,
        "全市招商引资项目实现到位资金298亿元。",
        "到位资金",
        Some(298.0),
        "亿元",
        MetricKind::Actual
    );
    metric_case!(
        size_class_in_label,
        "成功招引5000万元以上项目10个。",
        "5000万元以上项目",
        Some(10.0),
        "个",
        MetricKind::Actual
    );
    metric_case!(
        growth_inherits,
        "新签约项目568个、同比增长159.4%。",
        "新签约项目",
        Some(159.4),
        "%",
        MetricKind::GrowthPct
    );
    metric_case!(
        decline_negative,
        "进出口总额12亿美元，同比下降3.5%。",
        "进出口总额",
        Some(-3.5),
        "%",
        MetricKind::GrowthPct
    );
    metric_case!(
        target_marker,
        "力争引进亿元以上项目37个。",
        "亿元以上项目",
        Some(37.0),
        "个",
        MetricKind::Target
    );
    metric_case!(
        progress,
        "合同投资额84.57亿元,占目标任务114%;",
        "合同投资额",
        Some(114.0),
        "%",
        MetricKind::ProgressPct
    );
    metric_case!(
        attributive,
        "投资50亿元的骆驼集团公司新能源项目落地。",
        "骆驼集团",
        Some(50.0),
        "亿元",
        MetricKind::Actual
    );
    metric_case!(
        label_after_deng,
        "保障了中瑞、标准化厂房等19个项目开工建设。",
        "开工建设",
        Some(19.0),
        "个",
        MetricKind::Actual
    );
    metric_case!(
        creation_verb,
        "与西部资本组建5亿元区级产业投促基金。",
        "产业投促基金",
        Some(5.0),
        "亿元",
        MetricKind::Actual
    );
    metric_case!(
        ratio_not_gauge,
        "项目履约率达95%。",
        "履约率",
        Some(95.0),
        "%",
        MetricKind::Ratio
    );
    metric_case!(
        redacted,
        "进出口总额XX.X亿美元。",
        "进出口总额",
        None::<f64>,
        "亿美元",
        MetricKind::Actual
    );
    metric_case!(
        forecast,
        "预计全年GDP增长8%以上。",
        "GDP",
        Some(8.0),
        "%",
        MetricKind::GrowthPct
    );

    #[test]
    fn redacted_is_never_a_number() {
        let found =
            one("X—XX月，规上工业增加值增长XX.X%，签约项目总投资XXX亿元，申报基金债X0亿元。");
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(found.iter().all(|m| m.value.is_none() && m.redacted));
    }

    #[test]
    fn dates_and_durations_are_not_metrics() {
        assert!(one("4月21日召开会议，提前1个月完成，用时3个工作日。").is_empty());
    }

    #[test]
    fn stated_percent_gauge_with_target_value() {
        let found = one("实际利用外资218亿元，完成年度目标任务589亿元的37.22%。");
        let g = gauges(&found);
        assert_eq!(g.len(), 1, "{found:#?}");
        assert_eq!(
            (g[0].actual, g[0].target, g[0].percent),
            (218.0, Some(589.0), Some(37.22))
        );
    }

    #[test]
    fn percent_only_gauge() {
        let g = gauges(&one("亿元以上在谈项目45个,总投资126.1亿元,占目标任务113%;"));
        assert_eq!(g.len(), 1);
        assert_eq!(
            (g[0].actual, g[0].target, g[0].percent),
            (126.1, None, Some(113.0))
        );
        assert!(g[0].label.contains("在谈项目"), "{}", g[0].label);
    }

    #[test]
    fn cross_sentence_and_cross_period_pair() {
        let paragraphs = [
            "去年，该区利用省外资金50.23亿元。".to_owned(),
            "新的一年，力争利用省外资金110亿元。".to_owned(),
        ];
        let m = metrics(&paragraphs, &[], Some(2022), None);
        let g = gauges(&m);
        assert_eq!(g.len(), 1, "{m:#?}");
        assert_eq!((g[0].actual, g[0].target), (50.23, Some(110.0)));
        assert_eq!(g[0].actual_period.as_deref(), Some("2021"));
        assert_eq!(g[0].target_period.as_deref(), Some("2022"));
        assert!(g[0].cross_period && !g[0].percent_stated);
        assert_eq!(g[0].percent, Some(45.66));
    }

    #[test]
    fn different_size_classes_do_not_pair() {
        let m = metrics(
            &["成功招引5000万元以上项目10个。力争引进亿元以上项目37个。".to_owned()],
            &[],
            Some(2022),
            None,
        );
        assert!(gauges(&m).is_empty(), "{m:#?}");
    }

    #[test]
    fn periods() {
        let p = |s: &str| {
            time_expressions(s, Some(2021))
                .first()
                .and_then(|(_, p)| p.clone())
        };
        assert_eq!(
            p("1--5月，外出招商5次").as_deref(),
            Some("2021-01..2021-05")
        );
        assert_eq!(p("到5月31日提前实现").as_deref(), Some("2021-01..2021-05"));
        assert_eq!(p("去年，全区").as_deref(), Some("2020"));
        assert_eq!(p("2022年，全市").as_deref(), Some("2022"));
        assert_eq!(p("X—XX月，规上"), None);
        assert_eq!(p("上半年，全市").as_deref(), Some("2021-01..2021-06"));
    }

    #[test]
    fn reference_year_from_past_only_mentions() {
        let paras = [
            "2021年以来，该区聚焦主业。".to_owned(),
            "去年，该区完成投资。".to_owned(),
        ];
        assert_eq!(reference_year(&paras, None), Some(2022));
        let paras = [
            "2023年，该区引进项目。".to_owned(),
            "2024年，该区将继续推进。去年招商46次。".to_owned(),
        ];
        assert_eq!(reference_year(&paras, None), Some(2024));
        assert_eq!(reference_year(&paras, Some("2021-06-04T09:31")), Some(2021));
    }

    #[test]
    fn regions() {
        let r = |t: &str| region("", &[t.to_owned()]);
        assert_eq!(
            r("进入田家庵区网站。田家庵区将继续推进，田家庵区持续完善。").as_deref(),
            Some("田家庵区")
        );
        assert_eq!(
            r("通辽市坚持项目为王，全市签约。落地霍林郭勒市。通辽市将持续推进。").as_deref(),
            Some("通辽市")
        );
        assert_eq!(
            r("园区经济稳中有进，经开区进入全省前列，开发区、园区、全市、全区。"),
            None
        );
        assert_eq!(r("企业上市步伐加快，上市企业3家，城市更新。"), None);
    }
}
