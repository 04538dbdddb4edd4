//! Deploy-time configuration, read from `config.json` next to `index.html`.
//!
//! The file lets a host change the tile server or publish the dataset
//! elsewhere without rebuilding. It is read once at start-up and never changes
//! afterwards. It is read key by key: a key whose value cannot be used (a
//! wrong type, an unknown word, an address of the wrong kind) is ignored
//! alone and its default stands in, so one typing error does not cost the
//! other settings. A missing file, or one that is not a JSON object, falls
//! back to the defaults as a whole. Each ignored part is a console warning
//! (`load.rs`); the embed-code generator's page, which operators use, also
//! lists them, and `ia-prerender` prints them (docs/deploy.md).

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

/// Settings a deployment may change.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
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
    /// The site's public address, for canonical links, the sitemap and QR
    /// codes; read by `ia-prerender` only (the app runs under any address).
    pub site_url: String,
    /// Who publishes the open data and whom to ask (issue 27): the
    /// catalogue record's publisher and contact point; read by the renderer
    /// only. An empty name means the dataset's compiler; an unusable address
    /// is left out of the record.
    pub publisher_name: String,
    pub publisher_url: String,
    pub contact_email: String,
    /// What of the file was not used (not a key of the file).
    #[serde(skip)]
    pub ignored: Vec<Ignored>,
}

/// A part of `config.json` that was not used: the default stands in for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    /// The key, or `None` for the whole file (not loaded, or not a JSON
    /// object).
    pub key: Option<String>,
    /// Why, for the operator (English, like the console).
    pub reason: String,
}

impl std::fmt::Display for Ignored {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.key {
            Some(key) => write!(
                f,
                "{CONFIG_URL}: \"{key}\" ignored, its default applies: {}",
                self.reason
            ),
            None => write!(
                f,
                "{CONFIG_URL} ignored, the defaults apply: {}",
                self.reason
            ),
        }
    }
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
            site_url: String::new(),
            publisher_name: String::new(),
            publisher_url: String::new(),
            contact_email: String::new(),
            ignored: Vec::new(),
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
    let mail = report_kind(base)?;
    let separator = if base.contains('?') { '&' } else { '?' };
    Some(if mail {
        format!("{base}{separator}subject={}", encode(subject))
    } else {
        format!("{base}{separator}agency={}", encode(key))
    })
}

/// Whether a report address is usable, and how: `Some(true)` a `mailto:`
/// address, `Some(false)` an http(s) web form, `None` neither.
fn report_kind(report_url: &str) -> Option<bool> {
    let base = report_url.trim();
    match base.strip_prefix("mailto:") {
        Some(address) => {
            (!address.is_empty() && !address.contains(['<', '>', '"', ' '])).then_some(true)
        }
        None => ia_core::validate::is_http_url(base).then_some(false),
    }
}

