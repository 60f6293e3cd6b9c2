"""Storage: every take in one SQLite database in the data folder, its answer file copied
beside it, so deleting the original loses nothing.

Rules this module keeps:
- Every write is one transaction; WAL mode with synchronous=FULL keeps a commit through a
  power loss, and a busy timeout lets two rehearse processes save at the same time.
- A take is first written to a pending file (`takes/<key>.pending.json`) holding its
  report; then its answer file is copied; then the row is inserted and the pending file
  removed. A crash anywhere in between leaves the pending file, and the next open of the
  history imports it. Nothing is lost.
- A file that is not our database (damaged, another program's, or from a newer rehearse)
  is refused with its path and what to do. It is never replaced or written to.
"""

from __future__ import annotations

import errno
import filecmp
import functools
import json
import os
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from rehearse import install_hint
from rehearse.audio.takefile import integer_or_none, process_alive
from rehearse.checks.score import OFF_TOPIC_CAP
from rehearse.checks.story import TALKS_IN_GENERAL, TOO_LITTLE
from rehearse.errors import RehearseError
from rehearse.history.figures import COLUMNS, key_figures
from rehearse.paths import data_dir, private_folder, write_json_atomically
from rehearse.report import mark_saved, question_of

DB_NAME = "history.sqlite3"
TAKES_DIR = "takes"
QUARANTINE_DIR = "quarantine"  # pending saves that cannot be takes, each with a note
# "rhrs": marks the file as rehearse's, so another program's SQLite file is never mistaken for it.
APPLICATION_ID = 0x72687273
BUSY_TIMEOUT_MS = 30_000
# A pending save older than this belongs to a hung or dead process even if its pid is in use.
PENDING_STALE_S = 120
# A mock interview of 25 questions with 2 follow-ups each at the longest is under 4 hours.
SESSION_STALE_S = 6 * 3600

# The Action's "I" share as a stored report holds it (the whole answer's where it has no
# Action ratio); a damaged report gives the whole answer's too, rather than stopping the
# whole history from opening. Migration 6 fills the column with it; a read-only history of
# an older schema reads it this way.
ACTION_I_RATIO = ("coalesce(CASE WHEN json_valid(report) THEN json_extract(report, '$.pronouns.action.i_ratio') END, "
                  "i_ratio)")

# Whether a stored report's relevance check found its story off its question (1) or not (0; a
# take with no question or no relevance reading, and a damaged report, are not marked).
# Migration 7 fills the column with it; a read-only history of an older schema reads it this way.
OFF_TOPIC = ("coalesce(CASE WHEN json_valid(report) THEN "
             "json_extract(report, '$.relevance.verdict') = 'off_topic' END, 0)")

# The STAR parts a stored report called not clear (report v1's star.unsure), as
# "task,result": '' for none, a damaged report or one from before the part was kept.
# Migration 8 fills the column with it; a read-only history of an older schema reads it this way.
STAR_UNSURE = ("coalesce(CASE WHEN json_valid(report) THEN "
               "(SELECT group_concat(value, ',') FROM json_each(report, '$.star.unsure')) END, '')")

