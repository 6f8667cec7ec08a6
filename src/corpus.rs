//! The corpus: data model and parsing pipeline.
//!
//! ```text
//! decode   bytes → text (UTF-8, GB18030, Big5)
//! clean    each line → repaired line + changes located in the original   (clean.rs)
//! convert  traditional → simplified, phrase-aware (OpenCC tables)         (convert.rs)
//! classify lines → title, body, headings, boilerplate with its metadata  (structure.rs)
//! extract  paragraphs → region, period, metrics, gauges                   (extract.rs)
//! annotate metrics and gauges → canonical indicators                     (indicators.rs)
//! ```
//!
//! [`gazetteer`] holds the places regions are resolved against: GB/T 2260 down to
//! township, their name forms, and zones built on them.
//!
//! [`parse_bytes`] runs them all; [`load`] reads files, directories and parsed corpora.
//! Nothing here depends on the terminal user interface.

pub mod clean;
pub mod convert;
pub mod decode;
pub mod extract;
pub mod figures;
pub mod gazetteer;
pub mod indicators;
pub mod load;
pub mod model;
pub mod structure;
pub mod units;

use std::sync::LazyLock;

use regex::Regex;

pub use load::{LoadError, Loaded, builtin, load_paths, parse_builtin};
pub use model::{
    Article, Boilerplate, Gauge, Metric, MetricKind, Pairing, RegionLevel, Repair, Script, Span,
    Warning,
};
use structure::Role;

use crate::text::plural::count;

/// The version of the parser's output. Bump it whenever a change to decoding, cleaning,
/// conversion or extraction changes what an article parses to: a corpus store reparses every
/// article made by another version.
pub const PARSER_VERSION: u32 = 18;

/// Parses one article from raw file bytes; `file` is recorded as given.
pub fn parse_bytes(file: &str, bytes: &[u8]) -> Result<Article, decode::DecodeError> {
    let decoded = decode::decode(bytes)?;
    Ok(parse_text(file, decoded.text, decoded.encoding))
}

/// [`parse_bytes`] taking the bytes, which UTF-8 text becomes without a copy.
pub fn parse_owned(file: &str, bytes: Vec<u8>) -> Result<Article, decode::DecodeError> {
    let decoded = decode::decode_owned(bytes)?;
    Ok(parse_text(file, decoded.text, decoded.encoding))
}

/// Share of changed Han characters above which an article counts as traditional.
const TRADITIONAL_THRESHOLD: f64 = 0.03;

/// Changes held per article while its lines are classified: enough for any real report,
/// few enough that a file made of repairs (thousands of stray commas in its page chrome)
/// does not hold a record per character. A line whose changes are not held is cleaned again
/// if it turns out to be body text.
const HELD_CHANGES: usize = 10_000;

/// Repairs recorded per article; the text is repaired throughout, a warning says how many
/// more were made.
pub const MAX_REPAIRS: usize = 20_000;

