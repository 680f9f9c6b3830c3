//! The frame reader on any bytes, cut into any pieces: it never panics, never keeps more than
//! one body's worth of bytes, and decodes the same whatever the cuts.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../server/src/framing.rs"]
#[allow(dead_code)]
mod framing;

use framing::{Decoder, Event, MAX_BODY};

/// The events from `input` fed in pieces whose lengths come from `cuts`.
fn decode(input: &[u8], cuts: &[u8]) -> Vec<Event> {
    let mut d = Decoder::default();
    let mut out = Vec::new();
    let mut rest = input;
    let mut i = 0;
    while !rest.is_empty() {
        let n = if cuts.is_empty() { rest.len() } else { (cuts[i % cuts.len()] as usize).max(1) };
        i += 1;
        let (piece, tail) = rest.split_at(n.min(rest.len()));
        rest = tail;
        d.feed(piece);
        while let Some(e) = d.next(false) {
            out.push(e);
        }
        assert!(d.buffered() <= MAX_BODY + input.len().min(64 << 10) + 64, "kept {}", d.buffered());
    }
    if let Some(e) = d.idle() {
        out.push(e);
    }
    while let Some(e) = d.next(true) {
        out.push(e);
    }
    out
}

fn messages(events: &[Event]) -> Vec<&serde_json::Value> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Message(v) => Some(v),
            Event::Bad { .. } => None,
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, data)) = data.split_first() else { return };
    let (cuts, input) = data.split_at(data.len().min(4));
    if mode % 2 == 0 {
        // Raw bytes: anything goes, nothing may panic or pile up.
        decode(input, cuts);
        return;
    }
    // Well-framed bodies (split at 0xFF): each valid JSON body comes out whole, in order,
    // however the bytes are cut, and whatever invalid bodies sit between them.
    let bodies: Vec<&[u8]> = input.split(|&b| b == 0xFF).collect();
    let framed: Vec<u8> = bodies.iter().flat_map(|b| framing::encode(b)).collect();
    let events = decode(&framed, cuts);
    let valid: Vec<serde_json::Value> =
        bodies.iter().filter_map(|b| serde_json::from_slice(b).ok()).collect();
    if valid.len() == bodies.len() {
        let got: Vec<serde_json::Value> = messages(&events).into_iter().cloned().collect();
        assert_eq!(got, valid);
        assert_eq!(events.len(), valid.len(), "no bad frame among good ones");
    }
});
