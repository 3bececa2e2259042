//! `ferrix store`, `ferrix derivation show` and the `nix-store` personality against a
//! throwaway store. Expected paths and hashes were produced by the reference (refnix).

mod common;

use common::{FERRIX, fails, ok, personality, run_with};
use std::path::Path;

const HELLO_SOURCE: &str = "/nix/store/3qrn7hjzih9h5pg8nbna4hhjgk4pabbg-h.txt";

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("h.txt"), "hello world\n").unwrap();
        Env { dir }
    }
    fn file(&self) -> String {
        self.dir.path().join("h.txt").to_str().unwrap().to_owned()
    }
    fn store(&self) -> std::path::PathBuf {
        self.dir.path().join("store")
    }
    fn nix_store(&self, args: &[&str]) -> String {
        ok(&personality(self.dir.path(), "nix-store"), args, Some(&self.store()))
    }
    fn ferrix(&self, args: &[&str]) -> String {
        ok(Path::new(FERRIX), args, Some(&self.store()))
    }
}

#[test]
fn nix_store_add_and_query_match_the_reference() {
    let env = Env::new();
    let f = env.file();
    assert_eq!(env.nix_store(&["--add", &f]), format!("{HELLO_SOURCE}\n"));
    assert_eq!(
        env.nix_store(&["--add-fixed", "sha256", &f]),
        "/nix/store/mwyl7c561axkhzyxvsns6xx2hzgpr7y0-h.txt\n"
    );
    assert_eq!(
        env.nix_store(&["--add-fixed", "--recursive", "sha1", &f]),
        "/nix/store/58d0c92g9namgxq0579m5lr8z352gj92-h.txt\n"
    );
    assert_eq!(
        env.nix_store(&["-q", "--hash", HELLO_SOURCE]),
        "sha256:00zns3gj9hwz2a4b0i07y7nmxybq59lh24bl3xsxblcl6333mjil\n"
    );
    assert_eq!(env.nix_store(&["--query", "--size", HELLO_SOURCE]), "128\n");
    assert_eq!(env.nix_store(&["-q", "--deriver", HELLO_SOURCE]), "unknown-deriver\n");
    assert_eq!(env.nix_store(&["-qR", HELLO_SOURCE]), format!("{HELLO_SOURCE}\n"));
    assert_eq!(env.nix_store(&["-q", "--references", HELLO_SOURCE]), "");
    // The file really is in the physical store, read-only.
    let real = env.store().join(HELLO_SOURCE.trim_start_matches('/'));
    assert_eq!(std::fs::read_to_string(&real).unwrap(), "hello world\n");
    assert!(std::fs::metadata(&real).unwrap().permissions().readonly());
}

#[test]
fn nix_store_errors() {
    let env = Env::new();
    let nix_store = personality(env.dir.path(), "nix-store");
    let store = env.store();
    let err = fails(&nix_store, &["-q", "--hash", &env.file()], Some(&store), 1);
    assert_eq!(err, format!("error: path \"{}\" is not in the Nix store\n", env.file()));
    let missing = "/nix/store/00000000000000000000000000000000-x";
    let err = fails(&nix_store, &["-q", "--references", missing], Some(&store), 1);
    assert_eq!(err, format!("error: path '{missing}' is not valid\n"));
    let err = fails(&nix_store, &["--export"], Some(&store), 2);
    assert!(err.starts_with("error: '--export' is not supported by Ferrix yet"), "{err}");
    let err = fails(&nix_store, &[], Some(&store), 2);
    assert!(err.starts_with("error: no operation specified"), "{err}");
}

