//! Why two values are not equal, as the reference reports a failing `assert a == b`:
//! the first difference in comparison order, with `… while comparing list element 1`
//! and `… while comparing attribute 'a'` frames leading to it. The walk never forces:
//! it answers with the first unevaluated value it meets, which the caller forces
//! before asking again.

use super::Ctx;
use crate::error::{ErrorKind, EvalError};
use crate::print::short;
use crate::value::Value;

/// The answer of [`explain`].
pub enum Explained<'gc> {
    /// Force this value, then ask again.
    Need(Value<'gc>),
    /// The first difference (frames leading to it included).
    Differ(EvalError),
    /// No difference found.
    Equal,
}

/// One pair still to compare, with the index of its context in the frame list.
type Pair<'gc> = (Value<'gc>, Value<'gc>, Option<usize>);

/// Compares `a` and `b` as `==` does and explains their first difference.
pub fn explain<'gc>(ctx: &Ctx<'_>, a: Value<'gc>, b: Value<'gc>) -> Explained<'gc> {
    // Context frames as a tree: (parent, message).
    let mut contexts: Vec<(Option<usize>, String)> = Vec::new();
    let mut work: Vec<Pair<'gc>> = vec![(a, b, None)];
    while let Some((a, b, context)) = work.pop() {
        let (x, y) = (a.resolved(), b.resolved());
        for v in [x, y] {
            if v.is_thunk() {
                return Explained::Need(v);
            }
        }
        let message = match differ(ctx, x, y) {
            Step::Same => continue,
            Step::Differ(m) => m,
            Step::Lists(l, m) => {
                for (i, (p, q)) in l.iter().zip(m.iter()).enumerate().rev() {
                    contexts.push((context, format!("while comparing list element {i}")));
                    work.push((*p, *q, Some(contexts.len() - 1)));
                }
                continue;
            }
            Step::Sets(pairs) => {
                for (name, p, q) in pairs.into_iter().rev() {
                    contexts.push((context, format!("while comparing attribute '{name}'")));
                    let inner = contexts.len() - 1;
                    contexts.push((Some(inner), "where left hand side is".into()));
                    contexts.push((Some(contexts.len() - 1), "where right hand side is".into()));
                    work.push((p, q, Some(contexts.len() - 1)));
                }
                continue;
            }
        };
        let mut e = EvalError::new(ErrorKind::Assert, message, None);
        let mut at = context;
        while let Some(i) = at {
            e.add_trace(contexts[i].1.clone(), None);
            at = contexts[i].0;
        }
        return Explained::Differ(e);
    }
    Explained::Equal
}

/// How one pair of forced values compares.
enum Step<'gc> {
    Same,
    Differ(String),
    /// Lists of one length: compare the elements.
    Lists(&'gc [Value<'gc>], &'gc [Value<'gc>]),
    /// Sets with the same names: compare the values (name, left, right).
    Sets(Vec<(String, Value<'gc>, Value<'gc>)>),
}

fn differ<'gc>(ctx: &Ctx<'_>, x: Value<'gc>, y: Value<'gc>) -> Step<'gc> {
    let (sx, sy) = (short(ctx, x), short(ctx, y));
    let number = |v: Value<'_>| matches!(v, Value::Int(_) | Value::Float(_));
    if number(x) && number(y) {
        return match super::arith::scalar_equal(x, y) {
            Some(true) => Step::Same,
            _ => Step::Differ(format!(
                "{} with value '{sx}' is not equal to {} with value '{sy}'",
                x.type_phrase(),
                y.type_phrase()
            )),
        };
    }
    if std::mem::discriminant(&x) != std::mem::discriminant(&y) && !(x.is_function() && y.is_function()) {
        return Step::Differ(format!(
            "{} of value '{sx}' is not equal to {} of value '{sy}'",
            x.type_phrase(),
            y.type_phrase()
        ));
    }
    let unequal = |what: &str| Step::Differ(format!("{what} '{sx}' is not equal to {what} '{sy}'"));
    match (x, y) {
        (Value::Null, Value::Null) => Step::Same,
        (Value::Bool(p), Value::Bool(q)) if p == q => Step::Same,
        (Value::Bool(_), Value::Bool(_)) => unequal("boolean"),
        (Value::String(p), Value::String(q)) if p.bytes == q.bytes => Step::Same,
        (Value::String(_), Value::String(_)) => unequal("string"),
        (Value::Path(p), Value::Path(q)) if p.bytes == q.bytes => Step::Same,
        (Value::Path(_), Value::Path(_)) => unequal("path"),
        (Value::List(l), Value::List(m)) if l.0.len() == m.0.len() => {
            Step::Lists(&gc_arena::Gc::as_ref(l).0, &gc_arena::Gc::as_ref(m).0)
        }
        (Value::List(l), Value::List(m)) => Step::Differ(format!(
            "list of size '{}' is not equal to list of size '{}', left hand side is '{sx}', right hand side is '{sy}'",
            l.0.len(),
            m.0.len()
        )),
        (Value::Attrs(s), Value::Attrs(t)) => {
            if s.len() != t.len() {
                return Step::Differ(format!(
                    "attribute names of attribute set '{sx}' differs from attribute set '{sy}'"
                ));
            }
            if let Some(e) = s.entries(ctx.symbols).iter().find(|e| t.get(ctx.symbols, e.name).is_none()) {
                let name = ctx.symbols.display(e.name);
                return Step::Differ(format!(
                    "attribute name '{name}' is contained in '{sx}', but not in '{sy}'"
                ));
            }
            Step::Sets(
                s.entries(ctx.symbols)
                    .iter()
                    .filter_map(|e| {
                        Some((ctx.symbols.display(e.name).into_owned(), e.value, t.get(ctx.symbols, e.name)?))
                    })
                    .collect(),
            )
        }
        _ if x.is_function() => Step::Differ(
            "distinct functions and immediate comparisons of identical functions compare as unequal".into(),
        ),
        _ => Step::Same,
    }
}
