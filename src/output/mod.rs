//! Writing the site: into a fresh folder beside the output, swapped in only when complete.
//!
//! This is the `write` step, and the one place that writes files. A build
//! writes into a [`Sink`]: a [`Staging`] folder on disk, which is removed
//! unless [`Staging::commit`] is called, so a failed build never touches the
//! previous output; or [`Memory`] for `serve`.

pub(crate) mod sitemap;

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Where a build's files go.
pub(crate) trait Sink: Sync {
    /// Writes `bytes` at `relative`, a `/`-separated path inside the site.
    fn write(&self, relative: &str, bytes: &[u8]) -> io::Result<()>;
    /// Copies the file at `source` to `relative`.
    fn copy(&self, relative: &str, source: &Path) -> io::Result<()>;
    /// Writes `bytes`, made for this file alone, at `relative`: a sink that
    /// keeps files in memory keeps these bytes rather than a copy of them.
    fn write_shared(&self, relative: &str, bytes: Arc<[u8]>) -> io::Result<()> {
        self.write(relative, &bytes)
    }
}

/// `pieces` one after the other, made in place in the buffer a [`Memory`]
/// keeps ([`Sink::write_shared`]): a search index is megabytes, and each
/// copy of it costs a rebuild under `serve` milliseconds.
pub(crate) fn concat_shared<'a>(pieces: impl Iterator<Item = &'a [u8]> + Clone) -> Arc<[u8]> {
    let size = pieces.clone().map(<[u8]>::len).sum();
    let mut shared: Arc<[u8]> = std::iter::repeat_n(0, size).collect();
    match Arc::get_mut(&mut shared) {
        Some(buffer) => {
            let mut rest = buffer;
            for piece in pieces {
                // The same pieces as were measured, so each fits.
                let Some((head, tail)) = rest.split_at_mut_checked(piece.len()) else {
                    break;
                };
                head.copy_from_slice(piece);
                rest = tail;
            }
            shared
        }
        // Not reached: a buffer just made is not shared yet.
        None => pieces.flatten().copied().collect(),
    }
}

/// What a rebuild under `serve` no longer needs, freed after it (see [`free_later`]).
static HELD: Mutex<Vec<Box<dyn Send>>> = Mutex::new(Vec::new());

/// Frees `value` once the rebuild is done ([`free_held`]), not during it:
/// tens of thousands of small strings take milliseconds to free, and the
/// rebuild needs both cores. An editor's saves come seconds apart.
pub(crate) fn free_later<T: Send + 'static>(value: T) {
    let mut held = HELD.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    held.push(Box::new(value));
}

/// Frees, in the background, what [`free_later`] was given; `serve` calls it after each rebuild.
pub(crate) fn free_held() {
    let held = std::mem::take(&mut *HELD.lock().unwrap_or_else(|poisoned| poisoned.into_inner()));
    if !held.is_empty() {
        rayon::spawn(move || drop(held));
    }
}

/// The files of a site in memory, by site-relative path; shared, paths and
/// contents alike, so a copy (made after each edit under `serve`, while the
/// last one is still served) costs no bytes.
pub type Files = BTreeMap<Arc<str>, Arc<[u8]>>;

/// A whole site held in memory, by site-relative path.
#[derive(Debug, Default)]
pub struct Memory(Mutex<Files>);

impl Memory {
    /// Starts from the files of an earlier build, to write only what changed over them.
    pub(crate) fn from_files(files: Files) -> Self {
        Memory(Mutex::new(files))
    }

    /// Forgets a file that is no longer made.
    pub(crate) fn remove(&self, relative: &str) {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .remove(relative);
    }

