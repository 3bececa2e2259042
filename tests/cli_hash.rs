//! `ferrix hash` and the `nix-hash` personality. Expected outputs were produced by the
//! reference (refnix nix-hash / nix hash) on the same inputs.

mod common;

use common::{FERRIX, fails, ok, personality};
use std::path::Path;

const SHA256_HEX: &str = "a948904f2f0f479b8f8197694b30184b0d2ed1c1cd2a1ec0fb85d299a192a447";
const SHA256_SRI: &str = "sha256-qUiQTy8PR5uPgZdpSzAYSw0u0cHNKh7A+4XSmaGSpEc=";

fn hello(dir: &Path) -> String {
    let p = dir.join("h.txt");
    std::fs::write(&p, "hello world\n").unwrap();
    p.to_str().unwrap().to_owned()
}

#[test]
fn nix_hash_flags_match_the_reference() {
    let dir = tempfile::tempdir().unwrap();
    let f = hello(dir.path());
    let nix_hash = personality(dir.path(), "nix-hash");
    let cases: &[(&[&str], &str)] = &[
        (&[], "46184c21c49adcfc6e656ecbf87aeb79"),
        (&["--flat"], "6f5902ac237024bdd0c176cb93063dc4"),
        (&["--type", "sha1", "--base32", "--flat"], "27ahx31f6615vf0zk1pv0h6yndin6n92"),
        (&["--sri", "--flat"], "md5-b1kCrCNwJL3QwXbLkwY9xA=="),
        (&["--type", "sha256", "--base64"], "NMo6xjCU0dV1H3QRAWkqePle7fEHRLCIEp/DJN/Q9gM="),
        (&["--truncate", "--type", "sha256", "--flat"], "64628e8fd48a95022e13332e4b30184b0d2ed1c1"),
        (&["--truncate", "--type", "sha256", "--flat", "--base32"], "q78jw3ab30q4nbik2cp055casj7qwqk4"),
        (&["--truncate", "--type", "sha256", "--flat", "--sri"], "sha256-ZGKOj9SKlQIuEzMuSzAYSw0u0cE="),
    ];
    for (flags, want) in cases {
        let mut args = flags.to_vec();
        args.push(&f);
        assert_eq!(ok(&nix_hash, &args, None), format!("{want}\n"), "nix-hash {flags:?}");
    }
    // Two operands print two lines.
    assert_eq!(
        ok(&nix_hash, &["--type", "md5", &f, &f], None),
        "46184c21c49adcfc6e656ecbf87aeb79\n".repeat(2)
    );
}

#[test]
fn nix_hash_conversions() {
    let dir = tempfile::tempdir().unwrap();
    let nix_hash = personality(dir.path(), "nix-hash");
    let nix32 = "0ix4jahrkll5zg01wandq78jw3ab30q4nscph67rniqg5x7r0j59";
    assert_eq!(
        ok(&nix_hash, &["--type", "sha256", "--to-base32", SHA256_HEX, SHA256_SRI], None),
        format!("{nix32}\n{nix32}\n")
    );
    assert_eq!(
        ok(&nix_hash, &["--to-sri", &format!("sha256:{SHA256_HEX}")], None),
        format!("{SHA256_SRI}\n")
    );
    assert_eq!(
        ok(&nix_hash, &["--to-base64", "--type", "sha256", nix32], None),
        "qUiQTy8PR5uPgZdpSzAYSw0u0cHNKh7A+4XSmaGSpEc=\n"
    );
    let err = fails(&nix_hash, &["--to-base32", SHA256_HEX], None, 1);
    assert!(err.contains("does not include a type, nor is the type otherwise known from context"), "{err}");
}

#[test]
fn nix_hash_errors() {
    let dir = tempfile::tempdir().unwrap();
    let nix_hash = personality(dir.path(), "nix-hash");
    let err = fails(&nix_hash, &["--bogus"], None, 2);
    assert!(err.starts_with("error: unrecognised flag '--bogus'\nTry 'nix-hash --help'"), "{err}");
    let missing = dir.path().join("nonexistent");
    let err = fails(&nix_hash, &[missing.to_str().unwrap()], None, 1);
    assert_eq!(err, format!("error: path '{}' does not exist\n", missing.display()));
    let err = fails(&nix_hash, &["--type", "sha3", "x"], None, 1);
    assert!(err.contains("unknown hash algorithm 'sha3'"), "{err}");
}

#[test]
fn ferrix_hash_subcommands() {
    let dir = tempfile::tempdir().unwrap();
    let f = hello(dir.path());
    let ferrix = Path::new(FERRIX);
    assert_eq!(
        ok(ferrix, &["hash", "path", &f], None),
        "sha256-NMo6xjCU0dV1H3QRAWkqePle7fEHRLCIEp/DJN/Q9gM=\n"
    );
    assert_eq!(ok(ferrix, &["hash", "file", &f], None), format!("{SHA256_SRI}\n"));
    assert_eq!(
        ok(ferrix, &["hash", "file", "--base32", &f], None),
        "0ix4jahrkll5zg01wandq78jw3ab30q4nscph67rniqg5x7r0j59\n"
    );
    assert_eq!(ok(ferrix, &["nix-hash", "--flat", &f], None), "6f5902ac237024bdd0c176cb93063dc4\n");
    assert_eq!(
        ok(
            ferrix,
            &[
                "hash",
                "convert",
                "--to",
                "nix32",
                SHA256_SRI,
                "sha1:22596363b3de40b06f981fb85d82312e8c0ed511"
            ],
            None
        ),
        "0ix4jahrkll5zg01wandq78jw3ab30q4nscph67rniqg5x7r0j59\n27ahx31f6615vf0zk1pv0h6yndin6n92\n"
    );
    let err =
        fails(ferrix, &["hash", "convert", "--from", "nix32", "--hash-algo", "sha256", SHA256_HEX], None, 1);
    assert_eq!(
        err,
        format!("error: input hash '{SHA256_HEX}' has format 'base16', but '--from nix32' was specified\n")
    );
}
