//! The `clio.*` settings: parsed leniently, so that one setting of the wrong type is reported
//! and the rest still apply.

use std::collections::HashMap;

use knowledge::{Code, Config, Finding, Severity};
use serde_json::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Off,
    Is(Severity),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub checks: HashMap<Code, bool>,
    pub severity: HashMap<Code, Level>,
    pub knowledge_paths: Vec<String>,
    pub ignore_words: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            checks: Code::ALL.iter().map(|c| (*c, true)).collect(),
            severity: HashMap::new(),
            knowledge_paths: Vec::new(),
            ignore_words: Vec::new(),
        }
    }
}

impl Settings {
    /// Whether findings of `code` are wanted: its check is on and its severity is not "off".
    pub fn enabled(&self, code: Code) -> bool {
        self.checks.get(&code).copied().unwrap_or(true)
            && self.severity.get(&code) != Some(&Level::Off)
    }

    /// Reads settings from a JSON value that is either the `clio` object itself or an object
    /// holding it under `clio`. Returns the settings and one message per bad value.
    pub fn from_json(v: &Value) -> (Settings, Vec<String>) {
        let mut s = Settings::default();
        let mut errors = Vec::new();
        let v = match v.get("clio") {
            Some(inner) => inner,
            None => v,
        };
        let Some(obj) = v.as_object() else {
            if !v.is_null() {
                errors.push(format!("clio settings should be an object, not {}", kind(v)));
            }
            return (s, errors);
        };
        // Accept both nested objects and flat dotted keys ("checks.dubiousDate").
        let nested = |path: &str| -> Option<&Value> {
            let mut cur = v;
            for part in path.split('.') {
                cur = cur.get(part)?;
            }
            Some(cur)
        };
        let getp = |path: &str| nested(path).or_else(|| obj.get(path));
        match getp("checks") {
            Some(Value::Object(_)) | None => {}
            Some(other) => errors
                .push(format!("clio.checks should be an object of booleans, not {}", kind(other))),
        }
        for code in Code::ALL {
            let key = format!("checks.{}", code.setting());
            if let Some(x) = getp(&key) {
                match x {
                    Value::Bool(b) => {
                        s.checks.insert(code, *b);
                    }
                    other => errors
                        .push(format!("clio.{key} should be true or false, not {}", kind(other))),
                }
            }
        }
        match getp("severity") {
            Some(Value::Object(map)) => {
                for (k, x) in map {
                    let Some(code) = Code::parse(k) else {
                        errors.push(format!("clio.severity: unknown diagnostic code `{k}`"));
                        continue;
                    };
                    match x.as_str().and_then(level) {
                        Some(l) => {
                            s.severity.insert(code, l);
                        }
                        None => errors.push(format!(
                            "clio.severity.{k} should be \"error\", \"warning\", \"information\", \"hint\" or \"off\", not {}",
                            kind(x)
                        )),
                    }
                }
            }
            None => {}
            Some(other) => {
                errors.push(format!("clio.severity should be an object, not {}", kind(other)))
            }
        }
        s.knowledge_paths = strings(getp("knowledge.paths"), "clio.knowledge.paths", &mut errors);
        s.ignore_words = strings(getp("ignoreWords"), "clio.ignoreWords", &mut errors);
        (s, errors)
    }

    /// Reads settings from a `clio.toml`: the same keys as the `clio.*` settings, at the top
    /// level or under `[clio]` (`[checks]`, `[severity]`, `knowledge.paths`, `ignoreWords`).
    pub fn from_toml(text: &str) -> (Settings, Vec<String>) {
        match toml::from_str::<toml::Table>(text) {
            Ok(v) => match serde_json::to_value(v) {
                Ok(json) => Settings::from_json(&json),
                Err(e) => (Settings::default(), vec![e.to_string()]),
            },
            Err(e) => (Settings::default(), vec![e.to_string().trim_end().to_string()]),
        }
    }
}

/// A `clio.severity.*` value, in any case.
pub fn level(name: &str) -> Option<Level> {
    match name.to_ascii_lowercase().as_str() {
        "error" => Some(Level::Is(Severity::Error)),
        "warning" => Some(Level::Is(Severity::Warning)),
        "information" | "info" => Some(Level::Is(Severity::Information)),
        "hint" => Some(Level::Is(Severity::Hint)),
        "off" | "none" => Some(Level::Off),
        _ => None,
    }
}

/// The settings as analysis and publishing use them, decided once whenever the settings or
/// the workspace's ignore lists change: which checks run and which words are ignored (the
/// analysis config), and the severity each finding is published with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rules {
    pub config: Config,
    /// Severities set in `clio.severity`; other codes keep each finding's own.
    severity: HashMap<Code, Severity>,
}

