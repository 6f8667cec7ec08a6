//! Units as written in reports, and how they convert: 亿元 and 万元 are one family.

/// A unit's family (the base unit) and its factor to that base.
///
/// ```
/// use zhaoshang::corpus::units::scale;
/// assert_eq!(scale("亿元"), ("元", 1e8));
/// assert_eq!(scale("万美元"), ("美元", 1e4));
/// assert_eq!(scale("个"), ("个", 1.0));
/// assert_eq!(scale("亿"), ("元", 1e8));
/// ```
pub fn scale(unit: &str) -> (&str, f64) {
    const MAGNITUDES: [(&str, f64); 5] = [
        ("万亿", 1e12),
        ("千万", 1e7),
        ("百万", 1e6),
        ("亿", 1e8),
        ("万", 1e4),
    ];
    // `任务80亿`: a bare 亿 in these reports is money (万 alone is as often people).
    if unit == "亿" {
        return ("元", 1e8);
    }
    for (prefix, factor) in MAGNITUDES {
        if let Some(base) = unit.strip_prefix(prefix)
            && !base.is_empty()
            && base != "余"
        {
            return (base, factor);
        }
    }
    (unit, 1.0)
}

/// True when values in the two units can be compared after conversion.
///
/// ```
/// use zhaoshang::corpus::units::compatible;
/// assert!(compatible("亿元", "万元") && !compatible("亿元", "亿美元") && !compatible("个", "家"));
/// ```
pub fn compatible(a: &str, b: &str) -> bool {
    scale(a).0 == scale(b).0
}

/// Converts `value` from unit `from` to unit `to`, when they are compatible.
///
/// ```
/// use zhaoshang::corpus::units::convert;
/// assert_eq!(convert(9000.0, "万元", "亿元"), Some(0.9));
/// assert_eq!(convert(1.0, "个", "亿元"), None);
/// ```
pub fn convert(value: f64, from: &str, to: &str) -> Option<f64> {
    let (base_from, f) = scale(from);
    let (base_to, t) = scale(to);
    (base_from == base_to).then(|| value * f / t)
}

/// True for units that count whole things (projects, firms, people), whose estimates are
/// shown as whole numbers.
///
/// ```
/// use zhaoshang::corpus::units::is_count;
/// assert!(is_count("个") && is_count("家") && is_count("万人"));
/// assert!(!is_count("亿元") && !is_count("亩") && !is_count("%"));
/// ```
pub fn is_count(unit: &str) -> bool {
    const COUNTS: [&str; 16] = [
        "个", "家", "项", "件", "户", "人", "名", "批", "座", "所", "台", "套", "次", "宗", "栋",
        "位",
    ];
    COUNTS.contains(&scale(unit).0)
}
