//! No counterpoint argues the side of the claim it answers: over every claim in the public case
//! sets (`../shared/eval/dev_cases.py` and `dev_real_cases.py`), each counterpoint is of the
//! opposite side, and the claim's side is the one the case expects. A case names keywords that a
//! good counterpoint mentions; the arguments whose text holds them are the side the case wants
//! the counterpoint on, so the claim is on the other (a keyword held by many arguments says
//! nothing, and a case whose keywords point both ways is left out). The narrative cases draw no
//! claim at all.

use std::path::PathBuf;

use knowledge::analysis::{analyze, Cache};
use knowledge::base::{KnowledgeBase, Stance};
use knowledge::config::Config;
use knowledge::prepared::Prepared;
use knowledge::text::Format;

/// `shared/eval` beside the project (or beside the folder of worktrees it is in).
fn eval_dir() -> Option<PathBuf> {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let found =
        here.ancestors().map(|a| a.join("shared/eval")).find(|d| d.join("dev_cases.py").is_file());
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI: shared/eval (the public case sets) is missing"
        );
        eprintln!("SKIPPED: no shared/eval beside the project");
    }
    found
}

/// A Python list of the case file, `name = [ ... ]`, as its string literals grouped by top-level
/// item: each item's strings (adjacent literals joined, as Python does).
fn python_list(src: &str, name: &str) -> Vec<Vec<String>> {
    let start = src.find(&format!("\n{name} = [")).unwrap_or_else(|| panic!("no list {name}"));
    let bytes = src.as_bytes();
    let mut i = start + name.len() + 5;
    let mut depth = 1;
    let mut items: Vec<Vec<String>> = vec![Vec::new()];
    let mut last_was_string = false;
    while i < bytes.len() && depth > 0 {
        let c = bytes[i] as char;
        match c {
            '#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            '"' | '\'' => {
                let (s, end) = string_literal(src, i);
                let item = items.last_mut().expect("an item");
                if last_was_string {
                    item.last_mut().expect("a string").push_str(&s);
                } else {
                    item.push(s);
                }
                last_was_string = true;
                i = end;
                continue;
            }
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            ',' if depth == 1 => items.push(Vec::new()),
            _ => {}
        }
        if !c.is_whitespace() {
            last_was_string = false;
        }
        i += 1;
    }
    items.retain(|v| !v.is_empty());
    items
}

/// A Python string literal at `at`: its value and the index after it.
fn string_literal(src: &str, at: usize) -> (String, usize) {
    let quote = src[at..].chars().next().expect("a quote");
    let mut out = String::new();
    let mut chars = src[at + 1..].char_indices();
    while let Some((k, c)) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some((_, 'n')) => out.push('\n'),
                Some((_, 't')) => out.push('\t'),
                Some((_, other)) => out.push(other),
                None => break,
            },
            c if c == quote => return (out, at + 1 + k + 1),
            c => out.push(c),
        }
    }
    (out, src.len())
}

/// The side a case expects its claim to argue, from its keywords: the opposite of the side of
/// the arguments whose claim, gist or evidence holds them.
fn expected_side(kb: &KnowledgeBase, keywords: &[String]) -> Option<Stance> {
    let texts: Vec<(Stance, String)> = kb
        .arguments
        .iter()
        .map(|a| (a.stance, format!("{} {} {}", a.claim, a.gist, a.evidence_text).to_lowercase()))
        .collect();
    let mut votes = [0.0f32; 2];
    for k in keywords {
        let k = k.to_lowercase();
        let holding: Vec<Stance> = texts.iter().filter(|t| t.1.contains(&k)).map(|t| t.0).collect();
        if holding.is_empty() || holding.len() * 4 > texts.len() {
            continue;
        }
        for s in &holding {
            votes[*s as usize] += 1.0 / holding.len() as f32;
        }
    }
    let (c, r) = (votes[0], votes[1]);
    if c.max(r) == 0.0 || c.min(r) > 0.5 * c.max(r) {
        return None;
    }
    // The counterpoint is to be on the side the keywords point to; the claim on the other.
    Some(if c > r { Stance::Rupture } else { Stance::Continuity })
}

#[test]
fn every_counterpoint_argues_the_other_side() {
    let Some(dir) = eval_dir() else { return };
    let kb = Prepared::embedded();
    let mut checked = 0;
    let mut unjudged = 0;
    let mut wrong = Vec::new();
    for file in ["dev_cases.py", "dev_real_cases.py"] {
        let src = std::fs::read_to_string(dir.join(file)).expect("the case file");
        for case in python_list(&src, "counter_claims") {
            let (text, keywords) = (&case[0], &case[1..]);
            let expected = expected_side(&kb, keywords);
            let a = analyze(&kb, text, Format::Markdown, &Config::default(), &mut Cache::default());
            for c in a.claims.iter().filter(|c| c.is_whole()) {
                let stance = c.stance.expect("a whole claim has a side");
                for &x in &c.counterpoints {
                    assert_ne!(
                        kb.arguments[x].stance, stance,
                        "{file}: {text:?} answered by {}",
                        kb.arguments[x].id
                    );
                }
                checked += 1;
                match expected {
                    Some(e) if e != stance => {
                        wrong.push(format!("{file}: {text:?} read as {}", stance.label()))
                    }
                    Some(_) => {}
                    None => unjudged += 1,
                }
            }
        }
        for case in python_list(&src, "neutral") {
            let text = &case[0];
            let a = analyze(&kb, text, Format::Markdown, &Config::default(), &mut Cache::default());
            let claims = a.claims.iter().filter(|c| c.is_whole()).count();
            assert_eq!(claims, 0, "{file}: narration {text:?} taken as a claim");
        }
    }
    eprintln!("{checked} claims checked ({unjudged} whose case names no clear side)");
    assert!(checked >= 40, "only {checked} claims found in the case sets");
    assert!(wrong.is_empty(), "claims read on the wrong side:\n{}", wrong.join("\n"));
}

#[test]
fn the_case_lists_are_read_whole() {
    let src = "x = 1\ncounter_claims = [\n    (\"It's \" 'one' \" claim.\", [\"a\", 'b']),  # note\n    (\"Two\\n\", [\"c\"]),\n]\nneutral = [\"n\"]\n";
    assert_eq!(
        python_list(src, "counter_claims"),
        vec![
            vec!["It's one claim.".to_string(), "a".into(), "b".into()],
            vec!["Two\n".to_string(), "c".into()]
        ]
    );
    assert_eq!(python_list(src, "neutral"), vec![vec!["n".to_string()]]);
}
