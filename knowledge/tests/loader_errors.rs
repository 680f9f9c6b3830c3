//! The loader's errors, one test per kind of mistake a teacher can make in a pack: each names
//! file, line and column, and the rest of the knowledge still loads.

use knowledge::{KnowledgeBase, Pack};

fn load(text: &str) -> (KnowledgeBase, Vec<String>) {
    let packs = vec![Pack { name: "teacher.toml".into(), text: text.into() }];
    let (kb, errors) = KnowledgeBase::load(&packs);
    (kb, errors.iter().map(|e| e.to_string()).collect())
}

const GOOD: &str = r#"
[[person]]
id = "kirov"
name = "Sergei Kirov"
aliases = ["Kirov"]
born = "1886-03-27"
died = "1934-12-01"
summary = "Leningrad party chief."
"#;

#[test]
fn a_good_pack_loads_cleanly() {
    let (kb, errors) = load(GOOD);
    assert!(errors.is_empty(), "{errors:?}");
    assert!(kb.find("Kirov's").is_some());
}

#[test]
fn bad_syntax_names_the_line_and_skips_only_that_file() {
    let packs = vec![
        Pack { name: "broken.toml".into(), text: "[[person]]\nid = \"x\nname = 1\n".into() },
        Pack { name: "good.toml".into(), text: GOOD.into() },
    ];
    let (kb, errors) = KnowledgeBase::load(&packs);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].to_string().starts_with("broken.toml:2:"), "{}", errors[0]);
    assert!(kb.find("Kirov").is_some(), "the good pack still loads");
}

#[test]
fn unknown_field_is_named() {
    let (kb, errors) = load(&format!(
        "{GOOD}\n[[person]]\nid = \"lenin\"\nname = \"Lenin\"\nbirthday = \"1870\"\n"
    ));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("birthday") && errors[0].starts_with("teacher.toml:13:"),
        "{}",
        errors[0]
    );
    assert!(kb.find("Kirov").is_some());
}

#[test]
fn impossible_date() {
    let (kb, errors) = load(&GOOD.replace("1934-12-01", "1934-02-31"));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("impossible") && errors[0].starts_with("teacher.toml:7:"),
        "{}",
        errors[0]
    );
    assert!(kb.find("Kirov").is_some(), "the entry loads without the bad date");
}

#[test]
fn duplicate_id() {
    let (_, errors) = load(&format!(
        "{GOOD}{}",
        GOOD.replace("Sergei Kirov", "Kirov again").replace("[\"Kirov\"]", "[]")
    ));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("duplicate id `kirov`"), "{}", errors[0]);
}

#[test]
fn alias_claimed_by_two_entries() {
    let (_, errors) = load(&format!(
        "{GOOD}\n[[person]]\nid = \"kostrikov\"\nname = \"Kostrikov\"\naliases = [\"Kirov\"]\n"
    ));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("alias `Kirov` of `kostrikov` is already claimed by `kirov`"),
        "{}",
        errors[0]
    );
    assert!(errors[0].starts_with("teacher.toml:13:"), "{}", errors[0]);
}

#[test]
fn reference_to_a_missing_entry() {
    let (_, errors) = load(&GOOD.replace("summary", "related = [\"nikolaev\"]\nsummary"));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("no entry has the id `nikolaev`")
            && errors[0].starts_with("teacher.toml:8:"),
        "{}",
        errors[0]
    );
}

#[test]
fn unknown_essay_in_sources() {
    let packs = vec![
        Pack {
            name: "sources.toml".into(),
            text: "[[essay]]\nid = \"000\"\nfile = \"a.txt\"\ntitle = \"A\"\n".into(),
        },
        Pack {
            name: "teacher.toml".into(),
            text: GOOD
                .replace("summary", "sources = [{ essay = \"009\", at = \"Kirov\" }]\nsummary"),
        },
    ];
    let (_, errors) = KnowledgeBase::load(&packs);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].to_string().contains("there is no essay `009`"));
}

#[test]
fn field_on_the_wrong_kind_of_entry() {
    let (_, errors) = load("[[body]]\nid = \"cheka\"\nname = \"Cheka\"\nborn = \"1917\"\n");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("does not belong on a [[body]]"), "{}", errors[0]);
}

#[test]
fn figure_without_values_and_bad_stance() {
    let (_, errors) = load("[[figure]]\nid = \"f\"\nname = \"F\"\nvalues = []\n\n[[argument]]\nid = \"a\"\nstance = \"maybe\"\nclaim = \"x\"\n");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].contains("has no values"));
    assert!(errors[1].contains("stance `maybe`"));
}

#[test]
fn ends_before_it_begins() {
    let (_, errors) = load(&GOOD.replace("1886-03-27", "1936-03-27"));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("ends"), "{}", errors[0]);
}

#[test]
fn a_calendar_change_needs_a_day() {
    let (kb, errors) = load("[vocab]\nold_style = { until = \"1918-02\", days = 13 }\n");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("teacher.toml:1:"), "{}", errors[0]);
    assert!(errors[0].contains("needs a day"), "{}", errors[0]);
    assert!(kb.vocab.old_style.is_none());
    let (kb, errors) = load("[vocab]\nold_style = { until = \"1918-02-14\", days = 13 }\n");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(kb.vocab.old_style.map(|c| c.days), Some(13));
}

/// Two arguments on each side of a sub-question, the first countering the second.
const ARGUMENTS: &str = r#"
[[argument]]
id = "cheka-continuity"
stance = "continuity"
question = "terror.origins"
gist = "Lenin built the Cheka."
claim = "Lenin built the machinery of terror."
counters = ["scale-rupture"]
answers = ["comparison"]

[[argument]]
id = "scale-rupture"
stance = "rupture"
theme = "terror"
question = "terror.scale"
claim = "Stalin's terror was far greater."
counters = ["cheka-continuity"]
"#;

#[test]
fn arguments_take_their_theme_from_their_question() {
    let (kb, errors) = load(ARGUMENTS);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(kb.arguments[0].theme, "terror");
    assert_eq!(kb.arguments[0].question, "terror.origins");
    assert_eq!(kb.arguments[0].answers.len(), 1);
}

#[test]
fn a_counter_of_the_same_side_is_refused() {
    let text = ARGUMENTS.replace("stance = \"rupture\"", "stance = \"continuity\"");
    let (kb, errors) = load(&text);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].contains("argues continuity too"), "{}", errors[0]);
    assert!(errors[0].starts_with("teacher.toml:8:"), "{}", errors[0]);
    assert!(kb.arguments.iter().all(|a| a.counters.is_empty()));
}

#[test]
fn a_question_under_another_theme_and_an_unknown_shape_are_named() {
    let text = ARGUMENTS
        .replace("question = \"terror.scale\"", "question = \"economy.scale\"")
        .replace("answers = [\"comparison\"]", "answers = [\"comparison\", \"sarcasm\"]");
    let (_, errors) = load(&text);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors.iter().any(|e| e.contains("`sarcasm` is not a claim shape")), "{errors:?}");
    assert!(
        errors.iter().any(|e| e.contains("must start with its theme `terror.`")
            && e.starts_with("teacher.toml:15:")),
        "{errors:?}"
    );
}
