//! The key table: one list of bindings from which key handling, the status-bar hints and
//! the help overlay are all built, so they can never disagree.

use std::fmt::Write as _;
use std::sync::OnceLock;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::export::ExportFormat;

/// Which set of bindings is active.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Browsing: reader, gauges, compare, overview, source.
    Normal,
    /// Typing into the find line or the search overlay.
    Input,
    /// The help overlay or the list of files not loaded is open.
    Help,
    /// The region picker is open.
    Picker,
}

impl Mode {
    /// Every mode, in the order the help overlay lists them.
    pub const ALL: [Mode; 4] = [Mode::Normal, Mode::Input, Mode::Picker, Mode::Help];

    /// A short heading for the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Mode::Normal => "浏览 browse",
            Mode::Input => "输入 typing (find / search)",
            Mode::Help => "帮助、列表 help, lists",
            Mode::Picker => "选择地区 region picker",
        }
    }
}

/// One key bound to one action in one mode.
#[derive(Debug, Clone)]
pub struct Binding {
    /// The mode the binding applies in.
    pub mode: Mode,
    /// The key.
    pub code: KeyCode,
    /// Required modifiers (Shift is ignored for printable chars).
    pub mods: KeyModifiers,
    /// What the key does.
    pub action: Action,
    /// A few words for the hints bar and help overlay; bindings sharing a hint are listed
    /// together.
    pub hint: &'static str,
    /// Shown in the status bar (otherwise only in the help overlay).
    pub bar: bool,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

const fn bind(
    mode: Mode,
    code: KeyCode,
    modifiers: KeyModifiers,
    action: Action,
    hint: &'static str,
    bar: bool,
) -> Binding {
    Binding {
        mode,
        code,
        mods: modifiers,
        action,
        hint,
        bar,
    }
}

const fn ch(c: char) -> KeyCode {
    KeyCode::Char(c)
}

/// The whole key table.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind(Mode::Normal, ch('q'), NONE, Action::Quit, "退出 quit", true),
    bind(Mode::Normal, ch('c'), CTRL, Action::Quit, "退出 quit", false),
    bind(Mode::Normal, KeyCode::Esc, NONE, Action::Back, "返回 back", false),
    bind(Mode::Normal, KeyCode::Tab, NONE, Action::NextRegion, "地区 region", true),
    bind(Mode::Normal, KeyCode::BackTab, NONE, Action::PrevRegion, "地区 region", true),
    bind(Mode::Normal, ch('1'), NONE, Action::SelectRegion(0), "第n个地区 region n", false),
    bind(Mode::Normal, ch('2'), NONE, Action::SelectRegion(1), "第n个地区 region n", false),
    bind(Mode::Normal, ch('3'), NONE, Action::SelectRegion(2), "第n个地区 region n", false),
    bind(Mode::Normal, ch('4'), NONE, Action::SelectRegion(3), "第n个地区 region n", false),
    bind(Mode::Normal, ch('5'), NONE, Action::SelectRegion(4), "第n个地区 region n", false),
    bind(Mode::Normal, ch('6'), NONE, Action::SelectRegion(5), "第n个地区 region n", false),
    bind(Mode::Normal, ch('7'), NONE, Action::SelectRegion(6), "第n个地区 region n", false),
    bind(Mode::Normal, ch('8'), NONE, Action::SelectRegion(7), "第n个地区 region n", false),
    bind(Mode::Normal, ch('9'), NONE, Action::SelectRegion(8), "第n个地区 region n", false),
    bind(Mode::Normal, ch('r'), NONE, Action::OpenPicker, "选地区 pick region", false),
    bind(Mode::Normal, ch(']'), NONE, Action::NextArticle, "文章 article", true),
    bind(Mode::Normal, ch('['), NONE, Action::PrevArticle, "文章 article", true),
    bind(Mode::Normal, ch('l'), NONE, Action::NextArticle, "文章 article", false),
    bind(Mode::Normal, ch('h'), NONE, Action::PrevArticle, "文章 article", false),
    bind(Mode::Normal, KeyCode::Right, NONE, Action::NextArticle, "文章 article", false),
    bind(Mode::Normal, KeyCode::Left, NONE, Action::PrevArticle, "文章 article", false),
    bind(Mode::Normal, ch('j'), NONE, Action::ScrollDown, "滚动 scroll", true),
    bind(Mode::Normal, ch('k'), NONE, Action::ScrollUp, "滚动 scroll", true),
    bind(Mode::Normal, KeyCode::Down, NONE, Action::ScrollDown, "滚动 scroll", false),
    bind(Mode::Normal, KeyCode::Up, NONE, Action::ScrollUp, "滚动 scroll", false),
    bind(Mode::Normal, KeyCode::PageDown, NONE, Action::PageDown, "翻页 page", false),
    bind(Mode::Normal, KeyCode::PageUp, NONE, Action::PageUp, "翻页 page", false),
    bind(Mode::Normal, ch(' '), NONE, Action::PageDown, "翻页 page", false),
    bind(Mode::Normal, ch('d'), CTRL, Action::HalfPageDown, "半页 half page", false),
    bind(Mode::Normal, ch('u'), CTRL, Action::HalfPageUp, "半页 half page", false),
    bind(Mode::Normal, ch('g'), NONE, Action::Top, "顶/底 top/bottom", false),
    bind(Mode::Normal, ch('G'), NONE, Action::Bottom, "顶/底 top/bottom", false),
    bind(Mode::Normal, KeyCode::Home, NONE, Action::Top, "顶/底 top/bottom", false),
    bind(Mode::Normal, KeyCode::End, NONE, Action::Bottom, "顶/底 top/bottom", false),
    bind(Mode::Normal, KeyCode::Enter, NONE, Action::Submit, "看出处 open source", false),
    bind(Mode::Normal, ch('/'), NONE, Action::OpenFind, "查找 find", true),
    bind(Mode::Normal, ch('n'), NONE, Action::FindNext, "下/上一处 next/prev (row)", false),
    bind(Mode::Normal, ch('N'), NONE, Action::FindPrev, "下/上一处 next/prev (row)", false),
    bind(Mode::Normal, ch('s'), NONE, Action::OpenSearch, "搜索 search", true),
    bind(Mode::Normal, ch('p'), CTRL, Action::OpenSearch, "搜索 search", false),
    bind(Mode::Normal, ch('v'), NONE, Action::ShowReader, "阅读 reader", false),
    bind(Mode::Normal, ch('t'), NONE, Action::ShowGauges, "指标 targets/metrics", true),
    bind(Mode::Normal, ch('c'), NONE, Action::ShowCompare, "对比 compare", true),
    bind(Mode::Normal, ch('o'), NONE, Action::ShowOverview, "总览 overview", true),
    bind(Mode::Normal, ch('O'), NONE, Action::ToggleSource, "原文 source", true),
    bind(Mode::Normal, ch('>'), NONE, Action::NextCompareRegion, "对比地区 compare with", false),
    bind(Mode::Normal, ch('<'), NONE, Action::PrevCompareRegion, "对比地区 compare with", false),
    bind(Mode::Normal, ch('p'), NONE, Action::NextPeriod, "期 period (compare, overview)", false),
    bind(Mode::Normal, ch('R'), NONE, Action::PickCompareRegion, "选对比地区 pick compared region", false),
    bind(Mode::Normal, ch('P'), NONE, Action::CompareWithParent, "与上级对比 compare with parent", false),
    bind(Mode::Normal, ch('f'), NONE, Action::NextLevelFilter, "按级筛选 filter by level (overview)", false),
    bind(Mode::Normal, ch('u'), NONE, Action::ScopeToParent, "同一上级 same parent (overview)", false),
    bind(Mode::Normal, ch('%'), NONE, Action::ToggleRankBy, "按数值/完成% rank by value/percent", false),
    bind(Mode::Normal, ch('L'), NONE, Action::ToggleScrollLock, "同步滚动 lock scroll", false),
    bind(Mode::Normal, ch('J'), NONE, Action::ScrollRightDown, "右栏滚动 scroll right pane (targets, compare)", false),
    bind(Mode::Normal, ch('K'), NONE, Action::ScrollRightUp, "右栏滚动 scroll right pane (targets, compare)", false),
    bind(Mode::Normal, ch('y'), NONE, Action::Copy, "复制 copy (OSC 52)", false),
    bind(Mode::Normal, ch('e'), NONE, Action::Export(ExportFormat::Csv), "导出 export CSV/JSON", false),
    bind(Mode::Normal, ch('E'), NONE, Action::Export(ExportFormat::Json), "导出 export CSV/JSON", false),
    bind(Mode::Normal, ch('m'), NONE, Action::ToggleMouse, "鼠标 mouse on/off", false),
    bind(Mode::Normal, ch('!'), NONE, Action::ShowLoadErrors, "未载入的文件 files not loaded", false),
    bind(Mode::Normal, ch('?'), NONE, Action::ToggleHelp, "帮助 help", true),
    bind(Mode::Input, KeyCode::Esc, NONE, Action::Back, "取消 cancel", true),
    bind(Mode::Input, KeyCode::Enter, NONE, Action::Submit, "确定 go", true),
    bind(Mode::Input, KeyCode::Backspace, NONE, Action::Backspace, "删除 delete", false),
    bind(Mode::Input, ch('w'), CTRL, Action::DeleteWord, "删一词 delete word", false),
    bind(Mode::Input, ch('u'), CTRL, Action::ClearInput, "清空 clear", false),
    bind(Mode::Input, KeyCode::Down, NONE, Action::ScrollDown, "选择 select", true),
    bind(Mode::Input, KeyCode::Up, NONE, Action::ScrollUp, "选择 select", true),
    bind(Mode::Input, ch('n'), CTRL, Action::ScrollDown, "选择 select", false),
    bind(Mode::Input, ch('p'), CTRL, Action::ScrollUp, "选择 select", false),
    bind(Mode::Input, ch('y'), CTRL, Action::Copy, "复制 copy hit", false),
    bind(Mode::Input, ch('c'), CTRL, Action::Quit, "退出 quit", false),
    bind(Mode::Picker, KeyCode::Esc, NONE, Action::Back, "取消 cancel", true),
    bind(Mode::Picker, KeyCode::Enter, NONE, Action::Submit, "确定 go", true),
    bind(Mode::Picker, KeyCode::Down, NONE, Action::ScrollDown, "选择 select", true),
    bind(Mode::Picker, KeyCode::Up, NONE, Action::ScrollUp, "选择 select", true),
    bind(Mode::Picker, ch('n'), CTRL, Action::ScrollDown, "选择 select", false),
    bind(Mode::Picker, ch('p'), CTRL, Action::ScrollUp, "选择 select", false),
    bind(Mode::Picker, KeyCode::Backspace, NONE, Action::Backspace, "删除 delete", false),
    bind(Mode::Picker, ch('w'), CTRL, Action::DeleteWord, "删一词 delete word", false),
    bind(Mode::Picker, ch('u'), CTRL, Action::ClearInput, "清空 clear", false),
    bind(Mode::Picker, ch('c'), CTRL, Action::Quit, "退出 quit", false),
    bind(Mode::Help, KeyCode::Esc, NONE, Action::Back, "关闭 close", true),
    bind(Mode::Help, ch('j'), NONE, Action::ScrollDown, "滚动 scroll", true),
    bind(Mode::Help, ch('k'), NONE, Action::ScrollUp, "滚动 scroll", true),
    bind(Mode::Help, KeyCode::Down, NONE, Action::ScrollDown, "滚动 scroll", false),
    bind(Mode::Help, KeyCode::Up, NONE, Action::ScrollUp, "滚动 scroll", false),
    bind(Mode::Help, KeyCode::PageDown, NONE, Action::PageDown, "翻页 page", false),
    bind(Mode::Help, KeyCode::PageUp, NONE, Action::PageUp, "翻页 page", false),
    bind(Mode::Help, ch(' '), NONE, Action::PageDown, "翻页 page", false),
    bind(Mode::Help, ch('g'), NONE, Action::Top, "顶/底 top/bottom", false),
    bind(Mode::Help, ch('G'), NONE, Action::Bottom, "顶/底 top/bottom", false),
    bind(Mode::Help, KeyCode::Home, NONE, Action::Top, "顶/底 top/bottom", false),
    bind(Mode::Help, KeyCode::End, NONE, Action::Bottom, "顶/底 top/bottom", false),
    bind(Mode::Help, ch('q'), NONE, Action::Back, "关闭 close", false),
    bind(Mode::Help, ch('?'), NONE, Action::Back, "关闭 close", false),
    bind(Mode::Help, ch('c'), CTRL, Action::Quit, "退出 quit", false),
];

