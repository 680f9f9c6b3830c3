//! Turns the packs' raw tables into a validated `KnowledgeBase`: ids resolved to indices,
//! dates parsed, fields checked against their kind, generated name forms added, and every
//! mistake reported with its file, line and column. A bad field or entry never stops the rest.

use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

use serde::Deserialize;

use super::date::{Date, When};
use super::index::Names;
use super::load::{Collected, FileCtx, LoadError, Pack, Pending};
use super::model::*;
use super::names::generated_names;
use super::raw::{RawArgument, RawEntry, RawFigure, RawSource};
use super::vocab::Vocab;
use super::{is_ordinary_word, KnowledgeBase, NameIndex};

const TERM_KINDS: &[&str] =
    &["policy", "idea", "period", "document", "office", "place", "group", "series", "other"];
const PLACE_KINDS: &[&str] = &[
    "city", "town", "village", "region", "country", "republic", "river", "sea", "lake", "island",
    "mountain", "building", "camp", "prison", "site", "other",
];
const DOCUMENT_KINDS: &[&str] = &[
    "book",
    "pamphlet",
    "article",
    "speech",
    "report",
    "letter",
    "theses",
    "decree",
    "law",
    "resolution",
    "order",
    "treaty",
    "constitution",
    "platform",
    "programme",
    "novel",
    "memoir",
    "other",
];
const DEATH_BY: &[&str] =
    &["execution", "assassination", "suicide", "illness", "natural", "killed", "unknown"];

/// Ids of everything an entry may point at, and the essays sources may cite.
pub(super) struct Refs<'a> {
    pub(super) entries: &'a FxHashMap<String, usize>,
    figures: &'a FxHashMap<String, usize>,
    arguments: &'a FxHashMap<String, usize>,
    essays: Vec<String>,
}

/// One raw table being resolved: where it is, for error positions.
pub(super) struct At<'a> {
    pub(super) ctx: &'a FileCtx<'a>,
    pub(super) span: &'a Range<usize>,
}

impl At<'_> {
    pub(super) fn error(&self, needle: &str, message: impl Into<String>) -> LoadError {
        self.ctx.error_in(self.span, needle, message)
    }

    fn date(&self, field: &str, v: &Option<String>, errors: &mut Vec<LoadError>) -> Option<Date> {
        let s = v.as_ref()?;
        match Date::parse(s) {
            Ok(d) => Some(d),
            Err(msg) => {
                errors.push(self.error(&format!("\"{s}\""), format!("{field}: {msg}")));
                None
            }
        }
    }

    fn check_in(&self, field: &str, value: &str, allowed: &[&str], errors: &mut Vec<LoadError>) {
        if !allowed.contains(&value) {
            errors.push(self.error(
                &format!("\"{value}\""),
                format!("{field} `{value}` is not one of {}", allowed.join(", ")),
            ));
        }
    }
}

impl Refs<'_> {
    /// Entry ids to indices; an unknown id is an error (`related` may also name a figure or an
    /// argument, which cards do not link).
    pub(super) fn entries(
        &self,
        at: &At,
        field: &str,
        list: &[String],
        errors: &mut Vec<LoadError>,
    ) -> Vec<usize> {
        let mut out = Vec::new();
        for r in list {
            match self.entries.get(r) {
                Some(&i) => out.push(i),
                None if field == "related"
                    && (self.figures.contains_key(r) || self.arguments.contains_key(r)) => {}
                None => errors.push(
                    at.error(&format!("\"{r}\""), format!("{field}: no entry has the id `{r}`")),
                ),
            }
        }
        out
    }

    fn one(
        &self,
        at: &At,
        field: &str,
        v: &Option<String>,
        errors: &mut Vec<LoadError>,
    ) -> Option<usize> {
        let v = v.as_ref().filter(|s| !s.is_empty())?;
        self.entries(at, field, std::slice::from_ref(v), errors).first().copied()
    }

    fn essay_known(&self, essay: &str) -> bool {
        self.essays.is_empty() || self.essays.iter().any(|e| e == essay)
    }

    pub(super) fn sources(
        &self,
        at: &At,
        sources: &[RawSource],
        errors: &mut Vec<LoadError>,
    ) -> Vec<Source> {
        let mut out = Vec::new();
        for s in sources {
            if !self.essay_known(&s.essay) {
                errors.push(at.error(
                    &format!("\"{}\"", s.essay),
                    format!("sources: there is no essay `{}`", s.essay),
                ));
            } else if s.at.trim().is_empty() {
                errors.push(at.error("at", "sources: `at` must quote a phrase from the essay"));
            } else {
                out.push(Source { essay: s.essay.clone(), at: s.at.clone() });
            }
        }
        out
    }
}

