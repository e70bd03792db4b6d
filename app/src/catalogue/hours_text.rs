//! Opening hours and their exceptions as plain text, so staff can edit them in a textarea
//! without JavaScript. Lenient in what staff type, strict in what it writes:
//!
//! ```text
//! Mo 07:30-13:00 | nur mit Termin | en: by appointment only
//! Di 07:30-13:00, 14:00-18:00 | nur mit Termin | en: by appointment only
//! 2026-11-18 07:30-11:00 | Personalversammlung | en: Staff meeting
//! 2026-12-24 geschlossen | Heiligabend | en: Christmas Eve
//! ```
//!
//! The first two lines are regular hours ([`format_hours`], [`parse_hours`]), the last two
//! exceptions ([`format_exceptions`], [`parse_exceptions`]). What follows a `|` is the note
//! (the reason of an exception): unmarked or `de:` German, `en:` English, `ls:` Leichte Sprache.
//! Input may also use full day names (`Montag`), ranges and lists (`Mo-Fr`, `Mo, Mi`), times
//! without minutes, with a dot or with "Uhr" (`8-12`, `8.30 - 12 Uhr`, `8 bis 12`), and German
//! dates (`24.12.2026`). Blank lines are ignored; every other line is one weekday (or several,
//! written as a range or list) or one date.

use super::model::{DayHours, HoursException, Localized};
use serde::{Deserialize, Serialize};

/// A mistake in one line of a text field, for the message beside the textarea.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineError {
    /// The line, counted from 1.
    pub line: usize,
    /// What is wrong, in German, for staff.
    pub message_de: String,
}

impl LineError {
    /// An error in `line` (counted from 1).
    pub fn new(line: usize, message_de: impl Into<String>) -> LineError {
        LineError { line, message_de: message_de.into() }
    }
}

/// German abbreviation and full name of each weekday, Monday first.
const DAYS: [(&str, &str); 7] =
    [("Mo", "Montag"), ("Di", "Dienstag"), ("Mi", "Mittwoch"), ("Do", "Donnerstag"), ("Fr", "Freitag"), ("Sa", "Samstag"), ("So", "Sonntag")];

/// The word written for a day without opening hours.
const CLOSED: &str = "geschlossen";

/// Regular opening hours as text, one line per weekday, Monday first.
pub fn format_hours(hours: &[DayHours]) -> String {
    let mut days: Vec<&DayHours> = hours.iter().collect();
    days.sort_by_key(|day| day.weekday);
    let lines = days.iter().map(|day| format!("{} {}{}", day_abbreviation(day.weekday), format_intervals(&day.intervals), format_note(&day.note)));
    lines.collect::<Vec<_>>().join("\n")
}

/// Exceptions as text, one line per date, earliest first.
pub fn format_exceptions(exceptions: &[HoursException]) -> String {
    let mut days: Vec<&HoursException> = exceptions.iter().collect();
    days.sort_by(|a, b| a.date.cmp(&b.date));
    let lines = days.iter().map(|day| format!("{} {}{}", day.date, format_intervals(&day.intervals), format_note(&day.reason)));
    lines.collect::<Vec<_>>().join("\n")
}

