//! The evaluator's view of the store: the store paths of sources, texts and derivations,
//! computed as the reference computes them, and (in read-write mode) the objects
//! themselves written into the local store.
//!
//! Read-only evaluation (`--eval`) only computes paths, as the reference does. In
//! read-write mode sources are added at once (something may read them next), while
//! texts and `.drv` files are written to staging files at once and made valid in
//! batches by [`EvalStore::flush`]: when the batch is long, at the end of an
//! instantiation, or before anything reads from the store.

use crate::error::EvalError;
use crate::value::{ContextElement, StringContext};
use ferrix_store::content::content_hash;
use ferrix_store::derivation::{Derivation, DerivationError, DrvHashes};
use ferrix_store::local::{LocalStore, StoreError, TextBatch, TextObject};
use ferrix_store::nar;
use ferrix_store::store_path::{FileIngestionMethod, check_name, make_fixed_output_path, make_text_path};
use ferrix_store::{Hash, HashAlgo, StorePath};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// Staged texts and derivations are made valid this many at a time: big batches save
/// synchronisations and transactions, bounded ones memory.
const BATCH: usize = 1 << 16;

/// What the evaluator knows of a derivation it made or read: what its `.drv` file
/// refers to, and its output names.
struct KnownDrv {
    /// (A vector: a set's nodes cost far more, and every derivation keeps one.)
    references: Vec<StorePath>,
    outputs: Vec<String>,
}

impl KnownDrv {
    fn of(drv: &Derivation) -> KnownDrv {
        let references = drv.input_srcs.iter().chain(drv.input_drvs.keys()).cloned().collect();
        KnownDrv { references, outputs: drv.outputs.keys().cloned().collect() }
    }
}

/// Builds the outputs of a valid derivation for import from derivation; the message
/// of its error says why it could not.
pub type Realiser = Box<dyn FnMut(&StorePath) -> Result<(), String>>;

/// The store as evaluation sees it.
pub struct EvalStore {
    /// Physical root of the local store; `None`: the default root.
    root: Option<PathBuf>,
    writable: bool,
    /// Opened on first use.
    store: Option<LocalStore>,
    /// Source paths copied (or whose path was computed), by absolute path.
    sources: HashMap<PathBuf, StorePath>,
    /// Texts and derivations staged, not valid yet (read-write mode).
    pending: TextBatch,
    derivations: HashMap<StorePath, KnownDrv>,
    /// The references of texts made with references (for closures before they are written).
    text_references: HashMap<StorePath, BTreeSet<StorePath>>,
    hashes: DrvHashes,
    /// Builds derivations evaluation needs the outputs of (read-write mode).
    pub realiser: Option<Realiser>,
    /// The standard library's store path, once written.
    stdlib: Option<StorePath>,
}

/// A store error as an evaluation error.
fn store_error(e: impl std::fmt::Display) -> EvalError {
    EvalError::eval(e.to_string(), None)
}

impl EvalStore {
    pub fn new(root: Option<PathBuf>, writable: bool) -> EvalStore {
        EvalStore {
            root,
            writable,
            store: None,
            sources: HashMap::new(),
            pending: TextBatch::default(),
            derivations: HashMap::new(),
            text_references: HashMap::new(),
            hashes: DrvHashes::new(),
            realiser: None,
            stdlib: None,
        }
    }

    /// The local store, opened now if it was not.
    pub fn local(&mut self) -> Result<&LocalStore, EvalError> {
        open(&mut self.store, &self.root).map_err(store_error)
    }

    /// The store path of the file tree at `path` copied into the store under its base
    /// name (a path interpolated into a string, or given to a derivation); copied in
    /// read-write mode.
    pub fn copy_source(&mut self, path: &Path) -> Result<StorePath, EvalError> {
        if let Some(p) = self.sources.get(path) {
            return Ok(p.clone());
        }
        let real = self.real_path(path)?;
        if std::fs::symlink_metadata(&real).is_err() {
            return Err(EvalError::eval(format!("path '{}' does not exist", path.display()), None));
        }
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let store_path = self.add_tree(&real, &name, FileIngestionMethod::Recursive, HashAlgo::Sha256)?;
        self.sources.insert(path.to_owned(), store_path.clone());
        Ok(store_path)
    }

