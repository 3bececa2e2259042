//! `buildEnv PACKAGES-FILE`: the builder side of the standard library's `buildEnv`
//! (`stdlib/build-env.nix`), which merges the installed outputs of several packages
//! into one tree of symlinks, `$out$extraPrefix`, as nixpkgs' buildenv does.
//!
//! The package list (the outputs to install and the priority of each package, chosen
//! in Nix) is JSON in `PACKAGES-FILE`; the flags are the build's environment variables
//! (`pathsToLink`, `extraPrefix`, `ignoreCollisions`, `checkCollisionContents`,
//! `ignoreSingleFileOutputs`, `manifest`). A path only one package has becomes one
//! symlink, even a directory; only directories several packages have are merged, entry
//! by entry. Of two colliding files, the package with the lower priority number wins;
//! files that resolve to the same path, or (with `checkCollisionContents`) have the
//! same contents and permissions, do not collide; any other collision is an error (a
//! warning with `ignoreCollisions`). Packages named in an installed output's
//! `nix-support/propagated-user-env-packages` are added after the others, with
//! priorities from 1000 on and their collisions ignored silently. Last come the
//! directories listed in the file `extraPathsFrom` names (one path a line: the closures
//! of the packages, with `includeClosures`), with priority 1000 and the collision
//! settings of the packages.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::Read;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// The priority of the first package propagated through
/// `propagated-user-env-packages` (each next one gets the next number), and of every
/// path of `extraPathsFrom`.
const PROPAGATED_PRIORITY: i64 = 1000;

/// Runs `buildEnv PACKAGES-FILE` with the settings of the build's environment.
pub(crate) fn build_env(packages_file: &Path) -> Result<(), String> {
    let settings = Settings::from_env()?;
    let packages = read_packages(packages_file)?;
    build(&settings, &packages)
}

/// What the derivation asks of the environment.
struct Settings {
    /// `$out`, where the manifest link goes.
    out: PathBuf,
    /// `$out$extraPrefix`, the root of the tree of links.
    root: PathBuf,
    /// The subtrees to link (`pathsToLink`), relative to each package.
    paths_to_link: Vec<String>,
    ignore_collisions: bool,
    check_collision_contents: bool,
    ignore_single_file_outputs: bool,
    /// What `$out/manifest` links to, when not empty.
    manifest: String,
    /// The file listing more paths to merge, when not empty.
    extra_paths_from: PathBuf,
    /// The store directory: a package that is a file directly in it is refused.
    store_dir: PathBuf,
}

impl Settings {
    /// The settings in the build's environment variables.
    fn from_env() -> Result<Settings, String> {
        let var = |name: &str| std::env::var_os(name).unwrap_or_default();
        let flag = |name: &str| var(name) == "1";
        let out = std::env::var_os("out").ok_or("the build has no 'out' output")?;
        let mut root = out.clone();
        root.push(var("extraPrefix"));
        Ok(Settings {
            out: out.into(),
            root: root.into(),
            paths_to_link: var("pathsToLink")
                .to_string_lossy()
                .split_whitespace()
                .map(str::to_owned)
                .collect(),
            ignore_collisions: flag("ignoreCollisions"),
            check_collision_contents: flag("checkCollisionContents"),
            ignore_single_file_outputs: flag("ignoreSingleFileOutputs"),
            manifest: var("manifest").to_string_lossy().into_owned(),
            extra_paths_from: var("extraPathsFrom").into(),
            store_dir: ferrix_store::STORE_DIR.into(),
        })
    }
}

/// One package of the list: the outputs to install, and its priority (lower wins).
struct Package {
    paths: Vec<String>,
    priority: i64,
}

/// The package list in `file`: `[{"paths": [STRING...], "priority": INTEGER}...]`.
fn read_packages(file: &Path) -> Result<Vec<Package>, String> {
    let bad = |why: &str| format!("bad package list in '{}': {why}", file.display());
    let text = fs::read_to_string(file).map_err(|e| io_error("read", file, e))?;
    let json: Value = serde_json::from_str(&text).map_err(|e| bad(&e.to_string()))?;
    let list = json.as_array().ok_or_else(|| bad("not a list"))?;
    list.iter()
        .map(|p| package(p).ok_or_else(|| bad("a package needs 'paths' (strings) and an integer 'priority'")))
        .collect()
}