    /// The files, once the build is done.
    pub fn into_files(self) -> Files {
        self.0
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Sink for Memory {
    fn write(&self, relative: &str, bytes: &[u8]) -> io::Result<()> {
        self.write_shared(relative, Arc::from(bytes))
    }

    fn copy(&self, relative: &str, source: &Path) -> io::Result<()> {
        let bytes = fs::read(source)?;
        self.write(relative, &bytes)
    }

    fn write_shared(&self, relative: &str, bytes: Arc<[u8]>) -> io::Result<()> {
        check_relative(relative)?;
        let mut files = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // A page written again keeps its path as it is shared.
        match files.get_mut(relative) {
            Some(file) => *file = bytes,
            None => {
                files.insert(Arc::from(relative), bytes);
            }
        }
        Ok(())
    }
}

/// Removes a folder and everything in it, folders side by side: a large
/// site's previous output is tens of thousands of files.
fn remove_tree(dir: &Path) -> io::Result<()> {
    use rayon::prelude::*;
    let entries: Vec<fs::DirEntry> = fs::read_dir(dir)?.collect::<io::Result<_>>()?;
    entries.par_iter().try_for_each(|entry| {
        // A link is removed, never followed.
        if entry.file_type()?.is_dir() {
            remove_tree(&entry.path())
        } else {
            fs::remove_file(entry.path())
        }
    })?;
    fs::remove_dir(dir)
}

/// Refuses any path that is not plain folders and a file name inside the site.
fn check_relative(relative: &str) -> io::Result<&Path> {
    let path = Path::new(relative);
    let safe = !relative.is_empty()
        && !relative.contains('\\')
        && path.components().all(|c| matches!(c, Component::Normal(_)));
    if safe {
        Ok(path)
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "refusing to write `{relative}`: it is not a plain path inside the output folder"
            ),
        ))
    }
}

/// A folder being filled with a new build of the site.
#[derive(Debug)]
pub(crate) struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates an empty folder beside `target` (same file system, so the swap is a rename).
    pub(crate) fn begin(target: &Path) -> io::Result<Staging> {
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent)?;
        let name = target
            .file_name()
            .map_or("public".into(), |n| n.to_string_lossy().into_owned());
        let dir = parent.join(format!(".{name}.torget-new-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir)?;
        }
        fs::create_dir(&dir)?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            committed: false,
        })
    }

    /// Where `relative` goes; anything that could leave the folder is refused.
    fn path_of(&self, relative: &str) -> io::Result<PathBuf> {
        Ok(self.dir.join(check_relative(relative)?))
    }

    /// Replaces the target folder with the new one.
    pub(crate) fn commit(mut self) -> io::Result<()> {
        let old = self.dir.with_file_name(format!(
            "{}.torget-old-{}",
            self.dir
                .file_name()
                .map_or("public".into(), |n| n.to_string_lossy().into_owned()),
            std::process::id()
        ));
        if self.target.exists() {
            fs::rename(&self.target, &old)?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.target) {
            // Put the previous output back so a failed swap loses nothing.
            if old.exists() {
                let _ = fs::rename(&old, &self.target);
            }
            return Err(e);
        }
        self.committed = true;
        if old.exists() {
            remove_tree(&old)?;
        }
        Ok(())
    }
}

impl Sink for Staging {
    fn write(&self, relative: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.path_of(relative)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, bytes)
    }

    fn copy(&self, relative: &str, source: &Path) -> io::Result<()> {
        let path = self.path_of(relative)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::copy(source, path).map(|_| ())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_refuses_escaping_paths_too() {
        let memory = Memory::default();
        memory.write("a/index.html", b"x").unwrap();
        assert!(memory.write("../x", b"x").is_err());
        assert!(memory.write_shared("../y", Arc::from(&b"y"[..])).is_err());
        assert_eq!(
            memory.into_files().keys().map(|k| &**k).collect::<Vec<_>>(),
            ["a/index.html"]
        );
    }

    #[test]
    fn pieces_are_joined_in_order() {
        let pieces = ["ab", "", "cde"].map(str::as_bytes);
        assert_eq!(&*concat_shared(pieces.into_iter()), b"abcde");
        assert!(concat_shared(std::iter::empty()).is_empty());
    }

    #[test]
    fn nothing_reaches_the_target_until_commit() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("old.html"), "old").unwrap();
        {
            let staging = Staging::begin(&target).unwrap();
            staging.write("index.html", b"new").unwrap();
        }
        assert_eq!(fs::read_to_string(target.join("old.html")).unwrap(), "old");
        assert_eq!(
            fs::read_dir(tmp.path()).unwrap().count(),
            1,
            "staging folder left behind"
        );

        let staging = Staging::begin(&target).unwrap();
        staging.write("a/b/index.html", b"new").unwrap();
        staging.commit().unwrap();
        assert!(!target.join("old.html").exists());
        assert_eq!(
            fs::read_to_string(target.join("a/b/index.html")).unwrap(),
            "new"
        );
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
    }

    #[test]
    fn paths_that_could_escape_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let staging = Staging::begin(&tmp.path().join("public")).unwrap();
        for bad in [
            "../x.html",
            "/etc/passwd",
            "a/../../x",
            "",
            "a\\..\\x",
            "./x",
        ] {
            assert!(staging.write(bad, b"x").is_err(), "{bad:?} was written");
        }
    }
}
