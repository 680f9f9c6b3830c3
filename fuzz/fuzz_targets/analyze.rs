//! `analyze` on any text, in every format, then again after an edit with the cache warm: it
//! never panics, a warm analysis answers as a cold one, and every range it reports lies on
//! character boundaries of the text. Run with `-timeout=` as the per-input budget.
#![no_main]

use std::sync::OnceLock;

use knowledge::{analyze, Cache, Config, Format, Prepared};
use libfuzzer_sys::fuzz_target;

fn base() -> &'static Prepared {
    static KB: OnceLock<Prepared> = OnceLock::new();
    KB.get_or_init(Prepared::embedded)
}

fn check_ranges(text: &str, a: &knowledge::Analysis) {
    for f in &a.findings {
        assert!(f.range.start <= f.range.end && f.range.end <= text.len(), "{:?}", f.range);
        assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
        for fix in &f.fixes {
            assert!(text.is_char_boundary(fix.range.start) && text.is_char_boundary(fix.range.end));
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let format = match pick % 3 {
        0 => Format::Markdown,
        1 => Format::Latex,
        _ => Format::Plain,
    };
    let kb = base();
    let config = Config::default();
    let mut cache = Cache::default();
    let first = analyze(kb, text, format, &config, &mut cache);
    check_ranges(text, &first);
    // An edit in the middle, then the warm analysis must equal a cold one.
    let mut mid = text.len() / 2;
    while !text.is_char_boundary(mid) {
        mid -= 1;
    }
    let edited = format!("{} Kirov was shot in 1934. {}", &text[..mid], &text[mid..]);
    let warm = analyze(kb, &edited, format, &config, &mut cache);
    let cold = analyze(kb, &edited, format, &config, &mut Cache::default());
    check_ranges(&edited, &warm);
    let shown = |a: &knowledge::Analysis| {
        a.findings.iter().map(|f| (f.code, f.range.clone(), f.message.clone())).collect::<Vec<_>>()
    };
    assert_eq!(shown(&warm), shown(&cold));
});
