//! The printed tables of a report (one per category of a third dimension) with the chart beside
//! each, and the sentences of its method note.

use super::build::{Axis, Cell, Panel, PanelRow};
use super::spec::{Dimension, Measure, ReportSpec};
use crate::reports::labels::{word, Lang};

pub(super) fn panels(
    axes: &[Axis],
    cell: &dyn Fn(&[usize]) -> Cell,
    total: &str,
    measure_label: &str,
) -> Vec<Panel> {
    let n: Vec<usize> = axes.iter().map(|a| a.categories.len()).collect();
    let row_labels = |d: usize| -> Vec<(String, bool, usize)> {
        axes[d]
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| (c.label.clone(), false, i))
            .chain(std::iter::once((total.to_string(), true, n[d])))
            .collect()
    };
    let chart_of = |rows: &[PanelRow]| -> Vec<(String, Option<u64>)> {
        rows.iter()
            .filter(|r| !r.total)
            .map(|r| (r.label.clone(), r.cells.last().and_then(|c| c.count)))
            .collect()
    };
    match axes.len() {
        0 => {
            let rows = vec![PanelRow {
                label: total.to_string(),
                total: true,
                cells: vec![cell(&[])],
            }];
            vec![Panel {
                title: None,
                row_header: measure_label.to_string(),
                columns: vec![measure_label.to_string()],
                rows,
                chart: Vec::new(),
            }]
        }
        1 => {
            let rows: Vec<PanelRow> = row_labels(0)
                .into_iter()
                .map(|(label, is_total, i)| PanelRow {
                    label,
                    total: is_total,
                    cells: vec![cell(&[i])],
                })
                .collect();
            vec![Panel {
                title: None,
                row_header: axes[0].label.clone(),
                columns: vec![measure_label.to_string()],
                chart: chart_of(&rows),
                rows,
            }]
        }
        _ => {
            let layers: Vec<Option<(String, usize)>> = if axes.len() == 3 {
                row_labels(2)
                    .into_iter()
                    .map(|(label, _, i)| Some((format!("{}: {label}", axes[2].label), i)))
                    .collect()
            } else {
                vec![None]
            };
            layers
                .into_iter()
                .map(|layer| {
                    let columns: Vec<String> = row_labels(1).into_iter().map(|c| c.0).collect();
                    let rows: Vec<PanelRow> = row_labels(0)
                        .into_iter()
                        .map(|(label, is_total, r)| PanelRow {
                            label,
                            total: is_total,
                            cells: (0..=n[1])
                                .map(|c| match &layer {
                                    Some((_, l)) => cell(&[r, c, *l]),
                                    None => cell(&[r, c]),
                                })
                                .collect(),
                        })
                        .collect();
                    Panel {
                        title: layer.map(|(t, _)| t),
                        row_header: axes[0].label.clone(),
                        columns,
                        chart: chart_of(&rows),
                        rows,
                    }
                })
                .collect()
        }
    }
}

pub(super) fn method_sentences(
    spec: &ReportSpec,
    lang: Lang,
    (primary, secondary, how): (usize, usize, crate::reports::suppression::Method),
    anonymous: u64,
    blocked: u64,
) -> Vec<String> {
    let mut out = vec![
        word(
            lang,
            "report-method-primary",
            &[
                ("threshold", spec.threshold.into()),
                ("count", primary.into()),
            ],
        ),
        word(
            lang,
            "report-method-secondary",
            &[("count", secondary.into())],
        ),
    ];
    if secondary > 0 {
        out.push(word(
            lang,
            &format!("report-method-chosen-{}", how.key()),
            &[],
        ));
    }
    out.push(word(lang, "report-method-no-identifiers", &[]));
    if anonymous > 0 {
        out.push(word(
            lang,
            "report-method-anonymous",
            &[("count", anonymous.into())],
        ));
    }
    if blocked > 0 {
        out.push(word(
            lang,
            "report-method-blocked",
            &[("count", blocked.into())],
        ));
    }
    if spec.measure == Measure::People
        && spec
            .by
            .iter()
            .any(|d| matches!(d, Dimension::Quarter | Dimension::Month))
    {
        out.push(word(lang, "report-method-first-service", &[]));
    }
    out
}
