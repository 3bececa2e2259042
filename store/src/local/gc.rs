//! Garbage collection (`nix-store --gc`, `--delete`): liveness from the roots and the
//! temporary roots, deletion of what is dead, and pruning `.links`.
//!
//! The collector holds `gc.lock` exclusively for its whole run (the protocol is in
//! `temp_roots.rs`). Live is the closure over references of the roots and temporary
//! roots, with `keep-derivations` the valid derivers of live paths and with
//! `keep-outputs` the valid outputs of live derivations (and their closures). Dead are
//! the other valid paths and every other entry of the store directory, except `.links`,
//! staging entries of running processes and entries named by a temporary root.
//!
//! A path is deleted by first unregistering it (one transaction) and then removing its
//! files, referrers before references, so a crash at any point leaves at worst an
//! unregistered leftover (deleted by the next collection), never a registered path whose
//! files are gone or that refers to a path that is not valid.
//!
//! What the reference prints while collecting (deleting, stopping at `--max-freed`,
//! pruning links, stale or invalid roots) goes, as it happens, to a [`GcLog`] the
//! caller gives (the `_logged` variants; the CLI prints to standard error), or is
//! returned in [`GcResult::messages`]: a library does not write to standard error.

use super::LocalStore;
use super::add::staging_owner_alive;
use super::error::{StoreError, io_err};
use super::fs_tree::remove_tree;
use super::optimise::LINKS_DIR;
use super::query::reachable;
use super::roots::Roots;
use crate::store_path::StorePath;
use crate::topo::{TopoError, topo_sort};
use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;

/// What a collection does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GcAction {
    /// Delete what is dead (`--gc`).
    #[default]
    DeleteDead,
    /// Only find the roots (`--print-roots`).
    PrintRoots,
    /// List the live paths (`--print-live`).
    PrintLive,
    /// List the dead entries (`--print-dead`).
    PrintDead,
}

/// Options of [`LocalStore::collect_garbage`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GcOptions {
    pub action: GcAction,
    /// Stop deleting once more than this many bytes were freed; `Some(0)` deletes
    /// nothing (as the reference).
    pub max_freed: Option<u64>,
    /// A live path keeps the valid derivations that produced it (default true).
    pub keep_derivations: bool,
    /// A live derivation keeps its valid outputs (default false).
    pub keep_outputs: bool,
}

impl Default for GcOptions {
    fn default() -> GcOptions {
        GcOptions {
            action: GcAction::DeleteDead,
            max_freed: None,
            keep_derivations: true,
            keep_outputs: false,
        }
    }
}

/// What a collection found and did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GcResult {
    /// `PrintRoots`: every root, link (or file) → the store path it roots.
    pub roots: Roots,
    /// `PrintLive`/`PrintDead`: the live or dead entries, sorted; deleting: the entries
    /// deleted, in order (their number is what the reference reports as store paths
    /// deleted). Each as `/nix/store/<name>` (a dead entry need not be named
    /// like a store path).
    pub paths: Vec<String>,
    /// Bytes freed by deleting (see `fs_tree::remove_tree` for how they are counted);
    /// listing also deletes entries that are not valid paths, as the reference does.
    pub bytes_freed: u64,
    /// The reference's progress and notes, in order (without its first line, "finding
    /// garbage collector roots...", which callers print before calling); empty when
    /// they went to a [`GcLog`].
    pub messages: Vec<String>,
}

/// Where a collection's messages go as they happen.
pub type GcLog<'a> = &'a mut dyn FnMut(String);

