//! The wizard's state and the one place it changes: [`App::update`].
//!
//! Nothing here touches the terminal or the file system. Writing a file is
//! asked for with an [`Effect`]; the loop performs it and reports back with
//! [`Action::Saved`], so every state change can be tested without a terminal.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::content::{Answer, Content, QuestionKind};
use crate::engine::whatif::{self, WhatIf};
use crate::engine::{self, Answers, Summary, flow};
use crate::report::{self, Report};
use crate::save::SaveError;
use crate::text::Lang;
use crate::tui::export::{self, ExportKind};
use crate::tui::strings::{Strings, strings};
use crate::tui::theme::Theme;
use crate::tui::view;

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
    /// Result section `n`.
    Section(usize),
    /// The start page's way to the scenario library.
    Scenarios,
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

/// One line of a question's answer list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Choosing it sets the answer.
    Set(Answer),
    /// Option `n` of a multi-select question, marked on or off.
    Toggle(usize),
    /// A multi-select question's explicit "none of these": no category
    /// is taken for granted, so "none" is chosen like any other answer.
    NoneOfThese,
}

/// One line of the "check your answers" page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Profile,
    Question(usize),
    ShowResult,
}

/// The result's sections, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Overview,
    Participants,
    Organiser,
    Why,
    /// The same answers under every profile.
    Compare,
    /// The single changed answers that change the decision.
    WhatIf,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Overview,
        Section::Participants,
        Section::Organiser,
        Section::Why,
        Section::Compare,
        Section::WhatIf,
    ];

    /// Whether the section is a list with a highlight.
    pub fn is_list(self) -> bool {
        !matches!(self, Section::Overview | Section::Why)
    }

    /// Which tick list a checklist section uses.
    pub fn checklist(self) -> Option<usize> {
        match self {
            Section::Participants => Some(0),
            Section::Organiser => Some(1),
            _ => None,
        }
    }
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

/// The result as shown: its report, the decision under every profile,
/// the changes that would change it, and where the person is in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultView {
    pub report: Report,
    /// The decision for these answers under each profile, in content order.
    pub profiles: Vec<Summary>,
    pub changes: Vec<WhatIf>,
    pub section: usize,
    pub cursor: [usize; 6],
    pub scroll: [usize; 6],
}

impl ResultView {
    pub fn section(&self) -> Section {
        Section::ALL[self.section.min(Section::ALL.len() - 1)]
    }

    /// The number of entries of a list section (0 for the others).
    pub fn items(&self, section: Section) -> usize {
        match section {
            Section::Participants => self.report.participants.len(),
            Section::Organiser => self.report.organiser.len(),
            Section::Compare => self.profiles.len(),
            Section::WhatIf => self.changes.len(),
            Section::Overview | Section::Why => 0,
        }
    }
}

/// What the result shows instead of the person's own answers, tried from
/// the compare or what-if section; Back returns to them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trial {
    /// Question `.0` answered `.1`.
    Answer(usize, Answer),
    Profile(usize),
}

/// The answers and section a trial was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Previous {
    pub profile: usize,
    pub values: Vec<Answer>,
    pub section: usize,
    pub cursor: usize,
    /// Whether there were unsaved answers before the trial.
    pub touched: bool,
    pub exported: bool,
}

/// A dialog over the screen; it takes the keys while it is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Modal {
    Help {
        scroll: usize,
    },
    Quit,
    Restart,
    /// Opening scenario `n` would replace unsaved answers.
    Scenario(usize),
    Export(ExportForm),
}

