//! Guards around the protocol streams. tower-lsp 0.20 stops serving after a body that is not
//! JSON; a student's editor should never lose Clio because one message was garbled. So stdin
//! is read frame by frame (`Content-Length` + body): valid bodies go on to tower-lsp, invalid
//! ones are answered here with a JSON-RPC parse error (-32700, id null) and dropped. Output
//! frames from tower-lsp and these errors are written to stdout whole, never interleaved.

use tokio::io::{
    AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader, DuplexStream,
};
use tokio::sync::mpsc;

/// Reads one frame's body; `None` at end of input.
async fn read_frame<R: AsyncRead + Unpin>(r: &mut BufReader<R>) -> Option<Result<Vec<u8>, String>> {
    let mut len: Option<usize> = None;
    loop {
        let mut line = String::new();
        match r.read_line(&mut line).await {
            Ok(0) | Err(_) => return None,
            Ok(_) => {}
        }
        if line == "\r\n" || line == "\n" {
            break;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            len = v.trim().parse().ok();
        }
    }
    let Some(len) = len else { return Some(Err("a message without Content-Length".into())) };
    let mut body = vec![0; len];
    r.read_exact(&mut body).await.ok()?;
    Some(Ok(body))
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut f = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    f.extend_from_slice(body);
    f
}

/// Wires `input`/`output` to a pair of streams for tower-lsp's `Server::new(stdin, stdout, ..)`.
pub fn guard<R, W>(input: R, output: W) -> (DuplexStream, DuplexStream)
where
    R: AsyncRead + Unpin + Send + 'static,
    W: AsyncWrite + Unpin + Send + 'static,
{
    let (mut to_server, server_in) = tokio::io::duplex(1 << 16);
    let (server_out, from_server) = tokio::io::duplex(1 << 16);
    let (tx, mut rx) = mpsc::unbounded_channel::<Vec<u8>>();
    let errors = tx.clone();
    tokio::spawn(async move {
        let mut r = BufReader::new(input);
        while let Some(body) = read_frame(&mut r).await {
            match body {
                Ok(b) if serde_json::from_slice::<serde_json::Value>(&b).is_ok() => {
                    if to_server.write_all(&frame(&b)).await.is_err() {
                        return;
                    }
                }
                Ok(_) | Err(_) => {
                    eprintln!("[clio] answered a malformed message with a parse error");
                    let err = br#"{"jsonrpc":"2.0","error":{"code":-32700,"message":"Parse error"},"id":null}"#;
                    if errors.send(frame(err)).is_err() {
                        return; // The writer has stopped: stdout is gone.
                    }
                }
            }
        }
        // End of input: closing `to_server` lets tower-lsp finish.
    });
    tokio::spawn(async move {
        let mut r = BufReader::new(from_server);
        while let Some(Ok(body)) = read_frame(&mut r).await {
            if tx.send(frame(&body)).is_err() {
                return;
            }
        }
    });
    tokio::spawn(async move {
        let mut out = output;
        while let Some(f) = rx.recv().await {
            if out.write_all(&f).await.is_err() || out.flush().await.is_err() {
                return;
            }
        }
    });
    (server_in, server_out)
}
