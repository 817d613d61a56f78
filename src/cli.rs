//! The command-line front end.

use crate::baseline::Baseline;
use crate::config::{self, ConfigSet};
use crate::engine::Selection;
use crate::finding::Severity;
use crate::i18n::tr;
use crate::lint::{self, LintOptions};
use crate::lsp::SetupError;
use crate::report::{self, Extra, Format, HumanStyle, Report};
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
    /// Language of rule titles, messages, help, rule pages and the summary: en, zh-CN or ja
    /// (default: from LC_ALL, LC_MESSAGES or LANG, e.g. `zh_CN.UTF-8`; otherwise English).
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<rules::i18n::Lang>,
}

fn parse_lang(s: &str) -> Result<rules::i18n::Lang, String> {
    rules::i18n::Lang::parse(s).ok_or_else(|| format!("unknown language `{s}` (en, zh-CN, ja)"))
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Lint files and directories (default: the current directory).
    Check(Box<CheckArgs>),
    /// List every rule.
    Rules(RulesArgs),
    /// Run the language server on standard input/output (for editors); `lsp` is an alias.
    #[command(alias = "lsp")]
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
        /// Use this high-risk API list instead of the built-in one.
        #[arg(long, value_name = "FILE")]
        high_risk_list: Option<PathBuf>,
    },
    /// RAM policies for a leaked AccessKey: the break-glass Deny, and what policies leave open.
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// Show the effective configuration for a path and where each value comes from.
    Config(ConfigArgs),
    /// Print a shell completion script: `acslint completions bash > /etc/bash_completion.d/acslint`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), generated from these options: `acslint man > acslint.1`.
    Man,
    /// Write a commented `.acslint.hcl` for this repository (never overwrites one).
    Init {
        /// Directory to write it in (default: the current directory).
        dir: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum PolicyCommand {
    /// Print a RAM policy that denies every operation of the high-risk API list.
    DenyHighRisk(DenyArgs),
    /// Say which listed operations a set of policies leaves open (exit 1 when one is).
    Covers(CoversArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PolicyFormat {
    Json,
    Hcl,
}

#[derive(Args, Debug)]
pub struct DenyArgs {
    /// Only these RAM codes of the list (comma-separated or repeated).
    #[arg(long = "service", value_delimiter = ',', value_name = "CODE")]
    pub services: Vec<String>,
    /// Do not deny requests from these networks (office, VPN); repeatable.
    #[arg(long, value_delimiter = ',', value_name = "CIDR")]
    pub except_source_ip: Vec<String>,
    /// A policy document (JSON) or an `alicloud_ram_policy` resource (HCL).
    #[arg(long, short = 'f', value_enum, default_value = "json")]
    pub format: PolicyFormat,
    /// Also write each policy to DIR/<name>.json (or .tf), as needed when the list is split.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// Use this high-risk API list instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub high_risk_list: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct CoversArgs {
    /// Policy files: RAM policy JSON, or Terraform with `alicloud_ram_policy` resources.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Check the operations of the high-risk API list (the default).
    #[arg(long, conflicts_with = "actions")]
    pub deny_high_risk: bool,
    /// Check these operations instead (`ecs:RunCommand,ram:*`, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "LIST")]
    pub actions: Vec<String>,
    /// Use this high-risk API list instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub high_risk_list: Option<PathBuf>,
    /// Print every operation, not only the ones left open or partly covered.
    #[arg(long, short)]
    pub verbose: bool,
}

#[derive(Args, Debug)]
pub struct ConfigArgs {
    /// Print the effective configuration (the only action for now).
    #[arg(long)]
    pub show: bool,
    /// File or directory whose configuration to show (default: the current directory).
    pub path: Option<PathBuf>,
    /// Use this configuration file instead of discovering `.acslint.hcl`.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
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
    /// Lowest severity that makes the exit code 1 [default: `fail_on` of the configuration, else low].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
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
    /// Set a Terraform root variable, as `terraform plan -var` (repeatable).
    #[arg(long = "var", value_name = "NAME=VALUE")]
    pub vars: Vec<String>,
    /// Read Terraform root variables from a file, as `terraform plan -var-file` (repeatable).
    #[arg(long = "var-file", value_name = "PATH")]
    pub var_files: Vec<PathBuf>,
    /// Print nothing but findings (no summary line).
    #[arg(long, short)]
    pub quiet: bool,
    /// Also write FORMAT to PATH (repeatable), e.g. `--output sarif=acslint.sarif`.
    #[arg(long = "output", short = 'o', value_name = "FORMAT=PATH")]
    pub outputs: Vec<String>,
    /// Use this configuration file for every path instead of the closest `.acslint.hcl`.
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Ignore every configuration file.
    #[arg(long)]
    pub isolated: bool,
    /// Ignore inline suppression comments (acslint:ignore, checkov:skip, kics-scan).
    #[arg(long)]
    pub no_inline_suppressions: bool,
    /// List the findings that suppressions and per-path configuration silenced.
    #[arg(long)]
    pub show_suppressed: bool,
    /// Report only findings that are not in this baseline file, and list the fixed ones.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Print the number of findings per rule instead of the findings (JSON: `summary.by_rule`).
    #[arg(long)]
    pub statistics: bool,
    /// Record the current findings in this baseline file (written atomically). With
    /// `--baseline` on the same file: check against it, then prune it of the entries that are
    /// fixed, adding no new finding.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Use this high-risk API list instead of the built-in one (or `high_risk_list` in the
    /// configuration).
    #[arg(long, value_name = "FILE")]
    pub high_risk_list: Option<PathBuf>,
    /// Let configurations, suppressions, baselines, --select/--ignore and --fail-on apply to
    /// TF003, TF005 and TF006 (parts of the tree not checked). Without it they are always
    /// reported and always fail the run.
    #[arg(long)]
    pub allow_incomplete: bool,
    /// Plans: report only findings on resources the plan creates, updates or replaces.
    #[arg(long)]
    pub changed_only: bool,
    /// Plans: report only findings the plan introduces (the pre-apply gate).
    #[arg(long, conflicts_with = "changed_only")]
    pub introduced_only: bool,
    /// Plans: the directory of the `.tf` sources findings point into [default: the plan's].
    #[arg(long, value_name = "DIR")]
    pub config_dir: Option<PathBuf>,
    /// Apply the safe fixes (written atomically; a file whose result would not parse is left
    /// alone), then report what remains.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// With --fix or --diff, also apply the unsafe fixes.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the unified diff of what --fix would change and change nothing (exit 1 when there
    /// is something to fix).
    #[arg(long)]
    pub diff: bool,
}

#[derive(Args, Debug)]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value = "text")]
    pub format: RulesFormat,
    /// Write one Markdown page per rule into this directory.
    #[arg(long, value_name = "DIR")]
    pub docs: Option<PathBuf>,
    /// Write the coverage of the peers' rules (Checkov, KICS, InfraGuard) as Markdown to this
    /// file (`-` for standard output).
    #[arg(long, value_name = "FILE")]
    pub coverage: Option<PathBuf>,
    /// Write one Markdown page per pack (and an index) into this directory.
    #[arg(long, value_name = "DIR")]
    pub pack_docs: Option<PathBuf>,
    /// List the rules of this pack (built in, or defined in the `.acslint.hcl` of the current
    /// directory); `--pack list` lists the packs.
    #[arg(long, value_name = "NAME")]
    pub pack: Option<String>,
    /// Only rules of these severities (comma-separated: critical, high, medium, low, info).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub severity: Vec<String>,
    /// Only the rules these select, as `check --select` takes them: codes, prefixes, names,
    /// packs (comma-separated).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Use this high-risk API list instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub high_risk_list: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Text,
    Json,
}

/// Run the CLI; returns the process exit code.
pub fn main() -> i32 {
    lint::install_panic_hook();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    // A few named files or standard input (an editor's check on save) run on one thread, and so
    // does the language server (a document at a time, linted where its loop runs); the rest sets
    // the analysis threads up before anything else uses rayon.
    let alone = match &cli.command {
        Command::Check(a) => lint::small_input(&a.paths),
        Command::Server { .. } => true,
        _ => false,
    };
    if alone {
        if matches!(cli.command, Command::Check(_)) {
            crate::util::set_exits_after_run();
        }
        return lint::alone(|| run(cli));
    }
    lint::init_threads();
    run(cli)
}

fn run(cli: Cli) -> i32 {
    rules::i18n::set(cli.lang.unwrap_or_else(rules::i18n::Lang::from_env));
    let result = match cli.command {
        Command::Check(args) => check(*args),
        Command::Rules(args) => list_rules(args),
        Command::Explain {
            rule,
            high_risk_list,
        } => use_high_risk_list(high_risk_list.as_deref()).and_then(|_| explain(&rule)),
        Command::Policy(PolicyCommand::DenyHighRisk(args)) => {
            use_high_risk_list(args.high_risk_list.as_deref()).and_then(|_| deny_high_risk(&args))
        }
        Command::Policy(PolicyCommand::Covers(args)) => {
            use_high_risk_list(args.high_risk_list.as_deref()).and_then(|_| covers(&args))
        }
        Command::Config(args) => show_config(args),
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "acslint", &mut buf);
            out(&String::from_utf8_lossy(&buf)).map(|()| 0)
        }
        Command::Init { dir } => {
            let dir = dir.unwrap_or_else(|| PathBuf::from("."));
            crate::init::run(&dir).map(|(path, s)| {
                eprintln!(
                    "acslint: wrote {} ({} root module(s), {} example/test director(ies) excluded, {} file(s) seen); try `acslint check`",
                    path.display(),
                    s.roots.len(),
                    s.examples.len(),
                    s.files
                );
                0
            })
        }
        Command::Man => {
            let mut buf = Vec::new();
            let man = clap_mangen::Man::new(<Cli as clap::CommandFactory>::command());
            match man.render(&mut buf) {
                Ok(()) => out(&String::from_utf8_lossy(&buf)).map(|()| 0),
                Err(e) => Err(format!("cannot render the man page: {e}")),
            }
        }
        Command::Server { select, ignore } => {
            let reg = Registry::builtin();
            // Bad `--select`/`--ignore` are a usage error here, not a diagnostic per document.
            selection(reg, &select, &ignore).map(|_| {
                let setup = |p: &std::path::Path| prepare_document(p, &select, &ignore);
                crate::lsp::serve(&setup, std::io::stdin(), std::io::stdout())
            })
        }
    };
    match result {
        Ok(code) => code,
        Err(msg) => {
            err_out(&format!("error: {msg}\n"));
            2
        }
    }
}

