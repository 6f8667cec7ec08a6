//! Peak memory of `zhaoshang parse` on a large accepted input stays within a small multiple
//! of the file's size (issue 13). Alone in its test binary: the peak is read with
//! `getrusage(RUSAGE_CHILDREN)`, the largest of every child this process has waited for.

use std::path::Path;
use std::process::Command;

use nix::sys::resource::{UsageWho, getrusage};

/// Memory a parse may take beyond the program's own, per byte of input.
const BOUND: u64 = 5;

/// Peak resident memory, in bytes, of the largest child waited for so far.
fn children_peak() -> u64 {
    // ru_maxrss is in KiB on Linux.
    let usage = getrusage(UsageWho::RUSAGE_CHILDREN).expect("getrusage");
    u64::try_from(usage.max_rss()).unwrap_or(0) * 1024
}

fn parse(input: &Path, output: &Path, format: &str) {
    let status = Command::new(env!("CARGO_BIN_EXE_zhaoshang"))
        .args(["parse", "--format", format, "-o"])
        .arg(output)
        .arg(input)
        .status()
        .expect("the binary runs");
    assert!(status.success(), "parse {}", input.display());
}

/// Simplified prose whose every clause ends in a half-width comma, a repair each: about
/// one repair per 13 bytes, in lines of 25 clauses (`seed` varies the words).
fn commas(bytes: usize, one_line: bool) -> String {
    const WORDS: [&str; 12] = [
        "招商", "引资", "项目", "建设", "营商", "环境", "到位", "资金", "产业", "集群", "签约",
        "落地",
    ];
    let mut text = String::with_capacity(bytes + 64);
    let mut state: u32 = 12345;
    let mut clause = 0;
    while text.len() < bytes {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
        text.push_str(WORDS[(state >> 16) as usize % WORDS.len()]);
        text.push_str(WORDS[(state >> 8) as usize % WORDS.len()]);
        clause += 1;
        text.push_str(if clause % 25 == 0 {
            if one_line { "。" } else { "。\n" }
        } else {
            ","
        });
    }
    text
}

#[test]
fn parse_memory_stays_within_a_small_multiple_of_the_input() {
    let dir = std::env::temp_dir().join(format!("zhaoshang-memory-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let output = dir.join("out.json");
    // The program's own memory (gazetteer, tables, code): a parse of a small article.
    let small = dir.join("small.txt");
    std::fs::write(&small, commas(2_000, false)).expect("write");
    parse(&small, &output, "json");
    let own = children_peak();
    for (name, one_line, format) in [("lines.txt", false, "json"), ("line.txt", true, "jsonl")] {
        let input = dir.join(name);
        let text = commas(3 << 20, one_line);
        std::fs::write(&input, &text).expect("write");
        let size = text.len() as u64;
        parse(&input, &output, format);
        let peak = children_peak();
        assert!(
            peak.saturating_sub(own) <= BOUND * size,
            "{name} ({format}): {} MB peak beyond the program's {} MB for {} MB of input",
            peak.saturating_sub(own) >> 20,
            own >> 20,
            size >> 20
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