pub(super) fn resolve(
    packs: &[Pack],
    col: Collected,
    errors: &mut Vec<LoadError>,
) -> KnowledgeBase {
    let ctxs: Vec<FileCtx> =
        packs.iter().map(|p| FileCtx { name: &p.name, text: &p.text }).collect();
    let mut kb = KnowledgeBase::empty();
    load_vocab(&mut kb, &ctxs, col.vocab, errors);
    load_essays(&mut kb, &ctxs, col.essays, errors);

    let keep = unique_entries(packs, &ctxs, col.entries, errors);
    let entry_index: FxHashMap<String, usize> =
        keep.iter().enumerate().map(|(i, (_, p))| (p.raw.id.clone(), i)).collect();
    // Every kept entry becomes entry `i` below, so the name index, which needs only their
    // spellings, is built on another core while the rest is resolved (after parsing it is the
    // largest part of loading).
    let names = index_names(&keep, &entry_index);
    let indexing = std::thread::spawn(move || {
        let mut clashes = Vec::new();
        let index = NameIndex::build_from(&names, &|w| is_ordinary_word(w), &mut |a, alias, b| {
            clashes.push((a, alias.to_string(), b))
        });
        (index, clashes)
    });
    let mut taken: FxHashSet<&str> = keep.iter().map(|(_, p)| p.raw.id.as_str()).collect();
    let fig_index = unique_ids(&ctxs, &col.figures, |f: &RawFigure| &f.id, &mut taken, errors);
    let arg_index = unique_ids(&ctxs, &col.arguments, |a: &RawArgument| &a.id, &mut taken, errors);
    let refs = Refs {
        entries: &entry_index,
        figures: &fig_index,
        arguments: &arg_index,
        essays: kb.essays.iter().map(|e| e.id.clone()).collect(),
    };
    let mut entries = Vec::with_capacity(keep.len());
    for (kind, p) in keep {
        let at = At { ctx: &ctxs[p.file], span: &p.span };
        let entry = resolve_entry(&at, &refs, kind, p.raw, &packs[p.file].name, errors);
        entries.push(entry);
    }
    kb.entries = entries.into();
    for (i, p) in col.figures.into_iter().enumerate() {
        // A figure whose id was already taken is dropped (the error is reported above).
        if fig_index.get(&p.raw.id) == Some(&i) {
            let at = At { ctx: &ctxs[p.file], span: &p.span };
            if let Some(f) = resolve_figure(&at, &refs, p.raw, &packs[p.file].name, errors) {
                kb.figures.push(f);
            }
        }
    }
    super::arguments::resolve(&mut kb, &ctxs, packs, &refs, col.arguments, errors);

    let (index, clashes) = indexing.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    kb.index = index;
    for (a, alias, b) in clashes {
        errors.push(alias_error(packs, &kb.entries[a], &alias, &kb.entries[b]));
    }
    kb.finish();
    super::consistency::check(&kb, packs, errors);
    kb
}

fn load_vocab(
    kb: &mut KnowledgeBase,
    ctxs: &[FileCtx],
    vocab: Vec<(Pending<toml::Value>, usize)>,
    errors: &mut Vec<LoadError>,
) {
    // Later packs extend earlier lists.
    for (p, fi) in vocab {
        match Vocab::deserialize(p.raw) {
            Ok(v) => kb.vocab.extend(v),
            Err(e) => errors.push(
                ctxs[fi].error_at(p.span.start, format!("in [vocab]: {}", e.to_string().trim())),
            ),
        }
    }
}

