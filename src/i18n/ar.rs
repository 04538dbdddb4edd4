//! Arabic (`ar`, right to left), Modern Standard Arabic.
//!
//! Digits: Western (0–9) everywhere. Postcodes, phone numbers, distances and
//! the counts drawn by other code (list tab, cluster icons) are Western
//! digits, German letters and forms use them, and much of the Arab world
//! (the Maghreb) writes them natively; mixing two digit sets on one screen
//! would be worse than either. Decimal separator: '.', which is what goes
//! with Western digits in Arabic (CLDR `ar` with Latin digits).
//!
//! Dates: "24 نوفمبر 2026" (day, Gregorian month name, year). The month names
//! are the widespread ones (يناير … ديسمبر) understood across the region;
//! the Levantine names (تشرين الثاني …) are not used.
//!
//! Counted nouns follow the Arabic rules (CLDR categories zero, one, two,
//! few = 3–10, many = 11–99, other = 100–102 …, all by `n % 100`).

use super::Texts;
use ia_core::{Offer, Precision, Topic, Umbrella};

/// The CLDR plural category of a whole number in Arabic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralAr {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

pub fn plural_ar(n: usize) -> PluralAr {
    match (n, n % 100) {
        (0, _) => PluralAr::Zero,
        (1, _) => PluralAr::One,
        (2, _) => PluralAr::Two,
        (_, 3..=10) => PluralAr::Few,
        (_, 11..=99) => PluralAr::Many,
        _ => PluralAr::Other,
    }
}

