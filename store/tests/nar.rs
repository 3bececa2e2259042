//! NAR writing, hashing, parsing and restoring, checked against archives and hashes
//! produced by the reference (see data/nar/make-golden.py), and against malformed input.

use ferrix_store::nar::{self, NarError, NarErrorKind};
use std::ffi::OsStr;
use std::fs;
use std::io::{Cursor, Read};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/nar");

// ---------------------------------------------------------------------------------
// Trees described in data/nar/trees.txt

/// Decodes the percent-encoding of trees.txt (`""` is the empty string).
fn decode(s: &str) -> Vec<u8> {
    if s == "\"\"" {
        return Vec::new();
    }
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).expect("valid escape in trees.txt"));
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

/// The trees of trees.txt as (name, lines of words).
fn trees() -> Vec<(String, Vec<Vec<String>>)> {
    let text = fs::read_to_string(format!("{DATA}/trees.txt")).unwrap();
    let mut trees: Vec<(String, Vec<Vec<String>>)> = Vec::new();
    for line in text.lines() {
        let words: Vec<String> = line.split_whitespace().map(str::to_owned).collect();
        match words.first().map(String::as_str) {
            None => {}
            Some(w) if w.starts_with('#') => {}
            Some("tree") => trees.push((words[1].clone(), Vec::new())),
            Some(_) => trees.last_mut().expect("a tree line first").1.push(words),
        }
    }
    trees
}

fn build(root: &Path, items: &[Vec<String>]) {
    let at = |p: &str| if p == "." { root.to_owned() } else { root.join(OsStr::from_bytes(&decode(p))) };
    for w in items {
        match w[0].as_str() {
            "dir" => fs::create_dir(at(&w[1])).unwrap(),
            "file" | "big" => {
                let path = at(&w[2]);
                let data = if w[0] == "file" {
                    decode(&w[3])
                } else {
                    (0..w[3].parse::<usize>().unwrap()).map(|k| (k % 251) as u8).collect()
                };
                fs::write(&path, data).unwrap();
                let mode = u32::from_str_radix(&w[1], 8).unwrap();
                fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
            }
            "link" => symlink(OsStr::from_bytes(&decode(&w[2])), at(&w[1])).unwrap(),
            other => panic!("unknown line kind {other} in trees.txt"),
        }
    }
}

/// Builds tree `name` of trees.txt in a fresh temporary directory.
fn built(name: &str) -> (tempfile::TempDir, PathBuf) {
    let (_, items) = trees().into_iter().find(|(n, _)| n == name).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join(name);
    build(&root, &items);
    (dir, root)
}

fn dump(path: &Path) -> Vec<u8> {
    let mut out = Vec::new();
    nar::dump_path(path, &mut out).unwrap();
    out
}

fn sha256_hex(data: &[u8]) -> String {
    ferrix_store::Hash::digest(ferrix_store::HashAlgo::Sha256, data).to_base16()
}

fn golden(name: &str, ext: &str) -> String {
    fs::read_to_string(format!("{DATA}/{name}.{ext}")).unwrap().trim().to_owned()
}

// ---------------------------------------------------------------------------------
// Writing and hashing

#[test]
fn dump_matches_the_reference_for_every_tree() {
    let all = trees();
    assert!(all.len() >= 6);
    for (name, _) in all {
        let (_dir, root) = built(&name);
        let ours = dump(&root);
        let small = Path::new(&format!("{DATA}/{name}.nar")).exists();
        if small {
            assert!(ours == fs::read(format!("{DATA}/{name}.nar")).unwrap(), "NAR of tree {name} differs");
        } else {
            assert_eq!(
                format!("{} {}", sha256_hex(&ours), ours.len()),
                golden(&name, "nar.sha256"),
                "{name}"
            );
        }
    }
}

#[test]
fn hash_path_matches_nix_hash() {
    for (name, _) in trees() {
        let (_dir, root) = built(&name);
        let (hash, size) = nar::hash_path(&root).unwrap();
        assert_eq!(hash.to_base16(), golden(&name, "nix-hash"), "tree {name}");
        assert_eq!(size, dump(&root).len() as u64, "tree {name}");
    }
}

