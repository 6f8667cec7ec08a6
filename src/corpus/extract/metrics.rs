//! Metrics: every figure with its label, kind (actual, target, growth, progress…) and period.

#[allow(clippy::wildcard_imports)]
use super::*;
use crate::corpus::gazetteer::{Form, Gazetteer};

/// What a growth is measured against: `同比`, `比上年`, `较去年同期`.
const COMPARISONS: &str = "同比|比上年|较上年|比去年同期|较去年同期|比去年|较去年|环比";

pub(super) static GROWTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        "(?:{COMPARISONS})?(?P<verb>增长|增加|提高|上升|提升|增幅为|增幅|下降|减少|降低|回落|下滑|增|降)(?:了)?(?:达|为|约|近)?$"
    ))
    .expect("valid regex")
});
pub(super) static PROGRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:(?:全年|年度|年初|今年|本年度|全年度)?(?:的)?(?:目标任务|目标|任务|计划)(?:数)?(?:的)?",
        r"|(?:计划|任务|目标)?完成率(?:为|达到|达|是)?",
        // 占年度计划投资的, 占州新下达招商到位资金的, 完成县下达全年目标任务的
        r"|(?:占|完成|为|达到|达|是|相当于)(?:了)?[^，,；;。：:]{0,16}?(?:下达|分配|考核|目标|任务|计划)[^，,；;。：:0-9]{0,8}?的",
        // Text spun with synonyms by a copying site: 完结年度使命的 for 完成年度任务的.
        r"|完结(?:了)?(?:全年|年度)?(?:目标任务|任务|使命)的",
        r")[（(）)]*$"
    ))
    .expect("valid regex")
});
/// Percents measured against a target that are margins, not progress: 超过目标任务4000亿元的19%,
/// 超进度42.31%, 比年度投资计划加快13.1个百分点.
pub(super) static MARGIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"超过|超出|高于|低于|超进度|欠进度|快于|慢于|加快|领先|落后|差距")
        .expect("valid regex")
});
pub(super) static PROGRESS_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:占|完成|为|达到|达|是)(?:了)?[^，,；;。：:0-9]{0,10}?(?:目标任务|目标|任务|计划)",
        r"|(?:年度|全年)?(?:计划|任务|目标)?完成率"
    ))
    .expect("valid regex")
});
/// A label that names a target rather than a measure: `完成州政府下达任务数`, `年度目标任务`,
/// `占州新下达招商到位资金`, `完成省政府下达考核目标任务的(`.
pub(super) static TARGET_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:(?:目标任务|目标|任务|计划)(?:数)?(?:的)?[（(]?$)",
        r"|^(?:占|完成|超额完成)(?:了)?[^，,；;。]{0,16}?(?:下达|分配|考核|计划|目标|任务)"
    ))
    .expect("valid regex")
});
pub(super) static TARGET_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"力争|确保|争取|计划|目标是|目标为|预期|拟|全年目标|年度目标|目标任务")
        .expect("valid regex")
});
/// Words that open a clause reporting what was achieved, ending the reach of an earlier
/// planning word: `今年计划投资16.17亿元，1-7月份完成投资16.45亿元`.
static ACHIEVED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[，,；;：:](?:[^，,；;：:]{0,10}?)(?:完成|实现|累计|现已|已经|已|截至|截止|目前|\d{1,2}月)")
        .expect("valid regex")
});
/// Words after a figure that make it a target: `80亿目标任务`, `910亿元的年度任务`.
static TARGET_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:的)?(?:年度|全年)?(?:计划)?(?:目标任务|目标|任务)",
        // 完成全年5360亿元招商引资目标任务的25.07%: the measure named between.
        r"|^(?:的)?[^，,；;。、：:（()）0-9]{1,8}?目标(?:任务)?的",
    ))
    .expect("valid regex")
});

