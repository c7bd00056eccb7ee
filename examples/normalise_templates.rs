//! Throwaway: builds and normalises the bundled templates. Deleted after use.
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/templates");
    let standard = relplan::store::load(&root.join("standard.ron")).unwrap().book;
    for name in std::env::args().skip(1) {
        let src = Path::new("/tmp/tpl").join(format!("{name}.ron"));
        let out = root.join(format!("{name}.ron"));
        let mut book = if src.exists() {
            let mut b = relplan::store::load(&src).unwrap_or_else(|e| panic!("{e}")).book;
            b.policy = standard.policy.clone();
            b.people = standard.people.clone();
            b.environments = standard.environments.clone();
            b.blackouts = standard.blackouts.clone();
            b.ledger = Default::default();
            b
        } else {
            relplan::store::load(&out).unwrap().book
        };
        for id in relplan::model::all_ids(&book) {
            book.ledger.note_existing(&id);
        }
        let before = std::fs::read(&out).ok();
        relplan::store::save(&book, &out).unwrap();
        let bytes = std::fs::read(&out).unwrap();
        let again = relplan::store::load(&out).unwrap();
        relplan::store::save(&again.book, Path::new("/tmp/tpl/roundtrip.ron")).unwrap();
        let same = std::fs::read("/tmp/tpl/roundtrip.ron").unwrap() == bytes;
        println!("{name}: changed={} roundtrip_same={same} findings={}", before.as_deref() != Some(&bytes[..]), again.findings.len());
        for f in &again.findings {
            println!("  {f}");
        }
    }
}