/// Write to standard output, through the redaction pass every byte leaving the process takes.
fn out(s: &str) -> Result<(), String> {
    let s = crate::redact::redact(s);
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(s.as_bytes()).and_then(|_| stdout.flush()) {
        // A closed pipe (`acslint … | head`) is not an error worth a message.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write output: {e}"))
        }
        _ => Ok(()),
    }
}

/// Write to standard error, redacted like [`out`].
pub fn err_out(s: &str) {
    let s = crate::redact::redact(s);
    let mut e = std::io::stderr().lock();
    let _ = e.write_all(s.as_bytes()).and_then(|_| e.flush());
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
        let display = lint::display_path(&p);
        let text = lint::read_regular(&p, config::MAX_CONFIG_SIZE)
            .and_then(|b| String::from_utf8(b).map_err(|_| "it is not valid UTF-8".into()))
            .map_err(|e| format!("cannot read rule file {display}: {e}"))?;
        match rules::load_rule_file(&display, &text, None, true) {
            Ok(rs) => {
                for r in rs {
                    reg.insert(r)?;
                }
            }
            Err(errs) => {
                err_out(&rule_errors(&text, &errs));
                return Err(format!("{} error(s) in rule file {display}", errs.len()));
            }
        }
    }
    Ok(reg)
}

fn walk_hcl(dir: &std::path::Path) -> Vec<PathBuf> {
    // Links are not followed, and a linked file counts only when it stays inside the directory.
    let canon = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut v: Vec<PathBuf> = ignore::WalkBuilder::new(dir)
        .standard_filters(false)
        .build()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "hcl"))
        .filter(|p| std::fs::canonicalize(p).is_ok_and(|c| c.starts_with(&canon)))
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
        for s in &select {
            sel.enabled.extend(resolve(s.trim())?);
        }
    }
    let ignore: Vec<&String> = ignore.iter().filter(|s| !s.trim().is_empty()).collect();
    for s in &ignore {
        for id in resolve(s.trim())? {
            sel.enabled.remove(&id);
        }
    }
    for s in &select {
        pack_severity(reg, s.trim(), &mut sel);
    }
    if sel.enabled.is_empty() && !ignore.is_empty() {
        return Err("--select and --ignore together leave no rule to run".into());
    }
    Ok(sel)
}

/// A selected pack's severities (`leak-response` reports IAM030 at high). Configuration
/// `severity` entries, applied later, still win.
fn pack_severity(reg: &Registry, selector: &str, sel: &mut Selection) {
    if let Some(p) = reg.pack(selector) {
        for (code, sev) in &p.severity {
            sel.severity
                .entry(std::sync::Arc::from(code.as_str()))
                .or_insert(*sev);
        }
    }
}

/// `--var-file`s must exist and parse (Terraform stops on them too); a typo must not turn
/// into a run without the values.
fn check_var_files(files: &[PathBuf]) -> Result<(), String> {
    for p in files {
        let d = lint::display_path(p);
        let text = lint::read_regular(p, 64 << 20)
            .and_then(|b| String::from_utf8(b).map_err(|_| "it is not valid UTF-8".into()))
            .map_err(|e| format!("--var-file {d}: {e}"))?;
        if p.to_string_lossy().ends_with(".json") {
            let v = serde_json::from_str::<serde_json::Value>(&text)
                .map_err(|e| format!("--var-file {d}: invalid JSON: {e}"))?;
            if !v.is_object() {
                return Err(format!(
                    "--var-file {d}: a JSON variables file is an object of variable values"
                ));
            }
        } else {
            let body = hcl_edit::parser::parse_body(&text)
                .map_err(|e| format!("--var-file {d}: invalid HCL: {}", e.message()))?;
            // Terraform rejects blocks here ("Blocks are not allowed here"): a `.tf` named by
            // mistake must not pass as a variables file that sets nothing.
            let block = body.blocks().next().map(|b| b.ident.as_str().to_string());
            if let Some(b) = block {
                return Err(format!(
                    "--var-file {d}: a variables file holds only `name = value` lines; it has a `{b}` block"
                ));
            }
        }
    }
    Ok(())
}

/// A `--var` for a variable that no scanned configuration declares is an error, as in
/// Terraform (a misspelt name would silently leave the real variable at its default).
fn check_vars_declared(
    vars: &[(String, String)],
    sources: &crate::source::SourceMap,
) -> Result<(), String> {
    for (name, _) in vars {
        let Ok(re) = regex::Regex::new(&format!(
            r#"(?m)^\s*variable\s+"?{}"?\s*\{{"#,
            regex::escape(name)
        )) else {
            continue;
        };
        let declared = sources
            .files()
            .iter()
            .any(|f| f.kind == crate::source::FileKind::Hcl && re.is_match(&f.text));
        if !declared {
            return Err(format!(
                "--var {name}: no scanned configuration declares a variable `{name}`"
            ));
        }
    }
    Ok(())
}

