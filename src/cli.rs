//! The command line of `ferrix` itself (clap). The reference-syntax personalities live in
//! `compat/`.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "ferrix", version, about = "A Nix-language evaluator and builder")]
pub struct Cli {
    /// Physical root of the store (default: $FERRIX_STORE, else $XDG_DATA_HOME/ferrix).
    #[arg(long, global = true, value_name = "DIR")]
    pub store: Option<PathBuf>,
    /// When to colour output (auto: on a terminal, unless NO_COLOR is set).
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub color: crate::output::ColorChoice,
    /// Say more: how long each build took (repeatable).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Say less: no progress messages or build output, only failures (repeatable).
    #[arg(long, global = true, action = clap::ArgAction::Count)]
    pub quiet: u8,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Evaluate a Nix expression and print its value.
    Eval(EvalArgs),
    /// Write the derivations an expression holds to the store; print their `.drv` paths.
    Instantiate(InstantiateArgs),
    /// Build the derivations an expression holds; link `result` to and print their outputs.
    Build(BuildArgs),
    /// Print the build log of a derivation (or of the derivation that built a path).
    Log { path: String },
    /// Start an interactive session, as `nix repl` (each FILE loaded as by `:l`).
    Repl(ReplArgs),
    /// Compute and convert hashes.
    #[command(subcommand)]
    Hash(HashCommand),
    /// Work with the local store.
    #[command(subcommand)]
    Store(StoreCommand),
    /// Inspect derivations.
    #[command(subcommand)]
    Derivation(DerivationCommand),
    /// Print a completion script for a shell (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Run as the reference's `nix-store` (same flags).
    #[command(name = "nix-store", disable_help_flag = true)]
    NixStore {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Run as the reference's `nix-instantiate` (same flags).
    #[command(name = "nix-instantiate", disable_help_flag = true)]
    NixInstantiate {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Run as the reference's `nix-build` (same flags).
    #[command(name = "nix-build", disable_help_flag = true)]
    NixBuild {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Run as the reference's `nix-hash` (same flags).
    #[command(name = "nix-hash", disable_help_flag = true)]
    NixHash {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
}

#[derive(Subcommand)]
pub enum HashCommand {
    /// Hash the contents of files.
    File(HashPathArgs),
    /// Hash the NAR serialisation of paths.
    Path(HashPathArgs),
    /// Convert hashes between formats.
    Convert {
        /// The algorithm, when the hashes do not carry it.
        #[arg(long, value_name = "ALGO")]
        hash_algo: Option<String>,
        /// The format the inputs must be in (base16, nix32, base64, sri).
        #[arg(long, value_name = "FORMAT")]
        from: Option<String>,
        /// The format to print (default: sri).
        #[arg(long, value_name = "FORMAT", default_value = "sri")]
        to: String,
        #[arg(required = true)]
        hashes: Vec<String>,
    },
}

#[derive(Args)]
pub struct HashPathArgs {
    /// Hash algorithm (md5, sha1, sha256, sha512).
    #[arg(long = "type", value_name = "ALGO", default_value = "sha256")]
    pub algo: String,
    #[command(flatten)]
    pub format: FormatFlags,
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

/// `--base16 | --base32 | --base64 | --sri` (default SRI).
#[derive(Args)]
#[group(multiple = false)]
pub struct FormatFlags {
    #[arg(long)]
    pub base16: bool,
    #[arg(long)]
    pub base32: bool,
    #[arg(long)]
    pub base64: bool,
    #[arg(long)]
    pub sri: bool,
}

/// How `ferrix store add` ingests a path.
#[derive(Clone, Copy, ValueEnum)]
pub enum AddMode {
    /// Hash the NAR serialisation (a directory, file or symlink).
    Nar,
    /// Hash the bytes of a single regular file.
    Flat,
}

#[derive(Subcommand)]
pub enum StoreCommand {
    /// Add paths to the store (as NAR, sha256 by default); prints the store paths.
    Add {
        /// Store name (default: the file's base name).
        #[arg(long, short)]
        name: Option<String>,
        #[arg(long, value_enum, default_value = "nar")]
        mode: AddMode,
        /// Hash algorithm of the content address.
        #[arg(long, value_name = "ALGO", default_value = "sha256")]
        hash_algo: String,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Add regular files by their flat sha256 (as `--mode flat`).
    AddFile {
        #[arg(long, short)]
        name: Option<String>,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Write the NAR serialisation of a path to standard output.
    Dump { path: String },
    /// Restore a NAR from standard input into a new path.
    Restore { path: PathBuf },
    /// Check the database against the files: missing and (with --check-contents) corrupt paths.
    Verify {
        #[arg(long)]
        check_contents: bool,
    },
    /// Show metadata of valid store paths.
    PathInfo {
        #[arg(long)]
        json: bool,
        #[arg(required = true)]
        paths: Vec<String>,
    },
    /// List the paths a store path refers to.
    References { path: String },
    /// List the store paths that refer to a path.
    Referrers { path: String },
    /// Build the outputs of `.drv` paths (`DRV!OUT,...` for some outputs); print them.
    Realise {
        #[command(flatten)]
        build: BuildFlags,
        #[arg(required = true)]
        paths: Vec<String>,
    },
    /// List the closure (all paths reachable by references) of store paths.
    Closure {
        #[arg(required = true)]
        paths: Vec<String>,
    },
    /// Delete what no garbage-collector root keeps alive (as nix-store --gc).
    Gc {
        /// Stop after freeing more than this many bytes (K, M, G, T suffixes).
        #[arg(long, value_name = "N")]
        max_freed: Option<String>,
        #[command(flatten)]
        print: GcPrintFlags,
    },
    /// Delete paths nothing alive needs (as nix-store --delete).
    Delete {
        /// Do not consult the permanent roots (temporary roots and referrers still count).
        #[arg(long)]
        ignore_liveness: bool,
        #[arg(required = true)]
        paths: Vec<String>,
    },
    /// Hard-link identical files in the store (as nix-store --optimise).
    Optimise,
}

/// `--print-roots | --print-live | --print-dead`: list instead of deleting.
#[derive(Args)]
#[group(multiple = false)]
pub struct GcPrintFlags {
    /// Print the roots as `"LINK" -> PATH`.
    #[arg(long)]
    pub print_roots: bool,
    /// Print the paths that are alive.
    #[arg(long)]
    pub print_live: bool,
    /// Print what a collection would delete.
    #[arg(long)]
    pub print_dead: bool,
}

#[derive(Subcommand)]
pub enum DerivationCommand {
    /// Print `.drv` files as JSON, shaped like `nix derivation show`.
    Show {
        /// Store paths (`/nix/store/…drv`) or `.drv` files named like store paths.
        #[arg(required = true)]
        paths: Vec<String>,
    },
}

#[derive(Args)]
pub struct EvalArgs {
    /// The expression to evaluate.
    #[arg(short = 'E', long = "expr", conflicts_with = "file")]
    pub expr: Option<String>,
    /// A file to evaluate (`-` for standard input).
    #[arg(short = 'f', long = "file")]
    pub file: Option<PathBuf>,
    /// Evaluate deeply before printing.
    #[arg(long)]
    pub strict: bool,
    /// Print a string result as is.
    #[arg(long)]
    pub raw: bool,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
    /// Select an attribute path of the result (`a.b.0`); may be repeated
    #[arg(short = 'A', long = "attr", value_name = "PATH")]
    pub attr: Vec<String>,
    /// Add a search path entry (`prefix=path` or `path`).
    #[arg(short = 'I', long = "include", value_name = "PATH")]
    pub include: Vec<String>,
    /// Nested function calls allowed before `stack overflow`.
    #[arg(long, value_name = "N")]
    pub max_call_depth: Option<usize>,
    /// Show the "while evaluating" context of errors.
    #[arg(long)]
    pub show_trace: bool,
    /// Make `builtins.traceVerbose` trace, as `builtins.trace` does.
    #[arg(long)]
    pub trace_verbose: bool,
}

impl EvalArgs {
    pub fn into_request(self) -> crate::eval_cmd::EvalRequest {
        use crate::eval_cmd::EvalRequest;
        let input = input(self.expr, self.file);
        let output = if self.raw {
            ferrix_eval::Output::Raw
        } else if self.json {
            ferrix_eval::Output::Json
        } else {
            ferrix_eval::Output::Nix
        };
        let mut req = EvalRequest::new(input, output);
        // JSON output forces what it prints, as `nix eval --json` does.
        req.strict = self.strict || self.json;
        req.attr_paths = self.attr;
        req.max_call_depth = self.max_call_depth;
        req.show_trace = self.show_trace;
        req.trace_verbose = self.trace_verbose;
        req.include = self.include;
        req
    }
}

#[derive(Args)]
pub struct ReplArgs {
    /// Files to load into the scope.
    pub files: Vec<PathBuf>,
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// Nested function calls allowed before `stack overflow`.
    #[arg(long, value_name = "N")]
    pub max_call_depth: Option<usize>,
}

#[derive(Args)]
pub struct InstantiateArgs {
    /// The file to instantiate (default: `default.nix`; `-` for standard input).
    #[arg(conflicts_with = "expr")]
    pub file: Option<PathBuf>,
    /// An expression to instantiate instead of a file.
    #[arg(short = 'E', long = "expr")]
    pub expr: Option<String>,
    /// Select an attribute path of the result (`a.b.0`); may be repeated
    #[arg(short = 'A', long = "attr", value_name = "PATH")]
    pub attr: Vec<String>,
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// Make PATH a garbage-collector root for the (first) `.drv`; PATH-2, ... for the others.
    #[arg(long, value_name = "PATH")]
    pub add_root: Option<PathBuf>,
    /// Compute the paths without writing anything.
    #[arg(long)]
    pub dry_run: bool,
    /// Show the "while evaluating" context of errors.
    #[arg(long)]
    pub show_trace: bool,
}

impl InstantiateArgs {
    pub fn into_request(self, store: Option<PathBuf>) -> crate::eval_cmd::EvalRequest {
        use crate::eval_cmd::EvalRequest;
        let input = input(self.expr, self.file);
        let mut req = EvalRequest::new(input, ferrix_eval::Output::Nix);
        req.instantiate = true;
        req.read_write = !self.dry_run;
        req.store_root = store;
        req.attr_paths = self.attr;
        req.auto_args = self.scope.auto_args();
        req.include = self.scope.include;
        req.add_root = self.add_root;
        req.show_trace = self.show_trace;
        req
    }
}

/// The arguments for top-level functions and the search path, of `instantiate`,
/// `build` and `repl`.
#[derive(Args)]
pub struct ScopeArgs {
    /// Pass `NAME = EXPR` to the top-level function (the functions `repl` loads).
    #[arg(long, num_args = 2, value_names = ["NAME", "EXPR"])]
    pub arg: Vec<String>,
    /// Pass `NAME = "STRING"` to the top-level function.
    #[arg(long, num_args = 2, value_names = ["NAME", "STRING"])]
    pub argstr: Vec<String>,
    /// Add a search path entry (`prefix=path` or `path`).
    #[arg(short = 'I', long = "include", value_name = "PATH")]
    pub include: Vec<String>,
}

impl ScopeArgs {
    /// `--arg`s and `--argstr`s, in that order.
    pub fn auto_args(&self) -> Vec<(String, ferrix_eval::AutoArg)> {
        use ferrix_eval::AutoArg;
        let pairs = |v: &[String]| v.chunks(2).map(|p| (p[0].clone(), p[1].clone())).collect::<Vec<_>>();
        let exprs = pairs(&self.arg).into_iter().map(|(n, e)| (n, AutoArg::Expr(e)));
        exprs.chain(pairs(&self.argstr).into_iter().map(|(n, s)| (n, AutoArg::Str(s)))).collect()
    }
}

/// What `-E EXPR` or a file (`-` for standard input; default `default.nix`) names.
fn input(expr: Option<String>, file: Option<PathBuf>) -> crate::eval_cmd::Input {
    use crate::eval_cmd::Input;
    match (expr, file) {
        (Some(e), _) => Input::Expr(e),
        (None, Some(f)) if f.as_os_str() == "-" => Input::Stdin,
        (None, Some(f)) => Input::File(f),
        (None, None) => Input::File(PathBuf::from("default.nix")),
    }
}

/// The settings of building, shared by `ferrix build` and `ferrix store realise`.
#[derive(Args)]
pub struct BuildFlags {
    /// Builds to run at once (a number or `auto`).
    #[arg(short = 'j', long = "max-jobs", value_name = "N")]
    pub max_jobs: Option<String>,
    /// `NIX_BUILD_CORES` for each build (0: all cores).
    #[arg(long, value_name = "N")]
    pub cores: Option<String>,
    /// Go on with the builds that do not depend on a failed one.
    #[arg(short = 'k', long)]
    pub keep_going: bool,
    /// Kill a build running longer than this many seconds.
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<String>,
    /// Kill a build that prints nothing for this many seconds.
    #[arg(long, value_name = "SECONDS")]
    pub max_silent_time: Option<String>,
    /// Do not show builders' output (a failure shows the last lines of its log).
    #[arg(short = 'Q', long = "no-build-output")]
    pub no_build_output: bool,
    /// Set a setting (`sandbox`, `sandbox-paths`, `max-jobs`, `cores`, `timeout`, ...).
    #[arg(long = "option", num_args = 2, value_names = ["NAME", "VALUE"])]
    pub option: Vec<String>,
}

impl BuildFlags {
    pub fn options(self) -> crate::error::CliResult<ferrix_builder::BuildOptions> {
        let mut options = crate::build_cmd::default_options()?;
        let mut settings: Vec<(String, String)> =
            self.option.chunks(2).map(|p| (p[0].clone(), p[1].clone())).collect();
        for (name, value) in [
            ("max-jobs", self.max_jobs),
            ("cores", self.cores),
            ("timeout", self.timeout),
            ("max-silent-time", self.max_silent_time),
        ] {
            settings.extend(value.map(|v| (name.to_owned(), v)));
        }
        if self.keep_going {
            settings.push(("keep-going".into(), "true".into()));
        }
        if self.no_build_output {
            options.print_build_logs = false;
        }
        for (name, value) in settings {
            let known = crate::build_cmd::apply_setting(&mut options, &name, &value)
                .map_err(|e| crate::error::CliError::usage("ferrix", e))?;
            if !known {
                return Err(crate::error::CliError::usage("ferrix", format!("unknown setting '{name}'")));
            }
        }
        Ok(options)
    }
}

#[derive(Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub what: InstantiateArgs,
    /// The name of the link to the (first) output; others get `-2`, `-dev`, ... appended.
    #[arg(short = 'o', long = "out-link", value_name = "PATH", default_value = "result")]
    pub out_link: PathBuf,
    /// Make no `result` link.
    #[arg(long)]
    pub no_out_link: bool,
    #[command(flatten)]
    pub build: BuildFlags,
}
