-- The zhaoshang corpus store, schema version 2 (PRAGMA user_version = 2).
--
-- Positions are counted in characters (Unicode scalar values), as in the JSON corpus.
-- Child rows belong to one article and go with it (ON DELETE CASCADE); each article is
-- written in one transaction, so a reader never sees half of one.

-- Store-wide facts: the parser version the rows were made with, and when.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Places, one row per distinct path from the province down (`湖北省/襄阳市/谷城县`); an
-- article whose region could not be placed gets a one-element path with its name.
CREATE TABLE regions (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    path      TEXT NOT NULL UNIQUE,       -- names joined with '/'
    code      TEXT,                       -- GB/T 2260 code, where known
    level     TEXT,                       -- province, prefecture, county, township, zone
    parent_id INTEGER REFERENCES regions(id)
);
CREATE INDEX regions_name ON regions(name);
CREATE INDEX regions_parent ON regions(parent_id);

-- One row per source file.
CREATE TABLE articles (
    id             INTEGER PRIMARY KEY,
    file           TEXT NOT NULL UNIQUE,  -- the path as given to `zhaoshang parse`
    content_hash   TEXT NOT NULL,         -- SHA-256 of the file's bytes, hex
    parser_version INTEGER NOT NULL,      -- zhaoshang::corpus::PARSER_VERSION that parsed it
    title          TEXT NOT NULL,
    title_derived  INTEGER NOT NULL,
    region         TEXT,                  -- the main subject region, simplified
    region_id      INTEGER REFERENCES regions(id),
    region_code    TEXT,
    region_level   TEXT,
    region_path    TEXT NOT NULL,         -- JSON array of names, province first
    published      TEXT,                  -- ISO 8601, as in the page header
    source         TEXT,
    byline         TEXT,
    keywords       TEXT NOT NULL,         -- JSON array
    period         TEXT,                  -- `2021`, `2021-01..2021-05`
    script         TEXT NOT NULL,         -- simplified, traditional
    encoding       TEXT NOT NULL,         -- UTF-8, GB18030, Big5
    paragraph_count INTEGER NOT NULL,
    metric_count   INTEGER NOT NULL,
    gauge_count    INTEGER NOT NULL,
    original       TEXT NOT NULL          -- the decoded text, line ends normalised
);
-- Covers the explorer's opening query (headers in file order) without reading any text.
CREATE INDEX articles_headers ON articles(file, title, region);
CREATE INDEX articles_region ON articles(region, file);
CREATE INDEX articles_region_id ON articles(region_id);

-- Clean body text in simplified characters; `heading` marks section headings.
CREATE TABLE paragraphs (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    heading    INTEGER NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

-- Every figure with a unit. `paragraph`, `start`, `end` locate the sentence it was read from.
CREATE TABLE metrics (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    label       TEXT NOT NULL,
    value       REAL,                     -- NULL when redacted
    unit        TEXT NOT NULL,
    kind        TEXT NOT NULL,            -- actual, target, growth_pct, progress_pct, ratio, change
    period      TEXT,
    redacted    INTEGER NOT NULL,
    raw         TEXT NOT NULL,
    approximate INTEGER NOT NULL,
    forecast    INTEGER NOT NULL,         -- 1 when stated as expected (预计), not achieved
    indicator   TEXT,                     -- canonical indicator, where one fits
    paragraph   INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX metrics_label ON metrics(label);
CREATE INDEX metrics_indicator ON metrics(indicator);

-- Target-versus-actual pairs.
CREATE TABLE gauges (
    article_id       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx              INTEGER NOT NULL,
    label            TEXT NOT NULL,
    actual           REAL,
    target           REAL,
    percent          REAL,
    percent_stated   INTEGER NOT NULL,
    unit             TEXT NOT NULL,
    actual_period    TEXT,
    target_period    TEXT,
    cross_period     INTEGER NOT NULL,
    indicator        TEXT,
    paragraph        INTEGER NOT NULL,
    start            INTEGER NOT NULL,
    "end"            INTEGER NOT NULL,
    target_paragraph INTEGER,
    target_start     INTEGER,
    target_end       INTEGER,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX gauges_label ON gauges(label);
CREATE INDEX gauges_indicator ON gauges(indicator);

-- What the cleaner flagged: lost_character, mojibake, redacted, long_sentence, ...
CREATE TABLE warnings (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    "offset"   INTEGER NOT NULL,          -- char offset in articles.original
    line       INTEGER NOT NULL,
    text       TEXT NOT NULL,
    hint       TEXT,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX warnings_kind ON warnings(kind);

-- Lines kept out of the body: title, header, credit, keywords, footer, widget, template.
CREATE TABLE boilerplate (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    line       INTEGER NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

-- Every change the cleaner made, located in articles.original.
CREATE TABLE repairs (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    rule        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    replacement TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

-- The search index, built at parse time: one row per searchable text (title, region,
-- sentence, metric label), its text read from the tables above.
CREATE TABLE search_docs (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,          -- order within the article
    kind       INTEGER NOT NULL,          -- 0 title, 1 region, 2 sentence, 3 metric label
    paragraph  INTEGER,                   -- a sentence's paragraph, start and end
    start      INTEGER,
    "end"      INTEGER,
    metric     INTEGER                    -- a label's metrics.idx
);
CREATE INDEX search_docs_article ON search_docs(article_id);

-- Full-text keys of each search_docs row (same rowid): every letter, digit and character
-- as one token, with positions for phrase lookups. Contentless: the text lives in the tables
-- above. The search tables need SQLite 3.43 or newer to open (zhaoshang has it built in).
CREATE VIRTUAL TABLE search_keys USING fts5(
    chars,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);
-- Each character's first pinyin reading (`0` for none), with positions, and an index of
-- one- and two-letter prefixes so that initials (`zs`) are direct lookups.
CREATE VIRTUAL TABLE search_pinyin USING fts5(
    pinyin,
    content = '', contentless_delete = 1, prefix = '1 2',
    tokenize = 'unicode61 remove_diacritics 0'
);
-- Unordered keys of the same rows, for polyphones: every reading of every character, and
-- `9` + the initials of each two neighbouring characters (`9tl` for 通辽).
CREATE VIRTUAL TABLE search_loose USING fts5(
    loose,
    content = '', contentless_delete = 1, detail = none, prefix = '1 2',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
    DELETE FROM search_keys WHERE rowid = old.id;
    DELETE FROM search_pinyin WHERE rowid = old.id;
    DELETE FROM search_loose WHERE rowid = old.id;
END;