/// Splits a paragraph into sentences, as char ranges that include the closing mark.
///
/// ```
/// use zhaoshang::corpus::extract::sentences;
/// assert_eq!(sentences("甲。乙！丙"), [(0, 2), (2, 4), (4, 5)]);
/// ```
pub fn sentences(paragraph: &str) -> Vec<(usize, usize)> {
    // Read as it goes, not collected: a paragraph can be megabytes long.
    let mut out = Vec::new();
    let (mut start, mut i, mut blank) = (0, 0, true);
    let mut chars = paragraph.chars().peekable();
    while let Some(c) = chars.next() {
        i += 1;
        blank &= c.is_whitespace();
        if matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';') {
            while chars
                .next_if(|c| matches!(c, '”' | '’' | '」' | '』' | '）' | ')'))
                .is_some()
            {
                i += 1;
            }
            out.push((start, i));
            start = i;
            blank = true;
        }
    }
    if !blank {
        out.push((start, i));
    }
    out
}

/// Where a sentence's planning words first occur (char positions), found once per
/// sentence; book titles and progress phrases (`占目标任务`) do not count.
pub(super) struct Markers {
    pub(super) target: Option<usize>,
    pub(super) forecast: Option<usize>,
    pub(super) whole_year: Option<usize>,
}

/// The name of a plan that spans years (`产业大招商三年行动计划(2018-2020年)`): it sets no
/// target for the figures after it. A year's plan (`年度招商引资行动计划，…共谋划95项`)
/// still does.
static PLAN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[三五十]年|\d{4}\s*[-—–~至]\s*\d{4}年?)(?:行动)?计划|行动计划[（(]\d{4}")
        .expect("valid regex")
});
/// The planned size of projects already signed or started (`开工项目72个，计划总投资115.28
/// 亿元`, `新引进项目计划投资额2529.64亿元`): what the projects are, not a target set for
/// the region. A year's plan (`年度计划投资`, `2020年计划投资`) and a project's plan set
/// against its progress (`项目计划投资30亿元，…完成年计划的70%`) still are.
static PROJECT_PLAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"计划总投资|项目计划投资额").expect("valid regex"));
pub(super) static FORECAST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("预计").expect("valid regex"));
pub(super) static WHOLE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("全年|年度").expect("valid regex"));

impl Markers {
    pub(super) fn find(sentence: &str) -> Self {
        // `三年行动计划(2018-2020年)`: a plan's name, not a target set.
        let titled = strip_titles(sentence);
        let planned = blank(&PLAN_NAME, &titled);
        let planned = blank(&PROJECT_PLAN, &planned);
        let masked = blank(&PROGRESS_PHRASE, &planned);
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

/// `text` with what `re` matches blanked by ideographic spaces, one per char, so that char
/// positions stay; borrowed when nothing matches.
fn blank<'a>(re: &Regex, text: &'a str) -> std::borrow::Cow<'a, str> {
    re.replace_all(text, |c: &regex::Captures<'_>| {
        "　".repeat(c.get(0).map_or(0, |m| m.as_str().chars().count()))
    })
}

