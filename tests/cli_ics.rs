//! `relplan export FILE --to ics` run as a user would run it: one release
//! with `--release`, and the audience with `--include`.

use std::path::Path;
use std::process::{Command, Output};

fn relplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_relplan"))
        .args(args)
        .env("RELPLAN_CONFIG_DIR", std::env::temp_dir().join("relplan-cli-ics-tests-config"))
        .env("RELPLAN_DATA_DIR", std::env::temp_dir().join("relplan-cli-ics-tests-data"))
        .output()
        .expect("relplan runs")
}

fn example() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/northwind-payments.ron")
}

/// The UIDs of the events in a calendar file.
fn uids(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("the calendar is written");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "a calendar file");
    text.split("\r\n").filter_map(|l| l.strip_prefix("UID:")).map(str::to_owned).collect()
}

#[test]
fn release_limits_the_calendar_to_one_release_and_the_blackouts() {
    let dir = tempfile::tempdir().expect("a folder");
    let out = dir.path().join("rel4.ics");
    let run = relplan(&["export", example(), "--to", "ics", "-o", &out.display().to_string(), "--release", "REL-4"]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let all = uids(&out);
    assert!(all.iter().any(|u| u.starts_with("REL-4.deployment.")), "{all:?}");
    assert!(all.iter().all(|u| u.starts_with("REL-4.") || u.starts_with("blackout.")), "{all:?}");
}

#[test]
fn include_chooses_the_kinds_of_event() {
    let dir = tempfile::tempdir().expect("a folder");
    let out = dir.path().join("audience.ics");
    let path = out.display().to_string();
    let run = relplan(&["export", example(), "--to", "ics", "-o", &path, "--include", "milestones,deployments"]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let all = uids(&out);
    assert!(all.iter().any(|u| u.contains(".milestone.")) && all.iter().any(|u| u.contains(".deployment.")));
    assert!(!all.iter().any(|u| u.contains(".phase.") || u.starts_with("blackout.")), "{all:?}");
    let wrong = relplan(&["export", example(), "--to", "ics", "-o", &path, "--include", "holidays", "--force"]);
    assert_eq!(wrong.status.code(), Some(2), "an unknown kind is refused");
}