# Each entry upgrades the schema from version i to i + 1; PRAGMA user_version records where
# a file is. Never change what a released entry does: add a new one. (The one exception is a
# fix that gives every history the entry already upgraded the same result, as in 2.)
MIGRATIONS = [
    """
    CREATE TABLE takes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        take_key TEXT NOT NULL UNIQUE,
        question_id TEXT,
        created_at TEXT NOT NULL,
        answer_file TEXT,
        original_path TEXT NOT NULL,
        model TEXT,
        score INTEGER NOT NULL,
        duration_s REAL,
        verdict TEXT,
        star_present TEXT NOT NULL,
        star_missing TEXT NOT NULL,
        action_share REAL,
        i_ratio REAL,
        metric_count INTEGER NOT NULL,
        metric_in_result INTEGER NOT NULL,
        wpm REAL,
        report TEXT NOT NULL
    );
    CREATE INDEX takes_by_question ON takes (question_id, id);
    """,
    # 2: delivery figures (fillers a minute, hedges), filled in from the stored reports;
    # takes saved before delivery feedback existed keep NULL. (Edited once, safely: a
    # damaged report stopped the whole history from being upgraded; now its take keeps NULL.
    # Every history this upgraded before got the same figures it gets now.)
    """
    ALTER TABLE takes ADD COLUMN fillers_per_min REAL;
    ALTER TABLE takes ADD COLUMN hedge_count INTEGER;
    UPDATE takes SET fillers_per_min = json_extract(report, '$.delivery.fillers.per_minute'),
                     hedge_count = json_extract(report, '$.delivery.hedges.count')
           WHERE json_valid(report);
    """,
    # 3: the story bank. story_id is the story a take tells (NULL: not grouped yet; the
    # next `rehearse stories` groups it); story_placed is 1 when a person put it
    # there by hand (merge, split), so grouping never moves it.
    """
    ALTER TABLE takes ADD COLUMN story_id INTEGER;
    ALTER TABLE takes ADD COLUMN story_placed INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX takes_by_story ON takes (story_id, id);
    """,
    # 4: spoken answers to follow-up questions, each linked to the take it probed. They are
    # not takes: history, progress and the story bank never count them.
    """
    CREATE TABLE follow_ups (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        take_id INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        probe TEXT NOT NULL,
        answered INTEGER NOT NULL,
        answer_file TEXT,
        report TEXT NOT NULL
    );
    CREATE INDEX follow_ups_by_take ON follow_ups (take_id, id);
    """,
    # 5: mock interviews. A session is the questions it planned and how it ended; its
    # answers are takes that name it (their follow-ups hang on them as in practice).
    # ended is NULL while it runs or after a crash: `rehearse recover` sets "cut short".
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at TEXT NOT NULL,
        ended TEXT,
        pid INTEGER NOT NULL,
        questions TEXT NOT NULL,
        settings TEXT NOT NULL
    );
    ALTER TABLE takes ADD COLUMN session_id INTEGER;
    CREATE INDEX takes_by_session ON takes (session_id, id);
    """,
    # 6: "I" against "we" as the check reads it (in the Action, or the whole answer when no
    # sentence is an action), so progress follows the figure the report shows; filled in
    # from the stored reports (those from before the Action ratio keep the whole answer's).
    """
    ALTER TABLE takes ADD COLUMN action_i_ratio REAL;
    UPDATE takes SET action_i_ratio = """ + ACTION_I_RATIO + """;
    """,
    # 7: takes whose story does not answer their question, so history, progress and the
    # "Since take" line can leave them out of the question's progress; filled in from the
    # stored reports.
    """
    ALTER TABLE takes ADD COLUMN off_topic INTEGER NOT NULL DEFAULT 0;
    UPDATE takes SET off_topic = """ + OFF_TOPIC + """;
    """,
    # 8: the STAR parts a take's report called not clear, so `history --json` and `export`
    # tell a take with a part not clear from a complete one (a tryout's script could not:
    # `missing` was [] for both); filled in from the stored reports.
    """
    ALTER TABLE takes ADD COLUMN star_unsure TEXT NOT NULL DEFAULT '';
    UPDATE takes SET star_unsure = """ + STAR_UNSURE + """;
    """,
    # 9: a story that does not answer its question scores at most OFF_TOPIC_CAP (checks.score);
    # takes saved before the cap get it, in their column and their report, which keeps the
    # score it had as `telling_score`, so history, progress, compare and the story bank
    # agree with a take saved today. (No statement may hold ";": the upgrade splits on it.)
    f"""
    UPDATE takes SET report = json_set(report, '$.telling_score', json_extract(report, '$.score'),
                                       '$.score', min(json_extract(report, '$.score'), {OFF_TOPIC_CAP}))
        WHERE off_topic = 1 AND json_valid(report) AND json_type(report, '$.telling_score') IS NULL
              AND json_type(report, '$.score') IN ('integer', 'real')
    ;
    UPDATE takes SET score = min(score, {OFF_TOPIC_CAP}) WHERE off_topic = 1
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
READABLE_FROM = 2  # the oldest schema a read-only history is read in as it is

class HistoryError(RehearseError):
    """The history database cannot be used as it is; the message says how to recover."""


def db_path() -> Path:
    return data_dir() / DB_NAME


# A take Whisper could not hear clearly: its report's one thing to change is the recording
# (report.not_made_out).
_UNHEARD = "CASE WHEN json_valid(report) THEN json_extract(report, '$.next_step.check') = 'transcript' END AS unheard"


@dataclass(frozen=True)
class Take:
    id: int
    question_id: str | None
    created_at: str
    answer_file: Path | None
    figures: dict
    # Its length was estimated from typed words, not measured on audio: set against a
    # spoken take's it says nothing about the speaker (progress, compare, "Since take").
    estimated: bool = False
    # Whisper could not hear its words clearly (report.not_made_out): its figures are about
    # words that may never have been said, so it is no one's best take, first or yardstick.
    unheard: bool = False

    @property
    def missing(self) -> list[str]:
        return [m for m in self.figures["star_missing"].split(",") if m]

    @property
    def unsure(self) -> list[str]:
        return [m for m in (self.figures.get("star_unsure") or "").split(",") if m]


