//! Russian (`ru`). Polite address ("вы").
//!
//! Counted nouns take the three Russian forms (CLDR one: 1, 21, 31 …;
//! few: 2–4, 22–24 …; many: 0, 5–20, 25–30 …, 11–14). Dates are written
//! `24.11.2026` (the usual Russian form); decimals use a comma.

use super::{dotted_date, slavic_pick as pick, slavic_plural, SlavicPlural, Texts};
use ia_core::{Offer, Precision, Topic, Umbrella};

pub static RU: Texts = Texts {
    lang_tag: "ru",
    app_title: "Интеграционные агентства в Северном Рейне-Вестфалии",
    app_subtitle: "Консультации и помощь для людей с миграционной историей – найдите агентство рядом с вами.",
    skip_to_results: "Перейти к списку результатов",
    loading: "Загрузка данных …",
    load_failed: "Не удалось загрузить список интеграционных агентств.",
    retry: "Повторить попытку",
    crashed: "Что-то пошло не так.",
    reload: "Перезагрузить страницу",
    // Needs review by a native speaker (added after the first translation pass).
    start_over: "Начать заново (без фильтров)",
    n_found: |n| match n {
        0 => "Агентства не найдены".into(),
        n => format!("Найдено {n} {}", pick(n, "агентство", "агентства", "агентств")),
    },
    n_skipped: |n| match n {
        0 => "Все записи показаны.".into(),
        n => format!("Не удалось показать {n} {}.", pick(n, "запись", "записи", "записей")),
    },
    // Needs review by a native speaker (added after the first translation pass).
    show_more: |n| format!("Показать ещё ({n})"),
    results_heading: "Результаты",
    map_label: "Карта интеграционных агентств",
    view_switch_label: "Вид",
    view_list: "Список",
    view_map: "Карта",
    map_note_no_tiles: "Фоновая карта недоступна – границы, места и список продолжают работать.",
    map_unavailable: "Не удалось загрузить карту – список и фильтры продолжают работать.",
    // Needs review by a native speaker (added after the first translation pass).
    data_in_german: "Названия, адреса и сведения об агентствах приводятся на немецком языке, так, как их публикуют сами агентства.",
    language_label: "Язык / Sprache",
    // Needs review by a native speaker (added after the first translation pass).
    zoom_in: "Увеличить",
    zoom_out: "Уменьшить",
    language_apply: "Сменить",
    cluster_label: |n| format!("{n} {}", pick(n, "агентство", "агентства", "агентств")),
    servicestelle: "Служба по борьбе с дискриминацией",
    approximate_position: |precision| match precision {
        Precision::Address => "Местоположение: по адресу",
        Precision::Postcode => "Местоположение приблизительное (центр района почтового индекса)",
        Precision::Municipality => "Местоположение приблизительное (центр общины)",
        Precision::Kreis => "Approximate position (centre of the district; exact address unknown)" /* Needs review by a native speaker: English placeholder */,
    },
    as_of: |date| format!("Данные по состоянию на {}", dotted_date(date)),
    date: dotted_date,
    km_unit: "км",
    source: "Источник",
    // "из N …" takes the genitive: singular after 1, 21 …, plural otherwise.
    coverage: |listed, total| {
        let agencies = match slavic_plural(total as usize) {
            SlavicPlural::One => "интеграционного агентства",
            SlavicPlural::Few | SlavicPlural::Many => "интеграционных агентств",
        };
        format!("В списке {listed} из примерно {total} {agencies}")
    },
    data_licence: "Лицензия на данные",
    boundaries_attribution: "Границы: © GeoBasis-DE / BKG (2017), dl-de/by-2-0",
    error_not_found: |status| format!("Сервер ответил ошибкой {status}."),
    error_network: "Нет соединения с сервером.",
    error_format: "Файл повреждён или имеет неизвестный формат.",
    error_schema: "Это приложение не может прочитать эту версию файла.",
    technical_details: "Технические подробности",
    filters_label: "Фильтр агентств",
    search_label: "Поиск по названию, учредителю или адресу",
    search_placeholder: "например, Caritas или Köln",
    place_label: "Город, община или район",
    place_all: "Вся земля NRW",
    kreis_suffix: " (район)",
    place_clear: "Сбросить место (вся земля NRW)",
    near_label: "Рядом с (почтовый индекс или населённый пункт)",
    near_placeholder: "например, 50667 или Bergheim",
    near_clear: "Удалить место для расчёта расстояний",
    near_no_match: "Почтовый индекс или населённый пункт в NRW не найден",
    near_hint: "Введите почтовый индекс или название населённого пункта",
    places_loading: "Загрузка списка мест …",
    places_failed: "Не удалось загрузить список мест.",
    use_location: "Использовать моё местоположение",
    locating: "Определяем ваше местоположение …",
    location_denied: "Доступ к вашему местоположению не разрешён. Пожалуйста, введите почтовый индекс или название населённого пункта.",
    location_unavailable: "Не удалось определить ваше местоположение. Пожалуйста, введите почтовый индекс или название населённого пункта.",
    radius_label: "Радиус:",
    radius_all: "вся земля NRW",
    radius_km: |r| format!("{r} км"),
    nearest_instead: |r, n| match n {
        1 => format!("В радиусе {r} км нет подходящих агентств. Ближайшее агентство:"),
        n => format!(
            "В радиусе {r} км нет подходящих агентств. Ближайшие {n} {}:",
            pick(n, "агентство", "агентства", "агентств")
        ),
    },
    sada_far: |distance| format!("Службы по борьбе с дискриминацией обычно консультируют жителей целого региона. Ближайшая служба (на расстоянии {distance}) тоже готова вам помочь."),
    distance_suffix: " от выбранного места",
    origin_label: |place| format!("Точка отсчёта для расстояний: {place}"),
    decimal_separator: ',',
    place_no_match: "Населённый пункт с интеграционным агентством не найден",
    n_places: |n| match n {
        0 => "Нет вариантов".into(),
        n => format!("{n} {}", pick(n, "вариант", "варианта", "вариантов")),
    },
    sada_toggle: "Только службы по борьбе с дискриминацией",
    sada_only: "только службы по борьбе с дискриминацией",
    preset_label: "Заданный выбор:",
    topics_legend: "Темы консультаций",
    offers_legend: "Услуги",
    umbrellas_legend: "Благотворительный союз",
    more_filters: "Другие фильтры: услуги и союзы",
    // Needs review by a native speaker (added after the first translation pass).
    filters_toggle: "Фильтры",
    // Needs review by a native speaker (added after the first translation pass).
    needs_js: "Для карты и фильтров нужен JavaScript; все агентства с адресом и контактами перечислены здесь.",
    reset_filters: "Сбросить все фильтры",
    back_to_list: "Назад к списку",
    carrier_label: "Учредитель",
    address_label: "Адрес",
    languages_label: "Языки консультаций",
    call: "Позвонить:",
    write_email: "Электронная почта:",
    website: "Сайт:",
    directions: "Проложить маршрут (OpenStreetMap)",
    open_in_map_app: "Открыть в приложении карт",
    last_verified: "последняя проверка:",
    report_error: "Сообщить об ошибке",
    // Needs review by a native speaker (added after the first translation pass).
    get_listed: "Вашего агентства нет в списке или запись неверна? Сообщите нам.",
    postcodes_attribution: "Почтовые индексы: GeoNames, CC BY 4.0",
    download_label: "Скачать показанный список:",
    about_data: "Источник, лицензия и картографические данные",
    open_full_map: "Открыть полную карту (в новом окне)",
    embed_generator_link: "Встроить карту на ваш сайт",
    embed_title: "Встроить карту на ваш сайт",
    embed_intro: "Выберите предварительные настройки, проверьте предпросмотр и скопируйте код на свою страницу. Карта не использует файлы cookie.",
    embed_lock: "Зафиксировать настройки для посетителей (тогда место и выбор служб по борьбе с дискриминацией изменить нельзя)",
    embed_list: "Список",
    embed_list_side: "рядом с картой",
    embed_list_bottom: "под картой",
    embed_list_none: "без списка",
    embed_height: "Высота в пикселях (со скриптом подстраивается автоматически)",
    embed_snippet: "Код для встраивания",
    embed_copy: "Скопировать код",
    embed_copied: "Скопировано.",
    embed_preview: "Предпросмотр",
    embed_iframe_title: "Интеграционные агентства в Северном Рейне-Вестфалии – карта",
    embed_back: "Назад к карте",
    skip_map: "Пропустить карту",
    pan_label: "Переместить карту",
    pan_north: "На север",
    pan_south: "На юг",
    pan_west: "На запад",
    pan_east: "На восток",
    load_tiles: "Загрузить фоновую карту (с картографического сервера)",
    embed_tiles_on_click: "Загружать фоновую карту только после щелчка (до этого к картографическому серверу не обращаться)",
    // Needs review by a native speaker (added after the first translation pass).
    embed_controls: "Показывать эти элементы управления",
    // Needs review by a native speaker (added after the first translation pass).
    embed_language_auto: "Язык браузера посетителя",
    // Needs review by a native speaker (added after the first translation pass).
    accessibility_statement: "Заявление о доступности",
    wheel_hint: "Чтобы изменить масштаб, удерживайте Ctrl/Strg (⌘) и прокручивайте",
    touch_hint: "Перемещайте и масштабируйте карту двумя пальцами",
    offer: offer_ru,
    topic: topic_ru,
    umbrella: umbrella_ru,
};