/// Modifiers that matter for matching: Shift is part of the char for printable keys.
fn significant(code: KeyCode, mods: KeyModifiers) -> KeyModifiers {
    let mut m = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
        m.remove(KeyModifiers::SHIFT);
    }
    m
}

/// The action bound to `key` in `mode`; in [`Mode::Input`] unbound printable chars are
/// typed, and in [`Mode::Picker`] they filter the regions.
pub fn action_for(mode: Mode, key: KeyEvent) -> Option<Action> {
    let modifiers = significant(key.code, key.modifiers);
    let bound = bindings()
        .iter()
        .find(|b| b.mode == mode && b.code == key.code && b.mods == modifiers)
        .map(|b| b.action.clone());
    if bound.is_some() {
        return bound;
    }
    match (mode, key.code) {
        (Mode::Input | Mode::Picker, KeyCode::Char(c))
            if !modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::Input(c))
        }
        _ => None,
    }
}

/// A short ASCII label for a key, such as `C-d`, `PgDn`, `S-Tab`.
pub fn key_label(code: KeyCode, mods: KeyModifiers) -> String {
    let base = match code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Tab => "Tab".to_owned(),
        KeyCode::BackTab => "S-Tab".to_owned(),
        KeyCode::Esc => "Esc".to_owned(),
        KeyCode::Enter => "Enter".to_owned(),
        KeyCode::Backspace => "Bksp".to_owned(),
        KeyCode::Up => "Up".to_owned(),
        KeyCode::Down => "Down".to_owned(),
        KeyCode::Left => "Left".to_owned(),
        KeyCode::Right => "Right".to_owned(),
        KeyCode::PageUp => "PgUp".to_owned(),
        KeyCode::PageDown => "PgDn".to_owned(),
        KeyCode::Home => "Home".to_owned(),
        KeyCode::End => "End".to_owned(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if mods.contains(KeyModifiers::CONTROL) {
        format!("C-{base}")
    } else {
        base
    }
}

/// Actions that a config file's `[keys]` table may rebind, by name.
pub const REBINDABLE: [(&str, Action); 17] = [
    ("quit", Action::Quit),
    ("search", Action::OpenSearch),
    ("find", Action::OpenFind),
    ("help", Action::ToggleHelp),
    ("targets", Action::ShowGauges),
    ("compare", Action::ShowCompare),
    ("overview", Action::ShowOverview),
    ("source", Action::ToggleSource),
    ("reader", Action::ShowReader),
    ("copy", Action::Copy),
    ("mouse", Action::ToggleMouse),
    ("pick_region", Action::OpenPicker),
    ("next_article", Action::NextArticle),
    ("prev_article", Action::PrevArticle),
    ("lock_scroll", Action::ToggleScrollLock),
    ("export_csv", Action::Export(ExportFormat::Csv)),
    ("export_json", Action::Export(ExportFormat::Json)),
];

static EFFECTIVE: OnceLock<Vec<Binding>> = OnceLock::new();

/// The table in force: [`BINDINGS`] with the user's overrides, if any were installed.
pub fn bindings() -> &'static [Binding] {
    EFFECTIVE.get().map_or(BINDINGS, Vec::as_slice)
}

