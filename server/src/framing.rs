//! The protocol's framing (`Content-Length` headers, then a JSON body), read so that nothing a
//! client sends can make the server go deaf, hang or run out of memory.
//!
//! [`Decoder`] does no IO: bytes are fed in as they arrive and complete messages come out.
//! A bad frame (stray bytes, a header that is not one, `Content-Length: abc`, a negative,
//! missing or oversized length, a line without end, a non-UTF-8 byte) becomes one
//! [`Event::Bad`], with the request id when one can be read from the skipped bytes, and the
//! decoder resynchronises on the next `Content-Length`. A length a few bytes off is forgiven
//! when the body is still one JSON value. Nothing is allocated for a declared length: the
//! buffer only grows with bytes that actually arrived, and a length over [`MAX_BODY`] is
//! refused before its body is read.

use serde_json::Value;

/// The largest body accepted (64 MiB): a 20 MB essay sent as JSON fits with room to spare.
pub const MAX_BODY: usize = 64 << 20;
/// The longest header line (8 KiB); a longer one is not a header.
pub const MAX_HEADER_LINE: usize = 8 << 10;
/// The most header lines one frame may have.
const MAX_HEADER_LINES: usize = 16;
/// How much of the skipped bytes is kept to look for a request id in.
const SAMPLE: usize = 4 << 10;
const TOKEN: &[u8] = b"content-length";

/// What the decoder found.
#[derive(Debug, PartialEq)]
pub enum Event {
    /// A complete message body, parsed as JSON.
    Message(Value),
    /// Bytes that were not a message were skipped; `id` is the request id they seemed to carry.
    Bad { reason: String, id: Option<Value> },
}

#[derive(Debug)]
enum State {
    /// At the start of a header line; `length` is what `Content-Length` said so far.
    Header { length: Option<Result<usize, String>>, lines: usize },
    /// Waiting for a body of `len` bytes starting at `pos`.
    Body { len: usize },
    /// Skipping bytes until the next `Content-Length`.
    Resync(Skipped),
}

#[derive(Debug)]
struct Skipped {
    reason: String,
    /// The first bytes skipped, to look for an id in.
    sample: Vec<u8>,
    /// Whether the event for these bytes has been handed out already.
    reported: bool,
}

/// The sans-IO frame decoder. Feed it with [`Decoder::feed`], take events with
/// [`Decoder::next`] until it returns `None`.
#[derive(Debug)]
pub struct Decoder {
    buf: Vec<u8>,
    pos: usize,
    state: State,
}

impl Default for Decoder {
    fn default() -> Self {
        Decoder { buf: Vec::new(), pos: 0, state: State::Header { length: None, lines: 0 } }
    }
}

