//! Line roles: which lines of a scraped page are the body, and which are boilerplate kept
//! as metadata (title, header, credits, keywords, footers, widgets, template code).
//!
//! Every rule reads a clean, simplified line and answers for that line alone; [`classify`]
//! adds the few rules that need the page's shape: a copyright footer or a comment widget
//! runs to the end of the page, a title stands first.

use std::sync::LazyLock;

use regex::Regex;

/// What one line of the page is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// Blank line.
    Blank,
    /// The article's title.
    Title,
    /// A section heading inside the body.
    Heading,
    /// Body prose.
    Body,
    /// Boilerplate of the named kind (`header`, `credit`, `keywords`, `footer`, `widget`,
    /// `template`).
    Boilerplate(&'static str),
}

static DATE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(\d{4})\s*([-/.年])\s*(\d{1,2})\s*([-/.月])\s*(\d{1,2})\s*日?(?:\s*(\d{1,2}):(\d{2})(?::\d{2})?)?",
    )
    .expect("valid regex")
});
/// Field labels of a page header: `发布时间：`, `来源：`, `浏览次数：`.
static FIELD_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:发布时间|发布日期|发表时间|更新时间|时间|日期|信息来源|消息来源|文章来源|稿件来源|来源|稿源|出处|作者|编辑|责任编辑|浏览次数|浏览量|点击量|点击数|阅读次数|阅读量|访问量|字号|字体)\s*[:：]")
        .expect("valid regex")
});
static SOURCE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:信息来源|消息来源|文章来源|稿件来源|来源|稿源|出处)\s*[:：]")
        .expect("valid regex")
});
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[(（]?\s*(本报记者|记者|通讯员|特约记者|实习生|责任编辑|编辑|编审|审核|校对|来源|作者|撰稿|摄影|供稿|监制|出品|文|图)\s*[:：]\s*(\S.*)$",
    )
    .expect("valid regex")
});
static KEYWORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(关键词|关键字|标签|(?i:tags?|keywords?))\s*[:：]\s*(.*)$").expect("valid regex")
});
static FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)版权与免责声明|免责声明|版权声明|版权所有|ICP备|ICP证|公网安备|copyright|all rights reserved|未经(书面)?授权|违法和不良信息举报|信息服务许可证",
    )
    .expect("valid regex")
});
static WIDGET_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(相关阅读|相关推荐|相关新闻|相关文章|延伸阅读|推荐阅读|热门推荐|猜你喜欢|发表评论|网友评论|我要评论|最新评论|最热评论|热门评论|\d+\s*条评论|评论\s*[(（]\d+[)）])\s*$",
    )
    .expect("valid regex")
});
static WIDGET_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(分享到.*|扫一扫.*|打印本页|【?打印】?|【?关闭】?|关闭窗口|返回顶部|上一篇.*|下一篇.*|字号.*|收藏|点赞|来说两句.*|加载中.*|表情|登录.*账号|登录|注册|发送验证码|请输入.*验证码|确定|取消|已有\d+人参与.*|阅读原文|阅读\s*\d+|在看)$",
    )
    .expect("valid regex")
});
/// Page chrome that opens a line: location labels, view counters, contact blocks, page
/// numbers and document-site upload lines. Anchored, so a search reads only the line's
/// first characters.
static CHROME_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:(?:您?当前(?:的)?位置|您的位置|您现在的位置|当前页面|所在位置|位置)\s*[:：]",
        r"|(?:点击量|点击数|阅读次数|阅读量|浏览次数|浏览量|访问量|浏览)\s*[:：]?\s*\d*\s*$",
        r"|(?:联系人|联系电话|地址|电话|邮编|传真|邮箱|E-?mail|e-?mail|EMAIL)\s*[:：]",
        r"|第\s*[A-Z]?\d+\s*版\s*[:：]",
        // A row of site links: 三秦游首页 | 意见反馈 | 天气预报 | 网站投稿
        r"|[^|｜。]{0,24}(?:[|｜][^|｜。]{1,12}){3,}[|｜]?\s*$",
        r"|\s*[-–—]?\s*\d+(?:\.\d+)?\s*[KM]B\s*\|?\s*$|\s*[-–—]?\s*\d{1,3}\s*页?\s*$",
        r"|(?:中国政府网|[^\s]{0,8}政府网)\s{2,})",
    ))
    .expect("valid regex")
});
/// Page chrome anywhere in a line: font-size buttons, accessibility and site links,
/// previous and next editions. Every branch starts with a literal, which the regex
/// engine looks for before running its automaton. Breadcrumbs are [`BREADCRUMB`].
static CHROME_ANYWHERE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"字体\s*[:：]?\s*[\[【（(]?\s*大|字号\s*[:：]|选择阅读字号|【\s*大\s*】|\[\s*大\s*中\s*小\s*\]|大\s+中\s+小",
        r"|关怀版|无障碍|繁体版|繁體版|简体版|智能问答|长者模式|设为首页|加入收藏|网站地图|手机版|进入旧版|RSS订阅",
        r"|上一版|下一版",
        // An e-paper's article bar: `3 上一篇  下一篇 4 放大 缩小 默认`, `标题导航`.
        r"|上一篇\s*下一篇|放大\s*缩小|标题导航|版面导航",
    ))
    .expect("valid regex")
});
/// A newspaper's masthead on a line of its own (`宁波日报`, `齐鲁晚报`): the page's
/// publisher, which e-paper pages print above or below the article.
static MASTHEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Han}{2,10}(?:日报|晚报|时报|商报|都市报|特区报)$").expect("valid regex")
});

