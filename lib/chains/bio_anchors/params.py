"""The biological-anchors parameters and presets. Defaults point at :mod:`.published`."""

from __future__ import annotations

from lib.chains.bio_anchors.published import (
    ANCHOR_KEYS,
    ANCHORS,
    BEA_GDP,
    CHINCHILLA,
    COTRA_2020,
    COTRA_2020_TRENDS,
    COTRA_2022,
    OUR_CHOICE,
    REQUIREMENT_FLOOR_LOG10,
    RP_PORT,
    RP_PORT_ALGO_BOUNDS,
    RP_PORT_TREND_RANGES,
    Anchor,
)
from lib.core.facts import US_GDP_2020_USD
from lib.core.presets import Preset
from lib.core.ranges import with_uncertainty
from lib.core.registry import Param, ParamSet, Spread

T = COTRA_2020_TRENDS
NONE_FROM, NONE_TO = 2020, 2100  # the years the two "none" weight sliders apply to


def _weight_param(a: Anchor) -> Param:
    return Param(f"w_{a.key}", f"Weight: {a.label}", "", a.weight,
                 f"Relative weight of the {a.label.lower()} anchor (the report's is {a.weight:g}). Only ratios "
                 "matter: the weights are divided by their sum, and the anchors share what the 'none of these "
                 "works' weight leaves.", COTRA_2020, min=0.0, max=100.0, step=1.0)


def _median_param(a: Anchor) -> Param:
    return Param(f"p50_{a.key}", f"Median requirement: {a.label}", "log10 FLOP", a.p50,
                 f"Median training compute with 2020 algorithms under the {a.label.lower()} anchor "
                 f"(port: 1e{a.p50:g} FLOP; 10-90% range 1e{a.p10:g} to 1e{a.p90:g}). Moving it moves the "
                 "whole distribution and, with the per-anchor rule, its pace of algorithmic progress.",
                 RP_PORT, min=20.0, max=60.0, step=0.1)


ALGO_CHOICES = ("rule", "global")


def _port_range(low: float, high: float, line: int, written: str, more: str = "") -> Spread:
    """A range the port writes as a comment beside its point value (ajeya2020.squiggle, ``line``), on by default.

    The port never samples these: its model runs on the point values. Squiggle's ``a to b`` is a 90%
    interval; we take it as our 80% interval, so our draws spread a little wider than the port's would.
    ``more`` says what else a reader needs: where the draws' median is not the point value (the
    interval is not centred on it), or the units the comment is in.
    """
    return Spread(low, high, RP_PORT_TREND_RANGES, note=(
        f"line {line} of the port reads '{written}': a comment beside its point value, not a distribution it "
        "samples. Squiggle's 'a to b' is a 90% interval; we use it as our 80% interval, slightly wider than the "
        "port's" + (f"; {more}" if more else "")))


# The ends of the port's per-anchor rule, bound(3.5 - (p50-29)/4, 2, 3.5) years and bound(2 + (p50-32)/4, 2, 5) OOM.
RULE_NOTE = ("the limits of the port's per-anchor rule (its bound(...), hard limits there, not an interval of a "
             "distribution), used as our 80% interval")

