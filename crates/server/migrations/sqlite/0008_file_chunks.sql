-- The document store in chunks of 1 MB (see store/files.rs): no 30 MB blob is bound, copied
-- and written in one statement. `stored_files` says a file is whole and how big it is.
-- Files stored before become one chunk each.
CREATE TABLE file_chunks (
    sha256  TEXT NOT NULL,
    seq     INTEGER NOT NULL,
    content BLOB NOT NULL,
    PRIMARY KEY (sha256, seq)
);
CREATE TABLE stored_files (
    sha256 TEXT PRIMARY KEY,
    size   INTEGER NOT NULL,
    chunks INTEGER NOT NULL
);
INSERT INTO file_chunks (sha256, seq, content) SELECT sha256, 0, content FROM file_contents;
INSERT INTO stored_files (sha256, size, chunks) SELECT sha256, length(content), 1 FROM file_contents;
DROP TABLE file_contents;
