//! The command line of `ia-datatool` (clap derive): subcommands, options,
//! their defaults and the help text are declared once, here. `main.rs` only
//! runs what was asked. Run it from the repository root (the defaults are
//! relative paths). Exit codes: 0 ok, 1 the data has problems, 2 usage error.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::import::DEFAULT_MAX_REMOVED;

/// The published dataset.
pub const DATASET: &str = "public/data/agencies.json";
/// The simplified boundary files.
pub const BOUNDARIES: &str = "public/data/boundaries";
/// The change log per "Stand" (issue 27).
pub const CHANGES: &str = "public/data/changes.json";

/// Builds and checks the published data of the NRW Integrationsagenturen finder.
#[derive(Debug, Parser)]
#[command(
    name = "ia-datatool",
    arg_required_else_help = true,
    after_help = "Run it from the repository root. The CSV format and the import's repairs are \
                  described in docs/data-maintenance.md.\n\
                  Exit codes: 0 ok, 1 the data has problems (all are printed; for import: a row \
                  was rejected or the import was blocked), 2 usage error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Sourced records → the published dataset (schema v2), with offline geocoding.
    Build(BuildArgs),
    /// Checks a dataset strictly: every field, the NRW outline, ags against Gemeinde and PLZ
    /// where the place data is (same carrier and address: a warning).
    Validate(ValidateArgs),
    /// Records per Kreis; --write/--check the block in docs/dataset.md.
    Coverage(CoverageArgs),
    /// The change list per "Stand": records what changed from --previous (the dataset of
    /// the Stand before) to the dataset in the log; --check that the log fits the dataset.
    Changes(ChangesArgs),
    /// Dataset → spreadsheet CSV (UTF-8 with BOM, `;`, German headings).
    Export(ExportArgs),
    /// Spreadsheet CSV → dataset: prints a report per row and the changes against --previous;
    /// writes --out unless more than --max-removed records would be removed.
    Import(ImportArgs),
    /// The simplified boundary files.
    Boundaries(BoundariesArgs),
    /// The map's own background: borders and labels per zoom band.
    Basemap(BasemapArgs),
    /// The gzip sizes of the published files against their budgets.
    Sizes(SizesArgs),
    /// The place index for the "near me" search: postcodes and Gemeinden.
    Places(PlacesArgs),
    /// Labelled test data for benchmarks; never published.
    Synthetic(SyntheticArgs),
}

/// `--shared DIR`.
#[derive(Debug, Args)]
pub struct Shared {
    /// Reference data (read only).
    #[arg(
        id = "shared",
        long = "shared",
        value_name = "DIR",
        default_value = "../shared/data"
    )]
    pub dir: PathBuf,
}

/// `--data DIR`.
#[derive(Debug, Args)]
pub struct Data {
    /// Committed inputs: meta, mapping tables, place overrides.
    #[arg(id = "data", long = "data", value_name = "DIR", default_value = "data")]
    pub dir: PathBuf,
}

/// `--outline FILE`.
#[derive(Debug, Args)]
pub struct Outline {
    /// The simplified NRW outline.
    #[arg(
        id = "outline",
        long = "outline",
        value_name = "FILE",
        default_value = "public/data/boundaries/nrw-land.geojson"
    )]
    pub file: PathBuf,
}

/// `--dataset FILE`.
#[derive(Debug, Args)]
pub struct Dataset {
    /// The dataset file.
    #[arg(id = "dataset", long = "dataset", value_name = "FILE", default_value = DATASET)]
    pub file: PathBuf,
}

/// `--boundaries DIR`.
#[derive(Debug, Args)]
pub struct Boundaries {
    /// The simplified boundary files.
    #[arg(id = "boundaries", long = "boundaries", value_name = "DIR", default_value = BOUNDARIES)]
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub shared: Shared,
    #[command(flatten)]
    pub data: Data,
    /// The dataset to write.
    #[arg(long, value_name = "FILE", default_value = DATASET)]
    pub out: PathBuf,
    #[command(flatten)]
    pub outline: Outline,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The dataset to check.
    pub file: PathBuf,
    #[command(flatten)]
    pub outline: Outline,
    #[command(flatten)]
    pub boundaries: Boundaries,
    /// The place index (postcodes of the Gemeinden).
    #[arg(long, value_name = "FILE", default_value = "public/data/places.json")]
    pub places: PathBuf,
}

