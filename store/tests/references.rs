//! Reference scanning: candidate hash parts found in NAR streams, whatever the chunking.

use ferrix_store::StorePath;
use ferrix_store::references::{RefScanner, scan_path};
use std::collections::BTreeSet;
use std::fs;
use std::io::Write;

/// A store path whose digest is twenty copies of `seed`.
fn path(seed: u8, name: &str) -> StorePath {
    StorePath::from_digest(&[seed; 20], name).unwrap()
}

fn scan_chunks<'a>(
    candidates: &[StorePath],
    chunks: impl IntoIterator<Item = &'a [u8]>,
) -> BTreeSet<StorePath> {
    let mut scanner = RefScanner::new(candidates.iter().cloned());
    for chunk in chunks {
        scanner.write_all(chunk).unwrap();
    }
    scanner.into_found()
}

#[test]
fn finds_full_paths_and_bare_hashes_in_a_tree() {
    let [in_file, bare, in_link, in_name, absent] = [1, 2, 3, 4, 5].map(|s| path(s, "dep"));
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("script"), format!("#!{}/bin/sh\n", in_file.to_absolute())).unwrap();
    fs::write(root.join("bare"), format!("xx{}yy", bare.hash_part())).unwrap();
    std::os::unix::fs::symlink(in_link.to_absolute(), root.join("link")).unwrap();
    fs::write(root.join(format!("named-{}", in_name.hash_part())), "").unwrap();
    let found = scan_path(root, [&in_file, &bare, &in_link, &in_name, &absent].map(Clone::clone)).unwrap();
    assert_eq!(found, BTreeSet::from([in_file, bare, in_link, in_name]));
}

#[test]
fn the_name_part_does_not_matter() {
    let candidate = path(7, "wanted");
    let other_name = StorePath::from_base_name(&format!("{}-other", candidate.hash_part())).unwrap();
    let text = other_name.to_absolute();
    assert_eq!(scan_chunks(std::slice::from_ref(&candidate), [text.as_bytes()]), BTreeSet::from([candidate]));
}

#[test]
fn partial_hashes_are_not_references() {
    let candidate = path(9, "dep");
    let hash = candidate.hash_part();
    for text in [
        format!("{}-", &hash[..31]),
        format!("-{}", &hash[1..]),
        format!("{}_{}", &hash[..16], &hash[16..]),
        // Every byte but one in the alphabet: `e` is not a nixbase32 digit.
        format!("{}e{}", &hash[..31], &hash[..31]),
    ] {
        assert!(scan_chunks(std::slice::from_ref(&candidate), [text.as_bytes()]).is_empty(), "{text}");
    }
}

#[test]
fn hashes_surrounded_by_alphabet_bytes_are_found() {
    // Skipping ahead over bytes outside the alphabet must not skip a real hit.
    let [a, b] = [path(11, "a"), path(12, "b")];
    let text = format!("000000000000000000000000000000000000{}e{}1111", a.hash_part(), b.hash_part());
    assert_eq!(scan_chunks(&[a.clone(), b.clone()], [text.as_bytes()]), BTreeSet::from([a, b]));
}

#[test]
fn a_hash_split_at_every_point_is_found() {
    let candidate = path(13, "dep");
    let miss = path(14, "dep");
    let text = format!("/bin/sh -c {}/bin/x\n", candidate.to_absolute());
    let data = text.as_bytes();
    let candidates = [candidate.clone(), miss];
    for split in 0..=data.len() {
        let found = scan_chunks(&candidates, [&data[..split], &data[split..]]);
        assert_eq!(found, BTreeSet::from([candidate.clone()]), "split at {split}");
    }
    for size in 1..40 {
        let found = scan_chunks(&candidates, data.chunks(size));
        assert_eq!(found, BTreeSet::from([candidate.clone()]), "chunks of {size}");
    }
}

#[test]
fn a_partial_hash_split_across_chunks_is_not_found() {
    let candidate = path(15, "dep");
    let text = format!("{}-{}", &candidate.hash_part()[..20], &candidate.hash_part()[20..]);
    let data = text.as_bytes();
    for split in 0..=data.len() {
        assert!(
            scan_chunks(std::slice::from_ref(&candidate), [&data[..split], &data[split..]]).is_empty(),
            "{split}"
        );
    }
    assert!(scan_chunks(&[candidate], data.chunks(1)).is_empty());
}

#[test]
fn found_so_far_is_visible_while_scanning() {
    let [a, b] = [path(16, "a"), path(17, "b")];
    let mut scanner = RefScanner::new([a.clone(), b.clone()]);
    scanner.write_all(a.hash_part().as_bytes()).unwrap();
    assert_eq!(scanner.found(), BTreeSet::from([a.clone()]));
    scanner.write_all(b.to_absolute().as_bytes()).unwrap();
    assert_eq!(scanner.found(), BTreeSet::from([a, b]));
}

#[test]
fn a_large_file_is_scanned_across_internal_chunks() {
    // A hit deep inside a file that is archived in several chunks.
    let candidate = path(18, "dep");
    let dir = tempfile::tempdir().unwrap();
    let mut data = vec![b'x'; 3 * 1024 * 1024 + 5];
    let at = 256 * 1024 - 10;
    data[at..at + 32].copy_from_slice(candidate.hash_part().as_bytes());
    fs::write(dir.path().join("big"), &data).unwrap();
    assert_eq!(scan_path(dir.path(), [candidate.clone()]).unwrap(), BTreeSet::from([candidate]));
}
