//! The user's own templates: saved from a release, listed, used from the
//! command line and the window, and kept inside their folder whatever
//! their name.

use super::*;

fn with_config_dir(f: impl FnOnce(&Path)) {
    let _one_at_a_time = CONFIG_DIR.lock().unwrap_or_else(PoisonError::into_inner);
    let dir = tempfile::tempdir().expect("a temporary folder");
    // SAFETY: only these tests, one at a time, touch the environment, and
    // through std's own functions, which lock it.
    unsafe {
        std::env::set_var("RELPLAN_CONFIG_DIR", dir.path());
        std::env::set_var("RELPLAN_DATA_DIR", dir.path().join("data"));
    }
    f(dir.path());
    unsafe {
        std::env::remove_var("RELPLAN_CONFIG_DIR");
        std::env::remove_var("RELPLAN_DATA_DIR");
    }
}

fn relplan(config: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_relplan"))
        .args(args)
        .env("RELPLAN_CONFIG_DIR", config)
        .env("RELPLAN_DATA_DIR", config.join("data"))
        .output()
        .expect("relplan runs")
}

#[test]
fn a_release_saved_as_a_template_is_listed_and_used() {
    with_config_dir(|config| {
        let example = relplan::templates::example().expect("the example opens");
        let original = example.releases.iter().find(|r| r.phase == Phase::Closed).expect("a closed release");
        let path = relplan::templates::save_user_template(&example, &original.id, "  My rollout ")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(path, config.join("templates").join("My rollout.ron"));
        assert_eq!(relplan::templates::user_templates_dir(), Some(config.join("templates")));

        // A plain book file, with the release reset to a fresh plan.
        let text = std::fs::read_to_string(&path).expect("the template file");
        let parsed = parse(text.as_bytes(), &path).unwrap_or_else(|e| panic!("{e}"));
        assert!(parsed.findings.is_empty(), "{}", listed(&parsed.findings));
        assert_eq!(to_text(&parsed.book).ok().as_deref(), Some(text.as_str()));
        let t = &parsed.book;
        let r = release(t);
        assert_eq!((r.id.clone(), r.phase, t.releases.len()), (original.id.clone(), Phase::Planning, 1));
        assert_eq!(r.deployments.len(), original.deployments.len(), "the plan is kept");
        assert!(r.decisions.is_empty() && r.review.outcome.is_none() && r.go_no_go.verdict.is_none());
        assert!(r.approvals.iter().all(|a| a.at.is_none()), "nothing is approved yet");
        let risks: Vec<_> = example.risks_of(&original.id).map(|x| x.id.clone()).collect();
        assert_eq!(t.risks.iter().map(|x| x.id.clone()).collect::<Vec<_>>(), risks, "its risks, ids kept");
        assert_eq!(t.policy, example.policy);
        assert!(t.people.len() <= example.people.len() && t.ledger.audit.is_empty());

        // Listed after the built-in ones, and found by name in any case.
        let all = relplan::templates::all();
        assert_eq!(all.iter().filter(|e| !e.is_user()).count(), BUILTIN.len());
        let mine = all.last().expect("listed");
        assert!(mine.is_user() && mine.name == "My rollout", "{mine:?}");
        assert!(mine.description.contains(original.id.as_str()), "{}", mine.description);
        let found = relplan::templates::find_any("my ROLLOUT").expect("found").expect("readable");
        assert_eq!(found, parsed.book);
        assert!(relplan::templates::find_any("nobody's").is_none());

        // A new release in the same book from it keeps its type.
        let (fresh, fresh_risks) = relplan::edit::release_from_template(&example, &found).expect("a release");
        assert_eq!(fresh.release_type, original.release_type);
        assert_eq!(fresh_risks.len(), risks.len());

        // The command line lists it and makes a book from it.
        let out = relplan(config, &["templates"]);
        let listing = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(listing.lines().any(|l| l.starts_with("My rollout ") && l.ends_with("(your template)")), "{listing}");
        let file = config.join("new.ron");
        let out = relplan(config, &["new", "--template", "My rollout", "-o", file.to_str().expect("a path")]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let made = relplan::store::load(&file).expect("the new book").book;
        assert_eq!(made.releases.len(), 1);
        assert_eq!(made.ledger.audit.last().map(|a| a.what.as_str()), Some("Created from the My rollout template"));

        // Saving again under the same name replaces it; built-in names and blank names are refused.
        assert!(relplan::templates::save_user_template(&example, &original.id, "My rollout").is_ok());
        assert!(relplan::templates::save_user_template(&example, &original.id, "Standard").is_err());
        assert!(relplan::templates::save_user_template(&example, &original.id, " .. ").is_err());
        assert!(relplan::templates::save_user_template(&example, &"REL-999".into(), "x").is_err());
    });
}

#[test]
fn hostile_template_names_stay_in_the_templates_folder() {
    with_config_dir(|config| {
        let example = relplan::templates::example().expect("the example opens");
        let id = example.releases[0].id.clone();
        let folder = config.join("templates");
        let hostile = [
            "../escape",
            "..\\escape",
            "/etc/passwd",
            "a/../../b",
            "C:\\Windows\\evil",
            ".hidden",
            "...",
            "-rf",
            "CON",
            "nul.txt",
            "Com1",
            "lpt9 ",
            "tab\tand\nnewline",
            "nul\u{0}byte",
            "what? <yes> | no*",
            "trailing dots...",
            &"long".repeat(100),
        ];
        for name in hostile {
            let Ok(path) = relplan::templates::save_user_template(&example, &id, name) else { continue };
            assert_eq!(path.parent(), Some(folder.as_path()), "{name:?} gave {}", path.display());
            let file = path.file_name().and_then(|f| f.to_str()).expect("a file name");
            assert!(!file.starts_with('.') && !file.starts_with('-'), "{name:?} gave {file}");
            assert!(!file.contains(['/', '\\', ':', '*', '?', '"', '<', '>', '|', '\0', '\t', '\n']), "{file:?}");
            let device = file.split('.').next().unwrap_or_default().trim().to_uppercase();
            assert!(!["CON", "NUL", "COM1", "LPT9"].contains(&device.as_str()), "{name:?} gave {file}");
            assert!(file.chars().count() <= 84, "{name:?} gave a name too long");
            assert!(path.is_file());
        }
        // Nothing was written anywhere but the templates folder.
        for entry in std::fs::read_dir(config).expect("the config folder") {
            let entry = entry.expect("an entry");
            assert_eq!(entry.path(), folder, "only the templates folder was made");
        }
        // A link planted in the folder is not followed.
        #[cfg(unix)]
        {
            let elsewhere = tempfile::tempdir().expect("another folder");
            let target = elsewhere.path().join("precious.txt");
            std::fs::write(&target, "keep me").expect("a file elsewhere");
            std::os::unix::fs::symlink(&target, folder.join("planted.ron")).expect("a link");
            assert!(relplan::templates::save_user_template(&example, &id, "planted").is_err());
            assert_eq!(std::fs::read_to_string(&target).ok().as_deref(), Some("keep me"));
            std::fs::remove_file(folder.join("planted.ron")).expect("the link is removed");
        }
        let saved = std::fs::read_dir(&folder).expect("the templates folder").count();
        assert!(saved >= 10, "most hostile names are made safe rather than refused ({saved} saved)");
        assert_eq!(relplan::templates::user_templates().len(), saved);
    });
}

#[test]
fn every_template_schedule_is_free_of_conflicts() {
    for (name, _) in TYPES {
        let book = template(name);
        let conflicts = relplan::schedule::detect(&book);
        let tz = jiff::tz::TimeZone::UTC;
        let said: Vec<String> = conflicts.iter().map(|c| c.describe(&book, &tz)).collect();
        assert!(said.is_empty(), "{name}: {}", said.join("\n"));
    }
}

#[test]
fn a_release_saved_as_a_template_in_the_window_is_offered_for_new_releases() {
    use egui_kittest::kittest::Queryable;
    use relplan::ui::{Prefs, RelplanApp};
    with_config_dir(|config| {
        let example = relplan::templates::example().expect("the example opens");
        let mut h = egui_kittest::Harness::builder()
            .with_size(egui::vec2(1400.0, 900.0))
            .build_eframe(move |cc| RelplanApp::with_book(&cc.egui_ctx, Prefs::default(), example.clone()));
        h.run();
        let selected = h.state().selected_release_id().cloned().expect("a release is selected");
        h.get_by_label("Release").click();
        h.run();
        h.get_by_label("Save release as template…").click();
        h.run();
        let field = h.get_all_by_label("Template name").next().expect("the name field");
        field.focus();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.run();
        h.get_all_by_label("Template name").next().expect("the name field").type_text("Quarterly/../rollout");
        h.run();
        h.get_by_label("Save template").click();
        h.run();
        assert!(!h.state().has_dialog(), "the dialog closes");
        assert!(config.join("templates").join("Quarterly-..-rollout.ron").is_file(), "saved under a safe name");

        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
        h.run();
        assert!(h.get_all_by_label("(yours)").count() >= 1, "the user's template is marked as theirs");
        h.get_by_label("From the Quarterly-..-rollout template").click();
        h.run();
        let book = h.state().session().expect("a book").doc.book().clone();
        let new = book.releases.last().expect("a new release");
        let original = book.release(&selected).expect("the original");
        assert_ne!(new.id, original.id);
        assert_eq!((new.release_type.clone(), new.phase), (original.release_type.clone(), Phase::Planning));
        assert_eq!(new.deployments.len(), original.deployments.len(), "the plan came with it");
    });
}
