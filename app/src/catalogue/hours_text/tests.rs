use super::*;
use crate::catalogue::model::Catalogue;

fn span(opens: &str, closes: &str) -> (String, String) {
    (opens.into(), closes.into())
}

fn lines(result: Result<impl std::fmt::Debug, Vec<LineError>>) -> Vec<usize> {
    result.unwrap_err().iter().map(|e| e.line).collect()
}

fn first_message<T: std::fmt::Debug>(result: Result<T, Vec<LineError>>) -> String {
    result.unwrap_err().remove(0).message_de
}

#[test]
fn hours_are_written_strictly() {
    let hours = vec![
        DayHours { weekday: 4, intervals: vec![span("14:00", "18:00"), span("08:00", "12:00")], note: Localized { de: "nur mit Termin".into(), en: "by appointment only".into(), ls: String::new() } },
        DayHours { weekday: 1, intervals: vec![span("07:30", "13:00")], note: Localized::default() },
        DayHours { weekday: 6, intervals: vec![], note: Localized { de: String::new(), en: String::new(), ls: "Samstags ist zu.".into() } },
    ];
    assert_eq!(
        format_hours(&hours),
        "Mo 07:30-13:00\nDo 08:00-12:00, 14:00-18:00 | nur mit Termin | en: by appointment only\nSa geschlossen | ls: Samstags ist zu."
    );
}

#[test]
fn hours_input_is_read_leniently() {
    let text = "montag 8-12\n\n  Di. 08:00 - 12:00 und 14 bis 18 Uhr | Nur mit Termin \nMittwoch 8.30–12;13-15:30\nDo, Fr 9-12 | ohne Termin | EN: walk in | ls: Ohne Termin.\nSonnabend zu";
    let hours = parse_hours(text).unwrap();
    let formatted = format_hours(&hours);
    assert_eq!(
        formatted,
        "Mo 08:00-12:00\nDi 08:00-12:00, 14:00-18:00 | Nur mit Termin\nMi 08:30-12:00, 13:00-15:30\n\
         Do 09:00-12:00 | ohne Termin | en: walk in | ls: Ohne Termin.\nFr 09:00-12:00 | ohne Termin | en: walk in | ls: Ohne Termin.\nSa geschlossen"
    );
    assert_eq!(parse_hours(&formatted).unwrap(), hours);
    let range = parse_hours("Mo-Fr 08:00-12:00\nSa bis So geschlossen").unwrap();
    assert_eq!(range.iter().map(|d| d.weekday).collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6, 7]);
    assert_eq!(parse_hours("Fr 8-24").unwrap()[0].intervals, [span("08:00", "24:00")]);
    assert_eq!(parse_hours(" \n\n").unwrap(), vec![], "no regular hours");
}

#[test]
fn a_note_that_looks_like_a_language_mark_survives() {
    let hours = vec![DayHours { weekday: 2, intervals: vec![span("08:00", "09:00")], note: Localized { de: "EN: Englischkurs".into(), ..Localized::default() } }];
    assert_eq!(format_hours(&hours), "Di 08:00-09:00 | de: EN: Englischkurs");
    assert_eq!(parse_hours(&format_hours(&hours)).unwrap(), hours);
}

#[test]
fn bad_hours_are_reported_by_line() {
    assert_eq!(lines(parse_hours("Mo 08:00-12:00\nQuatsch\nDi 25:00-26:00\nMi 12:00-08:00\nDo 08:00-12:00, 11:00-14:00")), [2, 3, 4, 5]);
    assert!(first_message(parse_hours("Di 25:00-26:00")).contains("„25:00“ ist keine Uhrzeit"));
    assert!(first_message(parse_hours("Mi 12:00-08:00")).contains("Ende muss nach dem Beginn"));
    assert!(first_message(parse_hours("Do 08:00-12:00, 11:00-14:00")).contains("überschneiden sich"));
    assert!(first_message(parse_hours("Mo")).contains("Es fehlen die Uhrzeiten"));
    assert!(first_message(parse_hours("Mo |nur mit Termin")).contains("Es fehlen die Uhrzeiten"));
    assert!(first_message(parse_hours("08:00-12:00")).contains("kein Wochentag"));
    assert!(first_message(parse_hours("Mo 8:60-9")).contains("keine Uhrzeit"));
    assert!(first_message(parse_hours("Mo 24-24")).contains("Ende muss nach dem Beginn"));
    assert!(first_message(parse_hours("Mo 8")).contains("keine Zeitspanne"));
    assert!(first_message(parse_hours("Mo 8-12-14")).contains("keine Uhrzeit"));
    assert!(first_message(parse_hours("Fr-Mo 8-12")).contains("erste Tag"));
    assert!(first_message(parse_hours("Mo 8-12 | a | b")).contains("schon ein deutscher Hinweis"));
    assert_eq!(lines(parse_hours("Mo-Fr 8-12\n\nDo 14-18")), [3]);
    assert!(first_message(parse_hours("Mo-Fr 8-12\nDo 14-18")).contains("Donnerstag steht schon in Zeile 1"));
    assert_eq!(lines(parse_hours("Mo, Mo 8-12")), [1]);
}