fn load_essays(
    kb: &mut KnowledgeBase,
    ctxs: &[FileCtx],
    essays: Vec<Pending<super::raw::RawEssay>>,
    errors: &mut Vec<LoadError>,
) {
    for p in essays {
        if kb.essays.iter().any(|e| e.id == p.raw.id) {
            let message = format!("duplicate essay id `{}`", p.raw.id);
            errors.push(ctxs[p.file].error_in(&p.span, &p.raw.id, message));
            continue;
        }
        let r = p.raw;
        kb.essays.push(Essay { id: r.id, file: r.file, title: r.title, kind: r.kind });
    }
}

/// The entries whose id is not already taken, in order (ids may point forwards and across files).
fn unique_entries(
    packs: &[Pack],
    ctxs: &[FileCtx],
    entries: Vec<(Kind, Pending<RawEntry>)>,
    errors: &mut Vec<LoadError>,
) -> Vec<(Kind, Pending<RawEntry>)> {
    let mut first_file: FxHashMap<String, usize> = FxHashMap::default();
    let mut keep = Vec::new();
    for (kind, p) in entries {
        if let Some(f0) = first_file.get(&p.raw.id) {
            errors.push(ctxs[p.file].error_in(
                &p.span,
                &format!("\"{}\"", p.raw.id),
                format!("duplicate id `{}` (already defined in {})", p.raw.id, packs[*f0].name),
            ));
            continue;
        }
        first_file.insert(p.raw.id.clone(), p.file);
        keep.push((kind, p));
    }
    keep
}

/// Positions of the figures or arguments by id; an id already taken (by an entry or an earlier
/// item) is an error and the later item is dropped (its id maps to the first).
fn unique_ids<'a, T>(
    ctxs: &[FileCtx],
    items: &'a [Pending<T>],
    id_of: impl Fn(&T) -> &String,
    taken: &mut FxHashSet<&'a str>,
    errors: &mut Vec<LoadError>,
) -> FxHashMap<String, usize> {
    let mut out = FxHashMap::default();
    for (i, p) in items.iter().enumerate() {
        let id = id_of(&p.raw);
        if taken.contains(id.as_str()) {
            let message = format!("duplicate id `{id}`");
            errors.push(ctxs[p.file].error_in(&p.span, &format!("\"{id}\""), message));
        } else {
            taken.insert(id);
            out.insert(id.clone(), i);
        }
    }
    out
}

/// Every entry's spellings for the name index, with the generated forms (a place's former
/// names, a series member's numbered names) added to its aliases.
fn index_names(
    keep: &[(Kind, Pending<RawEntry>)],
    entry_index: &FxHashMap<String, usize>,
) -> Vec<Names> {
    keep.iter()
        .map(|(_, p)| {
            let r = &p.raw;
            let series =
                r.series.as_ref().and_then(|s| entry_index.get(s)).map(|&i| &keep[i].1.raw);
            let mut aliases = r.aliases.clone();
            for g in generated_names(r, series) {
                if g != r.name && !aliases.contains(&g) {
                    aliases.push(g);
                }
            }
            Names {
                name: r.name.clone(),
                full_name: r.full_name.clone(),
                aliases,
                misspellings: r.misspellings.clone(),
            }
        })
        .collect()
}

