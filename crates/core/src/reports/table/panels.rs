//! The printed tables of a report (one per category of a third dimension) with the chart beside
//! each, and the sentences of its method note.

use super::build::{Axis, Cell, Panel, PanelRow};
use super::spec::{Dimension, Measure, ReportSpec};
use crate::reports::labels::Lang;

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
    primary: usize,
    secondary: usize,
    anonymous: u64,
    blocked: u64,
) -> Vec<String> {
    let t = spec.threshold;
    let mut out = vec![
        match lang {
            Lang::Kk => format!("{t}-ден кіші сандар «<{t}» деп көрсетілген (бастапқы жасыру): {primary} ұяшық."),
            Lang::Ru => format!("Значения меньше {t} показаны как «<{t}» (первичное скрытие): ячеек — {primary}."),
            Lang::En => format!("Counts below {t} are shown as \"<{t}\" (primary suppression): {primary} cells."),
        },
        match lang {
            Lang::Kk => format!("Жасырылған сандарды жиындардан шығарып алуға болмас үшін тағы {secondary} ұяшық «x» деп жасырылды (қосымша жасыру); бұл сызықтық бағдарламалау арқылы тексерілді."),
            Lang::Ru => format!("Чтобы скрытые значения нельзя было вычислить из итогов, дополнительно скрыты ячейки, показанные как «x» (вторичное скрытие), — всего {secondary}; это проверено методом линейного программирования."),
            Lang::En => format!("So that no hidden count can be worked out from the totals, {secondary} more cells are hidden as \"x\" (secondary suppression); this was checked by linear programming."),
        },
        match lang {
            Lang::Kk => "Кестеде ешкімнің аты-жөні, ЖСН-і, байланыс деректері немесе мекенжайы жоқ (94-V Заңның 17-бабы).".to_string(),
            Lang::Ru => "Таблица не содержит ФИО, ИИН, контактов или адресов (статья 17 Закона № 94-V).".to_string(),
            Lang::En => "The table holds no names, IINs, contacts or addresses (Article 17 of Law No. 94-V).".to_string(),
        },
    ];
    if anonymous > 0 {
        out.push(match lang {
            Lang::Kk => format!("Иесіздендірілген жазбалар да есептелді: {anonymous}."),
            Lang::Ru => format!("Учтены и обезличенные записи: {anonymous}."),
            Lang::En => format!("Anonymised records are counted too: {anonymous}."),
        });
    }
    if blocked > 0 {
        out.push(match lang {
            Lang::Kk => format!("Бұғатталған деректер есептелмеді: {blocked}."),
            Lang::Ru => format!("Заблокированные данные не учитывались: {blocked}."),
            Lang::En => format!("Blocked records were left out: {blocked}."),
        });
    }
    if spec.measure == Measure::People
        && spec
            .by
            .iter()
            .any(|d| matches!(d, Dimension::Quarter | Dimension::Month))
    {
        out.push(match lang {
            Lang::Kk => "Әр адам кезеңдегі алғашқы қызметінің айында бір рет есептелді.".into(),
            Lang::Ru => "Каждый человек учтён один раз — в месяце первой услуги за период.".into(),
            Lang::En => {
                "Each person is counted once, in the month of their first service in the period."
                    .into()
            }
        });
    }
    out
}
