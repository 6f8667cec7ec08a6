//! A small hand-built corpus with regions, metrics, gauges and a redacted figure, for tests,
//! benchmarks, screenshots and demos while the real parser is elsewhere. The text is
//! realistic Chinese investment-attraction prose; spans are located by searching the text,
//! so they are always valid.

use crate::corpus::{Article, Boilerplate, Gauge, Metric, MetricKind, Repair, Span};

/// The char range of `needle` in paragraph `p` (the whole paragraph when not found).
fn span(paragraphs: &[String], p: usize, needle: &str) -> Span {
    let text = paragraphs.get(p).map_or("", String::as_str);
    match text.find(needle) {
        Some(byte) => {
            let start = text[..byte].chars().count();
            Span {
                paragraph: p,
                start,
                end: start + needle.chars().count(),
            }
        }
        None => Span {
            paragraph: p,
            start: 0,
            end: text.chars().count(),
        },
    }
}

#[allow(clippy::too_many_arguments)]
fn metric(
    ps: &[String],
    p: usize,
    sentence: &str,
    label: &str,
    value: Option<f64>,
    unit: &str,
    kind: MetricKind,
    raw: &str,
) -> Metric {
    Metric {
        label: label.to_owned(),
        value,
        unit: unit.to_owned(),
        kind,
        period: Some("2023".to_owned()),
        redacted: value.is_none(),
        raw: raw.to_owned(),
        source: span(ps, p, sentence),
        ..Metric::default()
    }
}

fn article(file: &str, title: &str, region: Option<&str>, paragraphs: &[&str]) -> Article {
    let paragraphs: Vec<String> = paragraphs.iter().map(|p| (*p).to_owned()).collect();
    let original = format!(
        "{title}\n来源：新华网\n{}\n责任编辑：张三",
        paragraphs.join("\n")
    );
    let footer_line = paragraphs.len() + 3;
    Article {
        file: file.to_owned(),
        title: title.to_owned(),
        region: region.map(str::to_owned),
        period: Some("2023".to_owned()),
        encoding: "UTF-8".to_owned(),
        paragraphs,
        boilerplate: vec![
            Boilerplate {
                kind: "header".to_owned(),
                line: 2,
                text: "来源：新华网".to_owned(),
            },
            Boilerplate {
                kind: "footer".to_owned(),
                line: footer_line,
                text: "责任编辑：张三".to_owned(),
            },
        ],
        original,
        ..Article::default()
    }
}

