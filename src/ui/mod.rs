//! Leptos components, one file per screen area. Components read the
//! [`FinderState`](crate::state::FinderState) and call its methods; they hold
//! no logic of their own beyond layout.

mod combobox;
pub(crate) mod contact;
pub(crate) mod detail;
pub mod download;
pub(crate) mod filters;
mod footer;
mod header;
mod language;
mod list;
mod near;
mod place_picker;
mod qr_code;
pub(crate) mod share;
mod status;

pub use detail::Detail;
pub use download::Downloads;
pub use filters::FilterPanel;
pub use footer::Footer;
pub use header::{SiteHeader, SkipLink};
pub use language::LanguageSwitcher;
pub use list::ResultList;
pub use qr_code::{qr_param, QrCode};
pub use share::{copy_text, Share, ShareNote, Shared};
pub use status::{LoadFailed, Loading, ResultSummary};
