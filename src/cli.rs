//! The command-line front end.

use crate::engine::Selection;
use crate::finding::Severity;
use crate::lint::{self, LintOptions};
use crate::report::{self, Format, HumanStyle, Report};
use crate::rules::{self, Registry, RuleLoadError};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::time::Instant;

const EXAMPLES: &str = "\
Examples:
  acslint check                          lint the current directory
  acslint check infra/ policies/admin.json
  acslint check --format json . > findings.json
  acslint check --fail-on high --select RAM,IAM001 .
  cat main.tf | acslint check - --stdin-filename main.tf
  acslint rules                          list every rule
  acslint explain RAM001                 show a rule's documentation

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage, configuration or internal error.";

#[derive(Parser, Debug)]
#[command(name = "acslint", version, about = "Fast, offline linter for Alibaba Cloud RAM policies and Terraform (alicloud)", after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Lint files and directories (default: the current directory).
    Check(CheckArgs),
    /// List every rule.
    Rules(RulesArgs),
    /// Run the language server on standard input/output (for editors).
    Server {
        /// Run only these rules: codes, prefixes or names, comma-separated.
        #[arg(long, value_delimiter = ',')]
        select: Vec<String>,
        /// Do not run these rules.
        #[arg(long, value_delimiter = ',')]
        ignore: Vec<String>,
    },
    /// Print a rule's documentation.
    Explain {
        /// Rule code (RAM001) or name (ram-policy-full-admin).
        rule: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Info,
    Low,
    Medium,
    High,
    Critical,
    Never,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Files or directories to lint; `-` reads standard input.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<Format>,
    /// Use colours in human output (NO_COLOR is honoured with `auto`).
    #[arg(long, value_enum, default_value = "auto")]
    pub color: Color,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value = "low")]
    pub fail_on: FailOn,
    /// Exit 0 even when there are findings (errors still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// Skip paths matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Lint only paths matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// Do not honour .gitignore and .ignore files.
    #[arg(long)]
    pub no_ignore: bool,
    /// Run only these rules: codes, prefixes (RAM, OSS0) or names, comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Do not run these rules: codes, prefixes or names, comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Extra rule file or directory of rule files (repeatable).
    #[arg(long = "rules", value_name = "PATH")]
    pub rule_files: Vec<PathBuf>,
    /// List the values that could not be decided statically, and why.
    #[arg(long)]
    pub show_unknown: bool,
    /// Name of the file given on standard input (picks the parser from its extension).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Files larger than this many bytes are reported and skipped.
    #[arg(long, default_value_t = crate::discover::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
    /// Print nothing but findings (no summary line).
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Args, Debug)]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value = "text")]
    pub format: RulesFormat,
    /// Write one Markdown page per rule into this directory.
    #[arg(long, value_name = "DIR")]
    pub docs: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Text,
    Json,
}

/// Run the CLI; returns the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Rules(args) => list_rules(args),
        Command::Explain { rule } => explain(&rule),
        Command::Server { select, ignore } => {
            let reg = Registry::builtin();
            selection(reg, &select, &ignore)
                .map(|sel| crate::lsp::serve(reg, &sel, std::io::stdin(), std::io::stdout()))
        }
    };
    match result {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("error: {msg}");
            2
        }
    }
}

fn out(s: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(s.as_bytes()).and_then(|_| stdout.flush()) {
        // A closed pipe (`acslint … | head`) is not an error worth a message.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write output: {e}"))
        }
        _ => Ok(()),
    }
}

fn use_color(c: Color) -> bool {
    match c {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// Render rule-file errors as miette diagnostics pointing into the file.
fn rule_errors(text: &str, errors: &[RuleLoadError]) -> String {
    let mut s = String::new();
    let handler =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .with_width(100);
    for e in errors {
        let mut d = miette::MietteDiagnostic::new(e.message.clone()).with_code("rule-file");
        if let Some(sp) = &e.span {
            d = d.with_label(miette::LabeledSpan::at(sp.clone(), "here"));
        }
        let report = miette::Report::new(d)
            .with_source_code(miette::NamedSource::new(&e.path, text.to_string()));
        let _ = handler.render_report(&mut s, report.as_ref());
    }
    s
}

/// The built-in registry plus user rule files.
pub fn registry(files: &[PathBuf]) -> Result<Registry, String> {
    let mut reg = Registry::builtin().clone();
    let mut paths = Vec::new();
    for p in files {
        if p.is_dir() {
            for e in walk_hcl(p) {
                paths.push(e);
            }
        } else {
            paths.push(p.clone());
        }
    }
    for p in paths {
        let text = std::fs::read_to_string(&p)
            .map_err(|e| format!("cannot read rule file {}: {e}", p.display()))?;
        let display = lint::display_path(&p);
        match rules::load_rule_file(&display, &text, None, true) {
            Ok(rs) => {
                for r in rs {
                    reg.insert(r)?;
                }
            }
            Err(errs) => {
                eprint!("{}", rule_errors(&text, &errs));
                return Err(format!("{} error(s) in rule file {display}", errs.len()));
            }
        }
    }
    Ok(reg)
}

fn walk_hcl(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = ignore::WalkBuilder::new(dir)
        .standard_filters(false)
        .build()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "hcl"))
        .collect();
    v.sort();
    v
}