# With the uncertainty view's controls (draws, seed, a range per number): lib/core/ranges.py.
PARAMS = with_uncertainty(ParamSet(
    model="bio-anchors",
    params=(
        *(_weight_param(a) for a in ANCHORS),
        *(_median_param(a) for a in ANCHORS),
        Param("spread", "Requirement spread", "x", 1.0,
              "Multiplies the width of every anchor's requirement distribution (1 = the port's 10-90% ranges).",
              RP_PORT, min=0.25, max=3.0, step=0.05),
        Param("req_floor", "Requirement floor", "log10 FLOP", REQUIREMENT_FLOOR_LOG10,
              "Update against the low end: TAI is assumed to need more than this much compute (2020 algorithms). "
              "Our choice: each anchor's distribution is cut here and renormalised. The port instead shifts "
              "sampled requirements below 1e27 upwards and clips at 1e24.", OUR_CHOICE, min=20.0, max=30.0, step=0.1),
        Param("data_exp", "Neural-net data scaling exponent", "", "0.8",
              "Training data D grows as parameters^exponent. Chinchilla's linear rule needs ~1.2 orders of "
              "magnitude more data, hence compute, for a brain-sized (~3e14-parameter) model, raising all three "
              "neural-net anchors.", CHINCHILLA, kind="choice", choices=("0.8", "1.0"),
              choice_labels=("0.8 (report, Kaplan-like)", "1.0 (Chinchilla, ~20 tokens/param)")),
        Param("none_2020", f"'None of these works' weight in {NONE_FROM}", "%", 100 * T.none_2020,
              f"Probability that no anchor's compute is enough, as of {NONE_FROM}; tapers linearly to the "
              f"{NONE_TO} value.", COTRA_2020, min=0.0, max=50.0, step=0.5),
        Param("none_2100", f"'None of these works' weight in {NONE_TO}", "%", 100 * T.none_2100,
              f"The 'none' weight reached by {NONE_TO}; the weight it frees goes to the anchors pro rata. "
              f"Cannot exceed the {NONE_FROM} value (it is held at the {NONE_FROM} value if set higher).",
              COTRA_2020, min=0.0, max=50.0, step=0.5),
        Param("flop_usd", "FLOP per dollar in 2025", "FLOP/$", T.flop_per_usd_2025,
              "Price-performance of training hardware in 2025, in 2020 dollars (~1e17 in 2020, 4e17 in 2025).",
              COTRA_2020, min=1e15, max=1e21, scale="log"),
        Param("hw_halving", "Hardware price halving time", "years", T.hw_halving_years,
              "Years for the price of a FLOP to halve (report: 2.5).", COTRA_2020, min=0.5, max=10.0, scale="log",
              spread=_port_range(1.5, 3.5, 104, "compute_$_halving_time = 2.5 // 1.5 to 3.5",
                                 "drawn log-normal, its median is 2.3 years (√(1.5 × 3.5)), not 2.5")),
        Param("flop_usd_max", "Maximum FLOP per dollar", "FLOP/$", T.max_flop_per_usd,
              "Level where hardware price-performance levels off (report: about six more orders of magnitude; "
              "the port uses 1e24).", RP_PORT, min=1e19, max=1e30, scale="log",
              spread=_port_range(1e22, 1e26, 105, "max_FLOP_per_$ = 1e24 // 22 to 26",
                                 "22 to 26 in log10 FLOP/$, i.e. 1e22 to 1e26")),
        Param("spend", "Spend on the largest run in 2025", "$", T.spend_2025_usd,
              "Dollars (2020) spent on the largest training run in 2025 (report: $1e9).", COTRA_2020,
              min=1e6, max=1e13, scale="log",
              spread=_port_range(1e8, 1e10, 119, "initial_pay = 1e9 // in 2020 USD  1e8 to 1e10")),
        Param("spend_doubling", "Spend doubling time", "years", T.spend_doubling_years,
              "Years for the largest-run budget to double (the report's spreadsheet: 2.5; prose summaries say 2).",
              RP_PORT, min=0.5, max=10.0, scale="log",
              spread=_port_range(1.0, 3.0, 120, "spend_doubling_time = 2.5  // 1 to 3",
                                 "drawn log-normal, its median is 1.7 years (√3), not 2.5")),
        Param("gdp_share", "Maximum share of GDP", "%", 100 * T.max_gdp_share,
              "Spending levels off at this share of the largest economy's GDP (report: 1%).", COTRA_2020,
              min=0.05, max=10.0, step=0.05,
              spread=_port_range(0.5, 2.0, 122, "max_gdp_frac = .01 // of frontier GDP in 2020 USD  // .005 to .02",
                                 "drawn normal (this slider is linear), its median is 1.25%, not 1%")),
        Param("gdp_growth", "GDP growth", "%/yr", 100 * T.gdp_growth,
              f"Real growth of the largest economy's GDP, from US GDP in 2020 "
              f"(${US_GDP_2020_USD.value / 1e12:.2f}T, BEA).", BEA_GDP, min=0.0, max=10.0, step=0.1,
              spread=_port_range(2.0, 5.0, 114, "growth_rate = .03 // per year  // .02 to .05",
                                 "drawn normal, its median is 3.5%/yr, not 3")),
        Param("algo", "Algorithmic progress", "", "rule",
              "Per-anchor rule: halving time clip(3.5 - (p50-29)/4, 2, 3.5) years and cap clip(2 + (p50-32)/4, 2, 5) "
              "OOM, so bigger requirements improve faster and further (the port's rule, which it applies to each "
              "sampled requirement; here it is applied to each anchor's median, an approximation). Otherwise the "
              "two sliders below apply to all anchors.", RP_PORT, kind="choice", choices=ALGO_CHOICES,
              choice_labels=("Per-anchor rule (port, at each median)", "Same halving time and cap for every anchor")),
        Param("algo_halving", "Algorithmic halving time", "years", T.algo_halving_years,
              "Years for the compute needed (at fixed capability) to halve, used when progress is the same for "
              "every anchor (the port's rule spans 2 to 3.5).", RP_PORT, min=0.5, max=10.0, scale="log",
              active_when=("algo", "global"),
              spread=Spread(2.0, 3.5, RP_PORT_ALGO_BOUNDS, note=RULE_NOTE)),
        Param("algo_cap", "Maximum algorithmic progress", "OOM", T.algo_cap_oom,
              "Orders of magnitude by which algorithms can at most cut the requirement, used when progress is the "
              "same for every anchor (the port's rule spans 2 to 5).", RP_PORT, min=0.0, max=8.0, step=0.1,
              active_when=("algo", "global"),
              spread=Spread(2.0, 5.0, RP_PORT_ALGO_BOUNDS, note=RULE_NOTE)),
        Param("algo_start", "Algorithmic progress counted from", "", T.algo_start_year,
              "Year from which requirements start to shrink with better algorithms (the port: 2025; "
              "the requirements themselves are stated with 2020 algorithms).", RP_PORT,
              min=2020, max=2040, step=1, kind="int"),
        Param("anchors", "Show each anchor's curve", "", True,
              "Draw every anchor's own probability curve faintly behind the overall one.", COTRA_2020, kind="bool"),
    ),
    groups=(
        ("Anchor weights", tuple(f"w_{k}" for k in ANCHOR_KEYS) + ("none_2020", "none_2100")),
        ("Requirements (2020 algorithms)", tuple(f"p50_{k}" for k in ANCHOR_KEYS) + ("spread", "req_floor", "data_exp")),
        ("Hardware", ("flop_usd", "hw_halving", "flop_usd_max")),
        ("Spending", ("spend", "spend_doubling", "gdp_share", "gdp_growth")),
        ("Algorithms", ("algo", "algo_halving", "algo_cap", "algo_start")),
        ("Display", ("anchors",)),
    ),
))