/// Scans one sentence for metrics. `previous` is the label context for growth figures.
pub(super) fn sentence_metrics(
    sentence: &[char],
    paragraph: usize,
    offset: usize,
    period_at: &dyn Fn(usize) -> Time,
) -> Vec<Metric> {
    let found = figures(sentence);
    let text_of = |a: usize, b: usize| -> String { sentence[a..b].iter().collect() };
    let markers = Markers::find(&text_of(0, sentence.len()));
    let mut metrics: Vec<Metric> = Vec::new();
    // Where each metric's figure sits in the sentence.
    let mut places: Vec<(usize, usize)> = Vec::new();
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
        let targeted = markers
            .target
            .is_some_and(|at| at < fig.start && !ACHIEVED.is_match(&text_of(at, fig.start)));
        let forecast = markers.forecast.is_some_and(|at| at < fig.start);
        let whole_year = markers.whole_year.is_some_and(|at| at < fig.start);

        let mut kind;
        let mut value = fig.value;
        let mut label;
        // `96%、104%`, `113%和100%`: the figure continues a list.
        let in_list = (raw_before.trim_start_matches('、').is_empty()
            && sentence.get(clause_start.wrapping_sub(1)) == Some(&'、'))
            || (k > 0 && clause_start == prev_end && LIST_JOINERS.contains(&raw_before.trim()));
        // 同比增长-8.92%: a growth written with a minus sign.
        let signed = raw_before.ends_with(['-', '－', '—']);
        let growth_before = raw_before.trim_end_matches(['-', '－', '—']);
        // `，增15.65%`, `同比降3%`: a bare 增 or 降 is growth only alone in its clause or after
        // a comparison (新增12个 is a count; 下降 and 增长 are whole words already).
        let growth = GROWTH.captures(growth_before).filter(|c| {
            let verb = c.name("verb").map_or("", |v| v.as_str());
            let whole = c.get(0).map_or("", |m| m.as_str());
            !["增", "降"].contains(&verb) || whole != verb || growth_before.trim() == verb
        });
        if let Some(caps) = growth {
            let negative = caps.name("verb").is_some_and(|v| {
                ["下降", "减少", "降低", "回落", "下滑", "降"].contains(&v.as_str())
            });
            if negative != signed {
                value = value.map(|v| -v);
            }
            kind = if fig.unit.ends_with('%') || fig.unit.ends_with("百分点") || fig.unit == "倍"
            {
                MetricKind::GrowthPct
            } else {
                MetricKind::Change
            };
            let stem = strip_fillers(&growth_before[..caps.get(0).map_or(0, |m| m.start())]);
            label = if stem.is_empty() {
                metrics.last().map(|m| m.label.clone()).unwrap_or_default()
            } else {
                after_last_verb(&stem)
            };
        } else if in_list
            && metrics
                .last()
                .is_some_and(|m| m.kind == MetricKind::GrowthPct && m.unit == fig.unit)
        {
            // 同比分别增长328%、323%, 分别增长1.4倍和1.28倍: every figure of the list is a
            // growth.
            kind = MetricKind::GrowthPct;
            label = metrics.last().map(|m| m.label.clone()).unwrap_or_default();
        } else if fig.unit == "%" && task_in_brackets(&raw_before) {
            // `工业到位资金占比51.9%(任务数50%)`: the share asked for, not progress.
            kind = MetricKind::Target;
            label = metrics.last().map(|m| m.label.clone()).unwrap_or_default();
        } else if fig.unit == "%"
            && !MARGIN.is_match(&raw_before)
            && (PROGRESS.is_match(&raw_before)
                || (same_clause_prev
                    && raw_before
                        .trim_matches(|c| "的（()）".contains(c))
                        .is_empty()
                    && metrics.last().is_some_and(|m| {
                        m.kind == MetricKind::Target && !MARGIN.is_match(&m.label)
                    }))
                || (in_list
                    && metrics
                        .last()
                        .is_some_and(|m| m.kind == MetricKind::ProgressPct)))
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
            // 投资30亿元的年产80万吨电池箔项目: the figure qualifies the name after it. Not when
            // a figure follows the 的 (总投资287.6亿元的15个项目: the count is a figure of its own).
            let attributive = after.starts_with('的')
                && !TARGET_REF.is_match(&before)
                && !sentence[fig.end..]
                    .iter()
                    .find(|&&c| c != '的')
                    .is_some_and(|&c| c.is_ascii_digit() || c == 'X');
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
            let in_parens_after_target = raw_before.trim_start().starts_with(['（', '('])
                && metrics.last().is_some_and(|m| m.kind == MetricKind::Target);
            // `任务(25亿美元和12.34亿美元)`: a list that starts with a target goes on with one.
            let listed_after_target = in_list
                && metrics
                    .last()
                    .is_some_and(|m| m.kind == MetricKind::Target && m.unit == fig.unit);
            if kind == MetricKind::Actual {
                if TARGET_REF.is_match(&raw_before)
                    || TARGET_REF.is_match(&label)
                    || TARGET_AFTER.is_match(&after)
                    || in_parens_after_target
                    || listed_after_target
                {
                    kind = MetricKind::Target;
                } else if forecast {
                    // 预计全年到位资金23.68亿元: expected, still an achieved measure.
                } else if targeted {
                    kind = MetricKind::Target;
                }
            }
        }
        label = tidy_label(&strip_fillers(&strip_target_words(&label)));
        // 香格里拉县完成实际到位州外资金36.91亿元: a sub-region's figure carries its name, so
        // that four counties' figures in one report can be told apart.
        if matches!(kind, MetricKind::Actual | MetricKind::Target)
            && let Some(place) = leading_place(&strip_fillers(&raw_before))
            && !label.starts_with(&place)
        {
            label = format!("{place}{label}");
        }
        if label.is_empty() {
            // `)的54.78%`: nothing names the measure in its own clause.
            label = metrics.last().map_or_else(
                || {
                    match kind {
                        MetricKind::ProgressPct => "完成目标",
                        MetricKind::GrowthPct | MetricKind::Change => "增长",
                        MetricKind::Ratio => "比例",
                        _ => "未标明",
                    }
                    .to_owned()
                },
                |m| m.label.clone(),
            );
        }
        let Time {
            mut period,
            mut months,
        } = period_at(fig.start);
        // A 全年/年度 target belongs to the whole year even inside a 1-9月 report.
        if kind == MetricKind::Target && whole_year {
            period = period
                .as_deref()
                .and_then(period_year)
                .map(year_period)
                .or(period);
            months = None;
        }
        let target_of_previous = kind == MetricKind::Target && {
            let before = raw_before.trim().trim_start_matches(['已', '均', '都']);
            let names_target = ["目标", "任务"].iter().any(|w| before.contains(w));
            (before.starts_with(['（', '(']) && names_target)
                || (["超额完成", "超过", "超出"]
                    .iter()
                    .any(|w| before.starts_with(w))
                    && (names_target || TARGET_AFTER.is_match(&after)))
        };
        places.push((fig.start, fig.end));
        metrics.push(Metric {
            approximate: fig.approximate,
            // 预计…23.68亿元，同比增长15%: the growth of a forecast is a forecast too.
            forecast: forecast && matches!(kind, MetricKind::Actual | MetricKind::GrowthPct),
            pairing: Pairing {
                target_of_previous,
                in_list,
                months,
                of_total: kind == MetricKind::ProgressPct && raw_before.contains("总投资的"),
            },
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
    respective_labels(sentence, &places, &mut metrics);
    shares_of_placeholders(&mut metrics);
    metrics
}

/// `上年签约项目X个,已开工X个,占比100%`: a bare share (`占比`, `比重`) right after a
/// placeholder figure is a share of numbers the text does not give, a template's leftover:
/// it is kept as written but reported as a placeholder too, never as a figure.
fn shares_of_placeholders(metrics: &mut [Metric]) {
    for i in 1..metrics.len() {
        let bare_share = ["占", "占比", "比例", "比重"].contains(&metrics[i].label.as_str());
        if metrics[i].kind == MetricKind::Ratio && bare_share && metrics[i - 1].redacted {
            metrics[i].value = None;
            metrics[i].redacted = true;
        }
    }
}

/// `（任务数`, `(任务数占比`, `（目标数`: a bracket opening with the figure asked for.
fn task_in_brackets(before: &str) -> bool {
    let inner = before.trim().strip_prefix(['（', '(']).unwrap_or("");
    ["任务数", "目标数", "任务"].iter().any(|w| {
        inner
            .strip_prefix(w)
            .is_some_and(|rest| ["", "占比", "为", "是"].contains(&rest.trim()))
    })
}

/// Words that join the last two items of a list: `4.75亿元和3.06亿元`.
const LIST_JOINERS: [&str; 4] = ["和", "及", "以及", "与"];

/// Words that say the figures after them go with the labels before them, in order.
static RESPECTIVELY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("分别|依次|依序").expect("valid regex"));

