//! The wizard's state and the one place it changes: [`App::update`],
//! which dispatches to the screen or dialog in front. Each screen keeps its
//! state types and its update in a module of its own.
//!
//! Nothing here touches the terminal or the file system. Writing a file is
//! asked for with an [`Effect`]; the loop performs it and reports back with
//! [`Action::Saved`], so every state change can be tested without a terminal.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::content::{Answer, Content};
use crate::engine::{self, Answers, flow};
use crate::report::Report;
use crate::save::SaveError;
use crate::text::Lang;
use crate::tui::strings::{Strings, strings};
use crate::tui::theme::Theme;
use crate::tui::view;

mod dialogs;
mod question;
mod result;
mod scenarios;
mod start;
mod summary;

pub use dialogs::{CodeForm, ExportForm, FormError, Modal};
pub use question::{Choice, choices};
pub use result::{Previous, ResultView, Section, Trial};
pub use summary::Row;

/// Below this size the wizard shows only a "make the window larger" note.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// Everything a person (keys, mouse) or the terminal can ask of the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    /// Enter: choose the highlighted answer and go on.
    Next,
    Back,
    /// Space: mark an option or tick a checklist item.
    Toggle,
    /// Option, row or item `n` (a number key or a click).
    Pick(usize),
    /// A digit of a row number typed on a numbered list (the check page,
    /// the scenarios): rows past 9 take two digits.
    Digit(u8),
    /// Result section `n`.
    Section(usize),
    /// The start page's way to the scenario library.
    Scenarios,
    /// The start page's dialog for an answer code.
    EnterCode,
    /// Text pasted into a text field (bracketed paste): inserted whole.
    Paste(String),
    /// Large type and high contrast, for a projector, on or off.
    TogglePresentation,
    NextSection,
    PrevSection,
    /// Mouse wheel, in lines.
    Scroll(i16),
    Help,
    Close,
    Quit,
    /// Ctrl-C: quit, asking once when there is unsaved work.
    Interrupt,
    Yes,
    No,
    ToggleLang,
    StartAgain,
    Save,
    TogglePrint,
    // The file name line of the save dialog.
    Insert(char),
    Erase,
    EraseForward,
    /// Ctrl-U: the whole file name field cleared.
    ClearField,
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
    SwitchKind,
    Submit,
    Resize(u16, u16),
    /// The outcome of an [`Effect::Save`].
    Saved(Result<PathBuf, SaveError>),
}

/// Work outside the state that the loop performs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write `text` to `path` (typed by the person, relative to `base`);
    /// a folder gets `default_name`.
    Save {
        base: PathBuf,
        path: String,
        default_name: &'static str,
        text: String,
        overwrite: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    Start {
        scroll: usize,
    },
    /// The scenario library, for trainers: choosing one fills in the
    /// answers and opens the summary.
    Scenarios {
        cursor: usize,
        scroll: usize,
    },
    Question {
        q: usize,
        /// The highlighted answer line: what Enter takes. `None` on a
        /// question not yet answered, until the person moves or picks, so
        /// no answer is ever taken without a choice.
        cursor: Option<usize>,
        scroll: usize,
    },
    Summary {
        cursor: usize,
        scroll: usize,
    },
    Result(Box<ResultView>),
}

/// A note on the line above the keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Saved(PathBuf),
    Print(bool),
    /// The result shows a trial; Back returns to the answers before it.
    Trying(Trial),
    /// Enter on a question with nothing chosen.
    ChooseFirst,
    /// Enter on a multi-select question with nothing marked.
    MarkOrNone,
    /// "Show result" with a question still unanswered: sent there.
    AnswerFirst,
    /// A row number begun: row `.0` shown, a second digit makes it `.0`0
    /// to at most `.1`.
    RowPending(usize, usize),
}

/// How scrolling and the highlight follow each other after an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Follow {
    /// Scroll so the highlight is in view.
    Cursor,
    /// Move the highlight into view (after scrolling a checklist).
    View,
    None,
}