fn package(value: &Value) -> Option<Package> {
    let paths = value.get("paths")?.as_array()?;
    Some(Package {
        paths: paths.iter().map(|p| p.as_str().map(str::to_owned)).collect::<Option<_>>()?,
        priority: value.get("priority")?.as_i64()?,
    })
}

/// Merges `packages` (and what they propagate) into the tree at `settings.root`.
fn build(settings: &Settings, packages: &[Package]) -> Result<(), String> {
    let mut merge = Merge::new(settings);
    let collisions = if settings.ignore_collisions { Collisions::Warn } else { Collisions::Fail };
    for package in packages {
        for path in package.paths.iter().filter(|p| Path::new(p).exists()) {
            merge.add_package(path.into(), collisions, package.priority)?;
        }
    }
    merge.add_propagated()?;
    if !settings.extra_paths_from.as_os_str().is_empty() {
        for dir in extra_paths(&settings.extra_paths_from)? {
            merge.add_package(dir, collisions, PROPAGATED_PRIORITY)?;
        }
    }
    let links = merge.create()?;
    eprintln!("created {links} symlinks in user environment");
    if !settings.manifest.is_empty() {
        let link = settings.out.join("manifest");
        std::os::unix::fs::symlink(&settings.manifest, &link)
            .map_err(|e| format!("cannot create manifest '{}': {e}", link.display()))?;
    }
    Ok(())
}

/// The directories among the paths listed in `file`, one a line.
fn extra_paths(file: &Path) -> Result<Vec<OsString>, String> {
    let text = fs::read(file).map_err(|e| format!("cannot open extra paths file {}: {e}", file.display()))?;
    let lines = text.split(|b| *b == b'\n').map(|line| OsStr::from_bytes(line).to_owned());
    Ok(lines.filter(|line| Path::new(line).is_dir()).collect())
}

/// What a collision between two files does.
#[derive(Clone, Copy)]
enum Collisions {
    Fail,
    Warn,
    Silent,
}

/// What the environment holds at one relative path.
enum Node {
    /// A directory, merged from several packages (or above a path to link).
    Dir,
    /// A symlink to this path of a package.
    Link(PathBuf),
}

struct Entry {
    node: Node,
    priority: i64,
}

/// A path of a package to place at `rel` in the environment.
struct Visit {
    rel: OsString,
    target: PathBuf,
    priority: i64,
}

/// The environment being planned: each relative path ("" for the root, else
/// "/a/b") and what goes there, in byte order, so parents come before children.
struct Merge<'a> {
    settings: &'a Settings,
    entries: BTreeMap<OsString, Entry>,
    done: HashSet<OsString>,
    postponed: BTreeSet<OsString>,
}

