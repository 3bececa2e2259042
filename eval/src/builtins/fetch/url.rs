//! `builtins.fetchurl`: a file fetched as it is, stored flat under the URL's base name
//! (or `name`); its path is the fixed-output path of the file's sha256, checked against
//! `sha256` when given.

use super::{
    UrlArgs, check_fetch_name, hash_mismatch, local_file, store_path_value, url_args, valid_already,
};
use crate::builtins::Ret;
use crate::builtins::util::ok;
use crate::error::EvalError;
use crate::value::Value;
use crate::vm::{Ctx, Vm};
use ferrix_store::store_path::FileIngestionMethod;
use ferrix_store::{HashAlgo, Hasher};
use gc_arena::Mutation;
use std::fs::File;

pub(super) fn fetchurl<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let UrlArgs { url, sha256, name } = match url_args(ctx, "fetchurl", a[0])? {
        Ok(args) => args,
        Err(again) => return Ok(again),
    };
    let name = name.unwrap_or_else(|| base_name(&url).to_owned());
    check_fetch_name("fetchurl", &url, &name)?;
    if let Some(path) = valid_already(ctx, &name, FileIngestionMethod::Flat, sha256.as_ref())? {
        return ok(store_path_value(mc, &path));
    }
    let file = local_file(&url)?;
    let mut reader = File::open(&file)
        .map_err(|_| EvalError::eval(ferrix_store::url::unreadable_file(&url, &file), None))?;
    let unreadable = |reason: String| EvalError::eval(format!("unable to download '{url}': {reason}"), None);
    if let Some(expected) = sha256 {
        let mut hasher = Hasher::new(HashAlgo::Sha256);
        std::io::copy(&mut reader, &mut hasher).map_err(|e| unreadable(e.to_string()))?;
        let got = hasher.finish();
        if got != expected {
            return Err(hash_mismatch(&url, &expected, &got));
        }
    }
    let path = ctx.io.store.add_fetched(&file, &name, FileIngestionMethod::Flat)?;
    ok(store_path_value(mc, &path))
}

/// The last component of `url`'s path (trailing slashes dropped), as the reference names
/// what it fetches by default.
fn base_name(url: &str) -> &str {
    let trimmed = url.trim_end_matches('/');
    trimmed.rsplit('/').next().unwrap_or(trimmed)
}
