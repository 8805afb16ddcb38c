"""The GPT-human chain's parameters and presets (Gwern 2020, footnote 20, and later estimates)."""

from __future__ import annotations

from dataclasses import replace

from lib.core.frontier import LAW_KEYS, ON_GPT3_SCALE
from lib.core.presets import Preset
from lib.core.ranges import with_uncertainty
from lib.core.registry import Param, ParamSet, Source, Spread
from lib.core.shared_params import BESIROGLU_PARAMS, FIT_B, FIT_K, HOFFMANN_PARAMS, HUMAN, K_ALPHA, K_CC

GWERN = Source("Gwern 2020, 'The Scaling Hypothesis', footnote 20", "https://gwern.net/scaling-hypothesis")
AMODEI = Source("Amodei & Hernandez 2018, 'AI and Compute'", "https://openai.com/research/ai-and-compute")
SEVILLA = Source("Sevilla et al. 2022, 'Compute Trends Across Three Eras of Machine Learning'",
                 "https://arxiv.org/abs/2202.05924")
HERNANDEZ = Source("Hernandez & Brown 2020, 'Measuring the Algorithmic Efficiency of Neural Networks' "
                   "(algorithmic efficiency alone); Gwern 2020 reads it as cost net of hardware and algorithms",
                   "https://arxiv.org/abs/2005.04305")

DOUBLING_AMODEI_MONTHS = 3.4  # Amodei & Hernandez 2018: 3.4-month doubling, 2012-2018
DOUBLING_SEVILLA_MONTHS = 6.0  # Sevilla et al. 2022: ~6 months in the deep-learning era
DOUBLING_RANGE = Source("Amodei & Hernandez 2018 (3.4 months, 2012-2018) and Sevilla et al. 2022 (~6 months, "
                        "deep-learning era)", "https://arxiv.org/abs/2202.05924")

# The fit and the human-level loss are shared with the Loss page (lib/core/shared_params.py), whose
# bounds keep every corner finite; the model clamps to them, so no input can produce inf or NaN.
LAW_LABELS = ("GPT-3 fit (the essay's)", "Kaplan 2020 L(C_min)", "Chinchilla (Hoffmann 2022), compute-optimal",
              "Replication (Besiroglu 2024), compute-optimal")


def _for_law(law: str, params: tuple[Param, ...]) -> tuple[Param, ...]:
    return tuple(replace(p, active_when=("law", law)) for p in params)


