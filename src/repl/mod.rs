//! `ferrix repl` (and `nix repl`): an interactive session in the manner of the
//! reference's REPL. The session itself (scope, evaluation, printing) is
//! `ferrix_eval::repl::Session`; this is its terminal front: reading inputs
//! ([`input`]), running commands ([`commands`], [`build`]), completion
//! ([`complete`]) and Ctrl-C during evaluation ([`interrupt`]).

mod build;
mod commands;
mod complete;
mod input;
mod interrupt;

use crate::cli::ReplArgs;
use crate::error::{CliError, CliResult};
use crate::eval_cmd::{self, EvalRequest, Input};
use ferrix_eval::repl::Session;
use std::cell::RefCell;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::rc::Rc;

/// The session and the REPL's settings.
pub struct Repl {
    session: Rc<RefCell<Session>>,
    /// `:te`: show the "while evaluating" context of errors.
    show_trace: bool,
    /// Print values with ANSI colours.
    colour: bool,
    /// The store `:b` builds into.
    store_root: PathBuf,
}

/// Runs the REPL until `:q` or the end of input.
pub fn run(args: ReplArgs, store: Option<PathBuf>) -> CliResult {
    let mut repl = start(&args, store)?;
    eprintln!("Ferrix {}\nType :? for help.", env!("CARGO_PKG_VERSION"));
    for file in &args.files {
        commands::execute(&mut repl, &format!(":l {}", file.display()));
    }
    let mut lines: Box<dyn input::Lines> = if std::io::stdin().is_terminal() {
        let helper = complete::Helper::new(repl.session.clone());
        Box::new(input::Terminal::new(helper).map_err(CliError::failure)?)
    } else {
        Box::new(input::Piped::new())
    };
    while let Some(text) = input::read_input(&mut *lines) {
        let flow = {
            let _interrupt = interrupt::Guard::install();
            commands::execute(&mut repl, &text)
        };
        if flow == commands::Flow::Quit {
            break;
        }
        println!();
    }
    Ok(())
}

/// The session, with the settings of `args`: read-write evaluation into the store
/// (so `:b` finds the derivations), interruptible.
fn start(args: &ReplArgs, store: Option<PathBuf>) -> CliResult<Repl> {
    let store_root = crate::store_ops::root(store.as_deref())?;
    let mut req = EvalRequest::new(Input::Stdin, ferrix_eval::Output::Nix);
    req.include = args.scope.include.clone();
    req.max_call_depth = args.max_call_depth;
    req.read_write = true;
    req.store_root = Some(store_root.clone());
    let mut options = eval_cmd::options(&mut req);
    options.interrupt = Some(interrupt::flag());
    let mut session = Session::new(options, std::env::current_dir()?);
    eval_cmd::install_realiser(session.evaluator_mut(), &mut req)?;
    if let Err(e) = session.set_auto_args(&args.scope.auto_args()) {
        eval_cmd::print_error(session.evaluator(), &e, false);
        return Err(CliError::silent(1));
    }
    let colour = crate::output::color(std::io::stdout().is_terminal());
    Ok(Repl { session: Rc::new(RefCell::new(session)), show_trace: false, colour, store_root })
}
