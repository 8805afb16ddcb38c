"""The time-horizons parameters and presets (METR's trend, its extrapolation, AI 2027's model).

Sources: ../shared/MODELS.md section 4. Keys differ from the other chains' where the quantity
differs (``h_doubling``, not GPT-human's ``doubling``): one key means one quantity in the whole app.
"""

from __future__ import annotations

from lib.core.presets import Preset
from lib.core.ranges import with_uncertainty
from lib.core.registry import Param, ParamSet, Source, Spread

METR_TH11 = Source("METR, Time Horizon 1.1 (2026): per-model horizons and the trend block of its data file",
                   "https://metr.org/time-horizons")
METR_PAPER = Source("Kwa et al. 2025, 'Measuring AI Ability to Complete Long Tasks' (METR), arXiv:2503.14499",
                    "https://arxiv.org/abs/2503.14499")
AI2027 = Source("Lifland, Jurkovic & FutureSearch, AI 2027 Timelines Forecast (April 2025), Method 1: "
                "time-horizon-extension, Eli's parameters (its code: uvafan/timelines-takeoff-ai-2027)",
                "https://ai-2027.com/supplements/timelines-forecast")
CRITIQUE = Source("titotal, 'A deep critique of AI 2027's bad timeline models' (LessWrong and Substack, June 2025)")
OUR_CHOICE = Source("This project's choice (see the help text)")

WORK_HOURS = {"work-day": 8.0, "work-week": 40.0, "work-month": 167.0, "work-year": 2000.0}
WORK_MONTH_HOURS = WORK_HOURS["work-month"]  # METR: target_minutes = 167 * 60


def _lognormal_80(lo: float, hi: float, source: Source, what: str) -> Spread:
    return Spread(lo, hi, source, note=f"{what}: AI 2027's 80% interval, drawn log-normal as its code does")


GROWTH_CHOICES = ("exponential", "superexponential", "subexponential")