pub static AR: Texts = Texts {
    lang_tag: "ar",
    app_title: "وكالات الاندماج في ولاية شمال الراين-وستفاليا",
    app_subtitle: "استشارات وخدمات للأشخاص ذوي الخلفية المهاجرة – ابحث عن وكالة قريبة منك.",
    skip_to_results: "الانتقال إلى قائمة النتائج",
    loading: "جارٍ تحميل البيانات …",
    load_failed: "تعذّر تحميل قائمة وكالات الاندماج.",
    retry: "إعادة المحاولة",
    crashed: "حدث خطأ ما.",
    reload: "إعادة تحميل الصفحة",
    // Needs review by a native speaker (added after the first translation pass).
    start_over: "البدء من جديد (بدون تصفية)",
    n_found: |n| match plural_ar(n) {
        PluralAr::Zero => "لم يتم العثور على أي وكالة".into(),
        PluralAr::One => "تم العثور على وكالة واحدة".into(),
        PluralAr::Two => "تم العثور على وكالتين".into(),
        PluralAr::Few => format!("تم العثور على {n} وكالات"),
        PluralAr::Many | PluralAr::Other => format!("تم العثور على {n} وكالة"),
    },
    n_skipped: |n| match plural_ar(n) {
        PluralAr::Zero => "تم عرض جميع الإدخالات.".into(),
        PluralAr::One => "تعذّر عرض إدخال واحد.".into(),
        PluralAr::Two => "تعذّر عرض إدخالين.".into(),
        PluralAr::Few => format!("تعذّر عرض {n} إدخالات."),
        PluralAr::Many => format!("تعذّر عرض {n} إدخالًا."),
        PluralAr::Other => format!("تعذّر عرض {n} إدخال."),
    },
    // Needs review by a native speaker (added after the first translation pass).
    show_more: |n| format!("عرض المزيد ({n})"),
    results_heading: "النتائج",
    map_label: "خريطة وكالات الاندماج",
    view_switch_label: "طريقة العرض",
    view_list: "القائمة",
    view_map: "الخريطة",
    map_note_no_tiles: "تعذّر الوصول إلى الخريطة الأساسية – الحدود والمواقع والقائمة ما زالت تعمل.",
    map_unavailable: "تعذّر تحميل الخريطة – القائمة والمرشحات ما زالت تعمل.",
    // Needs review by a native speaker (added after the first translation pass).
    data_in_german: "تظهر أسماء الوكالات وعناوينها وتفاصيلها باللغة الألمانية كما تنشرها الوكالات.",
    language_label: "اللغة / Sprache",
    // Needs review by a native speaker (added after the first translation pass).
    zoom_in: "تكبير",
    zoom_out: "تصغير",
    language_apply: "تغيير",
    cluster_label: |n| match plural_ar(n) {
        PluralAr::Zero => "لا توجد وكالات".into(),
        PluralAr::One => "وكالة واحدة".into(),
        PluralAr::Two => "وكالتان".into(),
        PluralAr::Few => format!("{n} وكالات"),
        PluralAr::Many | PluralAr::Other => format!("{n} وكالة"),
    },
    servicestelle: "مركز استشارات مناهضة التمييز",
    approximate_position: |precision| match precision {
        Precision::Address => "الموقع: حسب العنوان",
        Precision::Postcode => "الموقع تقريبي (وسط منطقة الرمز البريدي)",
        Precision::Municipality => "الموقع تقريبي (وسط البلدية)",
    },
    as_of: |date| format!("تاريخ البيانات: {}", date_ar(date)),
    date: date_ar,
    km_unit: "كم",
    source: "المصدر",
    // "Number of listed agencies: 12 of about 214" needs no counted noun.
    coverage: |listed, total| format!("عدد وكالات الاندماج المدرجة: {listed} من أصل نحو {total}"),
    data_licence: "ترخيص البيانات",
    boundaries_attribution: "الحدود: © GeoBasis-DE / BKG (2017)، dl-de/by-2-0",
    error_not_found: |status| format!("ردّ الخادم برمز الخطأ {status}."),
    error_network: "لا يوجد اتصال بالخادم.",
    error_format: "الملف تالف أو بتنسيق غير معروف.",
    error_schema: "لا يستطيع هذا التطبيق قراءة إصدار هذا الملف.",
    technical_details: "تفاصيل تقنية",
    filters_label: "تصفية الوكالات",
    search_label: "البحث بالاسم أو الجهة المشغّلة أو العنوان",
    search_placeholder: "مثلًا Caritas أو Köln",
    place_label: "مدينة أو بلدية أو دائرة",
    place_all: "كامل الولاية (NRW)",
    kreis_suffix: " (دائرة)",
    place_clear: "إلغاء تحديد المكان (كامل الولاية)",
    near_label: "بالقرب من (الرمز البريدي أو المكان)",
    near_placeholder: "مثلًا 50667 أو Bergheim",
    near_clear: "إزالة المكان المستخدم لحساب المسافات",
    near_no_match: "لم يُعثر على رمز بريدي أو مكان في الولاية",
    near_hint: "أدخل الرمز البريدي أو اسم المكان",
    places_loading: "جارٍ تحميل الأماكن …",
    places_failed: "تعذّر تحميل قائمة الأماكن.",
    use_location: "استخدام موقعي",
    locating: "جارٍ تحديد موقعك …",
    location_denied: "لم يُسمح بمشاركة موقعك. يُرجى إدخال رمزك البريدي أو اسم مدينتك.",
    location_unavailable: "تعذّر تحديد موقعك. يُرجى إدخال رمزك البريدي أو اسم مدينتك.",
    radius_label: "نطاق البحث:",
    radius_all: "كامل الولاية",
    radius_km: |r| format!("{r} كم"),
    nearest_instead: |r, n| {
        let nearest = match plural_ar(n) {
            PluralAr::Zero => "لا توجد وكالات أخرى.".to_owned(),
            PluralAr::One => "فيما يلي أقرب وكالة:".to_owned(),
            PluralAr::Two => "فيما يلي أقرب وكالتين:".to_owned(),
            PluralAr::Few => format!("فيما يلي أقرب {n} وكالات:"),
            PluralAr::Many | PluralAr::Other => format!("فيما يلي أقرب {n} وكالة:"),
        };
        format!("لا توجد وكالة مناسبة ضمن نطاق {r} كم. {nearest}")
    },
    sada_far: |distance| format!("تقدّم مراكز استشارات مناهضة التمييز خدماتها عادةً لمنطقة كاملة. وأقرب مركز (على بعد {distance}) في خدمتك أيضًا."),
    distance_suffix: " من نقطة الانطلاق",
    origin_label: |place| format!("نقطة الانطلاق لحساب المسافات: {place}"),
    decimal_separator: '.',
    place_no_match: "لم يُعثر على مكان فيه وكالة اندماج",
    n_places: |n| match plural_ar(n) {
        PluralAr::Zero => "لا توجد اقتراحات".into(),
        PluralAr::One => "اقتراح واحد".into(),
        PluralAr::Two => "اقتراحان".into(),
        PluralAr::Few => format!("{n} اقتراحات"),
        PluralAr::Many => format!("{n} اقتراحًا"),
        PluralAr::Other => format!("{n} اقتراح"),
    },
    sada_toggle: "مراكز استشارات مناهضة التمييز فقط",
    sada_only: "مراكز استشارات مناهضة التمييز فقط",
    preset_label: "اختيار ثابت:",
    topics_legend: "مجالات الاستشارة",
    offers_legend: "الخدمات",
    umbrellas_legend: "جمعية الرعاية الاجتماعية",
    more_filters: "مرشحات إضافية: الخدمات والجمعيات",
    reset_filters: "إعادة ضبط جميع المرشحات",
    back_to_list: "العودة إلى القائمة",
    carrier_label: "الجهة المشغّلة",
    address_label: "العنوان",
    languages_label: "لغات الاستشارة",
    call: "اتصال:",
    write_email: "البريد الإلكتروني:",
    website: "الموقع الإلكتروني:",
    directions: "تخطيط المسار (OpenStreetMap)",
    open_in_map_app: "فتح في تطبيق الخرائط",
    last_verified: "تاريخ آخر تحقق:",
    report_error: "الإبلاغ عن خطأ",
    // Needs review by a native speaker (added after the first translation pass).
    get_listed: "وكالتكم غير موجودة أو هناك معلومة خاطئة؟ أخبرونا.",
    postcodes_attribution: "الرموز البريدية: GeoNames، CC BY 4.0",
    download_label: "تنزيل القائمة المعروضة:",
    about_data: "المصدر والترخيص وبيانات الخريطة",
    open_full_map: "فتح الخريطة الكاملة (نافذة جديدة)",
    embed_generator_link: "تضمين الخريطة في موقعك الإلكتروني",
    embed_title: "تضمين الخريطة في موقعك الإلكتروني",
    embed_intro: "اختر إعدادًا مسبقًا، وتحقّق من المعاينة، ثم انسخ الرمز إلى صفحتك. لا تستخدم الخريطة ملفات تعريف الارتباط (الكوكيز).",
    embed_lock: "تثبيت الإعداد المسبق للزوار (لن يتمكّنوا عندها من تغيير المكان أو اختيار مراكز مناهضة التمييز)",
    embed_list: "القائمة",
    embed_list_side: "بجانب الخريطة",
    embed_list_bottom: "أسفل الخريطة",
    embed_list_none: "بدون قائمة",
    embed_height: "الارتفاع بالبكسل (يتكيّف تلقائيًا عند استخدام السكربت)",
    embed_snippet: "رمز التضمين",
    embed_copy: "نسخ الرمز",
    embed_copied: "تم النسخ.",
    embed_preview: "معاينة",
    embed_iframe_title: "وكالات الاندماج في شمال الراين-وستفاليا – خريطة",
    embed_back: "العودة إلى الخريطة",
    skip_map: "تخطي الخريطة",
    pan_label: "تحريك الخريطة",
    pan_north: "إلى الشمال",
    pan_south: "إلى الجنوب",
    pan_west: "إلى الغرب",
    pan_east: "إلى الشرق",
    load_tiles: "تحميل الخريطة الأساسية (من خادم الخرائط)",
    embed_tiles_on_click: "تحميل الخريطة الأساسية بعد النقر فقط (دون أي طلب إلى خادم الخرائط قبل ذلك)",
    wheel_hint: "للتكبير أو التصغير اضغط باستمرار على Ctrl/Strg (⌘) ومرّر العجلة",
    touch_hint: "حرّك الخريطة وكبّرها بإصبعين",
    offer: offer_ar,
    topic: topic_ar,
    umbrella: umbrella_ar,
};

