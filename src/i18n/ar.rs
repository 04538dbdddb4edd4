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

use super::{iso_parts, Texts};
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
        Precision::Kreis => "Approximate position (centre of the district; exact address unknown)" /* Needs review by a native speaker: English placeholder */,
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
    // Needs review by a native speaker (added after the first translation pass).
    filters_toggle: "عوامل التصفية",
    // Needs review by a native speaker (added after the first translation pass).
    needs_js: "تحتاج الخريطة وعوامل التصفية إلى JavaScript؛ جميع الوكالات مدرجة هنا مع العنوان وبيانات الاتصال.",
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
    // Needs review by a native speaker (added after the first translation pass).
    embed_controls: "إظهار عناصر التحكم هذه",
    // Needs review by a native speaker (added after the first translation pass).
    embed_language_auto: "لغة متصفح الزائر",
    // Needs review by a native speaker (added after the first translation pass).
    accessibility_statement: "بيان إمكانية الوصول",
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

#[cfg(test)]
mod tests {
    use super::*;

    use crate::i18n::checks::{self, all_strings, is_rtl, COUNTS};

    #[test]
    fn no_string_is_empty_or_has_a_leftover_placeholder() {
        checks::no_string_is_empty_or_has_a_leftover_placeholder(&AR);
    }

    #[test]
    fn vocabulary_labels_are_distinct() {
        checks::vocabulary_labels_are_distinct(&AR);
    }

    #[test]
    fn numbers_in_sentences_are_shown() {
        checks::numbers_in_sentences_are_shown(&AR);
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
        for not_a_date in crate::i18n::NOT_DATES {
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
