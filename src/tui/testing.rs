//! What the update tests of `app` and of each screen share: an app on the sample corpus and
//! keys pressed as the key table maps them.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Options;
use super::action::Action;
use super::app::{App, Effect};
use super::fixtures::sample_corpus;
use super::keymap::action_for;

/// The sample corpus in a 120×36 terminal.
pub(crate) fn app() -> App {
    let mut app = App::new(sample_corpus(), &Options::default());
    app.update(Action::Resize(120, 36));
    app
}

/// Presses `code` (shifted when an upper-case letter) as the key table reads it now.
pub(crate) fn press(app: &mut App, code: KeyCode) {
    let mods = if matches!(code, KeyCode::Char(c) if c.is_ascii_uppercase()) {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    if let Some(action) = action_for(app.mode(), KeyEvent::new(code, mods)) {
        app.update(action);
    }
}

/// Types `text` one key at a time.
pub(crate) fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// What the app has queued for the clipboard; panics when it is not a copy.
pub(crate) fn copied(app: &App) -> String {
    match app.effect() {
        Some(Effect::Copy(text)) => text.clone(),
        other => panic!("expected a copy, got {other:?}"),
    }
}

/// Presses control and `c`.
pub(crate) fn ctrl(app: &mut App, c: char) {
    if let Some(action) = action_for(
        app.mode(),
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
    ) {
        app.update(action);
    }
}
