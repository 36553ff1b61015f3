//! The plain mode's own words, Swedish first with a full English
//! translation. Short lines, one idea each: they are read aloud by screen
//! readers and shown on narrow consoles.
//!
//! Policy never lives here: questions, options and help come from the
//! content; shared labels (yes, no, "vet ej", source) from [`crate::i18n`].
//! A `{name}` in a text is filled in with [`fill`].

use crate::text::Lang;

pub use crate::messages::fill;

/// Every word the plain mode writes around the content, in one language.
#[derive(Debug)]
pub struct Strings {
    /// How to answer, shown once at the start (then [`Strings::commands`]).
    pub intro: [&'static str; 2],
    /// `{n}`, `{total}`, `{step}`.
    pub question_header: &'static str,
    pub help: &'static str,
    pub multi_hint: &'static str,
    /// What a bare Enter takes where there is something to take (a file
    /// name, no to saving): `{answer}`.
    pub enter_chooses: &'static str,
    /// The answer already given to a question, which Enter keeps:
    /// `{answer}`.
    pub your_answer: &'static str,
    /// Enter alone on an unanswered question: nothing is taken.
    pub choose_first: &'static str,
    pub choose_first_multi: &'static str,
    /// Enter on the summary with a question unanswered: `{step}`.
    pub answer_first: &'static str,
    pub not_answered: &'static str,
    pub answer_prompt: &'static str,
    /// `{input}`, `{max}`.
    pub not_a_choice: &'static str,
    /// `{input}`, `{max}`.
    pub not_a_category: &'static str,
    pub zero_alone: &'static str,
    pub line_too_long: &'static str,
    pub first_question: &'static str,
    /// `{step}`.
    pub reset: &'static str,
    pub summary_title: &'static str,
    /// `{max}`.
    pub summary_change: &'static str,
    pub summary_enter: &'static str,
    pub summary_prompt: &'static str,
    /// `{input}`, `{max}`.
    pub not_a_summary_choice: &'static str,
    pub commands: &'static str,
    pub code: &'static str,
    pub code_hint: &'static str,
    /// `{code}`.
    pub code_command: &'static str,
    pub save_question: &'static str,
    pub file_hint: &'static str,
    pub file_prompt: &'static str,
    /// The file offered first; `{n}` is added before `.md` when it exists.
    pub default_file: &'static str,
    pub default_file_numbered: &'static str,
    /// `{path}`.
    pub exists: &'static str,
    pub overwrite: &'static str,
    /// `{path}`.
    pub saved: &'static str,
    /// `{path}`, `{reason}`.
    pub not_saved: &'static str,
    pub quit: &'static str,
    pub done: &'static str,
    /// `{where}`.
    pub input_ended: &'static str,
    /// `{n}`, `{total}`, `{step}`.
    pub at_question: &'static str,
    pub at_summary: &'static str,
    pub at_save: &'static str,
}

const SV: Strings = Strings {
    intro: [
        "Svara genom att skriva ett nummer och trycka Enter.",
        "Inget svar är valt i förväg – välj själv vid varje fråga.",
    ],
    question_header: "Fråga {n} av {total}: {step}",
    help: "Hjälp",
    multi_hint: "Skriv numren för alla som gäller, till exempel 1 3. Skriv 0 för inga.",
    enter_chooses: "Enter väljer: {answer}",
    your_answer: "Ditt svar: {answer}. Bara Enter behåller det.",
    choose_first: "Välj ett svar först: skriv svarets nummer.",
    choose_first_multi: "Välj ett svar först: skriv numren för alla som gäller, eller 0 för inga.",
    answer_first: "Frågan ”{step}” är inte besvarad än. Svara på den för att se resultatet.",
    not_answered: "Inte besvarad",
    answer_prompt: "Svar: ",
    not_a_choice: "”{input}” är inget av valen. Skriv ett nummer från 1 till {max}.",
    not_a_category: "”{input}” är inget av valen. Skriv nummer från 1 till {max}, eller 0 för inga.",
    zero_alone: "0 betyder inga och kan inte stå tillsammans med andra nummer.",
    line_too_long: "Raden är för lång. Skriv ett nummer.",
    first_question: "Det här är den första frågan.",
    reset: "Ditt svar på ”{step}” gäller inte längre efter ändringen. Svara på frågan igen.",
    summary_title: "Sammanfattning av dina svar",
    summary_change: "Skriv ett nummer från 1 till {max} för att ändra det svaret.",
    summary_enter: "Bara Enter visar resultatet.",
    summary_prompt: "Val: ",
    not_a_summary_choice: "”{input}” är inget av valen. Skriv ett nummer från 1 till {max}, eller bara Enter.",
    commands: "Skriv b för att gå tillbaka, ? för att upprepa frågan och q för att avsluta.",
    code: "Svarskod",
    code_hint: "Med koden kan supporten se samma resultat.",
    code_command: "Visa resultatet igen med kommandot: motesguide --code {code}",
    save_question: "Vill du spara resultatet som en Markdown-fil?",
    file_hint: "Skriv ett filnamn eller en sökväg.",
    file_prompt: "Fil: ",
    default_file: "motesguide-resultat.md",
    default_file_numbered: "motesguide-resultat-{n}.md",
    exists: "Filen finns redan: {path}",
    overwrite: "Vill du skriva över den?",
    saved: "Sparat: {path}",
    not_saved: "Kunde inte spara {path}: {reason}",
    quit: "Avslutat. Inget sparades.",
    done: "Klart.",
    input_ended: "indata tog slut innan guiden var klar ({where}); för att utvärdera svar utan att svara på frågor, använd --answers FIL med en svarsfil i YAML",
    at_question: "vid fråga {n} av {total}, {step}",
    at_summary: "vid sammanfattningen",
    at_save: "vid frågan om att spara",
};

const EN: Strings = Strings {
    intro: [
        "Answer by typing a number and pressing Enter.",
        "No answer is chosen in advance – choose one at each question.",
    ],
    question_header: "Question {n} of {total}: {step}",
    help: "Help",
    multi_hint: "Type the numbers of all that apply, for example 1 3. Type 0 for none.",
    enter_chooses: "Enter chooses: {answer}",
    your_answer: "Your answer: {answer}. Enter on its own keeps it.",
    choose_first: "Choose an answer first: type the answer's number.",
    choose_first_multi: "Choose an answer first: type the numbers of all that apply, or 0 for none.",
    answer_first: "The question “{step}” has not been answered yet. Answer it to see the result.",
    not_answered: "Not answered",
    answer_prompt: "Answer: ",
    not_a_choice: "“{input}” is not one of the choices. Type a number from 1 to {max}.",
    not_a_category: "“{input}” is not one of the choices. Type numbers from 1 to {max}, or 0 for none.",
    zero_alone: "0 means none and cannot be combined with other numbers.",
    line_too_long: "The line is too long. Type a number.",
    first_question: "This is the first question.",
    reset: "Your answer to “{step}” no longer applies after the change. Answer the question again.",
    summary_title: "Summary of your answers",
    summary_change: "Type a number from 1 to {max} to change that answer.",
    summary_enter: "Enter on its own shows the result.",
    summary_prompt: "Choice: ",
    not_a_summary_choice: "“{input}” is not one of the choices. Type a number from 1 to {max}, or just Enter.",
    commands: "Type b to go back, ? to repeat the question and q to quit.",
    code: "Answer code",
    code_hint: "With the code, the helpdesk can see the same result.",
    code_command: "Show the result again with the command: motesguide --code {code}",
    save_question: "Do you want to save the result as a Markdown file?",
    file_hint: "Type a file name or a path.",
    file_prompt: "File: ",
    default_file: "meeting-guide-result.md",
    default_file_numbered: "meeting-guide-result-{n}.md",
    exists: "The file already exists: {path}",
    overwrite: "Do you want to overwrite it?",
    saved: "Saved: {path}",
    not_saved: "Could not save {path}: {reason}",
    quit: "Exited. Nothing was saved.",
    done: "Done.",
    input_ended: "input ended before the guide finished ({where}); to evaluate answers without answering questions, use --answers FILE with a YAML answers file",
    at_question: "at question {n} of {total}, {step}",
    at_summary: "at the summary",
    at_save: "at the question about saving",
};

/// The words in `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}
