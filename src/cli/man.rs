//! `motesguide man`: the man page in roff, made from the same command as
//! `--help` and in the run's language. clap_mangen writes the title, the
//! name, the description and each command's options; the synopsis lists
//! the usage of the tool and of every command, and the examples, the
//! environment and the exit status come from the sections `--help` shows
//! after the options.

use std::io;

use clap::Command;
use clap_mangen::Man;
use roff::{Roff, bold, roman};

use super::help::{self, Both, pick};
use crate::text::Lang;

/// The lines `roff` opens every rendering with (they make `'` an
/// apostrophe); the page has them once, after its title.
const APOSTROPHES: &str = ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n";

/// clap_mangen's English section headings, in the other language.
const HEADINGS: &[(&str, Both)] = &[
    ("NAME", ("NAMN", "NAME")),
    ("SYNOPSIS", ("SYNOPSIS", "SYNOPSIS")),
    ("DESCRIPTION", ("BESKRIVNING", "DESCRIPTION")),
];

/// The man page in `lang`.
pub fn page(lang: Lang) -> io::Result<String> {
    let mut cmd = help::command(lang);
    let synopsis = usages(&mut cmd).join("\n");
    let man = Man::new(cmd.clone().override_usage(synopsis));
    let mut page = String::new();
    page.push_str(&rendered(|w| man.render_title(w))?);
    page.push_str(APOSTROPHES);
    for render in [
        Man::render_name_section,
        Man::render_synopsis_section,
        Man::render_description_section,
        Man::render_options_section,
    ] {
        page.push_str(&rendered(|w| render(&man, w))?);
    }
    page.push_str(&commands(&cmd, lang)?);
    let mut roff = Roff::new();
    for section in help::sections(lang) {
        roff.control("SH", [section.heading.to_uppercase().as_str()]);
        for (term, what) in section.rows {
            roff.control("TP", []);
            roff.text([bold(term)]);
            roff.text([roman(what)]);
        }
        if let Some(note) = section.note {
            roff.control("PP", []);
            roff.text([roman(note)]);
        }
    }
    page.push_str(&without_apostrophes(roff.render()));
    Ok(headings(&page, lang))
}

/// The usage of the tool and of each command but `help`.
fn usages(cmd: &mut Command) -> Vec<String> {
    let mut lines = vec![usage(cmd)];
    for sub in cmd.get_subcommands_mut() {
        if sub.get_name() != "help" {
            lines.push(usage(sub));
        }
    }
    lines
}

/// A command's usage line, without clap's "Usage:" heading.
fn usage(cmd: &mut Command) -> String {
    let line = cmd.render_usage().to_string();
    line.split_once(": ")
        .map_or(line.clone(), |(_, u)| u.to_owned())
}

/// Each command with its usage, what it does and its own options (the
/// global ones stand once, under the tool's).
fn commands(cmd: &Command, lang: Lang) -> io::Result<String> {
    let globals: Vec<String> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .map(|a| a.get_id().to_string())
        .collect();
    let mut roff = Roff::new();
    roff.control(
        "SH",
        [pick(lang, help::COMMANDS_HEADING).to_uppercase().as_str()],
    );
    let mut out = without_apostrophes(roff.render());
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let mut sub = sub.clone().mut_args(|a| {
            let id = a.get_id().as_str();
            if id == "help" || globals.iter().any(|g| g == id) {
                a.hide(true)
            } else {
                a
            }
        });
        let mut roff = Roff::new();
        roff.control("SS", [usage(&mut sub).as_str()]);
        if let Some(about) = sub.get_about() {
            roff.text([roman(about.to_string())]);
        }
        out.push_str(&without_apostrophes(roff.render()));
        // The command's options, under its heading rather than one of
        // their own.
        let options = rendered(|w| Man::new(sub).render_options_section(w))?;
        for line in options.lines().filter(|l| !l.starts_with(".SH")) {
            out.push_str(line);
            out.push('\n');
        }
    }
    Ok(out)
}

/// What `render` writes, without the apostrophe lines.
fn rendered(render: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> io::Result<String> {
    let mut out = Vec::new();
    render(&mut out)?;
    Ok(without_apostrophes(
        String::from_utf8_lossy(&out).into_owned(),
    ))
}

fn without_apostrophes(text: String) -> String {
    text.strip_prefix(APOSTROPHES)
        .map_or(text.clone(), str::to_owned)
}

/// The page with clap_mangen's headings in `lang`.
fn headings(page: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(page.len());
    for line in page.lines() {
        let heading = line.strip_prefix(".SH ").and_then(|h| {
            HEADINGS
                .iter()
                .find(|(en, _)| *en == h)
                .map(|(_, both)| pick(lang, *both))
        });
        match heading {
            Some(h) => {
                out.push_str(".SH ");
                out.push_str(h);
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}