impl Rules {
    /// `workspace_words` are the words of the workspace's `.clio/ignore.txt` files.
    pub fn new(settings: &Settings, workspace_words: &[String]) -> Rules {
        let disabled = Code::ALL.into_iter().filter(|c| !settings.enabled(*c)).collect();
        let ignore_words =
            settings.ignore_words.iter().chain(workspace_words).map(|w| w.to_lowercase()).collect();
        let severity = settings
            .severity
            .iter()
            .filter_map(|(code, l)| match l {
                Level::Is(s) => Some((*code, *s)),
                Level::Off => None,
            })
            .collect();
        Rules { config: Config { disabled, ignore_words, without_balance: false }, severity }
    }

    /// The severity to publish `f` with.
    pub fn severity(&self, f: &Finding) -> Severity {
        self.severity.get(&f.code).copied().unwrap_or(f.severity)
    }
}

fn strings(v: Option<&Value>, name: &str, errors: &mut Vec<String>) -> Vec<String> {
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => {
            let mut out = Vec::new();
            for x in items {
                match x.as_str() {
                    Some(s) => out.push(s.to_string()),
                    None => {
                        errors.push(format!("{name} should list strings; ignoring {}", kind(x)))
                    }
                }
            }
            out
        }
        Some(other) => {
            errors.push(format!("{name} should be a list of strings, not {}", kind(other)));
            Vec::new()
        }
    }
}

fn kind(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string \"{s}\""),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn wrong_types_are_reported_and_the_rest_applies() {
        let (s, errs) = Settings::from_json(&json!({"clio": {
            "checks": {"dubiousDate": "yes", "misspelledName": false},
            "severity": {"dubious-date": "error", "anachronism": 3},
            "ignoreWords": ["Koba", 7],
            "knowledge": {"paths": "/tmp/x"}
        }}));
        assert!(s.enabled(Code::DubiousDate));
        assert!(!s.enabled(Code::MisspelledName));
        let rules = Rules::new(&s, &[]);
        let date = Finding::new(Code::DubiousDate, 0..4, String::new());
        assert_eq!(rules.severity(&date), Severity::Error);
        assert_eq!(s.ignore_words, vec!["Koba"]);
        assert_eq!(errs.len(), 4, "{errs:?}");
    }

    #[test]
    fn rules_decide_checks_words_and_severities_once() {
        let (s, errs) = Settings::from_json(&json!({
            "checks": {"anachronism": false},
            "severity": {"counterargument": "off", "misspelled-name": "Hint"},
            "ignoreWords": ["Koba"]
        }));
        assert!(errs.is_empty(), "{errs:?}");
        let rules = Rules::new(&s, &["Ilyich".to_string()]);
        let mut disabled: Vec<_> = rules.config.disabled.iter().map(|c| c.as_str()).collect();
        disabled.sort();
        assert_eq!(disabled, ["anachronism", "counterargument"]);
        let mut words: Vec<_> = rules.config.ignore_words.iter().cloned().collect();
        words.sort();
        assert_eq!(words, ["ilyich", "koba"]);
        let name = Finding::new(Code::MisspelledName, 0..4, String::new());
        assert_eq!(rules.severity(&name), Severity::Hint);
        // A quoted date keeps the severity the analysis gave it.
        let mut date = Finding::new(Code::DubiousDate, 0..4, String::new());
        date.severity = Severity::Information;
        assert_eq!(rules.severity(&date), Severity::Information);
        assert_eq!(Rules::new(&Settings::default(), &[]), Rules::default());
    }

    #[test]
    fn a_clio_toml_holds_the_same_settings() {
        let (s, errs) = Settings::from_toml(
            "ignoreWords = [\"Koba\"]\n[checks]\nanachronism = false\n\
             [severity]\n\"dubious-date\" = \"error\"\n[knowledge]\npaths = [\"packs\"]\n",
        );
        assert!(errs.is_empty(), "{errs:?}");
        let (same, _) = Settings::from_json(&serde_json::json!({
            "ignoreWords": ["Koba"], "checks": {"anachronism": false},
            "severity": {"dubious-date": "error"}, "knowledge": {"paths": ["packs"]}
        }));
        assert_eq!(s, same);
        let (_, errs) = Settings::from_toml("[checks]\nanachronism = \"no\"\n");
        assert_eq!(
            errs,
            ["clio.checks.anachronism should be true or false, not the string \"no\""]
        );
        let (_, errs) = Settings::from_toml("[checks\n");
        assert_eq!(errs.len(), 1);
        assert!(errs[0].contains("line 1"), "{errs:?}");
    }

    #[test]
    fn flat_keys_and_off() {
        let (s, errs) = Settings::from_json(
            &json!({"checks.anachronism": false, "severity": {"counterargument": "off"}}),
        );
        assert!(errs.is_empty());
        assert!(!s.enabled(Code::Anachronism));
        assert!(!s.enabled(Code::Counterargument));
    }
}