#[derive(Debug, Args)]
pub struct CoverageArgs {
    #[command(flatten)]
    pub dataset: Dataset,
    #[command(flatten)]
    pub boundaries: Boundaries,
    /// Rewrites the coverage block in this Markdown file.
    #[arg(long, value_name = "FILE")]
    pub write: Option<PathBuf>,
    /// Fails when the coverage block in this Markdown file is stale.
    #[arg(long, value_name = "FILE")]
    pub check: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ChangesArgs {
    #[command(flatten)]
    pub dataset: Dataset,
    /// The committed change log.
    #[arg(long, value_name = "FILE", default_value = CHANGES)]
    pub log: PathBuf,
    /// The published dataset of the Stand before: what changed since is recorded in the log
    /// under the dataset's Stand (replacing an entry of the same Stand).
    #[arg(long, value_name = "FILE", conflicts_with = "first")]
    pub previous: Option<PathBuf>,
    /// Records the dataset as the first publication (no Stand before).
    #[arg(long)]
    pub first: bool,
    /// Fails unless the log's newest entry is the dataset's Stand and fits its records.
    #[arg(long, conflicts_with_all = ["previous", "first"])]
    pub check: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub dataset: Dataset,
    /// The CSV to write.
    #[arg(long, value_name = "FILE", default_value = "agenturen.csv")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The spreadsheet (CSV).
    pub csv: PathBuf,
    /// The previous dataset: compared with, and its top-level fields are kept.
    #[arg(long, value_name = "FILE", default_value = DATASET)]
    pub previous: PathBuf,
    /// The dataset to write [default: the --previous file].
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// New "Stand" of the dataset [default: unchanged].
    #[arg(long, value_name = "JJJJ-MM-TT")]
    pub as_of: Option<String>,
    /// More removed records than this block the import.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_REMOVED)]
    pub max_removed: usize,
    #[command(flatten)]
    pub shared: Shared,
    #[command(flatten)]
    pub data: Data,
    #[command(flatten)]
    pub outline: Outline,
}

#[derive(Debug, Args)]
pub struct BoundariesArgs {
    #[command(flatten)]
    pub shared: Shared,
    /// Where to write the boundary files.
    #[arg(long, value_name = "DIR", default_value = BOUNDARIES)]
    pub out_dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct BasemapArgs {
    #[command(flatten)]
    pub shared: Shared,
    /// Where to write the background files.
    #[arg(long, value_name = "DIR", default_value = "public/data/basemap")]
    pub out_dir: PathBuf,
    #[command(flatten)]
    pub outline: Outline,
}

#[derive(Debug, Args)]
pub struct SizesArgs {
    #[command(flatten)]
    pub dataset: Dataset,
    #[command(flatten)]
    pub boundaries: Boundaries,
}

#[derive(Debug, Args)]
pub struct PlacesArgs {
    #[command(flatten)]
    pub shared: Shared,
    #[command(flatten)]
    pub data: Data,
    /// The place index to write.
    #[arg(long, value_name = "FILE", default_value = "public/data/places.json")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct SyntheticArgs {
    /// Number of agencies.
    #[arg(long, value_name = "N", default_value_t = 214)]
    pub count: usize,
    /// Seed of the random generator.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
    /// The dataset to write.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "target/synthetic/agencies.json"
    )]
    pub out: PathBuf,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("ia-datatool").chain(args.iter().copied()))
    }

    #[test]
    fn the_declaration_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn defaults_and_options() {
        let Ok(Cli {
            command: Command::Import(import),
        }) = parse(&["import", "t.csv", "--out=x.json", "--max-removed", "15"])
        else {
            panic!("import not parsed");
        };
        assert_eq!(import.csv, PathBuf::from("t.csv"));
        assert_eq!(import.out, Some(PathBuf::from("x.json")));
        assert_eq!(import.max_removed, 15);
        assert_eq!(import.previous, PathBuf::from(DATASET));
        assert_eq!(import.shared.dir, PathBuf::from("../shared/data"));
        assert_eq!(import.as_of, None);
        let Ok(Cli {
            command: Command::Synthetic(synthetic),
        }) = parse(&["synthetic", "--count", "1000"])
        else {
            panic!("synthetic not parsed");
        };
        assert_eq!((synthetic.count, synthetic.seed), (1000, 1));
    }

    #[test]
    fn usage_errors() {
        use clap::error::ErrorKind;
        let kind = |args: &[&str]| parse(args).err().map(|e| e.kind());
        assert_eq!(
            kind(&["build", "--nope", "1"]),
            Some(ErrorKind::UnknownArgument)
        );
        assert_eq!(kind(&["build", "--out"]), Some(ErrorKind::InvalidValue));
        assert_eq!(
            kind(&["build", "--out", "a", "--out", "b"]),
            Some(ErrorKind::ArgumentConflict)
        );
        assert_eq!(
            kind(&["validate"]),
            Some(ErrorKind::MissingRequiredArgument)
        );
        assert_eq!(kind(&["export", "extra"]), Some(ErrorKind::UnknownArgument));
        assert_eq!(
            kind(&["import", "a.csv", "--max-removed", "viele"]),
            Some(ErrorKind::ValueValidation)
        );
        assert_eq!(kind(&["teleport"]), Some(ErrorKind::InvalidSubcommand));
        assert_eq!(
            kind(&[]),
            Some(ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand)
        );
    }
}
