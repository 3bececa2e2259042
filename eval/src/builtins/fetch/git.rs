//! `builtins.fetchGit` for local repositories (a path, or a `file://` URL), through the
//! `git` command. A commit's tree (`rev`, else `ref`, else `HEAD`) is exported with
//! `git archive` (which honours `export-ignore`, as the reference does by default);
//! a working tree with uncommitted changes to tracked files is taken as it is when
//! neither `rev` nor `ref` is given, with the reference's warning and attributes.

use super::tarball::unpack_tar;
use super::{fetching, local_file, not_local, store_path_value};
use crate::builtins::Ret;
use crate::builtins::unforced;
use crate::builtins::util::{attribute, bool, new_string, ok, string};
use crate::error::EvalError;
use crate::value::{AttrsBuilder, Value};
use crate::vm::{Ctx, Vm};
use ferrix_store::store_path::{FileIngestionMethod, make_source_path};
use ferrix_store::url::scheme;
use ferrix_store::{Hash, HashAlgo, nar};
use gc_arena::Mutation;
use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What `fetchGit` was asked for.
struct GitArgs {
    repo: PathBuf,
    rev: Option<String>,
    git_ref: Option<String>,
    name: String,
    submodules: bool,
    shallow: bool,
    all_refs: bool,
}

impl GitArgs {
    /// The input as the reference names it in trace frames.
    fn input(&self) -> String {
        let mut query = Vec::new();
        if self.all_refs {
            query.push("allRefs=1".to_owned());
        }
        query.push("exportIgnore=1".to_owned());
        query.extend(self.git_ref.as_ref().map(|r| format!("ref={r}")));
        query.extend(self.rev.as_ref().map(|r| format!("rev={r}")));
        if self.shallow {
            query.push("shallow=1".to_owned());
        }
        if self.submodules {
            query.push("submodules=1".to_owned());
        }
        format!("git+file://{}?{}", self.repo.display(), query.join("&"))
    }
}

/// What was exported, and which commit it stands for.
struct Export {
    /// The commit; `HEAD`'s for a dirty working tree.
    rev: String,
    /// Whether the working tree was taken, with its uncommitted changes.
    dirty: bool,
    rev_count: i64,
    last_modified: i64,
}

pub(super) fn fetch_git<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let args = match git_args(ctx, a[0])? {
        Ok(args) => args,
        Err(again) => return Ok(again),
    };
    let input = args.input();
    let fail = |message: String| fetching(&input, EvalError::eval(message, None));
    let scratch =
        tempfile::tempdir().map_err(|e| fail(format!("cannot create a temporary directory: {e}")))?;
    let tree = scratch.path().join("tree");
    let export = export(&args, &tree).map_err(fail)?;
    if args.submodules && tree.join(".gitmodules").exists() {
        return Err(fail("fetching Git submodules is not supported by Ferrix yet".to_owned()));
    }
    let (nar_hash, _) =
        nar::hash_path(&tree).map_err(|e| fail(format!("cannot read the exported tree: {e}")))?;
    let expected = make_source_path(&args.name, &nar_hash, &Default::default(), false)
        .map_err(|e| EvalError::eval(e.to_string(), None))?;
    let path = if ctx.io.store.is_valid(&expected)? {
        expected
    } else {
        ctx.io.store.add_fetched(&tree, &args.name, FileIngestionMethod::Recursive)?
    };

    let zero = "0".repeat(40);
    let rev = if export.dirty { &zero } else { &export.rev };
    let mut set = AttrsBuilder::with_capacity(10);
    let mut push = |name: &str, v: Value<'gc>| set.push(ctx.symbols.intern(name.as_bytes()), v);
    push("lastModified", Value::Int(export.last_modified));
    push("lastModifiedDate", new_string(mc, utc_date(export.last_modified).into_bytes()));
    push("narHash", new_string(mc, nar_hash.to_sri().into_bytes()));
    push("outPath", store_path_value(mc, &path));
    push("rev", new_string(mc, rev.as_bytes()));
    push("revCount", Value::Int(export.rev_count));
    push("shortRev", new_string(mc, &rev.as_bytes()[..7]));
    push("submodules", Value::Bool(args.submodules));
    if export.dirty {
        let head = &export.rev;
        push("dirtyRev", new_string(mc, format!("{head}-dirty").into_bytes()));
        push("dirtyShortRev", new_string(mc, format!("{}-dirty", &head[..7]).into_bytes()));
    }
    let set = set.finish(mc, ctx.symbols, true).unwrap_or_else(|_| unreachable!("distinct names"));
    ok(Value::Attrs(set))
}

