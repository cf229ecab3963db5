//! Writes a realistic bilingual torget site of N articles, the same every time for the same seed,
//! for benchmarks: `cargo run --release --example gen-site -- --articles 10000 --out /dev/shm/site`.
//!
//! N counts article pages in both languages together (N/2 folders, each with
//! sv.md and en.md), as benches/gen_site.py does, so the two compare.
//! Each article has a Swedish and an English version of about 760 words with
//! headings, paragraphs, a bullet and a numbered list, a table, links to three
//! other articles and two to four of 40 topics; every 50th embeds one of five
//! datasets. The figures are made up: this site is for measuring, never for
//! publishing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// A small deterministic generator (xorshift64*), so the site depends only on the seed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const TOPICS: [(&str, &str); 20] = [
    ("avfallshantering", "waste management"),
    ("bygglov", "building permits"),
    ("förskola", "preschool"),
    ("äldreomsorg", "elderly care"),
    ("grundskola", "primary school"),
    ("kollektivtrafik", "public transport"),
    ("parkering", "parking"),
    ("snöröjning", "snow clearance"),
    ("bibliotek", "libraries"),
    ("folkhälsa", "public health"),
    ("bostäder", "housing"),
    ("gatubelysning", "street lighting"),
    ("kulturskola", "arts school"),
    ("krisberedskap", "emergency preparedness"),
    ("färdtjänst", "mobility service"),
    ("fritidsgårdar", "youth centres"),
    ("cykelvägar", "cycle paths"),
    ("trygghet", "safety"),
    ("vatten och avlopp", "water and sewage"),
    ("idrott", "sport"),
];
const PLACES: [&str; 10] = [
    "Malmö",
    "Rosengård",
    "Limhamn",
    "Husie",
    "Fosie",
    "Kirseberg",
    "Hyllie",
    "Oxie",
    "Västra hamnen",
    "Södra innerstaden",
];
const SV_WORDS: [&str; 40] = [
    "kommunen",
    "invånarna",
    "förvaltningen",
    "beslutet",
    "området",
    "arbetet",
    "möjligheten",
    "tjänsten",
    "utvecklingen",
    "ansökan",
    "året",
    "staden",
    "samhället",
    "förändringen",
    "planen",
    "resultatet",
    "medborgarna",
    "nämnden",
    "budgeten",
    "dialogen",
    "verksamheten",
    "underlaget",
    "behovet",
    "insatsen",
    "informationen",
    "kvarteret",
    "skolan",
    "gatan",
    "parken",
    "biblioteket",
    "föreningen",
    "projektet",
    "uppföljningen",
    "säkerheten",
    "tillgängligheten",
    "miljön",
    "trafiken",
    "hösten",
    "våren",
    "sommaren",
];
const EN_WORDS: [&str; 40] = [
    "the council",
    "residents",
    "the administration",
    "the decision",
    "the area",
    "the work",
    "the opportunity",
    "the service",
    "development",
    "the application",
    "the year",
    "the city",
    "society",
    "the change",
    "the plan",
    "the result",
    "citizens",
    "the committee",
    "the budget",
    "the dialogue",
    "the operation",
    "the evidence",
    "the need",
    "the effort",
    "information",
    "the block",
    "the school",
    "the street",
    "the park",
    "the library",
    "the association",
    "the project",
    "the follow-up",
    "safety",
    "accessibility",
    "the environment",
    "traffic",
    "autumn",
    "spring",
    "summer",
];
const SV_VERBS: [&str; 10] = [
    "påverkar",
    "förbättrar",
    "beskriver",
    "följer upp",
    "stärker",
    "utvecklar",
    "granskar",
    "ersätter",
    "förenklar",
    "samordnar",
];
const EN_VERBS: [&str; 10] = [
    "affects",
    "improves",
    "describes",
    "follows up",
    "strengthens",
    "develops",
    "reviews",
    "replaces",
    "simplifies",
    "coordinates",
];
const DATASETS: [&str; 5] = [
    "besok-bibliotek",
    "ansokningar-bygglov",
    "resor-kollektivtrafik",
    "platser-forskola",
    "anmalningar-trygghet",
];

struct Options {
    articles: usize,
    out: PathBuf,
    seed: u64,
}