/// A breadcrumb: short steps joined by `>` (`首页 > 新闻中心 > 工作动态`).
static BREADCRUMB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^\S{1,12}\s*[>＞»›]\s*\S{1,12}(?:\s*[>＞»›]\s*\S{0,12})*\s*[>＞»›]?\s*\d*\s*$",
        // A trail from the home page is navigation whatever follows it (long section
        // names, the title run on after the last section).
        r"|^\s*(?:首页|主页|网站首页|返回首页)\s*[>＞»›]",
    ))
    .expect("valid regex")
});
/// Spam injected into scraped pages: gambling sites, document-site slogans, reposting
/// blurbs.
static SPAM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"娱乐平台|娱乐城|真人娱乐|首存|返水|返佣|彩票|博彩|赌场|棋牌|体育投注|澳门.{0,4}(?:赌|娱乐)",
        r"|如果您喜欢这篇文章|喜欢这篇文章|点击下方|文档分享|下载文档|本文档|原创力文档|豆丁网|道客巴巴|百度文库",
        r"|未完，全文共|未完,全文共|请认真阅读下面的提示",
    ))
    .expect("valid regex")
});
static TEMPLATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{\{.*\}\}|\{%.*%\}|<%.*%>|\$\{[^}]*\}").expect("valid regex"));
static NUMBERED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[部章节])")
        .expect("valid regex")
});
static TRAILING_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[。！？!?”’…]\s*([(（]\s*([\p{Han}·・ \u{3000}]{2,40})\s*[)）])\s*$")
        .expect("valid regex")
});

/// A header line such as `©原创   2021-06-04 09:31   云上谷城`: returns the ISO date (with
/// time when given) and the source named beside it.
///
/// ```
/// use zhaoshang::corpus::structure::header;
/// let (date, source) = header("©原创\u{a0}\u{a0} 2021-06-04 09:31\u{a0}\u{a0} 云上谷城").unwrap();
/// assert_eq!(date, "2021-06-04T09:31");
/// assert_eq!(source.as_deref(), Some("云上谷城"));
/// assert!(header("2021年6月4日，全市召开招商引资大会，签约项目52个，总投资达到315亿元。").is_none());
/// ```
pub fn header(line: &str) -> Option<(String, Option<String>)> {
    if line.chars().count() > 100 {
        return None;
    }
    // `2024年1-6月份` is a period in a title, not a date: the separators must agree.
    let caps = DATE_TIME.captures_iter(line).find(|c| {
        let sep = |i: usize| c.get(i).map_or("", |m| m.as_str().trim());
        matches!(
            (sep(2), sep(4)),
            ("-", "-") | ("/", "/") | (".", ".") | ("年", "月")
        )
    })?;
    let whole = caps.get(0)?;
    let labelled = FIELD_LABEL.is_match(line);
    let rest = format!("{} {}", &line[..whole.start()], &line[whole.end()..]);
    let signals = labelled || line.contains('©') || line.contains("原创");
    let unlabelled = FIELD_LABEL.replace_all(&rest, " ");
    let tokens: Vec<&str> = unlabelled
        .split(|c: char| c.is_whitespace() || "©|｜:：[]【】".contains(c))
        .filter(|s| !s.is_empty())
        .collect();
    let prose = tokens.iter().any(|s| s.contains(['，', '。', ',']));
    if prose || (!signals && tokens.len() > 2) {
        return None;
    }
    let num = |i: usize| {
        caps.get(i)
            .map_or(0, |m| m.as_str().parse::<u32>().unwrap_or(0))
    };
    let (year, month, day) = (num(1), num(3), num(5));
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let mut date = format!("{year:04}-{month:02}-{day:02}");
    if caps.get(6).is_some() {
        date = format!("{date}T{:02}:{:02}", num(6), num(7));
    }
    // A labelled source (`来源：辽阳新闻网`), else the name beside a `©原创` date.
    let source = if let Some(value) = labelled_source(line) {
        Some(value)
    } else if line.contains('©') || line.contains("原创") {
        tokens.last().map(|s| (*s).to_owned())
    } else {
        None
    };
    Some((date, source.filter(|s| is_source_name(s))))
}

