//! The backout slide: how the release is backed out, what triggers it,
//! whether it was tested, and the latest moment to decide within the main
//! deployment's window.

use super::{day, duration, main_deployment, runbook_minutes, window_minutes};
use crate::model::Release;
use crate::present::blocks::{Block, Cell, Fact, Stat, Tone};
use crate::present::deck::{Context, Slide, SlideKind};

/// The backout slide of a release.
pub(super) fn backout(cx: &Context<'_>, r: &Release) -> Slide {
    let b = &r.backout;
    let mut s = Slide::new(SlideKind::Backout, Some(r), "Backout plan");
    if b.plan.trim().is_empty() {
        s.left.push(Block::Callout(Cell::tone("⚠ There is no backout plan yet.", Tone::Bad)));
    } else {
        s.left.push(Block::Text { label: "How the release is backed out".to_owned(), text: b.plan.trim().to_owned() });
    }
    if !b.trigger.trim().is_empty() {
        s.left.push(Block::Text { label: "When we back out".to_owned(), text: b.trigger.trim().to_owned() });
    }
    let tested = match (b.tested, b.tested_on) {
        (true, Some(d)) => Stat::new("✔ Yes", format!("tested on {}", day(d)), Tone::Good),
        (true, None) => Stat::new("✔ Yes", "tested (date not recorded)", Tone::Good),
        (false, _) => Stat::new("⚠ No", "backout tested", Tone::Warning),
    };
    let takes = if b.duration_minutes == 0 {
        Stat::new("?", "how long a backout takes is not recorded", Tone::Warning)
    } else {
        Stat::new(duration(u64::from(b.duration_minutes)), "to back out", Tone::Normal)
    };
    s.right.push(Block::Stats(vec![takes, tested]));
    if let Some(d) = main_deployment(cx, r)
        && b.duration_minutes > 0
    {
        let back = u64::from(b.duration_minutes);
        let (window, run) = (window_minutes(d), runbook_minutes(d));
        let latest = d.window.end.checked_sub(jiff::SignedDuration::from_mins(i64::from(b.duration_minutes)));
        let mut facts = Vec::new();
        if let Ok(latest) = latest {
            facts.push(Fact::new(
                "Decide by",
                format!(
                    "{} {} to finish a backout inside the window of “{}”",
                    latest.strftime("%a %-d %b %H:%M"),
                    d.window.zone,
                    d.name
                ),
            ));
        }
        let fits = run + back <= window;
        facts.push(Fact::tone(
            "Runbook and backout",
            format!(
                "{} + {} = {} in a {} window",
                duration(run),
                duration(back),
                duration(run + back),
                duration(window)
            ),
            if fits { Tone::Good } else { Tone::Warning },
        ));
        s.right.push(Block::Facts(facts));
        if !fits {
            s.right.push(Block::Callout(Cell::tone(
                "⚠ A backout after the last step would overrun the window: agree the point of no return.",
                Tone::Warning,
            )));
        }
    }
    s.notes.push(if b.tested {
        "The backout was rehearsed; ask whether anything changed since.".to_owned()
    } else {
        "The backout is not tested: agree when it will be, or record why not (an action item).".to_owned()
    });
    s.notes.push("Confirm who calls the backout and who is told.".to_owned());
    s
}
