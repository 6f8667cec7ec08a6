//! Whole-screen tests: every view rendered headlessly on ratatui's TestBackend, compared with
//! the snapshots in `tests/snapshots/` (set `UPDATE_SNAPSHOTS=1` to rewrite them after a
//! deliberate change), plus size, ambiguous-width and hostile-input checks over every view.

use zhaoshang::corpus::{Article, Gauge, Metric, Span};
use zhaoshang::text::sanitize::is_unsafe;
use zhaoshang::text::width::{display_width, is_ambiguous};
use zhaoshang::tui::fixtures::sample_corpus;
use zhaoshang::tui::{Options, VIEWS, app_for_view, render_buffer, screenshot};

fn mono() -> Options {
    Options {
        theme: "mono".to_owned(),
        ..Options::default()
    }
}

fn shot(view: Option<&str>, w: u16, h: u16) -> String {
    screenshot(sample_corpus(), &mono(), view, w, h, false).expect("valid view")
}

fn check_snapshot(name: &str, actual: &str) {
    let path = format!(
        "{}/tests/snapshots/tui_{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "snapshot {name} differs (UPDATE_SNAPSHOTS=1 to accept)\n--- expected\n{expected}\n--- actual\n{actual}"
    );
}

/// The search overlay answered with fixed hits, so the snapshot tests this crate's drawing
/// rather than whichever search engine is built in.
fn search_with_fixed_hits() -> String {
    use zhaoshang::search::{Hit, HitTarget};
    use zhaoshang::tui::action::Action;
    let corpus = sample_corpus();
    let sentence = corpus[1].metrics[2].source;
    let mut app =
        app_for_view(corpus, &mono(), Some("search"), 120, 36).expect("the search view exists");
    let hits = vec![
        Hit { article: 1, target: HitTarget::Region, score: 90, text: "通辽市".to_owned(), indices: vec![0, 1] },
        Hit {
            article: 1,
            target: HitTarget::Title,
            score: 80,
            text: "通辽市：招商引资跑出“加速度”".to_owned(),
            indices: vec![0, 1],
        },
        Hit {
            article: 1,
            target: HitTarget::Sentence(sentence),
            score: 70,
            text: "据了解，2022年，全市新签约千万元以上项目568个、同比增长159.4%，总签约额1861.44亿元；全市国内（区外）招商引资项目实现到位资金298亿元，同比增长86%，完成年度目标的115%。通辽".to_owned(),
            indices: vec![90, 91],
        },
        Hit { article: 1, target: HitTarget::Metric(2), score: 60, text: "到位资金".to_owned(), indices: vec![] },
    ];
    let generation = app.search_request().0;
    app.update(Action::SearchResults { generation, hits });
    zhaoshang::tui::buffer_to_text(&render_buffer(&app, 120, 36))
}

#[test]
fn snapshot_of_every_screen_at_120x36() {
    check_snapshot("first", &shot(None, 120, 36));
    for view in VIEWS.iter().filter(|v| **v != "search") {
        check_snapshot(view, &shot(Some(view), 120, 36));
    }
    check_snapshot("search", &search_with_fixed_hits());
    let ambiwide = Options {
        ambiguous_wide: true,
        ..mono()
    };
    check_snapshot(
        "first_ambiwide",
        &screenshot(sample_corpus(), &ambiwide, None, 120, 36, false).unwrap(),
    );
    check_snapshot("first_60x20", &shot(None, 60, 20));
}

#[test]
fn first_screen_shows_tabs_text_gauges_and_hints() {
    let s = shot(None, 120, 36);
    assert!(s.lines().next().unwrap().contains("1 谷城经济开发区(1)"));
    assert!(s.contains("未具名地区"));
    assert!(s.contains("今年以来，谷城经济开发区坚持"));
    assert!(s.contains("114%") && s.contains("[推算]") && s.contains("[跨期]"));
    assert!(s.lines().last().unwrap().contains("? 帮助"));
    assert_eq!(s, shot(Some("reader"), 120, 36));
}

