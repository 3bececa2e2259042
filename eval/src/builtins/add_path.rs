//! `builtins.path` and `builtins.filterSource`: a file tree added to the store as a
//! content-addressed path (read-only evaluation only computes the path, as the
//! reference does), without the entries a Nix filter function rejects.
//!
//! Both run as one state machine ([`AddPath`]): it forces the arguments, then walks the
//! tree calling the filter as `filter path type` for every entry below the root (depth
//! first, names in byte order, a rejected directory not entered), then adds what was
//! kept. A symlink at the root is followed; the filter sees paths under its target.

use super::files::{file_type, io_error, missing, path_value};
use super::hashing::parse_hash_allow_empty;
use super::higher::boolean;
use super::store_objects::with_store_path;
use super::util::{arg, attrs, function, new_string, string_without_context};
use super::{PrimOpDef, Ret, prim};
use crate::error::EvalError;
use crate::paths::{base_name, canonicalise};
use crate::source::{Pos, Span};
use crate::symbol::known;
use crate::value::{StringContext, Value};
use crate::vm::native::{Native, Step};
use crate::vm::{Ctx, Vm};
use ferrix_store::store_path::{FileIngestionMethod, make_fixed_output_path};
use ferrix_store::{Hash, HashAlgo, StorePath};
use gc_arena::{Collect, Mutation};
use std::collections::{BTreeSet, HashSet};
use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

pub const PRIMOPS: &[PrimOpDef] = &[prim("path", 1, 1, path), prim("filterSource", 2, 1, filter_source)];

/// Symlinks followed at most while resolving the root, as the reference.
const MAX_SYMLINKS: usize = 1024;

/// `builtins.path { path; name ? ...; filter ? ...; recursive ? true; sha256 ? ...; }`.
fn path<'gc>(
    _: &mut Vm<'gc>,
    _: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let set = arg(0, attrs(ctx, a[0]))?;
    // The reference's symbols for `name` and `path` precede the others, and names it
    // does not know come last.
    let rank = |arg: &Arg<'_>| match arg.attr {
        Attr::Name => 0,
        Attr::Path => 1,
        Attr::Unknown(_) => 3,
        _ => 2,
    };
    let mut args: Vec<Arg<'gc>> = set
        .entries(ctx.symbols)
        .iter()
        .map(|e| {
            let attr = match ctx.symbols.resolve(e.name) {
                _ if e.name == known::NAME => Attr::Name,
                _ if e.name == known::PATH => Attr::Path,
                b"filter" => Attr::Filter,
                b"recursive" => Attr::Recursive,
                b"sha256" => Attr::Sha256,
                other => Attr::Unknown(String::from_utf8_lossy(other).into_owned()),
            };
            Arg { attr, value: e.value, pos: e.pos }
        })
        .collect();
    args.sort_by_key(rank);
    Ok(start(args, None, false))
}

/// `builtins.filterSource filter path`: `builtins.path` with the path's base name.
fn filter_source<'gc>(
    _: &mut Vm<'gc>,
    _: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    arg(0, function(ctx, a[0]))?;
    Ok(start(vec![Arg { attr: Attr::Path, value: a[1], pos: Pos::NONE }], Some(a[0]), true))
}

fn start<'gc>(args: Vec<Arg<'gc>>, filter: Option<Value<'gc>>, filter_source: bool) -> Ret<'gc> {
    Ret::Native(Native::AddPath(Box::new(AddPath {
        args,
        next: 0,
        filter,
        filter_source,
        spec: Spec { path: None, name: None, recursive: true, sha256: None },
        stage: Stage::Arguments,
    })))
}

/// An attribute of `builtins.path`'s argument.
#[derive(Clone, PartialEq, Eq)]
enum Attr {
    Path,
    Name,
    Filter,
    Recursive,
    Sha256,
    Unknown(String),
}

/// An argument still to evaluate: its value (replaced by what a set coerces through).
#[derive(Collect)]
#[collect(no_drop)]
struct Arg<'gc> {
    #[collect(require_static)]
    attr: Attr,
    value: Value<'gc>,
    #[collect(require_static)]
    pos: Pos,
}

/// What the arguments say.
struct Spec {
    /// The path as given (canonical), and its context.
    path: Option<(PathBuf, StringContext)>,
    name: Option<String>,
    recursive: bool,
    sha256: Option<String>,
}

/// Where the builtin is.
enum Stage {
    /// Evaluating `args[next]`.
    Arguments,
    /// Finding what to add.
    Adding,
    /// Calling the filter on the entries of the tree.
    Walk(Box<Walk>),
}

/// The running `builtins.path` or `builtins.filterSource`.
#[derive(Collect)]
#[collect(no_drop)]
pub struct AddPath<'gc> {
    args: Vec<Arg<'gc>>,
    #[collect(require_static)]
    next: usize,
    filter: Option<Value<'gc>>,
    #[collect(require_static)]
    filter_source: bool,
    #[collect(require_static)]
    spec: Spec,
    #[collect(require_static)]
    stage: Stage,
}

