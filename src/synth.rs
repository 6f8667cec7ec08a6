//! A deterministic synthetic corpus for benchmarks, made from the five seed articles.
//!
//! Each synthetic article takes a base seed, keeps its first line as the title, and fills its
//! body with paragraphs drawn mostly from that seed and sometimes from the others, until it
//! holds about 2.7 KB. The seed's region name is swapped for a real county, city or zone
//! name, and figures are scaled by a random factor (years, dates and ordinals are left
//! alone), so that no two articles are alike while the text stays realistic: traditional
//! and simplified script, pinyin glosses, template placeholders and all. The same `n` and
//! `seed` always give the same bytes.

use std::fmt::Write as _;

/// The seed articles, with the name stems of the region each one is about.
const SEEDS: [(&str, &[&str]); 5] = [
    (include_str!("../data/raw/000-suixi-kaifaqu.txt"), &["濉溪"]),
    (
        include_str!("../data/raw/001-tongliao.txt"),
        &["通遼", "通辽"],
    ),
    (include_str!("../data/raw/002-tianjiaan.txt"), &["田家庵"]),
    (include_str!("../data/raw/003-kaifaqu-template.txt"), &[]),
    (
        include_str!("../data/raw/004-gucheng-kaifaqu.txt"),
        &["谷城"],
    ),
];

/// Stems of real Chinese counties, cities, districts and banners; the seed's own suffix
/// (市, 县, 区, 经济开发区…) follows them.
const REGIONS: [&str; 100] = [
    "昆山",
    "江阴",
    "义乌",
    "晋江",
    "慈溪",
    "常熟",
    "宜兴",
    "余姚",
    "神木",
    "海宁",
    "龙口",
    "胶州",
    "温岭",
    "荣成",
    "太仓",
    "诸暨",
    "乐清",
    "邳州",
    "如皋",
    "丹阳",
    "瑞安",
    "霍林郭勒",
    "开鲁",
    "奈曼",
    "扎鲁特",
    "科尔沁",
    "遂溪",
    "濉溪",
    "通辽",
    "谷城",
    "襄阳",
    "淮南",
    "田家庵",
    "南通",
    "盐城",
    "泰州",
    "宿迁",
    "滁州",
    "芜湖",
    "蚌埠",
    "阜阳",
    "亳州",
    "六安",
    "赣州",
    "吉安",
    "上饶",
    "九江",
    "株洲",
    "岳阳",
    "常德",
    "衡阳",
    "柳州",
    "桂林",
    "玉林",
    "遵义",
    "曲靖",
    "大理",
    "榆林",
    "延安",
    "宝鸡",
    "天水",
    "酒泉",
    "银川",
    "石嘴山",
    "鄂尔多斯",
    "包头",
    "赤峰",
    "锦州",
    "营口",
    "鞍山",
    "吉林",
    "四平",
    "大庆",
    "绥化",
    "牡丹江",
    "唐山",
    "邯郸",
    "沧州",
    "廊坊",
    "潍坊",
    "临沂",
    "济宁",
    "烟台",
    "德州",
    "聊城",
    "洛阳",
    "南阳",
    "许昌",
    "周口",
    "宜昌",
    "荆州",
    "孝感",
    "黄冈",
    "绵阳",
    "宜宾",
    "南充",
    "达州",
    "泸州",
    "遂宁",
    "库伦",
];

/// About how many bytes of raw text each article holds.
const TARGET_BYTES: usize = 2700;

/// A small xorshift64* generator: deterministic, dependency-free, good enough for test data.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        // A zero state would stay zero; mixing in a constant avoids it.
        Self(seed ^ 0x9E37_79B9_7F4A_7C15 | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// A number in `[lo, hi)`.
    fn between(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * ((self.next() >> 11) as f64 / (1u64 << 53) as f64)
    }
}

/// Generates `n` raw articles as `(file name, UTF-8 bytes)`, the same ones for the same
/// `n` and `seed`.
///
/// ```
/// let a = zhaoshang::synth::generate(3, 7);
/// assert_eq!(a.len(), 3);
/// assert_eq!(a, zhaoshang::synth::generate(3, 7));
/// assert!(a.iter().all(|(_, bytes)| bytes.len() > 2000));
/// ```
pub fn generate(n: usize, seed: u64) -> Vec<(String, Vec<u8>)> {
    let seeds: Vec<Vec<&str>> = SEEDS
        .iter()
        .map(|(text, _)| {
            text.lines()
                .map(str::trim_end)
                .filter(|l| !l.trim().is_empty())
                .collect()
        })
        .collect();
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| {
            let base = rng.below(SEEDS.len());
            let region = REGIONS[rng.below(REGIONS.len())];
            let text = article(&seeds, base, region, &mut rng);
            (format!("synth-{i:06}.txt"), text.into_bytes())
        })
        .collect()
}