/// The whole state of the wizard.
#[derive(Debug)]
pub struct App<'a> {
    pub content: &'a Content,
    pub lang: Lang,
    pub profile: usize,
    /// One answer per question, always normalised by [`flow::normalise`].
    pub values: Vec<Answer>,
    /// Questions the person has answered (reset when one stops being asked).
    pub visited: Vec<bool>,
    pub screen: Screen,
    pub modal: Option<Modal>,
    pub size: (u16, u16),
    pub colour: bool,
    /// Changing one answer from the summary: go back there afterwards.
    pub editing: bool,
    /// Ticked item ids of the participant and organiser checklists; kept
    /// across visits to the result while the item is still in it.
    pub ticked: [BTreeSet<String>; 2],
    pub touched: bool,
    pub exported: bool,
    pub seen_result: bool,
    pub print_on_exit: bool,
    pub status: Option<Status>,
    /// Where a relative file name is saved (the working directory).
    pub save_dir: PathBuf,
    /// Large type and high contrast for a projector.
    pub presentation: bool,
    /// The scenario the answers were opened from, with its answers, so the
    /// summary can say whether they were changed since.
    pub scenario: Option<(usize, usize, Vec<Answer>)>,
    /// The answers before each trial on the result, most recent last.
    pub previous: Vec<Previous>,
    /// The first digit of a row number being typed.
    pub row_entry: Option<usize>,
    pub quit: bool,
}