/// Add the packs the configurations define (`define_pack "name" { … }`) to the registry.
fn add_config_packs(reg: &mut Registry, cs: &ConfigSet) -> Result<(), String> {
    for c in cs.all() {
        for (name, def) in &c.packs {
            let source = c
                .path
                .as_deref()
                .map(lint::display_path)
                .unwrap_or_default();
            let pack = rules::Pack::from_json(name, &def.value, &source)
                .and_then(|p| reg.add_pack(p))
                .map_err(|e| format!("{source}: {e}"));
            pack?;
        }
    }
    Ok(())
}

/// Load the configurations of a run; errors are printed as diagnostics (exit 2).
fn load_configs(
    mode: &config::Mode,
    paths: &[PathBuf],
    respect_ignore: bool,
    descend: bool,
) -> Result<ConfigSet, String> {
    ConfigSet::load(mode, paths, respect_ignore, descend).map_err(|errs| {
        err_out(&config::render_errors(&errs));
        format!("{} error(s) in the configuration", errs.len())
    })
}

/// The paths whose configurations govern a run.
fn config_paths(args: &CheckArgs) -> Vec<PathBuf> {
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        return vec![args
            .stdin_filename
            .as_deref()
            .map(PathBuf::from)
            .and_then(|p| p.parent().map(|d| d.join(".")))
            .unwrap_or_else(|| PathBuf::from("."))];
    }
    if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    }
}

/// The rules the engine runs: the command line's `--select` when given; otherwise every rule a
/// configuration in play selects (each file is then filtered by its own configuration).
fn run_selection(
    reg: &Registry,
    cs: &ConfigSet,
    args: &CheckArgs,
) -> Result<(Selection, bool), String> {
    let cli_select = args.select.iter().any(|s| !s.trim().is_empty());
    let mut sel = selection(reg, &args.select, &args.ignore)?;
    let configs = cs.all();
    if !cli_select {
        // Files without a configuration run the default rules; when every path is governed by a
        // configuration, only what the configurations select runs.
        if config_paths(args)
            .iter()
            .all(|p| cs.for_path(&p.join(config::FILE_NAME)).is_some())
        {
            sel.enabled.clear();
        }
        for c in &configs {
            for id in reg.ids() {
                if c.selects(reg, id) {
                    sel.enabled.insert(id.clone());
                }
            }
        }
        for s in args.ignore.iter().filter(|s| !s.trim().is_empty()) {
            for r in reg.select(s.trim()) {
                sel.enabled.remove(&r.id);
            }
        }
        for c in &configs {
            for s in c.select.iter().flat_map(|s| s.value.iter()) {
                pack_severity(reg, &s.value, &mut sel);
            }
        }
    }
    // Rule options are per run: deeper configurations override shallower ones.
    for c in &configs {
        // `require`: the rule runs, and its check is told so it can enforce the requirement
        // unconditionally (e.g. ActionTrail even without RAM resources).
        // The requirement holds below the configuration's directory: the check is given the
        // directories in its `require` option.
        let dir = c
            .path
            .as_deref()
            .and_then(|p| p.parent())
            .and_then(|d| std::fs::canonicalize(d).ok())
            .map(|d| d.to_string_lossy().into_owned());
        for word in c.require.iter().flat_map(|r| r.value.iter()) {
            for code in c.required_rules(reg, &word.value) {
                let o = sel.options.entry(code.to_string()).or_default();
                o.insert("required".into(), serde_json::Value::Bool(true));
                if let Some(d) = &dir {
                    let list = o
                        .entry("require")
                        .or_insert_with(|| serde_json::Value::Array(Vec::new()));
                    if let Some(a) = list.as_array_mut() {
                        a.push(serde_json::Value::String(d.clone()));
                    }
                }
            }
        }
        for (code, o) in &c.options {
            sel.options
                .entry(code.clone())
                .or_default()
                .extend(o.value.clone());
        }
    }
    if !args.allow_incomplete {
        for id in lint::NEVER_HIDDEN {
            // By code, without building the rule (a run builds only the rules it uses).
            if let Some(id) = reg.id(id) {
                sel.enabled.insert(id.clone());
            }
        }
    }
    Ok((sel, !cli_select))
}

fn parse_outputs(specs: &[String]) -> Result<Vec<(Format, PathBuf)>, String> {
    specs
        .iter()
        .map(|s| {
            let (f, p) = s
                .split_once('=')
                .ok_or_else(|| format!("--output `{s}`: write FORMAT=PATH, e.g. sarif=acslint.sarif"))?;
            let format = Format::parse(f).ok_or_else(|| {
                format!("--output `{s}`: unknown format `{f}` (human, json, compact, sarif, junit, github, gitlab, checkstyle)")
            })?;
            if p.is_empty() {
                return Err(format!("--output `{s}`: the path is empty"));
            }
            Ok((format, PathBuf::from(p)))
        })
        .collect()
}

fn default_format() -> Format {
    if std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true") {
        Format::Github
    } else {
        Format::Human
    }
}

fn threshold(f: FailOn) -> Option<Severity> {
    match f {
        FailOn::Info => Some(Severity::Info),
        FailOn::Low => Some(Severity::Low),
        FailOn::Medium => Some(Severity::Medium),
        FailOn::High => Some(Severity::High),
        FailOn::Critical => Some(Severity::Critical),
        FailOn::Never => None,
    }
}

/// What the configuration decides for a run: the rules (with the configurations' own rule files
/// and packs), the selection, and the lint options (configurations, `--var`s, budgets). Shared by
/// `check` and the language server, so an editor sees what the command line reports.
fn prepare(
    args: &CheckArgs,
    mode: &config::Mode,
    stdin: bool,
    discovered: Option<&crate::discover::Discovered>,
) -> Result<(Registry, Selection, LintOptions), SetupError> {
    let cs = ConfigSet::load_found(
        mode,
        &config_paths(args),
        !args.no_ignore,
        !stdin,
        discovered.map(|d| d.configs.as_slice()),
    )
    .map_err(SetupError::Config)?;
    let mut rule_files = args.rule_files.clone();
    for c in cs.all() {
        rule_files.extend(c.rules.iter().map(|r| r.value.clone()));
    }
    rule_files.dedup();
    let mut reg = registry(&rule_files).map_err(SetupError::Other)?;
    add_config_packs(&mut reg, &cs).map_err(SetupError::Other)?;
    cs.validate(&reg).map_err(SetupError::Config)?;
    let (sel, config_selection) = run_selection(&reg, &cs, args).map_err(SetupError::Other)?;
    // One high-risk list per run: the command line's, else the deepest configuration's.
    let list = args.high_risk_list.clone().or_else(|| {
        cs.all()
            .iter()
            .rev()
            .find_map(|c| c.high_risk_list.as_ref().map(|l| l.value.clone()))
    });
    use_high_risk_list(list.as_deref()).map_err(SetupError::Other)?;
    let cs = std::sync::Arc::new(cs);
    let mut opts = LintOptions {
        config: Some(cs.clone()),
        config_selection,
        inline_suppressions: !args.no_inline_suppressions,
        max_file_size: args.max_file_size,
        allow_incomplete: args.allow_incomplete,
        plan_config_dir: args.config_dir.clone(),
        ..Default::default()
    };
    for v in &args.vars {
        let (k, val) = v
            .split_once('=')
            .ok_or_else(|| SetupError::Other(format!("--var `{v}`: expected NAME=VALUE")))?;
        opts.eval.vars.push((k.trim().to_string(), val.to_string()));
    }
    check_var_files(&args.var_files).map_err(SetupError::Other)?;
    opts.eval.var_files = args.var_files.clone();
    opts.eval = opts.eval.with_process_env();
    Ok((reg, sel, opts))
}

