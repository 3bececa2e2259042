//! Path values: the reference's canonical form of a path literal or computed path
//! (absolute, `.` and `..` resolved textually, no repeated or trailing slashes).

/// Canonicalises an absolute path textually (symlinks are not resolved).
pub fn canonicalise(path: &[u8]) -> Vec<u8> {
    let mut parts: Vec<&[u8]> = Vec::new();
    for part in path.split(|&b| b == b'/') {
        match part {
            b"" | b"." => {}
            b".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    if parts.is_empty() {
        return b"/".to_vec();
    }
    let mut out = Vec::with_capacity(path.len());
    for p in parts {
        out.push(b'/');
        out.extend_from_slice(p);
    }
    out
}

/// `baseNameOf`: the last component (a trailing slash ignored).
pub fn base_name(path: &[u8]) -> &[u8] {
    let trimmed = path.strip_suffix(b"/").unwrap_or(path);
    match trimmed.iter().rposition(|&b| b == b'/') {
        Some(i) => &trimmed[i + 1..],
        None => trimmed,
    }
}

/// `dirOf`: everything before the last slash (`/` for top-level paths, `.` without one).
pub fn dir_name(path: &[u8]) -> &[u8] {
    match path.iter().rposition(|&b| b == b'/') {
        Some(0) => b"/",
        Some(i) => &path[..i],
        None => b".",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_forms() {
        assert_eq!(canonicalise(b"/a/./b/../c//d/"), b"/a/c/d");
        assert_eq!(canonicalise(b"/.."), b"/");
        assert_eq!(canonicalise(b"/"), b"/");
    }

    #[test]
    fn base_and_dir() {
        assert_eq!(base_name(b"/a/b.nix"), b"b.nix");
        assert_eq!(base_name(b"/a/b/"), b"b");
        assert_eq!(dir_name(b"/a/b"), b"/a");
        assert_eq!(dir_name(b"/a"), b"/");
        assert_eq!(dir_name(b"a"), b".");
    }
}