# A take whose report does not say it was cut short by a crash (practice.recover).
_WHOLE = "NOT coalesce(CASE WHEN json_valid(report) THEN json_extract(report, '$.cut_short') END, 0)"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def _said_plainly(method):
    """SQLite errors while reading or writing takes become one message a person can act
    on: the lock, the disk, or a damaged file (named, with what to do)."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            if _is_busy(exc):
                raise HistoryError(f"{self._locked()}; close other rehearse windows and try again") from exc
            problem = storage_problem(exc, self.folder)
            if problem:
                raise HistoryError(f"{problem}; nothing was changed. Make room and try again") from exc
            raise self._refuse(f"is damaged (SQLite says: {exc})") from exc

    return wrapper


class History:
    """An open history database. Use as a context manager, or call close().

    `create=False` opens it for reading: no folder or file is created, and saves that a
    crash interrupted are left for the next command that saves (`pending` lists them).
    """

    def __init__(self, path: Path | None = None, *, create: bool = True):
        self.path = path or db_path()
        self._read_only = False
        self.version = SCHEMA_VERSION  # an older one only when read-only (see _connect_read_only)
        self.folder = self.path.parent
        if not create and not self.path.exists():
            self.conn = None  # nothing saved yet; reading commands must not create files
            return
        private_folder(self.folder)
        if not _writable(self.folder, self.path):
            if create:
                raise HistoryError(f"{self.folder} is read-only, so the take cannot be saved; make it writable, or "
                                   "practise without saving: `rehearse practice --no-save` or `rehearse analyze FILE --no-save` "
                                   "(a mock interview needs a writable folder; history, show, compare, progress and export "
                                   "still work)")
            self.conn = self._connect_read_only()
            self._read_only = True
            return
        self.conn = self._connect()
        if create:
            self._import_pending()

    def pending(self) -> list[Path]:
        """Saves a crash interrupted, not yet imported (the next save imports them)."""
        return pending_saves(self.folder)

    def __enter__(self) -> "History":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    # -- opening, checking, migrating ------------------------------------------------

    def _refuse(self, what: str) -> HistoryError:
        return HistoryError(
            f"{self.path} {what}; rehearse will not touch it. Move it aside (`rehearse doctor --move-aside`, "
            f"or mv '{self.path}' '{self.path}.broken') to start a new history, or restore a backup; "
            f"your recordings in {self.folder / TAKES_DIR} are kept. analyze --no-save works without the history"
        )

    def _locked(self) -> str:
        return f"{self.path} has been locked by another program for {BUSY_TIMEOUT_MS // 1000} s"

    def _raise_if_storage(self, exc: BaseException) -> None:
        """A full disk, a size limit or a read-only place that stops the open, said as such."""
        problem = storage_problem(exc, self.folder)
        if problem:
            raise HistoryError(f"{problem}: the history cannot be opened; free some space (or fix the "
                               "folder) and try again, or use analyze or practice with --no-save. The history is not damaged") from exc

    def _connect(self) -> sqlite3.Connection:
        existed = self.path.exists() and self.path.stat().st_size > 0
        try:
            # isolation_level=None: transactions are begun and ended explicitly below.
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            conn.row_factory = sqlite3.Row
            conn.text_factory = _text
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # One statement, so one snapshot: read apart, another process creating the
            # history could commit in between, and a new history would look like another
            # program's (no id yet, but a version): seen once in the concurrency test.
            app_id, version, tables = conn.execute(
                "SELECT (SELECT application_id FROM pragma_application_id), "
                "(SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)").fetchone()
        except sqlite3.DatabaseError as exc:
            self._raise_if_storage(exc)
            raise self._refuse(f"is not a rehearse history database (SQLite says: {exc})") from exc
        # Another program's database: it has tables or a version, or stamps its own id.
        if existed and app_id != APPLICATION_ID and (tables or version or app_id != 0):
            conn.close()
            raise self._refuse("is an SQLite database of another program, not rehearse's history")
        if version > SCHEMA_VERSION:
            conn.close()
            raise HistoryError(
                f"{self.path} was written by a newer rehearse (history schema {version}; this one knows "
                f"{SCHEMA_VERSION}); upgrade rehearse ({install_hint(upgrade=True)}). The file is left as it is"
            )
        try:
            # Switching to WAL takes an exclusive lock and does not wait on the busy handler:
            # two processes opening a new history at once must retry it.
            _when_free(lambda: conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
                       or conn.execute("PRAGMA journal_mode = WAL").fetchone())
            conn.execute("PRAGMA synchronous = FULL")
            _when_free(lambda: self._migrate(conn))
            conn.execute("SELECT count(*) FROM takes").fetchone()
        except sqlite3.DatabaseError as exc:
            conn.close()
            if _is_busy(exc):
                raise HistoryError(f"{self._locked()}; close other rehearse windows and try again") from exc
            self._raise_if_storage(exc)
            raise self._refuse(f"is damaged (SQLite says: {exc})") from exc
        return conn

    def _connect_read_only(self) -> sqlite3.Connection:
        """Open a history nothing here can write (a read-only disk or folder): to read only.
        A WAL history needs its -shm file to be read; where none can be made, `immutable`
        reads the file as it is, which is safe because nobody can change it."""
        uri = "file:" + quote(str(self.path.resolve()))
        for mode in ("?mode=ro", "?mode=ro&immutable=1"):
            try:
                conn = sqlite3.connect(uri + mode, uri=True, isolation_level=None)
                conn.row_factory = sqlite3.Row
                conn.text_factory = _text
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                app_id = conn.execute("PRAGMA application_id").fetchone()[0]
                break
            except sqlite3.DatabaseError as exc:
                error = exc
        else:
            raise HistoryError(f"{self.path} is read-only and cannot be opened (SQLite says: {error}); "
                               "make its folder writable and try again") from error
        # Schema 2 already has every figure a take is read by; 3 (stories) and 4 (follow-up
        # answers) only add, so an older read-only history is read as it is.
        if app_id != APPLICATION_ID or not READABLE_FROM <= version <= SCHEMA_VERSION:
            conn.close()
            raise HistoryError(f"{self.path} is read-only and is not a history this rehearse can read as it is "
                               f"(schema {version}, this one knows {READABLE_FROM}-{SCHEMA_VERSION}); make its folder "
                               "writable and try again")
        self.version = version
        return conn

    def _migrate(self, conn: sqlite3.Connection) -> None:
        # The common case takes no write lock, so reading never waits for a writer.
        if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
            return
        while True:
            conn.execute("BEGIN IMMEDIATE")
            try:
                # Read inside the write lock: another process may have migrated meanwhile.
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version >= SCHEMA_VERSION:
                    conn.execute("COMMIT")
                    return
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {version + 1}")
                conn.execute("COMMIT")
            except BaseException:
                _rollback(conn)
                raise

    # -- saving ------------------------------------------------------------------------

    @_said_plainly
    def save(self, report: dict, answer_path: Path | None = None, original: str | None = None,
             session_id: int | None = None) -> int:
        """Keep a take; sets report["take"] and returns its id.

        `answer_path` is the audio or text file it was analyzed from; a copy is kept in the
        data folder unless it is already there (a practice recording). `original` names
        where it came from when that is not `answer_path` (a temporary copy of a pipe).
        `session_id`: the mock interview it answered.
        """
        created = _now()
        question_id = question_of(report)
        key = created.replace(":", "").replace("-", "") + "-" + (question_id or "none") + "-" + os.urandom(3).hex()
        folder = private_folder(self.folder / TAKES_DIR)
        answer_file = None
        if answer_path is not None:
            answer_path = Path(answer_path).resolve()
            inside = _is_inside(answer_path, self.folder.resolve())
            answer_file = answer_path if inside else folder / f"{key}{answer_path.suffix.lower()}"
        original = original or str(answer_path or report["source"]["path"])
        pending = folder / f"{key}.pending.json"
        try:
            write_json_atomically(pending, {
                "pid": os.getpid(), "take_key": key, "created_at": created, "report": report,
                "answer_file": None if answer_file is None else str(answer_file), "original_path": original,
                "session_id": session_id,
            })
            if answer_path is not None and answer_file != answer_path:
                _copy_atomically(answer_path, answer_file)
            take_id = self._insert(key, created, report, answer_file, original, session_id)
        except (OSError, sqlite3.OperationalError) as exc:
            busy = _is_busy(exc)
            problem = self._locked() if busy else storage_problem(exc, self.folder)
            if problem is None:
                raise
            when = "once it is free" if busy else "when there is room"
            kept = (f"the take is kept in {pending} and is saved by the next command that saves {when}"
                    if pending.exists() else f"the take could not be kept: analyze the answer again {when}")
            raise HistoryError(f"{problem}; {kept}. The history itself is not damaged") from exc
        pending.unlink(missing_ok=True)
        return take_id

    def _insert(self, key: str, created: str, report: dict, answer_file: Path | None, original: str,
                session_id: int | None = None) -> int:
        figures = key_figures(report)
        question_id = question_of(report)
        stored_file = None if answer_file is None else self._relative(answer_file)
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            existing = conn.execute("SELECT id FROM takes WHERE take_key = ?", (key,)).fetchone()
            if existing:  # imported by another process already
                conn.execute("COMMIT")
                mark_saved(report, existing["id"])
                return existing["id"]
            cursor = conn.execute(
                f"INSERT INTO takes (take_key, question_id, created_at, answer_file, original_path, model, session_id, "
                f"report, {', '.join(COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?, '', {', '.join('?' for _ in COLUMNS)})",
                (key, question_id, created, stored_file, original, report["transcript"].get("model"), session_id,
                 *(figures[c] for c in COLUMNS)),
            )
            take_id = cursor.lastrowid
            mark_saved(report, take_id)
            conn.execute("UPDATE takes SET report = ? WHERE id = ?", (json.dumps(report, ensure_ascii=False), take_id))
            conn.execute("COMMIT")
        except BaseException:
            mark_saved(report, None)
            _rollback(conn)
            raise
        return take_id

    def _import_pending(self) -> None:
        """Finish saves that a crash interrupted (see the module docstring)."""
        folder = self.folder / TAKES_DIR
        if not folder.is_dir():
            return
        _remove_stale_partials(folder)
        for pending in sorted(folder.glob("*.pending.json")):
            try:
                age = time.time() - pending.stat().st_mtime
                saved = json.loads(pending.read_text(encoding="utf-8"))
            except OSError:
                continue  # gone meanwhile: its own process finished the save
            except ValueError:
                # Being written right now (it is written whole, then renamed, so rarely);
                # still unreadable long after, it never will be.
                if age >= PENDING_STALE_S:
                    self._quarantine(pending, "it is not readable JSON")
                continue
            problem = _pending_problem(saved)
            if problem is not None:
                self._quarantine(pending, problem)
                continue
            pid = saved.get("pid")
            if isinstance(pid, int) and pid != os.getpid() and process_alive(pid) and age < PENDING_STALE_S:
                continue  # another rehearse is saving it right now
            answer_file = Path(saved["answer_file"]) if saved.get("answer_file") else None
            original = Path(saved["original_path"])
            if answer_file is not None and not answer_file.exists():
                if original.exists() and original != answer_file:
                    _copy_atomically(original, answer_file)
                else:
                    answer_file = None  # the report is kept even when the audio is gone
            try:
                self._insert(saved["take_key"], saved["created_at"], saved["report"], answer_file, str(original),
                             integer_or_none(saved.get("session_id")))
            except (KeyError, TypeError, AttributeError, ValueError) as exc:
                self._quarantine(pending, f"its report lacks what a take needs ({type(exc).__name__}: {exc})")
                continue
            pending.unlink(missing_ok=True)

    def _quarantine(self, pending: Path, problem: str) -> None:
        """Move a pending save that cannot be a take out of the way, with a note beside it:
        never deleted (it may hold a report someone wants), never a crash for every command."""
        folder = private_folder(self.folder / QUARANTINE_DIR)
        target = folder / pending.name
        os.replace(pending, target)
        target.with_name(target.name + ".why.txt").write_text(
            f"{pending} was moved here by rehearse on {_now()}: {problem}.\n"
            "It was a save that a crash interrupted, but it cannot be added to the history. "
            "Delete it when you no longer need it.\n", encoding="utf-8")

    def _relative(self, path: Path) -> str:
        """Answer files are stored relative to the data folder, so the folder can be moved."""
        try:
            return str(path.resolve().relative_to(self.folder.resolve()))
        except ValueError:
            return str(path)

    # -- reading -----------------------------------------------------------------------

    @_said_plainly
    def takes(self, question_id: str | None = None, limit: int | None = None, newest_first: bool = True,
              whole_only: bool = False) -> list[Take]:
        """Saved takes; `whole_only` leaves out the answers a crash cut short (recovered
        from their recording): they are in the history, but not a take to measure by."""
        if self.conn is None:
            return []
        sql = f"SELECT {self._take_columns} FROM takes"
        where: list[str] = [_WHOLE] if whole_only else []
        params: list = []
        if question_id:
            where.append("question_id = ?")
            params.append(question_id)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id " + ("DESC" if newest_first else "ASC")
        if limit:
            sql += " LIMIT ?"
            params.append(limit)
        return [self._take(row) for row in self.conn.execute(sql, params)]

    @property
    def _take_columns(self) -> str:
        # A read-only history of an older schema reads the Action's "I" share (6), whether a
        # take was off topic (7) and the parts not clear (8) from the reports, as those
        # migrations would.
        added = [f"{sql} AS {column}" for version, column, sql in ((6, "action_i_ratio", ACTION_I_RATIO),
                                                                  (7, "off_topic", OFF_TOPIC),
                                                                  (8, "star_unsure", STAR_UNSURE)) if self.version < version]
        estimated = "CASE WHEN json_valid(report) THEN json_extract(report, '$.length.estimated') END AS estimated"
        return ", ".join(["*", *added, estimated, _UNHEARD])

    def _take(self, row: sqlite3.Row) -> Take:
        answer = row["answer_file"]
        return Take(row["id"], row["question_id"], row["created_at"],
                    None if answer is None else self.folder / answer, {c: row[c] for c in COLUMNS},
                    bool(row["estimated"]) if "estimated" in row.keys() else False,
                    bool(row["unheard"]) if "unheard" in row.keys() else False)

    def _row(self, take_id: int, columns: str = "") -> sqlite3.Row:
        columns = columns or self._take_columns
        row = None if self.conn is None else self.conn.execute(f"SELECT {columns} FROM takes WHERE id = ?", (take_id,)).fetchone()
        if row is None:
            raise HistoryError(f"there is no take {take_id}; `rehearse history` lists the saved takes")
        return row

    @_said_plainly
    def same_recording(self, question_id: str | None, path: Path) -> Take | None:
        """The newest saved take of this question kept from a file with these very bytes:
        analyzing the same file again is no new take (two takes of one recording showed
        as "no change" in progress and as two tellings in the story bank)."""
        size = path.stat().st_size
        for take in self.takes(question_id):
            kept = take.answer_file
            if take.question_id != question_id or kept is None:
                continue
            try:
                if kept.stat().st_size == size and filecmp.cmp(kept, path, shallow=False):
                    return take
            except OSError:  # a kept copy gone or unreadable is no match (a review's)
                continue
        return None

    @_said_plainly
    def get(self, take_id: int) -> Take:
        return self._take(self._row(take_id))

    @_said_plainly
    def report(self, take_id: int) -> dict:
        try:
            report = json.loads(self._row(take_id, "report")["report"])
        except ValueError:
            report = None
        if not isinstance(report, dict):
            raise HistoryError(f"take {take_id}'s stored report in {self.path} is damaged; the other takes are fine. "
                               f"`rehearse delete {take_id}` removes it")
        return report

    @_said_plainly
    def save_follow_up(self, report: dict, take_id: int, answer_path: Path | None) -> int:
        """Keep a spoken answer to a follow-up of take `take_id` (its recording stays where
        practice wrote it, in the data folder)."""
        self._row(take_id, "id")
        answer_file = None
        if answer_path is not None:
            answer_path = Path(answer_path).resolve()
            answer_file = self._relative(answer_path) if _is_inside(answer_path, self.folder.resolve()) else None
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            cursor = self.conn.execute(
                "INSERT INTO follow_ups (take_id, created_at, probe, answered, answer_file, report) VALUES (?, ?, ?, ?, ?, ?)",
                (take_id, _now(), report["follow_up"]["id"], int(report["follow_up"]["answered"]), answer_file,
                 json.dumps(report, ensure_ascii=False)))
            self.conn.execute("COMMIT")
        except BaseException:
            _rollback(self.conn)
            raise
        return cursor.lastrowid

    @_said_plainly
    def has_take(self, take_id: int) -> bool:
        return self.conn is not None and self.conn.execute("SELECT 1 FROM takes WHERE id = ?", (take_id,)).fetchone() is not None

    @_said_plainly
    def follow_ups(self, take_id: int) -> list[dict]:
        """The spoken follow-up answers of a take, oldest first: their reports ({} when the
        stored report is damaged)."""
        if self.conn is None or self.version < 4:
            return []
        out = []
        for row in self.conn.execute("SELECT report FROM follow_ups WHERE take_id = ? ORDER BY id", (take_id,)):
            try:
                out.append(json.loads(row["report"]))
            except ValueError:
                out.append({})
        return out

    @_said_plainly
    def follow_up_answer(self, take_id: int, number: int) -> tuple[dict, Path | None]:
        """The `number`-th (1 is the first) spoken follow-up answer of a take: its report and
        its recording (None when there is none)."""
        self._row(take_id, "id")
        rows = [] if self.version < 4 else self.conn.execute(
            "SELECT report, answer_file FROM follow_ups WHERE take_id = ? ORDER BY id", (take_id,)).fetchall()
        if not 1 <= number <= len(rows):
            has = ("" if not rows else "; it has one: give --follow-up 1" if len(rows) == 1
                   else f"; it has {len(rows)}: give --follow-up 1 to {len(rows)}")
            raise HistoryError(f"take {take_id} has no follow-up answer {number}" + (
                has or f"; `rehearse show {take_id}` shows what it has"))
        row = rows[number - 1]
        report = _json(row["report"], dict)
        if not isinstance(report.get("sentences"), list):
            raise HistoryError(f"take {take_id}'s follow-up answer {number} has a damaged stored report in {self.path}; "
                               "the rest of the history is fine")
        return report, (self.folder / row["answer_file"] if row["answer_file"] else None)

    # -- mock interviews ------------------------------------------------------------

    @_said_plainly
    def start_session(self, questions: list[str], settings: dict) -> int:
        """Open a mock interview's record before its first answer is recorded, so a crash
        at any point leaves a session that `rehearse recover` can complete."""
        cursor = self.conn.execute(
            "INSERT INTO sessions (created_at, pid, questions, settings) VALUES (?, ?, ?, ?)",
            (_now(), os.getpid(), json.dumps(questions), json.dumps(settings)))
        return cursor.lastrowid

    @_said_plainly
    def end_session(self, session_id: int, ended: str) -> None:
        """Say how it ended: "finished", "ended early" (no more answers), "cut short" (a crash)."""
        self.conn.execute("UPDATE sessions SET ended = ? WHERE id = ?", (ended, session_id))

    @_said_plainly
    def end_abandoned_sessions(self) -> list[int]:
        """Mark the sessions whose process died before ending them as cut short (`recover`,
        once their recordings are saved); returns their ids."""
        if self.conn is None or self.version < 5:
            return []
        ids = [row["id"] for row in self.conn.execute("SELECT id, pid, created_at FROM sessions WHERE ended IS NULL")
               if not _session_alive(row["pid"], row["created_at"])]
        for session_id in ids:
            self.end_session(session_id, "cut short")
        return ids

    @_said_plainly
    def sessions(self) -> list[dict]:
        """Every mock interview, oldest first: id, created_at, ended (a session whose
        process is gone without ending it was cut short), questions, settings, and the ids
        and scores of its takes."""
        if self.conn is None or self.version < 5:
            return []
        return [self._session(row) for row in self.conn.execute("SELECT * FROM sessions ORDER BY id")]

    @_said_plainly
    def session(self, session_id: int) -> dict:
        """One mock interview as `sessions` lists it, plus its answers in the order they were
        given: [{"report", "follow_ups": [their reports]}]."""
        row = None
        if self.conn is not None and self.version >= 5:
            row = self.conn.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise HistoryError(f"there is no session {session_id}; `rehearse sessions` lists the mock interviews")
        session = self._session(row)
        session["answers"] = [{"report": self.report(take_id), "follow_ups": self.follow_ups(take_id)}
                              for take_id in session["takes"]]
        return session

    def _session(self, row: sqlite3.Row) -> dict:
        ended = row["ended"]
        if ended is None:
            ended = "running" if _session_alive(row["pid"], row["created_at"]) else "cut short"
        takes = self.conn.execute("SELECT id, score FROM takes WHERE session_id = ? ORDER BY id", (row["id"],)).fetchall()
        follow_ups = self.conn.execute("SELECT count(*) FROM follow_ups JOIN takes ON takes.id = follow_ups.take_id "
                                       "WHERE takes.session_id = ?", (row["id"],)).fetchone()[0]
        return {"id": row["id"], "created_at": row["created_at"], "ended": ended, "questions": [str(q) for q in _json(row["questions"], list)],
                "settings": _json(row["settings"], dict), "takes": [t["id"] for t in takes],
                "scores": [t["score"] for t in takes], "follow_up_answers": follow_ups}

    @_said_plainly
    def story_rows(self) -> list[dict]:
        """Every take as the story bank reads it, oldest first: id, question_id, score, told
        (how well its story was told, whatever the question: report's telling_score),
        story_id (None: not grouped yet), placed (by hand), and from its report the
        transcript text, the sentences [{text, label}] ({} and [] when the stored
        report is damaged: that take is grouped by nothing and stays on its own),
        off_topic (the relevance check found it does not answer its question),
        in_general (the story check found it talks in general: no one time is told) and
        too_little (the story check found too few words to be a story)."""
        if self.conn is None:
            return []
        stories = "story_id, story_placed" if self.version >= 3 else "NULL AS story_id, 0 AS story_placed"
        rows = self.conn.execute(
            f"SELECT id, question_id, score, {stories}, "
            "CASE WHEN json_valid(report) THEN json_extract(report, '$.telling_score') END AS told, "
            "CASE WHEN json_valid(report) THEN json_extract(report, '$.transcript.text') END AS text, "
            "CASE WHEN json_valid(report) THEN json_extract(report, '$.sentences') END AS sentences, "
            "CASE WHEN json_valid(report) THEN json_extract(report, '$.relevance.verdict') END AS fits, " + _UNHEARD + ", "
            "CASE WHEN json_valid(report) THEN (SELECT json_extract(c.value, '$.message') FROM json_each(report, '$.checks') c "
            "WHERE json_extract(c.value, '$.id') = 'story' AND json_extract(c.value, '$.status') = 'warn') END AS story "
            "FROM takes ORDER BY id")
        out = []
        for row in rows:
            try:
                sentences = [{"text": s["text"], "label": s["label"]} for s in json.loads(row["sentences"] or "[]")]
            except (ValueError, TypeError, KeyError):
                sentences = []
            # How well the story was told, whatever the question (the score of a take
            # whose story answers its question; a report from before the cap has only that).
            told = row["told"] if isinstance(row["told"], (int, float)) else row["score"]
            out.append({"id": row["id"], "question_id": row["question_id"], "score": row["score"], "told": told,
                        "story_id": row["story_id"], "placed": bool(row["story_placed"]),
                        "text": row["text"] or "", "sentences": sentences,
                        "off_topic": row["fits"] == "off_topic", "unheard": bool(row["unheard"]),
                        "in_general": isinstance(row["story"], str) and row["story"].startswith(TALKS_IN_GENERAL),
                        "too_little": isinstance(row["story"], str) and row["story"].startswith(TOO_LITTLE)})
        return out

    @property
    def writable(self) -> bool:
        return self.conn is not None and not self._read_only

    @_said_plainly
    def set_stories(self, stories: dict[int, int], placed: bool = False) -> None:
        """Put takes in stories ({take id: story id}) in one transaction; `placed` marks
        them as put there by hand."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for take_id, story_id in stories.items():
                self.conn.execute("UPDATE takes SET story_id = ?, story_placed = MAX(story_placed, ?) WHERE id = ?",
                                  (story_id, int(placed), take_id))
            self.conn.execute("COMMIT")
        except BaseException:
            _rollback(self.conn)
            raise

    @_said_plainly
    def comparable(self, question_id: str | None, limit: int = 10) -> list[tuple[Take, str, int | None]]:
        """The newest takes a new take of this question can be compared with, newest first,
        each with its transcript text ("" when its stored report is damaged) and its story
        (None: not grouped yet). An answer cut short by a crash is not one, nor a story that
        does not answer the question."""
        if self.conn is None or question_id is None:
            return []
        rows = self.conn.execute(
            f"SELECT {self._take_columns}, CASE WHEN json_valid(report) THEN json_extract(report, '$.transcript.text') "
            f"END AS spoken FROM takes WHERE question_id = ? AND {_WHOLE} ORDER BY id DESC", (question_id,))
        out = []
        for row in rows:
            take = self._take(row)
            if not take.figures["off_topic"] and not take.unheard:
                story = row["story_id"] if "story_id" in row.keys() else None
                out.append((take, row["spoken"] if isinstance(row["spoken"], str) else "", story))
                if len(out) == limit:
                    break
        return out

    @_said_plainly
    def unsaved_recordings(self) -> list[Path]:
        """Finished recordings in the data folder that no take keeps (practice --no-save,
        or a take deleted from another copy of the history), oldest first. Recordings still
        being written or cut short by a crash (with a marker) are not among them."""
        from rehearse.audio.takefile import MARKER_SUFFIX, recordings_dir

        folder = recordings_dir()
        if not folder.is_dir():
            return []
        kept = set()
        if self.conn is not None:
            follow_ups = " UNION SELECT answer_file FROM follow_ups WHERE answer_file IS NOT NULL" if self.version >= 4 else ""
            kept = {(self.folder / row["answer_file"]).resolve()
                    for row in self.conn.execute("SELECT answer_file FROM takes WHERE answer_file IS NOT NULL" + follow_ups)}
        return [wav for wav in sorted(folder.glob("*.wav"))
                if wav.resolve() not in kept and not wav.with_name(wav.name + MARKER_SUFFIX).exists()]

    @_said_plainly
    def deletion(self, take_id: int) -> str:
        """What deleting the take removes, in words a person can weigh before saying yes."""
        what = self._deletion(take_id)
        answers = self.conn.execute("SELECT count(*) FROM follow_ups WHERE take_id = ?", (take_id,)).fetchone()[0]
        if answers:
            what += (", and its follow-up answer with its recording" if answers == 1 else
                     f", and its {answers} follow-up answers with their recordings")
        return what

    def _deletion(self, take_id: int) -> str:
        row = self._row(take_id, "answer_file, original_path")
        kept = None if row["answer_file"] is None else (self.folder / row["answer_file"]).resolve()
        if kept is None or not _is_inside(kept, self.folder.resolve()):
            return "the take (its audio or text is not in the data folder and stays)"
        if Path(row["original_path"]).resolve() == kept:
            return "the take and its recording, the only copy"
        if not Path(row["original_path"]).is_file():  # piped in, or deleted since
            return f"the take and its copy of {row['original_path']}, the only copy left"
        return f"the take and its copy of {row['original_path']} (that file stays)"

    @_said_plainly
    def delete(self, take_id: int) -> Take:
        take = self.get(take_id)
        follow_up_files = [self.folder / row["answer_file"] for row in self.conn.execute(
            "SELECT answer_file FROM follow_ups WHERE take_id = ? AND answer_file IS NOT NULL", (take_id,))]
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.execute("DELETE FROM follow_ups WHERE take_id = ?", (take_id,))
            self.conn.execute("DELETE FROM takes WHERE id = ?", (take_id,))
            self.conn.execute("COMMIT")
        except BaseException:
            _rollback(self.conn)
            raise
        # Only after the rows are gone: a crash before this leaves a stray file, never a row without one.
        for path in [take.answer_file, *follow_up_files]:
            if path is not None and _is_inside(path.resolve(), self.folder.resolve()):
                path.unlink(missing_ok=True)
        return take


# What a save writes before renaming it into place: "<take key>.<...>.<pid>.tmp|part".
_PARTIAL = re.compile(r"^\d{8}T\d{6}Z-[\w-]+\..*\.(\d+)\.(?:tmp|part)$")


def _remove_stale_partials(folder: Path) -> None:
    """Half-written files a killed save left (its process is gone): only names rehearse
    itself gives, never anything else in the folder."""
    for path in folder.iterdir():
        match = _PARTIAL.match(path.name)
        if match and not process_alive(int(match.group(1))):
            path.unlink(missing_ok=True)


def _pending_problem(saved) -> str | None:
    """Why a pending save's JSON cannot be a take, or None when it has what a take needs."""
    if not isinstance(saved, dict):
        return f"it holds {type(saved).__name__}, not a saved take"
    for key, kind in (("take_key", str), ("created_at", str), ("original_path", str), ("report", dict)):
        if not isinstance(saved.get(key), kind):
            return f"its {key!r} is missing or not {kind.__name__}"
    return None


def _session_alive(pid: int, created_at: str) -> bool:
    """Whether a session nobody ended may still be running: its process is alive, and it
    began less than SESSION_STALE_S ago (a reused process id, or Windows, where a process
    cannot be probed, would otherwise keep a crashed session running for ever)."""
    try:
        started = datetime.fromisoformat(created_at.replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        return False
    age = (datetime.now(timezone.utc) - started).total_seconds()
    return age < SESSION_STALE_S and process_alive(pid)


def _json(text: str, kind: type):
    """A JSON column read back as `kind` (list or dict); empty when it is damaged."""
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return kind()
    return value if isinstance(value, kind) else kind()


def _text(data: bytes) -> str:
    """Stored text as UTF-8; bytes damaged on disk become U+FFFD instead of failing every
    command that reads the table."""
    return data.decode("utf-8", "replace")


def _writable(folder: Path, path: Path) -> bool:
    """Whether this process can write the history (a read-only disk says no even to root)."""
    return os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def _rollback(conn: sqlite3.Connection) -> None:
    """Undo the open transaction, if SQLite has not already (it does on a full disk): the
    error that stopped it is the one to report."""
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def _is_busy(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def _when_free(action):
    """Run `action`, retrying while another connection holds the lock, up to the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return action()
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _is_inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


def _copy_atomically(source: Path, target: Path) -> None:
    tmp = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        shutil.copyfile(source, tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# Under this much free space, SQLite's "disk I/O error" is a full disk.
LOW_SPACE_BYTES = 1_000_000


def _file_size_limited() -> bool:
    try:
        import resource
    except ImportError:  # not on Windows
        return False
    return resource.getrlimit(resource.RLIMIT_FSIZE)[0] != resource.RLIM_INFINITY


def storage_problem(exc: BaseException, folder: Path) -> str | None:
    """A full disk, a file size limit or a read-only place, said as such (or None)."""
    code = getattr(exc, "errno", None)
    text = str(exc).lower()
    try:
        low = shutil.disk_usage(folder if folder.exists() else folder.parent).free < LOW_SPACE_BYTES
    except OSError:
        low = False
    if code == errno.EFBIG or "file too large" in text or ("disk i/o error" in text and _file_size_limited()):
        return f"a file in {folder} reached the size limit of this shell (ulimit -f)"
    if code in (errno.ENOSPC, errno.EDQUOT) or "disk is full" in text or ("disk i/o error" in text and low):
        return f"no space left on the disk holding {folder}"
    if code == errno.EROFS or "readonly" in text or "read-only" in text:
        return f"{folder} is read-only"
    return None


def pending_saves(folder: Path) -> list[Path]:
    """The saves a crash interrupted in a data folder, without opening its history."""
    return sorted((folder / TAKES_DIR).glob("*.pending.json"))


@dataclass(frozen=True)
class HistoryCheck:
    problems: list[str]  # what is wrong, in words
    file_damaged: bool  # the file itself (not one stored report): moving it aside helps


def check_history(path: Path | None = None) -> HistoryCheck:
    """What is wrong with the history file: SQLite's integrity check, whether it is
    rehearse's, and every stored report that no longer reads. Opens the file read-only
    and changes nothing."""
    path = path or db_path()
    if not path.exists():
        return HistoryCheck([], False)
    found = _check_file(path, immutable=False)
    if found.file_damaged and found.cannot_open and not os.access(path.parent, os.W_OK):
        # A read-only folder: SQLite cannot make the file beside a WAL history that even a
        # reader needs, and says "unable to open database file". That is no damage (a
        # tryout was told to move a healthy history aside): read it as it is on disk.
        found = _check_file(path, immutable=True)
    return HistoryCheck(found.problems, found.file_damaged)


@dataclass(frozen=True)
class _FileCheck(HistoryCheck):
    cannot_open: bool = False


def _check_file(path: Path, immutable: bool) -> _FileCheck:
    uri = "file:" + quote(str(path.resolve())) + ("?immutable=1" if immutable else "?mode=ro")
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    except sqlite3.DatabaseError as exc:
        return _FileCheck([f"{path} cannot be opened (SQLite says: {exc})"], True, cannot_open=True)
    conn.text_factory = _text
    problems, file_damaged, cannot_open = [], False, False
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return _FileCheck([f"{path} is not rehearse's history (another program's database, or not a database)"],
                              False)
        result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            file_damaged = True
            problems.append(f"{path} is damaged: " + "; ".join(result[:3]) + (" ..." if len(result) > 3 else ""))
        for take_id, report in conn.execute("SELECT id, report FROM takes ORDER BY id"):
            try:
                ok = isinstance(json.loads(report), dict)
            except ValueError:
                ok = False
            if not ok:
                problems.append(f"take {take_id}'s stored report is damaged (`rehearse delete {take_id}` removes it)")
    except sqlite3.DatabaseError as exc:
        file_damaged = True
        cannot_open = getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_CANTOPEN or "unable to open" in str(exc)
        problems.append(f"{path} is damaged (SQLite says: {exc})")
    finally:
        conn.close()
    return _FileCheck(problems, file_damaged, cannot_open)


def move_aside(path: Path | None = None) -> Path:
    """Move a damaged history (and its -wal and -shm) aside, so the next take starts a new
    one; the recordings and typed answers in the data folder stay where they are."""
    path = path or db_path()
    target = path.with_name(f"{path.name}.broken-{_now().replace(':', '')}")
    for suffix in ("", "-wal", "-shm"):
        source = path.with_name(path.name + suffix)
        if source.exists():
            os.replace(source, target.with_name(target.name + suffix))
    return target
