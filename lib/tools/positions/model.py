"""Positions: the essays' views as named, sourced sets of values across every chain.

A preset belongs to one page; a position sets every chain at once, so that "Gao's weak
scenario" means the same floor on the Loss page and on the GPT-human page. Each position
quotes the passage it encodes and says, per chain, what it sets and where it is silent (that
chain stays at its defaults). Values a passage implies without stating a number are marked as
this project's reading, with the reason, in the position's ``choices``.

Pure: no Streamlit, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from lib.chains import CHAINS, get
from lib.chains.bio_anchors.params import COTRA_2022_FIT
from lib.chains.bio_anchors.published import COTRA_2020, COTRA_2020_FORECAST, COTRA_2022
from lib.chains.gpt_human.params import DOUBLING_SEVILLA_MONTHS
from lib.chains.loss.params import GAO
from lib.chains.time_horizons.params import AI2027, CRITIQUE, METR_PAPER, METR_TH11
from lib.core.registry import Source, Value
from lib.core.shared_params import GWERN, SHARED_KEYS

NEWSLETTER = Source("Alignment Newsletter (Rohin Shah), summary and opinion of Hoffmann et al. 2022, "
                    "'Training Compute-Optimal Large Language Models'", "https://rohinshah.com/alignment-newsletter/")
# Our copy of the essay has no title, author or date. Its opening matches the LessWrong post named
# here; neither the post's address nor its publication date could be checked against a stored copy,
# so the date is the one its text implies (it reports events of December 2021), and no URL is given.
BEAR = Source("'How I'm thinking about GPT-N' (LessWrong), the transformer-skeptic essay in this project's seeds "
              "(its section 'Hypothesis: transformers work by interpolation only'). Date from its text: after "
              "December 2021 (it reports events of that month); the post's URL and publication date are not "
              "verified here")

SEED_001 = Source("Seed 001 of this project: a comment exchange on long-horizon tasks, quoting a common view and "
                  "proposing a bet on AIs in 2026 (author and address not verified here)")
AI_FUTURES = Source("AI Futures Project, AI Futures Model (December 2025), its figures as ../shared/MODELS.md quotes "
                    "them (code and licence not verified)", "https://aifuturesmodel.com")

POSITION_KEY = "position"
"""The link key that applies a position (``?position=gao2021_weak``) on any page."""


@dataclass(frozen=True)
class Position:
    """A named view: values per chain (``"shared"`` for :mod:`lib.core.shared_params`), with its passage.

    ``choices`` lists, in words, each value set and whether the source states it or we read it in;
    ``silent`` names the chains the source says nothing about (left at their defaults).
    """

    key: str
    name: str
    summary: str
    source: Source
    passage: str
    choices: tuple[str, ...]
    values: Mapping[str, Mapping[str, Value]] = field(default_factory=dict)

    @property
    def silent(self) -> tuple[str, ...]:
        """Chains this position sets nothing on."""
        return tuple(c.key for c in CHAINS if not self.sets(c.key))

    def sets(self, chain_key: str) -> bool:
        chain = get(chain_key)
        return chain_key in self.values or any(k in chain.params for k in self.values.get("shared", {}))

    def overrides(self, chain_key: str) -> dict[str, Value]:
        """What this position sets on one chain (its own values and the shared ones it uses)."""
        params = get(chain_key).params
        shared = {k: v for k, v in self.values.get("shared", {}).items() if k in params}
        return {**shared, **self.values.get(chain_key, {})}

    def chain_values(self, chain_key: str) -> dict[str, Value]:
        """A chain's full set of values under this position: its defaults overlaid with :meth:`overrides`."""
        return {**get(chain_key).params.defaults(), **self.overrides(chain_key)}

    def check(self) -> None:
        """Every value is one its parameter accepts as is (used by the tests and at import)."""
        for chain_key, values in self.values.items():
            if chain_key == "shared":
                unknown = set(values) - set(SHARED_KEYS)
                if unknown:
                    raise ValueError(f"position {self.key!r}: {sorted(unknown)} are not shared parameters")
                continue
            params = get(chain_key).params
            for key, value in values.items():
                if key in SHARED_KEYS:
                    raise ValueError(f"position {self.key!r}: set {key!r} under 'shared', once for every chain")
                _, warning = params[key].parse(params[key].format_value(value))
                if warning:
                    raise ValueError(f"position {self.key!r}: {warning}")


