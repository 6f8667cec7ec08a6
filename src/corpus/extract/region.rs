//! The main subject region of an article, placed in the gazetteer.
//!
//! Every place and zone the text names is found with [`Gazetteer::mentions`]; each mention
//! weighs by where it stands (title, source line, first paragraph, body) and by what
//! surrounds it (`赴北京`, `落户霍林郭勒市` name other places). Words such as `全县`, `我市`
//! and `该区` vote for the level of the subject: a county and its prefecture both named,
//! the one the `全X` figures belong to wins, and a bare name takes the level the text
//! implies (`辽阳` with `全市` is 辽阳市, not 辽阳县). A name never placed in the gazetteer
//! is never a region, and a text that names its subject only as `我县` has none.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::corpus::RegionLevel;
use crate::corpus::gazetteer::{Form, Gazetteer, Mention, PlaceId, ZONE_SUFFIXES};

/// How much of an article the region finder reads.
const REGION_SCAN_BYTES: usize = 64 * 1024;

/// The level word of a zone named by its kind alone (`开发区`, `园区`).
const ZONE_VOTE: char = 'Z';

/// A subject needs at least this much evidence: two plain mentions, or one in the title.
const MIN_SCORE: f64 = 2.0;

/// Visitors coming to a city named by one character: `来锦考察`, `来邵投资`.
static ABBREVIATED_VISIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"来(\p{Han})(?:考察|投资|洽谈|参观|兴业|创业|落户|对接|调研|督查|视察|开展)")
        .expect("valid regex")
});

/// A banner named by its first character (`克旗`, `翁旗`), a common short form in Inner
/// Mongolia.
static SHORT_BANNER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\p{Han})旗").expect("valid regex"));

/// The chars `start..end` of `text`.
fn text_between(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// The subject region, as stored on an article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Region {
    /// The display name: a place's [display name](Gazetteer::display_name) (the official
    /// name, or the short official form of an autonomous prefecture or county), a zone's
    /// name as written.
    pub name: String,
    /// GB/T 2260 code when the gazetteer places the region with certainty.
    pub code: Option<String>,
    /// Administrative level.
    pub level: Option<RegionLevel>,
    /// Names from the province down to the region; empty when it could not be placed.
    pub path: Vec<String>,
}

/// Where a piece of text sits in the article, and how much a mention there weighs.
#[derive(Clone, Copy)]
enum Spot {
    Title,
    Site,
    FirstParagraph,
    Body,
}

impl Spot {
    fn weight(self) -> f64 {
        match self {
            Self::Title => 3.0,
            Self::Site | Self::FirstParagraph => 1.5,
            Self::Body => 1.0,
        }
    }
}

/// Words before a name that make it another place than the subject: a destination, a
/// project's site, a partner.
const ELSEWHERE_BEFORE: [&str; 15] = [
    // 总书记视察宁夏重要讲话: a leader's visit, quoted as the name of a speech.
    "视察",
    "赴",
    "到",
    "去",
    "前往",
    "来自",
    "落户",
    "落地",
    "落户在",
    "考察",
    "对接",
    "走访",
    "与",
    "同",
    "和",
];
/// Words that end the name of an organisation named after a place; a clause that is a
/// project's name (`开平东汇城(二期)项目`) counts too.
const ORGANISATIONS: [&str; 10] = [
    "有限公司",
    "公司",
    "集团",
    "大学",
    "学院",
    "医院",
    "银行",
    "校区",
    // 清河代表组, 城关代表团: a group of deputies named after the place they represent.
    "代表组",
    "代表团",
];
/// Words after a name that make it another place than the subject.
const ELSEWHERE_AFTER: [&str; 6] = ["等地", "等省", "等市", "客商", "企业家", "籍"];

/// Level words (`全县`, `我市`, `该区`, `本镇`): the subject's level as the last character
/// of its name.
fn level_votes(text: &str) -> HashMap<char, usize> {
    let mut votes = HashMap::new();
    let mut previous = ' ';
    for c in text.chars() {
        if matches!(previous, '全' | '我' | '该' | '本')
            && matches!(
                c,
                '省' | '市' | '州' | '县' | '区' | '旗' | '盟' | '镇' | '乡'
            )
        {
            *votes.entry(c).or_insert(0) += 1;
        }
        previous = c;
    }
    votes
}

/// The character a region's name ends with, as level words name it (`街道` → 街, a zone
/// → 区).
fn level_char(name: &str) -> Option<char> {
    let last = name.chars().next_back()?;
    Some(match last {
        '道' => '街',
        '园' => '区',
        c => c,
    })
}

/// One candidate subject with its evidence.
#[derive(Debug, Default)]
struct Candidate {
    score: f64,
    first: usize,
    place: Option<PlaceId>,
    /// For a zone: the place it is built on.
    parent: Option<PlaceId>,
    /// Names as written, for zones and places that could not be placed.
    written: Vec<String>,
    level: Option<RegionLevel>,
    /// True when the place was named by a name it no longer has (`安西县`).
    historical: bool,
}

/// A mention together with where it stands.
struct Seen {
    mention: Mention,
    weight: f64,
    /// Position over the whole article, for ordering.
    order: usize,
    /// True for a mention in the title or the site line.
    strong_spot: bool,
}

