//! The one reader (and writer) of the boundary GeoJSON files:
//! FeatureCollections of Polygon / MultiPolygon features with the BKG
//! properties `AGS`, `GEN`, `BEZ`. The maintenance tools (`ia_upkeep`,
//! `ia-datatool`) and the static pages' maps (`crate::static_map`,
//! `crate::pages`) read them here; the live map's background hands the
//! browser's parse to Leaflet (`src/map/basemap.rs`).
//!
//! Only what the boundary files use is supported, and strictly: an error
//! names the feature and the field. Not the `geojson` crate: measured on
//! wasm32 (`-Oz`), reading a boundary file with it costs 42.3 KB gzip against
//! 27.0 KB for this reader, in the maintenance page, which has about 1 KB of
//! its budget left. Writing is done by hand so that the output is compact,
//! ordered and byte-for-byte reproducible.

use serde_json::Value;

/// `[lon, lat]`, as in GeoJSON.
pub type Point = [f64; 2];
/// A closed ring (first position repeated at the end).
pub type Ring = Vec<Point>;
/// Outer ring first, then holes.
pub type Polygon = Vec<Ring>;
pub type MultiPolygon = Vec<Polygon>;

/// Why a file could not be read: the feature's index and the field.
type Result<T> = std::result::Result<T, String>;

/// One administrative area.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// Amtlicher Gemeindeschlüssel (2, 5 or 8 digits for Land, Kreis, Gemeinde).
    pub ags: String,
    /// Name (Geographischer Name).
    pub gen: String,
    /// Type, e.g. `Stadt`, `Kreis`, `Kreisfreie Stadt`.
    pub bez: String,
    pub geometry: MultiPolygon,
}

/// Parses a FeatureCollection; errors name the feature index and field.
pub fn parse_features(text: &str) -> Result<Vec<Feature>> {
    let value: Value =
        serde_json::from_str(text).map_err(|err| format!("not valid JSON: {err}"))?;
    let features = value
        .get("features")
        .and_then(Value::as_array)
        .ok_or_else(|| "not a FeatureCollection (no \"features\" array)".to_owned())?;
    features
        .iter()
        .enumerate()
        .map(|(index, feature)| {
            parse_feature(feature).map_err(|err| format!("feature {index}: {err}"))
        })
        .collect()
}

fn parse_feature(feature: &Value) -> Result<Feature> {
    let property = |name: &str| -> Result<String> {
        feature
            .get("properties")
            .and_then(|p| p.get(name))
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| format!("properties.{name}: missing or not a string"))
    };
    let ags = property("AGS")?;
    let gen = property("GEN")?;
    let bez = property("BEZ")?;
    let geometry = feature
        .get("geometry")
        .ok_or_else(|| format!("({ags} {gen}) geometry: missing"))?;
    let kind = geometry.get("type").and_then(Value::as_str).unwrap_or("");
    let coordinates = geometry
        .get("coordinates")
        .ok_or_else(|| format!("({ags} {gen}) geometry.coordinates: missing"))?;
    let geometry: Result<MultiPolygon> = match kind {
        "Polygon" => polygon(coordinates).map(|p| vec![p]),
        "MultiPolygon" => coordinates
            .as_array()
            .ok_or_else(|| "not an array".to_owned())
            .and_then(|polygons| polygons.iter().map(polygon).collect()),
        other => Err(format!("unsupported geometry type {other:?}")),
    };
    let geometry = geometry.map_err(|err| format!("({ags} {gen}) geometry: {err}"))?;
    Ok(Feature {
        ags,
        gen,
        bez,
        geometry,
    })
}

fn polygon(value: &Value) -> Result<Polygon> {
    value
        .as_array()
        .ok_or_else(|| "polygon is not an array of rings".to_owned())?
        .iter()
        .map(ring)
        .collect()
}

fn ring(value: &Value) -> Result<Ring> {
    value
        .as_array()
        .ok_or_else(|| "ring is not an array of positions".to_owned())?
        .iter()
        .map(|position| match position.as_array().map(Vec::as_slice) {
            Some([lon, lat, ..]) => match (lon.as_f64(), lat.as_f64()) {
                (Some(lon), Some(lat)) if lon.is_finite() && lat.is_finite() => Ok([lon, lat]),
                _ => Err(format!("position {position} is not two numbers")),
            },
            _ => Err(format!("position {position} is not [lon, lat]")),
        })
        .collect()
}

/// Writes features as a compact FeatureCollection, one feature per line
/// (small diffs, same gzip size), with the properties `AGS`, `GEN`, `BEZ`.
/// Coordinates must already be rounded; they are printed in shortest form.
pub fn write_features(features: &[Feature]) -> String {
    let mut out = String::from("{\"type\":\"FeatureCollection\",\"features\":[\n");
    for (index, feature) in features.iter().enumerate() {
        if index > 0 {
            out.push_str(",\n");
        }
        out.push_str("{\"type\":\"Feature\",\"properties\":{\"AGS\":");
        out.push_str(&json_string(&feature.ags));
        out.push_str(",\"GEN\":");
        out.push_str(&json_string(&feature.gen));
        out.push_str(",\"BEZ\":");
        out.push_str(&json_string(&feature.bez));
        out.push_str("},\"geometry\":");
        if let [single] = feature.geometry.as_slice() {
            out.push_str("{\"type\":\"Polygon\",\"coordinates\":");
            write_polygon(&mut out, single);
        } else {
            out.push_str("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (i, polygon) in feature.geometry.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_polygon(&mut out, polygon);
            }
            out.push(']');
        }
        out.push_str("}}");
    }
    out.push_str("\n]}\n");
    out
}

fn write_polygon(out: &mut String, polygon: &Polygon) {
    out.push('[');
    for (i, ring) in polygon.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('[');
        for (j, point) in ring.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            write_point(out, *point);
        }
        out.push(']');
    }
    out.push(']');
}

fn write_point(out: &mut String, [lon, lat]: Point) {
    out.push('[');
    out.push_str(&number(lon));
    out.push(',');
    out.push_str(&number(lat));
    out.push(']');
}

/// Shortest decimal form of a finite number (`7.1`, not `7.100000000000001`).
fn number(value: f64) -> String {
    serde_json::Number::from_f64(value)
        .map(|n| n.to_string())
        .unwrap_or_else(|| "0".into())
}

fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let text = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"AGS":"05","GEN":"Nordrhein-Westfalen","BEZ":"Land","GF":4},
           "geometry":{"type":"Polygon","coordinates":[[[6.0,51.0],[7.5,51.0],[7.0,52.0],[6.0,51.0]]]}}]}"#;
        let features = parse_features(text).unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(features.len(), 1);
        assert_eq!(features[0].gen, "Nordrhein-Westfalen");
        let written = write_features(&features);
        assert!(
            written.contains("[[[6.0,51.0],[7.5,51.0],[7.0,52.0],[6.0,51.0]]]"),
            "{written}"
        );
        let again = parse_features(&written).unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(again, features);
    }

    #[test]
    fn errors_name_the_feature_and_field() {
        let text = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"AGS":"05","GEN":"X","BEZ":"Land"},"geometry":{"type":"Point","coordinates":[1,2]}}]}"#;
        let err = parse_features(text).err().unwrap_or_default();
        assert!(
            err.contains("feature 0") && err.contains("geometry"),
            "{err}"
        );
        let err = parse_features(r#"{"features":[{"properties":{"AGS":"05"}}]}"#)
            .err()
            .unwrap_or_default();
        assert!(err.contains("properties.GEN"), "{err}");
    }
}
