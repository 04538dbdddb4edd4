use serde_json::Value;

use super::*;

fn square(ags: &str, gen: &str, bez: &str, west: f64, south: f64) -> Feature {
    let (e, n) = (west + 0.1, south + 0.1);
    Feature {
        ags: ags.into(),
        gen: gen.into(),
        bez: bez.into(),
        geometry: vec![vec![vec![
            [west, south],
            [e, south],
            [e, n],
            [west, n],
            [west, south],
        ]]],
    }
}

/// Three Gemeinden in a row: the first two in Kreis 05111, the third in 05112.
fn gemeinden() -> Vec<Feature> {
    vec![
        square("05111000", "Westdorf", "Stadt", 7.0, 51.0),
        square("05111004", "Mitteldorf", "Gemeinde", 7.1, 51.0),
        square("05112000", "Ostdorf", "Stadt", 7.2, 51.0),
    ]
}

const OPTIONS: Options = Options {
    tolerance_m: 50.0,
    decimals: 4,
};

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|err| panic!("{err}: {text}"))
}

fn lines_of<'a>(file: &'a Value, kind: &str) -> Vec<&'a Value> {
    file["features"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["properties"]["kind"] == kind)
        .flat_map(|f| {
            f["geometry"]["coordinates"]
                .as_array()
                .into_iter()
                .flatten()
        })
        .collect()
}

#[test]
fn borders_are_written_once_and_classified() {
    // Postcodes: two in Ostdorf, one in Mitteldorf, none in Westdorf.
    let postcodes = [(51.05, 7.25), (51.06, 7.26), (51.05, 7.15)];
    let text = build(&gemeinden(), &postcodes, OPTIONS).unwrap_or_else(|err| panic!("{err}"));
    let file = parse(&text);
    assert_eq!(file["type"], "FeatureCollection");
    // The border between the two Kreise is a Kreis line; the one inside
    // Kreis 05111 a Gemeinde line; the outer edge is not written.
    let kreis = lines_of(&file, "kreis");
    let gemeinde = lines_of(&file, "gemeinde");
    assert_eq!(kreis.len(), 1, "{text}");
    assert_eq!(gemeinde.len(), 1, "{text}");
    let xs = |line: &Value| -> Vec<f64> {
        line.as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p[0].as_f64())
            .collect()
    };
    assert!(xs(kreis[0]).iter().all(|&x| (x - 7.2).abs() < 1e-9));
    assert!(xs(gemeinde[0]).iter().all(|&x| (x - 7.1).abs() < 1e-9));
    // Labels: most postcodes first; each inside its own square.
    let labels: Vec<(String, f64, f64, u64)> = file["labels"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|l| {
            (
                l[0].as_str().unwrap_or_default().to_string(),
                l[1].as_f64().unwrap_or_default(),
                l[2].as_f64().unwrap_or_default(),
                l[3].as_u64().unwrap_or(9),
            )
        })
        .collect();
    let names: Vec<&str> = labels.iter().map(|l| l.0.as_str()).collect();
    assert_eq!(names, ["Ostdorf", "Mitteldorf", "Westdorf"]);
    assert!((7.2..7.3).contains(&labels[0].1) && (51.0..51.1).contains(&labels[0].2));
    assert!(labels.iter().all(|l| l.3 == u64::from(TOWN)));
}

#[test]
fn kreise_come_after_kreisfreie_staedte_and_are_named_as_kreise() {
    let features = vec![
        square("05111", "Großstadt", "Kreisfreie Stadt", 7.0, 51.0),
        square("05158", "Mettmann", "Kreis", 7.1, 51.0),
        square("05382", "Rhein-Sieg-Kreis", "Kreis", 7.2, 51.0),
    ];
    // The Kreise have more postcodes; the city still comes first.
    let postcodes = [(51.05, 7.15), (51.06, 7.16), (51.05, 7.25)];
    let text = build(&features, &postcodes, OPTIONS).unwrap_or_else(|err| panic!("{err}"));
    let file = parse(&text);
    let labels: Vec<(&str, u64)> = file["labels"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|l| {
            (
                l[0].as_str().unwrap_or_default(),
                l[3].as_u64().unwrap_or(9),
            )
        })
        .collect();
    assert_eq!(
        labels,
        [
            ("Großstadt", u64::from(TOWN)),
            ("Kreis Mettmann", u64::from(KREIS)),
            ("Rhein-Sieg-Kreis", u64::from(KREIS)),
        ]
    );
    // A Kreis file has no Gemeinde lines; both inner borders are Kreis lines.
    assert_eq!(lines_of(&file, "kreis").len(), 2);
    assert!(lines_of(&file, "gemeinde").is_empty());
}

#[test]
fn output_is_reproducible_and_rounded() {
    let a = build(&gemeinden(), &[], OPTIONS).unwrap_or_else(|err| panic!("{err}"));
    let b = build(&gemeinden(), &[], OPTIONS).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(a, b);
    let file = parse(&a);
    for line in lines_of(&file, "kreis")
        .into_iter()
        .chain(lines_of(&file, "gemeinde"))
    {
        for point in line.as_array().into_iter().flatten() {
            for value in point.as_array().into_iter().flatten() {
                let v = value.as_f64().unwrap_or(f64::NAN);
                assert_eq!(round_to(v, OPTIONS.decimals), v);
            }
        }
    }
}

#[test]
fn postcodes_are_read_from_the_end_of_each_row() {
    let dir = std::env::temp_dir().join(format!("ia-basemap-{}", std::process::id()));
    let path = dir.join("postcodes.csv");
    write_file(
        &path,
        "postcode,place,kreis,kreis_ags,lat,lon\n50667,\"Köln, Stadt\",Köln,05315,50.94,6.95\n"
            .as_bytes(),
    )
    .unwrap_or_else(|err| panic!("{err}"));
    let rows = read_postcodes(&path).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(rows, [(50.94, 6.95)]);
    let _ = std::fs::remove_dir_all(dir);
}