#[test]
fn gauges_view_shows_metrics_table_with_redaction() {
    let s = shot(Some("gauges"), 120, 36);
    assert!(s.contains("> 合同投资额"));
    assert!(s.contains("[隐去 XX.X]"));
    assert!(s.contains("progress_pct"));
}

#[test]
fn compare_view_converts_units() {
    let mut app = app_for_view(sample_corpus(), &mono(), Some("compare"), 120, 36).unwrap();
    app.update(zhaoshang::tui::action::Action::NextCompareRegion);
    let s = zhaoshang::tui::buffer_to_text(&render_buffer(&app, 120, 36));
    // 田家庵区 states 560000万元, 谷城 84.57亿元: both in 亿元, difference 28.57亿元.
    assert!(s.contains("56亿元"), "{s}");
    assert!(s.contains("+28.57亿元"), "{s}");
}

#[test]
fn overview_and_help_and_source_render_their_content() {
    let o = shot(Some("overview"), 120, 36);
    assert!(o.contains("到位资金") && o.contains("298亿元"), "{o}");
    // The article without a region is listed apart, after the rankings, never ranked.
    let apart = o.find("地区不详").expect("unknown region listed apart");
    assert!(
        o.find("XX经济开发区202").is_some_and(|at| at > apart),
        "{o}"
    );
    let h = shot(Some("help"), 120, 36);
    assert!(h.contains("C-d/C-u") && h.contains("g/G/Home/End"));
    let s = shot(Some("source"), 120, 36);
    assert!(s.contains("来源：新华网") && s.contains("坚 持"));
}

#[test]
fn the_overview_chart_shows_every_bar_beside_its_value() {
    // On the built-in corpus the largest 到位资金 is eight times the next: a value printed
    // over its own bar used to hide every bar but the first.
    let o = screenshot(
        zhaoshang::corpus::builtin(),
        &mono(),
        Some("overview"),
        120,
        36,
        false,
    )
    .expect("overview");
    let chart: Vec<&str> = o
        .lines()
        .skip_while(|l| !l.contains("╭ 到位资金 - 亿元"))
        .skip(1)
        .take_while(|l| !l.contains('╰'))
        .collect();
    assert!(chart.len() >= 10, "{o}");
    let with_bars = chart.iter().filter(|l| l.contains('█')).count();
    assert!(with_bars >= 3, "{o}");
    // Values are whole, and each bar starts after its value, never under it.
    for line in chart.iter().filter(|l| l.contains('█')) {
        let value = line.find("亿元").expect("a value with its unit");
        assert!(line.find('█').is_some_and(|bar| bar > value), "{line}");
    }
}

#[test]
fn unknown_view_lists_the_valid_ones() {
    let err = screenshot(sample_corpus(), &mono(), Some("nope"), 80, 24, true).unwrap_err();
    for v in VIEWS {
        assert!(err.contains(v), "{err}");
    }
}

#[test]
fn every_view_survives_every_size_and_fits() {
    let sizes = [
        (0, 0),
        (1, 1),
        (20, 5),
        (39, 9),
        (40, 10),
        (60, 20),
        (120, 36),
        (200, 60),
    ];
    for ambiguous_wide in [false, true] {
        let options = Options {
            ambiguous_wide,
            ..mono()
        };
        for view in std::iter::once(None).chain(VIEWS.iter().map(|v| Some(*v))) {
            for (w, h) in sizes {
                let text = screenshot(sample_corpus(), &options, view, w, h, false).unwrap();
                assert_eq!(text.lines().count(), usize::from(h));
                for line in text.lines() {
                    assert!(
                        display_width(line) <= usize::from(w),
                        "{view:?} {w}x{h}: {line}"
                    );
                }
            }
        }
    }
    let small = shot(None, 20, 5);
    assert!(small.contains("terminal too small"), "{small}");
}

