//! Deploy-time configuration, read from `config.json` next to `index.html`.
//!
//! The file lets a host change the tile server or publish the dataset
//! elsewhere without rebuilding. It is read once at start-up and never changes
//! afterwards. A missing or broken file falls back to the built-in defaults
//! (with a console warning), because the app must still work.

use serde::Deserialize;

/// Settings a deployment may change.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Leaflet tile URL template; empty means "no background tiles".
    pub tile_url: String,
    /// Attribution shown for the tiles (plain text).
    pub tile_attribution: String,
    /// Where the dataset is, relative to the app or an absolute URL of an
    /// origin listed in `allowed_data_origins`.
    pub dataset_url: String,
    /// Extra origins the dataset may come from besides the app's own.
    pub allowed_data_origins: Vec<String>,
    /// Whether third-party tiles load at once (`always`) or only after the
    /// visitor chose "Stadtplan laden" in this browser session (`ask`).
    pub tile_consent: TileConsent,
    /// Simplified NRW outline drawn under the markers.
    pub outline_url: String,
    /// The folder of the map's own background (`kreise.json`,
    /// `gemeinden.json`), drawn when no tiles are shown.
    pub basemap_dir: String,
    /// Where "Fehler melden" and "Agentur melden" lead (a `mailto:` or
    /// http(s) URL); empty hides those links.
    pub report_url: String,
    /// The network's own directory of agencies, offered where the dataset
    /// knows no agency in a chosen place (an http(s) URL; empty hides it).
    pub directory_url: String,
    /// The operator's published accessibility statement (an http(s) URL or a
    /// path next to the app); the footer links it. Empty hides the link.
    pub accessibility_url: String,
}

/// basemap.de Web Raster (grey), the official basemap of Germany's federal
/// and state survey offices, as a WMTS in web Mercator (`{z}/{y}/{x}`); see
/// docs/deploy.md for the choice.
pub const DEFAULT_TILE_URL: &str = "https://sgx.geodatenzentrum.de/wmts_basemapde/tile/1.0.0/de_basemapde_web_raster_grau/default/GLOBAL_WEBMERCATOR/{z}/{y}/{x}.png";
/// The attribution basemap.de asks for (dl-de/by-2-0).
pub const DEFAULT_TILE_ATTRIBUTION: &str = "© basemap.de / BKG, Datenquellen: © GeoBasis-DE";

/// When third-party tiles may load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TileConsent {
    /// At once (a self-hosted tile server, or a host that covers the request
    /// in its own privacy notice).
    Always,
    /// After "Stadtplan laden", remembered for the browser session: no
    /// request reaches the tile server before the visitor chose it.
    Ask,
}

/// Where the dataset is unless `config.json` says otherwise (index.html
/// preloads it).
pub const DEFAULT_DATASET_URL: &str = "data/agencies.json";

impl Default for Config {
    fn default() -> Self {
        Config {
            tile_url: DEFAULT_TILE_URL.into(),
            tile_attribution: DEFAULT_TILE_ATTRIBUTION.into(),
            tile_consent: TileConsent::Ask,
            dataset_url: DEFAULT_DATASET_URL.into(),
            allowed_data_origins: Vec::new(),
            outline_url: "data/boundaries/nrw-land.geojson".into(),
            basemap_dir: "data/basemap/".into(),
            report_url: String::new(),
            directory_url: DEFAULT_DIRECTORY_URL.into(),
            accessibility_url: String::new(),
        }
    }
}

/// The Landesnetzwerk der Integrationsagenturen's website, which lists the
/// agencies by region.
pub const DEFAULT_DIRECTORY_URL: &str = "https://integrationsagenturen-nrw.de/";

/// Where the config file lives, relative to the document base.
pub const CONFIG_URL: &str = "config.json";

/// "Fehler melden" for one agency: the configured `mailto:` address (the
/// config's `report_url`) with a subject naming the record, or the
/// configured web form with the record's id as `agency=` parameter. `None`
/// when no safe address is configured: only `mailto:` and http(s) are used.
pub fn report_link(report_url: &str, agency_id: &str, agency_name: &str) -> Option<String> {
    report_link_about(
        report_url,
        agency_id,
        &format!("Fehler melden: {agency_name} ({agency_id})"),
    )
}

/// A link to the configured report address about `key` (an agency id, or
/// what is missing): a `mailto:` gets `subject`, a web form gets
/// `agency=key`. `None` when no safe address is configured.
pub fn report_link_about(report_url: &str, key: &str, subject: &str) -> Option<String> {
    let base = report_url.trim();
    let encode = ia_core::query::encode_component;
    if let Some(address) = base.strip_prefix("mailto:") {
        if address.is_empty() || address.contains(['<', '>', '"', ' ']) {
            return None;
        }
        let separator = if address.contains('?') { '&' } else { '?' };
        return Some(format!("{base}{separator}subject={}", encode(subject)));
    }
    if ia_core::validate::is_http_url(base) {
        let separator = if base.contains('?') { '&' } else { '?' };
        return Some(format!("{base}{separator}agency={}", encode(key)));
    }
    None
}

