"""The GPT-human chain in words: each step with the current numbers, and the dollars a page shows.

Pure: the page passes in the CPI and reference-budget tables it loaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from lib.chains.gpt_human.model import GptHumanResult, Values, format_year
from lib.chains.gpt_human.params import PARAMS
from lib.core import dollars, units
from lib.core.frontier import ON_GPT3_SCALE, chinchilla
from lib.core.units import sci, short, usd


def _law_steps(v: Mapping[str, object], r: GptHumanResult) -> tuple[str, str, str]:
    """The fit, the reference model's loss on it, and the compute formula, for the chosen law."""
    law, ref = str(v["law"]), short(float(v["ref_pfd"]))  # type: ignore[arg-type]
    if law == "gpt3":
        k, b = float(v["fit_k"]), float(v["fit_b"])  # type: ignore[arg-type]
        return (f"L(C) = {k:g} * C^-{b:g}, C in PF-days (Brown et al. 2020 fig. 3.1, via Gwern), a WebText2 loss.",
                f"L = {k:g} * {ref}^-{b:g} = {r.reference_loss:.4f}", f"C = ({k:g} / {r.target_loss:g})^(1/{b:g})")
    if law == "kaplan":
        a, cc = float(v["k_alpha"]), float(v["k_cc"])  # type: ignore[arg-type]
        return (f"L(C) = ({short(cc)} / C)^{a:g}, C in PF-days (Kaplan et al. 2020, eq. 1.3), a WebText2 loss.",
                f"L = ({short(cc)} / {ref})^{a:g} = {r.reference_loss:.4f}", f"C = {short(cc)} * {r.target_loss:g}^(-1/{a:g})")
    constants = chinchilla(v, law)
    e, al, be = (float(x) for x in (constants.e, constants.alpha, constants.beta))  # type: ignore[arg-type]
    name = "Hoffmann et al. 2022" if law == "hoffmann" else "Besiroglu et al. 2024"
    return (f"L(N, D) = {e:g} + A/N^{al:g} + B/D^{be:g} ({name}) along its compute-optimal frontier "
            f"(C = 6ND), a MassiveText loss: there L = E + K * (C/6)^-{al * be / (al + be):.4g}.",
            f"the compute-optimal model's L = {r.reference_loss:.4f}",
            f"C = 6 * (({r.target_loss:.4f} - {e:g}) / K)^-(1/{al * be / (al + be):.4g})")


def _which_reference(v: Mapping[str, object]) -> tuple[str, str]:
    """The run the chain starts from, by name where it is one we know (origin=latest or the essay's GPT-3),
    and how firm its compute is where the data rate it (Epoch's confidence, taken from the export)."""
    from lib.chains.gpt_human.origin import KEYS, starts_from

    latest = starts_from(v)  # type: ignore[arg-type]
    if latest is not None:
        return f"The largest run in Epoch AI's data, {latest.model} ({latest.when}),", latest.rating
    if all(v[k] == PARAMS[k].default for k in KEYS):
        return "The essay's reference model, GPT-3 175B (May 2020),", ""
    return "Your reference model", ""


