//! The local store: objects on disk under a physical root, metadata in SQLite.