/// Resolve --select/--ignore into a selection; unknown selectors are usage errors.
pub fn selection(
    reg: &Registry,
    select: &[String],
    ignore: &[String],
) -> Result<Selection, String> {
    let mut sel = Selection::defaults(reg);
    let resolve = |s: &str| -> Result<Vec<std::sync::Arc<str>>, String> {
        let found = reg.select(s);
        if found.is_empty() {
            return Err(format!("`{s}` selects no rule (use a code such as RAM001, a prefix such as RAM, or a rule name)"));
        }
        Ok(found.into_iter().map(|r| r.id.clone()).collect())
    };
    let select: Vec<&String> = select.iter().filter(|s| !s.trim().is_empty()).collect();
    if !select.is_empty() {
        sel.enabled.clear();
        for s in select {
            sel.enabled.extend(resolve(s.trim())?);
        }
    }
    for s in ignore.iter().filter(|s| !s.trim().is_empty()) {
        for id in resolve(s.trim())? {
            sel.enabled.remove(&id);
        }
    }
    Ok(sel)
}

fn check(args: CheckArgs) -> Result<i32, String> {
    let start = Instant::now();
    let reg = registry(&args.rule_files)?;
    let sel = selection(&reg, &args.select, &args.ignore)?;
    let mut opts = LintOptions {
        max_file_size: args.max_file_size,
        ..Default::default()
    };
    opts.discover.exclude = args.exclude.clone();
    opts.discover.include = args.include.clone();
    opts.discover.respect_ignore_files = !args.no_ignore;
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        if args.paths.len() > 1 {
            return Err("`-` (standard input) cannot be combined with other paths".into());
        }
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        let name = args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| "stdin.tf".into());
        opts.stdin = Some((name, text));
    } else if !args.paths.is_empty() {
        opts.paths = args.paths.clone();
    }
    let result = std::panic::catch_unwind(|| lint::lint(&opts, &reg, &sel)).map_err(|_| {
        "internal error: the analysis panicked; please report this with the input".to_string()
    })??;

    let format = args.format.unwrap_or(Format::Human);
    let report = Report {
        sources: &result.sources,
        findings: &result.findings,
        unknowns: &result.unknowns,
        files: result.files,
    };
    let style = HumanStyle {
        color: use_color(args.color),
        width: 100,
    };
    out(&report::render(format, &report, &style))?;
    if args.show_unknown && format != Format::Json {
        let mut s = String::new();
        for u in &result.unknowns {
            let f = result.sources.get(u.file);
            let lc = u
                .loc
                .map(|l| f.line_col(l.start as usize))
                .unwrap_or(crate::source::LineCol { line: 1, column: 1 });
            s.push_str(&format!(
                "{}:{}:{}: unknown {}{}: {}\n",
                f.display,
                lc.line,
                lc.column,
                u.rule,
                u.address
                    .as_deref()
                    .map(|a| format!(" ({a})"))
                    .unwrap_or_default(),
                u.reason
            ));
        }
        if format == Format::Human {
            eprint!("{s}");
        } else {
            out(&s)?;
        }
    }
    if format == Format::Human && !args.quiet {
        eprintln!(
            "{}",
            report::human::summary(&report, start.elapsed().as_millis())
        );
    }
    let threshold = match args.fail_on {
        FailOn::Info => Some(Severity::Info),
        FailOn::Low => Some(Severity::Low),
        FailOn::Medium => Some(Severity::Medium),
        FailOn::High => Some(Severity::High),
        FailOn::Critical => Some(Severity::Critical),
        FailOn::Never => None,
    };
    let failing = threshold.is_some_and(|t| result.findings.iter().any(|f| f.severity >= t));
    Ok(if failing && !args.exit_zero { 1 } else { 0 })
}

fn list_rules(args: RulesArgs) -> Result<i32, String> {
    let reg = Registry::builtin();
    if let Some(dir) = &args.docs {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        for r in reg.sorted() {
            crate::util::write_atomic(
                &dir.join(format!("{}.md", r.id)),
                rules::docs::page(r).as_bytes(),
            )
            .map_err(|e| format!("cannot write docs: {e}"))?;
        }
        crate::util::write_atomic(&dir.join("README.md"), rules::docs::index(reg).as_bytes())
            .map_err(|e| format!("cannot write docs: {e}"))?;
        return Ok(0);
    }
    match args.format {
        RulesFormat::Json => {
            let v: Vec<serde_json::Value> = reg
                .sorted()
                .into_iter()
                .map(|r| rules::docs::json(r))
                .collect();
            out(&(serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"))?;
        }
        RulesFormat::Text => {
            let mut s = String::new();
            for r in reg.sorted() {
                s.push_str(&format!(
                    "{:<7} {:<9} {:<44} {}\n",
                    r.id, r.severity, r.name, r.title
                ));
            }
            out(&s)?;
        }
    }
    Ok(0)
}

fn explain(code: &str) -> Result<i32, String> {
    let reg = Registry::builtin();
    match reg.find(code) {
        Some(r) => {
            out(&rules::docs::page(r))?;
            Ok(0)
        }
        None => Err(format!("no rule `{code}` (see `acslint rules`)")),
    }
}
