"""Sources: every parameter, its default and its source; every dataset with snapshot and licence."""

import pandas as pd
import streamlit as st

from lib import ui
from lib.chains import CHAINS, get
from lib.core import dollars, units
from lib.core.problems import code_span, escape_markdown
from lib.core.shared_params import shared_in
from lib.data import files as data
from lib.data.fit import model as fitting
from lib.data.trends import model as trends
from lib.tools.positions.model import POSITIONS, effects

ui.ensure_app_navigation()

st.title("Sources", anchor=False)
ui.no_parameters("sources")
st.markdown(
    "Generated from the parameter registry and the data files, so it always matches what the "
    "pages use. URL key is the name a parameter has in shared links."
)

# Each chain's parameters, then those of the trends and fit pages (fits, not chains).
# Headings without icons: a screen reader would read an icon's name ("trending_down") as a word.
PARAM_PAGES = [(c.title, c.params, c.presets) for c in CHAINS] + [
    ("Compute trends", trends.PARAMS, ()),
    ("Fit your own", fitting.PARAMS, ())]
for title, params, presets in PARAM_PAGES:
    st.header(title, anchor=False)
    rows = [
        {
            "parameter": escape_markdown(p.label),
            "URL key": code_span(p.key),
            "default": escape_markdown(f"{p.format_value(p.default)} {p.unit}".strip()),
            "range": escape_markdown(", ".join(p.choices) if p.kind in ("choice", "multi") else "" if p.kind == "bool"
                                     else f"{p.format_value(p.min)} to {p.format_value(p.max)}"
                                     + (" (log)" if p.scale == "log" else "")),
            "source": f"[{escape_markdown(p.source.citation)}]({p.source.url})" if p.source.url
            else escape_markdown(p.source.citation),
        }
        for p in params.params if p.role == "model"
    ]
    # A static table wraps every cell, so no citation or link is cut short; a data grid clipped them,
    # and on a phone hid every column after the second. A phone gets one short block per parameter:
    # five columns would need sideways scrolling there.
    wide, narrow = ui.by_width(f"params_{params.model}")
    wide.table(pd.DataFrame(rows).set_index("parameter"))
    narrow.markdown("\n\n".join(f"**{r['parameter']}** · {r['URL key']}  \ndefault {r['default']}"
                                 + (f" · {r['range']}" if r["range"] else "") + f"  \nSource: {r['source']}"
                                 for r in rows))
    ranged = [p for p in params.params if p.spread is not None]
    if ranged:
        st.markdown("**Uncertainty ranges** (the uncertainty view, " + code_span("samples") + "; each number's "
                    "width is " + code_span("u_KEY") + ", 1 = as below, 0 = held fixed). Sourced ranges start on, "
                    "ours start off; any other number can be given a range of half to twice its value (log-scale) "
                    "or a tenth of its slider's span either side (linear), our choice.")
        ranges = [{
            "parameter": escape_markdown(p.label),
            "80% interval at the default": escape_markdown(
                f"{p.format_value(p.spread.low)} to {p.format_value(p.spread.high)} {p.unit}".strip()),
            "on by default": "yes" if p.spread.sourced else "no (our choice)",
            "drawn": "log-normal" if p.scale == "log" else "normal",  # as lib/tools/uncertainty/ draws it
            "source": (f"[{escape_markdown(p.spread.source.citation)}]({p.spread.source.url})" if p.spread.source.url
                       else escape_markdown(p.spread.source.citation))
            + (escape_markdown(f": {p.spread.note}") if p.spread.note else ""),
        } for p in ranged]
        wide, narrow = ui.by_width(f"ranges_{params.model}")
        wide.table(pd.DataFrame(ranges).set_index("parameter"))
        narrow.markdown("\n\n".join(f"**{r['parameter']}**: {r['80% interval at the default']} "
                                     f"({r['drawn']}; on by default: {r['on by default']})  \nSource: {r['source']}"
                                     for r in ranges))
    if presets:
        st.markdown("**Presets**")
        for preset in presets:
            changed = ", ".join(f"{k}={v if isinstance(v, str) else ','.join(v)}"
                                for k, v in params.non_defaults(preset.values).items()) or "the defaults"
            cite = f"[{preset.source.citation}]({preset.source.url})" if preset.source.url else preset.source.citation
            st.markdown(f"- **{preset.name}**: {preset.description} (sets {changed}). Source: {cite}")

st.header("Positions", anchor=False)
st.markdown(
    "A position sets every page at once to a view from the essays; open any page with "
    + code_span("?position=KEY") + " or pick one in the box on any page. What each sets, per page:"
)
for position in POSITIONS:
    cite = (f"[{escape_markdown(position.source.citation)}]({position.source.url})" if position.source.url
            else escape_markdown(position.source.citation))
    sets = "; ".join(
        f"{escape_markdown(get(key).title)}: " + (", ".join(
            code_span(f"{k}={get(key).params[k].format_value(v)}") for k, v in position.overrides(key).items())
            or "its defaults")
        for key in (c.key for c in CHAINS) if position.sets(key))
    silent = ", ".join(escape_markdown(get(k).title) for k in position.silent)
    moves = "; ".join(f"{escape_markdown(label)}: {escape_markdown(a)} → {escape_markdown(b)}"
                      for rows in effects(position).values() for label, a, b in rows)
    st.markdown(
        f"**{escape_markdown(position.name)}** ({code_span(position.key)}). {escape_markdown(position.summary)}  \n"
        f"*{escape_markdown(position.passage)}*  \n"
        f"Sets {sets}." + (f" Says nothing about {silent}: left at the defaults." if silent else "") + "  \n"
        + " ".join(escape_markdown(c) for c in position.choices)
        + (f"  \nAgainst the defaults: {moves}." if moves else "  \nIt gives the same headlines as the defaults.")
        + f"  \nSource: {cite}"
    )

shared = sorted({k for c in CHAINS for k in shared_in(c.params)})
st.markdown("**Shared between pages** (one value in a session, set on either page): "
            + ", ".join(code_span(k) for k in shared) + ".")

st.header("Datasets", anchor=False)
st.markdown("Each page states the snapshot date of the data it uses. METR's time horizons and Epoch AI's export age "
            "fastest: `python -m lib data refresh` fetches both, checks them and replaces the two files (a file "
            "that fails a check stays as it was); the app reads them again when it restarts.")
for dataset in data.all_datasets():
    st.subheader(f"data/{dataset.name}.csv", anchor=False)
    st.markdown(
        f"{dataset.meta.get('description', '')}  \n"
        f"**Source:** {dataset.source}  \n"
        f"**Snapshot:** {dataset.snapshot}  \n"
        f"**Licence:** {dataset.meta.get('licence', 'facts from the cited publications')}"
        + (f"  \n{dataset.meta['notes']}" if "notes" in dataset.meta else "")
    )
    table = dataset.table
    if dataset.name == "reference_budgets":
        table = dollars.budget_table(table)
        table.insert(table.columns.get_loc("usd"), "amount", [units.usd(v) for v in table["usd"]])
    # Years and counts print as integers, dollars in full with separators, other numbers keep their precision.
    formats = {c: "%d" if pd.api.types.is_integer_dtype(table[c]) or c.endswith("year") else
               "localized" if c == "usd" else "%.6g" for c in table.select_dtypes("number").columns}
    st.dataframe(table, hide_index=True, width="stretch",
                 column_config={c: st.column_config.NumberColumn(c, format=f) for c, f in formats.items()})
