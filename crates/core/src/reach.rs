//! How a resident can reach someone about an agency (issue 27: no dead
//! ends). In this order: the agency's own contacts (phone, e-mail, its own
//! website); else its carrier's website; else nobody the dataset knows, and
//! the app offers the network's directory and "Fehler melden" instead.
//!
//! Only values that pass the core's checks count, as only those are linked.

use crate::dataset::Agency;
use crate::validate::{is_email, is_http_url, is_phone};

/// Which way to reach someone a record offers (the list says which).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reach {
    /// A phone number, an e-mail address or the agency's own website.
    Own,
    /// Only the carrier's website.
    Carrier,
    /// No contact at all: the network's directory and "Fehler melden".
    Nothing,
}

impl Reach {
    /// Every kind, in the order the app offers them.
    pub const ALL: [Reach; 3] = [Reach::Own, Reach::Carrier, Reach::Nothing];

    /// A stable code (coverage table, tests).
    pub fn code(self) -> &'static str {
        match self {
            Reach::Own => "own",
            Reach::Carrier => "carrier",
            Reach::Nothing => "nothing",
        }
    }
}

/// The agency's contact channels that pass the checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Channels<'a> {
    pub phone: Option<&'a str>,
    pub email: Option<&'a str>,
    /// The agency's own website.
    pub website: Option<&'a str>,
    /// The carrier's website (in place of the agency's own).
    pub carrier_website: Option<&'a str>,
}

/// The record's usable contact channels.
pub fn channels(agency: &Agency) -> Channels<'_> {
    let contact = &agency.contact;
    let website = contact.website.as_deref().filter(|w| is_http_url(w));
    Channels {
        phone: contact.phone.as_deref().filter(|p| is_phone(p)),
        email: contact.email.as_deref().filter(|e| is_email(e)),
        website: website.filter(|_| !contact.carrier_website),
        carrier_website: website.filter(|_| contact.carrier_website),
    }
}

/// Which way to reach someone the record offers.
pub fn reach(agency: &Agency) -> Reach {
    let channels = channels(agency);
    if channels.phone.is_some() || channels.email.is_some() || channels.website.is_some() {
        Reach::Own
    } else if channels.carrier_website.is_some() {
        Reach::Carrier
    } else {
        Reach::Nothing
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agency() -> Agency {
        let mut agency = crate::synthetic::synthetic_agencies(1, 1).remove(0);
        agency.contact = Default::default();
        agency
    }

    #[test]
    fn own_contacts_come_first_then_the_carrier_then_nothing() {
        let mut a = agency();
        assert_eq!(reach(&a), Reach::Nothing);
        a.contact.website = Some("https://traeger.example.org".into());
        a.contact.carrier_website = true;
        assert_eq!(reach(&a), Reach::Carrier);
        assert_eq!(
            channels(&a).carrier_website,
            Some("https://traeger.example.org")
        );
        assert_eq!(channels(&a).website, None);
        a.contact.phone = Some("0221 123456".into());
        assert_eq!(reach(&a), Reach::Own);
        a.contact.phone = None;
        a.contact.carrier_website = false;
        assert_eq!(reach(&a), Reach::Own);
        assert_eq!(channels(&a).website, Some("https://traeger.example.org"));
    }

    #[test]
    fn values_that_fail_the_checks_are_no_way_to_reach_anyone() {
        let mut a = agency();
        a.contact.phone = Some("ruf an".into());
        a.contact.email = Some("kein at".into());
        a.contact.website = Some("javascript:alert(1)".into());
        assert_eq!(reach(&a), Reach::Nothing);
        a.contact.carrier_website = true;
        assert_eq!(reach(&a), Reach::Nothing);
    }
}