/// The value of a `来源`/`信息来源`/`稿源` field: up to the next field label or a wide gap.
fn labelled_source(line: &str) -> Option<String> {
    let m = SOURCE_LABEL.find(line)?;
    let rest = &line[m.end()..];
    let end = FIELD_LABEL
        .find(rest)
        .map_or(rest.len(), |n| n.start())
        .min(rest.find("  ").unwrap_or(rest.len()));
    let value = rest[..end]
        .trim_matches(|c: char| c.is_whitespace() || "：:|｜[]【】".contains(c))
        .to_owned();
    (!value.is_empty()).then_some(value)
}

/// A source as printed, reduced to the outlet's name: cut at the next field label or date
/// (`河北新闻网 2017-12-26 09:52`, `汉中日报 作者：`); `None` when what is left is no name
/// (`发布时间： 浏览次数：`, `? 2021-07-29`).
///
/// ```
/// use zhaoshang::corpus::structure::source_name;
/// assert_eq!(source_name("河北新闻网 2017-12-26 09:52:11").as_deref(), Some("河北新闻网"));
/// assert_eq!(source_name("汉中日报 作者：").as_deref(), Some("汉中日报"));
/// assert_eq!(source_name("发布时间： 浏览次数："), None);
/// assert_eq!(source_name("? 2021-07-29 13:52:29"), None);
/// ```
pub fn source_name(value: &str) -> Option<String> {
    let end = [
        FIELD_LABEL.find(value).map(|m| m.start()),
        DATE_TIME.find(value).map(|m| m.start()),
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(value.len());
    let name = value[..end].trim_matches(|c: char| {
        c.is_whitespace() || c.is_ascii_punctuation() || "：|｜[]【】".contains(c)
    });
    is_source_name(name).then(|| name.to_owned())
}

/// True when a string can be an outlet's name: not a number, not a page counter.
fn is_source_name(s: &str) -> bool {
    let n = s.chars().count();
    (2..=30).contains(&n)
        && !s
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_punctuation())
        && !FIELD_LABEL.is_match(s)
        && !["发布", "浏览", "点击", "阅读", "字号", "字体"]
            .iter()
            .any(|w| s.starts_with(w))
}

/// A credit line such as `通讯员:陈玥 谷轩` or `责任编辑：杨守荣`: returns the role and names.
///
/// ```
/// use zhaoshang::corpus::structure::credit;
/// assert_eq!(credit("通讯员:陈玥 谷轩"), Some(("通讯员", "陈玥 谷轩".to_owned())));
/// assert_eq!(credit("（记者 张三 通讯员 李四）"), Some(("记者", "张三 通讯员 李四".to_owned())));
/// assert_eq!(credit("记者从市商务局获悉，全市签约项目52个。"), None);
/// ```
pub fn credit(line: &str) -> Option<(&'static str, String)> {
    if line.chars().count() > 60 {
        return None;
    }
    // A whole line in parentheses: （记者 张三 通讯员 李四）
    if let Some(inner) = line
        .trim()
        .strip_prefix(['(', '（'])
        .and_then(|l| l.strip_suffix([')', '）']))
        .map(str::trim)
        && let Some(role) = ROLES
            .iter()
            .find(|r| inner.starts_with(*r) && is_byline_role(r))
        && inner[role.len()..].starts_with(char::is_whitespace)
    {
        return Some((role, inner[role.len()..].trim().to_owned()));
    }
    let caps = CREDIT.captures(line)?;
    let role = caps.get(1)?.as_str();
    let names = caps
        .get(2)?
        .as_str()
        .trim()
        .trim_end_matches([')', '）'])
        .trim()
        .to_owned();
    if names.contains(['。', '，']) {
        return None;
    }
    ROLES.iter().find(|r| **r == role).map(|r| (*r, names))
}