/// Finds the main subject region from the title, an optional source or site line and the
/// clean paragraphs.
///
/// ```
/// use zhaoshang::corpus::extract::region::find_region;
/// let body = ["谷城经济开发区积极对接，全区签约项目19个。谷城经济开发区持续推进。".to_owned()];
/// let r = find_region("", None, &body).expect("a region");
/// assert_eq!(r.name, "谷城经济开发区");
/// assert_eq!(r.path, ["湖北省", "襄阳市", "谷城县", "谷城经济开发区"]);
/// // Only 我县: the text never names its subject.
/// assert_eq!(find_region("", None, &["我县完成签约项目28个，全县到位资金10亿元。".to_owned()]), None);
/// ```
pub fn find_region(title: &str, site: Option<&str>, paragraphs: &[String]) -> Option<Region> {
    let gazetteer = Gazetteer::global();
    let mut pieces: Vec<(Spot, &str)> = vec![(Spot::Title, title)];
    if let Some(site) = site {
        pieces.push((Spot::Site, site));
    }
    // The outlet of the dateline opening the first paragraph (`滁州日报讯`): its names
    // support the rest like a site line's, without counting twice.
    let outlet_chars = paragraphs.first().map_or(0, |p| {
        dateline_outlet(p).map_or(0, |o| {
            let lead = p.len() - p.trim_start_matches(is_indent).len();
            p[..lead + o.len()].chars().count()
        })
    });
    let mut budget = REGION_SCAN_BYTES;
    for (i, p) in paragraphs.iter().enumerate() {
        if budget == 0 {
            break;
        }
        let cut = (0..=budget.min(p.len()))
            .rev()
            .find(|&b| p.is_char_boundary(b))
            .unwrap_or(0);
        budget -= cut;
        let place = if i == 0 {
            Spot::FirstParagraph
        } else {
            Spot::Body
        };
        pieces.push((place, &p[..cut]));
    }

    let mut votes: HashMap<char, usize> = HashMap::new();
    let mut seen = Vec::new();
    let mut order = 0;
    // Where each piece names a place, so that an abbreviation is not read inside a name.
    let mut named: Vec<Vec<(usize, usize)>> = Vec::new();
    for &(place, text) in &pieces {
        named.push(Vec::new());
        if !matches!(place, Spot::Site) {
            for (c, n) in level_votes(text) {
                *votes.entry(c).or_insert(0) += n;
            }
        }
        let chars: Vec<char> = text.chars().collect();
        for mention in gazetteer.mentions(text) {
            if let Some(spans) = named.last_mut() {
                spans.push((mention.start, mention.end));
            }
            let before: String = chars[mention.start.saturating_sub(3)..mention.start]
                .iter()
                .collect();
            let after: String = chars[mention.end..(mention.end + 3).min(chars.len())]
                .iter()
                .collect();
            let prev = mention.start.checked_sub(1).map(|i| chars[i]);
            // 全州 and 我市 are level words, not the places 全州县 or 我市; 成县 inside 完成县
            // is no place at all.
            let level_word =
                mention.form == Form::Bare && mention.text.starts_with(['全', '我', '本', '该']);
            let glued = mention.text.chars().count() == 2
                && mention.form == Form::Full
                && mention.level != RegionLevel::Zone
                && prev.is_some_and(super::super::convert::is_han);
            if level_word || glued {
                continue;
            }
            let elsewhere = ELSEWHERE_BEFORE.iter().any(|w| before.ends_with(w))
                || ELSEWHERE_AFTER.iter().any(|w| after.starts_with(w));
            // 霍山县34个、金寨县32个: a breakdown by place; （含邓州市）: an aside.
            let listed = after.starts_with(|c: char| c.is_ascii_digit() || c == '、')
                || before.ends_with('、');
            let aside = before.contains(['（', '(']);
            // 开平市旭日蛋品有限公司, 中山大学珠海校区: a name inside an organisation's.
            let ahead: String = chars[mention.end..]
                .iter()
                .take(10)
                .take_while(|c| !"，。；、：,;:！？".contains(**c))
                .collect();
            // 贵州茅台酱香酒项目 is a project's name; 新疆落实执行招商引资项目 is the subject
            // at work.
            let organisation = ORGANISATIONS.iter().any(|w| ahead.contains(w))
                || (ahead.ends_with("项目") && !ACTION_WORDS.iter().any(|w| ahead.contains(w)));
            // “河南省装备制造外贸转型升级基地”: a name inside the name of an honour or a plan.
            let quoted = chars[mention.start.saturating_sub(16)..mention.start]
                .iter()
                .rev()
                .find(|c| "“”《》".contains(**c))
                .is_some_and(|c| "“《".contains(*c));
            let in_outlet = matches!(place, Spot::FirstParagraph) && mention.end <= outlet_chars;
            let mut weight = place.weight();
            if matches!(place, Spot::Site) || in_outlet {
                // The publisher's own line (中山市坦洲镇人民政府): no penalty for the office.
            } else if elsewhere || listed || organisation || quoted {
                weight *= 0.3;
            } else if aside {
                weight *= 0.5;
            }
            if mention.form == Form::Bare && mention.level != RegionLevel::Zone {
                weight *= 0.8;
            }
            seen.push(Seen {
                mention,
                weight,
                order,
                strong_spot: matches!(place, Spot::Title | Spot::Site) || in_outlet,
            });
            order += 1;
        }
    }
    // `邀请…企业来锦考察`: a city abbreviated to one character, where visitors come to; it
    // counts as a plain mention when one prefecture-level city alone starts with it. In a
    // text that speaks of 我旗 or 全旗, `克旗` is the one banner starting with 克.
    let banner_text = votes.contains_key(&'旗');
    for (&(place, text), spans) in pieces.iter().zip(&named) {
        if matches!(place, Spot::Site) {
            continue;
        }
        let visits = ABBREVIATED_VISIT
            .captures_iter(text)
            .filter_map(|caps| caps.get(1))
            .map(|m| (m, RegionLevel::Prefecture, None));
        let banners = banner_text
            .then(|| SHORT_BANNER.captures_iter(text))
            .into_iter()
            .flatten()
            .filter_map(|caps| caps.get(1))
            .map(|m| (m, RegionLevel::County, Some('旗')));
        for (abbreviation, level, last) in visits.chain(banners) {
            let Some(c) = abbreviation.as_str().chars().next() else {
                continue;
            };
            let start = text[..abbreviation.start()].chars().count();
            let end = text[..abbreviation.end()].chars().count() + usize::from(last.is_some());
            if spans.iter().any(|&(s, e)| s < end && start < e) {
                continue; // 镶黄旗 is a name of its own
            }
            let [id] = gazetteer.places_starting_with(level, c, last)[..] else {
                continue;
            };
            seen.push(Seen {
                mention: Mention {
                    start,
                    end,
                    text: text_between(text, start, end),
                    level,
                    form: Form::Short,
                    candidates: vec![(id, Form::Short)],
                    parents: Vec::new(),
                },
                weight: Spot::Body.weight(),
                order,
                strong_spot: false,
            });
            order += 1;
        }
    }
    named_zones(&pieces, &mut seen, &mut order);
    let is_bare_zone = |m: &Mention| {
        m.level == RegionLevel::Zone
            && m.parents.is_empty()
            && m.candidates.is_empty()
            && ZONE_SUFFIXES.contains(&m.text.as_str())
    };
    // 开发区, 高新区 or 综保区 alone names the article's own zone; 园区 and 产业园 are
    // ordinary words.
    let bare_zones = seen
        .iter()
        .filter(|s| {
            is_bare_zone(&s.mention)
                && ["开发区", "高新区", "经开区", "综保区"].contains(&s.mention.text.as_str())
        })
        .count();
    if bare_zones > 0 {
        *votes.entry(ZONE_VOTE).or_insert(0) += bare_zones;
    }

    // Places named unambiguously in full or short form, and their ancestors, place the rest.
    let mut context: Vec<PlaceId> = Vec::new();
    for s in &seen {
        let ids = s.mention.ids();
        let ids = if ids.is_empty() {
            s.mention.parents.clone()
        } else {
            ids
        };
        if let [only] = ids.as_slice()
            && s.mention.form != Form::Bare
        {
            context.extend(gazetteer.path(*only));
        }
    }

    let resolve = |ids: &[PlaceId]| -> Option<PlaceId> {
        if let [only] = ids {
            return Some(*only);
        }
        let fitting: Vec<PlaceId> = ids
            .iter()
            .copied()
            .filter(|&id| {
                level_char(&gazetteer.place(id).name).is_some_and(|c| votes.contains_key(&c))
            })
            .collect();
        if let [only] = fitting.as_slice() {
            return Some(*only);
        }
        let pool = if fitting.is_empty() { ids } else { &fitting };
        gazetteer.disambiguate(pool, &context)
    };

    // A bare name in the body (`资中` inside `投资中`, `龙山` inside `封龙山`) counts only for
    // a place the text also names in full, or names in its title or site line.
    let mut supported: Vec<PlaceId> = Vec::new();
    for s in &seen {
        if s.mention.form != Form::Bare || s.strong_spot {
            supported.extend(s.mention.ids());
            supported.extend(s.mention.parents.iter().copied());
        }
    }
    let mut candidates: HashMap<String, Candidate> = HashMap::new();
    for s in &seen {
        let m = &s.mention;
        if is_bare_zone(m) {
            continue; // 开发区 alone: a vote for a zone, not a name
        }
        let (key, place, parent, level) = if m.level == RegionLevel::Zone {
            let listed = m.ids();
            let place = resolve(&listed).filter(|_| !listed.is_empty());
            let parent = if m.parents.is_empty() {
                place.and_then(|z| gazetteer.place(z).parent)
            } else {
                resolve(&m.parents)
            };
            let suffix = zone_class(&m.text);
            let key = match parent {
                Some(p) => format!("zone:{}:{suffix}", p.index()),
                None => format!("zone:{}", m.text),
            };
            (key, place, parent, Some(RegionLevel::Zone))
        } else {
            // 吉林 is the province 吉林省 before it is the city it is also the bare name of.
            let strong: Vec<PlaceId> = m
                .candidates
                .iter()
                .filter(|&&(_, f)| f != Form::Bare)
                .map(|&(id, _)| id)
                .collect();
            let ids = if strong.is_empty() { m.ids() } else { strong };
            match resolve(&ids) {
                Some(id) => (
                    format!("place:{}", id.index()),
                    Some(id),
                    None,
                    Some(gazetteer.place(id).level),
                ),
                None => (format!("name:{}", m.text), None, None, Some(m.level)),
            }
        };
        // A bare name also counts when the text speaks at its level (通城 with 全县) and
        // names its parent (咸宁新闻网讯…通城招商引资…全县).
        let placed_by_parent = |id: PlaceId| {
            let p = gazetteer.place(id);
            p.parent.is_some_and(|parent| supported.contains(&parent))
                && level_char(&p.name).is_some_and(|c| votes.contains_key(&c))
        };
        // A bare name no one place fits (`清河`: a county, districts, streets) is never the
        // subject, even in the title (`区人大清河代表组…`): it would be a region invented.
        if m.level != RegionLevel::Zone && m.form == Form::Bare && place.is_none() {
            continue;
        }
        if m.level != RegionLevel::Zone
            && m.form == Form::Bare
            && !s.strong_spot
            && !place
                .or(parent)
                .is_some_and(|id| supported.contains(&id) || placed_by_parent(id))
        {
            continue;
        }
        let historical = m.form == Form::Historical;
        let c = candidates.entry(key).or_insert_with(|| Candidate {
            first: s.order,
            place,
            parent,
            level,
            historical,
            ..Candidate::default()
        });
        c.score += s.weight;
        c.written.push(m.text.clone());
    }

    let dominant = votes.values().copied().max().unwrap_or(0);
    let fitting_votes = |c: &Candidate| -> usize {
        if c.level == Some(RegionLevel::Zone) {
            return votes.get(&'区').copied().unwrap_or(0)
                + votes.get(&ZONE_VOTE).copied().unwrap_or(0);
        }
        // A former name speaks at its own level (新建县, now 新建区).
        let name = match c.place {
            Some(id) if !c.historical => gazetteer.place(id).name.clone(),
            _ => c.written.first().cloned().unwrap_or_default(),
        };
        level_char(&name)
            .and_then(|ch| votes.get(&ch))
            .copied()
            .unwrap_or(0)
    };
    let scored = candidates.into_values().map(|c| {
        let n = fitting_votes(&c);
        let mut score = c.score;
        if n > 0 && score >= 1.0 {
            score += 0.5 * n.min(3) as f64;
        } else if n == 0 && dominant > 0 {
            // The text speaks of a level this place is not (全州 six times, a county
            // named with its own figures): the more it does, the less the place is the
            // subject.
            score *= if dominant >= 3 { 0.25 } else { 0.5 };
        }
        (score, c)
    });
    let depth = |c: &Candidate| {
        c.place
            .or(c.parent)
            .map_or(0, |id| gazetteer.path(id).len())
            + usize::from(c.level == Some(RegionLevel::Zone))
    };
    let scored: Vec<(f64, Candidate)> = scored.collect();
    if let Some(zone) = bare_zone_subject(gazetteer, title, &seen, &votes, &scored) {
        return Some(zone);
    }
    let (score, best) = scored
        .iter()
        .max_by(|(sa, a), (sb, b)| {
            sa.total_cmp(sb)
                .then(depth(a).cmp(&depth(b)))
                .then(b.first.cmp(&a.first))
        })
        .map(|(s, c)| (*s, c))?;
    // The most specific region the article is about: a zone or county of the best place
    // that is named almost as much wins over it (淄博高新区 over 淄博市).
    let anchor = best.place.or(best.parent);
    let within = |c: &Candidate| {
        let own = c.place.or(c.parent);
        match (own, anchor) {
            (Some(o), Some(a)) => {
                o != a && gazetteer.is_within(o, a)
                    || (c.level == Some(RegionLevel::Zone)
                        && o == a
                        && best.level != Some(RegionLevel::Zone))
            }
            _ => false,
        }
    };
    let best = scored
        .iter()
        .filter(|(s, c)| within(c) && *s >= 0.7 * score)
        .max_by(|(sa, _), (sb, _)| sa.total_cmp(sb))
        .map_or(best, |(_, c)| c);
    if score < MIN_SCORE {
        return None;
    }
    Some(describe(gazetteer, best))
}

