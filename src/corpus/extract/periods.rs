//! Time expressions (`2022年`, `去年`, `1--5月`, `截至9月底`, `上半年`) resolved against the
//! article's own dates.

#[allow(clippy::wildcard_imports)]
use super::*;

pub(super) static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:(?P<ry>\d{4})年)?(?P<m1>\d{1,2}|X{1,2})\s*(?:-|--|—|——|－|–|~|～|至|到)\s*(?P<m2>\d{1,2}|X{1,2})月",
        r"|(?:到|截至|截止到|截止|至)(?:(?P<ty>\d{4})年)?(?P<tm>\d{1,2})月(?:底|末|份|\d{1,2}日)?",
        r"|(?P<y>\d{4})年",
        r"|(?P<hrel>今年|去年|本年)?(?P<half>上半年|下半年|前三季度|第?[一二三四]季度)",
        r"|(?P<rel>去年|今年|本年度|本年|明年|新的一年|新一年|上年)",
    ))
    .expect("valid regex")
});

pub(super) static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})年(以来)?").expect("valid regex"));

/// A period as the corpus writes it.
pub(super) fn year_period(year: i32) -> String {
    format!("{year:04}")
}

pub(super) fn month_range(year: i32, from: u32, to: u32) -> Option<String> {
    ((1..=12).contains(&from) && (from..=12).contains(&to))
        .then(|| format!("{year:04}-{from:02}..{year:04}-{to:02}"))
}

/// The year a period string starts in.
pub(super) fn period_year(period: &str) -> Option<i32> {
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
pub(super) fn strip_titles(sentence: &str) -> String {
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

/// A time expression: the period it names, when its year is known, and the months it
/// covers, known even when the year is not (`三季度` is 7..9 in an undated report).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Time {
    pub period: Option<String>,
    pub months: Option<(u32, u32)>,
}

impl Time {
    /// The time of a period string (`2021-01..2021-06`, `2021`).
    pub fn of_period(period: Option<&str>) -> Self {
        Self {
            months: period.and_then(period_months),
            period: period.map(str::to_owned),
        }
    }
}

/// The months a period string covers, when it is less than a whole year.
fn period_months(period: &str) -> Option<(u32, u32)> {
    let (from, to) = period.split_once("..")?;
    let month = |p: &str| p.get(5..7)?.parse::<u32>().ok();
    Some((month(from)?, month(to)?))
}

/// Time expressions in a sentence: (char position, what it names; no period when redacted).
pub(super) fn time_expressions(sentence: &str, reference: Option<i32>) -> Vec<(usize, Time)> {
    let text = strip_titles(sentence);
    let mut out = Vec::new();
    let mut chars_before = CharCounter::default();
    for caps in TIME.captures_iter(&text) {
        let Some(whole) = caps.get(0) else { continue };
        let pos = chars_before.advance(&text, whole.start());
        let int = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
        let month = |m: regex::Match| m.as_str().parse::<u32>().ok();
        let span = |from: u32, to: u32| {
            ((1..=12).contains(&from) && (from..=12).contains(&to)).then_some((from, to))
        };
        let time = if let (Some(m1), Some(m2)) = (caps.name("m1"), caps.name("m2")) {
            let months = month(m1).zip(month(m2)).and_then(|(a, b)| span(a, b));
            let year = int("ry").or(reference);
            Time {
                period: months
                    .zip(year)
                    .and_then(|((a, b), y)| month_range(y, a, b)),
                months,
            }
        } else if let Some(to) = caps.name("tm").and_then(month) {
            Time {
                period: int("ty").or(reference).and_then(|y| month_range(y, 1, to)),
                months: span(1, to),
            }
        } else if let Some(y) = int("y") {
            Time {
                period: (1990..=2100).contains(&y).then(|| year_period(y)),
                months: None,
            }
        } else if let Some(rel) = caps.name("rel") {
            let offset = match rel.as_str() {
                "去年" | "上年" => -1,
                "明年" => 1,
                _ => 0,
            };
            Time {
                period: reference.map(|y| year_period(y + offset)),
                months: None,
            }
        } else if let Some(half) = caps.name("half") {
            let half = half.as_str();
            let (from, to) = match half.trim_start_matches('第') {
                "上半年" => (1, 6),
                "下半年" => (7, 12),
                "前三季度" => (1, 9),
                "二季度" => (4, 6),
                "三季度" => (7, 9),
                "四季度" => (10, 12),
                _ => (1, 3),
            };
            let offset = i32::from(caps.name("hrel").is_some_and(|r| r.as_str() == "去年"));
            Time {
                period: reference.and_then(|y| month_range(y - offset, from, to)),
                months: Some((from, to)),
            }
        } else {
            Time::default()
        };
        out.push((pos, time));
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
            if let Some((_, time)) = time_expressions(&sentence, reference).into_iter().next() {
                return time.period;
            }
        }
    }
    None
}