const ROLES: [&str; 19] = [
    "本报记者",
    "记者",
    "通讯员",
    "特约记者",
    "实习生",
    "责任编辑",
    "编辑",
    "编审",
    "审核",
    "校对",
    "来源",
    "作者",
    "撰稿",
    "摄影",
    "供稿",
    "监制",
    "出品",
    "文",
    "图",
];

/// True for roles that name the writers of the article (a byline), not its editors.
pub fn is_byline_role(role: &str) -> bool {
    matches!(
        role,
        "本报记者" | "记者" | "通讯员" | "特约记者" | "实习生" | "作者" | "撰稿" | "文"
    )
}

/// A keywords line such as `关键词: 招商引资 项目建设`: returns the keywords.
///
/// ```
/// use zhaoshang::corpus::structure::keywords;
/// assert_eq!(keywords("关键词: 招商引资新突破 利用省外资金").unwrap(), ["招商引资新突破", "利用省外资金"]);
/// ```
pub fn keywords(line: &str) -> Option<Vec<String>> {
    let caps = KEYWORDS.captures(line)?;
    let list = caps.get(2)?.as_str();
    Some(
        list.split(|c: char| c.is_whitespace() || ",，、;；|".contains(c))
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
    )
}

/// True for copyright, disclaimer, ICP and licence lines.
///
/// ```
/// use zhaoshang::corpus::structure::is_footer;
/// assert!(is_footer("北疆新闻版权与免责声明:"));
/// assert!(is_footer("Copyright © 2016- 北疆新闻网 All Rights Reserved"));
/// assert!(!is_footer("全市新签约千万元以上项目568个。"));
/// ```
pub fn is_footer(line: &str) -> bool {
    line.chars().count() <= 300 && FOOTER.is_match(line)
}

/// True for a line that opens the comment/related-articles widget at the end of a page.
///
/// ```
/// use zhaoshang::corpus::structure::is_widget_tail;
/// assert!(is_widget_tail("相关阅读") && is_widget_tail("0 条评论"));
/// assert!(!is_widget_tail("相关阅读材料显示，全市签约项目52个。"));
/// ```
pub fn is_widget_tail(line: &str) -> bool {
    WIDGET_TAIL.is_match(line)
}

/// True for a line of page chrome: a breadcrumb, font-size or print buttons, an
/// accessibility link, a view counter, a contact block, a page-number line.
///
/// ```
/// use zhaoshang::corpus::structure::is_chrome;
/// assert!(is_chrome("您的位置:首页 > 今日要闻 > 焦点新闻 >"));
/// assert!(is_chrome("关怀版 | 无障碍 | 繁体版 | 智能问答"));
/// assert!(is_chrome("字体：[ 大 中 小 ]    打印本页    关闭窗口    点击量："));
/// assert!(is_chrome("地址:广东省中山市三乡镇"));
/// assert!(is_chrome("第A04版："));
/// assert!(is_chrome("游遍三秦大地从三秦游网开始>> | 三秦游首页 | 意见反馈 | 天气预报 | 网站投稿 |"));
/// assert!(!is_chrome("签约项目 | 12个"));
/// assert!(is_chrome("首页 > 数字报专题专题集合学党代会精神市直动态 市招商局力促招商引资实现新突破"));
/// assert!(!is_chrome("今年以来，全县签约项目12个，到位资金8亿元。"));
/// ```
pub fn is_chrome(line: &str) -> bool {
    if line.len() > 360 || line.contains('。') {
        return false;
    }
    let line = line.trim();
    // A few Latin letters alone (`dlrb`): a page code, not prose.
    if (2..=12).contains(&line.len()) && line.chars().all(|c| c.is_ascii_alphabetic()) {
        return true;
    }
    // The breadcrumb pattern is costly; most lines have no `>` at all.
    (line.contains(['>', '＞', '»', '›']) && BREADCRUMB.is_match(line))
        || CHROME_START.is_match(line)
        || CHROME_ANYWHERE.is_match(line)
}

