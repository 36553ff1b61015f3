//! Policy content: loading a content folder and checking it.
//!
//! The built-in content is the repository's `content/` folder, embedded at
//! build time; `--content DIR` reads another folder through the same loader.

pub mod condition;
mod load;
pub mod model;
pub mod precedence;
pub mod problem;
mod raw;

use std::collections::HashSet;
use std::path::Path;

use crate::messages::io_detail;
use crate::quote::quote_path;
use crate::yaml;

pub use model::*;
pub use problem::{ContentError, Counterexample, Problem};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_content.rs"));
}

/// What `origin` says for the content built into the binary.
pub const BUILT_IN: &str = "the built-in content";

/// The content built into the binary.
///
/// `build.rs` loaded `content/` with this module's loader, ran every
/// per-file and reference check on it (a folder that fails them fails the
/// build) and stored the result; this only reads it back, in microseconds.
/// The whole-answer-space checks run in `cargo test` and in `motesguide
/// validate`, which reads the YAML itself ([`built_in_from_yaml`]).
pub fn built_in() -> Result<Content, ContentError> {
    Ok(postcard::from_bytes(embedded::LOADED)
        .expect("build.rs stored the built-in content with this very model"))
}

/// Loads the built-in content from its YAML, with the per-file and
/// reference checks, as `--content` loads a folder: what `validate` checks.
pub fn built_in_from_yaml() -> Result<Content, ContentError> {
    let files = embedded::FILES
        .iter()
        .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
        .collect();
    load::load(BUILT_IN, files)
}

/// Loads content from (relative path, text) pairs, as a folder would give
/// them, with the per-file and reference checks only: for programs that
/// hold their content in memory, and for tests that generate it.
pub fn from_files(origin: &str, files: Vec<(String, String)>) -> Result<Content, ContentError> {
    load::load(origin, files)
}

/// Loads a content folder with the per-file and reference checks only.
pub fn load_unchecked(dir: &Path) -> Result<Content, ContentError> {
    let origin = dir.display().to_string();
    let files = read_dir(dir).map_err(|message| ContentError {
        origin: origin.clone(),
        problems: vec![Problem {
            file: origin.clone(),
            line: None,
            column: None,
            message,
            ..Default::default()
        }],
    })?;
    load::load(&origin, files)
}

/// Reads every YAML file below `dir` as (relative path, text), in the
/// order of the paths.
///
/// A content folder may come from anyone, so the walk is careful: a link to
/// a folder is followed only within the folder, and each folder is read
/// once (a link back up is no endless loop, a link to `/` no walk of the
/// disk); only regular files are read, found out without opening them (a
/// FIFO would block, `/dev/zero` never end); and no file is read past
/// [`yaml::MAX_FILE_BYTES`]. Hidden folders (`.git`) are not entered. A
/// folder of more than [`MAX_ENTRIES`]
/// entries, or more than [`MAX_FOLDER_BYTES`] of YAML in all, is refused
/// before it is read through.
fn read_dir(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let root = match dir.canonicalize() {
        Ok(root) if root.is_dir() => root,
        _ => {
            return Err("not a folder that can be read; give the path of a content folder".into());
        }
    };
    let mut out = Vec::new();
    let (mut entries_seen, mut bytes) = (0usize, 0u64);
    let mut read = HashSet::from([root.clone()]);
    let mut stack = vec![(dir.to_path_buf(), Vec::<String>::new())];
    while let Some((d, steps)) = stack.pop() {
        let shown_dir = if steps.is_empty() {
            quote_path(&d.display().to_string())
        } else {
            quote_path(&steps.join("/"))
        };
        let entries = std::fs::read_dir(&d)
            .map_err(|e| format!("{shown_dir}: cannot read: {}", io_detail(&e)))?;
        for entry in entries {
            let entry =
                entry.map_err(|e| format!("{shown_dir}: cannot read: {}", io_detail(&e)))?;
            entries_seen += 1;
            if entries_seen > MAX_ENTRIES {
                return Err(format!(
                    "more than {MAX_ENTRIES} files and folders; a content folder holds a few dozen"
                ));
            }
            let path = entry.path();
            let mut rel = steps.clone();
            rel.push(entry.file_name().to_string_lossy().into_owned());
            let shown = quote_path(&rel.join("/"));
            // What the entry is, through a link: `stat` opens nothing.
            let Ok(meta) = std::fs::metadata(&path) else {
                if is_yaml(&path) {
                    return Err(format!("{shown}: cannot read: a link to nothing"));
                }
                continue;
            };
            if meta.is_dir() {
                // Hidden folders (.git, an editor's) hold no content.
                if entry.file_name().to_string_lossy().starts_with('.') {
                    continue;
                }
                let real = path
                    .canonicalize()
                    .map_err(|e| format!("{shown}: cannot read: {}", io_detail(&e)))?;
                if !real.starts_with(&root) {
                    return Err(format!(
                        "{shown}: a link to a folder outside the content folder ({}); links to folders are followed only within it",
                        quote_path(&real.display().to_string())
                    ));
                }
                if read.insert(real) {
                    stack.push((path, rel));
                }
            } else if is_yaml(&path) {
                let too_much = || {
                    format!(
                        "more than {} MiB of YAML in all; a content folder holds a few hundred kilobytes",
                        MAX_FOLDER_BYTES >> 20
                    )
                };
                // What the file says it holds, before reading it; then
                // what was read (a file under /proc says 0 and holds more).
                if bytes + meta.len() > MAX_FOLDER_BYTES {
                    return Err(too_much());
                }
                let text = read_file(&path, &meta).map_err(|why| format!("{shown}: {why}"))?;
                bytes += text.len() as u64;
                if bytes > MAX_FOLDER_BYTES {
                    return Err(too_much());
                }
                out.push((rel.join("/"), text));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The most files and folders a content folder may hold, all its
/// subfolders counted: the built-in one holds about thirty.
pub const MAX_ENTRIES: usize = 50_000;

/// The most bytes of YAML a content folder may hold in all: the built-in
/// one holds about 100 KB, one of 35 questions and 200 rules a few times
/// that.
pub const MAX_FOLDER_BYTES: u64 = 64 << 20;

fn is_yaml(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

/// The text of the content file at `path`, whose metadata (through any
/// link) is `meta`, or why it cannot be read.
fn read_file(path: &Path, meta: &std::fs::Metadata) -> Result<String, String> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;

    let kib = yaml::MAX_FILE_BYTES / 1024;
    let too_large =
        || format!("larger than {kib} KiB; a content file is a YAML text of a few dozen kilobytes");
    if !meta.is_file() {
        return Err(
            "not a regular file (a device, a FIFO or a socket); a content file is a YAML text file"
                .into(),
        );
    }
    if meta.len() > yaml::MAX_FILE_BYTES {
        return Err(too_large());
    }
    // Should it have been swapped for a FIFO since, opening does not wait.
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| format!("cannot read: {}", io_detail(&e)))?;
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return Err("not a regular file; a content file is a YAML text file".into());
    }
    let mut bytes = Vec::new();
    file.take(yaml::MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {}", io_detail(&e)))?;
    if bytes.len() as u64 > yaml::MAX_FILE_BYTES {
        return Err(too_large());
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What build.rs stored is what the loader makes of the YAML now:
    /// the YAML stays the one source of truth.
    #[test]
    fn the_stored_built_in_content_is_the_yaml_loaded() {
        let stored = built_in().expect("the stored content reads back");
        let from_yaml = built_in_from_yaml().expect("the built-in YAML loads");
        assert_eq!(format!("{stored:?}"), format!("{from_yaml:?}"));
    }
}