#[test]
fn ambiwide_mode_draws_no_ambiguous_char() {
    let options = Options {
        ambiguous_wide: true,
        ..mono()
    };
    for view in std::iter::once(None).chain(VIEWS.iter().map(|v| Some(*v))) {
        let app = app_for_view(sample_corpus(), &options, view, 120, 36).unwrap();
        let buf = render_buffer(&app, 120, 36);
        for cell in buf.content() {
            assert!(
                !cell.symbol().chars().any(is_ambiguous),
                "{view:?}: {:?}",
                cell.symbol()
            );
        }
    }
}

fn hostile_corpus() -> Vec<Article> {
    let evil = "\u{1b}]0;pwned\u{7}\u{1b}]52;c;cm0gLXJmIH4=\u{7}\u{1b}[2J\u{9b}31m\u{202e}\u{2066}\u{200b}\t\r";
    let para = format!("\u{3000}\u{3000}通辽市{evil}到位资金298亿元。");
    let span = Span {
        paragraph: 0,
        start: 0,
        end: para.chars().count(),
    };
    vec![Article {
        title: format!("标题{evil}"),
        region: Some(format!("通辽{evil}")),
        paragraphs: vec![para.clone(), evil.to_owned()],
        original: format!("{para}\n{evil}"),
        metrics: vec![Metric {
            label: format!("到位{evil}"),
            unit: evil.to_owned(),
            source: span,
            ..Metric::default()
        }],
        gauges: vec![Gauge {
            label: evil.to_owned(),
            unit: evil.to_owned(),
            actual: f64::NAN,
            source: span,
            ..Gauge::default()
        }],
        ..Article::default()
    }]
}

#[test]
fn hostile_text_never_reaches_the_buffer_as_controls() {
    for ambiguous_wide in [false, true] {
        let options = Options {
            ambiguous_wide,
            ..mono()
        };
        for view in std::iter::once(None).chain(VIEWS.iter().map(|v| Some(*v))) {
            let app = app_for_view(hostile_corpus(), &options, view, 120, 36).unwrap();
            let buf = render_buffer(&app, 120, 36);
            for cell in buf.content() {
                assert!(
                    !cell.symbol().chars().any(is_unsafe),
                    "{view:?}: {:?}",
                    cell.symbol()
                );
            }
        }
    }
    let first = screenshot(hostile_corpus(), &mono(), None, 120, 36, false).unwrap();
    assert!(
        first.contains("␛]0;pwned␇"),
        "escape sequences stay visible in the reader"
    );
}

#[test]
fn svg_draws_wide_cells_two_columns_wide() {
    let svg = screenshot(sample_corpus(), &Options::default(), None, 120, 36, true).unwrap();
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("textLength=\"18\"") && svg.contains(">谷</text>"));
    assert!(svg.contains("fill=\"#"));
}

#[test]
fn selected_gauge_source_is_highlighted_in_the_reader() {
    use ratatui::style::Modifier;
    let app = app_for_view(sample_corpus(), &mono(), Some("gauges"), 120, 36).unwrap();
    let buf = render_buffer(&app, 120, 36);
    let marked: String = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::UNDERLINED | Modifier::BOLD))
        .map(ratatui::buffer::Cell::symbol)
        .filter(|s| !s.trim().is_empty())
        .collect();
    assert_eq!(marked, "合同投资额84.57亿元，占目标任务114%");
}

#[test]
fn mono_theme_sets_no_colour_but_keeps_selection_and_matches_visible() {
    use ratatui::style::{Color, Modifier};
    for view in VIEWS {
        let app = app_for_view(sample_corpus(), &mono(), Some(view), 120, 36).expect("view");
        let buffer = render_buffer(&app, 120, 36);
        for cell in buffer.content() {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{view}");
        }
        let text = zhaoshang::tui::buffer_to_text(&buffer);
        let reversed = buffer
            .content()
            .iter()
            .any(|c| c.modifier.contains(Modifier::REVERSED));
        assert!(
            reversed,
            "{view}: the status bar and selection use reverse video"
        );
        if ["gauges", "compare", "overview", "search"].contains(&view) {
            assert!(
                text.contains("> "),
                "{view}: the selection is marked with >\n{text}"
            );
        }
        if view == "search" {
            assert!(
                buffer
                    .content()
                    .iter()
                    .any(|c| c.modifier.contains(Modifier::UNDERLINED)),
                "search matches are underlined"
            );
        }
    }
}