/// [`prepare`] for one document linted as `acslint check - --stdin-filename PATH` with the
/// server's `--select`/`--ignore`: the language server's view of a file.
pub fn prepare_document(
    path: &std::path::Path,
    select: &[String],
    ignore: &[String],
) -> Result<(Registry, Selection, LintOptions), SetupError> {
    let mut argv = vec![
        "acslint".to_string(),
        "check".into(),
        "-".into(),
        "--stdin-filename".into(),
        path.to_string_lossy().into_owned(),
    ];
    for s in select {
        argv.extend(["--select".into(), s.clone()]);
    }
    for s in ignore {
        argv.extend(["--ignore".into(), s.clone()]);
    }
    let cli = Cli::try_parse_from(argv).map_err(|e| SetupError::Other(e.to_string()))?;
    let Command::Check(args) = cli.command else {
        return Err(SetupError::Other("not a check command".into()));
    };
    prepare(&args, &config::Mode::Discover, true, None)
}

fn check(args: CheckArgs) -> Result<i32, String> {
    let start = Instant::now();
    let mut timings = lint::Timings::new();
    let outputs = parse_outputs(&args.outputs)?;
    let mode = if args.isolated {
        config::Mode::Isolated
    } else if let Some(p) = &args.config {
        config::Mode::File(p.clone())
    } else {
        config::Mode::Discover
    };
    // Standard input has no subdirectories: only the configurations above its name count.
    let stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    // One walk finds both the files to lint and the configurations below them.
    let discover_opts = crate::discover::DiscoverOptions {
        exclude: args.exclude.clone(),
        include: args.include.clone(),
        respect_ignore_files: !args.no_ignore,
    };
    let discovered = if stdin {
        None
    } else {
        let paths = if args.paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            args.paths.clone()
        };
        // Files are read on the walker's threads, while it goes on walking.
        let max = args.max_file_size;
        Some(crate::discover::discover_each(
            &paths,
            &discover_opts,
            &|c| lint::prefetch(c, max),
        )?)
    };
    let (discovered, prefetched) = match discovered {
        Some((d, p)) => (Some(d), Some(p)),
        None => (None, None),
    };
    let (reg, sel, mut opts) =
        prepare(&args, &mode, stdin, discovered.as_ref()).map_err(|e| match e {
            SetupError::Config(errs) => {
                err_out(&config::render_errors(&errs));
                format!("{} error(s) in the configuration", errs.len())
            }
            SetupError::Other(m) => m,
        })?;
    let cs = opts.config.clone().unwrap_or_default();
    opts.discover = discover_opts;
    opts.discovered = discovered;
    opts.prefetched = prefetched;
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        if args.paths.len() > 1 {
            return Err("`-` (standard input) cannot be combined with other paths".into());
        }
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        match &args.stdin_filename {
            // Named, the text is linted in place of that file, in its module.
            Some(name) => {
                opts.paths = Vec::new();
                opts.targets = vec![lint::Target {
                    path: PathBuf::from(name),
                    text: Some(text),
                }];
            }
            None => opts.stdin = Some(("stdin.tf".into(), text)),
        }
    } else if !args.paths.is_empty() {
        opts.paths = args.paths.clone();
    }
    timings.lap("setup");
    // Only JSON prints fixes' edits, and only `--fix` and `--diff` apply them.
    let json = args.format.unwrap_or_else(default_format) == Format::Json
        || outputs.iter().any(|(f, _)| *f == Format::Json);
    crate::util::set_fix_edits_read(json || args.fix || args.diff);
    // The statistics table, `--fix` and `--diff` read fixes too.
    crate::util::set_fixes_read(
        args.fix
            || args.diff
            || args.statistics
            || args.format.unwrap_or_else(default_format).shows_fixes()
            || outputs.iter().any(|(f, _)| f.shows_fixes()),
    );
    let run = |opts: &LintOptions| {
        std::panic::catch_unwind(|| lint::lint(opts, &reg, &sel)).map_err(|_| {
            "internal error: the analysis panicked; please report this with the input".to_string()
        })?
    };
    let mut result = run(&opts)?;
    let mut timings = lint::Timings::new();
    if args.diff {
        return diff(&result, args.unsafe_fixes);
    }
    let mut autofixed = 0;
    if args.fix {
        if stdin {
            return Err("--fix cannot change standard input; use --diff".into());
        }
        // Like ruff: apply, lint again, until nothing more applies (fixes that overlapped wait
        // for the next pass).
        // A file whose fixes could not be written (or would not parse) is left alone in later
        // passes; the other files go on being fixed.
        let mut skip: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
        for _ in 0..10 {
            let mut p = crate::fix::plan(&result.sources, &result.findings, args.unsafe_fixes);
            for (id, why) in &p.refused {
                if skip.insert(result.sources.get(*id).path.clone()) {
                    eprint!(
                        "{}",
                        tr!(
                            "warning: {file}: fixes not applied: the fixed file would not parse ({why})\n",
                            file = result.sources.get(*id).display,
                            why = why
                        )
                    );
                }
            }
            p.files
                .retain(|id, _| !skip.contains(&result.sources.get(*id).path));
            if p.files.is_empty() {
                break;
            }
            let failed = crate::fix::write(&result.sources, &p);
            for (id, why) in &failed {
                eprint!(
                    "{}",
                    tr!(
                        "warning: {file}: fixes not written: {why}\n",
                        file = result.sources.get(*id).display,
                        why = why
                    )
                );
                skip.insert(result.sources.get(*id).path.clone());
            }
            autofixed +=
                p.fixed_in(|id| p.files.contains_key(&id) && !failed.iter().any(|(f, _)| *f == id));
            opts.prefetched = None;
            result = run(&opts)?;
        }
    }

    check_vars_declared(&opts.eval.vars, &result.sources)?;
    // Bad files are findings (exit 1); a run with neither a file linted nor a finding is an
    // error, not a pass.
    if result.files == 0 && result.findings.is_empty() {
        // "0 files checked" passing a CI gate is the gate open; say why instead.
        let why = "no Terraform (.tf, .tf.json, .tfvars) or policy/plan JSON file was found under the given paths";
        return Err(format!(
            "no file was linted: {why}{}",
            ignored_note(result.ignored)
        ));
    }
    let format = args.format.unwrap_or_else(default_format);
    // No output may land on a file the run read: `-o json=main.tf` would destroy an input.
    let targets: Vec<&PathBuf> = outputs
        .iter()
        .map(|(_, p)| p)
        .chain(args.write_baseline.iter())
        .collect();
    refuse_inputs(&targets, &result.sources)?;
    // Copied only when a gate or a baseline changes the list (300k findings are ~1 KB each).
    let mut findings: std::borrow::Cow<[crate::finding::Finding]> =
        std::borrow::Cow::Borrowed(&result.findings);
    if args.changed_only || args.introduced_only {
        findings
            .to_mut()
            .retain(|f| plan_gate(f, args.introduced_only));
    }
    let mut fixed = Vec::new();
    let mut known = 0;
    // `--baseline X --write-baseline X` (the same file, however spelled) prunes X: the run is
    // checked against X as it was (new findings fail as usual), then X is rewritten without the
    // entries nothing matches any more, adding nothing. Accepting new findings is a write
    // without `--baseline`. On two different files, the current findings are written as usual.
    let prune = match (&args.baseline, &args.write_baseline) {
        (Some(b), Some(w)) => same_file(b, w),
        _ => false,
    };
    let mut pruned_note = None;
    if let Some(path) = &args.baseline {
        let b = Baseline::read(path)?;
        let gated = args.changed_only || args.introduced_only;
        let (mut new, old, gone) = b.apply(&result.sources, findings.into_owned());
        if prune {
            // Gone means no finding of the run matches, not only none that a plan gate kept.
            let gone_all = if gated {
                b.apply(&result.sources, result.findings.clone()).2
            } else {
                gone.clone()
            };
            let p = b.pruned(&gone_all);
            crate::util::write_atomic(path, crate::redact::redact(&p.to_json()).as_bytes())
                .map_err(|e| format!("cannot write baseline {}: {e}", path.display()))?;
            pruned_note = Some(prune_note(path, &gone_all, p.findings.len(), new.len()));
        }
        // A baseline is part of the tree: it cannot hide what was not checked.
        let (hidden, old): (Vec<_>, Vec<_>) = old
            .into_iter()
            .partition(|f| !args.allow_incomplete && lint::is_incomplete(&f.rule));
        new.extend(hidden);
        crate::engine::sort_findings(&result.sources, &mut new);
        findings = std::borrow::Cow::Owned(new);
        known = old.len();
        fixed = gone;
    }
    if let Some(path) = args.write_baseline.as_ref().filter(|_| !prune) {
        let b = Baseline::from_findings(&result.sources, &result.findings);
        crate::util::write_atomic(path, crate::redact::redact(&b.to_json()).as_bytes())
            .map_err(|e| format!("cannot write baseline {}: {e}", path.display()))?;
    }
    let report = Report {
        sources: &result.sources,
        findings: &findings,
        unknowns: &result.unknowns,
        files: result.files,
    };
    // SARIF describes the rules that ran; other formats do not need them built.
    let sarif = format == Format::Sarif || outputs.iter().any(|(f, _)| *f == Format::Sarif);
    let mut ran: Vec<std::sync::Arc<rules::Rule>> = reg
        .ids()
        .iter()
        .filter(|id| sarif && sel.is_enabled(id))
        .filter_map(|id| reg.get(id).cloned())
        .collect();
    ran.sort_by(|a, b| a.id.cmp(&b.id));
    let extra = Extra {
        registry: &reg,
        rules: ran,
        // JSON lists them, SARIF marks them as suppressed results; the rest ignore them.
        suppressed: &result.suppressed,
        fixed: &fixed,
        baseline: args.baseline.is_some(),
        plan_fixed: &result.plan_fixed,
        autofixed,
    };
    for (f, path) in &outputs {
        let plain = HumanStyle {
            color: false,
            width: 100,
            hyperlinks: false,
        };
        let text = report::render_with(*f, &report, &plain, &extra);
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        crate::util::write_atomic(path, crate::redact::redact(&text).as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    let color = use_color(args.color);
    let style = HumanStyle {
        color,
        width: 100,
        // Only on a terminal that renders OSC-8 links (never into files or pipes).
        hyperlinks: color
            && std::io::stdout().is_terminal()
            && supports_hyperlinks::on(supports_hyperlinks::Stream::Stdout),
    };
    if args.statistics && !matches!(format, Format::Json) {
        out(&report::statistics(&report))?;
    } else {
        out(&report::render_with(format, &report, &style, &extra))?;
    }
    timings.lap("report");
    if format == Format::Human {
        let mut s = String::new();
        if args.show_suppressed {
            for sup in &result.suppressed {
                let f = &sup.finding;
                let (p, _) = report.range(f);
                s.push_str(&format!(
                    "suppressed: {}:{}:{}: {} {} {} [{}{}]\n",
                    result.sources.get(f.file).display,
                    p.line,
                    p.column,
                    f.severity,
                    f.rule,
                    f.message,
                    sup.by,
                    sup.reason
                        .as_deref()
                        .map(|r| format!(": {r}"))
                        .unwrap_or_default()
                ));
            }
        }
        for f in &result.plan_fixed {
            let (p, _) = report.range(f);
            s.push_str(&format!(
                "fixed by this plan: {}:{}:{}: {} {} {}{} [{}]\n",
                result.sources.get(f.file).display,
                p.line,
                p.column,
                f.severity,
                f.rule,
                f.message,
                f.resource
                    .as_deref()
                    .map(|r| format!(" ({r})"))
                    .unwrap_or_default(),
                f.change.as_ref().map(|c| c.describe()).unwrap_or_default()
            ));
        }
        if args.baseline.is_some() {
            s.push_str(&format!(
                "baseline: {known} known finding(s) not shown, {} fixed\n",
                fixed.len()
            ));
            for fx in &fixed {
                s.push_str(&format!(
                    "fixed: {} {}{}\n",
                    fx.file,
                    fx.rule,
                    fx.resource
                        .as_deref()
                        .or(fx.pointer.as_deref())
                        .map(|r| format!(" ({r})"))
                        .unwrap_or_default()
                ));
            }
        }
        err_out(&s);
    }
    if args.show_unknown && format != Format::Json {
        let mut s = String::new();
        for u in &result.unknowns {
            let f = result.sources.get(u.file);
            let lc = u
                .loc
                .map(|l| f.line_col(l.start as usize))
                .unwrap_or(crate::source::LineCol { line: 1, column: 1 });
            // Beside a machine format, the same path base as its findings.
            let path = if format == Format::Human {
                f.display.clone()
            } else {
                report::portable_path(f)
            };
            s.push_str(&format!(
                "{}:{}:{}: unknown {}{}: {}\n",
                path,
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
            err_out(&s);
        } else {
            out(&s)?;
        }
    }
    if format == Format::Human && !args.quiet {
        err_out(&report::human::summary_table(
            &report,
            result.suppressed.len(),
        ));
        err_out(&format!(
            "{}{}\n",
            report::human::summary(&report, start.elapsed().as_millis()),
            ignored_note(result.ignored)
        ));
        let (safe, unsafe_) = report.fixable();
        if autofixed + safe + unsafe_ > 0 {
            let mut parts = Vec::new();
            if args.fix {
                parts.push(tr!("{n} fixed", n = autofixed));
            }
            if safe > 0 {
                parts.push(tr!("{n} fixable with --fix", n = safe));
            }
            if unsafe_ > 0 {
                parts.push(tr!("{n} more with --fix --unsafe-fixes", n = unsafe_));
            }
            err_out(&tr!("acslint: {parts}\n", parts = parts.join(tr!(", "))));
        }
    }
    if let Some(note) = &pruned_note {
        err_out(note);
    }
    // The threshold: --fail-on, else the `fail_on` of each finding's configuration, else low.
    let failing = findings.iter().any(|f| {
        let t = match args.fail_on {
            Some(x) => threshold(x),
            None => cs
                .for_path(&result.sources.get(f.file).path)
                .and_then(|c| c.fail_on.as_ref().map(|s| s.value))
                .unwrap_or(Some(Severity::Low)),
        };
        // Writing a baseline accepts today's findings: the run succeeded when the file was
        // written (like ruff's --add-noqa), except for code that was not checked at all.
        // Pruning accepts nothing: new findings fail as with `--baseline` alone.
        // Code that was not checked fails whatever the threshold; a baseline may record a file
        // that does not parse (and later hide it), not one that was never read.
        let unchecked = !args.allow_incomplete && lint::is_never_hidden(&f.rule);
        ((args.write_baseline.is_none() || prune)
            && (unchecked || t.is_some_and(|t| f.severity >= t)))
            || (!args.allow_incomplete && lint::is_incomplete(&f.rule))
    });
    let code = if result.internal_errors > 0 {
        // An incomplete run must not pass for a clean one (TF006 findings say which files).
        2
    } else if failing && !args.exit_zero {
        1
    } else {
        0
    };
    // The process exits next: freeing every file and finding one by one would only delay it.
    std::mem::forget(findings);
    std::mem::forget(result);
    // The files read during the walk and their paths, too (a millisecond on a large tree).
    std::mem::forget(opts);
    Ok(code)
}

/// Whether two paths name the same existing file (`./b.json` and `b.json`, links resolved).
fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// What pruning a baseline did, for stderr: the entries dropped, and that new findings were not
/// added.
fn prune_note(
    path: &std::path::Path,
    gone: &[crate::finding::Fixed],
    kept: usize,
    new: usize,
) -> String {
    let mut s = format!(
        "acslint: baseline {} pruned: {} fixed entr{} removed, {kept} kept; {new} new finding(s) not added (to accept them, run --write-baseline without --baseline)\n",
        lint::display_path(path),
        gone.len(),
        if gone.len() == 1 { "y" } else { "ies" },
    );
    for g in gone {
        s.push_str(&format!(
            "pruned: {} {}{}\n",
            g.file,
            g.rule,
            g.resource
                .as_deref()
                .or(g.pointer.as_deref())
                .map(|r| format!(" ({r})"))
                .unwrap_or_default()
        ));
    }
    s
}

/// Make the list in FILE the high-risk list of this process.
fn use_high_risk_list(file: Option<&std::path::Path>) -> Result<(), String> {
    if let Some(f) = file {
        crate::policy::highrisk::set_active(crate::policy::highrisk::load(f)?);
    }
    Ok(())
}

fn ignored_note(n: usize) -> String {
    match n {
        0 => String::new(),
        n => tr!(
            " ({n} Terraform or policy file(s) skipped by ignore files; --no-ignore lints them)",
            n = n
        ),
    }
}

/// Refuse (exit 2) to write onto a file the run read.
fn refuse_inputs(targets: &[&PathBuf], sources: &crate::source::SourceMap) -> Result<(), String> {
    for t in targets {
        let Ok(canon) = std::fs::canonicalize(t) else {
            continue; // a file that does not exist yet was not read
        };
        // Files read only for the secret scan (a baseline, a report of an earlier run) may be
        // rewritten: that is what `--write-baseline` on a checked-in baseline does.
        let hit = sources.files().iter().any(|f| {
            f.origin.is_none()
                && !matches!(
                    f.kind,
                    crate::source::FileKind::Text | crate::source::FileKind::Other
                )
                && f.path.file_name() == canon.file_name()
                && std::fs::canonicalize(&f.path).is_ok_and(|c| c == canon)
        });
        if hit {
            return Err(format!(
                "refusing to write {}: it is a file this run read",
                lint::display_path(t)
            ));
        }
    }
    Ok(())
}

fn deny_high_risk(args: &DenyArgs) -> Result<i32, String> {
    use crate::policy::breakglass;
    let list = crate::policy::highrisk::active();
    let policies = breakglass::generate(
        list,
        &breakglass::Options {
            services: args.services.clone(),
            except_source_ip: args.except_source_ip.clone(),
        },
    )?;
    let text = match args.format {
        PolicyFormat::Json => policies
            .iter()
            .map(breakglass::json_text)
            .collect::<Vec<_>>()
            .join("\n"),
        PolicyFormat::Hcl => breakglass::hcl_text(&policies),
    };
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        for p in &policies {
            let (name, body) = match args.format {
                PolicyFormat::Json => (format!("{}.json", p.name), breakglass::json_text(p)),
                PolicyFormat::Hcl => (
                    format!("{}.tf", p.name),
                    breakglass::hcl_text(std::slice::from_ref(p)),
                ),
            };
            crate::util::write_atomic(&dir.join(&name), body.as_bytes())
                .map_err(|e| format!("cannot write {name}: {e}"))?;
        }
    }
    out(&text)?;
    let mut notes = format!("{}\n", list.summary());
    if policies.len() > 1 {
        notes.push_str(&format!(
            "the list does not fit one RAM policy ({} characters without whitespace): split into {} policies ({}); attach them all{}\n",
            crate::policy::grammar::MAX_POLICY_CHARS,
            policies.len(),
            policies.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", "),
            if args.out_dir.is_none() && args.format == PolicyFormat::Json {
                " (use --out-dir DIR to get one file per policy)"
            } else {
                ""
            }
        ));
    }
    let unverified: Vec<&str> = list
        .unverified()
        .into_iter()
        .filter(|s| args.services.is_empty() || args.services.iter().any(|x| x == s))
        .collect();
    if !unverified.is_empty() {
        notes.push_str(&format!(
            "warning: unverified RAM codes, in statement `{}`: {} (no official page confirms them; a Deny with a wrong code denies nothing)\n",
            breakglass::SID_UNVERIFIED,
            unverified.join(", ")
        ));
    }
    eprint!("{notes}");
    Ok(0)
}

fn covers(args: &CoversArgs) -> Result<i32, String> {
    use crate::policy::cover::{self, Cover, Documents};
    use crate::policy::highrisk::{self, Op};
    let list = highrisk::active();
    let (ops, whole): (Vec<Op>, Vec<String>) = if args.actions.is_empty() {
        let whole = list
            .services
            .iter()
            .filter(|s| s.actions.iter().any(|a| a == "*"))
            .map(|s| s.name.clone())
            .collect();
        (list.expanded().to_vec(), whole)
    } else {
        let cat = crate::policy::catalogue::get();
        let unverified = list.unverified();
        let mut ops = Vec::new();
        let mut whole = Vec::new();
        for a in args
            .actions
            .iter()
            .map(|a| a.trim())
            .filter(|a| !a.is_empty())
        {
            let Some((svc, name)) = a.split_once(':') else {
                return Err(format!(
                    "--actions `{a}`: write service:Action, e.g. ecs:RunCommand"
                ));
            };
            let svc = svc.to_ascii_lowercase();
            let verified = cat.knows_service(&svc) && !unverified.contains(&svc.as_str());
            // A wildcard names the catalogued actions it matches (and, for `svc:*`, the rest).
            let matched: Vec<&str> = match cat.actions(&svc) {
                Some(acts) if name.contains(['*', '?']) => acts
                    .iter()
                    .copied()
                    .filter(|x| crate::policy::model::action_matches(name, x))
                    .collect(),
                _ => Vec::new(),
            };
            if matched.is_empty() {
                ops.push(Op {
                    service: svc.clone(),
                    action: name.to_string(),
                    verified,
                });
            } else {
                ops.extend(matched.iter().map(|x| Op {
                    service: svc.clone(),
                    action: x.to_string(),
                    verified,
                }));
            }
            if name == "*" && !whole.contains(&svc) {
                whole.push(svc.clone());
            }
        }
        (ops, whole)
    };
    // Read the files the way `check` does: policy JSON by content, Terraform by extension.
    let (cands, errors) = crate::discover::discover(
        &args.files,
        &crate::discover::DiscoverOptions {
            respect_ignore_files: true,
            ..Default::default()
        },
    )?;
    if let Some(e) = errors.first() {
        return Err(e.message.clone());
    }
    let mut sources = crate::source::SourceMap::default();
    for c in &cands {
        match lint::read(c, crate::discover::DEFAULT_MAX_FILE_SIZE) {
            lint::Read::Text(kind, text) => {
                sources.add(c.path.clone(), lint::display_path(&c.path), kind, text);
            }
            lint::Read::Skip | lint::Read::Deferred => {}
            lint::Read::Error(e) => return Err(format!("{}: {e}", c.path.display())),
        }
    }
    let ws = lint::build_workspace(&sources);
    let docs: Vec<&crate::tf::Document> = ws
        .documents
        .iter()
        .filter(|d| {
            matches!(
                d.kind,
                crate::policy::DocKind::Identity
                    | crate::policy::DocKind::Control
                    | crate::policy::DocKind::Session
            )
        })
        .collect();
    if docs.is_empty() {
        return Err("no policy document in the given files".into());
    }
    let set = Documents {
        docs: docs
            .iter()
            .map(|d| {
                let name = match &d.resource {
                    Some(r) => format!("{} ({r})", sources.get(d.file).display),
                    None => sources.get(d.file).display.clone(),
                };
                (name, crate::policy::model::statements(&d.value))
            })
            .collect(),
    };
    let status = cover::check_ops(&set, &ops, &whole);
    let mut s = String::new();
    let what = if args.actions.is_empty() {
        format!("the {}", list.summary())
    } else {
        "the given operations".to_string()
    };
    s.push_str(&format!(
        "{} operation(s) of {what}\nchecked against {} policy document(s)\n",
        status.len(),
        set.docs.len()
    ));
    let mut open = 0;
    for verified in [true, false] {
        let mine: Vec<&cover::OpStatus> =
            status.iter().filter(|o| o.verified == verified).collect();
        if mine.is_empty() {
            continue;
        }
        if !verified {
            s.push_str("\nunverified RAM codes (no official page confirms them; a Deny with a wrong code denies nothing):\n");
        }
        let count = |f: &dyn Fn(&Cover) -> bool| mine.iter().filter(|o| f(&o.cover)).count();
        let denied = count(&|c| matches!(c, Cover::Full));
        let partial = count(&|c| matches!(c, Cover::Partial(_)));
        let unknown = count(&|c| matches!(c, Cover::Unknown(_)));
        let opened = count(&|c| matches!(c, Cover::None));
        open += opened + unknown;
        s.push_str(&format!(
            "  denied: {denied}, partly denied: {partial}, unknown: {unknown}, open: {opened}\n"
        ));
        // A service listed whole is one line when all its operations agree.
        let mut i = 0;
        while i < mine.len() {
            let o = mine[i];
            let svc = o.op.split(':').next().unwrap_or("");
            let mut j = i + 1;
            if whole.iter().any(|w| w == svc) {
                while j < mine.len()
                    && mine[j].op.split(':').next() == Some(svc)
                    && mine[j].cover == o.cover
                    && mine[j].by == o.by
                {
                    j += 1;
                }
            }
            let op = if j - i > 1 {
                // The probe for operations outside the catalogue is not an operation.
                let n = mine[i..j].iter().filter(|x| !x.op.contains(' ')).count();
                format!("{svc}:* ({n} operations)")
            } else {
                o.op.clone()
            };
            i = j;
            let line = match &o.cover {
                Cover::Full if args.verbose => {
                    format!("  denied   {op} by {}", o.by.as_deref().unwrap_or("?"))
                }
                Cover::Full => continue,
                Cover::Partial(why) => {
                    format!(
                        "  partial  {op} - {why} ({})",
                        o.by.as_deref().unwrap_or("?")
                    )
                }
                Cover::Unknown(why) => format!("  unknown  {op} - {why}"),
                Cover::None => format!("  open     {op}"),
            };
            s.push_str(&line);
            s.push('\n');
        }
    }
    out(&s)?;
    Ok(if open > 0 { 1 } else { 0 })
}

/// `--diff`: the unified diff of every file `--fix` would change; nothing is written. Shown on
/// the text as the run shows it (secrets masked).
fn diff(result: &lint::LintResult, unsafe_fixes: bool) -> Result<i32, String> {
    let p = crate::fix::plan(&result.sources, &result.findings, unsafe_fixes);
    let mut s = String::new();
    for (id, new) in &p.files {
        let f = result.sources.get(*id);
        s.push_str(&crate::fix::unified_diff(&f.display, &f.text, new));
    }
    out(&s)?;
    for (id, why) in &p.refused {
        eprint!(
            "{}",
            tr!(
                "warning: {file}: fixes not offered: the fixed file would not parse ({why})\n",
                file = result.sources.get(*id).display,
                why = why
            )
        );
    }
    let n = p.fixed_in(|_| true);
    eprint!(
        "{}",
        tr!(
            "acslint: {n} fix(es) in {files} file(s){more}\n",
            n = n,
            files = p.files.len(),
            more = if p.overlapping > 0 {
                tr!(", {n} more after these are applied", n = p.overlapping)
            } else {
                String::new()
            }
        )
    );
    Ok(if p.files.is_empty() { 0 } else { 1 })
}

fn list_rules(args: RulesArgs) -> Result<i32, String> {
    use_high_risk_list(args.high_risk_list.as_deref())?;
    let reg = Registry::builtin();
    if let Some(dir) = &args.pack_docs {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        for p in reg.packs() {
            crate::util::write_atomic(
                &dir.join(format!("{}.md", p.name)),
                rules::packs::page(reg, p).as_bytes(),
            )
            .map_err(|e| format!("cannot write pack docs: {e}"))?;
        }
        crate::util::write_atomic(&dir.join("README.md"), rules::packs::index(reg).as_bytes())
            .map_err(|e| format!("cannot write pack docs: {e}"))?;
        return Ok(0);
    }
    if let Some(name) = &args.pack {
        return list_pack(&args, name);
    }
    if let Some(file) = &args.coverage {
        let page = rules::coverage::page(reg);
        if file.as_os_str() == "-" {
            out(&page)?;
        } else {
            crate::util::write_atomic(file, page.as_bytes())
                .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        }
        return Ok(0);
    }
    if let Some(dir) = &args.docs {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        for r in reg.sorted() {
            crate::util::write_atomic(
                &dir.join(format!("{}.md", r.id)),
                rules::docs::page_in(r, rules::i18n::current()).as_bytes(),
            )
            .map_err(|e| format!("cannot write docs: {e}"))?;
        }
        crate::util::write_atomic(
            &dir.join("README.md"),
            rules::docs::index_in(reg, rules::i18n::current()).as_bytes(),
        )
        .map_err(|e| format!("cannot write docs: {e}"))?;
        return Ok(0);
    }
    let rules = filter_rules(reg, reg.sorted(), None, &args)?;
    print_rules(reg, &rules, None, &args)?;
    if args.format == RulesFormat::Text {
        out(&format!(
            "\n{}\n",
            crate::policy::highrisk::active().summary()
        ))?;
    }
    Ok(0)
}

/// `--severity` and `--select` of `acslint rules`, over a list of rules (a pack's severity
/// overrides count when a pack is listed).
fn filter_rules<'a>(
    reg: &'a Registry,
    rules: Vec<&'a std::sync::Arc<rules::Rule>>,
    pack: Option<&rules::Pack>,
    args: &RulesArgs,
) -> Result<Vec<&'a std::sync::Arc<rules::Rule>>, String> {
    let mut severities = Vec::new();
    for s in &args.severity {
        severities.push(Severity::parse(s.trim()).ok_or_else(|| {
            format!("--severity: `{s}` is not a severity (critical, high, medium, low, info)")
        })?);
    }
    let mut selected: Option<std::collections::HashSet<&str>> = None;
    for s in args
        .select
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
    {
        let found = reg.select(s);
        if found.is_empty() {
            return Err(format!(
                "--select: `{s}` selects no rule (codes, prefixes, names or packs; see `acslint rules`)"
            ));
        }
        selected
            .get_or_insert_with(Default::default)
            .extend(found.iter().map(|r| &*r.id));
    }
    Ok(rules
        .into_iter()
        .filter(|r| {
            let sev = pack
                .and_then(|p| p.severity.get(&*r.id).copied())
                .unwrap_or(r.severity);
            (severities.is_empty() || severities.contains(&sev))
                && selected.as_ref().is_none_or(|s| s.contains(&*r.id))
        })
        .collect())
}

