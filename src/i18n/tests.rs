//! The language-file completeness check (part of `make test` through
//! `cargo test`) and the per-language checks that used to sit next to each
//! Rust table: plural forms, dates, scripts, Leichte Sprache rules.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use ia_core::{Offer, Precision, Topic, Umbrella};

use super::*;

/// Every language file, as the build copies it to `dist/locales/`.
const FILES: [(Lang, &str); 8] = [
    (Lang::De, include_str!("../../locales/de.json")),
    (Lang::DeLs, include_str!("../../locales/de-x-ls.json")),
    (Lang::En, include_str!("../../locales/en.json")),
    (Lang::Tr, include_str!("../../locales/tr.json")),
    (Lang::Ar, include_str!("../../locales/ar.json")),
    (Lang::Fa, include_str!("../../locales/fa.json")),
    (Lang::Uk, include_str!("../../locales/uk.json")),
    (Lang::Ru, include_str!("../../locales/ru.json")),
];

/// Numbers the plural forms are tried with.
const COUNTS: [usize; 6] = [0, 1, 2, 5, 21, 101];

/// Texts that are not ISO dates: every language's date function returns them unchanged.
const NOT_DATES: [&str; 7] = [
    "bald",
    "",
    "2026-13-01",
    "2026-11-32",
    "2026-1-24",
    "26-11-24",
    "2026-+1-24",
];

fn file(lang: Lang) -> &'static str {
    FILES.iter().find(|(l, _)| *l == lang).unwrap().1
}

fn texts(lang: Lang) -> &'static Texts {
    texts_from_file(lang, file(lang))
        .unwrap_or_else(|problems| panic!("{}: {problems:#?}", lang.tag()))
}