/// Parses a key as the help overlay writes it: `x`, `C-x`, `Tab`, `Enter`, `Esc`, `Space`,
/// `F2`, `PgDn`.
///
/// ```
/// use crossterm::event::{KeyCode, KeyModifiers};
/// use zhaoshang::tui::keymap::parse_key;
/// assert_eq!(parse_key("C-x"), Some((KeyCode::Char('x'), KeyModifiers::CONTROL)));
/// assert_eq!(parse_key("F2"), Some((KeyCode::F(2), KeyModifiers::NONE)));
/// assert_eq!(parse_key("xy"), None);
/// ```
pub fn parse_key(spec: &str) -> Option<(KeyCode, KeyModifiers)> {
    let (mods, base) = match spec.strip_prefix("C-") {
        Some(rest) if !rest.is_empty() => (KeyModifiers::CONTROL, rest),
        _ => (KeyModifiers::NONE, spec),
    };
    let code = match base {
        "Space" => KeyCode::Char(' '),
        "Tab" => KeyCode::Tab,
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Bksp" => KeyCode::Backspace,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "PgUp" => KeyCode::PageUp,
        "PgDn" => KeyCode::PageDown,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        f if f.len() > 1 && f.starts_with('F') => KeyCode::F(f[1..].parse().ok()?),
        c => {
            let mut chars = c.chars();
            let first = chars.next()?;
            if chars.next().is_some() {
                return None;
            }
            KeyCode::Char(first)
        }
    };
    Some((code, mods))
}