/// Five articles in four named regions plus one without a region.
pub fn sample_corpus() -> Vec<Article> {
    let mut gucheng = article(
        "fixtures/gucheng.txt",
        "谷城经济开发区一季度招商引资成绩单",
        Some("谷城经济开发区"),
        &[
            "\u{3000}\u{3000}今年以来，谷城经济开发区坚持“项目为王”，围绕“五大产业集群”精准招商、链式招商。一季度，全区新签约项目23个，合同投资额84.57亿元，占目标任务114%。",
            "\u{3000}\u{3000}一季度全区实现到位资金50.23亿元。全区计划全年到位资金110亿元，力争引进10亿元以上项目5个。",
            "\u{3000}\u{3000}据了解，去年全区实际到位资金XX.X亿元，同比增长12.6%。下一步，开发区将持续优化营商环境，以“店小二”精神服务企业。",
        ],
    );
    let ps = gucheng.paragraphs.clone();
    gucheng.metrics = vec![
        metric(
            &ps,
            0,
            "新签约项目23个",
            "新签约项目",
            Some(23.0),
            "个",
            MetricKind::Actual,
            "23",
        ),
        metric(
            &ps,
            0,
            "合同投资额84.57亿元",
            "合同投资额",
            Some(84.57),
            "亿元",
            MetricKind::Actual,
            "84.57",
        ),
        metric(
            &ps,
            0,
            "占目标任务114%",
            "合同投资额",
            Some(114.0),
            "%",
            MetricKind::ProgressPct,
            "114",
        ),
        metric(
            &ps,
            1,
            "一季度全区实现到位资金50.23亿元",
            "到位资金",
            Some(50.23),
            "亿元",
            MetricKind::Actual,
            "50.23",
        ),
        metric(
            &ps,
            1,
            "全区计划全年到位资金110亿元",
            "到位资金",
            Some(110.0),
            "亿元",
            MetricKind::Target,
            "110",
        ),
        metric(
            &ps,
            2,
            "去年全区实际到位资金XX.X亿元",
            "去年到位资金",
            None,
            "亿元",
            MetricKind::Actual,
            "XX.X",
        ),
        metric(
            &ps,
            2,
            "同比增长12.6%",
            "到位资金增长",
            Some(12.6),
            "%",
            MetricKind::GrowthPct,
            "12.6",
        ),
    ];
    gucheng.gauges = vec![
        Gauge {
            label: "合同投资额".to_owned(),
            actual: 84.57,
            target: None,
            percent: Some(114.0),
            percent_stated: true,
            unit: "亿元".to_owned(),
            actual_period: Some("2023-Q1".to_owned()),
            target_period: Some("2023-Q1".to_owned()),
            cross_period: false,
            source: span(&ps, 0, "合同投资额84.57亿元，占目标任务114%"),
            target_source: None,
            indicator: None,
        },
        Gauge {
            label: "到位资金".to_owned(),
            actual: 50.23,
            target: Some(110.0),
            percent: None,
            percent_stated: false,
            unit: "亿元".to_owned(),
            actual_period: Some("2023-Q1".to_owned()),
            target_period: Some("2023".to_owned()),
            cross_period: true,
            source: span(&ps, 1, "一季度全区实现到位资金50.23亿元"),
            target_source: Some(span(&ps, 1, "全区计划全年到位资金110亿元")),
            indicator: None,
        },
    ];
    gucheng.original = gucheng.original.replacen("坚持", "坚 持", 1);
    if let Some(start) = gucheng
        .original
        .find("坚 持")
        .map(|b| gucheng.original[..b].chars().count())
    {
        gucheng.repairs = vec![Repair {
            rule: "stray_space".to_owned(),
            start,
            end: start + 3,
            replacement: "坚持".to_owned(),
        }];
    }

    let mut tongliao = article(
        "fixtures/tongliao.txt",
        "通辽市：招商引资跑出“加速度”",
        Some("通辽市"),
        &[
            "\u{3000}\u{3000}“招商引资始终是硬招数，项目建设始终是‘牛鼻子’，营商环境始终是吸金石。”通辽市坚持项目为王、招商为要、服务为先导向，重点围绕“五大产业集群”“九大产业链条”，瞄准产业集聚重点地区，紧盯重点“头部项目”“链主企业”和“标志性项目”集中发力。",
            "\u{3000}\u{3000}总投资185亿元的龙马风机整机装备制造产业基地，投资100亿元的天楹风光储氢氨一体化零碳产业园落户经济技术开发区……",
            "\u{3000}\u{3000}据了解，2022年，全市新签约千万元以上项目568个、同比增长159.4%，总签约额1861.44亿元；全市国内（区外）招商引资项目实现到位资金298亿元，同比增长86%，完成年度目标的115%。",
        ],
    );
    let ps = tongliao.paragraphs.clone();
    tongliao.metrics = vec![
        metric(
            &ps,
            2,
            "新签约千万元以上项目568个",
            "新签约项目",
            Some(568.0),
            "个",
            MetricKind::Actual,
            "568",
        ),
        metric(
            &ps,
            2,
            "总签约额1861.44亿元",
            "合同投资额",
            Some(1861.44),
            "亿元",
            MetricKind::Actual,
            "1861.44",
        ),
        metric(
            &ps,
            2,
            "实现到位资金298亿元",
            "到位资金",
            Some(298.0),
            "亿元",
            MetricKind::Actual,
            "298",
        ),
        metric(
            &ps,
            2,
            "同比增长86%",
            "到位资金增长",
            Some(86.0),
            "%",
            MetricKind::GrowthPct,
            "86",
        ),
    ];
    tongliao.gauges = vec![Gauge {
        label: "到位资金".to_owned(),
        actual: 298.0,
        target: None,
        percent: Some(115.0),
        percent_stated: true,
        unit: "亿元".to_owned(),
        source: span(
            &ps,
            2,
            "实现到位资金298亿元，同比增长86%，完成年度目标的115%",
        ),
        ..Gauge::default()
    }];

    let mut kailu = article(
        "fixtures/kailu.txt",
        "开鲁县集中签约12个项目",
        Some("通辽市"),
        &["\u{3000}\u{3000}开鲁县举行重点项目集中签约仪式，12个项目现场签约，签约总额56.8亿元。"],
    );
    let ps = kailu.paragraphs.clone();
    kailu.metrics = vec![metric(
        &ps,
        0,
        "签约总额56.8亿元",
        "签约总额",
        Some(56.8),
        "亿元",
        MetricKind::Actual,
        "56.8",
    )];

    let mut tianjiaan = article(
        "fixtures/tianjiaan.txt",
        "田家庵区招商引资“开门红”",
        Some("田家庵区"),
        &[
            "\u{3000}\u{3000}一季度，田家庵区新签约项目31个，合同投资额560000万元；实际到位资金32.5亿元，完成年度目标60亿元的54.2%。",
        ],
    );
    let ps = tianjiaan.paragraphs.clone();
    tianjiaan.metrics = vec![
        metric(
            &ps,
            0,
            "新签约项目31个",
            "新签约项目",
            Some(31.0),
            "个",
            MetricKind::Actual,
            "31",
        ),
        metric(
            &ps,
            0,
            "合同投资额560000万元",
            "合同投资额",
            Some(560_000.0),
            "万元",
            MetricKind::Actual,
            "560000",
        ),
        metric(
            &ps,
            0,
            "实际到位资金32.5亿元",
            "到位资金",
            Some(32.5),
            "亿元",
            MetricKind::Actual,
            "32.5",
        ),
    ];
    tianjiaan.gauges = vec![Gauge {
        label: "到位资金".to_owned(),
        actual: 32.5,
        target: Some(60.0),
        percent: Some(54.2),
        percent_stated: true,
        unit: "亿元".to_owned(),
        source: span(&ps, 0, "实际到位资金32.5亿元，完成年度目标60亿元的54.2%"),
        ..Gauge::default()
    }];

    let mut template = article(
        "fixtures/template.txt",
        "XX经济开发区202X年招商引资工作总结",
        None,
        &["\u{3000}\u{3000}202X年，XX经济开发区全年实现到位资金XX.X亿元，完成目标任务的XX%。"],
    );
    let ps = template.paragraphs.clone();
    template.metrics = vec![metric(
        &ps,
        0,
        "全年实现到位资金XX.X亿元",
        "到位资金",
        None,
        "亿元",
        MetricKind::Actual,
        "XX.X",
    )];

    let mut all = vec![gucheng, tongliao, kailu, tianjiaan, template];
    // As the parser does: every figure gets its canonical indicator.
    all.iter_mut().for_each(crate::corpus::indicators::annotate);
    all
}
