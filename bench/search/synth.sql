-- Fills a bitext catalog with synthetic records for the search benchmark (bench/search): :n records, each pointing at
-- the TEI and reading view of one of the real articles a run made (the 306 of corpus/sample), with publication dates
-- spread over 1946-1989, pages 1-8 and the source article's section. Run by bench/search/run with sqlite3; never on a
-- real catalog.
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
CREATE TEMP TABLE src AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, section, title_zh, title_en FROM articles;
BEGIN;
WITH RECURSIVE c(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM c WHERE x + 1 < CAST(:n AS INTEGER))
INSERT INTO articles (id, input, root, input_sha256, date, page, section, title_zh, title_en, status,
                      content_sha256, datestamp, deleted)
SELECT printf('rmrb-synth-%07d', x), printf('synthetic/%07d.txt', x), 'synthetic', printf('%064d', x),
       date('1946-01-01', printf('+%d days', (x * 7) % 16000)), CAST((x % 8) + 1 AS TEXT), s.section,
       s.title_zh, s.title_en, 'converted', printf('%064d', x),
       strftime('%Y-%m-%dT%H:%M:%SZ', '2026-01-01 00:00:00', printf('+%d seconds', x / 10)), 0
FROM c JOIN src s ON s.k = x % (SELECT count(*) FROM src);
INSERT INTO outputs (id, kind, path, sha256, size)
SELECT a.id, o.kind, o.path, o.sha256, o.size
FROM articles a JOIN src s ON s.k = CAST(substr(a.id, 12) AS INTEGER) % (SELECT count(*) FROM src)
     JOIN outputs o ON o.id = s.id
WHERE a.root = 'synthetic' AND o.kind IN ('tei', 'html');
-- the real records leave: the index holds the synthetic ones only
DELETE FROM articles WHERE root <> 'synthetic';
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
