//! Reference scanning: which candidate store paths (by hash part) occur in a file tree.