#[test]
fn hash_path_matches_the_srcdir_spec_vector() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("srcdir");
    fs::create_dir_all(root.join("sub")).unwrap();
    // The vector's `link` is a symlink (the shared copy has lost that).
    symlink("run.sh", root.join("link")).unwrap();
    fs::write(root.join("run.sh"), "#!/bin/sh\necho hi\n").unwrap();
    fs::set_permissions(root.join("run.sh"), fs::Permissions::from_mode(0o555)).unwrap();
    fs::write(root.join("sub/d.txt"), "data").unwrap();
    let (hash, _) = nar::hash_path(&root).unwrap();
    assert_eq!(hash.to_base16(), "230902ee0efff0d229ee036382e24e6bae629768e72e50a82328be7c84546114");
}

#[test]
fn only_the_owner_execute_bit_makes_a_file_executable() {
    let (_dir, root) = built("mixed");
    let entries = listing(&dump(&root));
    assert!(entries.contains(&("owner-x".to_owned(), true)));
    assert!(entries.contains(&("run.sh".to_owned(), true)));
    assert!(entries.contains(&("group-x".to_owned(), false)));
    assert!(entries.contains(&("other-x".to_owned(), false)));
}

/// (file name, executable) of the regular files directly under the root of `archive`.
fn listing(archive: &[u8]) -> Vec<(String, bool)> {
    struct Files {
        depth: usize,
        found: Vec<(String, bool)>,
    }
    impl nar::NarSink for Files {
        fn directory(&mut self, name: Option<&[u8]>) -> Result<(), NarErrorKind> {
            self.depth += usize::from(name.is_some());
            Ok(())
        }
        fn end_directory(&mut self) -> Result<(), NarErrorKind> {
            self.depth = self.depth.saturating_sub(1);
            Ok(())
        }
        fn file(&mut self, name: Option<&[u8]>, executable: bool, _: u64) -> Result<(), NarErrorKind> {
            if let (Some(name), 0) = (name, self.depth) {
                self.found.push((String::from_utf8_lossy(name).into_owned(), executable));
            }
            Ok(())
        }
    }
    let mut files = Files { depth: 0, found: Vec::new() };
    nar::parse(&mut Cursor::new(archive), &mut files).unwrap();
    files.found
}

#[test]
fn special_files_are_rejected_with_their_path() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("sock");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let err = nar::dump_path(dir.path(), &mut Vec::new()).unwrap_err();
    let message = err.to_string();
    assert!(message.contains(&*socket.to_string_lossy()), "{message}");
    assert!(message.contains("unsupported type"), "{message}");
}

#[test]
fn a_missing_path_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    let err = nar::hash_path(&missing).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
    assert!(err.to_string().contains(&*missing.to_string_lossy()));
}

// ---------------------------------------------------------------------------------
// Reading and restoring

#[test]
fn restore_then_dump_gives_the_same_bytes() {
    for (name, _) in trees() {
        let (_dir, root) = built(&name);
        let archive = dump(&root);
        assert_eq!(nar::validate(&mut Cursor::new(&archive)).unwrap(), archive.len() as u64, "{name}");
        let out = tempfile::tempdir().unwrap();
        let target = out.path().join("restored");
        assert_eq!(nar::restore(&mut Cursor::new(&archive), &target).unwrap(), archive.len() as u64);
        assert!(dump(&target) == archive, "round trip of tree {name} differs");
    }
}