COTRA_2022_FIT = {
    "w_life": 10.0, "w_short": 47.0, "w_med": 10.0, "w_long": 10.0, "w_genome": 10.0, "w_evo": 10.0,
    "flop_usd": 4e18, "req_floor": 26.0, "spend_doubling": 1.5, "spread": 0.8,
}

PRESETS: tuple[Preset, ...] = (
    Preset("Cotra 2020 best guess",
           "The report's best-guess inputs (the defaults). Cotra's published figures are ~8% by 2030, ~47% by 2050 "
           "and a median of ~2053; this model gives its own numbers from these inputs (the page shows both).",
           PARAMS.defaults(), COTRA_2020),
    Preset("Faster trends (the port's ranges)",
           "Hardware and spending at the fast end of the ranges the port writes as comments beside its values "
           "(not a scenario the port or the report runs; setting them all at once is our choice): FLOP/$ halving "
           "1.5 yr, max 1e26 FLOP/$, $1e10 in 2025, up to 2% of GDP; algorithms halving every 2 years up to 5 OOM "
           "for every anchor (the ends of the port's rule). Spend doubling and GDP growth stay at the report's.",
           {**PARAMS.defaults(), "hw_halving": 1.5, "flop_usd_max": 1e26, "spend": 1e10, "gdp_share": 2.0,
            "algo": "global", "algo_halving": 2.0, "algo_cap": 5.0}, OUR_CHOICE),
    Preset("Slower trends (the port's ranges)",
           "Hardware and spending at the slow end of the ranges the port writes as comments beside its values "
           "(not a scenario the port or the report runs; setting them all at once is our choice): FLOP/$ halving "
           "3.5 yr, max 1e22 FLOP/$, $1e8 in 2025, up to 0.5% of GDP; algorithms halving every 3.5 years up to 2 "
           "OOM for every anchor (the ends of the port's rule). Spend doubling and GDP growth stay at the report's.",
           {**PARAMS.defaults(), "hw_halving": 3.5, "flop_usd_max": 1e22, "spend": 1e8, "gdp_share": 0.5,
            "algo": "global", "algo_halving": 3.5, "algo_cap": 2.0}, OUR_CHOICE),
    Preset("Cotra 2022 update (our fit)",
           "This project's fit to Cotra's 2022 personal figures (~15% by 2030, ~35% by 2036, ~50% by 2040, ~60% "
           "by 2050); the inputs are ours, not hers or the port's. Every choice is ours: FLOP/$ 4e18 in 2025 (her "
           "post's one-time ~10x hardware upgrade), weights lifetime 10, short horizon 47, medium 10, long 10, "
           "genome 10, evolution 10 (more weight on short horizons, as she says), requirement floor 1e26 FLOP, "
           "spend doubling every 1.5 years, requirement spread 0.8. The curve is smoother than her numbers: "
           "its median comes ~1.5 years later and it gives ~62% by 2050.",
           {**PARAMS.defaults(), **COTRA_2022_FIT}, COTRA_2022),
)
