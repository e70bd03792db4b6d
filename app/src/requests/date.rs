//! Calendar dates without a date library: days since 1970-01-01 and back (the civil calendar
//! algorithms of Howard Hinnant), which is all forms and expected decision dates need.

use serde::{Deserialize, Serialize};

/// A calendar day, counted from 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Day(pub i64);

impl Day {
    /// The day of a Unix time in seconds (UTC).
    pub fn from_unix(seconds: i64) -> Day {
        Day(seconds.div_euclid(86_400))
    }

    /// The day of a year, month (1–12) and day (1–31); `None` for a date that does not exist.
    pub fn from_ymd(year: i64, month: u32, day: u32) -> Option<Day> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) || !(1000..=9999).contains(&year) {
            return None;
        }
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Day(era * 146_097 + doe - 719_468))
    }

    /// Year, month and day.
    pub fn ymd(self) -> (i64, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        (year, month, day)
    }

    /// Reads `2026-11-26` (what date inputs send) or `26.11.2026` (what people type).
    pub fn parse(text: &str) -> Option<Day> {
        let text = text.trim();
        let parts: Vec<&str> = if text.contains('-') { text.split('-').collect() } else { text.split('.').collect() };
        if parts.len() != 3 || parts.iter().any(|part| part.is_empty() || !part.chars().all(|c| c.is_ascii_digit())) {
            return None;
        }
        let numbers: Vec<i64> = parts.iter().map(|part| part.parse().ok()).collect::<Option<_>>()?;
        let (year, month, day) = if text.contains('-') { (numbers[0], numbers[1], numbers[2]) } else { (numbers[2], numbers[1], numbers[0]) };
        Day::from_ymd(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
    }

    /// `2026-11-26`, the value of a date input.
    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// `26.11.2026`, how German readers write a date.
    pub fn german(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{d:02}.{m:02}.{y:04}")
    }

    /// The date `days` later.
    pub fn plus(self, days: i64) -> Day {
        Day(self.0 + days)
    }
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_and_impossible_dates_are_refused() {
        assert_eq!(Day::from_ymd(1970, 1, 1), Some(Day(0)));
        let day = Day::parse("29.02.2028").unwrap();
        assert_eq!(day.iso(), "2028-02-29");
        assert_eq!(Day::parse("2028-02-29"), Some(day));
        assert_eq!(Day::parse("29.02.2027"), None);
        assert_eq!(Day::parse("31.04.2026"), None);
        assert_eq!(Day::parse("1.1."), None);
        assert_eq!(Day::parse("-1-1-1"), None);
        assert_eq!(Day::from_unix(1_795_651_200).german(), "26.11.2026");
        for n in -800_000..800_000i64 {
            if n % 997 == 0 {
                let (y, m, d) = Day(n).ymd();
                assert_eq!(Day::from_ymd(y, m, d), if (1000..=9999).contains(&y) { Some(Day(n)) } else { None });
            }
        }
    }
}