/// The fields each kind may carry beyond the common ones; any other date or kind field given
/// is an error.
fn misplaced_fields(at: &At, kind: Kind, r: &RawEntry, errors: &mut Vec<LoadError>) {
    let present: [(&str, bool); 17] = [
        ("born", r.born.is_some()),
        ("died", r.died.is_some()),
        ("death_by", r.death_by.is_some()),
        ("happenings", !r.happenings.is_empty()),
        ("founded", r.founded.is_some()),
        ("dissolved", r.dissolved.is_some()),
        ("date", r.date.is_some()),
        ("written", r.written.is_some()),
        ("written_to", r.written_to.is_some()),
        ("published", r.published.is_some()),
        ("authors", !r.authors.is_empty()),
        ("author", r.author.is_some()),
        ("subjects", !r.subjects.is_empty()),
        ("type", r.event_type.is_some()),
        ("number", r.number.is_some()),
        ("within", r.within.is_some()),
        ("names", !r.names.is_empty()),
    ];
    let allowed: &[&str] = match kind {
        Kind::Person => &["born", "died", "death_by", "happenings"],
        Kind::Body => &["founded", "dissolved"],
        Kind::Term => &[],
        Kind::Event => &["date", "subjects", "type", "number"],
        Kind::Place => &["within", "names"],
        Kind::Document => &["written", "written_to", "published", "authors", "author"],
    };
    for (field, given) in present {
        if given && !allowed.contains(&field) {
            errors.push(at.error(
                &format!("{field} "),
                format!("field `{field}` does not belong on a [[{}]]", kind.label()),
            ));
        }
    }
}

/// When the entry begins and ends, by kind: a life, a body's existence, a term's span, an
/// event's date or span, a place's existence, a document's writing.
fn entry_dates(
    at: &At,
    kind: Kind,
    r: &RawEntry,
    errors: &mut Vec<LoadError>,
) -> (Option<When>, Option<When>) {
    let mut d = |field: &str, v: &Option<String>| at.date(field, v, errors);
    let (start, end) = match kind {
        Kind::Person => (d("born", &r.born), d("died", &r.died)),
        Kind::Body => {
            let f = d("founded", &r.founded);
            let f = f.or(d("from", &r.from));
            let t = d("dissolved", &r.dissolved);
            (f, t.or(d("to", &r.to)))
        }
        Kind::Term | Kind::Place => (d("from", &r.from), d("to", &r.to)),
        Kind::Event => {
            let f = d("date", &r.date);
            (f.or(d("from", &r.from)), d("to", &r.to))
        }
        Kind::Document => {
            let f = d("written", &r.written);
            (f.or(d("from", &r.from)), d("written_to", &r.written_to).or(d("to", &r.to)))
        }
    };
    if kind == Kind::Event && r.date.is_some() && r.from.is_some() {
        errors.push(at.error("from ", "give either `date` or `from`/`to`, not both"));
    }
    if let (Some(s), Some(e)) = (start, end) {
        if e.span().hi < s.span().lo {
            let message = format!("`{}` ends ({e}) before it begins ({s})", r.id);
            errors.push(at.error("", message));
        }
    }
    (start.map(When::at), end.map(When::at))
}

/// The entry's subkind, checked against its kind's list.
fn subkind_of(at: &At, kind: Kind, r: &RawEntry, errors: &mut Vec<LoadError>) -> String {
    let subkind = match kind {
        Kind::Person => r.group.clone().unwrap_or_default(),
        _ => r.kind.clone().unwrap_or_default(),
    };
    let allowed = match kind {
        Kind::Term => TERM_KINDS,
        Kind::Place => PLACE_KINDS,
        Kind::Document => DOCUMENT_KINDS,
        _ => return subkind,
    };
    if !subkind.is_empty() {
        at.check_in("kind", &subkind, allowed, errors);
    }
    subkind
}

fn roles_of(at: &At, refs: &Refs, r: &RawEntry, errors: &mut Vec<LoadError>) -> Vec<Role> {
    r.roles
        .iter()
        .map(|role| Role {
            title: role.title.clone(),
            also: role.also.clone(),
            office: refs.one(at, "roles.office", &role.office, errors),
            from: at.date("roles.from", &role.from, errors).map(When::at),
            to: at.date("roles.to", &role.to, errors).map(When::at),
        })
        .collect()
}