/// Comparison words that may sit between a label list and 分别: `同比`, `比上年`.
static COMPARED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?:{COMPARISONS})$")).expect("valid regex"));

/// `规模工业总产值、固定资产投资、社消零依次达到71亿元、4.75亿元和3.06亿元，完成目标任务的
/// 100%、113%和100%`: a list of labels before 分别 (依次) gives each figure of the lists
/// after it its own label, in order, when the counts agree. A list of percents or growths
/// that follows takes the same labels.
fn respective_labels(sentence: &[char], places: &[(usize, usize)], metrics: &mut [Metric]) {
    // Most sentences have no 分别 or 依次: nothing to copy for them.
    if metrics.len() < 2 || !sentence.iter().any(|&c| c == '分' || c == '依') {
        return;
    }
    let text: String = sentence.iter().collect();
    let mut labels: Vec<String> = Vec::new();
    for m in RESPECTIVELY.find_iter(&text) {
        let at = text[..m.start()].chars().count();
        let end = at + m.as_str().chars().count();
        // The labels: from the clause's start to 分别, with no figure among them.
        let start = (0..at)
            .rev()
            .find(|&i| "，,；;：:。".contains(sentence[i]))
            .map_or(0, |i| i + 1);
        let figure_among = places.iter().any(|&(s, e)| s < at && e > start);
        let segment: String = sentence[start..at].iter().collect();
        let segment = COMPARED.replace(segment.trim(), "").into_owned();
        // The lists after: runs of figures joined by 、 or 和, each as long as the labels.
        let after: Vec<usize> = (0..metrics.len()).filter(|&i| places[i].0 >= end).collect();
        let runs = list_runs(sentence, places, &after);
        let Some(first) = runs.first() else {
            continue;
        };
        if !figure_among && let Some(found) = split_labels(&segment, first.len()) {
            labels = found;
        } else if labels.is_empty() && compares_only(&segment) {
            // `新设立外资企业356家，合同利用外资24.6亿美元，与上年同期相比分别增长1.4倍和
            // 1.28倍`: the figures just before, in order, name the growths.
            let before: Vec<usize> = (0..metrics.len())
                .filter(|&i| places[i].1 <= start && metrics[i].unit != "%")
                .collect();
            if let Some(last) = before.len().checked_sub(first.len()) {
                labels = before[last..]
                    .iter()
                    .map(|&i| metrics[i].label.clone())
                    .collect();
            }
        }
        if labels.len() < 2 {
            continue;
        }
        for run in runs.iter().filter(|r| r.len() == labels.len()) {
            // `辽阳县、灯塔市分别有70个和64个到资项目`: places listed, the measure after the
            // figures; each figure is that place's measure.
            let measure = run.last().map(|&i| metrics[i].label.clone()).filter(|l| {
                !labels.contains(l) && !labels.iter().any(|p| l.starts_with(p.as_str()))
            });
            let all_places = labels.iter().all(|l| is_place_name(l));
            for (&i, label) in run.iter().zip(&labels) {
                metrics[i].label = match &measure {
                    Some(m) if all_places => format!("{label}{m}"),
                    _ => label.clone(),
                };
            }
        }
    }
}

