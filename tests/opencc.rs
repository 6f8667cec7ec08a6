//! Our traditional→simplified conversion against the reference `opencc -c t2s.json`
//! (Debian package `opencc`, installed by `.ci/run`) on the seed articles, after gloss
//! removal: at least 99.9% of Han characters must agree.

use std::io::Write;
use std::process::{Command, Stdio};

use zhaoshang::corpus::clean::clean_line;
use zhaoshang::corpus::convert::{is_han, to_simplified};

fn opencc(text: &str) -> String {
    let mut child = Command::new("opencc")
        .args(["-c", "t2s.json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the `opencc` command is required for this test: apt-get install opencc");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write to opencc");
    let out = child.wait_with_output().expect("opencc runs");
    assert!(
        out.status.success(),
        "opencc failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("opencc prints UTF-8")
}

#[test]
fn conversion_agrees_with_opencc_on_the_seeds() {
    let mut han = 0usize;
    let mut differ = Vec::new();
    for entry in
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data/raw")).expect("data/raw")
    {
        let path = entry.expect("entry").path();
        // The five seeds (`000`–`004`), not the real reports added beside them.
        let seed = path.extension().is_some_and(|e| e == "txt")
            && path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("00"));
        if !seed {
            continue;
        }
        let raw = std::fs::read_to_string(&path).expect("seed is UTF-8");
        let cleaned: Vec<String> = raw.lines().map(|l| clean_line(l, 0).0).collect();
        let text = cleaned.join("\n");
        let ours = to_simplified(&text);
        let reference = opencc(&text);
        let (ours, reference): (Vec<char>, Vec<char>) = (
            ours.chars().collect(),
            reference.trim_end_matches('\n').chars().collect(),
        );
        assert_eq!(
            ours.len(),
            reference.len(),
            "{}: lengths differ",
            path.display()
        );
        for (i, (a, b)) in ours.iter().zip(&reference).enumerate() {
            if is_han(*b) {
                han += 1;
                if a != b {
                    differ.push(format!("{}@{i}: ours {a} opencc {b}", path.display()));
                }
            }
        }
    }
    assert!(han > 5000, "compared only {han} Han characters");
    let agreement = 1.0 - differ.len() as f64 / han as f64;
    eprintln!(
        "OpenCC agreement: {agreement:.5} over {han} Han characters ({} differ)",
        differ.len()
    );
    assert!(
        agreement >= 0.999,
        "agreement {agreement:.5} over {han} chars; differences: {differ:#?}"
    );
}
