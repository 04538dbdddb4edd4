//! The open-data files (issue 27), made from the dataset the site serves:
//! `data/agencies.csv` and `data/agencies.geojson` (`ia_core::export`, the
//! spreadsheet's column table), the DCAT-AP.de catalogue record
//! `data/dcat.ttl` and the human-readable data page `data/index.html` with
//! its schema.org `Dataset` JSON-LD and the change list per "Stand".
//! [`open_data_files`] returns them as path → bytes; [`super::Pages::rest`]
//! adds them to the site's files. The JSON itself is the dataset file (`data/agencies.json`),
//! which stays as it is.

use ia_core::columns::Column;
use ia_core::evidence::{age, Age, OLD_AFTER_YEARS};
use ia_core::export::{to_csv, to_geojson};
use ia_core::opendata::changes::{Change, ChangeLog};
use ia_core::opendata::{
    dcat, schema_org, About, Distribution, Format, Publisher, DATA_PAGE, DCAT_PATH, DESCRIPTION_DE,
    TITLE_DE,
};
use ia_core::pages::seo::{self, Head, SiteUrl};
use ia_core::pages::{self as core_pages, UP};
use ia_core::reach::{reach, Reach};
use ia_core::{Agency, DatasetMeta, Precision};
use leptos::prelude::*;

use super::views::{render, PageFrame};
use super::words::{self, PageTexts};
use crate::i18n::{fill, german};

/// What the files are made from.
pub struct OpenDataInputs<'a> {
    pub agencies: &'a [Agency],
    pub meta: &'a DatasetMeta,
    /// The size in bytes of the dataset file the site serves.
    pub json_bytes: usize,
    /// The committed change log, when the site has it.
    pub changes: Option<&'a ChangeLog>,
    pub publisher: &'a Publisher,
    pub site: Option<&'a SiteUrl>,
    /// The app's stylesheet (`app-<hash>.css`).
    pub stylesheet: &'a str,
}

/// The files, as (path in the site, bytes), in a fixed order.
pub fn open_data_files(inputs: &OpenDataInputs) -> Vec<(String, Vec<u8>)> {
    let all: Vec<&Agency> = inputs.agencies.iter().collect();
    let csv = to_csv(&all);
    let geojson = to_geojson(&all);
    let distributions = [
        Distribution {
            format: Format::Json,
            byte_size: inputs.json_bytes,
        },
        Distribution {
            format: Format::Csv,
            byte_size: csv.len(),
        },
        Distribution {
            format: Format::GeoJson,
            byte_size: geojson.len(),
        },
    ];
    let about = About {
        meta: inputs.meta,
        n_agencies: inputs.agencies.len(),
        publisher: inputs.publisher,
        site: inputs.site,
        distributions: &distributions,
        first_published: inputs.changes.and_then(ChangeLog::first_as_of),
    };
    let ttl = dcat::turtle(&about);
    let page = data_page(inputs, &about);
    vec![
        (Format::Csv.path().to_owned(), csv.into_bytes()),
        (Format::GeoJson.path().to_owned(), geojson.into_bytes()),
        (DCAT_PATH.to_owned(), ttl.into_bytes()),
        (DATA_PAGE.to_owned(), page.into_bytes()),
    ]
}

/// Whether `path` is one of the files [`open_data_files`] makes.
pub fn is_open_data_file(path: &str) -> bool {
    [
        Format::Csv.path(),
        Format::GeoJson.path(),
        DCAT_PATH,
        DATA_PAGE,
    ]
    .contains(&path)
}

