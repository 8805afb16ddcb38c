"""Home: what the current assumptions say, every chain together, and where each chain lives."""

import datetime

import pandas as pd
import streamlit as st

from lib import ui
from lib.chains import CHAINS, get
from lib.chains.gpt_human import origin
from lib.data.trends import model as trends
from lib.tools.summary.charts import timeline_figure
from lib.tools.summary.model import LargestRun, milestones

ui.ensure_app_navigation()

st.title("AI forecasting arguments, with the numbers live", anchor=False)
ui.no_parameters("home")
ui.say_if_no_such_page()
st.markdown(
    f"Debates about when AI reaches human level keep returning to {len(CHAINS)} chains of reasoning. Each "
    "page turns one chain into sliders and charts, so a disagreement becomes a question of "
    "*which slider we set differently*. Every number has a formula and a source; every view has a "
    "link that reproduces it exactly."
)

# Each chain as this session left it: a position picked here or a value moved on any page shows up below.
views = {chain.key: ui.session_values(chain.params) for chain in CHAINS}
# The anchors' full result feeds the timeline too; its headlines are the ones run_batch gives.
bio = get("bio-anchors").run(views["bio-anchors"])
heads = {chain.key: bio.headlines.row(0) if chain.key == "bio-anchors" else chain.headline_values(views[chain.key])
         for chain in CHAINS}

st.header("What the current assumptions say", anchor=False)
left, right = st.columns([1, 2], vertical_alignment="bottom")
with left:
    ui.position_picker()
with right:
    position = ui.current_position()
    if position is None:
        st.caption("Every page at its defaults or at the values you gave it. Pick a position to set all of them "
                   "at once to a view from the essays.")
    else:
        silent = ", ".join(get(k).title for k in position.silent)
        st.caption(f"{position.summary} Source: {position.source.citation}."
                   + (f" It says nothing about {silent}, left at the defaults." if silent else ""))

for chain in CHAINS:
    shown = chain.summary_headlines(views[chain.key])
    st.markdown(f"**{chain.icon} {chain.title}**")
    for column, headline in zip(st.columns(max(len(shown), 3)), shown):
        value = heads[chain.key][headline.key]
        column.metric(headline.label, value.brief(headline), value.why or None, help=headline.help or None,
                      delta_color="off", delta_arrow="off")

# The page reads the clock (lib/ never does): a GPT-human date before today is marked as past, and
# set against the largest real run, so "Dec 2025" does not read as a forecast still to come.
today = float(trends.decimal_year(pd.Series([datetime.date.today().isoformat()]))[0])
latest = origin.packaged_latest()
needed = get("gpt-human").run(views["gpt-human"]).compute_flop
marks = milestones(bio, heads["gpt-human"], today=today,
                   largest=LargestRun(latest.model, latest.when, latest.compute_flop, latest.rating), needed_flop=needed,
                   horizons=heads["time-horizons"])
st.header("Three routes to a date", anchor=False)
ui.chart(timeline_figure(bio, marks), "timeline", "timeline")
dated = any(m.year is not None for m in marks)
st.caption(" ".join(m.sentence() for m in marks) + " Black: the biological anchors' probability of "
           "transformative AI by each year (from 2025), the star at its median"
           + ("; dashed: the GPT-human chain's dates, where the largest training run reaches the compute a "
              "human-level loss needs (compute reached) and where a run that size costs the budget (affordable); "
              "dotted: the time-horizons chain's dates for a work-month horizon and for its target."
              if dated else "; the GPT-human and time-horizons chains give no date to draw."))

st.divider()
for column, (number, chain) in zip(st.columns(len(CHAINS)), enumerate(CHAINS, start=1)):
    with column:
        st.subheader(f"{number} · {chain.title}", anchor=False)
        st.markdown(chain.summary)
        st.page_link(chain.page, label="Open it with these values", icon=chain.icon,
                     query_params=chain.params.non_defaults(views[chain.key]))

st.divider()
st.markdown(
    "**How to use it in a discussion.** Open a page and move its sliders: on a wide screen they sit in the "
    "column left of the charts; on a phone, above them, in sections you open. A value two pages share (the "
    "GPT-3 fit, the human-level loss) moves on both. Use *Share this view* (or copy the address bar) to send "
    "the exact view. Positions set every page to a view from the essays; presets set one page. Every chart's "
    "data downloads as CSV; the camera icon on a chart saves a PNG. When two people disagree, paste both "
    "links into *Compare*: it shows which assumptions differ and how much of the difference each accounts for."
)
# Labels short enough for a phone's width; the help says the rest.
st.page_link("pages/compare.py", label="Compare two views", icon=":material/compare_arrows:",
             help="Which assumptions drive a disagreement: paste two links, see what differs and how much each counts.")
st.page_link("pages/sources.py", label="Every source and default", icon=":material/menu_book:",
             help="Every parameter, position, default and dataset, with its source.")