/// [`BINDINGS`] with `overrides` (action name → key) applied: the action's first browse-mode
/// key is replaced; other keys for it stay. Unknown names, unreadable keys and a key that
/// would then do two things are errors.
pub fn with_overrides(overrides: &[(String, String)]) -> Result<Vec<Binding>, String> {
    let mut table = BINDINGS.to_vec();
    for (name, spec) in overrides {
        let Some((_, action)) = REBINDABLE.iter().find(|(n, _)| n == name) else {
            let names: Vec<&str> = REBINDABLE.iter().map(|(n, _)| *n).collect();
            return Err(format!(
                "unknown action {name:?} in [keys]; actions: {}",
                names.join(", ")
            ));
        };
        let (code, mods) =
            parse_key(spec).ok_or_else(|| format!("[keys] {name}: cannot read key {spec:?}"))?;
        if let Some(taken) = table.iter().find(|b| {
            b.mode == Mode::Normal && b.code == code && b.mods == mods && b.action != *action
        }) {
            return Err(format!(
                "[keys] {name}: {spec} is already bound to {}",
                taken.hint
            ));
        }
        if let Some(b) = table
            .iter_mut()
            .find(|b| b.mode == Mode::Normal && b.action == *action)
        {
            b.code = code;
            b.mods = mods;
        }
    }
    Ok(table)
}