impl Decoder {
    pub fn feed(&mut self, bytes: &[u8]) {
        if self.pos > 0 && self.pos >= self.buf.len() / 2 {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        self.buf.extend_from_slice(bytes);
    }

    /// Bytes held, not yet decoded.
    pub fn buffered(&self) -> usize {
        self.buf.len() - self.pos
    }

    /// The next event from the bytes fed so far; `None` when more input is needed (or, with
    /// `eof`, when the input is used up).
    pub fn next(&mut self, eof: bool) -> Option<Event> {
        loop {
            let step = match std::mem::replace(&mut self.state, State::Body { len: 0 }) {
                State::Header { length, lines } => self.header(length, lines, eof),
                State::Body { len } => self.body(len, eof),
                State::Resync(skipped) => self.resync(skipped, eof),
            };
            match step {
                Step::Emit(e) => return Some(e),
                Step::Continue => {}
                Step::Wait => return None,
            }
        }
    }

    fn rest(&self) -> &[u8] {
        &self.buf[self.pos..]
    }

    fn header(&mut self, length: Option<Result<usize, String>>, lines: usize, eof: bool) -> Step {
        let window = &self.rest()[..self.buffered().min(MAX_HEADER_LINE + 2)];
        let Some(nl) = window.iter().position(|&b| b == b'\n') else {
            if window.len() > MAX_HEADER_LINE {
                return self.start_resync(self.pos + 1, "a header line longer than 8 KiB");
            }
            self.state = State::Header { length, lines };
            if eof && self.buffered() > 0 {
                return self.start_resync(self.pos, "end of input inside a header");
            }
            return Step::Wait;
        };
        let line_start = self.pos;
        let line = &window[..nl];
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            self.pos += nl + 1;
            return self.end_of_header(length, lines);
        }
        if lines >= MAX_HEADER_LINES {
            return self.start_resync(line_start, "more than 16 header lines");
        }
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            return self.start_resync(line_start + 1, "stray bytes where a header was expected");
        };
        if !line.iter().all(|&b| b == b'\t' || (0x20..0x7f).contains(&b)) {
            return self.start_resync(line_start + 1, "a header with bytes that are not text");
        }
        let name = trim(&line[..colon]);
        let value = trim(&line[colon + 1..]);
        let length = if name.eq_ignore_ascii_case(TOKEN) {
            Some(parse_length(value))
        } else if find_token(name).is_some() {
            // Stray bytes glued to the header ("abcContent-Length: 5"): start again at it.
            return self.start_resync(line_start + 1, "stray bytes before a header");
        } else if name.is_empty() || !name.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-') {
            return self.start_resync(line_start + 1, "stray bytes where a header was expected");
        } else {
            length
        };
        self.pos += nl + 1;
        self.state = State::Header { length, lines: lines + 1 };
        Step::Continue
    }

    fn end_of_header(&mut self, length: Option<Result<usize, String>>, lines: usize) -> Step {
        match length {
            // A blank line between messages is harmless.
            None if lines == 0 => {
                self.state = State::Header { length: None, lines: 0 };
                Step::Continue
            }
            None => self.start_resync(self.pos, "a message without Content-Length"),
            Some(Err(why)) => self.start_resync(self.pos, &why),
            Some(Ok(len)) => {
                self.state = State::Body { len };
                Step::Continue
            }
        }
    }

    fn body(&mut self, len: usize, eof: bool) -> Step {
        if self.buffered() < len {
            self.state = State::Body { len };
            if eof {
                return self.start_resync(self.pos, "end of input inside a message body");
            }
            return Step::Wait;
        }
        let body = &self.rest()[..len];
        if let Ok(v) = serde_json::from_slice::<Value>(body) {
            self.pos += len;
            return self.message(v);
        }
        // A length too long by a few bytes: one JSON value, then the next frame's first bytes.
        let mut values = serde_json::Deserializer::from_slice(body).into_iter::<Value>();
        if let Some(Ok(v)) = values.next() {
            let used = values.byte_offset();
            self.pos += used;
            return self.message(v);
        }
        // A length too short: the value may end before the next header.
        let after = &self.rest()[len..];
        let end = len + find_token(after).unwrap_or(after.len());
        if let Ok(v) = serde_json::from_slice::<Value>(&self.rest()[..end]) {
            self.pos += end;
            return self.message(v);
        }
        let skipped = Skipped {
            reason: "a message body that is not JSON".into(),
            sample: body[..len.min(SAMPLE)].to_vec(),
            reported: false,
        };
        self.pos += len;
        self.state = State::Resync(skipped);
        Step::Continue
    }

    fn message(&mut self, v: Value) -> Step {
        self.state = State::Header { length: None, lines: 0 };
        Step::Emit(Event::Message(v))
    }

    /// Starts skipping at `from` (a byte position in the buffer), for `reason`.
    fn start_resync(&mut self, from: usize, reason: &str) -> Step {
        let from = from.min(self.buf.len());
        let sample = self.buf[self.pos..from.min(self.pos + SAMPLE)].to_vec();
        self.pos = from;
        self.state = State::Resync(Skipped { reason: reason.into(), sample, reported: false });
        Step::Continue
    }

    fn resync(&mut self, mut skipped: Skipped, eof: bool) -> Step {
        match find_token(self.rest()) {
            Some(at) => {
                self.extend_sample(&mut skipped, at);
                self.pos += at;
                self.state = State::Header { length: None, lines: 0 };
                if skipped.reported {
                    Step::Continue
                } else {
                    Step::Emit(skipped.event())
                }
            }
            None => {
                // Keep the last bytes: the next `Content-Length` may begin among them.
                let keep = if eof { 0 } else { (TOKEN.len() - 1).min(self.buffered()) };
                let drop = self.buffered() - keep;
                self.extend_sample(&mut skipped, drop);
                self.pos += drop;
                // The id may still come: report once the sample is full, at the end of input,
                // or when the client stops sending ([`Decoder::idle`]).
                let report = !skipped.reported && (eof || skipped.sample.len() >= SAMPLE);
                let event = report.then(|| skipped.event());
                skipped.reported |= report;
                self.state = State::Resync(skipped);
                match event {
                    Some(e) => Step::Emit(e),
                    None => Step::Wait,
                }
            }
        }
    }

    /// The client has stopped sending for now: bytes being skipped are reported without
    /// waiting for the next `Content-Length` (the client may be waiting for the answer).
    pub fn idle(&mut self) -> Option<Event> {
        match &mut self.state {
            State::Resync(skipped) if !skipped.reported => {
                skipped.reported = true;
                // The bytes kept back (a `Content-Length` may begin among them) count too.
                let tail = &self.buf[self.pos..];
                let mut sample = skipped.sample.clone();
                sample.extend_from_slice(&tail[..tail.len().min(SAMPLE)]);
                Some(Event::Bad { reason: skipped.reason.clone(), id: find_id(&sample) })
            }
            _ => None,
        }
    }

    fn extend_sample(&self, skipped: &mut Skipped, upto: usize) {
        if !skipped.reported && skipped.sample.len() < SAMPLE {
            let room = SAMPLE - skipped.sample.len();
            let end = upto.min(room);
            skipped.sample.extend_from_slice(&self.rest()[..end]);
        }
    }
}