/// What the adding needs once the arguments are known.
struct Target {
    name: String,
    method: FileIngestionMethod,
    /// The root, symlinks resolved: as the filter sees it, and where it is read.
    logical: PathBuf,
    physical: PathBuf,
    /// The path the `sha256` argument names.
    expected: Option<StorePath>,
    /// The root is a directory, added recursively: the filter is asked about its entries.
    directory: bool,
}

/// The walk over the tree: directories being listed (names in reverse order, so the
/// next is last), the entry the filter was called on, and the entries it rejected.
struct Walk {
    target: Target,
    dirs: Vec<(PathBuf, Vec<OsString>)>,
    asked: Option<(PathBuf, bool)>,
    rejected: HashSet<PathBuf>,
}

impl<'gc> AddPath<'gc> {
    /// One step; `forced` is the filter's result when it was called.
    pub fn step(
        &mut self,
        vm: &mut Vm<'gc>,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
        forced: Option<Value<'gc>>,
    ) -> Result<Step<'gc>, EvalError> {
        if let Stage::Arguments = self.stage {
            while let Some(arg) = self.args.get_mut(self.next) {
                let v = arg.value.resolved();
                if v.is_thunk() {
                    return vm.demand(mc, ctx, v);
                }
                let span = ctx.sources.span_at(arg.pos);
                let placed = |mut e: EvalError| {
                    e.span = e.span.or(span);
                    e
                };
                match &arg.attr {
                    Attr::Path => match path_value(mc, ctx, v)? {
                        Ok(s) => {
                            let path = PathBuf::from(OsStr::from_bytes(&canonicalise(&s.bytes)));
                            self.spec.path = Some((path, s.context.clone()));
                        }
                        Err(target) => {
                            arg.value = target;
                            continue;
                        }
                    },
                    Attr::Name => self.spec.name = Some(string_without_context(ctx, v).map_err(placed)?),
                    Attr::Filter => {
                        function(ctx, v).map_err(placed)?;
                        self.filter = Some(v);
                    }
                    Attr::Recursive => self.spec.recursive = super::util::bool(ctx, v).map_err(placed)?,
                    Attr::Sha256 => self.spec.sha256 = Some(string_without_context(ctx, v).map_err(placed)?),
                    Attr::Unknown(name) => {
                        return Err(EvalError::eval(
                            format!("unsupported argument '{name}' to 'builtins.path'"),
                            span,
                        ));
                    }
                }
                self.next += 1;
            }
            let expected = match &self.spec.sha256 {
                Some(hash) => Some(parse_hash_allow_empty(hash, Some(HashAlgo::Sha256))?),
                None => None,
            };
            if self.spec.path.is_none() {
                return Err(EvalError::eval(
                    "missing required 'path' attribute in the first argument to 'builtins.path'",
                    None,
                ));
            }
            // From here on errors are about adding the path.
            self.stage = Stage::Adding;
            let target = self.target(ctx, expected.as_ref())?;
            if let Some(expected) = &target.expected
                && ctx.io.store.is_valid(expected)?
            {
                return Ok(Step::Return(with_store_path(mc, expected.to_absolute(), expected)));
            }
            let mut walk = Walk { target, dirs: Vec::new(), asked: None, rejected: HashSet::new() };
            if self.filter.is_some() && walk.target.directory {
                walk.enter(&walk.target.physical.clone())?;
            }
            self.stage = Stage::Walk(Box::new(walk));
        }
        let Stage::Walk(walk) = &mut self.stage else { unreachable!("the arguments and target are done") };
        if let Some((entry, is_dir)) = walk.asked.take() {
            if !boolean(ctx, forced, "the path filter function")? {
                walk.rejected.insert(entry);
            } else if is_dir {
                walk.enter(&entry)?;
            }
        }
        if let Some((entry, kind)) = walk.next_entry() {
            let filter = self.filter.expect("walking with a filter");
            let t = &walk.target;
            let logical = t.logical.join(entry.strip_prefix(&t.physical).expect("below the root"));
            let path = new_string(mc, logical.into_os_string().into_encoded_bytes());
            walk.asked = Some((entry, kind == "directory"));
            return vm.demand_apply2(mc, ctx, filter, path, new_string(mc, kind.as_bytes()));
        }
        let t = &walk.target;
        let rejected = &walk.rejected;
        let keep = |p: &Path| !rejected.contains(p);
        let added = ctx.io.store.add_filtered(&t.physical, &t.name, t.method, HashAlgo::Sha256, &keep)?;
        if t.expected.as_ref().is_some_and(|e| *e != added) {
            return Err(EvalError::eval(
                format!("store path mismatch in (possibly filtered) path added from '{}'", self.shown()),
                None,
            ));
        }
        Ok(Step::Return(with_store_path(mc, added.to_absolute(), &added)))
    }

    /// The path as the reference's messages show it.
    fn shown(&self) -> String {
        self.spec.path.as_ref().map(|(p, _)| p.display().to_string()).unwrap_or_default()
    }

    /// Resolves what is to be added: the name, the method, where the root is, and the
    /// path `expected` names.
    fn target(&self, ctx: &mut Ctx<'_>, expected: Option<&Hash>) -> Result<Target, EvalError> {
        let (given, context) = self.spec.path.as_ref().expect("checked");
        ctx.io.store.realise_context(context)?;
        let name = match &self.spec.name {
            Some(name) if !name.is_empty() => name.clone(),
            _ => String::from_utf8_lossy(base_name(given.as_os_str().as_bytes())).into_owned(),
        };
        let logical = resolve_symlinks(ctx, given)?;
        let physical = ctx.io.real_path(&logical)?;
        let meta = std::fs::symlink_metadata(&physical).map_err(|_| missing(&logical))?;
        let method =
            if self.spec.recursive { FileIngestionMethod::Recursive } else { FileIngestionMethod::Flat };
        if method == FileIngestionMethod::Flat && meta.is_dir() {
            // What the reference's read of the directory as a file says.
            return Err(EvalError::eval("read of 4096 bytes: Is a directory", None));
        }
        let expected = match expected {
            Some(hash) => Some(
                make_fixed_output_path(&name, method, hash, &BTreeSet::new(), false)
                    .map_err(|e| EvalError::eval(e.to_string(), None))?,
            ),
            None => None,
        };
        let directory = meta.is_dir() && method == FileIngestionMethod::Recursive;
        Ok(Target { name, method, logical, physical, expected, directory })
    }

    /// The frames of an error raised while this runs, innermost first.
    pub fn frames(&self, ctx: &Ctx<'_>) -> Vec<(String, Option<Span>)> {
        let frame = match (&self.stage, self.args.get(self.next)) {
            (Stage::Adding | Stage::Walk(_), _) => (format!("while adding path '{}'", self.shown()), None),
            (Stage::Arguments, Some(arg)) => {
                let what = match arg.attr {
                    Attr::Path if self.filter_source => {
                        "the second argument (the path to filter) passed to 'builtins.filterSource'"
                    }
                    Attr::Path => "the 'path' attribute passed to 'builtins.path'",
                    Attr::Name => "the `name` attribute passed to builtins.path",
                    Attr::Filter => "the `filter` parameter passed to builtins.path",
                    Attr::Recursive => "the `recursive` attribute passed to builtins.path",
                    Attr::Sha256 => "the `sha256` attribute passed to builtins.path",
                    Attr::Unknown(_) => return Vec::new(),
                };
                (format!("while evaluating {what}"), ctx.sources.span_at(arg.pos))
            }
            (Stage::Arguments, None) => return Vec::new(),
        };
        vec![frame]
    }
}

