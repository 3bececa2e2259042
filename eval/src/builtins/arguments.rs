//! How the reference names a builtin's arguments in trace frames (`… while evaluating
//! the first argument passed to builtins.length`). A builtin marks an error about one
//! of its arguments ([`super::util::arg`]); its call then adds the frame. The
//! reference adds it for every type error, and for errors while forcing the argument
//! only where it forces the argument as a number, string or function (not as a list
//! or set, nor when coercing it to a string).

/// Frames not worded `the <ordinal> argument passed to builtins.<name>`.
const WORDING: &[(&str, u8, &str)] = &[
    ("add", 0, "the first argument of the addition"),
    ("add", 1, "the second argument of the addition"),
    ("sub", 0, "the first argument of the subtraction"),
    ("sub", 1, "the second argument of the subtraction"),
    ("mul", 0, "the first argument of the multiplication"),
    ("mul", 1, "the second argument of the multiplication"),
    ("div", 0, "the first operand of the division"),
    ("div", 1, "the second operand of the division"),
    ("attrNames", 0, "the argument passed to builtins.attrNames"),
    ("attrValues", 0, "the argument passed to builtins.attrValues"),
    ("fromTOML", 0, "the argument passed to builtins.fromTOML"),
    ("listToAttrs", 0, "the argument passed to builtins.listToAttrs"),
    ("stringLength", 0, "the argument passed to builtins.stringLength"),
    ("getContext", 0, "the argument passed to builtins.getContext"),
    ("hasContext", 0, "the argument passed to builtins.hasContext"),
    ("unsafeDiscardStringContext", 0, "the argument passed to builtins.unsafeDiscardStringContext"),
    ("unsafeDiscardOutputDependency", 0, "the argument passed to builtins.unsafeDiscardOutputDependency"),
    ("addDrvOutputDependencies", 0, "the argument passed to builtins.addDrvOutputDependencies"),
    ("concatStringsSep", 0, "the first argument (the separator string) passed to builtins.concatStringsSep"),
    (
        "concatStringsSep",
        1,
        "the second argument (the list of strings to concat) passed to builtins.concatStringsSep",
    ),
    ("substring", 0, "the first argument (the start offset) passed to builtins.substring"),
    ("substring", 1, "the second argument (the substring length) passed to builtins.substring"),
    ("substring", 2, "the third argument (the string) passed to builtins.substring"),
    ("dirOf", 0, "the first argument passed to 'builtins.dirOf'"),
    ("path", 0, "the argument passed to 'builtins.path'"),
    ("storePath", 0, "the first argument passed to 'builtins.storePath'"),
    ("elemAt", 0, "the first argument passed to 'builtins.elemAt'"),
    ("elemAt", 1, "the second argument passed to 'builtins.elemAt'"),
    ("head", 0, "the first argument passed to 'builtins.head'"),
    ("tail", 0, "the first argument passed to 'builtins.tail'"),
    ("foldl'", 0, "the first argument passed to builtins.foldlStrict"),
    ("foldl'", 2, "the third argument passed to builtins.foldlStrict"),
    ("warn", 0, "the first argument; the message passed to builtins.warn"),
    // (sic: `builtin.`, as the reference words it)
    ("throw", 0, "the error message passed to builtin.throw"),
    ("abort", 0, "the error message passed to builtins.abort"),
];

/// The arguments whose frame is also added when forcing them fails.
const ON_FORCE: &[(&str, &[u8])] = &[
    ("all", &[0]),
    ("any", &[0]),
    ("bitAnd", &[0, 1]),
    ("bitOr", &[0, 1]),
    ("bitXor", &[0, 1]),
    ("catAttrs", &[0]),
    ("ceil", &[0]),
    ("compareVersions", &[0, 1]),
    ("concatMap", &[0]),
    ("concatStringsSep", &[0]),
    ("elemAt", &[1]),
    ("filter", &[0]),
    ("filterSource", &[0]),
    ("findFile", &[1]),
    ("floor", &[0]),
    ("foldl'", &[0]),
    ("fromJSON", &[0]),
    ("fromTOML", &[0]),
    ("genList", &[0, 1]),
    ("getAttr", &[0]),
    ("getEnv", &[0]),
    ("groupBy", &[0]),
    ("hasAttr", &[0]),
    ("hashString", &[0, 1]),
    ("map", &[0]),
    ("match", &[0, 1]),
    ("parseDrvName", &[0]),
    ("partition", &[0]),
    ("placeholder", &[0]),
    ("replaceStrings", &[2]),
    ("sort", &[0]),
    ("split", &[0, 1]),
    ("splitVersion", &[0]),
    ("storePath", &[0]),
    ("substring", &[0, 1]),
    ("unsafeGetAttrPos", &[0]),
    ("warn", &[0]),
    ("zipAttrsWith", &[0]),
];

/// `while evaluating the first argument passed to builtins.<name>` (or the
/// reference's own wording for that argument).
pub fn frame(name: &str, index: u8) -> String {
    match WORDING.iter().find(|(n, i, _)| *n == name && *i == index) {
        Some((_, _, text)) => format!("while evaluating {text}"),
        None => {
            let ordinal = ["first", "second", "third"][usize::from(index)];
            format!("while evaluating the {ordinal} argument passed to builtins.{name}")
        }
    }
}

/// Whether an error while forcing argument `index` of `name` gets its frame.
pub fn on_force(name: &str, index: u8) -> bool {
    ON_FORCE.iter().any(|(n, args)| *n == name && args.contains(&index))
}
