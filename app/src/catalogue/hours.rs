//! Opening hours: whether an office is open at a moment, in German local time.

use super::model::Office;

/// Whether an office is open now.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum OpenStatus {
    /// Open until this time ("HH:MM").
    OpenUntil(String),
    /// Closed now.
    Closed,
}

/// Local civil time in Germany (CET/CEST) for a Unix timestamp: (date "YYYY-MM-DD", ISO
/// weekday 1-7, minutes since midnight).
pub fn berlin_local(unix_seconds: i64) -> (String, i64, i64) {
    let offset_hours = if is_summer_time(unix_seconds) { 2 } else { 1 };
    let local = unix_seconds + offset_hours * 3600;
    let days = local.div_euclid(86_400);
    let minutes = local.rem_euclid(86_400) / 60;
    let (year, month, day) = civil_from_days(days);
    // 1970-01-01 was a Thursday (ISO weekday 4).
    let weekday = (days + 3).rem_euclid(7) + 1;
    (format!("{year:04}-{month:02}-{day:02}"), weekday, minutes)
}

/// EU summer time: from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC.
fn is_summer_time(unix_seconds: i64) -> bool {
    let (year, _, _) = civil_from_days(unix_seconds.div_euclid(86_400));
    let start = last_sunday(year, 3) * 86_400 + 3600;
    let end = last_sunday(year, 10) * 86_400 + 3600;
    (start..end).contains(&unix_seconds)
}

fn last_sunday(year: i64, month: i64) -> i64 {
    let last_day = days_from_civil(year, month, 31);
    let weekday = (last_day + 3).rem_euclid(7) + 1; // ISO, Sunday = 7
    last_day - weekday % 7
}

/// Days since 1970-01-01 → (year, month, day); Howard Hinnant's algorithm.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A Unix timestamp as a German calendar date, e.g. "26.11.2026".
pub fn german_date(unix_seconds: i64) -> String {
    german_date_of(&berlin_local(unix_seconds).0)
}

/// A Unix timestamp as German local date and time, e.g. "26.11.2026, 14:05".
pub fn german_date_time(unix_seconds: i64) -> String {
    let (date, _, minutes) = berlin_local(unix_seconds);
    format!("{}, {:02}:{:02}", german_date_of(&date), minutes / 60, minutes % 60)
}

/// An ISO date ("2026-12-24") the way Germans write it ("24.12.2026").
pub fn german_date_of(iso: &str) -> String {
    let mut parts = iso.split('-');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), Some(d)) => format!("{d}.{m}.{y}"),
        _ => iso.to_string(),
    }
}

fn minutes(hhmm: &str) -> Option<i64> {
    let (h, m) = hhmm.split_once(':')?;
    Some(h.parse::<i64>().ok()? * 60 + m.parse::<i64>().ok()?)
}

/// Whether `office` is open at `unix_seconds`, honouring exceptions such as holidays.
pub fn open_status(office: &Office, unix_seconds: i64) -> OpenStatus {
    let (date, weekday, now) = berlin_local(unix_seconds);
    let intervals = match office.exceptions.iter().find(|e| e.date == date) {
        Some(exception) => &exception.intervals,
        None => match office.hours.iter().find(|d| d.weekday == weekday) {
            Some(day) => &day.intervals,
            None => return OpenStatus::Closed,
        },
    };
    intervals
        .iter()
        .find(|(from, to)| matches!((minutes(from), minutes(to)), (Some(f), Some(t)) if f <= now && now < t))
        .map_or(OpenStatus::Closed, |(_, to)| OpenStatus::OpenUntil(to.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::{DayHours, HoursException, Localized};

    fn office() -> Office {
        Office {
            slug_de: "buergerbuero".into(),
            slug_en: "citizen-office".into(),
            name: Localized::default(),
            street: String::new(),
            postcode: String::new(),
            city: String::new(),
            latitude: 0.0,
            longitude: 0.0,
            phone: String::new(),
            email: String::new(),
            hours: vec![DayHours { weekday: 4, intervals: vec![("08:00".into(), "12:00".into())], note: Localized::default() }],
            exceptions: vec![HoursException { date: "2026-12-24".into(), intervals: vec![], reason: Localized::default() }],
            accessibility: Localized::default(),
        }
    }

    #[test]
    fn local_time_follows_summer_and_winter_time() {
        // 2026-11-26 09:30 UTC is 10:30 CET, a Thursday.
        assert_eq!(berlin_local(1_795_685_400), ("2026-11-26".into(), 4, 10 * 60 + 30));
        // 2026-07-02 08:00 UTC is 10:00 CEST, a Thursday.
        assert_eq!(berlin_local(1_782_979_200), ("2026-07-02".into(), 4, 10 * 60));
    }

    #[test]
    fn opening_hours_and_holidays() {
        assert_eq!(open_status(&office(), 1_795_685_400), OpenStatus::OpenUntil("12:00".into()));
        // 13:30 CET the same day: closed.
        assert_eq!(open_status(&office(), 1_795_685_400 + 3 * 3600), OpenStatus::Closed);
        // Christmas Eve 2026 is a Thursday, but an exception closes the office.
        assert_eq!(open_status(&office(), 1_798_104_600), OpenStatus::Closed);
    }
}
