//! Read-only queries on the store database: validity, path info, references and
//! referrers, closures, derivers and derivation outputs, lookup by hash part.

use super::LocalStore;
use super::error::StoreError;
use super::path_info::PathInfo;
use crate::store_path::{HASH_CHARS, StorePath};
use rusqlite::{OptionalExtension, Params};
use std::collections::{BTreeMap, BTreeSet};

/// Raw ValidPaths columns of one row, before parsing.
struct Row {
    id: i64,
    hash: String,
    registration_time: i64,
    deriver: Option<String>,
    nar_size: Option<i64>,
    ultimate: Option<i64>,
    sigs: Option<String>,
    ca: Option<String>,
}

impl LocalStore {
    /// Whether `path` is registered as valid.
    pub fn is_valid(&self, path: &StorePath) -> Result<bool, StoreError> {
        Ok(self.db.path_id(path)?.is_some())
    }

    /// Everything recorded about `path`; `None` when it is not valid.
    pub fn query_path_info(&self, path: &StorePath) -> Result<Option<PathInfo>, StoreError> {
        let db = &self.db;
        let row = db
            .conn
            .prepare_cached(
                "select id, hash, registrationTime, deriver, narSize, ultimate, sigs, ca \
                 from ValidPaths where path = ?1",
            )
            .and_then(|mut stmt| {
                stmt.query_row([path.to_absolute()], |r| {
                    Ok(Row {
                        id: r.get(0)?,
                        hash: r.get(1)?,
                        registration_time: r.get(2)?,
                        deriver: r.get(3)?,
                        nar_size: r.get(4)?,
                        ultimate: r.get(5)?,
                        sigs: r.get(6)?,
                        ca: r.get(7)?,
                    })
                })
                .optional()
            })
            .map_err(|e| db.err(e))?;
        let Some(row) = row else { return Ok(None) };
        let abs = path.to_absolute();
        let nar_size = row.nar_size.unwrap_or(0);
        Ok(Some(PathInfo {
            path: path.clone(),
            nar_hash: db.parse_hash(&abs, row.hash)?,
            nar_size: u64::try_from(nar_size).map_err(|_| StoreError::BadRow {
                db: db.path.clone(),
                path: abs.clone(),
                field: "narSize",
                value: nar_size.to_string(),
            })?,
            references: self.paths_where(
                "select path from Refs join ValidPaths on reference = id where referrer = ?1",
                [row.id],
                &abs,
            )?,
            deriver: row.deriver.map(|d| db.parse_path(&abs, "deriver", d)).transpose()?,
            registration_time: row.registration_time,
            ultimate: row.ultimate.is_some_and(|u| u != 0),
            sigs: row.sigs.unwrap_or_default().split_whitespace().map(str::to_owned).collect(),
            ca: row.ca,
        }))
    }

    /// The info of a path that must be valid.
    fn valid_info(&self, path: &StorePath) -> Result<PathInfo, StoreError> {
        self.query_path_info(path)?.ok_or_else(|| StoreError::NotValid(path.clone()))
    }

    /// The paths `path` refers to; `path` must be valid.
    pub fn query_references(&self, path: &StorePath) -> Result<BTreeSet<StorePath>, StoreError> {
        Ok(self.valid_info(path)?.references)
    }

    /// The valid paths that refer to `path` (including itself if it refers to itself).
    pub fn query_referrers(&self, path: &StorePath) -> Result<BTreeSet<StorePath>, StoreError> {
        self.paths_where(
            "select path from Refs join ValidPaths on referrer = id \
             where reference = (select id from ValidPaths where path = ?1)",
            [path.to_absolute()],
            &path.to_absolute(),
        )
    }

    /// The closure (requisites) of `roots`: every path reachable through references,
    /// the roots included. Every path met must be valid.
    pub fn closure(
        &self,
        roots: impl IntoIterator<Item = StorePath>,
    ) -> Result<BTreeSet<StorePath>, StoreError> {
        reachable(roots, |path| self.query_references(path))
    }

    /// The derivation recorded as having produced `path`; `path` must be valid.
    pub fn query_deriver(&self, path: &StorePath) -> Result<Option<StorePath>, StoreError> {
        Ok(self.valid_info(path)?.deriver)
    }

    /// The recorded outputs (output name → path) of derivation `drv`; `drv` must be valid.
    pub fn query_derivation_outputs(
        &self,
        drv: &StorePath,
    ) -> Result<BTreeMap<String, StorePath>, StoreError> {
        let id = self.db.path_id(drv)?.ok_or_else(|| StoreError::NotValid(drv.clone()))?;
        let abs = drv.to_absolute();
        let rows: Vec<(String, String)> = self
            .db
            .conn
            .prepare_cached("select id, path from DerivationOutputs where drv = ?1")
            .and_then(|mut stmt| stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .map_err(|e| self.db.err(e))?;
        rows.into_iter()
            .map(|(name, path)| Ok((name, self.db.parse_path(&abs, "output path", path)?)))
            .collect()
    }

    /// The valid derivations that list `path` among their outputs.
    pub fn query_valid_derivers(&self, path: &StorePath) -> Result<BTreeSet<StorePath>, StoreError> {
        self.paths_where(
            "select v.path from DerivationOutputs d join ValidPaths v on d.drv = v.id where d.path = ?1",
            [path.to_absolute()],
            &path.to_absolute(),
        )
    }

    /// The valid path whose hash part is `hash_part`, if any.
    pub fn query_path_from_hash_part(&self, hash_part: &str) -> Result<Option<StorePath>, StoreError> {
        if hash_part.len() != HASH_CHARS {
            return Ok(None);
        }
        let prefix = format!("{}/{hash_part}-", crate::STORE_DIR);
        let found: Option<String> = self
            .db
            .conn
            .prepare_cached("select path from ValidPaths where path >= ?1 limit 1")
            .and_then(|mut stmt| stmt.query_row([&prefix], |r| r.get(0)).optional())
            .map_err(|e| self.db.err(e))?;
        match found {
            Some(path) if path.starts_with(&prefix) => {
                Ok(Some(self.db.parse_path(&path, "path", path.clone())?))
            }
            _ => Ok(None),
        }
    }

    /// Every valid path.
    pub fn query_all_valid_paths(&self) -> Result<BTreeSet<StorePath>, StoreError> {
        self.paths_where("select path from ValidPaths", rusqlite::params![], "")
    }

    /// Runs `sql` (selecting one path column) and parses the paths;
    /// `about` names the row in errors.
    fn paths_where(
        &self,
        sql: &str,
        params: impl Params,
        about: &str,
    ) -> Result<BTreeSet<StorePath>, StoreError> {
        let rows: Vec<String> = self
            .db
            .conn
            .prepare_cached(sql)
            .and_then(|mut stmt| stmt.query_map(params, |r| r.get(0))?.collect())
            .map_err(|e| self.db.err(e))?;
        rows.into_iter().map(|p| self.db.parse_path(about, "path", p)).collect()
    }
}

/// Every path reachable from `roots` through `next` (which gives the paths one step on
/// from a path), the roots included.
pub(super) fn reachable(
    roots: impl IntoIterator<Item = StorePath>,
    mut next: impl FnMut(&StorePath) -> Result<BTreeSet<StorePath>, StoreError>,
) -> Result<BTreeSet<StorePath>, StoreError> {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<StorePath> = roots.into_iter().collect();
    while let Some(path) = todo.pop() {
        if seen.contains(&path) {
            continue;
        }
        todo.extend(next(&path)?.into_iter().filter(|r| !seen.contains(r)));
        seen.insert(path);
    }
    Ok(seen)
}
