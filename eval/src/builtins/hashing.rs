//! Hash builtins: `hashString` and `hashFile` (base16 digests of md5, sha1, sha256 and
//! sha512),
//! `convertHash` (between base16, nix32, base64 and SRI), with the reference's errors,
//! and `placeholder` (the hash standing for a derivation output's path).

use super::util::{arg, attrs, new_string, ok, string};
use super::{PrimOpDef, Ret, global, prim, unforced};
use crate::error::EvalError;
use crate::value::Value;
use crate::vm::{Ctx, Vm};
use ferrix_store::{Hash, HashAlgo, HashEncoding};
use gc_arena::Mutation;

pub const PRIMOPS: &[PrimOpDef] = &[
    prim("hashString", 2, 3, hash_string),
    prim("hashFile", 2, 3, hash_file),
    prim("convertHash", 1, 1, convert_hash),
    global("placeholder", 1, 1, placeholder),
];

/// The reference reports bad algorithm and format names as usage errors, which end
/// with a pointer to the command's help.
fn usage_error(message: impl std::fmt::Display) -> EvalError {
    EvalError::eval(format!("{message}\nTry 'nix-instantiate --help' for more information."), None)
}

fn algo(name: &[u8]) -> Result<HashAlgo, EvalError> {
    HashAlgo::parse(&String::from_utf8_lossy(name)).map_err(|e| match e {
        ferrix_store::HashError::UnknownAlgo(_) => usage_error(e),
        other => EvalError::eval(other.to_string(), None),
    })
}

/// A hash given to a builtin (`outputHash`, `builtins.path`'s `sha256`), in any format
/// the reference accepts, of `algo` when given; as the reference, an empty string
/// stands for the all-zero hash, with a warning.
pub(super) fn parse_hash_allow_empty(hash: &str, algo: Option<HashAlgo>) -> Result<Hash, EvalError> {
    if hash.is_empty() {
        let Some(algo) = algo else {
            return Err(EvalError::eval("empty hash requires explicit hash algorithm", None));
        };
        return Ok(super::util::empty_hash(algo));
    }
    Hash::parse_any(hash, algo).map_err(|e| EvalError::eval(e.to_string(), None))
}

/// `bytes`' digest, in base16 (what `hashString` and `hashFile` return).
fn base16_digest<'gc>(mc: &Mutation<'gc>, algo: HashAlgo, bytes: &[u8]) -> Value<'gc> {
    new_string(mc, Hash::digest(algo, bytes).to_base16().into_bytes())
}

fn hash_string<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let algo = algo(&arg(0, string(ctx, a[0]))?.bytes)?;
    let s = arg(1, string(ctx, a[1]))?;
    ok(base16_digest(mc, algo, &s.bytes))
}

/// `hashFile algo path`: the digest of the file's contents.
fn hash_file<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let algo = algo(&arg(0, string(ctx, a[0]))?.bytes)?;
    let p = match super::files::path_arg(mc, ctx, "hashFile", a, 1)? {
        Ok(p) => p,
        Err(again) => return Ok(again),
    };
    let bytes =
        std::fs::read(ctx.io.real_path(&p)?).map_err(|e| super::files::io_error(&p, "reading file", e))?;
    ok(base16_digest(mc, algo, &bytes))
}

/// `convertHash { hash; hashAlgo ? null; toHashFormat; }`.
fn convert_hash<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let set = arg(0, attrs(ctx, a[0]))?;
    let mut get = |name: &str| {
        let sym = ctx.symbols.intern(name.as_bytes());
        set.get(ctx.symbols, sym)
    };
    let (hash, hash_algo, format) = (get("hash"), get("hashAlgo"), get("toHashFormat"));
    let pending = unforced([hash, hash_algo, format].into_iter().flatten());
    if !pending.is_empty() {
        return Ok(Ret::Retry(pending));
    }
    let missing = |name: &str| EvalError::eval(format!("attribute '{name}' missing"), None);
    let hash = string(ctx, hash.ok_or_else(|| missing("hash"))?.resolved())?;
    let hash_algo = match hash_algo {
        Some(v) => Some(algo(&string(ctx, v.resolved())?.bytes)?),
        None => None,
    };
    let format = string(ctx, format.ok_or_else(|| missing("toHashFormat"))?.resolved())?.lossy().into_owned();
    let encoding = HashEncoding::from_name(&format).ok_or_else(|| {
        usage_error(format_args!(
            "unknown hash format '{format}', expect 'base16', 'base32', 'base64', or 'sri'"
        ))
    })?;
    let parsed =
        Hash::parse_any(&hash.lossy(), hash_algo).map_err(|e| EvalError::eval(e.to_string(), None))?;
    ok(new_string(mc, parsed.encode(encoding, false).into_bytes()))
}

/// `placeholder output`: `/` and the nix32 SHA-256 of `nix-output:<output>`, which a
/// derivation's builder sees replaced by the output's path.
fn placeholder<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let output = arg(0, string(ctx, a[0]))?;
    let hash = Hash::digest(HashAlgo::Sha256, [b"nix-output:", &*output.bytes].concat());
    ok(new_string(mc, format!("/{}", hash.to_nix32()).into_bytes()))
}
