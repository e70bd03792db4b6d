//! The dashboard's arithmetic: the period filter, medians, top lists and days overdue.

use crate::requests::date::Day;
use serde::{Deserialize, Serialize};

/// The query parameter of the period filter.
pub const PERIOD_PARAM: &str = "zeitraum";

/// Which requests and feedback messages the dashboard counts, by when they arrived.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Period {
    /// The last 30 days.
    Days30,
    /// The last 90 days.
    Days90,
    /// Everything.
    #[default]
    All,
}

impl Period {
    /// Every period, in the order the filter offers them.
    pub const ALL: [Period; 3] = [Period::Days30, Period::Days90, Period::All];

    /// The value in the address (`?zeitraum=30`).
    pub fn code(self) -> &'static str {
        match self {
            Period::Days30 => "30",
            Period::Days90 => "90",
            Period::All => "alle",
        }
    }

    /// What the filter shows.
    pub fn label(self) -> &'static str {
        match self {
            Period::Days30 => "Letzte 30 Tage",
            Period::Days90 => "Letzte 90 Tage",
            Period::All => "Gesamter Zeitraum",
        }
    }

    /// The period of a parameter value: empty means everything; an unknown value gives
    /// everything and a message saying so.
    pub fn parse(value: &str) -> (Period, Option<String>) {
        let value = value.trim();
        if value.is_empty() {
            return (Period::All, None);
        }
        match Period::ALL.into_iter().find(|period| period.code() == value) {
            Some(period) => (period, None),
            None => {
                let shown: String = value.chars().take(40).collect();
                (Period::All, Some(format!("Den Zeitraum „{shown}“ gibt es nicht. Gezeigt wird der gesamte Zeitraum.")))
            }
        }
    }

    /// The earliest Unix time counted when it is `now` (0 for everything).
    pub fn since(self, now: i64) -> i64 {
        match self {
            Period::Days30 => now - 30 * 86_400,
            Period::Days90 => now - 90 * 86_400,
            Period::All => 0,
        }
    }
}

/// The median of `values` (the mean of the two middle ones for an even count); `None` when
/// there are none. Sorts in place.
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    Some(if values.len().is_multiple_of(2) { (values[middle - 1] + values[middle]) / 2.0 } else { values[middle] })
}

/// Days from submission (Unix seconds) to decision (Unix seconds), with fractions.
pub fn days_between(submitted_at: i64, decided_at: i64) -> f64 {
    (decided_at - submitted_at) as f64 / 86_400.0
}

/// Calendar days a resident was promised: from the day of submission to the expected day.
pub fn expected_days(submitted_at: i64, expected: Day) -> f64 {
    (expected.0 - Day::from_unix(submitted_at).0) as f64
}

/// Whole days an open request is past its expected day on `today` (0 when it is not late;
/// the expected day itself is not late).
pub fn days_overdue(expected: Day, today: Day) -> i64 {
    (today.0 - expected.0).max(0)
}

/// The `keep` largest counts (largest first, ties by label) and the sum of the rest, when
/// there is a rest.
pub fn top_with_others(mut counts: Vec<(String, i64)>, keep: usize) -> (Vec<(String, i64)>, Option<i64>) {
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    if counts.len() <= keep {
        return (counts, None);
    }
    let others = counts.split_off(keep).iter().map(|(_, count)| count).sum();
    (counts, Some(others))
}

/// A number of days the German way: "12", "12,5".
pub fn german_days(days: f64) -> String {
    let rounded = (days * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}").replace('.', ",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_of_odd_even_and_no_values() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [4.0]), Some(4.0));
        assert_eq!(median(&mut [9.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(&mut [10.0, 2.0, 4.0, 100.0]), Some(7.0), "the mean of the middle two, outliers ignored");
    }

    #[test]
    fn decision_and_expected_days() {
        let monday_noon = 1_795_651_200 + 12 * 3600;
        assert_eq!(days_between(monday_noon, monday_noon + 3 * 86_400 + 43_200), 3.5);
        assert_eq!(expected_days(monday_noon, Day::from_unix(monday_noon).plus(14)), 14.0);
    }

    #[test]
    fn overdue_starts_the_day_after_the_expected_day() {
        let expected = Day(20_000);
        assert_eq!(days_overdue(expected, Day(19_990)), 0);
        assert_eq!(days_overdue(expected, expected), 0);
        assert_eq!(days_overdue(expected, Day(20_001)), 1);
        assert_eq!(days_overdue(expected, Day(20_030)), 30);
    }

    #[test]
    fn top_lists_keep_the_largest_and_sum_the_rest() {
        let counts = vec![("b".to_string(), 5), ("a".to_string(), 5), ("c".to_string(), 1), ("d".to_string(), 2)];
        let (top, others) = top_with_others(counts.clone(), 2);
        assert_eq!(top, vec![("a".to_string(), 5), ("b".to_string(), 5)]);
        assert_eq!(others, Some(3));
        let (top, others) = top_with_others(counts, 4);
        assert_eq!(top.len(), 4);
        assert_eq!(others, None, "no 'others' when everything is shown");
    }

    #[test]
    fn periods_parse_and_bad_values_fall_back_with_a_message() {
        assert_eq!(Period::parse(""), (Period::All, None));
        assert_eq!(Period::parse("30"), (Period::Days30, None));
        assert_eq!(Period::parse(" 90 "), (Period::Days90, None));
        let (period, message) = Period::parse("<script>");
        assert_eq!(period, Period::All);
        assert!(message.is_some_and(|m| m.contains("„<script>“")));
        assert_eq!(Period::Days30.since(100 * 86_400), 70 * 86_400);
        assert_eq!(Period::All.since(100), 0);
    }

    #[test]
    fn days_read_the_german_way() {
        assert_eq!(german_days(12.0), "12");
        assert_eq!(german_days(12.46), "12,5");
        assert_eq!(german_days(0.04), "0");
    }
}
