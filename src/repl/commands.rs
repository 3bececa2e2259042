//! The REPL's inputs: `:` commands, `name = expr` bindings, and expressions to print.
//! Values and answers go to standard output; errors and notices ("Added N
//! variables.") to standard error, as the reference does.

use super::Repl;
use ferrix_eval::EvalError;
use ferrix_eval::repl::{DocTarget, Style};
use std::io::Write;
use std::path::Path;

/// Whether the session goes on.
#[derive(PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

/// The commands, as `:?` lists them: names, argument, and what they do.
const HELP: &str = "\
The following commands are available:

  <expr>                       Evaluate and print expression
  <x> = <expr>                 Bind expression to variable
  :a, :add <expr>              Add attributes from resulting set to scope
  :b <expr>                    Build a derivation
  :l, :load <path>             Load Nix expression and add it to scope
  :p, :print <expr>            Evaluate and print expression recursively
                               Strings are printed directly, without escaping.
  :q, :quit                    Exit nix-repl
  :r, :reload                  Reload all files
  :t <expr>                    Describe result of evaluation
  :doc <expr>                  Show documentation of a builtin function
  :log <expr>                  Show logs for a derivation
  :te, :trace-enable [bool]    Enable, disable or toggle showing traces for
                               errors
  :?, :help                    Brings up this help menu
";

/// The command names, for completion.
pub const NAMES: &[&str] = &[
    ":?",
    ":a",
    ":add",
    ":b",
    ":doc",
    ":help",
    ":l",
    ":load",
    ":log",
    ":p",
    ":print",
    ":q",
    ":quit",
    ":r",
    ":reload",
    ":t",
    ":te",
    ":trace-enable",
];

/// Commands whose argument is an expression.
const WITH_EXPRESSION: &[&str] = &[":a", ":add", ":b", ":doc", ":log", ":p", ":print", ":t"];

/// Splits `:cmd arg` into the command and its (trimmed) argument.
fn split_command(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start();
    if !text.starts_with(':') {
        return None;
    }
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    Some((&text[..end], text[end..].trim()))
}

/// `name = expr`: the name and the offset of the expression (after the `=`).
fn binding(text: &str) -> Option<(&str, usize)> {
    let eq = text.find('=')?;
    if text[eq + 1..].starts_with('=') {
        return None;
    }
    let name = text[..eq].trim();
    is_var_name(name).then_some((name, eq + 1))
}

/// The reference's test for a variable name that a binding may introduce.
fn is_var_name(s: &str) -> bool {
    let keyword =
        matches!(s, "if" | "then" | "else" | "assert" | "with" | "let" | "in" | "rec" | "inherit" | "or");
    let first_ok = s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_');
    first_ok && !keyword && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '\''))
}

/// The expression in an input, to decide whether it is complete: a command's
/// argument (`None` for a command taking none), a binding's value, or the whole.
pub fn expression_of(text: &str) -> Option<&str> {
    match split_command(text) {
        Some((cmd, arg)) => WITH_EXPRESSION.contains(&cmd).then_some(arg),
        None => Some(binding(text).map_or(text, |(_, at)| &text[at..])),
    }
}

/// Runs one input.
pub fn execute(repl: &mut Repl, text: &str) -> Flow {
    if text.trim().is_empty() {
        return Flow::Continue;
    }
    let Some((cmd, arg)) = split_command(text) else {
        let result = match binding(text) {
            Some((name, at)) => repl.session.borrow_mut().bind(name, text, at),
            None => print(repl, text, false),
        };
        report(repl, result);
        return Flow::Continue;
    };
    match cmd {
        ":q" | ":quit" => return Flow::Quit,
        ":?" | ":help" => out(HELP.as_bytes()),
        ":p" | ":print" => {
            let result = print(repl, arg, true);
            report(repl, result);
        }
        ":t" => {
            let result = repl.session.borrow_mut().type_of(arg);
            report(repl, result.map(|t| out(format!("{t}\n").as_bytes())));
        }
        ":a" | ":add" => {
            let result = repl.session.borrow_mut().add(arg);
            report(repl, result.map(added));
        }
        ":l" | ":load" => {
            let result = repl.session.borrow_mut().load(&expand_home(arg));
            report(repl, result.map(added));
        }
        ":r" | ":reload" => {
            let results = repl.session.borrow_mut().reload();
            for result in results {
                report(repl, result.map(added));
            }
        }
        ":doc" => doc(repl, arg),
        ":b" => super::build::build(repl, arg),
        ":log" => super::build::log(repl, arg),
        ":te" | ":trace-enable" => trace_enable(repl, arg),
        other => eprintln!("error: unknown command '{other}'"),
    }
    Flow::Continue
}

/// Evaluates and prints `text` (deeply for `:p`).
fn print(repl: &Repl, text: &str, deep: bool) -> Result<(), EvalError> {
    let style = Style { colour: repl.colour, deep };
    let mut printed = repl.session.borrow_mut().print(text, style)?;
    printed.push(b'\n');
    out(&printed);
    Ok(())
}

/// Writes to standard output (a closed output is not an error of the REPL's).
fn out(bytes: &[u8]) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(bytes).and_then(|()| stdout.flush());
}

/// Prints an evaluation error as `ferrix eval` does.
pub fn report(repl: &Repl, result: Result<(), EvalError>) {
    if let Err(e) = result {
        crate::eval_cmd::print_error(repl.session.borrow().evaluator(), &e, repl.show_trace);
    }
}

/// The notice of `:a` and `:l`.
fn added(names: Vec<String>) {
    eprintln!("Added {} variables.\n{}", names.len(), names.join(", "));
}

/// `~/...` in a path argument.
fn expand_home(arg: &str) -> std::path::PathBuf {
    match (arg.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => Path::new(&home).join(rest),
        _ => arg.into(),
    }
}

/// `:doc`: the documentation of a builtin, or where a function is defined.
fn doc(repl: &Repl, arg: &str) {
    let target = repl.session.borrow_mut().doc_target(arg);
    let shown = target.and_then(|t| match t {
        DocTarget::Lambda(pos) => Ok(format!("Function defined at {pos}\n")),
        DocTarget::Builtin(name) => match ferrix_eval::builtin_doc(&name) {
            Some(d) => Ok(format!("Synopsis: builtins.{} {}\n\n{}\n", d.name, d.args, d.doc.trim_end())),
            None => Err(EvalError::eval(
                format!("no documentation found for the built-in function '{name}'"),
                None,
            )),
        },
    });
    report(repl, shown.map(|s| out(s.as_bytes())));
}

/// `:te [bool]`: shows error traces or not (toggles without an argument).
fn trace_enable(repl: &mut Repl, arg: &str) {
    repl.show_trace = match arg {
        "" => !repl.show_trace,
        other => match crate::settings::boolean(":te", other) {
            Ok(value) => value,
            Err(_) => return eprintln!("error: expected a Boolean, got '{other}'"),
        },
    };
    let state = if repl.show_trace { "showing error traces" } else { "not showing error traces" };
    out(format!("{state}\n").as_bytes());
}
