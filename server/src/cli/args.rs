//! The command line's arguments (clap): the subcommands and their flags, parsed and checked
//! here so that a bad code or level is a usage error (exit 2) before any file is read.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use knowledge::{Code, Severity};

use crate::config::{level, Level};

#[derive(Subcommand)]
pub enum Command {
    /// Print a fact-base entry as its hover card (Markdown).
    Lookup {
        /// A name, alias or id: "Kirov", "N.E.P.", "kirov-murder".
        name: Vec<String>,
    },
    /// Check essays (files, or folders of .md, .tex, .txt) and print the findings.
    ///
    /// Each file is checked with the settings of its project: the nearest `clio.toml` and
    /// `.clio/` folder in or above its folder, then the flags below. Exit code: 0 when no
    /// finding reached --fail-on, 1 when one did, 2 when a path could not be read or decoded
    /// (after every readable file has been checked) or a setting is wrong.
    Check(CheckArgs),
    /// Write a class report: findings by essay, the most common slips, and each essay's
    /// timeline of dated claims (HTML, JSON or a text table).
    Report(ReportArgs),
    /// Work with the fact base.
    Kb {
        #[command(subcommand)]
        command: KbCommand,
    },
}

#[derive(Subcommand)]
pub enum KbCommand {
    /// Validate packs (the embedded base when no path is given); exit 1 on errors.
    Check { paths: Vec<PathBuf> },
    /// List names, dates and figures in essays (files or folders) that the base does not hold.
    Extract { essays: Vec<PathBuf> },
    /// Print what the embedded fact base holds.
    Stats,
}

/// The settings a run may change on top of each project's own.
#[derive(Args, Clone, Debug, Default)]
pub struct SettingsArgs {
    /// Extra knowledge packs (TOML files or folders) to load.
    #[arg(long = "knowledge", value_name = "PATH")]
    pub knowledge: Vec<PathBuf>,
    /// Include counterargument hints (off on the command line unless a clio.toml turns them on).
    #[arg(long)]
    pub counterarguments: bool,
    /// Switch a check off (dubious-date, dubious-figure, contested-figure, anachronism,
    /// misspelled-name, counterargument).
    #[arg(long, value_name = "CODE", value_parser = parse_code)]
    pub disable: Vec<Code>,
    /// Switch a check on.
    #[arg(long, value_name = "CODE", value_parser = parse_code)]
    pub enable: Vec<Code>,
    /// Set a check's severity: error, warning, information, hint or off.
    #[arg(long, value_name = "CODE=LEVEL", value_parser = parse_code_level)]
    pub severity: Vec<(Code, Level)>,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Files or folders (the current folder when none is given).
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub settings: SettingsArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// The least severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    /// No summary and no progress bar: the findings (and errors) only.
    #[arg(long, short)]
    pub quiet: bool,
    /// Colour in the text output: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// Files or folders (the current folder when none is given).
    pub paths: Vec<PathBuf>,
    /// Write the report as one self-contained HTML file.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// What to print on standard output: a text table, or the report's data as JSON.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// The report's title (default: "Class report").
    #[arg(long)]
    pub title: Option<String>,
    #[command(flatten)]
    pub settings: SettingsArgs,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Findings with their source line, carets and fixes, then a summary.
    Text,
    /// Per file, LSP diagnostics (UTF-16 ranges) and fixes as text edits.
    Json,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Information,
    Hint,
    Never,
}

impl FailOn {
    /// Does a finding published with `s` fail the run?
    pub fn fails(self, s: Severity) -> bool {
        let rank = |s: Severity| match s {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Information => 2,
            Severity::Hint => 3,
        };
        let limit = match self {
            FailOn::Error => 0,
            FailOn::Warning => 1,
            FailOn::Information => 2,
            FailOn::Hint => 3,
            FailOn::Never => return false,
        };
        rank(s) <= limit
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Colour for a stream: `always`, or `auto` on a terminal when NO_COLOR is unset or empty.
    pub fn enabled(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

fn code_names() -> String {
    Code::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ")
}

fn parse_code(s: &str) -> Result<Code, String> {
    Code::parse(s.trim()).ok_or_else(|| format!("unknown code `{s}` (one of {})", code_names()))
}

fn parse_code_level(s: &str) -> Result<(Code, Level), String> {
    let (code, lvl) = s.split_once('=').ok_or_else(|| format!("`{s}` should be CODE=LEVEL"))?;
    let code = parse_code(code)?;
    let lvl = level(lvl.trim()).ok_or_else(|| {
        format!("unknown level `{lvl}` (one of error, warning, information, hint, off)")
    })?;
    Ok((code, lvl))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fail_on_takes_the_named_level_and_everything_worse() {
        use Severity::*;
        let failing = |f: FailOn| {
            [Error, Warning, Information, Hint].into_iter().filter(|s| f.fails(*s)).count()
        };
        assert_eq!(failing(FailOn::Error), 1);
        assert_eq!(failing(FailOn::Warning), 2);
        assert_eq!(failing(FailOn::Information), 3);
        assert_eq!(failing(FailOn::Hint), 4);
        assert_eq!(failing(FailOn::Never), 0);
    }

    #[test]
    fn codes_and_levels_parse_or_say_what_is_allowed() {
        assert_eq!(
            parse_code_level("dubiousDate=Error"),
            Ok((Code::DubiousDate, Level::Is(Severity::Error)))
        );
        assert_eq!(parse_code_level("anachronism=off"), Ok((Code::Anachronism, Level::Off)));
        assert!(parse_code("dubious").unwrap_err().contains("misspelled-name"));
        assert!(parse_code_level("anachronism").unwrap_err().contains("CODE=LEVEL"));
        assert!(parse_code_level("anachronism=loud").unwrap_err().contains("hint"));
    }
}
