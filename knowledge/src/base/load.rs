//! Reads TOML packs into a `KnowledgeBase`, reporting every mistake with file, line and column.
//!
//! Loading never fails as a whole: a file with a syntax error is skipped, an entry with an
//! error is skipped or loaded without the bad field, and everything else still loads. The
//! caller decides what to do with the errors (the server shows them, `kb check` exits 1).

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::date::{Date, When};
use super::index::Names;
use super::model::*;
use super::vocab::Vocab;
use super::{is_ordinary_word, KnowledgeBase, NameIndex};

/// One pack file's text and the name errors should carry (a path or `people.toml`).
#[derive(Clone, Debug)]
pub struct Pack {
    pub name: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file, self.line, self.column, self.message)
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    essay: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    person: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    body: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    term: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    event: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    figure: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    argument: Vec<Spanned<toml::Value>>,
    vocab: Option<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEssay {
    id: String,
    file: String,
    title: String,
    #[serde(default)]
    kind: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    essay: String,
    at: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVariant {
    field: String,
    value: String,
    essay: String,
    at: String,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole {
    title: String,
    office: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: String,
    name: String,
    full_name: Option<String>,
    kind: Option<String>,
    group: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    misspellings: Vec<String>,
    born: Option<String>,
    died: Option<String>,
    founded: Option<String>,
    dissolved: Option<String>,
    from: Option<String>,
    to: Option<String>,
    date: Option<String>,
    #[serde(default)]
    roles: Vec<RawRole>,
    successor: Option<String>,
    predecessor: Option<String>,
    #[serde(default)]
    actors: Vec<String>,
    #[serde(default)]
    cues: Vec<String>,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    related: Vec<String>,
    #[serde(default)]
    sources: Vec<RawSource>,
    #[serde(default)]
    variants: Vec<RawVariant>,
    record: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawValue {
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    #[serde(default)]
    approx: bool,
    #[serde(default)]
    source: String,
    essay: Option<String>,
    at: Option<String>,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigure {
    id: String,
    name: String,
    #[serde(default)]
    counts: String,
    #[serde(default)]
    unit: String,
    from: Option<String>,
    to: Option<String>,
    #[serde(default)]
    subjects: Vec<String>,
    #[serde(default)]
    cues: Vec<String>,
    values: Vec<RawValue>,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    related: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArgument {
    id: String,
    stance: String,
    #[serde(default)]
    theme: String,
    claim: String,
    #[serde(default)]
    cues: Vec<String>,
    #[serde(default)]
    evidence: Vec<String>,
    #[serde(default)]
    evidence_text: String,
    #[serde(default)]
    historians: Vec<String>,
    #[serde(default)]
    sources: Vec<RawSource>,
    #[serde(default)]
    counters: Vec<String>,
}

/// Position bookkeeping for one file: byte offsets to line and column, and finding a key
/// or value inside an entry's text so that semantic errors point at the right line.
struct FileCtx<'a> {
    name: &'a str,
    text: &'a str,
}

impl FileCtx<'_> {
    fn error_at(&self, offset: usize, message: impl Into<String>) -> LoadError {
        let offset = offset.min(self.text.len());
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        LoadError { file: self.name.to_string(), line, column, message: message.into() }
    }

    /// Error pointing at `needle` inside `span` (the entry's table), else at the table.
    fn error_in(&self, span: &Range<usize>, needle: &str, message: impl Into<String>) -> LoadError {
        let hay = self.text.get(span.clone()).unwrap_or("");
        let at = if needle.is_empty() { None } else { hay.find(needle) };
        self.error_at(span.start + at.unwrap_or(0), message)
    }
}

/// An entry as read, before ids are resolved to indices.
struct Pending<T> {
    raw: T,
    span: Range<usize>,
    file: usize,
}

#[derive(Default)]
struct Collected {
    essays: Vec<Pending<RawEssay>>,
    entries: Vec<(Kind, Pending<RawEntry>)>,
    figures: Vec<Pending<RawFigure>>,
    arguments: Vec<Pending<RawArgument>>,
    vocab: Vec<(Pending<toml::Value>, usize)>,
}

/// A pack as `build.rs` wrote it in JSON: the typed tables without spans.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct JsonFile {
    #[serde(default)]
    essay: Vec<RawEssay>,
    #[serde(default)]
    person: Vec<RawEntry>,
    #[serde(default)]
    body: Vec<RawEntry>,
    #[serde(default)]
    term: Vec<RawEntry>,
    #[serde(default)]
    event: Vec<RawEntry>,
    #[serde(default)]
    figure: Vec<RawFigure>,
    #[serde(default)]
    argument: Vec<RawArgument>,
    vocab: Option<toml::Value>,
}

/// An item's span: the parser may span only the `[[table]]` header, so extend it to the next
/// header.
fn item_span(ctx: &FileCtx, span: Range<usize>) -> Range<usize> {
    let start = span.start;
    let end = ctx.text[start + 1..].find("\n[").map_or(ctx.text.len(), |i| start + 1 + i);
    start..end.max(span.end)
}

fn read_items<T: for<'de> Deserialize<'de>>(
    ctx: &FileCtx,
    table: &str,
    items: Vec<Spanned<toml::Value>>,
    file: usize,
    errors: &mut Vec<LoadError>,
) -> Vec<Pending<T>> {
    let mut out = Vec::new();
    for item in items {
        let span = item_span(ctx, item.span());
        match T::deserialize(item.into_inner()) {
            Ok(raw) => out.push(Pending { raw, span, file }),
            Err(e) => {
                let msg = e.to_string();
                // serde names the offending field in backquotes; point at it when we can.
                let needle = msg.split('`').nth(1).map(|f| format!("{f} ")).unwrap_or_default();
                errors.push(ctx.error_in(
                    &span,
                    needle.trim_end(),
                    format!("in [[{table}]]: {}", msg.trim()),
                ));
            }
        }
    }
    out
}

impl KnowledgeBase {
    /// Loads packs from their JSON form (`json[i]` is `packs[i]` converted by `build.rs`). Any
    /// failure or load error sends it back to `load`, which reads the TOML and gives every
    /// error its line and column.
    pub(crate) fn load_prepared(
        packs: &[Pack],
        json: &[(&str, &str)],
    ) -> (KnowledgeBase, Vec<LoadError>) {
        let parsed: Vec<Option<JsonFile>> = std::thread::scope(|scope| {
            let handles: Vec<_> = json
                .iter()
                .map(|(_, j)| scope.spawn(move || serde_json::from_str::<JsonFile>(j).ok()))
                .collect();
            handles.into_iter().map(|h| h.join().ok().flatten()).collect()
        });
        if packs.len() != json.len() || parsed.iter().any(Option::is_none) {
            return KnowledgeBase::load(packs);
        }
        let mut col = Collected::default();
        for (file, f) in parsed.into_iter().flatten().enumerate() {
            let pending = |raw| Pending { raw, span: 0..0, file };
            col.essays.extend(f.essay.into_iter().map(pending));
            for (kind, items) in [
                (Kind::Person, f.person),
                (Kind::Body, f.body),
                (Kind::Term, f.term),
                (Kind::Event, f.event),
            ] {
                col.entries
                    .extend(items.into_iter().map(|raw| (kind, Pending { raw, span: 0..0, file })));
            }
            col.figures.extend(f.figure.into_iter().map(|raw| Pending { raw, span: 0..0, file }));
            col.arguments.extend(f.argument.into_iter().map(|raw| Pending {
                raw,
                span: 0..0,
                file,
            }));
            if let Some(v) = f.vocab {
                col.vocab.push((Pending { raw: v, span: 0..0, file }, file));
            }
        }
        let mut errors = Vec::new();
        let kb = resolve(packs, col, &mut errors);
        if !errors.is_empty() {
            return KnowledgeBase::load(packs);
        }
        (kb, errors)
    }

    /// Merges packs in order (later packs add to earlier ones) and validates the result.
    pub fn load(packs: &[Pack]) -> (KnowledgeBase, Vec<LoadError>) {
        let mut errors = Vec::new();
        let mut col = Collected::default();
        // Parsing is most of the time a pack takes: parse the packs on all cores.
        let parsed: Vec<Result<RawFile, toml::de::Error>> = std::thread::scope(|scope| {
            let handles: Vec<_> = packs
                .iter()
                .map(|p| scope.spawn(move || toml::from_str::<RawFile>(&p.text)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|_| Ok(RawFile::default())))
                .collect()
        });
        for ((fi, pack), raw) in packs.iter().enumerate().zip(parsed) {
            let ctx = FileCtx { name: &pack.name, text: &pack.text };
            let raw: RawFile = match raw {
                Ok(r) => r,
                Err(e) => {
                    let at = e.span().map_or(0, |s| s.start);
                    errors.push(ctx.error_at(at, e.message().trim().to_string()));
                    continue;
                }
            };
            col.essays.extend(read_items(&ctx, "essay", raw.essay, fi, &mut errors));
            for (kind, table, items) in [
                (Kind::Person, "person", raw.person),
                (Kind::Body, "body", raw.body),
                (Kind::Term, "term", raw.term),
                (Kind::Event, "event", raw.event),
            ] {
                for p in read_items::<RawEntry>(&ctx, table, items, fi, &mut errors) {
                    col.entries.push((kind, p));
                }
            }
            col.figures.extend(read_items(&ctx, "figure", raw.figure, fi, &mut errors));
            col.arguments.extend(read_items(&ctx, "argument", raw.argument, fi, &mut errors));
            if let Some(v) = raw.vocab {
                let span = v.span();
                col.vocab.push((Pending { raw: v.into_inner(), span, file: fi }, fi));
            }
        }
        let kb = resolve(packs, col, &mut errors);
        (kb, errors)
    }
}

fn parse_date(
    ctx: &FileCtx,
    span: &Range<usize>,
    field: &str,
    s: &Option<String>,
    errors: &mut Vec<LoadError>,
) -> Option<Date> {
    let s = s.as_ref()?;
    match Date::parse(s) {
        Ok(d) => Some(d),
        Err(msg) => {
            errors.push(ctx.error_in(span, &format!("\"{s}\""), format!("{field}: {msg}")));
            None
        }
    }
}

fn when(from: Option<Date>, to: Option<Date>) -> (Option<When>, Option<When>) {
    (from.map(When::at), to.map(When::at))
}

fn resolve(packs: &[Pack], col: Collected, errors: &mut Vec<LoadError>) -> KnowledgeBase {
    let ctxs: Vec<FileCtx> =
        packs.iter().map(|p| FileCtx { name: &p.name, text: &p.text }).collect();
    let mut kb = KnowledgeBase::empty();

    // Vocabulary: later packs extend earlier lists.
    for (p, fi) in col.vocab {
        match Vocab::deserialize(p.raw) {
            Ok(v) => kb.vocab.extend(v),
            Err(e) => errors.push(
                ctxs[fi].error_at(p.span.start, format!("in [vocab]: {}", e.to_string().trim())),
            ),
        }
    }

    for p in col.essays {
        if kb.essays.iter().any(|e| e.id == p.raw.id) {
            errors.push(ctxs[p.file].error_in(
                &p.span,
                &p.raw.id,
                format!("duplicate essay id `{}`", p.raw.id),
            ));
            continue;
        }
        kb.essays.push(Essay {
            id: p.raw.id,
            file: p.raw.file,
            title: p.raw.title,
            kind: p.raw.kind,
        });
    }

    // First pass: ids, so that references can point forwards and across files.
    let mut ids: HashMap<String, (usize, Range<usize>)> = HashMap::new();
    let mut keep = Vec::new();
    for (kind, p) in col.entries {
        let ctx = &ctxs[p.file];
        if let Some((f0, _)) = ids.get(&p.raw.id) {
            errors.push(ctx.error_in(
                &p.span,
                &format!("\"{}\"", p.raw.id),
                format!("duplicate id `{}` (already defined in {})", p.raw.id, packs[*f0].name),
            ));
            continue;
        }
        ids.insert(p.raw.id.clone(), (p.file, p.span.clone()));
        keep.push((kind, p));
    }
    let entry_index: HashMap<String, usize> =
        keep.iter().enumerate().map(|(i, (_, p))| (p.raw.id.clone(), i)).collect();
    // Every kept entry becomes entry `i` below, so the name index, which needs only their
    // spellings, is built on another core while the rest is resolved (after parsing it is the
    // largest part of loading).
    let names: Vec<Names> = keep
        .iter()
        .map(|(_, p)| Names {
            name: p.raw.name.clone(),
            full_name: p.raw.full_name.clone(),
            aliases: p.raw.aliases.clone(),
            misspellings: p.raw.misspellings.clone(),
        })
        .collect();
    let indexing = std::thread::spawn(move || {
        let mut clashes = Vec::new();
        let index = NameIndex::build_from(&names, &|w| is_ordinary_word(w), &mut |a, alias, b| {
            clashes.push((a, alias.to_string(), b))
        });
        (index, clashes)
    });
    let mut fig_index: HashMap<String, usize> = HashMap::new();
    for (i, p) in col.figures.iter().enumerate() {
        if ids.contains_key(&p.raw.id) || fig_index.contains_key(&p.raw.id) {
            errors.push(ctxs[p.file].error_in(
                &p.span,
                &format!("\"{}\"", p.raw.id),
                format!("duplicate id `{}`", p.raw.id),
            ));
        } else {
            fig_index.insert(p.raw.id.clone(), i);
        }
    }
    let mut arg_index: HashMap<String, usize> = HashMap::new();
    for (i, p) in col.arguments.iter().enumerate() {
        if ids.contains_key(&p.raw.id)
            || fig_index.contains_key(&p.raw.id)
            || arg_index.contains_key(&p.raw.id)
        {
            errors.push(ctxs[p.file].error_in(
                &p.span,
                &format!("\"{}\"", p.raw.id),
                format!("duplicate id `{}`", p.raw.id),
            ));
        } else {
            arg_index.insert(p.raw.id.clone(), i);
        }
    }
    let essay_ids: Vec<String> = kb.essays.iter().map(|e| e.id.clone()).collect();

    let refs = |ctx: &FileCtx,
                span: &Range<usize>,
                field: &str,
                list: &[String],
                errors: &mut Vec<LoadError>|
     -> Vec<usize> {
        let mut out = Vec::new();
        for r in list {
            match entry_index.get(r) {
                Some(&i) => out.push(i),
                // `related` may name a figure or an argument; cards link entries only.
                None if field == "related"
                    && (fig_index.contains_key(r) || arg_index.contains_key(r)) => {}
                None => errors.push(ctx.error_in(
                    span,
                    &format!("\"{r}\""),
                    format!("{field}: no entry has the id `{r}`"),
                )),
            }
        }
        out
    };
    let check_sources = |ctx: &FileCtx,
                         span: &Range<usize>,
                         sources: &[RawSource],
                         errors: &mut Vec<LoadError>|
     -> Vec<Source> {
        let mut out = Vec::new();
        for s in sources {
            if !essay_ids.is_empty() && !essay_ids.contains(&s.essay) {
                errors.push(ctx.error_in(
                    span,
                    &format!("\"{}\"", s.essay),
                    format!("sources: there is no essay `{}`", s.essay),
                ));
                continue;
            }
            if s.at.trim().is_empty() {
                errors.push(ctx.error_in(
                    span,
                    "at",
                    "sources: `at` must quote a phrase from the essay",
                ));
                continue;
            }
            out.push(Source { essay: s.essay.clone(), at: s.at.clone() });
        }
        out
    };

    // Second pass: entries.
    for (kind, p) in keep {
        let ctx = &ctxs[p.file];
        let r = p.raw;
        let span = &p.span;
        let misplaced = |field: &str, present: bool, errors: &mut Vec<LoadError>| {
            if present {
                errors.push(ctx.error_in(
                    span,
                    &format!("{field} "),
                    format!("field `{field}` does not belong on a [[{}]]", kind.label()),
                ));
            }
        };
        let d = |field: &str, v: &Option<String>, errors: &mut Vec<LoadError>| {
            parse_date(ctx, span, field, v, errors)
        };
        let (start, end) = match kind {
            Kind::Person => {
                misplaced("founded", r.founded.is_some(), errors);
                misplaced("dissolved", r.dissolved.is_some(), errors);
                misplaced("date", r.date.is_some(), errors);
                when(d("born", &r.born, errors), d("died", &r.died, errors))
            }
            Kind::Body => {
                misplaced("born", r.born.is_some(), errors);
                misplaced("died", r.died.is_some(), errors);
                misplaced("date", r.date.is_some(), errors);
                let f = d("founded", &r.founded, errors).or(d("from", &r.from, errors));
                let t = d("dissolved", &r.dissolved, errors).or(d("to", &r.to, errors));
                when(f, t)
            }
            Kind::Term => {
                misplaced("born", r.born.is_some(), errors);
                misplaced("died", r.died.is_some(), errors);
                misplaced("date", r.date.is_some(), errors);
                when(d("from", &r.from, errors), d("to", &r.to, errors))
            }
            Kind::Event => {
                misplaced("born", r.born.is_some(), errors);
                misplaced("died", r.died.is_some(), errors);
                let f = d("date", &r.date, errors).or(d("from", &r.from, errors));
                if r.date.is_some() && r.from.is_some() {
                    errors.push(ctx.error_in(
                        span,
                        "from ",
                        "give either `date` or `from`/`to`, not both",
                    ));
                }
                when(f, d("to", &r.to, errors))
            }
        };
        if let (Some(s), Some(e)) = (start, end) {
            if e.span().hi < s.span().lo {
                errors.push(ctx.error_in(
                    span,
                    "",
                    format!("`{}` ends ({}) before it begins ({})", r.id, e.from, s.from),
                ));
            }
        }
        let roles = r
            .roles
            .iter()
            .map(|role| {
                let office = role.office.as_ref().and_then(|o| {
                    refs(ctx, span, "roles.office", std::slice::from_ref(o), errors)
                        .first()
                        .copied()
                });
                Role {
                    title: role.title.clone(),
                    office,
                    from: d("roles.from", &role.from, errors).map(When::at),
                    to: d("roles.to", &role.to, errors).map(When::at),
                }
            })
            .collect();
        let one = |field: &str, v: &Option<String>, errors: &mut Vec<LoadError>| {
            v.as_ref().filter(|s| !s.is_empty()).and_then(|s| {
                refs(ctx, span, field, std::slice::from_ref(s), errors).first().copied()
            })
        };
        let subkind = match kind {
            Kind::Person => r.group.clone().unwrap_or_default(),
            _ => r.kind.clone().unwrap_or_default(),
        };
        if kind == Kind::Term {
            const TERM_KINDS: &[&str] =
                &["policy", "idea", "period", "document", "office", "place", "group", "other"];
            if !subkind.is_empty() && !TERM_KINDS.contains(&subkind.as_str()) {
                errors.push(ctx.error_in(
                    span,
                    &format!("\"{subkind}\""),
                    format!("kind `{subkind}` is not one of {}", TERM_KINDS.join(", ")),
                ));
            }
        }
        let entry = Entry {
            id: r.id.clone(),
            kind,
            subkind,
            name: r.name.clone(),
            full_name: r.full_name.clone(),
            aliases: r.aliases.clone(),
            misspellings: r.misspellings.clone(),
            start,
            end,
            roles,
            successor: one("successor", &r.successor, errors),
            predecessor: one("predecessor", &r.predecessor, errors),
            actors: refs(ctx, span, "actors", &r.actors, errors),
            cues: r.cues.iter().map(|c| c.to_lowercase()).collect(),
            summary: r.summary.trim().to_string(),
            related: refs(ctx, span, "related", &r.related, errors),
            sources: check_sources(ctx, span, &r.sources, errors),
            variants: r
                .variants
                .iter()
                .filter_map(|v| {
                    if !essay_ids.is_empty() && !essay_ids.contains(&v.essay) {
                        errors.push(ctx.error_in(
                            span,
                            &format!("\"{}\"", v.essay),
                            format!("variants: there is no essay `{}`", v.essay),
                        ));
                        return None;
                    }
                    Some(Variant {
                        field: v.field.clone(),
                        value: v.value.clone(),
                        essay: v.essay.clone(),
                        at: v.at.clone(),
                        note: v.note.clone(),
                    })
                })
                .collect(),
            record: r.record.clone(),
            origin: packs[p.file].name.clone(),
        };
        kb.entries.push(entry);
    }

    for p in col.figures {
        let ctx = &ctxs[p.file];
        let r = p.raw;
        let span = &p.span;
        if !fig_index.get(&r.id).is_some_and(|_| true) {
            continue;
        }
        let from = parse_date(ctx, span, "from", &r.from, errors);
        let to = parse_date(ctx, span, "to", &r.to, errors);
        let mut values = Vec::new();
        for v in &r.values {
            let (low, high) = match (v.value, v.low, v.high) {
                (Some(x), None, None) => (x, x),
                (None, Some(l), Some(h)) if l <= h => (l, h),
                _ => {
                    errors.push(ctx.error_in(span, "values", format!("figure `{}`: each value needs `value = N` or `low = N, high = N` (low <= high)", r.id)));
                    continue;
                }
            };
            if let Some(e) = &v.essay {
                if !essay_ids.is_empty() && !essay_ids.contains(e) {
                    errors.push(ctx.error_in(
                        span,
                        &format!("\"{e}\""),
                        format!("values: there is no essay `{e}`"),
                    ));
                }
            }
            if v.source.is_empty() && v.essay.is_none() {
                errors.push(ctx.error_in(
                    span,
                    "values",
                    format!("figure `{}`: every value needs a `source` or an `essay`", r.id),
                ));
            }
            values.push(FigureValue {
                low,
                high,
                approx: v.approx,
                source: v.source.clone(),
                essay: v.essay.clone(),
                at: v.at.clone(),
                note: v.note.clone(),
            });
        }
        if values.is_empty() {
            errors.push(ctx.error_in(span, "", format!("figure `{}` has no values", r.id)));
            continue;
        }
        kb.figures.push(Figure {
            id: r.id.clone(),
            name: r.name,
            counts: r.counts,
            unit: r.unit,
            when: from.map(|f| When { from: f, to }),
            subjects: refs(ctx, span, "subjects", &r.subjects, errors),
            cues: r.cues.iter().map(|c| c.to_lowercase()).collect(),
            values,
            summary: r.summary.trim().to_string(),
            related: refs(ctx, span, "related", &r.related, errors),
            origin: packs[p.file].name.clone(),
        });
    }

    let figure_pos: HashMap<String, usize> =
        kb.figures.iter().enumerate().map(|(i, f)| (f.id.clone(), i)).collect();
    let arg_ids: Vec<String> = col.arguments.iter().map(|p| p.raw.id.clone()).collect();
    let mut pending_counters = Vec::new();
    for p in col.arguments {
        let ctx = &ctxs[p.file];
        let r = p.raw;
        let span = &p.span;
        let stance = match r.stance.as_str() {
            "continuity" => Stance::Continuity,
            "rupture" => Stance::Rupture,
            other => {
                errors.push(ctx.error_in(
                    span,
                    &format!("\"{other}\""),
                    format!("stance `{other}` must be `continuity` or `rupture`"),
                ));
                continue;
            }
        };
        let mut evidence = Vec::new();
        let mut evidence_figures = Vec::new();
        for e in &r.evidence {
            if let Some(&i) = entry_index.get(e) {
                evidence.push(i);
            } else if let Some(&i) = figure_pos.get(e) {
                evidence_figures.push(i);
            } else {
                errors.push(ctx.error_in(
                    span,
                    &format!("\"{e}\""),
                    format!("evidence: no entry or figure has the id `{e}`"),
                ));
            }
        }
        pending_counters.push((kb.arguments.len(), p.file, span.clone(), r.counters.clone()));
        kb.arguments.push(Argument {
            id: r.id.clone(),
            stance,
            theme: r.theme,
            claim: r.claim.trim().to_string(),
            cues: r.cues.iter().map(|c| c.to_lowercase()).collect(),
            evidence,
            evidence_figures,
            evidence_text: r.evidence_text.trim().to_string(),
            historians: refs(ctx, span, "historians", &r.historians, errors),
            sources: check_sources(ctx, span, &r.sources, errors),
            counters: Vec::new(),
            origin: packs[p.file].name.clone(),
        });
    }
    let _ = arg_ids;
    let arg_pos: HashMap<String, usize> =
        kb.arguments.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
    for (ai, fi, span, counters) in pending_counters {
        for c in counters {
            match arg_pos.get(&c) {
                Some(&j) if j != ai => kb.arguments[ai].counters.push(j),
                Some(_) => errors.push(ctxs[fi].error_in(
                    &span,
                    &format!("\"{c}\""),
                    format!("counters: argument `{c}` cannot counter itself"),
                )),
                None => errors.push(ctxs[fi].error_in(
                    &span,
                    &format!("\"{c}\""),
                    format!("counters: no argument has the id `{c}`"),
                )),
            }
        }
    }

    let (index, clashes) = indexing.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    kb.index = index;
    for (a, alias, b) in clashes {
        errors.push(kb_alias_error(packs, &kb.entries[a], &alias, &kb.entries[b]));
    }
    kb.finish();
    kb
}

fn kb_alias_error(packs: &[Pack], entry: &Entry, alias: &str, other: &Entry) -> LoadError {
    let pack = packs.iter().find(|p| p.name == entry.origin);
    let ctx = FileCtx { name: &entry.origin, text: pack.map_or("", |p| p.text.as_str()) };
    let id_at = ctx.text.find(&format!("\"{}\"", entry.id)).unwrap_or(0);
    let at = ctx.text[id_at..].find(&format!("\"{alias}\"")).map_or(id_at, |o| id_at + o);
    ctx.error_at(
        at,
        format!("alias `{alias}` of `{}` is already claimed by `{}`", entry.id, other.id),
    )
}
