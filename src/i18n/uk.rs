//! Ukrainian (`uk`). Polite address ("ви").
//!
//! Counted nouns take the three Ukrainian forms (CLDR one: 1, 21, 31 …;
//! few: 2–4, 22–24 …; many: 0, 5–20, 25–30 …, 11–14). Dates are written
//! `24.11.2026` (the usual Ukrainian form); decimals use a comma.

use super::{dotted_date, slavic_pick as pick, slavic_plural, SlavicPlural, Texts};
use ia_core::{Offer, Precision, Topic, Umbrella};

pub static UK: Texts = Texts {
    lang_tag: "uk",
    app_title: "Інтеграційні агенції в Північному Рейні-Вестфалії",
    app_subtitle: "Консультації та допомога для людей з міграційною історією – знайдіть агенцію поблизу.",
    skip_to_results: "Перейти до списку результатів",
    loading: "Завантаження даних …",
    load_failed: "Не вдалося завантажити список інтеграційних агенцій.",
    retry: "Спробувати ще раз",
    crashed: "Щось пішло не так.",
    reload: "Перезавантажити сторінку",
    // Needs review by a native speaker (added after the first translation pass).
    start_over: "Почати знову (без фільтрів)",
    // "Знайдено" takes the accusative: агенцію, агенції, агенцій.
    n_found: |n| match n {
        0 => "Не знайдено жодної агенції".into(),
        n => format!("Знайдено {n} {}", pick(n, "агенцію", "агенції", "агенцій")),
    },
    n_skipped: |n| match n {
        0 => "Усі записи показано.".into(),
        n => format!("Не вдалося показати {n} {}.", pick(n, "запис", "записи", "записів")),
    },
    // Needs review by a native speaker (added after the first translation pass).
    show_more: |n| format!("Показати ще ({n})"),
    results_heading: "Результати",
    map_label: "Карта інтеграційних агенцій",
    view_switch_label: "Вигляд",
    view_list: "Список",
    view_map: "Карта",
    map_note_no_tiles: "Фонова карта недоступна – межі, розташування та список і далі працюють.",
    map_unavailable: "Не вдалося завантажити карту – список і фільтри й далі працюють.",
    // Needs review by a native speaker (added after the first translation pass).
    data_in_german: "Назви, адреси та відомості про агенції подано німецькою мовою, так, як їх публікують самі агенції.",
    language_label: "Мова / Sprache",
    // Needs review by a native speaker (added after the first translation pass).
    zoom_in: "Збільшити",
    zoom_out: "Зменшити",
    language_apply: "Змінити",
    cluster_label: |n| format!("{n} {}", pick(n, "агенція", "агенції", "агенцій")),
    servicestelle: "Служба протидії дискримінації",
    approximate_position: |precision| match precision {
        Precision::Address => "Розташування: за адресою",
        Precision::Postcode => "Розташування приблизне (центр району поштового індексу)",
        Precision::Municipality => "Розташування приблизне (центр громади)",
        Precision::Kreis => "Approximate position (centre of the district; exact address unknown)" /* Needs review by a native speaker: English placeholder */,
    },
    as_of: |date| format!("Дані станом на {}", dotted_date(date)),
    date: dotted_date,
    km_unit: "км",
    source: "Джерело",
    // "із N …" takes the genitive: singular after 1, 21 …, plural otherwise.
    coverage: |listed, total| {
        let agencies = match slavic_plural(total as usize) {
            SlavicPlural::One => "інтеграційної агенції",
            SlavicPlural::Few | SlavicPlural::Many => "інтеграційних агенцій",
        };
        format!("У списку {listed} із приблизно {total} {agencies}")
    },
    data_licence: "Ліцензія на дані",
    boundaries_attribution: "Межі: © GeoBasis-DE / BKG (2017), dl-de/by-2-0",
    error_not_found: |status| format!("Сервер відповів помилкою {status}."),
    error_network: "Немає з’єднання із сервером.",
    error_format: "Файл пошкоджений або має невідомий формат.",
    error_schema: "Цей застосунок не може прочитати цю версію файлу.",
    technical_details: "Технічні подробиці",
    filters_label: "Фільтр агенцій",
    search_label: "Пошук за назвою, засновником або адресою",
    search_placeholder: "наприклад, Caritas або Köln",
    place_label: "Місто, громада або район",
    place_all: "Уся земля NRW",
    kreis_suffix: " (район)",
    place_clear: "Скинути місце (уся земля NRW)",
    near_label: "Поблизу (поштовий індекс або населений пункт)",
    near_placeholder: "наприклад, 50667 або Bergheim",
    near_clear: "Видалити місце для розрахунку відстаней",
    near_no_match: "Поштовий індекс або населений пункт у NRW не знайдено",
    near_hint: "Введіть поштовий індекс або назву населеного пункту",
    places_loading: "Завантаження списку місць …",
    places_failed: "Не вдалося завантажити список місць.",
    use_location: "Використати моє місцезнаходження",
    locating: "Визначаємо ваше місцезнаходження …",
    location_denied: "Доступ до вашого місцезнаходження не надано. Будь ласка, введіть поштовий індекс або назву населеного пункту.",
    location_unavailable: "Не вдалося визначити ваше місцезнаходження. Будь ласка, введіть поштовий індекс або назву населеного пункту.",
    radius_label: "Радіус:",
    radius_all: "уся земля NRW",
    radius_km: |r| format!("{r} км"),
    nearest_instead: |r, n| match n {
        1 => format!("У радіусі {r} км немає відповідних агенцій. Найближча агенція:"),
        n => format!(
            "У радіусі {r} км немає відповідних агенцій. Найближчі {n} {}:",
            pick(n, "агенція", "агенції", "агенцій")
        ),
    },
    sada_far: |distance| format!("Служби протидії дискримінації зазвичай консультують мешканців цілого регіону. Найближча служба (на відстані {distance}) теж готова вам допомогти."),
    distance_suffix: " від вибраного місця",
    origin_label: |place| format!("Точка відліку для відстаней: {place}"),
    decimal_separator: ',',
    place_no_match: "Населений пункт з інтеграційною агенцією не знайдено",
    n_places: |n| match n {
        0 => "Немає варіантів".into(),
        n => format!("{n} {}", pick(n, "варіант", "варіанти", "варіантів")),
    },
    sada_toggle: "Лише служби протидії дискримінації",
    sada_only: "лише служби протидії дискримінації",
    preset_label: "Зафіксований вибір:",
    topics_legend: "Теми консультацій",
    offers_legend: "Послуги",
    umbrellas_legend: "Благодійна спілка",
    more_filters: "Інші фільтри: послуги та спілки",
    // Needs review by a native speaker (added after the first translation pass).
    filters_toggle: "Фільтри",
    // Needs review by a native speaker (added after the first translation pass).
    needs_js: "Для мапи й фільтрів потрібен JavaScript; усі агенції з адресою та контактами наведено тут.",
    reset_filters: "Скинути всі фільтри",
    back_to_list: "Назад до списку",
    carrier_label: "Засновник",
    address_label: "Адреса",
    languages_label: "Мови консультацій",
    call: "Зателефонувати:",
    write_email: "Електронна пошта:",
    website: "Вебсайт:",
    directions: "Прокласти маршрут (OpenStreetMap)",
    open_in_map_app: "Відкрити в застосунку карт",
    last_verified: "остання перевірка:",
    report_error: "Повідомити про помилку",
    // Needs review by a native speaker (added after the first translation pass).
    get_listed: "Вашої агенції немає в списку або запис неправильний? Повідомте нас.",
    postcodes_attribution: "Поштові індекси: GeoNames, CC BY 4.0",
    download_label: "Завантажити показаний список:",
    about_data: "Джерело, ліцензія та картографічні дані",
    open_full_map: "Відкрити повну карту (у новому вікні)",
    embed_generator_link: "Вбудувати карту на ваш вебсайт",
    embed_title: "Вбудувати карту на ваш вебсайт",
    embed_intro: "Виберіть попередні налаштування, перевірте попередній перегляд і скопіюйте код на свою сторінку. Карта не використовує файли cookie.",
    embed_lock: "Зафіксувати налаштування для відвідувачів (тоді місце та вибір служб протидії дискримінації змінити не можна)",
    embed_list: "Список",
    embed_list_side: "поруч із картою",
    embed_list_bottom: "під картою",
    embed_list_none: "без списку",
    embed_height: "Висота в пікселях (зі скриптом підлаштовується автоматично)",
    embed_snippet: "Код для вбудовування",
    embed_copy: "Скопіювати код",
    embed_copied: "Скопійовано.",
    embed_preview: "Попередній перегляд",
    embed_iframe_title: "Інтеграційні агенції в Північному Рейні-Вестфалії – карта",
    embed_back: "Назад до карти",
    skip_map: "Пропустити карту",
    pan_label: "Перемістити карту",
    pan_north: "На північ",
    pan_south: "На південь",
    pan_west: "На захід",
    pan_east: "На схід",
    load_tiles: "Завантажити фонову карту (з картографічного сервера)",
    embed_tiles_on_click: "Завантажувати фонову карту лише після клацання (до цього не звертатися до картографічного сервера)",
    // Needs review by a native speaker (added after the first translation pass).
    embed_controls: "Показувати ці елементи керування",
    // Needs review by a native speaker (added after the first translation pass).
    embed_language_auto: "Мова браузера відвідувача",
    // Needs review by a native speaker (added after the first translation pass).
    accessibility_statement: "Заява про доступність",
    wheel_hint: "Щоб змінити масштаб, утримуйте Ctrl/Strg (⌘) і прокручуйте",
    touch_hint: "Переміщуйте й масштабуйте карту двома пальцями",
    offer: offer_uk,
    topic: topic_uk,
    umbrella: umbrella_uk,
};