#[test]
fn readme_keys_section_matches_the_key_table() {
    let readme = include_str!("../README.md");
    assert!(
        readme.contains(&zhaoshang::tui::keymap::markdown_table()),
        "regenerate the README's Keys table from keymap::markdown_table()"
    );
}

fn text_of(app: &zhaoshang::tui::app::App, w: u16, h: u16) -> String {
    zhaoshang::tui::buffer_to_text(&render_buffer(app, w, h))
}

#[test]
fn help_scrolls_and_says_so_at_80x24() {
    use zhaoshang::tui::action::Action;
    let mut app = app_for_view(sample_corpus(), &mono(), Some("help"), 80, 24).unwrap();
    let top = text_of(&app, 80, 24);
    assert!(
        top.contains("滚动 scroll"),
        "the title names the scroll keys:\n{top}"
    );
    assert!(!top.contains("--ambiwide"), "{top}");
    app.update(Action::Bottom);
    let bottom = text_of(&app, 80, 24);
    assert!(
        bottom.contains("--ambiwide") && bottom.contains("C-c"),
        "{bottom}"
    );
}

#[test]
fn the_hints_bar_always_ends_with_help() {
    use zhaoshang::tui::action::Action;
    for (w, h) in [(120, 36), (80, 24), (60, 20), (40, 10)] {
        let mut app = app_for_view(sample_corpus(), &mono(), None, w, h).unwrap();
        let last = text_of(&app, w, h).lines().last().unwrap_or("").to_owned();
        assert!(last.ends_with("? 帮助"), "{w}x{h}: {last}");
        app.update(Action::EffectDone("已复制 copied 12 chars".to_owned()));
        let last = text_of(&app, w, h).lines().last().unwrap_or("").to_owned();
        assert!(last.ends_with("? 帮助"), "{w}x{h} with a message: {last}");
    }
}

#[test]
fn a_narrow_reader_summarises_the_gauges_on_one_line() {
    let s = shot(None, 80, 24);
    assert!(s.contains("合同投资额 114%"), "{s}");
    assert!(s.contains("t 指标"), "the key that shows them:\n{s}");
}

/// One article with a long gauge label, a count target implied by a stated percent and a
/// metric over a range of months.
fn long_labels() -> Vec<Article> {
    let para = "\u{3000}\u{3000}1-5月，亿元以上在谈项目总投资126.1亿元，完成目标的113%；新签约亿元以上项目19个，完成目标的79%；招商引资合同投资额84.57亿元。".to_owned();
    let span = Span {
        paragraph: 0,
        start: 0,
        end: para.chars().count(),
    };
    let gauge = |label: &str, actual: f64, percent: f64, unit: &str| Gauge {
        label: label.to_owned(),
        actual,
        percent: Some(percent),
        percent_stated: true,
        unit: unit.to_owned(),
        source: span,
        ..Gauge::default()
    };
    vec![Article {
        title: "谷城经济开发区1-5月招商引资".to_owned(),
        region: Some("谷城经济开发区".to_owned()),
        paragraphs: vec![para.clone()],
        original: para,
        gauges: vec![
            gauge("亿元以上在谈项目总投资额度", 126.1, 113.0, "亿元"),
            gauge("亿元以上项目", 19.0, 79.0, "个"),
        ],
        metrics: vec![Metric {
            label: "招商引资合同投资额".to_owned(),
            value: Some(84.57),
            unit: "亿元".to_owned(),
            period: Some("2021-01..2021-05".to_owned()),
            raw: "84.57".to_owned(),
            source: span,
            ..Metric::default()
        }],
        ..Article::default()
    }]
}