/// Zone kinds too ordinary to name a zone after no place (`产业园`, `新区`): a zone named
/// after no place takes one of the other [`ZONE_SUFFIXES`] (`慈湖高新区`, `倘甸产业园区`).
const ORDINARY_ZONE_KINDS: [&str; 5] = ["工业园", "产业园", "保税区", "新区", "园区"];

/// Words before a zone kind that say which zones, not which zone (`重点开发区`, `省级高新区`).
const ZONE_QUALIFIERS: [&str; 16] = [
    "重点", "国家", "省级", "市级", "县级", "各类", "各个", "全部", "所有", "现有", "这些", "特色",
    "新型", "综合", "沿海", "边境",
];

/// Characters a zone's own name does not hold: function words, level words, verbs of the
/// report (`占市下达`, `省级以上`, `有关`).
const NOT_IN_ZONE_NAMES: &str =
    "的和与及在对是了为将把被从向等个占下上以有关达成完其他该此各本我全省市县区镇乡级";

/// Characters after which a zone's name may start (`对慈湖高新区来说`, `来到常州综保区`).
const BEFORE_ZONE_NAME: &str = "对在到为是把与和及向赴来由从让给了的于至入驻";

/// Zones named after no place in the gazetteer (`对慈湖高新区来说`, `昆明倘甸产业园区`): the
/// name is the longest run of two to four characters before the zone kind that the text
/// also writes elsewhere (`慈湖码头`, `倘甸支行`), so that its start is read from the text
/// rather than guessed. A run the text never repeats names no zone.
fn named_zones(pieces: &[(Spot, &str)], seen: &mut Vec<Seen>, order: &mut usize) {
    let nameable =
        |kind: &str| ZONE_SUFFIXES.contains(&kind) && !ORDINARY_ZONE_KINDS.contains(&kind);
    // Only where a zone kind stands without a place before it.
    if !seen.iter().any(|s| {
        s.mention.level == RegionLevel::Zone
            && s.mention.parents.is_empty()
            && s.mention.candidates.is_empty()
            && nameable(&s.mention.text)
    }) {
        return;
    }
    let texts: Vec<(Spot, &str)> = pieces
        .iter()
        .copied()
        .filter(|(spot, _)| !matches!(spot, Spot::Site))
        .collect();
    let occurrences =
        |word: &str| -> usize { texts.iter().map(|(_, t)| t.matches(word).count()).sum() };
    let is_han = super::super::convert::is_han;
    let mut found: Vec<Seen> = Vec::new();
    for &(spot, text) in &texts {
        for &kind in ZONE_SUFFIXES.iter().filter(|k| nameable(k)) {
            for (byte, _) in text.match_indices(kind) {
                let before = &text[..byte];
                // The longer kind already matched here (经济开发区 holds 开发区).
                if ZONE_SUFFIXES.iter().any(|k| {
                    k.len() > kind.len()
                        && k.ends_with(kind)
                        && before.ends_with(&k[..k.len() - kind.len()])
                }) {
                    continue;
                }
                // Byte offsets where a name of 2..=4 Han chars before the kind may start,
                // longest first.
                let starts: Vec<usize> = before
                    .char_indices()
                    .rev()
                    .take(4)
                    .take_while(|&(_, c)| is_han(c))
                    .map(|(i, _)| i)
                    .skip(1)
                    .collect();
                // Where a name may start: the text's start or a mark, a word that governs
                // a place (`对`, `在`, `来到`), or the end of a place's name (`昆明倘甸`).
                let starts_clean = |start: usize| {
                    let head = &text[..start];
                    match head.chars().next_back() {
                        None => true,
                        Some(c) if !is_han(c) || BEFORE_ZONE_NAME.contains(c) => true,
                        Some(_) => {
                            // The last six chars, where a place's name would end.
                            let from = head.char_indices().rev().nth(5).map_or(0, |(i, _)| i);
                            let tail = &head[from..];
                            let len = tail.chars().count();
                            Gazetteer::global()
                                .mentions(tail)
                                .iter()
                                .any(|m| m.end == len)
                        }
                    }
                };
                let name = starts.iter().rev().copied().find(|&start| {
                    let word = &text[start..byte];
                    occurrences(word) >= 2
                        && starts_clean(start)
                        && !ZONE_QUALIFIERS.iter().any(|q| word.contains(q))
                        && !word.chars().any(|c| NOT_IN_ZONE_NAMES.contains(c))
                        && Gazetteer::global().mentions(word).is_empty()
                });
                let Some(start) = name else { continue };
                let at = text[..start].chars().count();
                let name_chars = text[start..byte].chars().count();
                found.push(Seen {
                    mention: Mention {
                        start: at,
                        end: at + name_chars + kind.chars().count(),
                        text: format!("{}{kind}", &text[start..byte]),
                        level: RegionLevel::Zone,
                        form: Form::Full,
                        candidates: Vec::new(),
                        parents: Vec::new(),
                    },
                    weight: spot.weight(),
                    order: *order,
                    strong_spot: matches!(spot, Spot::Title),
                });
                *order += 1;
            }
        }
    }
    seen.extend(found);
}