/// Parses decoded article text.
pub fn parse_text(file: &str, original: String, encoding: &str) -> Article {
    // Each line is cleaned and converted on its own and only its simplified form is kept:
    // a long article is never held as more than its original and its clean lines.
    let mut lines = Vec::new();
    let mut held = Vec::new();
    let mut starts = Vec::new();
    let mut kept = 0;
    let (mut han, mut converted) = (0, 0);
    let mut offset = 0;
    for line in original.split('\n') {
        let (clean, changes) = clean::clean_line_capped(line, offset, HELD_CHANGES - kept);
        starts.push(offset);
        offset += line.chars().count() + 1;
        // A line without traditional characters is kept as it is, not copied.
        let simplified = if convert::has_traditional(&clean) {
            let simplified = convert::to_simplified(&clean);
            let (h, c) = convert::traditional_counts(&clean, &simplified);
            han += h;
            converted += c;
            simplified
        } else {
            han += convert::traditional_counts(&clean, &clean).0;
            clean
        };
        if changes.more == 0 {
            kept += changes.kept.len();
            held.push(Some(changes.kept));
        } else {
            held.push(None);
        }
        lines.push(simplified);
    }
    #[allow(clippy::cast_precision_loss)] // a share: the rounding does not matter
    let share = if han == 0 {
        0.0
    } else {
        converted as f64 / han as f64
    };
    let script = if share > TRADITIONAL_THRESHOLD {
        Script::Traditional
    } else {
        Script::Simplified
    };
    let roles = structure::classify(&lines);
    let original_lines: Vec<&str> = original.split('\n').collect();
    // The changes of line `i`, at most `room` of them: as held, or found again by cleaning
    // it once more.
    let mut changes_of = |i: usize, room: usize| match held[i].take() {
        Some(kept) => {
            let mut changes = clean::Changes::with_cap(room);
            changes.kept = kept;
            changes
        }
        None => clean::clean_line_capped(original_lines[i], starts[i], room).1,
    };
    let mut unrecorded = 0;

    let mut article = Article {
        file: file.to_owned(),
        script,
        encoding: encoding.to_owned(),
        ..Article::default()
    };
    // Text copied from a PDF is wrapped at a fixed width: its lines break mid-sentence
    // (`…完\n成目标任务28.1%`) and are joined back into paragraphs.
    let wrapped = structure::is_hard_wrapped(&lines, &roles);
    let mut bylines = Vec::new();
    let mut credited_source = None;
    let mut footer_source = None;
    let mut mastheads: Vec<String> = Vec::new();
    let mut header_source = None;
    // Lines before the body are read again below for the site's name.
    let first_body = roles.iter().position(|r| *r == Role::Body).unwrap_or(0);
    let mut previous = 0;
    for (i, role) in roles.iter().enumerate() {
        let line = &lines[i];
        match role {
            Role::Blank => {}
            Role::Title => {
                let printed = convert::to_simplified(&clean::clean_title(original_lines[i]));
                article.title = structure::title_line(&printed).unwrap_or(printed);
                let room = MAX_REPAIRS.saturating_sub(article.repairs.len());
                record_changes(&mut article, changes_of(i, room), i, &mut unrecorded);
                article.boilerplate.push(Boilerplate {
                    kind: "title".to_owned(),
                    line: i + 1,
                    text: original_lines[i].to_owned(),
                });
            }
            Role::Body | Role::Heading => {
                if *role == Role::Heading {
                    article.headings.push(article.paragraphs.len());
                }
                // The line moves into the paragraphs; a body line before it is the end of
                // the last paragraph.
                let line = std::mem::take(&mut lines[i]);
                let continues = wrapped
                    && *role == Role::Body
                    && i > 0
                    && roles[i - 1] == Role::Body
                    && article.paragraphs.last().is_some_and(|last| {
                        structure::breaks_mid_sentence(&last[last.len() - previous..], &line)
                    });
                previous = line.len();
                match article.paragraphs.last_mut() {
                    Some(last) if continues => last.push_str(&line),
                    _ => article.paragraphs.push(line),
                }
                let room = MAX_REPAIRS.saturating_sub(article.repairs.len());
                record_changes(&mut article, changes_of(i, room), i, &mut unrecorded);
            }
            Role::Boilerplate(kind) => {
                match *kind {
                    "header" => {
                        if let Some((date, source)) = structure::header(line) {
                            article.published.get_or_insert(date);
                            header_source = header_source.or(source);
                        }
                    }
                    "credit" => {
                        if let Some((role, names)) = structure::credit(line) {
                            if structure::is_byline_role(role) {
                                bylines.push(format!("{role} {names}"));
                            } else if role == "来源" {
                                credited_source.get_or_insert(names);
                            }
                        }
                    }
                    "keywords" => {
                        article
                            .keywords
                            .extend(structure::keywords(line).unwrap_or_default());
                    }
                    "footer" => {
                        footer_source = footer_source.or_else(|| site_name(line));
                    }
                    "masthead" => mastheads.push(line.to_owned()),
                    _ => {}
                }
                article.boilerplate.push(Boilerplate {
                    kind: (*kind).to_owned(),
                    line: i + 1,
                    text: original_lines[i].to_owned(),
                });
                if i > first_body {
                    lines[i] = String::new();
                }
            }
        }
    }
    if unrecorded > 0 {
        article.warnings.push(article_warning(
            "too_many_repairs",
            format!(
                "only the first {MAX_REPAIRS} repairs are recorded: {} more were made in the text",
                count(unrecorded, "repair", "repairs")
            ),
        ));
    }
    take_trailing_credit(&mut article, &roles, &original_lines, &mut bylines);
    article.byline = (!bylines.is_empty()).then(|| bylines.join(" "));
    // The page's own source line. The outlet of the dateline (`滁州日报讯`) or an e-paper's
    // masthead stands in for it after extraction, where they already count on their own.
    article.source = [header_source, credited_source, footer_source]
        .into_iter()
        .flatten()
        .find_map(|s| structure::source_name(&s));
    if article.title.is_empty() {
        article.title = derived_title(&article.paragraphs, &article.headings);
        article.title_derived = true;
    }
    // The page's own name (`辽阳新闻网`, `楚雄彝族自治州投资促进局`) stands in the lines
    // before the body and in the source; it is evidence for the region, weaker than the title.
    // A newspaper's masthead counts wherever it is printed (e-paper pages put it last).
    let site: Vec<&str> = roles[..first_body]
        .iter()
        .zip(&lines)
        .filter(|(r, l)| {
            matches!(r, Role::Boilerplate(kind) if *kind != "masthead")
                && !CONTACT_WORDS.iter().any(|w| l.contains(w))
        })
        .map(|(_, l)| l.as_str())
        .chain(mastheads.iter().map(String::as_str))
        .chain(article.source.as_deref())
        .collect();
    let site = site.join("\n");
    let found = extract::extract(
        if article.title_derived {
            ""
        } else {
            &article.title
        },
        (!site.is_empty()).then_some(site.as_str()),
        &article.paragraphs,
        &article.headings,
        article.published.as_deref(),
    );
    if article.source.is_none() {
        article.source = article
            .paragraphs
            .first()
            .and_then(|p| extract::dateline_outlet(p))
            .map(str::to_owned)
            .or_else(|| mastheads.first().cloned());
    }
    let long = article
        .paragraphs
        .iter()
        .flat_map(|p| extract::sentences(p))
        .filter(|(s, e)| e - s > extract::MAX_SENTENCE_CHARS)
        .count();
    if long > 0 {
        article.warnings.push(article_warning(
            "long_sentence",
            format!(
                "{} longer than {} characters: kept in the text, not read for figures",
                count(long, "sentence is", "sentences are"),
                extract::MAX_SENTENCE_CHARS
            ),
        ));
    }
    if found.metrics.len() >= extract::MAX_METRICS {
        article.warnings.push(article_warning(
            "too_many_figures",
            format!("only the first {} figures were read", extract::MAX_METRICS),
        ));
    }
    let redacted = found.metrics.iter().filter(|m| m.redacted).count();
    if redacted > 0 {
        article.warnings.push(article_warning("redacted", if redacted == 1 {
                "1 figure is a template placeholder (X, XX, XX.X) and is not reported as a number"
                    .to_owned()
            } else {
                format!("{redacted} figures are template placeholders (X, XX, XX.X) and are not reported as numbers")
            }));
    }
    if let Some(region) = found.region {
        article.region = Some(region.name);
        article.region_code = region.code;
        article.region_level = region.level;
        article.region_path = region.path;
    }
    article.period = found.period;
    article.metrics = found.metrics;
    article.gauges = found.gauges;
    indicators::annotate(&mut article);
    article.original = original;
    article
}