impl Config {
    /// Reads the file's text key by key: missing keys keep their defaults,
    /// and so does each key whose value cannot be used or that is unknown
    /// (listed in [`Config::ignored`]). Text that is not a JSON object gives
    /// the defaults, with the reason as the one ignored part.
    pub fn from_json(text: &str) -> Config {
        let entries: Entries = match serde_json::from_str(text) {
            Ok(entries) => entries,
            Err(err) => return Config::ignoring_file(without_position(&err)),
        };
        let mut usable = String::from("{");
        let mut ignored = Vec::new();
        for (key, value) in entries.0 {
            // Each key is read alone (every other field keeps its default);
            // the usable ones are then read together.
            let entry = format!("\"{key}\":{}", value.get());
            let alone = if key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                serde_json::from_str::<Config>(&format!("{{{entry}}}"))
                    .map_err(|err| without_position(&err))
                    .and_then(|config| config.unusable(key).map_or(Ok(()), |why| Err(why.into())))
            } else {
                Err("unknown key".into())
            };
            match alone {
                Ok(()) => {
                    if usable.len() > 1 {
                        usable.push(',');
                    }
                    usable.push_str(&entry);
                }
                Err(reason) => ignored.push(Ignored {
                    key: Some(key.to_owned()),
                    reason,
                }),
            }
        }
        usable.push('}');
        let mut config: Config = serde_json::from_str(&usable).unwrap_or_default();
        config.ignored = ignored;
        config
    }

    /// The defaults, because the whole file could not be used.
    pub fn ignoring_file(reason: String) -> Config {
        Config {
            ignored: vec![Ignored { key: None, reason }],
            ..Config::default()
        }
    }

    /// Why the value of `key` (read alone, every other key at its default)
    /// cannot be used though it has the right type; `None` if it can.
    fn unusable(&self, key: &str) -> Option<&'static str> {
        let set = |value: &str| !value.trim().is_empty();
        match key {
            "tile_url" if set(&self.tile_url) && !is_tile_template(&self.tile_url) => {
                Some("not a tile address template: http(s) or relative, with {z}, {x} and {y}")
            }
            "report_url" if set(&self.report_url) && report_kind(&self.report_url).is_none() => {
                Some("not a mailto: or http(s) address")
            }
            "directory_url"
                if set(&self.directory_url) && self.checked_directory_url().is_none() =>
            {
                Some("not an http(s) address")
            }
            "accessibility_url"
                if set(&self.accessibility_url) && self.checked_accessibility_url().is_none() =>
            {
                Some("not an http(s) address or a path next to the app")
            }
            "allowed_data_origins"
                if !self
                    .allowed_data_origins
                    .iter()
                    .all(|origin| ia_core::validate::is_http_url(origin)) =>
            {
                Some("not a list of http(s) origins")
            }
            _ => None,
        }
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

/// The keys and values of config.json's object as written, in order; of a
/// key written twice only the last (as JavaScript reads it). A small reader
/// of its own: a map type would add several KB to the Wasm.
struct Entries<'a>(Vec<(&'a str, &'a RawValue)>);

impl<'de> Deserialize<'de> for Entries<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Object;
        impl<'de> Visitor<'de> for Object {
            type Value = Entries<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries<'de>, A::Error> {
                let mut entries: Vec<(&'de str, &'de RawValue)> = Vec::new();
                while let Some((key, value)) = map.next_entry::<&'de str, &'de RawValue>()? {
                    entries.retain(|(seen, _)| *seen != key);
                    entries.push((key, value));
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(Object)
    }
}

/// A non-empty relative URL without a scheme or white space.
fn is_harmless_relative(url: &str) -> bool {
    !url.is_empty() && !url.contains(':') && !url.chars().any(char::is_whitespace)
}

/// A Leaflet tile URL template Leaflet can use: http(s) or relative, with
/// `{z}`, `{x}` and `{y}`.
fn is_tile_template(url: &str) -> bool {
    let url = url.trim();
    let address = url.replace(['{', '}'], "");
    (ia_core::validate::is_http_url(&address)
        || (is_harmless_relative(&address) && !address.starts_with("//")))
        && ["{z}", "{x}", "{y}"].iter().all(|part| url.contains(part))
}

