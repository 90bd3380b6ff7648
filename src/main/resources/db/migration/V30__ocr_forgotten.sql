-- The OCR cache lives on the disk of every node that reads documents, worker nodes included: the purge and an
-- erasure note here the content hash of each document they removed, and every reading node removes the texts
-- cached under it (privacy.OcrCachePruning). A hash names a file, not a caller; a row goes once the longest
-- documents retention has passed, when every cached text it could name has gone by age anyway.
create table ocr_forgotten (
    content_hash varchar(64) not null primary key,
    forgotten_at timestamp   not null
);