/// Words of a page's contact block (an address names where the office is, not what the
/// article is about).
const CONTACT_WORDS: [&str; 6] = ["地址", "电话", "邮编", "传真", "备案", "邮箱"];

/// A warning about the whole article (reported on its first line).
fn article_warning(kind: &str, text: String) -> Warning {
    Warning {
        kind: kind.to_owned(),
        offset: 0,
        line: 1,
        text,
        hint: None,
    }
}

/// Copies a body line's repairs and warnings into the article, up to [`MAX_REPAIRS`];
/// counts the changes beyond it in `unrecorded`.
fn record_changes(
    article: &mut Article,
    changes: clean::Changes,
    line: usize,
    unrecorded: &mut usize,
) {
    // The changes are consumed as they are recorded, so a long article does not hold both
    // lists at once.
    let room = MAX_REPAIRS.saturating_sub(article.repairs.len());
    *unrecorded += changes.more + changes.kept.len().saturating_sub(room);
    article.repairs.reserve(changes.kept.len().min(room));
    for change in changes.kept.into_iter().take(room) {
        if let Some((kind, hint)) = change.warning {
            article.warnings.push(Warning {
                kind: kind.to_owned(),
                offset: change.start,
                line: line + 1,
                text: change.before,
                hint,
            });
        }
        article.repairs.push(Repair {
            rule: change.rule.to_owned(),
            start: change.start,
            end: change.end,
            replacement: change.after,
        });
    }
}

