//! The tool's own words (labels, headings, messages) in both languages.
//!
//! Policy text never lives here: questions, rules, items and warnings come
//! from the content folder. These are the words around them.

use crate::text::Lang;

/// Labels shared by every output and view.
#[derive(Debug)]
pub struct Ui {
    pub yes: &'static str,
    pub no: &'static str,
    pub unknown: &'static str,
    pub not_stated: &'static str,
    pub none_selected: &'static str,
    pub section: &'static str,
    /// Before two or more sections of one document.
    pub sections: &'static str,
    pub title: &'static str,
    pub profile: &'static str,
    pub documents: &'static str,
    pub information_class: &'static str,
    pub platforms: &'static str,
    pub permitted: &'static str,
    pub ruled_out: &'static str,
    pub no_digital_meeting: &'static str,
    pub digital_allowed_on: &'static str,
    pub recording: &'static str,
    pub recording_not_planned: &'static str,
    pub recording_allowed: &'static str,
    pub recording_forbidden: &'static str,
    pub retention: &'static str,
    pub no_retention_rule: &'static str,
    pub organiser_checklist: &'static str,
    pub participant_checklist: &'static str,
    pub warnings: &'static str,
    pub why: &'static str,
    pub source: &'static str,
    pub answers: &'static str,
    pub open_answers: &'static str,
    pub open_answers_intro: &'static str,
    pub if_answer: &'static str,
    pub assumed: &'static str,
    pub applies_if: &'static str,
    pub and: &'static str,
    pub or: &'static str,
    pub not: &'static str,
    pub tips: &'static str,
    pub unused_answers: &'static str,
    pub asked_only_when: &'static str,
    pub unused_effect: &'static str,
    pub implied_effect: &'static str,
    pub answer_code: &'static str,
    pub reopens: &'static str,
    pub date: &'static str,
    pub content_version: &'static str,
    pub hypothetical: &'static str,
    /// The first line of a result shown before every question was answered.
    pub early: &'static str,
    pub not_answered: &'static str,
    /// In place of the answer code while questions are unanswered.
    pub no_code_yet: &'static str,
    /// The early result's mark in short; `{n}` is the number of open questions.
    pub early_short: &'static str,
    pub class_word: &'static str,
    pub because: &'static str,
    pub nothing: &'static str,
    pub compare: &'static str,
    pub compare_same: &'static str,
    pub compare_differs: &'static str,
    pub what_if: &'static str,
    pub what_if_intro: &'static str,
    pub what_if_none: &'static str,
    pub any_option: &'static str,
}

const SV: Ui = Ui {
    yes: "Ja",
    no: "Nej",
    unknown: "Vet ej",
    not_stated: "Ej angivet",
    none_selected: "Inga",
    section: "avsnitt",
    sections: "avsnitten",
    title: "Mötesguide – säkra digitala möten",
    profile: "Profil",
    documents: "Styrdokument",
    information_class: "Informationsklass",
    platforms: "Plattform",
    permitted: "Tillåtna plattformar",
    ruled_out: "Inte tillåtna",
    no_digital_meeting: "INGET DIGITALT MÖTE – mötet får inte hållas digitalt",
    digital_allowed_on: "Digitalt möte tillåtet på",
    recording: "Inspelning",
    recording_not_planned: "Ingen inspelning planerad",
    recording_allowed: "Inspelning TILLÅTEN",
    recording_forbidden: "Inspelning INTE TILLÅTEN",
    retention: "Lagring och gallring",
    no_retention_rule: "Inget styrdokument anger hur länge den sparas",
    organiser_checklist: "Checklista för mötesorganisatören",
    participant_checklist: "Checklista för deltagarna",
    warnings: "Varningar",
    why: "Varför – regler som tillämpats",
    source: "Källa",
    answers: "Svar",
    open_answers: "Svar som skulle ändra utfallet",
    open_answers_intro: "Du svarade ”vet ej”. Guiden har utgått från det strängaste utfallet. Med ett bestämt svar blir utfallet:",
    if_answer: "om",
    assumed: "antaget eftersom ett svar är ”vet ej”",
    applies_if: "gäller om",
    and: "och",
    or: "eller",
    not: "inte",
    tips: "Tips för alla som deltar (råd, inte krav)",
    unused_answers: "Svar som inte används som de angavs",
    asked_only_when: "frågan ställs bara när",
    unused_effect: "guiden har bortsett från svaret",
    implied_effect: "guiden räknar med",
    answer_code: "Svarskod",
    reopens: "öppnar samma svar",
    date: "Datum",
    content_version: "Innehållsversion",
    hypothetical: "HYPOTETISKT – inte mötets resultat. Ändrat:",
    early: "AVGJORT AV SVAREN HITTILLS – hur de obesvarade frågorna än besvaras får mötet inte hållas digitalt. Obesvarade:",
    not_answered: "Inte besvarad",
    no_code_yet: "ges när alla frågor är besvarade",
    early_short: "Avgjort redan – gäller hur de {n} obesvarade frågorna än besvaras",
    class_word: "klass",
    because: "eftersom",
    nothing: "Inga",
    compare: "Jämförelse av profiler",
    compare_same: "Profilerna ger samma beslut.",
    compare_differs: "Profilerna ger olika beslut.",
    what_if: "Vad händer om …",
    what_if_intro: "Enskilda svar som, om de ändras, skulle ändra plattform eller inspelningsbeslut:",
    what_if_none: "Inget enskilt ändrat svar skulle ändra plattform eller inspelningsbeslut.",
    any_option: "vilken som helst av dem",
};