pub fn offer_ar(offer: Offer) -> &'static str {
    match offer {
        Offer::InterculturalOpening => "الانفتاح بين الثقافات",
        Offer::NeighbourhoodWork => "العمل في الأحياء السكنية",
        Offer::CivicEngagement => "العمل التطوعي والمشاركة المدنية",
        Offer::AntidiscriminationWork => "العمل ضد التمييز",
        Offer::LanguageCourses => "دورات لغة سهلة الوصول",
        Offer::IntegrationGuides => "مرشدو الاندماج (متطوعون يرافقونك)",
        Offer::CulturallySensitiveCare => "رعاية المسنين المراعية للثقافات والتأهيل",
        Offer::Counselling => "الاستشارة",
        Offer::MigrantOrganisations => "دعم منظمات المهاجرين",
        Offer::Networking => "التشبيك والتعاون",
    }
}

pub fn topic_ar(topic: Topic) -> &'static str {
    match topic {
        Topic::Racism => "التمييز العنصري",
        Topic::AntiMuslimRacism => "العنصرية ضد المسلمين",
        Topic::AntiBlackRacism => "العنصرية ضد السود",
        Topic::Antisemitism => "معاداة السامية",
        Topic::Antiziganism => "العنصرية ضد السنتي والروما",
        Topic::Lgbtiq => "مجتمع الميم (LGBTIQ*)",
        Topic::Sexism => "التمييز على أساس الجنس",
        Topic::Age => "العمر",
        Topic::Disability => "الإعاقة",
        Topic::Work => "العمل",
        Topic::Housing => "السكن",
        Topic::Education => "التعليم",
        Topic::Authorities => "الدوائر الحكومية",
        Topic::Justice => "القضاء",
    }
}