/// True for spam injected into a page: gambling-site names, reposting blurbs,
/// document-site slogans.
///
/// ```
/// use zhaoshang::corpus::structure::is_spam;
/// assert!(is_spam("太阳城娱乐平台 首存返水1.5% 最高返佣3888元"));
/// assert!(is_spam("如果您喜欢这篇文章，请点击下方分享"));
/// assert!(!is_spam("全市签约项目12个。"));
/// ```
pub fn is_spam(line: &str) -> bool {
    line.chars().count() <= 200 && SPAM.is_match(line)
}

/// True for short share, print, navigation, login and comment-box lines.
///
/// ```
/// use zhaoshang::corpus::structure::is_widget_line;
/// assert!(is_widget_line("来说两句吧...") && is_widget_line("登录长江云账号"));
/// assert!(!is_widget_line("确定引进项目12个"));
/// ```
pub fn is_widget_line(line: &str) -> bool {
    line.chars().count() <= 30 && WIDGET_LINE.is_match(line)
}

/// True for lines of template code (`{{isMobile ? ...}}`).
///
/// ```
/// use zhaoshang::corpus::structure::is_template;
/// assert!(is_template(r#"{{isMobile ? "账号密码登录" : "短信登录"}}"#));
/// assert!(!is_template("招商引资“一号工程”"));
/// ```
pub fn is_template(line: &str) -> bool {
    TEMPLATE.is_match(line)
}

const SENTENCE_END: &[char] = &[
    '。', '；', ';', '！', '!', '？', '?', '…', '，', ',', '、', '：', ':',
];

/// True for a section heading: short, no closing punctuation, and numbered (`一、`, `（二）`)
/// or built as `topic：statement`.
///
/// ```
/// use zhaoshang::corpus::structure::is_heading;
/// assert!(is_heading("一、提升园区能级,着力提质增效扩量"));
/// assert!(is_heading("紧盯目标:五大招商引资主要指标提前“双过半”"));
/// assert!(!is_heading("完成5亿元以上重大工业项目4个。"));
/// ```
pub fn is_heading(line: &str) -> bool {
    let len = line.chars().count();
    if len == 0 || len > 40 || line.ends_with(SENTENCE_END) || line.starts_with(['—', '-']) {
        return false;
    }
    NUMBERED_HEADING.is_match(line) || line.contains([':', '：']) || len <= 16
}

/// A title line: short, standing alone, not a sentence of prose.
///
/// ```
/// use zhaoshang::corpus::structure::title_line;
/// assert_eq!(title_line("——田家庵区2023年招商引资工作综述").as_deref(), Some("田家庵区2023年招商引资工作综述"));
/// assert_eq!(title_line("提前30天实现“双过半”,他们这样干!").as_deref(), Some("提前30天实现“双过半”,他们这样干!"));
/// assert_eq!(title_line("去年,全区完成招商引资项目12个。"), None);
/// ```
pub fn title_line(line: &str) -> Option<String> {
    let stripped = line.trim_start_matches(['—', '-', '─', ' ']).trim();
    let len = stripped.chars().count();
    let prose_end = stripped.ends_with(['。', '；', ';', '，', ',', '、', '：', ':']);
    // A line without Chinese words (`dlrb`, an e-paper's code) is not a report's title.
    let worded = stripped
        .chars()
        .filter(|&c| super::convert::is_han(c))
        .count()
        >= 2;
    ((4..=60).contains(&len) && !prose_end && !stripped.contains('。') && worded)
        .then(|| stripped.to_owned())
}