/// One article: the base seed's title, then paragraphs until the target size.
fn article(seeds: &[Vec<&str>], base: usize, region: &str, rng: &mut Rng) -> String {
    let target = TARGET_BYTES - 300 + rng.below(600);
    let mut out = String::with_capacity(target + 1024);
    let lines = &seeds[base];
    if let Some(title) = lines.first() {
        push_line(&mut out, title, SEEDS[base].1, region, rng);
    }
    let mut guard = 0;
    while out.len() < target && guard < 200 {
        guard += 1;
        // Mostly the base seed, so that each article keeps one voice.
        let from = if rng.below(10) < 7 {
            base
        } else {
            rng.below(seeds.len())
        };
        let pool = &seeds[from];
        if pool.len() < 2 {
            continue;
        }
        let line = pool[1 + rng.below(pool.len() - 1)];
        if out.len() + line.len() > target + 600 {
            continue;
        }
        push_line(&mut out, line, SEEDS[from].1, region, rng);
    }
    out
}

/// Appends `line` with its region stems replaced and its figures perturbed.
fn push_line(out: &mut String, line: &str, stems: &[&str], region: &str, rng: &mut Rng) {
    let mut line = line.to_owned();
    for stem in stems {
        line = line.replace(stem, region);
    }
    out.push_str(&perturb_figures(&line, rng));
    out.push('\n');
}

/// Scales every figure in `line` by a factor between 0.6 and 1.6, keeping its decimal
/// places; years (1900–2100 followed by 年 or standing alone) and day or month numbers
/// (followed by 月, 日 or 号) stay as they are.
fn perturb_figures(line: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i + 1 < chars.len() && chars[i] == '.' && chars[i + 1].is_ascii_digit() {
            i += 1;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
        }
        let raw: String = chars[start..i].iter().collect();
        let next = chars.get(i).copied();
        let is_date = matches!(next, Some('年' | '月' | '日' | '号' | '-' | ':'))
            || (raw.len() == 4 && raw.starts_with(['1', '2']) && !raw.contains('.'));
        match raw.parse::<f64>() {
            Ok(value) if !is_date => {
                let decimals = raw.split_once('.').map_or(0, |(_, d)| d.len());
                let scaled = value * rng.between(0.6, 1.6);
                // Writing to a String cannot fail.
                let _ = write!(out, "{scaled:.decimals$}");
            }
            _ => out.push_str(&raw),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_deterministic_and_seed_dependent() {
        assert_eq!(generate(20, 1), generate(20, 1));
        assert_ne!(generate(20, 1), generate(20, 2));
        assert!(generate(0, 1).is_empty());
    }

    #[test]
    fn articles_are_about_the_target_size_and_valid_utf8() {
        let corpus = generate(200, 42);
        let total: usize = corpus.iter().map(|(_, b)| b.len()).sum();
        let mean = total / corpus.len();
        assert!((2300..3300).contains(&mean), "mean {mean}");
        assert!(corpus.iter().all(|(_, b)| std::str::from_utf8(b).is_ok()));
    }

    #[test]
    fn file_names_are_unique_and_sorted() {
        let names: Vec<String> = generate(50, 3).into_iter().map(|(n, _)| n).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(names, sorted);
    }

    #[test]
    fn regions_are_swapped() {
        let corpus = generate(100, 5);
        let mentions = |name: &str| {
            corpus
                .iter()
                .filter(|(_, b)| String::from_utf8_lossy(b).contains(name))
                .count()
        };
        assert!(REGIONS.iter().filter(|r| mentions(r) > 0).count() > 20);
    }

    #[test]
    fn figures_change_but_dates_do_not() {
        let mut rng = Rng::new(9);
        let out = perturb_figures("2022年12月投资185.5亿元，签约568个", &mut rng);
        assert!(out.starts_with("2022年12月投资"), "{out}");
        assert!(!out.contains("185.5亿"), "{out}");
        assert!(out.contains('.'), "{out}");
    }
}
