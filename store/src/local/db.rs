//! The store's SQLite database: opening it (WAL mode, busy timeout and foreign keys, so
//! several processes can share a store), the schema, converting columns back into store
//! types, and the write transactions (registration, derivation outputs, invalidation).

use super::error::StoreError;
use super::path_info::PathInfo;
use crate::hash::Hash;
use crate::store_path::StorePath;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const SCHEMA: &str = include_str!("schema.sql");
/// How long a statement waits for another process's write lock before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(600);

/// Switches the database to WAL mode. That needs an exclusive lock, and SQLite reports
/// a busy database at once, without waiting, when another process is opening it at the
/// same time: retry until the busy timeout.
fn enable_wal(conn: &Connection) -> rusqlite::Result<()> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        match conn.pragma_update_and_check(None, "journal_mode", "wal", |row| row.get::<_, String>(0)) {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if matches!(
                    e.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(10));
            }
            result => return result.map(drop),
        }
    }
}

/// An open store database.
pub(crate) struct Db {
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
}

impl Db {
    /// Opens (creating if needed) the database at `path` and makes sure the schema exists.
    pub(crate) fn open(path: &Path) -> Result<Db, StoreError> {
        let err = |source| StoreError::Db { path: path.to_owned(), source };
        let conn = Connection::open(path).map_err(err)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(err)?;
        enable_wal(&conn).map_err(err)?;
        conn.pragma_update(None, "synchronous", "normal").map_err(err)?;
        conn.pragma_update(None, "foreign_keys", true).map_err(err)?;
        conn.pragma_update(None, "cache_size", -32768).map_err(err)?;
        let db = Db { conn, path: path.to_owned() };
        let tx = db.write_transaction()?;
        tx.execute_batch(SCHEMA).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(db)
    }

    /// Wraps a SQLite error with the database's path.
    pub(crate) fn err(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Db { path: self.path.clone(), source }
    }

