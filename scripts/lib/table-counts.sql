-- Exact row count of every table, one "schema.table<TAB>count" line each, sorted by name.
-- backup.sh runs it inside the snapshot pg_dump dumps; restore-check.sh runs it on the restored
-- database: the two outputs must be identical. query_to_xml runs each count in the caller's
-- transaction, so every count sees the same snapshot. Partitioned tables are counted whole and
-- each partition again, so a day partition lost in the restore shows up by name.
SELECT format('%s.%s', n.nspname, c.relname) || E'\t' ||
       (xpath('/row/n/text()',
              query_to_xml(format('SELECT count(*) AS n FROM %I.%I', n.nspname, c.relname), false, true, '')))[1]::text
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%'
  AND n.nspname NOT LIKE 'pg\_temp%'
  -- An extension's own tables are recreated by CREATE EXTENSION, not dumped.
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C";
