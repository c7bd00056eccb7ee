//! Which screen the presenter's notes go on.
//!
//! egui knows only the size of the monitor a window is on
//! (`ViewportInfo::monitor_size`), not how many there are or where they
//! sit, so the list comes from the native window eframe hands the app
//! each frame. The notes then open full screen on a monitor the slides
//! are not on (`ViewportBuilder::with_monitor`, the one placement that
//! also works on Wayland). Where no native window is known (in tests) the
//! answer is [`Placement::Unknown`]: the notes wait for N and say why
//! they sit over the slides.

/// A monitor, in physical pixels of the desktop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Screen {
    /// Left edge.
    pub x: i32,
    /// Top edge.
    pub y: i32,
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
}

impl Screen {
    /// Whether two monitors share any pixel (a mirrored projector does).
    fn overlaps(&self, other: &Screen) -> bool {
        let right = |s: &Screen| i64::from(s.x) + i64::from(s.width);
        let bottom = |s: &Screen| i64::from(s.y) + i64::from(s.height);
        i64::from(self.x) < right(other)
            && i64::from(other.x) < right(self)
            && i64::from(self.y) < bottom(other)
            && i64::from(other.y) < bottom(self)
    }
}

/// Where the notes window opens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Placement {
    /// The monitors are not known: the notes open over the slides when asked for.
    #[default]
    Unknown,
    /// Every monitor shows the slides (one screen, or a mirrored projector).
    OneScreen,
    /// Full screen on the monitor at this index of the system's list, away from the slides.
    Screen(usize),
}

/// Where the notes go, given every monitor and the one the slides are on.
pub fn placement(all: &[Screen], slides_on: Option<Screen>) -> Placement {
    let Some(slides) = slides_on else { return Placement::Unknown };
    if all.is_empty() {
        return Placement::Unknown;
    }
    all.iter().position(|s| !s.overlaps(&slides)).map_or(Placement::OneScreen, Placement::Screen)
}

/// Where the notes go, asked of the native window (none in tests).
pub fn detect(frame: &eframe::Frame) -> Placement {
    let Some(window) = frame.winit_window() else { return Placement::Unknown };
    // eframe does not re-export winit, so its monitor type goes unnamed here.
    macro_rules! screen {
        ($m:expr) => {{
            let (p, s) = ($m.position(), $m.size());
            Screen { x: p.x, y: p.y, width: s.width, height: s.height }
        }};
    }
    let all: Vec<Screen> = window.available_monitors().map(|m| screen!(m)).collect();
    placement(&all, window.current_monitor().map(|m| screen!(m)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAPTOP: Screen = Screen { x: 0, y: 0, width: 2880, height: 1800 };
    const PROJECTOR: Screen = Screen { x: 2880, y: 0, width: 1920, height: 1080 };

    #[test]
    fn the_notes_go_to_the_screen_the_slides_are_not_on() {
        assert_eq!(placement(&[LAPTOP, PROJECTOR], Some(PROJECTOR)), Placement::Screen(0));
        assert_eq!(placement(&[LAPTOP, PROJECTOR], Some(LAPTOP)), Placement::Screen(1));
        let left = Screen { x: -1920, ..PROJECTOR };
        assert_eq!(placement(&[left, LAPTOP], Some(LAPTOP)), Placement::Screen(0));
    }

    #[test]
    fn one_screen_or_a_mirrored_projector_keeps_the_notes_over_the_slides() {
        assert_eq!(placement(&[LAPTOP], Some(LAPTOP)), Placement::OneScreen);
        let mirror = Screen { x: 0, y: 0, width: 1920, height: 1080 };
        assert_eq!(placement(&[LAPTOP, mirror], Some(LAPTOP)), Placement::OneScreen);
    }

    #[test]
    fn without_the_list_of_monitors_nobody_can_tell() {
        assert_eq!(placement(&[], Some(LAPTOP)), Placement::Unknown);
        assert_eq!(placement(&[LAPTOP, PROJECTOR], None), Placement::Unknown);
    }
}