fn options() -> Result<Options, String> {
    let mut articles = None;
    let mut out = None;
    let mut seed = 20_241_124;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().ok_or_else(|| format!("{arg} needs a value"))?;
        match arg.as_str() {
            "--articles" => {
                articles = Some(value.parse().map_err(|_| "--articles takes a number")?)
            }
            "--out" => out = Some(PathBuf::from(value)),
            "--seed" => seed = value.parse().map_err(|_| "--seed takes a number")?,
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(Options {
        articles: articles.ok_or("--articles N is needed")?,
        out: out.ok_or("--out DIR is needed")?,
        seed,
    })
}

#[allow(dead_code)]
fn main() {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("gen-site: {message}\nusage: gen-site --articles N --out DIR [--seed S]");
            std::process::exit(2);
        }
    };
    if let Err(e) = generate(&options) {
        eprintln!("gen-site: {e}");
        std::process::exit(1);
    }
    println!(
        "Wrote {} articles in two languages to {}",
        options.articles,
        options.out.display()
    );
}

fn write(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, text)
}

/// Writes the whole site; also used by the benchmark.
pub fn generate_site(articles: usize, out: &Path, seed: u64) -> std::io::Result<()> {
    generate(&Options {
        articles,
        out: out.to_path_buf(),
        seed,
    })
}

fn generate(options: &Options) -> std::io::Result<()> {
    let out = &options.out;
    if out.exists() {
        fs::remove_dir_all(out)?;
    }
    write(
        &out.join("site.yaml"),
        "name: { sv: Kommunen, en: The Municipality }\nbase_url: https://kommun.example/\nlanguages: [sv, en]\ndefault_language: sv\nmenu: [\"@/artiklar\", \"@/statistik\"]\n",
    )?;
    write(
        &out.join("content/artiklar/_section.yaml"),
        "title: { sv: Artiklar, en: Articles }\nslug: { en: articles }\ndescription: { sv: Nyheter från kommunen, en: News from the municipality }\nsort: date\npage_size: 10\n",
    )?;
    write(
        &out.join("content/statistik/_section.yaml"),
        "title: { sv: Statistik, en: Statistics }\nslug: { en: statistics }\nsort: title\n",
    )?;
    let mut random = Random(options.seed | 1);
    for (i, id) in DATASETS.iter().enumerate() {
        let mut values = String::new();
        for year in 2015..=2024 {
            let _ = writeln!(values, "      {year}: {}", 100 + random.below(900));
        }
        write(
            &out.join(format!("content/statistik/{id}.yaml")),
            &format!(
                "title: {{ sv: Testserie {n}, en: Test series {n} }}\nunit: {{ sv: antal, en: number }}\nbetter: lower\nsource: {{ name: {{ sv: Generatorn, en: The generator }}, url: https://kommun.example/kalla }}\nupdated: 2024-12-31\nseries:\n  - key: antal\n    label: {{ sv: Antal, en: Number }}\n    values:\n{values}",
                n = i + 1
            ),
        )?;
    }
    let folders = (options.articles / 2).max(1);
    for n in 1..=folders {
        let (sv, en) = article(n, folders, &mut random);
        let folder = out.join(format!("content/artiklar/art-{n:05}"));
        write(&folder.join("sv.md"), &sv)?;
        write(&folder.join("en.md"), &en)?;
    }
    Ok(())
}

/// The Swedish and English versions of article `n` of `total`.
fn article(n: usize, total: usize, random: &mut Random) -> (String, String) {
    let topic = random.below(TOPICS.len());
    let place = *random.pick(&PLACES);
    let day = (n * 7) % 3650;
    let date = chrono_like_date(day);
    let tags: Vec<usize> = (0..2 + random.below(3)).map(|_| random.below(40)).collect();
    let tag_names = |lang: usize| -> String {
        let mut names: Vec<String> = tags
            .iter()
            .map(|t| {
                let (sv, en) = TOPICS[t % TOPICS.len()];
                let name = if lang == 0 { sv } else { en };
                if *t >= TOPICS.len() {
                    format!("{name} {place}")
                } else {
                    name.to_string()
                }
            })
            .collect();
        names.sort();
        names.dedup();
        names.join(", ")
    };
    let links: Vec<usize> = (0..3).map(|_| 1 + random.below(total)).collect();
    let seeds: Vec<u64> = (0..40).map(|_| random.next()).collect();
    let embed = n
        .is_multiple_of(50)
        .then(|| DATASETS[(n / 50) % DATASETS.len()]);
    let sv = version(
        0,
        n,
        topic,
        place,
        &date,
        &tag_names(0),
        &links,
        &seeds,
        embed,
    );
    let en = version(
        1,
        n,
        topic,
        place,
        &date,
        &tag_names(1),
        &links,
        &seeds,
        embed,
    );
    (sv, en)
}