#[test]
fn dump_restore_round_trip_and_verify() {
    let env = Env::new();
    env.ferrix(&["store", "add", &env.file()]);
    let nar = run_with(Path::new(FERRIX), &["store", "dump", HELLO_SOURCE], Some(&env.store()), b"");
    assert!(nar.status.success());
    // The NAR of "hello world\n" as a regular file hashes to the reference's narHash.
    let info = env.ferrix(&["store", "path-info", "--json", HELLO_SOURCE]);
    let v: serde_json::Value = serde_json::from_str(&info).unwrap();
    assert_eq!(v[HELLO_SOURCE]["narHash"], "sha256-NMo6xjCU0dV1H3QRAWkqePle7fEHRLCIEp/DJN/Q9gM=");
    assert_eq!(v[HELLO_SOURCE]["narSize"], nar.stdout.len());
    assert_eq!(v[HELLO_SOURCE]["ca"], "fixed:r:sha256:00zns3gj9hwz2a4b0i07y7nmxybq59lh24bl3xsxblcl6333mjil");
    let target = env.dir.path().join("restored");
    let nix_store = personality(env.dir.path(), "nix-store");
    let out = run_with(&nix_store, &["--restore", target.to_str().unwrap()], None, &nar.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "hello world\n");
    assert_eq!(ok(&nix_store, &["--dump", target.to_str().unwrap()], None).as_bytes(), nar.stdout);

    env.ferrix(&["store", "verify", "--check-contents"]);
    // Corrupt the stored file behind the store's back: verify must notice.
    let real = env.store().join(HELLO_SOURCE.trim_start_matches('/'));
    let mut perms = std::fs::metadata(&real).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&real, perms).unwrap();
    std::fs::write(&real, "hello WORLD\n").unwrap();
    let err = fails(Path::new(FERRIX), &["store", "verify", "--check-contents"], Some(&env.store()), 1);
    assert!(err.contains(HELLO_SOURCE) && err.contains("was modified"), "{err}");
}

#[test]
fn restore_rejects_a_malformed_nar_with_its_offset() {
    let env = Env::new();
    let target = env.dir.path().join("t");
    let out = run_with(
        Path::new(FERRIX),
        &["store", "restore", target.to_str().unwrap()],
        None,
        b"not a nar at all",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("error: ") && err.contains("byte"), "{err}");
    assert!(!target.exists());
}

#[test]
fn derivation_show_matches_the_reference() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("store/tests/data/drv");
    let drv = std::fs::read_dir(data.join("store"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_str().unwrap().ends_with("-simple.drv"))
        .expect("the golden simple.drv");
    let base = drv.file_name().unwrap().to_str().unwrap();
    let want = std::fs::read_to_string(data.join("show").join(base.replace(".drv", ".json"))).unwrap();
    let got = ok(Path::new(FERRIX), &["derivation", "show", drv.to_str().unwrap()], None);
    let (got, want): (serde_json::Value, serde_json::Value) =
        (serde_json::from_str(&got).unwrap(), serde_json::from_str(&want).unwrap());
    assert_eq!(got, want);
}

#[test]
fn closure_references_and_referrers_follow_the_graph() {
    use ferrix_store::local::LocalStore;
    use std::collections::BTreeSet;
    let env = Env::new();
    // A chain of text objects: top -> mid -> leaf, and top -> leaf.
    let store = LocalStore::open(&env.store()).unwrap();
    let leaf = store.add_text("leaf", "leaf", &BTreeSet::new()).unwrap();
    let mid = store.add_text("mid", &format!("{leaf}"), &BTreeSet::from([leaf.clone()])).unwrap();
    let top = store
        .add_text("top", &format!("{mid} {leaf}"), &BTreeSet::from([mid.clone(), leaf.clone()]))
        .unwrap();
    drop(store);
    let top_s = top.to_string();
    let want = format!("{leaf}\n{mid}\n{top}\n");
    assert_eq!(env.ferrix(&["store", "closure", &top_s]), want);
    assert_eq!(env.nix_store(&["-qR", &top_s]), want);
    assert_eq!(env.nix_store(&["-q", "--references", &top_s]), {
        let mut refs = [leaf.to_string(), mid.to_string()];
        refs.sort();
        format!("{}\n{}\n", refs[0], refs[1])
    });
    let mut referrers = [mid.to_string(), top.to_string()];
    referrers.sort();
    assert_eq!(
        env.ferrix(&["store", "referrers", &leaf.to_string()]),
        format!("{}\n{}\n", referrers[0], referrers[1])
    );
    // A path on disk that leads into the store (a `result` link) names the same object.
    let link = env.dir.path().join("result");
    std::os::unix::fs::symlink(env.store().join(top_s.trim_start_matches('/')), &link).unwrap();
    assert_eq!(env.nix_store(&["-qR", link.to_str().unwrap()]), want);
}
