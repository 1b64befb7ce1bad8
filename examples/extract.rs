//! The main job: extract mentions, entities and facts from files and print one JSON line each.
//!
//! ```text
//! cargo run --release --example extract -- fixtures/baotou-industry-2023.txt
//! cargo run --release --example extract -- --pretty a.txt b.txt
//! cat a.txt | cargo run --release --example extract -- -
//! cargo run --release --example extract -- --jsonl docs.jsonl     # lines {"id": .., "text": ..}
//! cargo run --release --example extract -- --format tsv a.txt      # one row per fact
//! cargo run --release --example extract -- --date 2023-08-25 a.txt  # resolve 去年, 8月25日
//! ```
//!
//! A file that cannot be read or is not UTF-8 gets an error on stderr naming it (and the byte
//! offset of the first invalid byte); the other inputs are still processed and the exit code is 1.

use clap::{Parser, ValueEnum};
use std::io::{Read, Write};
use std::process::ExitCode;
use tiqu::table::{fact_row, FACT_COLUMNS};
use tiqu::{Document, Options, Pipeline};

/// Extract quantities, entities and facts from Chinese news text.
#[derive(Parser, Debug)]
#[command(name = "extract", version)]
struct Args {
    /// Text files to read (`-` reads standard input). Each prints one JSON line with id = the path.
    files: Vec<String>,
    /// Read JSON Lines `{"id": .., "text": ..}` from FILE (`-` for standard input) and print one
    /// output line per input line with the same id.
    #[arg(long, value_name = "FILE")]
    jsonl: Vec<String>,
    /// Output: `json` (one document per line), or the facts as a table, `tsv` or `csv`, one row
    /// per fact with a header line.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Indent the JSON for people.
    #[arg(long)]
    pretty: bool,
    /// The document date (YYYY-MM-DD) against which relative dates and periods are resolved
    /// (去年 → 2022); without it, the date a text states at its top is used, if any.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<tiqu::CalendarDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Tsv,
    Csv,
}

#[derive(serde::Deserialize)]
struct InputLine {
    id: serde_json::Value,
    text: String,
}

/// Where documents go: JSON lines, or a table of facts.
enum Sink<W: Write> {
    Json { out: W, pretty: bool },
    Table(Box<csv::Writer<W>>),
}

impl<W: Write> Sink<W> {
    fn new(out: W, format: Format, pretty: bool) -> Result<Sink<W>, String> {
        let delimiter = match format {
            Format::Json => return Ok(Sink::Json { out, pretty }),
            Format::Tsv => b'\t',
            Format::Csv => b',',
        };
        let mut w = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .from_writer(out);
        w.write_record(FACT_COLUMNS)
            .map_err(|e| format!("cannot write output: {e}"))?;
        Ok(Sink::Table(Box::new(w)))
    }

    fn emit(&mut self, doc: &Document) -> Result<(), String> {
        match self {
            Sink::Json { out, pretty } => {
                let json = if *pretty {
                    serde_json::to_string_pretty(doc)
                } else {
                    serde_json::to_string(doc)
                }
                .map_err(|e| format!("cannot serialise {}: {e}", doc.id))?;
                writeln!(out, "{json}").map_err(|e| format!("cannot write output: {e}"))
            }
            Sink::Table(w) => {
                for f in &doc.facts {
                    w.write_record(fact_row(&doc.id, f))
                        .map_err(|e| format!("cannot write output: {e}"))?;
                }
                Ok(())
            }
        }
    }

    fn flush(&mut self) -> Result<(), String> {
        match self {
            Sink::Json { out, .. } => out.flush(),
            Sink::Table(w) => w.flush(),
        }
        .map_err(|e| format!("cannot write output: {e}"))
    }
}

fn read_source(path: &str) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    let res = if path == "-" {
        std::io::stdin().read_to_end(&mut buf).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut buf).map(|_| ()))
    };
    res.map(|_| buf).map_err(|e| format!("{path}: {e}"))
}

fn to_text(path: &str, bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{path}: not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

fn run_file<W: Write>(
    p: &Pipeline,
    options: &Options,
    path: &str,
    sink: &mut Sink<W>,
) -> Result<(), String> {
    let text = to_text(path, read_source(path)?)?;
    let doc = p
        .extract_with(path, &text, options)
        .map_err(|e| format!("{path}: {e}"))?;
    sink.emit(&doc)
}

/// Process a JSON Lines file; returns the number of failed lines.
fn run_jsonl<W: Write>(
    p: &Pipeline,
    options: &Options,
    path: &str,
    sink: &mut Sink<W>,
) -> Result<usize, String> {
    let bytes = read_source(path)?;
    let mut failed = 0;
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let parsed = std::str::from_utf8(line)
            .map_err(|e| {
                format!(
                    "not valid UTF-8 (invalid byte at offset {})",
                    e.valid_up_to()
                )
            })
            .and_then(|l| serde_json::from_str::<InputLine>(l).map_err(|e| e.to_string()));
        let result = parsed.and_then(|input| {
            let id = match input.id {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            p.extract_with(&id, &input.text, options)
                .map_err(|e| e.to_string())
        });
        match result {
            Ok(doc) => sink.emit(&doc)?,
            Err(e) => {
                eprintln!("extract: {path} line {}: {e}", n + 1);
                failed += 1;
            }
        }
    }
    Ok(failed)
}

fn main() -> ExitCode {
    let args = Args::parse();
    if args.files.is_empty() && args.jsonl.is_empty() {
        eprintln!(
            "extract: no input; give FILE..., `-` for standard input, or --jsonl FILE (see --help)"
        );
        return ExitCode::from(2);
    }
    let pipeline = match Pipeline::shared() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("extract: {e}");
            return ExitCode::from(2);
        }
    };
    let stdout = std::io::stdout();
    let out = std::io::BufWriter::new(stdout.lock());
    let mut sink = match Sink::new(out, args.format, args.pretty) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("extract: {e}");
            return ExitCode::from(2);
        }
    };
    let mut options = Options::default();
    if let Some(date) = args.date {
        options = options.date(date);
    }
    let mut failed = 0usize;
    for path in &args.files {
        if let Err(e) = run_file(pipeline, &options, path, &mut sink) {
            eprintln!("extract: {e}");
            failed += 1;
        }
    }
    for path in &args.jsonl {
        match run_jsonl(pipeline, &options, path, &mut sink) {
            Ok(n) => failed += n,
            Err(e) => {
                eprintln!("extract: {e}");
                failed += 1;
            }
        }
    }
    if let Err(e) = sink.flush() {
        eprintln!("extract: {e}");
        failed += 1;
    }
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