/// A credit in parentheses closing the last paragraph, `……确保项目落得快。(闫肃)`: returns the
/// char index where it starts and the names inside.
///
/// ```
/// use zhaoshang::corpus::structure::trailing_credit;
/// assert_eq!(trailing_credit("发展好。(闫肃)"), Some((4, "闫肃".to_owned())));
/// assert_eq!(trailing_credit("注入动力。(记者 郭洪申 薛一群)").unwrap().1, "记者 郭洪申 薛一群");
/// assert_eq!(trailing_credit("清华大学(合肥)"), None);
/// assert_eq!(trailing_credit("出台了办法。(试行)"), None);
/// ```
pub fn trailing_credit(line: &str) -> Option<(usize, String)> {
    let caps = TRAILING_CREDIT.captures(line)?;
    let whole = caps.get(1)?;
    let inner = caps.get(2)?.as_str().trim();
    let tokens: Vec<&str> = inner.split_whitespace().collect();
    let starts_with_role = ROLES.iter().any(|r| inner.starts_with(r));
    let names_only = !tokens.is_empty()
        && tokens.len() <= 4
        && tokens.iter().all(|t| (2..=4).contains(&t.chars().count()))
        && !tokens
            .iter()
            .any(|t| NOT_NAMES.iter().any(|w| t.contains(w)));
    (starts_with_role || names_only)
        .then(|| (line[..whole.start()].chars().count(), inner.to_owned()))
}

/// Words that show a parenthesis is a remark, not a person's name.
const NOT_NAMES: [&str; 12] = [
    "试行",
    "暂行",
    "草案",
    "全文",
    "完",
    "待续",
    "图",
    "注",
    "下同",
    "修订",
    "征求意见",
    "节选",
];

/// Characters that open a list item or a section.
const ITEM_MARKERS: [char; 16] = [
    '（', '(', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '●', '■', '◆', '★',
];

/// True when a body line ends mid-sentence and the next one goes on with it: the line has
/// no closing punctuation and the next does not open a new list item (`（二）`, `3、`).
///
/// ```
/// use zhaoshang::corpus::structure::breaks_mid_sentence;
/// assert!(breaks_mid_sentence("区外境内累计到位资金7.6亿元，同比下降30.6%，完", "成目标任务28.1%。"));
/// assert!(!breaks_mid_sentence("全年完成目标任务。", "新签约项目12个。"));
/// assert!(!breaks_mid_sentence("产业大招商工作方面", "（一）目标任务完成情况。"));
/// ```
pub fn breaks_mid_sentence(line: &str, next: &str) -> bool {
    let closed = line
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| "。！？!?；;：:”」』）)…".contains(c));
    let next = next.trim_start();
    let digits = next.chars().take_while(char::is_ascii_digit).count();
    let numbered = digits > 0
        && next
            .chars()
            .nth(digits)
            .is_some_and(|c| "、.．)）".contains(c));
    let item = numbered || next.starts_with(ITEM_MARKERS);
    !closed && !item
}

/// True when the body is hard-wrapped at a fixed width, as text copied from a PDF is: at
/// least three body lines of 15 characters or more break mid-sentence, and they are at
/// least two in five of the body lines.
pub fn is_hard_wrapped(lines: &[String], roles: &[Role]) -> bool {
    let body: Vec<usize> = (0..lines.len())
        .filter(|&i| roles[i] == Role::Body)
        .collect();
    let breaks = body
        .windows(2)
        .filter(|w| {
            w[1] == w[0] + 1
                && lines[w[0]].chars().count() >= 15
                && breaks_mid_sentence(&lines[w[0]], &lines[w[1]])
        })
        .count();
    breaks >= 3 && breaks * 5 >= body.len() * 2
}

