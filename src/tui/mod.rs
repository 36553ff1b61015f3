//! The interactive wizard.
//!
//! Layout: [`app`] is the state and its one `update`; [`keys`] maps keys
//! to actions and lists them for the footer; [`view`] draws the state;
//! [`export`] is what the save dialog writes; [`terminal`] enters and leaves full-screen mode;
//! [`strings`] and [`theme`] are the words and the looks, [`palette`] the
//! colours the terminal reads. This module only
//! sets up and runs the loop.

pub mod app;
pub mod doc;
pub mod export;
pub mod keys;
pub mod palette;
pub mod strings;
pub mod terminal;
pub mod theme;
pub mod view;

use std::path::PathBuf;

use ratatui::crossterm::event;

use crate::content::Content;
use crate::engine::Answers;
use crate::error::BadInput;
use crate::messages::Msg;
use crate::text::Lang;
use crate::wrap::{stdout_width, wrap};
use app::{Action, App};

/// How the command line asks the wizard to run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Write the result as text to standard output once the terminal is
    /// restored.
    pub print: bool,
    /// Begin in presentation mode (large type, high contrast).
    pub presentation: bool,
    /// Open on the result rather than the summary (an answer code).
    pub at_result: bool,
    /// The library scenario the starting answers come from, so the summary
    /// names it as it does when the scenario is picked in the wizard.
    pub scenario: Option<String>,
}

/// Runs the wizard until the person quits, on the content `load` gives
/// (once the terminal is known to be there). `start` gives the answers to
/// begin from (the command line's profile, answer code or scenario); when
/// they are not the defaults, the wizard opens on the summary with them,
/// or on the result when `options.at_result` says so.
pub fn run(
    load: impl FnOnce() -> Result<Content, BadInput>,
    lang: Lang,
    options: Options,
    start: impl FnOnce(&Content) -> Result<Answers, BadInput>,
) -> anyhow::Result<()> {
    let print = options.print;
    let out = terminal::output(print, lang)?;
    let content = load()?;
    let start = start(&content)?;
    let save_dir = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let text = {
        let (guard, mut term) = terminal::Guard::enter(out, palette::Palette::from_env())?;
        // The size `Terminal::new` just asked for, not asked again (each
        // ask opens /dev/tty).
        let mut size = term.get_frame().area().as_size();
        let mut app = App::new(
            &content,
            start.profile_or_default(&content),
            lang,
            (size.width, size.height),
            theme::colour_wanted(),
            save_dir,
        )
        .starting_from(&start.values);
        if let Some(i) = options
            .scenario
            .as_deref()
            .and_then(|id| content.scenario(id))
        {
            app = app.naming_scenario(i);
        }
        if options.at_result {
            app = app.opening_result();
        }
        app.print_on_exit = print;
        app.presentation = options.presentation;
        // Settled once for the first frame: the highlight in view.
        app.update(Action::Resize(size.width, size.height));
        loop {
            if (size.width, size.height) != app.size {
                app.update(Action::Resize(size.width, size.height));
            }
            guard.draw(&mut term, |frame| view::render(&app, frame))?;
            if app.quit {
                break;
            }
            // Blocks until something that matters happens: no polling, no
            // timer, no redraw for events that change nothing.
            let action = loop {
                let event = event::read()?;
                panic_for_tests();
                if let Some(action) = keys::map_event(&app, &event) {
                    break action;
                }
            };
            let mut effect = app.update(action);
            while let Some(e) = effect {
                effect = app.update(export::perform(e, app.lang));
            }
            size = term.size()?;
        }
        // In the language the person last chose in the wizard.
        (app.exit_text(), app.lang)
    };
    match text {
        (Some(text), _) => crate::cli::print(&wrap(&text, stdout_width()))?,
        (None, lang) if print => {
            eprintln!("motesguide: {}", Msg::NothingToPrint.get(lang))
        }
        (None, _) => {}
    }
    Ok(())
}

/// For tests only: with `MOTESGUIDE_TEST_PANIC` set, the wizard panics at
/// the first key, so that the tests can see what a bug leaves behind
/// (tests/tui_e2e.rs). Read in debug builds only: a release build, the one
/// people run, never looks at the variable.
fn panic_for_tests() {
    if cfg!(debug_assertions) && std::env::var_os("MOTESGUIDE_TEST_PANIC").is_some() {
        panic!("MOTESGUIDE_TEST_PANIC is set");
    }
}