/// Runs `collect` with a log gathering the messages into its result.
fn gathering(
    collect: impl FnOnce(GcLog<'_>) -> Result<GcResult, StoreError>,
) -> Result<GcResult, StoreError> {
    let mut messages = Vec::new();
    let mut result = collect(&mut |m| messages.push(m))?;
    result.messages = messages;
    Ok(result)
}

/// Sizes as the reference prints them: KiB below 1 KiB too, one decimal, the largest
/// unit under which the number is at most 1024 (so 1 MiB is "1024.0 KiB").
pub fn render_size(bytes: i64) -> String {
    const UNITS: [char; 8] = ['K', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
    let mut value = bytes as f64;
    let mut power = 0;
    while value > 1024.0 && power < UNITS.len() {
        value /= 1024.0;
        power += 1;
    }
    if power == 0 {
        value /= 1024.0;
    }
    format!("{value:.1} {}iB", UNITS[power.max(1) - 1])
}

/// A dead entry of the store directory that is not a valid path.
struct Leftover {
    name: String,
    path: PathBuf,
}

impl Leftover {
    /// How the reference shows it: `/nix/store/<name>`.
    fn shown(&self) -> String {
        format!("{}/{}", crate::STORE_DIR, self.name)
    }
}

impl LocalStore {
    /// Runs a collection: finds the roots and, unless only they are asked for, what is
    /// live; then lists or deletes. Holds the collector's lock throughout.
    pub fn collect_garbage(&self, options: &GcOptions) -> Result<GcResult, StoreError> {
        gathering(|log| self.collect_garbage_logged(options, log))
    }

    /// [`LocalStore::collect_garbage`], giving the messages to `log` as they happen.
    pub fn collect_garbage_logged(
        &self,
        options: &GcOptions,
        log: GcLog<'_>,
    ) -> Result<GcResult, StoreError> {
        let _gc = self.gc_lock_exclusive()?;
        let mut result = GcResult::default();
        let roots = self.find_roots(log)?;
        if options.action == GcAction::PrintRoots {
            result.roots = roots;
            return Ok(result);
        }
        let temp_roots = self.read_temp_roots()?;
        let live = self.live_paths(roots.values().chain(&temp_roots), options)?;
        let valid: BTreeSet<StorePath> = self.query_all_valid_paths()?.into_iter().collect();
        let dead: BTreeSet<StorePath> = valid.difference(&live).cloned().collect();
        let leftovers = self.leftovers(&live, &valid)?;
        if options.action == GcAction::DeleteDead {
            if options.max_freed != Some(0) {
                log("deleting garbage...".to_owned());
                self.delete_entries(&leftovers, &dead, options.max_freed, &mut result, log)?;
            }
            self.remove_unused_links(log)?;
            return Ok(result);
        }
        log("determining live/dead paths...".to_owned());
        let mut listed = BTreeSet::new();
        if options.action == GcAction::PrintLive {
            listed.extend(live.intersection(&valid).map(StorePath::to_absolute));
        } else {
            listed.extend(dead.iter().map(StorePath::to_absolute));
            listed.extend(leftovers.iter().map(Leftover::shown));
        }
        // The reference deletes what is not a valid path even when only listing.
        for leftover in &leftovers {
            self.delete_leftover(leftover, &mut result, log)?;
        }
        result.paths = listed.into_iter().collect();
        Ok(result)
    }

    /// Deletes `paths` (`nix-store --delete`): each must be dead, and every valid path
    /// referring to one must be among them; otherwise nothing is deleted and the
    /// reference's [`StoreError::StillAlive`] names the first such path. With
    /// `ignore_liveness` the permanent roots are not consulted (temporary roots are).
    pub fn delete_paths(&self, paths: &[StorePath], ignore_liveness: bool) -> Result<GcResult, StoreError> {
        gathering(|log| self.delete_paths_logged(paths, ignore_liveness, log))
    }

    /// [`LocalStore::delete_paths`], giving the messages to `log` as they happen.
    pub fn delete_paths_logged(
        &self,
        paths: &[StorePath],
        ignore_liveness: bool,
        log: GcLog<'_>,
    ) -> Result<GcResult, StoreError> {
        let _gc = self.gc_lock_exclusive()?;
        let mut result = GcResult::default();
        let roots = if ignore_liveness { Roots::new() } else { self.find_roots(log)? };
        let temp_roots = self.read_temp_roots()?;
        let live = self.live_paths(roots.values().chain(&temp_roots), &GcOptions::default())?;
        let given: BTreeSet<StorePath> = paths.iter().cloned().collect();
        let mut valid = BTreeSet::new();
        for path in &given {
            if live.contains(path) {
                return Err(StoreError::StillAlive(path.clone()));
            }
            if self.is_valid(path)? {
                if self.query_referrers(path)?.iter().any(|r| r != path && !given.contains(r)) {
                    return Err(StoreError::StillAlive(path.clone()));
                }
                valid.insert(path.clone());
            }
        }
        let invalid: Vec<Leftover> = given
            .iter()
            .filter(|p| !valid.contains(*p))
            .map(|p| Leftover { name: p.base_name().to_owned(), path: self.real_path(p) })
            .collect();
        self.delete_entries(&invalid, &valid, None, &mut result, log)?;
        self.remove_unused_links(log)?;
        Ok(result)
    }

    /// The closure of `roots` under references (and derivers, outputs as `options`
    /// say). Roots that are not valid are live by name only.
    fn live_paths<'a>(
        &self,
        roots: impl Iterator<Item = &'a StorePath>,
        options: &GcOptions,
    ) -> Result<BTreeSet<StorePath>, StoreError> {
        reachable(roots.cloned(), |path| self.kept_by(path, options))
    }

    /// What the live `path` keeps alive: its references, and as `options` say its
    /// valid derivers or (for a derivation) its valid outputs.
    fn kept_by(&self, path: &StorePath, options: &GcOptions) -> Result<BTreeSet<StorePath>, StoreError> {
        let Some(info) = self.query_path_info(path)? else { return Ok(BTreeSet::new()) };
        let mut kept = info.references;
        if options.keep_derivations {
            kept.extend(self.query_valid_derivers(path)?);
            if let Some(deriver) = info.deriver
                && self.is_valid(&deriver)?
            {
                kept.insert(deriver);
            }
        }
        if options.keep_outputs && path.is_derivation() {
            for output in self.query_derivation_outputs(path)?.into_values() {
                if self.is_valid(&output)? {
                    kept.insert(output);
                }
            }
        }
        Ok(kept)
    }

    /// The entries of the store directory that are neither valid nor kept: not `live`
    /// (temporary roots are), not `.links`, not a running process's staging entry.
    fn leftovers(
        &self,
        live: &BTreeSet<StorePath>,
        valid: &BTreeSet<StorePath>,
    ) -> Result<Vec<Leftover>, StoreError> {
        let dir = &self.store_dir;
        let mut found = Vec::new();
        for entry in fs::read_dir(dir).map_err(io_err("cannot read directory", dir))? {
            let entry = entry.map_err(io_err("cannot read directory", dir))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name == LINKS_DIR || staging_owner_alive(&name) == Some(true) {
                continue;
            }
            if let Ok(path) = StorePath::from_base_name(&name)
                && (live.contains(&path) || valid.contains(&path))
            {
                continue;
            }
            found.push(Leftover { name, path: entry.path() });
        }
        found.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(found)
    }

    /// Deletes `leftovers`, then the valid `dead` paths, referrers first, stopping once
    /// more than `max_freed` bytes are freed.
    fn delete_entries(
        &self,
        leftovers: &[Leftover],
        dead: &BTreeSet<StorePath>,
        max_freed: Option<u64>,
        result: &mut GcResult,
        log: GcLog<'_>,
    ) -> Result<(), StoreError> {
        let over_limit = |result: &GcResult, log: GcLog<'_>| match max_freed {
            Some(max) if result.bytes_freed > max => {
                log(format!("deleted more than {max} bytes; stopping"));
                true
            }
            _ => false,
        };
        for leftover in leftovers {
            self.delete_leftover(leftover, result, log)?;
            if over_limit(result, log) {
                return Ok(());
            }
        }
        for path in self.referrers_first(dead)? {
            log(format!("deleting '{path}'"));
            self.db.invalidate(&path)?;
            result.bytes_freed += remove_tree(&self.real_path(&path))?;
            result.paths.push(path.to_absolute());
            if over_limit(result, log) {
                return Ok(());
            }
        }
        Ok(())
    }

    fn delete_leftover(
        &self,
        leftover: &Leftover,
        result: &mut GcResult,
        log: GcLog<'_>,
    ) -> Result<(), StoreError> {
        let shown = leftover.shown();
        log(format!("deleting '{shown}'"));
        result.bytes_freed += remove_tree(&leftover.path)?;
        result.paths.push(shown);
        Ok(())
    }

    /// `paths` ordered so that each comes after every path among them referring to it;
    /// otherwise in name order.
    fn referrers_first(&self, paths: &BTreeSet<StorePath>) -> Result<Vec<StorePath>, StoreError> {
        topo_sort(paths, |p| self.query_referrers(p)).map_err(|e| match e {
            TopoError::Cycle(cycle) => StoreError::Cycle(cycle),
            TopoError::References(e) => e,
        })
    }

    /// Deletes the `.links` entries nothing else links to any more, and notes how much
    /// hard linking saves (as the reference: shared bytes minus the directory's own).
    fn remove_unused_links(&self, log: GcLog<'_>) -> Result<(), StoreError> {
        log("deleting unused links...".to_owned());
        let dir = self.store_dir.join(LINKS_DIR);
        let (mut actual, mut unshared) = (0i64, 0i64);
        match fs::symlink_metadata(&dir) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_err("cannot read", &dir)(e)),
            Ok(meta) => {
                actual = (meta.blocks() * 512) as i64;
                for entry in fs::read_dir(&dir).map_err(io_err("cannot read directory", &dir))? {
                    let path = entry.map_err(io_err("cannot read directory", &dir))?.path();
                    let meta = fs::symlink_metadata(&path).map_err(io_err("cannot read", &path))?;
                    if meta.nlink() == 1 {
                        fs::remove_file(&path).map_err(io_err("cannot delete", &path))?;
                    } else {
                        actual += meta.size() as i64;
                        unshared += (meta.nlink() as i64 - 1) * meta.size() as i64;
                    }
                }
            }
        }
        log(format!("note: hard linking is currently saving {}", render_size(unshared - actual)));
        Ok(())
    }
}
