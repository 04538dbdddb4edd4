//! Persian/Farsi (`fa`, right to left), standard written Persian (also
//! readable for Dari speakers). Polite address ("شما").
//!
//! Digits: Western (0–9), for the same reason as in Arabic: postcodes, phone
//! numbers, distances and the counts drawn by other code are Western digits,
//! and German letters and forms use them. Decimal separator: '.', which goes
//! with Western digits in Persian (CLDR `fa` with Latin digits); the Persian
//! momayyez '٫' belongs with Persian digits.
//!
//! Dates: Gregorian, "24 نوامبر 2026" (day, Persian name of the Gregorian
//! month, year). German offices use the Gregorian calendar, so no Solar Hijri
//! date is shown. Nouns after a numeral stay singular ("5 آژانس"): counts
//! need no plural forms, only a wording for 0.

use super::{iso_parts, Texts};
use ia_core::{Offer, Precision, Topic, Umbrella};

pub static FA: Texts = Texts {
    lang_tag: "fa",
    app_title: "آژانس‌های ادغام در ایالت نوردراین-وستفالن",
    app_subtitle: "مشاوره و خدمات برای افراد دارای پیشینهٔ مهاجرت – آژانسی نزدیک به محل زندگی خود پیدا کنید.",
    skip_to_results: "رفتن به فهرست نتایج",
    loading: "در حال بارگیری داده‌ها …",
    load_failed: "فهرست آژانس‌های ادغام بارگیری نشد.",
    retry: "تلاش دوباره",
    crashed: "مشکلی پیش آمد.",
    reload: "بارگیری دوبارهٔ صفحه",
    // Needs review by a native speaker (added after the first translation pass).
    start_over: "شروع دوباره (بدون فیلتر)",
    n_found: |n| match n {
        0 => "هیچ آژانسی پیدا نشد".into(),
        n => format!("{n} آژانس پیدا شد"),
    },
    n_skipped: |n| match n {
        0 => "همهٔ موارد نمایش داده شد.".into(),
        n => format!("{n} مورد قابل نمایش نبود."),
    },
    // Needs review by a native speaker (added after the first translation pass).
    show_more: |n| format!("نمایش موارد بیشتر ({n})"),
    results_heading: "نتایج",
    map_label: "نقشهٔ آژانس‌های ادغام",
    view_switch_label: "نحوهٔ نمایش",
    view_list: "فهرست",
    view_map: "نقشه",
    map_note_no_tiles: "نقشهٔ زمینه در دسترس نیست – مرزها، مکان‌ها و فهرست همچنان کار می‌کنند.",
    map_unavailable: "نقشه بارگیری نشد – فهرست و فیلترها همچنان کار می‌کنند.",
    // Needs review by a native speaker (added after the first translation pass).
    data_in_german: "نام، نشانی و جزئیات مراکز به زبان آلمانی نمایش داده می‌شود، همان‌گونه که خود مراکز منتشر کرده‌اند.",
    language_label: "زبان / Sprache",
    // Needs review by a native speaker (added after the first translation pass).
    zoom_in: "بزرگ‌نمایی",
    zoom_out: "کوچک‌نمایی",
    language_apply: "تغییر",
    cluster_label: |n| format!("{n} آژانس"),
    servicestelle: "مرکز مشاورهٔ ضد تبعیض",
    approximate_position: |precision| match precision {
        Precision::Address => "موقعیت: بر اساس نشانی",
        Precision::Postcode => "موقعیت تقریبی (مرکز محدودهٔ کد پستی)",
        Precision::Municipality => "موقعیت تقریبی (مرکز محدودهٔ شهرداری)",
        Precision::Kreis => "Approximate position (centre of the district; exact address unknown)" /* Needs review by a native speaker: English placeholder */,
    },
    as_of: |date| format!("تاریخ داده‌ها: {}", date_fa(date)),
    date: date_fa,
    km_unit: "کیلومتر",
    source: "منبع",
    coverage: |listed, total| format!("{listed} آژانس از حدود {total} آژانس ادغام در این فهرست آمده است"),
    data_licence: "مجوز داده‌ها",
    boundaries_attribution: "مرزها: © GeoBasis-DE / BKG (2017)، dl-de/by-2-0",
    error_not_found: |status| format!("سرور با خطای {status} پاسخ داد."),
    error_network: "اتصال به سرور برقرار نیست.",
    error_format: "فایل خراب است یا قالب ناشناخته‌ای دارد.",
    error_schema: "این برنامه نمی‌تواند این نسخه از فایل را بخواند.",
    technical_details: "جزئیات فنی",
    filters_label: "فیلتر کردن آژانس‌ها",
    search_label: "جستجو بر اساس نام، سازمان مجری یا نشانی",
    search_placeholder: "مثلاً Caritas یا Köln",
    place_label: "شهر، شهرداری یا شهرستان",
    place_all: "کل ایالت (NRW)",
    kreis_suffix: " (شهرستان)",
    place_clear: "حذف مکان (کل ایالت)",
    near_label: "نزدیک به (کد پستی یا نام مکان)",
    near_placeholder: "مثلاً 50667 یا Bergheim",
    near_clear: "حذف مکانی که فاصله‌ها از آن حساب می‌شود",
    near_no_match: "هیچ کد پستی یا مکانی در این ایالت پیدا نشد",
    near_hint: "کد پستی یا نام مکان را وارد کنید",
    places_loading: "در حال بارگیری مکان‌ها …",
    places_failed: "فهرست مکان‌ها بارگیری نشد.",
    use_location: "استفاده از موقعیت من",
    locating: "در حال تعیین موقعیت شما …",
    location_denied: "اجازهٔ دسترسی به موقعیت شما داده نشده است. لطفاً کد پستی یا نام محل زندگی خود را وارد کنید.",
    location_unavailable: "موقعیت شما تعیین نشد. لطفاً کد پستی یا نام محل زندگی خود را وارد کنید.",
    radius_label: "شعاع:",
    radius_all: "کل ایالت",
    radius_km: |r| format!("{r} کیلومتر"),
    nearest_instead: |r, n| match n {
        1 => format!("در شعاع {r} کیلومتری هیچ آژانس مناسبی نیست. نزدیک‌ترین آژانس:"),
        n => format!("در شعاع {r} کیلومتری هیچ آژانس مناسبی نیست. نزدیک‌ترین {n} آژانس:"),
    },
    sada_far: |distance| format!("مراکز مشاورهٔ ضد تبعیض معمولاً به یک منطقهٔ کامل خدمات می‌دهند. نزدیک‌ترین مرکز (با فاصلهٔ {distance}) هم آمادهٔ کمک به شماست."),
    distance_suffix: " فاصله",
    origin_label: |place| format!("نقطهٔ شروع برای محاسبهٔ فاصله: {place}"),
    decimal_separator: '.',
    place_no_match: "هیچ مکانی با آژانس ادغام پیدا نشد",
    n_places: |n| match n {
        0 => "پیشنهادی نیست".into(),
        n => format!("{n} پیشنهاد"),
    },
    sada_toggle: "فقط مراکز مشاورهٔ ضد تبعیض",
    sada_only: "فقط مراکز مشاورهٔ ضد تبعیض",
    preset_label: "انتخاب ثابت:",
    topics_legend: "موضوعات مشاوره",
    offers_legend: "خدمات",
    umbrellas_legend: "سازمان رفاه اجتماعی",
    more_filters: "فیلترهای بیشتر: خدمات و سازمان‌ها",
    // Needs review by a native speaker (added after the first translation pass).
    filters_toggle: "فیلترها",
    // Needs review by a native speaker (added after the first translation pass).
    needs_js: "نقشه و فیلترها به JavaScript نیاز دارند؛ همهٔ آژانس‌ها با نشانی و اطلاعات تماس اینجا آمده‌اند.",
    reset_filters: "حذف همهٔ فیلترها",
    back_to_list: "بازگشت به فهرست",
    carrier_label: "سازمان مجری",
    address_label: "نشانی",
    languages_label: "زبان‌های مشاوره",
    call: "تماس:",
    write_email: "ایمیل:",
    website: "وب‌سایت:",
    directions: "مسیریابی (OpenStreetMap)",
    open_in_map_app: "باز کردن در برنامهٔ نقشه",
    last_verified: "آخرین بررسی:",
    report_error: "گزارش خطا",
    // Needs review by a native speaker (added after the first translation pass).
    get_listed: "مرکز شما در فهرست نیست یا اطلاعاتی نادرست است؟ به ما اطلاع دهید.",
    postcodes_attribution: "کدهای پستی: GeoNames، CC BY 4.0",
    download_label: "دانلود فهرست نمایش‌داده‌شده:",
    about_data: "منبع، مجوز و داده‌های نقشه",
    open_full_map: "باز کردن نقشهٔ کامل (پنجرهٔ جدید)",
    embed_generator_link: "نمایش این نقشه در وب‌سایت شما",
    embed_title: "افزودن نقشه به وب‌سایت شما",
    embed_intro: "یک تنظیم پیش‌فرض انتخاب کنید، پیش‌نمایش را بررسی کنید و کد را در صفحهٔ خود کپی کنید. این نقشه کوکی ذخیره نمی‌کند.",
    embed_lock: "ثابت کردن تنظیم برای بازدیدکنندگان (در این صورت مکان و انتخاب مراکز ضد تبعیض قابل تغییر نیست)",
    embed_list: "فهرست",
    embed_list_side: "کنار نقشه",
    embed_list_bottom: "زیر نقشه",
    embed_list_none: "بدون فهرست",
    embed_height: "ارتفاع به پیکسل (با اسکریپت به‌طور خودکار تنظیم می‌شود)",
    embed_snippet: "کد افزودن",
    embed_copy: "کپی کد",
    embed_copied: "کپی شد.",
    embed_preview: "پیش‌نمایش",
    embed_iframe_title: "آژانس‌های ادغام در نوردراین-وستفالن – نقشه",
    embed_back: "بازگشت به نقشه",
    skip_map: "رد شدن از نقشه",
    pan_label: "جابه‌جایی نقشه",
    pan_north: "به شمال",
    pan_south: "به جنوب",
    pan_west: "به غرب",
    pan_east: "به شرق",
    load_tiles: "بارگیری نقشهٔ زمینه (از سرور نقشه)",
    embed_tiles_on_click: "بارگیری نقشهٔ زمینه فقط پس از کلیک (بدون هیچ درخواستی به سرور نقشه پیش از آن)",
    // Needs review by a native speaker (added after the first translation pass).
    embed_controls: "این کنترل‌ها نمایش داده شوند",
    // Needs review by a native speaker (added after the first translation pass).
    embed_language_auto: "زبان مرورگر بازدیدکننده",
    // Needs review by a native speaker (added after the first translation pass).
    accessibility_statement: "بیانیهٔ دسترس‌پذیری",
    wheel_hint: "برای بزرگ‌نمایی، کلید Ctrl/Strg (⌘) را نگه دارید و اسکرول کنید",
    touch_hint: "نقشه را با دو انگشت جابه‌جا و بزرگ‌نمایی کنید",
    offer: offer_fa,
    topic: topic_fa,
    umbrella: umbrella_fa,
};

