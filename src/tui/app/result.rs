//! The result page: its sections, ticking, and trials of other answers.

use super::dialogs::{ExportForm, Modal};
use super::{Action, App, Effect, Follow, Screen, Status};
use crate::content::Answer;
use crate::engine::whatif::{self, WhatIf};
use crate::engine::{Summary, flow};
use crate::report::{self, Report};
use crate::tui::export::ExportKind;

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
    /// The questions answered before the trial (an early result has open
    /// ones, and a trial keeps them open).
    pub visited: Vec<bool>,
}

/// Shows section `section` of the result on screen.
fn view_section(screen: &mut Screen, section: usize) {
    if let Screen::Result(view) = screen {
        view.section = section.min(Section::ALL.len() - 1);
    }
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

impl App<'_> {
    /// What to print on standard output once the terminal is restored: the
    /// meeting's own result as text (never a trial), when printing was
    /// asked for and a result was shown.
    pub fn exit_text(&self) -> Option<String> {
        (self.print_on_exit && self.seen_result).then(|| report::to_text(&self.real_report()))
    }

    /// The meeting's own result, whatever trial the result page shows:
    /// what saving and printing take, with the ticks and today's date.
    pub fn real_report(&self) -> Report {
        let (profile, values, visited) = match self.previous.first() {
            Some(p) => (p.profile, &p.values, &p.visited),
            None => (self.profile, &self.values, &self.visited),
        };
        let mut r = self.report_for(profile, values, visited);
        r.ticked = self.ticked.clone();
        r.date = Some(crate::clock::today());
        r
    }

    /// What a trial changed from the meeting's own answers, in words.
    pub(super) fn trial_words(&self) -> Option<String> {
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
        (!changes.is_empty()).then(|| changes.join("; "))
    }

    pub(super) fn on_result(&mut self, action: Action) -> (Option<Effect>, Follow) {
        let Screen::Result(view) = &mut self.screen else {
            return (None, Follow::None);
        };
        let section = view.section();
        let items = view.items(section);
        let s = view.section;
        let mut follow = super::follow_of(&action);
        match action {
            // Another section opens with its highlight in view.
            Action::NextSection => {
                view.section = (s + 1) % Section::ALL.len();
                follow = Follow::Cursor;
            }
            Action::PrevSection => {
                view.section = (s + Section::ALL.len() - 1) % Section::ALL.len();
                follow = Follow::Cursor;
            }
            Action::Section(i) if i < Section::ALL.len() => {
                view.section = i;
                follow = Follow::Cursor;
            }
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
    pub(super) fn try_out(&mut self, section: Section, i: usize) {
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
        // Trying the meeting's own answers again: every trial undone.
        if self
            .previous
            .first()
            .is_some_and(|first| first.profile == profile && first.values == values)
        {
            self.previous.truncate(1);
            self.undo_trial();
            return;
        }
        if profile == self.profile && values == self.values {
            // Its own profile in the comparison: the result as it is.
            view_section(&mut self.screen, 0);
            return;
        }
        let open = self.open_questions(&self.values, &self.visited);
        self.previous.push(Previous {
            profile: self.profile,
            values: std::mem::replace(&mut self.values, values),
            section: view.section,
            cursor: view.cursor[view.section],
            touched: self.touched,
            exported: self.exported,
            visited: self.visited.clone(),
        });
        self.profile = profile;
        self.touched = true;
        self.exported = false;
        // What was open stays open; the changed answer counts as given.
        self.mark_asked_visited();
        for q in open {
            self.visited[q] = false;
        }
        if let Trial::Answer(q, _) = trial {
            self.visited[q] = true;
        }
        self.go_result();
        self.status = Some(Status::Trying(trial));
    }

    /// Back from a trial to the answers before it, on the section it was
    /// made from; false when there is none.
    pub(super) fn undo_trial(&mut self) -> bool {
        let Some(previous) = self.previous.pop() else {
            return false;
        };
        self.profile = previous.profile;
        self.values = previous.values;
        self.touched = previous.touched;
        self.exported = previous.exported;
        self.visited = previous.visited;
        self.go_result();
        if let Screen::Result(view) = &mut self.screen {
            view.section = previous.section.min(Section::ALL.len() - 1);
            view.cursor[view.section] = previous.cursor;
        }
        self.status = None;
        true
    }

    /// Every question the answers ask counted as answered, the others not.
    pub(super) fn mark_asked_visited(&mut self) {
        let asked = self.asked();
        for (q, v) in self.visited.iter_mut().enumerate() {
            *v = asked.contains(&q);
        }
    }

    pub(super) fn go_result(&mut self) {
        self.seen_result = true;
        let mut report = self.report();
        report.hypothetical = self.trial_words();
        // An early result's open questions count as "vet ej" here too.
        let (values, open) = self.as_evaluated(&self.values, &self.visited);
        let given: Vec<usize> = flow::asked(self.content, &values)
            .into_iter()
            .filter(|q| !open.contains(q))
            .collect();
        self.screen = Screen::Result(Box::new(ResultView {
            report,
            profiles: whatif::compare(self.content, &values),
            changes: whatif::what_if_among(self.content, self.profile, &values, &given),
            section: 0,
            cursor: [0; 6],
            scroll: [0; 6],
        }));
    }
}
