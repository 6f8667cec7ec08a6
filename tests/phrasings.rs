//! Articles written for these tests in phrasings the seeds do not use, so the parser is
//! checked on rules rather than on the seeds' exact wording.

use zhaoshang::corpus::{Article, MetricKind, parse_bytes};

fn parse(name: &str) -> Article {
    let path = format!(
        "{}/tests/fixtures/articles/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).expect("fixture exists");
    parse_bytes(&path, &bytes).expect("fixture parses")
}

fn gauge<'a>(article: &'a Article, label: &str) -> &'a zhaoshang::corpus::Gauge {
    article
        .gauges
        .iter()
        .find(|g| g.label.contains(label))
        .unwrap_or_else(|| panic!("no gauge {label}: {:#?}", article.gauges))
}

#[test]
fn quarterly_report_metadata() {
    let a = parse("yongkang-2023-q3.txt");
    assert_eq!(a.title, "今年前三季度招商引资工作成效明显");
    assert_eq!(a.region.as_deref(), Some("永康市"));
    assert_eq!(a.published.as_deref(), Some("2023-10-12"));
    assert_eq!(a.source.as_deref(), Some("永康市投资促进中心"));
    assert_eq!(a.period.as_deref(), Some("2023"));
    assert!(a.paragraphs.iter().all(|p| !p.contains("责任编辑")));
}

#[test]
fn percent_of_annual_target_with_target_stated_later() {
    let a = parse("yongkang-2023-q3.txt");
    let g = gauge(&a, "实际利用外资");
    assert_eq!(
        (g.actual, g.target, g.percent),
        (2.3, Some(3.0), Some(76.0))
    );
    assert_eq!(g.unit, "亿美元");
    assert_eq!(g.actual_period.as_deref(), Some("2023-01..2023-09"));
    assert_eq!(g.target_period.as_deref(), Some("2023"));
    assert!(g.percent_stated && !g.cross_period && g.target_source.is_some());
}

#[test]
fn target_sentence_pairs_with_year_to_date_actual() {
    let a = parse("yongkang-2023-q3.txt");
    let g = gauge(&a, "签约项目");
    assert_eq!(
        (g.actual, g.target, g.percent),
        (35.0, Some(50.0), Some(70.0))
    );
    assert!(!g.percent_stated);
}

#[test]
fn percent_only_gauge_and_ratios() {
    let a = parse("yongkang-2023-q3.txt");
    let g = gauge(&a, "协议投资额");
    assert_eq!((g.actual, g.target, g.percent), (56.0, None, Some(28.0)));
    assert_eq!(g.actual_period.as_deref(), Some("2023-01..2023-03"));
    for ratio in ["履约率", "开工率"] {
        let m = a
            .metrics
            .iter()
            .find(|m| m.label.contains(ratio))
            .expect(ratio);
        assert_eq!(m.kind, MetricKind::Ratio);
        assert!(!a.gauges.iter().any(|g| g.label.contains(ratio)));
    }
    let growth = a
        .metrics
        .iter()
        .find(|m| m.kind == MetricKind::GrowthPct)
        .expect("growth");
    assert_eq!(
        (growth.label.as_str(), growth.value),
        ("招商引资到位资金", Some(12.5))
    );
}

#[test]
fn gb18030_file_parses_like_utf8() {
    let utf8 = parse("yongkang-2023-q3.txt");
    let gb = parse("yiwu-2023-q3-gb18030.txt");
    assert_eq!(gb.encoding, "GB18030");
    assert_eq!(gb.region.as_deref(), Some("义乌市"));
    assert_eq!(gb.metrics.len(), utf8.metrics.len());
    assert_eq!(gb.gauges.len(), utf8.gauges.len());
}

