//! Random bytes, and random damage to valid books, never make the loader
//! panic or hang, and every parse error names a line and column.
//!
//! The same property runs for far longer under cargo-fuzz (see
//! `fuzz/README.md`); this is the part that runs with every `cargo test`.

use proptest::prelude::*;
use relplan::store::{LoadError, parse, to_text};
use std::path::Path;
use std::time::{Duration, Instant};

/// Longer than this for one parse counts as a hang (a real book of this
/// size parses in milliseconds).
const HANG: Duration = Duration::from_secs(2);

fn valid_text() -> String {
    to_text(&relplan::generate::generate(2, 3)).unwrap_or_default()
}

fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    let start = Instant::now();
    let result = parse(bytes, Path::new("fuzz.ron"));
    prop_assert!(start.elapsed() < HANG, "parsing {} bytes took {:?}", bytes.len(), start.elapsed());
    match result {
        Ok(_) | Err(LoadError::TooLarge { .. }) => Ok(()),
        Err(LoadError::NewerVersion { first_unknown, .. }) => {
            let (line, rest) = first_unknown.split_once(':').unwrap_or_default();
            let column = rest.split_once(':').map(|(c, _)| c).unwrap_or_default();
            prop_assert!(line.parse::<usize>().is_ok_and(|l| l >= 1), "{first_unknown}");
            prop_assert!(column.parse::<usize>().is_ok_and(|c| c >= 1), "{first_unknown}");
            Ok(())
        }
        Err(LoadError::Parse(e)) => {
            prop_assert!(e.line >= 1 && e.column >= 1, "{e}");
            let place = format!("fuzz.ron:{}:{}: ", e.line, e.column);
            prop_assert!(e.to_string().starts_with(&place), "{e}");
            Ok(())
        }
        Err(LoadError::Io { .. }) => Err(TestCaseError::fail("parsing bytes does no I/O")),
    }
}

/// Pieces of RON that make parsers trip when they land in the wrong place.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "'",
    "\\",
    "//",
    "/*",
    "*/",
    "r#\"",
    "\"#",
    "Some(",
    "None",
    "-",
    "1e999",
    "18446744073709551616",
    "-0",
    "0x",
    "true",
    "()",
    "\u{feff}",
    "\u{0}",
    "é",
    "🚀",
    "\n",
    "version: 2,",
];

/// One change to a book's text.
#[derive(Clone, Debug)]
enum Mutation {
    Byte(prop::sample::Index, u8),
    Remove(prop::sample::Index),
    Insert(prop::sample::Index, u8),
    Token(prop::sample::Index, prop::sample::Index),
    DeleteLine(prop::sample::Index),
    DuplicateLine(prop::sample::Index),
    SwapLines(prop::sample::Index, prop::sample::Index),
    Truncate(prop::sample::Index),
    Nest(prop::sample::Index, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    use prop::sample::Index;
    prop_oneof![
        (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Byte(i, b)),
        any::<Index>().prop_map(Mutation::Remove),
        (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<Index>(), any::<Index>()).prop_map(|(i, t)| Mutation::Token(i, t)),
        any::<Index>().prop_map(Mutation::DeleteLine),
        any::<Index>().prop_map(Mutation::DuplicateLine),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        any::<Index>().prop_map(Mutation::Truncate),
        (any::<Index>(), 1u8..200).prop_map(|(i, n)| Mutation::Nest(i, n)),
    ]
}

fn mutate(bytes: &mut Vec<u8>, m: &Mutation) {
    if bytes.is_empty() {
        return;
    }
    let len = bytes.len();
    match m {
        Mutation::Byte(i, b) => bytes[i.index(len)] = *b,
        Mutation::Remove(i) => {
            bytes.remove(i.index(len));
        }
        Mutation::Insert(i, b) => bytes.insert(i.index(len), *b),
        Mutation::Token(i, t) => {
            let at = i.index(len);
            bytes.splice(at..at, t.get(TOKENS).as_bytes().iter().copied());
        }
        Mutation::Truncate(i) => bytes.truncate(i.index(len)),
        Mutation::Nest(i, n) => {
            let at = i.index(len);
            bytes.splice(at..at, std::iter::repeat_n(b'(', usize::from(*n)));
        }
        Mutation::DeleteLine(_) | Mutation::DuplicateLine(_) | Mutation::SwapLines(..) => {
            let mut lines: Vec<Vec<u8>> = bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
            let n = lines.len();
            match m {
                Mutation::DeleteLine(i) => {
                    lines.remove(i.index(n));
                }
                Mutation::DuplicateLine(i) => {
                    let line = lines[i.index(n)].clone();
                    lines.insert(i.index(n), line);
                }
                Mutation::SwapLines(a, b) => lines.swap(a.index(n), b.index(n)),
                _ => {}
            }
            *bytes = lines.join(&b'\n');
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check(&bytes)?;
    }

    #[test]
    fn random_bytes_after_a_valid_header(tail in prop::collection::vec(any::<u8>(), 0..512)) {
        let mut bytes = b"(\n    format: \"relplan-book\",\n    version: 1,\n    book: ".to_vec();
        bytes.extend(tail);
        check(&bytes)?;
    }

    #[test]
    fn random_mutations_of_valid_books(mutations in prop::collection::vec(mutation(), 1..8)) {
        let mut bytes = valid_text().into_bytes();
        for m in &mutations {
            mutate(&mut bytes, m);
        }
        check(&bytes)?;
    }

    #[test]
    fn random_mutations_of_books_from_a_newer_relplan(mutations in prop::collection::vec(mutation(), 0..6)) {
        let mut bytes = valid_text().replacen("version: 1,", "version: 2,", 1).into_bytes();
        for m in &mutations {
            mutate(&mut bytes, m);
        }
        check(&bytes)?;
    }
}
