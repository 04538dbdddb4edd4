//! Agencies at exactly the same approximate position are spread on a small
//! circle, so that every marker can be clicked (`build` and `import` alike).
//! Agencies at one address whose position a source gives (precision
//! `address`) stay where they are: the map lists agencies at one place when
//! zooming cannot separate them, and moving them would make an exact
//! position wrong.

use std::collections::BTreeMap;

use ia_core::Agency;

use crate::geometry::{offset, round_to};

/// Radius of the circle on which agencies at the same position are spread.
pub const SPREAD_RADIUS_M: f64 = 120.0;
/// Decimals of the published coordinates (about 1 m).
pub const COORDINATE_DECIMALS: i32 = 5;

/// Something with a position that [`spread`] may move.
pub trait Positioned {
    fn agency(&self) -> &Agency;
    fn agency_mut(&mut self) -> &mut Agency;
}

impl Positioned for Agency {
    fn agency(&self) -> &Agency {
        self
    }
    fn agency_mut(&mut self) -> &mut Agency {
        self
    }
}

/// Spreads agencies that share a position on a circle of
/// [`SPREAD_RADIUS_M`] around it, in id order starting north, clockwise.
/// `items` must be sorted by id. Returns a description of each group.
pub fn spread<T: Positioned>(items: &mut [T]) -> Vec<String> {
    let key = |item: &T| {
        let location = item.agency().location;
        (location.lat.to_bits(), location.lon.to_bits())
    };
    let mut groups: BTreeMap<(u64, u64), Vec<usize>> = BTreeMap::new();
    for (index, item) in items.iter().enumerate() {
        if item.agency().location.precision == ia_core::Precision::Address {
            continue;
        }
        groups.entry(key(item)).or_default().push(index);
    }
    let mut described = Vec::new();
    let mut groups: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    groups.sort_by(|a, b| items[a[0]].agency().id.cmp(&items[b[0]].agency().id));
    for members in groups {
        let n = members.len();
        let location = items[members[0]].agency().location;
        for (k, &index) in members.iter().enumerate() {
            let bearing = std::f64::consts::TAU * k as f64 / n as f64;
            let (lat, lon) = offset(location.lat, location.lon, SPREAD_RADIUS_M, bearing);
            let agency = items[index].agency_mut();
            agency.location.lat = round_to(lat, COORDINATE_DECIMALS);
            agency.location.lon = round_to(lon, COORDINATE_DECIMALS);
        }
        let first = items[members[0]].agency();
        let place = if first.municipality.is_empty() {
            format!("Kreis {}", first.kreis)
        } else {
            first.municipality.clone()
        };
        described.push(format!("{} × {} ({})", n, place, location.precision.code()));
    }
    described
}