impl Walk {
    /// Lists the directory `dir` (physical), to visit its entries next.
    fn enter(&mut self, dir: &Path) -> Result<(), EvalError> {
        let mut names = std::fs::read_dir(dir)
            .and_then(|entries| {
                entries.map(|e| e.map(|e| e.file_name())).collect::<std::io::Result<Vec<_>>>()
            })
            .map_err(|e| io_error(dir, "reading directory", e))?;
        names.sort_unstable_by(|a, b| b.as_bytes().cmp(a.as_bytes()));
        self.dirs.push((dir.to_owned(), names));
        Ok(())
    }

    /// The next entry to ask the filter about (depth first), and its type.
    fn next_entry(&mut self) -> Option<(PathBuf, &'static str)> {
        loop {
            let (dir, names) = self.dirs.last_mut()?;
            match names.pop() {
                Some(name) => {
                    let entry = dir.join(name);
                    let kind =
                        std::fs::symlink_metadata(&entry).map_or("unknown", |m| file_type(&m.file_type()));
                    return Some((entry, kind));
                }
                None => {
                    self.dirs.pop();
                }
            }
        }
    }
}

/// `path` with every symlink along it resolved (a missing component ends the
/// resolution: the rest is taken as it is).
fn resolve_symlinks(ctx: &mut Ctx<'_>, path: &Path) -> Result<PathBuf, EvalError> {
    let mut todo = Vec::new();
    push_components(&mut todo, path);
    let mut resolved = PathBuf::from("/");
    let mut followed = 0;
    while let Some(part) = todo.pop() {
        match part.as_bytes() {
            b"." => continue,
            b".." => {
                resolved.pop();
                continue;
            }
            _ => resolved.push(&part),
        }
        let Ok(target) = std::fs::read_link(ctx.io.real_path(&resolved)?) else { continue };
        followed += 1;
        if followed > MAX_SYMLINKS {
            return Err(EvalError::eval(
                format!("infinite symlink recursion in path '{}'", path.display()),
                None,
            ));
        }
        resolved.pop();
        if target.is_absolute() {
            resolved = PathBuf::from("/");
        }
        push_components(&mut todo, &target);
    }
    Ok(resolved)
}

/// Pushes the components of `path` (but the root) to be taken next, first on top.
fn push_components(todo: &mut Vec<OsString>, path: &Path) {
    todo.extend(path.iter().rev().filter(|c| *c != "/").map(OsStr::to_owned));
}
