import GRDB

/// The store's tables, built by versioned migrations when a store is first opened.
///
/// Never edit a migration once released: add the next one. The same tables and
/// rules carry over to PostgreSQL.
enum StoreSchema {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: returns, school sums, pseudonymised pupils") { db in
            // Facts about the installation, such as the fingerprint of its secret.
            try db.execute(sql: """
                CREATE TABLE installation (
                    name TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                ) WITHOUT ROWID;
                """)
            // One row per accepted return: its receipt.
            try db.execute(sql: """
                CREATE TABLE submission (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    return_id TEXT NOT NULL,
                    wave TEXT NOT NULL,
                    academic_year TEXT NOT NULL,
                    instrument TEXT NOT NULL,
                    la_code TEXT NOT NULL,
                    la_ons_code TEXT NOT NULL,
                    la_name TEXT NOT NULL,
                    region_code TEXT NOT NULL,
                    region_name TEXT NOT NULL,
                    generated TEXT NOT NULL,
                    software TEXT,
                    catalogue_version TEXT NOT NULL,
                    school_count INTEGER NOT NULL,
                    pupil_count INTEGER NOT NULL,
                    warning_count INTEGER NOT NULL,
                    received TEXT NOT NULL,
                    withdrawn TEXT
                );
                -- The same bytes are stored once while in force; a withdrawn copy may be submitted again.
                CREATE UNIQUE INDEX submission_in_force_by_sha256 ON submission(sha256) WHERE withdrawn IS NULL;
                """)
            // One row per school per return: its partial sums, so publishing never reads pupils.
            // `counts` marks the one row per (wave, school) that is counted; the others are superseded.
            try db.execute(sql: """
                CREATE TABLE school_return (
                    id INTEGER PRIMARY KEY,
                    submission_id INTEGER NOT NULL
                        REFERENCES submission(id) DEFERRABLE INITIALLY DEFERRED,
                    wave TEXT NOT NULL,
                    urn INTEGER NOT NULL,
                    laestab INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    phase TEXT NOT NULL,
                    enrolment TEXT NOT NULL,
                    respondents_without_roll INTEGER NOT NULL,
                    pupil_count INTEGER NOT NULL,
                    cells BLOB NOT NULL,
                    counts INTEGER NOT NULL DEFAULT 0 CHECK (counts IN (0, 1))
                );
                CREATE UNIQUE INDEX school_return_counted ON school_return(wave, urn) WHERE counts = 1;
                CREATE INDEX school_return_by_school ON school_return(wave, urn, submission_id);
                CREATE INDEX school_return_by_submission ON school_return(submission_id);
                """)
            // Pupils, pseudonymised: identifiers only as keyed hashes, answers one byte per item.
            // Clustered by school, and written before their school's row exists (hence the deferred key).
            try db.execute(sql: """
                CREATE TABLE pupil (
                    school_return_id INTEGER NOT NULL
                        REFERENCES school_return(id) DEFERRABLE INITIALLY DEFERRED,
                    ref_hash BLOB NOT NULL,
                    upn_hash BLOB,
                    year_group INTEGER NOT NULL,
                    sex INTEGER NOT NULL,
                    fsm INTEGER NOT NULL,
                    sen INTEGER NOT NULL,
                    ethnicity INTEGER NOT NULL,
                    answers BLOB NOT NULL,
                    PRIMARY KEY (school_return_id, ref_hash)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v2: API tokens") { db in
            // One row per token: its role, the LA an uploader is bound to, and only a SHA-256 of its secret.
            try db.execute(sql: """
                CREATE TABLE access_token (
                    id TEXT PRIMARY KEY NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('uploader', 'reader', 'researcher', 'admin')),
                    la_code TEXT CHECK ((role = 'uploader') = (la_code IS NOT NULL)),
                    secret_sha256 BLOB NOT NULL,
                    created TEXT NOT NULL,
                    revoked TEXT
                ) WITHOUT ROWID;
                """)
        }
        return migrator
    }()
}