#[test]
fn cut_labels_end_with_an_ellipsis_and_the_selection_is_in_full_in_the_status_line() {
    for (ambiguous_wide, marker) in [(false, "…"), (true, "..")] {
        let options = Options {
            ambiguous_wide,
            ..mono()
        };
        let app = app_for_view(long_labels(), &options, Some("gauges"), 80, 24).unwrap();
        let s = text_of(&app, 80, 24);
        let row = s
            .lines()
            .find(|l| l.contains("> 亿元以上在谈"))
            .unwrap_or_else(|| panic!("the selected gauge:\n{s}"));
        let cut = row
            .split("> ")
            .nth(1)
            .and_then(|r| r.split_whitespace().next())
            .unwrap_or("");
        let kept = cut.trim_end_matches(marker);
        assert!(
            cut.ends_with(marker)
                && kept.len() > 6
                && "亿元以上在谈项目总投资额度".starts_with(kept),
            "{row}"
        );
        let status = s.lines().last().unwrap_or("");
        assert!(status.contains("亿元以上在谈项目总投资额度"), "{status}");
    }
}

#[test]
fn metrics_columns_fit_their_content() {
    let app = app_for_view(long_labels(), &mono(), Some("gauges"), 120, 36).unwrap();
    let s = text_of(&app, 120, 36);
    assert!(s.contains("2021-01..2021-05"), "the whole period:\n{s}");
    assert!(s.contains("招商引资合同投资额"), "the whole label:\n{s}");
}

#[test]
fn an_estimated_count_target_is_a_whole_number() {
    let s = screenshot(long_labels(), &mono(), Some("gauges"), 120, 36, false).unwrap();
    assert!(s.contains("19/~24个"), "{s}");
    assert!(
        s.contains("126.1/~111.59亿元"),
        "money keeps two decimals:\n{s}"
    );
}

#[test]
fn cross_period_pairs_are_marked_and_never_ranked() {
    // 谷城's 到位资金 gauge is the first quarter's actual against the year's target: 45.66%.
    let c = shot(Some("compare"), 120, 36);
    let row = c
        .lines()
        .find(|l| l.contains("46%"))
        .unwrap_or_else(|| panic!("{c}"));
    assert!(row.contains("跨期"), "{row}");
    let mut app = app_for_view(sample_corpus(), &mono(), Some("overview"), 120, 36).unwrap();
    app.update(zhaoshang::tui::action::Action::ToggleRankBy);
    let o = zhaoshang::tui::buffer_to_text(&render_buffer(&app, 120, 36));
    assert!(o.contains("完成% of target"), "{o}");
    assert!(
        !o.contains("46%"),
        "a cross-period percent is never ranked:\n{o}"
    );
}

#[test]
fn files_that_failed_to_load_are_shown_in_the_explorer() {
    use zhaoshang::tui::action::Action;
    let options = Options {
        load_errors: vec![
            "raw/坏文件.txt: binary file (NUL byte at offset 3)".to_owned(),
            "raw/空.txt: empty file".to_owned(),
        ],
        ..mono()
    };
    let mut app = app_for_view(sample_corpus(), &options, None, 120, 36).unwrap();
    let s = text_of(&app, 120, 36);
    let status = s.lines().last().unwrap_or("");
    assert!(
        status.contains("2 个文件未载入"),
        "said on the first screen:\n{status}"
    );
    app.update(Action::ShowLoadErrors);
    let s = text_of(&app, 120, 36);
    assert!(
        s.contains("raw/坏文件.txt: binary file") && s.contains("raw/空.txt: empty file"),
        "{s}"
    );
    app.update(Action::Back);
    let s = text_of(&app, 120, 36);
    let status = s.lines().last().unwrap_or("");
    assert!(
        status.contains("2 未载入"),
        "a count stays in the status bar:\n{status}"
    );
}