enum Step {
    Emit(Event),
    Continue,
    Wait,
}

impl Skipped {
    fn event(&self) -> Event {
        Event::Bad { reason: self.reason.clone(), id: find_id(&self.sample) }
    }
}

fn trim(s: &[u8]) -> &[u8] {
    let start = s.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(s.len());
    let end = s.iter().rposition(|b| !b.is_ascii_whitespace()).map_or(start, |e| e + 1);
    &s[start..end]
}

/// The body length a `Content-Length` value gives, or why it gives none.
fn parse_length(value: &[u8]) -> Result<usize, String> {
    let shown = String::from_utf8_lossy(&value[..value.len().min(40)]).into_owned();
    if value.is_empty() || value.len() > 20 || !value.iter().all(u8::is_ascii_digit) {
        return Err(format!("Content-Length {shown:?} is not a length"));
    }
    match std::str::from_utf8(value).ok().and_then(|s| s.parse::<u64>().ok()) {
        Some(n) if n <= MAX_BODY as u64 => Ok(n as usize),
        _ => Err(format!("Content-Length {shown} is over the 64 MiB limit")),
    }
}

/// Where `content-length` (any case) first occurs in `hay`.
fn find_token(hay: &[u8]) -> Option<usize> {
    hay.windows(TOKEN.len()).position(|w| w.eq_ignore_ascii_case(TOKEN))
}

/// The request id in the bytes of a message that could not be read: the first `"id":` followed
/// by a number or a short string.
pub fn find_id(bytes: &[u8]) -> Option<Value> {
    let mut from = 0;
    while let Some(at) = bytes[from..].windows(4).position(|w| w == b"\"id\"") {
        let mut i = from + at + 4;
        from = i;
        let skip_ws = |i: &mut usize| {
            while bytes.get(*i).is_some_and(|b| b.is_ascii_whitespace()) {
                *i += 1;
            }
        };
        skip_ws(&mut i);
        if bytes.get(i) != Some(&b':') {
            continue;
        }
        i += 1;
        skip_ws(&mut i);
        let tail = &bytes[i..bytes.len().min(i + 300)];
        let mut values = serde_json::Deserializer::from_slice(tail).into_iter::<Value>();
        match values.next() {
            Some(Ok(v @ Value::Number(_))) if v.is_i64() => return Some(v),
            Some(Ok(v @ Value::String(_))) => return Some(v),
            _ => {
                // A number cut short by the end of the body still names the request.
                let digits: Vec<u8> = tail.iter().copied().take_while(u8::is_ascii_digit).collect();
                let n = std::str::from_utf8(&digits).ok().and_then(|s| s.parse::<i64>().ok());
                if let Some(n) = n.filter(|_| tail.len() > digits.len()) {
                    return Some(Value::from(n));
                }
            }
        }
    }
    None
}

