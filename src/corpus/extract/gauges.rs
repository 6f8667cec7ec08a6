//! Gauges: an achieved figure paired with its target or its stated percent of target.

#[allow(clippy::wildcard_imports)]
use super::*;

use crate::corpus::model::consistent;

/// Figures that can be the achieved value of a stated percent at `i`, nearest first:
/// achieved (or forecast) figures earlier in its sentence. `near` stops at the previous rate
/// or percent of progress (`开工率121%，投资完成率70.1%` has no achieved value of its own);
/// `far` goes on to the sentence start, and, when the sentence opens with the percent's own
/// frame (`；完成县上全年任务(46.5亿元)的54.78%`), into the previous sentence of the paragraph.
struct Candidates {
    near: Vec<usize>,
    far: Vec<usize>,
}

/// A figure that can be a stated percent's achieved value: an actual (or forecast) amount or
/// count, not a percent.
fn achieved(o: &Metric) -> bool {
    o.kind == MetricKind::Actual && o.value.is_some() && o.unit != "%"
}

fn actual_candidates(metrics: &[Metric], i: usize) -> Candidates {
    let m = &metrics[i];
    let boundary = |o: &Metric| {
        o.kind == MetricKind::ProgressPct || (o.kind == MetricKind::Ratio && o.label.contains('率'))
    };
    let mut near = Vec::new();
    let mut far = Vec::new();
    let mut blocked = false;
    let mut first = i;
    for j in (0..i).rev() {
        let o = &metrics[j];
        if o.source != m.source {
            break;
        }
        first = j;
        blocked |= boundary(o);
        if achieved(o) {
            if blocked { far.push(j) } else { near.push(j) }
        }
    }
    let opens_sentence = (first..i).all(|j| metrics[j].kind == MetricKind::Target);
    if near.is_empty() && far.is_empty() && opens_sentence {
        // The sentence right before, or the one before that when the one between holds
        // only growth or rates (`…2.2亿元，其中…1.443亿元。同比分别增长328%、323%。
        // 分别完成年度任务的27.5%、18%。`).
        let mut start = m.source.start;
        let mut before = first;
        for _ in 0..2 {
            let previous = (0..before).rev().find(|&j| {
                let o = &metrics[j];
                o.source.paragraph == m.source.paragraph && o.source.end == start
            });
            let Some(p) = previous else { break };
            let sentence = metrics[p].source;
            let members: Vec<usize> = (0..=p)
                .rev()
                .take_while(|&j| metrics[j].source == sentence)
                .collect();
            near.extend(members.iter().copied().filter(|&j| achieved(&metrics[j])));
            let only_rates = members.iter().all(|&j| {
                matches!(
                    metrics[j].kind,
                    MetricKind::GrowthPct | MetricKind::Ratio | MetricKind::Change
                )
            });
            if !near.is_empty() || !only_rates {
                break;
            }
            start = sentence.start;
            before = members.last().copied().unwrap_or(0);
        }
    }
    Candidates { near, far }
}

/// The achieved figures of the sentence right before the one holding metric `i`, in the
/// same paragraph, nearest first.
fn previous_sentence_achieved(metrics: &[Metric], i: usize) -> Vec<usize> {
    let source = metrics[i].source;
    let Some(first) = (0..=i)
        .rev()
        .take_while(|&j| metrics[j].source == source)
        .last()
    else {
        return Vec::new();
    };
    let Some(previous) = first.checked_sub(1) else {
        return Vec::new();
    };
    let before = metrics[previous].source;
    if before.paragraph != source.paragraph || before.end != source.start {
        return Vec::new();
    }
    (0..=previous)
        .rev()
        .take_while(|&j| metrics[j].source == before)
        .filter(|&j| achieved(&metrics[j]))
        .collect()
}

