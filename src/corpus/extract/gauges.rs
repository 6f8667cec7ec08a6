//! Gauges: an achieved figure paired with its target or its stated percent of target.

#[allow(clippy::wildcard_imports)]
use super::*;

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
