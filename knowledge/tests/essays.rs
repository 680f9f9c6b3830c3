//! The checks run over the five source essays, kept as a reviewed snapshot: they should flag
//! the essays' real mistakes (recorded as variants in the fact base) and little else. A change
//! in what Clio says about the essays shows up here as a diff to review
//! (`UPDATE_EXPECT=1 cargo test -p knowledge --test essays` accepts it).

mod common;

use knowledge::{analyze, Cache, Code, Config, Format, Prepared};

#[test]
fn findings_on_the_source_essays() {
    let Some(files) = common::essay_files() else { return };
    let kb = Prepared::embedded();
    let mut config = Config::default();
    config.disabled.insert(Code::Counterargument);
    let mut out = String::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().chars().take(3).collect::<String>();
        let a = analyze(&kb, &text, Format::Plain, &config, &mut Cache::default());
        for x in &a.findings {
            let line = text[..x.range.start].matches('\n').count() + 1;
            out.push_str(&format!(
                "{name}:{line} {} «{}» {}\n",
                x.code.as_str(),
                &text[x.range.clone()],
                x.message
            ));
        }
    }
    expect_test::expect_file!["snapshots/essays.txt"].assert_eq(&out);
}

/// The command line's `check` reads no argument balance, so it skips the claims that feed it:
/// on the five essays that changes no finding, and only the claims (and balance) go.
#[test]
fn skipping_the_balance_changes_no_finding() {
    let Some(files) = common::essay_files() else { return };
    let kb = Prepared::embedded();
    let mut with = Config::default();
    with.disabled.insert(Code::Counterargument);
    let without = Config { without_balance: true, ..with.clone() };
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let a = analyze(&kb, &text, Format::Plain, &with, &mut Cache::default());
        let b = analyze(&kb, &text, Format::Plain, &without, &mut Cache::default());
        assert!(!a.claims.is_empty(), "{}: the balance's claims are read", f.display());
        assert!(b.claims.is_empty(), "{}: no claims without the balance", f.display());
        assert_eq!(format!("{:?}", a.findings), format!("{:?}", b.findings), "{}", f.display());
    }
}