#[test]
fn the_gauges_pane_shows_an_indicators_trend_across_years() {
    let year = |period: &str, actual: f64, percent: f64| Article {
        file: format!("{period}.txt"),
        title: format!("{period}年招商引资"),
        region: Some("谷城县".to_owned()),
        period: Some(period.to_owned()),
        paragraphs: vec![format!("{period}年到位资金{actual}亿元。")],
        gauges: vec![Gauge {
            label: "到位资金".to_owned(),
            actual,
            percent: Some(percent),
            unit: "亿元".to_owned(),
            actual_period: Some(period.to_owned()),
            target_period: Some(period.to_owned()),
            indicator: Some("funds_in_place".to_owned()),
            ..Gauge::default()
        }],
        ..Article::default()
    };
    let corpus = vec![year("2021", 40.0, 80.0), year("2022", 57.0, 114.0)];
    let app = app_for_view(corpus, &mono(), Some("gauges"), 120, 36).unwrap();
    let s = zhaoshang::tui::buffer_to_text(&render_buffer(&app, 120, 36));
    assert!(
        s.contains("趋势 trend 到位资金: 2021年 80% → 2022年 114%"),
        "{s}"
    );
}

#[test]
fn the_top_bar_shows_the_path_and_tab_moves_among_siblings() {
    let place = |name: &str, path: &[&str]| Article {
        file: format!("{name}.txt"),
        title: format!("{name}招商引资"),
        region: Some(name.to_owned()),
        region_path: path.iter().map(|s| (*s).to_owned()).collect(),
        paragraphs: vec![format!("{name}招商引资。")],
        ..Article::default()
    };
    let corpus = vec![
        place(
            "谷城经济开发区",
            &["湖北省", "襄阳市", "谷城县", "谷城经济开发区"],
        ),
        place("通辽市", &["内蒙古自治区", "通辽市"]),
        place("谷城县", &["湖北省", "襄阳市", "谷城县"]),
        place("樊城区", &["湖北省", "襄阳市", "樊城区"]),
    ];
    let mut app = app_for_view(corpus, &mono(), None, 120, 36).unwrap();
    let top = |app: &zhaoshang::tui::app::App| {
        zhaoshang::tui::buffer_to_text(&render_buffer(app, 120, 36))
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned()
    };
    assert!(
        top(&app).starts_with(" 湖北省 › 襄阳市 › 谷城县 › 1 谷城经济开发区(1)"),
        "{}",
        top(&app)
    );
    // 谷城县 and 樊城区 are siblings under 襄阳市; 通辽市 is not among them.
    app.update(zhaoshang::tui::action::Action::SelectRegion(2));
    app.update(zhaoshang::tui::action::Action::NextRegion);
    assert!(top(&app).contains("襄阳市 › 4 樊城区(1)"), "{}", top(&app));
    app.update(zhaoshang::tui::action::Action::NextRegion);
    assert!(top(&app).contains("襄阳市 › 3 谷城县(1)"), "{}", top(&app));
}

#[test]
fn metric_hits_show_their_value_and_sentence() {
    use std::sync::atomic::AtomicBool;
    use zhaoshang::tui::action::Action;
    let store = zhaoshang::store::Store::from(zhaoshang::corpus::builtin());
    let mut app = zhaoshang::tui::app::App::new(store.clone(), &mono());
    app.update(Action::Resize(120, 36));
    app.update(Action::OpenSearch);
    for c in "daowei".chars() {
        app.update(Action::Input(c));
    }
    let (generation, query) = app.search_request();
    let hits = store
        .search(query, 50, &AtomicBool::new(false))
        .unwrap_or_default();
    app.update(Action::SearchResults { generation, hits });
    let s = zhaoshang::tui::buffer_to_text(&render_buffer(&app, 120, 36));
    let metric_rows: Vec<&str> = s
        .lines()
        .filter(|l| l.contains("指标 通辽市 到位资金"))
        .collect();
    assert_eq!(metric_rows.len(), 2, "{s}");
    assert!(metric_rows[0].contains("298亿元 |"), "{s}");
    assert!(metric_rows[1].contains("86% |"), "{s}");
    assert!(
        metric_rows
            .iter()
            .all(|r| r.contains("实现到位资金298亿元")),
        "the sentence follows:\n{s}"
    );
}
