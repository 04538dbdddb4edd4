//! Which names the map's own background shows (issue 18): labels are given
//! most important first, each as a box in screen pixels around its anchor;
//! greedily, a label is shown on its anchor or next to it where its box lies
//! inside the view and keeps a gap to every label already shown, preferably
//! where it covers no marker. Pure, so it is tested natively; the map
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

/// Where a label may go, relative to its anchor, in order of preference:
/// on it, below, above, right of it, left of it, then further below and
/// above (`(dx, dy, k)`: `dx`, `dy` in multiples of the label's half width
/// and half height plus `k` times [`LABEL_OFFSET_PX`]).
const POSITIONS: [(f64, f64, f64); 7] = [
    (0.0, 0.0, 0.0),
    (0.0, 1.0, 1.0),
    (0.0, -1.0, 1.0),
    (1.0, 0.0, 1.0),
    (-1.0, 0.0, 1.0),
    (0.0, 1.0, 2.5),
    (0.0, -1.0, 2.5),
];

/// How far a moved label keeps from its anchor (about a marker's radius).
pub const LABEL_OFFSET_PX: f64 = 12.0;

/// The labels to show and where: `labels` are boxes centred on their
/// anchors, most important first. Each label takes the first of
/// [`POSITIONS`] that lies inside the view, keeps `gap` pixels to every
/// label already placed, covers nothing `blocked` (the controls over the
/// map) and no obstacle (the markers); where every such position covers an
/// obstacle, the first that only meets the other conditions (the name then
/// shows between the markers, which are drawn above it); with none at all
/// the label is left out. Returns `(index, box)` in order.
pub fn place_labels(
    labels: &[LabelBox],
    blocked: &[LabelBox],
    obstacles: &[LabelBox],
    view: (f64, f64),
    gap: f64,
) -> Vec<(usize, LabelBox)> {
    let mut placed: Vec<(usize, LabelBox)> = Vec::new();
    for (index, label) in labels.iter().enumerate() {
        let candidates = POSITIONS.iter().map(|&(dx, dy, k)| LabelBox {
            x: label.x + dx * (label.width / 2.0 + k * LABEL_OFFSET_PX),
            y: label.y + dy * (label.height / 2.0 + k * LABEL_OFFSET_PX),
            ..*label
        });
        let fits = |spot: &LabelBox| {
            spot.inside(view.0, view.1)
                && placed.iter().all(|(_, other)| !other.overlaps(spot, gap))
                && blocked.iter().all(|b| !b.overlaps(spot, 0.0))
        };
        let clear = |spot: &LabelBox| obstacles.iter().all(|o| !o.overlaps(spot, 0.0));
        let spot = candidates
            .clone()
            .find(|spot| fits(spot) && clear(spot))
            .or_else(|| candidates.clone().find(|spot| fits(spot)));
        if let Some(spot) = spot {
            placed.push((index, spot));
        }
    }
    placed
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

    fn indices(placed: &[(usize, LabelBox)]) -> Vec<usize> {
        placed.iter().map(|(index, _)| *index).collect()
    }

    const VIEW: (f64, f64) = (400.0, 400.0);

    #[test]
    fn the_more_important_of_two_crowded_labels_gets_the_anchor() {
        let boxes = [b(100.0, 100.0, 60.0), b(120.0, 105.0, 60.0)];
        let placed = place_labels(&boxes, &[], &[], VIEW, 0.0);
        assert_eq!(placed[0], (0, boxes[0]));
        // The second moves below its anchor, clear of the first.
        assert_eq!(placed[1].0, 1);
        assert_eq!(placed[1].1.x, 120.0);
        assert_eq!(placed[1].1.y, 105.0 + 7.0 + LABEL_OFFSET_PX);
        assert!(!placed[0].1.overlaps(&placed[1].1, 0.0));
    }

    #[test]
    fn labels_apart_stay_on_their_anchors_and_the_gap_counts() {
        // 60 px wide boxes 64 px apart: 4 px between them.
        let boxes = [b(100.0, 100.0, 60.0), b(164.0, 100.0, 60.0)];
        assert_eq!(
            place_labels(&boxes, &[], &[], VIEW, 0.0),
            vec![(0, boxes[0]), (1, boxes[1])]
        );
        assert_eq!(place_labels(&boxes, &[], &[], VIEW, 3.0)[1], (1, boxes[1]));
        // With a 6 px gap the second has to move off its anchor.
        assert_ne!(place_labels(&boxes, &[], &[], VIEW, 6.0)[1], (1, boxes[1]));
    }

    #[test]
    fn a_label_moves_off_a_marker_or_stays_on_its_anchor() {
        let label = b(100.0, 100.0, 40.0);
        let marker = b(100.0, 100.0, 30.0);
        let placed = place_labels(&[label], &[], &[marker], VIEW, 0.0);
        assert_eq!(indices(&placed), vec![0]);
        assert!(!placed[0].1.overlaps(&marker, 0.0));
        // Surrounded by markers: on its anchor all the same.
        // A control over the map is never covered: the name moves or is left out.
        let control = b(100.0, 100.0, 30.0);
        let placed = place_labels(&[label], &[control], &[], VIEW, 0.0);
        assert!(!placed[0].1.overlaps(&control, 0.0));
        let panel = LabelBox {
            x: 100.0,
            y: 100.0,
            width: 200.0,
            height: 200.0,
        };
        assert!(place_labels(&[label], &[panel], &[], VIEW, 0.0).is_empty());
        let wall = LabelBox {
            x: 100.0,
            y: 100.0,
            width: 200.0,
            height: 200.0,
        };
        assert_eq!(
            place_labels(&[label], &[], &[wall], VIEW, 0.0),
            vec![(0, label)]
        );
    }

    #[test]
    fn a_label_at_the_edge_moves_inside_or_is_left_out() {
        // Cut by the left edge on its anchor: it moves to the right.
        let placed = place_labels(&[b(10.0, 100.0, 60.0)], &[], &[], VIEW, 0.0);
        assert_eq!(indices(&placed), vec![0]);
        assert!(placed[0].1.inside(VIEW.0, VIEW.1));
        // Wider than the view: never shown.
        assert!(place_labels(&[b(200.0, 100.0, 500.0)], &[], &[], VIEW, 0.0).is_empty());
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
        /// Shown labels never overlap each other, stay inside the view, keep
        /// their size and stay near their anchor; the most important label is
        /// shown on its anchor whenever that is inside and clear.
        #[test]
        fn shown_labels_never_overlap(
            boxes in prop::collection::vec(arb_box(), 0..60),
            obstacles in prop::collection::vec(arb_box(), 0..10),
            blocked in prop::collection::vec(arb_box(), 0..3),
            gap in 0.0..10.0f64,
        ) {
            let view = (400.0, 300.0);
            let placed = place_labels(&boxes, &blocked, &obstacles, view, gap);
            for (i, (a, box_a)) in placed.iter().enumerate() {
                prop_assert!(box_a.inside(view.0, view.1));
                prop_assert_eq!((box_a.width, box_a.height), (boxes[*a].width, boxes[*a].height));
                prop_assert!((box_a.x - boxes[*a].x).abs() <= box_a.width / 2.0 + LABEL_OFFSET_PX + 1e-9);
                prop_assert!((box_a.y - boxes[*a].y).abs() <= box_a.height / 2.0 + 2.5 * LABEL_OFFSET_PX + 1e-9);
                prop_assert!(blocked.iter().all(|b| !b.overlaps(box_a, 0.0)));
                for (c, box_c) in &placed[i + 1..] {
                    prop_assert!(a < c);
                    prop_assert!(!box_a.overlaps(box_c, gap));
                }
            }
            // A label over an obstacle had no clear place: its anchor
            // (always the first choice) was not clear either.
            for (a, box_a) in &placed {
                if obstacles.iter().any(|o| o.overlaps(box_a, 0.0)) {
                    prop_assert!(obstacles.iter().any(|o| o.overlaps(&boxes[*a], 0.0)) || !boxes[*a].inside(view.0, view.1) || blocked.iter().any(|b| b.overlaps(&boxes[*a], 0.0)) || placed.iter().any(|(c, box_c)| c < a && box_c.overlaps(&boxes[*a], gap)));
                }
            }
            if let Some(first) = boxes.first() {
                if first.inside(view.0, view.1) && obstacles.iter().chain(&blocked).all(|o| !o.overlaps(first, 0.0)) {
                    prop_assert_eq!(placed.first(), Some(&(0, *first)));
                }
            }
        }
    }
}
