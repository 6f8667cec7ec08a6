//! The `zhaoshang` binary as a user runs it: exit codes, error lines, output files, and
//! hostile input (tests/fixtures/hostile/).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn zhaoshang(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhaoshang"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zhaoshang-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

#[test]
fn hostile_fixtures_give_exact_one_line_errors() {
    let out = zhaoshang(&["parse", "tests/fixtures/hostile"]);
    assert_eq!(out.status.code(), Some(2), "some files failed");
    let expected = std::fs::read_to_string("tests/fixtures/hostile.expected").expect("expected");
    assert_eq!(stderr(&out), expected);
    assert!(!stderr(&out).contains("panicked"));
    let articles: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("JSON array");
    assert_eq!(articles.len(), 3, "the good files are still parsed");
}

#[test]
fn injected_escape_sequences_never_reach_output_text() {
    let out = zhaoshang(&["parse", "tests/fixtures/hostile/injection.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let articles: Vec<zhaoshang::corpus::Article> =
        serde_json::from_slice(&out.stdout).expect("JSON");
    let a = &articles[0];
    let shown: Vec<&str> = a
        .paragraphs
        .iter()
        .map(String::as_str)
        .chain([a.title.as_str()])
        .collect();
    for text in shown {
        assert!(
            !text.chars().any(|c| c.is_control()
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)),
            "{text:?}"
        );
        assert!(
            !text.contains("PWNED") && !text.contains("ZWNobyBwd25lZA"),
            "{text:?}"
        );
    }
    assert!(a.repairs.iter().any(|r| r.rule == "control_chars"));
    let m = a
        .metrics
        .iter()
        .find(|m| m.unit == "亿元")
        .expect("figure survives cleaning");
    assert_eq!(m.value, Some(35.0));
}

#[test]
fn error_lines_do_not_echo_control_characters_in_file_names() {
    let dir = temp_dir("names");
    let evil = dir.join("evil\u{1b}]0;PWNED\u{7}.txt");
    std::fs::write(&evil, b"").expect("write");
    let out = zhaoshang(&["parse", evil.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(err.contains("empty file"), "{err}");
}

#[test]
fn output_never_overwrites_an_input() {
    let dir = temp_dir("overwrite");
    let input = dir.join("a.txt");
    std::fs::copy("data/raw/004-gucheng-kaifaqu.txt", &input).expect("copy");
    let before = std::fs::read(&input).expect("read");
    let out = zhaoshang(&[
        "parse",
        input.to_str().expect("path"),
        "-o",
        input.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("refusing to overwrite input file"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&input).expect("read"), before);
    let corpus = dir.join("corpus.json");
    let out = zhaoshang(&[
        "parse",
        dir.to_str().expect("path"),
        "-o",
        corpus.to_str().expect("path"),
    ]);
    assert!(out.status.success());
    let out = zhaoshang(&[
        "parse",
        corpus.to_str().expect("path"),
        "-o",
        corpus.to_str().expect("path"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a corpus given as input is not overwritten either"
    );
}

#[test]
fn parsed_corpus_round_trips_through_parse() {
    let dir = temp_dir("roundtrip");
    let jsonl = dir.join("c.jsonl");
    let out = zhaoshang(&[
        "parse",
        "data/articles.json",
        "--format",
        "jsonl",
        "-o",
        jsonl.to_str().expect("path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&jsonl).expect("written");
    let out = zhaoshang(&["parse", jsonl.to_str().expect("path")]);
    let again: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let committed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("data/articles.json").expect("read"))
            .expect("JSON");
    assert_eq!(
        text.lines().count(),
        committed.as_array().expect("array").len()
    );
    assert_eq!(again, committed);
}

#[test]
fn many_files_with_a_few_bad_ones() {
    let dir = temp_dir("many");
    let seed = std::fs::read("data/raw/002-tianjiaan.txt").expect("seed");
    for i in 0..300 {
        std::fs::write(dir.join(format!("{i:04}.txt")), &seed).expect("write");
    }
    std::fs::write(dir.join("0100.txt"), b"\0\0").expect("write");
    std::fs::write(dir.join("0200.txt"), b"").expect("write");
    let out = zhaoshang(&["parse", dir.to_str().expect("path"), "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 298);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 3, "{err}");
    assert!(err.contains("0100.txt: binary file") && err.contains("0200.txt: empty file"));
}

#[test]
fn a_huge_single_line_is_parsed_not_hung() {
    let dir = temp_dir("huge");
    let line = std::fs::read_to_string("data/raw/001-tongliao.txt")
        .expect("seed")
        .replace('\n', "");
    let big = line.repeat((4 << 20) / line.len() + 1);
    let path = dir.join("big.txt");
    std::fs::write(&path, big.as_bytes()).expect("write");
    let out = zhaoshang(&["parse", path.to_str().expect("path"), "--format", "jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let article: zhaoshang::corpus::Article = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(article.region.as_deref(), Some("通辽市"));
    assert!(article.metrics.len() <= zhaoshang::corpus::extract::MAX_METRICS + 100);
}

#[test]
fn help_and_version() {
    let out = zhaoshang(&["--help"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Examples:") && text.contains("parse"),
        "{text}"
    );
    let out = zhaoshang(&["--version"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("zhaoshang "));
    assert!(Path::new(env!("CARGO_BIN_EXE_zhaoshang")).exists());
}

#[test]
fn a_corpus_with_impossible_positions_and_figures_still_renders() {
    // Spans past their paragraph, a zero target with an astronomic percent, repairs and
    // headings out of range: every screen draws, at a normal and a tiny size.
    let dir = temp_dir("badspans");
    for view in [
        "reader", "gauges", "source", "compare", "overview", "search", "help",
    ] {
        for size in ["80x24", "1x1", "20x5"] {
            let out_file = dir.join(format!("{view}-{size}.txt"));
            let out = zhaoshang(&[
                "screenshot",
                "tests/fixtures/bad-spans.jsonl",
                "--view",
                view,
                "--size",
                size,
                "-o",
                out_file.to_str().expect("path"),
            ]);
            assert!(out.status.success(), "{view} {size}: {}", stderr(&out));
        }
    }
    let gauges = std::fs::read_to_string(dir.join("gauges-80x24.txt")).expect("rendered");
    assert!(gauges.contains(">99999%"), "{gauges}");
}

#[test]
fn gauges_csv_round_trips_through_a_csv_parser() {
    let out = zhaoshang(&["gauges", "--format", "csv", "--bom"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        out.stdout.starts_with("\u{feff}".as_bytes()),
        "UTF-8 BOM for spreadsheet programs"
    );
    let body = &out.stdout[3..];
    let mut reader = csv::Reader::from_reader(body);
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        &header[..7],
        [
            "region",
            "indicator",
            "label",
            "actual",
            "target",
            "percent",
            "unit"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("RFC 4180");
    let suixi = rows
        .iter()
        .find(|r| &r[2] == "利用省外资金")
        .expect("the 濉溪 gauge");
    assert_eq!(
        (&suixi[0], &suixi[1], &suixi[3], &suixi[4], &suixi[5]),
        (
            "濉溪经济开发区",
            "funds_from_outside_province",
            "50.23",
            "110",
            "45.66"
        )
    );
    assert_eq!(&suixi[10], "true", "cross-period pair labelled");
    let committed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("data/articles.json").expect("read"))
            .expect("JSON");
    let gauges: usize = committed
        .as_array()
        .expect("array")
        .iter()
        .map(|a| a["gauges"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(
        rows.len(),
        gauges,
        "one row per gauge of the built-in corpus"
    );
}

#[test]
fn gauges_and_compare_filter_by_indicator_and_period() {
    let out = zhaoshang(&["gauges", "--indicator", "signed_amount", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(
        rows.iter().all(|r| r["indicator"] == "signed_amount"),
        "{rows:?}"
    );
    let gucheng: Vec<_> = rows
        .iter()
        .filter(|r| r["region"] == "谷城经济开发区")
        .collect();
    assert_eq!(gucheng.len(), 1, "{rows:?}");
    assert_eq!(gucheng[0]["actual"], 84.57);
    assert_eq!(
        gucheng[0]["target"],
        serde_json::Value::Null,
        "missing is null"
    );
    let none = zhaoshang(&["gauges", "--period", "1999", "--format", "json"]);
    assert_eq!(String::from_utf8_lossy(&none.stdout).trim(), "[]");
    // 谷城 reports January to May 2021, 通辽 the year 2022: labelled, and apart by period.
    let latest = zhaoshang(&[
        "compare",
        "谷城",
        "通辽",
        "--indicator",
        "signed_amount",
        "--format",
        "json",
    ]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&latest.stdout).expect("JSON");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["谷城经济开发区_period"], "2021-01..2021-05");
    assert_eq!(rows[0]["通辽市_period"], "2022");
    assert_eq!(rows[0]["谷城经济开发区_percent"], 114);
    let year = zhaoshang(&[
        "compare",
        "谷城",
        "通辽",
        "--period",
        "2022",
        "--indicator",
        "signed_amount",
        "--format",
        "json",
    ]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&year.stdout).expect("JSON");
    assert_eq!(rows[0]["谷城经济开发区"], serde_json::Value::Null);
    assert_eq!(rows[0]["difference"], serde_json::Value::Null);
    let bad = zhaoshang(&["compare", "谷城", "通辽", "--indicator", "nope"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("no indicator \"nope\""),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn overview_ranks_regions_and_never_the_unknown_one() {
    let out = zhaoshang(&["overview", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    for field in ["indicator", "period", "rank", "region", "value", "unit"] {
        assert!(rows.iter().all(|r| r.get(field).is_some()), "{field}");
    }
    let regions: std::collections::BTreeSet<&str> =
        rows.iter().filter_map(|r| r["region"].as_str()).collect();
    let indicators: std::collections::BTreeSet<&str> = rows
        .iter()
        .filter_map(|r| r["indicator"].as_str())
        .collect();
    assert!(regions.len() >= 3 && indicators.len() >= 2, "{rows:?}");
    assert!(!regions.contains("未具名地区"));
    assert!(
        rows.iter()
            .all(|r| r["rank"].is_u64() && r["value"].is_number())
    );
    // The indicator most regions report comes first, its largest value ranked first.
    let first = &rows[0];
    assert_eq!(
        (first["indicator"].as_str(), first["rank"].as_u64()),
        (Some("funds_in_place"), Some(1))
    );
    let funds = rows
        .iter()
        .filter(|r| r["indicator"] == "funds_in_place")
        .count();
    let csv = zhaoshang(&[
        "overview",
        "--indicator",
        "funds_in_place",
        "--format",
        "csv",
    ]);
    let text = String::from_utf8_lossy(&csv.stdout);
    assert!(funds >= 3, "{rows:?}");
    assert_eq!(
        text.lines().count(),
        funds + 1,
        "a header and one line per region:\n{text}"
    );
    let zones = zhaoshang(&["overview", "--level", "zone", "--format", "json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&zones.stdout).expect("JSON");
    assert!(rows.iter().all(|r| r["level"] == "zone") && !rows.is_empty());
}

#[test]
fn overview_keeps_the_regions_under_a_parent_and_ranks_by_percent() {
    let json = |args: &[&str]| -> Vec<serde_json::Value> {
        let out = zhaoshang(args);
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_slice(&out.stdout).expect("JSON")
    };
    let under = json(&["overview", "--parent", "内蒙古自治区", "--format", "json"]);
    let regions: std::collections::BTreeSet<&str> =
        under.iter().filter_map(|r| r["region"].as_str()).collect();
    assert!(regions.len() >= 2, "{under:?}");
    assert!(
        regions.iter().all(|r| ["通辽市", "阿拉善盟"].contains(r)),
        "{regions:?}"
    );
    let by_percent = json(&["overview", "--by", "percent", "--format", "json"]);
    assert!(!by_percent.is_empty());
    assert!(by_percent.iter().all(|r| r["unit"] == "%"));
    let values: Vec<f64> = by_percent
        .iter()
        .filter(|r| r["indicator"] == "funds_in_place")
        .filter_map(|r| r["value"].as_f64())
        .collect();
    assert!(
        values.len() >= 3 && values.windows(2).all(|w| w[0] >= w[1]),
        "{values:?}"
    );
}

#[test]
fn compare_accepts_traditional_and_pinyin_names() {
    let by_pinyin = zhaoshang(&["compare", "tongliao", "tja", "--format", "json"]);
    let by_hanzi = zhaoshang(&["compare", "通遼", "田家庵区", "--format", "json"]);
    assert!(by_pinyin.status.success(), "{}", stderr(&by_pinyin));
    assert_eq!(by_pinyin.stdout, by_hanzi.stdout);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&by_pinyin.stdout).expect("JSON");
    assert!(
        rows.iter()
            .any(|r| r["indicator"] == "funds_in_place" && r["通辽市"] == 298),
        "通辽's 到位资金 is in its column, a JSON number"
    );
    let missing = zhaoshang(&["compare", "beijing", "tl"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("no region matches \"beijing\""),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn completions_and_man_page_come_from_the_cli_definition() {
    for shell in ["bash", "zsh", "fish"] {
        let out = zhaoshang(&["completions", shell]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && text.contains("screenshot") && text.contains("ambiwide"),
            "{shell}"
        );
    }
    let man = zhaoshang(&["man"]);
    assert!(String::from_utf8_lossy(&man.stdout).contains(".TH zhaoshang"));
}

#[test]
fn bad_config_file_names_its_line() {
    let dir = temp_dir("config");
    let config = dir.join("config.toml");
    std::fs::write(&config, "theme = \"mono\"\nambiwide = maybe\n").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_zhaoshang"))
        .args(["config", "--print"])
        .env("ZHAOSHANG_CONFIG", &config)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("config.toml:2:12"),
        "{}",
        stderr(&out)
    );
    std::fs::write(&config, "theme = \"light\"\n").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_zhaoshang"))
        .args(["config", "--print", "--ambiwide"])
        .env("ZHAOSHANG_CONFIG", &config)
        .env_remove("NO_COLOR")
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("theme = \"light\"") && text.contains("ambiwide = true"),
        "{text}"
    );
}

#[test]
fn the_explorer_without_a_terminal_says_so_in_one_line() {
    // `output()` gives the child no terminal: input from /dev/null, output into pipes, as
    // from cron or `zhaoshang < /dev/null | cat`.
    for args in [
        &["--no-state"][..],
        &["--no-state", "tests/fixtures/hostile"][..],
    ] {
        let out = zhaoshang(args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(err.contains("needs a terminal"), "{err}");
        for command in ["parse", "search", "gauges", "compare", "screenshot"] {
            assert!(err.contains(command), "names `{command}`: {err}");
        }
        assert!(out.stdout.is_empty(), "nothing drawn: {:?}", out.stdout);
    }
}

#[test]
fn screenshot_writes_only_txt_or_svg_and_never_clobbers_other_files() {
    let dir = temp_dir("shot");
    let corpus = dir.join("corpus.json");
    std::fs::write(&corpus, b"[]").expect("write");
    let path = |p: &PathBuf| p.to_str().expect("path").to_owned();
    let out = zhaoshang(&["screenshot", "--view", "compare", "-o", &path(&corpus)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(".txt or .svg"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(&corpus).expect("read"),
        b"[]",
        "the corpus is untouched"
    );
    let png = dir.join("shot.png");
    let out = zhaoshang(&["screenshot", "-o", &path(&png)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!png.exists(), "no plain text under a picture's name");

    // A new file, then the same file again: a previous screenshot may be replaced.
    for name in ["shot.txt", "shot.svg"] {
        let file = dir.join(name);
        for _ in 0..2 {
            let out = zhaoshang(&["screenshot", "-o", &path(&file)]);
            assert!(out.status.success(), "{name}: {}", stderr(&out));
        }
    }
    // A text file that is not a screenshot is kept unless --force.
    let notes = dir.join("notes.txt");
    std::fs::write(&notes, "会议纪要\n").expect("write");
    let out = zhaoshang(&["screenshot", "-o", &path(&notes)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&notes).expect("read"), "会议纪要\n");
    let out = zhaoshang(&["screenshot", "--force", "-o", &path(&notes)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::read_to_string(&notes)
            .expect("read")
            .contains("帮助")
    );
}

#[test]
fn a_closed_pipe_ends_quietly_with_status_0() {
    use std::process::Stdio;
    let commands: [&[&str]; 7] = [
        &["man"],
        &["search", "tongliao"],
        &["gauges"],
        &["compare", "tongliao", "tja"],
        &["completions", "bash"],
        &["config", "--print"],
        &["parse", "data/raw"],
    ];
    for args in commands {
        let mut child = Command::new(env!("CARGO_BIN_EXE_zhaoshang"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        // Close the reading end before the program writes, as `head` does after one line.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("waits");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
    }
}

#[test]
fn counts_of_one_are_singular() {
    let out = zhaoshang(&[
        "parse",
        "tests/fixtures/hostile/empty.txt",
        "tests/fixtures/hostile/good.txt",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).ends_with("zhaoshang: 1 file failed, 1 article parsed\n"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_file_of_more_lines_than_any_article_is_refused_and_the_rest_load() {
    let dir = temp_dir("lines");
    std::fs::copy("data/raw/001-tongliao.txt", dir.join("a.txt")).expect("copy");
    // 750 KB, far under the size limit, but 250,000 one-character lines.
    std::fs::write(dir.join("list.txt"), "招\n".repeat(250_000)).expect("write");
    let out = zhaoshang(&["parse", dir.to_str().expect("path"), "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("list.txt: 250000 lines is over the 200000-line limit for one article"),
        "{err}"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().count(),
        1,
        "a.txt still loads"
    );
}

#[test]
fn inputs_over_the_size_limit_are_refused_and_the_rest_load() {
    let dir = temp_dir("limit");
    std::fs::copy("data/raw/001-tongliao.txt", dir.join("a.txt")).expect("copy");
    // A sparse 17 MB file: the limit is checked before anything is read.
    let big = std::fs::File::create(dir.join("big.txt")).expect("create");
    big.set_len(17 << 20).expect("grow");
    let out = zhaoshang(&["parse", dir.to_str().expect("path"), "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(
        err.contains("big.txt: 17.0 MB is over the 16.0 MB limit for one article"),
        "{err}"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().count(),
        1,
        "a.txt still loads"
    );
    // The limit is a flag and a setting.
    let small = zhaoshang(&[
        "parse",
        dir.join("a.txt").to_str().expect("path"),
        "--max-file-size",
        "1K",
    ]);
    assert_eq!(small.status.code(), Some(2));
    assert!(
        stderr(&small).contains("over the 1.0 KB limit"),
        "{}",
        stderr(&small)
    );
    let config = dir.join("config.toml");
    std::fs::write(&config, "max_file_size = \"20M\"\n").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_zhaoshang"))
        .args(["parse", dir.join("big.txt").to_str().expect("path")])
        .env("ZHAOSHANG_CONFIG", &config)
        .output()
        .expect("runs");
    assert!(
        !stderr(&out).contains("over the") && stderr(&out).contains("binary file"),
        "20M admits 17 MB, which is then read: {}",
        stderr(&out)
    );
}

#[test]
fn a_path_without_articles_says_so_and_exits_2() {
    let dir = temp_dir("noarticles");
    std::fs::write(dir.join("notes.md"), "# 笔记\n").expect("write");
    // The explorer itself checks for a terminal first (see
    // `the_explorer_without_a_terminal_says_so_in_one_line`); the commands load first.
    for args in [vec!["parse"], vec!["gauges"], vec!["search", "通辽"]] {
        let mut args: Vec<&str> = args;
        args.push(dir.to_str().expect("path"));
        let out = Command::new(env!("CARGO_BIN_EXE_zhaoshang"))
            .args(&args)
            .stdin(std::process::Stdio::null())
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}: no `[]`");
        assert!(
            stderr(&out).contains("no .txt, .json or .jsonl file found under"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn the_first_screen_says_which_files_were_not_loaded() {
    let dir = temp_dir("firstscreen");
    std::fs::copy("data/raw/001-tongliao.txt", dir.join("a.txt")).expect("copy");
    std::fs::write(dir.join("b.txt"), b"\0\0").expect("write");
    let shot = dir.join("first.txt");
    let out = zhaoshang(&[
        "screenshot",
        dir.to_str().expect("path"),
        "-o",
        shot.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let screen = std::fs::read_to_string(&shot).expect("written");
    assert!(screen.contains("1 个文件未载入"), "{screen}");
}

/// The `screenshot` arguments of each text picture `scripts/screenshots.sh` writes:
/// `(file name, arguments)`, read from its `shoot NAME FLAGS` lines and its explicit
/// `"$bin" screenshot … -o screenshots/NAME.txt` lines.
fn scripted_screenshots() -> Vec<(String, Vec<String>)> {
    let script = include_str!("../scripts/screenshots.sh");
    let mut out = Vec::new();
    for line in script.lines().map(str::trim) {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["shoot", name, flags @ ..] => {
                let mut args: Vec<String> = flags.iter().map(|f| (*f).to_owned()).collect();
                args.extend(["--size".to_owned(), "120x36".to_owned()]);
                out.push((format!("{name}.txt"), args));
            }
            // The lines inside `shoot` itself name no picture.
            ["\"$bin\"", "screenshot", rest @ ..] if !line.contains("$name") => {
                let at = rest
                    .iter()
                    .position(|w| *w == "-o")
                    .expect("-o in the line");
                let file = rest[at + 1].trim_start_matches("screenshots/").to_owned();
                let args = rest[..at].iter().map(|w| (*w).to_owned()).collect();
                out.push((file, args));
            }
            _ => {}
        }
    }
    out
}

#[test]
fn committed_screenshots_are_what_the_code_renders() {
    let shots = scripted_screenshots();
    assert!(shots.len() >= 15, "{shots:?}");
    let dir = temp_dir("screens");
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots");
    for (file, args) in &shots {
        let out_path = dir.join(file);
        let mut all: Vec<&str> = vec!["screenshot"];
        all.extend(args.iter().map(String::as_str));
        let out_text = out_path.to_string_lossy().into_owned();
        all.extend(["-o", &out_text]);
        let out = zhaoshang(&all);
        assert!(out.status.success(), "{file}: {}", stderr(&out));
        let rendered = std::fs::read_to_string(&out_path).expect("rendered");
        let saved = std::fs::read_to_string(committed.join(file)).unwrap_or_default();
        assert!(
            rendered == saved,
            "screenshots/{file} is not what the code renders; run scripts/screenshots.sh\n\
             --- committed\n{saved}\n--- rendered\n{rendered}"
        );
    }
    std::fs::remove_dir_all(dir).ok();
}