/// serde_json's message without " at line 1 column 23", which would point
/// into the text read, not into the file.
fn without_position(err: &serde_json::Error) -> String {
    let message = err.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_keys_keep_defaults() {
        let config = Config::from_json(r#"{"tile_url": ""}"#);
        assert_eq!(config.tile_url, "");
        assert_eq!(config.dataset_url, "data/agencies.json");
    }

    #[test]
    fn tiles_wait_for_consent_unless_always_or_given() {
        let ask = Config::default();
        assert_eq!(ask.tile_consent, TileConsent::Ask);
        assert!(ask.tiles_wait_for_consent(false, false));
        assert!(!ask.tiles_wait_for_consent(false, true));
        let always = Config::from_json(r#"{"tile_consent": "always"}"#);
        assert_eq!(always.tile_consent, TileConsent::Always);
        assert!(!always.tiles_wait_for_consent(false, false));
        // An embed's tiles=click asks even when the host's config says always.
        assert!(always.tiles_wait_for_consent(true, false));
        assert!(!always.tiles_wait_for_consent(true, true));
        // No tile server: nothing to wait for.
        let none = Config::from_json(r#"{"tile_url": ""}"#);
        assert!(!none.tiles_wait_for_consent(true, false));
        // An unknown value is ignored alone: its default applies.
        let never = Config::from_json(r#"{"tile_consent": "never", "tile_url": ""}"#);
        assert_eq!(never.tile_consent, TileConsent::Ask);
        assert_eq!(never.tile_url, "");
        assert_eq!(never.ignored.len(), 1);
    }

    /// A config.json with every key set to a usable value other than its
    /// default, and for each key a value that cannot be used.
    const GOOD: &[(&str, &str, &str)] = &[
        (
            "tile_url",
            r#""https://tiles.example.nrw/{z}/{x}/{y}.png""#,
            r#""https://tiles.example.nrw/plan.png""#,
        ),
        ("tile_attribution", r#""© Stadt""#, r#"["© Stadt"]"#),
        (
            "dataset_url",
            r#""https://daten.example.nrw/ia.json""#,
            "42",
        ),
        (
            "allowed_data_origins",
            r#"["https://daten.example.nrw"]"#,
            r#""https://daten.example.nrw""#,
        ),
        ("tile_consent", r#""always""#, r#""never""#),
        ("outline_url", r#""data/land.geojson""#, "null"),
        ("basemap_dir", r#""karten/""#, "false"),
        (
            "report_url",
            r#""mailto:daten@example.nrw""#,
            r#""daten@example.nrw""#,
        ),
        (
            "directory_url",
            r#""https://ia.example.nrw/""#,
            r#""javascript:alert(1)""#,
        ),
        (
            "accessibility_url",
            r#""barrierefreiheit.html""#,
            r#""data:text/html,x""#,
        ),
        ("site_url", r#""https://karte.example.nrw/""#, "{}"),
        ("publisher_name", r#""Stadt Beispiel""#, "[]"),
        ("publisher_url", r#""https://www.example.nrw/""#, "1"),
        ("contact_email", r#""daten@example.nrw""#, "true"),
    ];

    fn file(entries: &[(&str, &str)]) -> String {
        let body: Vec<String> = entries
            .iter()
            .map(|(k, v)| format!("  \"{k}\": {v}"))
            .collect();
        format!("{{\n{}\n}}", body.join(",\n"))
    }

    #[test]
    fn every_key_is_in_the_table_and_the_good_file_is_read_whole() {
        let good = Config::from_json(&file(
            &GOOD.iter().map(|(k, v, _)| (*k, *v)).collect::<Vec<_>>(),
        ));
        assert_eq!(good.ignored, []);
        let defaults = Config::default();
        // Every field differs from its default, so a lost key would show.
        assert_ne!(good.tile_url, defaults.tile_url);
        assert_ne!(good.tile_attribution, defaults.tile_attribution);
        assert_ne!(good.dataset_url, defaults.dataset_url);
        assert_ne!(good.allowed_data_origins, defaults.allowed_data_origins);
        assert_ne!(good.tile_consent, defaults.tile_consent);
        assert_ne!(good.outline_url, defaults.outline_url);
        assert_ne!(good.basemap_dir, defaults.basemap_dir);
        assert_ne!(good.report_url, defaults.report_url);
        assert_ne!(good.directory_url, defaults.directory_url);
        assert_ne!(good.accessibility_url, defaults.accessibility_url);
        assert_ne!(good.site_url, defaults.site_url);
        assert_ne!(good.publisher_name, defaults.publisher_name);
        assert_ne!(good.publisher_url, defaults.publisher_url);
        assert_ne!(good.contact_email, defaults.contact_email);
        assert_eq!(
            good.checked_dataset_url(),
            Some("https://daten.example.nrw/ia.json")
        );
        // The table names every key the file may have: the unknown-key error
        // lists the struct's fields.
        let unknown = Config::from_json(r#"{"tile_ur": "x"}"#);
        let reason = &unknown.ignored[0].reason;
        for (key, _, _) in GOOD {
            assert!(reason.contains(&format!("`{key}`")), "{key} in {reason}");
        }
        assert_eq!(
            reason.matches('`').count(),
            2 * (GOOD.len() + 1),
            "{reason}"
        );
    }

    #[test]
    fn one_unusable_value_costs_only_its_own_key() {
        for (broken, _, bad) in GOOD {
            let entries: Vec<(&str, &str)> = GOOD
                .iter()
                .map(|(k, v, b)| (*k, if k == broken { *b } else { *v }))
                .collect();
            let config = Config::from_json(&file(&entries));
            // The same as a file without that key: its default, every other key as written.
            let without: Vec<(&str, &str)> = GOOD
                .iter()
                .filter(|(k, _, _)| k != broken)
                .map(|(k, v, _)| (*k, *v))
                .collect();
            let expected = Config::from_json(&file(&without));
            assert_eq!(expected.ignored, [], "{broken}");
            assert_eq!(
                Config {
                    ignored: Vec::new(),
                    ..config.clone()
                },
                expected,
                "{broken}: {bad}"
            );
            assert_eq!(config.ignored.len(), 1, "{broken}: {:?}", config.ignored);
            assert_eq!(config.ignored[0].key.as_deref(), Some(*broken));
            assert!(
                !config.ignored[0].reason.contains(" at line "),
                "{}",
                config.ignored[0]
            );
        }
    }

    #[test]
    fn what_is_ignored_and_why() {
        let config = Config::from_json(
            r#"{"tile_consent": "never", "tile_ur": "x", "report_url": "a@b.de", "Tile-URL": 1, "report_url": "mailto:a@b.de"}"#,
        );
        // In the file's order; a repeated key: the last one counts (as in
        // JavaScript), the earlier one is not reported.
        assert_eq!(config.report_url, "mailto:a@b.de");
        let lines: Vec<String> = config.ignored.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                r#"config.json: "tile_consent" ignored, its default applies: unknown variant `never`, expected `always` or `ask`"#,
                r#"config.json: "tile_ur" ignored, its default applies: unknown field `tile_ur`, expected one of `tile_url`, `tile_attribution`, `dataset_url`, `allowed_data_origins`, `tile_consent`, `outline_url`, `basemap_dir`, `report_url`, `directory_url`, `accessibility_url`, `site_url`, `publisher_name`, `publisher_url`, `contact_email`"#,
                r#"config.json: "Tile-URL" ignored, its default applies: unknown key"#,
            ]
        );
        // Not an object, not JSON: the defaults, with the reason.
        for text in ["[1, 2]", "{\"tile_url\": \"x\",}", ""] {
            let config = Config::from_json(text);
            assert_eq!(
                Config {
                    ignored: Vec::new(),
                    ..config.clone()
                },
                Config::default()
            );
            assert_eq!(config.ignored.len(), 1, "{text}");
            assert_eq!(config.ignored[0].key, None);
            assert!(config.ignored[0]
                .to_string()
                .starts_with("config.json ignored, the defaults apply: "));
        }
        // Hostile text in a key or value stays text.
        let hostile = Config::from_json(r#"{"<img src=x>": 1, "report_url": "<b>x</b>"}"#);
        assert_eq!(hostile.ignored.len(), 2);
        assert_eq!(hostile.ignored[0].key.as_deref(), Some("<img src=x>"));
    }

    #[test]
    fn tile_templates() {
        for good in [
            "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
            "https://{s}.tile.example.org/{z}/{x}/{y}.png",
            DEFAULT_TILE_URL,
            "tiles/{z}/{x}/{y}.png",
        ] {
            assert!(is_tile_template(good), "{good}");
        }
        for bad in [
            "https://tile.example.org/plan.png",
            "javascript:alert('{z}{x}{y}')",
            "//tiles.example.org/{z}/{x}/{y}.png",
            "https://tile.example.org/{z}/{x}.png",
        ] {
            assert!(!is_tile_template(bad), "{bad}");
        }
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
