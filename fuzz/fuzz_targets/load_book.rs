//! Feeds arbitrary bytes to the book loader. It must never panic, never
//! hang (libFuzzer's `-timeout` catches that), and every error must say
//! where in the file it is.

#![no_main]

use libfuzzer_sys::fuzz_target;
use relplan::store::{LoadError, parse};
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    match parse(bytes, Path::new("fuzz.ron")) {
        Ok(_) | Err(LoadError::TooLarge { .. }) => {}
        Err(LoadError::NewerVersion { first_unknown, .. }) => {
            assert!(first_unknown.split(':').next().is_some_and(|l| l.parse::<usize>().is_ok()), "{first_unknown}");
        }
        Err(LoadError::Parse(e)) => {
            assert!(e.line >= 1 && e.column >= 1, "{e}");
            assert!(e.to_string().starts_with(&format!("fuzz.ron:{}:{}: ", e.line, e.column)), "{e}");
        }
        Err(LoadError::Io { .. }) => panic!("parsing bytes does no I/O"),
    }
});
