//! Mail to residents and offices (issue #5), through a durable outbox.
//!
//! Code that causes a mail writes it with [`enqueue`] in its own transaction, so the mail
//! exists exactly when the change does. [`run_outbox`], on every instance, sends due mail over
//! SMTP with lettre and retries failures with exponential back-off; a mail server outage
//! delays mail and loses none. Texts for each occasion and language are in [`templates`].
//!
//! ```ignore
//! let mut tx = db.pool().begin().await?;
//! // … store the request …
//! mail::enqueue(&mut *tx, &mail::templates::submitted_to_resident(lang, &email, &data)).await?;
//! tx.commit().await?;
//! mail::wake();
//! ```

mod message;
mod outbox;
mod sender;
mod settings;
pub mod templates;

pub use message::{InvalidMail, OutgoingMail, MAX_SUBJECT_CHARS};
pub use outbox::{enqueue, retry_delay};
pub use sender::{run_outbox, send_due, wake, SendReport};
pub use settings::{MailConfigError, MailSettings};