def derivation(values: Values, result: GptHumanResult) -> list[tuple[str, str]]:
    """The chain as (step, text) pairs with the current numbers, so a debate can cite a step."""
    v, _ = PARAMS.coerce(values)
    start = int(v["start"])  # type: ignore[arg-type]
    r = result
    fit, reference, compute = _law_steps(v, r)
    e = r.irreducible
    which, rating = _which_reference(v)
    rated = f" ({rating})" if rating else ""
    steps = [
        ("Fit", fit),
        ("Reference", f"{which} at {short(float(v['ref_pfd']))} PF-days{rated}: {reference}."),  # type: ignore[arg-type]
    ]
    if v["target"] == "ratio" or v["law"] not in ON_GPT3_SCALE:
        irreducible = f"{e:.3g} + " if abs(e) > 1e-9 else ""
        reducible = f"({r.reference_loss:.4f} - {e:.3g})" if abs(e) > 1e-9 else f"{r.reference_loss:.4f}"
        steps.append(("Target", f"Human loss = {irreducible}{reducible} / {float(v['ratio']):g} "  # type: ignore[arg-type]
                                f"= {r.target_loss:.4f}" + (": the reference model's loss above the law's irreducible "
                                                            "E, divided by the error ratio." if irreducible else ".")))
    else:
        steps.append(("Target", f"Human loss set directly to {r.target_loss:g} (the essay cuts "
                                f"{r.reference_loss:.4f}/2 = {r.reference_loss / 2:.4f} down to 0.86)."))
    if r.status == "never":
        steps.append(("Floor", f"The target {r.target_loss:g} is at or below the irreducible loss "
                               f"{max(r.floor, r.irreducible):g}: never reached, never affordable."))
        return steps
    assert r.compute_pfdays is not None and r.compute_multiplier is not None
    assert r.doublings is not None and r.cost_start_usd is not None and r.halvings_to_budget is not None
    assert r.year_compute_reached is not None and r.year_affordable is not None
    if r.floor > 0:
        steps.append(("Floor", f"The curve follows the law down to the floor {r.floor:g}; "
                               "the target is above it, so the floor does not bind."))
    dm, hm = float(v["doubling"]), float(v["halving"])  # type: ignore[arg-type]
    years_c, years_a = r.doublings * dm / 12, r.halvings_to_budget * hm / 12
    steps += [
        ("Compute", f"{compute} = {sci(r.compute_pfdays, 3)} PF-days "
                    f"= {sci(r.compute_flop or 0.0, 3)} FLOP = {sci(r.compute_multiplier, 3)}× the reference."),
        ("Doublings", f"log2({sci(r.compute_multiplier, 3)}) = {r.doublings:.2f} doublings, counted "
                      f"fractionally (whole doublings: {r.doublings_whole}). At {units.quantity(dm, 'month')} each: "
                      f"{years_c:.2f} years after the start of {start}: {format_year(r.year_compute_reached)} "
                      f"({format_year(r.year_compute_reached_whole)} with whole doublings)."),
        ("Cost", f"{usd(float(v['ref_cost']))} × {sci(r.compute_multiplier, 3)} = {usd(r.cost_start_usd)} "  # type: ignore[arg-type]
                 f"in {start} dollars (cost assumed proportional to compute at {start} prices)."),
        ("Halvings", f"log2({usd(r.cost_start_usd)} / {usd(float(v['budget']))}) = "  # type: ignore[arg-type]
                     f"{r.halvings_to_budget:.2f} halvings, counted fractionally (whole: {r.halvings_whole}). "
                     f"At {units.quantity(hm, 'month')} each: {years_a:.2f} years. Affordable: {format_year(r.year_affordable)} "
                     f"({format_year(r.year_affordable_whole)} with whole halvings).")
        if r.halvings_to_budget > 0 else
        ("Halvings", f"{usd(r.cost_start_usd)} is already within the {usd(float(v['budget']))} budget "  # type: ignore[arg-type]
                     f"at {start} prices: no halvings needed, affordable from the start of {start}."),
    ]
    return steps


ESSAY_DATES = (
    "Footnote 20 counts 22 whole doublings (22 × 3.4 months = 6.2 years; it writes 6.3) and says \"in 2027\", "
    "which matches counting from GPT-3's release in mid-2020. This page counts fractional doublings (21.07) from "
    "the start of the start year, which lands about a year earlier, in late 2025. The essay's 14 halvings of "
    "16 months (18.7 years) from early 2020 give its 2038."
)


@dataclass(frozen=True)
class Money:
    """The dollars a page shows: a conversion factor from start-year dollars, its label, budgets."""

    factor: float
    label: str
    budgets: list[dollars.Budget]
    notes: list[str]

    def usd(self, start_year_usd: float | None) -> str:
        """An amount in start-year dollars, shown in the chosen dollars."""
        return "unreachable" if start_year_usd is None else usd(start_year_usd * self.factor)


def money(values: Values, cpi_table: pd.DataFrame, budgets_table: pd.DataFrame) -> Money:
    """Start-year or today's dollars (CPI), and the chosen reference budgets in those dollars."""
    v, _ = PARAMS.coerce(values)
    start = int(v["start"])  # type: ignore[arg-type]
    cpi = dollars.cpi_from_table(cpi_table)
    refs: Mapping[str, object] = v
    budgets, notes = dollars.reference_budgets(budgets_table, tuple(refs["refs"]), start, cpi)  # type: ignore[arg-type]
    if v["dollars"] != "today":
        return Money(1.0, f"{start} dollars", budgets, notes)
    latest = max(cpi)
    factor, more = dollars.convert(1.0, start, latest, cpi)
    # Budgets were converted to start-year dollars; the factor takes everything to today's.
    return Money(factor, f"{latest} dollars", budgets, sorted(set(notes) | set(more)))