# With the uncertainty view's controls (draws, seed, a range per number): lib/core/ranges.py.
PARAMS = with_uncertainty(ParamSet(
    model="gpt-human",
    params=(
        Param("law", "Loss curve", "", "gpt3",
              "Which scaling law carries the loss down to human level: the essay's GPT-3 fit, or one of the Loss "
              "page's other laws along its compute-optimal frontier (their constants are the Loss page's). "
              "Chinchilla's laws are on another dataset (MassiveText), where the essay's 0.86 means nothing: with "
              "them the target is a ratio of reducible loss.", GWERN, kind="choice", choices=LAW_KEYS,
              choice_labels=LAW_LABELS),
        *_for_law("gpt3", (FIT_K, FIT_B)),
        *_for_law("kaplan", (K_ALPHA, K_CC)),
        *_for_law("hoffmann", HOFFMANN_PARAMS),
        *_for_law("besiroglu", BESIROGLU_PARAMS),
        Param("ref_pfd", "Reference model compute", "PF-days", 3640.0,
              "Training compute of the reference model (GPT-3 175B: 3,640 PF-days = 3.14e23 FLOP).",
              Source("Brown et al. 2020, Table D.1", "https://arxiv.org/abs/2005.14165"),
              min=1.0, max=1e7, scale="log"),
        Param("ref_cost", "Reference model cost", "USD", 5e6,
              "Cost of training the reference model, in start-year dollars. The essay uses ~$5M (2020 dollars); "
              "Epoch AI estimates ~$2M in 2023 dollars.", GWERN, min=1e4, max=1e10, scale="log"),
        Param("target", "Target set by", "", "loss",
              "'loss': give the human-level loss directly (the essay's 0.86). "
              "'ratio': divide the reference model's reducible loss (its loss above the law's irreducible E; all "
              "of it for the pure power laws) by an error ratio (ratio 2 gives 0.867 on the GPT-3 fit, hence "
              "1.87e6x rather than 2.2e6x). Chinchilla's laws always use the ratio.", GWERN,
              kind="choice", choices=("loss", "ratio"), choice_labels=("Target loss", "Error ratio to reference"),
              active_when=("law", ON_GPT3_SCALE)),
        Param("ratio", "Error ratio to reference", "x", 2.0,
              "How many times a human's reducible loss the reference model has (essay: about 2 times the whole "
              "loss, which is all reducible on the GPT-3 fit). Used when the target is set by ratio, and always "
              "with Chinchilla's laws.", GWERN, min=1.0, max=10.0, step=0.1,
              inactive_when=(("target", "loss"), ("law", ON_GPT3_SCALE))),
        replace(HUMAN, active_when=(("target", "loss"), ("law", ON_GPT3_SCALE))),
        Param("floor", "Irreducible loss", "nats/token", 0.0,
              "Loss the curve cannot go below, on the chosen law's scale (the GPT-3 fit's, unless you chose another "
              "law). 0 means no floor, as in the essay; "
              "any other value is your assumption. A target at or below the floor is never reached.",
              Source("Our modelling choice (cf. Kaplan et al. 2020; Hoffmann et al. 2022)"),
              min=0.0, max=3.0, step=0.01),
        Param("doubling", "Doubling time of largest training runs", "months", DOUBLING_AMODEI_MONTHS,
              f"Amodei & Hernandez 2018 measured {DOUBLING_AMODEI_MONTHS:g} months (2012-2018); Sevilla et al. "
              f"2022 find ~{DOUBLING_SEVILLA_MONTHS:g} months in the deep-learning era.", AMODEI,
              min=0.5, max=120.0, scale="log",
              # The two measurements as the ends of an 80% interval: the essay's figure is the fast end.
              spread=Spread(DOUBLING_AMODEI_MONTHS, DOUBLING_SEVILLA_MONTHS, DOUBLING_RANGE,
                            note="Amodei & Hernandez's 3.4 months and Sevilla et al.'s ~6 as its 10th and 90th "
                                 "percentiles")),
        Param("halving", "Halving time of cost of fixed capability", "months", 16.0,
              "Time for the cost of a fixed level of performance to halve. Hernandez & Brown 2020 measured "
              "algorithmic efficiency alone (44x less compute for AlexNet-level accuracy 2012-2019, doubling "
              "every 16 months); the essay reads it as the cost net of hardware and algorithmic progress.",
              HERNANDEZ, min=1.0, max=240.0, scale="log"),
        Param("start", "Start year", "", 2020,
              "Year of the reference model and of its cost; prices are in this year's dollars. Years are counted "
              "from the start of this year.", GWERN, min=2000, max=2100, step=1, kind="int"),
        Param("budget", "Budget", "USD", 1e9,
              "Spending a GPT-human must fit into, in start-year dollars (essay: $1B). For scale, add the "
              "Manhattan Project or Apollo to the cost chart: their lines are converted with the CPI.", GWERN,
              min=1e6, max=1e15, scale="log"),
        Param("refs", "Reference budgets on the cost chart", "", ("b1", "b10", "b100", "manhattan", "iraq"),
              "Horizontal lines that give the cost curve a scale; historical ones are converted to the "
              "chosen dollars with the US CPI (sources per line on the Sources page).",
              Source("data/reference_budgets.csv (sources per row)"), kind="multi",
              choices=("b1", "b10", "b100", "manhattan", "apollo", "gdp1", "iraq"),
              choice_labels=("$1 billion", "$10 billion", "$100 billion", "Manhattan Project (~$2B, 1946)",
                             "Apollo programme ($25.4B nominal, NASA 1973)", "1% of US GDP (2020)",
                             "Iraq war, US appropriations FY2003-FY2014 (~$815B)")),
        Param("dollars", "Show dollars in", "", "start",
              "'start': dollars of the start year (the essay's 2020 dollars). 'today': converted with "
              "the US CPI to the latest year in data/cpi_us.csv.",
              Source("US Bureau of Labor Statistics, CPI-U annual averages", "https://www.bls.gov/cpi/"),
              kind="choice", choices=("start", "today"),
              choice_labels=("Start-year dollars", "Today's dollars (CPI)")),
    ),
    groups=(
        ("Scaling law", ("law", "fit_k", "fit_b", "k_alpha", "k_cc", *(p.key for p in HOFFMANN_PARAMS),
                         *(p.key for p in BESIROGLU_PARAMS), "floor")),
        ("Reference model", ("ref_pfd", "ref_cost")),
        ("Human-level target", ("target", "human", "ratio")),
        ("Trends", ("doubling", "halving", "start", "budget")),
        ("Display", ("refs", "dollars")),
    ),
))

PRESETS: tuple[Preset, ...] = (
    Preset("Gwern 2020 (essay)",
           "Footnote 20 as written: target loss 0.86, 3.4-month doubling, 16-month halving, $1B.",
           PARAMS.defaults(), GWERN),
    Preset("Slower compute growth (Sevilla 2022, 6-month doubling)",
           "The essay's chain with the ~6-month doubling of training compute measured later.",
           {**PARAMS.defaults(), "doubling": DOUBLING_SEVILLA_MONTHS}, SEVILLA),
    Preset("Exact halving (1.7338 / 2)",
           "Target set as the fit's GPT-3 loss divided by 2 (0.867): ~1.87e6x instead of 2.2e6x.",
           {**PARAMS.defaults(), "target": "ratio", "ratio": 2.0}, GWERN),
)
