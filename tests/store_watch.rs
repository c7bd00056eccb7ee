//! Changes on disk while a book is open are noticed (by size, time and
//! content hash), and the two versions can be compared place by place.

use relplan::store::{BookFile, DiskState, FileWatch, compare};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

fn wait_for_news(watch: &FileWatch, limit: Duration) -> Option<DiskState> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Some(news) = watch.news() {
            return Some(news);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

#[test]
fn a_change_by_someone_else_is_noticed_and_a_touch_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, relplan::templates::EXAMPLE).unwrap();
    let (file, _) = BookFile::open(&path).unwrap();
    let wakes = Arc::new(AtomicUsize::new(0));
    let counter = wakes.clone();
    let watch = FileWatch::start(&path, file.fingerprint().cloned(), move || {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    // Same bytes, new time: looked at, found unchanged.
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(std::time::SystemTime::now() + Duration::from_secs(5))
        .unwrap();
    watch.check_now();
    assert_eq!(wait_for_news(&watch, Duration::from_millis(600)), None, "a touched file has not changed");
    // A colleague saves their version.
    std::fs::write(&path, relplan::templates::EXAMPLE.replace("Northwind Payments", "Northwind (theirs)")).unwrap();
    let noticed = wait_for_news(&watch, Duration::from_secs(5));
    assert_eq!(noticed, Some(DiskState::Changed), "noticed by polling within a few seconds");
    assert!(wakes.load(Ordering::SeqCst) >= 1, "the window was woken to show it");
    assert_eq!(watch.state(), DiskState::Changed);
    // Reloaded: the watch expects the new content.
    let (reloaded, _) = BookFile::open(&path).unwrap();
    watch.expect(reloaded.fingerprint().cloned());
    assert_eq!(watch.state(), DiskState::Unchanged);
    std::fs::remove_file(&path).unwrap();
    watch.check_now();
    assert_eq!(wait_for_news(&watch, Duration::from_secs(3)), Some(DiskState::Deleted));
}

#[test]
fn the_two_versions_are_compared_record_by_record() {
    let mine = relplan::templates::example().unwrap();
    let mut theirs = mine.clone();
    let release = theirs.releases[1].id.clone();
    theirs.releases[1].version = "9.9.9".into();
    theirs.releases.swap(0, 2);
    let gone = theirs.people.remove(0);
    theirs.name = "Northwind (theirs)".into();
    let differences = compare(&mine, &theirs);
    let find = |needle: &str| differences.iter().find(|d| d.place.contains(needle)).cloned();
    let version = find(&format!("{release} ")).expect("the release's version differs");
    assert!(version.place.starts_with("releases › ") && version.place.ends_with(" › version"), "{version:?}");
    assert_eq!(version.theirs, "“9.9.9”");
    assert_ne!(version.mine, version.theirs);
    let person = find(gone.id.as_str()).expect("the removed person is listed");
    assert_eq!((person.mine.as_str(), person.theirs.as_str()), ("present", "—"), "{person:?}");
    let name = differences.iter().find(|d| d.place == "name").expect("the book's name");
    assert_eq!(name.theirs, "“Northwind (theirs)”");
    assert_eq!(differences.len(), 3, "moving releases around is not a difference: {differences:#?}");
    assert!(compare(&mine, &mine).is_empty());
}