/// Moves a parenthesised credit closing the last paragraph, `(记者 郭洪申 薛一群)`, into
/// the byline, recording the removal as a repair.
fn take_trailing_credit(
    article: &mut Article,
    roles: &[Role],
    original_lines: &[&str],
    bylines: &mut Vec<String>,
) {
    let Some(last) = article.paragraphs.last_mut() else {
        return;
    };
    let Some((at, credit)) = structure::trailing_credit(last) else {
        return;
    };
    let removed: String = last.chars().skip(at).collect();
    *last = last.chars().take(at).collect();
    bylines.insert(0, credit);
    if let Some(line) = roles
        .iter()
        .rposition(|r| matches!(r, Role::Body | Role::Heading))
    {
        let line_start: usize = original_lines[..line]
            .iter()
            .map(|l| l.chars().count() + 1)
            .sum();
        let original = original_lines[line].trim_end();
        let end = line_start + original.chars().count();
        let start = end.saturating_sub(removed.chars().count());
        article.repairs.push(Repair {
            rule: "credit".to_owned(),
            start,
            end,
            replacement: String::new(),
        });
        article.boilerplate.push(Boilerplate {
            kind: "credit".to_owned(),
            line: line + 1,
            text: removed,
        });
    }
}

/// The site named in a copyright line: `北疆新闻版权与免责声明` → `北疆新闻`.
fn site_name(line: &str) -> Option<String> {
    static SITE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^([\p{Han}A-Za-z]{2,12}?)(?:版权与免责声明|版权声明|免责声明)")
            .expect("valid regex")
    });
    SITE.captures(line)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().to_owned())
}

/// A title from the first sentence of the first prose paragraph, at most 30 chars.
fn derived_title(paragraphs: &[String], headings: &[usize]) -> String {
    let Some((p, text)) = paragraphs
        .iter()
        .enumerate()
        .find(|(i, _)| headings.binary_search(i).is_err())
    else {
        return paragraphs.first().cloned().unwrap_or_default();
    };
    let _ = p;
    let (s, e) = extract::sentences(text).first().copied().unwrap_or((0, 0));
    let sentence: String = text.chars().skip(s).take(e - s).collect();
    let sentence = sentence
        .trim_end_matches(['。', '；', ';', '！', '!', '？', '?'])
        .trim();
    if sentence.chars().count() > 30 {
        format!("{}…", sentence.chars().take(29).collect::<String>())
    } else {
        sentence.to_owned()
    }
}