/// Reads `fetchGit`'s argument: a path or URL, or a set with `url` and options; `Err`
/// holds the call again once the set's attributes are forced.
fn git_args<'gc>(ctx: &Ctx<'_>, v: Value<'gc>) -> Result<Result<GitArgs, Ret<'gc>>, EvalError> {
    let mut args = GitArgs {
        repo: PathBuf::new(),
        rev: None,
        git_ref: None,
        name: "source".to_owned(),
        submodules: false,
        shallow: false,
        all_refs: false,
    };
    let url = match v {
        Value::Attrs(set) => {
            let pending = unforced(set.entries(ctx.symbols).iter().map(|e| e.value));
            if !pending.is_empty() {
                return Ok(Err(Ret::Retry(pending)));
            }
            let mut url = None;
            for e in set.entries(ctx.symbols) {
                let at = ctx.sources.span_at(e.pos);
                let key = String::from_utf8_lossy(ctx.symbols.resolve(e.name)).into_owned();
                let what = format!("the '{key}' attribute of fetchGit");
                let value = e.value.resolved();
                let text = || attribute(string(ctx, value), &what, at).map(|s| s.lossy().into_owned());
                let flag = || attribute(bool(ctx, value), &what, at);
                match key.as_str() {
                    "url" => url = Some(location(ctx, value)?),
                    "rev" => {
                        let rev = text()?;
                        Hash::parse_unprefixed(&rev, HashAlgo::Sha1)
                            .map_err(|e| EvalError::eval(e.to_string(), None))?;
                        args.rev = Some(rev);
                    }
                    "ref" => args.git_ref = Some(text()?),
                    "name" => args.name = text()?,
                    "submodules" => args.submodules = flag()?,
                    "shallow" => args.shallow = flag()?,
                    "allRefs" => args.all_refs = flag()?,
                    _ => {
                        return Err(EvalError::eval(
                            format!("input attribute '{key}' not supported by scheme 'git'"),
                            None,
                        ));
                    }
                }
            }
            url.ok_or_else(|| EvalError::eval("'url' argument required", None))?
        }
        v => location(ctx, v)?,
    };
    args.repo = if url.starts_with('/') {
        PathBuf::from(OsStr::from_bytes(url.as_bytes()))
    } else if scheme(&url).is_some_and(|s| s == "file" || s == "git+file") {
        local_file(url.strip_prefix("git+").unwrap_or(&url))?
    } else {
        return Err(not_local(&url));
    };
    Ok(Ok(args))
}

/// The repository's location: a path, or a string.
fn location(ctx: &Ctx<'_>, v: Value<'_>) -> Result<String, EvalError> {
    match v {
        Value::Path(p) => Ok(p.lossy().into_owned()),
        v => Ok(string(ctx, v)?.lossy().into_owned()),
    }
}

/// Exports what `args` ask for into `tree` (which must not exist).
fn export(args: &GitArgs, tree: &Path) -> Result<Export, String> {
    let repo = &args.repo;
    let work_tree = repo.join(".git").exists();
    if !work_tree && run(git(repo).args(["rev-parse", "--is-bare-repository"])).as_deref() != Ok("true") {
        return Err(format!("'{}' is not a Git repository", repo.display()));
    }
    let commit_time = |rev: &str| -> Result<i64, String> {
        let time = run(git(repo).args(["show", "-s", "--format=%ct", rev]))?;
        time.parse().map_err(|_| format!("cannot read the time of commit '{rev}': '{time}'"))
    };
    if work_tree && args.rev.is_none() && args.git_ref.is_none() && is_dirty(repo)? {
        eprintln!("warning: Git tree '{}' is dirty", repo.display());
        copy_tracked(repo, tree)?;
        let head = run(git(repo).args(["rev-parse", "--verify", "HEAD"]))?;
        let last_modified = commit_time(&head)?;
        return Ok(Export { rev: head, dirty: true, rev_count: 0, last_modified });
    }
    let rev = match (&args.rev, &args.git_ref) {
        (Some(rev), _) => {
            run(git(repo).args(["cat-file", "-e", &format!("{rev}^{{commit}}")])).map_err(|_| {
                format!("getting Git object '{rev}': object not found - no match for id ({rev})")
            })?;
            rev.clone()
        }
        (None, git_ref) => resolve(repo, git_ref.as_deref().unwrap_or("HEAD"))?,
    };
    fs::create_dir(tree).map_err(|e| format!("cannot create '{}': {e}", tree.display()))?;
    let mut child = git(repo)
        .args(["archive", "--format=tar", &rev])
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run 'git': {e}"))?;
    let unpacked = unpack_tar(child.stdout.take().expect("piped"), tree);
    let status = child.wait().map_err(|e| format!("cannot run 'git': {e}"))?;
    if !status.success() {
        return Err(format!("'git archive' failed for commit '{rev}'"));
    }
    unpacked.map_err(|e| format!("cannot unpack commit '{rev}': {e}"))?;
    let rev_count = if args.shallow {
        0
    } else {
        let count = run(git(repo).args(["rev-list", "--count", &rev]))?;
        count.parse().map_err(|_| format!("cannot count the commits of '{rev}': '{count}'"))?
    };
    let last_modified = commit_time(&rev)?;
    Ok(Export { rev, dirty: false, rev_count, last_modified })
}