/// Installs overrides for the rest of the process (once, before the explorer starts).
pub fn install_overrides(overrides: &[(String, String)]) -> Result<(), String> {
    if overrides.is_empty() {
        return Ok(());
    }
    let table = with_overrides(overrides)?;
    let _ = EFFECTIVE.set(table);
    Ok(())
}

/// Hints for `mode`, one `(keys, hint)` per distinct hint in table order; with `bar_only`
/// just the status-bar ones (and only their bar keys).
pub fn hints(mode: Mode, bar_only: bool) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for b in bindings()
        .iter()
        .filter(|b| b.mode == mode && (b.bar || !bar_only))
    {
        let label = key_label(b.code, b.mods);
        if let Some(entry) = out.iter_mut().find(|(_, h)| *h == b.hint) {
            entry.0.push('/');
            entry.0.push_str(&label);
        } else {
            out.push((label, b.hint));
        }
    }
    out
}

/// The browse-mode keys of two actions as the hints show them, such as `J/K`.
pub fn keys_for(first: &Action, second: &Action) -> String {
    [key_for(first), key_for(second)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("/")
}

/// The first browse-mode key of `action`, as the hints show it (`t`, `F2`).
pub fn key_for(action: &Action) -> Option<String> {
    bindings()
        .iter()
        .find(|b| b.mode == Mode::Normal && b.action == *action)
        .map(|b| key_label(b.code, b.mods))
}

/// Keys and the hint they share, as the status bar and help show them.
pub type Hint = (String, &'static str);

/// The status-bar hints of `mode`, split into the rest (in table order, most useful first)
/// and the help hint, which the bar always shows last.
pub fn bar_hints(mode: Mode) -> (Vec<Hint>, Option<Hint>) {
    let help = bindings()
        .iter()
        .find(|b| b.mode == mode && b.bar && b.action == Action::ToggleHelp)
        .map(|b| b.hint);
    let (help, rest): (Vec<_>, Vec<_>) = hints(mode, true)
        .into_iter()
        .partition(|(_, hint)| Some(*hint) == help);
    (rest, help.into_iter().next())
}

/// Every binding as a Markdown table (mode, keys, what it does), for the README.
pub fn markdown_table() -> String {
    let mut out = String::from("| mode | keys | action |\n| --- | --- | --- |\n");
    for mode in Mode::ALL {
        for (keys, hint) in hints(mode, false) {
            let keys = keys.replace('|', "\\|");
            let _ = writeln!(out, "| {} | `{keys}` | {hint} |", mode.title());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn overrides_move_a_key_and_keep_the_others() {
        let table = with_overrides(&pairs(&[("quit", "x"), ("search", "F2")])).unwrap();
        let find = |code: KeyCode, mods: KeyModifiers| {
            table
                .iter()
                .find(|b| b.mode == Mode::Normal && b.code == code && b.mods == mods)
                .map(|b| b.action.clone())
        };
        assert_eq!(find(ch('x'), NONE), Some(Action::Quit));
        assert_eq!(find(ch('q'), NONE), None, "the plain key moved");
        assert_eq!(find(ch('c'), CTRL), Some(Action::Quit), "C-c still quits");
        assert_eq!(find(KeyCode::F(2), NONE), Some(Action::OpenSearch));
    }

    #[test]
    fn overrides_refuse_conflicts_and_unknown_names() {
        let err = with_overrides(&pairs(&[("quit", "s")])).unwrap_err();
        assert!(err.contains("already bound to 搜索 search"), "{err}");
        assert!(
            with_overrides(&pairs(&[("fly", "x")]))
                .unwrap_err()
                .contains("unknown action")
        );
        assert!(
            with_overrides(&pairs(&[("quit", "xyz")]))
                .unwrap_err()
                .contains("cannot read key")
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                assert!(
                    !(a.mode == b.mode && a.code == b.code && a.mods == b.mods),
                    "{:?} {:?} bound twice in {:?}",
                    a.code,
                    a.mods,
                    a.mode
                );
            }
        }
    }

    #[test]
    fn every_mode_can_be_left() {
        for mode in Mode::ALL {
            assert!(
                BINDINGS.iter().any(|b| b.mode == mode
                    && matches!(b.action, Action::Quit | Action::Back)
                    && b.code == KeyCode::Esc
                    || b.mode == mode && b.action == Action::Quit),
                "{mode:?}"
            );
        }
    }

    #[test]
    fn vim_keys_arrows_and_ctrl_keys_map() {
        assert_eq!(
            action_for(Mode::Normal, key(ch('j'), NONE)),
            Some(Action::ScrollDown)
        );
        assert_eq!(
            action_for(Mode::Normal, key(KeyCode::Down, NONE)),
            Some(Action::ScrollDown)
        );
        assert_eq!(
            action_for(Mode::Normal, key(ch('d'), CTRL)),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            action_for(Mode::Normal, key(ch('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            action_for(Mode::Normal, key(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::PrevRegion)
        );
        assert_eq!(
            action_for(Mode::Normal, key(ch('c'), CTRL)),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for(Mode::Normal, key(ch('3'), NONE)),
            Some(Action::SelectRegion(2))
        );
        assert_eq!(action_for(Mode::Normal, key(ch('z'), NONE)), None);
    }

    #[test]
    fn input_mode_types_chars_but_keeps_its_bindings() {
        assert_eq!(
            action_for(Mode::Input, key(ch('q'), NONE)),
            Some(Action::Input('q'))
        );
        assert_eq!(
            action_for(Mode::Input, key(ch('T'), KeyModifiers::SHIFT)),
            Some(Action::Input('T'))
        );
        assert_eq!(
            action_for(Mode::Input, key(KeyCode::Esc, NONE)),
            Some(Action::Back)
        );
        assert_eq!(
            action_for(Mode::Input, key(ch('c'), CTRL)),
            Some(Action::Quit)
        );
        assert_eq!(action_for(Mode::Input, key(ch('x'), CTRL)), None);
    }

    #[test]
    fn markdown_table_lists_every_hint() {
        let table = markdown_table();
        for b in BINDINGS {
            assert!(table.contains(b.hint), "{}", b.hint);
        }
    }

    #[test]
    fn hints_merge_keys_sharing_a_hint() {
        let bar = hints(Mode::Normal, true);
        assert!(bar.contains(&("j/k".to_owned(), "滚动 scroll")));
        assert!(bar.contains(&("Tab/S-Tab".to_owned(), "地区 region")));
        let all = hints(Mode::Normal, false);
        assert!(all.iter().any(|(k, _)| k.contains("C-d")));
        assert!(all.iter().all(|(k, h)| k.is_ascii() && !h.is_empty()));
    }
}