/// The article's own zone when the text names it only as 高新区, 开发区 or 经开区, again and
/// again and in its title or with 全区, and no zone of a named place: its place is the one
/// prefecture or county the text names (even inside a company's name) within a province it
/// names too (`新乡良润…有限公司` in a report that names 河南省 → 新乡高新区). `None` when no
/// single place fits: the zone is then left unnamed rather than guessed.
fn bare_zone_subject(
    gazetteer: &Gazetteer,
    title: &str,
    seen: &[Seen],
    votes: &HashMap<char, usize>,
    scored: &[(f64, Candidate)],
) -> Option<Region> {
    let word = ["高新区", "开发区", "经开区"]
        .into_iter()
        .map(|w| {
            let n = seen
                .iter()
                .filter(|s| s.mention.text == w && s.mention.candidates.is_empty())
                .filter(|s| s.mention.parents.is_empty())
                .count();
            (n, w)
        })
        .max()
        .filter(|&(n, _)| n >= 2)
        .map(|(_, w)| w)?;
    let own_zone = title.contains(word) || votes.get(&'区').is_some_and(|&n| n > 0);
    let placed_zone = scored.iter().any(|(_, c)| {
        c.level == Some(RegionLevel::Zone) && (c.place.is_some() || c.parent.is_some())
    });
    if !own_zone || placed_zone {
        return None;
    }
    let provinces: Vec<PlaceId> = seen
        .iter()
        .filter(|s| s.mention.level == RegionLevel::Province)
        .flat_map(|s| s.mention.ids())
        .collect();
    // The places within a named province; else, when none is, the names that are one place
    // only (楚雄市 in the site's masthead), which need no province to place them.
    let mut places: Vec<PlaceId> = Vec::new();
    let mut unambiguous: Vec<PlaceId> = Vec::new();
    for s in seen {
        if !matches!(
            s.mention.level,
            RegionLevel::Prefecture | RegionLevel::County
        ) {
            continue;
        }
        let ids = s.mention.ids();
        if let ([only], Form::Full) = (ids.as_slice(), s.mention.form)
            && !unambiguous.contains(only)
        {
            unambiguous.push(*only);
        }
        // 新乡 is 新乡市 and 新乡县: the zone named after it is the city's.
        let shallowest = ids
            .into_iter()
            .filter(|&id| provinces.iter().any(|&p| gazetteer.is_within(id, p)))
            .min_by_key(|&id| gazetteer.path(id).len());
        if let Some(id) = shallowest
            && !places.contains(&id)
        {
            places.push(id);
        }
    }
    if places.is_empty() {
        places = unambiguous;
    }
    let [parent] = places.as_slice() else {
        return None;
    };
    let place = gazetteer.place(*parent);
    let stem = place.bare.clone().unwrap_or_else(|| place.name.clone());
    let name = format!("{stem}{word}");
    let mut path: Vec<String> = gazetteer
        .path_names(*parent)
        .into_iter()
        .map(str::to_owned)
        .collect();
    path.push(name.clone());
    Some(Region {
        name,
        code: None,
        level: Some(RegionLevel::Zone),
        path,
    })
}

