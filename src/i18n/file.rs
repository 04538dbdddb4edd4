//! Reading one language file (`locales/<tag>.json`, `locales/<family>/de.json`)
//! against a key table (the `texts!` macro), with every problem a translator
//! should hear about: missing, extra or empty keys, wrong placeholders, a
//! file that is no JSON.

use std::collections::BTreeMap;

use super::lang::{Category, Lang};
use super::template::placeholders;

/// Reads a language file with `read` (a key table's reader, see the
/// `texts!` macro). The texts come back even when there are problems
/// (missing keys are then empty), with the list of problems: missing, extra
/// or empty keys, placeholders that differ from the key table, unknown
/// `needs_review` keys, or a file that is no JSON. `may_be_empty` names the
/// one key whose text may be empty in this file.
pub fn read_file<T>(
    lang: Lang,
    json: &str,
    may_be_empty: Option<&'static str>,
    read: impl FnOnce(&mut Reader) -> T,
) -> (T, Vec<String>) {
    let (messages, needs_review, mut problems) = match serde_json::from_str::<LocaleFile>(json) {
        Ok(file) => (file.messages, file.needs_review, Vec::new()),
        Err(err) => (
            BTreeMap::new(),
            Vec::new(),
            vec![format!("not a language file: {err}")],
        ),
    };
    problems.extend(
        needs_review
            .iter()
            .filter(|key| !messages.contains_key(*key))
            .map(|key| format!("needs_review names an unknown key: {key}")),
    );
    let mut reader = Reader {
        lang,
        may_be_empty,
        messages,
        problems: Vec::new(),
    };
    let texts = read(&mut reader);
    problems.append(&mut reader.problems);
    problems.extend(
        reader
            .messages
            .keys()
            .map(|key| format!("{key}: unknown key")),
    );
    (texts, problems)
}

/// A language file: `{ "needs_review": [keys], "messages": { key: text } }`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LocaleFile {
    /// Keys whose text a native speaker should still check.
    #[serde(default)]
    needs_review: Vec<String>,
    messages: BTreeMap<String, String>,
}

/// Takes the messages out of a parsed file one key at a time, noting
/// problems; the `texts!` macro's readers call it.
pub struct Reader {
    pub lang: Lang,
    may_be_empty: Option<&'static str>,
    messages: BTreeMap<String, String>,
    problems: Vec<String>,
}

impl Reader {
    /// The text of `key`, checked to have exactly the placeholders `args`.
    pub fn text(&mut self, key: &str, args: &[&str]) -> &'static str {
        let text = self.take(key);
        self.check(key, text, args, None);
        text
    }

    fn take(&mut self, key: &str) -> &'static str {
        match self.messages.remove(key) {
            Some(text) => {
                let may_be_empty = self.may_be_empty == Some(key);
                if text.trim().is_empty() && !may_be_empty {
                    self.problems.push(format!("{key}: empty"));
                }
                Box::leak(text.into_boxed_str())
            }
            None => {
                self.problems.push(format!("{key}: missing"));
                ""
            }
        }
    }

    /// Notes a problem unless `text`'s placeholders are `args` (plus `count`,
    /// which may be left out when `count_optional`).
    fn check(&mut self, key: &str, text: &str, args: &[&str], count: Option<(&str, bool)>) {
        let mut found = match placeholders(text) {
            Ok(found) => found,
            Err(problem) => {
                self.problems.push(format!("{key}: {problem}"));
                return;
            }
        };
        let mut want: Vec<&str> = args.to_vec();
        if let Some((count, optional)) = count {
            if optional {
                found.retain(|name| *name != count);
            } else {
                want.push(count);
            }
        }
        want.sort_unstable();
        if !text.is_empty() && found != want {
            self.problems.push(format!(
                "{key}: placeholders {found:?}, the key table says {want:?}"
            ));
        }
    }

    pub fn plural(&mut self, key: &str, count: &str, args: &[&str]) -> Plural {
        let mut forms = [""; 6];
        let required = self.lang.plural_categories();
        for category in Category::ALL {
            let full = format!("{key}.{}", category.name());
            let optional_zero = category == Category::Zero && !required.contains(&category);
            if !required.contains(&category) && !optional_zero {
                continue; // left in the map: reported as unknown if present
            }
            if optional_zero && !self.messages.contains_key(&full) {
                continue;
            }
            let text = self.take(&full);
            let count_optional = matches!(category, Category::Zero | Category::One | Category::Two);
            self.check(&full, text, args, Some((count, count_optional)));
            forms[category as usize] = text;
        }
        Plural(forms)
    }

    pub fn vocabulary<T: Copy>(
        &mut self,
        family: &str,
        all: &[T],
        code: fn(T) -> &'static str,
    ) -> Vec<&'static str> {
        all.iter()
            .map(|&value| self.text(&format!("{family}.{}", code(value)), &[]))
            .collect()
    }

    pub fn months(&mut self) -> Vec<&'static str> {
        if !self.lang.date_style().uses_month_names() {
            return Vec::new();
        }
        (1..=12)
            .map(|month| self.text(&format!("month.{month}"), &[]))
            .collect()
    }

    pub fn decimal_separator(&mut self) -> char {
        let text = self.text("decimal_separator", &[]);
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => c,
            _ => {
                if !text.is_empty() {
                    self.problems
                        .push("decimal_separator: must be one character".to_owned());
                }
                ','
            }
        }
    }
}

/// The forms of one counted message, by [`Category`]; `Zero` is optional
/// (for 0) unless the language's rule has it.
pub struct Plural([&'static str; 6]);

impl Plural {
    pub fn form(&self, lang: Lang, n: usize) -> &'static str {
        let zero = self.0[Category::Zero as usize];
        if n == 0 && !zero.is_empty() {
            return zero;
        }
        self.0[lang.plural_category(n) as usize]
    }
}