    /// Starts a transaction that takes the write lock at once (waiting for other writers),
    /// so it can never fail later on a lock upgrade. Dropping it uncommitted rolls back.
    fn write_transaction(&self) -> Result<Transaction<'_>, StoreError> {
        Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate).map_err(|e| self.err(e))
    }

    /// Parses a store path read from column `field` of `path`'s row.
    pub(crate) fn parse_path(
        &self,
        path: &str,
        field: &'static str,
        value: String,
    ) -> Result<StorePath, StoreError> {
        StorePath::parse(&value).map_err(|_| self.bad_row(path, field, value))
    }

    /// Parses the NAR hash column (`sha256:<base16>`).
    pub(crate) fn parse_hash(&self, path: &str, value: String) -> Result<Hash, StoreError> {
        Hash::parse_prefixed(&value).map_err(|_| self.bad_row(path, "hash", value))
    }

    fn bad_row(&self, path: &str, field: &'static str, value: String) -> StoreError {
        StoreError::BadRow { db: self.path.clone(), path: path.to_owned(), field, value }
    }

    /// The row id of a valid path.
    pub(crate) fn path_id(&self, path: &StorePath) -> Result<Option<i64>, StoreError> {
        self.conn
            .prepare_cached("select id from ValidPaths where path = ?1")
            .and_then(|mut stmt| stmt.query_row([path.to_absolute()], |row| row.get(0)).optional())
            .map_err(|e| self.err(e))
    }

    /// Makes `infos` valid in one transaction: inserts new paths, updates the metadata of
    /// already valid ones, then records references, each of which must be valid already or
    /// be among `infos`. Nothing is registered if any of it fails.
    pub(crate) fn register(&self, infos: &[PathInfo]) -> Result<(), StoreError> {
        self.register_with_outputs(infos, std::iter::empty())
    }

    /// [`Db::register`], also recording the outputs of derivations among `infos`
    /// (`.drv` path, output name → path), in the same transaction.
    pub(crate) fn register_with_outputs<'a>(
        &self,
        infos: &[PathInfo],
        outputs: impl Iterator<Item = (&'a StorePath, &'a BTreeMap<String, StorePath>)>,
    ) -> Result<(), StoreError> {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
        let tx = self.write_transaction()?;
        let mut ids = Vec::with_capacity(infos.len());
        for info in infos {
            ids.push(self.upsert(info, now)?);
        }
        for (info, id) in infos.iter().zip(ids) {
            self.conn.execute("delete from Refs where referrer = ?1", [id]).map_err(|e| self.err(e))?;
            for reference in &info.references {
                let ref_id =
                    self.path_id(reference)?.ok_or_else(|| StoreError::NotValid(reference.clone()))?;
                self.conn
                    .prepare_cached("insert into Refs (referrer, reference) values (?1, ?2)")
                    .and_then(|mut stmt| stmt.execute([id, ref_id]))
                    .map_err(|e| self.err(e))?;
            }
        }
        for (drv, outputs) in outputs {
            self.insert_derivation_outputs(drv, outputs)?;
        }
        tx.commit().map_err(|e| self.err(e))
    }

    fn upsert(&self, info: &PathInfo, now: i64) -> Result<i64, StoreError> {
        let time = if info.registration_time == 0 { now } else { info.registration_time };
        let sigs = (!info.sigs.is_empty()).then(|| info.sigs.iter().cloned().collect::<Vec<_>>().join(" "));
        let nar_size = i64::try_from(info.nar_size).unwrap_or(i64::MAX);
        let ultimate = info.ultimate.then_some(1);
        let hash = info.nar_hash.to_string();
        if let Some(id) = self.path_id(&info.path)? {
            self.conn
                .execute(
                    "update ValidPaths set narSize = ?1, hash = ?2, ultimate = ?3, sigs = ?4, ca = ?5 where id = ?6",
                    params![nar_size, hash, ultimate, sigs, info.ca, id],
                )
                .map_err(|e| self.err(e))?;
            return Ok(id);
        }
        self.conn
            .execute(
                "insert into ValidPaths (path, hash, registrationTime, deriver, narSize, ultimate, sigs, ca) \
                 values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    info.path.to_absolute(),
                    hash,
                    time,
                    info.deriver.as_ref().map(StorePath::to_absolute),
                    nar_size,
                    ultimate,
                    sigs,
                    info.ca
                ],
            )
            .map_err(|e| self.err(e))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Records the outputs of the valid derivation `drv` (output name → path).
    pub(crate) fn add_derivation_outputs(
        &self,
        drv: &StorePath,
        outputs: &BTreeMap<String, StorePath>,
    ) -> Result<(), StoreError> {
        let tx = self.write_transaction()?;
        self.insert_derivation_outputs(drv, outputs)?;
        tx.commit().map_err(|e| self.err(e))
    }

    fn insert_derivation_outputs(
        &self,
        drv: &StorePath,
        outputs: &BTreeMap<String, StorePath>,
    ) -> Result<(), StoreError> {
        let id = self.path_id(drv)?.ok_or_else(|| StoreError::NotValid(drv.clone()))?;
        for (name, path) in outputs {
            self.conn
                .prepare_cached(
                    "insert or replace into DerivationOutputs (drv, id, path) values (?1, ?2, ?3)",
                )
                .and_then(|mut stmt| stmt.execute(params![id, name, path.to_absolute()]))
                .map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// Makes `path` invalid in one transaction: its row, its references and, for a
    /// derivation, its recorded outputs go. Fails (changing nothing) while another valid
    /// path refers to it.
    pub(crate) fn invalidate(&self, path: &StorePath) -> Result<(), StoreError> {
        let tx = self.write_transaction()?;
        self.conn
            .prepare_cached("delete from ValidPaths where path = ?1")
            .and_then(|mut stmt| stmt.execute([path.to_absolute()]))
            .map_err(|e| self.err(e))?;
        tx.commit().map_err(|e| self.err(e))
    }
}