pub fn offer_uk(offer: Offer) -> &'static str {
    match offer {
        Offer::InterculturalOpening => "Міжкультурна відкритість",
        Offer::NeighbourhoodWork => "Робота в районі проживання",
        Offer::CivicEngagement => "Волонтерство та громадська активність",
        Offer::AntidiscriminationWork => "Протидія дискримінації",
        Offer::LanguageCourses => "Доступні мовні курси",
        Offer::IntegrationGuides => "Помічники з інтеграції (волонтери, які супроводжують)",
        Offer::CulturallySensitiveCare => {
            "Допомога літнім людям з урахуванням їхньої культури та навчання"
        }
        Offer::Counselling => "Консультації",
        Offer::MigrantOrganisations => "Підтримка організацій мігрантів",
        Offer::Networking => "Співпраця та мережі партнерів",
    }
}

pub fn topic_uk(topic: Topic) -> &'static str {
    match topic {
        Topic::Racism => "Расистська дискримінація",
        Topic::AntiMuslimRacism => "Антимусульманський расизм",
        Topic::AntiBlackRacism => "Расизм проти темношкірих людей",
        Topic::Antisemitism => "Антисемітизм",
        Topic::Antiziganism => "Антициганізм (проти сінті та ромів)",
        Topic::Lgbtiq => "ЛГБТІК*",
        Topic::Sexism => "Сексизм",
        Topic::Age => "Вік",
        Topic::Disability => "Інвалідність",
        Topic::Work => "Робота",
        Topic::Housing => "Житло",
        Topic::Education => "Освіта",
        Topic::Authorities => "Органи влади",
        Topic::Justice => "Суди та правосуддя",
    }
}