/// A zone's kind for grouping its written forms: 经开区 is 经济开发区 or 经济技术开发区,
/// 高新区 is 高新技术产业开发区.
fn zone_class(name: &str) -> &'static str {
    if ["经济技术开发区", "经济开发区", "经开区"]
        .iter()
        .any(|s| name.ends_with(s))
    {
        "econ"
    } else if ["高新技术产业开发区", "高新技术开发区", "高新区"]
        .iter()
        .any(|s| name.ends_with(s))
    {
        "hitech"
    } else if name.ends_with("综合保税区") || name.ends_with("综保区") {
        "bonded"
    } else {
        crate::corpus::gazetteer::ZONE_SUFFIXES
            .iter()
            .find(|s| name.ends_with(*s))
            .copied()
            .unwrap_or("zone")
    }
}

/// Words of a subject at work, which a project's name does not hold.
const ACTION_WORDS: [&str; 9] = [
    "招商引资",
    "落实",
    "执行",
    "引进",
    "签约",
    "完成",
    "实现",
    "新增",
    "开工",
];

/// Words that end a news outlet's name in a dateline (`滁州日报讯`, `江华新闻网讯`).
const OUTLETS: [&str; 8] = [
    "日报",
    "晚报",
    "时报",
    "新报",
    "新闻",
    "电视台",
    "融媒体中心",
    "网",
];