fn chrono_like_date(day: usize) -> String {
    let year = 2015 + day / 365;
    let in_year = day % 365;
    let month = 1 + in_year / 31;
    let day_of_month = 1 + (in_year % 31).min(27);
    format!("{year}-{:02}-{day_of_month:02}", month.min(12))
}

#[allow(clippy::too_many_arguments)]
fn version(
    lang: usize,
    n: usize,
    topic: usize,
    place: &str,
    date: &str,
    tags: &str,
    links: &[usize],
    seeds: &[u64],
    embed: Option<&str>,
) -> String {
    let (words, verbs) = if lang == 0 {
        (&SV_WORDS, &SV_VERBS)
    } else {
        (&EN_WORDS, &EN_VERBS)
    };
    let topic_name = if lang == 0 {
        TOPICS[topic].0
    } else {
        TOPICS[topic].1
    };
    let mut random = Random(seeds[0] | 1);
    let sentence = |random: &mut Random| -> String {
        let length = 8 + random.below(10);
        let mut text = String::new();
        for i in 0..length {
            let word = if i % 4 == 1 {
                *random.pick(verbs)
            } else {
                *random.pick(words)
            };
            if i > 0 {
                text.push(' ');
            }
            text.push_str(word);
        }
        let mut chars = text.chars();
        let first = chars
            .next()
            .map(|c| c.to_uppercase().collect::<String>())
            .unwrap_or_default();
        format!("{first}{}.", chars.as_str())
    };
    let title = if lang == 0 {
        format!("{} i {place}: nummer {n}", capitalise(topic_name))
    } else {
        format!("{} in {place}: number {n}", capitalise(topic_name))
    };
    let mut body = String::new();
    let headings_sv = [
        "Bakgrund",
        "Vad som händer nu",
        "Så påverkas du",
        "Frågor och svar",
    ];
    let headings_en = [
        "Background",
        "What happens now",
        "How it affects you",
        "Questions and answers",
    ];
    for (s, heading) in (if lang == 0 { headings_sv } else { headings_en })
        .iter()
        .enumerate()
    {
        let _ = writeln!(body, "## {heading}\n");
        for _ in 0..3 {
            let paragraph: Vec<String> = (0..4).map(|_| sentence(&mut random)).collect();
            let _ = writeln!(body, "{}\n", paragraph.join(" "));
        }
        match s {
            0 => {
                for _ in 0..4 {
                    let _ = writeln!(body, "- {}", sentence(&mut random));
                }
                body.push('\n');
            }
            1 => {
                for i in 1..=3 {
                    let _ = writeln!(body, "{i}. {}", sentence(&mut random));
                }
                body.push('\n');
            }
            2 => {
                let (a, b) = if lang == 0 {
                    ("Område", "Antal")
                } else {
                    ("Area", "Number")
                };
                let _ = writeln!(body, "| {a} | {b} |\n|---|--:|");
                for place in PLACES.iter().take(4) {
                    let _ = writeln!(body, "| {place} | {} |", 10 + random.below(990));
                }
                body.push('\n');
            }
            _ => {
                let read = if lang == 0 {
                    "Läs också"
                } else {
                    "Read also"
                };
                let list: Vec<String> = links
                    .iter()
                    .map(|l| format!("[{read} {l}](@/artiklar/art-{l:05})"))
                    .collect();
                let _ = writeln!(body, "{}\n", list.join(", "));
            }
        }
    }
    if let Some(id) = embed {
        let _ = writeln!(body, "```trend {id}\n```\n");
    }
    format!(
        "---\ntitle: \"{title}\"\ndate: {date}\ntags: [{tags}]\n---\n{}\n\n{body}",
        sentence(&mut Random(seeds[1] | 1))
    )
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}