pub fn offer_fa(offer: Offer) -> &'static str {
    match offer {
        Offer::InterculturalOpening => "گشایش بین‌فرهنگی نهادها",
        Offer::NeighbourhoodWork => "کار محله‌محور",
        Offer::CivicEngagement => "کار داوطلبانه و مشارکت مدنی",
        Offer::AntidiscriminationWork => "کار ضد تبعیض",
        Offer::LanguageCourses => "کلاس‌های زبان با دسترسی آسان",
        Offer::IntegrationGuides => "راهنمایان ادغام (داوطلبانی که همراه شما می‌آیند)",
        Offer::CulturallySensitiveCare => "مراقبت از سالمندان با توجه به فرهنگ آنان و آموزش",
        Offer::Counselling => "مشاوره",
        Offer::MigrantOrganisations => "پشتیبانی از سازمان‌های مهاجران",
        Offer::Networking => "شبکه‌سازی و همکاری",
    }
}

pub fn topic_fa(topic: Topic) -> &'static str {
    match topic {
        Topic::Racism => "تبعیض نژادی",
        Topic::AntiMuslimRacism => "نژادپرستی ضد مسلمانان",
        Topic::AntiBlackRacism => "نژادپرستی ضد سیاه‌پوستان",
        Topic::Antisemitism => "یهودستیزی",
        Topic::Antiziganism => "نژادپرستی علیه سینتی‌ها و روماها",
        Topic::Lgbtiq => "دگرباشان جنسی (LGBTIQ*)",
        Topic::Sexism => "تبعیض جنسیتی",
        Topic::Age => "سن",
        Topic::Disability => "معلولیت",
        Topic::Work => "کار",
        Topic::Housing => "مسکن",
        Topic::Education => "آموزش",
        Topic::Authorities => "ادارات دولتی",
        Topic::Justice => "دادگستری",
    }
}

