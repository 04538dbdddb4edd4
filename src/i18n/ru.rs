//! Russian (`ru`). Polite address ("вы").
//!
//! Counted nouns take the three Russian forms (CLDR one: 1, 21, 31 …;
//! few: 2–4, 22–24 …; many: 0, 5–20, 25–30 …, 11–14). Dates are written
//! `24.11.2026` (the usual Russian form); decimals use a comma.

use super::Texts;
use ia_core::{Offer, Precision, Topic, Umbrella};

/// The CLDR plural category of a whole number in Russian.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralRu {
    One,
    Few,
    Many,
}

pub fn plural_ru(n: usize) -> PluralRu {
    match (n % 10, n % 100) {
        (1, rem100) if rem100 != 11 => PluralRu::One,
        (2..=4, rem100) if !(12..=14).contains(&rem100) => PluralRu::Few,
        _ => PluralRu::Many,
    }
}

/// The form of a counted word that goes with `n`.
fn pick(n: usize, one: &'static str, few: &'static str, many: &'static str) -> &'static str {
    match plural_ru(n) {
        PluralRu::One => one,
        PluralRu::Few => few,
        PluralRu::Many => many,
    }
}

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
    },
    as_of: |date| format!("Данные по состоянию на {}", date_ru(date)),
    date: date_ru,
    km_unit: "км",
    source: "Источник",
    // "из N …" takes the genitive: singular after 1, 21 …, plural otherwise.
    coverage: |listed, total| {
        let agencies = match plural_ru(total as usize) {
            PluralRu::One => "интеграционного агентства",
            PluralRu::Few | PluralRu::Many => "интеграционных агентств",
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

/// `2026-11-24` → `24.11.2026` (the Russian numeric form, as in German);
/// anything else is returned unchanged.
pub fn date_ru(iso: &str) -> String {
    match iso_parts(iso) {
        Some((year, month, day)) => format!("{day:02}.{month:02}.{year}"),
        None => iso.to_owned(),
    }
}

/// `(year, month 1–12, day 1–31)` of an ISO date `YYYY-MM-DD`.
fn iso_parts(iso: &str) -> Option<(&str, usize, u8)> {
    let (year, rest) = iso.split_once('-')?;
    let (month, day) = rest.split_once('-')?;
    let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
        return None;
    }
    let month = month.parse().ok().filter(|m| (1..=12).contains(m))?;
    let day = day.parse().ok().filter(|d| (1..=31).contains(d))?;
    Some((year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    const COUNTS: [usize; 6] = [0, 1, 2, 5, 21, 101];

    /// Every string of the table, with each function called on sample values,
    /// as (field, text). The pattern names every field of `Texts` (no `..`), so
    /// a field added to `Texts` fails here until the test knows it.
    fn all_strings(t: &'static Texts) -> Vec<(String, String)> {
        let Texts {
            lang_tag,
            app_title,
            app_subtitle,
            skip_to_results,
            loading,
            load_failed,
            retry,
            crashed,
            reload,
            start_over,
            n_found,
            n_skipped,
            show_more: _,
            results_heading,
            map_label,
            view_switch_label,
            view_list,
            view_map,
            map_note_no_tiles,
            map_unavailable,
            data_in_german,
            language_label,
            zoom_in,
            zoom_out,
            language_apply,
            cluster_label,
            servicestelle,
            approximate_position,
            as_of,
            date: _,
            km_unit,
            source,
            coverage,
            data_licence,
            boundaries_attribution,
            error_not_found,
            error_network,
            error_format,
            error_schema,
            technical_details,
            filters_label,
            search_label,
            search_placeholder,
            place_label,
            place_all,
            kreis_suffix,
            place_clear,
            near_label,
            near_placeholder,
            near_clear,
            near_no_match,
            near_hint,
            places_loading,
            places_failed,
            use_location,
            locating,
            location_denied,
            location_unavailable,
            radius_label,
            radius_all,
            radius_km,
            nearest_instead,
            sada_far,
            distance_suffix,
            origin_label,
            decimal_separator,
            place_no_match,
            n_places,
            sada_toggle,
            sada_only,
            preset_label,
            topics_legend,
            offers_legend,
            umbrellas_legend,
            more_filters,
            reset_filters,
            back_to_list,
            carrier_label,
            address_label,
            languages_label,
            call,
            write_email,
            website,
            directions,
            open_in_map_app,
            last_verified,
            report_error,
            get_listed,
            postcodes_attribution,
            download_label,
            about_data,
            open_full_map,
            embed_generator_link,
            embed_title,
            embed_intro,
            embed_lock,
            embed_list,
            embed_list_side,
            embed_list_bottom,
            embed_list_none,
            embed_height,
            embed_snippet,
            embed_copy,
            embed_copied,
            embed_preview,
            embed_iframe_title,
            embed_back,
            skip_map,
            pan_label,
            pan_north,
            pan_south,
            pan_west,
            pan_east,
            load_tiles,
            embed_tiles_on_click,
            wheel_hint,
            touch_hint,
            offer,
            topic,
            umbrella,
        } = t;
        let plain: [(&str, &str); 102] = [
            ("lang_tag", lang_tag),
            ("app_title", app_title),
            ("app_subtitle", app_subtitle),
            ("skip_to_results", skip_to_results),
            ("loading", loading),
            ("load_failed", load_failed),
            ("retry", retry),
            ("crashed", crashed),
            ("reload", reload),
            ("start_over", start_over),
            ("results_heading", results_heading),
            ("map_label", map_label),
            ("view_switch_label", view_switch_label),
            ("view_list", view_list),
            ("view_map", view_map),
            ("map_note_no_tiles", map_note_no_tiles),
            ("map_unavailable", map_unavailable),
            ("data_in_german", data_in_german),
            ("km_unit", km_unit),
            ("language_label", language_label),
            ("zoom_in", zoom_in),
            ("zoom_out", zoom_out),
            ("language_apply", language_apply),
            ("servicestelle", servicestelle),
            ("source", source),
            ("data_licence", data_licence),
            ("boundaries_attribution", boundaries_attribution),
            ("error_network", error_network),
            ("error_format", error_format),
            ("error_schema", error_schema),
            ("technical_details", technical_details),
            ("filters_label", filters_label),
            ("search_label", search_label),
            ("search_placeholder", search_placeholder),
            ("place_label", place_label),
            ("place_all", place_all),
            ("kreis_suffix", kreis_suffix),
            ("place_clear", place_clear),
            ("near_label", near_label),
            ("near_placeholder", near_placeholder),
            ("near_clear", near_clear),
            ("near_no_match", near_no_match),
            ("near_hint", near_hint),
            ("places_loading", places_loading),
            ("places_failed", places_failed),
            ("use_location", use_location),
            ("locating", locating),
            ("location_denied", location_denied),
            ("location_unavailable", location_unavailable),
            ("radius_label", radius_label),
            ("radius_all", radius_all),
            ("distance_suffix", distance_suffix),
            ("place_no_match", place_no_match),
            ("sada_toggle", sada_toggle),
            ("sada_only", sada_only),
            ("preset_label", preset_label),
            ("topics_legend", topics_legend),
            ("offers_legend", offers_legend),
            ("umbrellas_legend", umbrellas_legend),
            ("more_filters", more_filters),
            ("reset_filters", reset_filters),
            ("back_to_list", back_to_list),
            ("carrier_label", carrier_label),
            ("address_label", address_label),
            ("languages_label", languages_label),
            ("call", call),
            ("write_email", write_email),
            ("website", website),
            ("directions", directions),
            ("open_in_map_app", open_in_map_app),
            ("last_verified", last_verified),
            ("report_error", report_error),
            ("get_listed", get_listed),
            ("postcodes_attribution", postcodes_attribution),
            ("download_label", download_label),
            ("about_data", about_data),
            ("open_full_map", open_full_map),
            ("embed_generator_link", embed_generator_link),
            ("embed_title", embed_title),
            ("embed_intro", embed_intro),
            ("embed_lock", embed_lock),
            ("embed_list", embed_list),
            ("embed_list_side", embed_list_side),
            ("embed_list_bottom", embed_list_bottom),
            ("embed_list_none", embed_list_none),
            ("embed_height", embed_height),
            ("embed_snippet", embed_snippet),
            ("embed_copy", embed_copy),
            ("embed_copied", embed_copied),
            ("embed_preview", embed_preview),
            ("embed_iframe_title", embed_iframe_title),
            ("embed_back", embed_back),
            ("skip_map", skip_map),
            ("pan_label", pan_label),
            ("pan_north", pan_north),
            ("pan_south", pan_south),
            ("pan_west", pan_west),
            ("pan_east", pan_east),
            ("load_tiles", load_tiles),
            ("embed_tiles_on_click", embed_tiles_on_click),
            ("wheel_hint", wheel_hint),
            ("touch_hint", touch_hint),
        ];
        let mut out: Vec<(String, String)> = plain
            .iter()
            .map(|(field, text)| (field.to_string(), text.to_string()))
            .collect();
        for n in COUNTS {
            out.push((format!("n_found({n})"), n_found(n)));
        }
        for n in COUNTS {
            out.push((format!("n_skipped({n})"), n_skipped(n)));
        }
        for n in COUNTS {
            out.push((format!("cluster_label({n})"), cluster_label(n)));
        }
        for &p in Precision::ALL {
            out.push((
                format!("approximate_position({p:?})"),
                approximate_position(p).to_string(),
            ));
        }
        out.push(("as_of".into(), as_of("2026-11-24")));
        for n in COUNTS {
            for total in [1, 2, 5, 21, 101, 214] {
                out.push((format!("coverage({n}, {total})"), coverage(n, total)));
            }
        }
        for r in [5, 10, 25, 50, 404, 500] {
            out.push((format!("error_not_found({r})"), error_not_found(r)));
        }
        for r in [5, 10, 25, 50, 404, 500] {
            out.push((format!("radius_km({r})"), radius_km(r)));
        }
        for r in [5, 50] {
            for n in COUNTS {
                out.push((format!("nearest_instead({r}, {n})"), nearest_instead(r, n)));
            }
        }
        out.push(("sada_far".into(), sada_far("12 km")));
        out.push(("origin_label".into(), origin_label("Köln")));
        assert!(
            matches!(decimal_separator, ',' | '.' | '\u{066B}'),
            "decimal_separator"
        );
        for n in COUNTS {
            out.push((format!("n_places({n})"), n_places(n)));
        }
        for &v in Offer::ALL {
            out.push((format!("offer({v:?})"), offer(v).to_string()));
        }
        for &v in Topic::ALL {
            out.push((format!("topic({v:?})"), topic(v).to_string()));
        }
        for &v in Umbrella::ALL {
            out.push((format!("umbrella({v:?})"), umbrella(v).to_string()));
        }
        out
    }

    fn is_rtl(c: char) -> bool {
        matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
    }

    #[test]
    fn no_string_is_empty_or_has_a_leftover_placeholder() {
        for (field, text) in all_strings(&RU) {
            assert!(!text.trim().is_empty(), "{field} is empty");
            assert!(
                !text.contains('{') && !text.contains('}'),
                "{field}: {text}"
            );
            assert!(
                !text.contains(" \u{200C}") && !text.contains("\u{200C} "),
                "{field}: stray ZWNJ"
            );
        }
    }

    #[test]
    fn vocabulary_labels_are_distinct() {
        fn distinct<T: Copy>(all: &[T], label: fn(T) -> &'static str) {
            let mut seen = std::collections::HashSet::new();
            for &value in all {
                assert!(
                    seen.insert(label(value)),
                    "duplicate label {}",
                    label(value)
                );
            }
        }
        distinct(Offer::ALL, RU.offer);
        distinct(Topic::ALL, RU.topic);
        distinct(Umbrella::ALL, RU.umbrella);
    }

    #[test]
    fn numbers_in_sentences_are_shown() {
        for n in [5, 21, 101] {
            for f in [RU.n_found, RU.n_skipped, RU.cluster_label, RU.n_places] {
                assert!(f(n).contains(&n.to_string()), "{}", f(n));
            }
            assert!((RU.nearest_instead)(25, n).contains(&n.to_string()));
        }
        assert!((RU.coverage)(12, 214).contains("12"));
        assert!((RU.coverage)(12, 214).contains("214"));
        assert!((RU.error_not_found)(404).contains("404"));
        assert!((RU.radius_km)(25).contains("25"));
        assert!((RU.sada_far)("12 km").contains("12 km"));
        assert!((RU.origin_label)("Köln").contains("Köln"));
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
    fn dates() {
        assert_eq!(date_ru("2026-11-24"), "24.11.2026");
        assert_eq!(date_ru("2026-03-05"), "05.03.2026");
        for not_a_date in [
            "bald",
            "",
            "2026-13-01",
            "2026-11-32",
            "2026-1-24",
            "26-11-24",
            "2026-+1-24",
        ] {
            assert_eq!(date_ru(not_a_date), not_a_date);
        }
        assert!((RU.as_of)("2026-11-24").contains(&date_ru("2026-11-24")));
    }

    #[test]
    fn no_right_to_left_characters() {
        for (field, text) in all_strings(&RU) {
            assert!(!text.chars().any(is_rtl), "{field}: {text}");
        }
    }

    #[test]
    fn plural_categories_follow_cldr() {
        use PluralRu::*;
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
            assert_eq!(plural_ru(n), want, "{n}");
        }
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