def _cotra_2020_summary() -> str:
    """Her published figures, labelled as hers, and this model's at the same inputs (its defaults), computed here."""
    anchors = get("bio-anchors")
    heads = anchors.headline_values(anchors.params.defaults())
    years = (2030, 2050)
    figures = COTRA_2020_FORECAST.against({y: float(heads[f"p_{y}"].value) for y in years},  # type: ignore[arg-type]
                                          heads["median_year"].value, years)
    return f"The draft report's best-guess inputs. {figures}"


# The Loss page's weak scenario as the bear case reads it: the bend just past GPT-3, the exponent
# halving every order of magnitude, and a floor well above human level.
_STALL = {"strong": False, "weak": True, "bend": 1e24, "bend_ooms": 1.0, "weak_floor": 1.2}

POSITIONS: tuple[Position, ...] = (
    Position(
        "gwern2020", "Gwern 2020: The Scaling Hypothesis",
        "Footnote 20 as written: the GPT-3 fit extended straight down to a human's loss, reached by 3.4-month "
        "doubling of the largest runs (~2027) and affordable at $1B after 16-month cost halvings (~2038).",
        GWERN,
        "\"assume GPT-3 has twice the error of a human at its current WebText perplexity of 1.73 (and so humans "
        "are ~0.86)\" ... \"If we imagine that peak AI compute usage doubles every 3.4 months, then 2.2e6 would be "
        "22 doublings away—or 6.3 years, in 2027.\"",
        ("GPT-3 fit 2.57·C^-0.048 and human-level loss 0.86: stated.",
         "GPT-human chain: 3.4-month doubling, 16-month halving, GPT-3 at $5M, a $1B budget: stated "
         "(these are the page's defaults).",
         "No floor under the line: the essay names none."),
        {"shared": {"fit_k": 2.57, "fit_b": 0.048, "human": 0.86}, "loss": {"strong": False, "weak": False}},
    ),
    Position(
        "gao2021_strong", "Gao 2021: strong capabilities",
        "The loss follows the straight line all the way down to the irreducible loss of text, and human level "
        "lies above that floor: scaling alone gets there.",
        GAO,
        "\"the model could follow the scaling law curve perfectly until it gets to the irreducible loss, and then "
        "forever cease to improve.\"",
        ("Loss page: the strong scenario alone (the weak one hidden): stated.",
         "Floor 0.5 nats, below the human-level 0.86: our reading. The essay gives no loss values; it says a "
         "language model \"will necessarily have to learn to represent and manipulate abstract concepts to improve "
         "loss beyond a certain point\", and that in the strong scenario \"this point is crossed only a few orders "
         "of magnitude in size from now\" (mid-2021). That point is not a human-level loss; placing 0.86 above "
         "the floor is our reading of it.",
         "GPT-human chain: the same 0.5 floor under its curve, which leaves its dates unchanged."),
        {"loss": {"strong": True, "weak": False, "strong_e": 0.5}, "gpt-human": {"floor": 0.5}},
    ),
    Position(
        "gao2021_weak", "Gao 2021: weak capabilities",
        "The loss slowly peels away from the line and levels off above human level: models keep improving, but "
        "never enough.",
        GAO,
        "\"the loss slowly peels away from the scaling law curve, until it either converges to some loss that "
        "isn't the irreducible loss and refuses to go down further, or it approaches the irreducible loss but "
        "takes forever to converge\"",
        ("Loss page: the weak scenario alone: stated.",
         "The bend at 1e26 FLOP, the exponent halving every 2 orders of magnitude, a floor of 1.0 nats: the Loss "
         "page's defaults, our reading; the essay gives no numbers.",
         "GPT-human chain: the same 1.0 floor, above the 0.86 target, so human level is never reached."),
        {"loss": {"strong": False, "weak": True}, "gpt-human": {"floor": 1.0}},
    ),
    Position(
        "bear2021", "Transformer bear case: scaling stalls",
        "Transformers interpolate and will be overtaken; scaling them stalls early, above human level, and compute "
        "grows more slowly than in 2012-2018.",
        BEAR,
        "\"No matter how many parameters or data you put in a neural network, it will never figure out that the "
        "underlying trend is y = x^2.\" ... \"I suspect they will be overtaken by a completely different "
        "architecture and approach soon\"",
        ("The essay argues about capabilities, not loss, and gives no numbers: every value here is our reading.",
         "Loss page: the bend just past GPT-3 (1e24 FLOP), the exponent halving every order of magnitude, a floor "
         "of 1.2 nats; the strong scenario hidden.",
         "GPT-human chain: the same 1.2 floor (never reached) and 6-month doubling (Sevilla et al. 2022's "
         "measured rate, not the essay's).",
         "Biological anchors: the essay says nothing; left at the defaults."),
        {"loss": dict(_STALL), "gpt-human": {"floor": 1.2, "doubling": DOUBLING_SEVILLA_MONTHS}},
    ),
    Position(
        "chinchilla2022", "Chinchilla update (Alignment Newsletter 2022)",
        "Compute-optimal models need about 20 tokens per parameter, far more data than Kaplan's rule: on the "
        "biological anchors this raises the neural-net requirements and lengthens the timeline.",
        NEWSLETTER,
        "\"There’s a specific parameter for this in the bio anchors framework (for the neural network paths); if "
        "you only update that parameter it will lengthen the timelines output by the model.\"",
        ("Biological anchors: data scaling exponent 1.0 (data grows in proportion to parameters, as Hoffmann et al. "
         "2022's roughly equal split implies): stated by the newsletter as the one parameter to update; the other "
         "anchors' requirements stay, as it suggests.",
         "Loss page: the budget at Chinchilla's 5.76e23 FLOP, and Kaplan's allocation rule hidden: our reading.",
         "GPT-human chain: its loss curve from Hoffmann et al.'s law along the compute-optimal frontier, with the "
         "target as half the reference model's reducible loss: our reading (the newsletter does not discuss it)."),
        {"loss": {"compute": 5.76e23, "kaplan": False}, "gpt-human": {"law": "hoffmann"}, "bio-anchors": {"data_exp": "1.0"}},
    ),
    Position(
        "cotra2020", "Cotra 2020: best guess",
        _cotra_2020_summary(),
        COTRA_2020,
        "The report's best-guess column (Rethink Priorities' public port of its spreadsheet, Cotra2020 set).",
        ("Biological anchors: the report's best guesses (the page's defaults).",
         "The Loss and GPT-human chains: the report does not use them; left at the defaults."),
        {"bio-anchors": {}},
    ),
    Position(
        "cotra2022", "Cotra 2022: two-year update",
        "Her 2022 personal figures (~15% by 2030, ~35% by 2036, ~50% by 2040, ~60% by 2050), as this project's "
        "fit of the anchors' inputs to them.",
        COTRA_2022,
        "Her post gives probabilities by year, not the model's inputs; the inputs are our fit to her figures "
        "(see the anchors page's 'Cotra 2022 update (our fit)' preset).",
        ("Biological anchors: every input is our fit (FLOP/$ 4e18 in 2025, more weight on short horizons, "
         "floor 1e26 FLOP, spend doubling 1.5 years, spread 0.8).",
         "The Loss and GPT-human chains: the post does not use them; left at the defaults."),
        {"bio-anchors": dict(COTRA_2022_FIT)},
    ),
    # ---- time horizons (METR's measure, 2025-26) ----
    Position(
        "metr2025", "METR 2025: seven-month doubling",
        "METR's paper: the 50% time horizon has doubled about every seven months since 2019; extended, a "
        "month-long task within five years.",
        METR_PAPER,
        "\"frontier AI time horizon has been doubling approximately every seven months since 2019, though the trend "
        "may have accelerated in 2024\" ... \"extrapolation of this trend predicts that within 5 years, AI systems "
        "will be capable of automating many software tasks that currently take humans a month.\"",
        ("Time horizons: a 7-month first doubling, exponential, 50% success: stated.",
         "Starting from the latest measurement rather than the paper's Claude 3.7 Sonnet: our choice, so the "
         "trend runs from today's frontier.",
         "The other chains: the paper does not use them; left at the defaults."),
        {"time-horizons": {"h_doubling": 7.0}},
    ),
    Position(
        "metr2026", "METR 2026: the trend from 2023 on",
        "METR's Time Horizon 1.1: from 2023 on the horizon doubles every 128.7 days (about 4.2 months).",
        METR_TH11,
        "The trend block of METR's data file: doubling_time_in_days from_2023_on 128.744 (95% CI 104.428 to "
        "158.012); all_time_stitched 187.778.",
        ("Time horizons: fit from 2023, first doubling 4.2 months (128.7 days), exponential: stated.",
         "The other chains: left at the defaults."),
        {"time-horizons": {"fit_since": 2023.0, "h_doubling": 4.2}},
    ),
    Position(
        "ai2027", "AI 2027: superhuman coder by 2027",
        "Eli Lifland's time-horizon-extension forecast (April 2025): 15 minutes at 80% growing superexponentially, "
        "sped up by AI R&D, to a coder that needs 120 work-months.",
        AI2027,
        "Its Method 1 extends METR's trend from a 15-minute 80% horizon; its summary for Eli: superhuman coder in "
        "2027 (80% CI 2025 to 2039).",
        ("Time horizons: AI 2027's model, 80% success, 15 minutes in April 2025, the medians of its 80% intervals "
         "(first doubling 4.74 months, lead 1.22, delay 3.87, speed-ups 0.095 and 7.75, target 120 work-months): "
         "stated as intervals; the medians are our reading.",
         "Growth: superexponential, its most likely case (45%); its mixture (10% subexponential) is the "
         "uncertainty view's to draw.",
         "The other chains: left at the defaults."),
        {"time-horizons": {"metric": "p80", "method": "ai2027", "start_from": "given", "from_year": 2025.25,
                           "from_min": 15.0, "h_doubling": 4.74, "growth": "superexponential"}},
    ),
    Position(
        "critique2025", "The critique: no superexponential",
        "titotal's critique of AI 2027: the superexponential curve reaches every horizon in finite time whatever "
        "the start; take the same start exponentially and without the speed-ups.",
        CRITIQUE,
        "The superexponential curve grows without bound by a fixed date (first doubling / fraction), so the start "
        "and the target hardly matter; this position keeps AI 2027's start and doubling time and drops the curve.",
        ("Time horizons: AI 2027's start (15 minutes at 80%, April 2025) and 4.74-month doubling, exponential, "
         "no speed-ups: our reading of the critique's point, not its own forecast.",
         "The other chains: left at the defaults."),
        {"time-horizons": {"metric": "p80", "start_from": "given", "from_year": 2025.25, "from_min": 15.0,
                           "h_doubling": 4.74}},
    ),
    Position(
        "aifm2025", "AI Futures Model, Dec 2025",
        "The AI Futures Model's figures: a 5.5-month doubling today, each doubling 0.92 times the last, and an "
        "automated coder at a 3.3 work-year horizon.",
        AI_FUTURES,
        "Present doubling time 5.5 months; automated-coder horizon 3.3 work-years; each doubling 0.92x as long as "
        "the one before (the site's figures, as ../shared/MODELS.md quotes them).",
        ("Time horizons: 5.5-month first doubling, superexponential with each doubling 8% shorter, target 3.3 "
         "work-years (6,600 h): stated.",
         "Extrapolated from the latest measurement without the model's AI R&D and compute dynamics: our "
         "simplification. The site's own default (Daniel Kokotajlo's parameters) puts the automated coder in 03/2030; "
         "this extrapolation comes about a year earlier.",
         "The other chains: left at the defaults."),
        {"time-horizons": {"h_doubling": 5.5, "growth": "superexponential", "shrink": 0.08, "target_h": 6600.0}},
    ),
    Position(
        "seed001_sceptic", "Seed 001: long horizons stay hard",
        "The view seed 001 reports: training cost grows about linearly with horizon length, so AIs stay "
        "relatively bad at long tasks; read here as each doubling taking longer.",
        SEED_001,
        "\"A relatively common view is that training cost scales roughly linearly with horizon length and so AI "
        "systems will be relatively bad at long-horizon tasks\"",
        ("Time horizons: subexponential growth, each doubling 20% longer than the last: our reading, the seed "
         "gives no number.",
         "The other chains: left at the defaults."),
        {"time-horizons": {"growth": "subexponential", "stretch": 0.2}},
    ),
)

for _position in POSITIONS:
    _position.check()


def effects(position: Position) -> dict[str, list[tuple[str, str, str]]]:
    """What a position does, per chain it sets: (headline, at the defaults, under the position), where they differ."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for chain in CHAINS:
        if not position.sets(chain.key):
            continue
        values = position.chain_values(chain.key)
        before, after = chain.headline_values(chain.params.defaults()), chain.headline_values(values)
        rows = [(h.label, before[h.key].brief(h), after[h.key].brief(h)) for h in chain.summary_headlines(values)]
        out[chain.key] = [r for r in rows if r[1] != r[2]]
    return out


def find(key: str) -> Position | None:
    """The position called ``key``, or None."""
    return next((p for p in POSITIONS if p.key == key), None)


def cli_listing() -> list[dict[str, object]]:
    """Every position as ``python -m lib positions`` prints it."""
    return [{"key": p.key, "name": p.name, "summary": p.summary,
             "source": {"citation": p.source.citation, "url": p.source.url}, "passage": p.passage,
             "choices": list(p.choices), "silent_on": list(p.silent),
             "values": {c.key: p.overrides(c.key) for c in CHAINS if p.sets(c.key)}}
            for p in POSITIONS]