/// Association names stay German; a dash adds the explanation (the detail view
/// already puts this label in parentheses).
pub fn umbrella_fa(umbrella: Umbrella) -> &'static str {
    match umbrella {
        Umbrella::Awo => "AWO – انجمن رفاه کارگران",
        Umbrella::Caritas => "Caritas – کاتولیک",
        Umbrella::Diakonie => "Diakonie – پروتستان",
        Umbrella::Drk => "DRK – صلیب سرخ آلمان",
        Umbrella::Paritaetischer => "Der Paritätische – اتحادیهٔ انجمن‌های مستقل",
        Umbrella::JewishCommunities => "Jüdische Gemeinden – جوامع یهودی",
        Umbrella::Other => "سایر",
        Umbrella::Unknown => "نامشخص",
    }
}

/// `2026-11-24` → `24 نوامبر 2026` (Gregorian, Western digits); anything else
/// is returned unchanged.
pub fn date_fa(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "ژانویه",
        "فوریه",
        "مارس",
        "آوریل",
        "مه",
        "ژوئن",
        "ژوئیه",
        "اوت",
        "سپتامبر",
        "اکتبر",
        "نوامبر",
        "دسامبر",
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
        checks::no_string_is_empty_or_has_a_leftover_placeholder(&FA);
    }

    #[test]
    fn vocabulary_labels_are_distinct() {
        checks::vocabulary_labels_are_distinct(&FA);
    }

    #[test]
    fn numbers_in_sentences_are_shown() {
        checks::numbers_in_sentences_are_shown(&FA);
    }

    #[test]
    fn tag_is_bcp47() {
        assert_eq!(FA.lang_tag, "fa");
    }

    #[test]
    fn counts_use_the_right_forms_for_0_1_2_5_21_101() {
        let expected = [
            "هیچ آژانسی پیدا نشد",
            "1 آژانس پیدا شد",
            "2 آژانس پیدا شد",
            "5 آژانس پیدا شد",
            "21 آژانس پیدا شد",
            "101 آژانس پیدا شد",
        ];
        for (n, want) in COUNTS.into_iter().zip(expected) {
            assert_eq!((FA.n_found)(n), want, "n_found({n})");
        }
        let expected = [
            "پیشنهادی نیست",
            "1 پیشنهاد",
            "2 پیشنهاد",
            "5 پیشنهاد",
            "21 پیشنهاد",
            "101 پیشنهاد",
        ];
        for (n, want) in COUNTS.into_iter().zip(expected) {
            assert_eq!((FA.n_places)(n), want, "n_places({n})");
        }
        let expected = [
            "0 آژانس",
            "1 آژانس",
            "2 آژانس",
            "5 آژانس",
            "21 آژانس",
            "101 آژانس",
        ];
        for (n, want) in COUNTS.into_iter().zip(expected) {
            assert_eq!((FA.cluster_label)(n), want, "cluster_label({n})");
        }
    }

    #[test]
    fn dates() {
        assert_eq!(date_fa("2026-11-24"), "24 نوامبر 2026");
        assert_eq!(date_fa("2026-03-05"), "5 مارس 2026");
        for not_a_date in crate::i18n::NOT_DATES {
            assert_eq!(date_fa(not_a_date), not_a_date);
        }
        assert!((FA.as_of)("2026-11-24").contains(&date_fa("2026-11-24")));
    }

    #[test]
    fn every_string_is_right_to_left_text() {
        for (field, text) in all_strings(&FA) {
            if field != "lang_tag" {
                assert!(
                    text.chars().any(is_rtl),
                    "{field} has no RTL letter: {text}"
                );
            }
        }
    }

    #[test]
    fn letters_are_the_persian_forms() {
        for (field, text) in all_strings(&FA) {
            assert!(!text.contains(['\u{064A}', '\u{0643}']), "{field}: {text}");
        }
    }
}