/// The outlet named by the dateline opening an article (`滁州日报讯（记者…）` → `滁州日报`),
/// which, like a site name, tells whose news this is. `本报讯` names no outlet.
///
/// ```
/// use zhaoshang::corpus::extract::dateline_outlet;
/// assert_eq!(dateline_outlet("　　滁州日报讯（记者 王某）全市…"), Some("滁州日报"));
/// assert_eq!(dateline_outlet("本报讯 全市…"), None);
/// ```
pub fn dateline_outlet(paragraph: &str) -> Option<&str> {
    let text = paragraph.trim_start_matches(is_indent);
    let head: String = text.chars().take(16).collect();
    let end = head.find('讯')?;
    let outlet = text[..end].trim_end_matches(|c: char| c.is_ascii_digit() || "月日".contains(c));
    OUTLETS
        .iter()
        .any(|w| outlet.ends_with(w))
        .then_some(outlet)
        .filter(|o| o.chars().count() >= 4)
}

/// Whitespace and the ideographic space that indent a paragraph.
fn is_indent(c: char) -> bool {
    c.is_whitespace() || c == '　'
}

/// The stored form of a chosen candidate.
fn describe(gazetteer: &Gazetteer, c: &Candidate) -> Region {
    let names = |id: PlaceId| -> Vec<String> {
        gazetteer
            .path_names(id)
            .into_iter()
            .map(str::to_owned)
            .collect()
    };
    if c.level == Some(RegionLevel::Zone) {
        // The fullest form the text writes: 邹城经济开发区 over 邹城经开区; the zone's own
        // name over its place's (天水经济技术开发区 over 天水市经济技术开发区) when the text
        // writes both.
        let fullest = c
            .written
            .iter()
            .max_by_key(|w| w.chars().count())
            .cloned()
            .unwrap_or_default();
        let name = ['市', '县']
            .iter()
            .map(|&level| fullest.replacen(level, "", 1))
            .find(|short| short != &fullest && c.written.contains(short))
            .unwrap_or(fullest);
        let (code, mut path) = match (c.place, c.parent) {
            (Some(z), _) => (
                Some(gazetteer.place(z).code.clone()),
                c.parent.map(names).unwrap_or_default(),
            ),
            (None, Some(p)) => (None, names(p)),
            _ => (None, Vec::new()),
        };
        if !path.is_empty() {
            path.push(name.clone());
        }
        return Region {
            name,
            code,
            level: Some(RegionLevel::Zone),
            path,
        };
    }
    match c.place {
        Some(id) if c.historical => {
            // The name as written, placed under the place that holds its area today: the
            // renamed county itself (same code) or, for a merged one, its prefecture.
            let name = c.written.first().cloned().unwrap_or_default();
            let place = gazetteer.place(id);
            let renamed = place.level == RegionLevel::County;
            let mut path = if renamed {
                place.parent.map(names).unwrap_or_default()
            } else {
                names(id)
            };
            path.push(name.clone());
            Region {
                name,
                code: renamed.then(|| place.code.clone()),
                level: Some(RegionLevel::County),
                path,
            }
        }
        Some(id) => {
            let place = gazetteer.place(id);
            Region {
                name: gazetteer.display_name(id).to_owned(),
                code: Some(place.code.clone()),
                level: Some(place.level),
                path: names(id),
            }
        }
        None => Region {
            name: c.written.first().cloned().unwrap_or_default(),
            code: None,
            level: c.level,
            path: Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_dateline_names_its_outlet() {
        assert_eq!(
            dateline_outlet("滁州日报讯(记者张三)全市…"),
            Some("滁州日报")
        );
        assert_eq!(
            dateline_outlet("　　江华新闻网10月30日讯 全县…"),
            Some("江华新闻网")
        );
        assert_eq!(dateline_outlet("　　本报讯　开发区是…"), None);
        assert_eq!(dateline_outlet("2月21日讯  记者从…"), None);
        assert_eq!(dateline_outlet("全县通讯网络覆盖…"), None);
    }

    #[test]
    fn a_bare_name_counts_when_its_parent_is_named_and_the_text_speaks_at_its_level() {
        let body = [
            "咸宁新闻网讯 1至6月，通城招商引资到位资金61.94亿元。全县新签约项目23个，该县形成合力。"
                .to_owned(),
        ];
        let r = find_region("", None, &body).expect("a region");
        assert_eq!(r.name, "通城县");
        // Without the parent, the bare name alone is not enough.
        let body = ["1至6月，通城招商引资到位资金61.94亿元。全县新签约项目23个。".to_owned()];
        assert_eq!(find_region("", None, &body), None);
    }

    #[test]
    fn a_former_county_speaks_at_its_own_level() {
        let body = ["在新建县，不少招商项目动辄以亿元计。今年上半年，该县实际利用外资8469万美元，全县新签约项目12个。".to_owned()];
        let r = find_region("新建开放型经济增势强劲", None, &body).expect("a region");
        assert_eq!(r.name, "新建县");
    }

    #[test]
    fn a_province_inside_a_quoted_name_is_not_the_subject() {
        let body = [
            "2021年，高新区实际利用省外资金47.24亿元，全区获批“河南省装备制造外贸转型升级基地”。"
                .to_owned(),
        ];
        assert_eq!(find_region("高新区：立足新起点", None, &body), None);
    }

    #[test]
    fn a_provincial_outlet_does_not_outweigh_the_county_it_reports_on() {
        let body = [
            "陕西传媒网-陕西日报讯(记者 侯晓林)日前，一个外资项目在凤翔县建成投产。".to_owned(),
            "今年以来，凤翔县坚持项目引领发展。截至9月底，凤翔县共签订招商引资项目64个。"
                .to_owned(),
        ];
        let r = find_region("", None, &body).expect("a region");
        assert_eq!(r.name, "凤翔县");
    }

    #[test]
    fn a_zone_named_only_as_gaoxinqu_takes_its_place_from_the_text() {
        let body = [
            "2021年，高新区多管齐下抓招商引资。全区实际利用省外资金47.24亿元，区内获批“河南省装备制造外贸转型升级基地”。".to_owned(),
            "高新区签约项目32个，新乡良润全谷物食品有限公司投产。".to_owned(),
        ];
        let r = find_region("高新区：立足新起点", None, &body).expect("a region");
        assert_eq!(r.name, "新乡高新区");
        assert_eq!(r.path, ["河南省", "新乡市", "新乡高新区"]);
        // Two places that could hold it: none is guessed.
        let body = [
            "2021年，高新区多管齐下抓招商引资。全区获批“河南省装备制造基地”。".to_owned(),
            "高新区签约项目32个，新乡良润公司和洛阳某公司投产。".to_owned(),
        ];
        assert_eq!(find_region("高新区：立足新起点", None, &body), None);
    }

    #[test]
    fn the_dateline_outlet_places_an_article_that_says_only_quanshi() {
        let body = ["滁州日报讯(记者张三)上半年，全市实现到位资金401.6亿元。全市新签约亿元以上项目225个，全市新开工亿元以上项目114个。".to_owned()];
        let r = find_region("市招商局力促招商引资实现新突破", None, &body).expect("a region");
        assert_eq!(r.name, "滁州市");
    }

    #[test]
    fn autonomous_prefectures_and_counties_are_shown_by_their_short_form() {
        let body = ["黔西南布依族苗族自治州招商引资成效明显，全州签约项目50个。".to_owned()];
        let r = find_region("", None, &body).expect("a region");
        assert_eq!(r.name, "黔西南州");
        assert_eq!(r.path, ["贵州省", "黔西南州"]);
    }

    use super::*;

    fn region(title: &str, body: &str) -> Option<String> {
        find_region(title, None, &[body.to_owned()]).map(|r| r.name)
    }

    macro_rules! region_case {
        ($name:ident, $title:expr, $body:expr, $want:expr) => {
            #[test]
            fn $name() {
                assert_eq!(region($title, $body).as_deref(), $want);
            }
        };
    }

    region_case!(
        a_city_visitors_come_to_by_one_character,
        "",
        "今年以来，我市招商成绩突出，全市到位资金490亿元。邀请多家知名企业来锦考察洽谈，全市签约项目66个。",
        Some("锦州市")
    );
    region_case!(
        one_character_several_cities_fit_is_no_region,
        "",
        "今年以来，我市招商成绩突出，全市到位资金490亿元。邀请多家知名企业来湘考察洽谈，全市签约项目66个。",
        None
    );
    region_case!(
        a_bare_name_no_one_place_fits_is_no_region_even_in_the_title,
        "区人大清河代表组视察区投资促进局工作",
        "按照区人大常委会的安排，区人大清河代表组对区投资促进局的工作进行了视察。",
        None
    );
    region_case!(
        full_name_repeated,
        "",
        "进入田家庵区网站。田家庵区将继续推进，田家庵区持续完善。",
        Some("田家庵区")
    );
    region_case!(
        other_places_are_not_the_subject,
        "",
        "通辽市坚持项目为王，全市签约。落地霍林郭勒市。通辽市将持续推进。",
        Some("通辽市")
    );
    region_case!(
        zones_named_by_kind_only_are_no_region,
        "",
        "园区经济稳中有进，经开区进入全省前列，开发区、园区、全市、全区。",
        None
    );
    region_case!(
        clause_fragments_are_never_regions,
        "",
        "完成市下达任务。上报市里。位外省。建亿元以上省级项目。学党代会精神市委。",
        None
    );
    region_case!(
        bare_name_takes_the_level_the_text_implies,
        "辽阳：上半年招商引资双过半",
        "我市锚定全年目标，辽阳县、宏伟区是全市的主力。我市将继续推进。",
        Some("辽阳市")
    );
    region_case!(
        county_words_pick_the_county_over_its_city,
        "谷城县招商引资提速",
        "襄阳市召开会议。谷城县全县签约项目12个，全县到位资金8亿元。",
        Some("谷城县")
    );
    region_case!(
        autonomous_region_quanqu_is_the_region,
        "",
        "2011年，宁夏招商引资创下历年之最，全区引进项目826个，全区到位资金1106亿元。",
        Some("宁夏回族自治区")
    );
    region_case!(
        only_level_words_give_none,
        "",
        "全州完成到位资金62亿元。香格里拉县完成36亿元，德钦县完成8亿元。",
        None
    );

    region_case!(
        a_banner_named_by_its_first_character,
        "",
        "2023年，我旗招商引资取得新进展，全旗签约项目40个。我旗建成孵化基地，为来翁旗投资的企业代办手续。",
        Some("翁牛特旗")
    );
    region_case!(
        a_banner_short_form_needs_the_text_to_speak_of_a_banner,
        "",
        "今年以来，我县签约项目40个，全县到位资金8亿元，为来克旗考察的客商提供服务。",
        None
    );
    region_case!(
        a_short_form_shared_by_banners_names_none,
        "",
        "2023年，我旗签约项目40个，全旗到位资金8亿元，欢迎来阿旗投资。",
        None
    );
    region_case!(
        a_regiment_farm_goes_by_its_number,
        "",
        "第八师一四二团送来邀请。一四二团招商引资签约项目12个，一四二团形成实物量16.4亿元。",
        Some("一四二团")
    );
    region_case!(
        a_zone_written_with_and_without_its_city_suffix_takes_its_own_name,
        "",
        "天水市经济技术开发区完成工业增加值6.1亿元。天水市经济技术开发区签约项目9个，天水经济技术开发区到位资金3亿元。",
        Some("天水经济技术开发区")
    );

    region_case!(
        a_zone_named_after_no_place_takes_the_name_the_text_repeats,
        "",
        "对慈湖高新区来说，三季度是项目季。全区固定资产投资完成27.4亿元，慈湖码头项目进入调试，高新区新签约项目12个。",
        Some("慈湖高新区")
    );
    region_case!(
        a_zone_named_after_no_place_may_follow_its_city,
        "",
        "记者在昆明倘甸产业园区工作会议上了解到，两区完成投资4.69亿元。农行倘甸支行落户园区，全区签约项目9个。",
        Some("倘甸产业园区")
    );
    region_case!(
        words_before_a_zone_kind_that_are_no_name_make_no_zone,
        "有关开发区上半年工作总结",
        "上半年，全区完成投资2.87亿元。有关开发区的工作，省级以上开发区都在推进，重点开发区签约项目12个，重点项目9个。",
        None
    );
    region_case!(
        a_bonded_zone_named_with_its_city,
        "",
        "区委书记来到常州综保区调研。常州综保区已建成标准厂房16.3万平方米，综保区累计引进项目15个，常州综保区将服务全市开放。",
        Some("常州综保区")
    );

    region_case!(
        a_district_named_with_an_ethnic_group_goes_by_its_short_form,
        "",
        "（上接第一版）管城区严格落实招商责任，该区新签约项目15个。上半年，管城区实际利用外资4800万美元，全区引进资金25.3亿元。",
        Some("管城区")
    );

    #[test]
    fn a_zone_named_only_by_its_kind_takes_the_place_of_the_site_masthead() {
        let body = [
            "今年以来，高新区紧盯发展目标。1至9月，高新区规上工业总产值405.97亿元，全区签约项目12个。"
                .to_owned(),
            "高新区新引进项目9个。".to_owned(),
        ];
        let r = find_region(
            "高新区前三季度经济运行",
            Some("楚雄市人民政府门户网站"),
            &body,
        );
        assert_eq!(r.map(|r| r.name).as_deref(), Some("楚雄高新区"));
    }

    region_case!(
        a_city_inspectors_come_to_by_one_character,
        "",
        "督查组来柳开展督查，副市长在汇报柳州的兑现进展时介绍，我市签约项目232个，全市到位资金206.64亿元。",
        Some("柳州市")
    );

    region_case!(
        a_province_only_in_the_name_of_a_leaders_visit_is_not_the_subject,
        "",
        "全面落实总书记视察宁夏重要讲话精神，按照全区招商大会和我区部署，1-9月我市到位资金518.81亿元，在全区排名靠前。",
        None
    );

    region_case!(
        a_former_name_stays_as_written,
        "安西县重奖项目建设有功者",
        "去年，安西县抓住项目建设，全县完成投资12亿元。",
        Some("安西县")
    );

    #[test]
    fn region_fields() {
        let r = find_region(
            "",
            Some("江华新闻网"),
            &["江华瑶族自治县全县签约项目10个，江华县到位资金5亿元。".to_owned()],
        )
        .expect("a region");
        assert_eq!(r.name, "江华县");
        assert_eq!(r.level, Some(RegionLevel::County));
        assert_eq!(r.path.first().map(String::as_str), Some("湖南省"));
        assert!(r.code.is_some_and(|c| c.starts_with("43")));
    }
}
