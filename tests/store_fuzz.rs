//! Random bytes and random damage to a valid book never make the loader
//! panic or hang, and every parse error names a line and column.

use proptest::prelude::*;
use relplan::store::{LoadError, parse, to_text};
use std::path::Path;

fn valid_text() -> String {
    to_text(&relplan::generate::generate(2, 3)).unwrap_or_default()
}

fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    match parse(bytes, Path::new("fuzz.ron")) {
        Ok(_) | Err(LoadError::NewerVersion { .. } | LoadError::TooLarge { .. }) => Ok(()),
        Err(LoadError::Parse(e)) => {
            prop_assert!(e.line >= 1 && e.column >= 1, "{e}");
            prop_assert!(e.to_string().contains("fuzz.ron:"), "{e}");
            Ok(())
        }
        Err(LoadError::Io { .. }) => Err(TestCaseError::fail("parsing bytes does no I/O")),
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
    fn damaged_valid_books(cuts in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..6)) {
        let mut bytes = valid_text().into_bytes();
        for (at, byte, how) in cuts {
            if bytes.is_empty() {
                break;
            }
            let i = at.index(bytes.len());
            match how {
                0 => bytes[i] = byte,
                1 => { bytes.remove(i); }
                _ => bytes.insert(i, byte),
            }
        }
        check(&bytes)?;
    }
}