const EN: Ui = Ui {
    yes: "Yes",
    no: "No",
    unknown: "Don't know",
    not_stated: "Not stated",
    none_selected: "None",
    section: "section",
    sections: "sections",
    title: "Meeting guide – secure digital meetings",
    profile: "Profile",
    documents: "Policy documents",
    information_class: "Information class",
    platforms: "Platform",
    permitted: "Permitted platforms",
    ruled_out: "Not permitted",
    no_digital_meeting: "NO DIGITAL MEETING – the meeting may not be held digitally",
    digital_allowed_on: "Digital meeting permitted on",
    recording: "Recording",
    recording_not_planned: "No recording planned",
    recording_allowed: "Recording ALLOWED",
    recording_forbidden: "Recording NOT ALLOWED",
    retention: "Storage and disposal",
    no_retention_rule: "No policy document says how long it is kept",
    organiser_checklist: "Checklist for the organiser",
    participant_checklist: "Checklist for participants",
    warnings: "Warnings",
    why: "Why – rules applied",
    source: "Source",
    answers: "Answers",
    open_answers: "Answers that would change the outcome",
    open_answers_intro: "You answered “don't know”. The guide has assumed the strictest outcome. With a definite answer, the outcome would be:",
    if_answer: "if",
    assumed: "assumed because an answer is “don't know”",
    applies_if: "applies if",
    and: "and",
    or: "or",
    not: "not",
    tips: "Tips for everyone taking part (advice, not requirements)",
    unused_answers: "Answers not used as given",
    asked_only_when: "the question is asked only when",
    unused_effect: "the guide has disregarded the answer",
    implied_effect: "the guide assumes",
    answer_code: "Answer code",
    reopens: "reopens the same answers",
    date: "Date",
    content_version: "Content version",
    hypothetical: "HYPOTHETICAL – not the meeting's result. Changed:",
    early: "DECIDED BY THE ANSWERS SO FAR – however the unanswered questions are answered, the meeting may not be held digitally. Unanswered:",
    not_answered: "Not answered",
    no_code_yet: "given once every question is answered",
    early_short: "Decided already – whatever the answers to the {n} unanswered questions",
    class_word: "class",
    because: "because",
    nothing: "None",
    compare: "Profiles compared",
    compare_same: "The profiles give the same decision.",
    compare_differs: "The profiles give different decisions.",
    what_if: "What if …",
    what_if_intro: "Single answers that, if changed, would change the platform or the recording decision:",
    what_if_none: "No single changed answer would change the platform or the recording decision.",
    any_option: "any of them",
};

impl Ui {
    /// The mark before a platform that is ruled out: a symbol and a word,
    /// never colour alone.
    pub fn ruled_out_prefix(&self) -> String {
        format!("✗ {}:", self.ruled_out)
    }

    /// The lead-in of a reason under a ruled-out platform.
    pub fn because_prefix(&self) -> String {
        let mut c = self.because.chars();
        let word: String = c
            .next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default();
        format!("{word}:")
    }
}

/// The labels in `lang`.
pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

/// Text in the quotation marks of `lang`: ”…” in Swedish, “…” in English.
pub fn quoted(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("\u{201d}{text}\u{201d}"),
        Lang::En => format!("\u{201c}{text}\u{201d}"),
    }
}
