//! `clio-ls lookup NAME`: a fact-base entry (or a year, or a figure) as its hover card.

use knowledge::KnowledgeBase;

use super::format::clean;

pub fn run(name: &str) -> i32 {
    let (kb, _) = KnowledgeBase::embedded();
    match knowledge::hover::lookup(&kb, name) {
        Some(md) => {
            super::print_out(&format!("{}\n", clean(&md)));
            0
        }
        None => {
            eprintln!("clio-ls: nothing in the fact base is called “{}”", clean(name));
            let near =
                knowledge::complete::candidates(&kb, &name.chars().take(3).collect::<String>());
            if !near.is_empty() {
                let names: Vec<&str> = near.iter().take(5).map(|c| c.label.as_str()).collect();
                eprintln!("did you mean: {}", clean(&names.join(", ")));
            }
            1
        }
    }
}
