//! Turkish (`tr`). Polite plural address ("siz"); nouns after a numeral stay
//! singular ("5 ajans"), so counts need no plural forms, only a wording for 0.
//!
//! Dates are written `24.11.2026` (the usual Turkish form); decimals use a
//! comma, as in Turkish.

use super::{dotted_date, Texts};
use ia_core::{Offer, Precision, Topic, Umbrella};

pub static TR: Texts = Texts {
    lang_tag: "tr",
    app_title: "NRW'de entegrasyon ajansları",
    app_subtitle: "Göç geçmişi olan kişiler için danışmanlık ve hizmetler – size yakın bir ajans bulun.",
    skip_to_results: "Sonuç listesine geç",
    loading: "Veriler yükleniyor …",
    load_failed: "Entegrasyon ajanslarının listesi yüklenemedi.",
    retry: "Tekrar dene",
    crashed: "Bir sorun oluştu.",
    reload: "Sayfayı yeniden yükle",
    // Needs review by a native speaker (added after the first translation pass).
    start_over: "Baştan başla (filtresiz)",
    n_found: |n| match n {
        0 => "Hiç ajans bulunamadı".into(),
        n => format!("{n} ajans bulundu"),
    },
    n_skipped: |n| match n {
        0 => "Gösterilemeyen kayıt yok.".into(),
        n => format!("{n} kayıt gösterilemedi."),
    },
    // Needs review by a native speaker (added after the first translation pass).
    show_more: |n| format!("{n} tane daha göster"),
    results_heading: "Sonuçlar",
    map_label: "Entegrasyon ajansları haritası",
    view_switch_label: "Görünüm",
    view_list: "Liste",
    view_map: "Harita",
    map_note_no_tiles: "Arka plan haritasına ulaşılamıyor – sınırlar, konumlar ve liste çalışmaya devam ediyor.",
    map_unavailable: "Harita yüklenemedi – liste ve filtreler çalışmaya devam ediyor.",
    // Needs review by a native speaker (added after the first translation pass).
    data_in_german: "Kurumların adları, adresleri ve bilgileri, yayımlandıkları gibi Almanca gösterilir.",
    language_label: "Dil / Sprache",
    // Needs review by a native speaker (added after the first translation pass).
    zoom_in: "Yakınlaştır",
    zoom_out: "Uzaklaştır",
    language_apply: "Değiştir",
    cluster_label: |n| format!("{n} ajans"),
    servicestelle: "Ayrımcılıkla mücadele danışma merkezi",
    approximate_position: |precision| match precision {
        Precision::Address => "Konum: adres",
        Precision::Postcode => "Yaklaşık konum (posta kodu bölgesinin ortası)",
        Precision::Municipality => "Yaklaşık konum (belediyenin ortası)",
        Precision::Kreis => "Approximate position (centre of the district; exact address unknown)" /* Needs review by a native speaker: English placeholder */,
    },
    as_of: |date| format!("Verilerin tarihi: {}", dotted_date(date)),
    date: dotted_date,
    km_unit: "km",
    source: "Kaynak",
    coverage: |listed, total| format!("Yaklaşık {total} entegrasyon ajansından {listed} tanesi listede"),
    data_licence: "Veri lisansı",
    boundaries_attribution: "Sınırlar: © GeoBasis-DE / BKG (2017), dl-de/by-2-0",
    error_not_found: |status| format!("Sunucu {status} hata koduyla yanıt verdi."),
    error_network: "Sunucuyla bağlantı yok.",
    error_format: "Dosya bozuk ya da biçimi bilinmiyor.",
    error_schema: "Bu uygulama, dosyanın bu sürümünü okuyamıyor.",
    technical_details: "Teknik ayrıntılar",
    filters_label: "Ajansları filtrele",
    search_label: "Ad, yürütücü kurum veya adrese göre arayın",
    search_placeholder: "örn. Caritas veya Köln",
    place_label: "Şehir, belediye veya ilçe",
    place_all: "Tüm NRW",
    kreis_suffix: " (ilçe)",
    place_clear: "Yeri sıfırla (tüm NRW)",
    near_label: "Yakınında (posta kodu veya yer adı)",
    near_placeholder: "örn. 50667 veya Bergheim",
    near_clear: "Mesafeler için seçilen yeri kaldır",
    near_no_match: "NRW'de posta kodu veya yer bulunamadı",
    near_hint: "Posta kodu veya yer adı girin",
    places_loading: "Yerler yükleniyor …",
    places_failed: "Yer listesi yüklenemedi.",
    use_location: "Konumumu kullan",
    locating: "Konum belirleniyor …",
    location_denied: "Konumunuza erişim izni verilmedi. Lütfen posta kodunuzu veya yerleşim yerinizi girin.",
    location_unavailable: "Konumunuz belirlenemedi. Lütfen posta kodunuzu veya yerleşim yerinizi girin.",
    radius_label: "Mesafe:",
    radius_all: "tüm NRW",
    radius_km: |r| format!("{r} km"),
    nearest_instead: |r, n| match n {
        1 => format!("{r} km içinde uygun bir ajans yok. En yakın ajans:"),
        n => format!("{r} km içinde uygun bir ajans yok. En yakın {n} ajans:"),
    },
    sada_far: |distance| format!("Ayrımcılıkla mücadele danışma merkezleri genellikle bütün bir bölgeye hizmet verir. {distance} uzaklıktaki en yakın merkez de size yardımcı olur."),
    distance_suffix: " uzaklıkta",
    origin_label: |place| format!("Mesafeler için başlangıç noktası: {place}"),
    decimal_separator: ',',
    place_no_match: "Entegrasyon ajansı olan bir yer bulunamadı",
    n_places: |n| match n {
        0 => "Öneri yok".into(),
        n => format!("{n} öneri"),
    },
    sada_toggle: "Yalnızca ayrımcılıkla mücadele danışma merkezleri",
    sada_only: "yalnızca ayrımcılıkla mücadele danışma merkezleri",
    preset_label: "Sabit seçim:",
    topics_legend: "Danışmanlık konuları",
    offers_legend: "Hizmetler",
    umbrellas_legend: "Sosyal yardım kuruluşu",
    more_filters: "Diğer filtreler: hizmetler ve kuruluşlar",
    // Needs review by a native speaker (added after the first translation pass).
    filters_toggle: "Filtreler",
    // Needs review by a native speaker (added after the first translation pass).
    needs_js: "Harita ve filtreler için JavaScript gerekir; tüm ajanslar adres ve iletişim bilgileriyle burada listelenmiştir.",
    reset_filters: "Tüm filtreleri sıfırla",
    back_to_list: "Listeye geri dön",
    carrier_label: "Yürütücü kurum",
    address_label: "Adres",
    languages_label: "Danışmanlık dilleri",
    call: "Ara:",
    write_email: "E-posta:",
    website: "Web sitesi:",
    directions: "Yol tarifi al (OpenStreetMap)",
    open_in_map_app: "Harita uygulamasında aç",
    last_verified: "son kontrol:",
    report_error: "Hata bildir",
    // Needs review by a native speaker (added after the first translation pass).
    get_listed: "Kurumunuz listede yok mu ya da bir bilgi yanlış mı? Bize bildirin.",
    postcodes_attribution: "Posta kodları: GeoNames, CC BY 4.0",
    download_label: "Gösterilen listeyi indir:",
    about_data: "Kaynak, lisans ve harita verileri",
    open_full_map: "Haritanın tamamını aç (yeni pencere)",
    embed_generator_link: "Haritayı kendi web sitenize ekleyin",
    embed_title: "Haritayı kendi web sitenize ekleyin",
    embed_intro: "Bir ön ayar seçin, önizlemeyi kontrol edin ve kodu sayfanıza kopyalayın. Harita çerez kullanmaz.",
    embed_lock: "Ön ayarı ziyaretçiler için sabitle (o zaman yer ve ayrımcılıkla mücadele seçimi değiştirilemez)",
    embed_list: "Liste",
    embed_list_side: "haritanın yanında",
    embed_list_bottom: "haritanın altında",
    embed_list_none: "liste yok",
    embed_height: "Piksel cinsinden yükseklik (betikle otomatik olarak ayarlanır)",
    embed_snippet: "Ekleme kodu",
    embed_copy: "Kodu kopyala",
    embed_copied: "Kopyalandı.",
    embed_preview: "Önizleme",
    embed_iframe_title: "NRW'de entegrasyon ajansları – harita",
    embed_back: "Haritaya geri dön",
    skip_map: "Haritayı atla",
    pan_label: "Haritayı kaydır",
    pan_north: "Kuzeye",
    pan_south: "Güneye",
    pan_west: "Batıya",
    pan_east: "Doğuya",
    load_tiles: "Arka plan haritasını yükle (harita sunucusundan)",
    embed_tiles_on_click: "Arka plan haritasını yalnızca tıklamadan sonra yükle (öncesinde harita sunucusuna istek gönderilmez)",
    // Needs review by a native speaker (added after the first translation pass).
    embed_controls: "Bu denetimleri göster",
    // Needs review by a native speaker (added after the first translation pass).
    embed_language_auto: "Ziyaretçinin tarayıcı dili",
    // Needs review by a native speaker (added after the first translation pass).
    accessibility_statement: "Erişilebilirlik beyanı",
    wheel_hint: "Yakınlaştırmak için Ctrl/Strg (⌘) tuşunu basılı tutup kaydırın",
    touch_hint: "Haritayı iki parmakla kaydırın ve yakınlaştırın",
    offer: offer_tr,
    topic: topic_tr,
    umbrella: umbrella_tr,
};

