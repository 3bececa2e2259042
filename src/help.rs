//! `ferrix --help`: the subcommands grouped by what they are for, each with clap's
//! one-line description, followed by the options and a few examples; and the
//! command definition the shell completions are generated from.

use crate::cli::Cli;
use clap::CommandFactory;

/// The subcommands, by group, in the order shown.
const GROUPS: [(&str, &[&str]); 5] = [
    ("Evaluate", &["eval", "repl", "instantiate"]),
    ("Build", &["build", "log"]),
    ("Store", &["store", "hash", "derivation"]),
    (
        "The reference's commands (same flags; also run through a symlink of that name)",
        &["nix-build", "nix-instantiate", "nix-store", "nix-hash"],
    ),
    ("Shell", &["completions"]),
];

const EXAMPLES: &str = "\
Examples:
  ferrix eval -E '1 + 1'                       evaluate an expression
  ferrix eval --strict -E 'import ./pkgs.nix'  ... forcing all of it
  ferrix repl corpus                           explore a package set interactively
  ferrix build corpus -A greet                 build a package, link ./result
  ferrix store closure ./result                what it needs at run time
  ferrix store gc                              delete what no root keeps
  ferrix completions bash > ~/.local/share/bash-completion/completions/ferrix

Settings come from $XDG_CONFIG_HOME/ferrix/ferrix.conf (nix.conf's syntax and names:
max-jobs, cores, sandbox, sandbox-paths, timeout, ...), then `--option NAME VALUE`.";

/// The `ferrix` command with the grouped help.
pub fn command() -> clap::Command {
    let cmd = Cli::command();
    let groups = grouped(&cmd);
    cmd.help_template(format!(
        "{{about-with-newline}}\n{{usage-heading}} {{usage}}\n\n{groups}Options:\n{{options}}\n\n{EXAMPLES}"
    ))
}

/// The groups' text: a heading each, then its commands and their descriptions.
fn grouped(cmd: &clap::Command) -> String {
    let mut text = String::new();
    for (heading, names) in GROUPS {
        text.push_str(&format!("{heading}:\n"));
        for name in names {
            let about = cmd
                .find_subcommand(name)
                .and_then(|c| c.get_about())
                .map(|a| a.to_string())
                .unwrap_or_default();
            text.push_str(&format!("  {name:<17}{about}\n"));
        }
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_subcommand_is_in_one_group() {
        let cmd = Cli::command();
        let grouped: Vec<&str> = GROUPS.iter().flat_map(|(_, names)| names.iter().copied()).collect();
        for sub in cmd.get_subcommands().filter(|c| !c.is_hide_set()) {
            let n = grouped.iter().filter(|g| **g == sub.get_name()).count();
            assert_eq!(n, 1, "{} is in {n} groups", sub.get_name());
        }
        for name in grouped {
            assert!(cmd.find_subcommand(name).is_some(), "{name} is no subcommand");
        }
        let help = command().render_help().to_string();
        assert!(help.contains("Build:\n  build            Build the derivations"), "{help}");
    }
}
