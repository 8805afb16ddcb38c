"""A chain page's chart views in tabs, with the uncertainty views and how wide each answer is.

Part of lib/ui/, the only place that imports Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from lib.core import units
from lib.core.chain import Chain, Headline
from lib.core.problems import escape_markdown
from lib.core.ranges import ranges_left_out, width_key
from lib.core.registry import ParamSet, Value
from lib.tools.uncertainty.charts import drivers_sentence, histogram_figure, tornado_figure
from lib.tools.uncertainty.model import Draws, sensitivity
from lib.ui.controls import open_control
from lib.ui.output import chart, tabbed
from lib.ui.session import then_whole_page


def _switch_on_our_ranges(params: ParamSet) -> None:
    for p in params.params:
        if p.spread is not None and not p.spread.sourced and width_key(p.key) in params:
            st.session_state[width_key(p.key)] = 1.0


def chain_views(key: str, chain: Chain, values: Mapping[str, Value], draws: Draws | None,
                views: Mapping[str, Callable[[], None]]) -> None:
    """A chain page's chart ``views`` in tabs, with the uncertainty views among them when the view is
    on (``draws``), then how wide each answer is.

    One tab row for all of them: a slider move redraws the one chart open on the whole page.
    """
    if draws is None:
        tabbed(key, views)
        return
    tabbed(key, {**views, **uncertainty_views(chain, values, draws)})
    _uncertainty_summary(chain, values, draws)


def _interval(h: Headline, p10: float | None, p90: float | None) -> str:
    """An 80% interval in words: 'a to b', or that it has no spread, or no value."""
    if p10 is None and p90 is None:
        return "no value in most draws"
    lo, hi = (h.format(x) if x is not None else "no value" for x in (p10, p90))
    return f"no spread: {lo}" if lo == hi else f"{lo} to {hi}"


def _uncertainty_summary(chain: Chain, values: Mapping[str, Value], draws: Draws) -> None:
    """The median and 80% interval of every headline over the draws, or why there is none when nothing varies."""
    params = chain.params
    if not draws.varies:
        st.header("How wide the answer is", anchor=False)
        ours = [p.label for p in params.params if p.spread is not None and not p.spread.sourced]
        unused = ranges_left_out(params, values)
        # A range slider above 0 whose number does not count here would contradict "no range": say why.
        why = "".join(f" {p.label} has a range, but it does not count here: {reason[0].lower()}{reason[1:]}."
                      for p, reason in unused)
        st.info("No number here has a range that counts with these settings, so every draw is the same." + why
                + " Give a number a range in its section of the controls (its *Range* slider, above 0)"
                + (f", or switch on this project's ranges for {', '.join(ours)}." if ours else "."),
                icon=":material/info:")
        if ours:
            st.button("Switch on our ranges", on_click=then_whole_page(_switch_on_our_ranges), args=(params,),
                      key=f"_{params.model}_our_ranges")
        return

    def number(x: float) -> str:  # three figures: '1.79 to 1.85 nats', not '1.78668 to 1.85332 nats'
        return units.format_number(units.round_sig(x, 3))

    names = ", ".join([*(f"{r.param.label} ({number(r.clipped[0])} to {number(r.clipped[1])}"
                         f"{' ' + r.param.unit if r.param.unit else ''})" for r in draws.ranges),
                       *(f"{p.label} (" + ", ".join(f"{label} {w:.0%}" for label, w in
                                                   zip(p.choice_labels or p.choices, p.spread.weights)) + ")"
                         for p in draws.choices if p.spread is not None)])
    said = (f"{draws.n:,} draws (seed {draws.seed}). 80% intervals drawn from: {names}. Log-normal for log-scale "
            "numbers, normal otherwise, truncated to each slider's range; every other number as set.")
    rows = []
    point = chain.headline_values(values)
    outside = []
    for h in chain.headlines:
        s = draws.summaries[h.key]
        rows.append((h.label, h.format(s.p50) if s.p50 is not None else "no value", _interval(h, s.p10, s.p90),
                     f"{s.undefined:.0%}"))
        at = point[h.key].value
        if at is not None and s.p10 is not None and s.p90 is not None and not s.p10 <= at <= s.p90:
            outside.append(f"{h.label} ({h.format(at)})")
    if outside:
        said += (f" Outside its own interval: {'; '.join(outside)}. A headline above is the answer at the sliders' "
                 "values; the interval is over the draws, whose ranges are truncated to the sliders' bounds and "
                 "need not be centred on those values, so the two can part.")
    # One Markdown element of our own words for the heading, the table and the note under it: each
    # element is redrawn in the browser on every slider move, and this table costs no DataFrame.
    lines = ["| headline | median | 80% interval | draws without a value |", "|---|---|---|---|"]
    lines += ["| " + " | ".join(escape_markdown(cell) for cell in row) + " |" for row in rows]
    st.markdown("## How wide the answer is\n\n" + "\n".join(lines) + f"\n\n:gray[:small[{escape_markdown(said)}]]")


def uncertainty_views(chain: Chain, values: Mapping[str, Value], draws: Draws) -> dict[str, Callable[[], None]]:
    """One headline's distribution over the draws and the tornado of its drivers, as views for ``tabbed``.

    Empty when no range is on.
    """
    if not draws.varies:
        return {}
    return {"How its draws fall": lambda: _distribution(chain, draws, _headline_picked(chain, draws)),
            "Which slider matters most": lambda: _tornado(chain, values, _headline_picked(chain, draws))}


def _headline_picked(chain: Chain, draws: Draws) -> Headline:
    """The headline whose spread and drivers the uncertainty views show, picked above the open view."""
    varying = [h for h in chain.headlines if draws.summaries[h.key].p10 != draws.summaries[h.key].p90]
    labels = {h.label: h for h in chain.headlines}
    pick = f"_{chain.params.model}_spread_of"
    if st.session_state.get(pick) not in labels:
        st.session_state[pick] = (varying or list(chain.headlines))[0].label
    return labels[st.selectbox("Headline", list(labels), key=pick,
                               help="The answer whose spread and drivers the two uncertainty views show.")]


def _distribution(chain: Chain, draws: Draws, headline: Headline) -> None:
    summary = draws.summaries[headline.key]
    chart(histogram_figure(headline, draws.heads.values[headline.key], summary), f"{chain.url_path}_draws",
          f"{chain.url_path}_draws", download=False)
    if summary.undefined:
        st.caption(f"{summary.undefined:.0%} of draws give no value ({_reason(draws, headline.key)}); the histogram "
                   "shows the others.")


def _tornado(chain: Chain, values: Mapping[str, Value], headline: Headline) -> None:
    params = chain.params
    swings = sensitivity(chain, values)[headline.key]
    current = chain.headline_values(values)[headline.key].value
    chart(tornado_figure(headline, current, swings), f"{chain.url_path}_tornado", f"{chain.url_path}_tornado",
          download=False)
    st.markdown(drivers_sentence(headline, swings))
    st.caption("Each bar: one ranged number moved alone from the low to the high end of its 80% interval, every "
               "other number as set; orange where its high end raises the headline, blue where it lowers it.")
    opener = f"_{params.model}_open_param"

    def on_open() -> None:
        key = {s.param.label: s.param.key for s in swings}.get(st.session_state[opener])
        if key is not None:
            open_control(params, key)
        st.session_state[opener] = None

    st.selectbox("Open a parameter's controls", [s.param.label for s in swings], index=None, key=opener,
                 on_change=then_whole_page(on_open), placeholder="Pick one from the chart")


def _reason(draws: Draws, key: str) -> str:
    reasons = [str(r) for r in draws.heads.reasons[key] if r]
    return max(set(reasons), key=reasons.count) if reasons else "none"