pub fn offer_tr(offer: Offer) -> &'static str {
    match offer {
        Offer::InterculturalOpening => "Kültürlerarası açılım",
        Offer::NeighbourhoodWork => "Mahalle odaklı çalışma",
        Offer::CivicEngagement => "Gönüllülük ve sivil katılım",
        Offer::AntidiscriminationWork => "Ayrımcılıkla mücadele çalışması",
        Offer::LanguageCourses => "Kolay erişilebilir dil kursları",
        Offer::IntegrationGuides => "Entegrasyon rehberleri (size eşlik eden gönüllüler)",
        Offer::CulturallySensitiveCare => "Kültüre duyarlı yaşlı bakımı ve eğitim",
        Offer::Counselling => "Danışmanlık",
        Offer::MigrantOrganisations => "Göçmen örgütlerine destek",
        Offer::Networking => "Ağ oluşturma ve iş birliği",
    }
}

pub fn topic_tr(topic: Topic) -> &'static str {
    match topic {
        Topic::Racism => "Irkçı ayrımcılık",
        Topic::AntiMuslimRacism => "Müslüman karşıtı ırkçılık",
        Topic::AntiBlackRacism => "Siyahlara karşı ırkçılık",
        Topic::Antisemitism => "Antisemitizm",
        Topic::Antiziganism => "Sinti ve Romanlara karşı ırkçılık",
        Topic::Lgbtiq => "LGBTİQ*",
        Topic::Sexism => "Cinsiyetçilik",
        Topic::Age => "Yaş",
        Topic::Disability => "Engellilik",
        Topic::Work => "İş",
        Topic::Housing => "Konut",
        Topic::Education => "Eğitim",
        Topic::Authorities => "Resmî daireler",
        Topic::Justice => "Yargı",
    }
}

