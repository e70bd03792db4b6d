//! The feedback form's data, its validation (shared by server and browser) and the server
//! functions behind it.

use crate::error::AppError;
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos_i18n::td_string;
use serde::{Deserialize, Serialize};

/// Longest message accepted, in characters.
pub const MAX_MESSAGE: usize = 5000;
/// Longest contact detail accepted, in characters.
pub const MAX_CONTACT: usize = 200;
/// The query parameter the statement page reads after a submission.
pub const RESULT_PARAM: &str = "rueckmeldung";
/// Its value after a successful submission.
pub const THANKS: &str = "danke";

/// What a resident typed into the form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackDraft {
    /// The barrier, in the resident's words.
    pub message: String,
    /// Where to answer (email or phone), optional.
    pub contact: String,
    /// The page the barrier is on, optional.
    pub page: String,
}

/// A validation error of one field, in the resident's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field's `id` (and name), for the error summary's link.
    pub field: String,
    /// What to do about it.
    pub message: String,
}

/// A failed submission, kept to show the form again.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackFlash {
    /// What was entered.
    pub draft: FeedbackDraft,
    /// What is wrong with it.
    pub errors: Vec<FieldError>,
}

/// Checks a draft; an empty list means it can be saved.
pub fn validate(draft: &FeedbackDraft, lang: Lang) -> Vec<FieldError> {
    let locale = lang.locale();
    let mut errors = Vec::new();
    let message = draft.message.trim();
    if message.chars().count() < 10 {
        errors.push(FieldError {
            field: "feedback-message".into(),
            message: td_string!(locale, feedback.message_too_short).into(),
        });
    } else if message.chars().count() > MAX_MESSAGE {
        errors.push(FieldError {
            field: "feedback-message".into(),
            message: td_string!(locale, feedback.message_too_long, max = MAX_MESSAGE),
        });
    }
    if draft.contact.chars().count() > MAX_CONTACT {
        errors.push(FieldError {
            field: "feedback-contact".into(),
            message: td_string!(locale, feedback.contact_too_long, max = MAX_CONTACT),
        });
    }
    if draft.page.chars().count() > 500 {
        errors.push(FieldError {
            field: "feedback-page".into(),
            message: td_string!(locale, feedback.page_too_long).into(),
        });
    }
    errors
}

/// Saves a feedback message. `website` is a honeypot that people never see: when a bot fills
/// it, the message is dropped silently. Answers a plain form post with a redirect back to the
/// statement.
#[server(endpoint = "feedback")]
pub async fn send_feedback(lang: Lang, message: String, contact: String, page: String, website: String) -> Result<(), AppError> {
    use crate::feedback::db;
    let db = use_context::<crate::db::Db>().ok_or_else(|| AppError::internal("no database in context"))?;
    let statement = crate::i18n::localized("/barrierefreiheit", lang);
    let draft = FeedbackDraft { message, contact, page };
    let errors = validate(&draft, lang);
    let target = if !website.is_empty() {
        format!("{statement}?{RESULT_PARAM}={THANKS}#rueckmeldung")
    } else if errors.is_empty() {
        db::save_feedback(&db, lang, &draft).await.map_err(AppError::internal)?;
        format!("{statement}?{RESULT_PARAM}={THANKS}#rueckmeldung")
    } else {
        let token = db::save_flash(&db, &FeedbackFlash { draft, errors }).await.map_err(AppError::internal)?;
        format!("{statement}?{RESULT_PARAM}={token}#rueckmeldung")
    };
    leptos_axum::redirect(&target);
    Ok(())
}

/// The entered text and errors of a failed submission (kept for an hour, so a reload shows
/// them again).
#[server(endpoint = "feedback-flash")]
pub async fn get_feedback_flash(token: String) -> Result<Option<FeedbackFlash>, AppError> {
    let db = use_context::<crate::db::Db>().ok_or_else(|| AppError::internal("no database in context"))?;
    crate::feedback::db::take_flash(&db, &token).await.map_err(AppError::internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_need_substance_and_limits_hold() {
        let mut draft = FeedbackDraft { message: "kurz".into(), ..Default::default() };
        assert_eq!(validate(&draft, Lang::De)[0].field, "feedback-message");
        draft.message = "Der Kontrast der Links ist zu gering.".into();
        assert!(validate(&draft, Lang::En).is_empty());
        draft.contact = "x".repeat(MAX_CONTACT + 1);
        assert_eq!(validate(&draft, Lang::En)[0].field, "feedback-contact");
    }
}
