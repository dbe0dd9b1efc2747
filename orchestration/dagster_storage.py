"""Dagster's SQLite storages with one SQLAlchemy engine per process instead of one per statement.

Dagster's SQLite run storage and consolidated event log build a new engine, and open a new SQLite
connection, every time they touch the database: about 90 times in one document's extraction run.
Each new engine compiles every statement again (SQLAlchemy caches compiled statements per engine),
and closing a process's last connection to the file checkpoints its write-ahead log. One engine
per process took a worker's own processor time per document from 0.52 s to 0.30 s (20 generated
documents one after the other, extraction included only as waiting for its child process).

These classes keep the tables, the files and the migrations of Dagster's own (the UI, `dagster
instance migrate` and any Dagster tool read them as before); only the connections differ:
- one engine per process, its connections pooled (SQLAlchemy's default for a SQLite file), made
  again in a forked child, which must not share its parent's SQLite connections;
- `synchronous=NORMAL`: in write-ahead-log mode (Dagster sets it on these files) a commit is not
  flushed to disk at once; a process that dies loses nothing, a power cut may lose the last
  commits, never the file (https://www.sqlite.org/pragma.html#pragma_synchronous). Losing the last
  events of a run leaves it in progress, which `ledgerline run` marks failed the next time.
"""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager

import sqlalchemy as db
from dagster._config import StringSource
from dagster._core.storage.event_log import ConsolidatedSqliteEventLogStorage
from dagster._core.storage.runs import SqliteRunStorage
from dagster._core.storage.sqlite import SQLITE_BUSY_TIMEOUT_SECONDS


class _Engines:
    """One engine per connection string and process."""

    def __init__(self):
        self._lock = threading.Lock()
        self._engines: dict[str, tuple[int, db.engine.Engine]] = {}

    def get(self, conn_string: str) -> db.engine.Engine:
        with self._lock:
            pid, engine = self._engines.get(conn_string, (None, None))
            if pid != os.getpid():
                if engine is not None:
                    engine.dispose(close=False)  # the parent's connections stay the parent's
                engine = db.create_engine(conn_string, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS})
                db.event.listen(engine, "connect", _set_synchronous_normal)
                self._engines[conn_string] = (os.getpid(), engine)
            return engine

    def dispose(self, conn_string: str) -> None:
        with self._lock:
            pid, engine = self._engines.pop(conn_string, (None, None))
            if engine is not None:
                engine.dispose(close=pid == os.getpid())


def _set_synchronous_normal(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


_ENGINES = _Engines()


class _PooledEngine:
    """What both storages change: a transaction on the process's engine, and disposing of that engine."""

    _conn_string: str

    @contextmanager
    def _transaction(self):
        with _ENGINES.get(self._conn_string).connect() as conn:
            with conn.begin():
                yield conn

    def dispose(self):
        super().dispose()
        _ENGINES.dispose(self._conn_string)


class LedgerlineSqliteEventLogStorage(_PooledEngine, ConsolidatedSqliteEventLogStorage):
    """ConsolidatedSqliteEventLogStorage (one `event_log.db` for all runs) on one engine per process."""

    def _connect(self):
        return self._transaction()

    def has_table(self, table_name: str) -> bool:
        engine = _ENGINES.get(self._conn_string)
        with engine.connect() as conn:
            return bool(engine.dialect.has_table(conn, table_name))


class LedgerlineSqliteRunStorage(_PooledEngine, SqliteRunStorage):
    """SqliteRunStorage on one engine per process, in `<dagster_home>/history/runs.db` where Dagster keeps
    it by default (configured by the home, not the folder, so that dagster.yaml can name it from
    $DAGSTER_HOME)."""

    @classmethod
    def config_type(cls):
        return {"dagster_home": StringSource}

    @classmethod
    def from_config_value(cls, inst_data, config_value):
        return cls.from_local(inst_data=inst_data, base_dir=os.path.join(config_value["dagster_home"], "history"))

    def connect(self):
        return self._transaction()