/// True when the words before 分别 only say what the figures are compared with (`同比`,
/// `与上年同期相比`, nothing at all).
fn compares_only(segment: &str) -> bool {
    let rest = [
        "上年同期",
        "去年同期",
        "相比",
        "同比",
        "环比",
        "比较",
        "上年",
        "去年",
        "同期",
        "与",
        "和",
        "较",
        "比",
        "同",
    ]
    .iter()
    .fold(segment.trim().to_owned(), |s, w| s.replace(w, ""));
    rest.is_empty()
}

/// The metrics of `order` (positions in the sentence's metrics) grouped into runs of
/// figures joined only by 、, 和, 及 or 与; a run ends at any other word.
fn list_runs(sentence: &[char], places: &[(usize, usize)], order: &[usize]) -> Vec<Vec<usize>> {
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut last_end: Option<usize> = None;
    for &i in order {
        let (start, end) = places[i];
        let joined = last_end.is_some_and(|e| {
            let between: String = sentence[e..start].iter().collect();
            let between = between.trim();
            between == "、" || LIST_JOINERS.contains(&between)
        });
        match runs.last_mut() {
            Some(run) if joined => run.push(i),
            _ => runs.push(vec![i]),
        }
        last_end = Some(end);
    }
    runs
}

/// `规模工业总产值、固定资产投资、社消零` → three labels; the last two may be joined by 和
/// (`签约项目和到位资金`). `None` unless exactly `count` labels of two or more characters.
fn split_labels(segment: &str, count: usize) -> Option<Vec<String>> {
    let mut parts: Vec<String> = segment.split('、').map(str::to_owned).collect();
    if parts.len() < count
        && let Some(last) = parts.pop()
    {
        let cut = LIST_JOINERS
            .iter()
            .filter_map(|j| last.rfind(j).map(|at| (at, j.len())))
            .max();
        match cut {
            Some((at, len)) => {
                parts.push(last[..at].to_owned());
                parts.push(last[at + len..].to_owned());
            }
            None => parts.push(last),
        }
    }
    let labels: Vec<String> = parts
        .iter()
        .map(|p| tidy_label(&strip_fillers(&strip_target_words(p))))
        .collect();
    (count >= 2 && labels.len() == count && labels.iter().all(|l| l.chars().count() >= 2))
        .then_some(labels)
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
    // A mask, not a search of `skip` per paragraph: a file of thousands of short lines has
    // thousands of headings.
    let mut skipped = vec![false; paragraphs.len()];
    for &p in skip {
        if let Some(s) = skipped.get_mut(p) {
            *s = true;
        }
    }
    for (p, paragraph) in paragraphs.iter().enumerate() {
        if skipped[p] {
            continue;
        }
        // Sentences come in order: their byte offsets are found walking on from the last,
        // and only a sentence at a time is held as chars.
        let mut cursor = (0, 0);
        let mut byte_of = |k: usize| {
            let (char_at, byte_at) = cursor;
            let byte: usize = byte_at
                + paragraph[byte_at..]
                    .chars()
                    .take(k - char_at)
                    .map(char::len_utf8)
                    .sum::<usize>();
            cursor = (k, byte);
            byte
        };
        let mut context: Option<Time> = None;
        for (s, e) in sentences(paragraph) {
            let (start, end) = (byte_of(s), byte_of(e));
            let text = &paragraph[start..end];
            let times = time_expressions(text, reference);
            let carried = context.clone();
            let period_at = |pos: usize| -> Time {
                times
                    .iter()
                    .rev()
                    .find(|(at, _)| *at <= pos)
                    .or_else(|| times.first())
                    .map(|(_, t)| t.clone())
                    .or_else(|| carried.clone())
                    .unwrap_or_else(|| Time::of_period(default))
            };
            if e - s > MAX_SENTENCE_CHARS || out.len() >= MAX_METRICS {
                continue;
            }
            let sentence: Vec<char> = text.chars().collect();
            out.extend(sentence_metrics(&sentence, p, s, &period_at));
            if let Some((_, last)) = times.last() {
                context = Some(last.clone());
            }
        }
    }
    out
}

/// True when `text` is one place's name and nothing more (`灯塔市`, `辽阳县`).
fn is_place_name(text: &str) -> bool {
    let mentions = Gazetteer::global().mentions(text);
    mentions.len() == 1
        && mentions[0].start == 0
        && mentions[0].end == text.chars().count()
        && mentions[0].form != Form::Bare
}

/// The place a clause opens with, in full or short form (`香格里拉县`, `江华县`,
/// `谷城经济开发区`), when it is followed by more words.
fn leading_place(clause: &str) -> Option<String> {
    let gazetteer = Gazetteer::global();
    if !gazetteer.may_start_with_name(clause) {
        return None;
    }
    let first = gazetteer.mentions(clause).into_iter().next()?;
    (first.start == 0 && first.form != Form::Bare && first.end < clause.chars().count())
        .then_some(first.text)
}
