//! A process killed with SIGKILL at random moments while saving leaves the
//! book file either as it was or as the new version, complete, every time,
//! and both outcomes do happen (a kill that always fell between saves
//! would prove nothing).
//!
//! Slow (a few hundred processes), so it runs only when asked:
//! `cargo test --test store_kill -- --ignored --nocapture`
//! (`RELPLAN_KILL_ROUNDS` sets the number of kills, 300 by default, at
//! least 4).

#![cfg(unix)]

use relplan::store::{BookFile, to_text};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

fn version(n: u64) -> relplan::model::Book {
    relplan::generate::generate(6, n)
}

/// Runs in a child process: saves the two versions in turn, for ever,
/// through the same path as the window's saves (backups included), and
/// says after each save how many are done and how long the last one took.
#[test]
#[ignore = "run by sigkill_during_saves_leaves_the_old_or_the_new_book in a process of its own"]
fn saving_forever() {
    let Some(path) = std::env::var_os("RELPLAN_SAVE_LOOP") else { return };
    let path = PathBuf::from(path);
    // The new version first: each round starts with the old one in the file.
    let books = [version(2), version(1)];
    let mut file = BookFile::new_at(&path);
    println!("SAVING");
    for i in 0.. {
        let start = std::time::Instant::now();
        if let Err(e) = file.save_over(&books[i % 2]) {
            eprintln!("{e}");
        }
        println!("SAVED {} {}", i + 1, start.elapsed().as_micros());
    }
}

/// A small random number generator (xorshift), seeded from the clock.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn temporary_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).filter(|e| e.file_name() != "plan.ron").count())
        .unwrap_or(0)
}

#[test]
#[ignore = "slow: a few hundred processes; see the module docs"]
fn sigkill_during_saves_leaves_the_old_or_the_new_book() {
    let rounds: usize = std::env::var("RELPLAN_KILL_ROUNDS").ok().and_then(|s| s.parse().ok()).unwrap_or(300).max(4);
    let old = to_text(&version(1)).unwrap();
    let new = to_text(&version(2)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64);
    let mut rng = Rng(seed | 1);
    let (mut olds, mut news, mut leftovers) = (0, 0, 0);
    for round in 0..rounds {
        std::fs::write(&path, &old).unwrap();
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "saving_forever", "--ignored", "--nocapture", "--test-threads=1"])
            .env("RELPLAN_SAVE_LOOP", &path)
            .env("RELPLAN_DATA_DIR", data.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Each round waits for a number of finished saves (none, one, two or
        // three, in turn, so that the file was last left old or new equally
        // often), then kills at a random moment of the next save: the first
        // rounds at once, the others up to twice the time a save takes.
        let lines = BufReader::new(child.stdout.take().unwrap()).lines().map_while(Result::ok);
        let wait_for = round % 4;
        let mut save_micros = 0;
        let mut started = false;
        for line in lines {
            started |= line.contains("SAVING");
            if wait_for == 0 && started {
                break;
            }
            let Some(saved) = line.strip_prefix("SAVED ") else { continue };
            let mut words = saved.split_whitespace().map(|w| w.parse::<u64>().unwrap_or(0));
            if let (Some(done), Some(micros)) = (words.next(), words.next()) {
                save_micros = micros;
                if done as usize >= wait_for {
                    break;
                }
            }
        }
        assert!(started, "round {round}: the saving process started");
        if round >= 4 {
            let typical = if save_micros == 0 { 20_000 } else { save_micros };
            std::thread::sleep(Duration::from_micros(rng.below(2 * typical + 1)));
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        if on_disk == old {
            olds += 1;
        } else if on_disk == new {
            news += 1;
        } else {
            panic!("round {round} (seed {seed}): the file is neither version ({} bytes)", on_disk.len());
        }
        relplan::store::load(&path).expect("the file opens");
        leftovers += temporary_files(dir.path());
        // A temporary file left by a kill between link and rename is only litter.
        for entry in std::fs::read_dir(dir.path()).unwrap().filter_map(Result::ok) {
            if entry.file_name() != "plan.ron" {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    println!("{rounds} kills (seed {seed}): {olds} left the old book, {news} the new one, {leftovers} temporary files");
    assert_eq!(olds + news, rounds);
    assert!(olds > 0 && news > 0, "kills left both the old book and the new one ({olds} old, {news} new)");
}
