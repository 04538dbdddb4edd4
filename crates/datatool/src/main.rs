//! Command-line entry of `ia-datatool`; see [`ia_datatool::cli::USAGE`].
//! Exit codes: 0 ok, 1 the data has problems, 2 usage error.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ia_datatool::build::BuildOptions;
use ia_datatool::cli::{Args, USAGE};
use ia_datatool::import::{ImportOptions, DEFAULT_MAX_REMOVED};
use ia_datatool::{boundaries, build, check, crosscheck, export, import, read_text, sizes};

const SHARED: &str = "../shared/data";
const OUTLINE: &str = "public/data/boundaries/nrw-land.geojson";
const DATASET: &str = "public/data/agencies.json";
const BOUNDARIES: &str = "public/data/boundaries";
const PLACES: &str = "public/data/places.json";

fn options(command: &str) -> &'static [&'static str] {
    match command {
        "build" => &["shared", "data", "out", "outline"],
        "validate" => &["outline", "boundaries", "places"],
        "boundaries" => &["shared", "out-dir"],
        "sizes" => &["dataset", "boundaries"],
        "synthetic" => &["count", "seed", "out"],
        "places" => &["shared", "data", "out"],
        "import" => &[
            "previous",
            "out",
            "shared",
            "data",
            "outline",
            "as-of",
            "max-removed",
        ],
        "export" => &["dataset", "out"],
        "coverage" => &["dataset", "boundaries", "write", "check"],
        _ => &[],
    }
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    if raw.is_empty()
        || raw
            .iter()
            .any(|a| a == "--help" || a == "-h" || a == "help")
    {
        println!("{USAGE}");
        return if raw.is_empty() {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    let args = match Args::parse(&raw, &options) {
        Ok(args) => args,
        Err(err) => return usage_error(&err.to_string()),
    };
    let expected_positionals = usize::from(args.command == "validate" || args.command == "import");
    if args.positional.len() != expected_positionals {
        return usage_error(&format!(
            "`{}` takes {} positional argument(s), got {:?}",
            args.command, expected_positionals, args.positional
        ));
    }
    match args.command.as_str() {
        "build" => run_build(&args),
        "validate" => run_validate(&args),
        "boundaries" => report(boundaries::run(
            Path::new(&args.get("shared", SHARED)),
            Path::new(&args.get("out-dir", "public/data/boundaries")),
        )),
        "coverage" => report(ia_datatool::coverage::run(
            Path::new(&args.get("dataset", DATASET)),
            Path::new(&args.get("boundaries", BOUNDARIES)),
            args.get_opt("write").map(Path::new),
            args.get_opt("check").map(Path::new),
        )),
        "sizes" => report(sizes::run(
            Path::new(&args.get("dataset", DATASET)),
            Path::new(&args.get("boundaries", "public/data/boundaries")),
        )),
        "synthetic" => run_synthetic(&args),
        "places" => report(ia_datatool::place_index::run(
            Path::new(&args.get("shared", SHARED)),
            &Path::new(&args.get("data", "data")).join("place-overrides.tsv"),
            Path::new(&args.get("out", "public/data/places.json")),
        )),
        "import" => run_import(&args),
        "export" => report(
            export::run(
                Path::new(&args.get("dataset", DATASET)),
                Path::new(&args.get("out", "agenturen.csv")),
            )
            .map(|line| vec![line]),
        ),
        other => usage_error(&format!("unknown subcommand {other:?}")),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}\n\n{USAGE}");
    ExitCode::from(2)
}

fn report(result: ia_datatool::Result<Vec<String>>) -> ExitCode {
    match result {
        Ok(lines) => {
            for line in lines {
                println!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run_build(args: &Args) -> ExitCode {
    let options = BuildOptions {
        shared: PathBuf::from(args.get("shared", SHARED)),
        data: PathBuf::from(args.get("data", "data")),
        out: PathBuf::from(args.get("out", DATASET)),
        outline: PathBuf::from(args.get("outline", OUTLINE)),
    };
    match build::run(&options) {
        Ok(report) => {
            print!("{report}");
            println!("wrote {}", options.out.display());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run_import(args: &Args) -> ExitCode {
    let Some(csv) = args.positional.first() else {
        return usage_error("import needs a CSV file");
    };
    let max_removed_text = args.get("max-removed", &DEFAULT_MAX_REMOVED.to_string());
    let Ok(max_removed) = max_removed_text.parse::<usize>() else {
        return usage_error(&format!(
            "--max-removed must be a whole number, got {max_removed_text:?}"
        ));
    };
    let previous = args.get("previous", DATASET);
    let options = ImportOptions {
        csv: PathBuf::from(csv),
        out: PathBuf::from(args.get("out", &previous)),
        previous: PathBuf::from(previous),
        shared: PathBuf::from(args.get("shared", SHARED)),
        data: PathBuf::from(args.get("data", "data")),
        outline: PathBuf::from(args.get("outline", OUTLINE)),
        as_of: Some(args.get("as-of", "")).filter(|date| !date.is_empty()),
        max_removed,
    };
    match import::run(&options) {
        Ok(report) => {
            print!("{report}");
            if report.blocked.is_none() {
                println!("geschrieben: {}", options.out.display());
            }
            if report.failed() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(err) => {
            eprintln!("Fehler: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run_synthetic(args: &Args) -> ExitCode {
    let number = |name: &str, default: &str| {
        let text = args.get(name, default);
        text.parse::<u64>()
            .map_err(|_| format!("--{name} must be a whole number, got {text:?}"))
    };
    let (count, seed) = match (number("count", "214"), number("seed", "1")) {
        (Ok(count), Ok(seed)) => (count, seed),
        (Err(message), _) | (_, Err(message)) => return usage_error(&message),
    };
    let Ok(count) = usize::try_from(count) else {
        return usage_error("--count is too large");
    };
    let dataset = ia_core::synthetic::synthetic_dataset(count, seed);
    let out = PathBuf::from(args.get("out", "target/synthetic/agencies.json"));
    let written = serde_json::to_vec(&dataset)
        .map_err(|err| ia_datatool::Error(format!("cannot serialize the dataset: {err}")))
        .and_then(|json| ia_datatool::write_file(&out, &json));
    match written {
        Ok(()) => {
            println!(
                "wrote {count} synthetic agencies (seed {seed}) to {}",
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run_validate(args: &Args) -> ExitCode {
    let Some(file) = args.positional.first() else {
        return usage_error("validate needs a FILE");
    };
    let outline_path = PathBuf::from(args.get("outline", OUTLINE));
    let outline = match check::read_outline(&outline_path) {
        Ok(outline) => outline,
        Err(err) => {
            eprintln!("error: cannot check coordinates against the NRW outline: {err}");
            return ExitCode::FAILURE;
        }
    };
    let text = match read_text(Path::new(file)) {
        Ok(text) => text,
        Err(err) => {
            println!("{err}");
            return ExitCode::FAILURE;
        }
    };
    let mut checked = check::check_text(&text, Some(&outline));
    // AGS against Gemeinde and postcode, where the app's place data is here.
    let boundaries = PathBuf::from(args.get("boundaries", BOUNDARIES));
    let places = PathBuf::from(args.get("places", PLACES));
    let place_data = crosscheck::PlaceData::load(&boundaries, &places);
    let agencies = ia_core::parse_dataset(&text)
        .map(|loaded| loaded.agencies)
        .unwrap_or_default();
    let (problems, warnings) = crosscheck::check(&agencies, place_data.as_ref().ok());
    checked.messages.extend(problems);
    if checked.messages.is_empty() {
        match &place_data {
            Ok(_) => println!("{}, ags checked against Gemeinde and PLZ", checked.summary),
            Err(err) => println!("{}, ags not cross-checked ({err})", checked.summary),
        }
    } else {
        for message in &checked.messages {
            println!("{file}: {message}");
        }
    }
    for warning in &warnings {
        println!("{file}: {warning}");
    }
    if checked.messages.is_empty() {
        ExitCode::SUCCESS
    } else {
        println!("{file}: {} problem(s)", checked.messages.len());
        ExitCode::FAILURE
    }
}