impl<'a> App<'a> {
    pub fn new(
        content: &'a Content,
        profile: usize,
        lang: Lang,
        size: (u16, u16),
        colour: bool,
        save_dir: PathBuf,
    ) -> App<'a> {
        let mut values = content.default_answers();
        flow::normalise(content, &mut values);
        App {
            content,
            lang,
            profile: profile.min(content.profiles.len().saturating_sub(1)),
            visited: vec![false; values.len()],
            values,
            screen: Screen::Start { scroll: 0 },
            modal: None,
            size,
            colour,
            editing: false,
            ticked: Default::default(),
            touched: false,
            exported: false,
            seen_result: false,
            print_on_exit: false,
            status: None,
            save_dir,
            presentation: false,
            scenario: None,
            previous: Vec::new(),
            row_entry: None,
            quit: false,
        }
    }

    /// Begins from given answers (a code or scenario from the command
    /// line): when they are not the defaults, on the summary, every asked
    /// question counted as answered. Nothing is unsaved yet: the same
    /// code or scenario gives them back.
    pub fn starting_from(mut self, values: &[Answer]) -> App<'a> {
        if values.len() != self.values.len() {
            return self;
        }
        let mut values = values.to_vec();
        flow::normalise(self.content, &mut values);
        if values == self.values {
            return self;
        }
        self.values = values;
        for q in self.asked() {
            self.visited[q] = true;
        }
        self.go_summary(None);
        self
    }

    /// Names the library scenario the starting answers came from, so the
    /// summary can say whether they have been changed since.
    pub fn naming_scenario(mut self, i: usize) -> App<'a> {
        self.scenario = Some((i, self.profile, self.values.clone()));
        self
    }

    /// Begins on the result (an answer code from the command line: the
    /// helpdesk sees what the caller sees), every asked question counted as
    /// answered.
    pub fn opening_result(mut self) -> App<'a> {
        for q in self.asked() {
            self.visited[q] = true;
        }
        self.go_result();
        self
    }

    pub fn strings(&self) -> &'static Strings {
        strings(self.lang)
    }

    pub fn theme(&self) -> Theme {
        Theme::new(self.colour, self.presentation)
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// Answers given and neither answers nor result saved since.
    pub fn unsaved(&self) -> bool {
        self.touched && !self.exported
    }

    /// The questions asked for the answers so far, in order.
    pub fn asked(&self) -> Vec<usize> {
        flow::asked(self.content, &self.values)
    }

    pub fn choices(&self, q: usize) -> Vec<Choice> {
        choices(self.content, &self.values, q)
    }

    pub fn answers(&self) -> Answers {
        Answers {
            profile: Some(self.profile),
            values: self.values.clone(),
        }
    }

    /// The engine's recommendation for the answers now, in words.
    pub fn report(&self) -> Report {
        self.report_for(self.profile, &self.values, &self.visited)
    }

    /// The report for `values`, the asked questions not answered (an early
    /// result) evaluated as "vet ej": with every value they can take.
    pub(super) fn report_for(&self, profile: usize, values: &[Answer], visited: &[bool]) -> Report {
        let (values, open) = self.as_evaluated(values, visited);
        let answers = Answers {
            profile: Some(profile),
            values,
        };
        let rec = engine::evaluate(self.content, profile, &answers);
        let mut report = Report::new(self.content, &answers, &rec, self.lang);
        report.mark_unanswered(
            open.iter()
                .map(|&q| self.content.questions[q].id.clone())
                .collect(),
        );
        report
    }

    /// The asked questions of `values` not yet answered.
    pub(super) fn open_questions(&self, values: &[Answer], visited: &[bool]) -> Vec<usize> {
        engine::early::open_questions(self.content, values, visited)
    }

    /// `values` as a result evaluates them: the open questions (an early
    /// result's) as "vet ej", every value they can take; and which they are.
    pub(super) fn as_evaluated(
        &self,
        values: &[Answer],
        visited: &[bool],
    ) -> (Vec<Answer>, Vec<usize>) {
        let open = self.open_questions(values, visited);
        let mut values = values.to_vec();
        for &q in &open {
            values[q] = Answer::Unknown;
        }
        (values, open)
    }

    /// Whether the answers given so far rule out a digital meeting whatever
    /// the questions still open: the result can be shown already.
    pub fn decided_early(&self) -> bool {
        let open = self.open_questions(&self.values, &self.visited);
        let given: Vec<bool> = (0..self.values.len()).map(|q| !open.contains(&q)).collect();
        !open.is_empty()
            && engine::early::digital_ruled_out(self.content, self.profile, &self.values, &given)
    }

    /// The profile's documents, named as the report and exports name them.
    pub fn documents(&self) -> Vec<String> {
        self.documents_of(self.profile)
    }

    /// Profile `profile`'s documents, as [`App::documents`] names them:
    /// they depend on the profile alone, so nothing is evaluated.
    pub fn documents_of(&self, profile: usize) -> Vec<String> {
        self.content.profile_documents(profile, self.lang)
    }

    /// Whether the answers or the profile differ from the scenario they
    /// were opened from.
    pub fn scenario_changed(&self) -> bool {
        self.scenario
            .as_ref()
            .is_some_and(|(_, profile, values)| *profile != self.profile || *values != self.values)
    }

    /// The answer code to show: none while an asked question is not
    /// answered, since a code cannot hold an answer nobody gave.
    pub fn shown_code(&self) -> Option<String> {
        self.open_questions(&self.values, &self.visited)
            .is_empty()
            .then(|| self.code())
    }

    /// The answer code a caller can read out to the helpdesk.
    pub fn code(&self) -> String {
        engine::code::encode(self.content, &self.answers(), self.profile)
    }

    /// The one place the state changes.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        let screen_before = std::mem::discriminant(&self.screen);
        let status_before = self.status.clone();
        let modal_before = self.modal.is_some();
        if !matches!(action, Action::Digit(_)) {
            self.row_entry = None;
        }
        let (effect, mut follow) = self.apply(action);
        // A new page, or one a dialog uncovers, shows its highlight.
        if std::mem::discriminant(&self.screen) != screen_before
            || modal_before && self.modal.is_none()
        {
            follow = Follow::Cursor;
        }
        // A note belongs to the screen it was made on, unless the change of
        // screen made it.
        if std::mem::discriminant(&self.screen) != screen_before && self.status == status_before {
            self.status = None;
        }
        // Trials are undone from the result only: leaving it keeps what
        // is shown as the answers.
        if !matches!(self.screen, Screen::Result(_)) {
            self.previous.clear();
        }
        self.settle(follow);
        effect
    }

    fn apply(&mut self, action: Action) -> (Option<Effect>, Follow) {
        match action {
            Action::Resize(w, h) => {
                self.size = (w, h);
                return (None, Follow::Cursor);
            }
            Action::Saved(result) => {
                self.saved(result);
                return (None, Follow::None);
            }
            Action::Interrupt => {
                if self.modal == Some(Modal::Quit) {
                    self.quit = true;
                } else {
                    self.modal = None;
                    self.ask_quit();
                }
                return (None, Follow::None);
            }
            _ => {}
        }
        if let Some(modal) = self.modal.take() {
            return (self.on_modal(modal, action), Follow::None);
        }
        match action {
            Action::Help => self.modal = Some(Modal::Help { scroll: 0 }),
            Action::Quit => self.ask_quit(),
            Action::TogglePresentation => {
                self.presentation = !self.presentation;
                return (None, Follow::Cursor);
            }
            Action::ToggleLang => {
                self.lang = self.lang.other();
                if matches!(self.screen, Screen::Result(_)) {
                    let report = self.report();
                    if let Screen::Result(view) = &mut self.screen {
                        view.report = report;
                    }
                }
                return (None, Follow::Cursor);
            }
            Action::Scroll(lines) => {
                self.scroll_by(isize::from(lines));
                return (None, Follow::View);
            }
            _ => return self.on_screen(action),
        }
        (None, Follow::None)
    }

    fn on_screen(&mut self, action: Action) -> (Option<Effect>, Follow) {
        let follow = follow_of(&action);
        match self.screen.clone() {
            Screen::Start { .. } => self.on_start(action),
            Screen::Scenarios { cursor, .. } => self.on_scenarios(cursor, action),
            Screen::Question { q, cursor, .. } => self.on_question(q, cursor, action),
            Screen::Summary { cursor, .. } => self.on_summary(cursor, action),
            Screen::Result(_) => return self.on_result(action),
        }
        (None, follow)
    }

    /// A new meeting: answers, ticks and progress cleared; language and
    /// profile kept, since the same person goes on.
    fn restart(&mut self) {
        self.values = self.content.default_answers();
        flow::normalise(self.content, &mut self.values);
        self.visited.fill(false);
        self.ticked = Default::default();
        self.editing = false;
        self.touched = false;
        self.exported = false;
        self.seen_result = false;
        self.modal = None;
        self.scenario = None;
        self.screen = Screen::Start { scroll: 0 };
    }

    fn set_cursor(&mut self, value: usize) {
        if let Screen::Question { cursor, .. } = &mut self.screen {
            *cursor = Some(value);
        } else if let Some(c) = self.cursor_slot() {
            *c = value;
        }
    }

    fn cursor_slot(&mut self) -> Option<&mut usize> {
        match &mut self.screen {
            Screen::Question { cursor, .. } => cursor.as_mut(),
            Screen::Summary { cursor, .. } | Screen::Scenarios { cursor, .. } => Some(cursor),
            Screen::Result(view) if view.section().is_list() => {
                Some(&mut view.cursor[view.section])
            }
            _ => None,
        }
    }

    fn scroll_slot(&mut self) -> &mut usize {
        match &mut self.screen {
            Screen::Start { scroll }
            | Screen::Scenarios { scroll, .. }
            | Screen::Question { scroll, .. }
            | Screen::Summary { scroll, .. } => scroll,
            Screen::Result(view) => &mut view.scroll[view.section],
        }
    }

    fn scroll_by(&mut self, lines: isize) {
        if let Some(Modal::Help { scroll }) = &mut self.modal {
            *scroll = scroll.saturating_add_signed(lines);
        } else if self.modal.is_none() {
            let s = self.scroll_slot();
            *s = s.saturating_add_signed(lines);
        }
    }

    /// Scrolls the page by one screenful, keeping one line of context.
    fn page(&mut self, down: bool) {
        let page = view::pane(self).map_or(1, |p| page_of(p.area.height));
        self.scroll_by(if down {
            page as isize
        } else {
            -(page as isize)
        });
    }

    /// About how many summary rows one screenful shows.
    fn rows_per_page(&self) -> usize {
        view::pane(self).map_or(1, |p| {
            let h = usize::from(p.area.height);
            let lines = p.doc.anchors.iter().map(|r| r.len()).sum::<usize>();
            let per_row = lines.div_ceil(p.doc.anchors.len().max(1)).max(1);
            (h / per_row).saturating_sub(1).max(1)
        })
    }

    /// Keeps scroll offsets within their pages and the highlight in view.
    fn settle(&mut self, follow: Follow) {
        if let Some(pane) = view::help_pane(self) {
            let max = pane
                .doc
                .height()
                .saturating_sub(usize::from(pane.area.height));
            if let Some(Modal::Help { scroll }) = &mut self.modal {
                *scroll = (*scroll).min(max);
            }
        }
        let Some(pane) = view::pane(self) else {
            return;
        };
        let height = usize::from(pane.area.height);
        let max = pane.doc.height().saturating_sub(height);
        let mut scroll = pane.scroll.min(max);
        let anchors = &pane.doc.anchors;
        let mut cursor_now = pane.cursor;
        if let Some(cursor) = pane.cursor {
            let cursor = cursor.min(anchors.len().saturating_sub(1));
            match follow {
                Follow::Cursor => {
                    if let Some(r) = anchors.get(cursor) {
                        // An entry that covers no line of its own (columns
                        // side by side) is shown by the line it starts on.
                        let r = r.start..r.end.max(r.start + 1);
                        if cursor == 0 && r.end <= height {
                            // The first entry: show what is above it too.
                            scroll = 0;
                        } else if r.start < scroll {
                            scroll = r.start;
                        } else if r.end > scroll + height {
                            scroll = (r.end - height).min(r.start);
                        }
                    }
                    self.set_cursor(cursor);
                    cursor_now = Some(cursor);
                }
                // Scrolling a question never changes what Enter takes.
                Follow::View if !matches!(self.screen, Screen::Question { .. }) => {
                    let visible = |r: &std::ops::Range<usize>| {
                        r.start >= scroll && r.start < scroll + height.max(1)
                    };
                    if anchors.get(cursor).is_some_and(|r| !visible(r))
                        && let Some(i) = anchors.iter().position(visible)
                    {
                        self.set_cursor(i);
                        cursor_now = Some(i);
                    }
                }
                _ => {
                    self.set_cursor(cursor);
                    cursor_now = Some(cursor);
                }
            }
        }
        *self.scroll_slot() = scroll.min(max);
        // A page laid out around its highlight (a checklist opens the
        // highlighted item) may have changed height with it; with the
        // highlight where it was, the layout is the one just made.
        if cursor_now != pane.cursor
            && let Some(pane) = view::pane(self)
        {
            let max = pane
                .doc
                .height()
                .saturating_sub(usize::from(pane.area.height));
            let s = self.scroll_slot();
            *s = (*s).min(max);
        }
    }
}