/// The target figures a stated percent at `i` may be measured against: the first of the
/// targets right before it, which is its own frame's (`完成年度目标任务589亿元的37.22%`,
/// `任务1000万美元(其中加工贸易200万美元)的31.4%`), and else a plan stated earlier in the
/// sentence (`计划投资30亿元，…完成投资21亿元，完成年计划的70%`), used only when the figures
/// agree.
fn frame_target(metrics: &[Metric], i: usize) -> (Option<usize>, Option<usize>) {
    let m = &metrics[i];
    let in_sentence = |j: &usize| metrics[*j].source == m.source;
    let own = (0..i)
        .rev()
        .take_while(in_sentence)
        .take_while(|&j| metrics[j].kind == MetricKind::Target)
        .last()
        .filter(|&j| metrics[j].value.is_some());
    let plan = (0..i)
        .rev()
        .take_while(in_sentence)
        .take_while(|&j| metrics[j].kind != MetricKind::ProgressPct)
        .find(|&j| metrics[j].kind == MetricKind::Target && metrics[j].value.is_some());
    (own, plan)
}

/// Gauges from a metric list: stated percents of target, then target/actual pairs.
pub fn gauges(metrics: &[Metric]) -> Vec<Gauge> {
    let mut out = Vec::new();
    let mut used = vec![false; metrics.len()];
    // The last stated percent paired, and its achieved figure.
    let mut last_pair: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < metrics.len() {
        // 计划投资65.5亿元，…已完成投资27.5亿元，占全年投资的42%: a share of the year's
        // plan is progress when the plan is stated in the sentence and the figures agree.
        let share_of_plan = metrics[i].kind == MetricKind::Ratio
            && ["占全年", "占年度", "占年"]
                .iter()
                .any(|w| metrics[i].label.starts_with(w));
        if metrics[i].kind != MetricKind::ProgressPct && !share_of_plan {
            i += 1;
            continue;
        }
        // 分别完成年度目标的96%、104%: a run of percents pairs in order with the figures before.
        let run = 1
            + (i + 1..metrics.len())
                .take_while(|&k| {
                    metrics[k].kind == MetricKind::ProgressPct
                        && metrics[k].source == metrics[i].source
                        && metrics[k].pairing.in_list
                })
                .count();
        let mut candidates = actual_candidates(metrics, i);
        // A figure of an earlier sentence already paired there is not the percent's when the
        // percent names a measure of its own (`…依次达到71亿元、4.75亿元和3.06亿元，完成…的
        // 100%、113%和100%；工业投资、技改投资两项也都完成了任务的100%`). It still is when the
        // percent's sentence is only another frame for it (`；完成县上全年任务(46.5亿元)的
        // 54.78%`, `；完成县下达任务的45%`).
        let own_frame = (0..i)
            .rev()
            .take_while(|&j| metrics[j].source == metrics[i].source)
            .any(|j| metrics[j].kind == MetricKind::Target);
        let names_measure = !["完成", "占", "超额完成", "达到", "为", "是"]
            .iter()
            .any(|v| metrics[i].label.starts_with(v));
        let elsewhere_used = |a: &usize| {
            used[*a] && metrics[*a].source != metrics[i].source && !own_frame && names_measure
        };
        candidates.near.retain(|a| !elsewhere_used(a));
        candidates.far.retain(|a| !elsewhere_used(a));
        if run > 1 && candidates.near.len() < run {
            // `…亿元及以上项目43个，…；其中…14个，…8个，分别完成…的143%、140%、160%`: the
            // run reaches into the sentence before when its own has too few figures.
            candidates
                .near
                .extend(previous_sentence_achieved(metrics, i));
        }
        if run > 1 && candidates.near.len() >= run {
            // `新引进亿元及以上项目43个，总投资226.51亿元，…其中…14个，…8个，分别完成…的143%、
            // 140%、160%`: when the nearest figure's unit has enough figures for the run, the
            // run pairs with those, not with the amounts between.
            let unit = &metrics[candidates.near[0]].unit;
            let same: Vec<usize> = candidates
                .near
                .iter()
                .copied()
                .filter(|&a| metrics[a].unit == *unit)
                .collect();
            let mut chosen: Vec<usize> = if same.len() >= run {
                same[..run].to_vec()
            } else {
                candidates.near[..run].to_vec()
            };
            chosen.reverse();
            // `产业园区、…、城市综合体完成投资分别占年度计划的74.3%、…、81.9%`: percents
            // that each carry a measure of their own from a 分别 list pair only with figures
            // of those measures; figures of other measures would be gauges invented.
            let own_labels = (i..i + run)
                .map(|k| metrics[k].label.as_str())
                .collect::<std::collections::HashSet<_>>()
                .len()
                == run;
            let measures_agree = chosen.iter().enumerate().all(|(k, &a)| {
                let (actual, percent) = (&metrics[a].label, &metrics[i + k].label);
                labels_match(actual, percent) || actual.contains(percent.as_str())
            });
            if own_labels && !measures_agree {
                i += run;
                continue;
            }
            // `分别完成全年任务(25亿美元和12.34亿美元)的96.2%和95.6%`: as many targets listed
            // right before the run, in its sentence, are its targets in order.
            let mut targets: Vec<usize> = (0..i)
                .rev()
                .take_while(|&j| {
                    metrics[j].source == metrics[i].source
                        && metrics[j].kind == MetricKind::Target
                        && metrics[j].value.is_some()
                })
                .collect();
            targets.reverse();
            for (k, &a) in chosen.iter().enumerate() {
                let t = (targets.len() == run)
                    .then(|| targets[k])
                    .filter(|&t| units::compatible(&metrics[t].unit, &metrics[a].unit));
                used[a] = true;
                if let Some(t) = t {
                    used[t] = true;
                }
                out.push(progress_gauge(metrics, a, t, &metrics[i + k]));
            }
            i += run;
            continue;
        }
        let percent = &metrics[i];
        let Some(p) = percent.value else {
            i += 1;
            continue;
        };
        let (own, plan) = frame_target(metrics, i);
        let in_unit = |a: usize, t: usize| {
            units::convert(
                metrics[t].value.unwrap_or(0.0),
                &metrics[t].unit,
                &metrics[a].unit,
            )
        };
        let agrees = |a: usize, t: usize| {
            in_unit(a, t).is_some_and(|tv| consistent(metrics[a].value.unwrap_or(0.0), tv, p))
        };
        let all: Vec<usize> = candidates
            .near
            .iter()
            .chain(&candidates.far)
            .copied()
            .collect();
        let pick = own
            .and_then(|t| all.iter().find(|&&a| agrees(a, t)).map(|&a| (a, Some(t))))
            .or_else(|| {
                plan.and_then(|t| {
                    candidates
                        .near
                        .iter()
                        .find(|&&a| agrees(a, t))
                        .map(|&a| (a, Some(t)))
                })
            })
            .or_else(|| {
                candidates
                    .near
                    .first()
                    .filter(|_| !share_of_plan)
                    .map(|&a| (a, own.filter(|&t| in_unit(a, t).is_some())))
            });
        // 到位资金60.07亿元，占市下达目标任务的92.42%，占县下达目标任务的85.81%: one
        // actual against two targets, each percent with a frame of its own, which may
        // state the target (`…的62.51%，占区、市下达我县140亿元目标任务的53%`).
        let pick = pick.or_else(|| {
            let (previous, a) = last_pair?;
            let between_is_own_frame = own.is_none_or(|t| t == previous + 1 && t + 1 == i);
            (between_is_own_frame
                && (previous + 1 == i || own.is_some())
                && !percent.pairing.in_list
                && metrics[previous].source == percent.source
                && candidates.near.is_empty())
            .then_some((a, own.filter(|&t| in_unit(a, t).is_some())))
        });
        let Some((a, mut t)) = pick else {
            i += 1;
            continue;
        };
        // `计划总投资115.28亿元，实际完成投资72.06亿元，占计划总投资的62.51%`: the base the
        // frame names is a figure stated earlier in the sentence, and the figures agree.
        if t.is_none() && percent.pairing.of_total {
            t = (0..i)
                .rev()
                .take_while(|&j| metrics[j].source == percent.source)
                .find(|&j| {
                    j != a && metrics[j].label.contains("总投资") && !used[j] && agrees(a, j)
                });
        }
        last_pair = Some((i, a));
        used[a] = true;
        if let Some(t) = t {
            used[t] = true;
        }
        out.push(progress_gauge(metrics, a, t, percent));
        i += 1;
    }
    adjacent_targets(metrics, &mut used, &mut out);
    plan_then_completion(metrics, &mut used, &mut out);
    let keys: Vec<String> = metrics.iter().map(|m| match_key(&m.label)).collect();
    for (t, tm) in metrics.iter().enumerate() {
        if used[t]
            || tm.kind != MetricKind::Target
            || tm.value.is_none()
            || TARGET_REF.is_match(&tm.label)
        {
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
                && pairable(&keys[*j], &keys[t])
                // A target for part of a year (`三季度力争…`) belongs to that part only.
                && (tm.pairing.months.is_none() || am.pairing.months == tm.pairing.months)
                // A target is never for a year before its actual's (last year's actual
                // against this year's target is a cross-period pair; the reverse is not).
                && year_of(tm).zip(year_of(am)).is_none_or(|(t, a)| t >= a)
        });
        let same_period = |am: &Metric| am.period == tm.period;
        let best = candidates.max_by_key(|(j, am)| (same_period(am), am.period.clone(), *j));
        let Some((a, _)) = best else { continue };
        used[a] = true;
        out.push(paired_gauge(metrics, a, tm));
    }
    out
}