PARAMS = with_uncertainty(ParamSet(
    model="time-horizons",
    params=(
        Param("metric", "Success rate", "", "p50",
              "The horizon at which agents succeed half the time (METR's headline) or 80% of the time (shorter, "
              "and what AI 2027 uses).", METR_TH11, kind="choice", choices=("p50", "p80"),
              choice_labels=("50% success", "80% success")),
        Param("fit_since", "Fit the trend from", "year", 2019.0,
              "Only models released from this year on enter the fit. 2019 takes every state-of-the-art point "
              "(METR: 187.8 days per doubling); 2023 gives METR's 'from 2023 on' trend (128.7 days).",
              METR_TH11, min=2019.0, max=2025.5, step=0.25),
        Param("method", "Forecast", "", "trend",
              "Extrapolate the trend from the start (exponential, or each doubling a fraction shorter or longer), "
              "or AI 2027's time-horizon-extension model, which adds AI R&D speed-ups, the internal models' lead "
              "and a cost-and-speed delay.", OUR_CHOICE, kind="choice", choices=("trend", "ai2027"),
              choice_labels=("Extrapolate the trend", "AI 2027's model")),
        Param("start_from", "Start from", "", "latest",
              "Where the extrapolation starts: the latest state-of-the-art measurement, the fitted line at a date, "
              "or a horizon you give (AI 2027 started from 15 minutes at 80% in April 2025).", OUR_CHOICE,
              kind="choice", choices=("latest", "trend", "given"),
              choice_labels=("Latest measurement", "Fitted line at a date", "A horizon you give")),
        Param("from_year", "Start date", "year", 2026.25,
              "The date the extrapolation starts from (the fitted line's value there, or your horizon).",
              OUR_CHOICE, min=2019.0, max=2035.0, step=0.05, active_when=("start_from", ("trend", "given"))),
        Param("from_min", "Start horizon", "minutes", 15.0,
              "The horizon at the start date, in minutes of expert-human time (AI 2027: 15 minutes at 80%, April "
              "2025).", AI2027, min=0.1, max=100_000.0, scale="log", active_when=("start_from", "given")),
        Param("h_doubling", "First doubling time", "months", 6.2,
              "Months for the horizon to double, at the start. The default is METR's all-time trend at 50% "
              "(187.8 days, 6.2 months); 'Use the fitted doubling time' sets it from the fit above.",
              METR_TH11, min=1.0, max=36.0, scale="log",
              spread=_lognormal_80(2.5, 9.0, AI2027, "first doubling time")),
        Param("growth", "Growth", "", "exponential",
              "Exponential: every doubling takes as long as the first. Superexponential: each a fraction shorter, "
              "so every horizon is reached within a finite time (first doubling / fraction). Subexponential: each a "
              "fraction longer.", AI2027, kind="choice", choices=GROWTH_CHOICES,
              choice_labels=("Exponential", "Superexponential", "Subexponential"),
              # AI 2027's mixture: 45% superexponential, 10% subexponential, the rest exponential: the
              # uncertainty view draws the growth by it (its Draw... switch at 0 holds the growth as set).
              spread=Spread(0.0, 0.0, AI2027, weights=(0.45, 0.45, 0.10),
                            note="AI 2027's p_superexponential 0.45 and p_subexponential 0.10")),
        Param("shrink", "Each doubling shorter by", "fraction", 0.1,
              "Superexponential growth: each doubling takes (1 - this) times as long as the one before "
              "(AI 2027: 0.10; the AI Futures Model of Dec 2025: 0.08, each doubling 0.92x the last).",
              AI2027, min=0.01, max=0.5, step=0.01, active_when=("growth", "superexponential")),
        Param("stretch", "Each doubling longer by", "fraction", 0.1,
              "Subexponential growth: each doubling takes (1 + this) times as long as the one before "
              "(AI 2027: 0.10).", AI2027, min=0.01, max=0.5, step=0.01, active_when=("growth", "subexponential")),
        Param("target_h", "Target horizon", "hours", 120 * WORK_MONTH_HOURS,
              "The horizon the argument needs, in hours of expert-human time. Default: AI 2027's median for a "
              "superhuman coder, 120 work-months of 167 hours (its 80% interval: 1 to 14,400 work-months). The AI "
              "Futures Model (Dec 2025) asks 3.3 work-years (6,600 h).", AI2027, min=1.0, max=10_000_000.0,
              scale="log", spread=_lognormal_80(WORK_MONTH_HOURS, 14_400 * WORK_MONTH_HOURS, AI2027,
                                               "horizon a superhuman coder needs")),
        Param("at_year", "Horizon at date", "year", 2027.0,
              "The date whose horizon the page quotes. Default: the end of 2026, the year seed 001's bet asks "
              "about.", OUR_CHOICE, min=2020.0, max=2040.0, step=0.25),
        Param("cutoff", "Forecast made with data up to", "year", 2025.25,
              "'What happened since': the trend fitted to the models released before this date, against the ones "
              "released after. Default: METR's paper (March 2025).", METR_PAPER, min=2021.0, max=2026.5, step=0.25),
        Param("lead", "Internal models' lead", "months", 1.22,
              "AI 2027: labs' internal models are this far ahead of the public ones (80% interval 0.25-6 months; "
              "the default is its median).", AI2027, min=0.05, max=24.0, scale="log",
              active_when=("method", "ai2027"), spread=_lognormal_80(0.25, 6.0, AI2027, "internal models' lead")),
        Param("sc_delay", "Cost-and-speed delay", "months", 3.87,
              "AI 2027: progress still needed after the horizon is reached, until a coder is cheap and fast "
              "enough (80% interval 0.5-30 months; the default is its median).", AI2027, min=0.1, max=120.0,
              scale="log", active_when=("method", "ai2027"),
              spread=_lognormal_80(0.5, 30.0, AI2027, "cost-and-speed delay")),
        Param("rnd_now", "AI R&D speed-up today", "x", 0.095,
              "AI 2027: how much faster algorithmic progress is today thanks to AI (0.1 = 10% faster; 80% "
              "interval 0.03-0.3, the default is its median).", AI2027, min=0.001, max=3.0, scale="log",
              active_when=("method", "ai2027"), spread=_lognormal_80(0.03, 0.3, AI2027, "R&D speed-up today")),
        Param("rnd_sc", "AI R&D speed-up at the coder", "x", 7.75,
              "AI 2027: the speed-up once the superhuman coder exists (80% interval 1.5-40, the default is its "
              "median), reached geometrically as progress is made.", AI2027, min=0.01, max=200.0, scale="log",
              active_when=("method", "ai2027"), spread=_lognormal_80(1.5, 40.0, AI2027, "R&D speed-up at the coder")),
    ),
    groups=(
        ("Measured trend", ("metric", "fit_since")),
        ("Extrapolation", ("method", "start_from", "from_year", "from_min", "h_doubling", "growth", "shrink", "stretch")),
        ("Targets", ("target_h", "at_year")),
        ("AI 2027's model", ("lead", "sc_delay", "rnd_now", "rnd_sc")),
        ("What happened since", ("cutoff",)),
    ),
))

PRESETS: tuple[Preset, ...] = (
    Preset("METR all-time trend", "Every state-of-the-art point since GPT-2, exponential from the latest.",
           {}, METR_TH11),
    Preset("METR from 2023 on", "The faster recent trend: 128.7 days per doubling.",
           {"fit_since": 2023.0, "h_doubling": 4.2}, METR_TH11),
    Preset("AI 2027 (April 2025)", "Eli Lifland's medians: 15 minutes at 80% in April 2025, AI R&D speed-ups, "
           "superexponential growth (its most likely case, 45%).",
           {"metric": "p80", "method": "ai2027", "start_from": "given", "from_year": 2025.25, "from_min": 15.0,
            "h_doubling": 4.74, "growth": "superexponential"}, AI2027),
    Preset("The critique", "The same start, exponential, no speed-ups: titotal's point that the finite-time "
           "superexponential drives AI 2027's early dates.",
           {"metric": "p80", "start_from": "given", "from_year": 2025.25, "from_min": 15.0, "h_doubling": 4.74}, CRITIQUE),
)