pub fn offer_ru(offer: Offer) -> &'static str {
    match offer {
        Offer::InterculturalOpening => "Межкультурная открытость",
        Offer::NeighbourhoodWork => "Работа в районе проживания",
        Offer::CivicEngagement => "Волонтёрство и гражданская активность",
        Offer::AntidiscriminationWork => "Работа против дискриминации",
        Offer::LanguageCourses => "Доступные языковые курсы",
        Offer::IntegrationGuides => "Помощники по интеграции (волонтёры-сопровождающие)",
        Offer::CulturallySensitiveCare => "Помощь пожилым людям с учётом их культуры и обучение",
        Offer::Counselling => "Консультации",
        Offer::MigrantOrganisations => "Поддержка организаций мигрантов",
        Offer::Networking => "Сотрудничество и сети партнёров",
    }
}

pub fn topic_ru(topic: Topic) -> &'static str {
    match topic {
        Topic::Racism => "Расистская дискриминация",
        Topic::AntiMuslimRacism => "Антимусульманский расизм",
        Topic::AntiBlackRacism => "Расизм против темнокожих людей",
        Topic::Antisemitism => "Антисемитизм",
        Topic::Antiziganism => "Антицыганизм (против синти и рома)",
        Topic::Lgbtiq => "ЛГБТИК*",
        Topic::Sexism => "Сексизм",
        Topic::Age => "Возраст",
        Topic::Disability => "Инвалидность",
        Topic::Work => "Работа",
        Topic::Housing => "Жильё",
        Topic::Education => "Образование",
        Topic::Authorities => "Органы власти",
        Topic::Justice => "Суды и юстиция",
    }
}

