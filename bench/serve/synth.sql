-- Fills a bitext catalog with synthetic records for the serve benchmark (bench/serve): :n records, each pointing at
-- the outputs of one of the 12 corpus articles (whose rows the real run made), ten records per second of datestamp,
-- publication dates spread over 1946-1989, pages 1-8. Run by bench/serve with sqlite3; never on a real catalog.
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
CREATE TEMP TABLE corpus AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM articles;
BEGIN;
WITH RECURSIVE c(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM c WHERE x + 1 < CAST(:n AS INTEGER))
INSERT INTO articles (id, input, root, input_sha256, date, page, section, title_zh, title_en, status,
                      content_sha256, datestamp, deleted)
SELECT printf('rmrb-synth-%07d', x), printf('synthetic/%07d.txt', x), 'synthetic', printf('%064d', x),
       date('1946-01-01', printf('+%d days', (x * 7) % 16000)), CAST((x % 8) + 1 AS TEXT), '',
       '合成标题 ' || x, 'Synthetic title ' || x, 'converted', printf('%064d', x),
       strftime('%Y-%m-%dT%H:%M:%SZ', '2026-01-01 00:00:00', printf('+%d seconds', x / 10)),
       CASE WHEN x % 1000 = 999 THEN 1 ELSE 0 END
FROM c;
INSERT INTO outputs (id, kind, path, sha256, size)
SELECT a.id, o.kind, o.path, o.sha256, o.size
FROM articles a JOIN corpus k ON k.k = CAST(substr(a.id, 12) AS INTEGER) % 12 JOIN outputs o ON o.id = k.id
WHERE a.root = 'synthetic' AND a.deleted = 0;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
ANALYZE;