/// Association names stay German; a dash adds the explanation (the detail view
/// already puts this label in parentheses).
pub fn umbrella_ar(umbrella: Umbrella) -> &'static str {
    match umbrella {
        Umbrella::Awo => "AWO – جمعية رعاية العمال",
        Umbrella::Caritas => "Caritas – كاثوليكية",
        Umbrella::Diakonie => "Diakonie – إنجيلية (بروتستانتية)",
        Umbrella::Drk => "DRK – الصليب الأحمر الألماني",
        Umbrella::Paritaetischer => "Der Paritätische – اتحاد الجمعيات المستقلة",
        Umbrella::JewishCommunities => "Jüdische Gemeinden – الجاليات اليهودية",
        Umbrella::Other => "أخرى",
        Umbrella::Unknown => "غير محدد",
    }
}

/// `2026-11-24` → `24 نوفمبر 2026` (Western digits); anything else is
/// returned unchanged.
pub fn date_ar(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ];
    iso_parts(iso)
        .and_then(|(year, month, day)| Some(format!("{day} {} {year}", MONTHS.get(month - 1)?)))
        .unwrap_or_else(|| iso.to_owned())
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
        for (field, text) in all_strings(&AR) {
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
        distinct(Offer::ALL, AR.offer);
        distinct(Topic::ALL, AR.topic);
        distinct(Umbrella::ALL, AR.umbrella);
    }

    #[test]
    fn numbers_in_sentences_are_shown() {
        for n in [5, 21, 101] {
            for f in [AR.n_found, AR.n_skipped, AR.cluster_label, AR.n_places] {
                assert!(f(n).contains(&n.to_string()), "{}", f(n));
            }
            assert!((AR.nearest_instead)(25, n).contains(&n.to_string()));
        }
        assert!((AR.coverage)(12, 214).contains("12"));
        assert!((AR.coverage)(12, 214).contains("214"));
        assert!((AR.error_not_found)(404).contains("404"));
        assert!((AR.radius_km)(25).contains("25"));
        assert!((AR.sada_far)("12 km").contains("12 km"));
        assert!((AR.origin_label)("Köln").contains("Köln"));
    }

    #[test]
    fn tag_is_bcp47() {
        assert_eq!(AR.lang_tag, "ar");
    }

    #[test]
    fn counts_use_the_right_forms_for_0_1_2_5_21_101() {
        let expected = [
            "لم يتم العثور على أي وكالة",
            "تم العثور على وكالة واحدة",
            "تم العثور على وكالتين",
            "تم العثور على 5 وكالات",
            "تم العثور على 21 وكالة",
            "تم العثور على 101 وكالة",
        ];
        for (n, want) in COUNTS.into_iter().zip(expected) {
            assert_eq!((AR.n_found)(n), want, "n_found({n})");
        }
        let expected = [
            "لا توجد اقتراحات",
            "اقتراح واحد",
            "اقتراحان",
            "5 اقتراحات",
            "21 اقتراحًا",
            "101 اقتراح",
        ];
        for (n, want) in COUNTS.into_iter().zip(expected) {
            assert_eq!((AR.n_places)(n), want, "n_places({n})");
        }
        let expected = [
            "لا توجد وكالات",
            "وكالة واحدة",
            "وكالتان",
            "5 وكالات",
            "21 وكالة",
            "101 وكالة",
        ];
        for (n, want) in COUNTS.into_iter().zip(expected) {
            assert_eq!((AR.cluster_label)(n), want, "cluster_label({n})");
        }
    }

    #[test]
    fn dates() {
        assert_eq!(date_ar("2026-11-24"), "24 نوفمبر 2026");
        assert_eq!(date_ar("2026-03-05"), "5 مارس 2026");
        for not_a_date in [
            "bald",
            "",
            "2026-13-01",
            "2026-11-32",
            "2026-1-24",
            "26-11-24",
            "2026-+1-24",
        ] {
            assert_eq!(date_ar(not_a_date), not_a_date);
        }
        assert!((AR.as_of)("2026-11-24").contains(&date_ar("2026-11-24")));
    }

    #[test]
    fn every_string_is_right_to_left_text() {
        for (field, text) in all_strings(&AR) {
            if field != "lang_tag" {
                assert!(
                    text.chars().any(is_rtl),
                    "{field} has no RTL letter: {text}"
                );
            }
        }
    }

    #[test]
    fn letters_are_the_arabic_forms() {
        for (field, text) in all_strings(&AR) {
            assert!(!text.contains(['\u{06CC}', '\u{06A9}']), "{field}: {text}");
        }
    }

    #[test]
    fn plural_categories_follow_cldr() {
        use PluralAr::*;
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
        assert_eq!((AR.n_skipped)(11), "تعذّر عرض 11 إدخالًا.");
        assert_eq!((AR.n_skipped)(3), "تعذّر عرض 3 إدخالات.");
        assert_eq!(
            (AR.nearest_instead)(5, 2),
            "لا توجد وكالة مناسبة ضمن نطاق 5 كم. فيما يلي أقرب وكالتين:"
        );
    }
}
