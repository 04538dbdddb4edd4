//! Options for embedding the finder in a partner's page (an iframe), read
//! from the same query string as the finder state.
//!
//! | name    | value                                                          |
//! |---------|----------------------------------------------------------------|
//! | `embed` | `1` or `true`: compact layout for iframes                       |
//! | `lock`  | comma-separated facets the embedding page fixes: `place`, `offers`, `sada`, `topics`, `umbrellas`, `near`; the embedded user sees them as fixed and cannot change them, but can use every other filter |
//! | `list`  | `side` (default), `bottom` or `none`                           |
//! | `tiles` | `click`: no request to the tile server until the user asks for the background map (for sites that need consent first) |
//! | `hide`  | comma-separated controls to leave out: `text`, `near`, `place`, `sada`, `offers`, `umbrellas`; a hidden control whose facet the page presets is locked, so that nothing applies unseen (free text is then shown) |
//!
//! These are not part of [`UrlState`](crate::UrlState): they describe the
//! embedding, not what the user chose, and they are kept unchanged on every
//! URL the app writes. Unknown values are ignored, as everywhere.
//!
//! The app's side of embedding (height messages, the embed-code generator's
//! page and form) is `src/embed/` in `ia-map`.

use std::collections::BTreeSet;

use crate::filter::Filters;
use crate::query::{decode_query, insert_all, parse_flag, Param, UrlState};

/// The query parameters this module reads.
pub const EMBED_PARAMS: &[&str] = &["embed", "lock", "list", "tiles", "hide"];

/// A facet an embedding page can fix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lock {
    Place,
    Offers,
    Antidiscrimination,
    Topics,
    Umbrellas,
    Near,
}

impl Lock {
    pub const ALL: [Lock; 6] = [
        Lock::Place,
        Lock::Offers,
        Lock::Antidiscrimination,
        Lock::Topics,
        Lock::Umbrellas,
        Lock::Near,
    ];

    /// The code in the `lock` parameter: the name of the facet's own parameter.
    pub fn code(self) -> &'static str {
        match self {
            Lock::Place => Param::Place,
            Lock::Offers => Param::Offers,
            Lock::Antidiscrimination => Param::Sada,
            Lock::Topics => Param::Topics,
            Lock::Umbrellas => Param::Umbrellas,
            Lock::Near => Param::Near,
        }
        .name()
    }

    pub fn from_code(code: &str) -> Option<Lock> {
        Lock::ALL
            .into_iter()
            .find(|lock| lock.code() == code.trim())
    }
}

/// A control of the filter panel an embedding page can leave out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Control {
    Text,
    Near,
    Place,
    Antidiscrimination,
    Offers,
    Umbrellas,
}

impl Control {
    pub const ALL: [Control; 6] = [
        Control::Text,
        Control::Near,
        Control::Place,
        Control::Antidiscrimination,
        Control::Offers,
        Control::Umbrellas,
    ];

    /// The code in the `hide` parameter.
    pub fn code(self) -> &'static str {
        match self {
            Control::Text => "text",
            Control::Near => "near",
            Control::Place => "place",
            Control::Antidiscrimination => "sada",
            Control::Offers => "offers",
            Control::Umbrellas => "umbrellas",
        }
    }

    pub fn from_code(code: &str) -> Option<Control> {
        Control::ALL
            .into_iter()
            .find(|control| control.code() == code.trim())
    }

    /// The facet this control sets, if it can be locked.
    fn lock(self) -> Option<Lock> {
        match self {
            Control::Text => None,
            Control::Near => Some(Lock::Near),
            Control::Place => Some(Lock::Place),
            Control::Antidiscrimination => Some(Lock::Antidiscrimination),
            Control::Offers => Some(Lock::Offers),
            Control::Umbrellas => Some(Lock::Umbrellas),
        }
    }
}

/// Where the list goes in an embed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ListPosition {
    #[default]
    Side,
    Bottom,
    None,
}

impl ListPosition {
    pub fn code(self) -> &'static str {
        match self {
            ListPosition::Side => "side",
            ListPosition::Bottom => "bottom",
            ListPosition::None => "none",
        }
    }
}