/// The commit `git_ref` names: a branch, a tag, or anything `git rev-parse` takes.
fn resolve(repo: &Path, git_ref: &str) -> Result<String, String> {
    let candidates = [format!("refs/heads/{git_ref}"), format!("refs/tags/{git_ref}"), git_ref.to_owned()];
    candidates
        .iter()
        .find_map(|c| {
            run(git(repo).args(["rev-parse", "--verify", "--quiet", &format!("{c}^{{commit}}")])).ok()
        })
        .ok_or_else(|| format!("resolving Git reference '{git_ref}': revspec '{git_ref}' not found"))
}

/// Whether tracked files of the working tree at `repo` differ from `HEAD`.
fn is_dirty(repo: &Path) -> Result<bool, String> {
    Ok(!run(git(repo).args(["status", "--porcelain", "--untracked-files=no", "--ignore-submodules"]))?
        .is_empty())
}

/// Copies the files of the index (tracked ones) from the working tree at `repo` into
/// `tree`, as the reference takes a dirty tree; deleted files are left out.
fn copy_tracked(repo: &Path, tree: &Path) -> Result<(), String> {
    let listing = git(repo)
        .args(["ls-files", "-z", "--cached"])
        .output()
        .map_err(|e| format!("cannot run 'git': {e}"))?;
    fs::create_dir(tree).map_err(|e| format!("cannot create '{}': {e}", tree.display()))?;
    for name in listing.stdout.split(|&b| b == 0).filter(|n| !n.is_empty()) {
        let (from, to) = (repo.join(OsStr::from_bytes(name)), tree.join(OsStr::from_bytes(name)));
        let copy_error = |e: std::io::Error| format!("cannot copy '{}': {e}", from.display());
        let Ok(meta) = fs::symlink_metadata(&from) else { continue };
        if meta.is_dir() {
            continue; // a submodule
        }
        fs::create_dir_all(to.parent().expect("below the tree")).map_err(copy_error)?;
        if meta.is_symlink() {
            std::os::unix::fs::symlink(fs::read_link(&from).map_err(copy_error)?, &to).map_err(copy_error)?;
        } else {
            fs::copy(&from, &to).map_err(copy_error)?;
        }
    }
    Ok(())
}

/// A `git` command run in `repo`, whoever owns it, untouched by the environment's
/// repository variables.
fn git(repo: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-C").arg(repo).args(["-c", "safe.directory=*"]).stdin(Stdio::null());
    for var in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"] {
        c.env_remove(var);
    }
    c
}

/// Runs a git command; its output without the trailing newline, or its error output.
fn run(cmd: &mut Command) -> Result<String, String> {
    let out = cmd.stderr(Stdio::piped()).output().map_err(|e| format!("cannot run 'git': {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).trim().to_owned());
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim_end().to_owned())
}

/// `seconds` since the epoch as the reference's `lastModifiedDate`: `%Y%m%d%H%M%S`, UTC.
fn utc_date(seconds: i64) -> String {
    let (days, secs) = (seconds.div_euclid(86400), seconds.rem_euclid(86400));
    // Civil date from days since 1970-01-01 (proleptic Gregorian).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}{month:02}{day:02}{:02}{:02}{:02}", secs / 3600, secs % 3600 / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::utc_date;

    #[test]
    fn dates() {
        assert_eq!(utc_date(0), "19700101000000");
        assert_eq!(utc_date(1_577_923_200), "20200102000000");
        assert_eq!(utc_date(951_782_400 + 3661), "20000229010101");
    }
}
