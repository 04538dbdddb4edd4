//! `ia-datatool import`: the import itself is [`ia_upkeep::import`] (no file
//! I/O; the maintenance page runs the same code); [`files`] reads and writes
//! the files for the command line.

pub mod files;

pub use ia_upkeep::import::*;

pub use self::files::{run, ImportOptions};