    /// The content-addressed path of the tree at `path` named `name`, added to the store
    /// in read-write mode.
    pub fn add_tree(
        &mut self,
        path: &Path,
        name: &str,
        method: FileIngestionMethod,
        algo: HashAlgo,
    ) -> Result<StorePath, EvalError> {
        self.add_filtered(path, name, method, algo, &nar::keep_all)
    }

    /// The content-addressed path of the tree at `path` named `name`, without the
    /// entries `keep` rejects (`builtins.path`); added to the store in read-write mode.
    /// An invalid name fails as the reference words it, with the path computed for it.
    pub fn add_filtered(
        &mut self,
        path: &Path,
        name: &str,
        method: FileIngestionMethod,
        algo: HashAlgo,
        keep: nar::Keep<'_>,
    ) -> Result<StorePath, EvalError> {
        if self.writable && check_name(name).is_ok() {
            let store = self.local()?;
            return store
                .add_path_filtered(path, name, method, algo, &BTreeSet::new(), keep)
                .map_err(store_error);
        }
        let hash = content_hash(path, method, algo, keep).map_err(store_error)?;
        make_fixed_output_path(name, method, &hash, &BTreeSet::new(), false).map_err(store_error)
    }

    /// The path of a text object (`toFile`); queued for writing in read-write mode.
    pub fn add_text(
        &mut self,
        name: &str,
        text: &[u8],
        references: BTreeSet<StorePath>,
    ) -> Result<StorePath, EvalError> {
        let hash = Hash::digest(HashAlgo::Sha256, text);
        let path = make_text_path(name, &hash, &references).map_err(store_error)?;
        if !references.is_empty() {
            self.text_references.insert(path.clone(), references.clone());
        }
        if self.writable {
            let text = String::from_utf8_lossy(text).into_owned();
            self.queue(TextObject { name: name.to_owned(), text, references, outputs: BTreeMap::new() })?;
        }
        Ok(path)
    }

    /// Fills in the output paths of a new derivation, and gives its `.drv` path; the
    /// `.drv` file is queued for writing in read-write mode.
    pub fn add_derivation(&mut self, drv: &mut Derivation) -> Result<StorePath, EvalError> {
        let EvalStore { hashes, store, root, .. } = self;
        let mut load = |p: &StorePath| read_derivation(store, root, p);
        let (drv_path, aterm) = hashes.add(drv, &mut load).map_err(store_error)?;
        let known = KnownDrv::of(drv);
        if self.writable {
            let outputs =
                drv.outputs.iter().filter_map(|(n, o)| Some((n.clone(), o.path()?.clone()))).collect();
            let references = known.references.iter().cloned().collect();
            self.queue(TextObject { name: drv_path.name().to_owned(), text: aterm, references, outputs })?;
        }
        self.derivations.insert(drv_path.clone(), known);
        Ok(drv_path)
    }

    /// Stages a text object (its references are staged or valid already); commits the
    /// batch once it is long enough.
    fn queue(&mut self, object: TextObject) -> Result<(), EvalError> {
        let store = open(&mut self.store, &self.root).map_err(store_error)?;
        store.stage_text(&mut self.pending, object).map_err(store_error)?;
        if self.pending.len() >= BATCH {
            self.flush()?;
        }
        Ok(())
    }

    /// The output names of the derivation at `drv_path`.
    pub fn derivation_outputs(&mut self, drv_path: &StorePath) -> Result<Vec<String>, EvalError> {
        self.know(drv_path)?;
        Ok(self.derivations[drv_path].outputs.clone())
    }

    /// The closure of `drv_path` by references (itself included): what a string with
    /// the whole derivation in its context (`drvPath`) makes a derivation depend on.
    /// As the reference, in read-only mode the derivation must be valid in the store.
    pub fn derivation_closure(&mut self, drv_path: &StorePath) -> Result<BTreeSet<StorePath>, EvalError> {
        if !self.writable && !self.is_valid(drv_path)? {
            return Err(EvalError::eval(format!("path '{drv_path}' is not valid"), None));
        }
        let mut seen = BTreeSet::new();
        let mut todo = vec![drv_path.clone()];
        while let Some(p) = todo.pop() {
            if !seen.insert(p.clone()) {
                continue;
            }
            if p.is_derivation() {
                self.know(&p)?;
                todo.extend(self.derivations[&p].references.iter().cloned());
            } else if let Some(references) = self.text_references.get(&p) {
                todo.extend(references.iter().cloned());
            } else if let Some(store) = &self.store {
                todo.extend(store.query_references(&p).map_err(store_error)?);
            }
        }
        Ok(seen)
    }