impl Config {
    /// Parses the file's text; unknown keys are ignored, missing keys keep
    /// their defaults.
    pub fn from_json(text: &str) -> Result<Config, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// The dataset URL if it is allowed: a relative URL, or an absolute
    /// http(s) URL on an explicitly configured origin. The query string can
    /// never choose the dataset, so nobody can show fake agencies under our name.
    pub fn checked_dataset_url(&self) -> Option<&str> {
        let url = self.dataset_url.as_str();
        let is_absolute = url.contains("://") || url.starts_with("//");
        if !is_absolute {
            return is_harmless_relative(url).then_some(url);
        }
        self.allowed_data_origins
            .iter()
            .any(|origin| {
                ia_core::validate::is_http_url(origin)
                    && url
                        .strip_prefix(origin.trim_end_matches('/'))
                        .is_some_and(|rest| rest.starts_with('/'))
            })
            .then_some(url)
    }
}

impl Config {
    /// The network's directory if it is an http(s) URL.
    pub fn checked_directory_url(&self) -> Option<&str> {
        let url = self.directory_url.trim();
        ia_core::validate::is_http_url(url).then_some(url)
    }

    /// The accessibility statement's address if it is usable: http(s), or a
    /// relative path (never `javascript:` or another scheme).
    pub fn checked_accessibility_url(&self) -> Option<&str> {
        let url = self.accessibility_url.trim();
        (ia_core::validate::is_http_url(url)
            || (is_harmless_relative(url) && !url.starts_with("//")))
        .then_some(url)
    }
}

impl Config {
    /// Whether the map waits for "Stadtplan laden" before asking the tile
    /// server: tiles are configured, consent is asked for (by the config or
    /// by an embed's `tiles=click`), and not given yet in this session.
    pub fn tiles_wait_for_consent(&self, tiles_on_click: bool, allowed_in_session: bool) -> bool {
        !self.tile_url.is_empty()
            && (tiles_on_click || self.tile_consent == TileConsent::Ask)
            && !allowed_in_session
    }
}

/// A non-empty relative URL without a scheme or white space.
fn is_harmless_relative(url: &str) -> bool {
    !url.is_empty() && !url.contains(':') && !url.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_keys_keep_defaults() {
        let config = Config::from_json(r#"{"tile_url": ""}"#).unwrap_or_default();
        assert_eq!(config.tile_url, "");
        assert_eq!(config.dataset_url, "data/agencies.json");
    }

    #[test]
    fn tiles_wait_for_consent_unless_always_or_given() {
        let ask = Config::default();
        assert_eq!(ask.tile_consent, TileConsent::Ask);
        assert!(ask.tiles_wait_for_consent(false, false));
        assert!(!ask.tiles_wait_for_consent(false, true));
        let always = Config::from_json(r#"{"tile_consent": "always"}"#).unwrap_or_default();
        assert_eq!(always.tile_consent, TileConsent::Always);
        assert!(!always.tiles_wait_for_consent(false, false));
        // An embed's tiles=click asks even when the host's config says always.
        assert!(always.tiles_wait_for_consent(true, false));
        assert!(!always.tiles_wait_for_consent(true, true));
        // No tile server: nothing to wait for.
        let none = Config::from_json(r#"{"tile_url": ""}"#).unwrap_or_default();
        assert!(!none.tiles_wait_for_consent(true, false));
        // An unknown value is a broken file: the defaults apply.
        assert!(Config::from_json(r#"{"tile_consent": "never"}"#).is_err());
    }

    #[test]
    fn directory_url_defaults_to_the_network_and_must_be_http() {
        assert_eq!(
            Config::default().checked_directory_url(),
            Some(DEFAULT_DIRECTORY_URL)
        );
        let with = |url: &str| Config {
            directory_url: url.into(),
            ..Config::default()
        };
        assert_eq!(with("").checked_directory_url(), None);
        assert_eq!(with("javascript:alert(1)").checked_directory_url(), None);
        assert_eq!(
            with("https://example.nrw/ia").checked_directory_url(),
            Some("https://example.nrw/ia")
        );
    }

    #[test]
    fn accessibility_url_is_http_or_relative() {
        let with = |url: &str| Config {
            accessibility_url: url.into(),
            ..Config::default()
        };
        assert_eq!(with("").checked_accessibility_url(), None);
        assert_eq!(
            with(" https://www.example.nrw/barrierefreiheit ").checked_accessibility_url(),
            Some("https://www.example.nrw/barrierefreiheit")
        );
        assert_eq!(
            with("barrierefreiheit.html").checked_accessibility_url(),
            Some("barrierefreiheit.html")
        );
        assert_eq!(
            with("javascript:alert(1)").checked_accessibility_url(),
            None
        );
        assert_eq!(with("//evil.example/x").checked_accessibility_url(), None);
    }

    #[test]
    fn dataset_url_must_be_relative_or_allowed() {
        let with = |url: &str, origins: &[&str]| Config {
            dataset_url: url.into(),
            allowed_data_origins: origins.iter().map(|o| o.to_string()).collect(),
            ..Config::default()
        };
        assert_eq!(
            with("data/agencies.json", &[]).checked_dataset_url(),
            Some("data/agencies.json")
        );
        assert_eq!(
            with("https://evil.example/a.json", &[]).checked_dataset_url(),
            None
        );
        assert_eq!(with("javascript:alert(1)", &[]).checked_dataset_url(), None);
        assert_eq!(
            with("//evil.example/a.json", &[]).checked_dataset_url(),
            None
        );
        let allowed = with(
            "https://daten.nrw.de/ia/agencies.json",
            &["https://daten.nrw.de"],
        );
        assert_eq!(
            allowed.checked_dataset_url(),
            Some("https://daten.nrw.de/ia/agencies.json")
        );
        assert_eq!(
            with(
                "https://daten.nrw.de.evil.example/a.json",
                &["https://daten.nrw.de"]
            )
            .checked_dataset_url(),
            None
        );
    }
}