/// The raw messages of a file, key → text.
fn messages(lang: Lang) -> BTreeMap<String, String> {
    let value: serde_json::Value = serde_json::from_str(file(lang)).unwrap();
    value["messages"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
        .collect()
}

/// The keys a language's file must have, from the key table, the language's
/// plural and date rules and the core's vocabularies (optional `.zero` forms
/// not included).
fn required_keys(lang: Lang) -> BTreeSet<String> {
    let mut keys: BTreeSet<String> = TEXT_KEYS.iter().map(|k| k.to_string()).collect();
    keys.extend(TEMPLATE_KEYS.iter().map(|(k, _)| k.to_string()));
    keys.insert("decimal_separator".into());
    for (key, _, _) in PLURAL_KEYS {
        for category in lang.plural_categories() {
            keys.insert(format!("{key}.{}", category.name()));
        }
    }
    keys.extend(Offer::ALL.iter().map(|v| format!("offer.{}", v.code())));
    keys.extend(Topic::ALL.iter().map(|v| format!("topic.{}", v.code())));
    keys.extend(
        Umbrella::ALL
            .iter()
            .map(|v| format!("umbrella.{}", v.code())),
    );
    keys.extend(
        Precision::ALL
            .iter()
            .map(|v| format!("approximate_position.{}", v.code())),
    );
    if lang.date_style().uses_month_names() {
        keys.extend((1..=12).map(|m| format!("month.{m}")));
    }
    keys
}

#[test]
fn every_language_file_is_complete_and_matches_the_key_table() {
    let mut failures = Vec::new();
    for (lang, json) in FILES {
        let (_, problems) = Texts::read(lang, json);
        failures.extend(problems.into_iter().map(|p| format!("{}: {p}", lang.tag())));
        // The same from the other side: the key list derived independently.
        let keys: BTreeSet<String> = messages(lang).into_keys().collect();
        for key in required_keys(lang).difference(&keys) {
            failures.push(format!("{}: missing {key}", lang.tag()));
        }
        for key in keys.difference(&required_keys(lang)) {
            let optional_zero = key.ends_with(".zero")
                && PLURAL_KEYS
                    .iter()
                    .any(|(plural, _, _)| key == &format!("{plural}.zero"));
            if !optional_zero {
                failures.push(format!("{}: extra {key}", lang.tag()));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn placeholders_match_german() {
    let german = messages(Lang::De);
    for &lang in Lang::ALL {
        for (key, text) in messages(lang) {
            let base = key.rsplit_once('.').map_or(key.as_str(), |(b, _)| b);
            let plural = PLURAL_KEYS.iter().find(|(k, _, _)| *k == base);
            let mut found = placeholders(&text).unwrap_or_else(|e| panic!("{key}: {e}"));
            let mut want: Vec<&str> = match plural {
                Some((k, _, _)) => placeholders(&german[&format!("{k}.other")]).unwrap(),
                None => placeholders(german.get(&key).map_or("", String::as_str)).unwrap(),
            };
            if let Some((_, count, _)) = plural {
                if [".zero", ".one", ".two"].iter().any(|s| key.ends_with(s)) {
                    found.retain(|name| name != count);
                    want.retain(|name| name != count);
                }
            }
            assert_eq!(found, want, "{}: {key}: {text}", lang.tag());
        }
    }
}

/// The checker itself finds each kind of mistake.
#[test]
fn the_check_finds_missing_extra_and_empty_keys_and_wrong_placeholders() {
    let good = file(Lang::Uk);
    let problems = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut value: serde_json::Value = serde_json::from_str(good).unwrap();
        edit(&mut value);
        Texts::read(Lang::Uk, &value.to_string()).1
    };
    assert!(problems(&|_| {}).is_empty());
    let m = |v: &mut serde_json::Value| v["messages"].as_object_mut().unwrap().clone();
    let set = |key: &'static str, text: Option<&'static str>| {
        move |v: &mut serde_json::Value| {
            let mut messages = m(v);
            match text {
                Some(text) => messages.insert(key.into(), text.into()),
                None => messages.remove(key),
            };
            v["messages"] = messages.into();
        }
    };
    type Edit<'a> = &'a dyn Fn(&mut serde_json::Value);
    let cases: [(Edit, &str); 9] = [
        (&set("app_title", None), "app_title: missing"),
        (&set("app_titel", Some("x")), "app_titel: unknown key"),
        (&set("retry", Some(" ")), "retry: empty"),
        (&set("as_of", Some("Дані")), "as_of: placeholders"),
        (&set("as_of", Some("{datum}")), "as_of: placeholders"),
        (&set("retry", Some("{")), "retry: unmatched"),
        (&set("n_found.few", None), "n_found.few: missing"),
        (
            &set("n_found.other", Some("{n}")),
            "n_found.other: unknown key",
        ),
        (&set("offer.networking", None), "offer.networking: missing"),
    ];
    for (edit, want) in cases {
        let found = problems(edit);
        assert!(found.iter().any(|p| p.contains(want)), "{want}: {found:?}");
    }
    let found = problems(&|v| v["needs_review"] = serde_json::json!(["no_such_key"]));
    assert_eq!(found, ["needs_review names an unknown key: no_such_key"]);
    assert!(!Texts::read(Lang::Uk, "{").1.is_empty());
    assert!(texts_from_file(Lang::Uk, "{}").is_err());
    // German may leave only data_in_german empty.
    let german = Texts::read(Lang::De, file(Lang::De));
    assert!(german.1.is_empty() && german.0.data_in_german.is_empty());
    let (_, problems) = Texts::read(
        Lang::En,
        &file(Lang::En).replace(&format!("\"{}\"", texts(Lang::En).data_in_german), "\"\""),
    );
    assert_eq!(problems, ["data_in_german: empty"]);
}

/// Lists the texts that still need a native speaker's review (run with
/// `--nocapture` to see them); every listed key exists.
#[test]
fn needs_review_lists_existing_keys() {
    for (lang, json) in FILES {
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        let listed: Vec<&str> = value["needs_review"]
            .as_array()
            .map(|keys| keys.iter().map(|k| k.as_str().unwrap()).collect())
            .unwrap_or_default();
        let keys = messages(lang);
        for key in &listed {
            assert!(keys.contains_key(*key), "{}: {key}", lang.tag());
        }
        println!("{}: needs native review: {}", lang.tag(), listed.join(", "));
    }
    assert!(messages(Lang::De).contains_key("app_title"));
}

#[test]
fn the_language_list_in_index_html_is_lang_all() {
    let html = include_str!("../../index.html");
    let meta = html
        .split("<meta name=\"ia-langs\" content=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("<meta name=\"ia-langs\"> in index.html");
    assert_eq!(meta, Lang::gate_langs());
    assert_eq!(Lang::gate_langs(), "de de-x-ls en tr ar:rtl fa:rtl uk ru");
    // The default language (the prerendered view's) comes first.
    assert_eq!(Lang::ALL[0], Lang::De);
}

/// A new right-to-left language needs only a line in the table: the page's
/// data for public/gate.js follows (scripts/test/gate.test.mjs runs gate.js
/// on such data).
#[test]
fn a_new_right_to_left_language_reaches_the_gate_through_the_table() {
    let table = Lang::ALL
        .iter()
        .map(|lang| (lang.tag(), lang.dir()))
        .chain([("he", "rtl")]);
    assert_eq!(
        crate::i18n::lang::gate_langs(table),
        "de de-x-ls en tr ar:rtl fa:rtl uk ru he:rtl"
    );
}

#[test]
fn languages_are_chosen_from_the_url_then_the_browser() {
    assert_eq!(Lang::choose(["ar"]), Lang::Ar);
    assert_eq!(Lang::choose(["xx", "en-GB", "de"]), Lang::En);
    assert_eq!(Lang::choose(["DE-x-LS"]), Lang::DeLs);
    assert_eq!(Lang::choose(["fa_IR"]), Lang::Fa);
    assert_eq!(Lang::choose(["fr", "it"]), Lang::De);
    assert_eq!(Lang::choose([]), Lang::De);
    for &lang in Lang::ALL {
        assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        assert_eq!(texts(lang).lang_tag, lang.tag(), "{lang:?}");
    }
}

#[test]
fn counts_use_the_right_forms_for_0_1_2_5_21_101() {
    let cases: [(Lang, &str, [&str; 6]); 24] = [
        (
            Lang::De,
            "n_found",
            [
                "Keine Agentur gefunden",
                "1 Agentur gefunden",
                "2 Agenturen gefunden",
                "5 Agenturen gefunden",
                "21 Agenturen gefunden",
                "101 Agenturen gefunden",
            ],
        ),
        (
            Lang::De,
            "n_places",
            [
                "Keine Vorschläge",
                "1 Vorschlag",
                "2 Vorschläge",
                "5 Vorschläge",
                "21 Vorschläge",
                "101 Vorschläge",
            ],
        ),
        (
            Lang::De,
            "n_skipped",
            [
                "0 Einträge konnten nicht angezeigt werden.",
                "1 Eintrag konnte nicht angezeigt werden.",
                "2 Einträge konnten nicht angezeigt werden.",
                "5 Einträge konnten nicht angezeigt werden.",
                "21 Einträge konnten nicht angezeigt werden.",
                "101 Einträge konnten nicht angezeigt werden.",
            ],
        ),
        (
            Lang::DeLs,
            "n_found",
            [
                "Wir haben keine Agentur gefunden.",
                "Wir haben 1 Agentur gefunden.",
                "Wir haben 2 Agenturen gefunden.",
                "Wir haben 5 Agenturen gefunden.",
                "Wir haben 21 Agenturen gefunden.",
                "Wir haben 101 Agenturen gefunden.",
            ],
        ),
        (
            Lang::DeLs,
            "n_places",
            [
                "Keine Vorschläge",
                "1 Vorschlag",
                "2 Vorschläge",
                "5 Vorschläge",
                "21 Vorschläge",
                "101 Vorschläge",
            ],
        ),
        (
            Lang::DeLs,
            "cluster_label",
            [
                "0 Agenturen",
                "1 Agentur",
                "2 Agenturen",
                "5 Agenturen",
                "21 Agenturen",
                "101 Agenturen",
            ],
        ),
        (
            Lang::En,
            "n_found",
            [
                "No agencies found",
                "1 agency found",
                "2 agencies found",
                "5 agencies found",
                "21 agencies found",
                "101 agencies found",
            ],
        ),
        (
            Lang::En,
            "n_places",
            [
                "No suggestions",
                "1 suggestion",
                "2 suggestions",
                "5 suggestions",
                "21 suggestions",
                "101 suggestions",
            ],
        ),
        (
            Lang::En,
            "cluster_label",
            [
                "0 agencies",
                "1 agency",
                "2 agencies",
                "5 agencies",
                "21 agencies",
                "101 agencies",
            ],
        ),
        (
            Lang::Tr,
            "n_found",
            [
                "Hiç ajans bulunamadı",
                "1 ajans bulundu",
                "2 ajans bulundu",
                "5 ajans bulundu",
                "21 ajans bulundu",
                "101 ajans bulundu",
            ],
        ),
        (
            Lang::Tr,
            "n_places",
            [
                "Öneri yok",
                "1 öneri",
                "2 öneri",
                "5 öneri",
                "21 öneri",
                "101 öneri",
            ],
        ),
        (
            Lang::Tr,
            "cluster_label",
            [
                "0 ajans",
                "1 ajans",
                "2 ajans",
                "5 ajans",
                "21 ajans",
                "101 ajans",
            ],
        ),
        (
            Lang::Ar,
            "n_found",
            [
                "لم يتم العثور على أي وكالة",
                "تم العثور على وكالة واحدة",
                "تم العثور على وكالتين",
                "تم العثور على 5 وكالات",
                "تم العثور على 21 وكالة",
                "تم العثور على 101 وكالة",
            ],
        ),
        (
            Lang::Ar,
            "n_places",
            [
                "لا توجد اقتراحات",
                "اقتراح واحد",
                "اقتراحان",
                "5 اقتراحات",
                "21 اقتراحًا",
                "101 اقتراح",
            ],
        ),
        (
            Lang::Ar,
            "cluster_label",
            [
                "لا توجد وكالات",
                "وكالة واحدة",
                "وكالتان",
                "5 وكالات",
                "21 وكالة",
                "101 وكالة",
            ],
        ),
        (
            Lang::Fa,
            "n_found",
            [
                "هیچ آژانسی پیدا نشد",
                "1 آژانس پیدا شد",
                "2 آژانس پیدا شد",
                "5 آژانس پیدا شد",
                "21 آژانس پیدا شد",
                "101 آژانس پیدا شد",
            ],
        ),
        (
            Lang::Fa,
            "n_places",
            [
                "پیشنهادی نیست",
                "1 پیشنهاد",
                "2 پیشنهاد",
                "5 پیشنهاد",
                "21 پیشنهاد",
                "101 پیشنهاد",
            ],
        ),
        (
            Lang::Fa,
            "cluster_label",
            [
                "0 آژانس",
                "1 آژانس",
                "2 آژانس",
                "5 آژانس",
                "21 آژانس",
                "101 آژانس",
            ],
        ),
        (
            Lang::Uk,
            "n_found",
            [
                "Не знайдено жодної агенції",
                "Знайдено 1 агенцію",
                "Знайдено 2 агенції",
                "Знайдено 5 агенцій",
                "Знайдено 21 агенцію",
                "Знайдено 101 агенцію",
            ],
        ),
        (
            Lang::Uk,
            "n_places",
            [
                "Немає варіантів",
                "1 варіант",
                "2 варіанти",
                "5 варіантів",
                "21 варіант",
                "101 варіант",
            ],
        ),
        (
            Lang::Uk,
            "cluster_label",
            [
                "0 агенцій",
                "1 агенція",
                "2 агенції",
                "5 агенцій",
                "21 агенція",
                "101 агенція",
            ],
        ),
        (
            Lang::Ru,
            "n_found",
            [
                "Агентства не найдены",
                "Найдено 1 агентство",
                "Найдено 2 агентства",
                "Найдено 5 агентств",
                "Найдено 21 агентство",
                "Найдено 101 агентство",
            ],
        ),
        (
            Lang::Ru,
            "n_places",
            [
                "Нет вариантов",
                "1 вариант",
                "2 варианта",
                "5 вариантов",
                "21 вариант",
                "101 вариант",
            ],
        ),
        (
            Lang::Ru,
            "cluster_label",
            [
                "0 агентств",
                "1 агентство",
                "2 агентства",
                "5 агентств",
                "21 агентство",
                "101 агентство",
            ],
        ),
    ];
    for (lang, method, expected) in cases {
        let t = texts(lang);
        for (n, want) in COUNTS.into_iter().zip(expected) {
            let got = match method {
                "n_found" => t.n_found(n),
                "n_places" => t.n_places(n),
                "n_skipped" => t.n_skipped(n),
                _ => t.cluster_label(n),
            };
            assert_eq!(got, want, "{}: {method}({n})", lang.tag());
        }
    }
}

#[test]
fn plural_forms_in_sentences() {
    let ar = texts(Lang::Ar);
    assert_eq!(ar.n_skipped(11), "تعذّر عرض 11 إدخالًا.");
    assert_eq!(ar.n_skipped(3), "تعذّر عرض 3 إدخالات.");
    assert_eq!(
        ar.nearest_instead(5, 2),
        "لا توجد وكالة مناسبة ضمن نطاق 5 كم. فيما يلي أقرب وكالتين:"
    );
    let uk = texts(Lang::Uk);
    assert_eq!(uk.n_skipped(3), "Не вдалося показати 3 записи.");
    assert_eq!(uk.n_skipped(11), "Не вдалося показати 11 записів.");
    assert_eq!(
        uk.coverage(12, 214),
        "У списку 12 із приблизно 214 інтеграційних агенцій"
    );
    assert_eq!(
        uk.coverage(12, 221),
        "У списку 12 із приблизно 221 інтеграційної агенції"
    );
    assert_eq!(
        uk.nearest_instead(5, 3),
        "У радіусі 5 км немає відповідних агенцій. Найближчі 3 агенції:"
    );
    let ru = texts(Lang::Ru);
    assert_eq!(ru.n_skipped(3), "Не удалось показать 3 записи.");
    assert_eq!(ru.n_skipped(11), "Не удалось показать 11 записей.");
    assert_eq!(
        ru.coverage(12, 214),
        "В списке 12 из примерно 214 интеграционных агентств"
    );
    assert_eq!(
        ru.coverage(12, 221),
        "В списке 12 из примерно 221 интеграционного агентства"
    );
    assert_eq!(
        ru.nearest_instead(5, 3),
        "В радиусе 5 км нет подходящих агентств. Ближайшие 3 агентства:"
    );
    let en = texts(Lang::En);
    assert_eq!(
        en.coverage(12, 1),
        "12 of about 1 integration agency included"
    );
    assert_eq!(
        en.coverage(12, 214),
        "12 of about 214 integration agencies included"
    );
    assert_eq!(
        texts(Lang::DeLs).coverage(150, 214),
        "Es gibt ungefähr 214 Integrations-Agenturen. 150 davon sind in dieser Liste."
    );
    assert_eq!(
        texts(Lang::De).nearest_instead(25, 1),
        "Im Umkreis von 25 km gibt es keine passende Agentur. Hier die nächste:"
    );
    assert_eq!(
        texts(Lang::De).nearest_instead(25, 3),
        "Im Umkreis von 25 km gibt es keine passende Agentur. Hier die 3 nächsten:"
    );
}

#[test]
fn slavic_plural_categories_follow_cldr() {
    use Category::*;
    let cases = [
        (0, Many),
        (1, One),
        (2, Few),
        (4, Few),
        (5, Many),
        (11, Many),
        (12, Many),
        (14, Many),
        (21, One),
        (22, Few),
        (25, Many),
        (101, One),
        (111, Many),
        (112, Many),
        (1001, One),
    ];
    for (n, want) in cases {
        assert_eq!(slavic_plural(n), want, "{n}");
        assert_eq!(Lang::Uk.plural_category(n), want, "{n}");
    }
}

#[test]
fn arabic_plural_categories_follow_cldr() {
    use Category::*;
    let cases = [
        (0, Zero),
        (1, One),
        (2, Two),
        (3, Few),
        (5, Few),
        (10, Few),
        (11, Many),
        (21, Many),
        (99, Many),
        (100, Other),
        (101, Other),
        (102, Other),
        (103, Few),
        (111, Many),
        (1000, Other),
    ];
    for (n, want) in cases {
        assert_eq!(plural_ar(n), want, "{n}");
    }
}

#[test]
fn every_rule_gives_only_its_own_categories() {
    for &lang in Lang::ALL {
        for n in 0..1200 {
            let category = lang.plural_category(n);
            assert!(lang.plural_categories().contains(&category), "{lang:?} {n}");
        }
    }
}

#[test]
fn dates() {
    let cases = [
        (Lang::De, "24.11.2026", "05.03.2026"),
        (Lang::Tr, "24.11.2026", "05.03.2026"),
        (Lang::Uk, "24.11.2026", "05.03.2026"),
        (Lang::Ru, "24.11.2026", "05.03.2026"),
        (Lang::DeLs, "24. November 2026", "5. März 2026"),
        (Lang::En, "24 November 2026", "5 March 2026"),
        (Lang::Ar, "24 نوفمبر 2026", "5 مارس 2026"),
        (Lang::Fa, "24 نوامبر 2026", "5 مارس 2026"),
    ];
    for (lang, november, march) in cases {
        let t = texts(lang);
        assert_eq!(t.date("2026-11-24"), november, "{lang:?}");
        assert_eq!(t.date("2026-03-05"), march, "{lang:?}");
        for not_a_date in NOT_DATES {
            assert_eq!(t.date(not_a_date), not_a_date, "{lang:?}");
        }
        assert!(t.as_of("2026-11-24").contains(november), "{lang:?}");
    }
    assert_eq!(texts(Lang::De).as_of("2026-11-24"), "Stand: 24.11.2026");
    assert_eq!(dotted_date("2026-11-24"), "24.11.2026");
}

/// Every text a language shows: the file's messages as written and the
/// methods' results for sample values.
fn all_strings(lang: Lang) -> Vec<(String, String)> {
    let t = texts(lang);
    let mut out: Vec<(String, String)> = messages(lang)
        .into_iter()
        .filter(|(key, _)| key != "decimal_separator")
        .collect();
    for n in COUNTS {
        out.push((format!("n_found({n})"), t.n_found(n)));
        out.push((format!("n_skipped({n})"), t.n_skipped(n)));
        out.push((format!("cluster_label({n})"), t.cluster_label(n)));
        out.push((format!("n_places({n})"), t.n_places(n)));
        out.push((format!("show_more({n})"), t.show_more(n)));
        for total in [1, 2, 5, 21, 101, 214] {
            out.push((format!("coverage({n}, {total})"), t.coverage(n, total)));
        }
        for r in [5, 50] {
            out.push((
                format!("nearest_instead({r}, {n})"),
                t.nearest_instead(r, n),
            ));
        }
    }
    for &p in Precision::ALL {
        out.push((
            format!("approximate_position({p:?})"),
            t.approximate_position(p).into(),
        ));
    }
    out.push(("as_of".into(), t.as_of("2026-11-24")));
    for r in [5, 10, 25, 50, 404, 500] {
        out.push((format!("error_not_found({r})"), t.error_not_found(r)));
        out.push((format!("radius_km({r})"), t.radius_km(r)));
    }
    out.push(("sada_far".into(), t.sada_far("12 km")));
    out.push(("origin_label".into(), t.origin_label("Köln")));
    out
}

fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

#[test]
fn no_text_is_empty_or_has_a_leftover_placeholder() {
    for &lang in Lang::ALL {
        let t = texts(lang);
        assert!(matches!(t.decimal_separator, ',' | '.' | '\u{066B}'));
        for (field, text) in all_strings(lang) {
            if field.contains('(') {
                assert!(
                    !text.contains(['{', '}']),
                    "{}: {field}: {text}",
                    lang.tag()
                );
            }
            if lang == Lang::De && field == "data_in_german" {
                continue;
            }
            assert!(!text.trim().is_empty(), "{}: {field} is empty", lang.tag());
            assert!(
                !text.contains(" \u{200C}") && !text.contains("\u{200C} "),
                "{}: {field}: stray ZWNJ",
                lang.tag()
            );
        }
    }
}

#[test]
fn vocabulary_labels_are_distinct() {
    for &lang in Lang::ALL {
        let t = texts(lang);
        fn distinct<T: Copy>(all: &[T], label: impl Fn(T) -> &'static str) {
            let mut seen = HashSet::new();
            for &value in all {
                assert!(
                    seen.insert(label(value)),
                    "duplicate label {}",
                    label(value)
                );
            }
        }
        distinct(Offer::ALL, |v| t.offer(v));
        distinct(Topic::ALL, |v| t.topic(v));
        distinct(Umbrella::ALL, |v| t.umbrella(v));
        distinct(Precision::ALL, |v| t.approximate_position(v));
    }
    assert_eq!(
        texts(Lang::De).offer(Offer::Counselling),
        Offer::Counselling.label_de()
    );
}

#[test]
fn numbers_in_sentences_are_shown() {
    for &lang in Lang::ALL {
        let t = texts(lang);
        for n in [5, 21, 101] {
            for text in [
                t.n_found(n),
                t.n_skipped(n),
                t.cluster_label(n),
                t.n_places(n),
                t.show_more(n),
            ] {
                assert!(text.contains(&n.to_string()), "{}: {text}", lang.tag());
            }
        }
        // At most `NEAREST_INSTEAD` (3) nearest are shown; "the nearest one" names no number.
        for n in [2, 3] {
            assert!(
                t.nearest_instead(25, n).contains(&n.to_string()),
                "{}",
                lang.tag()
            );
        }
        assert!(t.nearest_instead(25, 1).contains("25"), "{}", lang.tag());
        assert!(t.coverage(12, 214).contains("12"));
        assert!(t.coverage(12, 214).contains("214"));
        assert!(t.error_not_found(404).contains("404"));
        assert!(t.radius_km(25).contains("25"));
        assert!(t.sada_far("12 km").contains("12 km"));
        assert!(t.origin_label("Köln").contains("Köln"));
    }
}

#[test]
fn right_to_left_only_in_arabic_and_persian() {
    for &lang in Lang::ALL {
        for (field, text) in all_strings(lang) {
            if lang.dir() == "rtl" {
                assert!(
                    text.chars().any(is_rtl),
                    "{}: {field} has no RTL letter: {text}",
                    lang.tag()
                );
            } else {
                assert!(!text.chars().any(is_rtl), "{}: {field}: {text}", lang.tag());
            }
        }
    }
}

#[test]
fn arabic_and_persian_use_their_own_letter_forms() {
    for (field, text) in all_strings(Lang::Ar) {
        assert!(
            !text.contains(['\u{06CC}', '\u{06A9}']),
            "ar: {field}: {text}"
        );
    }
    for (field, text) in all_strings(Lang::Fa) {
        assert!(
            !text.contains(['\u{064A}', '\u{0643}']),
            "fa: {field}: {text}"
        );
    }
}

/// Leichte Sprache writes words out: no "NRW", "PLZ", "z. B.", "km".
#[test]
fn leichte_sprache_has_no_abbreviations() {
    let banned = [
        "NRW", "PLZ", "z. B.", "z.B.", "bzw.", "usw.", "ca.", "ggf.", "km", "…",
    ];
    for (field, text) in all_strings(Lang::DeLs) {
        if field == "sada_far" {
            continue; // the distance comes formatted as "12 km" from the core
        }
        for word in banned {
            assert!(!text.contains(word), "{field} contains {word}: {text}");
        }
    }
}

#[test]
fn placeholders_are_filled_and_unknown_ones_left() {
    assert_eq!(
        fill("{n} of {total}", &[("n", "1"), ("total", "2")]),
        "1 of 2"
    );
    assert_eq!(fill("{x} {", &[("n", "1")]), "{x} {");
    assert_eq!(placeholders("a {b} {c_d}").unwrap().len(), 2);
    assert!(placeholders("a {B}").is_err());
    assert!(placeholders("a } {").is_err());
}

#[test]
fn the_page_texts_are_german_until_set() {
    assert_eq!(texts_for_document().lang_tag, "de");
    assert!(std::ptr::eq(
        texts_from_file(Lang::De, "").unwrap(),
        german()
    ));
}