/// Gives a stated-percent gauge without a target the target stated elsewhere for the same
/// measure and year, when the two agree (the stated percent is within two points of
/// actual / target). Returns true when the target was used.
pub(super) fn fill_stated_target(gauges: &mut [Gauge], metrics: &[Metric], tm: &Metric) -> bool {
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
pub(super) fn gauge_label(metrics: &[Metric], a: usize) -> String {
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

/// A gauge from a stated percent `m` of target, its achieved figure `a` and, when stated,
/// its target figure `t`.
fn progress_gauge(metrics: &[Metric], a: usize, t: Option<usize>, m: &Metric) -> Gauge {
    let am = &metrics[a];
    let target =
        t.and_then(|t| units::convert(metrics[t].value.unwrap_or(0.0), &metrics[t].unit, &am.unit));
    let year = am.period.as_deref().and_then(period_year).map(year_period);
    Gauge {
        label: gauge_label(metrics, a),
        actual: am.value.unwrap_or(0.0),
        target,
        percent: m.value,
        percent_stated: m.value.is_some(),
        unit: am.unit.clone(),
        actual_period: am.period.clone(),
        target_period: year.or_else(|| am.period.clone()),
        cross_period: false,
        source: am.source,
        target_source: t.map(|t| metrics[t].source).filter(|s| *s != am.source),
        indicator: None,
    }
}

/// Measures that a label names by its verb: a signed project is not a started one.
const MEASURE_VERBS: [&str; 10] = [
    "签约", "开工", "投产", "竣工", "落地", "到位", "履约", "在谈", "储备", "注册",
];

/// True when a target and an achieved figure stated in different places can be paired by
/// their labels: not a bare total (`总投资` belongs to whatever project group precedes it),
/// and naming the same measure verbs (`签约…项目` is not `引进…项目`).
///
/// ```
/// use zhaoshang::corpus::extract::pairable;
/// assert!(pairable("省外到位资金", "省外到位资金"));
/// assert!(!pairable("总投资", "总投资"));
/// assert!(!pairable("目前已集中签约各类产业项目", "产业项目"));
/// ```
pub fn pairable(actual_key: &str, target_key: &str) -> bool {
    let generic =
        |k: &str| k.starts_with('总') || k.starts_with("投资总额") || k.chars().count() < 3;
    let verbs = |k: &str| MEASURE_VERBS.iter().filter(|v| k.contains(*v)).count();
    let shared = MEASURE_VERBS
        .iter()
        .filter(|v| actual_key.contains(*v) && target_key.contains(*v))
        .count();
    !generic(actual_key)
        && !generic(target_key)
        && verbs(actual_key) == shared
        && verbs(target_key) == shared
}

/// A target stated right after its achieved figure in the same sentence:
/// `实际到位资金8亿元（目标6亿元）`, `引进项目12个（任务数10个）`,
/// `实际到位资金1106.57亿元，超额完成910亿元目标任务`, `协议投资额为4994亿元，超过目标任务4000亿元`.
/// Growth figures in between are skipped; any other figure in between breaks the pair.
fn adjacent_targets(metrics: &[Metric], used: &mut [bool], out: &mut Vec<Gauge>) {
    for a in 0..metrics.len() {
        let am = &metrics[a];
        if used[a] || am.kind != MetricKind::Actual || am.value.is_none() || am.unit == "%" {
            continue;
        }
        let next = (a + 1..metrics.len())
            .take_while(|&j| metrics[j].source == am.source)
            .find(|&j| !matches!(metrics[j].kind, MetricKind::GrowthPct | MetricKind::Change));
        let Some(t) = next else { continue };
        let tm = &metrics[t];
        if used[t] || !tm.pairing.target_of_previous || tm.value.is_none() {
            continue;
        }
        if !units::compatible(&tm.unit, &am.unit) {
            continue;
        }
        used[a] = true;
        used[t] = true;
        out.push(paired_gauge(metrics, a, tm));
    }
}

/// A plan stated right before what was done of it, in the same sentence and on the same
/// measure: `今年计划投资191.36亿元，完成投资162.59亿元`.
fn plan_then_completion(metrics: &[Metric], used: &mut [bool], out: &mut Vec<Gauge>) {
    for t in 0..metrics.len().saturating_sub(1) {
        let (tm, am) = (&metrics[t], &metrics[t + 1]);
        let done = ["完成", "实际完成"]
            .iter()
            .any(|v| am.label.strip_prefix(v) == Some(tm.label.as_str()));
        if used[t]
            || used[t + 1]
            || tm.kind != MetricKind::Target
            || am.kind != MetricKind::Actual
            || tm.source != am.source
            || tm.value.is_none()
            || am.value.is_none()
            || !done
            || !units::compatible(&tm.unit, &am.unit)
        {
            continue;
        }
        used[t] = true;
        used[t + 1] = true;
        out.push(paired_gauge(metrics, t + 1, tm));
    }
}

/// The year a metric's period falls in, when known.
fn year_of(m: &Metric) -> Option<i32> {
    m.period.as_deref().and_then(period_year)
}

/// A gauge from an achieved figure `a` and a target `tm` stated as a figure of its own:
/// the percent is computed, and the pair is cross-period when their years differ.
fn paired_gauge(metrics: &[Metric], a: usize, tm: &Metric) -> Gauge {
    let am = &metrics[a];
    let actual = am.value.unwrap_or(0.0);
    let target = units::convert(tm.value.unwrap_or(0.0), &tm.unit, &am.unit);
    Gauge {
        label: gauge_label(metrics, a),
        actual,
        target,
        percent: target
            .filter(|t| *t > 0.0)
            .map(|t| (actual / t * 10000.0).round() / 100.0),
        percent_stated: false,
        unit: am.unit.clone(),
        actual_period: am.period.clone(),
        target_period: tm.period.clone(),
        cross_period: year_of(am) != year_of(tm),
        source: am.source,
        target_source: (tm.source != am.source).then_some(tm.source),
        indicator: None,
    }
}
