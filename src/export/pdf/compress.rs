//! Deflating the PDF's streams.
//!
//! Page content is most of a report's bytes (a 2000-release book has
//! 8,000 pages and 17 million glyphs), so it is deflated at a fast level,
//! on helper threads while the next pages are still being written: the
//! report is the longest export, and this keeps its own thread writing.
//! Fonts and the text maps are small and use a higher level.

use flate2::write::ZlibEncoder;
use flate2::{Compress, Compression, FlushCompress, Status};
use std::io::Write;
use std::sync::mpsc;

/// The level for page content: zlib's fastest.
const PAGE_LEVEL: u32 = 1;

/// The most helper threads that deflate pages.
const HELPERS: usize = 2;

/// `raw` deflated at `level` (zlib format, as PDF's `FlateDecode` wants).
fn deflate(raw: &[u8], level: u32) -> Result<Vec<u8>, String> {
    let mut z = ZlibEncoder::new(Vec::with_capacity(raw.len() / 4 + 64), Compression::new(level));
    z.write_all(raw).and_then(|()| z.finish()).map_err(|e| format!("the PDF could not be compressed ({e})"))
}

/// `raw` deflated by `z`, which is reset first (one deflater serves many
/// pages, instead of setting up its tables for each).
fn deflate_with(z: &mut Compress, raw: &[u8]) -> Result<Vec<u8>, String> {
    z.reset();
    let mut out = Vec::with_capacity(raw.len() / 3 + 64);
    loop {
        let read = usize::try_from(z.total_in()).unwrap_or(usize::MAX).min(raw.len());
        match z.compress_vec(&raw[read..], &mut out, FlushCompress::Finish) {
            Ok(Status::StreamEnd) => return Ok(out),
            Ok(_) => out.reserve(out.capacity().max(4096)),
            Err(e) => return Err(format!("the PDF could not be compressed ({e})")),
        }
    }
}

/// A small stream deflated well; as it is if that fails.
pub(super) fn deflate_small(raw: &[u8]) -> Vec<u8> {
    deflate(raw, 6).unwrap_or_else(|_| raw.to_vec())
}

/// Runs `make`, which hands over page streams one by one, while helper
/// threads deflate them; returns what `make` returns and the streams
/// deflated, in the order they were handed over.
pub(super) fn deflated_while<R>(make: impl FnOnce(&mut dyn FnMut(Vec<u8>)) -> R) -> Result<(R, Vec<Vec<u8>>), String> {
    let helpers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, HELPERS);
    std::thread::scope(|scope| {
        let (done_tx, done_rx) = mpsc::channel::<(usize, Result<Vec<u8>, String>)>();
        let mut inboxes = Vec::with_capacity(helpers);
        for _ in 0..helpers {
            let (tx, rx) = mpsc::channel::<(usize, Vec<u8>)>();
            let done = done_tx.clone();
            scope.spawn(move || {
                let mut z = Compress::new(Compression::new(PAGE_LEVEL), true);
                for (i, raw) in rx {
                    if done.send((i, deflate_with(&mut z, &raw))).is_err() {
                        break;
                    }
                }
            });
            inboxes.push(tx);
        }
        drop(done_tx);
        let mut sent = 0;
        let mut lost = false;
        let made = make(&mut |raw| {
            lost |= inboxes[sent % helpers].send((sent, raw)).is_err();
            sent += 1;
        });
        drop(inboxes);
        let mut out = vec![Vec::new(); sent];
        let mut received = 0;
        for (i, z) in done_rx {
            out[i] = z?;
            received += 1;
        }
        if lost || received != sent {
            return Err("the PDF could not be compressed".to_owned());
        }
        Ok((made, out))
    })
}

#[cfg(test)]
mod tests {
    use super::deflated_while;
    use std::io::Read;

    #[test]
    fn streams_come_back_deflated_in_the_order_they_were_made() {
        let pages: Vec<Vec<u8>> = (0..50).map(|i| format!("page {i} ").repeat(i + 1).into_bytes()).collect();
        let (n, out) = deflated_while(|send| {
            for p in &pages {
                send(p.clone());
            }
            pages.len()
        })
        .expect("deflates");
        assert_eq!(n, 50);
        for (z, raw) in out.iter().zip(&pages) {
            let mut back = Vec::new();
            flate2::read::ZlibDecoder::new(&z[..]).read_to_end(&mut back).expect("inflates");
            assert_eq!(&back, raw);
        }
    }
}
