//! A tiny command-line parser: one subcommand, positional arguments and
//! `--flag VALUE` options. A handful of subcommands do not justify a framework.

use crate::{Error, Result};

/// Usage text printed for `--help` and after a usage error.
pub const USAGE: &str = "\
ia-datatool — builds and checks the published data of the NRW Integrationsagenturen finder.
Run it from the repository root.

USAGE:
  ia-datatool build      [--shared DIR] [--data DIR] [--out FILE] [--outline FILE]
  ia-datatool validate   FILE [--outline FILE] [--boundaries DIR] [--places FILE]
                         (ags checked against Gemeinde and PLZ where the place data is;
                         same carrier and address: a warning)
  ia-datatool coverage   [--dataset FILE] [--boundaries DIR] [--write FILE | --check FILE]
                         (records per Kreis; --write/--check the block in docs/dataset.md)
  ia-datatool export     [--dataset FILE] [--out FILE]
                         (dataset → spreadsheet CSV: UTF-8 with BOM, `;`, German headings)
  ia-datatool import     CSV [--previous FILE] [--out FILE] [--as-of JJJJ-MM-TT]
                         [--max-removed N] [--shared DIR] [--data DIR] [--outline FILE]
                         (spreadsheet CSV → dataset; prints a report per row and the
                         changes against --previous; writes --out unless more than
                         --max-removed records would be removed)
  ia-datatool boundaries [--shared DIR] [--out-dir DIR]
  ia-datatool sizes      [--dataset FILE] [--boundaries DIR]
  ia-datatool places     [--shared DIR] [--data DIR] [--out FILE]
                         (place index for the \"near me\" search: postcodes and Gemeinden)
  ia-datatool synthetic  [--count N] [--seed S] [--out FILE]
                         (labelled test data for benchmarks; never published)

DEFAULTS:
  --shared      ../shared/data                       (reference data, read only)
  --data        data                                 (committed inputs: meta, mapping tables)
  --out         public/data/agencies.json            (build)
  --outline     public/data/boundaries/nrw-land.geojson
  --out-dir     public/data/boundaries
  --dataset     public/data/agencies.json
  --boundaries  public/data/boundaries
  --count 214, --seed 1, --out target/synthetic/agencies.json (synthetic)
  --out agenturen.csv (export)
  --previous public/data/agencies.json, --out the --previous file, --max-removed 10,
  --as-of unchanged (import; the top-level fields are taken from --previous)

The CSV format and the import's repairs are described in docs/data-maintenance.md.
Exit codes: 0 ok, 1 the data has problems (all are printed; for import: a row
was rejected or the import was blocked), 2 usage error.";

/// A parsed command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Args {
    pub command: String,
    pub positional: Vec<String>,
    options: Vec<(String, String)>,
}

impl Args {
    /// Parses the arguments after the program name. `allowed` lists the
    /// option names (without `--`) the subcommand accepts.
    pub fn parse(
        args: &[String],
        allowed: &dyn Fn(&str) -> &'static [&'static str],
    ) -> Result<Args> {
        let mut iter = args.iter();
        let command = match iter.next() {
            Some(command) if !command.starts_with('-') => command.clone(),
            Some(other) => return Err(Error(format!("expected a subcommand, found {other:?}"))),
            None => return Err(Error("missing subcommand".into())),
        };
        let known = allowed(&command);
        let mut positional = Vec::new();
        let mut options: Vec<(String, String)> = Vec::new();
        while let Some(arg) = iter.next() {
            if let Some(name) = arg.strip_prefix("--") {
                let (name, inline) = match name.split_once('=') {
                    Some((name, value)) => (name, Some(value.to_owned())),
                    None => (name, None),
                };
                if !known.contains(&name) {
                    return Err(Error(format!("`{command}` has no option --{name}")));
                }
                let value = match inline {
                    Some(value) => value,
                    None => iter
                        .next()
                        .cloned()
                        .ok_or_else(|| Error(format!("option --{name} needs a value")))?,
                };
                if options.iter().any(|(seen, _)| seen == name) {
                    return Err(Error(format!("option --{name} given twice")));
                }
                options.push((name.to_owned(), value));
            } else {
                positional.push(arg.clone());
            }
        }
        Ok(Args {
            command,
            positional,
            options,
        })
    }

    /// The value of `--name`, or `default`.
    pub fn get(&self, name: &str, default: &str) -> String {
        self.options
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .unwrap_or_else(|| default.to_owned())
    }

    /// An option without a default.
    pub fn get_opt(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed(command: &str) -> &'static [&'static str] {
        match command {
            "build" => &["shared", "out"],
            _ => &[],
        }
    }

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_options_and_positionals() {
        let args = Args::parse(
            &strings(&["build", "--shared", "x", "--out=y.json", "extra"]),
            &allowed,
        );
        let args = args.unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(args.command, "build");
        assert_eq!(args.get("shared", "d"), "x");
        assert_eq!(args.get("out", "d"), "y.json");
        assert_eq!(args.positional, vec!["extra".to_string()]);
    }

    #[test]
    fn rejects_unknown_and_incomplete_options() {
        assert!(Args::parse(&strings(&["build", "--nope", "1"]), &allowed).is_err());
        assert!(Args::parse(&strings(&["build", "--out"]), &allowed).is_err());
        assert!(Args::parse(&strings(&["build", "--out", "a", "--out", "b"]), &allowed).is_err());
        assert!(Args::parse(&strings(&[]), &allowed).is_err());
    }
}