/// The save dialog: what to save and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportForm {
    pub kind: ExportKind,
    pub path: String,
    /// In characters, not bytes.
    pub cursor: usize,
    /// Once the person types, switching contents keeps their name.
    pub edited: bool,
    /// The file exists: asking whether to overwrite it.
    pub exists: Option<PathBuf>,
    pub error: Option<FormError>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormError {
    Empty,
    Save(SaveError),
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

    /// The lines of the summary page.
    pub fn rows(&self) -> Vec<Row> {
        std::iter::once(Row::Profile)
            .chain(self.asked().into_iter().map(Row::Question))
            .chain(std::iter::once(Row::ShowResult))
            .collect()
    }

    pub fn answers(&self) -> Answers {
        Answers {
            profile: Some(self.profile),
            values: self.values.clone(),
        }
    }

    /// The engine's recommendation for the answers now, in words.
    pub fn report(&self) -> Report {
        let answers = self.answers();
        let rec = engine::evaluate(self.content, self.profile, &answers);
        Report::new(self.content, &answers, &rec, self.lang)
    }

    /// The profile's documents, named as the report and exports name them.
    /// They depend on the profile alone, so the defaults are evaluated:
    /// cheap, whatever "vet ej" answers the person has given.
    pub fn documents(&self) -> Vec<String> {
        self.documents_of(self.profile)
    }

    /// Profile `profile`'s documents, as [`App::documents`] names them.
    pub fn documents_of(&self, profile: usize) -> Vec<String> {
        let answers = Answers {
            profile: Some(profile),
            values: self.content.default_answers(),
        };
        let rec = engine::evaluate(self.content, profile, &answers);
        Report::new(self.content, &answers, &rec, self.lang).documents
    }

    /// Whether the answers or the profile differ from the scenario they
    /// were opened from.
    pub fn scenario_changed(&self) -> bool {
        self.scenario
            .as_ref()
            .is_some_and(|(_, profile, values)| *profile != self.profile || *values != self.values)
    }

    /// The answer code a caller can read out to the helpdesk.
    pub fn code(&self) -> String {
        engine::code::encode(self.content, &self.answers(), self.profile)
    }

    /// What to print on standard output once the terminal is restored: the
    /// meeting's own result as text (never a trial), when printing was
    /// asked for and a result was shown.
    pub fn exit_text(&self) -> Option<String> {
        (self.print_on_exit && self.seen_result).then(|| report::to_text(&self.real_report()))
    }

    /// The meeting's own result, whatever trial the result page shows:
    /// what saving and printing take, with the ticks and today's date.
    pub fn real_report(&self) -> Report {
        let (profile, values) = match self.previous.first() {
            Some(p) => (p.profile, p.values.clone()),
            None => (self.profile, self.values.clone()),
        };
        let answers = Answers {
            profile: Some(profile),
            values,
        };
        let rec = engine::evaluate(self.content, profile, &answers);
        let mut r = Report::new(self.content, &answers, &rec, self.lang);
        r.ticked = self.ticked.clone();
        r.date = Some(crate::clock::today());
        r
    }

    /// What a trial changed from the meeting's own answers, in words.
    fn trial_words(&self) -> Option<String> {
        let first = self.previous.first()?;
        let mut changes = Vec::new();
        if first.profile != self.profile {
            changes.push(format!(
                "{}: {}",
                crate::i18n::ui(self.lang).profile,
                self.content.profiles[self.profile].name.get(self.lang)
            ));
        }
        for q in self.asked() {
            if first.values[q] != self.values[q] {
                let question = &self.content.questions[q];
                changes.push(format!(
                    "{}: {}",
                    question.step.get(self.lang),
                    question.answer_label(self.values[q], self.lang)
                ));
            }
        }
        Some(changes.join("; "))
    }

    /// The one place the state changes.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        let screen_before = std::mem::discriminant(&self.screen);
        let status_before = self.status.clone();
        let (effect, follow) = self.apply(action);
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

    fn on_modal(&mut self, modal: Modal, action: Action) -> Option<Effect> {
        match modal {
            Modal::Help { scroll } => {
                let page = view::help_pane(self).map_or(1, |p| page_of(p.area.height));
                let scroll = match action {
                    Action::Close | Action::Help => return None,
                    Action::Up => scroll.saturating_sub(1),
                    Action::Down => scroll + 1,
                    Action::PageUp => scroll.saturating_sub(page),
                    Action::PageDown => scroll + page,
                    Action::Home => 0,
                    Action::End => usize::MAX / 2,
                    Action::Scroll(n) => scroll.saturating_add_signed(isize::from(n)),
                    _ => scroll,
                };
                self.modal = Some(Modal::Help { scroll });
            }
            Modal::Quit => match action {
                Action::Yes | Action::Quit => self.quit = true,
                Action::No | Action::Close => {}
                _ => self.modal = Some(Modal::Quit),
            },
            Modal::Restart => match action {
                Action::Yes => self.restart(),
                Action::No | Action::Close => {}
                _ => self.modal = Some(Modal::Restart),
            },
            Modal::Scenario(i) => match action {
                Action::Yes => self.load_scenario(i),
                Action::No | Action::Close => {}
                _ => self.modal = Some(Modal::Scenario(i)),
            },
            Modal::Export(form) => return self.on_export(form, action),
        }
        None
    }

    fn on_export(&mut self, mut form: ExportForm, action: Action) -> Option<Effect> {
        let mut effect = None;
        if form.exists.is_some() {
            match action {
                Action::Yes => effect = Some(self.save_effect(&form, true)),
                Action::No | Action::Close => form.exists = None,
                _ => {}
            }
            self.modal = Some(Modal::Export(form));
            return effect;
        }
        let len = form.path.chars().count();
        match action {
            Action::Close => return None,
            Action::Insert(c) => {
                let at = byte_index(&form.path, form.cursor);
                form.path.insert(at, c);
                form.cursor += 1;
                form.edited = true;
            }
            Action::Erase if form.cursor > 0 => {
                form.cursor -= 1;
                let at = byte_index(&form.path, form.cursor);
                form.path.remove(at);
                form.edited = true;
            }
            Action::EraseForward if form.cursor < len => {
                let at = byte_index(&form.path, form.cursor);
                form.path.remove(at);
                form.edited = true;
            }
            Action::ClearField => {
                form.path.clear();
                form.cursor = 0;
                form.edited = true;
            }
            Action::CursorLeft => form.cursor = form.cursor.saturating_sub(1),
            Action::CursorRight => form.cursor = (form.cursor + 1).min(len),
            Action::CursorHome => form.cursor = 0,
            Action::CursorEnd => form.cursor = len,
            Action::SwitchKind => {
                form.kind = form.kind.other();
                if !form.edited {
                    form.path = form.kind.default_name(self.strings()).to_owned();
                    form.cursor = form.path.chars().count();
                }
            }
            Action::Submit => {
                if form.path.trim().is_empty() {
                    form.error = Some(FormError::Empty);
                } else {
                    effect = Some(self.save_effect(&form, false));
                }
            }
            _ => {}
        }
        if matches!(
            action,
            Action::Insert(_)
                | Action::Erase
                | Action::EraseForward
                | Action::ClearField
                | Action::SwitchKind
        ) {
            form.error = None;
        }
        self.modal = Some(Modal::Export(form));
        effect
    }

    fn save_effect(&self, form: &ExportForm, overwrite: bool) -> Effect {
        // The meeting's own result, never a trial shown on the page.
        let report = self.real_report();
        let text = match form.kind {
            ExportKind::Participants => export::participants_markdown(&report),
            ExportKind::Full => report::to_markdown(&report),
        };
        Effect::Save {
            base: self.save_dir.clone(),
            path: form.path.trim().to_owned(),
            default_name: form.kind.default_name(self.strings()),
            text,
            overwrite,
        }
    }

    fn saved(&mut self, result: Result<PathBuf, SaveError>) {
        let Some(Modal::Export(mut form)) = self.modal.take() else {
            return;
        };
        match result {
            Ok(path) => {
                self.exported = true;
                self.status = Some(Status::Saved(path));
            }
            Err(SaveError::Exists(path)) => {
                form.exists = Some(path);
                form.error = None;
                self.modal = Some(Modal::Export(form));
            }
            Err(e) => {
                form.exists = None;
                form.error = Some(FormError::Save(e));
                self.modal = Some(Modal::Export(form));
            }
        }
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

    fn on_start(&mut self, action: Action) {
        let last = self.content.profiles.len().saturating_sub(1);
        let profile = match action {
            Action::Up => self.profile.saturating_sub(1),
            Action::Down => (self.profile + 1).min(last),
            Action::Home => 0,
            Action::End => last,
            Action::Pick(i) if i <= last => i,
            Action::PageUp | Action::PageDown => {
                self.page(action == Action::PageDown);
                return;
            }
            Action::Next if self.editing => return self.go_summary(Some(Row::Profile)),
            Action::Next => {
                let first = self.asked().first().copied();
                return match first {
                    Some(q) => self.go_question(q),
                    None => self.go_summary(None),
                };
            }
            Action::Back if self.editing => return self.go_summary(Some(Row::Profile)),
            Action::Scenarios if !self.editing && !self.content.scenarios.is_empty() => {
                let cursor = self.scenario.as_ref().map_or(0, |(i, ..)| *i);
                self.screen = Screen::Scenarios { cursor, scroll: 0 };
                return;
            }
            _ => return,
        };
        if profile != self.profile {
            self.profile = profile;
            self.exported = false;
        }
    }

    fn on_scenarios(&mut self, cursor: usize, action: Action) {
        let last = self.content.scenarios.len().saturating_sub(1);
        if let Some(moved) = moved(cursor, last, &action) {
            return self.set_cursor(moved);
        }
        match action {
            Action::PageUp | Action::PageDown => self.page(action == Action::PageDown),
            Action::Pick(i) if i <= last => self.open_scenario(i),
            Action::Next if cursor <= last => self.open_scenario(cursor),
            Action::Back => self.screen = Screen::Start { scroll: 0 },
            _ => {}
        }
    }

    /// Opens scenario `i`, asking first when answers would be lost.
    fn open_scenario(&mut self, i: usize) {
        if self.unsaved() {
            self.modal = Some(Modal::Scenario(i));
        } else {
            self.load_scenario(i);
        }
    }

    /// A new meeting with the scenario's answers, on the summary: every
    /// asked question counted as answered, so the trainer can step through
    /// them or change one. The scenario's profile, if it names one,
    /// replaces the current one.
    fn load_scenario(&mut self, i: usize) {
        let Some(scenario) = self.content.scenarios.get(i) else {
            return;
        };
        // The loader's analysis checks every scenario with this parser, so
        // loaded content never fails here; if it did, nothing changes.
        let Ok(answers) = engine::parse_answers(self.content, &scenario.file, &scenario.text)
        else {
            return;
        };
        self.restart();
        self.profile = answers.profile.unwrap_or(self.profile);
        self.values = answers.values;
        flow::normalise(self.content, &mut self.values);
        for q in self.asked() {
            self.visited[q] = true;
        }
        self.scenario = Some((i, self.profile, self.values.clone()));
        self.go_summary(None);
    }

    fn on_question(&mut self, q: usize, cursor: Option<usize>, action: Action) {
        let choices = self.choices(q);
        let last = choices.len().saturating_sub(1);
        // From no highlight, Down goes to the first line and Up to the last.
        let from = cursor.unwrap_or(match action {
            Action::Up => last + 1,
            _ => 0,
        });
        let moved = match (cursor, &action) {
            (None, Action::Down) => Some(0),
            (None, Action::Up) => Some(last),
            _ => moved(from, last, &action),
        };
        if let Some(moved) = moved {
            self.status = None;
            return self.set_cursor(moved);
        }
        match action {
            Action::PageUp | Action::PageDown => self.page(action == Action::PageDown),
            Action::Back => self.back_from(q),
            Action::Pick(i) if i < choices.len() => self.choose(q, i, choices[i]),
            Action::Next => match cursor.and_then(|c| choices.get(c).map(|&x| (c, x))) {
                None => self.status = Some(Status::ChooseFirst),
                Some((c, choice @ (Choice::Set(_) | Choice::NoneOfThese))) => {
                    self.choose(q, c, choice)
                }
                // On a marked option: the marks so far are the answer, once
                // something is marked or "none" was chosen before.
                Some((_, Choice::Toggle(_))) => {
                    if self.values[q] != Answer::Set(0) || self.visited[q] {
                        self.commit(q, self.values[q]);
                    } else {
                        self.status = Some(Status::MarkOrNone);
                    }
                }
            },
            Action::Toggle => match cursor.and_then(|c| choices.get(c).map(|&x| (c, x))) {
                Some((c, choice @ Choice::Toggle(_))) => self.choose(q, c, choice),
                // Space on "none of these" clears the marks; Enter takes it.
                Some((_, Choice::NoneOfThese)) => self.set_answer(q, Answer::Set(0)),
                _ => {}
            },
            _ => {}
        }
    }

    /// Choosing option line `i`: a single answer (or "none of these") is
    /// set and the wizard goes on; a multi-select option is marked on or
    /// off and the wizard stays.
    fn choose(&mut self, q: usize, i: usize, choice: Choice) {
        self.status = None;
        match choice {
            Choice::Set(answer) => self.commit(q, answer),
            Choice::NoneOfThese => self.commit(q, Answer::Set(0)),
            Choice::Toggle(option) => {
                let bits = match self.values[q] {
                    Answer::Set(bits) => bits,
                    _ => 0,
                };
                self.set_answer(q, Answer::Set(bits ^ (1 << option)));
                self.set_cursor(i);
            }
        }
    }

    /// Sets one answer and normalises the rest, as the engine expects.
    fn set_answer(&mut self, q: usize, answer: Answer) {
        let before = self.values.clone();
        self.values[q] = answer;
        flow::normalise(self.content, &mut self.values);
        if self.values != before {
            self.exported = false;
        }
        self.touched = true;
        let asked = self.asked();
        for (i, v) in self.visited.iter_mut().enumerate() {
            if !asked.contains(&i) {
                *v = false;
            }
        }
    }

    /// Answers `q` and goes to the next question that needs an answer.
    fn commit(&mut self, q: usize, answer: Answer) {
        self.set_answer(q, answer);
        self.visited[q] = true;
        let asked = self.asked();
        let next = if self.editing {
            // From the summary: only questions the change made relevant.
            asked.iter().copied().find(|&n| !self.visited[n])
        } else {
            asked.iter().copied().find(|&n| n > q)
        };
        match next {
            Some(n) => self.go_question(n),
            None => self.go_summary(None),
        }
    }

    fn back_from(&mut self, q: usize) {
        if self.editing {
            return self.go_summary(Some(Row::Question(q)));
        }
        let previous = self.asked().into_iter().rev().find(|&n| n < q);
        match previous {
            Some(p) => self.go_question(p),
            None => self.screen = Screen::Start { scroll: 0 },
        }
    }

    fn on_summary(&mut self, cursor: usize, action: Action) {
        let rows = self.rows();
        let last = rows.len() - 1;
        let cursor = match action {
            Action::Up => cursor.saturating_sub(1),
            Action::Down => (cursor + 1).min(last),
            Action::Home => 0,
            Action::End => last,
            Action::PageUp => cursor.saturating_sub(self.rows_per_page()),
            Action::PageDown => (cursor + self.rows_per_page()).min(last),
            Action::Pick(i) if i <= last => return self.activate(rows[i]),
            Action::Next => return self.activate(rows[cursor.min(last)]),
            Action::Back => {
                let last_question = self.asked().last().copied();
                return match last_question {
                    Some(q) => self.go_question(q),
                    None => self.screen = Screen::Start { scroll: 0 },
                };
            }
            Action::StartAgain => return self.ask_restart(),
            _ => return,
        };
        self.set_cursor(cursor);
    }

    fn activate(&mut self, row: Row) {
        match row {
            Row::Profile => {
                self.editing = true;
                self.screen = Screen::Start { scroll: 0 };
            }
            Row::Question(q) => {
                self.editing = true;
                self.go_question(q);
            }
            Row::ShowResult => match self.asked().into_iter().find(|&q| !self.visited[q]) {
                // Never a result on an answer nobody gave.
                Some(q) => {
                    self.editing = true;
                    self.go_question(q);
                    self.status = Some(Status::AnswerFirst);
                }
                None => self.go_result(),
            },
        }
    }

    fn on_result(&mut self, action: Action) -> (Option<Effect>, Follow) {
        let Screen::Result(view) = &mut self.screen else {
            return (None, Follow::None);
        };
        let section = view.section();
        let items = view.items(section);
        let s = view.section;
        let mut follow = Follow::None;
        match action {
            Action::NextSection => view.section = (s + 1) % Section::ALL.len(),
            Action::PrevSection => {
                view.section = (s + Section::ALL.len() - 1) % Section::ALL.len();
            }
            Action::Section(i) if i < Section::ALL.len() => view.section = i,
            Action::Up | Action::Down if section.is_list() => {
                let c = view.cursor[s];
                view.cursor[s] = if action == Action::Up {
                    c.saturating_sub(1)
                } else {
                    (c + 1).min(items.saturating_sub(1))
                };
                follow = Follow::Cursor;
            }
            Action::Up => view.scroll[s] = view.scroll[s].saturating_sub(1),
            Action::Down => view.scroll[s] += 1,
            // In a checklist the highlight goes first or last and the page
            // follows it; elsewhere the page goes to its top or bottom.
            Action::Home => {
                view.scroll[s] = 0;
                view.cursor[s] = 0;
                follow = Follow::Cursor;
            }
            Action::End => {
                view.scroll[s] = usize::MAX / 2;
                view.cursor[s] = items.saturating_sub(1);
                follow = Follow::Cursor;
            }
            Action::PageUp | Action::PageDown => {
                self.page(action == Action::PageDown);
                return (None, Follow::View);
            }
            Action::Next | Action::Pick(_)
                if matches!(section, Section::Compare | Section::WhatIf) =>
            {
                let i = match action {
                    Action::Pick(i) => i,
                    _ => view.cursor[s],
                };
                if i < items {
                    view.cursor[s] = i;
                    self.try_out(section, i);
                }
                return (None, Follow::Cursor);
            }
            Action::Toggle | Action::Pick(_) => {
                let Some(list) = section.checklist() else {
                    return (None, Follow::None);
                };
                let i = match action {
                    Action::Pick(i) => i,
                    _ => view.cursor[s],
                };
                let items = match list {
                    0 => &view.report.participants,
                    _ => &view.report.organiser,
                };
                if let Some(item) = items.get(i) {
                    let id = item.id.clone();
                    view.cursor[s] = i;
                    if !self.ticked[list].remove(&id) {
                        self.ticked[list].insert(id);
                    }
                    // Ticks are work: quitting asks before they are lost.
                    self.touched = true;
                    self.exported = false;
                }
                follow = Follow::Cursor;
            }
            Action::Back if self.undo_trial() => {}
            Action::Back => self.go_summary(None),
            Action::StartAgain => self.ask_restart(),
            Action::TogglePrint => {
                self.print_on_exit = !self.print_on_exit;
                self.status = Some(Status::Print(self.print_on_exit));
            }
            Action::Save => {
                let path = ExportKind::Participants
                    .default_name(self.strings())
                    .to_owned();
                self.modal = Some(Modal::Export(ExportForm {
                    kind: ExportKind::Participants,
                    cursor: path.chars().count(),
                    path,
                    edited: false,
                    exists: None,
                    error: None,
                }));
            }
            _ => {}
        }
        (None, follow)
    }

    /// Shows the result with entry `i` of the compare or what-if section
    /// applied: another profile, or one changed answer (the first of a
    /// group that leads to the same decision). The answers before are kept
    /// for Back.
    fn try_out(&mut self, section: Section, i: usize) {
        let Screen::Result(view) = &self.screen else {
            return;
        };
        let mut profile = self.profile;
        let mut values = self.values.clone();
        let trial = match section {
            Section::Compare => {
                profile = i;
                Trial::Profile(i)
            }
            _ => {
                let Some(change) = view.changes.get(i) else {
                    return;
                };
                let Some(&answer) = change.answers.first() else {
                    return;
                };
                values[change.question] = answer;
                flow::normalise(self.content, &mut values);
                Trial::Answer(change.question, answer)
            }
        };
        if profile == self.profile && values == self.values {
            // Its own profile in the comparison: the result as it is.
            view_section(&mut self.screen, 0);
            return;
        }
        self.previous.push(Previous {
            profile: self.profile,
            values: std::mem::replace(&mut self.values, values),
            section: view.section,
            cursor: view.cursor[view.section],
            touched: self.touched,
            exported: self.exported,
        });
        self.profile = profile;
        self.touched = true;
        self.exported = false;
        self.mark_asked_visited();
        self.go_result();
        self.status = Some(Status::Trying(trial));
    }

    /// Back from a trial to the answers before it, on the section it was
    /// made from; false when there is none.
    fn undo_trial(&mut self) -> bool {
        let Some(previous) = self.previous.pop() else {
            return false;
        };
        self.profile = previous.profile;
        self.values = previous.values;
        self.touched = previous.touched;
        self.exported = previous.exported;
        self.mark_asked_visited();
        self.go_result();
        if let Screen::Result(view) = &mut self.screen {
            view.section = previous.section.min(Section::ALL.len() - 1);
            view.cursor[view.section] = previous.cursor;
        }
        self.status = None;
        true
    }

    /// Every question the answers ask counted as answered, the others not.
    fn mark_asked_visited(&mut self) {
        let asked = self.asked();
        for (q, v) in self.visited.iter_mut().enumerate() {
            *v = asked.contains(&q);
        }
    }

    fn ask_quit(&mut self) {
        if self.unsaved() {
            self.modal = Some(Modal::Quit);
        } else {
            self.quit = true;
        }
    }

    fn ask_restart(&mut self) {
        if self.unsaved() {
            self.modal = Some(Modal::Restart);
        } else {
            self.restart();
        }
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

    /// Opens question `q`: an answered one with its answer highlighted, an
    /// unanswered one with nothing highlighted.
    fn go_question(&mut self, q: usize) {
        let current = self.values[q];
        let choices = self.choices(q);
        let cursor = if !self.visited[q] {
            None
        } else if current == Answer::Set(0) {
            choices.iter().position(|c| *c == Choice::NoneOfThese)
        } else {
            choices
                .iter()
                .position(|c| *c == Choice::Set(current))
                .or(Some(0))
        };
        self.screen = Screen::Question {
            q,
            cursor,
            scroll: 0,
        };
    }

    fn go_summary(&mut self, focus: Option<Row>) {
        self.editing = false;
        let rows = self.rows();
        let cursor = focus
            .and_then(|f| rows.iter().position(|r| *r == f))
            .unwrap_or(rows.len() - 1);
        self.screen = Screen::Summary { cursor, scroll: 0 };
    }

    fn go_result(&mut self) {
        self.seen_result = true;
        let mut report = self.report();
        report.hypothetical = self.trial_words();
        self.screen = Screen::Result(Box::new(ResultView {
            report,
            profiles: whatif::compare(self.content, &self.values),
            changes: whatif::what_if(self.content, self.profile, &self.values),
            section: 0,
            cursor: [0; 6],
            scroll: [0; 6],
        }));
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
        if let Some(cursor) = pane.cursor {
            let cursor = cursor.min(anchors.len().saturating_sub(1));
            match follow {
                Follow::Cursor => {
                    if let Some(r) = anchors.get(cursor) {
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
                }
                Follow::View if matches!(self.screen, Screen::Result(_)) => {
                    let visible = |r: &std::ops::Range<usize>| {
                        r.start >= scroll && r.start < scroll + height.max(1)
                    };
                    if anchors.get(cursor).is_some_and(|r| !visible(r))
                        && let Some(i) = anchors.iter().position(visible)
                    {
                        self.set_cursor(i);
                    }
                }
                _ => self.set_cursor(cursor),
            }
        }
        *self.scroll_slot() = scroll;
    }
}

/// Every answer line of question `q`, given the answers so far: the offered
/// options, then the content's "not stated" and "vet ej" where it has them.
pub fn choices(content: &Content, values: &[Answer], q: usize) -> Vec<Choice> {
    let question = &content.questions[q];
    let offered = flow::offered(content, values, q);
    let mut out: Vec<Choice> = match question.kind {
        QuestionKind::YesNo => vec![
            Choice::Set(Answer::Bool(true)),
            Choice::Set(Answer::Bool(false)),
        ],
        QuestionKind::Choice => offered
            .into_iter()
            .map(|i| Choice::Set(Answer::Choice(i)))
            .collect(),
        QuestionKind::Multi => offered
            .into_iter()
            .map(Choice::Toggle)
            .chain([Choice::NoneOfThese])
            .collect(),
    };
    if question.kind == QuestionKind::Choice && question.unanswered.is_some() {
        out.push(Choice::Set(Answer::Unanswered));
    }
    if question.unknown && question.kind != QuestionKind::Multi {
        out.push(Choice::Set(Answer::Unknown));
    }
    out
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

/// Shows section `section` of the result on screen.
fn view_section(screen: &mut Screen, section: usize) {
    if let Screen::Result(view) = screen {
        view.section = section.min(Section::ALL.len() - 1);
    }
}

fn follow_of(action: &Action) -> Follow {
    match action {
        Action::PageUp | Action::PageDown | Action::Scroll(_) => Follow::View,
        _ => Follow::Cursor,
    }
}

fn page_of(height: u16) -> usize {
    usize::from(height).saturating_sub(1).max(1)
}

fn byte_index(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map_or(s.len(), |(i, _)| i)
}