/// The header that frames a body of `len` bytes for the client.
pub fn header(len: usize) -> String {
    format!("Content-Length: {len}\r\n\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn frame(body: &str) -> Vec<u8> {
        [header(body.len()).as_bytes(), body.as_bytes()].concat()
    }

    /// Every event from `input` fed in one piece, then byte by byte: both must agree.
    fn decode(input: &[u8]) -> Vec<Event> {
        let whole = run(&[input]);
        let pieces: Vec<&[u8]> = input.chunks(1).collect();
        assert_eq!(run(&pieces), whole, "byte-by-byte feeding decodes the same");
        whole
    }

    fn run(pieces: &[&[u8]]) -> Vec<Event> {
        let mut d = Decoder::default();
        let mut out = Vec::new();
        for p in pieces {
            d.feed(p);
            while let Some(e) = d.next(false) {
                out.push(e);
            }
        }
        while let Some(e) = d.next(true) {
            out.push(e);
        }
        out
    }

    fn shown(events: &[Event]) -> String {
        events
            .iter()
            .map(|e| match e {
                Event::Message(v) => format!("message {v}"),
                Event::Bad { reason, id } => format!("bad ({reason}) id {id:?}"),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    const HOVER: &str = r#"{"id":7,"jsonrpc":"2.0","method":"textDocument/hover"}"#;

    #[test]
    fn well_formed_frames_in_a_row() {
        let mut input = frame(HOVER);
        input.extend(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n");
        input.extend(frame(r#"{"jsonrpc":"2.0","method":"exit"}"#));
        let events = decode(&input);
        assert_eq!(events.len(), 2, "{}", shown(&events));
        assert_eq!(events[1], Event::Message(json!({"jsonrpc":"2.0","method":"exit"})));
    }

    #[test]
    fn stray_bytes_before_a_frame_are_skipped() {
        let mut input = b"abc".to_vec();
        input.extend(frame(HOVER));
        let events = decode(&input);
        assert_eq!(
            shown(&events),
            format!("bad (stray bytes before a header) id None\nmessage {HOVER}")
        );
    }

    #[test]
    fn a_bad_length_is_reported_with_the_id_then_the_next_frame_is_read() {
        for header in [
            "Content-Length: abc",
            "Content-Length: -5",
            "Content-Length: 1099511627776",
            "Content-Length: 18446744073709551615",
            "Content-Length: 99999999999999999999999",
        ] {
            let mut input = format!("{header}\r\n\r\n{HOVER}").into_bytes();
            input.extend(frame(HOVER));
            let events = decode(&input);
            assert_eq!(events.len(), 2, "{header}: {}", shown(&events));
            let Event::Bad { id, .. } = &events[0] else { panic!("{}", shown(&events)) };
            assert_eq!(id, &Some(json!(7)), "{header}");
            assert!(matches!(events[1], Event::Message(_)), "{header}");
        }
    }

    #[test]
    fn a_missing_header_is_skipped_with_its_body() {
        let mut input = format!("Content-Type: x\r\n\r\n{HOVER}").into_bytes();
        input.extend(frame(HOVER));
        assert_eq!(
            shown(&decode(&input)),
            format!("bad (a message without Content-Length) id Some(Number(7))\nmessage {HOVER}")
        );
    }

    #[test]
    fn a_line_without_end_is_not_kept() {
        let mut d = Decoder::default();
        d.feed(&vec![b'x'; MAX_HEADER_LINE * 3]);
        assert!(matches!(d.next(false), Some(Event::Bad { .. })));
        assert_eq!(d.next(false), None);
        assert!(d.buffered() < 64, "skipped bytes are not kept: {}", d.buffered());
        d.feed(&frame(HOVER));
        assert!(matches!(d.next(false), Some(Event::Message(_))));
    }

    #[test]
    fn a_non_utf8_header_is_skipped_not_the_end() {
        let mut input = b"Content-Length: 5\xff\r\n\r\n".to_vec();
        input.extend(frame(HOVER));
        let events = decode(&input);
        assert_eq!(events.len(), 2, "{}", shown(&events));
        assert!(matches!(events[1], Event::Message(_)));
    }

    #[test]
    fn a_length_a_few_bytes_off_is_forgiven() {
        for delta in [-3i64, -1, 1, 3] {
            let len = (HOVER.len() as i64 + delta) as usize;
            let mut input = format!("Content-Length: {len}\r\n\r\n{HOVER}").into_bytes();
            input.extend(frame(r#"{"jsonrpc":"2.0","id":8,"method":"shutdown"}"#));
            let events = run(&[&input]);
            let ids: Vec<String> = events
                .iter()
                .map(|e| match e {
                    Event::Message(v) => v["id"].to_string(),
                    Event::Bad { .. } => "bad".into(),
                })
                .collect();
            assert_eq!(ids, ["7", "8"], "length off by {delta}: {}", shown(&events));
        }
    }

    #[test]
    fn a_body_that_is_not_json_gets_its_id_back() {
        let body = r#"{"jsonrpc":"2.0","id":12,"method":"#;
        let mut input = frame(body);
        input.extend(frame(HOVER));
        let events = decode(&input);
        assert_eq!(
            shown(&events),
            format!("bad (a message body that is not JSON) id Some(Number(12))\nmessage {HOVER}")
        );
    }

    #[test]
    fn an_oversized_length_allocates_nothing_and_waits_for_no_body() {
        let mut d = Decoder::default();
        d.feed(b"Content-Length: 1099511627776\r\n\r\n{\"id\": \"a\"");
        assert_eq!(d.next(false), None);
        let e = d.idle().expect("refused without its body");
        assert_eq!(
            e,
            Event::Bad {
                reason: "Content-Length 1099511627776 is over the 64 MiB limit".into(),
                id: Some(json!("a"))
            }
        );
        assert!(d.buffered() < 64, "skipped bytes are not kept: {}", d.buffered());
    }

    #[test]
    fn end_of_input_inside_a_frame_is_reported_once() {
        let events = decode(b"Content-Length: 50\r\n\r\n{\"id\":3");
        assert_eq!(shown(&events), "bad (end of input inside a message body) id Some(Number(3))");
    }

    #[test]
    fn blank_lines_between_frames_are_harmless() {
        let mut input = b"\r\n\r\n".to_vec();
        input.extend(frame(HOVER));
        assert_eq!(shown(&decode(&input)), format!("message {HOVER}"));
    }
}