impl<'a> Merge<'a> {
    /// Starts with the root and every path to link and its parents as directories, so
    /// that they are never one package's symlink.
    fn new(settings: &'a Settings) -> Merge<'a> {
        let mut entries = BTreeMap::new();
        let dir = || Entry { node: Node::Dir, priority: 0 };
        entries.insert(OsString::new(), dir());
        for path in &settings.paths_to_link {
            let mut rel = String::new();
            for part in path.trim_end_matches('/').split('/') {
                rel = if rel.is_empty() && part.is_empty() { String::new() } else { format!("{rel}/{part}") };
                entries.insert(rel.clone().into(), dir());
            }
        }
        Merge { settings, entries, done: HashSet::new(), postponed: BTreeSet::new() }
    }

    /// Adds the package output `dir` (once), and notes what it propagates.
    fn add_package(&mut self, dir: OsString, collisions: Collisions, priority: i64) -> Result<(), String> {
        if !self.done.insert(dir.clone()) {
            return Ok(());
        }
        let root = Visit { rel: OsString::new(), target: PathBuf::from(&dir), priority };
        // An explicit stack, in the order of a depth-first walk.
        let mut todo = vec![root];
        while let Some(visit) = todo.pop() {
            let children = self.visit(visit, collisions)?;
            todo.extend(children.into_iter().rev());
        }
        let file = Path::new(&dir).join("nix-support/propagated-user-env-packages");
        if file.exists() {
            let text = fs::read(&file).map_err(|e| io_error("read", &file, e))?;
            // The first line holds the list, as nixpkgs reads it.
            let line = text.split(|b| *b == b'\n').next().unwrap_or_default();
            for word in line.split(u8::is_ascii_whitespace).filter(|w| !w.is_empty()) {
                let path = OsStr::from_bytes(word).to_owned();
                if !self.done.contains(&path) {
                    self.postponed.insert(path);
                }
            }
        }
        Ok(())
    }

    /// Adds the propagated packages, in rounds, each round in order of their paths.
    fn add_propagated(&mut self) -> Result<(), String> {
        let mut priority = PROPAGATED_PRIORITY;
        while !self.postponed.is_empty() {
            for dir in std::mem::take(&mut self.postponed) {
                self.add_package(dir, Collisions::Silent, priority)?;
                priority += 1;
            }
        }
        Ok(())
    }

    /// Places one path of a package; gives the entries to visit next when it merges
    /// directories (those of the path it displaces first).
    fn visit(&mut self, visit: Visit, collisions: Collisions) -> Result<Vec<Visit>, String> {
        let Visit { rel, target, priority } = visit;
        if target.is_file() && target.parent() == Some(self.settings.store_dir.as_path()) {
            let message = format!(
                "The store path {} is a file and can't be merged into an environment using pkgs.buildEnv",
                target.display()
            );
            if !self.settings.ignore_single_file_outputs {
                return Err(format!("{message}!"));
            }
            warn(&format!("{message}, ignoring it"));
            return Ok(Vec::new());
        }
        if self.skipped(&rel) {
            return Ok(Vec::new());
        }
        let (old, old_priority) = match self.entries.get(&rel) {
            None => return Ok(self.place(rel, target, priority)),
            Some(Entry { node: Node::Dir, priority }) => (None, *priority),
            Some(Entry { node: Node::Link(old), priority }) => (Some(old.clone()), *priority),
        };
        match &old {
            Some(old) if priority < old_priority && !old.is_dir() => {
                return Ok(self.place(rel, target, priority));
            }
            Some(old) if same_path(old, &target) => {
                // The same file: keep the path that is not itself a symlink.
                if is_symlink(old) && !is_symlink(&target) {
                    self.entries.insert(rel, Entry { node: Node::Link(target), priority });
                }
                return Ok(Vec::new());
            }
            Some(old) if priority > old_priority && !old.is_dir() => return Ok(Vec::new()),
            Some(old) if !(target.is_dir() && old.is_dir()) => {
                self.collide(old, &target, collisions)?;
                return Ok(Vec::new());
            }
            None if !target.is_dir() => return Err(format!("not a directory: `{}'", target.display())),
            _ => {}
        }
        let mut children = match &old {
            Some(old) => entries_of(&rel, old, old_priority)?,
            None => Vec::new(),
        };
        children.extend(entries_of(&rel, &target, priority)?);
        self.entries.insert(rel, Entry { node: Node::Dir, priority });
        Ok(children)
    }

    /// Links `rel` to `target` (warning when it is a dangling symlink); nothing more to
    /// visit.
    fn place(&mut self, rel: OsString, target: PathBuf, priority: i64) -> Vec<Visit> {
        if is_symlink(&target) && !target.exists() {
            let link = fs::read_link(&target).unwrap_or_default();
            warn(&format!(
                "creating dangling symlink `{}' -> `{}' -> `{}'",
                self.place_of(&rel).display(),
                target.display(),
                link.display()
            ));
        }
        self.entries.insert(rel, Entry { node: Node::Link(target), priority });
        Vec::new()
    }

    /// Two packages have a file (or a file and a directory) at the same path.
    fn collide(&self, old: &Path, new: &Path, collisions: Collisions) -> Result<(), String> {
        let message = || format!("collision between {} and {}", describe(new), describe(old));
        match collisions {
            Collisions::Silent => Ok(()),
            Collisions::Warn => {
                warn(&message());
                Ok(())
            }
            Collisions::Fail if self.settings.check_collision_contents && same_contents(old, new) => Ok(()),
            Collisions::Fail => Err(message()),
        }
    }

    /// Whether the environment leaves out `rel`: nixpkgs' list of paths no environment
    /// gets, and what is neither inside a path to link nor above one.
    fn skipped(&self, rel: &OsStr) -> bool {
        let rel = rel.as_bytes();
        let base = rel.rsplit(|b| *b == b'/').next().unwrap_or_default();
        rel == b"/propagated-build-inputs"
            || rel == b"/nix-support"
            || rel.ends_with(b"info/dir")
            || (rel.starts_with(b"/share/mime/") && !rel.starts_with(b"/share/mime/packages"))
            || base == b"perllocal.pod"
            || base == b"log"
            || !(self.above_paths_to_link(rel) || self.in_paths_to_link(rel))
    }

    /// Whether `rel` is one of the paths to link or inside one.
    fn in_paths_to_link(&self, rel: &[u8]) -> bool {
        let rel: &[u8] = if rel.is_empty() { b"/" } else { rel };
        self.settings.paths_to_link.iter().any(|p| p == "/" || is_within(rel, p.as_bytes()))
    }

    /// Whether one of the paths to link is `rel` or inside it (the root is above all).
    fn above_paths_to_link(&self, rel: &[u8]) -> bool {
        self.settings.paths_to_link.iter().any(|p| rel.is_empty() || is_within(p.as_bytes(), rel))
    }

    /// Creates the planned directories and links inside the paths to link; gives how
    /// many links it made.
    fn create(&self) -> Result<usize, String> {
        let mut links = 0;
        for (rel, entry) in &self.entries {
            if !self.in_paths_to_link(rel.as_bytes()) {
                continue;
            }
            let place = self.place_of(rel);
            match &entry.node {
                Node::Dir => {
                    fs::create_dir_all(&place).map_err(|e| io_error("create directory", &place, e))?
                }
                Node::Link(target) => {
                    std::os::unix::fs::symlink(target, &place)
                        .map_err(|e| io_error("create link", &place, e))?;
                    links += 1;
                }
            }
        }
        Ok(links)
    }

    /// Where `rel` is in the environment.
    fn place_of(&self, rel: &OsStr) -> PathBuf {
        let mut place = self.settings.root.clone().into_os_string();
        place.push(rel);
        place.into()
    }
}

/// Whether `path` is `dir` or inside it (by name, as nixpkgs compares them).
fn is_within(path: &[u8], dir: &[u8]) -> bool {
    path.strip_prefix(dir).is_some_and(|rest| rest.is_empty() || rest.starts_with(b"/"))
}

/// The entries of directory `dir`, by name, to place under `rel`.
fn entries_of(rel: &OsStr, dir: &Path, priority: i64) -> Result<Vec<Visit>, String> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| io_error("open", dir, e))? {
        names.push(entry.map_err(|e| io_error("open", dir, e))?.file_name());
    }
    names.sort();
    let visit = |name: OsString| {
        let mut child = rel.to_owned();
        child.push("/");
        child.push(&name);
        Visit { rel: child, target: dir.join(name), priority }
    };
    Ok(names.into_iter().map(visit).collect())
}