/// Association names stay German; a dash adds the explanation (the detail view
/// already puts this label in parentheses).
pub fn umbrella_ru(umbrella: Umbrella) -> &'static str {
    match umbrella {
        Umbrella::Awo => "AWO – Рабочий союз социальной помощи",
        Umbrella::Caritas => "Caritas – католическая организация",
        Umbrella::Diakonie => "Diakonie – евангелическая организация",
        Umbrella::Drk => "DRK – Немецкий Красный Крест",
        Umbrella::Paritaetischer => "Der Paritätische – союз независимых организаций",
        Umbrella::JewishCommunities => "Jüdische Gemeinden – еврейские общины",
        Umbrella::Other => "Другие",
        Umbrella::Unknown => "Не указано",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::i18n::checks::{self, all_strings, is_rtl, COUNTS};

    #[test]
    fn no_string_is_empty_or_has_a_leftover_placeholder() {
        checks::no_string_is_empty_or_has_a_leftover_placeholder(&RU);
    }

    #[test]
    fn vocabulary_labels_are_distinct() {
        checks::vocabulary_labels_are_distinct(&RU);
    }

    #[test]
    fn numbers_in_sentences_are_shown() {
        checks::numbers_in_sentences_are_shown(&RU);
    }

    #[test]
    fn tag_is_bcp47() {
        assert_eq!(RU.lang_tag, "ru");
    }

    #[test]
    fn counts_use_the_right_forms_for_0_1_2_5_21_101() {
        let expected = [
            "Агентства не найдены",
            "Найдено 1 агентство",
            "Найдено 2 агентства",
            "Найдено 5 агентств",
            "Найдено 21 агентство",
            "Найдено 101 агентство",
        ];
        for (n, want) in COUNTS.into_iter().zip(expected) {
            assert_eq!((RU.n_found)(n), want, "n_found({n})");
        }
        let expected = [
            "Нет вариантов",
            "1 вариант",
            "2 варианта",
            "5 вариантов",
            "21 вариант",
            "101 вариант",
        ];
        for (n, want) in COUNTS.into_iter().zip(expected) {
            assert_eq!((RU.n_places)(n), want, "n_places({n})");
        }
        let expected = [
            "0 агентств",
            "1 агентство",
            "2 агентства",
            "5 агентств",
            "21 агентство",
            "101 агентство",
        ];
        for (n, want) in COUNTS.into_iter().zip(expected) {
            assert_eq!((RU.cluster_label)(n), want, "cluster_label({n})");
        }
    }

    #[test]
    fn no_right_to_left_characters() {
        for (field, text) in all_strings(&RU) {
            assert!(!text.chars().any(is_rtl), "{field}: {text}");
        }
    }

    #[test]
    fn plural_forms_in_sentences() {
        assert_eq!((RU.n_skipped)(3), "Не удалось показать 3 записи.");
        assert_eq!((RU.n_skipped)(11), "Не удалось показать 11 записей.");
        assert_eq!(
            (RU.coverage)(12, 214),
            "В списке 12 из примерно 214 интеграционных агентств"
        );
        assert_eq!(
            (RU.coverage)(12, 221),
            "В списке 12 из примерно 221 интеграционного агентства"
        );
        assert_eq!(
            (RU.nearest_instead)(5, 3),
            "В радиусе 5 км нет подходящих агентств. Ближайшие 3 агентства:"
        );
    }
}
