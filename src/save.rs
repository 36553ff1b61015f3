//! Saving a text file safely: the file is written beside its destination
//! and then moved into place, so a reader never sees half a file, and an
//! existing file is never replaced unless the person said so. A file
//! replaced keeps its permissions, and a symbolic link is written through
//! to its file. Shared by the
//! wizard's save dialog and the plain mode.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::messages::{Msg, io_detail, io_reason};
use crate::text::Lang;

/// Why a file was not written; each names the path concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The file is there already and overwriting was not asked for.
    Exists(PathBuf),
    /// The folder does not exist, or part of the path is a file.
    NoFolder(PathBuf),
    NoPermission(PathBuf),
    IsFolder(PathBuf),
    /// Anything else (a file name that is too long, a full disk), with its
    /// reason already in the language [`save`] was given: the faces show
    /// it as it is.
    Other(PathBuf, String),
}

impl SaveError {
    /// Why the file was not written, in `lang`.
    pub fn reason(&self, lang: Lang) -> String {
        match self {
            SaveError::Exists(_) => Msg::FileExists.get(lang).to_owned(),
            SaveError::NoFolder(_) => Msg::NoFolder.get(lang).to_owned(),
            SaveError::NoPermission(_) => Msg::NoPermission.get(lang).to_owned(),
            SaveError::IsFolder(_) => Msg::IsFolder.get(lang).to_owned(),
            SaveError::Other(_, why) => why.clone(),
        }
    }

    /// The path concerned.
    pub fn path(&self) -> &Path {
        match self {
            SaveError::Exists(p)
            | SaveError::NoFolder(p)
            | SaveError::NoPermission(p)
            | SaveError::IsFolder(p)
            | SaveError::Other(p, _) => p,
        }
    }
}

/// The file a typed name stands for: `~/` is the home folder, a relative
/// name is taken from `base`, and a folder gets `default_name` in it.
pub fn resolve(typed: &str, base: &Path, default_name: &str) -> PathBuf {
    let path = expand(typed, base);
    if typed.ends_with('/') || path.is_dir() {
        path.join(default_name)
    } else {
        path
    }
}

/// Where a typed name points, from the text alone (no look at the disk,
/// so the dialog can show it while drawing).
pub fn expand(typed: &str, base: &Path) -> PathBuf {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    match (typed, home) {
        ("~", Some(home)) => home,
        (t, Some(home)) if t.starts_with("~/") => home.join(&t[2..]),
        (t, _) => base.join(t),
    }
}

/// Writes `text` to `path` atomically: a temporary file in the same folder,
/// synced, then linked or renamed into place, and the folder synced. Without
/// `overwrite` an existing file is left alone and reported as
/// [`SaveError::Exists`]. A file overwritten keeps its permissions; a new
/// one gets what the umask gives. A symbolic link is written through: the
/// file it leads to is replaced and the link stays. `lang` is the language
/// of the reason in [`SaveError::Other`].
pub fn save(path: &Path, text: &str, overwrite: bool, lang: Lang) -> Result<PathBuf, SaveError> {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    if path.is_dir() {
        return Err(SaveError::IsFolder(path));
    }
    let target = followed(&path, lang)?;
    let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else {
        return Err(SaveError::IsFolder(path));
    };
    let existing = fs::metadata(&target).ok();
    if !overwrite && existing.is_some() {
        return Err(SaveError::Exists(path));
    }
    let (tmp, mut file) =
        temp_file(dir, &name.to_string_lossy()).map_err(|e| error(&path, &e, lang))?;
    // Who may read the file stays as it was, set before a byte is written.
    let kept = match &existing {
        Some(old) => file.set_permissions(old.permissions()),
        None => Ok(()),
    };
    let written = kept
        .and_then(|()| file.write_all(text.as_bytes()))
        .and_then(|()| file.sync_all());
    drop(file);
    let placed = written.and_then(|()| {
        if overwrite {
            fs::rename(&tmp, &target)
        } else {
            place_new(&tmp, &target)
        }
    });
    let _ = fs::remove_file(&tmp);
    match placed {
        Ok(()) => {
            sync_folder(dir);
            Ok(path)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(SaveError::Exists(path)),
        Err(e) => Err(error(&path, &e, lang)),
    }
}

/// How many links are followed before they count as a loop (Linux's own
/// limit).
const MAX_LINKS: usize = 40;

/// The file `path` leads to: a symbolic link followed, link by link, to
/// the file it names (which need not exist yet), so that saving replaces
/// that file and leaves the link a link. A relative link is read from its
/// own folder.
fn followed(path: &Path, lang: Lang) -> Result<PathBuf, SaveError> {
    let mut at = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let to = fs::read_link(&at).map_err(|e| error(path, &e, lang))?;
                at = match at.parent() {
                    Some(folder) => folder.join(to),
                    None => to,
                };
            }
            // Not a link, or not there: saving creates it, or says why not.
            _ => return Ok(at),
        }
    }
    Err(SaveError::Other(
        path.to_path_buf(),
        Msg::LinkLoop.get(lang).to_owned(),
    ))
}