/// `data/index.html`: what the data is and is not, the downloads, the
/// licence, the catalogue record and the changes per Stand.
fn data_page(inputs: &OpenDataInputs, about: &About) -> String {
    let texts = german();
    let page_texts = words::german();
    let facts = Facts::of(inputs.agencies, inputs.meta, page_texts);
    let description = seo::description(&[TITLE_DE, "–", page_texts.data_description], 160);
    let head = Head {
        title: &fill(
            page_texts.data_head_title,
            &[("site", page_texts.site_name)],
        ),
        description: &description,
        path: DATA_PAGE,
        image: core_pages::START_IMAGE,
        image_alt: page_texts.data_image_alt,
        site_name: page_texts.site_name,
    };
    let json_ld = seo::script_json(&schema_org::dataset(about));
    let downloads: Vec<(Format, String, usize)> = about
        .distributions
        .iter()
        .map(|d| {
            (
                d.format,
                about.link(d.format.path(), DATA_PAGE),
                d.byte_size,
            )
        })
        .collect();
    let meta = inputs.meta.clone();
    let changes: Vec<Change> = inputs
        .changes
        .map(|l| l.changes.clone())
        .unwrap_or_default();
    let publisher = inputs.publisher.clone();
    let dcat_link = about.link(DCAT_PATH, DATA_PAGE);
    let body = render(move || {
        view! {
            <PageFrame texts meta=meta.clone() trail=Vec::new() current=page_texts.data_title.to_owned()>
                <article class="page-data" aria-labelledby="page-title">
                    <h1 id="page-title">{fill(page_texts.data_heading, &[("title", TITLE_DE)])}</h1>
                    <p>{DESCRIPTION_DE}</p>
                    <h2>{page_texts.data_what}</h2>
                    <ul data-testid="data-facts">
                        <li>{page_texts.data_not_official}</li>
                        <li data-testid="data-coverage">{facts.coverage.clone()}</li>
                        <li>{facts.positions.clone()}</li>
                        <li data-testid="data-reach">{facts.reach.clone()}</li>
                        <li data-testid="data-age">{facts.age.clone()}</li>
                    </ul>
                    <h2>{page_texts.data_download}</h2>
                    <table class="data-files">
                        <thead><tr><th scope="col">{page_texts.data_format}</th><th scope="col">{page_texts.data_file}</th><th scope="col">{page_texts.data_size}</th><th scope="col">{page_texts.data_content}</th></tr></thead>
                        <tbody>
                            {downloads.into_iter().map(|(format, href, size)| view! {
                                <tr>
                                    <th scope="row">{format.name()}</th>
                                    <td><a href=href.clone() data-testid=format!("download-{}", format.name().to_lowercase())>{format.path().trim_start_matches("data/").to_owned()}</a></td>
                                    <td>{kilobytes(size)}</td>
                                    <td>{format.description().0}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <p>{fill(page_texts.data_columns, &[("columns", &Column::HEADINGS.join(", "))])}</p>
                    <h2>{page_texts.licence}</h2>
                    <p lang="de">{meta.licence.clone()}</p>
                    <h2>{page_texts.data_portals}</h2>
                    <p>
                        {page_texts.data_catalogue} " " <a href=dcat_link.clone() data-testid="dcat-link">"dcat.ttl"</a>
                        ". " {fill(page_texts.data_publisher, &[("publisher", &publisher.name)])}
                        {publisher.email.clone().map(|email| view! { ", " <a href=format!("mailto:{email}")>{email.clone()}</a> })}
                        "."
                    </p>
                    <h2>{page_texts.data_changes}</h2>
                    {changes.is_empty().then(|| view! { <p>{page_texts.data_no_changes}</p> })}
                    <ol class="data-changes" data-testid="data-changes">
                        {changes.iter().map(|change| view! { <li>{change_entry(change, texts, page_texts)}</li> }).collect_view()}
                    </ol>
                </article>
            </PageFrame>
        }
    });
    super::document(
        &head.to_html(inputs.site, UP),
        Some(&json_ld),
        inputs.stylesheet,
        &body,
    )
}

/// One Stand: its counts, and the records by name (linked to their pages).
fn change_entry(
    change: &Change,
    texts: &'static crate::i18n::Texts,
    page_texts: &'static PageTexts,
) -> impl IntoView {
    let heading = texts.as_of(&change.as_of);
    let records = change.records.to_string();
    let summary = match &change.previous {
        Some(previous) => fill(
            page_texts.change_summary,
            &[
                ("records", &records),
                ("added", &change.added.len().to_string()),
                ("changed", &change.changed.len().to_string()),
                ("removed", &change.removed.len().to_string()),
                ("previous", &texts.date(previous)),
            ],
        ),
        None => fill(page_texts.change_first, &[("records", &records)]),
    };
    let counted = |template: &str, n: usize| fill(template, &[("n", &n.to_string())]);
    let page = |id: &str| format!("{UP}{}", core_pages::agency_page(id));
    let names = |list: &[ia_core::opendata::changes::Named]| {
        list.iter()
            .map(|n| view! { <li lang="de"><a href=page(&n.id)>{n.name.clone()}</a></li> })
            .collect_view()
    };
    let added = (!change.added.is_empty()).then(|| {
        view! { <details><summary>{counted(page_texts.change_added, change.added.len())}</summary><ul>{names(&change.added)}</ul></details> }
    });
    let changed = (!change.changed.is_empty()).then(|| {
        let items = change
            .changed
            .iter()
            .map(|c| {
                let fields: Vec<&str> = c.fields.iter().map(|f| heading_of(f)).collect();
                view! { <li><a href=page(&c.id) lang="de">{c.name.clone()}</a> ": " {fields.join(", ")}</li> }
            })
            .collect_view();
        view! { <details><summary>{counted(page_texts.change_changed, change.changed.len())}</summary><ul>{items}</ul></details> }
    });
    // Removed records have no page any more: names only.
    let removed = (!change.removed.is_empty()).then(|| {
        let items = change
            .removed
            .iter()
            .map(|n| view! { <li lang="de">{n.name.clone()}</li> })
            .collect_view();
        view! { <details><summary>{counted(page_texts.change_removed, change.removed.len())}</summary><ul>{items}</ul></details> }
    });
    view! {
        <h3>{heading}</h3>
        <p>{summary}</p>
        {added}
        {changed}
        {removed}
    }
}

/// The spreadsheet's heading of a schema path ("Website des Trägers").
fn heading_of(path: &str) -> &str {
    Column::ALL
        .iter()
        .find(|c| c.path() == path)
        .map_or(path, |c| c.heading())
}

/// "12 KB" (1 KB = 1000 bytes, as the size report counts).
fn kilobytes(bytes: usize) -> String {
    format!("{} KB", bytes.div_ceil(1000))
}

/// The sentences about coverage, positions, contacts and age.
struct Facts {
    coverage: String,
    positions: String,
    reach: String,
    age: String,
}

impl Facts {
    fn of(agencies: &[Agency], meta: &DatasetMeta, page_texts: &PageTexts) -> Facts {
        let n = agencies.len();
        let sada = agencies.iter().filter(|a| a.antidiscrimination).count();
        let with_records: std::collections::BTreeSet<&str> =
            agencies.iter().map(Agency::kreis_ags).collect();
        let mut without: Vec<&str> = meta
            .kreise
            .iter()
            .filter(|k| !with_records.contains(k.ags.as_str()))
            .map(|k| k.name.as_str())
            .collect();
        without.sort_by_key(|name| ia_core::text::fold(name));
        let total = meta
            .coverage
            .as_ref()
            .map(|c| {
                let year = c
                    .estimated_total_year
                    .map(|y| fill(page_texts.data_coverage_year, &[("year", &y.to_string())]))
                    .unwrap_or_default();
                fill(
                    page_texts.data_coverage_total,
                    &[("total", &c.estimated_total.to_string())],
                ) + &year
            })
            .unwrap_or_default();
        let places = if meta.kreise.is_empty() {
            String::new()
        } else {
            let without_n = without.len();
            let without = if without.is_empty() {
                String::new()
            } else {
                fill(
                    page_texts.data_coverage_without,
                    &[("names", &without.join(", "))],
                )
            };
            fill(
                page_texts.data_coverage_places,
                &[
                    ("with", &(meta.kreise.len() - without_n).to_string()),
                    ("all", &meta.kreise.len().to_string()),
                    ("without", &without),
                ],
            )
        };
        let coverage = fill(
            page_texts.data_coverage,
            &[
                ("records", &n.to_string()),
                ("total", &total),
                ("servicestellen", &sada.to_string()),
                ("places", &places),
            ],
        );
        let count = |p: Precision| {
            agencies
                .iter()
                .filter(|a| a.location.precision == p)
                .count()
        };
        let count = |p: Precision| count(p).to_string();
        let positions = fill(
            page_texts.data_positions,
            &[
                ("address", &count(Precision::Address)),
                ("postcode", &count(Precision::Postcode)),
                ("municipality", &count(Precision::Municipality)),
                ("kreis", &count(Precision::Kreis)),
            ],
        );
        let by = |r: Reach| {
            agencies
                .iter()
                .filter(|a| reach(a) == r)
                .count()
                .to_string()
        };
        let reach = fill(
            page_texts.data_reach,
            &[
                ("own", &by(Reach::Own)),
                ("carrier", &by(Reach::Carrier)),
                ("nothing", &by(Reach::Nothing)),
            ],
        );
        let (mut old, mut undated) = (0, 0);
        for agency in agencies {
            match age(agency, &meta.as_of) {
                Age::Old(_) => old += 1,
                Age::Undated => undated += 1,
                Age::Recent => {}
            }
        }
        let age = fill(
            page_texts.data_age,
            &[
                ("old", &old.to_string()),
                ("years", &OLD_AFTER_YEARS.to_string()),
                ("undated", &undated.to_string()),
                ("date", &german().date(&meta.as_of)),
            ],
        );
        Facts {
            coverage,
            positions,
            reach,
            age,
        }
    }
}
