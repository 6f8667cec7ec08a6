//! End-to-end: the explorer in a real terminal. tmux runs `examples/tui_demo` (built by
//! `cargo test`) at 120×36 and 60×20, sends keys, and checks the captured screen: text where
//! it should be, no line wider than the terminal, the pane title untouched by an article's
//! OSC sequences, and a usable shell after quitting. Skipped when tmux or the example binary
//! is missing.

use std::path::PathBuf;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use zhaoshang::text::width::display_width;

fn demo_binary() -> Option<PathBuf> {
    // `cargo test` compiles examples but may leave an older copy at the stable path, so
    // build it explicitly (a no-op when it is current).
    let built = Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--example", "tui_demo"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .is_ok_and(|s| s.success());
    if !built {
        return None;
    }
    let exe = std::env::current_exe().ok()?;
    let path = exe.parent()?.parent()?.join("examples").join("tui_demo");
    path.exists().then_some(path)
}

fn tmux(args: &[&str]) -> String {
    let out = Command::new("tmux").args(args).output().expect("tmux runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

struct Session(String);

impl Session {
    fn start(name: &str, w: u16, h: u16, command: &str) -> Self {
        let _ = tmux(&["kill-session", "-t", name]);
        tmux(&[
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
            "bash --norc --noprofile",
        ]);
        tmux(&["set-option", "-t", name, "allow-rename", "on"]);
        let s = Self(name.to_owned());
        s.keys(&[command, "Enter"]);
        s
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.0];
        args.extend_from_slice(keys);
        tmux(&args);
    }

    fn literal(&self, text: &str) {
        tmux(&["send-keys", "-t", &self.0, "-l", text]);
    }

    fn screen(&self) -> String {
        tmux(&["capture-pane", "-t", &self.0, "-p"])
    }

    /// Waits until the screen contains `needle`, returning the screen.
    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) || start.elapsed() > Duration::from_secs(10) {
                assert!(screen.contains(needle), "never saw {needle:?} in\n{screen}");
                return screen;
            }
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = tmux(&["kill-session", "-t", &self.0]);
    }
}

fn fits(screen: &str, width: usize) {
    for line in screen.lines() {
        assert!(
            display_width(line) <= width,
            "line wider than {width}: {line}"
        );
    }
}

fn available() -> Option<PathBuf> {
    let has_tmux = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    let bin = demo_binary();
    if !has_tmux || bin.is_none() {
        eprintln!("skipping: tmux or examples/tui_demo missing");
        return None;
    }
    bin
}

#[test]
fn drive_the_explorer_in_tmux() {
    let Some(bin) = available() else { return };
    for (w, h) in [(120u16, 36u16), (60, 20)] {
        let name = format!("zs-e2e-{w}");
        let s = Session::start(
            &name,
            w,
            h,
            &format!("{} sample; echo EXIT=$?", bin.display()),
        );
        let screen = s.wait_for("谷城经济开发区");
        fits(&screen, usize::from(w));
        s.keys(&["Tab"]);
        s.wait_for("通辽市：招商引资");
        s.keys(&["j", "j", "G"]);
        s.keys(&["1", "m"]);
        let screen = s.wait_for("指标 metrics");
        fits(&screen, usize::from(w));
        s.keys(&["j", "Enter"]);
        s.keys(&["s"]);
        s.wait_for("搜索 search");
        s.literal("tongliao");
        s.wait_for("> tongliao");
        s.keys(&["Escape"]);
        // A key right after Esc would read as Alt+key.
        sleep(Duration::from_millis(150));
        s.keys(&["c"]);
        let screen = s.wait_for("对比 compare");
        fits(&screen, usize::from(w));
        s.keys(&["?"]);
        s.wait_for("按键 keys");
        s.keys(&["Escape"]);
        sleep(Duration::from_millis(150));
        s.keys(&["q"]);
        s.wait_for("EXIT=0");
        s.literal("stty -a | grep -o ' -\\?icanon' ; echo READY$((40+2))");
        s.keys(&["Enter"]);
        let screen = s.wait_for("READY42");
        assert!(
            screen.contains(" icanon"),
            "terminal left in raw mode:\n{screen}"
        );
    }
}

#[test]
fn osc_sequences_in_articles_do_not_reach_the_terminal() {
    let Some(bin) = available() else { return };
    let s = Session::start(
        "zs-e2e-osc",
        100,
        30,
        &format!("{} hostile; echo EXIT=$?", bin.display()),
    );
    let screen = s.wait_for("谷城经济开发区");
    assert!(
        screen.contains("␛]0;PWNED␇"),
        "the sequence is shown, inert:\n{screen}"
    );
    let title = tmux(&["display-message", "-p", "-t", "zs-e2e-osc", "#{pane_title}"]);
    assert!(!title.contains("PWNED"), "pane title changed to {title}");
    let buffers = tmux(&["list-buffers"]);
    assert!(!buffers.contains("pwned"), "clipboard written: {buffers}");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
}