/// How the finder is embedded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedOptions {
    pub embed: bool,
    pub locks: BTreeSet<Lock>,
    pub list: ListPosition,
    /// `tiles=click`: load map tiles only after the user asks for them.
    pub tiles_on_click: bool,
    /// Controls left out (`hide`).
    pub hidden: BTreeSet<Control>,
}

impl EmbedOptions {
    /// Reads already decoded pairs; the last occurrence of a name wins.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> EmbedOptions {
        let mut options = EmbedOptions::default();
        for (name, value) in pairs {
            match name {
                "embed" => options.embed = parse_flag(value),
                "lock" => options.locks = insert_all(value.split(',').filter_map(Lock::from_code)),
                "tiles" => options.tiles_on_click = value.trim() == "click",
                "hide" => {
                    options.hidden = insert_all(value.split(',').filter_map(Control::from_code))
                }
                "list" => {
                    options.list = match value.trim() {
                        "bottom" => ListPosition::Bottom,
                        "none" => ListPosition::None,
                        _ => ListPosition::Side,
                    }
                }
                _ => {}
            }
        }
        options
    }

    /// Reads a raw query string such as `?embed=1&lock=place` (a leading `?`
    /// is allowed; escapes are decoded leniently).
    pub fn from_query_string(query: &str) -> EmbedOptions {
        let pairs = decode_query(query);
        EmbedOptions::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    pub fn is_locked(&self, lock: Lock) -> bool {
        self.locks.contains(&lock)
    }

    /// Whether the filter panel shows `control`: not hidden, and its facet
    /// not locked (a locked facet is shown as fixed text instead).
    pub fn shows(&self, control: Control) -> bool {
        !self.hidden.contains(&control) && !control.lock().is_some_and(|lock| self.is_locked(lock))
    }

    /// Settles the options against the state the page was opened with: a
    /// hidden control whose facet `preset` sets is locked, so the visitor
    /// sees it as fixed and a reset keeps it; a hidden free-text box with a
    /// preset text is shown after all (free text cannot be locked).
    pub fn settle(&mut self, preset: &UrlState) {
        let filters = &preset.filters;
        let mut set = |lock: Lock, is_set: bool| {
            if is_set {
                self.locks.insert(lock);
            }
        };
        for control in self.hidden.clone() {
            match control {
                Control::Text => {
                    if !filters.text.trim().is_empty() {
                        self.hidden.remove(&Control::Text);
                    }
                }
                Control::Near => set(Lock::Near, preset.near.is_some()),
                Control::Place => set(Lock::Place, filters.place.is_some()),
                Control::Antidiscrimination => {
                    set(Lock::Antidiscrimination, filters.antidiscrimination);
                    set(Lock::Topics, !filters.topics.is_empty());
                }
                Control::Offers => set(Lock::Offers, !filters.offers.is_empty()),
                Control::Umbrellas => set(Lock::Umbrellas, !filters.umbrellas.is_empty()),
            }
        }
    }

    /// The parameters for these options, in the table's order (for the
    /// embed-code generator).
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if self.embed {
            pairs.push(("embed", "1".to_owned()));
        }
        if !self.locks.is_empty() {
            let codes: Vec<&str> = self.locks.iter().map(|lock| lock.code()).collect();
            pairs.push(("lock", codes.join(",")));
        }
        if self.list != ListPosition::Side {
            pairs.push(("list", self.list.code().to_owned()));
        }
        if self.tiles_on_click {
            pairs.push(("tiles", "click".to_owned()));
        }
        if !self.hidden.is_empty() {
            let codes: Vec<&str> = self.hidden.iter().map(|control| control.code()).collect();
            pairs.push(("hide", codes.join(",")));
        }
        pairs
    }

    /// `wanted` with the locked facets put back as in `preset`: what a change
    /// of filters may do in this embed. Resetting all filters therefore keeps
    /// the locked ones.
    pub fn keep_locked(&self, preset: &UrlState, wanted: &mut UrlState) {
        let keep = |lock| self.is_locked(lock);
        let (from, to): (&Filters, &mut Filters) = (&preset.filters, &mut wanted.filters);
        if keep(Lock::Place) {
            to.place = from.place.clone();
        }
        if keep(Lock::Offers) {
            to.offers = from.offers.clone();
        }
        if keep(Lock::Antidiscrimination) {
            to.antidiscrimination = from.antidiscrimination;
        }
        if keep(Lock::Topics) {
            to.topics = from.topics.clone();
        }
        if keep(Lock::Umbrellas) {
            to.umbrellas = from.umbrellas.clone();
        }
        if keep(Lock::Near) {
            wanted.near = preset.near.clone();
            wanted.radius_km = preset.radius_km;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::PlaceFilter;
    use proptest::prelude::*;

    fn options(query: &str) -> EmbedOptions {
        EmbedOptions::from_query_string(query)
    }

    #[test]
    fn reads_the_embed_parameters() {
        assert_eq!(options(""), EmbedOptions::default());
        let read = options("embed=1&lock=place,sada,bogus&list=bottom");
        assert!(read.embed);
        assert_eq!(read.locks, [Lock::Place, Lock::Antidiscrimination].into());
        assert_eq!(read.list, ListPosition::Bottom);
        assert!(options("embed=TRUE").embed);
        assert!(options("embed=%201").embed, "read like every flag");
        assert!(!options("embed=0").embed);
        assert_eq!(options("list=sideways").list, ListPosition::Side);
        assert!(options("tiles=click").tiles_on_click);
        assert!(!options("tiles=now").tiles_on_click);
        assert_eq!(
            options("embed=1&lock=sada,place&list=none").to_pairs(),
            [
                ("embed", "1".to_owned()),
                ("lock", "place,sada".to_owned()),
                ("list", "none".to_owned())
            ]
        );
    }

    #[test]
    fn locked_facets_survive_any_change() {
        let preset =
            UrlState::from_query_string("place=05315000&sada=1&offers=counselling&near=50667");
        let embed = options("embed=1&lock=place,sada,near");
        let mut wanted = UrlState::default();
        wanted.filters.text = "caritas".into();
        embed.keep_locked(&preset, &mut wanted);
        assert_eq!(
            wanted.filters.place,
            Some(PlaceFilter::Municipality("05315000".into()))
        );
        assert!(wanted.filters.antidiscrimination);
        assert_eq!(wanted.near.as_deref(), Some("50667"));
        // Not locked: the user's change stands.
        assert!(wanted.filters.offers.is_empty());
        assert_eq!(wanted.filters.text, "caritas");
    }

    #[test]
    fn hidden_controls_are_left_out_and_their_presets_locked() {
        let mut embed = options("embed=1&hide=near,sada,text,offers,bogus");
        assert_eq!(
            embed.hidden,
            [
                Control::Text,
                Control::Near,
                Control::Antidiscrimination,
                Control::Offers
            ]
            .into()
        );
        assert_eq!(
            embed.to_pairs()[1],
            ("hide", "text,near,sada,offers".to_owned())
        );
        assert!(!embed.shows(Control::Near) && embed.shows(Control::Place));
        // Preset: Servicestellen on racism, and a text; no offers, no place.
        let preset = UrlState::from_query_string("sada=1&topics=racism&q=caritas");
        embed.settle(&preset);
        assert_eq!(embed.locks, [Lock::Antidiscrimination, Lock::Topics].into());
        // The preset text stays visible: free text cannot be locked.
        assert!(embed.shows(Control::Text));
        assert!(!embed.shows(Control::Offers) && !embed.shows(Control::Antidiscrimination));
        // A locked facet's control is not shown either; locked topics
        // leave the switch.
        assert!(!options("lock=place").shows(Control::Place));
        assert!(options("lock=topics").shows(Control::Antidiscrimination));
        let mut reset = UrlState::default();
        embed.keep_locked(&preset, &mut reset);
        assert!(reset.filters.antidiscrimination && !reset.filters.topics.is_empty());
        assert!(reset.filters.text.is_empty());
    }

    proptest! {
        #[test]
        fn any_query_reads_without_panic(query in "\\PC{0,60}") {
            let read = options(&query);
            let again = EmbedOptions::from_pairs(read.to_pairs().iter().map(|(k, v)| (*k, v.as_str())));
            prop_assert_eq!(again, read);
        }
    }
}