/// Association names stay German; a dash adds the explanation (the detail view
/// already puts this label in parentheses).
pub fn umbrella_tr(umbrella: Umbrella) -> &'static str {
    match umbrella {
        Umbrella::Awo => "AWO – İşçi Refah Derneği",
        Umbrella::Caritas => "Caritas – Katolik",
        Umbrella::Diakonie => "Diakonie – Protestan",
        Umbrella::Drk => "DRK – Alman Kızılhaçı",
        Umbrella::Paritaetischer => "Der Paritätische – bağımsız kuruluşlar birliği",
        Umbrella::JewishCommunities => "Jüdische Gemeinden – Yahudi cemaatleri",
        Umbrella::Other => "Diğer",
        Umbrella::Unknown => "Belirtilmemiş",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::i18n::checks::{self, all_strings, is_rtl, COUNTS};

    #[test]
    fn no_string_is_empty_or_has_a_leftover_placeholder() {
        checks::no_string_is_empty_or_has_a_leftover_placeholder(&TR);
    }

    #[test]
    fn vocabulary_labels_are_distinct() {
        checks::vocabulary_labels_are_distinct(&TR);
    }

    #[test]
    fn numbers_in_sentences_are_shown() {
        checks::numbers_in_sentences_are_shown(&TR);
    }

    #[test]
    fn tag_is_bcp47() {
        assert_eq!(TR.lang_tag, "tr");
    }

    #[test]
    fn counts_use_the_right_forms_for_0_1_2_5_21_101() {
        let expected = [
            "Hiç ajans bulunamadı",
            "1 ajans bulundu",
            "2 ajans bulundu",
            "5 ajans bulundu",
            "21 ajans bulundu",
            "101 ajans bulundu",
        ];
        for (n, want) in COUNTS.into_iter().zip(expected) {
            assert_eq!((TR.n_found)(n), want, "n_found({n})");
        }
        let expected = [
            "Öneri yok",
            "1 öneri",
            "2 öneri",
            "5 öneri",
            "21 öneri",
            "101 öneri",
        ];
        for (n, want) in COUNTS.into_iter().zip(expected) {
            assert_eq!((TR.n_places)(n), want, "n_places({n})");
        }
        let expected = [
            "0 ajans",
            "1 ajans",
            "2 ajans",
            "5 ajans",
            "21 ajans",
            "101 ajans",
        ];
        for (n, want) in COUNTS.into_iter().zip(expected) {
            assert_eq!((TR.cluster_label)(n), want, "cluster_label({n})");
        }
    }

    #[test]
    fn no_right_to_left_characters() {
        for (field, text) in all_strings(&TR) {
            assert!(!text.chars().any(is_rtl), "{field}: {text}");
        }
    }
}
