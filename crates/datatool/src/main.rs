//! Command-line entry of `ia-datatool`; the command line itself (options,
//! defaults, help) is [`ia_datatool::cli`].
//! Exit codes: 0 ok, 1 the data has problems, 2 usage error.

use std::process::ExitCode;

use clap::Parser;
use ia_datatool::build::BuildOptions;
use ia_datatool::cli::{BuildArgs, Cli, Command, ImportArgs, ValidateArgs};
use ia_datatool::import::ImportOptions;
use ia_datatool::{boundaries, build, crosscheck, export, import, read_text, sizes, validate};

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build(args) => run_build(args),
        Command::Validate(args) => run_validate(&args),
        Command::Boundaries(args) => report(boundaries::run(&args.shared.dir, &args.out_dir)),
        Command::Basemap(args) => report(ia_datatool::basemap::run(
            &args.shared.dir,
            &args.out_dir,
            &args.outline.file,
        )),
        Command::Coverage(args) => report(ia_datatool::coverage::run(
            &args.dataset.file,
            &args.boundaries.dir,
            args.write.as_deref(),
            args.check.as_deref(),
        )),
        Command::Changes(args) => report(ia_datatool::changes::run(
            &args.dataset.file,
            &args.log,
            args.previous.as_deref(),
            args.first,
            args.check,
        )),
        Command::Sizes(args) => report(sizes::run(&args.dataset.file, &args.boundaries.dir)),
        Command::Synthetic(args) => report(ia_datatool::synthetic::run(
            args.count, args.seed, &args.out,
        )),
        Command::Places(args) => report(ia_datatool::places::run(
            &args.shared.dir,
            &args.data.dir.join("place-overrides.tsv"),
            &args.out,
        )),
        Command::Import(args) => run_import(args),
        Command::Export(args) => {
            report(export::run(&args.dataset.file, &args.out).map(|line| vec![line]))
        }
    }
}

/// Prints the lines of a result, or the error (exit code 1).
fn report(result: ia_datatool::Result<Vec<String>>) -> ExitCode {
    match result {
        Ok(lines) => {
            for line in lines {
                println!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(err) => failure(&err),
    }
}

fn failure(err: &ia_datatool::Error) -> ExitCode {
    eprintln!("error: {err}");
    ExitCode::FAILURE
}

fn run_build(args: BuildArgs) -> ExitCode {
    let options = BuildOptions {
        shared: args.shared.dir,
        data: args.data.dir,
        out: args.out,
        outline: args.outline.file,
    };
    match build::run(&options) {
        Ok(report) => {
            print!("{report}");
            println!("wrote {}", options.out.display());
            ExitCode::SUCCESS
        }
        Err(err) => failure(&err),
    }
}

fn run_import(args: ImportArgs) -> ExitCode {
    let options = ImportOptions {
        csv: args.csv,
        out: args.out.unwrap_or_else(|| args.previous.clone()),
        previous: args.previous,
        shared: args.shared.dir,
        data: args.data.dir,
        outline: args.outline.file,
        as_of: args.as_of.filter(|date| !date.is_empty()),
        max_removed: args.max_removed,
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

fn run_validate(args: &ValidateArgs) -> ExitCode {
    let file = args.file.display();
    let outline = match validate::read_outline(&args.outline.file) {
        Ok(outline) => outline,
        Err(err) => {
            eprintln!("error: cannot check coordinates against the NRW outline: {err}");
            return ExitCode::FAILURE;
        }
    };
    let text = match read_text(&args.file) {
        Ok(text) => text,
        Err(err) => {
            println!("{err}");
            return ExitCode::FAILURE;
        }
    };
    let mut checked = validate::check_text(&text, Some(&outline));
    // AGS against Gemeinde and postcode, where the app's place data is here.
    let place_data = crosscheck::PlaceData::load(&args.boundaries.dir, &args.places);
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
