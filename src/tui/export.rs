//! The wizard's save dialog: what it writes (the participant checklist or
//! the full result as Markdown) and the effect that writes it, through the
//! atomic save of [`crate::save`].

use std::fmt::Write as _;

use crate::i18n::ui;
use crate::report::{Report, markdown};
use crate::save::{resolve, save};
use crate::text::Lang;
use crate::tui::app::{Action, Effect};
use crate::tui::strings::Strings;

/// What the save dialog writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The participant checklist alone, to paste into an invitation.
    Participants,
    /// Everything, as `--format markdown` prints it.
    Full,
}

impl ExportKind {
    pub fn other(self) -> ExportKind {
        match self {
            ExportKind::Participants => ExportKind::Full,
            ExportKind::Full => ExportKind::Participants,
        }
    }

    pub fn default_name(self, s: &Strings) -> &'static str {
        match self {
            ExportKind::Participants => s.default_participants_file,
            ExportKind::Full => s.default_result_file,
        }
    }
}

/// The participant checklist as Markdown: the verdict first, so a
/// participant reading the invitation knows where the meeting is held.
pub fn participants_markdown(r: &Report) -> String {
    let ui = ui(r.lang);
    let mut s = String::new();
    if let Some(h) = &r.hypothetical {
        let _ = writeln!(s, "> **{} {h}**\n", ui.hypothetical);
    }
    if let Some(e) = r.early_line() {
        let _ = writeln!(s, "> **{e}**\n");
    }
    let _ = writeln!(s, "# {}\n", ui.participant_checklist);
    let _ = writeln!(s, "**{}**  ", r.platform_line());
    let _ = writeln!(s, "{}\n", r.recording_line());
    for c in &r.participants {
        let tick = if r.ticked[0].contains(&c.id) {
            "x"
        } else {
            " "
        };
        let _ = writeln!(s, "{}", markdown::item(r, &format!("- [{tick}] "), c));
    }
    if r.participants.is_empty() {
        let _ = writeln!(s, "- {}", ui.nothing);
    }
    if !r.tips.is_empty() {
        let _ = writeln!(s, "\n## {}\n", ui.tips);
        for c in &r.tips {
            let _ = writeln!(s, "{}", markdown::item(r, "- ", c));
        }
    }
    let _ = writeln!(s, "\n*{}: {}*  ", ui.profile, r.profile_name);
    let _ = writeln!(s, "*{}*  ", r.code_line(|c| format!("`{c}`")));
    if let Some(d) = &r.date {
        let _ = writeln!(s, "*{}: {d}*  ", ui.date);
    }
    let _ = writeln!(s, "*{}: {}*", ui.content_version, r.content_version);
    s
}

/// Performs an effect and reports its outcome as the action to feed back;
/// a failure's reason is in `lang`, the wizard's language at the time.
pub fn perform(effect: Effect, lang: Lang) -> Action {
    match effect {
        Effect::Save {
            base,
            path,
            default_name,
            text,
            overwrite,
        } => {
            let target = resolve(&path, &base, default_name);
            Action::Saved(save(&target, &text, overwrite, lang))
        }
    }
}
