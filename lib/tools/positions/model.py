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