#[test]
fn exceptions_round_trip_and_accept_german_dates() {
    let text = "31.12.2026 8-12 | Silvester\n2026-12-24 geschlossen | Heiligabend | en: Christmas Eve\n2028-2-29 zu";
    let exceptions = parse_exceptions(text).unwrap();
    let formatted = format_exceptions(&exceptions);
    assert_eq!(formatted, "2026-12-24 geschlossen | Heiligabend | en: Christmas Eve\n2026-12-31 08:00-12:00 | Silvester\n2028-02-29 geschlossen");
    assert_eq!(parse_exceptions(&formatted).unwrap(), exceptions);
    assert_eq!(check_exceptions(&exceptions), Ok(()));
}

#[test]
fn bad_exceptions_are_reported_by_line() {
    let text = "2026-02-29 geschlossen\nmorgen geschlossen\n2026-12-24\n2026-13-01 zu\n2026-12-24 geschlossen\n2026-12-24 8-12";
    assert_eq!(lines(parse_exceptions(text)), [1, 2, 3, 4, 6]);
    assert!(first_message(parse_exceptions("2026-12-24 geschlossen\n24.12.2026 8-12")).contains("2026-12-24 steht schon in Zeile 1"));
    assert!(first_message(parse_exceptions("Heiligabend geschlossen")).contains("kein Datum"));
    assert!(first_message(parse_exceptions("2026-12-31 12:00-08:00")).contains("Ende muss nach dem Beginn"));
}

#[test]
fn stored_hours_are_checked_strictly() {
    let day = |weekday, intervals: Vec<(String, String)>| DayHours { weekday, intervals, note: Localized::default() };
    assert_eq!(check_hours(&[day(1, vec![span("08:00", "12:00")]), day(2, vec![])]), Ok(()));
    let bad = [
        day(8, vec![]),
        day(1, vec![span("8:00", "12:00")]),
        day(2, vec![span("12:00", "08:00")]),
        day(3, vec![span("08:00", "12:00"), span("11:59", "13:00")]),
        day(3, vec![]),
        day(4, vec![span("08:00", "12:00")]),
    ];
    assert_eq!(lines(check_hours(&bad)), [1, 2, 3, 4, 6], "lines of format_hours, weekday order");
    let piped = DayHours { note: Localized { en: "a | b".into(), ..Localized::default() }, ..day(5, vec![]) };
    assert!(first_message(check_hours(&[piped])).contains("senkrechten Strich"));
    let exception = |date: &str| HoursException { date: date.into(), intervals: vec![], reason: Localized::default() };
    assert_eq!(lines(check_exceptions(&[exception("2026-12-4"), exception("2026-12-24"), exception("24.12.2026")])), [2, 3]);
}

#[test]
fn every_demo_office_round_trips() {
    let demo: Catalogue = serde_json::from_str(include_str!("../../../data/demo/catalogue.json")).unwrap();
    assert!(!demo.offices.is_empty());
    for office in &demo.offices {
        assert_eq!(check_hours(&office.hours), Ok(()), "{}", office.slug_de);
        assert_eq!(check_exceptions(&office.exceptions), Ok(()), "{}", office.slug_de);
        let hours = format_hours(&office.hours);
        assert_eq!(parse_hours(&hours).unwrap(), office.hours, "{}:\n{hours}", office.slug_de);
        let exceptions = format_exceptions(&office.exceptions);
        assert_eq!(parse_exceptions(&exceptions).unwrap(), office.exceptions, "{}:\n{exceptions}", office.slug_de);
        assert_eq!(format_hours(&parse_hours(&hours).unwrap()), hours, "output is stable");
    }
}