/// Association names stay German; a dash adds the explanation (the detail view
/// already puts this label in parentheses).
pub fn umbrella_uk(umbrella: Umbrella) -> &'static str {
    match umbrella {
        Umbrella::Awo => "AWO – Робітнича спілка соціальної допомоги",
        Umbrella::Caritas => "Caritas – католицька організація",
        Umbrella::Diakonie => "Diakonie – євангельська організація",
        Umbrella::Drk => "DRK – Німецький Червоний Хрест",
        Umbrella::Paritaetischer => "Der Paritätische – спілка незалежних організацій",
        Umbrella::JewishCommunities => "Jüdische Gemeinden – єврейські громади",
        Umbrella::Other => "Інші",
        Umbrella::Unknown => "Не вказано",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::i18n::checks::{self, all_strings, is_rtl, COUNTS};

    #[test]
    fn no_string_is_empty_or_has_a_leftover_placeholder() {
        checks::no_string_is_empty_or_has_a_leftover_placeholder(&UK);
    }

    #[test]
    fn vocabulary_labels_are_distinct() {
        checks::vocabulary_labels_are_distinct(&UK);
    }

    #[test]
    fn numbers_in_sentences_are_shown() {
        checks::numbers_in_sentences_are_shown(&UK);
    }

    #[test]
    fn tag_is_bcp47() {
        assert_eq!(UK.lang_tag, "uk");
    }

    #[test]
    fn counts_use_the_right_forms_for_0_1_2_5_21_101() {
        let expected = [
            "Не знайдено жодної агенції",
            "Знайдено 1 агенцію",
            "Знайдено 2 агенції",
            "Знайдено 5 агенцій",
            "Знайдено 21 агенцію",
            "Знайдено 101 агенцію",
        ];
        for (n, want) in COUNTS.into_iter().zip(expected) {
            assert_eq!((UK.n_found)(n), want, "n_found({n})");
        }
        let expected = [
            "Немає варіантів",
            "1 варіант",
            "2 варіанти",
            "5 варіантів",
            "21 варіант",
            "101 варіант",
        ];
        for (n, want) in COUNTS.into_iter().zip(expected) {
            assert_eq!((UK.n_places)(n), want, "n_places({n})");
        }
        let expected = [
            "0 агенцій",
            "1 агенція",
            "2 агенції",
            "5 агенцій",
            "21 агенція",
            "101 агенція",
        ];
        for (n, want) in COUNTS.into_iter().zip(expected) {
            assert_eq!((UK.cluster_label)(n), want, "cluster_label({n})");
        }
    }

    #[test]
    fn no_right_to_left_characters() {
        for (field, text) in all_strings(&UK) {
            assert!(!text.chars().any(is_rtl), "{field}: {text}");
        }
    }

    #[test]
    fn plural_forms_in_sentences() {
        assert_eq!((UK.n_skipped)(3), "Не вдалося показати 3 записи.");
        assert_eq!((UK.n_skipped)(11), "Не вдалося показати 11 записів.");
        assert_eq!(
            (UK.coverage)(12, 214),
            "У списку 12 із приблизно 214 інтеграційних агенцій"
        );
        assert_eq!(
            (UK.coverage)(12, 221),
            "У списку 12 із приблизно 221 інтеграційної агенції"
        );
        assert_eq!(
            (UK.nearest_instead)(5, 3),
            "У радіусі 5 км немає відповідних агенцій. Найближчі 3 агенції:"
        );
    }
}