fn happenings_of(
    at: &At,
    refs: &Refs,
    r: &RawEntry,
    errors: &mut Vec<LoadError>,
) -> Vec<Happening> {
    let mut out = Vec::new();
    for h in &r.happenings {
        at.check_in("happenings.type", &h.kind, HAPPENING_TYPES, errors);
        let from = at.date("happenings.date", &h.date, errors);
        let from = from.or(at.date("happenings.from", &h.from, errors));
        let to = at.date("happenings.to", &h.to, errors);
        let Some(from) = from else {
            let message = format!("happenings: a `{}` needs a `date` or `from`", h.kind);
            errors.push(at.error(&format!("\"{}\"", h.kind), message));
            continue;
        };
        out.push(Happening {
            kind: h.kind.clone(),
            when: When { from, to },
            place: refs.one(at, "happenings.place", &h.place, errors),
            of: refs.one(at, "happenings.of", &h.of, errors),
            note: h.note.trim().to_string(),
        });
    }
    out
}

/// `ns`/`os` tables: each key must name one of the entry's own date fields.
fn other_style_of(at: &At, r: &RawEntry, errors: &mut Vec<LoadError>) -> Vec<(String, Date)> {
    const DATE_FIELDS: &[&str] = &[
        "born",
        "died",
        "founded",
        "dissolved",
        "from",
        "to",
        "date",
        "written",
        "written_to",
        "published",
    ];
    let mut out = Vec::new();
    for table in [&r.ns, &r.os].into_iter().flatten() {
        for (field, value) in table {
            if !DATE_FIELDS.contains(&field.as_str()) {
                let message = format!("`{field}` is not a date field (ns/os map date fields)");
                errors.push(at.error(&format!("{field} "), message));
                continue;
            }
            if let Some(d) = at.date(&format!("other style {field}"), &Some(value.clone()), errors)
            {
                out.push((field.clone(), d));
            }
        }
    }
    out
}

fn dated_names(at: &At, r: &RawEntry, errors: &mut Vec<LoadError>) -> Vec<DatedName> {
    r.names
        .iter()
        .map(|n| DatedName {
            name: n.name.clone(),
            from: at.date("names.from", &n.from, errors).map(When::at),
            to: at.date("names.to", &n.to, errors).map(When::at),
        })
        .collect()
}

fn variants_of(at: &At, refs: &Refs, r: &RawEntry, errors: &mut Vec<LoadError>) -> Vec<Variant> {
    let mut out = Vec::new();
    for v in &r.variants {
        if !refs.essay_known(&v.essay) {
            let message = format!("variants: there is no essay `{}`", v.essay);
            errors.push(at.error(&format!("\"{}\"", v.essay), message));
            continue;
        }
        let disagreement = match v.kind.as_deref() {
            None | Some("mistake") => false,
            Some("disagreement") => true,
            Some(other) => {
                let message =
                    format!("variants: kind `{other}` is not `mistake` or `disagreement`");
                errors.push(at.error(&format!("\"{other}\""), message));
                false
            }
        };
        out.push(Variant {
            field: v.field.clone(),
            value: v.value.clone(),
            disagreement,
            essay: v.essay.clone(),
            at: v.at.clone(),
            note: v.note.clone(),
        });
    }
    out
}

fn resolve_entry(
    at: &At,
    refs: &Refs,
    kind: Kind,
    r: RawEntry,
    origin: &str,
    errors: &mut Vec<LoadError>,
) -> Entry {
    misplaced_fields(at, kind, &r, errors);
    let (start, end) = entry_dates(at, kind, &r, errors);
    let subkind = subkind_of(at, kind, &r, errors);
    if let Some(t) = &r.event_type {
        at.check_in("type", t, HAPPENING_TYPES, errors);
    }
    if let Some(d) = &r.death_by {
        at.check_in("death_by", d, DEATH_BY, errors);
    }
    for c in &r.complete {
        if c != "post" && c != "members" {
            at.check_in("complete", c, HAPPENING_TYPES, errors);
        }
    }
    let published = at.date("published", &r.published, errors).map(When::at);
    let place_field = if kind == Kind::Place { &r.within } else { &r.place };
    Entry {
        id: r.id.clone(),
        kind,
        subkind,
        name: r.name.clone(),
        full_name: r.full_name.clone(),
        aliases: r.aliases.clone(),
        misspellings: r.misspellings.clone(),
        start,
        end,
        roles: roles_of(at, refs, &r, errors),
        successor: refs.one(at, "successor", &r.successor, errors),
        predecessor: refs.one(at, "predecessor", &r.predecessor, errors),
        actors: refs.entries(at, "actors", &r.actors, errors),
        cues: r.cues.iter().map(|c| c.to_lowercase()).collect(),
        summary: r.summary.trim().to_string(),
        related: refs.entries(at, "related", &r.related, errors),
        sources: refs.sources(at, &r.sources, errors),
        variants: variants_of(at, refs, &r, errors),
        record: r.record.clone(),
        origin: origin.to_string(),
        other_style: other_style_of(at, &r, errors),
        death_by: r.death_by.clone(),
        happenings: happenings_of(at, refs, &r, errors),
        complete: r.complete.clone(),
        event_type: r.event_type.clone(),
        subjects: refs.entries(at, "subjects", &r.subjects, errors),
        place: refs.one(at, "place", place_field, errors),
        series: refs.one(at, "series", &r.series, errors),
        number: r.number,
        member_names: r.member_names.clone(),
        names: dated_names(at, &r, errors),
        authors: refs.entries(at, "authors", &r.authors, errors),
        author: r.author.clone(),
        published,
    }
}

