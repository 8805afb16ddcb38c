"""Sources: every parameter, its default and its source; every dataset with snapshot and licence."""

import pandas as pd
import streamlit as st

from lib import bio_anchors, data, gpt_human, loss, ui
from lib.registry import ParamSet, Preset

ui.ensure_app_navigation()

MODELS: list[tuple[str, ParamSet, tuple[Preset, ...]]] = [
    ("Loss extrapolation", loss.PARAMS, loss.PRESETS),
    ("GPT-human cost timeline", gpt_human.PARAMS, gpt_human.PRESETS),
    ("Biological anchors", bio_anchors.PARAMS, bio_anchors.PRESETS),
]

st.title("📚 Sources")
st.markdown(
    "Generated from the parameter registry and the data files, so it always matches what the "
    "pages use. URL key is the name a parameter has in shared links."
)

for title, params, presets in MODELS:
    st.header(title)
    rows = [
        {
            "parameter": p.label,
            "URL key": p.key,
            "default": p.format_value(p.default),
            "unit": p.unit,
            "range": ", ".join(p.choices) if p.kind in ("choice", "multi") else "" if p.kind == "bool" else f"{p.format_value(p.min)} to {p.format_value(p.max)}"
            + (" (log)" if p.scale == "log" else ""),
            "source": p.source.citation,
            "link": p.source.url,
        }
        for p in params.params
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", height="content",
                 column_config={"link": st.column_config.LinkColumn("link"),
                                "source": st.column_config.TextColumn("source", width="large")})
    if presets:
        st.markdown("**Presets**")
        for preset in presets:
            changed = ", ".join(f"{k}={params[k].format_value(v)}" for k, v in preset.values.items()) or "defaults"
            st.markdown(f"- **{preset.name}**: {preset.description} ({changed}). Source: "
                        f"[{preset.source.citation}]({preset.source.url})")

st.header("Datasets")
for dataset in data.all_datasets():
    st.subheader(f"data/{dataset.name}.csv")
    st.markdown(
        f"{dataset.meta.get('description', '')}  \n"
        f"**Source:** {dataset.source}  \n"
        f"**Snapshot:** {dataset.snapshot}  \n"
        f"**Licence:** {dataset.meta.get('licence', 'facts from the cited publications')}"
        + (f"  \n{dataset.meta['notes']}" if "notes" in dataset.meta else "")
    )
    numeric = dataset.table.select_dtypes("number").columns
    st.dataframe(dataset.table, hide_index=True, width="stretch",
                 column_config={c: st.column_config.NumberColumn(c, format="%.3g") for c in numeric})