#[test]
fn header_with_source_label_and_standalone_credit_line() {
    let a = parse("hefei-gaoxin-2024-h1.txt");
    assert_eq!(a.region.as_deref(), Some("合肥高新区"));
    assert_eq!(a.published.as_deref(), Some("2024-07-15"));
    assert_eq!(a.source.as_deref(), Some("合肥高新区管委会"));
    assert_eq!(a.byline.as_deref(), Some("记者 张三 通讯员 李四"));
    assert_eq!(
        a.period.as_deref(),
        Some("2024-01..2024-06"),
        "今年上半年 against the header's year"
    );
    assert!(
        a.metrics
            .iter()
            .any(|m| m.label == "签约项目" && m.value == Some(86.0)),
        "region prefix dropped"
    );
    let g = gauge(&a, "实际到位资金");
    assert_eq!(
        (g.actual, g.target, g.percent),
        (178.3, Some(300.0), Some(58.5))
    );
}

#[test]
fn size_classes_never_pair_with_each_other() {
    let a = parse("hefei-gaoxin-2024-h1.txt");
    assert!(
        !a.gauges.iter().any(|g| g.label.contains("50亿元以上")),
        "{:#?}",
        a.gauges
    );
    let b = parse("mengcheng-2023-1-10.txt");
    let g = gauge(&b, "亿元以上项目");
    assert_eq!(
        (g.actual, g.target),
        (48.0, Some(55.0)),
        "the plain class pairs with its own target"
    );
    assert!(!b.gauges.iter().any(|g| g.label.contains("10亿元以上")));
}

#[test]
fn stated_percent_is_not_overridden_by_a_stretch_target() {
    let b = parse("mengcheng-2023-1-10.txt");
    assert_eq!(b.region.as_deref(), Some("蒙城县"));
    let g = gauge(&b, "到位省外资金");
    // 125.6 / 150 would be 83.7%, not the stated 104.7%: the 150 is a raised goal.
    assert_eq!((g.actual, g.target, g.percent), (125.6, None, Some(104.7)));
    let rate = b
        .metrics
        .iter()
        .find(|m| m.label.contains("开工率"))
        .expect("开工率");
    assert_eq!(rate.kind, MetricKind::Ratio);
}

/// Gauges read from one short report in the given words: (actual, target, percent).
fn gauges_of(text: &str) -> Vec<(f64, Option<f64>, Option<f64>)> {
    let body = format!("某某县招商引资工作情况\n{text}\n");
    parse_bytes("phrasing.txt", body.as_bytes())
        .expect("parses")
        .gauges
        .iter()
        .map(|g| {
            (
                g.actual,
                g.target,
                g.percent.map(|p| (p * 100.0).round() / 100.0),
            )
        })
        .collect()
}

