//! Which names the map's own background shows (issue 18): labels are given
//! most important first, each as a box in screen pixels around its anchor;
//! greedily, a label is shown when its box lies inside the view and keeps a
//! gap to every label already shown. Pure, so it is tested natively; the map
//! (`src/map/basemap.rs`) projects the positions and draws the result.

/// A label's box: centred on `(x, y)`, in CSS pixels of the map's container.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelBox {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl LabelBox {
    /// Whether the two boxes, each grown by `gap` / 2 on every side, overlap.
    pub fn overlaps(&self, other: &LabelBox, gap: f64) -> bool {
        (self.x - other.x).abs() * 2.0 < self.width + other.width + 2.0 * gap
            && (self.y - other.y).abs() * 2.0 < self.height + other.height + 2.0 * gap
    }

    /// Whether the box lies wholly inside a view of `width` x `height`.
    pub fn inside(&self, width: f64, height: f64) -> bool {
        self.x - self.width / 2.0 >= 0.0
            && self.y - self.height / 2.0 >= 0.0
            && self.x + self.width / 2.0 <= width
            && self.y + self.height / 2.0 <= height
    }
}

/// Pixels kept free between two labels.
pub const LABEL_GAP_PX: f64 = 6.0;

/// From this zoom on, the background shows Gemeinde borders and town names
/// (`data/basemap/gemeinden.json`); below it Kreis borders and names
/// (`data/basemap/kreise.json`). Matches the datatool's `GEMEINDE_MIN_ZOOM`.
pub const GEMEINDE_MIN_ZOOM: u8 = 10;

/// The labels to show, as indices into `boxes` (most important first), in
/// that order: a box is taken when it is inside the view and overlaps no box
/// taken before it (with `gap` pixels between).
pub fn place_labels(boxes: &[LabelBox], view: (f64, f64), gap: f64) -> Vec<usize> {
    let mut kept: Vec<usize> = Vec::new();
    for (index, candidate) in boxes.iter().enumerate() {
        if !candidate.inside(view.0, view.1) {
            continue;
        }
        if kept.iter().all(|&k| !boxes[k].overlaps(candidate, gap)) {
            kept.push(index);
        }
    }
    kept
}

/// An estimate of a label's width in pixels for a sans-serif font of
/// `font_px` (a character is about 0.6 em on average; generous, so labels
/// rather keep too much distance than touch).
pub fn label_width(text: &str, font_px: f64) -> f64 {
    text.chars().count() as f64 * font_px * 0.6 + 4.0
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn b(x: f64, y: f64, width: f64) -> LabelBox {
        LabelBox {
            x,
            y,
            width,
            height: 14.0,
        }
    }

    #[test]
    fn the_more_important_of_two_overlapping_labels_wins() {
        let boxes = [b(100.0, 100.0, 60.0), b(120.0, 105.0, 60.0)];
        assert_eq!(place_labels(&boxes, (400.0, 400.0), 0.0), vec![0]);
        let swapped = [boxes[1], boxes[0]];
        assert_eq!(place_labels(&swapped, (400.0, 400.0), 0.0), vec![0]);
    }

    #[test]
    fn labels_apart_are_all_shown_and_the_gap_counts() {
        // 60 px wide boxes 64 px apart: 4 px between them.
        let boxes = [b(100.0, 100.0, 60.0), b(164.0, 100.0, 60.0)];
        assert_eq!(place_labels(&boxes, (400.0, 400.0), 0.0), vec![0, 1]);
        assert_eq!(place_labels(&boxes, (400.0, 400.0), 3.0), vec![0, 1]);
        assert_eq!(place_labels(&boxes, (400.0, 400.0), 6.0), vec![0]);
    }

    #[test]
    fn a_label_cut_by_the_edge_is_left_out_and_frees_its_place() {
        // The first label sticks out of the view; the second, under it, is shown.
        let boxes = [b(10.0, 100.0, 60.0), b(40.0, 100.0, 60.0)];
        assert_eq!(place_labels(&boxes, (400.0, 400.0), 0.0), vec![1]);
    }

    #[test]
    fn a_lower_label_is_kept_when_it_misses_every_earlier_one() {
        // 0 and 1 overlap (1 loses); 2 overlaps only 1, so it is shown.
        let boxes = [
            b(100.0, 100.0, 60.0),
            b(150.0, 100.0, 60.0),
            b(205.0, 100.0, 60.0),
        ];
        assert_eq!(place_labels(&boxes, (400.0, 400.0), 0.0), vec![0, 2]);
    }

    #[test]
    fn width_grows_with_the_text() {
        assert!(label_width("Köln", 12.0) < label_width("Mönchengladbach", 12.0));
        assert_eq!(label_width("", 12.0), 4.0);
    }

    fn arb_box() -> impl Strategy<Value = LabelBox> {
        (0.0..500.0f64, 0.0..500.0f64, 10.0..120.0f64, 10.0..20.0f64).prop_map(
            |(x, y, width, height)| LabelBox {
                x,
                y,
                width,
                height,
            },
        )
    }

    proptest! {
        /// No two shown labels overlap, all are inside the view, and every
        /// label left out inside the view collides with a more important one
        /// that is shown.
        #[test]
        fn shown_labels_never_overlap(boxes in prop::collection::vec(arb_box(), 0..60), gap in 0.0..10.0f64) {
            let view = (400.0, 300.0);
            let kept = place_labels(&boxes, view, gap);
            for (i, &a) in kept.iter().enumerate() {
                prop_assert!(boxes[a].inside(view.0, view.1));
                for &c in &kept[i + 1..] {
                    prop_assert!(a < c);
                    prop_assert!(!boxes[a].overlaps(&boxes[c], gap));
                }
            }
            for (index, candidate) in boxes.iter().enumerate() {
                if kept.contains(&index) || !candidate.inside(view.0, view.1) {
                    continue;
                }
                prop_assert!(kept.iter().any(|&k| k < index && boxes[k].overlaps(candidate, gap)));
            }
        }
    }
}
