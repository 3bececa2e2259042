//! URLs as Ferrix fetches them: only `file://` URLs (and `file:` paths) naming files on
//! this machine, shared by the evaluator's fetchers and the `builtin:fetchurl` builder.
//! Anything that would need the network is refused, saying so.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;

/// Why a URL names no local file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    /// A string without a scheme is no URL (the reference's wording).
    #[error("URL '{0}' doesn't have a scheme")]
    NoScheme(String),
    /// A URL that would need the network.
    #[error(
        "Ferrix cannot fetch '{0}': fetching over the network is not supported (use a file:// URL or a local path)"
    )]
    NotLocal(String),
}

/// The scheme of `url` (`https` in `https://...`), if it has one.
pub fn scheme(url: &str) -> Option<&str> {
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    valid.then_some(scheme)
}

/// The local file a `file://` URL names (its host empty or `localhost`; query and
/// fragment dropped, `%XX` escapes decoded). Other URLs are refused.
pub fn local_file(url: &str) -> Result<PathBuf, UrlError> {
    let Some(scheme) = scheme(url) else {
        return Err(UrlError::NoScheme(url.to_owned()));
    };
    let rest = &url[scheme.len() + 1..];
    let path = match rest.strip_prefix("//") {
        Some(authority_path) => {
            let slash = authority_path.find('/').unwrap_or(authority_path.len());
            let (host, path) = authority_path.split_at(slash);
            (host.is_empty() || host == "localhost").then_some(path)
        }
        None => Some(rest),
    };
    match path {
        Some(path) if scheme == "file" && path.starts_with('/') => {
            let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
            Ok(PathBuf::from(OsStr::from_bytes(&percent_decode(path))))
        }
        _ => Err(UrlError::NotLocal(url.to_owned())),
    }
}

/// `s` with its `%XX` escapes decoded (a `%` not followed by two hex digits stays).
fn percent_decode(s: &str) -> Vec<u8> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).filter(|h| h.iter().all(u8::is_ascii_hexdigit));
        match hex.and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()) {
            Some(b) if bytes[i] == b'%' => {
                out.push(b);
                i += 3;
            }
            _ => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    out
}

/// The message with which the reference (reading `file://` URLs with curl) reports a
/// file it cannot open.
pub fn unreadable_file(url: &str, file: &std::path::Path) -> String {
    format!(
        "unable to download '{url}': Could not read a file:// file (37) Could not open file {}",
        file.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls() {
        assert_eq!(local_file("file:///a/b%20c.txt?x=1#y").unwrap(), PathBuf::from("/a/b c.txt"));
        assert_eq!(local_file("file://localhost/a").unwrap(), PathBuf::from("/a"));
        assert_eq!(local_file("file:/a").unwrap(), PathBuf::from("/a"));
        for url in ["https://example.com/x", "file://host/a", "foo://x", "file:a"] {
            assert!(local_file(url).unwrap_err().to_string().contains("over the network"), "{url}");
        }
        assert!(local_file("/a/b").unwrap_err().to_string().contains("doesn't have a scheme"));
        assert_eq!(percent_decode("100%"), b"100%");
        assert_eq!(percent_decode("%+A%41"), b"%+AA");
    }
}
