//! The fetchers: `fetchurl` ([`url`]), `fetchTarball` ([`tarball`]) and `fetchGit`
//! ([`git`]), for what is on this machine only: `file://` URLs and local repositories.
//! Anything that would need the network fails at once, saying so.
//!
//! As in the reference, what is fetched is added to the local store even when evaluation
//! is read-only (`--eval`), so that it can be read (`import (fetchTarball ...)`); and a
//! fetch with a known hash whose path is valid already reads nothing.

mod git;
mod tarball;
mod url;

use super::hashing::parse_hash_allow_empty;
use super::util::{attribute, element, string};
use super::{PrimOpDef, Ret, global, prim, unforced};
use crate::error::EvalError;
use crate::value::{NixString, StringContext, Value};
use crate::vm::Ctx;
use ferrix_store::store_path::{FileIngestionMethod, check_name, make_fixed_output_path};
use ferrix_store::url::UrlError;
use ferrix_store::{Hash, HashAlgo, HashEncoding, StorePath};
use gc_arena::{Gc, Mutation};
use std::path::PathBuf;

pub const PRIMOPS: &[PrimOpDef] = &[
    global("fetchTarball", 1, 1, tarball::fetch_tarball),
    global("fetchGit", 1, 1, git::fetch_git),
    prim("fetchurl", 1, 1, url::fetchurl),
];

/// The arguments of `fetchurl` and `fetchTarball`: a URL, or a set of `url`, `sha256`
/// and `name`.
struct UrlArgs {
    url: String,
    sha256: Option<Hash>,
    name: Option<String>,
}

/// Reads the argument `v` of the fetcher `builtin` as [`UrlArgs`]; `Err` holds the call
/// again once the set's attributes are forced.
fn url_args<'gc>(
    ctx: &Ctx<'_>,
    builtin: &str,
    v: Value<'gc>,
) -> Result<Result<UrlArgs, Ret<'gc>>, EvalError> {
    const URL: &str = "the url we should fetch";
    let Value::Attrs(set) = v else {
        let url = element(string(ctx, v), URL)?.lossy().into_owned();
        return Ok(Ok(UrlArgs { url, sha256: None, name: None }));
    };
    let pending = unforced(set.entries(ctx.symbols).iter().map(|e| e.value));
    if !pending.is_empty() {
        return Ok(Err(Ret::Retry(pending)));
    }
    let (mut url, mut sha256, mut name) = (None, None, None);
    for e in set.entries(ctx.symbols) {
        let at = ctx.sources.span_at(e.pos);
        let text =
            |what| attribute(string(ctx, e.value.resolved()), what, at).map(|s| s.lossy().into_owned());
        match ctx.symbols.resolve(e.name) {
            b"url" => url = Some(text(URL)?),
            b"sha256" => {
                let hash = text("the sha256 of the content we should fetch")?;
                sha256 = Some(parse_hash_allow_empty(&hash, Some(HashAlgo::Sha256))?);
            }
            b"name" => name = Some(text("the name of the content we should fetch")?),
            other => {
                return Err(EvalError::eval(
                    format!("unsupported argument '{}' to '{builtin}'", String::from_utf8_lossy(other)),
                    None,
                ));
            }
        }
    }
    let url = url.ok_or_else(|| EvalError::eval("'url' argument required", None))?;
    Ok(Ok(UrlArgs { url, sha256, name }))
}

/// Checks the store name `name` of what `builtin` fetches from `url`.
fn check_fetch_name(builtin: &str, url: &str, name: &str) -> Result<(), EvalError> {
    check_name(name).map_err(|e| {
        EvalError::eval(
            format!(
                "invalid store path name when fetching URL '{url}': {e}. Please change the value for the 'name' attribute passed to '{builtin}', so that it can create a valid store path."
            ),
            None,
        )
    })
}

/// The path of the fixed-output object `name` with `hash` (if given), when it is valid
/// already.
fn valid_already(
    ctx: &mut Ctx<'_>,
    name: &str,
    method: FileIngestionMethod,
    hash: Option<&Hash>,
) -> Result<Option<StorePath>, EvalError> {
    let Some(hash) = hash else { return Ok(None) };
    let path = make_fixed_output_path(name, method, hash, &Default::default(), false)
        .map_err(|e| EvalError::eval(e.to_string(), None))?;
    Ok(ctx.io.store.is_valid(&path)?.then_some(path))
}

/// The error of a hash that does not match what was fetched from `url`.
fn hash_mismatch(url: &str, specified: &Hash, got: &Hash) -> EvalError {
    EvalError::eval(
        format!(
            "hash mismatch in file downloaded from '{url}':\n  specified: {}\n  got:       {}",
            specified.encode(HashEncoding::Nix32, true),
            got.encode(HashEncoding::Nix32, true)
        ),
        None,
    )
}

/// The local file `url` names; an evaluation error for any other URL.
fn local_file(url: &str) -> Result<PathBuf, EvalError> {
    ferrix_store::url::local_file(url).map_err(|e| EvalError::eval(e.to_string(), None))
}

/// The error of fetching `url`, which is not on this machine.
fn not_local(url: &str) -> EvalError {
    EvalError::eval(UrlError::NotLocal(url.to_owned()).to_string(), None)
}

/// The string of a store path, with the path in its context.
fn store_path_value<'gc>(mc: &Mutation<'gc>, path: &StorePath) -> Value<'gc> {
    let path = path.to_absolute();
    let context = StringContext::from_elements([path.clone()]);
    Value::String(Gc::new(mc, NixString::with_context(path.into_bytes(), context)))
}

/// An error `e` given the frame naming the input being fetched, as the reference adds.
fn fetching(input: &str, mut e: EvalError) -> EvalError {
    e.add_trace(format!("while fetching the input '{input}'"), None);
    e
}