/// The packs each rule is in (`all` left out: every rule is).
fn packs_by_rule(reg: &Registry) -> std::collections::HashMap<&str, Vec<&str>> {
    let mut by: std::collections::HashMap<&str, Vec<&str>> = Default::default();
    for p in reg.packs().iter().filter(|p| p.name != "all") {
        for r in reg.pack_rules(p) {
            by.entry(&*r.id).or_default().push(&p.name);
        }
    }
    by
}

/// The rule table (code, severity, on by default, fix, name, packs) or JSON.
fn print_rules(
    reg: &Registry,
    rules: &[&std::sync::Arc<rules::Rule>],
    pack: Option<&rules::Pack>,
    args: &RulesArgs,
) -> Result<(), String> {
    let packs = packs_by_rule(reg);
    let none = Vec::new();
    match args.format {
        RulesFormat::Json => {
            let v: Vec<serde_json::Value> = rules
                .iter()
                .map(|r| rules::docs::json(r, packs.get(&*r.id).unwrap_or(&none)))
                .collect();
            let v = match pack {
                Some(p) => serde_json::json!({
                    "name": p.name,
                    "title": p.title,
                    "description": p.description,
                    "severity": p.severity.iter().map(|(k, v)| (k.clone(), v.as_str())).collect::<std::collections::BTreeMap<_, _>>(),
                    "rules": v,
                }),
                None => serde_json::Value::Array(v),
            };
            out(&(serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"))?;
        }
        RulesFormat::Text => {
            let mut s = String::new();
            if let Some(p) = pack {
                s.push_str(&format!(
                    "{}: {} ({} rules)\n\n",
                    p.name,
                    p.title,
                    rules.len()
                ));
            }
            // Padded by display width: the headers may be CJK (two columns a character).
            use crate::i18n::pad;
            s.push_str(&format!(
                "{} {} {} {} {} {}\n",
                pad(tr!("code"), 7),
                pad(tr!("severity"), 9),
                pad(tr!("default"), 7),
                pad(tr!("fix"), 6),
                pad(tr!("name"), 44),
                tr!("packs")
            ));
            for r in rules {
                let sev = pack
                    .and_then(|p| p.severity.get(&*r.id).copied())
                    .unwrap_or(r.severity);
                let line = format!(
                    "{:<7} {} {:<7} {:<6} {:<44} {}",
                    r.id,
                    pad(rules::i18n::ui(rules::i18n::current(), sev.as_str()), 9),
                    if r.default_enabled { "on" } else { "off" },
                    r.fix.as_ref().map_or("-", |f| f.safety.as_str()),
                    r.name,
                    packs.get(&*r.id).unwrap_or(&none).join(", ")
                );
                s.push_str(line.trim_end());
                s.push('\n');
            }
            s.push_str(&if rules.len() == 1 {
                tr!("{n} rule\n", n = rules.len())
            } else {
                tr!("{n} rules\n", n = rules.len())
            });
            out(&s)?;
        }
    }
    Ok(())
}

/// `acslint rules --pack NAME`: the rules of a pack, built in or defined by the configuration of
/// the current directory.
fn list_pack(args: &RulesArgs, name: &str) -> Result<i32, String> {
    let cs = load_configs(
        &config::Mode::Discover,
        &[PathBuf::from(".").join(".")],
        true,
        false,
    )?;
    let mut rule_files = Vec::new();
    for c in cs.all() {
        rule_files.extend(c.rules.iter().map(|r| r.value.clone()));
    }
    let mut reg = registry(&rule_files)?;
    add_config_packs(&mut reg, &cs)?;
    if name == "list" {
        let mut s = String::new();
        for p in reg.packs() {
            s.push_str(&format!(
                "{:<16} {:>4} rules  {}\n",
                p.name,
                reg.pack_rules(p).len(),
                p.title
            ));
        }
        out(&s)?;
        return Ok(0);
    }
    let Some(p) = reg.pack(name).cloned() else {
        let names: Vec<&str> = reg.packs().iter().map(|p| p.name.as_str()).collect();
        return Err(format!("no pack `{name}` (packs: {})", names.join(", ")));
    };
    let rules = filter_rules(&reg, reg.pack_rules(&p), Some(&p), args)?;
    print_rules(&reg, &rules, Some(&p), args)?;
    Ok(0)
}

/// Rules whose result depends on the high-risk API list.
const USES_HIGH_RISK_LIST: &[&str] = &["RAM025", "IAM030"];

fn explain(code: &str) -> Result<i32, String> {
    let reg = Registry::builtin();
    match reg.find(code) {
        Some(r) => {
            let mut page = rules::docs::page_in(r, rules::i18n::current());
            if USES_HIGH_RISK_LIST.contains(&&*r.id) {
                page.push_str(&crate::policy::highrisk::active().markdown());
            }
            out(&page)?;
            Ok(0)
        }
        None => Err(format!("no rule `{code}` (see `acslint rules`)")),
    }
}

fn show_config(args: ConfigArgs) -> Result<i32, String> {
    let _ = args.show;
    let path = args.path.clone().unwrap_or_else(|| PathBuf::from("."));
    let mode = match &args.config {
        Some(p) => config::Mode::File(p.clone()),
        None => config::Mode::Discover,
    };
    // Only the configurations above the path matter here, not those of subdirectories.
    let probe = if path.is_dir() {
        path.join(".")
    } else {
        path.clone()
    };
    let cs = load_configs(&mode, std::slice::from_ref(&probe), true, false)?;
    let mut rule_files = Vec::new();
    for c in cs.all() {
        rule_files.extend(c.rules.iter().map(|r| r.value.clone()));
    }
    let mut reg = registry(&rule_files)?;
    add_config_packs(&mut reg, &cs)?;
    cs.validate(&reg).map_err(|errs| {
        err_out(&config::render_errors(&errs));
        format!("{} error(s) in the configuration", errs.len())
    })?;
    let target = if path.is_dir() {
        path.join(config::FILE_NAME)
    } else {
        path.clone()
    };
    let cfg = cs
        .for_path(&target)
        .map(|c| (*c).clone())
        .unwrap_or_default();
    out(&cfg.show())?;
    Ok(0)
}

/// `--changed-only` / `--introduced-only`: findings from plans whose change passes; findings the
/// plan cannot judge (provider settings, outputs) and diagnostics of the analysis itself stay,
/// so that a gate never hides them; findings outside any plan go.
fn plan_gate(f: &crate::finding::Finding, introduced_only: bool) -> bool {
    use crate::finding::Effect;
    match &f.change {
        Some(c) => match c.effect {
            Effect::Undetermined => true,
            Effect::Introduced if introduced_only => true,
            _ if introduced_only => false,
            _ => c.action.is_none_or(|a| a.changes()),
        },
        // The analysis's own diagnostics (unreadable files, syntax errors, limits).
        None => f.rule.starts_with("TF") || &*f.rule == "RAM000",
    }
}
