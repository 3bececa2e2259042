//! Derivations against the reference: golden `.drv` files, paths and `derivation show` JSON
//! made by Nix 2.34 from tests/data/drv/{cases,xp}.nix (see generate.sh there).

use ferrix_store::derivation::{
    Derivation, DerivationError, DerivationOutput, DerivationType, DrvHashes, ParseErrorKind, json,
};
use ferrix_store::store_path::FileIngestionMethod;
use ferrix_store::{Hash, HashAlgo, StorePath};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/drv")
}

/// Every golden `.drv`: its path and text.
fn goldens() -> Vec<(StorePath, String)> {
    let mut all: Vec<_> = std::fs::read_dir(data_dir().join("store"))
        .expect("golden store directory")
        .map(|entry| {
            let name = entry.expect("directory entry").file_name().into_string().expect("UTF-8 name");
            let text = std::fs::read_to_string(data_dir().join("store").join(&name)).expect("golden .drv");
            (StorePath::from_base_name(&name).expect("golden file named as a store path"), text)
        })
        .collect();
    all.sort();
    all
}

/// Reads an input derivation from the golden store.
fn load(path: &StorePath) -> Result<Derivation, DerivationError> {
    let text = std::fs::read_to_string(data_dir().join("store").join(path.base_name()))
        .map_err(|e| DerivationError::Load { path: path.to_string(), reason: e.to_string() })?;
    Ok(Derivation::parse(&text)?)
}

fn golden(path: &str) -> Derivation {
    load(&StorePath::parse(path).expect("store path")).expect("golden derivation")
}

struct Case {
    name: String,
    drv_path: StorePath,
    outputs: BTreeMap<String, String>,
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(data_dir().join("cases.json")).expect("cases.json");
    let value: serde_json::Value = serde_json::from_str(&text).expect("cases.json is JSON");
    let obj = value.as_object().expect("cases.json holds an object");
    obj.iter()
        .map(|(name, case)| Case {
            name: name.clone(),
            drv_path: StorePath::parse(case["drvPath"].as_str().expect("drvPath")).expect("drv path"),
            outputs: case["outputs"]
                .as_object()
                .expect("outputs")
                .iter()
                .map(|(k, v)| (k.clone(), v.as_str().expect("output path").to_owned()))
                .collect(),
        })
        .collect()
}

fn case(name: &str) -> Case {
    cases().into_iter().find(|c| c.name == name).expect("known case")
}

#[test]
fn goldens_cover_enough_derivations() {
    assert!(goldens().len() >= 28, "{} goldens", goldens().len());
    assert!(cases().len() >= 26);
}

#[test]
fn parse_then_print_gives_the_golden_bytes() {
    for (path, text) in goldens() {
        let drv = Derivation::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(drv.to_aterm(), text, "{path}");
    }
}

#[test]
fn drv_path_of_every_golden_matches_its_name() {
    for (path, text) in goldens() {
        let drv = Derivation::parse(&text).expect("parses");
        assert_eq!(drv.drv_path().expect("drv path"), path);
    }
}

/// Blanks what `derivationStrict` computes: input-addressed outputs become deferred,
/// fixed outputs get a wrong path, output env vars are emptied.
fn masked(drv: &Derivation) -> Derivation {
    let mut drv = drv.clone();
    let wrong = StorePath::parse("/nix/store/00000000000000000000000000000000-wrong").expect("path");
    for (name, output) in drv.outputs.iter_mut() {
        match output {
            DerivationOutput::InputAddressed(_) => *output = DerivationOutput::Deferred,
            DerivationOutput::Fixed { path, .. } => *path = wrong.clone(),
            _ => {}
        }
        if let Some(value) = drv.env.get_mut(name).filter(|v| v.starts_with("/nix/store/")) {
            value.clear();
        }
    }
    drv
}

#[test]
fn recomputing_paths_from_the_masked_derivation_reproduces_the_reference() {
    let mut hashes = DrvHashes::new();
    for case in cases() {
        let golden_drv = load(&case.drv_path).expect("golden");
        let mut drv = masked(&golden_drv);
        if golden_drv.outputs.values().any(|o| o.path().is_some()) {
            assert_ne!(drv, golden_drv, "{}: masking changed nothing", case.name);
        }
        drv.fill_output_paths(&mut hashes, &mut load).unwrap_or_else(|e| panic!("{}: {e}", case.name));
        for (output, expected) in &case.outputs {
            match drv.outputs[output].path() {
                Some(path) => assert_eq!(&path.to_string(), expected, "{} {output}", case.name),
                // Deferred and floating outputs evaluate to placeholders.
                None => assert!(!expected.starts_with("/nix/store/"), "{} {output}", case.name),
            }
        }
        assert_eq!(drv, golden_drv, "{}", case.name);
        assert_eq!(drv.drv_path().expect("drv path"), case.drv_path, "{}", case.name);
    }
}