fn figure_values(
    at: &At,
    refs: &Refs,
    r: &RawFigure,
    errors: &mut Vec<LoadError>,
) -> Vec<FigureValue> {
    let mut values = Vec::new();
    for v in &r.values {
        let (low, high) = match (v.value, v.low, v.high) {
            (Some(x), None, None) => (x, x),
            (None, Some(l), Some(h)) if l <= h => (l, h),
            _ => {
                errors.push(at.error("values", format!("figure `{}`: each value needs `value = N` or `low = N, high = N` (low <= high)", r.id)));
                continue;
            }
        };
        if let Some(e) = &v.essay {
            if !refs.essay_known(e) {
                errors.push(
                    at.error(&format!("\"{e}\""), format!("values: there is no essay `{e}`")),
                );
            }
        }
        if v.source.is_empty() && v.essay.is_none() {
            let message = format!("figure `{}`: every value needs a `source` or an `essay`", r.id);
            errors.push(at.error("values", message));
        }
        values.push(FigureValue {
            low,
            high,
            approx: v.approx,
            mistake: v.mistake,
            source: v.source.clone(),
            essay: v.essay.clone(),
            at: v.at.clone(),
            note: v.note.clone(),
        });
    }
    values
}

fn resolve_figure(
    at: &At,
    refs: &Refs,
    r: RawFigure,
    origin: &str,
    errors: &mut Vec<LoadError>,
) -> Option<Figure> {
    let from = at.date("from", &r.from, errors);
    let to = at.date("to", &r.to, errors);
    let values = figure_values(at, refs, &r, errors);
    if values.is_empty() {
        errors.push(at.error("", format!("figure `{}` has no values", r.id)));
        return None;
    }
    Some(Figure {
        id: r.id.clone(),
        place: refs.one(at, "place", &r.place, errors),
        subjects: refs.entries(at, "subjects", &r.subjects, errors),
        related: refs.entries(at, "related", &r.related, errors),
        name: r.name,
        counts: r.counts,
        unit: r.unit,
        when: from.map(|f| When { from: f, to }),
        cues: r.cues.iter().map(|c| c.to_lowercase()).collect(),
        values,
        summary: r.summary.trim().to_string(),
        origin: origin.to_string(),
    })
}

fn alias_error(packs: &[Pack], entry: &Entry, alias: &str, other: &Entry) -> LoadError {
    let pack = packs.iter().find(|p| p.name == entry.origin);
    let ctx = FileCtx { name: &entry.origin, text: pack.map_or("", |p| p.text.as_str()) };
    let id_at = ctx.text.find(&format!("\"{}\"", entry.id)).unwrap_or(0);
    let at = ctx.text[id_at..].find(&format!("\"{alias}\"")).map_or(id_at, |o| id_at + o);
    ctx.error_at(
        at,
        format!("alias `{alias}` of `{}` is already claimed by `{}`", entry.id, other.id),
    )
}
