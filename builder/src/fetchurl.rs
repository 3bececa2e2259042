//! The builtin builder `builtin:fetchurl` (the reference's, which `<nix/fetchurl.nix>`
//! and the standard library's `fetchurl` use): copies the file a `file://` URL names
//! into the output, flat (made executable with `executable = "1"`) or, with
//! `unpack = "1"`, as the NAR it holds restored (xz-compressed for a `.xz` URL). With `urls` (space-separated), each is
//! tried in turn; else `url`. The output's hash is checked when it is registered, as
//! for every fixed-output derivation.
//!
//! It runs in the sandbox helper's process but outside the sandbox, which would hide
//! the host's files: what it writes is checked against the hash fixed in advance.

use crate::sandbox::Spec;
use ferrix_store::url::{UrlError, local_file, unreadable_file};
use std::fs::File;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// The builder's name in a derivation.
pub(crate) const BUILDER: &str = "builtin:fetchurl";

/// Fetches for the build `spec`; the builder's exit status (1, with the reason on
/// standard error, when every URL failed).
pub(crate) fn run(spec: &Spec) -> i32 {
    let var = |name: &str| spec.env.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    // The output's own path (the scheduler checked that `out` is it): nothing else may
    // be written, as this runs outside the sandbox.
    let out = match var("out").map(ferrix_store::StorePath::parse) {
        Some(Ok(path)) => path.to_absolute(),
        _ => {
            eprintln!("error: attribute 'out' is not the output's store path");
            return 1;
        }
    };
    let target = if spec.sandbox { Spec::inside(&spec.root, &out) } else { out.clone().into() };
    let urls: Vec<&str> = match var("urls").map(|u| u.split_whitespace().collect::<Vec<_>>()) {
        Some(urls) if !urls.is_empty() => urls,
        _ => match var("url") {
            Some(url) => vec![url],
            None => {
                eprintln!("error: attribute 'url' missing");
                return 1;
            }
        },
    };
    let how = Fetch { unpack: var("unpack") == Some("1"), executable: var("executable") == Some("1") };
    let mut last = String::new();
    for url in urls {
        match how.fetch(url, &target) {
            Ok(()) => return 0,
            Err(reason) => {
                // A failed attempt leaves nothing for the next one to trip over.
                let _ = ferrix_store::local::remove_tree(&target);
                last = reason;
            }
        }
    }
    eprintln!("error:\n       … writing file \"{out}\"\n\n       error: {last}");
    1
}

/// How the fetched file becomes the output.
struct Fetch {
    unpack: bool,
    executable: bool,
}

impl Fetch {
    fn fetch(&self, url: &str, target: &Path) -> Result<(), String> {
        let file = local_file(url).map_err(|e| match e {
            UrlError::NotLocal(_) => format!("unable to download '{url}': {e}"),
            UrlError::NoScheme(_) => e.to_string(),
        })?;
        // Only a regular file (not a device or a directory) is read.
        if !std::fs::metadata(&file).is_ok_and(|m| m.is_file()) {
            return Err(unreadable_file(url, &file));
        }
        let mut input = File::open(&file).map_err(|_| unreadable_file(url, &file))?;
        let failed = |e: &dyn std::fmt::Display| format!("unable to download '{url}': {e}");
        if self.unpack {
            // As the reference: a `.xz` URL holds an xz-compressed NAR.
            let restored = if url.ends_with(".xz") {
                ferrix_store::nar::restore(&mut xz2::read::XzDecoder::new(input), target)
            } else {
                ferrix_store::nar::restore(&mut input, target)
            };
            restored.map_err(|e| failed(&e))?;
            return Ok(());
        }
        let mut output = File::create_new(target).map_err(|e| failed(&e))?;
        std::io::copy(&mut input, &mut output).map_err(|e| failed(&e))?;
        if self.executable {
            output.set_permissions(std::fs::Permissions::from_mode(0o755)).map_err(|e| failed(&e))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(root: &Path, env: &[(&str, &str)]) -> Spec {
        Spec {
            sandbox: true,
            root: root.to_owned(),
            workdir: "/build".into(),
            builder: BUILDER.into(),
            args: Vec::new(),
            env: env.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
            binds: Vec::new(),
            network: true,
            uid: 0,
            gid: 0,
        }
    }

    #[test]
    fn fetches_the_first_url_that_can_be_read() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("a b.txt");
        std::fs::write(&source, "contents").unwrap();
        let root = dir.path().join("root");
        std::fs::create_dir_all(root.join("nix/store")).unwrap();
        let url = format!("file://{}", source.display()).replace(' ', "%20");
        let urls = format!("file:///nonexistent {url}");
        let out = "/nix/store/00000000000000000000000000000000-x";
        let spec = spec(
            &root,
            &[("out", out), ("urls", &urls), ("url", "file:///nonexistent"), ("executable", "1")],
        );
        assert_eq!(run(&spec), 0);
        let fetched = Spec::inside(&root, out);
        assert_eq!(std::fs::read_to_string(&fetched).unwrap(), "contents");
        assert_eq!(std::fs::metadata(&fetched).unwrap().permissions().mode() & 0o777, 0o755);
    }

    #[test]
    fn fails_on_missing_files_and_network_urls() {
        let dir = tempfile::tempdir().unwrap();
        let how = Fetch { unpack: false, executable: false };
        let target = dir.path().join("out");
        let err = how.fetch("file:///nonexistent/x", &target).unwrap_err();
        assert_eq!(
            err,
            "unable to download 'file:///nonexistent/x': Could not read a file:// file (37) Could not open file /nonexistent/x"
        );
        assert!(how.fetch("https://example.com/x", &target).unwrap_err().contains("over the network"));
        assert!(!target.exists());
    }
}