    /// Makes the store paths of a string's context valid, as reading a path named by a
    /// string requires: sources must be valid already; a derivation output that is not
    /// is built by the realiser (import from derivation), which only read-write
    /// evaluation has.
    pub fn realise_context(&mut self, context: &StringContext) -> Result<(), EvalError> {
        for element in context.elements() {
            let (path, output) = match ContextElement::parse(element) {
                ContextElement::Path(p) => (p, None),
                ContextElement::Output { output, drv } => (drv, Some(output)),
                ContextElement::AllOutputs(drv) => (drv, None),
            };
            let path = StorePath::parse(path).map_err(store_error)?;
            // A derivation written by this evaluation must be valid before it is built.
            self.flush()?;
            if !self.is_valid(&path)? {
                return Err(EvalError::eval(format!("path '{}' is not valid", path.base_name()), None));
            }
            let Some(output) = output else { continue };
            if self.output_built(&path, output)? {
                continue;
            }
            let cannot = |why: &str| {
                EvalError::eval(
                    format!("cannot build '{}^{output}' during evaluation {why}", path.to_absolute()),
                    None,
                )
            };
            let Some(realise) = &mut self.realiser else {
                // Read-only evaluation, which cannot write the output, as the reference says.
                let out = self.output_path(&path, output)?;
                return Err(match out {
                    Some(out) => EvalError::eval(
                        format!(
                            "cannot substitute path '{}' - no write access to the Nix store",
                            out.to_absolute()
                        ),
                        None,
                    ),
                    None => cannot("because the option 'allow-import-from-derivation' is disabled"),
                });
            };
            realise(&path).map_err(|e| cannot(&format!("(import from derivation): {e}")))?;
            if !self.output_built(&path, output)? {
                return Err(cannot("(import from derivation): the build did not produce it"));
            }
        }
        Ok(())
    }

    /// Whether output `output` of the valid derivation `drv_path` is valid.
    fn output_built(&mut self, drv_path: &StorePath, output: &str) -> Result<bool, EvalError> {
        match self.output_path(drv_path, output)? {
            Some(out) => self.is_valid(&out),
            None => Ok(false),
        }
    }

    /// The path of output `output` of the derivation at `drv_path`, when known.
    fn output_path(&mut self, drv_path: &StorePath, output: &str) -> Result<Option<StorePath>, EvalError> {
        if !self.is_valid(drv_path)? {
            return Ok(None);
        }
        let outputs = self.local()?.query_derivation_outputs(drv_path).map_err(store_error)?;
        Ok(outputs.get(output).cloned())
    }

    /// The context of a store path's contents (as `readFile` gives it): the paths it
    /// refers to; nothing for a path outside the store.
    pub fn references_of(&mut self, path: &Path) -> Result<StringContext, EvalError> {
        let Some(path) = path.to_str().and_then(|p| StorePath::parse_prefix(p).ok()).map(|(p, _)| p) else {
            return Ok(StringContext::default());
        };
        if !self.is_valid(&path)? {
            return Ok(StringContext::default());
        }
        let references = self.local()?.query_references(&path).map_err(store_error)?;
        Ok(StringContext::from_elements(references.iter().map(StorePath::to_absolute)))
    }

    /// In read-write mode, fails unless `path` is valid (the reference would try to
    /// substitute it, and Ferrix has no substituters); read-only mode does not check.
    pub fn ensure_valid(&mut self, path: &StorePath) -> Result<(), EvalError> {
        if self.writable && !self.is_valid(path)? {
            return Err(EvalError::eval(
                format!("path '{path}' is required, but there is no substituter that can build it"),
                None,
            ));
        }
        Ok(())
    }

    /// Whether `path` is valid in the local store (which is not created to find out).
    pub fn is_valid(&mut self, path: &StorePath) -> Result<bool, EvalError> {
        if self.store.is_none() && !self.exists()? {
            return Ok(false);
        }
        self.local()?.is_valid(path).map_err(store_error)
    }