/// Reads regular opening hours written as [`format_hours`] writes them (or more loosely), sorted
/// by weekday. An empty text means no regular hours.
pub fn parse_hours(text: &str) -> Result<Vec<DayHours>, Vec<LineError>> {
    let mut days: Vec<(usize, DayHours)> = Vec::new();
    let mut errors = Vec::new();
    for (line, content) in numbered_lines(text) {
        match parse_day_line(content) {
            Ok(entries) => {
                for entry in entries {
                    match days.iter().find(|(_, day)| day.weekday == entry.weekday) {
                        Some((first, _)) => errors.push(LineError::new(line, twice(day_name(entry.weekday), *first, line))),
                        None => days.push((line, entry)),
                    }
                }
            }
            Err(message) => errors.push(LineError::new(line, message)),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut days: Vec<DayHours> = days.into_iter().map(|(_, day)| day).collect();
    days.sort_by_key(|day| day.weekday);
    Ok(days)
}

/// Reads exceptions written as [`format_exceptions`] writes them (or with German dates), sorted
/// by date.
pub fn parse_exceptions(text: &str) -> Result<Vec<HoursException>, Vec<LineError>> {
    let mut days: Vec<(usize, HoursException)> = Vec::new();
    let mut errors = Vec::new();
    for (line, content) in numbered_lines(text) {
        match parse_exception_line(content) {
            Ok(entry) => match days.iter().find(|(_, day)| day.date == entry.date) {
                Some((first, _)) => errors.push(LineError::new(line, twice(&entry.date, *first, line))),
                None => days.push((line, entry)),
            },
            Err(message) => errors.push(LineError::new(line, message)),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut days: Vec<HoursException> = days.into_iter().map(|(_, day)| day).collect();
    days.sort_by(|a, b| a.date.cmp(&b.date));
    Ok(days)
}

/// Checks stored regular hours: weekdays 1 to 7, each once, intervals "HH:MM-HH:MM" in order and
/// not overlapping, notes writable as text. Line numbers are those of [`format_hours`].
pub fn check_hours(hours: &[DayHours]) -> Result<(), Vec<LineError>> {
    let mut days: Vec<&DayHours> = hours.iter().collect();
    days.sort_by_key(|day| day.weekday);
    let mut errors = Vec::new();
    for (index, day) in days.iter().enumerate() {
        let result = if !(1..=7).contains(&day.weekday) {
            Err(format!("Den Wochentag {} gibt es nicht (1 = Montag … 7 = Sonntag).", day.weekday))
        } else if index > 0 && days[index - 1].weekday == day.weekday {
            Err(format!("{} steht zweimal da.", day_name(day.weekday)))
        } else {
            check_stored_intervals(&day.intervals).and_then(|()| check_note(&day.note))
        };
        errors.extend(result.err().map(|message| LineError::new(index + 1, message)));
    }
    errors.is_empty().then_some(()).ok_or(errors)
}

/// Checks stored exceptions: real dates "YYYY-MM-DD", each once, intervals as in
/// [`check_hours`]. Line numbers are those of [`format_exceptions`].
pub fn check_exceptions(exceptions: &[HoursException]) -> Result<(), Vec<LineError>> {
    let mut days: Vec<&HoursException> = exceptions.iter().collect();
    days.sort_by(|a, b| a.date.cmp(&b.date));
    let mut errors = Vec::new();
    for (index, day) in days.iter().enumerate() {
        let result = if parse_date(&day.date).as_deref() != Some(day.date.as_str()) {
            Err(format!("„{}“ ist kein Datum der Form JJJJ-MM-TT.", day.date))
        } else if index > 0 && days[index - 1].date == day.date {
            Err(format!("{} steht zweimal da.", day.date))
        } else {
            check_stored_intervals(&day.intervals).and_then(|()| check_note(&day.reason))
        };
        errors.extend(result.err().map(|message| LineError::new(index + 1, message)));
    }
    errors.is_empty().then_some(()).ok_or(errors)
}

/// The non-blank lines of `text` with their numbers (from 1).
pub(crate) fn numbered_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().map(|(index, line)| (index + 1, line.trim())).filter(|(_, line)| !line.is_empty())
}

fn twice(what: &str, first: usize, line: usize) -> String {
    if first == line {
        format!("{what} steht in dieser Zeile zweimal.")
    } else {
        format!("{what} steht schon in Zeile {first}.")
    }
}

fn day_abbreviation(weekday: i64) -> String {
    usize::try_from(weekday - 1).ok().and_then(|i| DAYS.get(i)).map_or_else(|| weekday.to_string(), |(short, _)| (*short).to_string())
}

fn day_name(weekday: i64) -> &'static str {
    usize::try_from(weekday - 1).ok().and_then(|i| DAYS.get(i)).map_or("?", |(_, name)| name)
}

fn format_intervals(intervals: &[(String, String)]) -> String {
    if intervals.is_empty() {
        return CLOSED.into();
    }
    let mut sorted: Vec<&(String, String)> = intervals.iter().collect();
    sorted.sort();
    sorted.iter().map(|(opens, closes)| format!("{opens}-{closes}")).collect::<Vec<_>>().join(", ")
}

/// ` | German | en: English | ls: Leichte Sprache`, leaving out empty versions.
fn format_note(note: &Localized) -> String {
    let mut text = String::new();
    if !note.de.is_empty() {
        let marked = ["de:", "en:", "ls:"].iter().any(|prefix| note.de.get(..3).is_some_and(|start| start.eq_ignore_ascii_case(prefix)));
        text.push_str(if marked { " | de: " } else { " | " });
        text.push_str(&note.de);
    }
    for (prefix, value) in [("en", &note.en), ("ls", &note.ls)] {
        if !value.is_empty() {
            text.push_str(&format!(" | {prefix}: {value}"));
        }
    }
    text
}

/// Splits a line at its first `|` into the entry and its note.
fn split_note(line: &str) -> Result<(&str, Localized), String> {
    let Some((head, rest)) = line.split_once('|') else {
        return Ok((line, Localized::default()));
    };
    let mut note = Localized::default();
    for part in rest.split('|').map(str::trim).filter(|part| !part.is_empty()) {
        let (slot, which, text) = match part.get(..3).map(str::to_ascii_lowercase).as_deref() {
            Some("en:") => (&mut note.en, "ein englischer Hinweis", part[3..].trim()),
            Some("ls:") => (&mut note.ls, "ein Hinweis in Leichter Sprache", part[3..].trim()),
            Some("de:") => (&mut note.de, "ein deutscher Hinweis", part[3..].trim()),
            _ => (&mut note.de, "ein deutscher Hinweis", part),
        };
        if !slot.is_empty() {
            return Err(format!("Hier steht schon {which}. Kennzeichnen Sie Englisch mit „en:“ und Leichte Sprache mit „ls:“."));
        }
        *slot = text.to_string();
    }
    Ok((head.trim(), note))
}

fn parse_day_line(line: &str) -> Result<Vec<DayHours>, String> {
    let (head, note) = split_note(line)?;
    let (weekdays, rest) = parse_days(head)?;
    let intervals = parse_intervals(rest)?;
    Ok(weekdays.into_iter().map(|weekday| DayHours { weekday, intervals: intervals.clone(), note: note.clone() }).collect())
}

fn parse_exception_line(line: &str) -> Result<HoursException, String> {
    let (head, reason) = split_note(line)?;
    let (word, rest) = head.split_once(char::is_whitespace).unwrap_or((head, ""));
    let date = parse_date(word).ok_or_else(|| format!("„{word}“ ist kein Datum; die Zeile muss mit einem Datum beginnen, z. B. 2026-12-24 oder 24.12.2026."))?;
    Ok(HoursException { date, intervals: parse_intervals(rest)?, reason })
}

/// The weekdays at the start of `head` (`Mo`, `Montag`, `Mo-Fr`, `Mo, Mi bis Fr`) and the rest.
fn parse_days(head: &str) -> Result<(Vec<i64>, &str), String> {
    let mut days = Vec::new();
    let mut rest = head;
    loop {
        let Some((first, after)) = day_word(rest) else {
            let word = rest.split_whitespace().next().unwrap_or_default();
            return Err(format!("„{word}“ ist kein Wochentag; die Zeile muss mit Mo, Di, Mi, Do, Fr, Sa oder So beginnen."));
        };
        rest = after.trim_start();
        match strip_range(rest).and_then(day_word) {
            Some((last, _)) if last < first => {
                return Err(format!("Von {} bis {}: Der erste Tag muss vor dem letzten liegen.", day_name(first), day_name(last)));
            }
            Some((last, after)) => {
                days.extend(first..=last);
                rest = after.trim_start();
            }
            None => days.push(first),
        }
        match rest.strip_prefix(',').map(str::trim_start) {
            Some(after) if day_word(after).is_some() => rest = after,
            _ => return Ok((days, rest)),
        }
    }
}

/// The text after a range dash (`-`, `–`, `bis`) at the start of `text`.
fn strip_range(text: &str) -> Option<&str> {
    let after = text.strip_prefix('-').or_else(|| text.strip_prefix('–')).or_else(|| {
        let after = text.strip_prefix("bis")?;
        after.starts_with(char::is_whitespace).then_some(after)
    })?;
    Some(after.trim_start())
}

/// The weekday named by the word at the start of `text` (with an optional dot), and the rest.
fn day_word(text: &str) -> Option<(i64, &str)> {
    let end = text.find(|c: char| !c.is_alphabetic()).unwrap_or(text.len());
    let word = text[..end].to_lowercase();
    let rest = &text[end..];
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let index = DAYS.iter().position(|(short, long)| word == short.to_lowercase() || word == long.to_lowercase());
    let index = index.or_else(|| (word == "sonnabend").then_some(5))?;
    Some((index as i64 + 1, rest))
}

/// Opening intervals as staff write them: `geschlossen`, or spans separated by commas,
/// semicolons, spaces or "und".
fn parse_intervals(text: &str) -> Result<Vec<(String, String)>, String> {
    let text = text.trim().to_lowercase();
    if text.is_empty() {
        return Err("Es fehlen die Uhrzeiten, z. B. „08:00-12:00“, oder „geschlossen“.".into());
    }
    if ["geschlossen", "zu", "closed"].contains(&text.as_str()) {
        return Ok(Vec::new());
    }
    let mut text = text.replace(['–', '—'], "-").replace(" bis ", "-").replace("uhr", " ");
    while text.contains(" -") || text.contains("- ") {
        text = text.replace(" -", "-").replace("- ", "-");
    }
    let mut spans = Vec::new();
    for piece in text.split(|c: char| c == ',' || c == ';' || c.is_whitespace()).filter(|p| !p.is_empty() && *p != "und") {
        let Some((opens, closes)) = piece.split_once('-') else {
            return Err(format!("„{piece}“ ist keine Zeitspanne; erwartet wird z. B. 08:00-12:00."));
        };
        spans.push((lenient_time(opens)?, lenient_time(closes)?));
    }
    let spans = check_spans(spans)?;
    Ok(spans.into_iter().map(|(opens, closes)| (format_time(opens), format_time(closes))).collect())
}

/// Minutes since midnight of `8`, `08`, `8:30`, `8.30` or `08:30`; 24:00 is allowed as the end.
fn lenient_time(text: &str) -> Result<u32, String> {
    let (hours, minutes) = text.split_once([':', '.']).unwrap_or((text, "00"));
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let parsed = (digits(hours, 1..=2) && digits(minutes, 2..=2)).then(|| (hours.parse::<u32>().unwrap_or(99), minutes.parse::<u32>().unwrap_or(99)));
    match parsed {
        Some((h, m)) if h < 24 && m < 60 => Ok(h * 60 + m),
        Some((24, 0)) => Ok(24 * 60),
        _ => Err(format!("„{text}“ ist keine Uhrzeit; erwartet wird z. B. 08:00 oder 8.")),
    }
}

/// Minutes since midnight of a stored "HH:MM".
fn strict_time(text: &str) -> Result<u32, String> {
    let well_formed = text.len() == 5 && text.as_bytes()[2] == b':' && text.bytes().enumerate().all(|(i, b)| i == 2 || b.is_ascii_digit());
    match well_formed.then(|| lenient_time(text)) {
        Some(Ok(minutes)) => Ok(minutes),
        _ => Err(format!("„{text}“ ist keine Uhrzeit der Form HH:MM.")),
    }
}

fn format_time(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

fn check_stored_intervals(intervals: &[(String, String)]) -> Result<(), String> {
    let spans = intervals.iter().map(|(opens, closes)| Ok((strict_time(opens)?, strict_time(closes)?))).collect::<Result<Vec<_>, String>>()?;
    check_spans(spans).map(drop)
}

/// Sorts opening spans and checks each ends after it begins and none overlap.
fn check_spans(mut spans: Vec<(u32, u32)>) -> Result<Vec<(u32, u32)>, String> {
    let show = |(opens, closes): (u32, u32)| format!("{}-{}", format_time(opens), format_time(closes));
    if let Some(&span) = spans.iter().find(|(opens, closes)| opens >= closes) {
        return Err(format!("„{}“: Das Ende muss nach dem Beginn liegen.", show(span)));
    }
    spans.sort_unstable();
    if let Some(pair) = spans.windows(2).find(|pair| pair[1].0 < pair[0].1) {
        return Err(format!("„{}“ und „{}“ überschneiden sich.", show(pair[0]), show(pair[1])));
    }
    Ok(spans)
}

/// Notes must survive the text form: no `|`, no line breaks.
fn check_note(note: &Localized) -> Result<(), String> {
    let bad = [&note.de, &note.en, &note.ls].iter().any(|text| text.contains(['|', '\n', '\r']));
    if bad {
        Err("Hinweise dürfen keinen senkrechten Strich „|“ und keinen Zeilenumbruch enthalten.".into())
    } else {
        Ok(())
    }
}

/// "YYYY-MM-DD" of a real date written `2026-12-24`, `2026-12-4` or `24.12.2026`.
fn parse_date(text: &str) -> Option<String> {
    let numbers: Vec<&str> = if text.contains('-') { text.split('-').collect() } else { text.split('.').rev().collect() };
    let [year, month, day] = numbers.as_slice() else {
        return None;
    };
    let number = |s: &str, len: std::ops::RangeInclusive<usize>| (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten();
    let (year, month, day) = (number(year, 4..=4)?, number(month, 1..=2)?, number(day, 1..=2)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days_in_month).contains(&day).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests;
