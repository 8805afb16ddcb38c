"""Compare two views of a chain: headlines side by side, what differs, and which differences matter."""

import pandas as pd
import streamlit as st

from lib import ui
from lib.chains import get
from lib.tools.compare.charts import overlay_figure, waterfall_figure
from lib.tools.compare.model import compare_links, comparison_csv, largest_first, notes, sentence, tables
from lib.tools.links.model import LinkError, link_to, read_link

ui.ensure_app_navigation()

# The example a bare /compare opens with: Cotra's 2020 best guess (the anchors page's defaults)
# against her 2022 update, as the anchors page's preset holds it.
_BIO = get("bio-anchors")
_UPDATE = next(p for p in _BIO.presets if "2022" in p.name)
EXAMPLE_A = link_to(_BIO, _BIO.params.defaults())
EXAMPLE_B = link_to(_BIO, {**_BIO.params.defaults(), **_UPDATE.values})

st.title("Compare two views", anchor=False)
st.markdown(
    "Two people, two links: paste both and see where their answers differ, which of their assumptions "
    "differ, and how much of each difference every assumption accounts for. The split is exact (Shapley "
    "values: each assumption's effect averaged over every order of switching A's values to B's), so the "
    "parts add up to the whole difference."
)
text_a, text_b = ui.compare_inputs(EXAMPLE_A, EXAMPLE_B)

links, errors = {}, []
for name, text in (("A", text_a), ("B", text_b)):
    try:
        links[name] = read_link(text)
    except LinkError as err:
        errors.append(f"Link {name} {err.problem.markdown()}")
ui.compare_helpers(links.get("A"), EXAMPLE_A, EXAMPLE_B)
for message in errors:
    st.error(message, icon=":material/link_off:")
if errors:
    st.stop()

a, b = links["A"], links["B"]
if a.chain.key != b.chain.key:
    st.error(f"Link A opens **{a.chain.title}** and link B opens **{b.chain.title}**: a comparison needs two views "
             "of the same chain. Change one of them.", icon=":material/link_off:")
    st.stop()
for name, link in (("A", a), ("B", b)):
    ui.show_link_problems(name, link.problems)

chain = a.chain
comparison = compare_links(a, b)
open_a, open_b, share = st.columns([1, 1, 1], vertical_alignment="center")
open_a.page_link(chain.page, label=f"Open A on {chain.title}", icon=chain.icon,
                 query_params=chain.params.non_defaults(a.values))
open_b.page_link(chain.page, label=f"Open B on {chain.title}", icon=chain.icon,
                 query_params=chain.params.non_defaults(b.values))
with share:
    ui.compare_share(text_a, text_b)

heads, params = tables(comparison)
st.header("What each view says", anchor=False)
# Static tables, whose cells wrap: a phone shows every column without scrolling sideways.
st.table(pd.DataFrame(heads).set_index("headline"))
st.header("What differs", anchor=False)
if params:
    st.table(pd.DataFrame(params).set_index("parameter"))
else:
    st.info("A and B are the same view: every value is equal. Change one of the links, or pick a preset as B.",
            icon=":material/info:")

result_a, result_b = chain.run(a.values), chain.run(b.values)
overlay_a, overlay_b = chain.overlay(a.values, result_a), chain.overlay(b.values, result_b)
st.header(overlay_a.title, anchor=False)
ui.chart(overlay_figure(overlay_a, overlay_b), "compare_overlay", "compare_overlay", link=a.path + " vs " + b.path)

if comparison.players:
    st.header("What accounts for each difference", anchor=False)
    views = {}
    for h in largest_first(comparison):  # the split opens on the largest difference
        def draw(h=h) -> None:
            st.markdown(sentence(comparison, h.headline.key))
            moved = any(h.measure.amount(c) != h.measure.amount(0.0) for c in h.contributions.values())
            if moved and h.diff is not None:
                ui.chart(waterfall_figure(comparison, h), f"compare_{h.headline.key}", f"waterfall_{h.headline.key}",
                         download=False)
        views[h.headline.label] = draw
    ui.tabbed("compare_tabs", views)
    for note in notes(comparison):
        st.caption(note)
    st.download_button("Download the comparison (CSV)", lambda: comparison_csv(comparison, st.context.url or ""),
                       file_name="comparison.csv", mime="text/csv", icon=":material/download:", on_click="ignore")
