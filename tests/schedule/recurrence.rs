//! Recurring windows: wall-clock times kept across daylight-saving
//! changes, month ends, 29 February, `until`, far ranges and other zones.

use super::*;

#[test]
fn a_weekly_window_keeps_its_wall_clock_time_across_daylight_saving_changes() {
    let w = window(date(2026, 1, 4).at(1, 0, 0, 0), date(2026, 1, 4).at(5, 0, 0, 0), Repeat::Weekly);
    let tz = zone(LONDON);
    let got = occurrences(&w, &tz, range(date(2026, 3, 20).at(0, 0, 0, 0), date(2026, 4, 6).at(0, 0, 0, 0)));
    let at: Vec<(Timestamp, Timestamp)> = got.iter().map(|o| (o.interval.start, o.interval.end)).collect();
    assert_eq!(
        at,
        vec![
            (utc(date(2026, 3, 22).at(1, 0, 0, 0)), utc(date(2026, 3, 22).at(5, 0, 0, 0))),
            // 01:00 does not exist on 29 March: the window opens when the clocks reach 02:00 BST.
            (utc(date(2026, 3, 29).at(1, 0, 0, 0)), utc(date(2026, 3, 29).at(4, 0, 0, 0))),
            (utc(date(2026, 4, 5).at(0, 0, 0, 0)), utc(date(2026, 4, 5).at(4, 0, 0, 0))),
        ]
    );
    // 01:00 happens twice on 25 October: the first one (BST) opens the window, and it lasts five hours.
    let autumn = occurrences(&w, &tz, range(date(2026, 10, 24).at(0, 0, 0, 0), date(2026, 10, 26).at(0, 0, 0, 0)));
    assert_eq!(autumn.len(), 1);
    assert_eq!(autumn[0].interval.start, utc(date(2026, 10, 25).at(0, 0, 0, 0)));
    assert_eq!(autumn[0].interval.length(), SignedDuration::from_hours(5));
}

#[test]
fn a_monthly_window_on_the_31st_falls_on_the_last_day_of_shorter_months() {
    let w = window(date(2026, 1, 31).at(18, 0, 0, 0), date(2026, 2, 1).at(12, 0, 0, 0), Repeat::Monthly);
    let got = starts(&w, range(date(2026, 1, 1).at(0, 0, 0, 0), date(2026, 5, 1).at(0, 0, 0, 0)));
    let days: Vec<_> = got.iter().map(|d| d.date()).collect();
    assert_eq!(days, vec![date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30)]);
    let leap = starts(&w, range(date(2028, 2, 2).at(0, 0, 0, 0), date(2028, 3, 1).at(0, 0, 0, 0)));
    assert_eq!(leap.iter().map(|d| d.date()).collect::<Vec<_>>(), vec![date(2028, 2, 29)], "a leap year has the 29th");
}

#[test]
fn an_occurrence_that_spans_a_month_end_is_found_from_the_next_month() {
    let w = window(date(2026, 1, 31).at(18, 0, 0, 0), date(2026, 2, 1).at(12, 0, 0, 0), Repeat::Monthly);
    let got = occurrences(&w, &zone(LONDON), range(date(2026, 12, 1).at(0, 0, 0, 0), date(2026, 12, 2).at(0, 0, 0, 0)));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].start, date(2026, 11, 30).at(18, 0, 0, 0));
    assert_eq!(got[0].interval.end, london(date(2026, 12, 1).at(12, 0, 0, 0)));
}

#[test]
fn a_yearly_window_on_29_february_uses_28_february_in_common_years() {
    let w = window(date(2024, 2, 29).at(0, 0, 0, 0), date(2024, 2, 29).at(23, 59, 0, 0), Repeat::Yearly);
    let got = starts(&w, range(date(2024, 1, 1).at(0, 0, 0, 0), date(2029, 1, 1).at(0, 0, 0, 0)));
    let days: Vec<_> = got.iter().map(|d| d.date()).collect();
    assert_eq!(
        days,
        vec![date(2024, 2, 29), date(2025, 2, 28), date(2026, 2, 28), date(2027, 2, 28), date(2028, 2, 29)]
    );
}

#[test]
fn until_is_the_last_day_an_occurrence_may_start() {
    let mut w = window(date(2026, 1, 2).at(12, 0, 0, 0), date(2026, 1, 2).at(22, 0, 0, 0), Repeat::Weekly);
    w.until = Some(date(2026, 1, 23));
    let got = starts(&w, range(date(2025, 12, 1).at(0, 0, 0, 0), date(2026, 3, 1).at(0, 0, 0, 0)));
    assert_eq!(
        got.iter().map(|d| d.date()).collect::<Vec<_>>(),
        vec![date(2026, 1, 2), date(2026, 1, 9), date(2026, 1, 16), date(2026, 1, 23)]
    );
}

#[test]
fn a_range_far_ahead_is_reached_without_walking_every_occurrence() {
    let w = window(date(2025, 1, 3).at(12, 0, 0, 0), date(2025, 1, 3).at(22, 0, 0, 0), Repeat::Weekly);
    let got = starts(&w, range(date(2060, 6, 1).at(0, 0, 0, 0), date(2060, 6, 15).at(0, 0, 0, 0)));
    assert_eq!(got.iter().map(|d| d.date()).collect::<Vec<_>>(), vec![date(2060, 6, 4), date(2060, 6, 11)]);
    let once = window(date(2026, 5, 1).at(9, 0, 0, 0), date(2026, 5, 1).at(10, 0, 0, 0), Repeat::Never);
    assert!(starts(&once, range(date(2027, 1, 1).at(0, 0, 0, 0), date(2027, 2, 1).at(0, 0, 0, 0))).is_empty());
}

#[test]
fn windows_in_other_zones_land_at_the_right_instant() {
    let mut w = window(date(2026, 3, 1).at(22, 0, 0, 0), date(2026, 3, 2).at(2, 0, 0, 0), Repeat::Weekly);
    w.zone = "America/New_York".into();
    let tz = zone(&w.zone);
    // New York moves its clocks on 8 March 2026, London on 29 March.
    let got = occurrences(
        &w,
        &tz,
        Interval::new(utc(date(2026, 3, 1).at(0, 0, 0, 0)), utc(date(2026, 3, 17).at(0, 0, 0, 0))),
    );
    let at: Vec<Timestamp> = got.iter().map(|o| o.interval.start).collect();
    assert_eq!(
        at,
        vec![
            utc(date(2026, 3, 2).at(3, 0, 0, 0)),
            utc(date(2026, 3, 9).at(2, 0, 0, 0)),
            utc(date(2026, 3, 16).at(2, 0, 0, 0))
        ]
    );
}