/// Where Up, Down, Home and End move a highlight among `0..=last`.
fn moved(cursor: usize, last: usize, action: &Action) -> Option<usize> {
    match action {
        Action::Up => Some(cursor.saturating_sub(1)),
        Action::Down => Some((cursor + 1).min(last)),
        Action::Home => Some(0),
        Action::End => Some(last),
        _ => None,
    }
}

fn follow_of(action: &Action) -> Follow {
    match action {
        Action::PageUp | Action::PageDown | Action::Scroll(_) => Follow::View,
        _ => Follow::Cursor,
    }
}

/// Lines one page scroll moves: a screenful less one line of context.
fn page_of(height: u16) -> usize {
    usize::from(height).saturating_sub(1).max(1)
}

/// The row (0-based) that digit `d` names on a list numbered from `first`
/// with `rows` rows, given the digit typed before it, and whether it is the
/// whole number: "1" on a list of twelve may begin "12", so it goes to row 1
/// and waits for a second.
fn row_number(
    pending: &mut Option<usize>,
    d: u8,
    first: usize,
    rows: usize,
) -> Option<(usize, bool)> {
    let d = usize::from(d);
    let numbers = first..first + rows;
    if let Some(p) = pending.take() {
        let n = p * 10 + d;
        if numbers.contains(&n) {
            return Some((n - first, true));
        }
    }
    if !numbers.contains(&d) {
        return None;
    }
    let more = d > 0 && d * 10 < first + rows;
    if more {
        *pending = Some(d);
    }
    Some((d - first, !more))
}

#[cfg(test)]
mod tests {
    use super::row_number;

    /// Every row of every list up to 40 rows, numbered from 0 or from 1, is
    /// reached by typing its number, and only its last digit completes it.
    #[test]
    fn every_row_number_reaches_its_row() {
        for first in [0, 1] {
            for rows in 1..=40 {
                for n in first..first + rows {
                    let mut pending = None;
                    let digits: Vec<u8> = n.to_string().bytes().map(|b| b - b'0').collect();
                    let mut got = None;
                    for (i, &d) in digits.iter().enumerate() {
                        got = row_number(&mut pending, d, first, rows);
                        let (_, whole) = got.expect("a row");
                        if i + 1 < digits.len() {
                            assert!(!whole, "{n} of {rows}: whole too early");
                        }
                    }
                    let (row, whole) = got.expect("a row");
                    assert_eq!(row, n - first, "{n} of {rows} from {first}");
                    // Whole when no longer number begins with it.
                    assert_eq!(whole, n == 0 || n * 10 >= first + rows, "{n} of {rows}");
                }
            }
        }
    }
}