/// One line per way of stating a target (issue 12's families, in words written here).
macro_rules! gauge_phrasing {
    ($name:ident, $text:expr, [$(($a:expr, $t:expr, $p:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            let want: Vec<(f64, Option<f64>, Option<f64>)> = vec![$(($a, $t, $p)),*];
            assert_eq!(gauges_of($text), want, "{}", $text);
        }
    };
}

gauge_phrasing!(
    share_of_annual_task,
    "1-6月，全县实际到位资金12.3亿元，占年度目标任务的61.5%。",
    [(12.3, None, Some(61.5))]
);
gauge_phrasing!(
    of_the_whole_year,
    "全县招商引资到位资金8.5亿元，为全年目标的85%。",
    [(8.5, None, Some(85.0))]
);
gauge_phrasing!(
    tenths,
    "全县签约项目36个，完成省下达任务的9成。",
    [(36.0, None, Some(90.0))]
);
gauge_phrasing!(
    target_inside,
    "全县到位资金12.3亿元，完成县下达全年目标任务20亿元的61.5%。",
    [(12.3, Some(20.0), Some(61.5))]
);
gauge_phrasing!(
    target_in_brackets,
    "全县到位资金12.3亿元，完成年度任务（15亿元）的82%。",
    [(12.3, Some(15.0), Some(82.0))]
);
gauge_phrasing!(
    task_count_in_brackets,
    "全县引进项目12个（任务数10个），到位资金3亿元。",
    [(12.0, Some(10.0), Some(120.0))]
);
gauge_phrasing!(
    target_after_actual,
    "全县实际到位资金8亿元（目标6亿元），同比增长5%。",
    [(8.0, Some(6.0), Some(133.33))]
);
gauge_phrasing!(
    sub_target_in_the_target,
    "全县外贸出口314万美元，占市分配任务1000万美元（其中加工贸易200万美元）的31.4%。",
    [(314.0, Some(1000.0), Some(31.4))]
);
gauge_phrasing!(
    respectively,
    "全县签约资金10亿元、到位资金20亿元，分别完成年度目标的96%、104%。",
    [(10.0, None, Some(96.0)), (20.0, None, Some(104.0))]
);
gauge_phrasing!(
    labels_listed_before_respectively,
    "1-9月，全镇规模工业总产值、固定资产投资、社消零依次达到71亿元、4.75亿元和3.06亿元，完成目标任务的100%、113 %和100%；工业投资、技改投资两项也都完成了任务的100%。",
    [
        (71.0, None, Some(100.0)),
        (4.75, None, Some(113.0)),
        (3.06, None, Some(100.0))
    ]
);
gauge_phrasing!(
    exceeded_an_annual_plan_task,
    "1至4月，全市合同利用外资24.6亿美元，同比增长1.28倍，已超额完成22.6亿美元的年度计划任务。",
    [(24.6, Some(22.6), Some(108.85))]
);
gauge_phrasing!(
    a_share_asked_for_is_no_progress,
    "全区上报到位资金24.8亿元(任务数23亿元)，工业到位资金占比51.9%(任务数50%)。",
    [(24.8, Some(23.0), Some(107.83))]
);
gauge_phrasing!(
    more_than_before_the_magnitude,
    "一季度全市新增预计投入资金3600余亿元，同比增长156%，完成全年任务的37%；外资大项目涉及外资13多亿美元。",
    [(3600.0, None, Some(37.0))]
);
gauge_phrasing!(
    a_run_of_percents_pairs_with_counts_of_one_unit_across_a_semicolon,
    "1-12月，全市新引进亿元及以上项目43个，总投资226.51亿元，到位资金35.89亿元；其中投资额5亿元及以上的项目14个，投资额10亿元及以上项目8个，分别完成年初预期目标任务的143%、140%、160%。",
    [
        (43.0, None, Some(143.0)),
        (14.0, None, Some(140.0)),
        (8.0, None, Some(160.0))
    ]
);
gauge_phrasing!(
    a_plan_spanning_years_sets_no_target,
    "2018年我区全面铺开产业大招商三年行动计划(2018-2020年)，当年全区引进到位资金7959.3亿元，完成年度目标任务7600亿元的104.7%。",
    [(7959.3, Some(7600.0), Some(104.7))]
);
gauge_phrasing!(
    a_target_for_an_earlier_year_is_not_paired,
    "2009年，全县完成国内招商引资26亿元。2001年总体目标：国内招商引资70亿元。",
    []
);
gauge_phrasing!(
    two_targets,
    "全县到位资金25.47亿元，完成市上全年任务（42.5亿元）的59.94%；完成县上全年任务（46.5亿元）的54.78%。",
    [
        (25.47, Some(42.5), Some(59.94)),
        (25.47, Some(46.5), Some(54.78))
    ]
);
gauge_phrasing!(
    exceeded_without_percent,
    "全年实际到位资金1106.57亿元，超额完成910亿元目标任务。",
    [(1106.57, Some(910.0), Some(121.6))]
);
gauge_phrasing!(
    plan_earlier_in_sentence,
    "该项目计划投资30亿元，截至5月，完成投资21亿元，完成年计划的70%。",
    [(21.0, Some(30.0), Some(70.0))]
);
gauge_phrasing!(
    completion_rate,
    "今年计划投资16.17亿元，1-7月份完成投资16.45亿元，投资完成率达到102%。",
    [(16.45, Some(16.17), Some(102.0))]
);
gauge_phrasing!(
    target_in_other_units,
    "全市实际到位资金1005136万元，完成全年80亿目标任务的125.64%。",
    [(1_005_136.0, Some(800_000.0), Some(125.64))]
);
gauge_phrasing!(
    lost_percent_sign,
    "全年实现财政收入3.33亿元，完成年度计划92.13。",
    [(3.33, None, Some(92.13))]
);
gauge_phrasing!(
    not_rates_or_shares,
    "全县项目履约率95%，开工率88%，资金到位率76%，到位资金占全市的23%，超时间进度6个百分点。",
    []
);
gauge_phrasing!(
    not_a_margin,
    "协议投资额为4994亿元，超过目标任务4000亿元的19%。",
    [(4994.0, Some(4000.0), Some(124.85))]
);
gauge_phrasing!(
    not_a_rate_without_actual,
    "全市98个重大项目集中开工，其中，省级重点项目开工率121%，投资完成率70.1%。",
    []
);
gauge_phrasing!(
    not_a_lost_decimal,
    "全县实际到位资金3 7亿元，完成年度目标任务的61.5%。",
    []
);

#[test]
fn growth_in_multiples_and_declines() {
    let a = parse_bytes(
        "growth.txt",
        "某某县招商\n全县到位资金12亿元，同比增长2.3倍；签约项目8个，同比下降12.5%；外资1亿美元，同比增长-8.92%。\n".as_bytes(),
    )
    .expect("parses");
    let growth: Vec<(f64, &str)> = a
        .metrics
        .iter()
        .filter(|m| m.kind == MetricKind::GrowthPct)
        .map(|m| (m.value.unwrap_or(f64::NAN), m.unit.as_str()))
        .collect();
    assert_eq!(growth, [(2.3, "倍"), (-12.5, "%"), (-8.92, "%")]);
}

#[test]
fn approximate_figures_are_kept_and_marked() {
    let a = parse_bytes(
        "approx.txt",
        "某某县招商\n全县签约资金近8亿元，引进项目30余个，到位资金5亿元。\n".as_bytes(),
    )
    .expect("parses");
    let marks: Vec<(f64, bool)> = a
        .metrics
        .iter()
        .map(|m| (m.value.unwrap_or(f64::NAN), m.approximate))
        .collect();
    assert_eq!(marks, [(8.0, true), (30.0, true), (5.0, false)]);
}
gauge_phrasing!(
    target_figure_before_the_measure_it_names,
    "一季度全区内外资合计到位资金1344亿元，完成全年5360亿元招商引资目标任务的25.07%，同比增长15.95%。",
    [(1344.0, Some(5360.0), Some(25.07))]
);

#[test]
fn each_label_of_a_list_goes_to_its_figure() {
    let body = "某某县招商引资工作情况\n全县签约项目和到位资金分别为12个、35亿元，同比分别增长20%和15%。\n";
    let a = parse_bytes("labels.txt", body.as_bytes()).expect("parses");
    let labelled: Vec<(&str, f64)> = a
        .metrics
        .iter()
        .map(|m| (m.label.as_str(), m.value.unwrap_or(f64::NAN)))
        .collect();
    assert_eq!(
        labelled,
        [
            ("签约项目", 12.0),
            ("到位资金", 35.0),
            ("签约项目", 20.0),
            ("到位资金", 15.0)
        ],
        "{:#?}",
        a.metrics
    );
    assert_eq!(a.metrics[3].kind, MetricKind::GrowthPct);
}

#[test]
fn a_money_size_class_before_projects_is_not_a_figure() {
    let body = "某某县招商引资工作情况\n全县签约落地项目5个，其中1 亿元项目1 个，5000 万项目 2个，2000万项目2 个。\n";
    let a = parse_bytes("classes.txt", body.as_bytes()).expect("parses");
    let figures: Vec<(f64, &str)> = a
        .metrics
        .iter()
        .map(|m| (m.value.unwrap_or(f64::NAN), m.unit.as_str()))
        .collect();
    assert_eq!(
        figures,
        [(5.0, "个"), (1.0, "个"), (2.0, "个"), (2.0, "个")],
        "{:#?}",
        a.metrics
    );
}

#[test]
fn an_e_paper_page_keeps_its_title_and_its_masthead_names_the_city() {
    // Page furniture of a newspaper's e-paper: edition bar, title navigation, a page code,
    // the date, the article bar twice, and the masthead last.
    let page = "第A2版:要闻 4下一版\n标题导航\nqlwb\n\n2016年03月02日 星期三\n3 上一篇  下一篇 4 放大 缩小 默认\n\n前两月引进市外资金42亿元\n\n本报讯（记者 王某）全市招商引资开局良好。1至2月，全市引进市外资金42亿元，同比增长9.1%，新签约项目18个。\n\n3 上一篇  下一篇 4 放大 缩小 默认\n\n绍兴日报\n";
    let a = parse_bytes("epaper.txt", page.as_bytes()).expect("parses");
    assert_eq!(a.title, "前两月引进市外资金42亿元");
    assert_eq!(a.region.as_deref(), Some("绍兴市"), "{:?}", a.boilerplate);
    assert_eq!(a.paragraphs.len(), 1, "{:?}", a.paragraphs);
    assert!(
        a.boilerplate
            .iter()
            .any(|b| b.kind == "masthead" && b.text == "绍兴日报")
    );
}

#[test]
fn growths_after_respectively_take_the_figures_before_and_counts_reached_are_figures() {
    let body = "某某县招商引资工作情况\n全县新设外资企业356家，合同利用外资24.6亿美元，与上年同期相比分别增长1.4倍和1.28倍。力争签约项目达15个以上（亿元以上工业项目11个以上）。一季度举办招商推介活动3场次。\n";
    let a = parse_bytes("growths.txt", body.as_bytes()).expect("parses");
    let found: Vec<(&str, f64, &str, MetricKind)> = a
        .metrics
        .iter()
        .map(|m| {
            (
                m.label.as_str(),
                m.value.unwrap_or(f64::NAN),
                m.unit.as_str(),
                m.kind,
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("新设外资企业", 356.0, "家", MetricKind::Actual),
            ("合同利用外资", 24.6, "亿美元", MetricKind::Actual),
            ("新设外资企业", 1.4, "倍", MetricKind::GrowthPct),
            ("合同利用外资", 1.28, "倍", MetricKind::GrowthPct),
            ("签约项目", 15.0, "个", MetricKind::Target),
            ("亿元以上工业项目", 11.0, "个", MetricKind::Target),
            ("举办招商推介活动", 3.0, "场次", MetricKind::Actual),
        ],
        "{:#?}",
        a.metrics
    );
}

#[test]
fn a_bare_increase_is_growth_and_a_new_count_is_not() {
    let body = "某某县招商引资工作情况\n全县完成市外到位资金33.63亿元，增15.65%，新增12个项目，同比降3%。\n";
    let a = parse_bytes("growth.txt", body.as_bytes()).expect("parses");
    let kinds: Vec<(f64, MetricKind)> = a
        .metrics
        .iter()
        .map(|m| (m.value.unwrap_or(f64::NAN), m.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            (33.63, MetricKind::Actual),
            (15.65, MetricKind::GrowthPct),
            (12.0, MetricKind::Actual),
            (-3.0, MetricKind::GrowthPct)
        ],
        "{:#?}",
        a.metrics
    );
}

gauge_phrasing!(
    one_actual_against_two_targets_the_second_stated_in_its_frame,
    "截止7月底，全县实际完成投资72.06亿元，占计划总投资115.28亿元的62.51%，占区、市下达我县140亿元目标任务的53%。",
    [
        (72.06, Some(115.28), Some(62.51)),
        (72.06, Some(140.0), Some(53.0))
    ]
);
gauge_phrasing!(
    text_spun_with_synonyms_by_a_copying_site,
    "1至9月，全区协议出资额229.66亿元，同比增加84.8%，完结年度使命的143.5%。",
    [(229.66, None, Some(143.5))]
);

#[test]
fn a_forecast_is_an_actual_figure_flagged_as_expected() {
    let body = "某某旗招商引资工作情况\n1至11月，全旗签约项目22个，全年预计到位资金23.68亿元，同比增长15%。\n";
    let a = parse_bytes("forecast.txt", body.as_bytes()).expect("parses");
    let found: Vec<(f64, MetricKind, bool, &str)> = a
        .metrics
        .iter()
        .map(|m| {
            (
                m.value.unwrap_or(f64::NAN),
                m.kind,
                m.forecast,
                m.kind_name(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (22.0, MetricKind::Actual, false, "actual"),
            (23.68, MetricKind::Actual, true, "forecast"),
            (15.0, MetricKind::GrowthPct, true, "growth_pct forecast"),
        ],
        "{:#?}",
        a.metrics
    );
}
gauge_phrasing!(
    targets_listed_in_brackets_before_a_run_of_percents,
    "1-11月，开发区合同外资额达24.05亿美元，实际到位金额11.8亿美元。两项指标分别完成全年任务(25亿美元和12.34亿美元)的96.2%和95.6%。",
    [
        (24.05, Some(25.0), Some(96.2)),
        (11.8, Some(12.34), Some(95.6))
    ]
);

#[test]
fn growth_that_lost_its_percent_sign_is_still_growth() {
    let body =
        "某某市招商引资情况\n前3季度，我市招商引资到位资金58.4亿元，同比增长22，占年度计划的78。\n";
    let a = parse_bytes("lost.txt", body.as_bytes()).expect("parses");
    let found: Vec<(f64, &str, MetricKind)> = a
        .metrics
        .iter()
        .map(|m| (m.value.unwrap_or(f64::NAN), m.unit.as_str(), m.kind))
        .collect();
    assert_eq!(
        found,
        [
            (58.4, "亿元", MetricKind::Actual),
            (22.0, "%", MetricKind::GrowthPct),
            (78.0, "%", MetricKind::ProgressPct)
        ],
        "{:#?}",
        a.metrics
    );
}

#[test]
fn the_planned_size_of_started_projects_is_a_figure_and_the_base_of_its_percent() {
    let body = "某某县招商引资情况\n截止7月底，全县已开工招商项目72个，计划总投资115.28亿元，实际完成投资72.06亿元，占计划总投资的62.51%。\n";
    let a = parse_bytes("plan.txt", body.as_bytes()).expect("parses");
    let planned = a
        .metrics
        .iter()
        .find(|m| m.value == Some(115.28))
        .expect("the planned total");
    assert_eq!(planned.kind, MetricKind::Actual, "{:#?}", a.metrics);
    let g: Vec<(f64, Option<f64>, Option<f64>)> = a
        .gauges
        .iter()
        .map(|g| (g.actual, g.target, g.percent))
        .collect();
    assert_eq!(g, [(72.06, Some(115.28), Some(62.51))]);
    // A year's plan is still a target.
    let a = parse_bytes(
        "year.txt",
        "某某县\n今年计划投资16.17亿元，1-7月份完成投资16.45亿元。\n".as_bytes(),
    )
    .expect("parses");
    assert_eq!(a.metrics[0].kind, MetricKind::Target, "{:#?}", a.metrics);
}
gauge_phrasing!(
    percents_naming_measures_of_their_own_do_not_pair_with_other_measures,
    "今年1至9月，我省5个100工程累计完成投资3371亿元，签约项目2989个，签约资金5708亿元，到位资金2547亿元。其中，产业园区、农业示范园区、旅游景区、示范小城镇、城市综合体完成投资分别占年度计划的74.3%、88.2%、97%、97.7%、81.9%。",
    []
);
gauge_phrasing!(
    a_plan_then_what_was_done_of_it,
    "其中重大基础设施项目135个，今年计划投资191.36亿元，完成投资162.59亿元。",
    [(162.59, Some(191.36), Some(84.97))]
);
gauge_phrasing!(
    yuan_named_as_renminbi,
    "实际利用外资10448.5万人民币，完成今年省下目标任务8800万元的118.73%。",
    [(10448.5, Some(8800.0), Some(118.73))]
);
