//! Version strings and derivation names: `splitVersion`, `compareVersions` and
//! `parseDrvName`, with the reference's component rules (runs of digits or of other
//! characters, separated by `.` and `-`; `pre` sorts before everything else).

use super::util::{arg, new_string, ok, string};
use super::{PrimOpDef, Ret, prim};
use crate::error::EvalError;
use crate::value::{Attrs, Entry, Value};
use crate::vm::{Ctx, Vm};
use gc_arena::Mutation;
use std::cmp::Ordering;

pub const PRIMOPS: &[PrimOpDef] = &[
    prim("splitVersion", 1, 1, split_version),
    prim("compareVersions", 2, 3, compare_versions),
    prim("parseDrvName", 1, 1, parse_drv_name),
];

fn split_version<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let s = arg(0, string(ctx, a[0]))?;
    let parts: Vec<Value<'gc>> = Components(&s.bytes).map(|c| new_string(mc, c)).collect();
    ok(Value::list(mc, parts))
}

fn compare_versions<'gc>(
    _: &mut Vm<'gc>,
    _: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let (x, y) = (arg(0, string(ctx, a[0]))?, arg(1, string(ctx, a[1]))?);
    ok(Value::Int(match compare(&x.bytes, &y.bytes) {
        Ordering::Less => -1,
        Ordering::Equal => 0,
        Ordering::Greater => 1,
    }))
}

/// `parseDrvName`: the name ends at the first dash followed by something other than a
/// letter; the version is the rest.
fn parse_drv_name<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let s = &arg(0, string(ctx, a[0]))?.bytes;
    let split = s.windows(2).position(|w| w[0] == b'-' && !w[1].is_ascii_alphabetic());
    let (name, version) = match split {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (&s[..], &b""[..]),
    };
    // Sorted by name.
    let entries = [
        Entry::new(crate::symbol::known::NAME, new_string(mc, name)),
        Entry::new(ctx.symbols.intern(b"version"), new_string(mc, version)),
    ];
    ok(Value::Attrs(Attrs::from_sorted(mc, Box::new(entries))))
}

/// The components of a version string.
struct Components<'a>(&'a [u8]);

impl<'a> Iterator for Components<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let start = self.0.iter().position(|&b| b != b'.' && b != b'-').unwrap_or(self.0.len());
        let rest = &self.0[start..];
        let digits = rest.first()?.is_ascii_digit();
        let len = rest
            .iter()
            .position(
                |&b| if digits { !b.is_ascii_digit() } else { b.is_ascii_digit() || b == b'.' || b == b'-' },
            )
            .unwrap_or(rest.len());
        let (component, after) = rest.split_at(len);
        self.0 = after;
        Some(component)
    }
}

/// The reference's `compareVersions`: component by component, a missing component
/// comparing as the empty string.
pub fn compare(a: &[u8], b: &[u8]) -> Ordering {
    let (mut x, mut y) = (Components(a), Components(b));
    loop {
        match (x.next(), y.next()) {
            (None, None) => return Ordering::Equal,
            (c1, c2) => {
                let (c1, c2) = (c1.unwrap_or(b""), c2.unwrap_or(b""));
                if component_less(c1, c2) {
                    return Ordering::Less;
                }
                if component_less(c2, c1) {
                    return Ordering::Greater;
                }
            }
        }
    }
}

/// Numbers compare as numbers and sort after words; `pre` and the empty component
/// sort first; other words compare as bytes.
fn component_less(c1: &[u8], c2: &[u8]) -> bool {
    let number = |c: &[u8]| std::str::from_utf8(c).ok().and_then(|s| s.parse::<i32>().ok());
    match (number(c1), number(c2)) {
        (Some(n1), Some(n2)) => n1 < n2,
        (_, Some(_)) if c1.is_empty() => true,
        _ if c1 == b"pre" && c2 != b"pre" => true,
        _ if c2 == b"pre" => false,
        (_, Some(_)) => true,
        (Some(_), _) => false,
        _ => c1 < c2,
    }
}

#[cfg(test)]
mod tests {
    use super::{Components, compare};
    use std::cmp::Ordering::*;

    #[test]
    fn components() {
        let parts: Vec<&[u8]> = Components(b"1.2pre3-b_c..x").collect();
        assert_eq!(parts, [&b"1"[..], b"2", b"pre", b"3", b"b_c", b"x"]);
        assert_eq!(Components(b"...").count(), 0);
    }

    #[test]
    fn ordering() {
        assert_eq!(compare(b"2.3pre1", b"2.3"), Less);
        assert_eq!(compare(b"2.3", b"2.3pre"), Greater);
        assert_eq!(compare(b"1.0", b"1.0.0"), Less);
        assert_eq!(compare(b"2.3.1", b"2.3a"), Greater);
        assert_eq!(compare(b"1.01", b"1.1"), Equal);
    }
}
