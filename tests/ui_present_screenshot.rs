//! `relplan FILE --view present --screenshot OUT.png --size 1920x1080`: a
//! real window on a virtual display, as the README's pictures are made.
//! It needs Xvfb; where `xvfb-run` is not installed the test says so and
//! does nothing.

use std::path::Path;
use std::process::Command;

fn has_xvfb() -> bool {
    Command::new("xvfb-run").arg("--help").output().is_ok()
}

#[test]
fn a_screenshot_of_the_walkthrough_is_a_whole_1080p_slide() {
    if !has_xvfb() {
        eprintln!("skipped: xvfb-run is not installed, and a screenshot needs a display");
        return;
    }
    let (dir, picture) = screenshot(&["--view", "present", "--release", "REL-5", "--slide", "3"], (1920, 1080));
    assert_eq!(picture.dimensions(), (1920, 1080), "the whole projector frame");
    // A slide, not the planning window: white all round, with the projector
    // theme's blue in the kicker above the title and in the line for today.
    let pixels = picture.pixels().count();
    let white = picture.pixels().filter(|p| p.0 == [255, 255, 255]).count();
    assert!(white * 100 > pixels * 75, "mostly white: {white} of {pixels}");
    let blue = |p: &&image::Rgb<u8>| p.0[2] > 120 && p.0[0] < 60 && p.0[1] < 110;
    let kicker = picture.enumerate_pixels().filter(|(_, y, p)| *y < 80 && blue(p)).count();
    assert!(kicker > 200, "the blue kicker is at the top: {kicker} blue pixels");
    let top_left = picture.enumerate_pixels().filter(|(x, y, _)| *x < 80 && *y < 40);
    assert!(top_left.clone().all(|(_, _, p)| p.0 == [255, 255, 255]), "no menu bar in the corner");
    assert!(!dir.path().join(".northwind.ron.relplan-lock").exists(), "the lock goes with the window");
}

/// Runs `relplan` on a copy of the example (`northwind.ron` in a fresh
/// folder, so the window's lock file never lands beside the example) in a
/// virtual display with `args`, and returns the folder and the picture.
fn screenshot(args: &[&str], size: (u32, u32)) -> (tempfile::TempDir, image::RgbImage) {
    let dir = tempfile::tempdir().expect("a folder");
    let book = dir.path().join("northwind.ron");
    let example = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/northwind-payments.ron"));
    std::fs::copy(example, &book).expect("the example is copied");
    let out = dir.path().join("view.png");
    let run = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1920x1080x24", env!("CARGO_BIN_EXE_relplan")])
        .arg(&book)
        .args(args)
        .args(["--size", &format!("{}x{}", size.0, size.1), "--screenshot"])
        .arg(&out)
        .env("RELPLAN_TODAY", "2026-11-27")
        .env("RELPLAN_CONFIG_DIR", dir.path().join("config"))
        .env("RELPLAN_DATA_DIR", dir.path().join("data"))
        .output()
        .expect("xvfb-run runs");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let picture = image::open(&out).expect("a PNG that opens").to_rgb8();
    (dir, picture)
}

#[test]
fn a_screenshot_of_the_calendar_shows_its_view_at_the_asked_size() {
    if !has_xvfb() {
        eprintln!("skipped: xvfb-run is not installed, and a screenshot needs a display");
        return;
    }
    let (_dir, picture) = screenshot(&["--view", "calendar", "--theme", "light"], (1400, 860));
    assert_eq!(picture.dimensions(), (1400, 860));
    // The selected "Calendar" tab and the deployment blocks are the theme's blue.
    let blue = picture.pixels().filter(|p| p.0[2] > 150 && p.0[0] < 60 && p.0[1] < 130).count();
    assert!(blue > 2_000, "the calendar's blue tab and deployments are there: {blue} blue pixels");
    // The light theme: the window's background is light, not dark.
    let light = picture.pixels().filter(|p| p.0.iter().all(|c| *c > 230)).count();
    assert!(light * 2 > picture.pixels().count(), "a light window");
}