fn is_symlink(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Whether both paths resolve to the same file.
fn same_path(a: &Path, b: &Path) -> bool {
    matches!((fs::canonicalize(a), fs::canonicalize(b)), (Ok(a), Ok(b)) if a == b)
}

/// A path in a collision message, marked when it is a dangling symlink.
fn describe(path: &Path) -> String {
    let dangling = if is_symlink(path) && !path.exists() { "dangling symlink " } else { "" };
    format!("{dangling}`{}'", path.display())
}

/// Whether two colliding files are the same: same mode (a warning when not) and same
/// bytes. A file that cannot be read is not the same.
fn same_contents(old: &Path, new: &Path) -> bool {
    let (Ok(old_meta), Ok(new_meta)) = (fs::metadata(old), fs::metadata(new)) else {
        return false;
    };
    let (old_mode, new_mode) = (old_meta.permissions().mode(), new_meta.permissions().mode());
    if old_mode != new_mode {
        warn(&format!(
            "different permissions in `{}' and `{}': {:04o} <-> {:04o}",
            old.display(),
            new.display(),
            old_mode & 0o7777,
            new_mode & 0o7777
        ));
        return false;
    }
    same_bytes(old, new).unwrap_or(false)
}

fn same_bytes(a: &Path, b: &Path) -> std::io::Result<bool> {
    const CHUNK: u64 = 1 << 16;
    let (mut a, mut b) = (fs::File::open(a)?, fs::File::open(b)?);
    if a.metadata()?.len() != b.metadata()?.len() {
        return Ok(false);
    }
    let (mut chunk_a, mut chunk_b) = (Vec::new(), Vec::new());
    loop {
        chunk_a.clear();
        chunk_b.clear();
        (&mut a).take(CHUNK).read_to_end(&mut chunk_a)?;
        (&mut b).take(CHUNK).read_to_end(&mut chunk_b)?;
        if chunk_a != chunk_b {
            return Ok(false);
        }
        if chunk_a.is_empty() {
            return Ok(true);
        }
    }
}

fn warn(message: &str) {
    eprintln!("warning: {message}");
}

/// The message for a failed file operation: "cannot WHAT 'PATH': ERROR".
fn io_error(what: &str, path: &Path, e: std::io::Error) -> String {
    format!("cannot {what} '{}': {e}", path.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A temporary "store" of packages, and the settings of an environment at its `env`.
    struct Fixture {
        dir: tempfile::TempDir,
        settings: Settings,
    }

    impl Fixture {
        fn new() -> Fixture {
            let dir = tempfile::tempdir().unwrap();
            let out = dir.path().join("env");
            let settings = Settings {
                out: out.clone(),
                root: out,
                paths_to_link: vec!["/".to_owned()],
                ignore_collisions: false,
                check_collision_contents: true,
                ignore_single_file_outputs: false,
                manifest: String::new(),
                extra_paths_from: PathBuf::new(),
                store_dir: dir.path().to_owned(),
            };
            Fixture { dir, settings }
        }

        /// Package `name` with `files` (relative path, contents); gives its path.
        fn package(&self, name: &str, files: &[(&str, &str)]) -> String {
            let root = self.dir.path().join(name);
            fs::create_dir_all(&root).unwrap();
            for (file, text) in files {
                let path = root.join(file);
                fs::create_dir_all(path.parent().unwrap()).unwrap();
                fs::write(path, text).unwrap();
            }
            root.display().to_string()
        }

        /// Builds the environment of `packages` (path, priority).
        fn build(&self, packages: &[(&str, i64)]) -> Result<(), String> {
            let list: Vec<Package> = packages
                .iter()
                .map(|(path, priority)| Package { paths: vec![(*path).to_owned()], priority: *priority })
                .collect();
            build(&self.settings, &list)
        }

        fn env(&self, rel: &str) -> PathBuf {
            self.settings.root.join(rel)
        }

        /// Where the environment's link at `rel` points.
        fn link(&self, rel: &str) -> String {
            let link = fs::read_link(self.env(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
            link.display().to_string()
        }

        fn is_real_dir(&self, rel: &str) -> bool {
            fs::symlink_metadata(self.env(rel)).is_ok_and(|m| m.is_dir())
        }
    }

    #[test]
    fn a_path_of_one_package_is_one_link_and_shared_directories_are_merged() {
        let f = Fixture::new();
        let a = f.package("a", &[("bin/a", "a"), ("share/a/x", "x")]);
        let b = f.package("b", &[("bin/b", "b")]);
        f.build(&[(&a, 5), (&b, 5)]).unwrap();
        assert!(f.is_real_dir("") && f.is_real_dir("bin"));
        assert_eq!(f.link("bin/a"), format!("{a}/bin/a"));
        assert_eq!(f.link("bin/b"), format!("{b}/bin/b"));
        // share is a's alone: one link to the directory, not a tree.
        assert_eq!(f.link("share"), format!("{a}/share"));
    }

    #[test]
    fn extra_paths_come_last_and_only_directories_count() {
        let mut f = Fixture::new();
        let pkg = f.package("pkg", &[("bin/tool", "pkg"), ("lib/libp", "p")]);
        let dep = f.package("dep", &[("bin/tool", "dep"), ("lib/libd", "d")]);
        let file = f.dir.path().join("a-file");
        fs::write(&file, "x").unwrap();
        let list = f.dir.path().join("extra");
        fs::write(&list, format!("{dep}\n{pkg}\n{}\n/nonexistent\n", file.display())).unwrap();
        f.settings.extra_paths_from = list;
        // dep's bin/tool collides with pkg's (priority 5 against 1000): pkg's stays.
        f.build(&[(&pkg, 5)]).unwrap();
        assert_eq!(f.link("bin/tool"), format!("{pkg}/bin/tool"));
        assert_eq!(f.link("lib/libd"), format!("{dep}/lib/libd"));
        assert_eq!(f.link("lib/libp"), format!("{pkg}/lib/libp"));
        f.settings.extra_paths_from = f.dir.path().join("missing");
        let err = f.build(&[(&pkg, 5)]).unwrap_err();
        assert!(err.starts_with("cannot open extra paths file"), "{err}");
    }

    #[test]
    fn the_lower_priority_number_wins_in_either_order() {
        for order in [[0, 1], [1, 0]] {
            let f = Fixture::new();
            let packages = [
                (f.package("low", &[("bin/tool", "low")]), 1),
                (f.package("high", &[("bin/tool", "high")]), 7),
            ];
            let [first, second] = order.map(|i| (packages[i].0.as_str(), packages[i].1));
            f.build(&[first, second]).unwrap();
            assert_eq!(f.link("bin/tool"), format!("{}/bin/tool", packages[0].0));
        }
    }

    #[test]
    fn a_lower_priority_number_replaces_a_file_but_not_a_directory() {
        let f = Fixture::new();
        let file = f.package("file", &[("lib/thing", "a file")]);
        let dir = f.package("dir", &[("lib/thing/inside", "x")]);
        f.build(&[(&file, 5), (&dir, 1)]).unwrap();
        assert_eq!(f.link("lib/thing"), format!("{dir}/lib/thing"));
        let g = Fixture::new();
        let file = g.package("file", &[("lib/thing", "a file")]);
        let dir = g.package("dir", &[("lib/thing/inside", "x")]);
        let err = g.build(&[(&dir, 1), (&file, 5)]).unwrap_err();
        assert_eq!(err, format!("collision between `{file}/lib/thing' and `{dir}/lib/thing'"));
    }

    #[test]
    fn identical_files_do_not_collide_unless_contents_are_not_checked() {
        let f = Fixture::new();
        let a = f.package("a", &[("share/same", "text")]);
        let b = f.package("b", &[("share/same", "text")]);
        f.build(&[(&a, 5), (&b, 5)]).unwrap();
        assert_eq!(f.link("share/same"), format!("{a}/share/same"));
        let mut g = Fixture::new();
        g.settings.check_collision_contents = false;
        let (a, b) = (g.package("a", &[("same", "text")]), g.package("b", &[("same", "text")]));
        let err = g.build(&[(&a, 5), (&b, 5)]).unwrap_err();
        assert_eq!(err, format!("collision between `{b}/same' and `{a}/same'"));
    }

    #[test]
    fn different_files_collide_unless_collisions_are_ignored() {
        let f = Fixture::new();
        let a = f.package("a", &[("bin/tool", "one")]);
        let b = f.package("b", &[("bin/tool", "two")]);
        let err = f.build(&[(&a, 5), (&b, 5)]).unwrap_err();
        assert_eq!(err, format!("collision between `{b}/bin/tool' and `{a}/bin/tool'"));
        let mut g = Fixture::new();
        g.settings.ignore_collisions = true;
        let (a, b) = (g.package("a", &[("bin/tool", "one")]), g.package("b", &[("bin/tool", "two")]));
        g.build(&[(&a, 5), (&b, 5)]).unwrap();
        assert_eq!(g.link("bin/tool"), format!("{a}/bin/tool"));
    }

    #[test]
    fn a_dangling_symlink_is_named_so_in_a_collision() {
        let f = Fixture::new();
        let a = f.package("a", &[("bin/other", "x")]);
        std::os::unix::fs::symlink("/nowhere", format!("{a}/bin/tool")).unwrap();
        let b = f.package("b", &[("bin/tool", "two")]);
        let err = f.build(&[(&a, 5), (&b, 5)]).unwrap_err();
        assert_eq!(err, format!("collision between `{b}/bin/tool' and dangling symlink `{a}/bin/tool'"));
    }

    #[test]
    fn same_contents_with_different_permissions_collide() {
        let f = Fixture::new();
        let a = f.package("a", &[("bin/tool", "same")]);
        let b = f.package("b", &[("bin/tool", "same")]);
        fs::set_permissions(format!("{b}/bin/tool"), fs::Permissions::from_mode(0o755)).unwrap();
        let err = f.build(&[(&a, 5), (&b, 5)]).unwrap_err();
        assert!(err.starts_with("collision between"), "{err}");
    }

    #[test]
    fn links_to_the_same_file_do_not_collide_and_the_real_file_is_kept() {
        let f = Fixture::new();
        let a = f.package("a", &[("bin/tool", "one")]);
        let b = f.package("b", &[("bin/other", "x")]);
        std::os::unix::fs::symlink(format!("{a}/bin/tool"), format!("{b}/bin/tool")).unwrap();
        f.build(&[(&b, 5), (&a, 5)]).unwrap();
        assert_eq!(f.link("bin/tool"), format!("{a}/bin/tool"));
    }

    #[test]
    fn paths_to_link_choose_the_subtrees_and_are_real_directories() {
        let mut f = Fixture::new();
        f.settings.paths_to_link = vec!["/share/man".to_owned(), "/bin".to_owned()];
        let a = f.package(
            "a",
            &[("bin/a", "a"), ("share/man/man1/a.1", "m"), ("share/doc/a", "d"), ("lib/x", "x")],
        );
        f.build(&[(&a, 5)]).unwrap();
        assert!(f.is_real_dir("bin") && f.is_real_dir("share") && f.is_real_dir("share/man"));
        assert_eq!(f.link("bin/a"), format!("{a}/bin/a"));
        assert_eq!(f.link("share/man/man1"), format!("{a}/share/man/man1"));
        assert!(!f.env("share/doc").exists() && !f.env("lib").exists());
        // A path to link that a package has as a file is an error.
        let mut g = Fixture::new();
        g.settings.paths_to_link = vec!["/bin".to_owned()];
        let bad = g.package("bad", &[("bin", "not a directory")]);
        assert_eq!(g.build(&[(&bad, 5)]).unwrap_err(), format!("not a directory: `{bad}/bin'"));
    }

    #[test]
    fn the_environment_leaves_out_what_nixpkgs_leaves_out() {
        let f = Fixture::new();
        let skipped = [
            ("nix-support/setup-hook", "x"),
            ("propagated-build-inputs", "x"),
            ("share/info/dir", "x"),
            ("share/mime/globs", "x"),
            ("lib/perl5/perllocal.pod", "x"),
            ("var/log/a", "x"),
        ];
        let a = f.package("a", &skipped);
        let kept = [
            ("share/info/b.info", "x"),
            ("share/mime/packages/b.xml", "x"),
            ("lib/perl5/B.pm", "x"),
            ("var/b", "x"),
        ];
        let b = f.package("b", &kept);
        f.build(&[(&a, 5), (&b, 5)]).unwrap();
        for (rel, _) in skipped {
            assert!(fs::symlink_metadata(f.env(rel)).is_err(), "{rel} is in the environment");
        }
        assert!(!f.env("nix-support").exists() && !f.env("var/log").exists());
        for (rel, _) in kept {
            assert!(f.env(rel).exists(), "{rel} is not in the environment");
        }
        assert_eq!(f.link("share/mime/packages"), format!("{b}/share/mime/packages"));
    }

    #[test]
    fn propagated_user_env_packages_are_added_and_lose_collisions_silently() {
        let f = Fixture::new();
        let extra =
            f.package("extra", &[("bin/tool", "from extra"), ("bin/extra", "x"), ("lib/thing", "a file")]);
        // A file where main has a directory collides whatever the priorities.
        let main = f.package("main", &[("bin/tool", "from main"), ("lib/thing/inside", "x")]);
        fs::create_dir_all(format!("{main}/nix-support")).unwrap();
        fs::write(format!("{main}/nix-support/propagated-user-env-packages"), format!("{extra} ")).unwrap();
        f.build(&[(&main, 5)]).unwrap();
        assert_eq!(f.link("bin/tool"), format!("{main}/bin/tool"));
        assert_eq!(f.link("bin/extra"), format!("{extra}/bin/extra"));
        assert_eq!(f.link("lib/thing"), format!("{main}/lib/thing"));
    }

    #[test]
    fn a_package_that_is_a_file_in_the_store_is_refused_or_ignored() {
        let mut f = Fixture::new();
        let file = f.dir.path().join("a-file");
        fs::write(&file, "x").unwrap();
        let file = file.display().to_string();
        let err = f.build(&[(&file, 5)]).unwrap_err();
        let expected = format!(
            "The store path {file} is a file and can't be merged into an environment using pkgs.buildEnv!"
        );
        assert_eq!(err, expected);
        f.settings.ignore_single_file_outputs = true;
        let a = f.package("a", &[("bin/a", "a")]);
        f.build(&[(&file, 5), (&a, 5)]).unwrap();
        assert_eq!(f.link("bin"), format!("{a}/bin"));
    }

    #[test]
    fn the_tree_goes_under_the_extra_prefix_and_the_manifest_at_the_output() {
        let mut f = Fixture::new();
        f.settings.root = f.settings.out.join("share/env");
        f.settings.manifest = "/somewhere/manifest.nix".to_owned();
        let a = f.package("a", &[("bin/a", "a")]);
        f.build(&[(&a, 5)]).unwrap();
        assert_eq!(f.link("bin"), format!("{a}/bin"));
        assert!(f.settings.out.join("share/env/bin").is_symlink());
        let manifest = fs::read_link(f.settings.out.join("manifest")).unwrap();
        assert_eq!(manifest, Path::new("/somewhere/manifest.nix"));
    }

    #[test]
    fn the_package_list_is_read_and_checked() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pkgs");
        fs::write(&file, r#"[{"paths": ["/a", "/b"], "priority": -10}]"#).unwrap();
        let packages = read_packages(&file).unwrap();
        assert_eq!((packages[0].paths.clone(), packages[0].priority), (vec!["/a".into(), "/b".into()], -10));
        fs::write(&file, r#"[{"paths": ["/a"]}]"#).unwrap();
        let err = read_packages(&file).err().unwrap();
        assert!(err.starts_with("bad package list in") && err.contains("integer 'priority'"), "{err}");
        fs::write(&file, "{").unwrap();
        assert!(read_packages(&file).is_err());
    }
}
