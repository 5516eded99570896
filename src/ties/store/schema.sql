-- The ties store. One schema for SQLite (the embedded default); see ARCHITECTURE.md.
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);

-- each source file, with its original bytes (zlib) so articles can be re-extracted later
CREATE TABLE IF NOT EXISTS sources (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  raw BLOB NOT NULL,
  ingested_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
  id INTEGER PRIMARY KEY,
  text_hash TEXT NOT NULL UNIQUE,       -- normalised text: same hash = same article
  title TEXT, published TEXT, outlet TEXT, url TEXT, language TEXT, text TEXT,
  relevant INTEGER NOT NULL DEFAULT 0,
  data TEXT NOT NULL,                    -- the extraction-contract object without its text (the text column), JSON
  near_duplicate_of INTEGER REFERENCES articles(id) ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);

-- which source item (PATH or PATH#N) gave which article: one article, several sources
CREATE TABLE IF NOT EXISTS article_sources (
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  item TEXT NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (source_id, item)
);
CREATE INDEX IF NOT EXISTS article_sources_article ON article_sources(article_id);

CREATE TABLE IF NOT EXISTS rejects (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  item TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'error'  -- 'error' (could not be read) or 'list' (a list page, not an article)
);
CREATE INDEX IF NOT EXISTS rejects_path ON rejects(path);

-- near-duplicates: MinHash signatures and LSH band buckets
CREATE TABLE IF NOT EXISTS minhash (article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, sig BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS minhash_bands (band INTEGER NOT NULL, bucket INTEGER NOT NULL, article_id INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS minhash_bands_key ON minhash_bands(band, bucket);
CREATE TABLE IF NOT EXISTS near_duplicates (a INTEGER NOT NULL, b INTEGER NOT NULL, similarity REAL NOT NULL, PRIMARY KEY (a, b));

-- full-text search over segmented title and text (rowid = articles.id)
-- body holds the text's words; extra the shorter words inside long Chinese ones (中华人民共和国 → 中华, 华人, 人民, 共和, 共和国)
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, body, extra, tokenize = 'unicode61 remove_diacritics 2');

-- knowledge layer
CREATE TABLE IF NOT EXISTS entities (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,              -- actor id from the dictionary, or type:folded-name
  name TEXT NOT NULL, type TEXT NOT NULL,
  data TEXT NOT NULL                     -- aliases, roles over time, sources (JSON)
);
CREATE TABLE IF NOT EXISTS aliases (entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  alias TEXT NOT NULL, folded TEXT NOT NULL, PRIMARY KEY (entity_id, alias));
CREATE INDEX IF NOT EXISTS aliases_folded ON aliases(folded);
CREATE TABLE IF NOT EXISTS mentions (article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  start INTEGER, "end" INTEGER, form TEXT, role TEXT);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL, start TEXT, "end" TEXT, location TEXT, status TEXT,
  participants TEXT NOT NULL,            -- JSON list of canonical names
  summary TEXT, plover TEXT, cameo TEXT,
  bilateral INTEGER NOT NULL DEFAULT 0,  -- between the configured pair
  recalled INTEGER NOT NULL DEFAULT 0    -- known only from reports that recall it
);
CREATE INDEX IF NOT EXISTS events_start ON events(start);
CREATE TABLE IF NOT EXISTS event_reports (event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  outlet TEXT, evidence TEXT, start_offset INTEGER, end_offset INTEGER, date_inferred INTEGER,
  PRIMARY KEY (event_id, article_id, start_offset));
CREATE INDEX IF NOT EXISTS event_reports_article ON event_reports(article_id);
CREATE TABLE IF NOT EXISTS event_participants (event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name TEXT NOT NULL, PRIMARY KEY (event_id, name));
CREATE INDEX IF NOT EXISTS event_participants_name ON event_participants(name);
CREATE TABLE IF NOT EXISTS statements (article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  speaker TEXT NOT NULL, text TEXT NOT NULL, start_offset INTEGER, end_offset INTEGER);
CREATE INDEX IF NOT EXISTS statements_speaker ON statements(speaker);
CREATE TABLE IF NOT EXISTS article_topics (article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  topic TEXT NOT NULL, PRIMARY KEY (article_id, topic));
CREATE TABLE IF NOT EXISTS figures (article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  quantity TEXT, value REAL, unit TEXT, period TEXT, text TEXT);