#[test]
fn check_output_paths_accepts_goldens_and_names_the_wrong_output() {
    let mut hashes = DrvHashes::new();
    for (path, text) in goldens() {
        let drv = Derivation::parse(&text).expect("parses");
        drv.check_output_paths(&mut hashes, &mut load).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    let multi = case("multi");
    let mut drv = load(&multi.drv_path).expect("golden");
    let dev = drv.outputs["dev"].clone();
    drv.outputs.insert("bin".into(), dev.clone());
    let err = drv.check_output_paths(&mut hashes, &mut load).expect_err("wrong bin path");
    assert_eq!(
        err.to_string(),
        format!(
            "derivation has incorrect output '{}', should be '{}'",
            multi.outputs["dev"], multi.outputs["bin"]
        )
    );
    let mut drv = load(&multi.drv_path).expect("golden");
    drv.env.remove("dev");
    let err = drv.check_output_paths(&mut hashes, &mut load).expect_err("missing env");
    assert_eq!(
        err.to_string(),
        format!(
            "derivation has missing environment variable 'dev', should be '{}' but is not present",
            multi.outputs["dev"]
        )
    );
}

/// Values from /work/shared/spec (TEST VECTORS and vectors/fingerprints.json).
#[test]
fn masked_aterm_and_modulo_hashes_match_the_spec_vectors() {
    let simple = golden("/nix/store/cxl3gdvrylxaanfsn3n3a8lhnh2jfrc5-simple.drv");
    assert_eq!(
        simple.to_masked_aterm(),
        r#"Derive([("out","","","")],[],[],"x86_64-linux","/bin/sh",["-c","echo hi > $out"],[("builder","/bin/sh"),("name","simple"),("out",""),("system","x86_64-linux")])"#
    );
    let mut hashes = DrvHashes::new();
    for (drv, hex) in [
        (
            "cxl3gdvrylxaanfsn3n3a8lhnh2jfrc5-simple",
            "595072af4f49a7e6e3c199450fd82e69e589fd048130ced35ea820a92858d271",
        ),
        (
            "nr1zx0ricacxdzb42vkf19hq6y4did61-multi",
            "ad5a349724ad6225a8bf463463bb9b580a6bba50ecbea80596ea30f01ab72bc6",
        ),
        (
            "k906lsvswkcz6v6zvpiyrfxgqhig994h-dependent",
            "1d25bdde4d9a4c612c12ee3bce75d0bd76d119ba71e6295df6a97d7e4fba81ee",
        ),
    ] {
        let modulo =
            hashes.hash_modulo(&golden(&format!("/nix/store/{drv}.drv")), true, &mut load).expect("hash");
        assert!(!modulo.deferred);
        for (output, hash) in &modulo.hashes {
            assert_eq!(hash.to_base16(), hex, "{drv} {output}");
        }
    }
}

#[test]
fn fixed_output_modulo_hash_ignores_how_it_is_built() {
    let fod = golden(&case("fodFlat").drv_path.to_string());
    let mut other = fod.clone();
    other.args = vec!["-c".into(), "exit 1".into()];
    other.env.insert("extra".into(), "changes the .drv".into());
    let mut hashes = DrvHashes::new();
    let a = hashes.hash_modulo(&fod, false, &mut load).expect("hash");
    let b = hashes.hash_modulo(&other, false, &mut load).expect("hash");
    assert_eq!(a, b);
    assert_ne!(fod.drv_path().expect("path"), other.drv_path().expect("path"));
    let fingerprint = format!(
        "fixed:out:sha256:a948904f2f0f479b8f8197694b30184b0d2ed1c1cd2a1ec0fb85d299a192a447:{}",
        case("fodFlat").outputs["out"]
    );
    assert_eq!(a.hash("out").copied().expect("out"), Hash::digest(HashAlgo::Sha256, fingerprint));
}

#[test]
fn chains_load_each_input_once_and_reuse_recorded_hashes() {
    let loads = RefCell::new(Vec::new());
    let mut counting = |path: &StorePath| {
        loads.borrow_mut().push(path.clone());
        load(path)
    };
    let big = case("bigChain");
    let mut drv = masked(&load(&big.drv_path).expect("golden"));
    let mut hashes = DrvHashes::new();
    drv.fill_output_paths(&mut hashes, &mut counting).expect("paths");
    assert_eq!(drv.outputs["out"].path().map(StorePath::to_string).as_deref(), Some(&*big.outputs["out"]));
    let loaded = loads.borrow().clone();
    let distinct: BTreeSet<_> = loaded.iter().cloned().collect();
    assert_eq!(distinct.len(), loaded.len(), "an input was loaded twice");
    // Exactly the derivations in bigChain's closure (without itself) were needed.
    let mut closure = BTreeSet::new();
    let mut todo: Vec<StorePath> = drv.input_drvs.keys().cloned().collect();
    while let Some(path) = todo.pop() {
        if closure.insert(path.clone()) {
            todo.extend(load(&path).expect("golden").input_drvs.into_keys());
        }
    }
    assert_eq!(distinct, closure);
    // Recording bigChain lets a dependent be hashed without loading anything.
    hashes.record(&big.drv_path, &drv, &mut counting).expect("record");
    loads.borrow_mut().clear();
    let mut dependent = Derivation {
        system: "x86_64-linux".into(),
        builder: "/bin/sh".into(),
        env: BTreeMap::from([("name".into(), "dependent-of-big".into())]),
        outputs: BTreeMap::from([("out".into(), DerivationOutput::Deferred)]),
        input_drvs: BTreeMap::from([(big.drv_path.clone(), BTreeSet::from(["out".to_owned()]))]),
        ..Derivation::default()
    };
    dependent.fill_output_paths(&mut hashes, &mut counting).expect("paths");
    assert!(loads.borrow().is_empty());
    assert!(matches!(dependent.outputs["out"], DerivationOutput::InputAddressed(_)));
}

#[test]
fn deferred_inputs_keep_outputs_deferred() {
    let deferred = case("deferred");
    let golden_drv = load(&deferred.drv_path).expect("golden");
    assert_eq!(golden_drv.derivation_type(), Ok(DerivationType::Deferred));
    let mut hashes = DrvHashes::new();
    let modulo = hashes.hash_modulo(&golden_drv, true, &mut load).expect("hash");
    assert!(modulo.deferred);
    let floating =
        load(&StorePath::parse(&case("floating").drv_path.to_string()).expect("path")).expect("drv");
    assert_eq!(floating.derivation_type(), Ok(DerivationType::Floating));
    let impure = load(&case("impure").drv_path).expect("golden");
    assert_eq!(impure.derivation_type(), Ok(DerivationType::Impure));
    let modulo = hashes.hash_modulo(&impure, false, &mut load).expect("hash");
    assert!(modulo.deferred);
    assert_eq!(modulo.hash("out").copied().expect("out"), Hash::digest(HashAlgo::Sha256, "impure"));
}

#[test]
fn structured_attrs_are_the_json_env_var() {
    let sa2 = case("structured");
    assert_eq!(sa2.drv_path.to_string(), "/nix/store/s2pbjkl55kbi7fwf1p354g3nx75qi5c3-sa2.drv");
    let drv = load(&sa2.drv_path).expect("golden");
    let attrs: serde_json::Value = serde_json::from_str(&drv.env["__json"]).expect("__json is JSON");
    assert_eq!(attrs["outputs"], serde_json::json!(["out", "dev"]));
    assert_eq!(drv.env.keys().collect::<Vec<_>>(), ["__json", "dev", "out"]);
}

#[test]
fn escapes_decode_as_the_nix_strings() {
    let drv = load(&case("escapes").drv_path).expect("golden");
    assert_eq!(drv.env["quote"], "say \"hi\"");
    assert_eq!(drv.env["backslash"], "a\\b\\\\c");
    assert_eq!(drv.env["cr"], "a\rb\r\n");
    assert_eq!(drv.env["tab"], "a\tb");
    assert_eq!(drv.env["control"], "\u{1}\u{1f}\u{7f}");
    assert!(drv.env.contains_key("key with \"quote\""));
    assert_eq!(drv.args[2..], ["tab\there", "back\\slash", "nl\n"]);
    // The reference's reader turns an escaped ordinary character into itself.
    let text = load(&case("simple").drv_path).expect("golden").to_aterm().replace("echo hi", r"\e\c\h\o hi");
    assert_eq!(Derivation::parse(&text).expect("parses").args[1], "echo hi > $out");
}

#[test]
fn derivation_show_json_matches_the_reference() {
    for (path, text) in goldens() {
        let drv = Derivation::parse(&text).expect("parses");
        let base = path.base_name().strip_suffix(".drv").expect(".drv name");
        let expected = std::fs::read_to_string(data_dir().join("show").join(format!("{base}.json")))
            .expect("golden JSON");
        assert_eq!(json::show_text([(&path, &drv)]).expect("JSON"), expected, "{path}");
    }
}

/// A small valid derivation to break in the error tests.
const SIMPLE: &str = r#"Derive([("out","/nix/store/i5xvchlm36jash0k9ndh3vya563ls965-simple","","")],[],[],"x86_64-linux","/bin/sh",["-c","echo hi > $out"],[("builder","/bin/sh"),("name","simple"),("out","/nix/store/i5xvchlm36jash0k9ndh3vya563ls965-simple"),("system","x86_64-linux")])"#;

fn parse_error(text: &str) -> (ParseErrorKind, usize, usize, usize) {
    let err = Derivation::parse(text).expect_err(text);
    (err.kind, err.line, err.column, err.offset)
}

#[test]
fn malformed_derivations_give_specific_errors() {
    let expected =
        |what: &'static str, found: &str| ParseErrorKind::Expected { expected: what, found: found.into() };
    assert_eq!(parse_error(""), (expected("'Derive'", "end of input"), 1, 1, 0));
    assert_eq!(parse_error("Derive(["), (expected("'('", "end of input"), 1, 9, 8));
    assert_eq!(
        parse_error("DrvWithVersion(\"xp-dyn-drv\",[])"),
        (ParseErrorKind::UnsupportedConstructor("DrvWithVersion".into()), 1, 1, 0)
    );
    let trailing = format!("{SIMPLE}x");
    assert_eq!(parse_error(&trailing), (ParseErrorKind::TrailingInput, 1, SIMPLE.len() + 1, SIMPLE.len()));
    let spaced = SIMPLE.replace("\"\")],[]", "\"\") ],[]");
    let space = spaced.find(' ').expect("a space");
    assert_eq!(parse_error(&spaced), (ParseErrorKind::UnexpectedChar(' '), 1, space + 1, space));
    let unterminated = &SIMPLE[..SIMPLE.len() - 8];
    assert_eq!(parse_error(unterminated).0, ParseErrorKind::UnterminatedString);
    let no_comma = SIMPLE.replace(r#"["-c","echo"#, r#"["-c""echo"#);
    assert!(matches!(parse_error(&no_comma).0, ParseErrorKind::Expected { expected: "',' or ']'", .. }));
    let bad_path = SIMPLE.replace(r#"[],[],"x86"#, r#"[],["nix/store/abc"],"x86"#);
    assert_eq!(parse_error(&bad_path).0, ParseErrorKind::BadPath("nix/store/abc".into()));
    let short_path = SIMPLE.replace(r#"[],[],"x86"#, r#"[],["/nix/store/abc"],"x86"#);
    assert!(matches!(parse_error(&short_path).0, ParseErrorKind::InvalidStorePath(_)));
    let bad_drv = SIMPLE.replace(r#"[],[],"x86"#, r#"[("/tmp/x.drv",["out"])],[],"x86"#);
    assert!(matches!(parse_error(&bad_drv).0, ParseErrorKind::InvalidStorePath(_)));
    let bad_algo = SIMPLE.replace(r#"simple","","")"#, r#"simple","r:sha3","00")"#);
    assert!(matches!(
        parse_error(&bad_algo).0,
        ParseErrorKind::Hash(ferrix_store::HashError::UnknownAlgo(_))
    ));
    let bad_hash = SIMPLE.replace(r#"simple","","")"#, r#"simple","r:sha256","abc")"#);
    assert!(matches!(parse_error(&bad_hash).0, ParseErrorKind::Hash(_)));
    let floating_path = SIMPLE.replace(r#"simple","","")"#, r#"simple","r:sha256","")"#);
    assert!(matches!(parse_error(&floating_path).0, ParseErrorKind::UnexpectedOutputPath { .. }));
    let dup_env = SIMPLE.replace(r#"("name","simple")"#, r#"("name","simple"),("name","b")"#);
    assert_eq!(
        parse_error(&dup_env).0,
        ParseErrorKind::Duplicate { what: "environment variable", key: "name".into() }
    );
    let multiline = SIMPLE.replace(r#""-c","echo"#, "\"-c\nü\nb\"x,\"echo");
    let x = multiline.find("\"x,").expect("x") + 1;
    assert_eq!(parse_error(&multiline), (expected("',' or ']'", "'x'"), 3, 3, x));
    let err = Derivation::parse(&trailing).expect_err("trailing");
    assert_eq!(
        err.to_string(),
        format!(
            "error parsing derivation at line 1, column {} (byte {}): unexpected input after the end of the derivation",
            SIMPLE.len() + 1,
            SIMPLE.len()
        )
    );
}

fn simple() -> Derivation {
    Derivation::parse(SIMPLE).expect("parses")
}

#[test]
fn validation_uses_the_reference_messages() {
    let mut drv = simple();
    drv.outputs.clear();
    assert_eq!(drv.validate().expect_err("no outputs").to_string(), "must have at least one output");

    let hash = Hash::digest(HashAlgo::Sha256, "x");
    let fixed = DerivationOutput::fixed("simple", FileIngestionMethod::Flat, hash).expect("fixed");
    let mut drv = simple();
    drv.outputs = BTreeMap::from([("out".into(), fixed.clone()), ("dev".into(), fixed.clone())]);
    assert_eq!(drv.validate(), Err(DerivationError::MultipleFixedOutputs));
    drv.outputs = BTreeMap::from([("dev".into(), fixed.clone())]);
    assert_eq!(drv.validate().expect_err("dev").to_string(), "single fixed output must be named \"out\"");
    drv.outputs.insert("out".into(), DerivationOutput::Deferred);
    assert_eq!(drv.validate().expect_err("mixed").to_string(), "can't mix derivation output types");

    let mut drv = simple();
    drv.outputs.insert("drvPath".into(), DerivationOutput::Deferred);
    drv.outputs.insert("out".into(), DerivationOutput::Deferred);
    assert_eq!(drv.validate().expect_err("drvPath").to_string(), "invalid derivation output name 'drvPath'");

    let mut drv = simple();
    drv.env.insert("name".into(), "a b".into());
    assert_eq!(
        drv.validate().expect_err("name").to_string(),
        "invalid derivation name: name 'a b' contains illegal character ' '. Please pass a different 'name'."
    );
    drv.env.insert("name".into(), "x.drv".into());
    assert_eq!(drv.validate(), Err(DerivationError::DrvName));
    drv.env.remove("name");
    assert_eq!(drv.validate(), Err(DerivationError::MissingName));

    let mut drv = simple();
    drv.outputs.insert("a b".into(), DerivationOutput::Deferred);
    drv.outputs.insert("out".into(), DerivationOutput::Deferred);
    // Computing the output's path rejects its name, naming the computed path.
    let err = drv.fill_output_paths(&mut DrvHashes::new(), &mut load).expect_err("output name");
    let message = err.to_string();
    assert!(matches!(err, DerivationError::OutputPath { .. }), "{message}");
    assert!(message.starts_with("path '"), "{message}");
    assert!(message.contains("is not a valid store path: name '"), "{message}");
    assert!(message.ends_with("-a b' contains illegal character ' '"), "{message}");
}

#[test]
fn a_new_fixed_output_derivation_gets_the_reference_paths() {
    let fod_sha1 = case("fodSha1");
    let hash =
        Hash::parse_unprefixed("22596363b3de40b06f981fb85d82312e8c0ed511", HashAlgo::Sha1).expect("hash");
    let mut drv = load(&fod_sha1.drv_path).expect("golden");
    let golden_drv = drv.clone();
    drv.env.remove("out");
    drv.outputs.insert(
        "out".into(),
        DerivationOutput::fixed("fod-sha1", FileIngestionMethod::Flat, hash).expect("fixed"),
    );
    drv.fill_output_paths(&mut DrvHashes::new(), &mut load).expect("paths");
    assert_eq!(drv, golden_drv);
    assert_eq!(drv.drv_path().expect("drv path"), fod_sha1.drv_path);
}
