//! Converts the embedded TOML packs to JSON at build time. Reading JSON at start-up is several
//! times faster than parsing TOML, and the TOML files stay the one source a teacher edits.

use std::{env, fs, path::Path};

/// The packs `base::EMBEDDED` embeds (a test checks that the two lists agree).
const PACKS: &[&str] = &[
    "sources",
    "vocab",
    "people",
    "people-more",
    "bodies",
    "terms",
    "places",
    "documents",
    "series",
    "events",
    "figures",
    "arguments",
];

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in PACKS {
        let src = format!("data/{name}.toml");
        println!("cargo:rerun-if-changed={src}");
        let text = fs::read_to_string(&src).unwrap_or_default();
        // A pack with a mistake becomes `null`: the loader then reads the TOML itself and
        // reports the mistake with its line and column.
        let json = match toml::from_str::<toml::Value>(&text) {
            Ok(v) => serde_json::to_string(&v).unwrap_or_else(|_| "null".into()),
            Err(_) => "null".into(),
        };
        fs::write(Path::new(&out).join(format!("{name}.json")), json).expect("OUT_DIR is writable");
    }
}