/// Assigns a role to every line; `lines` are clean and simplified.
pub fn classify(lines: &[String]) -> Vec<Role> {
    let mut roles: Vec<Role> = lines
        .iter()
        .map(|l| {
            if l.trim().is_empty() {
                Role::Blank
            } else {
                Role::Body
            }
        })
        .collect();
    let first = roles.iter().position(|r| *r != Role::Blank);
    // A footer or comment widget runs to the end of the page.
    let mut tail_from = None;
    for (i, line) in lines.iter().enumerate() {
        if Some(i) == first {
            continue;
        }
        if is_widget_tail(line) {
            tail_from = Some((i, "widget"));
            break;
        }
        if is_footer(line) && !line.contains('。') || is_footer(line) && i + 3 >= lines.len() {
            tail_from = Some((i, "footer"));
            break;
        }
    }
    if let Some((from, kind)) = tail_from {
        for role in &mut roles[from..] {
            if *role != Role::Blank {
                *role = Role::Boilerplate(kind);
            }
        }
    }
    for (i, line) in lines.iter().enumerate() {
        if roles[i] != Role::Body {
            continue;
        }
        roles[i] = if is_template(line) {
            Role::Boilerplate("template")
        } else if keywords(line).is_some() {
            Role::Boilerplate("keywords")
        } else if header(line).is_some() {
            Role::Boilerplate("header")
        } else if credit(line).is_some() {
            Role::Boilerplate("credit")
        } else if is_widget_line(line) {
            Role::Boilerplate("widget")
        } else if MASTHEAD.is_match(line.trim()) {
            Role::Boilerplate("masthead")
        } else if is_chrome(line) {
            Role::Boilerplate("navigation")
        } else if is_spam(line) {
            Role::Boilerplate("spam")
        } else if is_footer(line) {
            Role::Boilerplate("footer")
        } else {
            Role::Body
        };
    }
    // The title is the first line of the article proper, after any page chrome.
    let first = roles.iter().position(|r| {
        !matches!(
            r,
            Role::Blank
                | Role::Boilerplate("navigation" | "spam" | "widget" | "masthead" | "header")
        )
    });
    if let Some(first) = first
        && roles[first] == Role::Body
        && is_title_position(lines, &roles, first)
    {
        roles[first] = Role::Title;
    }
    for (i, line) in lines.iter().enumerate() {
        if roles[i] == Role::Body && is_heading(line) {
            roles[i] = Role::Heading;
        }
    }
    roles
}

/// The first line is a title when it reads as one and the page goes on after it with a
/// blank line, a header, or a dash-led subtitle form.
fn is_title_position(lines: &[String], roles: &[Role], first: usize) -> bool {
    if title_line(&lines[first]).is_none() {
        return false;
    }
    if lines[first].starts_with(['—', '-']) {
        return true;
    }
    let next = roles
        .iter()
        .enumerate()
        .skip(first + 1)
        .find(|(_, r)| **r != Role::Blank);
    match next {
        Some((j, Role::Boilerplate("header"))) => j > first,
        Some((j, _)) => j > first + 1 || !lines[first].ends_with(['。', '!', '！', '?', '？']),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles_of(text: &str) -> Vec<Role> {
        let lines: Vec<String> = text.lines().map(str::to_owned).collect();
        classify(&lines)
    }

    #[test]
    fn footer_runs_to_the_end() {
        let roles = roles_of(
            "正文第一段，全市签约项目52个。\n北疆新闻版权与免责声明:\n一、凡本站中注明的作品。\n二、凡来源非本站的作品。",
        );
        assert_eq!(roles[0], Role::Body);
        assert!(
            roles[1..].iter().all(|r| *r == Role::Boilerplate("footer")),
            "{roles:?}"
        );
    }

    #[test]
    fn widget_runs_to_the_end() {
        let roles = roles_of("标题在此\n\n正文，签约项目5个。\n相关阅读\n0 条评论\n确定");
        assert_eq!(roles[0], Role::Title);
        assert_eq!(roles[2], Role::Body);
        assert!(roles[3..].iter().all(|r| *r == Role::Boilerplate("widget")));
    }

    #[test]
    fn body_first_line_is_not_a_title() {
        let roles = roles_of(
            "2021年以来,濉溪经济开发区聚焦主责主业,全力推动招商引资实现新突破。\n去年,该区完成投资。",
        );
        assert_eq!(roles[0], Role::Body);
    }

    #[test]
    fn header_credit_keywords_template() {
        let roles = roles_of(
            "谷城招商综述\n\n©原创   2021-06-04 09:31   云上谷城\n正文，签约项目5个。\n来源:谷城经济开发区\n关键词: 招商\n{{a ? b : c}}",
        );
        assert_eq!(
            roles,
            [
                Role::Title,
                Role::Blank,
                Role::Boilerplate("header"),
                Role::Body,
                Role::Boilerplate("credit"),
                Role::Boilerplate("keywords"),
                Role::Boilerplate("template"),
            ]
        );
    }
}
