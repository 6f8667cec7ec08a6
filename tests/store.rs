//! The corpus store as a user runs it: a parse killed with SIGKILL in the middle leaves a
//! sound store of whole articles that a reader can open at any moment, and the next run
//! finishes the job; the README's example queries run; a store opens in every command.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use zhaoshang::store::sqlite::SqliteStore;

fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_zhaoshang"));
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "zhaoshang-store-test-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn count(db: &Path) -> Option<usize> {
    SqliteStore::open(db).ok()?.len().ok()
}

#[test]
fn a_parse_killed_mid_run_leaves_whole_articles_and_the_next_run_finishes() {
    const N: usize = 3000;
    let dir = temp_dir("kill");
    let raw = dir.join("raw");
    std::fs::create_dir_all(&raw).expect("raw dir");
    for (name, bytes) in zhaoshang::synth::generate(N, 11) {
        std::fs::write(raw.join(name), bytes).expect("write article");
    }
    let db = dir.join("corpus.db");
    let args = [
        "parse",
        raw.to_str().expect("utf-8 path"),
        "-o",
        db.to_str().expect("utf-8 path"),
    ];
    let mut child = bin().args(args).spawn().expect("spawn parse");
    let deadline = Instant::now() + Duration::from_secs(120);
    // A reader opens the store while the parse writes, and always sees whole articles.
    let mut seen = Vec::new();
    loop {
        assert!(
            Instant::now() < deadline,
            "the parse never wrote 100 articles"
        );
        if let Some(n) = count(&db) {
            seen.push(n);
            if n >= 100 {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reap");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");

    let store = SqliteStore::open(&db).expect("a killed parse leaves a store that opens");
    let kept = store.len().expect("count");
    assert!(
        (100..N).contains(&kept),
        "killed mid-run: {kept} of {N} articles"
    );
    assert_eq!(store.check().expect("check"), Vec::<String>::new());
    drop(store);

    let out = run(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(
        summary.contains(&format!("{} parsed, {kept} unchanged", N - kept)),
        "only the rest is parsed: {summary}"
    );
    let store = SqliteStore::open(&db).expect("open");
    assert_eq!(store.len().expect("count"), N);
    assert_eq!(store.check().expect("check"), Vec::<String>::new());
    // Spot-check an article against a fresh parse of its file.
    let (row, header) = &store.headers().expect("headers")[N / 2];
    let bytes = std::fs::read(&header.file).expect("read source");
    let fresh = zhaoshang::corpus::parse_bytes(&header.file, &bytes).expect("parse");
    assert_eq!(store.article(*row).expect("read"), Some(fresh));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The SQL blocks of the README's store section.
fn readme_queries() -> Vec<String> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README");
    let section = readme
        .split("## The corpus store")
        .nth(1)
        .expect("README has a corpus store section");
    let section = section.split("\n## ").next().unwrap_or(section);
    section
        .split("```sql\n")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .filter(|sql| sql.starts_with("SELECT") || sql.starts_with("WITH"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_readme_shows_the_schema_and_its_queries_run() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README");
    let schema = zhaoshang::store::sqlite::SCHEMA;
    let body = schema
        .split_once("\n\n")
        .expect("schema has a heading")
        .1
        .trim();
    assert!(
        readme.contains(body),
        "README's schema is out of date with schema.sql"
    );

    // The seeds as the gazetteer will place them: 谷城经济开发区 under 湖北省.
    let dir = temp_dir("readme");
    let mut articles = zhaoshang::corpus::builtin();
    for a in &mut articles {
        if a.region.as_deref() == Some("谷城经济开发区") {
            a.region_code = Some("420625".to_owned());
            a.region_level = Some(zhaoshang::corpus::RegionLevel::Zone);
            a.region_path = ["湖北省", "襄阳市", "谷城县", "谷城经济开发区"]
                .map(str::to_owned)
                .to_vec();
        }
    }
    let json = dir.join("placed.json");
    std::fs::write(
        &json,
        zhaoshang::corpus::load::to_json(&articles).expect("json"),
    )
    .expect("write");
    let db = dir.join("seeds.db");
    let out = run(&[
        "parse",
        json.to_str().expect("utf-8"),
        "-o",
        db.to_str().expect("utf-8"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = SqliteStore::open(&db).expect("open");
    let queries = readme_queries();
    assert_eq!(queries.len(), 3, "{queries:?}");
    for sql in &queries {
        let mut stmt = store.connection().prepare(sql).expect(sql);
        let rows = stmt
            .query_map([], |r| r.get::<_, rusqlite::types::Value>(0))
            .expect(sql)
            .collect::<Result<Vec<_>, _>>()
            .expect(sql);
        assert!(!rows.is_empty(), "no rows from {sql}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_store_opens_in_every_command_and_exports_like_parse() {
    let dir = temp_dir("commands");
    let db = dir.join("seeds.db");
    let db_arg = db.to_str().expect("utf-8");
    assert!(run(&["parse", "data/raw", "-o", db_arg]).status.success());
    let json = run(&["export", db_arg, "--format", "json"]);
    assert!(json.status.success());
    let parsed = run(&["parse", "data/raw"]);
    assert_eq!(
        String::from_utf8_lossy(&json.stdout),
        String::from_utf8_lossy(&parsed.stdout),
        "export gives back what parse writes"
    );
    let jsonl = run(&["export", db_arg, "--format", "jsonl"]);
    let raw_files = std::fs::read_dir("data/raw")
        .expect("data/raw")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt"))
        })
        .count();
    assert_eq!(
        String::from_utf8_lossy(&jsonl.stdout).lines().count(),
        raw_files
    );
    let csv = run(&["export", db_arg, "--format", "csv", "--table", "gauges"]);
    let csv = String::from_utf8_lossy(&csv.stdout);
    assert!(csv.starts_with("region,indicator,label,actual"), "{csv}");
    assert!(csv.contains("谷城经济开发区"), "{csv}");
    let gauges = run(&["gauges", db_arg, "--format", "csv"]);
    assert_eq!(String::from_utf8_lossy(&gauges.stdout), csv);
    let search = run(&["search", "tongliao", db_arg, "--limit", "3"]);
    assert!(String::from_utf8_lossy(&search.stdout).contains("通辽"));
    let shot = dir.join("first.txt");
    let out = run(&["screenshot", db_arg, "-o", shot.to_str().expect("utf-8")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read_to_string(&shot)
            .expect("screenshot")
            .contains("濉溪")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_store_of_another_schema_version_gets_a_clear_message() {
    let dir = temp_dir("version");
    let db = dir.join("old.db");
    let db_arg = db.to_str().expect("utf-8");
    assert!(run(&["parse", "data/raw", "-o", db_arg]).status.success());
    rusqlite::Connection::open(&db)
        .expect("open")
        .execute_batch("PRAGMA user_version = 7")
        .expect("set version");
    for args in [
        vec!["gauges", db_arg],
        vec!["export", db_arg],
        vec!["parse", "data/raw", "-o", db_arg],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!(
                "schema version 7, this zhaoshang reads version {}",
                zhaoshang::store::sqlite::SCHEMA_VERSION
            )) && err.contains("zhaoshang parse SOURCES -o NEW.db")
                && !err.contains("panicked"),
            "{err}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_screen_draws_the_same_from_a_store_as_from_memory() {
    use std::sync::Arc;
    use zhaoshang::store::Store;
    use zhaoshang::store::sqlite::SqliteCorpus;
    use zhaoshang::tui::{Options, VIEWS, app_for_view, render_buffer, screenshot};

    let dir = temp_dir("screens");
    let db = dir.join("seeds.db");
    let out = run(&["parse", "data/raw", "-o", db.to_str().expect("utf-8")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let options = Options {
        theme: "mono".to_owned(),
        ..Options::default()
    };
    let corpus = Arc::new(SqliteCorpus::open(&db).expect("open"));
    let builtin = zhaoshang::corpus::builtin();
    for view in std::iter::once(None).chain(VIEWS.iter().copied().map(Some)) {
        let from_store = screenshot(
            Store::shared(corpus.clone()),
            &options,
            view,
            120,
            36,
            false,
        )
        .expect("view");
        let from_memory =
            screenshot(builtin.clone(), &options, view, 120, 36, false).expect("view");
        assert_eq!(from_store, from_memory, "{view:?}");
    }

    // The first frame of a fresh explorer reads the article it shows (and the first of the
    // region the compare screen would put beside it, whose scroll is kept clamped), not the
    // corpus.
    let corpus = Arc::new(SqliteCorpus::open(&db).expect("open"));
    let app = app_for_view(Store::shared(corpus.clone()), &options, None, 120, 36).expect("app");
    let _ = render_buffer(&app, 120, 36);
    assert!(
        corpus.articles_read() <= 2,
        "{} read",
        corpus.articles_read()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