#[test]
fn restore_sets_execute_bits_and_keeps_symlinks_verbatim() {
    let archive = fs::read(format!("{DATA}/mixed.nar")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("t");
    nar::restore(&mut Cursor::new(&archive), &target).unwrap();
    let mode = |p: &str| fs::metadata(target.join(p)).unwrap().permissions().mode();
    assert_eq!(mode("run.sh") & 0o111, 0o111);
    assert_eq!(mode("group-x") & 0o111, 0);
    assert_eq!(fs::read_link(target.join("dangling")).unwrap(), Path::new("does/not/exist"));
    assert_eq!(fs::read_link(target.join("dot")).unwrap(), Path::new("."));
    assert_eq!(fs::read(target.join("a/b/c/deep")).unwrap(), b"deep\n");
}

#[test]
fn restore_refuses_an_existing_target() {
    let archive = fs::read(format!("{DATA}/empty-dir.nar")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let err = nar::restore(&mut Cursor::new(&archive), out.path()).unwrap_err();
    match err.kind() {
        NarErrorKind::Io { path, source } => {
            assert_eq!(path, out.path());
            assert_eq!(source.kind(), std::io::ErrorKind::AlreadyExists);
        }
        other => panic!("unexpected error {other}"),
    }
    assert!(err.to_string().contains(&*out.path().to_string_lossy()));
}

#[test]
fn reading_stops_at_the_end_of_the_archive() {
    // The reference accepts (and leaves unread) anything after the root node.
    let mut input = fs::read(format!("{DATA}/lone-file.nar")).unwrap();
    let len = input.len() as u64;
    input.extend_from_slice(b"trailing garbage");
    let mut cursor = Cursor::new(input);
    assert_eq!(nar::validate(&mut cursor).unwrap(), len);
    let mut rest = String::new();
    cursor.read_to_string(&mut rest).unwrap();
    assert_eq!(rest, "trailing garbage");
}

#[test]
fn deep_nesting_does_not_exhaust_the_stack() {
    let depth = 100_000;
    let mut parts: Vec<&[u8]> = vec![b"(", b"type", b"directory"];
    for _ in 0..depth {
        parts.extend([&b"entry"[..], b"(", b"name", b"d", b"node", b"(", b"type", b"directory"]);
    }
    parts.push(b")");
    for _ in 0..depth {
        parts.extend([&b")"[..], b")"]);
    }
    let archive = nar_of(&parts);
    assert_eq!(nar::validate(&mut Cursor::new(&archive)).unwrap(), archive.len() as u64);
}

// ---------------------------------------------------------------------------------
// Malformed archives: one test per class, each checking the kind and the offset.

/// One NAR string: length, bytes, zero padding.
fn string(s: &[u8]) -> Vec<u8> {
    let mut out = (s.len() as u64).to_le_bytes().to_vec();
    out.extend_from_slice(s);
    out.resize(out.len() + (8 - s.len() % 8) % 8, 0);
    out
}

/// The magic followed by `parts` as strings.
fn nar_of(parts: &[&[u8]]) -> Vec<u8> {
    let mut out = string(b"nix-archive-1");
    parts.iter().for_each(|p| out.extend(string(p)));
    out
}

/// Byte offset of string number `index` of `parts` (counting from the first after the magic).
fn offset_of(parts: &[&[u8]], index: usize) -> u64 {
    nar_of(&parts[..index]).len() as u64
}

fn reject(archive: &[u8]) -> NarError {
    let err = nar::validate(&mut Cursor::new(archive)).unwrap_err();
    // Restoring stops at the same place.
    let out = tempfile::tempdir().unwrap();
    let again = nar::restore(&mut Cursor::new(archive), &out.path().join("t")).unwrap_err();
    assert_eq!(again.offset(), err.offset());
    assert!(err.to_string().contains(&format!("byte {}", err.offset())), "{err}");
    err
}

const FILE: [&[u8]; 5] = [b"(", b"type", b"regular", b"contents", b""];

/// A directory holding empty files with the given names, in the given order.
fn dir_with(names: &[&'static [u8]]) -> Vec<&'static [u8]> {
    let mut parts: Vec<&[u8]> = vec![b"(", b"type", b"directory"];
    for name in names {
        parts.extend([&b"entry"[..], b"(", b"name", name, b"node"]);
        parts.extend(FILE);
        parts.extend([&b")"[..], b")"]);
    }
    parts.push(b")");
    parts
}

#[test]
fn bad_magic() {
    let mut archive = nar_of(&FILE);
    archive[8] = b'N';
    let err = reject(&archive);
    assert!(matches!(err.kind(), NarErrorKind::BadMagic));
    assert_eq!(err.offset(), 0);
    let err = reject(&string(b"nix-archive-2"));
    assert!(matches!(err.kind(), NarErrorKind::BadMagic));
    let err = reject(&u64::MAX.to_le_bytes());
    assert!(matches!(err.kind(), NarErrorKind::BadMagic));
}

#[test]
fn unexpected_tag() {
    let parts: [&[u8]; 3] = [b"(", b"typo", b"regular"];
    let err = reject(&nar_of(&parts));
    assert!(matches!(err.kind(), NarErrorKind::UnexpectedTag { found, .. } if found == "typo"));
    assert_eq!(err.offset(), offset_of(&parts, 1));

    let mut parts = dir_with(&[b"a"]);
    parts[3] = b"entri";
    let err = reject(&nar_of(&parts));
    assert!(matches!(err.kind(), NarErrorKind::UnexpectedTag { expected: "'entry' or ')'", .. }));
    assert_eq!(err.offset(), offset_of(&parts, 3));
}

#[test]
fn unknown_file_type() {
    let parts: [&[u8]; 3] = [b"(", b"type", b"fifo"];
    let err = reject(&nar_of(&parts));
    assert!(matches!(err.kind(), NarErrorKind::UnknownType(t) if t == "fifo"));
    assert_eq!(err.offset(), offset_of(&parts, 2));
}

#[test]
fn missing_contents() {
    // The reference requires `contents` even for an empty file.
    let parts: [&[u8]; 4] = [b"(", b"type", b"regular", b")"];
    let err = reject(&nar_of(&parts));
    assert!(matches!(err.kind(), NarErrorKind::UnexpectedTag { found, .. } if found == ")"));
    assert_eq!(err.offset(), offset_of(&parts, 3));
}

#[test]
fn non_empty_executable_marker() {
    let parts: [&[u8]; 7] = [b"(", b"type", b"regular", b"executable", b"x", b"contents", b""];
    let err = reject(&nar_of(&parts));
    assert!(matches!(err.kind(), NarErrorKind::NonEmptyExecutableMarker));
    assert_eq!(err.offset(), offset_of(&parts, 4));
}

#[test]
fn oversized_fields_are_rejected_before_reading_them() {
    let long_name = [b'n'; 256];
    let parts = dir_with(&[]);
    let mut parts = parts[..3].to_vec();
    parts.extend([&b"entry"[..], b"(", b"name", &long_name]);
    let err = reject(&nar_of(&parts));
    assert!(matches!(err.kind(), NarErrorKind::TooLong { len: 256, max: 255, .. }));
    assert_eq!(err.offset(), offset_of(&parts, 6));

    let long_target = [b't'; 4096];
    let parts: [&[u8]; 5] = [b"(", b"type", b"symlink", b"target", &long_target];
    let err = reject(&nar_of(&parts));
    assert!(matches!(err.kind(), NarErrorKind::TooLong { len: 4096, max: 4095, .. }));
    assert_eq!(err.offset(), offset_of(&parts, 4));

    let parts: [&[u8]; 3] = [b"(", b"type", b"directoryyyyyyyyy"];
    let err = reject(&nar_of(&parts));
    assert!(matches!(err.kind(), NarErrorKind::TooLong { len: 17, .. }));
    assert_eq!(err.offset(), offset_of(&parts, 2));

    // A length near 2^64 must not be allocated.
    let mut archive = nar_of(&[b"(", b"type"]);
    let at = archive.len() as u64;
    archive.extend_from_slice(&(u64::MAX - 3).to_le_bytes());
    let err = reject(&archive);
    assert!(matches!(err.kind(), NarErrorKind::TooLong { .. }));
    assert_eq!(err.offset(), at);
}

#[test]
fn huge_file_size_with_short_input_is_truncation() {
    let mut archive = nar_of(&[b"(", b"type", b"regular", b"contents"]);
    archive.extend_from_slice(&(u64::MAX / 2).to_le_bytes());
    archive.extend_from_slice(b"only a little");
    let err = reject(&archive);
    assert!(matches!(err.kind(), NarErrorKind::UnexpectedEof));
    assert_eq!(err.offset(), archive.len() as u64);
}

#[test]
fn non_zero_padding() {
    let parts: [&[u8]; 3] = [b"(", b"type", b"regular"];
    let mut archive = nar_of(&parts);
    let padding_at = archive.len() - 1;
    archive[padding_at] = 1;
    let err = reject(&archive);
    assert!(matches!(err.kind(), NarErrorKind::NonZeroPadding));
    assert_eq!(err.offset(), offset_of(&parts, 2) + 8 + 7);

    // Padding after file contents too.
    let parts: [&[u8]; 6] = [b"(", b"type", b"regular", b"contents", b"abc", b")"];
    let mut archive = nar_of(&parts);
    let contents_at = offset_of(&parts, 4) as usize;
    archive[contents_at + 8 + 5] = b'!';
    let err = reject(&archive);
    assert!(matches!(err.kind(), NarErrorKind::NonZeroPadding));
    assert_eq!(err.offset(), contents_at as u64 + 8 + 3);
}

#[test]
fn truncation_at_every_length() {
    let archive = fs::read(format!("{DATA}/mixed.nar")).unwrap();
    for len in 0..archive.len() {
        let err = nar::validate(&mut Cursor::new(&archive[..len])).unwrap_err();
        assert!(matches!(err.kind(), NarErrorKind::UnexpectedEof), "{len}: {err}");
        assert_eq!(err.offset(), len as u64, "{len}");
    }
}

#[test]
fn invalid_entry_names() {
    for (name, why) in
        [(&b""[..], "empty"), (b".", "'.'"), (b"..", "'..'"), (b"a/b", "'/'"), (b"a\0b", "NUL")]
    {
        let parts = dir_with(&[name]);
        let err = reject(&nar_of(&parts));
        match err.kind() {
            NarErrorKind::InvalidName { why: w, .. } => assert!(w.contains(why), "{w}"),
            other => panic!("name {name:?}: unexpected error {other}"),
        }
        assert_eq!(err.offset(), offset_of(&parts, 6));
    }
}

#[test]
fn unsorted_entries() {
    let parts = dir_with(&[b"b", b"a"]);
    let err = reject(&nar_of(&parts));
    assert!(
        matches!(err.kind(), NarErrorKind::Unsorted { previous, name } if previous == "b" && name == "a")
    );
    assert_eq!(err.offset(), offset_of(&parts, 6 + 12));

    // Byte order, not locale order: "B" < "a" is sorted, "a" < "B" is not.
    let parts = dir_with(&[b"a", b"B"]);
    assert!(matches!(reject(&nar_of(&parts)).kind(), NarErrorKind::Unsorted { .. }));
    let archive = nar_of(&dir_with(&[b"B", b"a", b"\xff"]));
    assert_eq!(nar::validate(&mut Cursor::new(&archive)).unwrap(), archive.len() as u64);
}

#[test]
fn duplicate_entries() {
    let parts = dir_with(&[b"a", b"a"]);
    let err = reject(&nar_of(&parts));
    assert!(matches!(err.kind(), NarErrorKind::Duplicate(n) if n == "a"));
    assert_eq!(err.offset(), offset_of(&parts, 6 + 12));
}

#[test]
fn invalid_symlink_targets() {
    for target in [&b""[..], b"a\0b"] {
        let parts: [&[u8]; 6] = [b"(", b"type", b"symlink", b"target", target, b")"];
        let err = reject(&nar_of(&parts));
        assert!(matches!(err.kind(), NarErrorKind::InvalidTarget { .. }), "{err}");
        assert_eq!(err.offset(), offset_of(&parts, 4));
    }
}

#[test]
fn missing_entry_close() {
    let mut parts = dir_with(&[b"a", b"b"]);
    assert_eq!(parts[14], b")");
    parts[14] = b"entry";
    let err = reject(&nar_of(&parts));
    assert!(matches!(err.kind(), NarErrorKind::UnexpectedTag { expected, .. } if expected.contains("entry")));
    assert_eq!(err.offset(), offset_of(&parts, 14));
}