    /// Whether the local store exists (it is opened, given, or found at the default root).
    fn exists(&self) -> Result<bool, EvalError> {
        if self.store.is_some() || self.root.is_some() || self.writable {
            return Ok(true);
        }
        Ok(ferrix_store::local::default_root().is_ok_and(|root| root.join("nix/store").is_dir()))
    }

    /// Makes sure `drv_path` is among the known derivations, reading it if needed.
    fn know(&mut self, drv_path: &StorePath) -> Result<(), EvalError> {
        if self.derivations.contains_key(drv_path) {
            return Ok(());
        }
        let drv = read_derivation(&mut self.store, &self.root, drv_path).map_err(store_error)?;
        self.derivations.insert(drv_path.clone(), KnownDrv::of(&drv));
        Ok(())
    }

    /// Makes the staged texts and derivations valid (read-write mode).
    pub fn flush(&mut self) -> Result<(), EvalError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let store = open(&mut self.store, &self.root).map_err(store_error)?;
        store.commit_texts(&mut self.pending).map_err(store_error)
    }

    /// Where `path` is read from: a store path from the local store when it has it
    /// (its physical root need not be `/`), anything else as it is.
    pub fn real_path(&mut self, path: &Path) -> Result<PathBuf, EvalError> {
        Ok(self.physical(path)?.unwrap_or_else(|| path.to_owned()))
    }

    /// Where the store path `path` (absolute, under `/nix/store`) can be read: in the
    /// local store when it is there, after writing what is queued.
    pub fn physical(&mut self, path: &Path) -> Result<Option<PathBuf>, EvalError> {
        let Ok(rest) = path.strip_prefix(ferrix_store::STORE_DIR) else { return Ok(None) };
        if !self.exists()? {
            return Ok(None);
        }
        self.flush()?;
        let real = self.local()?.store_dir().join(rest);
        Ok(std::fs::symlink_metadata(&real).is_ok().then_some(real))
    }

    /// Adds a fetched file (`Flat`) or tree (`Recursive`) to the local store under
    /// `name`, hashed with sha256, in either mode: the reference's fetchers write what
    /// they fetch even when evaluation is read-only (`--eval`), so that it can be read.
    pub fn add_fetched(
        &mut self,
        path: &Path,
        name: &str,
        method: FileIngestionMethod,
    ) -> Result<StorePath, EvalError> {
        let store = self.local()?;
        store.add_path(path, name, method, HashAlgo::Sha256, &BTreeSet::new()).map_err(store_error)
    }
}

impl EvalStore {
    /// The store path of the embedded standard library, written to the store (in
    /// either mode, as fetched files are) the first time it is asked for.
    pub fn stdlib(&mut self) -> Result<StorePath, EvalError> {
        if let Some(path) = &self.stdlib {
            return Ok(path.clone());
        }
        let fail = |e: std::io::Error| store_error(format!("cannot unpack the standard library: {e}"));
        let dir = tempfile::tempdir().map_err(fail)?;
        let tree = dir.path().join(super::stdlib::NAME);
        std::fs::create_dir(&tree).map_err(fail)?;
        super::stdlib::unpack(&tree).map_err(fail)?;
        let path = self.add_fetched(&tree, super::stdlib::NAME, FileIngestionMethod::Recursive)?;
        self.stdlib = Some(path.clone());
        Ok(path)
    }
}

/// The local store in `store`, opened under `root` (else the default root) if it was not.
fn open<'a>(store: &'a mut Option<LocalStore>, root: &Option<PathBuf>) -> Result<&'a LocalStore, StoreError> {
    if store.is_none() {
        let root = match root {
            Some(root) => root.clone(),
            None => ferrix_store::local::default_root()?,
        };
        *store = Some(LocalStore::open(&root)?);
    }
    Ok(store.as_ref().expect("opened above"))
}

/// Reads the `.drv` file `path` from the local store (opened if needed).
fn read_derivation(
    store: &mut Option<LocalStore>,
    root: &Option<PathBuf>,
    path: &StorePath,
) -> Result<Derivation, DerivationError> {
    let load_error = |reason: String| DerivationError::Load { path: path.to_absolute(), reason };
    let real = open(store, root).map_err(|e| load_error(e.to_string()))?.real_path(path);
    let text = std::fs::read_to_string(&real).map_err(|e| load_error(e.to_string()))?;
    Ok(Derivation::parse(&text)?)
}