/// Makes the new name in `dir` durable. The file is already in place and
/// synced, so a folder that cannot be synced (some file systems refuse) is
/// not a failure to report.
fn sync_folder(dir: &Path) {
    if let Ok(folder) = File::open(dir) {
        let _ = folder.sync_all();
    }
}

/// Puts `tmp` at `path` only if nothing is there: a hard link fails rather
/// than replace, so a file created meanwhile is not lost. Where hard links
/// are not supported, a check and a rename do.
fn place_new(tmp: &Path, path: &Path) -> io::Result<()> {
    match fs::hard_link(tmp, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) if path.exists() => Err(io::ErrorKind::AlreadyExists.into()),
        Err(_) => fs::rename(tmp, path),
    }
}

/// A new hidden file beside the destination, never one that exists.
fn temp_file(dir: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    let mut n = 0u32;
    loop {
        let tmp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 100 => n += 1,
            Err(e) => return Err(e),
        }
    }
}

/// An I/O failure as a [`SaveError`]. The file itself is never missing
/// (it is being created), so "not found" and "not a directory" both mean
/// the folder is not there.
fn error(path: &Path, e: &io::Error, lang: Lang) -> SaveError {
    let path = path.to_path_buf();
    match e.kind() {
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory => SaveError::NoFolder(path),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            SaveError::NoPermission(path)
        }
        io::ErrorKind::IsADirectory => SaveError::IsFolder(path),
        io::ErrorKind::AlreadyExists => SaveError::Exists(path),
        kind => SaveError::Other(path, io_reason(kind, &io_detail(e), lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("motesguide-save-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn writes_a_new_file_and_leaves_no_temporary_file() {
        let dir = scratch("new");
        let path = dir.join("a.md");
        assert_eq!(save(&path, "hej\n", false, Lang::Sv), Ok(path.clone()));
        assert_eq!(fs::read_to_string(&path).unwrap(), "hej\n");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn never_overwrites_unless_asked() {
        let dir = scratch("exists");
        let path = dir.join("a.md");
        fs::write(&path, "old").unwrap();
        assert_eq!(
            save(&path, "new", false, Lang::Sv),
            Err(SaveError::Exists(path.clone()))
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(save(&path, "new", true, Lang::Sv), Ok(path.clone()));
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn reports_a_missing_folder_and_a_folder_as_target() {
        let dir = scratch("errors");
        let missing = dir.join("nope").join("a.md");
        let e = save(&missing, "x", false, Lang::Sv).unwrap_err();
        assert_eq!(e, SaveError::NoFolder(missing.clone()));
        assert_eq!(e.reason(Lang::Sv), "mappen finns inte");
        assert_eq!(e.reason(Lang::En), "the folder does not exist");
        // A file where a folder should be: the folder does not exist.
        fs::write(dir.join("file.md"), "x").unwrap();
        let through_file = dir.join("file.md").join("a.md");
        let e = save(&through_file, "x", false, Lang::Sv).unwrap_err();
        assert_eq!(e, SaveError::NoFolder(through_file.clone()));
        assert_eq!(e.reason(Lang::Sv), "mappen finns inte");
        assert_eq!(
            save(&dir, "x", false, Lang::Sv),
            Err(SaveError::IsFolder(dir.clone()))
        );
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_name_too_long_is_said_in_the_language_asked() {
        let dir = scratch("long");
        let long = dir.join(format!("{}.md", "å".repeat(200)));
        let e = save(&long, "x", false, Lang::Sv).unwrap_err();
        assert_eq!(
            e,
            SaveError::Other(long.clone(), "filnamnet är för långt".to_owned())
        );
        assert_eq!(e.path(), long);
        let e = save(&long, "x", false, Lang::En).unwrap_err();
        assert_eq!(e.reason(Lang::En), "the file name is too long");
        assert_eq!(
            fs::read_dir(&dir).unwrap().count(),
            0,
            "nothing left behind"
        );
        fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[cfg(unix)]
    fn is_link(path: &Path) -> bool {
        fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
    }

    #[cfg(unix)]
    #[test]
    fn overwriting_keeps_the_files_permissions_and_a_new_file_gets_the_default() {
        use std::os::unix::fs::PermissionsExt;
        let dir = scratch("modes");
        // 0604 differs from what any umask gives a new file, so keeping it
        // cannot pass by chance.
        for kept in [0o600, 0o604, 0o640] {
            let path = dir.join(format!("{kept:o}.md"));
            fs::write(&path, "old").unwrap();
            fs::set_permissions(&path, fs::Permissions::from_mode(kept)).unwrap();
            assert_eq!(save(&path, "new", true, Lang::Sv), Ok(path.clone()));
            assert_eq!(fs::read_to_string(&path).unwrap(), "new");
            assert_eq!(mode(&path), kept, "{kept:o}");
        }
        // A new file is created as any other program creates one: the
        // umask decides.
        let reference = dir.join("reference");
        fs::write(&reference, "").unwrap();
        let new = dir.join("new.md");
        assert_eq!(save(&new, "x", false, Lang::Sv), Ok(new.clone()));
        assert_eq!(mode(&new), mode(&reference));
        fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn saving_through_a_link_writes_its_target_and_keeps_the_link() {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let dir = scratch("link");
        let (here, there) = (dir.join("here"), dir.join("there"));
        fs::create_dir_all(&here).unwrap();
        fs::create_dir_all(&there).unwrap();
        let target = there.join("target.md");
        fs::write(&target, "old").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).unwrap();
        // A relative link to a link in another folder.
        symlink("target.md", there.join("middle.md")).unwrap();
        let link = here.join("link.md");
        symlink("../there/middle.md", &link).unwrap();

        assert_eq!(
            save(&link, "new", false, Lang::Sv),
            Err(SaveError::Exists(link.clone()))
        );
        assert_eq!(save(&link, "new", true, Lang::Sv), Ok(link.clone()));
        assert!(is_link(&link));
        assert!(is_link(&there.join("middle.md")));
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(mode(&target), 0o600);
        // No temporary file left in either folder.
        assert_eq!(fs::read_dir(&here).unwrap().count(), 1);
        assert_eq!(fs::read_dir(&there).unwrap().count(), 2);

        // A link to a file not there yet: the file is made where it points.
        let dangling = here.join("dangling.md");
        symlink("../there/later.md", &dangling).unwrap();
        assert_eq!(save(&dangling, "x", false, Lang::Sv), Ok(dangling.clone()));
        assert!(is_link(&dangling));
        assert_eq!(fs::read_to_string(there.join("later.md")).unwrap(), "x");
        fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_loop_of_links_is_refused() {
        use std::os::unix::fs::symlink;
        let dir = scratch("loop");
        let (a, b) = (dir.join("a.md"), dir.join("b.md"));
        symlink("b.md", &a).unwrap();
        symlink("a.md", &b).unwrap();
        assert_eq!(
            save(&a, "x", true, Lang::En),
            Err(SaveError::Other(
                a.clone(),
                "the link goes round in a loop and never reaches a file".to_owned()
            ))
        );
        assert!(is_link(&a));
        assert!(is_link(&b));
        assert_eq!(
            fs::read_dir(&dir).unwrap().count(),
            2,
            "nothing left behind"
        );
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn resolves_relative_names_and_folders() {
        let dir = scratch("resolve");
        assert_eq!(resolve("x.md", &dir, "d.md"), dir.join("x.md"));
        assert_eq!(resolve(".", &dir, "d.md"), dir.join(".").join("d.md"));
        assert_eq!(resolve("sub/", &dir, "d.md"), dir.join("sub/").join("d.md"));
        fs::remove_dir_all(dir).unwrap();
    }
}
